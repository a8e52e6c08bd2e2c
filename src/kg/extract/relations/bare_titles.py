"""The body a title written without one refers to: the state its sentence sets it in, or the one
party or company the text has just named ("... Malawi, where President X", "the Greens ... leader
Y", "group Acme ... Chief executive Z")."""

from __future__ import annotations

from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, Context
from kg.extract.relations.collector import Relations
from kg.extract.relations.title_words import PAST_MODIFIERS, noun_title
from kg.model import Mention

_COMPANIES = ("Company", "Organization")
"""The organisations a business title ("chief executive") can belong to."""


def latest_state(ctx: Context, token: Any) -> Mention | None:
    """The state a title without one refers to: the last state named before the token in its
    own sentence, provided it and the sentence before name no other state (in "the US drive to
    oust President X" or "Iraq, which President Y has labelled", the state is not the title's),
    and the sentence sets the title in that state (see ``_sets_in_state``). A state named only
    in the sentence before is context, which the annotation guidelines do not count: "...
    Zimbabwe. Ministers pressed President Mugabe" ties him to no state."""
    state = sole_nearby(ctx, token, ("Country",), ("name", "demonym"))
    if state is None or state.sentence != ctx.sentence_of(token):
        return None
    return state if _sets_in_state(ctx, state, token) else None


def _sets_in_state(ctx: Context, state: Mention, token: Any) -> bool:
    """Whether a sentence sets a title's word in a state it names by name: by the state's
    possessive ("North Korea's elite ... defected under former Supreme Leader X": its people
    under its ruler), or by a clause on where the state is ("in Malawi, where President Y has
    declared a disaster"). A state that only acts in the sentence ("Israel launched raids ...
    after Prime Minister X said") or an adjective on something else ("the Haitian military ...
    the residence of President Y") is context, which ties the title to nothing; so is a
    possessive on another of the state's people ("Iraq's foreign minister flew to Cairo to meet
    President Z": the minister is Iraq's, see ``_possessed_person``)."""
    if state.kind != "name":
        return False
    last = ctx.last_token(state)
    doc = ctx.doc
    if last.i + 1 < len(doc) and doc[last.i + 1].text in ("'s", "\u2019s"):
        return not _possessed_person(ctx, last, token)
    return any(clause.dep_ == "relcl" and token in clause.subtree and
               any(c.lower_ == "where" for c in clause.children) for clause in last.children)


def _possessed_person(ctx: Context, possessor: Any, token: Any) -> bool:
    """Whether a state's possessive is on a person other than the one a title's word stands
    for: another office ("Chile's ambassador", "Iraq's foreign minister") or another name
    ("Peru's Jo Roe"), whose phrase does not hold the word ("Iraq's leader, President X" holds
    X). A head of state's or government's office may be the titled person's own ("Zimbabwe's
    leader ... as President Y said"), and so may a name they share a word with."""
    possessed = possessor.head
    if possessor.dep_ != "poss" or token in possessed.subtree:
        return False
    named = ctx.mention_in(possessed, ("Person",))
    if named is not None:
        titled = ctx.mention_in(token, ("Person",))
        return titled is None or not set(named.text.split()) & set(titled.text.split())
    title = noun_title(possessed, ctx)[0] if possessed.pos_ == "NOUN" else None
    return title is not None and not (ctx.gazetteer.titles[title].leads and
                                      ctx.gazetteer.titles[title].kind == "political")


def tied_elsewhere(ctx: Context, out: Relations, person: Mention, state: Mention) -> bool:
    """Whether the text has already tied a person of the same name to another state: "Spain's
    King Juan Carlos ... the US ... King Juan said" (he is still Spain's king)."""
    words = set(person.text.split())
    mentions = ctx.mention_by_id()
    return any(
        mentions[r.subject].type == "Person" and words & set(mentions[r.subject].text.split())
        and mentions[r.object].type == "Country"
        and (mentions[r.object].key or mentions[r.object].text) != (state.key or state.text)
        for r in out.relations if r.predicate in ("nationality", "leaderOf"))


def sole_nearby(ctx: Context, token: Any, types: tuple[str, ...],
                kinds: tuple[str, ...] = ("name",)) -> Mention | None:
    """The last mention of one of ``types`` before a token, in its sentence or the one before,
    when those two sentences name nothing else of those types; None otherwise."""
    sentence = ctx.sentence_of(token)
    nearby = [m for m in ctx.mentions if m.type in types and m.kind in kinds
              and 0 <= sentence - m.sentence <= 1]
    if len({m.key or m.text for m in nearby}) != 1:
        return None
    before = [m for m in nearby if m.start < token.idx]
    return before[-1] if before else None


def party_leader(ctx: Context, out: Relations, person: Mention, words: list[Any], title: str) -> None:
    """"The Greens ... deputy leader Jane Roe", "former leader John Doe": a leader's title with
    no body of its own, where the text around names one party and no state, is a post in that
    party; a former leader is a member only."""
    first = ctx.first_token(person)
    sentence = ctx.sentence_of(first)
    nearby = [m for m in ctx.mentions if m.kind == "name" and m.start < first.idx and
              0 <= sentence - m.sentence <= 2 and m.type in ("Country", *ORGANIZATION_TYPES)]
    if not nearby or any(m.type != "PoliticalParty" for m in nearby) or \
            len({m.key or m.text for m in nearby}) != 1:
        return
    party = nearby[-1]
    evidence = ctx.evidence([*words, first], "title-latest-party", 0.6)
    out.relate(person, "memberOf", party, evidence)
    if ctx.gazetteer.titles[title].leads and not any(w.lower_ in PAST_MODIFIERS for w in words):
        out.relate(person, "leaderOf", party, evidence)


def latest_company(ctx: Context, token: Any) -> Mention | None:
    """The company or organisation a business title without one refers to: the one named in
    the title's sentence or the one before ("Cash-strapped group Acme ... Chief executive Jane
    Roe said"); None when those name two, or none."""
    return sole_nearby(ctx, token, _COMPANIES)
