"""People's names in forms of their own: a list of surnames the model read as one name, a
speaker's label in capitals in a transcript; each rule on invented text of several shapes."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from extracting import facts_of
from kg.extract.entities.person_spans import person_spans
from kg.nlp import load_pipeline


def _doc(text: str, ents: list[tuple[str, str]]) -> Doc:
    """A doc of a text's words (split at spaces, commas apart) with the named spans given."""
    words = text.replace(",", " ,").split()
    doc = Doc(load_pipeline().vocab, words=words)
    spans = []
    for name, label in ents:
        size = len(name.replace(",", " ,").split())
        start = next(i for i in range(len(words)) if " ".join(words[i : i + size]) ==
                     name.replace(",", " ,"))
        spans.append(Span(doc, start, start + size, label=label))
    doc.ents = spans
    return doc


@pytest.mark.parametrize(("text", "full", "listed", "label", "people"), [
    ("Dana Okafor met Erik Lindqvist and later Okafor, Lindqvist and others left",
     ["Dana Okafor", "Erik Lindqvist"], "Okafor, Lindqvist", "PERSON", ["Okafor", "Lindqvist"]),
    ("Maria Castell and Tomas Ruiz and Anna Brandt spoke and Castell, Ruiz, Brandt agreed",
     ["Maria Castell", "Tomas Ruiz", "Anna Brandt"], "Castell, Ruiz, Brandt", "ORG",
     ["Castell", "Ruiz", "Brandt"]),
    ("Kofi Mensah and Wendy Abara lead and Mensah, Abara and their staff vote",
     ["Kofi Mensah", "Wendy Abara"], "Mensah, Abara", "ORG", ["Mensah", "Abara"]),
])
def test_a_list_of_surnames_is_one_person_each(
        text: str, full: list[str], listed: str, label: str, people: list[str]) -> None:
    doc = _doc(text, [*((name, "PERSON") for name in full), (listed, label)])
    found = [(span.text, span.label_) for span in person_spans(doc, list(doc.ents))]
    assert [pair for pair in found if pair[0] in people] == [(p, "PERSON") for p in people], found


@pytest.mark.parametrize(("text", "listed"), [
    ("Dana Okafor wrote from Durham, Okafor said", "Durham, Okafor"),
    ("Dana Okafor and Erik Lindqvist founded Okafor, Lindqvist Partners", "Okafor, Lindqvist Partners"),
])
def test_a_list_with_a_word_that_is_no_surname_stays_whole(text: str, listed: str) -> None:
    doc = _doc(text, [("Dana Okafor", "PERSON"), (listed, "ORG")])
    found = [span.text for span in person_spans(doc, list(doc.ents))]
    assert listed.replace(",", " ,") in found, found


def _people(text: str) -> set[str]:
    return {entity.label for entity in facts_of(text).entities if entity.type == "Person"}


@pytest.mark.parametrize(("text", "name"), [
    ("The court heard from Priya Raman on Tuesday.\n\nPRIYA RAMAN: We will appeal the ruling.\n\n"
     "The judge reserved her decision.", "Priya Raman"),
    ("HELEN MARSDEN: Good evening. Floods have cut the highway north of Dubbo.\n\n"
     "The council says repairs will take a month.", "Helen Marsden"),
    ("Farmers are angry about the levy.\n\nJAMES OKONKWO: Nobody asked us before the vote.\n\n"
     "The ministry did not comment.", "James Okonkwo"),
])
def test_a_speakers_label_in_capitals_is_a_person(text: str, name: str) -> None:
    people = {person.lower() for person in _people(text)}
    assert name.lower() in people, people
    assert len([p for p in people if p == name.lower()]) == 1, people


@pytest.mark.parametrize("text", [
    "Storms hit the coast overnight.\n\nBREAKING NEWS: The bridge has reopened.",
    "The vote was delayed.\n\nEDITOR NOTE: An earlier version misspelt a name.",
    "Tenants met the landlord on Monday.\n\nFRANK DISCUSSION: Both sides listed their demands.",
])
def test_a_heading_in_capitals_is_no_person(text: str) -> None:
    assert not _people(text)


def test_a_bowlers_figures_after_the_name_are_no_part_of_it() -> None:
    facts = facts_of("Okafor took 3 for 77 and Ravi Mehta 2 for 41 on the second day.")
    assert "Ravi Mehta" in {e.label for e in facts.entities if e.type == "Person"}
    assert not any(any(c.isdigit() for c in e.label) for e in facts.entities if e.type == "Person")


def test_a_job_opening_the_sentence_before_a_full_name_is_no_part_of_it() -> None:
    facts = facts_of("Plumber Mark Tran, who was first on the scene, said the driver was lucky.")
    assert "Mark Tran" in {e.label for e in facts.entities if e.type == "Person"}


def test_a_given_name_that_is_also_a_trade_stays_in_the_name() -> None:
    facts = facts_of("Mason Lee Tran won the final in Perth on Sunday.")
    assert "Mason Lee Tran" in {e.label for e in facts.entities if e.type == "Person"}
