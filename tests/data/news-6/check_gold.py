"""Consistency check of the news-6 gold (plain Python; does not import verifier): the checks of
tests/data/fr-news/check_gold.py (offsets, ids, dct, fields) on this folder, with the halves
``dev8`` and ``held8`` and counts per language and half (core = not borderline). Exit status 1 on
any error.

    python3 tests/data/news-6/check_gold.py
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("fr_news_check", HERE.parent / "fr-news" / "check_gold.py")
assert _spec and _spec.loader
_check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_check)

if __name__ == "__main__":
    sys.exit(_check.main(HERE, {"dev8", "held8"}, lambda g, doc: f"{doc['lang']}-{g['half']}"))
