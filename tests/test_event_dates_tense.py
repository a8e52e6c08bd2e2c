"""A month and day with no year is resolved by the tense of the clause it dates (rule
event-time-told-as-done, events/timing.py; dates.resolve_time's ``past``): told as done, it is
on or before the published day; still to come or in the present, it may be up to half a year
ahead. Sentences are invented for these tests, not taken from any gold article."""

from __future__ import annotations

from datetime import date

import pytest

from extracting import facts_of
from kg.extract.dates import resolve_time

PUBLISHED = date(2025, 1, 15)


def dates_of(text: str, event_type: str) -> set[str | None]:
    """The date values of a text's events of one type, published on 15 January 2025."""
    return {e.time.value if e.time else None for e in facts_of(text, published=PUBLISHED).events
            if e.type == event_type}


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # past tense: the March before the January it was published in
    ("Police arrested two men in Lyon on March 3.", "Arrest", "2024-03-03"),
    # the perfect, a date on the verb that reports a measure still to come
    ("Bantu Mining said on March 3 it would cut 300 jobs.", "Layoff", "2024-03-03"),
    # an event noun in a clause told as done
    ("Security has been tight since the June 9 bombing of the embassy in Dakar.", "Attack",
     "2024-06-09"),
    ("Tarang Foods announced on Feb. 20 that it had hired a new chief executive.", "Statement",
     "2024-02-20"),
])
def test_a_month_and_day_told_as_done_is_before_the_telling(text: str, event_type: str,
                                                            expected: str) -> None:
    assert dates_of(text, event_type) == {expected}


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # hostile: the same month and day still to come, or in the present, keep the coming date
    ("The summit opens on March 3 in Geneva.", "Meeting", "2025-03-03"),
    ("The March 3 election is expected to be close.", "Election", "2025-03-03"),
    ("The Oslo talks begin on Feb. 20.", "Meeting", "2025-02-20"),
    ("Voters in Chile go to the polls on Feb. 20.", "Election", "2025-02-20"),
])
def test_a_month_and_day_to_come_keeps_its_coming_date(text: str, event_type: str,
                                                       expected: str) -> None:
    assert dates_of(text, event_type) == {expected}


def test_a_date_before_the_telling_is_this_years_either_way() -> None:
    # a day already past this year needs no tense: it is this year's in both readings
    assert resolve_time("Jan. 3", PUBLISHED, past=True).value == "2025-01-03"
    assert resolve_time("Jan. 3", PUBLISHED).value == "2025-01-03"


@pytest.mark.parametrize(("phrase", "past", "expected"), [
    ("March 3", False, "2025-03-03"),
    ("March 3", True, "2024-03-03"),
    ("3 March", True, "2024-03-03"),
    ("late on March 3", True, "2024-03-03"),  # a qualifier keeps the tense
    ("March 3, 2025", True, "2025-03-03"),  # a year written is kept
    ("last Tuesday", True, "2025-01-14"),
])
def test_resolve_time_reads_the_tense_it_is_given(phrase: str, past: bool, expected: str) -> None:
    assert resolve_time(phrase, PUBLISHED, past=past).value == expected


def test_since_a_month_and_day_starts_before_the_telling() -> None:
    # "since" opens a span that reaches the published day: its start is behind it
    assert resolve_time("since March 3", PUBLISHED).start == "2024-03-03"


def dates_published_in_april(text: str, event_type: str) -> set[str | None]:
    """The date values of a text's events of one type, published on 10 April 2002."""
    return {e.time.value if e.time else None for e in facts_of(text, published=date(2002, 4, 10)).events
            if e.type == event_type}


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # an attack, a disaster or a death is never scheduled: its month and day are past even
    # in a present clause
    ("Security remains tight after the Sept. 11 attacks.", "Attack", "2001-09-11"),
    ("Survivors of the June 3 earthquake in Chala still live in tents.", "Disaster", "2001-06-03"),
    # hostile: an election is scheduled, a present clause keeps its coming date
    ("The Sept. 11 election is expected to be close.", "Election", "2002-09-11"),
    # hostile: a past verb that sets, moves or puts off a time makes it no past
    ("The election was postponed until Sept. 1.", "Election", "2002-09-01"),
    ("The meeting was moved to Sept. 1.", "Meeting", "2002-09-01"),
    ("Organisers announced that the summit was scheduled for Sept. 1 in Oslo.", "Meeting",
     "2002-09-01"),
    # hostile: an event noun the past verb has for its object may still be to come
    ("The president announced elections on Sept. 1.", "Election", "2002-09-01"),
    ("The union called a strike on Sept. 1.", "Protest", "2002-09-01"),
])
def test_an_event_never_scheduled_is_past(text: str, event_type: str, expected: str) -> None:
    assert dates_published_in_april(text, event_type) == {expected}
