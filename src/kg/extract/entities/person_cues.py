"""What an article says about a one-word name the model took for a person's: whether anything
in it writes the word as someone's name, or only as a common word."""

from __future__ import annotations

from typing import Any

from kg.extract.names import a_given_name
from kg.lexicon import lexicon
from kg.nlp import english_words as common_english_words

# Common surnames that are also English words ("Smith", "Rice"): a person's name first.
_SURNAME_WORDS = lexicon().words("surname-words.txt")

# The lemmas of verbs whose subject is someone speaking: "Okafor said", "Okafor told". Not
# events.yaml's verbs of speech (relations.ledes._saying_verbs): those lack "speak", "write"
# and "recall" and have verbs a company or a common word is the subject of ("confirm", "report").
_SPEAKING = {"say", "tell", "add", "ask", "speak", "write", "explain", "insist", "claim", "announce",
             "warn", "admit", "deny", "describe", "recall"}


def a_common_word_for_a_person(span: Any, ctx: Any) -> bool:
    """Whether a person's name the model tagged is one capitalised word that English has as a
    common word (WordNet's, lower case: "Marijuana becomes legal", "Paranoia set in") and that
    no use in the article writes as someone's: not a given name, no speaker of the article's
    words ("Rice said", "Baker told reporters"), nothing apposed to it and nothing it owns ("Rice,
    a diplomat", "Baker's office"). (The caller checks that no honorific or title goes before it
    anywhere and that it is no part of a longer person's name, as "Bush" after "George Bush".)"""
    if len(span) != 1:
        return False
    word = span[0]
    if not (word.is_alpha and word.is_title and not word.is_upper) or a_given_name(word.text) or \
            word.lower_ not in common_english_words() or word.text in _SURNAME_WORDS:
        return False  # "Smith defected": a surname first, though "smith" is a word
    doc = word.doc
    return not any(_a_persons_cue(doc[i], ctx.gazetteer) for i in ctx.positions_of(word.text))


def _a_persons_cue(word: Any, gazetteer: Any) -> bool:
    """Whether one use of a word writes it as someone's name: a speaking verb's subject or the
    one it addresses ("he told Smith"), the subject of "is" with an occupation's noun ("Sampson
    was a refugee"), an apposition either way, an owner ("Baker's office"), a nickname in
    quotes inside a name ("Lee 'Sparrow' Min")."""
    doc = word.doc
    head = word.head
    quoted = 2 <= word.i < len(doc) - 2 and doc[word.i - 1].text in _QUOTES and \
        doc[word.i + 1].text in _QUOTES and doc[word.i - 2].is_title and doc[word.i + 2].is_title
    return word.dep_ in ("nsubj", "appos", "poss") and (
        word.dep_ != "nsubj" or head.lemma_.lower() in _SPEAKING) or quoted or \
        word.dep_ in ("dobj", "dative") and head.lemma_.lower() in _ADDRESSING or \
        word.dep_ == "nsubj" and head.lemma_ == "be" and any(
            child.dep_ == "attr" and child.lemma_.lower() in gazetteer.occupations
            for child in head.children) or \
        any(child.dep_ == "appos" for child in word.children) or \
        word.i + 1 < len(doc) and doc[word.i + 1].text in ("'s", "\u2019s")


# The lemmas of verbs whose object is someone spoken to: "he told Smith", "asked Baker".
_ADDRESSING = {"tell", "ask", "thank", "interview", "brief", "urge", "warn", "remind"}


# The marks a nickname is quoted in.
_QUOTES = {'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"}
