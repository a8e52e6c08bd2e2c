"""Time expressions → xsd:date / gYearMonth / gYear values or intervals, against the published date."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from kg.errors import InputError
from kg.lexicon import DateWords, lexicon
from kg.model import TimeValue


def _either(words: Iterable[str]) -> str:
    """A regular expression group of ``words``, the longest first (so "sept" before "sep")."""
    return "(?:" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + ")"


_GROUPS = {"filler": 0, "interval": 2, "since": 1, "decade": 2, "month day year": 3,
           "day month year": 3, "iso date": 3, "month year": 2, "year": 1, "ago": 2, "weekday": 1,
           "month day": 2, "day month": 2, "month of a year back": 2, "month": 1, "duration": 2}
"""The patterns of ``dates.yaml`` this module reads, with how many groups it reads of each."""


class _Patterns:
    """The words of ``data/lexicon/dates.yaml`` and its patterns, compiled with those words."""

    def __init__(self, words: DateWords) -> None:
        self.words = words
        lists: dict[str, Iterable[str]] = {
            "months": words.months, "weekdays": words.weekdays, "day parts": words.day_parts,
            "fillers": words.fillers, "ordinal suffixes": words.ordinal_suffixes,
            "units": words.units, "decade parts": words.decade_parts,
            "units ago": [name for name, unit in words.units.items() if not unit.time],
            "years back": words.years_back,
            "interval openers": words.interval_openers,
            "interval joiners": words.interval_joiners,
        }
        self._compiled: dict[str, re.Pattern[str]] = {}
        for name, groups in _GROUPS.items():
            text = words.patterns.get(name)
            if text is None:
                raise InputError(f"dates.yaml: no pattern '{name}' (kg reads it)")
            for list_name, values in lists.items():
                text = text.replace(f"<{list_name}>", _either(values))
            try:
                compiled = re.compile(text)
            except re.error as error:
                raise InputError(f"dates.yaml: pattern '{name}' is no regular expression "
                                 f"({error})") from error
            if compiled.groups != groups or re.search(r"<[a-z ]+>", text):
                plural = "" if groups == 1 else "s"
                raise InputError(f"dates.yaml: pattern '{name}' must have {groups} group{plural} "
                                 f"and name only the lists the file has; it reads {text!r}")
            self._compiled[name] = compiled

    def match(self, name: str, phrase: str) -> re.Match[str] | None:
        """The pattern ``name`` matched at the start of ``phrase``."""
        return self._compiled[name].match(phrase)

    def search(self, name: str, phrase: str) -> re.Match[str] | None:
        """The pattern ``name`` found anywhere in ``phrase``."""
        return self._compiled[name].search(phrase)


@cache
def _patterns(words: DateWords) -> _Patterns:
    return _Patterns(words)


def _number(text: str, words: DateWords) -> int | None:
    text = text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    return words.counts.get(text)


def duration(phrase: str, words: DateWords | None = None) -> str | None:
    """An ISO 8601 duration for "two-day", "16-year", "13 years", or None; ``words`` are
    those of kg's lexicon (``data/lexicon/dates.yaml``) unless given."""
    patterns = _patterns(words or lexicon().dates)
    match = patterns.search("duration", phrase.lower())
    if not match:
        return None
    count = _number(match.group(1), patterns.words)
    if count is None:
        return None
    unit = patterns.words.units[match.group(2)]
    return f"P{'T' if unit.time else ''}{count * unit.times}{unit.designator}"


def _month_back(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) - months
    return index // 12, index % 12 + 1


def _year_for_month(month: int, published: date) -> int:
    """News speaks of the recent past: a month after the published one is last year's."""
    return published.year if month <= published.month else published.year - 1


def _unresolved(text: str) -> TimeValue:
    return TimeValue(text=text, resolved=False)


def _point(text: str, value: str, datatype: str) -> TimeValue:
    return TimeValue(text=text, value=value, datatype=datatype, resolved=True)


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _bounds(value: TimeValue) -> tuple[str, str] | None:
    """First and last day a resolved point covers."""
    if not value.resolved or value.value is None:
        if value.start and value.end:
            return value.start, value.end
        return None
    if value.datatype == "date":
        return value.value, value.value
    if value.datatype == "gYearMonth":
        year, month = (int(part) for part in value.value.split("-"))
        return f"{value.value}-01", _month_end(year, month)
    return f"{value.value}-01-01", f"{value.value}-12-31"


def resolve_time(phrase: str, published: date | None, words: DateWords | None = None, *,
                 past: bool = False) -> TimeValue:
    """What a time phrase means, resolved against the article's published date; unresolved
    when the date arithmetic would leave the calendar ("yesterday" from 0001-01-01). ``words``
    are those of kg's lexicon (``data/lexicon/dates.yaml``) unless given. ``past`` says the
    phrase dates something the text tells as done: a month and day with no year is then on or
    before the published day ("police said on March 3", published in January: last year's);
    otherwise one up to half a year ahead is this year's ("the March 3 election").

    >>> resolve_time("last year", date(2024, 8, 23)).value
    '2023'
    >>> resolve_time("on Tuesday", date(2024, 8, 23)).value
    '2024-08-20'
    >>> resolve_time("last week's", date(2024, 8, 23)).value
    '2024-08'
    >>> resolve_time("1999's", date(2024, 8, 23)).value
    '1999'
    >>> resolve_time("in February last year", date(2024, 8, 23)).value
    '2023-02'
    >>> resolve_time("last month", None).resolved
    False
    >>> resolve_time("yesterday", date(1, 1, 1)).resolved
    False
    >>> resolve_time("March 3", date(2024, 1, 10)).value
    '2024-03-03'
    >>> resolve_time("March 3", date(2024, 1, 10), past=True).value
    '2023-03-03'
    """
    try:
        return _resolve_time(phrase, published, _patterns(words or lexicon().dates), past)
    except (OverflowError, ValueError):
        return _unresolved(phrase.strip())


def _resolve_time(phrase: str, published: date | None, patterns: _Patterns,
                  past: bool = False) -> TimeValue:
    text = phrase.strip()
    words = patterns.words
    lowered = re.sub(r"\s+", " ", text.lower().replace("\u2019", "'"))
    lowered = lowered.strip(" ,.")
    if lowered.endswith("'s") and not lowered[:-2].endswith("0"):
        lowered = lowered[:-2]  # "last week's bombing", "1999's election"; not "the 1990's"
    while filler := patterns.match("filler", lowered):
        lowered = lowered[filler.end():]

    interval = patterns.match("interval", lowered)
    if interval:
        first = resolve_time(interval.group(1), published, words, past=past)
        second = resolve_time(interval.group(2), published, words, past=past)
        first_bounds, second_bounds = _bounds(first), _bounds(second)
        if first_bounds and second_bounds:
            return TimeValue(text=text, start=first_bounds[0], end=second_bounds[1], resolved=True)
        return _unresolved(text)
    since = patterns.match("since", text.lower())
    if since:
        first = resolve_time(since.group(1), published, words, past=True)  # a span's start is past
        first_bounds = _bounds(first)
        if first_bounds and published:
            return TimeValue(
                text=text, start=first_bounds[0], end=published.isoformat(), resolved=True
            )
        return _unresolved(text)

    decade = patterns.match("decade", lowered)
    if decade:
        base = int(decade.group(2)) * 10
        opening, closing = words.decade_parts[decade.group(1)] if decade.group(1) else (0, 9)
        return TimeValue(
            text=text, start=f"{base + opening}-01-01", end=f"{base + closing}-12-31",
            resolved=True,
        )

    full = patterns.match("month day year", lowered)
    if full:
        month, day, year = words.months[full.group(1)], int(full.group(2)), int(full.group(3))
        return _checked_date(text, year, month, day)
    european = patterns.match("day month year", lowered)
    if european:
        year, month = int(european.group(3)), words.months[european.group(2)]
        return _checked_date(text, year, month, int(european.group(1)))
    iso = patterns.match("iso date", lowered)
    if iso:
        return _checked_date(text, int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    month_year = patterns.match("month year", lowered)
    if month_year:
        month = words.months[month_year.group(1)]
        return _point(text, f"{int(month_year.group(2)):04d}-{month:02d}", "gYearMonth")
    bare_year = patterns.match("year", lowered)
    if bare_year and 1000 <= int(bare_year.group(1)) <= 2999:
        return _point(text, bare_year.group(1), "gYear")

    qualified = _without_a_part(lowered, words) or _without_qualifier(lowered, words)
    if qualified is not None:  # "late on Sunday", "in mid-March", "the end of May": Sunday, March, May
        narrowed = _resolve_time(qualified, published, patterns, past)
        return replace(narrowed, text=text) if narrowed.resolved else _unresolved(text)
    if published is None:
        return _unresolved(text)

    if lowered in words.years_back:
        return _point(text, str(published.year - words.years_back[lowered]), "gYear")
    if lowered in words.months_back:
        year_number, month_number = _month_back(published, words.months_back[lowered])
        return _point(text, f"{year_number:04d}-{month_number:02d}", "gYearMonth")
    if lowered in words.weekends:  # "at the weekend": the month of the latest Saturday
        saturday = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
        return _point(text, f"{saturday.year:04d}-{saturday.month:02d}", "gYearMonth")
    if lowered in words.weeks_back:  # "last week": the month it falls in
        week = published - timedelta(days=7 * words.weeks_back[lowered])
        return _point(text, f"{week.year:04d}-{week.month:02d}", "gYearMonth")
    day_word, _, part = lowered.rpartition(" ")
    if part in words.day_parts and day_word in words.days_back:
        lowered = day_word  # "yesterday morning": yesterday
    if lowered in words.days_back:
        return _point(text, (published - timedelta(days=words.days_back[lowered])).isoformat(),
                      "date")
    ago = patterns.match("ago", lowered)
    if ago and _number(ago.group(1), words) is not None:
        unit = words.units[ago.group(2)]
        count = (_number(ago.group(1), words) or 0) * unit.times
        if unit.designator in ("D", "W"):
            delta = timedelta(days=count * (7 if unit.designator == "W" else 1))
            return _point(text, (published - delta).isoformat(), "date")
        if unit.designator == "M":
            year_number, month_number = _month_back(published, count)
            return _point(text, f"{year_number:04d}-{month_number:02d}", "gYearMonth")
        return _point(text, str(published.year - count), "gYear")
    weekday = patterns.match("weekday", lowered)
    if weekday:
        back = (published.weekday() - words.weekdays[weekday.group(1)]) % 7
        if lowered.startswith("last ") and back == 0:
            back = 7
        return _point(text, (published - timedelta(days=back)).isoformat(), "date")
    month_day = patterns.match("month day", lowered) or patterns.match("day month", lowered)
    if month_day:
        first_part, second_part = month_day.group(1), month_day.group(2)
        if first_part.isdigit():
            month, day = words.months[second_part], int(first_part)
        else:
            month, day = words.months[first_part], int(second_part)
        year_number = published.year
        try:
            ahead = date(year_number, month, day) - published
            if ahead > timedelta(days=183) or (past and ahead > timedelta(0)):
                year_number -= 1
        except ValueError:
            return _unresolved(text)
        return _checked_date(text, year_number, month, day)
    month_of_a_year = patterns.match("month of a year back", lowered)
    if month_of_a_year:  # "in February last year", "March this year"
        month = words.months[month_of_a_year.group(1)]
        year_number = published.year - words.years_back[month_of_a_year.group(2)]
        return _point(text, f"{year_number:04d}-{month:02d}", "gYearMonth")
    month_only = patterns.match("month", lowered)
    if month_only:
        month = words.months[month_only.group(1)]
        return _point(text, f"{_year_for_month(month, published):04d}-{month:02d}", "gYearMonth")
    return _parsed_by_dateparser(text, published)


def _without_qualifier(lowered: str, words: DateWords) -> str | None:
    """A time phrase without the word before it that places the event early or late within
    it ("late on Sunday": "on Sunday"; "mid-March": "March"), or None when it has none."""
    for qualifier in words.qualifiers:
        for joiner in (" ", "-"):
            if lowered.startswith(qualifier + joiner) and len(lowered) > len(qualifier) + 1:
                return lowered[len(qualifier) + 1:]
    return None


def _without_a_part(lowered: str, words: DateWords) -> str | None:
    """A time phrase without the part of it an event is told in ("end of may": "may"; "night
    of june 1": "june 1"), the article "the" already stripped, or None when it names no part
    (``time-parts.txt`` and the day parts of ``dates.yaml``)."""
    for part in (*words.parts, *words.day_parts):
        if lowered.startswith(part + " of ") and len(lowered) > len(part) + 4:
            return lowered[len(part) + 4:]
    return None


def _parsed_by_dateparser(text: str, published: date) -> TimeValue:
    """Complete dates in the many other ways people write them ("the 5th of March 2024")."""
    if not re.search(r"\d", text):
        return _unresolved(text)
    from datetime import datetime

    import dateparser  # imported here: slow to import, and only needed for unusual phrasings

    settings = {
        "STRICT_PARSING": True,
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return _unresolved(text)
    return _point(text, parsed.date().isoformat(), "date")


def _checked_date(text: str, year: int, month: int, day: int) -> TimeValue:
    try:
        return _point(text, date(year, month, day).isoformat(), "date")
    except ValueError:
        return _unresolved(text)
