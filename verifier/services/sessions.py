"""Idle expiry of signed-in browser sessions (docs/decisions.md §24).

A sign-in gets a mark: a key and the time it began. Every run of the page (each click, each
key press Streamlit sends) `touch`es the mark; a mark whose last activity is older than
VERIFIER_SESSION_IDLE_MINUTES (default 30) is expired, and the shell signs the session out
with `idle_message()`.

Last activity is kept here, per key, in this process, not in the browser session only: a
single sign-on identity lives in a cookie that a reload (a new session) reads again, so its
key is derived from the identity token (issuer, subject, issue time, nonce), and a reload of an
idle browser finds the same key, expired. A key this process has not seen (after a restart,
or forgotten once idle) counts from the mark's start: the token's issue time for single
sign-on, the sign-in for a password. The clock is `_clock` (tests move it)."""
from __future__ import annotations

import hashlib
import json
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from verifier.config import session_idle_minutes

_clock: Callable[[], float] = time.time  # wall-clock seconds, like an ID token's `iat`
_LAST: dict[str, float] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Mark:
    key: str
    since: float  # when the sign-in began (epoch seconds)

    def as_dict(self) -> dict[str, Any]:
        return {"session": self.key, "since": self.since}

    @classmethod
    def of(cls, data: Mapping[str, Any] | None) -> Mark | None:
        """The mark a shell kept (`as_dict`), or None when it kept none."""
        if not data or not isinstance(data.get("session"), str):
            return None
        try:
            return cls(data["session"], float(data["since"]))
        except (KeyError, TypeError, ValueError):
            return None


def idle_minutes() -> int:
    return session_idle_minutes()


def idle_message() -> str:
    minutes = idle_minutes()
    return (f"Signed out after {minutes} minute{'s' if minutes != 1 else ''} without activity: "
            "sign in again.")


def start() -> Mark:
    """A new mark for a password sign-in, active from now."""
    mark = Mark(secrets.token_urlsafe(18), _clock())
    with _LOCK:
        _LAST[mark.key] = mark.since
    return mark


def oidc_mark(claims: Mapping[str, Any]) -> Mark:
    """The mark of a single sign-on identity: the same for every session reading the same
    identity cookie, new with each sign-in at the provider."""
    ident = {k: claims.get(k) for k in ("iss", "sub", "iat", "nonce", "email")}
    key = "oidc:" + hashlib.sha256(json.dumps(ident, sort_keys=True, default=str)
                                   .encode()).hexdigest()
    iat = claims.get("iat")
    # Authlib refuses an ID token without `iat`; without one, the first sight starts the clock.
    since = float(iat) if isinstance(iat, int | float) and not isinstance(iat, bool) else None
    if since is None:
        with _LOCK:
            since = _LAST.setdefault(key, _clock())
    return Mark(key, since)


def _idle_for(mark: Mark, now: float) -> float:
    return now - _LAST.get(mark.key, mark.since)


def expired(mark: Mark | None) -> bool:
    """Whether the session behind `mark` has been idle too long (no mark: yes). Changes
    nothing: for callbacks, which run before the page checks and touches the mark."""
    if mark is None:
        return True
    with _LOCK:
        return _idle_for(mark, _clock()) > idle_minutes() * 60.0


def touch(mark: Mark) -> bool:
    """Record activity now; False (and the key forgotten) when the session was idle too long
    already, so the shell signs it out."""
    now = _clock()
    limit = idle_minutes() * 60.0
    with _LOCK:
        if _idle_for(mark, now) > limit:
            _LAST.pop(mark.key, None)
            return False
        _LAST[mark.key] = now
        for key in [k for k, last in _LAST.items() if now - last > limit]:
            del _LAST[key]  # idle sessions: their marks count from their start now
        return True
