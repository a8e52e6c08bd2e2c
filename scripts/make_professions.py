#!/usr/bin/env python3
"""Write data/lexicon/professions.txt: the English nouns for a trade or a job (a development-time tool).

    apt-get install wordnet-base      # Princeton WordNet 3.0, Debian's package
    python scripts/make_professions.py

A noun is listed when its most frequent sense (the first in WordNet's index) is a person of one
of the working kinds below, directly or through any chain of "is a kind of": a worker
("salesman", "electrician"), a professional ("lawyer", "coach"), a businessperson ("owner",
"retailer"), an expert ("analyst"), a scientist, an athlete ("Olympian") or a trainer. Named
people (WordNet's instances, "Nimitz") and nouns whose first sense is no person are left out, as
are phrases of more than two words and the few nouns of standing, past or unpaid help
(``EXCLUDED``).
The relation rules read the list only for the head of a noun apposed to a person's name or
said of one by a copula ("X, a life insurance salesman"), where no title of ``titles.tsv`` is
written (kg.extract.relations.title_words.profession_of).

Source: WordNet 3.0 (c) Princeton University, under the WordNet licence (free use, copy and
redistribution with its notice), read from ``/usr/share/wordnet/data.noun`` and ``index.noun``.
"""

from __future__ import annotations

import sys
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
OUT = Path(__file__).resolve().parent.parent / "data" / "lexicon" / "professions.txt"
ROOTS = ("worker", "professional", "businessperson", "expert", "scientist", "athlete", "trainer")
"""The working kinds of person: each noun's first WordNet sense, which heads the list's tree."""
EXCLUDED = ("veteran", "professional", "pro", "volunteer")
"""Nouns under a working kind that say a person's standing, past or unpaid help, not their
trade: "a Vietnam veteran", "a seasoned professional", "a Red Cross volunteer". ("worker",
"employee" and "expert" stay: with the nouns before them they name a job, "an aid worker".)"""
PERSON_FILE = 18
"""WordNet's lexicographer file of nouns for people (noun.person)."""

HEADER = """\
# Nouns for a trade or a job, whose first WordNet 3.0 sense is a worker, a professional, a
# businessperson, an expert, a scientist, an athlete or a trainer (written by
# scripts/make_professions.py from Princeton WordNet 3.0, WordNet licence: do not edit by hand).
# Serves news copy of any outlet that gives a person's job as a common noun apposed to the name
# or after a copula, where no title is written: "X, a life insurance salesman", "Y is a
# pharmacist" (kg.extract.relations.title_words.profession_of).
"""


def _synsets() -> tuple[dict[str, tuple[int, list[str]]], set[str]]:
    """Each noun synset's lexicographer file and hypernyms, by offset; and the instances."""
    synsets: dict[str, tuple[int, list[str]]] = {}
    instances: set[str] = set()
    for line in (WORDNET / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.partition(" | ")[0].split()
        offset, lexicographer_file, count = fields[0], int(fields[1]), int(fields[3], 16)
        at = 4 + 2 * count
        hypernyms = []
        for _ in range(int(fields[at])):
            symbol, target, pos = fields[at + 1], fields[at + 2], fields[at + 3]
            at += 4
            if symbol in ("@", "@i") and pos == "n":
                hypernyms.append(target)
            if symbol == "@i":
                instances.add(offset)
        synsets[offset] = (lexicographer_file, hypernyms)
    return synsets, instances


def _first_senses() -> dict[str, str]:
    """Each noun lemma's most frequent synset."""
    first: dict[str, str] = {}
    for line in (WORDNET / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        pointers = int(fields[3])
        offsets = fields[4 + pointers + 2:]
        if offsets:
            first[fields[0]] = offsets[0]
    return first


def main() -> int:
    synsets, instances = _synsets()
    first = _first_senses()
    roots = {first[root] for root in ROOTS}

    def working(offset: str) -> bool:
        stack, seen = [offset], set()
        while stack:
            current = stack.pop()
            if current in roots:
                return True
            if current not in seen:
                seen.add(current)
                stack += synsets[current][1]
        return False

    nouns = sorted(
        lemma.replace("_", " ") for lemma, offset in first.items()
        if synsets[offset][0] == PERSON_FILE and offset not in instances
        and lemma not in EXCLUDED and lemma.count("_") <= 1
        and not any(c.isdigit() for c in lemma) and working(offset))
    if len(nouns) < 1500 or "salesman" not in nouns:
        print(f"make_professions: only {len(nouns)} nouns read: is wordnet-base installed?",
              file=sys.stderr)
        return 2
    OUT.write_text(HEADER + "".join(f"{noun}\n" for noun in nouns), encoding="utf-8")
    print(f"wrote {len(nouns)} nouns to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
