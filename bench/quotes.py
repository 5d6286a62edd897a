"""Quote extractor benchmark: Gender Gap Tracker protocol on the English dev set (both halves,
split by article id: half A = the first half of the sorted ids, for development; half B = the
rest, held out) and the French seed; speed in words per second (median of 3 runs).

Without ``--half``, figures of half A, half B and all, speed over every article. ``--half A``
(or ``B``) prints that half's figures only, runs the extractor on that half's articles only
(speed included) and lists its errors with ``--errors N``; the seed report is printed in every
mode.

    .venv/bin/python bench/quotes.py [--corpus /work/shared/corpus] [--errors N] [--half A|B|all]
        [--sweep]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _pipeline import quotes as product_quotes  # noqa: E402
from fr_news_data import half_option, shown  # noqa: E402

from verifier.claims import ATTRIBUTION_THRESHOLD  # noqa: E402
from verifier.extract.quotes import Quote, extract_quotes  # noqa: E402


def score_article(gold: list[dict], pred: list[Quote], thr: float) -> dict:
    """Greedy one-to-one matching, gold in order; |g ∩ p| / |g| > thr."""
    pool = list(range(len(pred)))
    tp = 0
    spk_span = spk_name = spk_either = spk_person = 0
    matched = []
    conf: list[tuple[float, bool]] = []   # (confidence, speaker right by span or name)
    for g in gold:
        gs, ge = g["quote_start"], g["quote_end"]
        glen = max(1, ge - gs)
        best, best_sc = None, thr
        for pi in pool:
            p = pred[pi]
            inter = max(0, min(ge, p.end) - max(gs, p.start))
            sc = inter / glen
            if sc > best_sc:
                best, best_sc = pi, sc
        if best is None:
            matched.append((g, None))
            continue
        pool.remove(best)
        tp += 1
        p = pred[best]
        matched.append((g, p))
        if g.get("speaker_start") is not None and p.speaker_start is not None:
            span_ok = p.speaker_start < g["speaker_end"] and g["speaker_start"] < p.speaker_end
        elif not g.get("speaker"):
            span_ok = p.floating
        else:
            span_ok = False
        name_ok = bool(g.get("reference") and p.reference
                       and g["reference"].strip().lower() == p.reference.strip().lower())
        person_ok = same_person(g.get("reference"), p.reference)
        spk_span += span_ok
        spk_name += name_ok
        spk_person += person_ok
        spk_either += span_ok or name_ok
        conf.append((p.confidence, bool(span_ok or name_ok)))
    return {"tp": tp, "fp": len(pool), "fn": len(gold) - tp, "span": spk_span, "name": spk_name,
            "either": spk_either, "person": spk_person, "matched": matched, "unmatched_pred": [pred[i] for i in pool],
            "conf": conf}


def same_person(gold: str | None, pred: str | None) -> bool:
    """The same person under a fuller or shorter form of the name: every word of the shorter
    one in the longer, the same last word ("Bassirou Diomaye Faye" / "Bassirou Diomaye Diakhar
    Faye"); exact names of organisations and descriptions count as well."""
    if not gold or not pred:
        return False
    g, p = gold.strip().lower().split(), pred.strip().lower().split()
    if g == p:
        return True
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    return len(short) >= 2 and short[-1] == long_[-1] and set(short) <= set(long_)


def evaluate(articles: list[dict], preds: list[list[Quote]], thr: float) -> dict:
    tot = {"tp": 0, "fp": 0, "fn": 0, "span": 0, "name": 0, "either": 0, "person": 0}
    conf: list[tuple[float, bool]] = []
    for a, p in zip(articles, preds, strict=True):
        r = score_article(a["quotes"], p, thr)
        for k in tot:
            tot[k] += r[k]
        conf += r["conf"]
    P = tot["tp"] / max(1, tot["tp"] + tot["fp"])
    R = tot["tp"] / max(1, tot["tp"] + tot["fn"])
    F = 2 * P * R / max(1e-9, P + R)
    m = max(1, tot["tp"])
    return {**tot, "P": P, "R": R, "F1": F, "acc_span": tot["span"] / m,
            "acc_name": tot["name"] / m, "acc_either": tot["either"] / m,
            "acc_person": tot["person"] / m, "conf": conf}


def confidence_line(conf: list[tuple[float, bool]], thresholds: tuple[float, ...] = ()) -> str:
    """Speaker accuracy (span or name) of matched quotes at or above / below the attribution
    threshold (claims.ATTRIBUTION_THRESHOLD), and for other thresholds when asked."""
    out = []
    for t in (ATTRIBUTION_THRESHOLD, *thresholds):
        hi = [ok for c, ok in conf if c >= t]
        lo = [ok for c, ok in conf if c < t]
        out.append(f"conf>={t:.2f}: {len(hi)} quotes, speaker right {sum(hi) / max(1, len(hi)):.3f}; "
                   f"below: {len(lo)} quotes, right {sum(lo) / max(1, len(lo)):.3f}")
    return "\n             ".join(out)


def line(label: str, articles: list[dict], preds: list[list[Quote]]) -> str:
    out = []
    for thr in (0.3, 0.8):
        r = evaluate(articles, preds, thr)
        out.append(f"  {label:8s} @{thr}: P {r['P']:.3f} R {r['R']:.3f} F1 {r['F1']:.3f}  "
                   f"(tp {r['tp']} fp {r['fp']} fn {r['fn']})  speaker span {r['acc_span']:.3f} "
                   f"name {r['acc_name']:.3f} either {r['acc_either']:.3f}")
        if thr == 0.3:
            out.append(f"             {confidence_line(r['conf'], SWEEP)}")
    return "\n".join(out)


SWEEP: tuple[float, ...] = ()   # --sweep: other thresholds to print


def speed(articles: list[dict]) -> float:
    words = sum(len(a["text"].split()) for a in articles)
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        for a in articles:
            product_quotes(a["text"], "en")
        runs.append(time.perf_counter() - t0)
    return words / statistics.median(runs)


def seed_report(corpus: Path) -> str:
    txt = corpus / "seed-maroc-russie-fr.txt"
    gold_p = corpus / "seed-maroc-russie-fr.gold.json"
    if not txt.exists():
        txt = ROOT / "tests/data/seed-maroc-russie-fr.txt"
        gold_p = ROOT / "tests/data/seed-maroc-russie-fr.gold.json"
    text = txt.read_bytes().decode("utf-8")
    gold = json.loads(gold_p.read_text(encoding="utf-8"))
    skip = [(b["start"], b["end"]) for b in gold["boilerplate"]]
    pred = extract_quotes(text, lang="fr", skip=skip)
    core = [g for g in gold["quotes"] if not g.get("borderline")]
    border = [g for g in gold["quotes"] if g.get("borderline")]
    lines = []
    exact = ref_ok = 0
    used = set()
    for g in core:
        hit = next((p for p in pred if p.start == g["quote_start"] and p.end == g["quote_end"]), None)
        ok_ref = hit is not None and hit.reference is not None and (
            g["reference"] is None and hit.anonymous or g["reference"] is not None
            and g["reference"].lower() in hit.reference.lower())
        if hit:
            exact += 1
            used.add(id(hit))
        ref_ok += ok_ref or (hit is not None and g["reference"] is None and hit.anonymous)
        lines.append(f"    {'OK ' if hit else 'MISS'} {g['quote'][:50]!r:55s} -> "
                     f"{(hit.speaker, hit.reference, hit.cue, hit.quote_type) if hit else None}")
    extra = [p for p in pred if id(p) not in used and not any(
        p.start < b["quote_end"] and b["quote_start"] < p.end for b in border)]
    # GGT-protocol figures on the seed (borderline items count neither way)
    r3 = score_article(core, [p for p in pred if not any(
        p.start < b["quote_end"] and b["quote_start"] < p.end for b in border)], 0.8)
    lines.insert(0, f"  seed (fr): core quotes with exact spans {exact}/{len(core)}, right "
                    f"reference {ref_ok}/{len(core)}, other predictions (false positives) "
                    f"{len(extra)}; @0.8 tp {r3['tp']} fp {r3['fp']} fn {r3['fn']} speaker span "
                    f"{r3['span']}/{max(1, r3['tp'])}")
    for p in extra:
        lines.append(f"    EXTRA {p.text[:60]!r} {p.speaker!r} {p.cue!r}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--errors", type=int, default=0, help="print N error examples of --half")
    half_option(ap, ["A", "B"])
    ap.add_argument("--sweep", action="store_true", help="accuracy above/below other thresholds")
    args = ap.parse_args()
    global SWEEP
    SWEEP = (0.4, 0.5, 0.55, 0.65, 0.7, 0.75) if args.sweep else ()
    corpus = Path(args.corpus)
    dev = corpus / "quotes-en-dev.jsonl"
    print("== quotes (Gender Gap Tracker protocol; marked quotes include their marks)")
    if dev.exists():
        articles = [json.loads(x) for x in dev.read_text(encoding="utf-8").splitlines() if x.strip()]
        articles.sort(key=lambda a: a["id"])
        half = len(articles) // 2
        hs = {"A": articles[:half], "B": articles[half:], "all": articles}
        run = hs[args.half]   # one half only: the extractor does not even run on the other's texts
        preds = {a["id"]: product_quotes(a["text"], "en") for a in run}
        if args.half == "all":
            print(f"English dev: {len(articles)} articles, {sum(len(a['quotes']) for a in articles)} "
                  f"gold quotes; half A = first {half} ids (development), half B = rest (held out)")
        else:
            print(f"English dev, half {args.half} only: {len(run)} articles, "
                  f"{sum(len(a['quotes']) for a in run)} gold quotes "
                  f"({'first' if args.half == 'A' else 'last'} {len(run)} of {len(articles)} ids)")
        for key, arts in shown(hs, args.half).items():
            print(line("all" if key == "all" else f"half {key}", arts, [preds[a["id"]] for a in arts]))
        where = "English dev" if args.half == "all" else f"English dev half {args.half}"
        print(f"  speed: {speed(run):,.0f} words/s ({where}, in-process, median of 3)")
        if args.errors:
            _errors(run, preds, args.errors)
    else:
        print(f"  (no {dev}: English figures skipped)")
    print(seed_report(corpus))


def _errors(arts: list[dict], preds: dict, n: int) -> None:
    fns, fps, spk = [], [], []
    for a in arts:
        r = score_article(a["quotes"], preds[a["id"]], 0.8)
        t = a["text"]
        for g, p in r["matched"]:
            if p is None:
                fns.append((a, g))
            else:
                ok = (g.get("speaker_start") is not None and p.speaker_start is not None and
                      p.speaker_start < g["speaker_end"] and g["speaker_start"] < p.speaker_end) or (
                    not g.get("speaker") and p.floating)
                if not ok:
                    spk.append((t, g, p))
        for p in r["unmatched_pred"]:
            fps.append((t, p))
    print(f"--- {len(fns)} false negatives @0.8")
    for a, g in fns[:n]:
        t = a["text"]
        near = [p for p in preds[a["id"]] if p.start < g["quote_end"] and g["quote_start"] < p.end]
        print("  GOLD", repr(t[max(0, g["quote_start"] - 80):g["quote_start"]] + "[[" + g["quote"] + "]]" + t[g["quote_end"]:g["quote_end"] + 60]))
        for p in near:
            print("     pred", repr(p.text[:150]))
    print(f"--- {len(fps)} false positives @0.8")
    for t, p in fps[:n]:
        print("  PRED", repr(t[max(0, p.start - 60):p.start] + "[[" + p.text + "]]" + t[p.end:p.end + 40]), p.speaker, p.cue)
    print(f"--- {len(spk)} speaker errors")
    for t, g, p in spk[:n]:
        print("  ", repr(g["quote"][:60]), "gold:", g["speaker"], "/", g["reference"], " pred:", p.speaker, "/", p.reference, "floating" if p.floating else "")
        if g.get("speaker_start") is not None:
            a, b = sorted((g["speaker_start"], g["quote_start"]))
            print("      context:", repr(t[max(0, a - 40):max(b, g["quote_end"]) + 40][:400]))


if __name__ == "__main__":
    main()
