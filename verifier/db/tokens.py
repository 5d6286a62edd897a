"""API tokens: made, found, listed and revoked. A token is `vrf_` and 43 URL-safe characters (32
random bytes); only its SHA-256 is stored (a token has 256 bits of entropy, so a fast hash is
enough: nothing can be guessed from it, unlike a password), with its first characters to tell
tokens apart in a listing. Making and revoking a token append an audit event in the same
transaction; the secret and its hash are never audited."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlmodel import Session, col, select

from verifier.db import audit
from verifier.db.models import TOKEN_SCOPES, ApiToken, User, utcnow

PREFIX = "vrf_"
_SHOWN = len(PREFIX) + 6  # characters of the secret kept to tell tokens apart: vrf_AbC123


class TokenError(ValueError):
    """Bad input about a token: unknown scope or token, a bad expiry."""


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.strip().encode("utf-8")).hexdigest()


def looks_like_token(secret: str) -> bool:
    return secret.strip().startswith(PREFIX)


def create_token(session: Session, *, user: User, scope: str, expires_at: datetime,
                 label: str | None, actor: str) -> tuple[ApiToken, str]:
    """A new token of `user` (in the caller's write transaction): the stored row and the
    secret, which exists nowhere else. Audited as "token.create"."""
    if scope not in TOKEN_SCOPES:
        raise TokenError(f"unknown scope {scope!r} (one of {', '.join(TOKEN_SCOPES)})")
    if expires_at <= utcnow():
        raise TokenError("a token must expire in the future")
    assert user.id is not None
    secret = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, scope=scope, label=label, secret_sha256=secret_hash(secret),
                   prefix=secret[:_SHOWN], created_by=actor, expires_at=expires_at)
    session.add(row)
    session.flush()
    audit.append(session, actor=actor, action="token.create",
                 new={"id": row.id, "user": user.name, "scope": scope, "label": label,
                      "prefix": row.prefix, "expires_at": expires_at.isoformat()})
    return row, secret


def find_token(session: Session, secret: str) -> tuple[ApiToken, User] | None:
    """The stored token with this secret and its user, or None."""
    row = session.exec(select(ApiToken, User).join(User, col(User.id) == col(ApiToken.user_id))
                       .where(ApiToken.secret_sha256 == secret_hash(secret))).first()
    return (row[0], row[1]) if row is not None else None


def get_token(session: Session, token_id: int) -> tuple[ApiToken, User] | None:
    row = session.exec(select(ApiToken, User).join(User, col(User.id) == col(ApiToken.user_id))
                       .where(ApiToken.id == token_id)).first()
    return (row[0], row[1]) if row is not None else None


def list_tokens(session: Session, *, user: str | None = None) -> list[tuple[ApiToken, str]]:
    """Tokens (of one user), oldest first, each with its user's name."""
    q = (select(ApiToken, User.name).join(User, col(User.id) == col(ApiToken.user_id))
         .order_by(col(ApiToken.id)))
    if user is not None:
        q = q.where(User.name == user)
    return [(t, name) for t, name in session.exec(q).all()]


def revoke_token(session: Session, token: ApiToken, *, user: str, actor: str) -> ApiToken:
    """Revoke `token` (in the caller's write transaction); a revoked token stays revoked.
    Audited as "token.revoke"."""
    if token.revoked_at is not None:
        return token
    token.revoked_at, token.revoked_by = utcnow(), actor
    session.add(token)
    session.flush()
    audit.append(session, actor=actor, action="token.revoke",
                 new={"id": token.id, "user": user, "scope": token.scope, "prefix": token.prefix})
    return token
