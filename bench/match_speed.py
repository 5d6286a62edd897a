"""Speed of finding a quote's best passage: the in-memory PassageIndex (BM25 candidates +
rapidfuzz re-ranking) at 100,000 and 1,000,000 passages, against brute-force
`fuzz.partial_ratio` over every passage (agreement = same best score), plus the SQLite FTS5
path at 100,000 passages. Passages are real corpus sentences, replicated with perturbations
(a word dropped, two words swapped, a number changed) to reach the size. One core.

    .venv/bin/python bench/match_speed.py [--sizes 100000,1000000] [--queries 200]"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verifier.db import fts  # noqa: E402
from verifier.reference import index  # noqa: E402
from verifier.reference.passages import split_passages  # noqa: E402

CORPUS = Path("/work/shared/corpus")


def sentences() -> list[str]:
    out = []
    for name, lang in (("quotes-en-dev.jsonl", "en"), ("timex-fr-dev.jsonl", "fr")):
        with (CORPUS / name).open(encoding="utf-8") as f:
            for line in f:
                out += [p.text for p in split_passages(json.loads(line)["text"], lang)
                        if len(p.text.split()) >= 5]
    return out


def perturb(s: str, rnd: random.Random) -> str:
    w = s.split()
    k = rnd.randrange(4)
    if k == 0 and len(w) > 6:
        del w[rnd.randrange(len(w))]
    elif k == 1 and len(w) > 3:
        i = rnd.randrange(len(w) - 1)
        w[i], w[i + 1] = w[i + 1], w[i]
    elif k == 2:
        w.insert(rnd.randrange(len(w)), str(rnd.randrange(10_000)))
    else:
        w[rnd.randrange(len(w))] = rnd.choice(w)
    return " ".join(w)


def corpus(base: list[str], n: int, rnd: random.Random) -> list[str]:
    out = list(base[:n])
    while len(out) < n:
        out.append(perturb(base[rnd.randrange(len(base))], rnd))
    return out


def quotes(texts: list[str], k: int, rnd: random.Random) -> list[str]:
    out = []
    for _ in range(k):
        w = texts[rnd.randrange(len(texts))].split()
        a = rnd.randrange(max(1, len(w) - 8))
        q = w[a:a + rnd.randrange(6, 20)]
        if rnd.random() < 0.3 and len(q) > 6:
            q[rnd.randrange(len(q))] = "changed"
        out.append(" ".join(q))
    return out


def ms(xs: list[float]) -> str:
    return f"median {statistics.median(xs) * 1000:.1f} ms, p95 {sorted(xs)[int(0.95 * len(xs)) - 1] * 1000:.1f} ms"


def bench_index(texts: list[str], qs: list[str], brute_n: int) -> None:
    n = len(texts)
    t0 = time.perf_counter()
    idx = index.PassageIndex.build(texts)
    build = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        idx.save(Path(tmp) / "idx.npz")
        disk = os.path.getsize(Path(tmp) / "idx.npz")
    print(f"{n:>9,} passages: build {build:.1f} s, index {idx.nbytes() / 2**20:.0f} MiB in memory, "
          f"{disk / 2**20:.0f} MiB on disk (texts not counted)")
    times, best = [], []
    for q in qs:
        t0 = time.perf_counter()
        hits = idx.search(q, k=1)
        times.append(time.perf_counter() - t0)
        best.append(hits[0] if hits else None)
    print(f"  PassageIndex.search: {ms(times)} over {len(qs)} quotes")
    bt, agree = [], 0
    for q, h in list(zip(qs, best, strict=True))[:brute_n]:
        t0 = time.perf_counter()
        i, score = index.brute_force_best(q, texts)
        bt.append(time.perf_counter() - t0)
        agree += h is not None and (h.index == i or h.score == score)
    print(f"  brute-force partial_ratio: {ms(bt)} over {len(bt)} quotes; same best passage "
          f"(or same best score) {agree}/{len(bt)} = {agree / len(bt):.3f}")


def bench_fts(texts: list[str], qs: list[str]) -> None:
    from sqlalchemy import text as sql

    from verifier.db.store import close_stores, open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/speed.db")
        t0 = time.perf_counter()
        with store.write() as s:
            s.execute(sql("INSERT INTO document (kind, sha256, language, format, text, created_at) "
                          "VALUES ('source', 'x', 'en', 'txt', 'x', '2025-01-01')"))
            s.connection().exec_driver_sql(
                "INSERT INTO passage (document_id, seq, start, \"end\", text) VALUES (1, ?, 0, 0, ?)",
                [(i, t) for i, t in enumerate(texts)])
        load = time.perf_counter() - t0
        size = os.path.getsize(f"{tmp}/speed.db")
        times = []
        from rapidfuzz import fuzz

        from verifier.db.models import Passage
        with store.read() as s:
            for q in qs:
                t0 = time.perf_counter()
                cands = fts.search_passages(session=s, query=q, limit=50)
                rows = s.exec(__import__("sqlmodel").select(Passage.text).where(
                    Passage.id.in_([i for i, _ in cands]))).all()  # type: ignore[union-attr]
                max((fuzz.partial_ratio(q, t) for t in rows), default=0)
                times.append(time.perf_counter() - t0)
        print(f"  SQLite FTS5 ({len(texts):,} passages, load+index {load:.1f} s, db "
              f"{size / 2**20:.0f} MiB): search_passages top 50 + partial_ratio: {ms(times)}")
        close_stores()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--brute", type=int, default=0, help="quotes for brute force (default: "
                    "200 at 100k, 20 at 1M)")
    args = ap.parse_args()
    rnd = random.Random(7)
    base = sentences()
    print(f"{len(base):,} real corpus sentences")
    for n in (int(x) for x in args.sizes.split(",")):
        texts = corpus(base, n, rnd)
        qs = quotes(texts, args.queries, rnd)
        bench_index(texts, qs, args.brute or (200 if n <= 100_000 else 20))
        if n <= 100_000:
            bench_fts(texts, qs)


if __name__ == "__main__":
    main()
