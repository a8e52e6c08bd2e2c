"""Who a figure is attributed to: "according to X", a report's agent, the figures before."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.context import PLACE_TYPES, Context
from kg.extract.entities import argument_mention
from kg.extract.events import REPORTING
from kg.model import Event, Statistic


def sources_by_sentence(ctx: Context, events: list[Event]) -> dict[int, str]:
    """Who a sentence's figures are attributed to: "according to X", "X cited/reported"."""
    sources: dict[int, str] = {}
    mentions = ctx.mention_by_id()
    for token in ctx.tokens_with("lower", ("according",)):
        if token.lower_ == "according":
            for prep in token.children:
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    mention = argument_mention(ctx, obj)
                    if mention is not None:
                        sources[ctx.sentence_of(token)] = mention.id
    for event in events:
        if event.type in REPORTING:
            agents = [ref for role, ref in event.roles if role in ("agent", "publisher")]
            if agents and agents[0] in mentions:
                sources.setdefault(event.evidence.sentence, agents[0])
    # Only people and organisations report: a dateline city ("OSLO, Oct 8 —") does not.
    return {sentence: ref for sentence, ref in sources.items()
            if mentions.get(ref) is None or mentions[ref].type not in PLACE_TYPES}


def inherit_sources(ctx: Context, statistics: list[Statistic]) -> list[Statistic]:
    """A figure with no attribution of its own keeps the attribution of the figures just before."""
    result = []
    last_source: tuple[int, str] | None = None
    for statistic in statistics:
        if statistic.source is None and last_source and \
                statistic.evidence.sentence - last_source[0] <= 2:
            statistic = replace(statistic, source=last_source[1])
        if statistic.source is not None:
            last_source = (statistic.evidence.sentence, statistic.source)
        result.append(statistic)
    return result
