"""A month and day with no year is past only when its clause tells the event as done, or when
it is part of the noun of an event never scheduled ("the March 20 bombings"); a date set
ahead ("due", "expected", "planned"), a clause still to come and a noun warned of keep the
coming date (rule event-time-told-as-done, events/timing.py; review of evargs19 findings 2, 8
and 9). Sentences are invented for these tests, not taken from any corpus or gold article."""

from __future__ import annotations

from datetime import date

import pytest

from extracting import facts_of


def dates_of(text: str, event_type: str) -> set[str | None]:
    """The date values of a text's events of one type, published on 12 March 2019."""
    return {e.time.value if e.time else None for e in facts_of(text, published=date(2019, 3, 12)).events
            if e.type == event_type}


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # hostile: an attack or a disaster still to come, the date on the verb
    ("Meteorologists said the hurricane would reach the coast on March 20.", "Disaster", "2019-03-20"),
    ("The union said the walkout would begin on April 2.", "Protest", "2019-04-02"),
    # planned, warned of
    ("Guards were on alert for bombings planned on March 30.", "Attack", "2019-03-30"),
    ("The ministry warned of an attack on April 4 and closed the embassy.", "Attack", "2019-04-04"),
    # a date set ahead, in a past clause
    ("Negotiations were due on March 28.", "Meeting", "2019-03-28"),
    # a noun a verb sets keeps its coming date
    ("The drivers' union called a strike on March 25.", "Protest", "2019-03-25"),
])
def test_an_event_still_to_come_keeps_its_coming_date(text: str, event_type: str, expected: str) -> None:
    assert dates_of(text, event_type) == {expected}


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # the date is part of the noun of an event never scheduled
    ("Security stayed tight after the March 20 bombings.", "Attack", "2018-03-20"),
    ("Farmers are still rebuilding after the March 25 flood.", "Disaster", "2018-03-25"),
    # the noun of a verb told as done that sets no event
    ("The two ministers held talks on March 20.", "Meeting", "2018-03-20"),
    ("Bus drivers staged a walkout on March 25.", "Protest", "2018-03-25"),
])
def test_an_event_told_as_done_is_past(text: str, event_type: str, expected: str) -> None:
    assert dates_of(text, event_type) == {expected}
