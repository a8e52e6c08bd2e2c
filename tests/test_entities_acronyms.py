"""Acronyms an article defines in brackets after a name, on invented sentences of that shape."""

from __future__ import annotations

import pytest

from extracting import facts_of
from kg.extract.entities.acronyms import abbreviations_of_common_words, fits
from kg.model import Facts
from kg.nlp import parse


def named(facts: Facts, label: str) -> tuple[str, tuple[str, ...], int]:
    """The type, aliases and number of mentions of the entity with this label."""
    found = [e for e in facts.entities if e.label == label]
    assert found, f"{label!r} not among {sorted(e.label for e in facts.entities)}"
    return found[0].type, found[0].aliases, len(found[0].mentions)


def test_a_defined_acronym_outranks_the_gazetteers_reading() -> None:
    facts = facts_of("The arrests followed an inquiry by the Australian Federal Police (AFP) in "
                     "Perth. The AFP says more arrests are likely.")
    assert named(facts, "Australian Federal Police") == ("Agency", ("AFP",), 3)
    assert not any(e.key == "agence-france-presse" for e in facts.entities)


def test_a_credit_in_brackets_after_a_place_is_no_definition() -> None:
    facts = facts_of("PARIS (AFP) - Seven people died in the blast, police said.")
    assert any(e.key == "agence-france-presse" for e in facts.entities)


def test_an_acronym_in_another_language_joins_the_name_it_follows() -> None:
    facts = facts_of("Figures from the National Statistics Institute (INSE) show prices rose. "
                     "INSE said food cost more.")
    assert named(facts, "National Statistics Institute")[1:] == (("INSE",), 3)
    assert not any(e.label == "INSE" for e in facts.entities)


def test_a_name_spelt_otherwise_takes_the_known_acronyms_entry() -> None:
    facts = facts_of("A study by the Organisation for Economic Cooperation and Development (OECD) "
                     "ranked Chile last.")
    oecd = [e for e in facts.entities if e.key == "oecd"]
    assert len(oecd) == 1 and len(oecd[0].mentions) == 2
    assert not any("Cooperation" in e.label for e in facts.entities)


@pytest.mark.parametrize(("acronym", "name", "expected"), [
    ("TMEU", "Timber, Mining and Energy Union", True),
    ("INSE", "National Statistics Institute", True),  # the letters of another language's order
    ("AFP", "Red Cross", False),  # a credit after a name
    ("TLS", "Telstra", False),  # one word: a ticker, not its acronym
    ("TMEU", "Mining and Energy Union", False),  # begins with no initial of the name
])
def test_an_acronym_holds_the_initials_of_the_name(acronym: str, name: str, expected: bool) -> None:
    assert fits(acronym, name) is expected


@pytest.mark.parametrize(("text", "letters"), [
    ("Food containing genetically modified (GM) crops must be labelled. GM crops are banned.",
     "GM"),
    ("Shops must comply with the goods and services tax (GST) from July.", "GST"),
])
def test_letters_of_common_words_in_brackets_are_no_entity(text: str, letters: str) -> None:
    # the letters abbreviate lower-case words, no name: no entity there or where repeated
    doc = parse(text)
    assert abbreviations_of_common_words(doc) == {letters}
    found = {e.label for e in facts_of(text).entities if not e.local}
    assert letters not in found, found


def test_letters_after_a_name_are_not_common_words() -> None:
    doc = parse("The Australian Federal Police (AFP) arrested two men in Perth.")
    assert abbreviations_of_common_words(doc) == frozenset()
