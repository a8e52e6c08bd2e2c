"""How news copy writes a number: its value, qualifier, unit and currency, and the word lists
around figures."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from kg.lexicon import NumberWords, lexicon


def figure_words() -> NumberWords:
    """The words around figures (``data/lexicon/numbers.yaml``)."""
    return lexicon().numbers


@cache
def currency_codes() -> dict[str, str]:
    """Currency words and symbols → ISO code (``data/lexicon/currencies.tsv``), longest first."""
    rows = lexicon().table("currencies.tsv")
    table = {row["written"].strip().lower(): row["code"].strip() for row in rows}
    return dict(sorted(table.items(), key=lambda item: -len(item[0])))


@cache
def word_list(name: str) -> frozenset[str]:
    """A one-entry-per-line lexicon of ``data/lexicon``, lower-cased (tokens are compared so)."""
    return frozenset(word.lower() for word in lexicon().words(name))


def counted_nouns() -> frozenset[str]:
    """Words after which a word number below ten is a figure (``counted-nouns.txt``)."""
    return word_list("counted-nouns.txt")


def measure_units() -> frozenset[str]:
    """Units of physical measurement, whose numbers are not figures (``measure-units.txt``)."""
    return word_list("measure-units.txt")


TOLL_EVENTS = ("Attack", "Disaster", "War")
"""The events whose toll a figure may be: the deaths, injuries and losses of an attack, a
disaster or a war."""


@cache
def toll_words() -> frozenset[str]:
    """The words of a toll: the lemmas of the attack, disaster and war ``event measures`` of
    numbers.yaml ("kill", "dead", "missing", "homeless", "destroy", "toll", "casualty")."""
    return frozenset(lemma for m in figure_words().event_measures
                     if set(m.events) & set(TOLL_EVENTS) for lemma in m.lemmas)


def currency_of(text: str) -> tuple[str, str] | None:
    """The ISO code of the currency a figure is written in, and the words that say so."""
    if not _any_currency().search(text):
        return None  # most figures: one search, not one for each currency
    for pattern, written, code in _currency_patterns():  # longest first: "a$" before "$"
        if pattern.search(text):
            return code, written
    return None


@cache
def _currency_patterns() -> list[tuple[re.Pattern[str], str, str]]:
    """Each currency's pattern (:func:`_written`), compiled once, with its words and code."""
    return [(re.compile(_written((written,))), written, code)
            for written, code in currency_codes().items()]


@cache
def _any_currency() -> re.Pattern[str]:
    """A pattern that matches where one of :func:`_currency_patterns` does."""
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _, _ in _currency_patterns()))


def _written(words: tuple[str, ...]) -> str:
    """A pattern for any of some words as written after a number, a word not run into another
    ("5pc", "5 per cent"; not "pcs" or "percentages")."""
    return "|".join(rf"(?<![a-z]){re.escape(w)}" + ("(?![a-z])" if w[-1].isalpha() else "")
                    for w in words)


@cache
def percent_pattern() -> str:
    """How news copy writes a percentage: "5%", "5 per cent", "5 percentage points", "5pc"."""
    return _written(figure_words().percent)


def percent_tokens() -> frozenset[str]:
    """The tokens a parsed percentage ends in ("%", "percent", the "cent" of "per cent")."""
    return figure_words().percent_tokens


def parse_number(text: str) -> tuple[Decimal, str | None, str] | None:
    """Value, qualifier and unit of a figure as written: "as many as 188" → (188, "as many as"),
    "$3bn" → (3000000000, None, "USD"), "forty-two" → (42, None, "count")."""
    lowered = text.lower().replace("\u2019", "'").strip()
    lowered = re.sub(r"^the\s+", "", lowered)
    qualifier = None
    for candidate in figure_words().qualifiers:
        if lowered.startswith(candidate + " "):
            qualifier = candidate
            lowered = lowered[len(candidate) + 1 :]
            break
    unit = "count"
    if re.search(percent_pattern(), lowered):
        unit = "percent"
        lowered = re.sub(percent_pattern(), "", lowered)
    currency = currency_of(lowered)
    if currency is not None:
        unit, written = currency
        lowered = lowered.replace(written, " ")
    elif re.fullmatch(rf"\d+(?:\.\d+)?\s*(?:{'|'.join(figure_words().cents)})", lowered) and \
            not re.search(r"\dC\.?$", text.strip()):
        # "27c a share", "40 cents"; a capital C is Celsius ("1.5C", "45C": a temperature)
        cents = Decimal(re.match(r"\d+(?:\.\d+)?", lowered).group(0))  # type: ignore[union-attr]
        return cents / 100, qualifier, currency_codes()["$"]
    match = re.search(r"\d[\d,]*(?:\.\d+)?", lowered)
    if match is None:
        words = re.findall(r"[a-z]+", lowered)
        value = _word_value(words)
        if value is not None and unit == "count" and words and words[-1] in ("cent", "cents"):
            return value / 100, qualifier, currency_codes()["$"]  # "rose five cents"
        return None if value is None else (value, qualifier, unit)
    try:
        value = Decimal(match.group(0).replace(",", ""))
    except InvalidOperation:
        return None
    suffixes = dict(figure_words().scale_suffixes)
    if unit not in ("count", "percent"):
        suffixes.update(figure_words().money_suffixes)  # "£450m", but "a 400m race"
    written_in = re.match(rf"\s?({'|'.join(suffixes)})\b", lowered[match.end():])
    if written_in:
        value *= suffixes[written_in.group(1)]
    for scale, factor in figure_words().scales.items():
        if re.search(rf"\b{scale}\b", lowered):
            value *= factor
    return value, qualifier, unit


def _word_value(words: list[str]) -> Decimal | None:
    """The number some words write: "forty-two" → 42, "two hundred" → 200, "a million" →
    1000000, "half a million" → 500000 (None when no number word is there)."""
    words_of = figure_words()
    named, multipliers, scales = words_of.number_words, words_of.multipliers, words_of.scales
    fractions = {word: ratio for word, ratio in figure_words().ratios.items() if ratio < 1}
    total, current, seen = Decimal(0), Decimal(0), False
    for word in words:  # other words ("a", "and", "people") are passed over
        if word in fractions:
            current += fractions[word]  # "half a million", "two and a half million"
            continue
        if word in named:
            current += named[word]
        elif word in multipliers:
            current = (current or Decimal(1)) * multipliers[word]
        elif word in scales:
            total += (current or Decimal(1)) * scales[word]
            current = Decimal(0)
        else:
            continue
        seen = True
    return total + current if seen else None


def all_suffixes() -> set[str]:
    return {*figure_words().scale_suffixes, *figure_words().money_suffixes}


def has_digit(token: Any) -> bool:
    return any(ch.isdigit() for ch in token.text)
