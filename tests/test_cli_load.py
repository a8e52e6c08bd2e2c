"""kg load: RDF made elsewhere bulk-loaded into the store, checked first, then validated;
and kg export streaming into a file that is never left half-written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

import kg
from kg import api
from kg.cli import main
from kg.errors import StoreError
from kg.rdf import ONTOLOGY_GRAPH
from kg.stores import RdfFile, format_for, open_store

ALICE = "<https://kg.example.org/id/alice>"
NAME = "<https://schema.org/name>"
GRAPH_A = "https://kg.example.org/graph/a"
GRAPH_B = "https://kg.example.org/graph/b"
NQUADS = (
    f'{ALICE} {NAME} "Alice" <{GRAPH_A}> .\n'
    f'{ALICE} {NAME} "Alice" <{GRAPH_B}> .\n'
    f"_:claim {NAME} {ALICE} <{GRAPH_B}> .\n"
    f'{ALICE} <https://schema.org/jobTitle> "mayor" .\n'  # the file's default graph
)
TRIPLES = f'{ALICE} {NAME} "Alice" .\n_:x <https://schema.org/knows> {ALICE} .\n'


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def quads(store: str) -> list[str]:
    data = kg.open(store).export(fmt="nquads")
    assert data is not None
    return sorted(data.decode().splitlines())


def test_quads_keep_their_graphs_and_triples_go_to_the_default_graph(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    dataset = write(tmp_path / "data.nq", NQUADS)
    triples = write(tmp_path / "people.nt", TRIPLES)
    code, out, err = run("load", dataset, triples, "--store", store)
    assert code == 0, err
    assert out == "loaded 6 triples from 2 files; the store holds 5 graphs\n"
    assert "kg validate --all" in err
    people, data = api.loaded_graph(triples), api.loaded_graph(dataset)
    assert people == "https://kg.example.org/graph/loaded-people"
    with open_store(store, read_only=True) as opened:
        assert opened.graphs() == sorted([GRAPH_A, GRAPH_B, data, people, str(ONTOLOGY_GRAPH)])
        assert (opened.graph_triples(GRAPH_A), opened.graph_triples(GRAPH_B)) == (1, 2)
        # The file's default graph goes where its triples would (kg keeps no default graph).
        assert (opened.graph_triples(data), opened.graph_triples(people)) == (1, 2)


def test_given_graph_and_reloading_adds_nothing(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    triples = write(tmp_path / "t.ttl", f'{ALICE} {NAME} "Alice" .\n')
    graph = "https://example.org/mine"
    for _ in range(2):
        assert run("load", triples, "--graph", graph, "--store", store)[0] == 0
    assert [line for line in quads(store) if str(ONTOLOGY_GRAPH) not in line] == [
        f'{ALICE} {NAME} "Alice" <{graph}> .'
    ]


def test_blank_nodes_stay_each_files_own(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    first = write(tmp_path / "one.nt", "_:b <https://schema.org/name> \"one\" .\n")
    second = write(tmp_path / "two.nt", "_:b <https://schema.org/name> \"two\" .\n")
    assert run("load", first, second, "--graph", GRAPH_A, "--store", store)[0] == 0
    subjects = {line.split()[0] for line in quads(store) if str(ONTOLOGY_GRAPH) not in line}
    assert len(subjects) == 2 and "_:b" not in subjects


def test_export_then_load_gives_the_same_store(tmp_path: Path) -> None:
    source = str(tmp_path / "source")
    run("load", write(tmp_path / "data.nq", NQUADS), "--store", source)
    for fmt in ("nquads", "trig"):
        exported = tmp_path / f"dump.{format_for(fmt).extensions[0]}"
        assert run("export", "--store", source, "-o", str(exported))[0] == 0
        copy = str(tmp_path / f"copy-{fmt}")
        assert run("load", str(exported), "--store", copy)[0] == 0
        original, copied = rdflib.Dataset(), rdflib.Dataset()
        original.parse(data="\n".join(quads(source)), format="nquads")
        copied.parse(data="\n".join(quads(copy)), format="nquads")
        for graph in (GRAPH_A, GRAPH_B, api.loaded_graph("data.nq")):
            iri = rdflib.URIRef(graph)
            assert isomorphic(original.graph(iri), copied.graph(iri)), (fmt, graph)


def test_a_malformed_file_loads_nothing(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    good = write(tmp_path / "good.nq", NQUADS)
    assert run("load", good, "--store", store)[0] == 0
    before = quads(store)
    bad = write(tmp_path / "bad.nq", NQUADS + f'{ALICE} {NAME} "unclosed <{GRAPH_A}> .\n')
    code, out, err = run("load", write(tmp_path / "more.nt", TRIPLES), bad, "--store", store)
    assert (code, out) == (2, "")
    assert err.startswith("kg: error: ") and err.count("\n") == 1
    assert "bad.nq" in err and "line 5" in err and "nothing was loaded" in err
    assert quads(store) == before


@pytest.mark.parametrize(
    ("name", "message"),
    [("data.csv", "unknown format 'data.csv'"), ("missing.nq", "no such file")],
)
def test_unusable_files_are_one_line_errors(tmp_path: Path, name: str, message: str) -> None:
    if name.endswith(".csv"):
        write(tmp_path / name, "a,b\n")
    code, _, err = run("load", str(tmp_path / name), "--store", str(tmp_path / "store"))
    assert code == 2 and message in err and err.count("\n") == 1
    assert not (tmp_path / "store").exists()


def test_validate_after_loading(tmp_path: Path, seed_store: str) -> None:
    dump = tmp_path / "seed.nq"
    assert run("export", "--store", seed_store, "-o", str(dump))[0] == 0
    code, out, err = run("load", str(dump), "--store", str(tmp_path / "copy"), "--validate")
    assert code == 0, err
    assert "Conforms" in out
    # A person without a name breaks kg's shapes: --validate says so and exits 1.
    broken = write(tmp_path / "broken.nt",
                   "<https://kg.example.org/id/nobody> a <https://kg.example.org/ontology#Person> .\n"
                   .replace(" a ", " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "))
    code, out, _ = run("load", broken, "--store", str(tmp_path / "copy"), "--validate")
    assert code == 1, out


def test_a_remote_store_refuses_to_load(tmp_path: Path) -> None:
    file = RdfFile(Path(write(tmp_path / "t.nt", TRIPLES)), format_for("nt").rdf_format, GRAPH_A)
    with open_store("http://127.0.0.1:9/store") as remote, pytest.raises(StoreError, match="own bulk"):
        remote.load([file])


def test_a_failed_export_leaves_no_file(tmp_path: Path, seed_store: str) -> None:
    target = tmp_path / "out.ttl"
    code, _, err = run("export", "--store", seed_store, "--format", "turtel", "-o", str(target))
    assert code == 2 and "did you mean" in err
    assert list(tmp_path.iterdir()) == []


def test_export_streams_into_a_given_output(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    run("load", write(tmp_path / "data.nq", NQUADS), "--store", store)
    output = io.BytesIO()
    assert kg.open(store).export(fmt="nt", output=output) is None
    lines = output.getvalue().decode().splitlines()
    lines = [line for line in lines if "ontology" not in line]
    assert len(lines) == len(set(lines)) == 3  # Alice's name, held by two graphs, once
