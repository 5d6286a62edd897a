"""The audit log: verify the hash chain (and heads recorded by exports), read the history.
Auditors and admins (and the CLI's store owner)."""
from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Any

from verifier.db import audit
from verifier.db.audit import ChainReport, FeedFilters, describe_change
from verifier.db.models import utcnow
from verifier.report.tabular import csv_cell
from verifier.services._base import Db, authorise, service, store_of
from verifier.services.principal import AUDIT_ROLES, Principal

__all__ = ["FEED_FORMATS", "ChainCheck", "ChainReport", "FeedExport", "FeedFacets",
           "FeedFilters", "FeedPage", "change_text", "describe_change", "events", "export_feed",
           "feed", "feed_facets", "field_changes", "head", "verify", "words"]


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


# --- the activity feed -------------------------------------------------------------------------

# Keys of an event's old/new values, in the order a reader wants them (the rest follow, sorted).
_FIELD_ORDER = ("name", "role", "active", "verdict", "status", "note", "reviewed_by", "finding",
                "start", "end", "kind", "title", "source", "pack", "facts", "format", "rows")
NOTE_FIELDS = frozenset({"note", "explanation"})


def words(value: Any) -> str:
    """A value of an audit event as a reader says it: "none" for nothing, yes/no, a list as
    comma-separated words, an object as "key: value" pairs; text as it is (a note is shown
    as its words, not as JSON)."""
    if value is None or value == "" or value == [] or value == {}:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(words(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {words(v)}" for k, v in value.items())
    return json.dumps(value, ensure_ascii=False, default=str)


def field_changes(old: dict[str, Any] | None, new: dict[str, Any] | None
                  ) -> list[tuple[str, str, str]]:
    """What an event changed, field by field, in words: (field, before, after), e.g.
    ("verdict", "none", "False"), ("status", "unreviewed", "reviewed"). A field present on
    one side only is "none" on the other; fields whose value did not change are left out
    (except in an event that creates something, where every field is what it was set to)."""
    old, new = old or {}, new or {}
    keys = sorted(set(old) | set(new),
                  key=lambda k: (_FIELD_ORDER.index(k) if k in _FIELD_ORDER else len(_FIELD_ORDER), k))
    out = []
    for key in keys:
        a, b = old.get(key), new.get(key)
        if a == b and old:
            continue
        out.append((key, words(a) if key in old else "none", words(b) if key in new else "none"))
    return out


# Fields that name what an event is about (the user, the pack): said first even when the
# event did not change them ("zoe — active: yes → no").
_SUBJECT_FIELDS = ("name", "pack")


def change_text(old: dict[str, Any] | None, new: dict[str, Any] | None) -> str:
    """field_changes in one line: "verdict: none → False; status: unreviewed → reviewed",
    after the name of what it is about when the event did not change it ("zoe — active: yes
    → no")."""
    old, new = old or {}, new or {}
    text = "; ".join(f"{k}: {a} → {b}" for k, a, b in field_changes(old, new))
    about = next((words(old[k]) for k in _SUBJECT_FIELDS
                  if k in old and old.get(k) == new.get(k)), None)
    return f"{about} — {text}" if about and text else text


@dataclass(frozen=True)
class FeedPage:
    """One page of the activity feed, newest first. `next_before`: pass it as `before` for the
    next (older) page; None on the last page."""
    events: list[dict[str, Any]]
    total: int
    next_before: int | None


@dataclass(frozen=True)
class FeedFacets:
    actors: list[str]
    actions: list[str]


@service
def feed(principal: Principal, filters: FeedFilters | None = None, *, before: int | None = None,
         limit: int = 50, db: Db = None) -> FeedPage:
    """The audit log as an activity feed: `limit` events matching the filters, newest first,
    older than sequence number `before` (keyset paging: the query is in db.audit)."""
    store = store_of(db)
    authorise(store, principal, AUDIT_ROLES, "read the audit log", scope=None)
    filters = filters or FeedFilters()
    limit = max(1, min(int(limit), 500))
    with store.read() as session:
        rows = audit.feed_page(session, filters, before=before, limit=limit + 1)
        total = audit.feed_count(session, filters)
        shown = [audit.event_dict(ev) for ev in rows[:limit]]
    return FeedPage(shown, total, shown[-1]["seq"] if len(rows) > limit else None)


@service
def feed_facets(principal: Principal, *, db: Db = None) -> FeedFacets:
    """Who appears in the log, and which actions: the choices of the feed's filters."""
    store = store_of(db)
    authorise(store, principal, AUDIT_ROLES, "read the audit log", scope=None)
    with store.read() as session:
        actors, actions = audit.feed_facets(session)
    return FeedFacets(actors, actions)


FEED_FORMATS = ("csv", "json")
FEED_COLUMNS = ("seq", "ts", "actor", "channel", "os_user", "action", "document_id",
                "claim_id", "changes", "old", "new", "app_version", "chain_version",
                "prev_hash", "hash")


@dataclass(frozen=True)
class FeedExport:
    format: str
    rows: int
    head_seq: int
    head_hash: str
    sha256: str
    audit_seq: int  # the "export" event recording this export


class _HashingText:
    """Text written as UTF-8 to a binary stream, keeping the SHA-256 of the bytes."""

    def __init__(self, sink: IO[bytes]) -> None:
        self.sink, self.sha = sink, hashlib.sha256()

    def write(self, text: str) -> int:
        data = text.encode("utf-8")
        self.sha.update(data)
        self.sink.write(data)
        return len(text)


def _feed_row(ev: dict[str, Any]) -> list[Any]:
    return [ev["seq"], ev["ts"], ev["actor"], ev["channel"], ev["os_user"], ev["action"],
            ev["document_id"], ev["claim_id"], change_text(ev["old"], ev["new"]),
            json.dumps(ev["old"], ensure_ascii=False, sort_keys=True) if ev["old"] is not None else None,
            json.dumps(ev["new"], ensure_ascii=False, sort_keys=True) if ev["new"] is not None else None,
            ev["app_version"], ev["chain_version"], ev["prev_hash"], ev["hash"]]


def _write_csv(events: Iterable[dict[str, Any]], out: _HashingText, trailer: dict[str, Any]) -> int:
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(FEED_COLUMNS)
    n = 0
    for ev in events:
        w.writerow([csv_cell(v) for v in _feed_row(ev)])
        n += 1
    filters = json.dumps(trailer["filters"], sort_keys=True, separators=(",", ":"))
    out.write(f"# verifier audit feed: rows={n} audit_head_seq={trailer['audit_head_seq']} "
              f"audit_head_hash={trailer['audit_head_hash']} "
              f"generated_at={trailer['generated_at']} filters={filters}\r\n")
    return n


def _write_json(events: Iterable[dict[str, Any]], out: _HashingText, trailer: dict[str, Any]) -> int:
    out.write('{"export": ' + json.dumps({"kind": "audit feed"} | trailer, sort_keys=True)
              + ', "events": [')
    n = 0
    for ev in events:
        item = ev | {"changes": [{"field": k, "old": a, "new": b}
                                 for k, a, b in field_changes(ev["old"], ev["new"])]}
        out.write((",\n" if n else "\n") + json.dumps(item, ensure_ascii=False, sort_keys=True))
        n += 1
    out.write("\n]}\n")
    return n


@service
def export_feed(principal: Principal, fmt: str, out: IO[bytes], *,
                filters: FeedFilters | None = None, db: Db = None) -> FeedExport:
    """Write the events matching the filters (oldest first) as CSV or JSON to the binary stream
    `out`, with the audit head they reflect; the export is itself an "export" event under the
    principal. CSV cells a spreadsheet would run as formulas are neutralised as in the claims
    export (a leading "'"), and the file ends with a "# verifier audit feed" line."""
    if fmt not in FEED_FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FEED_FORMATS)})")
    store = store_of(db)
    authorise(store, principal, AUDIT_ROLES, "export the audit log", scope="audit")
    filters = filters or FeedFilters()
    sink = _HashingText(out)
    with store.read() as session:
        seq, digest = audit.head(session)
        trailer = {"audit_head_seq": seq, "audit_head_hash": digest,
                   "generated_at": utcnow().isoformat(), "filters": filters.as_dict()}
        events = (audit.event_dict(ev) for ev in audit.iter_feed(session, filters)
                  if ev.seq <= seq)
        rows = (_write_csv if fmt == "csv" else _write_json)(events, sink, trailer)
    sha = sink.sha.hexdigest()
    with store.write() as session:
        ev = audit.append(session, actor=principal.name, action="export",
                          new={"what": "audit feed", "format": fmt, "rows": rows,
                               "filters": filters.as_dict(), "sha256": sha,
                               "audit_head_seq": seq, "audit_head_hash": digest})
        audit_seq = ev.seq
    return FeedExport(fmt, rows, seq, digest, sha, audit_seq)
