"""A team's people: "Steelers center Maurkice Pouncey", "Alabama coach Nick Saban" → the person
is a member of the team, with the position as job title."""

from __future__ import annotations

from kg.extract.context import Context
from kg.extract.entities.teams import person_after_position, position_after
from kg.extract.relations.collector import Relations
from kg.gazetteer import Place


def team_positions(ctx: Context, out: Relations) -> None:
    """"Pittsburgh Steelers center Maurkice Pouncey", "Arsenal striker Bukayo Saka", "Alabama
    head coach X": a team's name before a position and a person's name (read from the parse:
    the team modifies the position, the name goes with it) makes the person a member of the
    team, with the position as job title. The team is one the gazetteer lists or a place's
    name read as a team (kg.extract.entities.teams.place_named_teams)."""
    gazetteer = ctx.gazetteer
    for team in ctx.mentions:
        if team.kind != "name" or team.type != "Organization" or not (
                team.key in gazetteer.teams or isinstance(gazetteer.lookup(team.text), Place)):
            continue
        last = ctx.last_token(team)
        role = position_after(last)
        person = person_after_position(role, ctx) if role is not None else None
        if role is None or person is None:
            continue
        title = ctx.doc[last.i + 1 : role.i + 1].text.lower()
        evidence = ctx.evidence([last, role], "team-positions", 0.8)
        out.relate(person, "memberOf", team, evidence)
        out.attribute(person, "jobTitle", title, evidence)
