"""kg's word lists are data (data/lexicon/): each file opens with what class of text it serves,
holds each entry once, and is read by the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import bearings, names, namesakes, place_clues
from kg.extract.entities import compass
from kg.extract.events import lexicon as event_lexicon
from kg.extract.relations import clauses, containment, geography, title_words

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "data" / "lexicon"
WORD_LISTS = sorted(path.name for path in LEXICON.glob("*.txt"))


@pytest.mark.parametrize("name", WORD_LISTS)
def test_each_word_list_opens_with_what_it_serves(name: str) -> None:
    lines = (LEXICON / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# "), "the file's first line says what class of text it serves"
    entries = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert entries, "a list with no entries"
    assert len(entries) == len(set(entries)), "an entry is written twice"


def test_each_lexicon_file_is_read_by_the_code() -> None:
    code = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "src" / "kg").rglob("*.py"))
    unread = [path.name for path in sorted(LEXICON.iterdir()) if path.name not in code]
    assert not unread, f"no module of kg reads {unread}"


# Lists moved out of the code, and how the code compares a word with them: "lower" (a token's
# lower-case form or lemma, so an entry with a capital would never match) or "title" (a token's
# text as written, capitalised).
COMPARED = {
    "listener-pronouns.txt": "lower",
    "compass-words.txt": "title",
    "side-words.tsv": "lower",
    "place-part-nouns.txt": "lower",
    "town-district-nouns.txt": "lower",
    "water-words.txt": "title",
    "movement-nouns.tsv": "lower",
    "title-modifiers.txt": "lower",
    "title-past-modifiers.txt": "lower",
    "title-junior-modifiers.txt": "lower",
    "title-levels.txt": "lower",
    "title-stance-prefixes.txt": "lower",
    "name-lower-words.txt": "lower",
    "title-openers.txt": "lower",
}


@pytest.mark.parametrize("name", sorted(COMPARED))
def test_each_list_is_written_as_the_code_compares_it(name: str) -> None:
    entries = [line.split("\t")[0] for line in (LEXICON / name).read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")]
    if name.endswith(".tsv"):
        entries = entries[1:]  # the header
    if COMPARED[name] == "lower":
        assert all(entry == entry.lower() for entry in entries), "compared lower case"
    else:
        assert all(entry[:1].isupper() for entry in entries), "compared as written, capitalised"


def test_the_moved_lists_hold_what_the_code_held() -> None:
    assert event_lexicon._LISTENERS == {"me", "us", "you", "him", "her", "them"}
    assert compass.COMPASS_WORDS == {"North", "South"}
    assert {"northern", "north-west", "outback", "remote"} <= geography._SIDES
    assert len(geography._SIDES) == 26
    assert "northeast" not in geography._SIDES
    assert namesakes._STATE_PART_WORDS == {"upstate", "downstate"}
    assert namesakes._STATE_SIDES == {"North", "South", "East", "West", "Northern", "Southern",
                                      "Eastern", "Western", "Central", "Northeast", "Northwest",
                                      "Southeast", "Southwest"}
    assert containment._PART_OF_STATE_WORDS == namesakes._STATE_SIDES | {
        "Northeastern", "Northwestern", "Southeastern", "Southwestern", "North-East",
        "North-West", "South-East", "South-West", "Upstate", "Downstate", "upstate", "downstate",
        "Upper", "Lower"}
    assert bearings._POINTS == {"north", "south", "east", "west", "northeast", "northwest",
                                "southeast", "southwest", "north-east", "north-west",
                                "south-east", "south-west"}
    assert bearings._PART_WORDS == {"the", "north", "south", "east", "west", "northern",
                                    "southern", "eastern", "western", "central", "far", "-",
                                    "outback", "rural", "regional"}
    assert {"city", "governorate", "island"} <= geography._PART_NOUNS
    assert len(geography._PART_NOUNS) == 18
    assert geography._TOWN_PARTS == {"suburb", "district", "township", "neighbourhood",
                                     "neighborhood"}
    assert geography._TOWN_PARTS <= geography._PART_NOUNS
    assert geography.WATER_WORDS == {"Ocean", "Sea", "Gulf", "Bay", "Strait", "Straits",
                                     "Channel", "Basin"}
    assert len(clauses._MOVEMENT_NOUNS) == 10
    assert clauses._MOVEMENT_NOUNS - clauses._LED_MOVEMENT_NOUNS == {"party", "coalition",
                                                                     "alliance"}
    assert len(title_words.TITLE_MODIFIERS) == 19
    assert title_words.PAST_MODIFIERS <= title_words.TITLE_MODIFIERS
    assert len(title_words.PAST_MODIFIERS) == 8
    assert title_words.JUNIOR_MODIFIERS == {"deputy", "vice", "junior", "assistant", "associate"}
    assert title_words.TITLE_LEVELS == {"federal"}
    assert title_words._STANCE_PREFIXES == {"anti", "pro", "non"}
    assert {"of", "the", "bin", "della", "y"} <= names.LOWER_NAME_WORDS
    assert len(names.LOWER_NAME_WORDS) == 29
    assert place_clues._TITLE_OPENERS == {"the", "a", "an", "their", "its", "his", "her", "our", "my",
                                     "your"}
