"""The append-only audit trail: every change appends an AuditEvent in the transaction that makes
the change. Each event's hash covers the previous event's hash and the event itself, so
rewriting, deleting or reordering events breaks the chain at the first event touched, and
`verify_chain` names it.

Two ways of hashing, recorded per event in `chain_version` (docs/audit.md tells an outside
auditor how to recompute both):

- version 2 (schema v6 on): SHA-256 of the RFC 8785 (JSON Canonicalization Scheme) form of the
  event's `V2_FIELDS`, `prev_hash` and `chain_version` included; any RFC 8785 library
  recomputes it from the event as `verifier audit log --format json` prints it, less `hash`;
- version 1 (the events stored before): SHA-256 of `prev_hash` followed by Python's
  `json.dumps(sort_keys=True, ensure_ascii=False, separators=(",", ":"))` of `V1_FIELDS`.

An event also records the channel it came through (cli, ui, api: set by the services for the
duration of a call, `channel()`) and the operating-system user of the process (`os_user()`)."""
from __future__ import annotations

import functools
import hashlib
import json
import math
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import rfc8785
from sqlalchemy import event, func, text
from sqlmodel import Session, col, select

from verifier import __version__
from verifier.db.models import AuditEvent, utcnow

GENESIS_HASH = "0" * 64
# Key of the PostgreSQL advisory lock that serialises appends (SQLite: BEGIN IMMEDIATE does).
_CHAIN_LOCK = 7_270_002

# The chain version new events are written with, and the fields each version hashes.
CHAIN_VERSION = 2
V1_FIELDS = ("seq", "ts", "actor", "action", "document_id", "claim_id", "old", "new",
             "app_version", "prev_hash")
V2_FIELDS = ("chain_version", "seq", "ts", "actor", "channel", "os_user", "action",
             "document_id", "claim_id", "old", "new", "app_version", "prev_hash")
CHANNELS = ("cli", "ui", "api")

_channel: ContextVar[str | None] = ContextVar("verifier_audit_channel", default=None)


@contextmanager
def channel(name: str) -> Iterator[None]:
    """Every event appended in this block (in this thread or task) records channel `name`.
    Outside any block (a script calling the store directly) the channel is NULL."""
    if name not in CHANNELS:
        raise ValueError(f"unknown channel {name!r} (one of {', '.join(CHANNELS)})")
    token = _channel.set(name)
    try:
        yield
    finally:
        _channel.reset(token)


@functools.cache
def os_user() -> str:
    """The operating-system account this process runs as: the name of its effective uid
    (pwd), not $USER or $LOGNAME, which anyone can set; "uid:N" for a uid without a passwd
    entry (containers); the login name where there is no pwd module (Windows)."""
    try:
        import pwd
    except ImportError:  # pragma: no cover - Windows
        import getpass

        try:
            return getpass.getuser()
        except Exception:  # noqa: BLE001 - still name something true
            return "unknown"
    uid = os.geteuid()
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid:{uid}"


def canonical_json(payload: dict[str, Any]) -> bytes:
    """Version 1's serialisation (kept to verify the events written with it)."""
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=str).encode("utf-8")


def _ts(value: datetime | str) -> str:
    """Version 2's timestamp: UTC, ISO 8601 with microseconds, e.g.
    2025-10-16T09:30:00.000000+00:00 (always the same length, whatever the fraction)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _payload(ev: AuditEvent) -> dict[str, Any]:
    """The fields the event's hash covers, as they are hashed (and as `event_dict` shows them)."""
    if ev.chain_version == 1:
        ts = ev.ts.isoformat() if isinstance(ev.ts, datetime) else ev.ts
        return {f: ts if f == "ts" else getattr(ev, f) for f in V1_FIELDS}
    return {f: _ts(ev.ts) if f == "ts" else getattr(ev, f) for f in V2_FIELDS}


class UnknownChainVersion(ValueError):
    pass


def event_hash(ev: AuditEvent) -> str:
    """The hash of `ev` by its own chain version."""
    if ev.chain_version == 1:
        return hashlib.sha256(ev.prev_hash.encode("ascii")
                              + canonical_json(_payload(ev))).hexdigest()
    if ev.chain_version == 2:
        return hashlib.sha256(rfc8785.dumps(_payload(ev))).hexdigest()
    raise UnknownChainVersion(f"event {ev.seq}: unknown chain version {ev.chain_version!r}")


def head(session: Session) -> tuple[int, str]:
    """(sequence number, hash) of the last event; (0, GENESIS_HASH) for an empty log."""
    row = session.exec(select(AuditEvent).order_by(col(AuditEvent.seq).desc()).limit(1)).first()
    return (row.seq, row.hash) if row else (0, GENESIS_HASH)


def _jsonable(value: Any) -> Any:
    """`value` as JSON gives it back (what the JSON column will store and return), within what
    RFC 8785 can hash: non-finite floats become strings, as do integers beyond ±(2**53 - 1)
    (JSON numbers are IEEE doubles)."""
    if value is None:
        return None
    return _within_ijson(json.loads(json.dumps(value, default=str)))


_INT_LIMIT = 2**53 - 1


def _within_ijson(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _within_ijson(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_within_ijson(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _INT_LIMIT:
        return str(value)
    return value


def lock_chain(session: Session) -> None:
    """Take the chain's lock for the rest of the transaction (append() does). Writers take it
    last, after any row locks, so that no two locks are ever taken in opposite orders.
    SQLite needs nothing: Store.write() begins IMMEDIATE, which is already the one writer lock."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _CHAIN_LOCK})


def append(session: Session, *, actor: str, action: str, document_id: int | None = None,
           claim_id: int | None = None, old: dict[str, Any] | None = None,
           new: dict[str, Any] | None = None) -> AuditEvent:
    """Append one event inside the caller's write transaction (Store.write())."""
    lock_chain(session)
    seq, prev = head(session)
    ev = AuditEvent(seq=seq + 1, ts=utcnow(), actor=actor, channel=_channel.get(),
                    os_user=os_user(), action=action, document_id=document_id,
                    claim_id=claim_id, old=_jsonable(old), new=_jsonable(new),
                    app_version=__version__, prev_hash=prev, hash="",
                    chain_version=CHAIN_VERSION)
    ev.hash = event_hash(ev)
    session.add(ev)
    session.flush()
    session.info["audit_head"] = (ev.seq, ev.hash)  # written out after the commit (below)
    return ev


@event.listens_for(Session, "after_commit")
def _record_head(session: Session) -> None:
    """With VERIFIER_AUDIT_HEAD_FILE set, every commit that appended events adds a line
    "SEQ:HASH TIMESTAMP" to that file: a copy of the head outside the database (on another
    disk, a write-once mount, a synced folder), so that cutting events off the end of the log
    shows (`audit verify --expect-head SEQ:HASH`). docs/audit.md."""
    got = session.info.pop("audit_head", None)
    path = os.environ.get("VERIFIER_AUDIT_HEAD_FILE")
    if got is None or not path:
        return
    line = f"{got[0]}:{got[1]} {utcnow().isoformat()}\n".encode("ascii")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


@event.listens_for(Session, "after_rollback")
def _forget_head(session: Session) -> None:
    session.info.pop("audit_head", None)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    head_seq: int
    head_hash: str
    broken_seq: int | None = None
    problem: str | None = None


def verify_events(events: Iterable[AuditEvent]) -> ChainReport:
    """Recompute the chain over `events` (in seq order), each event by its own chain version;
    stop at the first broken event. Versions never go back: an event of version 1 after one of
    version 2 was rewritten (only code older than schema v6 wrote version 1)."""
    prev_hash, expected_seq, count, last_seq, version = GENESIS_HASH, 1, 0, 0, 1
    for ev in events:
        count += 1
        if ev.seq > expected_seq:
            missing = (f"event {expected_seq} is missing" if ev.seq == expected_seq + 1 else
                       f"events {expected_seq} to {ev.seq - 1} are missing")
            return ChainReport(False, count, last_seq, prev_hash, expected_seq,
                               f"{missing} (deleted?): event {last_seq} is followed by event {ev.seq}")
        if ev.seq < expected_seq:
            return ChainReport(False, count, last_seq, prev_hash, ev.seq,
                               f"event {ev.seq}: out of order after event {last_seq}")
        if ev.prev_hash != prev_hash:
            return ChainReport(False, count, last_seq, prev_hash, ev.seq,
                               f"event {ev.seq}: prev_hash does not match the hash of event "
                               f"{ev.seq - 1} (an event was moved, replaced or removed)")
        if ev.chain_version not in (1, 2):
            return ChainReport(False, count, last_seq, prev_hash, ev.seq,
                               f"event {ev.seq}: unknown chain version {ev.chain_version!r}")
        if ev.chain_version < version:
            return ChainReport(False, count, last_seq, prev_hash, ev.seq,
                               f"event {ev.seq}: chain version {ev.chain_version} after version "
                               f"{version} (the event was rewritten)")
        try:
            intact = event_hash(ev) == ev.hash
        except rfc8785.CanonicalizationError:
            intact = False
        if not intact:
            return ChainReport(False, count, last_seq, prev_hash, ev.seq,
                               f"event {ev.seq}: content does not match its hash (the event was changed)")
        prev_hash, last_seq, expected_seq = ev.hash, ev.seq, expected_seq + 1
        version = ev.chain_version
    return ChainReport(True, count, last_seq, prev_hash)


def verify_chain(session: Session) -> ChainReport:
    events = session.exec(select(AuditEvent).order_by(AuditEvent.seq)).yield_per(1000)  # type: ignore[arg-type]
    return verify_events(events)


def list_events(session: Session, *, claim_id: int | None = None,
                document_id: int | None = None, action: str | None = None) -> Iterator[AuditEvent]:
    """The log in order, optionally for one claim, or one document (its own events and those of
    its claims)."""
    from verifier.db.models import Claim

    q = select(AuditEvent).order_by(AuditEvent.seq)  # type: ignore[arg-type]
    if claim_id is not None:
        q = q.where(AuditEvent.claim_id == claim_id)
    if document_id is not None:
        claim_ids = select(Claim.id).where(Claim.document_id == document_id)
        q = q.where((AuditEvent.document_id == document_id)
                    | AuditEvent.claim_id.in_(claim_ids))  # type: ignore[union-attr]
    if action is not None:
        q = q.where(AuditEvent.action == action)
    yield from session.exec(q).yield_per(1000)


@dataclass(frozen=True)
class FeedFilters:
    """Which events of the log the auditor's feed shows: by who made them (`actors`), what they
    did (`actions`), when (`since` / `until`: UTC days, both inclusive), and which document
    they concern (its own events and those of its claims)."""

    actors: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    document_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The filters as JSON values (recorded by the feed's export)."""
        return {"actors": list(self.actors), "actions": list(self.actions),
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "document_id": self.document_id}


def _day_start(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=UTC)


def _feed_query(query: Any, filters: FeedFilters) -> Any:
    from verifier.db.models import Claim

    if filters.actors:
        query = query.where(col(AuditEvent.actor).in_(filters.actors))
    if filters.actions:
        query = query.where(col(AuditEvent.action).in_(filters.actions))
    if filters.since is not None:
        query = query.where(col(AuditEvent.ts) >= _day_start(filters.since))
    if filters.until is not None:
        query = query.where(col(AuditEvent.ts) < _day_start(filters.until + timedelta(days=1)))
    if filters.document_id is not None:
        claim_ids = select(Claim.id).where(Claim.document_id == filters.document_id)
        query = query.where((col(AuditEvent.document_id) == filters.document_id)
                            | col(AuditEvent.claim_id).in_(claim_ids))
    return query


def feed_page(session: Session, filters: FeedFilters, *, before: int | None = None,
              limit: int = 50) -> list[AuditEvent]:
    """One page of the feed, newest first: at most `limit` events matching `filters` whose
    sequence number is below `before` (None: from the newest). Keyset paging on the primary
    key, so page 1,000 of a large log costs what page 1 does; the next page is
    `before=page[-1].seq`."""
    query = _feed_query(select(AuditEvent), filters)
    if before is not None:
        query = query.where(col(AuditEvent.seq) < before)
    return list(session.exec(query.order_by(col(AuditEvent.seq).desc()).limit(limit)).all())


def feed_count(session: Session, filters: FeedFilters) -> int:
    """How many events match `filters`."""
    query = _feed_query(select(func.count()).select_from(AuditEvent), filters)
    return int(session.exec(query).one())


def iter_feed(session: Session, filters: FeedFilters) -> Iterator[AuditEvent]:
    """Every event matching `filters`, oldest first, read in batches (for exports)."""
    query = _feed_query(select(AuditEvent), filters).order_by(col(AuditEvent.seq))
    yield from session.exec(query).yield_per(1000)


def feed_facets(session: Session) -> tuple[list[str], list[str]]:
    """The actors and the actions found in the log, sorted: the choices of the feed's filters."""
    actors = session.exec(select(AuditEvent.actor).distinct().order_by(col(AuditEvent.actor)))
    actions = session.exec(select(AuditEvent.action).distinct().order_by(col(AuditEvent.action)))
    return list(actors.all()), list(actions.all())


def describe_change(old: dict[str, Any] | None, new: dict[str, Any] | None) -> str:
    """"verdict: Mostly true -> False; note: None -> 'x'": the keys whose value changed (all of
    `new` for a creation)."""
    old, new = old or {}, new or {}
    parts = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        parts.append(f"{key}: {_short(a)} -> {_short(b)}" if key in old else f"{key}={_short(b)}")
    return "; ".join(parts)


def _short(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def event_dict(ev: AuditEvent) -> dict[str, Any]:
    """The event as `audit log --format json` prints it: for version 2, exactly the hashed
    fields plus `hash` (drop `hash`, canonicalise with RFC 8785, SHA-256: docs/audit.md); for
    version 1, its hashed fields plus `chain_version`, `channel` and `os_user` (NULL) and
    `hash`."""
    out = _payload(ev)
    if ev.chain_version == 1:
        out |= {"chain_version": 1, "channel": ev.channel, "os_user": ev.os_user}
    return out | {"hash": ev.hash}


def check_recorded_head(session: Session, seq: int, expected_hash: str) -> str | None:
    """None when event `seq` still has the hash an export recorded (with an intact chain this
    proves events 1..seq are exactly as they were then), else the problem in one sentence."""
    ev = session.get(AuditEvent, seq)
    if ev is None:
        return f"event {seq}, the recorded head, is missing"
    if ev.hash != expected_hash.strip().lower():
        return (f"event {seq} has hash {ev.hash}, not {expected_hash} as recorded (by an export or `audit head`): "
                "the log was rewritten since")
    return None


_REVIEW_FIELDS = ("verdict", "note", "status", "reviewed_by")


def replay_reviews(session: Session, *, limit: int = 100) -> list[str]:
    """The chain proves the log was not rewritten; this checks the data against it. Every
    claim's verdict, note, status and reviewer must be what its last "verdict" or "note" event
    says, and it must have one review row per such event (with that event's reviewer, verdict
    and claim version). Returns each disagreement in a sentence (at most `limit`)."""
    from verifier.db.models import Claim, Review

    last: dict[int, tuple[int, dict[str, Any]]] = {}
    expected: dict[int, list[tuple[str, str, Any]]] = {}
    q = (select(AuditEvent).where(col(AuditEvent.action).in_(("verdict", "note")))
         .where(col(AuditEvent.claim_id).is_not(None)).order_by(col(AuditEvent.seq)))
    for ev in session.exec(q).yield_per(1000):
        new = ev.new or {}
        claim_id = int(ev.claim_id or 0)
        last[claim_id] = (ev.seq, new)
        expected.setdefault(claim_id, []).append(
            (ev.actor, new.get("verdict") or "", new.get("version")))
    problems: list[str] = []
    rows: dict[int, list[tuple[str, str, Any]]] = {}
    for r in session.exec(select(Review).order_by(col(Review.id))).yield_per(1000):
        rows.setdefault(r.claim_id, []).append((r.reviewer, r.verdict, r.claim_version))
    for claim_id, (seq, new) in last.items():
        claim = session.get(Claim, claim_id)
        if claim is None:
            problems.append(f"claim {claim_id}: reviewed in event {seq}, but the claim is gone")
            continue
        for field in _REVIEW_FIELDS:
            if field in new and getattr(claim, field) != new[field]:
                problems.append(f"claim {claim_id}: {field} is {getattr(claim, field)!r}, but "
                                f"event {seq} recorded {new[field]!r}")
        have, want = rows.get(claim_id, []), expected[claim_id]
        if have != want:
            how = ", and they differ" if len(have) == len(want) else ""
            sep = "," if how else " for"
            problems.append(f"claim {claim_id}: {len(have)} review rows{sep} {len(want)} "
                            f"review events{how}")
        if len(problems) >= limit:
            break
    for claim_id in sorted(set(rows) - set(last))[:max(0, limit - len(problems))]:
        problems.append(f"claim {claim_id}: {len(rows[claim_id])} review rows, no review event")
    return problems[:limit]
