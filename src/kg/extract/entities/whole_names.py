"""Names the model cut or ran together around a surname or a possessive, made whole before they
are typed: a person's name cut before its last surname, a body's name with a possessive inside
it, a leader's name before his movement's, a person's name before the event he underwent.

Each rule takes the model's repaired name spans (:func:`kg.extract.entities.spans.repaired_names`)
and returns them with its repairs; :func:`whole_names` runs them in order.
"""

from __future__ import annotations

from typing import Any

from kg.extract.organizations import classify_organization, has_a_body_head
from kg.extract.places import PLACE_NAME_ENDS, place_name_words
from kg.gazetteer import Place
from kg.lexicon import lexicon


def whole_names(ents: list[Any], gazetteer: Any) -> list[Any]:
    """The model's name spans with the names it cut made whole (see each rule)."""
    if not ents:
        return ents
    doc = ents[0].doc
    repaired = [_with_cut_surname(ent, gazetteer) for ent in ents]
    return _without_overlaps(repaired, doc)


def _without_overlaps(ents: list[Any], doc: Any) -> list[Any]:
    """The spans in order, a span inside or across one that a rule made longer left out."""
    kept: list[Any] = []
    for ent in sorted(ents, key=lambda e: (e.start, -len(e))):
        if kept and ent.start < kept[-1].end:
            continue
        kept.append(ent)
    return kept


def _particles() -> frozenset[str]:
    return lexicon().words("name-particles.txt")


def _a_name_word(token: Any, gazetteer: Any) -> bool:
    """Whether a capitalised word after a name can be a surname: no title, honorific, post-
    nominal, body's or place's word, and no name the gazetteer knows but a small town's
    ("Howard Government", "Jones Street", "Smith QC", "Blair Washington")."""
    text = token.text
    return token.pos_ == "PROPN" and token.is_alpha and text[:1].isupper() and \
        not text.isupper() and token.lower_ not in gazetteer.titles and \
        text not in gazetteer.honorifics and text not in gazetteer.post_nominals and \
        text not in gazetteer.institution_heads and text not in gazetteer.party_names and \
        text not in place_name_words(*PLACE_NAME_ENDS) and \
        classify_organization(text) == "Organization" and not has_a_body_head(text) and \
        _unknown_or_a_small_town(gazetteer.lookup(text)) and gazetteer.demonym(text) is None


def _unknown_or_a_small_town(known: Any) -> bool:
    """Whether a word the gazetteer knows is no name but a small town's ("Pen" after "Jean-Marie
    Le"), which news does not name without context."""
    return known is None or isinstance(known, Place) and known.minor


def _foreign_written(tokens: Any) -> bool:
    """Whether a name is written with a letter English does not use ("López", "Đoković")."""
    return any(not character.isascii() for token in tokens for character in token.text
               if character.isalpha())


def _with_cut_surname(ent: Any, gazetteer: Any) -> Any:
    """"Mexican President Andrés López Obrador visited", "José Luis Rodríguez Zapatero",
    "Jean-Marie Le Pen", "Ursula von der Leyen" (the last word tagged a place): a person's name
    the model ended before its last surname (the parse making the name's last word a compound
    of the capitalised word after it) runs to that word, where the name is written the way
    such names are: with a letter English does not use, ending in a particle ("Le", "von"), or
    right after a capitalised title that is a compound of the same words ("President X Y Z").
    Not "the Howard Government", "Bob Brown Greens": a title's, body's, party's or place's word
    ends no person's name. A body's one-word name the model took after a person's title or
    occupation in lower case ("tennis player Novak Đoković") is the person's name too."""
    from kg.nlp import make_span

    doc = ent.doc
    if ent.label_ not in ("PERSON", "ORG") or ent.end >= len(doc):
        return ent
    last = ent[-1]
    if last.dep_ != "compound" or last.head.i < ent.end:
        return ent
    head = last.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "Ursula von" + "der" + "Leyen": "der" a compound of "Leyen"
    if head.i > ent.end + 2:
        return ent
    added = doc[ent.end : head.i + 1]
    for token in added:
        if token.ent_type_ and not (token.ent_iob_ == "B" and (
                token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")):
            return ent  # inside a longer name of the model's
        if token.i != head.i and not (token.dep_ == "compound" and
                                      token.i < token.head.i <= head.i):
            return ent
        particle = token.i != head.i and token.is_lower and token.lower_ in _particles()
        if not (particle or _a_name_word(token, gazetteer)):
            return ent  # ("Ursula von" + "der" + "Leyen": a particle inside the name)
    whole = doc[ent.start : head.i + 1]
    if len(whole) > 5 or has_a_body_head(whole.text) or \
            classify_organization(whole.text) != "Organization":
        return ent
    before = doc[ent.start - 1] if ent.start > 0 else doc[ent.start]
    heads_it = ent.start > 0 and ent.start <= before.head.i <= head.i
    titled = heads_it and before.lower_ in gazetteer.titles and before.text[:1].isupper()
    if ent.label_ == "ORG":
        occupied = heads_it and before.is_lower and (
            before.lower_ in gazetteer.titles or before.lower_ in gazetteer.occupations)
        if len(ent) == 1 and occupied and _foreign_written(whole):
            return make_span(doc, ent.start, head.i + 1, "PERSON")
        return ent
    if _foreign_written(whole) or last.lower_ in _particles() or titled:
        return make_span(doc, ent.start, head.i + 1, "PERSON")
    return ent
