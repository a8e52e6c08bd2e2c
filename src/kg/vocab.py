"""The vocabulary kg writes: its base IRI, the namespaces it uses and their prefixes, named once,
and the class tree as ``ontology/kg.ttl`` declares it (read from there, not retyped).

Plain strings, no rdflib, so that every layer may use them (the stores and the query layer do
not load rdflib). ``kg.rdf`` wraps them as rdflib namespaces.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache

DEFAULT_BASE = "https://kg.example.org/"
"""The base IRI when none is set: a placeholder domain, never to be published as linked data."""
BASE_ENVIRONMENT_VARIABLE = "KG_BASE_IRI"
"""Where the base IRI is set (``kg --base-iri`` sets it too); read once, when kg starts."""

BASE = os.environ.get(BASE_ENVIRONMENT_VARIABLE) or DEFAULT_BASE
"""The root of every IRI kg mints (articles, graphs, entities): ``$KG_BASE_IRI``, else
:data:`DEFAULT_BASE`. A store records the base it was built with, and kg refuses to use it with
another one (see :func:`kg.api.check_base_iri`), so that queries and pages agree with it."""

ONTOLOGY = DEFAULT_BASE + "ontology#"
"""kg's ontology (``ontology/kg.ttl``), prefix ``kgo``: its terms keep their IRIs whatever the
base of the data."""
ENTITIES = BASE + "id/"
"""The entities kg mints, ``<BASE>id/<key>``, prefix ``kgr``."""
VOID_URI_SPACE = "http://rdfs.org/ns/void#uriSpace"
"""VoID's term for the prefix of a dataset's IRIs: how a store's build record names its base."""


def base_problem(base: str) -> str | None:
    """What is wrong with ``base`` as a base IRI (absolute http(s), ending in ``/``), or None."""
    scheme, separator, rest = base.partition("://")
    if scheme not in ("http", "https") or not separator or not rest.split("/")[0]:
        return f"'{base}' is not an http:// or https:// IRI"
    if not base.endswith("/") or any(c in base for c in ' <>"{}|\\^`#?'):
        return f"'{base}' must end in '/' and hold no spaces, '#', '?' or <>\"{{}}|\\^`"
    return None

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



@cache
def _parents() -> dict[str, tuple[str, ...]]:
    """Each kg class (local name) → the IRIs of its direct superclasses, from ontology/kg.ttl."""
    import pyoxigraph

    from kg.resources import resource_path

    parents: dict[str, list[str]] = {}
    path = resource_path("ontology", "kg.ttl")
    for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
        subject, value = quad.subject.value, quad.object.value
        if quad.predicate.value == RDFS + "subClassOf" and subject.startswith(ONTOLOGY):
            parents.setdefault(subject[len(ONTOLOGY):], []).append(value)
    return {name: tuple(sorted(found)) for name, found in parents.items()}


def ancestors(name: str) -> tuple[str, ...]:
    """A kg class and the kg classes above it, nearest first: ``ancestors("Ministry")`` is
    ("Ministry", "GovernmentOrganization", "Organization", "Agent")."""
    found, frontier = [name], [name]
    while frontier:
        above = [value[len(ONTOLOGY):] for current in frontier
                 for value in _parents().get(current, ()) if value.startswith(ONTOLOGY)]
        frontier = [cls for cls in dict.fromkeys(above) if cls not in found]
        found += frontier
    return tuple(found)


@cache
def kinds_of(name: str) -> tuple[str, ...]:
    """A kg class and every kg class below it (``kinds_of("Place")``: Place, City, Country,
    ...), the class first, then the others by name."""
    below = sorted(cls for cls in _parents() if cls != name and name in ancestors(cls))
    return (name, *below)


@cache
def schema_class(name: str) -> str | None:
    """The nearest schema.org class above a kg class (local name), if any: "Ministry" →
    "GovernmentOrganization", "Company" → "Corporation"."""
    for cls in ancestors(name):
        for value in _parents().get(cls, ()):
            if value.startswith(SCHEMA):
                return value[len(SCHEMA):]
    return None


def entity_classes() -> tuple[str, ...]:
    """The kg classes of entities: people, places and organisations, with all their kinds."""
    return (*kinds_of("Person"), *kinds_of("Place"), *kinds_of("Organization"))


__all__ = ["BASE", "BASE_ENVIRONMENT_VARIABLE", "DEFAULT_BASE", "ENTITIES", "VOID_URI_SPACE",
           "base_problem", "ONTOLOGY", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA",
           "SKOS", "WIKIDATA", "XSD", "ancestors", "entity_classes", "kinds_of", "schema_class"]
