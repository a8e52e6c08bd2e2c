"""The date and the duration of an event, from the clause of its trigger."""

from __future__ import annotations

import re
from typing import Any

from kg.extract.context import Context
from kg.extract.dates import duration, resolve_time
from kg.extract.events.roles import Builder

_ASPECTUAL = ("begin", "start", "open", "end", "close", "conclude", "finish", "resume")
"""Verbs of a relative clause that date the event noun they qualify: "talks, which resume today"."""
_DURATION_RE = re.compile(r"\b(\d+|[a-z]+)[\s-](day|week|month|year|decade|hour)s?\b", re.I)
_CLAUSES = {"ccomp", "advcl", "relcl", "pcomp", "xcomp", "acl", "csubj", "conj", "parataxis"}


def _governed_directly(token: Any, trigger: Any) -> bool:
    """Whether a token hangs off the trigger without crossing into another clause."""
    while token.i != trigger.i:
        if token.dep_ in _CLAUSES and token.pos_ in ("VERB", "AUX"):
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return True


def time_of(ctx: Context, builder: Builder, dates: list[Any]) -> tuple[Any, str | None]:
    """The date entity that belongs to this trigger, and a duration such as "two-day"."""
    trigger = builder.trigger
    near = {t.i for t in trigger.subtree if _governed_directly(t, trigger)}
    for clause in trigger.children:  # "the summit, which opens on Monday"
        if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in _ASPECTUAL:
            near |= {t.i for t in clause.subtree if _governed_directly(t, clause)}
    if trigger.ent_type_ == "EVENT" and trigger.dep_ == "pobj" and trigger.head.head.pos_ == "NOUN":
        frame = trigger.head.head  # "the end of the Korean War in 1953"
        near |= {t.i for t in frame.subtree if _governed_directly(t, frame)}
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("pobj", "dobj", "nsubjpass",
                                                               "nsubj", "attr"):
        verb = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        near |= {c.i for c in verb.children if c.dep_ in ("prep", "npadvmod")}
        near |= {t.i for c in verb.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree}
    for clause in trigger.children:  # "drowned when the boat capsized on Sunday"
        if clause.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "when"
                                          for c in clause.children):
            near |= {t.i for t in clause.subtree if _governed_directly(t, clause)}
    direct = {trigger.i, *[c.i for c in trigger.children if c.dep_ == "prep"]}
    if trigger.dep_ in ("xcomp", "conj") and trigger.pos_ == "VERB":
        direct |= {trigger.head.i, *[c.i for c in trigger.head.children if c.dep_ == "prep"]}
    candidates = []
    length = None
    sentence = ctx.sentence_of(trigger)
    for ent in dates:
        if ctx.sentence_of(ent[0]) != sentence:
            continue
        if _DURATION_RE.search(ent.text) and not re.search(r"\b(ago|last|since)\b", ent.text):
            if ent.root.head.i == trigger.i:
                length = duration(ent.text)
            continue
        if ent.root.i in near or ent.root.head.i in direct:
            # Best a date attached to the trigger itself ("landed on Monday", "agreed on
            # Tuesday to buy"), then one that resolves ("the highest daily total" does not).
            resolved = resolve_time(ent.text, ctx.article.published).value is not None
            candidates.append((ent.root.head.i not in direct, not resolved, -ent.start, ent))
    found = min(candidates, key=lambda c: c[:3])[3] if candidates else None
    return found, length
