"""Relations between mentions: titles and roles, nationality, family, affiliation and possession.

One module per family of rules (titles, bare_titles, parties, members, portfolios, teams, clauses,
employment, copulas, organizations, geography, containment, nationality, ledes), with how a title is written
shared in title_words; this one lists the rules that read the text, in the order they run."""

from __future__ import annotations

from kg.extract.context import Context
from kg.extract.relations.clauses import (
    appointments,
    appositions,
    compatriots,
    kin_before_names,
    leading_verbs,
    people_of_bodies,
    possessive_movements,
)
from kg.extract.relations.collector import Relations
from kg.extract.relations.copulas import copular
from kg.extract.relations.employment import fronted_workplaces, joining_verbs, working_verbs
from kg.extract.relations.geography import (
    capitals_of_demonyms,
    places,
    places_in_framed_sentences,
    places_named_after_states,
)
from kg.extract.relations.ledes import people_named_next
from kg.extract.relations.members import members_including
from kg.extract.relations.nationality import demonyms_before_descriptions
from kg.extract.relations.organizations import (
    demonyms_in_names,
    institutions,
    modifiers_before_organizations,
    offices_in_places,
    organization_appositions,
    organization_parts,
    organization_seats,
    possessives,
    states_in_names,
)
from kg.extract.relations.parties import (
    party_members_apposed,
    party_members_before_names,
    party_tags,
)
from kg.extract.relations.portfolios import offices_of_bodies, portfolio_titles
from kg.extract.relations.teams import team_appositions, team_positions, team_verbs
from kg.extract.relations.titles import titles_before_names

EXTRACTORS = (
    titles_before_names,
    team_positions,
    party_tags,
    party_members_apposed,
    party_members_before_names,
    portfolio_titles,
    demonyms_before_descriptions,
    appositions,
    team_appositions,
    kin_before_names,
    compatriots,
    copular,
    leading_verbs,
    joining_verbs,
    working_verbs,
    team_verbs,
    appointments,
    people_of_bodies,
    possessive_movements,
    members_including,
    possessives,
    modifiers_before_organizations,
    organization_appositions,
    organization_parts,
    demonyms_in_names,
    states_in_names,
    institutions,
    organization_seats,
    offices_in_places,
    places,
    capitals_of_demonyms,
    places_named_after_states,
    places_in_framed_sentences,
    offices_of_bodies,
    people_named_next,
    fronted_workplaces,
)


def find_relations(ctx: Context) -> Relations:
    """Run every relation rule over the article's text. Geography (gazetteer_containment) and
    the inferences (implied_nationality) come after, once the other facts are known."""
    out = Relations()
    for extractor in EXTRACTORS:
        extractor(ctx, out)
    return out


__all__ = ["EXTRACTORS", "find_relations"]
