"""The Python API alone: hand-made facts stored through ``kg.open``, then counted, queried,
exported, validated, drawn and removed through the one object; no spaCy."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from rdflib import Dataset

import kg
from handmade import FACTS
from kg import InputError, QueryError, StoreError

SECOND = replace(FACTS, article=replace(FACTS.article, id="wire/2"),
                 events=(), statistics=(), relations=(), attributes=())
PEOPLE = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
          "SELECT ?label WHERE { ?e a <https://kg.example.org/ontology#Person> ; rdfs:label ?label }")


@pytest.fixture(params=["directory", ":memory:"])
def graph(request: pytest.FixtureRequest, tmp_path: Path) -> kg.KnowledgeGraph:
    """Two stored articles, on disk or in a store that lives as long as the object."""
    opened = kg.open(str(tmp_path / "store") if request.param == "directory" else ":memory:")
    report = opened.store_facts([FACTS, SECOND])
    assert [(a.id, a.entities, a.events, a.statistics, a.quarantined) for a in report.articles] == [
        ("wire/1", 2, 1, 2, 0), ("wire/2", 2, 0, 0, 0)]
    return opened


def test_the_object_is_the_public_api() -> None:
    assert {"open", "KnowledgeGraph"} <= set(kg.__all__)
    assert repr(kg.open(":memory:")) == "<kg.KnowledgeGraph ':memory:'>"


def test_stats_count_what_was_stored_once(graph: kg.KnowledgeGraph) -> None:
    counts = graph.stats()
    assert counts["articles"] == 2
    assert counts["entities"] == {"Person": 1, "City": 1}  # two articles, one node each
    assert counts["events"] == {"Defection": 1}
    assert counts["statistics"] == {"percent": 1, "count": 1}
    assert counts["quarantined"] == 0


def test_every_w3c_format_is_text(graph: kg.KnowledgeGraph) -> None:
    answer = json.loads(graph.query(text=PEOPLE, fmt="json"))
    assert [b["label"]["value"] for b in answer["results"]["bindings"]] == ["Ri Il Kyu"]
    assert graph.query(text=PEOPLE, fmt="csv").splitlines() == ["label", "Ri Il Kyu"]
    assert graph.query(text=PEOPLE, fmt="tsv").splitlines() == ["?label", '"Ri Il Kyu"']
    assert "<literal>Ri Il Kyu</literal>" in graph.query(text=PEOPLE, fmt="xml")


def test_rows_are_python_values(graph: kg.KnowledgeGraph) -> None:
    assert graph.rows(text=PEOPLE) == [{"label": "Ri Il Kyu"}]
    (row,) = graph.rows("defections")
    assert (row["defector"], row["destination"]) == ("Ri Il Kyu", "Seoul")  # no origin: left out
    assert "origin" not in row
    assert row["event"].startswith("https://kg.example.org/article/") and row["date"] == "2023"
    (figure,) = graph.rows(text="""PREFIX kgo: <https://kg.example.org/ontology#>
        SELECT ?value ?unbound WHERE { ?s kgo:unit "count" ; kgo:value ?value }""")
    assert figure == {"value": 120}  # an integer, and the unbound variable left out
    assert graph.rows(text='SELECT ?d WHERE { BIND("2023-05-01"^^<http://www.w3.org/2001/'
                           'XMLSchema#date> AS ?d) }') == [{"d": date(2023, 5, 1)}]
    with pytest.raises(QueryError, match="rows come from a SELECT query"):
        graph.rows(text="ASK { ?s ?p ?o }")


def test_a_saved_query_runs_by_name(graph: kg.KnowledgeGraph) -> None:
    answer = json.loads(graph.query("defections", fmt="json"))
    (row,) = answer["results"]["bindings"]
    assert row["defector"]["value"] == "Ri Il Kyu" and row["destination"]["value"] == "Seoul"


def test_updates_and_service_are_refused(graph: kg.KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="read-only"):
        graph.query(text="INSERT DATA { <a:b> <a:c> <a:d> }")
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        graph.rows(text="SELECT * WHERE { SERVICE <http://x.example/> { ?s ?p ?o } }")


def test_export_is_the_whole_dataset(graph: kg.KnowledgeGraph) -> None:
    dataset = Dataset()
    dataset.parse(data=graph.export("nquads"), format="nquads")
    graphs = {str(g.identifier) for g in dataset.graphs()}
    assert {"https://kg.example.org/graph/wire%2F1", "https://kg.example.org/graph/wire%2F2",
            "https://kg.example.org/entities"} <= graphs


def test_the_stored_facts_conform(graph: kg.KnowledgeGraph) -> None:
    result = graph.validate(everything=True)
    assert result.conforms, result


def test_remove_drops_an_article_and_what_only_it_said(graph: kg.KnowledgeGraph) -> None:
    assert graph.remove(["wire/1"]) == ["wire/1"]
    counts = graph.stats()
    assert (counts["articles"], counts["events"], counts["entities"]) == (1, {}, {"Person": 1, "City": 1})
    with pytest.raises(InputError, match="no article 'wire/3' in the store"):
        graph.remove(["wire/3"])


def test_review_lists_each_fact_with_its_rule(graph: kg.KnowledgeGraph) -> None:
    rows = graph.review().splitlines()
    assert rows[0] == ("fact,kind,article,subject,predicate,object,type,confidence,rule,sentence,"
                       "decision,correction")
    assert any("hand-made" in row and "locatedIn" in row for row in rows[1:])


def test_the_view_and_the_drawing_come_from_the_same_store(graph: kg.KnowledgeGraph) -> None:
    view = graph.view()
    assert view.label(view.find("Ri Il Kyu")) == "Ri Il Kyu"
    drawing = graph.draw("html", focus="Ri Il Kyu")
    assert drawing.nodes <= drawing.of == view.graph.number_of_nodes()
    page = drawing.data.decode("utf-8")
    assert "Ri Il Kyu fled to Seoul in 2023." in page  # the sentences, read from this store


def test_a_drawing_takes_its_format_from_a_file_name(graph: kg.KnowledgeGraph) -> None:
    assert graph.draw("neighbours.svg", focus="Ri Il Kyu").data.startswith(b"<?xml")
    with pytest.raises(InputError, match="cannot draw 'graph.txt'"):
        graph.draw("graph.txt")
    with pytest.raises(InputError, match="cannot draw 'events.html'"):
        graph.timeline("events.html")


def test_the_validation_report_reads_as_text(graph: kg.KnowledgeGraph) -> None:
    report = graph.validate(everything=True)
    assert kg.api.report_summary(report) == "Conforms: 0 violations"
    assert kg.api.report_text(report).startswith("Conforms: 0 violations")
    assert json.loads(kg.api.report_text(report, "json"))["conforms"] is True


def test_the_saved_queries_are_listed_with_their_parameters() -> None:
    queries = {info.name: info for info in kg.api.saved_queries()}
    assert "defections" in queries
    assert [p.name for p in queries["events-of-person"].params] == ["person"]


def test_a_memory_store_lives_as_long_as_its_object() -> None:
    with kg.open(":memory:") as first:
        first.store_facts([FACTS])
        assert first.stats()["articles"] == 1
        assert kg.open(":memory:").stats()["articles"] == 0  # another object, another store


def test_a_missing_store_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at '.*nowhere': run 'kg build' first"):
        kg.open(str(tmp_path / "nowhere")).stats()
