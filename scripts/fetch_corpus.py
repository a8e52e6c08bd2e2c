#!/usr/bin/env python3
"""Fetch the real-news development corpus: gensim's ``test_data/lee.cor`` as ``lee.jsonl``.

    python scripts/fetch_corpus.py [--cache DIR]

The 50 ABC news articles of ``lee.cor`` (one per line, Latin-1) are taken from the gensim wheel
on the package registry (``pip download --no-deps``; gensim itself is not installed) and written
as ``DIR/lee.jsonl``, one article per line with the id ``lee-NN`` (NN = the line number), which
``kg build`` and ``kg eval data/gold-real`` read. ``DIR`` defaults to ``.cache/corpora`` in the
repository; the file is cached there and never committed (the sentences are not ours). A second
run with the file present does nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CACHE = ROOT / ".cache" / "corpora"
GENSIM = "gensim==4.4.0"  # the release whose test data the gold annotations were made on
MEMBER = "gensim/test/test_data/lee.cor"
ARTICLES = 50


def lee_articles(raw: bytes) -> list[dict[str, str]]:
    """The articles of lee.cor: one per line, Latin-1 (a pound sign is byte 0xA3)."""
    lines = raw.decode("latin-1").split("\n")
    articles = [{"id": f"lee-{number:02d}", "source": "ABC News (gensim test_data/lee.cor)",
                 "text": line.strip()} for number, line in enumerate(lines, 1) if line.strip()]
    if len(articles) != ARTICLES:
        raise SystemExit(f"fetch_corpus: expected {ARTICLES} articles in {MEMBER}, "
                         f"found {len(articles)}")
    return articles


def fetch(cache: Path = DEFAULT_CACHE) -> Path:
    """Write ``cache/lee.jsonl`` unless it is there already; its path."""
    target = cache / "lee.jsonl"
    if target.is_file():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "--only-binary", ":all:", "-d", folder, GENSIM], check=True)
        wheel = next(Path(folder).glob("gensim-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            raw = archive.read(MEMBER)
    partial = target.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as handle:
        for article in lee_articles(raw):
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    partial.replace(target)  # never leave a half-written corpus behind
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    print(fetch(parser.parse_args().cache))


if __name__ == "__main__":
    main()
