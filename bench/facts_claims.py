"""Speed of the factual-claim extractor (issue 16) against the one it replaced, in the same run:
the extractor of `--baseline` (a git revision, default `main`; its verifier/extract/facts.py is
loaded from git beside this checkout's) and this checkout's, on the same analysed documents and
knowledge base: the seed article, the 49 FTiB French texts (tests/data/text/ftib-texts.jsonl)
and English and French sentences with every claim type (heads of institutions included).
Prints, per extractor, the median
seconds of `--runs` passes, the documents and factual claims per second, and the ratio. The new
extractor reads the dates of the temporal extraction: it is timed with them given (as the
pipeline gives them) and with them computed inside.

    PYTHONPATH=. .venv/bin/python bench/facts_claims.py [--runs 5] [--baseline main] [--bundled]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verifier.analysis import analyse  # noqa: E402
from verifier.extract import facts as current  # noqa: E402
from verifier.extract.temporal import timexes_in  # noqa: E402
from verifier.reference.kb import KnowledgeBase  # noqa: E402

SENTENCES_FR = (
    "Nasser Bourita, ministre marocain des Affaires étrangères, a reçu son homologue russe, Sergueï Lavrov.",
    "En 2016, le président de la France était François Hollande.",
    "L'ancien président François Hollande a critiqué la chancelière Angela Merkel.",
    "La Russie se prépare à prendre, en octobre prochain, la présidence tournante du Conseil de sécurité.",
    "Le Conseil de sécurité doit prolonger le mandat de la MINURSO pour une année supplémentaire.",
    "La résolution 2756 (2024) a prolongé le mandat de la MINURSO jusqu'au 31 octobre 2025.",
    "L'Algérie, membre non permanent du Conseil de sécurité, a voté contre.",
    "Depuis 2016, lors de la visite d'Etat du roi à Moscou, les liens se sont renforcés.",
    "Le président de la BCE Mario Draghi a reçu la directrice générale du FMI, Kristalina Georgieva.",
)
SENTENCES_EN = (
    "Moroccan Foreign Minister Nasser Bourita met his Russian counterpart Sergei Lavrov.",
    "In 2016 France's president was François Hollande, and Fed chair Janet Yellen spoke.",
    "Russia will take over the rotating presidency of the Security Council in October.",
    "The Council renewed MINURSO's mandate for one year on 31 October 2024.",
    "Algeria, a non-permanent member of the Security Council, voted against.",
    "King Mohammed VI's state visit to Moscow in March 2016 opened a new chapter.",
    "IMF Managing Director Kristalina Georgieva met the World Bank's president, Ajay Banga.",
)


def baseline_module(rev: str):  # noqa: ANN201 - a module loaded from git
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:verifier/extract/facts.py"],
                            check=True, capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "facts_baseline.py"
    path.write_text(source, encoding="utf-8")
    # its lexicons (verifier/extract/lexicon/ of that revision), beside it as facts.py reads them
    names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", rev, "verifier/extract/lexicon/"],
                           check=True, capture_output=True, text=True).stdout.split()
    (path.parent / "lexicon").mkdir()
    for name in names:
        data = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{name}"], check=True, capture_output=True).stdout
        (path.parent / "lexicon" / Path(name).name).write_bytes(data)
    spec = importlib.util.spec_from_file_location("facts_baseline", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["facts_baseline"] = module
    spec.loader.exec_module(module)
    return module


def corpus() -> list[tuple[str, str, date]]:
    docs = [((ROOT / "tests/data/seed-maroc-russie-fr.txt").read_text(encoding="utf-8"), "fr", date(2025, 10, 16))]
    for line in (ROOT / "tests/data/text/ftib-texts.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        docs.append((d["text"], "fr", date.fromisoformat(d["id"][:10])))
    docs.append(("\n\n".join(" ".join(SENTENCES_FR) for _ in range(10)), "fr", date(2025, 10, 16)))
    docs.append(("\n\n".join(" ".join(SENTENCES_EN) for _ in range(10)), "en", date(2025, 10, 16)))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--baseline", default="main")
    ap.add_argument("--bundled", action="store_true", help="the bundled packs as the knowledge base "
                    "(verifier/data/packs/, every pack), not the demo and test packs")
    args = ap.parse_args()
    if args.bundled:
        from verifier.reference.packs import bundled_names, parse_bundled
        kb = KnowledgeBase([f for name in bundled_names(["all"]) for f in parse_bundled(name).facts])
    else:
        kb = KnowledgeBase.from_pack(ROOT / "verifier/data/demo/facts.yaml", ROOT / "tests/data/packs/claims.yaml")
    analyses = [analyse(t, lang, pub) for t, lang, pub in corpus()]
    for a in analyses:
        _ = a.sentences  # split once, outside the timings, as the pipeline does
    timexes = [timexes_in(a) for a in analyses]
    old = baseline_module(args.baseline)
    runners = {
        f"{args.baseline} (facts.py of {args.baseline})": lambda: [old.facts_in(a, kb) for a in analyses],
        f"{args.baseline}, dates given": lambda: [old.facts_in(a, kb, t) for a, t in zip(analyses, timexes, strict=True)],
        "this branch, dates given": lambda: [current.facts_in(a, kb, t) for a, t in zip(analyses, timexes, strict=True)],
        "this branch, dates computed": lambda: [current.facts_in(a, kb) for a in analyses],
    }
    rows = []
    for name, run in runners.items():
        times, found = [], 0
        for _ in range(args.runs):
            t0 = time.perf_counter()
            out = run()
            times.append(time.perf_counter() - t0)
            found = sum(len(x) for x in out)
        med = statistics.median(times)
        rows.append((name, med, found))
    base = rows[0][1]
    print(f"{len(analyses)} documents, {sum(len(a.text) for a in analyses):,} characters, median of {args.runs} runs")
    print(f"{'extractor':<40} {'seconds':>8} {'docs/s':>8} {'claims':>7} {'claims/s':>9} {'time ratio':>10}")
    for name, med, found in rows:
        print(f"{name:<40} {med:8.3f} {len(analyses) / med:8.1f} {found:7d} {found / med:9.1f} {med / base:10.2f}")


if __name__ == "__main__":
    main()
