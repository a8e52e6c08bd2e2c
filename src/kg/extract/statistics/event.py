"""The event a figure measures: a toll, a price, a vote share, the size of a crowd."""

from __future__ import annotations

from typing import Any

from kg.extract.events import REPORTING
from kg.extract.statistics.syntax import clause_verb, number_root, subject_of
from kg.extract.statistics.written import figure_words
from kg.model import Event

SAYING = REPORTING | {"PressConference"}


def event_measured_by_words(span: Any, sentence: int, events: list[Event]) -> str | None:
    """The event a figure measures by what its clause counts (``event measures`` of
    numbers.yaml): "29 seats", "31.8 percent of the vote" → the story's election; "killing at
    least 17 people", "261 people injured" → the attack, disaster or war of the sentence, or of
    one just before it. The one in the figure's own sentence first, then the latest before."""
    number = number_root(span)
    if number.i + 1 < len(number.doc) and number.doc[number.i + 1].text == "-":
        return None  # "a 90-seat assembly", "a 12-member panel": a size, not a result
    root = number.head if number.dep_ in ("nummod", "quantmod") else number
    verb = clause_verb(root)
    words = {t.lemma_.lower() for t in root.subtree} | {t.lower_ for t in root.subtree}
    if verb is not None:
        words |= {verb.lemma_.lower(), verb.lower_}
        subject = subject_of(verb)
        complement = root.head.i == verb.i or root.head.dep_ == "prep" and root.head.head.i == verb.i
        if subject is not None and complement:  # "the death toll rose to 43"
            words |= {t.lemma_.lower() for t in subject.subtree}
    for measure in figure_words().event_measures:
        if not words & measure.lemmas:
            continue
        candidates = [e for e in events if e.type in measure.events and not e.negated
                      and 0 <= sentence - e.evidence.sentence <= measure.reach]
        if candidates:
            best = min(candidates, key=lambda e: (sentence - e.evidence.sentence,
                                                  abs(e.evidence.start - span.start_char)))
            return best.key
    return None


def measured_event(ent: Any, triggers: dict[int, str | None]) -> str | None:
    """The event a figure measures: the one whose trigger governs it within its clause ("killed
    17 people", "bought Acme for $2 billion", "a death toll of 40")."""
    token = number_root(ent)
    for _ in range(8):
        if token.idx in triggers and triggers[token.idx] is not None:
            return triggers[token.idx]
        # "196 people who defected", "300 migrants held on Manus": the figure counts the event's
        # participants, and the event's verb qualifies the counted noun.
        for child in token.children:
            if child.dep_ in ("relcl", "acl") and triggers.get(child.idx) is not None:
                return triggers[child.idx]
        if token.pos_ in ("VERB", "AUX"):
            return _paid_for_event(token, triggers) or _subject_event(token, triggers)
        if token.head.i == token.i or _counts_the_charge(token) or _describes_a_name(token):
            return None
        token = token.head
    return None


def _describes_a_name(noun: Any) -> bool:
    """Whether a noun is in apposition to a name ("the quake hit Chala, a fishing town of 15,000
    people"): a figure inside it describes what is named (a town's size), not the clause's
    event."""
    return noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.pos_ == "PROPN"


_CHARGES = ("with", "for", "over", "after", "before", "following", "despite")
"""Prepositions whose object is a charge, a cause or an earlier act ("charged with the murder
of 3 people", "after the torching of 20 buildings")."""


def _counts_the_charge(noun: Any) -> bool:
    """Whether a counted noun is what an act named in a charge or a cause was done to ("charged
    with the manslaughter of 18 tourists"): the figure counts its victims, not those the verb
    charges, arrests or tries."""
    of = noun.head
    act = of.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and act.pos_ == "NOUN" and \
        act.dep_ == "pobj" and act.head.lower_ in _CHARGES


def _paid_for_event(verb: Any, triggers: dict[int, str | None]) -> str | None:
    """The event a sum is paid for: "paid $560 million for an agreement", "spent $2 billion on
    the acquisition" (the sum is its price)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "on"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if triggers.get(obj.idx) is not None:
                    return triggers[obj.idx]
    return None


def _subject_event(verb: Any, triggers: dict[int, str | None]) -> str | None:
    """The event a clause's subject names, for a figure the clause gives it ("the death toll
    rose to 43"); the cause when the subject names one ("the toll from the earthquake"); the
    event of those it counts ("the number of Chileans who defected was 196")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "of", "in"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if triggers.get(obj.idx) is not None:
                    return triggers[obj.idx]
                for clause in (c for c in obj.children if c.dep_ in ("relcl", "acl")):
                    if triggers.get(clause.idx) is not None:
                        return triggers[clause.idx]  # "the number of people who fled was 196"
    return triggers.get(subject.idx)
