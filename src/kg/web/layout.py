"""The HTML every server page shares: the page shell, escaping, links to entity pages.

All text on a page comes from untrusted articles, so nothing reaches the HTML unescaped: build
pages from :func:`escape`, :func:`attribute` and :func:`entity_path`, never by pasting values.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from kg.vocab import PREFIXES

ENTITY_NAMESPACE = PREFIXES["kgr"]
"""The namespace of the entity IRIs kg mints (``https://kg.example.org/id/<key>``)."""

ENTITY_ROUTE = "/id/"


def escape(text: object) -> str:
    """``text`` safe inside HTML or SVG element content and quoted attribute values."""
    return html.escape(str(text), quote=True)


def attribute(text: object) -> str:
    """``text`` as a double-quoted attribute value, quotes included."""
    return f'"{escape(text)}"'


def entity_path(iri: str) -> str | None:
    """The server path of an entity IRI kg minted (``/id/<key>``), or None for other IRIs.

    >>> entity_path("https://kg.example.org/id/kim-jong-un"), entity_path("http://example.org/")
    ('/id/kim-jong-un', None)
    """
    if iri.startswith(ENTITY_NAMESPACE) and len(iri) > len(ENTITY_NAMESPACE):
        return ENTITY_ROUTE + iri[len(ENTITY_NAMESPACE) :]
    return None


def entity_iri(path: str) -> str:
    """The entity IRI that the server path ``/id/<key>`` stands for."""
    return ENTITY_NAMESPACE + path[len(ENTITY_ROUTE) :]


def document(title: str, content: str, *, scripts: Sequence[str] = ()) -> str:
    """A whole HTML page with kg's head and top bar: ``title`` is escaped here, ``content``
    (all below the bar) must already be safe HTML; ``scripts`` are the paths of scripts the
    page loads once it is read."""
    loaded = "".join(f"<script src={attribute(path)} defer></script>\n" for path in scripts)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · kg</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="/static/icon.svg" type="image/svg+xml">
{loaded}</head>
<body>
<header class="bar">
  <a class="brand" href="/">kg</a>
  <nav><a href="/">Query</a><a href="/sparql">Service description</a></nav>
</header>
{content}</body>
</html>
"""


def page(title: str, body: str, *, heading: str | None = None) -> str:
    """A whole HTML page of one heading and its ``body`` (see :func:`document`): ``title`` is
    escaped here, ``body`` must already be safe HTML."""
    return document(title, f"""<main>
<h1>{escape(heading if heading is not None else title)}</h1>
{body}
</main>
""")


def error_page(status: int, reason: str, message: str) -> str:
    """The HTML page for an error status."""
    return page(f"{status} {reason}", f'<p class="error">{escape(message)}</p>')
