"""The verb a verb formed with "co-" is: "co-founded" founds, "co-hosted" hosts, for the rules
that read a verb's lemma.

The tokenizer keeps "co-founded" one word and gives it the lemma "co-found" (kg.nlp); a rule
that asks for "found" asks for "co-found" too, through these two helpers and nowhere else."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kg.nlp import SHARED_PREFIX as _SHARED


def verb_lemma(token: Any) -> str:
    """A verb's lemma in lower case, without the "co-" of a shared doing ("co-found" →
    "found")."""
    lemma: str = token.lemma_.lower()
    return lemma[len(_SHARED):] if lemma.startswith(_SHARED) and token.pos_ in ("VERB", "AUX") \
        else lemma


def with_shared_forms(lemmas: Iterable[str]) -> frozenset[str]:
    """Lemmas with their "co-" forms, to find the verbs of either in an article's column of
    lemmas (Context.tokens_with): "found" and "co-found"."""
    lemmas = frozenset(lemmas)
    return lemmas | {_SHARED + lemma for lemma in lemmas}
