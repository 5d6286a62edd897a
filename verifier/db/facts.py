"""The facts knowledge base in the store: packs (parsed by verifier.reference.packs) stored as
Fact rows with their pack row (FactPack: build date, licence, last day covered) and the
normalised names of their entities (FactName), and read back as `FactRecord`s for the
in-memory KnowledgeBase: all of them (`load_knowledge_base`), or only the facts about the names
a document mentions (`knowledge_base_for_text`: a store of a million facts is never read
whole to check one article).

Re-importing a pack updates that pack's facts in the caller's write transaction, with one
"facts.import" audit event; a pack is validated entirely before anything is stored. New facts
are inserted in batches of `BATCH` rows (docs/facts-packs.md, bench/facts_kb.py)."""
from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import ARRAY, String, any_, bindparam, delete, insert, text, update
from sqlmodel import Session, col, select

from verifier.db import audit
from verifier.db.models import Evidence, Fact, FactName, FactPack, utcnow
from verifier.reference.facts import _NON_WORD, FactRecord, PackInfo, fold, normalise_name
from verifier.reference.kb import KnowledgeBase
from verifier.reference.packs import PackError as PackError  # raised by import_pack
from verifier.reference.packs import PackMeta, ParsedPack, parse_pack

BATCH = 5000
# Longest name, in words, looked up in the names index (n-grams of a document's words).
MAX_NAME_WORDS = 6
# A person's name words at least this long are also indexed alone (kind "token"), so that
# "Sergueï Lavrov" finds the facts of "Sergey Lavrov" before fuzzy matching decides.
TOKEN_MIN_LEN = 4


@dataclass(frozen=True)
class ImportResult:
    pack: str
    source: str
    sha256: str
    facts: int
    replaced: int


def _row_values(fact: FactRecord) -> dict[str, Any]:
    of = (fact.extra or {}).get("of")
    return {"pack": fact.pack, "subject": fact.subject, "predicate": fact.predicate,
            "object": fact.object, "valid_from": fact.valid_from, "valid_to": fact.valid_to,
            "source_title": fact.source_title, "source_url": fact.source_url,
            "aliases": fact.aliases, "extra": fact.extra, "dataset": fact.dataset,
            "source_ref": fact.source_ref, "retrieved": fact.retrieved,
            "licence": fact.licence, "of_name": str(of) if of else None}


def fact_row(fact: FactRecord) -> Fact:
    """A new (unsaved) Fact row with the record's content; its id is left to the store."""
    return Fact(**_row_values(fact))


def stored_record(row: dict[str, Any]) -> FactRecord:
    """The record of a fact row read as a mapping of column values (migrations read rows so)."""
    keys = ("id", "pack", "subject", "predicate", "object", "valid_from", "valid_to",
            "source_title", "source_url", "aliases", "extra")
    values: dict[str, Any] = {k: row.get(k) for k in keys}
    return FactRecord(**values)


def fact_record(row: Fact) -> FactRecord:
    """The record of a stored Fact row (with its id)."""
    return FactRecord(id=row.id, pack=row.pack, subject=row.subject, predicate=row.predicate,
                      object=row.object, valid_from=row.valid_from, valid_to=row.valid_to,
                      source_title=row.source_title, source_url=row.source_url,
                      aliases=row.aliases, extra=row.extra, dataset=row.dataset,
                      source_ref=row.source_ref, retrieved=row.retrieved, licence=row.licence)


def fact_records(rows: Iterable[Fact]) -> list[FactRecord]:
    return [fact_record(r) for r in rows]


def _identity(f: Fact | FactRecord) -> tuple[Any, ...]:
    return f.subject, f.predicate, f.object, f.valid_from, f.valid_to


def _batches(rows: Iterable[dict[str, Any]], size: int = BATCH) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(session: Session, table: Any, rows: Iterable[dict[str, Any]]) -> int:
    n = 0
    for batch in _batches(rows):
        session.execute(insert(table), batch)
        n += len(batch)
    return n


def name_keys(fact: FactRecord) -> Iterator[tuple[str, str, str]]:
    """(key, entity, kind) for every name, alias and adjective of the entities a fact names:
    kind "name" (a whole name, normalised), "office" (the name of an office), "adjective" (a
    demonym) or "token" (one word of a person's name, TOKEN_MIN_LEN characters or more)."""
    for entity, info in ((fact.aliases or {}).get("entities") or {}).items():
        names = tuple(a for v in (info.get("names") or {}).values() for a in v)
        adjectives = tuple(a for v in (info.get("adjectives") or {}).values() for a in v)
        yield from _entity_keys(entity, info.get("type"), names, adjectives)
    for name, kind in ((fact.subject, "name"),
                       (fact.object, "office" if fact.predicate == "holds_office" else "name"),
                       ((fact.extra or {}).get("of"), "name")):
        if name:
            key = normalise_name(str(name))
            if key:
                yield key, str(name), kind


@lru_cache(maxsize=65536)
def _entity_keys(entity: str, typ: str | None, names: tuple[str, ...],
                 adjectives: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    out: list[tuple[str, str, str]] = []
    kind = "office" if typ == "office" else "name"
    for name in (entity, *names):
        key = normalise_name(name)
        if key:
            out.append((key, entity, kind))
            if typ == "person" and " " in key:
                out.extend((word, entity, "token") for word in key.split()
                           if len(word) >= TOKEN_MIN_LEN)
    for adj in adjectives:
        key = normalise_name(adj)
        if key:
            out.append((key, entity, "adjective"))
    return tuple(out)


class _Recent:
    """The last `size` name keys written: a pack's facts about one entity come together, so a
    key already written is skipped without keeping every key of a million-fact pack in memory
    (a key written twice only makes its lookup return the entity twice)."""

    def __init__(self, size: int = 100_000) -> None:
        self.size, self.keys = size, OrderedDict[tuple[str, str, str], None]()

    def first_time(self, key: tuple[str, str, str]) -> bool:
        if key in self.keys:
            self.keys.move_to_end(key)
            return False
        self.keys[key] = None
        if len(self.keys) > self.size:
            self.keys.popitem(last=False)
        return True


def _name_rows(pack: str, fact: FactRecord, recent: _Recent) -> Iterator[dict[str, Any]]:
    for k in name_keys(fact):
        if recent.first_time(k):
            yield {"pack": pack, "key": k[0][:500], "entity": k[1], "kind": k[2]}


def _store_names(session: Session, pack: str, facts: Iterable[FactRecord]) -> int:
    session.execute(delete(FactName).where(col(FactName.pack) == pack))
    recent = _Recent()
    return _insert(session, FactName.__table__,  # type: ignore[attr-defined]
                   (row for fact in facts for row in _name_rows(pack, fact, recent)))


def _analyse(session: Session, rows: int) -> None:
    """After a large import, refresh the planner's statistics of the two tables (in the same
    transaction: PostgreSQL and SQLite both allow it). Without them PostgreSQL, seeing the
    tables as small, read a million facts by sequential scan to find one person's (0.5 s
    instead of under a millisecond: bench/facts_kb.py)."""
    if rows >= BATCH:
        for table in ("fact", "factname"):
            session.execute(text(f"ANALYZE {table}"))


def _store_pack_row(session: Session, name: str, meta: PackMeta, facts: int) -> None:
    row = session.get(FactPack, name) or FactPack(name=name)
    row.description, row.built, row.covered_until = meta.description, meta.built, meta.covered_until
    row.licence, row.sources, row.facts = meta.licence, [dict(x) for x in meta.sources], facts
    row.loaded_at = utcnow()
    session.add(row)


def store_pack(*, session: Session, pack: ParsedPack, actor: str) -> ImportResult:
    """Bring the stored facts of `pack.name` in line with the pack, with one audit event, in
    the caller's write transaction. A fact that is still in the pack (same subject, predicate,
    object and validity) keeps its row and id, its source and aliases updated; a fact that left
    the pack is deleted, and evidence that cited it keeps its copy of the fact (the evidence
    row holds subject, predicate, object, dates and source) with no link to the row. New facts
    are inserted in batches; the pack row and the names index are rewritten."""
    rows = session.exec(select(Fact).where(Fact.pack == pack.name)).all()
    stored: dict[tuple[Any, ...], list[Fact]] = {}
    for row in rows:
        stored.setdefault(_identity(row), []).append(row)
    kept: set[int] = set()
    new: list[FactRecord] = []
    for fact in pack.facts:
        same = stored.get(_identity(fact))
        if not same:
            new.append(fact)
            continue
        row = same.pop(0)
        for key, value in _row_values(fact).items():
            if key in ("source_title", "source_url", "aliases", "extra", "dataset",
                       "source_ref", "retrieved", "licence", "of_name"):
                setattr(row, key, value)
        session.add(row)
        kept.add(row.id or 0)
    gone = [r.id for r in rows if r.id not in kept]
    if gone:
        for i in range(0, len(gone), BATCH):
            chunk = gone[i:i + BATCH]
            session.execute(update(Evidence).where(col(Evidence.fact_id).in_(chunk))
                            .values(fact_id=None))
            session.execute(delete(Fact).where(col(Fact.id).in_(chunk)))
    session.flush()
    now = utcnow()
    _insert(session, Fact.__table__,  # type: ignore[attr-defined]
            (_row_values(f) | {"created_at": now} for f in new))
    _store_names(session, pack.name, pack.facts)
    _store_pack_row(session, pack.name, pack.meta, len(pack.facts))
    _analyse(session, len(new))
    audit.append(session, actor=actor, action="facts.import",
                 old={"pack": pack.name, "facts": len(rows)},
                 new={"pack": pack.name, "source": pack.source, "sha256": pack.sha256,
                      "facts": len(pack.facts), "kept": len(kept), "removed": len(gone)})
    return ImportResult(pack=pack.name, source=pack.source, sha256=pack.sha256,
                        facts=len(pack.facts), replaced=len(rows))


def stream_pack(*, session: Session, name: str, facts: Iterable[FactRecord], meta: PackMeta,
                actor: str, source: str = "<stream>") -> ImportResult:
    """Replace the stored facts of pack `name` with `facts`, read once as they come (memory
    bounded by one batch and the last 100,000 name keys, never by the number of facts): the
    import of a large pack (a Wikidata extract, bench/facts_kb.py). Stored facts of the pack
    are deleted first (evidence keeps its copy of a fact, unlinked), in the caller's write
    transaction, so an error in the stream leaves the previous facts in place."""
    old = session.exec(select(col(Fact.id)).where(Fact.pack == name)).all()
    for i in range(0, len(old), BATCH):
        chunk = list(old[i:i + BATCH])
        session.execute(update(Evidence).where(col(Evidence.fact_id).in_(chunk)).values(fact_id=None))
        session.execute(delete(Fact).where(col(Fact.id).in_(chunk)))
    session.execute(delete(FactName).where(col(FactName.pack) == name))
    recent = _Recent()
    names: list[dict[str, Any]] = []
    count = 0
    now = utcnow()

    def rows() -> Iterator[dict[str, Any]]:
        nonlocal count
        for fact in facts:
            count += 1
            names.extend(_name_rows(name, fact, recent))
            yield _row_values(fact) | {"created_at": now}
            if len(names) >= BATCH:
                session.execute(insert(FactName.__table__), names)  # type: ignore[attr-defined]
                names.clear()
    _insert(session, Fact.__table__, rows())  # type: ignore[attr-defined]
    if names:
        session.execute(insert(FactName.__table__), names)  # type: ignore[attr-defined]
    _store_pack_row(session, name, meta, count)
    _analyse(session, count)
    audit.append(session, actor=actor, action="facts.import",
                 old={"pack": name, "facts": len(old)},
                 new={"pack": name, "source": source, "facts": count, "streamed": True})
    return ImportResult(pack=name, source=source, sha256="", facts=count, replaced=len(old))


def import_pack(*, session: Session, path_or_bytes: str | Path | bytes, actor: str,
                name: str | None = None, fmt: str | None = None) -> ImportResult:
    """Validate a pack, then replace that pack's stored facts (inside the caller's
    `Store.write()` session, so a failure leaves the previous facts in place)."""
    pack = parse_pack(path_or_bytes, name=name, fmt=fmt)
    return store_pack(session=session, pack=pack, actor=actor)


def list_facts(*, session: Session, pack: str | None = None) -> list[FactRecord]:
    """The stored facts (of one pack, or all), ordered by pack, predicate, subject, date, id."""
    q = select(Fact).order_by(Fact.pack, Fact.predicate, Fact.subject, Fact.valid_from, Fact.id)  # type: ignore[arg-type]
    if pack is not None:
        q = q.where(Fact.pack == pack)
    return fact_records(session.exec(q).all())


def pack_infos(session: Session) -> list[PackInfo]:
    """Every stored pack with its build date, licence, last day covered and count of facts,
    from the pack rows (one per pack: written with its facts, and by the v7 step for the packs
    stored before, which have only their count). No fact is read: a check pays nothing for
    the size of the store here."""
    return [PackInfo(name=p.name, facts=p.facts, built=p.built, covered_until=p.covered_until,
                     licence=p.licence, description=p.description,
                     sources=tuple(p.sources or ()))
            for p in session.exec(select(FactPack).order_by(col(FactPack.name))).all()]


def load_knowledge_base(session: Session, pack: str | None = None) -> KnowledgeBase:
    """A KnowledgeBase over the stored facts (of one pack, or all)."""
    return KnowledgeBase(list_facts(session=session, pack=pack),
                         packs=[p for p in pack_infos(session) if pack in (None, p.name)])


_WORD = re.compile(r"[\w'’]+")
_ARTICLES = frozenset({"le", "la", "les", "the", "a", "an"})


@lru_cache(maxsize=65536)
def _word_key(word: str) -> tuple[str, bool]:
    """A folded word's part of a name key (its punctuation and apostrophes as spaces), and
    whether an n-gram starting with it has the key of its words' parts joined: true unless
    normalise_name would strip something at its start (an article, "l'", "d'", a word with
    no letters)."""
    part = " ".join(_NON_WORD.sub(" ", word.replace("_", " ")).replace("'", " ").split())
    plain = bool(part) and part.split(" ", 1)[0] not in _ARTICLES and normalise_name(word) == part
    return part, plain


def candidate_keys(text: str, max_words: int = MAX_NAME_WORDS) -> set[str]:
    """The normalised word n-grams (1 to `max_words` words) of `text`: every key a name
    mentioned in it can have in the names index (normalise_name of the n-gram). Linear in the
    length of the text; each word is normalised once, and only the n-grams that start with
    an article or an elided word are normalised whole."""
    words = [m.group() for m in _WORD.finditer(fold(text))]
    parts = [_word_key(w) for w in words]
    keys: set[str] = set()
    for i in range(len(words)):
        end = min(i + max_words, len(words))
        if parts[i][1]:
            joined = parts[i][0]
            keys.add(joined)
            for part, _ in parts[i + 1:end]:
                if part:
                    joined = f"{joined} {part}"
                keys.add(joined)
            continue
        for n in range(i + 1, end + 1):
            key = normalise_name(" ".join(words[i:n]))
            if key:
                keys.add(key)
    return keys


def _chunks(items: Sequence[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield list(items[i:i + size])


def mentioned_entities(session: Session, text: str) -> set[str]:
    """The entities of the store whose name, alias, adjective or (for people) one name word
    appears in `text` (the names index, FactName), offices aside: "le président" alone
    would bring every president on record; an office's holders come through the person or
    the country named with it."""
    keys = sorted(candidate_keys(text))
    found: set[str] = set()
    if session.get_bind().dialect.name == "postgresql":
        # one array parameter: an IN list of thousands of keys costs more to render and send
        # than the lookup itself (bench/bulk_ingest.py)
        found.update(session.exec(select(FactName.entity).where(
            col(FactName.key) == any_(bindparam("keys", keys, type_=ARRAY(String))),
            FactName.kind != "office")).all())
        return found
    for chunk in _chunks(keys):
        found.update(session.exec(select(FactName.entity).where(
            col(FactName.key).in_(chunk), FactName.kind != "office")).all())
    return found


def facts_about_entities(session: Session, entities: Iterable[str]) -> list[FactRecord]:
    """The stored facts whose subject, object or country/institution ("of") is one of
    `entities`, each once, ordered by id."""
    names = sorted(set(entities))
    rows: dict[int, Fact] = {}
    for chunk in _chunks(names):
        # One query per indexed column: an OR of the three makes SQLite scan the table.
        for column in (Fact.subject, Fact.object, Fact.of_name):
            for row in session.exec(select(Fact).where(col(column).in_(chunk))).all():
                rows[row.id or 0] = row
    return [fact_record(rows[i]) for i in sorted(rows)]


def knowledge_base_for_text(session: Session, text: str) -> KnowledgeBase:
    """The knowledge base a document is checked against: the stored facts about the names it
    mentions (and every stored pack's coverage), never the whole store. Same interface as
    `load_knowledge_base`; a name the index misses cannot be matched fuzzily either (the
    index holds every word of people's names, so a transliterated first name still finds the
    person by the surname)."""
    mentioned = set(mentioned_entities(session, text))
    facts = facts_about_entities(session, mentioned)
    # Events are found by their place or their date, which the names index does not hold as
    # a fact's subject, object or country: every stored event is read (they are few beside
    # offices; the predicate is indexed).
    seen = {f.id for f in facts}
    facts += [fact_record(r) for r in session.exec(select(Fact).where(Fact.predicate == "event")
                                                   .order_by(col(Fact.id))).all()
              if r.id not in seen]
    seen.update(f.id for f in facts)
    # One hop from an event found by its place or date: its actors' own facts, so that "la
    # visite du roi à Moscou" can name the king the visit's fact names (his office).
    actors = {name for f in facts if f.predicate in _ACTOR_HOP
              for name in (f.subject, *((f.extra or {}).get("participants") or ()))} - mentioned
    if actors:
        facts += [f for f in facts_about_entities(session, actors) if f.id not in seen]
        facts.sort(key=lambda f: f.id or 0)
    return KnowledgeBase(facts, packs=pack_infos(session))


# predicates whose subject (and participants) a document may name only by a title
_ACTOR_HOP = {"visit", "event", "visited", "met"}


def offices_at(session: Session, person: str, at: date | None = None) -> list[FactRecord]:
    """The offices the person named `person` (any name or alias in the names index) held on
    `at` (all recorded when None), read from the store by one query over two indexes: the
    name to its entities (FactName.key), then their facts (Fact.subject). What bench/facts_kb.py times at a million
    facts."""
    named = select(FactName.entity).where(FactName.key == normalise_name(person),
                                          FactName.kind == "name")
    # One query; by subject only (its index: a person has a few facts): the predicate and the
    # dates are tested here, else SQLite may pick the predicate's index and read every office.
    rows = session.exec(select(Fact).where(col(Fact.subject).in_(named))
                        .order_by(col(Fact.id))).all()
    return [fact_record(r) for r in rows if r.predicate == "holds_office"
            and (at is None or ((r.valid_from is None or r.valid_from <= at)
                                and (r.valid_to is None or at <= r.valid_to)))]
