"""Events told by verbs and by adjectives: the verb's subject, objects and prepositions in their roles."""

from __future__ import annotations

from typing import Any

from kg.extract.context import GOVERNMENT_TYPES, ORGANIZATION_TYPES, Context
from kg.extract.coreference import person_for_pronoun, surname
from kg.extract.entities import argument_mention
from kg.extract.events.lexicon import Triggers, spread_of_unrest
from kg.extract.events.roles import (
    LEAVING,
    MOVEMENT,
    NOT_THE_AGENTS_VERB,
    REPORTING,
    STATE_ACTS,
    Builder,
    past_dateline,
    prep_objects,
    relative_antecedent,
    state_modifier,
)
from kg.extract.quotations import inside
from kg.model import Mention

_RESULTS = ("death",)
"""Nouns of a verb's result ("shot a man to death"): the verb's event stays, the noun adds one."""
_REFLEXIVE = ("himself", "herself", "themselves", "itself")
_HEARSAY = ("allege", "say", "report", "believe", "think", "understand", "know", "suppose",
            "rumour", "rumor", "claim", "consider", "see")
"""Verbs whose passive tells what others say of someone ("he is alleged to have told them"):
the passive subject is not thereby the agent of the infinitive's event, as in "was forced to
resign"."""


def _clause_of(token: Any) -> list[Any]:
    """A verb's dependents, also those the parser hung on a prefix it split off: "Lee was
    re-elected" parses as "Lee was re" with "elected" under "re"."""
    if token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "re":
        return [c for c in token.nbor(-2).children if c.i not in (token.i, token.i - 1)] + \
            list(token.children)
    return list(token.children)


def verb_event(ctx: Context, token: Any, type_: str, arms: frozenset[str] | set[str] = frozenset()
               ) -> Builder:
    """The event a verb tells, with the roles its clause gives; ``arms`` are the things of war
    whose state's adjective makes the state the doer ("US warplanes bombed")."""
    builder = Builder(ctx, type_, token)
    for child in _clause_of(token):
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN", "PRON", "ADJ",
                                                                   "NUM", "DET") and not (
                child.dep_ == "nsubjpass" and type_ in REPORTING and any(
                    c.dep_ == "xcomp" for c in token.children)):  # "it is reported to be"
            builder.subject = True  # "Most of them fled", "Thousands fled", "Many fled"
        if child.dep_ in ("nsubj",):
            subject = past_dateline(ctx, child)
            if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                subject = relative_antecedent(ctx, child, token)
            if subject is None:
                continue
            if builder.add("agent", subject) is None and type_ in STATE_ACTS and \
                    subject.lemma_.lower() in arms:
                # "Russian warplanes shelled Kharkiv"; not "Russian troops", people who come
                # from the state but are not it (data/gold/README.md, "Adjective-only actors")
                for modifier in subject.children:
                    if modifier.dep_ == "amod":
                        state_modifier(builder, modifier)
            if type_ in MOVEMENT:  # "people from North Korea's elite who defected"
                for prep in subject.children:
                    if prep.dep_ == "prep" and prep.lower_ == "from":
                        for obj in prep_objects(prep):
                            builder.add("origin", obj)
        elif child.dep_ in ("nsubjpass", "dobj") and child.tag_ in ("WP", "WDT"):
            if token.dep_ == "relcl" and relative_antecedent(ctx, child, token) is not None:
                builder.add("participant", token.head)  # "Ortiz, who was arrested in Bogota"
        elif child.dep_ in ("nsubjpass", "dobj"):
            place = ctx.mention_at(child)
            if type_ in STATE_ACTS and builder.place_of(child) is child and place is not None \
                    and place.kind != "demonym":  # not "a Braga woman", "a Palestinian was killed"
                builder.add("location", child)  # "shelled Kharkiv", "Mosul was bombed"
            elif type_ == "Visit" and child.dep_ == "dobj":
                builder.add("destination", child)
            elif type_ in LEAVING and child.dep_ == "dobj" and builder.place_of(child) is not None:
                builder.add("origin", builder.place_of(child))  # "fled Afghanistan"
            elif type_ in LEAVING and child.dep_ == "dobj" and \
                    ctx.mention_in(child, ORGANIZATION_TYPES) is not None:
                continue  # "fled the Taliban": those fled from take no part
            else:
                builder.add("participant", child)
                owner = builder.owner_place(child) if type_ == "Attack" else None
                if owner is not None:  # "artillery fire hit the city's main market"
                    builder.add("location", owner)
    own = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]  # "X died and Y was killed"
    made = [c for c in token.head.children if c.dep_ == "dobj"] if token.dep_ == "xcomp" and not own \
        else []
    for doer in made[:1]:  # "the party forced Senator Reyes to resign": Reyes resigned
        builder.subject = builder.add_named("agent", doer) is not None  # (not "the militia")
        if type_ in LEAVING and doer.pos_ in ("NOUN", "PROPN"):
            builder.subject = True  # "forced residents to flee their homes": people fled, as
            # "thousands fled" tells without naming them
    if token.dep_ in ("xcomp", "conj", "advcl") and not builder.has("agent") and not made and \
            all(c.pos_ == "PRON" for c in own) and _shares_subject(token):
        for child in token.head.children:  # none, or "it" for the subject above
            if (child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and token.dep_ == "xcomp"
                                           and token.head.lemma_.lower() not in _HEARSAY
                                           and ctx.mention_in(child, ("Person",)) is not None)) \
                    and past_dateline(ctx, child) is not None:  # not "the cash was used to meet bills"
                builder.subject = True  # "X agreed to buy": X is the buyer; "was forced to resign"
                if not _passive(token):
                    builder.add("agent", past_dateline(ctx, child))
                elif type_ not in REPORTING:  # "X fled and was arrested": X was arrested
                    builder.add("participant", past_dateline(ctx, child))
    if token.dep_ == "conj" and token.tag_ == "VBN" and not builder.subject:
        for child in token.head.children:  # "the girl was abducted and killed": she was killed
            if child.dep_ == "nsubjpass":
                builder.subject = True
                builder.add_named("participant", child)
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN") and \
            type_ not in REPORTING:  # but "no fatalities reported" tells no reporter
        builder.subject = True  # "six teenagers killed in the clashes", "Diaz, arrested in Lyon"
        builder.add_named("participant", _nearest_alternative(token, token.head))
    builder.prepositions(token)
    return builder


def _passive(verb: Any) -> bool:
    """Whether a verb that shares the subject of the verb it hangs on is passive, so that the
    subject undergoes it (rule event-shared-subject-passive): "Lee fled to Perth and was
    arrested in Broome", "Ruiz won the seat and was appointed minister", "X left and was
    later shot": X is arrested, appointed, shot, and is not the one who did it."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)


def _shares_subject(token: Any) -> bool:
    """Whether a verb has the subject of the verb it hangs on, its own being none or a pronoun:
    not a passive or a conjunction's clause with no subject at all ("As predicted, Bichel
    replaces Lee"), but "the company cut costs after it shed 650 jobs"."""
    if token.dep_ != "advcl" or any(c.dep_ == "nsubj" for c in token.children):
        return True
    return token.tag_ != "VBN" and not any(c.dep_ == "mark" for c in token.children)


def verb_arguments(verb: Any) -> list[Any]:
    """A verb's objects, direct or through a preposition, and the verb it governs ("agreed to
    buy": the buying is the event)."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "xcomp")]
    found += [o for c in verb.children if c.dep_ == "prep" and c.lower_ not in NOT_THE_AGENTS_VERB
              for o in c.children if o.dep_ == "pobj"  # not "fled after the offensive"
              and not (c.lower_ == "to" and o.lemma_.lower() in _RESULTS)]  # "shot him to death"
    return found


def _antecedent(subject: Any) -> Any:
    """A subject, or the noun a relative pronoun subject stands for: "the quake, which killed
    40 people": the quake."""
    clause = subject.head
    if subject.lower_ in ("which", "that") and clause.dep_ == "relcl":
        return clause.head
    return subject


def retype_by_form(builder: Builder, triggers: Triggers) -> None:
    """A verb trigger whose form says more than its word: a killing without a killer is a
    death ("17 people were killed"), a killing of oneself too ("shot himself"), as is one by
    a disaster or an accident ("the blaze killed 12", "the quake, which killed 40", "died in
    the accident"), and the words of a document are a report ("the report said", "court
    papers allege")."""
    token = builder.trigger
    lemma = token.lemma_.lower()
    objects = [c for v in (token, *[c for c in token.children if c.dep_ == "conj"])
               for c in v.children if c.dep_ == "dobj"]
    if builder.type == "Attack" and any(o.lower_ in _REFLEXIVE for o in objects) and \
            lemma not in triggers.on_oneself:  # "a bomber blew himself up" attacks
        builder.type, builder.rule = "Death", "event-killed-oneself"
        builder.roles = [("participant" if role == "agent" else role, ref)
                         for role, ref in builder.roles]
        builder.subject = True
    elif lemma in triggers.passive_death and not any(c.dep_ == "nsubj" for c in token.children):
        builder.type, builder.rule = "Death", "event-killed-by-no-one-named"
        builder.subject = builder.subject or any(c.dep_ == "nsubjpass" for c in token.children)
        if killers(builder.ctx, token, triggers):  # "killed by Israeli soldiers": they died
            builder.roles = [(role, ref) for role, ref in builder.roles if role != "agent"]
    elif lemma in triggers.passive_death and any(
            (killer := _antecedent(c)) is not None
            and ((killer.lemma_.lower() in triggers.causes_of_death
                  and builder.ctx.mention_in(killer) is None and not spread_of_unrest(killer))
                 or triggers.named_disaster(killer) is not None)
            for c in token.children if c.dep_ == "nsubj"):
        # "a fire at the plant killed 12 workers": a disaster or an accident kills, nobody attacks
        builder.type, builder.rule = "Death", "event-killed-by-a-disaster"
        builder.subject = builder.subject or bool(objects)
        builder.roles = [(role, ref) for role, ref in builder.roles if role != "agent"]
    elif builder.type == "Report" and _quoted_as_saying(token):
        # "Shane Stone is reported as saying", "Berg was quoted as saying": Stone's words, and
        # no one named who reported them
        builder.type, builder.rule = "Statement", "event-quoted-as-saying"
        builder.roles = [("agent" if role == "participant" else role, ref)
                         for role, ref in builder.roles]
    elif builder.type in REPORTING and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in triggers.report_subjects
            and builder.ctx.mention_in(c) is None for c in token.children):  # not "the Survey said"
        builder.type, builder.rule = "Report", "event-document-speaks"
        for document in (c for c in token.children if c.dep_ == "nsubj"):
            for owner in document.children:  # "the Dun and Bradstreet survey", "Amnesty's report"
                if owner.dep_ in ("nmod", "poss", "compound") and not builder.has("agent"):
                    builder.add_named("agent", owner)
    if builder.type == triggers.before_the_press.get(lemma):
        # "the mayor met with reporters": a press conference, whose speaker is named or it is
        # none ("officials met with reporters", "a spokesman briefed journalists": no one named;
        # data/gold/README.md, "Unnamed speakers")
        builder.rule, builder.subject = "event-met-the-press", False
        mentions = builder.ctx.mention_by_id()
        builder.roles = [(role, ref) for role, ref in builder.roles if not (
            role == "agent" and ref in mentions and mentions[ref].kind == "nominal")]
    if builder.type == "Statement":
        builder.roles = heard_by_outlets(builder)
    if builder.type == "Death" and builder.rule in (None, "event-killed-by-no-one-named") and any(
            c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
                o.lemma_.lower() in triggers.causes_of_death and builder.ctx.mention_in(o) is None
                for o in prep_objects(c)) for c in token.children):
        builder.rule = "event-died-in-a-disaster"  # "died in the accident", "killed in the blaze"


def heard_by_outlets(builder: Builder) -> list[tuple[str, str]]:
    """A statement's roles without those its words are about or are told to, save a news
    organisation: in "Acme accused Globex of fraud" and "Lee told the court he was innocent"
    only Acme and Lee take part (data/gold/README.md: the speaker, and the outlet of an
    interview; the body a speaker is from is added after, speakers.body_of_speaker)."""
    mentions = builder.ctx.mention_by_id()
    return [(role, ref) for role, ref in builder.roles
            if role != "participant" or (ref in mentions and mentions[ref].type == "NewsOrganization")]


def _quoted_as_saying(verb: Any) -> bool:
    """Whether a passive verb of reporting, with no "by" naming who reports, gives its subject's
    words "as saying": "the mayor was quoted as saying the bridge would reopen"."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(
            p.dep_ == "pcomp" and p.lemma_.lower() == "say" for p in c.children)
        for c in verb.children)


def killers(ctx: Context, verb: Any, triggers: Triggers) -> list[Any]:
    """Who or what a passive killing names as its killer: "by Israeli soldiers", "by a stray US
    bomb", "by the army" (a person, body or state, or an arm of the lexicon's ``weapons``); not
    a disaster or an accident ("by a thunderstorm", "by a falling tree")."""
    found = []
    for by in verb.children:
        if by.dep_ != "agent":
            continue
        for obj in prep_objects(by):
            word = obj.lemma_.lower()
            mention = argument_mention(ctx, obj) if word not in triggers.causes_of_death else None
            if word in triggers.weapons or (mention is not None and mention.type in (
                    "Person", "Country", *ORGANIZATION_TYPES)):
                found.append(obj)
    return found


def attack_of_killers(ctx: Context, verb: Any, triggers: Triggers) -> Builder | None:
    """The attack a passive killing tells by its killer: "three soldiers were killed by a
    stray US bomb near Kandahar" is a death and an attack (by the US, near Kandahar)."""
    if not killers(ctx, verb, triggers):
        return None
    builder = _told_too(ctx, verb, "Attack", "event-killed-by-an-attacker")
    builder.prepositions(verb)  # by whom ("by a stray US bomb"), where ("near Kandahar")
    return builder


def _told_too(ctx: Context, verb: Any, type_: str, rule: str) -> Builder:
    """A second event one verb tells, beside the one its word stands for: "killed" an attack
    and a death."""
    builder = Builder(ctx, type_, verb)
    builder.rule, builder.subject, builder.suffix = rule, True, f"-{type_.lower()}"
    return builder


def deaths_of_victims(ctx: Context, verb: Any) -> Builder | None:
    """The deaths of those an attacker killed: "gunmen killed five villagers" is an attack
    and a death, as the same killing told without the gunmen is a death alone."""
    killed = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ not in _REFLEXIVE]
    if not killed:
        return None
    builder = _told_too(ctx, verb, "Death", "event-killed-victims")
    for victim in killed:
        builder.add("participant", victim)
    builder.prepositions_of_place(verb)  # "killed 26 people in Jerusalem and Haifa": there
    return builder


def person_held(ctx: Context, token: Any, type_: str) -> Builder | None:
    """A detention told by a verb that detains only people: "the ministry is holding a
    21-year-old man", "two aid workers are being held in Goma" (not "held talks")."""
    held = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    people = [m for m in (argument_mention(ctx, c) for c in held) if m is not None]
    if not people or any(m.type != "Person" for m in people):
        return None
    builder = verb_event(ctx, token, type_)
    builder.rule = "event-person-held"
    return builder


def predicate_event(ctx: Context, token: Any, type_: str) -> Builder | None:
    """An event stated by an adjective, the lexicon's ``predicates``: a death ("he was found
    dead in Canada", "the raid left eight civilians dead", "the pilot is dead"; not "feared
    dead", which is not yet a death), a verdict ("a jury found Ruiz guilty": the jury and the
    accused take part, where the jury sits is the place; not "he is guilty", an opinion)."""
    verb = token.head
    dead: list[Any] = []
    if token.dep_ == "amod" and token.i > verb.i and verb.dep_ in ("dobj", "nsubjpass"):
        dead, verb = [verb], verb.head  # "found two climbers dead", parsed as a modifier
    if (token.dep_ not in ("oprd", "acomp", "xcomp", "ccomp") and not dead) or \
            verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in ("fear", "believe", "presume"):
        return None
    if type_ == "Trial" and verb.lemma_.lower() == "be":
        return None  # "Osama is guilty of murder": an opinion, no court found it
    builder = Builder(ctx, type_, token)
    builder.rule = f"event-{token.lemma_.lower()}-predicate"
    dead += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
             or (c.dep_ == "nsubj" and token.dep_ == "acomp")]
    if token.dep_ == "ccomp":  # "found the nurse guilty", parsed as a small clause
        dead += [c for c in token.children if c.dep_ == "nsubj"]
    if not dead and verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        dead += [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # "the militant was
        # wounded and was shot dead": he was shot dead
    for child in dead:
        builder.subject = True
        builder.add("participant", child)
    if type_ == "Trial" and token.dep_ != "acomp":  # "a UN panel of judges in Dili found ten men
        for judge in (c for c in verb.children if c.dep_ == "nsubj"):  # guilty": the panel
            builder.add("agent", judge)  # judged, where it sits
            bench = [judge, *(o for c in judge.children if c.dep_ == "prep" and c.lower_ == "of"
                              for o in prep_objects(c))]  # "a panel of judges in Dili"
            builder.locate_by([c for member in bench for c in member.children])
    builder.prepositions(verb)
    return builder if builder.subject else None


def traveller_in_office(ctx: Context, builder: Builder) -> bool:
    """Whether the one a verb of going takes somewhere holds an office, so that the journey is
    a visit (rule ``visit-by-an-office-holder``): a body ("a UN team flew to Dili") or a person
    the article writes with a title that is no trade ("Peruvian President Rosa Quispe flew to
    Chala", "the minister, Ana Lopes, travelled to Jakarta"); not a private person's travel
    ("Mr Hicks had travelled to Kosovo") nor what a craft carries ("flew a boy to Sydney"). A
    pronoun traveller is the person coreference finds ("she flew to Lima"), outside a
    quotation, whose "he" is someone the speaker tells of ('"He then travelled to Pakistan"').
    """
    mentions = ctx.mention_by_id()
    travellers = [mentions[ref] for role, ref in builder.roles if role == "agent" and ref in mentions]
    if any(m.kind == "name" and m.type in ORGANIZATION_TYPES for m in travellers):
        return True
    persons = [m if m.kind == "name" else None if inside(ctx.article.text, m.start) else
               person_for_pronoun(ctx, ctx.first_token(m))  # "she flew to Lima": whom she is,
               for m in travellers if m.type == "Person"]  # not a "he" in a speaker's words
    names = {surname(m) for m in persons if m is not None and m.kind == "name"}
    return any(_titled(ctx, m) for m in ctx.mentions
               if m.kind == "name" and m.type == "Person" and surname(m) in names)


STATE_CUTS_TIES = "event-state-cuts-ties"


def a_state_cuts_ties(ctx: Context, builder: Builder) -> bool:
    """Whether ties cut or severed (a Sanction verb with its object, "cut tie") are a state's
    punishment of someone (rule ``event-state-cuts-ties``, confidence 0.75 as any event with roles):
    one party cuts them, a country, a government body or a person the article titles with an
    office ("Prime Minister Ana Lopes severed all ties with the rebel leader", "Veldonia cut
    ties with the junta"), and someone is named they are cut with. Not a company, a broadcaster
    or a band dropping a partner ("Acme cut ties with its auditor"), nor ties cut between two
    parties ("ties were cut between Veldonia and Ostria") or by no one named."""
    mentions = ctx.mention_by_id()
    agents = [mentions[ref] for role, ref in builder.roles if role == "agent" and ref in mentions]
    cut_with = [mentions[ref] for role, ref in builder.roles
                if role == "participant" and ref in mentions]
    if len(agents) != 1 or not cut_with or agents[0].kind != "name":
        return False
    agent = agents[0]
    if agent.type == "Country" or agent.type in GOVERNMENT_TYPES:
        return True
    if agent.type != "Person":
        return False
    name = surname(agent)
    return any(_titled(ctx, m) for m in ctx.mentions
               if m.kind == "name" and m.type == "Person" and surname(m) == name)


def _titled(ctx: Context, person: Mention) -> bool:
    """Whether a mention of a person is written with a title that is no trade, before the name
    ("Foreign Minister Ana Lopes", "the Premier, Dr Ana Lopes") or in apposition after it
    ("Ana Lopes, the foreign minister")."""
    first, last = ctx.first_token(person), ctx.last_token(person)
    words = [t.text for t in ctx.doc[max(0, first.i - 5):first.i]
             if not t.is_punct and t.text not in ctx.gazetteer.honorifics]
    apposed = [t for t in (last.head, *last.children) if t.dep_ == "appos" or t.i == last.head.i
               and last.dep_ == "appos"]
    spellings = [words[-size:] for size in range(1, len(words) + 1)]
    spellings += [[c.text for c in t.subtree if c.dep_ in ("compound", "amod") or c.i == t.i]
                  for t in apposed if t.pos_ == "NOUN"]
    for spelling in spellings:
        title = ctx.gazetteer.titles.get(" ".join(spelling).lower())
        if title is not None and title.kind != "profession":
            return True
    return False


TOOK_A_POST = "event-took-a-post"
_POST_COMPLEMENTS = ("oprd", "attr")
"""How a verb of choosing or becoming gives the post: as the chosen one's predicate ("was named
chief executive", "became interim chief executive")."""


def post_taken(ctx: Context, verb: Any, triggers: Triggers) -> Any | None:
    """The noun naming the post a verb of choosing or becoming (``verbs_to_a_post``) puts its
    person in, when the post is an office of ``titles.tsv``, not a trade (rule
    ``event-took-a-post``): "chairman" in "the board named Ana Reyes its chairman", "officer" in
    "Cook was named chief operating officer", "captain" in "the club chose Ito as captain",
    "executive" in "he became interim chief executive"; None for "a man named Ito", "became a
    lawyer", an identification ("police named the victim as Tom Hughes, a former mayor"), an
    award ("was named manager of the month"), a description ("named Reyes as the chief
    executive they most admire") or a choice by voters ("voters chose Reyes as president": an
    election). A verb of a vote (``verbs_of_a_board``) puts one in a post only when a board
    chooses or the post is the board's ("Roe was elected chairman of the board", "the board
    elected Roe its chairman"; not "Roe was elected president")."""
    if verb.pos_ != "VERB":
        return None
    if verb.lemma_.lower() in triggers.of_a_board:
        post = _post_of_a_board(ctx, verb, triggers)
        return post if post is not None and not identifies(ctx, verb, triggers) else None
    if verb.lemma_.lower() not in triggers.to_a_post:
        return None
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in triggers.voters for c in verb.children):
        return None
    complements = [c for c in verb.children if c.dep_ in _POST_COMPLEMENTS]
    for complement in complements:  # "named Rafael Osei its new chairman": the apposition
        complement_nouns = [complement] + [c for c in complement.children if c.dep_ == "appos"]
        for noun in complement_nouns:
            if noun.pos_ in ("NOUN", "PROPN") and _office(ctx, noun, triggers):
                return noun
    for noun in (c for as_ in verb.children if as_.dep_ == "prep" and as_.lower_ == "as"
                 for c in as_.children if c.dep_ == "pobj"):
        if ctx.mention_at(noun) is not None:
            return None  # "named the victim as Tom Hughes, a former mayor": who it was
        if noun.pos_ in ("NOUN", "PROPN") and _office(ctx, noun, triggers) and \
                not _described(verb, noun):
            return noun
    return None


def _post_of_a_board(ctx: Context, verb: Any, triggers: Triggers) -> Any | None:
    """The post a verb of a vote fills by a board's choice (rule ``event-took-a-post``): its
    complement or object naming an office, when the verb's subject is a board or the post's
    words name one ("elected Roe its chairman" by the board, "elected chairman of the board",
    "elected board chairman"); None for a post the text gives no board for."""
    by_a_board = any(c.dep_ == "nsubj" and c.lemma_.lower() in triggers.boards for c in verb.children) \
        or any(c.dep_ == "agent" and o.lemma_.lower() in triggers.boards
               for c in verb.children for o in prep_objects(c))
    objects = [c for c in verb.children if c.dep_ in (*_POST_COMPLEMENTS, "dobj")]
    objects += [a for o in objects for a in o.children if a.dep_ == "appos"]  # "Reyes, its chairman"
    objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for o in prep_objects(p)]
    for noun in objects:
        if noun.pos_ not in ("NOUN", "PROPN") or not _office(ctx, noun, triggers):
            continue
        board = any(c.dep_ == "compound" and c.lemma_.lower() in triggers.boards
                    for c in noun.children) or any(
            o.lemma_.lower() in triggers.boards for p in noun.children
            if p.dep_ == "prep" and p.lower_ == "of" for o in prep_objects(p))
        if by_a_board or board:
            return noun
    return None


def _described(verb: Any, noun: Any) -> bool:
    """Whether a clause with its own subject follows a post noun, a description of someone the
    parser hangs on the verb rather than on the noun: "named Reyes as the chief executive they
    most admire" (the noun's relative clause ``_office`` refuses when the parser gives it)."""
    return any(c.dep_ in ("oprd", "ccomp") and c.left_edge.i == noun.right_edge.i + 1
               and any(s.dep_ == "nsubj" for s in c.children) for c in verb.children)


def identifies(ctx: Context, verb: Any, triggers: Triggers) -> bool:
    """Whether a verb of choosing tells who someone is, not a post they take: its "as" object is
    a mention ("police named the victim as Tom Hughes, a former mayor of the town", "the
    suspect was named as Omar Haddad"), no appointment whatever the apposition after the name
    says; or a noun described by a clause ("named Reyes as the chief executive they most
    admire")."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in triggers.to_a_post and any(
        ctx.mention_at(c) is not None or any(r.dep_ == "relcl" for r in c.children)
        or _described(verb, c) for as_ in verb.children
        if as_.dep_ == "prep" and as_.lower_ == "as" for c in as_.children if c.dep_ == "pobj")


def _office(ctx: Context, noun: Any, triggers: Triggers) -> bool:
    """Whether a noun and the words before it name an office of ``titles.tsv`` that is no trade:
    "interim CEO", "party leader", "member of the board" (a board member); not "lawyer", nor a
    name ("Rafael Osei"), nor an award ("the best director", "manager of the month", the
    lexicon's ``awards_of_a_time``), nor a description by a relative clause ("the chief
    executive they most admire")."""
    if ctx.mention_at(noun) is not None:
        return False
    if any(c.tag_ == "JJS" or c.lower_ == "best" for c in noun.children
           if c.dep_ in ("amod", "compound")):
        return False  # "the best director of the year": an award
    if any(c.dep_ == "relcl" for c in noun.children):
        return False  # "the chief executive they most admire": a description
    if any(o.lemma_.lower() in triggers.no_post for p in noun.children
           if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"):
        return False  # "manager of the month"
    words = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    words.append(noun.lemma_.lower() if noun.tag_ == "NNS" else noun.lower_)
    boards = [o.lemma_.lower() for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]
    candidates = [" ".join(words[start:]) for start in range(len(words))]
    candidates += [f"{board} {words[-1]}" for board in boards]  # "a member of its board"
    titles = ctx.gazetteer.titles
    return any(c in titles and titles[c].kind != "profession" for c in candidates)


def took_a_post(builder: Builder, post: Any) -> None:
    """The roles of an appointment the post's phrase gives (rule ``event-took-a-post``): the
    one chosen when the parser hangs the post on the name ("named Rafael Osei its chairman") or
    the name on the title ("named its finance chief, Ana Reyes, to run ..."), and the body whose
    post it is, by "of" or a possessive ("chief executive of Orvion", "its new chairman")."""
    builder.rule = TOOK_A_POST
    verb = builder.trigger
    if verb.lemma_.lower() == "become":  # "Reyes became chairman": the one who took the post,
        # as with "Reyes was named chairman", not a doer (data/gold/README.md: participants)
        builder.roles = [("participant" if role == "agent" else role, ref)
                         for role, ref in builder.roles]
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        last = _nearest_alternative(verb, subject)
        if last is not subject and verb.tag_ == "VBN" and verb.i > 0 and verb.nbor(-1).text == ",":
            # "Senator Ruiz or Ana Reyes, installed as interim leader": Reyes alone
            dropped = {m.id for t in subject.subtree if t.i < last.left_edge.i
                       and (m := builder.ctx.mention_at(t)) is not None}
            builder.roles = [(role, ref) for role, ref in builder.roles if ref not in dropped]
    if post.dep_ == "appos":
        builder.add_named("participant", post.head)
    named = [c for c in post.children if c.dep_ == "appos"
             and builder.add_named("participant", c) is not None]
    if named:
        return  # "named Acme's finance chief, Ana Reyes, to run ...": the title is hers, and
        # the body before it the one she works for, not the post's
    for child in post.children:
        if child.dep_ == "poss":
            builder.add("participant", child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for body in prep_objects(child):
                builder.add("participant", body)


def _nearest_alternative(participle: Any, noun: Any) -> Any:
    """The noun a participle after a comma tells of: the noun the parser gives it (its head or
    its subject), or, when that noun offers alternatives joined by "or" and the participle
    follows the last of them, that last one alone (the parser takes the first): "Senator Ruiz
    or Ana Reyes, installed as interim leader last week" tells of Reyes; "Ruiz and Reyes,
    arrested in Lyon" of both."""
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in noun.children):
        return noun
    last = max((c for c in noun.children if c.dep_ == "conj" and c.i < participle.i),
               key=lambda c: c.i, default=None)
    return noun if last is None else last
