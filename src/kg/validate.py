"""SHACL validation of a data graph: the shapes, the engines (pySHACL, pyshacl-turbo), the report.

``validate`` checks a data graph against ``ontology/shapes.ttl`` (with the ontology mixed in, no
inference) and returns a ``ValidationReport``: pySHACL's report graph plus one
``ValidationResult`` per result, with the labels, property names and source sentence a person
needs to act on it. :mod:`kg.validation_report` writes that one report as text, Turtle or JSON,
so the three never disagree; :mod:`kg.quarantine` moves the statements behind each violation
into a separate graph.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pyshacl
from pyshacl.errors import ConstraintLoadError, ReportableRuntimeError, ShapeLoadError
from rdflib import RDF, RDFS, SH, BNode, Graph, Literal, Namespace, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Node
from rdflib.util import guess_format

from kg.errors import InputError, ShapeError
from kg.rdf import KGO, PROV, ontology_graph
from kg.resources import resource_path
from kg.shape_ranges import Comparisons, split_comparisons
from kg.vocab import BASE, DEFAULT_BASE, PREFIXES

SHAPES = Namespace(DEFAULT_BASE + "shapes#")  # the shapes' IRIs, like the ontology's, are fixed

_SEVERITIES: dict[Node, str] = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
# Display-only prefix for article-local nodes (sentences, mentions, facts) in text reports.
DISPLAY_PREFIXES: dict[str, str] = {
    **PREFIXES, "kgs": str(SHAPES), "article": BASE + "article/",
}


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, with what a person needs to find and fix it.

    ``focus``, ``path`` and ``shape`` are full IRIs (a path of the form ``^IRI`` is an inverse
    path); ``value`` is the offending value as text; ``sentence`` is the text of the sentence the
    focus node was read from, when the graph records one.
    """

    focus: str
    focus_label: str | None
    path: str | None
    path_label: str | None
    value: str | None
    message: str
    severity: str
    shape: str | None
    sentence: str | None


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating one graph: pySHACL's report graph and its results, sorted.

    ``conforms`` is True when there is no Violation (Warnings and Infos do not count).
    ``shapes`` is the shapes graph the data was validated against; ``quarantine`` re-validates
    with it.
    """

    conforms: bool
    results: tuple[ValidationResult, ...]
    report_graph: Graph
    shapes: Graph | None = field(default=None, repr=False, compare=False)
    engine: str = field(default="pyshacl", compare=False)

    def violations(self) -> tuple[ValidationResult, ...]:
        """The results of severity Violation: what quarantine removes."""
        return tuple(result for result in self.results if result.severity == "Violation")

    def warnings(self) -> tuple[ValidationResult, ...]:
        """The results of severity Warning: reported, never quarantined."""
        return tuple(result for result in self.results if result.severity == "Warning")


# --- loading shapes ---------------------------------------------------------------------------

def load_shapes(path: str | Path | None = None) -> Graph:
    """The SHACL shapes graph in ``path``, by default the shipped ``ontology/shapes.ttl``.

    Raises ``ShapeError`` naming the file (and line and column, for a syntax error) when the file
    is missing, cannot be parsed or holds no shapes.
    """
    shapes_path = Path(path) if path is not None else resource_path("ontology", "shapes.ttl")
    if not shapes_path.is_file():
        raise ShapeError(f"{shapes_path}: shapes file not found; pass the path of a Turtle file "
                         "with SHACL shapes, or omit it to use the shipped ontology/shapes.ttl")
    graph = Graph()
    try:
        graph.parse(shapes_path, format=guess_format(str(shapes_path)) or "turtle")
    except Exception as error:  # rdflib's parsers raise many unrelated exception types
        raise ShapeError(f"{shapes_path}{_error_position(error)}: cannot parse the shapes "
                         f"file: {_error_reason(error)}") from error
    if not any(pattern in graph for pattern in _SHAPE_PATTERNS):
        raise ShapeError(f"{shapes_path}: no SHACL shapes found (no sh:NodeShape or "
                         "sh:PropertyShape); is this the right file?")
    return graph


_SHAPE_PATTERNS = ((None, RDF.type, SH.NodeShape), (None, RDF.type, SH.PropertyShape),
                   (None, SH.targetClass, None))


def _error_position(error: Exception) -> str:
    """", line L, column C" for a parser error that knows where it happened."""
    line = getattr(error, "lines", None)  # notation3.BadSyntax: 0-based line
    if isinstance(line, int):
        text, offset = getattr(error, "_str", None), getattr(error, "_i", None)
        if isinstance(text, bytes) and isinstance(offset, int):
            column = offset - text.rfind(b"\n", 0, offset)
            return f", line {line + 1}, column {column}"
        return f", line {line + 1}"
    get_line = getattr(error, "getLineNumber", None)  # xml.sax.SAXParseException
    if callable(get_line):
        return f", line {get_line()}, column {error.getColumnNumber()}"  # type: ignore[attr-defined]
    return ""


def _error_reason(error: Exception) -> str:
    reason = getattr(error, "_why", None) or str(error).splitlines()[0]
    return str(reason)


@cache
def shipped_shapes() -> Graph:
    return load_shapes()


@cache
def _ontology() -> Graph:
    return ontology_graph()


_HIERARCHY = (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)


@cache
def _class_tree() -> Graph:
    """The part of the ontology a SHACL engine reads when it validates without inference: the
    class and property hierarchy (``sh:class`` follows ``rdfs:subClassOf``), and the domains
    and ranges. Mixing only this into each article's graph is a third of the ontology's
    triples; tests/test_validate_engines.py checks that the verdicts stay pySHACL's."""
    tree = Graph()
    ontology = _ontology()
    for prop in _HIERARCHY:
        for subject, value in ontology.subject_objects(prop):
            tree.add((subject, prop, value))
    return tree


_COMPILED: dict[int, tuple[Graph, Any]] = {}
"""Shapes compiled by pyshacl-turbo, by the id of their graph (kept here so the id stays its)."""


def _compiled_shapes(shapes: Graph) -> Any:
    """The shapes compiled once per process for the Rust engine (compiling costs as much as
    validating one article)."""
    import pyshacl_turbo

    held = _COMPILED.get(id(shapes))
    if held is None or held[0] is not shapes:
        if len(_COMPILED) >= 8:
            _COMPILED.clear()
        held = (shapes, pyshacl_turbo.compile_shapes(shapes, advanced=True))
        _COMPILED[id(shapes)] = held
    return held[1]


# --- validating -------------------------------------------------------------------------------

class _ParseOnceGraph(Graph):
    """A graph whose ``query`` parses each distinct SPARQL text only once.

    pySHACL sends the text of a SHACL-SPARQL constraint again for every focus node, and rdflib
    parses it every time (tens of milliseconds each); caching the parse makes validation of an
    article about ten times faster. Results are identical: only parsing is shared.
    """

    def query(  # type: ignore[override]
        self,
        query_object: str | Query,
        processor: str = "sparql",
        result: str = "sparql",
        initNs: Mapping[str, Any] | None = None,  # noqa: N803 (rdflib's name)
        initBindings: Mapping[str, Node] | None = None,  # noqa: N803
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Result:
        if isinstance(query_object, str) and processor == "sparql" and not kwargs:
            query_object = _prepared_query(query_object, tuple(sorted((initNs or {}).items())))
        return super().query(query_object, processor, result, initNs, initBindings,  # type: ignore[arg-type]
                             use_store_provided, **kwargs)


@lru_cache(maxsize=256)
def _prepared_query(text: str, namespaces: tuple[tuple[str, Any], ...]) -> Query:
    return prepareQuery(text, initNs=dict(namespaces))


ENGINES = ("pyshacl", "turbo")
"""SHACL engines: pySHACL is the reference; pyshacl-turbo (Rust, same API and report
vocabulary) is about ten times faster, and tests/test_validate_engines.py checks that both give
the same results on every shape test case and on built articles."""


def default_engine() -> str:
    """The engine for build-time validation: $KG_SHACL_ENGINE, else turbo when installed."""
    import importlib.util
    import os

    chosen = os.environ.get("KG_SHACL_ENGINE")
    if chosen:
        return chosen
    return "turbo" if importlib.util.find_spec("pyshacl_turbo") else "pyshacl"


def validate(data: Graph, *, shapes: Graph | None = None, engine: str = "pyshacl"
             ) -> ValidationReport:
    """Validate ``data`` against the shapes (default: the shipped ones), without inference.

    The ontology is mixed into a copy of the data so that ``sh:class`` sees its class hierarchy;
    ``data`` itself is not modified. Raises ``ShapeError`` when the engine cannot use the shapes.
    """
    shapes_graph = shapes if shapes is not None else shipped_shapes()
    conforms, report_graph = _check(data, shapes_graph, engine)
    context = _Context(data, _ontology(), shapes_graph)
    results = sorted((context.result(report_graph, node)[0] for node in result_nodes(report_graph)),
                     key=_result_order)
    return ValidationReport(conforms, tuple(results), report_graph, shapes_graph, engine)


def conforms(ntriples: str, *, engine: str = "pyshacl") -> bool:
    """Whether N-Triples text conforms to the shipped shapes: the verdict :func:`validate`
    gives on the same triples. The Rust engine reads the text itself, with the class tree beside
    it, so no rdflib graph is built (what a build does for each article: only an article that
    does not conform goes on to :func:`validate`, for the report that quarantine reads)."""
    if engine != "turbo":
        from kg.rdf import graph_of

        return validate(graph_of(ntriples), engine=engine).conforms
    ranged, comparisons = _ranged_verdict_shapes()
    shapes = ranged if comparisons.hold(ntriples) else verdict_shapes()
    try:
        return _verdict(_compiled_shapes(shapes), ntriples + _class_tree_ntriples())
    except Exception as error:  # the Rust engine raises its own errors for unusable shapes
        if type(error).__module__.startswith("pyshacl_turbo"):
            raise ShapeError(f"the shapes cannot be used for validation: {error}") from error
        raise


_NATIVE_TESTED = frozenset({"0.6.5"})
"""pyshacl-turbo versions whose private native ``validate`` arguments :func:`_verdict` was
checked against; any other takes the public API."""


@cache
def _turbo_version() -> str:
    """The installed pyshacl-turbo's version ("0.6.5")."""
    from importlib.metadata import version

    return version("pyshacl-turbo")


def _verdict(compiled: Any, ntriples: str) -> bool:
    """The Rust engine's verdict on N-Triples text, Warnings allowed. Its native call is made
    directly when pyshacl-turbo has it (0.6): ``CompiledShapes.validate`` would also decode
    the report into an rdflib graph and bind the shapes' prefixes to it, about 0.5 ms an
    article, for a report :func:`conforms` does not read. The native call's arguments are
    private to pyshacl-turbo, so it is made only on the versions it was checked against
    (``_NATIVE_TESTED``); any other version, or a call the native side refuses, takes the
    public API."""
    native = getattr(compiled, "_native", None)
    if native is not None and hasattr(native, "validate") and _turbo_version() in _NATIVE_TESTED:
        try:
            verdict = native.validate(ntriples, "nt", None, False, 100, 15, False, False, True,
                                      False, [], [], [])[0]
            return bool(verdict)
        except TypeError:
            pass  # the private signature changed: the public API below
    from pyshacl_turbo.rdf import Input

    verdict, _, _ = compiled.validate(Input(ntriples, "nt", None, {}, {}), inference="none",
                                      allow_warnings=True)
    return bool(verdict)


_NESTING = (SH.node, SH["not"], SH["and"], SH["or"], SH.xone, SH.qualifiedValueShape, RDF.first)
"""Where a shape is used as a condition: a value conforms to it only with no result at all,
whatever the severity, so a Warning shape used there still decides a verdict."""
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


@cache
def verdict_shapes() -> Graph:
    """The shipped shapes less the constraints that can only ever report a Warning or an Info:
    what :func:`conforms` checks. ``conforms`` is whether there is no Violation, and a shape
    of severity Warning attached to a node shape with ``sh:property`` (or targeting nodes of
    its own) reports only Warnings; so dropping it leaves every verdict as it was, and spares
    the engine the anchor text's SPARQL for every sentence, mention and fact (about 40 % of
    its work on real news). A Warning shape used as a condition (``sh:node``, ``sh:or``, ...,
    see ``_NESTING``) is kept. :func:`validate` still checks the whole shapes, for the report."""
    return without_warnings(shipped_shapes())


def without_warnings(shapes: Graph) -> Graph:
    """A copy of ``shapes`` without the shapes that can only report Warnings or Infos (see
    :func:`verdict_shapes`): it gives every data graph the verdict ``shapes`` give."""
    nested = {value for prop in _NESTING for value in shapes.objects(None, prop)}
    kept = Graph()
    for prefix, namespace in shapes.namespaces():
        kept.bind(prefix, namespace)
    for triple in shapes:
        kept.add(triple)
    for shape, severity in shapes.subject_objects(SH.severity):
        if severity == SH.Violation or shape in nested:
            continue
        owners = list(shapes.subject_predicates(shape))
        if any(link != SH.property or owner in nested for owner, link in owners):
            continue
        for owner, _ in owners:
            kept.remove((owner, SH.property, shape))
        for target in _TARGETS:
            kept.remove((shape, target, None))
    return kept


@cache
def _ranged_verdict_shapes() -> tuple[Graph, Comparisons]:
    """The verdict shapes less their numeric comparisons, and those comparisons, which
    :func:`conforms` checks on the text itself (:mod:`kg.shape_ranges`): where they all hold,
    the engine gives the verdict without them. None are taken out if the class tree beside
    the text gave a compared property a value (it gives none: it is classes and domains)."""
    ranged, comparisons = split_comparisons(verdict_shapes())
    tree = Graph().parse(data=_class_tree_ntriples(), format="nt")
    if any((None, URIRef(prop), None) in tree for prop in comparisons.properties):
        return verdict_shapes(), Comparisons(())
    return ranged, comparisons


def load_verdict_shapes(engine: str | None) -> None:
    """Read what :func:`conforms` reads (the verdict shapes, the class tree's N-Triples) into
    this process now: a build calls it before it forks its parser processes, so that each
    finds them read instead of reading them itself. (The Rust engine's compiled shapes are
    still made in each process: a native object is not carried over a fork.)"""
    if engine == "turbo":
        verdict_shapes()
        _class_tree_ntriples()
        _ranged_verdict_shapes()


_VERDICT_HIERARCHY = (RDFS.subClassOf, RDFS.domain)
"""What the shipped shapes read of the class tree: ``sh:class`` and the targets follow
``rdfs:subClassOf``, the entity shape's SPARQL reads ``rdfs:domain``; no shape reads
``rdfs:subPropertyOf`` or ``rdfs:range`` (tests/test_validate_engines.py checks it)."""


@cache
def _class_tree_ntriples() -> str:
    """The class tree as :func:`conforms` hands it to the Rust engine beside every article:
    only what the shipped shapes read of it (``_VERDICT_HIERARCHY``, 122 of its 205 lines),
    since the engine parses it again for each article (0.42 ms a call for all of it)."""
    tree = Graph()
    for prop in _VERDICT_HIERARCHY:
        for triple in _class_tree().triples((None, prop, None)):
            tree.add(triple)
    return tree.serialize(format="nt")


def validate_batches(batches: Iterable[tuple[Graph, Container[Node]]], *,
                     shapes: Graph | None = None, engine: str = "pyshacl") -> ValidationReport:
    """Validate data too large for one graph, batch by batch, as one report.

    Each batch is a data graph and the nodes it answers for: the results about other nodes
    (there only so that ``sh:class`` sees their class) are left to the batch that holds them.
    A result found in several batches (an entity that several batches' articles name) is
    reported once, with the earliest sentence any batch found for it, as :func:`validate` of
    all the batches' data in one graph would; so memory goes with the largest batch, not with
    the whole of the data.
    """
    shapes_graph = shapes if shapes is not None else shipped_shapes()
    found: dict[tuple[ValidationResult, str],
                tuple[ValidationResult, tuple[int, int, str] | None]] = {}
    merged = Graph()
    report = BNode()
    for data, owned in batches:
        _, report_graph = _check(data, shapes_graph, engine)
        for prefix, namespace in report_graph.namespaces():
            merged.bind(prefix, namespace, override=False)
        context = _Context(data, _ontology(), shapes_graph)
        for node in result_nodes(report_graph):
            if report_graph.value(node, SH.focusNode) not in owned:
                continue
            result, sentence = context.result(report_graph, node)
            key = (replace(result, sentence=None),
                   str(report_graph.value(node, SH.sourceConstraintComponent)))
            kept = found.get(key)
            if kept is None:
                merged.add((report, SH.result, node))
                for triple in _closure(report_graph, node):
                    merged.add(triple)
            if kept is None or (sentence is not None and (kept[1] is None or sentence < kept[1])):
                found[key] = (result, sentence)
    results = sorted((result for result, _ in found.values()), key=_result_order)
    conforms = not any(result.severity == "Violation" for result in results)
    merged.add((report, RDF.type, SH.ValidationReport))
    merged.add((report, SH.conforms, Literal(conforms)))
    return ValidationReport(conforms, tuple(results), merged, shapes_graph, engine)


def _closure(graph: Graph, node: Node) -> Iterator[tuple[Node, Node, Node]]:
    """The triples about ``node`` and, through blank nodes, about what it holds (a result's
    path, details and values)."""
    pending, seen = [node], {node}
    while pending:
        for triple in graph.triples((pending.pop(), None, None)):
            yield triple
            if isinstance(triple[2], BNode) and triple[2] not in seen:
                seen.add(triple[2])
                pending.append(triple[2])


def _result_order(result: ValidationResult) -> tuple[int, str, str, str, str]:
    return (_SEVERITY_ORDER.get(result.severity, 3), result.focus, result.path or "",
            result.message, result.value or "")


def _check(data: Graph, shapes_graph: Graph, engine: str) -> tuple[bool, Graph]:
    """Run the engine on ``data``: whether it conforms, and the report graph."""
    if engine not in ENGINES:
        raise InputError(f"unknown SHACL engine '{engine}'; choose one of: {', '.join(ENGINES)}")
    working = _ParseOnceGraph()
    for prefix, namespace in data.namespaces():
        working.bind(prefix, namespace, override=False)
    engine_input = _engine_input(data, working) if engine == "turbo" else None
    if engine_input is None:
        working += data
    try:
        if engine == "turbo":
            if engine_input is None:
                # Mixing the class tree in here, as pySHACL does with ont_graph, spares the
                # Rust engine a round trip through rdflib that costs more than the validation.
                working += _class_tree()
                engine_input = working
            conforms, report_graph, _ = _compiled_shapes(shapes_graph).validate(
                engine_input, inference="none", allow_warnings=True,
            )
        else:
            conforms, report_graph, _ = pyshacl.validate(
                working, shacl_graph=shapes_graph, ont_graph=_ontology(), inference="none",
                advanced=True, allow_warnings=True, inplace=True,
            )
    except (ShapeLoadError, ConstraintLoadError, ReportableRuntimeError) as error:
        raise ShapeError(f"the shapes cannot be used for validation: {error}") from error
    except Exception as error:  # the Rust engine raises its own errors for unusable shapes
        if engine == "turbo" and type(error).__module__.startswith("pyshacl_turbo"):
            raise ShapeError(f"the shapes cannot be used for validation: {error}") from error
        raise
    assert isinstance(report_graph, Graph)
    for name, iri in DISPLAY_PREFIXES.items():
        report_graph.bind(name, iri, override=False)
    return bool(conforms), report_graph


def _engine_input(data: Graph, working: Graph) -> Any:
    """``data`` and the class tree as the Rust engine's input, read term by term from the two
    graphs as pyshacl-turbo reads one rdflib graph (its "terms" input), or None where that is
    not known to work (another pyshacl-turbo version, a graph of graphs). The same triples as
    the graph :func:`_check` made by copying both into ``working`` (whose namespaces it
    passes on), without that copy: a third of the time of validating a short article."""
    try:
        from pyshacl_turbo.rdf import Input
        from pyshacl_turbo.term_input import _TermBatch
    except ImportError:
        return None  # the engine's own import then says what is missing
    if data.context_aware or _turbo_version() not in _NATIVE_TESTED:
        return None
    nodes: dict[str, BNode] = {}
    batch = _TermBatch(nodes)
    for subject, predicate, value in data:
        batch.append(subject, predicate, value)
    for triple in _class_tree():
        if triple not in data:  # a graph holds a triple once
            batch.append(*triple)
    return Input((batch.records, batch.quads), "terms", None, nodes, dict(working.namespaces()))


def result_nodes(report_graph: Graph) -> Iterator[Node]:
    """The top-level sh:result nodes (not the sh:detail results nested inside them)."""
    for report in report_graph.subjects(RDF.type, SH.ValidationReport):
        yield from report_graph.objects(report, SH.result)


def result_messages(report_graph: Graph, node: Node, shapes: Graph) -> list[str]:
    """The messages of the result at ``node``, the one to show first: a result with two (its
    node shape's and its constraint's) shows the constraint's, whatever order the engine gave
    them in (a graph's order changes from process to process)."""
    general = {str(m) for m in shapes.objects(report_graph.value(node, SH.sourceShape),
                                              SH.message)}
    return sorted((str(m) for m in report_graph.objects(node, SH.resultMessage)),
                  key=lambda message: (message in general, message))


class _Context:
    """Looks up what a person needs beside a raw result: labels, names, the source sentence."""

    def __init__(self, data: Graph, ontology: Graph, shapes: Graph) -> None:
        self.data = data
        self.ontology = ontology
        self.shapes = shapes

    def result(self, report_graph: Graph, node: Node
               ) -> tuple[ValidationResult, tuple[int, int, str] | None]:
        """The result at ``node``, and its sentence ranked (see :meth:`sentence_of`)."""
        focus = report_graph.value(node, SH.focusNode)
        path = report_graph.value(node, SH.resultPath)
        value = report_graph.value(node, SH.value)
        messages = result_messages(report_graph, node, self.shapes)
        severity = report_graph.value(node, SH.resultSeverity)
        shape = named_shape(report_graph.value(node, SH.sourceShape), self.shapes)
        inverse = report_graph.value(path, SH.inversePath) if isinstance(path, BNode) else None
        if inverse is None and isinstance(path, BNode):
            inverse = self.shapes.value(path, SH.inversePath)
        path_text = (f"^{inverse}" if isinstance(inverse, URIRef) else
                     str(path) if isinstance(path, URIRef) else None)
        path_label = (f"{self.label_of_property(inverse)} (inverse)" if isinstance(inverse, URIRef)
                      else self.label_of_property(path) if isinstance(path, URIRef) else None)
        sentence = self.sentence_of(focus, path, value)
        return ValidationResult(
            focus=str(focus),
            focus_label=self.label_of_node(focus),
            path=path_text,
            path_label=path_label,
            value=None if value is None else str(value),
            message=messages[0] if messages else "does not conform to the shape",
            severity=_SEVERITIES.get(severity, str(severity)) if severity else "Violation",
            shape=None if shape is None else str(shape),
            sentence=None if sentence is None else sentence[2],
        ), sentence

    def label_of_property(self, prop: Node) -> str:
        labels = list(self.ontology.objects(prop, RDFS.label))
        english = [label for label in labels if getattr(label, "language", None) in ("en", None)]
        if english or labels:
            return str((english or labels)[0])
        local = re.split(r"[#/]", str(prop))[-1]
        return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).lower() or str(prop)

    def label_of_node(self, node: Node | None) -> str | None:
        if node is None:
            return None
        label = self.data.value(node, RDFS.label)
        if label is not None:
            return str(label)
        if (node, RDF.type, KGO.Mention) in self.data:
            anchor = self.data.value(node, KGO.anchorOf)
            return None if anchor is None else f"“{anchor}”"
        if (node, RDF.type, KGO.Assertion) in self.data:
            parts = [self.data.value(node, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
            subject, predicate, obj = parts
            if subject is not None and predicate is not None and obj is not None:
                object_text = (str(obj) if isinstance(obj, Literal)
                               else self.label_of_node(obj) or short_name(str(obj)))
                return (f"{self.label_of_node(subject) or short_name(str(subject))} "
                        f"{self.label_of_property(predicate)} {object_text}")
        if (node, RDF.type, KGO.Sentence) in self.data:
            return f"sentence {self.data.value(node, KGO.sentenceIndex)}"
        return None

    def sentence_of(self, focus: Node | None, path: Node | None, value: Node | None
                    ) -> tuple[int, int, str] | None:
        """The text of the sentence a result is about: the statement's own evidence if an
        Assertion records it, else the focus node's sentence (its prov:wasDerivedFrom, its
        kgo:inSentence, a mention's sentence for an entity); the earliest if there are several."""
        if focus is None:
            return None
        data = self.data
        if (focus, RDF.type, KGO.Sentence) in data:
            text = data.value(focus, KGO.anchorOf)
            return None if text is None else (0, _index(data.value(focus, KGO.sentenceIndex)),
                                               str(text))
        candidates: list[Node] = []
        if path is not None and value is not None:
            for assertion in data.subjects(RDF.subject, focus):
                if (assertion, RDF.predicate, path) in data and \
                        (assertion, RDF.object, value) in data:
                    candidates.extend(data.objects(assertion, PROV.wasDerivedFrom))
        tier = 0 if candidates else 1
        if not candidates:
            candidates.extend(data.objects(focus, PROV.wasDerivedFrom))
            candidates.extend(data.objects(focus, KGO.inSentence))
            for mention in data.subjects(KGO.denotes, focus):
                candidates.extend(data.objects(mention, KGO.inSentence))
            for statistic in data.subjects(KGO.comparison, focus):
                candidates.extend(data.objects(statistic, PROV.wasDerivedFrom))
        texts = [(tier, _index(data.value(s, KGO.sentenceIndex)), str(text))
                 for s in set(candidates)
                 if (text := data.value(s, KGO.anchorOf)) is not None]
        return min(texts) if texts else None


def named_shape(shape: Node | None, shapes: Graph) -> Node | None:
    """The IRI a person can look up for a result's source shape: the shape itself when it has
    one, else the nearest named shape that holds it (through sh:property or sh:node)."""
    seen: set[Node] = set()
    while isinstance(shape, BNode) and shape not in seen:
        seen.add(shape)
        parent = shapes.value(predicate=SH.property, object=shape) or \
            shapes.value(predicate=SH.node, object=shape)
        if parent is None:
            break
        shape = parent
    return shape


def _index(value: Node | None) -> int:
    try:
        return int(value) if isinstance(value, Literal) else 1 << 30
    except (TypeError, ValueError):
        return 1 << 30


def short_name(iri: str) -> str:
    """``kgr:kim-jong-un`` for a full IRI under a known prefix, else ``<iri>``."""
    best = max((ns for ns in DISPLAY_PREFIXES.values() if iri.startswith(ns)), key=len,
               default=None)
    if best is None:
        return f"<{iri}>" if "://" in iri else iri
    prefix = next(p for p, ns in DISPLAY_PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


__all__ = ["DISPLAY_PREFIXES", "ENGINES", "SHAPES", "ValidationReport", "ValidationResult",
           "default_engine", "load_shapes", "named_shape", "result_messages", "result_nodes",
           "shipped_shapes", "conforms", "short_name", "validate", "validate_batches"]
