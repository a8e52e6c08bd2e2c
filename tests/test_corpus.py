"""A JSON Lines corpus of a hundred-odd varied articles builds, validates and merges entities."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kg

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("corpus")
    path = folder / "corpus.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), "--articles", "120",
                    "--seed", "11", "-o", str(path)], check=True)
    store = str(folder / "store")
    events: list[str] = []
    report = kg.open(store).build([path], processes=2,
                       progress=lambda event, details: events.append(event))
    assert len(report.articles) == 120
    assert events.count("article") == 120 and events[0] == "start" and events[-1] == "done"
    return path, store


def test_one_named_graph_per_article(corpus: tuple[Path, str]) -> None:
    _, store = corpus
    from kg.stores import open_store

    with open_store(store, read_only=True) as opened:
        graphs = [g for g in opened.graphs() if "/graph/" in g
                  and not g.endswith(("/ontology", "/last-build"))]
    assert len(graphs) == 120


def test_entities_merge_across_articles(corpus: tuple[Path, str]) -> None:
    _, store = corpus
    answer = json.loads(kg.open(store).query(text="""
        PREFIX kgo: <https://kg.example.org/ontology#>
        SELECT ?entity (COUNT(DISTINCT ?article) AS ?articles) WHERE {
          ?mention kgo:denotes ?entity ; kgo:inArticle ?article . ?entity a kgo:Country .
        } GROUP BY ?entity ORDER BY DESC(?articles) LIMIT 1""", fmt="json"))
    top = answer["results"]["bindings"][0]
    assert int(top["articles"]["value"]) >= 5  # one node, mentioned by many articles


def test_the_corpus_validates(corpus: tuple[Path, str]) -> None:
    _, store = corpus
    report = kg.open(store).validate(engine="turbo")
    assert report.conforms, [r.message for r in report.violations()][:5]


def test_rebuilding_the_corpus_changes_nothing(corpus: tuple[Path, str]) -> None:
    path, store = corpus
    before = kg.open(store).stats()
    kg.open(store).build([path], processes=2)
    assert kg.open(store).stats() == before
