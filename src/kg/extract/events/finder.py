"""Every event of an article: its triggers found, their events built, dated, placed, repeats merged."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, STRAIGHT, Context
from kg.extract.events.lexicon import Triggers, hyphen_joined, particles_of
from kg.extract.events.modality import (
    Told,
    asked_whether,
    conditional,
    dated_to_come,
    future,
    judged_in_general,
    unrealised,
)
from kg.extract.events.nouns import ANSWERED, STORY_DISASTER, noun_trigger, noun_type_of, phrase_event
from kg.extract.events.occasions import NAMED
from kg.extract.events.places import (
    AT_THE_DATELINE,
    SITUATED,
    at_gatherings,
    country_of_the_war,
    finer_place_told_later,
    place_before,
    place_in_sentence,
    place_in_the_compound,
    place_left_behind,
    place_of_the_clause,
    place_of_the_court,
    place_of_where,
    placeless,
)
from kg.extract.events.roles import INTERVIEW_ANCHORS, LOCATIVE, REPORTING, Builder, prep_objects
from kg.extract.events.speakers import (
    an_outlet_takes_part,
    body_of_speaker,
    gendered_agents,
    gives_its_own_figures,
    holder_named,
    named_after_the_title,
    outlet_spoken_to,
    places_of_the_speakers,
    pronoun_speakers,
    reported_by_no_one,
    spoken_for,
    titled_person,
    told_an_outlet,
)
from kg.extract.events.timing import date_of, time_of
from kg.extract.events.verbs import (
    STATE_CUTS_TIES,
    a_state_cuts_ties,
    attack_of_killers,
    deaths_of_victims,
    identifies,
    person_held,
    post_taken,
    predicate_event,
    retype_by_form,
    took_a_post,
    traveller_in_office,
    verb_arguments,
    verb_event,
)
from kg.extract.quotations import within_sentence
from kg.lexicon import lexicon
from kg.model import Event, Mention, ToldAs


def find_events(ctx: Context) -> list[Event]:
    """Every event the trigger lexicon finds in the article, with roles and time."""
    triggers = Triggers.of(lexicon().events.triggers)
    doc = ctx.doc
    dates = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
    builders: list[Builder] = []
    used: set[int] = set()
    # A trigger of several words ends in the noun's lemma after a space ("test launch"), so the
    # noun's compounds are read only where its lemma is such an ending.
    endings = {key.split(" ", cut)[-1] for key in triggers.nouns for cut in range(1, key.count(" ") + 1)}
    noun_triggers = {t.i for t in ctx.tokens_with("pos", ("NOUN", "PROPN")) if (
        t.lemma_.lower() in endings and triggers.nouns.get(
            " ".join([c.lower_ for c in t.children if c.dep_ == "compound"
                      and c.i < t.i] + [t.lemma_.lower()]))
        or triggers.nouns.get(t.lemma_.lower()) or triggers.nouns.get(t.lower_)
        or triggers.nouns.get(hyphen_joined(t) or ""))
        and not triggers.excluded_sense(t)}  # "near the Rafah border crossing": no journey
    words = lexicon().events
    how_told: dict[int, Told | None] = {}

    def told(token: Any) -> Told | None:
        """How the text tells the event of a word (see :func:`unrealised`), decided only for
        the words that may trigger one, once each."""
        if token.i not in how_told:
            how_told[token.i] = "wished" if conditional(token) or judged_in_general(token) \
                or asked_whether(token) else unrealised(
                token, words.intentions, words.plans)
            head = token.head
            if how_told[token.i] is None and _infinitive(token) and head.pos_ in ("VERB", "AUX") \
                    and head.i != token.i and not _goes_on_to(head) \
                    and (_not_done(head) or told(head) == "wished"):
                how_told[token.i] = "wished"  # "ASIO could use the laws to detain people": no arrest
        return how_told[token.i]

    noun_triggers |= {t.i for t in ctx.tokens_with("dep", ("xcomp",)) if t.pos_ == "VERB"
                      and t.lemma_.lower() in triggers.verbs and told(t) != "wished"}
    type_: str | None
    unnamed_speaking: list[Builder] = []
    # Only a verb, a noun or an adjective can be a trigger (every test below asks for one of
    # them, or the lexicon's adjectives): the other words are not read at all.
    for token in ctx.tokens_with("pos", _TRIGGER_PARTS_OF_SPEECH):
        lemma = token.lemma_.lower()
        if triggers.excluded_sense(token):
            continue
        # Words that tell an event only in one form: "found dead", "is holding a man"
        special = triggers.predicates if token.pos_ == "ADJ" else \
            triggers.of_persons if token.pos_ == "VERB" else {}
        if lemma in special:
            if told(token) == "wished":
                continue
            read = predicate_event if token.pos_ == "ADJ" else person_held
            found = read(ctx, token, special[lemma])
            if found is not None:
                builders.append(found)
                used.add(token.i)
            continue
        if identifies(ctx, token, triggers):
            continue  # "police named the victim as Tom Hughes": who he was, no appointment
        gerund = token.pos_ == "VERB" and triggers.nominal_gerund(token)  # "fighting between X and Y"
        post = post_taken(ctx, token, triggers) if not gerund else None  # "was named CEO"
        sense = ("Appointment", None) if post is not None else \
            triggers.verb_type(token) if token.pos_ == "VERB" and not gerund else None
        if sense is None and not gerund and token.pos_ in ("NOUN", "PROPN") and \
                noun_type_of(ctx, token, triggers) is None:
            continue  # a noun of no event: noun_trigger would find none, told or not
        if sense is None and token.pos_ not in ("NOUN", "PROPN") and not gerund or \
                told(token) == "wished":
            continue  # no trigger, or one told as only wished or conditional
        if sense is not None and sense[0] in _WORDS and _same_words(token, triggers):
            continue  # "congratulated her in a statement, calling the result a vote for stability",
            # "the Times reported, quoting officials"
        if sense is not None and sense[0] == "Statement" and triggers.order_to_a_listener(token):
            continue  # "the police had told them not to comment": an order, no occasion of speech
        if sense is not None:
            type_, particle = sense
            particles = particles_of(token, particle)
            if particle and not particles:
                continue
            beyond = [o for word in particles for p in word.children if p.dep_ == "prep"
                      for o in prep_objects(p)]  # "walked out of the talks": the talks
            passive_killing = type_ == "Attack" and lemma in triggers.passive_death and not any(
                c.dep_ == "nsubj" for c in token.children)  # "were killed in an ambush": deaths
            reacting = lemma in words.reactions or triggers.naming(token)  # "condemned the attack"
            if type_ not in ("Report", "Trial") and not passive_killing and not reacting and (any(
                    c.i in noun_triggers and (c.pos_ == "VERB" or (
                        noun_trigger(ctx, c, triggers, dates) is not None
                    and not (type_ == "Death" and c.lemma_.lower() in triggers.causes_of_death)))
                    for c in verb_arguments(token)
                    if not (type_ == "Statement" and _spoken_at(ctx, token, c, triggers, dates)))
                    or any(c.i in noun_triggers for c in beyond)):
                # "agreed to a ceasefire", "told a press conference", "walked out of talks"
                # (but "were killed in an ambush" is deaths besides the ambush, and "condemned
                # the attack", "called the meeting a failure" words about it)
                # (a meeting's, told or not): the noun says more; but a charge is the court's
                # step, whatever the crime ("charged with the murder of his wife"),
                # "died in an avalanche" is a death and a disaster, "announced a ban on vapes"
                # (no sanction: nobody is its target) a statement, and "the daily reported
                # talks" a report of them
                continue
            if type_ == "Trial" and token.dep_ == "amod" and token.i > 0 and \
                    token.nbor(-1).pos_ in ("DET", "PRON"):
                continue  # "a convicted sex offender, Tom Hale": who he is, no step of a case told
                # (not "A court in Istanbul sentenced journalist X", parsed as a modifier too)
            builder = verb_event(ctx, token, type_, triggers.arms)
            if post is not None:
                took_a_post(builder, post)
                if not builder.has("agent") and not builder.has("participant"):
                    continue  # "he became chairman" with no one named: no one's appointment
            if type_ == "Statement" and any(_spoken_at(ctx, token, c, triggers, dates)
                                            for c in verb_arguments(token)):
                builder.rule = SAID_AT_A_GATHERING
            if type_ == "Attack" and particle and not triggers.armed_subject(token) and \
                    triggers.arms_fired(token, particle):
                builder.rule = ARMS_FIRED  # "they also fired rockets on a security post"
            for word in particles:  # "making their way to Chile", "cut jobs at its plant in Lyon"
                builder.prepositions(word)
            if type_ == "Sanction" and particle:
                if not a_state_cuts_ties(ctx, builder):
                    continue  # "Acme cut ties with its auditor": no state punishes anyone
                builder.rule = STATE_CUTS_TIES  # "Veldonia cut ties with the junta"
            if lemma in triggers.to_a_place and not (builder.has("destination")
                                                     and traveller_in_office(ctx, builder)):
                continue  # "while travelling in Peru", "Hicks had travelled to Kosovo": no visit
            if lemma in triggers.between_places and not (
                    builder.has("destination") or builder.has("origin")):
                continue  # "escaped unhurt", "escaped with a draw": no place left or reached
            if told(token) == "planned" and builder.type not in triggers.when_planned:
                continue  # "rebels planned to attack the town", not "it plans to cut 400 jobs"
            if (builder.type in triggers.planned_under_will or " ".join(
                    [lemma, *([particle] if particle else [])]) in triggers.planned_verbs) and future(token):
                continue  # "a committee will meet in four weeks": not yet
            retype_by_form(builder, triggers)
            if builder.type in triggers.of_bodies and not _a_body_takes_part(ctx, builder):
                continue  # "consumers prefer to buy TV shows": no company bought or buying
            if reported_by_no_one(token, builder):
                continue  # "Delays were reported at two airports": by no one named
            if gives_its_own_figures(ctx, builder):  # "Amtrak reported no major delays"
                builder.type, builder.rule = "Statement", "event-body-reports-its-figures"
            if builder.type == "Disaster":  # "an RFDS aircraft crashed": the craft's owner, no doer
                builder.roles = [("participant" if role == "agent" else role, ref)
                                 for role, ref in builder.roles]
        elif token.pos_ in ("NOUN", "PROPN") or gerund:
            noun_builder = noun_trigger(ctx, token, triggers, dates)
            if noun_builder is None:
                continue
            builder = noun_builder
        else:
            continue
        if builder.type in triggers.named_agent and token.pos_ == "VERB":
            where_from = places_of_the_speakers(ctx, token)  # "US officials say": no one named
            if any(role == "agent" and ref in where_from for role, ref in builder.roles):
                builder.roles = [(role, ref) for role, ref in builder.roles
                                 if not (role == "agent" and ref in where_from)]
                builder.subject = True
        if builder.type in triggers.named_agent and not builder.has("agent"):
            # "the Governor-General said": the one so titled; "a spokesman for Acme said": Acme;
            # "police said", "a spokeswoman said": no one named speaks, no statement;
            # "the director of Safe Kids, Ana Lopes, says": Lopes (named_after_the_title)
            speaker = titled_person(ctx, token) or spoken_for(ctx, token) or (
                named_after_the_title(ctx, token) if token.pos_ == "VERB" else None)
            if speaker is not None:
                builder.roles.append(("agent", speaker.id))
        if builder.type == "Interview" and token.pos_ == "VERB" and not an_outlet_takes_part(builder):
            continue  # "police are interviewing a man": questioning, no words given to an outlet
        if builder.type == "Interview" and not any(
                role in INTERVIEW_ANCHORS for role, _ in builder.roles):
            continue  # "part of a 40-minute interview", "an interview in Doha": no one named
            # speaks, asks or airs it, no occasion (a place or a date is no one)
        if builder.type in REPORTING and token.pos_ == "VERB" and builder.has("agent"):
            body = body_of_speaker(ctx, token)  # "Anna Berg, from the Red Cross, says": the
            if body is not None and not any(ref == body.id for _, ref in builder.roles):
                builder.roles.append(("participant", body.id))  # body takes part, she speaks
        if builder.type == "Statement" and token.pos_ == "VERB" and builder.has("agent") and \
                not _unnamed_speakers(ctx, builder):
            outlet = outlet_spoken_to(ctx, token)  # "Speaking to Reuters, Ana Berg said":
            if outlet is not None and not any(ref == outlet.id for _, ref in builder.roles):
                builder.roles.append(("participant", outlet.id))  # an interview
        named_only = builder.type in triggers.named_agent and not told_an_outlet(builder)
        unnamed = _unnamed_speakers(ctx, builder) if named_only else []
        if unnamed:
            # "a man who has claimed", "a western diplomat said", "the Russian defence minister
            # said": a person the text does not name speaks for no one (data/gold/README.md),
            # unless it names the office holder elsewhere ("Ambassador Abbas Khalaf")
            holders = dict.fromkeys(holder_named(ctx, speaker) for speaker in unnamed)
            builder.roles = [(role, ref) for role, ref in builder.roles if role != "agent"]
            builder.roles += [("agent", holder.id) for holder in holders if holder is not None]
            builder.subject = True
        needs = triggers.needs.get(builder.type, set())
        if token.pos_ == "VERB":
            needs = needs | triggers.needs_for_verbs.get(builder.type, set())
        if triggers.sealed(token, builder.type):
            needs = needs - {"agent"}  # "rival factions signed an agreement in Bonn"
        if any(not builder.has(role) and not (role == "agent" and builder.subject
                                               and not named_only)
               and not (role == "agent" and builder.type == "Report" and token.pos_ == "VERB"
                        and builder.has("publisher"))
               for role in needs):  # "figures released by the bureau": the bureau reports
            if named_only and builder.subject and all(builder.has(r) for r in needs - {"agent"}):
                unnamed_speaking.append(builder)  # "a spokesman said": no statement, but a
                # "He says" after it goes on with the same words (speakers.pronoun_speakers)
            continue
        builders.append(builder)
        used.add(token.i)
        if builder.type == "Attack" and token.pos_ == "VERB" and lemma in triggers.passive_death:
            victims = deaths_of_victims(ctx, token)
            if victims is not None:
                builders.append(victims)
        if builder.rule == "event-killed-by-no-one-named":
            attack = attack_of_killers(ctx, token, triggers)
            if attack is not None:
                builders.append(attack)
    for ent in doc.ents:
        if ent.label_ == "EVENT":
            head = ent.root.lemma_.lower()
            type_ = triggers.nouns.get(head)
            if type_:
                builder = Builder(ctx, type_, ent.root)
                builder.tokens = list(ent)
                builder.rule = NAMED  # "the Vietnam War": the war of that name (occasions)
                builders.append(builder)
    for sentence in ctx.sentences:
        seen_types: set[str] = set()
        straight = sentence.text.translate(STRAIGHT)  # once a sentence, not once a pattern
        if not triggers.any_phrase.search(straight):
            continue
        for pattern, type_ in triggers.phrases:
            for match in pattern.finditer(straight):
                start = sentence.start + match.start()
                token = ctx.token_from(start)
                if token is None or token.i in used or type_ in seen_types or told(token):
                    continue  # "if he does not respond publicly": no silence yet
                phrased = phrase_event(ctx, token, type_)
                if phrased is not None:
                    builders.append(phrased)
                    used.add(token.i)
                    seen_types.add(type_)
    ordered = sorted(builders, key=lambda b: b.trigger.i)
    going_on = pronoun_speakers(ctx, sorted(builders + unnamed_speaking, key=lambda b: b.trigger.i))
    gendered_agents(ctx, builders)
    ordered = [b for b in ordered if (b.trigger.i not in going_on or b.type != "Statement")
               and not (b.type in triggers.not_when_quoted and _in_quotes(ctx, b.trigger))]
    ordered = _documents_told_once(ordered)
    if any(b.type == "Disaster" and b.rule != STORY_DISASTER for b in ordered):
        ordered = [b for b in ordered if b.rule != STORY_DISASTER]  # that one, told again
    events = [_finish(ctx, builder, number, dates) for number, builder in enumerate(ordered, start=1)]
    to_come = lexicon().words("event-future-times.txt")
    kept = [(builder, event) for builder, event in zip(ordered, events, strict=True)
            if not (event.type in triggers.planned_under_will and event.time is not None
                    and dated_to_come(event.time.text, to_come))]  # "next Thursday's meeting"
    ordered, events = [b for b, _ in kept], [e for _, e in kept]
    merged = _merge_repeats(ctx, at_gatherings(ctx, list(zip(ordered, events, strict=True)),
                                               triggers))
    return finer_place_told_later(ctx, _told_again(ctx, merged, triggers.told_again), triggers.nouns)


_TRIGGER_PARTS_OF_SPEECH = ("VERB", "NOUN", "PROPN", "ADJ")
"""The parts of speech of the words :func:`find_events` reads as triggers: a verb's event, a
noun's (a gerund the parser took for a verb among them), an adjective's ("found dead")."""


def _a_body_takes_part(ctx: Context, builder: Builder) -> bool:
    """Whether an organisation of the article is among an event's doers or those it is done to
    (``verbs_need_a_body``), by its own name: "Acme bought Brightwater", not "fans bought
    tickets", nor "investors bought Acme shares" (the body's name a compound on the thing
    bought)."""
    mentions = ctx.mention_by_id()
    return any(role in ("agent", "participant") and ref in mentions
               and mentions[ref].type in ORGANIZATION_TYPES and not _on_a_thing(ctx, mentions[ref])
               for role, ref in builder.roles)


def _on_a_thing(ctx: Context, mention: Mention) -> bool:
    """Whether a mention's words are a compound on a noun outside it: "Acme" in "Acme shares"."""
    root = ctx.root_of(mention)
    return root.dep_ == "compound" and root.head.pos_ in ("NOUN", "PROPN")


_MAYBE = ("would", "could", "might", "may", "should", "must", "can")
"""Modals that tell a verb only as possible or owed, and so the deed it is done for: "ASIO could
use the laws to detain people", "Arafat must move to arrest those responsible"."""


SAID_AT_A_GATHERING = "event-said-at-a-gathering"
_SPOKEN_AT = ("at", "during")
_SPEECH_OCCASIONS = ("PressConference", "Interview")


def _spoken_at(ctx: Context, verb: Any, noun: Any, triggers: Triggers, dates: list[Any]) -> bool:
    """Whether a speech verb's argument is a gathering its words were said at, which is the
    occasion of a statement, not the statement itself (``SAID_AT_A_GATHERING``):
    "Musk said at the Code Conference in May", "'We will win,' Lula said at a rally in
    Recife" (each a statement beside the gathering); but "said at a news conference" is the
    press conference, and "told a conference" is spoken to it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i != verb.i or \
            prep.lower_ not in _SPOKEN_AT:
        return False
    gathering = noun_trigger(ctx, noun, triggers, dates)
    return gathering is not None and gathering.type not in _SPEECH_OCCASIONS


def _infinitive(verb: Any) -> bool:
    """Whether a verb is a to-infinitive hung on another verb: "use the laws to detain people",
    "promised to round up the bombers"."""
    return verb.pos_ == "VERB" and verb.dep_ in ("xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _goes_on_to(verb: Any) -> bool:
    """Whether a verb is the "go on" of a narrative "would go on to": "the gunman would go on
    to kill five people" tells what he later did, not what he might do."""
    return verb.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)


def _not_done(verb: Any) -> bool:
    """Whether a verb that governs an infinitive is told as not done: under a modal of
    ``_MAYBE`` or negated ("could use the laws to detain", "is not working to arrest
    terrorists"); its infinitive's deed is then no event either. Not a verb whose negation
    affirms the deed ("did not hesitate to arrest", ``event-negated-affirms.txt``)."""
    affirms = verb.lemma_.lower() in lexicon().words("event-negated-affirms.txt")
    return any((c.dep_ in ("aux", "auxpass") and c.lower_ in _MAYBE) or
               (c.dep_ == "neg" and not affirms) for c in verb.children)


ARMS_FIRED = "event-arms-fired-at"
"""The rule that finds an attack by the arms fired at a target, whoever fires them: "they also
fired rockets on a security post in Ramallah" (not a launch; the lexicon's ``fired_into_nothing``
keeps "fired a missile into the sea" one)."""


def _unnamed_speakers(ctx: Context, builder: Builder) -> list[Mention]:
    """The agents of an event when every one is a person the text leaves unnamed (a nominal
    mention: "a man", "a western diplomat", "the Russian defence minister"); none otherwise."""
    mentions = ctx.mention_by_id()
    agents = [mentions.get(ref) for role, ref in builder.roles if role == "agent"]
    nominal = [m for m in agents if m is not None and (m.type, m.kind) == ("Person", "nominal")]
    return nominal if agents and len(nominal) == len(agents) else []


def _documents_told_once(builders: list[Builder]) -> list[Builder]:
    """A document the article has already reported from, taken up again by "the" alone, is
    the same report: "A new survey has identified ... The survey has also found" is one
    report, not two."""
    kept: list[Builder] = []
    for builder in builders:
        again = builder.rule == "event-document-speaks" and any(
            k.type == "Report" and k.trigger.i < builder.trigger.i for k in kept) and any(
            c.dep_ == "nsubj" and [w.lower_ for w in c.children if w.dep_ != "punct"] == ["the"]
            for c in builder.trigger.children)
        if not again:
            kept.append(builder)
    return kept


def _told_again(ctx: Context, events: list[Event], types: set[str]) -> list[Event]:
    """An event of a type a story retells that names no one taking part, beside another of its
    type in the article and in no other place, is that one told again: "Police arrested Diaz in
    Lyon on Monday. Officers detained the man after a chase" is one arrest (the lexicon's
    ``told_again_unnamed``; not "... Police in Nice arrested two men", nor one told at another
    time: "... On Friday, officers detained a second suspect"). Of several that name no one,
    the first is kept."""
    mentions = ctx.mention_by_id()

    def named(event: Event) -> bool:
        return any(role in ("agent", "participant") for role, _ in event.roles)

    def places(event: Event) -> set[str]:
        return {_entity_of(mentions, ref) for role, ref in event.roles
                if role in ("location", "destination", "origin") and ref in mentions}

    kept: list[Event] = []
    for number, event in enumerate(events):
        again = event.type in types and not named(event) and any(
            other is not event and other.type == event.type and (named(other) or earlier < number)
            and (not places(event) or places(event) & places(other))
            and (event.time is None or other.time is None or event.time == other.time)
            for earlier, other in enumerate(events))
        if not again:
            kept.append(event)
    return kept


_WORDS = ("Statement", "Report")
"""Event types of words said or reported, which a participle after them goes on with."""


def _same_words(verb: Any, triggers: Triggers) -> bool:
    """Whether a speech or report verb in a participle with no subject of its own goes on with
    the words of the verb it hangs on, a speech or report verb or one told "in a statement":
    "congratulated Roe in a statement on Monday, calling the result a vote for stability" is
    one statement, "the Financial Times reported, quoting company officials" one report."""
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj") or head.pos_ != "VERB" or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    said = triggers.verb_type(head)
    return (said is not None and said[0] in _WORDS) or any(
        triggers.nouns.get(o.lemma_.lower()) == "Statement"
        for c in head.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj")


def _in_quotes(ctx: Context, trigger: Any) -> bool:
    """Whether a trigger stands in a quotation of its sentence: the speaker's words."""
    sentence = ctx.sentences[ctx.sentence_of(trigger)]
    return within_sentence(sentence.text, trigger.idx - sentence.start)


def _finish(ctx: Context, builder: Builder, number: int, dates: list[Any]) -> Event:
    trigger = builder.trigger
    date_ent, length = time_of(ctx, builder, dates)
    time = date_of(ctx, builder, date_ent) if date_ent is not None else None
    if date_ent is not None:
        builder.tokens.extend(date_ent)
    negated = builder.type != "NoComment" and builder.rule != ANSWERED and (any(
        c.dep_ == "neg" or c.lower_ == "never" for c in trigger.children) or any(
        c.dep_ == "neg" or c.lower_ == "never" for c in trigger.head.children
        if trigger.dep_ in ("dobj", "pobj")
    ) or (trigger.pos_ in ("NOUN", "PROPN") and any(  # "no air strikes were launched"
        c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)))
    if trigger.pos_ in ("VERB", "AUX"):
        builder.locate_from_arguments(trigger)
    elif trigger.dep_ in ("dobj", "oprd", "acomp", "ccomp", "amod") and trigger.head.pos_ == "VERB" \
            and trigger.head.lemma_.lower() not in lexicon().events.reactions:
        # the noun's own "in X" came first; "the raid in Iraq left eight civilians dead"
        builder.locate_from_arguments(trigger.head)
    elif trigger.dep_ == "pobj" and trigger.head.lower_ in LOCATIVE and \
            trigger.head.head.pos_ == "VERB" and \
            trigger.head.head.lemma_.lower() not in lexicon().events.reactions:
        # "voters in Chile go to the polls in a referendum", "hikers in Nepal died in an avalanche"
        builder.locate_from_arguments(trigger.head.head)
    place_of_where(builder)
    place_of_the_court(ctx, builder)
    place_in_the_compound(ctx, builder)
    place_left_behind(builder)
    if builder.type in AT_THE_DATELINE and not any(
            role in ("location", "destination") for role, _ in builder.roles):
        dateline = ctx.dateline_place()
        if dateline is not None:
            builder.roles.append(("location", dateline.id))
    if builder.type in SITUATED:
        place_of_the_clause(builder)
    if not any(role in ("location", "destination") for role, _ in builder.roles) and \
            builder.type in SITUATED:
        place = place_in_sentence(ctx, ctx.sentence_of(trigger))
        if place is None and placeless(ctx, ctx.sentence_of(trigger)):
            place = place_before(ctx, ctx.sentence_of(trigger))
        if place is not None:
            builder.roles.append(("location", place))
    if builder.type == "War" and not any(role == "location" for role, _ in builder.roles):
        country = country_of_the_war(ctx, builder)
        if country is not None:
            builder.roles.append(("location", country))
    trigger_text = " ".join(t.text for t in builder.tokens[:1])
    if hyphen_joined(trigger) is not None:  # "run-off", "cease-fire": the word, not "off"
        trigger_text = trigger.doc[trigger.i - 2:trigger.i + 1].text
        builder.tokens.extend(trigger.doc[trigger.i - 2:trigger.i])
    if builder.trigger.ent_type_ == "EVENT":
        trigger_text = " ".join(t.text for t in builder.tokens if t.lower_ != "the")
    if builder.type == "Statement":
        mentions = ctx.mention_by_id()
        if any(role == "participant" and mentions[ref].type == "NewsOrganization"
               for role, ref in builder.roles):
            builder.type = "Interview"  # "told Reuters": words given to a news organisation
    told = told_as(trigger, Triggers.of(lexicon().events.triggers)) \
        if builder.type in _TOLD_AS_WORDS else _step_told_as(
            trigger, Triggers.of(lexicon().events.triggers)) if builder.type == "Trial" else ""
    confidence = 0.75 if builder.roles else 0.6
    rule = builder.rule or f"event-trigger:{builder.type}"
    evidence = ctx.evidence(builder.tokens, rule, builder.confidence or confidence)
    return Event(
        key=f"event-{trigger.idx}{builder.suffix}",  # stable while the trigger stays: curation refers to it
        type=builder.type,
        trigger=trigger_text,
        evidence=evidence,
        roles=tuple(builder.roles),
        time=time,
        duration=length,
        negated=negated,
        told_as=told,
    )


_TOLD_AS_WORDS = ("Statement", "Interview", "Report")
"""Event types of words said or reported, which the text may tell as others than those told
before, or as those told before (:func:`told_as`)."""
_DEFINITE = ("the", "this", "that")
"""Determiners that tell a noun as one told before: "In the statement, Acme said"."""


def _step_told_as(trigger: Any, triggers: Triggers) -> ToldAs:
    """How the text refers to a step of a court case: "another" for one told "in a separate
    case" (an "in" object of the verb or of its charge, with "a"/"an" and a modifier of the
    lexicon's ``told_as_another``, or with "another": "In another trial, Vance was acquitted of
    the same charge", "acquitted of the same charge in a separate trial"); "again" for one told
    of "the same" charge as one told before ("Berg, his co-accused, was acquitted of the same
    charge", "convicted on the same counts": the case told before, its defendants together);
    "known" for one told as known (:func:`_told_as_known`: "Lund, who was convicted of fraud",
    "Asante's conviction"); "" for any other ("acquitted of a similar charge", "found guilty")
    (:func:`kg.extract.events.occasions.merge_occasions`)."""
    verbs = [trigger, *([trigger.head] if trigger.dep_ in ("acomp", "oprd") else [])]
    heads = [trigger, *[c for c in trigger.children if c.dep_ in ("acomp", "oprd")]]
    charges = [o for head in heads for p in head.children if p.dep_ == "prep"
               and p.lower_ in ("of", "on") for o in p.children if o.dep_ == "pobj"]
    # the parser may hang "in a separate trial" on the charge ("acquitted of the same charge in
    # a separate trial")
    if any(_told_as_another_noun(o, triggers) for word in (*verbs, *charges) for p in word.children
           if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"):
        return "another"
    if any(any(c.dep_ == "amod" and c.lower_ == "same" for c in o.children)
           and any(c.dep_ == "det" and c.lower_ == "the" for c in o.children) for o in charges):
        return "again"
    return "known" if _told_as_known(trigger) else ""


def _told_as_known(trigger: Any) -> bool:
    """Whether a verdict is told as known, in a relative clause ("Lund, who was convicted of
    fraud, plans to appeal", "Lund, who was found guilty") or by a possessive ("Asante's
    conviction shocked his supporters"), with no word of an appeal or of a verdict undone
    (``event-appeals.txt``) in its clause ("Lund, who was convicted on appeal", "Asante's
    conviction was quashed"): the verdict told before, as far on as it is told, when it names
    its defendant (:func:`kg.extract.events.occasions.merge_occasions`)."""
    verb = trigger.head if trigger.dep_ in ("acomp", "oprd") else trigger
    if verb.dep_ == "relcl":
        clause = verb
    elif trigger.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" for c in trigger.children):
        clause = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), trigger)
    else:
        return False
    appeals = lexicon().words("event-appeals.txt")
    return not any(t.lemma_.lower() in appeals or t.lower_ in appeals for t in clause.subtree)


def _told_as_another_noun(noun: Any, triggers: Triggers) -> bool:
    """Whether a noun is told as another than the one told before: with "another", or with
    "a"/"an" and a modifier of the lexicon's ``told_as_another`` ("a second statement", "a
    separate case")."""
    determiners = {c.lower_ for c in noun.children if c.dep_ == "det"}
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("amod", "advmod") and c.i < noun.i}
    return "another" in determiners or bool(determiners & {"a", "an"} and modifiers & triggers.another)


def told_as(trigger: Any, triggers: Triggers) -> ToldAs:
    """How the text refers to the words a speech or report event tells, read from the noun that
    names them (the trigger, or the trigger verb's "in" object of the lexicon's Statement or
    Report nouns, or of its ``media_of_speech``): "another" for a noun told with "a"/"an" and a
    modifier of the lexicon's ``told_as_another`` ("In a second statement, Acme said", "a
    separate WHO report", "said in a further statement") or with "another", a recording told
    with "a"/"an" ("In a video posted on Sunday, Karimov said": an occasion of its own), or
    with "the" and one of ``told_as_another_by_the`` ("In the second statement"); "again" for
    a noun told with "the" ("In the statement, Vantex said", "In the new report, the WHO
    said", "In the videotape, he says"); "" for any other ("Acme said", "Acme's statement
    said", "Later the statement was deleted": an adverb of the clause tells no other
    statement)."""
    noun = trigger if trigger.pos_ in ("NOUN", "PROPN") else next((
        o for c in trigger.children if c.dep_ == "prep" and c.lower_ == "in"
        for o in c.children if o.dep_ == "pobj" and (triggers.nouns.get(o.lemma_.lower()) in _WORDS
                                                    or o.lemma_.lower() in triggers.media)),
        None)
    if noun is None:
        return ""
    determiners = {c.lower_ for c in noun.children if c.dep_ == "det"}
    if noun.lemma_.lower() in triggers.media and determiners & {"a", "an"}:
        return "another"  # "In a video dated May 3, Karimov said": a recording of its own
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("amod", "advmod") and c.i < noun.i}
    if _told_as_another_noun(noun, triggers):
        return "another"
    if determiners & set(_DEFINITE):
        return "another" if modifiers & triggers.another_by_the else "again"
    return ""


def _entity_of(mentions: Mapping[str, Mention], ref: str) -> str:
    """What a role's mention stands for, whichever mention of it the role took: its key, else
    its words; a reference to no mention stays itself."""
    mention = mentions.get(ref)
    return ref if mention is None else mention.key or mention.text.lower()


def _merge_repeats(ctx: Context, events: list[Event]) -> list[Event]:
    """One sentence restating the same kind of event adds nothing: "people who defected ...
    more than the amount who defected under his father" is one generic defection, not two; a
    defector's journey told in the same sentence is the defection."""
    mentions = ctx.mention_by_id()

    def taken(event: Event) -> set[tuple[str, str]]:
        return {(role, _entity_of(mentions, ref)) for role, ref in event.roles}

    kept: list[Event] = []
    for event in events:
        twin = next((k for k in kept if k.type == event.type
                     and k.evidence.sentence == event.evidence.sentence
                     and not any(role == "agent" for role, _ in event.roles)
                     and taken(event) <= taken(k)
                     and (event.time is None or k.time is None or event.time == k.time)), None)
        journey = event.type == "Migration" and any(
            k.type == "Defection" and k.evidence.sentence == event.evidence.sentence
            and {r for r in k.roles if r[0] == "agent"} >= {r for r in event.roles if r[0] == "agent"}
            for k in events)  # "defected after making the crossing": the crossing is the defection
        if twin is None and not journey:
            kept.append(event)
        elif twin is not None and twin.time is None and event.time is not None:
            # "the UN-sponsored talks ... to be signed at the Petersberg talks on Wednesday"
            kept[kept.index(twin)] = replace(twin, time=event.time, duration=event.duration)
    return kept
