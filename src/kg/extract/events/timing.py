"""The date and the duration of an event, from the clause of its trigger."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kg.extract.context import Context
from kg.extract.dates import duration, resolve_time
from kg.extract.events.lexicon import Triggers, one_word_verbs
from kg.extract.events.roles import Builder, prep_objects
from kg.lexicon import lexicon
from kg.model import TimeValue

_ASPECTUAL = ("begin", "start", "open", "end", "close", "conclude", "finish", "resume")
"""Verbs of a relative clause that date the event noun they qualify: "talks, which resume today"."""
_DOING_ITS_DAMAGE = ("Disaster", "Attack")
"""Event types whose noun is the doer of what a relative clause on it tells, on the event's own
day: "a storm that struck the coast on Wednesday", "the blast, which hit the market on Friday"."""
_RELATIVE_PRONOUNS = ("that", "which")
_DURATION_RE = re.compile(r"\b(\d+|[a-z]+)[\s-](day|week|month|year|decade|hour)s?\b", re.I)
_TIME_SPAN_RE = re.compile(r"\b(ago|last|since|this)\b", re.I)
"""Words that make a span a time, not a length, also opening a sentence: a past span ("Last
week, 12 people died", "two years ago": rule event-time-past-span) or the span the article is
published in ("resigned this week", "signed earlier this year": rule event-time-this-span);
not a duration such as "a two-week trip"."""
_LATER_SPAN_RE = re.compile(r"\b(later|next|coming|rest|remainder)\b", re.I)
"""Words that put a span, or part of it, after the article's day ("later this year", "next
week", "the rest of this month"): no time an event the text tells happened, so such a span
dates nothing (as a length, it was never a date)."""
_CLAUSES = {"ccomp", "advcl", "relcl", "pcomp", "xcomp", "acl", "csubj", "conj", "parataxis"}
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
_TO_COME = ("will", "would", "'ll", "shall")
"""Auxiliaries by which a reported clause tells a measure still to come: "said it would cut 300
jobs", "will impose a tariff from Dec. 1, the ministry said on Friday"."""
_STARTS = ("from", "starting", "effective", "beginning")
"""Words before the date a measure still to come takes effect ("a tariff from Dec. 1"): that
date is not when the measure was decided."""
_SAYING = ("Statement", "Report", "Publication", "PressConference")
"""Event types whose verbs report what another clause tells."""


@cache
def _saying_verbs() -> frozenset[str]:
    """The single-word verbs of the lexicon's speech and report events ("say", "announce")."""
    return one_word_verbs(_SAYING)


def _governed_directly(top: Any) -> set[int]:
    """The tokens of a word's subtree (by index) that hang off it without crossing into another
    clause: the word itself, and each dependent down to a clause of its own (which is left out
    with all below it). One walk down the tree, where testing each token's way up to the word
    walked the same heads again for every token."""
    found = {top.i}
    below = [top]
    while below:
        for child in below.pop().children:
            if child.dep_ in _CLAUSES and child.pos_ in ("VERB", "AUX") and not _shares_clause(child):
                continue
            if child.dep_ == "oprd" and child.pos_ == "VERB":
                continue  # "named CEO of the company he co-founded 35 years ago": a clause
                # the parser took for the complement, whose dates are its own
            found.add(child.i)
            below.append(child)
    return found


def _shares_clause(verb: Any) -> bool:
    """Whether a verb joined to another has no subject of its own and so tells the same
    clause: "had died or gone missing since January" (both since January)."""
    return verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in _SUBJECTS for c in verb.children)


def _told_before_clause(verb: Any) -> list[Any]:
    """The prepositions and adverbs the parser hung on a reported clause though they stand
    before its subject and so belong to the verb that reports it: "said on Wednesday it had
    released", "announced on Friday that it would cut"."""
    if verb.dep_ != "ccomp" or verb.head.pos_ != "VERB" or verb.head.i > verb.i:
        return []
    opening = [c.i for c in verb.children if c.dep_ in (*_SUBJECTS, "mark")]
    if not opening:
        return []
    return [c for c in verb.children if c.dep_ in ("prep", "npadvmod")
            and verb.head.i < c.i < min(opening)]


def _its_own_doing(trigger: Any, type_: str) -> list[Any]:
    """The relative clauses on a storm's or an attack's noun whose subject is the relative
    pronoun, so that the noun itself does what they tell, then: "a winter storm that struck
    much of the east on Wednesday", "the quake, which hit the island on Friday" (rule
    event-time-relative-doing); not a clause with a subject of its own ("the blast that police
    described on Monday") nor a passive one ("the attack, which was condemned on Monday")."""
    if type_ not in _DOING_ITS_DAMAGE or trigger.pos_ != "NOUN":
        return []
    return [clause for clause in trigger.children
            if clause.dep_ == "relcl" and clause.pos_ == "VERB" and not _to_come(clause) and any(
                c.dep_ == "nsubj" and c.lower_ in _RELATIVE_PRONOUNS for c in clause.children)]


def _own_time(ctx: Context, trigger: Any, verb: Any | None, to_come: bool,
              dates: list[Any], type_: str = "") -> tuple[Any, str | None]:
    """The date entity the trigger's own clause gives, and a duration such as "two-day"; `verb`
    is the trigger's clause verb and `to_come` whether that clause tells it still to come."""
    near = _governed_directly(trigger)
    for clause in trigger.children:  # "the summit, which opens on Monday", "talks held on Monday"
        if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in _ASPECTUAL or (
                clause.dep_ == "acl" and clause.tag_ == "VBN" and trigger.pos_ == "NOUN"):
            near |= _governed_directly(clause)
    for clause in _its_own_doing(trigger, type_):
        near |= _governed_directly(clause)
    if trigger.ent_type_ == "EVENT" and trigger.dep_ == "pobj" and trigger.head.head.pos_ == "NOUN":
        frame = trigger.head.head  # "the end of the Korean War in 1953"
        near |= _governed_directly(frame)
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("pobj", "dobj", "nsubjpass",
                                                               "nsubj", "attr"):
        verb = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        near |= {c.i for c in verb.children if c.dep_ in ("prep", "npadvmod")}
        near |= {t.i for c in verb.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree
                 if not _anothers_date(t, c, trigger)}
    near |= _dated_antecedent(trigger) | _dated_subject(trigger) | _dated_release(trigger, type_)
    near |= _speaking_occasion(trigger, type_)
    near |= _dated_by_its_when(trigger, verb)
    for clause in trigger.children:  # "drowned when the boat capsized on Sunday"
        if clause.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "when"
                                          for c in clause.children):
            near |= _governed_directly(clause)
    direct = {trigger.i, *[c.i for c in trigger.children if c.dep_ == "prep"]}
    if trigger.dep_ in ("xcomp", "conj") and trigger.pos_ == "VERB":  # "agreed on Tuesday to buy"
        direct |= {trigger.head.i, *[c.i for c in trigger.head.children if c.dep_ == "prep"]}
    elif verb is not None and _joined_to_its_occasion(verb):
        # "on Tuesday shelling hit the market, killing 17", "the dispute began last month
        # when Canberra slapped duties"
        direct |= {verb.head.i, *[c.i for c in verb.head.children if c.dep_ == "prep"]}
        near |= {t.i for c in verb.head.children if c.dep_ == "npadvmod" for t in c.subtree}
    told_before = [p for clause in trigger.children if clause.dep_ == "ccomp"
                   for p in _told_before_clause(clause)]  # "said on Wednesday it had released"
    direct |= {p.i for p in told_before}
    near |= {t.i for p in told_before for t in p.subtree}
    elsewhere = {t.i for p in _told_before_clause(trigger) for t in p.subtree}  # the reporter's
    elsewhere |= _speakers_description(trigger, type_)
    candidates = []
    length = None
    sentence = ctx.sentence_of(trigger)
    for ent in dates:
        if ctx.sentence_of(ent[0]) != sentence or ent.root.i in elsewhere or _no_time(ent.text) \
                or _a_length(ent) or _a_count(ent, trigger):
            continue
        if _DURATION_RE.search(ent.text) and (
                not _TIME_SPAN_RE.search(ent.text) or _LATER_SPAN_RE.search(ent.text)):
            if ent.root.head.i == trigger.i:
                length = duration(ent.text)
            continue
        if to_come and ent.root.head.lower_ in _STARTS:
            continue  # "will impose a tariff from Dec. 1": when it takes effect
        if _compared_since(trigger, ent):
            continue  # "the worst attack in Kandahar since March": not in March
        if ent.root.i in near or ent.root.head.i in direct:
            # Best a date attached to the trigger itself ("landed on Monday", "agreed on
            # Tuesday to buy"), then one that resolves ("the highest daily total" does not).
            resolved = resolve_time(ent.text, ctx.article.published).value is not None
            kind = not resolved and ent.root.dep_ == "compound"  # "a winter storm": no day
            candidates.append((ent.root.head.i not in direct or kind, not resolved, -ent.start, ent))
    found = min(candidates, key=lambda c: c[:3])[3] if candidates else None
    return found, length


@cache
def _speaking_documents() -> frozenset[str]:
    """The nouns of documents and written words that speak and keep their own date: the
    lexicon's Report ``speaking_subjects`` and Statement ``written_words``."""
    triggers = lexicon().events.triggers
    return frozenset({*(triggers.get("Report", {}).get("speaking_subjects") or ()),
                      *(triggers.get("Statement", {}).get("written_words") or ())})


_DESCRIBING = ("nummod", "compound", "amod")
"""How a date before a speaker's noun describes the speaker: "the 2008 nominee"."""


def _speakers_description(trigger: Any, type_: str) -> set[int]:
    """The words that tell who speaks, not when (rule event-time-not-the-speakers-description):
    a date before the noun of the subject of a verb of saying ("Time's 2001 Person of the Year
    praised", "the 2008 Republican nominee said") or in an apposition on that subject set off
    by commas ("Ana Ruiz, a senator since 2004, said", "Tom Reyes, the 2019 champion, said").
    A document or written words that speak keep their date ("the 2019 report said", "a Monday
    press release from Acme said": the lexicon's Report ``speaking_subjects`` and Statement
    ``written_words``), and so does a clause after the apposition ("Tom Lee, the mayor, on
    Tuesday said")."""
    if trigger.pos_ != "VERB" or (type_ not in _SAYING and trigger.lemma_.lower() not in _saying_verbs()):
        return set()  # the verb of saying itself, or the one a measure still to come is told by
    doc = trigger.doc
    documents = _speaking_documents()
    found: set[int] = set()
    for subject in trigger.children:
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.pos_ not in ("NOUN", "PROPN") \
                or subject.lemma_.lower() in documents:
            continue
        for child in subject.children:
            words = list(child.subtree)
            if child.dep_ in _DESCRIBING and child.i < subject.i:
                found |= {t.i for t in words}
            elif child.dep_ == "appos" and words[0].i > 0 and doc[words[0].i - 1].text == "," \
                    and words[-1].i + 1 < len(doc) and doc[words[-1].i + 1].text == ",":
                found |= {t.i for t in words}
    return found


_FIRSTS = ("first", "last", "only")
"""Words that, like a superlative, compare an event noun with those before it: "the first
attack since March"."""


_LENGTH_WORDS = ("long",)
"""Adjectives a span before them makes a length: "a decade-long war" (a closed class of grammar
words, kept here)."""


def _a_length(ent: Any) -> bool:
    """Whether a span the model tags as a date measures how long something lasted, before an
    adjective of length (rule event-time-not-a-length): "a decade-long war", "a year-long
    drought", "a century long feud"; not "the war that lasted a decade ended in 1989"."""
    root = ent.root
    return ent[-1].lower_ in _LENGTH_WORDS or (root.dep_ in ("npadvmod", "nmod", "compound")
                                               and root.head.i > root.i
                                               and root.head.lower_ in _LENGTH_WORDS)


_SEQUENCE = ("until", "till", "before", "after", "following", "since")
"""Prepositions that set one event before or after another: the other's date is not its own."""


def _a_count(ent: Any, trigger: Any) -> bool:
    """Whether a span the model tags as a date opens with the number that counts the events of
    an event noun (rule event-time-not-a-count): "recorded 18 holiday deaths", "the 12 weekend
    crashes"; not a year ("the 1999 accident"), nor a day before its month ("the 11 September
    attacks", "the 7 July bombings": a date written day first)."""
    first = ent[0]
    following = first.nbor(1) if first.i + 1 < len(first.doc) else None
    if following is not None and following.lower_.rstrip(".") in lexicon().dates.months:
        return False
    return first.dep_ == "nummod" and first.head.i == trigger.i and first.like_num \
        and not (first.text.isdigit() and len(first.text) == 4)


def _anothers_date(word: Any, top: Any, trigger: Any) -> bool:
    """Whether a word below ``top`` (a preposition on the verb of an event noun) that sets
    another event before or after it is told of that other event's noun on the way up, whose
    date it then is, not the trigger's (rule event-time-anothers-noun): "the rebellion gave
    way to army rule, which lasted until the invasion of 2003" (2003 is the invasion's),
    "the war ended before the 1975 election"; not a date on a noun of no event ("the war
    ended with the fall of the capital in 1975"), nor an occasion told during it ("spoke at
    a conference on June 19 during the visit": the visit's day too)."""
    if top.lower_ not in _SEQUENCE:
        return False
    nouns = Triggers.of(lexicon().events.triggers).nouns
    while word.i != top.i and word.head.i != word.i:
        word = word.head
        if word.i != trigger.i and word.pos_ in ("NOUN", "PROPN") and word.lemma_.lower() in nouns:
            return True
    return False


def _compared_since(trigger: Any, ent: Any) -> bool:
    """Whether a date after "since" on an event noun is the start of the span it is compared
    over, not its date (rule event-time-compared-since): "the worst attack in Kandahar since
    March", "the biggest protest since 2011", "their first meeting since January"; the noun
    has a superlative or "first", "last", "only" before it."""
    since = ent.root.head
    on_the_verb = trigger.dep_ in ("dobj", "attr") and since.head.i == trigger.head.i \
        and since.i > trigger.i  # "held their first meeting since January", the parser's way
    if since.lower_ != "since" or trigger.pos_ not in ("NOUN", "PROPN") or not (
            since.head.i == trigger.i or on_the_verb):
        return False
    return any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in _FIRSTS)
               for c in trigger.children if c.i < trigger.i)


def _no_time(text: str) -> bool:
    """Whether a phrase the model tags as a date gives no time at all, only words of the
    lexicon's ``event-not-times.txt`` and small numbers: a frequency ("weekly"), a bare span
    ("hours before the invasion") or an age ("Omar Haddou, 47, was killed", "at age 58")."""
    words = text.lower().split()
    return bool(words) and all(w in lexicon().words("event-not-times.txt") or (
        w.isdigit() and len(w) <= 3) for w in words)


def _dated_by_its_when(trigger: Any, verb: Any | None) -> set[int]:
    """The date words of the clause a "when" clause hangs on, for an event told in the "when"
    clause, which happened then (rule event-time-when-clause): "last year the weekly drew angry
    letters when it published the referees' salaries", "he was hired in 1996 when the mayor took
    office", "the strike began on May 4 when the drivers left their buses", also a date the
    "when" clause qualifies ("in 1996, when the paper reported that ..."). Only the dates of
    that clause's verb itself, not of its subject ("the 2009 champion fell when ..."), and not
    when that verb reports words or tells of what is still to come ("police said on Monday the
    cyclist died when her bicycle skidded": the saying's day). Beside
    :func:`_joined_to_its_occasion`, which reads the verb's own prepositions only, this reads a
    copula's complement ("was the target of complaints in 2004 when"), a noun the parser took
    for the root, and the date a relative "when" qualifies."""
    clause = verb if verb is not None else trigger
    if clause.dep_ not in ("advcl", "relcl") or not any(
            c.dep_ == "advmod" and c.lower_ == "when" and c.i < clause.i for c in clause.children):
        return set()
    head = clause.head
    if clause.dep_ == "relcl":  # "in 1996 when the paper reported": the date it qualifies
        return {head.i} if head.ent_type_ == "DATE" else set()
    if (head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT") or \
            head.lemma_.lower() in _saying_verbs() or _to_come(head):
        return set()  # a noun as the root: the parser's verb ("drew angry letters when")
    heads = [head, *[c for c in head.children if c.dep_ == "attr"]]  # "was the target ... in 2004"
    inside = range(clause.left_edge.i, clause.right_edge.i + 1)
    return {t.i for h in heads for c in h.children if c.dep_ in ("prep", "npadvmod")
            for t in c.subtree if t.i not in inside}


_OCCASION_DATES = ("nummod", "compound", "amod", "npadvmod", "poss")
"""How a date modifies the noun of an occasion: "the 1999 accident", "Tuesday's blast"."""


def _dated_antecedent(trigger: Any) -> set[int]:
    """The date words of the occasion noun a relative clause qualifies, for an event verb
    in that clause: "the 1999 accident, in which 14 people died", "the 1998 flood, which
    killed 12 people" (they died in 1999, in 1998)."""
    if trigger.pos_ != "VERB" or trigger.dep_ != "relcl" or trigger.head.pos_ not in ("NOUN", "PROPN"):
        return set()
    heads = [trigger.head]
    site = trigger.head  # "Sunday's shooting at a nightclub in Orlando, which killed 49": the
    while len(heads) < 3 and site.dep_ == "pobj" and site.head.dep_ == "prep" and \
            site.head.head.pos_ in ("NOUN", "PROPN"):  # shooting's day (rule
        site = site.head.head  # event-time-occasion-of-the-site)
        heads.append(site)
    return {c.i for head in heads for c in head.children
            if c.dep_ in _OCCASION_DATES and c.i < head.i}


def _dated_release(trigger: Any, type_: str) -> set[int]:
    """The date words of the participle that tells the document a saying verb reports was made
    public, the subject of that verb or the one it speaks "in" (rule
    event-time-document-released): "a survey released late last week found", "documents
    published on Monday show", "in a statement issued on Friday, the ministry said" (it spoke
    then); only a verb of ``event-release-verbs.txt`` ("a survey conducted in March shows"
    was done in March, not told then), and only the participle's own words, not those of a
    clause below it (``_governed_directly``)."""
    if type_ not in _SAYING or trigger.pos_ != "VERB":
        return set()
    documents = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    documents += [o for c in trigger.children if c.dep_ == "prep" and c.lower_ == "in"
                  for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    released = [clause for document in documents for clause in document.children
                if clause.dep_ == "acl" and clause.tag_ == "VBN"
                and clause.lemma_.lower() in lexicon().words("event-release-verbs.txt")]
    return {i for clause in released for i in _governed_directly(clause)}


@cache
def _speaking_participles() -> frozenset[str]:
    """Verbs of a participle that tells the occasion a speaker spoke at: "speaking at a forum"
    (the lexicon's Statement ``occasion_participles``), read from the lexicon once, when first
    asked, not when the module is imported."""
    return frozenset(lexicon().events.triggers.get("Statement", {}).get("occasion_participles") or ())


_OCCASION_PREPOSITIONS = ("in", "on", "at", "during")
"""Prepositions by which the noun of such an occasion is dated: "at a review in August"."""


def _speaking_occasion(trigger: Any, type_: str) -> set[int]:
    """The date words of the participle of speaking that tells when and where a speaker said
    what a verb of saying reports, opening the sentence or on its subject (rule
    event-time-speaking-occasion): "Speaking at a law review in August, Lee praised ...",
    "Ana Ruiz, speaking to reporters on Monday, said", "X, speaking after the minister's
    speech Monday evening, said". Only a date on the participle itself or one that dates the
    occasion noun it is at, not a date that qualifies what was spoken about ("speaking about
    the 2003 invasion", "speaking on the anniversary of the 2001 attacks")."""
    if type_ not in _SAYING or trigger.pos_ != "VERB":
        return set()
    participles = [c for c in trigger.children if c.dep_ == "advcl"]
    participles += [c for subject in trigger.children if subject.dep_ == "nsubj"
                    for c in subject.children if c.dep_ == "acl"]
    found: set[int] = set()
    for participle in participles:
        if participle.tag_ != "VBG" or participle.lemma_.lower() not in _speaking_participles():
            continue
        for child in participle.children:
            if child.dep_ == "npadvmod":  # "speaking Monday"
                found |= {t.i for t in child.subtree}
            if child.dep_ != "prep":
                continue
            for occasion in prep_objects(child):
                found.add(occasion.i)  # "speaking on Monday"
                for word in occasion.children:  # "at a review in August", "after the speech
                    if word.dep_ == "npadvmod":  # Monday evening"
                        found |= {t.i for t in word.subtree}
                    elif word.dep_ == "prep" and word.lower_ in _OCCASION_PREPOSITIONS:
                        found |= {o.i for o in prep_objects(word)}
    return found


_LEAVING_IN_A_STATE = ("oprd", "ccomp", "xcomp", "acomp")
"""How the adjective of a state people are left in hangs on "leave": "left 26 people dead"."""


def _dated_subject(trigger: Any) -> set[int]:
    """The date words of the subject a verb of result has, for a predicate event it leaves
    people in, or the verb's own (rule event-time-subject-of-the-result): "the shooting in
    2012 left 26 people dead", "Tuesday's raid left eight civilians dead", "a raid on Monday
    left eight dead" (they died in 2012, on Tuesday, on Monday); not the date of another clause
    inside the subject."""
    verb = trigger.head
    if trigger.pos_ != "ADJ" or trigger.dep_ not in _LEAVING_IN_A_STATE or verb.pos_ != "VERB" \
            or verb.lemma_.lower() != "leave":
        return set()  # "found the man dead on Monday": when he was found, not when he died
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    if not subjects:
        return set()
    dated = [c for c in verb.children if c.dep_ in ("prep", "npadvmod")]  # "left ... on Monday"
    return {i for head in (*subjects, *dated) for i in _governed_directly(head)}


def _joined_to_its_occasion(verb: Any) -> bool:
    """Whether a verb tells what came of the clause it hangs on, on that clause's occasion:
    "shelling hit the market, killing 17 people", "a dispute began when Canberra slapped
    duties"."""
    if verb.dep_ != "advcl" or verb.pos_ != "VERB" or verb.head.pos_ not in ("VERB", "AUX") or \
            _to_come(verb.head):
        return False  # "will close the plant in May when workers go on strike": no date yet
    return verb.tag_ == "VBG" and verb.i > verb.head.i and not any(
        c.dep_ in ("mark", "advmod") for c in verb.children if c.i < verb.i) or any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children)


def _clause_verb(trigger: Any) -> Any | None:
    """The verb of the clause an event is told in: the trigger itself or the verb whose
    object or subject it is ("it would impose a tariff")."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and trigger.head.pos_ in ("VERB", "AUX"):
        return trigger.head
    return None


def _to_come(verb: Any | None) -> bool:
    """Whether an event is told as still to come by its clause ("will impose", "would cut"),
    given the verb of that clause (`_clause_verb`)."""
    while verb is not None and verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "will start to cut"
    return verb is not None and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in _TO_COME for c in verb.children)


def _time_of_the_announcement(ctx: Context, verb: Any | None, to_come: bool,
                              dates: list[Any]) -> Any | None:
    """The date a measure still to come was announced, which is the measure's date: "Acme
    said on Tuesday it would cut 300 jobs", "Indonesia will impose a tariff from Dec. 1, the
    ministry said on Friday"; the reporting verb's own date, or that of the verb it is joined
    to ("agreed on Tuesday to buy Brightwater and said it would cut 300 jobs"); `verb` is the
    event's clause verb and `to_come` whether that clause tells it still to come."""
    if not to_come:
        return None
    while verb is not None and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "said it would start to cut", "said it would sell and cut"
    if verb is None or verb.dep_ not in ("ccomp", "parataxis"):
        return None
    saying = verb.head
    if saying.pos_ != "VERB" or saying.lemma_.lower() not in _saying_verbs():
        return None
    return _own_time(ctx, saying, saying, _to_come(saying), dates)[0]  # its own clause verb


def with_their_day_parts(dates: list[Any]) -> list[Any]:
    """The date entities of a text, a day and the part of it the parser took as a time of its
    own told as one: "on Monday morning", "Tuesday night's earthquake" (the parser's DATE
    "Monday" on its TIME "morning", which alone says no day). Other entities are kept as
    they are."""
    joined: list[Any] = []
    for ent in dates:
        day = joined[-1] if joined else None
        if day is not None and day.label_ == "DATE" and ent.label_ == "TIME" and day.end == ent.start \
                and day.root.head.i in range(ent.start, ent.end):
            joined[-1] = ent.doc[day.start:ent.end]
        else:
            joined.append(ent)
    return joined


_DONE_AUXILIARIES = ("have", "be", "do")
"""Auxiliaries whose past tense or perfect tells a clause as done: "had resigned", "was
arrested", "did not say"; a closed class of grammar words, kept here."""
_UP_TO_THE_VERB = 4
"""How many heads up from an event noun its clause's verb may stand: "the attacks of March 3
on the embassy were condemned" (attacks, were condemned)."""
_COMPLEMENTS = ("acomp", "oprd", "attr", "xcomp")
"""How the word that tells a date as set ahead hangs on its copula: "talks were due on"."""


def _set_ahead(word: Any) -> bool:
    """Whether a word tells a date as one an event is set for, still to come
    (event-set-ahead.txt): "due", "expected", "slated", "planned"."""
    return word.lower_ in lexicon().words("event-set-ahead.txt")


def _told_as_done(word: Any) -> bool:
    """Whether the clause of a word (a date's) tells what it dates as done, in the past tense
    or the perfect (rule event-time-told-as-done): "police arrested him on March 3", "the
    ministry has said", "after the March 3 attacks were condemned"; not a clause still to
    come ("will vote on March 3", "is due to open on June 2"), one in the present ("the
    summit opens on June 2"), nor a date set ahead ("talks were due on March 28", "the
    verdict was expected on May 2", "attacks planned on March 30": event-set-ahead.txt).
    A noun's clause is that of the verb it hangs on."""
    verb = word
    for _ in range(_UP_TO_THE_VERB):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        if _set_ahead(verb):
            return False  # "talks were due on March 28"
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if (_set_ahead(verb) and verb.tag_ == "VBN") or any(
            c.dep_ in _COMPLEMENTS and _set_ahead(c) for c in verb.children):
        return False  # "was expected on May 2", "attacks planned on", "was due on"
    while verb.tag_ != "VBD" and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in (
            "VERB", "AUX") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        verb = verb.head  # "agreed to buy", "was arrested and charged", "..., killing 17"
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _TO_COME or c.tag_ == "TO" for c in auxiliaries):
        return False  # "will vote", "is going to vote", "would have met"
    if verb.tag_ == "VBD":
        return True
    return any(c.lemma_.lower() in _DONE_AUXILIARIES and (c.tag_ == "VBD" or c.lemma_.lower() == "have")
               for c in auxiliaries)


def _never_scheduled(type_: str) -> bool:
    """Whether no one announces an event of a type ahead (events.yaml's `never_scheduled`:
    attacks, disasters)."""
    return bool((lexicon().events.triggers.get(type_) or {}).get("never_scheduled"))


def _part_of_the_noun(date: Any, trigger: Any) -> bool:
    """Whether a date is part of the event noun itself: "the Sept. 11 attacks", "Tuesday's
    blast", "the attacks of Sept. 11"; not a date that hangs on a verb ("would make landfall
    on March 20") nor one after "on" ("an attack on April 4", which may be to come)."""
    root = date.root
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    if root.head.i == trigger.i and root.i < trigger.i and root.dep_ in (*_OCCASION_DATES, "nmod"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i == trigger.i


def _verb_of_the_noun(trigger: Any) -> Any | None:
    """The verb an event noun is the object of, directly or by its preposition ("called a
    strike", "warned of an attack")."""
    verb = trigger.head
    if trigger.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif trigger.dep_ not in ("dobj", "nsubjpass"):
        return None
    return verb if verb.pos_ == "VERB" else None


def _foreseen(trigger: Any) -> bool:
    """Whether an event noun is told as planned, expected, foreseen or feared: modified by a
    word of event-set-ahead.txt ("the planned attack", "attacks planned on March 30") or the
    object of a verb of event-foreseeing-verbs.txt ("warned of an attack on April 4")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in ("amod", "acl") and _set_ahead(c) for c in trigger.children):
        return True
    verb = _verb_of_the_noun(trigger)
    return verb is not None and verb.lemma_.lower() in lexicon().words("event-foreseeing-verbs.txt")


def _set_by_its_verb(trigger: Any) -> bool:
    """Whether an event noun is the object of a verb that sets an event to come
    (event-setting-verbs.txt): "the president announced elections on Sept. 1", "the union
    called a strike on Sept. 1"; not "the leaders held talks on March 20"."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = _verb_of_the_noun(trigger)
    return verb is not None and verb.lemma_.lower() in lexicon().words("event-setting-verbs.txt")


def date_of(ctx: Context, builder: Builder, date: Any) -> TimeValue:
    """What the date entity of an event means, resolved against the article's published day:
    a month and day with no year in a clause told as done is on or before that day, the
    clause of the verb the date hangs on (see :func:`_told_as_done`): "Acme said on March 3
    it would cut 300 jobs" was said on the March 3 before the day it was published; so is
    one that is part of the noun of an event of a type never scheduled ("the Sept. 11
    attacks", events.yaml's `never_scheduled`), whatever the tense of its clause, unless that
    clause is still to come. Not a time set ("scheduled for Sept. 1": :func:`_a_time_set`),
    nor the date of an event noun planned, foreseen or feared (:func:`_foreseen`: "officials
    warned of an attack on April 4", "attacks planned on March 30"), nor, unless part of a
    noun never scheduled, that of a noun a verb sets (:func:`_set_by_its_verb`: "the
    president announced elections on Sept. 1"), which may be the noun's time to come."""
    trigger = builder.trigger
    if _a_time_set(date) or _foreseen(trigger):
        past = False
    elif _never_scheduled(builder.type) and _part_of_the_noun(date, trigger):
        past = not _to_come(_clause_verb(trigger))
    elif _set_by_its_verb(trigger):
        past = False
    else:
        past = _told_as_done(date.root)
    return resolve_time(date.text, ctx.article.published, past=past)


_WHEN_DONE = ("on", "in", "at", "during", "of")
"""Prepositions by which a date tells when something was done ("arrested on March 3", "the
attacks of Sept. 11"); others set a time it is moved to or lasts until. A closed class of
grammar words, kept here."""


def _a_time_set(date: Any) -> bool:
    """Whether a date is the time something was set for, moved to or put off until, which a
    verb in the past tense does not make past (rule event-time-told-as-done): "the vote was
    scheduled for Sept. 1", "the election was postponed until March 3", "the meeting was moved
    to June 2"."""
    root = date.root
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ not in _WHEN_DONE


def time_of(ctx: Context, builder: Builder, dates: list[Any]) -> tuple[Any, str | None]:
    """The date entity that belongs to this trigger, and a duration such as "two-day": the
    date its own clause gives, else, for a measure still to come, when it was announced."""
    dates = with_their_day_parts(dates)
    verb = _clause_verb(builder.trigger)
    to_come = _to_come(verb)
    found, length = _own_time(ctx, builder.trigger, verb, to_come, dates, builder.type)
    if found is None:
        found = _time_of_the_announcement(ctx, verb, to_come, dates)
    return found, length
