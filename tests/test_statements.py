"""Statement and NoComment rules on invented sentences: which words tell one, and who takes part."""

from __future__ import annotations

import pytest
from tests.test_events import events_of, facts_of, roles_of


@pytest.mark.parametrize(("text", "roles"), [
    ("Peru has accused Chile of sheltering the smugglers.", {("agent", "Peru")}),
    ("Norway praised Iceland for its handling of the fishing dispute.", {("agent", "Norway")}),
    ("Senator Maria Lopez says the Finnish man left Brazil in May.", {("agent", "Maria Lopez")}),
])
def test_a_statement_takes_only_its_speaker(text: str, roles: set[tuple[str, str]]) -> None:
    facts = facts_of(text)
    statements = events_of(facts, "Statement")
    assert [roles_of(facts, e) for e in statements] == [roles]


def test_words_told_to_an_outlet_keep_the_outlet() -> None:
    facts = facts_of("Senator Maria Lopez told Reuters the talks with Peru had failed.")
    interviews = events_of(facts, "Interview")
    assert [roles_of(facts, e) for e in interviews] == [
        {("agent", "Maria Lopez"), ("participant", "Reuters")}]
