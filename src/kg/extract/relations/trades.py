"""Trades written just before a name, as a title is: "Olympian Bill Kirby", "retired welder
Tom Rice", "curry house owner Abdul Ali" (WordNet's trades, ``professions.txt``)."""

from __future__ import annotations

from typing import Any

from kg.extract.context import Context
from kg.extract.entities.teams import positions
from kg.extract.relations.collector import Relations
from kg.extract.relations.title_words import PROFESSIONS, TITLE_MODIFIERS, noun_title


def trades_before_names(ctx: Context, out: Relations) -> None:
    """"Olympian Bill Kirby", "retired welder Tom Rice", "curry house owner Abdul Ali": a
    trade's noun compounded on a name, which no title rule read, is the person's job, with a
    modifier that ranks or dates it ("retired", "chief guide"); the nouns before the trade
    say where it is done, not what ("owner"). Not a team's position ("fast bowler X"), a
    trade tied to a named body or state ("Kremlin critic X", "Acme analyst Y": the title
    rules' business), nor a person who already has a title."""
    titled = {a.subject for a in out.attributes if a.predicate == "jobTitle"}
    doc = ctx.doc
    for person in [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]:
        first, last = ctx.first_token(person), ctx.last_token(person)
        if person.id in titled or first.i == 0:
            continue
        noun = doc[first.i - 1]
        if not _trade_on_name(ctx, noun, first.i, last.i):
            continue
        modifiers = [c.lower_ for c in noun.children
                     if c.dep_ in ("amod", "compound") and c.i < noun.i and c.lower_ in TITLE_MODIFIERS]
        shown = " ".join([*modifiers, noun.lower_ if noun.pos_ == "NOUN" else noun.text])
        out.attribute(person, "jobTitle", shown,
                      ctx.evidence([noun, first, last], "trade-before-name", 0.65))


def _trade_on_name(ctx: Context, noun: Any, first: int, last: int) -> bool:
    """Whether a word just before a name is a trade compounded on it, or one the parser hung
    the name on ("chief guide Ravi Thapa was asked"), with no named body or state among its
    own modifiers and no title of the gazetteer's."""
    on_name = noun.dep_ == "compound" and first <= noun.head.i <= last
    named = any(t.dep_ == "appos" and t.head.i == noun.i for t in noun.doc[first : last + 1])
    if not (on_name or named) or not noun.is_alpha or \
            noun.pos_ not in ("NOUN", "PROPN", "ADJ") or noun.tag_ in ("NNS", "NNPS") or \
            ctx.mention_at(noun) is not None or noun.lower_ not in PROFESSIONS or \
            noun.lower_ in positions():
        return False  # a team's position ("fast bowler X") is the team rules' to read
    if noun.pos_ != "NOUN" and not noun.is_title:
        return False
    if any(ctx.mention_at(t) is not None for t in noun.subtree if t.i < noun.i):
        return False  # "Kremlin critic X", "Acme analyst Y"
    return noun_title(noun, ctx)[0] is None
