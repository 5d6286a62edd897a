"""The store on SQLite and PostgreSQL, with the same assertions (the `store` fixture runs each
test on both)."""
from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import select

from verifier.claims import CheckedClaim, Finding, QuoteClaim, TemporalClaim
from verifier.db import audit, documents
from verifier.db.migrations import SchemaError, database_version, upgrade
from verifier.db.models import SCHEMA_VERSION, AuditEvent, Claim, Document, Evidence, SchemaVersion
from verifier.db.store import Store, open_store


def make_doc(session, sha: str = "a" * 64, text_: str = "Bonjour.") -> Document:
    doc = Document(sha256=sha, language="fr", text=text_)
    session.add(doc)
    session.flush()
    return doc


def test_schema_created_on_first_use_with_its_version(store: Store) -> None:
    with store.read() as session:
        assert database_version(session.connection()) == SCHEMA_VERSION
        assert session.exec(select(SchemaVersion)).all()[-1].version == SCHEMA_VERSION
    # Opening again does nothing more.
    assert upgrade(store) == SCHEMA_VERSION
    with store.read() as session:
        assert len(session.exec(select(SchemaVersion)).all()) == 1


def test_database_newer_than_code_is_refused(store: Store) -> None:
    with store.write() as session:
        session.add(SchemaVersion(version=SCHEMA_VERSION + 1))
    with pytest.raises(SchemaError, match="newer than this verifier"):
        upgrade(store)


def test_timestamps_are_aware_utc_and_json_round_trips(store: Store) -> None:
    with store.write() as session:
        doc = make_doc(session)
        doc_id = doc.id
        claim = Claim(document_id=doc.id, kind="temporal", start=0, end=7, text="Bonjour",
                      value={"value": "2025-10-16", "mod": None}, attrs={"é": ["«", 1.5]})
        session.add(claim)
    with store.read() as session:
        got = session.exec(select(Claim).where(Claim.document_id == doc_id)).one()
        assert got.created_at.tzinfo is not None and got.created_at.utcoffset().total_seconds() == 0
        assert abs((datetime.now(UTC) - got.created_at).total_seconds()) < 60
        assert got.value == {"value": "2025-10-16", "mod": None}
        assert got.attrs == {"é": ["«", 1.5]}
        assert got.version == 1


def test_claim_version_is_optimistic_lock(store: Store) -> None:
    with store.write() as session:
        doc = make_doc(session)
        claim = Claim(document_id=doc.id, kind="quote", start=0, end=7, text="Bonjour")
        session.add(claim)
        session.flush()
        claim_id = claim.id
    # Two people load the same claim (version 1) and both save: the second save is refused.
    with store.read() as session:
        a = session.get(Claim, claim_id)
    with store.read() as session:
        b = session.get(Claim, claim_id)
    a.note = "first"
    with store.write() as session:
        merged = session.merge(a)
        session.flush()
        assert merged.version == 2
    b.note = "second, from a stale copy"
    with pytest.raises(StaleDataError), store.write() as session:
        session.merge(b)
        session.flush()
    with store.read() as session:
        final = session.get(Claim, claim_id)
        assert (final.note, final.version) == ("first", 2)


def test_deleting_a_document_cascades_to_claims_and_evidence(store: Store) -> None:
    with store.write() as session:
        doc = make_doc(session)
        claim = Claim(document_id=doc.id, kind="quote", start=0, end=7, text="Bonjour")
        session.add(claim)
        session.flush()
        session.add(Evidence(claim_id=claim.id, kind="fact", score=100.0))
        doc_id = doc.id
    with store.write() as session:
        session.execute(text("DELETE FROM document WHERE id = :i"), {"i": doc_id})
    with store.read() as session:
        assert session.exec(select(Claim)).all() == []
        assert session.exec(select(Evidence)).all() == []


def test_audit_chain_appends_and_verifies(store: Store) -> None:
    with store.write() as session:
        for i in range(5):
            audit.append(session, actor="tester", action="note", new={"i": i, "text": "é « »"})
    with store.read() as session:
        report = audit.verify_chain(session)
        assert report.ok and report.events == 5 and report.head_seq == 5
        events = session.exec(select(AuditEvent).order_by(AuditEvent.seq)).all()
        assert events[0].prev_hash == audit.GENESIS_HASH
        assert all(b.prev_hash == a.hash for a, b in zip(events, events[1:], strict=False))


@pytest.mark.parametrize("statement", [
    "UPDATE auditevent SET actor = 'mallory'",
    "DELETE FROM auditevent",
])
def test_audit_table_refuses_update_and_delete(store: Store, statement: str) -> None:
    with store.write() as session:
        audit.append(session, actor="tester", action="note", new={"i": 1})
    with pytest.raises(Exception, match="append-only"), store.write() as session:
        session.execute(text(statement))
    with store.read() as session:
        assert session.exec(select(AuditEvent)).one().actor == "tester"


def test_replace_claims_keeps_reviewed_ones(store: Store) -> None:
    with store.write() as session:
        doc = make_doc(session, text_="Il a dit « bonjour » hier.")
        documents.replace_claims(session=session, document=doc, actor="t", claims=[
            QuoteClaim(start=11, end=18, text="bonjour", speaker="Il"),
            TemporalClaim(start=21, end=25, text="hier", value="2025-10-15", timex_type="DATE"),
        ])
        doc_id = doc.id
    with store.write() as session:
        quote = session.exec(select(Claim).where(Claim.kind == "quote")).one()
        quote.status, quote.verdict = "reviewed", "True"
    with store.write() as session:
        doc = session.get(Document, doc_id)
        changes = documents.replace_claims(session=session, document=doc, actor="t", claims=[
            QuoteClaim(start=11, end=18, text="bonjour", speaker="Il"),
            TemporalClaim(start=21, end=25, text="hier", value="2025-10-15", timex_type="DATE"),
        ])
        assert (changes.added, changes.removed, changes.updated) == (0, 0, 0)  # the same claims: every one keeps its row
    with store.read() as session:
        claims = documents.document_claims(session=session, document_id=doc_id)
        assert [(c.kind, c.status, c.verdict) for c in claims] == [
            ("quote", "reviewed", "True"), ("temporal", "unreviewed", None)]
        assert claims[1].value["value"] == "2025-10-15"
        assert audit.verify_chain(session).ok


def test_checking_again_keeps_claim_ids_and_noted_claims(store: Store) -> None:
    """A re-check updates claims in place (same ids, finding changes audited), adds new ones,
    removes vanished unreviewed ones, and keeps a vanished claim that carries a note."""
    text_ = "Il a dit « bonjour » hier. Elle a dit « au revoir » lundi."
    quote = QuoteClaim(start=11, end=18, text="bonjour", speaker="Il")
    hier = TemporalClaim(start=21, end=25, text="hier", value="2025-10-15", timex_type="DATE")
    lundi = TemporalClaim(start=52, end=57, text="lundi", value="2025-10-13", timex_type="DATE")
    with store.write() as session:
        doc = make_doc(session, text_=text_)
        documents.replace_claims(session=session, document=doc, actor="t",
                                 claims=[quote, hier, lundi])
        doc_id = doc.id
    with store.write() as session:
        ids = {c.text: c.id for c in documents.document_claims(session=session, document_id=doc_id)}
        noted = session.get(Claim, ids["lundi"])
        noted.note = "check the weekday"
        session.add(noted)
    checked = CheckedClaim(hier, Finding(finding="consistent", explanation="A Wednesday."))
    au_revoir = QuoteClaim(start=40, end=49, text="au revoir", speaker="Elle")
    with store.write() as session:
        doc = session.get(Document, doc_id)
        changes = documents.replace_claims(session=session, document=doc, actor="t",
                                           claims=[checked, au_revoir])
    assert (changes.added, changes.removed, changes.updated) == (1, 1, 1)  # "au revoir" added; the quote "bonjour" vanished
    with store.read() as session:
        after = {c.text: c for c in documents.document_claims(session=session, document_id=doc_id)}
        assert set(after) == {"hier", "lundi", "au revoir"}
        assert after["hier"].id == ids["hier"] and after["hier"].finding == "consistent"
        assert after["lundi"].id == ids["lundi"]  # vanished, but it carries a note
        events = [e for e in audit.list_events(session, document_id=doc_id)
                  if e.action == "claim.update"]
        assert [(e.claim_id, e.old["finding"], e.new["finding"]) for e in events] == [
            (ids["hier"], None, "consistent")]
        assert audit.verify_chain(session).ok


def test_concurrent_read_then_write_transactions_all_commit(store: Store) -> None:
    """Writers that read and then write at the same time wait for each other (BEGIN IMMEDIATE
    on SQLite, row locks on PostgreSQL) instead of failing with 'database is locked'."""
    with store.write() as session:
        doc = make_doc(session)
        doc_id = doc.id
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            s = open_store(store.url)
            for i in range(10):
                with s.write() as session:
                    audit.head(session)  # read first, then write
                    session.add(Claim(document_id=doc_id, kind="quote", start=n, end=n + i + 1,
                                      text="x"))
                    audit.append(session, actor=f"w{n}", action="note", new={"i": i})
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with store.read() as session:
        assert len(session.exec(select(Claim)).all()) == 60
        report = audit.verify_chain(session)
        assert report.ok and report.events == 60
