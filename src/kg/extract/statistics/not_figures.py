"""Numbers that are no figures: labels, names' numbers, rates' bases, ranks, family sizes and measurements."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kg.extract.statistics.syntax import clause_verb, counted_noun, number_root
from kg.extract.statistics.written import (
    all_suffixes,
    counted_nouns,
    currency_codes,
    figure_words,
    has_digit,
    measure_units,
    percent_tokens,
    toll_words,
)
from kg.lexicon import lexicon

_LABEL_RUN_INTO = re.compile(r"\d+([A-Z]+)")


def is_a_label_run_into(span: Any) -> bool:
    """Whether a number in digits has capital letters run into it that are no scale, currency,
    unit, multiple or percent sign: a label of a standard or a format ("5G networks", "a 4G
    phone", "in 3D", "section 6A"), not a quantity. "$5M", "300K", "45C", "8GB", "7X" and "5PC"
    keep their readings."""
    doc = span.doc
    last = span[-1]
    written = _LABEL_RUN_INTO.fullmatch(last.text)
    if written is not None:
        letters = written.group(1)
    elif has_digit(last) and last.text[-1].isdigit() and not last.whitespace_ and \
            span.end < len(doc) and re.fullmatch(r"[A-Z]+", doc[span.end].text):
        letters = doc[span.end].text
    else:
        return False
    word = letters.lower()
    return word not in all_suffixes() and word not in measure_units() and \
        word not in figure_words().multiples and word not in figure_words().cents and \
        word not in currency_codes() and word not in percent_tokens() and letters not in ("C", "F")


def is_a_k_label(span: Any) -> bool:
    """Whether a number with a capital "K" run into it, no currency sign before it, modifies a
    singular noun: a label or a distance, not thousands ("4K video", "a 10K race", "the 401K
    plan"; thousands count a plural noun: "300K workers", or are money: "a $50K bonus")."""
    doc = span.doc
    numbers = [t for t in span if has_digit(t)]
    if not numbers or any(t.lower_ in currency_codes() for t in span) or span.start > 0 and \
            doc[span.start - 1].lower_ in currency_codes():
        return False
    number = numbers[-1]
    letters = doc[number.i + 1] if number.i + 1 < len(doc) and not number.whitespace_ else None
    written = re.fullmatch(r"\d+K", number.text) is not None
    if not written and (letters is None or letters.text != "K"):
        return False
    noun = number.head if number.dep_ == "nummod" else None
    if noun is not None and letters is not None and noun.i == letters.i and \
            letters.dep_ in ("compound", "nmod"):
        noun = letters.head  # the parse hangs the number on its "K" and that on the noun
    return noun is not None and noun.i > number.i and noun.tag_ == "NN" and noun.text != "K"


def ends_a_name(span: Any) -> bool:
    """Whether a bare number in digits ends a name whose proper noun is written right before it
    (no comma between), an index, a model or an edition: the parse makes it the name's
    apposition ("the Nikkei 225 fell") or hangs both on a singular noun after them ("the Stoxx
    600 index", "a Boeing 737 jet", "the Sydney 2000 bid"). A count of a plural noun ("the Telstra
    400 jobs") or a possessed one ("Qantas' 200 staff") stays a figure, as does a number with a
    comma ("Jones 1,500"), a sentence's first word's number ("Nearly 40 stayed") or one after a
    currency or a month."""
    if len(span) != 1 or not re.fullmatch(r"\d+(\.\d+)?", span[0].text) or span.start == 0:
        return False
    number, name = span[0], span.doc[span.start - 1]
    if name.tag_ not in ("NNP", "NNPS") or not name.text[:1].isupper() or name.is_sent_start or \
            name.lower_ in currency_codes() or name.lower_.rstrip(".") in lexicon().dates.months:
        return False
    if number.dep_ == "appos" and number.head.i == name.i:
        return True
    head = number.head
    # a singular noun of people may still be counted ("the Hilton 400 staff")
    people = head.lemma_.lower() in lexicon().words("workforce-nouns.txt") or \
        head.lower_ in counted_nouns()
    return number.dep_ == "nummod" and head.i > number.i and head.tag_ == "NN" and \
        name.dep_ in ("compound", "nmod") and name.head.i == head.i and not people and \
        not any(c.dep_ == "poss" for c in head.children)


def numbers_the_name_before_it(span: Any) -> bool:
    """Whether a bare number in digits is the version or model of the name written right
    before it, which the parse hung on the number as its modifier: "users of iOS 7" (a name: a
    word with a capital letter that does not open the sentence, or one written with a capital
    inside it). Where the parser hangs the number on the name instead ("the MacBook 12"), or
    the name opens the sentence ("Pixel 3 sales fell"), the number stays a figure. Not a currency ("NOK 2.3
    billion"), a month ("since March 12"), a qualifier that opens the sentence ("Nearly 40
    stayed", "Over 40 died"), nor a number with a noun of its own ("MySpace's 80 staff")."""
    if len(span) != 1 or not re.fullmatch(r"\d+(\.\d+)?", span[0].text):
        return False
    number = span[0]
    if span.start == 0 or counted_noun(number).i != number.i:
        return False
    name = span.doc[span.start - 1]
    if name.head.i != number.i or name.dep_ not in ("compound", "nmod") or not name.is_alpha:
        return False
    capital_inside = any(ch.isupper() for ch in name.text[1:])
    capital_mid_sentence = name.text[:1].isupper() and not name.is_sent_start
    return (capital_inside or capital_mid_sentence) and \
        name.lower_ not in currency_codes() and name.lower_.rstrip(".") not in lexicon().dates.months


def is_a_rate_base(span: Any) -> bool:
    """Whether a number in digits is the base of a rate or of odds, written after "per" or
    "every": "12 murders per 100,000 residents", "3 deaths per 1,000 births", "one in every
    1,000 children", "one for every 50 voters". It counts nothing of its own; the rate's first
    number ("12") stays a figure, as do "every 3,000 feet" and "every 10 minutes" (measures and
    times, read elsewhere)."""
    doc = span.doc
    first = next((t for t in span if has_digit(t)), None)
    if first is None or span.start == 0:
        return False
    before = doc[span.start - 1].lower_
    # "every" opens a base after "one in", "per" or "for" only ("every 1,000 children" alone
    # may be a share: "every 1,000 children get a book")
    if before == "every":
        return span.start >= 2 and doc[span.start - 2].lower_ in ("in", "per", "for")
    return before == "per" and first.i == span.start


_CALLING_VERBS = ("call", "dial", "phone", "ring", "text")
"""Verbs whose bare number in digits is a telephone number ("Call 911", "dial 000")."""


def is_a_number_to_call(span: Any) -> bool:
    """Whether a number in digits, with no noun it counts and no thousands comma, is the
    telephone number a reader is told to call: the object of "call", "dial", "phone", "ring" or
    "text" ("Call 911 if you see him", "dial 999", "she phoned 112"), or the number they call
    "on" ("ring Crime Stoppers on 1800", "call police on 000"). Page chrome and appeals, not a
    figure; "police called 40 witnesses", "phoned 3,000 voters" and "the union called 300 out"
    keep theirs."""
    if len(span) != 1 or not re.fullmatch(r"\d+", span[0].text):
        return False
    number = span[0]
    if counted_noun(number).i != number.i:
        return False
    verb = number.head
    if number.dep_ == "pobj" and verb.lower_ == "on":
        verb = verb.head
    elif number.dep_ not in ("dobj", "npadvmod"):  # the parse reads "dialled 999" either way
        return False
    # "called 300 out", "rang 40 up": a verb with a particle summons or counts people
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _CALLING_VERBS and \
        not any(c.dep_ == "prt" for c in verb.children)


def totals_a_numbered_item(span: Any) -> bool:
    """Whether a bare number in digits is the total of a numbered item of a page or a series,
    after "of" and the item's own number, which labels a singular noun right before it:
    "Image 3 of 12", "Page 2 of 3", "Slide 4 of 9", "Part 3 of 5" (gallery and pager chrome,
    a series' parts). "Officers 3 of 12 were hurt" (a plural noun), "freed 3 of 12 men" and
    "hit 3 of 12 shots" (a verb before, a counted noun after) keep their figures."""
    doc = span.doc
    if len(span) != 1 or not re.fullmatch(r"\d+", span[0].text) or span.start < 3:
        return False
    total, of, item, noun = span[0], doc[span.start - 1], doc[span.start - 2], doc[span.start - 3]
    return of.lower_ == "of" and total.dep_ == "pobj" and total.head.i == of.i and \
        re.fullmatch(r"\d+", item.text) is not None and item.dep_ == "nummod" and \
        item.head.i == noun.i and noun.tag_ in ("NN", "NNP") and of.head.i in (item.i, noun.i)


_TITLE_WORD_TAGS = ("PRP", "WP", "WDT", "TO")
"""Words running text writes in lower case that a list's title capitalises after its number:
"10 People Who Don't Matter", "7 Things You Should Know", "5 Ways To Save"."""


def is_a_ranking_or_a_list_title(span: Any) -> bool:
    """Whether a number sizes a ranking or names a list rather than counting anything: it comes
    right before a superlative of rank ("the nation's 10 most populous states", "Asia's 50
    richest families", "13 Best Tweets About the Quake"; not one of time or order of
    ``order-superlatives.txt``: "the 12 latest deaths"), or it opens a title written in
    capitals with a capitalised pronoun other than "I", or "To", in it ("10 People Who Don't
    Matter", "7 Things You Should Know"; not "the 40 Republicans I interviewed"). "Floods
    Leave 300 People Without Power" keeps its figure."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    ranking = after.tag_ == "JJS" and after.lower_ not in lexicon().words("order-superlatives.txt")
    if ranking or after.tag_ == "RBS" and after.lower_ in ("most", "least") and \
            span.end + 1 < len(doc) and doc[span.end + 1].pos_ == "ADJ":
        return True
    title = []
    for token in doc[span.end : span.end + 8]:
        if not token.is_alpha or not token.text[:1].isupper():
            break
        title.append(token)
    return len(title) >= 2 and any(t.tag_ in _TITLE_WORD_TAGS and t.i > span.end and t.text != "I"
                                   for t in title)


_FAMILY_HEADS = ("family", "mother", "father", "parent", "couple", "widow", "widower")
"""Nouns whose "with" or "of" phrase gives the size of a family ("a family with three young
children", "a mother of two children")."""


@cache
def _kin(relations: tuple[str, ...]) -> frozenset[str]:
    """The kinship nouns of the gazetteer (``kinship.tsv``) that name one of ``relations``."""
    return frozenset(row["noun"] for row in lexicon().table("kinship.tsv")
                     if row["relation"] in relations)


def is_a_family_count(span: Any) -> bool:
    """Whether a number written as a word counts someone's children or siblings (the child
    and sibling nouns of ``kinship.tsv``) rather than victims: the counted noun has a
    possessor ("his two children", "the woman's three children"), is what someone has or had
    ("had three sons with her"), sizes a family ("a couple with four small daughters", "a
    mother of two children") or follows a spouse ("his wife and three children"), and its
    clause tells no toll ("his two children were killed in the blast" is one)."""
    if any(has_digit(t) for t in span):
        return False
    number = number_root(span)
    noun = counted_noun(number)
    if noun.i == number.i or noun.lemma_.lower() not in _kin(("child", "sibling")):
        return False
    tolls = toll_words()
    verb = clause_verb(noun)
    if verb is not None and (verb.lemma_.lower() in tolls or any(
            c.dep_ in ("acomp", "oprd") and c.lemma_.lower() in tolls for c in verb.children)):
        return False  # "two children were killed", "his three children are missing"
    head = noun.head
    possessed = any(c.dep_ == "poss" for c in noun.children)
    had = noun.dep_ == "dobj" and head.lemma_.lower() in ("have", "raise", "adopt")
    # the phrase hangs on the family noun, or beside it on the verb ("have a family with ...")
    sized = [head.head, *(c for c in head.head.children if c.dep_ == "dobj")]
    family = noun.dep_ == "pobj" and head.lower_ in ("with", "of") and \
        any(word.lemma_.lower() in _FAMILY_HEADS for word in sized)
    beside = noun.dep_ == "conj" and head.lemma_.lower() in _kin(("spouse",))
    return possessed or had or family or beside


def is_a_rank_or_a_label(span: Any) -> bool:
    """Whether a number is written right after "No.", "Number" or "#": it gives a place in an
    order or labels one thing ("the world's No. 1 chipmaker", "the No. 2 official at the
    embassy", "No. 12 Michigan", "the No. 23 jersey", "Number 10 said", "the #1 seller"), it
    counts nothing. "No" needs its full stop and "Number" its capital, so "No 10-year-old
    should" and "a number 10 times larger" are no labels."""
    doc = span.doc
    number = next((t for t in span if t.like_num and any(ch.isdigit() for ch in t.text)), None)
    if number is None or number.i == 0:
        return False
    before = doc[number.i - 1]
    if before.text in ("#", "Number", "No.", "Nos."):
        return True
    # the tokenizer may split "No." into "No" and "."
    return before.text == "." and number.i >= 2 and doc[number.i - 2].text in ("No", "Nos") and \
        not doc[number.i - 2].whitespace_


def is_measurement(span: Any, following: Any) -> bool:
    """Whether a number is a physical measurement: written with a unit of length, area,
    speed, temperature, magnitude, power, volume, concentration or data (in the span, the
    words after it, the word before it: "magnitude 6.9", or run into its digits: "1.2GHz",
    "45C"), or a concentration in "parts per million"."""
    units = measure_units()
    doc = span.doc
    if any(_unit_run_into(token) for token in span):
        return True
    if following is not None and [t.lower_ for t in doc[following.i : following.i + 3]] in \
            _PARTS_PER or [t.lower_ for t in doc[max(0, span.start - 2) : span.start + 1]] in \
            _PARTS_PER:
        return True  # "410 parts per million": a concentration, and its "million" no figure;
        # "4,000 parts per day" is a count of parts
    words = [token.lower_ for token in span][1:] + ([following.lower_] if following is not None else [])
    if following is not None and following.text == "-" and following.i + 1 < len(doc):
        words.append(doc[following.i + 1].lower_)  # "a 40-hectare plot", the unit past the hyphen
    words += ["-" + after for hyphen, after in zip(words, words[1:], strict=False) if hyphen == "-"]
    before = [doc[i].lower_ for i in range(max(0, span.start - 2), span.start)]
    if before and before[-1] in units or \
            len(before) == 2 and before[1] in ("-", "of") and before[0] in units:
        return True  # "magnitude 6.9", "a magnitude of 6.9"; but "500 megawatts for 40
        # towns", "two years and 3,000 euros": the unit is the other number's
    if _ends_a_measured_range(span):
        return True
    if [t.lower_ for t in doc[span.end : span.end + 2]] == ["on", "the"] and \
            span.end + 2 < len(doc) and doc[span.end + 2].lower_ in units:
        return True  # "it measured 5.2 on the Richter scale"
    return any(word in units for word in words[:6]) or any(w.startswith("-") and w in units
                                                         for w in words)


_RUN_INTO = re.compile(r"\d[\d.,]*°?([A-Za-z/]+)\.?")  # spaCy keeps a sentence's full stop:
# "hit 45C."
_PARTS_PER = [["parts", "per", scale] for scale in ("thousand", "million", "billion", "trillion")]


def _unit_run_into(token: Any) -> bool:
    """Whether a unit of measurement is run into a number's digits: "30km", "1.2GHz",
    "300ppm", "500MW", or a capital "C" or "F" of a temperature ("45C", "1.5C"; "27c" is
    cents)."""
    written = _RUN_INTO.fullmatch(token.text)
    if written is None:
        return False
    letters = written.group(1)
    return letters in ("C", "F") or letters.lower() in measure_units()


def _ends_a_measured_range(span: Any) -> bool:
    """Whether a number ends a "from ... to" range whose start is written with a unit: "cut
    the limit from 100 kilometres an hour to 60" (the unit is the start's)."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ != "to":
        return False
    units = measure_units()
    for i in range(span.start - 2, max(-1, span.start - 10), -1):
        if doc[i].lower_ == "from":
            return any(t.lower_ in units for t in doc[i + 1 : span.start - 1])
    return False
