"""Whether a trigger tells an event as having happened, not as a condition, a wish, a plan or a guess."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any, Literal

Told = Literal["wished", "planned"]
"""How an event not (yet) done is told: wanted, possible or guessed; or planned."""

_IF = ("if", "unless")
"""Words that open a condition ("if the talks fail", "unless invited")."""
_CONDITIONS = (*_IF, "whether")
"""Words that open a clause that asserts nothing: a condition ("if the woman is killed"), or a
question ("it is not known whether anyone was arrested")."""
_HYPOTHETICAL = ("would", "could", "might", "may", "should", "must")
"""Modals by which the event a verb's object names is only possible or wanted: "she would open
talks", "they could hold a referendum"."""
_NOT_DONE = ("would", "should", "must")
"""Modals by which the event a verb names is only wanted or conditional: "he should step down",
"the deal must be ratified"; not "may", "might", "could", which as often tell of an event that
happened with a doubt about how ("the fire may have been lit", "he could have been killed in
the raid")."""
_FUTURE = ("will", "'ll", "shall")
"""Auxiliaries by which the event a verb's object names is only to come: "it will be his
second visit", "they will hold talks"; a plan, which counts only for the events a body decides
and announces ("will impose a tariff"). A verb trigger under "will" is an announcement kept as
told ("she will step down in March")."""
_HEDGES = ("maybe", "perhaps", "possibly", "probably")
"""Adverbs by which the writer only guesses that an event happened: "he is probably dead"."""
_HABITS = ("daily", "nightly", "weekly", "regularly", "routinely", "frequently", "often", "usually",
           "constantly")
"""Adverbs by which a verb tells what happens again and again, no one occasion: "the city has
been shelled almost daily for weeks" (the day's shelling, told on its own, is the event)."""
_PERIODS = ("year", "month", "week", "day", "night", "summer", "winter")
"""Units of time by which "each", "every" or "a" tell a rate: "die each year", "are killed
every week", "arrive a day"."""
_EACH = ("each", "every", "a", "per")


def _every_so_often(verb: Any) -> bool:
    """Whether a verb in the simple present tells what happens at a rate, no one occasion (rule
    event-habit-of-a-period): "about 900 people die of melanoma each year", "some 40 boats
    arrive every summer", "thousands are killed on the roads every year"; not "died last
    year", "30 people died each day of the siege" (a past told in sum)."""
    tensed = verb if verb.tag_ in ("VBP", "VBZ") else next(
        (c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ")), None)
    if tensed is None or (tensed is not verb and verb.tag_ not in ("VBN", "VBG")):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in ("annually", "yearly") for c in verb.children):
        return True
    return any(c.dep_ in ("npadvmod", "advmod", "dobj") and c.lemma_.lower() in _PERIODS
               and any(d.dep_ == "det" and d.lower_ in _EACH for d in c.children)
               for c in verb.children)


_INFINITIVE_CLAUSES = ("xcomp", "acl", "advcl", "relcl", "ccomp", "oprd")


def conditional(token: Any) -> bool:
    """Whether a word stands in a condition, which reports nothing as having happened: "he
    will weep if the woman is killed"."""
    while True:
        if token.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in token.children):
            return True
        if token.dep_ in ("advcl", "ccomp", "ROOT", "relcl") or token.head.i == token.i:
            return False
        token = token.head


def asked_whether(token: Any) -> bool:
    """Whether a verb stands in a clause of "whether", or in one within it, which asks and tells
    nothing as having happened (rule ``event-asked-whether``): "asked whether he had met the
    minister", "questions about whether he had touched someone who died", "police are checking
    whether the man was killed"; a noun there is presupposed and stays ("asked whether the
    attack had changed his plans": the attack happened)."""
    if token.pos_ != "VERB":
        return False
    while token.head.i != token.i:
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in token.children):
            return True
        token = token.head
    return any(c.dep_ == "mark" and c.lower_ == "whether" for c in token.children)


_CLAUSAL_SUBJECTS = ("csubj", "csubjpass")
"""Dependency labels of a clause that is its verb's subject: "Prosecuting a nurse is harsh"."""


def judged_in_general(token: Any) -> bool:
    """Whether a verb names a deed only as the thing a judgement is about, no occasion of it
    (rule ``event-deed-under-a-judgement``): a gerund or an infinitive that is a clause's subject
    ("Prosecuting a nurse for a slip is harsh", "To arrest a child is absurd", "killing
    civilians is a war crime"), or the infinitive of "it is ..." ("it is unusual to prosecute a
    doctor", "it is a great honour to be elected"): what is weighed, not what happened. Not an
    infinitive of a person's own state ("she was proud to be elected": she was), nor a finite
    clause under "it" ("it is clear that the minister was arrested", "it was the first time he
    had been elected")."""
    if token.pos_ != "VERB":
        return False
    if token.dep_ in _CLAUSAL_SUBJECTS and (
            token.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)):
        return _in_general(token.head)  # not "Arresting Ben Okafor triggered a strike": it did
    if token.dep_ not in ("xcomp", "relcl", "acl", "ccomp") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    head = token.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "it is a privilege and a heavy duty to be chosen"
    if head.dep_ in ("attr", "acomp") and head.pos_ in ("NOUN", "ADJ"):
        head = head.head  # "it is a great honour to be elected": the copula of "honour"
    return head.lemma_.lower() == "be" and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)


def _in_general(verb: Any) -> bool:
    """Whether a verb tells what holds in general, not what happened once: the simple present
    ("Prosecuting a nurse is harsh", "represents a harsh treatment") or a modal ("would be a
    mistake"); not the past or the perfect ("Arresting Ben Okafor triggered a strike", "sacking
    the coach has cost the club millions"), which tell of a deed done."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() == "have" for a in auxiliaries):
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP", "MD") for a in auxiliaries)


def dated_to_come(time: str | None, openers: AbstractSet[str]) -> bool:
    """Whether an event's time phrase lies after the telling, by the word that opens it
    (event-future-times.txt): "next Thursday", "tomorrow"; not "Thursday", "last week"."""
    words = (time or "").lower().split()
    return bool(words) and (words[0] in openers or (words[0] == "the" and len(words) > 1
                                                    and words[1] in openers))


def outcome_to_come(token: Any, outcomes: AbstractSet[str]) -> bool:
    """Whether an event noun is the outcome a verb of ``outcomes`` (event-outcomes.txt) leads
    to only in the future or as a possibility (rule ``outcome-still-to-come``): "it will lead
    to further arrests", "a government that will lead Afghanistan into elections", "any small
    act could snowball into conflict"; not "the dispute escalated into war" (it did), nor "will
    send troops to the war" (no verb of leading into)."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ not in ("to", "into") or preposition.dep_ != "prep":
        return False
    verb = preposition.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in outcomes and (future(verb) or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in _HYPOTHETICAL for c in verb.children))


def future(verb: Any) -> bool:
    """Whether a verb is told as still to come: "the committee will meet in four weeks"."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE for c in verb.children)


def unrealised(token: Any, intentions: AbstractSet[str], plans: AbstractSet[str],
               journeys: AbstractSet[str] = frozenset()) -> Told | None:
    """Whether a trigger, or the verb whose object it is, is told as only possible, wanted or
    planned: under a modal ("would meet", "should step down"), a guess ("probably dead"), a
    habit ("shelled almost daily"), or
    as the infinitive of a word of intention ("plans to buy", "is to be sworn in", "ready to
    meet", "calls for the minister to resign", "a bid to make a visit"), the words of
    ``intentions`` (event-intentions.txt): "wished"; or as the infinitive of a word of
    ``plans`` (event-plans.txt: "plans to attack", "intends to buy") or the object of a verb
    under "will" ("will hold talks"): "planned", which the
    events a body decides and announces are when told at all ("plans to cut 1,000 jobs"). An
    event that is the purpose of a verb of ``journeys`` is told as that verb is ("will go to
    Jakarta for a summit", "expects to travel to Seoul for talks")."""
    verb = _verb_of(token, journeys)
    if verb is None:
        carrier = _verb_of_its_phrase(token)
        return None if carrier is None or not _infinitive_or_gerund(carrier) else \
            _aim_of(carrier, intentions, plans)
    if _purpose(verb):
        return "wished"  # "sent his police to arrest a senior official": the aim, not the deed
    if _consequence(verb):
        return "wished"  # "if she had known, she would have sacked him herself"
    modals: tuple[str, ...] = _NOT_DONE if verb is token or token.pos_ == "ADJ" else _HYPOTHETICAL
    if verb is token and verb.dep_ == "ccomp":
        modals = tuple(m for m in modals if m != "would")  # "said it would cut 400 jobs": will
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in modals for c in verb.children):
        return "wished"
    if verb is not token and future(verb):
        return "planned"
    if any(c.dep_ == "advmod" and c.lower_ in _HEDGES for c in (*verb.children, *token.children)):
        return "wished"
    if verb is token and any(c.dep_ == "advmod" and c.lower_ in _HABITS for c in verb.children):
        return "wished"  # "shelled almost daily": a habit, not an occasion
    if verb is token and _every_so_often(verb):
        return "wished"  # "about 900 people die of melanoma each year": a rate, no occasion
    if not _infinitive_or_gerund(verb):
        return None
    return _aim_of(verb, intentions, plans)


def _infinitive_or_gerund(verb: Any) -> bool:
    """Whether a verb is a to-infinitive of a clause ("efforts to hold talks") or a gerund
    after a noun's preposition ("her offer of hosting a summit", "conditions for resuming
    negotiations"): the forms by which a word of intention names what is aimed at. Not a
    gerund on a verb's preposition, a circumstance of its clause ("the strike went on, with the
    drivers saying they would not return")."""
    return (verb.dep_ in _INFINITIVE_CLAUSES and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)) or (
        verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.dep_ == "prep"
        and verb.head.head.pos_ in ("NOUN", "PROPN"))


_GOALS = ("in", "into", "to")
"""Prepositions by which a verb's deed reaches an event as its goal ("take part in talks",
"bring the unions into talks", "bring them to the table"); not those of its time or
circumstance ("was due to be signed before the election", "during a cabinet meeting"), an
event that is there whatever the deed."""


def _verb_of_its_phrase(token: Any) -> Any | None:
    """The verb an event noun's preposition of goal hangs on: "sit in" of "to sit in on a
    budget meeting", "bring" of "to bring the two unions into wage talks"."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.dep_ != "prep" or preposition.lower_ not in _GOALS \
            or preposition.head.i == preposition.i:
        return None
    verb = preposition.head
    if verb.dep_ in ("advmod", "prt") and verb.head.i != verb.i:
        verb = verb.head  # "to bring Pyongyang back to the negotiations"
    return verb if verb.pos_ == "VERB" else None


def _aim_of(verb: Any, intentions: AbstractSet[str], plans: AbstractSet[str]) -> Told | None:
    """How the deed of an infinitive or a gerund is told by the word it hangs on (rule
    ``event-aim-of-an-intention``): "wished" under a word of ``intentions`` ("efforts to bring
    the two unions into wage talks", "was meant to sit in on a budget meeting", "her offer
    of hosting a summit"), "planned" under one of ``plans``; None under any other word ("flew to
    Accra to take part in the talks": they took place)."""
    head = verb.head
    for _ in range(3):  # "calls for Dr Roe to resign": the clause may hang on the noun's object
        if head.lemma_.lower() in intentions or head.lower_ in intentions:
            return "wished"
        if head.lemma_.lower() in plans:
            return "planned"
        if head.dep_ not in ("pobj", "prep", "dobj") or head.head.i == head.i:
            return None
        head = head.head
    return None


_CONSEQUENCE_MODALS = ("would", "could", "might")
"""Modals by which the main clause of a condition tells only what follows from it."""


def _consequence(verb: Any) -> bool:
    """Whether a verb is the consequence a condition of its own clause leads to (rule
    ``event-consequence-of-a-condition``), told under "would", "could" or "might": "if he had
    known, she would have sacked him herself", "the union could strike if talks fail", "had
    the ship sunk, hundreds would have died"; not a deed told as done beside a condition ("he
    resigned, even if reluctantly") nor a plan a body announces without one ("said it would cut
    400 jobs")."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _CONSEQUENCE_MODALS
               for c in verb.children) and any(
        c.dep_ == "advcl" and _condition(c) for c in verb.children)


def _condition(clause: Any) -> bool:
    """Whether a clause is a condition: opened by "if" or "unless" (not "even if"), or by an
    inverted "had" ("had the ship sunk")."""
    first = next(iter(clause.lefts), None)
    if first is not None and first.lower_ == "had" and first.dep_ == "aux":
        return True
    return any(m.dep_ == "mark" and m.lower_ in _IF
               and not (m.i > 0 and m.doc[m.i - 1].lower_ == "even") for m in clause.children)


def _purpose(verb: Any) -> bool:
    """Whether an infinitive is the purpose of another verb done to something ("sent his
    police to arrest a senior official", "to pile pressure on Arafat to arrest and sentence
    extremists"), what the doer aims at, not what the text says came of it; not an infinitive
    of result ("only to be killed"), a verb's complement ("agreed to buy") or the aim of a deed
    that is the event ("thousands marched to protest"). A verb joined to an infinitive with no
    subject of its own is told as it is ("to arrest and sentence")."""
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.i != verb.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and not any(c.lower_ == "only" for c in verb.children) \
        and any(c.dep_ == "dobj" for c in verb.head.children)


def _verb_of(token: Any, journeys: AbstractSet[str]) -> Any | None:
    """The trigger itself when it is a verb, the verb of an adjective ("may be dead"), of an
    object ("would open talks", "to make his annual visit") or of a journey's purpose ("will fly
    to Paris for talks")."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    purpose = token.head
    if token.dep_ == "pobj" and purpose.lower_ == "for" and purpose.head.pos_ == "VERB" and \
            purpose.head.lemma_.lower() in journeys:
        return purpose.head
    if token.pos_ == "ADJ":  # "he may be dead"
        return token.head if token.head.pos_ in ("VERB", "AUX") else None
    if token.dep_ not in ("dobj", "attr", "oprd"):
        return None  # "could have died in the crash", "the deal must be ratified": they happened
    return token.head if token.head.pos_ in ("VERB", "AUX") else None
