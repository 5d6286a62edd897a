"""The blind news sets (tests/data/news-2, news-3 and news-4, French and English; news-5, English
only; news-6, French only) stay consistent without running any extractor: every offset points at
its string, both files hold the same documents, each language and half keeps its counts, and the
benches' loader splits them as their READMEs say."""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class NewsSet:
    folder: str
    key: str                      # the benches' name of the set (bench/fr_news_data.py)
    counts: tuple[str, ...]       # what its check_gold.py prints
    halves: dict[str, tuple[int, int]]  # half -> (French docs, English docs)


NEWS_SETS = [
    NewsSet("news-2", "news2", (
        "en-dev3   8 docs  quotes   15 core +   8 borderline  timexes   27 core +  16 borderline",
        "en-held3   3 docs  quotes    1 core +   4 borderline  timexes    6 core +   7 borderline",
        "en-held4  13 docs  quotes   32 core +   8 borderline  timexes   57 core +  23 borderline",
        "fr-dev3   8 docs  quotes   18 core +   5 borderline  timexes   27 core +  13 borderline",
        "fr-held3   3 docs  quotes    2 core +   2 borderline  timexes    5 core +   4 borderline",
        "fr-held4  17 docs  quotes   53 core +  11 borderline  timexes   67 core +  22 borderline",
        "all     52 docs  quotes  121 core +  38 borderline  timexes  189 core +  85 borderline",
    ), {"dev3": (8, 8), "held3": (3, 3), "held4": (17, 13)}),
    NewsSet("news-3", "news3", (
        "en-dev5   9 docs  quotes   23 core +  10 borderline  timexes   39 core +  11 borderline",
        "en-held5   7 docs  quotes   10 core +  10 borderline  timexes   23 core +   9 borderline",
        "fr-dev5  10 docs  quotes   23 core +  10 borderline  timexes   31 core +  12 borderline",
        "fr-held5   9 docs  quotes   17 core +  12 borderline  timexes   34 core +  10 borderline",
        "all     35 docs  quotes   73 core +  42 borderline  timexes  127 core +  42 borderline",
    ), {"dev5": (10, 9), "held5": (9, 7)}),
    NewsSet("news-4", "news4", (
        "en-dev6   4 docs  quotes    3 core +   1 borderline  timexes   24 core +   3 borderline",
        "en-held6   3 docs  quotes    2 core +   1 borderline  timexes   17 core +   7 borderline",
        "fr-dev6  16 docs  quotes   29 core +  13 borderline  timexes   64 core +  46 borderline",
        "fr-held6  16 docs  quotes   36 core +   9 borderline  timexes   69 core +  35 borderline",
        "all     39 docs  quotes   70 core +  24 borderline  timexes  174 core +  91 borderline",
    ), {"dev6": (16, 4), "held6": (16, 3)}),
    NewsSet("news-5", "news5", (
        "en-dev7  22 docs  quotes   47 core +  11 borderline  timexes   88 core +  38 borderline",
        "en-held7  21 docs  quotes   33 core +   8 borderline  timexes   69 core +  30 borderline",
        "all     43 docs  quotes   80 core +  19 borderline  timexes  157 core +  68 borderline",
    ), {"dev7": (0, 22), "held7": (0, 21)}),
    NewsSet("news-6", "news6", (
        "fr-dev8  18 docs  quotes    4 core +   3 borderline  timexes   45 core +   9 borderline",
        "fr-held8  16 docs  quotes    5 core +   7 borderline  timexes   42 core +  14 borderline",
        "all     34 docs  quotes    9 core +  10 borderline  timexes   87 core +  23 borderline",
    ), {"dev8": (18, 0), "held8": (16, 0)}),
]
IDS = [s.folder for s in NEWS_SETS]


def _fr_news_check():
    spec = importlib.util.spec_from_file_location("fr_news_check", DATA / "fr-news" / "check_gold.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("news", NEWS_SETS, ids=IDS)
def test_gold_offsets_and_counts(news: NewsSet) -> None:
    run = subprocess.run([sys.executable, str(DATA / news.folder / "check_gold.py")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "ERROR" not in run.stdout
    assert tuple(run.stdout.splitlines()) == news.counts


@pytest.mark.parametrize("news", NEWS_SETS, ids=IDS)
def test_a_shifted_offset_is_reported(news: NewsSet, tmp_path: Path) -> None:
    """The checker is not vacuous: one quote and one timex moved by a character fail it."""
    check = _fr_news_check()
    halves = set(news.halves)
    assert check.main(DATA / news.folder, halves, lambda g, doc: doc["lang"]) == 0
    for field in ("quotes", "timexes"):
        for name in ("docs.jsonl", "gold.jsonl"):
            shutil.copy(DATA / news.folder / name, tmp_path / name)
        gold = [json.loads(x) for x in (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
        victim = next(g for g in gold if g[field])
        victim[field][0]["quote_start" if field == "quotes" else "end"] += 1
        (tmp_path / "gold.jsonl").write_text(
            "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
        assert check.main(tmp_path, halves, lambda g, doc: doc["lang"]) == 1, field


@pytest.mark.parametrize("news", NEWS_SETS, ids=IDS)
def test_loader_splits_by_language_and_half(news: NewsSet) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from fr_news_data import SETS, halves, load
    finally:
        sys.path.remove(str(ROOT / "bench"))
    for lang, col in (("fr", 0), ("en", 1)):
        docs = load(news.key, lang)
        if not any(n[col] for n in news.halves.values()):  # a set without this language
            assert docs == []
            continue
        assert {d["lang"] for d in docs} == {lang}
        assert len(docs) == sum(n[col] for n in news.halves.values())
        hs = halves(docs, SETS[news.key][1])
        assert {h: len(hs[h]) for h in news.halves} == {h: n[col] for h, n in news.halves.items()}
        assert all(d["text"] and d["dct"] == d["published"] for d in docs)


def test_the_french_news_set_still_loads_as_before() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from fr_news_data import SETS, halves, load
    finally:
        sys.path.remove(str(ROOT / "bench"))
    old = halves(load(), SETS["fr-news"][1])
    assert [len(old[h]) for h in ("dev", "held", "held2", "all")] == [11, 10, 14, 35]


NEWS7_COUNTS = ["en-held9   16 docs  quotes   87 core +  14 borderline",
                "fr-held9   16 docs  quotes   63 core +  18 borderline",
                "all        32 docs  quotes  150 core +  32 borderline"]


def test_news7_quotes_only_set(tmp_path: Path) -> None:
    """news-7 (newspaper excerpts, quotes only, one held-out half): its own checker passes with
    the README's counts and fails on a shifted offset; the loader gives each language's 16."""
    check = DATA / "news-7" / "check_gold.py"
    run = subprocess.run([sys.executable, str(check)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines()[-3:] == NEWS7_COUNTS
    spec = importlib.util.spec_from_file_location("news7_check", check)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for name in ("docs.jsonl", "gold.jsonl"):
        shutil.copy(DATA / "news-7" / name, tmp_path / name)
    gold = [json.loads(x) for x in (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    next(g for g in gold if g["quotes"])["quotes"][0]["quote_start"] += 1
    (tmp_path / "gold.jsonl").write_text(
        "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    assert mod.main(tmp_path) == 1
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from fr_news_data import QUOTES_ONLY, load
    finally:
        sys.path.remove(str(ROOT / "bench"))
    assert "news7" in QUOTES_ONLY
    for lang in ("fr", "en"):
        docs = load("news7", lang)
        assert len(docs) == 16 and {d["half"] for d in docs} == {"held9"} and all(d["text"] for d in docs)
