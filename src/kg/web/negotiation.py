"""Content negotiation: pick what to answer with from an Accept header or a ``format=`` name.

RFC 9110 §12.5.1: each media range in Accept has a weight ``q`` (default 1); an offered type
takes the weight of the most specific range that matches it (``text/turtle`` before ``text/*``
before ``*/*``), the heaviest offer wins, and ties go to the server's order of preference.
"""

from __future__ import annotations

from collections.abc import Sequence


def _media_ranges(accept: str) -> list[tuple[str, str, float]]:
    """The media ranges of an Accept header as (type, subtype, weight), lower-cased."""
    ranges = []
    for part in accept.split(","):
        pieces = [piece.strip() for piece in part.split(";")]
        media = pieces[0].lower()
        if "/" not in media:
            continue
        kind, _, subtype = media.partition("/")
        weight = 1.0
        for parameter in pieces[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    weight = 0.0
        ranges.append((kind, subtype, weight))
    return ranges


def _weight(media_type: str, ranges: list[tuple[str, str, float]]) -> float:
    kind, _, subtype = media_type.lower().partition("/")
    best, best_specificity = 0.0, -1
    for range_kind, range_subtype, weight in ranges:
        if range_kind == kind and range_subtype == subtype:
            specificity = 2
        elif range_kind == kind and range_subtype == "*":
            specificity = 1
        elif range_kind == "*" and range_subtype == "*":
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best, best_specificity = weight, specificity
    return best


def choose(accept: str | None, offered: Sequence[str]) -> str | None:
    """The media type in ``offered`` (most preferred first) that ``accept`` likes best; the
    first offer when there is no Accept header; None when it accepts none of them.

    >>> choose("text/csv;q=0.5, application/sparql-results+json", ["text/csv",
    ...        "application/sparql-results+json"])
    'application/sparql-results+json'
    >>> choose("text/*;q=0.2, */*;q=0", ["application/json", "text/html"])
    'text/html'
    """
    if accept is None or not accept.strip():
        return offered[0] if offered else None
    ranges = _media_ranges(accept)
    if not ranges:
        return offered[0] if offered else None
    best, best_weight = None, 0.0
    for media_type in offered:
        weight = _weight(media_type, ranges)
        if weight > best_weight:
            best, best_weight = media_type, weight
    return best
