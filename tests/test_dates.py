"""Time expressions resolved against a published date (none from the seed's own sentences)."""

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from kg.errors import InputError
from kg.extract.dates import duration, resolve_time
from kg.lexicon import Lexicon

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicon"

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
        ("last week", "2025-03", "gYearMonth"),  # a week: the month it falls in
        ("earlier this week", "2025-03", "gYearMonth"),
        ("yesterday morning", "2025-03-13", "date"),
        ("last night", "2025-03-13", "date"),
        ("late on Sunday", "2025-03-09", "date"),  # a qualifier: as precise as the rest allows
        ("in mid-March", "2025-03", "gYearMonth"),
        ("early last year", "2024", "gYear"),
        ("in late 2019", "2019", "gYear"),
        ("at the weekend", "2025-03", "gYearMonth"),  # the month of the latest Saturday
        ("the 5th of March 2024", "2024-03-05", "date"),
        ("on the 2nd of March", "2025-03-02", "date"),  # no year: as "March 2"
        ("at the end of January", "2025-01", "gYearMonth"),  # a part of a stretch: the stretch
        ("in the early hours of Tuesday", "2025-03-11", "date"),
        # a time in the possessive, before the noun of what happened then ("last week's
        # bombing"); a decade written with an apostrophe stays a decade
        ("last week's", "2025-03", "gYearMonth"),
        ("last year's", "2024", "gYear"),
        ("last month’s", "2025-02", "gYearMonth"),
        ("1999's", "1999", "gYear"),  # a year's possessive ("1999's election"): the year
        # a month of a year told relative to the published one: that year's month
        ("in February last year", "2024-02", "gYearMonth"),
        ("December last year", "2024-12", "gYearMonth"),
        ("in January this year", "2025-01", "gYearMonth"),
        ("on the night of March 2", "2025-03-02", "date"),
        ("the first week of February", "2025-02", "gYearMonth"),
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
        ("the 1990's", "1990-01-01", "1999-12-31"),
        ("between March 2001 and last year", "2001-03-01", "2024-12-31"),
        ("from 2010 to 2015", "2010-01-01", "2015-12-31"),
        ("since 2020", "2020-01-01", "2025-03-14"),
    ],
)
def test_intervals(phrase: str, start: str, end: str) -> None:
    resolved = resolve_time(phrase, PUBLISHED)
    assert (resolved.start, resolved.end, resolved.resolved) == (start, end, True)


def test_last_week_falls_in_the_month_a_week_before() -> None:
    assert resolve_time("last week", date(2025, 4, 3)).value == "2025-03"
    assert resolve_time("over the weekend", date(2025, 4, 2)).value == "2025-03"  # Saturday the 29th


def test_a_qualifier_leaves_a_decade_s_part_and_a_bare_word_as_they_are() -> None:
    assert (resolve_time("the late 1990s", PUBLISHED).start, resolve_time("early", PUBLISHED).resolved) \
        == ("1996-01-01", False)
    assert resolve_time("in early 2023", None).value == "2023"  # absolute: no published date needed


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


def test_the_date_words_open_with_what_they_serve() -> None:
    lines = (LEXICON / "dates.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# Words of English time expressions, read by kg.extract.dates")
    words = Lexicon(LEXICON).dates
    assert words.months["sept"] == 9 and words.weekdays["sunday"] == 6
    assert "on" in words.fillers  # a word, not YAML's boolean
    assert words.counts["an"] == 1 and words.counts["ninety"] == 90  # numbers.yaml's words too


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """A copy of kg's date words with a relative phrase, a unit and a month's shape more."""
    words = yaml.safe_load((LEXICON / "dates.yaml").read_text(encoding="utf-8"))
    words["days back"]["day before yesterday"] = 2
    words["units"]["fortnight"] = {"designator": "D", "times": 14}
    words["patterns"]["month"] = "^(?:last |whole of )?(<months>)$"
    (tmp_path / "dates.yaml").write_text(yaml.safe_dump(words), encoding="utf-8")
    shutil.copy(LEXICON / "numbers.yaml", tmp_path)
    shutil.copy(LEXICON / "time-parts.txt", tmp_path)
    return tmp_path


def test_the_lexicon_file_drives_the_dates(edited: Path) -> None:
    words = Lexicon(edited).dates
    resolved = resolve_time("the day before yesterday", PUBLISHED, words)
    assert (resolved.value, resolved.datatype) == ("2025-03-12", "date")
    assert resolve_time("two fortnights ago", PUBLISHED, words).value == "2025-02-14"
    assert duration("a three-fortnight tour", words) == "P42D"
    assert resolve_time("the whole of February", PUBLISHED, words).value == "2025-02"
    assert resolve_time("Friday", PUBLISHED, words).value == "2025-03-14"  # the rest as shipped
    # kg's own words know none of the additions.
    assert not resolve_time("the day before yesterday", PUBLISHED).resolved
    assert duration("a three-fortnight tour") is None
    assert not resolve_time("the whole of February", PUBLISHED).resolved


@pytest.mark.parametrize(("pattern", "error"), [
    ("^(<months>) (\\d+)$", "pattern 'month' must have 1 group and"),
    ("^(<seasons>)$", "name only the lists the file has"),
    ("^(<months>$", "pattern 'month' is no regular expression"),
])
def test_a_pattern_the_code_cannot_read_is_refused(edited: Path, pattern: str, error: str) -> None:
    words = yaml.safe_load((edited / "dates.yaml").read_text(encoding="utf-8"))
    words["patterns"]["month"] = pattern
    (edited / "dates.yaml").write_text(yaml.safe_dump(words), encoding="utf-8")
    with pytest.raises(InputError, match=error):
        resolve_time("March", PUBLISHED, Lexicon(edited).dates)


def test_a_bare_yaml_boolean_is_refused(edited: Path) -> None:
    text = (edited / "dates.yaml").read_text(encoding="utf-8")
    assert "- 'on'" in text
    (edited / "dates.yaml").write_text(text.replace("- 'on'", "- on"), encoding="utf-8")
    with pytest.raises(InputError, match="dates.yaml: True is not a word; quote it"):
        assert Lexicon(edited).dates
