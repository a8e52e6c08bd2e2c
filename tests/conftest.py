"""Shared fixtures: the seed article, fresh stores, and one seed store built per test session."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

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
    from kg import api

    location = str(tmp_path_factory.mktemp("seed") / "store")
    api.build([ROOT / "data" / "articles"], store=location)
    return location


@pytest.fixture(scope="session")
def kg_command() -> str:
    """The installed `kg` console script next to this Python."""
    found = Path(sys.executable).parent / "kg"
    return str(found) if found.exists() else (shutil.which("kg") or "kg")
