"""What a figure counts, as a short phrase from the parse around it."""

from __future__ import annotations

import re
from typing import Any

from kg.extract.context import Context
from kg.extract.statistics.syntax import clause_verb, counted_noun, subject_of, subject_words, text_of
from kg.extract.statistics.written import all_suffixes, currency_codes, figure_words, percent_tokens


def measured_phrase(token: Any, ctx: Context, skip: set[int]) -> str:
    """A short phrase for what a figure counts, built from the parse around it."""
    noun = counted_noun(token)
    if noun.i != token.i and token.dep_ == "nsubj":
        skip = skip | {t.i for t in token.subtree}  # "14 of them Australians": the Australians
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ in ("attr", "acomp") or token.dep_ in ("attr",):
        verb = noun.head if noun.dep_ in ("attr", "acomp") else token.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            noun = subjects[0]
    if noun.lower_ in percent_tokens() and noun.dep_ in ("appos", "conj", "attr", "dobj") \
            and noun.head.pos_ == "NOUN":
        noun = noun.head
    elif noun.lower_ in percent_tokens() or noun.i == token.i:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "out"):
                objects = [c for c in child.subtree if c.dep_ == "pobj"]
                if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                    noun = objects[0]
                    break
    unit_words = {*percent_tokens(), *figure_words().scales, *all_suffixes(), *currency_codes()}
    if noun.i == token.i or noun.lower_ in unit_words:
        described = _described_by_verb(noun) if noun.head.pos_ in ("VERB", "AUX") else \
            _described_by_prepositional_verb(noun)
        if described:
            return described
    if noun.i != token.i:
        skip = skip | {t.i for t in token.subtree if t not in noun.subtree}
    for child in noun.children:  # ", or 1.22 percent out of 10,985": a restatement, not a part
        if child.dep_ in ("appos", "conj", "cc", "punct") and child.i > noun.i:
            skip = skip | {t.i for t in child.subtree}
    for t in noun.subtree:  # "of the roughly 1.7 million voters": another figure's number
        if t.dep_ in ("nummod", "quantmod") and t.i != token.i and t.head.i != token.i:
            skip = skip | {d.i for d in t.subtree}
    words = []
    for t in noun.subtree:
        if t.i != noun.i and (t.i in skip or t.ent_type_ in ("DATE", "TIME")) or t.i == token.i:
            continue  # the counted noun stays, even inside the figure ("1.2 million barrels")
        if t.dep_ in ("nummod", "quantmod", "det", "punct") and t.i < noun.i or \
                t.text in ("-", "–") and (t.i - 1 in skip or t.i - 1 == token.i):
            continue
        words.append(t)
        if len(words) >= 18:
            break
    phrase = text_of(words).strip(" ,.-—")
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
        verb = noun.head
        preps = [c for c in verb.children if c.dep_ in ("prt", "prep") and c.i > verb.i][:1]
        tail = [verb, *[t for c in preps for t in list(c.subtree)[:5] if not t.is_punct]]
        phrase = f"{phrase} {text_of(tail)}"
    phrase = re.sub(r"^(the )?(number|total|share|proportion) of (the )?", "", phrase, flags=re.I)
    phrase = re.sub(r"^(of|out of) (the )?", "", phrase)
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,")
    if not phrase or all(word in unit_words | {"a", "an", "per"} or any(ch.isdigit() for ch in word)
                         for word in phrase.lower().replace(".", " ").split()):
        verb = clause_verb(token)  # "$4.1 billion", "5.2%"; "wounding 60", "polling 54 percent"
        return _described_by_clause(token) or (verb.text if verb is not None else None) \
            or phrase or noun.text
    return phrase


def _described_by_clause(token: Any) -> str | None:
    """What the clause a figure is in is about, for a figure that says nothing of its own: its
    subject and verb ("Sales at Acme fell 12% to $4.1 billion"), or the noun it is the worth
    of ("cocaine worth $120 million")."""
    worth = next((t for t in token.ancestors if t.lower_ == "worth"), None)
    if worth is not None and worth.head.pos_ in ("NOUN", "PROPN"):
        return worth.head.text
    verb = clause_verb(token)
    subject = subject_of(verb) if verb is not None else None
    if subject is None or subject.pos_ == "PRON" or token in subject.subtree:
        return None
    return text_of([*subject_words(subject), verb])


def _described_by_verb(noun: Any) -> str | None:
    """A figure that is a verb's object or measure says what changed: "Shares in X rose",
    "buy its Dutch rival Y" (for "rose 4.2 percent", "buy Y for 2.3 billion euros")."""
    verb = noun.head
    if noun.dep_ == "pobj" or noun.head.dep_ == "prep":
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if noun.dep_ in ("npadvmod", "dobj", "attr") and subjects and subjects[0].pos_ != "PRON":
        return text_of([*subject_words(subjects[0]), verb])
    return None


def _described_by_prepositional_verb(noun: Any) -> str | None:
    """"buy its rival Y for 2.3 billion euros": the figure prices what the verb does to Y."""
    if noun.dep_ != "pobj":
        return None
    owner = noun.head.head
    if noun.head.lower_ == "of" and owner.pos_ == "NOUN":  # "annual revenue of 6.8 billion euros"
        words = [t for t in owner.subtree if t.i < noun.head.i and t.dep_ != "det"]
        return text_of(words[-8:]) or None
    if owner.pos_ != "VERB":
        return None
    verb = owner
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:  # "Unemployment rose to 5.2%": what rose
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or subjects[0].pos_ == "PRON":
            return None
        return text_of([*subject_words(subjects[0]), verb])
    return text_of([verb, *list(objects[0].subtree)[:10]])
