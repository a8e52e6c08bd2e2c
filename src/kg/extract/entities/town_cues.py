"""Whether a name the gazetteer lacks is a town's by how the story writes it: after a town's
preposition ("at Helensburgh"), as the first word of a site's name ("Wollongong Hospital"),
paired with a town or a road ("between Tarrin and Kelmore"); or a body's, written where a body
stands and a town does not ("he did not work for Kestrel")."""

from __future__ import annotations

from typing import Any

from kg.extract.place_clues import listed_with
from kg.extract.place_words import PLACE_NAME_ENDS, place_name_words
from kg.gazetteer import REGION_WORDS, Place, default_gazetteer
from kg.lexicon import lexicon


def a_town_the_gazetteer_lacks(span: Any) -> bool:
    """A name the model took for a state's or a town's that the gazetteer does not know: the
    gazetteer knows every state and first-level region, so where the text puts it as one puts
    a town ("at Helensburgh", "from Port Augusta", "near Interlaken"; "in" may go before a
    region as well, "in Darfur") it is a town, unless an area noun follows it ("Mosh Khil
    area"), a feature's word ends it ("Salisbury Park") or it is the name of a region of the
    land the gazetteer's areas know ("at Illawarra")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return len(span) <= 3 and all(t.is_alpha and t.is_title for t in span) and \
        before is not None and before.lower_ in _TOWN_PREPOSITIONS and \
        (after is None or not (after.is_lower and after.lower_ in REGION_WORDS | AREA_WORDS)) and \
        span[-1].text not in place_name_words(*PLACE_NAME_ENDS) and \
        span[-1].text not in ("Union", "Republic", "Empire") and \
        default_gazetteer().area(span.text) is None


def names_a_sites_town(span: Any) -> bool:
    """Whether the story also writes the name as the first word of a building's or a site's
    ("the Woomera Detention Centre", "Wollongong Hospital"): a place name that a site is
    named after is the town it stands in."""
    doc = span.doc
    size = len(span)
    ends = place_name_words("facility-last")
    text = span.text
    for start in range(len(doc) - size):
        # The first word's text begins any equal span's text: checked first, it spares making a
        # span at every token (as place_clues.town_names_an_affair does).
        if start == span.start or not text.startswith(doc[start].text) or \
                doc[start : start + size].text != text:
            continue
        for end in range(start + size, min(start + size + 3, len(doc))):
            if not doc[end].is_title:
                break
            if doc[end].text in ends:
                return True
    return False


# Prepositions that put a place as one puts a town, not a region: "at Woomera".
_TOWN_PREPOSITIONS = {"at", "near", "nearby", "outside", "from"}


# Nouns after a name that make it the name of an area: "the Shoalhaven area".
AREA_WORDS = {"area", "region", "district"}


def paired_with_a_town(span: Any, ctx: Any) -> str | None:
    """The class of a name the model took for a person's or a body's that the sentence pairs
    with a town or a road: listed with it ("closed between Tarrin and Kelmore", "at Yallah,
    Kelmore and Dunmore"), or as the other end of a stretch ("from Kelmore to Tarrin", "between
    the Tarrin Highway and Yallah"). A name paired with a town is a town too (a City); with a
    road, a town at the road's end. Only a town (or a road) counts as the partner: "Japan and
    Nintendo", "between Israel and Hamas" pair a state and a body. A name after "the" is a
    region's (a Place), and so is the name of a region of the land the gazetteer's areas know
    ("at Sutherland, Illawarra and Shoalhaven": areas listed with a town). None when no
    partner."""
    doc = span.doc
    partners = [t for t in listed_with(span) if not span.start <= t.i < span.end]
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "to":
        start = next((i for i in range(before.i - 1, max(-1, before.i - 6), -1)
                      if doc[i].lower_ == "from"), None)
        partners += list(doc[start + 1 : before.i]) if start is not None else []
    if before is not None and before.lower_ == "from":
        end = next((i for i in range(span.end, min(len(doc), span.end + 2))
                    if doc[i].lower_ == "to"), None)
        partners += [doc[end + 1]] if end is not None and end + 1 < len(doc) else []
    if not {_town_or_road(t, ctx) for t in partners} - {None}:
        return None
    if before is not None and before.lower_ == "the" or ctx.gazetteer.area(span.text) is not None:
        return "Place"  # "the Illawarra, Sydney and the Hunter Valley": a region, which a
    return "City"  # town's name does not follow


def _town_or_road(token: Any, ctx: Any) -> str | None:
    """"City" when a token is in a town's name (as the article's mentions so far, or the
    gazetteer, have it), "road" when in a road's, else None."""
    mention = ctx.mention_at(token)
    if mention is not None:
        if mention.type == "City":
            return "City"
        words = mention.text.split()
        roads = place_name_words("way-last", "way-last-surname")
        return "road" if mention.type == "Place" and words[-1] in roads else None
    if not token.text[:1].isupper() or not token.is_alpha:
        return None
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP"):
        return None
    known = ctx.gazetteer.lookup(ent.text if ent is not None else token.text)
    return "City" if isinstance(known, Place) and known.type == "City" else None


# The dependencies of a verb's subject.
_SUBJECTS = {"nsubj", "nsubjpass"}


def stands_where_a_body_does(span: Any) -> bool:
    """Whether a name the model took for a place's, which the gazetteer lacks, stands in the
    parse where a body stands and a place does not: the employer one works for ("he did not
    work for Kestrel"), a firm before a noun for the people who work for it ("a Kestrel
    contractor", "Tarrow staff"; ``workforce-nouns.txt``), or a subject joined by "and" to a
    name the model took for an organisation's ("Disney and Kestrel announced"). A company's
    name the model tags as a place's is read so; a town the gazetteer lacks is not written so."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_ == "work":
        return True
    if root.dep_ == "compound" and head.pos_ == "NOUN" and head.is_lower and \
            head.lemma_.lower() in lexicon().words("workforce-nouns.txt"):
        return True
    partners = ([head] if root.dep_ == "conj" else []) + \
        [child for child in root.children if child.dep_ == "conj"]
    subject = root.dep_ in _SUBJECTS or root.dep_ == "conj" and head.dep_ in _SUBJECTS
    return subject and any(partner.ent_type_ == "ORG" and partner.ent_iob_ != "O"
                           for partner in partners)
