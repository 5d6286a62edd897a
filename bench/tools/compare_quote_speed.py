"""Quote extraction speed of this checkout against another (a baseline, e.g. a worktree of the
session's starting commit), in alternating runs so that both see the same machine load: each run
times every Gender Gap Tracker dev article five times (median), in a fresh process per side.

    git worktree add /tmp/base <commit>
    .venv/bin/python bench/tools/compare_quote_speed.py /tmp/base [--rounds 4] [--corpus DIR]

Prints words/s per round and side, the medians and their ratio.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_ONE_RUN = r"""
import json, statistics, sys, time
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/bench")
from _pipeline import quotes
docs = [json.loads(x)["text"] for x in open(sys.argv[2], encoding="utf-8")]
words = sum(len(t.split()) for t in docs)
quotes(docs[0], "en")
ts = []
for _ in range(5):
    t = time.perf_counter()
    for d in docs:
        quotes(d, "en")
    ts.append(time.perf_counter() - t)
print(words / statistics.median(ts))
"""


def one_run(root: Path, corpus: Path) -> float:
    out = subprocess.run([sys.executable, "-c", _ONE_RUN, str(root), str(corpus)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("baseline", type=Path, help="another checkout of the project (its root)")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    corpus = args.corpus / "quotes-en-dev.jsonl"
    if not corpus.exists():
        sys.exit(f"no corpus at {corpus} (--corpus)")
    this, base = [], []
    for r in range(args.rounds):
        this.append(one_run(ROOT, corpus))
        base.append(one_run(args.baseline, corpus))
        print(f"round {r + 1}: this {this[-1]:,.0f} words/s, baseline {base[-1]:,.0f} words/s")
    a, b = statistics.median(this), statistics.median(base)
    print(f"median: this {a:,.0f} words/s, baseline {b:,.0f} words/s, ratio {a / b:.2f}")


if __name__ == "__main__":
    main()
