"""People a news lede introduces unnamed and the next sentences name: their state and body."""

from __future__ import annotations

from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, Context
from kg.extract.events.lexicon import saying_verbs
from kg.extract.relations.clauses import HEDGES
from kg.extract.relations.collector import Relations
from kg.extract.relations.members import MEMBER_NOUNS
from kg.model import Mention

_INDEFINITE = ("a", "an")

_MEMBERS_REACH = 2
"""How many sentences after the lede a member of a body may be named in: "... an attempt on a
leading Hamas militant. The children died when ... Troops were trying to kill Omar Saleh"."""


def _introduces_person(ctx: Context, noun: Any) -> bool:
    """Whether a noun introduces one unnamed person with "a": "a British man", "a senior
    official of Hamas" (not a noun the text names there and then, "a Briton, Jo Roe", nor a
    suspicion, "a suspected Hamas militant")."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or ctx.mention_at(noun) is not None or \
            not any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in noun.children) or \
            any(c.dep_ == "appos" or c.dep_ in ("amod", "advmod") and c.lower_ in HEDGES
                for c in noun.children) or \
            noun.dep_ == "appos":
        return False
    lemma = noun.lemma_.lower()
    return lemma in ctx.gazetteer.occupations or lemma in ctx.gazetteer.titles or lemma in MEMBER_NOUNS


def _modifiers(noun: Any) -> list[Any]:
    """The words before a noun that qualify it."""
    return [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]


def _demonym(ctx: Context, word: Any) -> bool:
    """Whether a word is a state's nationality adjective: a demonym mention, or a capitalised
    word the gazetteer knows as one that the model left unnamed."""
    found = ctx.mention_at(word)
    if found is not None:
        return found.type == "Country" and found.kind == "demonym"
    known = ctx.gazetteer.demonym(word.text) if word.is_title and word.is_alpha else None
    return known is not None and known.type == "Country"


def _nationality_word(ctx: Context, noun: Any) -> Any:
    """The one nationality word on a noun ("British" in "a British man"), or None for none
    or two."""
    words = [w for w in _modifiers(noun) if _demonym(ctx, w)]
    return words[0] if len(words) == 1 else None


def _state_named_by(ctx: Context, word: Any) -> Mention:
    """The state mention of a nationality word, made if the model left the word unnamed."""
    found = ctx.mention_at(word)
    if found is not None:
        return found
    known = ctx.gazetteer.demonym(word.text)
    return ctx.add_mention([word], "Country", kind="demonym", key=getattr(known, "key", None))


def _body_of(ctx: Context, noun: Any) -> Mention | None:
    """The one named organisation a noun for a person is of: "a senior official of the radical
    group, Hamas" (the name in apposition to the body's noun), and before a member's noun: "a
    Hamas militant" (a body before an office, "a Qantas spokesman", is left to the titles)."""
    words = list(_modifiers(noun)) if noun.lemma_.lower() in MEMBER_NOUNS else []
    for preposition in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for body in (o for o in preposition.children if o.dep_ == "pobj"):
            words += [body, *[c for c in body.children if c.dep_ == "appos"]]
    bodies = {}
    for word in words:
        found = ctx.mention_in(word, ORGANIZATION_TYPES)
        if found is not None and found.kind == "name":
            bodies[found.key or found.text] = found
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def _speech_of(token: Any) -> Any:
    """The verb of speech a word is the speaker of ("Jo Roe said", "according to Jo Roe"),
    or None."""
    head = token
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in saying_verbs():
        return head.head
    preposition = head.head
    if head.dep_ == "pobj" and preposition.lower_ == "to" and preposition.i > 0 and \
            preposition.nbor(-1).lower_ == "according":
        return preposition
    return None


def _goes_on(ctx: Context, noun: Any, person: Mention) -> bool:
    """Whether a quoted name goes on for the lede's quoted person: "a senior member of the
    Alliance said ... Jo Roe also said" (one the text quotes is otherwise someone else, a
    witness or an official)."""
    speech = _speech_of(ctx.last_token(person))
    if speech is None:
        return True
    return _speech_of(noun) is not None and any(c.lower_ == "also" for c in speech.children)


def _named_next(ctx: Context, out: Relations, noun: Any, reach: int) -> Mention | None:
    """The one person the sentences after a lede's noun name for the first time, where the
    text gives them no title at the name, no state of their own, and does not quote them
    (but see :func:`_goes_on`); None when there are none or several."""
    mentions = ctx.mention_by_id()
    # a title written at the name ("FBI agent Jo Roe", "Jo Roe, a local trader") is someone
    # else the text introduces; one the next clause gives ("X is the head of Y") may be theirs
    described = {mentions[a.subject].text for a in out.attributes
                 if a.predicate == "jobTitle" and a.evidence.rule != "copula"}
    described |= {mentions[r.subject].text for r in out.relations if r.predicate == "nationality"}
    people = [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]
    sentence = ctx.sentence_of(noun)
    known = {m.text.split()[-1] for m in people if m.sentence <= sentence}  # "Mr Reid" after "Tom Reid"
    named: dict[str, Mention] = {}  # by surname: "Omar Saleh ... Saleh escaped" is one person
    for m in people:
        if sentence < m.sentence <= sentence + reach and m.text.split()[-1] not in known and \
                m.text not in described and _goes_on(ctx, noun, m):
            named.setdefault(m.text.split()[-1], m)
    return next(iter(named.values())) if len(named) == 1 else None


def people_named_next(ctx: Context, out: Relations) -> None:
    """"A British man was refused bail. ... FBI agent Jo Roe said Tom Hale carried a bomb",
    "police tried to arrest a senior official of Hamas. ... they tried to arrest Omar Saleh":
    the person a sentence introduces unnamed with "a" (a news lede most often, but any
    sentence of the story is read) is the one person the next sentence
    names for the first time (for a body's member, either of the next two), where the text
    gives that person no title at the name, no state of their own and does not quote them:
    the lede's state is their nationality, its body the one they are a member of."""
    doc = ctx.doc
    for noun in ctx.tokens_with("tag", ("NN",)):
        if not _introduces_person(ctx, noun):
            continue
        body = _body_of(ctx, noun)
        word = _nationality_word(ctx, noun)
        if body is None and word is None:
            continue
        person = _named_next(ctx, out, noun, _MEMBERS_REACH if body is not None else 1)
        if person is None:
            continue
        tokens = list(doc[ctx.first_token(person).i : ctx.last_token(person).i + 1])
        if word is not None and person.sentence == ctx.sentence_of(noun) + 1:
            out.relate(person, "nationality", _state_named_by(ctx, word),
                       ctx.evidence(tokens, "national-named-next", 0.6))
        if body is not None:
            out.relate(person, "memberOf", body, ctx.evidence(tokens, "member-named-next", 0.6))
