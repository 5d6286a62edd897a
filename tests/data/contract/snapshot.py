"""Golden outputs of the JSON contract (`verifier extract --format json` and `verifier check
--format json --dry-run`), made by the CLI on the repository's own fixtures. tests/test_contract.py
compares fresh output with them, so a refactoring that changes any field, value or order fails.

source-moscou.txt is ours (written for these tests): Bourita's quote with two words changed,
one of Lavrov's verbatim, and one the seed gives to a Moroccan diplomat (a misattribution).

Regenerate only when a change of output is intended (and say so in the commit):
    .venv/bin/python tests/data/contract/snapshot.py
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
ROOT = DATA.parent.parent
sys.path.insert(0, str(ROOT))

# (name, path relative to tests/data, extra CLI arguments)

def documents(tmp: Path) -> list[tuple[str, Path, list[str]]]:
    out: list[tuple[str, Path, list[str]]] = [
        ("seed", DATA / "seed-maroc-russie-fr.txt", []),
        ("ggt-excerpt", DATA / "quotes" / "ggt-excerpt-jazzfm.txt", ["--lang", "en"]),
        ("transcript", DATA / "match" / "transcript-fr.txt", []),
    ]
    rows = [json.loads(line) for line in (DATA / "text" / "ftib-texts.jsonl").open(encoding="utf-8")]
    wanted = rows[::4]  # 13 of the 49 documents, spread over the corpus
    for r in wanted:
        p = tmp / f"ftib-{r['id']}.txt"
        p.write_text(r["text"], encoding="utf-8")
        out.append((f"ftib-{r['id']}", p, ["--published", r["id"][:10]]))
    return out


def run(args: list[str]) -> dict:
    from typer.testing import CliRunner

    from verifier.cli import app

    res = CliRunner().invoke(app, args, catch_exceptions=False)
    assert res.exit_code in (0, 1), (args, res.exit_code, res.output)
    return json.loads(res.stdout)


def outputs() -> dict[str, dict]:
    """name -> {"extract": ..., "check": ...} for every fixture document."""
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        db = f"sqlite:///{tmp / 'claims.db'}"
        run_import = ["precedents", "import", str(DATA / "match" / "claimreview.jsonld"),
                      "--db", db]
        from typer.testing import CliRunner

        from verifier.cli import app

        assert CliRunner().invoke(app, run_import).exit_code == 0
        result: dict[str, dict] = {}
        for name, path, extra in documents(tmp):
            ex = run(["extract", str(path), "--format", "json", *extra])
            ck = run(["check", str(path), "--format", "json", "--dry-run", "--db", db,
                      "--source", str(DATA / "match" / "transcript-fr.txt"),
                      "--source", str(HERE / "source-moscou.txt"), *extra])
            result[name] = {"extract": ex, "check": ck}
        return result


def canonical(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1, default=str) + "\n"


if __name__ == "__main__":
    for name, out in outputs().items():
        (HERE / f"{name}.json").write_text(canonical(out), encoding="utf-8")
        print(name, len(out["extract"]["claims"]), "claims")
