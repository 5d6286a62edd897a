"""English temporal-expression benchmark: verifier.extract.temporal vs dateparser.search_dates.

Gold: tests/data/temporal/en-ggt-gold.jsonl, our TIMEX3 annotation (DATE and TIME, FTiB/TimeML span
conventions, values resolved against a per-article dct) of 17 Gender Gap Tracker articles (every
third article of /work/shared/corpus/quotes-en-dev.jsonl by sorted id). The gold file holds only
ids, dcts and offsets; the texts are read from the corpus (override the directory with
VERIFIER_CORPUS=dir). ``neutral`` spans (borderline expressions) count neither way.

Protocol as bench/temporal.py (corpus README section 2): one-to-one alignment, strict = same span,
relaxed = overlap >= 1 character; value and type accuracy over relaxed matches. Halves by sorted
id: A = the first 8 articles (development), B = the other 9 (held out). Speed: every paragraph of
the 50 GGT texts, and of the French FTiB dev texts, wall and CPU (time.process_time)
paragraphs/s, median of 5 runs.

Without ``--half``, rows of A, B and all; ``-v`` lists the errors of A (and of B with
``--held``). ``--half A`` (or ``B``) prints that half's rows only and lists its errors with
``-v``; the extractors run on that half's articles only, and the speed lines are measured on
that half's GGT articles and on the FTiB half of the same name (bench/temporal.py's A or B).

Run: .venv/bin/python bench/temporal_en.py [--no-dateparser] [-v] [--held] [--half A|B|all]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fr_news_data import half_option, shown  # noqa: E402
from temporal import Score, ftib_halves, load_ftib, paragraphs, speed, speed_line, table  # noqa: E402

from verifier.extract.temporal import extract_temporal  # noqa: E402

CORPUS = Path(os.environ.get("VERIFIER_CORPUS", "/work/shared/corpus"))
GOLD = ROOT / "tests/data/temporal/en-ggt-gold.jsonl"
TYPES = {"DATE", "TIME"}


def load() -> tuple[list[dict], dict[str, str]]:
    texts = {}
    for line in (CORPUS / "quotes-en-dev.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        texts[d["id"]] = d["text"]
    docs = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    for d in docs:
        d["text"] = texts[d["id"]]
        for g in d["timexes"] + d["neutral"]:
            assert d["text"][g["start"]:g["end"]] == g["text"], (d["id"], g)
    docs.sort(key=lambda d: d["id"])
    return docs, texts


def ours(doc: dict) -> list[dict]:
    pub = dt.date.fromisoformat(doc["dct"])
    return [{"start": t.start, "end": t.end, "text": t.text, "type": t.timex_type,
             "value": t.value}
            for t in extract_temporal(doc["text"], lang="en", published=pub)]


def dateparser_preds(doc: dict) -> list[dict]:
    from temporal import dateparser_preds as baseline  # bench/temporal.py, same directory

    return baseline(doc, lang="en")


def crawl_day(doc_id: str) -> dt.date:
    """GGT's MongoDB ObjectId starts with the crawl time (UTC seconds); Toronto is UTC-5 in winter."""
    return (dt.datetime.utcfromtimestamp(int(doc_id[:8], 16)) - dt.timedelta(hours=5)).date()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-dateparser", dest="use_dp", action="store_false",
                    help="skip the dateparser baseline")
    ap.add_argument("-v", dest="verbose", action="store_true",
                    help="list the errors of half A, or of --half")
    ap.add_argument("--held", action="store_true",
                    help="with -v and no --half: half B's errors too")
    half_option(ap, ["A", "B"])
    args = ap.parse_args()
    use_dp, verbose = args.use_dp, args.verbose
    docs, texts = load()
    half = 8
    hs = {"A": docs[:half], "B": docs[half:], "all": docs}
    labels = {"A": f"A (dev, first {half} ids)", "B": f"B (held out, {len(docs) - half})",
              "all": f"all {len(docs)}"}
    run = hs[args.half]   # one half only: the extractors do not even run on the other's texts
    listed = {"A", "B"} if args.held else {"A"}   # whose errors -v lists
    if args.half != "all":
        listed = {args.half}
    systems = {"verifier": ours}
    if use_dp:
        systems["dateparser"] = dateparser_preds
    cache = {(s, d["id"]): fn(d) for s, fn in systems.items() for d in run}
    for tname, types in {"DATE": {"DATE"}, "TIME": {"TIME"}, "DATE+TIME": TYPES}.items():
        rows = {}
        for key, hdocs in shown(hs, args.half).items():
            hname = labels[key]
            for sysname in systems:
                if sysname == "dateparser" and tname == "TIME":
                    continue
                s = Score()
                for d in hdocs:
                    pred = [p for p in cache[(sysname, d["id"])] if p["type"] in types]
                    if sysname == "dateparser" and tname == "DATE":
                        pred = cache[(sysname, d["id"])]
                    # a prediction typed TIME/DATE counts against DATE+TIME only (type acc. shows
                    # the confusion); for the single-type tables keep those overlapping gold
                    gold = [g for g in d["timexes"] if g["type"] in types]
                    s.add(gold, pred, d["neutral"], doc_id=d["id"], text=d["text"])
                rows[f"{sysname} {hname}"] = s.row()
                if verbose and sysname == "verifier" and tname == "DATE+TIME" and key in listed:
                    for e in s.errors:
                        print("   ", e)
        table(f"GGT English ({len(docs)} articles, our annotation), gold {tname}", rows)

    if args.half == "all":
        en_texts, en_where = texts, "the 50 GGT texts"
        fr_docs, fr_where = load_ftib(), "the FTiB dev texts"
    else:   # that half's texts only, and the FTiB half of the same name
        en_texts = {d["id"]: d["text"] for d in run}
        en_where = f"the {len(run)} GGT texts of half {args.half}"
        fr_docs = ftib_halves(load_ftib())[args.half]
        fr_where = f"the FTiB dev texts of half {args.half}"
    paras = [(p, crawl_day(i).isoformat()) for i, t in en_texts.items()
             for p in t.split("\n") if p.strip(" .")]  # GGT writes "\n .\n " between paragraphs
    v_en = speed(lambda p, dct: extract_temporal(p, lang="en",
                                                 published=dt.date.fromisoformat(dct)), paras)
    fr_paras = paragraphs(fr_docs)
    v_fr = speed(lambda p, dct: extract_temporal(p, lang="fr",
                                                 published=dt.date.fromisoformat(dct)), fr_paras)
    print("\n## Speed (median of 5 runs, one core; CPU = time.process_time, steadier under load)")
    print(speed_line("verifier en:", v_en) + f" ({len(paras)} paragraphs of {en_where})")
    print(speed_line("verifier fr:", v_fr) + f" ({len(fr_paras)} paragraphs of {fr_where})")
    if use_dp:
        from temporal import dateparser_speed

        print(speed_line("dateparser en:", dateparser_speed(paras, "en")))

if __name__ == "__main__":
    main()
