"""A write that only adds to a store on disk (a build's first batch, or any that deletes
nothing) is ingested whole by Oxigraph's bulk loader instead of going through a transaction
(``INGESTED_WHOLE`` in kg.stores.embedded): the same quads, and still all or nothing."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph

from kg.stores import open_store
from kg.stores.base import LineNTriples, as_nquads

GRAPHS = 40
CHILD = textwrap.dedent("""
    import sys, time
    from kg.stores import open_store

    graphs = {f"https://kg.example.org/graph/g{g}": "".join(
        f'<https://kg.example.org/id/s{i}> <https://kg.example.org/ontology#p{i % 7}> '
        f'"value {g} {i} \\\\"quoted\\\\" \\\\n line"@en .\\n' for i in range(int(sys.argv[2])))
        for g in range(GRAPHS_HERE)}
    with open_store(sys.argv[1], create=True) as opened:
        print("writing", flush=True)
        started = time.perf_counter()
        opened.replace_graphs(graphs)
        print(f"written {time.perf_counter() - started}", flush=True)
""").replace("GRAPHS_HERE", str(GRAPHS))


def _write_in_a_child(where: Path, triples: int, kill_after: float | None) -> str:
    """Write GRAPHS graphs of ``triples`` each into a new store at ``where`` in another process,
    killed ``kill_after`` seconds into the write (None: let it finish); what it printed last."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(where), str(triples)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "writing"
        if kill_after is None:
            return child.stdout.readline().strip()
        time.sleep(kill_after)
        child.kill()
        return "killed"
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()


def _nquads(where: str) -> list[str]:
    with open_store(where, read_only=True) as opened:
        output = io.BytesIO()
        opened.dump(output, "nquads")
    return sorted(output.getvalue().decode().splitlines())


def test_an_ingested_write_stores_what_a_transaction_stores(tmp_path: Path) -> None:
    awkward = "".join(
        f"<https://kg.example.org/id/a> <https://kg.example.org/ontology#says> {literal} .\n"
        for literal in ['"} } ; DROP ALL ; INSERT DATA { GRAPH <urn:x> {"', '"say \\"no\\" \\\\ "',
                        '"two\\nlines\\r"', '"北京 é \\u00FC"@de',
                        '"12"^^<http://www.w3.org/2001/XMLSchema#integer>'])
    graphs = {"https://kg.example.org/graph/a": awkward,
              "https://kg.example.org/graph/b": awkward.replace("/id/a>", "/id/b>")}
    with open_store(str(tmp_path / "disk"), create=True) as opened:
        opened.replace_graphs(graphs)  # only adds, on disk: ingested
    with open_store(":memory:") as memory:
        memory.replace_graphs(graphs)  # a transaction
        output = io.BytesIO()
        memory.dump(output, "nquads")
    assert _nquads(str(tmp_path / "disk")) == sorted(output.getvalue().decode().splitlines())
    assert len(_nquads(str(tmp_path / "disk"))) == 10


def test_an_ingested_write_killed_at_any_moment_leaves_all_or_nothing(tmp_path: Path) -> None:
    triples = 2_000  # 80,000 quads in all: one ingestion
    took = float(_write_in_a_child(tmp_path / "whole", triples, None).split()[1])
    assert len(_nquads(str(tmp_path / "whole"))) == GRAPHS * triples
    seen = set()
    for n, share in enumerate((0.3, 0.7, 1.0)):
        where = tmp_path / f"killed{n}"
        _write_in_a_child(where, triples, took * share)
        raw = pyoxigraph.Store.read_only(str(where))
        counts = {graph.value: len(list(raw.quads_for_pattern(None, None, None, graph)))
                  for graph in raw.named_graphs()}
        del raw
        assert counts == {} or (len(counts) == GRAPHS and set(counts.values()) == {triples}), \
            f"killed after {share:.0%} of the write: {sum(counts.values())} quads stored"
        seen.add(bool(counts))
        with open_store(str(where)):  # the next writer removes what the killed one left
            pass
        assert not list(where.glob("bulk-*.sst"))
    assert False in seen, "a kill came before the write ended (else the test proves nothing)"


def test_files_an_unfinished_ingestion_left_are_removed_by_the_next_writer(tmp_path: Path) -> None:
    where = tmp_path / "store"
    with open_store(str(where), create=True) as opened:
        opened.replace_graphs({"https://kg.example.org/graph/a":
                               "<https://kg.example.org/id/a> <https://kg.example.org/p> \"1\" .\n"})
    (where / "bulk-123456789.sst").write_bytes(b"half a file")
    with open_store(str(where), read_only=True):
        pass
    assert (where / "bulk-123456789.sst").exists()  # a reader leaves the writer's files alone
    with open_store(str(where)) as opened:
        assert opened.triples_count() == 1
    assert not (where / "bulk-123456789.sst").exists()


def test_line_ntriples_are_named_their_graph_on_each_line() -> None:
    graph = pyoxigraph.NamedNode("https://kg.example.org/graph/a")
    text = ('<https://kg.example.org/id/a> <https://kg.example.org/ontology#says> "ends .\\n" .\n'
            '<https://kg.example.org/id/a> <https://kg.example.org/ontology#p> <urn:x> .\n')
    assert as_nquads(text, graph) == text.replace(" .\n", " <https://kg.example.org/graph/a> .\n")
    assert [quad.graph_name for quad in pyoxigraph.parse(as_nquads(text, graph),
                                                         pyoxigraph.RdfFormat.N_QUADS)] == [graph] * 2
    # Not one triple a line: left to the parse.
    assert as_nquads(text + "\n", graph) is None
    assert as_nquads(text + "# a comment\n", graph) is None
    assert as_nquads(text.rstrip("\n"), graph) is None
    assert as_nquads("", graph) is None


def test_line_ntriples_are_stored_as_parsed_text_is(tmp_path: Path) -> None:
    """A build's article graphs (LineNTriples) go into the ingestion as N-Quads made by naming
    the graph on each line, or, when the write also deletes, through the update as before: the
    store holds what it holds when the same text is parsed."""
    awkward = "".join(
        f"<https://kg.example.org/id/a> <https://kg.example.org/ontology#says> {literal} .\n"
        for literal in ['"} } ; DROP ALL ; INSERT DATA { GRAPH <urn:x> {"', '"say \\"no\\" \\\\ "',
                        '"two\\nlines\\r ."', '"北京 é \\u00FC"@de', '" . "', '"tab\\tbell\\u0007"',
                        '"12"^^<http://www.w3.org/2001/XMLSchema#integer>'])
    texts = {"https://kg.example.org/graph/a": awkward,
             "https://kg.example.org/graph/b": awkward.replace("/id/a>", "/id/b>"),
             "https://kg.example.org/graph/c": awkward + "\n"}  # not one triple a line: parsed
    lined = {iri: LineNTriples(text) for iri, text in texts.items()}
    entity = "https://kg.example.org/id/e"
    first = {"https://kg.example.org/graph/entities": {
        entity: f'<{entity}> <http://www.w3.org/2000/01/rdf-schema#label> "E" .\n'}}
    later = {"https://kg.example.org/graph/entities": {
        entity: f'<{entity}> <http://www.w3.org/2000/01/rdf-schema#label> "E2" .\n'}}
    stored = []
    for name, graphs in (("parsed", texts), ("lined", lined)):
        for where in (str(tmp_path / name), ":memory:"):
            with open_store(where, create=True) as opened:
                opened.replace_graphs(dict(list(graphs.items())[:1]), descriptions=first)  # adds
                opened.replace_graphs(dict(list(graphs.items())[1:]), descriptions=later)  # deletes
                output = io.BytesIO()
                opened.dump(output, "nquads")
                stored.append(sorted(output.getvalue().decode().splitlines()))
    assert len(stored[0]) == 3 * 7 + 1
    assert all(quads == stored[0] for quads in stored)
    with open_store(str(tmp_path / "only-adds"), create=True) as opened:
        opened.replace_graphs(lined, descriptions=first)  # every graph ingested in one write
    assert _nquads(str(tmp_path / "only-adds")) == sorted(
        line.replace('"E2"', '"E"') for line in stored[0])
