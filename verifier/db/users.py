"""People and their roles. Passwords are stored as argon2id hashes (verifier/passwords.py: explicit
parameters, a random salt per hash, parameters inside the hash string, every hash and
verification within the process's memory budget); the clear password is never stored nor
audited.

Who may manage users: an admin; or anyone while the store has no admin yet (bootstrap); or a
caller that passes `trusted=True` (the CLI, whose user already has the database file itself).
With `keep_admin` (verifier.services always passes it, whatever the shell), no role change or
deactivation may leave the store without an active admin (`LastAdmin`, checked inside the write
transaction with the admins' rows locked). Every addition, role change, activation and
password change appends an AuditEvent in the same transaction."""
from __future__ import annotations

import re

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from verifier import passwords
from verifier.db import audit
from verifier.db.models import ROLES, User
from verifier.db.store import Store

# Roles that may mark verdicts and write review notes.
REVIEW_ROLES = ("fact-checker", "admin")
_NAME = re.compile(r"^[\w][\w.@+-]{0,63}$", re.UNICODE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_dummy_hash: str | None = None


def _dummy() -> str:
    """Verified against when the user does not exist, so that a wrong name costs as much as a
    wrong password (no timing oracle for which names exist). Made on first use, not at import:
    an argon2 hash takes 46 MiB and tens of milliseconds."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = passwords.hash_password("not a real password")
    return _dummy_hash


class UserError(ValueError):
    """Bad input about a user: unknown role, bad name, duplicate, unknown user."""


class PermissionDenied(Exception):
    """The actor may not do this (unknown actor, or a role without the right)."""


class LastAdmin(PermissionDenied):
    """The change would leave the store without an active admin."""


def can_review(role: str | None) -> bool:
    """May a user with this role mark verdicts? (fact-checkers and admins; not editors, auditors)"""
    return role in REVIEW_ROLES


def check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(f"unknown role {role!r} (one of {', '.join(ROLES)})")
    return role


def check_name(name: str) -> str:
    if not _NAME.match(name or ""):
        raise UserError(f"bad user name {name!r}: 1 to 64 letters, digits or . _ @ + -, "
                        "starting with a letter or digit")
    return name


def get_user(session: Session, name: str) -> User | None:
    return session.exec(select(User).where(User.name == name)).first()


def list_users(*, store: Store) -> list[User]:
    with store.read() as session:
        return list(session.exec(select(User).order_by(User.name)).all())


def _check_manager(session: Session, actor: str, trusted: bool) -> None:
    if trusted:
        return
    user = get_user(session, actor)
    if user is not None and user.active and user.role == "admin":
        return
    any_admin = session.exec(select(User.id).where(User.role == "admin")).first()
    if any_admin is None:
        return  # bootstrap: the first admin has to come from somewhere
    raise PermissionDenied(f"{actor!r} may not manage users: only an admin may")


PASSWORD_MIN = 12
# The most used passwords of public breach compilations (and their obvious variants): refused
# whatever their length. A newsroom's own list can be longer; this keeps the worst out.
COMMON_PASSWORDS = frozenset("""
123456789012 1234567890123 qwertyuiopas qwertyuiop123 password1234 password12345 passwordpassword
123456123456 111111111111 000000000000 azertyuiopqs azerty123456 motdepasse12 motdepasse123
iloveyou1234 welcome12345 administrator admin1234567 adminadmin12 letmein12345 abc123456789
changeme1234 sunshine1234 princess1234 football1234 baseball1234 dragon123456 monkey123456
trustno11234 superman1234 qazwsxedcrfv 1q2w3e4r5t6y 1qaz2wsx3edc zaq12wsxcde3 passw0rd1234
p@ssw0rd1234 p@ssword1234 bonjour12345 soleil123456 verifier1234 verifier12345 journalist12
""".split())


def check_password(password: str, name: str | None = None) -> None:
    """The password policy: at least PASSWORD_MIN characters, not a common password, not the
    user name (UserError, saying which rule)."""
    if len(password) < PASSWORD_MIN:
        raise UserError(f"password too short: at least {PASSWORD_MIN} characters")
    low = password.lower()
    if low in COMMON_PASSWORDS or len(set(low)) <= 2:
        raise UserError("password refused: it is one of the most common passwords")
    if name and name.lower() in low:
        raise UserError("password refused: it contains the user name")


def hash_password(password: str) -> str:
    if not password:
        raise UserError("empty password")
    return passwords.hash_password(password)


def add_user(*, store: Store, name: str, role: str, email: str | None = None,
             password: str | None = None, actor: str, trusted: bool = False,
             policy: bool = True) -> User:
    """Add a user; refuses a name already taken, an e-mail address another user has, and a
    password against the policy (`policy=False` only for the demo accounts, whose public
    passwords sign in on a loopback server only). Audited as action "user"."""
    check_name(name)
    check_role(role)
    if email is not None and not _EMAIL.match(email):
        raise UserError(f"bad e-mail address {email!r}")
    if password is not None and policy:
        check_password(password, name)
    pw_hash = hash_password(password) if password is not None else None
    with store.write() as session:
        _check_manager(session, actor, trusted)
        if get_user(session, name) is not None:
            raise UserError(f"user {name!r} already exists")
        if email is not None and session.exec(select(User.id).where(
                func.lower(col(User.email)) == email.strip().lower())).first() is not None:
            raise UserError(f"another user has the e-mail address {email!r}")
        user = User(name=name, role=role, email=email, password_hash=pw_hash)
        session.add(user)
        session.flush()
        audit.append(session, actor=actor, action="user", old=None,
                     new={"name": name, "role": role, "email": email,
                          "password": pw_hash is not None})
        return user


def _keep_an_admin(session: Session, user: User) -> None:
    """Refuse to demote or deactivate `user` when it is the last active admin. The active
    admins' rows are locked first (FOR UPDATE on PostgreSQL), so two admins demoting each other
    at once cannot both succeed."""
    if not (user.active and user.role == "admin"):
        return
    admins = session.exec(select(User).where(User.role == "admin")
                          .where(col(User.active).is_(True)).with_for_update()).all()
    if not any(a.name != user.name for a in admins if a.role == "admin" and a.active):
        raise LastAdmin(f"{user.name!r} is the last active admin: make another user admin first")


def set_role(*, store: Store, name: str, role: str, actor: str, trusted: bool = False,
             keep_admin: bool = False) -> User:
    """Change a user's role (with `keep_admin`: never the last active admin's to another role).
    Audited as action "role" with the old and new role."""
    check_role(role)
    with store.write() as session:
        _check_manager(session, actor, trusted)
        user = get_user(session, name)
        if user is None:
            raise UserError(f"no user named {name!r}")
        if keep_admin and role != "admin":
            _keep_an_admin(session, user)
        old = user.role
        user.role = role
        session.add(user)
        session.flush()
        audit.append(session, actor=actor, action="role", old={"name": name, "role": old},
                     new={"name": name, "role": role})
        return user


def set_active(*, store: Store, name: str, active: bool, actor: str,
               trusted: bool = False, keep_admin: bool = True) -> User:
    """Deactivate (they can no longer sign in nor act) or reactivate a user; with `keep_admin`,
    never the last active admin. Audited as action "active"."""
    with store.write() as session:
        _check_manager(session, actor, trusted)
        user = get_user(session, name)
        if user is None:
            raise UserError(f"no user named {name!r}")
        if keep_admin and not active:
            _keep_an_admin(session, user)
        if user.active == active:
            return user
        user.active = active
        session.add(user)
        session.flush()
        audit.append(session, actor=actor, action="active", old={"name": name, "active": not active},
                     new={"name": name, "active": active})
        return user


def set_password(*, store: Store, name: str, password: str, actor: str,
                 trusted: bool = False) -> None:
    """Set a user's password (an admin, or the user themself), within the policy. Audited
    without any secret."""
    check_password(password, name)
    pw_hash = hash_password(password)
    with store.write() as session:
        if actor != name:
            _check_manager(session, actor, trusted)
        user = get_user(session, name)
        if user is None:
            raise UserError(f"no user named {name!r}")
        user.password_hash = pw_hash
        session.add(user)
        audit.append(session, actor=actor, action="password", new={"name": name})


def authenticate(*, store: Store, name: str, password: str) -> User | None:
    """The active user with this name and password, or None. Same cost whether or not the name
    exists (passwords.HashingBusy when the server's argon2 budget stays spent). A hash made
    with other parameters than today's is replaced by a new one of the same password, unless
    the password was changed meanwhile; that is not a change of password, so it is not
    audited."""
    with store.read() as session:
        user = get_user(session, name)
    stored = user.password_hash if user is not None and user.active else None
    ok = passwords.verify(stored or _dummy(), password)
    if not (ok and stored is not None and user is not None):
        return None
    if passwords.needs_rehash(stored):
        _rehash(store, user, stored, password)
    return user


def _rehash(store: Store, user: User, stored: str, password: str) -> None:
    new_hash = passwords.hash_password(password)
    with store.write() as session:
        # Compare and set: a password changed since the verification stays as it was set.
        session.execute(update(User).where(col(User.id) == user.id)
                        .where(col(User.password_hash) == stored).values(password_hash=new_hash))
    user.password_hash = new_hash
