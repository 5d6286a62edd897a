"""Settings kept beside the store: the organisation that publishes the fact-checks (its name and
URL sign every ClaimReview and head every report). Set once with `verifier setup` (or the admin
page), read by every export.

Where: the file named by VERIFIER_CONFIG; else `verifier.toml` in the directory of a SQLite
database file; else (PostgreSQL, an in-memory database) `verifier.toml` in the working
directory. The environment variables VERIFIER_ORGANISATION and VERIFIER_ORGANISATION_URL, when
set, take precedence over the file, field by field. docs/decisions.md §26 says why a file and not
a table.

The file is TOML:

    [organisation]
    name = "Les Vérificateurs"
    url = "https://verif.example.org/fact-checks"
"""
from __future__ import annotations

import os
import secrets
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.engine import make_url

from verifier.config import get_settings

CONFIG_FILE = "verifier.toml"
NAME_MAX = 200
URL_MAX = 500

__all__ = ["CONFIG_FILE", "Organisation", "SettingsError", "check_http_url", "check_name",
           "check_organisation", "config_path", "file_bytes", "read_organisation", "restore",
           "write_organisation"]


class SettingsError(ValueError):
    """A setting that cannot be used (refused before anything is written), or a settings file
    that cannot be read."""


@dataclass(frozen=True)
class Organisation:
    """Who publishes the fact-checks. `name` and `url` are None while unset; `origin` says where
    each value came from, for the shells to show ("environment", the file's path, "not set")."""

    name: str | None
    url: str | None
    path: Path  # the settings file (whether or not it exists)
    name_origin: str = "not set"
    url_origin: str = "not set"

    @property
    def is_set(self) -> bool:
        return bool(self.name and self.url)

    def as_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "url": self.url}


def config_path(database_url: str) -> Path:
    """The settings file of the store at `database_url` (see the module doc)."""
    explicit = os.environ.get("VERIFIER_CONFIG")
    if explicit and explicit.strip():
        return Path(explicit).expanduser()
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).expanduser().parent / CONFIG_FILE
    return Path.cwd() / CONFIG_FILE


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def check_http_url(url: str, what: str) -> str:
    """An absolute http(s) URL with a host, without spaces, control characters or a fragment
    (verifier adds `#claim-ID` to it); returned stripped."""
    url = (url or "").strip()
    if not url:
        raise SettingsError(f"{what} is empty")
    if len(url) > URL_MAX:
        raise SettingsError(f"{what} is longer than {URL_MAX} characters")
    if _has_control(url) or any(ch.isspace() for ch in url):
        raise SettingsError(f"{what} {url!r} contains spaces or control characters")
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise SettingsError(f"{what} {url!r} is not a URL: {exc}") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise SettingsError(f"{what} {url!r} must be an http(s) URL with a host, such as "
                            "https://factcheck.example.org/")
    if parts.fragment or url.endswith("#"):
        raise SettingsError(f"{what} {url!r} must not have a #fragment: reviews are linked as "
                            "URL#claim-ID")
    return url


def check_name(name: str, what: str = "the organisation's name") -> str:
    """A name on one line (runs of white space made one space), not empty, not too long,
    without control characters."""
    name = " ".join((name or "").split())
    if not name:
        raise SettingsError(f"{what} is empty")
    if len(name) > NAME_MAX:
        raise SettingsError(f"{what} is longer than {NAME_MAX} characters")
    if _has_control(name):
        raise SettingsError(f"{what} contains control characters")
    return name


def check_organisation(name: str, url: str) -> tuple[str, str]:
    """The organisation's name and URL as they will be stored, or SettingsError."""
    return check_name(name), check_http_url(url, "the organisation's URL")


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read it ({exc.strerror})") from None


def read_organisation(database_url: str) -> Organisation:
    """The organisation for the store at `database_url`: the environment's values, else the
    settings file's. A value in the file that `check_organisation` would refuse is refused here
    too (SettingsError naming the file), rather than published."""
    path = config_path(database_url)
    table = _read_file(path).get("organisation") or {}
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [organisation] must be a table")
    name, url = table.get("name"), table.get("url")
    name_origin = url_origin = "not set"
    if name is not None or url is not None:
        if not isinstance(name, str) or not isinstance(url, str):
            raise SettingsError(f"{path}: [organisation] needs both name and url, as strings")
        try:
            name, url = check_organisation(name, url)
        except SettingsError as exc:
            raise SettingsError(f"{path}: {exc}") from None
        name_origin = url_origin = str(path)
    env = get_settings()
    if env.organisation:
        name = check_name(env.organisation, "VERIFIER_ORGANISATION")
        name_origin = "VERIFIER_ORGANISATION"
    if env.organisation_url:
        url = check_http_url(env.organisation_url, "VERIFIER_ORGANISATION_URL")
        url_origin = "VERIFIER_ORGANISATION_URL"
    return Organisation(name=name, url=url, path=path, name_origin=name_origin,
                        url_origin=url_origin)


def _toml_string(value: str) -> str:
    """A TOML basic string. JSON's string syntax is TOML's for text without control characters
    (which check_organisation refuses) other than those JSON escapes as \\uXXXX or \\n."""
    import json

    if "\x7f" in value:
        raise SettingsError("control characters cannot be stored")
    return json.dumps(value, ensure_ascii=False)


def _toml_key(key: str) -> str:
    return key if key and all(ch.isascii() and (ch.isalnum() or ch in "_-") for ch in key) \
        else _toml_string(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    raise SettingsError(f"cannot rewrite a value of type {type(value).__name__}: edit the file "
                        "by hand")


def _render(data: dict[str, Any]) -> str:
    """The settings as TOML: top-level scalars, then one table per key (scalars only), which is
    all verifier writes; anything else in the file is refused rather than lost."""
    lines = ["# verifier settings (docs/decisions.md §26); `verifier setup` rewrites this file."]
    tables = []
    for key, value in data.items():
        if isinstance(value, dict):
            tables.append((key, value))
        else:
            lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    for key, table in tables:
        lines.append("")
        lines.append(f"[{_toml_key(key)}]")
        for k, v in table.items():
            lines.append(f"{_toml_key(k)} = {_toml_value(v)}")
    return "\n".join(lines) + "\n"


def file_bytes(path: Path) -> bytes | None:
    """The settings file as it is now (None if there is none), to `restore` it later."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read it ({exc.strerror})") from None


def write_organisation(path: Path, name: str, url: str) -> None:
    """Store the organisation in the settings file at `path` (created if missing; other settings
    in it kept), atomically: a temporary file beside it, then a rename."""
    name, url = check_organisation(name, url)
    data = _read_file(path)
    data["organisation"] = {**(data.get("organisation") or {}), "name": name, "url": url}
    text = _render(data)
    if tomllib.loads(text) != data:  # pragma: no cover - a value _render cannot represent
        raise SettingsError(f"{path}: could not write the settings faithfully")
    _replace(path, text.encode("utf-8"))


def restore(path: Path, previous: bytes | None) -> None:
    """Put back the file as `file_bytes` read it (remove it if there was none)."""
    if previous is None:
        path.unlink(missing_ok=True)
    else:
        _replace(path, previous)


def _replace(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise SettingsError(f"{path}: cannot write it ({exc.strerror})") from None
    finally:
        tmp.unlink(missing_ok=True)
