"""The pages of ``kg serve`` beside the SPARQL endpoint: the query page and its saved queries,
static files, entity pages; each HTML page has a JSON twin, chosen by the Accept header or
``?format=``.

Each page is a :class:`Page` made from the request's path, parameters and Accept header, so it
can be tested without a socket; :mod:`kg.server` sends it. Store work (an entity's facts, its
description) goes through the ``run`` callable the server gives, under its deadline.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import pyoxigraph

from kg.errors import RequestError
from kg.vocab import PREFIXES
from kg.web.entity import entity_facts, entity_page
from kg.web.layout import document, entity_iri
from kg.web.negotiation import choose
from kg.web.sparql import answer_query

STATIC_FILES = {
    "app.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    "icon.svg": "image/svg+xml",
}
"""The only files under /static/: a fixed list, so no path can lead anywhere else."""

_ENTITY_PATH = re.compile(r"/id/[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+")
_ENTITY_FORMATS = {
    "text/html": "html", "application/json": "json", "text/turtle": "turtle",
    "application/n-triples": "nt", "application/ld+json": "jsonld",
}
_ENTITY_FORMAT_NAMES = {"html": "html", "json": "json", "turtle": "turtle", "ttl": "turtle",
                        "nt": "nt", "ntriples": "nt", "jsonld": "jsonld", "json-ld": "jsonld"}

Run = Callable[..., Any]
"""Runs store work: ``run(job, *arguments)`` calls ``job(store, deadline, *arguments)``."""


@dataclass(frozen=True)
class Page:
    """An answer to send: its body, media type and headers beyond the ones every answer has."""

    body: bytes
    content_type: str
    headers: Sequence[tuple[str, str]] = field(default=())


def json_page(value: Any, *, vary: bool = False) -> Page:
    """``value`` as a JSON answer (``vary``: it was chosen by the Accept header)."""
    body = json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    return Page(body, "application/json; charset=utf-8", [("Vary", "Accept")] if vary else [])


def saved_queries(limits: dict[str, Any]) -> dict[str, Any]:
    """The query page's data: the endpoint, the server's ``limits``, the prefixes kg declares,
    and every saved query with its parameters and text."""
    from kg.query import list_queries

    return {
        "endpoint": "/sparql",
        "limits": limits,
        "prefixes": dict(PREFIXES),
        "queries": [
            {"name": info.name, "title": info.title, "description": info.description,
             "params": [{"name": p.name, "type": p.type, "description": p.description}
                        for p in info.params],
             "sparql": info.path.read_text(encoding="utf-8")}
            for info in list_queries()
        ],
    }


def index(accept: str | None, limits: dict[str, Any]) -> Page:
    """``/``: the query page (``query-page.html`` in kg's page shell, run by ``app.js``), or
    its data as JSON (:func:`saved_queries`)."""
    if choose(accept, ["text/html", "application/json"]) == "application/json":
        return json_page(saved_queries(limits), vary=True)
    content = resources.files("kg.web").joinpath("query-page.html").read_text(encoding="utf-8")
    body = document("Query", content, scripts=["/static/app.js"])
    return Page(body.encode("utf-8"), "text/html; charset=utf-8", [("Vary", "Accept")])


def static(name: str) -> Page:
    """``/static/NAME``: one of the :data:`STATIC_FILES`."""
    if name not in STATIC_FILES:
        raise RequestError(404, "no such file")
    body = resources.files("kg.web").joinpath("static", name).read_bytes()
    return Page(body, STATIC_FILES[name], [("Cache-Control", "no-cache")])


def entity(path: str, format_names: list[str], accept: str | None, run: Run,
           max_rows: int) -> Page:
    """``/id/KEY``: the entity as an HTML page or JSON (:mod:`kg.web.entity`), or its
    description (DESCRIBE) in Turtle, N-Triples or JSON-LD; 404 when the store has nothing
    about it."""
    if not _ENTITY_PATH.fullmatch(path) or any(
        segment in (".", "..") for segment in path.split("/")
    ):
        raise RequestError(404, "no entity at this address")
    if format_names:
        kind = _ENTITY_FORMAT_NAMES.get(format_names[0].lower())
        if kind is None:
            raise RequestError(406, f"format={format_names[0]}: choose html, json, turtle, "
                                    "nt or jsonld")
    else:
        chosen = choose(accept, list(_ENTITY_FORMATS))
        if chosen is None:
            raise RequestError(406, "the Accept header allows none of: "
                                    + ", ".join(_ENTITY_FORMATS))
        kind = _ENTITY_FORMATS[chosen]
    iri = entity_iri(path)
    if kind in ("turtle", "nt", "jsonld"):
        try:
            node = pyoxigraph.NamedNode(iri)
        except ValueError:
            raise RequestError(404, "no entity at this address") from None
        answer = run(answer_query, f"DESCRIBE {node}", kind, max_rows)
        if not answer.rows:
            raise RequestError(404, f"no entity <{iri}> in this store")
        return Page(answer.body, answer.content_type, [("Vary", "Accept")])
    facts = run(entity_facts, iri)
    if facts is None:
        raise RequestError(404, f"no entity <{iri}> in this store")
    if kind == "json":
        return json_page(facts, vary=True)
    return Page(entity_page(facts).encode("utf-8"), "text/html; charset=utf-8",
                [("Vary", "Accept")])


__all__ = ["STATIC_FILES", "Page", "entity", "index", "json_page", "saved_queries", "static"]
