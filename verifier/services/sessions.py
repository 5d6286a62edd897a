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
sign-on, the sign-in for a password. The clock is `_clock` (tests move it).

A password sign-in survives a reload through a signed cookie (docs/decisions.md §27): `issue`
signs (user name, mark, expiry) with a key the shell gives (the UI: Streamlit's
`server.cookieSecret`), `resume` reads it back in the new browser session, only while the
signature holds, the cookie has not expired (VERIFIER_SESSION_MAX_HOURS, default 12), the mark
was not ended by a sign-out (`end`) and the session is not idle: a reload never revives a
session the idle rule or a sign-out closed."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from verifier.config import session_idle_minutes, session_max_hours

_clock: Callable[[], float] = time.time  # wall-clock seconds, like an ID token's `iat`
_LAST: dict[str, float] = {}
_ENDED: dict[str, float] = {}  # marks signed out, with when: their cookies are refused
_LOCK = threading.Lock()
TOKEN_VERSION = "v1"


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


# --- a signed cookie for the password sign-in -------------------------------------------------


def max_age_seconds() -> int:
    """How long a session cookie is valid at most, however active the session
    (VERIFIER_SESSION_MAX_HOURS)."""
    return session_max_hours() * 3600


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(body: str, secret: str | bytes) -> str:
    key = secret.encode() if isinstance(secret, str) else secret
    # A key of our own, derived from the shell's: the same secret signs Streamlit's cookies.
    derived = hmac.new(key, b"verifier session cookie", hashlib.sha256).digest()
    return _b64(hmac.new(derived, body.encode("ascii"), hashlib.sha256).digest())


def issue(name: str, mark: Mark, secret: str | bytes) -> str:
    """A signed token naming the user and the mark of their session, valid for
    `max_age_seconds()` from now: the value of the browser's session cookie (URL-safe
    characters and dots only)."""
    payload = {"u": name, "k": mark.key, "s": mark.since, "e": _clock() + max_age_seconds()}
    body = TOKEN_VERSION + "." + _b64(json.dumps(payload, sort_keys=True,
                                                 separators=(",", ":")).encode())
    return body + "." + _signature(body, secret)


def read(token: str | None, secret: str | bytes) -> tuple[str, Mark, float] | None:
    """(user name, mark, expiry) of a token this key signed, whatever its state; None when it
    is missing, malformed or forged."""
    if not token or not isinstance(token, str) or token.count(".") != 2:
        return None
    body, _, sig = token.rpartition(".")
    if not body.startswith(TOKEN_VERSION + ".") or not hmac.compare_digest(
            sig, _signature(body, secret)):
        return None
    try:
        payload = json.loads(_unb64(body.split(".", 1)[1]))
        return (str(payload["u"]), Mark(str(payload["k"]), float(payload["s"])),
                float(payload["e"]))
    except (ValueError, KeyError, TypeError):
        return None


def ended(mark: Mark) -> bool:
    """Whether the session behind `mark` was signed out (`end`)."""
    with _LOCK:
        return mark.key in _ENDED


def resume(token: str | None, secret: str | bytes) -> tuple[str, Mark] | None:
    """(user name, mark) of a session cookie, or None when it is missing, forged, expired,
    signed out, or idle for too long. Changes nothing: the shell then touches the mark like
    any run's."""
    found = read(token, secret)
    if found is None:
        return None
    name, mark, expires = found
    if _clock() > expires or ended(mark) or expired(mark):
        return None
    return name, mark


def end(mark: Mark | None) -> None:
    """Sign the session behind `mark` out for good: its cookie is refused from now on, in this
    process (ended marks are forgotten once any cookie naming them has expired)."""
    if mark is None:
        return
    now = _clock()
    with _LOCK:
        _LAST.pop(mark.key, None)
        _ENDED[mark.key] = now
        for key in [k for k, when in _ENDED.items() if now - when > max_age_seconds()]:
            del _ENDED[key]
