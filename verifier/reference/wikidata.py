"""Wikidata files a newsroom downloaded, read into `FactRecord`s (pure, offline: nothing is
fetched). Two formats:

- SPARQL query results in JSON (``{"head": {"vars": [...]}, "results": {"bindings": [...]}}``),
  from the query in docs/facts-packs.md. Variables are read by their role prefix: ``person``
  (or ``holder``), ``office``, ``of``, ``member``, ``org``, ``event``; an entity variable holds
  the item URI, ``<role>Label...`` variables its labels (the language from ``xml:lang``), and
  ``<role>AltLabel...`` its aliases (comma-separated, as the label service gives them); dates
  are ``start``, ``end`` and ``pointInTime``. A row with person and office is a
  ``holds_office`` fact, with member and org a ``member_of`` fact, with event and pointInTime
  an ``event``.
- JSON dump lines (``latest-all.json`` or a filtered extract: one entity per line between
  ``[`` and ``]``, each line ending with a comma). Read statements: position held P39 (with
  start P580, end P582, "of" P642 or jurisdiction P1001), officeholder P1308 on an office,
  head of state P35 and head of government P6 on a country, member of P463 (with P580/P582),
  point in time P585. Labels and aliases in French and English of every entity in the file
  name the facts' entities; an entity the file does not describe keeps its Q-id as name.

Every fact keeps its source: dataset ``wikidata``, the item's Q-id (``source_ref``), the
retrieval date given by the caller, licence CC0-1.0 and the item's URL. Time is linear in the
input; the dump is read line by line (memory grows with the facts and names kept, not with the
file)."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from verifier.reference.facts import Entity, FactRecord, merge_names

LICENCE = "CC0-1.0"
DATASET = "wikidata"
LANGS = ("fr", "en")
HEAD_OF = {"P35": "head of state", "P6": "head of government"}


class WikidataError(ValueError):
    """A file that is not Wikidata SPARQL JSON or dump lines; one line naming the problem."""


def _qid(value: str) -> str:
    return value.rsplit("/", 1)[-1] if value.startswith("http") else value


def _day(text: str | None, *, end: bool = False, precision: int = 11) -> date | None:
    """A Wikidata time (``+2017-05-14T00:00:00Z`` or ``2017-05-14T00:00:00Z``) as a day; a
    month or year precision gives its first day (a start) or last day (an end)."""
    if not text:
        return None
    t = text.lstrip("+")
    if t.startswith("-") or len(t) < 10:
        return None
    try:
        year, month, day = int(t[0:4]), int(t[5:7]), int(t[8:10])
    except ValueError:
        return None
    if precision < 9:
        return None
    if precision == 9 or month == 0:
        return date(year, 12, 31) if end else date(year, 1, 1)
    if precision == 10 or day == 0:
        if not end:
            return date(year, month, 1)
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass
class _Names:
    """Labels and aliases per Q-id, by language."""
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    aliases: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def add_label(self, qid: str, lang: str, text: str) -> None:
        if text and text != qid:
            self.labels.setdefault(qid, {}).setdefault(lang, text)

    def add_alias(self, qid: str, lang: str, text: str) -> None:
        bucket = self.aliases.setdefault(qid, {}).setdefault(lang, [])
        if text and text not in bucket:
            bucket.append(text)

    def name(self, qid: str) -> str:
        labels = self.labels.get(qid, {})
        return labels.get("en") or labels.get("fr") or next(iter(labels.values()), qid)

    def entity(self, qid: str, typ: str | None) -> Entity:
        names: dict[str, list[str]] = {}
        canonical = self.name(qid)
        for lang, label in sorted(self.labels.get(qid, {}).items()):
            if label != canonical:
                names.setdefault(lang, []).append(label)
        merge_names(names, {k: [a for a in v if a != canonical]
                            for k, v in sorted(self.aliases.get(qid, {}).items())})
        return Entity(name=canonical, type=typ, aliases={k: v for k, v in names.items() if v})


@dataclass(frozen=True)
class _Raw:
    """A fact with its entities still as Q-ids."""
    predicate: str
    subject: str
    object: str = ""
    of: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    ref: str = ""
    object_is_label: bool = False  # object is a plain label ("head of state"), not a Q-id


_TYPES = {"holds_office": ("person", "office"), "member_of": (None, "institution"),
          "event": ("event", None)}


def _records(raws: Iterable[_Raw], names: _Names, *, pack: str,
             retrieved: date | None) -> list[FactRecord]:
    out: list[FactRecord] = []
    for r in raws:
        subject_type, object_type = _TYPES[r.predicate]
        ents: dict[str, Any] = {}
        subject = names.entity(r.subject, subject_type)
        ents[subject.name] = subject.as_json()
        obj = ""
        if r.object:
            if r.object_is_label:
                obj = r.object
                ents.setdefault(obj, Entity(name=obj, type="office").as_json())
            else:
                o = names.entity(r.object, object_type)
                obj = o.name
                ents.setdefault(obj, o.as_json())
        extra: dict[str, Any] = {}
        if r.of:
            of = names.entity(r.of, None)
            extra["of"] = of.name
            ents.setdefault(of.name, of.as_json())
        out.append(FactRecord(
            pack=pack, subject=subject.name, predicate=r.predicate, object=obj,
            valid_from=r.valid_from, valid_to=r.valid_to, source_title="Wikidata",
            source_url=f"https://www.wikidata.org/wiki/{r.ref}", aliases={"entities": ents},
            extra=extra or None, dataset=DATASET, source_ref=r.ref, retrieved=retrieved,
            licence=LICENCE))
    return out


# --------------------------------------------------------------------------------------------
# SPARQL JSON results
# --------------------------------------------------------------------------------------------

_ROLES = ("person", "holder", "office", "of", "member", "org", "event")


def _role_of(var: str) -> tuple[str, str] | None:
    """("person", "label"|"alt"|"id") for a variable name, by its longest role prefix."""
    for role in sorted(_ROLES, key=len, reverse=True):
        if var == role:
            return role, "id"
        if var.startswith(role):
            rest = var[len(role):].lower()
            if rest.startswith("altlabel"):
                return role, "alt"
            if rest.startswith("label"):
                return role, "label"
    return None


def read_sparql_json(data: bytes | str, *, pack: str = "wikidata",
                     retrieved: date | None = None) -> list[FactRecord]:
    """Facts of a SPARQL JSON result (see the module docstring for the variables)."""
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise WikidataError(f"not JSON: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("results"), dict) \
            or not isinstance(doc["results"].get("bindings"), list):
        raise WikidataError("not a SPARQL JSON result (needs results.bindings)")
    names = _Names()
    raws: list[_Raw] = []
    for i, row in enumerate(doc["results"]["bindings"], 1):
        if not isinstance(row, dict):
            raise WikidataError(f"binding {i} is not an object")
        ids: dict[str, str] = {}
        labels: list[tuple[str, str, str, str]] = []
        values: dict[str, str] = {}
        for var, cell in row.items():
            if not isinstance(cell, dict) or not isinstance(cell.get("value"), str):
                raise WikidataError(f"binding {i}: {var} has no value")
            value, lang = cell["value"], str(cell.get("xml:lang") or "en")
            found = _role_of(var)
            if found is None:
                values[var] = value
            elif found[1] == "id":
                ids[found[0]] = _qid(value)
            else:
                labels.append((found[0], found[1], lang, value))
        for role, kind, lang, value in labels:
            qid = ids.get(role)
            if qid is None:
                continue
            if kind == "label":
                names.add_label(qid, lang, value)
            else:
                for alias in value.split(", "):
                    names.add_alias(qid, lang, alias.strip())
        start = _day(values.get("start"))
        end = _day(values.get("end"), end=True)
        person = ids.get("person") or ids.get("holder")
        if person and ids.get("office"):
            raws.append(_Raw("holds_office", person, ids["office"], ids.get("of"), start, end,
                             ref=person))
        elif ids.get("member") and ids.get("org"):
            raws.append(_Raw("member_of", ids["member"], ids["org"], None, start, end,
                             ref=ids["member"]))
        elif ids.get("event") and values.get("pointInTime"):
            raws.append(_Raw("event", ids["event"], valid_from=_day(values["pointInTime"]),
                             ref=ids["event"]))
    return _records(_dedupe(raws), names, pack=pack, retrieved=retrieved)


def _dedupe(raws: Iterable[_Raw]) -> list[_Raw]:
    seen: set[_Raw] = set()
    out = []
    for r in raws:
        if r not in seen:
            seen.add(r)
            out.append(r)
    return out


# --------------------------------------------------------------------------------------------
# JSON dump lines
# --------------------------------------------------------------------------------------------


def _snak_id(snak: Any) -> str | None:
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    value = (snak.get("datavalue") or {}).get("value")
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return value["id"]
    return None


def _snak_day(snak: Any, *, end: bool = False) -> date | None:
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    value = (snak.get("datavalue") or {}).get("value")
    if not isinstance(value, dict):
        return None
    return _day(value.get("time"), end=end, precision=int(value.get("precision") or 11))


def _qualifier(statement: dict[str, Any], prop: str, *, day: bool = False,
               end: bool = False) -> Any:
    for snak in (statement.get("qualifiers") or {}).get(prop) or []:
        found = _snak_day(snak, end=end) if day else _snak_id(snak)
        if found is not None:
            return found
    return None


def _statements(entity: dict[str, Any], prop: str) -> Iterator[dict[str, Any]]:
    for st in (entity.get("claims") or {}).get(prop) or []:
        if isinstance(st, dict) and st.get("rank") != "deprecated":
            yield st


def dump_entities(lines: Iterable[str | bytes]) -> Iterator[dict[str, Any]]:
    """The entities of dump lines (``[``, ``]`` and the trailing commas skipped)."""
    for n, line in enumerate(lines, 1):
        text = line.decode("utf-8") if isinstance(line, bytes) else line
        text = text.strip().rstrip(",")
        if text in ("", "[", "]"):
            continue
        try:
            entity = json.loads(text)
        except ValueError as exc:
            raise WikidataError(f"line {n}: not a JSON entity ({str(exc).splitlines()[0]})") from None
        if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
            raise WikidataError(f"line {n}: an entity needs an id")
        yield entity


def _entity_facts(entity: dict[str, Any]) -> Iterator[_Raw]:
    qid = entity["id"]
    for st in _statements(entity, "P39"):
        office = _snak_id(st.get("mainsnak"))
        if office:
            of = _qualifier(st, "P642") or _qualifier(st, "P1001")
            yield _Raw("holds_office", qid, office, of, _qualifier(st, "P580", day=True),
                       _qualifier(st, "P582", day=True, end=True), ref=qid)
    for st in _statements(entity, "P1308"):
        holder = _snak_id(st.get("mainsnak"))
        if holder:
            yield _Raw("holds_office", holder, qid, _qualifier(st, "P642"),
                       _qualifier(st, "P580", day=True),
                       _qualifier(st, "P582", day=True, end=True), ref=qid)
    for prop, office in HEAD_OF.items():
        for st in _statements(entity, prop):
            holder = _snak_id(st.get("mainsnak"))
            if holder:
                yield _Raw("holds_office", holder, office, qid, _qualifier(st, "P580", day=True),
                           _qualifier(st, "P582", day=True, end=True), ref=qid,
                           object_is_label=True)
    for st in _statements(entity, "P463"):
        org = _snak_id(st.get("mainsnak"))
        if org:
            yield _Raw("member_of", qid, org, None, _qualifier(st, "P580", day=True),
                       _qualifier(st, "P582", day=True, end=True), ref=qid)
    for st in _statements(entity, "P585"):
        when = _snak_day(st.get("mainsnak"))
        if when:
            yield _Raw("event", qid, valid_from=when, ref=qid)


def read_dump_lines(lines: Iterable[str | bytes], *, pack: str = "wikidata",
                    retrieved: date | None = None) -> list[FactRecord]:
    """Facts of Wikidata JSON dump lines (see the module docstring for the properties)."""
    names = _Names()
    raws: list[_Raw] = []
    jurisdiction: dict[str, str] = {}  # office -> the country it belongs to (P1001)
    for entity in dump_entities(lines):
        qid = entity["id"]
        for st in _statements(entity, "P1001"):
            country = _snak_id(st.get("mainsnak"))
            if country:
                jurisdiction.setdefault(qid, country)
        for lang in LANGS:
            label = ((entity.get("labels") or {}).get(lang) or {}).get("value")
            if isinstance(label, str):
                names.add_label(qid, lang, label)
            for alias in (entity.get("aliases") or {}).get(lang) or []:
                if isinstance(alias, dict) and isinstance(alias.get("value"), str):
                    names.add_alias(qid, lang, alias["value"])
        raws.extend(_entity_facts(entity))
    raws = [replace(r, of=jurisdiction.get(r.object)) if r.predicate == "holds_office"
            and r.of is None and not r.object_is_label else r for r in raws]
    return _records(_dedupe(raws), names, pack=pack, retrieved=retrieved)


def sniff(head: str) -> str | None:
    """"sparql" or "dump" for the first characters of a Wikidata file, else None."""
    s = head.lstrip("\ufeff \t\r\n")
    if s.startswith("{") and '"head"' in s[:2000] and '"vars"' in s[:2000]:
        return "sparql"
    if s.startswith("[") or (s.startswith("{") and '"claims"' in s[:20000]):
        return "dump"
    return None
