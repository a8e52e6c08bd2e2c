"""A deterministic corpus of invented news articles for benchmarks, written as kg's JSONL input.

Articles are built from sentence templates filled with states, cities and organisations from
``data/gazetteer/*.tsv`` and invented people, with the events, figures and time phrases kg
extracts (defections, visits, meetings, reports, deaths, elections, percentages and counts).
The same seed and size always give the same bytes, so runs can be compared::

    python bench/corpus.py --articles 1000 --seed 7 -o corpus-1000.jsonl

Each line is ``{"id", "title", "published", "text"}``, as ``kg build corpus.jsonl`` reads it.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT / "data" / "gazetteer"
SIZES = (10, 100, 1_000, 10_000)
"""The sizes the benchmark uses; any other number of articles works too."""

# Invented people: common given names and family names from several languages, combined at
# random so that no real person is meant.
GIVEN_NAMES = (
    "Amara Bence Carmen Dario Elif Farid Greta Hana Ilya Joana Kwame Leila Mateo Nadia Oskar "
    "Priya Quentin Rosa Sami Tomas Ursula Viktor Wen Ximena Yusuf Zofia Anders Beatriz Chidi "
    "Dmitri Esther Fatima Goran Ingrid Jamal Keiko Lukas Marisol Nikolai Olga Pavel Rania"
).split()
FAMILY_NAMES = (
    "Achterberg Barros Castellano Dimitrov Eriksen Ferrante Gashi Halvorsen Ibarra Jovanovic "
    "Kowalczyk Lindqvist Marangoni Nakamura Okonkwo Petrakis Quispe Rahimi Santoro Takacs "
    "Umarov Valdivia Wojcik Yilmaz Zamora Brennan Delacroix Mbeki Novak Oyelaran Sorensen"
).split()
TITLES = ("Foreign Minister", "Interior Minister", "President", "Prime Minister", "Ambassador")
ROLES = ("a spokesman", "a spokeswoman", "an analyst", "a senior official", "a diplomat")
MONTHS = (
    "January February March April May June July August September October November December"
).split()


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    capital: str


@dataclass(frozen=True)
class Organization:
    name: str
    type: str


def _rows(name: str) -> list[dict[str, str]]:
    with (GAZETTEER / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t"))


def _countries() -> list[Country]:
    found = []
    for row in _rows("countries.tsv"):
        demonyms = [d for d in row["demonyms"].split("|") if d and not d.endswith("s")]
        if demonyms and row["capital"]:
            found.append(Country(row["name"], demonyms[0], row["capital"]))
    return found


def _organizations(kind: str) -> list[Organization]:
    return [
        Organization(r["name"], r["type"]) for r in _rows("organizations.tsv") if r["type"] == kind
    ]


class _Writer:
    """Picks names, dates and figures for one article from a seeded random generator."""

    def __init__(self, rng: random.Random, published: date, countries: list[Country]):
        self.rng = rng
        self.published = published
        self.countries = countries
        self.people: list[str] = []

    def person(self, new: bool = False) -> str:
        if self.people and not new and self.rng.random() < 0.6:
            return self.rng.choice(self.people)
        name = f"{self.rng.choice(GIVEN_NAMES)} {self.rng.choice(FAMILY_NAMES)}"
        self.people.append(name)
        return name

    def country(self) -> Country:
        return self.rng.choice(self.countries)

    def when(self) -> str:
        choice = self.rng.randrange(5)
        if choice == 0:
            day = self.published - timedelta(days=self.rng.randrange(1, 6))
            return f"on {day.strftime('%A')}"
        if choice == 1:
            day = self.published - timedelta(days=self.rng.randrange(7, 300))
            return f"on {MONTHS[day.month - 1]} {day.day}"
        if choice == 2:
            return f"in {self.published.year - self.rng.randrange(1, 12)}"
        if choice == 3:
            return self.rng.choice(("last week", "last month", "last year", "earlier this month"))
        return f"in {MONTHS[self.rng.randrange(12)]} {self.published.year - self.rng.randrange(3)}"

    def later(self) -> str:
        return self.rng.choice(
            (f"in {MONTHS[self.rng.randrange(12)]} {self.published.year + 1}", "next year")
        )

    def count(self) -> str:
        return f"{self.rng.randrange(12, 40_000):,}"

    def percent(self) -> str:
        return f"{self.rng.randrange(2, 95)}.{self.rng.randrange(10)} percent"


Template = Callable[[_Writer, Organization, Organization], str]

SENTENCES: tuple[Template, ...] = (
    lambda w, news, body: (
        f"{w.person(new=True)}, a {w.country().demonym} soldier, defected to "
        f"{w.country().name} {w.when()}, {news.name} reported."
    ),
    lambda w, news, body: (
        f"{w.country().demonym} {w.rng.choice(TITLES)} {w.person()} visited "
        f"{w.country().capital} {w.when()} for talks with {w.person(new=True)}."
    ),
    lambda w, news, body: (
        f"{w.person()} met {w.rng.choice(TITLES).lower()} {w.person(new=True)} in "
        f"{w.country().capital} {w.when()}, according to {body.name}."
    ),
    lambda w, news, body: (
        f"{body.name} said {w.count()} people had fled {w.country().name} since "
        f"{MONTHS[w.rng.randrange(12)]}, {w.percent()} of them children."
    ),
    lambda w, news, body: (
        f"According to {news.name}, {w.percent()} of the {w.count()} defectors who arrived "
        f"{w.when()} were women."
    ),
    lambda w, news, body: (
        f"At least {w.rng.randrange(2, 300)} people died when a boat capsized off "
        f"{w.country().name} {w.when()}, {body.name} said."
    ),
    lambda w, news, body: (
        f"{w.person()} told {news.name} in an interview {w.when()} that the government "
        f"would not change course."
    ),
    lambda w, news, body: f"{body.name} declined to comment on the report by {news.name}.",
    lambda w, news, body: (
        f"{w.country().name} will hold a presidential election {w.later()}, and "
        f"{w.person(new=True)} is expected to win {w.percent()} of the vote."
    ),
    lambda w, news, body: (
        f"The number of arrivals rose to {w.count()} {w.when()}, up from {w.count()} a year "
        f"earlier, {w.rng.choice(ROLES)} for {body.name} said."
    ),
    lambda w, news, body: (
        f"{w.person()}, the daughter of {w.person(new=True)}, fled to "
        f"{w.country().name} {w.when()}."
    ),
    lambda w, news, body: (
        f"{w.country().demonym} troops attacked a border post near {w.country().capital} "
        f"{w.when()}, killing {w.rng.randrange(2, 60)} soldiers."
    ),
)
TITLE_TEMPLATES = (
    "{person} defects to {country}",
    "{count} flee {country} as talks stall",
    "{country} and {other} agree to new talks",
    "{person} visits {country} amid tensions",
)


def articles(count: int, *, seed: int = 0, start: date = date(2024, 1, 1)) -> Iterator[dict]:
    """``count`` articles as kg's JSONL records, the same for the same ``seed``."""
    rng = random.Random(seed)
    countries = _countries()
    news = _organizations("NewsOrganization")
    bodies = _organizations("Government") + _organizations("InternationalOrganization")
    bodies = bodies or news
    for number in range(count):
        published = start + timedelta(days=rng.randrange(0, 365))
        writer = _Writer(rng, published, countries)
        outlet, body = rng.choice(news), rng.choice(bodies)
        country, other = writer.country(), writer.country()
        title = rng.choice(TITLE_TEMPLATES).format(
            person=writer.person(new=True),
            country=country.name,
            other=other.name,
            count=writer.count(),
        )
        paragraphs = []
        for _ in range(rng.randrange(5, 9)):
            sentences = [
                rng.choice(SENTENCES)(writer, outlet, body) for _ in range(rng.randrange(2, 4))
            ]
            paragraphs.append(" ".join(sentences))
        dateline = f"{country.capital.upper()}, {MONTHS[published.month - 1]} {published.day} — "
        yield {
            "id": f"bench-{seed}-{number:05d}",
            "title": title,
            "published": published.isoformat(),
            "text": dateline + "\n\n".join(paragraphs),
        }


def write_corpus(path: Path, count: int, *, seed: int = 0) -> Path:
    """Write ``count`` articles to the JSONL file ``path``."""
    with path.open("w", encoding="utf-8") as out:
        for record in articles(count, seed=seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100, help=f"how many (e.g. {SIZES})")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same corpus")
    parser.add_argument("-o", "--output", help="JSONL file to write (default: stdout)")
    options = parser.parse_args(argv)
    if options.output:
        write_corpus(Path(options.output), options.articles, seed=options.seed)
    else:
        for record in articles(options.articles, seed=options.seed):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
