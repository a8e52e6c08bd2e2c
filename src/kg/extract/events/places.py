"""Where an event happened when its own words do not say: a gathering, its sentence, the ones before."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from kg.extract.bearings import after_a_bearing
from kg.extract.context import PLACE_TYPES, Context
from kg.extract.events.lexicon import Triggers, one_word_verbs
from kg.extract.events.roles import LOCATIVE, REPORTING, Builder, prep_objects
from kg.gazetteer import Place
from kg.lexicon import lexicon
from kg.model import Event, Mention

AT_THE_DATELINE = {"Statement", "Interview", "PressConference", "NoComment"}
"""Events that happen where the reporter is: at the dateline's place when the text says no other."""
SITUATED = {"Visit", "Meeting", "PressConference", "Protest", "Attack", "Disaster", "Arrest",
             "Death", "Trial", "Launch", "Landing", "Agreement", "Treaty", "Ceasefire"}
"""Events that happen at one place, which the sentence around them may name without tying it."""
_LOCAL_PLACES = ("City", "AdministrativeRegion", "Place")


def at_gatherings(ctx: Context, told: list[tuple[Builder, Event]], triggers: Triggers) -> list[Event]:
    """An event told at a gathering happened where the gathering is: "X, speaking at the
    opening ceremony, said" after "the summit in Johannesburg" was said in Johannesburg. The
    gathering is a meeting noun or one of the lexicon's ``gatherings``; its place is its own
    ("at a rally in Lyon") or else that of the latest meeting the article placed before."""
    gatherings = set(triggers.gatherings) | {
        noun for noun, type_ in triggers.nouns.items() if type_ == "Meeting"}
    events: list[Event] = []
    where: str | None = None  # the place of the latest placed meeting
    for builder, event in told:
        places = [ref for role, ref in event.roles if role in ("location", "destination")]
        gathering = None if places else _gathering_of(builder.trigger, gatherings)
        if gathering is not None:
            own = Builder(ctx, event.type, gathering)
            own.prepositions(gathering)  # "at a rally in Lyon"
            place = next((ref for role, ref in own.roles if role == "location"), where)
            if place is not None:
                event = replace(event, roles=(*event.roles, ("location", place)))
        if event.type == "Meeting" and places:
            where = places[0]
        events.append(event)
    return events


def _gathering_of(trigger: Any, gatherings: set[str]) -> Any | None:
    """The gathering a trigger, or a participle beside it ("speaking at"), is said to be at."""
    heads = [trigger, *[c for c in trigger.children if c.dep_ in ("advcl", "conj")]]
    for subject in (c for c in trigger.children if c.dep_ == "nsubj"):
        heads += [c for c in subject.children if c.dep_ in ("acl", "relcl")]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "during"):
                for obj in prep_objects(prep):
                    if obj.lemma_.lower() in gatherings:
                        return obj
    return None


def place_in_sentence(ctx: Context, sentence: int) -> str | None:
    """The one city, region or other named place below a state that a sentence names, not
    counting a person's home town ("a Bendigo woman", "the Perth father of two", "Tom Reyne
    of Ballina in northern New South Wales"), where a noun goes or is sent ("a visit to Bethlehem",
    "the envoy to the Middle East"), the region a place is said to be in ("the Woomera
    Detention Centre in outback South Australia": the centre), a town another is measured
    from ("a blaze near Goulburn, south-west of Sydney": Goulburn) or lies near ("the Aare
    Gorge near Meiringen": the gorge), nor a place that holds another the sentence names
    ("the West Bank city of Nablus", or a town the gazetteer puts inside it: Nablus), nor the
    seat of whoever reports the event ("..., Seoul's military said": see
    :func:`_seat_of_the_source`)."""
    homes = [t.idx for t in ctx.tokens_of(sentence)
             if _home_of_a_person(ctx, t) or _goal_of_a_noun(ctx, t) or _seat_of_the_source(ctx, t)]
    named = [m for m in ctx.mentions if m.sentence == sentence and m.type in _LOCAL_PLACES
             and m.kind == "name" and not any(m.start <= home < m.end for home in homes)]
    places = {m.id for m in named if not _container_told(ctx, m, named)}
    measured = {m.id for m in named if after_a_bearing(ctx.doc, ctx.first_token(m).i)
                or _landmark_of(ctx, m, named)}
    if places - measured:  # "At Boonah, south-west of Brisbane": Boonah, measured from Brisbane
        places -= measured
    containing = {m.id for m in named if _holds_another(ctx, m, named)}
    if places - containing:  # "in Hebron, the West Bank town": Hebron
        places -= containing
    if not named:
        return _region_taken_up(ctx, sentence)
    return places.pop() if len(places) == 1 else None


@cache
def _reporting_verbs() -> frozenset[str]:
    """The single-word verbs of the lexicon's speech and report events ("say", "report")."""
    return one_word_verbs(REPORTING)


_SEAT_STEPS = 3
"""How many modifiers up from a place's word its speaker's noun may stand: "Kabul's provincial
police chief" (Kabul, police, chief)."""


def _seat_of_the_source(ctx: Context, token: Any) -> bool:
    """Whether a place's word names who reports an event, or that speaker's seat or home, not
    where the event happened (rule event-place-not-the-source): the subject of a verb of
    saying itself ("Beijing said"), its owner ("..., Seoul's military said", "Kabul's police
    chief told reporters"), where it is based ("Lagos-based officials said") or the home a
    speaker's title or party is written with ("..., the California Republican said", "the
    Texas senator said"). Not a place in a preposition on the speaker ("police in Kabul
    said": they may be where it happened), nor a compound on people who are no title
    ("Baghdad residents said")."""
    word, owned = token, False
    for _ in range(_SEAT_STEPS + 1):
        if word.dep_ in ("nsubj", "nsubjpass") and word.head.pos_ == "VERB":
            break
        if word.dep_ not in ("compound", "flat", "poss", "npadvmod", "amod") or word.head.i == word.i:
            return False
        owned = owned or word.dep_ == "poss" or (
            word.dep_ in ("compound", "npadvmod") and word.head.lower_ == "based")
        word = word.head
    else:
        return False
    if word.head.lemma_.lower() not in _reporting_verbs() or word.head.dep_ in ("relcl", "acl"):
        return False
    return word.i == token.i or owned or _speaker_titled(ctx, word)


def _speaker_titled(ctx: Context, word: Any) -> bool:
    """Whether a speaker's noun is a title or a party's member, which a place before it tells
    the home of: "senator", "spokesman", "Republican" (the gazetteer's titles and parties)."""
    lowered = word.lower_
    return lowered in ctx.gazetteer.titles or any(
        party.lower() in (lowered + "s", lowered) for party in ctx.gazetteer.party_names)


_REGION_NOUNS = ("state", "territory")
"""Nouns by which "the state" takes up the first-level region an article named before."""
_REGION_REACH = 3
"""How many sentences back "the state" may reach for the region it takes up."""
_STATES = ("Country",)
"""Mention types that name a state: a sentence naming one is not about an earlier region."""


def _region_taken_up(ctx: Context, sentence: int) -> str | None:
    """The region "the state" or "the territory" takes up again in a sentence that names no
    place: the latest one the article named before ("fires burn across New South Wales ...
    most of the state's fires are contained"); not "the Jewish state", "the state of
    emergency" nor "the state government", not in a sentence that names a state ("Israel's
    army said the state's soldiers ..."), and only a region named in the last few sentences."""
    if any(m.sentence == sentence and m.kind == "name" and m.type in _STATES for m in ctx.mentions):
        return None
    for token in ctx.tokens_of(sentence):
        if token.lower_ not in _REGION_NOUNS or token.dep_ in ("compound", "amod") or any(
                c.dep_ != "case" and c.lower_ != "the" for c in token.children if c.i < token.i) \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue
        regions = [m for m in ctx.mentions if m.end <= token.idx and m.kind == "name"
                   and m.type == "AdministrativeRegion" and sentence - m.sentence <= _REGION_REACH]
        if regions:
            return regions[-1].id
    return None


def _container_told(ctx: Context, place: Mention, named: list[Mention]) -> bool:
    """Whether a place is named only as what another named place lies in: "a warehouse
    district of Osaka" no, "Perth in Western Australia" yes (for Western Australia), also
    through a part of it: "the Woomera centre in South Australia's far north" (the region)."""
    token = ctx.first_token(place)
    while token.dep_ in ("compound", "amod", "flat") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "poss" and token.head.pos_ == "NOUN":
        token = token.head  # "the centre in South Australia's far north": the region's part
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "in":
        return False
    site = prep.head  # "the Lucas Heights reactor in Sydney": the reactor's, "Heights" often
    inner = ctx.mention_in(site) or next((found for c in site.children if c.dep_ == "nmod" and (
        found := ctx.mention_at(c)) is not None), None)  # the parser's nmod before the noun
    return inner is not None and inner is not place and inner in named


def _landmark_of(ctx: Context, place: Mention, named: list[Mention]) -> bool:
    """Whether a place is named only as what another named place lies near: "canyoning in
    the Aare Gorge near Meiringen" (Meiringen, the gorge's landmark; the gorge is the place)."""
    token = ctx.first_token(place)
    while token.dep_ in ("compound", "amod", "flat") and token.head.i != token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("near", "beside", "outside"):
        return False
    other = ctx.mention_at(prep.head)
    return other is not None and other is not place and other in named


def _holds_another(ctx: Context, place: Mention, named: list[Mention]) -> bool:
    """Whether a place is named beside one the gazetteer puts inside it, or as the modifier
    of a noun that introduces another: "in Hebron, in the West Bank" and "the West Bank
    city of Hebron" (both the West Bank's)."""
    if place.key and any(other is not place and isinstance(inner := ctx.gazetteer.get(other.key or ""), Place)
                         and place.key in inner.containers for other in named):
        return True
    token = ctx.last_token(place)
    if token.dep_ not in ("compound", "nmod", "amod") or token.head.pos_ != "NOUN":
        return False
    return any(prep.dep_ == "prep" and prep.lower_ == "of" and any(
        (found := ctx.mention_at(obj)) is not None and found is not place and found in named
        for obj in prep_objects(prep)) for prep in token.head.children)


def _goal_of_a_noun(ctx: Context, token: Any) -> bool:
    """Whether a place's name is where a noun goes or is sent, not where something happened:
    "his yearly visit to Assisi", "the EU special envoy to the Sahel" (a noun's "to";
    a verb's is where its subject went, "a trip into the gorge" went there, and in "a
    lieutenant to the Kandahar governor" the town is the governor's)."""
    place = ctx.mention_at(token)
    if place is None or place.type not in _LOCAL_PLACES:
        return False
    while token.dep_ in ("compound", "flat") and ctx.mention_at(token.head) is place:
        token = token.head  # to the last word of the place's own name
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "to" and prep.head.pos_ in ("NOUN", "PROPN")


def _home_of_a_person(ctx: Context, token: Any) -> bool:
    """Whether a word names where a person lives rather than where something happened: "a
    Bendigo woman", "Tom Reyne of Ballina in the north", "Ana Ruiz, from Lyon", "a
    nurse from Millicent"."""
    head = token.head
    if token.dep_ in ("compound", "amod", "nmod"):
        return head.pos_ == "NOUN" and (head.lower_ in ctx.gazetteer.occupations
                                        or head.lower_ in ctx.gazetteer.kinship)
    while token.dep_ in ("pobj", "prep") and head.dep_ in ("prep", "pobj") and head.i != token.i:
        token, head = head, head.head  # "of Mackay in north Queensland": both
    if token.dep_ == "prep" and token.lower_ == "from" and head.pos_ == "NOUN" and (
            head.lower_ in ctx.gazetteer.occupations or head.lower_ in ctx.gazetteer.kinship):
        return True  # "a nurse from nearby Millicent"
    person = ctx.mention_at(head)
    if token.dep_ != "prep" or person is None or person.type != "Person" or person.kind != "name":
        return False
    return token.lower_ in ("of", "from") or (token.lower_ == "in" and any(
        c.dep_ == "prep" and c.lower_ in ("of", "from") and c.i < token.i
        for c in head.children))  # "of Mackay in north Queensland", the parser's way


def country_of_the_war(ctx: Context, builder: Builder) -> str | None:
    """The country a war is fought in when its sentence names no place at all: the one state
    the sentence before names, in the same paragraph, other than its sides ("... sending
    troops to Afghanistan. The cost of the war against terrorism has risen"); none when that
    sentence names two ("India and Pakistan ...") or only by adjective. A sentence that names
    places of its own may be telling of other events there ("charged in Australia with
    waging war against India")."""
    sentence = ctx.sentence_of(builder.trigger)
    if sentence == 0 or not placeless(ctx, sentence) or "\n" in \
            ctx.article.text[ctx.sentences[sentence - 1].end:ctx.sentences[sentence].start]:
        return None
    mentions = ctx.mention_by_id()
    sides = {mentions[ref].key or mentions[ref].text for _, ref in builder.roles if ref in mentions}
    named = {m.key or m.text: m.id for m in ctx.mentions if m.sentence == sentence - 1
             and m.type == "Country" and m.kind == "name" and (m.key or m.text) not in sides}
    return named.popitem()[1] if len(named) == 1 else None


def placeless(ctx: Context, sentence: int) -> bool:
    """Whether a sentence names no place at all, not even a state."""
    return not any(m.sentence == sentence and m.type in PLACE_TYPES for m in ctx.mentions)


def place_before(ctx: Context, sentence: int) -> str | None:
    """The place of the sentence just before, in the same paragraph, when a sentence names
    none: "A fire broke out at a warehouse in Osaka on Monday. Two workers died." (the
    deaths were in Osaka). Only the one place that sentence names, and only across a single
    sentence: further back the story may have moved, unless what lies between is the
    article's opening (see :func:`place_of_the_opening`)."""
    if sentence == 0:
        return None
    before, this = ctx.sentences[sentence - 1], ctx.sentences[sentence]
    if "\n" in ctx.article.text[before.end:this.start]:
        return None
    return place_in_sentence(ctx, sentence - 1) or place_of_the_opening(ctx, sentence)


_OPENING = 4
"""How many sentences an article's opening runs to, at most, while it names no other place."""


def place_of_the_opening(ctx: Context, sentence: int) -> str | None:
    """The one place an article's first sentence names, for an event told soon after it in
    sentences that name no place at all: "Fires swept the Villawood Detention Centre
    overnight. Officials say 13 buildings burned. Guards arrested nine men." (the arrests
    were at the centre). With no dateline the first sentence sets
    where the story is, and sentences that name no other place keep it there; not across a
    paragraph, nor beyond the ``_OPENING`` sentences."""
    if not 1 < sentence < _OPENING or "\n" in ctx.article.text[:ctx.sentences[sentence].start].strip():
        return None
    if not all(placeless(ctx, between) for between in range(1, sentence + 1)):
        return None
    return place_in_sentence(ctx, 0)


def place_of_where(builder: Builder) -> None:
    """The place a relative "where" or "in which" clause hangs on, for an event in that
    clause with no place of its own: "in Tasmania, where three people have drowned", "Jenin,
    where troops arrested two men", "an ambush near Hebron in which ten people were killed"."""
    if any(role in ("location", "destination") for role, _ in builder.roles):
        return
    clause = builder.trigger
    while clause.dep_ in ("dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "xcomp", "conj"):
        clause = clause.head
    if clause.dep_ == "relcl" and any((c.dep_ == "advmod" and c.lower_ == "where") or (
            c.dep_ == "prep" and c.lower_ in ("in", "during", "at")
            and any(o.lower_ == "which" for o in prep_objects(c))) for c in clause.children):
        place = builder.place_of(clause.head)
        if place is not None:
            builder.add("location", place)


def place_of_the_court(ctx: Context, builder: Builder) -> None:
    """A court sits in the state it belongs to, and what it does happens there: "an
    Indonesian court sentenced the cleric", "a Swiss court found six guides guilty" (in
    Indonesia, in Switzerland), for an event with no place of its own; a trial happens
    where the court its sentence names sits ("a court in Kano upheld the sentence")."""
    if any(role in ("location", "destination") for role, _ in builder.roles):
        return
    mentions = ctx.mention_by_id()
    acting = [mentions.get(ref) for role, ref in builder.roles if role == "agent"]
    trigger = builder.trigger
    if trigger.pos_ == "ADJ":  # "found guilty": the one who found
        verb = trigger.head.head if trigger.dep_ == "amod" else trigger.head  # "found X guilty"
        acting += [ctx.mention_at(c) for c in verb.children if c.dep_ == "nsubj"]
    for court in acting:
        if court is not None and court.type == "Court" and court.kind == "institution":
            owner = dict(court.attributes).get("owner")
            if owner is not None:
                builder.roles.append(("location", owner))
                return
    if builder.type == "Trial":  # "a court in northern Nigeria rejected an appeal by a
        # mother sentenced to be stoned": she was sentenced there
        courts = lexicon().classes("unnamed-institutions.tsv")
        sentence = ctx.sentence_of(trigger)
        for token in ctx.tokens_of(sentence):
            if courts.get(token.lower_) == "Court" and builder.locate_by(list(token.children)):
                return
        for token in ctx.tokens_of(sentence):  # "eight people will appear in a Swiss court
            # charged with manslaughter after the Interlaken tragedy": in Switzerland, not
            # where the crime was
            court = ctx.mention_at(token)
            owner = dict(court.attributes).get("owner") if court is not None and \
                court.type == "Court" and court.kind == "institution" else None
            if owner is not None:
                builder.roles.append(("location", owner))
                return


_CLAUSE_MARKS = ("when", "as", "after", "while")
"""Words that join an event to the clause of the occasion it happened at: "two schoolgirls
died when a tree fell on them at a reserve in Hornsby"."""


def place_of_the_clause(builder: Builder) -> None:
    """The place of the clause an event verb is joined to, for a verb with no place of its
    own: the clause it hangs on ("jets blasted vehicles at Sharana, killing 14 people",
    "troops raided the Gaza Strip, arresting several people"), the clause of when it
    happened ("one person died after a plane crashed near Mt Gambier"), or where those who
    did it were ("killed by a stray bomb in Afghanistan")."""
    trigger = builder.trigger
    if trigger.pos_ != "VERB" or any(role in ("location", "destination") for role, _ in builder.roles):
        return
    clauses = []
    if trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and trigger.head.pos_ == "VERB":
        clauses.append(trigger.head)  # "..., killing 14 people"
    clauses += [c for c in trigger.children if c.dep_ == "advcl" and any(
        m.dep_ in ("mark", "advmod") and m.lower_ in _CLAUSE_MARKS for m in c.children)]
    for clause in clauses:
        builder.prepositions_of_place(clause)
        if builder.has("location"):
            return
        builder.locate_from_arguments(clause)
        if builder.has("location"):
            return
    agents = [o for c in trigger.children if c.dep_ == "agent" for o in prep_objects(c)]
    builder.locate_by([p for agent in agents for p in agent.children])


_RETOLD_REACH = 2
"""How many sentences after an event a finer place of it may be told, in the same paragraph."""


def finer_place_told_later(ctx: Context, events: list[Event], nouns: dict[str, str]) -> list[Event]:
    """An event placed in a region, territory or country takes the town a following sentence
    tells it again in: "Fires burned in New South Wales on Sunday. The blaze destroyed three
    homes at Corowa." (at Corowa). The coarse place is named, not an adjective ("the Haitian
    capital"). The later sentence takes the event up by the trigger's word or a noun of its
    type after "the", "this" or "that" ("the blaze", "the attack") and ties one town to that
    word or to the verb it is the subject of ("the gunfight took place at Karsi village", "the
    raid on Dora"): a town the gazetteer puts inside the coarse place, or one it does not
    know. Another event of the type is not enough, nor a town the sentence merely names
    (reprisals: "strikes on Nablus, close to the scene of the bus ambush"). Events of the
    first sentence that shared the coarse place move with it ("shot dead eight men in
    Kashmir": the deaths too). ``nouns`` are the trigger lexicon's event nouns and types."""
    mentions = ctx.mention_by_id()
    moved: dict[tuple[int, str], str] = {}
    coarse_of: dict[int, str] = {}
    for number, event in enumerate(events):
        places = [ref for role, ref in event.roles if role in ("location", "destination")]
        coarse = mentions.get(places[0]) if len(places) == 1 else None
        region = ctx.gazetteer.get(coarse.key or "") if coarse is not None else None
        if coarse is None or coarse.kind != "name" or not isinstance(region, Place) or not (
                region.type in ("Country", "AdministrativeRegion") or region.territory):
            continue
        coarse_of[number] = coarse.id
        start = event.evidence.sentence
        for later in range(start + 1, min(start + 1 + _RETOLD_REACH, len(ctx.sentences))):
            if "\n" in ctx.article.text[ctx.sentences[later - 1].end:ctx.sentences[later].start]:
                break
            town = _town_retold(ctx, event, later, region, nouns)
            if town is not None:
                moved[(start, coarse.id)] = town
                break
    finer: list[Event] = []
    for number, event in enumerate(events):
        town = moved.get((event.evidence.sentence, coarse_of.get(number, "")))
        if town is not None:
            event = replace(event, roles=tuple((role, town if ref == coarse_of[number] else ref)
                                               for role, ref in event.roles))
        finer.append(event)
    return finer


def _town_retold(ctx: Context, event: Event, sentence: int, region: Place,
                 nouns: dict[str, str]) -> str | None:
    """The one town a sentence ties to a word that takes ``event`` up again, by "in", "at"
    or "on" on the word or on the verb it is the subject of, if the town lies inside
    ``region`` or the gazetteer does not know it."""
    word = event.trigger.lower()
    tied: list[Mention] = []
    for token in ctx.tokens_of(sentence):
        if token.pos_ not in ("NOUN", "PROPN") or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children) or \
                not (token.lemma_.lower() == word or token.lower_ == word
                     or nouns.get(token.lemma_.lower()) == event.type):
            continue
        heads = [token, token.head] if token.dep_ in ("nsubj", "nsubjpass") else [token]
        tied += [m for head in heads for prep in head.children
                 if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "on")
                 for obj in prep_objects(prep) if (m := ctx.mention_in(obj, ("City",))) is not None]
    towns = {m.id: m for m in tied}
    if len(towns) != 1:
        return None
    town = next(iter(towns.values()))
    known = ctx.gazetteer.get(town.key or "")  # a town it does not know is taken on the tie alone
    return town.id if not isinstance(known, Place) or region.key in known.containers else None


_COMPOUND_PLACES = ("City", "AdministrativeRegion")
"""Places below a state that an event noun's compounds may name as where it happened."""


def place_in_the_compound(ctx: Context, builder: Builder) -> None:
    """The town an event noun's compounds name, also through the site they modify and where
    the model took the town's name for no place at all: "the Oakdale school shooting", "the
    Christchurch mosque attacks", "after the Orlando nightclub massacre" (rule
    event-place-in-compound). A name the model did not take for a place is the town's only
    before a site of ``event-sites.txt``; not a person's name ("the Lincoln assassination", "the
    Hicks trial"), nor a state's thing ("the US embassy bombing" was not in the US)."""
    trigger = builder.trigger
    if trigger.pos_ != "NOUN" or any(role in ("location", "destination") for role, _ in builder.roles):
        return
    compounds = [c for c in trigger.children if c.dep_ == "compound" and c.i < trigger.i]
    compounds += [g for c in compounds if c.pos_ == "NOUN"  # the site: "school", "mosque"
                  for g in c.children if g.dep_ == "compound" and g.i < c.i]
    for token in compounds:
        if token.pos_ != "PROPN":
            continue
        mention = ctx.mention_at(token)
        if mention is not None:
            if mention.kind == "name" and mention.type in _COMPOUND_PLACES:
                builder.add("location", token)
                return
            continue
        sites = [token.head] if token.head.i != trigger.i else [
            c for c in compounds if c.pos_ == "NOUN" and token.i < c.i < trigger.i]
        if token.ent_type_ not in ("GPE", "LOC") and not any(
                site.lemma_.lower() in lexicon().words("event-sites.txt") for site in sites):
            continue  # "the Lincoln assassination": a person's name, not the town's
        words = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and c.i < token.i and ctx.mention_at(c) is None]  # "Port Arthur"
        span = token.doc[(words[0].i if words else token.i):token.i + 1]
        if any(t.dep_ != "compound" and t.i != token.i for t in span):
            continue
        place = ctx.gazetteer.lookup(span.text)
        if isinstance(place, Place) and place.type in _COMPOUND_PLACES:
            ctx.add_mention(span, place.type, key=place.key)
            builder.add("location", token)
            return


_DRIVING_OUT = {"War", "Attack", "Disaster"}
"""Events people leave a place after or during: where it happened is the place they left."""
_AFTER = ("after", "during", "amid", "following")
"""Prepositions and clause marks by which a leaving is told as after or during an event."""


def place_left_behind(builder: Builder) -> None:
    """The one place people left after or during a war, an attack or a disaster, for one with
    no place of its own: "most of them fled Eritrea after the border war", "he left
    Iraq after the 2003 invasion touched off years of fighting", "thousands escaped from
    Aleppo during the bombardment" (rule event-place-left-behind; the lexicon's
    ``event-leaving-verbs.txt``); not a place they went to ("fled to Jordan after the war"),
    nor for an event whose own words place it elsewhere unnamed ("fled Kabul after the
    offensive in the north")."""
    trigger = builder.trigger
    if builder.type not in _DRIVING_OUT or trigger.pos_ not in ("NOUN", "PROPN") or any(
            role in ("location", "destination") for role, _ in builder.roles) or any(
            c.dep_ == "prep" and c.lower_ in LOCATIVE for c in trigger.children):
        return
    verb = None
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" and trigger.head.lower_ in _AFTER:
        verb = trigger.head.head  # "fled Eritrea after the war"
    elif trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _AFTER for c in trigger.head.children):
        verb = trigger.head.head  # "left Iraq after the invasion touched off ..."
    if verb is None or verb.pos_ != "VERB" or \
            verb.lemma_.lower() not in lexicon().words("event-leaving-verbs.txt"):
        return
    left = [c for c in verb.children if c.dep_ == "dobj"] + [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for o in prep_objects(p)]
    places = {place.i: place for token in left
              if (place := builder.place_of(token, owners=False)) is not None}
    if len(places) == 1:
        builder.add("location", next(iter(places.values())))
