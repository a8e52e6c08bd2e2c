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

So a triple about an entity is stored once however many articles repeat it, and
``COUNT``/``SUM`` over the store's union graph count each fact once. The description of an
entity is a function of the readings and assertions that support it: whenever articles are
written or removed, :func:`describe` recomputes it for the entities they touch, from what is
still stored plus what is being written, and a triple goes when no article supports it any more.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import pyoxigraph
from rdflib import OWL, RDF, RDFS, SKOS

from kg.rdf import ID, KGO, PROV, SCHEMA, SCHEMA_TYPES, article_iri, graph_iri, reading_iri

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


def split(ntriples: str, article_id: str) -> ArticlePart:
    """Lay out one article's (validated) triples, given as N-Triples: entity triples become the
    article's readings (or stay backed by its assertions) and leave the article graph for the
    entity graph."""
    own: list[pyoxigraph.Triple] = []
    shared: set[pyoxigraph.Triple] = set()
    for quad in pyoxigraph.parse(ntriples, pyoxigraph.RdfFormat.N_TRIPLES):
        triple = quad.triple
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
    return ArticlePart(article_id, str(graph_iri(article_id)), text.decode("utf-8"),
                       frozenset(shared))


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
        descriptions = {}
        for entity in entities:
            supported = +self._triples[entity]  # unary + drops the counts that fell to zero
            self._triples[entity] = supported
            self._pointing[entity] = +self._pointing[entity]
            properties: dict[pyoxigraph.NamedNode, Counter[Any]] = {}
            for triple, count in supported.items():
                properties.setdefault(triple.predicate, Counter())[triple.object] += count
            descriptions[entity] = _description(entity, properties, self._pointing[entity])
        return descriptions

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
            GRAPH ?g {{ ?a <{RDF.subject}> ?e ; a <{KGO.Assertion}> ;
                           <{RDF.predicate}> ?p ; <{RDF.object}> ?o }}
            }} GROUP BY ?e ?p ?o""")
        for row in assertions:
            if _is_entity(row["e"]):
                counts[pyoxigraph.Triple(row["e"], row["p"], row["o"])] += int(row["n"].value)
        pointing = store.query(f"""SELECT ?e ?p (COUNT(DISTINCT ?g) AS ?n) WHERE {{
            {values}
            GRAPH ?g {{ ?a <{RDF.object}> ?e ; a <{KGO.Assertion}> ; <{RDF.predicate}> ?p }}
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


__all__ = ["READINGS", "ArticlePart", "Supports", "describe", "split"]
