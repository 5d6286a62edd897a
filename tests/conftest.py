"""Shared fixtures. `store` runs a test on SQLite (a file in tmp_path) and on PostgreSQL (a
fresh schema in the database named by VERIFIER_TEST_POSTGRES_URL). In CI, or whenever that
variable is set, an unreachable PostgreSQL fails the test instead of skipping it."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

from verifier.db.store import Store, close_stores, normalise_url, open_store

if TYPE_CHECKING:
    from verifier.services import Principal

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed-maroc-russie-fr.txt"
POSTGRES_URL = os.environ.get("VERIFIER_TEST_POSTGRES_URL")


def _postgres_required() -> bool:
    return bool(POSTGRES_URL) or os.environ.get("CI", "").lower() in ("1", "true", "yes")


def postgres_schema_url() -> Iterator[str]:
    """A URL whose search_path is a new, empty schema; the schema is dropped afterwards."""
    if not POSTGRES_URL:
        if _postgres_required():
            pytest.fail("CI needs PostgreSQL: set VERIFIER_TEST_POSTGRES_URL")
        pytest.skip("PostgreSQL tests need VERIFIER_TEST_POSTGRES_URL")
    base = normalise_url(POSTGRES_URL)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # unreachable server: a failure, never a skip
        admin.dispose()
        pytest.fail(f"PostgreSQL at {POSTGRES_URL} is unreachable: {exc}")
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        close_stores()
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'claims.db'}"
        close_stores()
    else:
        yield from postgres_schema_url()


@pytest.fixture
def store(db_url: str) -> Store:
    return open_store(db_url)


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _fresh_sign_in_throttle() -> Iterator[None]:
    """Failed sign-ins and sessions' last activity are kept per process (services.users,
    services.sessions): each test starts with none."""
    from verifier.services import sessions
    from verifier.services import users as user_services

    user_services._FAILURES.clear()
    sessions._LAST.clear()
    sessions._ENDED.clear()
    yield
    user_services._FAILURES.clear()
    sessions._LAST.clear()
    sessions._ENDED.clear()


@pytest.fixture(autouse=True)
def _settings_of_the_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The organisation a test sees is the one it sets: never the environment of whoever runs
    the suite, nor a verifier.toml in the working directory (verifier/db/settings.py). The
    settings file is tmp_path/verifier.toml, which is also where a SQLite store in tmp_path
    keeps it."""
    for var in ("VERIFIER_ORGANISATION", "VERIFIER_ORGANISATION_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("VERIFIER_CONFIG", str(tmp_path / "verifier.toml"))


# --- acting as an authenticated user (docs/decisions.md §23) -----------------------------------

TEST_PASSWORD = "a long test password"


def bootstrap_admin(db: Store | str, name: str = "adam") -> Principal:
    """The store's first admin, added by the CLI's store owner without credentials (the
    bootstrap), with TEST_PASSWORD; returns it as the CLI's principal after a password."""
    from verifier import services

    services.users.add_user(services.store_owner(), name, "admin", password=TEST_PASSWORD, db=db)
    return services.Principal(name, "admin", "cli")


def token_env(db: Store | str, name: str, scope: str) -> dict[str, str]:
    """VERIFIER_TOKEN of a new token of user `name` (made by that user, as after their
    password), for CLI commands run as them."""
    from verifier import services

    user = services.users.find_user(name, db=db)
    assert user is not None, name
    me = services.Principal(user.name, user.role, "cli")
    return {"VERIFIER_TOKEN": services.tokens.create_token(me, name, scope, db=db).secret}
