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


# --- the JSON Schema (docs/contract.schema.json) against real output ---------------------------

SCHEMA = Path(__file__).parents[1] / "docs" / "contract.schema.json"


def _validator() -> object:
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLDEN.glob("*.json")))
def test_real_output_validates_against_the_schema(fresh: dict[str, dict], name: str) -> None:
    v = _validator()
    for which in ("extract", "check"):
        errors = sorted(v.iter_errors(fresh[name][which]), key=str)  # type: ignore[attr-defined]
        assert not errors, f"{name} {which}: {errors[0].message} at {list(errors[0].path)}"


@pytest.mark.parametrize("mutate, where", [
    (lambda c: c.update(kind="opinion"), "an unknown kind"),
    (lambda c: c.update(start="12"), "a span offset as text"),
    (lambda c: c.update(surprise=1), "a key outside the contract"),
    (lambda c: c.pop("text"), "a claim without its text"),
])
def test_schema_refuses_drift(fresh: dict[str, dict], mutate: object, where: str) -> None:
    import copy

    out = copy.deepcopy(fresh["seed"]["extract"])
    mutate(out["claims"][0])  # type: ignore[operator]
    assert list(_validator().iter_errors(out)), where  # type: ignore[attr-defined]


def test_typed_round_trip_of_every_claim(fresh: dict[str, dict]) -> None:
    """claim_from_json / CheckedClaim.from_json read the contract back exactly."""
    from verifier.claims import CheckedClaim, claim_from_json

    for out in fresh.values():
        for c in out["extract"]["claims"]:
            assert claim_from_json(c).to_json() == c
        for c in out["check"]["claims"]:
            assert CheckedClaim.from_json(c).to_json() == c
