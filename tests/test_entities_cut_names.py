"""Names cut whole: a rank cut short with a full stop belongs to the person after it, not to the
body before it ("Coast Guard Adm. Thad Allen"); a name's own "'s" stays in it ("Macy's",
"Moody's Investors Service") where the parse makes it no possessor; each rule on invented
sentences of several shapes, and on sentences where the same words must give no change."""

from __future__ import annotations

import pytest

from extracting import facts_of, relations
from kg.extract import extract
from kg.model import Article, Facts, Mention
from kg.nlp import parse


def mentions_of(text: str) -> list[Mention]:
    """The mentions kg finds in one invented sentence, as the text writes them."""
    return list(extract(Article(id="test", text=text), parse(text)).mentions)


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


@pytest.mark.parametrize(("text", "name"), [
    ("Bondholders sold after Moody's downgraded the utility on Friday.", "Moody's"),
    ("Shoppers crowded into Macy's in Chicago before the holiday.", "Macy's"),
    ("Sainsbury's reported higher profits for the quarter.", "Sainsbury's"),
    ("Analysts at Moody's Investors Service said the outlook was stable.",
     "Moody's Investors Service"),
    ("Moody's Investors Service cut the rating of the Kenyan bank on Tuesday.",
     "Moody's Investors Service"),
])
def test_a_names_own_possessive_stays_in_it(text: str, name: str) -> None:
    named = {m.text: m.type for m in mentions_of(text) if m.kind == "name"}
    assert name in named and named[name] not in ("Person", "City", "Place"), named
    assert not [text for text in named if text != name and text in name], named


@pytest.mark.parametrize(("text", "names"), [
    ("Acme's shares fell 4 percent after the report.", ["Acme"]),
    ("Toyota's and Honda's sales rose in March.", ["Toyota", "Honda"]),
    ("Rupert Murdoch's Fox News hired a new anchor last year.", ["Rupert Murdoch", "Fox News"]),
    ("Seoul's Ministry of Unification said the talks would resume.",
     ["Seoul", "Ministry of Unification"]),
])
def test_a_possessor_before_what_it_owns_is_no_part_of_a_name(text: str, names: list[str]) -> None:
    found = typed(facts_of(text))
    assert all(name in found for name in names), found
    assert not [label for label in found if "'s" in label], found
