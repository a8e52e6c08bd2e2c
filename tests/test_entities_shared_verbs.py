"""Names around a verb formed with "co-" (kg.extract.entities.shared_verb_names): the model,
which never saw "co-founded" as one word, runs a name over it or misreads its object."""

from __future__ import annotations

import pytest

from extracting import facts_of
from kg.model import Facts


def typed(facts: Facts) -> dict[str, str]:
    """Each named entity's label and its class."""
    return {entity.label: entity.type for entity in facts.entities if not entity.local}


@pytest.mark.parametrize(("text", "person", "body"), [
    ("Ann Lee co-founded Acme Labs in 1999.", "Ann Lee", "Acme Labs"),
    ("Tomas Berg co-founded Larkspur Analytics in 2011.", "Tomas Berg", "Larkspur Analytics"),
    ("Sara Holm co-founded Nordvik Partners, a consulting firm.", "Sara Holm",
     "Nordvik Partners"),
])
def test_a_cofounded_name_is_a_body_and_its_founder_a_person(
        text: str, person: str, body: str) -> None:
    found = typed(facts_of(text))
    assert found.get(person) == "Person", found
    assert body in found and found[body] != "Person", found


@pytest.mark.parametrize(("text", "person"), [
    # another verb formed with "co-": its object keeps the model's reading
    ("Rita Vance co-hosted the gala with Dev Mehta on Friday.", "Dev Mehta"),
    ("Maria Lund co-wrote the report with Omar Haddad.", "Omar Haddad"),
    ("The chair thanked Lena Ortiz, who co-authored the study.", "Lena Ortiz"),
])
def test_other_shared_verbs_leave_the_people_they_name(text: str, person: str) -> None:
    found = typed(facts_of(text))
    assert found.get(person) == "Person", found
