"""The audit log: verify the hash chain (and heads recorded by exports), read the history.
Auditors and admins (and the CLI's store owner)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from verifier.db import audit
from verifier.db.audit import ChainReport, describe_change
from verifier.services._base import Db, authorise, service, store_of
from verifier.services.principal import AUDIT_ROLES, Principal

__all__ = ["ChainCheck", "ChainReport", "describe_change", "events", "head", "verify"]


@dataclass(frozen=True)
class ChainCheck:
    report: ChainReport
    problems: list[str]  # recorded heads that are gone or changed
    disagreements: tuple[str, ...] = ()  # stored verdicts and notes that the log contradicts

    @property
    def ok(self) -> bool:
        return self.report.ok and not self.problems and not self.disagreements


@service
def verify(principal: Principal, *, expect_heads: Sequence[tuple[int, str]] = (),
           db: Db = None) -> ChainCheck:
    """Recompute the hash chain; check each (seq, hash) an export recorded is unchanged; replay
    the verdict and note events against the claims and review rows (db.audit.replay_reviews)."""
    store = store_of(db)
    authorise(store, principal, AUDIT_ROLES, "verify the audit log", scope=None)
    with store.read() as session:
        rep = audit.verify_chain(session)
        problems = [p for n, digest in expect_heads
                    if (p := audit.check_recorded_head(session, n, digest)) is not None]
        disagreements = tuple(audit.replay_reviews(session))
    return ChainCheck(rep, problems, disagreements)


@service
def head(principal: Principal, *, db: Db = None) -> tuple[int, str]:
    """(sequence number, hash) of the last event: record it outside the database, and
    `verify --expect-head SEQ:HASH` later proves nothing up to it was changed or cut off."""
    store = store_of(db)
    authorise(store, principal, AUDIT_ROLES, "read the audit log", scope=None)
    with store.read() as session:
        return audit.head(session)


@service
def events(principal: Principal, *, claim_id: int | None = None, document_id: int | None = None,
           db: Db = None) -> list[dict[str, Any]]:
    """The history in order (of one claim, or of one document and its claims): each event as
    a dict of the fields its hash covers (chain_version, seq, ts as ISO 8601, actor, channel,
    os_user, action, document_id, claim_id, old, new, app_version, prev_hash) and hash
    (db.audit.event_dict; docs/audit.md recomputes the hash from it)."""
    store = store_of(db)
    authorise(store, principal, AUDIT_ROLES, "read the audit log", scope=None)
    with store.read() as session:
        return [audit.event_dict(ev)
                for ev in audit.list_events(session, claim_id=claim_id, document_id=document_id)]
