"""Organisations kg knows from the gazetteer's organizations.tsv that news of any outlet names
without saying what they are: the US federal departments and agencies by their names and
acronyms; each case on an invented sentence."""

from __future__ import annotations

import pytest

from extracting import facts_of
from kg.gazetteer import default_gazetteer
from kg.model import Facts


def typed(facts: Facts) -> dict[str, str]:
    return {entity.label: entity.type for entity in facts.entities if not entity.local}


@pytest.mark.parametrize("name, key", [
    ("TSA", "transportation-security-administration"),
    ("FAA", "federal-aviation-administration"),
    ("IRS", "internal-revenue-service"),
    ("Census Bureau", "us-census-bureau"),
    ("USDA", "united-states-department-of-agriculture"),
])
def test_a_federal_body_is_known_by_its_name_or_acronym(name: str, key: str) -> None:
    known = default_gazetteer().lookup(name)
    assert known is not None and known.key == key


def test_a_generic_department_name_is_left_to_the_story() -> None:
    # "the Department of Education" is a state's or a province's too: only the US-qualified
    # name is the federal department
    assert default_gazetteer().lookup("Department of Education") is None
    assert default_gazetteer().lookup("U.S. Department of Education") is not None


@pytest.mark.parametrize("text, name, type_", [
    ("Screeners from the TSA found a knife in a carry-on bag at the Denver airport.",
     "Transportation Security Administration", "Agency"),
    ("The FAA ordered airlines to inspect the engines, and the NTSB sent investigators to Utah.",
     "National Transportation Safety Board", "Agency"),
    ("A lawyer for the grocer said the IRS had frozen its accounts in Memphis.",
     "Internal Revenue Service", "Agency"),
    ("Rangers of the National Park Service closed the trail after the rockfall.",
     "National Park Service", "Agency"),
    ("Officials at the USDA told ranchers in Montana to report sick cattle.",
     "United States Department of Agriculture", "Ministry"),
])
def test_a_federal_body_is_typed_and_named_in_full(text: str, name: str, type_: str) -> None:
    assert typed(facts_of(text))[name] == type_


@pytest.mark.parametrize("text, name", [
    ("Twitter suspended the senator's account after the riot in Lagos.", "Twitter"),
    ("A spokeswoman for Instagram said the photos broke its rules.", "Instagram"),
    ("The band's new single can be heard on Spotify and Hulu from Friday.", "Hulu"),
    ("Roku and Google Play cut the price of the series in Canada.", "Google Play"),
    ("Lufthansa and Qatar Airways suspended flights to Beirut on Sunday.", "Qatar Airways"),
    ("Passengers stranded in Nairobi said Kenya Airways had given them no hotel.",
     "Kenya Airways"),
])
def test_a_social_network_streaming_service_or_airline_is_a_company(text: str, name: str) -> None:
    assert typed(facts_of(text))[name] == "Company"


@pytest.mark.parametrize("text, name", [
    # short names that are also places or words are no rows: left to the model and the story
    ("Floods cut roads across the Delta after the river burst its banks.", "Delta"),
    ("Fans of United sang outside the ground in Manchester.", "United"),
])
def test_a_short_airline_name_that_is_a_word_or_place_is_no_company(text: str, name: str) -> None:
    assert typed(facts_of(text)).get(name) != "Company"


@pytest.mark.parametrize("text, name", [
    ("Households watch four hours of television a day, according to Nielsen.", "Nielsen"),
    ("Tablet sales fell 9 percent in Europe, according to IDC.",
     "International Data Corporation"),
    ("A YouGov survey of 2,000 adults in Wales found little support for the tax.", "YouGov"),
    ("Fitch Ratings cut Portugal's rating by two notches on Friday.", "Fitch Ratings"),
])
def test_a_research_polling_or_rating_firm_is_a_company_not_an_outlet(text: str,
                                                                       name: str) -> None:
    assert typed(facts_of(text))[name] == "Company"


@pytest.mark.parametrize("text, name", [
    ("Disney said the sequel would open in Shanghai in May.", "The Walt Disney Company"),
    ("The cartoon was drawn at Pixar and released by Warner Bros. in Brazil.", "Pixar"),
    ("A spokeswoman for Lionsgate declined to say how much MGM had paid.", "Lionsgate"),
])
def test_a_film_studio_is_a_company(text: str, name: str) -> None:
    assert typed(facts_of(text))[name] == "Company"


@pytest.mark.parametrize(("text", "key"), [
    ("Rockets fired by the Lebanese Hezbollah landed near the border on Monday.", "hezbollah"),
    ("The radio station backs the Afghan Taliban, its owner said.", "taliban"),
])
def test_a_known_body_after_its_own_states_adjective_is_that_body(text: str, key: str) -> None:
    facts = facts_of(text)
    assert key in {e.key for e in facts.entities}, [e.label for e in facts.entities]
    assert not any(e.label.split()[0] in ("Lebanese", "Afghan") for e in facts.entities)


def test_a_known_body_after_another_states_adjective_is_not_that_body() -> None:
    from kg.extract.entities.state_cues import body_after_its_own_states_adjective
    from kg.nlp import make_span, parse

    doc = parse("Officials blamed the Syrian Hezbollah for the attack.")
    span = make_span(doc, 3, 5, "ORG")
    assert body_after_its_own_states_adjective(span, default_gazetteer()) is None
