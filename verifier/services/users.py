"""People and their roles: add, change role, deactivate, list; sign-in. Only admins manage
users, except while the store has no admin yet (bootstrap: the CLI's store owner may then add
the first admin); nobody, in any shell,
may leave the store without an active admin; an admin may not take the admin role from
themself (another admin must)."""
from __future__ import annotations

import math
import threading
import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from verifier.db import users
from verifier.db.models import User
from verifier.db.users import LastAdmin, PermissionDenied, UserError
from verifier.passwords import HashingBusy
from verifier.services._base import Db, authorise, check_scope, service, store_of
from verifier.services.principal import ADMIN_ROLES, Channel, Principal

__all__ = ["HashingBusy", "LastAdmin", "PermissionDenied", "SignInBusy", "SignInRefused", "User",
           "UserError", "add_user", "authenticate", "find_user", "has_admin", "has_users",
           "list_users", "oidc_user", "set_active", "set_role", "sign_in", "user_by_email"]


def _manager(principal: Principal, what: str) -> None:
    """The store owner manages no users once the store has an admin (the database layer
    refuses, in the write transaction); a token must be of scope admin."""
    check_scope(principal, "admin", what)


@service
def add_user(principal: Principal, name: str, role: str, *, email: str | None = None,
             password: str | None = None, db: Db = None) -> User:
    """Add a user with a role (and an e-mail for single sign-on, a password for local
    sign-in); audited. Admins only, or anyone while the store has no admin (the CLI's store
    owner adds the first admin that way)."""
    _manager(principal, "add users")
    return users.add_user(store=store_of(db), name=name, role=role, email=email,
                          password=password, actor=principal.name)


@service
def set_role(principal: Principal, name: str, role: str, *, db: Db = None) -> User:
    """Change a user's role; audited. Refused (PermissionDenied) for a non-admin, for an admin
    demoting themself, and (LastAdmin) when it would leave no active admin."""
    store = store_of(db)
    authorise(store, principal, ADMIN_ROLES, "change roles", scope="admin")
    if name == principal.name and role != "admin":
        raise PermissionDenied("You cannot take the admin role from yourself: ask another admin.")
    return users.set_role(store=store, name=name, role=role, actor=principal.name,
                          keep_admin=True)


@service
def set_active(principal: Principal, name: str, active: bool, *, db: Db = None) -> User:
    """Deactivate or reactivate a user; audited. Never the last active admin, never oneself."""
    store = store_of(db)
    authorise(store, principal, ADMIN_ROLES, "activate or deactivate users", scope="admin")
    if not active and name == principal.name:
        raise PermissionDenied("You cannot deactivate yourself: ask another admin.")
    return users.set_active(store=store, name=name, active=active, actor=principal.name,
                            keep_admin=True)


@service
def set_password(principal: Principal, name: str, password: str, *, db: Db = None) -> None:
    """Set or reset a user's password for the browser (an admin, or the user themself);
    audited without the secret. Not the store owner once the store has users, and not with a
    token of a scope below admin (a stolen token must not become the account)."""
    store = store_of(db)
    if principal.is_store_owner or principal.scope is not None:
        authorise(store, principal, ADMIN_ROLES, "set passwords", scope="admin")
    users.set_password(store=store, name=name, password=password, actor=principal.name)


@service
def list_users(principal: Principal, *, db: Db = None) -> list[User]:
    """Every user (admins and the store owner)."""
    store = store_of(db)
    authorise(store, principal, ADMIN_ROLES, "list users", scope=None)
    return users.list_users(store=store)


def find_user(name: str, *, db: Db = None) -> User | None:
    with store_of(db).read() as session:
        return users.get_user(session, name)


def has_users(*, db: Db = None) -> bool:
    with store_of(db).read() as session:
        return session.exec(select(User.id)).first() is not None


def has_admin(*, db: Db = None) -> bool:
    """Whether the store has an admin (active or not): until it has, adding users is the
    bootstrap (db.users._check_manager)."""
    with store_of(db).read() as session:
        return session.exec(select(User.id).where(User.role == "admin")).first() is not None


def sign_in(name: str, password: str, *, channel: Channel, db: Db = None) -> Principal | None:
    """The active user with this name and password as a principal of `channel` (the CLI's
    `--password-stdin`), or None. The CLI runs on the store's machine: the demo accounts'
    public passwords are accepted there, as on a loopback server."""
    user = authenticate(name, password, db=db)
    return Principal(user.name, user.role, channel) if user is not None else None


class SignInThrottled(PermissionError):
    """Too many failed sign-ins for this user or from this address: wait."""


# Failed sign-ins, per user name and per client address, in this process (the UI's server):
# after FREE_FAILURES failures in a row the next attempt must wait 1 s, then 2, 4... up to
# MAX_DELAY s; a success clears the user's count. Guessing passwords at web speed stops there,
# and each attempt that is let through still costs one argon2 verification.
FREE_FAILURES = {"user": 3, "addr": 10}
MAX_DELAY = 300.0
_FAILURES: dict[str, tuple[int, float]] = {}
_FAIL_LOCK = threading.Lock()
_clock = time.monotonic


def _wait_for(key: str) -> float:
    count, last = _FAILURES.get(key, (0, 0.0))
    over = count - FREE_FAILURES[key.split(":", 1)[0]]
    if over < 0:
        return 0.0
    return max(0.0, min(MAX_DELAY, 2.0 ** over) - (_clock() - last))


def _throttle_keys(name: str, client: str | None) -> list[str]:
    return [f"user:{name.strip().lower()}"] + ([f"addr:{client}"] if client else [])


class SignInBusy(PermissionError):
    """Every argon2 slot of the server stayed busy (verifier/passwords.py): try again."""


class DemoPasswordRefused(PermissionError):
    """A demo account's public password, on a server others can reach."""


def is_loopback(address: str | None) -> bool:
    """Whether a server bound to `address` is reachable from this machine only (no address:
    every interface, so no)."""
    import ipaddress

    if not address:
        return False
    if address.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


def authenticate(name: str, password: str, *, bind_address: str | None = "127.0.0.1",
                 client: str | None = None, db: Db = None) -> User | None:
    """The active user with this name and password, or None (same cost either way). The
    demo accounts' passwords are public (docs/ui.md): they sign in only on a server bound to a
    loopback address (`make run`); elsewhere DemoPasswordRefused says to set real ones.
    Repeated failures for a user name or from a `client` address make the next attempts wait
    (SignInThrottled, with how long), growing from 1 s to 5 minutes. When the server's argon2
    memory budget stays spent for a moment, SignInBusy ("try again"), which is not counted as a
    failure."""
    from verifier.services.demo import DEMO_ACCOUNTS, demo_password

    keys = _throttle_keys(name, client)
    with _FAIL_LOCK:
        wait = max(_wait_for(k) for k in keys)
    if wait > 0:
        raise SignInThrottled(f"too many failed sign-ins: try again in {math.ceil(wait)} s")
    try:
        user = users.authenticate(store=store_of(db), name=name, password=password)
    except HashingBusy:
        raise SignInBusy("The server is busy signing other people in: try again in a few "
                         "seconds.") from None
    with _FAIL_LOCK:
        for k in keys:
            if user is None:
                count, _ = _FAILURES.get(k, (0, 0.0))
                _FAILURES[k] = (count + 1, _clock())
            elif k.startswith("user:"):
                _FAILURES.pop(k, None)
    if user is not None and not is_loopback(bind_address) and any(
            name == n and password == demo_password(n) for n, _ in DEMO_ACCOUNTS):
        raise DemoPasswordRefused(
            f"{name} has the demo password, which is public; this server can be reached from "
            f"other machines ({bind_address or 'all interfaces'}): set a password with "
            f"`verifier users password {name}`")
    return user


def user_by_email(email: str, *, db: Db = None) -> User | None:
    """The active user with this e-mail address (case and surrounding spaces ignored)."""
    with store_of(db).read() as session:
        return session.exec(select(User)
                            .where(func.lower(col(User.email)) == email.strip().lower())
                            .where(col(User.active).is_(True))).first()


class SignInRefused(PermissionError):
    """A single sign-on identity that may not sign in here; the message says why."""


def email_verified(claims: Mapping[str, Any]) -> bool:
    """Whether the provider says it verified the address: the claim `email_verified` true (JSON
    true; the string "true" too, which some providers send)."""
    value = claims.get("email_verified")
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def oidc_user(claims: Mapping[str, Any], *, db: Db = None) -> User:
    """The user a single sign-on identity (the ID token's claims) signs in as: the one user
    with its e-mail address (unique, case ignored), when the provider verified that address
    and the user is active; otherwise SignInRefused, saying which."""
    email = str(claims.get("email") or "").strip()
    if not email:
        raise SignInRefused("Your identity provider gave no e-mail address: sign-in refused.")
    if not email_verified(claims):
        raise SignInRefused(f"Your identity provider has not verified the e-mail address "
                            f"{email}: sign-in refused. Verify it with the provider, then sign "
                            "in again.")
    with store_of(db).read() as session:
        user = session.exec(select(User)
                            .where(func.lower(col(User.email)) == email.lower())).first()
    if user is None:
        raise SignInRefused(f"{email} has no role here yet: ask an admin to add a user with "
                            "this e-mail address.")
    if not user.active:
        raise SignInRefused(f"The account of {email} is deactivated: ask an admin.")
    return user


_ = LastAdmin, UserError  # re-exported
