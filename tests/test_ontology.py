"""The ontology is data: every term is labelled, commented and aligned."""

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.rdf import KGO, SCHEMA_TYPES
from kg.resources import resource_path


def _ontology() -> Graph:
    return Graph().parse(resource_path("ontology", "kg.ttl"))


def _terms(graph: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {s for kind in kinds for s in graph.subjects(RDF.type, kind)
            if isinstance(s, URIRef) and str(s).startswith(str(KGO))}


def test_every_term_has_an_english_label_and_comment() -> None:
    graph = _ontology()
    terms = _terms(graph)
    assert len(terms) > 60
    for term in terms:
        labels = [o for o in graph.objects(term, RDFS.label) if getattr(o, "language", None) == "en"]
        comments = list(graph.objects(term, RDFS.comment))
        assert len(labels) == 1, term
        assert comments, term


def test_required_alignments() -> None:
    graph = _ontology()
    schema = "https://schema.org/"
    expected = {
        "Person": "Person", "Country": "Country", "City": "City",
        "GovernmentOrganization": "GovernmentOrganization",
        "NewsOrganization": "NewsMediaOrganization", "Organization": "Organization",
        "Event": "Event", "Statistic": "Observation", "Article": "NewsArticle",
    }
    for ours, theirs in expected.items():
        assert (KGO[ours], RDFS.subClassOf, URIRef(schema + theirs)) in graph, ours
    assert (KGO.parent, RDFS.subPropertyOf, URIRef(schema + "parent")) in graph
    assert (KGO.child, RDFS.subPropertyOf, URIRef(schema + "children")) in graph


def test_every_event_class_is_a_schema_event_through_kgo_event() -> None:
    graph = _ontology()
    events = set(graph.subjects(RDFS.subClassOf, KGO.Event))
    assert {KGO.Defection, KGO.Visit, KGO.Death, KGO.War, KGO.Report, KGO.PressConference} <= events


def test_materialised_schema_types_cover_every_entity_class_used() -> None:
    graph = _ontology()
    for ours in SCHEMA_TYPES:
        assert (KGO[ours], RDF.type, OWL.Class) in graph, ours


def test_event_lexicon_names_only_ontology_classes() -> None:
    from kg.lexicon import lexicon

    graph = _ontology()
    for type_ in lexicon().events.triggers:
        assert (KGO[type_], RDFS.subClassOf, KGO.Event) in graph, type_


def test_the_class_tree_in_code_is_the_ontologys() -> None:
    """kg.vocab reads the class tree from ontology/kg.ttl; the kinds the extractors, the RDF
    writer, the scorer and the stats use all come from it."""
    from kg import vocab
    from kg.evaluate import COARSE_TYPES
    from kg.extract.context import GOVERNMENT_TYPES, ORGANIZATION_TYPES, PLACE_TYPES
    from kg.rdf import SCHEMA_TYPES

    assert vocab.ancestors("Ministry")[:3] == ("Ministry", "GovernmentOrganization", "Organization")
    assert set(PLACE_TYPES) == {"Place", "Country", "AdministrativeRegion", "City"}
    assert set(GOVERNMENT_TYPES) < set(ORGANIZATION_TYPES)
    assert SCHEMA_TYPES["AdministrativeRegion"] == "AdministrativeArea"
    assert SCHEMA_TYPES["Ministry"] == "GovernmentOrganization"
    assert COARSE_TYPES["Court"] == "GovernmentOrganization"
    assert COARSE_TYPES["Company"] == "Organization"


def test_the_mention_kinds_of_the_model_are_the_shapes() -> None:
    import typing

    from rdflib import RDF, Graph, Literal, URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    from kg.model import MentionKind
    from kg.resources import resource_path

    shapes = Graph().parse(resource_path("ontology", "shapes.ttl"))
    path = URIRef("https://kg.example.org/ontology#mentionKind")
    lists = [Collection(shapes, values) for prop in shapes.subjects(SH.path, path)
             for values in shapes.objects(prop, SH["in"])]
    assert len(lists) == 1 and RDF.nil not in list(lists[0])
    assert {str(v) for v in lists[0] if isinstance(v, Literal)} == set(typing.get_args(MentionKind))
