"""The Python API the CLI calls: a kg store opened once (:func:`open`), with methods to build,
validate, query, export, count and draw it."""

from __future__ import annotations

import functools
import io
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, overload

from kg.build import Writing
from kg.errors import InputError
from kg.outputfile import written_whole

if TYPE_CHECKING:
    from kg.evaluate import ArticleScores, Score
    from kg.query import QueryInfo
    from kg.stores import Store
    from kg.validate import ValidationReport
    from kg.views import EntityView

@dataclass
class LoadReport:
    """What a load added: triples read from each file, and the graphs the store now holds."""

    files: dict[str, int] = field(default_factory=dict)
    graphs: int = 0

    @property
    def triples(self) -> int:
        return sum(self.files.values())


def write_file(output: str | os.PathLike[str], data: bytes) -> int:
    """Write ``data`` to the file ``output`` whole or not at all (an existing file is replaced
    only once the new one is complete); the size written. A folder that is missing or cannot be
    written is an :class:`~kg.errors.InputError` naming ``output``."""
    with written_whole(output) as stream:
        stream.write(data)
    return len(data)


def loaded_graph(path: str | Path) -> str:
    """The named graph the triples of a triple-format file go into when no graph is given:
    ``graph/loaded-STEM``, among the graphs ``kg validate --all`` checks."""
    from kg.rdf import graph_iri

    return str(graph_iri(f"loaded-{Path(path).stem}"))



VALIDATION_BATCH = 50
"""Article graphs :meth:`KnowledgeGraph.validate` checks together: a batch of 50 synthetic
articles of 1,100 triples is about 60,000 triples, a few hundred MiB in rdflib."""

QUERY_TIMEOUT = 30.0
"""Seconds a query may run in :meth:`KnowledgeGraph.query` (and ``kg query``) by default, as in
``kg serve``."""


@dataclass(frozen=True)
class Drawing:
    """A drawing of the entity graph: the file's bytes, and how many of the nodes it shows."""

    data: bytes
    nodes: int
    """Nodes drawn."""
    of: int
    """Nodes in the whole entity graph."""


class KnowledgeGraph(Writing):
    """A kg store opened once and used through its methods: build into it, remove from it,
    validate, query, export, load, count, and view it as a graph.

    ``store`` is a directory (made by the first build or load), ``":memory:"`` for a store
    that lives as long as this object, or the ``http://`` URL of a SPARQL server; by default
    ``$KG_STORE``, else ``.kg``. An on-disk store is opened for each call, read-only for the
    reading ones, so that another process (``kg serve``) may read it in between; kg's own
    errors (:class:`kg.KgError` and its family) say what went wrong in one line.

    Queries run in worker processes forked from this one at the first query and kept, with
    the store open read-only while nothing writes to it, for the next (see :meth:`query`);
    they end with this object, at :meth:`close`, or with the process.
    """

    def __init__(self, store: str | None = None) -> None:
        import weakref

        from kg.stores import MEMORY, open_store, store_location
        from kg.workers import ForkedWorkers

        self.location = store_location(store)
        self._held = open_store(MEMORY) if self.location == MEMORY else None
        self._base_checked = False
        self._workers = ForkedWorkers()
        """The query workers: forked copies of this object (see :func:`_answer`)."""
        self._kept: tuple[str, Store] | None = None
        """In a query worker, the on-disk store it keeps open, and the store's disk state then."""
        weakref.finalize(self, self._workers.retire)  # the workers end with this object

    def __repr__(self) -> str:
        return f"<kg.KnowledgeGraph {self.location!r}>"

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *_exception: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the query workers, and let go of an in-memory store (its data is gone)."""
        self._workers.retire()
        if self._held is not None:
            self._held.close()

    @contextmanager
    def _open(self, *, create: bool = False, read_only: bool = False) -> Iterator[Store]:
        """The store for one call: the in-memory one this object holds, or the store at its
        location, opened now and closed when the call is done. A call that writes retires the
        query workers, which hold what the store was before it (see
        :meth:`kg.workers.ForkedWorkers.changing`)."""
        from kg.stores import open_store

        with nullcontext() if read_only else self._workers.changing():
            if self._held is not None:
                yield self._held
                return
            with open_store(self.location, create=create, read_only=read_only) as opened:
                if not self._base_checked:
                    check_base_iri(opened)
                    self._base_checked = True
                yield opened

    @contextmanager
    def _reading(self) -> Iterator[Store]:
        """The store for a query, in a query worker: an on-disk store stays open from one query
        to the next while its files are unchanged, and is opened again once something wrote to
        it (:func:`kg.stores.embedded.disk_state`), so a query sees every write before it, as
        if the store were opened for each; the others as :meth:`_open` gives them."""
        from kg.stores import open_store
        from kg.stores.embedded import disk_state

        state = None if self._held is not None else disk_state(self.location)
        if state is None:
            with self._open(read_only=True) as opened:
                yield opened
            return
        if self._kept is None or self._kept[0] != state:
            if self._kept is not None:
                self._kept[1].close()
                self._kept = None
            opened = open_store(self.location, read_only=True)
            try:
                check_base_iri(opened)  # again: another process may have built it anew
            except BaseException:
                opened.close()
                raise
            self._kept = (state, opened)
        yield self._kept[1]

    # --- Writing ------------------------------------------------------------------------------

    def load(self, paths: Iterable[str | Path], *, graph: str | None = None) -> LoadReport:
        """Bulk-load RDF files made elsewhere (N-Quads, TriG, N-Triples, Turtle, ... by
        extension) into the store, creating it if needed: quad formats keep their named graphs,
        triples go into ``graph`` (default :func:`loaded_graph`); kg's ontology graph is
        written as a build writes it.

        Every file is read through before anything is written, so a malformed file or an
        unknown extension leaves the store as it was. Validate the result with
        :meth:`validate` (``everything=True``), as ``kg load --validate`` does.
        """
        from kg.rdf import ONTOLOGY_GRAPH, ontology_graph
        from kg.stores import RdfFile, format_for

        files = [RdfFile(Path(path), format_for(Path(path).name).rdf_format,
                         graph or loaded_graph(path)) for path in paths]
        for file in files:
            if not file.path.is_file():
                raise InputError(f"no such file: {file.path}")
        with self._open(create=True) as opened:
            counts = opened.load(files)
            # kg's own ontology graph, as a build writes it: exports and validation carry it.
            opened.replace_graphs({str(ONTOLOGY_GRAPH): ontology_graph().serialize(format="nt")})
            return LoadReport({str(file.path): count
                               for file, count in zip(files, counts, strict=True)},
                              len(opened.graphs()))

    # --- Reading ------------------------------------------------------------------------------

    def review(self) -> str:
        """Every extracted fact with its sentence, rule and confidence, as CSV for a person to
        edit (see :mod:`kg.curation`)."""
        from kg.curation import review_rows, write_review

        with self._open(read_only=True) as opened:
            return write_review(list(review_rows(opened)))

    def validate(self, *, shapes: str | Path | None = None, engine: str | None = None,
                 everything: bool = False, batch_size: int = VALIDATION_BATCH
                 ) -> ValidationReport:
        """Validate with SHACL what the last build changed (and the entities it touched), or
        with ``everything=True`` (``kg validate --all``) every article graph. ``engine``:
        "turbo" (pyshacl-turbo, Rust) or "pyshacl" (the reference); by default
        :func:`kg.validate.default_engine`, the one builds use.

        Validation then costs what changed, not what is stored; and the article graphs are
        validated ``batch_size`` at a time (:meth:`_validation_batches`), so its memory goes
        with the batch, not with the store, and the report is the one a single graph of it all
        would give.
        """
        from kg.validate import default_engine, load_shapes, validate_batches

        shapes_graph = load_shapes(shapes) if shapes else None
        only = None if everything else self._last_build()
        return validate_batches(self._validation_batches(only, batch_size), shapes=shapes_graph,
                                engine=engine or default_engine())

    def _validation_batches(self, only: list[str] | None, batch_size: int
                            ) -> Iterator[tuple[Any, set[Any]]]:
        """The data to validate, in batches: each an rdflib graph and the nodes it answers for.

        A batch holds ``batch_size`` article graphs (those of ``only``, else every article
        graph and loaded graph), the entity graph's description of each entity they name, and,
        so that ``sh:class`` sees them, the classes of whatever else those triples point to
        (another article's sentence, an entity a relation points to). With ``only`` None, the
        entities no article names come last, in batches of their own.
        """
        import pyoxigraph
        from rdflib import RDF, Graph, URIRef

        from kg.rdf import ENTITY_GRAPH, KGO, LAST_BUILD_GRAPH, ONTOLOGY_GRAPH
        from kg.vocab import BASE

        data_graphs = (f'FILTER((STRSTARTS(STR(?g), "{BASE}graph/") && ?g != <{ONTOLOGY_GRAPH}> '
                       f"&& ?g != <{LAST_BUILD_GRAPH}>) || ?g = <{ENTITY_GRAPH}>)")

        def construct(opened: Any, sparql: str, graph: Any) -> None:
            data = pyoxigraph.serialize(opened.query(sparql), format=pyoxigraph.RdfFormat.N_TRIPLES)
            graph.parse(data=data or b"", format="nt")

        def values(nodes: Iterable[Any]) -> str:
            return " ".join(f"<{node}>" for node in nodes)

        def batch(opened: Any, graphs: list[str], entities: list[str]) -> tuple[Any, set[Any]]:
            graph = Graph()
            if graphs:
                construct(opened, f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
                    {{ VALUES ?g {{ {values(graphs)} }} GRAPH ?g {{ ?s ?p ?o }} }}
                    UNION
                    {{ {{ SELECT DISTINCT ?s WHERE {{ VALUES ?c {{ {values(graphs)} }}
                           GRAPH ?c {{ ?m <{KGO.denotes}> ?s }} }} }}
                       GRAPH <{ENTITY_GRAPH}> {{ ?s ?p ?o }} }} }}""", graph)
            if entities:
                construct(opened, f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
                    VALUES ?s {{ {values(entities)} }} GRAPH ?g {{ ?s ?p ?o }} {data_graphs} }}""",
                          graph)
            owned = set(graph.subjects())
            pointed = sorted({o for _, p, o in graph if isinstance(o, URIRef) and p != RDF.type
                              and (o, RDF.type, None) not in graph})
            for start in range(0, len(pointed), 500):
                construct(opened, f"""CONSTRUCT {{ ?x a ?class }} WHERE {{
                    VALUES ?x {{ {values(pointed[start:start + 500])} }}
                    GRAPH ?g {{ ?x a ?class }} {data_graphs} }}""", graph)
            return graph, owned

        with self._open(read_only=True) as opened:
            graphs = only if only is not None else [
                graph for graph in opened.graphs() if graph.startswith(f"{BASE}graph/")
                and graph not in (str(ONTOLOGY_GRAPH), str(LAST_BUILD_GRAPH))]
            for start in range(0, len(graphs), batch_size):
                yield batch(opened, graphs[start:start + batch_size], [])
            if only is None:
                rows = opened.query(f"""SELECT DISTINCT ?s WHERE {{
                    GRAPH <{ENTITY_GRAPH}> {{ ?s ?p ?o }}
                    FILTER NOT EXISTS {{ GRAPH ?g {{ ?m <{KGO.denotes}> ?s }} }} }} ORDER BY ?s""")
                assert isinstance(rows, pyoxigraph.QuerySolutions)
                unnamed = [str(row["s"].value) for row in rows]  # type: ignore[union-attr]
                for start in range(0, len(unnamed), batch_size):
                    yield batch(opened, [], unnamed[start:start + batch_size])

    def _last_build(self) -> list[str] | None:
        """The article graphs the last build wrote, or None when the store does not say."""
        import pyoxigraph

        from kg.rdf import LAST_BUILD_GRAPH, PROV

        with self._open(read_only=True) as opened:
            if str(LAST_BUILD_GRAPH) not in opened.graphs():
                return None
            rows = opened.query(f"SELECT ?g WHERE {{ GRAPH <{LAST_BUILD_GRAPH}> "
                                f"{{ ?build <{PROV.generated}> ?g }} }}")
            assert isinstance(rows, pyoxigraph.QuerySolutions)
            return sorted(str(row["g"].value) for row in rows)

    def query(
        self,
        name: str | None = None,
        *,
        text: str | None = None,
        params: Mapping[str, str] | None = None,
        fmt: str = "table",
        timeout: float | None = QUERY_TIMEOUT,
        allow_service: bool = False,
    ) -> str:
        """Run a saved query (its ``name`` in ``queries/``, or a ``.rq`` file) or a query
        ``text`` with its ``NAME=VALUE`` ``params``; the answer written in ``fmt`` (``table``
        for people, or a W3C format: ``csv``, ``tsv``, ``json``, ``xml``; a CONSTRUCT also
        takes an RDF format such as ``turtle``), as text whatever the format.

        The query runs in a worker process stopped after ``timeout`` seconds (``None``: no
        limit), so that neither a runaway query nor a ``SERVICE`` call to a server that never
        answers can hold the caller: Ctrl-C stops it too. The worker is forked at the first
        query and kept, with the store open, for the next ones: a stopped worker is replaced at
        the next query, and a write through this object retires the workers (a write by
        another process is seen too: see :meth:`_reading`). ``SERVICE`` is refused unless
        ``allow_service`` is true, as in ``kg serve``; updates always are.
        """
        sparql = _query_text(name, text, allow_service)
        answer = self._in_worker((sparql, dict(params or {}), fmt), timeout)
        return answer.decode("utf-8") if isinstance(answer, bytes) else answer

    def rows(
        self,
        name: str | None = None,
        *,
        text: str | None = None,
        params: Mapping[str, str] | None = None,
        timeout: float | None = QUERY_TIMEOUT,
        allow_service: bool = False,
    ) -> list[dict[str, Any]]:
        """The solutions of a SELECT query (saved or ``text``, as in :meth:`query`), each a dict
        of Python values by variable name: an IRI or a string as ``str``, a number as ``int``,
        ``float`` or ``Decimal``, a date as ``datetime.date``, a boolean as ``bool``; an unbound
        variable is left out."""
        sparql = _query_text(name, text, allow_service)
        answer: list[dict[str, Any]] = self._in_worker((sparql, dict(params or {}), None),
                                                       timeout)
        return answer

    def _in_worker(self, arguments: tuple[str, dict[str, str], str | None],
                   timeout: float | None) -> Any:
        """:func:`_answer` with ``arguments`` in a query worker, stopped after ``timeout``
        seconds or when the caller is interrupted (KeyboardInterrupt is raised again once the
        worker is gone); a worker that dies without an answer is an error, not a hang."""
        from kg.errors import KgError, QueryError

        status, value = self._workers.call(self, _answer, arguments, timeout)
        if status == "late":
            raise QueryError(f"the query ran past its {timeout or 0:g} s timeout and was stopped "
                             "(give --timeout S for longer)")
        if status == "gone":
            raise QueryError(f"the query process died (exit code {value}) without an answer")
        if status == "error":
            raise value if isinstance(value, KgError) else QueryError(str(value))
        return value

    @overload
    def export(self, fmt: str = ..., *, output: None = ...) -> bytes: ...

    @overload
    def export(self, fmt: str = ..., *, output: BinaryIO) -> None: ...

    @overload
    def export(self, fmt: str = ..., *, output: str | os.PathLike[str]) -> int: ...

    def export(self, fmt: str = "turtle", *, output: BinaryIO | str | os.PathLike[str] | None = None
               ) -> bytes | int | None:
        """The whole store serialised in an RDF format (``turtle``, ``nt``, ``nquads``,
        ``trig``, ``jsonld``, ``xml``): written to ``output`` as the store is read (memory stays
        flat), or returned as bytes when no ``output`` is given. A file name as ``output`` gets
        the export whole or not at all (see :func:`write_file`); the size written is returned."""
        if isinstance(output, (str, os.PathLike)):
            with written_whole(output) as stream:
                self.export(fmt, output=stream)
                return stream.tell()
        buffer = io.BytesIO()
        with self._open(read_only=True) as opened:
            opened.dump(output if output is not None else buffer, fmt)
        return None if output is not None else buffer.getvalue()

    def stats(self) -> dict[str, Any]:
        """Counts that summarise the store: articles, entities by type, events by type, figures,
        quarantined statements, triples (in all and by kind of graph)."""
        from kg.rdf import ENTITY_GRAPH, KGO, LAST_BUILD_GRAPH, ONTOLOGY_GRAPH
        from kg.vocab import entity_classes

        def rows(opened: Any, sparql: str, whole: bool = False) -> list[tuple[str, int]]:
            """(name, count) rows: the local name of the first column's IRI, or all of it."""
            return [(str(r[0].value) if whole else str(r[0].value).rsplit("#", 1)[-1],
                     int(r[1].value)) for r in opened.query(sparql)]

        values = " ".join(f"<{KGO[c]}>" for c in entity_classes())
        with self._open(read_only=True) as opened:
            entities = rows(opened, f"""SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {{
                VALUES ?type {{ {values} }} ?e a ?type }} GROUP BY ?type ORDER BY DESC(?n)""")
            events = rows(opened, f"""SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {{
                ?e a <https://schema.org/Event> ; a ?type .
                FILTER(STRSTARTS(STR(?type), "{KGO}")) }} GROUP BY ?type ORDER BY DESC(?n)""")
            figures = rows(opened, f"""SELECT ?unit (COUNT(DISTINCT ?s) AS ?n) WHERE {{
                ?s a <{KGO.Statistic}> ; <{KGO.unit}> ?unit }} GROUP BY ?unit""")
            articles = rows(opened, f"""SELECT ("articles" AS ?k) (COUNT(DISTINCT ?a) AS ?n)
                WHERE {{ ?a a <{KGO.Article}> }}""")
            quarantined = rows(opened, f"""SELECT ("q" AS ?k) (COUNT(DISTINCT ?q) AS ?n)
                WHERE {{ ?q a <{KGO.QuarantinedStatement}> }}""")
            triples = opened.triples_count()
            by_graph = {graph: count for graph, count in rows(
                opened, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                whole=True)}
        graphs = {"article graphs": 0, "entity graph": 0, "ontology graph": 0, "other graphs": 0}
        for graph, count in by_graph.items():
            part = ("entity graph" if graph == str(ENTITY_GRAPH) else
                    "ontology graph" if graph == str(ONTOLOGY_GRAPH) else
                    "article graphs" if "/graph/" in graph and graph != str(LAST_BUILD_GRAPH)
                    else "other graphs")  # the build record, quarantine graphs
            graphs[part] += count
        return {
            "articles": articles[0][1] if articles else 0,
            "entities": dict(Counter(dict(entities))),
            "events": dict(events),
            "statistics": dict(figures),
            "quarantined": quarantined[0][1] if quarantined else 0,
            "triples": triples,
            "triples by graph": graphs,
        }

    # --- Graph views and drawings -------------------------------------------------------------

    def view(self, *, use_cache: bool = True) -> EntityView:
        """The entity view of the store: a networkx graph of its entities, events and figures,
        projected once per store state (see :mod:`kg.viewcache`); :mod:`kg.analysis` walks it."""
        from kg.viewcache import load

        with self._open(read_only=True) as opened:
            return load(opened, use_cache=use_cache)

    def draw(self, fmt: str = "html", *, focus: str | None = None, depth: int = 1,
             types: Iterable[str] = (), max_nodes: int = 500, file: str | None = None) -> Drawing:
        """Draw the entity graph, or the ``depth`` hops around ``focus``, or its nodes of
        ``types``, keeping the ``max_nodes`` most linked: ``html`` (an interactive,
        self-contained page), ``svg`` or ``png``, or the format a file name ends in; with
        ``file``, the format its name ends in (an :class:`InputError` when it ends in none)."""
        from kg.analysis import subgraph
        from kg.projection import node_sentences
        from kg.viewcache import load
        from kg.viz import FORMATS, format_for, render

        fmt = format_for(file) if file is not None else fmt if fmt in FORMATS else format_for(fmt)
        with self._open(read_only=True) as opened:
            view = load(opened)
            part = subgraph(view, focus=focus, depth=depth, types=tuple(types),
                            max_nodes=max_nodes)
            if part.number_of_nodes() == 0:
                raise InputError("nothing to draw: no node matches --focus and --type")
            # The page shows each node's sentences: read here, where the store is open.
            sentences = node_sentences(opened, sorted(part.nodes)) if fmt == "html" else None
        return Drawing(render(view, part, fmt, sentences=sentences), part.number_of_nodes(),
                       view.graph.number_of_nodes())

    def timeline(self, fmt: str = "png", *, file: str | None = None) -> bytes:
        """The events on a time axis, coloured by event class, as ``png`` or ``svg``, or the
        format a file name (``file``, else ``fmt``) ends in."""
        from kg.timeline import timeline
        from kg.viz import format_for

        drawn = ("png", "svg")
        if file is not None or fmt not in drawn:
            fmt = format_for(file if file is not None else fmt, allowed=drawn)
        return timeline(self.view(), fmt)


def open(store: str | None = None) -> KnowledgeGraph:  # noqa: A001 - kg.open, as sqlite3.connect
    """Open the kg store at ``store`` (a directory, ``":memory:"`` or a SPARQL server's URL;
    default ``$KG_STORE``, else ``.kg``): see :class:`KnowledgeGraph`."""
    return KnowledgeGraph(store)


def use_base_iri(iri: str) -> None:
    """Mint entities, articles and graphs under ``iri`` in this process and the processes it
    starts (``kg --base-iri``). Call it before any of kg's vocabulary is read: :mod:`kg.vocab`
    reads the base once. An :class:`InputError` says why ``iri`` cannot be a base, or that this
    process already mints under another."""
    import sys

    if "kg.vocab" in sys.modules:  # only in a process that already ran kg (tests)
        from kg.vocab import BASE

        if iri != BASE:
            raise InputError(f"this process already uses {BASE}")
    os.environ["KG_BASE_IRI"] = iri
    from kg.vocab import base_problem

    problem = base_problem(iri)
    if problem:
        raise InputError(problem)


def saved_queries() -> list[QueryInfo]:
    """The saved queries :meth:`KnowledgeGraph.query` runs by name (those of ``./queries``
    first, then kg's own), each with its title, description and parameters."""
    from kg.query import list_queries

    return list_queries()


def report_text(report: ValidationReport, fmt: str = "text") -> str:
    """A validation report (:meth:`KnowledgeGraph.validate`) as ``text`` for people,
    ``turtle`` (the report graph) or ``json``."""
    from kg.validation_report import render

    return render(report, fmt)


def report_summary(report: ValidationReport) -> str:
    """A validation report in one line: "N violations, M warnings on K nodes", or
    "Conforms: 0 violations"."""
    from kg.validation_report import summary

    return summary(report)


@dataclass(frozen=True)
class Evaluation:
    """Extraction scored against gold annotations (:func:`evaluate`)."""

    articles: list[ArticleScores]
    """Each article's scores, with its missed and spurious facts."""
    totals: dict[str, Score]
    """The scores summed over the articles, by name ("entities", "event:Visit", ...)."""
    rules: dict[str, Score]
    """Each extraction rule's true and false positives, the rules with more false ones first."""


def evaluate(gold_dir: str | Path, *, model: str | None = None,
             articles: str | Path | None = None, split: str | None = None) -> Evaluation:
    """Run the pipeline on every article of the gold annotations in ``gold_dir`` (only those
    of ``split``, ``dev`` or ``heldout``, if given) and score its facts: no store is involved.
    ``articles`` is a folder of article files or a ``.jsonl`` corpus holding the articles (see
    :func:`kg.evaluate.load_gold` for where they are looked for otherwise)."""
    from kg.evaluate import evaluate as score
    from kg.evaluate import rule_totals, totals

    results = score(gold_dir, model=model, articles=articles, split=split)
    return Evaluation(results, totals(results), rule_totals(results))


def check_base_iri(opened: Store) -> None:
    """Refuse a store whose build record says it was built under another base IRI than the one
    this kg mints under (:data:`kg.vocab.BASE`, from ``$KG_BASE_IRI`` or ``kg --base-iri``):
    its entities, articles and graphs would not be found, and new ones would mix two bases."""
    from kg.vocab import BASE, BASE_ENVIRONMENT_VARIABLE, VOID_URI_SPACE, base_problem

    problem = base_problem(BASE)
    if problem:
        raise InputError(f"the base IRI {problem} (from ${BASE_ENVIRONMENT_VARIABLE})")
    rows = opened.query(f"SELECT DISTINCT ?base WHERE {{ GRAPH ?g {{ ?build <{VOID_URI_SPACE}> "
                        "?base } }")
    recorded = sorted(str(row["base"].value) for row in rows)  # type: ignore[index, union-attr]
    other = next((base for base in recorded if base != BASE), None)
    if other is not None:
        # An InputError, not a StoreError: a build must not take it for "no store yet".
        raise InputError(f"the store at '{opened.location}' was built with base IRI {other}, not "
                         f"{BASE}: pass --base-iri {other} (or set ${BASE_ENVIRONMENT_VARIABLE}), "
                         "or build into a new store")


def _query_text(name: str | None, text: str | None, allow_service: bool) -> str:
    """The SPARQL text of a saved query or a given text, refused if it updates, or calls other
    servers without ``allow_service``."""
    from kg.errors import QueryError
    from kg.query import find_query, read_query

    if text is None:
        if not name:
            raise InputError("give a query: a NAME from queries/, a FILE.rq, or --query TEXT")
        text = read_query(find_query(name))
    refusal = _refusal(text, allow_service)
    if refusal:
        raise QueryError(refusal)
    return text


@functools.lru_cache(maxsize=64)
def _refusal(text: str, allow_service: bool) -> str | None:
    """Why a query text is refused, or None; remembered for the texts asked last, so that a
    query asked again is not scanned again (a few hundred microseconds: docs/performance.md)."""
    from kg.sparqltext import calls_out, is_update

    if is_update(text):
        return ("kg query is read-only: updates (INSERT, DELETE, LOAD, ...) are not "
                "allowed; build, remove or curate articles with kg build / kg remove")
    if not allow_service and calls_out(text):
        return ("SERVICE is not allowed: kg query never calls other servers unless "
                "given --allow-service (outside strings, IRIs and variables the word "
                "'service' is refused wherever it appears)")
    return None


def _answer(graph: KnowledgeGraph, deadline: float, sparql: str, params: dict[str, str],
            fmt: str | None) -> Any:
    """A query worker's job (:mod:`kg.workers`), on its copy of ``graph``: the rows of the
    query, or its answer in ``fmt``."""
    from kg.query import format_result, python_rows, run_query

    with graph._reading() as opened:
        result = run_query(opened, sparql, params)
        return python_rows(result) if fmt is None else format_result(result, fmt)
