// The interactive graph page written by `kg viz` (kg/viz.py): hover, select, search, focus,
// legend, zoom. All text shown comes from news articles and is untrusted: it is read from the
// JSON data block and only ever put into the page with textContent, never as markup.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const svg = document.getElementById("graph");
  const panel = document.getElementById("panel");
  const tooltip = document.getElementById("tooltip");
  const search = document.getElementById("search");
  const searchCount = document.getElementById("search-count");
  const nodeEls = [];
  const edgeEls = [];
  svg.querySelectorAll("g.node").forEach((el) => { nodeEls[Number(el.dataset.i)] = el; });
  svg.querySelectorAll("g.edge").forEach((el) => { edgeEls[Number(el.dataset.i)] = el; });

  // Adjacency: for each node, its edges (index) and neighbours.
  const incident = data.nodes.map(() => []);
  data.edges.forEach((edge, j) => {
    incident[edge.s].push(j);
    if (edge.t !== edge.s) incident[edge.t].push(j);
  });
  const hiddenTypes = new Set();
  let focusSet = null;

  // --- small DOM helpers (text only) -------------------------------------------------------
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // --- tooltip -------------------------------------------------------------------------------
  function showTip(evt, title, lines) {
    clear(tooltip);
    tooltip.appendChild(el("div", "tip-type", title));
    lines.forEach((line) => { if (line) tooltip.appendChild(el("div", "", line)); });
    tooltip.style.display = "block";
    moveTip(evt);
  }
  function moveTip(evt) {
    const x = Math.min(evt.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8);
    const y = Math.min(evt.clientY + 14, window.innerHeight - tooltip.offsetHeight - 8);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function hideTip() { tooltip.style.display = "none"; }

  // --- selection and the side panel ------------------------------------------------------------
  function clearHighlight() {
    nodeEls.forEach((n) => n.classList.remove("selected"));
    edgeEls.forEach((e) => e.classList.remove("hl"));
  }
  function sentenceList(indices, more) {
    const box = el("div");
    if (!indices.length) box.appendChild(el("p", "hint", "No sentence recorded."));
    indices.forEach((k) => {
      const sentence = data.sentences[k];
      const quote = el("blockquote", "sentence", sentence.text);
      if (sentence.title) quote.appendChild(el("cite", "", sentence.title));
      box.appendChild(quote);
    });
    if (more) box.appendChild(el("p", "hint", "… and " + plural(more, "more sentence")));
    return box;
  }
  function edgeWords(j, from) {
    const edge = data.edges[j];
    const forward = edge.s === from;
    const other = data.nodes[forward ? edge.t : edge.s];
    return (forward ? "—" + edge.labels.join(", ") + "→ " : "←" + edge.labels.join(", ") + "— ") + other.label;
  }
  function selectNode(i) {
    const node = data.nodes[i];
    clearHighlight();
    nodeEls[i].classList.add("selected");
    incident[i].forEach((j) => edgeEls[j].classList.add("hl"));
    clear(panel);
    panel.appendChild(el("h2", "", node.label));
    const facts = [node.type, node.kind];
    if (node.date) facts.push(node.date);
    facts.push(plural(node.mentions, "sentence"));
    panel.appendChild(el("p", "meta", facts.join(" · ")));
    panel.appendChild(el("p", "iri", node.id));
    if (node.alt && node.alt.length) panel.appendChild(el("p", "meta", "Also: " + node.alt.join("; ")));
    const actions = el("div", "actions");
    const focusButton = el("button", "", "Focus on neighbourhood");
    focusButton.id = "focus-button";
    const depth = el("select");
    depth.id = "focus-depth";
    [1, 2, 3].forEach((d) => { const o = el("option", "", d + " hop" + (d > 1 ? "s" : "")); o.value = String(d); depth.appendChild(o); });
    focusButton.addEventListener("click", () => focusOn(i, Number(depth.value)));
    actions.appendChild(focusButton);
    actions.appendChild(depth);
    panel.appendChild(actions);
    panel.appendChild(el("h3", "", "Links (" + incident[i].length + ")"));
    const list = el("ul");
    incident[i].forEach((j) => {
      const item = el("li");
      const button = el("button", "", edgeWords(j, i));
      const edge = data.edges[j];
      button.addEventListener("click", () => selectNode(edge.s === i ? edge.t : edge.s));
      button.addEventListener("mouseenter", () => edgeEls[j].classList.add("hl"));
      item.appendChild(button);
      list.appendChild(item);
    });
    panel.appendChild(list);
    panel.appendChild(el("h3", "", "Sentences"));
    panel.appendChild(sentenceList(node.sentences, node.more));
  }
  function selectEdge(j) {
    const edge = data.edges[j];
    clearHighlight();
    edgeEls[j].classList.add("hl");
    nodeEls[edge.s].classList.add("selected");
    nodeEls[edge.t].classList.add("selected");
    clear(panel);
    panel.appendChild(el("h2", "", data.nodes[edge.s].label + " —" + edge.labels.join(", ") + "→ " + data.nodes[edge.t].label));
    panel.appendChild(el("p", "meta", edge.properties.map((p) => "kgo:" + p).join(", ")));
    const ends = el("ul");
    [edge.s, edge.t].forEach((i) => {
      const item = el("li");
      const button = el("button", "", data.nodes[i].label + " (" + data.nodes[i].type + ")");
      button.addEventListener("click", () => selectNode(i));
      item.appendChild(button);
      ends.appendChild(item);
    });
    panel.appendChild(ends);
    panel.appendChild(el("h3", "", "Sentences"));
    panel.appendChild(sentenceList(edge.sentences, 0));
  }
  function resetPanel() {
    clearHighlight();
    clear(panel);
    panel.appendChild(el("h2", "", "Nothing selected"));
    panel.appendChild(el("p", "hint", "Click a node or a link to see the sentences behind it. Hover for its type and IRI. Double-click a node to focus on its neighbourhood; scroll to zoom, drag to pan."));
  }

  // --- focus on a neighbourhood ----------------------------------------------------------------
  function focusOn(i, depth) {
    const seen = new Set([i]);
    let frontier = [i];
    for (let d = 0; d < depth; d++) {
      const next = [];
      frontier.forEach((n) => incident[n].forEach((j) => {
        const edge = data.edges[j];
        const other = edge.s === n ? edge.t : edge.s;
        if (!seen.has(other)) { seen.add(other); next.push(other); }
      }));
      frontier = next;
    }
    focusSet = seen;
    applyVisibility();
    fitTo(Array.from(seen));
    selectNode(i);
  }
  function showAll() {
    focusSet = null;
    applyVisibility();
    fitTo(null);
  }
  function visible(i) {
    return (!focusSet || focusSet.has(i)) && !hiddenTypes.has(data.nodes[i].type);
  }
  function applyVisibility() {
    nodeEls.forEach((n, i) => {
      n.classList.toggle("faded", !!focusSet && !focusSet.has(i));
      n.classList.toggle("hidden", hiddenTypes.has(data.nodes[i].type));
    });
    edgeEls.forEach((e, j) => {
      const edge = data.edges[j];
      e.classList.toggle("faded", !!focusSet && !(focusSet.has(edge.s) && focusSet.has(edge.t)));
      e.classList.toggle("hidden", hiddenTypes.has(data.nodes[edge.s].type) || hiddenTypes.has(data.nodes[edge.t].type));
    });
  }

  // --- search ----------------------------------------------------------------------------------
  function matches(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const found = [];
    data.nodes.forEach((node, i) => {
      const names = [node.label].concat(node.alt || []);
      if (names.some((name) => name.toLowerCase().indexOf(q) >= 0) && visible(i)) found.push(i);
    });
    return found;
  }
  function runSearch() {
    const found = matches(search.value);
    nodeEls.forEach((n) => n.classList.remove("match"));
    found.forEach((i) => nodeEls[i].classList.add("match"));
    svg.classList.toggle("dim", found.length > 0);
    searchCount.textContent = search.value.trim() ? found.length + (found.length === 1 ? " match" : " matches") : "";
    return found;
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", (evt) => {
    if (evt.key === "Enter") {
      const found = runSearch();
      if (found.length) { selectNode(found[0]); fitTo(found); }
    } else if (evt.key === "Escape") {
      search.value = "";
      runSearch();
    }
  });

  // --- legend ----------------------------------------------------------------------------------
  document.querySelectorAll("#legend li").forEach((item) => {
    item.addEventListener("click", () => {
      const type = item.dataset.type;
      if (hiddenTypes.has(type)) hiddenTypes.delete(type); else hiddenTypes.add(type);
      item.classList.toggle("off", hiddenTypes.has(type));
      applyVisibility();
    });
  });

  // --- zoom and pan (the viewBox) ---------------------------------------------------------------
  const initial = svg.getAttribute("viewBox").split(/\s+/).map(Number);
  let box = initial.slice();
  function setBox(b) { box = b; svg.setAttribute("viewBox", b.map((v) => v.toFixed(1)).join(" ")); }
  function fitTo(indices) {
    if (!indices || !indices.length) { setBox(initial.slice()); return; }
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    indices.forEach((i) => {
      const n = data.nodes[i];
      x0 = Math.min(x0, n.x - n.w / 2); x1 = Math.max(x1, n.x + n.w / 2);
      y0 = Math.min(y0, n.y - n.r); y1 = Math.max(y1, n.y + n.r + 18);
    });
    const pad = 40;
    // Never zoom in more than about 1.6 times: labels stay at reading size.
    let w = Math.max(x1 - x0 + 2 * pad, 640), h = Math.max(y1 - y0 + 2 * pad, 460);
    const rect = svg.getBoundingClientRect();
    const aspect = rect.width / Math.max(rect.height, 1);
    if (w / h < aspect) w = h * aspect; else h = w / aspect;
    setBox([(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h]);
  }
  function toGraph(evt) {
    const rect = svg.getBoundingClientRect();
    const scale = Math.max(box[2] / rect.width, box[3] / rect.height);
    const offsetX = (rect.width * scale - box[2]) / 2, offsetY = (rect.height * scale - box[3]) / 2;
    return [box[0] - offsetX + (evt.clientX - rect.left) * scale, box[1] - offsetY + (evt.clientY - rect.top) * scale, scale];
  }
  svg.addEventListener("wheel", (evt) => {
    evt.preventDefault();
    const [gx, gy] = toGraph(evt);
    const factor = Math.exp(evt.deltaY * 0.0015);
    setBox([gx - (gx - box[0]) * factor, gy - (gy - box[1]) * factor, box[2] * factor, box[3] * factor]);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (evt) => {
    if (evt.target.closest("g.node") || evt.target.closest("g.edge")) return;
    drag = { x: evt.clientX, y: evt.clientY, box: box.slice(), scale: toGraph(evt)[2], moved: false };
    svg.classList.add("panning");
  });
  window.addEventListener("pointermove", (evt) => {
    if (!drag) return;
    const dx = (evt.clientX - drag.x) * drag.scale, dy = (evt.clientY - drag.y) * drag.scale;
    if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
    setBox([drag.box[0] - dx, drag.box[1] - dy, drag.box[2], drag.box[3]]);
  });
  window.addEventListener("pointerup", () => {
    if (drag && !drag.moved) resetPanel();
    drag = null;
    svg.classList.remove("panning");
  });

  // --- wiring ----------------------------------------------------------------------------------
  nodeEls.forEach((n, i) => {
    const node = data.nodes[i];
    n.addEventListener("mouseenter", (evt) => showTip(evt, node.type + " · " + node.label, [node.id]));
    n.addEventListener("mousemove", moveTip);
    n.addEventListener("mouseleave", hideTip);
    n.addEventListener("click", (evt) => { evt.stopPropagation(); selectNode(i); });
    n.addEventListener("dblclick", (evt) => { evt.stopPropagation(); focusOn(i, 1); });
  });
  edgeEls.forEach((e, j) => {
    const edge = data.edges[j];
    e.addEventListener("mouseenter", (evt) => showTip(evt, edge.labels.join(", "),
      [data.nodes[edge.s].label + " → " + data.nodes[edge.t].label]));
    e.addEventListener("mousemove", moveTip);
    e.addEventListener("mouseleave", hideTip);
    e.addEventListener("click", (evt) => { evt.stopPropagation(); selectEdge(j); });
  });
  document.getElementById("show-all").addEventListener("click", () => { showAll(); resetPanel(); });
  document.getElementById("fit").addEventListener("click", () => fitTo(focusSet ? Array.from(focusSet) : null));
  document.addEventListener("keydown", (evt) => {
    if (evt.key === "Escape" && evt.target !== search) { showAll(); resetPanel(); }
  });
  resetPanel();
  // Lets tests and people see that the page is wired up.
  document.documentElement.dataset.ready = "true";
  window.kgGraph = { selectNode: selectNode, selectEdge: selectEdge, focusOn: focusOn, showAll: showAll, runSearch: runSearch };
})();
