"""A town's office that reports an event does not place the event in the town: the office
speaks of the province, the suburbs or a place abroad as often as of the town itself (the rule
event-place-the-towns-own-office was taken back, review of evargs19 finding 7). Sentences are
invented for these tests, not taken from any corpus or gold article."""

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
    # a place nominal the office reports on
    ("Durban's mayor said the flood drowned four farmers in the province.", "Death", "Durban"),
    ("Glasgow's fire chief said two men were shot dead in the suburbs on Friday.", "Death", "Glasgow"),
    # abroad, told by the town's health office
    ("Houston's health officials said the teacher died after a trip overseas.", "Death", "Houston"),
    # the event in a relative clause on another noun
    ("Durban's mayor said the widow of a fisherman who drowned had thanked the divers.", "Death",
     "Durban"),
])
def test_a_towns_office_does_not_place_what_it_reports(text: str, event_type: str, town: str) -> None:
    assert town not in places_of(facts_of(text), event_type)
