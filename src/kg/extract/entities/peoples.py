"""What a people's name or adjective makes of a name: the people itself, no entity ("Pashtun
tribal leaders"), a region ("the Kurdish region") or a state's institution ("the Spanish
parliament")."""

from __future__ import annotations

from typing import Any

from kg.gazetteer import Place
from kg.lexicon import lexicon


def names_of_peoples(doc: Any, gazetteer: Any) -> frozenset[str]:
    """The capitalised words an article writes as a people's name, right before a people's noun
    (``data/lexicon/people-nouns.txt``): "Pashtun tribal leaders", "the Zulu people". A people is
    a group of persons, which the model tags as an organisation or a person; the name is no
    entity wherever the article gives it. Not a state's adjective ("the Afghan people": the
    state stays a demonym) nor a name the gazetteer or the party list knows."""
    nouns = lexicon().words("people-nouns.txt")
    return frozenset(
        token.text for token, after in zip(doc, doc[1:], strict=False)
        if after.is_lower and after.lower_ in nouns and token.is_alpha and token.is_title and
        not token.is_sent_start and gazetteer.demonym(token.text) is None and
        gazetteer.lookup(token.text) is None and token.text not in gazetteer.party_names)


# Nouns after a people's name (not a state's) that make a place of it: "the Kurdish region".
_PEOPLE_PLACE_NOUNS = {"region", "world"}


def named_by_people(span: Any, place: Any, gazetteer: Any) -> tuple[Any, str] | None:
    """A name made of a people's adjective and a noun: "the Kurdish region", "the Arab world"
    (a place), "the Spanish parliament", "the Saudi royal family" (an institution)."""
    doc = span.doc
    if span.end >= len(doc) or not doc[span.end].is_lower:
        return None
    if place is None and doc[span.end].lower_ in _PEOPLE_PLACE_NOUNS:
        return doc[span.start : span.end + 1], "Place"
    if isinstance(place, Place) and place.type == "Country":
        for size in (2, 1):
            noun = doc[span.end : span.end + size]
            if len(noun) == size and all(t.is_lower for t in noun) and \
                    noun.text in gazetteer.institution_nouns and (
                        noun[-1].dep_ != "compound" or noun[-1].head.lower_ in gazetteer.titles
                        and not _a_member(noun[-1].head, gazetteer)):
                # "Iraqi intelligence chief X" heads the body; "Palestinian police stations" are
                # only the stations, and "an Israeli police officer" only one of its people
                return doc[span.start : span.end + size], gazetteer.institution_nouns[noun.text]
    return None


def _a_member(noun: Any, gazetteer: Any) -> bool:
    """Whether a title after a body's noun names one of its people, not the body: a noun for a
    person by role (``data/lexicon/occupations.txt``: "an Israeli police officer", "two Fijian
    army soldiers"), other than an official, who may speak for the body ("a Fijian police
    official said")."""
    return noun.lemma_.lower() in gazetteer.occupations and noun.lemma_.lower() != "official"
