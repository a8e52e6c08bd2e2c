"""A team's people: "Steelers center Maurkice Pouncey", "Alabama coach Nick Saban", "X, the
Dolphins' quarterback" → the person is a member of the team, with the position as job title;
"X coached at Michigan State", "Y played for the Denver Broncos" → a member."""

from __future__ import annotations

from typing import Any

from kg.extract.context import Context
from kg.extract.coreference import person_for_pronoun
from kg.extract.entities import argument_mention
from kg.extract.entities.teams import (
    person_after_position,
    position_after,
    positions,
    university_name,
)
from kg.extract.relations.collector import Relations
from kg.gazetteer import Place
from kg.model import Mention


def team_positions(ctx: Context, out: Relations) -> None:
    """"Pittsburgh Steelers center Maurkice Pouncey", "Arsenal striker Bukayo Saka", "Alabama
    head coach X": a team's name before a position and a person's name (read from the parse:
    the team modifies the position, the name goes with it) makes the person a member of the
    team, with the position as job title. The team is one the gazetteer lists or a place's
    name read as a team (kg.extract.entities.teams.place_named_teams)."""
    for team in ctx.mentions:
        if not _a_team(ctx, team):
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


def team_appositions(ctx: Context, out: Relations) -> None:
    """"X, the Miami Dolphins' quarterback", "X, the quarterback of the Dolphins", "X, a Bayern
    Munich defender": a position apposed to a person's name, with the team as its owner, its
    modifier or its "of"/"for" object, makes the person a member, with the position as job
    title."""
    known = positions()
    for token in ctx.tokens_with("dep", ("appos",)):
        if token.dep_ != "appos":
            continue
        for named, noun in ((token.head, token), (token, token.head)):
            person = ctx.mention_in(named, ("Person",))
            if person is None or person.kind != "name" or noun.pos_ != "NOUN" or \
                    ctx.mention_in(noun, ("Person",)) is not None:
                continue
            before = ctx.doc[noun.i - 1] if noun.i > 0 else noun
            title = f"{before.lower_} {noun.lower_}" if \
                f"{before.lower_} {noun.lower_}" in known else noun.lower_
            if title not in known:
                continue
            owners = [c for c in noun.children if c.dep_ in ("poss", "compound")]
            owners += [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                       for o in c.children if o.dep_ == "pobj"]
            team = next((m for m in (ctx.mention_at(o) for o in owners) if _a_team(ctx, m)), None)
            if team is None:
                continue
            evidence = ctx.evidence([named, noun], "team-appositions", 0.75)
            out.relate(person, "memberOf", team, evidence)
            out.attribute(person, "jobTitle", title, evidence)


def _a_team(ctx: Context, mention: Mention | None) -> bool:
    """Whether a mention names a team: one the gazetteer lists, or a place's name read as a
    team (an organisation under a place's name)."""
    gazetteer = ctx.gazetteer
    return mention is not None and mention.kind == "name" and mention.type == "Organization" \
        and (mention.key in gazetteer.teams or isinstance(gazetteer.lookup(mention.text), Place)
             or university_name(mention.text, gazetteer))


# A verb of a team's people and the preposition before the team: "coached at Michigan State",
# "played for the Broncos", "was with the Miami Dolphins"; None: the team is the object
# ("coached the Dallas Cowboys", "captained Collingwood").
_TEAM_VERBS = {"coach": ("at", "for", None), "play": ("for", "with"), "captain": (None,),
               "skipper": (None,), "be": ("with",), "star": ("for",)}


def _subject(ctx: Context, verb: Any) -> Mention | None:
    """The person a verb's subject names: a name, "who" after one, or "he"/"she"."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.tag_ == "WP" and verb.dep_ == "relcl":
        subject = verb.head  # "Brent Hollis, who played for the Broncos"
    if subject.pos_ == "PRON" and subject.lower_ in ("he", "she"):
        argument_mention(ctx, subject)
        return person_for_pronoun(ctx, subject) or _person_the_clause_is_about(ctx, verb)
    found = ctx.mention_in(subject, ("Person",))
    return found if found is not None and found.kind == "name" else None


def _person_the_clause_is_about(ctx: Context, verb: Any) -> Mention | None:
    """For "he" in a clause of time under another ("I covered Saban when he coached at X and
    when he was with Y"), the one person named as that clause's subject or object."""
    while verb.dep_ == "conj":
        verb = verb.head
    if verb.dep_ != "advcl" or not any(c.lower_ in ("when", "while") for c in verb.children):
        return None
    named = [m for m in (ctx.mention_in(c, ("Person",)) for c in verb.head.children
                         if c.dep_ in ("nsubj", "dobj")) if m is not None and m.kind == "name"]
    return named[0] if len(named) == 1 else None


def team_verbs(ctx: Context, out: Relations) -> None:
    """"X coached at Michigan State", "Y, who played for the Denver Broncos", "when he was
    with the Miami Dolphins", "Z captained Collingwood": the person is (or was) a member of
    the team. The team is one the gazetteer lists or a place's name read as a team; not what
    someone would or did not do ("will play for", "never coached at")."""
    for verb in ctx.tokens_with("lemma", _TEAM_VERBS):
        preps = _TEAM_VERBS.get(verb.lemma_)
        if preps is None or verb.pos_ not in ("VERB", "AUX") or any(
                c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ in ("MD", "TO")
                for c in verb.children):
            continue
        teams = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
                 for o in c.children if o.dep_ == "pobj"]
        if None in preps:
            teams += [c for c in verb.children if c.dep_ == "dobj"]
        teams += [c for team in list(teams) for c in team.conjuncts]
        # A team is a name the article has: looked up, no mention made.
        found = [m for m in (ctx.mention_in(t, ("Organization",)) for t in teams)
                 if m is not None and _a_team(ctx, m)]
        person = _subject(ctx, verb) if found else None
        if person is None or person.type != "Person":
            continue
        for team in found:
            evidence = ctx.evidence([verb], "team-verbs", 0.7)
            out.relate(person, "memberOf", team, evidence)
