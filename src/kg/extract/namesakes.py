"""Which gazetteer place a name means among the places that share it: "Victoria" the state or
the Canadian city, "Athens" or "Athens, Georgia", a town abroad the story is not about, the part
of a state a side word opens ("upstate New York")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from kg.extract.context import PLACE_TYPES, Context, with_period
from kg.extract.place_clues import opens_a_sentence
from kg.extract.place_words import side_words
from kg.gazetteer import LOCAL_TOWN_POPULATION, REGION_WORDS, Place
from kg.lexicon import lexicon
from kg.model import Mention


def choose_places(ctx: Context) -> None:
    """Pick, for a place name several gazetteer places share, the one the article is about.

    "Victoria" is the Australian state by default (a region that dwarfs the city of its name
    comes first, see kg.gazetteer) and the Canadian city in a story that also names Vancouver
    or Canada; "San Mateo, Calif." is the Californian town. A place written
    "Town, Region" lies in that region; otherwise the candidate whose country the rest of the
    article's places lie in wins, and a tie keeps the gazetteer's order (countries first, then by
    size). A state's name is never read as a smaller place on this evidence alone, nor is any
    larger place's name read as a small town's (kg.gazetteer.Place.minor).
    """
    _upstate_parts(ctx)
    gazetteer = ctx.gazetteer
    places = {m.id: gazetteer.get(m.key) for m in ctx.mentions if m.key}
    support: Counter[str] = Counter()
    for mention in ctx.mentions:
        place = places.get(mention.id)
        if isinstance(place, Place) and len(gazetteer.candidates(mention.text)) <= 1:
            support.update({place.key if place.type == "Country" else place.country or "": 1})
    doc = ctx.doc
    for position, mention in enumerate(ctx.mentions):
        current = places.get(mention.id)
        if not isinstance(current, Place) or current.type == "Country" or mention.kind != "name":
            continue
        options = [c for c in gazetteer.candidates(mention.text)
                   if isinstance(c, Place) and c.type != "Country"]
        if len(options) < 2:
            continue
        last = ctx.last_token(mention)
        following = doc[last.i + 2] if last.i + 2 < len(doc) and doc[last.i + 1].text == "," \
            else None
        region = gazetteer.region_after_town(with_period(following)) if following is not None \
            else None
        region_key = region.key if region is not None else None

        def rank(option: Place, region_key: str | None = region_key) -> tuple[int, int]:
            inside = int(region_key is not None and region_key in option.containers)
            return inside, support[option.country or ""]

        first = ctx.first_token(mention)
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if re.search(r"\b(province|prefecture|state|governorate|region) of$",
                     doc[max(0, first.i - 2) : first.i].text.lower()) or \
                after is not None and after.is_lower and after.lower_ in REGION_WORDS:
            region = next((o for o in options if o.type == "AdministrativeRegion"), None)
            if region is not None:  # "the prefecture of Kumamoto", "Kaduna state": no city
                end = mention.end
                if after is not None and after.is_lower and after.lower_ in REGION_WORDS:
                    end = after.idx + len(after.text)  # the name is "Kaduna state"
                ctx.mentions[position] = replace(mention, key=region.key, type=region.type,
                                                 end=end, text=ctx.text(mention.start, end))
                continue
        best = max(options, key=lambda o: (*rank(o), -options.index(o)))
        landmark = current.key in gazetteer.capital_keys or current.population >= 1_000_000
        if landmark and rank(best)[0] <= rank(current)[0]:
            continue  # "Paris" stays the capital in a story about the US, unless "Paris, Texas"
        if best.minor and not current.minor and rank(best)[0] <= rank(current)[0]:
            continue  # "the Middle East" in a US story is no small US town, unless "X, Maryland"
        if best.key != current.key and rank(best) > rank(current):
            ctx.mentions[position] = replace(mention, key=best.key, type=best.type)
    _regions_by_their_company(ctx)
    _states_listed_together(ctx)
    _places_placed_abroad(ctx)
    _unlink_towns_abroad(ctx)
    _shared_old_names(ctx)


def _places_placed_abroad(ctx: Context) -> None:
    """"the Southern Highlands of New South Wales", "Newtown, Connecticut", "the Central
    Region in Ghana": a town's or region's name the text places inside a state or region (after
    "of", "in" or a comma) where none of the gazetteer's places of that name lies names a place
    the gazetteer lacks, not its namesake abroad (Papua New Guinea's Southern Highlands): it
    stays a town, or a place where the namesake was a region, linked to no entry
    (kg.extract.relations.geography places it, and finds a named area of that name inside
    the state). Not where a namesake lies in the state any place of the container's name
    belongs to ("Athens, Georgia": the state's country has an Athens)."""
    doc = ctx.doc
    gazetteer = ctx.gazetteer
    for position, mention in enumerate(ctx.mentions):
        current = gazetteer.get(mention.key) if mention.key else None
        if mention.kind != "name" or not isinstance(current, Place) or \
                current.type not in ("City", "AdministrativeRegion") or \
                current.key in gazetteer.capital_keys or current.population >= 1_000_000:
            continue  # "Paris", "Lagos": a capital or a city of millions is no namesake
        index = ctx.last_token(mention).i + 1
        if index + 1 >= len(doc) or doc[index].lower_ not in ("of", "in", ","):
            continue
        index += 1
        if doc[index - 1].text != "," and doc[index].lower_ == "the" and index + 1 < len(doc):
            index += 1  # "of the Free State"; not "Western Australia, the Northern Territory"
        container = ctx.mention_at(doc[index])
        held = gazetteer.get(container.key) if container is not None and container.key else None
        if container is None or container.kind != "name" or not isinstance(held, Place) or \
                held.type not in ("Country", "AdministrativeRegion"):
            continue
        end = ctx.last_token(container)
        if end.dep_ in ("nsubj", "nsubjpass", "poss") or \
                end.i + 1 < len(doc) and doc[end.i + 1].lower_ in ("'s", "\u2019s"):
            continue  # "in Mosul, Iraq's army said": the state is no container here
        states = {c.key if c.type == "Country" else c.country for c in
                  (held, *gazetteer.candidates(container.text)) if isinstance(c, Place)}
        if any(isinstance(c, Place) and (c.key in states or c.country in states)
               for c in (current, *gazetteer.candidates(mention.text))):
            continue  # a namesake in that state: choose_places has picked among them
        ctx.mentions[position] = replace(
            mention, key=None, type="City" if current.type == "City" else "Place")


# Lower-case words that make a region's name a part of it: "upstate New York".
_STATE_PART_WORDS = side_words("part-of-a-state")

# Capitalised words of a side that make a region's name a part of it: "Northwest Arkansas".
_STATE_SIDES = frozenset(word.title() for word in side_words("before-a-region"))


def _upstate_parts(ctx: Context) -> None:
    """"from upstate New York into Canada", "farms in downstate Illinois", "drivers in
    Northwest Arkansas" (the model took only "Arkansas" for a name): a first-level region's
    name (or a city's that shares it) after "upstate", "downstate" or a capitalised side
    inside the sentence names that part of the region, a place of its own
    (kg.extract.relations.containment places it in the region or its country), not the city;
    not where the words make a name the gazetteer knows ("North Carolina")."""
    doc = ctx.doc
    gazetteer = ctx.gazetteer
    for position, mention in enumerate(ctx.mentions):
        first = ctx.first_token(mention)
        if mention.kind != "name" or mention.type not in PLACE_TYPES or first.i == 0:
            continue
        word = doc[first.i - 1]
        if word.text not in _STATE_PART_WORDS and not (
                word.text in _STATE_SIDES and not opens_a_sentence(word) and not word.ent_type_ and
                gazetteer.lookup(f"{word.text} {mention.text}") is None):
            continue
        if not any(isinstance(c, Place) and c.type == "AdministrativeRegion"
                   for c in gazetteer.candidates(mention.text)):
            continue
        start = doc[first.i - 1].idx
        ctx.mentions[position] = replace(mention, start=start, text=ctx.text(start, mention.end),
                                         type="Place", key=None)


def _unlink_towns_abroad(ctx: Context) -> None:
    """A small town (kg.gazetteer.LOCAL_TOWN_POPULATION) in a country the story's larger places
    are not in stays a town but is linked to no entry: "Jenin" in a West Bank story is no Polish
    village of that name the gazetteer happens to know."""
    gazetteer = ctx.gazetteer
    states: set[str] = set()
    for mention in ctx.mentions:
        place = gazetteer.get(mention.key) if mention.key else None
        if isinstance(place, Place) and not place.minor:
            states.add(place.key if place.type == "Country" else place.country or "")
    for position, mention in enumerate(ctx.mentions):
        town = gazetteer.get(mention.key) if mention.key else None
        if isinstance(town, Place) and town.type == "City" and \
                town.population < LOCAL_TOWN_POPULATION and town.country not in states:
            ctx.mentions[position] = replace(mention, key=None)


def _shared_old_names(ctx: Context) -> None:
    """A town's older name that other things still bear (``shared-old-town-names.txt``) names
    the town only in a story whose other places include its country or region: "Cochin" in "a
    port on the Kerala coast, Cochin" is Kochi; in "doctors at the Cochin hospital in Paris"
    it is no place."""
    gazetteer = ctx.gazetteer
    named: set[str] = set()
    for mention in ctx.mentions:
        place = gazetteer.get(mention.key) if mention.key else None
        if isinstance(place, Place) and mention.text not in _SHARED_OLD_NAMES:
            named.update({place.key, *place.containers})
    dropped = set()
    for mention in ctx.mentions:
        town = gazetteer.get(mention.key) if mention.key else None
        if mention.text in _SHARED_OLD_NAMES and isinstance(town, Place) and \
                not named & {town.region, town.country} - {None}:
            dropped.add(mention.id)
    if dropped:
        ctx.drop_mentions(dropped)


_SHARED_OLD_NAMES = lexicon().words("shared-old-town-names.txt")


def _regions_by_their_company(ctx: Context) -> None:
    """"Atlanta, Georgia", "New York, the nation's third-largest state": a name a first-level
    region shares with a state or a city is that region where the sentence says so: after a
    town of that region and a comma, before an office or body a town lacks ("New York
    Gov. Kathy Hochul", "Washington's attorney general"; a country's name only before one no
    country has, "Georgia Gov. Paul Whitfield", not "Mexico's attorney general"), or (a
    city's namesake) given an apposition headed by "state" or "province". A name after a town
    of that state ("Tbilisi, Georgia") keeps what choose_places made of it. (A name listed
    with regions of one country, "in Kansas, Georgia and Texas", is not enough: Afghan
    provinces share their cities' names, and the sixteenth session's rule for it turned cities
    of unseen ABC copy into provinces.)"""
    gazetteer = ctx.gazetteer
    for position, mention in enumerate(ctx.mentions):
        current = gazetteer.get(mention.key) if mention.key else None
        if mention.kind != "name" or not isinstance(current, Place) or \
                current.type == "AdministrativeRegion":
            continue
        options = [c for c in gazetteer.candidates(mention.text)
                   if isinstance(c, Place) and c.type == "AdministrativeRegion"]
        if not options:
            continue
        region = _region_after_its_town(ctx, mention, options) or \
            _region_by_its_office(ctx, mention, options, current) or \
            (_region_by_apposition(ctx, mention, options) if current.type == "City" else None)
        if region is not None:
            ctx.mentions[position] = replace(mention, key=region.key, type=region.type)


def _region_after_its_town(ctx: Context, mention: Mention, options: list[Place]) -> Place | None:
    """The option a town written just before the name and a comma lies in ("Atlanta,
    Georgia"), or None ("Tbilisi, Georgia": the state's own town). A town whose name a town
    of that region shares is that town ("Athens, Georgia", "Vancouver, Washington"): the comma
    names the region around it."""
    first = ctx.first_token(mention)
    if first.i < 2 or ctx.doc[first.i - 1].text != ",":
        return None
    town = ctx.mention_at(ctx.doc[first.i - 2])
    place = ctx.gazetteer.get(town.key) if town is not None and town.key else None
    if not isinstance(place, Place) or place.type != "City" or town is None or \
            town.kind != "name":
        return None
    for option in options:
        if option.key in place.containers:
            return option
    for option in options:
        namesake = next((c for c in ctx.gazetteer.candidates(town.text) if isinstance(c, Place)
                         and c.type == "City" and option.key in c.containers), None)
        if namesake is not None:
            position = ctx.mentions.index(town)
            ctx.mentions[position] = replace(town, key=namesake.key, type=namesake.type)
            return option
    return None


def _region_by_apposition(ctx: Context, mention: Mention, options: list[Place]) -> Place | None:
    """The option of the name's country when an apposition headed by a region's noun describes
    it ("New York, the nation's third-largest state"), or None."""
    last = ctx.last_token(mention)
    if not any(c.dep_ == "appos" and c.is_lower and c.lower_ in REGION_WORDS and c.i > last.i
               for c in last.children):  # not "Enugu, Enugu State": a name of its own
        return None
    return options[0] if len({o.country for o in options}) == 1 else None


# Offices and bodies of a first-level region that a town of its name lacks, word by word, and
# whether a country has them too: "New York Gov. Kathy Hochul", "Washington's attorney general",
# "Mexico's attorney general" (``place-state-offices.tsv``).
_STATE_OFFICES = {tuple(row["office"].split()): row["holder"] == "region"
                  for row in lexicon().table("place-state-offices.tsv")}


def _region_by_its_office(ctx: Context, mention: Mention, options: list[Place],
                          current: Place) -> Place | None:
    """The option of the name's country when the name, as a possessive or a compound, opens an
    office or body a region has and a town lacks ("New York Gov. Kathy Hochul", "the Washington
    legislature", "New York's attorney general"; not "New York Mayor Eric Adams"), or None. A
    name read as a country stays the country before an office a country has too ("Mexico's
    attorney general", "Luxembourg's premier"); only one no country has makes it the region
    ("Georgia Gov. Paul Whitfield")."""
    doc = ctx.doc
    last = ctx.last_token(mention)
    if last.dep_ not in ("compound", "poss") or last.head.i <= last.i:
        return None
    index = last.i + 1
    if index < len(doc) and doc[index].lower_ in ("'s", "\u2019s"):
        index += 1
    for office, region_only in _STATE_OFFICES.items():
        words = tuple(t.lower_ for t in doc[index : index + len(office)])
        if words == office and (region_only or current.type != "Country"):
            return options[0] if len({o.country for o in options}) == 1 else None
    return None


# How many first-level regions of one country a list must name besides a name read as a country
# or as a city for the name to be that country's region too: "Georgia, Alabama and Florida"; a
# city needs more company, "Washington, Maryland and Virginia" being the capital and its
# neighbours, "Oregon, Idaho, Montana and Washington" the states (and a national capital is
# the region only as _a_capital_may_be_the_region allows).
_LISTED_REGIONS_BESIDE = {"Country": 2, "City": 3}


def _states_listed_together(ctx: Context) -> None:
    """"storms in Georgia, Alabama and Florida", "Oregon, Idaho, Montana and Washington": a
    name the gazetteer reads as a country or a city, coordinated in the parse with first-level
    regions of one country (two or more beside a country's name, three or more beside a
    city's) and with no other kind of place but such names, is that country's region of its
    name; a national capital only where none of the listed regions holds its suburbs
    ("Washington, Virginia, Maryland and Pennsylvania" is the capital), or where the article
    tells of the region elsewhere. Not a city that lies in the region of its name ("New York,
    New Jersey and Connecticut", "Kandahar, Helmand and Uruzgan": the city or the province, the
    list does not tell), nor a name listed with states of another country ("Mexico, Texas and California") or
    with countries or cities ("Georgia, Armenia and Azerbaijan")."""
    gazetteer = ctx.gazetteer
    found: dict[int, Place] = {}
    for position, mention in enumerate(ctx.mentions):
        current = gazetteer.get(mention.key) if mention.key else None
        if mention.kind != "name" or not isinstance(current, Place) or \
                current.type not in _LISTED_REGIONS_BESIDE:
            continue
        listed = [ctx.mention_at(token) for token in ctx.root_of(mention).conjuncts]
        regions: list[Place] = []
        for other in listed:
            place = gazetteer.get(other.key) if other is not None and other.key else None
            if other is None or other.kind != "name" or not isinstance(place, Place):
                break
            if place.type == "AdministrativeRegion":
                regions.append(place)
            elif not _region_namesakes(ctx, other, place):
                break  # a city or a country of no region's name: not a list of states
        else:
            countries = {place.country for place in regions}
            region = next((o for o in _region_namesakes(ctx, mention, current)
                           if countries == {o.country}), None)
            if region is not None and len(regions) >= _LISTED_REGIONS_BESIDE[current.type] and \
                    _a_capital_may_be_the_region(ctx, current, region, regions, position):
                found[position] = region
    for position, region in found.items():
        ctx.mentions[position] = replace(ctx.mentions[position], key=region.key, type=region.type)


def _region_namesakes(ctx: Context, mention: Mention, current: Place) -> list[Place]:
    """The first-level regions that share a name read as a country or a city and do not hold
    it (Washington state for the capital, not New York state for New York City)."""
    if current.type not in _LISTED_REGIONS_BESIDE:
        return []
    return [c for c in ctx.gazetteer.candidates(mention.text) if isinstance(c, Place)
            and c.type == "AdministrativeRegion" and c.key not in current.containers]


def _a_capital_may_be_the_region(ctx: Context, city: Place, region: Place,
                                 listed: list[Place], position: int) -> bool:
    """Whether a list of regions may make a name read as a city its region: any name but a
    national capital's; a capital's when none of the listed regions holds its suburbs
    (``capital-metro-regions.tsv``: "Oregon, Idaho, Montana and Washington", not "Washington,
    Virginia, Maryland and Pennsylvania"), or, for a capital that file does not list, when the
    article tells of the region elsewhere."""
    if city.key not in ctx.gazetteer.capital_keys:
        return True
    suburbs = lexicon().classes("capital-metro-regions.tsv").get(city.key)
    if suburbs is not None:
        return not set(suburbs.split()) & {place.key for place in listed}
    return _region_told_elsewhere(ctx, region, position)


def _region_told_elsewhere(ctx: Context, region: Place, position: int) -> bool:
    """Whether the article tells of a region elsewhere than at one mention: it names the region
    so that no capital can be meant ("Washington state") or names a town of it ("Spokane").
    A capital listed with the states around it is still the capital ("in Washington, Maryland
    and Virginia", "Washington, Virginia, Maryland and Pennsylvania"), and the gazetteer does
    not say which states a capital's suburbs spill into: only the article can."""
    for other_position, other in enumerate(ctx.mentions):
        place = ctx.gazetteer.get(other.key) if other.key and other_position != position else None
        if isinstance(place, Place) and region.key in (place.key, place.region):
            return True
    return False
