"""Build the bundled fact packs (verifier/data/packs/) from the open-data files of data/open/.

    python scripts/build_packs.py [--open-data DIR] [--wikidata-heads FILE] [--out DIR]

Each pack is a CSV pack (docs/facts-packs.md) plus its entry in `packs.json` (description,
build date, last day covered, licence, sources, number of facts, SHA-256 of the CSV). Nothing
here depends on the day the script runs or on the machine: rerunning it on the same inputs
reproduces the packs byte for byte (tests/test_bundled_packs.py).

Inputs (data/open/SOURCES.md says where each comes from and its licence):
  packs.yaml                       the packs: description, build date, coverage, licence, sources
  countries.csv                    countries: English name, French names, demonyms, the titles
                                   of their heads of state and government
  cldr-country-names.csv           every other country's French name (Unicode CLDR, through
                                   Babel: scripts/cldr_country_names.py)
  institutions.csv                 institutions and offices with their French and English names
  unsc-members.csv                 Security Council members per year (names at the time)
  unsc-names.csv                   the pack's name for a member's name at the time
  unsc-permanent.csv               the permanent members
  unsc-rotation.csv                the months the computed presidency rotation starts from
  institution-heads.csv            heads of the UN, IMF, World Bank, ECB, Fed, AU Commission,
                                   European Commission and European Council
  foreign-ministers.csv            foreign ministers (partial)
  un-peacekeeping.csv              missions, their founding and renewing resolutions
  wikidata-label-overrides.csv     English names (and titles) for Wikidata items whose label
                                   in the extract is not English
  heads-supplement.csv             office terms the extract lacks (Senegal's prime ministers)
  --wikidata-heads FILE            the Wikidata extract of heads of state and government
                                   (iso3, country, role, person, person_qid, start, end, ...);
                                   not in the repository (SOURCES.md): without it the pack
                                   heads-of-state-and-government is left as it is.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import sys
import unicodedata
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
OPEN_DATA = ROOT / "data" / "open"
OUT = ROOT / "verifier" / "data" / "packs"
COLUMNS = ("subject", "predicate", "object", "of", "valid_from", "valid_to", "source_title",
           "source_url", "about", "resolution", "note", "seat", "subject_type", "subject_aliases",
           "subject_adjectives", "object_type", "object_aliases", "object_adjectives", "of_type",
           "of_aliases",
           "of_adjectives", "dataset", "source_ref", "retrieved", "licence")
# Terms that ended before this day are left out of the heads pack (the issue asks for 2000 on).
HEADS_SINCE = date(2000, 1, 1)
# A term with no end that started before this is a Wikidata statement missing its end date
# (medieval kings "still in office"): left out.
OPEN_TERM_SINCE = date(1975, 1, 1)
COUNCIL = "UN Security Council"


def _read_csv(path: Path) -> list[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _langs(fr: str = "", en: str = "") -> str:
    return "|".join([f"fr:{a}" for a in _split(fr)] + [f"en:{a}" for a in _split(en)])


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).lower()


class Names:
    """Countries, institutions and offices with their aliases, demonyms and types."""

    def __init__(self, open_data: Path):
        self.countries = {r["name"]: r for r in _read_csv(open_data / "countries.csv")}
        self.by_iso = {r["iso3"]: r for r in self.countries.values()}
        self.other = {r["name"]: r for r in _read_csv(open_data / "institutions.csv")}
        # every other country's French name, from Unicode CLDR (scripts/cldr_country_names.py)
        self.cldr = {r["name_en"]: r for r in _read_csv(open_data / "cldr-country-names.csv")}

    def role(self, role: str, name: str) -> dict[str, str]:
        """The row columns naming `name` as subject, object or of."""
        if not name:
            return {}
        c = self.countries.get(name)
        if c is not None:
            return {f"{role}_type": "country",
                    f"{role}_aliases": _langs(c["aliases_fr"], c["aliases_en"]),
                    f"{role}_adjectives": _langs(c["adjectives_fr"], c["adjectives_en"])}
        o = self.other.get(name)
        if o is not None:
            return {f"{role}_type": o["type"], f"{role}_aliases": _langs(o["aliases_fr"], o["aliases_en"])}
        cldr = self.cldr.get(name)
        if cldr is not None:
            fr = [n for n in dict.fromkeys([cldr["name_fr"], cldr["name_fr"].replace("’", "'")])
                  if n and n != name]
            return {f"{role}_type": "country", f"{role}_aliases": _langs("|".join(fr))}
        return {}


def _row(names: Names, **values: Any) -> dict[str, str]:
    row = {k: "" for k in COLUMNS}
    for k, v in values.items():
        row[k] = "" if v is None else str(v)
    for role in ("subject", "object", "of"):
        for k, v in names.role(role, row[role]).items():
            if k in row and not row[k]:
                row[k] = v
    if row["predicate"] != "holds_office" or not row["of"]:
        row["of_type"] = row["of_aliases"] = row["of_adjectives"] = ""
    return row


def _csv_bytes(rows: Iterable[dict[str, str]]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in sorted(rows, key=lambda r: tuple(r[k] for k in COLUMNS)):
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


# --------------------------------------------------------------------------------------------
# The packs
# --------------------------------------------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def un_security_council(names: Names, open_data: Path, meta: dict[str, Any]) -> list[dict[str, str]]:
    """Members (each elected term as one fact, the permanent members from unsc-permanent.csv)
    and the presidency of each month from the first month of unsc-rotation.csv on: the members
    of the year in English alphabetical order of their names at the time, continuing from the
    member after the previous month's president (a month listed in unsc-rotation.csv is taken
    as given and the rotation continues from it)."""
    members = {int(r["year"]): _split(r["members"]) for r in _read_csv(open_data / "unsc-members.csv")}
    renamed = {r["name"]: r for r in _read_csv(open_data / "unsc-names.csv")}
    by_pack_name = {r["pack_name"]: r for r in renamed.values() if r["aliases_fr"] or r["aliases_en"]}
    permanent = _read_csv(open_data / "unsc-permanent.csv")
    anchors = {r["month"]: r for r in _read_csv(open_data / "unsc-rotation.csv")}
    src = meta["sources"]

    def entity(role: str, name: str) -> dict[str, str]:
        """The pack's name for a member's name at the time, with the aliases of a state the
        countries file does not hold (the Soviet Union, the German Democratic Republic...)."""
        r = renamed.get(name) or by_pack_name.get(name)
        if r is None:
            return {role: name}
        extra = {f"{role}_type": "country",
                 f"{role}_aliases": _langs(r["aliases_fr"], r["aliases_en"])} \
            if r["pack_name"] not in names.countries else {}
        return {role: r["pack_name"], **extra}

    def as_named(name: str) -> str:
        return renamed[name]["note"] if name in renamed else ""

    rows = []
    for r in permanent:
        rows.append(_row(names, **entity("subject", r["name"]), predicate="member_of", object=COUNCIL,
                         valid_from=r["valid_from"], valid_to=r["valid_to"], note=r["note"],
                         seat="permanent", source_title=src[1]["title"], source_url=src[1]["url"]))
    seats = {entity("subject", r["name"])["subject"] for r in permanent}
    # An elected term is the run of consecutive years of one state (Upper Volta in 1984 and
    # Burkina Faso in 1985 are one term), noted with the names it sat under if not its own.
    terms: dict[str, list[tuple[int, int, list[str]]]] = {}
    for year, ms in sorted(members.items()):
        for m in ms:
            pack_name = entity("subject", m)["subject"]
            if pack_name in seats:
                continue
            spans = terms.setdefault(pack_name, [])
            if spans and spans[-1][1] == year - 1:
                spans[-1] = (spans[-1][0], year, spans[-1][2] + [m])
            else:
                spans.append((year, year, [m]))
    for spans in terms.values():
        for first, last, sat_as in spans:
            notes = ["elected member"] + sorted({as_named(m) for m in sat_as} - {""})
            rows.append(_row(names, **entity("subject", sat_as[-1]), predicate="member_of",
                             object=COUNCIL, valid_from=f"{first}-01-01", valid_to=f"{last}-12-31",
                             note="; ".join(notes), seat="non-permanent", source_title=src[1]["title"],
                             source_url=src[1]["url"]))
    first_month = min(anchors)
    last = ""
    for year in range(int(first_month[:4]), max(members) + 1):
        order = sorted(members[year], key=_fold)
        for month in range(1, 13):
            key = f"{year}-{month:02d}"
            if key < first_month:
                continue
            if key in anchors:
                last = anchors[key]["president"]
            else:
                after = [m for m in order if _fold(m) > _fold(last)]
                last = after[0] if after else order[0]
            rows.append(_row(names, subject=COUNCIL, predicate="presides", **entity("object", last),
                             valid_from=f"{key}-01", valid_to=_month_end(year, month).isoformat(),
                             note=as_named(last), source_title=src[0]["title"],
                             source_url=src[0]["url"]))
    return rows


def heads_of_state_and_government(names: Names, open_data: Path, meta: dict[str, Any],
                                  extract: Path) -> list[dict[str, str]]:
    overrides = {r["qid"]: r for r in _read_csv(open_data / "wikidata-label-overrides.csv")}
    retrieved = meta["built"]
    rows = []
    seen = set()
    entries = _read_csv(extract)
    # Wikidata's "head of government" (P6) of a presidential system is the president: read as
    # a "Prime Minister" it would contradict the real prime minister ("Le Premier ministre
    # Ousmane Sonko" against a president). A head of government who is the head of state of
    # the same country over an overlapping term is left out.
    heads_of_state: dict[tuple[str, str], list[tuple[date, date | None]]] = {}
    for r in entries:
        if r["role"] == "head_of_state" and (start := _iso(r["start"])) is not None:
            heads_of_state.setdefault((r["iso3"], r["person_qid"]), []).append((start, _iso(r["end"])))

    def also_head_of_state(r: dict[str, str], start: date, end: date | None) -> bool:
        return any(s0 <= (end or date.max) and start <= (e0 or date.max)
                   for s0, e0 in heads_of_state.get((r["iso3"], r["person_qid"]), ()))

    for r in entries:
        country = names.by_iso.get(r["iso3"])
        qid = r["person_qid"]
        if country is None or not qid.startswith("Q") or r["role"] not in ("head_of_state", "head_of_government"):
            continue
        start, end = _iso(r["start"]), _iso(r["end"])
        if r["end"] and end is None:
            continue  # an end of unknown date ("somevalue"): the term is over, when is unknown
        if start is None or (end is not None and end < HEADS_SINCE) \
                or (end is None and start < OPEN_TERM_SINCE):
            continue
        if r["role"] == "head_of_government" and also_head_of_state(r, start, end):
            continue
        fix = overrides.get(qid, {})
        title = fix.get("title") or country[r["role"]]
        person = fix.get("name") or r["person"]
        if person.startswith(("Q", "http")) and person[1:2].isdigit() or person.startswith("http"):
            continue  # no label in the extract: nobody could match it by name
        key = (person, title, country["name"], start, end)
        if key in seen:
            continue
        seen.add(key)
        rows.append(_row(names, subject=person, predicate="holds_office", object=title,
                         of=country["name"], valid_from=start.isoformat(),
                         valid_to=end.isoformat() if end else "", subject_type="person",
                         subject_aliases=fix.get("aliases", ""), object_type="office",
                         source_title="Wikidata", source_url=f"https://www.wikidata.org/wiki/{qid}",
                         dataset="wikidata", source_ref=qid, retrieved=retrieved,
                         licence="CC0-1.0"))
    # Terms the extract lacks (Senegal's prime ministers: Wikidata gives its presidents as
    # heads of government), compiled from the official lists (SOURCES.md).
    src = meta["sources"][1]
    for r in _read_csv(open_data / "heads-supplement.csv"):
        rows.append(_row(names, subject=r["person"], predicate="holds_office", object=r["office"],
                         of=r["of"], valid_from=r["valid_from"], valid_to=r["valid_to"],
                         subject_type="person", subject_aliases=r["aliases"], object_type="office",
                         source_title=src["title"], source_url=r["source_url"] or src["url"],
                         licence=meta["licence"]))
    return rows


def _office_holders(names: Names, path: Path, meta: dict[str, Any]) -> list[dict[str, str]]:
    src = meta["sources"][0]
    return [_row(names, subject=r["person"], predicate="holds_office", object=r["office"],
                 of=r["of"], valid_from=r["valid_from"], valid_to=r["valid_to"],
                 subject_type="person", subject_aliases=r["aliases"],
                 source_title=src["title"], source_url=src["url"], licence=meta["licence"])
            for r in _read_csv(path)]


def un_peacekeeping(names: Names, open_data: Path, meta: dict[str, Any]) -> list[dict[str, str]]:
    """Each resolution as an `adopted` fact about its mission, each renewal's mandate as a
    `mandate` fact (the mission's names ride on its mandate facts)."""
    src = meta["sources"][0]
    rows = []
    aliases: dict[str, str] = {}
    for r in _read_csv(open_data / "un-peacekeeping.csv"):
        if r["aliases_fr"] or r["aliases_en"]:
            aliases[r["mission"]] = _langs(r["aliases_fr"], r["aliases_en"])
        number, year = r["resolution"].split()[1], r["resolution"].split("(")[-1].rstrip(")")
        res_aliases = (f"fr:résolution {number}|fr:résolution {number} ({year})|"
                       f"en:resolution {number}|en:S/RES/{number} ({year})|en:UNSCR {number}")
        common = {"source_title": src["title"], "source_url": r.get("source_url") or src["url"],
                  "licence": meta["licence"]}
        rows.append(_row(names, subject=r["resolution"], predicate="adopted", object=COUNCIL,
                         valid_from=r["adopted"], about=r["mission"], note=r["note"],
                         subject_type="resolution", subject_aliases=res_aliases, **common))
        if r["kind"] == "renewal":
            rows.append(_row(names, subject=r["mission"], predicate="mandate", object=COUNCIL,
                             valid_from=r["mandate_from"], valid_to=r["mandate_to"],
                             resolution=r["resolution"], subject_type="mission",
                             subject_aliases=aliases.get(r["mission"], ""), **common))
    return rows


# --------------------------------------------------------------------------------------------


def build(open_data: Path, out: Path, wikidata_heads: Path | None) -> dict[str, Any]:
    names = Names(open_data)
    config = yaml.safe_load((open_data / "packs.yaml").read_text(encoding="utf-8"))
    manifest_path = out / "packs.json"
    manifest: dict[str, Any] = (json.loads(manifest_path.read_text(encoding="utf-8"))
                                if manifest_path.exists() else {})
    builders = {
        "un-security-council": lambda m: un_security_council(names, open_data, m),
        "institution-heads": lambda m: _office_holders(names, open_data / "institution-heads.csv", m),
        "foreign-ministers": lambda m: _office_holders(names, open_data / "foreign-ministers.csv", m),
        "un-peacekeeping": lambda m: un_peacekeeping(names, open_data, m),
    }
    if wikidata_heads is not None:
        builders["heads-of-state-and-government"] = lambda m: heads_of_state_and_government(
            names, open_data, m, wikidata_heads)
    out.mkdir(parents=True, exist_ok=True)
    for name, make in builders.items():
        meta = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in config[name].items()}
        data = _csv_bytes(make(meta))
        (out / f"{name}.csv").write_bytes(data)
        manifest[name] = {**meta, "file": f"{name}.csv", "facts": data.count(b"\n") - 1,
                          "sha256": hashlib.sha256(data).hexdigest()}
    text = json.dumps(dict(sorted(manifest.items())), ensure_ascii=False, indent=1,
                      sort_keys=True) + "\n"
    manifest_path.write_text(text, encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--open-data", type=Path, default=OPEN_DATA)
    ap.add_argument("--wikidata-heads", type=Path, default=None,
                    help="the Wikidata extract of heads of state and government (SOURCES.md)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if args.wikidata_heads is not None and not args.wikidata_heads.is_file():
        print(f"error: {args.wikidata_heads}: no such file", file=sys.stderr)
        return 2
    manifest = build(args.open_data, args.out, args.wikidata_heads)
    for name, entry in manifest.items():
        print(f"{name}\t{entry['facts']} facts\tbuilt {entry['built']}\t{entry['licence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
