"""The RDF stage alone: hand-made resolved facts in, triples with provenance out; no spaCy."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from handmade import ART as ARTICLE_IRI
from handmade import FACTS, TEXT, evidence, span
from kg import vocab
from kg.model import Facts, Statistic
from kg.rdf import KGO, PROV, SCHEMA, article_iri, entity_iri, ontology_graph, to_graph

ART = URIRef(ARTICLE_IRI)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return to_graph(FACTS, content_hash="abc123")


def test_the_article_carries_its_metadata(graph: Graph) -> None:
    assert article_iri("wire/1") == ART  # an id's slash never splits the IRI
    assert {ART} == set(graph.subjects(RDF.type, KGO.Article))
    assert (ART, RDF.type, SCHEMA.NewsArticle) in graph
    assert graph.value(ART, SCHEMA.datePublished) == Literal("2024-05-01", datatype=XSD.date)
    assert graph.value(ART, SCHEMA.url) == Literal("https://news.example/1", datatype=XSD.anyURI)
    assert graph.value(ART, SCHEMA.headline) == Literal("A defection")
    assert graph.value(ART, KGO.articleText) == Literal(TEXT)
    assert graph.value(ART, KGO.contentHash) == Literal("abc123")


def test_an_entity_gets_its_stable_iri_both_classes_names_and_link(graph: Graph) -> None:
    ri, seoul = entity_iri("ri-il-kyu"), entity_iri("seoul")
    assert ri == URIRef(vocab.ENTITIES + "ri-il-kyu")
    assert {KGO.Person, SCHEMA.Person} == set(graph.objects(ri, RDF.type))
    assert graph.value(ri, RDFS.label) == Literal("Ri Il Kyu")
    assert graph.value(ri, SKOS.altLabel) == Literal("Ri")
    assert graph.value(seoul, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q8684")


def test_every_mention_points_at_its_entity_sentence_and_span(graph: Graph) -> None:
    start, end = span("He")
    node = URIRef(f"{ART}#mention-{start}-{end}")
    assert graph.value(node, KGO.denotes) == entity_iri("ri-il-kyu")
    assert graph.value(node, KGO.mentionKind) == Literal("pronoun")
    assert graph.value(node, KGO.inSentence) == URIRef(f"{ART}#sentence-1")
    assert (graph.value(node, KGO.beginIndex), graph.value(node, KGO.endIndex)) == (
        Literal(start), Literal(end))


def test_a_relation_is_stated_and_reified_with_its_evidence(graph: Graph) -> None:
    ri, seoul = entity_iri("ri-il-kyu"), entity_iri("seoul")
    assert (ri, KGO.locatedIn, seoul) in graph
    (assertion,) = graph.subjects(RDF.predicate, KGO.locatedIn)
    assert (assertion, RDF.type, KGO.Assertion) in graph
    assert (graph.value(assertion, RDF.subject), graph.value(assertion, RDF.object)) == (ri, seoul)
    assert graph.value(assertion, PROV.wasDerivedFrom) == URIRef(f"{ART}#sentence-0")
    assert graph.value(assertion, KGO.anchorOf) == Literal("Ri Il Kyu fled to Seoul")
    assert graph.value(assertion, KGO.extractionRule) == Literal("hand-made")
    assert graph.value(assertion, KGO.confidence) == Literal(Decimal("0.8"), datatype=XSD.decimal)
    assert (ri, KGO.jobTitle, Literal("diplomat")) in graph


def test_an_event_has_its_roles_time_and_a_label_from_its_agent(graph: Graph) -> None:
    node = URIRef(f"{ART}#event-1")
    assert {KGO.Defection, SCHEMA.Event} == set(graph.objects(node, RDF.type))
    assert graph.value(node, RDFS.label) == Literal("Defection: Ri Il Kyu")
    assert graph.value(node, KGO.agent) == entity_iri("ri-il-kyu")
    assert graph.value(node, KGO.destination) == entity_iri("seoul")
    assert graph.value(node, KGO.date) == Literal("2023", datatype=XSD.gYear)
    assert graph.value(node, KGO.timeText) == Literal("in 2023")
    assert graph.value(node, KGO.anchorOf) == Literal("fled to Seoul")


def test_a_figure_has_typed_values_its_source_comparison_and_part_count(graph: Graph) -> None:
    share, count = URIRef(f"{ART}#statistic-1"), URIRef(f"{ART}#statistic-2")
    assert graph.value(share, KGO.value) == Literal(40, datatype=XSD.integer)
    assert graph.value(share, KGO.baseValue) == Literal(Decimal(300), datatype=XSD.decimal)
    assert graph.value(share, KGO.reportedBy) == entity_iri("ri-il-kyu")
    assert graph.value(share, KGO.partCount) == count  # 40 % of 300 is the 120 the text gives
    comparison = graph.value(share, KGO.comparison)
    assert graph.value(comparison, KGO.comparisonKind) == Literal("ratio")
    assert graph.value(comparison, KGO.comparisonValue) == Literal(Decimal("0.5"),
                                                                    datatype=XSD.decimal)


def test_every_class_and_property_written_is_in_the_ontology(graph: Graph) -> None:
    ontology = ontology_graph()
    defined = set(ontology.subjects(RDF.type, None))
    used = {p for p in graph.predicates() if str(p).startswith(str(KGO))}
    used |= {o for o in graph.objects(None, RDF.type) if str(o).startswith(str(KGO))}
    assert used - defined == set()


def test_a_fractional_value_is_a_decimal() -> None:
    half = Statistic("statistic-1", Decimal("2.5"), "percent", "growth", evidence("40 percent", 1))
    facts = Facts(article=FACTS.article, sentences=FACTS.sentences, statistics=(half,))
    assert to_graph(facts).value(URIRef(f"{ART}#statistic-1"), KGO.value) == Literal(
        Decimal("2.5"), datatype=XSD.decimal)


def test_the_ontology_is_written_as_its_graph_and_read_again_when_its_file_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import kg.resources
    from kg.rdf import ontology_graph, ontology_ntriples

    text = ontology_ntriples()
    assert set(text.splitlines()) == set(ontology_graph().serialize(format="nt").splitlines())
    assert ontology_ntriples() is text  # once per process
    copy = tmp_path / "kg.ttl"
    shutil.copy(kg.resources.resource_path("ontology", "kg.ttl"), copy)
    with copy.open("a", encoding="utf-8") as out:
        out.write('\nkgo:Invented a owl:Class ; rdfs:label "invented"@en .\n')
    monkeypatch.setattr(kg.resources, "resource_path", lambda kind, name: copy)
    assert "ontology#Invented>" in ontology_ntriples()
