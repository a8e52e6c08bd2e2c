"""Writing articles into a store: each read, extracted, validated and laid out beside its parse
(in parser processes or on a cluster's workers), then written in batches with the entity
graph's votes; and removing them. :class:`kg.api.KnowledgeGraph` writes through :class:`Writing`."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Generator, Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import BuildInterrupted, InputError, StoreError

if TYPE_CHECKING:
    from kg.stores import Store

Progress = Callable[[str, dict[str, Any]], None]
"""A progress listener: called with an event name and its details; the library never prints."""


def _quiet(event: str, details: dict[str, Any]) -> None:
    """The default listener: ignore progress."""


@dataclass
class ArticleResult:
    """What one article added to the store."""

    id: str
    graph: str
    triples: int
    entities: int
    events: int
    statistics: int
    quarantined: int
    notes: tuple[str, ...] = ()
    """Facts the resolver dropped, each with its reason ("dropped memberOf: unresolved 'X'")."""


@dataclass
class BuildReport:
    """What a build did, article by article."""

    articles: list[ArticleResult] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    """The ids of the articles a build skipped: stored from the same input by the same kg."""
    outvoted: int = 0
    """Assertions (of the articles written, or stored ones) that lost a vote to statements the
    shapes forbid beside them, stated by more articles: kept aside as quarantined statements
    (see :mod:`kg.entitygraph`)."""
    restored: int = 0
    """Stored outvoted assertions whose vote turned back: assertions again."""

    @property
    def quarantined(self) -> int:
        return sum(a.quarantined for a in self.articles)


@dataclass(frozen=True)
class _Prepared:
    """One article made ready to write, in a parser process or on a cluster worker: its laid
    out graph, its quarantined statements (N-Triples, or None) and what to report about it."""

    part: Any
    """The :class:`kg.entitygraph.ArticlePart`."""
    quarantined: str | None
    result: ArticleResult


def _prepare(facts: Any, *, content_hash: str | None, engine: str | None) -> _Prepared:
    """Build an article's triples from its facts, check them against the shapes (``engine``
    None: not at all), quarantine what violates them, and lay the rest out for the store."""
    from kg.entitygraph import split
    from kg.rdf import article_ntriples, graph_of
    from kg.validate import conforms

    article = facts.article
    ntriples = article_ntriples(facts, content_hash=content_hash)
    triples = ntriples.count("\n")
    quarantined_text, quarantined_count = None, 0
    as_written = True  # the text is article_ntriples' own, as split can read it line by line
    if engine is not None and not conforms(ntriples, engine=engine):
        from kg.quarantine import quarantine
        from kg.validate import validate

        graph = graph_of(ntriples)  # rdflib for the report and quarantine, where it buys something
        clean, quarantined = quarantine(
            graph, validate(graph, engine=engine), in_place=True,
            conforms=lambda clean: conforms(clean.serialize(format="nt"), engine=engine))
        quarantined_count = len(set(quarantined.subjects()))
        quarantined_text = quarantined.serialize(format="nt")
        ntriples, triples = clean.serialize(format="nt"), len(clean)
        as_written = False
    part = split(ntriples, article.id, as_written=as_written)
    return _Prepared(part, quarantined_text, ArticleResult(
        id=article.id, graph=part.graph, triples=triples, entities=len(facts.entities),
        events=len(facts.events), statistics=len(facts.statistics),
        quarantined=quarantined_count, notes=tuple(facts.notes),
    ))


@dataclass(frozen=True)
class _ArticleWork:
    """What a parser process or cluster worker does with a parsed article (its context: the
    article and its content hash): extract, resolve, apply the review decisions, then
    :func:`_prepare`, so the building process only orders the entity graph and writes."""

    curation: Any
    engine: str | None

    def __call__(self, doc: Any, job: tuple[Any, str | None]) -> _Prepared:
        from kg.curation import apply_curation
        from kg.extract import extract
        from kg.resolve import resolve

        article, content_hash = job
        facts = apply_curation(resolve(extract(article, doc)), self.curation)
        return _prepare(facts, content_hash=content_hash, engine=self.engine)


class Writing(ABC):
    """The writing half of :class:`kg.api.KnowledgeGraph`: build articles into its store, store
    resolved facts, remove articles."""

    @abstractmethod
    def _open(self, *, create: bool = False, read_only: bool = False
              ) -> AbstractContextManager[Store]:
        """The store for one call (see :meth:`kg.api.KnowledgeGraph._open`)."""

    def build(
        self,
        paths: Iterable[str | Path],
        *,
        published: date | None = None,
        model: str | None = None,
        processes: int | None = None,
        curation: str | Path | None = None,
        batch_size: int = 200,
        force: bool = False,
        progress: Progress = _quiet,
        scheduler: str | None = None,
    ) -> BuildReport:
        """Read, extract, validate and store articles: one named graph per article, and what
        they say about each entity once, in the shared entity graph (see :mod:`kg.entitygraph`).

        Every input file is read and checked before anything is written, so bad input leaves
        the store as it was. An article the store already holds, built from the same input by
        the same kg (:mod:`kg.buildhash`), is skipped without being parsed again, unless
        ``force``: so an interrupted build run again only does what is left. The others are
        parsed as a stream (memory stays bounded whatever the corpus size) and written in
        batches of ``batch_size``, each batch one transaction. With ``scheduler`` (a Dask
        scheduler's address), parsing, extraction and resolution run on that cluster's workers
        instead (:mod:`kg.cluster`).
        """
        from kg.articles import read_articles
        from kg.buildhash import content_hash
        from kg.curation import load_curation
        from kg.nlp import default_model, parse_pairs
        from kg.validate import default_engine, load_verdict_shapes

        if scheduler and processes:
            raise InputError("--processes and --scheduler exclude each other: with a scheduler, "
                             "the cluster's workers parse")
        paths = list(paths)
        curated = load_curation(curation) if curation else None
        decisions = Path(curation).read_bytes() if curation else b""
        model_name = model or default_model()

        def digest(article: Any) -> str:
            return content_hash(article, model=model_name, curation=decisions)

        stored = {} if force else self._stored_hashes()
        hashes: dict[str, str] = {}
        unchanged: list[str] = []
        for article in read_articles(paths, published=published):  # checks every input
            found = digest(article)
            if stored.get(article.id) == found:
                unchanged.append(article.id)
            else:
                hashes[article.id] = found
        total = len(hashes)
        if total == 0 and not unchanged:
            raise InputError("no articles found in " + ", ".join(str(p) for p in paths))
        if total == 0:
            return BuildReport(unchanged=unchanged)
        articles = ((a.text, (a, hashes[a.id])) for a in read_articles(paths, published=published)
                    if hashes.get(a.id) == digest(a))
        # Everything up to the layout runs next to the parse (in the parser processes, from two
        # on, or on the cluster's workers): extraction, resolution, the review decisions, the
        # triples, validation and quarantine. This process orders the entity graph and writes.
        work = _ArticleWork(curated, default_engine())
        load_verdict_shapes(work.engine)  # once, before the parser processes are forked
        parsed: Generator[tuple[Any, Any], None, None]
        if scheduler:
            from kg.cluster import ClusterParse

            parsed = ClusterParse(articles, scheduler, model_name, then=work)  # connects now
            workers = parsed.threads
        else:
            workers = processes or (2 if total >= 100 else 1)
            parsed = parse_pairs(articles, model, processes=workers, then=work)
        progress("start", {"articles": total, "processes": workers, "unchanged": len(unchanged)})
        try:
            report = self._store_prepared((prepared for prepared, _ in parsed),
                                          batch_size=batch_size, total=total, progress=progress)
        except BaseException:
            parsed.close()  # ends the parser processes (or the cluster's batches) now
            raise
        report.unchanged = unchanged
        progress("done", {"articles": total})
        return report

    def _stored_hashes(self) -> dict[str, str]:
        """The content hash of every article in the store, by article id (none: no store yet)."""
        import pyoxigraph

        from kg.rdf import KGO, SCHEMA

        try:
            with self._open(read_only=True) as opened:
                rows = opened.query(f"""SELECT ?id ?hash WHERE {{ GRAPH ?g {{
                    ?article <{KGO.contentHash}> ?hash ; <{SCHEMA.identifier}> ?id }} }}""")
                assert isinstance(rows, pyoxigraph.QuerySolutions)
                return {row["id"].value: row["hash"].value for row in rows}  # type: ignore[union-attr]
        except StoreError:
            return {}

    def store_facts(
        self,
        facts: Iterable[Any],
        *,
        batch_size: int = 200,
        validate: bool = True,
        total: int | None = None,
        progress: Progress = _quiet,
        hashes: Mapping[str, str] | None = None,
    ) -> BuildReport:
        """Validate and store resolved facts (``kg.model.Facts``, one per article): what
        :meth:`build` does after extraction.

        Each article's graph is checked against the shapes (``validate=False`` skips it, for
        facts known to conform) and what violates them is quarantined; then it is split into
        the article graph and its share of the entity graph, and written in batches of
        ``batch_size``, each batch one transaction that also brings the touched entities'
        descriptions and the build record up to date. An interruption (Ctrl-C) keeps the
        finished batches and raises :class:`BuildInterrupted` saying how many articles (of
        ``total``) were stored. ``hashes`` gives each article's content hash (by id) to store
        with it (see :mod:`kg.buildhash`).
        """
        from kg.validate import default_engine

        engine = default_engine() if validate else None
        prepared = (_prepare(found, content_hash=(hashes or {}).get(found.article.id),
                             engine=engine) for found in facts)
        return self._store_prepared(prepared, batch_size=batch_size, total=total,
                                    progress=progress)

    def _store_prepared(self, prepared: Iterable[_Prepared], *, batch_size: int,
                        total: int | None, progress: Progress,
                        in_background: bool = True) -> BuildReport:
        """Write prepared articles in batches (see :meth:`store_facts`), each batch's
        transaction beside the next batch's parse unless not ``in_background``."""
        report = BuildReport()
        with self._open(create=True) as opened:
            _check_layout(opened)
            batches = _Batches(opened, in_background=in_background)
            try:
                for article in prepared:
                    report.articles.append(batches.add(article))
                    progress("article", {"id": article.result.id})
                    if len(batches.parts) >= batch_size:
                        batches.write()  # stored beside the next batch's parse
                batches.write()
                batches.wait()
            except KeyboardInterrupt:
                # the batch being stored is stored whole (or not at all), and counted
                failure = batches.wait(quietly=True)
                of = f" of {total}" if total else ""
                interrupted = BuildInterrupted(
                    f"interrupted: {len(batches.stored)}{of} articles stored (batches of "
                    f"{batch_size}, each whole); run the same command again to finish")
                _note_failed_write(interrupted, failure)
                raise interrupted from None
            except BaseException as error:
                # the store stays open until its last write ends
                _note_failed_write(error, batches.wait(quietly=True))
                raise
        report.outvoted, report.restored = batches.outvoted, batches.restored
        return report

    def remove(self, article_ids: Iterable[str]) -> list[str]:
        """Remove articles (their graph and quarantine graph) from the store, and what only they
        said about entities from the entity graph; the ids removed."""
        import difflib

        from kg.entitygraph import Supports
        from kg.rdf import graph_iri, quarantine_iri

        with self._open() as opened:
            existing = set(opened.graphs())
            removed, graphs = [], []
            for article_id in article_ids:
                names = [str(graph_iri(article_id)), str(quarantine_iri(article_id))]
                if names[0] not in existing:
                    known = sorted(g.rsplit("/", 1)[-1] for g in existing if "/graph/" in g)
                    close = difflib.get_close_matches(article_id, known, n=1)
                    hint = f"; did you mean '{close[0]}'?" if close else ""
                    raise InputError(f"no article '{article_id}' in the store{hint}")
                removed.append(article_id)
                graphs += [n for n in names if n in existing]
            settled = Supports(opened).settle([], removed=graphs)
            opened.replace_graphs({}, remove=graphs, descriptions=settled.descriptions)
        return removed


class _Batches:
    """The articles of a build waiting to be written, and what the build has stored so far."""

    def __init__(self, opened: Any, *, in_background: bool = False) -> None:
        """``in_background``: each batch's transaction runs on a thread of its own while the
        caller goes on (see :meth:`write`); :meth:`wait` for the last one."""
        from kg.entitygraph import Supports
        from kg.rdf import ONTOLOGY_GRAPH, ontology_ntriples

        self.opened = opened
        self.in_background = in_background
        self.writing: Any = None
        """The thread storing the last batch handed over (a ``threading.Thread``), or None
        once :meth:`wait` has seen it end."""
        self.written: Any = None
        """Set (a ``threading.Event``) when that thread's transaction has ended, either way."""
        self.failure: BaseException | None = None
        self.supports = Supports(opened)
        self.existing = set(opened.graphs())
        self.pending: dict[str, str] = {str(ONTOLOGY_GRAPH): ontology_ntriples()}
        self.parts: list[Any] = []
        self.stale: list[str] = []
        self.stored: list[str] = []
        self.outvoted = self.restored = 0

    def add(self, prepared: _Prepared) -> ArticleResult:
        """Queue one prepared article's graphs (and its quarantine graph, or the removal of a
        quarantine graph an earlier build left)."""
        from kg.rdf import quarantine_iri

        quarantine_name = str(quarantine_iri(prepared.result.id))
        if prepared.quarantined is not None:
            self.pending[quarantine_name] = prepared.quarantined
        elif quarantine_name in self.existing:
            self.stale.append(quarantine_name)
        self.parts.append(prepared.part)
        return prepared.result

    def write(self) -> None:
        """Write the queued articles, their entities' descriptions and the build record, as one
        transaction (the record grows with each batch, so that after an interruption
        ``kg validate`` still checks every stored article).

        The entity graph's votes are counted here, once the batch before is stored (they read
        the store); with ``in_background`` the transaction and the flush then run on a thread
        while the caller parses the next batch (Oxigraph releases the GIL while it writes), one
        batch at a time and in order, so the store ends the same, each batch whole or absent.
        A failed write is raised by the next :meth:`write` or :meth:`wait`, before anything
        more is written."""
        from kg.nlp import frozen_heap  # kg.nlp is the home of the frozen heap (the parse uses it)

        self.wait()
        if not (self.parts or self.pending or self.stale):
            return
        # The write makes enough objects (the descriptions' triples, the staged quads) to start
        # a full collection, which would sweep the loaded pipeline and gazetteer again: 0.2 s
        # of CPU of a 0.9 s write of the bench's 60 articles (docs/performance.md).
        with frozen_heap():
            store = self._settle()
        if not self.in_background:
            self._store(*store)
            return
        import threading

        self.written = threading.Event()
        writing = threading.Thread(target=self._in_background, args=store,
                                   name="kg-batch-writer")
        writing.start()
        self.writing = writing

    def wait(self, *, quietly: bool = False) -> BaseException | None:
        """Wait for the batch being stored in the background, if any; raise its failure, or
        when ``quietly`` return it (a failure already on its way up is the one to raise) and
        let a Ctrl-C during the wait pass, since the transaction cannot be stopped half-way.

        A Ctrl-C that does stop a wait that is not quiet leaves the batch in hand, so the next
        wait (the one that winds up the build) waits for it again. Not ``Thread.join``: on
        Python 3.11 a Ctrl-C inside it marks a thread still running as ended."""
        if self.writing is not None:
            while not self.written.is_set():
                try:
                    self.written.wait()
                except KeyboardInterrupt:
                    if not quietly:
                        raise
            self.writing = None
        failure, self.failure = self.failure, None
        if failure is not None and not quietly:
            raise failure
        return failure

    def _in_background(self, *store: Any) -> None:
        # Not in kg.nlp.frozen_heap: the heap's freeze is the process's, and the parse on the
        # caller's thread may be inside one that this thread would end under it.
        try:
            self._store(*store)
        except BaseException as error:  # noqa: BLE001 - raised in the caller's thread by wait()
            self.failure = error
        finally:
            self.written.set()

    def _settle(self) -> tuple[dict[str, str], list[str], Any, list[str]]:
        """The entity graph's votes on the queued articles, and what their transaction writes:
        (graphs, graphs to remove, descriptions, the article graphs stored once it is done)."""
        from kg.rdf import LAST_BUILD_GRAPH, build_record
        from kg.stores.base import LineNTriples

        settled = self.supports.settle(self.parts)
        # An article graph's text is pyoxigraph's serialisation (kg.entitygraph.split), one
        # triple a line: the store can name its graph on each line instead of parsing it twice.
        self.pending.update({part.graph: LineNTriples(part.ntriples) for part in settled.parts})
        written = [*self.stored, *(part.graph for part in self.parts)]
        self.pending[str(LAST_BUILD_GRAPH)] = build_record(written).serialize(format="nt")
        self.outvoted += settled.outvoted
        self.restored += settled.restored
        store = (self.pending, self.stale, settled.descriptions, written)
        self.pending, self.parts, self.stale = {}, [], []
        return store

    def _store(self, graphs: dict[str, str], remove: list[str], descriptions: Any,
               written: list[str]) -> None:
        """One batch's transaction, then the flush."""
        self.opened.replace_graphs(graphs, remove=remove, descriptions=descriptions)
        # RocksDB keeps each batch in its write buffers until they fill up (tens of MiB per
        # index): written out now, a build's memory stays flat instead of growing by about
        # 1.5 MiB an article (docs/performance.md).
        self.opened.flush()
        self.stored = written


def _note_failed_write(error: BaseException, failure: BaseException | None) -> None:
    """Add to an error on its way up that the batch being stored beside it failed too."""
    if failure is not None:
        error.add_note(f"the batch being stored also failed: {failure}")


def _check_layout(opened: Any) -> None:
    """Refuse to add to a store an older kg built, with each entity's triples in every article
    graph: mixing the layouts would count those triples twice."""
    from kg.rdf import ENTITY_GRAPH, ID, RDFS

    older = opened.query(f"""ASK {{ GRAPH ?g {{ ?s <{RDFS.label}> ?l }}
        FILTER(STRSTARTS(STR(?s), "{ID}") && ?g != <{ENTITY_GRAPH}>) }}""")
    if bool(older):
        raise StoreError(f"the store at '{opened.location}' was built by an older kg (each "
                         "entity's triples in every article graph): build into a new store")
