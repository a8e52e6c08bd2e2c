"""Pronouns that stand for a named body: which organisation or state "it" and "its" refer to."""

from __future__ import annotations

from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, Context
from kg.extract.entities import argument_mention

_BODY_TYPES = (*ORGANIZATION_TYPES, "Country")


def body_for_pronoun(ctx: Context, token: Any, descriptions: bool = False) -> Any | None:
    """The token of the organisation or state "it"/"its" stands for: the subject of a clause
    above it ("Acme said it will cut 300 jobs", "the UN was determined that its summit be held
    in Africa"; with ``descriptions``, also a subject that describes one: "the company said it
    shed 650 jobs"), else the only one named before it in its sentence, else, for a pronoun that
    opens its sentence ("Its chief, X, said"), the only one the sentence before names."""
    if token.lower_ not in ("it", "its") or token.pos_ != "PRON":
        return None
    kinds = ("name", "description") if descriptions else ("name",)
    above = token.head
    while above.head.i != above.i:
        above = above.head
        for subject in (c for c in above.children if c.dep_ == "nsubj" and c.i < token.i):
            named = argument_mention(ctx, subject)  # "shipping group Acme agreed"
            if named is not None and named.kind in kinds and named.type in _BODY_TYPES:
                return subject
    sentence = ctx.sentence_of(token)
    named = _bodies(ctx, sentence, token.idx)
    if not named and sentence > 0 and token.i == ctx.doc[token.i].sent.start:
        named = _bodies(ctx, sentence - 1, ctx.sentences[sentence - 1].end)
    if len({m.key or m.text for m in named}) != 1:
        return None
    return ctx.first_token(named[-1])


def _bodies(ctx: Context, sentence: int, before: int) -> list[Any]:
    return [m for m in ctx.mentions if m.sentence == sentence and m.end <= before
            and m.kind == "name" and m.type in _BODY_TYPES]
