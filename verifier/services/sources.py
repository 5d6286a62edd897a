"""Reference material: source documents (claims are matched against their passages), facts
packs, earlier fact-checks (precedents). Admins (and the CLI's store owner) add them;
fact-checkers and admins see the lists."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from verifier.db import queue
from verifier.db.facts import ImportResult, PackError, list_facts, parse_pack, store_pack
from verifier.reference.claimreview import PrecedentError
from verifier.reference.facts import FactRecord, fact_sentence
from verifier.reference.packs import bundled_manifest, bundled_names, parse_bundled
from verifier.services._base import Db, authorise, service, store_of
from verifier.services.documents import IngestResult, ingest_document, untrusted
from verifier.services.principal import ADMIN_ROLES, ANY_ROLE, SOURCE_READER_ROLES, Principal

if TYPE_CHECKING:
    from verifier.reference.precedents import PrecedentFile

__all__ = ["ImportResult", "PackError", "PrecedentError", "PrecedentImport", "add_source",
           "bundled_packs", "fact_table", "facts", "import_bundled", "import_pack", "import_packs",
           "import_precedents", "loaded_packs", "loaded_sources", "read_precedents",
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
    imported: int  # precedents added
    collection: str
    embedded: int | None  # texts with sentence vectors ready, None when not computed
    known: int = 0  # reviews already stored (same URL, same rating and date, or older)
    updated: int = 0  # reviews stored already whose rating or review date changed
    replaced: int | None = None  # a TSV/CSV list: how many rows its collection held before

    def summary(self) -> str:
        """"N imported, M already known" (and "U updated" when some were)."""
        text = f"{self.imported} imported, {self.known} already known"
        return text + (f", {self.updated} updated" if self.updated else "")

    def to_json(self) -> dict[str, Any]:
        """The counts as plain values (for the HTTP API and jobs)."""
        return dict(self.__dict__)


# What a precedent URL may answer: a saved fact-check page, ClaimReview JSON(-LD), a list.
PRECEDENT_CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html", "application/json": "json",
    "application/ld+json": "json", "text/plain": "txt", "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}


def _precedent_input(file: str | Path | bytes, name: str | None) -> tuple[bytes, str, str | None]:
    """(bytes, name, URL fetched) of a precedent file: bytes as given, a file read (within the
    ingestion size cap), a URL fetched with the rules of URL ingestion (ingest.fetch_url:
    address checks, deadline, size cap)."""
    from verifier.ingest import IngestError, fetch_url, is_url, read_file

    try:
        if isinstance(file, bytes):
            return file, name or "input", None
        if is_url(file):
            raw = fetch_url(str(file).strip(), types=PRECEDENT_CONTENT_TYPES)
            return raw.data, name or raw.name, raw.url
        raw = read_file(file)
        return raw.data, name or raw.name, None
    except IngestError as exc:
        raise PrecedentError(str(exc)) from None


def read_precedents(principal: Principal | None, file: str | Path | bytes, *,
                    name: str | None = None) -> tuple[PrecedentFile, str, str | None]:
    """A precedent file read: (its rows and format, its name, the URL fetched). Web pages
    (extruct, lxml) and whatever `untrusted` sends there are parsed in the limited worker;
    PrecedentError, one line, on anything that cannot be imported."""
    from verifier.reference.precedents import looks_like_html, read_precedent_file
    from verifier.sandbox import DocumentTooComplex, run_limited

    data, name, url = _precedent_input(file, name)
    if untrusted(principal, file) or looks_like_html(data, name):
        try:
            parsed = run_limited("verifier.extract.untrusted:read_precedents", data, name, url,
                                 what=name)
        except DocumentTooComplex as exc:
            raise PrecedentError(str(exc)) from None
    else:
        parsed = read_precedent_file(data, name=name, url=url)
    return parsed, name, url


def _default_collection(name: str, url: str | None) -> str:
    """A URL's host name ("checks.example.org"); a file's name without its extension."""
    import urllib.parse

    if url:
        return urllib.parse.urlsplit(url).hostname or "web"
    return Path(name).stem or "input"


@service
def import_precedents(principal: Principal, file: str | Path | bytes, *,
                      name: str | None = None, collection: str | None = None,
                      embed: bool = True, db: Db = None) -> PrecedentImport:
    """Import earlier fact-checks (admins only): a TSV/CSV list (re-importing a collection
    replaces it), or ClaimReview (JSON-LD, a schema.org DataFeed, Fact Check Tools API
    responses, a saved fact-check page or its URL) merged by review URL (db.precedents.
    store_precedents). A file that holds none, or cannot be read: PrecedentError, nothing
    stored. With `embed` and the semantic extra, computes the new texts' vectors."""
    from verifier.db import precedents

    store = store_of(db)
    authorise(store, principal, ADMIN_ROLES, "import precedents", scope="admin")
    parsed, name, url = read_precedents(principal, file, name=name)
    coll = collection or _default_collection(name, url)
    with store.write() as s:
        res = precedents.store_precedents(session=s, parsed=parsed, name=url or name,
                                          collection=coll, actor=principal.name)
    texts = None
    if embed and (res.imported or res.updated) and precedents.semantic_enabled():
        with store.read() as s:  # an updated review may be in another collection: all then
            texts = precedents.embed_collection(session=s,
                                                collection=None if res.updated else coll)
    return PrecedentImport(res.imported, coll, texts, res.known, res.updated, res.replaced)


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
