"""Mentions for what a clause's arguments stand for: pronouns, descriptions, unnamed office
holders, and institutions named by their owner."""

from __future__ import annotations

from typing import Any

from kg.extract.context import Context
from kg.gazetteer import lexicon_classes, lexicon_words
from kg.model import Mention

_PERSON_PRONOUNS = {"he", "she", "him", "his", "her", "hers", "himself", "herself"}


def argument_mention(ctx: Context, token: Any) -> Any:
    """The mention a syntactic argument stands for, creating pronoun, description or unnamed ones.

    Returns None when the token names nothing the graph should hold.
    """
    found = ctx.mention_in(token)
    if found is not None:
        return found
    for child in token.children:  # "newspaper The Chosun Daily": the name in apposition
        if child.dep_ == "appos" and ctx.mention_in(child) is not None:
            return ctx.mention_in(child)
    lower = token.lower_
    if token.is_lower and lower in lexicon_words("government-nouns.txt"):
        state = _state_of_a_government(ctx, token)
        if state is not None:
            return state  # "the Zimbabwean government", "Sri Lanka's government": the state
    if token.pos_ == "PRON" and lower in _PERSON_PRONOUNS:
        return ctx.add_mention([token], "Person", kind="pronoun")
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    determiners = {child.lower_ for child in token.children if child.dep_ == "det"}
    description_nouns = lexicon_classes("description-nouns.tsv")  # "the outlet", "the party"
    if "the" in determiners and lower in description_nouns and token.tag_ in ("NN", "NNP"):
        tokens = [t for t in token.subtree if t.i <= token.i and t.dep_ != "poss"]
        return ctx.add_mention(tokens, description_nouns[lower], kind="description")
    noun = lower
    compound = [c for c in token.children if c.dep_ == "compound" and c.i == token.i - 1]
    if compound and f"{compound[0].lower_} {noun}" in ctx.gazetteer.occupations:
        noun = f"{compound[0].lower_} {noun}"
    if noun in ctx.gazetteer.occupations and token.tag_ == "NN" and (
        determiners & {"a", "an", "one", "another"}
    ):
        attributes: list[tuple[str, str]] = [("occupation", noun)]
        left = min([token.i, *[c.i for c in token.children if c.dep_ in ("amod", "compound", "det")]])
        for child in token.children:
            country = ctx.mention_at(child)
            if child.dep_ in ("amod", "compound", "nmod") and country and country.type == "Country":
                attributes.append(("nationality", country.id))
        tokens = [t for t in token.doc[left : token.i + 1] if t.dep_ != "det"]
        return ctx.add_mention(tokens, "Person", kind="nominal", attributes=tuple(attributes))
    return _titled_official(ctx, token, noun)


def _state_of_a_government(ctx: Context, token: Any) -> Mention | None:
    """The state whose government a lower-case noun is: its adjective or possessive before
    ("the Zimbabwean government", "Sri Lanka's government") or "of" and its name after ("the
    government of Kenya")."""
    owners = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    owners += [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"]
    states = [m for m in (ctx.mention_in(o) for o in owners) if m is not None and
              m.type == "Country"]
    return states[0] if len(states) == 1 else None


def _titled_official(ctx: Context, token: Any, noun: str) -> Any:
    """An unnamed office holder of a state: "Iraq's ambassador", "the Russian defence minister"
    (a person with that occupation and nationality); a bare "the minister" is nobody yet."""
    if noun not in ctx.gazetteer.titles or token.tag_ != "NN":
        return None
    states = [m for m in (ctx.mention_at(c) for c in token.children
                          if c.dep_ in ("poss", "amod", "compound", "nmod"))
              if m is not None and m.type == "Country"]
    if len(states) != 1:
        return None
    left = min(c.i for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod", "det"))
    tokens = [t for t in token.doc[left : token.i + 1]
              if t.dep_ not in ("det", "case") and ctx.mention_at(t) is None]
    return ctx.add_mention(tokens or [token], "Person", kind="nominal",
                           attributes=(("occupation", noun), ("nationality", states[0].id)))


def find_institutions(ctx: Context) -> None:
    """Unnamed institutions named by their owner: "the North Korean embassy in China"."""
    for token in ctx.doc:
        type_ = lexicon_classes("unnamed-institutions.tsv").get(token.lower_)
        if type_ is None or token.pos_ != "NOUN" or ctx.mention_at(token):
            continue
        owner = None
        host = None
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss"):
                candidate = ctx.mention_in(child) or (
                    argument_mention(ctx, child) if child.dep_ == "poss" else None
                )
                if candidate is not None and (candidate.type == "Country" or
                                              candidate.type == "City" and type_ != "Court"):
                    owner = candidate
            elif child.dep_ == "prep" and child.lower_ in ("in", "to", "of"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                place = ctx.mention_in(objects[0]) if objects else None
                if place is None or place.type not in ("Country", "City", "Place"):
                    continue
                if child.lower_ == "of" and owner is None and (
                        type_ != "Court" or place.type == "Country"):
                    owner = place
                elif type_ == "Embassy" and child.lower_ in ("in", "to"):
                    host = place
        if owner is None:
            continue
        attributes = [("owner", owner.id)] + ([("host", host.id)] if host else [])
        phrase = [t for t in token.subtree if t.dep_ not in ("det", "punct")
                  and not (t.dep_ == "relcl" or any(a.dep_ == "relcl" for a in t.ancestors))]
        if phrase and phrase[-1].i - phrase[0].i == len(phrase) - 1:
            attributes.append(("phrase", " ".join(t.text for t in phrase)))
        ctx.add_mention([token], type_, kind="institution", attributes=tuple(attributes))
