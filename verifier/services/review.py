"""Verdicts and notes, and the claims listing. Only stored, active fact-checkers and admins
review (the CLI's store owner too must be such a user: verdicts are signed by a person)."""
from __future__ import annotations

from typing import Any

from verifier.db import reviews
from verifier.db.models import Claim
from verifier.db.records import ExportFilters, iter_records
from verifier.db.reviews import ClaimNotFound, ReviewConflict, ReviewError
from verifier.services._base import Db, authorise, service, store_of
from verifier.services.principal import ANY_ROLE, REVIEW_ROLES, Principal

__all__ = ["ClaimNotFound", "ReviewConflict", "ReviewError", "list_claims", "record_verdict"]


@service
def record_verdict(principal: Principal, claim_id: int, *, verdict: str | None,
                   note: str | None, seen_version: int | None = None, db: Db = None) -> Claim:
    """Save a verdict and/or a note on the claim version the reviewer saw (default: its
    current version); audited. ReviewConflict when it changed since."""
    store = store_of(db)
    authorise(store, principal, REVIEW_ROLES, "mark verdicts or write review notes",
              scope="review")
    if seen_version is None:
        with store.read() as session:
            claim = session.get(Claim, claim_id)
        if claim is None:
            raise ClaimNotFound(f"no claim with id {claim_id}")
        assert claim.version is not None
        seen_version = claim.version
    return reviews.record_verdict(store=store, claim_id=claim_id, verdict=verdict, note=note,
                                  actor=principal.name, seen_version=seen_version)


@service
def list_claims(principal: Principal, *, document_id: int | None = None,
                status: str | None = None, kind: str | None = None,
                db: Db = None) -> list[dict[str, Any]]:
    """Stored claims (as export records' claim dicts) with version, finding and verdict."""
    store = store_of(db)
    authorise(store, principal, ANY_ROLE, "list claims", scope=None)
    filters = ExportFilters(document_id=document_id, status=status, kind=kind)
    with store.read() as session:
        return [rec["claim"] for rec in iter_records(session, filters, with_evidence=False,
                                                     with_reviews=False)]
