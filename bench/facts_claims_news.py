"""Factual claims on the blind-annotated French news set (tests/data/fr-news/facts.gold.json,
issue 16): per half (`dev`, `held`), how many of the gold checkable factual claims verifier
finds (an extracted factual claim overlapping the gold span, of the same family: offices;
events and visits; presidencies; memberships; mandates and resolutions) and how many it settles
correctly (consistent for a true claim, contradicted for a false one). Borderline gold items
count neither way. Three knowledge bases: the demo pack alone; the demo pack with
tests/data/packs/senegal-2024.yaml (Senegal's heads of state and government and foreign
ministers, written by hand); the demo pack with the bundled open-data packs of
verifier/data/packs (issue 16). Runs against whichever `verifier`
is importable (PYTHONPATH), so the same file measures main and a branch.

    PYTHONPATH=. .venv/bin/python bench/facts_claims_news.py [-v] [--half dev|held]
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from fr_news_data import ROOT as _ROOT  # noqa: E402
from fr_news_data import SETS, load  # noqa: E402

DATA = _ROOT / SETS["fr-news"][0]

FAMILY = {"holds_office": "office", "event": "event", "visit": "event", "presides": "presides",
          "member_of": "member", "mandate": "mandate", "resolution": "mandate"}
BUNDLED = sorted((ROOT / "verifier/data/packs").glob("*.csv"))
PACKS = {"demo pack": [], "demo + senegal-2024 pack": [ROOT / "tests/data/packs/senegal-2024.yaml"],
         "demo + the bundled packs (verifier/data/packs, what `verifier demo` loads)": BUNDLED}


def main() -> None:
    from verifier.check.knowledge import check_claims
    from verifier.claims import FactualClaim
    from verifier.extract.pipeline import extract_claims
    from verifier.reference.kb import KnowledgeBase

    verbose = "-v" in sys.argv
    show = sys.argv[sys.argv.index("--half") + 1] if "--half" in sys.argv else None
    gold = json.loads((DATA / "facts.gold.json").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in load()}
    demo = ROOT / "verifier/data/demo/facts.yaml"
    for kb_name, extra in PACKS.items():
        kb = KnowledgeBase.from_pack(demo, *extra)
        found_claims = {}
        for doc_id in sorted({g["doc"] for g in gold}):
            d = docs[doc_id]
            pub = dt.date.fromisoformat(d["published"][:10])
            claims = [c for c in extract_claims(d["text"], lang="fr", published=pub, kb=kb)
                      if isinstance(c, FactualClaim)]
            findings = check_claims(claims, text=d["text"], published=pub, kb=kb, lang="fr")
            found_claims[doc_id] = list(zip(claims, findings, strict=True))
        print(f"\n{kb_name}")
        print(f"{'half':<6} {'gold':>5} {'found':>12} {'settled ok':>12} {'settled wrong':>14} {'extracted':>10}")
        for half in ("dev", "held"):
            if show and half != show:
                continue
            rows = [g for g in gold if g["half"] == half and not g["borderline"]]
            hdocs = {g["doc"] for g in gold if g["half"] == half}
            found = ok = wrong = 0
            for g in rows:
                match = [(c, f) for c, f in found_claims[g["doc"]]
                         if c.start < g["end"] and g["start"] < c.end
                         and FAMILY.get(c.predicate) == FAMILY[g["predicate"]]]
                if match:
                    found += 1
                    verdicts = {f.finding for _, f in match if f is not None}
                    want = "consistent" if g["truth"] else "contradicted"
                    if want in verdicts:
                        ok += 1
                    elif verdicts & {"consistent", "contradicted"}:
                        wrong += 1
                if verbose and half == "dev":
                    got = [(c.predicate, c.subject, c.object, f.finding if f else None) for c, f in match]
                    print(f"   {g['doc']}: {g['text']!r} -> {got or 'missed'}")
            extracted = sum(len(found_claims[x]) for x in hdocs)
            n = len(rows)
            print(f"{half:<6} {n:>5} {found:>4} ({found / n:4.0%}) {ok:>4} ({ok / n:4.0%}) {wrong:>14} {extracted:>10}")


if __name__ == "__main__":
    main()
