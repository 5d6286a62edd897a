"""The blind news-3 set (tests/data/news-3, French and English) stays consistent without running
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
CHECK = DATA / "news-3" / "check_gold.py"
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
    assert run.stdout.splitlines() == [
        "en-dev5   9 docs  quotes   23 core +  10 borderline  timexes   39 core +  11 borderline",
        "en-held5   7 docs  quotes   10 core +  10 borderline  timexes   23 core +   9 borderline",
        "fr-dev5  10 docs  quotes   23 core +  10 borderline  timexes   31 core +  12 borderline",
        "fr-held5   9 docs  quotes   17 core +  12 borderline  timexes   34 core +  10 borderline",
        "all     35 docs  quotes   73 core +  42 borderline  timexes  127 core +  42 borderline",
    ]


def test_a_shifted_offset_is_reported(tmp_path: Path) -> None:
    """The checker is not vacuous: one timex moved by a character fails it."""
    for name in ("docs.jsonl", "gold.jsonl"):
        shutil.copy(DATA / "news-3" / name, tmp_path / name)
    gold = [json.loads(x) for x in (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    gold[0]["timexes"][0]["end"] += 1
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold),
                                         encoding="utf-8")
    check = _fr_news_check()
    halves = {"dev5", "held5"}
    assert check.main(DATA / "news-3", halves, lambda g, doc: doc["lang"]) == 0
    assert check.main(tmp_path, halves, lambda g, doc: doc["lang"]) == 1


def test_loader_splits_by_language_and_half() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from fr_news_data import SETS, halves, load
    finally:
        sys.path.remove(str(ROOT / "bench"))
    fr, en = load("news3", "fr"), load("news3", "en")
    assert len(fr) == 19 and len(en) == 16
    assert {d["lang"] for d in fr} == {"fr"} and {d["lang"] for d in en} == {"en"}
    for docs, (dev, held) in ((fr, (10, 9)), (en, (9, 7))):
        hs = halves(docs, SETS["news3"][1])
        assert (len(hs["dev5"]), len(hs["held5"])) == (dev, held)
        assert all(d["text"] and d["dct"] == d["published"] for d in docs)
