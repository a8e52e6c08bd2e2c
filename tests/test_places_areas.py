"""A region of the land the gazetteer's areas know is a Place, not a town, wherever the story
writes it as one writes a town. Sentences are invented for these tests."""

from __future__ import annotations

import pytest

from extracting import facts_of


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
