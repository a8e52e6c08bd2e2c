"""Parties in political news (kg.extract.relations.parties): a party's adjective is no part of
the office it stands before, and a party's member noun, as the subject of a later clause,
stands for the politician named just before it."""

from __future__ import annotations

import pytest

from extracting import facts_of, relations


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    ("Rita Kahn, the Democratic governor of Oregon, vetoed the measure on Friday.",
     [("Rita Kahn", "jobTitle", "governor"), ("Rita Kahn", "memberOf", "Democratic Party")],
     [("Rita Kahn", "jobTitle", "Democratic governor")]),
    ("Oregon's Democratic governor, Rita Kahn, vetoed the measure on Friday.",
     [("Rita Kahn", "jobTitle", "governor"), ("Rita Kahn", "memberOf", "Democratic Party")],
     [("Democratic Party", "basedIn", "Oregon"), ("Rita Kahn", "jobTitle", "Democratic governor")]),
    ("Joan Marsh, a Liberal senator from Tasmania, voted against the bill in Canberra.",
     [("Joan Marsh", "jobTitle", "senator")], [("Joan Marsh", "jobTitle", "Liberal senator")]),
])
def test_a_party_adjective_is_no_part_of_the_office(
        text: str, wanted: list[tuple[str, str, str]], unwanted: list[tuple[str, str, str]]) -> None:
    found = relations(facts_of(text))
    assert all(w in found for w in wanted) and not any(u in found for u in unwanted), found


@pytest.mark.parametrize(("text", "wanted"), [
    ("Gov. Luis Ortega met the mayor in Phoenix on Monday. The Arizona Democrat said the budget "
     "was short.", ("Luis Ortega", "memberOf", "Democratic Party")),
    ("Tariq Bell had a short meeting with Rep. Nora Field, the chairwoman of the panel, the Texas "
     "Republican said in a statement.", ("Nora Field", "memberOf", "Republican Party")),
    ("Sen. Paula Grant toured the car plant in Detroit with reporters. The veteran Democrat said "
     "the jobs would return.", ("Paula Grant", "memberOf", "Democratic Party")),
])
def test_a_party_member_noun_stands_for_the_politician_named_before(
        text: str, wanted: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert wanted in found, found
    assert not any(r[1] == "memberOf" and r[0] != wanted[0] and r[2] == wanted[2] for r in found)


@pytest.mark.parametrize("text", [
    "Senator Amy Cole spoke in Hobart, Australia. The Greens said the plan was flawed.",
    "Dan Reyes spoke in Leeds, England. The new Labour leader, Kim Ash, said the plan was flawed.",
    "Rep. Ana Soto met Rep. Tim Lowe in Denver. The Republican said nothing.",
])
def test_no_member_is_read_from_the_party_itself_or_an_apposed_name(text: str) -> None:
    found = relations(facts_of(text))
    subjects = {r[0] for r in found if r[1] == "memberOf"}
    assert not subjects & {"Amy Cole", "Dan Reyes", "Ana Soto", "Tim Lowe"}, found
