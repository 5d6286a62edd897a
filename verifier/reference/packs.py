"""Knowledge-base packs: the YAML or CSV files a newsroom edits, parsed and validated into
`FactRecord`s (pure: nothing is stored here; verifier.db.facts stores them).

Pack format (YAML)
------------------
::

    pack: demo                       # the pack's name (default: the file name without suffix)
    description: free text
    entities:                        # optional: aliases of the names that facts use
      - name: Vladimir Putin         # the canonical name, used as-is in facts
        type: person                 # person | country | institution | office | event |
                                     # mission | resolution | place (default: from the facts)
        aliases:                     # a list, or lists per language code
          fr: [Vladimir Poutine, Poutine]
          en: [Putin]
          ru: [Владимир Путин, Путин]
        adjectives: {fr: [russe], en: [Russian]}   # countries: "le ministre russe ..."
    facts:
      - subject: Vladimir Putin
        predicate: holds_office      # see PREDICATES
        object: President
        of: Russia                   # holds_office only: the country or institution
        valid_from: 2012-05-07       # ISO dates; valid_to is the last day (inclusive)
        valid_to: null
        source: {title: ..., url: https://...}   # or source_title / source_url
        subject_aliases: [...]       # optional, same shapes as entity aliases
        place: Moscow                # event: optional place and participants
        participants: [Mohammed VI, Vladimir Putin]
        about: MINURSO               # adopted: what the text is about
        resolution: Resolution 2797 (2025)       # mandate: the text that set it
        note: free text

Pack format (CSV)
-----------------
One fact per row, a header naming the same keys: ``subject, predicate, object, of,
valid_from, valid_to, source_title, source_url`` and optionally ``place, participants, about,
resolution, note, subject_aliases, object_aliases, of_aliases`` (and ``_adjectives``, ``_type``
for subject, object and of; provenance: ``dataset, source_ref, retrieved, licence``: see
docs/facts-packs.md). Lists (aliases, participants)
are separated by ``|``; an alias may carry its language as a prefix: ``fr:Poutine|en:Putin``.
The pack's name is the file name without its suffix.

Predicates (`PREDICATES`)
-------------------------
``event``         subject = event; valid_from = the day it happened (object: optional label)
``holds_office``  subject = person; object = office; ``of`` = country or institution;
                  valid_from = took office; valid_to = left office (none: still in office)
``presides``      subject = institution; object = country; valid_from..valid_to (both needed)
``mandate``       subject = mission; object = the body that gave it (optional);
                  valid_to = last day of the mandate (needed); ``resolution`` optional
``adopted``       subject = resolution or text; object = the body that adopted it;
                  valid_from = adoption day; ``about`` = what it concerns

A pack is validated entirely before anything is stored; the first problem raises `PackError`
with one line naming the file, the entry (and its line in YAML) and the problem. Re-importing
a pack replaces that pack's facts in one transaction, with one "facts.import" audit event
(verifier.db.facts).
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from verifier.reference.facts import (
    ENTITY_TYPES,
    EXTRA_KEYS,
    PREDICATES,
    Entity,
    FactRecord,
    merge_names,
)

PROVENANCE_KEYS = ("dataset", "source_ref", "retrieved", "licence")
# Per-fact names of its entities (CSV packs have no entities section): aliases, adjectives
# (demonyms of a country) and types, for the subject, the object and the "of" entity.
ROLE_KEYS = tuple(f"{role}_{what}" for role in ("subject", "object", "of")
                  for what in ("aliases", "adjectives", "type"))
FACT_KEYS = frozenset(("subject", "predicate", "object", "valid_from", "valid_to", "source",
                       "source_title", "source_url", *ROLE_KEYS, *EXTRA_KEYS,
                       *PROVENANCE_KEYS))
# Top-level keys of a YAML pack that describe the pack itself (PackMeta).
META_KEYS = ("description", "built", "covered_until", "licence", "sources")
CSV_LIST_SEP = "|"


class PackError(ValueError):
    """A pack that cannot be stored; the message is one line naming file, entry and problem."""


@dataclass(frozen=True)
class PackMeta:
    """What a pack says of itself: when it was built, the last day its facts cover (a claim
    dated after it cannot be settled by the pack), its licence and its sources."""
    description: str | None = None
    built: date | None = None
    covered_until: date | None = None
    licence: str | None = None
    sources: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class ParsedPack:
    name: str
    source: str
    sha256: str
    facts: tuple[FactRecord, ...]
    entities: dict[str, Entity]
    meta: PackMeta = PackMeta()



def _by_lang(value: Any, where: str) -> dict[str, list[str]]:
    """Aliases given as a list, a string, or {lang: list|string}; '' is 'any language'."""
    if value is None:
        return {}
    if isinstance(value, str):
        value = [v for v in value.split(CSV_LIST_SEP) if v.strip()]
    if isinstance(value, list):
        out: dict[str, list[str]] = {}
        for item in value:
            if not isinstance(item, str | int | float) or not str(item).strip():
                raise PackError(f"{where}: aliases must be names (text), got {item!r}")
            text = str(item).strip()
            m = re.match(r"^([a-z]{2,3}):(?!//)(.+)$", text)
            lang, text = (m.group(1), m.group(2).strip()) if m else ("", text)
            out.setdefault(lang, []).append(text)
        return out
    if isinstance(value, dict):
        out = {}
        for lang, names in value.items():
            for k, v in _by_lang(names, where).items():
                out.setdefault(str(lang) if not k else k, []).extend(v)
        return out
    raise PackError(f"{where}: aliases must be a list or a mapping of language to names")


def _date(value: Any, key: str, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise PackError(f"{where}: {key} {str(value)!r} is not a date (YYYY-MM-DD)") from None


def _text(value: Any, key: str, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise PackError(f"{where}: {key} must be text, not a {type(value).__name__}")
    text = str(value).strip()
    return text or None


def _fact_from_entry(entry: Any, pack: str, where: str,
                     entities: dict[str, Entity]) -> tuple[FactRecord, list[str]]:
    if not isinstance(entry, dict):
        raise PackError(f"{where}: a fact must be a mapping of keys to values")
    unknown = sorted(set(map(str, entry)) - FACT_KEYS)
    if unknown:
        raise PackError(f"{where}: unknown key {unknown[0]!r}")
    subject = _text(entry.get("subject"), "subject", where)
    if not subject:
        raise PackError(f"{where}: missing subject")
    predicate = _text(entry.get("predicate"), "predicate", where)
    if not predicate:
        raise PackError(f"{where}: missing predicate")
    rule = PREDICATES.get(predicate)
    if rule is None:
        raise PackError(f"{where}: unknown predicate {predicate!r} "
                        f"(one of {', '.join(PREDICATES)})")
    obj = _text(entry.get("object"), "object", where)
    if rule["object"] and not obj:
        raise PackError(f"{where}: missing object (a {predicate} fact needs one)")
    valid_from = _date(entry.get("valid_from"), "valid_from", where)
    valid_to = _date(entry.get("valid_to"), "valid_to", where)
    if rule["valid_from"] and valid_from is None:
        raise PackError(f"{where}: missing valid_from (a {predicate} fact needs a start date)")
    if rule["valid_to"] and valid_to is None:
        raise PackError(f"{where}: missing valid_to (a {predicate} fact needs an end date)")
    if valid_from and valid_to and valid_to < valid_from:
        raise PackError(f"{where}: valid_to {valid_to} is before valid_from {valid_from}")
    source = entry.get("source")
    title = _text(entry.get("source_title"), "source_title", where)
    url = _text(entry.get("source_url"), "source_url", where)
    if isinstance(source, dict):
        title = title or _text(source.get("title"), "source.title", where)
        url = url or _text(source.get("url"), "source.url", where)
    elif source is not None:
        url = url or _text(source, "source", where)
    if url and not re.match(r"^https?://\S+$", url):
        raise PackError(f"{where}: source URL {url!r} is not an http(s) URL")
    extra: dict[str, Any] = {}
    for key in EXTRA_KEYS:
        value = entry.get(key)
        if value is None or value == "":
            continue
        if key == "participants":
            if isinstance(value, str):
                value = [v.strip() for v in value.split(CSV_LIST_SEP) if v.strip()]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise PackError(f"{where}: participants must be a list of names")
        else:
            value = _text(value, key, where)
        extra[key] = value
    if "of" in extra and predicate != "holds_office":
        raise PackError(f"{where}: 'of' only applies to holds_office facts")
    # Entity types implied by the predicate, and aliases given inline.
    subject_type, object_type = rule["types"]
    roles = [("subject", subject, subject_type),
             ("object", obj if predicate != "event" else None, object_type),
             ("of", extra.get("of"), None), ("about", extra.get("about"), None),
             ("place", extra.get("place"), "place")]  # its aliases: "Moscou" finds a visit to Moscow
    for name in extra.get("participants", []):
        roles.append(("participant", name, "person"))
    mentioned: dict[str, Any] = {}
    for role, name, typ in roles:
        if not name:
            continue
        ent = entities.setdefault(name, Entity(name=name))
        if role in ("subject", "object", "of"):
            given = _text(entry.get(f"{role}_type"), f"{role}_type", where)
            if given is not None and given not in ENTITY_TYPES:
                raise PackError(f"{where}: unknown {role}_type {given!r} "
                                f"(one of {', '.join(ENTITY_TYPES)})")
            ent.type = ent.type or given
            merge_names(ent.aliases, _by_lang(entry.get(f"{role}_aliases"), where))
            merge_names(ent.adjectives, _by_lang(entry.get(f"{role}_adjectives"), where))
        if ent.type is None and typ is not None:
            ent.type = typ
        mentioned[name] = ent
    fact = FactRecord(pack=pack, subject=subject, predicate=predicate, object=obj or "",
                      valid_from=valid_from, valid_to=valid_to, source_title=title,
                      source_url=url, aliases=None, extra=extra or None,
                      dataset=_text(entry.get("dataset"), "dataset", where),
                      source_ref=_text(entry.get("source_ref"), "source_ref", where),
                      retrieved=_date(entry.get("retrieved"), "retrieved", where),
                      licence=_text(entry.get("licence"), "licence", where))
    return fact, list(mentioned)


def _entities_from(section: Any, where: str) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    if section is None:
        return entities
    if not isinstance(section, list):
        raise PackError(f"{where}: 'entities' must be a list")
    for i, item in enumerate(section, 1):
        w = f"{where} entity {i}"
        if not isinstance(item, dict):
            raise PackError(f"{w}: an entity must be a mapping with a name")
        name = _text(item.get("name"), "name", w)
        if not name:
            raise PackError(f"{w}: missing name")
        typ = _text(item.get("type"), "type", w)
        if typ is not None and typ not in ENTITY_TYPES:
            raise PackError(f"{w}: unknown type {typ!r} (one of {', '.join(ENTITY_TYPES)})")
        unknown = sorted(set(map(str, item)) - {"name", "type", "aliases", "adjectives"})
        if unknown:
            raise PackError(f"{w}: unknown key {unknown[0]!r}")
        ent = entities.setdefault(name, Entity(name=name))
        ent.type = typ or ent.type
        merge_names(ent.aliases, _by_lang(item.get("aliases"), w))
        merge_names(ent.adjectives, _by_lang(item.get("adjectives"), w))
    return entities


def _attach_aliases(facts: Sequence[tuple[FactRecord, list[str]]],
                    entities: dict[str, Entity]) -> tuple[FactRecord, ...]:
    """Each record carries the aliases of the entities it names, so records (and the rows
    stored from them) are self-contained."""
    return tuple(replace(fact, aliases={"entities": {n: entities[n].as_json()
                                                     for n in names if n in entities}})
                 for fact, names in facts)


def _entry_lines(text: str) -> list[int]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if getattr(key, "value", None) == "facts" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


Parsed = tuple[str, list[tuple[FactRecord, list[str]]], dict[str, Entity], PackMeta]


def pack_meta(data: dict[str, Any], where: str) -> PackMeta:
    """The pack's own description (META_KEYS) from a YAML pack or a manifest entry."""
    sources = data.get("sources") or []
    if not isinstance(sources, list) or not all(isinstance(x, dict) for x in sources):
        raise PackError(f"{where}: 'sources' must be a list of mappings (title, url, licence, ...)")
    return PackMeta(description=_text(data.get("description"), "description", where),
                    built=_date(data.get("built"), "built", where),
                    covered_until=_date(data.get("covered_until"), "covered_until", where),
                    licence=_text(data.get("licence"), "licence", where),
                    sources=tuple({str(k): v for k, v in x.items()} for x in sources))


class _PackLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so that a bad date gets our error message."""


_PackLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _parse_yaml(text: str, source: str, default_name: str | None) -> Parsed:
    try:
        data = yaml.load(text, Loader=_PackLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackError(f"{source}: invalid YAML{line}: {problem}") from None
    if not isinstance(data, dict):
        raise PackError(f"{source}: a pack must be a mapping with a 'facts' list")
    unknown = sorted(set(map(str, data)) - {"pack", "entities", "facts", *META_KEYS})
    if unknown:
        raise PackError(f"{source}: unknown top-level key {unknown[0]!r}")
    name = _text(data.get("pack"), "pack", source) or default_name
    if not name:
        raise PackError(f"{source}: the pack has no name (add 'pack: NAME')")
    entries = data.get("facts")
    if not isinstance(entries, list) or not entries:
        raise PackError(f"{source}: no facts (a pack needs a non-empty 'facts' list)")
    entities = _entities_from(data.get("entities"), source)
    lines = _entry_lines(text)
    facts = []
    for i, entry in enumerate(entries, 1):
        line = f" (line {lines[i - 1]})" if len(lines) >= i else ""
        facts.append(_fact_from_entry(entry, name, f"{source}: fact {i}{line}", entities))
    return name, facts, entities, pack_meta(data, source)


def _parse_csv(text: str, source: str, default_name: str | None) -> Parsed:
    if not default_name:
        raise PackError(f"{source}: a CSV pack needs a name (the file name gives it)")
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if "subject" not in header or "predicate" not in header:
        raise PackError(f"{source}: the CSV header must name at least subject and predicate")
    unknown = [h for h in header if h and h not in FACT_KEYS]
    if unknown:
        raise PackError(f"{source}: unknown column {unknown[0]!r}")
    entities: dict[str, Entity] = {}
    facts = []
    for i, row in enumerate(reader, 1):
        if None in row:
            raise PackError(f"{source}: fact {i} (line {reader.line_num}): more values than columns")
        entry = {k.strip(): (v.strip() if isinstance(v, str) else v) for k, v in row.items()
                 if k and v not in (None, "")}
        if not entry:
            continue
        facts.append(_fact_from_entry(entry, default_name, f"{source}: fact {i} (line {reader.line_num})", entities))
    if not facts:
        raise PackError(f"{source}: no facts")
    return default_name, facts, entities, PackMeta()


def _parse_wikidata(text: str, source: str, name: str | None, kind: str,
                    retrieved: date | None) -> Parsed:
    from verifier.reference.wikidata import WikidataError, read_dump_lines, read_sparql_json

    pack = name or "wikidata"
    try:
        records = (read_sparql_json(text, pack=pack, retrieved=retrieved) if kind == "sparql"
                   else read_dump_lines(text.splitlines(), pack=pack, retrieved=retrieved))
    except WikidataError as exc:
        raise PackError(f"{source}: {exc}") from None
    if not records:
        raise PackError(f"{source}: no facts (no position held, officeholder, head of state or "
                        "government, member of or point in time statement)")
    entities: dict[str, Entity] = {}
    facts = []
    for r in records:
        for ent_name, info in ((r.aliases or {}).get("entities") or {}).items():
            ent = entities.setdefault(ent_name, Entity(name=ent_name))
            ent.type = ent.type or info.get("type")
            merge_names(ent.aliases, info.get("names") or {})
        facts.append((r, list((r.aliases or {}).get("entities") or {})))
    return pack, facts, entities, PackMeta(licence="CC0-1.0", sources=(
        {"title": "Wikidata", "url": "https://www.wikidata.org/", "licence": "CC0-1.0"},))


def parse_pack(path_or_bytes: str | Path | bytes, *, name: str | None = None,
               fmt: str | None = None, meta: PackMeta | None = None,
               retrieved: date | None = None) -> ParsedPack:
    """Read and validate a pack (a path, or the bytes of a YAML or CSV file, or of a Wikidata
    SPARQL JSON result or dump lines: `fmt` "wikidata", or found by its first characters).
    `meta` describes the pack when the file does not (a CSV pack's manifest entry);
    `retrieved`: the day a Wikidata file was downloaded. Raises PackError with one line naming
    the file, the entry and the problem; never stores anything."""
    from verifier.reference.wikidata import sniff
    if isinstance(path_or_bytes, bytes):
        raw, source, stem, suffix = path_or_bytes, name or "<pack>", name, ""
    else:
        path = Path(path_or_bytes)
        source, stem, suffix = str(path), name or path.stem, path.suffix.lower()
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise PackError(f"{source}: cannot read the file ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackError(f"{source}: not UTF-8 text (byte {exc.start})") from None
    wikidata = sniff(text[:20000]) if fmt in (None, "wikidata") else None
    if fmt == "wikidata" and wikidata is None:
        raise PackError(f"{source}: not a Wikidata SPARQL JSON result or JSON dump")
    if wikidata is not None:
        fmt = "wikidata"
    elif fmt is None:
        if suffix in (".csv", ".tsv"):
            fmt = "csv"
        elif suffix in (".yaml", ".yml"):
            fmt = "yaml"
        else:
            first = text.lstrip().split("\n", 1)[0]
            fmt = "csv" if ("," in first and "subject" in first and ":" not in first) else "yaml"
    if fmt == "csv":
        pack_name, facts, entities, found = _parse_csv(text, source, stem)
    elif fmt == "yaml":
        pack_name, facts, entities, found = _parse_yaml(text, source, stem)
    elif fmt == "wikidata" and wikidata is not None:
        pack_name, facts, entities, found = _parse_wikidata(text, source, stem, wikidata,
                                                            retrieved)
    else:
        raise PackError(f"{source}: unknown pack format {fmt!r} (yaml or csv)")
    return ParsedPack(name=pack_name, source=source, sha256=hashlib.sha256(raw).hexdigest(),
                      facts=_attach_aliases(facts, entities), entities=entities,
                      meta=meta or found)



# --------------------------------------------------------------------------------------------
# Bundled packs (verifier/data/packs/, built by scripts/build_packs.py)
# --------------------------------------------------------------------------------------------


def bundled_manifest() -> dict[str, dict[str, Any]]:
    """The bundled packs by name: file, description, build date, last day covered, licence,
    sources, number of facts, SHA-256 (verifier/data/packs/packs.json)."""
    import json
    from importlib import resources

    text = (resources.files("verifier") / "data" / "packs" / "packs.json").read_text(encoding="utf-8")
    manifest: dict[str, dict[str, Any]] = json.loads(text)
    return manifest


def bundled_names(wanted: Sequence[str]) -> list[str]:
    """The bundled pack names `wanted` asks for ("all" for every one); PackError naming the
    packs there are for an unknown name."""
    known = sorted(bundled_manifest())
    if "all" in wanted:
        return known
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise PackError(f"no bundled pack {unknown[0]!r} (one of: all, {', '.join(known)})")
    return list(dict.fromkeys(wanted))


def parse_bundled(name: str) -> ParsedPack:
    """A bundled pack, parsed and validated, with its description from the manifest."""
    from importlib import resources

    entry = bundled_manifest()[name]
    raw = (resources.files("verifier") / "data" / "packs" / entry["file"]).read_bytes()
    meta = pack_meta(entry, f"bundled pack {name}")
    return parse_pack(raw, name=name, fmt="csv", meta=meta)
