"""The facts knowledge base: packs a newsroom edits (YAML or CSV), stored as Fact rows, and an
in-memory `KnowledgeBase` that answers dated questions (who held an office on a day, which
country presided a council in a month, when an event happened) and matches names written in
several languages and spellings to one canonical entity.

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
resolution, note, subject_aliases, object_aliases, of_aliases``. Lists (aliases, participants)
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
a pack replaces that pack's facts in one transaction, with one "facts.import" audit event.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from rapidfuzz import fuzz, process
from sqlalchemy import delete, func
from sqlmodel import Session, select

from verifier.db import audit
from verifier.db.models import Fact

PREDICATES: dict[str, dict[str, Any]] = {
    "event": {"object": False, "valid_from": True, "valid_to": False,
              "types": ("event", None)},
    "holds_office": {"object": True, "valid_from": True, "valid_to": False,
                     "types": ("person", "office")},
    "presides": {"object": True, "valid_from": True, "valid_to": True,
                 "types": ("institution", "country")},
    "mandate": {"object": False, "valid_from": False, "valid_to": True,
                "types": ("mission", "institution")},
    "adopted": {"object": True, "valid_from": True, "valid_to": False,
                "types": ("resolution", "institution")},
}
ENTITY_TYPES = ("person", "country", "institution", "office", "event", "mission", "resolution",
                "place")
# Keys of a fact entry that are kept in Fact.extra.
EXTRA_KEYS = ("of", "place", "participants", "about", "resolution", "note")
FACT_KEYS = frozenset(("subject", "predicate", "object", "valid_from", "valid_to", "source",
                       "source_title", "source_url", "subject_aliases", "object_aliases",
                       "of_aliases", *EXTRA_KEYS))
CSV_LIST_SEP = "|"


class PackError(ValueError):
    """A pack that cannot be stored; the message is one line naming file, entry and problem."""


# --------------------------------------------------------------------------------------------
# Name normalisation
# --------------------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_LEADING_ARTICLE = re.compile(r"^(?:(?:le|la|les|the|a|an)\s+|[ld]')")
_NON_WORD = re.compile(r"[^\w']+")


def fold_char(c: str) -> str:
    """One character, lowercased without its accents; always one character (offsets stay)."""
    if c in "’‘ʼ`´":
        return "'"
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base if len(base) == 1 else c


def fold(text: str) -> str:
    """Lowercase without accents, same length as `text` (so offsets into it stay valid)."""
    return "".join(fold_char(c) for c in text)


def normalise_name(name: str) -> str:
    """The key names are compared by: lowercase, no accents, straight apostrophes, no leading
    article (le, la, les, l', the, a, an), punctuation and hyphens as spaces. Idempotent."""
    s = fold(name.translate(_APOSTROPHES)).strip()
    s = _NON_WORD.sub(" ", s.replace("_", " ")).strip()
    prev = None
    while prev != s:
        prev = s
        s = _LEADING_ARTICLE.sub("", s).strip(" '")
    return re.sub(r"\s+", " ", s.replace("'", " ")).strip()


# --------------------------------------------------------------------------------------------
# Packs: parsing and validation
# --------------------------------------------------------------------------------------------


@dataclass
class Entity:
    name: str
    type: str | None = None
    aliases: dict[str, list[str]] = field(default_factory=dict)
    adjectives: dict[str, list[str]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"type": self.type, "names": self.aliases, "adjectives": self.adjectives}


@dataclass(frozen=True)
class ParsedPack:
    name: str
    source: str
    sha256: str
    facts: tuple[Fact, ...]
    entities: dict[str, Entity]


@dataclass(frozen=True)
class ImportResult:
    pack: str
    source: str
    sha256: str
    facts: int
    replaced: int


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


def _merge(into: dict[str, list[str]], more: dict[str, list[str]]) -> None:
    for lang, names in more.items():
        bucket = into.setdefault(lang, [])
        for n in names:
            if n not in bucket:
                bucket.append(n)


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
                     entities: dict[str, Entity]) -> tuple[Fact, list[str]]:
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
             ("of", extra.get("of"), None), ("about", extra.get("about"), None)]
    for name in extra.get("participants", []):
        roles.append(("participant", name, "person"))
    mentioned: dict[str, Any] = {}
    for role, name, typ in roles:
        if not name:
            continue
        ent = entities.setdefault(name, Entity(name=name))
        if ent.type is None and typ is not None:
            ent.type = typ
        if role in ("subject", "object", "of"):
            _merge(ent.aliases, _by_lang(entry.get(f"{role}_aliases"), where))
        mentioned[name] = ent
    fact = Fact(pack=pack, subject=subject, predicate=predicate, object=obj or "",
                valid_from=valid_from, valid_to=valid_to, source_title=title, source_url=url,
                aliases=None, extra=extra or None)
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
        _merge(ent.aliases, _by_lang(item.get("aliases"), w))
        _merge(ent.adjectives, _by_lang(item.get("adjectives"), w))
    return entities


def _attach_aliases(facts: Sequence[tuple[Fact, list[str]]], entities: dict[str, Entity]) -> None:
    """Each row carries the aliases of the entities it names, so rows are self-contained."""
    for fact, names in facts:
        fact.aliases = {"entities": {n: entities[n].as_json() for n in names if n in entities}}


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


Parsed = tuple[str, list[tuple[Fact, list[str]]], dict[str, Entity]]


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
    unknown = sorted(set(map(str, data)) - {"pack", "description", "entities", "facts"})
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
    return name, facts, entities


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
    return default_name, facts, entities


def parse_pack(path_or_bytes: str | Path | bytes, *, name: str | None = None,
               fmt: str | None = None) -> ParsedPack:
    """Read and validate a pack (a path, or the bytes of a YAML or CSV file). Raises PackError
    with one line naming the file, the entry and the problem; never stores anything."""
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
    if fmt is None:
        if suffix in (".csv", ".tsv"):
            fmt = "csv"
        elif suffix in (".yaml", ".yml"):
            fmt = "yaml"
        else:
            first = text.lstrip().split("\n", 1)[0]
            fmt = "csv" if ("," in first and "subject" in first and ":" not in first) else "yaml"
    if fmt == "csv":
        pack_name, facts, entities = _parse_csv(text, source, stem)
    elif fmt == "yaml":
        pack_name, facts, entities = _parse_yaml(text, source, stem)
    else:
        raise PackError(f"{source}: unknown pack format {fmt!r} (yaml or csv)")
    _attach_aliases(facts, entities)
    return ParsedPack(name=pack_name, source=source, sha256=hashlib.sha256(raw).hexdigest(),
                      facts=tuple(f for f, _ in facts), entities=entities)


# --------------------------------------------------------------------------------------------
# Storage
# --------------------------------------------------------------------------------------------


def _copy(fact: Fact) -> Fact:
    return Fact(pack=fact.pack, subject=fact.subject, predicate=fact.predicate,
                object=fact.object, valid_from=fact.valid_from, valid_to=fact.valid_to,
                source_title=fact.source_title, source_url=fact.source_url,
                aliases=fact.aliases, extra=fact.extra)


def store_pack(*, session: Session, pack: ParsedPack, actor: str) -> ImportResult:
    """Replace the stored facts of `pack.name` by the pack's facts, with one audit event, in
    the caller's write transaction."""
    old = session.exec(select(func.count()).select_from(Fact).where(Fact.pack == pack.name)).one()
    session.execute(delete(Fact).where(Fact.pack == pack.name))  # type: ignore[arg-type]
    for fact in pack.facts:
        session.add(_copy(fact))
    session.flush()
    audit.append(session, actor=actor, action="facts.import",
                 old={"pack": pack.name, "facts": int(old)},
                 new={"pack": pack.name, "source": pack.source, "sha256": pack.sha256,
                      "facts": len(pack.facts)})
    return ImportResult(pack=pack.name, source=pack.source, sha256=pack.sha256,
                        facts=len(pack.facts), replaced=int(old))


def import_pack(*, session: Session, path_or_bytes: str | Path | bytes, actor: str,
                name: str | None = None, fmt: str | None = None) -> ImportResult:
    """Validate a pack, then replace that pack's stored facts (inside the caller's
    `Store.write()` session, so a failure leaves the previous facts in place)."""
    pack = parse_pack(path_or_bytes, name=name, fmt=fmt)
    return store_pack(session=session, pack=pack, actor=actor)


def list_facts(*, session: Session, pack: str | None = None) -> list[Fact]:
    q = select(Fact).order_by(Fact.pack, Fact.predicate, Fact.subject, Fact.valid_from, Fact.id)  # type: ignore[arg-type]
    if pack is not None:
        q = q.where(Fact.pack == pack)
    return list(session.exec(q).all())


def fact_evidence(fact: Fact, *, score: float, method: str) -> dict[str, Any]:
    """The evidence dict of the check contract for one fact."""
    ev: dict[str, Any] = {"kind": "fact", "fact_id": fact.id, "pack": fact.pack,
                          "subject": fact.subject, "predicate": fact.predicate,
                          "object": fact.object or None,
                          "valid_from": fact.valid_from.isoformat() if fact.valid_from else None,
                          "valid_to": fact.valid_to.isoformat() if fact.valid_to else None,
                          "source_title": fact.source_title, "source_url": fact.source_url,
                          "score": round(float(score), 3), "method": method}
    if fact.extra:
        ev["extra"] = dict(fact.extra)
    return ev


# --------------------------------------------------------------------------------------------
# The in-memory knowledge base
# --------------------------------------------------------------------------------------------


class EntityMatch(NamedTuple):
    name: str
    score: float


class Mention(NamedTuple):
    start: int
    end: int
    name: str
    type: str | None
    adjective: bool


# Fuzzy matching thresholds: below MIN_FUZZY_LEN characters only exact (normalised) names
# match, so "ONU" or "Lula" never fuzzily becomes something else; single words need a higher
# score than multi-word names.
MIN_FUZZY_LEN = 6
FUZZY_CUTOFF = 88.0
FUZZY_CUTOFF_ONE_WORD = 92.0


def _space_key(s: str) -> str:
    return re.sub(r"[\s\-\u00a0]+", " ", s)


def _covers(fact: Fact, at: date) -> bool:
    return (fact.valid_from is None or fact.valid_from <= at) and \
           (fact.valid_to is None or at <= fact.valid_to)


class KnowledgeBase:
    """Facts and entity names in memory; pure queries, no database."""

    def __init__(self, facts: Iterable[Fact]):
        self.facts: list[Fact] = list(facts)
        self.entities: dict[str, Entity] = {}
        for fact in self.facts:
            for name, info in ((fact.aliases or {}).get("entities") or {}).items():
                ent = self.entities.setdefault(name, Entity(name=name))
                ent.type = ent.type or info.get("type")
                _merge(ent.aliases, info.get("names") or {})
                _merge(ent.adjectives, info.get("adjectives") or {})
            for name in (fact.subject, fact.object if fact.predicate != "event" else None):
                if name:
                    self.entities.setdefault(name, Entity(name=name))
        self._index: dict[str, set[str]] = {}
        self._adjectives: dict[str, set[str]] = {}
        for ent in self.entities.values():
            for alias in [ent.name, *(a for names in ent.aliases.values() for a in names)]:
                key = normalise_name(alias)
                if key:
                    self._index.setdefault(key, set()).add(ent.name)
            for adj in (a for names in ent.adjectives.values() for a in names):
                key = normalise_name(adj)
                if key:
                    self._adjectives.setdefault(key, set()).add(ent.name)
        self._keys = list(self._index)
        self._mention_re: re.Pattern[str] | None = None
        self._mention_forms: dict[str, list[tuple[str, bool, bool]]] = {}

    # --- construction ---------------------------------------------------------------------

    @classmethod
    def from_pack(cls, *packs: str | Path | bytes) -> KnowledgeBase:
        facts: list[Fact] = []
        for p in packs:
            facts.extend(parse_pack(p).facts)
        return cls(facts)

    @classmethod
    def from_session(cls, session: Session, pack: str | None = None) -> KnowledgeBase:
        return cls(list_facts(session=session, pack=pack))

    @classmethod
    def demo(cls) -> KnowledgeBase:
        from importlib import resources
        return cls.from_pack((resources.files("verifier") / "data" / "demo" / "facts.yaml").read_bytes())

    def __len__(self) -> int:
        return len(self.facts)

    # --- names ----------------------------------------------------------------------------

    def entity_type(self, name: str) -> str | None:
        ent = self.entities.get(name)
        return ent.type if ent else None

    def match_entity(self, name: str, *, types: Sequence[str] | None = None) -> EntityMatch | None:
        """The canonical entity a name refers to, with a score 0-100; None when nothing is
        close enough. Exact normalised matches (accents, case, articles, apostrophes and
        punctuation ignored) score 100; otherwise a token-sort ratio over all names and
        aliases, only for names of at least MIN_FUZZY_LEN characters, above FUZZY_CUTOFF
        (FUZZY_CUTOFF_ONE_WORD for one-word names)."""
        key = normalise_name(name)
        if not key:
            return None

        def allowed(n: str) -> bool:
            return types is None or self.entity_type(n) in types

        exact = sorted(n for n in self._index.get(key, ()) if allowed(n))
        if exact:
            return EntityMatch(exact[0], 100.0)
        if len(key) < MIN_FUZZY_LEN:
            return None
        one_word = " " not in key
        cutoff = FUZZY_CUTOFF_ONE_WORD if one_word else FUZZY_CUTOFF
        best: EntityMatch | None = None
        for cand, score, _ in process.extract(key, self._keys, scorer=fuzz.token_sort_ratio,
                                              score_cutoff=cutoff, limit=5):
            if one_word != (" " not in cand) and score < 95:
                continue  # "Lavrov" must not fuzzily match a two-word name
            for n in sorted(self._index[cand]):
                if allowed(n) and (best is None or score > best.score):
                    best = EntityMatch(n, float(score))
        return best

    def match_adjective(self, word: str) -> str | None:
        """The country a demonym names ("russe", "Russian" -> Russia), if the KB knows it."""
        names = sorted(self._adjectives.get(normalise_name(word), ()))
        return names[0] if names else None

    def _compile_mentions(self) -> re.Pattern[str]:
        if self._mention_re is None:
            forms: dict[str, list[tuple[str, bool, bool]]] = {}
            for ent in self.entities.values():
                aliases = [ent.name, *(a for v in ent.aliases.values() for a in v)]
                for alias in aliases:
                    f = _space_key(fold(alias.strip()))
                    if len(f) >= 2:
                        forms.setdefault(f, []).append((ent.name, alias.isupper(), False))
                for adj in (a for v in ent.adjectives.values() for a in v):
                    f = _space_key(fold(adj.strip()))
                    if len(f) >= 3:
                        forms.setdefault(f, []).append((ent.name, False, True))
            self._mention_forms = forms
            alts = sorted(forms, key=len, reverse=True)
            body = "|".join(re.sub(r"(?:\\ |\\-|\s|-)+", r"[\\s\\-\\u00a0]+", re.escape(a))
                            for a in alts) or r"(?!x)x"
            self._mention_re = re.compile(r"(?<![\w])(?:" + body + r")(?![\w])")
        return self._mention_re

    def find_mentions(self, text: str, *, types: Sequence[str] | None = None,
                      adjectives: bool = False) -> list[Mention]:
        """Non-overlapping mentions of known names (longest first) in `text`, accent- and
        case-insensitive except for acronyms, which must be written in capitals."""
        pattern = self._compile_mentions()
        folded = fold(text)
        out: list[Mention] = []
        for m in pattern.finditer(folded):
            cands = self._mention_forms.get(_space_key(m.group()), [])
            for name, acronym, is_adj in cands:
                if acronym and not text[m.start():m.end()].isupper():
                    continue
                if is_adj and not adjectives:
                    continue
                if types is not None and self.entity_type(name) not in types:
                    continue
                out.append(Mention(m.start(), m.end(), name, self.entity_type(name), is_adj))
                break
        return out

    # --- dated queries ----------------------------------------------------------------------

    def _resolve(self, name: str, types: Sequence[str] | None = None) -> str | None:
        m = self.match_entity(name, types=types)
        return m.name if m else None

    def facts_about(self, name: str, predicate: str | None = None) -> list[Fact]:
        return [f for f in self.facts if name in (f.subject, f.object, (f.extra or {}).get("about"))
                and (predicate is None or f.predicate == predicate)]

    def when(self, event_name: str) -> Fact | None:
        """The dated fact (event or adoption) of an event, by any of its names."""
        name = self._resolve(event_name, ("event", "resolution"))
        if name is None:
            mentions = self.find_mentions(event_name, types=("event", "resolution"))
            if not mentions:
                return None
            name = mentions[0].name
        for f in self.facts:
            if f.subject == name and f.predicate in ("event", "adopted"):
                return f
        return None

    def office_holders_at(self, office: str, at: date, of: str | None = None) -> list[Fact]:
        office_name = self._resolve(office, ("office",)) or office
        of_name = (self._resolve(of) or self.match_adjective(of) or of) if of else None
        return [f for f in self.facts
                if f.predicate == "holds_office" and f.object == office_name and _covers(f, at)
                and (of_name is None or (f.extra or {}).get("of") == of_name)]

    def office_holder_at(self, office: str, at: date, of: str | None = None) -> Fact | None:
        """Who held `office` (of a country or institution) on `at`; None when the KB has no
        record, or when several holders match and `of` was not given."""
        holders = self.office_holders_at(office, at, of)
        return holders[0] if len(holders) == 1 else None

    def offices_of(self, person: str, at: date | None = None) -> list[Fact]:
        """The offices a person held on `at` (every recorded office when `at` is None)."""
        name = self._resolve(person, ("person",))
        if name is None:
            return []
        return [f for f in self.facts if f.predicate == "holds_office" and f.subject == name
                and (at is None or _covers(f, at))]

    def presiding_at(self, institution: str, at: date) -> Fact | None:
        """The presides fact (institution presided by a country) covering `at`."""
        name = self._resolve(institution, ("institution",))
        if name is None:
            return None
        for f in self.facts:
            if f.predicate == "presides" and f.subject == name and _covers(f, at):
                return f
        return None

    def dated_facts_about(self, name: str) -> list[tuple[Fact, date]]:
        """(fact, the day it records) for facts that happen on a day: an event, an adoption,
        the last day of a mandate."""
        out = []
        for f in self.facts_about(name):
            if f.predicate in ("event", "adopted") and f.valid_from:
                out.append((f, f.valid_from))
            elif f.predicate == "mandate" and f.valid_to:
                out.append((f, f.valid_to))
        return out


_demo_kb: KnowledgeBase | None = None


def demo_knowledge_base() -> KnowledgeBase:
    """The bundled demo pack as a KnowledgeBase, parsed once per process (treat as read-only)."""
    global _demo_kb
    if _demo_kb is None:
        _demo_kb = KnowledgeBase.demo()
    return _demo_kb
