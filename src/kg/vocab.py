"""The vocabulary kg writes: its base IRI, the namespaces it uses and their prefixes, named once.

Plain strings, no rdflib, so that every layer may use them (the stores and the query layer do
not load rdflib). ``kg.rdf`` wraps them as rdflib namespaces.
"""

from __future__ import annotations

from collections.abc import Mapping

BASE = "https://kg.example.org/"
"""The root of every IRI kg mints (articles, graphs, entities, the ontology)."""

ONTOLOGY = BASE + "ontology#"
"""kg's ontology (``ontology/kg.ttl``), prefix ``kgo``."""
ENTITIES = BASE + "id/"
"""The entities kg mints, ``<BASE>id/<key>``, prefix ``kgr``."""

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
WIKIDATA = "http://www.wikidata.org/entity/"

PREFIXES: Mapping[str, str] = {
    "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "prov": PROV,
    "schema": SCHEMA, "kgo": ONTOLOGY, "kgr": ENTITIES, "wd": WIKIDATA,
}
"""The prefixes written in Turtle/TriG exports, used to shorten IRIs in tables, and predeclared
in every query (a query's own ``PREFIX`` declarations take precedence)."""

__all__ = ["BASE", "ENTITIES", "ONTOLOGY", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA",
           "SKOS", "WIKIDATA", "XSD"]
