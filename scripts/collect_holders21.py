"""Combine the `html/holders21.csv` files of EveryPolitician's country repositories
(github.com/every-politician-scrapers/<country>) into one CSV, the input of the foreign
ministers pack (scripts/build_packs.py --wikidata-ministers FILE).

    python scripts/collect_holders21.py REPO_GIT_DIR... --out every-politician-holders21.csv

Each argument is a local clone (or bare mirror) of one of those repositories; nothing is
downloaded. Each `holders21.csv` lists the holders since 2000 of the positions of one country's
government as Wikidata records them (position held P39 with its start P580 and end P582
qualifiers, the holder's Q-id), as that repository's scheduled job last queried the Wikidata
Query Service. The combined file keeps, for each row, the repository, the commit of the file
and its date (the day Wikidata was queried), and the Wikidata columns: position, person
(English label), person_qid, start, end. Only those columns are kept (the holders' images,
birth dates... are left out). Rows are written in the order of the repositories given (sorted
by name), then of the file: rerunning on the same commits writes the same bytes.

Licence: every row is a Wikidata statement (CC0-1.0); the repositories state no licence, so
only Wikidata's facts are kept (data/open/SOURCES.md).
"""
from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
from pathlib import Path

FILE = "html/holders21.csv"
COLUMNS = ("repo", "commit", "retrieved", "position", "person", "person_qid", "start", "end")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True).stdout


def _name(repo: Path) -> str:
    """every-politician-scrapers/<name> from a mirror path (.../owner+name/repo) or a clone."""
    for part in reversed(repo.resolve().parts):
        if "+" in part:
            return part.replace("+", "/", 1)
        if part not in ("repo", ".git"):
            return f"every-politician-scrapers/{part}"
    raise ValueError(repo)


def rows(repos: list[Path]) -> list[dict[str, str]]:
    out = []
    for repo in sorted(repos, key=_name):
        commit, day = _git(repo, "log", "-1", "--format=%H %cs", "HEAD", "--", FILE).split()
        text = _git(repo, "show", f"{commit}:{FILE}")
        for r in csv.DictReader(io.StringIO(text)):
            out.append({"repo": _name(repo), "commit": commit, "retrieved": day,
                        "position": r["position"], "person": r["person"],
                        "person_qid": r["personID"], "start": r["start"], "end": r["end"]})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("repos", type=Path, nargs="+")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows(args.repos))
    args.out.write_bytes(buf.getvalue().encode("utf-8"))
    print(f"{args.out}: {buf.getvalue().count(chr(10)) - 1} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
