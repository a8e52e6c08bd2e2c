"""A disease's name is no entity (kg.extract.entities.thing_cues.names_a_disease): the article
writes it before a noun of illness ("Ebola infections", "an Ebola patient") and nowhere as a place
or a body is written; on invented sentences of several shapes, and on names that are a town's or
a body's though written before the same nouns."""

from __future__ import annotations

import pytest

from extracting import facts_of
from kg.model import Facts


def typed(facts: Facts) -> dict[str, str]:
    """Each named entity's label and its class."""
    return {entity.label: entity.type for entity in facts.entities if not entity.local}


@pytest.mark.parametrize(("text", "kept"), [
    ("Aid workers flew to Liberia to contain Ebola. A Glasgow Ebola patient went home on "
     "Friday.", {"Liberia": "Country", "Glasgow": "City"}),
    ("Doctors in Kinshasa said Ebola infections had doubled, and two nurses had died of Ebola.",
     {"Kinshasa": "City"}),
    ("A clinic in Lyon admitted an Ebola patient, an aid worker who caught Ebola in Guinea.",
     {"Lyon": "City", "Guinea": "Country"}),
])
def test_a_disease_written_before_a_noun_of_illness_is_no_entity(
        text: str, kept: dict[str, str]) -> None:
    found = typed(facts_of(text))
    assert not [label for label in found if "Ebola" in label], found
    for label, type_ in kept.items():
        assert found.get(label) == type_, found


@pytest.mark.parametrize(("text", "name"), [
    # a town the article also writes after "in"
    ("Residents of Kelmore said the outbreak was over. The Kelmore outbreak of flu closed "
     "schools, and parents in Kelmore kept children home.", "Kelmore"),
    # a body that speaks
    ("Executives at Norvale said the Norvale patients were safe, and Norvale said it would add "
     "beds.", "Norvale"),
    # a town the gazetteer knows
    ("Officials in Wuhan said the Wuhan outbreak was slowing and the Wuhan patients were home.",
     "Wuhan"),
    # a name set beside a noun of a place
    ("Cases of the Dunsby virus rose in Ghana. Dunsby, a village near Accra, gave the virus its "
     "name.", "Dunsby"),
    # a name written before the place's residents
    ("The Hollard virus killed a horse. Hollard residents were told to stay indoors.", "Hollard"),
])
def test_a_town_or_a_body_before_a_noun_of_illness_stays(text: str, name: str) -> None:
    found = typed(facts_of(text))
    assert name in found, found
