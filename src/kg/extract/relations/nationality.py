"""Nationality inferred once the other relations are known: from a state body, from a demonym."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.context import GOVERNMENT_TYPES, Context
from kg.extract.relations.collector import Relations


def implied_nationality(ctx: Context, out: Relations) -> None:
    """A state's political leader, or a member of its embassy or government, is its national."""
    mentions = {m.id: m for m in ctx.mentions}
    owners = {r.subject: r.object for r in out.relations if r.predicate == "partOf"
              and mentions[r.subject].type in GOVERNMENT_TYPES
              and mentions[r.object].type == "Country"}
    for relation in list(out.relations):
        subject = mentions[relation.subject]
        if subject.type != "Person":
            continue
        state = None
        if relation.predicate == "leaderOf" and mentions[relation.object].type == "Country":
            state = mentions[relation.object]
        elif relation.predicate == "memberOf" and relation.object in owners and \
                relation.evidence.confidence >= 0.7:  # not a guess ("Health Minister X" of one)
            state = mentions[owners[relation.object]]
        if state is not None:
            evidence = replace(relation.evidence, rule="implied-nationality",
                               confidence=min(relation.evidence.confidence, 0.6))
            out.relate(subject, "nationality", state, evidence)


def nominal_nationality(ctx: Context, out: Relations) -> None:
    """Unnamed people keep the nationality the text gives them ("a North Korean soldier")."""
    mentions = {m.id: m for m in ctx.mentions}
    doc = ctx.doc
    for mention in ctx.mentions:
        if mention.kind != "nominal":
            continue
        for name, value in mention.attributes:
            if name == "nationality" and value in mentions:
                tokens = [t for t in doc if mention.start <= t.idx < mention.end]
                out.relate(mention, "nationality", mentions[value],
                           ctx.evidence(tokens, "nominal-nationality", 0.8))
