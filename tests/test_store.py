"""Tests of kg.stores: opening stores, atomic graph replacement, the union graph and exports."""

from __future__ import annotations

import doctest
import importlib
import io
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

import kg.stores
from kg.errors import InputError, QueryError, StoreError
from kg.stores import (
    DEFAULT_STORE,
    EXPORT_FORMATS,
    EmbeddedStore,
    ExportFormat,
    RemoteStore,
    Store,
    format_for,
    open_store,
    store_location,
)
from kg.vocab import PREFIXES
from oxigraph_server import ENDPOINT_VARIABLES, OxigraphServer
from twographs import ARTICLE_1, ARTICLE_2, GRAPH_1, GRAPH_2

ARTICLE_3 = "https://kg.example.org/graph/article-3"

MALFORMED = '<https://kg.example.org/id/carol> <https://schema.org/name> "Carol .\n'


@pytest.fixture(params=["memory", "remote"])
def store(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """Two article graphs that share one triple, in an in-memory store and on a real ``oxigraph
    serve`` (tests/test_remote_store.py): every store keeps the same contract."""
    location = ":memory:"
    if request.param == "remote":
        for variable in ENDPOINT_VARIABLES:
            monkeypatch.delenv(variable, raising=False)
        server: OxigraphServer = request.getfixturevalue("oxigraph_server")
        server.clear()
        location = server.url
    with open_store(location) as opened:
        opened.replace_graphs({ARTICLE_1: GRAPH_1, ARTICLE_2: GRAPH_2})
        yield opened


def nquads(store: Store) -> list[str]:
    """The store's content as sorted N-Quads lines, blank nodes included, for exact comparisons."""
    output = io.BytesIO()
    store.dump(output, "nquads")
    return sorted(output.getvalue().decode().splitlines())


def select_values(store: Store, sparql: str) -> list[str]:
    """The first column of a SELECT result, as plain strings, sorted."""
    result = store.query(sparql)
    assert isinstance(result, pyoxigraph.QuerySolutions)
    return sorted(solution[0].value for solution in result)


def run_python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a new Python process (the same interpreter, so the same kg)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("module", ["base", "embedded", "formats", "remote"])
def test_docstring_examples_run(module: str) -> None:
    assert doctest.testmod(importlib.import_module(f"kg.stores.{module}")).failed == 0
    assert doctest.testmod(kg.stores).failed == 0


# --- Locations and opening --------------------------------------------------------------------


def test_store_location_prefers_argument_then_environment_then_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("KG_STORE", raising=False)
    assert store_location(None) == DEFAULT_STORE == ".kg"
    monkeypatch.setenv("KG_STORE", "/data/graph")
    assert store_location(None) == "/data/graph"
    assert store_location("elsewhere") == "elsewhere"


def test_missing_store_says_how_to_make_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    with pytest.raises(StoreError) as raised:
        open_store()
    assert str(raised.value) == "no store at '.kg': run 'kg build' first or pass --store DIR"
    assert not (tmp_path / ".kg").exists()


def test_missing_store_is_created_on_request(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "new"), create=True) as store:
        assert store.graphs() == []
    with open_store(str(tmp_path / "new")) as store:  # now it exists
        assert store.triples_count() == 0


def test_store_is_the_interface_and_embedded_store_wraps_oxigraph() -> None:
    with pytest.raises(TypeError):
        Store()  # type: ignore[abstract]
    wrapped = EmbeddedStore(pyoxigraph.Store(), ":memory:")
    wrapped.replace_graphs({ARTICLE_1: GRAPH_1})
    assert wrapped.graphs() == [ARTICLE_1]


def test_plain_folder_is_not_taken_for_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("my notes")
    for create in (False, True):
        with pytest.raises(StoreError, match="is not a kg store"):
            open_store(str(tmp_path), create=create)
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]  # nothing written there


def test_damaged_store_is_a_store_error_and_left_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "CURRENT").write_text("garbage\n")  # RocksDB's pointer to its manifest, broken
    for read_only in (False, True):
        with pytest.raises(StoreError, match="its files are damaged"):
            open_store(str(tmp_path), read_only=read_only)
    assert (tmp_path / "CURRENT").read_text() == "garbage\n"


def test_file_is_not_taken_for_a_store(tmp_path: Path) -> None:
    (tmp_path / "graph.ttl").write_text("")
    with pytest.raises(StoreError, match="is a file, not a kg store"):
        open_store(str(tmp_path / "graph.ttl"), create=True)


def test_urls_open_remote_stores_without_contacting_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening costs no request (tests/test_remote_store.py talks to a real server)."""
    for variable in ("KG_QUERY_URL", "KG_UPDATE_URL", "KG_GSP_URL"):
        monkeypatch.delenv(variable, raising=False)
    for location in ("http://127.0.0.1:9/", "https://sparql.invalid/kg"):
        with open_store(location) as store:
            assert isinstance(store, RemoteStore)
            assert store.endpoints.query == location.rstrip("/") + "/query"
        assert repr(store) == f"<kg.stores.RemoteStore {location!r} closed>"


def test_store_locked_by_another_process_says_so(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    with open_store(location, create=True):
        finished = run_python(
            f"""
            from kg.stores import open_store
            from kg.errors import StoreError
            try:
                open_store({location!r})
            except StoreError as error:
                print(error)
            """,
            tmp_path,
        )
    assert finished.returncode == 0, finished.stderr
    assert "is locked by another process" in finished.stdout
    assert location in finished.stdout


def test_store_already_open_in_this_process_says_so(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    with open_store(location, create=True):
        with pytest.raises(StoreError, match="is already open in this process"):
            open_store(location)


def test_close_releases_the_lock(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    first = open_store(location, create=True)
    first.close()
    first.close()  # harmless
    with open_store(location) as second:
        assert second.graphs() == []
    with pytest.raises(StoreError, match="is closed"):
        first.graphs()


def test_read_only_store_reads_but_refuses_writes(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    with open_store(location, create=True) as store:
        store.replace_graphs({ARTICLE_1: GRAPH_1})
    with open_store(location, read_only=True) as reader:
        assert reader.graphs() == [ARTICLE_1]
        with pytest.raises(StoreError, match="read-only"):
            reader.replace_graphs({ARTICLE_2: GRAPH_2})
        with pytest.raises(StoreError, match="read-only"):
            reader.remove_graphs([ARTICLE_1])
        assert reader.graph_triples(ARTICLE_1) == 5


def test_data_survives_into_a_new_process(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    store = open_store(location, create=True)
    store.replace_graphs({ARTICLE_1: GRAPH_1, ARTICLE_2: GRAPH_2})
    store.close()
    finished = run_python(
        f"""
        from kg.stores import open_store
        with open_store({location!r}, read_only=True) as store:
            names = store.query("SELECT DISTINCT ?name {{ ?s <https://schema.org/name> ?name }}")
            print(sorted(solution["name"].value for solution in names))
            print(store.graphs())
        """,
        tmp_path,
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.splitlines() == [
        "['Acme \"Corp\"', 'Alice Moreau']",
        str([ARTICLE_1, ARTICLE_2]),
    ]


# --- Writing: replace semantics and atomicity -------------------------------------------------


def test_graphs_are_listed_sorted_with_their_counts(store: Store) -> None:
    assert store.graphs() == [ARTICLE_1, ARTICLE_2]
    assert store.graph_triples(ARTICLE_1) == 5
    assert store.graph_triples(ARTICLE_2) == 3
    assert store.graph_triples(ARTICLE_3) == 0
    assert store.triples_count() == 8  # the shared triple counts once per graph


def test_reloading_a_graph_replaces_it_and_never_duplicates(store: Store) -> None:
    before = nquads(store)
    store.replace_graphs({ARTICLE_1: GRAPH_1})  # same content again
    assert store.graph_triples(ARTICLE_1) == 5
    assert len(nquads(store)) == len(before)

    changed = GRAPH_1.replace('"Alice Moreau"@en', '"Alice Moreau-Diaz"@en')
    store.replace_graphs({ARTICLE_1: changed})
    assert store.graph_triples(ARTICLE_1) == 5
    names = select_values(
        store, f"SELECT ?n {{ GRAPH <{ARTICLE_1}> {{ ?s <https://schema.org/name> ?n }} }}"
    )
    assert names == ['Acme "Corp"', "Alice Moreau-Diaz"]
    assert store.graph_triples(ARTICLE_2) == 3  # the other graph is untouched


def test_blank_nodes_belong_to_their_own_graph_and_do_not_pile_up(store: Store) -> None:
    says = (
        "SELECT ?claim {{ GRAPH <{}> {{ ?claim <https://kg.example.org/ontology#says> ?what }} }}"
    )
    claim_1 = select_values(store, says.format(ARTICLE_1))
    claim_2 = select_values(store, says.format(ARTICLE_2))
    assert claim_1 != claim_2  # "_:claim" in two texts is two nodes
    for _ in range(3):
        store.replace_graphs({ARTICLE_1: GRAPH_1})
    assert store.graph_triples(ARTICLE_1) == 5
    assert len(select_values(store, says.format(ARTICLE_1))) == 1


def test_malformed_ntriples_leave_the_store_exactly_as_before(store: Store) -> None:
    before = nquads(store)
    with pytest.raises(StoreError) as raised:
        store.replace_graphs(
            {ARTICLE_1: GRAPH_2, ARTICLE_3: GRAPH_1 + MALFORMED}, remove=[ARTICLE_2]
        )
    message = str(raised.value)
    assert f"invalid N-Triples for graph <{ARTICLE_3}>" in message
    assert "line 6" in message
    assert "the store is unchanged" in message
    assert nquads(store) == before
    assert store.graphs() == [ARTICLE_1, ARTICLE_2]


def test_one_update_request_is_one_transaction(store: Store) -> None:
    """replace_graphs relies on this: a failed request rolls back its earlier operations."""
    before = nquads(store)
    with pytest.raises(StoreError, match="does not exist"):
        store.update(f"DROP GRAPH <{ARTICLE_1}> ; DROP GRAPH <{ARTICLE_3}>")
    assert nquads(store) == before


# Literals that SPARQL text and N-Triples write differently, or that could end a GRAPH block.
AWKWARD = "".join(
    f"<https://kg.example.org/id/awkward> <https://kg.example.org/ontology#says> {literal} .\n"
    for literal in ['"} } ; DROP ALL ; INSERT DATA { GRAPH <urn:x> {"', '"say \\"no\\" \\\\ "',
                    '"two\\nlines\\r"', '"北京 é \\u00FC"@de',
                    '"12"^^<http://www.w3.org/2001/XMLSchema#integer>',
                    "<https://kg.example.org/id/x#y>"])


@pytest.mark.parametrize("way", ["new graph", "new graph beside a removal", "held graph"])
def test_a_graph_is_stored_the_same_whichever_way_it_is_written(store: Store, way: str) -> None:
    """A graph the store does not hold yet is read by Oxigraph alone (and written as N-Quads,
    or inside the SPARQL update a removal needs); one it holds is compared triple by triple."""
    expected = nquads(EmbeddedStore(_loaded(AWKWARD, ARTICLE_3), ":memory:"))
    if way == "held graph":
        store.replace_graphs({ARTICLE_3: GRAPH_1})
    store.replace_graphs({ARTICLE_3: AWKWARD},
                         remove=[ARTICLE_1] if way == "new graph beside a removal" else [])
    stored = [line for line in nquads(store) if f"<{ARTICLE_3}>" in line]
    assert stored == expected and len(stored) == 6
    assert store.graphs() == ([ARTICLE_2, ARTICLE_3] if way == "new graph beside a removal"
                              else [ARTICLE_1, ARTICLE_2, ARTICLE_3])


def _loaded(text: str, graph: str) -> pyoxigraph.Store:
    loaded = pyoxigraph.Store()
    for quad in pyoxigraph.parse(text, pyoxigraph.RdfFormat.N_TRIPLES):
        loaded.add(pyoxigraph.Quad(quad.subject, quad.predicate, quad.object,
                                   pyoxigraph.NamedNode(graph)))
    return loaded


def test_replace_and_remove_happen_together(store: Store) -> None:
    store.replace_graphs(
        {ARTICLE_3: GRAPH_2}, remove=[ARTICLE_1, "https://kg.example.org/graph/none"]
    )
    assert store.graphs() == [ARTICLE_2, ARTICLE_3]
    store.remove_graphs([ARTICLE_2])
    assert store.graphs() == [ARTICLE_3]


def test_replacing_with_nothing_drops_the_graph(store: Store) -> None:
    store.replace_graphs({ARTICLE_1: "# no facts in this article\n"})
    assert store.graphs() == [ARTICLE_2]


def test_descriptions_replace_one_subject_of_a_graph(store: Store) -> None:
    shared = "https://kg.example.org/entities"
    alice, bob = "https://kg.example.org/id/alice", "https://kg.example.org/id/bob"
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    store.replace_graphs({}, descriptions={shared: {
        alice: f'<{alice}> {label} "Alice" .\n', bob: f'<{bob}> {label} "Bob" .\n'}})
    store.replace_graphs({ARTICLE_3: GRAPH_2}, descriptions={shared: {
        alice: f'<{alice}> {label} "Alice B." .\n<{alice}> {label} "Ali" .\n'}})
    assert select_values(store, f"SELECT ?l WHERE {{ GRAPH <{shared}> {{ ?s {label} ?l }} }}") == [
        "Ali", "Alice B.", "Bob"]
    store.replace_graphs({}, descriptions={shared: {alice: ""}})
    assert select_values(store, f"SELECT ?l WHERE {{ GRAPH <{shared}> {{ ?s {label} ?l }} }}") == [
        "Bob"]
    before = nquads(store)
    with pytest.raises(StoreError, match="has a triple about"):
        store.replace_graphs({}, descriptions={shared: {alice: f'<{bob}> {label} "B" .\n'}})
    with pytest.raises(ValueError, match="replaced whole and in part"):
        store.replace_graphs({shared: ""}, descriptions={shared: {alice: ""}})
    assert nquads(store) == before


def test_invalid_graph_iri_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="invalid graph IRI"):
        store.replace_graphs({"not an iri": GRAPH_1})
    assert store.graphs() == [ARTICLE_1, ARTICLE_2]


@pytest.mark.slow
def test_a_hundred_thousand_triples_replace_in_reasonable_time(tmp_path: Path) -> None:
    graphs = {
        f"https://kg.example.org/graph/article-{article}": "".join(
            f"<https://kg.example.org/id/e{article}-{n % 40}> "
            f'<https://kg.example.org/ontology#p{n % 9}> "fact {n}" .\n'
            for n in range(200)
        )
        for article in range(500)
    }
    with open_store(str(tmp_path / "store"), create=True) as store:
        started = time.perf_counter()
        store.replace_graphs(graphs)
        first = time.perf_counter() - started
        started = time.perf_counter()
        store.replace_graphs(graphs)
        again = time.perf_counter() - started
        assert store.triples_count() == 100_000
    # Measured about 4 s and 1 s on a small CI machine; the bound only catches a pathology.
    assert first < 60 and again < 30


# --- Reading ----------------------------------------------------------------------------------


def test_default_graph_is_the_union_of_the_named_graphs(store: Store) -> None:
    people = select_values(store, "SELECT DISTINCT ?who { ?who a schema:Person }")
    assert people == ["https://kg.example.org/id/alice"]
    born = select_values(store, "SELECT ?day { ?who schema:birthDate ?day }")
    assert born == ["1970-01-02"]  # from the second graph, without GRAPH


def test_a_query_that_names_its_dataset_gets_exactly_that(store: Store) -> None:
    """FROM and FROM NAMED override the union default graph (SPARQL 1.1, 13.2); a remote store
    sends them as the protocol's default-graph-uri / named-graph-uri too, which oxigraph serve
    --union-default-graph honours where it lets the union override FROM in the text."""
    born = "SELECT ?day {from_clause} WHERE {{ ?who schema:birthDate ?day }}"
    assert select_values(store, born.format(from_clause=f"FROM <{ARTICLE_2}>")) == ["1970-01-02"]
    assert select_values(store, born.format(from_clause=f"FROM <{ARTICLE_1}>")) == []
    named = f"SELECT ?g FROM NAMED <{ARTICLE_1}> WHERE {{ GRAPH ?g {{ }} }}"
    assert select_values(store, named) == [ARTICLE_1]
    # FROM NAMED alone leaves the default graph empty.
    assert select_values(store, f"SELECT ?s FROM NAMED <{ARTICLE_1}> WHERE {{ ?s ?p ?o }}") == []
    # A FROM inside a string or a comment is no dataset clause.
    quoted = "SELECT ?day WHERE { ?who schema:birthDate ?day FILTER(?day != \"FROM <x>\") } # FROM <y>"
    assert select_values(store, quoted) == ["1970-01-02"]


def test_union_is_not_a_set(store: Store) -> None:
    """A triple in two graphs matches twice: queries that count must say DISTINCT."""
    name = "SELECT {} ?n {{ <https://kg.example.org/id/alice> schema:name ?n }}"
    assert len(select_values(store, name.format(""))) == 2
    assert len(select_values(store, name.format("DISTINCT"))) == 1


def test_invalid_sparql_error_gives_line_and_column(store: Store) -> None:
    with pytest.raises(QueryError) as raised:
        store.query("SELECT ?s\nWHERE {\n  ?s <not an iri> ?o .\n}")
    assert str(raised.value) == (
        "invalid SPARQL query at line 3, column 18: IRI parsing failed (in: ?s <not an iri> ?o .)"
    )
    # pyoxigraph points just after the faulty token, or past it (here, at the closing brace).
    with pytest.raises(QueryError) as raised:
        store.query("SELECT ?s\nWHERE {\n  ?s ?p ?o .\n  FILTER(?o > )\n}")
    message = str(raised.value)
    assert message.startswith("invalid SPARQL query at line 5, column 2: expected one of ")
    assert "\n" not in message


def test_invalid_sparql_error_names_an_undeclared_prefix(store: Store) -> None:
    with pytest.raises(QueryError, match=r"is prefix 'ex:' declared\?"):
        store.query("SELECT * { ?s ex:knows ?o }")


def test_common_prefixes_are_predeclared_and_can_be_overridden(store: Store) -> None:
    assert select_values(store, "SELECT ?s { ?s schema:worksFor kgr:acme }") == [
        "https://kg.example.org/id/alice"
    ]
    overridden = "PREFIX kgr: <http://elsewhere/> SELECT ?s { ?s schema:worksFor kgr:acme }"
    assert select_values(store, overridden) == []


def test_substitutions_bind_selected_variables_only(store: Store) -> None:
    alice = {"who": pyoxigraph.NamedNode("https://kg.example.org/id/alice")}
    result = store.query("SELECT DISTINCT ?who ?n { ?who schema:name ?n }", substitutions=alice)
    assert isinstance(result, pyoxigraph.QuerySolutions)
    assert [solution["n"].value for solution in result] == ["Alice Moreau"]
    with pytest.raises(QueryError) as raised:
        store.query("SELECT ?n { ?who schema:name ?n }", substitutions=alice)
    assert str(raised.value) == (
        "cannot bind parameter ?who: the query does not SELECT ?who (add ?who to its SELECT clause)"
    )


def test_update_syntax_errors_are_query_errors(store: Store) -> None:
    with pytest.raises(QueryError, match="invalid SPARQL update at line 1"):
        store.update("INSERT DATA { <http://a> <http://b> ?x }")


# --- Exports ----------------------------------------------------------------------------------


def expected_dataset() -> rdflib.Dataset:
    dataset = rdflib.Dataset()
    for iri, text in ((ARTICLE_1, GRAPH_1), (ARTICLE_2, GRAPH_2)):
        dataset.graph(rdflib.URIRef(iri)).parse(data=text, format="nt")
    return dataset


def expected_union() -> rdflib.Graph:
    union = rdflib.Graph()
    for graph in expected_dataset().graphs():
        for triple in graph:
            union.add(triple)
    return union


_RDFLIB_FORMATS = {
    "turtle": "turtle",
    "nt": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
    "xml": "xml",
}


def test_every_export_format_is_tested() -> None:
    assert sorted(_RDFLIB_FORMATS) == sorted(f.name for f in EXPORT_FORMATS)


@pytest.mark.parametrize("export_format", EXPORT_FORMATS, ids=lambda f: f.name)
def test_export_round_trips(store: Store, export_format: ExportFormat) -> None:
    output = io.BytesIO()
    store.dump(output, export_format.name)
    data = output.getvalue()
    reread = pyoxigraph.parse(data, export_format.rdf_format)
    if export_format.keeps_graphs:
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format=_RDFLIB_FORMATS[export_format.name])
        expected = expected_dataset()
        for iri in (ARTICLE_1, ARTICLE_2):
            assert isomorphic(dataset.graph(rdflib.URIRef(iri)), expected.graph(rdflib.URIRef(iri)))
        assert len(list(reread)) == 8
    else:
        graph = rdflib.Graph().parse(data=data, format=_RDFLIB_FORMATS[export_format.name])
        assert isomorphic(graph, expected_union())
        assert len(list(reread)) == 7  # the triple both graphs hold is written once


def test_turtle_export_is_readable_and_stable(store: Store) -> None:
    first, second = io.BytesIO(), io.BytesIO()
    store.dump(first, "ttl")
    store.dump(second, "turtle")
    text = first.getvalue().decode()
    assert first.getvalue() == second.getvalue()
    assert "@prefix kgr: <https://kg.example.org/id/> ." in text
    assert "kgr:alice a schema:Person ;" in text


def test_export_uses_given_prefixes(store: Store) -> None:
    output = io.BytesIO()
    store.dump(output, "turtle", prefixes={"people": "https://kg.example.org/id/"})
    text = output.getvalue().decode()
    assert "people:alice" in text
    assert "@prefix kgr:" not in text


def test_dump_one_graph(store: Store) -> None:
    output = io.BytesIO()
    store.dump(output, "nt", graph=ARTICLE_2)
    assert len(output.getvalue().decode().splitlines()) == 3
    with pytest.raises(StoreError, match="no graph"):
        store.dump(io.BytesIO(), "nt", graph=ARTICLE_3)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("turtle", "turtle"),
        ("TTL", "turtle"),
        ("out/kg.ttl", "turtle"),
        ("nt", "nt"),
        ("ntriples", "nt"),
        ("kg.nt", "nt"),
        ("nquads", "nquads"),
        ("nq", "nquads"),
        ("dump.nq", "nquads"),
        ("trig", "trig"),
        ("kg.trig", "trig"),
        ("jsonld", "jsonld"),
        ("json-ld", "jsonld"),
        ("kg.jsonld", "jsonld"),
        ("xml", "xml"),
        ("rdfxml", "xml"),
        ("kg.rdf", "xml"),
    ],
)
def test_format_for_names_aliases_and_extensions(given: str, expected: str) -> None:
    assert format_for(given).name == expected


def test_unknown_format_lists_the_choices_and_a_guess() -> None:
    with pytest.raises(InputError) as raised:
        format_for("turtel")
    assert str(raised.value) == (
        "unknown format 'turtel'; did you mean 'turtle'? "
        "choose one of: turtle, nt, nquads, trig, jsonld, xml"
    )
    with pytest.raises(InputError, match="^unknown format 'graph.csv'; choose one of: "):
        format_for("graph.csv")


def test_house_prefixes() -> None:
    assert PREFIXES["schema"] == "https://schema.org/"
    assert PREFIXES["kgo"] == "https://kg.example.org/ontology#"
    assert PREFIXES["kgr"] == "https://kg.example.org/id/"
    assert {"rdf", "rdfs", "owl", "xsd", "skos", "prov"} <= set(PREFIXES)


def test_triple_export_writes_a_triple_held_by_many_graphs_once(store: Store) -> None:
    shared = '<https://kg.example.org/id/alice> <https://schema.org/name> "Alice Moreau"@en .\n'
    store.replace_graphs({ARTICLE_3: shared})
    for name in ("nt", "turtle"):
        output = io.BytesIO()
        store.dump(output, name)
        reread = list(pyoxigraph.parse(output.getvalue(), format_for(name).rdf_format))
        assert len(reread) == 7 == len({quad.triple for quad in reread})


def test_triple_export_dedup_survives_hash_collisions(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When every triple hashes alike, each one after the first hits a set bit: it must still
    be written unless a graph already written holds it."""
    import kg.stores.embedded

    monkeypatch.setattr(kg.stores.embedded, "hash", lambda _triple: 0, raising=False)
    output = io.BytesIO()
    store.dump(output, "nt")
    lines = output.getvalue().decode().splitlines()
    assert len(lines) == len(set(lines)) == 7


def test_a_read_only_open_racing_a_writer_s_compaction_is_tried_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a writer's compaction deleted a file between RocksDB's reading of its file list and its
    # opening of the files: the store is not damaged, and the next try opens it
    where = str(tmp_path / "store")
    with open_store(where, create=True) as store:
        store.replace_graphs({ARTICLE_1: GRAPH_1})
    real = pyoxigraph.Store.read_only
    tries = []

    def racing(path: str) -> pyoxigraph.Store:
        tries.append(path)
        if len(tries) == 1:
            raise RuntimeError("Corruption: IO error: No such file or directory: While open a "
                               f"file for random read: {path}/000009.sst")
        return real(path)

    monkeypatch.setattr(pyoxigraph.Store, "read_only", staticmethod(racing))
    with open_store(where, read_only=True) as store:
        assert store.graphs() == [ARTICLE_1]
    assert len(tries) == 2


def test_a_file_missing_at_every_try_is_damage(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    where = str(tmp_path / "store")
    with open_store(where, create=True):
        pass

    def gone(path: str) -> pyoxigraph.Store:
        raise RuntimeError(f"Corruption: IO error: No such file or directory: {path}/000009.sst")

    monkeypatch.setattr(pyoxigraph.Store, "read_only", staticmethod(gone))
    with pytest.raises(StoreError, match="its files are damaged"):
        open_store(where, read_only=True)
