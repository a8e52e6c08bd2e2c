"""The shapes' numeric comparisons checked on N-Triples text in Python, so the Rust engine need
not: what :func:`kg.validate.conforms` does before it asks the engine for a verdict.

pyshacl-turbo evaluates each ``sh:minInclusive``, ``sh:maxInclusive``, ``sh:minExclusive``,
``sh:maxExclusive``, ``sh:lessThan`` and ``sh:lessThanOrEquals`` as a SPARQL expression, about
a third of its work on an article (the begin and end indexes of every span, the sentence
indexes, the confidences). :func:`split_comparisons` takes out of a shapes graph every such
constraint that compares the values of one property with a number or, on a shape whose
``sh:datatype`` is xsd:integer or xsd:decimal, with the values of another property, and
keeps them as :class:`Comparison` records. :meth:`Comparisons.hold` tells whether every value
of those properties in a text, on every subject, is a well-formed xsd:integer or xsd:decimal
literal that meets each comparison; when it does, no node can break one of them, wherever a
shape checks it (targeted or used as a condition), so the shapes without them give the verdict
the shapes with them give. When it does not (a negative index, a value of another type, a text
it cannot read line by line), the caller asks the engine with the whole shapes, as before.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rdflib import SH, XSD, Graph, Literal, URIRef
from rdflib.term import Node

_BOUNDS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">",
           SH.maxExclusive: "<"}
"""A bound on each value: the value ``op`` the bound."""
_PAIRS = {SH.lessThan: "<", SH.lessThanOrEquals: "<="}
"""Between the path's values and another property's: each value ``op`` each other value."""
_NUMERIC = frozenset({XSD.integer, XSD.decimal})

_INTEGER, _DECIMAL = str(XSD.integer), str(XSD.decimal)
_ESCAPE = re.compile(r"\\[uU]")
_ESCAPED_IRI = re.compile(r"<[^<>\"\s]*\\[uU]")
"""An IRI written with an escape: it could name a compared property in another spelling."""

_COMPARE = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt}


@dataclass(frozen=True)
class Comparison:
    """One comparison constraint: every value of ``path`` ``op`` ``bound`` (a number), or ``op``
    every value of ``other`` on the same node."""

    path: str
    op: str
    bound: Decimal | None = None
    other: str | None = None


class Comparisons:
    """The comparisons taken out of a shapes graph, and the check of a text against them."""

    def __init__(self, comparisons: Iterable[Comparison]) -> None:
        self.comparisons = tuple(comparisons)
        properties = {c.path for c in self.comparisons} | {
            c.other for c in self.comparisons if c.other is not None}
        self.properties = tuple(sorted(properties))
        self._marks = tuple(f"<{prop}>" for prop in self.properties)
        alternatives = "|".join(re.escape(prop) for prop in self.properties)
        numeral = r"-?[0-9]{1,18}(?:\.[0-9]{1,18})?"
        # One triple a line, as kg writes it: the subject an IRI, single spaces, the value a
        # numeral typed xsd:integer or xsd:decimal, in the plainest form and within 64 bits
        # (what every engine reads alike). A line written otherwise is not matched, and the
        # count of the properties' names in the text then tells that it was missed.
        self._lines = re.compile(
            rf'\n(<[^<>"\s]*>) <({alternatives})> "({numeral})"\^\^'
            rf"<({re.escape(_INTEGER)}|{re.escape(_DECIMAL)})> \.(?=\n)")

    def hold(self, ntriples: str) -> bool:
        """Whether every comparison holds on every subject of ``ntriples``, read with certainty:
        False also when a compared property has a value that is not a well-formed xsd:integer
        or xsd:decimal literal, or when the text could spell a compared property otherwise
        (an escaped IRI) or name one anywhere but as the predicate of a line."""
        if not self.comparisons:
            return True
        if _ESCAPE.search(ntriples) and _ESCAPED_IRI.search(ntriples):
            return False
        values: dict[str, list[tuple[str, Any]]] = {prop: [] for prop in self.properties}
        found = 0
        for subject, prop, lexical, datatype in self._lines.findall("\n" + ntriples + "\n"):
            if datatype == _INTEGER:
                if "." in lexical:
                    return False  # not an xsd:integer: the engine's comparison would fail
                values[prop].append((subject, int(lexical)))
            else:
                values[prop].append((subject, Decimal(lexical)))
            found += 1
        if found != sum(ntriples.count(mark) for mark in self._marks):
            return False  # a compared property written where the line pattern did not read it
        for comparison in self.comparisons:
            compare = _COMPARE[comparison.op]
            path_values = values[comparison.path]
            if comparison.bound is not None:
                bound = comparison.bound
                if not all(compare(value, bound) for _, value in path_values):
                    return False
                continue
            others: dict[str, list[Any]] = {}
            for subject, value in values[comparison.other or ""]:
                others.setdefault(subject, []).append(value)
            for subject, value in path_values:
                if not all(compare(value, other) for other in others.get(subject, ())):
                    return False
        return True


def split_comparisons(shapes: Graph) -> tuple[Graph, Comparisons]:
    """A copy of ``shapes`` without the comparisons :class:`Comparisons` can check on text, and
    those comparisons. Only a comparison on a shape whose ``sh:path`` is one property is taken
    out: against a numeric bound (xsd:integer or xsd:decimal), or against another property when
    the shape requires ``sh:datatype`` xsd:integer or xsd:decimal (a date's comparison stays
    with the engine). A shape that is deactivated keeps its constraints."""
    kept = Graph()
    for prefix, namespace in shapes.namespaces():
        kept.bind(prefix, namespace)
    taken: list[Comparison] = []
    removed: list[tuple[Node, URIRef, Node]] = []
    for shape, path in shapes.subject_objects(SH.path):
        if not isinstance(path, URIRef) or (shape, SH.deactivated, None) in shapes:
            continue
        numeric = any(datatype in _NUMERIC for datatype in shapes.objects(shape, SH.datatype))
        for constraint, op in _BOUNDS.items():
            for bound in shapes.objects(shape, constraint):
                if isinstance(bound, Literal) and bound.datatype in _NUMERIC \
                        and isinstance(bound.value, (int, Decimal)) \
                        and not isinstance(bound.value, bool):
                    taken.append(Comparison(str(path), op, bound=Decimal(bound.value)))
                    removed.append((shape, constraint, bound))
        for constraint, op in _PAIRS.items():
            for other in shapes.objects(shape, constraint):
                if numeric and isinstance(other, URIRef):
                    taken.append(Comparison(str(path), op, other=str(other)))
                    removed.append((shape, constraint, other))
    dropped = set(removed)
    for triple in shapes:
        if triple not in dropped:
            kept.add(triple)
    return kept, Comparisons(taken)
