"""Temporal-expression benchmark on the blind-annotated news sets (issue 12): the French news set
(tests/data/fr-news/), news-2 (tests/data/news-2/), news-3 (tests/data/news-3/), news-4
(tests/data/news-4/; all three French and English, ``--lang``), news-5 (tests/data/news-5/;
English only, ``--lang en``) and news-6 (tests/data/news-6/; French only, ``--lang fr``), with
bench/temporal.py's FTiB protocol: one-to-one alignment, strict = same span, relaxed = overlap >= 1
character; value and type accuracy over relaxed matches (value F1 = correct values / predictions,
/ gold); relative expressions anchored on the publication date (``dct``). Items marked
``borderline`` count neither way. Rows per half as assigned in gold.jsonl (fr-news: ``dev``,
``held``, ``held2``; news-2: ``dev3``, ``held3``, ``held4``; news-3: ``dev5``, ``held5``; news-4:
``dev6``, ``held6``; news-5: ``dev7``, ``held7``; news-6: ``dev8``, ``held8``; the held-out halves
are not to be looked at until the end), and ``all``.

    .venv/bin/python bench/temporal_fr_news.py [-v] [--half dev|held|held2|all]
    .venv/bin/python bench/temporal_fr_news.py --set news2 --lang fr|en [-v] [--half dev3|held3|all]
    .venv/bin/python bench/temporal_fr_news.py --set news3 --lang fr|en [-v] [--half dev5|held5|all]
    .venv/bin/python bench/temporal_fr_news.py --set news4 --lang fr|en [-v] [--half dev6|held6|all]
    .venv/bin/python bench/temporal_fr_news.py --set news5 --lang en [-v] [--half dev7|held7|all]
    .venv/bin/python bench/temporal_fr_news.py --set news6 --lang fr [-v] [--half dev8|held8|all]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fr_news_data import QUOTES_ONLY, SETS, load, parse_args, shown  # noqa: E402
from fr_news_data import halves as split_halves  # noqa: E402

TYPES = {"DATE": {"DATE"}, "TIME": {"TIME"}, "DATE+TIME": {"DATE", "TIME"},
         "DURATION": {"DURATION"}, "SET": {"SET"}, "all types": {"DATE", "TIME", "DURATION", "SET"}}


def report(docs: list[dict], predict, verbose: bool = False, show: str = "all", name: str = "fr-news",
           lang: str = "fr") -> None:
    """``predict(doc) -> [{start, end, text, type, value}]`` for all four types."""
    from temporal import Score, table

    halves = split_halves(docs, SETS[name][1])
    # one half only: the extractor does not even run on the others' texts
    cache = {d["id"]: predict(d) for d in halves[show]}
    for tname, types in TYPES.items():
        rows = {}
        for hname, hdocs in shown(halves, show).items():   # one half only: nothing of the others
            s = Score()
            for d in hdocs:
                gold = [g for g in d["timexes"] if g["type"] in types and not g["borderline"]]
                neutral = [g for g in d["timexes"] if g["borderline"]]
                pred = [p for p in cache[d["id"]] if p["type"] in types]
                s.add(gold, pred, neutral, doc_id=d["id"], text=d["text"])
            rows[f"verifier {hname} ({len(hdocs)} docs)"] = s.row()
            if verbose and hname == show and tname == "all types":
                for e in s.errors:
                    print("   ", e)
        table(f"{lang} news (blind, {name}), gold {tname}; borderline items count neither way", rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", dest="verbose", action="store_true", help="list the errors of --half")
    args = parse_args(ap)
    if args.name in QUOTES_ONLY:
        ap.error(f"--set {args.name} holds quotes only (no TIMEX3 gold): use bench/quotes_fr_news.py")
    from verifier.extract.temporal import extract_temporal

    def predict(doc: dict) -> list[dict]:
        pub = dt.date.fromisoformat(doc["dct"][:10])
        return [{"start": t.start, "end": t.end, "text": t.text, "type": t.timex_type, "value": t.value}
                for t in extract_temporal(doc["text"], lang=args.lang, published=pub)]

    report(load(args.name, args.lang), predict, args.verbose, args.half, args.name, args.lang)


if __name__ == "__main__":
    main()
