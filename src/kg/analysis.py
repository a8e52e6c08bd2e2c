"""Graph algorithms on the entity view: paths in words, neighbourhoods, centrality, communities,
subgraphs for drawings and exports for Gephi, Cytoscape and D3. All of them come from networkx;
this module turns their answers into what a person reads (each hop with its sentences).
"""

from __future__ import annotations

import difflib
import io
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.errors import InputError, QueryError
from kg.views import EntityView, words

# How a property reads when a path walks it backwards; "<label> of" otherwise.
INVERSE_PHRASES = {
    "memberOf": "has member", "leaderOf": "led by", "partOf": "has part", "basedIn": "home of",
    "locatedIn": "contains", "reportedBy": "reported", "about": "subject of",
    "participant": "participant in", "partCount": "is part count of",
}

LARGE_GRAPH = 5_000
"""Above this many nodes betweenness centrality is estimated from a sample of sources."""

BETWEENNESS_WORK = 4_000_000
"""Sampled betweenness uses about this many node and edge visits by default: samples =
this ÷ (nodes + edges), between 10 and 500 (each sample is one breadth-first search)."""

MEASURES = ("degree", "betweenness", "pagerank", "eigenvector")
"""The centrality measures :func:`centrality` knows."""

# --- Paths ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hop:
    """One step of a path, in the direction the path walks: ``phrase`` reads from ``source`` to
    ``target`` ("agent of" when the path walks ``kgo:agent`` backwards)."""

    source: str
    target: str
    property: str
    phrase: str
    forward: bool
    sentences: tuple[str, ...]
    also: tuple[str, ...] = ()
    """Other facts linking the same two nodes, as phrases."""


@dataclass(frozen=True)
class GraphPath:
    """A path between two nodes and the facts behind each hop."""

    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]

    def __len__(self) -> int:
        return len(self.hops)


def phrase(view: EntityView, prop: str, forward: bool) -> str:
    """How a property reads along a path: its label forwards ("agent"), an inverse phrase
    backwards ("agent of", "has member")."""
    label = view.property_labels.get(prop) or words(prop)
    return label if forward else INVERSE_PHRASES.get(prop, f"{label} of")


def hop(view: EntityView, source: str, target: str) -> Hop:
    """The facts linking two adjacent nodes, seen from ``source``: the first one forwards (in
    property order) is the hop, the others are listed in ``also``."""
    options: list[tuple[bool, str, dict[str, Any]]] = []
    for key, data in sorted((view.graph.get_edge_data(source, target) or {}).items()):
        options.append((True, key, data))
    for key, data in sorted((view.graph.get_edge_data(target, source) or {}).items()):
        options.append((False, key, data))
    if not options:
        raise QueryError(f"'{view.label(source)}' and '{view.label(target)}' are not linked")
    forward, key, data = options[0]
    sentences: list[str] = []
    for _, _, other in options:
        sentences.extend(other.get("sentences", ()))
    return Hop(source=source, target=target, property=key, phrase=phrase(view, key, forward),
               forward=forward, sentences=tuple(dict.fromkeys(sentences)),
               also=tuple(phrase(view, k, d) for d, k, _ in options[1:]))


def _path(view: EntityView, nodes: list[str]) -> GraphPath:
    return GraphPath(nodes=tuple(nodes),
                     hops=tuple(hop(view, a, b) for a, b in zip(nodes, nodes[1:], strict=False)))


def shortest_paths(view: EntityView, source: str, target: str, *, all_paths: bool = False,
                   max_length: int | None = None, limit: int = 100) -> list[GraphPath]:
    """The shortest path between two named nodes (all of them with ``all_paths``, at most
    ``limit``), each hop explained; direction is ignored when walking, kept when explaining.

    Raises QueryError when there is no path, or none of at most ``max_length`` hops.
    """
    start, end = view.find(source), view.find(target)
    graph = view.undirected
    if start == end:
        return [GraphPath(nodes=(start,), hops=())]
    try:
        if all_paths:
            found: list[list[str]] = []
            for nodes in nx.all_shortest_paths(graph, start, end):
                found.append(nodes)
                if len(found) >= limit:
                    break
        else:
            found = [nx.shortest_path(graph, start, end)]
    except nx.NetworkXNoPath:
        raise QueryError(f"no path between '{view.label(start)}' and '{view.label(end)}': "
                      "they are in different parts of the graph") from None
    if max_length is not None and len(found[0]) - 1 > max_length:
        raise QueryError(f"no path of at most {max_length} hops between '{view.label(start)}' and "
                      f"'{view.label(end)}' (the shortest has {len(found[0]) - 1})")
    return [_path(view, nodes) for nodes in sorted(found)]


def describe(view: EntityView, path: GraphPath) -> str:
    """A path in words: "Vladimir Putin —agent of→ Visit: Vladimir Putin —location→ Pyongyang"."""
    words = [view.label(path.nodes[0])]
    for step in path.hops:
        words.append(f"—{step.phrase}→ {view.label(step.target)}")
    return " ".join(words)


# --- Neighbours -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Neighbour:
    """A node near the start: how far, and the fact that links it to a node one step closer."""

    node: str
    depth: int
    via: str
    property: str
    phrase: str
    sentences: tuple[str, ...]


def neighbours(view: EntityView, name: str, *, depth: int = 1) -> tuple[str, list[Neighbour]]:
    """The start node and every node within ``depth`` hops, one entry per linking fact, sorted
    by depth, then phrase, then label (so they read grouped by relation)."""
    if depth < 1:
        raise InputError(f"--depth must be at least 1, not {depth}")
    start = view.find(name)
    distance = nx.single_source_shortest_path_length(view.undirected, start, cutoff=depth)
    found: list[Neighbour] = []
    for node, steps in distance.items():
        if steps == 0:
            continue
        for closer in view.undirected.neighbors(node):
            if distance.get(closer) != steps - 1:
                continue
            for forward, edges in ((True, view.graph.get_edge_data(closer, node) or {}),
                                   (False, view.graph.get_edge_data(node, closer) or {})):
                for key, data in edges.items():
                    found.append(Neighbour(
                        node=node, depth=steps, via=closer, property=key,
                        phrase=phrase(view, key, forward),
                        sentences=tuple(data.get("sentences", ()))))
    found.sort(key=lambda n: (n.depth, n.phrase, view.label(n.node), view.label(n.via)))
    return start, found


# --- Centrality -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """A node's centrality score."""

    node: str
    label: str
    type: str
    score: float


@dataclass(frozen=True)
class Ranking:
    """The most central nodes by one measure; ``note`` says when the measure was estimated or
    replaced (sampled betweenness, eigenvector that did not converge)."""

    measure: str
    scores: list[Score]
    note: str = ""
    samples: int | None = None


def centrality(view: EntityView, measure: str = "degree", *, top: int = 10,
               types: Iterable[str] = (), samples: int | None = None,
               seed: int = 0) -> Ranking:
    """The ``top`` nodes by ``measure`` (degree, betweenness, pagerank or eigenvector),
    computed on the whole graph and then filtered to ``types`` (with their subclasses).

    Betweenness is estimated from ``samples`` source nodes (default: see
    :func:`betweenness_samples`) on graphs of more than :data:`LARGE_GRAPH` nodes, or when
    ``samples`` is given; eigenvector centrality falls back to the sparse eigensolver and then
    to degree when the power iteration does not converge.
    """
    if measure not in MEASURES:
        close = difflib.get_close_matches(measure, MEASURES, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise InputError(f"unknown measure '{measure}'{hint} choose one of: {', '.join(MEASURES)}")
    wanted = set(view.nodes_of_types(types)) if types else None
    graph = view.undirected
    note, used = "", None
    scores: Mapping[str, float]
    if graph.number_of_nodes() == 0:
        scores = {}
    elif measure == "degree":
        scores = nx.degree_centrality(graph)
    elif measure == "betweenness":
        size = graph.number_of_nodes()
        if samples is not None or size > LARGE_GRAPH:
            used = min(size, samples or betweenness_samples(graph))
        if used is not None and used < size:
            scores = nx.betweenness_centrality(graph, k=used, seed=seed)
            note = f"estimated from {used} sampled source nodes of {size}"
        else:
            used = None
            scores = nx.betweenness_centrality(graph)
    elif measure == "pagerank":
        scores = nx.pagerank(view.graph)
    else:
        scores, note = _eigenvector(graph)
    ranked = sorted(((score, node) for node, score in scores.items()
                     if wanted is None or node in wanted),
                    key=lambda pair: (-pair[0], view.label(pair[1]), pair[1]))
    return Ranking(
        measure=measure, note=note, samples=used,
        scores=[Score(node=node, label=view.label(node),
                      type=str(view.graph.nodes[node].get("type", "")), score=float(score))
                for score, node in ranked[:max(top, 0)]],
    )


def betweenness_samples(graph: nx.Graph) -> int:
    """How many sources sampled betweenness uses by default on ``graph``: a fixed amount of
    work (:data:`BETWEENNESS_WORK`), so the estimate takes about a minute at 100,000 entities."""
    size = graph.number_of_nodes() + graph.number_of_edges()
    return max(10, min(500, BETWEENNESS_WORK // max(size, 1)))


def _eigenvector(graph: nx.Graph) -> tuple[Mapping[str, float], str]:
    """Eigenvector centrality: networkx's power iteration on small graphs; on large ones (or
    when it does not converge) the sparse eigensolver on the largest connected component, where
    the power iteration's answer concentrates; degree centrality as the last resort."""
    if graph.number_of_nodes() <= LARGE_GRAPH:
        try:
            return nx.eigenvector_centrality(graph, max_iter=500, tol=1e-06), ""
        except nx.PowerIterationFailedConvergence:
            pass
    largest = max(nx.connected_components(graph), key=len)
    try:
        scores = dict.fromkeys(graph, 0.0)
        if len(largest) > 1:
            scores.update(nx.eigenvector_centrality_numpy(graph.subgraph(largest)))
        else:
            scores.update(dict.fromkeys(largest, 1.0))
    except (nx.NetworkXException, ArithmeticError, ValueError, RuntimeError):
        return (nx.degree_centrality(graph),
                "eigenvector centrality did not converge; showing degree centrality instead")
    if len(largest) == graph.number_of_nodes():
        return scores, ""
    return scores, (f"computed with the sparse eigensolver on the largest connected component "
                    f"({len(largest):,} of {graph.number_of_nodes():,} nodes; the others score 0)")


# --- Communities ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Community:
    """A group of nodes more linked to each other than to the rest, biggest hubs first."""

    members: tuple[str, ...]
    labels: tuple[str, ...] = field(default=())

    @property
    def size(self) -> int:
        return len(self.members)


def communities(view: EntityView, *, top: int | None = None, seed: int = 0) -> list[Community]:
    """The communities of the undirected view by Louvain modularity (seeded, so repeatable),
    largest first; members sorted by degree, then label. ``top`` keeps the largest ones."""
    graph = view.undirected
    if graph.number_of_nodes() == 0:
        return []
    try:
        groups = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    except (AttributeError, nx.NetworkXError):  # pragma: no cover - older networkx
        groups = nx.community.greedy_modularity_communities(graph, weight="weight")
    degree = dict(graph.degree(weight="weight"))
    found = []
    for group in groups:
        members = sorted(group, key=lambda n: (-degree[n], view.label(n), n))
        found.append(Community(members=tuple(members),
                               labels=tuple(view.label(n) for n in members)))
    found.sort(key=lambda c: (-c.size, c.labels))
    return found[:top] if top is not None else found


# --- Subgraphs for drawings ---------------------------------------------------------------------


def subgraph(view: EntityView, *, focus: str | None = None, depth: int = 1,
             types: Iterable[str] = (), max_nodes: int | None = None) -> nx.MultiDiGraph:
    """The part of the view to draw: the neighbourhood of ``focus`` within ``depth`` hops,
    only nodes of ``types`` (the focus is always kept), at most ``max_nodes`` nodes (the most
    linked ones, the focus first)."""
    nodes: set[str] = set(view.graph.nodes)
    centre = None
    if focus is not None:
        if depth < 1:
            raise InputError(f"--depth must be at least 1, not {depth}")
        centre = view.find(focus)
        nodes = set(nx.single_source_shortest_path_length(view.undirected, centre,
                                                          cutoff=depth))
    types = list(types)
    if types:
        nodes &= set(view.nodes_of_types(types))
        if centre is not None:
            nodes.add(centre)
    if max_nodes is not None and len(nodes) > max_nodes:
        degree = view.undirected.degree
        ranked = sorted(nodes, key=lambda n: (n != centre, -degree[n], view.label(n), n))
        nodes = set(ranked[:max_nodes])
    return view.graph.subgraph(nodes).copy()


# --- Export -----------------------------------------------------------------------------------


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values are all strings or numbers, as GraphML and GEXF need."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for source, target, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=key,
                      **{k: _scalar(v) for k, v in data.items() if v is not None})
    return flat


def _scalar(value: Any) -> Any:
    if isinstance(value, tuple | list | set | frozenset):
        return "\n".join(str(v) for v in value)
    return value


def _graphml(graph: nx.MultiDiGraph) -> bytes:
    out = io.BytesIO()
    nx.write_graphml(_flat(graph), out, encoding="utf-8")
    return out.getvalue()


def _gexf(graph: nx.MultiDiGraph) -> bytes:
    out = io.BytesIO()
    nx.write_gexf(_flat(graph), out, encoding="utf-8")
    return out.getvalue()


def _node_link(graph: nx.MultiDiGraph) -> bytes:
    data = nx.node_link_data(graph, edges="links")
    return (json.dumps(data, ensure_ascii=False, indent=1, default=list) + "\n").encode()


EXPORT_FORMATS: dict[str, Callable[[nx.MultiDiGraph], bytes]] = {
    "graphml": _graphml,
    "gexf": _gexf,
    "json": _node_link,
}
"""Graph export formats by name: GraphML and GEXF (Gephi, yEd, Cytoscape) and node-link JSON
(D3's ``{nodes, links}``); each is networkx's own writer."""


def export_graph(view: EntityView | nx.MultiDiGraph, fmt: str) -> bytes:
    """The projection (or a subgraph of it) written in a graph format of :data:`EXPORT_FORMATS`."""
    graph = view.graph if isinstance(view, EntityView) else view
    writer = EXPORT_FORMATS.get(fmt.lower().lstrip("."))
    if writer is None:
        close = difflib.get_close_matches(fmt.lower(), list(EXPORT_FORMATS), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise InputError(f"unknown graph format '{fmt}'{hint} choose one of: "
                         f"{', '.join(EXPORT_FORMATS)}")
    return writer(graph)



__all__ = [
    "BETWEENNESS_WORK", "EXPORT_FORMATS", "LARGE_GRAPH", "MEASURES", "Community", "GraphPath",
    "Hop", "Neighbour", "Ranking", "Score", "betweenness_samples", "centrality", "communities",
    "describe", "export_graph", "hop", "neighbours", "phrase", "shortest_paths", "subgraph",
]
