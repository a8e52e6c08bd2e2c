"""pyshacl-turbo may stand in for pySHACL only where it reports the same thing on our shapes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.validate import conforms, validate

CASES = Path(__file__).parent / "shapes"
ARTICLES = Path(__file__).parents[1] / "data" / "gold" / "articles"

pytest.importorskip("pyshacl_turbo", reason="pyshacl-turbo is a declared dependency")

# Known differences, each checked to still exist: pyshacl-turbo evaluates SUBSTR with a negative
# length (reversed offsets) differently, so a Warning pySHACL adds on top of the Violation that
# both report is missing. Violations, which quarantine acts on, must always agree.
ALLOWED_WARNING_DIFFERENCES = {"invalid/offsets-reversed"}


def _summary(graph: Graph, engine: str) -> tuple[bool, set[tuple[str, str | None, str | None,
                                                                  str]]]:
    report = validate(graph, engine=engine)
    return report.conforms, {(r.focus, r.path, r.shape, r.severity) for r in report.results}


def _case(path: Path) -> Graph:
    graph = Graph().parse(CASES / "article.ttl")
    return graph.parse(path)


@pytest.mark.parametrize("path", sorted(CASES.glob("*/*.ttl")), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_same_results_on_every_shape_case(path: Path) -> None:
    graph = _case(path)
    fast, reference = _summary(graph, "turbo"), _summary(graph, "pyshacl")
    # What a build asks of each article: the verdict on its N-Triples text, without rdflib.
    assert conforms(graph.serialize(format="nt"), engine="turbo") == reference[0]
    violations = [(c, {r for r in rs if r[3] == "Violation"}) for c, rs in (fast, reference)]
    assert violations[0] == violations[1]
    if f"{path.parent.name}/{path.stem}" in ALLOWED_WARNING_DIFFERENCES:
        assert fast != reference, "the known difference is gone: shrink the allowed list"
    else:
        assert fast == reference


@pytest.mark.parametrize("path", sorted(CASES.glob("*/*.ttl")), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_engine_reads_the_graph_and_class_tree_as_it_read_their_copy(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Rust engine's report reads the data graph and the class tree term by term (a
    pyshacl-turbo version it was checked against) as it read the two copied into one graph
    (any other version): the same results, messages and values, on every shape case."""
    import kg.validate

    graph = _case(path)
    assert kg.validate._engine_input(graph, Graph()) is not None  # the path under test
    read = validate(graph, engine="turbo")
    monkeypatch.setattr(kg.validate, "_turbo_version", lambda: "9.9.9")
    assert kg.validate._engine_input(graph, Graph()) is None
    copied = validate(graph, engine="turbo")
    assert (read.conforms, read.results) == (copied.conforms, copied.results)
    assert len(read.report_graph) == len(copied.report_graph)


DATA = Path(__file__).parents[1] / "data"
GOLD_ARTICLES = sorted([*(DATA / "gold" / "articles").glob("*.md"),
                        *(DATA / "gold-heldout" / "articles").glob("*.md"),
                        *(DATA / "articles").glob("*.txt")])


@pytest.mark.slow
@pytest.mark.parametrize("path", GOLD_ARTICLES, ids=lambda p: p.stem)
def test_same_results_on_built_articles(path: Path) -> None:
    """Every gold article and the seed: the Rust engine, with its shapes compiled once and only
    the ontology's class tree mixed in, reports what pySHACL reports with the whole ontology."""
    from kg.articles import read_articles
    from kg.extract import extract
    from kg.nlp import parse
    from kg.rdf import article_ntriples, graph_of
    from kg.resolve import resolve

    article = next(read_articles([path]))
    ntriples = article_ntriples(resolve(extract(article, parse(article.text))))
    graph = graph_of(ntriples)
    reference = _summary(graph, "pyshacl")
    assert _summary(graph, "turbo") == reference
    assert conforms(ntriples, engine="turbo") == reference[0]


def test_the_shapes_are_compiled_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import pyshacl_turbo

    import kg.validate

    calls = []
    compile_shapes = pyshacl_turbo.compile_shapes
    monkeypatch.setattr(pyshacl_turbo, "compile_shapes",
                        lambda *a, **k: calls.append(1) or compile_shapes(*a, **k))
    monkeypatch.setattr(kg.validate, "_COMPILED", {})
    graph = _case(sorted(CASES.glob("valid/*.ttl"))[0])
    for _ in range(3):
        assert validate(graph, engine="turbo").conforms
    assert len(calls) == 1


_SMALL_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property ex:nameRequired , ex:nameShort ;
    sh:property [ sh:path ex:colour ; sh:severity sh:Warning ; sh:maxCount 1 ] ;
    sh:property [ sh:path ex:part ; sh:node ex:PartShape ] .
ex:nameRequired a sh:PropertyShape ; sh:path ex:name ; sh:minCount 1 .
ex:nameShort a sh:PropertyShape ; sh:path ex:name ; sh:severity sh:Warning ; sh:maxLength 5 .
ex:PartShape a sh:NodeShape ; sh:property ex:partLabel .
ex:partLabel a sh:PropertyShape ; sh:path ex:label ; sh:severity sh:Warning ; sh:minCount 1 .
ex:loose a sh:PropertyShape ; sh:targetSubjectsOf ex:size ; sh:path ex:size ;
    sh:severity sh:Info ; sh:datatype <http://www.w3.org/2001/XMLSchema#integer> .
"""


def test_the_verdict_shapes_leave_out_only_what_reports_warnings() -> None:
    """A Warning or Info shape a node shape holds with sh:property, or that targets nodes of its
    own, is dropped; the Violations stay, and so does a Warning shape that decides whether a
    value conforms to another shape (sh:node: any result at all counts there)."""
    from rdflib import SH, URIRef

    from kg.validate import without_warnings

    ex = "http://example.org/"
    shapes = Graph().parse(data=_SMALL_SHAPES, format="turtle")
    kept = without_warnings(shapes)
    held = set(kept.objects(URIRef(ex + "ThingShape"), SH.property))
    assert URIRef(ex + "nameRequired") in held
    assert URIRef(ex + "nameShort") not in held
    assert len(held) == 2  # the colour's Warning went, the part's sh:node stayed
    assert (URIRef(ex + "PartShape"), SH.property, URIRef(ex + "partLabel")) in kept
    assert (URIRef(ex + "loose"), SH.targetSubjectsOf, None) not in kept
    assert len(shapes) > len(kept)


@pytest.mark.parametrize("data, expected", [
    ("ex:a a ex:Thing ; ex:name 'a very long name' ; ex:colour 'red', 'blue' ; ex:size 'big' .",
     True),  # only Warnings and an Info
    ("ex:a a ex:Thing ; ex:colour 'red' .", False),  # no name: a Violation
    ("ex:a a ex:Thing ; ex:name 'a' ; ex:part ex:p .", False),  # the part has no label
])
def test_the_verdict_shapes_give_the_verdicts_of_the_shapes(data: str, expected: bool) -> None:
    from kg.validate import without_warnings

    shapes = Graph().parse(data=_SMALL_SHAPES, format="turtle")
    graph = Graph().parse(data="@prefix ex: <http://example.org/> .\n" + data, format="turtle")
    for engine in ("pyshacl", "turbo"):
        assert validate(graph, shapes=shapes, engine=engine).conforms is expected
        assert validate(graph, shapes=without_warnings(shapes), engine=engine).conforms is expected


def test_the_build_checks_the_verdict_shapes_and_they_spare_the_anchor_check() -> None:
    from rdflib import SH

    from kg.validate import SHAPES, shipped_shapes, verdict_shapes

    anchor = SHAPES.anchorMatchesArticleText
    assert (SHAPES.MentionShape, SH.property, anchor) in shipped_shapes()
    assert (None, SH.property, anchor) not in verdict_shapes()
    assert (SHAPES.MentionShape, SH.property, SHAPES.inArticleProperty) in verdict_shapes()


def test_a_build_reads_the_verdict_shapes_before_it_forks() -> None:
    import kg.validate

    kg.validate.verdict_shapes.cache_clear()
    kg.validate.load_verdict_shapes("pyshacl")  # pySHACL's verdict reads the whole shapes
    assert kg.validate.verdict_shapes.cache_info().currsize == 0
    kg.validate.load_verdict_shapes("turbo")
    assert kg.validate.verdict_shapes.cache_info().currsize == 1


@pytest.mark.parametrize("data, expected", [
    ("<http://example.org/a> a <http://example.org/Thing> ; <http://example.org/name> 'a' .", True),
    ("<http://example.org/a> a <http://example.org/Thing> .", False),  # no name: a Violation
])
def test_the_native_verdict_call_agrees_with_the_public_api(monkeypatch: pytest.MonkeyPatch, data: str,
                                                            expected: bool) -> None:
    """The build's verdict calls pyshacl-turbo's private native function on the versions it was
    checked against; on any other version it takes the public API. Both must agree."""
    import kg.validate

    ntriples = Graph().parse(data=data, format="turtle").serialize(format="nt")
    compiled = kg.validate._compiled_shapes(Graph().parse(data=_SMALL_SHAPES, format="turtle"))
    assert kg.validate._verdict(compiled, ntriples) is expected
    monkeypatch.setattr(kg.validate, "_turbo_version", lambda: "9.9.9")
    assert kg.validate._verdict(compiled, ntriples) is expected


def test_the_shapes_read_no_more_of_the_class_tree_than_the_verdict_is_given() -> None:
    """:func:`kg.validate.conforms` gives the Rust engine only the subclass and domain lines
    of the class tree: no shape may read the others (ranges, subproperties)."""
    from rdflib import RDFS

    import kg.validate
    from kg.resources import resource_path

    text = resource_path("ontology", "shapes.ttl").read_text(encoding="utf-8")
    for unread in ("subPropertyOf", "rdfs:range", str(RDFS.range)):
        assert unread not in text
    assert set(kg.validate._VERDICT_HIERARCHY) == {RDFS.subClassOf, RDFS.domain}
    lines = kg.validate._class_tree_ntriples().splitlines()
    assert lines and all(f"<{RDFS.subClassOf}>" in line or f"<{RDFS.domain}>" in line
                         for line in lines)
