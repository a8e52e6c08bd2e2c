"""KnowledgeGraph.query's workers: kept from one query to the next, yet every write is seen,
and a timeout, Ctrl-C or a dead worker stops one query, not the next."""

from __future__ import annotations

import gc
import os
import signal
import threading
from dataclasses import replace
from pathlib import Path

import pytest

import kg
from handmade import FACTS
from kg import QueryError
from kg.stores.embedded import disk_state

SECOND = replace(FACTS, article=replace(FACTS.article, id="wire/2"),
                 events=(), statistics=(), relations=(), attributes=())
ARTICLES = "SELECT (COUNT(*) AS ?n) WHERE { ?a a kgo:Article }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
"""A cross join of every triple with every triple, four times over: runs far longer than a test."""


def articles(graph: kg.KnowledgeGraph) -> int:
    return int(graph.rows(text=ARTICLES)[0]["n"])


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except FileNotFoundError:
        return True


@pytest.fixture(params=["directory", ":memory:"])
def graph(request: pytest.FixtureRequest, tmp_path: Path) -> kg.KnowledgeGraph:
    opened = kg.open(str(tmp_path / "store") if request.param == "directory" else ":memory:")
    opened.store_facts([FACTS])
    return opened


def test_a_write_between_two_queries_is_seen_by_the_second(graph: kg.KnowledgeGraph) -> None:
    assert articles(graph) == 1
    graph.store_facts([SECOND])
    assert articles(graph) == 2
    graph.remove(["wire/1"])
    assert articles(graph) == 1


def test_the_worker_is_kept_between_queries_and_retired_by_a_write(
        graph: kg.KnowledgeGraph) -> None:
    articles(graph)
    (worker,) = graph._workers.pids()
    articles(graph)
    assert graph._workers.pids() == [worker]
    graph.store_facts([SECOND])
    assert _gone(worker)


def test_a_write_by_another_process_is_seen_by_a_kept_worker(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    kg.open(location).store_facts([FACTS])
    graph = kg.open(location)
    before = disk_state(location)
    assert articles(graph) == 1
    (worker,) = graph._workers.pids()
    writer = kg.open(location)  # another object, as another process would be
    writer.store_facts([SECOND])
    assert disk_state(location) != before
    assert articles(graph) == 2
    assert graph._workers.pids() == [worker]  # the same worker, with the store opened anew


def test_a_query_after_a_timed_out_one_works(graph: kg.KnowledgeGraph) -> None:
    articles(graph)
    (worker,) = graph._workers.pids()
    with pytest.raises(QueryError) as late:
        graph.query(text=SLOW, timeout=0.5)
    assert str(late.value) == ("the query ran past its 0.5 s timeout and was stopped "
                               "(give --timeout S for longer)")
    assert _gone(worker)
    assert articles(graph) == 1


def test_ctrl_c_stops_the_query_and_the_next_one_works(graph: kg.KnowledgeGraph) -> None:
    articles(graph)
    (worker,) = graph._workers.pids()
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)  # as an interactive run
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
    try:
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            graph.query(text=SLOW, timeout=None)
    finally:
        timer.join()
        signal.signal(signal.SIGINT, handler)
    assert _gone(worker)
    assert articles(graph) == 1


def test_a_worker_killed_mid_query_is_an_error_not_a_hang(graph: kg.KnowledgeGraph) -> None:
    articles(graph)
    (worker,) = graph._workers.pids()
    timer = threading.Timer(0.5, os.kill, (worker, signal.SIGKILL))
    timer.start()
    try:
        with pytest.raises(QueryError, match=r"^the query process died \(exit code -9\) without "
                                             "an answer$"):
            graph.query(text=SLOW, timeout=None)
    finally:
        timer.join()
    assert articles(graph) == 1


def test_the_workers_end_with_the_object(tmp_path: Path) -> None:
    graph = kg.open(str(tmp_path / "store"))
    graph.store_facts([FACTS])
    articles(graph)
    (closed,) = graph._workers.pids()
    graph.close()
    assert _gone(closed)
    assert articles(graph) == 1  # an on-disk store can still be queried: a new worker
    (dropped,) = graph._workers.pids()
    del graph
    gc.collect()
    assert _gone(dropped)
