"""Named mentions: the model's repaired name spans and the gazetteer → typed mentions of the
ontology's classes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from kg.companies import a_persons_name, airline_by_short_name, listed_company
from kg.extract.bearings import in_part_of_a_region
from kg.extract.context import PLACE_TYPES, STRAIGHT, Context, with_period
from kg.extract.entities.acronyms import abbreviations_of_common_words
from kg.extract.entities.body_cues import an_unsupported_word, joined_by_izafe, unit_of_a_force
from kg.extract.entities.given_names import begins_with_a_given_name
from kg.extract.entities.no_entity_cues import GOVERNMENT_LEVELS, names_nothing
from kg.extract.entities.peoples import named_by_people, names_of_peoples
from kg.extract.entities.person_cues import (
    a_common_word_for_a_person,
    a_lone_word_for_a_person,
    apposed_to_a_role,
    kin_apposed,
    person_name_part,
    titled_name,
    written_as_a_persons_name,
)
from kg.extract.entities.shared_verb_names import mend_names_at_shared_verbs
from kg.extract.entities.spans import relabel_mistaken_surnames, repaired_names
from kg.extract.entities.state_cues import body_after_its_own_states_adjective, department_of_a_state
from kg.extract.entities.teams import place_named_teams, team_names
from kg.extract.entities.thing_cues import (
    a_models_designation,
    names_a_disease,
    names_a_storm,
    names_a_thing,
    names_of_things,
    quoted_titles,
)
from kg.extract.entities.town_cues import (
    AREA_WORDS,
    a_town_the_gazetteer_lacks,
    names_a_sites_town,
    paired_with_a_town,
    stands_where_a_body_does,
)
from kg.extract.entities.whole_names import whole_names
from kg.extract.names import (
    a_given_name,
    extend_person,
    looks_like_name,
    only_title_words,
    trim,
)
from kg.extract.organizations import (
    classify_organization,
    has_a_body_head,
    known_in_its_own_spelling,
    media_after,
    owns_a_programme,
)
from kg.extract.place_clues import (
    a_group_that_acts,
    a_venue_written_as_a_body,
    a_word_in_capitals,
    a_word_of_a_title,
    leading_place,
    listed_with_a_place,
    names_an_occasion_or_a_scheme,
    opening_dateline,
    person_written_as_place,
    place_taken_for_a_people,
    region_named_with_its_word,
    said_to_be_place,
    site_named_after_a_town,
    site_noun_of_a_name,
    state_by_its_abbreviation,
    town_before_its_region,
    town_names_an_affair,
    town_of_the_story,
)
from kg.extract.place_words import PLACE_NAME_ENDS, SETTLEMENT_NOUNS, place_name_words
from kg.gazetteer import LOCAL_TOWN_POPULATION, REGION_WORDS, KnownOrganization, Place
from kg.lexicon import lexicon
from kg.model import Mention

_COMPASS = {"North", "South", "East", "West", "-"}


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


def _trimmer(gazetteer: Any) -> Callable[[Any], Any]:
    """:func:`trim` of the spans of one document, each worked out once: it reads only the
    span's bounds and label, and find_mentions asks it three times of every name."""
    found: dict[tuple[int, int, str], Any] = {}

    def trimmed(ent: Any) -> Any:
        key = (ent.start, ent.end, ent.label_)
        if key not in found:
            found[key] = trim(ent, gazetteer)
        return found[key]

    return trimmed


def _majority_labels(ents: list[Any], trimmed: Callable[[Any], Any]) -> dict[str, str]:
    """The label a name gets most often in the article: one stray NER label does not win."""
    votes: dict[str, Counter[str]] = {}
    for ent in ents:
        text = trimmed(ent).text
        votes.setdefault(text, Counter())[ent.label_] += 1
    return {text: counter.most_common(1)[0][0] for text, counter in votes.items()
            if len(counter) > 1}


def find_mentions(ctx: Context) -> None:
    """Add a mention for every named entity the NER and the gazetteer ruler found."""
    from kg.nlp import make_span

    gazetteer = ctx.gazetteer
    mend_names_at_shared_verbs(ctx.doc)  # "Ann Lee co-founded Acme Labs": two names
    relabel_mistaken_surnames(ctx.doc)
    ents = whole_names(ctx.doc, repaired_names(ctx.doc, gazetteer), gazetteer)
    ents = team_names(ctx.doc, ents, gazetteer)  # "the Miami Dolphins", then "the Dolphins"
    trimmed = _trimmer(gazetteer)
    majority = _majority_labels(ents, trimmed)
    person_parts: set[str] = set()
    doc = ctx.doc
    honoured = {doc[t.i + 1].text for t in ctx.tokens_with("text", gazetteer.honorifics)
                if t.i + 1 < len(doc) and t.text in gazetteer.honorifics
                and doc[t.i + 1].text[:1].isupper()}  # "Mr Mbeki": Mbeki is someone's name
    surnames = honoured | {e.text for e in ents if e.label_ == "PERSON" and len(e) == 1
                           and gazetteer.lookup(e.text) is None}  # "Kovačič said" after "Maja Kovačič"
    for ent in ents:
        name = trimmed(ent)
        voted = majority.get(name.text, ent.label_)
        if voted == "PERSON":
            person_parts.update(t.text for t in name if t.is_alpha)
        elif _surname_ends(name, voted, ent, surnames, gazetteer):  # "Arnaud" after "Arnaud
            # Clement", both tagged organisations: the name without a title before it
            person = trim(make_span(doc, name.start, name.end, "PERSON"), gazetteer)
            person_parts.update(t.text for t in person if t.is_alpha)
    dateline = opening_dateline(doc, gazetteer)
    if dateline is not None:
        _add_named(ctx, dateline[0], "GPE", dateline[1].key)
    peoples = names_of_peoples(doc, gazetteer)
    abbreviations = abbreviations_of_common_words(doc)
    things = names_of_things(ents, gazetteer)
    titles = quoted_titles(doc)
    for ent in ents:
        if dateline is not None and ent.start < dateline[0].end:
            continue  # "RIO DE JANEIRO (AP) -" tagged an organisation, "SAO PAULO" cut to "SAO"
        span = trimmed(ent)
        if len(span) == 0:
            continue
        if span.text in abbreviations and not ent.ent_id_:
            continue  # "genetically modified (GM) crops": common words' letters, no name
        if ent.label_ in ("ORG", "PERSON") and span.text in peoples:
            continue  # "Pashtun tribal leaders", "the Larrakia have": a people, no entity
        if ent.label_ == "ORG" and not ent.ent_id_ and \
                any(start <= span.start and span.end <= end for start, end in titles) and \
                gazetteer.lookup(span.text) is None:
            continue  # the "Marlow Barn Hour", the "Brindle Crunch": a title, no body's name
        if ent.label_ in ("ORG", "PERSON") and not ent.ent_id_ and \
                " ".join(t.text for t in ent) in things:
            continue  # "the skipper of Nicorette" after "Swedish maxi Nicorette": a yacht
        label = majority.get(span.text, ent.label_)
        if label in ("PERSON", "ORG"):
            span = extend_person(span, gazetteer)
        if label == "ORG":
            parts = _split_possessive(span, gazetteer)
            if parts:
                owner, owned = parts
                _add_named(ctx, owner, "GPE", None)
                span = owned
        if _surname_ends(span, label, ent, surnames, gazetteer):
            label = "PERSON"  # "Thabo Mbeki" tagged a place, "Mr Mbeki" later
        elif label == "ORG" and len(span) == 1 and span.text in honoured and \
                gazetteer.lookup(span.text) is None and span.text not in gazetteer.party_names:
            label = "PERSON"  # "Mr Hale said" tagged an organisation, honorific and all
        if label == "PERSON" and ent.label_ != "PERSON":  # "Federal Labor MP Carmen Lawrence"
            span = trim(make_span(doc, span.start, span.end, "PERSON"), gazetteer)  # tagged ORG
        _add_named(ctx, span, label, ent.ent_id_ or None, person_parts)
    place_named_teams(ctx)  # "Alabama coach Nick Saban": the team, not the state


def _surname_ends(span: Any, label: str, ent: Any, surnames: set[str], gazetteer: Any) -> bool:
    """Whether a name of two words or more the model took for a place's or a body's ends in a
    surname the article gives a person ("Thabo Mbeki" tagged a place, "Mr Mbeki" later)."""
    return label in ("GPE", "LOC", "ORG") and not ent.ent_id_ and len(span) > 1 and \
        span[-1].text in surnames and gazetteer.lookup(span.text) is None


def _add_named(
    ctx: Context, span: Any, label: str, key: str | None, person_parts: set[str] | None = None
) -> None:
    gazetteer = ctx.gazetteer
    doc = ctx.doc
    text = span.text.translate(STRAIGHT)
    site = site_named_after_a_town(span, gazetteer) if label in ("GPE", "LOC", "FAC", "NORP") \
        else None
    if site is not None:
        ctx.add_mention(site, "Place")  # "Gaza international airport", "the Rafah border crossing"
        return
    if label == "NORP" and known_in_its_own_spelling(text, gazetteer):
        label = "ORG"  # "on Roku, iTunes and Xbox Live": "iTunes" taken for a people's name
    if label == "NORP":
        place = gazetteer.get(key) if key else gazetteer.demonym(text)
        named = named_by_people(span, place, gazetteer)
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
        elif not key:
            taken = place_taken_for_a_people(span, gazetteer)
            if taken is not None:  # "the Interlaken canyoning trial", "along the Ganges"
                _add_named(ctx, span, taken[1], None, person_parts)
        return
    if (label in ("GPE", "LOC") or label in ("PERSON", "ORG") and
            region_named_with_its_word(span, gazetteer)) and len(span) > 1 and \
            span[-1].lower_ in REGION_WORDS:  # "Enugu State" taken for a person, "Ondo State" a body
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
    if label in ("GPE", "LOC") and len(span) > 1 and span[-1].is_lower and \
            span[-1].lower_ in SETTLEMENT_NOUNS and looks_like_name(span[:-1]):
        town = gazetteer.lookup(span[:-1].text.translate(STRAIGHT))
        ctx.add_mention(span[:-1], "City",  # "Kolna village": the town is "Kolna"
                        key=town.key if isinstance(town, Place) and town.type == "City" else None)
        return
    if label in ("PERSON", "ORG", "GPE", "LOC") and names_a_storm(span):
        return  # "Cyclone Freddy", "Tropical Storm Alberto": the storm is an event, not a name
    honoured = span.start > 0 and doc[span.start - 1].text in gazetteer.honorifics
    if not (looks_like_name(span) or known_in_its_own_spelling(text, gazetteer)) or \
            only_title_words(span, gazetteer) and not honoured and \
            classify_organization(text) == "Organization":  # "Parliament" names a body ("Mr
        return  # Farmer", a title's word after an honorific, is someone's name)
    if text in gazetteer.religions and not (key or isinstance(gazetteer.lookup(text), KnownOrganization)):
        return  # "supporters of Islam": a religion is no entity of the ontology ("The Hindu" a paper)
    if len(span) == 3 and span[0].lower_ == "anti" and span[1].text == "-":
        return  # "Anti-Taliban forces": an adjective (not "the Anti-Dumping Commission")
    if label == "ORG" and len(span) > 1 and span[-1].text in gazetteer.religions and \
            span.end < len(doc) and doc[span.end].is_lower and doc[span.end].pos_ == "NOUN":
        _add_named(ctx, span[:-1], "GPE", None)  # "a Toowoomba Anglican school": the town's
        return
    state_words = None if key else a_models_designation(span, gazetteer)
    if state_words is not None:
        if state_words:
            _add_named(ctx, span[:state_words], "GPE", None)  # "a US B-9 bomber": the US
        return  # "a Kestrel B-9 bomber", "FX-30 fighter jets": a model of a thing
    if not key and label in ("GPE", "LOC", "ORG", "PERSON") and gazetteer.lookup(text) is None:
        if len(span) > 1 and names_a_disease(span[-1:], ctx) and \
                isinstance(gazetteer.lookup(span[:-1].text.translate(STRAIGHT)), Place):
            _add_named(ctx, span[:-1], "GPE", None)  # "a Leeds Ebola patient": the town only
            return
        if names_a_disease(span, ctx):
            return  # "the Ebola outbreak", "an Ebola patient": a disease, no entity
    if not key and names_a_thing(span, gazetteer) or \
            len(span) > 1 and span[0].text in gazetteer.ship_prefixes:
        return  # "XRD, a French-designed rocket system", "HMAS Adelaide": a weapon, a ship
    if label in ("ORG", "PERSON") and isinstance(gazetteer.demonym(text), Place):
        _add_named(ctx, span, "NORP", None)  # "New Zealander", "Sri Lankan" tagged organisations
        return
    metropolis = gazetteer.lookup(span[1:].text.translate(STRAIGHT)) if len(span) > 1 and \
        span[0].text in place_name_words("metro-first") and not key else None
    if isinstance(metropolis, Place) and metropolis.type == "City":
        ctx.add_mention(span, "City", key=metropolis.key)  # "Greater Perth is ringed by fires"
        return  # (tagged a person's name): the city's metropolitan area, the city itself
    if span[0].text in place_name_words("feature-first") and len(span) > 1 and not key:
        feature = gazetteer.lookup(re.sub(r"^Mt\.? ", "Mount ", text))
        if isinstance(feature, Place):  # "Mt Gambier" is the town Mount Gambier
            ctx.add_mention(span, feature.type, key=feature.key)
        else:
            ctx.add_mention(span, "Place")  # "Mount Kembla", "Lake Bonney", "Cape Otway"
        return
    known = gazetteer.get(key) if key else gazetteer.lookup(text)
    airline = airline_by_short_name(span)
    if airline is not None:
        known = gazetteer.get(airline)  # "Delta cancelled 300 flights": the airline, no region
    if known is None and not key and listed_company(span, label, ctx) is not None:
        ctx.add_mention(span, "Company")  # "Comcast said", "Nielsen" tagged a person
        return
    if isinstance(known, Place) and a_word_in_capitals(span, gazetteer):
        return  # "QUIET CAR. Window seat.": a word of a line in capitals, no state
    if known is None and label == "ORG" and \
            (own_body := body_after_its_own_states_adjective(span, gazetteer)) is not None:
        ctx.add_mention(span[1:], own_body.type, key=own_body.key)  # "the Lebanese Hezbollah"
        return
    if isinstance(known, KnownOrganization):
        known = town_before_its_region(span, gazetteer) or known  # "Toyota, Aichi Prefecture"
    if known is None and text.isupper() and sum(c.isalpha() for c in text) >= 3:
        known = gazetteer.region_abbreviation(text)  # "NSW Premier X": three letters say it
    if known is None and label == "GPE":
        known = state_by_its_abbreviation(span, gazetteer)  # "from NC" in an American story
    if (known is None or isinstance(known, Place) and known.minor) and \
            label in ("ORG", "GPE", "LOC") and a_word_of_a_title(span, gazetteer):
        return  # "the Cat in the Hat balloon", "their Year in Search": a title's last word
    if known is None and label in ("PERSON", "ORG", "FAC", "GPE", "LOC") and \
            site_noun_of_a_name(span) is not None:
        ctx.add_mention(span, "Place")  # "at Gatwick and Stansted airports", tagged a person
        return
    if known is None and len(span) == 1 and span.start > 1 and doc[span.start - 1].text == ",":
        known = gazetteer.region_after_town(with_period(span[0]))  # "Durham, N.C."
    town = known if isinstance(known, Place) and known.minor else None
    if (known is None or town is not None) and media_after(span[-1]):
        ctx.add_mention(span, "NewsOrganization")  # "Fairfax newspapers", not the town
        return
    if isinstance(known, Place) and known.minor and label not in ("GPE", "LOC", "FAC"):
        known = None  # "Reading", "Mobile": a small town's name only where the parser saw a place
    if isinstance(known, Place) and known.type == "City" and label == "LOC" and \
            known.population < LOCAL_TOWN_POPULATION:
        known = None  # "the Pacific", "Phillip Island": a place the parser saw that is no town
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
        _add_person(ctx, span)  # "Vaughan" after "Michael Vaughan", not the town
        return
    if known is None and label in ("ORG", "GPE", "PERSON") and \
            text in gazetteer.outlet_abbreviations:
        ctx.add_mention(span, "NewsOrganization")  # "the ABC": some broadcaster, not linked
        return
    if label == "ORG" and len(span) == 1 and span[0].lower_ in GOVERNMENT_LEVELS:
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
    if a_persons_name(span, known, ctx):
        _add_person(ctx, span)  # "Nielsen said" after "Morten Nielsen": the person, not the
        return  # company, however the model tagged it
    if known is None and names_nothing(span, label, gazetteer):
        leading = leading_place(span, gazetteer)
        if leading is not None:  # "NSW Health Minister X": no body, but the state is named
            ctx.add_mention(leading[0], leading[1].type, key=leading[1].key)
        return
    if label == "PERSON" and known is None and len(span) == 1 and span[0].is_sent_start \
            and person_parts is not None and not ctx.part_of_longer_name(span) \
            and sum(e.label_ == "PERSON" and e.text == span.text for e in doc.ents) < 2:
        return  # "Turnout reached 61 percent": a capitalised word, not someone named before
    if known is None and label in ("ORG", "FAC", "PERSON") and len(span) > 1 and (
            span[-1].text in place_name_words("way-last") or
            label != "PERSON" and span[-1].text in place_name_words("way-last-surname") or
            label != "PERSON" and span[-1].text in place_name_words("feature-last") or  # ("Lena
            # Park" may be a person; "Appin Road" tagged an organisation or a person is the road)
            label != "PERSON" and span[-1].text in ("Centre", "Center") and
            span[-2].text in place_name_words("site-centre")):
        ctx.add_mention(span, "Place")  # "the Nazca Plate", "Royal National Park", "Woomera
        return  # Detention Centre"
    person = _person_known_as(span, ctx) if known is None and label in ("ORG", "GPE", "LOC", "FAC") \
        else None
    if person is not None:  # "Ahmed Hamid, known as Hemo", the nickname tagged a place: an
        position = ctx.mentions.index(person)  # alias of the person, no entity of its own
        ctx.mentions[position] = replace(person, attributes=(*person.attributes, ("alias", text)))
        return
    if known is None and label in ("ORG", "GPE", "LOC", "FAC") and kin_apposed(span, gazetteer):
        _add_person(ctx, span)  # "his daughter, Beatriz", tagged ORG by the model
        return
    if known is None and label in ("GPE", "LOC", "FAC", "ORG") and \
            apposed_to_a_role(span, gazetteer):
        _add_person(ctx, span)  # "Dana Okafor, an analyst at Brightline Capital", tagged ORG
        return
    if known is None and label in ("GPE", "LOC", "FAC", "ORG") and titled_name(span, gazetteer):
        _add_person(ctx, span)  # "President Thabo Mbeki", tagged a place by the model
        return
    if known is None and label in ("GPE", "LOC", "FAC", "ORG"):
        if len(span) > 2 and isinstance(gazetteer.demonym(span[0].text), Place) and \
                begins_with_a_given_name(span[1:], gazetteer):
            _add_named(ctx, span[:1], "NORP", None)  # "American Ed Mills" tagged ORG
            _add_person(ctx, span[1:])
            return
        if begins_with_a_given_name(span, gazetteer) or label == "ORG" and len(span) == 1 and \
                span.text in lexicon().words("given-names.txt"):
            _add_person(ctx, span)  # "Nick Tarrant won", "a man known as Nick", tagged
            return  # ORG by the model
    cut = next((cut for cut in range(1, len(span) - 1) if titled_name(span[cut:], gazetteer)),
               None) if known is None and label in ("GPE", "LOC", "FAC", "ORG") else None
    if cut is not None:
        # "General Pervez Musharraf" tagged ORG, title and all; "Federal Labor MP Carmen
        # Lawrence": the party before the title is named too
        if cut >= 2 and span[cut - 2].text in gazetteer.party_names:
            ctx.add_mention(span[cut - 2 : cut - 1], "PoliticalParty")
        _add_person(ctx, span[cut:])
        return
    if known is None and label in ("GPE", "LOC", "FAC") and len(span) == 2 and \
            span[0].lower_ in gazetteer.titles and span[1].is_alpha and span[1].is_title and \
            span[1].text not in place_name_words(*PLACE_NAME_ENDS):
        _add_person(ctx, span[1:])  # "Prince Charles" tagged a place, not "Queen Street"
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
        for part in _listed_names(span):  # "the towns of Harwood and Kolna", tagged as one
            ctx.add_mention(part, place_type)
        return  # "the district of Mitte", "the Vlava river": a place the model took for a name
    if (label == "PERSON" and len(span) == 1 or unclassified and len(span) <= 3) and known is None and \
            all(t.is_alpha and t.is_title for t in span) and not _titled_anywhere(span, ctx):
        paired = paired_with_a_town(span, ctx)
        if paired is not None:  # "closed between Tarrin and Kelmore", "from Kelmore to Yallah",
            # "around Tamworth, Gunnedah and Quirindi": a town, wherever else it is written
            ctx.add_mention(span, paired)
            return
    if label == "PERSON" and known is None and person_written_as_place(span, ctx):
        # "in Tora Bora"; "nearby Mittagong", a town the gazetteer knows, is the town
        ctx.add_mention(span, "City" if town is not None else "Place")
        return
    if label == "PERSON" and known is None:
        kind = classify_organization(text)
        following = doc[span.end] if span.end < len(doc) else None
        if following is not None and following.lower_ in _LEADERS_BODIES and \
                span[-1].dep_ == "compound" and span[-1].head.i == following.i:
            ctx.add_mention(doc[span.start : following.i + 1], "Government")  # "Bush administration"
        elif kind in ("Company", "NewsOrganization", "Agency", "Ministry", "PoliticalParty"):
            ctx.add_mention(span, kind)  # "Halvorsen Maritime": a company named after a family
        elif joined_by_izafe(span, gazetteer):
            ctx.add_mention(span, "Organization")  # "Jaish-e-Mohammad": a group's name
        elif len(span) > 1 and has_a_body_head(span[-1].text) and not a_given_name(span[0].text):
            ctx.add_mention(span, "Organization")  # rule "a body's head word last": "Vexa
            # Gaming", "Tarrow Rowing Club" tagged a person's name (organization-heads.tsv);
            # not "Rachel Union", a given name first
        elif not ((a_lone_word_for_a_person(span, ctx) or a_common_word_for_a_person(span, ctx))
                  and not _titled_anywhere(span, ctx) or _after_the_everywhere(span, ctx)):
            _add_person(ctx, span)  # not "fires above Tarrow", "the lower Tarrow": no one
        return
    if label == "ORG" and known is None and person_parts and \
            classify_organization(text) == "Organization" and len(span) <= 3 and \
            span[-1].text in person_parts and span[-1].text[:1].isupper():
        _add_person(ctx, span)  # "Neves" after "Duarte Neves", tagged ORG by the model
        return
    if label == "ORG" and known is None and classify_organization(text) == "Organization" and \
            span.end < len(doc) and doc[span.end].lower_ in AREA_WORDS and \
            doc[span.end].dep_ != "compound" and span[-1].text not in gazetteer.party_names and \
            span[-1].dep_ == "compound" and span[-1].head.i == span.end:
        ctx.add_mention(span, "Place")  # "the Shoalhaven area", "the Hunter region"
        return
    if label == "ORG" and known is None and len(span) == 1 and not span[0].is_upper and \
            classify_organization(text) == "Organization" and text not in gazetteer.party_names \
            and span.start >= 2 and doc[span.start - 1].lower_ == "the" and \
            doc[span.start - 2].lower_ in ("in", "across", "throughout"):
        ctx.add_mention(span, "Place")  # "back-burning in the Illawarra": a region
        return
    if label == "ORG" and known is None and len(span) == 1 and not span[0].is_upper and \
            classify_organization(text) == "Organization" and listed_with_a_place(span, gazetteer):
        ctx.add_mention(span, "Place")  # "as far inland as Mudgee, Narromine and Kempsey"
        return
    if label == "ORG" and known is None and classify_organization(text) == "Organization" and \
            written_as_a_persons_name(span, gazetteer):
        _add_person(ctx, span)  # "envoy Terje Roed-Larsen", "X and Nanti Hayward"
        if person_parts is not None:  # "Ntini" later is the same person
            person_parts.update(t.text for t in span if t.is_alpha)
        return
    if isinstance(known, Place) and known.type == "City" and \
            town_names_an_affair(span, known, gazetteer):
        return  # "the Tampa crisis" in a story that names no other place of Tampa's state
    if isinstance(known, Place):
        side = doc[span.start - 1] if span.start > 0 else None
        if known.type == "Place" and not known.territory and side is not None and \
                side.lower_ in _CONTINENT_PARTS \
                and not side.ent_type_:  # "central Europe" is not Europe
            part = gazetteer.lookup(doc[side.i : span.end].text)
            ctx.add_mention(doc[side.i : span.end], "Place",
                            key=part.key if isinstance(part, Place) else None)
        elif known.type == "City" and len(span) > 1 and \
                span[-1].text in place_name_words("feature-last") and \
                any(doc[t].lower_ == "the" for t in range(max(0, span.start - 2), span.start)):
            ctx.add_mention(span, "Place", key=known.key)  # "the lower Blue Mountains": the
            # range, not the town named after it (which lies where the range does)
        else:
            ctx.add_mention(span, known.type, key=known.key)
    elif isinstance(known, KnownOrganization):
        ctx.add_mention(span, known.type, key=known.key)
    elif label in ("GPE", "LOC", "FAC"):
        if names_an_occasion_or_a_scheme(span, gazetteer) or a_group_that_acts(span, ctx):
            return  # "the Melbourne Track Classic", "the Pacific Solution", "the Proteas are
            # 2 for 17": a contest, a policy, a team, no place
        if person_parts and all(t.text in person_parts for t in span if t.is_alpha):
            _add_person(ctx, span)  # "Ri" after "Ri Il Kyu": a name part, not a place
        elif all(w in _COMPASS for w in re.split(r"[\s-]+", text)) and len(span) > 1:
            return  # "North-South" (ties) names no place
        elif label == "GPE" and stands_where_a_body_does(span):
            ctx.add_mention(span, classify_organization(text))  # "a FedEx contractor", "did
            # not work for FedEx", "Disney and Lucasfilm announced": a company, no place
        elif text in lexicon().words("former-states.txt"):
            ctx.add_mention(span, "Country")  # "the invasion by the Soviet Union": a state
            # that no longer exists, which the gazetteer of today's states lacks
        elif label == "LOC" and len(span) == 1 and text == "West":
            ctx.add_mention(span, "Place")  # "the West": the western world, not a state
        elif label == "LOC" and len(span) == 1 and text in ("North", "South", "East"):
            ctx.add_mention(span, "Country", kind="description")
        else:
            ctx.add_mention(span, said_to_be_place(span, gazetteer) or (
                "City" if in_part_of_a_region(span, gazetteer) or
                label == "GPE" and (a_town_the_gazetteer_lacks(span) or names_a_sites_town(span) or
                                    paired_with_a_town(span, ctx) == "City")
                else "Place"))  # (the model's LOC, "Bass Strait", is no town wherever it is listed)
    elif label == "ORG" and owns_a_programme(span):
        ctx.add_mention(span, "NewsOrganization")  # "the ABC's AM program": a broadcaster
    elif label == "ORG" and span[-1].text in gazetteer.party_names:
        ctx.add_mention(span, "PoliticalParty")  # "Labor", "Australian Democrats"
    elif label == "ORG":
        kind = classify_organization(text)
        if kind == "Organization" and an_unsupported_word(span, ctx):
            return  # "another flare-up at Spencer", "the Tolkien classic": no body's name
        if kind == "Organization" and a_venue_written_as_a_body(span, ctx):
            ctx.add_mention(span, "Place")  # "the next Test starts at the KCG"
            return
        if kind == "Organization" and department_of_a_state(span, gazetteer):
            kind = "Agency"  # "Health Canada", "Queensland Health"
        elif kind == "Organization":
            kind = unit_of_a_force(span) or kind  # "Australian SAS troops": a military unit
        owned = _state_of_a_ministry(ctx, span) if kind == "Ministry" else None
        ctx.add_mention(span, kind, attributes=() if owned is None else (
            ("owner", owned[0].id), ("alias", owned[1].text)))
    elif label == "PERSON":
        _add_person(ctx, span)


def _add_person(ctx: Context, span: Any) -> None:
    """A person's mention over the name a span gives, without the common words before it."""
    ctx.add_mention(person_name_part(span, ctx.gazetteer), "Person")


def _person_known_as(span: Any, ctx: Context) -> Mention | None:
    """The mention of the person named just before whom a name is the one known by: "Ahmed
    Hamid, known as Hemo", "Ahmed Hamid, nicknamed Hemo"; None when none is."""
    doc = span.doc
    at = span.start - 1
    if at >= 1 and doc[at - 1].lower_ == "known" and doc[at].lower_ == "as":
        at -= 1
    elif at < 0 or doc[at].lower_ not in ("nicknamed", "dubbed"):
        return None
    if at < 2 or doc[at - 1].text != ",":
        return None
    named = ctx.mention_at(doc[at - 2])
    return named if named is not None and named.type == "Person" and named.kind == "name" else None


def _titled_anywhere(span: Any, ctx: Context) -> bool:
    """Whether a name's first word follows an honorific or a title somewhere in the article
    ("Mr Wilton"), or its words are part of a longer person's name: it names someone."""
    doc = span.doc
    gazetteer = ctx.gazetteer
    return ctx.part_of_longer_name(span) or any(
        i > 0 and (doc[i - 1].text in gazetteer.honorifics or doc[i - 1].lower_ in gazetteer.titles)
        for i in ctx.positions_of(span[0].text))


def _after_the_everywhere(span: Any, ctx: Context) -> bool:
    """Whether a one-word name the model took for a person's follows "the" wherever the article
    gives it ("the Tarrows played", "the Tarrowmen say"): a band, a team or a people, as no
    person's name is written."""
    doc = span.doc
    uses = ctx.positions_of(span[0].text)
    return len(span) == 1 and bool(uses) and all(i > 0 and doc[i - 1].lower_ == "the" for i in uses)


def _listed_names(span: Any) -> list[Any]:
    """The names a span lists ("Harwood and Kolna", "Alder, Birch and Cedar"), or the span
    itself when it is one name."""
    cuts = [t.i for t in span if t.text == "," or t.lower_ == "and" and t.is_lower]
    if not cuts:
        return [span]
    doc = span.doc
    parts, start = [], span.start
    for cut in [*cuts, span.end]:
        if cut > start:
            parts.append(doc[start:cut])
        start = cut + 1
    return parts if all(looks_like_name(part) for part in parts) else [span]


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


# Prepositions after which a town the gazetteer knows is the town, however the model tagged
# it: only a place is near something ("closed near Goulburn").
_NEAR_WORDS = {"near", "outside", "around", "towards", "nearby"}


# Nouns after a leader's name that make the name stand for the government he heads.
_LEADERS_BODIES = {"administration", "government", "regime"}


# Words before a continent that name a part of it: "central Europe", "southern Africa".
_CONTINENT_PARTS = {"central", "eastern", "western", "northern", "southern"}


# Nouns for a part of a company someone holds: what follows "shares in" is a company.
_HOLDING_NOUNS = {"shares", "stake", "stakes", "shareholding", "shareholders", "shareholder"}
