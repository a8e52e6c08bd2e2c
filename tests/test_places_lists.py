"""A list of places after a town is no "Town, State": each item is a place of its own."""

from __future__ import annotations

import pytest

from extracting import facts_of, relations


@pytest.mark.parametrize(("text", "town", "state"), [
    ("Protests spread to Moscow, Georgia and Ukraine over the weekend.", "Moscow", "Georgia"),
    ("The envoy will visit Kabul, Pakistan and India next week.", "Kabul", "Pakistan"),
    ("Flights to Dubai, Qatar and Oman were cancelled on Tuesday.", "Dubai", "Qatar"),
    ("Storms hit Texas, Mexico and Cuba before moving north.", "Texas", "Mexico"),
])
def test_a_town_listed_before_states_lies_in_none_of_them(text: str, town: str,
                                                          state: str) -> None:
    assert (town, "locatedIn", state) not in relations(facts_of(text))


@pytest.mark.parametrize(("text", "town", "state"), [
    ("In Mosul, Iraq and Raqqa, Syria, the fighting went on.", "Mosul", "Iraq"),
    ("She was born in Atlanta, Georgia, and raised in Texas.", "Atlanta", "Georgia"),
])
def test_a_town_before_its_state_in_a_list_still_lies_in_it(text: str, town: str,
                                                            state: str) -> None:
    assert (town, "locatedIn", state) in relations(facts_of(text))
