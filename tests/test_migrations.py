"""Databases made by an earlier verifier are upgraded in place, without loss.

tests/data/schema/v1.* were written by schema version 1 (commit e9deede): a document, a
reviewed claim with evidence, a fact, a user, a review and a two-event audit chain.
tests/data/schema/v2.* were written by schema version 2 (commit ce6d2a2, make_v2.py): the seed
article checked against the demo facts (fact evidence scored 0-1), a reference source and a
precedent (evidence without `similarity`), and a verdict.
tests/data/schema/v4.* were written by schema version 4 (commit 4c50e20) with the same
make_v2.py (the PostgreSQL one dumped with `pg_dump --inserts`); tests/data/schema/v5.* by
schema version 5 (commit 8b7859c), the same way (pg_dump 15.20's `\restrict` lines removed);
tests/data/schema/v6.* by schema version 6 (commit 2c261c5), the same way (a precedent stored);
tests/data/schema/v9.* by schema version 9 (commit c35a5d8), the same way (make_v2.py at that
commit; one reviewed claim among 16).
tests/data/schema/v6-jobs.* too, by another branch (a verdict by fatima, seven audit events)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import col, select

from verifier import services
from verifier.claims import SIMILAR_CLAIM_LABEL, FactEvidence, PrecedentEvidence
from verifier.db import audit, queue
from verifier.db.migrations import database_version
from verifier.db.models import (
    SCHEMA_VERSION,
    Claim,
    Document,
    Evidence,
    Fact,
    Precedent,
    Review,
    User,
)
from verifier.db.store import normalise_url, open_store

from .conftest import DATA, SEED, postgres_schema_url

FIXTURES = DATA / "schema"


def _assert_v1_content_kept(url: str) -> None:
    store = open_store(url)
    with store.read() as session:
        assert database_version(session.connection()) == SCHEMA_VERSION
        doc = session.exec(select(Document)).one()
        assert doc.title == "v1 fixture" and doc.text.startswith("Le ministre")
        claim = session.exec(select(Claim)).one()
        assert (claim.text, claim.verdict, claim.status, claim.version) == ("bonjour", "True", "reviewed", 1)
        assert claim.attrs == {"quote_type": "marked"}
        assert session.exec(select(Evidence)).one().detail == {"diff": []}
        assert session.exec(select(Fact)).one().aliases == {"fr": ["x"]}
        assert session.exec(select(User)).one().name == "alice"
        assert session.exec(select(Review)).one().verdict == "True"
        assert session.exec(select(Precedent)).all() == []
        report = audit.verify_chain(session)
        assert report.ok and report.events == 2
    # The upgraded database works: new rows, full-text index included.
    with store.write() as session:
        session.add(Precedent(collection="c", external_id="1", claim="Le ministre a menti"))
        audit.append(session, actor="test", action="note", new={"after": "upgrade"})
    with store.read() as session:
        assert audit.verify_chain(session).events == 3


def _sqlite_fixture(tmp_path: Path, name: str) -> str:
    """The URL of a copy of a fixture database."""
    db = tmp_path / "claims.db"
    shutil.copy(FIXTURES / name, db)
    return f"sqlite:///{db}"


def _versions(url: str) -> list[int]:
    """The schema versions a database records, oldest first."""
    engine = create_engine(normalise_url(url))
    with engine.connect() as conn:
        out = [r[0] for r in conn.execute(text("SELECT version FROM schema_version ORDER BY version"))]
    engine.dispose()
    return out


def test_sqlite_database_from_v1_is_upgraded(tmp_path: Path) -> None:
    url = _sqlite_fixture(tmp_path, "v1.sqlite")
    _assert_v1_content_kept(url)
    engine = create_engine(url)
    with engine.connect() as conn:
        hits = conn.execute(text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH 'bonjour'")).all()
        assert len(hits) == 1  # rows written by v1 are in the index built by the upgrade
    engine.dispose()
    assert _versions(url) == list(range(1, SCHEMA_VERSION + 1))


@pytest.fixture
def pg_url() -> object:
    yield from postgres_schema_url()


def test_postgres_database_from_v1_is_upgraded(pg_url: str) -> None:
    _load_dump(pg_url, "v1.postgres.sql")
    _assert_v1_content_kept(pg_url)
    engine = create_engine(normalise_url(pg_url))
    with engine.connect() as conn:  # v3: the stored search vectors, filled for v1's rows
        hits = conn.execute(text("SELECT id FROM claim WHERE search_vector @@ "
                                 "to_tsquery('simple', 'bonjour')")).all()
        assert len(hits) == 1
    engine.dispose()
    assert _versions(pg_url) == list(range(1, SCHEMA_VERSION + 1))


def _load_dump(pg_url: str, name: str) -> None:
    schema = pg_url.rsplit("search_path%3D", 1)[1]
    dump = (FIXTURES / name).read_text().replace("__SCHEMA__", schema)
    dump = dump.replace(f"CREATE SCHEMA {schema};", "")  # the fixture made the schema already
    engine = create_engine(normalise_url(pg_url.split("?")[0]), isolation_level="AUTOCOMMIT")
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur:
            cur.execute(dump)
    finally:
        raw.close()
        engine.dispose()


def _assert_v2_upgraded(url: str) -> None:
    """Fact evidence scores are 0-100 after the upgrade (the same scores this version's check
    gives), nothing else changed, and evidence stored without the fields added since reads."""
    store = open_store(url)
    with store.read() as session:
        assert database_version(session.connection()) == SCHEMA_VERSION
        rows = session.exec(select(Evidence).order_by(col(Evidence.id))).all()
        facts = [r for r in rows if r.kind == "fact"]
        assert len(facts) == 5 and {r.score for r in facts} == {100.0}
        assert sorted(r.score for r in rows if r.kind != "fact" and r.score is not None) == [
            16.22, 18.18, 18.18, 20.83, 83.67, 92.0, 100.0, 100.0]
        claims = session.exec(select(Claim)).all()
        huit = next(c for c in claims if c.text == "huit ans")
        assert (huit.verdict, huit.reviewed_by, huit.status) == ("False", "fatima", "reviewed")
        quote = next(c for c in claims if c.text.startswith("Nous considérons"))
        report = audit.verify_chain(session)
        assert report.ok and report.events == 7
        stored = {(c.start, c.end): [r.score for r in facts if r.claim_id == c.id]
                  for c in claims if any(r.claim_id == c.id for r in facts)}
    evs = queue.claim_evidence(store, quote.id)  # type: ignore[arg-type]
    assert [e.kind for e in evs] == ["passage", "precedent"]
    old = evs[1]
    assert isinstance(old, PrecedentEvidence)
    assert (old.similarity, old.diff, old.label) == ("similar", (), SIMILAR_CLAIM_LABEL)
    fresh = services.check(services.store_owner("test"), SEED, dry_run=True, db=store,
                           sources=[DATA / "contract" / "source-moscou.txt"])
    checked = {c.claim.span: [e.score for e in c.result.evidence if isinstance(e, FactEvidence)]
               for c in fresh.claims}
    assert {span: checked[span] for span in stored} == stored


def test_sqlite_database_from_v2_gets_fact_scores_0_100(tmp_path: Path) -> None:
    url = _sqlite_fixture(tmp_path, "v2.sqlite")
    _assert_v2_upgraded(url)
    assert _versions(url) == list(range(2, SCHEMA_VERSION + 1))


def test_postgres_database_from_v2_gets_fact_scores_0_100(pg_url: str) -> None:
    _load_dump(pg_url, "v2.postgres.sql")
    _assert_v2_upgraded(pg_url)
    assert _versions(pg_url) == list(range(2, SCHEMA_VERSION + 1))


def _assert_v4_upgraded(url: str) -> None:
    """v5 adds Claim.evidence_changed_at: NULL for every claim stored before, so nothing is
    flagged; the verdict, the chain and its replay are intact, and a re-check of the upgraded
    store keeps every claim's id and flags nothing (the facts and sources did not change)."""
    store = open_store(url)
    with store.read() as session:
        assert database_version(session.connection()) == SCHEMA_VERSION
        claims = {c.id: c for c in session.exec(select(Claim)).all()}
        assert len(claims) == 16 and all(c.evidence_changed_at is None for c in claims.values())
        huit = next(c for c in claims.values() if c.text == "huit ans")
        assert (huit.verdict, huit.reviewed_by, huit.status) == ("False", "fatima", "reviewed")
        assert not huit.evidence_changed_since_verdict
        assert audit.verify_chain(session).ok and audit.replay_reviews(session) == []
    fatima = services.Principal("fatima", "fact-checker", "cli")
    report = services.recheck(fatima, db=store)
    assert [d.evidence_changed for d in report.documents] == [0]
    with store.read() as session:
        after = {c.id: c for c in session.exec(select(Claim)).all()}
        assert set(after) == set(claims) and after[huit.id].verdict == "False"
        assert audit.verify_chain(session).ok and audit.replay_reviews(session) == []


def test_sqlite_database_from_v4_gets_evidence_changed_at(tmp_path: Path) -> None:
    url = _sqlite_fixture(tmp_path, "v4.sqlite")
    _assert_v4_upgraded(url)
    assert _versions(url) == list(range(4, SCHEMA_VERSION + 1))


def test_postgres_database_from_v4_gets_evidence_changed_at(pg_url: str) -> None:
    _load_dump(pg_url, "v4.postgres.sql")
    _assert_v4_upgraded(pg_url)
    assert _versions(pg_url) == list(range(4, SCHEMA_VERSION + 1))


def _assert_v5_upgraded(url: str) -> None:
    """v6 adds the audit events' chain version, channel and OS user, and the token table. The
    seven events written by v5 keep chain version 1, no channel, no OS user, and verify as they
    did; events written after the upgrade are version 2 and record both; the chain verifies
    across the two versions, and a change to an old event is still named."""
    from verifier.db.models import ApiToken, AuditEvent

    from .test_audit import drop_triggers

    store = open_store(url)
    with store.read() as session:
        assert database_version(session.connection()) == SCHEMA_VERSION
        old = session.exec(select(AuditEvent).order_by(col(AuditEvent.seq))).all()
        assert [(e.chain_version, e.channel, e.os_user) for e in old] == [(1, None, None)] * 7
        head_before = (old[-1].seq, old[-1].hash)
        assert audit.verify_chain(session).ok and audit.replay_reviews(session) == []
        assert session.exec(select(ApiToken)).all() == []
    # fatima (fixture-password) makes a token and reviews with it: two version 2 events.
    me = services.users.sign_in("fatima", "fixture-password", channel="cli", db=store)
    assert me is not None
    made = services.tokens.create_token(me, "fatima", "review", db=store)
    fatima = services.tokens.principal_for_token(made.secret, channel="cli", db=store)
    with store.read() as session:
        huit = session.exec(select(Claim).where(Claim.text == "huit ans")).one()
    services.review.record_verdict(fatima, huit.id, verdict="Mostly false",  # type: ignore[arg-type]
                                   note="Neuf ans et demi.", db=store)
    with store.read() as session:
        new = session.exec(select(AuditEvent).where(AuditEvent.seq > 7)
                           .order_by(col(AuditEvent.seq))).all()
        assert [(e.action, e.chain_version, e.channel, e.os_user) for e in new] == [
            ("token.create", 2, "cli", audit.os_user()), ("verdict", 2, "cli", audit.os_user())]
        assert new[0].prev_hash == head_before[1]
        report = audit.verify_chain(session)
        assert report.ok and report.events == 9 and audit.replay_reviews(session) == []
        assert audit.check_recorded_head(session, *head_before) is None
    drop_triggers(store)
    with store.write() as session:
        session.execute(text("UPDATE auditevent SET actor = 'mallory' WHERE seq = 6"))
    with store.read() as session:
        report = audit.verify_chain(session)
    assert not report.ok and report.broken_seq == 6


def test_sqlite_database_from_v5_gets_chain_versions_and_tokens(tmp_path: Path) -> None:
    url = _sqlite_fixture(tmp_path, "v5.sqlite")
    _assert_v5_upgraded(url)
    assert _versions(url) == list(range(5, SCHEMA_VERSION + 1))


def test_postgres_database_from_v5_gets_chain_versions_and_tokens(pg_url: str) -> None:
    _load_dump(pg_url, "v5.postgres.sql")
    _assert_v5_upgraded(pg_url)
    assert _versions(pg_url) == list(range(5, SCHEMA_VERSION + 1))


def _columns(url: str) -> dict[str, dict[str, tuple[str, bool]]]:
    """Each table's columns: type (as the engine names it) and nullability."""
    from sqlalchemy import inspect

    engine = create_engine(normalise_url(url))
    try:
        insp = inspect(engine)
        return {t: {c["name"]: (str(c["type"]), bool(c["nullable"])) for c in insp.get_columns(t)}
                for t in ("auditevent", "apitoken", "precedent", "feeditem", "fact", "factpack", "factname")}
    finally:
        engine.dispose()


@pytest.mark.parametrize("fixture", ["v5.sqlite", "v6.sqlite"])
def test_an_upgraded_database_has_the_columns_of_a_new_one(tmp_path: Path, fixture: str) -> None:
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    open_store(fresh)
    upgraded = _sqlite_fixture(tmp_path, fixture)
    open_store(upgraded)
    assert _columns(upgraded) == _columns(fresh)


@pytest.fixture
def pg_url_fresh() -> object:
    yield from postgres_schema_url()


@pytest.mark.parametrize("fixture", ["v5.postgres.sql", "v6.postgres.sql"])
def test_an_upgraded_postgres_database_has_the_columns_of_a_new_one(
        pg_url: str, pg_url_fresh: str, fixture: str) -> None:
    _load_dump(pg_url, fixture)
    open_store(pg_url)
    open_store(pg_url_fresh)
    assert _columns(pg_url) == _columns(pg_url_fresh)


def _assert_v6_upgraded_claimreview(url: str) -> None:
    """v7 adds the precedents' publisher, claimant and claim date (NULL for the precedent v6
    stored, from a list that did not say) and the feed items table. The stored precedent is
    kept and still found; a ClaimReview import then merges by review URL beside it, and a
    feed item can be recorded; the audit chain verifies across the upgrade."""
    from verifier.db import feeds
    from verifier.db.models import FeedItem

    store = open_store(url)
    with store.read() as session:
        assert database_version(session.connection()) == SCHEMA_VERSION
        old = session.exec(select(Precedent)).one()
        assert (old.collection, old.external_id, old.verdict, old.url) == (
            "fixture", "p1", "Mostly true", "https://example.org/p1")
        assert (old.publisher_name, old.publisher_site, old.claimant, old.claim_date) == (
            None, None, None, None)
        assert session.exec(select(FeedItem)).all() == []
        assert audit.verify_chain(session).ok
        n = audit.verify_chain(session).events
    from verifier.db import precedents

    cr = DATA / "claimreview" / "datafeed.jsonld"
    with store.write() as session:
        assert precedents.import_precedents(session=session, path_or_bytes=cr, actor="t") == 2
    with store.write() as session:
        assert precedents.import_precedents(session=session, path_or_bytes=cr, actor="t") == 0
    with store.read() as session:
        hits = precedents.search(session=session, query=old.claim, use_semantic=False)
        assert hits[0].external_id == "p1"
    with store.write() as session:
        doc = session.exec(select(Document)).first()
        assert feeds.remember(session=session, feed="https://news.example/feed", item="a",
                              link="https://news.example/a", document_id=doc.id if doc else None)
    with store.read() as session:
        river = session.exec(select(Precedent).where(
            Precedent.url == "https://checks.example.org/2025/04/river-bridge")).one()
        assert (river.publisher_site, river.claimant) == ("checks.example.org",
                                                          "A councillor of Northtown")
        assert feeds.seen_items(session=session, feed="https://news.example/feed",
                                keys=["a", "b"]) == {"a"}
        report = audit.verify_chain(session)
        assert report.ok and report.events == n + 2  # the two imports


def _assert_v6_upgraded_jobs(url: str) -> None:
    """v8 adds the job table, empty; nothing stored changes (the chain verifies, the verdict is
    kept), and a job can be recorded and run on the upgraded store."""
    from verifier.db.models import Job

    store = open_store(url)
    with store.read() as session:
        assert database_version(session.connection()) == SCHEMA_VERSION
        assert session.exec(select(Job)).all() == []
        report = audit.verify_chain(session)
        assert report.ok and report.events == 7 and audit.replay_reviews(session) == []
        huit = session.exec(select(Claim).where(Claim.text == "huit ans")).one()
        assert (huit.verdict, huit.reviewed_by) == ("False", "fatima")
    fatima = services.Principal("fatima", "fact-checker", "cli")
    job = services.jobs.enqueue(fatima, "recheck", {}, db=store)
    if store.dialect == "postgresql":  # queued for the workers: run it as a worker's task does
        assert job.status == "queued" and job.queue_id is not None
        job = services.jobs.run(job.id or 0, db=store)
    assert (job.status, job.done, job.total) == ("done", 1, 1)
    with store.read() as session:
        assert audit.verify_chain(session).ok


def test_sqlite_database_from_v6_gets_claimreview_fields_and_feed_items(tmp_path: Path) -> None:
    url = _sqlite_fixture(tmp_path, "v6.sqlite")
    _assert_v6_upgraded_claimreview(url)
    assert _versions(url) == list(range(6, SCHEMA_VERSION + 1))


def test_postgres_database_from_v6_gets_claimreview_fields_and_feed_items(pg_url: str) -> None:
    _load_dump(pg_url, "v6.postgres.sql")
    _assert_v6_upgraded_claimreview(pg_url)
    assert _versions(pg_url) == list(range(6, SCHEMA_VERSION + 1))


def test_sqlite_database_from_v6_gets_the_job_table(tmp_path: Path) -> None:
    url = _sqlite_fixture(tmp_path, "v6-jobs.sqlite")
    _assert_v6_upgraded_jobs(url)
    assert _versions(url) == list(range(6, SCHEMA_VERSION + 1))


def test_postgres_database_from_v6_gets_the_job_table(pg_url: str) -> None:
    _load_dump(pg_url, "v6-jobs.postgres.sql")
    _assert_v6_upgraded_jobs(pg_url)
    assert _versions(pg_url) == list(range(6, SCHEMA_VERSION + 1))


def _assert_v9_fact_sources(url: str) -> None:
    """v9 adds each fact's source columns and `of_name`, the pack table and the names index.
    Facts stored before keep their rows and ids with NULL sources and no pack row; the store's
    knowledge base reads them as before; a pack imported after the upgrade gets its pack row,
    names and `of_name`, and a text's knowledge base holds only the facts about its names."""
    from sqlalchemy import inspect

    from verifier.db.facts import knowledge_base_for_text, load_knowledge_base, pack_infos
    from verifier.db.models import FactName, FactPack

    store = open_store(url)
    with store.read() as session:
        before = session.exec(select(Fact).order_by(col(Fact.id))).all()
        assert before and all(f.dataset is None and f.of_name is None for f in before)
        # The facts stored before are indexed by their names, their packs have a row with
        # their count and no build date, licence or end.
        packs = session.exec(select(FactPack)).all()
        assert sum(p.facts for p in packs) == len(before)
        assert all(p.built is None and p.licence is None for p in packs)
        assert session.exec(select(FactName).where(FactName.key == "russie")).all()
        kb = load_knowledge_base(session)
        assert len(kb) == len(before) and all(p.built is None for p in pack_infos(session))
        indexes = {i["name"] for i in inspect(session.connection()).get_indexes("factname")}
        assert "ix_factname_key" in indexes
        assert "ix_fact_of_name" in {i["name"] for i in inspect(session.connection()).get_indexes("fact")}
    pack = (b"pack: after\nbuilt: 2026-11-30\nlicence: CC0-1.0\nfacts:\n"
            b"  - {subject: Sergey Lavrov, predicate: holds_office, object: Foreign Minister,"
            b" of: Russia, valid_from: 2004-03-09, dataset: wikidata, source_ref: Q178798,"
            b" retrieved: 2026-11-30, licence: CC0-1.0}\n")
    from verifier.db.facts import import_pack

    with store.write() as session:
        import_pack(session=session, path_or_bytes=pack, name="after", fmt="yaml", actor="owner")
    with store.read() as session:
        row = session.exec(select(Fact).where(Fact.pack == "after")).one()
        assert (row.dataset, row.source_ref, row.of_name) == ("wikidata", "Q178798", "Russia")
        assert session.get(FactPack, "after").built.isoformat() == "2026-11-30"  # type: ignore[union-attr]
        about = knowledge_base_for_text(session, "M. Lavrov, Sergey Lavrov.").facts
        # the facts about Lavrov, the stored events (found by place or date: db/facts.py) and
        # their actors' facts
        assert "after" in {f.pack for f in about}
        events = [f for f in about if f.predicate == "event"]
        actors = {a for f in events for a in (f.subject, *((f.extra or {}).get("participants") or ()))}
        assert all("Lavrov" in f.subject or f.predicate == "event" or f.subject in actors
                   or f.object in actors for f in about)
        assert len(about) < len(before)
        assert [f.id for f in session.exec(select(Fact).where(Fact.pack != "after")
                                           .order_by(col(Fact.id))).all()] == [f.id for f in before]


def test_sqlite_database_from_v5_gets_fact_sources_packs_and_names(tmp_path: Path) -> None:
    _assert_v9_fact_sources(_sqlite_fixture(tmp_path, "v5.sqlite"))


def test_postgres_database_from_v5_gets_fact_sources_packs_and_names(pg_url: str) -> None:
    _load_dump(pg_url, "v5.postgres.sql")
    _assert_v9_fact_sources(pg_url)


def _assert_v10_reviewed_claims_search(url: str) -> None:
    """v10: the claims' full-text index holds the reviewed claims only (what precedent search
    reads): the reviewed claim of the v9 fixture is found, the unreviewed ones are not, and a
    claim enters the index when it is reviewed and leaves it when its status goes back or it
    is deleted; PostgreSQL's GIN index is partial."""
    from verifier.db.fts import search_claims

    store = open_store(url)
    with store.read() as session:
        assert database_version(session.connection()) == SCHEMA_VERSION
        claims = session.exec(select(Claim).order_by(col(Claim.id))).all()
        reviewed = [c for c in claims if c.status == "reviewed"]
        assert [c.text for c in reviewed] == ["huit ans"]
        assert [i for i, _ in search_claims(session=session, query="huit ans")] == [reviewed[0].id]
        quote = next(c for c in claims if c.text.startswith("Nous considérons"))
        assert search_claims(session=session, query=quote.text) == []
        if session.get_bind().dialect.name == "postgresql":
            defs = session.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = "
                                        "'ix_claim_search_vector' AND schemaname = current_schema()")).scalars().all()
            assert len(defs) == 1 and "WHERE" in defs[0] and "reviewed" in defs[0]
    with store.write() as session:
        session.execute(text("UPDATE claim SET status = 'reviewed' WHERE id = :i"), {"i": quote.id})
    with store.read() as session:
        assert [i for i, _ in search_claims(session=session, query=quote.text)][:1] == [quote.id]
    with store.write() as session:
        session.execute(text("UPDATE claim SET status = 'unreviewed' WHERE id = :i"), {"i": quote.id})
        session.execute(text("UPDATE claim SET text = 'neuf années' WHERE id = :i"),
                        {"i": reviewed[0].id})
    with store.read() as session:
        assert search_claims(session=session, query=quote.text) == []
        assert search_claims(session=session, query="huit ans") == []
        assert [i for i, _ in search_claims(session=session, query="neuf années")] == [reviewed[0].id]
    with store.write() as session:
        session.execute(text("DELETE FROM evidence WHERE claim_id = :i"), {"i": reviewed[0].id})
        session.execute(text("DELETE FROM review WHERE claim_id = :i"), {"i": reviewed[0].id})
        session.execute(text("DELETE FROM claim WHERE id = :i"), {"i": reviewed[0].id})
    with store.read() as session:
        assert search_claims(session=session, query="neuf années") == []
        if session.get_bind().dialect.name == "sqlite":  # the FTS5 index is consistent
            session.execute(text("INSERT INTO claim_fts(claim_fts) VALUES ('integrity-check')"))


def test_sqlite_database_from_v9_indexes_reviewed_claims_only(tmp_path: Path) -> None:
    url = _sqlite_fixture(tmp_path, "v9.sqlite")
    _assert_v10_reviewed_claims_search(url)
    assert _versions(url) == list(range(9, SCHEMA_VERSION + 1))


def test_postgres_database_from_v9_indexes_reviewed_claims_only(pg_url: str) -> None:
    _load_dump(pg_url, "v9.postgres.sql")
    _assert_v10_reviewed_claims_search(pg_url)
    assert _versions(pg_url) == list(range(9, SCHEMA_VERSION + 1))
