"""Builds on a Dask cluster (kg.cluster): a LocalCluster of two worker processes gives the store
a local build gives, quad for quad, embedded and on a live ``oxigraph serve``; an interrupted
cluster build run again finishes the rest; the model is loaded once per worker process; a
scheduler that cannot be reached, a failing or different worker, are one-line errors."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from distributed import Client, LocalCluster

import kg
from kg.build import _ArticleWork
from kg.cluster import ClusterParse
from kg.errors import BuildInterrupted, ClusterError, InputError
from kg.nlp import _pipeline, default_model
from kg.rdf import LAST_BUILD_GRAPH
from oxigraph_server import OxigraphServer, free_port
from storedump import Quads, quads

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow

BATCH = 8  # articles a store transaction holds: several batches in a corpus of 30


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """Two worker processes, one with two task threads (they share one loaded pipeline)."""
    with LocalCluster(n_workers=2, threads_per_worker=2, processes=True, memory_limit="1.5GiB",
                      dashboard_address=":0") as running:  # any free port
        yield running


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Thirty invented articles and the seed article."""
    path = tmp_path_factory.mktemp("cluster-corpus") / "corpus.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), "--articles", "30",
                    "--seed", "5", "-o", str(path)], check=True)
    return [path, ROOT / "data" / "articles"]


@pytest.fixture(scope="module")
def built_locally(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Quads:
    store = str(tmp_path_factory.mktemp("local") / "store")
    report = kg.open(store).build(corpus, processes=1, batch_size=BATCH)
    assert len(report.articles) == 31
    return quads(store)


def test_a_cluster_build_gives_the_store_a_local_build_gives(
        cluster: LocalCluster, corpus: list[Path], built_locally: Quads, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    events: list[tuple[str, dict[str, Any]]] = []
    report = kg.open(store).build(corpus, scheduler=cluster.scheduler_address,
                       batch_size=BATCH, progress=lambda event, details: events.append((event, details)))
    assert len(report.articles) == 31
    assert events[0] == ("start", {"articles": 31, "processes": 4, "unchanged": 0})
    assert quads(store) == built_locally
    again = kg.open(store).build(corpus, scheduler=cluster.scheduler_address)
    assert (again.articles, len(again.unchanged)) == ([], 31)


def test_a_cluster_build_into_a_live_oxigraph_server(
        cluster: LocalCluster, corpus: list[Path], built_locally: Quads,
        oxigraph_server: OxigraphServer) -> None:
    oxigraph_server.clear()
    kg.open(oxigraph_server.url).build(corpus, scheduler=cluster.scheduler_address,
              batch_size=BATCH)
    assert quads(oxigraph_server.url) == built_locally


def test_an_interrupted_cluster_build_run_again_finishes_the_rest(
        cluster: LocalCluster, corpus: list[Path], built_locally: Quads, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    seen: list[str] = []

    def stop_after_twenty(event: str, details: dict[str, Any]) -> None:
        if event == "article":
            seen.append(details["id"])
            if len(seen) == 20:
                raise KeyboardInterrupt

    with pytest.raises(BuildInterrupted, match=r"^interrupted: 16 of 31 articles stored"):
        kg.open(store).build(corpus, scheduler=cluster.scheduler_address, batch_size=BATCH,
                  progress=stop_after_twenty)
    rest = kg.open(store).build(corpus, scheduler=cluster.scheduler_address, batch_size=BATCH)
    assert (len(rest.articles), len(rest.unchanged)) == (15, 16)
    # The same store, but for the build record, which lists what the last run wrote.
    assert kg.open(store)._last_build() == sorted(article.graph for article in rest.articles)
    record = f"<{LAST_BUILD_GRAPH}> ."
    resumed, ground_truth = quads(store), built_locally
    assert [line for line in resumed[0] if not line.endswith(record)] == [
        line for line in ground_truth[0] if not line.endswith(record)]
    assert resumed[1] == ground_truth[1]


def test_each_worker_process_loads_the_model_once(
        cluster: LocalCluster, built_locally: Quads, tmp_path: Path) -> None:
    kg.open(str(tmp_path / "store")).build([ROOT / "data" / "articles"],
                                           scheduler=cluster.scheduler_address)
    with Client(cluster, set_as_default=False) as client:
        loaded = client.run(_pipeline.cache_info)
    assert len(loaded) == 2
    assert sorted(info.currsize for info in loaded.values()) in ([0, 1], [1, 1])
    assert all(info.misses == info.currsize for info in loaded.values())  # no thread loaded twice


def test_a_failing_worker_is_one_line(cluster: LocalCluster) -> None:
    parse = ClusterParse(iter([("A short text.", None)]), cluster.scheduler_address,
                         "no_such_model", then=_ArticleWork(None, None))
    with pytest.raises(ClusterError, match=r"^a cluster worker failed: InputError: cannot load "
                                           r"the spaCy model 'no_such_model'"):
        list(parse)


def test_a_worker_running_another_kg_is_refused(cluster: LocalCluster,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.buildhash.pipeline_digest", lambda model: "another kg")
    parse = ClusterParse(iter([("A short text.", None)]), cluster.scheduler_address,
                         default_model(), then=lambda doc, context: len(doc))
    with pytest.raises(ClusterError, match=r"run another kg, spaCy or model"):
        list(parse)


def test_processes_and_a_scheduler_exclude_each_other(seed_article: Path) -> None:
    with pytest.raises(InputError, match="--processes and --scheduler"):
        kg.open(":memory:").build([seed_article], processes=2, scheduler="tcp://127.0.0.1:1")


def test_an_unreachable_scheduler_is_one_line_and_leaves_no_store(
        kg_command: str, seed_article: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    done = subprocess.run([kg_command, "build", str(seed_article), "--store", str(store),
                           "--scheduler", f"tcp://127.0.0.1:{free_port()}"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("kg: error: cannot reach the Dask scheduler at tcp://127.0.0.1:")
    assert done.stderr.count("\n") == 1 and done.stdout == ""
    assert not store.exists()


def test_a_server_that_never_answers_as_a_scheduler_is_one_line() -> None:
    """distributed's timeout covers connecting, not its handshake: kg's deadline covers both."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        address = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
        with pytest.raises(ClusterError, match=r"^cannot reach the Dask scheduler at .*: no Dask "
                                               r"handshake within 1 s"):
            ClusterParse(iter([]), address, default_model(), then=_ArticleWork(None, None), timeout=1)


@pytest.mark.parametrize("address", ["http://127.0.0.1:8786", "scheduler-without-port"])
def test_an_address_that_is_not_a_schedulers_is_one_line(address: str, seed_article: Path,
                                                         tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^not a Dask scheduler address: .* \(give tcp://HOST:PORT\)$"):
        kg.open(str(tmp_path / "store")).build([seed_article], scheduler=address)
    assert not (tmp_path / "store").exists()


def test_the_kg_command_builds_on_the_cluster_as_it_builds_locally(
        cluster: LocalCluster, kg_command: str, seed_article: Path, tmp_path: Path) -> None:
    printed: dict[str, tuple[str, str]] = {}
    for where, options in (("local", []), ("cluster", ["--scheduler", cluster.scheduler_address])):
        done = subprocess.run([kg_command, "build", str(seed_article), "--store",
                               str(tmp_path / where), *options],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        printed[where] = (done.stdout, done.stderr)  # notes on stderr, no progress bar: one article
    assert printed["cluster"] == printed["local"]
    assert printed["cluster"][0].startswith("built kim-jong-un-defections: ")
