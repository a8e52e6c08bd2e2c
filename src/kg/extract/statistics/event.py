"""The event a figure measures: a toll, a price, a vote share, the size of a crowd."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from kg.extract.events import REPORTING
from kg.extract.statistics.syntax import (
    clause_verb,
    counted_noun,
    counts_the_charge,
    is_size,
    number_root,
    subject_of,
)
from kg.extract.statistics.written import TOLL_EVENTS, figure_words, percent_tokens, toll_words
from kg.lexicon import lexicon
from kg.model import Event

SAYING = REPORTING | {"PressConference"}


def event_measured_by_words(span: Any, sentence: int, events: list[Event]) -> str | None:
    """The event a figure measures by what its clause counts (``event measures`` of
    numbers.yaml): "29 seats", "31.8 percent of the vote" → the story's election; "killing at
    least 17 people", "261 people injured" → the attack, disaster or war of the sentence, or of
    one just before it. The one in the figure's own sentence first, then the latest before."""
    number = number_root(span)
    if is_size(number):
        return None  # "a 90-seat assembly", "a 12-member panel": a size, not a result
    root = number.head if number.dep_ in ("nummod", "quantmod") else number
    verb = clause_verb(root)
    words = {t.lemma_.lower() for t in root.subtree} | {t.lower_ for t in root.subtree}
    if root.dep_ == "npadvmod" and root.head.pos_ == "ADJ":
        words.add(root.head.lemma_.lower())  # "projects worth 800 million euros"
    whole = root
    while whole.dep_ == "conj" and whole.head.i != whole.i:
        whole = whole.head  # "18 tourists and three guides"
    if whole.dep_ == "pobj" and whole.head.lower_ == "of" and whole.head.head.pos_ == "NOUN":
        words.add(whole.head.head.lemma_.lower())  # "the deaths of 14 Australians", "the
        # manslaughter of 18 tourists": the noun the counted people are "of" says what it counts
    if verb is not None:
        words |= {verb.lemma_.lower(), verb.lower_}
        subject = subject_of(verb)
        complement = root.head.i == verb.i or root.head.dep_ == "prep" and root.head.head.i == verb.i
        if subject is not None and complement:  # "the death toll rose to 43"
            words |= {t.lemma_.lower() for t in subject.subtree}
        if root.head.lower_ == "to" and root.head.head.i == verb.i:  # "brought the toll to 40"
            words |= {t.lemma_.lower() for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
        if root.dep_ == "dobj" and root.head.i == verb.i:  # "left 80 civilians dead"
            words |= {c.lemma_.lower() for c in verb.children if c.dep_ == "oprd"}
        if linking_verb(span) is not None:  # "40 people are dead", "12 remain missing"
            words |= {c.lemma_.lower() for c in verb.children if c.dep_ == "acomp"}
    measures = [m for m in figure_words().event_measures if words & m.lemmas]
    for measure in measures:
        found = _latest(measure.events, measure.reach, span, sentence, events)
        if found is not None:
            return found
    # "More than 100 fires are burning", "13 murders": a count of what an attack, disaster or
    # war is made of measures the one just told, or, when none is told before, the one the
    # story goes on to tell
    types = _event_nouns().get(root.lemma_.lower(), ())
    if types:
        found = _latest(types, _NOUN_REACH, span, sentence, events) or \
            _next(types, _NOUN_REACH, sentence, events)
        if found is not None:
            return found
    # "58 percent of those who arrived", "Sea arrivals reached 24,600" far from the story's one
    # landing: the migration the story tells; "12 of the injured were in critical condition"
    # far from the quake the story tells (but "seven were injured when police clashed with
    # protesters" is the clash's, found or not)
    if verb is not None and _tells_its_cause(verb):
        return None
    for measure in measures:
        if measure.story and (found := _the_story_event(measure.events, sentence, events)) is not None:
            return found
    return None


_LINKING = ("be", "remain")
"""Verbs that tie those a toll counts to their state ("are dead", "remain missing")."""


def linking_verb(span: Any) -> Any | None:
    """The linking verb whose subject a figure counts and whose adjective is a toll's word, as a
    toll is told without a verb of harm ("At least 40 people are dead after floods in X",
    "Twelve miners remain missing"; the toll lemmas of ``event measures`` in numbers.yaml);
    None for any other figure ("200 workers remain idle")."""
    root = counted_noun(number_root(span))
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_.lower() not in _LINKING:
        return None
    return verb if any(c.dep_ == "acomp" and c.lemma_.lower() in toll_words()
                       for c in verb.children) else None


def after_words() -> tuple[str, ...]:
    """Words that tie a toll to what came before it ("dead after floods", "following a quake";
    ``after words`` of numbers.yaml)."""
    return figure_words().after_words


def tells_a_cause(verb: Any) -> bool:
    """Whether a clause says after what its toll came: "after a stampede", "following the
    blast", "amid riots", "after a bus plunged into a river" (the cause named, kg's event for it
    or not)."""
    marks = figure_words().cause_marks
    return any(c.dep_ == "prep" and c.lower_ in after_words() and any(o.dep_ == "pobj" and o.pos_ == "NOUN"
                                                              for o in c.children)
               or c.dep_ == "advcl" and any(m.dep_ in ("advmod", "mark") and m.lower_ in marks
                                            for m in c.children)
               for c in verb.children)


def what_the_event_did(span: Any, sentence: int, events: list[Event],
                       triggers: Mapping[int, str | None]) -> str | None:
    """The attack, disaster or war a figure counts what it did to, as the clause tells it with
    the event for its doer: the object of a clause whose subject is the event ("The storm left
    2,000 homes without power", "A storm hit Scotland, leaving 2,000 homes without power") or
    the agent of a passive one ("2,000 homes were left without power by the storm"). The
    event's word is its trigger, or "the storm" after the storm was told (up to a few sentences
    before); None for any other doer."""
    number = number_root(span)
    if is_size(number):
        return None
    root = number.head if number.dep_ in ("nummod", "quantmod") else number
    verb = root.head
    if verb.pos_ != "VERB":
        return None
    if root.dep_ == "dobj":
        doer = subject_of(verb)
    elif root.dep_ == "nsubjpass":
        doer = next((o for a in verb.children if a.dep_ == "agent"
                     for o in a.children if o.dep_ == "pobj"), None)
    else:
        return None
    if doer is None or doer.pos_ != "NOUN" or any(
            c.dep_ in ("xcomp", "ccomp") and triggers.get(c.idx) is not None for c in verb.children):
        return None  # "the attack forced 300 families to flee": those who fled
    types = {e.key: e.type for e in events}
    key = triggers.get(doer.idx)
    if key is not None:
        return key if types.get(key) in TOLL_EVENTS else None
    kinds = _event_nouns().get(doer.lemma_.lower()) or _event_nouns().get(doer.lower_)
    if not kinds or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                            for c in doer.children):
        return None  # "a storm" not told before is no event kg found
    return _latest(kinds, _NOUN_REACH, span, sentence, events)


def _tells_its_cause(verb: Any) -> bool:
    """Whether a figure's clause says what brought it about: a "when", "as" or "after" clause
    ("were injured when police clashed with protesters"), an agent ("killed by a bomb") or an
    act of the event lexicon or a toll cause "during", "amid" or "after" which it came ("wounded
    during the riot"; not "during his rule"). What it counts is then that cause's, not whatever
    event of its kind the story tells elsewhere."""
    marks, prepositions = figure_words().cause_marks, figure_words().cause_prepositions
    for child in verb.children:
        if child.dep_ == "advcl" and any(m.dep_ in ("advmod", "mark") and m.lower_ in marks
                                         for m in child.children):
            return True
        if child.dep_ == "agent":
            return True
        if child.dep_ == "prep" and child.lower_ in prepositions and any(
                c.dep_ == "pobj" and c.lemma_.lower() in _acts() for c in child.children):
            return True
    return False


@cache
def _acts() -> frozenset[str]:
    """The one-word nouns of the event lexicon and the toll causes: what a toll may come of."""
    triggers = lexicon().events.triggers
    nouns = {noun for entry in triggers.values() for noun in entry.get("nouns", []) if " " not in noun}
    return frozenset(nouns) | toll_causes(triggers)


def place_of_the_whole(span: Any, key: str, events: list[Event]) -> str | None:
    """Where the event a figure measures was, when the figure counts all of it (``whole`` of
    the event measures of numbers.yaml): "Turnout reached 61.2 percent" after "Slovenia's
    election" is Slovenia's; None for any other figure ("Civic Renewal won 29 seats")."""
    event = next((e for e in events if e.key == key), None)
    if event is None:
        return None
    wholes = {w for m in figure_words().event_measures if event.type in m.events for w in m.whole}
    if not wholes:
        return None
    number = number_root(span)
    root = number.head if number.dep_ in ("nummod", "quantmod") else number
    words = {t.lemma_.lower() for t in root.subtree}
    verb = clause_verb(root)
    subject = subject_of(verb) if verb is not None else None
    if subject is not None and root not in subject.subtree:
        words |= {t.lemma_.lower() for t in subject.subtree}  # "turnout reached 61 percent"
    if not words & wholes:
        return None
    return next((ref for role, ref in event.roles if role == "location"), None)


def _the_story_event(types: Iterable[str], sentence: int, events: list[Event]) -> str | None:
    """The event of some types a story tells, wherever it tells it, when all it tells of them
    are of one type (one occasion is often told at several words: "the fires ... the blaze"):
    the latest told before a figure's sentence, else the first after; None when the story
    tells events of several of the types, or none."""
    told = [e for e in events if e.type in types and not e.negated]
    if len({e.type for e in told}) != 1:
        return None
    before = [e for e in told if e.evidence.sentence <= sentence]
    if before:
        return max(before, key=lambda e: (e.evidence.sentence, e.evidence.start)).key
    return min(told, key=lambda e: (e.evidence.sentence, e.evidence.start)).key


def _latest(types: Iterable[str], reach: int, span: Any, sentence: int,
            events: list[Event]) -> str | None:
    """The event of one of some types told in a figure's sentence, or the latest one told up to
    ``reach`` sentences before it."""
    candidates = [e for e in events if e.type in types and not e.negated
                  and 0 <= sentence - e.evidence.sentence <= reach]
    if not candidates:
        return None
    return min(candidates, key=lambda e: (sentence - e.evidence.sentence,
                                          abs(e.evidence.start - span.start_char))).key


def _next(types: Iterable[str], reach: int, sentence: int, events: list[Event]) -> str | None:
    """The first event of one of some types told up to ``reach`` sentences after a figure's."""
    later = [e for e in events if e.type in types and not e.negated
             and 0 < e.evidence.sentence - sentence <= reach]
    return min(later, key=lambda e: (e.evidence.sentence, e.evidence.start)).key if later else None


def measured_event(ent: Any, triggers: dict[int, str | None]) -> str | None:
    """The event a figure measures: the one whose trigger governs it within its clause ("killed
    17 people", "bought Acme for $2 billion", "a death toll of 40")."""
    token = number_root(ent)
    for _ in range(8):
        if token.idx in triggers and triggers[token.idx] is not None:
            return triggers[token.idx]
        # "196 people who defected", "300 migrants held on Manus", "found 10 men guilty": the
        # figure counts the event's participants, and the event's verb or adjective qualifies
        # the counted noun.
        for child in token.children:
            if child.dep_ in ("relcl", "acl", "amod") and triggers.get(child.idx) is not None:
                return triggers[child.idx]
        if token.pos_ in ("VERB", "AUX"):
            return _paid_for_event(token, triggers) or _subject_event(token, triggers)
        if token.head.i == token.i or counts_the_charge(token) or _describes_a_name(token):
            return None
        token = token.head
    return None


def a_share_of_goods(span: Any, key: str | None, events: list[Event]) -> bool:
    """Whether a percentage an acquisition's verb governs is a share of goods bought ("Indonesia
    bought 38 percent of all the cattle Australia exported"), not of a company, its shares or a
    stake ("bought 20 percent of Acme", "30 percent of the shares"): a trade, no price or
    size of the acquisition, which the figure then does not measure."""
    if key is None or next((e.type for e in events if e.key == key), None) != "Acquisition":
        return False
    number = number_root(span)
    if number.lower_ not in percent_tokens():
        return False
    goods = [obj for prep in number.children if prep.dep_ == "prep" and prep.lower_ == "of"
             for obj in prep.children if obj.dep_ == "pobj"]
    return any(obj.pos_ == "NOUN" and obj.lemma_.lower() not in figure_words().holdings
               for obj in goods)


def _describes_a_name(noun: Any) -> bool:
    """Whether a noun is in apposition to a name ("the quake hit Chala, a fishing town of 15,000
    people"): a figure inside it describes what is named (a town's size), not the clause's
    event."""
    return noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.pos_ == "PROPN"


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


def _toll_nouns(event_lexicon: Mapping[str, Mapping[str, Any]]) -> dict[str, tuple[str, ...]]:
    """The one-word nouns of an attack, disaster or war in an event lexicon, each with the
    types it names ("fire": Disaster)."""
    nouns: dict[str, tuple[str, ...]] = {}
    for type_ in TOLL_EVENTS:
        for noun in event_lexicon.get(type_, {}).get("nouns", []):
            if " " not in noun:
                nouns[noun] = (*nouns.get(noun, ()), type_)
    return nouns


@cache
def _event_nouns() -> dict[str, tuple[str, ...]]:
    """The toll nouns of the project's event lexicon (see :func:`_toll_nouns`)."""
    return _toll_nouns(lexicon().events.triggers)


_NOUN_REACH = 4
"""How many sentences before a figure the event whose parts it counts may be told."""


def toll_causes(event_lexicon: Mapping[str, Mapping[str, Any]]) -> frozenset[str]:
    """The nouns that name what deaths were caused by, whose toll they are: the one-word nouns of
    an attack, disaster or war, the killers of a death and the weapons of an attacker of the
    event lexicon ("a stray bomb", "the tragedy"), and the ``toll causes`` of numbers.yaml
    ("a coup", "the thunderstorm")."""
    words = set(_toll_nouns(event_lexicon))
    words |= set(event_lexicon.get("Death", {}).get("caused_by", []))
    words |= {weapon for entry in event_lexicon.values() for weapon in entry.get("weapons", [])}
    return frozenset(words | figure_words().toll_causes)


def named_cause(death: Any, causes: frozenset[str]) -> Any | None:
    """What the text says deaths were caused by, when it is an attack or a disaster: "killed by
    a stray bomb", "killed during an attempted coup", "five killed and 40 injured when a fire
    broke out", "the tragedy which killed 21", "a flood swamped them, killing 18", "the accident
    in which 14 died" (``death``: the trigger of a Death event). A toll measures that cause,
    not the deaths; None when the text names none ("died on the roads", "died from cancer")."""
    candidates: list[Any] = []
    causing = figure_words().causing_words  # "killed in fighting", "died when a fire broke out"
    conjoined = [c for c in death.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for child in (c for verb in (death, *conjoined) for c in verb.children):
        if child.dep_ == "agent" or child.dep_ == "prep" and child.lower_ in causing:
            candidates += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "advcl" and any(m.dep_ in ("advmod", "mark") and m.lower_ in causing
                                           for m in child.children):
            candidates += [child, *(c for c in child.children if c.dep_ in _ARGUMENTS)]
        elif child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in _RELATIVES and \
                death.lemma_.lower() not in _LINKING:  # "15 soldiers are dead": the dead
            candidates.append(child)
    relative = death.dep_ == "relcl" and any(
        c.lower_ in _RELATIVES and (c.dep_ == "nsubj" or c.dep_ == "pobj" and c.head.head.i == death.i)
        for c in death.subtree)  # "the tragedy which killed", "the accident in which 14 died"
    if relative:
        candidates.append(death.head)
    if death.dep_ == "advcl" and death.tag_ == "VBG" and death.head.i < death.i:
        candidates += [c for c in death.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return next((c for c in candidates if c.lemma_.lower() in causes), None)


_ARGUMENTS = ("nsubj", "nsubjpass", "dobj")
_RELATIVES = ("which", "that")


def cause_event(cause: Any, triggers: dict[int, str | None]) -> str | None:
    """The event kg found at a cause's noun or verb, or at a compound of it ("flash flood")."""
    for token in (cause, *(c for c in cause.children if c.dep_ == "compound")):
        if triggers.get(token.idx) is not None:
            return triggers[token.idx]
    return None
