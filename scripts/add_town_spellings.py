#!/usr/bin/env python3
"""Add the English spellings news gives towns GeoNames writes otherwise to cities.tsv (a
development-time tool, no network, no extra package).

    python scripts/add_town_spellings.py

GeoNames spells Arabic place names by the BGN/PCGN system ("Janīn", "Bayt Ḩānūn", "Ţūlkarm");
English-language wire copy writes them as the towns' English Wikipedia titles do ("Jenin",
"Beit Hanoun", "Tulkarm"). The table below gives those forms for the Palestinian towns of
cities.tsv that world news names, and the older English names news still gives India's larger
towns ("Benares", "Poona"): the first becomes the row's name (so the town's label is the
form a reader knows) and the GeoNames name joins the aliases, as make_gazetteer.py's
CITY_RENAMES does for large cities; the others become aliases. Keys do not change. A form
another row already holds as a name or an alias, or that is a country's name, is refused.
Running the script twice changes nothing.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "gazetteer"

# cities.tsv key -> the English forms news writes (the English Wikipedia title, the new name,
# first).
TOWN_SPELLINGS = {
    "janin": ["Jenin"],
    "tulkarm": ["Tulkarm"],  # "Tulkarem" left out: linked, it takes the label "Tulkarm"
    "qalqilyah": ["Qalqilya", "Qalqiliya"],
    "khan-yunis": ["Khan Younis"],
    "bayt-hanun": ["Beit Hanoun", "Beit Hanun"],
    "bayt-lahya": ["Beit Lahia", "Beit Lahiya"],
    "bayt-jala": ["Beit Jala"],
    "bayt-sahur": ["Beit Sahour"],
    "baytunya": ["Beitunia"],
    "dayr-al-balah": ["Deir al-Balah", "Deir el-Balah"],
    "jabalya": ["Jabalia"],
    "an-nusayrat": ["Nuseirat"],
    "al-burayj": ["Bureij"],
    "al-birah": ["Al-Bireh", "El-Bireh"],
    "qabatiyah": ["Qabatiya"],
    "bir-zayt": ["Birzeit"],
    "al-ayzariyah": ["Al-Eizariya"],
    # India's larger towns under the older English names news still writes beside the new
    # ones (as make_gazetteer.py's aliases give Bombay, Madras and Calcutta); the name stays.
    "varanasi": ["Varanasi", "Benares", "Banaras"],
    "pune": ["Pune", "Poona"],
    "thiruvananthapuram": ["Thiruvananthapuram", "Trivandrum"],
    "shimla": ["Shimla", "Simla"],
    "kozhikode": ["Kozhikode", "Calicut"],
    "kochi": ["Kochi", "Cochin"],
}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def main() -> int:
    path = OUT / "cities.tsv"
    rows = _read(path)
    columns = list(rows[0])
    by_key = {row["key"]: row for row in rows}
    taken: dict[str, str] = {}
    for row in rows:
        for form in [row["name"], *filter(None, row["aliases"].split("|"))]:
            taken.setdefault(form.lower(), row["key"])
    for row in _read(OUT / "countries.tsv"):
        for form in [row["name"], *filter(None, row["aliases"].split("|"))]:
            taken.setdefault(form.lower(), row["key"])
    added = 0
    for key, forms in TOWN_SPELLINGS.items():
        row = by_key.get(key)
        if row is None:
            raise SystemExit(f"cities.tsv has no row {key!r}")
        aliases = list(filter(None, row["aliases"].split("|")))
        if row["name"] != forms[0]:  # the GeoNames name becomes an alias
            aliases.insert(0, row["name"])
            row["name"] = forms[0]
            added += 1
        aliases = [a for a in aliases if a != row["name"]]
        for form in forms:
            owner = taken.get(form.lower())
            if owner not in (None, key):
                raise SystemExit(f"{form!r} already names {owner!r}, not {key!r}")
            if form != row["name"] and form not in aliases:
                aliases.append(form)
                taken[form.lower()] = key
                added += 1
        row["aliases"] = "|".join(aliases)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_NONE, escapechar=None, quotechar=None)
        writer.writeheader()
        writer.writerows(rows)
    print(f"cities.tsv: {added} names and spellings added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
