"""Mentions → entities, relations, events, statistics and dates: one module per kind of fact."""

from __future__ import annotations

from typing import Any

from kg.extract.context import Context
from kg.extract.entities import (
    choose_places,
    find_institutions,
    find_mentions,
    retype_by_descriptor,
)
from kg.extract.events import find_events
from kg.extract.relations import Relations, find_relations, nominal_nationality
from kg.extract.statistics import find_statistics
from kg.gazetteer import Gazetteer, default_gazetteer
from kg.model import Article, Facts

__all__ = ["extract"]


def extract(article: Article, doc: Any, gazetteer: Gazetteer | None = None) -> Facts:
    """All facts one parsed article states; references are still mention ids (see resolve)."""
    ctx = Context(article, doc, gazetteer or default_gazetteer())
    find_mentions(ctx)
    choose_places(ctx)
    retype_by_descriptor(ctx)
    find_institutions(ctx)
    relations = find_relations(ctx)
    events = find_events(ctx)
    statistics = find_statistics(ctx, events)
    late = Relations()
    nominal_nationality(ctx, late)
    return Facts(
        article=article,
        sentences=tuple(ctx.sentences),
        mentions=tuple(ctx.mentions),
        relations=tuple(relations.relations + late.relations),
        attributes=tuple(relations.attributes),
        events=tuple(events),
        statistics=tuple(statistics),
    )
