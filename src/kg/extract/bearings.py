"""Where the words around a name put a place from another or inside a region: a bearing
("south-west of Sydney", "20 kilometres north of Dubbo"), a coast ("on the south coast of New
South Wales"), a part of a region ("in northern New South Wales", "in Victoria's north-east")."""

from __future__ import annotations

from typing import Any

from kg.extract.context import with_period
from kg.extract.place_words import side_words
from kg.gazetteer import Place

# The points of the compass that say where a town lies from another: "south-west of Sydney".
_POINTS = side_words("bearing")


def after_a_bearing(doc: Any, index: int) -> bool:
    """Whether token ``index`` follows a bearing: "south of Goulburn", "100 kilometres
    north-west of Alice Springs", "Boonah, south-west of Brisbane". What follows is a place, and
    one small enough to measure from (a town), unless the bearing is a part of something
    ("the south of France", "Ontario's north of the lake")."""
    if index < 2 or doc[index - 1].lower_ != "of":
        return False
    at = index - 2
    if doc[at].lower_ in ("east", "west") and at >= 2 and doc[at - 1].text == "-" and \
            doc[at - 2].lower_ in ("north", "south"):
        at -= 2  # "south-west", split at its hyphen
    if doc[at].lower_ not in _POINTS or not doc[at].is_lower:
        return False
    before = doc[at - 1] if at > 0 else None
    return before is None or not (before.lower_ in ("the", "a", "its", "their", "'s", "\u2019s")
                                  or before.tag_ == "PRP$")


def bearing_after(doc: Any, index: int) -> int | None:
    """Where the named place begins when a bearing from it follows token ``index``: ",
    south-west of Sydney", " 20 kilometres north of Dubbo"; None when none follows."""
    if index < len(doc) and doc[index].text == ",":
        index += 1
    if index + 1 < len(doc) and doc[index].like_num and doc[index + 1].lower_ in _DISTANCE_UNITS:
        index += 2
    if index >= len(doc) or doc[index].lower_ not in _POINTS or not doc[index].is_lower:
        return None
    for end in range(index + 2, min(index + 5, len(doc))):
        if doc[end - 1].lower_ == "of" and after_a_bearing(doc, end) and doc[end].is_title:
            return end
    return None


_DISTANCE_UNITS = {"kilometres", "kilometers", "km", "kms", "miles", "metres", "meters"}


def coast_of(doc: Any, index: int) -> int | None:
    """Where the place begins in "on the (south) coast of <place>" from token ``index`` on; None
    when no coast of a place is written there."""
    if index >= len(doc) or doc[index].lower_ != "on":
        return None
    index += 1
    while index < len(doc) and (doc[index].lower_ == "the" or doc[index].text == "-" or
                                doc[index].is_lower and doc[index].lower_ in _PART_WORDS):
        index += 1
    if index + 1 < len(doc) and doc[index].lower_ in ("coast", "coastline", "shore") and \
            doc[index + 1].lower_ == "of":
        return index + 2
    return None


# Words between "in" and a region that say which part of it: "in north-west New South Wales".
_PART_WORDS = {"the", "-"} | side_words("in-a-region")


def in_part_of_a_region(span: Any, gazetteer: Any) -> bool:
    """Whether a part of a region or city follows a name: "Tarrawong in Victoria's north-east",
    "Kelmore in northern New South Wales", "Tarrawong, in the state's north". Said of a name
    the model took for a place's, it makes a town of it."""
    doc = span.doc
    index = span.end + 1 if span.end < len(doc) and doc[span.end].text == "," else span.end
    if index + 2 >= len(doc) or doc[index].lower_ != "in":
        return False
    index += 1
    if doc[index].lower_ in _PART_WORDS - {"the", "-"} and doc[index].is_lower:
        return region_named_from(index, doc, gazetteer)
    if doc[index].lower_ == "the" and doc[index + 1].lower_ in ("state", "territory", "province"):
        index += 1  # "in the state's north"
    elif gazetteer.region_after_town(doc[index].text) is None and not _big_city(
            gazetteer.lookup(doc[index].text)):
        return False  # "in Victoria's north-east", "in Adelaide's eastern suburbs"
    return index + 2 < len(doc) and doc[index + 1].text in ("'s", "\u2019s") and \
        doc[index + 2].lower_ in _PART_WORDS - {"the", "-"}


def _big_city(place: Any) -> bool:
    return isinstance(place, Place) and place.type == "City" and not place.minor


def region_named_from(index: int, doc: Any, gazetteer: Any) -> bool:
    """Whether a first-level region is named from token ``index`` on, past words for a part."""
    while index < len(doc) and doc[index].lower_ in _PART_WORDS and doc[index].is_lower or \
            index < len(doc) and doc[index].text == "-":
        index += 1
    if index >= len(doc):
        return False
    regions = [gazetteer.region_after_town(doc[index:end].text) for end in (index + 3, index + 2)
               if end <= len(doc)]
    return any(regions) or gazetteer.region_after_town(with_period(doc[index])) is not None
