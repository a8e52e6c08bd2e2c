"""Named-entity mentions: spaCy's NER and the gazetteer ruler → typed mentions of the ontology's classes."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from kg.extract.context import PLACE_TYPES, STRAIGHT, Context, with_period
from kg.extract.names import (
    LOWER_NAME_WORDS,
    extend_person,
    looks_like_name,
    only_title_words,
    trim,
)
from kg.extract.organizations import (
    body_descriptors,
    classify_organization,
    descriptor_type,
    descriptors,
    media_after,
    owns_a_programme,
)
from kg.extract.places import (
    in_part_of_a_region,
    leading_place,
    listed_with_a_place,
    opening_dateline,
    owned_by_a_place,
    person_written_as_place,
    place_name_words,
    place_named,
    said_to_be_place,
    town_before_its_region,
    town_names_an_affair,
    town_of_the_story,
    untagged_place,
)
from kg.gazetteer import REGION_WORDS, KnownOrganization, Place, lexicon_classes, lexicon_words
from kg.model import Mention

_COMPASS = {"North", "South", "East", "West", "-"}

# A broadcaster's or a station's name of letters and digits: "TVN24", "N1", "France24".
_CALL_SIGN = re.compile(r"^[A-Z][A-Za-z]*\d+[A-Za-z]*$")


def _with_first_conjunct(span: Any) -> Any:
    """"Aboriginal and Torres Strait Islander Commission": a body's name that begins with a
    capitalised word and "and" before the part the parser took for a name."""
    doc = span.doc
    start = span.start
    if start >= 2 and doc[start - 1].lower_ == "and" and doc[start - 2].is_title and \
            not doc[start - 2].ent_type_ and (start == 2 or not doc[start - 3].is_title):
        return doc[start - 2 : span.end]
    return span


def _split_possessive(span: Any, gazetteer: Any) -> tuple[Any, Any] | None:
    """'Seoul's Ministry of Unification' → (Seoul, Ministry of Unification); but the "People's
    Liberation Army" is one name: only a place or body the gazetteer knows owns the rest."""
    for token in span:
        if token.text in ("'s", "\u2019s") and span.start < token.i < span.end - 1:
            owner = span.doc[span.start : token.i]
            if gazetteer.lookup(owner.text) is None:
                return None
            return owner, span.doc[token.i + 1 : span.end]
    return None


def _join_nationality_to_names(ents: list[Any], gazetteer: Any) -> list[Any]:
    """"Indonesian" + "Meat Importers Association" is one name when the model split it, and so
    is "Australian" + "Democrats" (a party's short name, which the model reads as a people)."""
    from kg.nlp import make_span

    joined: list[Any] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        party = ent.label_ in ("NORP", "ORG") and ent.text in gazetteer.party_names
        if previous is not None and previous.label_ == "NORP" and previous.end == ent.start and (
                party and gazetteer.demonym(previous.text) is not None
                or ent.label_ == "ORG" and gazetteer.lookup(ent.text) is None) \
                and ent[0].text[:1].isupper() and ent[0].lower_ != "the":
            joined[-1] = make_span(ent.doc, previous.start, ent.end, "ORG")
            continue
        if party:
            ent = make_span(ent.doc, ent.start, ent.end, "ORG")
        joined.append(ent)
    return joined


def _untagged_party_names(doc: Any, gazetteer: Any) -> list[Any]:
    """"Labor needed to ...": a party's short name the model left untagged, where it stands as a
    name (a subject, an object) or names whose leader or member someone is, not as a modifier
    of some other noun ("Labor costs")."""
    from kg.nlp import make_span

    found = []
    for token in doc:
        if token.ent_type_ or token.text not in gazetteer.party_names or token.pos_ != "PROPN":
            continue
        head = token.head.lower_
        if token.dep_ == "compound" and head not in gazetteer.titles and \
                head not in ("member", "members", "supporter", "supporters", "candidate"):
            continue
        found.append(make_span(doc, token.i, token.i + 1, "ORG"))
    return found


def _majority_labels(ents: list[Any], gazetteer: Any) -> dict[str, str]:
    """The label a name gets most often in the article: one stray NER label does not win."""
    votes: dict[str, Counter[str]] = {}
    for ent in ents:
        text = trim(ent, gazetteer).text
        votes.setdefault(text, Counter())[ent.label_] += 1
    return {text: counter.most_common(1)[0][0] for text, counter in votes.items()
            if len(counter) > 1}


# The model's labels for the names kg reads; other labels (DATE, MONEY, ...) are no names.
_NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")


# Lower-case words and marks that may stand between the capitalised words of a name an
# acronym abbreviates: "Agency for Integration, Migration and Asylum (AIMA)".
_ACRONYM_SKIPS = {"of", "for", "and", "the", "on", "in", "to", ",", "&", "-"}


def _names_before_acronyms(doc: Any, gazetteer: Any) -> list[Any]:
    """"the Agency for Integration, Migration and Asylum (AIMA)": the capitalised words before
    an acronym in brackets whose initials are its letters are one organisation's name, however
    the model cut it. A place ("United States (US)") is left to the gazetteer."""
    from kg.nlp import make_span

    found = []
    for token in doc[1:-2]:
        letters = doc[token.i + 1].text.replace(".", "")
        if token.text != "(" or doc[token.i + 2].text != ")" or not letters.isalpha() or \
                not letters.isupper() or not 2 <= len(letters) <= 8:
            continue
        start, initials = token.i, ""
        while start > 0 and len(initials) < len(letters):
            word = doc[start - 1]
            if word.text[:1].isupper() and word.is_alpha:
                initials = word.text[0] + initials
            elif word.lower_ not in _ACRONYM_SKIPS:
                break
            start -= 1
        if initials != letters or not doc[start].text[:1].isupper() or token.i - start < 2:
            continue
        name = doc[start : token.i]
        if isinstance(gazetteer.lookup(name.text), Place) or gazetteer.lookup(letters) is not None:
            continue
        found.append(make_span(doc, start, token.i, "ORG"))
    return found


def find_mentions(ctx: Context) -> None:
    """Add a mention for every named entity the NER and the gazetteer ruler found."""
    from kg.nlp import make_span

    gazetteer = ctx.gazetteer
    abbreviated = _names_before_acronyms(ctx.doc, gazetteer)
    ents = [e for e in ctx.doc.ents
            if not any(e.start < a.end and a.start < e.end for a in abbreviated)] + abbreviated
    ents = _join_nationality_to_names(sorted(
        [_known_organization_label(e, gazetteer) for e in ents]
        + _untagged_party_names(ctx.doc, gazetteer), key=lambda e: e.start), gazetteer)
    ents = _join_paired_places(ents, gazetteer)
    ents = _join_split_names([part for e in ents if e.label_ in _NAME_LABELS
                              for piece in _split_at_an_inner_the(e)
                              for part in _split_at_a_comma(piece, gazetteer)], gazetteer)
    majority = _majority_labels(ents, gazetteer)
    person_parts: set[str] = set()
    doc = ctx.doc
    surnames = {doc[t.i + 1].text for t in doc[:-1] if t.text in gazetteer.honorifics
                and doc[t.i + 1].text[:1].isupper()}  # "Mr Mbeki": Mbeki is someone's name
    surnames |= {e.text for e in ents if e.label_ == "PERSON" and len(e) == 1
                 and gazetteer.lookup(e.text) is None}  # "Kovačič said" after "Maja Kovačič"
    for ent in ents:
        if majority.get(trim(ent, gazetteer).text, ent.label_) == "PERSON":
            person_parts.update(t.text for t in trim(ent, gazetteer) if t.is_alpha)
    dateline = opening_dateline(doc, gazetteer)
    if dateline is not None:
        _add_named(ctx, dateline[0], "GPE", dateline[1].key)
    for ent in ents:
        if dateline is not None and ent.start < dateline[0].end:
            continue  # "RIO DE JANEIRO (AP) -" tagged an organisation, "SAO PAULO" cut to "SAO"
        span = trim(ent, gazetteer)
        if len(span) == 0:
            continue
        label = majority.get(span.text, ent.label_)
        if label in ("PERSON", "ORG"):
            span = extend_person(span, gazetteer)
        if label == "ORG":
            parts = _split_possessive(span, gazetteer)
            if parts:
                owner, owned = parts
                _add_named(ctx, owner, "GPE", None)
                span = owned
        if label in ("GPE", "LOC", "ORG") and not ent.ent_id_ and len(span) > 1 and \
                span[-1].text in surnames and gazetteer.lookup(span.text) is None:
            label = "PERSON"  # "Thabo Mbeki" tagged a place, "Mr Mbeki" later
        if label == "PERSON" and ent.label_ != "PERSON":  # "Federal Labor MP Carmen Lawrence"
            span = trim(make_span(doc, span.start, span.end, "PERSON"), gazetteer)  # tagged ORG
        _add_named(ctx, span, label, ent.ent_id_ or None, person_parts)


def _join_paired_places(ents: list[Any], gazetteer: Any) -> list[Any]:
    """"Devon and Cornwall Police", "Avon and Somerset Constabulary": a police force, court or
    service named for two places, that the model cut at the "and" (the first place tagged
    apart or not at all), is one name; not two states' ("Fiji and Australian Federal Police")."""
    from kg.nlp import make_span

    joined: list[Any] = []
    for ent in ents:
        doc = ent.doc
        first = ent.start - 2
        if ent.label_ == "ORG" and first >= 0 and doc[ent.start - 1].lower_ == "and" and \
                doc[first].is_title and doc[first].is_alpha and doc[ent.start].is_title and \
                (first == 0 or not doc[first - 1].is_title) and \
                classify_organization(ent.text) in ("Agency", "Court", "Military") and \
                classify_organization(doc[ent.start].text) == "Organization" and not any(
                    gazetteer.demonym(word.text) or isinstance(gazetteer.lookup(word.text), Place)
                    and gazetteer.lookup(word.text).type == "Country"
                    for word in (doc[first], doc[ent.start])):
            joined = [e for e in joined if e.end <= first]
            joined.append(make_span(doc, first, ent.end, "ORG"))
        else:
            joined.append(ent)
    return joined


def _split_at_an_inner_the(ent: Any) -> list[Any]:
    """"told Parliament the Coalition would": a span the model ran over a "the" that no "of",
    "for" or "and" introduces is two names."""
    from kg.nlp import make_span

    inner = [t.i for t in ent[1:-1] if t.text == "the" and ent.doc[t.i - 1].is_title and
             ent.doc[t.i - 1].lower_ not in LOWER_NAME_WORDS and ent.doc[t.i + 1].is_title]
    if len(inner) != 1:
        return [ent]
    return [make_span(ent.doc, ent.start, inner[0], ent.label_),
            make_span(ent.doc, inner[0] + 1, ent.end, ent.label_)]


def _split_at_a_comma(ent: Any, gazetteer: Any) -> list[Any]:
    """"The mayor of Kharkiv, Ihor Terekhov, said": a span the model ran over a comma, that
    begins with a place the gazetteer knows, is the place and what follows it (a person's name
    of two or three words, else what the model took the whole for)."""
    from kg.nlp import make_span

    commas = [t.i for t in ent if t.text == ","]
    if not commas or gazetteer.lookup(ent.text) is not None:
        return [ent]
    first = ent.doc[ent.start : commas[0]]
    rest = ent.doc[commas[0] + 1 : ent.end]
    if not len(first) or not len(rest) or not isinstance(gazetteer.lookup(first.text), Place) \
            or gazetteer.region_after_town(with_period(rest[0])) is not None:
        return [ent]  # "Durham, N.C.", "Nagoya, Aichi": a town and its region, read elsewhere
    person = 2 <= len(rest) <= 3 and all(t.is_alpha and t.is_title for t in rest) and \
        classify_organization(rest.text) == "Organization"
    return [make_span(ent.doc, first.start, first.end, "GPE"),
            make_span(ent.doc, rest.start, rest.end, "PERSON" if person else ent.label_)]


def _known_organization_label(ent: Any, gazetteer: Any) -> Any:
    """An organisation the gazetteer knows, whatever else the model took it for: "The Sydney
    Morning Herald reported" tagged an event, "the Hindustan Times" a work of art; a people's
    name only where it is a title ("The Hindu") or before a media noun ("the Yonhap news
    agency"), not in "Hindu temples"; and a known place the model took for a people's name."""
    from kg.nlp import make_span

    span = trim(ent, gazetteer)
    if ent.label_ == "NORP" and len(span) and gazetteer.demonym(span.text) is None and \
            isinstance(gazetteer.lookup(span.text), KnownOrganization) and \
            (ent.start > 0 and ent.doc[ent.start - 1].text == "The" and
             span[-1].dep_ not in ("amod", "compound", "nmod") or media_after(span[-1])):
        return make_span(ent.doc, ent.start, ent.end, "ORG")  # "according to The Hindu"
    place = gazetteer.lookup(span.text) if ent.label_ == "NORP" and len(span) else None
    if isinstance(place, Place) and not place.minor and gazetteer.demonym(span.text) is None \
            and span[-1].dep_ not in ("amod", "compound"):
        return make_span(ent.doc, ent.start, ent.end, "GPE")  # "a refugee from Aleppo"
    if ent.label_ == "NORP" and len(span) and gazetteer.demonym(span.text) is None and \
            span[-1].pos_ == "PROPN" and said_to_be_place(span, gazetteer) == "AdministrativeRegion":
        return make_span(ent.doc, ent.start, ent.end, "GPE")  # "in Ituri province"
    if ent.label_ in _NAME_LABELS:
        return ent
    if len(span) and isinstance(gazetteer.lookup(span.text), KnownOrganization):
        return make_span(ent.doc, ent.start, ent.end, "ORG")
    return ent


# Words that end the first part of a name the model cut in two: "the Australian Competition
# and" + "Consumer Commission", "the Ministry of" + "Defence".
_NAME_JOINS = {"and", "of", "for", "&"}


def _join_split_names(ents: list[Any], gazetteer: Any) -> list[Any]:
    """One organisation's name the model cut at an inner "and" or "of" is one name again, and
    so is a longer name the gazetteer knows ("International Federation of Red Cross" + "and" +
    "Red Crescent Societies")."""
    from kg.nlp import make_span

    joined: list[Any] = []
    for ent in ents:
        if joined and ent.start < joined[-1].end:
            continue  # inside a longer known name
        if ent.label_ == "ORG":
            ent = _with_untagged_place_after_of(_longest_known_name(ent, gazetteer), gazetteer)
        previous = joined[-1] if joined else None
        if previous is not None and previous.label_ == "ORG" and ent.label_ == "ORG" and \
                previous.end == ent.start and len(previous) > 1 and \
                previous[-1].lower_ in _NAME_JOINS and ent[0].text[:1].isupper():
            joined[-1] = make_span(ent.doc, previous.start, ent.end, "ORG")
            continue
        if previous is not None and previous.label_ == "ORG" and ent.label_ == "ORG" and \
                previous.end + 1 == ent.start and ent.doc[previous.end].lower_ in ("of", "for") \
                and len(ent) > 1 and ent[0].lower_ == "the" and ent[1].text[:1].isupper():
            joined[-1] = make_span(ent.doc, previous.start, ent.end, "ORG")
            continue  # "the UN Office" + "for" + "the Coordination of Humanitarian Affairs"
        if previous is not None and _institution_of_place(previous, ent, gazetteer) or \
                previous is not None and _state_after_a_body(previous, ent, gazetteer):
            joined[-1] = make_span(ent.doc, previous.start, ent.end, "ORG")
            continue
        joined.append(ent)
    return joined


def _state_after_a_body(body: Any, place: Any, gazetteer: Any) -> bool:
    """"Medicare" + "Australia", "Save the Children" + "Kenya": a state's or a region's name
    right after an organisation's, with nothing between, ends the organisation's name."""
    if body.label_ != "ORG" or place.label_ != "GPE" or body.end != place.start or \
            not body.doc[body.end - 1].whitespace_ or body[-1].is_punct:
        return False
    known = gazetteer.lookup(place.text)
    return isinstance(known, Place) and known.type in ("Country", "AdministrativeRegion") and \
        (place.end == len(place.doc) or not place.doc[place.end].text[:1].isupper())


def _with_untagged_place_after_of(ent: Any, gazetteer: Any) -> Any:
    """"The Ambulance Service" + "of NSW", the model leaving "NSW" untagged: an institution's
    head, "of" and a state or region the gazetteer knows (or abbreviates) are one name."""
    from kg.nlp import make_span

    doc = ent.doc
    if ent.end + 1 >= len(doc) or ent[-1].text not in gazetteer.institution_heads or \
            doc[ent.end].lower_ != "of":
        return ent
    following = doc[ent.end + 1]
    if following.ent_type_ or not following.text[:1].isupper():
        return ent
    known = gazetteer.lookup(following.text) or gazetteer.region_abbreviation(following.text)
    if isinstance(known, Place) and known.type in ("Country", "AdministrativeRegion"):
        return make_span(doc, ent.start, following.i + 1, "ORG")
    return ent


def _institution_of_place(body: Any, place: Any, gazetteer: Any) -> bool:
    """"The Supreme Court" + "of" + "Pakistan", "the Electoral Commission of" + "Zambia": an
    organisation ending in an institution's head word, "of" and a place are one name."""
    doc = body.doc
    if body.label_ != "ORG" or place.label_ not in ("GPE", "ORG") or \
            not place[0].text[:1].isupper():
        return False
    if body.end == place.start and len(body) > 2 and body[-1].lower_ == "of":
        head = body[-2]  # the model took "of" into the organisation's span
    elif body.end + 1 == place.start and doc[body.end].lower_ == "of":
        head = body[-1]
    else:
        return False
    return head.text in gazetteer.institution_heads


# How many tokens past the model's span a longer known name is looked for.
_NAME_REACH = 8


def _longest_known_name(ent: Any, gazetteer: Any) -> Any:
    """The model's organisation span, or a longer one from its start that the gazetteer knows
    as an organisation's name."""
    from kg.nlp import make_span

    doc = ent.doc
    start = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
    for end in range(min(len(doc), ent.end + _NAME_REACH), ent.end, -1):
        if doc[end - 1].is_punct or doc[end - 1].is_lower:
            continue
        if isinstance(gazetteer.lookup(doc[start:end].text), KnownOrganization):
            return make_span(doc, ent.start, end, "ORG")
    return ent


def _add_named(
    ctx: Context, span: Any, label: str, key: str | None, person_parts: set[str] | None = None
) -> None:
    gazetteer = ctx.gazetteer
    doc = ctx.doc
    text = span.text.translate(STRAIGHT)
    if label == "NORP":
        place = gazetteer.get(key) if key else gazetteer.demonym(text)
        named = _named_by_people(span, place, gazetteer)
        if named is not None:  # "the Spanish parliament", "the Kurdish region", "the Arab world"
            tokens, type_ = named
            region = gazetteer.lookup(tokens.text)
            if isinstance(place, Place) and type_ not in PLACE_TYPES:
                # The state stays a mention of its own, which the body belongs to (or is based in).
                state = ctx.add_mention(span, "Country", kind="demonym", key=place.key)
                ctx.add_mention(tokens, type_, attributes=(("owner", state.id),))
            else:
                ctx.add_mention(tokens, type_, key=region.key if isinstance(region, Place) else None)
        elif isinstance(place, Place):
            ctx.add_mention(span, "Country", kind="demonym", key=place.key)
        return
    if label in ("GPE", "LOC") and len(span) > 1 and span[-1].lower_ in REGION_WORDS:
        region = None if key else gazetteer.lookup(text)
        if not key and not (isinstance(region, Place) and region.type == "AdministrativeRegion"):
            region = next((c for c in gazetteer.candidates(span[:-1].text) if isinstance(c, Place)
                           and c.type == "AdministrativeRegion"), None)  # "Lagos State"
        if isinstance(region, Place) and region.type == "AdministrativeRegion":
            ctx.add_mention(span, region.type, key=region.key)  # "Basra province", not the city
            return
        word = span[-1]
        span = span[:-1]  # "Hunan province": the name is "Hunan"
        text = span.text.translate(STRAIGHT)
        if not key and word.is_lower and word.lower_ != "region" and looks_like_name(span) and \
                gazetteer.lookup(text) is None:
            ctx.add_mention(span, "AdministrativeRegion")  # "Ituri province": one we lack
            return
    if label in ("PERSON", "ORG", "GPE", "LOC") and _names_a_storm(span):
        return  # "Cyclone Freddy", "Tropical Storm Alberto": the storm is an event, not a name
    if not looks_like_name(span) or only_title_words(span, gazetteer) and \
            classify_organization(text) == "Organization":  # "Parliament" names a body
        return
    if text in gazetteer.religions:
        return  # "supporters of Islam": a religion is no entity of the ontology
    if label in ("ORG", "PRODUCT", "FAC") and not key and _names_a_thing(span, gazetteer) or \
            len(span) > 1 and span[0].text in gazetteer.ship_prefixes:
        return  # "XRD, a French-designed rocket system", "HMAS Adelaide": a weapon, a ship
    if label in ("ORG", "PERSON") and isinstance(gazetteer.demonym(text), Place):
        _add_named(ctx, span, "NORP", None)  # "New Zealander", "Sri Lankan" tagged organisations
        return
    if span[0].text in place_name_words("feature-first") and len(span) > 1 and not key:
        feature = gazetteer.lookup(re.sub(r"^Mt\.? ", "Mount ", text))
        if isinstance(feature, Place):  # "Mt Gambier" is the town Mount Gambier
            ctx.add_mention(span, feature.type, key=feature.key)
        else:
            ctx.add_mention(span, "Place")  # "Mount Kembla", "Lake Bonney", "Cape Otway"
        return
    known = gazetteer.get(key) if key else gazetteer.lookup(text)
    if isinstance(known, KnownOrganization):
        known = town_before_its_region(span, gazetteer) or known  # "Toyota, Aichi Prefecture"
    if known is None and text.isupper() and sum(c.isalpha() for c in text) >= 3:
        known = gazetteer.region_abbreviation(text)  # "NSW Premier X": three letters say it
    if known is None and len(span) == 1 and span.start > 1 and doc[span.start - 1].text == ",":
        known = gazetteer.region_after_town(with_period(span[0]))  # "Durham, N.C."
    town = known if isinstance(known, Place) and known.minor else None
    if (known is None or town is not None) and media_after(span[-1]):
        ctx.add_mention(span, "NewsOrganization")  # "Fairfax newspapers", not the town
        return
    if isinstance(known, Place) and known.minor and label not in ("GPE", "LOC", "FAC"):
        known = None  # "Reading", "Mobile": a small town's name only where the parser saw a place
    before = doc[span.start - 1] if span.start > 0 else None
    if town is not None and known is None and label == "ORG" and before is not None and \
            before.lower_ in _NEAR_WORDS and classify_organization(text) == "Organization":
        ctx.add_mention(span, "City")  # "closed near Goulburn", the town tagged an organisation
        return
    if town is not None and known is None and town_of_the_story(span, town, label, ctx):
        # "Toowoomba" tagged ORG in a Queensland story. The town is not linked to the gazetteer's
        # entry: the model doubted it, and geography would then place it in its state even
        # where the story names a smaller place around it that the gazetteer lacks.
        ctx.add_mention(span, "City")
        return
    if isinstance(known, Place) and known.type == "City" and len(span) == 1 and \
            known.population < 1_000_000 and known.key not in gazetteer.capital_keys and \
            ctx.part_of_longer_name(span):
        ctx.add_mention(span, "Person")  # "Vaughan" after "Michael Vaughan", not the town
        return
    if known is None and label in ("ORG", "GPE", "PERSON") and \
            text in gazetteer.outlet_abbreviations:
        ctx.add_mention(span, "NewsOrganization")  # "the ABC": some broadcaster, not linked
        return
    if label == "ORG" and len(span) == 1 and span[0].lower_ in _GOVERNMENT_LEVELS:
        return  # "the Commonwealth will pay": the federal government, unnamed
    previous = doc[span.start - 1] if span.start > 0 else None
    if label == "PERSON" and previous is not None and (
            isinstance(known, Place) and previous.text in gazetteer.honorifics or
            (isinstance(known, KnownOrganization) or isinstance(known, Place) and
             known.type in ("City", "AdministrativeRegion")) and (
                previous.text in gazetteer.honorifics or
                previous.lower_ in gazetteer.titles and previous.text[:1].isupper())):
        known = None  # "Senator Hill" is a person, not the newspaper The Hill; "Mr Jackson",
        # "Mr Nelson" (not the New Zealand region), "Ms Jordan" (not the kingdom)
    if known is None and _names_nothing(span, label, gazetteer):
        leading = leading_place(span, gazetteer)
        if leading is not None:  # "NSW Health Minister X": no body, but the state is named
            ctx.add_mention(leading[0], leading[1].type, key=leading[1].key)
        return
    if label == "PERSON" and known is None and len(span) == 1 and span[0].is_sent_start \
            and person_parts is not None and not ctx.part_of_longer_name(span) \
            and sum(e.label_ == "PERSON" and e.text == span.text for e in doc.ents) < 2:
        return  # "Turnout reached 61 percent": a capitalised word, not someone named before
    if known is None and label in ("ORG", "FAC") and len(span) > 1 and \
            span[-1].text in place_name_words("feature-last"):  # (a person may be "Lena Park")
        ctx.add_mention(span, "Place")  # "the Nazca Plate", "Royal National Park"
        return
    if known is None and label in ("ORG", "GPE", "LOC", "FAC") and _kin_apposed(span, gazetteer):
        ctx.add_mention(span, "Person")  # "his daughter, Beatriz", tagged ORG by the model
        return
    if known is None and label in ("GPE", "LOC", "FAC", "ORG") and _titled_name(span, gazetteer):
        ctx.add_mention(span, "Person")  # "President Thabo Mbeki", tagged a place by the model
        return
    cut = next((cut for cut in range(1, len(span) - 1) if _titled_name(span[cut:], gazetteer)),
               None) if known is None and label in ("GPE", "LOC", "FAC", "ORG") else None
    if cut is not None:
        # "General Pervez Musharraf" tagged ORG, title and all; "Federal Labor MP Carmen
        # Lawrence": the party before the title is named too
        if cut >= 2 and span[cut - 2].text in gazetteer.party_names:
            ctx.add_mention(span[cut - 2 : cut - 1], "PoliticalParty")
        ctx.add_mention(span[cut:], "Person")
        return
    if known is None and label in ("GPE", "LOC", "FAC") and len(span) == 2 and \
            span[0].lower_ in gazetteer.titles and span[1].is_alpha and span[1].is_title and \
            span[1].text not in place_name_words("feature-last") | place_name_words("facility-last"):
        ctx.add_mention(span[1:], "Person")  # "Prince Charles" tagged a place, not "Queen Street"
        return
    if known is None and label in ("PERSON", "ORG", "GPE", "LOC") and span.start >= 2 and \
            doc[span.start - 2].lower_ in _HOLDING_NOUNS and doc[span.start - 1].lower_ in (
                "in", "of") and classify_organization(text) in ("Organization", "Company"):
        ctx.add_mention(span, "Company")  # "shares in Activision Blizzard rose"
        return
    unclassified = label == "ORG" and classify_organization(text) == "Organization"
    place_type = said_to_be_place(span, gazetteer) \
        if (label == "PERSON" or unclassified) and known is None else None
    if place_type is not None:
        ctx.add_mention(span, place_type)
        return  # "the district of Mitte", "the Vlava river": a place the model took for a name
    if label == "PERSON" and known is None and person_written_as_place(span, ctx):
        ctx.add_mention(span, "Place")  # "in Tora Bora", "near Hill Top"
        return
    if label == "PERSON" and known is None:
        kind = classify_organization(text)
        following = doc[span.end] if span.end < len(doc) else None
        if following is not None and following.lower_ in _LEADERS_BODIES and \
                span[-1].dep_ == "compound" and span[-1].head.i == following.i:
            ctx.add_mention(doc[span.start : following.i + 1], "Government")  # "Bush administration"
        elif kind in ("Company", "NewsOrganization", "Agency", "Ministry", "PoliticalParty"):
            ctx.add_mention(span, kind)  # "Halvorsen Maritime": a company named after a family
        else:
            ctx.add_mention(span, "Person")
        return
    if label == "ORG" and known is None and person_parts and \
            classify_organization(text) == "Organization" and len(span) <= 3 and \
            span[-1].text in person_parts and span[-1].text[:1].isupper():
        ctx.add_mention(span, "Person")  # "Neves" after "Duarte Neves", tagged ORG by the model
        return
    if label == "ORG" and known is None and classify_organization(text) == "Organization" and \
            span.end < len(doc) and doc[span.end].lower_ in _AREA_WORDS and \
            doc[span.end].dep_ != "compound" and span[-1].text not in gazetteer.party_names and \
            span[-1].dep_ == "compound" and span[-1].head.i == span.end:
        ctx.add_mention(span, "Place")  # "the Shoalhaven area", "the Hunter region"
        return
    if label == "ORG" and known is None and len(span) == 1 and not span[0].is_upper and \
            classify_organization(text) == "Organization" and listed_with_a_place(span, gazetteer):
        ctx.add_mention(span, "Place")  # "as far inland as Mudgee, Narromine and Kempsey"
        return
    if label == "ORG" and known is None and classify_organization(text) == "Organization" and \
            _written_as_a_persons_name(span, gazetteer):
        ctx.add_mention(span, "Person")  # "envoy Terje Roed-Larsen", "X and Nanti Hayward"
        if person_parts is not None:  # "Ntini" later is the same person
            person_parts.update(t.text for t in span if t.is_alpha)
        return
    if isinstance(known, Place) and known.type == "City" and \
            town_names_an_affair(span, known, gazetteer):
        return  # "the Tampa crisis" in a story that names no other place of Tampa's state
    if isinstance(known, Place):
        side = doc[span.start - 1] if span.start > 0 else None
        if known.type == "Place" and side is not None and side.lower_ in _CONTINENT_PARTS \
                and not side.ent_type_:  # "central Europe" is not Europe
            part = gazetteer.lookup(doc[side.i : span.end].text)
            ctx.add_mention(doc[side.i : span.end], "Place",
                            key=part.key if isinstance(part, Place) else None)
        else:
            ctx.add_mention(span, known.type, key=known.key)
    elif isinstance(known, KnownOrganization):
        ctx.add_mention(span, known.type, key=known.key)
    elif label in ("GPE", "LOC", "FAC"):
        if person_parts and all(t.text in person_parts for t in span if t.is_alpha):
            ctx.add_mention(span, "Person")  # "Ri" after "Ri Il Kyu": a name part, not a place
        elif all(w in _COMPASS for w in re.split(r"[\s-]+", text)) and len(span) > 1:
            return  # "North-South" (ties) names no place
        elif label == "LOC" and len(span) == 1 and text == "West":
            ctx.add_mention(span, "Place")  # "the West": the western world, not a state
        elif label == "LOC" and len(span) == 1 and text in ("North", "South", "East"):
            ctx.add_mention(span, "Country", kind="description")
        else:
            ctx.add_mention(span, said_to_be_place(span, gazetteer) or (
                "City" if in_part_of_a_region(span, gazetteer) or
                label == "GPE" and _a_town_the_gazetteer_lacks(span) else "Place"))
    elif label == "ORG" and owns_a_programme(span):
        ctx.add_mention(span, "NewsOrganization")  # "the ABC's AM program": a broadcaster
    elif label == "ORG" and span[-1].text in gazetteer.party_names:
        ctx.add_mention(span, "PoliticalParty")  # "Labor", "Australian Democrats"
    elif label == "ORG":
        kind = classify_organization(text)
        if kind == "Organization" and _department_of_a_state(span, gazetteer):
            kind = "Agency"  # "Health Canada", "Queensland Health"
        owned = _state_of_a_ministry(ctx, span) if kind == "Ministry" else None
        ctx.add_mention(span, kind, attributes=() if owned is None else (
            ("owner", owned[0].id), ("alias", owned[1].text)))
    elif label == "PERSON":
        ctx.add_mention(span, "Person")


def _state_of_a_ministry(ctx: Context, span: Any) -> tuple[Mention, Any] | None:
    """"the Saudi Interior Ministry": a state's adjective before a ministry's generic name
    says whose ministry it is. The adjective stays the state's own mention; returned with the
    ministry's name without it ("Interior Ministry")."""
    for size in (1, 2):
        if len(span) <= size + 1:
            break
        place = ctx.gazetteer.demonym(span[:size].text)
        if isinstance(place, Place) and place.type == "Country" and \
                classify_organization(span[size:].text) == "Ministry":
            state = ctx.add_mention(span[:size], "Country", kind="demonym", key=place.key)
            return state, span[size:]
    return None


def _department_of_a_state(span: Any, gazetteer: Any) -> bool:
    """"Health Canada", "Statistics New Zealand", "Queensland Health": a portfolio's word and a
    state's or a region's name make the name of that government's department."""
    for size in (1, 2):
        if len(span) <= size:
            break
        for portfolio, place in ((span[:size], span[size:]), (span[-size:], span[:-size])):
            if not all(t.text in gazetteer.portfolio_names or t.lower_ == "and"
                       for t in portfolio) or portfolio[0].lower_ == "and":
                continue
            known = place_named(place.text, gazetteer)
            if isinstance(known, Place) and known.type in ("Country", "AdministrativeRegion"):
                return True
    return False


def _names_a_thing(span: Any, gazetteer: Any) -> bool:
    """Whether a name is apposed to a noun for a thing ("the Seabird, a cargo ship"), itself or
    through the words it stands for ("XRD, which stands for Extended Range Defence, a rocket
    system")."""
    names = [span.root]
    for clause in span.root.children:
        if clause.dep_ == "relcl" and clause.lemma_ == "stand":
            names += [o for p in clause.children if p.dep_ == "prep" and p.lower_ == "for"
                      for o in p.children if o.dep_ == "pobj"]
    for name in names:
        nouns = [c for c in name.children if c.dep_ == "appos"]
        if name.dep_ == "appos":
            nouns.append(name.head)
        if any(n.is_lower and n.lemma_.lower() in gazetteer.thing_nouns for n in nouns):
            return True
    return False


def _names_nothing(span: Any, label: str, gazetteer: Any) -> bool:
    """Whether a span the model tagged, and the gazetteer does not know, names no entity of
    the ontology: a kind of body, a title, a common noun, a gathering, a law, a programme, a
    portfolio."""
    text = span.text
    if label == "ORG" and len(span) == 1 and span[0].lower_ in lexicon_words("body-words.txt"):
        return True  # "the Authority", "the Group": a kind of body, no name
    if len(span) == 1 and span[0].tag_ in ("NN", "NNS") and label != "PERSON" and \
            text not in gazetteer.party_names:
        return True  # "People", "Children" opening a sentence: a common noun, no name
    if label == "ORG" and len(span) == 1 and span[0].tag_ == "JJ":
        return True  # "Aboriginal communities": an adjective, not an organisation's name
    if label == "ORG" and span[-1].lower_ in gazetteer.titles and \
            classify_organization(text) == "Organization":
        return True  # "US Magistrate", "Joint Chiefs General": a title, no body
    if label in ("ORG", "FAC") and span[-1].text in gazetteer.event_name_heads:
        return True  # "the Johannesburg Earth Summit" names a gathering, not a body
    if _names_a_document(span, gazetteer):
        return True  # "the Border Protection Bill" (even split as "Border Protection" + "Bill")
    if label == "ORG" and len(span) > 1 and span[-1].text in lexicon_words("programme-names.txt"):
        return True  # "the Pharmaceutical Benefits Scheme", "the Pacific Solution": a programme
    if label == "ORG" and _unnamed_government(span):
        return True  # "the Federal Government": a government without a name is no entity
    return label == "ORG" and _portfolio(span, gazetteer)  # "Employment Services Minister X"


# Prepositions after which a town the gazetteer knows is the town, however the model tagged
# it: only a place is near something ("closed near Goulburn").
_NEAR_WORDS = {"near", "outside", "around", "towards", "nearby"}


# Nouns after a leader's name that make the name stand for the government he heads.
_LEADERS_BODIES = {"administration", "government", "regime"}


# Words before a continent that name a part of it: "central Europe", "southern Africa".
_CONTINENT_PARTS = {"central", "eastern", "western", "northern", "southern"}


# Nouns after a people's name (not a state's) that make a place of it: "the Kurdish region".
_PEOPLE_PLACE_NOUNS = {"region", "world"}


# Words that, with "government", say only which level of government speaks, not whose.
_GOVERNMENT_LEVELS = {"federal", "national", "central", "state", "commonwealth", "government",
                      "opposition", "coalition"}


def _names_a_storm(span: Any) -> bool:
    """"Cyclone Freddy", "Tropical Cyclone Yasi": a name a storm word begins
    (``data/lexicon/storm-words.txt``), that no organisation's word ends ("Cyclone Relief
    Fund")."""
    words = lexicon_words("storm-words.txt")
    return len(span) > 1 and span[0].text[:1].isupper() and span[0].lower_ in words and \
        span[1].text[:1].isupper() and classify_organization(span.text) == "Organization" and \
        (span[0].lower_ != "tropical" or span[1].lower_ in words)


def _a_town_the_gazetteer_lacks(span: Any) -> bool:
    """A name the model took for a state's or a town's that the gazetteer does not know: the
    gazetteer knows every state and first-level region, so where the text puts it as one puts
    a town ("at Helensburgh", "from Port Augusta", "near Interlaken"; "in" may go before a
    region as well, "in Darfur") it is a town, unless an area noun follows it ("Mosh Khil
    area") or a feature's word ends it ("Salisbury Park")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return len(span) <= 3 and all(t.is_alpha and t.is_title for t in span) and \
        before is not None and before.lower_ in _TOWN_PREPOSITIONS and \
        (after is None or not (after.is_lower and after.lower_ in REGION_WORDS | _AREA_WORDS)) and \
        span[-1].text not in place_name_words("feature-last") | place_name_words(
            "facility-last") and span[-1].text not in ("Union", "Republic", "Empire")


# Prepositions that put a place as one puts a town, not a region: "at Woomera".
_TOWN_PREPOSITIONS = {"at", "near", "nearby", "outside", "from"}


# Nouns for a part of a company someone holds: what follows "shares in" is a company.
_HOLDING_NOUNS = {"shares", "stake", "stakes", "shareholding", "shareholders", "shareholder"}


# Nouns after a name that make it the name of an area: "the Shoalhaven area".
_AREA_WORDS = {"area", "region", "district"}


def _written_as_a_persons_name(span: Any, gazetteer: Any) -> bool:
    """A given name and a surname the model took for an organisation's that the sentence writes
    as a person's: right after a person's title in lower case ("UN envoy Terje Roed-Larsen",
    "the spokesman Ali Hassan") or joined by "and" to a name the model took for a person's
    ("batsmen Makhaya Ntini and Nanti Hayward")."""
    words = [t for t in span if t.text != "-"]
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words) or \
            any(t.text in place_name_words("feature-last") | place_name_words("facility-last")
                for t in words):
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and before.tag_ == "NN" and \
            before.head.i in range(span.start, span.end) and (
            before.lower_ in gazetteer.titles or before.lower_ in gazetteer.occupations):
        return True
    last = span[-1]
    partners = [child for child in last.children if child.dep_ == "conj"]
    if last.dep_ == "conj":
        partners.append(last.head)
    return any(t.ent_type_ == "PERSON" and not span.start <= t.i < span.end for t in partners)


def _kin_apposed(span: Any, gazetteer: Any) -> bool:
    """"his daughter, Beatriz", "her husband Tom": a name in apposition to a kinship noun."""
    doc = span.doc
    index = span.start - 1
    if index >= 0 and doc[index].text == ",":
        index -= 1
    return index >= 0 and doc[index].lower_ in gazetteer.kinship and doc[index].is_lower


def _named_by_people(span: Any, place: Any, gazetteer: Any) -> tuple[Any, str] | None:
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
                    noun.text in gazetteer.institution_nouns:
                return doc[span.start : span.end + size], gazetteer.institution_nouns[noun.text]
    return None


def _names_a_document(span: Any, gazetteer: Any) -> bool:
    """Whether a span is (part of) the name of a law or treaty: it ends in "Bill", "Act",
    "Protocol", ..., or a capitalised one follows it, or it is one after a capitalised word."""
    doc = span.doc
    heads = gazetteer.document_name_heads
    following = doc[span.end] if span.end < len(doc) else None
    preceding = doc[span.start - 1] if span.start > 0 else None
    return span[-1].text in heads and (len(span) > 1 or span[0].tag_ == "NNP") or \
        following is not None and following.text in heads or \
        len(span) == 1 and span[0].text in heads and preceding is not None and \
        preceding.text[:1].isupper() and preceding.is_alpha


def _unnamed_government(span: Any) -> bool:
    """"the Federal Government", "the Opposition": no state, party or leader named."""
    words = {t.lower_ for t in span if t.is_alpha}
    return bool(words & {"government", "opposition"}) and words <= _GOVERNMENT_LEVELS


def _portfolio(span: Any, gazetteer: Any) -> bool:
    """"Employment Services" in "Employment Services Minister Mal Brough": a minister's
    portfolio, written before a capitalised title, is not an organisation."""
    doc = span.doc
    if classify_organization(span.text) != "Organization" or span.end >= len(doc):
        return False
    title = doc[span.end]
    return title.lower_ in gazetteer.titles and title.text[:1].isupper()


def _titled_name(span: Any, gazetteer: Any) -> bool:
    """"President Thabo Mbeki": two or three capitalised words right after a capitalised title
    are a person's name, whatever kind of name the model took them for."""
    doc = span.doc
    if not 2 <= len(span) <= 3 or span.start == 0 or not all(
            t.is_alpha and t.text[:1].isupper() for t in span):
        return False
    title = doc[span.start - 1]
    return title.lower_ in gazetteer.titles and title.text[:1].isupper() and \
        classify_organization(span.text) == "Organization" and \
        span[-1].text not in place_name_words("facility-last")  # "Queen Elizabeth Hospital"


def find_untagged_names(ctx: Context) -> None:
    """Names the model left untagged whose own surroundings say what they are: "the river
    Elbe" (a place), "Batasuna, a political party" (an organisation); a person the model saw in
    the same name elsewhere takes that type too."""
    doc = ctx.doc

    def untagged(token: Any) -> bool:  # "the river Tarrow" may even be tagged a date
        return token.pos_ == "PROPN" and (token.is_alpha or bool(_CALL_SIGN.match(token.text))) and \
            token.text[:1].isupper() and token.ent_type_ not in _NAME_LABELS and \
            ctx.mention_at(token) is None

    index = 0
    while index < len(doc):
        if not untagged(doc[index]):
            index += 1
            continue
        end = index + 1
        while end < len(doc) and untagged(doc[end]):
            end += 1
        span = doc[index:end]
        index = end
        place = untagged_place(span, ctx.gazetteer)
        if place is not None:
            ctx.add_mention(place[0], place[1].type, key=place[1].key)
            continue
        if only_title_words(span, ctx.gazetteer) or span.text in ctx.gazetteer.honorifics or \
                _names_a_document(span, ctx.gazetteer) or \
                span[-1].text in ctx.gazetteer.event_name_heads:
            continue
        type_ = said_to_be_place(span, ctx.gazetteer)
        if type_ is None:
            apposed = [c for t in span for c in t.children
                       if c.dep_ == "appos" and c.is_lower and c.lower_ in body_descriptors()]
            type_ = descriptors()[apposed[0].lower_] if apposed else None
        outlet = span.root.head if span.root.dep_ == "appos" else None
        if type_ is None and outlet is not None and outlet.is_lower and \
                outlet.lower_ in descriptors() and descriptor_type(outlet) == "NewsOrganization":
            type_ = "NewsOrganization"  # "local broadcaster TVN24", "the news agency ANA"
        office = span.end < len(doc) and doc[span.end].is_lower and \
            doc[span.end].lower_ in ctx.gazetteer.titles  # "X Commission chairman Y"
        if type_ is None and (span.start > 0 and doc[span.start - 1].lower_ == "the" or
                              owned_by_a_place(span, ctx) or office) and \
                not any(t.ent_type_ for t in span) and \
                classify_organization(span.text) != "Organization" and \
                not _unnamed_government(span):
            type_ = classify_organization(span.text)  # "the Police Ombudsman": a body's head word
            span = _with_first_conjunct(span)
        if type_ is None:
            continue
        ctx.add_mention(span, type_)
        for position, other in enumerate(ctx.mentions):
            if other.kind == "name" and not other.key and other.text == span.text and \
                    other.type == "Person":
                ctx.mentions[position] = replace(other, type=type_)


def find_repeated_names(ctx: Context) -> None:
    """A name the article already gave an entity, repeated where the model tagged nothing
    ("Civic Renewal won ..." after "the Civic Renewal party"): the same entity again. Only
    whole names of two words or more, or of one word for a non-person, as a run of proper
    nouns of its own (not the start or the end of a longer name)."""
    doc = ctx.doc
    names: dict[tuple[str, ...], Mention] = {}
    for mention in ctx.mentions:
        if mention.kind != "name":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        words = tuple(token.text for token in span) if span is not None else ()
        if words and (len(words) > 1 or mention.type != "Person") and words[0][:1].isupper():
            names.setdefault(words, mention)
    if not names:
        return
    longest = max(len(words) for words in names)
    index = 0
    while index < len(doc):
        found = None
        for size in range(min(longest, len(doc) - index), 0, -1):
            words = tuple(token.text for token in doc[index:index + size])
            if words in names:
                found = (size, names[words])
                break
        if found is None:
            index += 1
            continue
        size, mention = found
        span = doc[index:index + size]
        before = doc[index - 1] if index > 0 else None
        after = doc[index + size] if index + size < len(doc) else None
        alone = not any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper()
                        for t in (before, after))
        if alone and all(ctx.mention_at(token) is None for token in span):
            ctx.add_mention(span, mention.type, key=mention.key, attributes=mention.attributes)
        index += size


_PERSON_PRONOUNS = {"he", "she", "him", "his", "her", "hers", "himself", "herself"}


def argument_mention(ctx: Context, token: Any) -> Any:
    """The mention a syntactic argument stands for, creating pronoun, description or unnamed ones.

    Returns None when the token names nothing the graph should hold.
    """
    found = ctx.mention_in(token)
    if found is not None:
        return found
    for child in token.children:  # "newspaper The Chosun Daily": the name in apposition
        if child.dep_ == "appos" and ctx.mention_in(child) is not None:
            return ctx.mention_in(child)
    lower = token.lower_
    if token.is_lower and lower in lexicon_words("government-nouns.txt"):
        state = _state_of_a_government(ctx, token)
        if state is not None:
            return state  # "the Zimbabwean government", "Sri Lanka's government": the state
    if token.pos_ == "PRON" and lower in _PERSON_PRONOUNS:
        return ctx.add_mention([token], "Person", kind="pronoun")
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    determiners = {child.lower_ for child in token.children if child.dep_ == "det"}
    description_nouns = lexicon_classes("description-nouns.tsv")  # "the outlet", "the party"
    if "the" in determiners and lower in description_nouns and token.tag_ in ("NN", "NNP"):
        tokens = [t for t in token.subtree if t.i <= token.i and t.dep_ != "poss"]
        return ctx.add_mention(tokens, description_nouns[lower], kind="description")
    noun = lower
    compound = [c for c in token.children if c.dep_ == "compound" and c.i == token.i - 1]
    if compound and f"{compound[0].lower_} {noun}" in ctx.gazetteer.occupations:
        noun = f"{compound[0].lower_} {noun}"
    if noun in ctx.gazetteer.occupations and token.tag_ == "NN" and (
        determiners & {"a", "an", "one", "another"}
    ):
        attributes: list[tuple[str, str]] = [("occupation", noun)]
        left = min([token.i, *[c.i for c in token.children if c.dep_ in ("amod", "compound", "det")]])
        for child in token.children:
            country = ctx.mention_at(child)
            if child.dep_ in ("amod", "compound", "nmod") and country and country.type == "Country":
                attributes.append(("nationality", country.id))
        tokens = [t for t in token.doc[left : token.i + 1] if t.dep_ != "det"]
        return ctx.add_mention(tokens, "Person", kind="nominal", attributes=tuple(attributes))
    return _titled_official(ctx, token, noun)


def _state_of_a_government(ctx: Context, token: Any) -> Mention | None:
    """The state whose government a lower-case noun is: its adjective or possessive before
    ("the Zimbabwean government", "Sri Lanka's government") or "of" and its name after ("the
    government of Kenya")."""
    owners = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    owners += [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"]
    states = [m for m in (ctx.mention_in(o) for o in owners) if m is not None and
              m.type == "Country"]
    return states[0] if len(states) == 1 else None


def _titled_official(ctx: Context, token: Any, noun: str) -> Any:
    """An unnamed office holder of a state: "Iraq's ambassador", "the Russian defence minister"
    (a person with that occupation and nationality); a bare "the minister" is nobody yet."""
    if noun not in ctx.gazetteer.titles or token.tag_ != "NN":
        return None
    states = [m for m in (ctx.mention_at(c) for c in token.children
                          if c.dep_ in ("poss", "amod", "compound", "nmod"))
              if m is not None and m.type == "Country"]
    if len(states) != 1:
        return None
    left = min(c.i for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod", "det"))
    tokens = [t for t in token.doc[left : token.i + 1]
              if t.dep_ not in ("det", "case") and ctx.mention_at(t) is None]
    return ctx.add_mention(tokens or [token], "Person", kind="nominal",
                           attributes=(("occupation", noun), ("nationality", states[0].id)))


def find_institutions(ctx: Context) -> None:
    """Unnamed institutions named by their owner: "the North Korean embassy in China"."""
    for token in ctx.doc:
        type_ = lexicon_classes("unnamed-institutions.tsv").get(token.lower_)
        if type_ is None or token.pos_ != "NOUN" or ctx.mention_at(token):
            continue
        owner = None
        host = None
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss"):
                candidate = ctx.mention_in(child) or (
                    argument_mention(ctx, child) if child.dep_ == "poss" else None
                )
                if candidate is not None and candidate.type in ("Country", "City"):
                    owner = candidate
            elif child.dep_ == "prep" and child.lower_ in ("in", "to", "of"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                place = ctx.mention_in(objects[0]) if objects else None
                if place is None or place.type not in ("Country", "City", "Place"):
                    continue
                if child.lower_ == "of" and owner is None:
                    owner = place
                elif type_ == "Embassy" and child.lower_ in ("in", "to"):
                    host = place
        if owner is None:
            continue
        attributes = [("owner", owner.id)] + ([("host", host.id)] if host else [])
        phrase = [t for t in token.subtree if t.dep_ not in ("det", "punct")
                  and not (t.dep_ == "relcl" or any(a.dep_ == "relcl" for a in t.ancestors))]
        if phrase and phrase[-1].i - phrase[0].i == len(phrase) - 1:
            attributes.append(("phrase", " ".join(t.text for t in phrase)))
        ctx.add_mention([token], type_, kind="institution", attributes=tuple(attributes))
