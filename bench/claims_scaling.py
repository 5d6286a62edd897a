"""Growth of the full check with the number of temporal claims: synthetic French documents of
repeated news sentences (dates, "à la fin du mois"-style future-tense predictions about
institutions of the demo knowledge base), ingested, then extracted and checked with
verifier.check.assess.assess against the demo knowledge base. Prints the median seconds per
size and the time per claim: flat per-claim times mean linear growth.

    .venv/bin/python bench/claims_scaling.py [--sizes 100,1000,10000] [--runs 3]

Measured on the shared 2-core machine (noisy; median of 3 runs):

    temporal claims        112            1,125           11,250
    before (main 5feda39)  0.10 s (0.92)  9.50 s (8.44)   not run (quadratic: ~15 min)
    after (DocumentAnalysis) 0.11 s (0.95)  0.84 s (0.75)   8.30 s (0.74)   (ms/claim)

Before, the prediction check re-split the whole document into sentences for every
unanchored temporal claim; now the document is analysed once and each claim's sentence is
found by bisection.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verifier.check.assess import assess  # noqa: E402
from verifier.ingest import ingest_bytes  # noqa: E402
from verifier.reference.kb import demo_knowledge_base  # noqa: E402

PUBLISHED = date(2025, 10, 5)

# Each sentence carries one temporal expression; predictions are in the future tense.
SENTENCES = (
    "Le Conseil de sécurité doit se prononcer à la fin du mois sur la MINURSO.",
    "La mission a présenté son rapport le 12 septembre 2025 devant les diplomates.",
    "Les membres du Conseil de sécurité voteront la résolution à la mi-octobre.",
    "Le représentant spécial s'est rendu à Laâyoune en août 2025.",
    "La MINURSO devra rendre ses conclusions avant la fin de l'année.",
    "Les négociations reprendront la semaine prochaine à Genève, selon un diplomate.",
    "Le secrétaire général a rappelé mardi les engagements pris en 2007.",
    "Le vote de la résolution est prévu à la fin du mois au siège des Nations unies.",
)


def document(n: int) -> str:
    """About `n` temporal claims: paragraphs of four sentences."""
    paras = []
    for i in range(0, n, 4):
        paras.append(" ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(min(4, n - i))))
    return "Rapport du Conseil\n\n" + "\n\n".join(paras) + "\n"


def run(n: int, runs: int) -> tuple[int, float]:
    kb = demo_knowledge_base()
    data = document(n).encode()
    times = []
    claims: list = []
    for _ in range(runs):
        t0 = time.perf_counter()
        doc = ingest_bytes(data, name="scaling.txt", lang="fr", published=PUBLISHED)
        claims, _ = assess(doc, kb=kb)
        times.append(time.perf_counter() - t0)
    temporal = sum(1 for c in claims if c.kind == "temporal")
    return temporal, statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    demo_knowledge_base()  # parsed once, outside the timings
    run(20, 1)  # warm-up: lexicons, regexes
    print("== full check (ingest + extract + assess, demo KB), median of", args.runs, "runs")
    print(f"{'claims asked':>12} {'temporal':>9} {'seconds':>9} {'ms/claim':>9}")
    for n in (int(s) for s in args.sizes.split(",")):
        temporal, secs = run(n, args.runs)
        print(f"{n:>12,} {temporal:>9,} {secs:>9.2f} {1000 * secs / max(1, temporal):>9.2f}")


if __name__ == "__main__":
    main()
