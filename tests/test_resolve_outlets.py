"""Short names of bodies (kg.resolve): an outlet's ("the Times" after "The New York Times" is that
paper, not the one the gazetteer knows by the short name) and a company's without its comma and
legal form ("Kandor Partners" after "Kandor Partners, Inc."); on invented sentences, with
sentences where the short name must stay apart."""

from __future__ import annotations

import pytest

from extracting import facts_of
from kg.model import Facts


def outlets(facts: Facts) -> dict[str, tuple[str, ...]]:
    """Each news organisation's label and its aliases."""
    return {e.label: tuple(e.aliases) for e in facts.entities if e.type == "NewsOrganization"}


@pytest.mark.parametrize(("text", "outlet"), [
    ("The New York Times reported the deal on Monday. The Times said the talks had stalled.",
     "The New York Times"),
    ("Nurses in Accra told the Los Angeles Times they had no gloves, the Times reported.",
     "Los Angeles Times"),
    ("According to The New York Times, the mayor will resign; the Times cited two aides.",
     "The New York Times"),
])
def test_a_short_name_after_the_outlets_full_name_is_that_outlet(text: str, outlet: str) -> None:
    found = outlets(facts_of(text))
    assert "Times" in found.get(outlet, ()), found
    assert "The Times" not in found, found


@pytest.mark.parametrize("text", [
    # the short name first: the gazetteer's paper, the long name another
    "The Times reported the strike on Monday. Unions told The New York Times that talks had failed.",
    # two outlets end in the short name: neither is chosen
    "The Financial Times and The New York Times said the bank would sell. The Times said so too.",
    # a longer name that is not the short one's ending
    "The Times of London and The New York Times both ran the story on Sunday.",
    # the dropped words are no place: another paper
    "The Financial Times said the lender would sell its stake. The Times, owned by a rival "
    "group, said the sale was off.",
    "The Sunday Times reported the row on Sunday. On Monday the Times said the minister would "
    "stay.",
])
def test_a_short_name_stays_the_gazetteers_when_no_one_outlet_before_it_ends_in_it(
        text: str) -> None:
    found = outlets(facts_of(text))
    assert "The Times" in found, found
    assert not any("Times" in aliases for label, aliases in found.items() if label != "The Times"), found


@pytest.mark.parametrize(("text", "full", "short"), [
    ("Kandor Partners, Inc. filed for bankruptcy in Ohio; Kandor Partners owes $3 million.",
     "Kandor Partners, Inc.", "Kandor Partners"),
    ("Shares of Veltrix Holdings, Ltd. fell on Monday, and Veltrix Holdings said it would cut "
     "jobs.", "Veltrix Holdings, Ltd.", "Veltrix Holdings"),
    ("Brightwater Foods, Corp. opened a plant in Ohio; Brightwater Foods hired 200 people.",
     "Brightwater Foods, Corp.", "Brightwater Foods"),
])
def test_a_company_named_without_its_comma_and_legal_form_is_the_same(
        text: str, full: str, short: str) -> None:
    found = {e.label: tuple(e.aliases) for e in facts_of(text).entities}
    assert short in found.get(full, ()), found
    assert short not in found, found


def test_a_list_taken_for_one_name_is_no_company_a_short_name_joins() -> None:
    text = "Analysts at Westpac, ANZ and NAB said rates would rise, and Westpac said so too."
    found = {e.label for e in facts_of(text).entities}
    assert "Westpac" in found, found


@pytest.mark.parametrize(("text", "label"), [
    ("Apple, Inc. opened a store in Lyon on Friday; Apple said it would hire 50 people.", "Apple"),
    ("Shares of Toyota Motor, Corp. rose in Tokyo after Toyota Motor said its sales grew.",
     "Toyota"),
])
def test_a_gazetteer_company_named_with_its_comma_and_legal_form_is_that_company(
        text: str, label: str) -> None:
    found = {e.label: tuple(e.aliases) for e in facts_of(text).entities
             if e.type in ("Company", "Organization")}
    assert list(found) == [label], found
