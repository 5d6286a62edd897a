"""Cost of checking a draft against the store's source library (issue 11): a 1,500-word French
draft with 20 quotes, checked in process (`services.check_ingested`: extraction, calendar,
facts, precedents, and every quote aligned against the library) against a library of
100,000 passages, on SQLite and on PostgreSQL. Median of 20 runs, and the same draft against an
empty library measured in the same run (the baseline: what the library adds).

The library: real sentences of the corpus (French TimeBank, English GGT news) cut into source
documents of 100 passages, as transcripts with speaker turns (the draft's other sentences are in none of them); stored through the same
`db.passages.store_passages` as `verifier ingest --kind source`. The draft's quotes: 8 taken
word for word from library sources, 6 with two words changed, 6 from no source, each with a
speaker cue ("a déclaré X"), between corpus sentences that fill the draft to 1,500 words.

    .venv/bin/python bench/library_check.py [--passages 100000] [--runs 20]
        [--postgres postgresql://postgres@127.0.0.1:5432/test]   (default: $VERIFIER_TEST_POSTGRES_URL)
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote as urlquote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text  # noqa: E402

from verifier.db.models import Document, Passage  # noqa: E402
from verifier.db.store import normalise_url, open_store  # noqa: E402
from verifier.ingest import ingest_bytes  # noqa: E402
from verifier.reference.passages import split_passages  # noqa: E402
from verifier.services import documents  # noqa: E402
from verifier.text import split_sentences  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PER_SOURCE = 100
SPEAKERS = ["M. DURAND", "Mme LEROY", "M. NKOMO", "Mme BENALI", "M. IVANOV", "Mme SCHMIDT"]


def sentences() -> tuple[list[str], list[str]]:
    fr, en = [], []
    for name, lang, out in (("timex-fr-dev.jsonl", "fr", fr), ("quotes-en-dev.jsonl", "en", en)):
        with (CORPUS / name).open(encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)["text"]
                out += [" ".join(s.text.split()) for s in split_sentences(text, lang)
                        if 8 <= len(s.text.split()) <= 40 and "«" not in s.text
                        and "»" not in s.text and '"' not in s.text]
    return list(dict.fromkeys(fr)), list(dict.fromkeys(en))


def source_texts(pool: list[str], n_passages: int, rnd: random.Random) -> list[str]:
    """Transcripts of PER_SOURCE sentences each, two or three sentences per speaker turn."""
    out = []
    for d in range(n_passages // PER_SOURCE):
        lines, k = [f"Transcription {d}, réunion de travail."], 0
        while k < PER_SOURCE - 1:
            turn = pool[rnd.randrange(len(pool))]
            extra = [pool[rnd.randrange(len(pool))] for _ in range(rnd.randrange(2))]
            lines.append(f"{rnd.choice(SPEAKERS)} : {' '.join([turn, *extra])}")
            k += 1 + len(extra)
        out.append("\n\n".join(lines) + "\n")
    return out


def alter(sentence: str, rnd: random.Random) -> str:
    w = sentence.rstrip(".").split()
    for _ in range(2):
        w[rnd.randrange(1, len(w))] = rnd.choice(["vraiment", "certainement", "jamais"])
    return " ".join(w)


def draft(sources: list[str], fillers: list[str], rnd: random.Random) -> str:
    quotes = []
    for k in range(20):
        src = split_passages(sources[rnd.randrange(len(sources))], "fr")
        said = [p for p in src if p.speaker and len(p.text.split()) >= 10]
        p = said[rnd.randrange(len(said))]
        body = p.text.rstrip(".")
        if k >= 14:
            body = fillers[rnd.randrange(len(fillers))].rstrip(".")  # from no source
        elif k >= 8:
            body = alter(p.text, rnd)
        name = (p.speaker or "M. X").split()[-1].title()
        quotes.append(f"« {body} », a déclaré {name}.")
    paras, words, q = [], 0, 0
    while words < 1500 or q < len(quotes):
        para = [fillers[rnd.randrange(len(fillers))] for _ in range(2)]
        if q < len(quotes):
            para.insert(1, quotes[q])
            q += 1
        paras.append(" ".join(para))
        words += sum(len(s.split()) for s in para)
    return "Réunion : ce que les responsables ont dit\n\n" + "\n\n".join(paras) + "\n"


def fill(url: str, texts: list[str]) -> None:
    store = open_store(url)
    with store.write() as session:
        for i, body in enumerate(texts):
            doc = ingest_bytes(body.encode("utf-8"), name=f"source-{i}.txt", lang="fr")
            row = Document(kind="source", title=doc.title, text=doc.text, language="fr",
                           sha256=doc.sha256, source_name=doc.source_name, format=doc.format)
            session.add(row)
            session.flush()
            session.add_all(Passage(document_id=row.id, seq=p.seq, start=p.start, end=p.end,
                                    text=p.text, speaker=p.speaker)
                            for p in split_passages(doc.text, "fr"))

    if url.startswith("postgresql"):
        # What autovacuum does soon after a bulk insert: flush the GIN index's pending list
        # (until then every search scans it) and gather statistics.
        engine = create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("VACUUM ANALYZE passage"))
        engine.dispose()


def measure(url: str, doc, runs: int) -> tuple[list[float], dict[str, int]]:  # type: ignore[no-untyped-def]
    store = open_store(url)
    times, report = [], None
    for _ in range(runs):
        t = time.perf_counter()
        report = documents.check_ingested(doc, store)
        times.append(time.perf_counter() - t)
    assert report is not None
    quotes = [c for c in report.claims if c.kind == "quote"]
    classes: dict[str, int] = {}
    for c in quotes:
        key = c.result.fidelity or "no source"
        classes[key] = classes.get(key, 0) + 1
    return times, classes


def postgres_schema(base: str) -> tuple[str, object]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={urlquote(f'-csearch_path={schema}')}", (admin, schema)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passages", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--postgres", default=os.environ.get("VERIFIER_TEST_POSTGRES_URL"))
    args = ap.parse_args()
    rnd = random.Random(11)
    fr, en = sentences()
    rnd.shuffle(fr)
    fillers, said = fr[: len(fr) // 3], fr[len(fr) // 3:]  # no filler is in any source
    texts = source_texts(said + en, args.passages, rnd)
    body = draft(texts, fillers, rnd)
    doc = ingest_bytes(body.encode("utf-8"), name="draft.txt", lang="fr")
    n_quotes = sum(1 for c in documents.extract_document(doc).claims if c.kind == "quote")
    print(f"draft: {len(body.split())} words, {n_quotes} quotes found by the extractor; "
          f"library: {len(texts)} sources, {len(texts) * PER_SOURCE} passages (target)")
    backends = [("sqlite", None)]
    if args.postgres:
        backends.append(("postgresql", args.postgres))
    for name, base in backends:
        with tempfile.TemporaryDirectory() as tmp:
            cleanup = None
            if base is None:
                empty, full = f"sqlite:///{tmp}/empty.db", f"sqlite:///{tmp}/library.db"
            else:
                empty, c1 = postgres_schema(base)
                full, c2 = postgres_schema(base)
                cleanup = (c1, c2)
            try:
                t = time.perf_counter()
                fill(full, texts)
                open_store(empty)
                print(f"{name}: library stored in {time.perf_counter() - t:.0f} s")
                base_times, _ = measure(empty, doc, args.runs)
                times, classes = measure(full, doc, args.runs)
                med, med0 = statistics.median(times), statistics.median(base_times)
                print(f"{name}: check of the draft, median of {args.runs}: {med * 1000:.0f} ms "
                      f"with the library (p90 {sorted(times)[int(0.9 * len(times)) - 1] * 1000:.0f} ms), "
                      f"{med0 * 1000:.0f} ms with an empty library; the library adds "
                      f"{(med - med0) * 1000:.0f} ms ({med / med0:.1f}x); target < 1000 ms: "
                      f"{'met' if med < 1.0 else 'NOT met'}")
                print(f"{name}: quotes by class: {classes}")
            finally:
                from verifier.db.store import close_stores
                close_stores()
                for admin, schema in cleanup or ():
                    with admin.connect() as conn:  # type: ignore[attr-defined]
                        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


if __name__ == "__main__":
    main()
