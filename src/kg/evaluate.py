"""Measure extraction against hand-made gold annotations: precision, recall and F1, with the misses."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError
from kg.gazetteer import normalize_name
from kg.model import Article, Facts
from kg.vocab import ancestors, kinds_of

# Finer kg classes count as the gold set's coarser types: the kinds of government body as
# GovernmentOrganization, parties, companies and international bodies as Organization.
COARSE_TYPES = {
    cls: "GovernmentOrganization" if "GovernmentOrganization" in ancestors(cls) else "Organization"
    for cls in kinds_of("Organization")
    if cls not in ("Organization", "GovernmentOrganization", "NewsOrganization")
}
# Where an annotation names a corpus file (``corpus: lee.jsonl``) that is not under the gold
# directory, it is looked for here: a folder given by the user, else ``.cache/corpora`` in the
# gold directory or any folder above it (where ``scripts/fetch_corpus.py`` caches it).
CORPUS_DIR_VARIABLE = "KG_CORPUS_DIR"
SPLITS = ("dev", "heldout", "test")
# Relations that hold both ways: the gold guidelines record them once and compare them unordered.
SYMMETRIC_PREDICATES = ("spouse", "sibling")


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


def _coarse(type_: str, region_type: str = "State") -> str:
    if type_ == "AdministrativeRegion":
        return region_type
    return COARSE_TYPES.get(type_, type_)


@dataclass
class ArticleScores:
    """The scores of one article, per entity type and per kind of fact."""

    article: str
    entities: dict[str, Score] = field(default_factory=dict)
    relations: Score = field(default_factory=Score)
    events: Score = field(default_factory=Score)
    statistics: Score = field(default_factory=Score)
    # The same facts broken down by kind: "relation:locatedIn", "event:Visit", "statistic:count".
    kinds: dict[str, Score] = field(default_factory=dict)
    # The predicted facts by the rule that made them ("relation:title-before-name"): true and
    # false positives only, since a missed fact has no rule.
    rules: dict[str, Score] = field(default_factory=dict)

    @property
    def entity_total(self) -> Score:
        """The entity scores summed over the types."""
        total = Score()
        for score in self.entities.values():
            total.add(score)
        return total

    def kind(self, name: str) -> Score:
        """The score of one kind of fact, created on first use."""
        return self.kinds.setdefault(name, Score())

    def rule(self, name: str, hit: bool, fact: str) -> None:
        """Count one predicted fact for the rule that made it."""
        score = self.rules.setdefault(name, Score())
        score.predicted += 1
        if hit:
            score.true_positives += 1
        else:
            score.spurious.append(fact)

    def add_predicted(self, total: Score, kinds: Iterable[str]) -> None:
        """Count the predicted facts of one family (``total``), one of each kind in ``kinds``."""
        for kind in kinds:
            total.predicted += 1
            self.kind(kind).predicted += 1

    def add_gold(self, total: Score, kind: str) -> Score:
        """Count one gold fact in its family's ``total`` and in its kind; the kind's score."""
        total.gold += 1
        by_kind = self.kind(kind)
        by_kind.gold += 1
        return by_kind

    def add_judged(self, total: Score, kind: str, rule: str, hit: bool, fact: str) -> None:
        """Count one predicted fact for the rule that made it, and as spurious in its family's
        ``total`` and its kind unless it matched a gold one."""
        self.rule(rule, hit, fact)
        if not hit:
            total.spurious.append(fact)
            self.kind(kind).spurious.append(fact)


def _missed(total: Score, by_kind: Score, fact: str) -> None:
    total.missed.append(fact)
    by_kind.missed.append(fact)


def _unit_kind(unit: str) -> str:
    """The gold set's unit for a figure's unit: a currency code counts as ``money``."""
    return unit if unit in ("count", "percent") else "money"


def _direct_containment(triples: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The triples without the ``locatedIn`` links that a chain of others implies.

    "Nagoya in Aichi, Aichi in Japan" and "... and Nagoya in Japan" say the same thing: both
    the gold set and the extractor's output are compared after this reduction.
    """
    triples = list(triples)
    contains: dict[Any, set[Any]] = {}
    for triple in triples:
        if len(triple) >= 3 and triple[1] == "locatedIn":
            contains.setdefault(triple[0], set()).add(triple[2])

    def reachable(start: Any, banned: tuple[Any, Any]) -> set[Any]:
        seen: set[Any] = set()
        stack = [start]
        while stack:
            node = stack.pop()
            for nxt in contains.get(node, ()):
                if (node, nxt) != banned and nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return seen

    return [t for t in triples if not (len(t) >= 3 and t[1] == "locatedIn" and t[0] != t[2]
                                        and t[2] in reachable(t[0], (t[0], t[2])))]


def score_article(facts: Facts, gold: dict[str, Any], *, region_type: str = "State") -> ArticleScores:
    """Compare one resolved article's facts with its gold annotation.

    ``region_type`` is the gold type kg's administrative regions count as: "State" in a gold
    set that types first-level regions (data/gold-real), "Place" in the older sets.
    """
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
        hit = next((e for e in predicted if _coarse(e.type, region_type) == type_ and e.key not in
                    matched_predicted and names[e.key] & gold_names[item["label"]]), None)
        if hit:
            score.true_positives += 1
            matched_predicted.add(hit.key)
        else:
            score.missed.append(f"{item['label']} ({type_})")
    for entity in predicted:
        coarse = _coarse(entity.type, region_type)
        score = scores.entities.setdefault(coarse, Score())
        score.predicted += 1
        if entity.key not in matched_predicted:
            score.spurious.append(f"{entity.label} ({coarse})")

    def same(key: str, label: str) -> bool:
        wanted = gold_names.get(label, {_norm(label)})
        return bool(names.get(key, set()) & wanted)

    local = {e.key for e in facts.entities if e.local}  # gold annotates named entities only
    predicted_relations: list[tuple[str, str, str, bool, str]] = [
        (s, p, o, True, rule) for s, p, o, rule in _direct_containment(
            [(r.subject, r.predicate, r.object, r.evidence.rule) for r in facts.relations])
        if s not in local and o not in local
    ] + [(a.subject, a.predicate, a.value, False, a.evidence.rule) for a in facts.attributes
         if a.subject not in local]
    used: set[int] = set()
    relations = scores.relations
    scores.add_predicted(relations, (f"relation:{p}" for _, p, _, _, _ in predicted_relations))
    for subject, predicate, obj in _direct_containment(
            [tuple(r) for r in gold.get("relations") or []]):
        by_kind = scores.add_gold(relations, f"relation:{predicate}")
        for index, (s, p, o, is_entity, _) in enumerate(predicted_relations):
            if index in used or p != predicate:
                continue
            if is_entity and (same(s, subject) and same(o, obj) or predicate in
                              SYMMETRIC_PREDICATES and same(s, obj) and same(o, subject)) or \
                    not is_entity and same(s, subject) and (
                        _norm(obj) in _norm(o) or _norm(o) in _norm(obj)):
                used.add(index)
                relations.true_positives += 1
                by_kind.true_positives += 1
                break
        else:
            _missed(relations, by_kind, f"{subject} {predicate} {obj}")
    labels = {e.key: e.label for e in facts.entities}
    for index, (s, p, o, _, rule) in enumerate(predicted_relations):
        scores.add_judged(relations, f"relation:{p}", f"relation:{rule}", index in used,
                          f"{labels.get(s, s)} {p} {labels.get(o, o)}")

    events = scores.events
    happened = [e for e in facts.events if not e.negated]  # gold annotates what happened
    scores.add_predicted(events, (f"event:{event.type}" for event in happened))
    pairs = _event_pairs(facts, gold.get("events") or [], happened, same)
    used = set(pairs.values())
    for number, item in enumerate(gold.get("events") or []):
        by_kind = scores.add_gold(events, f"event:{item['type']}")
        if number in pairs:
            events.true_positives += 1
            by_kind.true_positives += 1
            _score_arguments(scores, happened[pairs[number]], item, same, labels)
        else:
            _missed(events, by_kind, f"{item['type']}: {item.get('text', '')}")
    for index, event in enumerate(happened):
        roles = ", ".join(labels.get(ref, ref) for _, ref in event.roles)
        scores.add_judged(events, f"event:{event.type}", f"event:{event.evidence.rule}",
                          index in used, f"{event.type} ({event.trigger}): {roles}")

    statistics = scores.statistics
    scores.add_predicted(statistics, (f"statistic:{_unit_kind(statistic.unit)}"
                                      for statistic in facts.statistics))
    used = set()
    for item in gold.get("statistics") or []:
        by_kind = scores.add_gold(statistics, f"statistic:{item.get('unit', 'count')}")
        value = Decimal(str(item["value"]))
        found = next((i for i, s in enumerate(facts.statistics) if i not in used and
                    s.value == value), None)
        if found is None:
            _missed(statistics, by_kind,
                    f"{item['value']} {item.get('unit', '')}: {item.get('text')}")
        else:
            used.add(found)
            statistics.true_positives += 1
            if _unit_kind(facts.statistics[found].unit) == item.get("unit", "count"):
                by_kind.true_positives += 1
            _score_figure_links(scores, facts, facts.statistics[found], item, same, labels)
    for index, statistic in enumerate(facts.statistics):
        scores.add_judged(statistics, f"statistic:{_unit_kind(statistic.unit)}",
                          f"statistic:{statistic.evidence.rule}", index in used,
                          f"{statistic.text}: {statistic.measured}")
    return scores


def load_gold(
    gold_dir: str | Path, *, articles: str | Path | None = None, split: str | None = None
) -> list[tuple[dict[str, Any], Article]]:
    """Each gold annotation with the article it annotates, read and cleaned.

    An article is found by its id: as a file ``<id>.*`` in ``articles`` (a folder), in the gold
    directory's ``articles/``, in the gold directory, or in the ``data/articles`` folder next to
    it; or, when the annotation names a ``corpus`` (a ``.jsonl`` file), as the line with that id
    in the corpus file: ``articles`` itself, or the file of that name in ``articles``,
    ``$KG_CORPUS_DIR`` or a ``.cache/corpora`` folder in or above the gold directory.
    ``split`` keeps only the annotations of that split (``dev``, ``heldout`` or ``test``).
    """
    from kg.articles import read_articles

    root = Path(gold_dir)
    if not root.is_dir():
        raise InputError(f"{root}: no such gold directory; give the folder that holds the "
                         "annotations (e.g. data/gold)")
    if split is not None and split not in SPLITS:
        raise InputError(f"unknown split {split!r}; use one of: {', '.join(SPLITS)}")
    annotations = sorted((root / "annotations").glob("*.yaml")) if (root / "annotations").is_dir() \
        else sorted(root.glob("*.yaml"))
    if not annotations:
        raise InputError(f"no gold annotations (*.yaml) in {root}/annotations")
    given = Path(articles) if articles is not None else None
    if given is not None and not given.exists():
        raise InputError(f"{given}: no such file or folder of articles")
    folders = [f for f in (given if given and given.is_dir() else None, root / "articles", root,
                           root.parent / "articles") if f is not None and f.is_dir()]
    corpora: dict[Path, dict[str, Article]] = {}
    found = []
    for path in annotations:
        try:
            gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            raise InputError(f"{path}: not a readable YAML annotation ({error})") from error
        if not isinstance(gold, dict):
            raise InputError(f"{path}: an annotation must be a mapping with 'entities', ...")
        if split is not None and gold.get("split", "dev") != split:
            continue
        article_id = str(gold.get("article") or path.stem)
        if gold.get("corpus"):
            corpus = _corpus_file(str(gold["corpus"]), root, given)
            if corpus not in corpora:
                corpora[corpus] = {a.id: a for a in read_articles([corpus])}
            if article_id not in corpora[corpus]:
                raise InputError(f"{path}: article {article_id} is not in {corpus}")
            found.append((gold, corpora[corpus][article_id]))
            continue
        candidates = [p for folder in folders for p in sorted(folder.glob(f"{article_id}.*"))
                      if p.suffix in (".md", ".txt", ".html", ".htm")]
        if not candidates:
            raise InputError(f"{path}: no article file named {article_id}.* in "
                             + ", ".join(str(s) for s in folders))
        found.append((gold, next(read_articles([candidates[0]]))))
    return found


def _corpus_file(name: str, root: Path, given: Path | None) -> Path:
    """The corpus file an annotation names, from the places ``load_gold`` lists."""
    places: list[Path] = []
    if given is not None:
        places.append(given if given.is_file() and given.name == name else given / name)
    if os.environ.get(CORPUS_DIR_VARIABLE):
        places.append(Path(os.environ[CORPUS_DIR_VARIABLE]) / name)
    places.append(root / "articles" / name)
    places += [folder / ".cache" / "corpora" / name for folder in (root.resolve(), *root.resolve().parents)]
    for place in places:
        if place.is_file():
            return place
    raise InputError(f"corpus {name} not found (looked in {given or root}, ${CORPUS_DIR_VARIABLE} and "
                     f".cache/corpora above {root}); fetch it with scripts/fetch_corpus.py "
                     "or pass --articles FILE")


def evaluate(
    gold_dir: str | Path, *, model: str | None = None, articles: str | Path | None = None,
    split: str | None = None,
) -> list[ArticleScores]:
    """Run the pipeline on every gold article and score it."""
    from kg.extract import extract
    from kg.nlp import parse
    from kg.resolve import resolve

    golds = load_gold(gold_dir, articles=articles, split=split)
    region_type = "State" if any(e.get("type") == "State" for gold, _ in golds
                                 for e in gold.get("entities") or []) else "Place"
    results = []
    for gold, article in golds:
        facts = resolve(extract(article, parse(article.text, model)))
        results.append(score_article(facts, gold, region_type=region_type))
    return results


_PLACE_ROLES = ("location", "destination")


def _event_pairs(facts: Facts, items: list[dict[str, Any]], happened: list[Any],
                 same: Any) -> dict[int, int]:
    """Which predicted event each gold event is matched to (gold index to predicted index):
    as many pairs as can be made, and among those the best ones, not the first predicted event
    of the type. A pair is possible when the types agree and the predicted event is told in
    the sentence the gold text comes from, shares a participant, or the gold names none; a
    pair is better told in the gold's sentence, then with more of its participants, then with
    its place and date."""
    import networkx as nx  # only scoring needs a matching

    graph = nx.Graph()
    for number, item in enumerate(items):
        participants = [str(p) for p in item.get("participants") or []]
        snippet = str(item.get("text", "")).replace("\u2019", "'")
        for index, event in enumerate(happened):
            if event.type != item["type"]:
                continue
            refs = [ref for _, ref in event.roles]
            sentence = facts.sentences[event.evidence.sentence].text.replace("\u2019", "'")
            in_sentence = bool(snippet) and snippet in sentence
            shared = sum(any(same(ref, p) for ref in refs) for p in participants)
            if participants and not in_sentence and not shared:
                continue
            place = bool(item.get("place")) and any(
                same(ref, str(item["place"])) for role, ref in event.roles if role in _PLACE_ROLES)
            value = event.time and (event.time.value or event.time.start)
            wanted = str(item.get("date") or "")
            date = bool(wanted and value) and (value.startswith(wanted) or wanted.startswith(value))
            weight = 1000 * in_sentence + 10 * shared + 2 * place + date + 1
            graph.add_edge(("gold", number), ("predicted", index), weight=weight)
    pairs: dict[int, int] = {}
    for one, other in nx.max_weight_matching(graph, maxcardinality=True):
        gold_end, predicted_end = (one, other) if one[0] == "gold" else (other, one)
        pairs[gold_end[1]] = predicted_end[1]
    return pairs


def _score_arguments(scores: ArticleScores, event: Any, item: dict[str, Any],
                     same: Any, labels: dict[str, str]) -> None:
    """Score the arguments of a predicted event that matched a gold one: its participants, and
    its place and date where the gold event gives them ("event-arg:participants", ...)."""
    refs = list(dict.fromkeys(ref for _, ref in event.roles))
    place = item.get("place")
    participants = [str(p) for p in item.get("participants") or []]
    score = scores.kind("event-arg:participants")
    score.gold += len(participants)
    # A place is scored as the place; a participant is any other argument.
    others = list(dict.fromkeys(ref for role, ref in event.roles if role != "location"
                                and not (place and same(ref, str(place)))))
    score.predicted += len(others)
    for participant in participants:
        if any(same(ref, participant) for ref in refs):
            score.true_positives += 1
        else:
            score.missed.append(f"{event.type} ({event.trigger}): {participant}")
    for ref in others:
        if not any(same(ref, participant) for participant in participants):
            score.spurious.append(f"{event.type} ({event.trigger}): {labels.get(ref, ref)}")
    if place:
        score = scores.kind("event-arg:place")
        score.gold += 1
        places = [ref for role, ref in event.roles if role in _PLACE_ROLES]
        score.predicted += 1 if places else 0
        if any(same(ref, str(place)) for ref in places):
            score.true_positives += 1
        else:
            score.missed.append(f"{event.type} ({event.trigger}): {place}")
            score.spurious += [f"{event.type} ({event.trigger}): {labels.get(r, r)}" for r in places]
    if item.get("date"):
        wanted = str(item["date"])
        score = scores.kind("event-arg:date")
        score.gold += 1
        value = event.time and (event.time.value or event.time.start)
        score.predicted += 1 if value else 0
        if value and (value.startswith(wanted) or wanted.startswith(value)):
            score.true_positives += 1
        else:
            score.missed.append(f"{event.type} ({event.trigger}): {wanted}")
            if value:
                score.spurious.append(f"{event.type} ({event.trigger}): {value}")


def _score_figure_links(scores: ArticleScores, facts: Facts, statistic: Any,
                        item: dict[str, Any], same: Any, labels: dict[str, str]) -> None:
    """Score what a matched figure is about and the event it measures, against the gold
    figure's ``about`` (an entity label; none: unresolved) and ``event`` (an event type)."""
    shown = statistic.text
    about = scores.kind("statistic-arg:about")
    wanted = item.get("about")
    about.gold += 1 if wanted else 0
    about.predicted += 1 if statistic.about else 0
    if wanted and statistic.about and same(statistic.about, str(wanted)):
        about.true_positives += 1
    else:
        if wanted:
            about.missed.append(f"{shown}: {wanted}")
        if statistic.about:
            about.spurious.append(f"{shown}: {labels.get(statistic.about, statistic.about)}")
    measured = scores.kind("statistic-arg:event")
    types = {event.key: event.type for event in facts.events}
    predicted = types.get(statistic.event or "")
    measured.gold += 1 if item.get("event") else 0
    measured.predicted += 1 if predicted else 0
    if item.get("event") and predicted == item["event"]:
        measured.true_positives += 1
    else:
        if item.get("event"):
            measured.missed.append(f"{shown}: {item['event']}")
        if predicted:
            measured.spurious.append(f"{shown}: {predicted}")


def rule_totals(results: list[ArticleScores]) -> dict[str, Score]:
    """Each extraction rule's true and false positives summed over articles, the rules that
    add more wrong facts than right ones first."""
    summed: dict[str, Score] = {}
    for result in results:
        for name, score in result.rules.items():
            summed.setdefault(name, Score()).add(score)
    return dict(sorted(summed.items(), key=lambda item: (
        item[1].true_positives - (item[1].predicted - item[1].true_positives), item[0])))


def totals(results: list[ArticleScores]) -> dict[str, Score]:
    """Scores summed over articles: per entity type, all entities, relations, events, figures,
    and per kind of relation, event and figure."""
    summed: dict[str, Score] = {}
    for result in results:
        for type_, score in result.entities.items():
            summed.setdefault(f"entity:{type_}", Score()).add(score)
            summed.setdefault("entities", Score()).add(score)
        summed.setdefault("relations", Score()).add(result.relations)
        summed.setdefault("events", Score()).add(result.events)
        summed.setdefault("statistics", Score()).add(result.statistics)
        for name, score in result.kinds.items():
            summed.setdefault(name, Score()).add(score)
    return dict(sorted(summed.items()))
