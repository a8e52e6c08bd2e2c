"""The plain records that pass between the stages: read → nlp → extract → resolve → rdf.

Every record is a frozen dataclass, so each stage can be tested with hand-made input.
Offsets are character offsets into ``Article.text`` (the cleaned text, boilerplate removed).

Before resolution, the ``subject``/``object``/role references of relations, attributes, events
and statistics are mention ids (``Mention.id``); ``resolve`` rewrites them to entity keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal


@dataclass(frozen=True)
class Article:
    """One news article, cleaned of site chrome; the input of the pipeline."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"
    path: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, with its exact text and offsets."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: the sentence, the span that expresses it, the rule and a confidence."""

    sentence: int
    start: int
    end: int
    rule: str
    confidence: float


MentionKind = Literal["name", "demonym", "pronoun", "description", "nominal", "institution"]
"""How a mention refers (``kgo:mentionKind``; the shapes list the same values)."""


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names or points at an entity.

    ``kind`` is ``name`` for proper names, ``demonym`` for a state's adjective or people
    ("Peruvian", "North Koreans"), ``pronoun`` for pronouns, ``description`` for definite
    descriptions ("the outlet"), ``nominal`` for unnamed participants ("a North Korean
    soldier") and ``institution`` for a state's unnamed body ("the North Korean embassy").
    ``type`` is the ontology class proposed for the entity; ``key`` a gazetteer key when known.
    """

    id: str
    text: str
    start: int
    end: int
    sentence: int
    type: str
    kind: MentionKind = "name"
    key: str | None = None
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Entity:
    """A resolved thing in the world: a person, state, city, organisation, ..."""

    key: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    description: str | None = None
    mentions: tuple[Mention, ...] = ()
    local: bool = False  # an unnamed participant, only meaningful inside its article


@dataclass(frozen=True)
class Relation:
    """A directed relation between two entities, such as ``parent`` or ``partOf``."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence


@dataclass(frozen=True)
class Attribute:
    """A literal-valued fact about an entity, such as its ``jobTitle``."""

    subject: str
    predicate: str
    value: str
    evidence: Evidence


@dataclass(frozen=True)
class TimeValue:
    """A time expression as written, and what it means against the published date.

    ``value`` is an ISO 8601 lexical form whose ``datatype`` is ``date``, ``gYearMonth`` or
    ``gYear``; an interval has ``start`` and ``end`` (ISO dates). ``resolved`` is False when the
    phrase is relative and no published date was given: then nothing is guessed.
    """

    text: str
    value: str | None = None
    datatype: str | None = None
    start: str | None = None
    end: str | None = None
    resolved: bool = False


ToldAs = Literal["", "again", "another", "known"]
"""How the text refers to words said or reported, or to a step of a court case: "another" for
one told as other than those told before ("In a second statement", "a separate report", "In a
video, X said", "In a separate case, X was acquitted"), "again" for one told as one told before
("In the statement, Acme said", "acquitted of the same charge"), "known" for a step of a court
case told as known, in a relative clause or by a possessive ("Lund, who was convicted of
fraud", "Asante's conviction"); "" for any other telling."""


@dataclass(frozen=True)
class Event:
    """Something that happened: a defection, visit, death, war, report, ...

    ``roles`` pairs a role name (``agent``, ``participant``, ``origin``, ``destination``,
    ``location``, ``source``, ``publisher``) with an entity reference.
    """

    key: str
    type: str
    trigger: str
    evidence: Evidence
    roles: tuple[tuple[str, str], ...] = ()
    time: TimeValue | None = None
    duration: str | None = None
    label: str = ""
    negated: bool = False  # "never signed a peace treaty": stated as not having happened
    told_as: ToldAs = ""
    """How the text refers to words said or reported, or to a step of a court case (:data:`ToldAs`)."""


@dataclass(frozen=True)
class Comparison:
    """A comparison a text states about a figure: "triple the previous year", "134 more than"."""

    kind: str  # "ratio" or "difference"
    value: Decimal
    against: str
    text: str


@dataclass(frozen=True)
class Statistic:
    """A reported figure: the number, what it counts, when, about whom, and who reported it."""

    key: str
    value: Decimal
    unit: str  # "count" or "percent"
    measured: str
    evidence: Evidence
    text: str = ""
    qualifier: str | None = None  # "as many as", "about", "more than"
    base: Decimal | None = None
    time: TimeValue | None = None
    about: str | None = None  # None: the text does not say (the figure is "unresolved")
    source: str | None = None
    comparisons: tuple[Comparison, ...] = ()
    event: str | None = None  # the key of the event it measures: a toll, a price, a vote share


@dataclass(frozen=True)
class Facts:
    """Everything extracted from one article, before or after resolution."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    events: tuple[Event, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    notes: tuple[str, ...] = field(default=())
