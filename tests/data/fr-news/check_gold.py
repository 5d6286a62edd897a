"""Consistency check of the French news gold (plain Python; does not import verifier).

Every line of docs.jsonl and gold.jsonl parses; ids are unique and the two files hold the same ids;
``dct`` equals the doc's ``published``; every quote, speaker and timex string equals
``text[start:end]`` (0-based, end exclusive); required fields are present with allowed values.
Prints the counts per half (core = not borderline). Exit status 1 on any error.

    python3 tests/data/fr-news/check_gold.py
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
HALVES = {"dev", "held", "held2"}
QUOTE_TYPES = {"marked", "unmarked", "indirect", "according_to"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
QUOTE_KEYS = {"quote", "quote_start", "quote_end", "speaker", "speaker_start", "speaker_end", "reference",
              "quote_type", "anonymous", "cue", "verb", "borderline", "note"}
TIMEX_KEYS = {"start", "end", "text", "type", "value", "mod", "borderline", "note"}


def lines(name: str, here: Path = HERE) -> list[dict]:
    out = []
    for n, raw in enumerate((here / name).read_text(encoding="utf-8").splitlines(), 1):
        if raw.strip():
            try:
                out.append(json.loads(raw))
            except json.JSONDecodeError as e:
                sys.exit(f"{name}:{n}: not JSON: {e}")
    return out


def quote_errors(i: str, t: str, q: dict, keys: set[str]) -> list[str]:
    """What is wrong with gold quote q of document i (text t): its keys, offsets and types."""
    errors = []
    if set(q) != keys:
        errors.append(f"{i}: quote keys {sorted(set(q) ^ keys)}")
    if t[q["quote_start"]:q["quote_end"]] != q["quote"] or not q["quote"]:
        errors.append(f"{i}: quote offsets {q['quote_start']}:{q['quote_end']} {q['quote'][:40]!r}")
    if q["speaker"] is None:
        if q["speaker_start"] is not None or q["speaker_end"] is not None:
            errors.append(f"{i}: floating quote with speaker offsets")
    elif t[q["speaker_start"]:q["speaker_end"]] != q["speaker"]:
        errors.append(f"{i}: speaker offsets {q['speaker_start']}:{q['speaker_end']} {q['speaker']!r}")
    if q["quote_type"] not in QUOTE_TYPES:
        errors.append(f"{i}: quote_type {q['quote_type']!r}")
    if not isinstance(q["borderline"], bool) or not isinstance(q["anonymous"], bool):
        errors.append(f"{i}: borderline/anonymous not boolean")
    return errors


def joined(gold: list[dict], texts: dict[str, dict], halves: set[str],
           errors: list[str]) -> tuple[list[tuple[dict, dict]], set[str]]:
    """Each gold line with its document, after the checks they share (a duplicate or unknown
    id, the half, the publication date), and the ids of the documents without a gold line."""
    seen = set()
    pairs = []
    for g in gold:
        i = g["id"]
        if i in seen:
            errors.append(f"gold: duplicate id {i}")
        seen.add(i)
        if i not in texts:
            errors.append(f"gold: {i} not in docs")
            continue
        doc = texts[i]
        if g["half"] not in halves:
            errors.append(f"{i}: half {g['half']!r}")
        if g["dct"] != doc["published"]:
            errors.append(f"{i}: dct {g['dct']} != published {doc['published']}")
        pairs.append((g, doc))
    return pairs, texts.keys() - seen


def main(here: Path = HERE, halves: set[str] = HALVES, group=lambda g, doc: g["half"]) -> int:
    """Check ``here``'s docs.jsonl and gold.jsonl; counts are printed per ``group(gold_line, doc)``."""
    errors: list[str] = []
    docs = lines("docs.jsonl", here)
    gold = lines("gold.jsonl", here)
    texts = {}
    for d in docs:
        if d["id"] in texts:
            errors.append(f"docs: duplicate id {d['id']}")
        texts[d["id"]] = d
    counts = defaultdict(lambda: [0, 0, 0, 0, 0])  # docs, core q, borderline q, core t, borderline t
    pairs, unmatched = joined(gold, texts, halves, errors)
    for g, doc in pairs:
        i, t = g["id"], doc["text"]
        c = counts[group(g, doc)]
        c[0] += 1
        for q in g["quotes"]:
            errors.extend(quote_errors(i, t, q, QUOTE_KEYS))
            c[2 if q["borderline"] else 1] += 1
        for x in g["timexes"]:
            if set(x) != TIMEX_KEYS:
                errors.append(f"{i}: timex keys {sorted(set(x) ^ TIMEX_KEYS)}")
            if t[x["start"]:x["end"]] != x["text"] or not x["text"]:
                errors.append(f"{i}: timex offsets {x['start']}:{x['end']} {x['text']!r}")
            if x["type"] not in TIMEX_TYPES:
                errors.append(f"{i}: timex type {x['type']!r}")
            if not isinstance(x["borderline"], bool):
                errors.append(f"{i}: borderline not boolean")
            c[4 if x["borderline"] else 3] += 1
    errors.extend(f"docs: {i} has no gold line" for i in unmatched)
    total = [0] * 5
    for half in sorted(counts):
        c = counts[half]
        total = [a + b for a, b in zip(total, c, strict=True)]
        print(f"{half:6s} {c[0]:3d} docs  quotes {c[1]:4d} core + {c[2]:3d} borderline  "
              f"timexes {c[3]:4d} core + {c[4]:3d} borderline")
    print(f"{'all':6s} {total[0]:3d} docs  quotes {total[1]:4d} core + {total[2]:3d} borderline  "
          f"timexes {total[3]:4d} core + {total[4]:3d} borderline")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) > 2:
        # another blind news set (news-2 ... news-6 call this): its folder and its halves; counts
        # per language and half
        sys.exit(main(Path(sys.argv[1]), set(sys.argv[2:]), lambda g, doc: f"{doc['lang']}-{g['half']}"))
    sys.exit(main())
