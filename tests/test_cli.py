"""The CLI contract: commands, exit codes, one-line errors, and nothing lost on bad input."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_build_reports_each_article(seed_article: Path, fresh_store: str) -> None:
    code, out, err = run("build", str(seed_article), "--store", fresh_store)
    assert code == 0, err
    assert out.startswith("built kim-jong-un-defections: ")
    assert "statistics" in out


def test_rebuilding_replaces_the_article_graph(seed_article: Path, fresh_store: str) -> None:
    run("build", str(seed_article), "--store", fresh_store)
    first = json.loads(run("stats", "--store", fresh_store, "--format", "json")[1])
    code, out, _ = run("build", str(seed_article), "--store", fresh_store)
    assert (code, out) == (0, "1 article unchanged since it was stored: skipped (--force "
                              "rebuilds them)\n")
    run("build", str(seed_article), "--store", fresh_store, "--force")
    second = json.loads(run("stats", "--store", fresh_store, "--format", "json")[1])
    assert first == second
    assert second["articles"] == 1


def test_validate_conforms_on_the_seed(seed_store: str) -> None:
    code, out, _ = run("validate", "--store", seed_store)
    assert code == 0
    assert "Conforms" in out


def test_validate_json_report(seed_store: str) -> None:
    code, out, _ = run("validate", "--store", seed_store, "--format", "json")
    assert code == 0
    assert json.loads(out)["conforms"] is True


def test_validate_exits_1_on_violations(seed_store: str, tmp_path: Path) -> None:
    strict = tmp_path / "strict.ttl"
    strict.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix kgo: <https://kg.example.org/ontology#> .\n"
        "<urn:x:PersonNeedsBirthDate> a sh:NodeShape ; sh:targetClass kgo:Person ;\n"
        "  sh:property [ sh:path kgo:birthDate ; sh:minCount 1 ;\n"
        "                sh:message \"a person needs a birth date\" ] .\n",
        encoding="utf-8",
    )
    code, out, err = run("validate", "--store", seed_store, "--shapes", str(strict))
    assert code == 1
    assert err == "kg: error: the graph does not conform: 5 violations, 0 warnings on 5 nodes\n"
    assert len(err.splitlines()) == 1
    assert "a person needs a birth date" in out
    assert "Vladimir Putin" in out


def test_query_by_name_and_formats(seed_store: str) -> None:
    code, out, _ = run("query", "defections", "--store", seed_store, "--format", "json")
    assert code == 0
    rows = json.loads(out)["results"]["bindings"]
    assert any(row.get("defector", {}).get("value") == "Ri Il Kyu" for row in rows)
    code, out, _ = run("query", "defections", "--store", seed_store, "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("defector,")
    code, out, _ = run("query", "defections", "--store", seed_store, "--format", "xml")
    assert code == 0 and "<sparql" in out


def test_query_text_with_parameter(seed_store: str) -> None:
    text = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            "SELECT ?e ?label WHERE { ?e rdfs:label ?label } ORDER BY ?e")
    code, out, _ = run("query", "--query", text, "--param", "label=Vladimir Putin",
                       "--store", seed_store, "--format", "csv")
    assert code == 0, out
    assert out.strip().splitlines()[1:] == [
        "https://kg.example.org/id/vladimir-putin,Vladimir Putin"
    ]


@pytest.mark.parametrize("fmt", ["turtle", "nt", "nquads", "trig", "jsonld", "xml"])
def test_export_loads_in_rdflib(seed_store: str, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    code, _, err = run("export", "--store", seed_store, "--format", fmt, "-o", str(target))
    assert code == 0, err
    rdflib_format = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig",
                     "jsonld": "json-ld", "xml": "xml"}[fmt]
    if fmt in ("nquads", "trig"):
        from rdflib import Dataset

        data = Dataset()
        data.parse(target, format=rdflib_format)
        assert len(data) > 500
    else:
        graph = Graph().parse(target, format=rdflib_format)
        assert len(graph) > 500
        schema_person = "https://schema.org/Person"
        assert any(str(o) == schema_person for o in graph.objects())


def test_stats_table(seed_store: str) -> None:
    code, out, _ = run("stats", "--store", seed_store)
    assert code == 0
    assert "articles:    1" in out and "Person" in out and "Defection" in out
    # The total says where the triples are: kg build counts an article's own graph only.
    triples = next(line for line in out.splitlines() if line.startswith("triples:"))
    assert "in the article graphs" in triples and "in the ontology graph" in triples
    total, parts = triples.split(None, 1)[1].split(" (")
    assert int(total.replace(",", "")) == sum(
        int(part.split()[0].replace(",", "")) for part in parts.rstrip(")").split(", "))


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "no article text"),
        ("binary.txt", b"\x00\x01\x02abc", "binary"),
        ("latin1.txt", "Caf\u00e9 in Paris.".encode("latin-1"), "not UTF-8"),
        ("broken.md", b"---\ntitle: [oops\n---\nText in Lima.\n", "front matter line"),
        ("corpus.jsonl", b'{"id": "a", "text": "Rain in Oslo."}\n{oops\n', "line 2"),
        ("notes.docx", b"PK\x03\x04", "unknown"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_keeps_the_store(
    tmp_path: Path, seed_article: Path, name: str, data: bytes, message: str
) -> None:
    store = str(tmp_path / "store")
    assert run("build", str(seed_article), "--store", store)[0] == 0
    before = run("stats", "--store", store, "--format", "json")[1]
    bad = _write(tmp_path / name, data)
    code, out, err = run("build", str(seed_article), bad, "--store", store)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("kg: error: ")
    assert message in err
    assert "Traceback" not in err
    assert run("stats", "--store", store, "--format", "json")[1] == before


def test_missing_file_and_missing_store(tmp_path: Path) -> None:
    code, _, err = run("build", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s"))
    assert code == 2 and "no such file" in err
    code, _, err = run("query", "defections", "--store", str(tmp_path / "none"))
    assert code == 2 and "no store at" in err


def test_invalid_sparql_says_where(seed_store: str) -> None:
    code, _, err = run("query", "--query", "SELECT ?x WHERE { ?x ?y }", "--store", seed_store)
    assert code == 2
    assert "line 1" in err and "column" in err


def test_unknown_formats(seed_store: str) -> None:
    code, _, err = run("export", "--format", "turtel", "--store", seed_store)
    assert code == 2 and "did you mean 'turtle'" in err
    code, _, err = run("query", "defections", "--format", "yaml", "--store", seed_store)
    assert code == 2 and "unknown result format" in err


def test_unknown_query_name_suggests(seed_store: str) -> None:
    code, _, err = run("query", "defection", "--store", seed_store)
    assert code == 2 and "defections" in err


def test_installed_command_end_to_end(tmp_path: Path, seed_article: Path, kg_command: str) -> None:
    """The real `kg` script, in a temporary directory, as a user runs it."""
    def kg(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([kg_command, *args], cwd=tmp_path, capture_output=True,
                              text=True, timeout=600)

    assert kg("build", str(seed_article)).returncode == 0
    assert (tmp_path / ".kg").is_dir()
    assert kg("validate").returncode == 0
    exported = kg("export", "-o", "out/kg.ttl") if (tmp_path / "out").mkdir() is None else None
    assert exported is not None and exported.returncode == 0
    graph = Graph().parse(tmp_path / "out" / "kg.ttl", format="turtle")
    assert len(graph) > 500
    answer = kg("query", "defections", "--format", "csv")
    assert answer.returncode == 0 and "Ri Il Kyu" in answer.stdout
    broken = kg("query", "--query", "SELECT")
    assert broken.returncode == 2 and broken.stderr.startswith("kg: error:")


def test_validate_checks_the_last_build_unless_all(tmp_path: Path, seed_article: Path) -> None:
    """Validation costs what a build changed: the last build's graphs and the entities they touch."""
    import kg

    store = str(tmp_path / "store")
    other = tmp_path / "other.md"
    other.write_text("---\nid: other\npublished: 2025-02-03\n---\nGerman Chancellor Olaf Scholz "
                     "visited Warsaw on Monday.\n", encoding="utf-8")
    kg.open(store).build([seed_article])
    kg.open(store).build([other])
    graph = kg.open(store)
    last, everything = (sum((data for data, _ in graph._validation_batches(only, 50)), Graph())
                        for only in (graph._last_build(), None))
    labels = {str(o) for o in last.objects()}
    assert "Olaf Scholz" in labels and "Ri Il Kyu" not in labels
    assert len(last) < len(everything)
    assert run("validate", "--store", store)[0] == 0
    assert run("validate", "--store", store, "--all")[0] == 0


def test_build_reports_the_facts_resolution_dropped(monkeypatch, tmp_path: Path) -> None:
    """A fact the resolver had to drop is said on stderr, with its article and reason."""
    from kg import api
    from kg.build import ArticleResult, BuildReport

    dropped = ArticleResult(id="a1", graph="g", triples=10, entities=1, events=0,
                            statistics=0, quarantined=0,
                            notes=("dropped memberOf: unresolved 'the party'",))
    monkeypatch.setattr(api.KnowledgeGraph, "build",
                        lambda *a, **k: BuildReport(articles=[dropped]))
    (tmp_path / "a1.txt").write_text("Some text.", encoding="utf-8")
    code, out, err = run("build", str(tmp_path / "a1.txt"), "--store", str(tmp_path / "s"))
    assert code == 0 and out.startswith("built a1: ")
    assert err == "kg: note: a1: dropped memberOf: unresolved 'the party'\n"
