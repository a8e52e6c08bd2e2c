"""Tests of kg.stores's RemoteStore against a real ``oxigraph serve`` over loopback.

The server is the ``oxigraph`` command from the ``oxigraph`` package (a test dependency). The
store-level tests of tests/test_store.py run on it too (its ``store`` fixture gives both stores);
this module checks what only a remote store has (endpoints, HTTP errors, a server
without a union default graph) and the whole flow through kg.api and the ``kg`` command.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

import kg
from kg.errors import InputError, KgError, QueryError, StoreError
from kg.query import QueryInfo, list_queries, run_query
from kg.stores import (
    DEFAULT_TIMEOUT,
    Endpoints,
    RemoteStore,
    Store,
    open_store,
    remote_endpoints,
)
from oxigraph_server import ENDPOINT_VARIABLES, OxigraphServer, free_port
from twographs import ARTICLE_1, ARTICLE_2, GRAPH_1, GRAPH_2

ROOT = Path(__file__).resolve().parents[1]


# --- A real server ----------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def no_endpoint_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ENDPOINT_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def server(oxigraph_server: OxigraphServer) -> OxigraphServer:
    return oxigraph_server


@pytest.fixture
def url(server: OxigraphServer) -> str:
    """The URL of the server, emptied."""
    server.clear()
    return server.url


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    """The remote store holding the two article graphs of tests/test_store.py."""
    with open_store(url) as opened:
        assert isinstance(opened, RemoteStore)
        opened.replace_graphs({ARTICLE_1: GRAPH_1, ARTICLE_2: GRAPH_2})
        yield opened


def nquads(store: Store) -> list[str]:
    output = io.BytesIO()
    store.dump(output, "nquads")
    return sorted(output.getvalue().decode().splitlines())


# --- Endpoints --------------------------------------------------------------------------------


def test_oxigraph_layout_is_the_default() -> None:
    assert remote_endpoints("http://127.0.0.1:7878/") == Endpoints(
        "http://127.0.0.1:7878/query",
        "http://127.0.0.1:7878/update",
        "http://127.0.0.1:7878/store",
    )


@pytest.mark.parametrize(
    ("url", "layout", "expected"),
    [
        (
            "http://localhost:3030/news",
            "fuseki",
            ("/news/query", "/news/update", "/news/data"),
        ),
        (
            "http://localhost:7200/repositories/news",
            "GraphDB",
            (
                "/repositories/news",
                "/repositories/news/statements",
                "/repositories/news/rdf-graphs/service",
            ),
        ),
    ],
)
def test_server_layouts(url: str, layout: str, expected: tuple[str, str, str]) -> None:
    host = url[: url.index("/", len("http://"))]
    found = remote_endpoints(url, layout)
    assert (found.query, found.update, found.graph_store) == tuple(host + e for e in expected)


def test_environment_overrides_each_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_GSP_URL", "http://localhost:3030/news/data")
    with open_store("http://localhost:3030/news") as store:
        assert isinstance(store, RemoteStore)
        assert store.endpoints == Endpoints(
            "http://localhost:3030/news/query",
            "http://localhost:3030/news/update",
            "http://localhost:3030/news/data",
        )
        assert store.timeout == DEFAULT_TIMEOUT
    # An explicit argument wins over the environment.
    assert remote_endpoints("http://h:1/x", "oxigraph").graph_store == "http://h:1/x/store"


def test_explicit_endpoints_are_used_as_given() -> None:
    given = Endpoints("http://h/sparql", "http://h/sparql/update", "http://h/rdf-graphs")
    with open_store("http://h", endpoints=given) as store:
        assert isinstance(store, RemoteStore)
        assert store.endpoints is given


def test_unknown_layout_suggests_one() -> None:
    with pytest.raises(InputError) as raised:
        remote_endpoints("http://h:1", "fusek")
    assert str(raised.value) == (
        "unknown SPARQL server layout 'fusek'; did you mean 'fuseki'? "
        "choose one of: oxigraph, fuseki, graphdb"
    )


def test_url_without_host_is_refused() -> None:
    with pytest.raises(StoreError, match="is not a SPARQL server URL"):
        open_store("http:///data")


def test_timeout_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_STORE_TIMEOUT", "2.5")
    with open_store("http://h:1") as store:
        assert isinstance(store, RemoteStore)
        assert store.timeout == 2.5
    monkeypatch.setenv("KG_STORE_TIMEOUT", "soon")
    with pytest.raises(InputError, match=r"\$KG_STORE_TIMEOUT must be a number of seconds"):
        open_store("http://h:1")


# --- Errors name the URL ----------------------------------------------------------------------


def test_connection_refused() -> None:
    location = f"http://127.0.0.1:{free_port()}"  # nothing listens there any more
    with open_store(location) as store, pytest.raises(StoreError) as raised:
        store.graphs()
    assert str(raised.value) == (
        f"cannot reach the SPARQL server at {location}/query: "
        "connection refused (is the server running?)"
    )


def test_server_that_never_answers_times_out() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # accepts connections (the kernel does) but never answers
        location = f"http://127.0.0.1:{silent.getsockname()[1]}"
        store = RemoteStore(remote_endpoints(location), location, timeout=0.3)
        started = time.monotonic()
        with pytest.raises(StoreError) as raised:
            store.triples_count()
        assert time.monotonic() - started < 10
    assert str(raised.value) == (
        f"the SPARQL server at {location}/query did not answer the query within 0.3 s "
        "($KG_STORE_TIMEOUT sets how long to wait)"
    )


def test_http_errors_carry_the_servers_message(url: str) -> None:
    wrong = Endpoints(url + "/nowhere", url + "/update", url + "/store")
    with open_store(url, endpoints=wrong) as store, pytest.raises(StoreError) as raised:
        store.graphs()
    message = str(raised.value)
    assert message.startswith(f"the SPARQL server at {url}/nowhere refused the query (HTTP 404")
    assert "\n" not in message


def test_server_side_failure_is_one_line_naming_the_update_url(store: Store) -> None:
    with pytest.raises(StoreError) as raised:
        store.update("DROP GRAPH <https://kg.example.org/graph/none>")
    assert str(raised.value) == (
        f"the SPARQL server at {store.location}/update refused the update "
        "(HTTP 500 Internal Server Error): "
        "The graph <https://kg.example.org/graph/none> does not exist"
    )


def test_errors_are_kg_errors_for_the_cli(url: str) -> None:
    with pytest.raises(KgError):
        kg.open(url).query(text="SELECT * WHERE {")


# --- What only a remote store has -------------------------------------------------------------


def test_read_only_remote_store_refuses_writes(store: Store) -> None:
    with open_store(store.location, read_only=True) as reader:
        assert reader.graphs() == [ARTICLE_1, ARTICLE_2]
        with pytest.raises(StoreError, match="read-only"):
            reader.replace_graphs({ARTICLE_1: GRAPH_2})
        with pytest.raises(StoreError, match="read-only"):
            reader.update("DROP ALL")
    assert store.graph_triples(ARTICLE_1) == 5


def test_closed_remote_store_says_so(url: str) -> None:
    store = open_store(url)
    store.close()
    store.close()  # harmless
    with pytest.raises(StoreError, match="is closed"):
        store.graphs()


def test_a_failed_request_changes_nothing(store: Store) -> None:
    """The server applies a whole update request or none of it: what replace_graphs needs."""
    before = nquads(store)
    with pytest.raises(StoreError):
        store.update(
            f"DROP GRAPH <{ARTICLE_2}> ; INSERT DATA {{ GRAPH <{ARTICLE_1}> {{ "
            "<https://kg.example.org/id/x> <https://schema.org/name> 'X' } } ; "
            "DROP GRAPH <https://kg.example.org/graph/none>"
        )
    assert nquads(store) == before


def test_parameters_of_a_subquery_with_its_own_values_cannot_be_bound(store: Store) -> None:
    alice = {"who": pyoxigraph.NamedNode("https://kg.example.org/id/alice")}
    sparql = "SELECT ?who { SELECT ?who { ?who schema:name ?n } } VALUES ?n { 'x' }"
    with pytest.raises(QueryError, match="WHERE clause is a subquery"):
        store.query(sparql, substitutions=alice)


ACME = "https://kg.example.org/id/acme"
ALICE = "https://kg.example.org/id/alice"


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT (COUNT(*) AS ?n) WHERE { ?who schema:worksFor ?org }",
        "SELECT ?org (COUNT(?who) AS ?n) { ?who schema:worksFor ?org } GROUP BY ?org",
        "SELECT * { ?who schema:worksFor ?org }",
        "SELECT ?who ?org { ?who schema:worksFor ?org } ORDER BY ?who LIMIT 1",
        "SELECT ?org ?who { OPTIONAL { ?who schema:worksFor ?org } }",
        "ASK { kgr:alice schema:worksFor ?org }",
        "CONSTRUCT { ?who kgo:employer ?org } WHERE { ?who schema:worksFor ?org }",
        "DESCRIBE ?org WHERE { ?who schema:worksFor ?org }",
        "SELECT ?who ?org { ?who schema:worksFor ?org } VALUES ?who { kgr:alice kgr:bob }",
        "SELECT ?org ?who { SELECT ?org ?who { ?who schema:worksFor ?org } }",
        'SELECT ?org ?who { # a comment with { and "\n'
        '  ?who schema:name "{ ?org }" ; schema:worksFor ?org }',
    ],
)
@pytest.mark.parametrize("org", [ACME, ALICE])
def test_queries_with_parameters_answer_as_on_the_embedded_store(
    store: Store, sparql: str, org: str
) -> None:
    with open_store(":memory:") as embedded:
        embedded.replace_graphs({ARTICLE_1: GRAPH_1, ARTICLE_2: GRAPH_2})
        params = {"org": f"<{org}>"}
        assert answers(run_query(store, sparql, params)) == answers(
            run_query(embedded, sparql, params)
        )


def answers(result: object) -> object:
    """A query result as comparable plain values (blank nodes as '_')."""

    def value(term: object) -> str:
        return "_" if isinstance(term, pyoxigraph.BlankNode) else str(term)

    if isinstance(result, pyoxigraph.QueryBoolean):
        return bool(result)
    if isinstance(result, pyoxigraph.QueryTriples):
        return sorted(tuple(value(term) for term in triple) for triple in result)
    assert isinstance(result, pyoxigraph.QuerySolutions)
    variables = [variable.value for variable in result.variables]
    return variables, sorted(tuple(value(term) for term in solution) for solution in result)


def test_kg_needs_no_union_default_graph(oxigraph: str, tmp_path: Path) -> None:
    """kg's own queries name their graphs, so a server without a union default graph (as
    Fuseki and oxigraph serve are out of the box) still lists, counts, writes and exports; only
    queries without GRAPH see nothing, which is why the server should be set up for one."""
    plain = OxigraphServer(oxigraph, tmp_path / "data", union_default_graph=False)
    try:
        with open_store(plain.url) as store:
            store.replace_graphs({ARTICLE_1: GRAPH_1, ARTICLE_2: GRAPH_2})
            assert store.graphs() == [ARTICLE_1, ARTICLE_2]
            assert store.triples_count() == 8
            assert store.graph_triples(ARTICLE_2) == 3
            assert len(nquads(store)) == 8
            output = io.BytesIO()
            store.dump(output, "nt", graph=ARTICLE_2)
            assert len(output.getvalue().splitlines()) == 3
            store.remove_graphs([ARTICLE_1])
            assert store.graphs() == [ARTICLE_2]
            assert answers(store.query("SELECT ?s { ?s ?p ?o }")) == (["s"], [])
            named = store.query("SELECT DISTINCT ?s { GRAPH ?g { ?s ?p ?o } }")
            assert len(answers(named)[1]) == 3  # type: ignore[index]
    finally:
        plain.stop()


# --- End to end: kg.api and the kg command on a remote store ----------------------------------


@pytest.fixture(scope="module")
def built(
    oxigraph: str, seed_article: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A server of its own holding the seed article, built through kg.open(url)."""
    running = OxigraphServer(
        oxigraph, tmp_path_factory.mktemp("built") / "data", union_default_graph=True
    )
    try:
        report = kg.open(running.url).build([seed_article])
        assert [article.id for article in report.articles] == ["kim-jong-un-defections"]
        yield running.url
    finally:
        running.stop()


def test_build_writes_the_same_graphs_as_the_embedded_store(built: str, seed_store: str) -> None:
    with open_store(built) as remote, open_store(seed_store, read_only=True) as embedded:
        assert remote.graphs() == embedded.graphs()
        for graph in embedded.graphs():
            assert remote.graph_triples(graph) == embedded.graph_triples(graph), graph
        assert remote.triples_count() == embedded.triples_count()


def test_validate_store_conforms(built: str) -> None:
    assert kg.open(built).validate().conforms


@pytest.mark.parametrize("query", list_queries(), ids=lambda info: info.name)
def test_every_shipped_query_answers_as_on_the_embedded_store(
    built: str, seed_store: str, query: QueryInfo
) -> None:
    name = query.name
    assert kg.open(built).query(name, fmt="csv") == kg.open(seed_store).query(name, fmt="csv")


def test_defections_table(built: str, seed_store: str) -> None:
    table = kg.open(built).query("defections")
    assert table == kg.open(seed_store).query("defections")
    assert "Ri Il Kyu" in str(table)


def test_export_turtle_is_the_same_graph(built: str, seed_store: str) -> None:
    def exported(store: str) -> rdflib.Graph:
        graph = rdflib.Graph().parse(data=kg.open(store).export(fmt="turtle"), format="turtle")
        for triple in list(graph):  # when each build ran differs, of course
            if getattr(triple[2], "datatype", None) == rdflib.XSD.dateTime:
                graph.remove(triple)
        return graph

    remote, embedded = exported(built), exported(seed_store)
    assert len(remote) > 1000
    assert isomorphic(remote, embedded), _one_sided(remote, embedded)


def _one_sided(first: rdflib.Graph, second: rdflib.Graph) -> str:
    """Up to five triples (N-Triples) only one of two graphs holds, for a failure's message."""
    lines = [{line for line in graph.serialize(format="nt", encoding="utf-8").decode().splitlines()
              if line.strip()} for graph in (first, second)]
    return f"only remote: {sorted(lines[0] - lines[1])[:5]}; only embedded: {sorted(lines[1] - lines[0])[:5]}"


def test_stats_are_the_same(built: str, seed_store: str) -> None:
    remote = kg.open(built).stats()
    assert remote == kg.open(seed_store).stats()
    assert remote["articles"] == 1


def test_failed_build_leaves_the_remote_store_as_it_was(
    built: str, seed_article: Path, tmp_path: Path
) -> None:
    with open_store(built) as store:
        before = nquads(store)
    broken = tmp_path / "corpus.jsonl"
    broken.write_text('{"id": "a", "text": "Rain in Oslo."}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        kg.open(built).build([seed_article, broken])
    with open_store(built) as store:
        assert nquads(store) == before


def test_kg_command_with_a_server_url(built: str, kg_command: str, tmp_path: Path) -> None:
    environment = {**os.environ, "KG_STORE": built}
    finished = subprocess.run(
        [kg_command, "stats", "--format", "json"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    assert json.loads(finished.stdout)["articles"] == 1
    down = f"http://127.0.0.1:{free_port()}"
    finished = subprocess.run(
        [kg_command, "query", "defections", "--store", down],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 2
    assert finished.stderr == (
        f"kg: error: cannot reach the SPARQL server at {down}/query: "
        "connection refused (is the server running?)\n"
    )
