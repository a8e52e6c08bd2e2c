"""The words around a name that say it is a place's (kg.extract.place_clues), each clue alone on
a parsed sentence. Sentences are invented for these tests, not taken from any gold article."""

from __future__ import annotations

import pytest

from kg.gazetteer import default_gazetteer


@pytest.mark.parametrize(("text", "start", "label"), [
    ("Rescuers took the climbers to Chaman hospital.", 5, "GPE"),
    ("Pilgrims scattered the ashes along the Ganges.", 6, "LOC"),
    ("Rescuers took the climbers to Chaman residents.", 5, None),
])
def test_which_label_a_place_tagged_as_a_people_should_have_had(
        text: str, start: int, label: str | None) -> None:
    from kg.extract.place_clues import place_taken_for_a_people
    from kg.nlp import make_span, parse

    doc = parse(text)
    taken = place_taken_for_a_people(make_span(doc, start, start + 1, "NORP"), default_gazetteer())
    assert (taken[1] if taken else None) == label


def test_a_town_before_a_border_crossing_names_the_crossing() -> None:
    from kg.extract.place_clues import site_named_after_a_town
    from kg.nlp import make_span, parse

    doc = parse("Troops fired near the Nablus border crossing on Monday.")
    site = site_named_after_a_town(make_span(doc, 4, 5, "GPE"), default_gazetteer())
    assert site is not None and site.text == "Nablus border crossing"
