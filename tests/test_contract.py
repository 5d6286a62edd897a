"""The JSON contract of `extract --format json` and `check --format json` does not move: fresh
output of the CLI on the fixtures equals the golden files in tests/data/contract/ (made by
tests/data/contract/snapshot.py before the typed-contract refactoring)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from .data.contract import snapshot

GOLDEN = Path(snapshot.__file__).parent


@pytest.fixture(scope="module")
def fresh() -> dict[str, dict]:
    return snapshot.outputs()


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLDEN.glob("*.json")))
def test_output_equals_golden(fresh: dict[str, dict], name: str) -> None:
    golden = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    got = json.loads(snapshot.canonical(fresh[name]))
    assert got["extract"] == golden["extract"]
    assert got["check"] == golden["check"]
    # key order too: a consumer diffing two runs should see no change
    assert snapshot.canonical(got) == snapshot.canonical(golden)
