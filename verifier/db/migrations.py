"""Schema creation and upgrades, without Alembic.

The database records every schema version applied in `schema_version`. A new database gets the
current tables at once. An older one gets each step of MIGRATIONS after its version, in order,
in one transaction (SQLite and PostgreSQL both have transactional DDL), so an upgrade either
completes or leaves the database as it was. Steps add (tables, columns, indexes, triggers);
nothing stored is dropped. The one step that rewrites values (v4) converts what a check
computed, never what a person entered (docs/decisions.md §17). v6 adds columns to the
append-only audit log without touching its rows: old events keep hashing as they did
(docs/decisions.md §23). Adding a step: bump
models.SCHEMA_VERSION, write the function here, and add a fixture database made by the
previous version to tests/data/schema/.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from verifier.db import models
from verifier.db.models import SCHEMA_VERSION, SchemaVersion

# Key of the PostgreSQL advisory lock held while the schema is created or upgraded.
_SCHEMA_LOCK = 7_270_001


class SchemaError(RuntimeError):
    pass


def _audit_triggers(conn: Connection) -> None:
    """AuditEvent refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL)."""
    if conn.dialect.name == "sqlite":
        for op in ("UPDATE", "DELETE"):
            conn.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS auditevent_no_{op.lower()} BEFORE {op} ON auditevent "
                "BEGIN SELECT RAISE(ABORT, 'auditevent is append-only'); END"
            )
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "CREATE OR REPLACE FUNCTION verifier_audit_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'auditevent is append-only'; END; $$ LANGUAGE plpgsql"
        )
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS auditevent_no_change ON auditevent")
        conn.exec_driver_sql(
            "CREATE TRIGGER auditevent_no_change BEFORE UPDATE OR DELETE ON auditevent "
            "FOR EACH ROW EXECUTE FUNCTION verifier_audit_append_only()"
        )
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS auditevent_no_truncate ON auditevent")
        conn.exec_driver_sql(
            "CREATE TRIGGER auditevent_no_truncate BEFORE TRUNCATE ON auditevent "
            "FOR EACH STATEMENT EXECUTE FUNCTION verifier_audit_append_only()"
        )


# Full-text indexes for candidate retrieval (verifier/reference/index.py queries them).
# SQLite: external-content FTS5 tables kept in sync by triggers; PostgreSQL: GIN indexes over
# to_tsvector('simple', ...), which need no extension and no superuser. A table with a filter
# indexes only the rows it holds (claims: the reviewed ones, the only claims searched, as
# earlier fact-checks; indexing every claim made each search cost more as the store grew:
# bench/bulk_ingest.py, decisions §38).
class _RowFilter(NamedTuple):
    """The rows a full-text index holds: `column` equal to `value`."""

    column: str
    value: str

    def sql(self, row: str = "") -> str:
        """The condition, of a trigger's `row` (new, old) or of the table's rows."""
        return f"{row + '.' if row else ''}{self.column} = '{self.value}'"


_FTS: dict[str, tuple[str, list[str], _RowFilter | None]] = {
    "passage": ("id", ["text"], None),
    "precedent": ("id", ["claim", "title"], None),
    "claim": ("id", ["text"], _RowFilter("status", "reviewed")),
}


def _fulltext(conn: Connection) -> None:
    for table, (key, cols, only) in _FTS.items():
        if conn.dialect.name == "sqlite":
            _fts5(conn, table, key, cols, only)
        elif conn.dialect.name == "postgresql":
            _search_vector(conn, table, cols, only)


def _fts5(conn: Connection, table: str, key: str, cols: list[str], only: _RowFilter | None) -> None:
    """SQLite: the FTS5 table of `table` and the triggers that keep it in sync, holding the
    rows that match `only` (all rows when None). An external-content FTS5 table must be told
    the old values of a row it holds to forget it, and never a row it does not hold: each
    statement tests `only` on its row, and an update forgets before it adds, in one trigger
    (two triggers on one event fire in no promised order)."""
    colspec = ", ".join(cols)
    old_if = f" WHERE {only.sql('old')}" if only else ""
    new_if = f" WHERE {only.sql('new')}" if only else ""
    delete = (f"INSERT INTO {table}_fts({table}_fts, rowid, {colspec}) "
              f"SELECT 'delete', old.{key}, {', '.join(f'old.{c}' for c in cols)}{old_if};")
    insert = (f"INSERT INTO {table}_fts(rowid, {colspec}) "
              f"SELECT new.{key}, {', '.join(f'new.{c}' for c in cols)}{new_if};")
    watched = ", ".join(dict.fromkeys([*cols, *([only.column] if only else [])]))
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts USING fts5({colspec}, "
        f"content='{table}', content_rowid='{key}', "
        "tokenize='porter unicode61 remove_diacritics 2')")
    conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {table}_fts_ai AFTER INSERT ON {table} "
                         f"BEGIN {insert} END")
    conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {table}_fts_ad AFTER DELETE ON {table} "
                         f"BEGIN {delete} END")
    conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {table}_fts_au AFTER UPDATE OF {watched} "
                         f"ON {table} BEGIN {delete} {insert} END")
    if only is None:
        conn.exec_driver_sql(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
        return
    conn.exec_driver_sql(f"INSERT INTO {table}_fts({table}_fts) VALUES ('delete-all')")
    conn.exec_driver_sql(f"INSERT INTO {table}_fts(rowid, {colspec}) "
                         f"SELECT {key}, {colspec} FROM {table} WHERE {only.sql()}")


def _search_vector(conn: Connection, table: str, cols: list[str],
                   only: _RowFilter | None = None) -> None:
    """PostgreSQL: a stored, generated `search_vector` column with its GIN index (partial when
    `only`: queries that state the same condition use it). Ranking reads
    it instead of computing to_tsvector for every matching row (at 100,000 passages that was
    about 0.4 s per query: bench/library_check.py)."""
    doc = " || ' ' || ".join(f"coalesce({c}, '')" for c in cols)
    conn.exec_driver_sql(
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_vector tsvector "
        f"GENERATED ALWAYS AS (to_tsvector('simple', {doc})) STORED")
    conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_{table}_search_vector ON {table} "
                         "USING gin (search_vector)" + (f" WHERE {only.sql()}" if only else ""))
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{table}_fts")  # v2's expression index


def _create_current(conn: Connection) -> None:
    assert models  # the tables are registered on SQLModel.metadata by importing models
    SQLModel.metadata.create_all(conn)
    _audit_triggers(conn)
    _fulltext(conn)


def _v2_precedents_and_fulltext(conn: Connection) -> None:
    """v2: the Precedent table (imported fact-checks) and full-text indexes."""
    models.Precedent.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]
    _fulltext(conn)


def _v3_search_vectors(conn: Connection) -> None:
    """v3: PostgreSQL keeps each searchable row's tsvector (SQLite: nothing to do)."""
    if conn.dialect.name == "postgresql":
        for table, (_, cols, _only) in _FTS.items():
            _search_vector(conn, table, cols)


def _v4_fact_scores_0_100(conn: Connection) -> None:
    """v4: every evidence score on one scale, 0-100. Fact evidence was stored 0-1 (a name
    match of 0.917 is 91.7 now, one decimal as check/knowledge writes it); alignments and
    precedents were 0-100 already. The computed score only changes scale: no audit event, as
    for the check that wrote it (the audit log records no evidence score)."""
    conn.execute(text("UPDATE evidence SET score = ROUND(CAST(score * 100 AS NUMERIC), 1) "
                      "WHERE kind = 'fact' AND score IS NOT NULL AND score <= 1"))


def _v5_claim_evidence_changed_at(conn: Connection) -> None:
    """v5: Claim.evidence_changed_at (when a check last changed a claim's finding or evidence;
    after its verdict, the desk and the exports flag it). Nullable: existing claims get NULL,
    i.e. "not changed since it was stored". The audit triggers concern only auditevent."""
    column = models.Claim.__table__.c.evidence_changed_at  # type: ignore[attr-defined]
    kind = column.type.compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE claim ADD COLUMN evidence_changed_at {kind}")


def _v6_audit_origin_and_api_tokens(conn: Connection) -> None:
    """v6: each audit event says how its hash is computed (`chain_version`: the events stored
    so far keep version 1, and keep verifying under it; new events are version 2, RFC 8785:
    db/audit.py), the channel it came through and the operating-system user of the process
    that wrote it (NULL for the events stored so far: nobody recorded them); and the table of
    API tokens. Adding columns fires no UPDATE trigger, so the append-only events stay as
    they were."""
    table = models.AuditEvent.__table__  # type: ignore[attr-defined]
    conn.exec_driver_sql("ALTER TABLE auditevent ADD COLUMN chain_version INTEGER NOT NULL DEFAULT 1")
    for name in ("channel", "os_user"):
        kind = table.c[name].type.compile(dialect=conn.dialect)
        conn.exec_driver_sql(f"ALTER TABLE auditevent ADD COLUMN {name} {kind}")
    models.ApiToken.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]


def _v7_claimreview_fields_and_feed_items(conn: Connection) -> None:
    """v7: what ClaimReview says of a precedent besides its rating, review date and language
    (the publisher's name and site, the claimant, the claim's date: NULL for the precedents
    stored so far, whose files did not say), and the table of feed items already ingested
    (docs/decisions.md §33)."""
    table = models.Precedent.__table__  # type: ignore[attr-defined]
    # A database made before v2 got the precedent table from the current model: with these.
    present = {c["name"] for c in inspect(conn).get_columns("precedent")}
    for name in ("publisher_name", "publisher_site", "claimant", "claim_date"):
        if name in present:
            continue
        kind = table.c[name].type.compile(dialect=conn.dialect)
        conn.exec_driver_sql(f"ALTER TABLE precedent ADD COLUMN {name} {kind}")
    models.FeedItem.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]


def _v8_jobs(conn: Connection) -> None:
    """v8: the job table (long work run by workers: services/jobs.py). A new table only; no
    stored row changes. PostgreSQL's task queue keeps its own tables (procrastinate_*), made
    when a worker or an enqueue first needs them (services/taskqueue.py), not here."""
    models.Job.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]


def _v9_fact_sources_packs_and_names(conn: Connection) -> None:
    """v9: each fact's source (dataset, entity id or row, retrieval date, licence), the
    country or institution of an office as an indexed column, an index on the object; the table of packs (build date,
    licence, the last day covered, counts) and the table of normalised names (a document's
    knowledge base is read from the facts about the names it mentions). Facts stored before
    keep NULL sources and `of_name`, and have no pack row: the loader treats a pack without a
    row as it did before (no build date, every fact read)."""
    table = models.Fact.__table__  # type: ignore[attr-defined]
    for name in ("dataset", "source_ref", "retrieved", "licence", "of_name"):
        kind = table.c[name].type.compile(dialect=conn.dialect)
        conn.exec_driver_sql(f"ALTER TABLE fact ADD COLUMN {name} {kind}")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_fact_of_name ON fact (of_name)")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_fact_object ON fact (object)")
    models.FactPack.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]
    models.FactName.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]
    _index_stored_facts(conn)


def _index_stored_facts(conn: Connection) -> None:
    """The names index and a pack row (count only: no build date, licence or end) for the
    facts stored before v9, so that checks find them as they found them before. Adds rows to
    the two new tables; the facts themselves are not changed."""
    from collections import Counter

    from verifier.db.facts import name_keys, stored_record

    fact = models.Fact.__table__  # type: ignore[attr-defined]
    counts: Counter[str] = Counter()
    seen: set[tuple[str, str, str, str]] = set()
    rows = []
    for row in conn.execute(fact.select().order_by(fact.c.id)).mappings():
        record = stored_record(dict(row))
        counts[record.pack] += 1
        for key, entity, kind in name_keys(record):
            if (record.pack, key, entity, kind) not in seen:
                seen.add((record.pack, key, entity, kind))
                rows.append({"pack": record.pack, "key": key[:500], "entity": entity, "kind": kind})
    if rows:
        conn.execute(models.FactName.__table__.insert(), rows)  # type: ignore[attr-defined]
    if counts:
        now = models.utcnow()
        conn.execute(models.FactPack.__table__.insert(),  # type: ignore[attr-defined]
                     [{"name": n, "facts": c, "loaded_at": now, "sources": None}
                      for n, c in sorted(counts.items())])


def _v10_reviewed_claims_search(conn: Connection) -> None:
    """v10: the full-text index of claims holds the reviewed claims only, the only ones
    searched (earlier fact-checks): SQLite's triggers test the status and the FTS5 table is
    refilled with the reviewed claims; PostgreSQL's GIN index becomes partial."""
    key, cols, only = _FTS["claim"]
    if conn.dialect.name == "sqlite":
        for trigger in ("claim_fts_ai", "claim_fts_ad", "claim_fts_au"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        _fts5(conn, "claim", key, cols, only)
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_claim_search_vector")
        _search_vector(conn, "claim", cols, only)


# version -> step that brings a database from version-1 to version.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    2: _v2_precedents_and_fulltext,
    3: _v3_search_vectors,
    4: _v4_fact_scores_0_100,
    5: _v5_claim_evidence_changed_at,
    6: _v6_audit_origin_and_api_tokens,
    7: _v7_claimreview_fields_and_feed_items,
    8: _v8_jobs,
    9: _v9_fact_sources_packs_and_names,
    10: _v10_reviewed_claims_search,
}


def database_version(conn: Connection) -> int | None:
    if not inspect(conn).has_table("schema_version"):
        return None
    return conn.execute(text("SELECT MAX(version) FROM schema_version")).scalar()


def upgrade(store) -> int:  # type: ignore[no-untyped-def]
    """Create or upgrade the schema of `store`; returns the version it is now at."""
    with store.write() as session:
        conn = session.connection()
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SCHEMA_LOCK})
        current = database_version(conn)
        if current is None:
            if inspect(conn).has_table("document"):
                raise SchemaError(
                    f"{store.url}: has verifier-like tables but no schema_version; refusing to guess"
                )
            _create_current(conn)
            session.add(SchemaVersion(version=SCHEMA_VERSION))
            return SCHEMA_VERSION
        if current > SCHEMA_VERSION:
            raise SchemaError(
                f"{store.url}: schema version {current} is newer than this verifier "
                f"({SCHEMA_VERSION}); upgrade verifier"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[version](conn)
            session.add(SchemaVersion(version=version))
        return SCHEMA_VERSION
