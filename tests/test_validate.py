"""SHACL validation: the shapes as data cases, the seed article, rendering and quarantine.

Shape cases live in tests/shapes/: each file is merged with tests/shapes/article.ttl (a small
article that conforms on its own) and then validated.
  valid/*.ttl    must conform with no result at all;
  invalid/*.ttl  must produce a Violation matching the "# expect: <fragment>" first line;
  warning/*.ttl  must conform but produce a Warning matching its "# expect:" line.
A fragment matches a result's message or its shape IRI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import OWL, RDF, RDFS, SH, Graph, Literal, URIRef

from kg.errors import InputError, ShapeError
from kg.quarantine import quarantine
from kg.rdf import KGO, to_graph
from kg.resources import resource_path
from kg.validate import SHAPES, ValidationReport, load_shapes, result_messages, result_nodes, validate
from kg.validation_report import render

CASES = Path(__file__).parent / "shapes"
SEED = Path(__file__).parents[1] / "data" / "articles" / "kim-jong-un-defections.txt"
KGR = "https://kg.example.org/id/"
CASE_ARTICLE = "https://kg.example.org/article/case#"


def _case_graph(*paths: Path) -> Graph:
    graph = Graph().parse(CASES / "article.ttl")
    for path in paths:
        graph.parse(path)
    return graph


def _expected(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect:"), f"{path.name}: first line must be '# expect: ...'"
    return first.removeprefix("# expect:").strip()


def _cases() -> list[Any]:
    return [pytest.param(kind, path, id=f"{kind}/{path.stem}")
            for kind in ("valid", "invalid", "warning")
            for path in sorted((CASES / kind).glob("*.ttl"))]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(resource_path("ontology", "kg.ttl"))


def test_every_folder_has_cases() -> None:
    kinds = {param.values[0] for param in _cases()}
    assert kinds == {"valid", "invalid", "warning"}
    assert len(_cases()) >= 25


@pytest.mark.parametrize(("kind", "path"), _cases())
def test_shape_case(kind: str, path: Path) -> None:
    report = validate(_case_graph(path))
    shown = render(report)
    if kind == "valid":
        assert report.conforms and not report.results, shown
        return
    expected = _expected(path)
    severity = "Violation" if kind == "invalid" else "Warning"
    assert report.conforms is (kind == "warning"), shown
    assert any(expected in result.message or expected in (result.shape or "")
               for result in report.results if result.severity == severity), \
        f"no {severity} matching {expected!r}:\n{shown}"


def test_the_shared_case_article_conforms_on_its_own() -> None:
    report = validate(_case_graph())
    assert report.conforms and not report.results, render(report)


# --- the shapes file --------------------------------------------------------------------------

def _targets(shapes: Graph, shape: URIRef) -> set[URIRef]:
    return set(shapes.objects(shape, SH.targetClass))  # type: ignore[arg-type]


def _subclasses(ontology: Graph, parent: URIRef) -> set[URIRef]:
    found = {parent}
    for child in ontology.subjects(RDFS.subClassOf, parent):
        found |= _subclasses(ontology, child)  # type: ignore[arg-type]
    return found


def test_event_and_organisation_subclasses_are_all_targeted(shapes: Graph,
                                                            ontology: Graph) -> None:
    """Without inference, a class the shapes do not name is not validated: keep the lists whole."""
    events = _subclasses(ontology, KGO.Event)
    organisations = _subclasses(ontology, KGO.Organization)
    places = _subclasses(ontology, KGO.Place)
    assert len(events) == 30 and len(organisations) == 13
    assert _targets(shapes, SHAPES.EventShape) == events
    assert _targets(shapes, SHAPES.OrganizationShape) == organisations
    assert _targets(shapes, SHAPES.PlaceShape) == places
    assert _targets(shapes, SHAPES.EntityShape) == organisations | places | {KGO.Person}
    expected_values = {
        SHAPES.PlaceValue: places,
        SHAPES.OrganizationValue: organisations,
        SHAPES.AgentValue: organisations | {KGO.Person},
        SHAPES.EntityValue: organisations | places | {KGO.Person},
    }
    # The value shapes name a superclass (sh:class follows the class tree validation mixes in):
    # one node of every class of the ontology, probed against each value shape, passes exactly
    # when its class is one the value shape stands for.
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(KGO))}
    data = Graph()
    for cls in classes:
        data.add((URIRef(f"{KGR}probe-{cls.split('#')[-1]}"), RDF.type, cls))
    for value_shape, accepted in expected_values.items():
        probe = Graph()
        probe += shapes
        probe.add((SHAPES.Probe, RDF.type, SH.NodeShape))
        for node in data.subjects(RDF.type, None):
            probe.add((SHAPES.Probe, SH.targetNode, node))
        probe.add((SHAPES.Probe, SH.node, value_shape))
        report = validate(data, shapes=probe)
        failing = {r.focus for r in report.results if r.shape == str(SHAPES.Probe)}
        assert failing == {f"{KGR}probe-{c.split('#')[-1]}" for c in classes - accepted}, value_shape


def test_every_class_the_data_uses_has_a_shape(shapes: Graph) -> None:
    targeted = set(shapes.objects(None, SH.targetClass))
    used = {KGO.Article, KGO.Sentence, KGO.Mention, KGO.Person, KGO.Country, KGO.City,
            KGO.Place, KGO.Organization, KGO.Event, KGO.Statistic, KGO.Comparison,
            KGO.Assertion}
    assert used <= targeted


def test_every_shape_is_named_commented_and_has_a_message(shapes: Graph) -> None:
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    property_shapes = set(shapes.subjects(RDF.type, SH.PropertyShape)) | \
        set(shapes.objects(None, SH.property))
    assert len(node_shapes) >= 14 and len(property_shapes) >= 60
    for shape in node_shapes | property_shapes:
        assert shapes.value(shape, SH.name) is not None, f"{shape} has no sh:name"
        assert shapes.value(shape, SH.message) is not None, f"{shape} has no sh:message"
        if isinstance(shape, URIRef):
            assert shapes.value(shape, RDFS.comment) is not None, f"{shape} has no rdfs:comment"
    constraints = set(shapes.objects(None, SH.sparql))
    assert len(constraints) >= 8
    for constraint in constraints:
        assert shapes.value(constraint, SH.message) is not None, f"{constraint} has no message"
        assert shapes.value(constraint, SH.select) is not None


# --- the seed article -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    from kg.articles import read_articles
    from kg.extract import extract
    from kg.nlp import parse
    from kg.resolve import resolve

    article = next(read_articles([str(SEED)]))
    return to_graph(resolve(extract(article, parse(article.text))))


@pytest.mark.slow
def test_the_seed_article_conforms(seed_graph: Graph) -> None:
    report = validate(seed_graph)
    assert report.conforms, render(report)
    assert not report.violations()


@pytest.mark.slow
def test_quarantining_a_conforming_graph_moves_nothing(seed_graph: Graph) -> None:
    report = validate(seed_graph)
    clean, quarantined = quarantine(seed_graph, report)
    assert len(quarantined) == 0
    assert set(clean) == set(seed_graph)


# --- rendering --------------------------------------------------------------------------------

def test_text_names_the_node_the_property_and_the_sentence() -> None:
    report = validate(_case_graph(CASES / "invalid" / "nationality-is-a-person.ttl"))
    text = render(report)
    assert text.splitlines()[0] == (
        "✗ Ann Lee (kgr:ann-lee) — nationality: nationality must point to a state (kgo:Country)")
    assert text.splitlines()[1] == (
        "   sentence: “Ann Lee, a North Korean diplomat, defected from North Korea to Seoul, "
        "South Korea, in July 2023.”")
    assert text.splitlines()[-1] == "1 violation, 0 warnings on 1 node"


def test_text_of_a_conforming_graph_is_one_line() -> None:
    assert render(validate(_case_graph())) == "Conforms: 0 violations\n"


def test_text_shows_the_statistic_arithmetic() -> None:
    report = validate(_case_graph(CASES / "invalid" / "percent-share-inconsistent.ttl"))
    text = render(report, "text")
    assert "1.22 percent of 10985.0 is 134.017, but the part count is 200" in text
    assert "— part count:" in text
    assert text.splitlines()[-1] == "1 violation, 1 warning on 1 node"


def test_json_is_the_same_report() -> None:
    report = validate(_case_graph(CASES / "invalid" / "origin-is-a-person.ttl"))
    document = json.loads(render(report, "json"))
    assert document["conforms"] is False
    assert document["violations"] == len(report.violations()) == 1
    [result] = document["results"]
    assert result == {
        "focus": CASE_ARTICLE + "event-1",
        "focus_label": "Defection: Ann Lee",
        "path": str(KGO.origin),
        "path_label": "origin",
        "value": KGR + "ann-lee",
        "message": "an event's origin must be a place "
                   "(kgo:Place, kgo:Country, kgo:City or kgo:AdministrativeRegion)",
        "severity": "Violation",
        "shape": str(SHAPES.EventShape),
        "sentence": "Ann Lee, a North Korean diplomat, defected from North Korea to Seoul, "
                    "South Korea, in July 2023.",
    }


def test_turtle_is_the_report_graph() -> None:
    report = validate(_case_graph(CASES / "invalid" / "origin-is-a-person.ttl"))
    parsed = Graph().parse(data=render(report, "turtle"), format="turtle")
    assert len(parsed) == len(report.report_graph)
    assert (None, SH.conforms, Literal(False)) in parsed
    assert (None, SH.resultPath, KGO.origin) in parsed


def test_inverse_paths_are_named_as_such() -> None:
    report = validate(_case_graph(CASES / "invalid" / "entity-without-mention.ttl"))
    [result] = report.violations()
    assert result.path == "^" + str(KGO.denotes)
    assert result.path_label == "denotes (inverse)"


def test_unknown_format_is_an_input_error_with_a_hint() -> None:
    report = validate(_case_graph())
    with pytest.raises(InputError, match=r"unknown report format 'jsn'.*did you mean 'json'"):
        render(report, "jsn")


# --- loading shapes ---------------------------------------------------------------------------

def test_missing_shapes_file_is_a_shape_error(tmp_path: Path) -> None:
    with pytest.raises(ShapeError, match="shapes file not found"):
        load_shapes(tmp_path / "nowhere.ttl")


def test_broken_shapes_file_names_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "shapes.ttl"
    broken.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
                      "@prefix kgs: <https://kg.example.org/shapes#> .\n"
                      "kgs:Broken a sh:NodeShape ;\n"
                      "    sh:targetClass kgo:Person .\n", encoding="utf-8")
    with pytest.raises(ShapeError, match=rf"^{broken}, line 4, column \d+: cannot parse"):
        load_shapes(broken)


def test_a_file_without_shapes_is_a_shape_error(tmp_path: Path) -> None:
    empty = tmp_path / "shapes.ttl"
    empty.write_text("@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\n", encoding="utf-8")
    with pytest.raises(ShapeError, match="no SHACL shapes found"):
        load_shapes(empty)


def test_unusable_shapes_are_a_shape_error(tmp_path: Path) -> None:
    bad = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kgs: <https://kg.example.org/shapes#> .
        @prefix kgo: <https://kg.example.org/ontology#> .
        kgs:Bad a sh:NodeShape ; sh:targetClass kgo:Person ;
            sh:property [ sh:path kgo:nationality ; sh:minCount "one" ] .
    """, format="turtle")
    with pytest.raises(ShapeError, match="cannot be used"):
        validate(_case_graph(), shapes=bad)


# --- quarantine -------------------------------------------------------------------------------

def _quarantined_statements(quarantined: Graph) -> set[tuple]:
    return {(quarantined.value(node, RDF.subject), quarantined.value(node, RDF.predicate),
             quarantined.value(node, RDF.object))
            for node in quarantined.subjects(RDF.type, KGO.QuarantinedStatement)}


@pytest.mark.parametrize("path", sorted((CASES / "invalid").glob("*.ttl")), ids=lambda p: p.stem)
def test_quarantine_leaves_a_conforming_graph_and_loses_nothing(path: Path) -> None:
    data = _case_graph(path)
    before = set(data)
    clean, quarantined = quarantine(data, validate(data))
    assert validate(clean).conforms
    moved = _quarantined_statements(quarantined)
    assert moved, "a violation must quarantine something"
    assert set(clean) | moved == before  # every removed triple is recorded
    assert not set(clean) & moved
    assert set(data) == before  # the input graph is untouched


@pytest.mark.parametrize("path", sorted((CASES / "invalid").glob("*.ttl"))[:6], ids=lambda p: p.stem)
def test_quarantine_in_place_makes_the_input_the_clean_graph(path: Path) -> None:
    """What a build does (it has no further use for the article's graph): the same clean and
    quarantined statements as a quarantine that copies, with the input itself as the clean graph."""
    copied, quarantined_copy = quarantine(_case_graph(path), validate(_case_graph(path)))
    data = _case_graph(path)
    clean, quarantined = quarantine(data, validate(data), in_place=True)
    assert clean is data
    assert set(clean) == set(copied)
    assert _quarantined_statements(quarantined) == _quarantined_statements(quarantined_copy)


@pytest.mark.parametrize("path", sorted((CASES / "invalid").glob("*.ttl")), ids=lambda p: p.stem)
def test_quarantine_asking_the_verdict_first_quarantines_the_same(path: Path) -> None:
    """What a build does: the clean graph's verdict (on its N-Triples, the Rust engine) asked
    before a re-validation's report; the same clean and quarantined statements as without it,
    and the verdict is asked at least once."""
    from kg.validate import conforms

    pytest.importorskip("pyshacl_turbo")
    reference = _case_graph(path)
    plain_clean, plain_quarantined = quarantine(reference, validate(reference, engine="turbo"))
    asked: list[bool] = []

    def verdict(graph: Graph) -> bool:
        asked.append(conforms(graph.serialize(format="nt"), engine="turbo"))
        return asked[-1]

    data = _case_graph(path)
    clean, quarantined = quarantine(data, validate(data, engine="turbo"), in_place=True,
                                    conforms=verdict)
    assert asked
    assert set(clean) == set(plain_clean)
    assert _quarantined_statements(quarantined) == _quarantined_statements(plain_quarantined)


def test_quarantine_moves_a_relation_with_its_assertion_and_keeps_the_reason() -> None:
    data = _case_graph(CASES / "valid" / "nationality-and-job-title.ttl")
    ann, ministry = URIRef(KGR + "ann-lee"), URIRef(KGR + "ministry-of-unification")
    relation = URIRef(CASE_ARTICLE + "relation-1")
    data.remove((ann, KGO.nationality, None))
    data.add((ann, KGO.nationality, ministry))  # an organisation is not a state
    data.set((relation, RDF.object, ministry))
    report = validate(data)
    assert [r.path_label for r in report.violations()] == ["nationality"]

    clean, quarantined = quarantine(data, report)

    assert (ann, KGO.nationality, ministry) not in clean
    assert (relation, None, None) not in clean  # its Assertion went with it
    assert (ann, KGO.jobTitle, Literal("diplomat")) in clean  # unrelated facts stay
    rows = list(quarantined.query("""
        PREFIX kgo: <https://kg.example.org/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?object ?reason ?shape WHERE {
            ?statement a kgo:QuarantinedStatement ;
                rdf:subject <https://kg.example.org/id/ann-lee> ;
                rdf:predicate kgo:nationality ;
                rdf:object ?object ;
                kgo:reason ?reason ;
                kgo:violatedShape ?shape .
        }"""))
    assert [(row.object, str(row.reason), row.shape) for row in rows] == [  # type: ignore[union-attr]
        (ministry, "nationality must point to a state (kgo:Country)", SHAPES.PersonShape)]
    assertion_reasons = {str(reason) for node in quarantined.subjects(RDF.subject, relation)
                         for reason in quarantined.objects(node, KGO.reason)}
    assert assertion_reasons == {
        "reifies a quarantined statement: nationality must point to a state (kgo:Country)"}
    assert validate(clean).conforms


@pytest.mark.parametrize("engine", ["pyshacl", "turbo"])
def test_a_quarantine_gives_the_reason_the_report_shows(engine: str) -> None:
    """A result with two messages (the node shape's "is not a well-formed entity" and its
    constraint's) gives its quarantined statement the constraint's, as the report does, whatever
    order the report graph holds them in (it changes from process to process)."""
    data = _case_graph(CASES / "valid" / "nationality-and-job-title.ttl")
    ministry = URIRef(KGR + "ministry-of-unification")
    data.add((ministry, KGO.jobTitle, Literal("diplomat")))  # only a person has a job title
    report = validate(data, engine=engine)
    [node] = list(result_nodes(report.report_graph))
    messages = {str(m) for m in report.report_graph.objects(node, SH.resultMessage)}
    assert "is not a well-formed entity" in messages and len(messages) == 2
    [shown] = [r.message for r in report.violations()]
    assert shown.startswith("only a ") and "can have this property (its rdfs:domain)" in shown
    assert result_messages(report.report_graph, node, report.shapes)[0] == shown

    _, quarantined = quarantine(data, report)

    assert {str(reason) for reason in quarantined.objects(None, KGO.reason)} == {shown}


def test_quarantined_values_keep_their_datatype() -> None:
    data = _case_graph(CASES / "invalid" / "statistic-value-as-string.ttl")
    _, quarantined = quarantine(data, validate(data))
    statistic = URIRef(CASE_ARTICLE + "statistic-2")
    assert (statistic, KGO.value, Literal("134")) in _quarantined_statements(quarantined)


def test_quarantine_follows_up_what_a_removal_breaks() -> None:
    """An entity with no mention goes; the event that names it as agent then loses that role."""
    data = _case_graph(CASES / "invalid" / "entity-without-mention.ttl",
                       CASES / "valid" / "defection-with-roles-and-time.ttl")
    embassy = URIRef(KGR + "embassy-in-cuba")
    event = URIRef(CASE_ARTICLE + "event-1")
    data.add((event, KGO.participant, embassy))
    clean, quarantined = quarantine(data, validate(data))
    assert (embassy, None, None) not in clean
    assert (event, KGO.participant, embassy) in _quarantined_statements(quarantined)
    assert (event, KGO.agent, URIRef(KGR + "ann-lee")) in clean
    assert validate(clean).conforms


def test_report_helpers() -> None:
    report = validate(_case_graph(CASES / "invalid" / "percent-share-inconsistent.ttl"))
    assert isinstance(report, ValidationReport)
    assert [r.severity for r in report.violations()] == ["Violation"]
    assert [r.severity for r in report.warnings()] == ["Warning"]
    assert report.results == report.violations() + report.warnings()
