"""Names on sports and esports pages: a quoted nickname inside a person's name, a person's possession
in common words, a team named with a body's head word; on invented sentences of those shapes."""

from __future__ import annotations

import pytest

from extracting import entity, facts_of, labels


def test_an_esports_players_handle_inside_the_name() -> None:
    facts = facts_of("The jungler Park \u201cRook\u201d Ji-hoon carried the final for Harbour "
                     "Lions. Rook's late steal sealed the third map.")
    player = entity(facts, "Park Ji-hoon")
    assert player.type == "Person"
    assert {'Park "Rook" Ji-hoon', "Rook"} <= set(player.aliases)
    assert len(player.mentions) >= 2
    assert "Rook" not in labels(facts).values()


def test_a_nickname_in_straight_quotes_in_sports_copy() -> None:
    facts = facts_of('Veteran forward Earl "Spider" Dawkins signed a new contract with the club '
                     "on Tuesday.")
    player = entity(facts, "Earl Dawkins")
    assert player.type == "Person" and "Spider" in player.aliases


def test_two_players_with_handles_stay_two_people() -> None:
    facts = facts_of("Kim \u201cVane\u201d Do-yun and Zhao \u201cEmber\u201d Xiao-Long both "
                     "signed with the team on Monday.")
    names = set(labels(facts).values())
    assert {"Kim Do-yun", "Zhao Xiao-Long"} <= names


@pytest.mark.parametrize("text", [
    'Delegates of the Labor "Left" Caucus met in Hobart on Friday.',
    'The Cheap "Eats" Guide ranked the stall first this year.',
    'Residents of New York "Big" Apple Street complained about the noise.',
])
def test_a_quoted_word_between_other_capitalised_words_is_no_nickname(text: str) -> None:
    facts = facts_of(text)
    assert not any(e.type == "Person" for e in facts.entities), labels(facts)


@pytest.mark.parametrize(("text", "wrong"), [
    # opinion copy in title case
    ("Voters Think Hanson \u201cNever\u201d Listens To The Party.", "Hanson Listens"),
    # a quote in a news story
    ("Ann Roe said Garrick \u201cLied\u201d Again about the contract.", "Garrick Again"),
    # sports copy
    ("Supporters say Vance \u201cAlways\u201d Delivers when it matters.", "Vance Delivers"),
])
def test_a_scare_quoted_word_after_a_surname_is_no_nickname(text: str, wrong: str) -> None:
    assert wrong not in set(labels(facts_of(text)).values())


def test_a_nickname_before_a_surname_the_model_does_not_tag() -> None:
    facts = facts_of("Tom \u201cTank\u201d Bradley scored twice before half-time.")
    assert "Tom Bradley" in set(labels(facts).values())


    # a rule read "Vance's Silver Arrow" (a horse) as no body; on real news the same shape is
    # a leader's movement or alliance, kept (the rule was taken back for that)
    facts = facts_of("General Tarik Sorn's Northern Alliance took the town of Qalat on Monday.")
    assert any(e.label == "Northern Alliance" and e.type != "Person" for e in facts.entities), \
        labels(facts)


def test_a_team_named_with_a_bodys_head_word_is_a_body() -> None:
    facts = facts_of("Harbour Lions beat Vexa Gaming and Tarrow Esports in Busan on Sunday.")
    kinds = {e.label: e.type for e in facts.entities}
    assert kinds.get("Vexa Gaming") == "Organization", kinds
    assert kinds.get("Tarrow Esports") == "Organization", kinds


@pytest.mark.parametrize(("text", "name"), [
    ("Coach Mark Club told reporters he was proud.", "Mark Club"),
    ("Ms Jane Society spoke at the hearing.", "Jane Society"),
])
def test_a_person_whose_surname_is_a_bodys_head_word_stays_a_person(text: str, name: str) -> None:
    facts = facts_of(text)
    assert any(e.type == "Person" and name in e.label for e in facts.entities), labels(facts)
