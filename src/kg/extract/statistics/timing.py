"""The period a figure covers: the date its sentence gives it."""

from __future__ import annotations

from typing import Any

from kg.extract.context import Context
from kg.extract.dates import resolve_time
from kg.extract.statistics.written import figure_words


def time_for(ctx: Context, ent: Any, dates: list[Any]) -> Any:
    """The time the nearest date of a figure's sentence gives, unless it dates the report."""
    sentence = ctx.sentence_of(ent[0])
    candidates = []
    for date_ent in dates:
        if ctx.sentence_of(date_ent[0]) != sentence:
            continue
        root = date_ent.root
        governor = root.head.head if root.dep_ == "pobj" else root.head
        if governor.lemma_.lower() in figure_words().reporting_verbs:
            continue  # "on Thursday cited": when it was reported, not what the figure covers
        if date_ent.text.lower().startswith(("the previous", "the year before")):
            continue
        candidates.append((abs(date_ent.start - ent.start), date_ent))
    if not candidates:
        return None
    _, best = min(candidates, key=lambda pair: pair[0])
    return resolve_time(best.text, ctx.article.published)
