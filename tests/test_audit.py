"""The audit chain on SQLite and PostgreSQL: every change of review, users and exports appends an
event in its own transaction, and tampering (a changed event, a deleted one, two swapped) is
found by `verifier audit verify`, which names the event."""
from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path

import pytest
import rfc8785
from sqlalchemy import text
from typer.testing import CliRunner

from tests.test_review import add_people, cli_app, make_claim
from verifier.db import audit, users
from verifier.db.models import AuditEvent
from verifier.db.reviews import record_verdict
from verifier.db.store import Store
from verifier.report import export


def drop_triggers(store: Store) -> None:
    """What an attacker with database access would do first."""
    with store.write() as session:
        if store.dialect == "sqlite":
            session.execute(text("DROP TRIGGER auditevent_no_update"))
            session.execute(text("DROP TRIGGER auditevent_no_delete"))
        else:
            session.execute(text("DROP TRIGGER auditevent_no_change ON auditevent"))


def history(store: Store) -> int:
    """Some real history: users, verdicts, notes, an export. Returns the claim id."""
    add_people(store)
    cid = make_claim(store)
    record_verdict(store=store, claim_id=cid, verdict="False", note="one", actor="alice", seen_version=1)
    record_verdict(store=store, claim_id=cid, verdict=None, note="two", actor="bob", seen_version=2)
    record_verdict(store=store, claim_id=cid, verdict="Half true", note="three", actor="alice", seen_version=3)
    export(store=store, fmt="csv", out=io.BytesIO(), actor="audrey")
    return cid


def verify(store: Store) -> audit.ChainReport:
    with store.read() as session:
        return audit.verify_chain(session)


def verdict_event_seq(store: Store, verdict: str) -> int:
    with store.read() as session:
        for ev in audit.list_events(session, action="verdict"):
            if ev.new and ev.new.get("verdict") == verdict:
                return ev.seq
    raise AssertionError(verdict)


def run_verify(store: Store, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setenv("VERIFIER_DATABASE_URL", store.url)
    res = CliRunner().invoke(cli_app(), ["audit", "verify"])
    return res.exit_code, res.output


def test_every_change_is_audited(store: Store) -> None:
    cid = history(store)
    users.set_role(store=store, name="erin", role="auditor", actor="ada")
    with store.read() as session:
        evs = list(audit.list_events(session))
    actions = [e.action for e in evs]
    assert actions.count("user") == 5 and actions.count("role") == 1
    assert actions.count("verdict") == 2 and actions.count("note") == 1
    exp = [e for e in evs if e.action == "export"]
    assert len(exp) == 1 and exp[0].actor == "audrey"
    assert exp[0].new["rows"] == 1 and exp[0].new["format"] == "csv" and exp[0].new["filters"] == {}
    assert [e.seq for e in evs] == list(range(1, len(evs) + 1))
    with store.read() as session:
        assert [e.action for e in audit.list_events(session, claim_id=cid)] == ["verdict", "note", "verdict"]
    assert verify(store).ok


def test_intact_chain_cli_prints_head(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    history(store)
    rep = verify(store)
    code, out = run_verify(store, monkeypatch)
    assert code == 0
    assert f"head #{rep.head_seq} {rep.head_hash}" in out


def test_triggers_refuse_update_and_delete(store: Store) -> None:
    history(store)
    with pytest.raises(Exception, match="append-only"), store.write() as session:
        session.execute(text("UPDATE auditevent SET actor = 'mallory' WHERE seq = 1"))
    with pytest.raises(Exception, match="append-only"), store.write() as session:
        session.execute(text("DELETE FROM auditevent WHERE seq = 1"))
    assert verify(store).ok


def test_changed_verdict_in_an_event_is_named(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    history(store)
    seq = verdict_event_seq(store, "False")
    drop_triggers(store)
    with store.write() as session:
        ev = session.get(AuditEvent, seq)
        assert ev is not None
        ev.new = {**ev.new, "verdict": "True"}  # type: ignore[dict-item]
        session.add(ev)
    rep = verify(store)
    assert not rep.ok and rep.broken_seq == seq
    assert rep.problem == f"event {seq}: content does not match its hash (the event was changed)"
    code, out = run_verify(store, monkeypatch)
    assert code == 1 and f"BROKEN at event {seq}" in out


def test_deleted_event_is_named(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    history(store)
    seq = verdict_event_seq(store, "False")
    drop_triggers(store)
    with store.write() as session:
        session.execute(text("DELETE FROM auditevent WHERE seq = :s"), {"s": seq})
    rep = verify(store)
    assert not rep.ok and rep.broken_seq == seq
    assert f"event {seq} is missing" in rep.problem  # type: ignore[operator]
    code, out = run_verify(store, monkeypatch)
    assert code == 1 and f"event {seq} is missing" in out


def test_deleted_and_renumbered_events_are_named(store: Store) -> None:
    """Deleting an event and renumbering the rest keeps the sequence, not the chain."""
    history(store)
    seq = verdict_event_seq(store, "False")
    drop_triggers(store)
    with store.write() as session:
        session.execute(text("DELETE FROM auditevent WHERE seq = :s"), {"s": seq})
        top = session.execute(text("SELECT MAX(seq) FROM auditevent")).scalar()
        for s in range(seq + 1, top + 1):
            session.execute(text("UPDATE auditevent SET seq = :n WHERE seq = :s"), {"n": s - 1, "s": s})
    rep = verify(store)
    assert not rep.ok and rep.broken_seq == seq and "prev_hash" in rep.problem  # type: ignore[operator]


def test_swapped_events_are_named(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    history(store)
    a = verdict_event_seq(store, "False")
    b = a + 1
    drop_triggers(store)
    with store.write() as session:
        session.execute(text("UPDATE auditevent SET seq = -1 WHERE seq = :a"), {"a": a})
        session.execute(text("UPDATE auditevent SET seq = :a WHERE seq = :b"), {"a": a, "b": b})
        session.execute(text("UPDATE auditevent SET seq = :b WHERE seq = -1"), {"b": b})
    rep = verify(store)
    assert not rep.ok and rep.broken_seq == a
    code, out = run_verify(store, monkeypatch)
    assert code == 1 and f"BROKEN at event {a}" in out


def test_events_swapped_with_their_sequence_numbers_are_named(store: Store) -> None:
    """Swap the contents of two events but keep each row's seq: the hashes give it away."""
    history(store)
    a = verdict_event_seq(store, "False")
    drop_triggers(store)
    keys = ("ts", "actor", "action", "document_id", "claim_id", "old", "new", "prev_hash", "hash")
    with store.write() as session:
        ea, eb = session.get(AuditEvent, a), session.get(AuditEvent, a + 1)
        assert ea is not None and eb is not None
        va, vb = ({k: getattr(e, k) for k in keys} for e in (ea, eb))
        # Free the unique hashes first, then write each content under the other's seq.
        session.execute(text("UPDATE auditevent SET hash = 'x' || substr(hash, 2) WHERE seq IN (:a, :b)"), {"a": a, "b": a + 1})
        session.expire_all()
        for seq, values in ((a, vb), (a + 1, va)):
            ev = session.get(AuditEvent, seq)
            assert ev is not None
            for k, v in values.items():
                setattr(ev, k, v)
            session.add(ev)
            session.flush()
    rep = verify(store)
    assert not rep.ok and rep.broken_seq == a


def test_describe_change_and_event_dict(store: Store) -> None:
    assert audit.describe_change({"verdict": "False", "note": None}, {"verdict": "True", "note": None}) == \
        "verdict: False -> True"
    assert audit.describe_change(None, {"name": "x"}) == "name=x"
    history(store)
    with store.read() as session:
        ev = next(audit.list_events(session, action="verdict"))
        d = audit.event_dict(ev)
    assert d["hash"] == ev.hash and d["seq"] == ev.seq and d["action"] == "verdict"


def test_audit_log_by_document_includes_its_claims(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    cid = history(store)
    other = make_claim(store, text="autre", sha="d" * 64)
    record_verdict(store=store, claim_id=other, verdict="True", note=None, actor="alice", seen_version=1)
    with store.read() as session:
        from verifier.db.models import Claim
        doc_id = session.get(Claim, cid).document_id  # type: ignore[union-attr]
        got = {e.claim_id for e in audit.list_events(session, document_id=doc_id)}
    assert got == {cid}
    monkeypatch.setenv("VERIFIER_DATABASE_URL", store.url)
    res = CliRunner().invoke(cli_app(), ["audit", "log", "--document", str(doc_id), "--format", "json"])
    assert res.exit_code == 0 and len(res.output.strip().splitlines()) == 3


def test_user_change_and_its_event_are_one_transaction(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    users.add_user(store=store, name="ada", role="admin", actor="boot")

    def broken_append(*args: object, **kwargs: object) -> None:
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(users.audit, "append", broken_append)
    with pytest.raises(RuntimeError):
        users.add_user(store=store, name="eve", role="editor", actor="ada")
    with pytest.raises(RuntimeError):
        users.set_role(store=store, name="ada", role="auditor", actor="ada")
    monkeypatch.undo()
    assert [(u.name, u.role) for u in users.list_users(store=store)] == [("ada", "admin")]
    assert verify(store).events == 1


def test_a_recomputed_chain_is_caught_by_the_head_an_export_recorded(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """An attacker who drops the triggers and recomputes every hash after the event they changed
    keeps the chain valid; the head an earlier export recorded still exposes the rewrite."""
    history(store)
    res = export(store=store, fmt="csv", out=io.BytesIO(), actor="audrey")
    recorded = f"{res.head_seq}:{res.head_hash}"
    monkeypatch.setenv("VERIFIER_DATABASE_URL", store.url)
    ok = CliRunner().invoke(cli_app(), ["audit", "verify", "--expect-head", recorded])
    assert ok.exit_code == 0 and f"recorded head #{res.head_seq}: unchanged" in ok.output

    target = verdict_event_seq(store, "False")
    drop_triggers(store)
    with store.write() as session:
        events = session.exec(__import__("sqlmodel").select(AuditEvent).order_by(AuditEvent.seq)).all()
        prev = audit.GENESIS_HASH
        for ev in events:
            if ev.seq == target:
                ev.new = {**(ev.new or {}), "verdict": "True"}
            if ev.seq >= target:
                ev.prev_hash = prev
                ev.hash = audit.event_hash(ev)
            prev = ev.hash
    assert verify(store).ok  # the chain alone cannot tell
    bad = CliRunner().invoke(cli_app(), ["audit", "verify", "--expect-head", recorded])
    assert bad.exit_code == 1 and "REWRITTEN" in bad.output and f"event {res.head_seq}" in bad.output
    malformed = CliRunner().invoke(cli_app(), ["audit", "verify", "--expect-head", "12:abc"])
    assert malformed.exit_code == 2


def test_verify_finds_a_verdict_edited_in_the_claim_table(store: Store,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing a verdict in the claim table and deleting its review row left the chain intact;
    verify replays the review events against the data and names the disagreement."""
    cid = history(store)
    code, out = run_verify(store, monkeypatch)
    assert code == 0 and "stored verdicts and notes agree with the log" in out
    with store.write() as session:
        session.execute(text("UPDATE claim SET verdict = 'True', note = 'all fine' WHERE id = :c"),
                        {"c": cid})
        session.execute(text("DELETE FROM review WHERE claim_id = :c AND note = 'three'"),
                        {"c": cid})
    assert verify(store).ok  # the chain alone sees nothing
    code, out = run_verify(store, monkeypatch)
    assert code == 1
    assert f"claim {cid}: verdict is 'True', but event" in out and "recorded 'Half true'" in out
    assert f"claim {cid}: note is 'all fine'" in out
    assert f"claim {cid}: 2 review rows for 3 review events" in out


def test_verify_finds_a_review_row_with_no_event(store: Store,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    history(store)
    other = make_claim(store)
    with store.write() as session:
        session.execute(text("INSERT INTO review (claim_id, reviewer, verdict, note, "
                             "claim_version, created_at) VALUES (:c, 'mallory', 'True', NULL, 1, "
                             "CURRENT_TIMESTAMP)"), {"c": other})
    code, out = run_verify(store, monkeypatch)
    assert code == 1 and f"claim {other}: 1 review rows, no review event" in out


def test_head_is_printed_and_recorded_outside_the_database(
        store: Store, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Cutting events off the end leaves an intact chain; the head recorded outside (by
    `audit head`, and in VERIFIER_AUDIT_HEAD_FILE after every commit) shows it."""
    record = tmp_path / "heads.log"
    monkeypatch.setenv("VERIFIER_AUDIT_HEAD_FILE", str(record))
    monkeypatch.setenv("VERIFIER_DATABASE_URL", store.url)
    history(store)
    res = CliRunner().invoke(cli_app(), ["audit", "head"])
    assert res.exit_code == 0
    printed = res.output.strip()
    seq, digest = printed.split(":")
    lines = record.read_text().splitlines()
    assert lines and lines[-1].split(" ")[0] == printed  # the last commit's head
    assert len(lines) >= int(seq) // 2  # one line per committing write, not per event
    drop_triggers(store)
    with store.write() as session:  # cut the last two events off
        session.execute(text("DELETE FROM auditevent WHERE seq > :n"), {"n": int(seq) - 2})
    assert verify(store).ok  # the chain alone cannot see a cut end
    res = CliRunner().invoke(cli_app(), ["audit", "verify", "--expect-head", printed])
    assert res.exit_code == 1 and f"event {seq}, the recorded head, is missing" in res.output


# --- chain version 2: RFC 8785, and what an outside auditor recomputes (docs/audit.md) ---------

AUDIT_DOC = Path(__file__).parents[1] / "docs" / "audit.md"


def _blocks(lang: str) -> list[str]:
    text_ = AUDIT_DOC.read_text(encoding="utf-8")
    return re.findall(rf"```{lang}\n(.*?)```", text_, flags=re.S)


def test_the_worked_example_of_docs_audit_md() -> None:
    """The example event's canonical bytes and hash are what RFC 8785 gives (the `rfc8785`
    library), what verifier computes for that event, and, since the example has no fraction
    nor exotic key, what a plain sorted, compact json.dumps gives too."""
    event = json.loads(_blocks("json")[0])
    canonical, digest = (b.strip() for b in _blocks("text")[:2])
    stated = event.pop("hash")
    assert rfc8785.dumps(event) == canonical.encode("utf-8")
    assert hashlib.sha256(canonical.encode("utf-8")).hexdigest() == digest == stated
    assert json.dumps(event, sort_keys=True, ensure_ascii=False, separators=(",", ":")) == canonical
    from datetime import datetime

    ev = AuditEvent(**(event | {"ts": datetime.fromisoformat(event["ts"]), "hash": stated}))
    assert audit.event_hash(ev) == stated
    assert audit.event_dict(ev) == event | {"hash": stated}
    numbers = re.search(r"`(\{\"score\".*?\})` canonicalises to\s+`(\{.*?\})`",
                        AUDIT_DOC.read_text(encoding="utf-8"))
    assert numbers is not None
    assert rfc8785.dumps(json.loads(numbers.group(1))).decode() == numbers.group(2)


def test_new_events_are_version_2_and_any_rfc8785_library_recomputes_them(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """From `verifier audit log --format json` alone: drop `hash`, RFC 8785, SHA-256. Floats,
    non-ASCII text, and values JSON cannot hold exactly (NaN, integers past 2**53) included."""
    history(store)
    with store.write() as session:
        audit.append(session, actor="test", action="note",
                     new={"score": 100.0, "ratio": 0.1, "tiny": 1e-7, "nan": float("nan"),
                          "huge": 2**60, "text": "« déjà » \u2028 \x01"})
    monkeypatch.setenv("VERIFIER_DATABASE_URL", store.url)
    res = CliRunner().invoke(cli_app(), ["audit", "log", "--format", "json"])
    assert res.exit_code == 0
    prev = audit.GENESIS_HASH
    lines = res.output.strip("\n").split("\n")  # not splitlines(): U+2028 is inside a note
    for line in lines:
        event = json.loads(line)
        stated = event.pop("hash")
        assert event["chain_version"] == 2 and event["prev_hash"] == prev
        assert set(event) == set(audit.V2_FIELDS)
        assert hashlib.sha256(rfc8785.dumps(event)).hexdigest() == stated
        prev = stated
    last = json.loads(lines[-1])
    assert last["new"]["nan"] == "nan" and last["new"]["huge"] == str(2**60)
    assert verify(store).ok


def test_channel_and_os_user_are_hashed(store: Store) -> None:
    history(store)
    seq = verdict_event_seq(store, "False")
    drop_triggers(store)
    for column, value in (("channel", "ui"), ("os_user", "mallory")):
        with store.write() as session:
            old = session.execute(text(f"SELECT {column} FROM auditevent WHERE seq = :s"),
                                  {"s": seq}).scalar()
            session.execute(text(f"UPDATE auditevent SET {column} = :v WHERE seq = :s"),
                            {"v": value, "s": seq})
        rep = verify(store)
        assert not rep.ok and rep.broken_seq == seq, column
        with store.write() as session:
            session.execute(text(f"UPDATE auditevent SET {column} = :v WHERE seq = :s"),
                            {"v": old, "s": seq})
    assert verify(store).ok


def _v1_event(seq: int, prev: str, actor: str) -> AuditEvent:
    """An event as code before schema v6 wrote it: chain version 1, no channel, no OS user."""
    from datetime import UTC, datetime

    ev = AuditEvent(seq=seq, ts=datetime(2025, 10, 16, 9, seq, tzinfo=UTC), actor=actor,
                    action="note", new={"n": seq, "score": 91.7}, app_version="0.0.9",
                    prev_hash=prev, hash="", chain_version=1)
    ev.hash = audit.event_hash(ev)
    return ev


def _mixed_chain(store: Store) -> None:
    """Two version 1 events (as an upgraded store holds), then version 2 ones."""
    with store.write() as session:
        first = _v1_event(1, audit.GENESIS_HASH, "alice")
        session.add(first)
        session.add(_v1_event(2, first.hash, "bob"))
        session.flush()
        audit.append(session, actor="carol", action="note", new={"after": "upgrade"})
    history(store)


def test_a_chain_of_version_1_then_version_2_events_verifies(store: Store) -> None:
    _mixed_chain(store)
    with store.read() as session:
        versions = [e.chain_version for e in audit.list_events(session)]
    assert versions[:3] == [1, 1, 2] and set(versions[3:]) == {2}
    assert verify(store).ok
    # The version 1 hash is the one the code before schema v6 computed.
    ev = _v1_event(1, audit.GENESIS_HASH, "alice")
    legacy = json.dumps({"seq": 1, "ts": ev.ts.isoformat(), "actor": "alice", "action": "note",
                         "document_id": None, "claim_id": None, "old": None,
                         "new": {"n": 1, "score": 91.7}, "app_version": "0.0.9",
                         "prev_hash": audit.GENESIS_HASH},
                        sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert ev.hash == hashlib.sha256(audit.GENESIS_HASH.encode() + legacy.encode()).hexdigest()


def test_a_version_downgrade_or_an_unknown_version_is_named(store: Store) -> None:
    history(store)
    seq = verdict_event_seq(store, "False")
    drop_triggers(store)
    with store.write() as session:  # rewritten as version 1, its hash recomputed to match
        ev = session.get(AuditEvent, seq)
        assert ev is not None
        ev.chain_version = 1
        ev.hash = audit.event_hash(ev)
        session.add(ev)
    rep = verify(store)
    assert not rep.ok and rep.broken_seq == seq
    assert rep.problem == f"event {seq}: chain version 1 after version 2 (the event was rewritten)"
    with store.write() as session:
        session.execute(text("UPDATE auditevent SET chain_version = 3 WHERE seq = :s"), {"s": seq})
    rep = verify(store)
    assert not rep.ok and rep.problem == f"event {seq}: unknown chain version 3"


def test_the_script_of_docs_audit_md_checks_a_mixed_chain(
        store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The auditor's script (docs/audit.md), run on its own, on `audit log --format json`: the
    head it prints is verifier's; one changed event and it names it."""
    import subprocess
    import sys

    _mixed_chain(store)
    script = tmp_path / "check_chain.py"
    script.write_text(_blocks("python")[0], encoding="utf-8")
    monkeypatch.setenv("VERIFIER_DATABASE_URL", store.url)
    log = CliRunner().invoke(cli_app(), ["audit", "log", "--format", "json"]).output
    rep = verify(store)

    def check(stdin: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(script)], input=stdin, capture_output=True,
                              text=True, timeout=60, cwd=tmp_path)

    ok = check(log)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip() == f"{rep.events} events, head {rep.head_hash}"
    for seq in (2, 5):  # a version 1 event, a version 2 event
        lines = log.strip("\n").split("\n")
        event = json.loads(lines[seq - 1])
        event["actor"] = "mallory"
        lines[seq - 1] = json.dumps(event, ensure_ascii=False)
        bad = check("\n".join(lines) + "\n")
        assert bad.returncode != 0 and f"event {seq}: content does not match" in bad.stderr
