"""Where a figure sits in the parse: its number, the noun it counts, its clause's verb and subject."""

from __future__ import annotations

from typing import Any

from kg.extract.statistics.written import all_suffixes, currency_codes, figure_words, percent_tokens


def text_of(tokens: list[Any]) -> str:
    """Tokens as the text writes them ("Slovenia's", "centre-left"), with a space where words
    between them were left out."""
    text = ""
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        text += token.text + (token.whitespace_ if following is not None
                              and following.i == token.i + 1 else " ")
    return text.strip()


def subject_words(subject: Any) -> list[Any]:
    """A clause subject's words, without a dateline the parse hung on it ("LJUBLJANA, Sept 27 —
    The party won ..."), at most ten."""
    words = list(subject.subtree)
    breaks = [i for i, t in enumerate(words) if t.i < subject.i and t.text in ("—", "–", "--", ":")]
    if breaks:
        words = words[breaks[-1] + 1 :]
    return words[:10]


def number_root(span: Any) -> Any:
    """The token a figure hangs from: the span's root, unless that is a word before the number
    ("an estimated 800,000": the number, not "estimated")."""
    root = span.root
    if root.like_num or root.lower_ in all_suffixes() or root.lower_ in figure_words().scales \
            or root.lower_ in currency_codes() or root.lower_ in percent_tokens():
        return root
    numbers = [t for t in span if t.like_num]
    return numbers[-1] if numbers else root


def counted_noun(number: Any) -> Any:
    """The noun a figure's number counts: the one it modifies ("40 people"), or the one a
    verbless "N of them" clause names ("21 people, 14 of them Australians"); the number itself
    when it counts no noun ("rose to 40")."""
    if number.dep_ in ("nummod", "quantmod"):
        return number.head
    if number.dep_ == "nsubj" and number.head.pos_ in ("NOUN", "PROPN") and any(
            prep.dep_ == "prep" and prep.lower_ == "of" and any(
                c.dep_ == "pobj" and c.pos_ == "PRON" for c in prep.children)
            for prep in number.children):
        return number.head
    return number


def is_size(number: Any) -> bool:
    """Whether a number is joined by a hyphen to the noun or adjective after it ("a 90-seat
    assembly", "a 12-member panel", "a 3,000-strong force"): the size of what it describes."""
    return number.i + 1 < len(number.doc) and number.doc[number.i + 1].text == "-"


CLAUSE_ARGUMENTS = ("nsubj", "nsubjpass")


def clause_verb(token: Any) -> Any | None:
    """The verb of the clause a token is in (the token itself when it is one)."""
    seen = 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and seen < 12:
        token = token.head
        seen += 1
    return token if token.pos_ in ("VERB", "AUX") else None


def subject_of(verb: Any) -> Any | None:
    """A verb's subject, or the one it shares: "Acme shelved X and will raise $750 million"
    (a conjoined verb), "Acme plans to cut 1,000 jobs" (an open complement, also one of an
    adjective: "Acme is likely to cut 1,000 jobs"), "Acme closed, leaving 550 staff without
    work" (a participle after its clause); or the one the
    parse took for the object of the verb that reports it ("the ministry claims the damage bill
    has reached $2 million")."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in CLAUSE_ARGUMENTS]
        if subjects:
            return _past_descriptor(_past_dateline(subjects[0], verb, subjects[1:]), subjects)
        if verb.dep_ == "ccomp":
            return _reported_subject(verb)
        if _gerund_of_a_clause(verb):
            verb = verb.head.head
            continue
        if _participle_of_a_clause(verb):
            verb = verb.head
            continue
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
        if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
            verb = verb.head  # "Ohio is likely to lose two seats", "banks are able to cash up
            # to 1,000 pesos": the subject of the copula the adjective completes
    return None


def is_joint(subject: Any) -> bool:
    """Whether a clause's subject is one of several that share the figure: a list ("Iraq and
    Russia are close to signing a $40 billion plan"), a list the parse took for an apposition
    ("Perth, Darwin and Hobart have each recorded two deaths": "Darwin" hung on "Perth" with
    "Hobart" its conjunct; not a description in two parts: "Ohio, a swing state and a
    stronghold of the party"), or one of two subjects the parse gave the verb for a list with an
    "and" between them ("the embassy in Oslo and the mission in Rome will cut their staff by 50
    per cent"). A figure of the whole is not one part's."""
    if any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in subject.children):
        return True
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" and any(
            g.dep_ == "conj" and g.pos_ in ("NOUN", "PROPN") for g in c.children)
           for c in subject.children):
        return True  # but "Ohio, a swing state and a Republican stronghold, will lose two
        # seats": a description in two parts is still one subject's
    others = [c for c in subject.head.children if c.dep_ in CLAUSE_ARGUMENTS and c.i != subject.i]
    doc = subject.doc
    for other in others:
        low, high = sorted((subject.i, other.i))
        between = [doc[i] for i in range(low + 1, high)]
        if any(t.lower_ == "and" for t in between) and not any(t.text in _DASHES for t in between):
            return True
    return False


def _gerund_of_a_clause(verb: Any) -> bool:
    """Whether a verb is a gerund a preposition hangs on a clause's verb, whose subject it shares
    ("Varga was charged with stealing 5 million euros", "Acme fell after posting a loss")."""
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and \
        verb.head.head.pos_ in ("VERB", "AUX")


def _participle_of_a_clause(verb: Any) -> bool:
    """Whether a verb is a participle after a clause that tells what the clause left behind, and
    shares its subject ("Acme went into administration, leaving its 550 employees uncertain",
    "the bank cut rates again, taking the cash rate to 4.25 per cent"); not one a conjunction
    opens ("when", "after"), which has a subject of its own."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i and \
        verb.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("mark", "advmod") for c in verb.children
                                                      if c.i < verb.i)


_DASHES = ("—", "–", "--")


def _past_dateline(subject: Any, verb: Any, others: list[Any]) -> Any:
    """The subject a clause has after the dateline the parse took for it: in "OSLO, Oct 8 — Acme
    agreed ...", "Acme" (another subject of the verb after the dash, or the word after the dash
    that the parse hung on the dateline as an apposition or a conjunct), not "OSLO"."""
    sentence_start = subject.sent.start
    dash = next((t for t in subject.subtree if t.text in _DASHES and subject.i < t.i < verb.i), None)
    if dash is None or subject.left_edge.i != sentence_start:
        return subject
    after = [s for s in others if dash.i < s.i < verb.i]
    if after:
        return after[0]
    heads = [t for t in subject.subtree if dash.i < t.i < verb.i and t.head.i < dash.i]
    return heads[0] if heads else subject


def _past_descriptor(subject: Any, subjects: list[Any]) -> Any:
    """The name a clause's subject describes, when the parse split the description off as a
    subject of its own: in "The opposition Popular Front won 40 seats", "Front" (the name right
    after "the opposition", also a subject of the verb), not "opposition"."""
    if subject.pos_ != "NOUN":
        return subject
    return next((s for s in subjects if s.pos_ == "PROPN" and s.i > subject.i
                 and s.left_edge.i == subject.right_edge.i + 1), subject)


def _reported_subject(verb: Any) -> Any | None:
    """The subject of a reported clause that the parse hung on the reporting verb as its object:
    in "X claims the toll has risen to 40", "the toll" (the object of "claims" just before the
    subjectless, finite "has risen")."""
    reporting = verb.head
    if reporting.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VB"):
        return None
    objects = [c for c in reporting.children if c.dep_ == "dobj" and reporting.i < c.i < verb.i
               and c.pos_ in ("NOUN", "PROPN")]
    if not objects or any(t.dep_ == "mark" for t in verb.children):
        return None
    return objects[0]


_CHARGES = ("with", "for", "over", "after", "before", "following", "despite")
"""Prepositions whose object is a charge, a cause or an earlier act ("charged with the murder
of 3 people", "after the torching of 20 buildings")."""


def counts_the_charge(noun: Any) -> bool:
    """Whether a counted noun is what an act named in a charge or a cause was done to ("charged
    with the manslaughter of 18 tourists"), or one conjoined with it ("18 tourists and three
    guides"): the figure counts its victims, not those the verb charges, arrests or tries."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    of = noun.head
    act = of.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and act.pos_ == "NOUN" and \
        act.dep_ == "pobj" and act.head.lower_ in _CHARGES
