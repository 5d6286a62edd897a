"""The blind French news set (tests/data/fr-news) stays consistent: every offset points at its
string, both files hold the same documents, and each half keeps its counts."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECK = Path(__file__).parent / "data" / "fr-news" / "check_gold.py"


def test_gold_offsets_and_counts() -> None:
    run = subprocess.run([sys.executable, str(CHECK)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "all     35 docs  quotes  181 core" in run.stdout
