"""The words around a name that say whether it is a place's, for the mention stage: datelines,
a state's abbreviation, a bearing or a part of a region (kg.extract.bearings reads them), the
place words and nouns around it (kg.extract.place_words: "the Vlava river"), a list of places,
a venue's or a title's words; nothing here chooses among namesakes (kg.extract.namesakes
does)."""

from __future__ import annotations

import re
from typing import Any

from kg.extract.bearings import after_a_bearing, bearing_after, coast_of, region_named_from
from kg.extract.context import PLACE_TYPES, Context, with_period
from kg.extract.names import LOWER_NAME_WORDS, only_title_words
from kg.extract.organizations import classify_organization, descriptors, has_a_body_head
from kg.extract.place_words import (
    FEATURE_NOUNS,
    PLACE_NAME_ENDS,
    PLACE_PREPOSITIONS,
    SETTLEMENT_NOUNS,
    area_nouns,
    place_name_words,
)
from kg.gazetteer import REGION_WORDS, Place
from kg.lexicon import lexicon


def opens_a_sentence(token: Any) -> bool:
    """Whether a word opens a sentence or a paragraph (the parser may join a paragraph to the
    sentence before it), where a capital says nothing of a name."""
    doc = token.doc
    index = token.i - 1
    while index >= 0 and doc[index].is_space:
        if "\n" in doc[index].text:
            return True
        index -= 1
    return bool(token.is_sent_start) or index < 0 or doc[index].text in (".", "!", "?", ":")


# What follows a dateline's place: a comma ("OSLO, March 3"), a wire credit ("NEW DELHI
# (Reuters) -") or a dash ("BUENOS AIRES — ").
_DATELINE_ENDS = {",", "(", "-", "--", "\u2014", "\u2013"}


def town_before_its_region(span: Any, gazetteer: Any) -> Place | None:
    """The town a name shared with an organisation stands for when its region follows:
    "the plant in Toyota, Aichi Prefecture"."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    region = gazetteer.region_after_town(with_period(doc[span.end + 1]))
    if region is None:
        return None
    return next((c for c in gazetteer.candidates(span.text) if isinstance(c, Place) and
                 region.key in c.containers), None)


def opening_dateline(doc: Any, gazetteer: Any) -> tuple[Any, Place] | None:
    """The words in capitals that open the text and the gazetteer place they name: a dateline
    ("OSLO, March 3 (Reuters) -", "RIO DE JANEIRO (AP) —"), whatever the model made of them."""
    from kg.nlp import make_span

    first = next((t for t in doc if not t.is_space), None)
    if first is None:
        return None
    end = first.i
    while end < len(doc) and (doc[end].text.isupper() and any(c.isalpha() for c in doc[end].text)
                              or doc[end].text in ("-", ".") and not doc[end - 1].whitespace_):
        end += 1
    if end == first.i or end >= len(doc) or doc[end].text not in _DATELINE_ENDS:
        return None
    span = make_span(doc, first.i, end, "GPE")
    name = re.sub(r"[A-Z]+", lambda word: word[0].lower() if word[0].lower() in LOWER_NAME_WORDS
                  else word[0].title(), span.text)  # "RIO DE JANEIRO" → "Rio de Janeiro"
    place = gazetteer.lookup(name) or gazetteer.lookup(span.text.title())
    return (span, place) if isinstance(place, Place) else None


def place_named(text: str, gazetteer: Any) -> Any:
    """The gazetteer entry a name denotes, or the region three capitals abbreviate ("NSW")."""
    return gazetteer.lookup(text) or (gazetteer.region_abbreviation(text)
                                      if text.isupper() and len(text) >= 3 else None)


def state_by_its_abbreviation(span: Any, gazetteer: Any) -> Place | None:
    """The first-level region two capitals the model tagged a place abbreviate ("drove to
    Denver from NM", "offices in OH and KY"; ``regions.tsv``), when the story names a place of
    that region's country as the model saw it (the country, a state, a town): "NM" in a story
    of no American place says nothing. Not two capitals two regions share ("WA", Washington
    and Western Australia), nor in a line written in capitals ("FLOODS IN OH ..."), where two
    capitals are only a word."""
    doc = span.doc
    text = span.text
    if len(span) != 1 or len(text) != 2 or not text.isalpha() or not text.isupper():
        return None
    region = gazetteer.region_abbreviation(text)
    if not isinstance(region, Place) or region.country is None or \
            text in gazetteer.shared_abbreviations:
        return None
    sentence = span[0].sent
    words = [t for t in sentence if t.is_alpha and len(t.text) > 2]
    if words and sum(t.is_upper for t in words) * 2 >= len(words):
        return None
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "NORP") or ent.start == span.start:
            continue
        other = gazetteer.lookup(ent.text) or gazetteer.demonym(ent.text)
        if isinstance(other, Place) and not other.minor and \
                region.country in (other.key, other.country):
            return region
    return None


def leading_place(span: Any, gazetteer: Any) -> tuple[Any, Place] | None:
    """The state, region or large city a longer span begins with: "New South Wales" in "the New
    South Wales Opposition", "Queensland" in "Queensland Health"."""
    for size in range(len(span) - 1, 0, -1):
        place = place_named(span[:size].text, gazetteer)
        if isinstance(place, Place) and not place.minor:
            return span[:size], place
    return None


# Nouns after a town's name that make it the place it is, not the name of an affair:
# "Tampa police", "the Tampa airport".
_LOCAL_NOUNS = {"government", "authorities", "police", "council", "mayor", "residents",
                "people", "area", "region", "office", "airport", "port", "hospital", "court",
                "city", "suburb", "streets", "station", "university", "school", "bureau"}


def town_names_an_affair(span: Any, town: Place, gazetteer: Any) -> bool:
    """"the Tampa crisis", "the Tampa issue": a town's name written only before a common noun,
    in a story that names no other place of the town's state, names an affair (a ship, a
    scandal), not a place the story is about. Capitals and big cities are always places."""
    if town.population >= 1_000_000 or town.key in gazetteer.capital_keys:
        return False
    doc = span.doc
    size = len(span)
    text = span.text
    for start in range(len(doc) - size + 1):
        # The first word's text begins any equal span's text: checked first, it spares making a
        # span at every token.
        if not text.startswith(doc[start].text) or doc[start : start + size].text != text:
            continue
        last = doc[start + size - 1]
        head = last.head
        if not (last.dep_ == "compound" and head.i > last.i and head.pos_ == "NOUN" and
                head.is_lower and head.lower_ not in _LOCAL_NOUNS):
            return False
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "NORP", "FAC") and ent.text != span.text:
            other = gazetteer.lookup(ent.text) or gazetteer.demonym(ent.text)
            if isinstance(other, Place) and town.country in (other.key, other.country):
                return False
    return True


# Nouns of an area: "the Tora Bora region", "the area of Tora Bora".
_AREA_NOUNS = {"region", "area", "mountains", "mountain", "caves", "cave", "valley", "vicinity",
               "complex", "district", "province", "border", "battleground", "hills"}


def person_written_as_place(span: Any, ctx: Context) -> bool:
    """A name the model took for a person's that the story writes where a place goes ("in Tora
    Bora", "the Tora Bora caves", "the area of Tora Bora") and never as a person's (after an
    honorific or a title, as someone's, as the subject of a verb, inside a longer name)."""
    doc = span.doc
    gazetteer = ctx.gazetteer
    if span.text in gazetteer.honorifics or ctx.part_of_longer_name(span):
        return False
    size = len(span)
    placed = False
    for start in ctx.positions_of(span[0].text):
        use = doc[start : start + size]
        if start + size > len(doc) or use.text != span.text:
            continue
        before = doc[start - 1] if start > 0 else None
        after = doc[use.end] if use.end < len(doc) else None
        if before is not None and (before.text in gazetteer.honorifics or
                                   before.lower_ in gazetteer.titles) or \
                after is not None and after.text in ("'s", "\u2019s") or \
                use[-1].dep_ in ("nsubj", "nsubjpass"):
            return False
        placed = placed or listed_with_a_place(use, gazetteer) or before is not None and (
            before.lower_ in ("in", "near", "nearby", "around", "outside") or
            after_a_bearing(doc, start) or
            before.lower_ == "of" and start > 1 and doc[start - 2].lower_ in _AREA_NOUNS) or \
            after is not None and after.lower_ in _AREA_NOUNS and use[-1].dep_ == "compound"
    return placed


def a_venue_written_as_a_body(span: Any, ctx: Context) -> bool:
    """Whether a name the model took for a body's, which the gazetteer lacks and no word of which
    says what body it is, is written wherever the article gives it as the venue something is at:
    "the" before it and "at", "outside", "inside", "opposite" or "next to" before that ("the next
    Test starts at the KCG", "the fire began next to the Theatre Tarrou"). A ground, a theatre or
    a hall is a Place; a body is also the subject or the owner of something ("the KCG said", "the
    KCG's chief"), staff work "at" a body without "the" ("workers at Westpac"), and "at the
    Acme plant" is at the body's plant."""
    doc = span.doc
    if ctx.gazetteer.lookup(span.text) is not None or span[-1].is_lower or \
            any(t.is_lower and t.lower_ not in LOWER_NAME_WORDS for t in span) or \
            classify_organization(span.text) != "Organization" or has_a_body_head(span.text) or \
            any(_a_bodys_word(t.lower_) for t in span):
        return False  # "staff at the Wilderness Society", "at the University of Tarrou": bodies
    size = len(span)
    uses = [start for start in ctx.positions_of(span[0].text)
            if start + size <= len(doc) and doc[start : start + size].text == span.text]
    return bool(uses) and all(_at_a_venue(doc, start) and not _names_a_noun_after(doc, start + size)
                              and not _staff_at(doc[start - 2], ctx.gazetteer) for start in uses)


def _staff_at(preposition: Any, gazetteer: Any) -> bool:
    """Whether "at" hangs on a noun for people who work somewhere: "investigators at the NTRC",
    "a scientist at the KRI" work for a body (``workforce-nouns.txt``, occupations, titles);
    "the next Test starts at the KCG" is where something happens."""
    noun = preposition.head
    if noun.i == preposition.i or noun.pos_ != "NOUN":
        return False
    lemma = noun.lemma_.lower()
    return lemma in lexicon().words("workforce-nouns.txt") or lemma in gazetteer.occupations or \
        lemma in gazetteer.titles


def _names_a_noun_after(doc: Any, end: int) -> bool:
    """Whether a name is the owner's word on a common noun after it: "at the Ford plant" is at
    a plant of a body, not at a venue named Ford."""
    return end < len(doc) and doc[end].is_lower and doc[end].pos_ in ("NOUN", "PROPN")


def _a_bodys_word(word: str) -> bool:
    """Whether a word names a kind of body (``body-words.txt``: "authority") or says a name is a
    body's (``descriptors.tsv``: "university", "union"), not a place's."""
    kind = descriptors().get(word)
    return word in lexicon().words("body-words.txt") or kind is not None and kind not in PLACE_TYPES


def _at_a_venue(doc: Any, start: int) -> bool:
    """Whether the name beginning at ``start`` follows "the" and a preposition of where one is."""
    if start < 2 or doc[start - 1].lower_ != "the":
        return False
    before = doc[start - 2]
    return before.lower_ in _VENUE_PREPOSITIONS or before.lower_ == "to" and start > 2 and \
        doc[start - 3].lower_ == "next"


# Prepositions before "the" and a venue's name: where something happens or stands.
_VENUE_PREPOSITIONS = {"at", "outside", "inside", "opposite"}


def listed_with_a_place(span: Any, gazetteer: Any) -> bool:
    """Whether a name stands in a list with a name the model took for a place's, one smaller
    than a state: "as far inland as Mudgee, Narromine and Kempsey" (but "Japan and Nintendo"
    pairs a state and a company)."""
    return any(t.ent_type_ in ("GPE", "LOC") and not span.start <= t.i < span.end and
               not _names_a_state(t, gazetteer) for t in listed_with(span))


def listed_with(span: Any) -> list[Any]:
    """The tokens of the list a name's last word is in ("Mudgee, Narromine and Kempsey"): the
    first of the list and every word joined to it as a conjunct; [] when it is in no list."""
    first = span[-1]
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    members, stack = [], [first]
    while stack:  # "Mudgee, Narromine and Kempsey": each joins the one before
        token = stack.pop()
        members.append(token)
        stack += [child for child in token.children if child.dep_ == "conj"]
    return members if len(members) > 1 else []


def _names_a_state(token: Any, gazetteer: Any) -> bool:
    """Whether the model's place name around a token is a country's or a first-level region's."""
    doc = token.doc
    ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    found = gazetteer.lookup(ent.text if ent is not None else token.text)
    return isinstance(found, Place) and found.type in ("Country", "AdministrativeRegion")


def town_of_the_story(span: Any, town: Place, label: str, ctx: Context) -> bool:
    """"Toowoomba" tagged an organisation, "near Gunnedah" tagged a person: a town the gazetteer
    knows, in a state the story's other places are in, is that town, unless the words around
    make a person of it ("Mr Grafton", "Senator Grafton") or a body ("Grafton Shire Council")."""
    doc = span.doc
    gazetteer = ctx.gazetteer
    if len(span) > 3 or label == "ORG" and classify_organization(span.text) != "Organization":
        return False
    first = span[0].text
    for token in doc:
        if token.text == first and token.i > 0 and (
                doc[token.i - 1].text in gazetteer.honorifics or
                doc[token.i - 1].lower_ in gazetteer.titles):
            return False
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if label == "PERSON" and (ctx.part_of_longer_name(span) or before not in PLACE_PREPOSITIONS
                              and not after_a_bearing(doc, span.start) and
                              not listed_with_a_place(span, gazetteer)):
        return False  # a person's name unless written where a place goes: "near Grafton",
        # "west of Alice Springs", "Hobart and Launceston"
    states: set[str] = set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "NORP") and ent.text != span.text:
            other = gazetteer.lookup(ent.text) or gazetteer.demonym(ent.text) or (
                gazetteer.region_abbreviation(ent.text) if ent.text.isupper() else None)
            if isinstance(other, Place) and not other.minor:
                states.add(other.key if other.type == "Country" else other.country or "")
    return town.country in states


# Words before a place's name the model may leave untagged: "in Bihar", "across Ontario".
_PLACE_BEFORE = {"in", "across", "near", "throughout"}


def untagged_place(span: Any, gazetteer: Any) -> tuple[Any, Place] | None:
    """A state, region or large city the gazetteer knows, written where a place goes: before
    an office ("Bihar Chief Minister X", "Ontario Premier X"), before "state" or "province"
    ("Maharashtra state"), or after "in"; the model often leaves one-word regions untagged."""
    doc = span.doc
    for size in range(len(span), 0, -1):
        place = place_named(span[:size].text, gazetteer)
        if not isinstance(place, Place) or place.minor:
            continue
        rest = span[size:]
        after = doc[span.end] if span.end < len(doc) else None
        before = doc[span.start - 1] if span.start > 0 else None
        region_word = not len(rest) and after is not None and after.is_lower and \
            after.lower_.removesuffix("s") in REGION_WORDS  # "Aomori prefectures"
        if region_word:  # the region, not its capital of the same name
            place = next((c for c in gazetteer.candidates(span[:size].text) if
                          isinstance(c, Place) and c.type == "AdministrativeRegion"), place)
        if len(rest) and only_title_words(rest, gazetteer) or region_word or not len(rest) and \
                before is not None and before.lower_ in _PLACE_BEFORE:
            return span[:size], place
    return None


def owned_by_a_place(span: Any, ctx: Context) -> bool:
    """"Zimbabwe's High Court": a name after a place's possessive."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text not in ("'s", "\u2019s"):
        return False
    owner = ctx.mention_at(doc[span.start - 2])
    return owner is not None and owner.type in PLACE_TYPES


# "the town of", "the villages of": what follows is a town's name.
_TOWN_OF = r"\b(city|town|village|township|hamlet|capital|port|suburb|settlement)s? of$"

# A name given to what a noun before it says: "a village called X", "an area known as X".
_CALLED = r" (called|named|known as|dubbed)$"
_TOWN_CALLED = r"\b(town|village|township|hamlet|suburb|settlement)" + _CALLED
_AREA_CALLED = r"\b(area|region|district|island|valley|river|lake)" + _CALLED

def region_named_with_its_word(span: Any, gazetteer: Any) -> bool:
    """Whether a span is a first-level region's name and its capitalised region word ("Enugu
    State", "Oyo State", "Kumamoto Prefecture"), which the model may take for a person's name;
    a word after a person's name ("John State") names no region the gazetteer knows."""
    if len(span) < 2 or not span[-1].text[:1].isupper() or span[-1].lower_ not in REGION_WORDS:
        return False
    region = gazetteer.lookup(span.text)
    return isinstance(region, Place) and region.type == "AdministrativeRegion" or any(
        isinstance(c, Place) and c.type == "AdministrativeRegion"
        for c in gazetteer.candidates(span[:-1].text))


def said_to_be_place(span: Any, gazetteer: Any) -> str | None:
    """The class the words around a place the gazetteer lacks give it: 'the town of X',
    'a village called X', 'X, Chiapas', 'X, Calif.' (a City); 'the district of X', 'an area
    known as X' (a Place); 'X province' (a
    first-level region); else None."""
    doc = span.doc
    before = doc[max(0, span.start - 3) : span.start].text.lower()
    first = span[-1]
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "the villages of Umm Tuba and Beit Sahur": what the list is of
    listed = doc[max(0, first.left_edge.i - 3) : first.left_edge.i].text.lower() \
        if first.i < span.start else ""
    if re.search(_TOWN_OF, before) or listed and re.search(_TOWN_OF, listed):
        return "City"  # "the town of Hill Top"
    if (after_a_bearing(doc, span.start) or bearing_after(doc, span.end) is not None) and \
            span[-1].text not in place_name_words(*PLACE_NAME_ENDS):
        return "City"  # "south of Gunning", "Boonah, west of Brisbane"; not "the Hume Highway"
    if re.search(_TOWN_CALLED, before):
        return "City"  # "a village called Hill Top"
    if re.search(r"\b(district|province|region|state|county|island) of$", before) or \
            re.search(_AREA_CALLED, before):
        return "Place"  # "the district of Mitte", "an area called Dismal Swamp"
    if re.search(r"\b(the|a) (river|lake)$", before):
        return "Place"  # "the river Elbe"
    if span.end < len(doc) and doc[span.end].lower_ in FEATURE_NOUNS and doc[span.end].is_lower:
        return "Place"  # "the Vlava river"
    if len(span) > 1 and span[-1].text in place_name_words("feature-last") and \
            span.start > 0 and doc[span.start - 1].lower_ == "the":
        return "Place"  # "down the Tarrow River Gorge": no person's name takes "the"
    if span.end < len(doc) and doc[span.end].lower_ in SETTLEMENT_NOUNS and \
            doc[span.end].is_lower:
        return "City"  # "at Kolna village"
    if span.end < len(doc) and doc[span.end].lower_ in REGION_WORDS - {"region"} and \
            doc[span.end].is_lower and doc[span.end].dep_ != "compound":
        return "AdministrativeRegion"  # "in Ituri province", one the gazetteer lacks
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        following = doc[span.end + 1]
        possessive = following.i + 1 < len(doc) and doc[following.i + 1].text == "'s"
        if not possessive and gazetteer.region_after_town(with_period(following)) is not None:
            return "City"
        if following.lower_ == "in" and region_named_from(following.i + 1, doc, gazetteer):
            return "City"  # "Moree, in north-west New South Wales"
        coast = coast_of(doc, following.i)
        if coast is not None and region_named_from(coast, doc, gazetteer):
            return "City"  # "Eden, on the south coast of New South Wales"
    return None


# Words before a people's name that count its members: "one Arab", "an Arab", "two Arab".
_COUNTING_WORDS = {"a", "an", "one", "another", "each", "every", "no"}


def place_taken_for_a_people(span: Any, gazetteer: Any) -> tuple[Place, str] | None:
    """The gazetteer place a name the model tagged as a nationality or group (NORP) stands
    for, with the label it should have had, where the parse says it is a place: before a
    feature's noun ("the Ganges river": "LOC", the river, not the town of that name), after
    "the" as the object of a preposition ("along the Ganges": "LOC"), or before a noun of a
    town's own services (``town-sites.txt``: "dispatched to Chaman hospital": "GPE"). A word
    the gazetteer knows as a town yet used as a people's ("Arab fighters", "one Arab", "Arab
    residents", "the Masai resisted") has none of these and stays no entity."""
    if gazetteer.demonym(span.text) is not None or not all(t.is_title for t in span):
        return None
    place = gazetteer.lookup(span.text)
    if not isinstance(place, Place):
        return None
    doc = span.doc
    last = span[-1]
    if any(child.lower_ in _COUNTING_WORDS or child.dep_ == "nummod" for child in last.children):
        return None
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.is_lower and following.lower_ in FEATURE_NOUNS:
        return place, "LOC"
    if last.dep_ == "pobj" and any(child.lower_ == "the" and child.dep_ == "det"
                                   for child in last.children):
        return place, "LOC"
    if last.dep_ == "compound" and following is not None and last.head.i == following.i and \
            following.is_lower and following.lower_ in lexicon().words("town-sites.txt"):
        return place, "GPE"
    return None


def site_named_after_a_town(span: Any, gazetteer: Any) -> Any | None:
    """The span of a site's name that begins with a town's: the town's name, lower-case
    modifiers and a site's noun (``site-nouns.txt``) the name is a compound of ("Gaza
    international airport", "the Rafah border crossing"); None otherwise, and for a state's
    name or its people's ("Israeli checkpoint", "Pakistan border crossing" name no site)."""
    doc = span.doc
    last = span[-1]
    head = last.head
    site_nouns = lexicon().words("site-nouns.txt")
    while head.lower_ not in site_nouns and head.is_lower and head.i < head.head.i <= last.i + 3 \
            and head.dep_ in ("compound", "amod"):
        head = head.head  # "Rafah" modifies "border", which modifies "crossing"
    if last.dep_ not in ("compound", "nmod", "amod") or head.i <= last.i or \
            head.lower_ not in site_nouns or not head.is_lower or head.i - last.i > 3 or \
            not all(t.is_lower and t.is_alpha for t in doc[span.end : head.i]):
        return None
    if gazetteer.demonym(span.text) is not None:
        return None
    place = gazetteer.lookup(span.text)
    if isinstance(place, Place) and place.type in ("Country", "AdministrativeRegion"):
        return None
    return doc[span.start : head.i + 1]


def site_noun_of_a_name(span: Any) -> Any | None:
    """The lower-case noun of a kind of site (``site-nouns.txt``: airports, crossings) that a
    name, or the list it is in, is given as, where the parse joins them: "at Heathrow, Gatwick
    and Stansted airports", "the three city airports -- Orly, Le Bourget and Beauvais", "the
    Narita and Haneda airports", "at Entebbe airport"; None otherwise. Such a name is the
    site's, whatever the model made of it (a person's, a company's)."""
    first = span[-1]
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    site_nouns = lexicon().words("site-nouns.txt")
    nouns = [first.head] if first.dep_ in ("appos", "compound", "nmod") else []
    nouns += [child for child in first.children if child.dep_ == "appos"]
    return next((noun for noun in nouns if noun.is_lower and noun.i not in range(span.start, span.end)
                 and noun.lemma_.lower() in site_nouns), None)


# Words before a title's capitalised word: "the Cat in the Hat", "their Year in Search".
_TITLE_OPENERS = lexicon().words("title-openers.txt")


def a_word_in_capitals(span: Any, gazetteer: Any) -> bool:
    """Whether a state's short alias in capitals ("CAR", "UAE") is only a word of a line
    written in capitals ("QUIET CAR.", "BIG US RALLY"): a word in capitals of three letters or
    more that names nothing stands next to it in the sentence. Not in a list of such aliases
    ("the DRC, CAR and Chad") nor next to a name ("CAR President"), nor a state's own name."""
    if len(span) != 1 or not span[0].is_upper or not 2 <= len(span.text) <= 4:
        return False
    place = gazetteer.lookup(span.text)
    if not isinstance(place, Place) or place.type != "Country" or \
            span.text in (place.name, place.iso2):
        return False
    doc = span.doc
    neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc) and
                  doc[i].sent.start == span.sent.start]
    return any(word.is_alpha and word.is_upper and len(word.text) >= 3 and
               gazetteer.lookup(word.text) is None and
               gazetteer.region_abbreviation(word.text) is None for word in neighbours)


def a_word_of_a_title(span: Any, gazetteer: Any) -> bool:
    """Whether a one-word name the gazetteer lacks (or knows only as a small town) closes a
    capitalised title, a book's, a show's or a report's, rather than naming a place: "the Cat
    in the Hat balloon" (after "in the" and a capitalised word inside the sentence that an
    article or a possessive opens and that names nothing itself), "their annual Year in
    Search" (after "in" and a capitalised word of time, which no place is in). Not after a
    title, an honorific or a body's or a site's word ("the Minister in the Tarrow"), nor after
    a name ("Labor in the Tarrow"), nor "the Church in Tarrow", which may well be a town's
    church."""
    known = gazetteer.lookup(span.text)
    if len(span) != 1 or not span[0].is_title or gazetteer.area(span.text) is not None or \
            known is not None and not (isinstance(known, Place) and known.minor):
        return False  # (a small town abroad may share the word: "Hat", a village in India)
    doc = span.doc
    at = span.start - 1
    article = at >= 0 and doc[at].lower_ == "the"
    if article:
        at -= 1
    if at < 2 or doc[at].text != "in":
        return False
    word, opener = doc[at - 1], doc[at - 2]
    lower = word.lower_
    return word.is_title and word.is_alpha and not opens_a_sentence(word) and \
        (article and not word.ent_type_ or word.ent_type_ == "DATE") and \
        opener.lower_ in _TITLE_OPENERS and word.text not in gazetteer.honorifics and \
        lower not in gazetteer.titles and not _a_bodys_word(lower) and \
        lower not in area_nouns() and word.text not in place_name_words(*PLACE_NAME_ENDS)


def names_an_occasion_or_a_scheme(span: Any, gazetteer: Any) -> bool:
    """Whether a name the model took for a place's, which the gazetteer lacks, names a contest,
    a gathering or a policy: it ends in such a name's word ("the Melbourne Track Classic", "the
    Pacific Solution"; ``event-names.txt``, ``programme-names.txt``) or only qualifies a contest's
    noun ("the Sydney-Hobart race")."""
    doc = span.doc
    last = span[-1]
    if len(span) > 1 and (last.text in gazetteer.event_name_heads or
                          last.text in lexicon().words("programme-names.txt")):
        return True
    following = doc[span.end] if span.end < len(doc) else None
    return following is not None and following.is_lower and \
        following.text.title() in gazetteer.event_name_heads and \
        last.dep_ == "compound" and last.head.i == following.i


def a_group_that_acts(span: Any, ctx: Context) -> bool:
    """Whether a plural name the model took for a place's, which the gazetteer lacks, is the
    subject of a verb in the plural somewhere in the article ("the Kestrels are 2 for 17", "the
    Kestrels have more to do") or takes a plural's possessive after "the" ("the Kestrels' first
    innings"): a team or a group of people, no place (a plural place's name ends in a feature's
    word: "the Snowy Mountains are")."""
    doc = span.doc
    last = span[-1]
    if not last.text.endswith("s") or last.text in place_name_words(*PLACE_NAME_ENDS) or \
            ctx.gazetteer.lookup(span.text) is not None or ctx.gazetteer.area(span.text) is not None:
        return False  # "the Whitsundays' north": an area of areas.tsv
    size = len(span)
    for start in ctx.positions_of(span[0].text):
        if start + size > len(doc) or doc[start : start + size].text != span.text:
            continue
        word = doc[start + size - 1]
        if word.dep_ == "nsubj" and (word.head.tag_ == "VBP" or word.head.lower_ == "were"):
            return True
        if start > 0 and doc[start - 1].lower_ == "the" and start + size < len(doc) and \
                doc[start + size].text in ("'", "\u2019"):
            return True  # "the Kestrels' first innings"
    return False
