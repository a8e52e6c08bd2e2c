"""The extraction alone, timed and profiled on parses made once: where ``kg.extract`` spends its CPU.

Parses a corpus once (kept as a ``DocBin`` beside ``--cache``, so a later run skips the parse),
then runs extraction and resolution over every parse, ``--rounds`` times, and prints the CPU
seconds of each round (``time.process_time``); with ``--profile FILE`` one more round runs under
cProfile and its statistics go to FILE (read them with ``pstats``); with ``--dump FILE`` every
fact of every article is written to FILE, one a line, to check that a change gives the same::

    PYTHONPATH=src python bench/profile_extract.py .cache/corpora/lee-background.jsonl \
        --cache lee.docbin --rounds 3 --profile extract.prof
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any


def parses(corpus: Path, cache: Path | None) -> tuple[list[Any], list[Any]]:
    """The corpus's articles and their parses, read from ``cache`` when it holds them."""
    from spacy.tokens import DocBin

    from kg.articles import read_articles
    from kg.nlp import load_pipeline, prepare

    found = list(read_articles([corpus]))
    nlp = load_pipeline()
    if cache and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(found):
            return found, docs
    docs = list(nlp.pipe((prepare(article.text) for article in found), batch_size=16))
    if cache:
        DocBin(docs=docs, store_user_data=True).to_disk(cache)
    return found, docs


def extract_all(found: list[Any], docs: list[Any]) -> list[Any]:
    from kg.extract import extract
    from kg.resolve import resolve

    return [resolve(extract(article, doc)) for article, doc in zip(found, docs, strict=True)]


def dump(facts: list[Any], path: Path) -> None:
    """Every fact, one a line, in the order the extraction gives them."""
    with path.open("w", encoding="utf-8") as out:
        for article_facts in facts:
            out.write(f"{article_facts!r}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args()
    found, docs = parses(args.corpus, args.cache)
    from kg.nlp import frozen_heap

    extract_all(found[:2], docs[:2])  # first-use costs (lexicons, patterns) out of the rounds
    with frozen_heap():
        for _ in range(args.rounds):
            start = time.process_time()
            facts = extract_all(found, docs)
            print(f"extraction and resolution of {len(docs)} articles: "
                  f"{time.process_time() - start:.3f} s CPU", flush=True)
        if args.profile:
            import cProfile

            profiler = cProfile.Profile(time.process_time)
            profiler.runcall(extract_all, found, docs)
            profiler.dump_stats(str(args.profile))
    if args.dump:
        dump(facts if args.rounds else extract_all(found, docs), args.dump)


if __name__ == "__main__":
    main()
