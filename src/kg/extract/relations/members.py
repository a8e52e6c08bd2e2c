"""People listed among a body's office holders or members: "leaders of Hamas, including X",
"officials from the ministry, such as Y", "Z, a Labor colleague" (the nouns of members)."""

from __future__ import annotations

from kg.extract.context import ORGANIZATION_TYPES, Context
from kg.extract.entities import argument_mention
from kg.extract.relations.collector import Relations
from kg.extract.relations.title_words import title_in
from kg.extract.relations.titles import affiliate

MEMBER_NOUNS = {"member", "figure", "colleague", "militant", "fighter", "guerrilla", "gunman",
                "operative"}
"""Nouns for people of a body that are no title: "members of X, including Y", "Y is a senior
figure in X", "Z, a Labor colleague" (one of the party's own), "W, a Hamas militant" (an
armed group's own fighters). A supporter, a critic or an ally is no member."""


def members_including(ctx: Context, out: Relations) -> None:
    """"leaders of Hamas, including X", "officials from the ministry, such as Y", "Acme
    executives including Z": a person listed among the office holders of a body belongs to it."""
    for token in ctx.tokens_with("dep", ("pobj",)):
        if token.dep_ != "pobj" or token.head.lower_ not in ("including", "like", "among") and not (
                token.head.lower_ == "as" and token.head.i > 0 and
                ctx.doc[token.head.i - 1].lower_ == "such"):
            continue
        person = ctx.mention_in(token, ("Person",))
        group = token.head.head
        before = ctx.doc[token.head.i - 2] if token.head.i > 1 else group
        if before.head.lower_ in ("of", "from", "at") and ctx.mention_at(before) is not None:
            group = before.head.head  # "meetings with leaders of Hamas, including X"
        if person is None or person.kind != "name" or group.pos_ != "NOUN" or group.tag_ != "NNS":
            continue
        noun = group.lemma_.lower()
        title = title_in([noun], ctx) if noun not in MEMBER_NOUNS else None
        if title is None and noun not in MEMBER_NOUNS:
            continue
        body = None
        for child in group.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "at"):
                body = next((argument_mention(ctx, o) for o in child.children if o.dep_ == "pobj"), None)
            elif child.dep_ in ("poss", "compound", "amod") and ctx.mention_at(child):
                body = ctx.mention_at(child)
            if body is not None:
                break
        if body is None or body.type not in ORGANIZATION_TYPES or body.kind != "name":
            continue
        evidence = ctx.evidence([group, token], "members-including", 0.7)
        affiliate(out, ctx, person, body, title, evidence)
