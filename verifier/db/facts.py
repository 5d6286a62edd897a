"""The facts knowledge base in the store: packs (parsed by verifier.reference.packs) stored as
Fact rows, and read back as `FactRecord`s for the in-memory KnowledgeBase.

Re-importing a pack updates that pack's facts in the caller's write transaction, with one
"facts.import" audit event; a pack is validated entirely before anything is stored."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from verifier.db import audit
from verifier.db.models import Evidence, Fact
from verifier.reference.facts import FactRecord
from verifier.reference.kb import KnowledgeBase
from verifier.reference.packs import PackError as PackError  # raised by import_pack
from verifier.reference.packs import ParsedPack, parse_pack


@dataclass(frozen=True)
class ImportResult:
    pack: str
    source: str
    sha256: str
    facts: int
    replaced: int


def fact_row(fact: FactRecord) -> Fact:
    """A new (unsaved) Fact row with the record's content; its id is left to the store."""
    return Fact(pack=fact.pack, subject=fact.subject, predicate=fact.predicate,
                object=fact.object, valid_from=fact.valid_from, valid_to=fact.valid_to,
                source_title=fact.source_title, source_url=fact.source_url,
                aliases=fact.aliases, extra=fact.extra)


def fact_record(row: Fact) -> FactRecord:
    """The record of a stored Fact row (with its id)."""
    return FactRecord(id=row.id, pack=row.pack, subject=row.subject, predicate=row.predicate,
                      object=row.object, valid_from=row.valid_from, valid_to=row.valid_to,
                      source_title=row.source_title, source_url=row.source_url,
                      aliases=row.aliases, extra=row.extra)


def fact_records(rows: Iterable[Fact]) -> list[FactRecord]:
    return [fact_record(r) for r in rows]


def _identity(f: Fact | FactRecord) -> tuple[Any, ...]:
    return f.subject, f.predicate, f.object, f.valid_from, f.valid_to


def store_pack(*, session: Session, pack: ParsedPack, actor: str) -> ImportResult:
    """Bring the stored facts of `pack.name` in line with the pack, with one audit event, in
    the caller's write transaction. A fact that is still in the pack (same subject, predicate,
    object and validity) keeps its row and id, its source and aliases updated; a fact that left
    the pack is deleted, and evidence that cited it keeps its copy of the fact (the evidence
    row holds subject, predicate, object, dates and source) with no link to the row."""
    rows = session.exec(select(Fact).where(Fact.pack == pack.name)).all()
    stored: dict[tuple[Any, ...], list[Fact]] = {}
    for row in rows:
        stored.setdefault(_identity(row), []).append(row)
    kept: set[int] = set()
    for fact in pack.facts:
        same = stored.get(_identity(fact))
        if not same:
            session.add(fact_row(fact))
            continue
        row = same.pop(0)
        fresh = fact_row(fact)
        for name in ("source_title", "source_url", "aliases", "extra"):
            setattr(row, name, getattr(fresh, name))
        session.add(row)
        kept.add(row.id or 0)
    gone = [r.id for r in rows if r.id not in kept]
    if gone:
        session.execute(update(Evidence).where(col(Evidence.fact_id).in_(gone))
                        .values(fact_id=None))
        session.execute(delete(Fact).where(col(Fact.id).in_(gone)))
    session.flush()
    audit.append(session, actor=actor, action="facts.import",
                 old={"pack": pack.name, "facts": len(rows)},
                 new={"pack": pack.name, "source": pack.source, "sha256": pack.sha256,
                      "facts": len(pack.facts), "kept": len(kept), "removed": len(gone)})
    return ImportResult(pack=pack.name, source=pack.source, sha256=pack.sha256,
                        facts=len(pack.facts), replaced=len(rows))


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


def load_knowledge_base(session: Session, pack: str | None = None) -> KnowledgeBase:
    """A KnowledgeBase over the stored facts (of one pack, or all)."""
    return KnowledgeBase(list_facts(session=session, pack=pack))
