"""The words that make a name a place's where they stand, read once from data/lexicon: a
place's name words ("Mount", "River", "Road"), the side words of a place ("northern", "upstate"),
the nouns of an area, a feature or a settlement after a name ("province", "river", "village"),
and the prepositions a place follows ("near Grafton")."""

from __future__ import annotations

from functools import cache

from kg.lexicon import lexicon


@cache
def area_nouns() -> frozenset[str]:
    """Lower-case nouns of an area or a feature that follow a place's name and belong to it:
    "Paktika province", "the Tora Bora mountain", "Los Palos district"
    (``data/lexicon/area-nouns.txt`` and the feature nouns)."""
    return lexicon().words("area-nouns.txt") | FEATURE_NOUNS


@cache
def place_name_words(*kinds: str) -> frozenset[str]:
    """Words that make a name a place's where they stand (``data/lexicon/place-name-words.tsv``),
    of any of ``kinds``: "feature-first" ("Mount Kembla"), "feature-last" ("the Nazca Plate",
    "Belém Palace"), "facility-last" ("Queen Victoria Building", which may follow a title),
    "way-last" ("Appin Road", "King Street"), "way-last-surname" (a road's last word that is also
    a surname: "Collins Place"), "site-centre" ("Woomera Detention Centre") or "metro-first"
    ("Greater Perth")."""
    return frozenset(word for word, found in lexicon().classes("place-name-words.tsv").items()
                     if found in kinds)


# Every word that ends a place's name: a feature's, a building's or a road's.
PLACE_NAME_ENDS = ("feature-last", "facility-last", "way-last", "way-last-surname")


# Prepositions after which a name the model took for a person's is a place: "near Grafton".
PLACE_PREPOSITIONS = {"in", "at", "near", "from", "to", "around", "outside", "towards"}


@cache
def side_words(use: str) -> frozenset[str]:
    """The lower-case words of a side of a place or a kind of country that serve one ``use``
    (``data/lexicon/side-words.tsv``, which says what each use is): "before-a-place"
    ("northern Portugal"), "opens-a-part" ("Northern Virginia"), "before-a-region" ("Northwest
    Arkansas"), "part-of-a-state" ("upstate New York"), "bearing" ("south-west of Sydney") or
    "in-a-region" ("in rural Victoria")."""
    return frozenset(row["word"] for row in lexicon().table("side-words.tsv")
                     if use in row["uses"].split())


# Lower-case nouns that, after a name, make it a natural feature: "the Vlava river".
FEATURE_NOUNS = frozenset({"river", "lake", "desert", "valley", "peninsula", "mountain",
                           "mountains"})


# Lower-case nouns of a settlement that, after a name, make it a town: "at Kolna village",
# "the Harwood township", "riots in Kano city" ("town" is left out: "the Tampa town hall"
# names a hall).
SETTLEMENT_NOUNS = frozenset({"village", "township", "hamlet", "city"})
