"""Quarantine: the statements behind each SHACL violation moved out of a graph, with the reason.

They become ``kgo:QuarantinedStatement`` nodes in a graph of their own, so that nothing is
silently dropped and the rest of the article conforms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rdflib import RDF, SH, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.rdf import KGO
from kg.validate import (
    SHAPES,
    ValidationReport,
    named_shape,
    result_messages,
    result_nodes,
    shipped_shapes,
    validate,
)
from kg.vocab import PREFIXES

# Re-validation rounds after the first quarantine: removing a statement can leave another node
# invalid (an Assertion whose relation is gone, a mention whose entity is gone).
MAX_REVALIDATIONS = 3

Triple = tuple[Node, Node, Node]


def quarantine(data: Graph, report: ValidationReport, *, in_place: bool = False,
               conforms: Callable[[Graph], bool] | None = None) -> tuple[Graph, Graph]:
    """Split ``data`` into (clean, quarantined) by the report's Violations.

    For each Violation, the statements behind it leave the clean graph: the one triple
    (focus, path, value) when the result names a value; every value of the path when it names
    only the path (too many values); otherwise, when something required is missing or the whole
    node is at fault, every triple whose subject is the focus node. A kgo:Assertion goes
    together with the relation triple it reifies, and a removed relation takes the Assertions
    about it along. Each removed triple becomes a kgo:QuarantinedStatement (rdf:subject,
    rdf:predicate, rdf:object, kgo:reason, kgo:violatedShape) in the quarantined graph. The
    clean graph is then validated again and the step repeated, at most ``MAX_REVALIDATIONS``
    times, so that it conforms. ``data`` is not modified, unless ``in_place``: then it becomes
    the clean graph itself, sparing a copy to a caller that has no further use for it.
    ``conforms``, when given, is asked first whether the clean graph conforms to the report's
    shapes (it must answer as the report's ``conforms`` would: :func:`kg.validate.conforms` on
    its N-Triples, say); when it does, the round ends without a report, which only a graph
    that still violates a shape needs.
    """
    if in_place:
        clean = data
    else:
        clean = Graph()
        for prefix, namespace in data.namespaces():
            clean.bind(prefix, namespace)
        clean += data
    quarantined = Graph()
    quarantined.bind("kgo", KGO)
    quarantined.bind("kgs", SHAPES)
    for name, iri in PREFIXES.items():
        quarantined.bind(name, iri, override=False)
    current = report
    for round_number in range(MAX_REVALIDATIONS + 1):
        if current.conforms or not _quarantine_violations(clean, quarantined, current):
            break
        if round_number == MAX_REVALIDATIONS:
            break
        if conforms is not None and conforms(clean):
            break  # what the report would say, without making it
        current = validate(clean, shapes=report.shapes, engine=report.engine)
    return clean, quarantined


def _quarantine_violations(clean: Graph, quarantined: Graph, report: ValidationReport) -> int:
    """Move the statements behind each Violation of ``report``; the number of triples moved."""
    shapes = report.shapes if report.shapes is not None else shipped_shapes()
    graph = report.report_graph
    reasons: dict[Triple, list[tuple[str, Node | None]]] = {}
    for node in result_nodes(graph):
        if graph.value(node, SH.resultSeverity) != SH.Violation:
            continue
        focus = graph.value(node, SH.focusNode)
        if focus is None:
            continue
        # The message validate() shows: the same whichever order the graph gives them in.
        message = next(iter(result_messages(graph, node, shapes)), "does not conform to the shape")
        shape = named_shape(graph.value(node, SH.sourceShape), shapes)
        statements = _offending_statements(clean, focus, graph.value(node, SH.resultPath),
                                           graph.value(node, SH.value))
        for triple, reason in statements:
            entry = (message if reason is None else f"{reason}: {message}", shape)
            if entry not in reasons.setdefault(triple, []):
                reasons[triple].append(entry)
    for triple, entries in reasons.items():
        clean.remove(triple)
        record = BNode()
        quarantined.add((record, RDF.type, KGO.QuarantinedStatement))
        quarantined.add((record, RDF.subject, triple[0]))
        quarantined.add((record, RDF.predicate, triple[1]))
        quarantined.add((record, RDF.object, triple[2]))
        for message, shape in entries:
            quarantined.add((record, KGO.reason, Literal(message)))
            if shape is not None:
                quarantined.add((record, KGO.violatedShape, shape))
    return len(reasons)


def _offending_statements(clean: Graph, focus: Node, path: Node | None,
                          value: Node | None) -> list[tuple[Triple, str | None]]:
    """The triples a Violation stands for, each with a prefix for its reason (None: the
    Violation's own message)."""
    if (focus, RDF.type, KGO.Assertion) in clean:
        found: list[tuple[Triple, str | None]] = [(t, None) for t in _triples_of(clean, focus)]
        reified = _reified_statement(clean, focus)
        if reified is not None and reified in clean:
            found.append((reified, "its Assertion was quarantined"))
        return found
    direct: list[Triple] = []
    if isinstance(path, URIRef) and value is not None and (focus, path, value) in clean:
        direct = [(focus, path, value)]
    elif isinstance(path, URIRef) and value is None:  # too many values (sh:maxCount, ...)
        direct = list(clean.triples((focus, path, None)))
    if not direct:  # a missing value or a whole-node constraint: the node itself is unsupported
        direct = list(_triples_of(clean, focus))
    found = [(triple, None) for triple in direct]
    for triple in direct:
        for assertion in _assertions_about(clean, triple):
            found.extend((t, "reifies a quarantined statement")
                         for t in _triples_of(clean, assertion))
    return found


def _triples_of(graph: Graph, node: Node) -> Iterable[Triple]:
    return list(graph.triples((node, None, None)))


def _reified_statement(graph: Graph, assertion: Node) -> Triple | None:
    parts = [graph.value(assertion, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
    if any(part is None for part in parts):
        return None
    return parts[0], parts[1], parts[2]  # type: ignore[return-value]


def _assertions_about(graph: Graph, triple: Triple) -> list[Node]:
    subject, predicate, obj = triple
    return [a for a in graph.subjects(RDF.subject, subject)
            if (a, RDF.type, KGO.Assertion) in graph and (a, RDF.predicate, predicate) in graph
            and (a, RDF.object, obj) in graph]


__all__ = ["MAX_REVALIDATIONS", "quarantine"]
