"""How kg types an organisation no gazetteer row names, from the name and the story around it;
each case on an invented sentence."""

from __future__ import annotations

import pytest

from extracting import facts_of
from kg.extract.organizations import classify_organization
from kg.model import Facts


def typed(facts: Facts) -> dict[str, str]:
    return {entity.label: entity.type for entity in facts.entities}


def test_a_chamber_named_alone_is_a_legislature() -> None:
    assert classify_organization("House") == "Legislature"
    assert classify_organization("Housing Trust") != "Legislature"


@pytest.mark.parametrize("text", [
    "The House voted 220 to 205 on Thursday to fund the border wall.",
    "Republicans hope to keep control of the House after the November vote in Texas.",
    "Florida gains two House seats under the new count, the clerk said.",
])
def test_the_house_of_a_legislature_is_typed_as_one(text: str) -> None:
    assert typed(facts_of(text))["House"] == "Legislature"


def test_a_house_that_is_a_building_is_no_chamber() -> None:
    assert "House" not in typed(facts_of("The family sold the house in Leeds for a song."))
