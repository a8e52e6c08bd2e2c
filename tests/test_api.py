"""The Python API alone: hand-made facts stored, then counted, queried, exported, validated and
removed through ``kg.api``; no spaCy."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Dataset

from handmade import FACTS
from kg import InputError, QueryError, api


@pytest.fixture()
def store(tmp_path: Path) -> str:
    location = str(tmp_path / "store")
    second = replace(FACTS, article=replace(FACTS.article, id="wire/2"),
                     events=(), statistics=(), relations=(), attributes=())
    report = api.store_facts([FACTS, second], store=location)
    assert [(a.id, a.entities, a.events, a.statistics, a.quarantined) for a in report.articles] == [
        ("wire/1", 2, 1, 2, 0), ("wire/2", 2, 0, 0, 0)]
    return location


def test_stats_count_what_was_stored_once(store: str) -> None:
    counts = api.stats(store=store)
    assert counts["articles"] == 2
    assert counts["entities"] == {"Person": 1, "City": 1}  # two articles, one node each
    assert counts["events"] == {"Defection": 1}
    assert counts["statistics"] == {"percent": 1, "count": 1}
    assert counts["quarantined"] == 0


def test_query_text_returns_the_chosen_w3c_format(store: str) -> None:
    sparql = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
              "SELECT ?label WHERE { ?e a <https://kg.example.org/ontology#Person> ; rdfs:label ?label }")
    answer = json.loads(api.query(text=sparql, store=store, fmt="json"))
    assert [b["label"]["value"] for b in answer["results"]["bindings"]] == ["Ri Il Kyu"]
    # csv and tsv come as bytes today, json and xml as str (issue 13.6 makes them one type)
    assert api.query(text=sparql, store=store, fmt="csv").splitlines() == [b"label", b"Ri Il Kyu"]


def test_a_saved_query_runs_by_name(store: str) -> None:
    answer = json.loads(api.query("defections", store=store, fmt="json"))
    (row,) = answer["results"]["bindings"]
    assert row["defector"]["value"] == "Ri Il Kyu" and row["destination"]["value"] == "Seoul"


def test_updates_and_service_are_refused(store: str) -> None:
    with pytest.raises(QueryError, match="read-only"):
        api.query(text="INSERT DATA { <a:b> <a:c> <a:d> }", store=store)
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        api.query(text="SELECT * WHERE { SERVICE <http://x.example/> { ?s ?p ?o } }", store=store)


def test_export_is_the_whole_dataset(store: str) -> None:
    dataset = Dataset()
    dataset.parse(data=api.export(store=store, fmt="nquads"), format="nquads")
    graphs = {str(g.identifier) for g in dataset.graphs()}
    assert {"https://kg.example.org/graph/wire%2F1", "https://kg.example.org/graph/wire%2F2",
            "https://kg.example.org/entities"} <= graphs


def test_the_stored_facts_conform(store: str) -> None:
    result = api.validate_store(store, everything=True)
    assert result.conforms, result


def test_remove_drops_an_article_and_what_only_it_said(store: str) -> None:
    assert api.remove(["wire/1"], store=store) == ["wire/1"]
    counts = api.stats(store=store)
    assert (counts["articles"], counts["events"], counts["entities"]) == (1, {}, {"Person": 1, "City": 1})
    with pytest.raises(InputError, match="no article 'wire/3' in the store"):
        api.remove(["wire/3"], store=store)


def test_review_lists_each_fact_with_its_rule(store: str) -> None:
    rows = api.review(store=store).splitlines()
    assert rows[0] == ("fact,kind,article,subject,predicate,object,type,confidence,rule,sentence,"
                       "decision,correction")
    assert any("hand-made" in row and "locatedIn" in row for row in rows[1:])
