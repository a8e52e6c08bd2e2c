"""How often real news names the same entities, measured on the real-news gold annotations.

Reads ``data/gold-real/annotations/*.yaml`` (50 ABC articles, hand-annotated) and writes
``bench/reuse.json``: numbers only, no text of the corpus and no entity names::

    python bench/reuse.py            # regenerate bench/reuse.json

What it records, which ``bench/facts.py`` uses to generate articles of the same shape:

- ``profiles``: each article's entity count by type (one list per article, in ``types`` order);
  an article drawn at random keeps the real mix (a story with eight places and no person).
- ``head``: the entities named in two articles or more, by rank: their type, the share of
  articles naming them (``share``, which the generator uses) and the fitted share
  ``top_share * rank ** -zipf_exponent`` (least squares of log share on log rank; the floor of
  two articles flattens it, so the generator keeps the measured shares and uses the exponent
  for the tail).
- ``tail``: the entities named once, by type, and ``heaps_exponent``: the distinct entities
  after n articles grow like ``n ** heaps_exponent`` (fitted on the mean over random orders of
  the articles), which is how the generator grows the tail with the corpus.
- ``relations``, ``events``, ``statistics``: how many per article, by predicate, type or unit.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
ANNOTATIONS = ROOT / "data" / "gold-real" / "annotations"
REUSE = BENCH / "reuse.json"
TYPES = (
    "Person", "Country", "State", "City", "Place",
    "GovernmentOrganization", "NewsOrganization", "Organization",
)
"""The entity types of the real-news annotations (see data/gold-real/README.md)."""


def _fit_power_law(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """``(a, b)`` of the least-squares line ``log y = log a + b log x``."""
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    slope = sum((x - mx) * (y - my) for x, y in zip(lx, ly, strict=True)) / sum(
        (x - mx) ** 2 for x in lx
    )
    return math.exp(my - slope * mx), slope


def measure(annotations: Path = ANNOTATIONS) -> dict[str, Any]:
    """The reuse shape of the annotated articles in ``annotations``."""
    import yaml

    articles = [yaml.safe_load(path.read_text(encoding="utf-8"))
                for path in sorted(annotations.glob("*.yaml"))]
    count = len(articles)
    named: list[set[tuple[str, str]]] = []
    profiles, relations, events, statistics = [], Counter(), Counter(), Counter()
    for article in articles:
        entities = {(e["label"], e["type"]) for e in article.get("entities") or []}
        named.append(entities)
        by_type = Counter(type_ for _, type_ in entities)
        profiles.append([by_type.get(type_, 0) for type_ in TYPES])
        relations.update(relation[1] for relation in article.get("relations") or [])
        events.update(event["type"] for event in article.get("events") or [])
        statistics.update(str(s.get("unit")) for s in article.get("statistics") or [])
    frequency = Counter(entity for entities in named for entity in entities)
    ranked = sorted(frequency.items(), key=lambda item: (-item[1], item[0]))
    head = [(entity, articles_naming) for entity, articles_naming in ranked if articles_naming > 1]
    shares = [articles_naming / count for _, articles_naming in head]
    top_share, slope = _fit_power_law(list(range(1, len(head) + 1)), shares)
    tail = Counter(entity[1] for entity, articles_naming in ranked if articles_naming == 1)

    # Distinct entities after n articles, averaged over random orders of the articles.
    shuffler, orders = random.Random(0), 200
    growth = [0.0] * count
    for _ in range(orders):
        order = list(range(count))
        shuffler.shuffle(order)
        seen: set[tuple[str, str]] = set()
        for n, index in enumerate(order):
            seen |= named[index]
            growth[n] += len(seen) / orders
    _, heaps = _fit_power_law(list(range(1, count + 1)), growth)

    def per_article(counter: Counter[str]) -> dict[str, float]:
        return {name: round(n / count, 4) for name, n in sorted(counter.items())}

    mentions = sum(frequency.values())
    return {
        "source": "data/gold-real/annotations: hand annotations of gensim's lee.cor (ABC news)",
        "articles": count,
        "types": list(TYPES),
        "profiles": profiles,
        "entities_per_article": round(mentions / count, 4),
        "distinct_entities": len(frequency),
        "top_share_observed": round(ranked[0][1] / count, 4),
        "top_share": round(top_share, 4),
        "zipf_exponent": round(-slope, 4),
        "head": [{"type": entity[1], "share": round(share, 4),
                  "fitted": round(top_share * rank ** slope, 4)}
                 for rank, ((entity, _), share) in enumerate(zip(head, shares, strict=True), 1)],
        "head_share_of_mentions": round(sum(n for _, n in head) / mentions, 4),
        "tail": dict(sorted(tail.items())),
        "heaps_exponent": round(heaps, 4),
        "relations": per_article(relations),
        "events": per_article(events),
        "statistics": per_article(statistics),
    }


def load(path: Path = REUSE) -> dict[str, Any]:
    """The shape recorded in ``bench/reuse.json``."""
    return json.loads(path.read_text(encoding="utf-8"))


def write(path: Path = REUSE) -> Path:
    """Measure the annotations again and write ``path``; the path."""
    text = json.dumps(measure(), indent=1)
    # A list of numbers or a flat record on one line keeps the file short and its diffs readable.
    text = re.sub(r"[\[{][^\[\]{}]*[\]}]", lambda m: re.sub(r"\s*\n\s*", " ", m[0]), text)
    json.loads(text)  # still JSON
    path.write_text(text + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write())
