"""Parties written around a politician's name: a party's short name ("Labor MP X") or the adjective
that opens its name ("Liberal senator Y"), read as the party of a state the story names, and the
US party tag after a legislator's name ("Sen. Z (R-Texas)")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kg.extract.context import Context
from kg.extract.relations.collector import Relations
from kg.extract.relations.title_words import PAST_MODIFIERS, singular, title_in, words_of_title
from kg.gazetteer import KnownOrganization, Place
from kg.lexicon import lexicon
from kg.model import Mention


def party_before_title(ctx: Context, token: Any) -> Mention | None:
    """The party a short name written just before a title stands for, which the model took
    for part of the person's name or for nothing: "Labor" in "Federal Labor MP Jo Roe",
    "Greens" in "Greens senator Bob Hay" (party-names.txt lists the short names)."""
    if not token.is_title:
        return None
    if token.text not in ctx.gazetteer.party_names:
        return None
    known = ctx.gazetteer.lookup(token.text)
    if isinstance(known, KnownOrganization):
        return ctx.add_mention([token], known.type, key=known.key)
    return ctx.add_mention([token], "PoliticalParty")


_PARTY_TITLE_KINDS = ("political", "regional")
"""The kinds of title a party's adjective may stand before: a legislator's, a leader's, a
councillor's ("Liberal senator X", "a Labour councillor"), not "Republican Guard commander"."""


def party_of_adjective(ctx: Context, token: Any, words: list[Any]) -> Mention | None:
    """The party a capitalised adjective written just before a politician's title stands for:
    "Liberal" in "Liberal senator Jo Roe", "Democratic" in "Democratic Rep. Jane Doe",
    "Conservative" in "Conservative MP X". The adjective opens the name of a party in the
    gazetteer ("Liberal Party of Australia", "Democratic Party") of a state the story names
    (by its name, its adjective or its towns): a Liberal in Australia is the Liberal Party of
    Australia, one in Canada the Liberal Party of Canada; a story naming both, or neither,
    ties no party ("liberal", lower-case, is never one)."""
    if not words or not token.is_title or not token.is_alpha or ctx.mention_at(token) is not None:
        return None
    title = title_in([singular(w) for w in words], ctx)
    if title is None or ctx.gazetteer.titles[title].kind not in _PARTY_TITLE_KINDS or \
            title_in([token.text, *[singular(w) for w in words]], ctx) != title or \
            words_of_title(words, title)[:1] != words[:1]:
        return None  # the adjective is the title's own word, or a noun comes between them
    if any(body.type != "PoliticalParty" and body.name.split()[0] == token.text
           for body in ctx.gazetteer.organizations.values()):
        return None  # "National" opens an assembly's or a bank's name too: no party's own word
    party = _the_story_s_party(ctx, lambda name: name.split()[:2] == [token.text, "Party"])
    return None if party is None else ctx.add_mention([token], party.type, key=party.key)


def _the_story_s_party(ctx: Context, named: Callable[[str], bool]) -> KnownOrganization | None:
    """The one party of the gazetteer of a state the story names (:func:`story_states`) that
    has a name or an alias ``named`` accepts; None when no party or several have one."""
    states = story_states(ctx)
    parties = {party.key: party for party in ctx.gazetteer.organizations.values()
               if party.type == "PoliticalParty" and party.country in states
               and any(named(name) for name in (party.name, *party.aliases))}
    return next(iter(parties.values())) if len(parties) == 1 else None


def story_states(ctx: Context) -> set[str]:
    """The states a story names: by name or adjective, or as the state of a town, a region or
    a body the gazetteer knows."""
    states: set[str] = set()
    for mention in ctx.mentions:
        known = ctx.gazetteer.get(mention.key) if mention.key else None
        if known is None:
            continue
        if isinstance(known, Place) and known.type == "Country":
            states.add(known.key)
        elif known.country:
            states.add(known.country)
    return states


def party_tags(ctx: Context, out: Relations) -> None:
    """"Sen. Tom Hale (R-Texas)", "Rep. Ann Cole, D-N.Y.,": the party letter joined by a hyphen
    to the state a US legislator represents (by its name or its abbreviation), apposed to the
    name, is the legislator's party (``party-tags.tsv``); a state of another country than the
    party's, or a word that is no state, makes no tag."""
    tags = lexicon().classes("party-tags.tsv")
    for person in [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]:
        last = ctx.last_token(person)
        for state in (c for c in last.children if c.dep_ == "appos" and c.i > last.i):
            letter = state.doc[state.i - 2] if state.i - 2 > last.i else None
            if letter is None or letter.text not in tags or state.doc[state.i - 1].text != "-" or \
                    letter.whitespace_ or state.doc[state.i - 1].whitespace_ or \
                    state.doc[letter.i - 1].text not in ("(", ",") or letter.i - 1 != last.i + 1 or \
                    not (state.is_title or state.is_upper) or state.i + 1 >= len(state.doc) or \
                    state.doc[state.i + 1].text not in (")", ","):
                continue
            known = ctx.gazetteer.lookup(tags[letter.text])
            region = ctx.gazetteer.region_after_town(state.text)  # "Texas", "Calif.", "NY"
            if not isinstance(known, KnownOrganization) or region is None or \
                    region.country != known.country:
                continue
            party = ctx.add_mention([letter], known.type, key=known.key)
            evidence = ctx.evidence([last, letter, state], "party-tag", 0.85)
            out.relate(person, "memberOf", party, evidence)


def _plural(word: str) -> str:
    """A party member's noun as the party's short plural name: "Republicans", "Tories"."""
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def party_members_apposed(ctx: Context, out: Relations) -> None:
    """"Jo Roe, a Republican, said", "Ed Hale, the Ohio Democrat", "Ann Lee, a Tory from Kent":
    a capitalised noun for one member of a party, apposed to a name, whose plural is the short
    name of the one party of a state the story names ("Republicans", "Democrats", "Tories" in
    the gazetteer); only an article, a place's name or "from"/"of" a place may qualify it."""
    for person in [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]:
        last = ctx.last_token(person)
        apposed = [c for c in last.children if c.dep_ == "appos" and c.i > last.i]
        apposed += [c for a in apposed for c in a.children if c.dep_ == "appos"]
        for noun in apposed:
            if not noun.is_title or not noun.is_alpha or noun.tag_ not in ("NNP", "NN") or \
                    not _qualified_by_a_place(ctx, noun):
                continue
            known = ctx.mention_at(noun)
            if known is not None and known.type != "PoliticalParty":
                continue
            party = _the_story_s_party(ctx, _plural(noun.text).__eq__)
            if party is None:
                continue
            mention = known or ctx.add_mention([noun], party.type, key=party.key)
            out.relate(person, "memberOf", mention,
                       ctx.evidence([last, noun], "party-member-apposed", 0.8))


def _qualified_by_a_place(ctx: Context, noun: Any) -> bool:
    """Whether a noun's only words are an article and a place: "a Republican", "the Ohio
    Democrat", "a Tory from Kent" (not "a Republican strategist", "the Democrat's aide")."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in ("a", "an", "the") or child.dep_ == "punct":
            continue
        if child.dep_ == "compound" and child.i < noun.i:
            place = ctx.mention_at(child)
            if place is not None and place.type in ("AdministrativeRegion", "City", "Country"):
                continue
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            place = ctx.mention_at(objects[0]) if objects else None
            if place is not None and place.type in ("AdministrativeRegion", "City", "Country"):
                continue
        return False
    return True


def party_members_before_names(ctx: Context, out: Relations) -> None:
    """"Republican Ed Vance of the budget panel told reporters", "Democrat Ann Cole voted no",
    "Republicans Tom Hale and Ed Marsh": a capitalised noun for a member (or members) of a party
    written just before a name, whose plural is the short name of the one party of a state the
    story names (as in :func:`party_members_apposed`), makes each name so written a member. Not
    a former member ("former Republican Tom Ridge", "ex-Tory X"), nor a word the name's own
    title or another name stands between."""
    doc = ctx.doc
    for person in [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]:
        first = ctx.first_token(person)
        noun = doc[first.i - 1] if first.i > 0 else None
        if noun is None or not noun.is_title or not noun.is_alpha or \
                noun.tag_ not in ("NNP", "NNPS", "NN", "NNS", "JJ") or noun.is_sent_end:
            continue
        known = ctx.mention_at(noun)
        if known is not None and known.type != "PoliticalParty":
            continue
        before = doc[noun.i - 1] if noun.i > 0 else None
        if before is not None and (before.lower_ in PAST_MODIFIERS or before.lower_ in ("ex", "-")
                                   or before.lower_.startswith("ex-")):
            continue  # "former Republican Tom Ridge" left the party
        plural = noun.text if noun.text.endswith("s") else _plural(noun.text)
        party = _the_story_s_party(ctx, plural.__eq__)
        if party is None:
            continue
        mention = known or ctx.add_mention([noun], party.type, key=party.key)
        names = [person]
        if noun.text == plural:  # "Republicans Tom Hale and Ed Marsh": each name of the list
            names += _names_joined_to(ctx, ctx.last_token(person))
        for each in names:
            out.relate(each, "memberOf", mention,
                       ctx.evidence([noun, ctx.first_token(each), ctx.last_token(each)],
                                    "party-member-before-name", 0.75))


def _names_joined_to(ctx: Context, token: Any) -> list[Mention]:
    """The named people joined to a name by "and" or commas: Ed Marsh in "Tom Hale and Ed
    Marsh"; none from a name with its own word before it, and none after it ("Tom Hale and
    Democrat Ed Marsh", "Tom Hale and independent Ann Cole": another party's or none)."""
    found: list[Mention] = []
    for conj in (c for c in token.children if c.dep_ == "conj"):
        named = ctx.mention_in(conj, ("Person",))
        before = ctx.doc[ctx.first_token(named).i - 1] if named is not None else None
        if before is not None and before.text != "," and before.dep_ != "cc":
            break  # "Republicans Tom Hale and Democrat Ed Marsh": Ed Marsh's label is his own
        if named is not None and named.kind == "name":
            found.append(named)
            found += _names_joined_to(ctx, conj)
    return found
