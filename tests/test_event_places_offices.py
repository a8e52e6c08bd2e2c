"""A town's own office that reports an event places it in the town when the sentence names no
other place (rule event-place-the-towns-own-office, events/places.py): the exception to
event-place-not-the-source. Sentences are invented for these tests, not taken from any gold
article."""

from __future__ import annotations

import pytest

from extracting import facts_of, labels
from kg.model import Facts


def places_of(facts: Facts, event_type: str) -> set[str]:
    """The places of a text's events of one type, by label."""
    names = labels(facts)
    return {names.get(ref, ref) for e in facts.events if e.type == event_type
            for role, ref in e.roles if role in ("location", "destination")}


@pytest.mark.parametrize(("text", "event_type", "town"), [
    # the town's possessive on its office, the office as the subject of a verb of saying
    ("Houston's fire chief said two firefighters died in the blaze on Sunday.", "Death", "Houston"),
    ("New York's health department said 500 people died.", "Death", "New York City"),
    # an adjective before the office's noun
    ("Durban's deputy mayor said two children drowned on Sunday.", "Death", "Durban"),
    # the office told after what it reports
    ("A fire destroyed a warehouse on Tuesday, Glasgow's fire service said.", "Disaster", "Glasgow"),
])
def test_a_towns_own_office_places_what_it_reports(text: str, event_type: str, town: str) -> None:
    assert places_of(facts_of(text), event_type) == {town}


@pytest.mark.parametrize(("text", "event_type"), [
    # hostile: a town's police may report the province around it
    ("Rebels attacked a supply convoy in the hills on Monday, Kandahar's police chief said.", "Attack"),
    # a capital's ministry speaks for its state
    ("Seoul's health ministry said two patients died on Monday.", "Death"),
    # an office that is no town's own
    ("Lima's military command said soldiers killed four rebels on Friday.", "Attack"),
])
def test_other_speakers_seats_still_place_nothing(text: str, event_type: str) -> None:
    facts = facts_of(text)
    assert any(e.type == event_type for e in facts.events)
    assert places_of(facts, event_type) == set()


@pytest.mark.parametrize(("text", "event_type", "place"), [
    # hostile: the sentence names another place, which is the event's
    ("Manila's mayor said the storm killed five people in Cebu.", "Death", "Cebu"),
    ("Houston's fire chief said two firefighters died in Texas.", "Death", "Texas"),
])
def test_another_place_named_wins_over_the_office(text: str, event_type: str, place: str) -> None:
    assert places_of(facts_of(text), event_type) == {place}


def test_the_office_places_no_event_of_the_next_sentence() -> None:
    # only its own sentence: the story may have moved by the next one
    facts = facts_of("Houston's fire chief said the station had been closed. Two firefighters "
                     "died on Sunday.")
    assert "Houston" not in places_of(facts, "Death")
