"""A build skips the articles the store holds from the same input by the same kg (issue 12.6):
an interrupted build run again only does what is left, without parsing again what is stored."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import kg
import kg.nlp
from kg import buildhash
from kg.model import Article


def _write(folder: Path, texts: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article_id, text in texts.items():
        path = folder / f"{article_id}.txt"
        path.write_text(f"---\nid: {article_id}\npublished: 2023-05-02\n---\n{text}\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


TEXTS = {
    "a": "Finance Minister Marta Valente met reporters in Lisbon on Tuesday.",
    "b": "About 3,000 farmers marched in Porto on Sunday to demand drought aid.",
}


def test_a_second_build_skips_what_is_stored_and_rebuilds_what_changed(tmp_path: Path,
                                                                       monkeypatch) -> None:
    store = str(tmp_path / "store")
    first = kg.open(store).build(_write(tmp_path / "in", TEXTS))
    assert [a.id for a in first.articles] == ["a", "b"] and first.unchanged == []

    parsed: list[str] = []
    parse_pairs = kg.nlp.parse_pairs

    def counting(pairs, *args, **kwargs):  # type: ignore[no-untyped-def]
        for prepared, job in parse_pairs(pairs, *args, **kwargs):  # job: (article, its hash)
            parsed.append(job[0].id)
            yield prepared, job

    monkeypatch.setattr(kg.nlp, "parse_pairs", counting)
    again = kg.open(store).build(_write(tmp_path / "in", TEXTS))
    assert again.articles == [] and again.unchanged == ["a", "b"] and parsed == []

    changed = {**TEXTS, "b": "About 4,000 farmers marched in Porto on Sunday."}
    third = kg.open(store).build(_write(tmp_path / "in", changed))
    assert [a.id for a in third.articles] == ["b"] and third.unchanged == ["a"]
    assert parsed == ["b"]

    forced = kg.open(store).build(_write(tmp_path / "in", changed), force=True)
    assert [a.id for a in forced.articles] == ["a", "b"] and forced.unchanged == []


def test_the_hash_covers_the_text_the_metadata_the_model_and_the_review_file() -> None:
    article = Article(id="a", text="Some text.", title="A title")
    digest = buildhash.content_hash(article, model="m")
    assert digest.startswith("sha256:") and len(digest) == len("sha256:") + 64
    assert digest == buildhash.content_hash(article, model="m")
    for other in (dataclasses.replace(article, text="Other text."),
                  dataclasses.replace(article, title="Another title")):
        assert buildhash.content_hash(other, model="m") != digest
    assert buildhash.content_hash(article, model="other-model") != digest
    assert buildhash.content_hash(article, model="m", curation=b"fact,decision\n") != digest


def test_the_hash_changes_with_kg_itself(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A change to a rule or a word list is a change to every article's digest."""
    article = Article(id="a", text="Some text.")
    before = buildhash.content_hash(article, model="m")
    buildhash.pipeline_digest.cache_clear()
    fake = tmp_path / "kg"
    fake.mkdir()
    (fake / "rules.py").write_text("RULES = 1\n", encoding="utf-8")
    monkeypatch.setattr(buildhash, "_PACKAGE", fake)
    try:
        assert buildhash.content_hash(article, model="m") != before
    finally:
        buildhash.pipeline_digest.cache_clear()
