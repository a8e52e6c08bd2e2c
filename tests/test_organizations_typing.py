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
    "A House panel in Washington subpoenaed the bank's records on Monday.",
])
def test_the_house_of_a_legislature_is_typed_as_one(text: str) -> None:
    assert typed(facts_of(text))["House"] == "Legislature"


def test_a_house_that_is_a_building_is_no_chamber() -> None:
    assert "House" not in typed(facts_of("The family sold the house in Leeds for a song."))


@pytest.mark.parametrize("text, name", [
    ("Fans can buy the album on iTunes from Monday, the label said in Berlin.", "iTunes"),
    ("The thief sold the medals on eBay before police in Dublin caught him.", "eBay"),
    ("Passengers in Geneva said easyJet had cancelled every flight to Lisbon.", "easyJet"),
    ("Mobile traffic doubled in India last year, according to comScore.", "comScore"),
])
def test_a_known_name_with_a_small_first_letter_is_the_organisation(text: str, name: str) -> None:
    assert typed(facts_of(text))[name] == "Company"


def test_a_small_word_no_organisation_owns_is_no_name() -> None:
    assert "iPhones" not in typed(facts_of("Sales of iPhones fell in Japan."))


def test_a_bodys_letters_after_its_noun_are_that_body_though_tagged_a_person() -> None:
    facts = facts_of("The bakery said the event had collected thousands of dollars for charity CHAS.")
    assert {e.label: e.type for e in facts.entities}.get("CHAS") == "Organization"


def test_a_persons_name_after_a_job_noun_stays_a_person() -> None:
    facts = facts_of("The town honoured veteran teacher Dana Okafor on Friday.")
    assert {e.label: e.type for e in facts.entities}.get("Dana Okafor") == "Person"
