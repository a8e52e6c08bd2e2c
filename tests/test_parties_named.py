"""Parties in political news (kg.extract.relations.parties): a party's adjective is no part of
the office it stands before."""

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
