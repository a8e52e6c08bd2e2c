"""The word lists of data/lexicon/ that are no names, read once each behind a :class:`Lexicon`.

The names of places and organisations, and the titles and kinship words that go with names,
are the :class:`kg.gazetteer.Gazetteer`'s; a :class:`Lexicon` holds the words around them
(event triggers, number and date words, descriptors, ...), each list in one file that says
what it serves (its opening comment).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError
from kg.resources import resource_dir


@dataclass(frozen=True)
class Unit:
    """A unit of time: its ISO 8601 designator, how many of it one unit is, and whether it is a
    time of day (written after "T")."""

    designator: str
    times: int = 1
    time: bool = False


@dataclass(frozen=True, eq=False)
class DateWords:
    """The words of time expressions (``dates.yaml``); see that file for what each list is."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    day_parts: tuple[str, ...]
    fillers: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...]
    years_back: Mapping[str, int]
    months_back: Mapping[str, int]
    weeks_back: Mapping[str, int]
    days_back: Mapping[str, int]
    weekends: tuple[str, ...]
    qualifiers: tuple[str, ...]
    units: Mapping[str, Unit]
    decade_parts: Mapping[str, tuple[int, int]]
    interval_openers: tuple[str, ...]
    interval_joiners: tuple[str, ...]
    counts: Mapping[str, int]
    """Words that count units: "a", "an" and the number words of ``numbers.yaml``."""
    patterns: Mapping[str, str]
    """The shapes of a time phrase by name, regular expressions where ``<months>`` and the
    like stand for the lists above."""
    parts: tuple[str, ...] = ()
    """Nouns for a part of a stretch of time before "of" ("the end of May"), from
    ``time-parts.txt``."""


@dataclass(frozen=True)
class EventMeasure:
    """The events a figure measures when its clause says one of some lemmas, and how many
    sentences back such an event may be told (0: the figure's own sentence)."""

    events: frozenset[str]
    lemmas: frozenset[str]
    reach: int
    # whether, when none is told within reach, the story's one event of these types is measured
    story: bool = False
    # lemmas that count the whole of such an event (an election's turnout, its voters): a figure
    # that says one, with no owner of its own, is about where the event was
    whole: frozenset[str] = frozenset()


@dataclass(frozen=True, eq=False)
class NumberWords:
    """The words around figures (``numbers.yaml``); see that file for what each list is.
    Lists matched at the start or end of a phrase are longest first."""

    qualifiers: tuple[str, ...]
    scales: Mapping[str, Decimal]
    scale_suffixes: Mapping[str, Decimal]
    money_suffixes: Mapping[str, Decimal]
    number_words: Mapping[str, int]
    multipliers: Mapping[str, int]
    rising: tuple[str, ...]
    falling: tuple[str, ...]
    percent: tuple[str, ...]
    percent_tokens: frozenset[str]
    cents: tuple[str, ...]
    multiples: frozenset[str]
    age_words: frozenset[str]
    clock_words: frozenset[str]
    vague_words: frozenset[str]
    rank_words: frozenset[str]
    time_nouns: frozenset[str]
    score_words: frozenset[str]
    range_words: tuple[str, ...]
    holdings: frozenset[str]
    event_measures: tuple[EventMeasure, ...]
    ratios: Mapping[str, Decimal]
    victim_events: frozenset[str]
    reporting_verbs: frozenset[str]
    toll_causes: frozenset[str]
    place_descriptions: Mapping[str, str]
    after_words: tuple[str, ...]
    cause_marks: tuple[str, ...]
    cause_prepositions: tuple[str, ...]
    causing_words: tuple[str, ...]

    @property
    def comparatives(self) -> tuple[str, ...]:
        """The words after a number that make it a difference, rising or falling."""
        return (*self.rising, *self.falling)


@dataclass(frozen=True, eq=False)
class EventWords:
    """The words of events: the trigger lexicon (``events.yaml``: each event class with its
    verbs, nouns and options) and the words around a trigger that say the event did not
    happen (yet) or is only reacted to."""

    triggers: Mapping[str, Mapping[str, Any]]
    unrealised_verbs: frozenset[str]
    """Verbs whose object event has not happened: "called off the talks" (event-unrealised.txt)."""
    intentions: frozenset[str]
    """Verbs before an infinitive that make it unrealised: "plans to visit" (event-intentions.txt)."""
    plans: frozenset[str]
    """Nouns and adjectives of plans: "a proposed merger" (event-plans.txt)."""
    reactions: frozenset[str]
    """Verbs of reacting to an event told elsewhere: "condemned the attack" (event-reactions.txt)."""


def read_table(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated lexicon or gazetteer file with a header, without its comment
    lines (none when the file is missing)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))  # a lexicon's comment
        return list(csv.DictReader(lines, delimiter="\t"))


def read_word_list(path: Path) -> set[str]:
    """The entries of a one-per-line lexicon, without its comment lines."""
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


class Lexicon:
    """The word lists of one lexicon directory (kg's own, ``data/lexicon``, by default), each
    read when first asked for."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or resource_dir("lexicon")
        self._read: dict[tuple[str, str], Any] = {}

    def words(self, name: str) -> frozenset[str]:
        """A one-entry-per-line list (``media-nouns.txt``), as written, read once."""
        key = ("words", name)
        if key not in self._read:
            self._read[key] = frozenset(read_word_list(self.directory / name))
        return self._read[key]  # type: ignore[no-any-return]

    def table(self, name: str) -> tuple[dict[str, str], ...]:
        """The rows of a tab-separated list with a header (``currencies.tsv``), read once."""
        key = ("table", name)
        if key not in self._read:
            self._read[key] = tuple(read_table(self.directory / name))
        return self._read[key]  # type: ignore[no-any-return]

    def classes(self, name: str) -> dict[str, str]:
        """A table whose first column is a word and whose second is what it says (an ontology
        class, a kind): ``description-nouns.tsv``, read once."""
        key = ("classes", name)
        if key not in self._read:
            rows = self.table(name)
            self._read[key] = {values[0]: values[1] for values in (list(row.values()) for row in rows)}
        return self._read[key]  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"<kg.lexicon.Lexicon {str(self.directory)!r}>"

    def _words(self, name: str, values: Any) -> tuple[str, ...]:
        """The entries of one list, each a string: YAML reads a bare ``on``, ``no`` or ``yes``
        as a boolean, which must be quoted to be the word."""
        strays = [value for value in values if not isinstance(value, str)]
        if strays:
            raise InputError(f"{self.directory / name}: {strays[0]!r} is not a word; quote it")
        return tuple(values)

    def _yaml(self, name: str) -> dict[str, Any]:
        path = self.directory / name
        try:
            loaded = _safe_yaml(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise InputError(f"{path}: not a readable lexicon ({error})") from error
        if not isinstance(loaded, dict):
            raise InputError(f"{path}: a lexicon must be a mapping of lists")
        return loaded

    @cached_property
    def events(self) -> EventWords:
        """The event trigger lexicon and the words that mark an event unrealised or reacted to."""
        path = self.directory / "events.yaml"
        triggers = self._yaml("events.yaml") if path.exists() else {}
        return EventWords(
            triggers=triggers,
            unrealised_verbs=self.words("event-unrealised.txt"),
            intentions=self.words("event-intentions.txt"),
            plans=self.words("event-plans.txt"),
            reactions=self.words("event-reactions.txt"),
        )

    @cached_property
    def dates(self) -> DateWords:
        """The words of time expressions, from ``dates.yaml`` (and the number words of
        ``numbers.yaml``)."""
        name = "dates.yaml"
        loaded = self._yaml(name)

        def numbered(key: str, values: Mapping[Any, Any]) -> dict[str, int]:
            return dict(zip(self._words(key, values), (int(v) for v in values.values()),
                            strict=True))

        try:
            return DateWords(
                months=numbered(name, loaded["months"]),
                weekdays=numbered(name, loaded["weekdays"]),
                day_parts=self._words(name, loaded["day parts"]),
                fillers=self._words(name, loaded["fillers"]),
                ordinal_suffixes=self._words(name, loaded["ordinal suffixes"]),
                years_back=numbered(name, loaded["years back"]),
                months_back=numbered(name, loaded["months back"]),
                weeks_back=numbered(name, loaded["weeks back"]),
                days_back=numbered(name, loaded["days back"]),
                weekends=self._words(name, loaded["weekends"]),
                qualifiers=self._words(name, loaded["qualifiers"]),
                units={unit: Unit(**v) for unit, v in zip(
                    self._words(name, loaded["units"]), loaded["units"].values(), strict=True)},
                decade_parts={part: (int(v[0]), int(v[1])) for part, v in zip(
                    self._words(name, loaded["decade parts"]), loaded["decade parts"].values(),
                    strict=True)},
                interval_openers=self._words(name, loaded["interval openers"]),
                interval_joiners=self._words(name, loaded["interval joiners"]),
                counts={**self.numbers.number_words, **numbered(name, loaded["counts"])},
                patterns=dict(zip(self._words(name, loaded["patterns"]),
                                  self._words(name, loaded["patterns"].values()), strict=True)),
                parts=tuple(sorted(self.words("time-parts.txt"), key=len, reverse=True)),
            )
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise InputError(f"{self.directory / 'dates.yaml'}: a list is missing or malformed "
                             f"({type(error).__name__}: {error})") from error


    @cached_property
    def numbers(self) -> NumberWords:
        """The words around figures, from ``numbers.yaml``."""
        name = "numbers.yaml"
        loaded = self._yaml(name)

        def words(key: str) -> tuple[str, ...]:
            return self._words(name, loaded[key])

        def longest_first(values: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(sorted(values, key=len, reverse=True))

        def valued(values: Mapping[Any, Any], kind: type[Any]) -> dict[str, Any]:
            return dict(zip(self._words(name, values), (kind(str(v)) for v in values.values()),
                            strict=True))

        try:
            suffixes = loaded["scale suffixes"]
            return NumberWords(
                qualifiers=longest_first(words("qualifiers")),
                scales=valued(loaded["scales"], Decimal),
                scale_suffixes=valued(suffixes["unambiguous"], Decimal),
                money_suffixes=valued(suffixes["money"], Decimal),
                number_words=valued(loaded["number words"], int),
                multipliers=valued(loaded["multipliers"], int),
                rising=self._words(name, loaded["comparatives"]["up"]),
                falling=self._words(name, loaded["comparatives"]["down"]),
                percent=longest_first(self._words(name, loaded["percent"]["written"])),
                percent_tokens=frozenset(self._words(name, loaded["percent"]["tokens"])),
                cents=words("cents"),
                multiples=frozenset(words("multiples")),
                age_words=frozenset(words("age words")),
                clock_words=frozenset(words("clock words")),
                vague_words=frozenset(words("vague words")),
                rank_words=frozenset(words("rank words")),
                time_nouns=frozenset(words("time nouns")),
                score_words=frozenset(words("score words")),
                range_words=words("range words"),
                holdings=frozenset(words("holdings")),
                event_measures=tuple(EventMeasure(
                    frozenset(self._words(name, measure["events"])),
                    frozenset(self._words(name, measure["lemmas"])), int(measure["reach"]),
                    bool(measure.get("story", False)),
                    frozenset(self._words(name, measure.get("whole", []))))
                    for measure in loaded["event measures"]),
                ratios=valued(loaded["ratios"], Decimal),
                victim_events=frozenset(words("victim events")),
                reporting_verbs=frozenset(words("reporting verbs")),
                toll_causes=frozenset(words("toll causes")),
                place_descriptions=valued(loaded["place descriptions"], str),
                after_words=words("after words"),
                cause_marks=words("cause marks"),
                cause_prepositions=words("cause prepositions"),
                causing_words=words("causing words"),
            )
        except (KeyError, TypeError, ValueError, ArithmeticError) as error:
            raise InputError(f"{self.directory / name}: a list is missing or malformed "
                             f"({type(error).__name__}: {error})") from error


@cache
def lexicon() -> Lexicon:
    """kg's own lexicon (``data/lexicon``), read once per process."""
    return Lexicon()


__all__ = ["DateWords", "EventMeasure", "EventWords", "Lexicon", "NumberWords", "Unit", "lexicon",
           "read_table", "read_word_list"]


def _safe_yaml(text: str) -> Any:
    """``yaml.safe_load`` of ``text``, through libyaml when PyYAML was built with it: the same
    objects, a tenth of the time (0.04 s of CPU for the three lexicon files, which every build
    and every parser process reads). A text libyaml refuses is read again by PyYAML's own
    parser, so that the error a user sees is the one it always was."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            return yaml.load(text, Loader=loader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)
