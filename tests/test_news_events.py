"""Events and relations on invented news sentences in many outlets' styles and beats, scored
as a set (tests/fixtures/news-events.yaml): the rules must read news they were not written
from, not only the articles of the real-news dev set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from extracting import facts_of, relations
from kg.model import Facts

NEWS_SET = Path(__file__).parent / "fixtures" / "news-events.yaml"
ROLE_PREDICATES = ("memberOf", "leaderOf", "worksFor")
"""Relations that tie a person to a body: every one kg finds must be in the set."""
# Floors just under what kg reads of the invented news set today: recall of events (by
# class), of their participants and places, and of relations; precision of events (those of
# a class the sentence does not report are wrong) and of role relations. A drop fails.
# events 0.95 -> 0.93 in the ninth session: a statement no named speaker said is dropped
# (data/gold/README.md, "Unnamed speakers"; background test split events precision 0.74 ->
# 0.78), and two items whose body kg does not attach lost theirs ("the Viasna rights group
# said", "the miner said" for Rio Tinto)
NEWS_FLOORS = {"events": 0.93, "participants": 0.88, "place": 0.98, "relations": 0.88,
               "event precision": 0.99, "role precision": 0.95}


def _names(facts: Facts) -> dict[str, set[str]]:
    return {e.key: {e.label, *e.aliases} for e in facts.entities}


def _score_event(wanted: dict[str, Any], found: list[Any], names: dict[str, set[str]]
                 ) -> tuple[int, int, int]:
    """The best reading of one expected event: (found, participants found, place found)."""
    best = (0, 0, 0)
    for event in found:
        if event.type != wanted["type"]:
            continue
        taking_part = set().union(*[names.get(ref, set()) for role, ref in event.roles
                                    if role not in ("location",)], set())
        places = set().union(*[names.get(ref, set()) for role, ref in event.roles
                               if role in ("location", "destination")], set())
        hit = (1, sum(p in taking_part for p in wanted.get("participants") or []),
               int(wanted.get("place") in places))
        best = max(best, hit, key=lambda h: (h[1] + h[2], h[0]))
    return best


def read_news_set() -> tuple[dict[str, tuple[int, int]], list[str]]:
    """kg's hits on the invented news set, per measure (hits, out of), and what it got wrong."""
    counts = {kind: [0, 0] for kind in NEWS_FLOORS}
    wrong: list[str] = []
    for item in yaml.safe_load(NEWS_SET.read_text(encoding="utf-8")):
        text, facts = item["text"], facts_of(item["text"])
        names = _names(facts)
        found = [e for e in facts.events if not e.negated]
        for wanted in item["events"]:
            hit, participants, place = _score_event(wanted, found, names)
            counts["events"][0] += hit
            counts["events"][1] += 1
            counts["participants"][0] += participants
            counts["participants"][1] += len(wanted.get("participants") or [])
            counts["place"][0] += place
            counts["place"][1] += "place" in wanted
            if (hit, participants, place) != (1, len(wanted.get("participants") or []),
                                               int("place" in wanted)):
                wrong.append(f"{text}: {wanted}, read {[(e.type, e.roles) for e in found]}")
        classes = {wanted["type"] for wanted in item["events"]}
        for event in found:
            counts["event precision"][0] += event.type in classes
            counts["event precision"][1] += 1
            if event.type not in classes:
                wrong.append(f"{text}: no {event.type} ({event.trigger})")
        read = relations(facts)
        expected = {tuple(triple) for triple in item.get("relations") or []}
        for triple in expected:
            counts["relations"][0] += triple in read
            counts["relations"][1] += 1
            wrong += [] if triple in read else [f"{text}: missed {triple}"]
        for triple in read:
            if triple[1] in ROLE_PREDICATES:
                counts["role precision"][0] += triple in expected
                counts["role precision"][1] += 1
                wrong += [] if triple in expected else [f"{text}: wrong {triple}"]
    return {kind: (hits, total) for kind, (hits, total) in counts.items()}, wrong


@pytest.mark.slow
def test_the_invented_news_set_is_read_as_well_as_before() -> None:
    scores, wrong = read_news_set()
    low = {kind: f"{scores[kind][0]}/{scores[kind][1]}" for kind, floor in NEWS_FLOORS.items()
           if scores[kind][0] < floor * scores[kind][1]}
    assert not low, (low, "\n".join(wrong))


def test_the_news_set_is_wide() -> None:
    items = yaml.safe_load(NEWS_SET.read_text(encoding="utf-8"))
    assert len(items) >= 60
    assert len({e["type"] for item in items for e in item["events"]}) >= 20


def _attacks(text: str) -> list[tuple[str, set[str]]]:
    facts = facts_of(text)
    names = {e.key: e.label for e in facts.entities}
    return [(event.trigger, {names.get(ref, ref) for _, ref in event.roles})
            for event in facts.events if event.type == "Attack"]


def test_an_attack_whose_attacker_is_untold_is_not_another_sides_attack_elsewhere() -> None:
    """occasion-attacker-untold-elsewhere: the reprisal at another place is an attack of its own."""
    attacks = _attacks("Militants killed four soldiers in an attack on an army convoy in the "
                       "West Bank on Monday. Israel launched retaliatory strikes on Nablus hours later.")
    assert ("attack", {"West Bank"}) in attacks
    assert ("strikes", {"Israel", "Nablus"}) in attacks


def test_an_attack_told_again_at_its_place_is_one_attack() -> None:
    """The control: told again where it happened, with its attackers untold, it is the same."""
    attacks = _attacks("Hamas gunmen attacked a bus in Jerusalem on Monday. Police said two "
                       "people were hurt in the attack in Jerusalem.")
    assert len(attacks) == 1 and {"Hamas", "Jerusalem"} <= attacks[0][1]


def test_an_attack_a_noun_introduces_is_told_anew_and_one_it_takes_up_is_not() -> None:
    """event-attack-told-anew: "an attack", "rocket strikes"; not "the attack"."""
    def rules(text: str) -> set[str]:
        return {e.evidence.rule for e in facts_of(text).events if e.type == "Attack"}
    assert rules("Gunmen killed two guards in an attack on a bank in Lagos.") == {"event-attack-told-anew"}
    assert "event-attack-told-anew" not in rules("The attack on the bank in Lagos killed two guards.")
