"""A dateline written with no comma ("SAN FRANCISCO (AP) —", "LONDON —") is the reporter's
place, not the first sentence's subject (Context.opening_dateline, events' past_dateline).
Sentences are invented for these tests, not taken from any gold article."""

from __future__ import annotations

import pytest

from extracting import facts_of, labels
from kg.model import Facts


def roles_of(facts: Facts, event_type: str) -> set[tuple[str, str]]:
    """The roles of a text's events of one type, by label."""
    names = labels(facts)
    return {(role, names.get(ref, ref)) for e in facts.events if e.type == event_type
            for role, ref in e.roles}


@pytest.mark.parametrize(("text", "event_type", "agent", "dateline"), [
    # a wire credit in brackets and a dash, no comma: the parser takes the city for the subject
    ("DENVER (AP) — Maria Olsen resigned as chief executive of Pinecrest Bank on Tuesday.",
     "Resignation", "Maria Olsen", "Denver"),
    ("MUMBAI (Reuters) -- Ravi Menon, the founder of Tarang Foods, resigned on Friday.",
     "Resignation", "Ravi Menon", "Mumbai"),
    # a dateline in capitals with a dash alone
    ("CAIRO — Egyptian police arrested four men in Giza on Sunday.",
     "Arrest", "Egyptian police", "Cairo"),
])
def test_a_dateline_without_a_comma_is_no_subject(text: str, event_type: str, agent: str,
                                                  dateline: str) -> None:
    roles = roles_of(facts_of(text), event_type)
    assert ("agent", agent) in roles
    assert ("agent", dateline) not in roles and ("location", dateline) not in roles


def test_the_wire_credit_is_no_subject_either() -> None:
    roles = roles_of(facts_of("OSLO (NTB) — Kari Lund resigned as mayor on Monday."), "Resignation")
    assert ("agent", "Kari Lund") in roles and not any(who == "NTB" for _, who in roles)


def dateline_of(text: str) -> str | None:
    """The words of a text's dateline place, as the mention stage finds it."""
    from kg.extract.context import Context
    from kg.extract.entities import find_mentions
    from kg.extract.namesakes import choose_places
    from kg.gazetteer import default_gazetteer
    from kg.model import Article
    from kg.nlp import parse

    ctx = Context(Article(id="t", text=text), parse(text), default_gazetteer())
    find_mentions(ctx)
    choose_places(ctx)
    place = ctx.opening_dateline()
    return place.text if place is not None else None


@pytest.mark.parametrize(("text", "expected"), [
    ("DENVER (AP) — Maria Olsen resigned on Tuesday.", "DENVER"),
    ("Nairobi (Reuters) - Kenyan police arrested three men.", "Nairobi"),  # credited, not capitals
    ("CAIRO -- Egyptian police arrested four men.", "CAIRO"),
    ("NAIROBI, Kenya (Reuters) - Kenyan police arrested three men.", "NAIROBI"),  # as before
])
def test_the_dateline_with_a_credit_or_a_dash(text: str, expected: str) -> None:
    assert dateline_of(text) == expected


@pytest.mark.parametrize("text", [
    # a place in capitals opening the text with no dash after it: no dateline
    "PARIS is where Jean Roux resigned as mayor on Monday.",
    # a place in plain letters with a dash and no credit: no dateline
    "Perth - the city where Ana Reyes works - has a new council.",
    # a hyphenated name, no spaces around the dash
    "TOKYO-based Hanami Corp said on Monday it had hired 40 engineers.",
])
def test_no_dateline_without_its_marks(text: str) -> None:
    assert dateline_of(text) is None


def test_a_dashed_dateline_places_no_statement() -> None:
    # the dashed dateline is read only to keep it from being the subject: what the people of
    # the story say is not placed at the reporter's desk ("the company said", an analyst)
    roles = roles_of(facts_of("BOSTON (Reuters) - Harvard University said on Monday it had "
                              "hired 40 nurses."), "Statement")
    assert ("agent", "Harvard University") in roles and ("location", "Boston") not in roles
