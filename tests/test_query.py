"""Tests of kg.query: finding .rq files, their headers, parameters and result formats."""

from __future__ import annotations

import csv
import doctest
import io
import json
import textwrap
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

import kg.query
from kg import resources
from kg.errors import InputError, QueryError
from kg.query import (
    RESULT_FORMATS,
    QueryParam,
    bind,
    find_query,
    format_result,
    list_queries,
    query_info,
    query_variables,
    run_query,
    shorten,
)
from kg.stores import QueryResult, Store, open_store

XSD = "http://www.w3.org/2001/XMLSchema#"
ARTICLE = "https://kg.example.org/graph/article-1"
GRAPH = textwrap.dedent("""\
    <https://kg.example.org/id/alice> <https://schema.org/name> "Alice Moreau" .
    <https://kg.example.org/id/alice> <https://kg.example.org/ontology#defectedFrom> <https://kg.example.org/id/acme> .
    <https://kg.example.org/id/alice> <https://kg.example.org/ontology#defectedOn> "2024-06-19"^^<http://www.w3.org/2001/XMLSchema#date> .
    <https://kg.example.org/id/bob> <https://schema.org/name> "Bob\\nKim" .
    <https://kg.example.org/id/bob> <https://kg.example.org/ontology#defectedFrom> <http://other.example/org> .
    <https://kg.example.org/id/bob> <https://kg.example.org/ontology#defectedOn> "2023-01-05"^^<http://www.w3.org/2001/XMLSchema#date> .
    <https://kg.example.org/id/acme> <https://schema.org/name> "x\\" } ; DROP ALL ; #" .
    <https://kg.example.org/id/acme> <https://schema.org/numberOfEmployees> "120"^^<http://www.w3.org/2001/XMLSchema#integer> .
""")  # noqa: E501

DEFECTIONS = textwrap.dedent("""\
    # Who defected from which organisation, and when?
    # One row per defection, newest first.
    # Columns: person, org, date.
    # param: org (iri) only defections from this organisation
    # param: since (date) only defections on or after this day
    PREFIX kgo: <https://kg.example.org/ontology#>
    SELECT ?person ?org ?date WHERE {
      ?person kgo:defectedFrom ?org ; kgo:defectedOn ?date .
      FILTER(!BOUND(?since) || ?date >= ?since)
    }
    ORDER BY DESC(?date)
""")
NAMES = "# Names\nSELECT ?who ?name WHERE { ?who schema:name ?name } ORDER BY ?who ?name\n"


@pytest.fixture
def store() -> Iterator[Store]:
    """An in-memory store with two defections and three names."""
    with open_store(":memory:") as opened:
        opened.replace_graphs({ARTICLE: GRAPH})
        yield opened


@pytest.fixture
def queries_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder standing in for the shipped queries/ folder."""
    folder = tmp_path / "queries"
    folder.mkdir()
    (folder / "defections.rq").write_text(DEFECTIONS)
    (folder / "names.rq").write_text(NAMES)
    (folder / "statistics-by-source.rq").write_text("SELECT * {}\n")
    real = resources.resource_dir

    def resource_dir(kind: str) -> Path:
        return folder if kind == "queries" else real(kind)

    monkeypatch.setattr(resources, "resource_dir", resource_dir)
    monkeypatch.chdir(tmp_path.parent)  # not a folder with a queries/ of its own
    return folder


def solutions(result: QueryResult) -> pyoxigraph.QuerySolutions:
    """The result of a SELECT query, checked to be one."""
    assert isinstance(result, pyoxigraph.QuerySolutions)
    return result


def test_docstring_examples_run() -> None:
    assert doctest.testmod(kg.query).failed == 0


# --- Finding and describing queries -----------------------------------------------------------


def test_find_query_by_name(queries_dir: Path) -> None:
    assert find_query("defections") == queries_dir / "defections.rq"


def test_a_query_in_the_working_directorys_queries_folder_is_found_by_name(
        queries_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "project"
    (work / "queries").mkdir(parents=True)
    (work / "queries" / "mine.rq").write_text("# My own question\n# returns: x\nSELECT * {}\n")
    (work / "queries" / "names.rq").write_text("# Names, my way\n# returns: x\nSELECT * {}\n")
    monkeypatch.chdir(work)
    assert find_query("mine") == work / "queries" / "mine.rq"
    assert find_query("names") == work / "queries" / "names.rq"  # a local one comes first
    assert find_query("defections") == queries_dir / "defections.rq"
    listed = {info.name: info.title for info in kg.query.list_queries()}
    assert listed["mine"] == "My own question" and listed["names"] == "Names, my way"
    assert "defections" in listed


def test_find_query_by_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text(NAMES)
    assert find_query(str(path)) == path


def test_missing_query_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="^no query file '.*nowhere.rq'$"):
        find_query(str(tmp_path / "nowhere.rq"))


def test_unknown_query_name_suggests_a_close_one(queries_dir: Path) -> None:
    with pytest.raises(QueryError) as raised:
        find_query("defection")
    assert str(raised.value) == (
        "no query named 'defection'; did you mean 'defections'? (kg query --list shows all)"
    )
    with pytest.raises(QueryError) as raised:
        find_query("zzz")
    assert str(raised.value) == "no query named 'zzz' (kg query --list shows all)"


def test_list_queries_reads_the_headers(queries_dir: Path) -> None:
    listed = list_queries()
    assert [info.name for info in listed] == ["defections", "names", "statistics-by-source"]
    defections = listed[0]
    assert defections.path == queries_dir / "defections.rq"
    assert defections.title == "Who defected from which organisation, and when?"
    assert (
        defections.description
        == "One row per defection, newest first.\nColumns: person, org, date."
    )
    assert defections.params == (
        QueryParam("org", "iri", "only defections from this organisation"),
        QueryParam("since", "date", "only defections on or after this day"),
    )
    assert listed[1].title == "Names" and listed[1].description == "" and listed[1].params == ()
    assert listed[2].title == ""  # no header: the data-file tests of queries/ catch that


def test_query_info_of_any_file(tmp_path: Path) -> None:
    path = tmp_path / "custom.rq"
    path.write_text("\n# Custom\n#\n# param: $limit (integer)\nSELECT * {}\n")
    info = query_info(path)
    assert (info.name, info.title, info.description) == ("custom", "Custom", "")
    assert info.params == (QueryParam("limit", "integer", ""),)


# --- Parameters -------------------------------------------------------------------------------


def test_variables_ignore_strings_iris_and_comments() -> None:
    sparql = '# ?commented\nSELECT ?a $b { ?a <http://x.org/?q=1> "?quoted" ; ?p """?long\n""" }'
    assert query_variables(sparql) == {"a", "b", "p"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "<https://kg.example.org/id/alice>",
            pyoxigraph.NamedNode("https://kg.example.org/id/alice"),
        ),
        ("42", pyoxigraph.Literal("42", datatype=pyoxigraph.NamedNode(XSD + "integer"))),
        ("-3", pyoxigraph.Literal("-3", datatype=pyoxigraph.NamedNode(XSD + "integer"))),
        ("4.25", pyoxigraph.Literal("4.25", datatype=pyoxigraph.NamedNode(XSD + "decimal"))),
        (
            "2024-06-19",
            pyoxigraph.Literal("2024-06-19", datatype=pyoxigraph.NamedNode(XSD + "date")),
        ),
        ("2024-02-30", pyoxigraph.Literal("2024-02-30")),  # not a real day: stays text
        ("Acme Corp", pyoxigraph.Literal("Acme Corp")),
        ("kgr:alice", pyoxigraph.Literal("kgr:alice")),  # only a declared iri parameter expands
    ],
)
def test_bind_guesses_the_term_from_the_value(value: str, expected: pyoxigraph.Literal) -> None:
    assert bind("SELECT ?x {}", {"x": value}) == {"x": expected}


def test_bind_follows_declared_types() -> None:
    sparql = (
        "# param: who (iri)\n# param: code (string)\n# param: n (decimal)\nSELECT ?who ?code ?n {}"
    )
    bound = bind(sparql, {"who": "kgr:alice", "code": "2024", "?n": "3"})
    assert bound == {
        "who": pyoxigraph.NamedNode("https://kg.example.org/id/alice"),
        "code": pyoxigraph.Literal("2024"),
        "n": pyoxigraph.Literal("3", datatype=pyoxigraph.NamedNode(XSD + "decimal")),
    }


def test_bind_rejects_values_of_the_wrong_type() -> None:
    with pytest.raises(QueryError, match="^parameter 'since' must be of type date, got 'June'$"):
        bind("# param: since (date)\nSELECT ?since {}", {"since": "June"})
    with pytest.raises(QueryError, match="^parameter 'x': cannot read '<not an iri>'"):
        bind("SELECT ?x {}", {"x": "<not an iri>"})


def test_bind_rejects_unknown_parameters() -> None:
    with pytest.raises(QueryError) as raised:
        bind(DEFECTIONS, {"orgs": "<https://kg.example.org/id/acme>"})
    assert str(raised.value) == (
        "unknown parameter 'orgs': the query has no variable ?orgs; did you mean 'org'? "
        "(its variables: date, org, person, since)"
    )


def test_parameters_filter_the_results(store: Store) -> None:
    result = solutions(run_query(store, DEFECTIONS, {"org": "kgr:acme"}))
    assert [solution["person"].value for solution in result] == ["https://kg.example.org/id/alice"]
    result = solutions(run_query(store, DEFECTIONS, {"since": "2024-01-01"}))
    assert [solution["person"].value for solution in result] == ["https://kg.example.org/id/alice"]
    assert len(list(solutions(run_query(store, DEFECTIONS)))) == 2


def test_injection_attempt_is_just_a_string(store: Store) -> None:
    before = store.triples_count()
    attack = 'x" } ; DROP ALL ; #'
    result = solutions(
        run_query(store, "SELECT ?who ?name { ?who schema:name ?name }", {"name": attack})
    )
    assert [solution["who"].value for solution in result] == ["https://kg.example.org/id/acme"]
    assert store.triples_count() == before


def test_parameters_the_select_clause_leaves_out_are_bound_too(store: Store) -> None:
    """pyoxigraph substitutes only selected variables; the others become a VALUES block."""
    bob = {"who": "<https://kg.example.org/id/bob>"}
    result = solutions(run_query(store, "SELECT ?name { ?who schema:name ?name }", bob))
    assert [solution["name"].value for solution in result] == ["Bob\nKim"]
    assert result.variables == [pyoxigraph.Variable("name")]  # no extra column


def test_injection_attempt_is_just_a_string_in_a_values_block_too(store: Store) -> None:
    before = store.triples_count()
    attack = 'x" } ; DROP ALL ; #'
    sparql = "# {not the WHERE clause}\nSELECT ?who WHERE { ?who schema:name ?name }"
    result = solutions(run_query(store, sparql, {"name": attack}))
    assert [solution["who"].value for solution in result] == ["https://kg.example.org/id/acme"]
    assert store.triples_count() == before


PEOPLE = textwrap.dedent("""\
    <https://kg.example.org/id/kim-jong-un> <http://www.w3.org/2000/01/rdf-schema#label> "Kim Jong Un" .
    <https://kg.example.org/id/kim-jong-un> <http://www.w3.org/2004/02/skos/core#altLabel> "Kim" .
    <https://kg.example.org/id/kim-yo-jong> <http://www.w3.org/2000/01/rdf-schema#label> "Kim Yo Jong" .
    <https://kg.example.org/id/kim-yo-jong> <http://www.w3.org/2004/02/skos/core#altLabel> "Kim" .
    <https://kg.example.org/ontology#Kim> <http://www.w3.org/2000/01/rdf-schema#label> "Kim" .
""")  # noqa: E501
LABELS = ("# Labels\n# param: who (entity) this entity\n"
          "SELECT ?who ?label WHERE { ?who rdfs:label ?label } ORDER BY ?who")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("kIM", ["kim-jong-un", "kim-yo-jong"]),  # an alias two entities share: both
        ("kim jong un", ["kim-jong-un"]),
        ("kgr:kim-yo-jong", ["kim-yo-jong"]),  # an IRI is taken as it is
        ("<https://kg.example.org/id/kim-yo-jong>", ["kim-yo-jong"]),
        ("Nobody", []),  # no entity of that name: no rows, not every row
        ('x" } ; DROP ALL ; #', []),
    ],
)
def test_an_entity_parameter_takes_a_name_and_binds_the_iris(value: str, expected: list[str]) -> None:
    with open_store(":memory:") as opened:
        opened.replace_graphs({ARTICLE: PEOPLE})
        before = opened.triples_count()
        result = solutions(run_query(opened, LABELS, {"who": value}))
        found = [solution["who"].value.rsplit("/", 1)[-1] for solution in result]
        assert found == expected  # never the ontology's class of the same label
        assert opened.triples_count() == before


ACME = "https://kg.example.org/id/acme"
ALICE = "https://kg.example.org/id/alice"


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        ("SELECT (COUNT(*) AS ?n) WHERE { ?p kgo:defectedFrom ?org }", [["1"]]),
        ("SELECT ?org (COUNT(?p) AS ?n) { ?p kgo:defectedFrom ?org } GROUP BY ?org", [["1", ACME]]),
        ("SELECT * { ?p kgo:defectedFrom ?org }", [[ACME, ALICE]]),
        ("ASK { kgr:alice kgo:defectedFrom ?org }", True),
        (
            "CONSTRUCT { ?p kgo:left ?org } WHERE { ?p kgo:defectedFrom ?org }",
            [[ALICE, "https://kg.example.org/ontology#left", ACME]],
        ),
    ],
)
def test_parameters_in_every_query_form(store: Store, sparql: str, expected: object) -> None:
    result = run_query(store, sparql, {"org": f"<{ACME}>"})
    if isinstance(result, pyoxigraph.QueryBoolean):
        assert bool(result) == expected
    elif isinstance(result, pyoxigraph.QueryTriples):
        assert [[term.value for term in triple] for triple in result] == expected
    else:
        assert [sorted(term.value for term in solution) for solution in result] == expected


def test_invalid_query_error_has_line_and_column(store: Store) -> None:
    with pytest.raises(QueryError, match=r"^invalid SPARQL query at line 2, column \d+: "):
        run_query(store, "SELECT ?x\nWHERE { ?x <bad iri> ?y }")


# --- Result formats ---------------------------------------------------------------------------


def test_table_is_aligned_with_short_iris_and_plain_literals(store: Store) -> None:
    table = format_result(run_query(store, NAMES), "table")
    assert table == textwrap.dedent("""\
        who        name
        ---------  -------------------
        kgr:acme   x" } ; DROP ALL ; #
        kgr:alice  Alice Moreau
        kgr:bob    Bob Kim
        (3 rows)""")


def test_table_shows_unbound_as_empty_and_counts_one_row(store: Store) -> None:
    sparql = (
        "SELECT ?org ?size { ?p kgo:defectedFrom ?org "
        "OPTIONAL { ?org schema:numberOfEmployees ?size } } ORDER BY DESC(?size)"
    )
    table = format_result(run_query(store, sparql), "table")
    assert table.splitlines() == [
        "org                         size",
        "--------------------------  ----",
        "kgr:acme                    120",
        "<http://other.example/org>",
        "(2 rows)",
    ]
    one = format_result(
        run_query(store, "SELECT ?n { kgr:acme schema:numberOfEmployees ?n }"), "table"
    )
    assert one.splitlines()[-1] == "(1 row)"
    none = format_result(run_query(store, "SELECT ?n { kgr:nobody schema:name ?n }"), "table")
    assert none == "n\n-\n(0 rows)"


def test_csv_has_a_header_line(store: Store) -> None:
    output = format_result(run_query(store, NAMES), "csv")
    assert isinstance(output, bytes)
    rows = list(csv.reader(io.StringIO(output.decode())))
    assert rows[0] == ["who", "name"]
    assert rows[1] == ["https://kg.example.org/id/acme", 'x" } ; DROP ALL ; #']
    assert len(rows) == 4


def test_tsv_has_a_header_line_of_variables(store: Store) -> None:
    output = format_result(run_query(store, NAMES), "tsv")
    assert isinstance(output, bytes)
    lines = output.decode().splitlines()
    assert lines[0] == "?who\t?name"
    assert lines[1].startswith("<https://kg.example.org/id/acme>\t")


def test_json_follows_the_w3c_results_format(store: Store) -> None:
    output = format_result(run_query(store, NAMES), "json")
    assert isinstance(output, bytes)
    document = json.loads(output)
    assert document["head"] == {"vars": ["who", "name"]}
    bindings = document["results"]["bindings"]
    assert len(bindings) == 3
    assert bindings[1]["who"] == {"type": "uri", "value": "https://kg.example.org/id/alice"}


def test_xml_follows_the_w3c_results_format(store: Store) -> None:
    output = format_result(run_query(store, NAMES), "xml")
    assert isinstance(output, bytes)
    root = ElementTree.fromstring(output)
    namespace = "{http://www.w3.org/2005/sparql-results#}"
    assert [v.get("name") for v in root.iter(namespace + "variable")] == ["who", "name"]
    assert len(list(root.iter(namespace + "result"))) == 3


@pytest.mark.parametrize("fmt", RESULT_FORMATS)
def test_ask_answers_true_or_false_in_every_format(store: Store, fmt: str) -> None:
    yes = format_result(run_query(store, "ASK { kgr:alice kgo:defectedFrom kgr:acme }"), fmt)
    no = format_result(run_query(store, "ASK { kgr:bob kgo:defectedFrom kgr:acme }"), fmt)
    as_text = [answer if isinstance(answer, str) else answer.decode() for answer in (yes, no)]
    if fmt == "json":
        assert [json.loads(answer)["boolean"] for answer in as_text] == [True, False]
    elif fmt == "xml":
        namespace = "{http://www.w3.org/2005/sparql-results#}"
        answers = [ElementTree.fromstring(answer).find(namespace + "boolean") for answer in as_text]
        assert [answer.text if answer is not None else None for answer in answers] == [
            "true",
            "false",
        ]
    else:
        assert as_text == ["true", "false"]


CONSTRUCT = "CONSTRUCT { ?who schema:name ?name } WHERE { ?who schema:name ?name }"


def test_construct_table_is_turtle_with_prefixes(store: Store) -> None:
    turtle = format_result(run_query(store, CONSTRUCT), "table")
    assert isinstance(turtle, str)
    assert 'kgr:alice schema:name "Alice Moreau" .' in turtle
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == 3


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [("json", "json-ld"), ("xml", "xml"), ("nt", "nt"), ("turtle", "turtle")],
)
def test_construct_in_rdf_formats(store: Store, fmt: str, rdflib_format: str) -> None:
    output = format_result(run_query(store, CONSTRUCT), fmt)
    assert isinstance(output, bytes)
    assert len(rdflib.Graph().parse(data=output, format=rdflib_format)) == 3


def test_construct_is_not_a_table_of_values(store: Store) -> None:
    with pytest.raises(InputError, match="gives a graph, not a table"):
        format_result(run_query(store, CONSTRUCT), "csv")


def test_unknown_result_format_lists_the_choices(store: Store) -> None:
    with pytest.raises(InputError) as raised:
        format_result(run_query(store, NAMES), "tabel")
    assert str(raised.value) == (
        "unknown result format 'tabel'; did you mean 'table'? "
        "choose one of: table, csv, tsv, json, xml"
    )


def test_shorten_prefers_the_longest_namespace() -> None:
    prefixes = {"ex": "http://example.org/", "people": "http://example.org/people/"}
    assert shorten("http://example.org/people/ann", prefixes) == "people:ann"
    assert shorten("http://example.org/", prefixes) == "<http://example.org/>"
    assert shorten("http://elsewhere.org/x", prefixes) == "<http://elsewhere.org/x>"
