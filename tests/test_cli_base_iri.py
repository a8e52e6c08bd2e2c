"""The base IRI is a setting (``kg --base-iri`` or ``$KG_BASE_IRI``): what a build mints uses it,
the store records it, and the store refuses a kg that runs with another. Run as a user runs kg,
in processes of their own (the base is read once, when kg starts)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

BASE = "https://news.example.net/kg/"
ARTICLE = ("---\nid: ferry\npublished: 2024-05-02\n---\nThe Portuguese ferry operator Transtejo "
           "cancelled 40 crossings in Lisbon on Monday, the union said.\n")


def kg(kg_command: str, *args: str, base: str | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_COLOR": "1"}
    environment.pop("KG_BASE_IRI", None)
    if base is not None:
        environment["KG_BASE_IRI"] = base
    return subprocess.run([kg_command, *args], capture_output=True, text=True, env=environment,
                          timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, kg_command: str) -> str:
    """A store built with ``--base-iri``."""
    folder = tmp_path_factory.mktemp("base")
    (folder / "ferry.md").write_text(ARTICLE, encoding="utf-8")
    store = str(folder / "store")
    result = kg(kg_command, "--base-iri", BASE, "build", str(folder / "ferry.md"), "--store", store)
    assert result.returncode == 0, result.stderr
    return store


def test_what_a_build_mints_is_under_the_base(built: str, kg_command: str) -> None:
    exported = kg(kg_command, "export", "--store", built, "--format", "nquads", base=BASE)
    assert exported.returncode == 0, exported.stderr
    assert f"<{BASE}id/" in exported.stdout and f"<{BASE}graph/ferry>" in exported.stdout
    assert "kg.example.org/id/" not in exported.stdout
    assert "kg.example.org/graph/" not in exported.stdout
    assert "<https://kg.example.org/ontology#" in exported.stdout  # the ontology's own terms


def test_saved_queries_find_the_entities_of_that_base(built: str, kg_command: str) -> None:
    answer = kg(kg_command, "query", "entities-by-type", "--store", built, "--format", "csv",
                base=BASE)
    assert answer.returncode == 0, answer.stderr
    assert "Lisbon" in answer.stdout and BASE + "id/" in answer.stdout


@pytest.mark.parametrize("command", [["stats"], ["query", "defections"]])
def test_a_kg_with_another_base_is_refused_in_one_line(built: str, kg_command: str,
                                                       command: list[str]) -> None:
    refused = kg(kg_command, *command, "--store", built)
    assert refused.returncode == 2
    assert refused.stderr == (
        f"kg: error: the store at '{built}' was built with base IRI {BASE}, not "
        f"https://kg.example.org/: pass --base-iri {BASE} (or set $KG_BASE_IRI), or build into "
        "a new store\n")


def test_a_build_with_another_base_leaves_the_store_as_it_was(built: str, kg_command: str,
                                                               tmp_path: Path) -> None:
    other = tmp_path / "other.md"
    other.write_text(ARTICLE.replace("id: ferry", "id: other"), encoding="utf-8")
    before = kg(kg_command, "stats", "--store", built, "--format", "json", base=BASE).stdout
    refused = kg(kg_command, "--base-iri", "https://elsewhere.example/", "build", str(other),
                 "--store", built)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "was built with base IRI https://news.example.net/kg/, not https://elsewhere.example/" \
        in refused.stderr
    assert kg(kg_command, "stats", "--store", built, "--format", "json", base=BASE).stdout == before


@pytest.mark.parametrize(("base", "problem"), [
    ("news.example.net", "is not an http:// or https:// IRI"),
    ("https://news.example.net/kg", "must end in '/'"),
])
def test_a_malformed_base_is_one_line(kg_command: str, tmp_path: Path, base: str,
                                      problem: str) -> None:
    flag = kg(kg_command, "--base-iri", base, "stats", "--store", str(tmp_path / "none"))
    assert flag.returncode == 2 and flag.stderr.count("\n") == 1 and problem in flag.stderr
    from_environment = kg(kg_command, "stats", "--store", str(tmp_path / "none"), base=base)
    assert from_environment.returncode == 2 and from_environment.stderr.count("\n") == 1
    assert problem in from_environment.stderr


def test_kg_serve_pages_use_the_store_s_base(built: str, kg_command: str) -> None:
    import json
    import urllib.request

    from processes import stop

    refused = kg(kg_command, "serve", "--store", built, "--port", "0")
    assert refused.returncode == 2 and "was built with base IRI" in refused.stderr
    environment = {**os.environ, "KG_BASE_IRI": BASE}
    process = subprocess.Popen([kg_command, "serve", "--store", built, "--port", "0", "--quiet"],
                               stderr=subprocess.PIPE, text=True, env=environment)
    try:
        assert process.stderr is not None
        url = process.stderr.readline().split()[2]  # "kg serve: http://127.0.0.1:PORT/ (...)"
        with urllib.request.urlopen(url + "api/queries") as response:
            assert json.load(response)["prefixes"]["kgr"] == BASE + "id/"
        with urllib.request.urlopen(url + "id/lisbon?format=json") as response:
            assert json.load(response)["label"] == "Lisbon"
    finally:
        stop(process)


def test_the_python_api_refuses_too(built: str) -> None:
    from kg import InputError, KnowledgeGraph

    graph = KnowledgeGraph(built)  # this process runs with the default base
    with pytest.raises(InputError, match=f"was built with base IRI {BASE}, not https://kg"):
        graph.stats()
    with pytest.raises(InputError, match="was built with base IRI"):
        graph.rows("defections")
