"""Where each node of a drawing goes and how it looks: class styles, the networkx layout, labels
spread apart, edge paths; in pixels, for the drawings of :mod:`kg.viz` (:mod:`kg.timeline` shares
the palette).

Every drawing starts from the same :func:`layout`, computed in Python with networkx (Kamada-Kawai
per connected component, spring layout for large ones, seeded so it is repeatable), packed into
rows and spread by :func:`place` so that labels do not sit on each other.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from kg.views import EntityView

UNIT = 95.0
"""Pixels between two linked nodes in the layout."""
LABEL_CHARACTERS = 28
"""Node labels longer than this are shortened on the drawing (never in the side panel)."""

# Shapes say what kind of thing a node is; colours say its class.
_CATEGORY_ORDER = ("person", "organisation", "place", "event", "statistic", "other")
_SHAPES = {"person": "circle", "organisation": "square", "place": "hexagon", "event": "diamond",
           "statistic": "triangle", "other": "circle"}
PALETTE = (
    "#4e79a7", "#59a14f", "#e15759", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7",
    "#9c755f", "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
    "#7f7f7f", "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#c5b0d5", "#c49c94",
)


@dataclass(frozen=True)
class Style:
    """How nodes of one class are drawn."""

    type: str
    category: str
    shape: str
    colour: str


def category(view: EntityView, node_type: str, kind: str = "") -> str:
    """person, organisation, place, event, statistic or other: what decides a node's shape."""
    lineage = {node_type, *view.type_ancestors.get(node_type, ())}
    if kind == "event" or "Event" in lineage:
        return "event"
    if kind == "statistic" or "Statistic" in lineage:
        return "statistic"
    if "Person" in lineage:
        return "person"
    if lineage & {"Organization", "GovernmentOrganization"}:
        return "organisation"
    if "Place" in lineage:
        return "place"
    return "other"


def styles(view: EntityView, graph: nx.MultiDiGraph) -> dict[str, Style]:
    """A style for each class in ``graph``: shape by category, a distinct colour by class."""
    kinds: dict[str, str] = {}
    for _, data in graph.nodes(data=True):
        kinds.setdefault(str(data.get("type", "")), str(data.get("kind", "")))
    ordered = sorted(kinds, key=lambda t: (_CATEGORY_ORDER.index(category(view, t, kinds[t])), t))
    found = {}
    for index, node_type in enumerate(ordered):
        group = category(view, node_type, kinds[node_type])
        found[node_type] = Style(node_type, group, _SHAPES[group],
                                 PALETTE[index % len(PALETTE)])
    return found


# --- Layout -------------------------------------------------------------------------------------


def layout(graph: nx.Graph, *, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions where linked nodes are about one unit apart: each connected component laid
    out alone (Kamada-Kawai up to 300 nodes, spring layout above), then packed in rows, the
    largest first, single nodes in a grid at the end. Deterministic for a given graph."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted({(min(u, v), max(u, v)) for u, v in graph.edges() if u != v}))
    components = sorted((sorted(c) for c in nx.connected_components(simple)),
                        key=lambda c: (-len(c), c[0]))
    boxes: list[tuple[list[str], np.ndarray]] = []
    singles = [c[0] for c in components if len(c) == 1]
    for component in components:
        if len(component) == 1:
            continue
        sub = simple.subgraph(component)
        if len(component) <= 300:
            positions = nx.kamada_kawai_layout(sub)
        else:
            positions = nx.spring_layout(sub, seed=seed, iterations=80)
        points = _landscape(np.array([positions[n] for n in component], dtype=float))
        lengths = [math.dist(positions[u], positions[v]) for u, v in sub.edges()]
        typical = float(np.median(lengths)) if lengths else 1.0
        points = points / (typical or 1.0)
        points -= points.min(axis=0)
        boxes.append((component, points))
    if singles:
        columns = max(1, math.ceil(math.sqrt(len(singles) * 2)))
        grid = np.array([(i % columns, i // columns) for i in range(len(singles))], dtype=float)
        boxes.append((singles, grid))
    # Shelf packing: rows of boxes, the whole about ASPECT times as wide as it is tall.
    area = sum((b[:, 0].max() + 1.5) * (b[:, 1].max() + 1.5) for _, b in boxes)
    widest = max((b[:, 0].max() + 1.5 for _, b in boxes), default=1.0)
    row_width = max(widest, math.sqrt(area * ASPECT))
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes, points in boxes:
        width, height = points[:, 0].max() + 1.5, points[:, 1].max() + 1.5
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in zip(nodes, points, strict=True):
            placed[node] = (float(px + x), float(py + y))
        x += width
        row_height = max(row_height, height)
    return placed


ASPECT = 1.25
"""Width over height of the space a drawing is made for (a screen beside the side panel, or a
landscape page); components are turned and packed to fill it."""


def _landscape(points: np.ndarray) -> np.ndarray:
    """Turn a component so that it fills a box of :data:`ASPECT` best: of 36 turns, the one
    whose bounding box needs the least scaling down to fit such a box."""
    centred = points - points.mean(axis=0)
    if len(points) < 3:
        return centred
    best, best_size = centred, math.inf
    for step in range(36):
        angle = math.pi * step / 36
        rotation = np.array([[math.cos(angle), -math.sin(angle)],
                             [math.sin(angle), math.cos(angle)]])
        turned = centred @ rotation.T
        width, height = np.ptp(turned, axis=0)
        size = max(width / ASPECT, height)
        if size < best_size - 1e-9:
            best, best_size = turned, size
    return best


@dataclass(frozen=True)
class PlacedNode:
    node: str
    x: float
    y: float
    r: float
    label: str  # shortened for the drawing
    label_width: float


@dataclass(frozen=True)
class PlacedEdge:
    source: str
    target: str
    properties: tuple[str, ...]
    labels: tuple[str, ...]
    sentences: tuple[str, ...]
    path: tuple[tuple[float, float], ...]  # start, control (curved) or none, end
    label_at: tuple[float, float]
    label_shown: bool


@dataclass(frozen=True)
class Placement:
    nodes: dict[str, PlacedNode]
    edges: list[PlacedEdge]
    width: float
    height: float


def short_label(text: str, limit: int = LABEL_CHARACTERS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _text_width(text: str, size: float) -> float:
    return len(text) * size * 0.56


def _radius(mentions: int) -> float:
    return min(24.0, 8.0 + 3.2 * math.sqrt(max(mentions, 1)))


def place(view: EntityView, graph: nx.MultiDiGraph) -> Placement:
    """Pixel positions of nodes, labels and edges, spread so that labels do not overlap."""
    positions = layout(graph)
    order = sorted(graph.nodes)
    labels = {n: short_label(view.label(n)) for n in order}
    radius = {n: _radius(int(graph.nodes[n].get("mentions", 1) or 1)) for n in order}
    points = np.array([positions[n] for n in order], dtype=float).reshape(-1, 2) * UNIT
    # Each node with its label is a box: the shape on top, the label below it.
    half_width = np.array([max(radius[n], _text_width(labels[n], 12) / 2) for n in order])
    half_height = np.array([(2 * radius[n] + 16) / 2 for n in order])
    # A node is drawn with its top at the point's y (see below), so its box's centre sits its
    # radius plus half the label's height lower.
    offset = np.array([radius[n] + 16 / 2 for n in order])
    points = _spread(points, half_width, half_height, offset)
    if len(order):
        points -= points.min(axis=0)
    margin = 40.0
    drawn = {}
    for index, node in enumerate(order):
        drawn[node] = PlacedNode(node, float(points[index, 0] + margin + half_width.max()),
                                 float(points[index, 1] + margin + radius[node]),
                                 radius[node], labels[node], _text_width(labels[node], 12))
    width = max((d.x + max(d.r, d.label_width / 2) for d in drawn.values()), default=0) + margin
    height = max((d.y + d.r + 20 for d in drawn.values()), default=0) + margin

    grouped: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for source, target, key, data in graph.edges(keys=True, data=True):
        if source != target:
            grouped[(source, target)].append((key, data))
    taken = [(d.x - d.label_width / 2, d.y + d.r, d.x + d.label_width / 2, d.y + d.r + 16)
             for d in drawn.values()]
    taken += [(d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r) for d in drawn.values()]
    edges = []
    for (source, target), facts in sorted(grouped.items()):
        facts.sort()
        a, b = drawn[source], drawn[target]
        curved = (target, source) in grouped
        path, middle = _edge_path(a, b, curved)
        text = ", ".join(str(data.get("label", key)) for key, data in facts)
        box = (middle[0] - _text_width(text, 10) / 2, middle[1] - 7,
               middle[0] + _text_width(text, 10) / 2, middle[1] + 5)
        shown = not any(_overlaps(box, other) for other in taken)
        if shown:
            taken.append(box)
        sentences = tuple(dict.fromkeys(s for _, data in facts for s in data.get("sentences", ())))
        edges.append(PlacedEdge(source, target, tuple(k for k, _ in facts),
                                tuple(str(d.get("label", k)) for k, d in facts), sentences,
                                path, middle, shown))
    return Placement(drawn, edges, float(width), float(height))


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _spread(points: np.ndarray, half_width: np.ndarray, half_height: np.ndarray,
            offset: np.ndarray, *, rounds: int = 600, gap: float = 6.0) -> np.ndarray:
    """Push apart node boxes that overlap, along the axis where they overlap least."""
    points = points.copy()
    if len(points) < 2:
        return points
    count = len(points)
    for _ in range(rounds):
        centres_x = points[:, 0]
        centres_y = points[:, 1] + offset
        dx = centres_x[:, None] - centres_x[None, :]
        dy = centres_y[:, None] - centres_y[None, :]
        overlap_x = half_width[:, None] + half_width[None, :] + gap - np.abs(dx)
        overlap_y = half_height[:, None] + half_height[None, :] + gap - np.abs(dy)
        clash = (overlap_x > 0) & (overlap_y > 0)
        np.fill_diagonal(clash, False)
        if not clash.any():
            break
        # Identical positions: break the tie by index so the two move apart.
        tie = np.sign(np.arange(count)[:, None] - np.arange(count)[None, :]).astype(float)
        sign_x = np.where(dx == 0, tie, np.sign(dx))
        sign_y = np.where(dy == 0, tie, np.sign(dy))
        along_x = clash & (overlap_x <= overlap_y)
        along_y = clash & ~along_x
        # Each of the two moves half the overlap and half a pixel more: boxes that only touch
        # would otherwise stay "overlapping" by a rounding error for ever.
        points[:, 0] += 0.5 * (np.where(along_x, overlap_x + 1.0, 0) * sign_x).sum(axis=1)
        points[:, 1] += 0.5 * (np.where(along_y, overlap_y + 1.0, 0) * sign_y).sum(axis=1)
    return points


def _edge_path(a: PlacedNode, b: PlacedNode,
               curved: bool) -> tuple[tuple[tuple[float, float], ...], tuple[float, float]]:
    """The ends (and control point) of an edge from ``a`` to ``b``, clipped at the shapes, and
    the point for its label; curved when the two nodes are linked both ways."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1.0
    if curved:
        bend = min(40.0, 0.18 * length)
        control = ((a.x + b.x) / 2 - dy / length * bend, (a.y + b.y) / 2 + dx / length * bend)
    else:
        control = ((a.x + b.x) / 2, (a.y + b.y) / 2)

    def toward(node: PlacedNode, point: tuple[float, float], gap: float) -> tuple[float, float]:
        ux, uy = point[0] - node.x, point[1] - node.y
        size = math.hypot(ux, uy) or 1.0
        return (node.x + ux / size * (node.r + gap), node.y + uy / size * (node.r + gap))

    start, end = toward(a, control, 1.0), toward(b, control, 4.0)
    if curved:
        middle = (0.25 * start[0] + 0.5 * control[0] + 0.25 * end[0],
                  0.25 * start[1] + 0.5 * control[1] + 0.25 * end[1])
        return (start, control, end), middle
    return (start, end), ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)


# --- The interactive page -----------------------------------------------------------------------


__all__ = ["PALETTE", "PlacedEdge", "PlacedNode", "Placement", "Style", "category", "layout",
           "place", "short_label", "styles"]
