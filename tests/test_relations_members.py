"""Membership rules read from the clause (invented sentences): a party's member noun written
before a name, and the verb "work" with the body one works for or at."""

from __future__ import annotations

import pytest

from extracting import facts_of, relations


@pytest.mark.parametrize(("text", "wanted"), [
    ("Republican Chuck Hale of the Foreign Relations Committee said the White House in "
     "Washington must act.", {("Chuck Hale", "memberOf", "Republican Party")}),
    ("Democrat Ann Cole of Ohio voted against the bill in the United States Senate.",
     {("Ann Cole", "memberOf", "Democratic Party")}),
    ("Republicans Tom Hale and Ed Marsh met in Washington on Monday.",
     {("Tom Hale", "memberOf", "Republican Party"), ("Ed Marsh", "memberOf", "Republican Party")}),
])
def test_a_party_members_noun_before_a_name_makes_a_member(
        text: str, wanted: set[tuple[str, str, str]]) -> None:
    assert wanted <= relations(facts_of(text))


@pytest.mark.parametrize("text", [
    "Former Republican Tom Ridge said the party in the United States had changed.",
    "Senators in Washington praised Republican strategist Karl Dunn.",  # a title between
    "Republican Ann Cole met the envoy in Paris.",  # no state of the party named
])
def test_a_former_member_or_a_noun_with_a_title_after_it_gives_no_party(text: str) -> None:
    assert not {r for r in relations(facts_of(text)) if r[1] == "memberOf"}
