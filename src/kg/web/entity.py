"""What the store says about one entity, as an HTML page (neighbourhood drawn in SVG) or JSON.

:func:`entity_facts` gathers everything in one pass (a job for :mod:`kg.web.runner`) into a
plain dictionary, which is the JSON twin of the page; :func:`entity_page` renders that same
dictionary as HTML, so the two never disagree.
"""

from __future__ import annotations

import time
from typing import Any

import pyoxigraph

from kg.errors import RequestError
from kg.query import shorten
from kg.stores import Store
from kg.vocab import PREFIXES
from kg.web.layout import attribute, entity_path, escape, page

_RDF = PREFIXES["rdf"]
_RDFS = PREFIXES["rdfs"]
_KGO = PREFIXES["kgo"]
_PROLOGUE = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
_LABEL = _RDFS + "label"
_TYPE = _RDF + "type"
_ALIAS = PREFIXES["skos"] + "altLabel"
_SAME_AS = PREFIXES["owl"] + "sameAs"
_DERIVED_FROM = PREFIXES["prov"] + "wasDerivedFrom"
_NEIGHBOURS = 18
"""At most this many nodes around the entity in its neighbourhood drawing."""


def local_name(iri: str) -> str:
    """The last part of an IRI, after ``#`` or ``/``: ``kgo:leaderOf`` → ``leaderOf``."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or iri


def _text(term: Any) -> str | None:
    if term is None:
        return None
    if isinstance(term, pyoxigraph.BlankNode):
        return "_:" + term.value
    return str(term.value) if hasattr(term, "value") else str(term)


def _rows(store: Store, deadline: float, sparql: str) -> list[dict[str, str | None]]:
    if time.monotonic() > deadline:
        raise RequestError(504, "the entity page ran out of time")
    result = store.query(_PROLOGUE + sparql)
    assert isinstance(result, pyoxigraph.QuerySolutions)
    names = [variable.value for variable in result.variables]
    unique = {tuple(_text(term) for term in solution): None for solution in result}
    return [dict(zip(names, row, strict=True)) for row in unique]


def entity_facts(store: Store, deadline: float, iri: str) -> dict[str, Any] | None:
    """Everything about the entity ``iri``: label, types, aliases, attributes, relations out
    and in, events and figures it takes part in, the sentences it was read from, and its
    neighbourhood as nodes and edges; None when the store has no triple about it."""
    try:
        node = str(pyoxigraph.NamedNode(iri))
    except ValueError:
        return None
    out = _rows(store, deadline, f"""SELECT ?p ?o ?label ?literal WHERE {{
        {node} ?p ?o . BIND(isLiteral(?o) AS ?literal) OPTIONAL {{ ?o rdfs:label ?label }} }}""")
    if not out:
        return None
    facts: dict[str, Any] = {
        "iri": iri, "label": None, "labels": [], "types": [], "aliases": [], "same_as": [],
        "attributes": [], "relations_out": [], "relations_in": [], "events": [],
        "figures": [], "sentences": [],
    }
    for row in sorted(out, key=lambda r: (r["p"] or "", r["o"] or "")):
        prop, value = row["p"] or "", row["o"] or ""
        if prop == _LABEL:
            facts["labels"].append(value)
        elif prop == _TYPE:
            facts["types"].append({"iri": value, "name": shorten(value).strip("<>")})
        elif prop == _ALIAS:
            facts["aliases"].append(value)
        elif prop == _SAME_AS:
            facts["same_as"].append(value)
        elif prop == _DERIVED_FROM:
            continue
        elif row["literal"] == "true":
            facts["attributes"].append({"property": prop, "name": local_name(prop), "value": value})
        else:
            facts["relations_out"].append({
                "property": prop, "name": local_name(prop), "target": value,
                "label": row["label"], "href": entity_path(value),
            })
    facts["label"] = facts["labels"][0] if facts["labels"] else local_name(iri)
    facts["types"].sort(key=lambda t: (not t["iri"].startswith(_KGO), t["name"]))

    incoming = _rows(store, deadline, f"""SELECT ?s ?p ?label WHERE {{ ?s ?p {node}
        FILTER(STRSTARTS(STR(?s), STR(kgr:))) OPTIONAL {{ ?s rdfs:label ?label }} }}""")
    facts["relations_in"] = sorted(
        ({"property": r["p"], "name": local_name(r["p"] or ""), "source": r["s"],
          "label": r["label"], "href": entity_path(r["s"] or "")} for r in incoming),
        key=lambda r: (r["name"], r["label"] or r["source"] or ""),
    )
    facts["events"] = _events(store, deadline, node)
    facts["figures"] = [
        {"iri": r["figure"], "role": local_name(r["role"] or ""), "label": r["label"],
         "value": r["value"], "unit": r["unit"]}
        for r in _rows(store, deadline, f"""SELECT ?figure ?role ?label ?value ?unit WHERE {{
            ?figure a kgo:Statistic ; ?role {node} .
            OPTIONAL {{ ?figure rdfs:label ?label }} OPTIONAL {{ ?figure kgo:value ?value }}
            OPTIONAL {{ ?figure kgo:unit ?unit }} }} ORDER BY ?figure""")
    ]
    facts["sentences"] = [
        {"text": r["text"], "article": r["article"], "title": r["title"], "index": r["index"]}
        for r in _rows(store, deadline, f"""SELECT ?text ?article ?title ?index WHERE {{
            {node} prov:wasDerivedFrom ?sentence . ?sentence kgo:anchorOf ?text .
            OPTIONAL {{ ?sentence kgo:sentenceOf ?article
                        OPTIONAL {{ ?article rdfs:label ?title }} }}
            OPTIONAL {{ ?sentence kgo:sentenceIndex ?index }}
        }} ORDER BY ?article ?index""")
    ]
    facts["neighbourhood"] = neighbourhood(facts)
    return facts


def _events(store: Store, deadline: float, node: str) -> list[dict[str, Any]]:
    rows = _rows(store, deadline, f"""SELECT ?event ?role ?label ?class ?date ?start ?end
        ?timeText ?negated ?sentence ?article ?begin WHERE {{
        ?event a schema:Event ; ?role {node} .
        OPTIONAL {{ ?event rdfs:label ?label }}
        OPTIONAL {{ ?event a ?class FILTER(STRSTARTS(STR(?class), STR(kgo:))) }}
        OPTIONAL {{ ?event kgo:date ?date }} OPTIONAL {{ ?event kgo:startDate ?start }}
        OPTIONAL {{ ?event kgo:endDate ?end }} OPTIONAL {{ ?event kgo:timeText ?timeText }}
        OPTIONAL {{ ?event kgo:negated ?negated }} OPTIONAL {{ ?event kgo:inArticle ?article }}
        OPTIONAL {{ ?event kgo:beginIndex ?begin }}
        OPTIONAL {{ ?event prov:wasDerivedFrom ?s . ?s kgo:anchorOf ?sentence }} }}""")
    others = _rows(store, deadline, f"""SELECT ?event ?role ?other ?label WHERE {{
        ?event a schema:Event ; ?any {node} ; ?role ?other .
        FILTER(?other != {node} && STRSTARTS(STR(?other), STR(kgr:)))
        OPTIONAL {{ ?other rdfs:label ?label }} }}""")
    events: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        key = (row["event"] or "", row["role"] or "")
        if key in events:
            continue
        when = row["date"] or "/".join(v for v in (row["start"], row["end"]) if v) or None
        events[key] = {
            "iri": row["event"], "role": local_name(row["role"] or ""), "label": row["label"],
            "type": local_name(row["class"]) if row["class"] else "Event", "when": when,
            "time_text": row["timeText"], "negated": row["negated"] == "true",
            "sentence": row["sentence"], "article": row["article"],
            "begin": int(row["begin"]) if row["begin"] and row["begin"].isdigit() else None,
            "with": [],
        }
    for row in sorted(others, key=lambda r: (r["label"] or r["other"] or "")):
        entry = {"iri": row["other"], "label": row["label"], "role": local_name(row["role"] or ""),
                 "href": entity_path(row["other"] or "")}
        for record in events.values():
            if record["iri"] == row["event"] and entry not in record["with"]:
                record["with"].append(entry)
    return sorted(
        events.values(),
        key=lambda e: (e["when"] is None, e["when"] or "", e["article"] or "", e["begin"] or 0),
    )


# --- Neighbourhood ----------------------------------------------------------------------------


def neighbourhood(facts: dict[str, Any]) -> dict[str, Any]:
    """The entity and what it touches, as nodes and edges (at most ``_NEIGHBOURS`` nodes
    around it): related entities, the events it takes part in, and their other participants."""
    center = facts["iri"]
    nodes: dict[str, dict[str, Any]] = {
        center: {"id": center, "label": facts["label"], "kind": "center", "href": None},
    }
    edges: list[dict[str, str]] = []
    skipped = 0

    def add(iri: str, label: str | None, kind: str, href: str | None) -> bool:
        nonlocal skipped
        if iri not in nodes:
            if len(nodes) > _NEIGHBOURS:
                skipped += 1
                return False
            nodes[iri] = {"id": iri, "label": label or local_name(iri), "kind": kind,
                          "href": href}
        return True

    for relation in facts["relations_out"]:
        if add(relation["target"], relation["label"], "entity", relation["href"]):
            edges.append({"source": center, "target": relation["target"],
                          "label": relation["name"]})
    for relation in facts["relations_in"]:
        if add(relation["source"], relation["label"], "entity", relation["href"]):
            edges.append({"source": relation["source"], "target": center,
                          "label": relation["name"]})
    for event in facts["events"]:
        if not add(event["iri"], event["type"], "event", None):
            continue
        edges.append({"source": event["iri"], "target": center, "label": event["role"]})
        for other in event["with"]:
            if add(other["iri"], other["label"], "entity", other["href"]):
                edges.append({"source": event["iri"], "target": other["iri"],
                              "label": other["role"]})
    # Edges between the same two nodes in the same direction become one, their labels joined.
    merged: dict[tuple[str, str], list[str]] = {}
    for edge in edges:
        labels = merged.setdefault((edge["source"], edge["target"]), [])
        if edge["label"] not in labels:
            labels.append(edge["label"])
    return {
        "nodes": list(nodes.values()),
        "edges": [{"source": source, "target": target, "label": ", ".join(labels)}
                  for (source, target), labels in merged.items()],
        "more": skipped,
    }


def _positions(graph: dict[str, Any], width: float, height: float, margin_x: float,
               margin_y: float) -> dict[str, tuple[float, float]]:
    """Where each node of the neighbourhood goes in a ``width`` × ``height`` picture: the
    layout every kg drawing uses (:func:`kg.graphlayout.layout`), scaled into the picture less
    its margins, the entity's own node in the middle."""
    import networkx as nx

    from kg.graphlayout import layout

    linked = nx.Graph()
    linked.add_nodes_from(node["id"] for node in graph["nodes"])
    linked.add_edges_from((edge["source"], edge["target"]) for edge in graph["edges"])
    placed = layout(linked)
    center = placed[graph["nodes"][0]["id"]]
    # Centred on the entity: the farthest node on each side sets the scale, the same both ways.
    reach_x = max(abs(x - center[0]) for x, _ in placed.values()) or 1.0
    reach_y = max(abs(y - center[1]) for _, y in placed.values()) or 1.0
    scale = min((width / 2 - margin_x) / reach_x, (height / 2 - margin_y) / reach_y)
    return {node: (width / 2 + (x - center[0]) * scale, height / 2 + (y - center[1]) * scale)
            for node, (x, y) in placed.items()}


def neighbourhood_svg(graph: dict[str, Any], title: str) -> str:
    """The neighbourhood as inline SVG: the entity in the middle, the rest laid out around it
    as in every kg drawing (an event next to its participants), edges labelled with the
    property or role."""
    from kg.graphlayout import short_label

    width, height = 760, 420
    cx, cy, rx = width / 2, height / 2, width / 2 - 150
    position = _positions(graph, width, height, 150, 50)
    lines, labels, circles = [], [], []
    for edge in graph["edges"]:
        (x1, y1), (x2, y2) = position[edge["source"]], position[edge["target"]]
        lines.append(f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" '
                     f'y2="{y2:.1f}"/>')
        # 40 % of the way from the source, so the labels of A→B and B→A do not overlap.
        lx, ly = x1 + (x2 - x1) * 0.4, y1 + (y2 - y1) * 0.4
        labels.append(f'<text class="edge-label" x="{lx:.1f}" y="{ly - 3:.1f}">'
                      f'{escape(short_label(edge["label"]))}</text>')
    for node in graph["nodes"]:
        x, y = position[node["id"]]
        radius = 11 if node["kind"] == "center" else 7
        if node["kind"] == "center":
            anchor, tx, ty = "middle", x, y + radius + 15
        else:
            side = (x - cx) / rx
            anchor = "start" if side > 0.25 else "end" if side < -0.25 else "middle"
            tx = x + (radius + 5) * (1 if anchor == "start" else -1 if anchor == "end" else 0)
            ty = y + (4 if anchor != "middle" else (-12 if y < cy else 20))
        shape = (f'<circle class="node node-{node["kind"]}" cx="{x:.1f}" cy="{y:.1f}" '
                 f'r="{radius}"/>')
        if node["kind"] == "event":
            shape = (f'<rect class="node node-event" x="{x - 7:.1f}" y="{y - 7:.1f}" '
                     f'width="14" height="14" transform="rotate(45 {x:.1f} {y:.1f})"/>')
        text = (f'<text class="node-label" x="{tx:.1f}" y="{ty:.1f}" '
                f'text-anchor="{anchor}">{escape(short_label(node["label"], 34))}</text>')
        hover = f"<title>{escape(node['label'])}</title>"
        if node["href"]:
            circles.append(f'<a href={attribute(node["href"])}>{shape}{text}{hover}</a>')
        else:
            circles.append(f"<g>{shape}{text}{hover}</g>")
    return (
        f'<svg class="graph" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label={attribute("Neighbourhood of " + title)} '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<g class="edges">{"".join(lines)}</g><g class="edge-labels">{"".join(labels)}</g>'
        f'<g class="nodes">{"".join(circles)}</g></svg>'
    )


# --- The page ---------------------------------------------------------------------------------


def _link(iri: str | None, label: str | None, href: str | None) -> str:
    text = escape(label or (local_name(iri) if iri else ""))
    if href:
        return f"<a href={attribute(href)}>{text}</a>"
    return f"<span title={attribute(iri or '')}>{text}</span>"


def _external(iri: str) -> str:
    if iri.startswith(("http://", "https://")):
        return f'<a href={attribute(iri)} rel="noopener noreferrer">{escape(iri)}</a>'
    return escape(iri)


def entity_page(facts: dict[str, Any]) -> str:
    """The HTML page of an entity, from the dictionary :func:`entity_facts` returned."""
    label = facts["label"]
    parts = [
        '<p class="types">'
        + "".join(f'<span class="chip" title={attribute(t["iri"])}>{escape(t["name"])}</span>'
                  for t in facts["types"])
        + "</p>",
        f'<p class="iri"><code>{escape(facts["iri"])}</code> · '
        f'<a href="?format=turtle">Turtle</a> · <a href="?format=nt">N-Triples</a> · '
        f'<a href="?format=jsonld">JSON-LD</a> · <a href="?format=json">JSON</a></p>',
    ]
    facts_rows = []
    if facts["aliases"]:
        facts_rows.append(("also known as", ", ".join(escape(a) for a in facts["aliases"])))
    for extra in facts["labels"][1:]:
        facts_rows.append(("label", escape(extra)))
    for attribute_row in facts["attributes"]:
        facts_rows.append((escape(attribute_row["name"]), escape(attribute_row["value"])))
    for iri in facts["same_as"]:
        facts_rows.append(("same as", _external(iri)))
    if facts_rows:
        parts.append('<table class="facts">' + "".join(
            f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in facts_rows
        ) + "</table>")

    graph = facts["neighbourhood"]
    parts.append("<h2>Neighbourhood</h2>")
    parts.append(f'<figure class="neighbourhood">{neighbourhood_svg(graph, label)}')
    if graph["more"]:
        parts.append(f"<figcaption>and {graph['more']} more not drawn</figcaption>")
    parts.append("</figure>")

    relations = [
        f"<li>{escape(label)} <em>{escape(r['name'])}</em> "
        f"{_link(r['target'], r['label'], r['href'])}</li>" for r in facts["relations_out"]
    ] + [
        f"<li>{_link(r['source'], r['label'], r['href'])} <em>{escape(r['name'])}</em> "
        f"{escape(label)}</li>" for r in facts["relations_in"]
    ]
    if relations:
        parts.append("<h2>Relations</h2><ul class=\"relations\">" + "".join(relations) + "</ul>")

    if facts["events"]:
        rows = []
        for event in facts["events"]:
            others = ", ".join(
                f"{_link(o['iri'], o['label'], o['href'])} <em>({escape(o['role'])})</em>"
                for o in event["with"]
            )
            negated = ' <span class="chip chip-warn">did not happen</span>' \
                if event["negated"] else ""
            rows.append(
                f"<tr><td>{escape(event['type'])}{negated}</td><td>{escape(event['role'])}</td>"
                f"<td>{escape(event['when'] or event['time_text'] or '')}</td><td>{others}</td>"
                f"<td class=\"sentence\">{escape(event['sentence'] or '')}</td></tr>"
            )
        parts.append(
            "<h2>Events</h2><table class=\"results\"><thead><tr><th>event</th><th>role</th>"
            "<th>when</th><th>with</th><th>sentence</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>"
        )
    if facts["figures"]:
        parts.append("<h2>Figures</h2><ul>" + "".join(
            f"<li><em>{escape(f['role'])}</em> {escape(f['label'] or f['iri'])}</li>"
            for f in facts["figures"]
        ) + "</ul>")
    if facts["sentences"]:
        quotes = []
        for sentence in facts["sentences"]:
            source = sentence["title"] or sentence["article"] or ""
            quotes.append(f"<blockquote>{escape(sentence['text'])}"
                          f"<cite>{escape(source)}</cite></blockquote>")
        parts.append("<h2>Source sentences</h2>" + "".join(quotes))
    return page(label, "\n".join(parts))
