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



def _span_after(text: str, words: str):  # type: ignore[no-untyped-def]
    from kg.nlp import make_span, parse

    doc = parse(text)
    first = words.split()[0]
    start = next(t.i for t in doc if t.text == first)
    return make_span(doc, start, start + len(words.split()), "ORG")


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Ann Marlow's Silver Arrow won again at Randwick on Saturday.", "Silver Arrow", True),
    ("Late in the map, Mark Oduya\u2019s Hostile Bid turned the fight.", "Hostile Bid", True),
    ("Then Kim Do-yun's Quiet Storm caught two rivals at once.", "Quiet Storm", True),
    ("Hamid's Unity movement took the town.", "Unity", False),  # a movement's noun follows
    ("Jane Vance's Liberal Party lost two seats.", "Liberal Party", False),  # a body's head word
    ("Jane Vance's Veltrax sold the mine in May.", "Veltrax", False),  # no common word
    ("The club's Silver Arrow won again.", "Silver Arrow", False),  # no person owns it
    ("Fans in Leeds cheered Leeds's Fab Five again.", "Fab Five", False),  # a town's
    ("Staff at Kerwin University's Press Archive found the letter.", "Press Archive", False),
])
def test_a_persons_possession_in_common_words(text: str, words: str, expected: bool) -> None:
    from kg.extract.entities.no_entity_cues import a_persons_possession
    from kg.gazetteer import default_gazetteer

    assert a_persons_possession(_span_after(text, words), default_gazetteer()) is expected


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
