"""Whom a figure is about, on invented sentences: the subject past a description in two parts,
a list of subjects none of whose the figure is."""

from __future__ import annotations

import pytest

from extracting import facts_of, labels
from kg.extract.statistics.syntax import is_joint, subject_of
from kg.nlp import parse


def _about(text: str, value: int) -> str | None:
    facts = facts_of(text)
    names = labels(facts)
    found = [s for s in facts.statistics if s.value == value]
    assert found, text
    return names.get(found[0].about) if found[0].about else None


@pytest.mark.parametrize(("text", "value", "about"), [
    # a subject described in two parts, the parts joined by "and" (a politics desk, a wire)
    ("Nevada, a swing state and a Republican stronghold in 2004, is likely to lose 2 seats in "
     "the House.", 2, "Nevada"),
    ("Kestrel Airways, the oldest carrier and the largest employer in Fiji, cut 300 jobs on "
     "Monday.", 300, "Kestrel Airways"),
])
def test_a_subject_described_in_two_parts_owns_its_figure(text: str, value: int,
                                                         about: str) -> None:
    assert _about(text, value) == about


@pytest.mark.parametrize(("text", "value"), [
    # hostile: the same words as a list of names, whose figure is none of theirs
    ("Nevada, Utah and Idaho are likely to lose 2 seats each.", 2),
    ("Kestrel Airways, Orbis Air and Fiji Link cut 300 jobs on Monday.", 300),
])
def test_a_list_of_subjects_owns_no_figure(text: str, value: int) -> None:
    assert _about(text, value) is None


@pytest.mark.parametrize(("text", "verb", "joint"), [
    ("Nevada, a swing state and a Republican stronghold, will lose 2 seats.", "lose", False),
    ("Nevada, Utah and Idaho will lose 2 seats.", "lose", True),
])
def test_a_description_in_two_parts_is_no_list(text: str, verb: str, joint: bool) -> None:
    subject = subject_of(next(t for t in parse(text) if t.lower_ == verb))
    assert subject is not None and is_joint(subject) is joint
