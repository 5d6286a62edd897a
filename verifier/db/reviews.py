"""Verdicts and notes on claims, with optimistic locking and the audit trail.

A reviewer saves against the version of the claim they saw. Inside the write transaction the
current row is read again (FOR UPDATE on PostgreSQL, so that savers of the same claim queue on
its row while savers of other claims go on; SQLite's BEGIN IMMEDIATE already holds the one write
lock) and compared with `seen_version`; a difference is a `ReviewConflict` naming who changed
the claim and when. The ORM's version_id_col is the safety net: a concurrent UPDATE that slipped
through raises StaleDataError, turned into the same conflict. The claim, its Review row and the
AuditEvent are written in one transaction: all three or none."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from verifier.db import audit
from verifier.db.models import VERDICTS, Claim, Review, utcnow
from verifier.db.store import Store
from verifier.db.users import PermissionDenied, can_review, get_user

__all__ = ["ReviewError", "ReviewConflict", "PermissionDenied", "ClaimNotFound",
           "normalise_verdict", "record_verdict", "claim_history", "VERDICTS"]


class ReviewError(ValueError):
    """Bad input for a review: unknown verdict, nothing to record."""


class ClaimNotFound(ReviewError):
    pass


class ReviewConflict(Exception):
    """The claim changed since the reviewer loaded it: who changed it, when, and the version it
    is at now (to look at it again and retry)."""

    def __init__(self, claim_id: int, current_version: int, seen_version: int,
                 changed_by: str | None, changed_at: datetime | None) -> None:
        super().__init__(claim_id, current_version, seen_version, changed_by, changed_at)
        self.claim_id, self.current_version, self.seen_version = claim_id, current_version, seen_version
        self.changed_by, self.changed_at = changed_by, changed_at

    def __str__(self) -> str:
        when = self.changed_at.strftime("%Y-%m-%d %H:%M:%S UTC") if self.changed_at else "an unknown time"
        return (f"claim {self.claim_id} was changed by {self.changed_by or 'someone'} at {when} "
                f"(version {self.current_version}, you saw {self.seen_version})")


def normalise_verdict(verdict: str) -> str:
    """The verdict as spelled in models.VERDICTS (case and surrounding spaces ignored)."""
    wanted = " ".join(verdict.split()).casefold()
    for v in VERDICTS:
        if v.casefold() == wanted:
            return v
    raise ReviewError(f"unknown verdict {verdict!r} (one of {', '.join(VERDICTS)})")


def _check_reviewer(session: Session, actor: str) -> None:
    user = get_user(session, actor)
    if user is None or not user.active:
        raise PermissionDenied(f"{actor!r} is not a known user; add it with "
                               f"`verifier users add {actor} --role fact-checker`")
    if not can_review(user.role):
        raise PermissionDenied(f"{actor!r} is {user.role}: only fact-checkers and admins may "
                               "mark verdicts or write review notes")


def _conflict(claim: Claim, seen_version: int) -> ReviewConflict:
    assert claim.id is not None and claim.version is not None
    return ReviewConflict(claim.id, claim.version, seen_version, claim.updated_by, claim.updated_at)


def _state(claim: Claim) -> dict[str, object]:
    return {"verdict": claim.verdict, "note": claim.note, "status": claim.status,
            "reviewed_by": claim.reviewed_by, "version": claim.version}


def record_verdict(*, store: Store, claim_id: int, verdict: str | None, note: str | None,
                   actor: str, seen_version: int) -> Claim:
    """Save a verdict (and optional note), or a note alone (verdict None or unchanged), on the
    claim version the reviewer saw. Returns the claim as stored (its new version).

    Raises ReviewError (unknown verdict, nothing to save), ClaimNotFound, PermissionDenied
    (unknown actor, or a role that may not review) and ReviewConflict (stale seen_version)."""
    new_verdict = normalise_verdict(verdict) if verdict is not None else None
    if note is not None:
        note = note.strip() or None
    if new_verdict is None and note is None:
        raise ReviewError("nothing to save: give a verdict, a note, or both")
    try:
        with store.write() as session:
            _check_reviewer(session, actor)
            claim = session.exec(select(Claim).where(Claim.id == claim_id)
                                 .with_for_update()).first()
            if claim is None:
                raise ClaimNotFound(f"no claim with id {claim_id}")
            if claim.version != seen_version:
                raise _conflict(claim, seen_version)
            old = _state(claim)
            changes_verdict = new_verdict is not None and new_verdict != claim.verdict
            now = utcnow()
            if new_verdict is not None:
                claim.verdict = new_verdict
                claim.status = "reviewed"
                claim.reviewed_by = actor
                claim.reviewed_at = now
            if note is not None:
                claim.note = note
            claim.updated_by = actor
            claim.updated_at = now
            session.add(claim)
            session.flush()  # bumps claim.version (UPDATE ... WHERE version = seen_version)
            session.add(Review(claim_id=claim_id, reviewer=actor, verdict=claim.verdict or "",
                               note=note, claim_version=claim.version, created_at=now))
            audit.append(session, actor=actor, action="verdict" if changes_verdict else "note",
                         document_id=claim.document_id, claim_id=claim_id, old=old,
                         new=_state(claim))
            return claim
    except StaleDataError:
        # Someone committed between our read and our UPDATE (the safety net): report who.
        with store.read() as session:
            current = session.get(Claim, claim_id)
        if current is None:
            raise ClaimNotFound(f"no claim with id {claim_id}") from None
        raise _conflict(current, seen_version) from None


def claim_history(*, store: Store, claim_id: int) -> list[Review]:
    """Every review saved on the claim, oldest first."""
    with store.read() as session:
        return list(session.exec(select(Review).where(Review.claim_id == claim_id)
                                 .order_by(Review.id)).all())  # type: ignore[arg-type]
