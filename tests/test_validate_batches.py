"""``kg validate`` in batches: the store checked a few article graphs at a time gives the report
one graph of the whole store gives, in memory that goes with the batch; no spaCy."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pyoxigraph
import pytest
from rdflib import RDF, Graph
from rdflib.compare import isomorphic

import kg
from handmade import FACTS
from kg import validate as validation
from kg.rdf import ENTITY_GRAPH, KGO, LAST_BUILD_GRAPH, ONTOLOGY_GRAPH
from kg.validation_report import render
from kg.vocab import BASE

ARTICLES = 5
ID = BASE + "id/"


def _whole(opened: Any) -> Graph:
    """Every article graph and the entity graph in one rdflib graph: what validate once took."""
    rows = opened.query(f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER((STRSTARTS(STR(?g), "{BASE}graph/") && ?g != <{ONTOLOGY_GRAPH}>
                && ?g != <{LAST_BUILD_GRAPH}>) || ?g = <{ENTITY_GRAPH}>) }}""")
    graph = Graph()
    graph.parse(data=pyoxigraph.serialize(rows, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")
    return graph


@pytest.fixture
def store() -> Any:
    """Five articles naming the same two entities, stored unvalidated, then broken three ways:
    one article's sentence (an article-level violation), an entity every article names (found
    by every batch), and an entity no article names (found by none of the article batches)."""
    graph = kg.open(":memory:")
    articles = [replace(FACTS, article=replace(FACTS.article, id=f"wire/{n}"))
                for n in range(1, ARTICLES + 1)]
    graph.store_facts(articles, validate=False)
    with graph._open() as opened:
        opened.update(f"""INSERT DATA {{
            GRAPH <{BASE}graph/wire%2F3> {{
                <{BASE}article/wire%2F3#sentence-0> <{KGO.sentenceIndex}> "first" }}
            GRAPH <{ENTITY_GRAPH}> {{
                <{ID}ri-il-kyu> <{KGO.memberOf}> <{ID}seoul> .
                <{ID}nobody> a <{KGO.Person}> ; <http://www.w3.org/2000/01/rdf-schema#label>
                    "Nobody" }} }}""")
    yield graph
    graph.close()


def test_the_batched_report_is_the_one_graph_report(store: kg.KnowledgeGraph, monkeypatch) -> None:
    with store._open() as opened:
        whole = validation.validate(_whole(opened), engine=validation.default_engine())
    checked: list[Graph] = []
    engine_check = validation._check

    def counting(data: Graph, *arguments: Any) -> Any:
        checked.append(data)
        return engine_check(data, *arguments)

    monkeypatch.setattr(validation, "_check", counting)
    batched = store.validate(everything=True, batch_size=2)
    # Batched: no call saw more than two articles, and the entity nobody names came on its own.
    assert len(checked) == 4  # 2 + 2 + 1 articles, then the unnamed entities
    assert max(len(set(data.subjects(RDF.type, KGO.Article))) for data in checked) <= 2
    foci = {result.focus for result in whole.results}
    assert {f"{BASE}article/wire%2F3#sentence-0", f"{ID}ri-il-kyu", f"{ID}nobody"} <= foci
    assert not whole.conforms and batched.conforms is whole.conforms
    assert batched.results == whole.results
    # One result per entity-level finding, however many batches found it.
    assert len([r for r in batched.results if r.focus == f"{ID}ri-il-kyu"]) == len(
        [r for r in whole.results if r.focus == f"{ID}ri-il-kyu"])
    for fmt in ("text", "json"):
        assert render(batched, fmt) == render(whole, fmt)
    assert isomorphic(batched.report_graph, whole.report_graph)
    reread = Graph().parse(data=render(batched, "turtle"), format="turtle")
    assert isomorphic(reread, whole.report_graph)


def test_the_last_build_is_validated_in_batches_too(store: kg.KnowledgeGraph) -> None:
    """Without --all: the graphs the last build wrote, batched the same way."""
    everything = store.validate(everything=True)
    last = store.validate(batch_size=1)
    assert {r.focus for r in last.results} == {r.focus for r in everything.results} - {
        f"{ID}nobody"}
