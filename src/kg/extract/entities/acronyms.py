"""Acronyms an article defines in brackets: after an organisation's name the same body, after
common words no name at all."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, Context
from kg.gazetteer import KnownOrganization
from kg.model import Mention

DEFINES = "defined-by"
"""The attribute an acronym's mention carries: the id of the name it was defined after
(kg.resolve gives both one entity; kg.extract.entities.shared_names leaves it alone)."""

_ACRONYM = re.compile(r"^[A-Z][A-Z&]*[A-Z]$")


def find_defined_acronyms(ctx: Context) -> None:
    """"The Australian Federal Police (AFP)", "the Regional Water Authority's (RWA)": an
    upper-case word in brackets right after an organisation's name of two words or more, whose
    initials it holds, names that organisation there and wherever the article repeats it after.

    The definition outranks what the gazetteer takes the letters for ("AFP" the wire service):
    the acronym takes the name's gazetteer key, or the name takes the acronym's when the entry
    is that name ("the Organisation for Economic Cooperation and Development (OECD)"); a body
    neither knows is joined in kg.resolve through the attribute :data:`DEFINES`.
    """
    doc = ctx.doc
    for token in ctx.tokens_with("text", ("(",)):
        if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        letters = doc[token.i + 1]
        before = token.i - 1 - (token.i > 1 and doc[token.i - 1].text in ("'s", "'", "\u2019s"))
        name = ctx.mention_at(doc[before]) if before >= 0 else None
        if name is None or name.kind != "name" or name.type not in ORGANIZATION_TYPES or \
                name.end != doc[before].idx + len(doc[before].text) or \
                not _ACRONYM.match(letters.text) or not fits(letters.text, name.text):
            continue
        _define(ctx, letters, name)


def abbreviations_of_common_words(doc: Any) -> frozenset[str]:
    """Upper-case words an article defines in brackets right after lower-case words whose
    initials they spell: "genetically modified (GM) crops", "the goods and services tax (GST)",
    "information technology (IT)". They abbreviate a common phrase, not a name, so they are no
    entity there or wherever the article repeats them (spaCy's small model tags "GM" an
    organisation, General Motors' letters)."""
    found = set()
    for token in doc:
        if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        letters = doc[token.i + 1].text
        if not _ACRONYM.match(letters) or len(letters) > token.i:
            continue
        words = [t for t in doc[max(0, token.i - 2 * len(letters)) : token.i]
                 if t.is_alpha and t.lower_ not in ("and", "of", "the", "for", "a", "an")]
        initials = "".join(t.text[0] for t in words[-len(letters):]).upper()
        if len(words) >= len(letters) and initials == letters and \
                all(t.is_lower for t in words[-len(letters):]):
            found.add(letters)
    return frozenset(found)


def fits(acronym: str, name: str) -> bool:
    """Whether an acronym may abbreviate a name of two capitalised words or more: it begins
    with one of their initials and holds them all, in order ("CFMEU" for "Construction,
    Forestry, Mining and Energy Union") or not (the Spanish "INDECI" for "National Institute of
    Civil Defence")."""
    initials = [word[0] for word in re.split(r"[\s,-]+", name) if word[:1].isupper()
                and word not in ("The", "A")]
    return len(initials) >= 2 and acronym[0] in initials and set(initials) <= set(acronym)


def _define(ctx: Context, letters: Any, name: Mention) -> None:
    key = name.key
    known = ctx.gazetteer.get(key) if key else None
    if known is None:
        entry = ctx.gazetteer.lookup(letters.text)
        if isinstance(entry, KnownOrganization) and _spelled_alike(name.text, entry):
            key = entry.key  # "Organisation for ... Cooperation" for "Co-operation"
            position = ctx.mentions.index(name)
            name = ctx.mentions[position] = replace(name, key=key, type=entry.type)
    attributes = ((DEFINES, name.id),)
    if ctx.mention_at(letters) is None:
        ctx.add_mention([letters], name.type, key=key, attributes=attributes)
    for position, other in enumerate(ctx.mentions):
        if other.kind == "name" and other.text == letters.text and other.start >= letters.idx:
            ctx.mentions[position] = replace(other, type=name.type, key=key,
                                             attributes=attributes)


def _spelled_alike(name: str, entry: KnownOrganization) -> bool:
    """Whether a name is one of an entry's names but for British spelling and hyphens."""
    def loose(text: str) -> str:
        text = re.sub(r"^the\s+", "", text.lower())
        return re.sub(r"[\s-]+", "", text.replace("isation", "ization"))

    return loose(name) in {loose(n) for n in (entry.name, *entry.aliases)}
