"""The saved queries (queries/*.rq): their headers, and their answers on the seed article.

Every query's CSV answer on the seed store must equal its reviewed golden answer in
tests/golden/queries/<name>.csv. When the extractor or a query changes on purpose, regenerate
them with ``.venv/bin/python tests/golden/update_queries.py`` and review the diff row by row.
"""

from __future__ import annotations

import csv
import difflib
import importlib.util
import io
import re
from pathlib import Path
from types import ModuleType

import pyoxigraph
import pytest

from kg.query import query_info, query_variables


def _load_golden_tools() -> ModuleType:
    """tests/golden/update_queries.py: the test and the golden files share one way to run kg."""
    path = Path(__file__).resolve().parent / "golden" / "update_queries.py"
    spec = importlib.util.spec_from_file_location("update_queries", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


golden = _load_golden_tools()
QUERY_FILES = sorted(golden.QUERIES.glob("*.rq"))
QUERY_NAMES = [path.stem for path in QUERY_FILES]
REQUIRED_QUERIES = ("defections", "statistics-by-source")  # the Makefile's `make run` uses them

# Each query that declares a parameter, with a value that picks out part of its answer on the
# seed article. Written in odd case on purpose: these parameters match case-insensitively.
PARAMETER_CASES = {
    "events-of-person": ("person", "kIM jONG uN"),
    "entity-provenance": ("entity", "PYONGYANG"),
}


@pytest.fixture(scope="session")
def seed_dir(seed_store: str) -> Path:
    """The seed store that conftest.py builds once per session from data/articles."""
    return Path(seed_store)


def _rows(answer: str) -> list[tuple[str, ...]]:
    return [tuple(row) for row in csv.reader(io.StringIO(answer))]


# --- Headers: no store needed --------------------------------------------------------------------


def test_there_are_enough_queries_and_the_required_ones() -> None:
    assert len(QUERY_FILES) >= 14, QUERY_NAMES
    for name in REQUIRED_QUERIES:
        assert name in QUERY_NAMES


@pytest.mark.parametrize("path", QUERY_FILES, ids=QUERY_NAMES)
def test_query_has_header_comment(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and re.fullmatch(r"# \S.*", lines[0]), f"{path.name}: line 1 must be '# <title>'"
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    assert any(line.startswith("# returns: ") for line in header), (
        f"{path.name}: the header comment needs a '# returns: ...' line saying what a row is"
    )
    info = query_info(path)
    assert info.title == lines[0].lstrip("# ").strip()
    assert info.description


@pytest.mark.parametrize("path", QUERY_FILES, ids=QUERY_NAMES)
def test_query_parses_with_its_own_prefixes(path: Path) -> None:
    """Every query parses in a bare Oxigraph store, without kg's default prefixes."""
    sparql = path.read_text(encoding="utf-8")
    result = pyoxigraph.Store().query(sparql, use_default_graph_as_union=True)
    assert isinstance(result, pyoxigraph.QuerySolutions)
    assert not list(result)


@pytest.mark.parametrize("path", QUERY_FILES, ids=QUERY_NAMES)
def test_declared_parameters_are_selected(path: Path) -> None:
    """A parameter is bound by substitution, which needs its variable in the SELECT clause."""
    sparql = path.read_text(encoding="utf-8")
    select = re.search(r"^SELECT\b(.*?)\bWHERE\b", sparql, re.MULTILINE | re.DOTALL)
    assert select, f"{path.name}: no top-level SELECT ... WHERE"
    for param in query_info(path).params:
        assert param.name in query_variables(sparql)
        assert re.search(rf"[?$]{param.name}\b", select.group(1)), (
            f"{path.name}: parameter '{param.name}' is not in the SELECT clause"
        )
    if query_info(path).params:
        assert path.stem in PARAMETER_CASES, f"add a case for {path.stem} to PARAMETER_CASES"


def test_kg_query_list_lists_every_query(tmp_path: Path) -> None:
    done = golden.run_kg(["query", "--list"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    listed = {line.split()[0]: line.split(None, 1)[1] for line in done.stdout.splitlines()
              if not line.startswith(" ")}
    for path in QUERY_FILES:
        assert listed.get(path.stem) == query_info(path).title
    # A query's parameters are listed under it, with how to pass them.
    assert "  --param person=... (entity)  only this person" in done.stdout


# --- Answers on the seed article ------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_answer_matches_golden(seed_dir: Path, name: str) -> None:
    path = golden.golden_path(name)
    assert path.exists(), (
        f"no golden answer {path.relative_to(golden.ROOT)}: "
        "run tests/golden/update_queries.py and review it"
    )
    expected = path.read_text(encoding="utf-8")
    actual = golden.answer(seed_dir, name)
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=f"golden/{name}.csv", tofile=f"kg query {name}",
        ))
        pytest.fail(
            f"the answer of '{name}' changed; if that is intended, run "
            f"tests/golden/update_queries.py and review the diff:\n{diff}",
            pytrace=False,
        )


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PARAMETER_CASES))
def test_parameter_narrows_the_answer(seed_dir: Path, name: str) -> None:
    """An entity parameter takes a name in any case and keeps the rows of the entity of that
    name: its IRI comes back in the parameter's column. The IRI itself does the same, and a
    name nobody has gives no rows."""
    param, value = PARAMETER_CASES[name]
    everything = _rows(golden.answer(seed_dir, name))
    narrowed = _rows(golden.answer(seed_dir, name, [f"{param}={value}"]))
    header = everything[0]
    assert narrowed[0] == header
    column = header.index(param)
    iris = {row[column] for row in narrowed[1:]}
    assert len(iris) == 1, iris
    assert sorted(narrowed[1:]) == sorted(row for row in everything[1:] if row[column] in iris)
    assert len(narrowed) < len(everything)
    by_iri = _rows(golden.answer(seed_dir, name, [f"{param}=<{iris.pop()}>"]))
    assert by_iri == narrowed
    assert _rows(golden.answer(seed_dir, name, [f"{param}=Nobody Of That Name"])) == [header]


@pytest.mark.slow
def test_unknown_parameter_is_a_clear_error(seed_dir: Path) -> None:
    done = golden.run_kg(
        ["query", "defections", "--store", str(seed_dir), "--param", "defecter=Ri Il Kyu"],
        cwd=seed_dir.parent,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("kg: error: unknown parameter 'defecter'")
    assert "did you mean 'defector'?" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1  # one line, no traceback


# --- Queries the seed cannot exercise: deals and disasters, on two gold articles -----------------


@pytest.fixture(scope="module")
def deal_and_quake_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    import kg

    root = Path(__file__).resolve().parents[1] / "data" / "gold" / "articles"
    store = str(tmp_path_factory.mktemp("domains") / "store")
    kg.open(store).build([root / "merger-halvorsen-vanderberg.md", root / "quake-peru.md"])
    return store


def _answer(store: str, name: str) -> list[dict[str, str]]:
    import kg

    return list(csv.DictReader(io.StringIO(kg.open(store).query(name, fmt="csv"))))


def test_deals_with_their_price(deal_and_quake_store: str) -> None:
    rows = _answer(deal_and_quake_store, "deals-with-price")
    assert [(r["buyer"], r["bought"], r["price"], r["currency"], r["priceText"]) for r in rows] == [
        ("Halvorsen Maritime", "Van der Berg Logistics", "2300000000", "EUR", "2.3 billion euros")]


def test_disasters_with_their_toll_and_place(deal_and_quake_store: str) -> None:
    rows = _answer(deal_and_quake_store, "disasters-with-toll")
    quake = [r for r in rows if r["type"] == "Disaster"]
    # the injured, the homeless and the homes lost are part of the toll as much as the dead
    # (the gold quake article gives them to the disaster)
    assert [(r["place"], r["date"], r["toll"]) for r in quake] == [
        ("Arequipa", "2024-02-13",
         "some 7,400 (people displaced) | 1,870 (homes destroyed) | 261 (people injured) | "
         "12 (injured) | 43 (the death toll from Tuesday night's earthquake rose)")]
