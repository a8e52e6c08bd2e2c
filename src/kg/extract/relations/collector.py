"""The relations and attributes the rules find, each kept once."""

from __future__ import annotations

from typing import Any

from kg.model import Attribute, Mention, Relation


class Relations:
    """Collects relations and attributes, dropping exact repeats."""

    def __init__(self) -> None:
        self.relations: list[Relation] = []
        self.attributes: list[Attribute] = []
        self._seen: set[tuple[str, str, str]] = set()

    def relate(self, subject: Mention, predicate: str, obj: Mention, evidence: Any) -> None:
        if subject.id == obj.id or (subject.id, predicate, obj.id) in self._seen:
            return
        self._seen.add((subject.id, predicate, obj.id))
        self.relations.append(Relation(subject.id, predicate, obj.id, evidence))

    def attribute(self, subject: Mention, predicate: str, value: str, evidence: Any) -> None:
        if (subject.id, predicate, value) in self._seen:
            return
        self._seen.add((subject.id, predicate, value))
        self.attributes.append(Attribute(subject.id, predicate, value, evidence))
