"""The entity view: a networkx graph of a store's entities, events and figures, and lookups on it.

The view (:class:`EntityView`, projected from a store by :mod:`kg.projection` and cached by
:mod:`kg.viewcache`) is a ``networkx.MultiDiGraph`` whose nodes are the entities, events and
statistics of the store and whose edges are the facts linking them:

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
comparisons are left out; :func:`kg.projection.node_sentences` fetches the sentences behind
nodes on demand and :func:`edge_sentences` returns those behind an edge.

Algorithms come from networkx (:mod:`kg.analysis`); paths, neighbourhoods, centrality and
communities look at the undirected view (:meth:`EntityView.undirected`), PageRank at the
directed one.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import networkx as nx

from kg.errors import InputError
from kg.rdf import ID
from kg.stores import MEMORY

KINDS = ("entity", "event", "statistic")


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


def words(name: str) -> str:
    """A kgo term's local name as lower-case words: ``memberOf`` → ``member of``."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


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


__all__ = ["KINDS", "EntityView", "Sentence", "edge_sentences", "words"]
