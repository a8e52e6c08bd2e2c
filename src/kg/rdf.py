"""Resolved facts → RDF triples with the ontology's terms and provenance; the only place that mints IRIs."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

from kg import vocab
from kg.model import Evidence, Facts, TimeValue
from kg.vocab import BASE, PREFIXES

KGO = Namespace(vocab.ONTOLOGY)
ID = Namespace(vocab.ENTITIES)
SCHEMA = Namespace(vocab.SCHEMA)
PROV = Namespace(vocab.PROV)
WD = Namespace(vocab.WIKIDATA)
ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")
LAST_BUILD_GRAPH = URIRef(BASE + "graph/last-build")
ENTITY_GRAPH = URIRef(BASE + "entities")
"""The shared graph: each entity's classes, names and relations, once (see kg.entitygraph)."""

# Each kg class → the schema.org class written next to it, so a consumer without a reasoner
# still sees public types (the ontology says the same with rdfs:subClassOf, and is read for it).
SCHEMA_TYPES = {cls: schema for cls in vocab.entity_classes()
                if (schema := vocab.schema_class(cls)) is not None}
_ROLE_PROPERTIES = {
    "agent": KGO.agent, "participant": KGO.participant, "origin": KGO.origin,
    "destination": KGO.destination, "location": KGO.location, "publisher": KGO.publisher,
    "source": KGO.reportedBy,
}


def article_iri(article_id: str) -> URIRef:
    """The IRI of an article."""
    return URIRef(f"{BASE}article/{quote(article_id, safe='')}")


def graph_iri(article_id: str) -> URIRef:
    """The named graph an article's facts live in."""
    return URIRef(f"{BASE}graph/{quote(article_id, safe='')}")


def quarantine_iri(article_id: str) -> URIRef:
    """The named graph holding an article's quarantined statements."""
    return URIRef(f"{BASE}quarantine/{quote(article_id, safe='')}")


def reading_iri(article_id: str, number: int) -> URIRef:
    """The IRI of an article's reading of one entity (what the article says the entity is)."""
    return URIRef(f"{article_iri(article_id)}#reading-{number}")


def entity_iri(key: str) -> URIRef:
    """The stable IRI of an entity: the same key from two articles is one node."""
    return URIRef(ID + quote(key, safe="/-"))


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_INTEGER = f"^^<{XSD.integer}>"
_TRUE = f'"true"^^<{XSD.boolean}>'
_XSD_DECIMAL = str(XSD.decimal)


def _text(value: str) -> str:
    """A plain string literal in N-Triples."""
    return '"' + value.translate(_ESCAPES) + '"'


def _integer(value: int) -> str:
    return f'"{value}"{_INTEGER}'


def _typed(value: object, datatype: str) -> str:
    """A typed literal in N-Triples, with the lexical form rdflib gives ``Literal(value,
    datatype=datatype)`` (it writes a Decimal without exponent and normalises a date or a
    duration given as text), so the store holds the literals it held when articles were built
    as rdflib graphs."""
    return _typed_form(value, type(value).__name__, str(value), datatype)


@lru_cache(maxsize=8192)
def _typed_form(value: object, kind: str, text: str, datatype: str) -> str:
    # ``kind`` and ``text`` are part of the key: Decimal("0.90") == Decimal("0.9") and 1 == True.
    lexical = str(Literal(value, datatype=URIRef(datatype)))
    return f'"{lexical.translate(_ESCAPES)}"^^<{datatype}>'


def _decimal(value: Decimal) -> str:
    if value == value.to_integral_value() and "." not in str(value):
        return _integer(int(value))
    return _typed(value, _XSD_DECIMAL)


class _Lines:
    """N-Triples lines of one article, each once, in the order they were added."""

    def __init__(self) -> None:
        self.lines: dict[str, None] = {}

    def add(self, subject: str, predicate: str, value: str) -> None:
        self.lines[f"{subject} {predicate} {value} ."] = None

    def text(self) -> str:
        return "\n".join(self.lines) + "\n" if self.lines else ""


def _iri(value: str) -> str:
    return f"<{value}>"


_T = {name: _iri(str(iri)) for name, iri in {
    "type": RDF.type, "label": RDFS.label, "altLabel": SKOS.altLabel, "sameAs": OWL.sameAs,
    "subject": RDF.subject, "predicate": RDF.predicate, "object": RDF.object,
    "description": SCHEMA.description, "identifier": SCHEMA.identifier,
    "headline": SCHEMA.headline, "datePublished": SCHEMA.datePublished, "url": SCHEMA.url,
    "inLanguage": SCHEMA.inLanguage, "NewsArticle": SCHEMA.NewsArticle, "Event": SCHEMA.Event,
    "Observation": SCHEMA.Observation, "schemaValue": SCHEMA.value,
    "wasDerivedFrom": PROV.wasDerivedFrom,
}.items()}


def _kgo(name: str) -> str:
    return f"<{KGO}{name}>"


def _time(lines: _Lines, node: str, time: TimeValue | None) -> None:
    if time is None:
        return
    lines.add(node, _kgo("timeText"), _text(time.text))
    lines.add(node, _kgo("timeResolved"), _typed(time.resolved, str(XSD.boolean)))
    if time.value and time.datatype:
        lines.add(node, _kgo("date"), _typed(time.value, str(XSD[time.datatype])))
    if time.start:
        lines.add(node, _kgo("startDate"), _typed(time.start, str(XSD.date)))
    if time.end:
        lines.add(node, _kgo("endDate"), _typed(time.end, str(XSD.date)))


def article_ntriples(facts: Facts, *, content_hash: str | None = None) -> str:
    """The N-Triples of one resolved article (each triple once): entities, relations, events,
    figures, provenance; ``content_hash`` records what it was built from (see
    :func:`kg.buildhash.content_hash`). Written as text, without an rdflib graph: a build
    validates and stores this text as it is (:func:`to_graph` reads it into rdflib)."""
    article = facts.article
    lines = _Lines()
    add, T = lines.add, _T
    art_iri = str(article_iri(article.id))
    art = _iri(art_iri)
    add(art, T["type"], _kgo("Article"))
    add(art, T["type"], T["NewsArticle"])
    add(art, T["identifier"], _text(article.id))
    add(art, T["label"], _text(article.title or article.id))
    if article.title:
        add(art, T["headline"], _text(article.title))
    if article.published:
        add(art, T["datePublished"], _typed(article.published.isoformat(), str(XSD.date)))
    if article.url:
        add(art, T["url"], _typed(article.url, str(XSD.anyURI)))
    if article.source:
        add(art, _kgo("sourceName"), _text(article.source))
    add(art, T["inLanguage"], _text(article.language))
    add(art, _kgo("articleText"), _text(article.text))
    if content_hash:
        add(art, _kgo("contentHash"), _text(content_hash))

    def span(node: str, text: str, start: int, end: int) -> None:
        """The text a node was read from, and where it lies in the article."""
        add(node, _kgo("anchorOf"), _text(text))
        add(node, _kgo("beginIndex"), _integer(start))
        add(node, _kgo("endIndex"), _integer(end))

    sentences = {}
    for sentence in facts.sentences:
        node = _iri(f"{art_iri}#sentence-{sentence.index}")
        sentences[sentence.index] = node
        add(node, T["type"], _kgo("Sentence"))
        add(node, _kgo("sentenceOf"), art)
        add(node, _kgo("sentenceIndex"), _integer(sentence.index))
        span(node, sentence.text, sentence.start, sentence.end)

    def provenance(node: str, evidence: Evidence) -> None:
        add(node, T["wasDerivedFrom"], sentences[evidence.sentence])
        add(node, _kgo("inArticle"), art)
        span(node, article.text[evidence.start:evidence.end], evidence.start, evidence.end)
        add(node, _kgo("extractionRule"), _text(evidence.rule))
        add(node, _kgo("confidence"), _typed(Decimal(str(evidence.confidence)), _XSD_DECIMAL))

    labels = {}
    for entity in facts.entities:
        node = _iri(str(entity_iri(entity.key)))
        labels[entity.key] = entity.label
        add(node, T["type"], _kgo(entity.type))
        schema_type = SCHEMA_TYPES.get(entity.type)
        if schema_type:
            add(node, T["type"], _iri(str(SCHEMA[schema_type])))
        add(node, T["label"], _text(entity.label))
        for alias in entity.aliases:
            add(node, T["altLabel"], _text(alias))
        if entity.wikidata:
            add(node, T["sameAs"], _iri(str(WD[entity.wikidata])))
        if entity.description:
            add(node, T["description"], _text(entity.description))
        for mention in entity.mentions:
            mention_node = _iri(f"{art_iri}#mention-{mention.start}-{mention.end}")
            add(mention_node, T["type"], _kgo("Mention"))
            add(mention_node, _kgo("denotes"), node)
            span(mention_node, mention.text, mention.start, mention.end)
            add(mention_node, _kgo("mentionKind"), _text(mention.kind))
            add(mention_node, _kgo("inSentence"), sentences[mention.sentence])
            add(mention_node, _kgo("inArticle"), art)
            add(node, T["wasDerivedFrom"], sentences[mention.sentence])
            for name, value in mention.attributes:
                if name == "occupation":
                    add(node, _kgo("occupation"), _text(value))

    for number, relation in enumerate(facts.relations, start=1):
        subject = _iri(str(entity_iri(relation.subject)))
        obj = _iri(str(entity_iri(relation.object)))
        add(subject, _kgo(relation.predicate), obj)
        assertion = _iri(f"{art_iri}#relation-{number}")
        add(assertion, T["type"], _kgo("Assertion"))
        add(assertion, T["subject"], subject)
        add(assertion, T["predicate"], _kgo(relation.predicate))
        add(assertion, T["object"], obj)
        provenance(assertion, relation.evidence)
    for number, attribute in enumerate(facts.attributes, start=1):
        subject = _iri(str(entity_iri(attribute.subject)))
        add(subject, _kgo(attribute.predicate), _text(attribute.value))
        assertion = _iri(f"{art_iri}#attribute-{number}")
        add(assertion, T["type"], _kgo("Assertion"))
        add(assertion, T["subject"], subject)
        add(assertion, T["predicate"], _kgo(attribute.predicate))
        add(assertion, T["object"], _text(attribute.value))
        provenance(assertion, attribute.evidence)

    for event in facts.events:
        node = _iri(f"{art_iri}#{event.key}")
        add(node, T["type"], _kgo(event.type))
        add(node, T["type"], T["Event"])
        agents = [labels[ref] for role, ref in event.roles if role == "agent" and ref in labels]
        label = event.label or (f"{event.type}: {', '.join(agents)}" if agents else
                                f"{event.type} ({event.trigger})")
        add(node, T["label"], _text(label))
        add(node, _kgo("trigger"), _text(event.trigger))
        if event.negated:
            add(node, _kgo("negated"), _TRUE)
        for role, ref in event.roles:
            add(node, _iri(str(_ROLE_PROPERTIES.get(role, KGO.participant))),
                _iri(str(entity_iri(ref))))
        _time(lines, node, event.time)
        if event.duration:
            add(node, _kgo("duration"), _typed(event.duration, str(XSD.duration)))
        provenance(node, event.evidence)

    event_keys = {event.key for event in facts.events}
    for statistic in facts.statistics:
        node_iri = f"{art_iri}#{statistic.key}"
        node = _iri(node_iri)
        add(node, T["type"], _kgo("Statistic"))
        add(node, T["type"], T["Observation"])
        add(node, T["label"], _text(f"{statistic.text}: {statistic.measured}"[:200]))
        add(node, _kgo("value"), _decimal(statistic.value))
        add(node, T["schemaValue"], _decimal(statistic.value))
        add(node, _kgo("unit"), _text(statistic.unit))
        add(node, _kgo("measured"), _text(statistic.measured))
        if statistic.qualifier:
            add(node, _kgo("qualifier"), _text(statistic.qualifier))
        if statistic.base is not None:
            add(node, _kgo("baseValue"), _typed(statistic.base, _XSD_DECIMAL))
        if statistic.about:
            add(node, _kgo("about"), _iri(str(entity_iri(statistic.about))))
        if statistic.source:
            add(node, _kgo("reportedBy"), _iri(str(entity_iri(statistic.source))))
        if statistic.event and statistic.event in event_keys:
            add(node, _kgo("measures"), _iri(f"{art_iri}#{statistic.event}"))
        _time(lines, node, statistic.time)
        for index, comparison in enumerate(statistic.comparisons):
            comparison_node = _iri(f"{node_iri}-comparison-{index}")
            add(node, _kgo("comparison"), comparison_node)
            add(comparison_node, T["type"], _kgo("Comparison"))
            add(comparison_node, T["label"], _text(comparison.text))
            add(comparison_node, _kgo("comparisonKind"), _text(comparison.kind))
            add(comparison_node, _kgo("comparisonValue"), _typed(comparison.value, _XSD_DECIMAL))
            add(comparison_node, _kgo("comparedWith"), _text(comparison.against))
        provenance(node, statistic.evidence)
    _link_part_counts(lines, facts, art_iri)
    return lines.text()


def to_graph(facts: Facts, *, content_hash: str | None = None) -> Graph:
    """The RDF graph of one resolved article: :func:`article_ntriples` read into rdflib."""
    return graph_of(article_ntriples(facts, content_hash=content_hash))


def graph_of(ntriples: str) -> Graph:
    """An rdflib graph of N-Triples text, with kg's prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.parse(data=ntriples, format="nt")
    return graph


def _link_part_counts(lines: _Lines, facts: Facts, art_iri: str) -> None:
    """Link a percentage of a base to the count it amounts to, when the article gives that count."""
    counts = [s for s in facts.statistics if s.unit == "count"]
    for statistic in facts.statistics:
        if statistic.unit != "percent" or statistic.base is None:
            continue
        expected = statistic.value * statistic.base / 100
        for count in counts:
            if count.value != statistic.base and abs(count.value - expected) <= Decimal("0.5"):
                lines.add(_iri(f"{art_iri}#{statistic.key}"), _kgo("partCount"),
                          _iri(f"{art_iri}#{count.key}"))


def build_record(graphs: list[str]) -> Graph:
    """Which article graphs the last build wrote (PROV-O), so validation can check just those,
    and the base IRI they were minted under (``void:uriSpace``)."""
    from datetime import UTC, datetime

    graph = Graph()
    build = URIRef(f"{LAST_BUILD_GRAPH}#build")
    graph.add((build, RDF.type, PROV.Activity))
    graph.add((build, PROV.endedAtTime, Literal(datetime.now(UTC).isoformat(
        timespec="seconds"), datatype=XSD.dateTime)))
    graph.add((build, URIRef(vocab.VOID_URI_SPACE), Literal(BASE)))  # the base it was built with
    for name in graphs:
        graph.add((build, PROV.generated, URIRef(name)))
    return graph


def ontology_classes() -> set[str]:
    """The local names of the ontology's classes ("Person", "Defection", ...)."""
    graph = ontology_graph()
    return {str(c).removeprefix(str(KGO)) for c in graph.subjects(RDF.type, OWL.Class)
            if str(c).startswith(str(KGO))}


def ontology_graph() -> Graph:
    """The ontology itself, stored beside the data so every export carries it."""
    from kg.resources import resource_path

    graph = Graph()
    graph.parse(resource_path("ontology", "kg.ttl"), format="turtle")
    return graph


def ontology_ntriples() -> str:
    """:func:`ontology_graph` as N-Triples, as every build writes it: read and serialised once
    per process (0.1 s a build) while the file stays the same."""
    from kg.resources import resource_path

    path = resource_path("ontology", "kg.ttl")
    return _ontology_ntriples(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=1)
def _ontology_ntriples(path: str, modified: int) -> str:
    return ontology_graph().serialize(format="nt")


__all__ = [
    "ENTITY_GRAPH", "KGO", "LAST_BUILD_GRAPH", "ONTOLOGY_GRAPH", "article_iri",
    "article_ntriples", "build_record", "entity_iri", "graph_iri", "graph_of", "ontology_graph",
    "ontology_ntriples", "quarantine_iri", "reading_iri", "to_graph",
]
