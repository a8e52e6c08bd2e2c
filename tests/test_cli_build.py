"""What ``kg build`` prints when a build fails: the error on one line, then each note the build
added to it on its way up (kg.build: the batch being stored beside it failed too)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kg.build
from kg.cli import main
from kg.errors import InputError, StoreError
from kg.stores.embedded import EmbeddedStore


def test_a_parse_error_beside_a_failed_write_prints_both(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second article fails in the parse while the first one's batch is being written, and
    that write fails too: the user sees the parse error and, on a second line, the write's."""
    first, second = tmp_path / "harbour.txt", tmp_path / "bridge.txt"
    first.write_text("Dana Okafor opened the new harbour in Tarrow on Monday.\n", encoding="utf-8")
    second.write_text("The bridge to Kelmore was closed on Tuesday.\n", encoding="utf-8")
    parse_failed = threading.Event()
    work, store_prepared = kg.build._ArticleWork.__call__, kg.build.Writing._store_prepared

    def fails_on_the_second(self: Any, doc: Any, job: Any) -> Any:
        if job[0].id == "bridge":
            parse_failed.set()
            raise InputError("bridge.txt: the parse failed")
        return work(self, doc, job)

    def write_fails_after_the_parse(self: Any, *args: Any) -> None:
        assert parse_failed.wait(5)
        raise StoreError("the disk is full")

    def one_article_a_batch(self: Any, prepared: Any, **options: Any) -> Any:
        return store_prepared(self, prepared, **{**options, "batch_size": 1})

    monkeypatch.setattr(kg.build._ArticleWork, "__call__", fails_on_the_second)
    monkeypatch.setattr(EmbeddedStore, "_replace_graphs", write_fails_after_the_parse)
    monkeypatch.setattr(kg.build.Writing, "_store_prepared", one_article_a_batch)
    result = CliRunner().invoke(main, ["build", str(first), str(second),
                                       "--store", str(tmp_path / "store"), "--processes", "1"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("kg: error: bridge.txt: the parse failed\n"
                             "kg: note: the batch being stored also failed: the disk is full\n")


def test_an_error_without_notes_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(tmp_path / "missing.txt"),
                                       "--store", str(tmp_path / "store")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("kg: error: ")
