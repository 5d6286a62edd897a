"""Consistency check of the news-3 gold (plain Python; does not import verifier): the checks of
tests/data/fr-news/check_gold.py (offsets, ids, dct, fields) on this folder, with the halves
``dev5`` and ``held5`` and counts per language and half (core = not borderline). Exit status 1 on
any error.

    python3 tests/data/news-3/check_gold.py
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __name__ == "__main__":
    sys.argv[1:] = [str(HERE), "dev5", "held5"]
    runpy.run_path(str(HERE.parent / "fr-news" / "check_gold.py"), run_name="__main__")
