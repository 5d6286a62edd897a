"""Reference material: source documents (claims are matched against their passages), facts
packs, earlier fact-checks (precedents). Admins (and the CLI's store owner) add them;
fact-checkers and admins see the lists."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from verifier.db import queue
from verifier.db.facts import ImportResult, PackError, list_facts, parse_pack, store_pack
from verifier.reference.facts import FactRecord, fact_sentence
from verifier.reference.packs import bundled_manifest, bundled_names, parse_bundled
from verifier.services._base import Db, authorise, service, store_of
from verifier.services.documents import IngestResult, ingest_document
from verifier.services.principal import ADMIN_ROLES, ANY_ROLE, SOURCE_READER_ROLES, Principal

__all__ = ["ImportResult", "PackError", "PrecedentImport", "add_source", "bundled_packs",
           "fact_table", "facts", "import_bundled", "import_pack", "import_packs", "import_precedents", "loaded_packs", "loaded_sources",
           "search_precedents"]


@service
def add_source(principal: Principal, source: str | Path | bytes, *, name: str | None = None,
               lang: str | None = None, db: Db = None) -> IngestResult:
    """Store a reference source with its passages (admins only); audited."""
    return ingest_document(principal, source, name=name, kind="source", lang=lang, db=db)


@service
def loaded_sources(principal: Principal, *, db: Db = None) -> list[dict[str, Any]]:
    store = store_of(db)
    authorise(store, principal, SOURCE_READER_ROLES, "see the reference sources", scope=None)
    return queue.loaded_sources(store)


@service
def loaded_packs(principal: Principal, *, db: Db = None) -> list[dict[str, Any]]:
    store = store_of(db)
    authorise(store, principal, SOURCE_READER_ROLES, "see the fact packs", scope=None)
    return queue.loaded_packs(store)


@service
def import_packs(principal: Principal, files: Sequence[str | Path | bytes], *,
                 names: Sequence[str | None] = (), fmt: str | None = None,
                 retrieved: date | None = None, db: Db = None) -> list[ImportResult]:
    """Validate every pack, then store them all in one transaction, each replacing the stored
    pack of the same name (admins only). One bad pack (PackError), or a pack given twice:
    nothing is stored."""
    packs = [parse_pack(f, name=names[i] if i < len(names) else None, fmt=fmt,
                        retrieved=retrieved) for i, f in enumerate(files)]
    pack_names = [p.name for p in packs]
    dupes = sorted({n for n in pack_names if pack_names.count(n) > 1})
    if dupes:
        raise PackError(f"pack {dupes[0]!r} is given more than once")
    store = store_of(db)
    authorise(store, principal, ADMIN_ROLES, "import fact packs", scope="admin")
    with store.write() as session:
        return [store_pack(session=session, pack=p, actor=principal.name) for p in packs]


@service
def import_bundled(principal: Principal, names: Sequence[str], *,
                   db: Db = None) -> list[ImportResult]:
    """Import bundled packs (verifier/data/packs/; "all" for every one), each replacing the
    stored pack of the same name, in one transaction (admins only; an unknown name:
    PackError, nothing stored)."""
    packs = [parse_bundled(n) for n in bundled_names(list(names))]
    store = store_of(db)
    authorise(store, principal, ADMIN_ROLES, "import fact packs", scope="admin")
    with store.write() as session:
        return [store_pack(session=session, pack=p, actor=principal.name) for p in packs]


@service
def bundled_packs(principal: Principal) -> list[dict[str, Any]]:
    """The packs that come with verifier: name, description, build date, last day covered,
    licence and facts (rows for people; nothing stored is read)."""
    return [{"pack": name, "built": e.get("built"), "covered until": e.get("covered_until"),
             "licence": e.get("licence"), "facts": e.get("facts"),
             "description": e.get("description")}
            for name, e in sorted(bundled_manifest().items())]


@service
def import_pack(principal: Principal, data: str | Path | bytes, *, name: str | None = None,
                fmt: str | None = None, db: Db = None) -> ImportResult:
    """One pack (admins only); see import_packs."""
    return import_packs(principal, [data], names=[name], fmt=fmt, db=db)[0]


@service
def facts(principal: Principal, *, pack: str | None = None, db: Db = None) -> list[FactRecord]:
    """The stored facts (of one pack)."""
    store = store_of(db)
    authorise(store, principal, ANY_ROLE, "list facts", scope=None)
    with store.read() as session:
        return list_facts(session=session, pack=pack)


@service
def fact_table(principal: Principal, *, pack: str | None = None,
               db: Db = None) -> list[dict[str, Any]]:
    """The stored facts (of one pack) as rows for people: the fact read as a sentence where
    its predicate allows (`reference.facts.fact_sentence`), then subject, relation, object,
    validity and source. Plain values: shells show them as text."""
    rows = []
    for f in facts(principal, pack=pack, db=db):
        extra = f.extra or {}
        rows.append({
            "pack": f.pack,
            "reads as": fact_sentence(f.subject, f.predicate, f.object, f.valid_from,
                                      f.valid_to, extra) or "",
            "subject": f.subject, "relation": f.predicate.replace("_", " "),
            "object": f.object or "", "of": str(extra.get("of") or ""),
            "valid from": f.valid_from.isoformat() if f.valid_from else "",
            "valid to": f.valid_to.isoformat() if f.valid_to else "",
            "source": f.source_title or "", "source url": f.source_url or ""})
    return rows


@dataclass(frozen=True)
class PrecedentImport:
    imported: int
    collection: str
    embedded: int | None  # texts with sentence vectors ready, None when not computed


@service
def import_precedents(principal: Principal, file: str | Path | bytes, *,
                      collection: str | None = None, embed: bool = True,
                      db: Db = None) -> PrecedentImport:
    """Import earlier fact-checks (TSV/CSV or ClaimReview JSON-LD; admins only); re-importing
    a collection replaces it. With `embed` and the semantic extra, computes their vectors."""
    from verifier.db import precedents

    store = store_of(db)
    authorise(store, principal, ADMIN_ROLES, "import precedents", scope="admin")
    with store.write() as s:
        n = precedents.import_precedents(session=s, path_or_bytes=file, collection=collection,
                                         actor=principal.name)
    name = collection or (Path(file).stem if not isinstance(file, bytes) else "input")
    texts = None
    if embed and precedents.semantic_enabled():
        with store.read() as s:
            texts = precedents.embed_collection(session=s, collection=name)
    return PrecedentImport(n, name, texts)


@service
def search_precedents(principal: Principal, queries: Sequence[tuple[str, str]], *,
                      top: int = 5, db: Db = None) -> list[tuple[str, int, Any, dict[str, Any]]]:
    """For each (query id, text): its best earlier fact-checks as (qid, rank, hit, evidence);
    hit has docid and score, evidence is the check contract's precedent evidence."""
    from verifier.db import precedents

    store = store_of(db)
    authorise(store, principal, ANY_ROLE, "search precedents", scope=None)
    out: list[tuple[str, int, Any, dict[str, Any]]] = []
    with store.read() as s:
        for qid, q in queries:
            for rank, h in enumerate(precedents.search(session=s, query=q, top=top), 1):
                out.append((qid, rank, h, precedents.precedent_evidence(h, query=q).to_json()))
    return out
