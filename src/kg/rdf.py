"""Resolved facts → RDF triples with the ontology's terms and provenance; the only place that mints IRIs."""

from __future__ import annotations

from decimal import Decimal
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


def _decimal_literal(value: Decimal) -> Literal:
    if value == value.to_integral_value() and "." not in str(value):
        return Literal(int(value), datatype=XSD.integer)
    return Literal(value, datatype=XSD.decimal)


def _time(graph: Graph, node: URIRef, time: TimeValue | None) -> None:
    if time is None:
        return
    graph.add((node, KGO.timeText, Literal(time.text)))
    graph.add((node, KGO.timeResolved, Literal(time.resolved)))
    if time.value and time.datatype:
        graph.add((node, KGO.date, Literal(time.value, datatype=XSD[time.datatype])))
    if time.start:
        graph.add((node, KGO.startDate, Literal(time.start, datatype=XSD.date)))
    if time.end:
        graph.add((node, KGO.endDate, Literal(time.end, datatype=XSD.date)))


def to_graph(facts: Facts, *, content_hash: str | None = None) -> Graph:
    """The RDF graph of one resolved article: entities, relations, events, figures, provenance;
    ``content_hash`` records what it was built from (see :func:`kg.buildhash.content_hash`)."""
    article = facts.article
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    art = article_iri(article.id)
    graph.add((art, RDF.type, KGO.Article))
    graph.add((art, RDF.type, SCHEMA.NewsArticle))
    graph.add((art, SCHEMA.identifier, Literal(article.id)))
    graph.add((art, RDFS.label, Literal(article.title or article.id)))
    if article.title:
        graph.add((art, SCHEMA.headline, Literal(article.title)))
    if article.published:
        graph.add((art, SCHEMA.datePublished, Literal(article.published.isoformat(),
                                                      datatype=XSD.date)))
    if article.url:
        graph.add((art, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.source:
        graph.add((art, KGO.sourceName, Literal(article.source)))
    graph.add((art, SCHEMA.inLanguage, Literal(article.language)))
    graph.add((art, KGO.articleText, Literal(article.text)))
    if content_hash:
        graph.add((art, KGO.contentHash, Literal(content_hash)))

    sentences = {}
    for sentence in facts.sentences:
        node = URIRef(f"{art}#sentence-{sentence.index}")
        sentences[sentence.index] = node
        graph.add((node, RDF.type, KGO.Sentence))
        graph.add((node, KGO.sentenceOf, art))
        graph.add((node, KGO.sentenceIndex, Literal(sentence.index)))
        graph.add((node, KGO.anchorOf, Literal(sentence.text)))
        graph.add((node, KGO.beginIndex, Literal(sentence.start)))
        graph.add((node, KGO.endIndex, Literal(sentence.end)))

    def provenance(node: URIRef, evidence: Evidence) -> None:
        graph.add((node, PROV.wasDerivedFrom, sentences[evidence.sentence]))
        graph.add((node, KGO.inArticle, art))
        graph.add((node, KGO.anchorOf, Literal(article.text[evidence.start:evidence.end])))
        graph.add((node, KGO.beginIndex, Literal(evidence.start)))
        graph.add((node, KGO.endIndex, Literal(evidence.end)))
        graph.add((node, KGO.extractionRule, Literal(evidence.rule)))
        graph.add((node, KGO.confidence, Literal(Decimal(str(evidence.confidence)),
                                                 datatype=XSD.decimal)))

    labels = {}
    for entity in facts.entities:
        node = entity_iri(entity.key)
        labels[entity.key] = entity.label
        graph.add((node, RDF.type, KGO[entity.type]))
        schema_type = SCHEMA_TYPES.get(entity.type)
        if schema_type:
            graph.add((node, RDF.type, SCHEMA[schema_type]))
        graph.add((node, RDFS.label, Literal(entity.label)))
        for alias in entity.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias)))
        if entity.wikidata:
            graph.add((node, OWL.sameAs, WD[entity.wikidata]))
        if entity.description:
            graph.add((node, SCHEMA.description, Literal(entity.description)))
        for mention in entity.mentions:
            mention_node = URIRef(f"{art}#mention-{mention.start}-{mention.end}")
            graph.add((mention_node, RDF.type, KGO.Mention))
            graph.add((mention_node, KGO.denotes, node))
            graph.add((mention_node, KGO.anchorOf, Literal(mention.text)))
            graph.add((mention_node, KGO.beginIndex, Literal(mention.start)))
            graph.add((mention_node, KGO.endIndex, Literal(mention.end)))
            graph.add((mention_node, KGO.mentionKind, Literal(mention.kind)))
            graph.add((mention_node, KGO.inSentence, sentences[mention.sentence]))
            graph.add((mention_node, KGO.inArticle, art))
            graph.add((node, PROV.wasDerivedFrom, sentences[mention.sentence]))
            for name, value in mention.attributes:
                if name == "occupation":
                    graph.add((node, KGO.occupation, Literal(value)))

    for number, relation in enumerate(facts.relations, start=1):
        subject, obj = entity_iri(relation.subject), entity_iri(relation.object)
        graph.add((subject, KGO[relation.predicate], obj))
        assertion = URIRef(f"{art}#relation-{number}")
        graph.add((assertion, RDF.type, KGO.Assertion))
        graph.add((assertion, RDF.subject, subject))
        graph.add((assertion, RDF.predicate, KGO[relation.predicate]))
        graph.add((assertion, RDF.object, obj))
        provenance(assertion, relation.evidence)
    for number, attribute in enumerate(facts.attributes, start=1):
        subject = entity_iri(attribute.subject)
        graph.add((subject, KGO[attribute.predicate], Literal(attribute.value)))
        assertion = URIRef(f"{art}#attribute-{number}")
        graph.add((assertion, RDF.type, KGO.Assertion))
        graph.add((assertion, RDF.subject, subject))
        graph.add((assertion, RDF.predicate, KGO[attribute.predicate]))
        graph.add((assertion, RDF.object, Literal(attribute.value)))
        provenance(assertion, attribute.evidence)

    for event in facts.events:
        node = URIRef(f"{art}#{event.key}")
        graph.add((node, RDF.type, KGO[event.type]))
        graph.add((node, RDF.type, SCHEMA.Event))
        agents = [labels[ref] for role, ref in event.roles if role == "agent" and ref in labels]
        label = event.label or (f"{event.type}: {', '.join(agents)}" if agents else
                                f"{event.type} ({event.trigger})")
        graph.add((node, RDFS.label, Literal(label)))
        graph.add((node, KGO.trigger, Literal(event.trigger)))
        if event.negated:
            graph.add((node, KGO.negated, Literal(True)))
        for role, ref in event.roles:
            graph.add((node, _ROLE_PROPERTIES.get(role, KGO.participant), entity_iri(ref)))
        _time(graph, node, event.time)
        if event.duration:
            graph.add((node, KGO.duration, Literal(event.duration, datatype=XSD.duration)))
        provenance(node, event.evidence)

    event_keys = {event.key for event in facts.events}
    for statistic in facts.statistics:
        node = URIRef(f"{art}#{statistic.key}")
        graph.add((node, RDF.type, KGO.Statistic))
        graph.add((node, RDF.type, SCHEMA.Observation))
        graph.add((node, RDFS.label, Literal(f"{statistic.text}: {statistic.measured}"[:200])))
        graph.add((node, KGO.value, _decimal_literal(statistic.value)))
        graph.add((node, SCHEMA.value, _decimal_literal(statistic.value)))
        graph.add((node, KGO.unit, Literal(statistic.unit)))
        graph.add((node, KGO.measured, Literal(statistic.measured)))
        if statistic.qualifier:
            graph.add((node, KGO.qualifier, Literal(statistic.qualifier)))
        if statistic.base is not None:
            graph.add((node, KGO.baseValue, Literal(statistic.base, datatype=XSD.decimal)))
        if statistic.about:
            graph.add((node, KGO.about, entity_iri(statistic.about)))
        if statistic.source:
            graph.add((node, KGO.reportedBy, entity_iri(statistic.source)))
        if statistic.event and statistic.event in event_keys:
            graph.add((node, KGO.measures, URIRef(f"{art}#{statistic.event}")))
        _time(graph, node, statistic.time)
        for index, comparison in enumerate(statistic.comparisons):
            comparison_node = URIRef(f"{node}-comparison-{index}")
            graph.add((node, KGO.comparison, comparison_node))
            graph.add((comparison_node, RDF.type, KGO.Comparison))
            graph.add((comparison_node, RDFS.label, Literal(comparison.text)))
            graph.add((comparison_node, KGO.comparisonKind, Literal(comparison.kind)))
            graph.add((comparison_node, KGO.comparisonValue,
                       Literal(comparison.value, datatype=XSD.decimal)))
            graph.add((comparison_node, KGO.comparedWith, Literal(comparison.against)))
        provenance(node, statistic.evidence)
    _link_part_counts(graph, facts)
    return graph


def _link_part_counts(graph: Graph, facts: Facts) -> None:
    """Link a percentage of a base to the count it amounts to, when the article gives that count."""
    counts = [s for s in facts.statistics if s.unit == "count"]
    art = article_iri(facts.article.id)
    for statistic in facts.statistics:
        if statistic.unit != "percent" or statistic.base is None:
            continue
        expected = statistic.value * statistic.base / 100
        for count in counts:
            if count.value != statistic.base and abs(count.value - expected) <= Decimal("0.5"):
                graph.add((URIRef(f"{art}#{statistic.key}"), KGO.partCount,
                           URIRef(f"{art}#{count.key}")))


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


__all__ = [
    "ENTITY_GRAPH", "KGO", "LAST_BUILD_GRAPH", "ONTOLOGY_GRAPH", "article_iri",
    "build_record", "entity_iri", "graph_iri", "ontology_graph", "quarantine_iri", "reading_iri",
    "to_graph",
]
