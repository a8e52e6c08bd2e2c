"""A build writes each article's triples as N-Triples text, validated and laid out in the parser
processes: the store holds what it held when each article went through an rdflib graph in the
building process."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import XSD, Literal

import kg
from handmade import FACTS
from kg.model import Relation
from storedump import quads

DATA = Path(__file__).parents[1] / "data"

# The object of locatedIn must be a place: a person there is a Violation, and quarantined.
MISPLACED = replace(
    FACTS, article=replace(FACTS.article, id="wire/misplaced"),
    relations=(*FACTS.relations, Relation("seoul", "locatedIn", "ri-il-kyu", FACTS.relations[0].evidence)))


def _object(line: str) -> pyoxigraph.Term:
    return next(iter(pyoxigraph.parse(line, pyoxigraph.RdfFormat.N_TRIPLES))).object


@pytest.mark.parametrize(("value", "datatype"), [
    (Decimal("0.90"), XSD.decimal), (Decimal("1E+3"), XSD.decimal), (Decimal("-0.5"), XSD.decimal),
    ("2024-05-01", XSD.date), ("2023", XSD.gYear), ("2023-07", XSD.gYearMonth),
    ("PT48H", XSD.duration), ("P3Y", XSD.duration), ("https://news.example/a b", XSD.anyURI),
    (True, XSD.boolean), (False, XSD.boolean),
], ids=str)
def test_typed_literals_are_the_ones_rdflib_made(value: object, datatype: str) -> None:
    from kg.rdf import _typed

    written = _typed(value, str(datatype))
    expected = Literal(value, datatype=datatype)
    assert _object(f"<urn:s> <urn:p> {written} .") == _object(
        f"<urn:s> <urn:p> {expected.n3()} .")


@pytest.mark.parametrize("text", ['say "no"', "a\\b", "two\nlines\r", "tab\tand é ü 北京", ""])
def test_strings_survive_the_text(text: str) -> None:
    from kg.rdf import _text

    assert _object(f"<urn:s> <urn:p> {_text(text)} .") == pyoxigraph.Literal(text)


def test_integral_figures_are_integers_and_others_decimals() -> None:
    from kg.rdf import _decimal

    assert _object(f"<urn:s> <urn:p> {_decimal(Decimal(120))} .") == pyoxigraph.Literal(
        "120", datatype=pyoxigraph.NamedNode(str(XSD.integer)))
    assert _object(f"<urn:s> <urn:p> {_decimal(Decimal('1.50'))} .") == pyoxigraph.Literal(
        "1.50", datatype=pyoxigraph.NamedNode(str(XSD.decimal)))


def _through_rdflib(facts: list[kg.model.Facts]) -> kg.KnowledgeGraph:
    """The store as a build wrote it before: each article an rdflib graph, validated as a graph,
    quarantined, serialised and laid out."""
    from kg.build import ArticleResult, _Batches, _Prepared
    from kg.entitygraph import split
    from kg.quarantine import quarantine
    from kg.rdf import to_graph
    from kg.validate import default_engine, validate

    opened = kg.open(":memory:")
    with opened._open(create=True) as store:
        batches = _Batches(store)
        for found in facts:
            graph = to_graph(found)
            checked = validate(graph, engine=default_engine())
            quarantined = None
            if not checked.conforms:
                graph, moved = quarantine(graph, checked)
                quarantined = moved.serialize(format="nt")
            part = split(graph.serialize(format="nt"), found.article.id)
            batches.add(_Prepared(part, quarantined, ArticleResult(
                found.article.id, part.graph, len(graph), 0, 0, 0, 0)))
        batches.write()
    return opened


def test_stored_as_through_an_rdflib_graph() -> None:
    facts = [FACTS, MISPLACED]
    built = kg.open(":memory:")
    report = built.store_facts(facts)
    assert report.articles[0].quarantined == 0 and report.articles[1].quarantined > 0
    assert quads(built) == quads(_through_rdflib(facts))


@pytest.mark.slow
def test_parser_processes_build_the_same_store(tmp_path: Path) -> None:
    """The seed and gold articles built by two parser processes (which validate and lay out
    each article) and by one: the same store, quad for quad."""
    paths = [*sorted((DATA / "gold" / "articles").glob("*.md"))[:4], DATA / "articles"]
    stores = []
    for processes in (1, 2):
        opened = kg.open(str(tmp_path / f"store-{processes}"))
        opened.build(paths, processes=processes, published=date(2024, 5, 1))
        stores.append(quads(opened))
    assert stores[0] == stores[1]
    assert len(stores[0][0]) > 1000 and stores[0][1]  # a quarantine graph among them
