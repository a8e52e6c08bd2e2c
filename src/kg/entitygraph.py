"""The shared entity graph: what the articles say about each entity, each triple stored once.

A store holds one named graph per article and one shared graph, :data:`kg.rdf.ENTITY_GRAPH`:

- an **article graph** holds what only that article says: the article, its sentences, mentions,
  events and figures, the ``kgo:Assertion`` behind each relation it reads, and one
  ``kgo:EntityReading`` per entity it names (the class, label, other names, Wikidata item,
  description and occupation the article gives that entity);
- the **entity graph** holds each entity's description once: the class, label, Wikidata item
  and description most articles read (a vote, see :func:`describe`), every other name and
  occupation any article gives, and every relation or attribute an assertion supports.

The vote only chooses among readings of one kind of entity: a name that is a person in one
article and a place or organisation in another gives each kind its own IRI
(:func:`kg.resolve.entity_key`), and a class that would break a relation some article states
loses to one that keeps it, so the articles' events and relations keep their shapes in the
store as a whole.

Articles can also state relations that the shapes forbid together (``sh:disjoint``: "A is B's
father" here, "B is A's father" there): the statement more articles support stays in the entity
graph (on a tie, the one of the article whose id sorts first), and each article's assertion of
the other becomes a ``kgo:OutvotedAssertion``, a quarantined statement kept in its article
graph with its sentence and the reason (see :meth:`Supports.settle`). Each write re-decides the
votes of the entities it touches, so removing or adding an article can bring it back.

So a triple about an entity is stored once however many articles repeat it, and
``COUNT``/``SUM`` over the store's union graph count each fact once. The description of an
entity is a function of the readings and assertions that support it: whenever articles are
written or removed, :func:`describe` recomputes it for the entities they touch, from what is
still stored plus what is being written, and a triple goes when no article supports it any more.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import pyoxigraph
from rdflib import OWL, RDF, RDFS, SH, SKOS, URIRef

from kg.rdf import (
    ENTITY_GRAPH,
    ID,
    KGO,
    PROV,
    SCHEMA,
    SCHEMA_TYPES,
    article_iri,
    graph_iri,
    reading_iri,
)

_N = pyoxigraph.NamedNode
_TYPE = _N(str(RDF.type))
_DERIVED_FROM = _N(str(PROV.wasDerivedFrom))
_KGO = str(KGO)
_ID = str(ID)

READINGS: Mapping[_N, _N] = {
    _TYPE: _N(str(KGO.readAs)),
    _N(str(RDFS.label)): _N(str(KGO.readLabel)),
    _N(str(SKOS.altLabel)): _N(str(KGO.readAlias)),
    _N(str(OWL.sameAs)): _N(str(KGO.readSameAs)),
    _N(str(SCHEMA.description)): _N(str(KGO.readDescription)),
    _N(str(KGO.occupation)): _N(str(KGO.readOccupation)),
}
"""Each entity property an article's reading records, and the reading's property for it."""
_READ_BACK = {reading: prop for prop, reading in READINGS.items()}
_VOTED = frozenset({_TYPE, _N(str(RDFS.label)), _N(str(OWL.sameAs)), _N(str(SCHEMA.description))})
"""Properties with one value per entity: the value most articles read wins."""
_LABEL = _N(str(RDFS.label))
_ALIAS = _N(str(SKOS.altLabel))
_GENERIC_CLASSES = frozenset({"Organization", "Place"})
_CHUNK = 500  # entities per support query
_ASSERTION = _N(str(KGO.Assertion))
_OUTVOTED = _N(str(KGO.OutvotedAssertion))
_QUARANTINED = _N(str(KGO.QuarantinedStatement))
_REASON = _N(str(KGO.reason))
_VIOLATED_SHAPE = _N(str(KGO.violatedShape))
_SUBJECT, _PREDICATE, _OBJECT = (_N(str(term)) for term in (RDF.subject, RDF.predicate, RDF.object))
_SUPPORTING = (f"{{ ?a a <{KGO.Assertion}> }} UNION {{ ?a a <{KGO.OutvotedAssertion}> }}")
"""The pattern of an assertion that supports its statement, outvoted or not: an outvoted one
still counts, so that the vote can turn when more articles side with it."""


@dataclass(frozen=True)
class ArticlePart:
    """One article, laid out for the store: its graph and what it says about shared entities."""

    id: str
    graph: str
    """The IRI of the article's named graph."""
    ntriples: str
    """The article graph as N-Triples: everything the article alone says, its readings included."""
    shared: frozenset[pyoxigraph.Triple]
    """The entity triples the article supports (classes are its kgo class only)."""

    @property
    def entities(self) -> set[str]:
        """The IRIs of the entities the article says something about, or relates another to."""
        return {_name(triple.subject) for triple in self.shared} | {
            _name(triple.object) for triple in self.shared if _is_entity(triple.object)}


def split(ntriples: str, article_id: str, *, as_written: bool = False) -> ArticlePart:
    """Lay out one article's (validated) triples, given as N-Triples: entity triples become the
    article's readings (or stay backed by its assertions) and leave the article graph for the
    entity graph.

    ``as_written``: the text is :func:`kg.rdf.article_ntriples`' own, one triple a line, each
    line its subject, one space, its predicate, one space, the rest (no blank line, comment or
    escaped IRI). Then only the lines about an entity are parsed, and the article graph keeps
    the other lines as they are written (the same triples as pyoxigraph's serialisation of them,
    so the store is the same quad for quad); parsing every line was half of the layout's time."""
    own: list[pyoxigraph.Triple] = []
    shared: set[pyoxigraph.Triple] = set()
    own_text = ""
    if as_written:
        own_text, about_entities = _lines_about_entities(ntriples)
        triples = (quad.triple for quad in pyoxigraph.parse(
            about_entities, pyoxigraph.RdfFormat.N_TRIPLES))
    else:
        triples = (quad.triple for quad in pyoxigraph.parse(
            ntriples, pyoxigraph.RdfFormat.N_TRIPLES))
    for triple in triples:
        if _is_entity(triple.subject) and triple.predicate != _DERIVED_FROM:
            if triple.predicate == _TYPE and not triple.object.value.startswith(_KGO):
                continue  # schema.org classes follow from the kgo class (rdf.SCHEMA_TYPES)
            shared.add(triple)
        else:
            own.append(triple)
    article = _N(str(article_iri(article_id)))
    by_entity: dict[pyoxigraph.NamedNode, list[pyoxigraph.Triple]] = defaultdict(list)
    for triple in shared:
        if triple.predicate in READINGS:
            by_entity[triple.subject].append(triple)  # type: ignore[index]
    for number, entity in enumerate(sorted(by_entity, key=lambda node: node.value), start=1):
        reading = _N(str(reading_iri(article_id, number)))
        own += [
            pyoxigraph.Triple(reading, _TYPE, _N(str(KGO.EntityReading))),
            pyoxigraph.Triple(reading, _N(str(KGO.reads)), entity),
            pyoxigraph.Triple(reading, _N(str(KGO.inArticle)), article),
        ]
        own += [pyoxigraph.Triple(reading, READINGS[t.predicate], t.object) for t in by_entity[entity]]
    text = pyoxigraph.serialize(own, format=pyoxigraph.RdfFormat.N_TRIPLES) or b""
    return ArticlePart(article_id, str(graph_iri(article_id)), own_text + text.decode("utf-8"),
                       frozenset(shared))


_ENTITY_SUBJECT = f"<{_ID}"
_DERIVED_FROM_TEXT = f"{_DERIVED_FROM} "


def _lines_about_entities(ntriples: str) -> tuple[str, str]:
    """The lines of kg's own N-Triples that stay in the article graph as they are, and the
    lines whose subject is an entity (but for its ``prov:wasDerivedFrom``), which
    :func:`split` reads. Each line is a triple's subject, a space, its predicate, a space and
    the rest: the subject is an entity's IRI exactly when the line begins with the entities'
    namespace (kg writes no escape in an IRI)."""
    own: list[str] = []
    about: list[str] = []
    for line in ntriples.split("\n"):
        if not line:
            continue
        if line.startswith(_ENTITY_SUBJECT) and not line.startswith(
                _DERIVED_FROM_TEXT, line.index(" ") + 1):
            about.append(line)
        else:
            own.append(line)
    return ("\n".join(own) + "\n" if own else ""), "\n".join(about)


class Supports:
    """The support counts of the entity triples a build touches, kept from batch to batch.

    A count is the number of stored article graphs that support an entity triple (through a
    reading, or an assertion of a relation or attribute), or that relate another entity to one
    (entity IRI, property). The first batch that touches an entity reads its counts from the
    store; later batches only add what they write and subtract the stored graphs they replace,
    so a build costs what it writes, not what the store already holds (an entity named in a
    quarter of 30,000 articles is read once per build, not once per batch).
    """

    def __init__(self, store: Any) -> None:
        self.store = store
        self._triples: dict[str, Counter[pyoxigraph.Triple]] = {}
        self._pointing: dict[str, Counter[pyoxigraph.NamedNode]] = {}
        self.outvoted: dict[pyoxigraph.Triple, tuple[str, str]] = {}
        """The statements the last :meth:`describe` outvoted: triple → (reason, shape IRI)."""
        self._touched: set[str] = set()
        self._nodes: dict[pyoxigraph.Triple, list[tuple[str, str, bool]]] = {}
        # Whether the store may hold outvoted assertions: only then does a write look for ones
        # to bring back (most stores never hold any).
        self._any_outvoted = bool(store.query(
            f"ASK {{ GRAPH ?g {{ ?a a <{KGO.OutvotedAssertion}> }} }}"))

    def describe(self, parts: Sequence[ArticlePart], *, removed: Iterable[str] = ()) -> dict[str, str]:
        """The new description (N-Triples, empty when nothing supports it any more) of every
        entity that ``parts`` (being written) or the stored graphs ``removed`` (being dropped)
        touch; see :func:`describe`. The counts then stand for the store after that write."""
        replaced = list(dict.fromkeys([part.graph for part in parts] + list(removed)))
        old_triples, old_pointing = _count(self.store, "g", replaced)
        entities = {_name(triple.subject) for triple in old_triples}
        entities |= {entity for entity, _ in old_pointing}
        for part in parts:
            entities |= part.entities
        self._load(entities - self._triples.keys())
        for triple, count in old_triples.items():
            self._triples[_name(triple.subject)][triple] -= count
        for (entity, prop), count in old_pointing.items():
            self._pointing[entity][prop] -= count
        for part in parts:
            for triple in part.shared:
                self._triples[_name(triple.subject)][triple] += 1
                if _is_entity(triple.object):
                    self._pointing[_name(triple.object)][triple.predicate] += 1
        conflicts = []
        for entity in entities:
            self._triples[entity] = +self._triples[entity]  # unary + drops the zero counts
            self._pointing[entity] = +self._pointing[entity]
            conflicts += _conflicts(self._triples[entity])
        self._touched = entities
        self.outvoted = self._vote(conflicts, parts, set(replaced)) if conflicts else {}
        descriptions = {}
        for entity in entities:
            properties: dict[pyoxigraph.NamedNode, Counter[Any]] = {}
            for triple, count in self._triples[entity].items():
                if triple not in self.outvoted:
                    properties.setdefault(triple.predicate, Counter())[triple.object] += count
            descriptions[entity] = _description(entity, properties, self._pointing[entity])
        return descriptions

    def settle(self, parts: Sequence[ArticlePart], *, removed: Iterable[str] = ()) -> Settled:
        """Everything a write of ``parts`` (and removal of the stored graphs ``removed``) does
        to the shared layer: the touched entities' descriptions (:meth:`describe`), and the
        assertions whose vote changed.

        An assertion of a statement that lost a vote to one the shapes forbid beside it
        (``sh:disjoint``) becomes a ``kgo:OutvotedAssertion``, also typed
        ``kgo:QuarantinedStatement`` with a ``kgo:reason`` and ``kgo:violatedShape``, and keeps
        its sentence, rule and article: in the parts' text, and in the stored article graphs
        that state it. A stored outvoted assertion whose statement no longer loses becomes an
        assertion again."""
        removed = list(removed)
        entities = self.describe(parts, removed=removed)
        replaced = {part.graph for part in parts} | set(removed)
        marked = [_with_outvoted(part, self.outvoted) for part in parts]
        changes: dict[tuple[str, str], tuple[str, str] | None] = {}  # (graph, node) → outvote
        for triple, verdict in self.outvoted.items():
            for graph, node, already in self._nodes.get(triple, ()):
                if graph not in replaced and not already:
                    changes[(graph, node)] = verdict
        if self._any_outvoted:
            for graph, node, triple in _outvoted_records(self.store):
                if (graph not in replaced and _name(triple.subject) in self._touched
                        and triple not in self.outvoted):
                    changes[(graph, node)] = None
        described: dict[str, dict[str, str]] = {str(ENTITY_GRAPH): entities}
        for (graph, node), triples in _node_triples(self.store, list(changes)).items():
            change = changes[(graph, node)]
            new = _restored(triples) if change is None else _outvoted(triples, *change)
            described.setdefault(graph, {})[node] = _ntriples(new)
        outvoted = sum(count for _, count in marked)
        outvoted += sum(change is not None for change in changes.values())
        self._any_outvoted = self._any_outvoted or outvoted > 0
        return Settled(tuple(part for part, _ in marked), described, outvoted=outvoted,
                       restored=sum(change is None for change in changes.values()))

    def _vote(self, conflicts: list[tuple[pyoxigraph.Triple, pyoxigraph.Triple, str, str]],
              parts: Sequence[ArticlePart], replaced: set[str]
              ) -> dict[pyoxigraph.Triple, tuple[str, str]]:
        """Decide each conflict: the statement more article graphs support stays; on a tie, the
        one stated by the article graph whose IRI sorts first, so that the decision does not
        depend on the order articles were built in. The losers, each with (reason, shape)."""
        self._nodes = _assertion_nodes(self.store, {t for pair in conflicts for t in pair[:2]})
        supporters = {}
        for triple in {t for pair in conflicts for t in pair[:2]}:
            graphs = {graph for graph, _, _ in self._nodes.get(triple, ()) if graph not in replaced}
            supporters[triple] = graphs | {part.graph for part in parts if triple in part.shared}
        against: dict[pyoxigraph.Triple, list[tuple[pyoxigraph.Triple, str, str]]] = defaultdict(list)
        for first, second, shape, message in conflicts:
            against[first].append((second, shape, message))
            against[second].append((first, shape, message))
        order = sorted(supporters, key=lambda t: (-len(supporters[t]),
                                                  min(supporters[t], default="\uffff"), str(t)))
        kept: set[pyoxigraph.Triple] = set()
        losers = {}
        for triple in order:
            beaten = [(other, shape, message) for other, shape, message in against[triple]
                      if other in kept]
            if not beaten:
                kept.add(triple)
                continue
            other, shape, message = beaten[0]
            losers[triple] = (
                f"outvoted by '{_statement(other)}', which more articles state (on a tie, the "
                f"article whose id sorts first): {message}", shape)
        return losers

    def _load(self, entities: set[str]) -> None:
        for entity in entities:
            self._triples[entity] = Counter()
            self._pointing[entity] = Counter()
        triples, pointing = _count(self.store, "e", sorted(entities))
        for triple, count in triples.items():
            self._triples[_name(triple.subject)][triple] += count
        for (entity, prop), count in pointing.items():
            self._pointing[entity][prop] += count


def _count(
    store: Any, variable: str, names: Sequence[str]
) -> tuple[Counter[pyoxigraph.Triple], Counter[tuple[str, pyoxigraph.NamedNode]]]:
    """How many stored article graphs support each entity triple, and relate another entity to
    an entity (entity IRI, property): about the entities ``names`` (``variable`` "e"), or
    within the graphs ``names`` (``variable`` "g")."""
    counts: Counter[pyoxigraph.Triple] = Counter()
    incoming: Counter[tuple[str, pyoxigraph.NamedNode]] = Counter()
    for start in range(0, len(names), _CHUNK):
        values = f"VALUES ?{variable} {{ {' '.join(f'<{n}>' for n in names[start:start + _CHUNK])} }}"
        readings = store.query(f"""SELECT ?e ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {{
            {values} GRAPH ?g {{ ?r <{KGO.reads}> ?e ; ?p ?o }} }} GROUP BY ?e ?p ?o""")
        # (A VALUES list of the reading properties makes Oxigraph scan each property's triples.)
        for row in readings:
            if row["p"] not in _READ_BACK:
                continue
            triple = pyoxigraph.Triple(row["e"], _READ_BACK[row["p"]], row["o"])
            counts[triple] += int(row["n"].value)
        assertions = store.query(f"""SELECT ?e ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {{
            {values}
            GRAPH ?g {{ ?a <{RDF.subject}> ?e ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o .
                       {_SUPPORTING} }}
            }} GROUP BY ?e ?p ?o""")
        for row in assertions:
            if _is_entity(row["e"]):
                counts[pyoxigraph.Triple(row["e"], row["p"], row["o"])] += int(row["n"].value)
        pointing = store.query(f"""SELECT ?e ?p (COUNT(DISTINCT ?g) AS ?n) WHERE {{
            {values}
            GRAPH ?g {{ ?a <{RDF.object}> ?e ; <{RDF.predicate}> ?p . {_SUPPORTING} }}
            }} GROUP BY ?e ?p""")
        for row in pointing:
            if _is_entity(row["e"]):
                incoming[(row["e"].value, row["p"])] += int(row["n"].value)
    return counts, incoming


def describe(
    store: Any, parts: Sequence[ArticlePart], *, removed: Iterable[str] = ()
) -> dict[str, str]:
    """The new description (N-Triples, empty when nothing supports it any more) of every entity
    that ``parts`` (being written) or the stored graphs ``removed`` (being dropped) touch.

    Supports come from the store's other article graphs and from ``parts``. A voted property
    (class, label, Wikidata item, description) takes the value most articles read (a class
    that breaks fewer supported relations first, see :func:`_class_votes`); ties go to a
    specific class over ``Organization``/``Place``, then the longer name, then the smaller
    value, so the result does not depend on the order articles were built in. Labels that lose
    the vote stay as ``skos:altLabel``; every other property keeps each supported value. For
    several writes in a row, keep one :class:`Supports` instead.
    """
    return Supports(store).describe(parts, removed=removed)


@dataclass(frozen=True)
class Settled:
    """What one write does to the shared layer (:meth:`Supports.settle`)."""

    parts: tuple[ArticlePart, ...]
    """The articles to write, their outvoted assertions marked."""
    descriptions: dict[str, dict[str, str]]
    """Graph IRI → subject IRI → its new N-Triples: the touched entities in the entity graph,
    and the stored assertions outvoted or brought back, in their article graphs."""
    outvoted: int = 0
    """Assertions this write outvoted, in the articles written or stored ones."""
    restored: int = 0
    """Stored outvoted assertions this write brought back."""


@cache
def _disjoint_properties() -> dict[pyoxigraph.NamedNode, tuple[tuple[pyoxigraph.NamedNode, str, str], ...]]:
    """The properties the shapes forbid to share a value on one node (``sh:disjoint``), each way:
    property → (other property, the named shape, its message)."""
    from kg.validate import named_shape, shipped_shapes

    shapes = shipped_shapes()
    table: dict[pyoxigraph.NamedNode, list[tuple[pyoxigraph.NamedNode, str, str]]] = defaultdict(list)
    for shape, other in shapes.subject_objects(SH.disjoint):
        path = shapes.value(shape, SH.path)
        if not isinstance(path, URIRef) or not isinstance(other, URIRef):
            continue
        named = str(named_shape(shape, shapes))
        message = str(shapes.value(shape, SH.message) or f"{path} and {other} are disjoint")
        table[_N(str(path))].append((_N(str(other)), named, message))
        table[_N(str(other))].append((_N(str(path)), named, message))
    return {prop: tuple(others) for prop, others in table.items()}


def _conflicts(supported: Counter[pyoxigraph.Triple]
               ) -> list[tuple[pyoxigraph.Triple, pyoxigraph.Triple, str, str]]:
    """The pairs of an entity's supported triples that the shapes forbid together, each with the
    shape and its message."""
    table = _disjoint_properties()
    found = []
    for triple in supported:
        for other, shape, message in table.get(triple.predicate, ()):  # type: ignore[call-overload]
            rival = pyoxigraph.Triple(triple.subject, other, triple.object)
            if rival in supported and str(triple) < str(rival):
                found.append((triple, rival, shape, message))
    return found


def _assertion_nodes(store: Any, triples: set[pyoxigraph.Triple]
                     ) -> dict[pyoxigraph.Triple, list[tuple[str, str, bool]]]:
    """The stored assertions of each triple: (graph, node, whether it is outvoted)."""
    found: dict[pyoxigraph.Triple, list[tuple[str, str, bool]]] = defaultdict(list)
    ordered = sorted(triples, key=str)
    for start in range(0, len(ordered), _CHUNK):
        rows = " ".join(f"({t.subject} {t.predicate} {t.object})"
                        for t in ordered[start:start + _CHUNK])
        for row in store.query(f"""SELECT ?s ?p ?o ?g ?a ?kind WHERE {{
                VALUES (?s ?p ?o) {{ {rows} }}
                GRAPH ?g {{ ?a <{RDF.subject}> ?s ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o ;
                               a ?kind }}
                FILTER(?kind = <{KGO.Assertion}> || ?kind = <{KGO.OutvotedAssertion}>) }}"""):
            triple = pyoxigraph.Triple(row["s"], row["p"], row["o"])
            found[triple].append((_name(row["g"]), _name(row["a"]), row["kind"] == _OUTVOTED))
    return found


def _outvoted_records(store: Any) -> list[tuple[str, str, pyoxigraph.Triple]]:
    """Every stored outvoted assertion: (graph, node, the statement it asserts)."""
    rows = store.query(f"""SELECT ?g ?a ?s ?p ?o WHERE {{ GRAPH ?g {{
        ?a a <{KGO.OutvotedAssertion}> ; <{RDF.subject}> ?s ; <{RDF.predicate}> ?p ;
           <{RDF.object}> ?o }} }}""")
    return [(_name(row["g"]), _name(row["a"]), pyoxigraph.Triple(row["s"], row["p"], row["o"]))
            for row in rows]


def _node_triples(store: Any, nodes: list[tuple[str, str]]
                  ) -> dict[tuple[str, str], list[pyoxigraph.Triple]]:
    """Each stored node's triples in its graph, by (graph, node)."""
    found: dict[tuple[str, str], list[pyoxigraph.Triple]] = defaultdict(list)
    for start in range(0, len(nodes), _CHUNK):
        values = " ".join(f"(<{graph}> <{node}>)" for graph, node in nodes[start:start + _CHUNK])
        for row in store.query(f"""SELECT ?g ?a ?p ?o WHERE {{
                VALUES (?g ?a) {{ {values} }} GRAPH ?g {{ ?a ?p ?o }} }}"""):
            found[(_name(row["g"]), _name(row["a"]))].append(
                pyoxigraph.Triple(row["a"], row["p"], row["o"]))
    return found


def _outvoted(triples: list[pyoxigraph.Triple], reason: str, shape: str) -> list[pyoxigraph.Triple]:
    """An assertion's triples made those of an outvoted assertion."""
    node = triples[0].subject
    return [*_what_was_said(triples), pyoxigraph.Triple(node, _TYPE, _QUARANTINED),
            pyoxigraph.Triple(node, _TYPE, _OUTVOTED),
            pyoxigraph.Triple(node, _REASON, pyoxigraph.Literal(reason)),
            pyoxigraph.Triple(node, _VIOLATED_SHAPE, _N(shape))]


def _restored(triples: list[pyoxigraph.Triple]) -> list[pyoxigraph.Triple]:
    """An outvoted assertion's triples made those of an assertion again."""
    return [*_what_was_said(triples), pyoxigraph.Triple(triples[0].subject, _TYPE, _ASSERTION)]


def _what_was_said(triples: list[pyoxigraph.Triple]) -> list[pyoxigraph.Triple]:
    """An assertion's triples but its standing: the statement, sentence, rule, confidence."""
    return [t for t in triples if t.predicate not in (_TYPE, _REASON, _VIOLATED_SHAPE)
            or (t.predicate == _TYPE and t.object not in (_ASSERTION, _OUTVOTED, _QUARANTINED))]


def _with_outvoted(part: ArticlePart, outvoted: Mapping[pyoxigraph.Triple, tuple[str, str]]
                   ) -> tuple[ArticlePart, int]:
    """The part, its assertions of the ``outvoted`` statements made outvoted assertions (the
    part itself when it asserts none of them), and how many it had."""
    if outvoted.keys().isdisjoint(part.shared):
        return part, 0
    by_node: dict[Any, list[pyoxigraph.Triple]] = defaultdict(list)
    for quad in pyoxigraph.parse(part.ntriples, pyoxigraph.RdfFormat.N_TRIPLES):
        by_node[quad.subject].append(quad.triple)
    own: list[pyoxigraph.Triple] = []
    count = 0
    for triples in by_node.values():
        values = {t.predicate: t.object for t in triples}
        statement = (pyoxigraph.Triple(values[_SUBJECT], values[_PREDICATE], values[_OBJECT])  # type: ignore[arg-type]
                     if {_SUBJECT, _PREDICATE, _OBJECT} <= values.keys() else None)
        is_assertion = any(t.predicate == _TYPE and t.object == _ASSERTION for t in triples)
        if is_assertion and statement is not None and statement in outvoted:
            own += _outvoted(triples, *outvoted[statement])
            count += 1
        else:
            own += triples
    return replace(part, ntriples=_ntriples(own)), count


def _ntriples(triples: Iterable[pyoxigraph.Triple]) -> str:
    return "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in triples)


def _statement(triple: pyoxigraph.Triple) -> str:
    """A triple in words for a reason: local names, "martin-okafor child daniel-okafor"."""
    return " ".join(_name(term).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
                    for term in (triple.subject, triple.predicate, triple.object))


def _description(entity: str, properties: Mapping[pyoxigraph.NamedNode, Counter[Any]],
                 pointing: Counter[Any]) -> str:
    subject = _N(entity)
    triples: list[pyoxigraph.Triple] = []
    winners: dict[pyoxigraph.NamedNode, Any] = {}
    for prop, values in properties.items():
        if prop in _VOTED:
            if prop == _TYPE:
                values, broken = _class_votes(values, properties, pointing)
                winners[prop] = max(values, key=lambda value: (
                    -broken[value], *_rank(prop, value, values[value])))
            else:
                winners[prop] = max(values, key=lambda value: _rank(prop, value, values[value]))
        elif prop != _ALIAS:
            triples += [pyoxigraph.Triple(subject, prop, value) for value in values]
    triples += [pyoxigraph.Triple(subject, prop, value) for prop, value in winners.items()]
    if _TYPE in winners:
        schema = SCHEMA_TYPES.get(winners[_TYPE].value.removeprefix(_KGO))
        if schema:
            triples.append(pyoxigraph.Triple(subject, _TYPE, _N(str(SCHEMA[schema]))))
    # Names that lost the label vote stay as other names.
    aliases = set(properties.get(_ALIAS, ())) | set(properties.get(_LABEL, ()))
    label = winners.get(_LABEL)
    triples += [pyoxigraph.Triple(subject, _ALIAS, alias) for alias in aliases
                if label is None or alias.value != label.value]
    triples.sort(key=str)
    return "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in triples)


def _class_votes(
    readings: Counter[Any], properties: Mapping[pyoxigraph.NamedNode, Counter[Any]],
    pointing: Counter[Any],
) -> tuple[Counter[Any], Counter[Any]]:
    """The votes for each class an article read, and the support of the relations each would
    break.

    A class's votes are the articles that read it, plus the support of every relation or
    attribute the entity has whose domain the class falls under, and of every relation
    pointing at it whose range the class falls under (an article that says "President X" or
    "Y, the daughter of X" votes for X being a person). A class that falls outside such a
    domain or range breaks those relations' shapes, and loses to any class that breaks fewer
    (a name most articles read as a city is a country when one says someone is a citizen of
    it), so that every article's relations still conform in the entity graph.
    """
    domains, ranges, ancestors = _ontology_tables()
    votes = Counter(readings)
    broken: Counter[Any] = Counter()
    constraints = [(domains.get(prop.value), sum(values.values()))
                   for prop, values in properties.items() if prop not in _VOTED]
    constraints += [(ranges.get(prop.value), count) for prop, count in pointing.items()]
    for required, count in constraints:
        if required is None:
            continue
        for candidate in readings:
            if required in ancestors.get(candidate.value, ()):
                votes[candidate] += count
            else:
                broken[candidate] += count
    return votes, broken


@cache
def _ontology_tables() -> tuple[dict[str, str], dict[str, str], dict[str, frozenset[str]]]:
    """The ontology's property domains and ranges (property IRI → kgo class IRI) and each
    class's ancestors (itself included), read from ``ontology/kg.ttl``."""
    from kg.rdf import ontology_graph

    graph = ontology_graph()

    def table(prop: Any) -> dict[str, str]:
        return {str(p): str(c) for p, c in graph.subject_objects(prop) if str(c).startswith(_KGO)}

    ancestors = {}
    for cls in graph.subjects(RDF.type, OWL.Class):
        ancestors[str(cls)] = frozenset(str(c) for c in graph.transitive_objects(cls, RDFS.subClassOf))
    return table(RDFS.domain), table(RDFS.range), ancestors


def _rank(prop: pyoxigraph.NamedNode, value: Any, count: int) -> tuple[int, int, int, str]:
    """Sort key of a voted value: more articles, then a specific class, a longer name, and
    the smaller value last, so max() is the same whatever order the supports came in."""
    text = value.value
    specific = 0 if prop == _TYPE and text.removeprefix(_KGO) in _GENERIC_CLASSES else 1
    return (count, specific, len(text), _reverse(text))


def _reverse(text: str) -> str:
    # max() of the rank must pick the *smallest* text on a full tie: compare complemented code points.
    return "".join(chr(0x10FFFF - ord(char)) for char in text)


def _name(term: Any) -> str:
    """The IRI (or blank node id) of a term of a triple, as a string."""
    return str(term.value)


def _is_entity(term: Any) -> bool:
    return isinstance(term, _N) and term.value.startswith(_ID)


__all__ = ["READINGS", "ArticlePart", "Settled", "Supports", "describe", "split"]
