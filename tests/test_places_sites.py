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
