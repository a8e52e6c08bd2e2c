"""The listed-company gazetteer (kg.companies): names of stock-index constituents, read as
companies where the text writes them as names and makes them no person or thing; each case on
an invented sentence."""

from __future__ import annotations

import pytest

from extracting import facts_of
from kg.companies import listed_companies
from kg.model import Facts


def typed(facts: Facts) -> dict[str, str]:
    return {entity.label: entity.type for entity in facts.entities if not entity.local}


def test_the_list_comes_from_the_package_with_short_forms() -> None:
    companies = listed_companies()
    assert len(companies) > 1000
    assert companies["Comcast"] == "Comcast"
    assert companies["Apple"] == "Apple Inc."  # the legal form cut
    assert "BP" not in companies  # two letters name too many things


@pytest.mark.parametrize("text, name", [
    ("Honeywell said on Monday it would shut two plants in Ohio.", "Honeywell"),
    ("Amgen and Biogen shares rose in New York.", "Biogen"),
    ("A spokeswoman for Ericsson in Stockholm declined to comment on the deal.", "Ericsson"),
    ("Regulators in Brussels approved the merger between Unilever and a Kenyan firm.",
     "Unilever"),
])
def test_a_listed_name_is_a_company(text: str, name: str) -> None:
    assert typed(facts_of(text))[name] == "Company"


@pytest.mark.parametrize("text, name", [
    ("Shares of Target fell after the retailer cut its outlook.", "Target"),
    ("Investors sold Caterpillar shares as orders slowed in Brazil.", "Caterpillar"),
])
def test_a_name_that_is_also_a_word_is_a_company_after_a_cue(text: str, name: str) -> None:
    assert typed(facts_of(text))[name] == "Company"


@pytest.mark.parametrize("text, name", [
    ("The caterpillar ate the leaves. Caterpillar numbers fell in the valley.", "Caterpillar"),
    ("Mr Honeywell told the hearing in Leeds that he had paid the fine.", "Honeywell"),
    ("Ms Unilever spoke in Perth on Monday. Unilever said the plan would fail.", "Unilever"),
    ("The minister met Pearson in Canberra to discuss the bill.", "Pearson"),
    ("Tom Burberry, a farmer from Devon, won the prize. Burberry said he was thrilled.",
     "Burberry"),
])
def test_a_word_or_a_person_is_no_company(text: str, name: str) -> None:
    assert typed(facts_of(text)).get(name) != "Company"


@pytest.mark.parametrize("text, name", [
    ("The Danish coach Morten Nielsen was sacked on Monday. Nielsen said he was disappointed.",
     "Nielsen"),
    ("Jane Ipsos, a nurse from Cork, won the lottery. Ipsos said she would buy a farm.", "Ipsos"),
    ("Police in Utah questioned Gary Newspoll about the fire, and Newspoll denied it.",
     "Newspoll"),
])
def test_a_known_company_s_name_that_is_a_person_s_of_the_story_is_the_person(
        text: str, name: str) -> None:
    assert typed(facts_of(text)).get(name) != "Company"


@pytest.mark.parametrize("text, name", [
    ("Delta cancelled 450 flights out of Atlanta as the ice storm spread.", "Delta Air Lines"),
    ("A United jet bound for Tokyo returned to Chicago with a cracked windshield.",
     "United Airlines"),
    ("Southwest's pilots rejected the contract offer in Dallas on Tuesday.",
     "Southwest Airlines"),
])
def test_an_airline_s_short_name_tied_to_flying_is_the_airline(text: str, name: str) -> None:
    assert typed(facts_of(text))[name] == "Company"


@pytest.mark.parametrize("text, name", [
    ("Floods cut off villages across the Delta after the rains.", "Delta"),
    ("American pilots flew missions over Syria, the Pentagon said.", "American"),
    ("United fans sang outside the ground in Manchester.", "United"),
])
def test_an_airline_s_short_name_elsewhere_is_no_airline(text: str, name: str) -> None:
    assert typed(facts_of(text)).get(name) != "Company"

