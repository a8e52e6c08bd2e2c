"""Human review of extracted facts: write them for editing, and apply the decisions on the next build.

The review file is CSV, one fact a row, with the sentence, rule and confidence it came from. A
person fills the ``decision`` column:

- ``accept`` (or empty): keep the fact as extracted;
- ``reject``: drop it (an entity's rejection drops every fact that involves it);
- ``type``: an entity's class is wrong; ``correction`` holds the right one (``Person``, ``City``);
- ``merge``: an entity is the same as another; ``correction`` holds the other's key or IRI;
- ``label``: an entity's canonical name is wrong; ``correction`` holds the right one.

Curation never replaces extraction: it is applied to what extraction finds on every build.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import Facts
from kg.vocab import ENTITIES

COLUMNS = ("fact", "kind", "article", "subject", "predicate", "object", "type", "confidence",
           "rule", "sentence", "decision", "correction")
DECISIONS = ("", "accept", "reject", "type", "merge", "label")
ENTITY_ROOT = ENTITIES


@dataclass
class Curation:
    """Decisions read from a review file, keyed by fact id."""

    rejected: set[str] = field(default_factory=set)
    types: dict[str, str] = field(default_factory=dict)
    merges: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rejected) + len(self.types) + len(self.merges) + len(self.labels)


def _key(value: str) -> str:
    """An entity key from a key or an entity IRI."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    return value[len(ENTITY_ROOT):] if value.startswith(ENTITY_ROOT) else value


def relation_id(subject: str, predicate: str, obj: str) -> str:
    """The fact id of a relation between two entity keys."""
    return f"relation:{subject}|{predicate}|{obj}"


def load_curation(path: str | Path) -> Curation:
    """Read a review file; unknown decisions or missing corrections are errors with the line."""
    from kg.rdf import ontology_classes

    location = Path(path)
    if not location.is_file():
        raise InputError(f"no such curation file: {path}")
    try:
        text = location.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text ({error.reason}); save it as UTF-8") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = {"fact", "decision"} - set(reader.fieldnames or ())
    if missing:
        raise InputError(f"{path}: not a kg review file (no column {', '.join(sorted(missing))});"
                         " make one with 'kg review -o FILE'")
    curation = Curation()
    classes = ontology_classes()
    for line, row in enumerate(reader, start=2):
        decision = (row.get("decision") or "").strip().lower()
        fact = (row.get("fact") or "").strip()
        correction = (row.get("correction") or "").strip()
        if decision not in DECISIONS:
            raise InputError(f"{path} line {line}: unknown decision {decision!r}; use one of "
                             "accept, reject, type, merge, label")
        if decision in ("type", "merge", "label") and not correction:
            raise InputError(f"{path} line {line}: decision '{decision}' needs a correction")
        if decision == "reject":
            curation.rejected.add(fact)
        elif decision == "type":
            if correction not in classes:
                raise InputError(f"{path} line {line}: unknown class {correction!r}")
            curation.types[fact] = correction
        elif decision == "merge":
            curation.merges[fact] = "entity:" + _key(correction)
        elif decision == "label":
            curation.labels[fact] = correction
    return curation


def apply_curation(facts: Facts, curation: Curation | None) -> Facts:
    """The facts with a person's decisions applied."""
    if not curation:
        return facts
    article = facts.article.id
    merged: dict[str, str] = {}
    for fact, target in curation.merges.items():
        merged[fact.removeprefix("entity:")] = target.removeprefix("entity:")
    rejected = {f.removeprefix("entity:") for f in curation.rejected if f.startswith("entity:")}

    def key(value: str | None) -> str | None:
        if value is None:
            return None
        seen = set()
        current: str = value
        while current in merged and current not in seen:
            seen.add(current)
            current = merged[current]
        return None if current in rejected else current

    entities: dict[str, Any] = {}
    for found in facts.entities:
        into = key(found.key)
        if into is None:
            continue
        fact = f"entity:{found.key}"
        entity = replace(found, type=curation.types.get(fact, found.type),
                         label=curation.labels.get(fact, found.label))
        if into in entities:
            kept = entities[into]
            entities[into] = replace(kept, mentions=kept.mentions + entity.mentions,
                                       aliases=tuple(dict.fromkeys(
                                           (*kept.aliases, entity.label, *entity.aliases))))
        else:
            entities[into] = replace(entity, key=into)
    relations = []
    for relation in facts.relations:
        subject, obj = key(relation.subject), key(relation.object)
        if subject is None or obj is None or subject == obj:
            continue
        if relation_id(relation.subject, relation.predicate, relation.object) in curation.rejected:
            continue
        relations.append(replace(relation, subject=subject, object=obj))
    attributes = [replace(a, subject=key(a.subject) or a.subject) for a in facts.attributes
                  if key(a.subject) is not None and
                  f"attribute:{a.subject}|{a.predicate}|{a.value}" not in curation.rejected]
    events = [replace(e, roles=tuple((r, k) for r, k in ((r, key(k)) for r, k in e.roles) if k))
              for e in facts.events if f"event:{article}#{e.key}" not in curation.rejected]
    kept_events = {e.key for e in events}
    statistics = [replace(s, about=key(s.about), source=key(s.source),
                          event=s.event if s.event in kept_events else None)
                  for s in facts.statistics
                  if f"statistic:{article}#{s.key}" not in curation.rejected]
    return replace(facts, entities=tuple(entities.values()), relations=tuple(relations),
                   attributes=tuple(attributes), events=tuple(events),
                   statistics=tuple(statistics))


# The store predeclares kg's prefixes (kg.vocab.PREFIXES): rdf, rdfs, prov, kgo, ...
_REVIEW_QUERY = """
SELECT ?kind ?node ?article ?subject ?subjectNode ?predicate ?object ?type ?confidence ?rule
       ?sentence ?reason WHERE {
  {
    SELECT ("entity" AS ?kind) ?node (SAMPLE(?a) AS ?article) (SAMPLE(?l) AS ?subject)
           (SAMPLE(?t) AS ?type) (SAMPLE(?s) AS ?sentence) WHERE {
      ?m kgo:denotes ?node ; kgo:inArticle ?art ; kgo:inSentence ?sn .
      ?art <https://schema.org/identifier> ?a .
      ?sn kgo:anchorOf ?s .
      ?node rdfs:label ?l ; a ?t . FILTER(STRSTARTS(STR(?t), STR(kgo:)))
    } GROUP BY ?node
  } UNION {
    { ?node a kgo:Assertion } UNION { ?node a kgo:OutvotedAssertion ; kgo:reason ?reason }
    ?node rdf:subject ?subjectNode ; rdf:predicate ?p ; rdf:object ?o ;
          kgo:inArticle ?art ; kgo:extractionRule ?rule ; kgo:confidence ?confidence ;
          prov:wasDerivedFrom/kgo:anchorOf ?sentence .
    ?art <https://schema.org/identifier> ?article .
    ?subjectNode rdfs:label ?subject .
    BIND(STRAFTER(STR(?p), "#") AS ?predicate)
    BIND(STR(?o) AS ?object)
    BIND(IF(isIRI(?o), "relation", "attribute") AS ?kind)
  } UNION {
    ?node a ?t ; kgo:inArticle ?art ; kgo:extractionRule ?rule ; kgo:confidence ?confidence ;
          prov:wasDerivedFrom/kgo:anchorOf ?sentence ; rdfs:label ?subject .
    ?art <https://schema.org/identifier> ?article .
    FILTER(?t IN (kgo:Statistic) || EXISTS { ?t rdfs:subClassOf kgo:Event })
    BIND(IF(?t = kgo:Statistic, "statistic", "event") AS ?kind)
  }
}
ORDER BY ?kind ?article ?node
"""


_READINGS_QUERY = """
SELECT ?entity ?class (COUNT(DISTINCT ?reading) AS ?n) WHERE {
  ?reading kgo:reads ?entity ; kgo:readAs ?class .
} GROUP BY ?entity ?class
"""


def _disagreements(store: Any) -> dict[str, str]:
    """For each entity that articles read as different classes, what each class got, most
    first ("read as Person in 3 of 4 articles, Organization in 1 of 4")."""
    votes: dict[str, dict[str, int]] = {}
    for row in store.query(_READINGS_QUERY):
        classes = votes.setdefault(row["entity"].value, {})
        classes[row["class"].value.rsplit("#", 1)[-1]] = int(row["n"].value)
    notes = {}
    for entity, classes in votes.items():
        if len(classes) > 1:
            total = sum(classes.values())
            ranked = sorted(classes.items(), key=lambda item: (-item[1], item[0]))
            notes[entity] = "read as " + ", ".join(
                f"{name} in {n} of {total}" for name, n in ranked) + " articles"
    return notes


def review_rows(store: Any) -> Iterable[dict[str, str]]:
    """One row per fact in the store, ready for a person to decide on. An entity that articles
    read as different classes says so in its ``object`` column: the class in ``type`` won the
    vote, and a ``type`` decision settles it for every article. A relation that lost a vote to
    one the shapes forbid beside it (:mod:`kg.entitygraph`) gives the reason after its object:
    ``reject`` the side that is wrong."""
    seen: set[str] = set()
    disagreements = _disagreements(store)
    names = ("kind", "node", "article", "subject", "subjectNode", "predicate", "object", "type",
             "confidence", "rule", "sentence", "reason")
    for row in store.query(_REVIEW_QUERY):
        values = {name: (row[name].value if row[name] is not None else "") for name in names}
        kind = values["kind"]
        node = values["node"]
        if kind == "entity":
            fact = f"entity:{_key(node)}"
            values["type"] = values["type"].rsplit("#", 1)[-1]
            values["object"] = disagreements.get(node, values["object"])
        elif kind in ("relation", "attribute"):
            obj = _key(values["object"]) if kind == "relation" else values["object"]
            fact = f"{kind}:{_key(values['subjectNode'])}|{values['predicate']}|{obj}"
            if values["reason"]:  # outvoted by other articles: not in the entity graph
                values["object"] += f" ({values['reason']})"
        else:
            fact = f"{kind}:{values['article']}#{node.rsplit('#', 1)[-1]}"
        if fact in seen:
            continue
        seen.add(fact)
        yield {"fact": fact, "kind": kind, "article": values["article"],
               "subject": values["subject"], "predicate": values["predicate"],
               "object": values["object"], "type": values["type"],
               "confidence": values["confidence"], "rule": values["rule"],
               "sentence": " ".join(values["sentence"].split()), "decision": "",
               "correction": ""}


def write_review(rows: Iterable[dict[str, str]]) -> str:
    """The review file's CSV text."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()
