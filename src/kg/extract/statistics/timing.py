"""The period a figure covers: the date its sentence gives it."""

from __future__ import annotations

from datetime import date
from typing import Any

from kg.extract.context import Context
from kg.extract.dates import resolve_time
from kg.extract.statistics.written import figure_words, word_list
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


_EVERY = ("each", "every", "a", "per")
"""Determiners that make a time noun a frequency ("each year", "every week", "a day")."""

_PRESENT = ("VBP", "VBZ")


def is_habitual(span: Any) -> bool:
    """Whether a figure's clause tells what happens again and again, a rate and no one event:
    a verb in the simple present with a frequency ("About 2,000 people die from malaria in
    Ruritania each year", "floods kill 300 people every year", "40 workers die annually").
    Such a figure measures no event the story tells ("Death", "Attack"), though kg may have
    found one at its verb."""
    from kg.extract.statistics.syntax import clause_verb, counted_noun, number_root
    from kg.lexicon import lexicon

    verb = clause_verb(counted_noun(number_root(span)))
    if verb is None or verb.tag_ not in _PRESENT:
        return False
    units = lexicon().dates.units
    for child in verb.children:
        if child.dep_ == "npadvmod" and child.lemma_.lower() in units and any(
                d.dep_ in ("det", "prep") and d.lower_ in _EVERY for d in child.children):
            return True
        if child.dep_ == "advmod" and child.lower_ in word_list("frequency-adverbs.txt"):
            return True
        if child.dep_ == "prep" and child.lower_ == "per" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in units for o in child.children):
            return True
    return False
