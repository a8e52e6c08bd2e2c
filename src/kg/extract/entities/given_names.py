"""Names the model took for a body's or a place's that are a person's by their first word, a
given name ("Nick Tarrant won", "Ingeborg Tarrant accepted")."""

from __future__ import annotations

from typing import Any

from kg.companies import has_a_company_cue
from kg.extract.entities.body_cues import has_no_body_word
from kg.extract.names import a_given_name
from kg.extract.place_words import PLACE_NAME_ENDS, place_name_words
from kg.gazetteer import Place
from kg.lexicon import lexicon


def begins_with_a_given_name(span: Any, gazetteer: Any) -> bool:
    """Whether a name of two or three capitalised words the model took for a body's or a
    place's is a person's by its first word, a given name (``given-names.txt``, or one of the
    many countries' names of ``given-names-world.txt``): "Nick Tarrant won", "Ed Mills took
    gold", "Kieran Whitfield, who coached the side"; not where a later word says what else it
    is (a body's, a place's or a title's word: "Warren Hospital", "Howard Street", "Peter Pan
    Party")."""
    words = list(span)
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words) or \
            not a_given_name(words[0].text):
        return False
    if words[0].text not in lexicon().words("given-names.txt") and not _no_others_cue(span):
        return False  # "Harley Davidson shares", "the Lucas Heights reactor"
    rest = words[1:]
    return has_no_body_word(span.text) and not any(
        t.text in place_name_words(*PLACE_NAME_ENDS) or t.text in gazetteer.institution_heads or
        t.text in gazetteer.party_names or t.lower_ in gazetteer.titles or
        gazetteer.demonym(t.text) is not None or gazetteer.lookup(t.text) is not None and
        not isinstance(gazetteer.lookup(t.text), Place)
        for t in rest)


def _no_others_cue(span: Any) -> bool:
    """Whether a name of two words that begins with one of many countries' given names
    (``given-names-world.txt``, a wider and weaker list than ``given-names.txt``) is written
    as nothing but a person's: not after "the" nor a modifier of a common noun, as a body's or
    a place's name is ("Piper Kessler analyst X", "the Lucas Heights reactor"), with no
    company's cue ("Harley Davidson shares fell")."""
    root = span.root
    doc = span.doc
    return len(span) == 2 and span[0].ent_type_ == "ORG" and not has_a_company_cue(span) and not (
        root.dep_ in ("compound", "nmod") and root.head.pos_ == "NOUN" and root.head.is_lower
    ) and not (span.start > 0 and doc[span.start - 1].lower_ == "the") and not (
        root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS)


# Prepositions whose object is a place far more often than a person: "gathered at Glen Moor".
_PLACE_PREPOSITIONS = {"in", "at", "near", "inside", "outside", "around", "across", "through"}
