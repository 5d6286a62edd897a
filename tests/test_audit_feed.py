"""The auditor's activity feed on SQLite and PostgreSQL: every audit event, filtered by who,
what, when and which document, newest first, paged by sequence number (the query is in
db/audit.py, not the page); what each event changed, field by field in words; and its export
(CSV neutralised against formulas, JSON), itself audited."""
from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from tests.test_review import add_people, make_claim
from verifier import services
from verifier.db import audit
from verifier.db.models import AuditEvent, Claim
from verifier.db.reviews import record_verdict
from verifier.db.store import Store
from verifier.services.audit import FeedFilters, field_changes

AUDITOR = services.Principal("audrey", "auditor", "ui")
AUDITOR_OWNER = services.store_owner("root")


def _at(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    """The clock the audit log reads, set to noon UTC of `day`."""
    monkeypatch.setattr(audit, "utcnow", lambda: datetime(day.year, day.month, day.day, 12,
                                                           tzinfo=UTC))


def history(store: Store, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """Users added on 1 March, alice's verdict on claim A on 2 March, bob's note on 3 March,
    a verdict on claim B (another document) on 4 March. Returns (claim A, claim B)."""
    _at(monkeypatch, date(2025, 3, 1))
    add_people(store)
    a = make_claim(store)
    b = make_claim(store, text="« Autre chose »", sha="d" * 64)
    _at(monkeypatch, date(2025, 3, 2))
    record_verdict(store=store, claim_id=a, verdict="False", note="=HYPERLINK(\"http://x\")",
                   actor="alice", seen_version=1)
    _at(monkeypatch, date(2025, 3, 3))
    record_verdict(store=store, claim_id=a, verdict=None, note="Deux lignes\net une autre",
                   actor="bob", seen_version=2)
    _at(monkeypatch, date(2025, 3, 4))
    record_verdict(store=store, claim_id=b, verdict="True", note=None, actor="alice",
                   seen_version=1)
    monkeypatch.undo()
    return a, b


def test_feed_pages_newest_first_by_sequence_number(store: Store,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    history(store, monkeypatch)
    everything = services.audit.feed(AUDITOR, limit=500, db=store)
    seqs = [e["seq"] for e in everything.events]
    assert seqs == sorted(seqs, reverse=True) and everything.next_before is None
    assert everything.total == len(seqs) >= 8
    pages, before = [], None
    while True:
        page = services.audit.feed(AUDITOR, before=before, limit=3, db=store)
        assert len(page.events) <= 3 and page.total == everything.total
        pages.append([e["seq"] for e in page.events])
        if page.next_before is None:
            break
        before = page.next_before
    assert [s for p in pages for s in p] == seqs  # every event once, in order, no gap
    assert all(len(p) == 3 for p in pages[:-1])


def test_feed_filters_by_user_action_dates_and_document(store: Store,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = history(store, monkeypatch)
    with store.read() as s:
        doc_a = s.get(Claim, a).document_id  # type: ignore[union-attr]

    def seqs(**kw: object) -> list[tuple[str, str, int | None]]:
        page = services.audit.feed(AUDITOR, FeedFilters(**kw), limit=100, db=store)  # type: ignore[arg-type]
        assert page.total == len(page.events)
        return [(e["actor"], e["action"], e["claim_id"]) for e in page.events]

    assert seqs(actors=("alice",)) == [("alice", "verdict", b), ("alice", "verdict", a)]
    assert seqs(actions=("note",)) == [("bob", "note", a)]
    assert seqs(actors=("alice", "bob"), actions=("verdict", "note")) == [
        ("alice", "verdict", b), ("bob", "note", a), ("alice", "verdict", a)]
    assert seqs(since=date(2025, 3, 2), until=date(2025, 3, 3)) == [("bob", "note", a),
                                                                   ("alice", "verdict", a)]
    assert seqs(since=date(2025, 3, 4)) == [("alice", "verdict", b)]
    assert [x[1] for x in seqs(until=date(2025, 3, 1))] == ["user"] * 5
    assert seqs(document_id=doc_a) == [("bob", "note", a), ("alice", "verdict", a)]
    assert seqs(actors=("nobody",)) == []
    facets = services.audit.feed_facets(AUDITOR, db=store)
    assert facets.actors == ["alice", "bob", "setup"]
    assert facets.actions == ["note", "user", "verdict"]


def test_what_changed_is_said_field_by_field_in_words() -> None:
    assert field_changes(
        {"verdict": None, "note": None, "status": "unreviewed", "reviewed_by": None, "version": 1},
        {"verdict": "False", "note": "Neuf ans,\npas huit.", "status": "reviewed",
         "reviewed_by": "fatima", "version": 2}) == [
        ("verdict", "none", "False"), ("status", "unreviewed", "reviewed"),
        ("note", "none", "Neuf ans,\npas huit."), ("reviewed_by", "none", "fatima"),
        ("version", "1", "2")]
    assert field_changes({"name": "eddie", "role": "editor"}, {"name": "eddie", "role": "admin"}) \
        == [("role", "editor", "admin")]
    # A creation: every field it set.
    assert field_changes(None, {"name": "zoe", "role": "editor", "password": True,
                                "email": None}) == [
        ("name", "none", "zoe"), ("role", "none", "editor"), ("email", "none", "none"),
        ("password", "none", "yes")]
    assert field_changes({"findings": {"contradicted": 1}}, {"findings": {"contradicted": 2,
                                                                           "consistent": 3}}) \
        == [("findings", "contradicted: 1", "contradicted: 2; consistent: 3")]


def test_a_change_names_what_it_is_about() -> None:
    from verifier.services.audit import change_text

    assert change_text({"name": "zoe", "active": True}, {"name": "zoe", "active": False}) == \
        "zoe — active: yes → no"
    assert change_text({"name": "eddie", "role": "editor"}, {"name": "eddie", "role": "admin"}) \
        == "eddie — role: editor → admin"
    assert change_text({"verdict": None}, {"verdict": "False"}) == "verdict: none → False"
    assert change_text(None, {"name": "zoe", "role": "editor"}) == \
        "name: none → zoe; role: none → editor"


def test_feed_export_csv_is_neutralised_and_audited(store: Store,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    a, _ = history(store, monkeypatch)
    before = services.audit.feed(AUDITOR, db=store).total
    buf = io.BytesIO()
    res = services.audit.export_feed(AUDITOR, "csv", buf, filters=FeedFilters(actors=("alice",)),
                                     db=store)
    text = buf.getvalue().decode("utf-8")
    lines = text.split("\r\n")
    assert lines[-2].startswith("# verifier audit feed: rows=2 ")
    rows = list(csv.DictReader(io.StringIO("\r\n".join(lines[:-2]))))
    assert [r["actor"] for r in rows] == ["alice", "alice"] and res.rows == 2
    first = rows[0]
    assert int(first["claim_id"]) == a
    # The note began with "=": in the readable column it is "note: none → =HYPERLINK..." (no
    # formula at the start of the cell); a cell that would start with "=" starts with "'".
    assert first["changes"].startswith("verdict: none → False; status: unreviewed → reviewed")
    assert 'note: none → =HYPERLINK("http://x")' in first["changes"]
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    assert json.loads(first["new"])["note"] == '=HYPERLINK("http://x")'
    # The export is an event of the log, under the auditor, with what it wrote.
    with store.read() as s:
        last = s.exec(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()  # type: ignore[union-attr]
    assert last is not None and (last.actor, last.action) == ("audrey", "export")
    assert last.new["what"] == "audit feed" and last.new["rows"] == 2
    assert last.new["sha256"] == res.sha256 and res.head_seq == before
    assert services.audit.feed(AUDITOR, db=store).total == before + 1


def test_a_hostile_actor_name_is_neutralised_in_the_feed_csv(store: Store) -> None:
    with store.write() as s:
        audit.append(s, actor="=cmd|' /C calc'!A0", action="user", new={"name": "@x"})
    buf = io.BytesIO()
    services.audit.export_feed(AUDITOR_OWNER, "csv", buf, db=store)
    row = next(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8"))))
    assert row["actor"] == "'=cmd|' /C calc'!A0"



def test_feed_export_json_holds_the_changes_and_the_head(store: Store,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    history(store, monkeypatch)
    buf = io.BytesIO()
    res = services.audit.export_feed(AUDITOR, "json", buf, filters=FeedFilters(actions=("note",)),
                                     db=store)
    data = json.loads(buf.getvalue())
    assert data["export"]["audit_head_seq"] == res.head_seq
    assert data["export"]["filters"]["actions"] == ["note"]
    [ev] = data["events"]
    assert ev["actor"] == "bob"
    assert {"field": "note", "old": "=HYPERLINK(\"http://x\")", "new": "Deux lignes\net une autre"} \
        in ev["changes"]


@pytest.mark.parametrize("who", [services.Principal("erin", "editor", "ui"),
                                 services.Principal("alice", "fact-checker", "ui")])
def test_only_auditors_and_admins_read_and_export_the_feed(store: Store, who: services.Principal,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    history(store, monkeypatch)
    with pytest.raises(services.PermissionDenied):
        services.audit.feed(who, db=store)
    with pytest.raises(services.PermissionDenied):
        services.audit.export_feed(who, "csv", io.BytesIO(), db=store)
    with pytest.raises(ValueError, match="unknown format"):
        services.audit.export_feed(AUDITOR, "xlsx", io.BytesIO(), db=store)
