"""Export speed and memory on 100,000 claims.

Builds a SQLite database in a temporary directory (200 articles x 500 claims, one or two pieces
of evidence per claim, 60 % of the claims reviewed, with their Review rows), then exports it in
each format, each in its own subprocess so that the peak resident memory (VmHWM, or getrusage maxrss) is
that format's alone. Prints, per format: seconds, rows, output size, peak RSS, and the RSS before
the export started (the interpreter and imports), so the difference is what the export used.

    .venv/bin/python bench/export.py [--claims 100000] [--formats csv,xlsx,json,jsonld,html]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VERDICT_POOL = ("True", "Mostly true", "Half true", "Mostly false", "False", "Misattributed",
                "Altered quote", "Unverifiable", "Not a claim")
FINDINGS = ("consistent", "contradicted", "partial", "no_evidence")


def build(url: str, claims: int, per_doc: int = 500) -> None:
    from sqlalchemy import insert

    from verifier.db import users
    from verifier.db.models import Claim, Document, Evidence, Review
    from verifier.db.store import open_store

    store = open_store(url)
    for name, role in (("alice", "fact-checker"), ("bob", "fact-checker"), ("chloe", "admin")):
        users.add_user(store=store, name=name, role=role, actor="bench", trusted=True)
    rnd = random.Random(7)
    now = datetime.now(UTC)
    sentence = ("Le ministre a déclaré « nous tiendrons nos engagements » le 16 octobre 2025, "
                "huit ans après l'accord signé à Rabat. ")
    docs = (claims + per_doc - 1) // per_doc
    with store.write() as s:
        s.execute(insert(Document.__table__), [  # type: ignore[attr-defined]
            {"sha256": f"{d:064x}", "kind": "article", "title": f"Article {d} <sur> « Rabat »",
             "url": f"https://news.example.org/{d}", "site": "Le Journal", "author": "Awa Diallo",
             "language": "fr", "published": date(2025, 1, 1) + timedelta(days=d % 300),
             "format": "html", "text": sentence * 40, "created_at": now}
            for d in range(docs)])
    doc_ids = list(range(1, docs + 1))
    batch = 10_000
    claim_id = 0
    for lo in range(0, claims, batch):
        rows, evidence, reviews = [], [], []
        for i in range(lo, min(lo + batch, claims)):
            claim_id += 1
            kind = ("quote", "temporal", "factual")[i % 3]
            reviewed = rnd.random() < 0.6
            verdict = rnd.choice(VERDICT_POOL) if reviewed else None
            who = rnd.choice(("alice", "bob")) if reviewed else None
            start = (i * 37) % 3000
            rows.append({
                "document_id": doc_ids[i // per_doc], "kind": kind, "start": start, "end": start + 60,
                "text": sentence[:60], "speaker": "Nasser Bourita" if kind == "quote" else None,
                "reference": "Nasser Bourita" if kind == "quote" else None,
                "value": {"timex_type": "DURATION", "value": "P8Y"} if kind == "temporal" else None,
                "attrs": {"quote_type": "marked"} if kind == "quote" else {},
                "finding": rnd.choice(FINDINGS), "explanation": "The accord was signed in 2016.",
                "status": "reviewed" if reviewed else "unreviewed", "verdict": verdict,
                "note": "Vérifié auprès du ministère." if reviewed else None, "reviewed_by": who,
                "reviewed_at": now if reviewed else None, "version": 2 if reviewed else 1,
                "created_at": now, "updated_at": now, "updated_by": who or "bench"})
            for k in range(1 + (i % 2)):
                evidence.append({"claim_id": claim_id, "kind": "passage",
                                 "source_title": f"Transcript {k}", "score": 90.0 - 10 * k,
                                 "source_url": f"https://source.example.org/{i}/{k}",
                                 "start": 0, "end": 60, "method": "align",
                                 "detail": {"class": "verbatim"}, "created_at": now})
            if reviewed:
                reviews.append({"claim_id": claim_id, "reviewer": who, "verdict": verdict,
                                "note": "Vérifié.", "claim_version": 2, "created_at": now})
        with store.write() as s:
            s.execute(insert(Claim.__table__), rows)  # type: ignore[attr-defined]
            s.execute(insert(Evidence.__table__), evidence)  # type: ignore[attr-defined]
            if reviews:
                s.execute(insert(Review.__table__), reviews)  # type: ignore[attr-defined]
    from verifier.db.store import close_stores

    close_stores()  # the last connection closing checkpoints the WAL into the database file


def peak_rss_kib() -> int:
    """Peak resident memory of this process. /proc's VmHWM belongs to this program alone;
    getrusage's ru_maxrss survives exec on Linux and may still show the parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_one(url: str, fmt: str, out: str) -> None:
    """In the subprocess: export once, print one JSON line."""
    from verifier.db.store import open_store
    from verifier.report import export_to_path

    store = open_store(url)
    with store.read() as session:  # warm up: connection, schema check, first query
        session.connection().exec_driver_sql("SELECT count(*) FROM claim").scalar()
    base = peak_rss_kib()
    t = time.perf_counter()
    result = export_to_path(store=store, fmt=fmt, path=out, actor="bench")
    seconds = time.perf_counter() - t
    peak = peak_rss_kib()
    print(json.dumps({"format": fmt, "seconds": seconds, "rows": result.rows,
                      "bytes": os.path.getsize(out), "base_kib": base, "peak_kib": peak}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--formats", default="csv,xlsx,json,jsonld,html")
    ap.add_argument("--run", nargs=3, metavar=("URL", "FORMAT", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        run_one(*args.run)
        return
    # ClaimReview needs the organisation that signs it (docs/decisions.md §26).
    os.environ.setdefault("VERIFIER_ORGANISATION", "Bench Desk")
    os.environ.setdefault("VERIFIER_ORGANISATION_URL", "https://bench.example.org/fact-checks")
    with tempfile.TemporaryDirectory(prefix="verifier-bench-") as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        t = time.perf_counter()
        build(url, args.claims)
        print(f"built {args.claims} claims in {time.perf_counter() - t:.1f} s "
              f"({os.path.getsize(f'{tmp}/bench.db') / 2**20:.0f} MiB SQLite)")
        print(f"{'format':8} {'seconds':>8} {'rows':>8} {'output':>10} {'peak RSS':>10} "
              f"{'before':>9} {'export':>9}")
        for fmt in args.formats.split(","):
            out = f"{tmp}/export.{fmt}"
            proc = subprocess.run([sys.executable, __file__, "--run", url, fmt, out],
                                  capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                print(f"{fmt:8} failed: {proc.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            print(f"{fmt:8} {r['seconds']:8.1f} {r['rows']:8d} {r['bytes'] / 2**20:8.1f}MB "
                  f"{r['peak_kib'] / 1024:8.0f}MB {r['base_kib'] / 1024:7.0f}MB "
                  f"{(r['peak_kib'] - r['base_kib']) / 1024:7.0f}MB")
            os.unlink(out)


if __name__ == "__main__":
    main()
