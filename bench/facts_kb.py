"""The facts knowledge base at newsroom scale (issue 16): import N facts (default 1,000,000)
into a store, streamed in batches (`db.facts.stream_pack`), then time a person's offices at a
date read from the store (`db.facts.offices_at`: the names index, then the person's facts) and
the knowledge base a 2,000-character article is checked against (`db.facts.
knowledge_base_for_text`: only the facts about the names it mentions). Baseline, measured in
the same run: the same lookup in memory on the demo pack (`KnowledgeBase.offices_of`).

The facts: N / 4 people, each holding four successive offices of one of 200 countries (a
term of five years each), every person with a French alias; the article names 20 of them.
Prints the import rate (facts/s), the peak resident memory of the process, and the median and
90th percentile of each lookup (ms), with the ratio to the baseline.

    .venv/bin/python bench/facts_kb.py [--n 1000000] [--runs 200]
        [--postgres postgresql://postgres@127.0.0.1:5432/test]   (default: SQLite in a temp dir)
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import quote as urlquote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text  # noqa: E402

from verifier.db.facts import knowledge_base_for_text, offices_at, stream_pack  # noqa: E402
from verifier.db.store import normalise_url, open_store  # noqa: E402
from verifier.reference.facts import FactRecord  # noqa: E402
from verifier.reference.kb import KnowledgeBase  # noqa: E402
from verifier.reference.packs import PackMeta  # noqa: E402

COUNTRIES = 200
TERMS = 4


def person(i: int) -> str:
    return f"Person{i:07d} Surname{i % 9973:04d}"


def facts(n: int) -> Iterator[FactRecord]:
    for i in range(n // TERMS):
        name = person(i)
        country = f"Country{i % COUNTRIES:03d}"
        ents = {name: {"type": "person", "names": {"fr": [f"M. {name}"]}, "adjectives": {}},
                f"Office{i % 50:02d}": {"type": "office", "names": {}, "adjectives": {}},
                country: {"type": "country", "names": {"fr": [f"Pays{i % COUNTRIES:03d}"]},
                          "adjectives": {}}}
        for t in range(TERMS):
            start = date(1980 + 5 * t, 1 + i % 12, 1)
            yield FactRecord(pack="bench", subject=name, predicate="holds_office",
                             object=f"Office{(i + t) % 50:02d}", extra={"of": country},
                             valid_from=start, valid_to=date(start.year + 5, start.month, 1),
                             aliases={"entities": ents}, dataset="bench", source_ref=f"row {i}",
                             licence="CC0-1.0")


def timed(fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def p90(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=10)[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--postgres", default=None)
    args = ap.parse_args()
    schema = None
    if args.postgres:
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(normalise_url(args.postgres), isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'CREATE SCHEMA "{schema}"'))
        sep = "&" if "?" in args.postgres else "?"
        url = f"{normalise_url(args.postgres)}{sep}options={urlquote(f'-csearch_path={schema}')}"
    else:
        url = f"sqlite:///{tempfile.mkdtemp()}/facts.db"
    try:
        store = open_store(url)
        n = args.n // TERMS * TERMS
        t0 = time.perf_counter()
        with store.write() as session:
            stream_pack(session=session, name="bench", facts=facts(n), actor="bench",
                        meta=PackMeta(built=date(2026, 12, 1), licence="CC0-1.0"))
        took = time.perf_counter() - t0
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        people = n // TERMS
        picks = [person((i * 7919) % people) for i in range(args.runs)]
        day = date(1992, 6, 1)
        it = iter(picks * 2)
        with store.read() as session:
            assert len(offices_at(session, picks[0], day)) == 1
            store_ms = timed(lambda: offices_at(session, next(it), day), args.runs)
            article = " ".join(f"Selon M. {person((i * 104729) % people)}, ministre, le pays "
                               "a changé de cap cette année." for i in range(20))[:2000]
            kb_ms = timed(lambda: knowledge_base_for_text(session, article), max(5, args.runs // 20))
            kb = knowledge_base_for_text(session, article)
        demo = KnowledgeBase.demo()
        assert demo.offices_of("Sergueï Lavrov", date(2025, 10, 16))
        base_ms = timed(lambda: demo.offices_of("Sergueï Lavrov", date(2025, 10, 16)), args.runs)
        kind = "PostgreSQL" if args.postgres else "SQLite"
        print(f"store: {kind}, {n:,} facts ({people:,} people x {TERMS} terms)")
        print(f"import: {took:.1f} s, {n / took:,.0f} facts/s; peak RSS of the process {rss_mb:,.0f} MB")
        print(f"offices of a person at a date, from the store: median {statistics.median(store_ms):.3f} ms, "
              f"p90 {p90(store_ms):.3f} ms")
        print(f"baseline, in memory on the demo pack (22 facts): median {statistics.median(base_ms):.3f} ms, "
              f"p90 {p90(base_ms):.3f} ms; store / baseline = "
              f"{statistics.median(store_ms) / statistics.median(base_ms):.1f}x")
        print(f"knowledge base of a 2,000-character article naming 20 people: "
              f"median {statistics.median(kb_ms):.1f} ms, {len(kb)} facts read of {n:,}")
    finally:
        if schema:
            with admin.connect() as c:
                c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


if __name__ == "__main__":
    main()
