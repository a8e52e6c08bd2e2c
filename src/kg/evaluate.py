"""Measure extraction against hand-made gold annotations: precision, recall and F1, with the misses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError
from kg.gazetteer import normalize_name
from kg.model import Facts

# Finer kg classes count as the gold set's coarser types.
COARSE_TYPES = {
    "Ministry": "GovernmentOrganization", "Agency": "GovernmentOrganization",
    "Embassy": "GovernmentOrganization", "Government": "GovernmentOrganization",
    "Legislature": "GovernmentOrganization", "Military": "GovernmentOrganization",
    "Court": "GovernmentOrganization", "PoliticalParty": "Organization",
    "Company": "Organization", "InternationalOrganization": "Organization",
}


@dataclass
class Score:
    """Counts for one kind of fact, and what was missed or wrongly added."""

    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.true_positives += other.true_positives
        self.predicted += other.predicted
        self.gold += other.gold
        self.missed += other.missed
        self.spurious += other.spurious


def _norm(text: str) -> str:
    return normalize_name(str(text)).lower().replace("\u2019", "'")


def _names(label: str, aliases: Iterable[str]) -> set[str]:
    return {_norm(label), *(_norm(a) for a in aliases)}


def _coarse(type_: str) -> str:
    return COARSE_TYPES.get(type_, type_)


@dataclass
class ArticleScores:
    """The scores of one article, per entity type and per kind of fact."""

    article: str
    entities: dict[str, Score] = field(default_factory=dict)
    relations: Score = field(default_factory=Score)
    events: Score = field(default_factory=Score)
    statistics: Score = field(default_factory=Score)


def score_article(facts: Facts, gold: dict[str, Any]) -> ArticleScores:
    """Compare one resolved article's facts with its gold annotation."""
    scores = ArticleScores(facts.article.id)
    predicted = [e for e in facts.entities if not e.local]
    names = {e.key: _names(e.label, e.aliases) for e in facts.entities}
    gold_entities = gold.get("entities") or []
    gold_names = {g["label"]: _names(g["label"], g.get("aliases") or []) for g in gold_entities}
    matched_predicted: set[str] = set()
    for item in gold_entities:
        type_ = item["type"]
        score = scores.entities.setdefault(type_, Score())
        score.gold += 1
        hit = next((e for e in predicted if _coarse(e.type) == type_ and e.key not in
                    matched_predicted and names[e.key] & gold_names[item["label"]]), None)
        if hit:
            score.true_positives += 1
            matched_predicted.add(hit.key)
        else:
            score.missed.append(f"{item['label']} ({type_})")
    for entity in predicted:
        score = scores.entities.setdefault(_coarse(entity.type), Score())
        score.predicted += 1
        if entity.key not in matched_predicted:
            score.spurious.append(f"{entity.label} ({_coarse(entity.type)})")

    def same(key: str, label: str) -> bool:
        wanted = gold_names.get(label, {_norm(label)})
        return bool(names.get(key, set()) & wanted)

    local = {e.key for e in facts.entities if e.local}  # gold annotates named entities only
    predicted_relations: list[tuple[str, str, str, bool]] = [
        (r.subject, r.predicate, r.object, True) for r in facts.relations
        if r.subject not in local and r.object not in local
    ] + [(a.subject, a.predicate, a.value, False) for a in facts.attributes
         if a.subject not in local]
    used: set[int] = set()
    relations = scores.relations
    relations.predicted = len(predicted_relations)
    for subject, predicate, obj in (gold.get("relations") or []):
        relations.gold += 1
        for index, (s, p, o, is_entity) in enumerate(predicted_relations):
            if index in used or p != predicate or not same(s, subject):
                continue
            if is_entity and same(o, obj) or not is_entity and (
                _norm(obj) in _norm(o) or _norm(o) in _norm(obj)
            ):
                used.add(index)
                relations.true_positives += 1
                break
        else:
            relations.missed.append(f"{subject} {predicate} {obj}")
    labels = {e.key: e.label for e in facts.entities}
    for index, (s, p, o, _) in enumerate(predicted_relations):
        if index not in used:
            relations.spurious.append(f"{labels.get(s, s)} {p} {labels.get(o, o)}")

    events = scores.events
    happened = [e for e in facts.events if not e.negated]  # gold annotates what happened
    events.predicted = len(happened)
    used = set()
    for item in gold.get("events") or []:
        events.gold += 1
        participants = [*(item.get("participants") or [])]
        for index, event in enumerate(happened):
            if index in used or event.type != item["type"]:
                continue
            refs = [ref for _, ref in event.roles]
            sentence = facts.sentences[event.evidence.sentence].text.replace("\u2019", "'")
            snippet = str(item.get("text", "")).replace("\u2019", "'")
            in_sentence = bool(snippet) and snippet in sentence
            if participants and not in_sentence and not any(
                same(ref, p) for ref in refs for p in participants
            ):
                continue
            used.add(index)
            events.true_positives += 1
            break
        else:
            events.missed.append(f"{item['type']}: {item.get('text', '')}")
    for index, event in enumerate(happened):
        if index not in used:
            roles = ", ".join(labels.get(ref, ref) for _, ref in event.roles)
            events.spurious.append(f"{event.type} ({event.trigger}): {roles}")

    statistics = scores.statistics
    statistics.predicted = len(facts.statistics)
    used = set()
    for item in gold.get("statistics") or []:
        statistics.gold += 1
        value = Decimal(str(item["value"]))
        hit = next((i for i, s in enumerate(facts.statistics) if i not in used and
                    s.value == value), None)
        if hit is None:
            statistics.missed.append(f"{item['value']} {item.get('unit', '')}: {item.get('text')}")
        else:
            used.add(hit)
            statistics.true_positives += 1
    for index, statistic in enumerate(facts.statistics):
        if index not in used:
            statistics.spurious.append(f"{statistic.text}: {statistic.measured}")
    return scores


def load_gold(gold_dir: str | Path) -> list[tuple[dict[str, Any], Path]]:
    """Each gold annotation with the article file it annotates."""
    root = Path(gold_dir)
    annotations = sorted((root / "annotations").glob("*.yaml")) if (root / "annotations").is_dir() \
        else sorted(root.glob("*.yaml"))
    if not annotations:
        raise InputError(f"no gold annotations (*.yaml) in {root}/annotations")
    found = []
    search = [root / "articles", root, Path("data/articles")]
    for path in annotations:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        article_id = gold.get("article") or path.stem
        candidates = [p for folder in search if folder.is_dir()
                      for p in sorted(folder.glob(f"{article_id}.*"))
                      if p.suffix in (".md", ".txt", ".html", ".htm")]
        if not candidates:
            raise InputError(f"{path}: no article file named {article_id}.* in "
                             + ", ".join(str(s) for s in search))
        found.append((gold, candidates[0]))
    return found


def evaluate(gold_dir: str | Path, *, model: str | None = None) -> list[ArticleScores]:
    """Run the pipeline on every gold article and score it."""
    from kg.articles import read_articles
    from kg.extract import extract
    from kg.nlp import parse
    from kg.resolve import resolve

    results = []
    for gold, path in load_gold(gold_dir):
        article = next(read_articles([path]))
        facts = resolve(extract(article, parse(article.text, model)))
        results.append(score_article(facts, gold))
    return results


def totals(results: list[ArticleScores]) -> dict[str, Score]:
    """Scores summed over articles: per entity type, all entities, relations, events, figures."""
    summed: dict[str, Score] = {}
    for result in results:
        for type_, score in result.entities.items():
            summed.setdefault(f"entity:{type_}", Score()).add(score)
            summed.setdefault("entities", Score()).add(score)
        summed.setdefault("relations", Score()).add(result.relations)
        summed.setdefault("events", Score()).add(result.events)
        summed.setdefault("statistics", Score()).add(result.statistics)
    return dict(sorted(summed.items()))
