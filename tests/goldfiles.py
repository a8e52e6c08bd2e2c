"""Shared checks of the real-news gold files (data/gold-real, data/gold-background, data/gold-pages).

``fetch_corpus`` is scripts/fetch_corpus.py loaded as a module: the tests fetch the corpora
through it (once; they are cached in .cache/corpora).

``annotation_problems`` lists what is wrong with annotations against the articles they annotate:
an unknown type, predicate or unit, a relation or event naming an undeclared entity, an alias or
a quoted snippet that the article does not hold, a malformed date, money without a currency.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

ENTITY_TYPES = {"Person", "Country", "State", "City", "Place", "GovernmentOrganization",
                "NewsOrganization", "Organization"}
PREDICATES = {"nationality", "jobTitle", "memberOf", "leaderOf", "partOf", "basedIn",
              "locatedIn", "parent", "child", "spouse", "sibling"}
UNITS = {"percent", "count", "money"}


@cache
def fetch_corpus() -> ModuleType:
    """scripts/fetch_corpus.py as a module (``fetch``, ``fetch_pages``, ``PAGES``, ``page_id``)."""
    spec = importlib.util.spec_from_file_location("fetch_corpus", ROOT / "scripts" / "fetch_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def annotation_problems(annotated: Iterable[tuple[dict[str, Any], Any]],
                        text_of: Callable[[Any], str], *,
                        labels_in_text: bool = True) -> list[str]:
    """Every problem of ``annotated`` (gold, article) pairs; ``text_of(article)`` is what the
    annotators read. With ``labels_in_text``, an entity other than a Country must also be
    written in the text by its label or an alias."""
    problems = []
    for gold, article in annotated:
        body = text_of(article)
        labels = {e["label"]: e["type"] for e in gold.get("entities") or []}
        for item in gold.get("entities") or []:
            if item["type"] not in ENTITY_TYPES:
                problems.append(f"{article.id}: type {item['type']}")
            forms = [item["label"], *(item.get("aliases") or [])]
            problems += [f"{article.id}: alias {a!r} not in text"
                         for a in item.get("aliases") or [] if a not in body]
            if labels_in_text and item["type"] != "Country" and not any(f in body for f in forms):
                problems.append(f"{article.id}: {item['label']!r} not in text")
        for subject, predicate, obj in gold.get("relations") or []:
            if predicate not in PREDICATES or subject not in labels or (
                    predicate != "jobTitle" and obj not in labels):
                problems.append(f"{article.id}: relation {subject} {predicate} {obj}")
        for event in gold.get("events") or []:
            if event["text"] not in body:
                problems.append(f"{article.id}: event text {event['text']!r}")
            unknown = [p for p in [*(event.get("participants") or []), event.get("place")]
                       if p and p not in labels]
            problems += [f"{article.id}: event participant {p!r}" for p in unknown]
            if "date" in event and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(event["date"])):
                problems.append(f"{article.id}: date {event['date']!r}")
        for figure in gold.get("statistics") or []:
            if figure["unit"] not in UNITS or figure["text"] not in body:
                problems.append(f"{article.id}: statistic {figure['text']!r}")
            if figure["unit"] == "money" and not figure.get("currency"):
                problems.append(f"{article.id}: money without currency")
    return problems


def f1_only(scores: dict[str, Any]) -> dict[str, float]:
    """The F1 of each kind of fact and nothing else: a floor test that fails prints its
    arguments, and a held-out split's misses must not reach the screen (only its totals may be
    looked at)."""
    return {name: score.f1 for name, score in scores.items()}
