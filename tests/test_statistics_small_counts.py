"""Small numbers written as words that count "others" in a toll, on invented sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extracting import facts_of


def _values(text: str) -> list[Decimal]:
    return [s.value for s in facts_of(text).statistics]


@pytest.mark.parametrize(("text", "value"), [
    # a wire's toll, a local paper's, a war desk's
    ("Five people were killed and seven others injured when a gas cylinder exploded at a "
     "market in Lagos.", 7),
    ("Three soldiers died and six others were wounded in the ambush near Gao.", 6),
    ("Two miners are dead and four others remain missing after the collapse.", 4),
])
def test_others_counted_in_a_toll_are_a_figure(text: str, value: int) -> None:
    assert Decimal(value) in _values(text)


@pytest.mark.parametrize("text", [
    # hostile: the same "others" in clauses that tell no toll
    "She and two others founded the firm in Lagos in 2004.",
    "Two others were named to the board of the Gao mine on Monday.",
    "Four others remain on the shortlist after the interviews.",
])
def test_others_counted_outside_a_toll_are_no_figure(text: str) -> None:
    assert _values(text) == []
