"""Helpers for the extraction tests: a sentence through nlp, extract and resolve, and what came out."""

from __future__ import annotations

from datetime import date

from kg.extract import extract
from kg.model import Article, Facts
from kg.nlp import parse
from kg.resolve import resolve


def facts_of(text: str, published: date | None = date(2025, 3, 14)) -> Facts:
    article = Article(id="test", text=text, published=published)
    return resolve(extract(article, parse(text)))


def labels(facts: Facts) -> dict[str, str]:
    return {e.key: e.label for e in facts.entities}


def relations(facts: Facts) -> set[tuple[str, str, str]]:
    names = labels(facts)
    found = {(names[r.subject], r.predicate, names[r.object]) for r in facts.relations}
    found |= {(names[a.subject], a.predicate, a.value) for a in facts.attributes}
    return found


def entity(facts: Facts, label: str):  # type: ignore[no-untyped-def]
    matches = [e for e in facts.entities if e.label == label]
    assert matches, f"{label!r} not among {sorted(labels(facts).values())}"
    return matches[0]
