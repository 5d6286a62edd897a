"""French quote benchmark on our French TimeBank annotation (tests/data/quotes/fr-ftib-gold.jsonl):
Gender Gap Tracker protocol (P/R/F1 @0.3 and @0.8, speaker accuracy by span, by name, either),
split into a development half (even positions in id order) and a held-out half (odd positions).
Quotes marked ``borderline`` count neither way (as for the seed).

Without ``--half``, figures of dev, held and all. ``--half dev`` (or ``held``) prints that half's
figures only, runs the extractor on that half's documents only and lists its errors with
``--errors N``.

    .venv/bin/python bench/quotes_fr.py [--errors N] [--half dev|held|all] [--sweep]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _pipeline import quotes as product_quotes  # noqa: E402
from fr_news_data import half_option, shown  # noqa: E402
from quotes import confidence_line, evaluate, score_article  # noqa: E402

GOLD = ROOT / "tests/data/quotes/fr-ftib-gold.jsonl"


def load() -> list[dict]:
    docs = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    docs.sort(key=lambda d: d["id"])
    return docs


def prepare(doc: dict) -> tuple[dict, list]:
    """Gold without borderline items; predictions overlapping a borderline item removed."""
    border = [g for g in doc["quotes"] if g["borderline"]]
    core = [g for g in doc["quotes"] if not g["borderline"]]
    pred = [p for p in product_quotes(doc["text"], "fr") if not any(
        p.start < b["quote_end"] and b["quote_start"] < p.end for b in border)]
    return {"quotes": core, "text": doc["text"], "id": doc["id"]}, pred


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", type=int, default=0, help="list the errors of --half")
    half_option(ap, ["dev", "held"])
    ap.add_argument("--sweep", action="store_true", help="accuracy above/below other thresholds")
    args = ap.parse_args()
    sweep = (0.4, 0.5, 0.55, 0.65, 0.7, 0.75) if args.sweep else ()
    docs = load()
    halves = {"dev": docs[0::2], "held": docs[1::2], "all": docs}
    # one half only: the extractor does not even run on the other's texts
    prepared = {d["id"]: prepare(d) for d in halves[args.half]}
    print("== French quotes: our FTiB annotation (GGT protocol; borderline items excluded)")
    for label, ds in shown(halves, args.half).items():
        arts = [prepared[d["id"]][0] for d in ds]
        preds = [prepared[d["id"]][1] for d in ds]
        ng = sum(len(a["quotes"]) for a in arts)
        for thr in (0.3, 0.8):
            r = evaluate(arts, preds, thr)
            print(f"  {label:5s} ({len(ds)} docs, {ng} quotes) @{thr}: P {r['P']:.3f} R {r['R']:.3f} "
                  f"F1 {r['F1']:.3f} (tp {r['tp']} fp {r['fp']} fn {r['fn']})  speaker span "
                  f"{r['acc_span']:.3f} name {r['acc_name']:.3f} either {r['acc_either']:.3f}")
            if thr == 0.3:
                print("             " + confidence_line(r["conf"], sweep))
    if args.errors:
        for d in halves[args.half]:
            a, pred = prepared[d["id"]]
            r = score_article(a["quotes"], pred, 0.3)
            t = a["text"]
            for g, p in r["matched"]:
                if p is None:
                    print(f"  FN {d['id']} {g['quote'][:90]!r} spk={g['speaker']!r}")
                else:
                    ok = (g["speaker_start"] is not None and p.speaker_start is not None and
                          p.speaker_start < g["speaker_end"] and g["speaker_start"] < p.speaker_end) or (
                        not g["speaker"] and p.floating)
                    if not ok or (g["reference"] or "").lower() != (p.reference or "").lower():
                        print(f"  SPK {d['id']} {g['quote'][:50]!r} gold={g['speaker']!r}/{g['reference']!r}"
                              f" pred={p.speaker!r}/{p.reference!r}{' floating' if p.floating else ''}")
            for p in r["unmatched_pred"]:
                print(f"  FP {d['id']} {t[max(0, p.start - 40):p.start]!r}[[{p.text[:90]}]] spk={p.speaker!r} cue={p.cue!r}")


if __name__ == "__main__":
    main()
