"""An organisation's state, seat and owner: possessives, demonyms, modifiers, appositions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kg.extract.context import GOVERNMENT_TYPES, ORGANIZATION_TYPES, PLACE_TYPES, Context
from kg.extract.entities.compass import state_by_compass
from kg.extract.organizations import a_media_noun
from kg.extract.relations.collector import Relations
from kg.extract.relations.title_words import noun_title
from kg.gazetteer import KnownOrganization, Place, is_generic_institution, normalize_name
from kg.lexicon import lexicon
from kg.model import Mention

_RIVALS = {"rival", "competitor", "partner", "client", "customer", "supplier", "creditor",
           "lender", "buyer", "target", "opponent", "ally"}
"""Nouns that put an organisation beside its possessor, not in it: "Acme's rival Globex"."""


def _named_organizations(ctx: Context) -> Iterator[tuple[Mention, Any]]:
    """Each organisation the text names, with its first token."""
    for mention in ctx.mentions:
        if mention.type in ORGANIZATION_TYPES and mention.kind == "name":
            yield mention, ctx.first_token(mention)


def possessives(ctx: Context, out: Relations) -> None:
    """"Seoul's Ministry of Unification", "South Korea's National Intelligence Service", and
    with a description between: "Japan's public broadcaster NHK"."""
    doc = ctx.doc
    for mention, first in _named_organizations(ctx):
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
        owner = state_by_compass(ctx, owner)
        rule, confidence = "possessive-organization", 0.85
        if index < first.i - 1:
            if not (ctx.mention_at(possessor.head) is mention or _describes(possessor.head, mention, ctx)):
                continue  # "Acme's chief rival Globex" names no part of Acme
            if possessor.head.lemma_.lower() in _RIVALS or \
                    any(word.lemma_.lower() in _RIVALS for word in doc[index + 1 : first.i]):
                continue  # "works for Apple's rival Samsung", however the parser hung "rival"
            rule, confidence = "possessive-description", 0.75
            if owner.type in ORGANIZATION_TYPES and part_side(doc[index + 1 : first.i]) == "whole":
                # "Ansett's parent company Air New Zealand": the possessor is the part
                out.relate(owner, "partOf", mention, ctx.evidence([possessor, first], rule, confidence))
                continue
        evidence = ctx.evidence([possessor, first], rule, confidence)
        out.relate(mention, _owned_as(ctx, mention, owner), owner, evidence)


_STATES = ("Country", "AdministrativeRegion")
"""The places a government body is part of (a state or a first-level region); a town's bodies
are based in it."""


def _owned_as(ctx: Context, body: Mention, owner: Mention) -> str:
    """How a body stands to the place or organisation that owns it in the text: a part of an
    organisation ("BHP's steel division") or of a state ("Peru's Ministry of Health", and
    "Seoul's Ministry of Unification", a capital standing for its state); based in any other
    place, a town's own government bodies included ("New York's Police Department",
    "Melbourne's Metropolitan Fire Brigade"): partOf ties a government body to its state."""
    if owner.type in ORGANIZATION_TYPES:
        return "partOf"
    stands_for_state = owner.type in _STATES or owner.type == "City" and owner.key is not None \
        and ctx.gazetteer.capital_of(owner.key) is not None
    return "partOf" if body.type in GOVERNMENT_TYPES and stands_for_state else "basedIn"


def _names_a_person(noun: Any, ctx: Context) -> bool:
    """Whether a common noun describes a person: a title, an occupation or a relative."""
    lemma = noun.lemma_.lower()
    return bool(noun_title(noun, ctx)[0]) or lemma in ctx.gazetteer.occupations or \
        noun.lower_ in ctx.gazetteer.kinship or lemma in ctx.gazetteer.kinship


def organization_appositions(ctx: Context, out: Relations) -> None:
    """"Zenith Bank, Nigeria's largest lender", "Sea-Watch, a German charity": a description in
    apposition to an organisation places it in the state or town that qualifies it."""
    for token in ctx.tokens_with("dep", ("appos",)):
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


def part_side(words: Any) -> str | None:
    """How the organisation some words describe stands to another ("part", "whole"), from the
    nouns of organization-parts.tsv among them: "the armed wing", "parent company"."""
    sides = lexicon().classes("organization-parts.tsv")
    found = {sides[w.lemma_.lower()] for w in words if w.pos_ == "NOUN" and w.lemma_.lower() in sides}
    return found.pop() if len(found) == 1 else None


def _part_over(noun: Any) -> Any:
    """The noun for a part a name apposed to a body belongs to, when the parser hung the name
    on the body: "a radical offshoot of Arafat's Fatah movement, the Al-Aqsa Brigades"."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN" and \
            part_side([prep.head]) is not None:
        return prep.head
    return noun


def organization_parts(ctx: Context, out: Relations) -> None:
    """"Jetstar, a subsidiary of Qantas", "the Al-Aqsa Brigades, Fatah's armed wing": an
    organisation in apposition to a noun for a part of another is part of it; "Air New Zealand,
    the parent company of Ansett": the other is part of it."""
    for token in ctx.tokens_with("dep", ("appos",)):
        if token.dep_ != "appos":
            continue
        for named_token, noun in ((token.head, token), (token, _part_over(token.head))):
            body = ctx.mention_in(named_token, ORGANIZATION_TYPES)
            if body is None or body.kind != "name" or noun.pos_ != "NOUN" or ctx.mention_at(noun):
                continue
            side = part_side([noun, *[c for c in noun.children if c.dep_ in ("amod", "compound")]])
            owners = [c for c in noun.children if c.dep_ == "poss"] + [
                o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children if o.dep_ == "pobj"]
            other = next((m for m in (ctx.mention_in(o, ORGANIZATION_TYPES) for o in owners)
                          if m is not None and m.kind == "name" and m.id != body.id), None)
            if side is None or other is None:
                continue
            evidence = ctx.evidence(sorted([named_token, noun], key=lambda t: t.i),
                                    "organization-part", 0.75)
            part, whole = (body, other) if side == "part" else (other, body)
            out.relate(part, "partOf", whole, evidence)


_STATE_BODIES = {"ministry", "parliament", "senate", "congress", "cabinet", "government", "police",
                 "army", "navy", "military", "embassy", "consulate"}
"""Heads of names every state gives its own bodies; a "Bureau" or an "Agency" after a
nationality word is more often the body's proper name ("Australian Bureau of Statistics")."""


def demonyms_in_names(ctx: Context, out: Relations) -> None:
    """"the Saudi Interior Ministry", "the Spanish parliament", "the Saudi royal family": a
    nationality word on a name that otherwise says only what kind of body it is belongs to
    that state; in a proper name ("Saudi Press Agency", and "the Australian Federal Police",
    the gazetteer's own name for the body) it does not count."""
    gazetteer = ctx.gazetteer
    for mention in list(ctx.mentions):
        if mention.type not in ORGANIZATION_TYPES or mention.kind != "name" or \
                _proper_name_with_state(ctx, mention):
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


def _proper_name_with_state(ctx: Context, mention: Mention) -> bool:
    """Whether a body's name, capitalised as written, is the gazetteer's own name for it (not
    an alias): "Australian Federal Police", "British Army" are proper names that carry their
    state's adjective, where "the British army" or "Indian Parliament" (an alias of the
    Parliament of India) name a state's body by the adjective."""
    known = ctx.gazetteer.lookup(mention.text)
    return isinstance(known, KnownOrganization) and \
        normalize_name(known.name) == normalize_name(mention.text)


_GOVERNING_HEADS = {"government", "parliament"}
"""Heads of the bodies a state's name may open as a modifier ("the New Zealand government",
the gold's own example, "the Solomon Islands Parliament"); after a state's name an army or a
police force is written as its proper name ("the Australia Army", which the gold does not tie
to its state)."""


def states_in_names(ctx: Context, out: Relations) -> None:
    """"the United States Government", "the Solomon Islands Parliament": a state's name
    opening the name of a government or a parliament that otherwise says only what kind of
    body it is (as "the New Zealand government" does) makes the body the state's; in the
    gazetteer's own name for the body it does not count."""
    for mention in list(ctx.mentions):
        if mention.type not in GOVERNMENT_TYPES or mention.kind != "name" or \
                _proper_name_with_state(ctx, mention):
            continue
        tokens = list(ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand"))
        for size in (3, 2, 1):
            state = ctx.gazetteer.lookup(" ".join(t.text for t in tokens[:size]))
            rest = tokens[size:]
            if not isinstance(state, Place) or state.type != "Country" or not rest or \
                    not tokens[0].is_title and not tokens[0].is_upper:
                continue
            if rest[-1].lower_ in _GOVERNING_HEADS and \
                    is_generic_institution(" ".join(t.text for t in rest)):
                name = ctx.add_mention(tokens[:size], "Country", key=state.key)
                out.relate(mention, "partOf", name, ctx.evidence(tokens, "state-in-name", 0.75))
            break


def modifiers_before_organizations(ctx: Context, out: Relations) -> None:
    """"South Korean newspaper The Chosun Daily", "the German carmaker Volkswagen"; a news
    outlet's town too, before the noun that says it is one: "the Milan daily Corriere della
    Sera", "the Lagos newspaper Punch" (a town before other bodies' nouns may be where they
    work, not their seat: "the Sydney lawyer", "the Kabul office")."""
    doc = ctx.doc
    for mention, first in _named_organizations(ctx):
        index = first.i - 1
        if index >= 0 and doc[index].lower_ == "the":
            index -= 1
        nouns = []
        while index >= 0 and doc[index].is_lower and (
                doc[index].pos_ == "NOUN" or mention.type == "NewsOrganization" and
                a_media_noun(doc[index])):  # "daily", "weekly" are tagged adjectives too
            nouns.append(doc[index])
            index -= 1
        if index < 0 or index == first.i - 1:
            continue
        if nouns and not _describes(nouns[0], mention, ctx):
            continue  # "a Saudi man the FBI is seeking": the state qualifies the man
        owner = ctx.mention_at(doc[index])
        if owner is None or owner.type != "Country" and not (
                owner.type in _SEATS and owner.kind == "name" and
                mention.type == "NewsOrganization" and nouns and a_media_noun(nouns[0])):
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
    """The named organisation a token heads: "Acme", "the trader Vitol" (a noun in apposition),
    or the one a noun is in apposition to ("Oxfam, a Sydney-based charity"); not the fighters
    of "al-Qaeda fighters based in X"."""
    apposed = [token.head] if token.dep_ == "appos" and token.pos_ == "NOUN" and \
        not _names_a_person(token, ctx) else []  # not "X, a Sydney-based lawyer", whatever X was taken for
    for candidate in (token, *[c for c in token.children if c.dep_ == "appos"], *apposed):
        found = ctx.mention_at(candidate)
        if found is not None and found.type in ORGANIZATION_TYPES and found.kind == "name":
            return found
    return None


def _organizations_listed_from(ctx: Context, index: int) -> list[Mention]:
    """The named organisations listed from a token on, joined by commas and "and": both in
    "Pakistan-based Lashkar-e-Taiba and Jaish-e-Mohammad" (however the parser hung them)."""
    doc = ctx.doc
    found: list[Mention] = []
    while index < len(doc):
        body = ctx.mention_at(doc[index])
        if body is None or body.type not in ORGANIZATION_TYPES or body.kind != "name" or \
                ctx.first_token(body).i != index:
            break
        found.append(body)
        index = ctx.last_token(body).i + 1
        while index < len(doc) and doc[index].text in (",", "and"):
            index += 1
    return found


def _place_of(ctx: Context, preposition: Any, types: tuple[str, ...] = PLACE_TYPES) -> Mention | None:
    """The named place a preposition governs ("in Geneva")."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    found = ctx.mention_in(objects[0], ("Place",)) if objects else None
    return found if found is not None and found.type in types and found.kind == "name" else None


def organization_seats(ctx: Context, out: Relations) -> None:
    """Where an organisation is based: "Nairobi-based Safaricom", "Vitol, based in Geneva",
    "a bank headquartered in Frankfurt", "Central Command in Florida said"."""
    doc = ctx.doc
    words = ctx.tokens_with("lower", ("based",)) + ctx.tokens_with("lemma", ("base", "headquarter"))
    for token in sorted({token.i: token for token in words}.values(), key=lambda token: token.i):
        if token.lower_ == "based" and token.i > 1 and doc[token.i - 1].text == "-":
            place = ctx.mention_at(doc[token.i - 2])
            # "Pakistan-based X and Y", else the one the parser hung it on: "the Sydney-based airline Qantas"
            head = _organization_at(ctx, token.head)
            bodies = _organizations_listed_from(ctx, token.i + 1) or ([head] if head else [])
            if place is not None and place.type in PLACE_TYPES:
                for based in bodies:
                    out.relate(based, "basedIn", place,
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
        described = _described_as_itself(ctx, last)
        for child in [*last.children, *(described.children if described is not None else ())]:
            place = _place_of(ctx, child, _SEATS) if child.dep_ == "prep" and child.lower_ == "in" \
                else None
            if place is not None:
                out.relate(mention, "basedIn", place,
                           ctx.evidence([last, child], "organization-in-place", 0.7))


_SELF_DESCRIPTIONS = ("Company", "NewsOrganization")
"""Classes of the nouns (``description-nouns.tsv``) by which a company or an outlet is written
right after its name as what it is, "the Daily Star newspaper", "the Acme firm", unlike a
place it has ("the BBC station in Leeds": a site, no seat)."""


def offices_in_places(ctx: Context, out: Relations) -> None:
    """"an interview at Globex's Austin office", "police searched Siemens' Munich headquarters",
    "the Oslo head office of Norsk Kraft": a place's name before the office an organisation owns
    is where the organisation is based (``seat-nouns.txt``)."""
    seats = lexicon().words("seat-nouns.txt")
    for token in ctx.tokens_with("lemma lower", seats):
        if token.lemma_.lower() not in seats or token.pos_ != "NOUN" or token.lower_ == "offices":
            continue
        owners = [c for c in token.children if c.dep_ == "poss"] + [
            o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children if o.dep_ == "pobj"]
        body = next((b for b in (_organization_at(ctx, o) for o in owners) if b is not None), None)
        before = token.i - 1
        if before >= 0 and ctx.doc[before].lower_ == "head":
            before -= 1  # "the Oslo head office of Norsk Kraft"
        place = ctx.mention_at(ctx.doc[before]) if before >= 0 else None
        if body is None or place is None or place.kind != "name" or place.type not in PLACE_TYPES \
                or place.type == "Place" or ctx.doc[before].dep_ != "compound":
            continue
        out.relate(body, "basedIn", place, ctx.evidence(
            [ctx.first_token(body), ctx.doc[before], token], "office-in-place", 0.75))


def _described_as_itself(ctx: Context, last: Any) -> Any:
    """The lower-case noun right after a company's or an outlet's name that says what it is,
    on which the parser hangs the "in" of its seat: "the Harbour Times newspaper in Durban",
    "the Kestrel insurer in Leeds"; None when no such noun follows."""
    head = last.head
    if last.dep_ != "compound" or head.i != last.i + 1 or not head.is_lower or head.pos_ != "NOUN":
        return None
    kind = lexicon().classes("description-nouns.tsv").get(head.lemma_.lower())
    return head if kind in _SELF_DESCRIPTIONS else None


def institutions(ctx: Context, out: Relations) -> None:
    """An institution named by its owner belongs to it ("the North Korean embassy", "the Spanish
    parliament"; a body that is not the state's is based there: "the Saudi royal family"), and
    an embassy sits in its host."""
    mentions = ctx.mention_by_id()
    for mention in ctx.mentions:
        roles = dict(mention.attributes)
        if mention.kind != "institution" and "owner" not in roles:
            continue
        token = ctx.first_token(mention)
        evidence = ctx.evidence([*token.subtree], "institution-owner", 0.8)
        if "owner" in roles:
            predicate = "partOf" if mention.type in GOVERNMENT_TYPES else "basedIn"
            out.relate(mention, predicate, state_by_compass(ctx, mentions[roles["owner"]]), evidence)
        if "host" in roles:
            out.relate(mention, "basedIn", mentions[roles["host"]], evidence)
