"""The period a figure covers: the date its sentence gives it."""

from __future__ import annotations

from datetime import date
from typing import Any

from kg.extract.context import Context
from kg.extract.dates import resolve_time
from kg.extract.statistics.written import figure_words
from kg.model import TimeValue


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


def in_an_earlier_year(first: TimeValue | None, second: TimeValue | None) -> bool:
    """Whether a resolved time lies wholly in years before another's first: deaths "last
    year" (2018) and a storm "on Monday" (2019-03-11). Days of one year are never so far
    apart (a toll counted "on Thursday" is that of Tuesday's quake, and a weekday's date is
    only as good as the published date it is read against). A missing or unresolved time is
    in no earlier year.

    >>> in_an_earlier_year(TimeValue("last year", "2018", "gYear", resolved=True),
    ...                    TimeValue("on Monday", "2019-03-11", "date", resolved=True))
    True
    """
    one, other = _days(first), _days(second)
    return one is not None and other is not None and one[1].year < other[0].year


def _days(time: TimeValue | None) -> tuple[date, date] | None:
    """The first and last day a resolved time covers, or None."""
    if time is None or not time.resolved:
        return None
    try:
        if time.start and time.end:
            return date.fromisoformat(time.start), date.fromisoformat(time.end)
        if time.value is None:
            return None
        if time.datatype == "date":
            day = date.fromisoformat(time.value)
            return day, day
        if time.datatype == "gYearMonth":
            year, month = (int(part) for part in time.value.split("-"))
            following = date(year + (month == 12), month % 12 + 1, 1)
            return date(year, month, 1), date.fromordinal(following.toordinal() - 1)
        if time.datatype == "gYear":
            return date(int(time.value), 1, 1), date(int(time.value), 12, 31)
    except ValueError:
        return None
    return None
