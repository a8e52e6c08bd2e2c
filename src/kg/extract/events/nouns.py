"""Events told by nouns and by phrases: anchored by a participant, a place, a time, a name or a kind."""

from __future__ import annotations

from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, PLACE_TYPES, Context
from kg.extract.events.lexicon import Triggers
from kg.extract.events.modality import outcome_to_come, unrealised
from kg.extract.events.occasions import COUNTED, TOLD_ANEW
from kg.extract.events.roles import (
    LOCATIVE,
    NOT_THE_AGENTS_VERB,
    STATE_ACTS,
    STATE_IS_THE_PLACE,
    Builder,
    done_to,
    of_is_object,
    past_dateline,
    prep_objects,
    state_modifier,
)
from kg.extract.events.timing import time_of
from kg.extract.organizations import has_a_body_head
from kg.gazetteer import Place
from kg.lexicon import lexicon

_NO_AGENT = {"Disaster"}
"""Events nobody does: the subject of the verb a disaster noun hangs off ("NHK reported the
quake", "Fiji braced for the cyclone") reports or suffers it."""
_STRIKING = ("hit", "strike", "ravage", "sweep", "batter", "devastate", "rock", "shake", "damage",
             "destroy", "cause")
"""Verbs whose object is where a disaster happened, in a relative clause or with the disaster
as subject: "the storm that hit Fiji", "the worst drought to strike Kenya", "fire damaged a
cathedral in Lisbon"."""
_GOING = ("arrive", "fly", "travel", "come", "go", "head", "return", "gather", "meet")
"""Verbs of going whose "for" names what the goer takes part in: "arrived for a state visit",
"flew to Geneva for talks" (not "rebuked Moscow for the bombing")."""
_ATTENDED = {"Meeting", "Visit", "PressConference", "Protest", "Interview", "Election"}
"""Events one takes part in by going to them (not a funeral or a trial one attends)."""
_TAKING_PART = ("attend", "join", "hold", "lead", "chair", "host")
"""Verbs whose doer takes part in the gathering they are done to, also in a participle on the
doer: "a member of the Northern Alliance attending the talks" (not "diplomats observing" them)."""
_VIOLENT = {"Attack", "War", "Protest"}
"""Events people are killed in: a death told in one ("killed in an air raid", "died in riots",
"killed in fierce fighting") tells that it happened, with no one named."""
_HURT = ("injure", "wound", "hurt")
"""Verbs of harm short of death that tell a violent event as killing does: "hundreds were
injured in nationwide riots"."""
_OWNED_UP = ("responsibility", "credit", "blame")
"""Nouns by which a subject owns an event: "claimed responsibility for the attack"."""


def noun_type_of(ctx: Context, token: Any, triggers: Triggers) -> str | None:
    """The event type a noun stands for, before :func:`noun_trigger` asks whether this
    sentence tells that event; None for a noun that triggers none ("the talks": "Meeting").
    It reads the parse only and makes no mention, so a finder may ask it first."""
    compound = " ".join([c.lower_ for c in token.children if c.dep_ == "compound" and c.i < token.i]
                        + [token.lemma_.lower()])
    return triggers.noun_type(token, compound) or _told_deadly(ctx, token, triggers)


def noun_trigger(ctx: Context, token: Any, triggers: Triggers, dates: list[Any]) -> Builder | None:
    """The event a noun triggers, when it is one in this sentence: of a type the lexicon
    gives it, with the roles its type needs, and anchored by a participant, a place, a time,
    a name or a kind ("the anthrax attacks")."""
    type_ = noun_type_of(ctx, token, triggers)
    if type_ is None or (type_ in triggers.named and token.ent_type_ == "EVENT"):
        return None
    if _a_service_named(ctx, token, triggers):
        return None  # "Fire Commissioner Tom Hale said", "the Fire Department said": no fire
    arson = triggers.set_by_people(token, ctx.fires_told) if type_ == "Disaster" else None
    type_ = arson or type_  # "the first fire was lit": arson, not a disaster
    named = ctx.mention_in(token)
    if named is not None and named.kind == "name" and named.type not in PLACE_TYPES and \
            " " in named.text and triggers.named_disaster(token) is None:
        return None  # a word of a name: "Activision Blizzard", "the Strike Force"
    if token.dep_ == "dobj" and token.head.lemma_.lower() in lexicon().events.unrealised_verbs:
        return None  # "considers a military attack", "called for a ceasefire"
    if done_to(ctx, type_) and _threatened(token):
        return None  # "Besigye faces arrest": not arrested, nor his own arrester
    if _wished_for(token):
        return None  # "called for a ceasefire", "his call for a cease-fire": asked, not had
    if outcome_to_come(token, lexicon().words("event-outcomes.txt")):
        return None  # "it will lead to further arrests": an outcome still to come
    if _charged(token, triggers):
        return None  # "charged with waging war against India": what the court says he did
    told = unrealised(token, lexicon().events.intentions, lexicon().events.plans,
                      triggers.journeys)
    if told == "wished" or (told == "planned" and type_ not in triggers.when_planned):
        return None  # "she said she would open coalition talks": not yet, maybe never
    builder = _noun_event(ctx, token, type_)
    if type_ in triggers.of_a_vote:
        _candidates_of_the_result(builder, triggers.of_a_vote[type_]["results"])
    if triggers.answered(token, type_):
        _answered(builder)
    _unnamed_who_died(builder)
    if token.lemma_.lower() not in triggers.nouns and token.lemma_.lower() in triggers.deadly_words:
        builder.rule = "event-deadly-misfortune"
        builder.anchored = triggers.deadly(token) is not None  # it killed: it happened
        if not builder.anchored and triggers.of_a_year(token) is not None:
            builder.rule = "event-misfortune-of-a-year"  # "after the 1999 canyoning tragedy"
            builder.anchored = True
    if arson is not None:
        builder.rule = ARSON
    if type_ == "Report" and triggers.made_document(token) is not None:
        builder.rule = DOCUMENT_MADE  # "a leaked document prepared for the richest countries":
        builder.subject = builder.anchored = True  # made by someone, named or not
    if type_ == "Disaster" and token.tag_ == "NNS" and any(c.dep_ == "nummod" for c in token.children):
        builder.rule = COUNTED  # "more than 100 fires are burning": several disasters
    if type_ == "Attack" and builder.rule is None and _told_anew(token):
        builder.rule = TOLD_ANEW  # "an attack on a bus", "rocket strikes": not "the attack"
    if type_ in _VIOLENT and token.dep_ == "pobj" and token.head.lower_ in ("in", "during") and (
            token.head.head.lemma_.lower() in triggers.killing or token.head.head.lemma_.lower() in _HURT):
        builder.anchored = True  # "three civilians were killed in an air raid", "20 people were
        # killed in nationwide riots", "one was killed in intense fighting": it happened
    course = triggers.course_of(token, type_)
    if course is not None:  # "fires are burning across Victoria": it goes on, there
        builder.anchored = True
        if course.i == token.head.i:
            builder.prepositions(course)
    if any(not builder.has(role) for role in triggers.needs_for_nouns.get(type_, ())):
        return None
    if triggers.named_disaster(token) is not None:
        builder.roles = [(role, ref) for role, ref in builder.roles if role != "agent"]  # its name
    elif token.pos_ == "PROPN":
        _place_in_name(builder)
    kind = type_ in triggers.kinds_anchor and any(
        c.dep_ == "compound" and c.pos_ == "NOUN" for c in token.children)
    if not builder.roles and token.dep_ == "dobj" and token.head.pos_ == "VERB":
        builder.locate_from_arguments(token.head)  # "dock workers in Rotterdam staged a strike"
    fought = type_ in triggers.enemies and triggers.fights_an_enemy(token, type_)  # "the war on terror"
    if not builder.roles and not builder.anchored and time_of(ctx, builder, dates)[0] is None \
            and not _named_event(token) and not kind and not triggers.sealed(token, type_) \
            and not _lasted(token) and not fought:
        if type_ == "Disaster" and _first_told_as_known(token, triggers):
            builder.rule = STORY_DISASTER  # "The quake was followed by 150 aftershocks"
            return builder
        # Without a participant, place or time a noun ("still at war", "the attack",
        # "the flooding") names a state of affairs or a topic: no anchor, no event.
        return None
    return builder


STORY_DISASTER = "event-story-disaster"
"""The rule that finds the disaster a story tells of by its first mention, definite and with no
place: "The quake was followed by 150 aftershocks, officials said." (kept only where the
article tells no other disaster: finder)."""


def _a_service_named(ctx: Context, token: Any, triggers: Triggers) -> bool:
    """Whether a name that a disaster noun begins is a title or a body that deals with such
    disasters, not a disaster of that name as "Hurricane Otis" is (rule
    event-no-disaster-in-a-title): "Fire Commissioner Tom Hale told reporters", "Flood Chief
    Ana Ruiz said", "the Fire Department said", "a Storm Service spokesman"."""
    if triggers.named_disaster(token) is None or token.lemma_.lower() in triggers.nouns or \
            token.lower_ in triggers.nouns:
        return False
    if token.lower_ in ctx.gazetteer.titles or token.lower_ in ctx.gazetteer.occupations:
        return True
    named = ctx.mention_in(token)
    return (named is not None and named.type in ORGANIZATION_TYPES) or has_a_body_head(token.text)


def _first_told_as_known(token: Any, triggers: Triggers) -> bool:
    """Whether a disaster noun is the article's first word of a disaster, taken as known with
    "the" and told as the subject of a deed done: "The quake was followed by 150 aftershocks",
    "The cyclone destroyed 300 homes" (not "the drought could worsen", "the fire will burn
    for days", nor "the fires", several)."""
    verb = token.head
    if token.tag_ != "NN" or token.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB" or \
            not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or \
            any(c.dep_ in ("poss", "nummod") for c in token.children):
        return False
    if verb.tag_ not in ("VBD", "VBN") or any(
            c.dep_ in ("aux", "auxpass", "neg") and (c.tag_ == "MD" or c.dep_ == "neg")
            for c in verb.children):
        return False  # "the quake could trigger a tsunami"
    return not any(t.i < token.i and t.pos_ in ("NOUN", "PROPN")
                   and triggers.noun_type(t, t.lemma_.lower()) == "Disaster" for t in token.doc)


def _threatened(token: Any) -> bool:
    """Whether an event noun is what a verb of ``event-threats.txt`` holds over its subject,
    told in the present or under a modal: "faces arrest", "could face trial", "is facing
    extradition", "risks jail" (not yet, if ever; the subject is the one it would be done to);
    not "faced trial in 2010", told as past."""
    verb = token.head
    if token.dep_ != "dobj" or verb.pos_ != "VERB" or \
            verb.lemma_.lower() not in lexicon().words("event-threats.txt"):
        return False
    return verb.tag_ in ("VBZ", "VBP", "VBG") or any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _wished_for(token: Any) -> bool:
    """Whether an event noun, or the one it is joined to by "and", is what a word of
    ``event-wished-for.txt`` asks "for", which has not happened by being asked: "called for a
    ceasefire", "his call for a cease-fire with Israel", "demands for a referendum and
    talks"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "for" and prep.head.i != prep.i and \
        prep.head.lemma_.lower() in lexicon().words("event-wished-for.txt")


def _candidates_of_the_result(builder: Builder, results: set[str]) -> None:
    """The candidates a vote's result names, when the vote is the "of" or "in" of a result
    noun (the lexicon's ``of_a_vote`` results): its possessive ("Macron's victory in the
    run-off"), the one declared it ("declared William Ruto the winner of the August poll",
    "Ruto was declared the winner of the election", "Ruto was the winner of the poll"), by
    name only (not "his victory")."""
    token = builder.trigger
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("of", "in") or prep.head.pos_ != "NOUN" or \
            prep.head.lemma_.lower() not in results:
        return
    result = prep.head
    candidates = [c for c in result.children if c.dep_ in ("poss", "appos", "nsubj")]
    verb = result.head
    if result.dep_ == "oprd":  # "declared Ruto the winner"
        candidates += [c for c in verb.children if c.dep_ == "dobj"]
    elif result.dep_ in ("dobj", "attr"):  # "Ruto was declared the winner", "Ruto was the winner"
        candidates += [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")
                       and (c.dep_ == "nsubjpass" or result.dep_ == "attr")]
    for candidate in candidates:
        builder.add_named("agent", candidate)


def _told_anew(token: Any) -> bool:
    """Whether a noun introduces what it tells, with "a" or as a bare plural ("killed ten
    people in an attack on a bus", "launched retaliatory strikes on the town", "a wave of
    suicide bombings"), not taking up one told before ("the bus ambush", "these attacks",
    "Israel's raids")."""
    determiners = [c for c in token.children if c.dep_ in ("det", "poss")]
    if determiners:
        return all(c.dep_ == "det" and c.lower_ in ("a", "an") for c in determiners)
    return token.tag_ == "NNS"


def _noun_event(ctx: Context, token: Any, type_: str) -> Builder:
    builder = Builder(ctx, type_, token)
    patient = done_to(ctx, type_)
    for child in [*token.children, *_hyphened(token)]:
        if child.dep_ == "poss" and token.pos_ == "NOUN" and type_ in STATE_IS_THE_PLACE and \
                ctx.mention_in(child, PLACE_TYPES) is not None:
            builder.add("location", child)  # "Slovenia's snap election", "Chile's worst drought"
        elif child.dep_ == "poss" and type_ in _NO_AGENT:
            # "the city's worst storm": the town told before; "the state's fires", "the
            # company's fire": no one did them, but whose they are tells which (an anchor)
            owner = builder.owner_place(token)
            if owner is not None:
                builder.add("location", owner)
            builder.anchored = True
        elif child.dep_ == "poss":
            bought = of_is_object(type_, token) and any(  # "Fox's takeover by Disney"
                c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in token.children)
            builder.add("participant" if patient or bought else "agent", child)  # "Diaz's arrest"
        elif child.dep_ == "compound" and type_ in STATE_ACTS and \
                ctx.mention_in(child, ("Country",)) is not None:
            builder.add("agent", child)  # "a US air raid": the state acts
        elif child.dep_ == "compound" and ctx.mention_in(child, PLACE_TYPES):
            builder.add("location", child)  # "the Johannesburg summit", "the Kobe earthquake"
        elif child.dep_ == "compound" and ctx.mention_in(child):
            builder.add("agent", child)
        elif child.dep_ == "amod":
            state_modifier(builder, child)
        elif child.dep_ == "acl" or (child.dep_ == "relcl" and child.lemma_.lower() in _STRIKING):
            builder.prepositions(child)
            for obj in child.children:  # "the worst flooding to hit central Europe"
                if obj.dep_ == "dobj" and builder.place_of(obj) is not None:
                    builder.add("location", builder.place_of(obj))
    builder.prepositions(token)
    head = token.head
    if token.dep_ == "nsubj" and type_ in _NO_AGENT and head.pos_ == "VERB" and (
            token.pos_ == "PROPN" or head.lemma_.lower() in (*_STRIKING, "kill")):
        _where_it_struck(builder, head)  # "Cyclone Freddy has killed 400 people in Malawi",
        # "a storm hit the fleet off the south coast", "a quake shook parts of Chile's north"
    verb = None
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") \
            and (head.lower_ not in NOT_THE_AGENTS_VERB or (
                head.lower_ == "for" and head.head.lemma_.lower() in _GOING
                and type_ in _ATTENDED)):
        verb = head.head  # "talks with X", "flew to Warsaw for talks"
    elif token.dep_ == "pobj" and head.lower_ == "for" and \
            head.head.lemma_.lower() in _OWNED_UP and head.head.head.pos_ == "VERB":
        verb = head.head.head  # "Al-Shabaab claimed responsibility for the bombing"
    elif token.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
        verb = head  # "won the election", "impose a tariff", "a ceasefire was agreed"
    if verb is not None and (verb.lemma_.lower() in lexicon().events.reactions
                             or type_ in _NO_AGENT or (token.dep_ == "dobj" and any(
                                 c.dep_ == "oprd" for c in verb.children))):
        verb = None  # "the opposition dismissed the reshuffle", "called the talks a failure":
        # the critic took no part
    if verb is not None and type_ == "Death":
        _death_told_by(builder, verb)
        verb = None
    if verb is not None:
        for child in verb.children:
            if child.dep_ == "nsubjpass" and type_ == "Meeting" and token.dep_ == "pobj":
                builder.add("agent", child)  # "unions were locked in talks with Qantas"
                builder.subject = True
            if child.dep_ == "nsubj" and not builder.has("agent"):
                subject = past_dateline(ctx, child)
                if subject is not None:
                    builder.add("agent", subject)
                    builder.subject = True
            elif child.dep_ in ("dative",) or (child.dep_ == "dobj" and child.i != token.i):
                builder.add("participant", child)
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.lemma_.lower() in _TAKING_PART and \
                not any(c.dep_ == "nsubj" for c in verb.children):
            builder.add("agent", verb.head)  # "a member of the Northern Alliance attending the talks"
            # (the UN-sponsored talks too: who runs them takes part beside those attending)
            builder.subject = True
        builder.prepositions(verb)
    return builder


def _unnamed_who_died(builder: Builder) -> None:
    """A death noun whose "of" names a person the text leaves unnamed tells that person's
    death: "the death of a Fijian", "the death of a race official", "the deaths of 12 miners"
    (data/gold/README.md: the unnamed go in ``unnamed``, the death has happened). A person is
    a people's word (NORP), a person's role (occupations.txt), a kinship noun, or a counted
    noun; not "the death of democracy"."""
    token = builder.trigger
    if token.lemma_.lower() != "death" or builder.has("agent") or builder.has("participant"):
        return  # (not "the funeral of his father": a rite, told beside the death if at all)
    roles = lexicon().words("occupations.txt") | lexicon().words("counted-nouns.txt")
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for person in prep_objects(prep):
            word = person.lemma_.lower()
            if person.ent_type_ in ("DATE", "TIME"):
                continue  # "the death toll of 15 months"
            if person.ent_type_ in ("NORP", "PERSON") or word in roles or person.lower_ in roles \
                    or word in builder.ctx.gazetteer.kinship or any(
                        c.dep_ == "nummod" for c in person.children):
                builder.subject = True  # someone died: no one named
                builder.anchored = True
                people = builder.ctx.mention_in(person)
                if people is not None and people.kind == "demonym":  # "a Fijian": not Fiji's
                    builder.roles = [(role, ref) for role, ref in builder.roles if ref != people.id]
                builder.rule = "event-death-of-someone-unnamed"
                return


DOCUMENT_MADE = "event-document-made"
"""The rule that finds a report told by its document made or leaked: "according to a leaked
document prepared for the world's richest countries" (someone reported, though unnamed)."""


ARSON = "event-fire-set-by-people"
"""The rule that finds a fire people set as an Attack, or a Protest's ("fires and rioting")."""


ANSWERED = "event-answered-report"
"""The rule that finds reports told by someone's answer to them ("denies reports that ..."):
the answer, given or not, does not undo them (finder._finish does not negate them)."""


def _answered(builder: Builder) -> None:
    """A report its sentence's subject answers was made, by others: "he denies reports the
    man was a member" (the reports are told; he is not their reporter), "cannot confirm media
    reports" (they were made, though not confirmed)."""
    verb = builder.trigger.head
    ctx = builder.ctx
    answering = {m.id for c in verb.children if c.dep_ == "nsubj"
                 for m in [ctx.mention_in(c)] if m is not None}
    builder.roles = [(role, ref) for role, ref in builder.roles if ref not in answering]
    builder.anchored = True
    builder.subject = True  # someone made them, unnamed
    builder.rule = ANSWERED


def _hyphened(token: Any) -> list[Any]:
    """The words a noun's modifier is joined to by a hyphen, modifiers of the noun too: "the
    Israeli-Palestinian conflict", "the India-Pakistan war" (both states are its sides)."""
    doc = token.doc
    return [c for m in token.children if m.dep_ in ("amod", "compound") and m.i < token.i
            for c in m.children if c.dep_ == m.dep_ and c.i == m.i - 2 and doc[c.i + 1].text == "-"]


def _death_told_by(builder: Builder, verb: Any) -> None:
    """Who died and where, as the verb a death noun hangs on tells it: the one killed "to death"
    ("stabbed a teenager to death": the teenager, not the stabber, died), the place that
    counts the deaths ("Queensland has recorded 18 road deaths"); not the subject who mourns,
    causes or reports them."""
    trigger = builder.trigger
    builder.subject = any(c.dep_ == "nsubj" for c in verb.children)  # "the raid brought the toll to 40"
    builder.anchored = builder.subject  # "the shelling caused 20 deaths": they happened
    for child in verb.children:
        if child.dep_ == "nsubj" and builder.place_of(child) is child:
            builder.add("location", child)  # a count of deaths in the place: nobody named died
        elif child.dep_ == "dobj" and trigger.dep_ == "pobj" and trigger.head.lower_ == "to":
            builder.add("agent", child)  # the one who died: "shot the guard to death"
            builder.subject = True
    builder.prepositions(verb)


def _where_it_struck(builder: Builder, verb: Any) -> None:
    """The place of a named disaster that is the subject of a verb: where the verb says it acted,
    by a locative ("killed 400 people in Malawi") or a place it hit ("hit Acapulco"), also in
    a clause of time ("killed 27 people when it hit Acapulco")."""
    clauses = [verb, *[c for c in verb.children if c.dep_ == "advcl"]]
    for clause in clauses:
        for child in clause.children:
            if child.dep_ == "prep" and child.lower_ in LOCATIVE:
                builder.prepositions(clause)
            elif child.dep_ == "dobj" and clause.lemma_.lower() in _STRIKING and \
                    builder.place_of(child) is not None:
                builder.add("location", builder.place_of(child))
    builder.locate_from_arguments(verb)  # "killed 400 people in Malawi", parsed on the people


def _told_deadly(ctx: Context, token: Any, triggers: Triggers) -> str | None:
    """The event a word of misfortune names where the article tells elsewhere that it killed:
    "the Interlaken tragedy" of a story whose tragedy "killed 21 people" (anchored as any
    other event noun must be)."""
    type_ = triggers.deadly_words.get(token.lemma_.lower())
    if type_ is None or token.pos_ != "NOUN" or \
            not any(triggers.deadly(other) == type_ for other in ctx.doc):
        return None
    return type_


def _charged(token: Any, triggers: Triggers) -> bool:
    """Whether an event noun names the crime a court step charges, which the court alleges or
    finds, not the text: "charged with waging war against India", "found guilty of murder"
    (the charge or verdict is the event, a Trial)."""
    if token.dep_ == "dobj" and token.head.tag_ == "VBG":
        deed = token.head  # "convicted of robbing a bank and committing three murders":
        while deed.dep_ == "conj" and deed.head.tag_ == "VBG":  # the deeds the court found
            deed = deed.head
        if deed.dep_ not in ("pcomp", "pobj"):
            return False
        token = deed
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp") or prep.lower_ not in ("with", "of"):
        return False
    step = prep.head
    lemma = step.lemma_.lower()
    return triggers.predicates.get(lemma) == "Trial" or any(
        type_ == "Trial" for type_, _ in triggers.verbs.get(lemma, []))


def _lasted(token: Any) -> bool:
    """Whether an event noun is counted in a span of time, which says it went on: "two
    decades of war", "15 months of bloodshed", "nine days of talks"."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.ent_type_ == "DATE" and \
        head.head.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in head.head.children)


def _named_event(token: Any) -> bool:
    """Whether an event noun ends a name ("the Johannesburg Earth Summit", "the Lima Climate
    Conference"): a name is an anchor of its own."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)


def _place_in_name(builder: Builder) -> None:
    """The known place an event's name begins with: "the Johannesburg Earth Summit" was held in
    Johannesburg (the model takes the whole name for an organisation's)."""
    ctx = builder.ctx
    for child in builder.trigger.children:
        if child.dep_ != "compound" or child.pos_ != "PROPN" or ctx.mention_at(child) is not None:
            continue
        place = ctx.gazetteer.lookup(child.text)
        if isinstance(place, Place) and place.type in ("City", "AdministrativeRegion"):
            ctx.add_mention([child], place.type, key=place.key)
            builder.add("location", child)
            return


def phrase_event(ctx: Context, token: Any, type_: str) -> Builder | None:
    """Multi-word triggers: "didn't respond to requests for comment", "the flight of X"."""
    builder = Builder(ctx, type_, token)
    if type_ == "NoComment":
        verb = token if token.pos_ in ("VERB", "AUX") else token.head
        while verb.pos_ not in ("VERB",) and verb.head.i != verb.i:
            verb = verb.head
        for child in verb.children:
            if child.dep_ == "nsubj":
                builder.add("agent", child)
        return builder if builder.has("agent") else None
    builder.prepositions(token)
    return builder if builder.has("agent") else None
