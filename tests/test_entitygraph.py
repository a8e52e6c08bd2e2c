"""The store layout: each triple once, an entity graph kept up to date as articles come and go.

Articles are invented. Each test builds a small store from a few of them and checks what the
union graph counts, what survives a removal or a rebuild, and how articles' readings are voted.
"""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph
import pytest

import kg
from kg.curation import review_rows
from kg.entitygraph import describe, split
from kg.rdf import ENTITY_GRAPH
from kg.stores import open_store

ARTICLES = {
    "a": ("Finance ministers meet in Lisbon",
          "Portuguese Finance Minister Marta Valente met her Spanish counterpart in Lisbon on "
          "Tuesday. Valente said Portugal and Spain would sign a water treaty next year."),
    "b": ("Drought talks continue",
          "Marta Valente, the finance minister of Portugal, travelled to Madrid on Friday. Spain "
          "and Portugal share several rivers, and the drought has cut river flows by 40 percent."),
    "c": ("Farmers protest in Porto",
          "About 3,000 farmers marched in Porto on Sunday to demand drought aid from Portugal's "
          "government, the Lusa news agency reported."),
}


def write(folder: Path, ids: list[str], *, texts: dict[str, str] | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article_id in ids:
        title, text = ARTICLES[article_id]
        text = (texts or {}).get(article_id, text)
        path = folder / f"{article_id}.txt"
        path.write_text(f"---\nid: {article_id}\ntitle: {title}\npublished: 2023-05-02\n---\n"
                        f"{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def quads(store: str) -> list[str]:
    with open_store(store, read_only=True) as opened:
        output = io.BytesIO()
        opened.dump(output, "nquads")
    return sorted(output.getvalue().decode().splitlines())


def count(store: str, pattern: str) -> int:
    (row,) = kg.open(store).rows(text=f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(row["n"])


def entity_graph(store: str) -> list[str]:
    return [line for line in quads(store) if f"<{ENTITY_GRAPH}> ." in line]


def test_each_triple_is_stored_once(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    kg.open(store).build(write(tmp_path / "in", ["a", "b", "c"]))
    lines = quads(store)
    triples = [line.rsplit(" ", 2)[0] for line in lines]
    assert len(triples) == len(set(triples)), "a triple is held by two graphs"
    # A COUNT over the union graph is a count of distinct facts.
    with open_store(store, read_only=True) as opened:
        result = opened.query("SELECT DISTINCT ?s WHERE { ?s a schema:Country }")
        countries = len(list(result))
    assert count(store, "?s a schema:Country") == countries >= 2
    assert count(store, "?s ?p ?o") == len(lines)


def test_removing_an_article_keeps_what_others_still_support(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    kg.open(store).build(write(tmp_path / "in", ["a", "b"]))
    valente = "kgr:marta-valente"
    both = entity_graph(store)
    assert count(store, f"{valente} a kgo:Person") == 1
    kg.open(store).remove(["a"])
    assert count(store, f"{valente} a kgo:Person") == 1, "b still names her"
    assert count(store, f"{valente} rdfs:label ?l") == 1
    only_b = entity_graph(store)
    assert set(only_b) <= set(both) and only_b != both
    kg.open(store).remove(["b"])
    assert entity_graph(store) == []
    assert count(store, f"{valente} ?p ?o") == 0


def test_rebuilding_an_article_drops_what_only_its_old_text_said(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    kg.open(store).build(write(tmp_path / "in", ["a", "c"]))
    assert count(store, "kgr:marta-valente ?p ?o") > 0
    changed = {"a": "Spanish Finance Minister Jorge Ibarra met reporters in Madrid on Tuesday."}
    kg.open(store).build(write(tmp_path / "in2", ["a"], texts=changed))
    assert count(store, "kgr:marta-valente ?p ?o") == 0
    assert count(store, "kgr:jorge-ibarra a kgo:Person") == 1


def test_the_entity_graph_does_not_depend_on_build_order(tmp_path: Path) -> None:
    first, second = str(tmp_path / "one"), str(tmp_path / "two")
    paths = write(tmp_path / "in", ["a", "b", "c"])
    kg.open(first).build(paths)
    for path in reversed(paths):
        kg.open(second).build([path])
    assert entity_graph(first) == entity_graph(second)


def test_a_fresh_build_equals_an_incremental_one(tmp_path: Path) -> None:
    whole, pieces = str(tmp_path / "whole"), str(tmp_path / "pieces")
    paths = write(tmp_path / "in", ["a", "b", "c"])
    kg.open(whole).build(paths)
    kg.open(pieces).build(paths, batch_size=1)
    kg.open(pieces).build(paths[:1])  # rebuilding an unchanged article changes nothing
    assert entity_graph(whole) == entity_graph(pieces)


def _facts(article_id: str, text: str) -> object:
    from kg.articles import read_articles
    from kg.extract import extract
    from kg.nlp import parse_pairs
    from kg.resolve import resolve

    folder = Path(text)
    article = next(iter(read_articles([folder / f"{article_id}.txt"])))
    doc, _ = next(iter(parse_pairs([(article.text, article)], None)))
    return resolve(extract(article, doc))


def test_the_class_most_articles_read_wins_and_the_loser_stays_visible(tmp_path: Path) -> None:
    """Three articles read an entity as a person, one as an organisation: it is a person."""
    from dataclasses import replace

    from kg.rdf import article_ntriples

    folder = tmp_path / "in"
    write(folder, ["a", "b", "c"])
    facts = _facts("a", str(folder))
    parts = []
    for number, reading in enumerate(["Person", "Person", "Person", "Organization"]):
        entities = tuple(replace(e, type=reading) if e.key == "marta-valente" else e
                         for e in facts.entities)  # type: ignore[attr-defined]
        article = replace(facts.article, id=f"copy-{number}")  # type: ignore[attr-defined]
        parts.append(split(article_ntriples(replace(facts, article=article, entities=entities)),
                           article.id))
    store = str(tmp_path / "store")
    with open_store(store, create=True) as opened:
        opened.replace_graphs({p.graph: p.ntriples for p in parts},
                              descriptions={str(ENTITY_GRAPH): describe(opened, parts)})
        rows = {row["fact"]: row for row in review_rows(opened)}
    assert count(store, "kgr:marta-valente a ?c FILTER(STRSTARTS(STR(?c), STR(kgo:)))") == 1
    assert count(store, "kgr:marta-valente a kgo:Person") == 1
    row = rows["entity:marta-valente"]
    assert row["type"] == "Person"
    assert "Organization" in row["object"] and "1 of 4" in row["object"]


def test_a_label_that_loses_the_vote_becomes_an_alias(tmp_path: Path) -> None:
    from dataclasses import replace

    from kg.rdf import article_ntriples

    folder = tmp_path / "in"
    write(folder, ["a"])
    facts = _facts("a", str(folder))
    parts = []
    for number, label in enumerate(["Marta Valente", "Marta Valente", "M. Valente"]):
        entities = tuple(replace(e, label=label) if e.key == "marta-valente" else e
                         for e in facts.entities)  # type: ignore[attr-defined]
        article = replace(facts.article, id=f"copy-{number}")  # type: ignore[attr-defined]
        parts.append(split(article_ntriples(replace(facts, article=article, entities=entities)),
                           article.id))
    with open_store(":memory:") as opened:
        descriptions = describe(opened, parts)
    text = descriptions["https://kg.example.org/id/marta-valente"]
    triples = list(pyoxigraph.parse(text, pyoxigraph.RdfFormat.N_TRIPLES))
    labels = [t.object.value for t in triples if t.predicate.value.endswith("#label")]
    aliases = {t.object.value for t in triples if t.predicate.value.endswith("altLabel")}
    assert labels == ["Marta Valente"] and "M. Valente" in aliases


def test_every_entity_triple_of_an_article_is_backed_by_a_reading_or_an_assertion(
    seed_store: str,
) -> None:
    """Nothing in the entity graph lacks support in some article graph."""
    missing = kg.open(seed_store).rows(text="""
        SELECT ?s ?p ?o WHERE {
          GRAPH <https://kg.example.org/entities> { ?s ?p ?o }
          FILTER(!STRSTARTS(STR(?o), "https://schema.org/"))
          FILTER NOT EXISTS { ?a a kgo:Assertion ; rdf:subject ?s ; rdf:predicate ?p ;
                                 rdf:object ?o }
          FILTER NOT EXISTS { ?r kgo:reads ?s . ?r ?rp ?o . }
        }""")
    assert missing == []


@pytest.mark.parametrize("pattern", ["?s a ?c", "?s rdfs:label ?l", "?m kgo:denotes ?e",
                                     "?s ?p ?o"])
def test_counts_equal_a_deduplicated_copy(seed_store: str, pattern: str) -> None:
    copy = pyoxigraph.Store()
    for line in quads(seed_store):
        quad = next(iter(pyoxigraph.parse(line, pyoxigraph.RdfFormat.N_QUADS)))
        copy.add(pyoxigraph.Quad(quad.subject, quad.predicate, quad.object,
                                 pyoxigraph.DefaultGraph()))
    from kg.vocab import PREFIXES

    expected = next(copy.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}",
                               prefixes=dict(PREFIXES)))["n"].value
    assert count(seed_store, pattern) == int(expected)


def test_a_store_in_the_older_layout_is_refused_not_mixed(tmp_path: Path) -> None:
    from kg.errors import StoreError

    store = str(tmp_path / "store")
    older = ('<https://kg.example.org/id/portugal> '
             '<http://www.w3.org/2000/01/rdf-schema#label> "Portugal" .\n')
    with open_store(store, create=True) as opened:
        opened.replace_graphs({"https://kg.example.org/graph/old": older})
    before = quads(store)
    with pytest.raises(StoreError, match="older kg"):
        kg.open(store).build(write(tmp_path / "in", ["c"]))
    assert quads(store) == before


def test_relations_pointing_at_an_entity_vote_for_the_class_they_need(tmp_path: Path) -> None:
    """Two articles read a person as a company; two say she is someone's parent."""
    from dataclasses import replace

    from kg.model import Relation
    from kg.rdf import article_ntriples

    folder = tmp_path / "in"
    write(folder, ["a"])
    facts = _facts("a", str(folder))
    other = next(e for e in facts.entities  # type: ignore[attr-defined]
                 if e.key != "marta-valente")  # the vote counts; validation is not asked here
    evidence = facts.relations[0].evidence if facts.relations else None  # type: ignore[attr-defined]
    assert evidence is not None
    parts = []
    for number, reading in enumerate(["Person", "Company", "Company"]):
        entities = tuple(replace(e, type=reading) if e.key == "marta-valente" else e
                         for e in facts.entities)  # type: ignore[attr-defined]
        # Only the readings and the pointing relations vote: none of her own titles or links.
        relations = tuple(r for r in facts.relations  # type: ignore[attr-defined]
                          if "marta-valente" not in (r.subject, r.object))
        if number < 2:  # two articles say she is someone's parent: two votes for a person
            relations = (*relations, Relation(other.key, "parent", "marta-valente", evidence))
        article = replace(facts.article, id=f"copy-{number}")  # type: ignore[attr-defined]
        parts.append(split(article_ntriples(replace(facts, article=article, entities=entities,
                                            relations=relations, attributes=())), article.id))
    with open_store(":memory:") as opened:
        text = describe(opened, parts)["https://kg.example.org/id/marta-valente"]
    assert "<https://kg.example.org/ontology#Person>" in text


def test_a_class_that_would_break_a_stated_relation_loses_however_many_read_it(
    tmp_path: Path,
) -> None:
    """Three articles read a place as a city; one says someone is a citizen of it, so reads it
    as a country: a city would break that article's nationality, so it is a country."""
    from dataclasses import replace

    from kg.model import Relation
    from kg.rdf import article_ntriples

    folder = tmp_path / "in"
    write(folder, ["a"])
    facts = _facts("a", str(folder))
    keys = {e.key for e in facts.entities}  # type: ignore[attr-defined]
    assert {"marta-valente", "lisbon"} <= keys
    evidence = facts.relations[0].evidence  # type: ignore[attr-defined]
    parts = []
    for number, reading in enumerate(["City", "City", "City", "Country"]):
        entities = tuple(replace(e, type=reading) if e.key == "lisbon" else e
                         for e in facts.entities)  # type: ignore[attr-defined]
        relations = tuple(r for r in facts.relations  # type: ignore[attr-defined]
                          if "lisbon" not in (r.subject, r.object))
        if reading == "Country":
            relations = (*relations, Relation("marta-valente", "nationality", "lisbon", evidence))
        article = replace(facts.article, id=f"copy-{number}")  # type: ignore[attr-defined]
        parts.append(split(article_ntriples(replace(facts, article=article, entities=entities,
                                            relations=relations)), article.id))
    with open_store(":memory:") as opened:
        text = describe(opened, parts)["https://kg.example.org/id/lisbon"]
    assert "<https://kg.example.org/ontology#Country>" in text
    assert "<https://kg.example.org/ontology#City>" not in text


def test_an_interrupted_build_keeps_its_finished_batches_and_says_so(tmp_path: Path) -> None:
    """Ctrl-C during a build: the finished batches stay whole, the build record lists them (so
    kg validate checks them), and one line says how far it got."""
    from kg.errors import BuildInterrupted

    folder = tmp_path / "in"
    write(folder, ["a", "b", "c"])
    facts = [_facts(article_id, str(folder)) for article_id in ("a", "b", "c")]

    def interrupted() -> object:
        yield from facts[:2]
        raise KeyboardInterrupt

    store = str(tmp_path / "store")
    with pytest.raises(BuildInterrupted, match=r"interrupted: 2 of 3 articles stored") as caught:
        kg.open(store).store_facts(interrupted(), batch_size=2, total=3)
    assert caught.value.exit_code == 130
    with open_store(store, read_only=True) as opened:
        graphs = opened.graphs()
    assert "https://kg.example.org/graph/a" in graphs and "https://kg.example.org/graph/b" in graphs
    assert kg.open(store)._last_build() == ["https://kg.example.org/graph/a",
                                      "https://kg.example.org/graph/b"]
    assert kg.open(store).validate().conforms


def test_a_build_that_rewrites_an_article_subtracts_its_older_version(tmp_path: Path) -> None:
    """The support counts carried from batch to batch forget what an article's older version
    said when a later batch of the same build rewrites it."""
    old, new = tmp_path / "old", tmp_path / "new"
    write(old, ["a", "b"])
    write(new, ["a"], texts={"a": "Spanish Finance Minister Jorge Ibarra met reporters in "
                                  "Madrid on Tuesday."})
    rewritten, reference = str(tmp_path / "rewritten"), str(tmp_path / "reference")
    kg.open(rewritten).store_facts([_facts("a", str(old)), _facts("b", str(old)), _facts("a", str(new))],
                    batch_size=1)
    kg.open(reference).store_facts([_facts("b", str(old)), _facts("a", str(new))])
    assert count(rewritten, "kgr:lisbon ?p ?o") == 0
    assert entity_graph(rewritten) == entity_graph(reference)


NAMESAKES = {  # the model reads one invented name as a person here and as a place there
    "person": "Mr Talvera said he would appeal the ruling on Monday.",
    "place": "Thousands of refugees fled to Talvera last year.",
}


@pytest.mark.parametrize("order", [["person", "place"], ["place", "person"]])
def test_a_name_read_as_a_person_and_as_a_place_is_two_entities_and_the_store_conforms(
    tmp_path: Path, order: list[str],
) -> None:
    """One IRI for both would be voted one class, and the other article's event would point
    at a person for its destination: the store would not conform though each build did."""
    from click.testing import CliRunner

    from kg.cli import main

    store = str(tmp_path / "store")
    for article_id in order:  # one build each: the second sees the first in the store
        path = tmp_path / f"{article_id}.txt"
        path.write_text(f"---\nid: {article_id}\npublished: 2023-05-02\n---\n"
                        f"{NAMESAKES[article_id]}\n", encoding="utf-8")
        kg.open(store).build([path])
    result = CliRunner().invoke(main, ["validate", "--store", store, "--all"])
    assert result.exit_code == 0, result.stdout
    rows = kg.open(store).rows("entities-by-type")
    talvera = {row["type"]: row["iri"] for row in rows if row["entity"] == "Talvera"}
    assert talvera == {"Person": "https://kg.example.org/id/talvera",
                       "Place": "https://kg.example.org/id/talvera~place"}
    destination = kg.open(store).rows(text="""SELECT ?place WHERE {
        ?event a kgo:Migration ; kgo:destination ?place . ?place a kgo:Place }""")
    assert [row["place"] for row in destination] == ["https://kg.example.org/id/talvera~place"]


def test_an_article_as_written_is_laid_out_as_its_parse_is(tmp_path: Path) -> None:
    """split(..., as_written=True) reads only the lines about entities of kg's own text and
    keeps the others as written: the same triples in the article graph, the same shared ones,
    as when every line is parsed (a line with a tab, an article with an escaped character in
    its text, the entity lines with their provenance)."""
    from dataclasses import replace

    from kg.rdf import article_ntriples

    folder = tmp_path / "in"
    write(folder, ["a", "b"], texts={"b": ARTICLES["b"][1] + " A \"quoted\"\tword\\ ends it."})
    for article_id in ("a", "b"):
        facts = _facts(article_id, str(folder))
        text = article_ntriples(replace(facts, article=replace(facts.article)))
        parsed, written = split(text, article_id), split(text, article_id, as_written=True)
        assert written.shared == parsed.shared and written.graph == parsed.graph

        def triples(ntriples: str) -> list[pyoxigraph.Triple]:
            return sorted((q.triple for q in pyoxigraph.parse(
                ntriples, pyoxigraph.RdfFormat.N_TRIPLES)), key=str)

        assert triples(written.ntriples) == triples(parsed.ntriples)
        assert written.ntriples.endswith(" .\n") and "\n\n" not in written.ntriples
        assert any(line.startswith("<https://kg.example.org/id/")
                   for line in written.ntriples.splitlines())  # an entity's provenance stays
