"""Which numbers of a text are figures (not dates, ages, scores or names; the other kinds of
number that is none: ``not_figures``), and the span each figure is written in."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from typing import Any

from kg.extract.statistics.not_figures import (
    ends_a_name,
    is_a_k_label,
    is_a_label_run_into,
    is_a_number_to_call,
    is_a_rate_base,
    is_measurement,
    numbers_the_name_before_it,
    totals_a_numbered_item,
)
from kg.extract.statistics.syntax import clause_verb, counted_noun, number_root
from kg.extract.statistics.written import (
    all_suffixes,
    counted_nouns,
    currency_codes,
    currency_of,
    figure_words,
    has_digit,
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
    if is_a_label_run_into(span) or ends_a_name(span) or is_a_k_label(span):
        return True  # "5G", "3D"; "the Nikkei 225 fell", "the Stoxx 600 index"; "a 10K race"
    if numbers_the_name_before_it(span):
        return True  # "iOS 7", "the MacBook 12": a version or a model
    return number.dep_ == "nummod" and head.i == span.end and head.text[:1].isupper() and \
        (head.ent_type_ in _NAMED or head.tag_ == "NNP" and head.ent_type_ not in ("NORP", "GPE"))


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
    if is_a_rate_base(span) or is_a_number_to_call(span) or totals_a_numbered_item(span):
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
