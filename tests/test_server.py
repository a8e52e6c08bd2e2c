"""kg serve over loopback with real clients: SPARQLWrapper, urllib, http.client, rdflib.

Servers run in this process on 127.0.0.1 with a free port, against stores built in temporary
directories; one smoke test starts the real command as a subprocess.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, JSONLD, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.server import KgServer, ServeOptions, make_server

ENTITY = "https://kg.example.org/id/"
SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


# --- Fixtures ---------------------------------------------------------------------------------


@dataclass
class Running:
    """A server running in a thread of this process."""

    server: KgServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        return self.server.url.rstrip("/")

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def stop(self) -> None:
        self.server.shutdown()
        self.server.close()
        self.thread.join(10)


def start(**options: object) -> Running:
    server = make_server(ServeOptions(host="127.0.0.1", port=0, **options))  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return Running(server, thread)


@pytest.fixture(scope="module")
def kg(seed_store: str) -> Iterator[Running]:
    running = start(store=seed_store, timeout=20.0)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def limited(seed_store: str) -> Iterator[Running]:
    """A server with a short timeout and a tiny row cap."""
    running = start(store=seed_store, timeout=2.0, max_rows=5, workers=2)
    yield running
    running.stop()


@dataclass
class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it."""

    socket: socket.socket
    connections: list[tuple[str, int]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.socket.getsockname()[1]}/"

    def serve(self) -> None:
        while True:
            try:
                connection, address = self.socket.accept()
            except OSError:
                return
            self.connections.append(address)
            connection.close()


@pytest.fixture()
def listener() -> Iterator[Listener]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    recorder = Listener(sock)
    threading.Thread(target=recorder.serve, daemon=True).start()
    yield recorder
    sock.close()


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store built from an article whose title and sentences carry HTML, plus an entity
    whose label, alias and job title do, linked to an entity from the article."""
    import kg
    from kg.stores import open_store

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(
        "---\nid: hostile\ntitle: '" + IMAGE.replace("'", "''") + " report'\n"
        "published: 2024-06-20\n---\n"
        f"President {SCRIPT} Smith of France met Vladimir Putin in Moscow on Monday.\n\n"
        f"The broadcaster {IMAGE} said that Smith defected to Russia in 2023.\n",
        encoding="utf-8",
    )
    location = str(folder / "store")
    kg.open(location).build([folder])
    evil = pyoxigraph.NamedNode(ENTITY + "o'hostile")
    triples = [
        (evil, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
         pyoxigraph.NamedNode("https://kg.example.org/ontology#Person")),
        (evil, "http://www.w3.org/2000/01/rdf-schema#label", pyoxigraph.Literal(SCRIPT)),
        (evil, "http://www.w3.org/2004/02/skos/core#altLabel", pyoxigraph.Literal(IMAGE)),
        (evil, "https://kg.example.org/ontology#jobTitle", pyoxigraph.Literal(IMAGE)),
        (evil, "https://kg.example.org/ontology#memberOf", pyoxigraph.NamedNode(ENTITY + "smith")),
    ]
    text = "\n".join(
        f"{subject} <{predicate}> {value} ." for subject, predicate, value in triples
    )
    with open_store(location) as store:
        store.replace_graphs({"https://kg.example.org/graph/hostile-extra": text})
    return location


# --- Clients ----------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None) -> Reply:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Reply(response.status, dict(response.headers.items()), response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, dict(error.headers.items()), error.read())


def raw_get(port: int, path: str, headers: dict[str, str] | None = None) -> Reply:
    """A GET with the path sent exactly as given (urllib would not send '..' untouched)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.putrequest("GET", path, skip_host="Host" in (headers or {}),
                              skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return Reply(response.status, dict(response.getheaders()), response.read())
    finally:
        connection.close()


def query_url(base: str, sparql: str, **params: str) -> str:
    return base + "/sparql?" + urllib.parse.urlencode({"query": sparql, **params})


def wrapper(running: Running, sparql: str, return_format: str) -> SPARQLWrapper:
    client = SPARQLWrapper(running.url + "/sparql")
    client.setQuery(sparql)
    client.setReturnFormat(return_format)
    return client


def converted(running: Running, sparql: str, return_format: str) -> Any:
    """What SPARQLWrapper makes of the answer (its type depends on the format)."""
    return wrapper(running, sparql, return_format).query().convert()


# --- The SPARQL protocol ----------------------------------------------------------------------

LABELS = 'SELECT ?label WHERE { <https://kg.example.org/id/kim-jong-un> rdfs:label ?label }'


def test_select_json_with_sparqlwrapper(kg: Running) -> None:
    result = wrapper(kg, LABELS, JSON).query()
    assert result.response.headers["Content-Type"].startswith("application/sparql-results+json")
    bindings: Any = result.convert()
    bindings = bindings["results"]["bindings"]
    assert [b["label"]["value"] for b in bindings] == ["Kim Jong Un"]


def test_select_xml_with_sparqlwrapper(kg: Running) -> None:
    document = converted(kg, LABELS, XML)
    literals = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert literals == ["Kim Jong Un"]


@pytest.mark.parametrize(("return_format", "expected"), [
    (CSV, b"label\r\nKim Jong Un\r\n"),
    (TSV, b'?label\n"Kim Jong Un"\n'),
])
def test_select_csv_and_tsv_with_sparqlwrapper(
    kg: Running, return_format: str, expected: bytes
) -> None:
    assert converted(kg, LABELS, return_format) == expected


def test_ask_with_sparqlwrapper(kg: Running) -> None:
    yes = converted(kg, "ASK { ?person a kgo:Person }", JSON)
    no = converted(kg, "ASK { ?person a kgo:Spaceship }", JSON)
    assert (yes["boolean"], no["boolean"]) == (True, False)


CONSTRUCT = """CONSTRUCT { ?person rdfs:label ?label ; kgo:parent ?parent }
WHERE { ?person kgo:parent ?parent ; rdfs:label ?label }"""


def test_construct_turtle_with_sparqlwrapper(kg: Running) -> None:
    result = wrapper(kg, CONSTRUCT, TURTLE).query()
    assert result.response.headers["Content-Type"].startswith("text/turtle")
    turtle: Any = result.convert()
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    person = rdflib.URIRef(ENTITY + "kim-jong-un")
    assert (person, rdflib.RDFS.label, rdflib.Literal("Kim Jong Un")) in graph
    assert graph.value(person, rdflib.URIRef("https://kg.example.org/ontology#parent")) == \
        rdflib.URIRef(ENTITY + "kim-jong-il")


def test_construct_jsonld_with_sparqlwrapper(kg: Running) -> None:
    result = wrapper(kg, CONSTRUCT, JSONLD).query()
    assert result.response.headers["Content-Type"].startswith("application/ld+json")
    graph: Any = result.convert()
    assert (rdflib.URIRef(ENTITY + "kim-jong-un"), rdflib.RDFS.label,
            rdflib.Literal("Kim Jong Un")) in graph


def test_post_form_and_post_query_body(kg: Running) -> None:
    form = fetch(kg.url + "/sparql", data=urllib.parse.urlencode({"query": LABELS}).encode(),
                 headers={"Accept": "text/csv"})
    direct = fetch(kg.url + "/sparql", data=LABELS.encode(),
                   headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert form.status == direct.status == 200
    assert form.body == direct.body == b"label\r\nKim Jong Un\r\n"


def test_format_parameter_beats_accept(kg: Running) -> None:
    reply = fetch(query_url(kg.url, LABELS, format="tsv"), headers={"Accept": "text/csv"})
    assert reply.headers["Content-Type"].startswith("text/tab-separated-values")


def test_service_description(kg: Running) -> None:
    reply = fetch(kg.url + "/sparql")
    assert reply.status == 200 and reply.headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=reply.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = graph.value(None, rdflib.RDF.type, sd.Service)
    assert graph.value(service, sd.endpoint) == rdflib.URIRef(kg.url + "/sparql")
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert (service, sd.supportedLanguage, sd.SPARQL11Update) not in graph
    names = set(graph.objects(None, sd.name))
    assert rdflib.URIRef("https://kg.example.org/graph/kim-jong-un-defections") in names


def test_malformed_query_is_400_with_the_parser_message(kg: Running) -> None:
    reply = fetch(query_url(kg.url, "SELECT * WHERE { ?s ?p }"))
    assert reply.status == 400
    assert reply.text.startswith("invalid SPARQL query at line 1, column 25: expected")
    with pytest.raises(QueryBadFormed):
        wrapper(kg, "SELECT * WHERE { ?s ?p }", JSON).query()


@pytest.mark.parametrize(("sparql", "accept", "params", "message"), [
    (LABELS, "image/png", {}, "the Accept header allows no format for solutions (SELECT, ASK): json"),
    (CONSTRUCT, "text/csv", {}, "the Accept header allows no format for a graph (CONSTRUCT, DESCRIBE)"),
    (CONSTRUCT, "*/*", {"format": "csv"}, "format=csv cannot carry a graph (CONSTRUCT, DESCRIBE); choose"),
])
def test_unacceptable_format_is_406(
    kg: Running, sparql: str, accept: str, params: dict[str, str], message: str
) -> None:
    reply = fetch(query_url(kg.url, sparql, **params), headers={"Accept": accept})
    assert reply.status == 406
    assert message in reply.text, reply.text


def test_unknown_body_type_is_415(kg: Running) -> None:
    reply = fetch(kg.url + "/sparql", data=LABELS.encode(), headers={"Content-Type": "text/plain"})
    assert reply.status == 415 and "application/sparql-query" in reply.text


def test_oversized_body_is_413(kg: Running) -> None:
    body = b"query=" + b"#" * 1_100_000
    reply = fetch(kg.url + "/sparql", data=body,
                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert reply.status == 413 and "1,048,576" in reply.text


def test_overlong_query_is_413(kg: Running) -> None:
    sparql = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 100_001
    reply = fetch(kg.url + "/sparql", data=sparql.encode(),
                  headers={"Content-Type": "application/sparql-query"})
    assert reply.status == 413 and "characters" in reply.text


def test_other_methods_are_405(kg: Running) -> None:
    reply = fetch(kg.url + "/sparql", data=b"x", method="PUT")
    assert reply.status == 405 and reply.headers["Allow"] == "GET, HEAD, POST"


def test_a_deeply_nested_query_is_400_and_the_server_keeps_answering(kg: Running) -> None:
    deep = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
    reply = fetch(kg.url + "/sparql", data=urllib.parse.urlencode({"query": deep}).encode(),
                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert reply.status == 400 and "3000 deep" in reply.text
    assert fetch(query_url(kg.url, "ASK { ?s ?p ?o }")).status == 200


def test_too_many_parameters_is_400(kg: Running) -> None:
    reply = fetch(kg.url + "/sparql?" + "&".join(f"p{i}=1" for i in range(100)))
    assert reply.status == 400 and "parameters" in reply.text


def test_head_gives_the_headers_only(kg: Running) -> None:
    reply = fetch(query_url(kg.url, LABELS, format="csv"), method="HEAD")
    assert reply.status == 200 and reply.body == b""
    assert reply.headers["Content-Type"].startswith("text/csv")


def test_row_cap_is_signalled(limited: Running) -> None:
    reply = fetch(query_url(limited.url, "SELECT * WHERE { ?s ?p ?o }"))
    rows = json.loads(reply.body)["results"]["bindings"]
    assert len(rows) == 5
    assert reply.headers["KG-Truncated"] == "true" and reply.headers["KG-Row-Limit"] == "5"
    small = fetch(query_url(limited.url, LABELS))
    assert "KG-Truncated" not in small.headers and small.headers["KG-Rows"] == "1"


def test_slow_query_times_out_while_others_are_answered(limited: Running) -> None:
    slow: list[Reply] = []
    thread = threading.Thread(target=lambda: slow.append(fetch(query_url(limited.url, SLOW_QUERY))))
    started = time.monotonic()
    thread.start()
    time.sleep(0.3)
    quick = fetch(query_url(limited.url, LABELS))
    answered_while_slow_ran = thread.is_alive()  # the slow one waits for its 2 s timeout
    thread.join(30)
    assert quick.status == 200 and answered_while_slow_ran
    assert slow[0].status == 504 and "2 s" in slow[0].text
    assert time.monotonic() - started < 10
    # The killed worker is replaced: the server keeps answering.
    for _ in range(4):
        assert fetch(query_url(limited.url, LABELS)).status == 200


LIGHT = "SELECT ?s ?l { ?s rdfs:label ?l } LIMIT 50"


@pytest.mark.parametrize("format_name", ["json", "xml", "csv", "tsv"])
def test_a_light_answer_is_the_answer_a_worker_gives(seed_store: str, format_name: str) -> None:
    from kg.stores import open_store
    from kg.web.sparql import answer_light, answer_query

    store = open_store(seed_store, read_only=True)
    try:
        here = answer_light(store, time.monotonic() + 10, LIGHT, format_name)
        there = answer_query(store, time.monotonic() + 10, LIGHT, format_name, 10_000)
    finally:
        store.close()
    assert here == there and here.rows == 50


@pytest.mark.parametrize("sparql", [
    "SELECT ?s ?l { ?s rdfs:label ?l } LIMIT 10",
    "SELECT ?l { ?s rdfs:label ?l } LIMIT 2",
    "SELECT ?z ?o { ?s ?p ?o } LIMIT 10",  # ?z is bound nowhere
    "SELECT ?z { ?s ?p ?o } LIMIT 10",  # solutions that bind nothing
    "SELECT ?s { ?s rdfs:label ?l } LIMIT 0",
])
def test_a_light_answer_counts_its_rows_whatever_the_terms_hold(sparql: str) -> None:
    # Labels that look like the JSON between two solutions, a line break, a tab, a blank node,
    # then a quoted triple: the rows counted in the written text are the rows there are, and
    # the answer is the one a worker gives.
    from kg.stores import MEMORY, open_store
    from kg.web.sparql import answer_light, answer_query

    store = open_store(MEMORY)
    try:
        for data in ("""<https://kg.example.org/id/a> rdfs:label "}},{\\"s\\":{", "x\\n},{\\"y\\t" .
                        <https://kg.example.org/id/b> rdfs:label "},{}"@en ; rdfs:seeAlso _:b .""",
                     """<https://kg.example.org/id/c> rdfs:comment
                        <<( <https://kg.example.org/id/a> rdfs:label "q" )>> ."""):
            store.update(f"INSERT DATA {{ GRAPH <https://kg.example.org/graph/t> {{ {data} }} }}")
            for format_name in ("json", "tsv", "csv", "xml"):
                light = answer_light(store, time.monotonic() + 10, sparql, format_name)
                full = answer_query(store, time.monotonic() + 10, sparql, format_name, 10_000)
                assert light == full, format_name
            light = answer_light(store, time.monotonic() + 10, sparql, "json")
            assert light.rows == len(json.loads(light.body)["results"]["bindings"])
    finally:
        store.close()


@pytest.mark.parametrize("sparql", [
    "SELECT ?s { ?s rdfs:label/rdfs:label ?l } LIMIT 5",  # a path
    "SELECT ?s { ?s ?p ?s } LIMIT 5",  # a variable twice: a scan that may never match
    "SELECT ?s { ?s rdfs:label ?l FILTER(?l = 1) } LIMIT 5",
    "SELECT ?s { ?s rdfs:label ?l } LIMIT 5 OFFSET 100000",
    "SELECT DISTINCT ?s { ?s rdfs:label ?l } LIMIT 5",
    "SELECT ?s { ?s rdfs:label ?l } ORDER BY ?l LIMIT 5",
    "SELECT ?s FROM <https://kg.example.org/graph/x> { ?s rdfs:label ?l } LIMIT 5",
    "SELECT ?s { ?s rdfs:label ?l . ?l ?p ?o } LIMIT 5",
    "SELECT ?s { { SELECT ?s { ?s ?p ?o } } } LIMIT 5",
    "SELECT (COUNT(*) AS ?n) { ?s rdfs:label ?l } LIMIT 5",
    "SELECT ?s { ?s rdfs:label ?l } LIMIT 101",
    "SELECT ?s { ?s rdfs:label ?l }",
    "ASK { ?s rdfs:label ?l }",
    "SELECT ?s { ?s rdfs:label ?l } # } LIMIT 5",
])
def test_only_queries_bounded_by_their_limit_are_light(sparql: str) -> None:
    from kg.web.sparql import is_light

    assert not is_light(sparql, 10_000)
    assert is_light("# labels\nSELECT ?s ?l WHERE { ?s rdfs:label \"x }\"@en . } LIMIT 5", 10_000)
    assert not is_light("SELECT ?s ?l { ?s rdfs:label ?l } LIMIT 50", 20)  # over the row cap


def test_a_light_query_is_answered_while_every_worker_is_busy(seed_store: str) -> None:
    running = start(store=seed_store, timeout=3.0, workers=1)
    try:
        slow = threading.Thread(target=fetch, args=(query_url(running.url, SLOW_QUERY),))
        slow.start()
        time.sleep(0.5)  # the one worker is taken by the slow query
        reply = fetch(query_url(running.url, LIGHT))
        assert reply.status == 200 and reply.headers["KG-Rows"] == "50"
        assert len(json.loads(reply.body)["results"]["bindings"]) == 50
        slow.join(10)
    finally:
        running.stop()


def _sleep(store: object, deadline: float, seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def test_thread_runner_abandons_late_jobs_and_says_when_busy() -> None:
    from kg.errors import RequestError
    from kg.stores import open_store
    from kg.web.runner import ThreadRunner

    runner = ThreadRunner(open_store(":memory:"), slots=2)
    for _ in range(2):
        with pytest.raises(RequestError) as late:
            runner.call(_sleep, 1.5, timeout=0.2)
        assert late.value.status == 504
    with pytest.raises(RequestError) as busy:  # both slots are held by abandoned jobs
        runner.call(_sleep, 0.0, timeout=0.2)
    assert busy.value.status == 503 and ("Retry-After", "2") in busy.value.headers
    time.sleep(1.5)
    assert runner.call(_sleep, 0.0, timeout=1.0) == 0.0  # the abandoned jobs ended
    runner.close()


# --- Memory, and runaway work with --allow-update ----------------------------------------------

HUNGRY_QUERY = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d LIMIT 1"
"""Sorts the 3.6 million rows of a cross join of the seed store: about 1 GB within a second."""


def test_a_query_over_the_memory_ceiling_is_503_and_its_worker_replaced(seed_store: str) -> None:
    running = start(store=seed_store, timeout=60.0, max_memory=160)
    try:
        hungry = fetch(query_url(running.url, HUNGRY_QUERY))
        assert hungry.status == 503
        assert hungry.text == ("the query needed more than the 160 MB of memory this server "
                               "allows a query process (--max-memory) and was stopped; simplify "
                               "it or add a LIMIT\n")
        assert [fetch(query_url(running.url, LABELS)).status for _ in range(4)] == [200] * 4
    finally:
        running.stop()


def test_too_small_a_memory_ceiling_will_not_start(seed_store: str) -> None:
    from kg.errors import InputError

    with pytest.raises(InputError, match=r"^--max-memory 10: .* give at least 64 \(MB\), or 0"):
        make_server(ServeOptions(store=seed_store, port=0, max_memory=10))


@pytest.fixture()
def writable_copy(seed_store: str, tmp_path: Path) -> str:
    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy)
    return str(copy)


def update(running: Running, sparql: str) -> Reply:
    return fetch(running.url + "/sparql", data=sparql.encode(),
                 headers={"Content-Type": "application/sparql-update",
                          "Authorization": "Bearer s3cret"})


def test_runaway_queries_do_not_leave_an_updatable_server_busy(writable_copy: str) -> None:
    running = start(store=writable_copy, allow_update=True, token="s3cret", timeout=3.0,
                    workers=2)
    try:
        replies: list[Reply] = []
        runaways = [threading.Thread(target=lambda: replies.append(
            fetch(query_url(running.url, SLOW_QUERY)))) for _ in range(2)]
        for thread in runaways:
            thread.start()
        for thread in runaways:
            thread.join(60)
        assert [reply.status for reply in replies] == [504, 504]
        # Both slots were held by abandoned work: the worker was replaced, not left grinding.
        assert fetch(query_url(running.url, LABELS)).status == 200
    finally:
        running.stop()


def test_a_late_update_is_not_applied_and_earlier_ones_are_kept(writable_copy: str) -> None:
    running = start(store=writable_copy, allow_update=True, token="s3cret", timeout=3.0)
    try:
        assert update(running, INSERT).status == 200
        # An update's default graph is not the union: the WHERE names the graphs.
        late = update(running, "INSERT { GRAPH <https://kg.example.org/graph/late> { kgr:y "
                               "rdfs:label ?n } } WHERE { SELECT (COUNT(*) AS ?n) WHERE { GRAPH "
                               "?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } GRAPH ?z { ?g ?h ?i } } }")
        assert late.status == 504 and "none of it was applied" in late.text
        assert converted(running, 'ASK { kgr:x rdfs:label "X" }', JSON)["boolean"] is True
        assert converted(running, "ASK { kgr:y ?p ?o }", JSON)["boolean"] is False
    finally:
        running.stop()


def test_memory_ceiling_and_crashes_with_allow_update(writable_copy: str) -> None:
    running = start(store=writable_copy, allow_update=True, token="s3cret", timeout=60.0,
                    max_memory=160)
    try:
        assert update(running, INSERT).status == 200
        hungry = fetch(query_url(running.url, HUNGRY_QUERY))
        assert hungry.status == 503 and "more than the 160 MB" in hungry.text
        # pyoxigraph 0.5 aborts the process on this sort (a panic); the server survives it.
        crash = fetch(query_url(running.url, "SELECT ?c ?f WHERE { ?a ?b ?c . ?a ?e ?f } "
                                             "ORDER BY ?f ?c"))
        assert crash.status == 500 and "the query process stopped unexpectedly" in crash.text
        assert converted(running, 'ASK { kgr:x rdfs:label "X" }', JSON)["boolean"] is True
    finally:
        running.stop()


# --- Read-only by default, updates with a token -----------------------------------------------

INSERT = 'INSERT DATA { GRAPH <https://kg.example.org/graph/extra> { kgr:x rdfs:label "X" } }'


@pytest.mark.parametrize("how", ["form", "body"])
def test_updates_are_refused_by_default(kg: Running, how: str) -> None:
    if how == "form":
        reply = fetch(kg.url + "/sparql", data=urllib.parse.urlencode({"update": INSERT}).encode())
    else:
        reply = fetch(kg.url + "/sparql", data=INSERT.encode(),
                      headers={"Content-Type": "application/sparql-update"})
    assert reply.status == 403 and "read-only" in reply.text


@pytest.fixture()
def writable(seed_store: str, tmp_path: Path) -> Iterator[Running]:
    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy)
    running = start(store=str(copy), allow_update=True, token="s3cret", timeout=10.0)
    yield running
    running.stop()


def test_updates_need_the_token_and_then_work(writable: Running) -> None:
    without = fetch(writable.url + "/sparql", data=INSERT.encode(),
                    headers={"Content-Type": "application/sparql-update"})
    wrong = fetch(writable.url + "/sparql", data=INSERT.encode(),
                  headers={"Content-Type": "application/sparql-update",
                           "Authorization": "Bearer guess"})
    assert without.status == wrong.status == 401
    assert without.headers["WWW-Authenticate"].startswith("Bearer")

    client = SPARQLWrapper(writable.url + "/sparql")
    client.setMethod(POST)
    client.addCustomHttpHeader("Authorization", "Bearer s3cret")
    client.setQuery(INSERT)
    assert client.query().response.status == 200
    check = converted(writable, 'ASK { kgr:x rdfs:label "X" }', JSON)
    assert check["boolean"] is True
    description = fetch(writable.url + "/sparql").text
    assert "SPARQL11Update" in description and "graph/extra" in description


def test_a_light_query_sees_an_update(writable: Running) -> None:
    light = 'SELECT ?l { kgr:x rdfs:label ?l } LIMIT 5'
    assert json.loads(fetch(query_url(writable.url, light)).body)["results"]["bindings"] == []
    reply = fetch(writable.url + "/sparql", data=INSERT.encode(),
                  headers={"Content-Type": "application/sparql-update",
                           "Authorization": "Bearer s3cret"})
    assert reply.status == 200
    rows = json.loads(fetch(query_url(writable.url, light)).body)["results"]["bindings"]
    assert [row["l"]["value"] for row in rows] == ["X"]


def test_load_is_refused_even_with_the_token(writable: Running, listener: Listener) -> None:
    reply = fetch(writable.url + "/sparql", data=f"LOAD <{listener.url}data.ttl>".encode(),
                  headers={"Content-Type": "application/sparql-update",
                           "Authorization": "Bearer s3cret"})
    time.sleep(0.2)
    assert reply.status == 403 and "LOAD" in reply.text
    assert listener.connections == []


def test_update_without_a_token_will_not_start(seed_store: str) -> None:
    from kg.errors import InputError

    with pytest.raises(InputError, match="--token"):
        make_server(ServeOptions(store=seed_store, port=0, allow_update=True))


# --- No way out -------------------------------------------------------------------------------


def service_queries(url: str) -> list[str]:
    host = url.rstrip("/")
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE<{url}>{{ ?s ?p ?o }} }}",
        f"PREFIX remote: <{host}/> SELECT * WHERE {{ SERVICE remote:sparql {{ ?s ?p ?o }} }}",
        f"PREFIX : <{host}/> SELECT * WHERE {{ SERVICE:x {{ ?s ?p ?o }} }}",
        # "\#" is an escape in a prefixed name, not a comment that hides the rest of the line.
        f"PREFIX e: <http://e/> SELECT * WHERE {{ ?s ?p e:a\\# SERVICE <{url}> {{ ?s ?p ?o }} }}",
        # A comment ends at a carriage return too.
        f"SELECT * WHERE {{ # note\rSERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p 1 SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p <http://a\\u0041#> . SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?u {{ <{url}> }} SERVICE ?u {{ ?s ?p ?o }} }}",
    ]


def test_service_never_reaches_the_listener(kg: Running, listener: Listener) -> None:
    for sparql in service_queries(listener.url):
        reply = fetch(kg.url + "/sparql", data=sparql.encode(),
                      headers={"Content-Type": "application/sparql-query"})
        assert reply.status == 403, sparql
        assert "SERVICE" in reply.text
    time.sleep(0.2)
    assert listener.connections == []


def test_service_reaches_the_listener_when_allowed(seed_store: str, listener: Listener) -> None:
    # The control experiment: the listener does see a SERVICE call that is let through.
    running = start(store=seed_store, allow_service=True, timeout=5.0, workers=1)
    try:
        reply = fetch(query_url(running.url, service_queries(listener.url)[0]))
    finally:
        running.stop()
    # the listener hangs up without answering: a failed gateway, not a kg bug (the error's class,
    # aborted or reset, depends on timing)
    assert reply.status == 502 and "a SERVICE endpoint refused or dropped the connection" in reply.text
    assert len(listener.connections) >= 1


def test_words_that_merely_contain_service_in_strings_are_fine(kg: Running) -> None:
    sparql = 'SELECT ?service WHERE { BIND("National Intelligence Service" AS ?service) } # SERVICE'
    reply = fetch(query_url(kg.url, sparql, format="csv"))
    assert reply.status == 200 and b"National Intelligence Service" in reply.body


@pytest.mark.parametrize("clause", ["FROM", "FROM NAMED"])
def test_pyoxigraph_never_fetches_from_graphs(listener: Listener, clause: str) -> None:
    store = pyoxigraph.Store()
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("http://s"), pyoxigraph.NamedNode("http://p"),
                              pyoxigraph.Literal("o")))
    for sparql in (f"SELECT * {clause} <{listener.url}x> WHERE {{ ?s ?p ?o }}",
                   f"SELECT * {clause} <{listener.url}x> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"):
        list(store.query(sparql))  # type: ignore[arg-type]
    time.sleep(0.2)
    assert listener.connections == []


@pytest.mark.parametrize("clause", ["FROM", "FROM NAMED"])
def test_from_unknown_graphs_is_refused(kg: Running, listener: Listener, clause: str) -> None:
    reply = fetch(query_url(kg.url, f"SELECT * {clause} <{listener.url}x> WHERE {{ ?s ?p ?o }}"))
    time.sleep(0.2)
    assert reply.status == 403 and "never fetches" in reply.text
    assert listener.connections == []


def test_from_a_graph_in_the_store_works(kg: Running) -> None:
    # The dataset is exactly what FROM names: the article's mentions, and the entity graph's
    # labels (docs/layout.md), not the union of every graph.
    sparql = ("PREFIX g: <https://kg.example.org/graph/> SELECT DISTINCT ?label "
              "FROM g:kim-jong-un-defections FROM <https://kg.example.org/entities> "
              "WHERE { ?m kgo:denotes kgr:kim-jong-un . kgr:kim-jong-un rdfs:label ?label }")
    reply = fetch(query_url(kg.url, sparql, format="csv"))
    assert reply.status == 200 and reply.body == b"label\r\nKim Jong Un\r\n"
    alone = sparql.replace(" FROM <https://kg.example.org/entities>", "")
    reply = fetch(query_url(kg.url, alone, format="csv"))
    assert reply.status == 200 and reply.body == b"label\r\n"


@pytest.mark.parametrize("path", [
    "/static/../../etc/passwd",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/....//....//etc/passwd",
    "/static/app.js/../../../../etc/passwd",
    "/static//etc/passwd",
    "/../../etc/passwd",
    "/id/../../etc/passwd",
    "/id/%2e%2e/%2e%2e/etc/passwd",
    "/static/%00app.js",
])
def test_no_path_traversal(kg: Running, path: str) -> None:
    reply = raw_get(kg.port, path)
    assert reply.status in (400, 404)
    assert b"root:" not in reply.body


def test_a_foreign_host_name_is_refused(kg: Running) -> None:
    # DNS rebinding: another site's name pointed at 127.0.0.1.
    reply = raw_get(kg.port, "/api/queries", {"Host": f"evil.example:{kg.port}"})
    assert reply.status == 421
    assert raw_get(kg.port, "/api/queries", {"Host": f"localhost:{kg.port}"}).status == 200


# --- Linked data and the page -----------------------------------------------------------------


def test_entity_page_html(kg: Running) -> None:
    reply = fetch(kg.url + "/id/kim-jong-un", headers={"Accept": "text/html"})
    assert reply.status == 200 and reply.headers["Content-Type"].startswith("text/html")
    page = reply.text
    assert "<h1>Kim Jong Un</h1>" in page
    assert 'href="/id/kim-jong-il"' in page  # a relation, linked
    assert "<svg" in page and "node-center" in page  # the neighbourhood, drawn on the server
    assert "PressConference" in page  # an event it takes part in
    assert "Source sentences" in page
    assert reply.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert reply.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("accept", "rdflib_format"), [
    ("text/turtle", "turtle"),
    ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld"),
])
def test_entity_description_by_content_negotiation(
    kg: Running, accept: str, rdflib_format: str
) -> None:
    reply = fetch(kg.url + "/id/kim-jong-un", headers={"Accept": accept})
    assert reply.status == 200 and reply.headers["Content-Type"].startswith(accept)
    graph = rdflib.Graph().parse(data=reply.body, format=rdflib_format)
    person = rdflib.URIRef(ENTITY + "kim-jong-un")
    assert (person, rdflib.RDFS.label, rdflib.Literal("Kim Jong Un")) in graph
    assert set(graph.subjects()) == {person}  # its description, not its neighbours'


def test_entity_json_twin(kg: Running) -> None:
    facts = json.loads(fetch(kg.url + "/id/kim-jong-un",
                             headers={"Accept": "application/json"}).body)
    assert facts["label"] == "Kim Jong Un" and facts["aliases"] == ["Kim"]
    assert {"name": "parent", "target": ENTITY + "kim-jong-il"}.items() <= \
        facts["relations_out"][0].items()
    assert facts["neighbourhood"]["nodes"][0]["kind"] == "center"
    assert fetch(kg.url + "/id/kim-jong-un?format=json").body == \
        fetch(kg.url + "/id/kim-jong-un", headers={"Accept": "application/json"}).body


def test_entity_with_a_slash_in_its_key(kg: Running) -> None:
    reply = fetch(kg.url + "/id/kim-jong-un-defections/north-korean-soldier-2711")
    assert reply.status == 200 and "North Korean soldier" in reply.text


def test_unknown_entity_is_404(kg: Running) -> None:
    assert fetch(kg.url + "/id/nobody").status == 404
    assert fetch(kg.url + "/id/nobody", headers={"Accept": "text/turtle"}).status == 404


def test_index_page_and_its_json_twin(kg: Running) -> None:
    from kg.query import list_queries

    page = fetch(kg.url + "/")
    assert page.status == 200 and '<script src="/static/app.js"' in page.text
    listed = json.loads(fetch(kg.url + "/api/queries").body)
    assert [q["name"] for q in listed["queries"]] == [q.name for q in list_queries()]
    assert all(q["sparql"].lstrip().startswith("#") for q in listed["queries"])
    twin = json.loads(fetch(kg.url + "/", headers={"Accept": "application/json"}).body)
    assert twin == listed


@pytest.mark.parametrize(("name", "media_type"), [
    ("app.js", "text/javascript"), ("style.css", "text/css"), ("icon.svg", "image/svg+xml"),
])
def test_static_files(kg: Running, name: str, media_type: str) -> None:
    reply = fetch(kg.url + "/static/" + name)
    assert reply.status == 200 and reply.headers["Content-Type"].startswith(media_type)
    assert reply.headers["X-Content-Type-Options"] == "nosniff"


def test_page_scripts_never_use_inner_html() -> None:
    from importlib import resources

    script = resources.files("kg.web").joinpath("static", "app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "eval(" not in script and "document.write" not in script


def test_saved_queries_all_run(kg: Running) -> None:
    listed = json.loads(fetch(kg.url + "/api/queries").body)["queries"]
    for saved in listed:
        reply = fetch(kg.url + "/sparql", data=saved["sparql"].encode(),
                      headers={"Content-Type": "application/sparql-query"})
        assert reply.status == 200, (saved["name"], reply.text)


# --- Hostile text -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(hostile_store: str) -> Iterator[Running]:
    running = start(store=hostile_store, timeout=20.0)
    yield running
    running.stop()


@pytest.mark.parametrize("key", ["o'hostile", "smith", "vladimir-putin"])
def test_hostile_text_is_escaped_on_entity_pages(hostile: Running, key: str) -> None:
    reply = fetch(hostile.url + "/id/" + urllib.parse.quote(key, safe="'"))
    assert reply.status == 200
    page = reply.text
    assert "<script>alert" not in page and "<img" not in page and "onerror=alert(1)>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&quot;&gt;&lt;img" in page


def test_hostile_entity_page_shows_the_text_escaped(hostile: Running) -> None:
    page = fetch(hostile.url + "/id/o'hostile").text
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="/id/smith"' in page
    smith = fetch(hostile.url + "/id/smith").text
    assert 'href="/id/o&#x27;hostile"' in smith  # the IRI's quote cannot end the attribute


# --- The real command -------------------------------------------------------------------------


def serve_process(kg_command: str, store: str, *options: str) -> tuple[subprocess.Popen[str], str]:
    """`kg serve` on a free port as a subprocess, and its URL once it listens."""
    process = subprocess.Popen(
        [kg_command, "serve", "--store", store, "--port", "0", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "KG_SERVE_TOKEN": ""},
    )
    assert process.stderr is not None
    first = process.stderr.readline()
    if not first.startswith("kg serve: http://127.0.0.1:"):
        process.kill()
        process.wait()
        raise AssertionError(first + process.stderr.read())
    return process, first.split()[2].rstrip("/")


def test_kg_serve_smoke(seed_store: str, kg_command: str) -> None:
    process, url = serve_process(kg_command, seed_store, "--timeout", "10")
    try:
        assert process.stderr is not None
        assert fetch(url + "/").status == 200
        reply = fetch(query_url(url, LABELS, format="csv"))
        assert reply.body == b"label\r\nKim Jong Un\r\n"
        process.send_signal(signal.SIGTERM)
        assert process.wait(15) == 0
        log = process.stderr.read()
        assert '"GET /sparql?query=' in log
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


# --- kg serve and kg build on one store -------------------------------------------------------

TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
ANOTHER_ARTICLE = """---
id: ferry-strike
title: Ferry crews strike in Piraeus
published: 2024-03-05
---
Ferry crews walked off the job in Piraeus on Tuesday, the union PNO said. Greek shipping
minister Christos Stylianides called the strike unlawful.
"""


def _children(pid: int, module: str) -> list[int]:
    """The processes that ``pid`` started with ``python -m module``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError, IndexError):
            continue
        if parent == pid and module.encode() in command:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_kg_serve_with_two_processes_and_their_end(seed_store: str, kg_command: str) -> None:
    process, url = serve_process(kg_command, seed_store, "--processes", "2", "--workers", "1",
                                 "--quiet", "--timeout", "10")
    try:
        others = _children(process.pid, "kg.server")
        assert len(others) == 1
        for _ in range(20):  # new connections, shared out between the two processes
            assert fetch(query_url(url, LABELS, format="csv")).body == b"label\r\nKim Jong Un\r\n"
            assert fetch(query_url(url, LIGHT)).headers["KG-Rows"] == "50"
        process.send_signal(signal.SIGTERM)
        assert process.wait(15) == 0
        deadline = time.monotonic() + 15
        while any(Path(f"/proc/{pid}").exists() for pid in others) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(Path(f"/proc/{pid}").exists() for pid in others)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_more_processes_only_for_a_read_only_store_on_disk(seed_store: str) -> None:
    from kg.errors import InputError

    with pytest.raises(InputError, match="^--processes: with --allow-update one process holds"):
        make_server(ServeOptions(store=seed_store, port=0, processes=2, allow_update=True,
                                 token="t"))
    with pytest.raises(InputError, match="^--processes: ':memory:' is not a store directory"):
        make_server(ServeOptions(store=":memory:", port=0, processes=2))


def triples_served(url: str) -> int:
    return int(fetch(query_url(url, TRIPLES, format="csv")).text.split()[1])


def kg_build(kg_command: str, article: Path, store: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([kg_command, "build", str(article), "--store", str(store)],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("mode", [[], ["--allow-update", "--token", "s3cret"]],
                         ids=["read-only", "allow-update"])
def test_a_build_is_refused_while_kg_serve_holds_the_store(
    seed_store: str, kg_command: str, tmp_path: Path, mode: list[str]
) -> None:
    store = tmp_path / "store"
    shutil.copytree(seed_store, store)
    article = tmp_path / "ferry-strike.md"
    article.write_text(ANOTHER_ARTICLE, encoding="utf-8")
    process, url = serve_process(kg_command, str(store), "--quiet", *mode)
    try:
        before = triples_served(url)
        refused = kg_build(kg_command, article, store)
        assert refused.returncode == 2
        assert refused.stderr.strip() == (
            f"kg: error: the store at '{store}' is in use by kg serve (pid {process.pid}) at "
            f"{url}/: stop it, then run this again (kg serve holds its store so that no answer "
            "comes from a store changing under it)")
        assert [triples_served(url) for _ in range(4)] == [before] * 4  # every worker agrees
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(15) == 0
    built = kg_build(kg_command, article, store)
    assert built.returncode == 0, built.stderr
    process, url = serve_process(kg_command, str(store), "--quiet", *mode)
    try:
        assert triples_served(url) > before  # the next kg serve answers from the new build
    finally:
        process.kill()
        process.wait()


def test_kg_serve_will_not_start_on_a_store_being_written(seed_store: str, tmp_path: Path) -> None:
    from kg.errors import StoreError
    from kg.stores import open_store

    store = tmp_path / "store"
    shutil.copytree(seed_store, store)
    with open_store(str(store)):  # a build would hold the store like this
        with pytest.raises(StoreError, match=f"^the store at '{store}' is being written by .*"
                                             f"\\(pid {os.getpid()}\\): start kg serve when it "
                                             "has finished$"):
            make_server(ServeOptions(store=str(store), port=0))
    start(store=str(store)).stop()  # and once the build is over, it starts


@pytest.mark.parametrize("module", ["kg.web.sparql", "kg.web.negotiation", "kg.web.layout"])
def test_docstring_examples(module: str) -> None:
    import doctest
    import importlib

    failed, attempted = doctest.testmod(importlib.import_module(module))
    assert attempted > 0 and failed == 0
