"""A figure of what happens again and again (a rate: "each year", "annually") measures no one
event of the story, on invented sentences."""

from __future__ import annotations

import pytest

from extracting import facts_of


def _event_of(text: str, value: int) -> str | None:
    facts = facts_of(text)
    types = {e.key: e.type for e in facts.events}
    found = [s for s in facts.statistics if s.value == value]
    assert found, text
    return types.get(found[0].event or "")


@pytest.mark.parametrize(("text", "value"), [
    # a health desk, a wire's explainer, a trade paper
    ("About 2,000 people die from malaria in Ruritania each year.", 2000),
    ("Floods kill 300 people in Bangladesh every year, the agency says.", 300),
    ("Roughly 40 workers die annually in the mines of Zambia.", 40),
])
def test_a_rate_measures_no_event(text: str, value: int) -> None:
    assert _event_of(text, value) is None


@pytest.mark.parametrize(("text", "value", "event"), [
    # hostile: the same words told once, in the past or on a day
    ("About 2,000 people died from malaria in Ruritania last year.", 2000, "Death"),
    ("Floods killed 300 people in Bangladesh on Monday.", 300, "Disaster"),
    ("The floods kill 300 people in Bangladesh, officials say.", 300, "Disaster"),
])
def test_a_toll_told_once_measures_its_event(text: str, value: int, event: str) -> None:
    assert _event_of(text, value) == event
