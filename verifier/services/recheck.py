"""Re-check: run the checks of stored articles and drafts again against the facts, reference
sources and earlier fact-checks the store holds now, and bring their claims up to date in
place (db.documents.replace_claims: same ids, verdicts kept, a changed finding or evidence on a
reviewed claim flagged). One write transaction per document, so a re-check stopped midway
keeps what it did; every change is audited under the principal. Fact-checkers and admins (and
the CLI's store owner) may re-check.

Also here, so that every shell asks the same question: which stored documents new reference
material may concern (`documents_concerned_by_sources`, `documents_concerned_by_facts`)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from verifier.check.assess import CheckReport
from verifier.db import documents
from verifier.db.documents import DocumentError
from verifier.db.models import Document
from verifier.db.recheck import (
    RECHECKED_KINDS,
    documents_to_recheck,
    documents_with_claims,
    quote_texts,
)
from verifier.db.store import Store
from verifier.reference.index import content_tokens
from verifier.services._base import Db, authorise, service, store_of
from verifier.services.documents import check_ingested, save_checked
from verifier.services.principal import RECHECK_ROLES, SOURCE_READER_ROLES, Principal

__all__ = ["ALTERED_FIDELITY", "DocumentRecheck", "Progress", "RecheckReport",
           "documents_concerned_by_facts", "documents_concerned_by_sources", "recheck"]

# (documents done, documents in all, title of the one just done): for a progress bar.
Progress = Callable[[int, int, str], None]

# Quote fidelity classes that make an altered quote (check/align.py: both are contradicted).
ALTERED_FIDELITY = ("altered", "spliced")


@dataclass(frozen=True)
class DocumentRecheck:
    """One re-checked document: what happened to its stored claims (added, updated in place
    (moved ones included), moved, removed; reviewed claims whose finding or evidence changed
    after their verdict) and what its claims say now."""

    document_id: int
    title: str
    kind: str
    claims: int
    added: int
    updated: int
    moved: int
    removed: int
    evidence_changed: int
    findings: dict[str, int] = field(default_factory=dict)
    contradictions: int = 0   # contradicted claims other than quotes
    altered_quotes: int = 0   # quotes altered or spliced, or contradicted (misattributed)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.document_id, "title": self.title, "kind": self.kind,
                "claims": self.claims, "added": self.added, "updated": self.updated,
                "moved": self.moved, "removed": self.removed,
                "evidence_changed_since_verdict": self.evidence_changed,
                "findings": self.findings, "contradictions": self.contradictions,
                "altered_quotes": self.altered_quotes}


@dataclass(frozen=True)
class RecheckReport:
    documents: tuple[DocumentRecheck, ...] = ()

    def total(self, name: str) -> int:
        return sum(getattr(d, name) for d in self.documents)

    @property
    def contradictions(self) -> int:
        return self.total("contradictions")

    @property
    def altered_quotes(self) -> int:
        return self.total("altered_quotes")

    @property
    def exit_code(self) -> int:
        """1 when a re-checked document has a contradiction or an altered quote (as `check`)."""
        return 1 if self.contradictions or self.altered_quotes else 0

    def to_json(self) -> dict[str, Any]:
        names = ("claims", "added", "updated", "moved", "removed", "evidence_changed",
                 "contradictions", "altered_quotes")
        totals = {("evidence_changed_since_verdict" if n == "evidence_changed" else n):
                  self.total(n) for n in names}
        return {"documents": [d.to_json() for d in self.documents],
                "totals": {"documents": len(self.documents)} | totals,
                "ready_to_publish": self.exit_code == 0}


def _since(value: date | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.combine(value, time(), UTC)  # a day: from its start, UTC


@service
def recheck(principal: Principal, *, document_id: int | None = None,
            document_ids: Sequence[int] | None = None, since: date | datetime | None = None,
            progress: Progress | None = None, db: Db = None) -> RecheckReport:
    """Check the stored articles and drafts again (one, `document_ids`, or all; with `since`,
    those stored or changed since that day) and update their claims in place. An unknown
    `document_id`, or one of a reference source, is a DocumentError; `progress(done, total,
    title)` is called after each document."""
    store = store_of(db)
    authorise(store, principal, RECHECK_ROLES, "re-check stored documents", scope="check")
    ids = [document_id] if document_id is not None else document_ids
    with store.read() as session:
        if document_id is not None:
            row = session.get(Document, document_id)
            if row is None:
                raise DocumentError(f"no document with id {document_id}")
            if row.kind not in RECHECKED_KINDS:
                raise DocumentError(f"document {document_id} is a reference {row.kind}: only "
                                    "articles and drafts are re-checked")
        targets = documents_to_recheck(session=session, document_ids=ids, since=_since(since))
    done: list[DocumentRecheck] = []
    for n, (doc_id, title) in enumerate(targets, start=1):
        done.append(_recheck_one(store, doc_id, actor=principal.name))
        if progress is not None:
            progress(n, len(targets), title)
    return RecheckReport(tuple(done))


def _recheck_one(store: Store, document_id: int, *, actor: str) -> DocumentRecheck:
    """Check one stored document again from its stored text, and save (one transaction)."""
    with store.read() as session:
        row = session.get(Document, document_id)
        if row is None:  # removed since the list was read
            raise DocumentError(f"no document with id {document_id}")
        doc, kind = documents.ingested_of(row), row.kind
        title = row.title or row.source_name or f"document {document_id}"
    report = check_ingested(doc, store)
    saved = save_checked(store, doc, report, kind=kind, actor=actor, recheck=True)
    changes = saved.changes or documents.ClaimChanges()
    return DocumentRecheck(document_id, title, kind, claims=len(report.claims),
                           added=changes.added, updated=changes.updated, moved=changes.moved,
                           removed=changes.removed, evidence_changed=changes.evidence_changed,
                           findings=report.summary(), contradictions=_contradictions(report),
                           altered_quotes=_altered_quotes(report))


def _altered_quotes(report: CheckReport) -> int:
    return sum(1 for c in report.claims if c.kind == "quote"
               and (c.result.fidelity in ALTERED_FIDELITY or c.finding == "contradicted"))


def _contradictions(report: CheckReport) -> int:
    return sum(1 for c in report.claims if c.kind != "quote" and c.finding == "contradicted")


# --- which stored documents new reference material may concern -------------------------------


@service
def documents_concerned_by_sources(principal: Principal, source_ids: Sequence[int], *,
                                   db: Db = None) -> list[int]:
    """The stored articles and drafts that have a quote a new reference source may confirm or
    contradict: one at least half of whose content words (stemmed, function words aside) the
    source holds. The quote check finds nothing below that (check/align.py CONTENT_MIN: half
    the quote's content words must be in the aligned span), so re-checking other documents
    against this source would change nothing; quotes in another language than the source
    (class `translated`) are left to a full re-check."""
    store = store_of(db)
    authorise(store, principal, SOURCE_READER_ROLES, "see which documents sources concern",
              scope=None)
    if not source_ids:
        return []
    with store.read() as session:
        vocabularies = []
        for source_id in source_ids:
            source = session.get(Document, source_id)
            if source is None:
                raise DocumentError(f"no document with id {source_id}")
            vocabularies.append(frozenset(content_tokens(source.text)))
        found: set[int] = set()
        for document_id, text in quote_texts(session=session):
            if document_id in found:
                continue
            words = set(content_tokens(text))
            if words and any(2 * len(words & v) >= len(words) for v in vocabularies):
                found.add(document_id)
    return sorted(found)


@service
def documents_concerned_by_facts(principal: Principal, *, db: Db = None) -> list[int]:
    """The stored articles and drafts whose checks read the facts: those with factual or
    temporal claims (a temporal claim anchored on an event, "huit ans après ...", is checked
    against the facts too)."""
    store = store_of(db)
    authorise(store, principal, SOURCE_READER_ROLES, "see which documents facts concern",
              scope=None)
    with store.read() as session:
        return documents_with_claims(session=session, kinds=("factual", "temporal"))
