"""What the review desk and the auditor's page read: the queue of claims in triage order with
its filters and counts, one claim with its document, evidence (and the same in plain words),
earlier verdicts and reviews. Reads only, for any signed-in role; verdicts go through
services.review."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from verifier import explain, triage
from verifier.claims import CheckedClaim, Evidence
from verifier.db import queue
from verifier.db.documents import claim_contract, claim_dict
from verifier.db.models import Claim, Document, Review
from verifier.db.queue import FINDINGS, NOT_CHECKED, QueueFilters, QueueRow, counts, next_claim_id
from verifier.db.reviews import ClaimNotFound
from verifier.explain import Explanation
from verifier.services._base import Db, authorise, service, store_of
from verifier.services.principal import ANY_ROLE, Principal

__all__ = ["FINDINGS", "NOT_CHECKED", "TRIAGE_GROUPS", "TRIAGE_LABELS", "Explanation",
           "ClaimDetail", "QueueFilters", "QueuePage", "QueueRow", "checked_claim", "claim_detail", "claim_contract", "claim_dict",
           "claim_evidence", "counts", "document_claims", "earlier_verdicts", "explain_claim",
           "get_claim", "load_queue", "next_claim_id", "queue_documents", "queue_page", "reviews_of",
           "source_text", "triage_counts"]

TRIAGE_GROUPS = triage.GROUPS
TRIAGE_LABELS = triage.LABELS


def _reader(principal: Principal, db: Db) -> Any:
    store = store_of(db)
    authorise(store, principal, ANY_ROLE, "read the desk", scope=None)
    return store


@service
def queue_documents(principal: Principal, *, kinds: Sequence[str] = (),
                    db: Db = None) -> list[Document]:
    """Articles and drafts (not reference sources), by id. `kinds=("article",)` gives the
    published articles only, `kinds=("draft",)` the drafts editors saved: a desk lists them
    apart rather than mixed (`QueueFilters.document_kinds` does the same for the queue)."""
    unknown = [k for k in kinds if k not in ("article", "draft")]
    if unknown:
        raise ValueError(f"not a kind of desk document: {unknown[0]!r} (article or draft)")
    return queue.list_documents(_reader(principal, db), kinds)


@service
def load_queue(principal: Principal, filters: QueueFilters, *, db: Db = None) -> list[QueueRow]:
    return queue.load_queue(_reader(principal, db), filters)


@service
def triage_counts(principal: Principal, *, kinds: Sequence[str] = (),
                  db: Db = None) -> dict[str, int]:
    """Unreviewed claims per triage group, whatever the desk's filters; of articles or of
    drafts only with `kinds` (as `queue_documents`)."""
    unknown = [k for k in kinds if k not in ("article", "draft")]
    if unknown:
        raise ValueError(f"not a kind of desk document: {unknown[0]!r} (article or draft)")
    return queue.triage_counts(_reader(principal, db), kinds)


@service
def checked_claim(principal: Principal, claim: Claim, *, db: Db = None) -> CheckedClaim:
    """The stored claim with its finding and typed evidence, as its check gave them."""
    return queue.checked_claim(_reader(principal, db), claim)


@service
def explain_claim(principal: Principal, claim: Claim, document: Document, *,
                  db: Db = None) -> Explanation:
    """The claim, its finding, its evidence and a suggested correction in plain words of the
    document's language (verifier.explain; French or English, other languages in English)."""
    if claim.finding is None:
        return explain.unchecked(claim_contract(claim), lang=document.language,
                                 published=document.published)
    return explain.explain(checked_claim(principal, claim, db=db), lang=document.language,
                           published=document.published, text_lang=document.language)


@service
def get_claim(principal: Principal, claim_id: int, *,
              db: Db = None) -> tuple[Claim, Document] | None:
    return queue.get_claim(_reader(principal, db), claim_id)


@service
def document_claims(principal: Principal, document_id: int, *, db: Db = None) -> list[Claim]:
    return queue.document_claims(_reader(principal, db), document_id)


@service
def claim_evidence(principal: Principal, claim_id: int, *,
                   db: Db = None) -> list[Evidence]:
    """The claim's stored evidence, typed: the very objects its check produced."""
    return queue.claim_evidence(_reader(principal, db), claim_id)


@service
def source_text(principal: Principal, ev: Evidence, *,
                db: Db = None) -> tuple[str, int] | None:
    """The source text a piece of evidence points into, and its offset."""
    return queue.source_text(_reader(principal, db), ev)


@service
def earlier_verdicts(principal: Principal, claim: Claim, *, limit: int = 5,
                     db: Db = None) -> list[Claim]:
    return queue.earlier_verdicts(_reader(principal, db), claim, limit=limit)


@service
def reviews_of(principal: Principal, claim_id: int, *, db: Db = None) -> list[Review]:
    return queue.reviews_of(_reader(principal, db), claim_id)


MAX_PAGE = 500


@dataclass(frozen=True)
class QueuePage:
    """One page of the desk's queue (in triage order): its rows, how many claims match the
    filters in all, and their counts (queue.counts: per status, finding...)."""
    rows: list[QueueRow]
    total: int
    offset: int
    limit: int
    counts: dict[str, int]


@service
def queue_page(principal: Principal, filters: QueueFilters, *, offset: int = 0,
               limit: int = 50, db: Db = None) -> QueuePage:
    """The desk's queue with its filters, `limit` claims (1 to MAX_PAGE) from `offset`."""
    if not 1 <= limit <= MAX_PAGE:
        raise ValueError(f"limit must be 1 to {MAX_PAGE}, not {limit}")
    if offset < 0:
        raise ValueError(f"offset must be 0 or more, not {offset}")
    rows = queue.load_queue(_reader(principal, db), filters)
    return QueuePage(rows[offset:offset + limit], len(rows), offset, limit, queue.counts(rows))


@dataclass(frozen=True)
class ClaimDetail:
    """One stored claim as the desk shows it: the claim (contract dict with its review state,
    version included), its document, its evidence (typed, in the contract's order) and its
    history: every review, oldest first."""
    claim: Claim
    document: Document
    evidence: list[Evidence]
    reviews: list[Review]


@service
def claim_detail(principal: Principal, claim_id: int, *, db: Db = None) -> ClaimDetail:
    """A claim with its document, evidence and reviews (ClaimNotFound when there is none)."""
    store = _reader(principal, db)
    found = queue.get_claim(store, claim_id)
    if found is None:
        raise ClaimNotFound(f"no claim with id {claim_id}")
    claim, document = found
    return ClaimDetail(claim, document, queue.claim_evidence(store, claim_id),
                       queue.reviews_of(store, claim_id))


_ = FINDINGS, NOT_CHECKED, claim_contract, claim_dict, counts, next_claim_id  # re-exported
