"""The append-only audit trail: every change appends an AuditEvent in the transaction that makes
the change. Each event's hash is SHA-256 over the previous event's hash and the canonical JSON of
the event (sorted keys, UTF-8, no spaces), so rewriting, deleting or reordering events breaks the
chain at the first event touched, and `verify_chain` names it."""
from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, select

from . import __version__
from .models import AuditEvent, utcnow

GENESIS_HASH = "0" * 64
# Key of the PostgreSQL advisory lock that serialises appends (SQLite: BEGIN IMMEDIATE does).
_CHAIN_LOCK = 7_270_002


def cli_actor() -> str:
    """The CLI acts as the operating-system user who runs it."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers): still name something true
        return "unknown-os-user"


def canonical_json(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=str).encode("utf-8")


def _payload(ev: AuditEvent) -> dict[str, Any]:
    ts = ev.ts.isoformat() if isinstance(ev.ts, datetime) else ev.ts
    return {
        "seq": ev.seq, "ts": ts, "actor": ev.actor, "action": ev.action,
        "document_id": ev.document_id, "claim_id": ev.claim_id, "old": ev.old, "new": ev.new,
        "app_version": ev.app_version, "prev_hash": ev.prev_hash,
    }


def event_hash(ev: AuditEvent) -> str:
    return hashlib.sha256(ev.prev_hash.encode("ascii") + canonical_json(_payload(ev))).hexdigest()


def head(session: Session) -> tuple[int, str]:
    """(sequence number, hash) of the last event; (0, GENESIS_HASH) for an empty log."""
    row = session.exec(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).first()  # type: ignore[union-attr]
    return (row.seq, row.hash) if row else (0, GENESIS_HASH)


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str)) if value is not None else None


def append(session: Session, *, actor: str, action: str, document_id: int | None = None,
           claim_id: int | None = None, old: dict[str, Any] | None = None,
           new: dict[str, Any] | None = None) -> AuditEvent:
    """Append one event inside the caller's write transaction (Store.write())."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _CHAIN_LOCK})
    seq, prev = head(session)
    ev = AuditEvent(seq=seq + 1, ts=utcnow(), actor=actor, action=action,
                    document_id=document_id, claim_id=claim_id, old=_jsonable(old),
                    new=_jsonable(new), app_version=__version__, prev_hash=prev, hash="")
    ev.hash = event_hash(ev)
    session.add(ev)
    session.flush()
    return ev


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    head_seq: int
    head_hash: str
    broken_seq: int | None = None
    problem: str | None = None


def verify_events(events: Iterable[AuditEvent]) -> ChainReport:
    prev_hash, expected_seq, count, last_seq = GENESIS_HASH, 1, 0, 0
    for ev in events:
        count += 1
        if ev.seq != expected_seq:
            return ChainReport(False, count, last_seq, prev_hash, ev.seq,
                               f"event {ev.seq}: expected sequence number {expected_seq} (an event is missing or moved)")
        if ev.prev_hash != prev_hash:
            return ChainReport(False, count, last_seq, prev_hash, ev.seq,
                               f"event {ev.seq}: prev_hash does not match the hash of event {ev.seq - 1}")
        if event_hash(ev) != ev.hash:
            return ChainReport(False, count, last_seq, prev_hash, ev.seq,
                               f"event {ev.seq}: content does not match its hash (the event was changed)")
        prev_hash, last_seq, expected_seq = ev.hash, ev.seq, expected_seq + 1
    return ChainReport(True, count, last_seq, prev_hash)


def verify_chain(session: Session) -> ChainReport:
    events = session.exec(select(AuditEvent).order_by(AuditEvent.seq)).yield_per(1000)  # type: ignore[arg-type]
    return verify_events(events)
