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
