"""Quote fidelity: classification accuracy of verifier.check.align.align_quote on cases made from
real sentences (English news of quotes-en-dev.jsonl, French TimeBank texts of
timex-fr-dev.jsonl), each aligned against its whole source document.

    .venv/bin/python bench/quote_fidelity.py [--max-docs N] [--seed S]

Cases (expected class): verbatim (a whole sentence), punctuation (commas dropped, quotation
marks added: minor), one or two content words replaced (altered), a negation removed
(altered), spliced from two non-adjacent sentences with and without "…" (spliced), cut before
a ", but"/", mais" clause (truncated), a sentence of another document (not_found)."""
from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz  # noqa: E402

from verifier.check.align import FUNCTION_WORDS, align_quote  # noqa: E402
from verifier.reference.passages import split_passages  # noqa: E402

CORPUS = Path("/work/shared/corpus")
NEG = re.compile(r"\s(?:not|never|pas|jamais)\b|n't\b")
BUT = re.compile(r",\s+(?:but|mais|however|cependant)\s")


def load_docs(max_docs: int) -> list[tuple[str, str]]:
    docs = []
    for name, lang in (("quotes-en-dev.jsonl", "en"), ("timex-fr-dev.jsonl", "fr")):
        with (CORPUS / name).open(encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)["text"]
                if len(text) > 300:
                    docs.append((lang, text))
    return docs[:max_docs]


def content_positions(words: list[str]) -> list[int]:
    return [i for i, w in enumerate(words)
            if w.isalpha() and len(w) > 3 and w.lower() not in FUNCTION_WORDS]


def make_cases(docs, rnd: random.Random):
    vocab = [w for _, t in docs for w in t.split() if w.isalpha() and len(w) > 4]
    cases = []
    for d, (lang, text) in enumerate(docs):
        sents = [p for p in split_passages(text, lang) if 8 <= len(p.text.split()) <= 60
                 and not p.text.isupper()]
        if len(sents) < 4:
            continue
        for s in rnd.sample(sents, min(8, len(sents))):
            body = s.text.rstrip(".!?…")
            words = body.split()
            cases.append(("verbatim", body, d))
            if "," in body:
                cases.append(("minor", "« " + body.replace(",", "") + " »", d))
            cps = content_positions(words)
            for k in (1, 2):
                if len(cps) >= k + 1:
                    w2 = list(words)
                    for i in rnd.sample(cps, k):
                        w2[i] = rnd.choice(vocab)
                    if w2 != words:
                        cases.append(("altered", " ".join(w2), d))
            m = NEG.search(body)
            if m:
                cases.append(("altered", re.sub(r"\s+", " ", body[:m.start()] + " "
                                                + body[m.end():].lstrip()), d))
            m = BUT.search(body)
            if m and len(body[:m.start()].split()) >= 5:
                cases.append(("truncated", body[:m.start()], d))
        for s in (x for x in sents if BUT.search(x.text)):
            m = BUT.search(s.text)
            if m and len(s.text[:m.start()].split()) >= 5:
                cases.append(("truncated", s.text[:m.start()], d))
        for _ in range(4):
            i = rnd.randrange(len(sents) - 2)
            j = rnd.randrange(i + 2, len(sents))
            a, b = sents[i].text.split(), sents[j].text.rstrip(".!?…").split()
            ha, hb = " ".join(a[: len(a) // 2]), " ".join(b[len(b) // 2:])
            if hb in sents[i].text or ha in sents[j].text:
                continue  # a repeated sentence (captions): the splice would be contiguous
            if len(a) >= 6 and len(b) >= 6:
                sep = rnd.choice([" ", " … ", " [...] "])
                cases.append(("spliced", " ".join(a[: len(a) // 2]) + sep
                              + " ".join(b[len(b) // 2:]), d))
        for other in rnd.sample(range(len(docs)), 3):
            if other == d:
                continue
            cand = [p.text for p in split_passages(docs[other][1], docs[other][0])
                    if 8 <= len(p.text.split()) <= 60 and p.text not in text]
            if cand:
                cases.append(("not_found", rnd.choice(cand).rstrip("."), d))
    return cases


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--max-docs", type=int, default=400)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    docs = load_docs(args.max_docs)
    cases = make_cases(docs, rnd)
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    absent_scores: list[float] = []
    char_floor: list[float] = []
    t0 = time.perf_counter()
    errors = []
    cache: dict[int, list] = {}
    for expected, quote, d in cases:
        lang, text = docs[d]
        if d not in cache:
            cache[d] = split_passages(text, lang)
        al = align_quote(quote, text, quote_lang=lang, source_lang=lang, passages=cache[d])
        got = al.cls
        if expected == "minor" and got == "verbatim":
            got = "minor"  # quotation marks alone are normalised away: both are right
        confusion[expected][got] += 1
        if expected == "not_found":
            absent_scores.append(al.score or 0.0)
            char_floor.append(fuzz.partial_ratio(quote, text))
        critical = expected in ("not_found", "altered", "spliced") and got in ("verbatim", "minor")
        if got != expected and (len(errors) < 15 or critical):
            errors.append((expected, al.cls, quote[:100], al.note[:80]))
    dt = time.perf_counter() - t0
    classes = ["verbatim", "minor", "altered", "spliced", "truncated", "not_found"]
    total = sum(sum(c.values()) for c in confusion.values())
    right = sum(confusion[c][c] for c in classes)
    print(f"{total} cases from {len(docs)} documents in {dt:.1f} s "
          f"({dt / total * 1000:.1f} ms per quote)")
    for c in classes:
        n = sum(confusion[c].values())
        if n:
            print(f"  {c:10s} n={n:5d} accuracy {confusion[c][c] / n:.3f}")
    print(f"overall accuracy {right / total:.4f}")
    bad = sum(confusion[c][g] for c in ("not_found", "altered", "spliced")
              for g in ("verbatim", "minor"))
    print(f"absent, altered or spliced quotes classified verbatim/minor: {bad}")
    if absent_scores:
        qs = statistics.quantiles(absent_scores, n=20)
        print(f"noise floor (word-level score of absent quotes): median "
              f"{statistics.median(absent_scores):.1f}, p95 {qs[-1]:.1f}, max {max(absent_scores):.1f}")
        print(f"character-level fuzz.partial_ratio of the same absent quotes against their "
              f"source: median {statistics.median(char_floor):.1f}, max {max(char_floor):.1f}")
    print("confusion (rows expected, columns predicted):")
    cols = classes + ["translated"]
    print(" " * 12 + " ".join(f"{c[:9]:>9s}" for c in cols))
    for c in classes:
        print(f"  {c:10s}" + " ".join(f"{confusion[c][g]:9d}" for g in cols))
    if errors:
        print("some errors:")
        for e in errors:
            print("  ", e)


if __name__ == "__main__":
    main()
