"""Small numbers written as words that are figures of a toll though their noun is no casualty
noun: "seven others injured"."""

from __future__ import annotations

from typing import Any

from kg.extract.statistics.syntax import clause_verb, counted_noun
from kg.extract.statistics.written import toll_words

_OTHERS = ("others",)
"""The noun a toll counts more of, after a first count ("five killed and seven others hurt")."""


def counts_others_in_a_toll(number: Any) -> bool:
    """Whether a small number written as a word counts "others" whom its clause's verb (or the
    adjective it links to) says were killed, hurt or lost: "Five people were killed and seven
    others injured", "three soldiers died and six others were wounded"; not "she and two
    others founded the firm" (no toll)."""
    noun = counted_noun(number)
    if noun.i == number.i or noun.lower_ not in _OTHERS:
        return False
    verb = clause_verb(noun)
    if verb is None:
        return False
    tolls = toll_words()
    return verb.lemma_.lower() in tolls or verb.lower_ in tolls or any(
        c.dep_ in ("acomp", "oprd") and c.lemma_.lower() in tolls for c in verb.children)
