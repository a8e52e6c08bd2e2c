"""Synthetic extracted facts (``kg.model.Facts``) that name entities as often as real news does.

No text is parsed: each article's facts are generated directly, with sentences that contain the
mention strings at the offsets the mentions and evidence give, so the RDF has exactly the shape
``kg.rdf.to_graph`` writes for a built article. The reuse of entities follows ``bench/reuse.json``
(measured on the real-news annotations by ``bench/reuse.py``):

- each article takes the entity counts by type of a real annotated article, drawn at random;
- the head, the entities real news names in two articles or more, is named in the same share of
  articles whatever the corpus size (the first country in about a quarter of them);
- the other slots come from a long tail per type, drawn with Zipf weights
  ``rank ** -zipf_exponent``, whose size grows with the corpus as ``N ** heaps_exponent``.

Countries, regions, cities and organisations come from ``data/gazetteer/*.tsv`` (with their
Wikidata ids); people, places and any organisations beyond the gazetteer's are invented. The
same seed and size always give the same facts::

    python bench/facts.py --articles 300 --seed 1     # prints the shape of what it generates
"""

from __future__ import annotations

import argparse
import bisect
import csv
import itertools
import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from corpus import FAMILY_NAMES, GIVEN_NAMES  # the invented people of bench/corpus.py
from reuse import load

from kg.model import (
    Article,
    Attribute,
    Comparison,
    Entity,
    Event,
    Evidence,
    Facts,
    Mention,
    Relation,
    Sentence,
    Statistic,
    TimeValue,
)

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT / "data" / "gazetteer"
START = date(2002, 8, 1)
ARTICLES_PER_DAY = 10  # 300 articles are a month of coverage
RULE = "bench-synthetic"

INITIALS = "ABCDEFGHJKLMNPRSTVW"
PLACE_WORDS = ("River", "Valley", "Coast", "Plateau", "Basin", "Strait", "Highlands", "Delta")
ORGANIZATION_WORDS = {  # invented organisations when the gazetteer runs out: (suffix, class)
    "GovernmentOrganization": (("Agency", "Agency"), ("Ministry", "Ministry"),
                               ("Commission", "GovernmentOrganization")),
    "NewsOrganization": (("Gazette", "NewsOrganization"), ("Herald", "NewsOrganization")),
    "Organization": (("Holdings", "Company"), ("Foundation", "Organization"),
                     ("Party", "PoliticalParty")),
}
GOVERNMENT_CLASSES = {"Agency", "Court", "Government", "Legislature", "Military", "Ministry"}
TITLES = ("Foreign Minister", "Prime Minister", "senator", "spokesman", "chief executive",
          "opposition leader", "ambassador", "police commissioner")
MEASURED = ("people displaced", "jobs lost", "votes counted", "soldiers deployed",
            "homes destroyed", "of the budget", "in aid", "cases reported")

# The annotation types of bench/reuse.json → the kg class of a generated entity of that type.
KG_CLASS = {"Person": "Person", "Country": "Country", "State": "AdministrativeRegion",
            "City": "City", "Place": "Place", "GovernmentOrganization": "GovernmentOrganization",
            "NewsOrganization": "NewsOrganization", "Organization": "Organization"}
PLACES = ("Country", "State", "City", "Place")
ORGANIZATIONS = ("GovernmentOrganization", "NewsOrganization", "Organization")


@dataclass(frozen=True)
class Candidate:
    """An entity the generator may name: its key, label, kg class and Wikidata id."""

    key: str
    label: str
    kind: str  # the annotation type (bench/reuse.json "types")
    type: str  # the kg ontology class
    wikidata: str | None = None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _rows(name: str) -> list[dict[str, str]]:
    with (GAZETTEER / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t"))


def _gazetteer() -> dict[str, list[Candidate]]:
    """The gazetteer's entries by annotation type, in a fixed order."""
    found: dict[str, list[Candidate]] = {kind: [] for kind in KG_CLASS}
    for row in _rows("countries.tsv"):
        found["Country"].append(Candidate(row["key"], row["name"], "Country", "Country",
                                          row["wikidata"] or None))
    for row in _rows("regions.tsv"):
        found["State"].append(Candidate(row["key"], row["name"], "State", "AdministrativeRegion",
                                        row["wikidata"] or None))
    cities = sorted(_rows("cities.tsv"), key=lambda r: -int(r["population"] or 0))
    for row in cities[:20_000]:  # the most populous: news rarely names a village
        found["City"].append(Candidate(row["key"], row["name"], "City", "City",
                                       row["wikidata"] or None))
    for row in _rows("continents.tsv"):
        found["Place"].append(Candidate(row["key"], row["name"], "Place", "Place",
                                        row["wikidata"] or None))
    for row in _rows("organizations.tsv"):
        kind = ("GovernmentOrganization" if row["type"] in GOVERNMENT_CLASSES
                else "NewsOrganization" if row["type"] == "NewsOrganization" else "Organization")
        found[kind].append(Candidate(row["key"], row["name"], kind, row["type"],
                                     row["wikidata"] or None))
    return found


def _invented(kind: str, number: int) -> Candidate:
    """The ``number``-th invented entity of an annotation type (people, places, organisations)."""
    given = GIVEN_NAMES[number % len(GIVEN_NAMES)]
    rest = number // len(GIVEN_NAMES)
    family = FAMILY_NAMES[rest % len(FAMILY_NAMES)]
    initial = INITIALS[(rest // len(FAMILY_NAMES)) % len(INITIALS)]
    series = rest // (len(FAMILY_NAMES) * len(INITIALS))
    extra = f" {series + 1}" if series else ""
    if kind == "Person":
        label = f"{given} {initial}. {family}{extra}"
        return Candidate(_slug(label), label, kind, "Person")
    if kind == "Place":
        label = f"{family} {PLACE_WORDS[number % len(PLACE_WORDS)]}{extra}"
        return Candidate(_slug(label), label, kind, "Place")
    if kind in ORGANIZATION_WORDS:
        words = ORGANIZATION_WORDS[kind]
        suffix, kg_class = words[number % len(words)]
        label = f"{given} {family} {suffix}{extra}"
        return Candidate(_slug(label), label, kind, kg_class)
    raise ValueError(f"no invented {kind}")


class Pools:
    """The entities a corpus of ``articles`` articles draws from: the head, and a tail per type."""

    def __init__(self, articles: int, shape: dict[str, Any], rng: random.Random):
        supply = _gazetteer()
        for candidates in supply.values():
            rng.shuffle(candidates)
        invented = Counter[str]()
        used: set[str] = set()

        def take(kind: str) -> Candidate | None:
            while supply[kind]:
                candidate = supply[kind].pop()
                if candidate.key not in used:
                    used.add(candidate.key)
                    return candidate
            if kind in ("Country", "State", "City"):
                return None  # real places only: the tail is as long as the gazetteer
            while True:
                candidate = _invented(kind, invented[kind])
                invented[kind] += 1
                if candidate.key not in used:
                    used.add(candidate.key)
                    return candidate

        self.head: list[tuple[Candidate, float]] = []
        for entry in shape["head"]:
            candidate = take(entry["type"])
            assert candidate is not None
            self.head.append((candidate, entry["share"]))
        growth = (max(articles, 1) / shape["articles"]) ** shape["heaps_exponent"]
        exponent = shape["zipf_exponent"]
        self.tail: dict[str, list[Candidate]] = {}
        self.weights: dict[str, list[float]] = {}
        for kind in KG_CLASS:
            size = max(12, math.ceil(shape["tail"].get(kind, 0) * growth))
            tail = [c for c in (take(kind) for _ in range(size)) if c is not None]
            self.tail[kind] = tail
            self.weights[kind] = list(itertools.accumulate(
                rank ** -exponent for rank in range(1, len(tail) + 1)))

    def draw(self, kind: str, rng: random.Random, avoid: set[str]) -> Candidate | None:
        """One tail entity of ``kind`` not in ``avoid`` (Zipf-weighted), or None."""
        tail, weights = self.tail[kind], self.weights[kind]
        for _ in range(20):
            candidate = tail[bisect.bisect_left(weights, rng.random() * weights[-1])]
            if candidate.key not in avoid:
                return candidate
        return next((c for c in tail if c.key not in avoid), None)


class _Writer:
    """An article's text, sentence by sentence, keeping the offsets of the names in it."""

    def __init__(self, article_id: str):
        self.article_id = article_id
        self.text = ""
        self.sentences: list[Sentence] = []
        self.mentions: list[Mention] = []
        self.of_entity: dict[str, list[Mention]] = {}

    def sentence(self, *pieces: str | Candidate) -> Evidence:
        """Append a sentence of plain text and names; the evidence that spans it."""
        start = len(self.text) + (1 if self.text else 0)
        index = len(self.sentences)
        body = ""
        for piece in pieces:
            if isinstance(piece, Candidate):
                begin = start + len(body)
                mention = Mention(f"m{len(self.mentions) + 1}", piece.label, begin,
                                  begin + len(piece.label), index, piece.type, key=piece.key)
                self.mentions.append(mention)
                self.of_entity.setdefault(piece.key, []).append(mention)
                body += piece.label
            else:
                body += piece
        self.text += (" " if self.text else "") + body
        self.sentences.append(Sentence(index, start, start + len(body), body))
        return Evidence(index, start, start + len(body), RULE, 0.9)


EVENT_WORDS = {  # event class → the verb of its sentence
    "Agreement": "signed an agreement with", "Appointment": "appointed", "Arrest": "arrested",
    "Attack": "attacked", "Death": "mourned", "Disaster": "was hit by floods near",
    "Election": "won an election against", "Interview": "interviewed", "Layoff": "cut jobs at",
    "Meeting": "met", "Migration": "fled to", "PressConference": "briefed reporters with",
    "Publication": "published a study with", "Report": "reported on",
    "Resignation": "resigned from", "Sanction": "imposed sanctions on", "Statement": "said of",
    "Trial": "went on trial with", "Visit": "visited", "War": "went to war with",
}


def _count(rate: float, rng: random.Random) -> int:
    """A whole number of facts with mean ``rate``."""
    whole = int(rate)
    return whole + (rng.random() < rate - whole)


def _article(number: int, pools: Pools, shape: dict[str, Any],
             seed: int) -> Facts:
    rng = random.Random(f"{seed}-{number}")
    article_id = f"syn-{number:05d}"
    published = START + timedelta(days=number // ARTICLES_PER_DAY)
    kinds = shape["types"]
    profile = dict(zip(kinds, rng.choice(shape["profiles"]), strict=True))

    chosen: dict[str, Candidate] = {}
    for candidate, share in pools.head:
        if rng.random() < share:
            chosen[candidate.key] = candidate
    have = Counter(c.kind for c in chosen.values())
    # A head entity beyond the profile's count of its type takes another type's tail slot, so
    # that articles name as many entities as the real ones do.
    excess = sum(max(0, have[kind] - profile[kind]) for kind in kinds)
    for kind in rng.sample(kinds, len(kinds)):
        slots = max(0, profile[kind] - have[kind])
        trimmed = min(slots, excess)
        excess -= trimmed
        for _ in range(slots - trimmed):
            drawn = pools.draw(kind, rng, set(chosen))
            if drawn is not None:
                chosen[drawn.key] = drawn
    if not chosen:  # an article names at least one thing
        drawn = pools.draw("Country", rng, set())
        assert drawn is not None
        chosen[drawn.key] = drawn
    entities = list(chosen.values())
    by_kind: dict[str, list[Candidate]] = {}
    for candidate in entities:
        by_kind.setdefault(candidate.kind, []).append(candidate)

    def pick(*wanted: str) -> Candidate | None:
        options = [c for kind in wanted for c in by_kind.get(kind, ())]
        return rng.choice(options) if options else None

    writer = _Writer(article_id)
    title = f"Report {number + 1} on " + " and ".join(c.label for c in entities[:2])
    for candidate in entities:  # every entity is named once before the facts about it
        writer.sentence(candidate, rng.choice((" was in the news again.", " drew attention.",
                                               " featured in the day's coverage.")))

    relations: list[Relation] = []
    attributes: list[Attribute] = []
    rates = shape["relations"]
    for predicate, rate in rates.items():
        for _ in range(_count(rate, rng)):
            if predicate == "jobTitle":
                person = pick("Person")
                if person:
                    title_text = rng.choice(TITLES)
                    evidence = writer.sentence(person, f" is the {title_text}.")
                    attributes.append(Attribute(person.key, "jobTitle", title_text, evidence))
                continue
            subject, obj, words = {
                "nationality": (pick("Person"), pick("Country"), (", a citizen of ", ", spoke.")),
                "memberOf": (pick("Person"), pick(*ORGANIZATIONS), (" is a member of ", ".")),
                "leaderOf": (pick("Person"), pick(*ORGANIZATIONS, "Country"), (" leads ", ".")),
                "basedIn": (pick(*ORGANIZATIONS), pick("City", "Country"),
                            (" has its offices in ", ".")),
                "locatedIn": (pick("City", "State", "Place"), pick("Country", "State"),
                              (" lies in ", ".")),
                "partOf": (pick("GovernmentOrganization"), pick("Country"),
                           (" answers to the government of ", ".")),
            }.get(predicate, (None, None, ("", "")))
            if subject and obj and subject.key != obj.key:
                evidence = writer.sentence(subject, words[0], obj, words[1])
                relations.append(Relation(subject.key, predicate, obj.key, evidence))

    events: list[Event] = []
    for event_type, rate in shape["events"].items():
        for _ in range(_count(rate, rng)):
            agent = pick("Person", *ORGANIZATIONS, "Country")
            other = pick(*PLACES, *ORGANIZATIONS, "Person")
            if agent is None or other is None or agent.key == other.key:
                continue
            roll = rng.random()
            if roll < 0.5:
                day = published - timedelta(days=rng.randrange(0, 5))
                time = TimeValue(f"on {day.day} {day:%B}", day.isoformat(), "date",
                                 resolved=True)
                when = f" {time.text}"
            elif roll < 0.7:
                time = TimeValue("in recent weeks", resolved=False)
                when = f" {time.text}"
            else:
                time, when = None, ""
            role = "location" if other.kind in PLACES else "participant"
            evidence = writer.sentence(agent, f" {EVENT_WORDS[event_type]} ", other, f"{when}.")
            events.append(Event(f"event-{len(events) + 1}", event_type,
                                EVENT_WORDS[event_type].split()[0], evidence,
                                roles=(("agent", agent.key), (role, other.key)), time=time))

    statistics: list[Statistic] = []
    for unit, rate in shape["statistics"].items():
        for _ in range(_count(rate, rng)):
            measured = rng.choice(MEASURED)
            source = pick(*ORGANIZATIONS, "Person")
            about = pick("Country", "City", "State")
            base = None
            if unit == "percent":
                value = Decimal(rng.randrange(1, 99))
                figure = f"{value} per cent"
                if rng.random() < 0.5:
                    base = Decimal(rng.randrange(100, 5000))
                    figure += f" of {base}"
            elif unit == "money":
                value = Decimal(rng.randrange(1, 900) * 1000)
                figure = f"${value:,}"
            else:
                value = Decimal(rng.randrange(2, 20000))
                figure = f"{value:,}"
            comparisons: tuple[Comparison, ...] = ()
            pieces: list[str | Candidate] = [figure, f" {measured}"]
            if about:
                pieces += [" in ", about]
            if unit == "count" and rng.random() < 0.2:
                comparisons = (Comparison("ratio", Decimal(2), "the year before",
                                          "double the year before"),)
                pieces.append(", double the year before")
            if source:
                pieces = [source, " gave the figure of ", *pieces]
            evidence = writer.sentence(*pieces, ".")
            statistics.append(Statistic(
                f"statistic-{len(statistics) + 1}", value,
                "AUD" if unit == "money" else unit, measured, evidence, text=figure, base=base,
                about=about.key if about else None, source=source.key if source else None,
                comparisons=comparisons,
                time=TimeValue("last year", str(published.year - 1), "gYear", resolved=True)
                if rng.random() < 0.3 else None))

    article = Article(article_id, writer.text, title=title, published=published,
                      url=f"https://news.example.org/{article_id}", source="Synthetic Wire")
    resolved = tuple(
        Entity(c.key, c.label, c.type, wikidata=c.wikidata,
               mentions=tuple(writer.of_entity.get(c.key, ())))
        for c in entities
    )
    return Facts(article, tuple(writer.sentences), tuple(writer.mentions), resolved,
                 tuple(relations), tuple(attributes), tuple(events), tuple(statistics))


def synthetic_facts(articles: int, *, seed: int = 1,
                    shape: dict[str, Any] | None = None) -> Iterator[Facts]:
    """``articles`` articles' resolved facts with real news's entity reuse, as a stream."""
    shape = shape or load()
    pools = Pools(articles, shape, random.Random(seed))
    for number in range(articles):
        yield _article(number, pools, shape, seed)


def reuse_of(facts: Iterable[Facts]) -> dict[str, Any]:
    """The entity reuse of a stream of facts: articles, entities per article, distinct entities,
    the share of articles naming the most-named entity, and the share naming the top five."""
    frequency: Counter[str] = Counter()
    articles = 0
    for item in facts:
        articles += 1
        frequency.update({entity.key for entity in item.entities})
    top = frequency.most_common(5)
    return {
        "articles": articles,
        "entities_per_article": sum(frequency.values()) / max(articles, 1),
        "distinct_entities": len(frequency),
        "top_share": top[0][1] / articles if top else 0.0,
        "top_five_shares": [n / articles for _, n in top],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args(argv)
    shape = reuse_of(synthetic_facts(options.articles, seed=options.seed))
    for name, value in shape.items():
        print(f"{name}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
