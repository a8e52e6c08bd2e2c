"""A name a first-level region shares with a state or a city, chosen by the sentence around it."""

from __future__ import annotations

import pytest

from extracting import facts_of, relations


def _types(text: str) -> dict[str, str]:
    return {e.label: e.type for e in facts_of(text).entities if not e.local}


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Turkey, Georgia and Armenia signed the pipeline deal in Tbilisi.", "Georgia", "Country"),
    ("Talks in Washington and Moscow ended without a deal.", "Washington", "City"),
    ("Flights between New York and Chicago were cancelled.", "New York City", "City"),
])
def test_a_name_listed_with_states_or_towns_keeps_its_reading(text: str, name: str,
                                                               kind: str) -> None:
    assert _types(text).get(name) == kind


@pytest.mark.parametrize(("text", "town", "region"), [
    ("The senator flew from Boston to Atlanta, Georgia, on Monday.", "Atlanta", "Georgia"),
    ("Heavy rain is expected in Spokane, Washington, this weekend.", "Spokane", "Washington"),
    ("The plant in Buffalo, New York, will close in June.", "Buffalo", "New York"),
])
def test_a_name_after_a_town_of_its_region_and_a_comma_is_the_region(
        text: str, town: str, region: str) -> None:
    facts = facts_of(text)
    assert {e.label: e.type for e in facts.entities}.get(region) == "AdministrativeRegion"
    assert (town, "locatedIn", region) in relations(facts)


def test_a_state_after_its_own_town_stays_the_state() -> None:
    assert _types("Protesters gathered in Tbilisi, Georgia, on Sunday.").get("Georgia") == \
        "Country"


@pytest.mark.parametrize(("text", "name"), [
    ("Lawmakers from New York, a state the census says is shrinking, opposed the bill.",
     "New York"),
    ("Washington, a state of seven million people, passed the law in March.", "Washington"),
])
def test_a_citys_namesake_described_as_a_state_is_the_region(text: str, name: str) -> None:
    assert _types(text).get(name) == "AdministrativeRegion"


def test_a_country_described_as_a_state_stays_the_country() -> None:
    assert _types("Georgia, a former Soviet state, borders Russia.").get("Georgia") == "Country"


def test_two_states_in_a_list_are_not_placed_in_each_other() -> None:
    facts = facts_of("Arizona, Georgia, Nevada and Utah will each gain a seat.")
    assert not any(p == "locatedIn" and {s, o} <= {"Arizona", "Georgia", "Nevada", "Utah"}
                   for s, p, o in relations(facts))


@pytest.mark.parametrize(("text", "name"), [
    ("New York Gov. Martha Reyes signed the budget on Friday.", "New York"),
    ("The plan was vetoed by New York's governor last week.", "New York"),
    ("Washington Attorney General Sam Ortiz sued the lender.", "Washington"),
    ("The Washington legislature passed the measure in April.", "Washington"),
    ("Georgia Gov. Paul Whitfield ordered the beaches closed.", "Georgia"),
    ("Georgia's lieutenant governor chaired the session.", "Georgia"),
    ("A Georgia state trooper stopped the van near Macon.", "Georgia"),
])
def test_a_name_opening_an_office_only_a_region_has_is_the_region(text: str, name: str) -> None:
    assert _types(text).get(name) == "AdministrativeRegion"


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("New York Mayor Ellen Park spoke at the rally.", "New York City", "City"),
    ("Georgia's president met the envoy in Tbilisi.", "Georgia", "Country"),
    ("Panama's attorney general froze the accounts.", "Panama", "Country"),
    ("Troops of Mexico's National Guard searched the ranch.", "Mexico", "Country"),
    ("Luxembourg's premier opened the trade fair.", "Luxembourg", "Country"),
    ("The talks were hosted by Georgia's premier.", "Georgia", "Country"),
])
def test_a_name_opening_a_towns_or_a_states_office_keeps_its_reading(
        text: str, name: str, kind: str) -> None:
    assert _types(text).get(name) == kind


def test_a_countrys_office_a_region_also_has_keeps_the_country_and_the_office() -> None:
    facts = facts_of("Mexico's attorney general announced charges against three officers.")
    assert {e.label: e.type for e in facts.entities}.get("Mexico") == "Country"
    assert ("attorney general", "nationality", "Mexico") in relations(facts)


@pytest.mark.parametrize(("text", "town", "region"), [
    ("She was born in Athens, Georgia, and studied in Atlanta.", "Athens", "Georgia"),
    ("Police in Vancouver, Washington, arrested a teacher on Friday.", "Vancouver", "Washington"),
    ("The regiment left Columbus, Georgia, for the coast.", "Columbus", "Georgia"),
])
def test_a_namesake_town_before_a_region_is_the_regions_town(text: str, town: str,
                                                              region: str) -> None:
    facts = facts_of(text)
    assert {e.label: e.type for e in facts.entities}.get(region) == "AdministrativeRegion"
    assert (town, "locatedIn", region) in relations(facts)
    assert not any(s == town and p == "locatedIn" and o in ("Greece", "Canada", "Ohio")
                   for s, p, o in relations(facts))
