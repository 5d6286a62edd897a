"""Engine and sessions for SQLite (the default claims.db) and PostgreSQL (psycopg 3).

SQLite runs in WAL mode with a busy timeout and foreign keys on. Writes go through
`Store.write()`, whose transaction starts with BEGIN IMMEDIATE: a deferred transaction that reads
and then writes fails at once with "database is locked" when another writer got there first,
whereas an immediate one waits for the lock (busy_timeout) and then sees current data.
PostgreSQL serialises the audit chain with a transaction-level advisory lock (see audit.py)."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from verifier.config import get_settings

SQLITE_BUSY_TIMEOUT_MS = 30_000


def normalise_url(url: str) -> str:
    """Accept postgres:// and postgresql:// and route them through psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:  # the driver is an extra
        raise ValueError(f"{url.split('://', 1)[0]}: the database driver is not installed "
                         f"({exc.name}); PostgreSQL needs: pip install 'verifier[postgres]'") from None


@dataclass
class Store:
    """One database: read and write sessions, created and migrated on first use."""

    engine: Engine
    url: str

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on any error."""
        bind = self.engine
        if self.dialect == "sqlite":
            bind = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        with Session(bind, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()


_stores: dict[str, Store] = {}
_lock = threading.Lock()


def open_store(url: str | None = None, *, migrate: bool = True) -> Store:
    """The store at `url` (default: VERIFIER_DATABASE_URL or sqlite:///claims.db), its schema
    created or upgraded on first use. Stores are cached per URL within a process."""
    from verifier.db.migrations import upgrade

    url = normalise_url(url or get_settings().database_url)
    with _lock:
        store = _stores.get(url)
        if store is None:
            store = Store(engine=make_engine(url), url=url)
            if migrate:
                upgrade(store)
            _stores[url] = store
        return store


def close_stores() -> None:
    with _lock:
        for store in _stores.values():
            store.dispose()
        _stores.clear()
