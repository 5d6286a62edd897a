"""Speed of ingest (verifier.ingest.ingest_bytes) and segmentation (verifier.text.split_sentences)
over every text of /work/shared/corpus: the seed, each text of quotes-en-dev.jsonl and
timex-fr-dev.jsonl (UTF-8 bytes), and the French TimeBank .tml files (raw XML bytes, read as
text with --lang fr: TimeML markup is not an article, so language detection rightly declines
it). Median of 5 runs after one warm-up run. Ingest MB/s counts input bytes; segment MB/s counts
the UTF-8 bytes of the ingested texts.

    .venv/bin/python bench/ingest.py [--corpus DIR] [--runs N]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from verifier.ingest import IngestError, ingest_bytes  # noqa: E402
from verifier.text import split_sentences  # noqa: E402

Item = tuple[str, bytes, "str | None"]  # name, bytes, language override


def load(corpus: Path) -> dict[str, list[Item]]:
    sets: dict[str, list[Item]] = {}
    seed = corpus / "seed-maroc-russie-fr.txt"
    sets["seed"] = [(seed.name, seed.read_bytes(), None)]
    for stem in ("quotes-en-dev", "timex-fr-dev"):
        with (corpus / f"{stem}.jsonl").open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        sets[f"{stem}.jsonl"] = [(f"{r['id']}.txt", r["text"].encode("utf-8"), None) for r in rows]
    sets["timex-fr-dev/*.tml"] = [(p.name, p.read_bytes(), "fr")
                                  for p in sorted((corpus / "timex-fr-dev").glob("*.tml"))]
    return sets


def run_once(items: list[Item]) -> tuple[float, float, int, int, int, list[str]]:
    docs, errors = [], []
    t0 = time.perf_counter()
    for name, data, lang in items:
        try:
            docs.append(ingest_bytes(data, name=name, lang=lang))
        except IngestError as exc:
            errors.append(str(exc))
    t1 = time.perf_counter()
    sentences = 0
    for doc in docs:
        sentences += len(split_sentences(doc.text, doc.language))
    t2 = time.perf_counter()
    text_bytes = sum(len(doc.text.encode("utf-8")) for doc in docs)
    return t1 - t0, t2 - t1, len(docs), sentences, text_bytes, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    sets = load(args.corpus)
    sets["all"] = [item for items in list(sets.values()) for item in items]
    run_once(sets["all"])  # warm-up: imports (trafilatura, charset tables) and caches

    head = (f"{'set':<22} {'stage':<8} {'docs':>5} {'MB':>7} {'median s':>9} "
            f"{'docs/s':>9} {'MB/s':>7}")
    print(f"verifier ingest bench: median of {args.runs} runs, Python {sys.version.split()[0]}")
    print(head)
    print("-" * len(head))
    for label, items in sets.items():
        in_mb = sum(len(d) for _, d, _ in items) / 1e6
        ingest_t, segment_t = [], []
        for _ in range(args.runs):
            ti, ts, ndocs, nsent, text_bytes, errors = run_once(items)
            ingest_t.append(ti)
            segment_t.append(ts)
        mi, ms = statistics.median(ingest_t), statistics.median(segment_t)
        print(f"{label:<22} {'ingest':<8} {len(items):>5} {in_mb:>7.3f} {mi:>9.4f} "
              f"{len(items) / mi:>9.1f} {in_mb / mi:>7.2f}")
        text_mb = text_bytes / 1e6
        print(f"{'':<22} {'segment':<8} {ndocs:>5} {text_mb:>7.3f} {ms:>9.4f} "
              f"{ndocs / ms:>9.1f} {text_mb / ms:>7.2f}   ({nsent:,} sentences)")
        if errors:
            print(f"{'':<22} {len(errors)} rejected, e.g. {errors[0]}")
    print("MB = 10^6 bytes; ingest: input bytes, segment: UTF-8 bytes of the ingested text.")


if __name__ == "__main__":
    main()
