"""Bulk ingestion speed: N news articles (default 10,000) stored with their checked claims by
`services.ingest_files` (what `verifier ingest DIR --workers W` runs) into SQLite and into
PostgreSQL with 1, 2 and 4 worker processes, then through the PostgreSQL task queue with two
`verifier worker --burst` processes (`verifier ingest DIR --queue`). Prints articles/s (median
of --runs runs, each into a fresh, empty store) and the speed-up against 1 worker on the same
store, measured in the same run, with the machine's load average before and after.

The articles are built from /work/shared/corpus: the English Gender Gap Tracker articles
(quotes-en-dev.jsonl), the French TimeBank texts (timex-fr-dev.jsonl) and the seed article,
in turn; each copy gets its paragraphs in another order (a seeded shuffle) and a numbered
dateline, so that every one is a distinct document (the store dedupes by SHA-256).

    .venv/bin/python bench/bulk_ingest.py [--n 10000] [--runs 1] [--pg URL] [--no-pg]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = str(ROOT)  # the pool and queue worker processes import this tree

from sqlalchemy import create_engine, text  # noqa: E402

from verifier import services  # noqa: E402
from verifier.db.store import close_stores, normalise_url, open_store  # noqa: E402

OWNER = services.store_owner("bench")


def base_texts(corpus: Path) -> list[str]:
    texts = []
    for stem in ("quotes-en-dev", "timex-fr-dev"):
        with (corpus / f"{stem}.jsonl").open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    texts.append((corpus / "seed-maroc-russie-fr.txt").read_text(encoding="utf-8"))
    return [t.strip() for t in texts if t.strip()]


def write_articles(folder: Path, n: int, corpus: Path) -> None:
    texts = base_texts(corpus)
    rng = random.Random(15)
    for i in range(n):
        paras = [p for p in texts[i % len(texts)].split("\n") if p.strip()]
        rng.shuffle(paras)
        (folder / f"article-{i:05d}.txt").write_text(
            f"Dispatch {i} / Dépêche {i}.\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")


def pg_schema(base: str) -> tuple[str, Callable[[], None]]:
    """A URL on a new schema of `base`, and what drops it."""
    schema = f"bench_jobs_{uuid.uuid4().hex[:8]}"
    admin = create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"

    def drop() -> None:
        close_stores()
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return f"{base}{sep}options={quote(f'-csearch_path={schema}')}", drop


def timed_ingest(url: str, folder: Path, workers: int, n: int) -> float:
    open_store(url)  # the schema, made before the clock starts
    t0 = time.perf_counter()
    report = services.ingest_files(OWNER, [folder], workers=workers, db=url)
    elapsed = time.perf_counter() - t0
    assert report.counts["ingested"] == n, report.summary()
    return elapsed


def timed_queue(url: str, folder: Path, n: int, batch: int, env: dict[str, str]) -> float:
    """Enqueue the folder in jobs of `batch` files, then two `verifier worker --burst`."""
    store = open_store(url)
    t0 = time.perf_counter()
    files = services.bulk.files_in([folder])
    services.jobs.enqueue_many(OWNER, "ingest", [{"paths": files[i:i + batch]}
                                                 for i in range(0, len(files), batch)], db=store)
    procs = [subprocess.Popen([sys.executable, "-m", "verifier.cli", "worker", "--burst"],
                              env=env | {"VERIFIER_DATABASE_URL": url}, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for _ in range(2)]
    for p in procs:
        p.wait()
    elapsed = time.perf_counter() - t0
    jobs = services.jobs.list_jobs(OWNER, limit=len(files), db=store)
    ingested = sum((j.result or {}).get("ingested", 0) for j in jobs)
    assert all(j.status == "done" for j in jobs) and ingested == n, [j.status for j in jobs]
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--batch", type=int, default=50, help="files per job on the queue")
    ap.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    ap.add_argument("--pg", default=os.environ.get("VERIFIER_TEST_POSTGRES_URL",
                                                   "postgresql://postgres@127.0.0.1:5432/test"))
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "VERIFIER_TOKEN"}
    load_before = os.getloadavg()
    print(f"{args.n} articles, {args.runs} run(s) each, {os.cpu_count()} CPUs, "
          f"load average before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")
    with tempfile.TemporaryDirectory(prefix="bulk-ingest-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(folder, args.n, args.corpus)
        env["VERIFIER_CONFIG"] = str(Path(tmp) / "verifier.toml")
        os.environ["VERIFIER_CONFIG"] = env["VERIFIER_CONFIG"]
        env["PYTHONPATH"] = str(ROOT)
        rows: list[tuple[str, int | str, float]] = []

        def measure(store: str, workers: int | str, once: Callable[[], float]) -> None:
            times = [once() for _ in range(args.runs)]
            rows.append((store, workers, statistics.median(times)))
            print(f"  {store:10} {workers!s:>8}  {args.n / rows[-1][2]:8.1f} articles/s "
                  f"(median {rows[-1][2]:.1f} s)", flush=True)

        def sqlite_once(w: int) -> float:
            db = Path(tmp) / f"claims-{uuid.uuid4().hex[:6]}.db"
            try:
                return timed_ingest(f"sqlite:///{db}", folder, w, args.n)
            finally:
                close_stores()

        def pg_once(w: int) -> float:
            url, drop = pg_schema(args.pg)
            try:
                return timed_ingest(url, folder, w, args.n)
            finally:
                drop()

        def queue_once() -> float:
            url, drop = pg_schema(args.pg)
            try:
                return timed_queue(url, folder, args.n, args.batch, env)
            finally:
                drop()

        for w in args.workers:
            measure("sqlite", w, lambda w=w: sqlite_once(w))  # type: ignore[misc]
        if not args.no_pg:
            for w in args.workers:
                measure("postgresql", w, lambda w=w: pg_once(w))  # type: ignore[misc]
            measure("postgresql", "queue×2", queue_once)
    load_after = os.getloadavg()
    print(f"load average after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    print("\n| store | workers | articles/s | speed-up vs 1 worker |\n|---|---|---|---|")
    one = {s: t for s, w, t in rows if w == 1}
    for store, workers, t in rows:
        speedup = f"{one[store] / t:.2f}×" if store in one else "-"
        print(f"| {store} | {workers} | {args.n / t:.1f} | {speedup} |")


if __name__ == "__main__":
    main()
