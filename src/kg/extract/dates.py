"""Time expressions → xsd:date / gYearMonth / gYear values or intervals, against the published date."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from kg.model import TimeValue

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a": 1, "an": 1,
}
_UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y", "hour": "H"}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_FILLER = re.compile(r"^(on|in|at|during|by|the|of|that)\s+", re.I)


def _number(text: str) -> int | None:
    text = text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    return _NUMBER_WORDS.get(text)


def duration(phrase: str) -> str | None:
    """An ISO 8601 duration for "two-day", "16-year", "13 years", or None."""
    match = re.search(
        r"\b(\d+|[a-z]+)[\s-](day|week|month|year|decade|hour)s?\b", phrase.lower()
    )
    if not match:
        return None
    count = _number(match.group(1))
    if count is None:
        return None
    unit = match.group(2)
    if unit == "decade":
        count *= 10
    if unit == "hour":
        return f"PT{count}H"
    return f"P{count}{_UNIT_CODES[unit]}"


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


def resolve_time(phrase: str, published: date | None) -> TimeValue:
    """What a time phrase means, resolved against the article's published date; unresolved
    when the date arithmetic would leave the calendar ("yesterday" from 0001-01-01).

    >>> resolve_time("last year", date(2024, 8, 23)).value
    '2023'
    >>> resolve_time("on Tuesday", date(2024, 8, 23)).value
    '2024-08-20'
    >>> resolve_time("last month", None).resolved
    False
    >>> resolve_time("yesterday", date(1, 1, 1)).resolved
    False
    """
    try:
        return _resolve_time(phrase, published)
    except (OverflowError, ValueError):
        return _unresolved(phrase.strip())


def _resolve_time(phrase: str, published: date | None) -> TimeValue:
    text = phrase.strip()
    lowered = re.sub(r"\s+", " ", text.lower().replace("\u2019", "'"))
    lowered = lowered.strip(" ,.")
    while _FILLER.match(lowered) and not lowered.startswith(("this year", "this month")):
        lowered = _FILLER.sub("", lowered, count=1)

    interval = re.match(r"^(?:between|from) (.+?) (?:and|to|until|through) (.+)$", lowered)
    if interval:
        first = resolve_time(interval.group(1), published)
        second = resolve_time(interval.group(2), published)
        first_bounds, second_bounds = _bounds(first), _bounds(second)
        if first_bounds and second_bounds:
            return TimeValue(text=text, start=first_bounds[0], end=second_bounds[1], resolved=True)
        return _unresolved(text)
    since = re.match(r"^since (.+)$", text.lower())
    if since:
        first = resolve_time(since.group(1), published)
        first_bounds = _bounds(first)
        if first_bounds and published:
            return TimeValue(
                text=text, start=first_bounds[0], end=published.isoformat(), resolved=True
            )
        return _unresolved(text)

    decade = re.match(r"^(early|mid|late)?[\s-]*(\d{3})0'?s$", lowered)
    if decade:
        base = int(decade.group(2)) * 10
        opening, closing = {"early": (0, 3), "mid": (3, 6), "late": (6, 9), None: (0, 9)}[
            decade.group(1)
        ]
        return TimeValue(
            text=text, start=f"{base + opening}-01-01", end=f"{base + closing}-12-31",
            resolved=True,
        )

    full = re.match(rf"^({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})$", lowered)
    if full:
        month, day, year = _MONTHS[full.group(1)], int(full.group(2)), int(full.group(3))
        return _checked_date(text, year, month, day)
    european = re.match(rf"^(\d{{1,2}}) ({_MONTH_RE})\.?,? (\d{{4}})$", lowered)
    if european:
        year, month, day = int(european.group(3)), _MONTHS[european.group(2)], int(european.group(1))
        return _checked_date(text, year, month, day)
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", lowered)
    if iso:
        return _checked_date(text, int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    month_year = re.match(rf"^({_MONTH_RE})\.?,? (\d{{4}})$", lowered)
    if month_year:
        return _point(text, f"{int(month_year.group(2)):04d}-{_MONTHS[month_year.group(1)]:02d}",
                      "gYearMonth")
    bare_year = re.match(r"^(\d{4})$", lowered)
    if bare_year and 1000 <= int(bare_year.group(1)) <= 2999:
        return _point(text, bare_year.group(1), "gYear")

    if published is None:
        return _unresolved(text)

    relative_year = {"last year": -1, "this year": 0, "next year": 1, "a year ago": -1}
    if lowered in relative_year:
        return _point(text, str(published.year + relative_year[lowered]), "gYear")
    relative_month = {"last month": 1, "this month": 0, "earlier this month": 0}
    if lowered in relative_month:
        year_number, month_number = _month_back(published, relative_month[lowered])
        return _point(text, f"{year_number:04d}-{month_number:02d}", "gYearMonth")
    relative_day = {"today": 0, "yesterday": 1, "tomorrow": -1}
    if lowered in relative_day:
        return _point(text, (published - timedelta(days=relative_day[lowered])).isoformat(), "date")
    ago = re.match(r"^(\d+|[a-z]+) (day|week|month|year)s? ago$", lowered)
    if ago and _number(ago.group(1)) is not None:
        count = _number(ago.group(1)) or 0
        unit = ago.group(2)
        if unit in ("day", "week"):
            delta = timedelta(days=count * (7 if unit == "week" else 1))
            return _point(text, (published - delta).isoformat(), "date")
        if unit == "month":
            year_number, month_number = _month_back(published, count)
            return _point(text, f"{year_number:04d}-{month_number:02d}", "gYearMonth")
        return _point(text, str(published.year - count), "gYear")
    weekday = re.match(r"^(?:last |this )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                       r"(?: (?:morning|afternoon|evening|night))?$", lowered)
    if weekday:
        back = (published.weekday() - _WEEKDAYS[weekday.group(1)]) % 7
        if lowered.startswith("last ") and back == 0:
            back = 7
        return _point(text, (published - timedelta(days=back)).isoformat(), "date")
    month_day = re.match(rf"^({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?$", lowered) or re.match(
        rf"^(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH_RE})$", lowered
    )
    if month_day:
        first_part, second_part = month_day.group(1), month_day.group(2)
        if first_part.isdigit():
            month, day = _MONTHS[second_part], int(first_part)
        else:
            month, day = _MONTHS[first_part], int(second_part)
        year_number = published.year
        try:
            if date(year_number, month, day) - published > timedelta(days=183):
                year_number -= 1
        except ValueError:
            return _unresolved(text)
        return _checked_date(text, year_number, month, day)
    month_only = re.match(rf"^(?:last )?({_MONTH_RE})$", lowered)
    if month_only:
        month = _MONTHS[month_only.group(1)]
        return _point(text, f"{_year_for_month(month, published):04d}-{month:02d}", "gYearMonth")
    return _parsed_by_dateparser(text, published)


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
