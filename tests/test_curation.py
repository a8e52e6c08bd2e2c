"""The review loop: kg review writes facts, a person decides, kg build --curation applies."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.errors import InputError

ARTICLE = """---
id: port-strike
title: Dockers strike in Rotterdam
published: 2025-06-06
---
Dutch union FNV said on Thursday that 3,000 dock workers walked out in Rotterdam.
Union leader Marta Jansen, a former crane operator, told Reuters the strike would last a week.
"""


@pytest.fixture()
def built(tmp_path: Path) -> tuple[str, Path]:
    article = tmp_path / "port-strike.md"
    article.write_text(ARTICLE, encoding="utf-8")
    store = str(tmp_path / "store")
    kg.open(store).build([article])
    return store, article


def _rows(store: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(kg.open(store).review())))


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_review_lists_facts_with_sentence_rule_and_confidence(built: tuple[str, Path]) -> None:
    store, _ = built
    rows = _rows(store)
    kinds = {row["kind"] for row in rows}
    assert {"entity", "event", "statistic"} <= kinds
    reuters = next(r for r in rows if r["fact"] == "entity:reuters")
    assert reuters["type"] == "NewsOrganization"
    assert "told Reuters" in reuters["sentence"]
    figure = next(r for r in rows if r["kind"] == "statistic")
    assert figure["rule"] and figure["confidence"]


def test_curation_rejects_retypes_relabels_and_merges(built: tuple[str, Path],
                                                       tmp_path: Path) -> None:
    store, article = built
    rows = _rows(store)
    for row in rows:
        if row["fact"] == "entity:reuters":
            row["decision"] = "reject"
        if row["kind"] == "statistic":
            row["decision"] = "reject"
        if row["fact"] == "entity:rotterdam":
            row["decision"], row["correction"] = "label", "Port of Rotterdam"
        if row["fact"] == "entity:marta-jansen":
            row["decision"], row["correction"] = "type", "Person"
    curation = _write(tmp_path / "review.csv", rows)
    kg.open(store).build([article], curation=curation)
    labels = json.loads(kg.open(store).query(
        text="PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
             "SELECT ?l WHERE { ?e rdfs:label ?l } ORDER BY ?l", fmt="json"))
    values = {b["l"]["value"] for b in labels["results"]["bindings"]}
    assert "Reuters" not in values
    assert "Port of Rotterdam" in values
    assert kg.open(store).stats()["statistics"] == {}


def test_merge_two_entities(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\nid: a\npublished: 2025-01-02\n---\nMaria Lopez met reporters in "
                       "Madrid on Monday. Later, Marie Lopes said the talks had failed.\n",
                       encoding="utf-8")
    store = str(tmp_path / "store")
    kg.open(store).build([article])
    rows = _rows(store)
    for row in rows:
        if row["fact"] == "entity:marie-lopes":
            row["decision"], row["correction"] = "merge", "https://kg.example.org/id/maria-lopez"
    kg.open(store).build([article], curation=_write(tmp_path / "c.csv", rows))
    after = {r["fact"] for r in _rows(store) if r["kind"] == "entity"}
    assert "entity:maria-lopez" in after and "entity:marie-lopes" not in after
    events = json.loads(kg.open(store).query("events-of-person", fmt="json",
                                  params={"person": "Maria Lopez"}))
    assert len(events["results"]["bindings"]) == 2  # the meeting and the statement


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("fact,decision\nentity:x,maybe\n", "line 2: unknown decision 'maybe'"),
        ("fact,decision,correction\nentity:x,type,\n", "needs a correction"),
        ("fact,decision,correction\nentity:x,type,Dragon\n", "unknown class 'Dragon'"),
        ("name,value\n", "not a kg review file"),
    ],
)
def test_bad_curation_files(tmp_path: Path, content: str, message: str) -> None:
    from kg.curation import load_curation

    path = tmp_path / "c.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_curation(path)


def test_review_and_remove_commands(built: tuple[str, Path], tmp_path: Path) -> None:
    store, _ = built
    runner = CliRunner()
    result = runner.invoke(main, ["review", "--store", store, "-o", str(tmp_path / "r.csv")])
    assert result.exit_code == 0 and (tmp_path / "r.csv").read_text().startswith("fact,kind")
    result = runner.invoke(main, ["remove", "port-strik", "--store", store])
    assert result.exit_code == 2 and "did you mean 'port-strike'" in result.stderr
    result = runner.invoke(main, ["remove", "port-strike", "--store", store])
    assert result.exit_code == 0
    assert kg.open(store).stats()["articles"] == 0
