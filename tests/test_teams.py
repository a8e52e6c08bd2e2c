"""Sports teams (kg.extract.entities.teams, kg.extract.relations.teams): the gazetteer's teams
under their full names and nicknames, teams named by their place, and a team's people."""

from __future__ import annotations

from extracting import facts_of, relations
from kg.gazetteer import default_gazetteer
from kg.lexicon import read_table
from kg.model import Facts
from kg.resources import resource_dir


def types(facts: Facts) -> dict[str, str]:
    return {e.label: e.type for e in facts.entities}


def test_the_teams_file_lists_whole_leagues_once() -> None:
    rows = read_table(resource_dir("gazetteer") / "teams.tsv")
    leagues: dict[str, int] = {}
    for row in rows:
        leagues[row["league"]] = leagues.get(row["league"], 0) + 1
    assert leagues["NFL"] == 32 and leagues["NBA"] == 30 and leagues["MLB"] == 30
    assert leagues["NHL"] == 32 and leagues["Premier League"] == 20 and leagues["AFL"] == 18
    assert [row["key"] for row in rows] == sorted({row["key"] for row in rows})
    names = [n for row in rows for n in (row["name"], *row["aliases"].split("|")) if n]
    assert len(names) == len(set(names)), "a name of two teams"


def test_a_teams_full_name_is_an_organisation_not_its_city() -> None:
    facts = facts_of("The Denver Broncos signed a new kicker on Tuesday.")
    assert types(facts)["Denver Broncos"] == "Organization"
    assert "Denver" not in types(facts)
    facts = facts_of("Fans of the Seattle Kraken lined up outside the arena in Seattle.")
    assert types(facts)["Seattle Kraken"] == "Organization"
    assert types(facts)["Seattle"] == "City"


def test_a_nickname_is_the_team_the_article_named_in_full() -> None:
    facts = facts_of("The Carolina Panthers lost again. The Panthers have not won since "
                     "September, their owner said.")
    team = [e for e in facts.entities if e.label == "Carolina Panthers"]
    assert team and "Panthers" in team[0].aliases
    assert default_gazetteer().lookup("Panthers") is None  # three leagues have Panthers


def test_a_nickname_alone_names_no_team() -> None:
    facts = facts_of("The Panthers have not won since September, their owner said.")
    assert "Carolina Panthers" not in types(facts)


def test_a_team_position_and_a_name_make_a_member_with_a_job_title() -> None:
    facts = facts_of("Denver Broncos linebacker Tomas Okafor missed practice on Monday.")
    assert {("Tomas Okafor", "memberOf", "Denver Broncos"),
            ("Tomas Okafor", "jobTitle", "linebacker")} <= relations(facts)
    facts = facts_of("Aston Villa midfielder Rafael Lindqvist was booked in the first half.")
    assert {("Rafael Lindqvist", "memberOf", "Aston Villa"),
            ("Rafael Lindqvist", "jobTitle", "midfielder")} <= relations(facts)
    facts = facts_of("Geelong Cats ruckman Harley Dunmore was reported by the umpires.")
    assert ("Harley Dunmore", "memberOf", "Geelong Cats") in relations(facts)
