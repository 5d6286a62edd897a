"""English temporal-expression benchmark: verifier.extract.temporal vs dateparser.search_dates.

Gold: tests/data/temporal/en-ggt-gold.jsonl, our TIMEX3 annotation (DATE and TIME, FTiB/TimeML span
conventions, values resolved against a per-article dct) of 17 Gender Gap Tracker articles (every
third article of /work/shared/corpus/quotes-en-dev.jsonl by sorted id). The gold file holds only
ids, dcts and offsets; the texts are read from the corpus (override the directory with
VERIFIER_CORPUS=dir). ``neutral`` spans (borderline expressions) count neither way.

Protocol as bench/temporal.py (corpus README section 2): one-to-one alignment, strict = same span,
relaxed = overlap >= 1 character; value and type accuracy over relaxed matches. Halves by sorted
id: A = the first 8 articles (development), B = the other 9 (held out; only -v --held lists
their errors). Speed: every paragraph of the 50 GGT texts, and of the French FTiB dev texts, wall and CPU
(time.process_time) paragraphs/s, median of 5 runs.

Run: .venv/bin/python bench/temporal_en.py [--no-dateparser] [-v] [--held]
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from temporal import Score, load_ftib, paragraphs, speed, speed_line, table  # noqa: E402

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
    use_dp = "--no-dateparser" not in sys.argv
    verbose = "-v" in sys.argv
    show_held = "--held" in sys.argv
    docs, texts = load()
    half = 8
    halves = {"A (dev, first 8 ids)": docs[:half], "B (held out, 9)": docs[half:],
              f"all {len(docs)}": docs}
    systems = {"verifier": ours}
    if use_dp:
        systems["dateparser"] = dateparser_preds
    cache = {(s, d["id"]): fn(d) for s, fn in systems.items() for d in docs}
    for tname, types in {"DATE": {"DATE"}, "TIME": {"TIME"}, "DATE+TIME": TYPES}.items():
        rows = {}
        for hname, hdocs in halves.items():
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
                if (verbose and sysname == "verifier" and tname == "DATE+TIME"
                        and (hname.startswith("A") or (show_held and hname.startswith("B")))):
                    for e in s.errors:
                        print("   ", e)
        table(f"GGT English ({len(docs)} articles, our annotation), gold {tname}", rows)

    paras = [(p, crawl_day(i).isoformat()) for i, t in texts.items()
             for p in t.split("\n") if p.strip(" .")]  # GGT writes "\n .\n " between paragraphs
    v_en = speed(lambda p, dct: extract_temporal(p, lang="en",
                                                 published=dt.date.fromisoformat(dct)), paras)
    fr_paras = paragraphs(load_ftib())
    v_fr = speed(lambda p, dct: extract_temporal(p, lang="fr",
                                                 published=dt.date.fromisoformat(dct)), fr_paras)
    print("\n## Speed (median of 5 runs, one core; CPU = time.process_time, steadier under load)")
    print(speed_line("verifier en:", v_en) + f" ({len(paras)} paragraphs of the 50 GGT texts)")
    print(speed_line("verifier fr:", v_fr) + f" ({len(fr_paras)} paragraphs of the FTiB dev texts)")
    if use_dp:
        from temporal import dateparser_speed

        print(speed_line("dateparser en:", dateparser_speed(paras, "en")))


if __name__ == "__main__":
    main()
