// The query page of `kg serve`: pick or write a SPARQL query, run it against /sparql, show
// solutions as a table and graphs (CONSTRUCT, DESCRIBE, entity neighbourhoods) as SVG.
// Every value comes from untrusted articles: the DOM is built with textContent and
// setAttribute only, never from HTML strings, and only our own entity IRIs become links.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
const MAX_TABLE_ROWS = 2000;
const MAX_GRAPH_NODES = 60;
const ENTITY_LIST_QUERY = `SELECT ?entity (SAMPLE(?name) AS ?label) (SAMPLE(?kind) AS ?type)
WHERE {
  ?entity rdfs:label ?name ; a ?kind .
  FILTER(STRSTARTS(STR(?entity), STR(kgr:)) && STRSTARTS(STR(?kind), STR(kgo:)))
} GROUP BY ?entity ORDER BY LCASE(SAMPLE(?name))`;

let prefixes = {};
let entityNamespace = null;  // the store's kgr: namespace, from /api/queries
let savedQueries = [];
let ready = Promise.resolve();  // settles when loadSavedQueries is done: what runQuery waits for

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function svgElement(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, String(value));
  }
  return node;
}

function entityPath(iri) {
  if (typeof iri === "string" && entityNamespace && iri.startsWith(entityNamespace) &&
      iri.length > entityNamespace.length) {
    return "/id/" + iri.slice(entityNamespace.length);
  }
  return null;
}

function shorten(iri) {
  let best = null;
  for (const [prefix, namespace] of Object.entries(prefixes)) {
    if (iri.startsWith(namespace) && iri.length > namespace.length &&
        (best === null || namespace.length > best[1].length)) {
      best = [prefix, namespace];
    }
  }
  return best ? best[0] + ":" + iri.slice(best[1].length) : iri;
}

function localName(iri) {
  const parts = iri.split(/[#/]/);
  return parts[parts.length - 1] || iri;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// --- Terms -------------------------------------------------------------------------------

function termText(term) {
  if (!term) return "";
  if (term.type === "uri") return shorten(term.value);
  if (term.type === "bnode") return "_:" + term.value;
  if (term.type === "triple") return "<< … >>";
  return term.value;
}

function termCell(term) {
  const cell = element("td");
  if (!term) return cell;
  const path = term.type === "uri" ? entityPath(term.value) : null;
  if (path) {
    const link = element("a", termText(term));
    link.setAttribute("href", path);
    cell.appendChild(link);
  } else {
    cell.textContent = termText(term);
    if (term.type === "uri") {
      cell.className = "iri";
      cell.title = term.value;
    } else if (term.type === "literal" && term.value.length > 120) {
      cell.className = "long";
    } else if (term.type === "literal" && term.value.length <= 24) {
      cell.className = "short";  // dates and numbers are not broken at their hyphens
    }
  }
  return cell;
}

function unescapeNTriples(text) {
  const named = { t: "\t", n: "\n", r: "\r", b: "\b", f: "\f" };
  return text.replace(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/g, (_, u, U, c) =>
    u ? String.fromCodePoint(parseInt(u, 16))
      : U ? String.fromCodePoint(parseInt(U, 16)) : (named[c] ?? c));
}

const NT_TERM = /^(?:<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?)\s*/;

function parseNTriples(text) {
  const triples = [];
  for (const raw of text.split("\n")) {
    let line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const terms = [];
    while (terms.length < 3) {
      const match = NT_TERM.exec(line);
      if (!match) break;
      if (match[1] !== undefined) terms.push({ type: "uri", value: unescapeNTriples(match[1]) });
      else if (match[2] !== undefined) terms.push({ type: "bnode", value: match[2] });
      else terms.push({ type: "literal", value: unescapeNTriples(match[3]), lang: match[4] });
      line = line.slice(match[0].length);
    }
    if (terms.length === 3) triples.push(terms);
  }
  return triples;
}

// --- Tables ------------------------------------------------------------------------------

function table(variables, rows) {
  const wrapper = element("div", null, "table-wrap");
  const result = element("table", null, "results");
  const head = element("thead");
  const headRow = element("tr");
  for (const name of variables) headRow.appendChild(element("th", name));
  head.appendChild(headRow);
  result.appendChild(head);
  const body = element("tbody");
  for (const row of rows.slice(0, MAX_TABLE_ROWS)) {
    const tr = element("tr");
    for (const name of variables) tr.appendChild(termCell(row[name]));
    body.appendChild(tr);
  }
  result.appendChild(body);
  wrapper.appendChild(result);
  if (rows.length > MAX_TABLE_ROWS) {
    wrapper.appendChild(element("p", `The first ${MAX_TABLE_ROWS} of ${rows.length} rows are shown.`,
      "note"));
  }
  return wrapper;
}

// --- Graphs ------------------------------------------------------------------------------

// A small force-directed layout: nodes repel, edges pull, a weak pull to the middle; a fixed
// number of steps, so the drawing is the same every time for the same graph.
function layout(nodes, edges, width, height) {
  const count = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const x = nodes.map((_, i) => Math.cos((2 * Math.PI * i) / count) * width * 0.3);
  const y = nodes.map((_, i) => Math.sin((2 * Math.PI * i) / count) * height * 0.3);
  const centerIndex = nodes.findIndex((node) => node.kind === "center");
  if (centerIndex >= 0) { x[centerIndex] = 0; y[centerIndex] = 0; }
  const ideal = Math.max(60, Math.sqrt((width * height) / Math.max(count, 1)) * 0.75);
  for (let step = 0, heat = ideal; step < 300; step += 1, heat *= 0.985) {
    const dx = new Array(count).fill(0);
    const dy = new Array(count).fill(0);
    for (let i = 0; i < count; i += 1) {
      for (let j = i + 1; j < count; j += 1) {
        let ex = x[i] - x[j];
        let ey = y[i] - y[j];
        const distance = Math.max(Math.hypot(ex, ey), 0.01);
        if (distance < 0.02) { ex = 0.01 * (i - j); ey = 0.01; }
        const push = (ideal * ideal) / distance;
        dx[i] += (ex / distance) * push; dy[i] += (ey / distance) * push;
        dx[j] -= (ex / distance) * push; dy[j] -= (ey / distance) * push;
      }
    }
    for (const edge of edges) {
      const a = index.get(edge.source);
      const b = index.get(edge.target);
      if (a === undefined || b === undefined || a === b) continue;
      const ex = x[a] - x[b];
      const ey = y[a] - y[b];
      const distance = Math.max(Math.hypot(ex, ey), 0.01);
      const pull = (distance * distance) / ideal;
      dx[a] -= (ex / distance) * pull; dy[a] -= (ey / distance) * pull;
      dx[b] += (ex / distance) * pull; dy[b] += (ey / distance) * pull;
    }
    for (let i = 0; i < count; i += 1) {
      dx[i] -= x[i] * 0.05; dy[i] -= y[i] * 0.05;
      const length = Math.max(Math.hypot(dx[i], dy[i]), 0.01);
      if (i === centerIndex) continue;
      x[i] += (dx[i] / length) * Math.min(length, heat);
      y[i] += (dy[i] / length) * Math.min(length, heat);
    }
  }
  const margin = { x: 130, y: 40 };
  const minX = Math.min(...x), maxX = Math.max(...x);
  const minY = Math.min(...y), maxY = Math.max(...y);
  // Stretch each axis on its own to fill the box: a drawing to read, not a map to measure.
  const scaleX = Math.min((width - 2 * margin.x) / Math.max(maxX - minX, 1), 4);
  const scaleY = Math.min((height - 2 * margin.y) / Math.max(maxY - minY, 1), 4);
  const offsetX = width / 2 - ((minX + maxX) / 2) * scaleX;
  const offsetY = height / 2 - ((minY + maxY) / 2) * scaleY;
  return nodes.map((_, i) => [x[i] * scaleX + offsetX, y[i] * scaleY + offsetY]);
}

function truncate(text, width) {
  return text.length <= width ? text : text.slice(0, width - 1) + "…";
}

// Edges between the same two nodes in the same direction become one, their labels joined.
function mergeEdges(edges) {
  const merged = new Map();
  for (const edge of edges) {
    const key = JSON.stringify([edge.source, edge.target]);
    const known = merged.get(key);
    if (!known) merged.set(key, { ...edge });
    else if (!known.label.split(", ").includes(edge.label)) known.label += ", " + edge.label;
  }
  return [...merged.values()];
}

function drawGraph(container, nodes, allEdges, caption) {
  const edges = mergeEdges(allEdges);
  clear(container);
  container.hidden = false;
  const width = 900, height = 420;
  const svg = svgElement("svg", { viewBox: `0 0 ${width} ${height}`, class: "graph",
    role: "img", "aria-label": caption });
  const points = layout(nodes, edges, width, height);
  const at = new Map(nodes.map((node, i) => [node.id, points[i]]));
  const lines = svgElement("g", { class: "edges" });
  const labels = svgElement("g", { class: "edge-labels" });
  for (const edge of edges) {
    const a = at.get(edge.source);
    const b = at.get(edge.target);
    if (!a || !b) continue;
    lines.appendChild(svgElement("line", { class: "edge", x1: a[0].toFixed(1),
      y1: a[1].toFixed(1), x2: b[0].toFixed(1), y2: b[1].toFixed(1) }));
    // 40 % of the way from the source, so the labels of A→B and B→A do not overlap.
    const text = svgElement("text", { class: "edge-label",
      x: (a[0] + (b[0] - a[0]) * 0.4).toFixed(1), y: (a[1] + (b[1] - a[1]) * 0.4 - 3).toFixed(1) });
    text.textContent = truncate(edge.label, 28);
    labels.appendChild(text);
  }
  const group = svgElement("g", { class: "nodes" });
  nodes.forEach((node, i) => {
    const [px, py] = points[i];
    const holder = node.href ? svgElement("a", { href: node.href }) : svgElement("g");
    const radius = node.kind === "center" ? 11 : 7;
    const shape = node.kind === "event"
      ? svgElement("rect", { class: "node node-event", x: (px - 7).toFixed(1),
          y: (py - 7).toFixed(1), width: 14, height: 14,
          transform: `rotate(45 ${px.toFixed(1)} ${py.toFixed(1)})` })
      : svgElement("circle", { class: `node node-${node.kind}`, cx: px.toFixed(1),
          cy: py.toFixed(1), r: radius });
    const label = svgElement("text", { class: "node-label", x: (px + radius + 4).toFixed(1),
      y: (py + 4).toFixed(1) });
    label.textContent = truncate(node.label, 28);
    const title = svgElement("title");
    title.textContent = node.label;
    holder.append(shape, label, title);
    group.appendChild(holder);
  });
  svg.append(lines, labels, group);
  const figure = element("figure", null, "neighbourhood");
  figure.appendChild(svg);
  figure.appendChild(element("figcaption", caption));
  container.appendChild(figure);
}

function graphFromTriples(triples) {
  const labels = new Map();
  for (const [s, p, o] of triples) {
    if (p.value === RDFS_LABEL && o.type === "literal" && !labels.has(s.value)) {
      labels.set(s.value, o.value);
    }
  }
  const nodes = new Map();
  const edges = [];
  const add = (term) => {
    if (!nodes.has(term.value)) {
      if (nodes.size >= MAX_GRAPH_NODES) return false;
      nodes.set(term.value, { id: term.value,
        label: labels.get(term.value) || termText(term),
        kind: "entity", href: term.type === "uri" ? entityPath(term.value) : null });
    }
    return true;
  };
  let skipped = 0;
  for (const [s, p, o] of triples) {
    if (o.type === "literal") continue;
    if (add(s) && add(o)) edges.push({ source: s.value, target: o.value, label: localName(p.value) });
    else skipped += 1;
  }
  return { nodes: [...nodes.values()], edges, skipped };
}

// --- Running queries ---------------------------------------------------------------------

function setStatus(text, isError) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.classList.toggle("status-error", Boolean(isError));
}

function showDownloads(query, graph) {
  const holder = document.getElementById("downloads");
  clear(holder);
  holder.appendChild(document.createTextNode("Download: "));
  const formats = graph ? ["turtle", "nt", "jsonld"] : ["json", "csv", "tsv", "xml"];
  formats.forEach((format, i) => {
    if (i > 0) holder.appendChild(document.createTextNode(" · "));
    const link = element("a", format.toUpperCase());
    link.setAttribute("href", "/sparql?" + new URLSearchParams({ query, format }).toString());
    holder.appendChild(link);
  });
}

// Run is live from the start; a click before the prefixes and saved questions have arrived
// waits for them (the table's links and short names need them) instead of being dropped.
async function runQuery() {
  const button = document.getElementById("run");
  if (button.disabled) return;  // one query at a time (Ctrl+Enter too)
  button.disabled = true;
  try {
    setStatus("Running…");
    await ready;
    await runTheQuery();
  } finally {
    button.disabled = false;
  }
}

async function runTheQuery() {
  const query = document.getElementById("query").value;
  const results = document.getElementById("results");
  const graphBox = document.getElementById("graph");
  if (!query.trim()) { setStatus("Write a query first.", true); return; }
  clear(results);
  clear(document.getElementById("downloads"));
  graphBox.hidden = true;
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query",
                 Accept: "application/sparql-results+json, application/n-triples;q=0.9" },
      body: query,
    });
    const elapsed = Math.round(performance.now() - started);
    const text = await response.text();
    if (!response.ok) {
      setStatus(`Error ${response.status}`, true);
      results.appendChild(element("pre", text, "error"));
      return;
    }
    const cut = response.headers.get("KG-Truncated") === "true"
      ? ` (cut at the server's limit of ${response.headers.get("KG-Row-Limit")})` : "";
    const type = response.headers.get("Content-Type") || "";
    if (type.startsWith("application/n-triples")) {
      const triples = parseNTriples(text);
      setStatus(`${triples.length} triples${cut} · ${elapsed} ms`);
      const graph = graphFromTriples(triples);
      const more = graph.skipped ? `; ${graph.skipped} more edges not drawn` : "";
      if (graph.nodes.length) {
        drawGraph(graphBox, graph.nodes, graph.edges,
          `${graph.nodes.length} nodes, ${graph.edges.length} edges${more}`);
      }
      const rows = triples.map(([subject, predicate, object]) => ({ subject, predicate, object }));
      results.appendChild(table(["subject", "predicate", "object"], rows));
      showDownloads(query, true);
      return;
    }
    const data = JSON.parse(text);
    if (typeof data.boolean === "boolean") {
      setStatus(`ASK · ${elapsed} ms`);
      results.appendChild(element("p", data.boolean ? "true" : "false", "boolean"));
    } else {
      const rows = data.results.bindings;
      setStatus(`${rows.length} ${rows.length === 1 ? "row" : "rows"}${cut} · ${elapsed} ms`);
      results.appendChild(table(data.head.vars, rows));
    }
    showDownloads(query, false);
  } catch (error) {
    setStatus("The server could not be reached.", true);
    results.appendChild(element("pre", String(error), "error"));
  }
}

// --- Entities ----------------------------------------------------------------------------

async function showNeighbourhood(path, label) {
  const graphBox = document.getElementById("graph");
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) { setStatus(`Error ${response.status} for ${label}`, true); return; }
  const facts = await response.json();
  const graph = facts.neighbourhood;
  const more = graph.more ? `; ${graph.more} more not drawn` : "";
  drawGraph(graphBox, graph.nodes, graph.edges, `Neighbourhood of ${facts.label}${more}`);
  graphBox.scrollIntoView({ block: "nearest" });
}

async function loadEntities() {
  const list = document.getElementById("entities");
  const response = await fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query",
               Accept: "application/sparql-results+json" },
    body: ENTITY_LIST_QUERY,
  });
  if (!response.ok) { list.appendChild(element("li", "Entities could not be listed.")); return; }
  const data = await response.json();
  for (const row of data.results.bindings) {
    const path = entityPath(row.entity.value);
    if (!path) continue;
    const item = element("li");
    const label = row.label ? row.label.value : localName(row.entity.value);
    const link = element("a", label);
    link.setAttribute("href", path);
    const draw = element("button", "◉", "small");
    draw.type = "button";
    draw.title = `Draw the neighbourhood of ${label}`;
    draw.setAttribute("aria-label", draw.title);
    draw.addEventListener("click", () => showNeighbourhood(path, label));
    item.append(draw, link);
    if (row.type) item.appendChild(element("span", localName(row.type.value), "chip"));
    item.dataset.search = label.toLowerCase();
    list.appendChild(item);
  }
}

function filterEntities() {
  const needle = document.getElementById("filter").value.trim().toLowerCase();
  for (const item of document.getElementById("entities").children) {
    item.hidden = Boolean(needle) && !(item.dataset.search || "").includes(needle);
  }
}

// --- Start -------------------------------------------------------------------------------

function pick(name) {
  const saved = savedQueries.find((query) => query.name === name);
  const description = document.getElementById("description");
  if (!saved) { description.textContent = ""; return; }
  document.getElementById("query").value = saved.sparql;
  description.textContent = (saved.description || saved.title).replace(/\s+/g, " ");
  description.title = saved.description || saved.title;
  document.getElementById("saved").value = name;
  history.replaceState(null, "", "#" + encodeURIComponent(name));
}

// The prefixes, the store's entity namespace and the saved questions; never rejects (a page
// without them still runs queries, with full IRIs and no entity links).
async function loadSavedQueries() {
  try {
    const response = await fetch("/api/queries", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`Error ${response.status}`);
    const data = await response.json();
    prefixes = data.prefixes;
    entityNamespace = prefixes.kgr;
    savedQueries = data.queries;
  } catch (error) {
    setStatus(`The saved questions could not be loaded (${error}).`, true);
    return;
  }
  const select = document.getElementById("saved");
  for (const query of savedQueries) {
    const option = element("option", query.title || query.name);
    option.value = query.name;
    select.appendChild(option);
  }
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted) pick(wanted);
}

// Every control works from the first moment: the handlers are in place before anything is
// fetched, and what needs the fetched data waits for `ready`.
function start() {
  const select = document.getElementById("saved");
  select.addEventListener("change", () => pick(select.value));
  document.getElementById("run").addEventListener("click", runQuery);
  document.getElementById("query").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runQuery();
    }
  });
  document.getElementById("filter").addEventListener("input", filterEntities);
  ready = loadSavedQueries();
  ready.then(loadEntities);
}

document.addEventListener("DOMContentLoaded", start);
