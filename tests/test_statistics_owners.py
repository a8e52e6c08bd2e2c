"""Whom a figure is about, on invented sentences: the subject past a description in two parts,
a list of subjects none of whose the figure is."""

from __future__ import annotations

import pytest

from extracting import facts_of, labels
from kg.extract.statistics.syntax import is_joint, subject_of
from kg.nlp import parse


def _about(text: str, value: int) -> str | None:
    facts = facts_of(text)
    names = labels(facts)
    found = [s for s in facts.statistics if s.value == value]
    assert found, text
    return names.get(found[0].about) if found[0].about else None


@pytest.mark.parametrize(("text", "value", "about"), [
    # a subject described in two parts, the parts joined by "and" (a politics desk, a wire)
    ("Nevada, a swing state and a Republican stronghold in 2004, is likely to lose 2 seats in "
     "the House.", 2, "Nevada"),
    ("Kestrel Airways, the oldest carrier and the largest employer in Fiji, cut 300 jobs on "
     "Monday.", 300, "Kestrel Airways"),
])
def test_a_subject_described_in_two_parts_owns_its_figure(text: str, value: int,
                                                         about: str) -> None:
    assert _about(text, value) == about


@pytest.mark.parametrize(("text", "value"), [
    # hostile: the same words as a list of names, whose figure is none of theirs
    ("Nevada, Utah and Idaho are likely to lose 2 seats each.", 2),
    ("Kestrel Airways, Orbis Air and Fiji Link cut 300 jobs on Monday.", 300),
])
def test_a_list_of_subjects_owns_no_figure(text: str, value: int) -> None:
    assert _about(text, value) is None


@pytest.mark.parametrize(("text", "verb", "joint"), [
    ("Nevada, a swing state and a Republican stronghold, will lose 2 seats.", "lose", False),
    ("Nevada, Utah and Idaho will lose 2 seats.", "lose", True),
])
def test_a_description_in_two_parts_is_no_list(text: str, verb: str, joint: bool) -> None:
    subject = subject_of(next(t for t in parse(text) if t.lower_ == verb))
    assert subject is not None and is_joint(subject) is joint


@pytest.mark.parametrize(("text", "value", "about"), [
    # a price paid for what a relative clause's antecedent names (business wire, a tech blog)
    ("Zentro Systems, which Acme Corp bought for $2 billion in 2009, makes chips.",
     2_000_000_000, "Zentro Systems"),
    ("Acme Corp sold Pixaro, which it bought for $300 million, to a rival.", 300_000_000,
     "Pixaro"),
    # the owner of the plant or mill a subject's figure is "at", not the place naming it
    ("Acme Corp said on Monday that sales at its Ohio plant fell 12 percent.", 12, "Acme Corp"),
    ("Output at Bolton Mills' Leeds mill rose 8 percent in March.", 8, "Bolton Mills"),
    # the body the noun a figure is "of" is at
    ("A workforce of 3,000 at Acme Corp faces cuts.", 3000, "Acme Corp"),
    ("The union said a staff of 450 at Kelso Logistics would strike.", 450, "Kelso Logistics"),
    ("A strike of 1,200 nurses at Harbourside Hospital ended on Friday.", 1200,
     "Harbourside Hospital"),
])
def test_whose_a_price_or_a_plants_figure_is(text: str, value: int, about: str) -> None:
    assert _about(text, value) == about


@pytest.mark.parametrize(("text", "value", "not_about"), [
    # a place with no owner before it still names the plant's place only
    ("Output at the Leeds mill of Bolton Mills rose 8 percent.", 8, "Leeds"),
    # a crowd "of" a number at a stadium is no stadium's
    ("A crowd of 3,000 at Wembley Stadium cheered.", 3000, "Wembley Stadium"),
    # hostile: people gathered at a campus, a parliament or a world body are none of its
    # (a campus paper, a wire report, a broadcaster's live page)
    ("A crowd of 1,500 at the University of Leeds marched.", 1500, "University of Leeds"),
    ("A protest of 900 at Lagos University turned violent.", 900, "Lagos University"),
    ("A rally of 7,000 at Parliament House booed the minister.", 7000, "Parliament House"),
    ("A gathering of 12,000 at the United Nations heard her speak.", 12000, "United Nations"),
])
def test_whose_a_price_or_a_plants_figure_is_not(text: str, value: int, not_about: str) -> None:
    assert _about(text, value) != not_about


def test_a_relative_pronoun_that_pays_is_the_payer() -> None:
    # the same words with the relative pronoun the subject: the payer's sum, not the plant's
    assert _about("Zentro Systems, which paid $40 million for the plant, makes chips.",
                  40_000_000) == "Zentro Systems"


@pytest.mark.parametrize(("text", "value", "about"), [
    # a batter's score "for" which a bowler or fielder put them out (a cricket report, a wire)
    ("Singh removed Tom Baxter for 47, caught at slip.", 47, "Tom Baxter"),
    ("Patel ran out Dean Moyo for 5 with a throw from cover.", 5, "Dean Moyo"),
    ("Singh had Tom Baxter caught behind for 41 in the second over.", 41, "Tom Baxter"),
])
def test_a_score_for_which_a_named_player_was_out_is_the_players(text: str, value: int,
                                                                 about: str) -> None:
    assert _about(text, value) == about


@pytest.mark.parametrize(("text", "value", "about"), [
    # hostile: a sum or a count of things "for" which someone is taken is not the person's
    ("Police arrested Tom Baxter for 2 thefts in Leeds.", 2, "Tom Baxter"),
    ("The club signed Tom Baxter for $3 million.", 3_000_000, "Tom Baxter"),
    # hostile: a bare number "for" which a verb that puts no batter out takes a person (a
    # police brief, a transfer column, a league's notice)
    ("Detectives held Tom Baxter for 36 before they let him go.", 36, "Tom Baxter"),
    ("Leeds signed Dean Moyo for 15.", 15, "Dean Moyo"),
    ("The league banned Dean Moyo for 6 after the fight.", 6, "Dean Moyo"),
])
def test_a_sum_or_a_count_for_a_person_is_not_their_score(text: str, value: int,
                                                          about: str) -> None:
    assert _about(text, value) != about


@pytest.mark.parametrize("text", [
    # a list of places the parse may break off after its first name (a wire, a health desk)
    "Dengue fever has killed 960 in Peru, Bolivia, Ecuador and Colombia, the Pan American "
    "Health Organization says, urging towns to drain standing water.",
    "Storms have killed 240 people in Ghana, Togo or Benin, the agency said.",
])
def test_a_toll_in_a_list_of_places_is_none_of_theirs(text: str) -> None:
    facts = facts_of(text)
    assert facts.statistics and all(s.about is None for s in facts.statistics)


@pytest.mark.parametrize(("text", "value", "about"), [
    # hostile: a town with its country after a comma, and two places each with its own figure
    ("The storm killed 12 people in Paris, France, on Monday.", 12, "Paris"),
    ("The storm killed 12 people in Lyon and 3 in Paris.", 12, "Lyon"),
])
def test_a_place_with_its_country_is_no_list(text: str, value: int, about: str) -> None:
    assert _about(text, value) == about
