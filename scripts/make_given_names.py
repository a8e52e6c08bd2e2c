#!/usr/bin/env python3
"""Write data/lexicon/given-names-world.txt: given names of many countries, from Faker's
per-locale person providers less what kg already reads otherwise (a development-time tool).

    python -m venv scratch-faker && scratch-faker/bin/pip install faker==40.63.0    # a scratch virtualenv
    python scripts/make_given_names.py [--faker-python scratch-faker/bin/python] [--out PATH]

Run it with kg's own interpreter (its virtualenv, with the spaCy model kg parses with): it reads
this checkout's kg (``src/``, put first on the path) and data. Faker is never imported here nor
installed next to kg: the names are read by the scratch virtualenv's interpreter (``-I``, in a
child process) and handed over as JSON. Nothing is fetched: once Faker is installed the script
runs offline, and kg never runs it, at run time or in its tests.

The names are the first names (``first_names``, ``first_names_male``, ``first_names_female``,
``first_names_nonbinary``) of the person provider of each locale of ``LOCALES`` in Faker
``FAKER_VERSION`` that are one word of letters, capitalised and lower case after the capital,
of three letters or more ("Kieran", "Ingeborg", "Tadeusz"; not "Jo", "DeShawn", "Jean-Paul" or
a name in another script). A name is left out when kg reads it otherwise or a reader could take
it for something else:

- it is a word of WordNet, common or proper, in lower case ("grace", "will", "louis", "jesus"):
  the spaCy model's lemmatiser index, as kg.companies reads it;
- it is in given-names.txt already;
- the gazetteer knows it (kg.gazetteer.Gazetteer.lookup), unless as a minor (small) town;
- it is a demonym of the gazetteer, or one of its titles (lower case) or honorifics;
- it is a place's name word (place-name-words.tsv: a feature's, building's or road's last
  word, a feature's or a metropolis's first) or a body's word (body_cues.has_no_body_word);
- it is the first word of an organisation's name or alias in the gazetteer (organizations.tsv,
  teams.tsv) or of a listed company's (kg.companies.listed_companies), hyphens read as spaces
  ("Mercedes-Benz", "Kimberly-Clark"): "Mercedes Benz said" is the brand's, not a person's.

The names are written sorted, one per line, under ``HEADER``; a second run changes nothing.
Source: Faker (c) 2012 Daniele Faraglia, MIT licence.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "lexicon" / "given-names-world.txt"
FAKER_VERSION = "40.63.0"
"""The Faker release the list is read from (the header names it): another one lists others."""
LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ", "en_IN", "en_PK", "en_NG", "en_KE", "ha_NG",
           "ig_NG", "yo_NG", "tw_GH", "zu_ZA", "sw", "es_ES", "es_MX", "fr_FR", "de_DE", "it_IT",
           "pt_BR", "pt_PT", "nl_NL", "sv_SE", "no_NO", "da_DK", "fi_FI", "pl_PL", "tr_TR",
           "id_ID")
"""Faker's locales whose person providers give the names (``HEADER`` lists them too)."""
SHORTEST = 3
"""The fewest letters of a listed name."""

HEADER = """\
# Given names of many countries, from the per-locale person providers of the Faker package
# (faker 40.63, MIT licence, (c) 2012 Daniele Faraglia): the first names of en_US, en_GB, en_IE,
# en_NZ, en_IN, en_PK, en_NG, en_KE, ha_NG, ig_NG, yo_NG, tw_GH, zu_ZA, sw, es_ES, es_MX, fr_FR,
# de_DE, it_IT, pt_BR, pt_PT, nl_NL, sv_SE, no_NO, da_DK, fi_FI, pl_PL, tr_TR and id_ID, in
# Latin letters, of three letters or more (written by scripts/make_given_names.py from Faker and
# kg's lexicon, gazetteer and WordNet word index: do not edit by hand). Serves news of any
# country that names a person the model tagged a body ("Kieran Whitfield, who coached the
# side", tagged ORG): a name of two words beginning with one of these is a person's when nothing
# in its sentence writes it as a body's or a place's (given_names.begins_with_a_given_name).
# Left out: the names of given-names.txt, every word WordNet has, common or proper (Grace, Will,
# Glen, Holly, Louis, Jesus), demonyms, titles, place and body words, the first words of the
# names of the gazetteer's bodies and of listed companies (Mercedes, Ralph), and names the
# gazetteer knows but as a small town. One per line.
"""

# Run by Faker's interpreter: each locale's names of the attributes asked, and Faker's version, as JSON.
_READ_FAKER = """\
import importlib, json, sys
import faker
attributes = sys.argv[1].split(",")
names = {}
for locale in sys.argv[2:]:
    provider = importlib.import_module("faker.providers.person." + locale).Provider
    found = set()
    for attribute in attributes:
        found.update(getattr(provider, attribute, None) or ())
    names[locale] = sorted(found)
json.dump({"version": faker.VERSION, "names": names}, sys.stdout)
"""


class GivenNamesError(Exception):
    """Faker cannot be read, or is another release than the list's."""


FIRST_NAMES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
"""The person provider's attributes that hold first names."""


def faker_names(python: str, locales: tuple[str, ...] = LOCALES,
                attributes: tuple[str, ...] = FIRST_NAMES) -> dict[str, list[str]]:
    """Each locale's names of the person provider's ``attributes`` (first names unless told),
    read by ``python`` (an interpreter with Faker installed)."""
    try:
        result = subprocess.run([python, "-I", "-c", _READ_FAKER, ",".join(attributes), *locales],
                                capture_output=True,
                                text=True, encoding="utf-8", check=False)
    except OSError as error:
        raise GivenNamesError(f"cannot run {python}: {error}; install Faker in a scratch "
                              f"virtualenv (pip install faker=={FAKER_VERSION})") from error
    if result.returncode != 0:
        raise GivenNamesError(f"{python} could not read Faker's names:\n{result.stderr.strip()}")
    read = json.loads(result.stdout)
    if read["version"] != FAKER_VERSION:
        raise GivenNamesError(f"{python} has Faker {read['version']}, the list is of "
                              f"{FAKER_VERSION}: install that, or change FAKER_VERSION and HEADER")
    names: dict[str, list[str]] = read["names"]
    return names


def a_plain_name(name: str) -> bool:
    """Whether a name is one word of letters, capitalised, lower case after the capital, of
    ``SHORTEST`` letters or more."""
    return name.isalpha() and name[0].isupper() and name[1:].islower() and len(name) >= SHORTEST


def left_out(names: list[str]) -> dict[str, str]:
    """Each name kg reads as something already, or a reader could take for something else, with
    what it is; the names that are no key are listed."""
    from kg.companies import listed_companies
    from kg.extract.entities.body_cues import has_no_body_word
    from kg.extract.place_words import PLACE_NAME_ENDS, place_name_words
    from kg.gazetteer import Place, default_gazetteer
    from kg.lexicon import lexicon
    from kg.nlp import english_words as wordnet_words  # the model's WordNet words

    gazetteer = default_gazetteer()
    words = wordnet_words()
    place_words = place_name_words(*PLACE_NAME_ENDS, "feature-first", "metro-first")
    given = lexicon().words("given-names.txt")
    bodies = (*(name for organization in gazetteer.organizations.values()
                for name in (organization.name, *organization.aliases)),
              *(name for team in gazetteer.teams.values()
                for name in (team["name"], *(team.get("aliases") or "").split("|"))),
              *listed_companies())
    body_first = {name.replace("-", " ").split()[0] for name in bodies if name.strip()}
    reasons: dict[str, str] = {}
    for name in names:
        known = gazetteer.lookup(name)
        if name.lower() in words:
            reasons[name] = "wordnet"
        elif known is not None and not (isinstance(known, Place) and known.minor):
            reasons[name] = "gazetteer"
        elif gazetteer.demonym(name) is not None:
            reasons[name] = "demonym"
        elif name.lower() in gazetteer.titles or name in gazetteer.honorifics:
            reasons[name] = "title"
        elif name in place_words or not has_no_body_word(name):
            reasons[name] = "place or body word"
        elif name in given:
            reasons[name] = "given-names.txt"
        elif name in body_first:
            reasons[name] = "a body's first word"
    return reasons


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faker-python", default="scratch-faker/bin/python",
                        help="a Python interpreter with Faker installed (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))  # this checkout's kg, which reads its own data
    if any(locale not in HEADER for locale in LOCALES):
        print("make_given_names: HEADER does not name every locale of LOCALES", file=sys.stderr)
        return 2
    try:
        by_locale = faker_names(args.faker_python)
    except GivenNamesError as error:
        print(f"make_given_names: {error}", file=sys.stderr)
        return 2
    names = sorted({name for found in by_locale.values() for name in found if a_plain_name(name)})
    reasons = left_out(names)
    kept = [name for name in names if name not in reasons]
    if len(kept) < 5000 or "Kieran" not in kept:
        print(f"make_given_names: only {len(kept)} names kept of {len(names)}: is the spaCy "
              f"model kg parses with installed?", file=sys.stderr)
        return 2
    args.out.write_text(HEADER + "".join(f"{name}\n" for name in kept), encoding="utf-8")
    counts = Counter(reasons.values())
    print(f"wrote {len(kept)} names of {len(names)} to {args.out}; left out: " +
          ", ".join(f"{count} {reason}" for reason, count in counts.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
