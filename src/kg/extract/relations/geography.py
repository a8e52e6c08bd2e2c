"""Places in places: stated containment ("Nagoya, Aichi", "the city of X") and the gazetteer's."""

from __future__ import annotations

from functools import cache
from typing import Any

from kg.extract.context import PLACE_TYPES, Context, with_period
from kg.extract.places import (
    SETTLEMENT_NOUNS,
    after_a_bearing,
    area_nouns,
    bearing_after,
    coast_of,
    listed_with,
    opens_a_sentence,
    place_name_words,
    site_noun_of_a_name,
)
from kg.extract.relations.collector import Relations
from kg.gazetteer import LOCAL_TOWN_POPULATION, REGION_WORDS, Place
from kg.lexicon import lexicon
from kg.model import Mention

_CONTAINERS = ("Country", "AdministrativeRegion")


def _is_container(ctx: Context, mention: Mention) -> bool:
    """Whether a mention names a state, a region or a territory ("the West Bank"): a place
    other places are said to lie in."""
    if mention.type in _CONTAINERS:
        return True
    place = ctx.gazetteer.get(mention.key) if mention.key else None
    return isinstance(place, Place) and place.territory


def _area(ctx: Context, mention: Mention) -> Place | None:
    """The named region or feature of the land inside a state ("the Illawarra", "the Hunter
    region", "the Hawkesbury River") that an unlinked place name denotes
    (``data/gazetteer/areas.tsv``)."""
    if mention.kind != "name" or mention.key or mention.type not in ("City", "Place"):
        return None
    return ctx.gazetteer.area(mention.text)


def _size(ctx: Context, mention: Mention) -> int:
    """How large a place is, for what may lie in what: a town or a site 0, a region or a
    territory 1, a state 2."""
    if mention.type == "Country":
        return 2
    return 1 if _is_container(ctx, mention) else 0


_SIDES = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
          "central", "northeastern", "northwestern", "southeastern", "southwestern",
          "north-east", "north-west", "south-east", "south-west", "north-eastern",
          "north-western", "south-eastern", "south-western", "rural", "coastal", "outback",
          "regional", "remote"}


def _container_after(ctx: Context, index: int) -> Mention | None:
    """The state or region named from token ``index`` on: "Chiapas", "Calif.", "northern
    Portugal" (after "in"); a town's abbreviation becomes a mention of its region."""
    doc = ctx.doc
    if index > 0 and doc[index - 1].lower_ in ("in", "on", "of") and index < len(doc) and \
            doc[index].lower_ == "the":
        index += 1  # "Eden, on the New South Wales south coast"; not "Brussels, the US envoy"
    if index < len(doc) and doc[index].lower_ in _SIDES and doc[index].is_lower:
        index += 1  # "northern Portugal", "outback Queensland"; but "South Australia" is a name
        if index + 1 < len(doc) and doc[index].text == "-" and doc[index + 1].lower_ in _SIDES:
            index += 2  # "north-west New South Wales", split at its hyphen
    if index >= len(doc):
        return None
    found = ctx.mention_at(doc[index])
    if found is not None:
        return found if _is_container(ctx, found) and found.kind in ("name", "demonym") else None
    region = ctx.gazetteer.region_abbreviation(with_period(doc[index]))
    if region is None:
        return None
    end = index + (2 if with_period(doc[index]) != doc[index].text else 1)
    return ctx.add_mention(list(doc[index:end]), "AdministrativeRegion", kind="name",
                           key=region.key)


_PART_NOUNS = {"city", "town", "village", "province", "region", "port", "suburb", "district",
               "township", "neighbourhood", "neighborhood", "settlement", "state", "prefecture",
               "county", "governorate", "territory", "island"}


_KIND_WORDS = {"island", "islands", "republic", "kingdom", "state", "territory", "nation",
               "city", "town"}


_TOWN_PARTS = {"suburb", "district", "township", "neighbourhood", "neighborhood"}


_WATER_WORDS = {"Ocean", "Sea", "Gulf", "Bay", "Strait", "Straits", "Channel", "Basin"}


def places(ctx: Context, out: Relations) -> None:
    """A place inside a state or region: "Mosul, Iraq", "San Mateo, Calif.", "Porto, in
    northern Portugal", "Hunan province in China", "the Kurdish region of Iraq", "the Iraqi
    city of Mosul", "Johannesburg's suburb of Sandton"."""
    doc = ctx.doc
    towns = {m.text: m for m in ctx.mentions if m.kind == "name" and m.type in ("City", "Place")}
    for mention in list(ctx.mentions):
        if mention.type not in ("City", "Place", "AdministrativeRegion") or mention.kind != "name":
            continue
        owner = _possessive_place(ctx, mention)
        if owner is not None:  # "Florida's Kennedy Space Centre"
            out.relate(mention, "locatedIn", owner,
                       ctx.evidence([ctx.first_token(owner), ctx.first_token(mention)],
                                    "place-of-possessive", 0.7))
        last = ctx.last_token(mention)
        index = last.i + 1
        region_word = last.lower_ in REGION_WORDS
        if index < len(doc) and doc[index].lower_ in REGION_WORDS:
            index += 1  # "Hunan province in China"
            region_word = True
        elif index + 1 < len(doc) and doc[index].is_lower and doc[index].lower_ in area_nouns() \
                and doc[index + 1].lower_ == "in" and mention.type in ("City", "Place"):
            index += 1  # "near Tora Bora mountain in eastern Afghanistan"
        comma = index < len(doc) and doc[index].text == ","
        if comma:
            index += 1
        container = None
        word = doc[index].lower_ if index < len(doc) else ""
        if word == "in" and mention.type == "City" and (
                suburb_of := _city_part_after(ctx, index + 1)) is not None:
            out.relate(mention, "locatedIn", suburb_of,  # "Beaumont in Adelaide's eastern suburbs"
                       ctx.evidence([last, ctx.first_token(suburb_of)], "town-in-part-of-city", 0.7))
            continue
        if word == "in" and (comma or mention.type in ("City", "AdministrativeRegion") or
                             mention.type == "Place" and not mention.key) or \
                word == "of" and not comma and (region_word or (
                    mention.type in ("Place", "AdministrativeRegion") and
                    last.lower_ not in _KIND_WORDS)):
            container = _container_after(ctx, index + 1)  # "the Southern Highlands of NSW"
        elif word == "on" and (comma or mention.type == "City") and \
                (coast := coast_of(doc, index)) is not None:
            container = _container_after(ctx, coast)  # "Eden, on the south coast of NSW"
        elif word == "on" and (comma or mention.type == "City"):
            container = _container_after(ctx, index + 1)  # "St Helens on Tasmania's east coast"
            if container is not None and not _coast_after(ctx, container):
                container = None
        elif comma and (capital := _capital_of(doc, index)) is not None:  # "Mekelle, the capital
            container = _container_after(ctx, capital)  # of Tigray"
        elif comma:
            container = _container_after(ctx, index)
            if container is not None and (container.kind == "demonym" or
                                          ctx.last_token(container).dep_ in ("nsubj", "nsubjpass")):
                container = None  # "In the Gaza Strip, Israeli forces ...", "..., Israel said"
        if container is not None and _size(ctx, container) > _size(ctx, mention):
            # "the Woomera Detention Centre in outback South Australia": the town the site is
            # named after is what lies in the state (and the site in the town)
            out.relate(_town_of_site(mention, last, towns) or mention, "locatedIn", container,
                       ctx.evidence([last, ctx.first_token(container)], "place-comma-state", 0.8))
        elif word in ("in", "at") and _is_site(mention, last) and \
                (town := _town_after(ctx, index + 1)) is not None:
            out.relate(mention, "locatedIn", town,  # "the Northside Shopping Centre in Alice
                       ctx.evidence([last, ctx.first_token(town)], "site-in-town", 0.7))  # Springs"
        first = ctx.first_token(mention)
        root = last
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head  # "the suburbs of Heathcote and Engadine", "of X, Y and Umm Tuba"
        if root.i < first.i:
            first = root.left_edge if root.left_edge.lower_ != "the" else root
        noun = doc[first.i - 2] if first.i >= 2 and doc[first.i - 1].lower_ == "of" else None
        if noun is None or noun.lemma_.lower() not in _PART_NOUNS:
            continue
        for child in noun.children:
            owner = ctx.mention_at(child) if child.dep_ in ("poss", "amod", "compound", "nmod") \
                else None
            if owner is None or owner.type not in PLACE_TYPES or owner.id == mention.id:
                continue
            if _size(ctx, owner) > _size(ctx, mention) or (
                    noun.lemma_.lower() in _TOWN_PARTS and owner.type == "City"):
                out.relate(mention, "locatedIn", owner,
                           ctx.evidence([child, first], "demonym-city-of", 0.8))
                break
    _sites_given_by_their_noun(ctx, out)
    _places_in_apposed_descriptions(ctx, out)
    _places_in_attached_phrases(ctx, out)


def _sites_given_by_their_noun(ctx: Context, out: Relations) -> None:
    """"the Narita and Haneda airports in Tokyo", "Chicago's O'Hare and Midway airports", "the
    two Berlin airports": a site the gazetteer lacks, given with the noun of its kind
    (kg.extract.places.site_noun_of_a_name), lies in the town, region or state that modifies
    the noun (a possessive, a compound) or that the noun's phrase with "in" names; not in one
    written "the three Boston-area airports" (an area's airports may lie in other towns)."""
    for mention in ctx.mentions:
        if mention.kind != "name" or mention.key or mention.type != "Place":
            continue
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        noun = site_noun_of_a_name(span) if span is not None else None
        if noun is None:
            continue
        container = None
        first = span[-1]
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head  # "Chicago's O'Hare and Midway airports": the list's owner
        owners = [*noun.children, *(c for c in first.children if c.dep_ == "poss")]
        for word in owners:
            found = ctx.mention_at(word) if word.dep_ in ("compound", "nmod", "poss") else None
            if found is not None and found.kind == "name" and ctx.last_token(found).i == word.i \
                    and found.type in ("City", "AdministrativeRegion", "Country"):
                container = found
                break
        if container is None:
            preposition = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"),
                               None)
            container = _place_of_phrase(ctx, preposition) if preposition is not None else None
        if container is not None and container.id != mention.id and \
                container.type in ("City", "AdministrativeRegion", "Country"):
            out.relate(mention, "locatedIn", container,
                       ctx.evidence([ctx.first_token(mention), noun], "site-of-its-noun", 0.7))


@cache
def _town_part_nouns() -> frozenset[str]:
    """Lower-case nouns of a part of a town, after the town's possessive: "Sydney's west",
    "Adelaide's northern suburbs", "Paris' first arrondissement" (a district's or a side's
    word, or one of ``town-part-nouns.txt``)."""
    return frozenset(_TOWN_PARTS | _SIDES | lexicon().words("town-part-nouns.txt"))


def _places_in_apposed_descriptions(ctx: Context, out: Relations) -> None:
    """"Tarrowa, a mining town in Western Australia", "Kolnaya, a village in northern Nigeria",
    "Tarrowa, a town in the Pilbara": a town or place whose apposed description (a noun of a
    settlement or a part of a state) has a phrase with "in" lies in the larger place that
    phrase names (a town in a named region of the land too), when no other rule placed it;
    not "Kabul, a city in ruins"."""
    placed = {r.subject for r in out.relations if r.predicate == "locatedIn"}
    for mention in ctx.mentions:
        if mention.kind != "name" or mention.id in placed or mention.type not in ("City", "Place"):
            continue
        last = ctx.last_token(mention)
        for noun in last.children:
            if noun.dep_ != "appos" or not noun.is_lower or noun.lemma_.lower() not in _PART_NOUNS:
                continue
            preposition = next((c for c in noun.children
                                if c.dep_ == "prep" and c.lower_ == "in"), None)
            container = _place_of_phrase(ctx, preposition) if preposition is not None else None
            if container is not None and container.id != mention.id and (
                    _size(ctx, container) > _size(ctx, mention) or mention.type == "City" and
                    _area(ctx, container) is not None):  # "a town in the Pilbara"
                placed.add(mention.id)
                out.relate(mention, "locatedIn", container,
                           ctx.evidence([last, noun, preposition], "place-apposed-description", 0.8))
                break


def _place_of_phrase(ctx: Context, preposition: Any) -> Mention | None:
    """The named place a prepositional phrase names: its object's mention ("in the southern Gaza
    Strip"), or the town whose part its object is ("in Paris' first arrondissement")."""
    obj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    found = ctx.mention_at(obj)
    if found is None and obj.is_lower and obj.lower_ in _town_part_nouns():
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        found = ctx.mention_at(owner) if owner is not None else None
        if found is not None and found.type != "City":
            return None
    if found is None or found.kind != "name" or found.type not in PLACE_TYPES:
        return None
    return found


def _places_in_attached_phrases(ctx: Context, out: Relations) -> None:
    """"the Rafah border crossing with Egypt in the southern Gaza Strip", "the Theatre du
    Chatelet in Paris' first arrondissement": a place the parser gives a phrase with "in", past
    other phrases, lies in the larger place it names; a site or a feature the gazetteer lacks
    (not a sea, a region or a town) lies in the town it names. Places another rule placed are
    left as they are, and so is a site named after a town the article names (the town lies
    there: "the Woomera Detention Centre in outback South Australia")."""
    placed = {r.subject for r in out.relations if r.predicate == "locatedIn"}
    towns = {m.text: m for m in ctx.mentions if m.kind == "name" and m.type in ("City", "Place")}
    for mention in ctx.mentions:
        if mention.kind != "name" or mention.id in placed or \
                mention.type not in ("City", "Place", "AdministrativeRegion"):
            continue
        last = ctx.last_token(mention)
        if _town_of_site(mention, last, towns) is not None:
            continue
        for preposition in last.children:
            if preposition.dep_ != "prep" or preposition.lower_ != "in":
                continue
            container = _place_of_phrase(ctx, preposition)
            if container is None or container.id == mention.id:
                continue
            if _size(ctx, container) > _size(ctx, mention) or (
                    container.type == "City" and mention.type == "Place" and
                    not mention.key and _area(ctx, mention) is None and
                    not _is_large_feature(ctx, mention) and last.text not in _WATER_WORDS):
                placed.add(mention.id)
                out.relate(mention, "locatedIn", container,
                           ctx.evidence([last, preposition], "place-in-attached-phrase", 0.7))
                break


def _is_site(mention: Mention, last: Any) -> bool:
    """Whether a place the gazetteer lacks is a building or a site: by its last word ("Logan
    Airport", "Woomera Detention Centre", ``place-name-words.tsv``), or as the model saw it, a
    facility ("the Burswood Dome", "the Archer Sporting Complex")."""
    return mention.type == "Place" and not mention.key and (
        last.text in place_name_words("facility-last", "way-last", "way-last-surname") or
        last.ent_type_ == "FAC")


def _town_after(ctx: Context, index: int) -> Mention | None:
    """The town named from token ``index`` on, past a side of it: "Alice Springs", "west
    Jerusalem"."""
    doc = ctx.doc
    side = index < len(doc) and doc[index].is_lower and doc[index].lower_ in _SIDES
    for start in (index, index + 1) if side else (index,):
        town = ctx.mention_at(doc[start]) if start < len(doc) else None
        if town is not None and town.type == "City" and town.kind == "name" and \
                ctx.first_token(town).i in (index, start):
            return town
    return None


def _town_of_site(mention: Mention, last: Any, towns: dict[str, Mention]) -> Mention | None:
    """The town the article names whose name begins a site's: "Woomera" for the "Woomera
    Detention Centre"."""
    if not _is_site(mention, last):
        return None
    words = mention.text.split()
    return next((towns[" ".join(words[:size])] for size in (3, 2, 1)
                 if size < len(words) and " ".join(words[:size]) in towns), None)


def _possessive_place(ctx: Context, mention: Mention) -> Mention | None:
    """The named place whose possessive comes right before a smaller one: "Florida" in
    "Florida's Kennedy Space Centre", "Beijing" in "Beijing's Tiananmen Square", "Victoria" in
    "Victoria's Bendigo"; a town is no other town's ("Sydney's Bankstown" may be a suburb or
    a rival)."""
    first = ctx.first_token(mention)
    if first.i < 2 or first.nbor(-1).text not in ("'s", "\u2019s"):
        return None
    owner = ctx.mention_at(first.nbor(-2))
    if owner is None or owner.kind != "name" or owner.type not in PLACE_TYPES:
        return None
    after = ctx.last_token(mention).i + 1
    if after < len(ctx.doc) and ctx.doc[after].is_lower and ctx.doc[after].pos_ == "NOUN" and \
            ctx.doc[after].lower_ not in area_nouns():
        return None  # "Australia's Pacific solution": the name is a word of a policy's; but
        # "East Timor's Los Palos district" is a place
    order = {"Place": 0, "City": 1, "AdministrativeRegion": 2, "Country": 3}
    rank = 2 if _is_container(ctx, owner) and owner.type == "Place" else order.get(owner.type, -1)
    return owner if rank > order.get(mention.type, 9) or (
        rank == order["City"] and mention.type == "Place") else None


def _city_part_after(ctx: Context, index: int) -> Mention | None:
    """The city whose part is named from token ``index`` on: "Adelaide's eastern suburbs",
    "Sydney's south-west"."""
    doc = ctx.doc
    found = ctx.mention_at(doc[index]) if index < len(doc) else None
    if found is None or found.type != "City" or found.kind != "name":
        return None
    after = ctx.last_token(found).i + 1
    if after + 1 >= len(doc) or doc[after].text not in ("'s", "\u2019s"):
        return None
    part = doc[after + 1]
    return found if part.is_lower and (part.lower_ in _SIDES or part.lower_ in (
        "suburbs", "suburb", "outskirts")) else None


def _capital_of(doc: Any, index: int) -> int | None:
    """Where the state begins in "the (provincial) capital of <state>" from token ``index``."""
    words = [t.lower_ for t in doc[index : index + 5]]
    for size in (3, 4):
        if len(words) >= size and words[0] == "the" and words[size - 2:size] == ["capital", "of"]:
            return index + size
    return None


def _coast_after(ctx: Context, container: Mention) -> bool:
    """Whether a coast follows a state: "on Tasmania's east coast", "on the NSW south coast"."""
    doc = ctx.doc
    after = ctx.last_token(container).i + 1
    return any(t.lower_ in ("coast", "coastline", "shore") for t in doc[after : after + 4])


def capitals_of_demonyms(ctx: Context, out: Relations) -> None:
    """"the French capital", "the Afghan capital, Kabul", "the Norwegian capital of Oslo": the
    state's capital, where the article names it, lies in the state its adjective names (and the
    state is then a place of the article, though named only by the adjective)."""
    doc = ctx.doc
    towns = {m.key: m for m in ctx.mentions if m.kind == "name" and m.type == "City" and m.key}
    for mention in ctx.mentions:
        if mention.kind != "demonym" or mention.type != "Country" or not mention.key:
            continue
        last = ctx.last_token(mention)
        if last.i + 1 >= len(doc) or doc[last.i + 1].lower_ != "capital" or \
                doc[last.i + 1].dep_ == "compound" or doc[last.i + 1].pos_ != "NOUN":
            continue  # not "the Australian capital gains tax"
        state = ctx.gazetteer.get(mention.key)
        capital = towns.get(state.capital or "") if isinstance(state, Place) else None
        if capital is not None:
            out.relate(capital, "locatedIn", mention,
                       ctx.evidence([last, ctx.first_token(capital)], "capital-of-demonym", 0.8))


def places_named_after_states(ctx: Context, out: Relations) -> None:
    """"the Russian Far East", "Iraqi Kurdistan", "the New South Wales Hunter Valley": a place
    whose name begins with a state's or region's name or adjective lies in it, when the
    article names it (a sea or gulf does not); a site whose name begins with the name of a town
    the article names lies in the town ("Woomera Detention Centre", "Wollongong Hospital")."""
    gazetteer = ctx.gazetteer
    states = {m.key: m for m in ctx.mentions if m.kind == "name" and m.type in _CONTAINERS}
    towns = {m.text: m for m in ctx.mentions if m.kind == "name" and m.type in ("City", "Place")}
    for mention in ctx.mentions:
        if mention.type != "Place" or mention.kind != "name" or mention.key:
            continue
        words = mention.text.split()
        if len(words) < 2 or words[-1] in _WATER_WORDS:
            continue
        for size in (3, 2, 1):
            prefix = " ".join(words[:size])
            state = gazetteer.demonym(prefix) or gazetteer.lookup(prefix)
            if size < len(words) and isinstance(state, Place) and state.type in _CONTAINERS and \
                    state.key in states:
                out.relate(mention, "locatedIn", states[state.key],
                           ctx.evidence([ctx.first_token(mention)], "state-in-place-name", 0.7))
                break
            if size < len(words) and prefix in towns and \
                    words[-1] in place_name_words("facility-last"):
                out.relate(mention, "locatedIn", towns[prefix],
                           ctx.evidence([ctx.first_token(mention)], "town-in-site-name", 0.7))
                break


def places_in_framed_sentences(ctx: Context, out: Relations) -> None:
    """"In the Czech Republic, ... the Vlava river receded", "In southern Fremont, Kestrel Road
    is closed": a sentence that opens with "In" and a state, region or city sets where the
    places it names and the gazetteer lacks lie."""
    doc = ctx.doc
    for sentence in doc.sents:
        tokens = [t for t in sentence if not t.is_space]
        if len(tokens) < 3 or tokens[0].lower_ != "in":
            continue
        start = 2 if tokens[1].lower_ == "the" else 1
        while start + 1 < len(tokens) and (
                tokens[start].is_lower and tokens[start].lower_ in _SIDES or
                tokens[start].text == "-"):
            start += 1  # "In north-western Sydney", "In the far north"
        frame = ctx.mention_at(tokens[start])
        if frame is None or frame.kind != "name" or not (
                _is_container(ctx, frame) or frame.type == "City" and frame.key):
            continue
        after = ctx.last_token(frame).i + 1
        if after >= len(doc) or doc[after].text != "," and tokens[0].head.dep_ != "ROOT":
            continue  # "In Sydney, ...", "In Sydney only residents may ...": the whole clause
        for mention in ctx.mentions:
            if mention.kind == "name" and not mention.key and mention.type in ("City", "Place") \
                    and sentence.start_char <= mention.start < sentence.end_char:
                out.relate(mention, "locatedIn", frame,
                           ctx.evidence([tokens[0], ctx.first_token(mention)], "in-frame", 0.6))


def gazetteer_containment(ctx: Context, out: Relations, states: set[str] | None = None) -> None:
    """A known town or region lies in the region or state around it that the article names:
    "Melbourne" and "Australia" in one story; Nagoya → Aichi → Japan → Asia, each link to the
    smallest place named, so the chain reaches the state and its continent.

    ``states`` are the ids of mentions of states named only by an adjective or inside a name
    ("South African President X", "U.S. Central Command") that a fact already makes entities:
    they are places of the article too. "Chinese" alone does not name China as a place.
    """
    gazetteer = ctx.gazetteer
    states = states or set()
    places = [m for m in ctx.mentions if m.key and m.type in PLACE_TYPES and
              (m.kind == "name" or m.id in states)]
    named: dict[str, Mention] = {}
    for mention in sorted(places, key=lambda m: m.kind != "name"):  # a name over an adjective
        named.setdefault(mention.key or "", mention)
    linked: set[tuple[str, str]] = set()
    for mention in places:
        place = gazetteer.get(mention.key or "")
        if not isinstance(place, Place):
            continue
        country = gazetteer.get(place.country or "")
        # A town whose state the article does not name still lies in the state's continent.
        chain = place.containers + (country.containers if isinstance(country, Place) else ())
        container = next((named[k] for k in chain if k in named), None)
        if container is None or (place.key, container.key or "") in linked:
            continue
        linked.add((place.key, container.key or ""))
        out.relate(mention, "locatedIn", container,
                   ctx.evidence([ctx.first_token(mention)], "gazetteer-containment", 0.9))
    _towns_by_bearing(ctx, out, named)
    _areas_in_their_state(ctx, out, named)
    _parts_of_states(ctx, out, named)
    _sites_named_after_towns(ctx, out, named)
    _towns_the_model_doubted(ctx, out, named)
    _towns_listed_with_towns(ctx, out, named)
    _features_of_the_story_state(ctx, out)


# Nouns after a region's name that the region's bearing from a town may follow: "the Hawkesbury
# area north of Sydney".
_REGION_NOUNS = {"area", "region", "district", "valley"}


def _is_region(mention: Mention, last: Any) -> bool:
    """Whether a place the gazetteer lacks may be a region or a feature of the land: not a sea
    or a gulf by its last word, nor a building, a site or a road (``_is_site``: "Wollongong
    Hospital", "Appin Road")."""
    return mention.type == "Place" and last.text not in _WATER_WORDS and \
        not _is_site(mention, last)


def _town_measured_before(ctx: Context, mention: Mention) -> Mention | None:
    """The town a bearing before a place (or before the list it is in) is measured from:
    "Sydney" in "areas south of Sydney at Sutherland, Illawarra and Shoalhaven", "south of
    Sydney in the Shoalhaven"."""
    doc = ctx.doc
    first = ctx.last_token(mention)
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    index = min(first.left_edge.i, ctx.first_token(mention).i) - 1
    if index >= 0 and doc[index].lower_ == "the":
        index -= 1
    if index < 1 or doc[index].lower_ not in ("at", "in", "near", "around"):
        return None
    town = ctx.mention_at(doc[index - 1])
    if town is None or town.kind != "name" or not after_a_bearing(doc, ctx.first_token(town).i):
        return None
    return town


def _towns_by_bearing(ctx: Context, out: Relations, named: dict[str, Mention]) -> None:
    """"Gunning, south of Goulburn", "Boonah, 60 kilometres south-west of Brisbane": a town the
    gazetteer lacks lies in the state or region around the town it is measured from, when the
    article names that region. Not from a country's capital: a capital's district is small and
    the towns around it often lie in another region (Queanbeyan is east of Canberra, in NSW).
    A site or feature the gazetteer lacks "near" a town lies there too ("the Tarrow River Gorge
    near Lauterbrunnen" in Switzerland). So does a region of the land the gazetteer lacks, by
    its own bearing ("the Hawkesbury area north of Sydney") or by the bearing before the list it
    is in ("areas south of Sydney at Kelmore and Tarrawong"); a sea, a road or a building does
    not."""
    doc = ctx.doc
    gazetteer = ctx.gazetteer
    for mention in ctx.mentions:
        if mention.type not in ("City", "Place") or mention.kind != "name" or mention.key:
            continue
        last = ctx.last_token(mention)
        after = last.i + 1
        near = after + 1 < len(doc) and doc[after].lower_ == "near"
        if mention.type == "Place" and after < len(doc) and doc[after].lower_ in _REGION_NOUNS:
            after += 1  # "the Hawkesbury area north of Sydney"
        start = after + 1 if near else bearing_after(doc, after) if mention.type == "City" or \
            _is_region(mention, last) else None
        if start is None and not near and (mention.type == "City" or _is_region(mention, last)):
            start = _town_of_hedged_bearing(doc, after)  # "Dora village some 50 km south of"
        reference = ctx.mention_at(doc[start]) if start is not None else None
        if reference is None and not near and (mention.type == "City" or _is_region(mention, last)):
            reference = _town_measured_before(ctx, mention)  # "south of Sydney at Illawarra"
        if reference is None or reference.type != "City":
            continue
        # The town measured from, as the gazetteer knows it: its own entry, or the town of that
        # name in a region the article names ("Goulburn" the model doubted, in an NSW story).
        towns = [gazetteer.get(reference.key)] if reference.key else \
            gazetteer.candidates(reference.text)
        for town in towns:
            if not isinstance(town, Place) or town.type != "City" or \
                    town.key in gazetteer.capital_keys:
                continue
            container = next((named[k] for k in town.containers
                              if k in named and _is_container(ctx, named[k])), None)
            if container is not None:
                out.relate(mention, "locatedIn", container,
                           ctx.evidence([ctx.first_token(mention), ctx.first_token(reference)],
                                        "place-near-town" if near else "town-by-bearing", 0.7))
                break


def _town_of_hedged_bearing(doc: Any, index: int) -> int | None:
    """The token of the town a bearing from token ``index`` on is measured from, where the parse
    gives the bearing a hedged distance or the town a description, past the settlement noun and
    the comma after a name: "Dora village some 50 kilometres south of the Kashmiri summer
    capital Srinagar", "Dismal Swamp, about 15 kilometres north of Mt Gambier" (the town is the
    object of the bearing's "of", and the bearing's phrase begins at ``index``)."""
    if index < len(doc) and doc[index].lower_ in SETTLEMENT_NOUNS:
        index += 1
    if index < len(doc) and doc[index].text == ",":
        index += 1
    for bearing in doc[index : index + 6]:
        of = next((c for c in bearing.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None or bearing.left_edge.i != index or not after_a_bearing(doc, of.i + 1):
            continue
        town = next((c for c in of.children if c.dep_ == "pobj"), None)
        return town.i if town is not None and town.pos_ == "PROPN" else None
    return None


def _areas_in_their_state(ctx: Context, out: Relations, named: dict[str, Mention]) -> None:
    """"Back-burning continues in the Illawarra", "the fire may jump the Hawkesbury River" in
    a New South Wales story: a named region or feature of the land lies in the smallest place
    around it that the story names (its state or first-level region, else its country, else
    a part of the world or continent around that), when no other rule placed it."""
    gazetteer = ctx.gazetteer
    placed = {r.subject for r in out.relations if r.predicate == "locatedIn"}
    located = {m.text for m in ctx.mentions if m.id in placed}
    for mention in ctx.mentions:
        area = _area(ctx, mention)
        if area is None or mention.text in located:
            continue
        country = gazetteer.get(area.country or "")
        chain = area.containers + (country.containers if isinstance(country, Place) else ())
        container = next((named[k] for k in chain if k in named), None)
        if container is not None:
            located.add(mention.text)
            out.relate(mention, "locatedIn", container,
                       ctx.evidence([ctx.first_token(mention)], "area-in-named-state", 0.8))


# Words that open the name of a part of a state or region: "Northern Virginia", "South
# Lebanon", "Northwest Arkansas", "upstate New York".
_PART_OF_STATE_WORDS = frozenset({
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern", "Northwestern",
    "Southeastern", "Southwestern", "North-East", "North-West", "South-East", "South-West",
    "Upstate", "Downstate", "upstate", "downstate", "Upper", "Lower"})


def _parts_of_states(ctx: Context, out: Relations, named: dict[str, Mention]) -> None:
    """"Snow hit Northern Virginia", "drivers in Northwest Arkansas", "shelling in South
    Lebanon", "the Upper Midwest": a place the gazetteer lacks whose name is a side of a state,
    a first-level region or an area (``areas.tsv``) and its name lies in it, when the story
    names it, else in the smallest place around it that the story names (its country, in a
    story that names only the country), when no other rule placed it. Not where the side
    opens a sentence ("Southern Peru is ..."): its capital may be only the sentence's."""
    gazetteer = ctx.gazetteer
    placed = {r.subject for r in out.relations if r.predicate == "locatedIn"}
    located = {m.text for m in ctx.mentions if m.id in placed}
    for mention in ctx.mentions:
        if mention.kind != "name" or mention.key or mention.type != "Place" or \
                mention.text in located:
            continue
        side, _, rest = mention.text.partition(" ")
        if opens_a_sentence(ctx.first_token(mention)):
            continue  # "Southern Peru sits on ...": a capital the sentence gives, no name's
        if side not in _PART_OF_STATE_WORDS or not rest:
            continue
        whole = gazetteer.lookup(rest)
        if isinstance(whole, Place) and whole.type not in _CONTAINERS:
            whole = next((c for c in gazetteer.candidates(rest) if isinstance(c, Place) and
                          c.type == "AdministrativeRegion"), None)  # "upstate New York"
        area = gazetteer.area(rest) if whole is None else None  # "the Upper Midwest"
        if area is not None:
            whole = area
        elif not isinstance(whole, Place) or whole.type not in _CONTAINERS:
            continue
        country = gazetteer.get(whole.country or "")
        chain = (whole.key, *whole.containers) + \
            (country.containers if isinstance(country, Place) else ())
        container = next((m for m in ctx.mentions if m.kind == "name" and not m.key and
                          m.text == rest), None) if area is not None else None
        container = container or next((named[k] for k in chain if k in named), None)
        if container is not None:
            located.add(mention.text)
            out.relate(mention, "locatedIn", container,
                       ctx.evidence([ctx.first_token(mention)], "part-of-state-in-state", 0.8))


def _sites_named_after_towns(ctx: Context, out: Relations, named: dict[str, Mention]) -> None:
    """"Flights left Manchester International Airport", "delays at Newark-Liberty and two
    other airports": a site the gazetteer lacks (by its last word, or given with the noun of
    its kind) whose name begins with a town's the gazetteer knows lies in that town, when the
    story names it, else in the town's first-level region, when the story names that and no
    other rule placed the site (a country is too far from a stadium or an airport for a reader
    to see it there: "the Adelaide Oval" in a story that names only Australia). Only a town of
    kg.gazetteer.MINOR_TOWN_POPULATION people or more: a small town's name begins many a name
    that is no town's."""
    gazetteer = ctx.gazetteer
    placed = {r.subject for r in out.relations if r.predicate == "locatedIn"}
    for mention in ctx.mentions:
        if mention.kind != "name" or mention.key or mention.type != "Place" or \
                mention.id in placed:
            continue
        last = ctx.last_token(mention)
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if not _is_site(mention, last) and (span is None or site_noun_of_a_name(span) is None):
            continue
        words = mention.text.replace("-", " ").split()
        for size in (3, 2, 1):
            if size >= len(words):
                continue
            town = gazetteer.lookup(" ".join(words[:size]))
            if not isinstance(town, Place) or town.type != "City" or town.minor:
                continue
            country = gazetteer.get(town.country or "")
            chain = (town.key, *town.containers) + \
                (country.containers if isinstance(country, Place) else ())
            container = next((named[k] for k in chain if k in named and named[k].kind == "name"
                              and named[k].type in ("City", "AdministrativeRegion")), None)
            if container is not None:
                placed.add(mention.id)
                out.relate(mention, "locatedIn", container,
                           ctx.evidence([ctx.first_token(mention)], "site-of-its-town", 0.7))
            break


def _towns_the_model_doubted(ctx: Context, out: Relations, named: dict[str, Mention]) -> None:
    """"the family of a Toowoomba woman" in a Queensland story: a town the story names that
    the gazetteer knows but the mention is not linked to (the model tagged it an organisation
    or a person, and kg.extract.entities kept it a town of the story's state) lies in the
    smallest place around it that the story names, as a linked town does, when no other rule
    placed it and exactly one town of its name lies in a named place (a town of fewer than
    kg.gazetteer.LOCAL_TOWN_POPULATION people only in a named region or city, not in a named
    country alone). Not in a story that names a region or a feature of the land ("the Hunter
    region", "the Latrobe Valley", "the Tarrow Range"): the town may lie in that region, not
    directly in its state."""
    if any(_is_large_feature(ctx, m) or _area(ctx, m) is not None for m in ctx.mentions):
        return
    placed = {r.subject for r in out.relations if r.predicate == "locatedIn"}
    located = {m.text for m in ctx.mentions if m.id in placed}
    known = {m.text for m in ctx.mentions if m.key}
    done: set[str] = set()
    for mention in ctx.mentions:
        if mention.type != "City" or mention.kind != "name" or mention.key or \
                mention.text in located | known | done:
            continue
        done.add(mention.text)
        # the smallest named place around each town of the name; a small town the story names
        # with no region or city around it may as well be a local place of the same name
        # abroad, one the gazetteer lacks
        smallest = []
        for town in ctx.gazetteer.candidates(mention.text):
            if not isinstance(town, Place) or town.type != "City":
                continue
            around = next((named[k] for k in town.containers if k in named), None)
            if around is not None and (around.type != "Country" or
                                       town.population >= LOCAL_TOWN_POPULATION):
                smallest.append(around)
        if len(smallest) != 1:
            continue
        out.relate(mention, "locatedIn", smallest[0],
                   ctx.evidence([ctx.first_token(mention)], "doubted-town-in-named-place", 0.7))


def _towns_listed_with_towns(ctx: Context, out: Relations, named: dict[str, Mention]) -> None:
    """"around Tamworth, Gunnedah and Quirindi", "disaster areas in Campbeltown, Hornsby and
    Warringah": a town or a local place the gazetteer does not link (not a site, a road or a
    sea), in a list of places whose towns it knows, lies in the smallest place the story names
    around every one of those towns, when no other rule placed it. A list with a state, a
    person or a body in it ("Sydney, Canberra and Australia", "Hornsby and Mr Leete") says
    nothing; nor does a list whose towns lie in no one named place."""
    gazetteer = ctx.gazetteer
    placed = {r.subject for r in out.relations if r.predicate == "locatedIn"}
    located = {m.text for m in ctx.mentions if m.id in placed}
    for mention in ctx.mentions:
        last = ctx.last_token(mention)
        if mention.kind != "name" or mention.key or mention.text in located or not (
                mention.type == "City" or _is_region(mention, last) and not last.is_lower):
            continue  # not a site named by a common noun ("Gaza international airport")
        listed = [ctx.mention_at(t) for t in listed_with(ctx.doc[last.i : last.i + 1])]
        others = [m for m in listed if m is None or m.id != mention.id]
        if not others or any(m is None or m.kind != "name" or m.type not in ("City", "Place")
                             for m in others):
            continue
        chains = []
        for other in others:
            town = gazetteer.get(other.key) if other is not None and other.key else None
            if isinstance(town, Place) and town.type == "City":
                country = gazetteer.get(town.country or "")
                chains.append(town.containers +
                              (country.containers if isinstance(country, Place) else ()))
        around = next((k for k in chains[0] if k in named and all(k in c for c in chains[1:])),
                      None) if chains else None
        if around is not None:
            located.add(mention.text)
            out.relate(mention, "locatedIn", named[around],
                       ctx.evidence([ctx.first_token(mention)], "town-listed-with-towns", 0.7))


def _is_large_feature(ctx: Context, mention: Mention) -> bool:
    """Whether a place the gazetteer lacks is a large feature of the land or a region, by the
    last word of its name or the noun after it: "the Hawkesbury River", "the Latrobe Valley",
    "the Herberton Range", "the Hunter region", "the Shoalhaven area". A small feature ("Mount
    X", "X Gully", "X Creek", "X Dam") lies in whatever local area the story names, and a sea, a
    road or a building is no part of the land."""
    doc = ctx.doc
    first, last = ctx.first_token(mention), ctx.last_token(mention)
    if mention.type != "Place" or mention.kind != "name" or mention.key or \
            not _is_region(mention, last):
        return False
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return last.i > first.i and last.text in _LARGE_FEATURE_WORDS or \
        after is not None and after.is_lower and after.lower_ in _REGION_NOUNS | {"river", "coast"}


# Last words of the name of a feature of the land larger than a town's surroundings.
_LARGE_FEATURE_WORDS = frozenset({"River", "Valley", "Range", "Ranges", "Mountains", "Peninsula",
                                  "Desert"})


def _features_of_the_story_state(ctx: Context, out: Relations) -> None:
    """A feature of the land or a region the gazetteer lacks ("the Hawkesbury River", "the
    Hunter region"), that no other rule placed, lies in the one first-level region the story
    names, when every other place it names lies in that region (or is its state): plain
    geography in a local story ("Sydney", "New South Wales" and "the Hawkesbury River"). A
    story that names two regions or a foreign place says nothing of where the feature is."""
    gazetteer = ctx.gazetteer
    regions: dict[str, Mention] = {}
    for mention in ctx.mentions:
        if mention.kind == "name" and mention.type == "AdministrativeRegion" and mention.key:
            regions.setdefault(mention.key, mention)
    if len(regions) != 1:
        return
    (key, region), = regions.items()
    state = gazetteer.get(key)
    if not isinstance(state, Place):
        return
    for mention in ctx.mentions:
        place = gazetteer.get(mention.key) if mention.key and mention.kind == "name" else None
        if not isinstance(place, Place) or place.key in (key, state.country):
            continue
        if place.type == "Country" or key not in place.containers:
            return  # "Afghanistan", or a town of another region
    placed = {r.subject for r in out.relations if r.predicate == "locatedIn"}
    located = {m.text for m in ctx.mentions if m.id in placed}
    for mention in ctx.mentions:
        if _is_large_feature(ctx, mention) and mention.text not in located:
            out.relate(mention, "locatedIn", region,
                       ctx.evidence([ctx.first_token(mention)], "feature-in-story-region", 0.6))
