"""What a build's write of one batch costs, and the raw ways of writing the same quads.

Builds the bench's corpus (``bench/corpus.py``) in this process up to the layout, catches the
one batch ``kg build`` then writes (``replace_graphs``: every article graph, the ontology, the
build record and the entity descriptions), and writes it again and again into new on-disk
stores, each way taking turns, CPU seconds (``time.process_time``, best of ``--rounds``)::

    python bench/writes.py --articles 60          # the bench's build corpus, seed 1
    python bench/writes.py --corpus lee-background.jsonl

The ways: kg's write as a build does it (with and without the flush after it), and pyoxigraph
alone on the same quads: one transactional ``load`` of N-Quads text (strict and ``lenient``),
``extend`` of Python quads, ``bulk_load`` of the text, one ``load`` per graph (a transaction
each, so not all or nothing), and the same triples into the default graph (3 indexes instead
of the 6 a named graph's quads are written to).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from corpus import write_corpus  # noqa: E402


def prepared_articles(corpus: str) -> list[Any]:
    """Every article of ``corpus`` parsed, extracted, validated and laid out, as a build's
    parser process hands it to the writer."""
    from kg.articles import read_articles
    from kg.build import _ArticleWork
    from kg.nlp import load_pipeline, prepare
    from kg.validate import default_engine, load_verdict_shapes

    articles = list(read_articles([corpus]))
    nlp = load_pipeline(None)
    work = _ArticleWork(None, default_engine())
    load_verdict_shapes(work.engine)
    docs = nlp.pipe([prepare(article.text) for article in articles], batch_size=16)
    return [work(doc, (article, None)) for article, doc in zip(articles, docs, strict=True)]


def caught_batch(prepared: list[Any], folder: Path, *, before: int = 0
                 ) -> tuple[dict[str, str], dict, str]:
    """The arguments of the one ``replace_graphs`` call a build of ``prepared`` makes (graphs,
    descriptions), and the N-Quads of the store it writes; with ``before``, the call of the
    second batch, after a first batch of that many articles (a later batch changes entity
    descriptions, so it deletes as well as adds)."""
    import pyoxigraph

    from kg.build import _Batches
    from kg.stores import open_store
    from kg.stores.embedded import EmbeddedStore

    caught: dict[str, Any] = {}
    original = EmbeddedStore._replace_graphs

    def catching(self: Any, graphs: Any, remove: Any, descriptions: Any) -> None:
        caught.update(graphs=dict(graphs), descriptions={g: dict(d) for g, d in descriptions.items()})
        original(self, graphs, remove, descriptions)

    EmbeddedStore._replace_graphs = catching  # type: ignore[method-assign]
    try:
        with open_store(str(folder / "caught"), create=True) as opened:
            batches = _Batches(opened)
            for number, article in enumerate(prepared):
                if number == before and before:
                    batches.write()
                    caught.clear()
                batches.add(article)
            batches.write()
    finally:
        EmbeddedStore._replace_graphs = original  # type: ignore[method-assign]
    raw = pyoxigraph.Store.read_only(str(folder / "caught"))
    nquads = (raw.dump(format=pyoxigraph.RdfFormat.N_QUADS) or b"").decode("utf-8")
    del raw
    if before:
        shutil.move(str(folder / "caught"), str(folder / "first-batch"))
    else:
        shutil.rmtree(folder / "caught")
    return caught["graphs"], caught["descriptions"], nquads


def later_ways(graphs: dict[str, str], descriptions: dict, folder: Path
               ) -> dict[str, Callable[[str], None]]:
    """The second batch written over a copy of the store the first batch left: kg's one SPARQL
    update (deletions and insertions, one transaction), and for scale the same insertions as
    one transactional ``load`` or one ingestion, were the write split in two (not atomic)."""
    import pyoxigraph

    from kg.stores import open_store

    def over_first(write: Callable[[Any], None]) -> Callable[[str], None]:
        def run(where: str) -> None:
            shutil.copytree(folder / "first-batch", where)
            started = time.process_time()
            write(where)
            run.spent = time.process_time() - started  # type: ignore[attr-defined]
        return run

    def kg(where: str) -> None:
        opened = open_store(where)
        opened.replace_graphs(graphs, descriptions=descriptions)
        opened._inner = None  # type: ignore[attr-defined]  # no flush on close
        opened._lock.release()  # type: ignore[attr-defined]

    staged = pyoxigraph.Store()
    for iri, text in graphs.items():
        staged.load(text, pyoxigraph.RdfFormat.N_TRIPLES, to_graph=pyoxigraph.NamedNode(iri))
    added = staged.dump(format=pyoxigraph.RdfFormat.N_QUADS) or b""
    nq = pyoxigraph.RdfFormat.N_QUADS
    return {
        "later batch: kg replace_graphs (one SPARQL update), no flush": over_first(kg),
        "later batch: its new graphs alone, transactional load": over_first(
            lambda where: pyoxigraph.Store(where).load(added, nq)),
        "later batch: its new graphs alone, bulk_load": over_first(
            lambda where: pyoxigraph.Store(where).bulk_load(added, nq)),
    }


def ways(graphs: dict[str, str], descriptions: dict, nquads: str) -> dict[str, Callable[[str], None]]:
    """Each way of writing the batch into a new store at a path (the store opened inside)."""
    import pyoxigraph

    from kg.stores import open_store

    nq = pyoxigraph.RdfFormat.N_QUADS
    quads = list(pyoxigraph.parse(nquads, nq))
    triples = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)

    def kg(where: str, *, flush: bool = True) -> None:
        opened = open_store(where, create=True)
        opened.replace_graphs(graphs, descriptions=descriptions)
        if flush:
            opened.flush()
        opened._inner = None  # type: ignore[attr-defined]  # no flush on close
        opened._lock.release()  # type: ignore[attr-defined]

    def raw(write: Callable[[pyoxigraph.Store], None], flush: bool = True) -> Callable[[str], None]:
        def run(where: str) -> None:
            store = pyoxigraph.Store(where)
            write(store)
            if flush:
                store.flush()
        return run

    def per_graph(store: pyoxigraph.Store) -> None:
        for iri, text in graphs.items():
            store.load(text, pyoxigraph.RdfFormat.N_TRIPLES, to_graph=pyoxigraph.NamedNode(iri))

    return {
        "kg replace_graphs + flush": kg,
        "kg replace_graphs, no flush": lambda where: kg(where, flush=False),
        "load N-Quads text (one transaction) + flush": raw(lambda s: s.load(nquads, nq)),
        "load N-Quads text, no flush": raw(lambda s: s.load(nquads, nq), flush=False),
        "load N-Quads text, lenient, no flush": raw(lambda s: s.load(nquads, nq, lenient=True),
                                                   flush=False),
        "extend Python quads (one transaction), no flush": raw(lambda s: s.extend(quads),
                                                               flush=False),
        "bulk_load N-Quads text + flush": raw(lambda s: s.bulk_load(nquads, nq)),
        "one load per graph (not atomic), no flush": raw(per_graph, flush=False),
        "the triples into the default graph, no flush": raw(
            lambda s: s.load(triples, pyoxigraph.RdfFormat.N_TRIPLES), flush=False),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", help="a JSONL corpus instead of the generated one")
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args(argv)
    import os

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        corpus = options.corpus or str(write_corpus(folder / "corpus.jsonl", options.articles,
                                                    seed=options.seed))
        prepared = prepared_articles(corpus)
        graphs, descriptions, nquads = caught_batch(prepared, folder)
        quads = nquads.count("\n")
        print(f"{len(prepared)} articles, {quads:,} quads in {len(graphs)} graphs and "
              f"{sum(len(d) for d in descriptions.values()):,} entity descriptions; "
              f"load average {os.getloadavg()[0]:.1f}")
        best: dict[str, float] = {}
        for _ in range(options.rounds):
            for name, write in ways(graphs, descriptions, nquads).items():
                where = str(folder / "store")
                started = time.process_time()
                write(where)
                spent = time.process_time() - started
                best[name] = min(best.get(name, spent), spent)
                shutil.rmtree(where)
        half = len(prepared) // 2
        graphs, descriptions, _ = caught_batch(prepared, folder, before=half)
        later = sum(text.count("\n") for text in graphs.values())
        for _ in range(options.rounds):
            for name, write in later_ways(graphs, descriptions, folder).items():
                where = str(folder / "store")
                write(where)
                spent = write.spent  # type: ignore[attr-defined]
                best[name] = min(best.get(name, spent), spent)
                shutil.rmtree(where)
        print(f"The second batch: {len(prepared) - half} articles after {half}, {later:,} quads "
              "in its new graphs.")
        print("| way | CPU s | µs a quad |\n| --- | ---: | ---: |")
        for name, spent in best.items():
            count = later if name.startswith("later") else quads
            print(f"| {name} | {spent:.3f} | {spent / count * 1e6:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
