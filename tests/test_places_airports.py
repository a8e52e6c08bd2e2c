"""An airport the gazetteer knows by name lies in its town, its region or its state."""

from __future__ import annotations

import pytest

from extracting import facts_of, relations


@pytest.mark.parametrize(("text", "airport", "place"), [
    ("Officials in Liberia said screening at Roberts International Airport would go on.",
     "Roberts International Airport", "Liberia"),
    ("Queues at Heathrow Airport grew as London braced for more snow.",
     "Heathrow Airport", "London"),
    ("Flights at Gatwick Airport were grounded as fog covered Britain for a second day.",
     "Gatwick Airport", "United Kingdom"),
    ("Officials in Japan said Narita Airport would reopen on Monday.",
     "Narita Airport", "Japan"),
])
def test_a_known_airport_lies_in_the_smallest_named_place_around_it(
        text: str, airport: str, place: str) -> None:
    assert (airport, "locatedIn", place) in relations(facts_of(text))


def test_an_airport_the_gazetteer_lacks_is_not_placed_by_its_name() -> None:
    facts = facts_of("Officials in Liberia said screening at Harbour View Airport would go on.")
    assert not any(s == "Harbour View Airport" and p == "locatedIn"
                   for s, p, _ in relations(facts))
