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
import os
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, TypeAlias

import pyoxigraph

from kg.errors import InputError, QueryError, StoreError
from kg.sparqltext import check_shape, names_its_dataset
from kg.storelock import LOCK_FILE, StoreLock, hold_for_writing

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
        if path.is_dir() and any(entry.name != LOCK_FILE for entry in path.iterdir()):
            # pyoxigraph would happily write its files among the ones already there.
            raise StoreError(
                f"'{where}' is not a kg store (it holds other files): "
                "pass --store with a new or empty directory"
            )
        if not create:
            raise StoreError(f"no store at '{where}': run 'kg build' first or pass --store DIR")
    # A writer keeps kg serve out (and is kept out by it): see kg.storelock.
    lock = None if read_only else hold_for_writing(path, where)
    try:
        inner = pyoxigraph.Store.read_only(str(path)) if read_only else pyoxigraph.Store(str(path))
    except OSError as error:
        if lock is not None:
            lock.release()
        if "lock hold by current process" in str(error):
            raise StoreError(f"the store at '{where}' is already open in this process") from error
        if "lock" in str(error).lower():
            raise StoreError(
                f"the store at '{where}' is locked by another process (is 'kg build' running?): "
                "wait for it to finish"
            ) from error
        raise StoreError(f"cannot open the store at '{where}': {error}") from error
    return EmbeddedStore(inner, where, read_only=read_only, lock=lock)


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
    def replace_graphs(
        self,
        graphs: Mapping[str, str],
        *,
        remove: Iterable[str] = (),
        descriptions: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        """Replace each named graph in ``graphs`` (graph IRI → N-Triples text) by its new content
        and drop the graphs in ``remove``, all in one transaction.

        ``descriptions`` replaces parts of graphs: graph IRI → {subject IRI → N-Triples text},
        each text taking the place of every triple of that subject in that graph (kg keeps the
        shared entity graph this way, see :mod:`kg.entitygraph`).

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

    def __init__(self, inner: pyoxigraph.Store, location: str, *, read_only: bool = False,
                 lock: StoreLock | None = None):
        """Wrap an open pyoxigraph store; ``location`` is only used in messages, ``lock`` is
        released on :meth:`close`."""
        self._inner: pyoxigraph.Store | None = inner
        self._lock = lock
        self.location = location
        self.read_only = read_only

    @property
    def closed(self) -> bool:
        return self._inner is None

    # Writing ---------------------------------------------------------------------------------

    def replace_graphs(
        self,
        graphs: Mapping[str, str],
        *,
        remove: Iterable[str] = (),
        descriptions: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        """See :meth:`Store.replace_graphs`: one transaction, nothing changed on any error. Only
        the triples that differ are written, so re-loading an unchanged graph is cheap."""
        store = self._writable()
        names, new_content, dropped = _planned_replacement(graphs, remove)
        parts = _planned_descriptions(descriptions or {}, set(graphs) | set(dropped))

        operations = [f"DROP SILENT GRAPH {names[iri]}" for iri in dropped]
        deletions: list[str] = []
        insertions: dict[pyoxigraph.NamedNode, set[pyoxigraph.Triple]] = {}
        changes: list[tuple[pyoxigraph.NamedNode, pyoxigraph.NamedNode | None, set]] = [
            (names[iri], None, new) for iri, new in new_content.items()
        ]
        changes += [(name, subject, new) for name, subject, new in parts]
        for name, subject, new in changes:
            if not new and subject is None:
                operations.append(f"DROP SILENT GRAPH {name}")
                continue
            try:
                old = {quad.triple for quad in store.quads_for_pattern(subject, None, None, name)}
            except OSError as error:
                raise StoreError(f"cannot read the store at '{self.location}': {error}") from error
            gone = old - new
            ground_gone = [triple for triple in gone if _is_ground(triple)]
            if ground_gone:
                deletions.append(f"GRAPH {name} {{\n{_triples_text(ground_gone)}\n}}")
            if len(ground_gone) < len(gone):
                # DELETE DATA may not name blank nodes, so old blank-node triples go by pattern;
                # they never survive a replacement because every parse renames blank nodes.
                node = "?s" if subject is None else str(subject)
                operations.append(
                    f"DELETE {{ GRAPH {name} {{ {node} ?p ?o }} }} WHERE {{ GRAPH {name} "
                    f"{{ {node} ?p ?o FILTER(isBlank({node}) || isBlank(?o)) }} }}"
                )
            added = new - old
            if added:
                insertions.setdefault(name, set()).update(added)
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
        check_shape(sparql, "update")
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
            if self._lock is not None:
                self._lock.release()

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
        """Run a SPARQL 1.1 query whose default graph is the union of all named graphs, unless
        the query names its own dataset (``FROM``, ``FROM NAMED``): then exactly that.

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
    check_shape(sparql)
    bindings = (
        {pyoxigraph.Variable(name): term for name, term in substitutions.items()}
        if substitutions
        else None
    )
    try:
        return store.query(
            sparql,
            # A query that names its dataset (FROM, FROM NAMED) gets exactly that dataset.
            use_default_graph_as_union=not names_its_dataset(sparql),
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


def _planned_descriptions(
    descriptions: Mapping[str, Mapping[str, str]], whole: set[str]
) -> list[tuple[pyoxigraph.NamedNode, pyoxigraph.NamedNode, set[pyoxigraph.Triple]]]:
    """Check the subject replacements of a write: (graph, subject, its new triples) each, the
    new triples all about that subject."""
    both = set(descriptions) & whole
    if both:
        raise ValueError(f"graphs both replaced whole and in part: {', '.join(sorted(both))}")
    planned = []
    for iri, subjects in descriptions.items():
        name = _graph_name(iri)
        for subject_iri, text in subjects.items():
            subject = _graph_name(subject_iri)
            triples = _parse_ntriples(iri, text)
            strays = [t for t in triples if t.subject != subject]
            if strays:
                raise StoreError(f"the description of <{subject_iri}> in <{iri}> has a triple "
                                 f"about {strays[0].subject}; the store is unchanged")
            planned.append((name, subject, triples))
    return planned


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


# The remote store lives in its own module; importing it last lets it build on Store.
from kg.remote import (  # noqa: E402
    DEFAULT_TIMEOUT,
    ENDPOINT_ENVIRONMENT_VARIABLES,
    SERVER_LAYOUTS,
    TIMEOUT_ENVIRONMENT_VARIABLE,
    Endpoints,
    RemoteStore,
    _timeout,
    remote_endpoints,
)

__all__ = [
    "DEFAULT_STORE", "DEFAULT_TIMEOUT", "ENDPOINT_ENVIRONMENT_VARIABLES", "EXPORT_FORMATS",
    "MEMORY", "PREFIXES", "SERVER_LAYOUTS", "TIMEOUT_ENVIRONMENT_VARIABLE", "EmbeddedStore",
    "Endpoints", "ExportFormat", "QueryResult", "RemoteStore", "Store", "Term", "export",
    "format_for", "open_store", "remote_endpoints", "store_location", "_timeout",
]
