"""The entity graph drawn: one self-contained interactive HTML page, or an SVG or PNG picture.

Both draw the placement of :mod:`kg.graphlayout`. The HTML page draws it as inline SVG with a
small script of ours (``web_assets/graph.js``): no CDN, no network. The SVG and PNG pictures are
drawn with matplotlib (Agg, no display needed).

All text comes from news articles and is untrusted: markup is escaped with :func:`html.escape`,
the data the script reads is a JSON block with ``<``, ``>`` and ``&`` escaped, and the page's
Content-Security-Policy allows only our own script and style (by hash) and no network at all.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import InputError, QueryError
from kg.graphlayout import PlacedNode, place, styles
from kg.projection import node_sentences
from kg.views import EntityView

FORMATS = ("html", "svg", "png")
"""What :func:`render` can write; the format is guessed from the output file's extension."""

_EXTENSIONS = {"html": "html", "htm": "html", "svg": "svg", "png": "png"}
_ASSETS = Path(__file__).resolve().parent / "web_assets"

A4_WIDTH_INCHES = 8.27
SENTENCES_PER_NODE = 12
"""How many sentences the HTML page keeps for each node (the count of the others is shown)."""

_MARKERS = {"circle": "o", "square": "s", "hexagon": "h", "diamond": "D", "triangle": "^"}


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


# --- The page -------------------------------------------------------------------------------------


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
    drawing = place(view, graph)
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


def new_figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def save_figure(figure: Any, fmt: str) -> bytes:
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
    drawing = place(view, graph)
    style = styles(view, graph)
    legend_rows = math.ceil(len(style) / 4)
    # Points per pixel of the layout: what fits A4 width, but a small graph is not blown up
    # (at most 0.6 pt per pixel, so a 12 px label is 7 pt).
    width_points = 0.98 * A4_WIDTH_INCHES * 72
    scale = min(width_points / drawing.width, 10.0 * 72 / drawing.height, 0.6)
    drawing_height = max(drawing.height * scale / 72, 2.5)
    legend_height = 0.25 + 0.19 * legend_rows
    total = drawing_height + legend_height + 0.35
    figure = new_figure(A4_WIDTH_INCHES, total)
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
    by_type: dict[str, list[PlacedNode]] = defaultdict(list)
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
    return save_figure(figure, fmt)


__all__ = ["A4_WIDTH_INCHES", "FORMATS", "format_for", "html_page", "new_figure", "picture", "render",
           "save_figure"]
