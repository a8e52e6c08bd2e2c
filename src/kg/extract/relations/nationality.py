"""Nationality from what the text says beside a name and once the other relations are known:
a state body, a demonym before a description, an office an unnamed holder of a state holds."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kg.extract.context import GOVERNMENT_TYPES, Context
from kg.extract.holders import office_holders
from kg.extract.relations.collector import Relations
from kg.extract.relations.title_words import joined_demonyms, title_in
from kg.extract.relations.titles import demonym_before_title
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
    for mention in ctx.mentions:
        if mention.kind != "nominal":
            continue
        for name, value in mention.attributes:
            if name == "nationality" and value in mentions:
                out.relate(mention, "nationality", mentions[value],
                           ctx.evidence(_tokens(ctx, mention), "nominal-nationality", 0.8))


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
        if doc[index].pos_ in ("NOUN", "PROPN") or _described_by_demonym(doc[index]):
            for joined in joined_nationalities(ctx, doc[index]):  # "an Israeli-American named X"
                out.relate(mention, "nationality", joined,
                           replace(evidence, rule="hyphenated-nationality"))
        if doc[first.i - 1].tag_ == "NNS":  # "Russian cosmonauts Ivan Popov and Oleg Lenin"
            last = ctx.last_token(mention)
            for other in (c for c in last.children if c.dep_ == "conj"):
                partner = ctx.mention_in(other, ("Person",))
                if partner is not None and partner.kind == "name":
                    out.relate(partner, "nationality", state, evidence)


def joined_nationalities(ctx: Context, word: Any) -> list[Mention]:
    """The states of the nationality words a hyphen joins, ending at ``word``, each one's
    mention: Liberia and the United States for "a Liberian-American" (a person of both, as
    "Somali-American", "Israeli-American"); none unless every word is a nationality word on its
    own (a span the model read as one name is left alone)."""
    states: list[Mention] = []
    for token in joined_demonyms(word, ctx):
        state = ctx.gazetteer.demonym(token.text)
        found = ctx.mention_at(token)
        if state is None or state.type != "Country":
            return []
        if found is not None and (found.type != "Country" or found.kind != "demonym" or
                                  ctx.first_token(found).i != token.i or
                                  ctx.last_token(found).i != token.i):
            return []
        states.append(found or ctx.add_mention([token], "Country", kind="demonym", key=state.key))
    return states


def _described_by_demonym(word: Any) -> bool:
    """Whether a nationality word before a description stands for the person, as a noun the
    parser may tag an adjective: "an Israeli-American named X" (the word is the phrase's head,
    with its own article), not "the Chinese-Canadian engineer X" (an adjective of a noun)."""
    return any(c.dep_ == "det" for c in word.children)


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
        out.relate(person, "nationality", state,
                   ctx.evidence(_tokens(ctx, person), "described-official", 0.6))


def _tokens(ctx: Context, mention: Mention) -> list[Any]:
    """The tokens a mention spans, from its first to its last (looked up once, not by a scan
    of the document)."""
    return list(ctx.doc[ctx.first_token(mention).i : ctx.last_token(mention).i + 1])
