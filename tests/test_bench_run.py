"""The benchmark's build side (bench/run.py): it builds a corpus in a fresh process, times the
stages, and writes what it built as N-Quads for the later measurements."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import run  # noqa: E402
from corpus import write_corpus  # noqa: E402


@pytest.mark.slow
def test_the_build_side_builds_times_and_writes_its_quads(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 2, seed=1)
    templates = tmp_path / "built.nq"
    built, peak = run.in_fresh_process(run.kg_build, str(corpus), str(tmp_path / "store"),
                                       str(templates), 1)
    assert built["articles"] == 2 and built["triples"] > 1000 and built["cpu"] > 0
    assert all(built[stage] >= 0 for stage in run.STAGES) and built["extraction"] > 0
    assert templates.read_text(encoding="utf-8").count("\n") == built["triples"]
    assert peak > 0


def test_the_real_news_corpus_is_cut_to_size_or_none_when_absent(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(f'{{"id": "n-{n}", "text": "Article {n}."}}\n' for n in range(5)),
                      encoding="utf-8")
    cut = run.real_news(corpus, 3, tmp_path / "cut.jsonl")
    assert cut is not None
    assert [line[:13] for line in cut.read_text(encoding="utf-8").splitlines()] == [
        '{"id": "n-0",', '{"id": "n-1",', '{"id": "n-2",']
    whole = run.real_news(corpus, 300, tmp_path / "whole.jsonl")
    assert whole is not None and whole.read_text(encoding="utf-8") == corpus.read_text("utf-8")
    assert run.real_news(tmp_path / "absent.jsonl", 300, tmp_path / "none.jsonl") is None
    assert not (tmp_path / "none.jsonl").exists()


def test_without_the_real_news_the_bench_says_so(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    monkeypatch.setattr(run, "build_rows", lambda report, corpus, label, *paths: built.append(label))
    settings = dict(run.QUICK, real_corpus=tmp_path / "absent.jsonl")
    report = run.Report(settings)
    run.real_news_rows(report, settings, tmp_path)
    assert built == []
    assert report.notes == [
        f"real news build rows not run: {tmp_path / 'absent.jsonl'} is absent (`make corpus` "
        "fetches it from the gensim wheel; the bench never downloads); the build rows are "
        "synthetic articles only."]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"id": "n-1", "text": "One."}\n{"id": "n-2", "text": "Two."}\n',
                      encoding="utf-8")
    run.real_news_rows(run.Report(settings), dict(settings, real_corpus=corpus), tmp_path)
    assert built == ["2 real news articles (lee-background)"]


def test_the_build_rows_report_both_process_counts_and_the_stages(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def side(function: object, *arguments: object) -> tuple[dict[str, float], float]:
        if function is run.spacy_alone:
            return {"seconds": 2.0, "cpu": 2.0, "articles": 10}, 300.0
        stages = dict.fromkeys(run.STAGES, 0.1)
        return {"seconds": 4.0, "cpu": 3.0, "articles": 10, "triples": 4000, **stages}, 400.0

    monkeypatch.setattr(run, "in_fresh_process", side)
    report = run.Report({})
    built = run.build_rows(report, "news.jsonl", "10 real news articles", "store", "built.nq")
    assert built["triples"] == 4000
    assert [(row.measurement, row.kg, round(row.ratio, 2)) for row in report.rows] == [
        ("build, 10 real news articles, 1 process (articles/s)", "2.50", 0.5),
        ("build, 10 real news articles, 1 process (CPU s, this process and its children)",
         "3.00", 0.67),
        ("build, 10 real news articles, 2 processes (articles/s)", "2.50", 0.5),
        ("build, 10 real news articles, 2 processes (CPU s, this process and its children)",
         "3.00", 0.67),
    ]
    assert report.notes == [
        "kg build, 10 real news articles, one process: 4.0 s (spaCy alone 2.0 s); its CPU "
        "3.00 s = spaCy's parse and the rest 2.40 s (spaCy alone: 2.00 s) + extraction 0.10 s, "
        "N-Triples 0.10 s, validation 0.10 s, quarantine 0.10 s, layout 0.10 s, writes 0.10 s; "
        "4,000 triples (400 per article)."]


def test_the_writes_count_the_writer_threads_cpu_once(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Each batch's transaction spends a known CPU time on the writer thread while the build
    waits for it: the writes stage counts it once, not again as the waiting thread's."""
    import time
    from dataclasses import replace

    import kg
    import kg.build
    from handmade import FACTS

    spin, original = 0.3, kg.build._Batches._store

    def busy(self: kg.build._Batches, *args: object) -> None:
        until = time.thread_time() + spin
        while time.thread_time() < until:
            pass
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(kg.build._Batches, "_store", busy)
    spent = dict.fromkeys(run.STAGES, 0.0)
    run.time_stages(spent, monkeypatch.setattr)
    articles = [replace(FACTS, article=replace(FACTS.article, id=f"wire/{n}")) for n in range(3)]
    kg.open(str(tmp_path / "store")).store_facts(articles, batch_size=1)
    assert 3 * spin <= spent["writes"] < 3 * spin + 0.2
