"""The whole store conforms: statements that articles make against each other are voted on.

Each article conforms alone, but the entity graph is the union of what they say: "A is B's
father" in one article and "B is A's father" in another would give two people who are each
other's parent and child, which the person shape forbids (``sh:disjoint``). The statement more
articles make stays; the other is quarantined in its article graph as a
``kgo:OutvotedAssertion`` with its sentence and the reason, and every write re-decides. The
articles are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.curation import review_rows
from kg.stores import open_store

SENTENCES = {  # the father first, then his child
    "a": "Martin Okafor is the father of Daniel Okafor, the company said on Tuesday.",
    "b": "Daniel Okafor is the father of Martin Okafor, the company said on Wednesday.",
    "c": "Daniel Okafor is the father of Martin Okafor, a spokeswoman said on Thursday.",
}
MARTIN, DANIEL = "https://kg.example.org/id/martin-okafor", "https://kg.example.org/id/daniel-okafor"
A_SAYS = {(DANIEL, "parent", MARTIN), (MARTIN, "child", DANIEL)}
B_SAYS = {(MARTIN, "parent", DANIEL), (DANIEL, "child", MARTIN)}


def article(folder: Path, article_id: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{article_id}.txt"
    path.write_text(f"---\nid: {article_id}\npublished: 2023-05-02\n---\n{SENTENCES[article_id]}\n",
                    encoding="utf-8")
    return path


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout


def kinship(store: str) -> set[tuple[str, str, str]]:
    """The kinship the entity graph holds."""
    rows = kg.open(store).rows(text="""SELECT ?s ?p ?o WHERE {
        GRAPH <https://kg.example.org/entities> { ?s ?p ?o }
        FILTER(?p IN (kgo:parent, kgo:child)) }""")
    return {(row["s"], row["p"].rsplit("#", 1)[-1], row["o"]) for row in rows}


def quarantined(store: str) -> set[tuple[str, str, str, str]]:
    """(article, subject, predicate, object) of each quarantined statement, from the saved query."""
    return {(row["article"], row["subject"], row["predicate"], row["object"])
            for row in kg.open(store).rows("quarantined")}


def conforms(store: str) -> None:
    code, output = cli("validate", "--store", store, "--all")
    assert code == 0, output
    assert "Conforms" in output


def test_opposite_kinship_in_two_articles_leaves_a_conforming_store_and_the_loser_quarantined(
    tmp_path: Path,
) -> None:
    store = str(tmp_path / "store")
    kg.open(store).build([article(tmp_path / "in", "a"), article(tmp_path / "in", "b")])
    conforms(store)
    # A tie: the article whose id sorts first keeps its reading.
    assert kinship(store) == A_SAYS
    assert quarantined(store) == {("b", "Martin Okafor", "parent", "Daniel Okafor"),
                                  ("b", "Daniel Okafor", "child", "Martin Okafor")}
    rows = kg.open(store).rows("quarantined")
    assert all(row["reason"].startswith("outvoted by ") for row in rows)
    assert {row["shape"] for row in rows} == {"https://kg.example.org/shapes#PersonShape"}
    # The outvoted assertion keeps its sentence, and the review file shows it with the reason.
    with open_store(store, read_only=True) as opened:
        review = {row["fact"]: row for row in review_rows(opened)}
    outvoted = review["relation:martin-okafor|parent|daniel-okafor"]
    assert outvoted["article"] == "b" and outvoted["sentence"] == SENTENCES["b"]
    assert "outvoted by 'martin-okafor child daniel-okafor'" in outvoted["object"]
    assert "outvoted" not in review["relation:daniel-okafor|parent|martin-okafor"]["object"]


def test_the_vote_turns_when_a_third_article_sides_with_the_loser_and_again_on_removal(
    tmp_path: Path,
) -> None:
    store = str(tmp_path / "store")
    folder = tmp_path / "in"
    kg.open(store).build([article(folder, "a"), article(folder, "b")])
    code, output = cli("build", "--store", store, str(article(folder, "c")))
    assert code == 0, output
    assert "2 assertions outvoted by statements more articles make, 2 brought back" in output
    conforms(store)
    assert kinship(store) == B_SAYS
    assert {row[0] for row in quarantined(store)} == {"a"}, "a's statements are outvoted now"

    code, output = cli("remove", "--store", store, "c")
    assert code == 0, output
    conforms(store)
    assert kinship(store) == A_SAYS
    assert {row[0] for row in quarantined(store)} == {"b"}

    code, output = cli("remove", "--store", store, "a")
    assert code == 0, output
    conforms(store)
    assert kinship(store) == B_SAYS, "nothing contradicts b any more: its statements come back"
    assert quarantined(store) == set()
    code, output = cli("query", "--store", store, "family-relations", "--format", "csv")
    assert code == 0 and "Daniel Okafor" in output

    kg.open(store).remove(["b"])
    assert kinship(store) == set()


@pytest.mark.parametrize("order", [["a", "b"], ["b", "a"]])
def test_the_decision_does_not_depend_on_the_build_order(tmp_path: Path, order: list[str]) -> None:
    store = str(tmp_path / "store")
    for article_id in order:  # one build each: the second finds the first in the store
        kg.open(store).build([article(tmp_path / "in", article_id)])
    conforms(store)
    assert kinship(store) == A_SAYS
    assert {row[0] for row in quarantined(store)} == {"b"}


def test_rebuilding_the_winner_with_other_words_brings_the_loser_back(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    kg.open(store).build([article(tmp_path / "in", "a"), article(tmp_path / "in", "b")])
    changed = tmp_path / "changed" / "a.txt"
    changed.parent.mkdir()
    changed.write_text("---\nid: a\npublished: 2023-05-02\n---\nMartin Okafor met reporters in "
                       "Lagos on Tuesday.\n", encoding="utf-8")
    kg.open(store).build([changed])
    conforms(store)
    assert kinship(store) == B_SAYS
    assert quarantined(store) == set()


def test_a_sparql_server_holds_the_same_votes(oxigraph: str, tmp_path: Path) -> None:
    from oxigraph_server import OxigraphServer

    running = OxigraphServer(oxigraph, tmp_path / "data", union_default_graph=True)
    try:
        folder = tmp_path / "in"
        kg.open(running.url).build([article(folder, "a"), article(folder, "b")])
        assert kinship(running.url) == A_SAYS
        kg.open(running.url).build([article(folder, "c")])
        assert kinship(running.url) == B_SAYS
        assert {row[0] for row in quarantined(running.url)} == {"a"}
        kg.open(running.url).remove(["c"])
        assert kinship(running.url) == A_SAYS
        assert {row[0] for row in quarantined(running.url)} == {"b"}
        conforms(running.url)
    finally:
        running.stop()
