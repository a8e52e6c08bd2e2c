"""Numbers written in shorthand: a letter run into the digits ("300K", "50m", "3M") or a
rating ("4.5 stars"), and whether each is a count, at what scale, or no figure at all."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kg.extract.statistics.written import currency_codes, has_digit, parse_number, word_list

_LETTERS = {"k": Decimal(1000), "m": Decimal(1000000)}
"""The letters run into a count's digits that scale it when it counts a plural noun ("300K
workers", "50m users", "3M customers")."""

_HIGHEST_RATING = 5
"""The most stars a rating gives; "20 stars attended" counts people."""


def _run_in(span: Any) -> tuple[Any, str] | None:
    """The number in digits a span ends with and the one letter (k or m, either case) run into
    it, in its own token ("300K": "300" + "K") or in the number's ("400m"); None when the
    number has no such letter, or a currency is written with it ("$5M", "£50m": money)."""
    doc = span.doc
    numbers = [t for t in span if has_digit(t)]
    if not numbers:
        return None
    number = numbers[-1]
    if any(t.lower_ in currency_codes() for t in span) or span.start > 0 and \
            doc[span.start - 1].lower_ in currency_codes():
        return None
    written = re.fullmatch(r"[\d.,]*\d([kKmM])", number.text)
    if written is not None:
        return number, written.group(1)
    if number.whitespace_ or number.i + 1 >= len(doc):
        return None
    letter = doc[number.i + 1]
    return (number, letter.text) if letter.text in ("k", "K", "m", "M") else None


def _counted(number: Any) -> Any | None:
    """The noun after a number that it counts, past the letter the parse may hang it on ("300 K
    workers": "workers"); None when the number (or its letter) is itself the noun ("won the
    400m", "shares of 3M")."""
    head = number.head if number.dep_ in ("nummod", "compound", "quantmod") else None
    if head is not None and head.i == number.i + 1 and len(head.text) == 1 and head.is_alpha:
        head = head.head if head.dep_ in ("compound", "nmod", "nummod") and head.head.i > head.i \
            else None  # the parse hung the number on its letter, and the letter on the noun
    return head if head is not None and head.i > number.i and head.pos_ in ("NOUN", "PROPN") \
        else None


def scale_of_shorthand(span: Any) -> Decimal:
    """What a count written with a letter run into it is multiplied by: a thousand for "K" or
    "k", a million for "m" or "M", when it counts a plural noun of ``shorthand-counted-nouns.txt``
    ("300K workers", "50m users", "3M customers"); 1 for any other figure ("the 400m hurdles",
    "both 10K races" are distances, "3M masks" a name)."""
    found = _run_in(span)
    if found is None:
        return Decimal(1)
    number, letter = found
    return _LETTERS[letter.lower()] if _counts_at_scale(number) else Decimal(1)


def is_shorthand_label(span: Any) -> bool:
    """Whether a number with a letter run into it names or measures something, and counts
    nothing: a distance in metres before a singular noun or none ("a 400m race", "won the
    100m"), a name with a capital "M" ("The 3M company said", "shares of 3M"), a "K" or "k"
    with no plural noun after it ("ran the 10k"), and a plural noun that is no thing counted in
    thousands or millions (``shorthand-counted-nouns.txt``): a race or a measure ("the 400m
    hurdles", "both 10K races", "3m walls"), a brand ("3M masks"). A plural noun of that list
    after it makes it a count at scale (see :func:`scale_of_shorthand`)."""
    found = _run_in(span)
    if found is None:
        return False
    return not _counts_at_scale(found[0])


def _counts_at_scale(number: Any) -> bool:
    """Whether a number with a letter run into it counts a plural noun of
    ``shorthand-counted-nouns.txt`` ("300K workers"): the one reading in which the letter is a
    scale."""
    noun = _counted(number)
    return noun is not None and noun.tag_ in ("NNS", "NNPS") and \
        noun.lemma_.lower() in word_list("shorthand-counted-nouns.txt")


def is_rating(span: Any) -> bool:
    """Whether a number is a rating in stars: five or fewer of them, counted by the number
    ("earned 4.5 stars", "gave the hotel three stars") or joined to it ("a 3-star rating"),
    and not "of" a show or a team ("two stars of the film" are people)."""
    numbers = [t for t in span if t.like_num]
    if not numbers:
        return False
    number = numbers[-1]
    written = parse_number(number.text)
    if written is None or written[0] > _HIGHEST_RATING:
        return False
    noun = number.head
    if noun.i <= number.i or noun.lemma_.lower() not in word_list("rating-nouns.txt"):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
