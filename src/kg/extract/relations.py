"""Relations between mentions: titles and roles, nationality, family, affiliation and possession."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kg.extract.context import (
    GOVERNMENT_TYPES,
    ORGANIZATION_TYPES,
    PLACE_TYPES,
    Context,
    with_period,
)
from kg.extract.coreference import body_for_pronoun
from kg.extract.entities import argument_mention
from kg.gazetteer import REGION_WORDS, Place, is_generic_institution
from kg.model import Attribute, Mention, Relation

_TITLE_MODIFIERS = {"former", "acting", "then", "interim", "deputy", "vice", "senior", "chief",
                    "first", "top", "late", "current", "ex", "retired", "outgoing", "incoming",
                    "deposed", "ousted"}
_PAST_MODIFIERS = {"former", "then", "late", "ex", "retired", "deposed", "ousted"}
"""Modifiers by which a title no longer holds: "former leader X" leads nothing today."""


class Relations:
    """Collects relations and attributes, dropping exact repeats."""

    def __init__(self) -> None:
        self.relations: list[Relation] = []
        self.attributes: list[Attribute] = []
        self._seen: set[tuple[str, str, str]] = set()

    def relate(self, subject: Mention, predicate: str, obj: Mention, evidence: Any) -> None:
        if subject.id == obj.id or (subject.id, predicate, obj.id) in self._seen:
            return
        self._seen.add((subject.id, predicate, obj.id))
        self.relations.append(Relation(subject.id, predicate, obj.id, evidence))

    def attribute(self, subject: Mention, predicate: str, value: str, evidence: Any) -> None:
        if (subject.id, predicate, value) in self._seen:
            return
        self._seen.add((subject.id, predicate, value))
        self.attributes.append(Attribute(subject.id, predicate, value, evidence))


_COMPANIES = ("Company", "Organization")
"""The organisations a business title ("chief executive") can belong to."""


def _title_in(words: list[str], ctx: Context) -> str | None:
    """The longest known title the words end with ("former Supreme Leader" → "supreme leader")."""
    lowered = [w.lower() for w in words]
    for size in range(len(lowered), 0, -1):
        candidate = " ".join(lowered[-size:])
        if candidate in ctx.gazetteer.titles:
            return candidate
    return None


def _title_words(words: list[Any], title: str | None) -> list[Any]:
    """The words that write a title: the title itself and the modifiers just before it, not
    the words it shares with other titles ("in favour of Senator X", "William and Prince Y")."""
    if not title:
        return []
    start = len(words) - len(title.split())
    while start > 0 and words[start - 1].lower_ in _TITLE_MODIFIERS:
        start -= 1
    return words[start:]


def _latest_state(ctx: Context, token: Any) -> Mention | None:
    """The state a title without one refers to: the last state named before the token, in its
    sentence or the one before, provided those two sentences name no other state (in "the US
    drive to oust President X" or "Iraq, which President Y has labelled", the state is not
    the title's)."""
    return _sole_nearby(ctx, token, ("Country",), ("name", "demonym"))


def _sole_nearby(ctx: Context, token: Any, types: tuple[str, ...],
                 kinds: tuple[str, ...] = ("name",)) -> Mention | None:
    """The last mention of one of ``types`` before a token, in its sentence or the one before,
    when those two sentences name nothing else of those types; None otherwise."""
    sentence = ctx.sentence_of(token)
    nearby = [m for m in ctx.mentions if m.type in types and m.kind in kinds
              and 0 <= sentence - m.sentence <= 1]
    if len({m.key or m.text for m in nearby}) != 1:
        return None
    before = [m for m in nearby if m.start < token.idx]
    return before[-1] if before else None


def implied_nationality(ctx: Context, out: Relations) -> None:
    """A state's political leader, or a member of its embassy or government, is its national."""
    mentions = {m.id: m for m in ctx.mentions}
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


def _affiliate(out: Relations, ctx: Context, person: Mention, body: Mention, title: str | None,
               evidence: Any, former: bool = False) -> None:
    """Link a person to the state or organisation a title attaches them to; a former leader
    ("former Greens leader X") no longer leads it, and stays a member or a national."""
    leads = bool(title and ctx.gazetteer.titles[title].leads) and not former
    if body.type == "Country":
        if body.kind == "demonym" or not leads:
            out.relate(person, "nationality", body, evidence)
        if leads and title and ctx.gazetteer.titles[title].kind == "political":
            out.relate(person, "leaderOf", body, evidence)
    elif body.type in ORGANIZATION_TYPES:
        out.relate(person, "memberOf", body, evidence)
        if leads:
            out.relate(person, "leaderOf", body, evidence)


def _affiliate_all(out: Relations, ctx: Context, person: Mention, bodies: list[Mention],
                   title: str | None, evidence: Any, former: bool = False) -> None:
    """Link a person to every body a title names; beside an organisation, a state only gives
    the nationality ("Kenyan central bank governor X" heads the bank, not Kenya)."""
    for body in bodies:
        if body.type == "Country" and any(b.type in ORGANIZATION_TYPES for b in bodies):
            out.relate(person, "nationality", body, evidence)
        else:
            _affiliate(out, ctx, person, body, title, evidence, former)


def titles_before_names(ctx: Context, out: Relations) -> None:
    """'Russian President Vladimir Putin', "Samsung CEO Lee", "Brazil's foreign minister X"."""
    doc = ctx.doc
    for mention in [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]:
        first = ctx.first_token(mention)
        words: list[Any] = []
        bodies: list[Mention] = []
        index = first.i - 1
        while index >= 0 and ctx.sentence_of(doc[index]) == mention.sentence:
            token = doc[index]
            covering = ctx.mention_at(token)
            if covering and covering.type in ("Country", *ORGANIZATION_TYPES):
                if covering not in bodies:
                    bodies.append(covering)
            elif token.text in ("'s", "\u2019s") and index > 0 and ctx.mention_at(doc[index - 1]):
                pass
            elif token.is_alpha and not covering and (
                token.lower_ in _TITLE_MODIFIERS
                or any(token.lower_ in title.split() for title in ctx.gazetteer.titles)
            ):
                words.insert(0, token)
            else:
                break
            index -= 1
        title = _title_in([w.text for w in words], ctx)
        if not title and not bodies:
            continue
        kept = _title_words(words, title)
        # "Former Labour leader X", "ex-Acme chief Y": the qualifier before the body is the title's
        words = [w for w in words if w.lower_ in _PAST_MODIFIERS and kept and w.i < kept[0].i
                 and not any(k.lower_ == w.lower_ for k in kept)][-1:] + kept
        if title and not bodies and ctx.gazetteer.titles[title].leads and \
                ctx.gazetteer.titles[title].kind == "political":
            # "former Supreme Leader Kim Jong Il": the state is the one the text just named
            state = _latest_state(ctx, first)
            if state is not None:
                evidence = ctx.evidence([*words, first], "title-latest-state", 0.6)
                _affiliate(out, ctx, mention, state, title, evidence)
        if title and not bodies and title.split()[-1] == "leader":
            _party_leader(ctx, out, mention, words, title)
        elif title and not bodies and ctx.gazetteer.titles[title].kind == "business":
            # "Cash-strapped group Acme ... Chief executive Jane Roe said": the company just named
            company = _sole_nearby(ctx, first, _COMPANIES)
            if company is not None:
                evidence = ctx.evidence([*words, first], "title-latest-organization", 0.6)
                _affiliate(out, ctx, mention, company, title, evidence)
        span = [doc[i] for i in range(index + 1, first.i)] or [first]
        evidence = ctx.evidence([*span, first], "title-before-name", 0.85)
        if title:
            shown = " ".join(w.text for w in words)
            out.attribute(mention, "jobTitle", shown, evidence)
        former = any(w.lower_ in _PAST_MODIFIERS for w in words)
        _affiliate_all(out, ctx, mention, bodies, title, evidence, former)


def _party_leader(ctx: Context, out: Relations, person: Mention, words: list[Any], title: str) -> None:
    """"The Greens ... deputy leader Jane Roe", "former leader John Doe": a leader's title with
    no body of its own, where the text around names one party and no state, is a post in that
    party; a former leader is a member only."""
    first = ctx.first_token(person)
    sentence = ctx.sentence_of(first)
    nearby = [m for m in ctx.mentions if m.kind == "name" and m.start < first.idx and
              0 <= sentence - m.sentence <= 2 and m.type in ("Country", *ORGANIZATION_TYPES)]
    if not nearby or any(m.type != "PoliticalParty" for m in nearby) or \
            len({m.key or m.text for m in nearby}) != 1:
        return
    party = nearby[-1]
    evidence = ctx.evidence([*words, first], "title-latest-party", 0.6)
    out.relate(person, "memberOf", party, evidence)
    if ctx.gazetteer.titles[title].leads and not any(w.lower_ in _PAST_MODIFIERS for w in words):
        out.relate(person, "leaderOf", party, evidence)


_PORTFOLIO_HOLDERS = {"minister", "secretary"}


def portfolio_titles(ctx: Context, out: Relations) -> None:
    """"Minister for Rehabilitation Jane Roe", "Secretary of State for Health John Doe": a
    capitalised title with its portfolio written after it, just before the name."""
    doc = ctx.doc
    for mention in [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]:
        first = ctx.first_token(mention)
        index = first.i - 1
        while index >= 0 and doc[index].is_title and doc[index].is_alpha and \
                doc[index].lower_ not in ("for", "of", "and") and \
                getattr(ctx.mention_at(doc[index]), "type", None) != "Person":
            index -= 1
        if index == first.i - 1 or index < 1 or doc[index].lower_ not in ("for", "of") or \
                doc[index - 1].lower_ not in _PORTFOLIO_HOLDERS or not doc[index - 1].is_title:
            continue
        words = list(doc[index - 1 : first.i])
        if doc[index - 1].lower_ == "secretary" and words[2].lower_ == "state":
            continue  # "Secretary of State X": the title itself, which titles.tsv knows
        shown = " ".join(w.lower_ for w in words)
        out.attribute(mention, "jobTitle", shown, ctx.evidence([*words, first], "portfolio-title", 0.8))


def demonyms_before_descriptions(ctx: Context, out: Relations) -> None:
    """"Palestinian hired gun Abu Nidal": a nationality adjective, then a description in lower
    case that is no known title, then the name: the person is that state's national."""
    doc = ctx.doc
    for mention in [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]:
        first = ctx.first_token(mention)
        index = first.i - 1
        while index >= 0 and first.i - index <= 4 and doc[index].is_alpha and \
                doc[index].is_lower and (doc[index].pos_ in ("NOUN", "ADJ") or doc[index].tag_ == "VBN") and \
                ctx.mention_at(doc[index]) is None:
            index -= 1
        if index < 0 or index == first.i - 1:
            continue
        state = ctx.mention_at(doc[index])
        if state is None or state.kind != "demonym" or state.type != "Country" or \
                ctx.last_token(state).i != index:
            continue
        out.relate(mention, "nationality", state,
                   ctx.evidence(list(doc[index : first.i + 1]), "demonym-before-description", 0.7))


def _noun_title(noun: Any, ctx: Context) -> tuple[str | None, str]:
    """The title a noun phrase head names, and how it is written with its modifiers."""
    parts = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
             and not ctx.mention_at(c)]
    words = [*parts, noun]
    title = _title_in([w.text for w in words], ctx)
    return title, " ".join(w.text for w in sorted(words, key=lambda t: t.i))


def appositions(ctx: Context, out: Relations) -> None:
    """'Ri Il Kyu, a former senior counsel at the embassy', 'his father, Kim Jong Il'."""
    for token in ctx.doc:
        if token.dep_ != "appos":
            continue
        head = token.head
        for named_token, noun in ((head, token), (token, head)):
            person = ctx.mention_in(named_token, ("Person",))
            if person is None or person.kind != "name" or ctx.mention_in(noun, ("Person",)):
                continue
            evidence = ctx.evidence(sorted([named_token, noun], key=lambda t: t.i),
                                    "apposition", 0.8)
            relation = ctx.gazetteer.kinship.get(noun.lower_)
            if relation:
                _kinship(ctx, out, noun, person, relation, evidence)
                continue
            title, shown = _noun_title(noun, ctx)
            if title:
                out.attribute(person, "jobTitle", shown, evidence)
            bodies: list[Mention] = []
            for child in noun.children:
                body = None
                if child.dep_ == "prep" and child.lower_ in ("at", "of", "for", "with", "in"):
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    body = argument_mention(ctx, objects[0]) if objects else None
                elif child.dep_ in ("poss", "compound", "amod"):
                    body = ctx.mention_in(child)
                    if body is None and child.dep_ == "poss" and title and child.pos_ == "PRON":
                        pronoun = body_for_pronoun(ctx, child)  # "its chief executive, X"
                        body = argument_mention(ctx, pronoun) if pronoun is not None else None
                    elif body is None and child.dep_ == "poss" and title:
                        # "the group's spokeswoman, X": the group the article just named
                        body = argument_mention(ctx, child)
                        if body is not None and body.kind == "description":
                            _affiliate(out, ctx, person, body, title, replace(
                                evidence, rule="apposition-description", confidence=0.6))
                        continue
                if body is not None and body.type in ("Country", *ORGANIZATION_TYPES):
                    bodies.append(body)
            _affiliate_all(out, ctx, person, bodies, title, evidence)


_COPULAS = {"be", "remain", "become", "serve", "work", "act"}


def copular(ctx: Context, out: Relations) -> None:
    """'X is the daughter of Y', 'X will remain chairman', 'X, who served as foreign minister'."""
    for token in ctx.doc:
        if token.lemma_ not in _COPULAS or token.pos_ not in ("AUX", "VERB"):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.dep_ == "relcl" and subjects and subjects[0].tag_ in ("WP", "WDT"):
            subjects = [token.head]
        if not subjects:
            continue
        person = ctx.mention_in(subjects[0], ("Person",)) or (
            argument_mention(ctx, subjects[0]) if subjects[0].pos_ == "PRON" else None)
        if person is None or person.type != "Person":
            continue
        nouns = [c for c in token.children if c.dep_ in ("attr", "acomp")]
        nouns += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "as"
                  for o in c.children if o.dep_ == "pobj"]
        for noun in nouns:
            if noun.pos_ != "NOUN" or ctx.mention_in(noun):
                continue
            evidence = ctx.evidence([subjects[0], token, noun], "copula", 0.75)
            relation = ctx.gazetteer.kinship.get(noun.lower_)
            if relation:
                for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
                    for obj in (o for o in prep.children if o.dep_ == "pobj"):
                        other = ctx.mention_in(obj, ("Person",))
                        if other is not None:
                            # "X is the daughter of Y": Y has child X, X has parent Y
                            flipped = {"parent": "child", "child": "parent"}.get(relation, relation)
                            out.relate(other, relation, person, evidence)
                            if flipped != relation:
                                out.relate(person, flipped, other, evidence)
                continue
            title, shown = _noun_title(noun, ctx)
            if not title:
                continue
            out.attribute(person, "jobTitle", shown, evidence)
            for child in noun.children:
                body = None
                if child.dep_ == "poss":
                    body = argument_mention(ctx, child)
                elif child.dep_ == "prep" and child.lower_ in ("of", "at", "for"):
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    body = argument_mention(ctx, objects[0]) if objects else None
                if body is not None and body.type in ("Country", *ORGANIZATION_TYPES):
                    _affiliate(out, ctx, person, body, title, evidence)


_LEADING_VERBS = {"lead", "head", "chair", "run", "command", "found", "own"}


def leading_verbs(ctx: Context, out: Relations) -> None:
    """'X chairs Y', 'Y, led by General X', 'the RSF, commanded by Y', 'X, who heads Y': X
    leads Y."""
    for token in ctx.doc:
        if token.lemma_ not in _LEADING_VERBS or token.pos_ != "VERB":
            continue
        person_token = body_token = None
        if token.dep_ == "acl" or any(c.dep_ == "auxpass" for c in token.children):
            body_token = token.head if token.dep_ == "acl" else next(
                (c for c in token.children if c.dep_ == "nsubjpass"), None)
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            objects = [o for o in agent.children if o.dep_ == "pobj"] if agent is not None else []
            person_token = objects[0] if objects else None
        else:
            person_token = next((c for c in token.children if c.dep_ == "nsubj"), None)
            body_token = next((c for c in token.children if c.dep_ == "dobj"), None)
            if person_token is not None and person_token.tag_ == "WP" and token.dep_ == "relcl":
                person_token = token.head  # "Jorge Almeida, who heads the Socialist Party"
        if person_token is None or body_token is None:
            continue
        person = argument_mention(ctx, person_token)
        body = argument_mention(ctx, body_token)
        if person is None or person.type != "Person" or body is None or \
                body.type not in ORGANIZATION_TYPES:
            continue
        evidence = ctx.evidence([person_token, token, body_token], "leading-verb", 0.75)
        out.relate(person, "memberOf", body, evidence)
        if token.lemma_ not in ("found", "own"):
            out.relate(person, "leaderOf", body, evidence)
        title, shown = _noun_title(person_token, ctx) if person_token.pos_ == "NOUN" else (None, "")
        if title:
            out.attribute(person, "jobTitle", shown, evidence)


_APPOINTING_VERBS = {"appoint", "reappoint", "name", "elect", "re-elect", "install", "promote",
                     "choose", "select"}


def _of_body(ctx: Context, noun: Any) -> Mention | None:
    """The state or organisation a noun names or belongs to: "Acme", "the board of Acme",
    "the party's executive" (a description the resolver ties to the party named before)."""
    found = argument_mention(ctx, noun)
    if found is not None and found.type in ("Country", *ORGANIZATION_TYPES):
        return found
    for child in noun.children:
        if child.dep_ == "poss" or child.dep_ == "prep" and child.lower_ == "of":
            owner = child if child.dep_ == "poss" else next(
                (c for c in child.children if c.dep_ == "pobj"), None)
            found = argument_mention(ctx, owner) if owner is not None else None
            if found is not None and found.type in ("Country", *ORGANIZATION_TYPES):
                return found
    return None


def appointments(ctx: Context, out: Relations) -> None:
    """"Acme named Jane Roe as finance chief", "X was appointed chief executive of Y", "X,
    installed as interim leader by the party's executive": the title, and the body that
    appointed the person or that the title names."""
    for token in ctx.doc:
        if token.lemma_ not in _APPOINTING_VERBS or token.pos_ != "VERB":
            continue
        passive = token.dep_ == "acl" or any(c.dep_ == "auxpass" for c in token.children)
        if token.dep_ == "acl":
            person_token = token.head
        else:
            person_token = next((c for c in token.children
                                 if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
        person = ctx.mention_in(person_token, ("Person",)) if person_token is not None else None
        if person is None or person.kind != "name":
            continue
        noun = next((c for c in token.children if c.dep_ == "oprd"), None)
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                noun = next((c for c in child.children if c.dep_ == "pobj"), noun)
        if noun is None or noun.pos_ != "NOUN":
            continue
        title, shown = _noun_title(noun, ctx)
        if not title:
            continue
        evidence = ctx.evidence([person_token, token, noun], "appointed-as", 0.75)
        out.attribute(person, "jobTitle", shown, evidence)
        body = _of_body(ctx, noun) if any(
            c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("of", "at") for c in noun.children) \
            else None
        if body is None:
            appointer = next((c for c in token.children if c.dep_ == "nsubj"), None) \
                if not passive else next(
                    (o for a in [*token.children, *noun.children] if a.dep_ in ("agent", "prep")
                     and a.lower_ == "by" for o in a.children if o.dep_ == "pobj"), None)
            body = _of_body(ctx, appointer) if appointer is not None else None
        if body is not None:
            _affiliate(out, ctx, person, body, title, evidence)


_MEMBER_NOUNS = {"member", "figure"}
"""Plural nouns for people of a body that are no title: "members of X, including Y"."""


def members_including(ctx: Context, out: Relations) -> None:
    """"leaders of Hamas, including X", "officials from the ministry, such as Y", "Acme
    executives including Z": a person listed among the office holders of a body belongs to it."""
    for token in ctx.doc:
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
        title = _title_in([noun], ctx) if noun not in _MEMBER_NOUNS else None
        if title is None and noun not in _MEMBER_NOUNS:
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
        _affiliate(out, ctx, person, body, title, evidence)


_JUNIOR_MODIFIERS = {"deputy", "vice", "junior", "assistant", "associate"}


def _portfolio(title: str) -> str | None:
    """The portfolio a minister's title names: "health minister", "Minister for Trade" → health,
    trade; "prime minister" names none."""
    words = title.lower().replace("defense", "defence").split()
    if "minister" not in words:
        return None
    index = words.index("minister")
    if index + 2 < len(words) and words[index + 1] in ("for", "of"):
        return words[index + 2]
    before = words[index - 1] if index > 0 else None
    return None if before is None or before == "prime" or before in _TITLE_MODIFIERS else before


_CHAMBERS = {"senator": "senate", "congressman": "congress", "congresswoman": "congress",
             "mp": "parliament", "member of parliament": "parliament"}
"""The word in a chamber's name that a legislator's title points to: "Senator X" → "the Senate"."""


def _office(title: str) -> tuple[str, str, bool] | None:
    """The kind of body a title holds an office in, the word its name must contain, and
    whether the office leads it: "health minister" → a ministry with "health", leading."""
    lowered = title.lower()
    portfolio = _portfolio(lowered)
    if portfolio is not None:
        return "Ministry", portfolio, True
    chamber = next((word for name, word in _CHAMBERS.items()
                    if lowered == name or lowered.endswith(" " + name)), None)
    return ("Legislature", chamber, False) if chamber else None


def offices_of_bodies(ctx: Context, out: Relations) -> None:
    """"Health Minister X" in a story that names "Peru's Ministry of Health", "Senator Y" in one
    that names the Senate: the office holder is of the one such body the article names, in
    their own state when both states are known; a minister leads it unless deputy or former."""
    mentions = {m.id: m for m in ctx.mentions}
    state_of: dict[str, str] = {}
    for relation in out.relations:
        owner = mentions[relation.object]
        if relation.predicate in ("partOf", "nationality", "leaderOf") and owner.type == "Country":
            state_of.setdefault(relation.subject, owner.key or owner.text)
    for attribute in list(out.attributes):
        office = _office(attribute.value) if attribute.predicate == "jobTitle" else None
        words = set(attribute.value.lower().split())
        if office is None or words & _PAST_MODIFIERS:
            continue
        kind, word, leads = office
        person = mentions[attribute.subject]
        own = state_of.get(person.id)
        matching = [m for m in ctx.mentions if m.type == kind and m.kind == "name" and
                    word in m.text.lower().replace("defense", "defence").split() and
                    (own is None or state_of.get(m.id, own) == own)]
        if own is not None and any(state_of.get(m.id) == own for m in matching):
            matching = [m for m in matching if state_of.get(m.id) == own]
        if len({m.key or m.text.lower() for m in matching}) != 1 or \
                len({state_of.get(m.id) for m in matching} - {None}) > 1:
            continue  # "Chile's and Peru's Ministry of Foreign Affairs": whose is unsure
        body = matching[0]
        evidence = replace(attribute.evidence, rule="office-of-body", confidence=0.65)
        out.relate(person, "memberOf", body, evidence)
        if leads and not words & _JUNIOR_MODIFIERS:
            out.relate(person, "leaderOf", body, evidence)


def _kinship(ctx: Context, out: Relations, noun: Any, named: Mention, relation: str,
             evidence: Any) -> None:
    """'his father, X' → possessor parent X; 'X, the son of Y' → Y child X."""
    owner = None
    for child in noun.children:
        if child.dep_ == "poss":
            owner = argument_mention(ctx, child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            owner = argument_mention(ctx, objects[0]) if objects else None
    if owner is not None and owner.type == "Person":
        out.relate(owner, relation, named, evidence)
        inverse = {"parent": "child", "child": "parent"}.get(relation)
        if inverse:
            out.relate(named, inverse, owner, evidence)


_RIVALS = {"rival", "competitor", "partner", "client", "customer", "supplier", "creditor",
           "lender", "buyer", "target", "opponent", "ally"}
"""Nouns that put an organisation beside its possessor, not in it: "Acme's rival Globex"."""


def possessives(ctx: Context, out: Relations) -> None:
    """"Seoul's Ministry of Unification", "South Korea's National Intelligence Service", and
    with a description between: "Japan's public broadcaster NHK"."""
    doc = ctx.doc
    for mention in ctx.mentions:
        if mention.type not in ORGANIZATION_TYPES or mention.kind != "name":
            continue
        first = ctx.first_token(mention)
        index = first.i - 1
        while index > first.i - 6 and index > 0 and doc[index].tag_ != "POS" and \
                (doc[index].is_lower or doc[index].text == "-"):
            index -= 1  # "Japan's public broadcaster NHK", "Brazil's state-owned Petrobras"
        if index < 1 or doc[index].text not in ("'s", "\u2019s", "'"):
            continue
        possessor = doc[index - 1]
        owner = ctx.mention_at(possessor)
        if owner is None or owner.type not in (*PLACE_TYPES, *ORGANIZATION_TYPES) \
                or owner.type == "Place":
            continue
        rule, confidence = "possessive-organization", 0.85
        if index < first.i - 1:
            if not (ctx.mention_at(possessor.head) is mention or _describes(possessor.head, mention, ctx)):
                continue  # "Acme's chief rival Globex" names no part of Acme
            if possessor.head.lemma_.lower() in _RIVALS:
                continue
            rule, confidence = "possessive-description", 0.75
        evidence = ctx.evidence([possessor, first], rule, confidence)
        predicate = "partOf" if mention.type in GOVERNMENT_TYPES or owner.type in \
            ORGANIZATION_TYPES else "basedIn"
        out.relate(mention, predicate, owner, evidence)


def _names_a_person(noun: Any, ctx: Context) -> bool:
    """Whether a common noun describes a person: a title, an occupation or a relative."""
    lemma = noun.lemma_.lower()
    return bool(_noun_title(noun, ctx)[0]) or lemma in ctx.gazetteer.occupations or \
        noun.lower_ in ctx.gazetteer.kinship or lemma in ctx.gazetteer.kinship


def organization_appositions(ctx: Context, out: Relations) -> None:
    """"Zenith Bank, Nigeria's largest lender", "Sea-Watch, a German charity": a description in
    apposition to an organisation places it in the state or town that qualifies it."""
    for token in ctx.doc:
        if token.dep_ != "appos":
            continue
        for named_token, noun in ((token.head, token), (token, token.head)):
            body = ctx.mention_in(named_token, ("Organization",))
            if body is None or body.kind != "name" or noun.pos_ != "NOUN" or ctx.mention_at(noun) or \
                    _names_a_person(noun, ctx):
                continue  # "X, a Canadian soldier": a person, whatever the model took X for
            for child in noun.children:
                place = ctx.mention_at(child) if child.dep_ in ("poss", "amod", "compound") else None
                if place is None or place.type not in PLACE_TYPES or place.type == "Place":
                    continue
                predicate = "partOf" if body.type in GOVERNMENT_TYPES and place.type == "Country" \
                    else "basedIn"
                out.relate(body, predicate, place, ctx.evidence(
                    sorted([named_token, child, noun], key=lambda t: t.i), "organization-apposition", 0.75))


_STATE_BODIES = {"ministry", "parliament", "senate", "congress", "cabinet", "government", "police",
                 "army", "navy", "military", "embassy", "consulate"}
"""Heads of names every state gives its own bodies; a "Bureau" or an "Agency" after a
nationality word is more often the body's proper name ("Australian Bureau of Statistics")."""


def demonyms_in_names(ctx: Context, out: Relations) -> None:
    """"the Saudi Interior Ministry", "the Spanish parliament", "the Saudi royal family": a
    nationality word on a name that otherwise says only what kind of body it is belongs to
    that state; in a proper name ("Saudi Press Agency") it does not count."""
    gazetteer = ctx.gazetteer
    for mention in list(ctx.mentions):
        if mention.type not in ORGANIZATION_TYPES or mention.kind != "name":
            continue
        tokens = list(ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand"))
        for size in (2, 1):
            state = gazetteer.demonym(" ".join(t.text for t in tokens[:size]))
            rest = tokens[size:]
            if state is None or state.type != "Country" or not rest:
                continue
            if all(t.is_lower for t in rest) or is_generic_institution(" ".join(t.text for t in rest)) \
                    and any(t.lower_ in _STATE_BODIES for t in rest):
                adjective = ctx.add_mention(tokens[:size], "Country", kind="demonym", key=state.key)
                out.relate(mention, "partOf" if mention.type in GOVERNMENT_TYPES else "basedIn",
                           adjective, ctx.evidence(tokens, "demonym-in-name", 0.8))
            break


def modifiers_before_organizations(ctx: Context, out: Relations) -> None:
    """"South Korean newspaper The Chosun Daily", "the German carmaker Volkswagen"."""
    doc = ctx.doc
    for mention in ctx.mentions:
        if mention.type not in ORGANIZATION_TYPES or mention.kind != "name":
            continue
        first = ctx.first_token(mention)
        index = first.i - 1
        if index >= 0 and doc[index].lower_ == "the":
            index -= 1
        nouns = []
        while index >= 0 and doc[index].pos_ == "NOUN" and doc[index].is_lower:
            nouns.append(doc[index])
            index -= 1
        if index < 0 or index == first.i - 1:
            continue
        if nouns and not _describes(nouns[0], mention, ctx):
            continue  # "a Saudi man the FBI is seeking": the state qualifies the man
        owner = ctx.mention_at(doc[index])
        if owner is None or owner.type != "Country":
            continue
        evidence = ctx.evidence([doc[index], first], "modifier-before-organization", 0.8)
        out.relate(mention, "partOf" if mention.type in GOVERNMENT_TYPES else "basedIn", owner,
                   evidence)


def _describes(noun: Any, mention: Mention, ctx: Context) -> bool:
    """Whether a common noun just before an organisation's name describes it ("newspaper The
    Chosun Daily", "carmaker Volkswagen"): the parser attaches one to the other."""
    tokens = list(ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand"))
    # "Brazil's state oil company Petrobras raised": parsed as two subjects of one verb
    split = noun.i + 1 == tokens[0].i and tokens[-1].head == noun.head and tokens[-1].dep_ == noun.dep_
    return split or noun.head in tokens or any(
        t.head == noun and t.dep_ in ("appos", "compound", "npadvmod") for t in tokens)


_SEATS = ("City", "AdministrativeRegion")
"""Places an organisation is written "in" as its seat: "DNB Markets in Oslo" (a state is where
it works: "the UN in Iraq")."""


def _organization_at(ctx: Context, token: Any) -> Mention | None:
    """The named organisation a token heads: "Acme", "the trader Vitol" (a noun in apposition);
    not the fighters of "al-Qaeda fighters based in X"."""
    for candidate in (token, *[c for c in token.children if c.dep_ == "appos"]):
        found = ctx.mention_at(candidate)
        if found is not None and found.type in ORGANIZATION_TYPES and found.kind == "name":
            return found
    return None


def _place_of(ctx: Context, preposition: Any, types: tuple[str, ...] = PLACE_TYPES) -> Mention | None:
    """The named place a preposition governs ("in Geneva")."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    found = ctx.mention_in(objects[0], ("Place",)) if objects else None
    return found if found is not None and found.type in types and found.kind == "name" else None


def organization_seats(ctx: Context, out: Relations) -> None:
    """Where an organisation is based: "Nairobi-based Safaricom", "Vitol, based in Geneva",
    "a bank headquartered in Frankfurt", "Central Command in Florida said"."""
    doc = ctx.doc
    for token in doc:
        if token.lower_ == "based" and token.i > 1 and doc[token.i - 1].text == "-":
            place = ctx.mention_at(doc[token.i - 2])
            body = _organization_at(ctx, token.head)
            if place is not None and place.type in PLACE_TYPES and body is not None:
                out.relate(body, "basedIn", place,
                           ctx.evidence([doc[token.i - 2], token], "place-based", 0.8))
        elif token.lemma_ in ("base", "headquarter") and token.tag_ == "VBN":
            if token.dep_ in ("acl", "relcl"):
                subject = token.head
            else:
                subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            body = _organization_at(ctx, subject) if subject is not None else None
            place = next((_place_of(ctx, c) for c in token.children
                          if c.dep_ == "prep" and c.lower_ == "in" and _place_of(ctx, c)), None)
            if body is not None and place is not None:
                out.relate(body, "basedIn", place, ctx.evidence([token], "based-in", 0.8))
    for mention in ctx.mentions:
        if mention.kind != "name" or mention.type not in ORGANIZATION_TYPES or \
                mention.type in ("Embassy", "InternationalOrganization"):
            continue
        last = ctx.last_token(mention)
        for child in last.children:
            place = _place_of(ctx, child, _SEATS) if child.dep_ == "prep" and child.lower_ == "in" \
                else None
            if place is not None:
                out.relate(mention, "basedIn", place,
                           ctx.evidence([last, child], "organization-in-place", 0.7))


def institutions(ctx: Context, out: Relations) -> None:
    """An institution named by its owner belongs to it ("the North Korean embassy", "the Spanish
    parliament"; a body that is not the state's is based there: "the Saudi royal family"), and
    an embassy sits in its host."""
    mentions = {m.id: m for m in ctx.mentions}
    for mention in ctx.mentions:
        roles = dict(mention.attributes)
        if mention.kind != "institution" and "owner" not in roles:
            continue
        token = ctx.first_token(mention)
        evidence = ctx.evidence([*token.subtree], "institution-owner", 0.8)
        if "owner" in roles:
            predicate = "partOf" if mention.type in GOVERNMENT_TYPES else "basedIn"
            out.relate(mention, predicate, mentions[roles["owner"]], evidence)
        if "host" in roles:
            out.relate(mention, "basedIn", mentions[roles["host"]], evidence)


_CONTAINERS = ("Country", "AdministrativeRegion")
_SIDES = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
          "central", "northeastern", "northwestern", "southeastern", "southwestern",
          "north-east", "north-west", "south-east", "south-west", "north-eastern",
          "north-western", "south-eastern", "south-western", "rural", "coastal"}


def _container_after(ctx: Context, index: int) -> Mention | None:
    """The state or region named from token ``index`` on: "Chiapas", "Calif.", "northern
    Portugal" (after "in"); a town's abbreviation becomes a mention of its region."""
    doc = ctx.doc
    if index > 0 and doc[index - 1].lower_ in ("in", "on", "of") and index < len(doc) and \
            doc[index].lower_ == "the":
        index += 1  # "Eden, on the New South Wales south coast"; not "Brussels, the US envoy"
    if index < len(doc) and doc[index].lower_ in _SIDES and doc[index].is_lower:
        index += 1  # "northern Portugal", but "South Australia" is a name
        if index + 1 < len(doc) and doc[index].text == "-" and doc[index + 1].lower_ in _SIDES:
            index += 2  # "north-west New South Wales", split at its hyphen
    if index >= len(doc):
        return None
    found = ctx.mention_at(doc[index])
    if found is not None:
        return found if found.type in _CONTAINERS and found.kind in ("name", "demonym") else None
    region = ctx.gazetteer.region_abbreviation(with_period(doc[index]))
    if region is None:
        return None
    end = index + (2 if with_period(doc[index]) != doc[index].text else 1)
    return ctx.add_mention(list(doc[index:end]), "AdministrativeRegion", kind="name",
                           key=region.key)


# Nouns for a part of a town or state: "Johannesburg's suburb of Sandton", "the Iraqi city of
# Mosul"; a part of a town lies in the town itself.
_PART_NOUNS = {"city", "town", "village", "province", "region", "port", "suburb", "district",
               "township", "neighbourhood", "neighborhood", "settlement", "state", "prefecture",
               "county", "governorate", "territory", "island"}
# Last words that make "X <word> of Y" name Y itself: "the Pacific Island of Nauru".
_KIND_WORDS = {"island", "islands", "republic", "kingdom", "state", "territory", "nation",
               "city", "town"}
_TOWN_PARTS = {"suburb", "district", "township", "neighbourhood", "neighborhood"}
# Last words of a water body's name: "Indian Ocean" or "South China Sea" lie in no state.
_WATER_WORDS = {"Ocean", "Sea", "Gulf", "Bay", "Strait", "Straits", "Channel", "Basin"}


def places(ctx: Context, out: Relations) -> None:
    """A place inside a state or region: "Mosul, Iraq", "San Mateo, Calif.", "Porto, in
    northern Portugal", "Hunan province in China", "the Kurdish region of Iraq", "the Iraqi
    city of Mosul", "Johannesburg's suburb of Sandton"."""
    doc = ctx.doc
    order = {"City": 0, "Place": 0, "AdministrativeRegion": 1, "Country": 2}
    for mention in list(ctx.mentions):
        if mention.type not in ("City", "Place", "AdministrativeRegion") or mention.kind != "name":
            continue
        last = ctx.last_token(mention)
        index = last.i + 1
        region_word = last.lower_ in REGION_WORDS
        if index < len(doc) and doc[index].lower_ in REGION_WORDS:
            index += 1  # "Hunan province in China"
            region_word = True
        comma = index < len(doc) and doc[index].text == ","
        if comma:
            index += 1
        container = None
        word = doc[index].lower_ if index < len(doc) else ""
        if word == "in" and (comma or mention.type in ("City", "AdministrativeRegion")) or \
                word == "of" and not comma and (region_word or (
                    mention.type in ("Place", "AdministrativeRegion") and
                    last.lower_ not in _KIND_WORDS)):
            container = _container_after(ctx, index + 1)  # "the Southern Highlands of NSW"
        elif word == "on" and (comma or mention.type == "City"):
            container = _container_after(ctx, index + 1)  # "St Helens on Tasmania's east coast"
            if container is not None and not _coast_after(ctx, container):
                container = None
        elif comma and (capital := _capital_of(doc, index)) is not None:  # "Mekelle, the capital
            container = _container_after(ctx, capital)  # of Tigray"
        elif comma:
            container = _container_after(ctx, index)
            if container is not None and (container.kind == "demonym" or
                                          ctx.last_token(container).dep_ in ("nsubj", "nsubjpass")):
                container = None  # "In the Gaza Strip, Israeli forces ...", "..., Israel said"
        if container is not None and order[container.type] > order[mention.type]:
            out.relate(mention, "locatedIn", container,
                       ctx.evidence([last, ctx.first_token(container)], "place-comma-state", 0.8))
        first = ctx.first_token(mention)
        if first.dep_ == "conj" and first.head.i < first.i:
            first = first.head  # "the suburbs of Heathcote and Engadine"
        noun = doc[first.i - 2] if first.i >= 2 and doc[first.i - 1].lower_ == "of" else None
        if noun is None or noun.lemma_.lower() not in _PART_NOUNS:
            continue
        for child in noun.children:
            owner = ctx.mention_at(child) if child.dep_ in ("poss", "amod", "compound", "nmod") \
                else None
            if owner is None or owner.type not in PLACE_TYPES or owner.id == mention.id:
                continue
            if order[owner.type] > order[mention.type] or (
                    noun.lemma_.lower() in _TOWN_PARTS and owner.type == "City"):
                out.relate(mention, "locatedIn", owner,
                           ctx.evidence([child, first], "demonym-city-of", 0.8))
                break


def _capital_of(doc: Any, index: int) -> int | None:
    """Where the state begins in "the (provincial) capital of <state>" from token ``index``."""
    words = [t.lower_ for t in doc[index : index + 5]]
    for size in (3, 4):
        if len(words) >= size and words[0] == "the" and words[size - 2:size] == ["capital", "of"]:
            return index + size
    return None


def _coast_after(ctx: Context, container: Mention) -> bool:
    """Whether a coast follows a state: "on Tasmania's east coast", "on the NSW south coast"."""
    doc = ctx.doc
    after = ctx.last_token(container).i + 1
    return any(t.lower_ in ("coast", "coastline", "shore") for t in doc[after : after + 4])


def places_named_after_states(ctx: Context, out: Relations) -> None:
    """"the Russian Far East", "Iraqi Kurdistan", "the New South Wales Hunter Valley": a place
    whose name begins with a state's or region's name or adjective lies in it, when the
    article names it (a sea or gulf does not)."""
    gazetteer = ctx.gazetteer
    states = {m.key: m for m in ctx.mentions if m.kind == "name" and m.type in _CONTAINERS}
    for mention in ctx.mentions:
        if mention.type != "Place" or mention.kind != "name" or mention.key:
            continue
        words = mention.text.split()
        if len(words) < 2 or words[-1] in _WATER_WORDS:
            continue
        for size in (3, 2, 1):
            prefix = " ".join(words[:size])
            state = gazetteer.demonym(prefix) or gazetteer.lookup(prefix)
            if size < len(words) and isinstance(state, Place) and state.type in _CONTAINERS and \
                    state.key in states:
                out.relate(mention, "locatedIn", states[state.key],
                           ctx.evidence([ctx.first_token(mention)], "state-in-place-name", 0.7))
                break


def places_in_framed_sentences(ctx: Context, out: Relations) -> None:
    """"In the Czech Republic, ... the Vlava river receded": a sentence that opens with "In"
    and a state or region sets where the places it names and the gazetteer lacks lie."""
    doc = ctx.doc
    for sentence in doc.sents:
        tokens = [t for t in sentence if not t.is_space]
        if len(tokens) < 3 or tokens[0].lower_ != "in":
            continue
        start = 2 if tokens[1].lower_ == "the" else 1
        frame = ctx.mention_at(tokens[start])
        if frame is None or frame.type not in _CONTAINERS or frame.kind != "name":
            continue
        after = ctx.last_token(frame).i + 1
        if after >= len(doc) or doc[after].text != ",":
            continue
        for mention in ctx.mentions:
            if mention.kind == "name" and not mention.key and mention.type in ("City", "Place") \
                    and sentence.start_char <= mention.start < sentence.end_char:
                out.relate(mention, "locatedIn", frame,
                           ctx.evidence([tokens[0], ctx.first_token(mention)], "in-frame", 0.6))


def gazetteer_containment(ctx: Context, out: Relations, states: set[str] | None = None) -> None:
    """A known town or region lies in the region or state around it that the article names:
    "Melbourne" and "Australia" in one story; Nagoya → Aichi → Japan → Asia, each link to the
    smallest place named, so the chain reaches the state and its continent.

    ``states`` are the ids of mentions of states named only by an adjective or inside a name
    ("South African President X", "U.S. Central Command") that a fact already makes entities:
    they are places of the article too. "Chinese" alone does not name China as a place.
    """
    gazetteer = ctx.gazetteer
    states = states or set()
    places = [m for m in ctx.mentions if m.key and m.type in PLACE_TYPES and
              (m.kind == "name" or m.id in states)]
    named: dict[str, Mention] = {}
    for mention in sorted(places, key=lambda m: m.kind != "name"):  # a name over an adjective
        named.setdefault(mention.key or "", mention)
    linked: set[tuple[str, str]] = set()
    for mention in places:
        place = gazetteer.get(mention.key or "")
        if not isinstance(place, Place):
            continue
        country = gazetteer.get(place.country or "")
        # A town whose state the article does not name still lies in the state's continent.
        chain = place.containers + (country.containers if isinstance(country, Place) else ())
        container = next((named[k] for k in chain if k in named), None)
        if container is None or (place.key, container.key or "") in linked:
            continue
        linked.add((place.key, container.key or ""))
        out.relate(mention, "locatedIn", container,
                   ctx.evidence([ctx.first_token(mention)], "gazetteer-containment", 0.9))


def nominal_nationality(ctx: Context, out: Relations) -> None:
    """Unnamed people keep the nationality the text gives them ("a North Korean soldier")."""
    mentions = {m.id: m for m in ctx.mentions}
    doc = ctx.doc
    for mention in ctx.mentions:
        if mention.kind != "nominal":
            continue
        for name, value in mention.attributes:
            if name == "nationality" and value in mentions:
                tokens = [t for t in doc if mention.start <= t.idx < mention.end]
                out.relate(mention, "nationality", mentions[value],
                           ctx.evidence(tokens, "nominal-nationality", 0.8))


EXTRACTORS = (
    titles_before_names,
    portfolio_titles,
    demonyms_before_descriptions,
    appositions,
    copular,
    leading_verbs,
    appointments,
    members_including,
    possessives,
    modifiers_before_organizations,
    organization_appositions,
    demonyms_in_names,
    institutions,
    organization_seats,
    places,
    places_named_after_states,
    places_in_framed_sentences,
    offices_of_bodies,
)


def find_relations(ctx: Context) -> Relations:
    """Run every relation rule over the article's text. Geography (gazetteer_containment) and
    the inferences (implied_nationality) come after, once the other facts are known."""
    out = Relations()
    for extractor in EXTRACTORS:
        extractor(ctx, out)
    return out


__all__ = ["PLACE_TYPES", "Relations", "find_relations", "gazetteer_containment",
           "implied_nationality", "nominal_nationality"]
