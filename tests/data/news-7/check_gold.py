"""Consistency check of the news-7 gold (plain Python; does not import verifier).

news-7 is a quotes-only set (no TIMEX3 annotation), so instead of running
tests/data/fr-news/check_gold.py (which requires a ``timexes`` list on every gold line) this file
repeats its checks for quotes: every line of docs.jsonl and gold.jsonl parses; ids are unique, the
two files hold the same ids in the same order; ``dct`` equals the doc's ``published``; the half is
``held9``; every quote and speaker string equals ``text[start:end]`` (0-based, end exclusive);
required fields are present with allowed values; no ``timexes`` key. Prints counts per language
and half (core = not borderline). Exit status 1 on any error.

    python3 tests/data/news-7/check_gold.py
"""

from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
HALVES = {"held9"}
QUOTE_KEYS = {"quote", "quote_start", "quote_end", "speaker", "speaker_start", "speaker_end", "reference",
              "quote_type", "anonymous", "cue", "verb", "borderline", "note"}
DOC_KEYS = {"id", "lang", "url", "outlet", "published", "licence", "excerpt", "text"}


def _fr_news_check():
    """The fr-news checker, whose reader of JSON lines this one shares."""
    spec = importlib.util.spec_from_file_location("fr_news_check", HERE.parent / "fr-news" / "check_gold.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def lines(name: str, here: Path = HERE) -> list[dict]:
    return fr_news.lines(name, here)


fr_news = _fr_news_check()


def main(here: Path = HERE) -> int:
    errors: list[str] = []
    docs = lines("docs.jsonl", here)
    gold = lines("gold.jsonl", here)
    texts = {}
    for d in docs:
        if set(d) != DOC_KEYS:
            errors.append(f"docs: {d.get('id')} keys {sorted(set(d) ^ DOC_KEYS)}")
        if d["id"] in texts:
            errors.append(f"docs: duplicate id {d['id']}")
        if d["lang"] not in ("fr", "en") or not d["id"].startswith(d["lang"] + "-"):
            errors.append(f"docs: {d['id']} lang {d['lang']!r}")
        if len(d["text"]) > 1500:
            errors.append(f"docs: {d['id']} text longer than 1,500 characters")
        texts[d["id"]] = d
    if [d["id"] for d in docs] != [g["id"] for g in gold]:
        errors.append("gold.jsonl and docs.jsonl do not hold the same ids in the same order")
    counts = defaultdict(lambda: [0, 0, 0])  # docs, core quotes, borderline quotes
    pairs, unmatched = fr_news.joined(gold, texts, HALVES, errors)
    for g, doc in pairs:
        i, t = g["id"], doc["text"]
        if "timexes" in g:
            errors.append(f"{i}: news-7 is quotes only (no timexes key)")
        c = counts[f"{doc['lang']}-{g['half']}"]
        c[0] += 1
        for q in g["quotes"]:
            if set(q) != QUOTE_KEYS:
                errors.append(f"{i}: quote keys {sorted(set(q) ^ QUOTE_KEYS)}")
                continue
            errors.extend(fr_news.quote_errors(i, t, q, QUOTE_KEYS))
            c[2 if q["borderline"] else 1] += 1
    errors.extend(f"docs: {i} has no gold line" for i in unmatched)
    total = [0] * 3
    for key in sorted(counts):
        c = counts[key]
        total = [a + b for a, b in zip(total, c, strict=True)]
        print(f"{key:9s} {c[0]:3d} docs  quotes {c[1]:4d} core + {c[2]:3d} borderline")
    print(f"{'all':9s} {total[0]:3d} docs  quotes {total[1]:4d} core + {total[2]:3d} borderline")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
