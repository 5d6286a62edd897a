"""Who is acting: every service call names a Principal, and the services decide what it may do.

The UI passes the signed-in user (channel "ui"). The CLI passes the user it authenticated (a
password read from standard input, or a token: VERIFIER_TOKEN), or, for what needs no
credentials, the *store owner*: the operating-system user running it (role STORE_OWNER), who
may read the store and run checks, since whoever can open the database can already read every
row, but who may not sign a verdict nor change users, sources, facts or precedents once the
store has users: those acts are recorded under a person's name, so that person must prove who
they are. A token's principal carries the token's scope, which limits it further than the
user's role. See docs/decisions.md §12 and §23."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from verifier.db.audit import os_user
from verifier.db.models import ROLES, TOKEN_SCOPES
from verifier.db.users import REVIEW_ROLES, PermissionDenied

Channel = Literal["cli", "ui", "api"]
Scope = Literal["check", "review", "audit", "admin"]

# The role of the OS user running the CLI on a local store (not a stored role).
STORE_OWNER = "store-owner"

ADMIN_ROLES: tuple[str, ...] = ("admin",)
AUDIT_ROLES: tuple[str, ...] = ("auditor", "admin")
DRAFT_ROLES: tuple[str, ...] = ("editor", "fact-checker", "admin")
SOURCE_READER_ROLES: tuple[str, ...] = ("admin", "fact-checker")
RECHECK_ROLES: tuple[str, ...] = ("fact-checker", "admin")
ANY_ROLE: tuple[str, ...] = ROLES

# What each token scope lets its holder change (any scope may read what the user's role may):
# check documents (store and re-check them), review (verdicts and notes), audit (exports),
# admin (users, tokens of others, sources, facts packs, precedents; and everything else).
SCOPE_GRANTS: dict[str, frozenset[str]] = {
    "check": frozenset({"check"}),
    "review": frozenset({"check", "review"}),
    "audit": frozenset({"audit"}),
    "admin": frozenset(TOKEN_SCOPES),
}
# The roles that may hold a token of each scope (the role, as stored when it is used, still
# decides each operation).
SCOPE_ROLES: dict[str, tuple[str, ...]] = {
    "check": DRAFT_ROLES,
    "review": REVIEW_ROLES,
    "audit": AUDIT_ROLES,
    "admin": ADMIN_ROLES,
}
# What the store owner may do without credentials, whatever the store holds: read (None) and
# run checks; the rest only while the store has no user at all (services/_base.authorise).
OWNER_SCOPES: frozenset[str | None] = frozenset({None, "check"})

__all__ = ["ADMIN_ROLES", "ANY_ROLE", "AUDIT_ROLES", "Channel", "DRAFT_ROLES", "OWNER_SCOPES",
           "OWNER_PREFIX", "PermissionDenied", "Principal", "RECHECK_ROLES", "REVIEW_ROLES", "SCOPE_GRANTS",
           "SCOPE_ROLES", "SOURCE_READER_ROLES", "STORE_OWNER", "Scope", "TOKEN_SCOPES",
           "os_user", "store_owner"]


@dataclass(frozen=True)
class Principal:
    name: str
    role: str
    channel: Channel = "ui"
    # Set when a token authenticated the principal: what the token may change (SCOPE_GRANTS).
    # None: a password or single sign-on, limited by the role only.
    scope: Scope | None = None

    @property
    def is_store_owner(self) -> bool:
        """The OS user of the CLI, unauthenticated (reads and checks; see the module doc)."""
        return self.channel == "cli" and self.role == STORE_OWNER

    @property
    def can_review(self) -> bool:
        return self.role in REVIEW_ROLES

    def allows(self, scope: str | None) -> bool:
        """Whether the principal's token, if any, covers an operation needing `scope` (None:
        a read, which every scope covers)."""
        return scope is None or self.scope is None or scope in SCOPE_GRANTS[self.scope]


# The store owner acts as "os:NAME": a user name cannot hold ":" (db.users.check_name), so the
# log never mistakes what an unauthenticated OS user did for what the user NAME signed.
OWNER_PREFIX = "os:"


def store_owner(name: str | None = None) -> Principal:
    """The CLI's principal without credentials: the operating-system user who holds the
    database (by default this process's account, from its uid, not from $USER), named
    "os:NAME" in what it stores and in the audit log."""
    name = name or os_user()
    return Principal(name if name.startswith(OWNER_PREFIX) else OWNER_PREFIX + name,
                     STORE_OWNER, "cli")
