"""Load the gazetteer and lexicons in data/: known states, cities, organisations, titles, events."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from kg.resources import resource_dir

# Organisation types in organizations.tsv → ontology classes (see ontology/kg.ttl).
ORGANIZATION_CLASSES = {
    "Ministry": "Ministry",
    "Agency": "Agency",
    "Government": "Government",
    "Legislature": "Legislature",
    "Military": "Military",
    "Court": "Court",
    "Embassy": "Embassy",
    "PoliticalParty": "PoliticalParty",
    "NewsOrganization": "NewsOrganization",
    "InternationalOrganization": "InternationalOrganization",
    "Company": "Company",
    "Organization": "Organization",
}


@dataclass(frozen=True)
class Place:
    """A known state, territory or city."""

    key: str
    name: str
    type: str  # "Country" or "City"
    wikidata: str | None
    aliases: tuple[str, ...]
    iso2: str | None = None
    country: str | None = None  # for a city: the key of its country
    capital: str | None = None  # for a country: the key of its capital city
    demonyms: tuple[str, ...] = ()
    population: int = 0


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


def is_generic_institution(name: str) -> bool:
    """Whether a name only says what kind of body it is, not whose ("Health Ministry")."""
    words = re.findall(r"[A-Za-z']+", name.lower())
    return bool(words) and all(w in _GENERIC_WORDS for w in words)


def slug(text: str) -> str:
    """A lowercase ASCII slug: ``"Côte d'Ivoire"`` → ``"cote-d-ivoire"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def normalize_name(text: str) -> str:
    """The form names are compared in: straight quotes, no leading 'the', no possessive."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").strip()
    text = re.sub(r"^(the|The|THE)\s+", "", text)
    text = re.sub(r"('s|')$", "", text).strip()
    return re.sub(r"\s+", " ", text)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


class Gazetteer:
    """Look-ups over the known places and organisations, by name, alias or demonym."""

    def __init__(self, directory: Path | None = None, lexicon: Path | None = None) -> None:
        directory = directory or resource_dir("gazetteer")
        lexicon = lexicon or resource_dir("lexicon")
        self.places: dict[str, Place] = {}
        self.organizations: dict[str, KnownOrganization] = {}
        self._by_name: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._by_iso2: dict[str, str] = {}
        capitals: dict[str, tuple[str, str]] = {}
        for row in _rows(directory / "countries.tsv"):
            key = row["key"]
            self._by_iso2[row["iso2"].upper()] = key
            capitals[key] = (row.get("capital", ""), row.get("iso2", "").upper())
            self.places[key] = Place(
                key=key,
                name=row["name"],
                type="Country",
                wikidata=row.get("wikidata") or None,
                aliases=_split(row.get("aliases")),
                iso2=row.get("iso2") or None,
                demonyms=_split(row.get("demonyms")),
            )
        city_keys: dict[tuple[str, str], str] = {}
        for row in _rows(directory / "cities.tsv"):
            iso2 = row.get("country_iso2", "").upper()
            country = self._by_iso2.get(iso2)
            key = row["key"]
            self.places[key] = Place(
                key=key,
                name=row["name"],
                type="City",
                wikidata=row.get("wikidata") or None,
                aliases=_split(row.get("aliases")),
                iso2=iso2 or None,
                country=country,
                population=int(row.get("population") or 0),
            )
            city_keys[(row["name"], iso2)] = key
        for key, (capital, iso2) in capitals.items():
            city = city_keys.get((capital, iso2))
            if city:
                place = self.places[key]
                self.places[key] = Place(**{**place.__dict__, "capital": city})
        for row in _rows(directory / "organizations.tsv"):
            country = self._by_iso2.get(row.get("country_iso2", "").upper())
            self.organizations[row["key"]] = KnownOrganization(
                key=row["key"],
                name=row["name"],
                type=ORGANIZATION_CLASSES.get(row.get("type", ""), "Organization"),
                wikidata=row.get("wikidata") or None,
                aliases=_split(row.get("aliases")),
                country=country,
            )
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
        cities = sorted(
            (p for p in self.places.values() if p.type == "City"), key=lambda p: -p.population
        )
        for city in cities:
            self._register(city.key, (city.name, *city.aliases))
        self.titles = {
            row["title"]: Title(row["title"], row["kind"], row["leads"] == "yes")
            for row in _rows(lexicon / "titles.tsv")
        }
        self.kinship = {row["noun"]: row["relation"] for row in _rows(lexicon / "kinship.tsv")}
        occupations = (lexicon / "occupations.txt").read_text(encoding="utf-8").splitlines()
        self.occupations = {
            line.strip() for line in occupations if line.strip() and not line.startswith("#")
        }
        events_path = lexicon / "events.yaml"
        self.event_triggers: dict[str, dict[str, list[str]]] = (
            yaml.safe_load(events_path.read_text(encoding="utf-8")) if events_path.exists() else {}
        )

    def _register(self, key: str, names: tuple[str, ...]) -> None:
        for name in names:
            self._by_name.setdefault(normalize_name(name), key)

    def lookup(self, name: str) -> Place | KnownOrganization | None:
        """The place or organisation a name or alias denotes, or None."""
        key = self._by_name.get(normalize_name(name))
        if key is None and name.isupper() and len(name) > 4:
            key = self._by_name.get(normalize_name(name.title()))  # "YAMOUSSOUKRO, May 2 —"
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
