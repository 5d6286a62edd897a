"""The blind-annotated news sets, documents joined with their gold, and their halves, for
bench/quotes_fr_news.py and bench/temporal_fr_news.py:

- ``fr-news`` (tests/data/fr-news/): French, halves ``dev``, ``held``, ``held2``;
- ``news2`` (tests/data/news-2/): French and English (``lang`` per document), halves ``dev3``,
  ``held3`` and ``held4``; a language is picked with ``lang``;
- ``news3`` (tests/data/news-3/): French and English (``lang`` per document), halves ``dev5`` and
  ``held5``; a language is picked with ``lang``;
- ``news4`` (tests/data/news-4/): French and English (``lang`` per document), halves ``dev6`` and
  ``held6``; a language is picked with ``lang``.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {"fr-news": ("tests/data/fr-news", ("dev", "held", "held2")),
        "news2": ("tests/data/news-2", ("dev3", "held3", "held4")),
        "news3": ("tests/data/news-3", ("dev5", "held5")),
        "news4": ("tests/data/news-4", ("dev6", "held6"))}
HALVES = SETS["fr-news"][1]


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


def parse_args(ap: argparse.ArgumentParser) -> argparse.Namespace:
    """``ap``'s own arguments plus ``--set``, ``--lang`` and ``--half`` (checked against the set)."""
    ap.add_argument("--set", dest="name", choices=list(SETS), default="fr-news")
    ap.add_argument("--lang", choices=["fr", "en"], default="fr")
    ap.add_argument("--half", choices=[h for _, hs in SETS.values() for h in hs] + ["all"], default="all")
    args = ap.parse_args()
    if args.half != "all" and args.half not in SETS[args.name][1]:
        ap.error(f"--half {args.half} is not a half of --set {args.name}")
    return args
