"""Per-user tokens for the CLI (VERIFIER_TOKEN) and the HTTP API: made by their own user (signed
in with a password, never with another token), shown once, stored hashed, expiring, revocable
by their user or an admin. A token acts as its user, with the user's role as stored when it is
used, and only within its scope (principal.SCOPE_GRANTS): check, review, audit or admin.
docs/decisions.md §23."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from verifier.db import tokens
from verifier.db.models import TOKEN_SCOPES, ApiToken, utcnow
from verifier.db.store import Store
from verifier.db.tokens import TokenError
from verifier.db.users import PermissionDenied, get_user
from verifier.services._base import Db, authorise, check_scope, service, store_of
from verifier.services.principal import ANY_ROLE, SCOPE_ROLES, Channel, Principal, Scope

__all__ = ["MAX_DAYS", "TOKEN_SCOPES", "CreatedToken", "TokenError", "TokenInfo", "TokenRefused",
           "create_token", "list_tokens", "principal_for_token", "revoke_token"]

DEFAULT_DAYS = 90
MAX_DAYS = 366


class TokenRefused(PermissionDenied):
    """The token is unknown, expired or revoked, or its user is inactive."""


@dataclass(frozen=True)
class TokenInfo:
    """A stored token as a listing shows it (never its secret)."""

    id: int
    user: str
    scope: str
    label: str | None
    prefix: str
    created_at: datetime
    created_by: str
    expires_at: datetime
    revoked_at: datetime | None
    revoked_by: str | None

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if self.expires_at <= utcnow() else "active"


@dataclass(frozen=True)
class CreatedToken:
    info: TokenInfo
    secret: str  # shown once: only its SHA-256 is stored


def _info(row: ApiToken, user: str) -> TokenInfo:
    assert row.id is not None
    return TokenInfo(row.id, user, row.scope, row.label, row.prefix, row.created_at,
                     row.created_by, row.expires_at, row.revoked_at, row.revoked_by)


@service
def create_token(principal: Principal, name: str, scope: str, *, days: int = DEFAULT_DAYS,
                 label: str | None = None, db: Db = None) -> CreatedToken:
    """A new token of user `name`, who must be the principal, signed in with a password (or
    single sign-on): nobody else, admins included, may make a token that acts under `name`,
    and a token may not make another. The scope must be one the user's role may use
    (principal.SCOPE_ROLES); it expires after `days` (1 to MAX_DAYS). Audited."""
    if scope not in TOKEN_SCOPES:
        raise TokenError(f"unknown scope {scope!r} (one of {', '.join(TOKEN_SCOPES)})")
    if not 1 <= days <= MAX_DAYS:
        raise TokenError(f"a token lasts 1 to {MAX_DAYS} days, not {days}")
    if principal.is_store_owner or principal.name != name:
        raise PermissionDenied(f"only {name} may make a token of {name}, signed in with "
                               "their password")
    if principal.scope is not None:
        raise PermissionDenied("a token may not make another token: sign in with a password")
    store = store_of(db)
    authorise(store, principal, SCOPE_ROLES[scope], f"hold a token of scope {scope}",
              scope=None)
    with store.write() as session:
        user = get_user(session, name)
        assert user is not None  # authorise found it active
        row, secret = tokens.create_token(session, user=user, scope=scope,
                                          expires_at=utcnow() + timedelta(days=days),
                                          label=label, actor=principal.name)
        return CreatedToken(_info(row, user.name), secret)


@service
def list_tokens(principal: Principal, *, user: str | None = None,
                db: Db = None) -> list[TokenInfo]:
    """Tokens, never their secrets: every user's (or `user`'s) for admins and the store owner,
    who may read the whole store; one's own for anyone else."""
    store = store_of(db)
    authorise(store, principal, ANY_ROLE, "list tokens", scope=None)
    if not (principal.is_store_owner or _is_admin(store, principal)):
        if user not in (None, principal.name):
            raise PermissionDenied(f"only admins may list the tokens of {user}")
        user = principal.name
    with store.read() as session:
        return [_info(t, name) for t, name in tokens.list_tokens(session, user=user)]


def _is_admin(store: Store, principal: Principal) -> bool:
    with store.read() as session:
        user = get_user(session, principal.name)
    return user is not None and user.active and user.role == "admin"


@service
def revoke_token(principal: Principal, token_id: int, *, db: Db = None) -> TokenInfo:
    """Revoke a token (its user, or an admin; with a token: one of scope admin, or any token of
    the same user). Audited; revoking a revoked token changes nothing."""
    if principal.is_store_owner:
        raise PermissionDenied("revoking a token needs its user or an admin, authenticated")
    store = store_of(db)
    authorise(store, principal, ANY_ROLE, "revoke tokens", scope=None)
    with store.write() as session:
        found = tokens.get_token(session, token_id)
        if found is None:
            raise TokenError(f"no token with id {token_id}")
        row, owner = found
        if owner.name != principal.name:
            check_scope(principal, "admin", "revoke the tokens of others")
            me = get_user(session, principal.name)
            if me is None or me.role != "admin":
                raise PermissionDenied(f"only {owner.name} or an admin may revoke token "
                                       f"{token_id}")
        return _info(tokens.revoke_token(session, row, user=owner.name, actor=principal.name),
                     owner.name)


def principal_for_token(secret: str, *, channel: Channel, db: Db = None) -> Principal:
    """The principal a token acts as: its user, with the role stored now, limited to the
    token's scope. TokenRefused (one line saying why) when the token is unknown, expired or
    revoked, or its user inactive."""
    secret = secret.strip()
    if not tokens.looks_like_token(secret):
        raise TokenRefused(f"not a verifier token (they start with {tokens.PREFIX})")
    with store_of(db).read() as session:
        found = tokens.find_token(session, secret)
    if found is None:
        raise TokenRefused("unknown token")
    row, user = found
    if row.revoked_at is not None:
        raise TokenRefused(f"token {row.id} ({row.prefix}…) was revoked on "
                           f"{row.revoked_at:%Y-%m-%d}")
    if row.expires_at <= utcnow():
        raise TokenRefused(f"token {row.id} ({row.prefix}…) expired on {row.expires_at:%Y-%m-%d}")
    if not user.active:
        raise TokenRefused(f"token {row.id} belongs to {user.name}, who is inactive")
    scope: Scope = row.scope  # type: ignore[assignment]
    return Principal(user.name, user.role, channel, scope=scope)
