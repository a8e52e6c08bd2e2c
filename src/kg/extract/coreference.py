"""Pronouns that stand for a named body or person: which organisation or state "it" and "its"
refer to, and which person "he", "his", "she" and "her" do."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, Context
from kg.extract.entities import argument_mention
from kg.extract.quotations import QUOTE_MARKS, opens, quoted_speaker
from kg.lexicon import lexicon
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

def pronoun_gender(word: str) -> str | None:
    """The gender a person pronoun tells ("she": female), or None for any other word."""
    return _PRONOUN_GENDERS.get(word.lower())


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
    the other gender (see :func:`person_genders`), and the speaker of the quotation the
    pronoun is in (see :func:`quoted_speaker`), are not ones it stands for."""
    gender = _PRONOUN_GENDERS.get(token.lower_)
    if gender is None or token.pos_ != "PRON":
        return None
    genders = person_genders(ctx.article.text, ctx.mentions)
    sentence = ctx.sentence_of(token)
    spoken = quotation_it_speaks(ctx.article.text, token.idx)
    people = [m for m in ctx.mentions if m.type == "Person" and m.kind == "name" and
              0 <= sentence - m.sentence <= _PERSON_REACH and m.end <= token.idx and
              not spoken[0] < m.start < spoken[1]]
    speaker = quoted_speaker(ctx.article.text, ctx.mentions, token.idx)
    named = [m for m in people if gender_of(genders, m) in (None, gender) and
             (speaker is None or surname(m) != surname(speaker))]
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


def quotation_it_speaks(text: str, offset: int) -> tuple[int, int]:
    """Where the quotation a pronoun right after it speaks begins and ends ('"I have never met
    Ruiz," he said': "he" is not Ruiz, whom the speaker names); (0, 0) for a pronoun that
    follows no closing quotation mark. A quotation its paragraph does not open began in the
    paragraph before: it runs from the start of the pronoun's paragraph."""
    lead = text[:offset].rstrip(" ,")
    if not lead or lead[-1] not in QUOTE_MARKS or opens(text, len(lead) - 1):
        return (0, 0)
    close = len(lead) - 1
    paragraph = text.rfind("\n", 0, close) + 1
    opening = next((i for i in range(close - 1, paragraph - 1, -1)
                    if text[i] in QUOTE_MARKS and opens(text, i)), paragraph)
    return (opening, close)


def surname(person: Mention) -> str:
    """A named person's last word, lower-cased: what a gender or a later mention is keyed by."""
    return _surname_of(person.text)


def _surname_of(name: str) -> str:
    """A name's last word, lower-cased."""
    return name.split()[-1].lower()


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?,?\s*$")


def person_genders(text: str, mentions: Iterable[Mention]) -> dict[str, str]:
    """The gender of each named person of an article the words tell (see
    :func:`_person_genders`); a new dict the caller may change."""
    people = tuple((m.text, m.start) for m in mentions if m.type == "Person" and m.kind == "name")
    return dict(_person_genders(text, people))


@lru_cache(maxsize=16)
def _person_genders(text: str, people: tuple[tuple[str, int], ...]) -> tuple[tuple[str, str], ...]:
    """The gender of each named person of an article the words tell, keyed by the name as
    written and by surname (see :func:`gender_of`): a title before any of their names ("Mr
    Roe", "Queen Ann"), else a noun of one sex before the name ("the actress Jane Roe", "his
    wife, Ann Roe"), else a given name only one sex bears ("Jane Roe", and "Jane" alone
    after it; see ``genders.tsv``).
    A surname tells a gender by a title before it, or when every full name that ends in it
    tells the same one: "Jane Roe and her father, Tom Roe" leave "Roe" unknown."""
    names, nouns = _gender_words(lexicon())
    titled: dict[str, set[str]] = {}  # name or surname -> the genders its titles tell
    told: dict[str, set[str]] = {}  # full name -> the genders a noun or given name tells
    full = [name.lower().split() for name, _ in people if len(name.split()) > 1]
    for name, start in people:
        found = _WORD_BEFORE.search(text[max(0, start - 30):start])
        before = found.group(1) if found else ""
        title = _TITLE_GENDERS.get(before.lower()) if before[:1].isupper() else None
        if title is not None:
            for key in (name.lower(), _surname_of(name)):
                titled.setdefault(key, set()).add(title)
        noun = nouns.get(before) if before.islower() else None
        words = name.lower().split()
        # "Jane Roe", and "Jane" alone after it, but not "Howard" alone, maybe someone's surname
        alone = len(words) == 1 and any(other[0] == words[0] for other in full) and \
            not any(other[-1] == words[0] for other in full)
        given = names.get(name.split()[0]) if len(words) > 1 or alone else None
        gender = noun or given
        if gender is not None:
            told.setdefault(name.lower(), set()).add(gender)
    genders = {key: next(iter(found)) for key, found in told.items() if len(found) == 1}
    for key in {_surname_of(name) for name, _ in people}:
        bearers = [genders.get(" ".join(name)) for name in full if name[-1] == key]
        if bearers and bearers[0] is not None and set(bearers) == {bearers[0]}:
            genders[key] = bearers[0]
    genders.update((key, next(iter(found))) for key, found in titled.items() if len(found) == 1)
    for key in [key for key, found in titled.items() if len(found) > 1]:
        genders.pop(key, None)
    return tuple(genders.items())


@cache
def _gender_words(words: Any) -> tuple[dict[str, str], dict[str, str]]:
    """The given names and the nouns ``genders.tsv`` gives a gender, read once per lexicon."""
    table = words.table("genders.tsv")
    return ({row["word"]: row["gender"] for row in table if row["kind"] == "name"},
            {row["word"]: row["gender"] for row in table if row["kind"] == "noun"})


def gender_of(genders: dict[str, str], person: Mention) -> str | None:
    """A named person's gender as :func:`person_genders` tells it: by the name as written
    ("Jane Roe"), else by surname ("Roe", "Mr Roe")."""
    return genders.get(person.text.lower()) or genders.get(surname(person))


def _named_as_subject(ctx: Context, person: Mention) -> bool:
    """Whether a person's name is the subject of its sentence's main clause ("Mr Roe said")."""
    token = ctx.last_token(person)
    while token.dep_ in ("compound", "flat", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT"
