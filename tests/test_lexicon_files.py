"""kg's word lists are data (data/lexicon/): each file opens with what class of text it serves,
holds each entry once, and is read by the code."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "data" / "lexicon"
WORD_LISTS = sorted(path.name for path in LEXICON.glob("*.txt"))


@pytest.mark.parametrize("name", WORD_LISTS)
def test_each_word_list_opens_with_what_it_serves(name: str) -> None:
    lines = (LEXICON / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# "), "the file's first line says what class of text it serves"
    entries = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert entries, "a list with no entries"
    assert len(entries) == len(set(entries)), "an entry is written twice"


def test_each_lexicon_file_is_read_by_the_code() -> None:
    code = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "src" / "kg").rglob("*.py"))
    unread = [path.name for path in sorted(LEXICON.iterdir()) if path.name not in code]
    assert not unread, f"no module of kg reads {unread}"
