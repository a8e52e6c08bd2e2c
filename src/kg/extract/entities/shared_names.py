"""Names several known organisations share: the one the article is about."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from kg.extract.context import Context
from kg.extract.entities.acronyms import DEFINES
from kg.extract.organizations import media_after
from kg.gazetteer import KnownOrganization, Place
from kg.model import Mention

# Verbs whose subject is the outlet that carried the news: "AFP reported", "AFP quoted him".
_REPORTING_VERBS = {"report", "quote"}

# Verbs after which "by" names the outlet that had the news: "a statement received by AFP".
_RECEIVING_VERBS = {"receive", "obtain", "see"}

# Nouns after an outlet's name for its staff or its work: "an AFP journalist said".
_PRESS_NOUNS = {"journalist", "journalists", "correspondent", "correspondents", "reporter",
                "reporters", "photographer", "photographers", "report", "reports", "dispatch",
                "tally", "count", "interview"}


def choose_organizations(ctx: Context) -> None:
    """Pick, for a short name several known organisations share, the one whose state the
    article names most: "AFP" is the Australian Federal Police in a story of Australian places
    and the wire service Agence France-Presse elsewhere, and wherever it is credited with the
    news; "the Democrats" is the Australian Democrats (their name without its adjective) in an
    Australian story and the US party elsewhere. A tie keeps the gazetteer's first entry. An
    acronym the article defined ("the Australian Federal Police (AFP)") is what it defined."""
    gazetteer = ctx.gazetteer
    credited = {m.text for m in ctx.mentions if m.kind == "name" and not _defined(m)
                and _credited(ctx, m)}
    supports: dict[str, Counter[str]] = {}  # by name: a name repeated is counted once
    for position, mention in enumerate(ctx.mentions):
        current = gazetteer.get(mention.key) if mention.key else None
        if not isinstance(current, KnownOrganization) or mention.kind != "name" or _defined(mention):
            continue
        if mention.text not in supports:
            supports[mention.text] = _country_support(ctx, mention.text)
        support = supports[mention.text]
        options = [c for c in gazetteer.candidates(mention.text)
                   if isinstance(c, KnownOrganization)]
        for key in support:
            state = gazetteer.get(key)
            for adjective in state.demonyms if isinstance(state, Place) else ():
                found = gazetteer.lookup(f"{adjective} {mention.text}")
                if isinstance(found, KnownOrganization) and found.country == key and \
                        found not in options:
                    options.append(found)  # "Democrats" for the "Australian Democrats"
        best = max(options, key=lambda o: support[o.country or ""], default=current)
        if support[best.country or ""] <= support[current.country or ""] or \
                current.type == "NewsOrganization" and mention.text in credited:
            continue  # one credit with the news makes the name the outlet's all through
        ctx.mentions[position] = replace(mention, key=best.key, type=best.type)


def _defined(mention: Mention) -> bool:
    """Whether a mention is an acronym the article defined in brackets after a name."""
    return any(name == DEFINES for name, _ in mention.attributes)


def _country_support(ctx: Context, name: str) -> Counter[str]:
    """How often the article names each state by other names than ``name``: the state, a place
    in it (as the places were chosen), or an organisation of it whose name only it has."""
    gazetteer = ctx.gazetteer
    support: Counter[str] = Counter()
    for mention in ctx.mentions:
        entry = gazetteer.get(mention.key) if mention.key and mention.text != name else None
        if isinstance(entry, Place):
            support[entry.key if entry.type == "Country" else entry.country or ""] += 1
        elif isinstance(entry, KnownOrganization) and entry.country and \
                len(gazetteer.candidates(mention.text)) <= 1:
            support[entry.country] += 1
    return support


def _credited(ctx: Context, mention: Mention) -> bool:
    """Whether a name is credited with the news as an outlet is: "(AFP)", "AFP reported",
    "told AFP", "according to AFP", "the AFP news agency", "an AFP journalist", "a statement
    received by AFP"."""
    doc = ctx.doc
    first, last = ctx.first_token(mention), ctx.last_token(mention)
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if before is not None and before.text == "(" or after is not None and after.text == ")":
        return True
    if media_after(last) or doc[max(0, first.i - 2) : first.i].text.lower() == "according to" \
            or after is not None and after.is_lower and after.lower_ in _PRESS_NOUNS:
        return True
    verb = last.head
    if last.dep_ == "pobj" and verb.lower_ == "by" and verb.head.lemma_ in _RECEIVING_VERBS:
        return True
    return last.dep_ == "nsubj" and verb.lemma_ in _REPORTING_VERBS or \
        last.dep_ in ("dobj", "dative") and verb.lemma_ == "tell"
