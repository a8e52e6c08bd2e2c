"""The gold annotations are data: each set's checker passes (labels declared, snippets verbatim)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("folder", ["gold", "gold-heldout"])
def test_gold_set_is_consistent(folder: str) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "data" / folder / "validate.py")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
