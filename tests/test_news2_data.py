"""The blind news-2 set (tests/data/news-2, French and English) stays consistent without running
any extractor: every offset points at its string, both files hold the same documents, each
language and half keeps its counts, and the benches' loader splits it as the README says."""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"
CHECK = DATA / "news-2" / "check_gold.py"
ROOT = Path(__file__).resolve().parents[1]


def _fr_news_check():
    spec = importlib.util.spec_from_file_location("fr_news_check", DATA / "fr-news" / "check_gold.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_gold_offsets_and_counts() -> None:
    run = subprocess.run([sys.executable, str(CHECK)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "ERROR" not in run.stdout
    lines = run.stdout.splitlines()
    assert lines == [
        "en-dev3   8 docs  quotes   15 core +   8 borderline  timexes   27 core +  16 borderline",
        "en-held3   3 docs  quotes    1 core +   4 borderline  timexes    6 core +   7 borderline",
        "en-held4  13 docs  quotes   32 core +   8 borderline  timexes   57 core +  23 borderline",
        "fr-dev3   8 docs  quotes   18 core +   5 borderline  timexes   27 core +  13 borderline",
        "fr-held3   3 docs  quotes    2 core +   2 borderline  timexes    5 core +   4 borderline",
        "fr-held4  17 docs  quotes   53 core +  11 borderline  timexes   67 core +  22 borderline",
        "all     52 docs  quotes  121 core +  38 borderline  timexes  189 core +  85 borderline",
    ]


def test_a_shifted_offset_is_reported(tmp_path: Path) -> None:
    """The checker is not vacuous: one span moved by a character fails it, naming the document."""
    for name in ("docs.jsonl", "gold.jsonl"):
        shutil.copy(DATA / "news-2" / name, tmp_path / name)
    gold = [json.loads(x) for x in (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    victim = next(g for g in gold if g["quotes"])
    victim["quotes"][0]["quote_start"] += 1
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold),
                                         encoding="utf-8")
    check = _fr_news_check()
    halves = {"dev3", "held3", "held4"}
    assert check.main(DATA / "news-2", halves, lambda g, doc: doc["lang"]) == 0
    assert check.main(tmp_path, halves, lambda g, doc: doc["lang"]) == 1


def test_loader_splits_by_language_and_half() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from fr_news_data import SETS, halves, load
    finally:
        sys.path.remove(str(ROOT / "bench"))
    fr, en = load("news2", "fr"), load("news2", "en")
    assert len(fr) == 28 and len(en) == 24
    assert {d["lang"] for d in fr} == {"fr"} and {d["lang"] for d in en} == {"en"}
    for docs, held4 in ((fr, 17), (en, 13)):
        hs = halves(docs, SETS["news2"][1])
        assert len(hs["dev3"]) == 8 and len(hs["held3"]) == 3 and len(hs["held4"]) == held4
        assert all(d["text"] and d["dct"] == d["published"] for d in docs)
    # the French news set still loads as before: all French, its three halves
    old = halves(load(), SETS["fr-news"][1])
    assert [len(old[h]) for h in ("dev", "held", "held2", "all")] == [11, 10, 14, 35]
