"""What the service modules share: opening the store, and the permission check."""
from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from verifier.config import get_settings
from verifier.db import audit
from verifier.db.migrations import SchemaError, database_version
from verifier.db.models import SCHEMA_VERSION, User
from verifier.db.store import Store, make_engine, normalise_url, open_store
from verifier.db.users import PermissionDenied, get_user
from verifier.services.principal import OWNER_SCOPES, Principal

# A store: its URL (None: VERIFIER_DATABASE_URL or sqlite:///claims.db), or an open Store.
Db = str | Store | None


def store_failure(exc: BaseException) -> str | None:
    """One line saying what is wrong with the store itself (not a database, locked past the
    busy timeout, read-only, disk full, server unreachable), or None when `exc` is not such a
    failure. The shells print it and exit 2, never a traceback (and never exit 1, which tells a
    CI gate "contradiction found")."""
    from sqlalchemy import exc as sa

    if not isinstance(exc, sa.OperationalError | sa.DatabaseError | sa.InterfaceError):
        return None
    if isinstance(exc, sa.IntegrityError):
        return None  # a bug or a race the service should have handled: keep the traceback
    orig = getattr(exc, "orig", None) or exc
    lines = [ln.strip() for ln in str(orig).splitlines() if ln.strip()]
    return "the database cannot be used: " + " ".join(lines[:2])


def store_of(db: Db) -> Store:
    """The store, created or migrated on first use."""
    return db if isinstance(db, Store) else open_store(db)


def existing_store(db: Db) -> Store | None:
    """The store if it exists already, for reading only: never creates a database file nor
    migrates a schema (None when there is no database, or it has no verifier tables yet).
    A store at an older or newer schema version is refused (SchemaError)."""
    if isinstance(db, Store):
        return db
    url = normalise_url(db or get_settings().database_url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database
        if not path or path == ":memory:" or not Path(path).is_file():
            return None
    store = Store(engine=make_engine(url), url=url)
    try:
        with store.read() as session:
            conn = session.connection()
            version = database_version(conn) if inspect(conn).has_table("schema_version") else None
    except Exception:
        store.dispose()
        raise
    if version is None:
        store.dispose()
        return None
    if version != SCHEMA_VERSION:
        store.dispose()
        raise SchemaError(f"{url}: schema version {version}, this verifier reads {SCHEMA_VERSION}: "
                          "run a command that stores (e.g. `verifier list`) to upgrade it first")
    return store


P = ParamSpec("P")
R = TypeVar("R")


def service(fn: Callable[Concatenate[Principal, P], R]) -> Callable[Concatenate[Principal, P], R]:
    """Marks a service: every audit event written during the call records the principal's
    channel (cli, ui, api) beside its name (db.audit.channel). Every public service function
    whose first parameter is the principal has it (tests/test_cli_auth.py checks)."""
    @functools.wraps(fn)
    def wrapper(principal: Principal, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with audit.channel(principal.channel):
            return fn(principal, *args, **kwargs)
    wrapper.records_channel = True  # type: ignore[attr-defined]
    return wrapper


def has_users(store: Store) -> bool:
    from sqlmodel import select

    with store.read() as session:
        return session.exec(select(User.id)).first() is not None


def check_scope(principal: Principal, scope: str | None, what: str) -> None:
    """Refuse (PermissionDenied) an operation needing `scope` to a token that does not cover it."""
    if not principal.allows(scope):
        raise PermissionDenied(f"this token's scope is {principal.scope}: it may not {what} "
                               f"(that needs a token of scope {scope})")


def authorise(store: Store, principal: Principal, roles: Sequence[str], what: str, *,
              scope: str | None) -> None:
    """Refuse (PermissionDenied) unless the principal may do `what`, an operation that changes
    what `scope` covers (None: a read; "check": storing and checking documents; "review",
    "audit", "admin"). The CLI's store owner may read and check; anything else only while the
    store has no user (bootstrap: docs/decisions.md §23). Anyone else must be an active stored
    user whose role, as stored now (not as the shell remembers it), is one of `roles`, and
    whose token, if a token authenticated them, covers `scope`."""
    if principal.is_store_owner:
        if scope in OWNER_SCOPES or not has_users(store):
            return
        raise PermissionDenied(f"{principal.name!r} (the operating-system user) may not {what} "
                               "without authenticating as a user of this store")
    check_scope(principal, scope, what)
    with store.read() as session:
        user = get_user(session, principal.name)
    if user is None or not user.active:
        raise PermissionDenied(f"{principal.name!r} is not an active user: may not {what}")
    if user.role not in roles:
        raise PermissionDenied(f"{principal.name!r} is {user.role}: only {_roles(roles)} may {what}")


def _roles(roles: Sequence[str]) -> str:
    plural = [f"{r}s" for r in roles]
    return plural[0] if len(plural) == 1 else ", ".join(plural[:-1]) + " and " + plural[-1]
