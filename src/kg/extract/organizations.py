"""Organisation types: from a name's head words, the common nouns around it, and the outlets that report.

An outlet's named programme ("the ABC's Four Corners program") is no entity.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache
from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, PLACE_TYPES, Context
from kg.gazetteer import KnownOrganization
from kg.lexicon import lexicon
from kg.model import Mention


@cache
def _organization_heads() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The head words that say what kind of organisation an unknown name is ("Ministry of X",
    "X Daily"; ``data/lexicon/organization-heads.tsv``), one pattern per run of rows of a class,
    in the file's order."""
    runs: list[tuple[list[str], str]] = []
    for row in lexicon().table("organization-heads.tsv"):
        if runs and runs[-1][1] == row["class"]:
            runs[-1][0].append(row["head"])
        else:
            runs.append(([row["head"]], row["class"]))
    return tuple((re.compile(r"\b(?:" + "|".join(heads) + r")\b"), class_) for heads, class_ in runs)


def has_a_body_head(name: str) -> bool:
    """Whether any head word of ``organization-heads.tsv`` is in a name, whatever class it gives
    ("Kim Society", "Lee Foundation"; not "Kim Lee")."""
    return any(pattern.search(name) for pattern, _ in _organization_heads())


@lru_cache(maxsize=8192)
def classify_organization(name: str) -> str:
    """The ontology class an unknown organisation name suggests by its head words; a
    legislature's chamber named by the word alone (rule ``chamber-named-alone``: "the House
    passed the bill", "House seats"), as "the Senate" is by its head. Remembered for the names
    last asked: the head words are read once (``_organization_heads``), and a name is asked up
    to four times in ``entities.named``."""
    if name == "House":
        return "Legislature"
    if re.search(r"(?:\b|(?<=[a-z]))(Radio|Television|TV|Broadcasting|FM)$", name):
        return "NewsOrganization"  # "Israeli Army Radio", "Coast FM", "TalkRadio": the last
        # word (or a word's last part) says it
    for pattern, type_ in _organization_heads():
        if pattern.search(name):
            return type_
    return "Organization"


def known_in_its_own_spelling(name: str, gazetteer: Any) -> bool:
    """Whether a name its owner writes with a small first letter is an organisation the
    gazetteer knows (rule ``name-in-its-own-spelling``): "iTunes", "eBay", "easyJet",
    "comScore", which no other name-shaped word is."""
    return name[:1].islower() and isinstance(gazetteer.lookup(name), KnownOrganization)


def descriptors() -> dict[str, str]:
    """Common nouns that say what a following (or apposed) name is, with the class they give:
    "the broadcaster RTV Slovenija" (``data/lexicon/descriptors.tsv``)."""
    return lexicon().classes("descriptors.tsv")


@cache
def body_descriptors() -> frozenset[str]:
    """Descriptors that make an organisation even of a name the model took for a person's:
    "Batasuna, a political party", "the Ansar al-Islam group"."""
    rows = lexicon().table("descriptors.tsv")
    return frozenset(row["noun"] for row in rows if row["body"] == "yes")


def _media_nouns() -> frozenset[str]:
    """Nouns after a name that make it a news outlet (``data/lexicon/media-nouns.txt``)."""
    return lexicon().words("media-nouns.txt")


@cache
def trailing_nouns() -> frozenset[str]:
    """Lower-case nouns the model may take into an organisation's name, which only say what
    it is: "Yonhap news agency", "the Ansar al-Islam group"."""
    return _media_nouns() | body_descriptors() | {"news", "agency"}


def _descriptor_after(last: Any) -> Any:
    """The lower-case noun right after a name, past a parenthesis: "the X (...) group"."""
    doc = last.doc
    index = last.i + 1
    if index < len(doc) and doc[index].text == "(":
        closing = next((t.i for t in doc[index:index + 12] if t.text == ")"), None)
        index = closing + 1 if closing is not None else len(doc)
    if index < len(doc) and doc[index].is_lower and doc[index].lower_ in body_descriptors():
        return doc[index]
    return None


# Nouns after a broadcaster's programme's name: "the ABC's AM program".
_PROGRAMME_NOUNS = ("program", "programme", "show", "bulletin")


def owns_a_programme(span: Any) -> bool:
    """"the ABC's AM program", "CNN's Larry King Live show": the owner of a named programme
    is a broadcaster."""
    doc = span.doc
    index = span.end
    if index >= len(doc) or doc[index].text not in ("'s", "\u2019s"):
        return False
    index += 1
    named = index
    while index < len(doc) and index - named < 5 and doc[index].text[:1].isupper():
        index += 1
    return index > named and index < len(doc) and doc[index].lower_ in _PROGRAMME_NOUNS


def _programme_after(ctx: Context, outlet: Mention) -> tuple[int, int] | None:
    """Where the named programme after a news outlet's possessive lies (start and end
    character): up to a programme noun ("the ABC's Four Corners program", "the Seven
    Network's Sunrise show"), or the whole name when "on" governs it ("said on ABC TV's
    Lateline", "speaking on NBC's Meet the Press"): one speaks on a programme, not on a
    reporter ("the BBC's John Simpson reported" is a person)."""
    doc = ctx.doc
    index = ctx.last_token(outlet).i + 1
    if index + 1 >= len(doc) or doc[index].text not in ("'s", "\u2019s") or \
            not doc[index + 1].text[:1].isupper():
        return None
    start = index + 1
    end = start
    while end < len(doc) and end - start < 5 and (doc[end].text[:1].isupper() or
                                                  doc[end].lower_ == "the" and end > start):
        end += 1
    if end < len(doc) and doc[end].lower_ in _PROGRAMME_NOUNS:
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    head = doc[index - 1].head  # the noun the outlet's possessive hangs on, in the name
    while head.dep_ in ("compound", "nmod") and start <= head.head.i < end:
        head = head.head  # "on CNN's Larry King Live": the name's last word
    if start <= head.i < end and head.dep_ in ("pobj", "pcomp") and head.head.lower_ == "on" and \
            head.head.i < ctx.first_token(outlet).i:
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return None


def drop_programme_names(ctx: Context) -> None:
    """A news outlet's named programme ("the ABC's Four Corners program", "said on ABC TV's
    Lateline"; ``_programme_after``) is no entity: the ontology has no class for a programme,
    and the model's reading of one (a person, a body, a place) would make it a member or part
    of the broadcaster. Its repeats go with it."""
    programmes: set[str] = set()
    for mention in list(ctx.mentions):
        if mention.kind != "name" or mention.type != "NewsOrganization":
            continue
        span = _programme_after(ctx, mention)
        if span is None:
            continue
        start, end = span
        programmes |= {m.text for m in ctx.mentions if m.kind == "name" and not m.key and
                       start <= m.start and m.end <= end}
    if programmes:
        ctx.drop_mentions({m.id for m in ctx.mentions if m.kind == "name" and not m.key and
                           m.text in programmes})


def a_media_noun(token: Any) -> bool:
    """Whether a lower-case word says a name next to it is a news outlet's: "newspaper",
    "daily", "tabloid", "broadcaster" (``media-nouns.txt``, and ``descriptors.tsv``'s nouns
    of news outlets)."""
    return token.is_lower and (token.lower_ in _media_nouns() or
                               descriptors().get(token.lower_) == "NewsOrganization")


def media_after(last: Any) -> bool:
    """Whether a lower-case media noun follows a name: "the Guardian newspaper"."""
    doc = last.doc
    following = doc[last.i + 1 : last.i + 3]
    return len(following) > 0 and following[0].is_lower and (
        following[0].lower_.removesuffix("s") in _media_nouns() or
        following.text.lower() == "news agency")


# An opening dateline with a wire credit: the place in capitals, a region, a state or a date
# after a comma, the credit in brackets and a dash ("NEW DELHI, March 3 (PTI) -", "PORTO,
# Portugal (Lusa) —").
_DATELINE_CREDIT = re.compile(
    r"\s*[A-Z][A-Z.'\- ]*[A-Z.](?:,[^.\n()]{1,40})?\s*"
    r"\(([A-Z][\w.&\-]*(?: [A-Z][\w.&\-]*){0,3})\)\s*(?:-|--|\u2013|\u2014)")


def credit_in_dateline(ctx: Context) -> None:
    """The name credited in brackets in the article's opening dateline (a place in capitals
    first) is the wire service or broadcaster that filed it, whatever the model made of it or
    whether it saw it at all:
    "NEW DELHI, March 3 (PTI) -", "PORTO, Portugal (Lusa) —", "KOCHI, India (IANS) —". Its
    other mentions follow; a name the gazetteer knows keeps its entry ("(Reuters)")."""
    found = _DATELINE_CREDIT.match(ctx.article.text)
    opening = next((t for t in ctx.doc if not t.is_space), None)
    place = ctx.mention_at(opening) if opening is not None else None
    if found is None or place is None or place.type not in PLACE_TYPES:
        return  # not "AFL (Australian Football League) -": a dateline opens with a place
    start, end = found.span(1)
    tokens = ctx.doc.char_span(start, end)
    if tokens is None:
        return
    mention = ctx.mention_at(tokens[0])
    if mention is None:
        if any(ctx.mention_at(token) is not None for token in tokens):
            return
        ctx.add_mention(tokens, "NewsOrganization")
        return
    if mention.start != start or mention.end != end or mention.kind != "name" or mention.key or \
            mention.type == "NewsOrganization":
        return
    for index, other in enumerate(ctx.mentions):
        if other.kind == "name" and not other.key and other.text == mention.text:
            ctx.mentions[index] = replace(other, type="NewsOrganization")


# Verbs whose subject, ending another's sentence, is the outlet that carried the news:
# "..., El Tiempo reported", "..., Interfax quoted him as saying".
_REPORTING_VERBS = {"report", "quote"}


def _reports(ctx: Context, mention: Mention) -> bool:
    """"Officials confirmed the deaths, Le Soir reported": an unknown organisation (or a name
    the model took for a person's, written only there) that reports what others said."""
    if mention.type not in ("Organization", "Person", "Place"):
        return False  # (an unknown "Place": "..., El Comercio reported" tagged a place)
    doc = ctx.doc
    first, last = ctx.first_token(mention), ctx.last_token(mention)
    verb = last.head
    if last.dep_ != "nsubj" or verb.lemma_ not in _REPORTING_VERBS or verb.i != last.i + 1 or \
            reports_its_own_business(verb):
        return False
    if mention.type in ("Organization", "Place"):
        return True
    attribution = first.i > 0 and doc[first.i - 1].text == ","
    named_elsewhere = any(m.text == mention.text and m.id != mention.id for m in ctx.mentions)
    return attribution and not named_elsewhere and not ctx.part_of_longer_name(
        doc[first.i : last.i + 1])


def thing_reported(verb: Any) -> Any:
    """The noun a verb of reporting has for what it reports, not a clause: its object ("reported
    three cancellations"), or the subject of a "-wide" adverb the tagger took for a verb and
    the parser for a clause ("reported no major delays systemwide"); None for a clause
    ("reported that ...", "..., Le Soir reported")."""
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "ccomp" and child.lower_.endswith("wide"):
            return next((c for c in child.children if c.dep_ == "nsubj"), None)
    return None


def counted(noun: Any) -> bool:
    """Whether a noun is given with a count or as none: "three cancellations", "no major
    delays", "40 flights"; not "talks between the two companies" nor "the deaths"."""
    return any(c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def reports_its_own_business(verb: Any) -> bool:
    """Whether "report" has a counted thing for its object, not another's words (rule
    ``body-reports-its-own-figures``): "Amtrak reported no major delays", "Transnet reported
    three derailments", "the airline reported 40 cancellations" are a body's account of its own
    business, as an operator, a railway, an airline or a company gives it, no outlet's report;
    an outlet reports what happened or was said, a clause ("El Tiempo reported that ..."), the
    sentence it ends ("..., Le Soir reported") or the news ("first reported talks between the
    two companies")."""
    thing = thing_reported(verb) if verb.lemma_ == "report" else None
    return thing is not None and counted(thing)


# Nouns for a piece of journalism; an unknown place's name after one and "in", "with" or "to"
# is the outlet that ran it: "a report in El Universal", "an interview with Rustavi".
_PIECES = {"report", "article", "interview", "editorial", "column", "story", "op-ed", "piece",
           "commentary", "dispatch"}


def _carried_by(ctx: Context, mention: Mention) -> bool:
    """"according to a report in El Universal", "according to La Prensa": a name the gazetteer
    does not know, read as a place, that is where a report appeared or whom it is according to;
    an unknown organisation too where a piece of journalism ran in it ("an interview with
    Variety"), or that someone told what follows ("the actor told Variety that ...")."""
    if mention.type not in ("Place", "Organization") or mention.key:
        return False
    doc = ctx.doc
    first = ctx.first_token(mention)
    before = doc[max(0, first.i - 2) : first.i]
    if len(before) == 2 and before[0].lower_ in _PIECES and before[1].lower_ in ("in", "with", "to"):
        return True
    if mention.type == "Organization":
        return _told(ctx, mention)
    return before.text.lower() == "according to"


def _told(ctx: Context, mention: Mention) -> bool:
    """"the actor told Variety that filming would resume", "..., she told Deadline.": a name
    of no known kind that someone told what the sentence quotes or reports."""
    doc = ctx.doc
    first, last = ctx.first_token(mention), ctx.last_token(mention)
    verb = last.head
    if first.i == 0 or doc[first.i - 1].i != verb.i or verb.lemma_ != "tell" or \
            last.dep_ not in ("dobj", "dative") or mention.text in ctx.gazetteer.party_names:
        return False
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return after is None or after.lower_ == "that" or after.is_punct or any(
        child.dep_ == "ccomp" for child in verb.children)


def outlet_by_its_phrase(span: Any) -> bool:
    """Whether a name the model left untagged is a news outlet's by the words around it (rule
    ``outlet-named-by-its-phrase``): a media noun compounded before it ("told local
    broadcaster RTP", "the state daily Dnevnik"), or a capital "The" opening it inside a
    sentence, where someone tells it what follows ("told The Grayzone that ...", "she told The
    Record."): a title of a paper, a magazine or a site. Not a person's name after a job
    ("broadcaster Ana Berg": two words with the given name first are read as a person before),
    nor "told the court" (no capital "The")."""
    doc = span.doc
    root = span.root
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.dep_ == "compound" and before.head.i == root.i and before.is_lower and \
            before.lower_ in descriptors() and descriptor_type(before) == "NewsOrganization":
        return True
    verb = root.head
    if before.text != "The" or before.is_sent_start or before.head.i != root.i or \
            root.dep_ not in ("dobj", "dative") or verb.lemma_ != "tell" or verb.i != span.start - 2:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is None or after.lower_ == "that" or after.is_punct or any(
        child.dep_ == "ccomp" for child in verb.children)


def find_outlets_told(ctx: Context) -> None:
    """A title opened by a capital "The" inside a sentence, that someone told what the
    sentence quotes or reports, is a news outlet's, whatever word class the model gave its
    words and even where it tagged them a person, a body it then let go or a work (rule
    ``outlet-told-with-a-capital-the``):
    '"The money is gone," Kwame Asante told The Continent on Friday', "Kofi Mensah told The
    Markup that ...". Not "told the court", nor a place, a known body or a title ("told The
    Hague tribunal", "told The Queen"), nor a name the article already has."""
    doc = ctx.doc
    for verb in ctx.tokens_with("lemma", ("tell",)):
        if verb.lemma_ != "tell" or verb.pos_ != "VERB" or verb.i + 2 >= len(doc):
            continue
        the = doc[verb.i + 1]
        told = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and
                     c.left_edge.i == the.i), None)
        if told is None or the.text != "The" or the.is_sent_start:
            continue
        words = doc[the.i + 1 : told.i + 1]
        after = doc[told.i + 1] if told.i + 1 < len(doc) else None
        if not 1 <= len(words) <= 4 or not all(t.is_alpha and t.is_title for t in words) or \
                any(t.ent_type_ in ("GPE", "LOC", "NORP", "FAC") for t in words) or \
                any(ctx.mention_at(t) is not None for t in words) or \
                any(t.lower_ in ctx.gazetteer.titles for t in words) or \
                ctx.gazetteer.lookup(words.text) is not None:
            continue
        if after is None or after.lower_ == "that" or after.is_punct or any(
                child.dep_ == "ccomp" for child in verb.children):
            ctx.add_mention(words, "NewsOrganization")


# A broadcaster's call sign, as US and Canadian-border stations are named: K or W and two or
# three capitals, a band or service after a hyphen ("WUSA", "KFSM", "WABC-TV", "KQED-FM").
_CALL_SIGN = re.compile(r"[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT|LP|CD))?")
_AFFILIATES = ("affiliate", "affiliates", "station", "stations")


def affiliate_station(ctx: Context, mention: Mention) -> bool:
    """Whether a name is a broadcaster's station by the word that introduces it (rule
    ``outlet-affiliate-station``): a call sign after "affiliate" or "station", or in apposition
    to one ("told affiliate KFSM", "our sister station KTVX", "KOMO, the ABC affiliate in
    Seattle"), or any name after a news outlet's "affiliate" ("told NBC affiliate News 4");
    not an armed group's or a company's affiliate ("the al Qaeda affiliate al-Shabaab", "an
    affiliate of Acme"), nor a letter name with no such word ("the WHO", "KPMG")."""
    doc = ctx.doc
    first, last = ctx.first_token(mention), ctx.last_token(mention)
    word = doc[first.i - 1] if first.i > 0 else None
    apposed = [t for t in (first, last) if t.dep_ == "appos" and t.head.lower_ in _AFFILIATES]
    apposed += [c for t in (first, last) for c in t.children
                if c.dep_ == "appos" and c.lower_ in _AFFILIATES]
    introduced = word is not None and word.lower_ in _AFFILIATES
    if (introduced or apposed) and _CALL_SIGN.fullmatch(mention.text):
        return True
    if not introduced or word is None or not word.lower_.startswith("affiliate") or word.i == 0:
        return False
    outlet = ctx.mention_at(doc[word.i - 1])
    return outlet is not None and outlet.type == "NewsOrganization"


def broadcast_station(noun: Any) -> bool:
    """Whether a lower-case noun is a broadcaster's station: "station" after a media noun or
    "TV" ("French radio station Europe 1", "TV station Rustavi 2", "Rustavi 2, a television
    station"); a station of any other kind ("the space station Mir", "a police station") says
    nothing of the name it goes with."""
    doc = noun.doc
    return noun.lower_ in ("station", "stations") and noun.i > 0 and (
        doc[noun.i - 1].lower_ in _media_nouns() or doc[noun.i - 1].text == "TV")


def descriptor_type(noun: Any) -> str:
    """The type a lower-case descriptor gives the name it goes with; "agency" after "news" is a
    news agency ("the Greek news agency ANA"), not a government one."""
    found = descriptors()[noun.lower_]
    doc = noun.doc
    if found == "Agency" and noun.i > 0 and doc[noun.i - 1].lower_ == "news":
        return "NewsOrganization"
    return found


# The small words that link the parts of a Persian, Urdu or Arabic name, written between
# hyphens ("Payam-e-Afghan", "Nawa-i-Waqt", "Jamiat-e-Ulema", "Hizb-ut-Tahrir").
_NAME_LINKS = frozenset({"e", "i", "o", "ul", "ut", "us", "ud", "ur", "al", "as", "ash", "ad", "az"})


def _linked_word(doc: Any, index: int, step: int) -> int | None:
    """The capitalised word a hyphened link joins to the word at ``index``, after it (step 1)
    or before it (step -1), with no space anywhere: "Payam" + "-e-Afghan"."""
    indices = [index + step * n for n in range(5)]
    if min(indices) < 0 or max(indices) >= len(doc):
        return None
    tokens = [doc[i] for i in sorted(indices)]
    joined = all(not t.whitespace_ for t in tokens[:-1])
    shape = tokens[1].text == tokens[3].text == "-" and tokens[2].lower_ in _NAME_LINKS and \
        tokens[2].is_lower and tokens[0].text[:1].isupper() and tokens[4].text[:1].isupper()
    return indices[-1] if joined and shape else None


def join_hyphen_linked_names(ctx: Context) -> None:
    """An organisation's name the model cut where a hyphened link joins its parts is the whole
    name (rule ``organization-joined-by-hyphen-link``): "Payam-e-Afghan" (a channel, not
    "Payam" and the demonym "Afghan"), "Jamiat-e-Ulema-e-Islam" (not "Islam"); the mentions
    inside it go. The model's spans are made whole so before typing where the last part is
    untagged (``entities.spans``); this takes the names whose last part it tagged (a people,
    a state). Not a place's or a person's name, nor one the gazetteer knows."""
    doc = ctx.doc
    for mention in list(ctx.mentions):
        if mention.kind != "name" or mention.key or mention.type not in ORGANIZATION_TYPES or \
                mention not in ctx.mentions:
            continue
        first, last = ctx.first_token(mention).i, ctx.last_token(mention).i
        while (before := _linked_word(doc, first, -1)) is not None:
            first = before
        while (after := _linked_word(doc, last, 1)) is not None:
            last = after
        if (first, last) == (ctx.first_token(mention).i, ctx.last_token(mention).i):
            continue
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        inside = {m.id for m in ctx.mentions if m.start < end and start < m.end}
        if any(m.key and m.kind == "name" and m.type not in PLACE_TYPES
               for m in ctx.mentions if m.id in inside):
            continue  # a known body in the run: not one name
        ctx.drop_mentions(inside)
        ctx.add_mention(doc[first:last + 1], mention.type)


def _beside(phrase: Any, first: Any, last: Any) -> bool:
    """Whether an apposed phrase is written next to a name, a comma at most between (rule
    ``apposition-beside-the-name``): "KQED-FM, the public radio station," describes KQED-FM,
    even where the parser hangs the phrase on the sentence's subject ("Dale Ortiz spoke to
    KQED-FM, the public radio station, about the strike": not Ortiz). The name is read as
    written, whole where the model cut it at hyphens ("Payam-e-Afghan, a channel")."""
    doc = first.doc
    start, end = first.i, last.i  # the whole written word: "Payam" of "Payam-e-Afghan,"
    while start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text != ",":
        start -= 1
    while end + 1 < len(doc) and not doc[end].whitespace_ and doc[end + 1].text != ",":
        end += 1
    gap_after = doc[end + 1 : phrase.left_edge.i]
    gap_before = doc[phrase.right_edge.i + 1 : start]
    return end < phrase.left_edge.i <= end + 2 and all(t.text == "," for t in gap_after) or \
        start - 2 <= phrase.right_edge.i < start and all(t.text == "," for t in gap_before)


def _a_persons_name(ctx: Context, mention: Mention) -> bool:
    """Whether a name the model took for a person's opens with a common given name
    (``given-names.txt``): "Tom Hale", "Ana Berg"; not "Rustavi 2"."""
    words = ctx.doc[ctx.first_token(mention).i : ctx.last_token(mention).i + 1]
    return 2 <= len(words) <= 3 and words[0].text in lexicon().words("given-names.txt")


def _letters(text: str) -> bool:
    """A name written as capital letters alone ("KHTA"): a body's initials, no person's name."""
    return len(text) >= 3 and text.isalpha() and text.isupper()


def retype_by_descriptor(ctx: Context) -> None:
    """A name right after a telling noun, or in apposition to one, takes the noun's type."""
    doc = ctx.doc
    for position in range(len(ctx.mentions)):
        mention = ctx.mentions[position]  # read afresh: a retyped name retypes its repeats
        if mention.kind != "name" or mention.key:
            continue
        first = ctx.first_token(mention)
        found = None
        index = first.i - 1
        if index >= 0 and doc[index].lower_ in ("the",):
            index -= 1
        if index >= 0 and doc[index].is_lower and doc[index].lower_ in descriptors():
            found = descriptor_type(doc[index])  # "the news agency Lusa"
        elif index >= 0 and broadcast_station(doc[index]):
            found = "NewsOrganization"  # "French radio station Europe 1"
        last = ctx.last_token(mention)
        apposed = None
        for token in (first, last):
            for child in token.children:
                if child.dep_ == "appos" and child.is_lower and (
                        child.lower_ in descriptors() or broadcast_station(child)) and \
                        _beside(child, first, last):
                    apposed = child
            if token.dep_ == "appos" and token.head.is_lower and (
                    token.head.lower_ in descriptors() or broadcast_station(token.head)):
                apposed = token.head
        apposed = apposed or _descriptor_after(last)
        if apposed is not None:
            found = "NewsOrganization" if broadcast_station(apposed) else descriptor_type(apposed)
        elif media_after(last) and mention.type in ("Organization", "Person", "Place") or \
                _reports(ctx, mention) or _carried_by(ctx, mention) or \
                affiliate_station(ctx, mention):
            found = "NewsOrganization"
        if found is None or found == mention.type:
            continue
        if mention.type == "Person" and found == "NewsOrganization" and apposed is None and \
                index >= 0 and doc[index].lower_ in descriptors() and _a_persons_name(ctx, mention):
            continue  # "veteran broadcaster Tom Hale": a person's job, no outlet
        if mention.type == "Person" and found not in ("NewsOrganization", "Company") and not (
                apposed is not None and (apposed.lower_ in body_descriptors() or
                                         found in PLACE_TYPES)) and not (
                apposed is None and found in ORGANIZATION_TYPES and _letters(mention.text)):
            continue  # "Fiji's main island, Viti Levu" is a place; "the town Smith" nothing yet
            # ("money for the charity KHTA", a body's letters after its noun: that body)
        for index, other in enumerate(ctx.mentions):  # the name's other mentions follow
            if other.kind == "name" and not other.key and other.text == mention.text and \
                    other.type == mention.type:
                ctx.mentions[index] = replace(other, type=found)
