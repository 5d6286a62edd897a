"""Databases made by an earlier verifier are upgraded in place, without loss.

tests/data/schema/v1.* were written by schema version 1 (commit e9deede): a document, a
reviewed claim with evidence, a fact, a user, a review and a two-event audit chain.
tests/data/schema/v2.* and v3.* were written by schema versions 2 (commit ce6d2a2) and 3
(commit 936ae9c), by one script through their verifier.db models and audit.append (the
PostgreSQL ones dumped with `pg_dump --inserts --no-owner -n SCHEMA`, the schema renamed
__SCHEMA__): a document, a reviewed quote with evidence and a review, an unreviewed temporal
claim, a fact, a user, a precedent and a two-event audit chain."""
from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import select

from verifier.db import audit
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

from .conftest import DATA, postgres_schema_url

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


def test_sqlite_database_from_v1_is_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    shutil.copy(FIXTURES / "v1.sqlite", db)
    _assert_v1_content_kept(f"sqlite:///{db}")
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        hits = conn.execute(text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH 'bonjour'")).all()
        assert len(hits) == 1  # rows written by v1 are in the index built by the upgrade
        assert [r[0] for r in conn.execute(text("SELECT version FROM schema_version ORDER BY version"))] == [1, 2, 3, 4]
    engine.dispose()


@pytest.fixture
def pg_url() -> object:
    yield from postgres_schema_url()


def _load_postgres_dump(pg_url: str, name: str) -> None:
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


def test_postgres_database_from_v1_is_upgraded(pg_url: str) -> None:
    _load_postgres_dump(pg_url, "v1.postgres.sql")
    _assert_v1_content_kept(pg_url)
    engine = create_engine(normalise_url(pg_url))
    with engine.connect() as conn:  # v3: the stored search vectors, filled for v1's rows
        hits = conn.execute(text("SELECT id FROM claim WHERE search_vector @@ "
                                 "to_tsquery('simple', 'bonjour')")).all()
        assert len(hits) == 1
        assert [r[0] for r in conn.execute(text(
            "SELECT version FROM schema_version ORDER BY version"))] == [1, 2, 3, 4]
    engine.dispose()


def _assert_v2_v3_content_kept(url: str, version: int) -> None:
    """The v2 and v3 fixtures hold the same rows (written by the same script)."""
    store = open_store(url)
    with store.read() as session:
        assert database_version(session.connection()) == SCHEMA_VERSION == 4
        doc = session.exec(select(Document)).one()
        assert doc.title == f"v{version} fixture"
        quote, hier = session.exec(select(Claim).order_by(Claim.id)).all()
        assert (quote.text, quote.verdict, quote.status, quote.version) == ("« bonjour »", "True", "reviewed", 1)
        assert doc.text[quote.start:quote.end] == quote.text and doc.text[hier.start:hier.end] == "hier"
        assert quote.reviewed_at == datetime(2026, 11, 30, 12, tzinfo=UTC)
        assert (hier.status, hier.value) == ("unreviewed", {"timex_type": "DATE", "value": "2025-10-15"})
        # The new column: NULL for every claim stored before it existed, so nothing is flagged.
        assert quote.evidence_changed_at is None and hier.evidence_changed_at is None
        assert not quote.evidence_changed_since_verdict
        assert session.exec(select(Evidence)).one().detail["class"] == "verbatim"
        assert session.exec(select(Precedent)).one().external_id == "1"
        assert session.exec(select(Review)).one().verdict == "True"
        assert audit.verify_chain(session).events == 2
        quote_id = quote.id
    # The upgraded row takes the new column, under the optimistic lock (version 1 -> 2).
    later = datetime(2026, 12, 1, tzinfo=UTC)
    with store.write() as session:
        quote = session.get(Claim, quote_id)
        quote.evidence_changed_at = later
        session.add(quote)
        audit.append(session, actor="test", action="claim.update", claim_id=quote_id,
                     new={"evidence_changed_at": later})
    with store.read() as session:
        quote = session.get(Claim, quote_id)
        assert quote.version == 2 and quote.evidence_changed_since_verdict
        assert audit.verify_chain(session).ok


@pytest.mark.parametrize("version", [2, 3])
def test_sqlite_database_from_v2_and_v3_is_upgraded(tmp_path: Path, version: int) -> None:
    db = tmp_path / "claims.db"
    shutil.copy(FIXTURES / f"v{version}.sqlite", db)
    _assert_v2_v3_content_kept(f"sqlite:///{db}", version)
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        assert [r[0] for r in conn.execute(text(
            "SELECT version FROM schema_version ORDER BY version"))] == list(range(version, 5))
        hits = conn.execute(text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH 'bonjour'")).all()
        assert len(hits) == 1  # the full-text index survives the ALTER TABLE
    engine.dispose()


@pytest.mark.parametrize("version", [2, 3])
def test_postgres_database_from_v2_and_v3_is_upgraded(pg_url: str, version: int) -> None:
    _load_postgres_dump(pg_url, f"v{version}.postgres.sql")
    _assert_v2_v3_content_kept(pg_url, version)
    engine = create_engine(normalise_url(pg_url))
    with engine.connect() as conn:  # the search vectors (v3) are there and filled
        hits = conn.execute(text("SELECT id FROM claim WHERE search_vector @@ "
                                 "to_tsquery('simple', 'bonjour')")).all()
        assert len(hits) == 1
        assert [r[0] for r in conn.execute(text(
            "SELECT version FROM schema_version ORDER BY version"))] == list(range(version, 5))
    engine.dispose()
