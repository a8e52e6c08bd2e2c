"""Titles before and around names: a person's job title and the body or state it ties them to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, PLACE_TYPES, Context
from kg.extract.names import title_words
from kg.extract.relations.bare_titles import (
    latest_company,
    latest_state,
    party_leader,
    sole_nearby,
    tied_elsewhere,
)
from kg.extract.relations.collector import Relations
from kg.extract.relations.parties import party_before_title, party_of_adjective
from kg.extract.relations.title_words import (
    JUNIOR_MODIFIERS,
    PAST_MODIFIERS,
    TITLE_LEVELS,
    TITLE_MODIFIERS,
    cut_short,
    opposed,
    portfolio_word,
    singular,
    title_in,
    words_of_title,
)
from kg.lexicon import lexicon
from kg.model import Mention
from kg.vocab import kinds_of

_JOINING_WORDS = {"and", "of", "for", "in", "at", "to", "the"}


def _in_a_title(token: Any, words: list[Any], ctx: Context) -> bool:
    """Whether a word before a name can belong to its title: a modifier or a title's word; a
    joining word ("and", "of") only inside a title it spells with the words after it
    ("president and chief executive"), not in "Mudgee, Narromine and Kempsey"; a title cut
    short is read spelled out ("Lt." in "Lt. Gen. Paul Reed")."""
    lower = cut_short(token) or token.lower_
    if len(words) > 1 and words[0].text == "-" and \
            f"{lower}-{words[1].lower_}" in title_words(ctx.gazetteer.titles):
        return True  # "co" in "co-founder"
    if lower == "and" and _joins_two_posts(ctx, token, words):
        return True  # "Acme CEO and co-founder X"
    if lower in _JOINING_WORDS:
        phrase = " ".join([lower, *[w.lower_ for w in words]])
        return bool(words) and any(f" {phrase}" in f" {title} " for title in ctx.gazetteer.titles)
    if lower == "fellow" and token.i + 1 < len(token.doc) and ctx.mention_at(token.nbor()):
        return False  # "fellow Australian Jo Roe": a compatriot, not a research fellow
    return lower in TITLE_MODIFIERS or lower in title_words(ctx.gazetteer.titles)


def _joins_two_posts(ctx: Context, token: Any, words: list[Any]) -> bool:
    """Whether an "and" before a title joins it to another post in the same company or
    organisation, named just before: "CEO" in "Acme CEO and co-founder Jane Roe", "chairman"
    in "Telstra chairman and chief executive X" (not "the minister and Senator Y", two people,
    nor "Mudgee, Narromine and Kempsey")."""
    doc = token.doc
    after = [singular(w) for w in words if w.text != "-" or w.i > words[0].i]
    second = title_in(after, ctx) if words else None
    if second is None or ctx.gazetteer.titles[second].kind not in _LISTED_KINDS or \
            words_of_title(words, second)[:1] != words[:1]:
        return False
    index = token.i - 1
    while index >= 0 and token.i - index <= 3 and ctx.mention_at(doc[index]) is None and \
            (doc[index].is_alpha or doc[index].text == "-"):
        index -= 1
    body = ctx.mention_at(doc[index]) if index >= 0 else None
    first = title_in([singular(w) for w in doc[index + 1 : token.i]], ctx)
    return body is not None and body.type in _LISTED_BODIES and body.kind == "name" and \
        first is not None and ctx.gazetteer.titles[first].kind in _LISTED_KINDS and \
        words_of_title(list(doc[index + 1 : token.i]), first)[:1] == [doc[index + 1]]


def coordinated_title(ctx: Context, words: list[Any], title: str | None) -> tuple[str | None, list[Any]]:
    """The first of two posts a title's words join by "and", and its words: "chairman" in
    "Telstra chairman and chief executive" (the title read is the last one, "chief
    executive"); None when the words write one title ("president and chief executive")."""
    joins = [i for i, w in enumerate(words) if w.lower_ == "and"]
    if title is None or len(joins) != 1 or title.split()[0] == "and" or " and " in f" {title} ":
        return None, []
    before, after = words[: joins[0]], words[joins[0] + 1 :]
    first = title_in([singular(w) for w in before], ctx)
    if first is None or title_in([singular(w) for w in after], ctx) != title or \
            words_of_title(before, first)[:1] != before[:1] or words_of_title(after, title)[:1] != after[:1]:
        return None, []
    return first, before


def _opposed_or_named(ctx: Context, body: Mention) -> bool:
    """Whether a state or body before a title is not the holder's: "the anti-Taliban commander
    X", or a state that only ends an organisation's name ("Energy Australia's Jo Roe")."""
    if opposed(ctx, body):
        return True
    doc = ctx.doc
    start = ctx.first_token(body).i
    before = doc[start - 1] if start > 0 else None
    return body.type == "Country" and before is not None and before.pos_ == "PROPN" and \
        before.is_title and ctx.mention_at(before) is None and \
        not _in_a_title(before, [], ctx)


def _topic_before_body(ctx: Context, token: Any, words: list[Any]) -> bool:
    """Whether a lower-case noun before a title says what the post is about and a state or
    body comes just before it: "peace" in "US peace envoy X" (not "Kashmir militant leader",
    nor a title of its own: "spokesman" in "Pentagon spokesman Navy Captain Y")."""
    doc = token.doc
    index = token.i
    if singular(token) in ctx.gazetteer.titles:
        return False
    if title_in([singular(token), *[singular(w) for w in words]], ctx) != \
            title_in([singular(w) for w in words], ctx):
        return False  # "board" in "Acme board member X": a word of a longer title, no topic
    while index >= 0 and doc[index].is_lower and doc[index].pos_ == "NOUN" and \
            doc[index].dep_ == "compound" and doc[index].head.i > index and \
            doc[index].head.i <= words[-1].i and ctx.mention_at(doc[index]) is None:
        index -= 1
    if index == token.i or index < 0:
        return False
    before = doc[index]
    body = ctx.mention_at(before)
    return before.text in ("'s", "\u2019s") or body is not None and \
        body.type in ("Country", *ORGANIZATION_TYPES)


def demonym_before_title(ctx: Context, token: Any) -> Mention | None:
    """The state a capitalised nationality word just before a title names, where the model
    took it into an organisation's name or into none: "British" in "British Defence Secretary
    Geoff Hoon" (read by the model as "British Defence")."""
    if not token.is_title or not token.is_alpha:
        return None
    before = token.nbor(-1) if token.i > 0 else None
    if before is not None and before.is_title and before.is_alpha and before.pos_ != "DET":
        return None  # "South Australian senator X", "West Australian Y": a region's people
    state = ctx.gazetteer.demonym(token.text)
    if state is None or state.type != "Country":
        return None
    return ctx.add_mention([token], "Country", kind="demonym", key=state.key)


def affiliate(out: Relations, ctx: Context, person: Mention, body: Mention, title: str | None,
               evidence: Any, leading: bool = True, retired: bool = False) -> None:
    """Link a person to the state or organisation a title attaches them to. A leader's title
    leads it unless the post is not ``leading``: a former leader ("former Greens leader X") no
    longer leads it, a deputy ("deputy chairman Y") or a post narrowed to a part ("Acme marketing
    director Z") leads nothing of the whole, and each stays a member or a national; one retired
    from an organisation ("a retired Marine Corps general") is no longer in it."""
    if retired and body.type in ORGANIZATION_TYPES:
        return
    leads = bool(title and ctx.gazetteer.titles[title].leads) and leading
    if body.type == "Country":
        if body.kind == "demonym" or not leads:
            out.relate(person, "nationality", body, evidence)
        if leads and title and ctx.gazetteer.titles[title].kind == "political":
            out.relate(person, "leaderOf", body, evidence)
    elif body.type in ORGANIZATION_TYPES:
        out.relate(person, "memberOf", body, evidence)
        if leads:
            out.relate(person, "leaderOf", body, evidence)


def affiliate_all(out: Relations, ctx: Context, person: Mention, bodies: list[Mention],
                   title: str | None, evidence: Any, leading: bool = True,
                   retired: bool = False) -> None:
    """Link a person to every body a title names; beside an organisation, a state only gives
    the nationality ("Kenyan central bank governor X" heads the bank, not Kenya)."""
    for body in bodies:
        if body.type == "Country" and any(b.type in ORGANIZATION_TYPES for b in bodies):
            out.relate(person, "nationality", body, evidence)
        else:
            affiliate(out, ctx, person, body, title, evidence, leading, retired)


@dataclass(frozen=True)
class _ReadBack:
    """What the words before a person's name say, read back from the name: the title's words,
    the bodies named with them, and the token before the first word read (``index``)."""

    words: list[Any]
    bodies: list[Mention]
    adjectives: list[Mention]  # parties named by their adjective: "Liberal senator X"
    possessor: Mention | None  # the body a description names: "the union's Jo Roe"
    briefed: bool  # a place or a topic narrows the post: "Amnesty's Asia director X"
    index: int


def titles_before_names(ctx: Context, out: Relations) -> None:
    """'Russian President Vladimir Putin', "Samsung CEO Lee", "Brazil's foreign minister X"."""
    listed: dict[int, list[Mention]] = {}  # the last token of a titled name → its bodies
    for mention in sorted([m for m in ctx.mentions if m.type == "Person" and m.kind == "name"],
                          key=lambda m: m.start):
        _title_before_name(ctx, out, mention, listed)


def _title_before_name(ctx: Context, out: Relations, mention: Mention,
                       listed: dict[int, list[Mention]]) -> None:
    """The title written before one person's name and the bodies it ties them to: the words
    read back from the name (:func:`_read_back`), the title they spell, and the relations."""
    doc = ctx.doc
    first = ctx.first_token(mention)
    partners = _coordinated_names(ctx, mention)
    comma = _misparsed_apposition(ctx, mention)
    read = _read_back(ctx, mention, first, partners, comma)
    words, bodies, adjectives = read.words, read.bodies, read.adjectives
    possessor, briefed, index = read.possessor, read.briefed, read.index
    title = title_in([singular(w) for w in words], ctx)
    outer = _outer_title(ctx, words, title, first)
    if outer:  # "royal commissioner Justice X", "Pentagon spokesman Navy Captain Y"
        words = words[:outer]
        title = title_in([singular(w) for w in words], ctx)
        bodies = [b for b in bodies if ctx.first_token(b).i < words[-1].i]
    if comma and not _whole_title_before_comma(ctx, words, bodies, title, index, first):
        # "... in Sudan, X": only a whole title with its article or its state comes before the
        # comma, and not the end of a longer one ("Counsel Assisting the Commissioner, X" assists)
        return
    _listed_or_described(ctx, out, mention, listed, words, bodies, possessor, title, index)
    if not title and not bodies:
        return
    kept = words_of_title(words, title)
    # "Telstra chairman and chief executive X": two posts, the first no brief of the last
    co_title, co_words = coordinated_title(ctx, words, title)
    if co_title is not None:
        words = words[len(co_words) + 1 :]
    # "Telstra finance director X": a word before the title that is none of its modifiers
    briefed = briefed or any(w.pos_ in ("NOUN", "PROPN") and w.lower_ not in TITLE_MODIFIERS
                             for w in words if kept and w.i < kept[0].i)
    # "Former Labour leader X", "ex-Acme chief Y": the qualifier before the body is the title's
    words = [w for w in words if w.lower_ in PAST_MODIFIERS and kept and w.i < kept[0].i
             and not any(k.lower_ == w.lower_ for k in kept)][-1:] + kept
    # a former, deputy or narrowed post does not lead the body ("Acme marketing director Y")
    leading = not (briefed or any(w.lower_ in PAST_MODIFIERS | JUNIOR_MODIFIERS for w in words))
    _body_not_named_before(ctx, out, mention, words, title, bodies, index, leading)
    span = [doc[i] for i in range(index + 1, first.i)] or [first]
    evidence = ctx.evidence([*span, first], "title-before-name", 0.85)
    shown = " ".join(singular(w) for w in words).replace(" - ", "-")
    plural = bool(words) and words[-1].tag_ == "NNS"
    if co_title is not None and ctx.gazetteer.titles[co_title].leads and \
            not ctx.gazetteer.titles[title or co_title].leads and \
            not any(w.lower_ in PAST_MODIFIERS | JUNIOR_MODIFIERS for w in co_words):
        title, leading = co_title, not briefed  # "Acme CEO and co-founder X" leads Acme
    for each in [mention, *partners] if plural else [mention]:
        if co_title is not None:
            out.attribute(each, "jobTitle", " ".join(singular(w) for w in co_words).replace(" - ", "-"),
                          evidence)
        if title:
            out.attribute(each, "jobTitle", shown, evidence)
        affiliate_all(out, ctx, each, [b for b in bodies if b not in adjectives], title,
                      evidence, leading, retired=any(w.lower_ == "retired" for w in words))
        for party in adjectives:  # "Democratic President X" leads the state, not the party
            affiliate(out, ctx, each, party, title, evidence,
                      bool(leading and title and title.split()[-1] == "leader"))


def _read_back(ctx: Context, mention: Mention, first: Any, partners: list[Mention],
               comma: bool) -> _ReadBack:
    """The words before a person's name read back to the sentence's start or the first word
    that belongs to no title: "Russian President" (a state and a title), "Samsung CEO", "the
    union's" (a description's possessive), "Labor's health spokeswoman" (a party and a post
    narrowed to a topic)."""
    doc = ctx.doc
    words: list[Any] = []
    bodies: list[Mention] = []
    adjectives: list[Mention] = []
    possessor = None
    briefed = False
    index = first.i - 1 - comma
    start = _sentence_start(ctx, first)
    while index >= start:
        token = doc[index]
        covering = ctx.mention_at(token)
        if token.text == "." and index > 0 and cut_short(doc[index - 1]) is not None:
            pass  # the full stop of "Capt." that the tokenizer split off: "Capt" | "." | "Ann"
        elif covering and covering.type in ("Country", *ORGANIZATION_TYPES):
            if _opposed_or_named(ctx, covering):
                break
            if covering not in bodies:
                bodies.append(covering)
        elif not covering and words and (party := party_before_title(ctx, token)) is not None:
            bodies.append(party)  # "Labor MP Jo Roe"
        elif not covering and (party := party_of_adjective(ctx, token, words)) is not None:
            bodies.append(party)  # "Liberal senator Jo Roe"
            adjectives.append(party)
        elif not covering and words and (state := demonym_before_title(ctx, token)) is not None:
            bodies.append(state)  # "British Defence Secretary X", the model's "British Defence"
        elif covering and covering.type in PLACE_TYPES and words:
            briefed = True  # "UN Middle East envoy X", "Queensland senator Y": the place is the brief
        elif token.text in ("'s", "\u2019s", "'", "\u2019") and index > 0 and \
                ctx.mention_at(doc[index - 1]):
            pass  # "Labor's health spokeswoman X", "the Democrats' senator Y"
        elif token.text in ("'s", "\u2019s") and index > 1 and doc[index - 2].lower_ == "the":
            possessor = _described_body(ctx, doc[index - 1], first)  # "the union's Jo Roe"
            break
        elif token.text == ")" and index > 3 and doc[index - 2].text == "(" and \
                doc[index - 1].is_upper and (words or doc[index - 3].text in ("'s", "\u2019s")):
            # "Construction, Forestry, Mining and Energy Union (CFMEU) secretary X", "the
            # Maritime Union's (MUA) Jo Roe": the abbreviation repeats the body's name
            index -= 2
        elif words and not covering and (epithet := _epithet_start(ctx, index, words)) is not None:
            index = epithet  # "Israel's right-wing Prime Minister X": no part of the title
        elif words and _topic_before_body(ctx, token, words):
            briefed = True  # "US peace envoy X", "Labor's immigration spokesman Y": the post's brief
        elif not words and partners and token.tag_ == "NNS" and not covering and \
                token.dep_ == "compound" and ctx.mention_in(token.head) is mention and \
                title_in([token.lemma_], ctx) and \
                (index == 0 or doc[index - 1].pos_ not in ("ADP", "VERB")):
            # "US astronauts Carl Walz and Dan Bursch": one each (not "told reporters X and Y")
            words.insert(0, token)
        elif _abbreviated(token) and not covering and _in_a_title(token, words, ctx) or \
                token.text == "-" and words and not token.whitespace_ and index > 0 and \
                not doc[index - 1].whitespace_ and doc[index - 1].is_alpha:
            words.insert(0, token)  # "Attorney-General X": the hyphen joins one title
        elif not covering and portfolio_word(ctx, token, words):
            words.insert(0, token)  # "Argentina's Economy Minister X": the post's portfolio
        elif not covering and words and token.lower_ in TITLE_LEVELS:
            pass  # "Australia's Federal Treasurer X": the level of government, no title's word
        elif not words and bodies and token.lower_ in ("to", "for") and index > 0 and \
                all(b.type == "Country" for b in bodies) and title_in([doc[index - 1].text], ctx):
            bodies = []  # "ambassador to Pakistan X", "UN envoy for Afghanistan Y": the post's host
        elif not words and _body_after_title(ctx, token, bodies):
            pass  # "President of the Medical Association Jo Roe": the title before the body
        else:
            break
        index -= 1
    return _ReadBack(words, bodies, adjectives, possessor, briefed, index)


def _whole_title_before_comma(ctx: Context, words: list[Any], bodies: list[Mention],
                              title: str | None, index: int, first: Any) -> bool:
    """Whether the words before a comma and a name are a whole title with its article or its
    state ("the Sudanese foreign minister, X"), which names the one after the comma."""
    doc = ctx.doc
    return bool(title and words[-1].i == first.i - 2 and (
        doc[index].lower_ in ("the", "'s", "\u2019s") and
        (index == 0 or not doc[index - 1].is_title or doc[index - 1].is_sent_start) or
        _state_just_before(ctx, bodies, words, index)))


def _listed_or_described(ctx: Context, out: Relations, mention: Mention,
                         listed: dict[int, list[Mention]], words: list[Any], bodies: list[Mention],
                         possessor: Mention | None, title: str | None, index: int) -> None:
    """A title that names no body of its own: one of a list's that names the bodies once
    ("Acme chairman X, chief executive Y"), or one of a body a description names ("the union's
    secretary Jo Roe"); and the bodies this name's title names, for the names after it."""
    doc = ctx.doc
    first = ctx.first_token(mention)
    candidates = _listed_bodies(ctx, listed, index) if words and not bodies and \
        possessor is None else []
    shared = candidates if title and ctx.gazetteer.titles[title].kind in _LISTED_KINDS else []
    if shared:
        evidence = ctx.evidence([*doc[index : first.i], first], "title-in-a-list", 0.7)
        affiliate_all(out, ctx, mention, shared, title, evidence,
                      leading=not (any(w.lower_ in PAST_MODIFIERS for w in words) or
                                   _headed_before(ctx, out, shared, title)))
    listed[ctx.last_token(mention).i] = [b for b in bodies or candidates if b.type in _LISTED_BODIES]
    if possessor is not None and not bodies:
        evidence = ctx.evidence([*doc[index - 2 : first.i], first], "description-possessive", 0.6)
        affiliate(out, ctx, mention, possessor, title, evidence,
                  leading=not any(w.lower_ in PAST_MODIFIERS for w in words))


def _body_not_named_before(ctx: Context, out: Relations, mention: Mention, words: list[Any],
                            title: str | None, bodies: list[Mention], index: int,
                            leading: bool) -> None:
    """A title with no body named before it: of the body its possessive or description names,
    of the state or company the text named last, or of a party led ("former Supreme Leader
    Kim Jong Il", "Chief executive Jane Roe said")."""
    doc = ctx.doc
    first = ctx.first_token(mention)
    # "Virgin's deputy chief executive X" where "Virgin" names no body kg knows: the title is
    # of that possessor, not of the state or company the text named last
    unnamed_owner = index >= 0 and any(doc[i].text in ("'s", "\u2019s", "'", "\u2019")
                                       for i in (index, index + 1) if i < first.i)
    described = _described_body(ctx, doc[index], first) if title and not bodies and index >= 0 \
        else None
    if described is not None:
        evidence = ctx.evidence([doc[index], *words, first], "description-before-title", 0.6)
        affiliate(out, ctx, mention, described, title, evidence, leading)
    elif unnamed_owner:
        pass
    elif title and not bodies and ctx.gazetteer.titles[title].leads and \
            ctx.gazetteer.titles[title].kind == "political":
        # "former Supreme Leader Kim Jong Il": the state is the one the text just named
        state = latest_state(ctx, first)
        if state is not None and not tied_elsewhere(ctx, out, mention, state):
            evidence = ctx.evidence([*words, first], "title-latest-state", 0.6)
            affiliate(out, ctx, mention, state, title, evidence)
    if unnamed_owner:
        pass
    elif title and not bodies and title.split()[-1] == "leader":
        party_leader(ctx, out, mention, words, title)
    elif title and not bodies and ctx.gazetteer.titles[title].kind == "business":
        # "Cash-strapped group Acme ... Chief executive Jane Roe said": the company just named
        company = latest_company(ctx, first)
        if company is not None:
            evidence = ctx.evidence([*words, first], "title-latest-organization", 0.6)
            affiliate(out, ctx, mention, company, title, evidence, leading)


_LISTED_BODIES = ("Company", "Organization", "NewsOrganization")
"""The bodies whose office holders a list names one after another: "Acme chairman X, chief
executive Y and finance director Z" (a party's or a state's list mixes sides: "Labor leader X
and Treasurer Y")."""

_LISTED_KINDS = ("business", "official", "legal", "academic", "media")
"""The kinds of title that take the body of the name listed before them."""


def _epithet_start(ctx: Context, index: int, words: list[Any]) -> int | None:
    """Where lower-case words that describe a head of state or government, between the state
    and the title, begin: "right-wing" in "Israel's right-wing Prime Minister X", "embattled"
    in "the Zimbabwean embattled President Y" (a state has one such leader, whom no adjective
    narrows); None when the words are no such description."""
    doc = ctx.doc
    start = index
    while start >= 0 and index - start < 4 and ctx.mention_at(doc[start]) is None and (
            doc[start].is_alpha and doc[start].is_lower or doc[start].text == "-" and
            not doc[start].whitespace_ and start > 0 and not doc[start - 1].whitespace_):
        start -= 1
    group = doc[start + 1 : index + 1]
    if start < 1 or not any(w.pos_ == "ADJ" for w in group) or \
            any(w.lower_ in TITLE_MODIFIERS or _in_a_title(w, [], ctx) for w in group):
        return None
    before = doc[start]
    state = ctx.mention_at(doc[start - 1]) if before.text in ("'s", "\u2019s") else ctx.mention_at(before)
    if state is None or state.type != "Country":
        return None
    # the title last, once the words before it read as an epithet after a state
    title = title_in([singular(w) for w in words], ctx)
    if title is None or ctx.gazetteer.titles[title].kind != "political" or \
            not ctx.gazetteer.titles[title].leads:
        return None
    return start + 1


def _abbreviated(token: Any) -> bool:
    """Whether a token is a word, or a word cut short with a full stop as a title may be:
    "Rep." and "Sen." in US copy ("Democratic Rep. Jane Doe")."""
    return bool(token.is_alpha or token.text.endswith(".") and token.text[:-1].isalpha())


_SENTENCE_ENDS = {".", "!", "?"}


def _sentence_start(ctx: Context, token: Any) -> int:
    """Where the sentence of a token begins, by its punctuation: the parser may end one inside
    a name's brackets ("The Construction, Forestry, Mining and Energy Union's (CFMEU) | John
    Roe says"); a full stop, a line break or the start of the parser's sentence before that
    ends it."""
    doc = ctx.doc
    previous = ctx.sentence_of(token) - 1
    floor = ctx.tokens_of(previous)[0].i if previous >= 0 else 0
    index = token.i
    while index > floor and "\n" not in doc[index - 1].text and (
            doc[index - 1].text not in _SENTENCE_ENDS or
            index > 1 and doc[index - 1].text == "." and cut_short(doc[index - 2]) is not None):
        index -= 1  # the full stop of a title cut short ("Sgt." in "Sgt. Ray Ortiz") ends nothing
    return index


def _outer_title(ctx: Context, words: list[Any], title: str | None, first: Any) -> int:
    """How many of the words before a name write the post, when a rank or form of address
    comes between it and the name: "royal commissioner" in "royal commissioner Justice Jo
    Roe", "spokesman" in "Pentagon spokesman Navy Captain Tim Hale" (the post is what the
    text says the person does there); 0 when the words write one title."""
    kept = words_of_title(words, title)
    if not kept or kept[-1].i != first.i - 1 or not all(w.is_title for w in kept):
        return 0
    before = words[: len(words) - len(kept)]
    while before and before[-1].lower_ in TITLE_MODIFIERS:
        before = before[:-1]
    return len(before) if title_in([singular(w) for w in before], ctx) else 0


def _headed_before(ctx: Context, out: Relations, shared: list[Mention], title: str | None) -> bool:
    """Whether the body a title takes from the list before it already has its head there, and
    the title is no company head's: in "Acme president X, vice-president Y and director Z", X
    heads Acme and Z sits on its board ("Acme chairman X and chief executive Y": both head it)."""
    if title is None or ctx.gazetteer.titles[title].kind == "business":
        return False
    ids = {b.id for b in shared}
    return any(r.predicate == "leaderOf" and r.object in ids for r in out.relations)


def _listed_bodies(ctx: Context, listed: dict[int, list[Mention]], index: int) -> list[Mention]:
    """The company or organisation of the titled name just before a title in a list: in "Acme
    president X, vice-president Y and director Z", Y and Z are Acme's too (a title of a kind
    in ``_LISTED_KINDS`` takes it; any title passes it on)."""
    doc = ctx.doc
    if index < 1 or doc[index].text not in (",", "and"):
        return []
    before = index - 1 - (doc[index].text == "and" and doc[index - 1].text == ",")
    return listed.get(before, [])


_TITLE_PREPOSITIONS = {"of", "with", "at", "for"}


def _body_after_title(ctx: Context, token: Any, bodies: list[Mention]) -> bool:
    """Whether a word between the one body just before a name and a title before that joins
    them: "of" and "the" in "President of the Medical Association Jo Roe", "with" in "Senior
    forecaster with the Weather Bureau Ian Robertson" (the parser leaves such a title
    unattached)."""
    doc = ctx.doc
    if len(bodies) != 1 or token.i < 1:
        return False
    start = ctx.first_token(bodies[0]).i
    if token.lower_ == "the":
        preposition = doc[token.i - 1]
        joined = start == token.i + 1
    else:
        preposition = token
        joined = start == token.i + 1 or start == token.i + 2 and doc[token.i + 1].lower_ == "the"
    if not joined or preposition.lower_ not in _TITLE_PREPOSITIONS or preposition.i < 1:
        return False
    before = doc[preposition.i - 1]
    return before.is_alpha and ctx.mention_at(before) is None and \
        title_in([singular(before)], ctx) is not None


def _state_just_before(ctx: Context, bodies: list[Mention], words: list[Any], index: int) -> bool:
    """Whether a title's one body is a state written just before it, and nothing capitalised
    before that: "after Palestinian leader, Yasser Arafat's call" (the state's adjective
    stands where an article would)."""
    if len(bodies) != 1 or bodies[0].type != "Country" or not words:
        return False
    doc = ctx.doc
    before = doc[index] if index >= 0 else None
    return ctx.first_token(bodies[0]).i == index + 1 and ctx.last_token(bodies[0]).i == words[0].i - 1 \
        and (before is None or not before.is_title or before.is_sent_start)


def _misparsed_apposition(ctx: Context, person: Mention) -> bool:
    """Whether a name follows a title and a comma that the parser did not join to it: in "Both
    he and the Reserve Bank governor, Ian Macfarlane believe" the name hangs on "he". (Where the
    parse joins them, the apposition rule reads the title.)"""
    doc = ctx.doc
    first = ctx.first_token(person)
    if first.i < 3 or doc[first.i - 1].text != "," or ctx.mention_at(doc[first.i - 2]) is not None:
        return False
    noun = doc[first.i - 2]
    if not noun.is_alpha or title_in([singular(noun)], ctx) is None:
        return False
    named = range(first.i, ctx.last_token(person).i + 1)
    return not (noun.dep_ == "appos" and noun.head.i in named or
                any(doc[i].dep_ == "appos" and doc[i].head.i == noun.i for i in named))


def _coordinated_names(ctx: Context, person: Mention) -> list[Mention]:
    """The named people joined to a name by "and": "Carl Walz and Dan Bursch"."""
    return [partner for partner in (ctx.mention_in(c, ("Person",)) for c in
                                     ctx.last_token(person).children if c.dep_ == "conj")
            if partner is not None and partner.kind == "name" and partner.id != person.id]


def _described_body(ctx: Context, noun: Any, first: Any) -> Mention | None:
    """The body a common noun before a title stands for: "ministry spokesman X" after "Pakistan's
    Foreign Ministry", "party leader Y" after "the Greens": the one body of the noun's class
    named in the sentence or the one before."""
    written = noun.is_lower or noun.is_title and noun.is_sent_start  # "Company chairman X said"
    if noun.tag_ not in ("NN", "NNP"):
        return None  # "the unions' claims": a plural stands for no one body
    if written and ctx.mention_at(noun) is None:
        named = named_by_its_noun(ctx, noun, first)
        if named is not None:
            return named
    kind = lexicon().classes("description-nouns.tsv").get(noun.lower_) if written else None
    if kind is None or kind not in ORGANIZATION_TYPES or ctx.mention_at(noun) is not None:
        return None
    # a generic noun ("the union", "the group") stands for a plain organisation, not a company
    return sole_nearby(ctx, first, (kind,) if kind == "Organization" else kinds_of(kind))


def named_by_its_noun(ctx: Context, noun: Any, first: Any) -> Mention | None:
    """The one organisation named shortly before whose name ends with the noun: "the council's
    Jo Roe" after "the Northern Territory Aids Council", "the association's X" after "the
    Consumers Association (ACA)"; None when two such bodies were named, or none."""
    if noun.pos_ != "NOUN":
        return None
    sentence = ctx.sentence_of(first)
    named = [m for m in ctx.mentions if m.kind == "name" and m.type in ORGANIZATION_TYPES and
             m.start < first.idx and 0 <= sentence - m.sentence <= 2 and
             m.text.lower().split()[-1] == noun.lower_]
    return named[-1] if len({m.key or m.text for m in named}) == 1 else None


