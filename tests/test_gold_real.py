"""The real-news gold sets: well-formed annotations of gensim's lee.cor and lee_background.cor.

``data/gold-real`` annotates all 50 articles of lee.cor (a dev split and a held-out third);
``data/gold-background`` annotates 150 articles of lee_background.cor: every twelfth is held out
(annotated after the rules were written), the other 50 multiples of 4 are a test split annotated
a session later, and the 75 numbers 2 more than a multiple of 4 are a second dev split. The
corpora are fetched once from the gensim wheel (``make test`` runs scripts/fetch_corpus.py
first) and cached in .cache/corpora; their sentences are never committed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from goldfiles import annotation_problems, f1_only, fetch_corpus
from kg.evaluate import SPLITS, evaluate, load_gold, totals

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold-real"
BACKGROUND = ROOT / "data" / "gold-background"


@pytest.fixture(scope="session")
def lee_corpus() -> Path:
    return Path(fetch_corpus().fetch())


@pytest.fixture(scope="session")
def annotated(lee_corpus: Path) -> list[tuple[dict[str, Any], Any]]:
    return load_gold(GOLD, articles=lee_corpus)


@pytest.fixture(scope="session")
def background(lee_corpus: Path) -> list[tuple[dict[str, Any], Any]]:
    return load_gold(BACKGROUND, articles=lee_corpus.parent / "lee-background.jsonl")


def test_the_background_splits_follow_the_article_numbers(background: list[Any]) -> None:
    numbers = {split: sorted(int(article.id.split("-")[1]) for gold, article in background
                             if gold["split"] == split) for split in SPLITS}
    assert numbers == {"dev": list(range(2, 301, 4)), "heldout": list(range(12, 301, 12)),
                       "test": [n for n in range(4, 301, 4) if n % 12]}


def test_at_least_25_articles_with_a_held_out_third(annotated: list[Any]) -> None:
    splits = [gold["split"] for gold, _ in annotated]
    assert len(splits) >= 25
    for gold, article in annotated:
        number = int(article.id.split("-")[1])
        assert gold["split"] == ("heldout" if number % 3 == 0 else "dev"), article.id
    assert splits.count("heldout") >= len(splits) // 3 - 1


@pytest.mark.parametrize("gold_set", ["annotated", "background"])
def test_annotations_are_consistent_with_their_articles(gold_set: str,
                                                        request: pytest.FixtureRequest) -> None:
    problems = annotation_problems(request.getfixturevalue(gold_set), lambda article: article.text)
    assert not problems, "\n".join(problems)


def test_split_names_are_checked(lee_corpus: Path) -> None:
    from kg.errors import InputError

    with pytest.raises(InputError, match="unknown split 'train'"):
        load_gold(GOLD, articles=lee_corpus, split="train")
    from kg.cli import main
    split_option = next(p for p in main.commands["eval"].params if p.name == "split")
    assert tuple(split_option.type.choices) == SPLITS  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def real_news(lee_corpus: Path) -> dict[str, dict[str, float]]:
    scores = {split: f1_only(totals(evaluate(GOLD, articles=lee_corpus, split=split)))
              for split in ("dev", "heldout")}
    for split in SPLITS:
        scores[f"background-{split}"] = f1_only(totals(evaluate(
            BACKGROUND, articles=lee_corpus.parent / "lee-background.jsonl", split=split)))
    return scores


# Floors just under what kg measures (README, "Quality"): a drop fails the suite. The issue's
# targets (entities 0.92, locatedIn 0.85, events 0.80) are met on the dev split, not yet on the
# held-out one nor on the background set (annotated after the rules were written, never tuned on).
FLOORS = {
    # raised after the eighth session's merges to about 0.01 under its measurements (lee dev
    # entities 0.977, relations 0.916, participants 0.809; lee held-out relations 0.789,
    # locatedIn 0.857; background dev entities 0.896, relations 0.806, locatedIn 0.767, events
    # 0.770, participants 0.785, place 0.692; background held-out entities 0.880; test 0.862)
    # seventh session: the gold conventions for unnamed state bodies, governments, parliaments
    # and Palestine were settled (data/gold/README.md) and every set relabelled to them, without
    # kg's output; kg unchanged, lee dev entities 0.97 -> 0.957, relations 0.90 -> 0.874,
    # participants 0.76 -> 0.729, lee held-out entities 0.92 -> 0.905, relations 0.73 -> 0.706,
    # participants 0.86 -> 0.762 (gold bodies kg did not produce yet; 'bodies7' then did); then
    # statements by unnamed speakers were taken out of the gold (README "Unnamed speakers"), and
    # a people's adjective no longer makes its country a participant: lee dev event place
    # 0.786 -> 0.769 with kg unchanged. The floors below are the measurements after that
    # session's merges (kg following both conventions) minus about 0.01
    "dev": {"entities": 0.97, "relations": 0.90, "relation:locatedIn": 0.95, "statistics": 0.97,
            "statistic-arg:about": 0.84, "statistic-arg:event": 0.59, "events": 0.83,
            "event-arg:participants": 0.80, "event-arg:place": 0.76},
    # locatedIn 0.74 -> 0.70 and relations 0.74 -> 0.727 at the merge of 'entities4' (fifth
    # session): one more link there that the gold does not have; its rules were kept on dev
    # evidence (4 right, 0 wrong), not bisected against this split. about 0.60 -> 0.44 at the
    # merge of 'figures4': 2 of 6 figures' owners right instead of 3 (its rules only removed
    # wrong owners on the dev sets); 0.44 -> 0.25 at the merge of 'about5' (1 of 6; its rules
    # were neutral on 50 new dev files before their misses were read).
    "heldout": {"entities": 0.91, "relations": 0.78, "relation:locatedIn": 0.85,
                "statistics": 0.63, "statistic-arg:about": 0.24, "events": 0.56,
                "event-arg:participants": 0.84},
    # 75 dev articles since the fifth session (50 added, annotated without kg's output; on the
    # first 25 the rules reach entities 0.86, relations 0.77, events 0.73)
    # entities 0.79 -> 0.80, relations 0.68 -> 0.69, locatedIn 0.57 -> 0.61 from every
    # country's towns of 5,000+ people ('towns5': 0.804, 0.697, 0.620 measured)
    "background-dev": {"entities": 0.89, "relations": 0.80, "relation:locatedIn": 0.78,
                       "statistics": 0.91, "statistic-arg:about": 0.65,
                       "statistic-arg:event": 0.58, "events": 0.76,
                       "event-arg:participants": 0.78, "event-arg:place": 0.74},
    # participants are scored on matched events: 0.82 of 65 before the event rules of 2026-11-26
    # (merge of 'events2'), 0.80 of 69 after, as four more events match; 0.817 of 64 after the
    # seventh session's relabelling (one gold participant moved from a country to its government)
    "background-heldout": {"entities": 0.87, "relations": 0.69, "relation:locatedIn": 0.78,
                           "statistics": 0.83, "events": 0.72, "event-arg:participants": 0.82},
    # the test split (leeb multiples of 4 but not of 12) was annotated on 2026-11-26 (fifth
    # session) and first scored with the rules of that session's start: entities 0.82,
    # relations 0.70, events 0.68, statistics 0.88, locatedIn 0.71, event place 0.32
    # sixth session (rules judged on dev halves): entities 0.85, relations 0.72, events 0.70,
    # locatedIn 0.73, participants 0.75 measured at its end; seventh (after the relabelling):
    # 0.853, 0.730, 0.704, 0.729, 0.790; ninth (after its merges): events 0.730 (precision
    # 0.78: statements no named speaker said dropped at resolution), event place
    # 0.545 (0.49 before evplace9), and on the other splits lee held-out events 0.571,
    # background dev locatedIn 0.788 and event place 0.755, background held-out events 0.730
    "background-test": {"entities": 0.85, "relations": 0.72, "relation:locatedIn": 0.72,
                        "statistics": 0.87, "events": 0.72, "event-arg:participants": 0.78,
                        "event-arg:place": 0.53},
}


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "heldout", "background-dev", "background-heldout",
                                   "background-test"])
def test_real_news_scores_do_not_fall(real_news: dict[str, dict[str, float]], split: str) -> None:
    measured = real_news[split]
    low = {name: round(measured[name], 3) for name, floor in FLOORS[split].items()
           if measured[name] < floor}
    assert not low, f"{split}: below the floors {FLOORS[split]}: {low}"


@pytest.mark.slow
def test_kg_eval_runs_from_any_directory(tmp_path: Path, lee_corpus: Path) -> None:
    kg = Path(sys.executable).parent / "kg"
    done = subprocess.run([str(kg), "eval", str(GOLD), "--articles", str(lee_corpus),
                           "--split", "heldout", "--format", "json"],
                          cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    payload = yaml.safe_load(done.stdout)
    names = {row["name"] for row in payload["totals"]}
    assert {"entities", "entity:State", "relation:locatedIn", "relations"} <= names or \
        {"entities", "relation:locatedIn", "relations"} <= names
    assert all(int(article.split("-")[1]) % 3 == 0 for article in payload["articles"])
    seed = subprocess.run([str(kg), "eval", str(ROOT / "data" / "gold"), "--no-misses"],
                          cwd=tmp_path, capture_output=True, text=True, check=False)
    assert seed.returncode == 0, seed.stderr  # the seed's text is found next to the gold set
