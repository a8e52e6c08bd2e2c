"""People's roles (kg.extract.relations.titles): the job title before or around a name, and the
state or body it makes the holder lead."""

from __future__ import annotations

import pytest

from extracting import facts_of, relations


@pytest.mark.parametrize(("text", "wanted"), [
    # a bare head-of-state title set in the state by its possessive or a "where" clause
    ("The number of people from Chile's elite who have fled abroad is double the number who fled "
     "under his father, former President Jorge Ruiz.", ("Jorge Ruiz", "leaderOf", "Chile")),
    ("Hunger is spreading in Malawi, where President Bingu Phiri has declared a disaster.",
     ("Bingu Phiri", "leaderOf", "Malawi")),
])
def test_a_bare_title_leads_the_state_the_sentence_sets_it_in(
        text: str, wanted: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert wanted in found, found


@pytest.mark.parametrize(("text", "unwanted"), [
    # a state that only acts in the sentence is context
    ("Chile launched air raids on the border on Tuesday, after President Rosa Vidal said talks "
     "had failed.", ("Rosa Vidal", "leaderOf", "Chile")),
    ("Fiji sent troops to the border on Monday, hours after Prime Minister Jone Lau warned of "
     "unrest.", ("Jone Lau", "leaderOf", "Fiji")),
    # a state's adjective on something else is context too
    ("The gunmen, former members of the Peruvian army, fired at guards outside the residence of "
     "President Jorge Ruiz.", ("Jorge Ruiz", "leaderOf", "Peru")),
    # a state's possessive on another of its people sets only that person in the state
    ("Iraq's foreign minister flew to Cairo on Monday to meet President Tom Hale.",
     ("Tom Hale", "leaderOf", "Iraq")),
    ("Chile's ambassador said the talks would resume after President Jorge Ruiz returned from "
     "Lima.", ("Jorge Ruiz", "leaderOf", "Chile")),
])
def test_a_bare_title_leads_no_state_the_text_only_mentions(
        text: str, unwanted: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert unwanted not in found, found
