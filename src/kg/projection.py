"""A kg store projected into an entity view with a handful of SPARQL queries, whatever its size,
and the sentences behind nodes fetched on demand."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import networkx as nx
import pyoxigraph

from kg.rdf import KGO
from kg.stores import MEMORY, EmbeddedStore, Store, open_store
from kg.views import EntityView, Sentence, words

# Properties that tie facts to their text rather than to each other: never edges of the view.
_PROVENANCE_PROPERTIES = frozenset({
    "sentenceOf", "inSentence", "denotes", "inArticle", "comparison", "violatedShape", "reads",
})

_EDGE_KIND = {"entity": "relation", "event": "role", "statistic": "statistic"}
_SENTENCES_PER_QUERY = 400


_ONTOLOGY_QUERY = """
SELECT ?term ?kind ?label ?super WHERE {
  { ?term a owl:ObjectProperty . BIND("property" AS ?kind) OPTIONAL { ?term rdfs:label ?label } }
  UNION { ?term a owl:Class ; rdfs:subClassOf+ ?super . BIND("class" AS ?kind) }
  UNION { ?term a owl:Class . BIND("class" AS ?kind) }
  FILTER(STRSTARTS(STR(?term), STR(kgo:)))
}"""

# The projection is read with a few scans, each over one or a few predicates, and joined in
# Python: Oxigraph answers a scan at the speed it decodes terms, while a join of five patterns
# costs an index lookup per row and pattern (measured: 4x slower on 100,000 entities).
_NODES_QUERY = """
SELECT ?node ?type WHERE { VALUES ?type { %s } ?node a ?type }"""

_NAMES_QUERY = """
SELECT ?node ?property ?value WHERE {
  VALUES ?property { rdfs:label skos:altLabel kgo:date kgo:startDate kgo:endDate }
  ?node ?property ?value
}"""

_EDGES_QUERY = """
SELECT ?source ?property ?target WHERE { VALUES ?property { %s } ?source ?property ?target }"""

_DERIVED_QUERY = """
SELECT ?node ?sentence WHERE { ?node prov:wasDerivedFrom ?sentence }"""

_ASSERTIONS_QUERY = """
SELECT ?assertion ?source ?property ?target WHERE {
  ?assertion rdf:subject ?source ; rdf:predicate ?property ; rdf:object ?target .
  FILTER(isIRI(?target))
}"""

_SENTENCES_QUERY = """
SELECT ?sentence ?text WHERE { ?sentence a kgo:Sentence ; kgo:anchorOf ?text }"""

# Classes of provenance records, never nodes of the view.
_PROVENANCE_CLASSES = frozenset({
    "Article", "Sentence", "Mention", "Assertion", "Comparison", "QuarantinedStatement",
    "OutvotedAssertion", "EntityReading",
})


def _rows(store: Store, sparql: str) -> Iterator[tuple[Any, ...]]:
    result = store.query(sparql)
    assert isinstance(result, pyoxigraph.QuerySolutions)
    width = len(result.variables)
    for solution in result:
        yield tuple(solution[i] for i in range(width))


def _value(term: Any) -> str | None:
    return None if term is None else str(term.value)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if iri.startswith(str(KGO)) else iri


def _ontology(store: Store) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Object property labels and class ancestors (kgo local names) from the store's ontology
    graph, or from the ontology file shipped with kg when the store holds none."""
    rows = list(_rows(store, _ONTOLOGY_QUERY))
    if not any(kind and kind.value == "property" for _, kind, _, _ in rows):
        from kg.rdf import ontology_graph

        memory = pyoxigraph.Store()
        data = ontology_graph().serialize(format="nt").encode()
        memory.load(data, pyoxigraph.RdfFormat.N_TRIPLES)
        rows = list(_rows(EmbeddedStore(memory, MEMORY), _ONTOLOGY_QUERY))
    labels: dict[str, str] = {}
    ancestors: dict[str, set[str]] = defaultdict(set)
    for term, kind, label, superclass in rows:
        name = _local(term.value)
        if kind.value == "property":
            if label is not None and (name not in labels or label.language == "en"):
                labels[name] = label.value
            labels.setdefault(name, words(name))
        else:
            ancestors.setdefault(name, set())
            if superclass is not None and superclass.value.startswith(str(KGO)):
                ancestors[name].add(_local(superclass.value))
    return labels, {name: frozenset(a) for name, a in ancestors.items()}


def build(store: Store) -> EntityView:
    """Project an open store into an :class:`EntityView` with seven SPARQL queries, whatever the
    size of the store (never one query per node)."""
    property_labels, ancestors = _ontology(store)
    node_classes = sorted(c for c in ancestors if c not in _PROVENANCE_CLASSES)
    events = {c for c in ancestors if c == "Event" or "Event" in ancestors[c]}
    types: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, str] = {}
    if node_classes:
        values = " ".join(f"<{KGO[c]}>" for c in node_classes)
        for node, type_ in _rows(store, _NODES_QUERY % values):
            if not isinstance(node, pyoxigraph.NamedNode):
                continue
            name = _local(type_.value)
            kind = ("event" if name in events else "statistic" if name == "Statistic"
                    else "entity")
            # An event or a figure is that, whatever else it is typed as.
            if kinds.get(node.value) in (None, "entity"):
                kinds[node.value] = kind
            types[node.value].add(name)
    graph = nx.MultiDiGraph()
    for iri in sorted(kinds):
        graph.add_node(iri, iri=iri, kind=kinds[iri],
                       type=_most_specific(types[iri], ancestors, kinds[iri]),
                       label="", alt_labels=(), mentions=0)

    labels: dict[str, Counter[str]] = defaultdict(Counter)
    alt_labels: dict[str, set[str]] = defaultdict(set)
    times: dict[str, dict[str, str]] = defaultdict(dict)
    time_names = {"date": "date", "startDate": "start_date", "endDate": "end_date"}
    for node, prop, value in _rows(store, _NAMES_QUERY):
        if node.value not in kinds:
            continue
        name = _local(prop.value)
        if name in time_names:
            # The earliest when articles disagree: one value per node, stable across builds.
            current = times[node.value].get(time_names[name])
            if current is None or value.value < current:
                times[node.value][time_names[name]] = value.value
        elif prop.value.endswith("altLabel"):
            alt_labels[node.value].add(value.value)
        else:
            labels[node.value][value.value] += 1
    for iri, data in graph.nodes(data=True):
        counted = labels.get(iri)
        # The label most articles agree on; ties go to the alphabetically first.
        data["label"] = (min(counted, key=lambda text: (-counted[text], text)) if counted
                         else _fallback_label(iri))
        data["alt_labels"] = tuple(sorted(alt_labels.get(iri, set()) - {data["label"]}))
        if data["kind"] != "entity":
            data.update(times.get(iri, {}))

    # Sentences: each node's (its mentions', for an entity) and each assertion's.
    derived: dict[str, set[str]] = defaultdict(set)
    for node, sentence in _rows(store, _DERIVED_QUERY):
        derived[str(node.value)].add(sentence.value)
    for iri, found in derived.items():
        if iri in kinds:
            graph.nodes[iri]["mentions"] = len(found)
    texts = {sentence.value: text.value for sentence, text in _rows(store, _SENTENCES_QUERY)}
    relation_sentences: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for assertion, source, prop, target in _rows(store, _ASSERTIONS_QUERY):
        relation_sentences[(source.value, _local(prop.value), target.value)].update(
            derived.get(str(assertion.value), ()))

    def sentences_of(found: Iterable[str]) -> tuple[str, ...]:
        # Article order: sentence IRIs end in their index.
        return tuple(texts[s] for s in sorted(found, key=_sentence_order) if s in texts)

    edge_properties = sorted(p for p in property_labels if p not in _PROVENANCE_PROPERTIES)
    if edge_properties:
        values = " ".join(f"<{KGO[p]}>" for p in edge_properties)
        for source, prop, target in _rows(store, _EDGES_QUERY % values):
            if not isinstance(target, pyoxigraph.NamedNode):
                continue
            u, v, name = source.value, target.value, _local(prop.value)
            if u not in kinds or v not in kinds or kinds[v] == "event":
                continue
            source_kind = kinds[u]
            if source_kind == "entity" and kinds[v] != "entity":
                continue
            found = (relation_sentences.get((u, name, v), set()) if source_kind == "entity"
                     else derived.get(u, set()))
            graph.add_edge(u, v, key=name, property=name,
                           label=property_labels.get(name, words(name)),
                           kind=_EDGE_KIND[source_kind], sentences=sentences_of(found))
    return EntityView(graph, type_ancestors=ancestors, property_labels=property_labels)


def _sentence_order(iri: str) -> tuple[str, int, str]:
    article, _, fragment = iri.rpartition("#sentence-")
    return (article, int(fragment), "") if fragment.isdigit() else (iri, 0, iri)


def _most_specific(types: set[str], ancestors: Mapping[str, frozenset[str]], kind: str) -> str:
    if kind == "statistic":
        return "Statistic"
    candidates = {t for t in types if not (kind == "event" and t == "Event")} or types
    # Drop any class that is a superclass of another one the node has.
    specific = [t for t in candidates
                if not any(t in ancestors.get(other, ()) for other in candidates if other != t)]
    return min(specific or candidates, key=lambda t: (-len(ancestors.get(t, ())), t))


def _fallback_label(iri: str) -> str:
    tail = re.split(r"[#/]", iri.rstrip("/#"))[-1]
    return tail.replace("-", " ") or iri


# --- Sentences on demand ------------------------------------------------------------------------

# rdf.py writes "entity prov:wasDerivedFrom sentence" for every mention, and the same for every
# event and figure: one pattern, answered from the index for the nodes asked about.
_NODE_SENTENCES_QUERY = """
SELECT DISTINCT ?node ?sentence ?text ?article ?title ?index WHERE {
  VALUES ?node { %s }
  ?node prov:wasDerivedFrom ?sentence .
  ?sentence kgo:anchorOf ?text ; kgo:sentenceOf ?article .
  OPTIONAL { ?sentence kgo:sentenceIndex ?index }
  OPTIONAL { ?article rdfs:label ?title }
}"""


def node_sentences(store: Store | str | None, nodes: Iterable[str]) -> dict[str, list[Sentence]]:
    """The sentences behind each of ``nodes``: those mentioning an entity, those an event or
    figure was read from (``prov:wasDerivedFrom``); in article order. ``store`` is an open
    store or a location."""
    wanted = list(dict.fromkeys(nodes))
    if not isinstance(store, Store):
        with open_store(store, read_only=True) as opened:
            return node_sentences(opened, wanted)
    found: dict[str, list[tuple[str, int, Sentence]]] = defaultdict(list)
    for start in range(0, len(wanted), _SENTENCES_PER_QUERY):
        batch = wanted[start:start + _SENTENCES_PER_QUERY]
        values = " ".join(str(pyoxigraph.NamedNode(n)) for n in batch)
        seen: set[tuple[str, str]] = set()
        for node, sentence, text, article, title, index in _rows(
                store, _NODE_SENTENCES_QUERY % values):
            if (node.value, sentence.value) in seen:
                continue
            seen.add((node.value, sentence.value))
            order = int(index.value) if index is not None else 0
            found[node.value].append((article.value, order, Sentence(
                text=text.value, iri=sentence.value, article=article.value,
                title=_value(title) or "")))
    return {n: [s for _, _, s in sorted(found.get(n, []), key=lambda f: (f[0], f[1]))]
            for n in wanted}


__all__ = ["build", "node_sentences"]
