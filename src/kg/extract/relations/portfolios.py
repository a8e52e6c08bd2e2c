"""Portfolios and offices: the post a minister's title names, and the body an office is held in."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.context import Context
from kg.extract.relations.collector import Relations
from kg.extract.relations.title_words import (
    JUNIOR_MODIFIERS,
    PAST_MODIFIERS,
    TITLE_MODIFIERS,
    portfolio_holders,
)


def portfolio_titles(ctx: Context, out: Relations) -> None:
    """"Minister for Rehabilitation Jane Roe", "Secretary of State for Health John Doe": a
    capitalised title with its portfolio written after it, just before the name."""
    doc = ctx.doc
    for mention in [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]:
        first = ctx.first_token(mention)
        index = first.i - 1
        while index >= 0 and doc[index].is_title and doc[index].is_alpha and \
                doc[index].lower_ not in ("for", "of", "and") and \
                getattr(ctx.mention_at(doc[index]), "type", None) != "Person":
            index -= 1
        if index == first.i - 1 or index < 1 or doc[index].lower_ not in ("for", "of") or \
                doc[index - 1].lower_ not in portfolio_holders() or not doc[index - 1].is_title:
            continue
        words = list(doc[index - 1 : first.i])
        if doc[index - 1].lower_ == "secretary" and words[2].lower_ == "state":
            continue  # "Secretary of State X": the title itself, which titles.tsv knows
        shown = " ".join(w.lower_ for w in words)
        out.attribute(mention, "jobTitle", shown, ctx.evidence([*words, first], "portfolio-title", 0.8))


def _portfolio(title: str) -> str | None:
    """The portfolio a minister's title names: "health minister", "Minister for Trade" → health,
    trade; "prime minister" names none."""
    words = title.lower().replace("defense", "defence").split()
    if "minister" not in words:
        return None
    index = words.index("minister")
    if index + 2 < len(words) and words[index + 1] in ("for", "of"):
        return words[index + 2]
    before = words[index - 1] if index > 0 else None
    return None if before is None or before == "prime" or before in TITLE_MODIFIERS else before


_CHAMBERS = {"senator": "senate", "congressman": "congress", "congresswoman": "congress",
             "mp": "parliament", "member of parliament": "parliament"}
"""The word in a chamber's name that a legislator's title points to: "Senator X" → "the Senate"."""


def _office(title: str) -> tuple[str, str, bool] | None:
    """The kind of body a title holds an office in, the word its name must contain, and
    whether the office leads it: "health minister" → a ministry with "health", leading."""
    lowered = title.lower()
    portfolio = _portfolio(lowered)
    if portfolio is not None:
        return "Ministry", portfolio, True
    chamber = next((word for name, word in _CHAMBERS.items()
                    if lowered == name or lowered.endswith(" " + name)), None)
    return ("Legislature", chamber, False) if chamber else None


def offices_of_bodies(ctx: Context, out: Relations) -> None:
    """"Health Minister X" in a story that names "Peru's Ministry of Health", "Senator Y" in one
    that names the Senate: the office holder is of the one such body the article names, in
    their own state when both states are known; a minister leads it unless deputy or former."""
    mentions = ctx.mention_by_id()
    state_of: dict[str, str] = {}
    for relation in out.relations:
        owner = mentions[relation.object]
        if relation.predicate in ("partOf", "nationality", "leaderOf") and owner.type == "Country":
            state_of.setdefault(relation.subject, owner.key or owner.text)
    for attribute in list(out.attributes):
        office = _office(attribute.value) if attribute.predicate == "jobTitle" else None
        words = set(attribute.value.lower().split())
        if office is None or words & PAST_MODIFIERS:
            continue
        kind, word, leads = office
        person = mentions[attribute.subject]
        own = state_of.get(person.id)
        matching = [m for m in ctx.mentions if m.type == kind and m.kind == "name" and
                    word in m.text.lower().replace("defense", "defence").split() and
                    (own is None or state_of.get(m.id, own) == own)]
        if own is not None and any(state_of.get(m.id) == own for m in matching):
            matching = [m for m in matching if state_of.get(m.id) == own]
        if len({m.key or m.text.lower() for m in matching}) != 1 or \
                len({state_of.get(m.id) for m in matching} - {None}) > 1:
            continue  # "Chile's and Peru's Ministry of Foreign Affairs": whose is unsure
        body = matching[0]
        evidence = replace(attribute.evidence, rule="office-of-body", confidence=0.65)
        out.relate(person, "memberOf", body, evidence)
        if leads and not words & JUNIOR_MODIFIERS:
            out.relate(person, "leaderOf", body, evidence)
