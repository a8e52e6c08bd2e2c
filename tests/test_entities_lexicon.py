"""The entity extractors' word lists are data (data/lexicon/): each file says what it serves,
each class it gives is one of the ontology's, and the extractors read what the files hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from extracting import facts_of
from kg.extract.organizations import body_descriptors, descriptors, trailing_nouns
from kg.extract.place_words import place_name_words
from kg.lexicon import lexicon
from kg.vocab import kinds_of

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicon"
CLASSES = set(kinds_of("Place")) | set(kinds_of("Organization")) | {"Person", "Place",
                                                                    "Organization"}
TABLES = ["descriptors.tsv", "description-nouns.tsv", "unnamed-institutions.tsv",
          "institution-nouns.tsv", "force-members.tsv"]
LISTS = ["body-words.txt", "media-nouns.txt", "institution-heads.txt", "portfolio-names.txt",
         "place-name-words.tsv", "government-nouns.txt", "programme-names.txt", "storm-words.txt",
         "given-names.txt", "company-head-titles.txt", "company-legal-forms.tsv",
         "former-states.txt"]


@pytest.mark.parametrize("name", TABLES + LISTS)
def test_each_entity_lexicon_opens_with_what_it_serves(name: str) -> None:
    lines = (LEXICON / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and len(lines) > 3
    entries = [line for line in lines if line and not line.startswith("#")]
    assert len(entries) == len(set(entries)), "an entry is written twice"


@pytest.mark.parametrize("name", TABLES)
def test_each_class_a_lexicon_gives_is_the_ontologys(name: str) -> None:
    table = lexicon().classes(name)
    assert table and set(table.values()) <= CLASSES, set(table.values()) - CLASSES


def test_the_readers_return_what_the_files_hold() -> None:
    assert descriptors()["broadcaster"] == "NewsOrganization"
    assert {"party", "militia"} <= body_descriptors() and "bank" not in body_descriptors()
    assert {"newspaper", "news", "agency", "group"} <= trailing_nouns()
    assert "Mount" in place_name_words("feature-first")
    assert "Street" in place_name_words("way-last") and \
        "Street" not in place_name_words("feature-last", "facility-last")
    assert {"Street", "Hospital", "Park"} <= place_name_words("way-last", "facility-last",
                                                              "feature-last")
    assert "authority" in lexicon().words("body-words.txt")
    assert lexicon().classes("unnamed-institutions.tsv")["embassy"] == "Embassy"


def test_a_descriptor_from_the_file_types_a_name() -> None:
    found = {e.label: e.type for e in facts_of("The tabloid Kvello ran the story.").entities}
    assert found.get("Kvello") == "NewsOrganization"


@pytest.mark.parametrize(("sentence", "name", "type_"), [
    ("Senator Jane Roe, the chair of the Senate Armed Services Committee, said the budget was "
     "too small.", "Senate Armed Services Committee", "GovernmentOrganization"),
    ("Republican John Doe of the Foreign Relations Committee says the report must be released.",
     "Foreign Relations Committee", "GovernmentOrganization"),
    ("The House Judiciary Committee will hold a hearing on Tuesday, its chairman Bob Lane said.",
     "House Judiciary Committee", "GovernmentOrganization"),
    ("The Democratic National Committee raised $5 million in March, its treasurer Ann Fox said.",
     "Democratic National Committee", "Organization"),
])
def test_a_legislatures_committee_is_a_body_of_the_state(sentence: str, name: str,
                                                           type_: str) -> None:
    found = {e.label: e.type for e in facts_of(sentence).entities}
    assert found.get(name) == type_
