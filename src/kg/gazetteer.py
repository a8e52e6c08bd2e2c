"""Load the gazetteer in data/: known states, cities and organisations, and the titles,
kinship and name words that go with names (other word lists are :mod:`kg.lexicon`'s)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from kg.lexicon import read_table, read_word_list
from kg.resources import resource_dir
from kg.vocab import kinds_of

# Organisation types in organizations.tsv: the ontology's kinds of organisation.
ORGANIZATION_CLASSES = {cls: cls for cls in kinds_of("Organization")}


@dataclass(frozen=True)
class Place:
    """A known state, territory or city."""

    key: str
    name: str
    type: str  # "Country", "AdministrativeRegion" or "City"
    wikidata: str | None
    aliases: tuple[str, ...]
    iso2: str | None = None
    country: str | None = None  # for a city or region: the key of its country
    capital: str | None = None  # for a country: the key of its capital city
    demonyms: tuple[str, ...] = ()
    population: int = 0
    region: str | None = None  # for a city or an area: the key of its first-level region
    abbreviations: tuple[str, ...] = ()  # for a region: "Calif.", "NSW", read after a town only
    continent: str | None = None  # for a country: the key of its continent
    # For a country: "Middle East", ..., smallest first; its continent among them before a part
    # of the world larger than it ("South America" before "the Americas").
    world_regions: tuple[str, ...] = ()
    metro: str | None = None  # for a town: the key of the city of a million it is a suburb of

    @property
    def minor(self) -> bool:
        """A town below the size news names without context ("Bath", "Mobile", "Reading"):
        trusted only where the parser already saw a place name, never as a person or company."""
        return self.type == "City" and self.population < MINOR_TOWN_POPULATION

    @property
    def territory(self) -> bool:
        """A territory inside a state that is no administrative region of it ("the West Bank",
        "the Gaza Strip"): a Place that contains towns, as a region does."""
        return self.type == "Place" and self.country is not None

    @property
    def containers(self) -> tuple[str, ...]:
        """The keys of the places this one lies in, smallest first (the city it is a suburb of,
        region, country, world regions, continent)."""
        return tuple(dict.fromkeys(k for k in (self.metro, self.region, self.country,
                                                *self.world_regions, self.continent)
                                   if k and k != self.key))


@dataclass(frozen=True)
class KnownOrganization:
    """A known ministry, agency, newspaper, party or company."""

    key: str
    name: str
    type: str
    wikidata: str | None
    aliases: tuple[str, ...]
    country: str | None  # key of the country it belongs to


@dataclass(frozen=True)
class Title:
    """A job title or office, and whether its holder leads the body it is attached to."""

    title: str
    kind: str
    leads: bool


# Towns under this many people are in cities.tsv (down to 15,000) but only typed places where
# spaCy tagged the span as one; capitals of states and of first-level regions are exempt (see
# Place.minor).
MINOR_TOWN_POPULATION = 150_000
# Towns under this many people (cities.tsv keeps them down to 5,000, scripts/add_small_towns.py)
# are news of their own country: a name one shares with a town abroad is linked to it only in a
# story that names its country or region (kg.extract.namesakes.choose_places).
LOCAL_TOWN_POPULATION = 15_000
# Region names that are only a compass word or a size ("Eastern", "Central") name nothing alone.
_VAGUE_REGION_NAMES = {"north", "south", "east", "west", "northern", "southern", "eastern",
                       "western", "central", "centre", "center", "capital", "coast", "islands",
                       "north east", "north west", "south east", "south west", "northeast",
                       "northwest", "southeast", "southwest", "north-east", "north-west",
                       "south-east", "south-west", "upper", "lower", "middle", "interior"}

# The kind of region written after its name, lower case: "Hunan province", "Aichi prefecture".
REGION_WORDS = frozenset({"province", "prefecture", "state", "governorate", "region", "oblast"})
_REGION_WORD_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(REGION_WORDS))})$")

# Words that name institutions every state has: a name made only of these ("Ministry of
# Defence", "Supreme Court", "National Assembly") says nothing about whose it is.
_GENERIC_WORDS = {
    "ministry", "department", "office", "senate", "congress", "parliament", "national",
    "assembly", "supreme", "constitutional", "court", "house", "of", "the", "and", "for",
    "representatives", "commons", "lords", "foreign", "home", "defence", "defense", "interior",
    "health", "finance", "justice", "education", "trade", "commerce", "police", "army", "navy",
    "air", "force", "forces", "coast", "guard", "central", "bank", "cabinet", "joint", "chiefs",
    "staff", "affairs", "external", "state", "security", "federal", "election", "electoral",
    "commission", "council", "agriculture", "energy", "environment", "labour", "labor",
    "transport", "economy", "economic", "public", "works", "emergency", "management", "agency",
    "service", "services", "civil", "protection", "disaster", "immigration", "border", "customs",
    "tax", "revenue", "statistics", "bureau", "institute", "prosecutor", "prosecutors", "general",
    "attorney", "high", "appeals", "armed", "military", "intelligence", "government", "presidential",
    "prime", "minister's", "ministers", "administration", "authority", "regional", "city", "hall",
}


# A region with this many times the people of the city that shares its name is what the name
# means when the article does not say otherwise: "Victoria" the Australian state (not the city
# on Vancouver Island), "Ontario" and "Quebec" the provinces, "Parana" the Brazilian state.
DWARFING_RATIO = 8


def _names_of_dwarfed_cities(cities: list[Place], regions: list[Place], people: dict[str, int],
                             capitals: set[str]) -> set[str]:
    """The names of cities a first-level region of the same name dwarfs: those names go to the
    region first. The largest city of a name decides ("Alexandria" is the Egyptian city, not its
    governorate, though the governorate dwarfs Alexandria, Virginia); a country's capital keeps
    its name ("Washington", "Lisbon")."""
    biggest = _people_by_region_name(regions, people)
    largest: dict[str, Place] = {}
    for city in cities:  # the most populous first
        largest.setdefault(normalize_name(city.name), city)
    return {name for name, city in largest.items()
            if city.key not in capitals and not city.minor and
            biggest.get(name, 0) >= DWARFING_RATIO * city.population}


def _people_by_region_name(regions: list[Place], people: dict[str, int]) -> dict[str, int]:
    """Each name of a first-level region → the people of the most populous region it names."""
    biggest: dict[str, int] = {}
    for region in regions:
        for name in (region.name, *region.aliases):
            normal = normalize_name(name)
            biggest[normal] = max(biggest.get(normal, 0), people.get(region.key, 0))
    return biggest


def _towns_before_regions(cities: list[Place], regions: list[Place],
                          people: dict[str, int]) -> set[str]:
    """The keys of minor towns that keep their name from the regions that share it: a town with
    more people than every such region, none of which lies in its own country ("Tabor", the
    Czech town, before the Slovenian municipality). A region of the town's own country keeps the
    name (the province, not its seat: "Ghazni", "Balkh")."""
    biggest = _people_by_region_name(regions, people)
    countries: dict[str, set[str | None]] = {}
    for region in regions:
        for name in (region.name, *region.aliases):
            countries.setdefault(normalize_name(name), set()).add(region.country)
    early = set()
    for city in cities:
        shared = [n for n in map(normalize_name, (city.name, *city.aliases)) if n in countries]
        if city.minor and shared and all(city.country not in countries[n] and
                                         city.population > biggest[n] for n in shared):
            early.add(city.key)
    return early


def is_generic_institution(name: str) -> bool:
    """Whether a name only says what kind of body it is, not whose ("Health Ministry")."""
    words = re.findall(r"[A-Za-z']+", name.lower())
    return bool(words) and all(w in _GENERIC_WORDS for w in words)


def slug(text: str) -> str:
    """A lowercase ASCII slug: ``"Côte d'Ivoire"`` → ``"cote-d-ivoire"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


@lru_cache(maxsize=1024)
def _airport_form(name: str) -> str:
    """The form airports' names are compared in: lower case, full stops and hyphens as spaces
    ("John F. Kennedy" and "John F Kennedy", "LaGuardia" and "Laguardia")."""
    text = re.sub(r"[.\-]", " ", normalize_name(name).lower())
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=8192)
def normalize_name(text: str) -> str:
    """The form names are compared in: straight quotes, no leading 'the', no possessive.
    Remembered for the names last asked (an article asks about the same names over and over)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").strip()
    text = re.sub(r"^(the|The|THE)\s+", "", text)
    text = re.sub(r"('s|')$", "", text).strip()
    return re.sub(r"\s+", " ", text)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _place(row: dict[str, str], type_: str, **details: Any) -> Place:
    """The place a gazetteer table's row describes: its key, name, Wikidata item and aliases,
    of the class ``type_``, with the ``details`` only some tables give."""
    return Place(key=row["key"], name=row["name"], type=type_,
                 wikidata=row.get("wikidata") or None, aliases=_split(row.get("aliases")),
                 **details)


_LOOKUPS_KEPT = 20_000
"""How many names' answers :meth:`Gazetteer.lookup` keeps, the most recently asked (an article
asks about a few hundred)."""


class Gazetteer:
    """Look-ups over the known places and organisations, by name, alias or demonym."""

    def __init__(self, directory: Path | None = None, lexicon: Path | None = None) -> None:
        directory = directory or resource_dir("gazetteer")
        lexicon = lexicon or resource_dir("lexicon")
        self.places: dict[str, Place] = {}
        self.organizations: dict[str, KnownOrganization] = {}
        self._by_name: dict[str, str] = {}
        self._candidates: dict[str, list[str]] = {}
        self._abbreviations: dict[str, str] = {}
        # Abbreviations of more than one region ("WA": Washington, Western Australia).
        self.shared_abbreviations: set[str] = set()
        self._demonyms: dict[str, str] = {}
        self._by_iso2: dict[str, str] = {}
        capitals: dict[str, tuple[str, str]] = {}
        for row in read_table(directory / "countries.tsv"):
            key = row["key"]
            self._by_iso2[row["iso2"].upper()] = key
            capitals[key] = (row.get("capital", ""), row.get("iso2", "").upper())
            self.places[key] = _place(row, "Country", iso2=row.get("iso2") or None,
                                      demonyms=_split(row.get("demonyms")))
        for row in read_table(directory / "continents.tsv"):
            self.places[row["key"]] = _place(row, "Place")
            for iso2 in _split(row.get("countries")):
                country = self._by_iso2.get(iso2.upper())
                if country in self.places:
                    self.places[country] = replace(self.places[country], continent=row["key"])
        # Named parts of the world that are no continent ("Middle East", "Central Europe"): a
        # country lies in each, the smaller first; one inside a single continent lies in it.
        world_regions: dict[str, list[str]] = {}
        for row in read_table(directory / "world-regions.tsv"):
            members = [self._by_iso2[c.upper()] for c in _split(row.get("countries"))
                       if c.upper() in self._by_iso2]
            continents = {self.places[m].continent for m in members}
            self.places[row["key"]] = _place(
                row, "Place", continent=continents.pop() if len(continents) == 1 else None)
            for member in members:
                world_regions.setdefault(member, []).append(row["key"])
        sizes = {k: sum(k in v for v in world_regions.values()) for k in
                 {k for v in world_regions.values() for k in v}}
        continent_sizes: dict[str, int] = {}
        for place in self.places.values():
            if place.type == "Country" and place.continent:
                continent_sizes[place.continent] = continent_sizes.get(place.continent, 0) + 1
        for member, keys in world_regions.items():
            keys.sort(key=lambda k: sizes[k])
            home = self.places[member].continent
            if home and any(sizes[k] > continent_sizes.get(home, 0) for k in keys):
                # "the Americas" hold South America: the continent comes before them
                keys = [k for k in keys if sizes[k] <= continent_sizes[home]] + \
                    [home] + [k for k in keys if sizes[k] > continent_sizes[home]]
            self.places[member] = replace(self.places[member], world_regions=tuple(keys))
        regional_capitals: set[str] = set()
        for row in read_table(directory / "regions.tsv"):
            iso2 = row.get("country_iso2", "").upper()
            if row.get("capital"):
                regional_capitals.add(row["capital"])
            self.places[row["key"]] = _place(
                row, "Place" if row.get("kind") == "territory" else "AdministrativeRegion",
                iso2=iso2 or None, country=self._by_iso2.get(iso2),
                abbreviations=_split(row.get("abbreviations")))
        # Named regions of the land inside a state ("the Hunter", "the Riverina") and features
        # of the land inside one ("the Hawkesbury River", "Tora Bora"): looked up by name only
        # where a place name is left unlinked (Gazetteer.area), never registered as names, so a
        # surname or a sports team of the same name stays what it is.
        self._areas: dict[str, list[Place]] = {}
        if (directory / "areas.tsv").exists():
            for row in read_table(directory / "areas.tsv"):
                iso2 = row.get("country_iso2", "").upper()
                area = _place(row, "Place", iso2=iso2 or None, country=self._by_iso2.get(iso2),
                              region=row.get("region") or None)
                for name in (area.name, *area.aliases):
                    self._areas.setdefault(normalize_name(name), []).append(area)
        city_keys: dict[tuple[str, str], str] = {}
        for row in read_table(directory / "cities.tsv"):
            iso2 = row.get("country_iso2", "").upper()
            key = row["key"]
            self.places[key] = _place(
                row, "City", iso2=iso2 or None, country=self._by_iso2.get(iso2),
                population=int(row.get("population") or 0), region=row.get("region") or None,
                metro=row.get("metro") or None)
            city_keys.setdefault((row["name"], iso2), key)
        for key, (capital, iso2) in capitals.items():
            capital_key = city_keys.get((capital, iso2))
            if capital_key:
                place = self.places[key]
                self.places[key] = replace(place, capital=capital_key)
                capital_place = self.places[capital_key]
                if capital_place.minor:  # a capital is never a minor town
                    self.places[capital_key] = replace(capital_place,
                                                population=max(capital_place.population,
                                                               MINOR_TOWN_POPULATION))
        for capital_key in regional_capitals & self.places.keys():
            # "Darwin", "Juneau": a state's capital is named without context, as a country's is
            capital_place = self.places[capital_key]
            self.places[capital_key] = replace(capital_place, population=max(
                capital_place.population, MINOR_TOWN_POPULATION))
        self.capital_keys = {p.capital for p in self.places.values() if p.capital}
        # The airports of the larger towns ("LaGuardia", "Roberts International Airport"):
        # looked up by name only where a place name is left unlinked (Gazetteer.airport), as
        # areas are; an airport's town stands as its metro, so it lies in the town first (an
        # airport outside its town's region has only its own region).
        self._airports: dict[str, list[Place]] = {}
        if (directory / "airports.tsv").exists():
            for row in read_table(directory / "airports.tsv"):
                town = self.places.get(row.get("city", ""))
                region = self.places.get(row.get("region", ""))
                around = town or region
                if around is None:
                    continue
                airport = _place(row, "Place", iso2=around.iso2, country=around.country,
                                 region=region.key if region else town.region if town else None,
                                 metro=town.key if town else None)
                for name in (airport.name, *airport.aliases):
                    self._airports.setdefault(_airport_form(name), []).append(airport)
        for row in read_table(directory / "organizations.tsv"):
            country = self._by_iso2.get(row.get("country_iso2", "").upper())
            self.organizations[row["key"]] = KnownOrganization(
                key=row["key"],
                name=row["name"],
                type=ORGANIZATION_CLASSES.get(row.get("type", ""), "Organization"),
                wikidata=row.get("wikidata") or None,
                aliases=_split(row.get("aliases")),
                country=country,
            )
        # Sports teams of whole leagues ("Miami Dolphins"): organisations under their full names;
        # their league and nicknames ("the Dolphins") are kg.extract.entities.teams' to read.
        self.teams = {row["key"]: row for row in read_table(directory / "teams.tsv")}
        for row in self.teams.values():
            self.organizations.setdefault(row["key"], KnownOrganization(
                key=row["key"], name=row["name"], type="Organization", wikidata=None,
                aliases=_split(row.get("aliases")), country=None))
        # Names: countries first, then organisations, then cities; on a clash the earlier wins,
        # and bigger cities are registered before smaller ones of the same name.
        for place in self.places.values():
            if place.type == "Country":
                self._register(place.key, (place.name, *place.aliases))
                for demonym in place.demonyms:
                    self._demonyms.setdefault(normalize_name(demonym), place.key)
        for organization in self.organizations.values():
            names = (organization.name, *organization.aliases)
            self._register(organization.key, tuple(n for n in names
                                                   if not is_generic_institution(n)))
        # Then cities and towns by size, except that first-level regions come between the big
        # cities and the minor towns: "Quebec City" is the city, "Queensland" is always the
        # state, and a name a city shares with a region is the city's (see
        # extract.namesakes.choose_places for the article's say) unless the region dwarfs it; a
        # minor town more populous than the regions abroad that share its name comes before them.
        cities = sorted(
            (p for p in self.places.values() if p.type == "City"), key=lambda p: -p.population
        )
        # Regions that share a name go bigger first, by the people of their towns: "Florida" is
        # the US state before the Puerto Rican municipality.
        people: dict[str, int] = {}
        for city in cities:
            if city.region:
                people[city.region] = people.get(city.region, 0) + city.population
        regions = sorted((p for p in self.places.values()
                          if p.type == "AdministrativeRegion" or p.territory),
                         key=lambda p: -people.get(p.key, 0))
        dwarfed = _names_of_dwarfed_cities(cities, regions, people, self.capital_keys)
        for city in cities:
            if not city.minor and normalize_name(city.name) not in dwarfed:
                self._register(city.key, (city.name, *city.aliases))
        for continent in (p for p in self.places.values() if p.type == "Place" and
                          not p.territory):
            self._register(continent.key, (continent.name, *continent.aliases))  # and regions
        early = _towns_before_regions(cities, regions, people)
        for city in cities:
            if city.key in early:
                self._register(city.key, (city.name, *city.aliases))
        for region in regions:
            self._register(region.key, tuple(n for n in (region.name, *region.aliases)
                                             if n.lower() not in _VAGUE_REGION_NAMES))
            for abbreviation in region.abbreviations:
                if self._abbreviations.setdefault(abbreviation, region.key) != region.key:
                    self.shared_abbreviations.add(abbreviation)
        for city in cities:
            if city.minor or normalize_name(city.name) in dwarfed:
                self._register(city.key, (city.name, *city.aliases))
        self.titles = {
            row["title"]: Title(row["title"], row["kind"], row["leads"] == "yes")
            for row in read_table(lexicon / "titles.tsv")
        }
        self.kinship = {row["noun"]: row["relation"] for row in read_table(lexicon / "kinship.tsv")}
        self.honorifics = read_word_list(lexicon / "honorifics.txt")
        self.post_nominals = read_word_list(lexicon / "post-nominals.txt")
        self.occupations = read_word_list(lexicon / "occupations.txt")
        self.party_names = read_word_list(lexicon / "party-names.txt")
        self.religions = read_word_list(lexicon / "religions.txt")
        self.event_name_heads = read_word_list(lexicon / "event-names.txt")
        self.document_name_heads = read_word_list(lexicon / "document-names.txt")
        self.outlet_abbreviations = read_word_list(lexicon / "outlet-abbreviations.txt")
        self.thing_nouns = read_word_list(lexicon / "thing-nouns.txt")
        self.ship_prefixes = read_word_list(lexicon / "ship-prefixes.txt")
        self.institution_heads = read_word_list(lexicon / "institution-heads.txt")
        self.portfolio_names = read_word_list(lexicon / "portfolio-names.txt")
        self.institution_nouns = {row["noun"]: row["type"]
                                  for row in read_table(lexicon / "institution-nouns.tsv")}
        # What lookup answered for the names last asked (most are asked again and again, and
        # most are no entry's): the tables above do not change once read. One cache for each
        # gazetteer, made here (a cache on the method would be shared by every instance and
        # keep each alive).
        self._cached_lookup = lru_cache(maxsize=_LOOKUPS_KEPT)(self._lookup)

    def _register(self, key: str, names: tuple[str, ...]) -> None:
        for name in names:
            normal = normalize_name(name)
            self._by_name.setdefault(normal, key)
            keys = self._candidates.setdefault(normal, [])
            if key not in keys:
                keys.append(key)

    def candidates(self, name: str) -> list[Place | KnownOrganization]:
        """Every entry a name may denote, the one ``lookup`` returns first."""
        keys = self._candidates.get(normalize_name(name), [])
        return [entry for entry in (self.get(key) for key in keys) if entry is not None]

    def area(self, name: str) -> Place | None:
        """The named region or feature of the land inside a state that a name denotes
        ("Illawarra", "Hunter Valley" → the Hunter, in New South Wales; "Tora Bora", in
        Nangarhar), when one area alone has it."""
        areas = self._areas.get(normalize_name(name), [])
        return areas[0] if len(areas) == 1 else None

    def airport(self, name: str) -> Place | None:
        """The airport of a larger town a name denotes ("LaGuardia", "John F. Kennedy",
        "Roberts International Airport"), when one airport alone has it."""
        airports = self._airports.get(_airport_form(name), [])
        return airports[0] if len(airports) == 1 else None

    def region_abbreviation(self, text: str) -> Place | None:
        """The region an abbreviation written after a town stands for: "Calif." → California."""
        key = self._abbreviations.get(text.strip())
        return self.places.get(key) if key else None

    def region_after_town(self, text: str) -> Place | None:
        """The region a word after "Town," names: an abbreviation ("Calif.") or a region's or
        territory's name ("Chiapas", "West Bank"); None for anything else (a state, a city, a
        person)."""
        found = self.region_abbreviation(text) or self.lookup(text)
        return found if isinstance(found, Place) and (
            found.type == "AdministrativeRegion" or found.territory) else None

    def lookup(self, name: str) -> Place | KnownOrganization | None:
        """The place or organisation a name or alias denotes, or None."""
        return self._cached_lookup(name)

    def _lookup(self, name: str) -> Place | KnownOrganization | None:
        """:meth:`lookup`'s answer, worked out from the tables."""
        key = self._by_name.get(normalize_name(name))
        if key is None and name.isupper() and len(name) > 4:
            key = self._by_name.get(normalize_name(name.title()))  # "YAMOUSSOUKRO, May 2 —"
        if key is None:  # "Hunan province", "Aichi prefecture": the region's own name
            bare = _REGION_WORD_AFTER.sub("", name)
            if bare != name:
                key = next((k for k in self._candidates.get(normalize_name(bare), [])
                            if k in self.places and self.places[k].type == "AdministrativeRegion"),
                           None)
        if key is None and re.match(r"(the )?U\.?N\.? [A-Z]", name):
            # "UN Office for ...", "the U.N. Security Council": a UN body under its long name
            key = self._by_name.get(normalize_name(re.sub(r"^(the )?U\.?N\.? ", "United Nations ",
                                                          name)))
        if key is None:
            return None
        return self.places.get(key) or self.organizations.get(key)

    def demonym(self, word: str) -> Place | None:
        """The state a nationality word points at: ``"North Korean"`` → North Korea."""
        key = self._demonyms.get(normalize_name(word))
        return self.places.get(key) if key else None

    def get(self, key: str) -> Place | KnownOrganization | None:
        """An entry by its key."""
        return self.places.get(key) or self.organizations.get(key)

    def capital_of(self, city_key: str) -> Place | None:
        """The state whose capital is this city (capital metonymy: "Seoul" for South Korea)."""
        if city_key not in self.capital_keys:
            return None  # most places asked about are no capital: no scan of every place
        for place in self.places.values():
            if place.type == "Country" and place.capital == city_key:
                return place
        return None

    def ruler_patterns(self) -> list[dict[str, str]]:
        """Phrase patterns for spaCy's entity ruler: states, capitals, big cities, demonyms, orgs."""
        patterns: list[dict[str, str]] = []
        seen: set[tuple[str, str]] = set()

        def add(label: str, text: str, key: str) -> None:
            text = text.replace("\u2019", "'")
            if len(text) < 2 or (label, text) in seen:
                return
            seen.add((label, text))
            patterns.append({"label": label, "pattern": text, "id": key})

        capitals = {p.capital for p in self.places.values() if p.capital}
        for place in self.places.values():
            if place.type == "Country":
                for name in (place.name, *place.aliases):
                    add("GPE", name, place.key)
                for demonym in place.demonyms:
                    add("NORP", demonym, place.key)
            elif place.type == "AdministrativeRegion" or place.territory:
                # "South Australia", "New South Wales": a region of two words or more, so
                # that the country's name inside it is not read alone; one-word names
                # ("Victoria", "Georgia") are left to the model and the look-ups.
                for name in (place.name, *place.aliases):
                    if " " in name and name.lower() not in _VAGUE_REGION_NAMES:
                        add("GPE", name, place.key)
            elif place.key in capitals or place.population >= 1_000_000:
                for name in (place.name, *place.aliases):
                    add("GPE", name, place.key)
                    if len(name) > 3:
                        add("GPE", name.upper(), place.key)  # datelines: "NAIROBI, Kenya —"
        for organization in self.organizations.values():
            for name in (organization.name, *organization.aliases):
                if is_generic_institution(name):
                    continue
                add("ORG", name, organization.key)
                if name.startswith("The "):
                    add("ORG", name[4:], organization.key)
        return patterns


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped with kg, loaded once per process."""
    return Gazetteer()
