"""A one-word name the model tagged a person's that English has as a common word is no person
unless the article writes it as someone's; each case on invented sentences of several shapes."""

from __future__ import annotations

import pytest

from extracting import facts_of


def _people(text: str) -> set[str]:
    return {entity.label for entity in facts_of(text).entities if entity.type == "Person"}


@pytest.mark.parametrize(("text", "word"), [
    ("Sleet, Bramble and Thistle also lost their masts in the storm and returned to port.",
     "Thistle"),
    ("Anxiety, Envy and Greed were among the horses scratched from the race.", "Greed"),
    ("Critics say Remorse won the prize for best debut novel.", "Remorse"),
])
def test_a_common_word_with_no_persons_cue_is_no_person(text: str, word: str) -> None:
    assert word not in _people(text)


@pytest.mark.parametrize(("text", "word"), [
    ("The bishop reminded the crowd that Sampson was a refugee too.", "Sampson"),
    ("Witnesses said Baker's office was closed all week.", "Baker"),
    ("Kim \"Sparrow\" Hyun-woo won again. Sparrow is the first player to win four titles.",
     "Kim Hyun-woo"),  # labelled without the quoted nickname (entities.nicknames)
])
def test_a_common_word_written_as_someones_name_stays_a_person(text: str, word: str) -> None:
    assert word in _people(text)


@pytest.mark.parametrize(("text", "word"), [
    ("Investigators believe Cook fled to Portugal in a rented van.", "Cook"),
    ("The court heard that Rice had sold the farm twice.", "Rice"),
    ("Miners cheered when Baker walked out of the shaft on Sunday.", "Baker"),
])
def test_a_common_surname_alone_stays_a_person(text: str, word: str) -> None:
    # a surname first ("surname-words.txt"), though English has the word too
    assert word in _people(text)
