"""Places in the places around them that the gazetteer knows: "Melbourne" and "Australia" in
one story, a town by its bearing from another, a region of the land, a side of a state, a site
named after its town."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kg.extract.bearings import after_a_bearing, bearing_after
from kg.extract.context import PLACE_TYPES, Context
from kg.extract.place_clues import listed_with, opens_a_sentence, site_noun_of_a_name
from kg.extract.place_words import SETTLEMENT_NOUNS, side_words
from kg.extract.relations.collector import Relations
from kg.extract.relations.geography import (
    CONTAINERS,
    REGION_NOUNS,
    is_container,
    is_large_feature,
    is_region,
    is_site,
    named_area,
)
from kg.gazetteer import LOCAL_TOWN_POPULATION, Place
from kg.model import Mention


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
    _airports_in_their_town(ctx, out, named)
    _towns_the_model_doubted(ctx, out, named)
    _towns_listed_with_towns(ctx, out, named)
    _features_of_the_story_state(ctx, out)


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
        if mention.type == "Place" and after < len(doc) and doc[after].lower_ in REGION_NOUNS:
            after += 1  # "the Hawkesbury area north of Sydney"
        start = after + 1 if near else bearing_after(doc, after) if mention.type == "City" or \
            is_region(mention, last) else None
        if start is None and not near and (mention.type == "City" or is_region(mention, last)):
            start = _town_of_hedged_bearing(doc, after)  # "Dora village some 50 km south of"
        reference = ctx.mention_at(doc[start]) if start is not None else None
        if reference is None and not near and (mention.type == "City" or is_region(mention, last)):
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
                              if k in named and is_container(ctx, named[k])), None)
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
    _in_the_smallest_named(ctx, out, named, lambda mention: named_area(ctx, mention),
                           "area-in-named-state")


def _airports_in_their_town(ctx: Context, out: Relations, named: dict[str, Mention]) -> None:
    """"Heavy winds at LaGuardia and John F. Kennedy" in a story that names New York,
    "screening at Roberts International Airport" in a Liberia story: a place the gazetteer's
    airports know by name (``airports.tsv``, the airports of the larger towns) lies in the
    smallest place around it that the story names (its town, else the town's first-level
    region, else its state), when no other rule placed it."""
    def airport(mention: Mention) -> Place | None:
        if mention.kind != "name" or mention.key or mention.type != "Place":
            return None
        return ctx.gazetteer.airport(mention.text)
    _in_the_smallest_named(ctx, out, named, airport, "airport-in-its-town")


def _in_the_smallest_named(ctx: Context, out: Relations, named: dict[str, Mention],
                           entry_of: Callable[[Mention], Place | None], rule: str) -> None:
    """Each mention whose gazetteer entry ``entry_of`` finds, and that no rule placed yet, lies
    in the first of the entry's containers (then its country's) that the story names."""
    gazetteer = ctx.gazetteer
    placed = {r.subject for r in out.relations if r.predicate == "locatedIn"}
    located = {m.text for m in ctx.mentions if m.id in placed}
    for mention in ctx.mentions:
        entry = None if mention.text in located else entry_of(mention)
        if entry is None:
            continue
        country = gazetteer.get(entry.country or "")
        chain = entry.containers + (country.containers if isinstance(country, Place) else ())
        container = next((named[k] for k in chain if k in named), None)
        if container is not None:
            located.add(mention.text)
            out.relate(mention, "locatedIn", container,
                       ctx.evidence([ctx.first_token(mention)], rule, 0.8))


# Words that open the name of a part of a state or region: "Northern Virginia", "South
# Lebanon", "Northwest Arkansas", "upstate New York".
_PART_OF_STATE_WORDS = frozenset(word.title() for word in side_words("opens-a-part")) | \
    side_words("part-of-a-state")


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
        if isinstance(whole, Place) and whole.type not in CONTAINERS:
            whole = next((c for c in gazetteer.candidates(rest) if isinstance(c, Place) and
                          c.type == "AdministrativeRegion"), None)  # "upstate New York"
        area = gazetteer.area(rest) if whole is None else None  # "the Upper Midwest"
        if area is not None:
            whole = area
        elif not isinstance(whole, Place) or whole.type not in CONTAINERS:
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
        if not is_site(mention, last) and (span is None or site_noun_of_a_name(span) is None):
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
    if any(is_large_feature(ctx, m) or named_area(ctx, m) is not None for m in ctx.mentions):
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
                mention.type == "City" or is_region(mention, last) and not last.is_lower):
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
        if is_large_feature(ctx, mention) and mention.text not in located:
            out.relate(mention, "locatedIn", region,
                       ctx.evidence([ctx.first_token(mention)], "feature-in-story-region", 0.6))
