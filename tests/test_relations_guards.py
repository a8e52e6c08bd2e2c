"""Relation rules that must not over-reach: denied or possible leadership, a rival named by a
possessive, a person hired from outside the staff (invented sentences)."""

from __future__ import annotations

import pytest

from extracting import facts_of, relations


@pytest.mark.parametrize("text", [
    "Tom Reed has never run Oxfam, the aid group said.",
    "Senator Jane Hill could lead the Labor Party after the election.",
    "Ravi Shah did not head Infosys in those years.",
    "Kofi Mensah could one day run Unilever, analysts say.",
    "Tom Reed would chair Oxfam if elected.",
    "Tom Reed allegedly runs Oxfam.",
])
def test_leadership_a_clause_denies_or_only_allows_is_no_relation(text: str) -> None:
    assert not {r for r in relations(facts_of(text)) if r[1] in ("leaderOf", "memberOf")}


@pytest.mark.parametrize(("text", "wanted"), [
    ("Tom Reed runs Oxfam, the aid group said.", ("Tom Reed", "leaderOf", "Oxfam")),
    ("The Labor Party, led by Jane Hill, won the vote.", ("Jane Hill", "leaderOf", "Labor Party")),
    ("Ravi Shah, who heads Infosys, spoke in Pune.", ("Ravi Shah", "leaderOf", "Infosys")),
])
def test_leadership_a_clause_states_is_still_read(text: str, wanted: tuple[str, str, str]) -> None:
    assert wanted in relations(facts_of(text))


@pytest.mark.parametrize("text", [
    "Ann Lee works for Apple's rival Samsung in Seoul.",
    "Shares of Apple's rival Samsung rose.",
    "Apple's arch rival Samsung cut prices.",
])
def test_a_rival_named_by_a_possessive_is_no_part(text: str) -> None:
    assert not {r for r in relations(facts_of(text)) if r[1] == "partOf"}


@pytest.mark.parametrize(("text", "title"), [
    ("The Times hired Ann Lee, a freelance photographer, last year.",
     ("Ann Lee", "jobTitle", "freelance photographer")),
    ("Reuters employed Tom Hale, a freelance reporter, in Kabul.",
     ("Tom Hale", "jobTitle", "freelance reporter")),
    ("The Guardian hired Priya Nair as a freelance photographer.",
     ("Priya Nair", "jobTitle", "freelance photographer")),
])
def test_one_hired_from_outside_the_staff_is_no_member(text: str, title: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert title in found
    assert not {r for r in found if r[1] == "memberOf"}


def test_one_hired_onto_the_staff_is_still_a_member() -> None:
    assert ("Lena Berg", "memberOf", "Volvo") in relations(
        facts_of("Volvo hired Lena Berg, a veteran engineer, in 2019."))


@pytest.mark.parametrize("text", [
    "Ann Lee, a critic of Oxfam, said the charity had failed.",
    "Tom Hale is a fierce critic of the Labor Party.",
    "Rosa Ibarra, a longtime critic of the government in Lima, was arrested.",
])
def test_a_critic_of_a_body_holds_no_trade_and_no_membership(text: str) -> None:
    found = relations(facts_of(text))
    assert not {r for r in found if r[1] in ("jobTitle", "memberOf")}


def test_a_critic_by_trade_keeps_the_trade() -> None:
    assert ("Ann Lee", "jobTitle", "film critic") in relations(
        facts_of("Ann Lee, a film critic, reviewed the movie."))


@pytest.mark.parametrize(("text", "wanted"), [
    ("Acme Corp hired Tom Hale, an independent director at Globex, as chief executive.",
     ("Tom Hale", "memberOf", "Acme Corp")),
    ("Acme Corp hired Tom Hale as an external affairs manager.", ("Tom Hale", "memberOf", "Acme Corp")),
    ("Volvo hired Lena Berg as an outside sales manager.", ("Lena Berg", "memberOf", "Volvo")),
    ("Volvo hired Lena Berg, a former freelance photographer, last year.",
     ("Lena Berg", "memberOf", "Volvo")),
])
def test_a_staff_post_or_a_past_description_is_no_outside_hire(
        text: str, wanted: tuple[str, str, str]) -> None:
    assert wanted in relations(facts_of(text))


def test_outside_counsel_is_hired_from_outside() -> None:
    found = relations(facts_of("Volvo hired Lena Berg as outside counsel."))
    assert not {r for r in found if r[1] == "memberOf"}
