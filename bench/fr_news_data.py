"""The blind-annotated news sets, documents joined with their gold, and their halves, for
bench/quotes_fr_news.py and bench/temporal_fr_news.py:

- ``fr-news`` (tests/data/fr-news/): French, halves ``dev``, ``held``, ``held2``;
- ``news2`` (tests/data/news-2/): French and English (``lang`` per document), halves ``dev3``,
  ``held3`` and ``held4``; a language is picked with ``lang``;
- ``news3`` (tests/data/news-3/): French and English (``lang`` per document), halves ``dev5`` and
  ``held5``; a language is picked with ``lang``;
- ``news4`` (tests/data/news-4/): French and English (``lang`` per document), halves ``dev6`` and
  ``held6``; a language is picked with ``lang``;
- ``news5`` (tests/data/news-5/): English only (``lang`` ``en`` per document; ``--lang en``), halves
  ``dev7`` and ``held7``;
- ``news6`` (tests/data/news-6/): French only (``lang`` ``fr`` per document; ``--lang fr``), halves
  ``dev8`` and ``held8``;
- ``news7`` (tests/data/news-7/): French and English newspaper excerpts, quotes only (no
  TIMEX3; ``lang`` per document), one half ``held9``, run once at the end (issue 12).

It also holds what every bench split in halves shares (bench/quotes.py, quotes_fr.py, temporal.py,
temporal_en.py and the two news benches): ``--half`` (``half_option``) and the halves a bench
prints (``shown``). Asked for one half, a bench prints that half's figures only and runs the
extractor on that half's documents only, so measuring a development half never computes anything
on a held-out one; without ``--half`` it prints every half and ``all``.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {"fr-news": ("tests/data/fr-news", ("dev", "held", "held2")),
        "news2": ("tests/data/news-2", ("dev3", "held3", "held4")),
        "news3": ("tests/data/news-3", ("dev5", "held5")),
        "news4": ("tests/data/news-4", ("dev6", "held6")),
        "news5": ("tests/data/news-5", ("dev7", "held7")),
        "news6": ("tests/data/news-6", ("dev8", "held8")),
        "news7": ("tests/data/news-7", ("held9",))}
HALVES = SETS["fr-news"][1]
QUOTES_ONLY = {"news7"}   # sets annotated for quotes only (no TIMEX3 gold)


def _lines(folder: Path, name: str) -> list[dict]:
    return [json.loads(x) for x in (folder / name).read_text(encoding="utf-8").splitlines()
            if x.strip()]


def load(name: str = "fr-news", lang: str = "fr") -> list[dict]:
    """Gold documents of set ``name`` in language ``lang``, in id order, each with its text,
    publication date and language (fr-news is all French)."""
    folder = ROOT / SETS[name][0]
    texts = {d["id"]: d for d in _lines(folder, "docs.jsonl")}
    docs = [{**g, "text": texts[g["id"]]["text"], "published": texts[g["id"]]["published"],
             "lang": texts[g["id"]].get("lang", "fr")}
            for g in _lines(folder, "gold.jsonl")]
    return sorted((d for d in docs if d["lang"] == lang), key=lambda d: d["id"])


def halves(docs: list[dict], names: tuple[str, ...] = HALVES) -> dict[str, list[dict]]:
    return {**{h: [d for d in docs if d["half"] == h] for h in names}, "all": docs}


def half_option(ap: argparse.ArgumentParser, names: list[str] | tuple[str, ...]) -> None:
    """``--half NAME|all`` (default ``all``: every half and their union)."""
    ap.add_argument("--half", choices=[*names, "all"], default="all",
                    help="print this half only, and run the extractor on its documents only")


def shown(hs: dict[str, list], show: str) -> dict[str, list]:
    """The halves a bench prints for ``--half show``: all of ``hs`` (every half, then ``all``)
    when ``show`` is ``all``, else that half only. ``hs[show]`` holds the documents to run the
    extractor on."""
    return dict(hs) if show == "all" else {show: hs[show]}


def parse_args(ap: argparse.ArgumentParser) -> argparse.Namespace:
    """``ap``'s own arguments plus ``--set``, ``--lang`` and ``--half`` (checked against the set)."""
    ap.add_argument("--set", dest="name", choices=list(SETS), default="fr-news")
    ap.add_argument("--lang", choices=["fr", "en"], default="fr")
    half_option(ap, [h for _, hs in SETS.values() for h in hs])
    args = ap.parse_args()
    if args.half != "all" and args.half not in SETS[args.name][1]:
        ap.error(f"--half {args.half} is not a half of --set {args.name}")
    return args
