"""Sports teams: the gazetteer's teams under their full names and nicknames, and the people
named after a team and a position ("Kestrels center Dana Okafor")."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from kg.extract.place_words import PLACE_PREPOSITIONS
from kg.gazetteer import Gazetteer, Place
from kg.lexicon import lexicon

# The longest team name, in tokens ("Manly Warringah Sea Eagles", "Brighton & Hove Albion").
_LONGEST = 5


@cache
def _team_names(gazetteer: Gazetteer) -> dict[str, str]:
    """Each full name or alias of a team (straight quotes, single spaces) → the team's key."""
    names: dict[str, str] = {}
    for key, row in gazetteer.teams.items():
        for name in (row["name"], *row.get("aliases", "").split("|")):
            if name.strip():
                names.setdefault(" ".join(name.split()), key)
    return names


@cache
def positions(sport_only: bool = False) -> frozenset[str]:
    """The positions and posts of a team's people, lower case ("quarterback", "head coach");
    with ``sport_only``, those no one holds outside sport (not "manager", "captain")."""
    rows = lexicon().table("sports-positions.tsv")
    return frozenset(row["position"] for row in rows if not sport_only or row["shared"] != "yes")


@cache
def _name_starts(gazetteer: Gazetteer) -> frozenset[str]:
    """Every beginning of the first word of a team's name ("Mia", "Miami"): a word without
    spaces that is none of them begins no team's name, whole or as the words' text."""
    return frozenset(first[:n] for first in (name.split()[0] for name in _team_names(gazetteer))
                     for n in range(1, len(first) + 1))


def _text(doc: Any, start: int, end: int) -> str:
    return " ".join(t.text for t in doc[start:end]).replace(" '", "'").replace(" .", ".")


def _full_names(doc: Any, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Where the article names a team in full ("the Tarrow Kestrels"), longest first at each
    word: (start, end, key)."""
    names = _team_names(gazetteer)
    starts = _name_starts(gazetteer)
    words = [token.text for token in doc]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        match = None
        word = words[i]
        if (word[:1].isupper() or word[:1].isdigit()) and (word in starts or " " in word):
            for size in range(min(_LONGEST, len(doc) - i), 0, -1):
                key = names.get(doc[i : i + size].text) or names.get(_text(doc, i, i + size))
                if key:
                    match = (i, i + size, key)
                    break
        if match:
            found.append(match)
            i = match[1]
        else:
            i += 1
    return found


def _nicknames(doc: Any, gazetteer: Gazetteer, named: list[tuple[int, int, str]]
               ) -> list[tuple[int, int, str]]:
    """Where the article calls a team it named in full by its nickname alone ("the Kestrels"
    after "the Tarrow Kestrels"). A nickname two of the named teams share names neither; one
    that is no plural ("Heat", "Magic") counts only after "the"."""
    owners: dict[str, set[str]] = {}
    for _, _, key in named:
        for nickname in gazetteer.teams[key].get("nicknames", "").split("|"):
            if nickname.strip():
                owners.setdefault(nickname.strip(), set()).add(key)
    taken = {i for start, end, _ in named for i in range(start, end)}
    found: list[tuple[int, int, str]] = []
    for nickname, keys in owners.items():
        if len(keys) > 1:
            continue
        words = nickname.split()
        for i in range(len(doc) - len(words) + 1):
            if [t.text for t in doc[i : i + len(words)]] != words or \
                    any(j in taken for j in range(i, i + len(words))):
                continue
            if not nickname.endswith("s") and (i == 0 or doc[i - 1].lower_ != "the"):
                continue
            found.append((i, i + len(words), next(iter(keys))))
    return found


def _person_after_position(doc: Any, end: int, entity: Any) -> bool:
    """Whether a name the model took for a body's follows a team and a position and is a
    person's: "Kestrels center Dana Okafor", "Harriers forward Sam Reyes"."""
    return entity.start == end + 1 and doc[end].lower_ in positions() and \
        entity.label_ in ("ORG", "GPE", "NORP", "FAC") and len(entity) >= 2 and \
        all(t.is_title and t.is_alpha for t in entity)


def _start(entity: Any) -> int:
    """Where a name span starts, without "the" ("the Tarrow Kestrels")."""
    return entity.start + 1 if entity[0].lower_ == "the" and len(entity) > 1 else entity.start


def team_names(doc: Any, ents: list[Any], gazetteer: Gazetteer) -> list[Any]:
    """The article's name spans with its teams named whole and linked: "the Tarrow Kestrels"
    (where the model had "Tarrow" a city), and "the Kestrels" in the same article. A team's
    name inside a longer name the model found ("Tarrow Kestrels Foundation") is left alone."""
    from kg.nlp import make_span

    named = _full_names(doc, gazetteer)
    if not named:
        return ents
    spans = named + _nicknames(doc, gazetteer, named)
    kept = list(ents)
    for start, end, key in sorted(spans):
        inside = [e for e in kept if e.start < end and e.end > start]
        if any(_start(e) < start and e.end >= end or _start(e) <= start and e.end > end
               for e in inside):
            continue
        kept = [e for e in kept if e not in inside]
        team = make_span(doc, start, end, "ORG")
        team.root.ent_id_ = key  # a span's key is its head word's (spaCy's ent_id_)
        kept.append(team)
        after = next((e for e in kept if e.start == end + 1), None)
        if after is not None and _person_after_position(doc, end, after):
            kept = [e for e in kept if e is not after]
            kept.append(make_span(doc, after.start, after.end, "PERSON"))
    return sorted(kept, key=lambda e: e.start)


def position_after(token: Any, sport_only: bool = False) -> Any | None:
    """The last word of the position written right after a name ("coach" in "Alabama coach",
    "back" in "Kestrels running back"), when the name modifies it; None otherwise."""
    doc = token.doc
    known = positions(sport_only)
    for size in (2, 1):
        end = token.i + 1 + size
        if end <= len(doc) and " ".join(t.lower_ for t in doc[token.i + 1 : end]) in known \
                and token.dep_ in ("compound", "amod", "nmod") and token.i < token.head.i < end:
            return doc[end - 1]
    return None


def person_after_position(role: Any, ctx: Any) -> Any | None:
    """The person's mention whose name follows a position and goes with it: "coach Dana
    Okafor", parsed as a compound or an apposition."""
    doc = role.doc
    if role.i + 1 >= len(doc):
        return None
    person = ctx.mention_in(doc[role.i + 1], ("Person",))
    if person is None or person.kind != "name":
        return None
    words = range(ctx.first_token(person).i, ctx.last_token(person).i + 1)
    linked = role.head.i in words or any(doc[i].head.i == role.i for i in words)
    return person if linked else None


# Mentions of these types may be a team named by its place ("Alabama", "Ohio State").
_PLACE_TYPES = ("AdministrativeRegion", "City")
# US states whose name with "State" is the state itself as often as a university.
_STATES_NAMED_STATE = {"New York", "Washington"}
# Prepositions after which a name is where something is, not who plays: a place's (those of
# kg.extract.place_words) and those of going through or over one ("across Ohio").
_LOCATIVE = PLACE_PREPOSITIONS | {"across", "throughout", "into", "through", "within", "inside"}


def university_name(text: str, gazetteer: Gazetteer) -> bool:
    """Whether a name is a US state's with "State" after it, the state university and its
    teams ("Ohio State", "Michigan State", "Arizona State"): the state itself is "the state of
    Ohio" or "Ohio state". New York State and Washington State are left out: both are written
    for the state too."""
    words = text.split()
    if len(words) < 2 or words[-1] != "State":
        return False
    state = " ".join(words[:-1])
    place = gazetteer.lookup(state)
    return state not in _STATES_NAMED_STATE and isinstance(place, Place) and \
        place.type == "AdministrativeRegion" and place.iso2 == "US"


def _read_as_a_team(last: Any, ctx: Any) -> bool:
    """Whether the clause makes a place's name a team's: it stands before a position and a
    person's name ("Alabama coach Dana Okafor", "Florida head coach X"), or owns or modifies
    what only a team has ("Iowa's roster", "the Ohio playbook"), said of no other thing ("the
    Ohio voter roster", "Iowa's roster of donors")."""
    role = position_after(last, sport_only=True)
    if role is not None:
        return person_after_position(role, ctx) is not None
    noun = last.head
    return last.dep_ in ("poss", "compound") and noun.lemma_.lower() in _team_nouns() and \
        not _said_of_another_thing(noun, last, ctx.gazetteer)


def _said_of_another_thing(noun: Any, name: Any, gazetteer: Gazetteer) -> bool:
    """Whether a team's noun after a place's name is said of something else: another noun
    before it that names no sport ("Ohio's voter roster"; not "Iowa's football roster"), or an
    "of" after it ("Iowa's roster of donors")."""
    sports = _sport_words(gazetteer)
    return any(c.dep_ == "compound" and name.i < c.i < noun.i and c.lower_ not in sports
               for c in noun.children) or \
        any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


@cache
def _sport_words(gazetteer: Gazetteer) -> frozenset[str]:
    """The words of the teams' sports, lower case ("football", "hockey", "rugby")."""
    return frozenset(word.lower() for row in gazetteer.teams.values()
                     for word in row["sport"].split())


def _team_nouns() -> frozenset[str]:
    return lexicon().words("team-nouns.txt")


def _placed(last: Any) -> bool:
    """Whether a name is where something is ("in Florida", "a Florida senator") rather than
    who plays: the object of a place's preposition, or a modifier of another noun."""
    return last.dep_ == "pobj" and last.head.lower_ in _LOCATIVE or \
        last.dep_ == "compound" and last.head.lower_ not in positions() and \
        last.head.lemma_.lower() not in _team_nouns()


def _state_university(mention: Any, ctx: Any) -> bool:
    """Whether a mention is a state university by its name ("Ohio State"), and no longer name
    goes on after it: "Michigan State Police", "Ohio State Senator X" are the state's."""
    if not university_name(mention.text, ctx.gazetteer):
        return False
    last = ctx.last_token(mention)
    after = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    return after is None or not (after.is_title and after.is_alpha and not after.is_sent_start)


def _may_name_a_team(mention: Any, gazetteer: Gazetteer) -> bool:
    """Whether a place's name may stand for a club: a town's ("Tarrow manager X"), or a US
    state's, whose universities' teams go by it ("Alabama coach X"). A state, or a region
    elsewhere (England, Queensland), fields a national or a state side, which the country or
    the region names: no club."""
    place = gazetteer.get(mention.key) if mention.key else gazetteer.lookup(mention.text)
    return university_name(mention.text, gazetteer) or isinstance(place, Place) and (
        place.type == "City" or place.type == "AdministrativeRegion" and place.iso2 == "US")


def place_named_teams(ctx: Any) -> None:
    """Teams named by their place: "Alabama coach Dana Okafor", "Iowa's roster",
    "Ohio State" (a state university). Where the clause says it plays, the name is an
    organisation, and so is the same name elsewhere in the article; but where the article
    also puts something in the place ("in Alabama", "Alabama voters"), the name is left a
    place throughout: one name is one entity of the article, and the place is the safer
    reading."""
    gazetteer = ctx.gazetteer
    teams, places = set(), set()
    for mention in ctx.mentions:
        if mention.kind != "name" or mention.type not in _PLACE_TYPES or \
                not _may_name_a_team(mention, gazetteer):
            continue
        last = ctx.last_token(mention)
        if _state_university(mention, ctx) or _read_as_a_team(last, ctx):
            teams.add(mention.text)
        elif _placed(last):
            places.add(mention.text)
    universities = {m.text for m in ctx.mentions if m.text in teams and _state_university(m, ctx)}
    teams = {text for text in teams if text not in places or text in universities}
    for index, mention in enumerate(ctx.mentions):
        if mention.kind == "name" and mention.type in _PLACE_TYPES and mention.text in teams:
            ctx.mentions[index] = replace(mention, type="Organization", key=None)
