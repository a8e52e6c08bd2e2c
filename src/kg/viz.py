"""Drawings of the entity view: one self-contained interactive HTML page, SVG and PNG pictures,
and a timeline of events.

Every drawing starts from the same :func:`layout`, computed in Python with networkx (Kamada-Kawai
per connected component, spring layout for large ones, seeded so it is repeatable), packed into
rows and spread so that labels do not sit on each other. The HTML page draws it as inline SVG
with a small script of ours (``web_assets/graph.js``): no CDN, no network. The SVG and PNG
pictures and the timeline are drawn with matplotlib (Agg, no display needed).

All text comes from news articles and is untrusted: markup is escaped with :func:`html.escape`,
the data the script reads is a JSON block with ``<``, ``>`` and ``&`` escaped, and the page's
Content-Security-Policy allows only our own script and style (by hash) and no network at all.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import io
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from kg.errors import InputError, QueryError
from kg.views import EntityView, node_sentences

FORMATS = ("html", "svg", "png")
"""What :func:`render` can write; the format is guessed from the output file's extension."""

_EXTENSIONS = {"html": "html", "htm": "html", "svg": "svg", "png": "png"}
_ASSETS = Path(__file__).resolve().parent / "web_assets"

A4_WIDTH_INCHES = 8.27
UNIT = 95.0
"""Pixels between two linked nodes in the layout."""
LABEL_CHARACTERS = 28
"""Node labels longer than this are shortened on the drawing (never in the side panel)."""
SENTENCES_PER_NODE = 12
"""How many sentences the HTML page keeps for each node (the count of the others is shown)."""

# Shapes say what kind of thing a node is; colours say its class.
_CATEGORY_ORDER = ("person", "organisation", "place", "event", "statistic", "other")
_SHAPES = {"person": "circle", "organisation": "square", "place": "hexagon", "event": "diamond",
           "statistic": "triangle", "other": "circle"}
_MARKERS = {"circle": "o", "square": "s", "hexagon": "h", "diamond": "D", "triangle": "^"}
_PALETTE = (
    "#4e79a7", "#59a14f", "#e15759", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7",
    "#9c755f", "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
    "#7f7f7f", "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#c5b0d5", "#c49c94",
)


def format_for(path: str, *, allowed: Iterable[str] = FORMATS) -> str:
    """The drawing format of an output file, from its extension, or an InputError."""
    allowed = tuple(allowed)
    suffix = Path(path).suffix.lower().lstrip(".")
    fmt = _EXTENSIONS.get(suffix)
    if fmt is None or fmt not in allowed:
        listed = ", ".join(f".{f}" for f in allowed)
        raise InputError(f"cannot draw '{path}': the file name must end in one of {listed}")
    return fmt


def render(view: EntityView, graph: nx.MultiDiGraph | None = None, fmt: str = "html",
           *, title: str | None = None,
           sentences: Mapping[str, list[Any]] | None = None) -> bytes:
    """Draw ``graph`` (a subgraph of the view; the whole view by default) as html, svg or png
    (the page shows ``sentences``, see :func:`html_page`)."""
    graph = view.graph if graph is None else graph
    if fmt == "html":
        return html_page(view, graph, title=title, sentences=sentences).encode("utf-8")
    if fmt in ("svg", "png"):
        return picture(view, graph, fmt, title=title)
    raise InputError(f"unknown drawing format '{fmt}'; choose one of: {', '.join(FORMATS)}")


# --- Styles -------------------------------------------------------------------------------------


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
                                 _PALETTE[index % len(_PALETTE)])
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
class _DrawnNode:
    node: str
    x: float
    y: float
    r: float
    label: str  # shortened for the drawing
    label_width: float


@dataclass(frozen=True)
class _DrawnEdge:
    source: str
    target: str
    properties: tuple[str, ...]
    labels: tuple[str, ...]
    sentences: tuple[str, ...]
    path: tuple[tuple[float, float], ...]  # start, control (curved) or none, end
    label_at: tuple[float, float]
    label_shown: bool


@dataclass(frozen=True)
class _Drawing:
    nodes: dict[str, _DrawnNode]
    edges: list[_DrawnEdge]
    width: float
    height: float


def _short(text: str, limit: int = LABEL_CHARACTERS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _text_width(text: str, size: float) -> float:
    return len(text) * size * 0.56


def _radius(mentions: int) -> float:
    return min(24.0, 8.0 + 3.2 * math.sqrt(max(mentions, 1)))


def _drawing(view: EntityView, graph: nx.MultiDiGraph) -> _Drawing:
    """Pixel positions of nodes, labels and edges, spread so that labels do not overlap."""
    positions = layout(graph)
    order = sorted(graph.nodes)
    labels = {n: _short(view.label(n)) for n in order}
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
        drawn[node] = _DrawnNode(node, float(points[index, 0] + margin + half_width.max()),
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
        edges.append(_DrawnEdge(source, target, tuple(k for k, _ in facts),
                                tuple(str(d.get("label", k)) for k, d in facts), sentences,
                                path, middle, shown))
    return _Drawing(drawn, edges, float(width), float(height))


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


def _edge_path(a: _DrawnNode, b: _DrawnNode,
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

    def toward(node: _DrawnNode, point: tuple[float, float], gap: float) -> tuple[float, float]:
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


def _shape_svg(shape: str, r: float, colour: str, extra: str = "") -> str:
    fill = f'fill="{colour}"'
    if shape == "square":
        side = r * 1.7
        return (f'<rect class="shape" x="{-side / 2:.1f}" y="{-side / 2:.1f}" width="{side:.1f}" '
                f'height="{side:.1f}" rx="3" {fill}{extra}/>')
    if shape in ("hexagon", "diamond", "triangle"):
        corners = {"hexagon": [(math.cos(a) * r * 1.05, math.sin(a) * r * 1.05)
                               for a in (math.pi / 6 + k * math.pi / 3 for k in range(6))],
                   "diamond": [(0, -r * 1.25), (r * 1.25, 0), (0, r * 1.25), (-r * 1.25, 0)],
                   "triangle": [(0, -r * 1.3), (r * 1.15, r * 0.75), (-r * 1.15, r * 0.75)]}
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in corners[shape])
        return f'<polygon class="shape" points="{points}" {fill}{extra}/>'
    return f'<circle class="shape" r="{r:.1f}" {fill}{extra}/>'


def _json_for_script(data: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can end it or open a tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()


def html_page(view: EntityView, graph: nx.MultiDiGraph | None = None, *,
              title: str | None = None,
              sentences: Mapping[str, list[Any]] | None = None) -> str:
    """The interactive page for ``graph``: one self-contained HTML file (inline SVG, our own
    script and style, the data as JSON), working offline. ``sentences`` (node → Sentence list)
    are fetched from the view's store when not given."""
    graph = view.graph if graph is None else graph
    drawing = _drawing(view, graph)
    style = styles(view, graph)
    order = sorted(drawing.nodes)
    index = {node: i for i, node in enumerate(order)}
    if sentences is None:
        sentences = node_sentences(view.location, order) if order else {}
    texts: dict[tuple[str, str], int] = {}
    sentence_rows: list[dict[str, str]] = []

    def sentence_index(text: str, article_title: str = "") -> int:
        key = (text, article_title)
        if key not in texts:
            texts[key] = len(sentence_rows)
            sentence_rows.append({"text": text, "title": article_title})
        return texts[key]

    nodes_data = []
    for node in order:
        data, drawn = graph.nodes[node], drawing.nodes[node]
        found = list(sentences.get(node, []))
        nodes_data.append({
            "id": node, "label": view.label(node), "type": data.get("type", ""),
            "kind": data.get("kind", ""), "mentions": int(data.get("mentions", 0) or 0),
            "alt": list(data.get("alt_labels", ())),
            "date": data.get("date") or data.get("start_date") or "",
            "x": round(drawn.x, 1), "y": round(drawn.y, 1), "r": round(drawn.r, 1),
            "w": round(max(2 * drawn.r, drawn.label_width), 1),
            "sentences": [sentence_index(s.text, s.title) for s in found[:SENTENCES_PER_NODE]],
            "more": max(0, len(found) - SENTENCES_PER_NODE),
        })
    edges_data = [{"s": index[e.source], "t": index[e.target], "labels": list(e.labels),
                   "properties": list(e.properties),
                   "sentences": [sentence_index(s) for s in e.sentences]}
                  for e in drawing.edges]
    heading = title or f"Entity graph of {Path(view.location).name or view.location}"
    payload = {"title": heading, "nodes": nodes_data, "edges": edges_data,
               "sentences": sentence_rows}

    svg: list[str] = [
        f'<svg id="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {drawing.width:.0f} '
        f'{drawing.height:.0f}" preserveAspectRatio="xMidYMid meet" role="img" '
        f'aria-label="{html.escape(heading)}">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#9aa3b0"/></marker><marker id="arrow-hl" viewBox="0 0 10 10" refX="9" '
        'refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#d9480f"/></marker></defs>',
        '<g class="edges">',
    ]
    for number, edge in enumerate(drawing.edges):
        points = edge.path
        if len(points) == 3:
            d = (f"M{points[0][0]:.1f},{points[0][1]:.1f} Q{points[1][0]:.1f},{points[1][1]:.1f}"
                 f" {points[2][0]:.1f},{points[2][1]:.1f}")
        else:
            d = f"M{points[0][0]:.1f},{points[0][1]:.1f} L{points[1][0]:.1f},{points[1][1]:.1f}"
        text_class = "" if edge.label_shown else ' class="minor"'
        svg.append(
            f'<g class="edge" data-i="{number}"><path class="hit" d="{d}"/>'
            f'<path class="line" d="{d}" marker-end="url(#arrow)"/>'
            f'<text x="{edge.label_at[0]:.1f}" y="{edge.label_at[1]:.1f}" text-anchor="middle"'
            f'{text_class}>{html.escape(", ".join(edge.labels))}</text></g>')
    svg.append('</g><g class="nodes">')
    for node in order:
        drawn = drawing.nodes[node]
        node_style = style[str(graph.nodes[node].get("type", ""))]
        svg.append(
            f'<g class="node" data-i="{index[node]}" '
            f'transform="translate({drawn.x:.1f},{drawn.y:.1f})">'
            f'{_shape_svg(node_style.shape, drawn.r, node_style.colour)}'
            f'<text y="{drawn.r + 14:.1f}" text-anchor="middle">{html.escape(drawn.label)}</text>'
            '</g>')
    svg.append("</g></svg>")

    counts = Counter(str(graph.nodes[n].get("type", "")) for n in order)
    legend = ['<div id="legend"><div class="legend-title">Types (click to hide)</div><ul>']
    for node_type, node_style in style.items():
        swatch = _shape_svg(node_style.shape, 6, node_style.colour)
        legend.append(
            f'<li data-type="{html.escape(node_type)}"><svg width="18" height="18" '
            f'viewBox="-9 -9 18 18">{swatch}</svg>{html.escape(node_type)} '
            f'({counts[node_type]})</li>')
    legend.append("</ul></div>")

    script = (_ASSETS / "graph.js").read_text(encoding="utf-8")
    css = (_ASSETS / "graph.css").read_text(encoding="utf-8")
    policy = (f"default-src 'none'; script-src '{_hash(script)}'; style-src '{_hash(css)}'; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(heading)}</title>",
        f"<style>{css}</style>",
        "</head><body>",
        f'<header><h1>{html.escape(heading)}</h1><span class="counts">'
        f"{len(order)} nodes · {len(drawing.edges)} links</span>"
        '<span class="spacer"></span>'
        '<input id="search" type="search" placeholder="Search names…" autocomplete="off" '
        'aria-label="Search names"><span id="search-count"></span>'
        '<button id="fit" type="button">Fit</button>'
        '<button id="show-all" type="button">Show all</button></header>',
        '<main><div id="canvas">',
        "".join(svg),
        '</div><aside id="side">',
        "".join(legend),
        '<div id="panel" aria-live="polite"></div></aside></main>',
        '<div id="tooltip" role="tooltip"></div>',
        f'<script id="kg-data" type="application/json">{_json_for_script(payload)}</script>',
        f"<script>{script}</script>",
        "</body></html>",
        "",
    ])


# --- Static pictures ----------------------------------------------------------------------------


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def _save(figure: Any, fmt: str) -> bytes:
    import matplotlib

    buffer = io.BytesIO()
    # Text stays text in SVG (searchable, selectable); the output does not change between runs.
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kg"}):
        figure.savefig(buffer, format=fmt, dpi=200, metadata=_metadata(fmt))
    return buffer.getvalue()


def _metadata(fmt: str) -> dict[str, Any]:
    if fmt == "svg":
        return {"Date": None, "Creator": "kg"}
    return {"Software": "kg"}


def picture(view: EntityView, graph: nx.MultiDiGraph | None = None, fmt: str = "svg",
            *, title: str | None = None) -> bytes:
    """The graph as an SVG or PNG picture sized for A4 width: shapes and colours by class,
    labels, relation labels where they fit, and a legend."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    graph = view.graph if graph is None else graph
    if graph.number_of_nodes() == 0:
        raise QueryError("nothing to draw: the graph has no nodes")
    drawing = _drawing(view, graph)
    style = styles(view, graph)
    legend_rows = math.ceil(len(style) / 4)
    # Points per pixel of the layout: what fits A4 width, but a small graph is not blown up
    # (at most 0.6 pt per pixel, so a 12 px label is 7 pt).
    width_points = 0.98 * A4_WIDTH_INCHES * 72
    scale = min(width_points / drawing.width, 10.0 * 72 / drawing.height, 0.6)
    drawing_height = max(drawing.height * scale / 72, 2.5)
    legend_height = 0.25 + 0.19 * legend_rows
    total = drawing_height + legend_height + 0.35
    figure = _figure(A4_WIDTH_INCHES, total)
    axes = figure.add_axes((0.01, (legend_height + 0.05) / total, 0.98, drawing_height / total))
    axes.set_axis_off()
    # The drawing in the middle of the page, at ``scale``.
    shown_width, shown_height = width_points / scale, drawing_height * 72 / scale
    left, top = (drawing.width - shown_width) / 2, (drawing.height - shown_height) / 2
    axes.set_xlim(left, left + shown_width)
    axes.set_ylim(top + shown_height, top)
    axes.set_aspect("equal", adjustable="box")
    # A white box behind labels, not a stroke effect: with an effect the SVG would hold the
    # letters as outlines instead of text.
    halo = {"boxstyle": "round,pad=0.08", "facecolor": "white", "edgecolor": "none",
            "alpha": 0.75}
    for edge in drawing.edges:
        start, end = edge.path[0], edge.path[-1]
        curve = "arc3,rad=-0.2" if len(edge.path) == 3 else "arc3"
        axes.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=6,
                                       connectionstyle=curve, color="#9aa3b0", linewidth=0.6,
                                       shrinkA=0, shrinkB=0, zorder=1))
        if edge.label_shown and len(drawing.edges) <= 200:
            axes.text(edge.label_at[0], edge.label_at[1], ", ".join(edge.labels), fontsize=4.5,
                      color="#5b6473", ha="center", va="center", zorder=2, parse_math=False,
                      bbox=halo)
    by_type: dict[str, list[_DrawnNode]] = defaultdict(list)
    for node, drawn in drawing.nodes.items():
        by_type[str(graph.nodes[node].get("type", ""))].append(drawn)
    for node_type, drawn_nodes in by_type.items():
        node_style = style[node_type]
        axes.scatter([d.x for d in drawn_nodes], [d.y for d in drawn_nodes],
                     s=[(2 * d.r * scale * 0.95) ** 2 for d in drawn_nodes],
                     marker=_MARKERS[node_style.shape], c=node_style.colour,
                     edgecolors="white", linewidths=0.6, zorder=3)
    font = max(4.5, min(7.0, 12 * scale))
    for drawn in drawing.nodes.values():
        axes.text(drawn.x, drawn.y + drawn.r + 2, drawn.label, fontsize=font, ha="center",
                  va="top", color="#1d2330", zorder=4, parse_math=False, bbox=halo)
    counts = Counter(str(graph.nodes[n].get("type", "")) for n in graph.nodes)
    handles = [Line2D([], [], linestyle="none", marker=_MARKERS[s.shape], markersize=8,
                      markerfacecolor=s.colour, markeredgecolor="white",
                      label=f"{s.type} ({counts[s.type]})") for s in style.values()]
    figure.legend(handles=handles, loc="lower center", ncol=min(4, len(handles)), fontsize=7,
                  frameon=False, bbox_to_anchor=(0.5, 0.01))
    heading = title or f"Entity graph: {graph.number_of_nodes()} nodes, " \
                       f"{graph.number_of_edges()} facts"
    figure.suptitle(heading, fontsize=9, y=1 - 0.08 / total, va="top")
    return _save(figure, fmt)


# --- Timeline -----------------------------------------------------------------------------------

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _period(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an xsd:date, gYearMonth or gYear covers (None if unreadable)."""
    if not value:
        return None
    found = _DATE.match(value.strip())
    if not found:
        return None
    year, month, day = (int(g) if g else None for g in found.groups())
    assert year is not None
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return dt.date(year, month, 1), following - dt.timedelta(days=1)
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class TimelineEvent:
    """An event placed in time: the period its date covers, its class and label."""

    node: str
    type: str
    label: str
    start: dt.date
    end: dt.date


def timeline_events(view: EntityView) -> list[TimelineEvent]:
    """The events of the view that have a date (kgo:date, else kgo:startDate/endDate), in time
    order."""
    found = []
    for node, data in view.graph.nodes(data=True):
        if data.get("kind") != "event":
            continue
        period = _period(data.get("date"))
        start, end = _period(data.get("start_date")), _period(data.get("end_date"))
        if start is not None:
            period = (start[0], end[1] if end else (period[1] if period else start[1]))
        if period is None:
            continue
        found.append(TimelineEvent(node, str(data.get("type", "")), view.label(node), *period))
    found.sort(key=lambda e: (e.start, e.type, e.label))
    return found


def _eras(events: list[TimelineEvent]) -> list[tuple[dt.date, dt.date]]:
    """Split the time axis where nothing happens for long (a 1953 treaty and 2024 news): each
    era gets its own panel; at most three."""
    periods = sorted((e.start, e.end) for e in events)
    total = max((periods[-1][1] - periods[0][0]).days, 1)
    eras = [[periods[0][0], periods[0][1]]]
    for start, end in periods[1:]:
        if (start - eras[-1][1]).days > 0.12 * total:
            eras.append([start, end])
        else:
            eras[-1][1] = max(eras[-1][1], end)
    while len(eras) > 3:  # merge the two closest neighbours
        gaps = [(eras[i + 1][0] - eras[i][1]).days for i in range(len(eras) - 1)]
        i = gaps.index(min(gaps))
        eras[i:i + 2] = [[eras[i][0], eras[i + 1][1]]]
    padded = []
    for start, end in eras:
        margin = dt.timedelta(days=max(45, (end - start).days * 0.06))
        padded.append((start - margin, end + margin))
    return padded


def timeline(view: EntityView, fmt: str = "png") -> bytes:
    """The dated events on a time axis, one row per event class, coloured by class; a date
    that is only a month or a year is drawn as a bar over that month or year. Long empty
    stretches of time are cut out (the axis breaks into up to three panels)."""
    from matplotlib import dates as mdates

    events = timeline_events(view)
    if not events:
        raise QueryError("no event in the store has a date (kgo:date or kgo:startDate): "
                      "nothing to put on a timeline")
    types = sorted({e.type for e in events},
                   key=lambda t: min(e.start for e in events if e.type == t))
    colours = {t: _PALETTE[i % len(_PALETTE)] for i, t in enumerate(sorted(types))}
    row = {t: i for i, t in enumerate(types)}
    eras = _eras(events)
    spans = [(end - start).days for start, end in eras]
    ratios = [max(span, 0.18 * sum(spans)) for span in spans]
    height = min(11.0, 1.5 + 0.5 * len(types) + 0.05 * len(events))
    figure = _figure(A4_WIDTH_INCHES, height)
    grid = figure.add_gridspec(1, len(eras), width_ratios=ratios, wspace=0.04, left=0.2,
                               right=0.98, bottom=0.45 / height + 0.02, top=1 - 0.5 / height)
    halo = {"boxstyle": "round,pad=0.05", "facecolor": "white", "edgecolor": "none",
            "alpha": 0.7}
    lanes: dict[tuple[int, str], list[float]] = defaultdict(list)
    axes_list: list[Any] = []
    for number, (era_start, era_end) in enumerate(eras):
        axes = figure.add_subplot(grid[0, number], sharey=axes_list[0] if axes_list else None)
        axes_list.append(axes)
        axes.set_xlim(era_start, era_end)
        era_days = max((era_end - era_start).days, 1)
        for event in events:
            if not (era_start <= event.start <= era_end):
                continue
            y, colour = row[event.type], colours[event.type]
            middle = event.start + (event.end - event.start) / 2
            if event.end > event.start:
                axes.plot([event.start, event.end + dt.timedelta(days=1)], [y, y], color=colour,
                          linewidth=6, alpha=0.35, solid_capstyle="butt", zorder=2)
            axes.plot([middle], [y], marker="o", markersize=5, color=colour,
                      markeredgecolor="white", markeredgewidth=0.6, zorder=3)
            # Labels point into the panel, and stack when events of a class are close.
            label = _short(event.label, 34)
            position = (middle - era_start).days / era_days
            width = len(label) * 5.5 * 0.55 / (A4_WIDTH_INCHES * 72 * 0.78
                                               * ratios[number] / sum(ratios))
            leftwards = position + width > 1.0
            extent = (position - width, position) if leftwards else (position, position + width)
            ends = lanes[(number, event.type)]
            lane = 0
            while lane < len(ends) and ends[lane] > extent[0]:
                lane += 1
            if lane == len(ends):
                ends.append(extent[1])
            else:
                ends[lane] = extent[1]
            axes.annotate(label, (middle, y), xytext=(-3 if leftwards else 3, 5 + 7.5 * lane),
                          textcoords="offset points", fontsize=5.5, color="#1d2330",
                          ha="right" if leftwards else "left", annotation_clip=False,
                          bbox=halo, zorder=4)
        locator = mdates.AutoDateLocator(minticks=2, maxticks=max(4, round(9 * ratios[number]
                                                                           / sum(ratios))))
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        axes.tick_params(axis="x", labelsize=6.5)
        axes.grid(axis="x", color="#e3e6ea", linewidth=0.6)
        axes.set_axisbelow(True)
        axes.spines["top"].set_visible(False)
        axes.spines["right"].set_visible(False)
        if number > 0:
            axes.spines["left"].set_linestyle((0, (2, 2)))
            axes.tick_params(axis="y", left=False, labelleft=False)
    first = axes_list[0]
    first.set_yticks(range(len(types)), types, fontsize=7)
    stacked = max(len(v) for v in lanes.values())
    first.set_ylim(-0.6, len(types) - 0.4 + 0.3 * stacked)
    for name, colour in colours.items():
        first.get_yticklabels()[row[name]].set_color(colour)
    undated = sum(1 for _, d in view.graph.nodes(data=True) if d.get("kind") == "event") - len(
        events)
    note = f"; {undated} undated events not shown" if undated else ""
    cut = "; the axis is cut where nothing happens for long" if len(eras) > 1 else ""
    figure.suptitle(f"Timeline: {len(events)} dated events{note}{cut}", fontsize=9,
                    y=1 - 0.12 / height, va="top")
    return _save(figure, fmt)


__all__ = ["FORMATS", "Style", "TimelineEvent", "category", "format_for", "html_page",
           "layout", "picture", "render", "styles", "timeline", "timeline_events"]
