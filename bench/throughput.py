"""What one core does per article, for the arithmetic of docs/scale.md: a worker's parse, extraction,
triples, validation and layout, and a client's entity graph and store writes.

A build splits into two kinds of work. The *worker* side (kg's parser processes, or Dask workers
with ``kg build --scheduler``) parses each article, extracts and resolves its facts, writes its
triples, validates them and lays them out (article graph and entity triples): ``kg.nlp.parse_batch``
with the function ``kg build`` hands it; it grows with the cores you add. The *client* side (one
process, whatever the cluster) orders the entity graph and writes, in batches of 200 articles; it
is the ceiling of a cluster build. This script times both in one
process on the real-news dev corpus written ``--copies`` times under distinct ids::

    PYTHONPATH=src python bench/throughput.py                  # lee.jsonl x 6: 300 articles
    PYTHONPATH=src python bench/throughput.py --join 8 --copies 12   # 84 of news length
    PYTHONPATH=src python bench/throughput.py --store http://127.0.0.1:7878   # an empty server

The figures are CPU seconds of this process (``time.process_time``), so they hold on a machine
other jobs share; wall-clock seconds are printed beside them. The model is loaded before the
clock starts (a worker loads it once).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))


def articles(lee: Path, copies: int, join: int = 1) -> list[Any]:
    """The corpus's articles, ``copies`` times under distinct ids; with ``join``, each article
    the text of that many consecutive ones (the corpus's articles are short, about 80 words:
    joining eight makes one of a news story's usual length from real sentences)."""
    from kg.articles import read_articles

    texts = [json.loads(line)["text"] for line in lee.read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for copy in range(1, copies + 1):
                for start in range(0, len(texts), join):
                    text = "\n\n".join(texts[start:start + join])
                    out.write(json.dumps({"id": f"lee-{start + 1:02d}-r{copy}", "text": text}) + "\n")
        return list(read_articles([path]))


def clocks() -> tuple[float, float]:
    return time.process_time(), time.perf_counter()


def worker_side(found: list[Any], *, validate: bool = True, batch: int = 16
                ) -> tuple[list[Any], float, float]:
    """Every article made ready to write, and the CPU and wall seconds a worker spent on them."""
    from kg.build import _ArticleWork
    from kg.nlp import load_pipeline, parse_batch, prepare
    from kg.validate import default_engine

    nlp = load_pipeline()
    work = _ArticleWork(None, default_engine() if validate else None)
    pairs = [(prepare(article.text), (article, None)) for article in found]
    cpu, wall = clocks()
    prepared = [item for start in range(0, len(pairs), batch)
                for item in parse_batch(nlp, pairs[start:start + batch], batch, work)]
    end_cpu, end_wall = clocks()
    return prepared, end_cpu - cpu, end_wall - wall


def client_side(prepared: list[Any], location: str) -> dict[str, float]:
    """CPU and wall seconds of writing the prepared articles to an empty store and of its
    writes; the triples stored."""
    import kg
    from kg.stores import open_store
    from kg.stores.embedded import EmbeddedStore
    from kg.stores.remote import RemoteStore

    remote = location.startswith(("http://", "https://"))
    kind = RemoteStore if remote else EmbeddedStore
    if remote:
        with open_store(location) as opened:
            if opened.triples_count():
                raise SystemExit(f"{location} holds triples: give an empty server")
    writes = [0.0, 0.0]
    original = kind.replace_graphs

    def timed(self: Any, *arguments: Any, **options: Any) -> Any:
        cpu, wall = clocks()
        try:
            return original(self, *arguments, **options)
        finally:
            end_cpu, end_wall = clocks()
            writes[0] += end_cpu - cpu
            writes[1] += end_wall - wall

    kind.replace_graphs = timed  # type: ignore[method-assign]
    try:
        cpu, wall = clocks()
        report = kg.open(location)._store_prepared(iter(prepared), batch_size=200, total=None,
                                                   progress=lambda *_: None)
        end_cpu, end_wall = clocks()
    finally:
        kind.replace_graphs = original  # type: ignore[method-assign]
    return {"cpu": end_cpu - cpu, "wall": end_wall - wall, "write cpu": writes[0],
            "write wall": writes[1], "triples": sum(a.triples for a in report.articles)}


def rounds(count: int, found: list[Any], server: str | None) -> Iterator[dict[str, float]]:
    for _ in range(count):
        prepared, cpu, wall = worker_side(found)
        _, unchecked_cpu, unchecked_wall = worker_side(found, validate=False)
        with tempfile.TemporaryDirectory() as folder:
            client = client_side(prepared, server or str(Path(folder) / "store"))
        yield {"worker cpu": cpu, "worker wall": wall, "unvalidated cpu": unchecked_cpu,
               "unvalidated wall": unchecked_wall,
               **{f"client {k}": v for k, v in client.items()}}
        if server:  # one pass: a server is not emptied again (see --store)
            return


def main(argv: list[str] | None = None) -> int:
    from fetch_corpus import fetch

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=6, help="times the corpus is written")
    parser.add_argument("--rounds", type=int, default=3, help="measurements (the median is shown)")
    parser.add_argument("--join", type=int, default=1,
                        help="articles of the corpus joined into one (8: about 640 words)")
    parser.add_argument("--lee", help="the real-news corpus (default: scripts/fetch_corpus.py's)")
    parser.add_argument("--store", metavar="URL",
                        help="write to this empty SPARQL server instead of an embedded store, "
                             "once (emptying a server with DROP ALL leaves Oxigraph's indexes "
                             "slow to scan, which would weigh on the next pass)")
    options = parser.parse_args(argv)
    found = articles(Path(options.lee) if options.lee else fetch(), options.copies, options.join)
    measured = list(rounds(options.rounds, found, options.store))
    median = {key: statistics.median(m[key] for m in measured) for key in measured[0]}
    count = len(found)
    words = sum(len(article.text.split()) for article in found) / count
    print(f"{count} articles of {words:.0f} words on average, median of {options.rounds} rounds; "
          "CPU seconds (wall) per article:")
    for side, label in (("worker", "parse ... validate + lay out (a worker)"),
                        ("unvalidated", "  the same without validation"),
                        ("client", "entity graph + write (the client)"),
                        ("client write", "  of which store writes")):
        if f"{side} cpu" not in median:
            continue
        cpu, wall = median[f"{side} cpu"] / count, median[f"{side} wall"] / count
        print(f"  {label:42} {cpu * 1000:6.1f} ms ({wall * 1000:6.1f} ms)  "
              f"{1 / cpu:6.1f} articles/s per core")
    print(f"stored: {median['client triples'] / count:.0f} triples per article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
