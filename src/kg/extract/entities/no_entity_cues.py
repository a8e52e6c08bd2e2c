"""Spans the model tagged that name no entity of the ontology: a kind of body, a common noun, a
title, a gathering, a thing, a law, a programme, a government without a name, a minister's
portfolio."""

from __future__ import annotations

from typing import Any

from kg.extract.entities.body_cues import company_head_after
from kg.extract.entities.thing_cues import counted_as_a_kind, names_a_document
from kg.extract.organizations import classify_organization
from kg.lexicon import lexicon

# Words that, with "government", say only which level of government speaks, not whose.
GOVERNMENT_LEVELS = {"federal", "national", "central", "state", "commonwealth", "government",
                      "opposition", "coalition"}


def names_nothing(span: Any, label: str, gazetteer: Any) -> bool:
    """Whether a span the model tagged, and the gazetteer does not know, names no entity of
    the ontology: a kind of body, a title, a common noun, a gathering, a law, a programme, a
    portfolio."""
    text = span.text
    if label == "ORG" and len(span) == 1 and span[0].lower_ in lexicon().words("body-words.txt"):
        return True  # "the Authority", "the Group": a kind of body, no name
    if len(span) == 1 and span[0].tag_ in ("NN", "NNS") and label != "PERSON" and \
            text not in gazetteer.party_names:
        return True  # "People", "Children" opening a sentence: a common noun, no name
    if label == "ORG" and len(span) == 1 and span[0].tag_ == "JJ":
        return True  # "Aboriginal communities": an adjective, not an organisation's name
    if label == "ORG" and span[-1].lower_ in gazetteer.titles and \
            classify_organization(text) == "Organization":
        return True  # "US Magistrate", "Joint Chiefs General": a title, no body
    if (label in ("ORG", "FAC") or label == "PERSON" and len(span) > 1) and \
            span[-1].text in gazetteer.event_name_heads:
        return True  # "the Johannesburg Earth Summit" names a gathering, not a body; "the Perth
        # Test" a match (the town keeps its mention); "the Jules Verne Trophy" a prize, no one
    if label != "NORP" and counted_as_a_kind(span):
        return True  # "he received an OBE", "trees felled in a World Heritage Area": one of a kind
    if names_a_document(span, gazetteer):
        return True  # "the Border Protection Bill" (even split as "Border Protection" + "Bill")
    if label == "ORG" and len(span) > 1 and span[-1].text in lexicon().words("programme-names.txt"):
        return True  # "the Pharmaceutical Benefits Scheme", "the Pacific Solution": a programme
    if label == "ORG" and unnamed_government(span):
        return True  # "the Federal Government": a government without a name is no entity
    return label == "ORG" and _portfolio(span, gazetteer)  # "Employment Services Minister X"


# Levels of government that, capitalised before "Government", name one body of the article's
# state as a proper name would: "the Federal Government", "the State Government".
_NAMED_LEVELS = {"federal", "national", "state", "commonwealth", "central"}


def unnamed_government(span: Any) -> bool:
    """"the Government", "the Opposition", "the Coalition Government": no state, party or
    leader named, and no level of government capitalised as a name ("the Federal Government",
    "the State Government" and "the Federal Opposition" are names of one body:
    data/gold/README.md)."""
    words = {t.lower_ for t in span if t.is_alpha}
    body = words & {"government", "opposition"}
    named = len(body) == 1 and bool(words & _NAMED_LEVELS) and "coalition" not in words and \
        all(t.text[:1].isupper() for t in span if t.is_alpha)
    return bool(words & {"government", "opposition"}) and words <= GOVERNMENT_LEVELS and not named


def _portfolio(span: Any, gazetteer: Any) -> bool:
    """"Employment Services" in "Employment Services Minister Mal Brough": a minister's
    portfolio, written before a capitalised title, is not an organisation; nor is one written
    after a title and "on" ("the party's spokesman on Home Affairs") or after "Minister for"
    ("the Minister for Regional Affairs"): :func:`_portfolio_after_a_title`."""
    doc = span.doc
    if classify_organization(span.text) != "Organization":
        return False
    if _portfolio_after_a_title(span, gazetteer):
        return True
    if span.end >= len(doc) or company_head_after(span[-1]):
        return False  # "Acme CEO Jane Roe": a company, not a minister's portfolio
    index = span.end
    while index < min(len(doc) - 1, span.end + 2) and doc[index].is_title and \
            doc[index].is_alpha and doc[index].lower_ not in gazetteer.titles:
        index += 1  # "New South Wales Emergency" + "Services Minister": the model cut the portfolio
    title = doc[index]
    return title.lower_ in gazetteer.titles and title.text[:1].isupper()


# The titles whose "for" names a portfolio ("the Minister for Regional Affairs"), where other
# titles' "for" names the body one speaks for ("a spokesman for the Northern Alliance").
_PORTFOLIO_TITLES = {"minister", "secretary"}


def _portfolio_after_a_title(span: Any, gazetteer: Any) -> bool:
    """Whether a name is the object of "on" hanging on a title ("Labor's spokesman on Home
    Affairs"), or of "for" hanging on a minister's or secretary's title ("the Minister for the
    Arts"): the portfolio a person holds or speaks on, not a body."""
    doc = span.doc
    index = span.start - 1
    if index >= 0 and doc[index].lower_ == "the":
        index -= 1
    if index < 1 or span.root.head.i != index:
        return False
    preposition = doc[index]
    title = preposition.head
    if preposition.dep_ != "prep" or title.i >= preposition.i or title.lower_ not in gazetteer.titles:
        return False
    return preposition.lower_ == "on" or preposition.lower_ == "for" and \
        title.lower_ in _PORTFOLIO_TITLES
