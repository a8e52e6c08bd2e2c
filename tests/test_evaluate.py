"""kg eval: the scoring itself, and the extraction quality the README reports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import kg.api
from kg.evaluate import Score, rule_totals, score_article, totals
from kg.model import Article, Entity, Event, Evidence, Facts, Relation, Sentence, Statistic

ROOT = Path(__file__).resolve().parents[1]
EVIDENCE = Evidence(0, 0, 5, "test", 0.9)


def test_score_arithmetic() -> None:
    score = Score(true_positives=3, predicted=4, gold=6)
    assert (score.precision, score.recall) == (0.75, 0.5)
    assert score.f1 == pytest.approx(0.6)
    assert Score().f1 == 1.0  # nothing expected, nothing found


def test_score_article_matches_by_alias_type_and_sentence() -> None:
    article = Article(id="a", text="Ann Lee met Bo Park in Lima.", published=date(2025, 1, 1))
    facts = Facts(
        article=article,
        sentences=(Sentence(0, 0, 28, article.text),),
        entities=(
            Entity("ann-lee", "Ann Lee", "Person", aliases=("Lee",)),
            Entity("lima", "Lima", "City"),
            Entity("acme", "Acme", "Company"),
        ),
        relations=(Relation("ann-lee", "nationality", "lima", EVIDENCE),),
        events=(Event("event-4", "Meeting", "met", EVIDENCE, roles=(("agent", "ann-lee"),)),),
        statistics=(Statistic("statistic-1", Decimal("12.5"), "percent", "x", EVIDENCE),),
    )
    gold = {
        "entities": [{"label": "Ann Lee", "type": "Person", "aliases": ["Lee"]},
                     {"label": "Bo Park", "type": "Person"},
                     {"label": "Lima", "type": "City"}],
        "relations": [["Lee", "nationality", "Lima"]],
        "events": [{"type": "Meeting", "participants": ["Bo Park"], "text": "met Bo Park"}],
        "statistics": [{"value": 12.5, "unit": "percent"}],
    }
    scores = score_article(facts, gold)
    assert scores.entities["Person"].true_positives == 1
    assert scores.entities["Person"].missed == ["Bo Park (Person)"]
    assert scores.entities["Organization"].spurious == ["Acme (Organization)"]
    assert scores.relations.true_positives == 1
    assert scores.events.true_positives == 1  # same sentence, though Bo Park was not found
    assert scores.statistics.true_positives == 1


def test_gold_event_is_matched_to_the_best_predicted_event_not_the_first() -> None:
    text = "Ann Lee met Bo Park in Lima. Lee met Cy Roe in Quito."
    article = Article(id="a", text=text, published=date(2025, 1, 1))
    first, second = Evidence(0, 0, 28, "rule", 0.9), Evidence(1, 29, 53, "rule", 0.9)
    facts = Facts(
        article=article,
        sentences=(Sentence(0, 0, 28, text[:28]), Sentence(1, 29, 53, text[29:])),
        entities=(Entity("ann-lee", "Ann Lee", "Person", aliases=("Lee",)),
                  Entity("bo-park", "Bo Park", "Person"), Entity("cy-roe", "Cy Roe", "Person"),
                  Entity("lima", "Lima", "City"), Entity("quito", "Quito", "City")),
        events=(Event("event-4", "Meeting", "met", first,
                      roles=(("agent", "ann-lee"), ("participant", "bo-park"), ("location", "lima"))),
                Event("event-33", "Meeting", "met", second,
                      roles=(("agent", "ann-lee"), ("participant", "cy-roe"), ("location", "quito")))),
    )
    # The first gold event could take either meeting (Ann Lee is in both); the second only the
    # first meeting (Bo Park): both are matched, each to its own sentence's meeting.
    gold = {"events": [{"type": "Meeting", "participants": ["Ann Lee", "Cy Roe"], "place": "Quito",
                        "text": "Lee met Cy Roe"},
                       {"type": "Meeting", "participants": ["Bo Park"], "place": "Lima"}]}
    scores = score_article(facts, gold)
    assert scores.events.true_positives == 2
    assert scores.kind("event-arg:place").true_positives == 2
    assert scores.kind("event-arg:participants").true_positives == 3


def test_each_rule_gets_its_true_and_false_positives() -> None:
    article = Article(id="a", text="Ann Lee met Bo Park in Lima.", published=date(2025, 1, 1))
    right, wrong = Evidence(0, 0, 5, "good-rule", 0.9), Evidence(0, 0, 5, "bad-rule", 0.5)
    facts = Facts(
        article=article,
        sentences=(Sentence(0, 0, 28, article.text),),
        entities=(Entity("ann-lee", "Ann Lee", "Person"), Entity("lima", "Lima", "City"),
                  Entity("peru", "Peru", "Country")),
        relations=(Relation("ann-lee", "nationality", "peru", right),
                   Relation("lima", "locatedIn", "ann-lee", wrong),
                   Relation("ann-lee", "memberOf", "lima", wrong)),
    )
    gold = {"entities": [], "relations": [["Ann Lee", "nationality", "Peru"]]}
    rules = rule_totals([score_article(facts, gold)])
    assert list(rules) == ["relation:bad-rule", "relation:good-rule"]  # the worst first
    assert (rules["relation:good-rule"].true_positives, rules["relation:good-rule"].predicted) == (1, 1)
    assert (rules["relation:bad-rule"].true_positives, rules["relation:bad-rule"].predicted) == (0, 2)
    assert rules["relation:bad-rule"].spurious == ["Lima locatedIn Ann Lee", "Ann Lee memberOf Lima"]


def test_spouse_and_sibling_match_either_way_round() -> None:
    article = Article(id="a", text="Ann Lee and her husband Bo Park met Cy Lee.",
                      published=date(2025, 1, 1))
    evidence = Evidence(0, 0, 5, "kin-rule", 0.8)
    facts = Facts(
        article=article,
        sentences=(Sentence(0, 0, 44, article.text),),
        entities=(Entity("ann-lee", "Ann Lee", "Person"), Entity("bo-park", "Bo Park", "Person"),
                  Entity("cy-lee", "Cy Lee", "Person")),
        relations=(Relation("bo-park", "spouse", "ann-lee", evidence),
                   Relation("cy-lee", "sibling", "ann-lee", evidence),
                   Relation("cy-lee", "parent", "ann-lee", evidence)),
    )
    gold = {"entities": [], "relations": [["Ann Lee", "spouse", "Bo Park"],
                                          ["Ann Lee", "sibling", "Cy Lee"],
                                          ["Ann Lee", "parent", "Cy Lee"]]}
    scores = score_article(facts, gold)
    assert scores.relations.true_positives == 2  # a parent is no child: that one keeps its order
    assert scores.relations.missed == ["Ann Lee parent Cy Lee"]
    assert scores.relations.spurious == ["Cy Lee parent Ann Lee"]


def test_eval_by_rule_lists_the_rules(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["eval", str(ROOT / "data" / "gold"), "--by-rule",
                                       "--no-misses"])
    assert result.exit_code == 0, result.output
    section = result.output.split("== rules", 1)[1]
    assert "relation:title-before-name" in section and " TP " in section and " FP " in section


@pytest.fixture(scope="module")
def evaluation() -> kg.api.Evaluation:
    return kg.api.evaluate(ROOT / "data" / "gold")


@pytest.fixture(scope="module")
def measured(evaluation: kg.api.Evaluation) -> dict[str, dict[str, Score]]:
    results = evaluation.articles
    seed = [r for r in results if r.article == "kim-jong-un-defections"]
    others = [r for r in results if r.article != "kim-jong-un-defections"]
    assert len(seed) == 1 and len(others) >= 5
    return {"seed": totals(seed), "others": totals(others)}


def test_the_api_sums_what_it_scored(evaluation: kg.api.Evaluation) -> None:
    assert [r.article for r in evaluation.articles] == sorted(
        p.stem for p in (ROOT / "data" / "gold" / "annotations").glob("*.yaml"))
    entities = sum(r.entity_total.gold for r in evaluation.articles)
    assert evaluation.totals["entities"].gold == entities > 0
    assert evaluation.totals == totals(evaluation.articles)
    assert evaluation.rules == rule_totals(evaluation.articles)
    assert sum(s.predicted for s in evaluation.rules.values()) == sum(
        evaluation.totals[name].predicted for name in ("relations", "events", "statistics"))


@pytest.mark.slow
def test_seed_article_meets_its_targets(measured: dict[str, dict[str, Score]]) -> None:
    seed = measured["seed"]
    assert seed["entities"].f1 >= 0.95
    assert seed["relations"].f1 >= 0.8
    assert seed["events"].f1 >= 0.8
    assert seed["statistics"].recall == 1.0  # every figure captured


@pytest.mark.slow
def test_other_domains_meet_their_targets(measured: dict[str, dict[str, Score]]) -> None:
    others = measured["others"]
    assert others["entities"].f1 >= 0.85
    assert others["relations"].f1 >= 0.77


def test_eval_lists_argument_misses_and_no_misses_shows_only_totals() -> None:
    from click.testing import CliRunner

    from kg.cli import main

    full = CliRunner().invoke(main, ["eval", str(ROOT / "data" / "gold")])
    assert full.exit_code == 0, full.output
    assert "== kim-jong-un-defections" in full.output
    assert "missed   event-arg:" in full.output or "spurious event-arg:" in full.output
    quiet = CliRunner().invoke(main, ["eval", str(ROOT / "data" / "gold"), "--no-misses"])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.output.lstrip().startswith("== totals")  # no article's scores: held-out hygiene
    assert "missed" not in quiet.output and "spurious" not in quiet.output
