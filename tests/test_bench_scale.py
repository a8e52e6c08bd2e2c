"""The scale benchmark's synthetic facts: deterministic, consistent, and as repetitive as real news."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import reuse  # noqa: E402
from facts import reuse_of, synthetic_facts  # noqa: E402


def test_reuse_json_is_what_the_annotations_give() -> None:
    assert reuse.load() == reuse.measure(), "run: python bench/reuse.py"


def test_the_same_seed_gives_the_same_facts() -> None:
    first = list(synthetic_facts(20, seed=3))
    assert first == list(synthetic_facts(20, seed=3))
    assert first != list(synthetic_facts(20, seed=4))
    assert len({facts.article.id for facts in first}) == 20


def test_a_few_entities_are_named_in_a_large_share_of_articles() -> None:
    shape = reuse_of(synthetic_facts(20, seed=3))
    assert shape["top_share"] >= 0.2  # real news: the top entity in about a quarter of them
    assert 2 <= shape["entities_per_article"] <= 8  # real news: 4.4
    named = Counter(e.key for facts in synthetic_facts(20, seed=3) for e in facts.entities)
    assert sum(1 for n in named.values() if n == 1) > len(named) / 2  # and a long tail


def test_offsets_point_at_the_words_they_claim() -> None:
    for facts in synthetic_facts(20, seed=3):
        text = facts.article.text
        for sentence in facts.sentences:
            assert text[sentence.start:sentence.end] == sentence.text
        for mention in facts.mentions:
            assert text[mention.start:mention.end] == mention.text
            sentence = facts.sentences[mention.sentence]
            assert sentence.start <= mention.start < mention.end <= sentence.end
        keys = {entity.key for entity in facts.entities}
        for relation in facts.relations:
            assert {relation.subject, relation.object} <= keys
        for event in facts.events:
            assert {key for _, key in event.roles} <= keys
            assert facts.sentences[event.evidence.sentence].start == event.evidence.start
        for entity in facts.entities:
            assert entity.mentions and all(m.key == entity.key for m in entity.mentions)
