"""The blind-annotated French news set (tests/data/fr-news/): documents joined with their gold,
and the halves (``dev``, ``held``, ``held2``), for bench/quotes_fr_news.py and
bench/temporal_fr_news.py."""
from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests/data/fr-news"


def _lines(name: str) -> list[dict]:
    return [json.loads(x) for x in (DATA / name).read_text(encoding="utf-8").splitlines()
            if x.strip()]


def load() -> list[dict]:
    """Gold documents in id order, each with its text and publication date."""
    texts = {d["id"]: d for d in _lines("docs.jsonl")}
    docs = [{**g, "text": texts[g["id"]]["text"], "published": texts[g["id"]]["published"]}
            for g in _lines("gold.jsonl")]
    return sorted(docs, key=lambda d: d["id"])


HALVES = ("dev", "held", "held2")


def halves(docs: list[dict]) -> dict[str, list[dict]]:
    return {**{h: [d for d in docs if d["half"] == h] for h in HALVES}, "all": docs}
