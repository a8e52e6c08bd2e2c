"""The verdict's numeric comparisons checked on the text (kg.shape_ranges): the verdict must be
the one the whole verdict shapes give, and pySHACL's, on every text, whichever way it goes."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph

from kg.shape_ranges import Comparison, Comparisons, split_comparisons

pytest.importorskip("pyshacl_turbo", reason="pyshacl-turbo is a declared dependency")

CASES = Path(__file__).parent / "shapes"
KGO = "https://kg.example.org/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def _article() -> str:
    """The shape cases' article with an event (its confidence 0.75) and a figure."""
    graph = Graph().parse(CASES / "article.ttl")
    graph.parse(CASES / "valid" / "defection-with-roles-and-time.ttl")
    return graph.serialize(format="nt")


def _full_verdict(ntriples: str) -> bool:
    import kg.validate

    compiled = kg.validate._compiled_shapes(kg.validate.verdict_shapes())
    return kg.validate._verdict(compiled, ntriples + kg.validate._class_tree_ntriples())


def test_the_numeric_comparisons_of_the_shipped_shapes_are_taken_out() -> None:
    from rdflib import SH, URIRef

    from kg.validate import verdict_shapes

    shapes = verdict_shapes()
    ranged, comparisons = split_comparisons(shapes)
    assert set(comparisons.comparisons) == {
        Comparison(KGO + "beginIndex", ">=", bound=Decimal(0)),
        Comparison(KGO + "beginIndex", "<", other=KGO + "endIndex"),
        Comparison(KGO + "endIndex", ">=", bound=Decimal(0)),
        Comparison(KGO + "sentenceIndex", ">=", bound=Decimal(0)),
        Comparison(KGO + "confidence", ">=", bound=Decimal("0.0")),
        Comparison(KGO + "confidence", "<=", bound=Decimal("1.0")),
        Comparison(KGO + "baseValue", ">", bound=Decimal(0)),
    }
    for constraint in (SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.lessThan):
        assert (None, constraint, None) in shapes
        assert (None, constraint, None) not in ranged
    # a date's comparison stays with the engine
    assert (None, SH.lessThanOrEquals, URIRef(KGO + "endDate")) in ranged
    assert len(shapes) - len(ranged) == len(comparisons.comparisons)


def _swap(text: str, prop: str, old: str, new: str, count: int = 1) -> str:
    """The text with the first ``count`` values ``old`` of ``prop`` written as ``new``."""
    pattern = re.compile(rf"(<{re.escape(KGO + prop)}> ){re.escape(old)}( \.)")
    changed, made = pattern.subn(lambda m: m.group(1) + new + m.group(2), text, count=count)
    assert made, f"no {prop} {old} in the text"
    return changed


def _int(value: str) -> str:
    return f'"{value}"^^<{XSD}integer>'


def _dec(value: str) -> str:
    return f'"{value}"^^<{XSD}decimal>'


MUTATIONS = {
    "as written": lambda t: t,
    "begin index negative": lambda t: _swap(t, "beginIndex", _int("48"), _int("-1")),
    "begin index at the end": lambda t: _swap(t, "beginIndex", _int("48"), _int("59")),
    "begin index after the end": lambda t: _swap(t, "beginIndex", _int("48"), _int("60")),
    "begin index just before the end": lambda t: _swap(t, "beginIndex", _int("48"), _int("58")),
    "end index negative": lambda t: _swap(t, "endIndex", _int("7"), _int("-7")),
    "sentence index negative": lambda t: _swap(t, "sentenceIndex", _int("1"), _int("-1")),
    "sentence index zero written signed": lambda t: _swap(t, "sentenceIndex", _int("0"), _int("-0")),
    "begin index written with a plus": lambda t: _swap(t, "beginIndex", _int("48"), _int("+48")),
    "begin index a decimal": lambda t: _swap(t, "beginIndex", _int("48"), _dec("48.0")),
    "begin index a string": lambda t: _swap(t, "beginIndex", _int("48"), '"48"'),
    "begin index not a number": lambda t: _swap(t, "beginIndex", _int("48"), _int("forty")),
    "begin index an IRI": lambda t: _swap(t, "beginIndex", _int("48"), f"<{KGO}x>"),
    "begin index too large": lambda t: _swap(t, "beginIndex", _int("48"),
                                             _int("1" + "0" * 30)),
    "end index too large": lambda t: _swap(t, "endIndex", _int("59"), _int("9" * 25)),
    "confidence above one": lambda t: _swap(t, "confidence", _dec("0.75"), _dec("1.5")),
    "confidence one": lambda t: _swap(t, "confidence", _dec("0.75"), _dec("1.0")),
    "confidence just above one": lambda t: _swap(t, "confidence", _dec("0.75"),
                                                 _dec("1.000000001")),
    "confidence below zero": lambda t: _swap(t, "confidence", _dec("0.75"), _dec("-0.1")),
    "confidence an integer": lambda t: _swap(t, "confidence", _dec("0.75"), _int("1")),
    "confidence a double": lambda t: _swap(t, "confidence", _dec("0.75"), f'"0.5"^^<{XSD}double>'),
    "two begin indexes, one after the end": lambda t: t.replace(
        f"<{KGO}beginIndex> {_int('48')} .",
        f"<{KGO}beginIndex> {_int('48')} .\n" + t.split(f"<{KGO}beginIndex> {_int('48')} .")[0]
        .rsplit("\n", 1)[-1] + f"<{KGO}beginIndex> {_int('70')} .", 1),
    "a begin index with a tab": lambda t: re.sub(
        rf"(\S+) (<{re.escape(KGO)}beginIndex>) ({re.escape(_int('48'))}) \.",
        lambda m: f"{m.group(1)}\t{m.group(2)} {_int('-4')} .", t, count=1),
    "a begin index in an escaped IRI": lambda t: re.sub(
        rf"(\S+) <{re.escape(KGO)}beginIndex> {re.escape(_int('48'))} \.",
        lambda m: m.group(1) + " <" + KGO + "begin\\u0049ndex> " + _int("-4") + " .", t,
        count=1),
    "a begin index on a blank node": lambda t: t + f"_:b <{KGO}beginIndex> {_int('-3')} .\n",
    "two triples on a line": lambda t: re.sub(
        rf"(\S+ <{re.escape(KGO)}beginIndex> {re.escape(_int('48'))} \.)\n",
        lambda m: m.group(1) + " " + m.group(1).replace(_int("48"), _int("-2")) + "\n", t,
        count=1),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_the_verdict_is_the_whole_shapes_verdict(name: str) -> None:
    """Each mutation of the shape cases' article (a value broken, or written so the text check
    cannot read it): the verdict is the one the whole verdict shapes give, and pySHACL's."""
    from kg.rdf import graph_of
    from kg.validate import conforms, validate

    text = MUTATIONS[name](_article())
    expected = _outcome(_full_verdict, text)
    assert _outcome(lambda t: conforms(t, engine="turbo"), text) == expected
    if name in ENGINES_DIFFER:
        return
    try:
        reference = validate(graph_of(text), engine="pyshacl").conforms
    except Exception:  # noqa: BLE001 - rdflib reads some mutations otherwise or not at all
        return
    assert reference is expected


ENGINES_DIFFER = {"end index too large", "begin index too large", "two triples on a line"}
"""pySHACL reads an integer beyond 64 bits and two triples on a line; the Rust engine does not
(conforms must give what the Rust engine gives with the whole shapes, its verdict or its
error)."""


def _outcome(verdict: Callable[[str], bool], text: str) -> bool | str:
    """The verdict, or the kind of error the engine raised on the text."""
    try:
        return verdict(text)
    except Exception as error:  # noqa: BLE001 - a text the engine cannot parse
        return type(error).__name__


def test_the_check_reads_what_kg_writes_and_refuses_what_it_cannot_read() -> None:
    from kg.validate import _ranged_verdict_shapes

    _, comparisons = _ranged_verdict_shapes()
    text = _article()
    assert comparisons.hold(text)
    refused = ["begin index negative", "begin index at the end", "end index negative",
               "sentence index negative", "begin index a string", "begin index too large",
               "confidence above one", "confidence below zero", "confidence a double",
               "begin index written with a plus", "a begin index with a tab",
               "a begin index in an escaped IRI", "a begin index on a blank node",
               "two triples on a line",
               "two begin indexes, one after the end"]
    for name in refused:
        assert not comparisons.hold(MUTATIONS[name](text)), name
    for name in ("begin index just before the end", "confidence one", "confidence an integer"):
        assert comparisons.hold(MUTATIONS[name](text)), name


def test_no_comparison_leaves_every_text_to_the_engine() -> None:
    assert Comparisons(()).hold("anything at all")
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property
            [ sh:path ex:when ; sh:datatype xsd:date ; sh:lessThan ex:until ] ,
            [ sh:path ( ex:a ex:b ) ; sh:minInclusive 0 ] ,
            [ sh:path ex:size ; sh:minInclusive "small" ] ,
            [ sh:path ex:off ; sh:deactivated true ; sh:minInclusive 0 ] .
        """, format="turtle")
    kept, comparisons = split_comparisons(shapes)
    assert not comparisons.comparisons
    assert len(kept) == len(shapes)
