"""Temporal-expression benchmark: verifier.extract.temporal vs dateparser.search_dates.

Data: /work/shared/corpus/timex-fr-dev.jsonl (French TimeBank 1.1, 49 documents; override with
VERIFIER_CORPUS=dir) and the seed article gold. Protocol (corpus README section 2): one-to-one
alignment, strict = same span, relaxed = overlap >= 1 character; value and type accuracy over
relaxed matches (value F1 = correct values / predictions, / gold). The FTiB documents are split in
two halves by sorted id (A = first 24, used for development; B = the other 25, held out).

Without ``--half``, rows of A, B and all, and speed over every FTiB paragraph. ``--half A`` (or
``B``) prints that half's rows only and runs the extractors (verifier and the dateparser baseline)
on that half's documents only, speed included; ``-v`` lists the errors of ``--half`` (all
documents by default). The seed report is printed in every mode.

Run: .venv/bin/python bench/temporal.py [--no-dateparser] [-v] [--half A|B|all]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fr_news_data import half_option, shown  # noqa: E402

from verifier.extract.temporal import extract_temporal  # noqa: E402

CORPUS = Path(os.environ.get("VERIFIER_CORPUS", "/work/shared/corpus"))
SEED_TXT = ROOT / "tests/data/seed-maroc-russie-fr.txt"
SEED_GOLD = ROOT / "tests/data/seed-maroc-russie-fr.gold.json"


def load_ftib() -> list[dict]:
    path = CORPUS / "timex-fr-dev.jsonl"
    if not path.exists():
        path = ROOT / "tests/data/temporal/timex-fr-sample.jsonl"
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    docs.sort(key=lambda d: d["id"])
    return docs


def ftib_halves(docs: list[dict]) -> dict[str, list[dict]]:
    """Half A (the first half of the sorted ids, for development), B (the rest, held out), all."""
    half = len(docs) // 2
    return {"A": docs[:half], "B": docs[half:], "all": docs}


def align(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one: strict (same span) pairs first, then the largest overlaps."""
    pairs: list[tuple[dict, dict]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used_p and (g["start"], g["end"]) == (p["start"], p["end"]):
                pairs.append((g, p))
                used_g.add(gi)
                used_p.add(pi)
                break
    cand = []
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        for pi, p in enumerate(pred):
            if pi in used_p:
                continue
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov >= 1:
                cand.append((-ov, gi, pi))
    for _, gi, pi in sorted(cand):
        if gi in used_g or pi in used_p:
            continue
        pairs.append((gold[gi], pred[pi]))
        used_g.add(gi)
        used_p.add(pi)
    return pairs


class Score:
    def __init__(self) -> None:
        self.n_gold = self.n_pred = self.strict = self.relaxed = self.value_ok = self.type_ok = 0
        self.errors: list[str] = []

    def add(self, gold: list[dict], pred: list[dict], neutral: list[dict] = (), doc_id: str = "",
            text: str = "") -> None:
        # predictions matching a neutral item (borderline/boilerplate) count neither way
        if neutral:
            pred = [p for p in pred if not any(min(n["end"], p["end"]) > max(n["start"], p["start"])
                                               for n in neutral)]
        pairs = align(gold, pred)
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        self.relaxed += len(pairs)
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        for g, p in pairs:
            if (g["start"], g["end"]) == (p["start"], p["end"]):
                self.strict += 1
            if p.get("value") == g.get("value"):
                self.value_ok += 1
            else:
                self.errors.append(f"{doc_id} VALUE {g['text']!r} gold={g.get('value')} "
                                   f"pred={p.get('value')} ({p['text']!r})")
            if p.get("type") == g.get("type"):
                self.type_ok += 1
            else:
                self.errors.append(f"{doc_id} TYPE {g['text']!r} gold={g.get('type')} "
                                   f"pred={p.get('type')} ({p['text']!r} {p.get('value')})")
        for g in gold:
            if id(g) not in matched_g:
                self.errors.append(f"{doc_id} MISS {g['text']!r} {g.get('type')} {g.get('value')}"
                                   f" | {text[max(0, g['start'] - 30):g['end'] + 30]!r}")
        for p in pred:
            if id(p) not in matched_p:
                self.errors.append(f"{doc_id} FALSE {p['text']!r} {p.get('type')} {p.get('value')}"
                                   f" | {text[max(0, p['start'] - 30):p['end'] + 30]!r}")

    def row(self) -> dict[str, float]:
        def prf(tp: int) -> tuple[float, float, float]:
            p = tp / self.n_pred if self.n_pred else 0.0
            r = tp / self.n_gold if self.n_gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = prf(self.strict)
        rp, rr, rf = prf(self.relaxed)
        vacc = self.value_ok / self.relaxed if self.relaxed else 0.0
        _, _, vf1 = prf(self.value_ok)
        tacc = self.type_ok / self.relaxed if self.relaxed else 0.0
        return {"gold": self.n_gold, "pred": self.n_pred, "strict_P": sp, "strict_R": sr,
                "strict_F1": sf, "relaxed_P": rp, "relaxed_R": rr, "relaxed_F1": rf,
                "value_acc": vacc, "value_F1": vf1, "type_acc": tacc}


def ours(doc: dict, types: set[str]) -> list[dict]:
    pub = dt.date.fromisoformat(doc["dct"][:10])
    return [{"start": t.start, "end": t.end, "text": t.text, "type": t.timex_type,
             "value": t.value}
            for t in extract_temporal(doc["text"], lang="fr", published=pub)
            if t.timex_type in types]


def dateparser_preds(doc: dict, types: set[str] | None = None, lang: str = "fr") -> list[dict]:
    """dateparser.search_dates over the raw text (the baseline), as day values."""
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(doc["dct"][:10])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(doc["text"], languages=[lang], settings={"RELATIVE_BASE": base}) or []
    out: list[dict] = []
    pos = 0
    for s, d in found:
        i = doc["text"].find(s, pos)
        if i < 0:
            i = doc["text"].find(s)
        if i < 0:
            continue
        pos = i + len(s)
        out.append({"start": i, "end": i + len(s), "text": s, "type": "DATE",
                    "value": d.date().isoformat()})
    return [p for p in out if types is None or p["type"] in types]


def gold_of(doc: dict, types: set[str]) -> list[dict]:
    return [g for g in doc["timexes"] if g["type"] in types]


def table(title: str, rows: dict[str, dict[str, float]]) -> None:
    print(f"\n## {title}")
    cols = ["gold", "pred", "strict_P", "strict_R", "strict_F1", "relaxed_P", "relaxed_R",
            "relaxed_F1", "value_acc", "value_F1", "type_acc"]
    print(f"{'':28}" + "".join(f"{c:>11}" for c in cols))
    for name, r in rows.items():
        print(f"{name:28}" + "".join(f"{r[c]:>11.3f}" if isinstance(r[c], float) else f"{r[c]:>11}"
                                     for c in cols))


def paragraphs(docs: list[dict]) -> list[tuple[str, str]]:
    out = []
    for d in docs:
        for block in d["text"].split("\n"):
            if block.strip():
                out.append((block, d["dct"]))
    return out


def speed(fn, paras: list[tuple[str, str]], runs: int = 5) -> tuple[float, float]:
    """(wall, CPU) paragraphs per second, each the median of ``runs`` passes after a warm-up
    pass. CPU time (time.process_time) is the figure to compare: machine load barely moves it."""
    for p, dct in paras[:50]:
        fn(p, dct)
    walls, cpus = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        for p, dct in paras:
            fn(p, dct)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return len(paras) / statistics.median(walls), len(paras) / statistics.median(cpus)


def speed_line(label: str, v: tuple[float, float]) -> str:
    return f"{label} {v[0]:10.0f} paragraphs/s wall {v[1]:10.0f} paragraphs/s CPU"


def seed_report() -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    text = SEED_TXT.read_text(encoding="utf-8")
    from verifier.text import find_boilerplate

    skip = [(b.start, b.end) for b in find_boilerplate(text)]
    pred = [{"start": t.start, "end": t.end, "text": t.text, "type": t.timex_type,
             "value": t.value, "role": t.role, "mod": t.mod, "resolved_day": t.resolved_day,
             "anchor": t.anchor}
            for t in extract_temporal(text, lang="fr", published=dt.date(2025, 10, 16), skip=skip)]
    core = [g for g in gold["timexes"] if not g["borderline"] and not g["boilerplate"]]
    neutral = [g for g in gold["timexes"] if g["borderline"] or g["boilerplate"]]
    s = Score()
    s.add(core, pred, neutral, "seed", text)
    table("Seed article (core timexes; borderline and boilerplate count neither way)",
          {"verifier": s.row()})
    for e in s.errors:
        print("   ", e)
    print("  boilerplate 2024 reported:", any(p["text"] == "2024" for p in pred))
    for g in gold["timexes"]:
        p = next((p for p in pred if p["start"] == g["start"] and p["end"] == g["end"]), None)
        extra = ""
        if p and g.get("anchor_event"):
            a = p["anchor"] or {}
            extra = f" anchor_ok={(a.get('start'), a.get('end')) == (g['anchor_event']['start'], g['anchor_event']['end'])}"
        if p and g.get("resolved_day"):
            extra += f" resolved_day={p['resolved_day']} (gold {g['resolved_day']})"
        if p and g.get("role"):
            extra += f" role={p['role']}"
        print(f"  {g['text'][:30]!r:34} gold={g['value']!s:12} pred={(p or {}).get('value')!s:12}"
              f"{extra}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-dateparser", dest="use_dp", action="store_false",
                    help="skip the dateparser baseline")
    ap.add_argument("-v", dest="verbose", action="store_true", help="list the errors of --half")
    half_option(ap, ["A", "B"])
    args = ap.parse_args()
    use_dp, verbose = args.use_dp, args.verbose
    hs = ftib_halves(load_ftib())
    labels = {"A": f"A (dev, first {len(hs['A'])} ids)", "B": "B (held out)",
              "all": f"all {len(hs['all'])}"}
    run = hs[args.half]   # one half only: the extractors do not even run on the other's texts
    type_sets = {"DATE": {"DATE"}, "TIME": {"TIME"}, "DATE+TIME": {"DATE", "TIME"},
                 "DURATION": {"DURATION"}, "SET": {"SET"}}
    systems = {"verifier": ours}
    if use_dp:
        systems["dateparser"] = dateparser_preds
    cache: dict[tuple[str, str], list[dict]] = {}
    for sysname, fn in systems.items():
        for d in run:
            cache[(sysname, d["id"])] = fn(d, {"DATE", "TIME", "DURATION", "SET"})
    for tname, types in type_sets.items():
        rows = {}
        for key, hdocs in shown(hs, args.half).items():
            hname = labels[key]
            for sysname in systems:
                if sysname == "dateparser" and tname not in ("DATE", "DATE+TIME"):
                    continue
                s = Score()
                for d in hdocs:
                    pred = [p for p in cache[(sysname, d["id"])] if p["type"] in types]
                    if sysname == "dateparser" and tname == "DATE":
                        pred = cache[(sysname, d["id"])]
                    s.add(gold_of(d, types), pred, doc_id=d["id"], text=d["text"])
                rows[f"{sysname} {hname}"] = s.row()
                if verbose and sysname == "verifier" and key == args.half and tname == "DATE+TIME":
                    for e in s.errors:
                        print("   ", e)
        table(f"FTiB dev, gold {tname}", rows)
    if verbose:
        s = Score()
        for d in run:
            s.add(gold_of(d, {"DURATION", "SET"}), [p for p in cache[("verifier", d["id"])]
                                                   if p["type"] in ("DURATION", "SET")],
                  doc_id=d["id"], text=d["text"])
        for e in s.errors:
            print("   ", e)

    seed_report()

    paras = paragraphs(run)
    v_speed = speed(lambda p, dct: extract_temporal(p, lang="fr",
                                                    published=dt.date.fromisoformat(dct)), paras)
    where = "the FTiB dev texts" + ("" if args.half == "all" else f" of half {args.half}")
    print(f"\n## Speed ({len(paras)} paragraphs of {where}, median of 5 runs, one core)")
    print(speed_line("verifier:  ", v_speed))
    if use_dp:
        print(speed_line("dateparser:", dateparser_speed(paras, "fr")))


def dateparser_speed(paras: list, lang: str) -> object:
    """The baseline's speed: search_dates over each paragraph (one run: it is slow)."""
    from dateparser.search import search_dates

    def dp(p: str, dct: str) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            search_dates(p, languages=[lang],
                         settings={"RELATIVE_BASE": dt.datetime.fromisoformat(dct)})

    return speed(dp, paras, runs=1)


if __name__ == "__main__":
    main()
