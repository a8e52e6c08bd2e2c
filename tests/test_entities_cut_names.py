"""Names cut whole: a rank cut short with a full stop belongs to the person after it, not to the
body before it ("Coast Guard Adm. Thad Allen"); each rule on invented sentences of several
shapes, and on sentences where the same words must give no change."""

from __future__ import annotations

import pytest

from extracting import facts_of, relations
from kg.model import Facts


def typed(facts: Facts) -> dict[str, str]:
    """Each named entity's label and its class."""
    return {entity.label: entity.type for entity in facts.entities if not entity.local}


@pytest.mark.parametrize(("text", "body", "person", "title"), [
    ("Coast Guard Adm. Thad Allen said the leak would be capped by August.",
     "Coast Guard", "Thad Allen", "admiral"),
    ("Air Force Lt. Gen. Ann Leeds told reporters the base would stay open.",
     "Air Force", "Ann Leeds", "lieutenant general"),
    ("National Guard Maj. Gen. Kofi Mensah arrived in the flooded town on Monday.",
     "National Guard", "Kofi Mensah", "major general"),
    ("Marine Corps Col. D'Souza Amankwah opened the hearing on Monday.",
     "United States Marine Corps", "D'Souza Amankwah", "colonel"),
])
def test_a_rank_cut_short_before_a_name_is_the_persons_not_the_bodys(
        text: str, body: str, person: str, title: str) -> None:
    facts = facts_of(text)
    found = typed(facts)
    assert body in found and found[body] != "Person", found
    assert found.get(person) == "Person", found
    assert not [label for label in found if label.startswith(body) and label != body], found
    assert (person, "memberOf", body) in relations(facts)
    assert (person, "jobTitle", title) in relations(facts)


@pytest.mark.parametrize(("text", "name"), [
    ("Shares of Brightwater Holdings Corp. rose after the results.", "Brightwater Holdings Corp."),
    # a word cut short that is in no list of ranks, before a capitalised name: the firm's
    ("Harborview Holdings Inc. Chairman Ann Lee said the deal was off.",
     "Harborview Holdings Inc."),
    ("Velmont Foods Co. Director Raj Patel resigned in June.", "Velmont Foods Co."),
])
def test_a_word_cut_short_that_is_no_rank_before_a_name_stays(text: str, name: str) -> None:
    found = typed(facts_of(text))
    assert name in found, found
