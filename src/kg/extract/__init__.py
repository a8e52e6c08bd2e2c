"""Mentions → entities, relations, events, statistics and dates: one module per kind of fact."""

from __future__ import annotations

from typing import Any

from kg.extract.context import Context
from kg.extract.entities import (
    choose_organizations,
    find_defined_acronyms,
    find_institutions,
    find_mentions,
    find_nicknamed_people,
    find_repeated_names,
    find_untagged_names,
    surnames_of_named_people,
)
from kg.extract.events import find_events
from kg.extract.namesakes import choose_places
from kg.extract.organizations import (
    credit_in_dateline,
    drop_programme_names,
    join_hyphen_linked_names,
    retype_by_descriptor,
)
from kg.extract.relations import find_relations
from kg.extract.relations.collector import Relations
from kg.extract.relations.containment import gazetteer_containment
from kg.extract.relations.nationality import (
    described_officials,
    implied_nationality,
    nominal_nationality,
)
from kg.extract.statistics import find_statistics
from kg.gazetteer import Gazetteer, default_gazetteer
from kg.model import Article, Event, Facts, Mention, Statistic

__all__ = ["extract"]


def extract(article: Article, doc: Any, gazetteer: Gazetteer | None = None) -> Facts:
    """All facts one parsed article states; references are still mention ids (see resolve)."""
    ctx = Context(article, doc, gazetteer or default_gazetteer())
    find_mentions(ctx)
    find_untagged_names(ctx)
    find_defined_acronyms(ctx)
    find_nicknamed_people(ctx)
    find_repeated_names(ctx)
    choose_places(ctx)
    choose_organizations(ctx)
    retype_by_descriptor(ctx)
    surnames_of_named_people(ctx)
    join_hyphen_linked_names(ctx)
    credit_in_dateline(ctx)
    drop_programme_names(ctx)
    find_institutions(ctx)
    relations = find_relations(ctx)
    events = find_events(ctx)
    statistics = find_statistics(ctx, events)
    late = Relations()
    nominal_nationality(ctx, late)
    described_officials(ctx, relations)  # once the events have made the unnamed office holders
    pointed = _pointed_at(ctx.mentions, relations, late, events, statistics)
    # Geography after the other facts: it may link the states they made entities of the article.
    gazetteer_containment(ctx, relations, states=pointed)
    implied_nationality(ctx, relations)
    facts = relations.relations + late.relations
    return Facts(
        article=article,
        sentences=tuple(ctx.sentences),
        mentions=_kept_mentions(ctx.mentions, pointed),
        relations=tuple(facts),
        attributes=tuple(relations.attributes),
        events=tuple(events),
        statistics=tuple(statistics),
    )


# How far back a description looks for the state it stands for, as in kg.resolve.
_DESCRIPTION_REACH = 6


def _pointed_at(mentions: list[Mention], relations: Relations, late: Relations,
                events: list[Event], statistics: list[Statistic]) -> set[str]:
    """The mentions a fact refers to, with the state a referred description stands for ("the
    country" after "North Koreans")."""
    pointed = {ref for r in relations.relations + late.relations for ref in (r.subject, r.object)}
    pointed |= {a.subject for a in relations.attributes}
    pointed |= {ref for e in events for _, ref in e.roles}
    pointed |= {ref for s in statistics for ref in (s.about, s.source) if ref}
    pointed |= {value for m in mentions for _, value in m.attributes}
    for description in mentions:
        if description.kind != "description" or description.type != "Country" or \
                description.id not in pointed:
            continue
        before = [m for m in mentions if m.start < description.start and m.type == "Country"
                  and m.kind not in ("pronoun", "description")
                  and description.sentence - m.sentence <= _DESCRIPTION_REACH]
        if before:
            pointed.add(max(before, key=lambda m: m.start).id)
    return pointed


def _kept_mentions(mentions: list[Mention], pointed: set[str]) -> tuple[Mention, ...]:
    """The mentions that make entities. A state named only by its adjective ("Norwegian cargo
    ship") is an entity only when a fact points to it: "Croatian Prime Minister X" makes
    Croatia one, "an Irish goose" does not; where the state is an entity, all its adjectives
    stay its mentions."""
    present = {m.key for m in mentions if m.key and (m.kind != "demonym" or m.id in pointed)}
    return tuple(m for m in mentions if m.kind != "demonym" or m.key in present)
