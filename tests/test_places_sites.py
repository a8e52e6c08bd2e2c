"""A site named with its town after a comma: "a cafe on Carrick Lane, Glasgow". Sentences are
invented for these tests, not taken from any gold article."""

from __future__ import annotations

import pytest

from extracting import facts_of, relations


@pytest.mark.parametrize(("text", "site", "town"), [
    ("Firefighters were called to a bakery on Carrick Road, Glasgow, shortly after noon.",
     "Carrick Road", "Glasgow"),
    ("DUBLIN (Wire) - Thousands queued at Harcourt Street, Dublin, for the reopening.",
     "Harcourt Street", "Dublin"),
    ("A crowd of 40,000 filled Tolka Stadium, Dublin, for the final on Sunday.",
     "Tolka Stadium", "Dublin"),
])
def test_a_site_lies_in_the_town_apposed_to_it(text: str, site: str, town: str) -> None:
    assert (site, "locatedIn", town) in relations(facts_of(text))


@pytest.mark.parametrize(("text", "site"), [
    ("The band played Tolka Stadium, Dublin and Cork on its last tour.", "Tolka Stadium"),
    ("Traffic stopped on Carrick Road, Glasgow police said on Friday.", "Carrick Road"),
    ("Delays hit Carrick Road, Glasgow's busiest street, all morning.", "Carrick Road"),
])
def test_no_town_for_a_site_from_a_list_or_a_subject(text: str, site: str) -> None:
    assert not any(s == site for s, p, _ in relations(facts_of(text)) if p == "locatedIn")


def test_no_town_for_a_site_in_a_list_with_and() -> None:
    facts = facts_of("The tour took in Tolka Stadium, Dublin, and Croke Park before it ended.")
    assert ("Tolka Stadium", "locatedIn", "Dublin") not in relations(facts)


@pytest.mark.parametrize("text", [
    "At Fenwick Park, Leeds, who had lost twice in a week, won 3-0.",
    "At Moorside Road, Derby, who trailed at the break, held on for a draw.",
    "At Tolka Stadium, Cork, who were missing two strikers, won on penalties.",
    "At Harbour Road, Derby, unbeaten all season, drew again.",
])
def test_no_town_for_a_site_when_the_town_is_a_team(text: str) -> None:
    """In sports copy the name after the ground is the side that played there."""
    assert not any(p == "locatedIn" for _, p, _ in relations(facts_of(text)))


def test_a_site_still_lies_in_the_town_when_the_clause_has_its_own_subject() -> None:
    facts = facts_of("Police said a shop on Carrick Road, Glasgow, was broken into overnight.")
    assert ("Carrick Road", "locatedIn", "Glasgow") in relations(facts)
