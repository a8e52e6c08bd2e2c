"""The embedded store: Oxigraph in this process, in memory or in a directory on disk."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import BinaryIO

import pyoxigraph

from kg.errors import QueryError, StoreError
from kg.sparqltext import check_shape
from kg.storelock import LOCK_FILE, StoreLock, hold_for_writing
from kg.stores.base import (
    MEMORY,
    LineNTriples,
    QueryResult,
    RdfFile,
    Store,
    Term,
    as_nquads,
    checked_rdf_file,
    count_solutions,
    graph_name,
    invalid_ntriples,
    is_ground,
    oxigraph_query,
    planned_descriptions,
    planned_replacement,
    syntax_error_message,
    triples_text,
)
from kg.stores.formats import RDF_TYPE, ExportFormat
from kg.vocab import PREFIXES


def open_embedded(where: str, *, create: bool = False, read_only: bool = False) -> EmbeddedStore:
    """Open the embedded store at ``where``: ``":memory:"`` or a directory (see
    :func:`kg.stores.open_store`)."""
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
        inner = _read_only(path) if read_only else pyoxigraph.Store(str(path))
    except (OSError, RuntimeError) as error:  # RuntimeError: RocksDB found its files corrupt
        if lock is not None:
            lock.release()
        if isinstance(error, RuntimeError):
            raise StoreError(
                f"cannot open the store at '{where}': its files are damaged ({error}); restore a copy, or "
                "build again into a new --store folder"
            ) from error
        if "lock hold by current process" in str(error):
            raise StoreError(f"the store at '{where}' is already open in this process") from error
        if "lock" in str(error).lower():
            raise StoreError(
                f"the store at '{where}' is locked by another process (is 'kg build' running?): "
                "wait for it to finish"
            ) from error
        raise StoreError(f"cannot open the store at '{where}': {error}") from error
    if not read_only:
        _unfinished_ingestions(path)
    return EmbeddedStore(inner, where, read_only=read_only, lock=lock)


_READ_ONLY_ATTEMPTS = 4
"""How often a read-only open is tried when a file it was told of is gone (see _read_only)."""


def _read_only(path: Path) -> pyoxigraph.Store:
    """A read-only handle on the store at ``path``. A writer open at the same time (another
    process's ``kg build``, or in this process a handle a pending traceback still holds) may
    delete a file by a compaction between the moment RocksDB reads its list of files and the
    moment it opens them: RocksDB then reports corruption ("No such file or directory") though
    nothing is damaged. Such an open is tried again, after collecting this process's garbage
    (which releases a forgotten writer) and a short pause; real damage fails every time."""
    for attempt in range(1, _READ_ONLY_ATTEMPTS + 1):
        try:
            return pyoxigraph.Store.read_only(str(path))
        except RuntimeError as error:
            if attempt == _READ_ONLY_ATTEMPTS or "No such file or directory" not in str(error):
                raise
            gc.collect()
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def disk_state(where: str) -> str | None:
    """What every write to the on-disk store at ``where`` changes, as text: the name, size and
    modification time of each of its files (RocksDB appends each commit to its write-ahead log,
    and its flushes and compactions write new files), RocksDB's diary (``LOG*``) and lock
    (``LOCK``) left out; None for ``":memory:"``, a URL or a missing directory. A read-only
    handle sees the store as it was when opened: compare states to know when to reopen it."""
    if where == MEMORY:
        return None
    try:
        entries = sorted(os.scandir(where), key=lambda entry: entry.name)
    except OSError:  # no such directory (or a URL)
        return None
    lines = []
    for entry in entries:
        if entry.name.startswith(("LOG", "LOCK")) or not entry.is_file():
            continue
        try:
            info = entry.stat()
        except FileNotFoundError:  # removed by a compaction just now: the state changed anyway
            continue
        lines.append(f"{entry.name} {info.st_size} {info.st_mtime_ns}\n")
    return "".join(lines)


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

    def _replace_graphs(self, graphs: Mapping[str, str], remove: list[str],
                        descriptions: Mapping[str, Mapping[str, str]]) -> None:
        """One transaction, nothing changed on any error. Only the triples that differ are
        written, so re-loading an unchanged graph is cheap.

        A graph the store does not hold yet (every article graph of a first build) is read by
        Oxigraph alone, into an in-memory store, and written from there as N-Quads or
        N-Triples text: no Python object per triple (docs/performance.md). A write that only
        adds (every batch of a first build, and any later write that deletes nothing) to a
        store on disk is ingested whole instead of written through a transaction, at half
        the cost and as all or nothing (:data:`INGESTED_WHOLE`). There, a new graph's text
        laid out one triple a line (:class:`kg.stores.base.LineNTriples`, what a build writes)
        becomes N-Quads by naming its graph at each line's end, and the ingestion is the one
        parse of it; in a write that also deletes, it goes into the update as it is."""
        store = self._writable()
        fresh = {iri for iri, text in graphs.items() if _stageable(text)
                 and iri not in remove and not store.contains_named_graph(graph_name(iri))}
        names, new_content, dropped = planned_replacement(graphs, remove, unparsed=fresh)
        parts = planned_descriptions(descriptions, set(graphs) | set(dropped))
        lined = {iri: quads for iri in fresh if isinstance(graphs[iri], LineNTriples)
                 and (quads := as_nquads(graphs[iri], names[iri])) is not None}
        staged = pyoxigraph.Store()
        for iri in fresh - set(lined):
            try:
                staged.load(graphs[iri], pyoxigraph.RdfFormat.N_TRIPLES, to_graph=names[iri])
            except SyntaxError as error:
                raise invalid_ntriples(iri, error) from error

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
            ground_gone = [triple for triple in gone if is_ground(triple)]
            if ground_gone:
                deletions.append(f"GRAPH {name} {{\n{triples_text(ground_gone)}\n}}")
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
            if not operations and not deletions:
                # Only additions (a first build): one load is one transaction too, and skips
                # writing and parsing a SPARQL text as large as the data.
                staged.extend(
                    pyoxigraph.Quad(triple.subject, triple.predicate, triple.object, name)
                    for name, triples in insertions.items()
                    for triple in triples
                )
                count = len(staged) + sum(quads.count("\n") for quads in lined.values())
                if count:
                    nquads = (staged.dump(format=pyoxigraph.RdfFormat.N_QUADS) or b"") + \
                        "".join(lined.values()).encode("utf-8")
                    if self.location != MEMORY and count <= INGESTED_WHOLE and _ingestion_tested():
                        store.bulk_load(nquads, pyoxigraph.RdfFormat.N_QUADS)  # one ingestion
                    else:
                        store.load(nquads, pyoxigraph.RdfFormat.N_QUADS)
                return
            if deletions:
                operations.append("DELETE DATA {\n" + "\n".join(deletions) + "\n}")
            inserted = [f"GRAPH {name} {{\n{triples_text(triples)}\n}}"
                        for name, triples in insertions.items()]
            inserted += [  # Oxigraph's own N-Triples: nothing in it can end the GRAPH block
                f"GRAPH {names[iri]} {{\n{_dumped(staged, names[iri])}}}"
                for iri in fresh if staged.contains_named_graph(names[iri])]
            # Text laid out one triple a line is serialised N-Triples too (LineNTriples): its
            # terms are SPARQL's, and a "}" can only be inside a literal.
            inserted += [f"GRAPH {names[iri]} {{\n{graphs[iri]}}}" for iri in lined]
            if inserted:
                operations.append("INSERT DATA {\n" + "\n".join(inserted) + "\n}")
            if not operations:
                return
            # One SPARQL update request is one Oxigraph transaction: all operations or none.
            store.update(" ;\n".join(operations))
        except (OSError, RuntimeError, SyntaxError) as error:
            raise StoreError(
                f"the store at '{self.location}' refused the write: {error}"
            ) from error

    def load(self, files: Sequence[RdfFile]) -> list[int]:
        """See :meth:`Store.load`: checked, then written by Oxigraph's bulk loader, which skips
        the transaction log (a load killed half-way can leave part of it: load it again)."""
        store = self._writable()
        names = [graph_name(file.graph) for file in files]
        counts = [checked_rdf_file(file.path, file.rdf_format) for file in files]

        def quads() -> Iterator[pyoxigraph.Quad]:
            for file, into in zip(files, names, strict=True):
                for quad in pyoxigraph.parse(path=str(file.path), format=file.rdf_format,
                                             rename_blank_nodes=True):
                    if isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
                        yield pyoxigraph.Quad(quad.subject, quad.predicate, quad.object, into)
                    else:
                        yield quad

        try:
            store.bulk_extend(quads())
        except (OSError, SyntaxError) as error:
            raise StoreError(f"the store at '{self.location}' refused the load: {error}") from error
        return counts

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update as one transaction (for kg's own use; users only query)."""
        store = self._writable()
        check_shape(sparql, "update")
        try:
            store.update(sparql, prefixes=dict(PREFIXES))
        except SyntaxError as error:
            raise QueryError(syntax_error_message("SPARQL update", sparql, error)) from error
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
        return count_solutions(
            self.query(f"SELECT (COUNT(*) AS ?n) {{ GRAPH {graph_name(iri)} {{ ?s ?p ?o }} }}")
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
            return oxigraph_query(store, sparql, substitutions)
        except OSError as error:
            raise StoreError(f"cannot read the store at '{self.location}': {error}") from error

    def _dump(self, output: BinaryIO, export_format: ExportFormat, graph: str | None,
              prefixes: Mapping[str, str]) -> None:
        """Oxigraph serialises the store as it reads it, so memory stays flat whatever the
        store's size: quad formats and one graph come straight from Oxigraph's own dump, the
        union from :func:`union_triples`."""
        store = self._open()
        try:
            if graph is not None:
                self._dump_graph(store, output, export_format, graph_name(graph), prefixes)
            elif export_format.keeps_graphs:
                store.dump(output, export_format.rdf_format, prefixes=dict(prefixes))
            else:
                pyoxigraph.serialize(union_triples(store), output, export_format.rdf_format,
                                     prefixes=dict(prefixes))
        except OSError as error:
            raise StoreError(f"cannot export the store at '{self.location}': {error}") from error

    def _dump_graph(self, store: pyoxigraph.Store, output: BinaryIO, export_format: ExportFormat,
                    name: pyoxigraph.NamedNode, prefixes: Mapping[str, str]) -> None:
        if not store.contains_named_graph(name):
            raise StoreError(f"no graph <{name.value}> in the store at '{self.location}'")
        if not export_format.keeps_graphs:
            store.dump(output, export_format.rdf_format, from_graph=name, prefixes=dict(prefixes))
            return
        # Oxigraph's dump of a quad format writes every graph: pick this one's quads.
        pyoxigraph.serialize(store.quads_for_pattern(None, None, None, name), output,
                             export_format.rdf_format, prefixes=dict(prefixes))

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


INGESTED_WHOLE = 500_000
"""The most quads a write that only adds hands to Oxigraph's bulk loader; a larger one goes
through a transaction. The loader sorts up to a million quads (its batch) into one new file per
index and hands them all to one RocksDB ``IngestExternalFiles`` call, which adds every file to
the store or none (one manifest record): so a write of fewer quads than a batch is atomic,
and one killed half-way leaves the store as it was, and at worst its unfinished files
(removed by the next writer, :func:`_unfinished_ingestions`). ``tests/test_store_ingestion.py``
kills such writes at random moments. Only on the pyoxigraph series this was checked against
(:data:`_INGESTION_TESTED`); any other writes through a transaction."""

_INGESTION_TESTED = ("0.5.",)
"""pyoxigraph release series whose bulk loader was read and kill-tested for the all-or-nothing
ingestion :data:`INGESTED_WHOLE` relies on (one batch of up to a million quads, one ingestion)."""


@cache
def _ingestion_tested() -> bool:
    """Whether the installed pyoxigraph is of a series :data:`_INGESTION_TESTED` names."""
    return pyoxigraph.__version__.startswith(_INGESTION_TESTED)


def _unfinished_ingestions(path: Path) -> None:
    """Remove the files a bulk write killed before its ingestion left in the store folder
    (``bulk-<number>.sst``): the store never read them. Only called by the writer, which holds
    the store's lock (RocksDB's own, and kg's)."""
    for leftover in path.glob("bulk-*.sst"):
        try:
            leftover.unlink()
        except OSError:  # gone already, or not ours to remove: the store does not need it
            pass


def _stageable(text: str) -> bool:
    """Whether a graph's text can be read by Oxigraph alone: it has triples and no blank nodes
    (each text's blank nodes must stay its own, which only a renaming parse ensures)."""
    return bool(text.strip()) and "_:" not in text


def _dumped(store: pyoxigraph.Store, graph: pyoxigraph.NamedNode) -> str:
    """One graph of ``store`` as N-Triples text."""
    dump = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=graph) or b""
    return dump.decode("utf-8")


_SEEN_BITS = 1 << 27
"""Size of the bit table :func:`union_triples` remembers triples in (16 MiB, whatever the store's
size): at a million triples about 1 in 130 new triples hits a set bit and costs a store lookup."""


def union_triples(store: pyoxigraph.Store) -> Iterator[pyoxigraph.Triple]:
    """Every triple of ``store`` once, as Oxigraph reads it: the default graph, then each named
    graph in IRI order, each subject's ``rdf:type`` triples first (Turtle then writes "s a C ;").

    A triple held by several graphs is written with the first of them. Memory stays flat: a
    triple whose hash is not yet in a fixed bit table is new; only one whose bit is set (a
    repeat, or a collision) is looked up in the store, which tells whether a graph already
    written holds it.
    """
    seen = bytearray(_SEEN_BITS // 8)
    written: set[pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.DefaultGraph] = set()
    for graph in [pyoxigraph.DefaultGraph(), *sorted(store.named_graphs(), key=str)]:
        subject: object = None
        rest: list[pyoxigraph.Triple] = []
        for quad in store.quads_for_pattern(None, None, None, graph):
            triple = quad.triple
            slot = hash(triple) & (_SEEN_BITS - 1)
            byte, bit = slot >> 3, 1 << (slot & 7)
            if seen[byte] & bit:
                holders = store.quads_for_pattern(triple.subject, triple.predicate, triple.object)
                if any(holder.graph_name in written for holder in holders):
                    continue
            else:
                seen[byte] |= bit
            if triple.subject != subject:
                yield from rest
                rest.clear()
                subject = triple.subject
            if triple.predicate == RDF_TYPE:
                yield triple
            else:
                rest.append(triple)
        yield from rest
        written.add(graph)
