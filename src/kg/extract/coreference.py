"""Pronouns that stand for a named body or person: which organisation or state "it" and "its"
refer to, and which person "he", "his", "she" and "her" do."""

from __future__ import annotations

from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, Context
from kg.extract.entities import argument_mention
from kg.model import Mention

_BODY_TYPES = (*ORGANIZATION_TYPES, "Country")


def body_for_pronoun(ctx: Context, token: Any, descriptions: bool = False) -> Any | None:
    """The token of the organisation or state "it"/"its" stands for: the subject of a clause
    above it ("Acme said it will cut 300 jobs", "the UN was determined that its summit be held
    in Africa"; with ``descriptions``, also a subject that describes one: "the company said it
    shed 650 jobs"), else the only one named before it in its sentence, else, for a pronoun that
    opens its sentence ("Its chief, X, said"), the only one the sentence before names."""
    if token.lower_ not in ("it", "its") or token.pos_ != "PRON":
        return None
    kinds = ("name", "description") if descriptions else ("name",)
    above = token.head
    while above.head.i != above.i:
        above = above.head
        for subject in (c for c in above.children if c.dep_ == "nsubj" and c.i < token.i):
            named = argument_mention(ctx, subject)  # "shipping group Acme agreed"
            if named is not None and named.kind in kinds and named.type in _BODY_TYPES:
                return subject
    sentence = ctx.sentence_of(token)
    named = _bodies(ctx, sentence, token.idx)
    if not named and sentence > 0 and token.i == ctx.doc[token.i].sent.start:
        named = _bodies(ctx, sentence - 1, ctx.sentences[sentence - 1].end)
    if len({m.key or m.text for m in named}) != 1:
        return None
    return ctx.first_token(named[-1])


def _bodies(ctx: Context, sentence: int, before: int) -> list[Any]:
    return [m for m in ctx.mentions if m.sentence == sentence and m.end <= before
            and m.kind == "name" and m.type in _BODY_TYPES]


_PRONOUN_GENDERS = {"he": "male", "him": "male", "his": "male", "himself": "male",
                    "she": "female", "her": "female", "hers": "female", "herself": "female"}

_TITLE_GENDERS = {"mr": "male", "sir": "male", "lord": "male", "king": "male", "prince": "male",
                  "mrs": "female", "ms": "female", "miss": "female", "lady": "female",
                  "dame": "female", "queen": "female", "princess": "female"}
"""Words before a name that tell the person's gender: "Mr Roe" is no "she"."""

_PERSON_REACH = 2
"""How many sentences before a person pronoun the person it stands for may have been named."""


def person_for_pronoun(ctx: Context, token: Any) -> Mention | None:
    """The named person "he", "his", "she" or "her" stands for: the named subject of a clause
    above it when no other person is named between them ("Mr Peres called the ministers of
    his Labour Party"), else the only person named before it in its sentence ("critics
    accused Dr Roe of a cover-up when he was bishop"), or, when its sentence names nobody
    before it, the only person the two sentences before name, or the last one named as the
    subject of a main clause there;
    None when unsure ("Mr Lee defended Dr Roe over the way he dealt with it"). A person of
    the other gender, as the titles before their name tell ("Mrs Roe"), is not one "he"
    stands for."""
    gender = _PRONOUN_GENDERS.get(token.lower_)
    if gender is None or token.pos_ != "PRON":
        return None
    genders = _genders(ctx)
    sentence = ctx.sentence_of(token)
    people = [m for m in ctx.mentions if m.type == "Person" and m.kind == "name" and
              0 <= sentence - m.sentence <= _PERSON_REACH and m.end <= token.idx]
    named = [m for m in people if genders.get(surname(m), gender) == gender]
    here = [m for m in named if m.sentence == sentence]
    above = token
    while above.head.i != above.i:
        above = above.head
        for subject in (c for c in above.children
                        if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i):
            found = ctx.mention_in(subject, ("Person",))
            if found is not None and found.kind == "name" and found in here and \
                    all(surname(m) == surname(found) for m in here if m.start > found.start):
                return found
    if here:
        return here[-1] if len({surname(m) for m in here}) == 1 else None
    if any(m.sentence == sentence for m in people):
        return None  # only people of the other gender before it: "Mrs Roe met him"
    if len({surname(m) for m in named}) == 1:
        return named[-1]
    subjects = [m for m in named if _named_as_subject(ctx, m)]
    return subjects[-1] if len({surname(m) for m in subjects}) == 1 else None


def surname(person: Mention) -> str:
    """A named person's last word, lower-cased: what a gender or a later mention is keyed by."""
    return person.text.split()[-1].lower()


def _genders(ctx: Context) -> dict[str, str]:
    """The gender of each person the titles before their name tell, by surname."""
    doc = ctx.doc
    genders: dict[str, str] = {}
    for person in ctx.mentions:
        if person.type != "Person" or person.kind != "name":
            continue
        first = ctx.first_token(person).i
        before = doc[first - 1].lower_.rstrip(".") if first > 0 else ""
        if before in _TITLE_GENDERS:
            genders.setdefault(surname(person), _TITLE_GENDERS[before])
    return genders


def _named_as_subject(ctx: Context, person: Mention) -> bool:
    """Whether a person's name is the subject of its sentence's main clause ("Mr Roe said")."""
    token = ctx.last_token(person)
    while token.dep_ in ("compound", "flat", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT"
