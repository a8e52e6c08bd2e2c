"""A region of the land the gazetteer's areas know is a Place, not a town, wherever the story
writes it as one writes a town. Sentences are invented for these tests."""

from __future__ import annotations

import pytest

from extracting import facts_of, relations


def typed(text: str) -> dict[str, str]:
    return {e.label: e.type for e in facts_of(text).entities}


@pytest.mark.parametrize(("text", "area"), [
    ("Crews were sent to Kiama, Illawarra and Shellharbour overnight.", "Illawarra"),
    ("WOLLONGONG - Firefighters are working at Wollongong and Illawarra tonight.", "Illawarra"),
])
def test_an_area_listed_with_towns_is_a_place(text: str, area: str) -> None:
    assert typed(text).get(area) == "Place"


@pytest.mark.parametrize(("text", "town"), [
    ("Crews were sent to Kiama, Tarrawong and Shellharbour overnight.", "Tarrawong"),
    ("Fires burned at Tarrawong and Kelmore, police said.", "Tarrawong"),
])
def test_a_town_the_gazetteer_lacks_is_still_a_town(text: str, town: str) -> None:
    assert typed(text).get(town) == "City"


@pytest.mark.parametrize(("text", "area", "state"), [
    ("Start-ups in Silicon Valley cut jobs this year as funding in the U.S. slowed.",
     "Silicon Valley", "United States"),
    ("SAN JOSE, Calif. (Wire) - Rents in Silicon Valley rose faster than anywhere in "
     "California last year.", "Silicon Valley", "California"),
    ("Vineyards across the Napa Valley lost grapes to smoke, California officials said.",
     "Napa Valley", "California"),
])
def test_a_region_inside_one_us_state_lies_in_it(text: str, area: str, state: str) -> None:
    found = {(s, o) for s, p, o in relations(facts_of(text)) if p == "locatedIn"}
    assert (area, state) in found


def test_a_region_of_one_us_state_lies_in_no_other_named_state() -> None:
    facts = facts_of("Engineers left Silicon Valley for Texas and Oregon, a survey found.")
    found = {(s, o) for s, p, o in relations(facts) if p == "locatedIn"}
    assert not any(s == "Silicon Valley" for s, _ in found)
