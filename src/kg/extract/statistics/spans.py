"""Which numbers of a text are figures (not dates, ages, scores, measurements or names), and
the span each figure is written in."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from typing import Any

from kg.extract.statistics.syntax import clause_verb, counted_noun, number_root
from kg.extract.statistics.written import (
    all_suffixes,
    counted_nouns,
    currency_codes,
    currency_of,
    figure_words,
    has_digit,
    measure_units,
    parse_number,
    percent_pattern,
    percent_tokens,
    toll_words,
)
from kg.lexicon import lexicon


def counted_beside_a_figure(number: Any) -> bool:
    """Whether a small number written as a word counts a noun conjoined with one a figure
    counts, in a clause that tells a toll: "three soldiers and five members of the militia were
    killed", "injuring 14 pupils and two teachers" (a toll in parts, not an incidental count
    such as "400 staff and two offices")."""
    noun = counted_noun(number)
    if noun.i == number.i:
        return False
    others = [c for c in noun.children if c.dep_ == "conj"]
    others += [noun.head] if noun.dep_ == "conj" else []
    others += [c for other in list(others) for c in other.children
               if c.dep_ == "conj" and c.i != noun.i]
    beside = any(c.dep_ == "nummod" and c.ent_type_ in FIGURE_LABELS and c.i != number.i
                 and (has_digit(c) or other.lower_ in counted_nouns())
                 for other in others for c in other.children)
    tolls = toll_words()
    verb = clause_verb(noun)
    # "the deaths of 14 tourists and seven others": the toll a noun names
    first = noun.head if noun.dep_ == "conj" else noun
    of_toll = first.dep_ == "pobj" and first.head.lower_ == "of" and \
        first.head.head.lemma_.lower() in tolls
    return beside and (of_toll or verb is not None and verb.lemma_.lower() in tolls)


FIGURE_LABELS = ("CARDINAL", "PERCENT", "MONEY", "QUANTITY")


def may_be_figure(ent: Any) -> bool:
    """Whether a named span may be a figure: a number the model tagged as one, or one it took
    for a date that counts something ("18 holiday deaths"), is large ("between 20 and 30
    million euros", "two and a half million") or stands bare ("the toll stands at 45")."""
    if ent.label_ in FIGURE_LABELS:
        return True
    if ent.label_ != "DATE" or not any(t.like_num for t in ent):
        return False
    if _counts_other_than_time(ent) or _bare_number(ent):
        return True
    words = {t.lower_ for t in ent if not has_digit(t)}
    scaled = words & set(figure_words().scales)
    return bool(scaled) and words <= {*figure_words().scales, *figure_words().range_words,
                                      *(" ".join(figure_words().qualifiers).split()), "between",
                                      "from", "a", *figure_words().number_words, *figure_words().ratios}


def untagged_figures(doc: Any) -> list[Any]:
    """Numbers in digits the model left without any label, as figures to judge like the
    others: percentages with their qualifier ("reduced by at least 40 per cent", where it
    tagged only "at least"), and counts ("Benares' 80-odd ghats"); not ordinals ("ranked
    72nd")."""
    from kg.nlp import make_span

    labelled = {t.i for e in doc.ents for t in e}
    tagged = {t.i for e in doc.ents if any(has_digit(t) for t in e) for t in e}
    spans = []
    for token in doc:
        if token.i in tagged or not token.like_num or not has_digit(token):
            continue
        written = re.match(rf"({percent_pattern()})", doc[token.i + 1 : token.i + 3].text.lower())
        if written is None:
            if token.i not in labelled and not _ORDINAL.search(token.text):
                spans.append(make_span(doc, token.i, token.i + 1, "CARDINAL"))
            continue
        start = token.i
        for qualifier in figure_words().qualifiers:  # longest first
            size = len(qualifier.split())
            if start >= size and doc[start - size : start].text.lower() == qualifier:
                start -= size
                break
        spans.append(make_span(doc, start, token.i + 1 + len(written.group(0).split()), "PERCENT"))
    return spans


_ORDINAL = re.compile(r"\d(st|nd|rd|th)$", re.IGNORECASE)


@cache
def _time_nouns() -> frozenset[str]:
    """Nouns that make the number counting them a duration, an age or a date: the units,
    months, weekdays and day parts of ``dates.yaml`` and the other time nouns of numbers.yaml."""
    words = lexicon().dates
    counted = {*words.units, *words.day_parts}
    return frozenset({*counted, *(word + "s" for word in counted), *words.months, *words.weekdays,
                      *figure_words().time_nouns, *figure_words().clock_words})


@cache
def _qualifier_words() -> frozenset[str]:
    """The words of the qualifiers of numbers.yaml ("about", "more", "than"), each on its own."""
    return frozenset(" ".join(figure_words().qualifiers).split())


def _bare_number(ent: Any) -> bool:
    """Whether a span the model took for a date is a number in digits and nothing else (with a
    qualifier at most) that a preposition governs, a level something reached: "the toll
    stands at 45", "was out for 64", or that a toll's noun is ("the death toll is 40"); not a
    year ("1999"), an ordinal ("12th"), a number in another role ("Lawal, 30, was", "since he
    was 13"), nor a date or a duration ("December 13", "three days")."""
    qualifiers = _qualifier_words()
    numbers = [t for t in ent if t.like_num]
    if len(numbers) != 1 or not has_digit(numbers[0]) or \
            not all(t.like_num or t.lower_ in qualifiers for t in ent):
        return False
    number, doc = numbers[0], ent.doc
    grouped = any(0 <= i < len(doc) and doc[i].like_num for i in (ent.start - 1, ent.end))
    # "the death toll from the floods is 40": the level a toll's noun is
    toll = number.dep_ == "attr" and number.head.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in toll_words() for c in number.head.children)
    # "created in 1789", "since 1066": a year of the second millennium after a word of time
    # (1800-2099 are years wherever they stand, below)
    year = re.fullmatch(r"1\d\d\d", number.text) is not None and number.head.lower_ in _YEAR_WORDS
    # "on 13 11 14" (grouped): a phone number
    return (number.dep_ == "pobj" or toll) and not re.fullmatch(r"(1[89]|20)\d\d", number.text) \
        and not _ORDINAL.search(number.text) and not grouped and not year


_YEAR_WORDS = ("in", "since", "until", "till", "before", "after")
"""Prepositions after which a number the model took for a date, written in four digits, is a
year ("in 1789"), not a level ("the toll stands at 1500")."""


def _counts_other_than_time(ent: Any) -> bool:
    """Whether a number the model took for a date counts something other than time: "18
    holiday deaths", "a total of 14 yachts" (not "18 months", "December 13", "a 15-year-old")."""
    numbers = [t for t in ent if has_digit(t) and t.like_num]
    if len(numbers) != 1 or re.fullmatch(r"(1[89]|20)\d\d", numbers[0].text):
        return False
    number, time_nouns = numbers[0], _time_nouns()
    if number.dep_ != "nummod" or number.head.pos_ != "NOUN" or number.head.i < number.i:
        return False
    words = {t.lower_ for t in ent} | {t.lower_ for t in ent.doc[number.i : number.head.i + 1]}
    return not words & time_nouns and not any("-" in t.text for t in number.head.subtree)


def is_vague(span: Any) -> bool:
    """Whether a number is an order of magnitude or a rank, not a figure: "several thousand",
    "a multi-billion dollar project", "the top 10 stories", a place written as an ordinal the
    model took for a number ("finished in 3rd-4th place")."""
    doc = span.doc
    if any(_ORDINAL.search(t.text) for t in span):
        return True
    tokens = [t.lower_ for t in span]
    qualifier = next((q for q in figure_words().qualifiers if " ".join(tokens).startswith(q + " ")),
                     None)  # "as many as 35", "as few as 12": a figure
    words = set(tokens[len(qualifier.split()) if qualifier else 0 :])
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return bool((words | {before}) & figure_words().vague_words) or \
        before in figure_words().rank_words


def as_written(ent: Any) -> Any:
    """A figure's span with the currency sign, scale or end of a range the model left out of it:
    "$" + "3bn", "£" + "450" + "m", "Rs" + "5,000" + "crore", "$700 to" + "$900 million"."""
    doc = ent.doc
    start, end = ent.start, ent.end
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in currency_codes() and currency_of(ent.text.lower()) is None \
            and (not before.is_alpha or before.text[0].isupper() and len(before.text) <= 3):
        start -= 1  # a sign, or an abbreviation ("Rs"); not a word ("won 40 seats")
    if end < len(doc):
        word = doc[end].lower_
        attached = doc[end - 1].whitespace_ == "" and word.rstrip(".") in all_suffixes()
        if attached or word in figure_words().scales:
            end += 1
    if doc[end - 1].lower_ in figure_words().range_words and end < len(doc) and \
            doc[end].ent_type_ in ("MONEY", "CARDINAL", "PERCENT"):
        end = next(e.end for e in doc.ents if e.start == end)  # "$700 to" + "$900 million"
    written = doc[end : end + 4].text.lower()
    fraction = re.match(rf"of an? ({percent_pattern()})", written)  # "0.25 of a per cent"
    if fraction is not None:
        end += len(fraction.group(0).split())
    elif not re.search(percent_pattern(), ent.text.lower()) and re.match(rf"({percent_pattern()})", written):
        end += len(re.match(rf"({percent_pattern()})", written).group(0).split())  # type: ignore[union-attr]
    return doc[start:end]


def figure_ends(span: Any, following: Any) -> list[tuple[Any, Decimal, str | None, str]]:
    """The figure or figures a span writes, each with its value, qualifier and unit: one, or the
    two ends of a range ("between 20 and 30 million euros" → 20 million and 30 million euros,
    "at least" the one and "at most" the other)."""
    doc = span.doc
    joins = [t for t in span if t.lower_ in figure_words().range_words and span.start < t.i < span.end - 1
             and has_digit(doc[t.i - 1]) and (has_digit(doc[t.i + 1]) or t.i + 2 < span.end
                                               and doc[t.i + 1].lower_ in currency_codes()
                                               and has_digit(doc[t.i + 2]))]
    parts = [span] if not joins else [doc[span.start : joins[0].i], doc[joins[0].i + 1 : span.end]]
    if len(parts) == 2 and parts[0][0].lower_ in ("between", "from"):
        parts[0] = doc[parts[0].start + 1 : parts[0].end]
    parsed = [parse_number(part.text) for part in parts]
    if len(parts) == 2 and None in parsed:
        parts, parsed = [span], [parse_number(span.text)]  # not a range after all
    if None in parsed:
        return []
    ends = [(part, *p) for part, p in zip(parts, parsed, strict=True) if p is not None]
    if not ends:
        return []
    if following is not None and following.lower_ in currency_codes():
        code = currency_codes()[following.lower_]  # "6.8 billion euros", the model left "euros" out
        ends = [(part, value, qualifier, code if unit == "count" else unit)
                for part, value, qualifier, unit in ends]
    elif _counts_cents(number_root(span)):
        ends = [(part, value / 100, qualifier, currency_codes()["$"]) if unit == "count" else
                (part, value, qualifier, unit) for part, value, qualifier, unit in ends]
    if len(ends) == 2:
        (first, low, low_qualifier, low_unit), (second, high, high_qualifier, high_unit) = ends
        scale = next((f for w, f in figure_words().scales.items()
                      if re.search(rf"\b{w}\b", second.text.lower())), None)
        if scale is not None and not any(w in first.text.lower() for w in figure_words().scales) \
                and low * scale <= high:
            low *= scale  # "between 20 and 30 million": both ends are millions
        if low_unit == "count":
            low_unit = high_unit  # "20 to 30 percent"
        elif high_unit == "count":
            high_unit = low_unit  # "between $20 and 30 million"
        ends = [(first, low, low_qualifier or "at least", low_unit),
                (second, high, high_qualifier or "at most", high_unit)]
    return ends


def _counts_cents(number: Any) -> bool:
    """Whether a number counts cents, a sum in hundredths of the copy's dollar, where the
    model left the cents out of the figure's words or took in more than them: "less than 15
    cents per hour", both ends of "between 25 and 75 cents" (the first end's noun is the
    second's)."""
    while number.dep_ == "conj" and number.head.like_num and number.head.i != number.i:
        number = number.head  # "75" of "25 and 75 cents"
    noun = counted_noun(number)
    return noun.i != number.i and noun.lower_ in figure_words().cents


_NAMED = ("FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")


def is_time_or_name(span: Any) -> bool:
    """Whether a number is a day of a month ("Sept. 11", "11 September"), a time of day
    ("10:30pm"), an age ("Lawal, 30, was", "aged 30", "buyers over 21", "who is about 70"),
    part of a name ("1 Squadron", "Apollo 11", "T1", "A380", "the Nikkei 225 fell") or a label
    with capitals run into it ("5G", "3D")."""
    doc = span.doc
    if any(_is_name_with_a_digit(token) for token in span):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    day = re.fullmatch(r"\d{1,2}", span.text.strip()) is not None and int(span.text) <= 31
    if before is not None and before.lower_ in figure_words().age_words:
        return True
    joined = [t.lower_ for t in doc[span.start : span.end + 2]]
    if any(word == "-" and following in _time_nouns()
           for word, following in zip(joined, joined[1:], strict=False)):
        return True  # "Thirty-two-year-old", "a 12-month": an age or a duration
    if day and any(t is not None and t.lower_.rstrip(".") in lexicon().dates.months
           for t in (before, after)):
        return True  # "Sept. 11", "11 September"; but "in March 300 workers walked out"
    if re.search(r"\d:\d\d|\d\s*(am|pm|a\.m\.|p\.m\.)$", span.text.lower()) or \
            after is not None and after.lower_ in figure_words().clock_words:
        return True
    if before is not None and after is not None and before.text == "," and after.text == "," and \
            span.start > 1 and doc[span.start - 2].ent_type_ == "PERSON" and \
            all(t.like_num for t in span):
        return True  # "Lawal, 30, was sentenced": an age
    number, head = number_root(span), number_root(span).head
    if _is_age_limit(number) or _is_age_told(number):
        return True
    if number.dep_ == "nummod" and head.i == span.start - 1 and head.pos_ in ("NOUN", "PROPN") \
            and head.lower_ not in currency_codes():
        return True  # "Apollo 11", "Interstate 95", "page 5": a count comes before its noun
    if _is_a_label_run_into(span) or _ends_a_name(span) or _is_a_k_label(span):
        return True  # "5G", "3D"; "the Nikkei 225 fell", "the Stoxx 600 index"; "a 10K race"
    if _numbers_the_name_before_it(span):
        return True  # "iOS 7", "the MacBook 12": a version or a model
    return number.dep_ == "nummod" and head.i == span.end and head.text[:1].isupper() and \
        (head.ent_type_ in _NAMED or head.tag_ == "NNP" and head.ent_type_ not in ("NORP", "GPE"))


_LABEL_RUN_INTO = re.compile(r"\d+([A-Z]+)")


def _is_a_label_run_into(span: Any) -> bool:
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


def _is_a_k_label(span: Any) -> bool:
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


def _ends_a_name(span: Any) -> bool:
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


def _numbers_the_name_before_it(span: Any) -> bool:
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


_AGE_LIMITS = ("over", "under")
"""Prepositions that put an age limit on the people a plural noun names ("buyers over 21")."""

_OLDEST_AGE = 130


def _is_age(number: Any) -> bool:
    """Whether a number may be a person's age: a whole number of years a life can have,
    counting no noun of its own."""
    value = parse_number(number.text)
    return value is not None and value[2] == "count" and value[0] == int(value[0]) and \
        0 < value[0] <= _OLDEST_AGE and counted_noun(number).i == number.i


def _is_age_limit(number: Any) -> bool:
    """Whether a number is an age limit on the people a plural noun before it names: "sold
    to buyers over 21", "children under 12 travel free", "adults over 18" (the parse hangs
    the limit on the noun, or beside it on the clause's verb: "legal for buyers over 21"); not
    a figure with a noun of its own ("over 20 years"), nor a bound on a level ("rose to over
    40")."""
    limit = number.head
    if number.dep_ != "pobj" or limit.lower_ not in _AGE_LIMITS or limit.i == 0 or \
            not _is_age(number):
        return False
    people = number.doc[limit.i - 1]
    beside = people.dep_ == "pobj" and people.head.head.i == limit.head.i
    return people.tag_ == "NNS" and (limit.head.i == people.i or beside)


_PERSONAL = ("he", "she", "i")
"""The pronouns of one person, whose number after "is" is an age ("she is 34")."""


def _is_age_told(number: Any) -> bool:
    """Whether a number is what a person is, an age: "Mateev, who is about 70, ...", "she is
    34" (the number is the complement of "be", whose subject is a person, a personal
    pronoun, or "who", which stands for persons only, in the singular); not "the toll is
    40", "the dead, who were 40"."""
    verb = number.head
    if number.dep_ != "attr" or verb.lemma_ != "be" or not _is_age(number):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.lower_ in _PERSONAL or subject.ent_type_ == "PERSON"
                                    or subject.lower_ == "who" and verb.lower_ in ("is", "was"))


_NAME_WITH_A_DIGIT = re.compile(r"([A-Za-z]+)-?\d+[A-Za-z\d]*")


def _is_name_with_a_digit(token: Any) -> bool:
    """Whether a word is a name written with letters run into a digit, not a quantity: a team
    ("T1 swept the final", "G2"), a plane or a weapon ("an A380", "B-52"), a flight ("MH17"),
    a disease ("COVID-19"); not a sum whose currency is run into it ("Rs500", "$US3000")."""
    written = _NAME_WITH_A_DIGIT.fullmatch(token.text)
    if written is None:
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    sign = before.text if before is not None and before.whitespace_ == "" else ""
    return not {written.group(1).lower(), (sign + written.group(1)).lower()} & currency_codes().keys()


def is_multiple(span: Any, following: Any) -> bool:
    """Whether a number is a ratio, not a figure: a multiple word follows it ("five times
    higher") or is run into its digits ("searched 7x more", "a 10x return", "grew 3fold");
    ``multiples`` of numbers.yaml."""
    if following is not None and following.lower_ in figure_words().multiples:
        return True
    written = re.fullmatch(r"\d+(?:\.\d+)?([a-z]+)", span[-1].lower_)
    return written is not None and written.group(1) in figure_words().multiples


def is_split_range(span: Any, following: Any) -> bool:
    """Whether a number is the first end of a range of durations or measurements the model
    split: "a 12 to 18-month freeze", "three to four hours", "13 to 14,000 feet"."""
    doc = span.doc
    while following is not None and following.is_space and following.i + 1 < len(doc):
        following = doc[following.i + 1]  # "about 13  to 14,000 feet"
    if following is None or following.lower_ not in figure_words().range_words or \
            following.i + 1 >= len(doc):
        return False
    other = next((e for e in doc.ents if e.start <= following.i + 1 < e.end), None)
    if other is None:
        return False
    if other.label_ in ("DATE", "TIME"):
        return not may_be_figure(other)
    return other.label_ == "QUANTITY" and is_measurement(other, doc[other.end] if other.end < len(doc)
                                                    else None)


def is_score(span: Any) -> bool:
    """Whether a number is a match result ("beat the Lions 3-1", "a 2-0 win"): two small
    numbers joined by a dash, with no counted noun after them."""
    doc = span.doc
    # The five characters before the span and the eight after it (from its last token's space
    # on), read from the tokens around it (each holds at least one character) rather than from
    # ``doc.text``, which spaCy joins anew on every call: the patterns below read no further.
    before = doc[max(0, span.start - 5) : span.start].text_with_ws[-5:]
    after = (span[-1].whitespace_ + doc[span.end : span.end + 8].text_with_ws)[:8]
    joined = re.fullmatch(r"\d{1,3}\s?[-–]\s?\d{1,3}", span.text.strip())
    tail = re.match(r"\s?[-–]\s?\d{1,3}\b", after)
    if not (joined or tail or re.search(r"\b\d{1,3}\s?[-–]\s?$", before)):
        return False
    end_char = span.end_char + (tail.end() if tail else 0)
    # The tokens before the span's end start before ``end_char``: look from there on.
    nxt = next((t for t in doc[span.end :] if t.idx >= end_char and not t.is_space), None)
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or nxt.lower_ in figure_words().score_words


def is_reference(span: Any) -> bool:
    """Whether a number stands alone in brackets, a clause or item of a text ("section 6B
    (4)", "1) apples, 2) pears"), is a date or a ratio written with a slash ("9/11", "24/7"),
    gives odds ("a one in 20 chance", "1 in 3 adults") or a rate's base ("12 per 100,000",
    "one in every 1,000"), is part of a telephone number ("13 11 14") or one to call ("Call
    911"), totals a numbered item ("Image 3 of 12"), or is a certainty or an effort ("100 per
    cent sure", "100 per cent against", "give 100 per cent")."""
    doc = span.doc
    if re.search(r"\d\s?/\s?\d", span.text):
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "in" and \
            doc[span.start - 2].lower_ in ("one", "1"):
        return True
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "in" and doc[span.end + 1].like_num \
            and span[-1].lower_ in ("one", "1"):
        return True  # "1 in 3 Australians": odds
    if _is_a_rate_base(span) or _is_a_number_to_call(span) or _totals_a_numbered_item(span):
        return True
    digits = [t for t in doc[span.start : span.end + 1] if t.text.isdigit()]
    if any(b.i == a.i + 1 for a, b in zip(digits, digits[1:], strict=False)):
        return True  # "13 11 14", "1800 551 800": a telephone number
    if 0 < span.start and span.end < len(doc) and doc[span.start - 1].text == "(" and \
            doc[span.end].text == ")" and len(span) == 1 and span[0].text.isdigit():
        return True
    if _is_item_number(span):
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if re.match(r"100\b", span.text) is None or span[-1].lower_ not in percent_tokens() or \
            after is None:
        return False
    effort = span.root.dep_ in ("dobj", "dative") and span.root.head.lemma_ == "give" and not any(
        c.dep_ == "prep" for c in span.root.children)  # "give (a) 100 per cent"
    return effort or after.pos_ == "ADJ" or after.dep_ == "acomp" or \
        after.pos_ == "ADP" and after.lower_ not in ("of", "in")


def _is_a_rate_base(span: Any) -> bool:
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


def _is_a_number_to_call(span: Any) -> bool:
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


def _totals_a_numbered_item(span: Any) -> bool:
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
    ("had two children with him"), sizes a family ("a family with three young children", "a
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


def _is_item_number(span: Any) -> bool:
    """Whether a number is the label of an item in a list, closed by a bracket that opens
    nowhere before it in the sentence: "our three picks are: 1) apples, 2) pears, 3) plums"
    (not "a fine of 7,500 francs (about 8,800)", whose bracket opens before the number)."""
    doc = span.doc
    if len(span) != 1 or not span[0].text.isdigit() or span.end >= len(doc) or \
            doc[span.end].text != ")":
        return False
    before = doc[span.sent.start : span.start]
    return sum(t.text == "(" for t in before) <= sum(t.text == ")" for t in before)


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
        return True  # "measuring 4.1 on the Richter scale"
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
    the speed limit from 110 kilometres an hour to 80" (the unit is the start's)."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ != "to":
        return False
    units = measure_units()
    for i in range(span.start - 2, max(-1, span.start - 10), -1):
        if doc[i].lower_ == "from":
            return any(t.lower_ in units for t in doc[i + 1 : span.start - 1])
    return False
