"""Synthetic kg stores of any size without NLP: built article graphs replicated under new IRIs.

A few articles built by ``kg build`` are the templates; copy ``k`` of an article renames its
article, graph, sentence, mention, event and figure IRIs (``.../article/ID`` becomes
``.../article/ID-rK``) and its blank nodes, and maps each entity to one of ``variants`` copies
(``.../id/KEY`` becomes ``.../id/KEY~vN``), so entities are shared across articles as they are
in a real corpus. The ontology graph is kept once. The result has exactly the shape rdf.py
produces, so the competency queries in ``queries/`` find what they would on real data.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

BASE = "https://kg.example.org/"
ONTOLOGY_GRAPH = f"<{BASE}graph/ontology>"
_PER_ARTICLE = re.compile(rf"<{re.escape(BASE)}(article|graph|quarantine)/([^>#]*)")
_ENTITY = re.compile(rf"<{re.escape(BASE)}id/([^>]*)>")
_BLANK = re.compile(r"(_:[A-Za-z0-9]+)")
_GRAPH_OF_QUAD = re.compile(r"(<[^>]*>) \.$")


def article_graphs(nquads: str) -> tuple[dict[str, list[str]], list[str]]:
    """The N-Quads lines of each article (its graph and its quarantine graph), keyed by the
    article's graph IRI, and the lines of the ontology graph."""
    articles: dict[str, list[str]] = defaultdict(list)
    ontology: list[str] = []
    for line in nquads.splitlines():
        found = _GRAPH_OF_QUAD.search(line)
        if not found:
            continue
        graph = found.group(1)
        if graph == ONTOLOGY_GRAPH:
            ontology.append(line)
        else:
            articles[graph.replace("/quarantine/", "/graph/")].append(line)
    return dict(articles), ontology


def replicate(nquads: str, triples: int, *, variants: int = 97) -> list[str]:
    """N-Quads lines of about ``triples`` triples: the ontology graph once, then copies of the
    article graphs in ``nquads`` (round-robin) until the count is reached."""
    articles, ontology = article_graphs(nquads)
    if not articles:
        raise ValueError("no article graphs to replicate")
    lines = list(ontology)
    templates = list(articles.values())
    copy = 0
    while len(lines) < triples:
        template = templates[copy % len(templates)]
        suffix, variant = f"-r{copy}", f"~v{copy % variants}"
        lines.extend(_renamed(template, suffix, variant, copy))
        copy += 1
    return lines


def _renamed(lines: Iterable[str], suffix: str, variant: str, copy: int) -> Iterable[str]:
    for line in lines:
        line = _PER_ARTICLE.sub(lambda m: f"<{BASE}{m.group(1)}/{m.group(2)}{suffix}", line)
        line = _ENTITY.sub(lambda m: f"<{BASE}id/{m.group(1)}{variant}>", line)
        if "_:" in line:
            line = _BLANK.sub(lambda m: f"{m.group(1)}r{copy}", line)
        yield line


def graphs_of(lines: Iterable[str]) -> dict[str, str]:
    """N-Quads lines as kg writes them: graph IRI → N-Triples text."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        found = _GRAPH_OF_QUAD.search(line)
        assert found, line
        graph = found.group(1)
        grouped[graph[1:-1]].append(line[: found.start()] + ".")
    return {graph: "\n".join(triples) + "\n" for graph, triples in grouped.items()}
