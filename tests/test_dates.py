"""Time expressions resolved against a published date (none from the seed's own sentences)."""

from datetime import date

import pytest

from kg.extract.dates import duration, resolve_time

PUBLISHED = date(2025, 3, 14)  # a Friday


@pytest.mark.parametrize(
    ("phrase", "value", "datatype"),
    [
        ("last year", "2024", "gYear"),
        ("this year", "2025", "gYear"),
        ("last month", "2025-02", "gYearMonth"),
        ("on Monday", "2025-03-10", "date"),
        ("Friday", "2025-03-14", "date"),
        ("last Friday", "2025-03-07", "date"),
        ("yesterday", "2025-03-13", "date"),
        ("March 2", "2025-03-02", "date"),
        ("November 30", "2024-11-30", "date"),  # far in the future → last year's
        ("in January", "2025-01", "gYearMonth"),
        ("in October", "2024-10", "gYearMonth"),  # a month still to come → last year's
        ("September 2019", "2019-09", "gYearMonth"),
        ("1989", "1989", "gYear"),
        ("April 5, 2023", "2023-04-05", "date"),
        ("5 April 2023", "2023-04-05", "date"),
        ("three days ago", "2025-03-11", "date"),
        ("the 5th of March 2024", "2024-03-05", "date"),
    ],
)
def test_points(phrase: str, value: str, datatype: str) -> None:
    resolved = resolve_time(phrase, PUBLISHED)
    assert (resolved.value, resolved.datatype, resolved.resolved) == (value, datatype, True)
    assert resolved.text == phrase


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("the early 1990s", "1990-01-01", "1993-12-31"),
        ("the 1980s", "1980-01-01", "1989-12-31"),
        ("between March 2001 and last year", "2001-03-01", "2024-12-31"),
        ("from 2010 to 2015", "2010-01-01", "2015-12-31"),
        ("since 2020", "2020-01-01", "2025-03-14"),
    ],
)
def test_intervals(phrase: str, start: str, end: str) -> None:
    resolved = resolve_time(phrase, PUBLISHED)
    assert (resolved.start, resolved.end, resolved.resolved) == (start, end, True)


@pytest.mark.parametrize("phrase", ["last year", "on Monday", "last month", "March 2"])
def test_relative_without_published_date_is_never_guessed(phrase: str) -> None:
    resolved = resolve_time(phrase, None)
    assert not resolved.resolved and resolved.value is None


def test_absolute_dates_resolve_without_published_date() -> None:
    assert resolve_time("June 2020", None).value == "2020-06"


@pytest.mark.parametrize("phrase", ["recent years", "the previous year", "soon", "February 30"])
def test_vague_or_impossible_stay_unresolved(phrase: str) -> None:
    assert not resolve_time(phrase, PUBLISHED).resolved


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [("three-day", "P3D"), ("10-year", "P10Y"), ("two weeks", "P2W"), ("a decade", "P10Y"),
     ("48 hours", "PT48H"), ("tomorrow", None)],
)
def test_durations(phrase: str, iso: str | None) -> None:
    assert duration(phrase) == iso
