"""The entity view: a networkx projection of a kg store, built once per store state and cached.

The projection (:class:`EntityView`, made by :func:`load`) is a ``networkx.MultiDiGraph`` whose
nodes are the entities, events and statistics of the store and whose edges are the facts
linking them:

- **relations** between entities (``kgo:nationality``, ``kgo:memberOf``, ``kgo:parent``, ...),
- **event roles**, from an event to an entity (``kgo:agent``, ``kgo:location``, ...),
- **statistic links**, from a figure to what it is about or who reported it (``kgo:about``,
  ``kgo:reportedBy``, ``kgo:partCount``).

Node attributes: ``label``, ``type`` (the kgo class's local name), ``kind`` (entity, event or
statistic), ``iri``, ``mentions`` (how many sentences mention it), ``alt_labels`` and, for
events and figures, ``date``/``start_date``/``end_date`` as written in the store. Edge
attributes: ``property`` (the kgo property's local name; also the edge key), ``label`` (its
``rdfs:label`` in the ontology), ``kind`` (relation, role or statistic) and ``sentences`` (the
text of every sentence the fact was read from). Articles, sentences, mentions, assertions and
comparisons are left out; :func:`node_sentences` fetches the sentences behind nodes on demand
and :func:`edge_sentences` returns those behind an edge.

The projection is built with a handful of SPARQL queries, whatever the size of the store, and
cached on disk (one pickle per store, see :func:`cache_path`) with a fingerprint of the store's
state: the next command on an unchanged store loads it instead of rebuilding it, and any write
to the store invalidates it. Algorithms come from networkx; paths, neighbourhoods, centrality
and communities look at the undirected view (:meth:`EntityView.undirected`), PageRank at the
directed one.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import pickle
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph

from kg.errors import InputError
from kg.rdf import ID, KGO
from kg.stores import MEMORY, EmbeddedStore, Store, open_store

CACHE_FORMAT = 1
"""The version of the cached projection; bump it when the projection's shape changes."""

CACHE_ENVIRONMENT_VARIABLE = "KG_CACHE_DIR"
"""Where cached projections go when set (else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``)."""

KINDS = ("entity", "event", "statistic")

# Properties that tie facts to their text rather than to each other: never edges of the view.
_PROVENANCE_PROPERTIES = frozenset({
    "sentenceOf", "inSentence", "denotes", "inArticle", "comparison", "violatedShape", "reads",
})
# How a property reads when a path walks it backwards; "<label> of" otherwise.
_INVERSE_PHRASES = {
    "memberOf": "has member", "leaderOf": "led by", "partOf": "has part", "basedIn": "home of",
    "locatedIn": "contains", "reportedBy": "reported", "about": "subject of",
    "participant": "participant in", "partCount": "is part count of",
}
_EDGE_KIND = {"entity": "relation", "event": "role", "statistic": "statistic"}
_SENTENCES_PER_QUERY = 400


# --- The projection ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """A sentence a node or an edge was read from: its text, its IRI and its article."""

    text: str
    iri: str
    article: str
    title: str = ""


class EntityView:
    """The entity graph of a store: a networkx ``MultiDiGraph`` plus what is needed to read it.

    ``graph`` is the projection itself (see the module docstring for its attributes);
    ``type_ancestors`` maps each kgo class name to its kgo superclasses (so ``Organization``
    selects ministries too); ``property_labels`` maps kgo property names to their labels;
    ``fingerprint`` identifies the store state it was built from.
    """

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        *,
        type_ancestors: Mapping[str, frozenset[str]] | None = None,
        property_labels: Mapping[str, str] | None = None,
        fingerprint: str | None = None,
        location: str = MEMORY,
    ) -> None:
        self.graph = graph
        self.type_ancestors = dict(type_ancestors or {})
        self.property_labels = dict(property_labels or {})
        self.fingerprint = fingerprint
        self.location = location

    def __repr__(self) -> str:
        return (f"<EntityView {self.location!r}: {self.graph.number_of_nodes()} nodes, "
                f"{self.graph.number_of_edges()} edges>")

    def __getstate__(self) -> dict[str, Any]:
        # The derived views are rebuilt on demand, never pickled.
        return {key: self.__dict__[key]
                for key in ("graph", "type_ancestors", "property_labels", "fingerprint",
                            "location")}

    @cached_property
    def undirected(self) -> nx.Graph:
        """A simple undirected graph over the same nodes: one edge per linked pair, ``weight`` =
        how many facts link them. Paths, neighbourhoods, centrality and communities use it."""
        simple = nx.Graph()
        simple.add_nodes_from(self.graph.nodes)
        weights: Counter[tuple[str, str]] = Counter()
        for source, target in self.graph.edges():
            if source != target:
                weights[(source, target) if source < target else (target, source)] += 1
        simple.add_weighted_edges_from((u, v, w) for (u, v), w in weights.items())
        return simple

    @cached_property
    def _names(self) -> dict[str, list[str]]:
        """Normalised label or alternative label → the nodes that carry it, labels first."""
        names: dict[str, list[str]] = defaultdict(list)
        for node, data in self.graph.nodes(data=True):
            names[_normalise(data.get("label", ""))].append(node)
        for node, data in self.graph.nodes(data=True):
            for alt in data.get("alt_labels", ()):
                key = _normalise(alt)
                if node not in names[key]:
                    names[key].append(node)
        return dict(names)

    def label(self, node: str) -> str:
        """The label of a node (its IRI when it has none)."""
        return str(self.graph.nodes[node].get("label") or node)

    def find(self, name: str) -> str:
        """The node named ``name``: an IRI, ``kgr:key``, a label or an alternative label (case
        and spacing ignored). An entity wins over an event or figure of the same name.

        Raises :class:`InputError` naming the closest labels when nothing matches, and listing
        the candidates when several entities share the name.
        """
        text = name.strip()
        if text in self.graph:
            return text
        if text.startswith("kgr:") and str(ID) + text[4:] in self.graph:
            return str(ID) + text[4:]
        by_label = [n for n in self._names.get(_normalise(text), [])]
        if not by_label:
            raise InputError(self._unknown_name_message(text))
        exact = [n for n in by_label if _normalise(self.label(n)) == _normalise(text)]
        candidates = exact or by_label
        entities = [n for n in candidates if self.graph.nodes[n].get("kind") == "entity"]
        candidates = entities or candidates
        if len(candidates) > 1:
            listed = ", ".join(f"{self.label(n)} <{n}>" for n in sorted(candidates)[:5])
            raise InputError(f"'{text}' names {len(candidates)} nodes: {listed}; "
                          "pass the IRI of the one you mean")
        return candidates[0]

    def _unknown_name_message(self, text: str) -> str:
        query = _normalise(text)
        suggestions: list[str] = []
        # Substrings first ("putin" → "Vladimir Putin"), then spelling ("Putn" → "Putin").
        for key, nodes in sorted(self._names.items()):
            if len(query) >= 3 and query in key:
                suggestions.extend(nodes)
        words: dict[str, set[str]] = defaultdict(set)
        for key, nodes in self._names.items():
            for word in {key, *key.split()}:
                if len(word) >= 3:
                    words[word].update(nodes)
        for word in difflib.get_close_matches(query, list(words), n=5, cutoff=0.7):
            suggestions.extend(sorted(words[word], key=self.label))
        # Entities are what people name; events and figures only when no entity is close.
        entities = [n for n in suggestions if self.graph.nodes[n].get("kind") == "entity"]
        unique = list(dict.fromkeys(self.label(n) for n in entities or suggestions))[:3]
        if not unique:
            return (f"no entity named '{text}' in the store at '{self.location}'; "
                    "'kg query entities-by-type' lists them")
        quoted = [f"'{s}'" for s in unique]
        listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
        return f"no entity named '{text}'; did you mean {listed}?"

    def type_matches(self, node_type: str, wanted: str) -> bool:
        """Whether a node of class ``node_type`` is a ``wanted`` (the class or a subclass)."""
        return node_type == wanted or wanted in self.type_ancestors.get(node_type, ())

    def resolve_type(self, name: str) -> str:
        """The kgo class called ``name`` (any case), or an InputError with the closest class names."""
        known = sorted({*self.type_ancestors,
                        *(a for ancestors in self.type_ancestors.values() for a in ancestors),
                        *(d.get("type", "") for _, d in self.graph.nodes(data=True))} - {""})
        by_lower = {k.lower(): k for k in known}
        if name.lower() in by_lower:
            return by_lower[name.lower()]
        close = difflib.get_close_matches(name.lower(), list(by_lower), n=3, cutoff=0.7)
        hint = (f"; did you mean {', '.join(repr(by_lower[c]) for c in close)}?" if close
                else f"; known types: {', '.join(known[:12])}{', ...' if len(known) > 12 else ''}")
        raise InputError(f"unknown type '{name}'{hint}")

    def nodes_of_types(self, types: Iterable[str]) -> list[str]:
        """The nodes whose class is one of ``types`` or a subclass of one (names any case)."""
        wanted = [self.resolve_type(t) for t in types]
        return [n for n, data in self.graph.nodes(data=True)
                if any(self.type_matches(data.get("type", ""), w) for w in wanted)]


def _normalise(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


# --- Loading, building and caching --------------------------------------------------------------


def load(store: Store, *, use_cache: bool = True) -> EntityView:
    """The entity view of an open store (:meth:`kg.KnowledgeGraph.view` opens it).

    Built from the store at most once per store state: the projection of an on-disk store is
    cached (see :func:`cache_path`) under a fingerprint of the store, so the next call on an
    unchanged store reads the cache and a changed store is projected again. In-memory stores
    and SPARQL servers are projected every time: nothing cheap tells whether a server changed.
    """
    location = store.location
    fingerprint = store_fingerprint(store)
    on_disk = location != MEMORY and Path(location).is_dir()
    path = cache_path(location) if use_cache and on_disk else None
    if path is not None:
        cached = _read_cache(path, fingerprint)
        if cached is not None:
            cached.location = location
            return cached
    view = build(store)
    view.fingerprint = fingerprint
    view.location = location
    if path is not None:
        _write_cache(path, view)
    return view


def cache_path(location: str) -> Path:
    """Where the projection of the on-disk store at ``location`` is cached: one file per store,
    in ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``."""
    root = os.environ.get(CACHE_ENVIRONMENT_VARIABLE)
    if not root:
        xdg = os.environ.get("XDG_CACHE_HOME")
        root = str(Path(xdg) / "kg") if xdg else str(Path.home() / ".cache" / "kg")
    key = hashlib.sha256(str(Path(location).resolve()).encode()).hexdigest()[:24]
    return Path(root) / "views" / f"{key}.pickle"


def store_fingerprint(store: Store) -> str:
    """A cheap fingerprint of a store's content: its graph IRIs and triple count, and for an
    on-disk store the names, sizes and modification times of its data files, which change on
    every write even when the number of triples does not."""
    digest = hashlib.sha256()
    digest.update("\n".join(store.graphs()).encode())
    digest.update(f"\n{store.triples_count()}\n".encode())
    directory = Path(store.location)
    if store.location != MEMORY and directory.is_dir():
        for entry in sorted(os.scandir(directory), key=lambda e: e.name):
            # LOG files are RocksDB's diary and LOCK its lock: neither holds data.
            if entry.name.startswith(("LOG", "LOCK")) or not entry.is_file():
                continue
            info = entry.stat()
            digest.update(f"{entry.name} {info.st_size} {info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _read_cache(path: Path, fingerprint: str) -> EntityView | None:
    try:
        with path.open("rb") as handle:
            payload = pickle.load(handle)  # our own cache file, in a directory only we write
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
            TypeError, ValueError):
        return None
    if (not isinstance(payload, dict) or payload.get("format") != CACHE_FORMAT
            or payload.get("fingerprint") != fingerprint
            or not isinstance(payload.get("view"), EntityView)):
        return None
    return payload["view"]


def _write_cache(path: Path, view: EntityView) -> None:
    """Write the cache atomically; a cache that cannot be written is simply not written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.partial")
        with temporary.open("wb") as handle:
            pickle.dump({"format": CACHE_FORMAT, "fingerprint": view.fingerprint, "view": view},
                        handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError:
        return


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
    "EntityReading",
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
            labels.setdefault(name, _words(name))
        else:
            ancestors.setdefault(name, set())
            if superclass is not None and superclass.value.startswith(str(KGO)):
                ancestors[name].add(_local(superclass.value))
    return labels, {name: frozenset(a) for name, a in ancestors.items()}


def _words(name: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


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
                           label=property_labels.get(name, _words(name)),
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


def edge_sentences(view: EntityView, source: str, target: str,
                   prop: str | None = None) -> tuple[str, ...]:
    """The text of the sentences behind the edges from ``source`` to ``target`` (only the
    ``prop`` one when given)."""
    edges = view.graph.get_edge_data(source, target) or {}
    texts: list[str] = []
    for key, data in edges.items():
        if prop is None or key == prop:
            texts.extend(data.get("sentences", ()))
    return tuple(dict.fromkeys(texts))


__all__ = [
    "EntityView", "Sentence", "build", "cache_path", "edge_sentences", "load", "node_sentences",
    "store_fingerprint",
]
