"""Nationality from what the text says beside a name and once the other relations are known:
a state body, a demonym before a description, an office an unnamed holder of a state holds,
the unnamed national a lede introduces."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from kg.extract.context import GOVERNMENT_TYPES, Context
from kg.extract.events.lexicon import one_word_verbs
from kg.extract.holders import office_holders
from kg.extract.relations.collector import Relations
from kg.extract.relations.titles import demonym_before_title, title_in
from kg.model import Mention


def implied_nationality(ctx: Context, out: Relations) -> None:
    """A state's political leader, or a member of its embassy or government, is its national."""
    mentions = ctx.mention_by_id()
    owners = {r.subject: r.object for r in out.relations if r.predicate == "partOf"
              and mentions[r.subject].type in GOVERNMENT_TYPES
              and mentions[r.object].type == "Country"}
    for relation in list(out.relations):
        subject = mentions[relation.subject]
        if subject.type != "Person":
            continue
        state = None
        if relation.predicate == "leaderOf" and mentions[relation.object].type == "Country":
            state = mentions[relation.object]
        elif relation.predicate == "memberOf" and relation.object in owners and \
                relation.evidence.confidence >= 0.7:  # not a guess ("Health Minister X" of one)
            state = mentions[owners[relation.object]]
        if state is not None:
            evidence = replace(relation.evidence, rule="implied-nationality",
                               confidence=min(relation.evidence.confidence, 0.6))
            out.relate(subject, "nationality", state, evidence)


def nominal_nationality(ctx: Context, out: Relations) -> None:
    """Unnamed people keep the nationality the text gives them ("a North Korean soldier")."""
    mentions = ctx.mention_by_id()
    doc = ctx.doc
    for mention in ctx.mentions:
        if mention.kind != "nominal":
            continue
        for name, value in mention.attributes:
            if name == "nationality" and value in mentions:
                tokens = [t for t in doc if mention.start <= t.idx < mention.end]
                out.relate(mention, "nationality", mentions[value],
                           ctx.evidence(tokens, "nominal-nationality", 0.8))


def demonyms_before_descriptions(ctx: Context, out: Relations) -> None:
    """"Palestinian hired gun Abu Nidal": a nationality adjective, then a description in lower
    case that is no known title, then the name: the person is that state's national."""
    doc = ctx.doc
    for mention in [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]:
        first = ctx.first_token(mention)
        index = first.i - 1
        while index >= 0 and first.i - index <= 4 and doc[index].is_alpha and \
                doc[index].is_lower and (doc[index].pos_ in ("NOUN", "ADJ") or _participle(doc[index])) and \
                ctx.mention_at(doc[index]) is None:
            index -= 1
        if index < 0 or index == first.i - 1:
            continue
        verb = next((w.i for w in doc[index + 1 : first.i] if w.tag_ == "VBD"), None)
        if verb is not None and (doc[index].tag_ in ("NNS", "NNPS") or
                                 any(w.tag_ == "NNS" for w in doc[index + 1 : verb])):
            continue  # "Palestinians shot settler X", "the Palestinian gunmen shot settler X":
            # people who act, and a verb; not "the Palestinian hired gun X"
        # the model may have left the adjective unnamed: "Palestinian" in "Palestinian hired gun X"
        state = ctx.mention_at(doc[index]) or demonym_before_title(ctx, doc[index])
        if state is None or state.kind != "demonym" or state.type != "Country" or \
                ctx.last_token(state).i != index:
            continue
        evidence = ctx.evidence(list(doc[index : first.i + 1]), "demonym-before-description", 0.7)
        out.relate(mention, "nationality", state, evidence)
        if doc[first.i - 1].tag_ == "NNS":  # "Russian cosmonauts Ivan Popov and Oleg Lenin"
            last = ctx.last_token(mention)
            for other in (c for c in last.children if c.dep_ == "conj"):
                partner = ctx.mention_in(other, ("Person",))
                if partner is not None and partner.kind == "name":
                    out.relate(partner, "nationality", state, evidence)


def _participle(word: Any) -> bool:
    """Whether a verb before a noun modifies it as a participle: "wounded" in "wounded soldier",
    also where the small model tagged it a past tense ("hired" in "Palestinian hired gun X")."""
    following = word.nbor() if word.i + 1 < len(word.doc) else None
    return word.tag_ == "VBN" or word.tag_ == "VBD" and following is not None and \
        following.is_lower and following.pos_ == "NOUN"


def described_officials(ctx: Context, out: Relations) -> None:
    """"Iraq's ambassador said ... The statement by Ambassador Abbas Khalaf": an unnamed office
    holder of a state, then within two sentences the one named person whose title is that
    office, are one person, who takes the state as nationality (run once the events have made
    the unnamed holders' mentions; only where the article's unnamed holders of that office are
    all of one state, counting two sentences from the first of them, and the name has no
    nationality of its own; the name is found by
    ``kg.extract.holders.office_holders`` from the job titles)."""
    mentions = ctx.mention_by_id()
    described: dict[str, list[tuple[Mention, Mention]]] = {}
    for mention in ctx.mentions:
        roles = dict(mention.attributes)
        state = mentions.get(roles.get("nationality", ""))
        office = roles.get("occupation")
        if mention.kind == "nominal" and office in ctx.gazetteer.titles and state is not None and \
                state.type == "Country":
            described.setdefault(office, []).append((mention, state))
    national = {r.subject for r in out.relations if r.predicate == "nationality"}
    titled = [(mentions[a.subject], title_in(a.value.split(), ctx)) for a in out.attributes
              if a.predicate == "jobTitle" and a.subject in mentions]
    for office, holders in described.items():
        if len({state.key or state.text for _, state in holders}) != 1:
            continue
        first, state = holders[0]
        named = office_holders(ctx, office, titled=titled, sentence=first.sentence)
        if not named or any(m.id in national for m in named):
            continue
        person = named[0]
        tokens = [t for t in ctx.doc if person.start <= t.idx < person.end]
        out.relate(person, "nationality", state, ctx.evidence(tokens, "described-official", 0.6))


_INDEFINITE = ("a", "an")


def _introduces_national(ctx: Context, noun: Any) -> bool:
    """Whether a noun introduces an unnamed person of one state with "a" and a nationality
    word: "a British man", "a 21-year-old Saudi man", "a British Islamic leader" (not a noun
    the text names there and then, "a Briton, Jo Roe", nor one with two states)."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or ctx.mention_at(noun) is not None or \
            not any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in noun.children) or \
            any(c.dep_ == "appos" for c in noun.children) or noun.dep_ == "appos":
        return False
    lemma = noun.lemma_.lower()
    if lemma not in ctx.gazetteer.occupations and lemma not in ctx.gazetteer.titles:
        return False
    return len([w for w in _modifiers(noun) if _demonym(ctx, w)]) == 1


def _modifiers(noun: Any) -> list[Any]:
    """The words before a noun that qualify it."""
    return [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]


def _national_state(ctx: Context, noun: Any) -> Mention:
    """The state mention of the one nationality word on a noun (made if the model left the
    word unnamed)."""
    word = next(w for w in _modifiers(noun) if _demonym(ctx, w))
    found = ctx.mention_at(word)
    if found is not None:
        return found
    known = ctx.gazetteer.demonym(word.text)
    return ctx.add_mention([word], "Country", kind="demonym", key=getattr(known, "key", None))


def _demonym(ctx: Context, word: Any) -> bool:
    """Whether a word is a state's nationality adjective: a demonym mention, or a capitalised
    word the gazetteer knows as one that the model left unnamed."""
    found = ctx.mention_at(word)
    if found is not None:
        return found.type == "Country" and found.kind == "demonym"
    known = ctx.gazetteer.demonym(word.text) if word.is_title and word.is_alpha else None
    return known is not None and known.type == "Country"


def _speaks(token: Any) -> bool:
    """Whether a name is the one who speaks in its clause ("Jo Roe said", "according to Jo
    Roe"): a witness or an official the story quotes, not the person it is about."""
    head = token
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in _saying_verbs():
        return True
    preposition = head.head
    return head.dep_ == "pobj" and preposition.lower_ == "to" and preposition.i > 0 and \
        preposition.nbor(-1).lower_ == "according"


def nationals_named_next(ctx: Context, out: Relations) -> None:
    """"A British man was refused bail. ... FBI agent Jo Roe said Tom Hale carried a bomb":
    an unnamed national a sentence introduces with "a" is the one person the next sentence
    names for the first time, where the text gives that person no title at the name, no state
    of their own, and does not quote them (a news lede tells who, the next sentence gives the
    name; "Tom Hale is the head of ..." may still describe the one the lede introduced)."""
    doc = ctx.doc
    # a title written at the name ("FBI agent Jo Roe", "Jo Roe, a local trader") is someone
    # else the text introduces; one the next clause gives ("X is the head of Y") may be theirs
    mentions = ctx.mention_by_id()
    titled = {mentions[a.subject].text.split()[-1] for a in out.attributes
              if a.predicate == "jobTitle" and a.evidence.rule != "copula"}
    titled |= {mentions[r.subject].text.split()[-1] for r in out.relations
               if r.predicate == "nationality"}
    people = [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]
    for noun in doc:
        if not _introduces_national(ctx, noun):
            continue
        sentence = ctx.sentence_of(noun)
        known_before = {m.text.split()[-1] for m in people if m.sentence <= sentence}
        named_next = [m for m in people if m.sentence == sentence + 1 and
                      m.text.split()[-1] not in known_before | titled and
                      not _speaks(ctx.last_token(m))]
        if len({m.text.split()[-1] for m in named_next}) != 1:
            continue
        person = named_next[0]
        state = _national_state(ctx, noun)
        tokens = [t for t in doc if person.start <= t.idx < person.end]
        out.relate(person, "nationality", state, ctx.evidence(tokens, "national-named-next", 0.6))


@cache
def _saying_verbs() -> frozenset[str]:
    """The verbs of speech events.yaml gives ("say", "tell", "announce")."""
    return one_word_verbs(("Statement", "Interview", "PressConference", "Report"))
