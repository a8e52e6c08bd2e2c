"""Embedded, in-memory and remote SPARQL stores behind one small interface, and export formats.

A kg store is an RDF dataset of named graphs (one graph per article, say). :func:`open_store`
picks the implementation from a location: ``":memory:"`` for a throw-away store and a directory
for an on-disk store (both :class:`EmbeddedStore`, Oxigraph in this process), an ``http://`` or
``https://`` URL for a SPARQL 1.1 server (:class:`RemoteStore`). Both have the public methods
of :class:`Store`: ``replace_graphs``, ``remove_graphs``, ``update``, ``graphs``,
``triples_count``, ``graph_triples``, ``query``, ``dump``, ``flush`` and ``close``.

Queries see the *union* of the named graphs as their default graph, so a query never has to say
which article a fact came from unless it wants to (``GRAPH ?g { ... }``); on a remote store the
server must be set up that way (see :class:`RemoteStore`).
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
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, TypeAlias

import pyoxigraph

from kg.errors import InputError, QueryError, StoreError

DEFAULT_STORE = ".kg"
"""Where the store lives when no location is given and ``$KG_STORE`` is not set."""

STORE_ENVIRONMENT_VARIABLE = "KG_STORE"
MEMORY = ":memory:"
"""The location of a fresh in-memory store, gone when it is closed."""

PREFIXES: Mapping[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "kgo": "https://kg.example.org/ontology#",
    "kgr": "https://kg.example.org/id/",
}
"""The prefixes written in Turtle/TriG exports, used to shorten IRIs in tables, and predeclared
in every query (a query's own ``PREFIX`` declarations take precedence)."""

Term: TypeAlias = (
    pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple
)
"""An RDF term, as pyoxigraph represents it."""

QueryResult: TypeAlias = (
    pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples
)
"""What a query returns: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""

_RDF_TYPE = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


# --- Export formats ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportFormat:
    """An RDF serialisation kg can write: its name, other names, file extensions, and whether
    it keeps the named graphs (quad formats) or merges them into one graph (triple formats)."""

    name: str
    rdf_format: pyoxigraph.RdfFormat
    keeps_graphs: bool
    aliases: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()


EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("turtle", pyoxigraph.RdfFormat.TURTLE, False, ("ttl",), ("ttl",)),
    ExportFormat("nt", pyoxigraph.RdfFormat.N_TRIPLES, False, ("ntriples", "n-triples"), ("nt",)),
    ExportFormat("nquads", pyoxigraph.RdfFormat.N_QUADS, True, ("nq", "n-quads"), ("nq",)),
    ExportFormat("trig", pyoxigraph.RdfFormat.TRIG, True, (), ("trig",)),
    # JSON-LD could carry the graphs, but as an export it is read by tools that expect one graph.
    ExportFormat("jsonld", pyoxigraph.RdfFormat.JSON_LD, False, ("json-ld",), ("jsonld", "json")),
    ExportFormat("xml", pyoxigraph.RdfFormat.RDF_XML, False, ("rdfxml", "rdf/xml"), ("rdf", "xml")),
)
"""Every export format, listed once; the lookups below are derived from this table."""

_FORMAT_BY_NAME = {key: f for f in EXPORT_FORMATS for key in (f.name, *f.aliases)}
_FORMAT_BY_EXTENSION = {extension: f for f in EXPORT_FORMATS for extension in f.extensions}


def format_for(name_or_path: str) -> ExportFormat:
    """The export format named ``name_or_path`` (or an alias), or guessed from a file extension.

    >>> format_for("ttl").name, format_for("out/graph.nq").name
    ('turtle', 'nquads')
    """
    key = name_or_path.strip().lower()
    if key in _FORMAT_BY_NAME:
        return _FORMAT_BY_NAME[key]
    extension = Path(key).suffix.lstrip(".") or key.lstrip(".")
    if extension in _FORMAT_BY_EXTENSION:
        return _FORMAT_BY_EXTENSION[extension]
    known = {**_FORMAT_BY_EXTENSION, **_FORMAT_BY_NAME}
    close = difflib.get_close_matches(extension or key, list(known), n=1)
    hint = f"; did you mean '{known[close[0]].name}'?" if close else ";"
    choices = ", ".join(f.name for f in EXPORT_FORMATS)
    raise InputError(f"unknown format '{name_or_path}'{hint} choose one of: {choices}")


def export(
    store: Store, out: BinaryIO, format_name: str, *, prefixes: Mapping[str, str] = PREFIXES
) -> None:
    """Write the whole graph to ``out``: quad formats keep the named graphs, triple formats get
    their union (each triple once), sorted by subject so the output is stable and readable."""
    store.dump(out, format_name, prefixes=prefixes)


# --- Opening a store --------------------------------------------------------------------------


def store_location(location: str | None) -> str:
    """The store location to use: ``location`` if given, else ``$KG_STORE``, else ``.kg``."""
    if location:
        return location
    return os.environ.get(STORE_ENVIRONMENT_VARIABLE) or DEFAULT_STORE


def open_store(
    location: str | None = None,
    *,
    create: bool = False,
    read_only: bool = False,
    endpoints: Endpoints | str | None = None,
) -> Store:
    """Open the store at ``location`` (see :func:`store_location`): ``":memory:"`` is a new
    in-memory store, a directory an on-disk one (made only with ``create=True``), and an
    ``http://`` or ``https://`` URL a SPARQL server (see :class:`RemoteStore`).

    ``read_only=True`` opens an on-disk store without taking its write lock, so queries can run
    beside another reader; it must not be used while another process writes to the store.
    A remote store opened read-only refuses writes itself.

    ``endpoints`` says where a SPARQL server answers: an :class:`Endpoints`, or the name of a
    server layout in :data:`SERVER_LAYOUTS` (``"fuseki"``, ``"graphdb"``, ...) applied to the
    URL. Without it, ``$KG_QUERY_URL``, ``$KG_UPDATE_URL`` and ``$KG_GSP_URL`` override the
    ``oxigraph serve`` layout one by one.
    """
    where = store_location(location)
    if create and read_only:
        raise ValueError("a store cannot be created read-only")
    if where.startswith(("http://", "https://")):
        return RemoteStore(
            remote_endpoints(where, endpoints), where, read_only=read_only, timeout=_timeout()
        )
    if endpoints is not None:
        raise ValueError("endpoints only apply to a SPARQL server URL (http:// or https://)")
    if where == MEMORY:
        return EmbeddedStore(pyoxigraph.Store(), where)
    path = Path(where)
    if path.exists() and not path.is_dir():
        raise StoreError(f"'{where}' is a file, not a kg store: pass --store with a directory")
    if not (path / "CURRENT").is_file():  # every RocksDB (hence Oxigraph) directory has one
        if path.is_dir() and any(path.iterdir()):
            # pyoxigraph would happily write its files among the ones already there.
            raise StoreError(
                f"'{where}' is not a kg store (it holds other files): "
                "pass --store with a new or empty directory"
            )
        if not create:
            raise StoreError(f"no store at '{where}': run 'kg build' first or pass --store DIR")
    try:
        inner = pyoxigraph.Store.read_only(str(path)) if read_only else pyoxigraph.Store(str(path))
    except OSError as error:
        if "lock hold by current process" in str(error):
            raise StoreError(f"the store at '{where}' is already open in this process") from error
        if "lock" in str(error).lower():
            raise StoreError(
                f"the store at '{where}' is locked by another process (is 'kg build' running?): "
                "wait for it to finish"
            ) from error
        raise StoreError(f"cannot open the store at '{where}': {error}") from error
    return EmbeddedStore(inner, where, read_only=read_only)


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


def _timeout() -> float:
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


# --- The interface ----------------------------------------------------------------------------


class Store(ABC):
    """An RDF dataset of named graphs: what every kg store offers, wherever the data lives.

    Open one with :func:`open_store` and close it (or use ``with``). Every write is one
    transaction: it happens completely or not at all.
    """

    location: str
    read_only: bool

    def __new__(cls, *args: object, **kwargs: object) -> Store:
        # Store(pyoxigraph_store, location) wraps an Oxigraph store, as it did before there were
        # two kinds of store; code written since should say EmbeddedStore.
        return super().__new__(EmbeddedStore if cls is Store else cls)

    def __repr__(self) -> str:
        state = " closed" if self.closed else (" read-only" if self.read_only else "")
        return f"<kg.store.{type(self).__name__} {self.location!r}{state}>"

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    @abstractmethod
    def closed(self) -> bool:
        """Whether :meth:`close` has been called."""

    @abstractmethod
    def replace_graphs(self, graphs: Mapping[str, str], *, remove: Iterable[str] = ()) -> None:
        """Replace each named graph in ``graphs`` (graph IRI → N-Triples text) by its new content
        and drop the graphs in ``remove``, all in one transaction.

        If anything is wrong (malformed N-Triples, a bad IRI) nothing is changed. Blank nodes
        are local to each N-Triples text: ``_:b`` in two graphs are two different nodes.
        """

    def remove_graphs(self, iris: Iterable[str]) -> None:
        """Drop the named graphs ``iris`` in one transaction (missing ones are ignored)."""
        self.replace_graphs({}, remove=iris)

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update as one transaction (for kg's own use; users only query)."""

    @abstractmethod
    def flush(self) -> None:
        """Make everything written so far durable and compact for the next reader."""

    @abstractmethod
    def close(self) -> None:
        """Release the store; closing twice is harmless."""

    @abstractmethod
    def graphs(self) -> list[str]:
        """The IRIs of the named graphs in the store, sorted."""

    @abstractmethod
    def triples_count(self) -> int:
        """How many triples the store holds in all (a triple held by two graphs counts twice)."""

    @abstractmethod
    def graph_triples(self, iri: str) -> int:
        """How many triples the named graph ``iri`` holds (0 if there is no such graph)."""

    @abstractmethod
    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None) -> QueryResult:
        """Run a SPARQL 1.1 query whose default graph is the union of all named graphs.

        ``substitutions`` binds variables (name without ``?``) to terms before the query runs;
        only variables that the SELECT clause lists (or ``SELECT *``) can be bound.
        Beware that the union is not a set: a triple held by two graphs matches twice, so use
        ``DISTINCT`` where that matters.
        """

    @abstractmethod
    def dump(
        self,
        output: BinaryIO,
        format_name: str,
        *,
        graph: str | None = None,
        prefixes: Mapping[str, str] = PREFIXES,
    ) -> None:
        """Write the store, or the one named graph ``graph``, to ``output`` in an export format.

        Quad formats (N-Quads, TriG) keep the graph names; triple formats get the union of all
        graphs, each triple once, sorted by subject.
        """


# --- The embedded store -----------------------------------------------------------------------


class EmbeddedStore(Store):
    """A kg store kept by Oxigraph in this process, on disk or in memory."""

    def __init__(self, inner: pyoxigraph.Store, location: str, *, read_only: bool = False):
        """Wrap an open pyoxigraph store; ``location`` is only used in messages."""
        self._inner: pyoxigraph.Store | None = inner
        self.location = location
        self.read_only = read_only

    @property
    def closed(self) -> bool:
        return self._inner is None

    # Writing ---------------------------------------------------------------------------------

    def replace_graphs(self, graphs: Mapping[str, str], *, remove: Iterable[str] = ()) -> None:
        """Replace each named graph in ``graphs`` (graph IRI → N-Triples text) by its new content
        and drop the graphs in ``remove``, all in one transaction.

        If anything is wrong (malformed N-Triples, a bad IRI) nothing is changed. Only the
        triples that differ are written, so re-loading an unchanged graph is cheap. Blank nodes
        are local to each N-Triples text: ``_:b`` in two graphs are two different nodes.
        """
        store = self._writable()
        names, new_content, dropped = _planned_replacement(graphs, remove)

        operations = [f"DROP SILENT GRAPH {names[iri]}" for iri in dropped]
        deletions: list[str] = []
        insertions: dict[pyoxigraph.NamedNode, set[pyoxigraph.Triple]] = {}
        for iri, new in new_content.items():
            name = names[iri]
            if not new:
                operations.append(f"DROP SILENT GRAPH {name}")
                continue
            try:
                old = {quad.triple for quad in store.quads_for_pattern(None, None, None, name)}
            except OSError as error:
                raise StoreError(f"cannot read the store at '{self.location}': {error}") from error
            gone = old - new
            ground_gone = [triple for triple in gone if _is_ground(triple)]
            if ground_gone:
                deletions.append(f"GRAPH {name} {{\n{_triples_text(ground_gone)}\n}}")
            if len(ground_gone) < len(gone):
                # DELETE DATA may not name blank nodes, so old blank-node triples go by pattern;
                # they never survive a replacement because every parse renames blank nodes.
                operations.append(
                    f"DELETE {{ GRAPH {name} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {name} "
                    "{ ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) } }"
                )
            added = new - old
            if added:
                insertions[name] = added
        try:
            if insertions and not operations and not deletions:
                # Only additions (a first build): extend is one transaction too, and skips
                # writing and parsing a SPARQL text as large as the data.
                store.extend(
                    pyoxigraph.Quad(triple.subject, triple.predicate, triple.object, name)
                    for name, triples in insertions.items()
                    for triple in triples
                )
                return
            if deletions:
                operations.append("DELETE DATA {\n" + "\n".join(deletions) + "\n}")
            if insertions:
                inserted = (
                    f"GRAPH {name} {{\n{_triples_text(triples)}\n}}"
                    for name, triples in insertions.items()
                )
                operations.append("INSERT DATA {\n" + "\n".join(inserted) + "\n}")
            if not operations:
                return
            # One SPARQL update request is one Oxigraph transaction: all operations or none.
            store.update(" ;\n".join(operations))
        except (OSError, RuntimeError, SyntaxError) as error:
            raise StoreError(
                f"the store at '{self.location}' refused the write: {error}"
            ) from error

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update as one transaction (for kg's own use; users only query)."""
        store = self._writable()
        try:
            store.update(sparql, prefixes=dict(PREFIXES))
        except SyntaxError as error:
            raise QueryError(_syntax_error_message("SPARQL update", sparql, error)) from error
        except (OSError, RuntimeError) as error:
            raise StoreError(
                f"the store at '{self.location}' refused the update: {error}"
            ) from error

    def flush(self) -> None:
        """Write everything still buffered to disk (commits are already durable; this makes the
        files compact for the next reader)."""
        store = self._open()
        if not self.read_only and self.location != MEMORY:
            try:
                store.flush()
            except OSError as error:
                raise StoreError(f"cannot flush the store at '{self.location}': {error}") from error

    def close(self) -> None:
        """Flush and release the store; closing twice is harmless.

        pyoxigraph has no explicit close: the directory lock goes when the last reference to
        the store does, and unfinished query results hold one, so consume them first.
        """
        if self._inner is None:
            return
        try:
            self.flush()
        finally:
            self._inner = None

    # Reading ---------------------------------------------------------------------------------

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs in the store, sorted."""
        store = self._open()
        return sorted(
            graph.value for graph in store.named_graphs() if isinstance(graph, pyoxigraph.NamedNode)
        )

    def triples_count(self) -> int:
        """How many triples the store holds in all (a triple held by two graphs counts twice)."""
        return len(self._open())

    def graph_triples(self, iri: str) -> int:
        """How many triples the named graph ``iri`` holds (0 if there is no such graph)."""
        return _count(
            self.query(f"SELECT (COUNT(*) AS ?n) {{ GRAPH {_graph_name(iri)} {{ ?s ?p ?o }} }}")
        )

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None) -> QueryResult:
        """Run a SPARQL 1.1 query whose default graph is the union of all named graphs.

        ``substitutions`` binds variables (name without ``?``) to terms before the query runs;
        pyoxigraph only accepts variables that the SELECT clause lists (or ``SELECT *``).
        Beware that the union is not a set: a triple held by two graphs matches twice, so use
        ``DISTINCT`` where that matters.
        """
        store = self._open()
        try:
            return _oxigraph_query(store, sparql, substitutions)
        except OSError as error:
            raise StoreError(f"cannot read the store at '{self.location}': {error}") from error

    def dump(
        self,
        output: BinaryIO,
        format_name: str,
        *,
        graph: str | None = None,
        prefixes: Mapping[str, str] = PREFIXES,
    ) -> None:
        """Write the store, or the one named graph ``graph``, to ``output`` in an export format.

        Quad formats (N-Quads, TriG) keep the graph names; triple formats get the union of all
        graphs, each triple once, sorted by subject.
        """
        export_format = format_for(format_name)
        store = self._open()
        try:
            if graph is not None:
                name = _graph_name(graph)
                if not store.contains_named_graph(name):
                    raise StoreError(f"no graph <{graph}> in the store at '{self.location}'")
                _write_graph(
                    (quad.triple for quad in store.quads_for_pattern(None, None, None, name)),
                    name,
                    output,
                    export_format,
                    prefixes,
                )
            elif export_format.keeps_graphs:
                store.dump(output, export_format.rdf_format, prefixes=dict(prefixes))
            else:
                triples = (quad.triple for quad in store.quads_for_pattern(None, None, None, None))
                _write_triples(triples, output, export_format, prefixes)
        except OSError as error:
            raise StoreError(f"cannot export the store at '{self.location}': {error}") from error

    # Helpers ---------------------------------------------------------------------------------

    def _open(self) -> pyoxigraph.Store:
        if self._inner is None:
            raise StoreError(f"the store at '{self.location}' is closed")
        return self._inner

    def _writable(self) -> pyoxigraph.Store:
        store = self._open()
        if self.read_only:
            raise StoreError(f"the store at '{self.location}' is open read-only")
        return store


def _oxigraph_query(
    store: pyoxigraph.Store, sparql: str, substitutions: Mapping[str, Term] | None
) -> QueryResult:
    """Run ``sparql`` on a pyoxigraph store over the union graph, with kg's prefixes, turning
    pyoxigraph's syntax and binding errors into :class:`QueryError` messages for people."""
    bindings = (
        {pyoxigraph.Variable(name): term for name, term in substitutions.items()}
        if substitutions
        else None
    )
    try:
        return store.query(
            sparql,
            use_default_graph_as_union=True,
            prefixes=dict(PREFIXES),
            substitutions=bindings,
        )
    except SyntaxError as error:
        raise QueryError(_syntax_error_message("SPARQL query", sparql, error)) from error
    except RuntimeError as error:
        unprojected = re.search(r"does not contains? variable \?(\S+) in its SELECT", str(error))
        if unprojected:
            variable = unprojected.group(1)
            raise QueryError(
                f"cannot bind parameter ?{variable}: the query does not SELECT ?{variable} "
                f"(add ?{variable} to its SELECT clause)"
            ) from error
        raise QueryError(f"the query failed: {error}") from error


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

    def replace_graphs(self, graphs: Mapping[str, str], *, remove: Iterable[str] = ()) -> None:
        """Replace each named graph in ``graphs`` (graph IRI → N-Triples text) by its new content
        and drop the graphs in ``remove``, in one SPARQL update request.

        The N-Triples are parsed here first, so malformed input never reaches the server. The
        request drops every graph it replaces and inserts the new content whole; a server that
        applies one request in one transaction (Oxigraph does) changes all or nothing.
        """
        self._writable()
        names, new_content, dropped = _planned_replacement(graphs, remove)
        operations = [f"DROP SILENT GRAPH {names[iri]}" for iri in [*dropped, *new_content]]
        insertions = [
            f"GRAPH {names[iri]} {{\n{_triples_text(triples)}\n}}"
            for iri, triples in new_content.items()
            if triples
        ]
        if insertions:
            # One INSERT DATA for all graphs: blank node labels are shared within an operation,
            # and each graph's were renamed apart when it was parsed.
            operations.append("INSERT DATA {\n" + "\n".join(insertions) + "\n}")
        if operations:
            self._update(" ;\n".join(operations), "the write")

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update as one request (for kg's own use; users only query)."""
        self._writable()
        answer = self._update(self._prologue + "\n" + sparql, "the update", tolerate=(400,))
        if answer.status == 400:
            message = _server_message(answer)
            position = _ERROR_POSITION.match(message)
            if position:  # Oxigraph's syntax errors; line 1 is kg's prefixes
                line = int(position.group(1)) - 1
                shifted = f"error at {line}:{position.group(2)}: {message[position.end() :]}"
                raise QueryError(
                    _syntax_error_message("SPARQL update", sparql, SyntaxError(shifted))
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
        return _count(self._select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))

    def graph_triples(self, iri: str) -> int:
        """How many triples the named graph ``iri`` holds (0 if there is no such graph)."""
        name = _graph_name(iri)
        return _count(
            self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}")
        )

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None) -> QueryResult:
        """Run a SPARQL 1.1 query on the server, with kg's prefixes predeclared.

        Its default graph is whatever the server makes it (see the class). ``substitutions``
        binds selected variables (name without ``?``) as on the embedded store; the protocol
        cannot carry them, so they travel as a ``VALUES`` block opening the WHERE clause.
        """
        self._open()
        checked = not _SERVICE.search(sparql)  # parsing here must not call other services
        if checked:
            _oxigraph_query(self._parser, sparql, substitutions)
        text = _with_values(sparql, substitutions, self._parser if checked else None)
        answer = self._send(
            self.endpoints.query,
            "the query",
            body=(self._prologue + "\n" + text).encode("utf-8"),
            content_type="application/sparql-query",
            accept=_ANY_RESULT_MEDIA_TYPES,
        )
        return self._results(answer, self.endpoints.query)

    def dump(
        self,
        output: BinaryIO,
        format_name: str,
        *,
        graph: str | None = None,
        prefixes: Mapping[str, str] = PREFIXES,
    ) -> None:
        """Write the store, or the one named graph ``graph``, to ``output`` in an export format.

        Quad formats (N-Quads, TriG) keep the graph names; triple formats get the union of all
        graphs, each triple once, sorted by subject.
        """
        export_format = format_for(format_name)
        self._open()
        if graph is not None:
            name = _graph_name(graph)
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
            _write_graph(iter(triples), name, output, export_format, prefixes)
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
                quads.sort(key=lambda quad: (str(quad.graph_name), *_triple_order(quad.triple)))
                pyoxigraph.serialize(
                    quads, output, export_format.rdf_format, prefixes=dict(prefixes)
                )
            else:
                _write_triples((quad.triple for quad in quads), output, export_format, prefixes)
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
        answer = self._send(
            self.endpoints.query,
            "the query",
            body=sparql.encode("utf-8"),
            content_type="application/sparql-query",
            accept=accept,
        )
        result = self._results(answer, self.endpoints.query)
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
        params: Mapping[str, str] | None = None,
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


# Strings, IRIs and comments are matched whole so that braces and keywords inside them are not
# taken for the query's own.
_NOT_CODE = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'"""
    r"""|<[^<>"{}|^`\\\x00-\x20]*>"""
    r"""|\#[^\n]*""",
    re.DOTALL,
)
_QUERY_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


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
    brace = _where_brace(sparql)
    if brace is not None:
        candidates.insert(0, f"{sparql[: brace + 1]} {block} {sparql[brace + 1 :]}")
    if parser is None:
        return candidates[0]
    for text in candidates:
        try:
            _oxigraph_query(parser, text, None)
        except QueryError:
            continue
        return text
    raise QueryError(
        "cannot bind parameters on a remote store to a query whose WHERE clause is a subquery "
        "and which ends with a VALUES clause of its own"
    )


def _where_brace(sparql: str) -> int | None:
    """The offset of the ``{`` that opens the WHERE clause of a query, if it has one."""
    code = _NOT_CODE.sub(lambda match: " " * len(match[0]), sparql)
    form = _QUERY_FORM.search(code)
    if form is None:
        return None
    start = form.end()
    if form[1].upper() == "CONSTRUCT" and not re.match(r"\s*WHERE\s*\{", code[start:], re.I):
        template = code.find("{", start)
        if template == -1:
            return None
        start = _closing_brace(code, template) + 1
    depth = 0  # parentheses: SELECT (EXISTS { ... } AS ?x) is not the WHERE clause
    for offset in range(start, len(code)):
        character = code[offset]
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "{" and depth == 0:
            return offset
    return None


def _closing_brace(code: str, opening: int) -> int:
    depth = 0
    for offset in range(opening, len(code)):
        if code[offset] == "{":
            depth += 1
        elif code[offset] == "}":
            depth -= 1
            if depth == 0:
                return offset
    return len(code)


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


def _graph_name(iri: str) -> pyoxigraph.NamedNode:
    try:
        return pyoxigraph.NamedNode(iri)
    except ValueError as error:
        raise StoreError(f"invalid graph IRI '{iri}': {error}") from error


def _planned_replacement(
    graphs: Mapping[str, str], remove: Iterable[str]
) -> tuple[dict[str, pyoxigraph.NamedNode], dict[str, set[pyoxigraph.Triple]], list[str]]:
    """Check a replacement before anything is written: the graph names, each new graph's
    triples, and the graphs to drop."""
    dropped = list(dict.fromkeys(remove))
    both = set(graphs) & set(dropped)
    if both:
        raise ValueError(f"graphs both replaced and removed: {', '.join(sorted(both))}")
    names = {iri: _graph_name(iri) for iri in [*graphs, *dropped]}
    new_content = {iri: _parse_ntriples(iri, text) for iri, text in graphs.items()}
    return names, new_content, dropped


def _count(result: QueryResult) -> int:
    """The number in the one solution of a ``SELECT (COUNT(*) AS ?n)`` query."""
    assert isinstance(result, pyoxigraph.QuerySolutions)
    count = next(result)["n"]
    assert isinstance(count, pyoxigraph.Literal)
    return int(count.value)


def _parse_ntriples(iri: str, text: str) -> set[pyoxigraph.Triple]:
    try:
        # Renaming blank nodes keeps each text's blank nodes apart from every other graph's.
        quads = pyoxigraph.parse(text, pyoxigraph.RdfFormat.N_TRIPLES, rename_blank_nodes=True)
        return {quad.triple for quad in quads}
    except SyntaxError as error:
        raise StoreError(
            f"invalid N-Triples for graph <{iri}>: {error.msg}; the store is unchanged"
        ) from error


def _is_ground(triple: pyoxigraph.Triple) -> bool:
    return not any(
        isinstance(term, pyoxigraph.BlankNode | pyoxigraph.Triple)
        for term in (triple.subject, triple.object)
    )


def _triples_text(triples: Iterable[pyoxigraph.Triple]) -> str:
    # pyoxigraph writes terms in N-Triples syntax, which SPARQL's INSERT/DELETE DATA accept as is.
    return "\n".join(f"{triple.subject} {triple.predicate} {triple.object} ." for triple in triples)


def _triple_order(triple: pyoxigraph.Triple) -> tuple[str, bool, str, str]:
    # Subjects together, rdf:type first: the Turtle writer then groups them as "s a C ; p o".
    return (
        str(triple.subject),
        triple.predicate != _RDF_TYPE,
        str(triple.predicate),
        str(triple.object),
    )


def _write_triples(
    triples: Iterator[pyoxigraph.Triple],
    output: BinaryIO,
    export_format: ExportFormat,
    prefixes: Mapping[str, str],
) -> None:
    pyoxigraph.serialize(
        sorted(set(triples), key=_triple_order),
        output,
        export_format.rdf_format,
        prefixes=dict(prefixes),
    )


def _write_graph(
    triples: Iterator[pyoxigraph.Triple],
    name: pyoxigraph.NamedNode,
    output: BinaryIO,
    export_format: ExportFormat,
    prefixes: Mapping[str, str],
) -> None:
    if export_format.keeps_graphs:
        quads = (pyoxigraph.Quad(t.subject, t.predicate, t.object, name) for t in triples)
        pyoxigraph.serialize(
            sorted(quads, key=lambda quad: _triple_order(quad.triple)),
            output,
            export_format.rdf_format,
            prefixes=dict(prefixes),
        )
    else:
        _write_triples(triples, output, export_format, prefixes)


_ERROR_POSITION = re.compile(r"error at (\d+):(\d+): ")
_BRACKETED = re.compile(r"\[[^\]]*\]", re.DOTALL)


def _syntax_error_message(what: str, sparql: str, error: SyntaxError) -> str:
    """One line saying where a SPARQL text is wrong, from pyoxigraph's "error at L:C: ..."."""
    text = str(error.msg or error)
    position = _ERROR_POSITION.match(text)
    if not position:
        return f"invalid {what}: {' '.join(text.split())}"
    line, column = int(position.group(1)), int(position.group(2))
    reason = _readable_reason(text[position.end() :])
    lines = sparql.splitlines()
    near = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    hint = _undeclared_prefix_hint(sparql)
    message = f"invalid {what} at line {line}, column {column}: {reason}"
    if near:
        message += f" (in: {near[:80]})"
    return message + hint


def _readable_reason(reason: str) -> str:
    # pyoxigraph lists what its parser expected, mixing grammar tokens, character classes and,
    # for semantic errors, a sentence ("The SELECT contains a variable that is unbound").
    expected = reason.removeprefix("expected one of ").removeprefix("expected ")
    items = [item.strip() for item in _BRACKETED.sub("", expected).split(", ") if item.strip()]
    sentences = [item for item in items if " " in item]
    if sentences:
        return "; ".join(sentences)
    if len(items) > 8:
        return "expected one of " + ", ".join(items[:8]) + ", ..."
    return " ".join(reason.split())


_PREFIX_DECLARATION = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
_PREFIX_USE = re.compile(r"(?<![\w<?$/#.:-])([A-Za-z][\w-]*):(?=[A-Za-z_0-9])")


def _undeclared_prefix_hint(sparql: str) -> str:
    code = re.sub(r"<[^<>\s]*>|\"[^\"\n]*\"|'[^'\n]*'|#[^\n]*", " ", sparql)
    declared = set(_PREFIX_DECLARATION.findall(code)) | set(PREFIXES)
    undeclared = sorted(set(_PREFIX_USE.findall(code)) - declared)
    if not undeclared:
        return ""
    first = undeclared[0]
    return f"; is prefix '{first}:' declared? (add PREFIX {first}: <...>)"
