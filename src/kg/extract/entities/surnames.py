"""Surnames taken for bodies: a one-word name that is the last word of a person's full name."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.context import Context

# The classes a person's surname is mistaken for when the model tags it ORG in some sentences
# (or a descriptor before it retypes it: "the company Okafor co-founded").
_BODY_TYPES = {"Organization", "Company"}


def surnames_of_named_people(ctx: Context) -> None:
    """"Tremblay said the win was a good start" after "Marc-Andre Tremblay": a one-word name
    typed a body's that is the last word of a person's full name in the same article, and that
    the model itself tags a person's in some sentence, is that person's surname; all its
    mentions become the person's (``resolve`` then joins them to the full name). Not a name the
    gazetteer knows (a company named after its founder, "Ford", keeps its type)."""
    doc = ctx.doc
    surnames = {m.text.split()[-1] for m in ctx.mentions
                if m.kind == "name" and m.type == "Person" and len(m.text.split()) > 1}
    tagged_people = {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) == 1}
    for index, mention in enumerate(ctx.mentions):
        if mention.kind == "name" and not mention.key and mention.type in _BODY_TYPES and \
                " " not in mention.text and mention.text in surnames and \
                mention.text in tagged_people and ctx.gazetteer.lookup(mention.text) is None:
            ctx.mentions[index] = replace(mention, type="Person")
