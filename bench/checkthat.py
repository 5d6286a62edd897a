"""CheckThat! 2020 Task 2 (verified-claim retrieval): MAP@5, MRR, P@1 of `precedents.search`
against the plain FTS5 bm25 baseline, with the corpus README's protocol.

    .venv/bin/python bench/checkthat.py                # dev (held out) and train
    .venv/bin/python bench/checkthat.py --fit          # refit the weights on train, report dev
    .venv/bin/python bench/checkthat.py --no-semantic  # lexical re-ranking only

Two re-rankers: lexical features only (LEXICAL_WEIGHTS), and the same plus sentence-embedding
cosines (all-MiniLM-L6-v2, WEIGHTS) when the `semantic` extra is installed. The weights were
fitted on train only; dev is reported as held-out. The first run embeds the 10,375 claims and
their titles (minutes on CPU) into the vector cache (semantic.cache_path()); later runs load
them."""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text as sql  # noqa: E402

from verifier.db import precedents as db_precedents  # noqa: E402
from verifier.db.store import close_stores, open_store  # noqa: E402
from verifier.reference import index, precedents, semantic  # noqa: E402

CORPUS = Path("/work/shared/corpus/checkthat2020")


def rows(path: Path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")]


def qrels(path: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for q, _, d, _rel in rows(path):
        out.setdefault(q, set()).add(d)
    return out


def scores(run: dict[str, list[tuple[str, float]]], rel: dict[str, set[str]]) -> dict[str, float]:
    """MAP@5, MRR (depth 5... and full list), P@1: lines sorted by score, cut at depth 5."""
    m = mrr = p1 = 0.0
    for q, relevant in rel.items():
        ranked = [d for d, _ in sorted(run.get(q, []), key=lambda x: -x[1])][:5]
        hits = 0
        ap = 0.0
        for i, d in enumerate(ranked, 1):
            if d in relevant:
                hits += 1
                ap += hits / i
        m += ap / len(relevant)
        for i, d in enumerate(ranked, 1):
            if d in relevant:
                mrr += 1 / i
                break
        p1 += bool(ranked) and ranked[0] in relevant
    n = len(rel)
    return {"MAP@5": round(m / n, 4), "MRR@5": round(mrr / n, 4), "P@1": round(p1 / n, 4)}


def baseline(session, queries: list[list[str]]) -> dict[str, list[tuple[str, float]]]:
    out = {}
    for qid, text in queries:
        res = session.execute(sql(
            "SELECT p.external_id, bm25(precedent_fts) r FROM precedent_fts f "
            "JOIN precedent p ON p.id = f.rowid WHERE precedent_fts MATCH :q ORDER BY r LIMIT 5"),
            {"q": " OR ".join('"' + t.replace('"', '""') + '"'
                              for t in dict.fromkeys(index.word_tokens(text)))}).all()
        out[qid] = [(d, -r) for d, r in res]
    return out


def run_search(session, queries, top=5, weights=None, use_semantic=False):
    return {qid: [(h.docid, h.score) for h in db_precedents.search(
        session=session, query=text, top=top, weights=weights, use_semantic=use_semantic)]
        for qid, text in queries}


def fit(session, train, use_semantic: bool) -> tuple[float, ...]:
    """Random search then coordinate refinement of the linear weights, on train MAP@5
    (ties broken by MRR@5)."""
    rel = qrels(CORPUS / "train.qrels")
    start = precedents.WEIGHTS if use_semantic else precedents.LEXICAL_WEIGHTS
    feats = {}
    for qid, text in train:
        hits = db_precedents.search(session=session, query=text, top=1000, weights=start,
                                 use_semantic=use_semantic)
        feats[qid] = [(h.docid, list(h.features.values())) for h in hits]

    def evaluate(w):
        run = {q: [(d, sum(a * b for a, b in zip(w, f, strict=True))) for d, f in fl]
               for q, fl in feats.items()}
        r = scores(run, rel)
        return (r["MAP@5"], r["MRR@5"])

    rnd = random.Random(0)
    best_w, best = list(start), evaluate(start)
    for _ in range(300):
        w = [1.0] + [rnd.random() * 1.5 for _ in range(len(best_w) - 1)]
        if use_semantic:  # the embedding features on a wider scale
            w[-3:] = [rnd.random() * 6 for _ in range(3)]
        s = evaluate(w)
        if s > best:
            best_w, best = w, s
    for _ in range(4):
        for k in range(1, len(best_w)):
            for delta in (-0.5, -0.2, -0.1, 0.1, 0.2, 0.5):
                w = list(best_w)
                w[k] = max(0.0, w[k] + delta)
                s = evaluate(w)
                if s > best:
                    best_w, best = w, s
    name = "WEIGHTS" if use_semantic else "LEXICAL_WEIGHTS"
    print(f"fitted {name} on train: MAP@5 {best[0]:.4f} weights "
          f"{tuple(round(x, 2) for x in best_w)}")
    return tuple(round(x, 2) for x in best_w)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--fit", action="store_true", help="refit the weights on train")
    ap.add_argument("--no-semantic", action="store_true",
                    help="skip the sentence-embedding re-ranker even when it is installed")
    args = ap.parse_args()
    sem = not args.no_semantic and semantic.available()
    if not sem:
        print("sentence embeddings: off" + ("" if args.no_semantic else
              f" (not installed: {semantic.INSTALL_HINT})"))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/ct.db")
        t0 = time.perf_counter()
        with store.write() as s:
            n = db_precedents.import_precedents(session=s, path_or_bytes=CORPUS / "verified_claims.tsv",
                                             collection="checkthat2020", actor="bench")
        print(f"imported {n} verified claims in {time.perf_counter() - t0:.1f} s")
        train = rows(CORPUS / "train.queries.tsv")
        dev = rows(CORPUS / "dev.queries.tsv")
        variants = [("lexical", False, precedents.LEXICAL_WEIGHTS)]
        with store.read() as s:
            if sem:
                cold_latency(s, dev[:5])
                st = semantic.CacheStats()
                t0 = time.perf_counter()
                m = db_precedents.embed_collection(session=s, stats=st)
                dt = time.perf_counter() - t0
                print(f"embedded {m} claim and title texts in {dt:.1f} s ({st.computed} computed, "
                      f"{st.disk} from the disk cache {semantic.cache_path()}, {st.memory} in memory)"
                      + (f": {dt / st.computed * 1000:.0f} ms per text" if st.computed else ""))
                variants.append(("+ MiniLM", True, precedents.WEIGHTS))
            if args.fit:
                variants = [(name, use, fit(s, train, use)) for name, use, _ in variants]
            for split, queries in (("dev (held out)", dev), ("train", train)):
                rel = qrels(CORPUS / f"{split.split()[0]}.qrels")
                b = scores(baseline(s, queries), rel)
                print(f"{split:15s} baseline FTS5 bm25 (claim+title, OR of tokens): {b}")
                for name, use, weights in variants:
                    t0 = time.perf_counter()
                    r = scores(run_search(s, queries, weights=weights, use_semantic=use), rel)
                    dt = (time.perf_counter() - t0) / len(queries) * 1000
                    print(f"{split:15s} precedents.search {name:9s}:                    {r}  "
                          f"({dt:.0f} ms/query)")
        close_stores()


def cold_latency(session, queries) -> None:
    """Query latency in a fresh process with an empty vector cache: the query and its ~100
    candidates are all embedded."""
    saved = os.environ.get("VERIFIER_EMBEDDING_CACHE")
    os.environ["VERIFIER_EMBEDDING_CACHE"] = "off"
    try:
        semantic.reset()
        t0 = time.perf_counter()
        semantic.embed(["warm up"])
        load = time.perf_counter() - t0
        t0 = time.perf_counter()
        for _, text in queries:
            db_precedents.search(session=session, query=text, use_semantic=True)
        dt = (time.perf_counter() - t0) / len(queries) * 1000
        print(f"model load {load:.1f} s; cold query (query and candidates embedded, no cache): "
              f"{dt:.0f} ms/query over {len(queries)} dev queries")
    finally:
        if saved is None:
            del os.environ["VERIFIER_EMBEDDING_CACHE"]
        else:
            os.environ["VERIFIER_EMBEDDING_CACHE"] = saved
        semantic.reset()


if __name__ == "__main__":
    main()
