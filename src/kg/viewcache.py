"""The entity view of a store, projected at most once per store state: a fingerprint of the
store and an on-disk cache of its projection.

The projection of an on-disk store is cached (one pickle per store, see :func:`cache_path`)
with a fingerprint of the store's state: the next command on an unchanged store loads it
instead of projecting it again, and any write to the store invalidates it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from kg.projection import build
from kg.stores import MEMORY, Store
from kg.stores.embedded import disk_state
from kg.views import EntityView

CACHE_FORMAT = 1
"""The version of the cached projection; bump it when the projection's shape changes."""

CACHE_ENVIRONMENT_VARIABLE = "KG_CACHE_DIR"
"""Where cached projections go when set (else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``)."""


def load(store: Store, *, use_cache: bool = True) -> EntityView:
    """The entity view of an open store (:meth:`kg.KnowledgeGraph.view` opens it).

    Built from the store at most once per store state: the projection of an on-disk store is
    cached (see :func:`cache_path`) under a fingerprint of the store, so the next call on an
    unchanged store reads the cache and a changed store is projected again. In-memory stores
    and SPARQL servers are projected every time: nothing cheap tells whether a server changed.
    """
    location = store.location
    fingerprint = store_fingerprint(store)
    on_disk = location != MEMORY and Path(location).is_dir()
    path = cache_path(location) if use_cache and on_disk else None
    if path is not None:
        cached = _read_cache(path, fingerprint)
        if cached is not None:
            cached.location = location
            return cached
    view = build(store)
    view.fingerprint = fingerprint
    view.location = location
    if path is not None:
        _write_cache(path, view)
    return view


def cache_path(location: str) -> Path:
    """Where the projection of the on-disk store at ``location`` is cached: one file per store,
    in ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``."""
    root = os.environ.get(CACHE_ENVIRONMENT_VARIABLE)
    if not root:
        xdg = os.environ.get("XDG_CACHE_HOME")
        root = str(Path(xdg) / "kg") if xdg else str(Path.home() / ".cache" / "kg")
    key = hashlib.sha256(str(Path(location).resolve()).encode()).hexdigest()[:24]
    return Path(root) / "views" / f"{key}.pickle"


def store_fingerprint(store: Store) -> str:
    """A cheap fingerprint of a store's content: its graph IRIs and triple count, and for an
    on-disk store the names, sizes and modification times of its data files, which change on
    every write even when the number of triples does not."""
    digest = hashlib.sha256()
    digest.update("\n".join(store.graphs()).encode())
    digest.update(f"\n{store.triples_count()}\n".encode())
    digest.update((disk_state(store.location) or "").encode())
    return digest.hexdigest()


def _read_cache(path: Path, fingerprint: str) -> EntityView | None:
    try:
        with path.open("rb") as handle:
            payload = pickle.load(handle)  # our own cache file, in a directory only we write
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
            TypeError, ValueError):
        return None
    if (not isinstance(payload, dict) or payload.get("format") != CACHE_FORMAT
            or payload.get("fingerprint") != fingerprint
            or not isinstance(payload.get("view"), EntityView)):
        return None
    return payload["view"]


def _write_cache(path: Path, view: EntityView) -> None:
    """Write the cache atomically; a cache that cannot be written is simply not written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.partial")
        with temporary.open("wb") as handle:
            pickle.dump({"format": CACHE_FORMAT, "fingerprint": view.fingerprint, "view": view},
                        handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError:
        return


__all__ = ["CACHE_ENVIRONMENT_VARIABLE", "CACHE_FORMAT", "cache_path", "load", "store_fingerprint"]
