"""The remote store: a SPARQL 1.1 server (Oxigraph, Fuseki, GraphDB, ...) behind kg's Store interface.

Queries go over the SPARQL 1.1 Protocol, writes as one SPARQL Update request (all or nothing on
Oxigraph), whole graphs through the Graph Store Protocol. :func:`kg.stores.open_store` returns a
:class:`RemoteStore` for an ``http://`` or ``https://`` location.
"""

from __future__ import annotations

import difflib
import http
import http.client
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import BinaryIO

import pyoxigraph

from kg.errors import InputError, QueryError, StoreError
from kg.sparqltext import check_shape, names_its_dataset, where_brace
from kg.stores.base import (
    ERROR_POSITION,
    QueryResult,
    RdfFile,
    Store,
    Term,
    count_solutions,
    graph_name,
    oxigraph_query,
    planned_descriptions,
    planned_replacement,
    syntax_error_message,
    triples_text,
)
from kg.stores.formats import ExportFormat, triple_order, write_graph, write_triples
from kg.vocab import PREFIXES


@dataclass(frozen=True)
class Endpoints:
    """Where a SPARQL server answers: SPARQL 1.1 queries, updates, and the Graph Store Protocol."""

    query: str
    update: str
    graph_store: str


SERVER_LAYOUTS: Mapping[str, Endpoints] = {
    # oxigraph serve --location DIR --union-default-graph; the URL is http://HOST:7878
    "oxigraph": Endpoints("{url}/query", "{url}/update", "{url}/store"),
    # Apache Jena Fuseki; the URL names the dataset: http://HOST:3030/DATASET
    "fuseki": Endpoints("{url}/query", "{url}/update", "{url}/data"),
    # Ontotext GraphDB; the URL names the repository: http://HOST:7200/repositories/ID
    "graphdb": Endpoints("{url}", "{url}/statements", "{url}/rdf-graphs/service"),
}
"""How known SPARQL servers lay out their endpoints under the URL kg is given, listed once."""

ENDPOINT_ENVIRONMENT_VARIABLES = Endpoints("KG_QUERY_URL", "KG_UPDATE_URL", "KG_GSP_URL")
"""The environment variables that override the ``oxigraph`` layout's URLs one by one."""

TIMEOUT_ENVIRONMENT_VARIABLE = "KG_STORE_TIMEOUT"
DEFAULT_TIMEOUT = 300.0
"""Seconds to wait for a SPARQL server to answer, unless ``$KG_STORE_TIMEOUT`` says otherwise;
generous because one build is one update request that the server applies before answering."""


def remote_endpoints(url: str, endpoints: Endpoints | str | None = None) -> Endpoints:
    """The endpoints of the SPARQL server at ``url``: ``endpoints`` itself, a layout named in
    :data:`SERVER_LAYOUTS` applied to ``url``, or the ``oxigraph`` layout with each URL
    replaced by its environment variable when that is set.

    >>> remote_endpoints("http://localhost:7200/repositories/news", "graphdb").update
    'http://localhost:7200/repositories/news/statements'
    """
    base = url.rstrip("/")
    parsed = urllib.parse.urlsplit(base)
    if not parsed.hostname:
        raise StoreError(f"'{url}' is not a SPARQL server URL: give http://HOST:PORT[/PATH]")
    if isinstance(endpoints, Endpoints):
        return endpoints
    layout_name = (endpoints or "oxigraph").strip().lower()
    if layout_name not in SERVER_LAYOUTS:
        close = difflib.get_close_matches(layout_name, list(SERVER_LAYOUTS), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ";"
        raise InputError(
            f"unknown SPARQL server layout '{endpoints}'{hint} "
            f"choose one of: {', '.join(SERVER_LAYOUTS)}"
        )
    layout = SERVER_LAYOUTS[layout_name]
    found = {
        role: getattr(layout, role).format(url=base) for role in ("query", "update", "graph_store")
    }
    if endpoints is None:
        for role, variable in vars(ENDPOINT_ENVIRONMENT_VARIABLES).items():
            found[role] = os.environ.get(variable) or found[role]
    return Endpoints(**found)


def remote_timeout() -> float:
    configured = os.environ.get(TIMEOUT_ENVIRONMENT_VARIABLE)
    if not configured:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(configured)
    except ValueError:
        seconds = 0.0
    if seconds <= 0:
        raise InputError(
            f"${TIMEOUT_ENVIRONMENT_VARIABLE} must be a number of seconds, got '{configured}'"
        )
    return seconds



# --- The remote store -------------------------------------------------------------------------

# What kg asks a server for: SPARQL results for SELECT and ASK, N-Triples for CONSTRUCT and
# DESCRIBE (the server picks by the query's form), and the same types are read back. Dumps ask
# for TSV first: the most compact of the lossless result formats.
_RESULTS_MEDIA_TYPES = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "text/tab-separated-values;q=0.8"
)
_GRAPH_MEDIA_TYPES = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.8"
_ANY_RESULT_MEDIA_TYPES = f"{_RESULTS_MEDIA_TYPES}, {_GRAPH_MEDIA_TYPES}"
_TABLE_MEDIA_TYPES = (
    "text/tab-separated-values, application/sparql-results+json;q=0.9, "
    "application/sparql-results+xml;q=0.8"
)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
_MESSAGE_LENGTH = 300


@dataclass(frozen=True)
class _Answer:
    """An HTTP response as the remote store reads it."""

    status: int
    media_type: str
    body: bytes


class RemoteStore(Store):
    """A kg store kept by a SPARQL 1.1 server (``oxigraph serve``, Fuseki, GraphDB, ...).

    Queries are POSTed to the query endpoint (SPARQL 1.1 Protocol) and their results parsed
    back into the same pyoxigraph types the embedded store returns; every write is one SPARQL
    update request; one graph's content is read with the Graph Store Protocol.

    kg's own queries here name their graphs (``GRAPH ?g``), so they work on any server. A
    query with no ``GRAPH`` sees the union of the named graphs only if the server makes its
    default graph that union (``oxigraph serve --union-default-graph``; Fuseki with TDB2's
    ``unionDefaultGraph``; GraphDB does by default): kg rewrites no query. A write is atomic
    when the server applies one update request in one transaction, as Oxigraph does.
    """

    def __init__(
        self,
        endpoints: Endpoints,
        location: str,
        *,
        read_only: bool = False,
        timeout: float = DEFAULT_TIMEOUT,
    ):
        """Talk to the server at ``endpoints``; ``location`` is only used in messages."""
        self.endpoints = endpoints
        self.location = location
        self.read_only = read_only
        self.timeout = timeout
        self._closed = False
        # An empty in-memory store parses queries here first, so that a mistake gets the same
        # message, with line and column, as on the embedded store.
        self._parser = pyoxigraph.Store()
        self._prologue = "".join(f"PREFIX {name}: <{iri}> " for name, iri in PREFIXES.items())

    @property
    def closed(self) -> bool:
        return self._closed

    # Writing ---------------------------------------------------------------------------------

    def _replace_graphs(self, graphs: Mapping[str, str], remove: list[str],
                        descriptions: Mapping[str, Mapping[str, str]]) -> None:
        """One SPARQL update request.

        The N-Triples are parsed here first, so malformed input never reaches the server. The
        request drops every graph it replaces and inserts the new content whole; a server that
        applies one request in one transaction (Oxigraph does) changes all or nothing.
        """
        self._writable()
        names, new_content, dropped = planned_replacement(graphs, remove)
        parts = planned_descriptions(descriptions, set(graphs) | set(dropped))
        operations = [f"DROP SILENT GRAPH {names[iri]}" for iri in [*dropped, *new_content]]
        by_graph: dict[pyoxigraph.NamedNode, list] = {}
        for name, subject, triples in parts:
            by_graph.setdefault(name, []).append((subject, triples))
        for name, described in by_graph.items():
            subjects = " ".join(str(subject) for subject, _ in described)
            operations.append(f"DELETE {{ GRAPH {name} {{ ?s ?p ?o }} }} WHERE {{ "
                              f"VALUES ?s {{ {subjects} }} GRAPH {name} {{ ?s ?p ?o }} }}")
        insertions = [
            f"GRAPH {names[iri]} {{\n{triples_text(triples)}\n}}"
            for iri, triples in new_content.items()
            if triples
        ]
        insertions += [
            f"GRAPH {name} {{\n{triples_text(triples)}\n}}"
            for name, subject, triples in parts
            if triples
        ]
        if insertions:
            # One INSERT DATA for all graphs: blank node labels are shared within an operation,
            # and each graph's were renamed apart when it was parsed.
            operations.append("INSERT DATA {\n" + "\n".join(insertions) + "\n}")
        if operations:
            self._update(" ;\n".join(operations), "the write")

    def load(self, files: Sequence[RdfFile]) -> list[int]:
        """Refused: a SPARQL server loads files faster with its own loader."""
        raise StoreError(
            f"kg load writes to an embedded store; load the files into the server at "
            f"'{self.location}' with its own bulk loader (oxigraph load, Fuseki's tdb2.tdbloader, "
            "...)"
        )

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update as one request (for kg's own use; users only query)."""
        self._writable()
        check_shape(sparql, "update")
        answer = self._update(self._prologue + "\n" + sparql, "the update", tolerate=(400,))
        if answer.status == 400:
            message = _server_message(answer)
            position = ERROR_POSITION.match(message)
            if position:  # Oxigraph's syntax errors; line 1 is kg's prefixes
                line = int(position.group(1)) - 1
                shifted = f"error at {line}:{position.group(2)}: {message[position.end() :]}"
                raise QueryError(
                    syntax_error_message("SPARQL update", sparql, SyntaxError(shifted))
                )
            raise StoreError(_refusal(self.endpoints.update, "the update", answer))

    def flush(self) -> None:
        """Nothing to do: the server made each write durable before it answered."""
        self._open()

    def close(self) -> None:
        """Forget the server; closing twice is harmless (no connection is kept open)."""
        self._closed = True

    # Reading ---------------------------------------------------------------------------------

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs on the server, sorted."""
        solutions = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(
            graph.value
            for graph in (solution["g"] for solution in solutions)
            if isinstance(graph, pyoxigraph.NamedNode)
        )

    def triples_count(self) -> int:
        """How many triples the named graphs hold in all (a triple held by two graphs counts
        twice; kg writes nothing to the server's default graph)."""
        return count_solutions(self._select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))

    def graph_triples(self, iri: str) -> int:
        """How many triples the named graph ``iri`` holds (0 if there is no such graph)."""
        name = graph_name(iri)
        return count_solutions(
            self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}")
        )

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None) -> QueryResult:
        """Run a SPARQL 1.1 query on the server, with kg's prefixes predeclared.

        Its default graph is whatever the server makes it (see the class). ``substitutions``
        binds selected variables (name without ``?``) as on the embedded store; the protocol
        cannot carry them, so they travel as a ``VALUES`` block opening the WHERE clause.
        """
        self._open()
        check_shape(sparql)
        checked = not _SERVICE.search(sparql)  # parsing here must not call other services
        if checked:
            oxigraph_query(self._parser, sparql, substitutions)
        text = self._prologue + "\n" + _with_values(sparql, substitutions,
                                                   self._parser if checked else None)
        return self._post_query(text, _ANY_RESULT_MEDIA_TYPES,
                                _dataset_parameters(text) if names_its_dataset(sparql) else None)

    def _post_query(self, text: str, accept: str,
                    params: Sequence[tuple[str, str]] | None = None) -> QueryResult:
        """Send one query text to the query endpoint; its answer, read."""
        answer = self._send(self.endpoints.query, "the query", body=text.encode("utf-8"),
                            content_type="application/sparql-query", accept=accept,
                            params=params)
        return self._results(answer, self.endpoints.query)

    def _dump(self, output: BinaryIO, export_format: ExportFormat, graph: str | None,
              prefixes: Mapping[str, str]) -> None:
        """The server sends the graphs (Graph Store Protocol)."""
        self._open()
        if graph is not None:
            name = graph_name(graph)
            answer = self._send(
                self.endpoints.graph_store,
                "the graph",
                params={"graph": graph},
                accept=_GRAPH_MEDIA_TYPES,
                tolerate=(404,),
            )
            triples = [] if answer.status == 404 else self._triples(answer, graph)
            # Some servers answer an empty graph for a missing one instead of 404.
            if answer.status == 404 or (not triples and graph not in self.graphs()):
                raise StoreError(f"no graph <{graph}> in the store at '{self.location}'")
            write_graph(iter(triples), name, output, export_format, prefixes)
            return
        solutions = self._select(
            "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", accept=_TABLE_MEDIA_TYPES
        )
        try:
            quads = [
                pyoxigraph.Quad(row["s"], row["p"], row["o"], row["g"])  # type: ignore[arg-type]
                for row in solutions
            ]
            if export_format.keeps_graphs:
                quads.sort(key=lambda quad: (str(quad.graph_name), *triple_order(quad.triple)))
                pyoxigraph.serialize(
                    quads, output, export_format.rdf_format, prefixes=dict(prefixes)
                )
            else:
                write_triples((quad.triple for quad in quads), output, export_format, prefixes)
        except SyntaxError as error:
            raise StoreError(_unreadable(self.endpoints.query, error)) from error

    # Helpers ---------------------------------------------------------------------------------

    def _open(self) -> None:
        if self._closed:
            raise StoreError(f"the store at '{self.location}' is closed")

    def _writable(self) -> None:
        self._open()
        if self.read_only:
            raise StoreError(f"the store at '{self.location}' is open read-only")

    def _select(
        self, sparql: str, *, accept: str = _RESULTS_MEDIA_TYPES
    ) -> pyoxigraph.QuerySolutions:
        """Run one of kg's own SELECT queries (which need no local checks)."""
        self._open()
        result = self._post_query(sparql, accept)
        if not isinstance(result, pyoxigraph.QuerySolutions):
            raise StoreError(
                f"the SPARQL server at {self.endpoints.query} did not answer a SELECT query "
                "with solutions"
            )
        return result

    def _update(self, sparql: str, what: str, *, tolerate: tuple[int, ...] = ()) -> _Answer:
        return self._send(
            self.endpoints.update,
            what,
            body=sparql.encode("utf-8"),
            content_type="application/sparql-update",
            accept="*/*",
            tolerate=tolerate,
        )

    def _send(
        self,
        url: str,
        what: str,
        *,
        body: bytes | None = None,
        content_type: str | None = None,
        accept: str,
        params: Mapping[str, str] | Sequence[tuple[str, str]] | None = None,
        tolerate: tuple[int, ...] = (),
    ) -> _Answer:
        """One HTTP request; any failure but an HTTP status in ``tolerate`` is a StoreError
        that names the URL."""
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        request = urllib.request.Request(url, data=body, method="GET" if body is None else "POST")
        request.add_header("Accept", accept)
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return _Answer(
                    response.status, response.headers.get_content_type(), response.read()
                )
        except urllib.error.HTTPError as error:
            with error:
                answer = _Answer(error.code, error.headers.get_content_type(), error.read())
            if error.code in tolerate:
                return answer
            raise StoreError(_refusal(url, what, answer)) from error
        except TimeoutError as error:
            raise StoreError(self._timed_out(url, what)) from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise StoreError(self._timed_out(url, what)) from error
            if isinstance(error.reason, ConnectionRefusedError):
                reason = "connection refused (is the server running?)"
            else:
                reason = getattr(error.reason, "strerror", None) or str(error.reason)
            raise StoreError(f"cannot reach the SPARQL server at {url}: {reason}") from error
        except (OSError, http.client.HTTPException) as error:
            raise StoreError(
                f"the connection to the SPARQL server at {url} failed during {what}: "
                f"{error or type(error).__name__}"
            ) from error

    def _timed_out(self, url: str, what: str) -> str:
        return (
            f"the SPARQL server at {url} did not answer {what} within {self.timeout:g} s "
            f"(${TIMEOUT_ENVIRONMENT_VARIABLE} sets how long to wait)"
        )

    def _results(self, answer: _Answer, url: str) -> QueryResult:
        """The query result an answer carries, as the pyoxigraph type the embedded store gives."""
        results_format = pyoxigraph.QueryResultsFormat.from_media_type(answer.media_type)
        graph_format = pyoxigraph.RdfFormat.from_media_type(answer.media_type)
        try:
            if results_format is not None:
                return pyoxigraph.parse_query_results(answer.body, results_format)
            if graph_format is not None:
                # pyoxigraph's graph result type comes only from a query: load the triples in a
                # throwaway store and ask for them back.
                graph = pyoxigraph.Store()
                graph.load(answer.body, graph_format)
                return graph.query("CONSTRUCT WHERE { ?s ?p ?o }")
        except SyntaxError as error:
            raise StoreError(_unreadable(url, error)) from error
        raise StoreError(
            f"the SPARQL server at {url} answered with '{answer.media_type}', "
            "which is neither SPARQL results nor RDF"
        )

    def _triples(self, answer: _Answer, graph: str) -> list[pyoxigraph.Triple]:
        url = self.endpoints.graph_store
        graph_format = pyoxigraph.RdfFormat.from_media_type(answer.media_type)
        if graph_format is None:
            raise StoreError(
                f"the SPARQL server at {url} answered with '{answer.media_type}' for graph "
                f"<{graph}>, which is not RDF"
            )
        try:
            return [quad.triple for quad in pyoxigraph.parse(answer.body, graph_format)]
        except SyntaxError as error:
            raise StoreError(_unreadable(url, error)) from error




def _with_values(
    sparql: str, substitutions: Mapping[str, Term] | None, parser: pyoxigraph.Store | None
) -> str:
    """``sparql`` with ``substitutions`` written into it as a ``VALUES`` block, checked with
    ``parser`` when one is given.

    The block opens the WHERE clause, so the variables are bound before the pattern is
    matched, as pyoxigraph's substitutions are (an OPTIONAL that does not match leaves the
    value bound). A WHERE clause that is a subquery takes no block: it gets a trailing
    ``VALUES`` clause instead, joined with the solutions.
    """
    if not substitutions:
        return sparql
    names = " ".join(f"?{name}" for name in substitutions)
    # str() of a pyoxigraph term is its N-Triples form: quoted and escaped, valid in SPARQL.
    block = f"VALUES ({names}) {{ ({' '.join(str(term) for term in substitutions.values())}) }}"
    candidates = [f"{sparql.rstrip()}\n{block}\n"]
    brace = where_brace(sparql)
    if brace is not None:
        candidates.insert(0, f"{sparql[: brace + 1]} {block} {sparql[brace + 1 :]}")
    if parser is None:
        return candidates[0]
    for text in candidates:
        try:
            oxigraph_query(parser, text, None)
        except QueryError:
            continue
        return text
    raise QueryError(
        "cannot bind parameters on a remote store to a query whose WHERE clause is a subquery "
        "and which ends with a VALUES clause of its own"
    )


def _server_message(answer: _Answer) -> str:
    """The message in an error response, on one line and not too long."""
    text = answer.body.decode("utf-8", errors="replace")
    if answer.media_type == "text/html":
        text = re.sub(r"<[^>]*>", " ", text)
    text = " ".join(text.split())
    if len(text) > _MESSAGE_LENGTH:
        text = text[: _MESSAGE_LENGTH - 3] + "..."
    return text or "(no message)"


def _refusal(url: str, what: str, answer: _Answer) -> str:
    reason = http.HTTPStatus(answer.status).phrase if answer.status in _HTTP_STATUSES else ""
    status = f"HTTP {answer.status} {reason}".rstrip()
    return f"the SPARQL server at {url} refused {what} ({status}): {_server_message(answer)}"


_HTTP_STATUSES = {status.value for status in http.HTTPStatus}


def _unreadable(url: str, error: SyntaxError) -> str:
    return (
        f"the SPARQL server at {url} sent an answer kg cannot read: {' '.join(str(error).split())}"
    )


def _dataset_parameters(text: str) -> list[tuple[str, str]]:
    """A query's ``FROM`` and ``FROM NAMED`` graphs as the protocol's ``default-graph-uri`` and
    ``named-graph-uri`` parameters. They name the same dataset (SPARQL 1.1 Protocol, 2.1.4), and
    a server whose default graph is the union of all graphs may let that override ``FROM`` in
    the text while it honours the parameters (``oxigraph serve --union-default-graph`` does)."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        clauses = translateQuery(parseQuery(text)).algebra.get("datasetClause") or []
    except Exception:  # pyoxigraph accepted it: let the server judge what rdflib cannot read
        return []
    return [("default-graph-uri", str(clause["default"])) if "default" in clause
            else ("named-graph-uri", str(clause["named"])) for clause in clauses]
