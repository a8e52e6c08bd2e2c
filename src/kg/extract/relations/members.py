"""People listed among a body's office holders or members: "leaders of Hamas, including X",
"officials from the ministry, such as Y", "Z, a Labor colleague" (the nouns of members), and
people listed after the plural of their title: "coaches such as X, Y and Z"."""

from __future__ import annotations

from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, Context
from kg.extract.entities import argument_mention
from kg.extract.relations.collector import Relations
from kg.extract.relations.title_words import (
    DESCRIPTIVE_TITLES,
    singular,
    title_in,
    words_of_title,
)
from kg.extract.relations.titles import affiliate
from kg.model import Mention

MEMBER_NOUNS = {"member", "figure", "colleague", "militant", "fighter", "guerrilla", "gunman",
                "operative"}
"""Nouns for people of a body that are no title: "members of X, including Y", "Y is a senior
figure in X", "Z, a Labor colleague" (one of the party's own), "W, a Hamas militant" (an
armed group's own fighters). A supporter, a critic or an ally is no member."""

def members_including(ctx: Context, out: Relations) -> None:
    """"leaders of Hamas, including X", "officials from the ministry, such as Y", "Acme
    executives including Z": a person listed among the office holders of a body belongs to it.
    Each name of the list belongs to the body; where no body is named, each holds the post the
    plural names ("coaches such as X, Y and Z": X, Y and Z are coaches; rule
    "posts-of-listed-names"). A former post ("former Acme executives such as X") makes no
    current member, and its holders' title says "former"."""
    for token in ctx.tokens_with("dep", ("pobj",)):
        if token.dep_ != "pobj" or token.head.lower_ not in ("including", "like", "among") and not (
                token.head.lower_ == "as" and token.head.i > 0 and
                ctx.doc[token.head.i - 1].lower_ == "such"):
            continue
        person = ctx.mention_in(token, ("Person",))
        group = token.head.head
        before = _named_before(ctx, token.head)
        root = ctx.root_of(before) if before is not None else None
        if root is not None and root.head.lower_ in ("of", "from", "at"):
            group = root.head.head  # "meetings with leaders of Hamas, including X"
        if person is None or person.kind != "name" or group.pos_ != "NOUN" or group.tag_ != "NNS":
            continue
        noun = group.lemma_.lower()
        title = title_in([noun], ctx) if noun not in MEMBER_NOUNS else None
        if title is None and noun not in MEMBER_NOUNS:
            continue
        body = None
        for child in group.children:
            named = ctx.mention_at(child)
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "at"):
                body = next((argument_mention(ctx, o) for o in child.children if o.dep_ == "pobj"), None)
            elif child.dep_ in ("poss", "compound", "amod") and named is not None and \
                    named.type != "Person":  # "Assange lawyers": a person's are no body
                body = named
            if body is not None:
                break
        if body is not None and (body.type not in ORGANIZATION_TYPES or body.kind != "name"):
            continue
        former = _former(group)
        shown = _title_of_plural(ctx, group, title) if title is not None else ""
        if former and shown and not shown.startswith("former "):
            shown = f"former {shown}"  # "ex-ministers such as X": X is a former minister
        for each in [person, *_listed_after(ctx, token)]:
            span = [group, token, ctx.first_token(each), ctx.last_token(each)]
            if body is not None:
                affiliate(out, ctx, each, body, title, ctx.evidence(span, "members-including", 0.7),
                          retired=former)
            elif title is not None and title not in DESCRIPTIVE_TITLES and not _titled(ctx, each):
                # "world leaders including X": a leader of no named body describes, holds no post
                out.attribute(each, "jobTitle", shown, ctx.evidence(span, "posts-of-listed-names", 0.7))


def _named_before(ctx: Context, word: Any) -> Mention | None:
    """The name just before "including", "like", "among" or "such as" (``word`` is the
    preposition), past one optional comma: "Hamas" in "leaders of Hamas, including X" and in
    "officials from Hamas such as Y"."""
    index = word.i - (2 if word.lower_ == "as" else 1)
    if index >= 0 and ctx.doc[index].text == ",":
        index -= 1
    return ctx.mention_at(ctx.doc[index]) if index >= 0 else None


def _former(noun: Any) -> bool:
    """Whether a plural's post is no longer held: "former Acme executives", "ex-ministers"."""
    doc = noun.doc
    hyphened = noun.i > 1 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].lower_ == "ex"
    return hyphened or any(t.lower_ == "former" or t.lower_.startswith("ex-") or
                           t.lower_ == "ex" and doc[t.i + 1].text == "-"
                           for t in doc[noun.left_edge.i : noun.i])


def _listed_after(ctx: Context, first: Any) -> list[Mention]:
    """The named people joined to the first of a list by commas and "and": Y and Z in "such as
    X, Y and Z"."""
    found: list[Mention] = []
    token = first
    while True:
        token = next((c for c in token.children if c.dep_ == "conj"), None)
        person = ctx.mention_in(token, ("Person",)) if token is not None else None
        if person is None or person.kind != "name":
            return found
        found.append(person)


def _titled(ctx: Context, person: Mention) -> bool:
    """Whether a listed name has its own title before it ("directors, including chairman X")."""
    first = ctx.first_token(person)
    return first.i > 0 and ctx.doc[first.i - 1].pos_ in ("NOUN", "PROPN")


def _title_of_plural(ctx: Context, noun: Any, title: str) -> str:
    """How one holder writes the title a plural names, with the modifiers the title keeps:
    "senior officials" → "senior official", "Several senators" → "senator"."""
    words = sorted([c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
                    and ctx.mention_at(c) is None], key=lambda t: t.i)
    kept = words_of_title([*words, noun], title)
    return " ".join([_written(w) for w in kept[:-1]] + [_written(noun, singular(noun))])


def _written(word: Any, text: str | None = None) -> str:
    """A title's word as it is written inside a sentence: a common word that opens the sentence
    in lower case ("Former presidents such as X" → "former president")."""
    text = word.text if text is None else text
    if word.is_sent_start and word.pos_ != "PROPN" and word.is_title:
        return text[:1].lower() + text[1:]
    return text
