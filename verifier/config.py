"""Settings read from the environment. One place, so that the CLI, the UI and the tests agree."""
from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_DATABASE_URL = "sqlite:///claims.db"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"{name}={raw!r} is not an integer") from exc
    if value <= 0:
        raise ValueError(f"{name}={raw!r} must be positive")
    return value


@dataclass(frozen=True)
class Settings:
    database_url: str
    max_bytes: int
    url_timeout: float
    url_deadline: float
    # The organisation publishing the fact-checks, when the environment names it (it takes
    # precedence over the settings file beside the store: verifier/db/settings.py).
    organisation: str | None
    organisation_url: str | None


def get_settings() -> Settings:
    """Read the settings now (not at import time), so tests can change the environment."""
    return Settings(
        database_url=os.environ.get("VERIFIER_DATABASE_URL") or DEFAULT_DATABASE_URL,
        max_bytes=_int_env("VERIFIER_MAX_BYTES", DEFAULT_MAX_BYTES),
        url_timeout=float(os.environ.get("VERIFIER_URL_TIMEOUT") or 10),
        url_deadline=float(os.environ.get("VERIFIER_URL_DEADLINE") or 60),
        organisation=(os.environ.get("VERIFIER_ORGANISATION") or "").strip() or None,
        organisation_url=(os.environ.get("VERIFIER_ORGANISATION_URL") or "").strip() or None,
    )


DEFAULT_ARGON2_SLOTS = 4
DEFAULT_SESSION_IDLE_MINUTES = 30
DEFAULT_SESSION_MAX_HOURS = 12


def argon2_slots() -> int:
    """How many argon2 hashes may hold their memory at once in this process
    (VERIFIER_ARGON2_SLOTS; verifier/passwords.py)."""
    return _int_env("VERIFIER_ARGON2_SLOTS", DEFAULT_ARGON2_SLOTS)


def session_idle_minutes() -> int:
    """After how many minutes without activity a signed-in browser session is signed out
    (VERIFIER_SESSION_IDLE_MINUTES; verifier/services/sessions.py)."""
    return _int_env("VERIFIER_SESSION_IDLE_MINUTES", DEFAULT_SESSION_IDLE_MINUTES)


def session_max_hours() -> int:
    """How many hours a signed-in browser's session cookie lasts at most, active or not
    (VERIFIER_SESSION_MAX_HOURS; verifier/services/sessions.py)."""
    return _int_env("VERIFIER_SESSION_MAX_HOURS", DEFAULT_SESSION_MAX_HOURS)
