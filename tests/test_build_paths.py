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


def _three_articles() -> list[kg.model.Facts]:
    return [FACTS, MISPLACED, replace(FACTS, article=replace(FACTS.article, id="wire/again"))]


def test_batches_stored_beside_the_parse_make_the_same_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build hands each batch's transaction to a writer thread and goes on with the next
    batch: the store is the one writing each batch in turn in the caller's thread gives."""
    import kg.build

    stores = []
    for in_background in (True, False):
        original = kg.build._Batches.__init__

        def chosen(self: kg.build._Batches, opened: object, *, in_background: bool = False,
                   _wanted: bool = in_background, _original: object = original) -> None:
            _original(self, opened, in_background=_wanted)  # type: ignore[operator]

        monkeypatch.setattr(kg.build._Batches, "__init__", chosen)
        opened = kg.open(str(tmp_path / f"store-{in_background}"))
        report = opened.store_facts(_three_articles(), batch_size=1)
        assert [a.id for a in report.articles] == ["wire/1", "wire/misplaced", "wire/again"]
        stores.append(quads(opened))
        monkeypatch.setattr(kg.build._Batches, "__init__", original)
    assert stores[0] == stores[1]


def test_a_write_that_fails_beside_the_parse_stops_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch's transaction that fails on the writer thread is raised in the build at the next
    batch, before anything more is written: the store keeps the batches before it."""
    from kg.errors import StoreError
    from kg.stores.embedded import EmbeddedStore

    original = EmbeddedStore._replace_graphs
    calls = []

    def second_fails(self: EmbeddedStore, *args: object) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise StoreError("the disk is full")
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(EmbeddedStore, "_replace_graphs", second_fails)
    store = str(tmp_path / "store")
    with pytest.raises(StoreError, match="the disk is full"):
        kg.open(store).store_facts(_three_articles(), batch_size=1)
    assert len(calls) == 2  # the third batch was not written
    monkeypatch.setattr(EmbeddedStore, "_replace_graphs", original)
    from kg.rdf import graph_iri

    assert kg.open(store)._last_build() == [str(graph_iri(FACTS.article.id))]
