"""Shared fixtures: the seed article, fresh stores, one seed store built per test session, and one
``oxigraph serve`` per session for the remote-store tests."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from oxigraph_server import OxigraphServer, oxigraph_command

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "kim-jong-un-defections.txt"


@pytest.fixture(scope="session")
def seed_article() -> Path:
    """The seed article as shipped in data/articles (front matter + the original bytes)."""
    return SEED


@pytest.fixture()
def fresh_store(tmp_path: Path) -> str:
    """A path where a new store can be built."""
    return str(tmp_path / "store")


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store built once from data/articles; tests must not write to it."""
    import kg

    location = str(tmp_path_factory.mktemp("seed") / "store")
    kg.open(location).build([ROOT / "data" / "articles"])
    return location


@pytest.fixture(scope="session")
def kg_command() -> str:
    """The installed `kg` console script next to this Python."""
    found = Path(sys.executable).parent / "kg"
    return str(found) if found.exists() else (shutil.which("kg") or "kg")


@pytest.fixture(scope="session")
def oxigraph() -> str:
    command = oxigraph_command()
    # The server is a declared test dependency: missing, it is a broken install, not a skip.
    assert command is not None, "the oxigraph server is not installed: pip install -e '.[test]'"
    return command


@pytest.fixture(scope="session")
def oxigraph_server(oxigraph: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """One server for the session, its default graph the union of its named graphs."""
    running = OxigraphServer(
        oxigraph, tmp_path_factory.mktemp("oxigraph") / "data", union_default_graph=True
    )
    yield running
    running.stop()
