"""Roles and kin a copula states of a person: "X is the daughter of Y", "X will remain
chairman", "X, who served as foreign minister", "he is a member of Y", "she is a pharmacist"."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, PLACE_TYPES, Context
from kg.extract.entities import argument_mention
from kg.extract.quotations import inside, quoted_speaker
from kg.extract.relations.clauses import (
    board_of,
    indefinite,
    one_among_several,
    one_of_a_body,
    person_of,
    workplace,
)
from kg.extract.relations.collector import Relations
from kg.extract.relations.members import MEMBER_NOUNS
from kg.extract.relations.parties import party_before_title
from kg.extract.relations.title_words import (
    is_briefed,
    is_former,
    is_junior,
    is_retired,
    noun_title,
    one_of,
    opposed,
    profession_of,
)
from kg.extract.relations.titles import affiliate, affiliate_all
from kg.model import Mention

_COPULAS = {"be", "remain", "become", "serve", "work", "act"}


def copular(ctx: Context, out: Relations) -> None:
    """'X is the daughter of Y', 'X will remain chairman', 'X, who served as foreign minister',
    'he is a member of Y'."""
    for token in ctx.tokens_with("lemma", _COPULAS):
        if token.lemma_ not in _COPULAS or token.pos_ not in ("AUX", "VERB"):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.dep_ == "relcl" and subjects and subjects[0].tag_ in ("WP", "WDT"):
            subjects = [token.head]
        if not subjects:
            continue
        apposed = [c for c in subjects[0].children if c.dep_ == "appos"]
        # "Dagalo's brother, Abdelrahim Dagalo, is the RSF's deputy commander": the name apposed
        person = ctx.mention_in(subjects[0], ("Person",)) or next(
            (m for m in (ctx.mention_in(t, ("Person",)) for t in apposed)
             if m is not None and m.kind == "name"), None) or (
            person_of(ctx, subjects[0]) if subjects[0].pos_ == "PRON" else None) or (
            _apposed_to_a_name(ctx, subjects[0], token) if token.dep_ == "relcl" else None)
        if person is None or person.type != "Person" or \
                subjects[0].pos_ == "PRON" and _unnamed_speaker_quoting(ctx, subjects[0]):
            continue
        nouns = [c for c in token.children if c.dep_ in ("attr", "acomp")]
        nouns += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "as"
                  for o in c.children if o.dep_ == "pobj"]
        for noun in nouns:
            group = one_of(noun)
            if group is not None:
                evidence = ctx.evidence([subjects[0], token, noun, group], "one-of-a-body", 0.75)
                one_of_a_body(ctx, out, person, group, evidence)
                continue
            if not (noun.pos_ == "NOUN" and not ctx.mention_at(noun) or _capitalised_title(ctx, noun)):
                continue  # "X is Acme": no title ("X is the Acme chief": the body before one)
            evidence = ctx.evidence([subjects[0], token, noun], "copula", 0.75)
            relation = ctx.gazetteer.kinship.get(noun.lower_)
            if relation:
                for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
                    for obj in (o for o in prep.children if o.dep_ == "pobj"):
                        other = ctx.mention_in(obj, ("Person",))
                        if other is not None:
                            # "X is the daughter of Y": Y has child X, X has parent Y
                            flipped = {"parent": "child", "child": "parent"}.get(relation, relation)
                            out.relate(other, relation, person, evidence)
                            if flipped != relation:
                                out.relate(person, flipped, other, evidence)
                continue
            title, shown = noun_title(noun, ctx)
            job = profession_of(noun, ctx) if not title and indefinite(noun) else None
            if job is not None:  # "X is a pharmacist": a trade, which ties to no body
                out.attribute(person, "jobTitle", job,
                              replace(evidence, rule="copula-profession", confidence=0.7))
                continue
            if not title and noun.lemma_.lower() not in MEMBER_NOUNS:
                continue  # "X is a member of Y", "she became a senior figure in Y": no title
            if title:
                out.attribute(person, "jobTitle", shown, evidence)
            for child in noun.children:
                body = None
                if child.dep_ == "poss":
                    body = argument_mention(ctx, child)
                elif child.dep_ == "prep" and (child.lower_ in ("of", "at", "for") or
                                               child.lower_ == "in" and not title):
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    body = argument_mention(ctx, objects[0]) or board_of(ctx, objects[0]) \
                        if objects else None
                    if body is not None and body.kind == "description" and \
                            any(c.dep_ == "amod" for c in objects[0].children):
                        continue  # "chairman of the enlarged group": a body not yet named
                elif child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i and title:
                    # "X is the Acme chief executive", "Y is a Labor MP", "Z was a Hamas leader"
                    body = ctx.mention_in(child) or party_before_title(ctx, child)
                    if body is not None and body.type in ("Country", *ORGANIZATION_TYPES) and \
                            ctx.last_token(body).i < noun.i and not opposed(ctx, body):
                        affiliate_all(out, ctx, person, [body], title, evidence, leading=not (
                            is_former(noun) or is_junior(noun) or is_briefed(noun, ctx)
                            or one_among_several(noun)),
                                      retired=is_retired(noun))
                    continue
                if body is not None and body.type in ("Country", *ORGANIZATION_TYPES):
                    affiliate(out, ctx, person, body, None if workplace(child) else title,
                              evidence, leading=not (is_former(noun) or is_junior(noun)
                                                     or one_among_several(noun)),
                              retired=is_retired(noun))


def _unnamed_speaker_quoting(ctx: Context, pronoun: Any) -> bool:
    """Whether a pronoun is inside a quotation whose speaker the text names by no name near it
    ('"He was a fine actor," he said', after "..., said Jo Roe"): the person named last before
    the quotation is then often its speaker, whom "he" in it is not, so what it says of "he" is
    tied to nobody."""
    text = ctx.article.text
    return inside(text, pronoun.idx) and quoted_speaker(text, ctx.mentions, pronoun.idx) is None


def _apposed_to_a_name(ctx: Context, noun: Any, clause: Any) -> Mention | None:
    """The named person a common noun is apposed to, when a relative clause on that noun says
    what the person is or was: "businessman" in "Jo Roe, a businessman from Ohio who was an
    Acme board member", "citizen" in "X, an Israeli citizen who served as the vice president of
    Y" (the clause's subject is the person the apposition describes). Only a place may come
    between the noun and the clause: in "X, a friend of the mayor who was ..." the clause may be
    the mayor's."""
    if noun.dep_ != "appos" or noun.pos_ != "NOUN" or ctx.mention_at(noun) is not None:
        return None
    pronoun = min((c.i for c in clause.children if c.tag_ in ("WP", "WDT")), default=clause.i)
    for between in ctx.doc[noun.i + 1 : pronoun]:
        place = ctx.mention_at(between)
        if between.pos_ in ("NOUN", "PRON") or between.pos_ == "PROPN" and (
                place is None or place.type not in PLACE_TYPES):
            return None
    person = ctx.mention_in(noun.head, ("Person",))
    return person if person is not None and person.kind == "name" else None


def _capitalised_title(ctx: Context, noun: Any) -> bool:
    """Whether a capitalised noun after a copula is an office, not a name: "X was the Anglican
    Archbishop of Brisbane", "Y is Prime Minister" (the model may have taken the title for an
    organisation's name, which no title ends)."""
    if noun.pos_ != "PROPN" or not noun.is_title or noun_title(noun, ctx)[0] is None:
        return False
    covering = ctx.mention_in(noun)
    if covering is None:
        return True
    doc = ctx.doc
    return covering.type in ORGANIZATION_TYPES and noun.i + 1 < len(doc) and \
        doc[noun.i + 1].lower_ == "of" and ctx.last_token(covering).i in (noun.i, noun.i + 1)
