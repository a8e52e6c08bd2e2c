#!/usr/bin/env python3
"""Write data/lexicon/surname-words.txt: common English-language surnames that are also English
words ("Smith", "Baker", "Rice"), from Faker's person providers (a development-time tool).

    python -m venv scratch-faker && scratch-faker/bin/pip install faker==40.63.0    # a scratch virtualenv
    python scripts/make_surname_words.py [--faker-python scratch-faker/bin/python] [--out PATH]

Run it with kg's own interpreter, as scripts/make_given_names.py (whose Faker reading it shares):
Faker runs only in the scratch virtualenv's interpreter, in a child process; nothing is fetched
and kg never runs this script. A surname is listed when it is one plain word (capitalised,
letters only, three or more) among the last names of ``LOCALES`` and its lower case is a word
of the spaCy model's WordNet index (kg.nlp.english_words): the surnames a rule about common
words must not take for common words. Source: Faker (c) 2012 Daniele Faraglia, MIT licence.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from make_given_names import FAKER_VERSION, GivenNamesError, a_plain_name, faker_names  # noqa: E402

OUT = ROOT / "data" / "lexicon" / "surname-words.txt"
LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ")
"""Faker's English-language locales whose last names are read (``HEADER`` names them)."""

HEADER = """\
# Common surnames of English-language news that are also English words (Smith, Baker, Cook,
# Rice, Young), from the last names of the en_US, en_GB, en_IE and en_NZ person providers of the
# Faker package (faker 40.63, MIT licence, (c) 2012 Daniele Faraglia) whose lower case is a word
# of WordNet (written by scripts/make_surname_words.py: do not edit by hand). Serves news of any
# outlet that names a person by surname alone: such a name stays a person's where a rule drops a
# one-word "person" that is only a common word ("Marijuana", "Paranoia";
# person_cues.a_common_word_for_a_person). One per line.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faker-python", default="scratch-faker/bin/python",
                        help=f"an interpreter with faker=={FAKER_VERSION} installed")
    parser.add_argument("--out", type=Path, default=OUT)
    options = parser.parse_args(argv)
    from kg.nlp import english_words

    try:
        names = faker_names(options.faker_python, LOCALES, ("last_names",))
    except GivenNamesError as error:
        print(f"make_surname_words: {error}", file=sys.stderr)
        return 1
    words = english_words()
    kept = sorted({name for found in names.values() for name in found
                   if a_plain_name(name) and name.lower() in words})
    options.out.write_text(HEADER + "".join(f"{name}\n" for name in kept), encoding="utf-8")
    print(f"{len(kept)} surnames written to {options.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
