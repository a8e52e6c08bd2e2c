"""The million-triple benchmark's measuring: a command's time, its peak memory (the whole
process tree counted), a failing step stopped with its message, and the table it prints."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import million  # noqa: E402

# A parent holding ~60 MB that starts a child holding ~120 MB: the tree's peak is their sum.
TREE = ("import subprocess, sys, time; a = bytearray(60_000_000); "
        "subprocess.run([sys.executable, '-c', 'import time; b = bytearray(120_000_000); "
        "time.sleep(1.5)'], check=True)")


def test_a_step_reports_its_time_and_the_peak_of_its_process_tree() -> None:
    step = million.run_step("tree", [sys.executable, "-c", TREE])
    assert step.seconds >= 1.5
    assert step.process_mib >= 115  # the child, the largest single process (Linux carries a
    # process's peak over fork and exec, so this one may count what pytest held: no upper bound)
    assert step.tree_mib >= 180  # parent and child at once


def test_a_failing_step_stops_the_run_with_its_error() -> None:
    with pytest.raises(SystemExit, match="broken: .* exited with 3: no store here"):
        million.run_step("broken", [sys.executable, "-c", "import sys; "
                                    "print('no store here', file=sys.stderr); sys.exit(3)"])


def test_an_allowed_exit_code_is_an_answer() -> None:
    step = million.run_step("violations", [sys.executable, "-c", "raise SystemExit(1)"],
                            allowed=(0, 1))
    assert step.name == "violations"


def test_the_table_marks_a_step_over_two_gigabytes() -> None:
    steps = [million.Step("kg build", 12.5, 900.0, 1500.0),
             million.Step("kg validate --all", 30.0, 2100.0, 2100.0)]
    text = million.markdown(steps, {"articles": "1,000", "triples": "1,150,000",
                                    "queries": "articles 0.2 s; ",
                                    "validation": "Conforms: 0 violations"})
    assert "1,000 synthetic articles built, 1,150,000 triples" in text
    assert "| kg build | 12.5 | 900 MiB | 1,500 MiB | yes |" in text
    assert "| kg validate --all | 30.0 | 2,100 MiB | 2,100 MiB | **no** |" in text
    assert "Each saved query: articles 0.2 s." in text
    assert "`kg validate --all`: Conforms: 0 violations." in text
