"""Whole names: a person's name the model cut before its last surname, a body's name with a
possessive inside it, a leader's name before his movement's, a person before the event he
underwent; each rule on invented sentences of several shapes."""

from __future__ import annotations

import pytest

from extracting import facts_of
from kg.model import Facts


def typed(facts: Facts) -> dict[str, str]:
    """Each named entity's label and its class."""
    return {entity.label: entity.type for entity in facts.entities if not entity.local}


@pytest.mark.parametrize(("text", "name"), [
    ("Mexican President Andrés López Obrador visited Texas on Monday.",
     "Andrés López Obrador"),
    ("Former Spanish prime minister José Luis Rodríguez Zapatero arrived in Caracas.",
     "José Luis Rodríguez Zapatero"),
    ("Far-right leader Jean-Marie Le Pen was fined again.", "Jean-Marie Le Pen"),
    ("Commission President Ursula von der Leyen arrived in Kyiv.", "Ursula von der Leyen"),
    ("Serbian tennis player Novak Đoković won in Melbourne.", "Novak Đoković"),
])
def test_a_persons_name_cut_before_its_last_surname_is_whole(text: str, name: str) -> None:
    found = typed(facts_of(text))
    assert found.get(name) == "Person", found
    shorter = [label for label in found if label != name and label in name]
    assert not shorter, found


@pytest.mark.parametrize(("text", "word"), [
    ("Prime Minister John Howard Government ministers met on Monday.", "Government"),
    ("Senator Bob Brown Greens colleagues objected.", "Greens"),
    ("Defence Minister Robert Hill Tuesday said the troops would return.", "Tuesday"),
])
def test_a_word_after_a_name_that_is_no_surname_stays_out(text: str, word: str) -> None:
    """A body's, a party's, a day's or a known place's word ends no person's name."""
    found = typed(facts_of(text))
    assert not [label for label, type_ in found.items() if type_ == "Person" and word in label], \
        found
