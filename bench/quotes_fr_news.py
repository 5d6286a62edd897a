"""Quote benchmark on the blind-annotated news sets (issue 12): the French news set
(tests/data/fr-news/, halves ``dev``, ``held``, ``held2``) and news-2 (tests/data/news-2/, French
and English, halves ``dev3``, ``held3``, ``held4``; ``--lang`` picks the language), news-3
(tests/data/news-3/, French and English, halves ``dev5`` and ``held5``), news-4 (tests/data/news-4/,
French and English, halves ``dev6`` and ``held6``), news-5 (tests/data/news-5/, English only,
halves ``dev7`` and ``held7``) and news-6 (tests/data/news-6/, French only, halves ``dev8`` and
``held8``). Gender Gap Tracker
protocol (P/R/F1 @0.3 and @0.8, speaker accuracy by span, by name, either) per half as assigned in
gold.jsonl (the held-out halves are not to be looked at until the end). Quotes marked
``borderline`` count neither way (predictions overlapping them are dropped).

    .venv/bin/python bench/quotes_fr_news.py [--errors N] [--half dev|held|held2|all]
    .venv/bin/python bench/quotes_fr_news.py --set news2 --lang fr|en [--errors N] [--half dev3|held3|all]
    .venv/bin/python bench/quotes_fr_news.py --set news3 --lang fr|en [--errors N] [--half dev5|held5|all]
    .venv/bin/python bench/quotes_fr_news.py --set news4 --lang fr|en [--errors N] [--half dev6|held6|all]
    .venv/bin/python bench/quotes_fr_news.py --set news5 --lang en [--errors N] [--half dev7|held7|all]
    .venv/bin/python bench/quotes_fr_news.py --set news6 --lang fr [--errors N] [--half dev8|held8|all]
    .venv/bin/python bench/quotes_fr_news.py --set news7 --lang fr|en [--errors N] [--half held9|all]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fr_news_data import SETS, halves, load, parse_args, shown  # noqa: E402
from quotes import evaluate, score_article  # noqa: E402


def prepare(doc: dict, extract) -> tuple[dict, list]:
    """Gold without borderline items; predictions overlapping a borderline item removed."""
    border = [g for g in doc["quotes"] if g["borderline"]]
    core = [g for g in doc["quotes"] if not g["borderline"]]
    pred = [p for p in extract(doc["text"]) if not any(
        p.start < b["quote_end"] and b["quote_start"] < p.end for b in border)]
    return {"quotes": core, "text": doc["text"], "id": doc["id"]}, pred


def report(docs: list[dict], extract, show: str = "all", errors: int = 0, name: str = "fr-news",
           lang: str = "fr") -> None:
    folder, names = SETS[name]
    hs = halves(docs, names)
    # one half only: the extractor does not even run on the others' texts
    prepared = {d["id"]: prepare(d, extract) for d in hs[show]}
    print(f"== {lang} quotes: blind news set {name} ({folder}; GGT protocol; borderline items excluded)")
    for label, ds in shown(hs, show).items():   # one half only: nothing of the others
        arts = [prepared[d["id"]][0] for d in ds]
        preds = [prepared[d["id"]][1] for d in ds]
        ng = sum(len(a["quotes"]) for a in arts)
        for thr in (0.3, 0.8):
            r = evaluate(arts, preds, thr)
            print(f"  {label:5s} ({len(ds)} docs, {ng} quotes) @{thr}: P {r['P']:.3f} R {r['R']:.3f} "
                  f"F1 {r['F1']:.3f} (tp {r['tp']} fp {r['fp']} fn {r['fn']})  speaker span "
                  f"{r['acc_span']:.3f} name {r['acc_name']:.3f} same person {r['acc_person']:.3f} "
                  f"either {r['acc_either']:.3f}")
    if errors:
        for d in hs[show]:
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", type=int, default=0)
    args = parse_args(ap)
    from _pipeline import quotes as product_quotes

    report(load(args.name, args.lang), lambda text: product_quotes(text, args.lang), args.half, args.errors,
           args.name, args.lang)


if __name__ == "__main__":
    main()
