"""A transcript's speaker tag in capitals ("RAE DUNMORE:") is the person the text names in mixed
case (kg.resolve, people compared without case); on invented transcripts, with tags that must
stay another person."""

from __future__ import annotations

import pytest

from extracting import facts_of
from kg.model import Facts


def people(facts: Facts) -> dict[str, tuple[str, ...]]:
    """Each person's label and aliases."""
    return {e.label: tuple(e.aliases) for e in facts.entities if e.type == "Person"}


@pytest.mark.parametrize(("text", "tag"), [
    ("Tonight the sprinter Aaron Pike talks about the new track.\nAARON PIKE: It opens in May.",
     "AARON PIKE"),
    ("Champion Rae Dunmore says the levy is unfair.\nRAE DUNMORE: The clubs will fold.", "RAE DUNMORE"),
    ("The coach, Tom Reid Walsh, met the board.\nTOM WALSH: We need the money.", "TOM WALSH"),
])
def test_a_speaker_tag_in_capitals_is_the_person_named_in_mixed_case(text: str, tag: str) -> None:
    found = people(facts_of(text))
    assert len(found) == 1, found
    assert tag in next(iter(found.values())), found


@pytest.mark.parametrize(("text", "other"), [
    # another given name before the same surname: another speaker
    ("Champion Rae Dunmore says the levy is unfair.\nJOEL DUNMORE: My sister is right.",
     "JOEL DUNMORE"),
    ("Tonight the sprinter Aaron Pike talks about the new track.\nJANE DOYLE: Who paid for it?",
     "JANE DOYLE"),
])
def test_a_speaker_tag_of_another_name_stays_another_person(text: str, other: str) -> None:
    found = people(facts_of(text))
    assert not any(other in aliases for aliases in found.values()), found
