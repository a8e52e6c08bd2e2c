"""Mentions for what a clause's arguments stand for: pronouns, descriptions, unnamed office
holders, and institutions named by their owner."""

from __future__ import annotations

from typing import Any

from kg.extract.context import GOVERNMENT_TYPES, Context
from kg.extract.entities.state_cues import leading_state
from kg.lexicon import lexicon
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
    if token.is_lower and lower in lexicon().words("government-nouns.txt"):
        state = _state_of_a_government(ctx, token)
        if state is not None:
            return state  # "the Zimbabwean government", "Sri Lanka's government": the state
    body = _body_told_before(ctx, token)
    if body is not None:
        return body  # "the Pakistani police ... the police said": the body named before
    if token.pos_ == "PRON" and lower in _PERSON_PRONOUNS:
        return ctx.add_mention([token], "Person", kind="pronoun")
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    determiners = {child.lower_ for child in token.children if child.dep_ == "det"}
    description_nouns = lexicon().classes("description-nouns.tsv")  # "the outlet", "the party"
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


def _body_told_before(ctx: Context, token: Any) -> Mention | None:
    """The state body a bare "the police" or "the government" takes up again: the one body of
    the article before it whose words end in that noun ("the Pakistani police", "Fiji's
    police"); None when there are none or several, or the noun has words of its own."""
    lower = token.lower_
    written_lower = token.is_lower or token.is_sent_start and token.text[1:].islower()  # "Police said"
    if not (written_lower and token.pos_ == "NOUN" and token.lemma_.lower() == lower) or (
            lower not in lexicon().classes("unnamed-institutions.tsv") and
            lower not in ctx.gazetteer.institution_nouns) or any(
                c.dep_ in ("amod", "compound", "nmod", "poss", "prep", "nummod", "appos") or
                c.dep_ == "det" and c.lower_ != "the" for c in token.children):
        return None
    mentions = ctx.mention_by_id()
    earlier: dict[str, Mention] = {}
    for mention in ctx.mentions:
        if mention.end > token.idx or mention.type not in GOVERNMENT_TYPES or \
                mention.kind not in ("name", "institution") or mention.text.lower().split()[-1] != lower:
            continue
        owner = mentions.get(dict(mention.attributes).get("owner", ""))
        if owner is None and not _of_a_state(ctx, mention):
            continue  # "the Federal Government ... the government": no state's body
        body = mention.text.lower() if owner is None else f"{owner.key or owner.text} {lower}"
        earlier[body] = mention
    if len(earlier) != 1:
        return None
    body_mention = next(iter(earlier.values()))
    owner = mentions.get(dict(body_mention.attributes).get("owner", ""))
    state = owner.key if owner is not None else getattr(
        leading_state(body_mention.text.split(), ctx.gazetteer), "key", None)
    if body_mention.type == "Government" and any(
            m.type == "Country" and m.kind == "name" and m.key and m.key != state and
            body_mention.end <= m.start and
            m.end <= token.idx for m in ctx.mentions):
        return None  # "the Fijian government ... in Tonga, the government said": whose is unsaid
    return body_mention


def _of_a_state(ctx: Context, mention: Mention) -> bool:
    """Whether a body's name begins with a state's adjective or name: "the Pakistani police"."""
    return leading_state(mention.text.split(), ctx.gazetteer) is not None


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


# Institutions a city may own, or be owned by "of": "the Kabul embassy", "the army of Kabul".
_CITY_OWNED = ("Embassy", "Military")


def find_institutions(ctx: Context) -> None:
    """Unnamed institutions named by their owner: "the North Korean embassy in China", "Fiji's
    police", "the parliament of India". The parse ties the noun to its state (an adjective, a
    possessive, or "of" and its object); a noun that only modifies another ("Fijian police
    stations") names no body."""
    for token in ctx.tokens_with("pos", ("NOUN", "PROPN")):
        noun = token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.is_lower  # "foreign ministry"
        if not noun:
            continue  # checked first: the body words' look-ups cost more
        words = _body_words(ctx, token)
        type_ = lexicon().classes("unnamed-institutions.tsv").get(token.lower_) if len(words) == 1 \
            else ctx.gazetteer.institution_nouns[" ".join(w.lower_ for w in words)]
        if type_ is None or ctx.mention_at(token) or token.dep_ == "compound":
            continue
        owner = None
        host = None
        tie = ""
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss"):
                candidate = ctx.mention_in(child) or (
                    argument_mention(ctx, child) if child.dep_ == "poss" else None
                )
                if candidate is not None and (candidate.type == "Country" or
                                              candidate.type == "City" and type_ in _CITY_OWNED):
                    owner, tie = candidate, child.dep_
            elif child.dep_ == "prep" and child.lower_ in ("in", "to", "of"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                place = ctx.mention_in(objects[0]) if objects else None
                if place is None or place.type not in ("Country", "City", "Place"):
                    continue
                if child.lower_ == "of" and owner is None and (
                        type_ in _CITY_OWNED or place.type == "Country"):
                    owner, tie = place, "of"
                elif type_ == "Embassy" and child.lower_ in ("in", "to"):
                    host = place
        if owner is None:
            continue
        attributes = [("owner", owner.id), ("tie", tie)] + ([("host", host.id)] if host else [])
        if tie in ("poss", "of"):  # "Fiji's police", "Zambia's new interim government": the noun
            before = _lower_modifier(token)  # and a word of its kind ("interim")
            bare = token.lower_ if before is None or ctx.mention_at(before) is not None else \
                f"{before.lower_} {token.lower_}"
            attributes.append(("bare", bare))
        phrase = [t for t in token.subtree if t.dep_ not in ("det", "punct")
                  and not (t.dep_ == "relcl" or any(a.dep_ == "relcl" for a in t.ancestors))]
        if phrase and phrase[-1].i - phrase[0].i == len(phrase) - 1:
            attributes.append(("phrase", token.doc[phrase[0].i : phrase[-1].i + 1].text))
        ctx.add_mention(words, type_, kind="institution", attributes=tuple(attributes))


def _body_words(ctx: Context, token: Any) -> list[Any]:
    """The words of a state body's two-word noun a token ends ("central bank", "foreign
    ministry", "intelligence service": institution-nouns.tsv), or the token alone."""
    before = _lower_modifier(token)
    if before is not None and f"{before.lower_} {token.lower_}" in ctx.gazetteer.institution_nouns:
        return [before, token]
    return [token]


def _lower_modifier(token: Any) -> Any | None:
    """The lower-case word right before a noun that modifies it ("central" in "central bank",
    "interim" in "interim government"), or None."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.head == token and before.dep_ in ("amod", "compound") and \
            before.is_lower:
        return before
    return None
