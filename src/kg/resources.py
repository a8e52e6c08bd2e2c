"""Find the data files that ship with kg: ontology, shapes, queries, gazetteer and lexicon."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# In a checkout (or an editable install) the files live at the repository's top level; in a
# wheel they are copied under kg/_resources (see pyproject.toml).
_LAYOUT = {
    "ontology": ("ontology",),
    "queries": ("queries",),
    "gazetteer": ("data", "gazetteer"),
    "lexicon": ("data", "lexicon"),
}


@cache
def resource_dir(kind: str) -> Path:
    """The directory holding one kind of shipped data file (``ontology``, ``queries``, ...)."""
    if kind not in _LAYOUT:
        raise KeyError(f"unknown resource kind {kind!r}; known: {', '.join(sorted(_LAYOUT))}")
    packaged = _PACKAGE / "_resources" / _LAYOUT[kind][-1]
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE.parents[1].joinpath(*_LAYOUT[kind])
    return checkout


def resource_path(kind: str, name: str) -> Path:
    """One shipped data file, e.g. ``resource_path("ontology", "kg.ttl")``."""
    return resource_dir(kind) / name
