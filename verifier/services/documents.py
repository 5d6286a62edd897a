"""Documents: read, extract, check, ingest, list and show. The check pipeline's operations
(`extract_document`, `check_document`, `quote_sources`, `precedent_check`...) are a few calls into
the pure modules (ingest, pipeline, assess) and at most one write transaction in the store; the
principal-taking functions at the end are what the shells call."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import select

from verifier.check.assess import Check, CheckReport, Results, assess
from verifier.check.quotes import quote_check
from verifier.claims import Alignment, Claim, Finding, PrecedentEvidence
from verifier.db import audit, documents
from verifier.db.documents import DocumentError
from verifier.db.models import DOCUMENT_KINDS, Document, Fact
from verifier.db.passages import LibraryAligner, library_size
from verifier.db.store import Store
from verifier.extract.pipeline import ExtractionReport, extract_document_claims
from verifier.ingest import (
    DocumentTooBig,
    IngestedDocument,
    IngestError,
    RawDocument,
    ingest,
    ingest_bytes,
    is_url,
    load,
    readable_extension,
    too_big,
)
from verifier.reference.facts import FactRecord
from verifier.reference.kb import KnowledgeBase, demo_knowledge_base
from verifier.reference.passages import PassageSpan
from verifier.services._base import Db, authorise, existing_store, service, store_of
from verifier.services.principal import ADMIN_ROLES, ANY_ROLE, DRAFT_ROLES, Principal
from verifier.text import split_sentences


class DocumentNotFound(DocumentError):
    """No stored document has this id."""


@dataclass(frozen=True)
class IngestResult:
    document: Document
    created: bool
    claims_added: int
    changes: documents.ClaimChanges | None = None  # what a save did to the stored claims


def document_summary(doc: IngestedDocument | Document) -> dict[str, Any]:
    """The contract's document summary. `url` and `site`: where the document was fetched from
    (None for a file); `claimed_url` / `claimed_site`, only when the page claims another URL or
    a site name: what it says of itself, unverified (docs/decisions.md §22)."""
    published = doc.published.isoformat() if doc.published else None
    said = (documents.claimed(doc.meta) if isinstance(doc, Document)
            else {k: v for k in documents.CLAIMED_KEYS if (v := getattr(doc, k))})
    return {"title": doc.title, "url": doc.url, "site": doc.site, "author": doc.author,
            "language": doc.language, "published": published, "sha256": doc.sha256,
            "source": doc.source_name, "format": doc.format, "chars": len(doc.text)} | said


def untrusted(principal: Principal | None, source: str | Path | bytes) -> bool:
    """Whether `source` is read in the limited worker (verifier.sandbox; docs/decisions.md
    §22): bytes (the browser's uploads, an API's), every URL (the page's author chose those
    bytes), and anything a shell other than the CLI hands over. A local file named on the
    command line is the CLI user's own and is read in this process."""
    if isinstance(source, bytes) or is_url(source):
        return True
    return principal is not None and principal.channel != "cli"


def _raw(source: str | Path | bytes, name: str | None) -> RawDocument:
    """The bytes to send to the worker: given, a file's, or a URL's, fetched here (network
    only: the address checks, deadline and size cap of ingest.fetch_url)."""
    if isinstance(source, bytes):
        return RawDocument(source, name or "input")
    return load(source)


def read_limited(source: str | Path | bytes, *, name: str | None = None,
                 lang: str | None = None, published: date | None = None,
                 kb: KnowledgeBase | None = None, extract: bool = True,
                 ) -> tuple[IngestedDocument, list[Claim] | None]:
    """`source` read, and its claims extracted (with `kb` to resolve names) unless not
    `extract`, in the limited worker: sandbox.DocumentTooComplex past its CPU-time or memory
    limit, IngestError on bad input, as in this process."""
    from verifier.sandbox import run_limited

    raw = _raw(source, name)
    if not extract:
        return run_limited("verifier.extract.untrusted:read_source", raw.data, raw.name, lang,
                           published, what=raw.name, **raw.how()), None
    doc, claims = run_limited("verifier.extract.untrusted:read_and_extract", raw.data, raw.name,
                              lang, published, kb, what=raw.name, **raw.how())
    return doc, claims


def read_library_source(source: str | Path | bytes, *, name: str | None = None,
                        lang: str | None = None) -> tuple[IngestedDocument, list[PassageSpan]]:
    """A reference source read, and split into its passages, in the limited worker."""
    from verifier.sandbox import run_limited

    raw = _raw(source, name)
    doc, spans = run_limited("verifier.extract.untrusted:read_library_source", raw.data,
                             raw.name, lang, what=raw.name, **raw.how())
    return doc, spans


def read(source: str | Path | bytes, *, name: str | None = None, lang: str | None = None,
         published: date | None = None, limited: bool = False) -> IngestedDocument:
    """A path, URL or bytes as an ingested document (raises IngestError on bad input); read in
    the limited worker when `limited` (then DocumentTooComplex past its limits)."""
    if limited:
        return read_limited(source, name=name, lang=lang, published=published, extract=False)[0]
    if isinstance(source, bytes):
        return ingest_bytes(source, name=name or "input", lang=lang, published=published)
    return ingest(str(source), lang=lang, published=published)


def extract_document(doc: IngestedDocument, *, kb: KnowledgeBase | None = None,
                     extracted: Sequence[Claim] | None = None) -> ExtractionReport:
    """The `verifier extract --format json` object: the document, its sentences and claims
    (`extracted`: the claims, when a limited worker extracted them)."""
    claims = list(extracted) if extracted is not None else extract_document_claims(doc, kb=kb)
    summary = document_summary(doc)
    summary["boilerplate"] = [{"start": s.start, "end": s.end, "kind": s.kind,
                               "text": doc.text[s.start:s.end]} for s in doc.boilerplate]
    summary["sentences"] = [{"start": s.start, "end": s.end, "text": s.text}
                            for s in split_sentences(doc.text, doc.language)]
    return ExtractionReport(document=summary, claims=claims)


def knowledge_base(store: Store | None = None, packs: Sequence[str | Path | bytes] = (),
                   text: str | None = None) -> tuple[KnowledgeBase, str]:
    """The facts to check against, and where they come from: the packs given, plus the facts
    imported into the store (with `text`, only those about the names it mentions:
    db/facts.py:knowledge_base_for_text, so a store of a million facts is not read to check
    one article); the bundled demo pack when there are neither."""
    from verifier.db.facts import knowledge_base_for_text, load_knowledge_base

    given = KnowledgeBase.from_pack(*packs) if packs else None
    facts: list[FactRecord] = list(given.facts) if given else []
    infos = list(given.packs.values()) if given else []
    origin = [f"{len(packs)} pack file(s)"] if packs else []
    if store is not None:
        with store.read() as session:
            stored = (knowledge_base_for_text(session, text) if text is not None
                      else load_knowledge_base(session))
            any_stored = bool(stored.facts) or session.exec(select(Fact.id).limit(1)).first() is not None
        if any_stored:
            facts.extend(stored.facts)
            infos.extend(stored.packs.values())
            origin.append(f"{len(stored.facts)} facts in the store"
                          + (" about the names the text mentions" if text is not None else ""))
    if not facts and not origin:
        return demo_knowledge_base(), "the bundled demo pack (no facts imported yet)"
    return KnowledgeBase(facts, packs=infos), " and ".join(origin)


def packs_summary(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """The packs a check used, for the report (`document.packs`): name, build date, last day
    covered, licence and facts stored."""
    return [{"name": p.name, "built": p.built.isoformat() if p.built else None,
             "covered_until": p.covered_until.isoformat() if p.covered_until else None,
             "licence": p.licence, "facts": p.facts or None} for p in kb.packs_used()]


def check_document(doc: IngestedDocument, *, kb: KnowledgeBase | None,
                   checks: Sequence[Check] = (), kb_origin: str | None = None,
                   quotes: QuoteSources | None = None,
                   extracted: Sequence[Claim] | None = None) -> CheckReport:
    """Every claim of `doc` with its finding, explanation and evidence (quotes against the
    `quotes` sources; `extracted`: the claims, when a limited worker extracted them); stores
    nothing."""
    claims, _ = assess(doc, kb=kb, checks=([quotes.check] if quotes else []) + list(checks),
                       claims=extracted)
    summary = document_summary(doc) | {"knowledge_base": kb_origin,
                                       "packs": packs_summary(kb) if kb is not None else []}
    return CheckReport(document=summary, claims=claims, sources=quotes.used() if quotes else [])


def check_text(text: str, *, lang: str | None = None, published: date | None = None,
               store: Store | None = None, name: str = "draft") -> CheckReport:
    """Check pasted text (the editor's draft): nothing is stored."""
    return check_ingested(ingest_bytes(text.encode("utf-8"), name=name, lang=lang,
                                       published=published), store)


def check_ingested(doc: IngestedDocument, store: Store | None,
                   sources: Sequence[IngestedDocument] = (),
                   packs: Sequence[str | Path | bytes] = (), *,
                   kb: tuple[KnowledgeBase, str] | None = None,
                   extracted: Sequence[Claim] | None = None) -> CheckReport:
    """Check a document already read: its quotes against the `sources` given and the store's
    source library, its facts against the `packs` and the store's facts (or the knowledge base
    and its origin given as `kb`), and earlier fact-checks; `extracted`: its claims, when a
    limited worker extracted them. Every check of a document goes through here (check,
    ingest, the editor's draft, re-check)."""
    facts, origin = kb if kb is not None else knowledge_base(store, packs=list(packs),
                                                             text=doc.text)
    checks = [precedent_check(store)] if store is not None else []
    return check_document(doc, kb=facts, kb_origin=origin, checks=checks,
                          quotes=quote_sources(store, sources), extracted=extracted)


def save_checked(store: Store, doc: IngestedDocument, report: CheckReport, *, kind: str,
                 actor: str, recheck: bool) -> IngestResult:
    """Store the document with its checked claims, evidence included, in one transaction.
    When it is stored already: with `recheck`, its claims are brought up to date in place
    (db.documents.replace_claims: same ids, reviewed claims keep their verdict, claims with a
    note or a review kept); without, nothing changes."""
    changes = None
    with store.write() as session:
        stored, created = documents.store_document(session=session, ingested=doc, kind=kind,
                                                   actor=actor)
        if created or recheck:
            changes = documents.replace_claims(session=session, document=stored,
                                               claims=report.claims, actor=actor)
    report.document["id"] = stored.id
    return IngestResult(stored, created, changes.added if changes else 0, changes)


def ingest_into(store: Store, source: str | Path | bytes, *, name: str | None = None,
                kind: str = "article", lang: str | None = None,
                published: date | None = None, actor: str,
                limited: bool = False) -> IngestResult:
    """Read `source`, then store it with its checked claims in one transaction. Reading fails
    before the store is touched; a document already stored is returned unchanged. With
    `limited`, the reading, the extraction of claims (or the split of a source into passages)
    run in the limited worker (sandbox.DocumentTooComplex past its limits, nothing stored);
    the checks against the store run here, on the claims it returns."""
    kb: tuple[KnowledgeBase, str] | None = None
    claims: list[Claim] | None = None
    spans: list[PassageSpan] | None = None
    if not limited:
        doc = read(source, name=name, lang=lang, published=published)
    elif kind == "source":
        doc, spans = read_library_source(source, name=name, lang=lang)
    else:
        # The worker extracts with it, the checks check against it (bytes: the facts about
        # the names they spell; a path or URL: every stored fact).
        hint = source.decode("utf-8", "replace") if isinstance(source, bytes) else None
        kb = knowledge_base(store, text=hint)
        doc, claims = read_limited(source, name=name, lang=lang, published=published, kb=kb[0])
    with store.read() as session:
        existing = documents.find_by_sha256(session=session, sha256=doc.sha256)
    if existing is not None:
        return IngestResult(existing, False, 0)
    if kind == "source":  # a reference source: passages for matching, no claims of its own
        return IngestResult(store_source(store, doc, actor=actor, passages=spans), True, 0)
    report = check_ingested(doc, store, kb=kb, extracted=claims)
    return save_checked(store, doc, report, kind=kind, actor=actor, recheck=False)


def store_source(store: Store, doc: IngestedDocument, *, actor: str,
                 passages: Sequence[PassageSpan] | None = None) -> Document:
    """Store a reference source (kind source) with its passages, or find it stored (an article
    stored earlier can serve as a source: it gets passages, and keeps its kind). `passages`:
    the passages of `doc`, when a limited worker split them."""
    from verifier.db.passages import document_passages, store_passages

    with store.write() as session:
        stored, created = documents.store_document(session=session, ingested=doc, kind="source",
                                                   actor=actor)
        assert stored.id is not None
        if created or not document_passages(session=session, document_id=stored.id):
            same = passages is not None and stored.language == doc.language
            n = store_passages(session=session, document=stored,
                               spans=passages if same else None)
            if not created:
                audit.append(session, actor=actor, action="source.passages",
                             document_id=stored.id, new={"passages": n})
    return stored


@dataclass
class QuoteSources:
    """The check of quotes against reference sources: the files given (`--source`, the editor's
    attachments) and the store's source library; after the run, `used()` lists the sources
    that held a quote (the report's `sources`)."""

    check: Check
    given: Sequence[IngestedDocument]
    library: LibraryAligner | None

    def used(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = [
               {"origin": "given", "title": d.title or d.source_name, "url": d.url,
                "published": d.published.isoformat() if d.published else None,
                "sha256": d.sha256} for d in self.given]
        if self.library is not None:
            out += [{"origin": "library", "document_id": s.id, "title": s.title or s.source_name,
                     "url": s.url, "published": s.published, "sha256": s.sha256}
                    for s in self.library.used.values()]
        return out


def quote_sources(store: Store | None, given: Sequence[IngestedDocument] = ()) -> QuoteSources:
    """Every quote aligned with the sources `given` and with the store's library (its stored
    sources, found by full-text search)."""
    library, n_docs = None, 0
    if store is not None:
        with store.read() as session:
            n_docs, _ = library_size(session=session)
        if n_docs:
            library = LibraryAligner(store, exclude=frozenset(d.sha256 for d in given))
    parts = []
    if given:
        parts.append(f"the {len(given)} source file(s) given")
    if n_docs:
        parts.append(f"the {n_docs} reference source(s) of the library")
    run = quote_check(given, aligners=[library] if library else [],
                      searched=" or ".join(parts) or None)
    return QuoteSources(run, given, library)


# Precedents scoring at least this (0-100, bench/checkthat.py prints the distribution) are
# shown as evidence: "checked before: <verdict>, <date>, <URL>". They never set the finding.
PRECEDENT_MIN = 80.0


def precedent_check(store: Store) -> Check:
    """Earlier fact-checks of the same claim (imported lists and reviewed claims) as evidence."""
    from verifier.db.precedents import search
    from verifier.reference.precedents import precedent_evidence

    def run(claims: Sequence[Claim], doc: IngestedDocument) -> Results:
        out: Results = {}
        with store.read() as session:
            for i, claim in enumerate(claims):
                if claim.kind == "temporal" or len(claim.text.split()) < 5:
                    continue
                hits = [h for h in search(session=session, query=claim.text, top=3,
                                          exclude_document=doc.sha256)
                        if h.score >= PRECEDENT_MIN]
                if hits:
                    ev = [precedent_evidence(h, query=claim.text) for h in hits]
                    first = ev[0]
                    assert isinstance(first, PrecedentEvidence)
                    out[i] = Finding(finding="no_evidence", explanation=first.detail.explanation,
                                     evidence=tuple(ev))
        return out

    return run


def read_sources(store: Store | None, sources: Sequence[str | Path], *, actor: str,
                 keep: bool, principal: Principal | None = None) -> list[IngestedDocument]:
    """The reference source files given to a check, read (in the limited worker when
    untrusted(principal, source): URLs, say); stored as kind source when `keep`."""
    docs = [read(src, limited=untrusted(principal, src)) for src in sources]
    if store is not None and keep:
        for doc in docs:
            store_source(store, doc, actor=actor)
    return docs


# --- what the shells call: one operation each, with the principal's permission checked -------

@dataclass(frozen=True)
class DraftCheck:
    """The editor's checked draft: the typed report (its claims are `CheckedClaim`s), the text
    their offsets index, and whether the claims were checked against sources and facts."""
    report: CheckReport
    text: str
    checked: bool = True
    # What to fix, claim by claim (check.fixes.what_to_fix), in the order of report.claims.
    fixes: tuple[str | None, ...] = ()

    def fix(self, i: int) -> str | None:
        return self.fixes[i] if 0 <= i < len(self.fixes) else None


def ingest_roles(kind: str) -> tuple[str, ...]:
    return ADMIN_ROLES if kind == "source" else DRAFT_ROLES


def ingest_scope(kind: str) -> str:
    """Adding a reference source changes every later check (an admin's act); storing an
    article or a draft with its checked claims is checking."""
    return "admin" if kind == "source" else "check"


@service
def ingest_document(principal: Principal, source: str | Path | bytes, *, name: str | None = None,
                    kind: str = "article", lang: str | None = None,
                    published: date | None = None, db: Db = None) -> IngestResult:
    """Store a document with its checked claims (kind source: a reference source, admins
    only; article or draft: editors, fact-checkers and admins). Audited under the principal."""
    if kind not in DOCUMENT_KINDS:
        raise DocumentError(f"unknown document kind {kind!r} (one of {', '.join(DOCUMENT_KINDS)})")
    store = store_of(db)
    what = "add reference sources" if kind == "source" else f"store {kind}s"
    authorise(store, principal, ingest_roles(kind), what, scope=ingest_scope(kind))
    return ingest_into(store, source, name=name, kind=kind, lang=lang, published=published,
                       actor=principal.name, limited=untrusted(principal, source))


def extract(source: str | Path | bytes, *, lang: str | None = None,
            published: date | None = None) -> ExtractionReport:
    """The `extract` JSON object of a file, URL or bytes; opens no store. A URL or bytes are
    read and their claims extracted in the limited worker."""
    if untrusted(None, source):
        doc, claims = read_limited(source, lang=lang, published=published)
        return extract_document(doc, extracted=claims)
    return extract_document(read(source, lang=lang, published=published))


@service
def check(principal: Principal, source: str | Path, *, sources: Sequence[str | Path] = (),
          facts: Sequence[str | Path] = (), kind: str = "article", lang: str | None = None,
          published: date | None = None, dry_run: bool = False, db: Db = None) -> CheckReport:
    """Check a document against facts (the packs given plus the store's), reference sources
    and earlier fact-checks. Stores the document, its claims and the sources given, unless
    `dry_run`: then an existing store is only read, and none is created or migrated (no store:
    the bundled demo facts, and no precedents)."""
    if dry_run:
        store = existing_store(db)
        if store is not None:
            authorise(store, principal, ANY_ROLE, "check documents", scope=None)
    else:
        store = store_of(db)
        kind_stored = "source" if sources else kind
        authorise(store, principal, ingest_roles(kind_stored),
                  "store reference sources" if sources else "check and store documents",
                  scope=ingest_scope(kind_stored))
    try:
        kb: tuple[KnowledgeBase, str] | None = None
        claims: list[Claim] | None = None
        if untrusted(principal, source):  # a URL: read and extracted in the limited worker
            kb = knowledge_base(store, packs=list(facts))
            doc, claims = read_limited(source, lang=lang, published=published, kb=kb[0])
        else:
            doc = read(source, lang=lang, published=published)
        given = read_sources(store, list(sources), actor=principal.name, keep=not dry_run,
                             principal=principal)
        report = check_ingested(doc, store, given, packs=list(facts), kb=kb, extracted=claims)
        if not dry_run:
            assert store is not None
            save_checked(store, doc, report, kind=kind, actor=principal.name, recheck=True)
    finally:
        if dry_run and store is not None and not isinstance(db, Store):
            store.dispose()  # the read-only handle of existing_store, never cached
    return report


@service
def check_draft(principal: Principal, data: bytes, *, name: str, lang: str | None = None,
                published: date | None = None, sources: Sequence[tuple[bytes, str]] = (),
                db: Db = None) -> DraftCheck:
    """The editor's check of a draft's bytes (IngestError on bad input) against the store's
    facts, source library and earlier fact-checks, and the `sources` attached to it
    ((bytes, file name) of transcripts, press releases...: read, not stored); stores nothing.
    The bytes are read and their claims extracted in a worker with a CPU-time and memory
    limit (sandbox.DocumentTooComplex past it): one hostile draft cannot stall the server."""
    store = store_of(db)
    authorise(store, principal, DRAFT_ROLES, "check drafts", scope="check")
    return _checked_draft(store, data, name=name, lang=lang, published=published,
                          sources=sources)[0]


def _checked_draft(store: Store, data: bytes, *, name: str, lang: str | None,
                   published: date | None, sources: Sequence[tuple[bytes, str]]
                   ) -> tuple[DraftCheck, IngestedDocument]:
    # The worker extracts with it, the checks check against it: the facts about the names the
    # draft's bytes spell (a draft is text; an HTML draft's tags only add keys that match none).
    kb = knowledge_base(store, text=data.decode("utf-8", "replace"))
    doc, claims = read_limited(data, name=name, lang=lang, published=published, kb=kb[0])
    given = [read(b, name=n, limited=True) for b, n in sources]
    report = check_ingested(doc, store, given, kb=kb, extracted=claims)
    return DraftCheck(report, doc.text, fixes=fixes_of(report, store, given)), doc


@dataclass(frozen=True)
class SubmittedDraft:
    """A CMS's pre-publish check (the HTTP API's POST /v1/check): the checked draft, and the
    stored draft document when it was saved (None: nothing stored)."""
    checked: DraftCheck
    saved: IngestResult | None = None


@service
def submit_draft(principal: Principal, data: bytes, *, name: str, lang: str | None = None,
                 published: date | None = None, sources: Sequence[tuple[bytes, str]] = (),
                 save: bool = False, db: Db = None) -> SubmittedDraft:
    """check_draft, then with `save` the draft stored (kind draft, as the editor's "Save
    draft") with the claims this very check gave, in one write transaction, audited under the
    principal; a draft stored already is left unchanged. Read once, in the limited worker."""
    store = store_of(db)
    authorise(store, principal, DRAFT_ROLES, "save drafts" if save else "check drafts",
              scope="check")
    checked, doc = _checked_draft(store, data, name=name, lang=lang, published=published,
                                  sources=sources)
    if not save:
        return SubmittedDraft(checked)
    return SubmittedDraft(checked, save_checked(store, doc, checked.report, kind="draft",
                                                actor=principal.name, recheck=False))


def fixes_of(report: CheckReport, store: Store | None,
             given: Sequence[IngestedDocument] = ()) -> tuple[str | None, ...]:
    """What to fix for each claim of a checked document (check.fixes), the words of altered
    quotes taken from the sources themselves (those given, else the store's library)."""
    from verifier.check.fixes import what_to_fix
    from verifier.claims import PassageEvidence
    from verifier.db.queue import source_text

    by_sha = {d.sha256: d.text for d in given}

    def text_of(ev: PassageEvidence) -> str | None:
        if ev.source_sha256 in by_sha:
            return by_sha[ev.source_sha256]
        got = source_text(store, ev) if store is not None else None
        return got[0] if got and got[1] == 0 else None

    published = report.document.get("published")
    day = date.fromisoformat(published[:10]) if isinstance(published, str) and published else None
    lang = str(report.document.get("language") or "en")
    return tuple(what_to_fix(c, lang=lang, published=day, source_text=text_of)
                 for c in report.claims)


@service
def list_documents(principal: Principal, *, kind: str | None = None,
                   db: Db = None) -> list[tuple[Document, int]]:
    """Stored documents (of one kind) with their number of claims."""
    store = store_of(db)
    authorise(store, principal, ANY_ROLE, "list documents", scope=None)
    with store.read() as session:
        return documents.list_documents(session=session, kind=kind)


@dataclass(frozen=True)
class ShownDocument:
    summary: dict[str, Any]
    text: str
    claims: list[dict[str, Any]]


@service
def show_document(principal: Principal, document_id: int, *, db: Db = None) -> ShownDocument:
    """One stored document: its summary, text and claims (DocumentError when there is none)."""
    store = store_of(db)
    authorise(store, principal, ANY_ROLE, "read documents", scope=None)
    with store.read() as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise DocumentNotFound(f"no document with id {document_id}")
        claims = [documents.claim_dict(c)
                  for c in documents.document_claims(session=session, document_id=document_id)]
    return ShownDocument(document_summary(doc) | {"id": doc.id, "kind": doc.kind}, doc.text, claims)


def max_document_bytes() -> int:
    """The ingestion cap: the most bytes a document, draft or source may have
    (VERIFIER_MAX_BYTES, 10 MB by default); larger ones are refused with an IngestError."""
    from verifier.config import get_settings

    return get_settings().max_bytes


def request_too_big(what: str, size: int) -> DocumentTooBig | None:
    """The refusal of a request or upload of `size` bytes past the ingestion cap (None when
    it fits), in the words ingestion uses for a file."""
    return too_big(what, size, max_document_bytes())


def unsupported_upload(name: str) -> IngestError | None:
    """The refusal of an uploaded file whose extension ingestion does not read (the HTTP
    API's 415; a name without extension is left to the content)."""
    if readable_extension(name):
        return None
    return IngestError(name, f"unsupported file type {Path(name).suffix!r} "
                             "(txt, md, html, docx, pdf)")


def read_text(path: str | Path) -> str:
    """A file's text as ingestion reads it, else as plain UTF-8 (OSError/ValueError when
    neither works)."""
    try:
        return ingest(str(path)).text
    except Exception:  # noqa: BLE001 - fall back to plain UTF-8 text
        try:
            return Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise OSError(f"{path}: cannot read ({exc})") from None


def align(quote: str, source: str) -> Alignment:
    """Align one quote with a source text: class, score, source span, word diff, speaker."""
    from verifier.check.align import align_quote

    return align_quote(quote, source)
