"""What a build does with an article after extraction, timed stage by stage and profiled.

Parses a corpus once (the ``DocBin`` cache of ``bench/profile_extract.py``), extracts and
resolves every article once, then runs each later stage over all the articles, ``--rounds``
times, and prints each stage's CPU milliseconds an article (``time.process_time``, best
round): the N-Triples (``kg.rdf.article_ntriples``), the verdict (``kg.validate.conforms``),
the path of an article that does not conform (rdflib, report, quarantine), the layout
(``kg.entitygraph.split``), the hand-off to the parent (pickling and unpickling the
``_Prepared`` record a parser process sends back) and ``kg.build._prepare`` whole. With
``--profile FILE`` one more round of ``_prepare`` runs under cProfile; with ``--dump FILE``
every article's prepared output (verdict, laid-out text, entity triples, quarantine) is
written to FILE, to check that a change gives the same::

    PYTHONPATH=src python bench/profile_after.py .cache/corpora/lee-background.jsonl \
        --cache lee.docbin --rounds 5 --profile after.prof --dump after.txt
"""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import pickle
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _profile_extract() -> Any:
    spec = importlib.util.spec_from_file_location(
        "profile_extract", Path(__file__).with_name("profile_extract.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _timed(name: str, rounds: int, count: int, run: Callable[[], Any]) -> Any:
    best, result = float("inf"), None
    for _ in range(rounds):
        start = time.process_time()
        result = run()
        best = min(best, time.process_time() - start)
    print(f"{name:<28} {1000 * best / count:7.3f} ms an article "
          f"({best:.3f} s for {count})", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--engine", default="turbo")
    args = parser.parse_args()

    pe = _profile_extract()
    found, docs = pe.parses(args.corpus, args.cache)
    from kg.build import _prepare
    from kg.entitygraph import split
    from kg.nlp import frozen_heap
    from kg.rdf import article_ntriples
    from kg.validate import conforms, load_verdict_shapes

    load_verdict_shapes(args.engine)
    facts = pe.extract_all(found, docs)
    hashes = [f"sha256:{index:064x}" for index in range(len(found))]  # a hash's place, fixed
    count = len(facts)
    with frozen_heap():
        texts = _timed("N-Triples", args.rounds, count, lambda: [
            article_ntriples(f, content_hash=h) for f, h in zip(facts, hashes, strict=True)])
        verdicts = _timed("verdict (conforms)", args.rounds, count, lambda: [
            conforms(text, engine=args.engine) for text in texts])
        failing = [i for i, ok in enumerate(verdicts) if not ok]
        print(f"  {len(failing)} of {count} articles do not conform", flush=True)
        # as _prepare calls it for an article that conforms (the keyword exists since speed20)
        as_written = ({"as_written": True}
                      if "as_written" in inspect.signature(split).parameters else {})
        _timed("layout (split)", args.rounds, count, lambda: [
            split(text, f.article.id, **as_written) for text, f in zip(texts, facts, strict=True)])

        def prepare_all() -> list[Any]:
            return [_prepare(f, content_hash=h, engine=args.engine)
                    for f, h in zip(facts, hashes, strict=True)]

        prepared = _timed("_prepare, whole", args.rounds, count, prepare_all)
        if failing:
            _timed("  of which not conforming", args.rounds, count, lambda: [
                _prepare(facts[i], content_hash=hashes[i], engine=args.engine) for i in failing])
        pickled = _timed("hand-off: pickle", args.rounds, count,
                         lambda: [pickle.dumps(p, pickle.HIGHEST_PROTOCOL) for p in prepared])
        _timed("hand-off: unpickle", args.rounds, count,
               lambda: [pickle.loads(blob) for blob in pickled])
        print(f"  {sum(map(len, pickled)) / count / 1024:.1f} KiB pickled an article", flush=True)
        if args.profile:
            import cProfile

            profiler = cProfile.Profile(time.process_time)
            profiler.runcall(prepare_all)
            profiler.dump_stats(str(args.profile))
    if args.dump:
        import pyoxigraph

        with args.dump.open("w", encoding="utf-8") as out:
            for item in prepared:
                out.write(f"== {item.part.id} {item.part.graph} {item.result!r}\n")
                out.writelines(sorted(f"{quad.triple}\n" for quad in pyoxigraph.parse(
                    item.part.ntriples, pyoxigraph.RdfFormat.N_TRIPLES)))  # triples, not spelling
                out.writelines(sorted(f"shared {triple}\n" for triple in item.part.shared))
                if item.quarantined:  # blank nodes are named anew by every run
                    out.writelines(sorted(
                        "quarantined " + re.sub(r"_:\w+", "_:b", line) + "\n"
                        for line in item.quarantined.splitlines()))


if __name__ == "__main__":
    main()
