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
  foreign-ministers.csv            foreign ministers compiled by hand (the pack foreign-ministers)
  foreign-minister-offices.csv     which position of which EveryPolitician repository is the
                                   country's foreign minister, and the pack's name of the office
  un-peacekeeping.csv              missions, their founding and renewing resolutions
  wikidata-label-overrides.csv     English names (and titles) for Wikidata items whose label
                                   in the extract is not English
  heads-supplement.csv             office terms the extract lacks (Senegal's prime ministers)
  --wikidata-heads FILE            the Wikidata extract of heads of state and government
                                   (iso3, country, role, person, person_qid, start, end, ...);
                                   not in the repository (SOURCES.md): without it the pack
                                   heads-of-state-and-government is left as it is.
  --wikidata-ministers FILE        the holders of the countries' government positions as Wikidata
                                   records them, from EveryPolitician's country repositories
                                   (scripts/collect_holders21.py; repo, commit, retrieved,
                                   position, person, person_qid, start, end); not in the
                                   repository (SOURCES.md): without it the pack
                                   foreign-ministers-wikidata (the countries foreign-ministers.csv
                                   does not hold) is left as it is.
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
# Two people recorded in one office over more than this many common days: one of the two
# statements is wrong and nothing says which, so neither is kept (the foreign ministers pack).
OVERLAP_TOLERANCE = 31


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


def _known_from(value: str) -> date | None:
    """The first day a term certainly covers: the day, or for a date of month or year precision
    ("2019-04", "2008") the first day after that month or year."""
    if len(value) == 10:
        return _iso(value)
    if len(value) == 7 and (d := _iso(value + "-01")) is not None:
        return _month_end(d.year, d.month) + timedelta(days=1)
    if len(value) == 4 and value.isdigit():
        return date(int(value) + 1, 1, 1)
    return None


def _known_until(value: str) -> date | None:
    """The last day a term certainly covers: the day, or the last day before that month or
    year."""
    if len(value) == 10:
        return _iso(value)
    if len(value) == 7 and (d := _iso(value + "-01")) is not None:
        return d - timedelta(days=1)
    if len(value) == 4 and value.isdigit():
        return date(int(value) - 1, 12, 31)
    return None


def foreign_ministers(names: Names, open_data: Path, meta: dict[str, Any],
                      holders: Path) -> list[dict[str, str]]:
    """Foreign ministers from the EveryPolitician extract of Wikidata (the positions that
    foreign-minister-offices.csv names) of the countries the hand-compiled pack
    (foreign-ministers.csv, the pack foreign-ministers: known until 2025) does not hold.

    A date of month or year precision is read as the days it certainly covers (a term from
    "2008" to "2011" is known from 2009-01-01 to 2010-12-31; "2008" to "2008" says nothing);
    terms of one person in one office that touch or overlap are one term; when two people hold
    one office over more than OVERLAP_TOLERANCE common days (an open term running to the day
    the data was retrieved), neither term is kept; terms that ended before 2000 are left out."""
    offices = {(r["repo"], r["position"]): r for r in _read_csv(open_data / "foreign-minister-offices.csv")}
    # the countries of the hand-compiled pack: their ministers come from it alone
    by_hand = {h["of"] for h in _read_csv(open_data / "foreign-ministers.csv")}
    src = meta["sources"]
    # (country, office, person Q-id) -> terms [start, end (None: open)], with the row they
    # come from
    terms: dict[tuple[str, str, str], list[tuple[date, date | None, dict[str, str]]]] = {}
    for row in _read_csv(holders):
        post = offices.get((row["repo"], row["position"]))
        qid, person = row["person_qid"], row["person"]
        if post is None or post["country"] in by_hand or not qid.startswith("Q") or not person or \
                (person[:1] == "Q" and person[1:].isdigit()):
            continue
        first = _known_from(row["start"])
        until = _known_until(row["end"]) if row["end"] else None
        if first is None or (row["end"] and until is None) or (until is not None and until < first):
            continue
        terms.setdefault((post["country"], post["office"], qid), []).append((first, until, row))
    Term = tuple[date, date | None, str, dict[str, str]]
    merged: dict[tuple[str, str], list[Term]] = {}
    for (country, office, qid), spans in sorted(terms.items()):
        spans.sort(key=lambda t: (t[0], t[1] or date.max))
        out: list[tuple[date, date | None, dict[str, str]]] = []
        for first, until, row in spans:
            if out and (out[-1][1] is None or first <= out[-1][1] + timedelta(days=1)):
                s0, e0, r0 = out[-1]
                out[-1] = (s0, None if until is None or e0 is None else max(e0, until), r0)
            else:
                out.append((first, until, row))
        merged.setdefault((country, office), []).extend((s, e, qid, r) for s, e, r in out)
    rows = []

    def last(t: Term) -> date:
        return t[1] or date.fromisoformat(t[3]["retrieved"])

    for (country, office), held in sorted(merged.items()):
        conflicting = {i for i, a in enumerate(held) for b in held
                       if a[2] != b[2] and (min(last(a), last(b)) - max(a[0], b[0])).days + 1
                       > OVERLAP_TOLERANCE}
        for i, (start, end, qid, r) in enumerate(held):
            if i in conflicting or (end is not None and end < HEADS_SINCE):
                continue
            rows.append(_row(names, subject=r["person"], predicate="holds_office", object=office,
                             of=country, valid_from=start.isoformat(),
                             valid_to=end.isoformat() if end else "", subject_type="person",
                             object_type="office", source_title=f"{src[0]['title']}: {r['repo']}",
                             source_url=f"https://www.wikidata.org/wiki/{qid}",
                             dataset="wikidata", source_ref=qid, retrieved=r["retrieved"],
                             licence="CC0-1.0"))
    return rows


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


def build(open_data: Path, out: Path, wikidata_heads: Path | None,
          wikidata_ministers: Path | None = None) -> dict[str, Any]:
    names = Names(open_data)
    config = yaml.safe_load((open_data / "packs.yaml").read_text(encoding="utf-8"))
    manifest_path = out / "packs.json"
    manifest: dict[str, Any] = (json.loads(manifest_path.read_text(encoding="utf-8"))
                                if manifest_path.exists() else {})
    builders = {
        "un-security-council": lambda m: un_security_council(names, open_data, m),
        "institution-heads": lambda m: _office_holders(names, open_data / "institution-heads.csv", m),
        "un-peacekeeping": lambda m: un_peacekeeping(names, open_data, m),
    }
    if wikidata_heads is not None:
        builders["heads-of-state-and-government"] = lambda m: heads_of_state_and_government(
            names, open_data, m, wikidata_heads)
    builders["foreign-ministers"] = lambda m: _office_holders(
        names, open_data / "foreign-ministers.csv", m)
    if wikidata_ministers is not None:
        builders["foreign-ministers-wikidata"] = lambda m: foreign_ministers(
            names, open_data, m, wikidata_ministers)
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
    ap.add_argument("--wikidata-ministers", type=Path, default=None,
                    help="EveryPolitician's Wikidata office holders (SOURCES.md)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    for given in (args.wikidata_heads, args.wikidata_ministers):
        if given is not None and not given.is_file():
            print(f"error: {given}: no such file", file=sys.stderr)
            return 2
    manifest = build(args.open_data, args.out, args.wikidata_heads, args.wikidata_ministers)
    for name, entry in manifest.items():
        print(f"{name}\t{entry['facts']} facts\tbuilt {entry['built']}\t{entry['licence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
