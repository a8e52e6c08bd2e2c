"""Regenerate the golden answers of the saved queries: ``tests/golden/queries/<name>.csv``.

Usage (from anywhere)::

    .venv/bin/python tests/golden/update_queries.py            # rewrite the golden files
    .venv/bin/python tests/golden/update_queries.py --check    # exit 1 if any would change
    .venv/bin/python tests/golden/update_queries.py --store DIR   # use an already built store

It builds the seed articles (``data/articles``) into a fresh temporary store with the installed
``kg`` command, runs every ``queries/*.rq`` exactly as a user would (``kg query NAME --format
csv``) and writes each answer, removing the golden files of queries that no longer exist.
``tests/test_queries_golden.py`` imports this file, so the test and the golden files are always
made the same way.

A golden file is a reviewed answer, not a snapshot: after running this, read
``git diff tests/golden/queries`` and check every changed row against the article text before
committing it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries"
GOLDEN = Path(__file__).resolve().parent / "queries"
SEED_ARTICLES = ROOT / "data" / "articles"
GOLDEN_SUFFIX = ".csv"


class GoldenError(RuntimeError):
    """A step of making the golden answers failed; the message says which and why."""


def kg_command() -> str:
    """The ``kg`` executable installed next to the running Python (the project's venv)."""
    beside = shutil.which("kg", path=str(Path(sys.executable).parent))
    found = beside or shutil.which("kg")
    if not found:
        raise GoldenError(
            f"no 'kg' command next to {sys.executable} or on PATH: "
            "install the project first (make install)"
        )
    return found


def query_names() -> list[str]:
    """The names of the saved queries, sorted: one golden file each."""
    return sorted(path.stem for path in QUERIES.glob("*.rq"))


def golden_path(name: str) -> Path:
    """Where the golden answer of the query ``name`` lives."""
    return GOLDEN / (name + GOLDEN_SUFFIX)


def run_kg(args: Sequence[str], *, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``kg ARGS`` in ``cwd`` as a user would, capturing its output as text."""
    environment = {key: value for key, value in os.environ.items() if key != "KG_STORE"}
    environment["NO_COLOR"] = "1"
    return subprocess.run(
        [kg_command(), *args], cwd=cwd, env=environment, capture_output=True,
        text=True, encoding="utf-8", check=False,
    )


def build_seed_store(store: Path) -> None:
    """Build the seed articles into the new store directory ``store`` with ``kg build``."""
    done = run_kg(["build", str(SEED_ARTICLES), "--store", str(store)], cwd=store.parent)
    if done.returncode != 0:
        raise GoldenError(
            f"'kg build {SEED_ARTICLES}' failed with exit code {done.returncode}:\n"
            f"{done.stderr.strip()}"
        )


def answer(store: Path, name: str, params: Iterable[str] = ()) -> str:
    """The CSV answer of the saved query ``name`` on ``store``, with ``NAME=VALUE`` params.

    SPARQL CSV ends records with CRLF; they are turned into plain newlines so that the golden
    files diff cleanly. Nothing else is changed.
    """
    args = ["query", name, "--store", str(store), "--format", "csv"]
    for param in params:
        args += ["--param", param]
    done = run_kg(args, cwd=store.parent)
    if done.returncode != 0:
        raise GoldenError(
            f"'kg {' '.join(args)}' failed with exit code {done.returncode}:\n{done.stderr.strip()}"
        )
    return done.stdout.replace("\r\n", "\n")


def update(store: Path, *, check: bool = False) -> list[str]:
    """Write (or with ``check`` only compare) every golden answer; the changes, one line each."""
    names = query_names()
    changes: list[str] = []
    for name in names:
        path = golden_path(name)
        new = answer(store, name)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old == new:
            continue
        rows = new.count("\n") - 1
        changes.append(f"{'new' if old is None else 'changed'}: {path.relative_to(ROOT)} "
                       f"({rows} row{'' if rows == 1 else 's'})")
        if not check:
            GOLDEN.mkdir(parents=True, exist_ok=True)
            path.write_text(new, encoding="utf-8", newline="\n")
    for stale in sorted(GOLDEN.glob("*" + GOLDEN_SUFFIX)):
        if stale.stem not in names:
            changes.append(f"removed: {stale.relative_to(ROOT)} (no query {stale.stem}.rq)")
            if not check:
                stale.unlink()
    return changes


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: rebuild the seed store, then write or check the golden answers."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=None,
                        help="use this already built store instead of building the seed articles")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if any golden file is out of date")
    options = parser.parse_args(argv)
    try:
        if options.store is not None:
            changes = update(options.store.resolve(), check=options.check)
        else:
            with tempfile.TemporaryDirectory(prefix="kg-golden-") as directory:
                store = Path(directory) / "store"
                build_seed_store(store)
                changes = update(store, check=options.check)
    except GoldenError as error:
        print(f"update_queries: error: {error}", file=sys.stderr)
        return 2
    for change in changes:
        print(change)
    if not changes:
        print(f"all {len(query_names())} golden answers are up to date")
    elif not options.check:
        print("now read 'git diff tests/golden/queries' and check each answer against the article")
    return 1 if options.check and changes else 0


if __name__ == "__main__":
    sys.exit(main())
