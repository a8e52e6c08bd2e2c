"""The state a compass word stands for: "the North" for North Korea, "the South" for South
Korea or South Sudan, in a story that named that state."""

from __future__ import annotations

from kg.extract.context import Context
from kg.gazetteer import Place
from kg.lexicon import lexicon
from kg.model import Mention

COMPASS_WORDS = lexicon().words("compass-words.txt")
"""The words by which news names one of two states that share a name: "the North" for North
Korea, "the South" for South Korea or South Sudan (``compass-words.txt``)."""

# The roles in which "the North" stands alone as a noun phrase: "the North's foreign ministry",
# "the North fired", "talks with the North"; not a name's first word ("the North Island").
_OWN_PHRASE = ("poss", "nsubj", "nsubjpass", "dobj", "pobj")


def state_by_compass(ctx: Context, owner: Mention) -> Mention:
    """The state a bare "the North" or "the South" stands for, when the story has named one
    state whose name it opens before it: "The South's Unification Ministry" after "South
    Korea"; the owner as it is otherwise."""
    if owner.key is not None or owner.text not in COMPASS_WORDS:
        return owner
    return _divided_state_before(ctx, owner.text, owner.start) or owner


def _divided_state_before(ctx: Context, word: str, start: int) -> Mention | None:
    """The one divided state whose name a compass word opens that the story named before a
    character offset ("North Korea" for "North"), or None."""
    states = [m for m in ctx.mentions if m.type == "Country" and m.kind == "name" and m.key and
              m.start < start and _divided(ctx, getattr(ctx.gazetteer.get(m.key), "name", ""), word)]
    return states[-1] if len({m.key for m in states}) == 1 else None


def _divided(ctx: Context, name: str, word: str) -> bool:
    """Whether a state's name opens with a compass word that sets it against another state:
    "South Korea" (North Korea), "South Sudan" (Sudan); not "South Africa", one state."""
    if not name.startswith(word + " "):
        return False
    rest = name[len(word) + 1 :]
    other = "South" if word == "North" else "North"
    return any(isinstance(found, Place) and found.type == "Country" and found.name != name
               for found in (ctx.gazetteer.lookup(rest), ctx.gazetteer.lookup(f"{other} {rest}")))


def find_compass_states(ctx: Context) -> None:
    """"The North's foreign ministry said" after "North Korea fired": a compass word the model
    left untagged, written after "the" as a noun phrase of its own, is a description of the
    divided state the story named before it (the resolver takes it to that state); with no
    such state named before ("the North of England", "the South" after "South Africa") it is
    nothing."""
    doc = ctx.doc
    for token in ctx.tokens_with("text", COMPASS_WORDS):
        if token.text not in COMPASS_WORDS or token.ent_type_ or token.i == 0 or \
                doc[token.i - 1].lower_ != "the" or token.dep_ not in _OWN_PHRASE or \
                ctx.mention_at(token) is not None:
            continue
        if _divided_state_before(ctx, token.text, token.idx) is not None:
            ctx.add_mention([token], "Country", kind="description")
