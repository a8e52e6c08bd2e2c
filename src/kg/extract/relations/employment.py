"""Employment a clause states: who works for, joins, is hired by or speaks at an organisation."""

from __future__ import annotations

from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, Context
from kg.extract.entities import argument_mention
from kg.extract.events.lexicon import saying_verbs
from kg.extract.relations.clauses import (
    person_of,
    unambiguous,
    unasserted,
    unasserting,
)
from kg.extract.relations.collector import Relations
from kg.extract.relations.title_words import PAST_MODIFIERS, noun_title, opposed, title_in
from kg.lexicon import lexicon
from kg.model import Mention

_OUTSIDERS_TITLES = ("political", "diplomatic", "regional")
"""Kinds of title whose holder is, at a company, a visitor: "At Google, President X praised the
engineers"."""


def fronted_workplaces(ctx: Context, out: Relations) -> None:
    """"At Kestrel Airlines, Mia Dorn called the queues short", "At Qantas, Ann Lee said flights
    were late": a company named by "At" opening the sentence, before a comma, is where the named
    subject of a verb of saying works (one who speaks for it; "At Walmart, Tom Hale bought a
    television" tells a customer), when the text ties them to no other body (this rule runs after
    the others), no word with the subject makes them a visitor ("shopper Ann Lee", "visiting
    professor", "Musk's rival": ``fronted-visitors.txt``) and no political or diplomatic title,
    there or anywhere in the article, does ("At Google, President X praised the engineers").
    Only a company's name: at a government body, an outlet or a world body one speaks as a guest
    ("At the UN, X said")."""
    doc = ctx.doc
    for token in ctx.tokens_with("lower", ("at",)):
        if token.lower_ != "at" or token.dep_ != "prep" or not token.is_sent_start or \
                token.head.pos_ != "VERB" or unasserted(token.head):
            continue
        body_token = next((c for c in token.children if c.dep_ == "pobj"), None)
        body = ctx.mention_in(body_token) if body_token is not None else None
        if body_token is None or body is None or body.kind != "name" or body.type != "Company" or \
                ctx.last_token(body).i != body_token.i or body_token.i + 1 >= len(doc) or \
                doc[body_token.i + 1].text != "," or ctx.first_token(body).i != token.i + 1 + \
                (doc[token.i + 1].lower_ == "the"):
            continue  # "At the Acme plant in Ohio, ...": a site, not the company
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        person = person_of(ctx, subject) if subject is not None else None
        if subject is None or person is None or person.type != "Person" or person.kind != "name" \
                or not _speaks(token.head):
            continue
        if any(word.lemma_.lower() in _FRONTED_VISITORS or word.lower_ in _FRONTED_VISITORS
               for word in subject.subtree):
            continue  # "At Walmart, shopper Ann Lee said", "Ann Lee, a shopper, said"
        mentions = ctx.mention_by_id()
        same = {m.id for m in mentions.values() if m.type == "Person" and _same_name(m, person)}
        shown = [c.text for c in subject.children if c.dep_ == "compound" and c.i < subject.i]
        shown += [a.value for a in out.attributes if a.subject in same and a.predicate == "jobTitle"]
        titles = [title_in(each.lower().split()[-1:], ctx) for each in shown]
        if any(t is not None and ctx.gazetteer.titles[t].kind in _OUTSIDERS_TITLES for t in titles):
            continue  # a politician or a diplomat, here or anywhere in the article, visits
        if any(r.subject in same and r.predicate in ("memberOf", "leaderOf") for r in out.relations):
            continue  # "At Google, Ann Lee, a Microsoft engineer, said": hers is Microsoft
        out.relate(person, "memberOf", body,
                   ctx.evidence([token, body_token, subject, token.head], "fronted-workplace", 0.65))


_FRONTED_VISITORS = lexicon().words("fronted-visitors.txt")
"""Words with a subject by which one came to a company, not works there ("shopper Ann Lee",
"visiting professor", "Musk's rival"): ``fronted-visitors.txt``."""


def _speaks(verb: Any) -> bool:
    """Whether a verb tells what its subject says: a verb of speech ("said", "told", "warned"),
    or "call" with what it calls a thing ("called the delays short", and "called the damage from
    the hail 'pretty limited'", where the parser hangs the adjective on the last noun; not "called
    her mother", "called the manager of the local store")."""
    lemma = verb.lemma_.lower()
    return lemma in saying_verbs() or lemma == "call" and any(
        c.dep_ == "oprd" or c.dep_ == "dobj" and
        any(w.tag_ == "JJ" and w.i > c.i and w.head.i < w.i for w in c.subtree)
        for c in verb.children)


def _same_name(one: Mention, other: Mention) -> bool:
    """Whether two mentions of people name the same one: the same key or words, or one the
    other's last words ("Obama" of "Barack Obama")."""
    if one.key is not None and one.key == other.key or one.text == other.text:
        return True
    return one.text.endswith(" " + other.text) or other.text.endswith(" " + one.text)


def _held_before(verb: Any) -> bool:
    """Whether a verb tells a job held before and left: "previously worked at Acme", "once
    worked for Enron", "worked at Google until 2015" (``unasserting-words.tsv``)."""
    return any(c.dep_ == "advmod" and c.lower_ in unasserting("past") or
               c.dep_ == "prep" and c.lower_ in unasserting("past-until") and
               any(o.dep_ == "pobj" and (o.ent_type_ == "DATE" or o.like_num) for o in c.children)
               for c in verb.children)


_JOINING_VERBS = {"join": "dobj", "hire": "agent", "employ": "agent", "recruit": "agent"}
"""Lemmas of verbs by which a person enters an organisation, and where the organisation is:
the object of "X joined Acme", the agent of "Y was hired by Acme" (or, said the other way
round, the subject of "Acme hired Y", whose object is the person)."""


def joining_verbs(ctx: Context, out: Relations) -> None:
    """"X joined Acme in 2015", "Y, who joined the Red Cross as a nurse", "Z was hired by
    Globex", "Globex hired Z as its lawyer", "W, whom Initech recruited in 2019": X, Y, Z and W
    are members (a post after "as" is their title). Not what a person means to do or might do
    ("to join", "would join", "did not join")."""
    for token in ctx.tokens_with("lemma", _JOINING_VERBS):
        place = _JOINING_VERBS.get(token.lemma_)
        if place is None or token.pos_ != "VERB" or token.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
            continue
        if any(c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ in ("MD", "TO") for c in token.children) \
                or token.dep_ in ("xcomp", "amod"):
            continue
        passive = any(c.dep_ == "auxpass" for c in token.children)
        if place == "dobj" and passive:
            continue
        hiring = place == "agent" and not passive  # "Globex hired Z": the person is the object
        person_dep = "dobj" if hiring else "nsubjpass" if passive else "nsubj"
        person_token = next((c for c in token.children if c.dep_ == person_dep), None)
        if person_token is not None and person_token.tag_ == "WP" and token.dep_ == "relcl":
            person_token = token.head  # "Ann Lee, who joined Acme", "Ann Lee, whom Acme hired"
        if place == "dobj":
            body_token = next((c for c in token.children if c.dep_ == "dobj"), None)
        elif hiring:
            body_token = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if body_token is not None and body_token.tag_ == "WDT" and token.dep_ == "relcl":
                body_token = token.head  # "Globex, which hired Ann Lee"
        else:
            body_token = next((o for c in token.children if c.dep_ == "agent"
                               for o in c.children if o.dep_ == "pobj"), None)
        if person_token is None or body_token is None:
            continue
        person = person_of(ctx, person_token)
        body = argument_mention(ctx, body_token)
        if person is None or person.type != "Person" or body is None or body.kind != "name" or \
                body.type not in ORGANIZATION_TYPES or not unambiguous(ctx, body):
            continue
        if hiring and (person.kind != "name" or ctx.mention_in(person_token, ("Person",)) is None
                       or _hired_for_a_task(token)):
            continue  # "Acme hired him": whom "him" stands for is left to the text that names him
        evidence = ctx.evidence([person_token, token, body_token],
                                "hiring-verb" if hiring else "joining-verb", 0.7)
        if place != "agent" or not _hired_from_outside(token, person_token):
            out.relate(person, "memberOf", body, evidence)  # not "hired Ann Lee, a freelance"
        post = next((o for c in token.children if c.dep_ == "prep" and c.lower_ == "as"
                     for o in c.children if o.dep_ == "pobj"), None)
        title, shown = noun_title(post, ctx) if post is not None and post.pos_ == "NOUN" else (None, "")
        if title:
            out.attribute(person, "jobTitle", shown, evidence)


_OUTSIDE_WORKERS = lexicon().words("outside-workers.txt")
"""Words by which one hired works for a body from outside its staff ("a freelance
photographer", "as a consultant"): ``outside-workers.txt``."""


def _hired_from_outside(verb: Any, person: Any) -> bool:
    """Whether a hiring verb hires a person from outside the body's staff, as the post after
    "as" says or, with none, the noun apposed to the person when it is no former post: "The
    Times hired Ann Lee, a freelance photographer", "Globex employed Tom Hale as a consultant",
    "Acme retained Jo Roe as outside counsel" (``outside-workers.txt``); not "hired Tom Hale, an
    independent director at Globex, as chief executive"."""
    posts = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
             for o in c.children if o.dep_ == "pobj"]
    if not posts:
        posts = [c for c in person.children if c.dep_ == "appos" and
                 not any(w.lower_ in PAST_MODIFIERS for w in c.subtree if w.i <= c.i)]
    for post in posts:
        words = [word.lower_ for word in post.subtree if word.i <= post.i]
        if any(word in _OUTSIDE_WORKERS for word in words) or \
                any(f"{one} {two}" in _OUTSIDE_WORKERS for one, two in zip(words, words[1:], strict=False)):
            return True
    return False


def _hired_for_a_task(verb: Any) -> bool:
    """Whether a hiring verb says what the person was hired to do, as one brings in an outside
    lawyer, auditor or investigator: "the club hired Jo Roe to investigate the leak", "Acme
    employed Ann Lee to defend it" (a purpose, not a post in the organisation)."""
    return any(c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX") and
               any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)


_WORKPLACE_PREPOSITIONS = ("for", "at")
"""Prepositions by which "work" names the body one works in: "works for Acme", "worked at the
Red Cross" (one who works "with" a body works beside it: "worked with the UN on the plan")."""


def working_verbs(ctx: Context, out: Relations) -> None:
    """"Ann Lee works for Samsung", "Tom Hale, who works at Deloitte, said", "Jo Roe worked
    for Oxfam for ten years", "Ed Marsh, working at Siemens", "Ravi Shah worked as an engineer
    at Infosys": one who works for or at a named organisation is a member of it (a post after
    "as" is their title; working names no one who leads it). Not what a clause denies or
    allows, ends, only reports or supposes ("He did not work for FedEx", "she may work for
    Acme", "no longer works for it", "allegedly worked for it", "denied that she worked for it":
    :func:`unasserted`), a job held before ("previously worked at Acme", "until 2015":
    :func:`_held_before`), nor one working from outside the staff ("as a consultant for Acme",
    "a freelance writer")."""
    for token in ctx.tokens_with("lemma", ("work",)):
        if token.lemma_ != "work" or token.pos_ != "VERB" or unasserted(token) or _held_before(token) or \
                token.dep_ in ("xcomp", "amod", "pcomp"):
            continue
        person_token = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if person_token is not None and person_token.tag_ == "WP" and token.dep_ == "relcl" or \
                person_token is None and token.dep_ == "acl":
            person_token = token.head  # "Tom Hale, who works at Deloitte", "Ed Marsh, working at"
        post = next((o for c in token.children if c.dep_ == "prep" and c.lower_ == "as"
                     for o in c.children if o.dep_ == "pobj"), None)
        places = [c for c in token.children if c.dep_ == "prep" and c.lower_ in _WORKPLACE_PREPOSITIONS]
        if post is not None:  # "worked as an engineer at Infosys"
            places += [c for c in post.children if c.dep_ == "prep" and c.lower_ in _WORKPLACE_PREPOSITIONS]
        if person_token is None or _hired_from_outside(token, person_token):
            continue
        for place in places:
            body_token = next((c for c in place.children if c.dep_ == "pobj"), None)
            body = ctx.mention_in(body_token) if body_token is not None else None
            if body is None or body_token is None or body.kind != "name" or \
                    body.type not in ORGANIZATION_TYPES or ctx.last_token(body).i != body_token.i \
                    or opposed(ctx, body):
                continue  # "works at the Acme plant": the plant, not the company
            person = person_of(ctx, person_token)
            if person is None or person.type != "Person" or person.kind != "name":
                break  # "a doctor working for Acme": no one named
            evidence = ctx.evidence([person_token, token, place, body_token], "working-verb", 0.7)
            out.relate(person, "memberOf", body, evidence)
            title, shown = noun_title(post, ctx) if post is not None and post.pos_ == "NOUN" else (None, "")
            if title:
                out.attribute(person, "jobTitle", shown, evidence)
