"""Embedded, in-memory and remote SPARQL stores behind one small interface, and export formats.

A kg store is an RDF dataset of named graphs (one graph per article, say). :func:`open_store`
picks the implementation from a location: ``":memory:"`` for a throw-away store and a directory
for an on-disk store (both :class:`EmbeddedStore`, Oxigraph in this process), an ``http://`` or
``https://`` URL for a SPARQL 1.1 server (:class:`RemoteStore`). Both have the public methods
of :class:`Store`: ``replace_graphs``, ``remove_graphs``, ``update``, ``graphs``,
``triples_count``, ``graph_triples``, ``query``, ``dump``, ``load``, ``flush`` and ``close``.

Queries see the *union* of the named graphs as their default graph, so a query never has to say
which article a fact came from unless it wants to (``GRAPH ?g { ... }``); on a remote store the
server must be set up that way (see :class:`RemoteStore`).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from kg.stores.base import (
    DEFAULT_STORE,
    MEMORY,
    STORE_ENVIRONMENT_VARIABLE,
    QueryResult,
    RdfFile,
    Store,
    Term,
)
from kg.stores.embedded import EmbeddedStore, open_embedded
from kg.stores.formats import EXPORT_FORMATS, ExportFormat, format_for
from kg.stores.remote import (
    DEFAULT_TIMEOUT,
    ENDPOINT_ENVIRONMENT_VARIABLES,
    SERVER_LAYOUTS,
    TIMEOUT_ENVIRONMENT_VARIABLE,
    Endpoints,
    RemoteStore,
    remote_endpoints,
    remote_timeout,
)


def store_location(location: str | None) -> str:
    """The store location to use: ``location`` if given, else ``$KG_STORE``, else ``.kg``."""
    if location:
        return location
    return os.environ.get(STORE_ENVIRONMENT_VARIABLE) or DEFAULT_STORE


def _open_remote(where: str, *, create: bool, read_only: bool,
                 endpoints: Endpoints | str | None) -> Store:
    return RemoteStore(remote_endpoints(where, endpoints), where, read_only=read_only,
                       timeout=remote_timeout())


def _open_embedded(where: str, *, create: bool, read_only: bool,
                   endpoints: Endpoints | str | None) -> Store:
    if endpoints is not None:
        raise ValueError("endpoints only apply to a SPARQL server URL (http:// or https://)")
    return open_embedded(where, create=create, read_only=read_only)


_OPENERS: dict[str, Callable[..., Store]] = {"http": _open_remote, "https": _open_remote}
"""How a location with a URL scheme is opened; every other location is an embedded store."""


def open_store(
    location: str | None = None,
    *,
    create: bool = False,
    read_only: bool = False,
    endpoints: Endpoints | str | None = None,
) -> Store:
    """Open the store at ``location`` (see :func:`store_location`): ``":memory:"`` is a new
    in-memory store, a directory an on-disk one (made only with ``create=True``), and an
    ``http://`` or ``https://`` URL a SPARQL server (see :class:`RemoteStore`).

    ``read_only=True`` opens an on-disk store without taking its write lock, so queries can run
    beside another reader; it must not be used while another process writes to the store.
    A remote store opened read-only refuses writes itself.

    ``endpoints`` says where a SPARQL server answers: an :class:`Endpoints`, or the name of a
    server layout in :data:`SERVER_LAYOUTS` (``"fuseki"``, ``"graphdb"``, ...) applied to the
    URL. Without it, ``$KG_QUERY_URL``, ``$KG_UPDATE_URL`` and ``$KG_GSP_URL`` override the
    ``oxigraph serve`` layout one by one.
    """
    where = store_location(location)
    if create and read_only:
        raise ValueError("a store cannot be created read-only")
    scheme, separator, _ = where.partition("://")
    opener = _OPENERS.get(scheme.lower(), _open_embedded) if separator else _open_embedded
    return opener(where, create=create, read_only=read_only, endpoints=endpoints)


__all__ = [
    "DEFAULT_STORE", "DEFAULT_TIMEOUT", "ENDPOINT_ENVIRONMENT_VARIABLES", "EXPORT_FORMATS",
    "MEMORY", "SERVER_LAYOUTS", "STORE_ENVIRONMENT_VARIABLE",
    "TIMEOUT_ENVIRONMENT_VARIABLE", "EmbeddedStore", "Endpoints", "ExportFormat", "QueryResult",
    "RdfFile", "RemoteStore", "Store", "Term", "format_for", "open_store",
    "remote_endpoints", "store_location",
]
