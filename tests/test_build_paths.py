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


def test_batches_stored_beside_the_parse_make_the_same_store(tmp_path: Path) -> None:
    """A build hands each batch's transaction to a writer thread and goes on with the next
    batch: the store is the one writing each batch in turn in the caller's thread gives."""
    from kg.build import _prepare, _quiet
    from kg.validate import default_engine

    stores = []
    for in_background in (True, False):
        prepared = [_prepare(facts, content_hash=None, engine=default_engine())
                    for facts in _three_articles()]
        opened = kg.open(str(tmp_path / f"store-{in_background}"))
        report = opened._store_prepared(prepared, batch_size=1, total=None, progress=_quiet,
                                        in_background=in_background)
        assert [a.id for a in report.articles] == ["wire/1", "wire/misplaced", "wire/again"]
        stores.append(quads(opened))
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


def _timed_writes(monkeypatch: pytest.MonkeyPatch, before_write: object) -> list[tuple[str, str]]:
    """Log each transaction's start and end (with the thread it ran on) and each store's close;
    ``before_write(number)`` runs at the start of each transaction (numbered from 1)."""
    import threading

    from kg.stores.embedded import EmbeddedStore

    original, original_close = EmbeddedStore._replace_graphs, EmbeddedStore.close
    log: list[tuple[str, str]] = []

    def logged(self: EmbeddedStore, *args: object) -> None:
        log.append(("write starts", threading.current_thread().name))
        before_write(sum(1 for what, _ in log if what == "write starts"))  # type: ignore[operator]
        original(self, *args)  # type: ignore[arg-type]
        log.append(("write ends", threading.current_thread().name))

    def close(self: EmbeddedStore) -> None:
        log.append(("close", threading.current_thread().name))
        original_close(self)

    monkeypatch.setattr(EmbeddedStore, "_replace_graphs", logged)
    monkeypatch.setattr(EmbeddedStore, "close", close)
    return log


def test_a_batch_is_written_while_the_next_one_is_prepared(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first batch's transaction runs on the writer thread and is still running when the
    build asks for the next article: the write runs beside the parse, not before it."""
    import threading

    next_asked = threading.Event()
    seen: list[bool] = []

    def first_waits_for_the_next_article(number: int) -> None:
        if number == 1:
            seen.append(next_asked.wait(5))

    log = _timed_writes(monkeypatch, first_waits_for_the_next_article)

    def articles() -> object:
        first, *others = _three_articles()
        yield first
        next_asked.set()
        yield from others

    kg.open(str(tmp_path / "store")).store_facts(articles(), batch_size=1)  # type: ignore[arg-type]
    assert seen == [True]
    assert {who for what, who in log if what == "write starts"} == {"kg-batch-writer"}
    assert log[-1][0] == "close"


@pytest.mark.parametrize("interruptions", [1, 2])
def test_a_ctrl_c_while_a_batch_is_written_waits_for_it_and_counts_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interruptions: int) -> None:
    """Ctrl-C while the build waits for the batch being written (and again while the build
    winds up): the store is closed only once that batch's transaction has ended, and the
    message counts it."""
    import signal
    import threading
    import time

    import kg.build
    from kg.errors import BuildInterrupted

    waiting = [threading.Event(), threading.Event()]  # in write()'s wait, in the quiet wait
    original_wait = kg.build._Batches.wait

    def wait(self: kg.build._Batches, *, quietly: bool = False) -> object:
        if self.writing is not None:
            waiting[quietly].set()
        return original_wait(self, quietly=quietly)

    def ctrl_c_while_waited_for(number: int) -> None:
        if number != 1:
            return
        for event in waiting[:interruptions]:
            assert event.wait(5)
            time.sleep(0.1)  # the build blocked in the wait
            signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)  # type: ignore[arg-type]
        time.sleep(0.3)

    monkeypatch.setattr(kg.build._Batches, "wait", wait)
    log = _timed_writes(monkeypatch, ctrl_c_while_waited_for)
    store = str(tmp_path / "store")
    with pytest.raises(BuildInterrupted, match=r"interrupted: 1 of 3 articles stored"):
        kg.open(store).store_facts(_three_articles(), batch_size=1, total=3)
    assert [what for what, _ in log] == ["write starts", "write ends", "close"]
    monkeypatch.undo()
    from kg.rdf import graph_iri

    assert kg.open(store)._last_build() == [str(graph_iri(FACTS.article.id))]


def test_a_failure_beside_a_failed_write_says_both(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An error in the parse while the batch before is being written: the store stays open
    until the write ends, and when that write failed too, the error raised says so."""
    import threading

    from kg.errors import StoreError

    failed = threading.Event()

    def first_fails_after_the_parse(number: int) -> None:
        assert failed.wait(5)
        raise StoreError("the disk is full")

    log = _timed_writes(monkeypatch, first_fails_after_the_parse)

    def articles() -> object:
        yield FACTS
        failed.set()
        raise ValueError("an unreadable article")

    with pytest.raises(ValueError, match="an unreadable article") as caught:
        kg.open(str(tmp_path / "store")).store_facts(articles(), batch_size=1)  # type: ignore[arg-type]
    assert caught.value.__notes__ == [
        "the batch being stored also failed: the disk is full"]
    assert [what for what, _ in log] == ["write starts", "close"]
