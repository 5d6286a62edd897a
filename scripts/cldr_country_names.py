"""Write data/open/cldr-country-names.csv: every ISO 3166 country's English and French name
from the Unicode CLDR data that Babel ships (no download). The fact packs' build
(scripts/build_packs.py) names in French the countries that data/open/countries.csv does not
hold (Security Council members since 1946, say: "Nouvelle-Zélande", "Liban").

    python scripts/cldr_country_names.py [--out data/open/cldr-country-names.csv]

The English name is written as the packs write it ("and" for "&", straight apostrophes); the
French name as CLDR gives it. Licence: Unicode License v3 (data/open/SOURCES.md).
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

from babel import Locale

ROOT = Path(__file__).resolve().parents[1]


def rows() -> list[dict[str, str]]:
    en, fr = Locale("en").territories, Locale("fr").territories
    out = []
    for code in sorted(en):
        if len(code) != 2 or not code.isalpha() or code in ("EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"):
            continue
        name = en[code].replace("’", "'").replace(" & ", " and ")
        out.append({"iso2": code, "name_en": name, "name_fr": fr.get(code, "")})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "data/open/cldr-country-names.csv")
    args = ap.parse_args()
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["iso2", "name_en", "name_fr"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows())
    print(f"{args.out}: {len(rows())} countries")


if __name__ == "__main__":
    main()
