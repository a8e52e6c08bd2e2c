"""Write data/gazetteer/airports.tsv: the airports of the world's larger towns, from the
``airportsdata`` package, run by kg's own interpreter (it reads kg.gazetteer's threshold) with
the package from a scratch virtualenv on the path::

    python3 -m venv scratch-airports && scratch-airports/bin/pip install airportsdata==20260905
    PYTHONPATH=$(echo scratch-airports/lib/python3*/site-packages):src python scripts/add_airports.py

Every airport with an IATA code whose town is in cities.tsv (same country, the town's name or
alias) with at least kg.gazetteer.MINOR_TOWN_POPULATION people, or a state's or a first-level
region's capital (the town kg.gazetteer.Gazetteer makes it), is a row: its key, its name as
the package gives it (abbreviations written out), its state, its town's key and first-level
region (only the region, where the package puts the airport in another region than its town's:
it serves the town from outside), and the names news gives it without its kind's words
("Heathrow" for "London Heathrow Airport", "LaGuardia" for "Laguardia Airport"). A name two
airports share, or that is a town's, a region's or a state's, is no alias. Rows are sorted by
key; a second run changes nothing.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import airportsdata  # type: ignore[import-not-found]

from kg.gazetteer import MINOR_TOWN_POPULATION

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT / "data" / "gazetteer"
_WORDS = {"Intl": "International", "Int'l": "International", "Ntl": "National",
          "Natl": "National", "Arpt": "Airport"}
_KIND = re.compile(r"\s+((International|Intercontinental|Regional|Municipal|National)\s+)?"
                   r"(Airport|Air Base|Airfield)$")


def _table(name: str) -> list[dict[str, str]]:
    with (GAZETTEER / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _clean(name: str) -> str:
    name = name.replace("/", "-")
    return " ".join(_WORDS.get(word, word) for word in name.split())


def main() -> int:
    iso2s = {row["iso2"].upper() for row in _table("countries.tsv")}
    towns: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    city_keys: dict[tuple[str, str], str] = {}
    for row in _table("cities.tsv"):
        city_keys.setdefault((row["name"], row["country_iso2"].upper()), row["key"])
        for name in (row["name"], *filter(None, row.get("aliases", "").split("|"))):
            towns[(name.lower(), row["country_iso2"].upper())].append(row)
    # a state's capital is a name in countries.tsv, the town of that name in its state (as
    # kg.gazetteer.Gazetteer reads it); a region's is a town's key in regions.tsv
    capitals = {city_keys[(row["capital"], row["iso2"].upper())]
                for row in _table("countries.tsv")
                if (row["capital"], row["iso2"].upper()) in city_keys} | \
        {row["capital"] for row in _table("regions.tsv") if row.get("capital")}
    regions: dict[str, set[str]] = {}
    by_country: dict[str, set[str]] = defaultdict(set)
    for row in _table("regions.tsv"):
        regions[row["key"]] = {n.lower() for n in (row["name"],
                               *filter(None, row.get("aliases", "").split("|")))}
        by_country[row["country_iso2"].upper()].add(row["key"])
    taken = {name.lower() for row in _table("countries.tsv") + _table("regions.tsv")
             for name in (row["name"], *filter(None, row.get("aliases", "").split("|")))}
    taken |= {name for name, _ in towns}
    rows = []
    for airport in airportsdata.load("IATA").values():
        country = airport["country"].upper()
        if country not in iso2s or not airport["city"]:
            continue
        found = sorted(towns.get((airport["city"].lower(), country), []),
                       key=lambda r: -int(r.get("population") or 0))
        town = next((r for r in found if int(r.get("population") or 0) >= MINOR_TOWN_POPULATION
                     or r["key"] in capitals), None)
        if town is None:
            continue
        region = town.get("region", "")
        city = town["key"]
        if airport["subd"] and airport["subd"].lower() not in regions.get(region, ()):
            # "Roberts International Airport" serves Monrovia from Margibi: the airport lies
            # in its own region, not in the town
            region = next((key for key, names in regions.items()
                           if key in by_country.get(country, ()) and
                           airport["subd"].lower() in names), "")
            if not region:
                continue
            city = ""
        name = _clean(airport["name"])
        core = _KIND.sub("", name)
        names = {core}
        if core.lower().startswith(town["name"].lower() + " "):
            names.add(core[len(town["name"]) + 1 :])  # "London Heathrow" -> "Heathrow"
        names |= {f"{n} Airport" for n in names}
        names.discard(name)
        rows.append({"key": _slug(f"{airport['iata']}-airport"), "name": name,
                     "iata": airport["iata"], "country_iso2": country, "city": city,
                     "region": region,
                     "aliases": sorted(n for n in names if n.lower() not in taken and
                                       len(n) > 3)})
    shared = Counter(a.lower() for row in rows for a in (row["name"], *row["aliases"]))
    with (GAZETTEER / "airports.tsv").open("w", encoding="utf-8", newline="") as handle:
        handle.write("key\tname\tiata\tcountry_iso2\tcity\tregion\taliases\n")
        for row in sorted(rows, key=lambda r: r["key"]):
            aliases = [a for a in row["aliases"] if shared[a.lower()] == 1]
            handle.write("\t".join([row["key"], row["name"], row["iata"], row["country_iso2"],
                                    row["city"], row["region"], "|".join(aliases)]) + "\n")
    print(f"{len(rows)} airports", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
