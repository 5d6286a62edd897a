"""Who a CLI command acts as (docs/decisions.md §23).

A command that signs a verdict or changes users, tokens, sources, facts packs or precedents (or
exports, an act the audit log attributes to a person) acts as a user of the store, who proves it
with one of:

- `VERIFIER_TOKEN`: a token of that user (`verifier tokens create NAME --scope ...`) whose
  scope covers the command (the services check the scope and the user's role as stored now);
- `--password-stdin`: the user's password on the first line of standard input; on a terminal,
  the password is prompted for without echo (also when neither is given).

`--as NAME` names the user (default: the token's user, else your operating-system login name).
Without credentials, a command acts as the *store owner* (the operating-system user) where the
services let it: reading, checking and storing articles and drafts, re-checking; anything while
the store has no user yet (bootstrap); adding users while it has no admin. Wrong or missing
credentials: one line on stderr, exit 2, nothing changed."""
from __future__ import annotations

import getpass
import os
import sys
from typing import Annotated

import typer

from verifier import services
from verifier.cli.common import fail, owner

TOKEN_ENV = "VERIFIER_TOKEN"

AsOpt = Annotated[str | None, typer.Option(
    "--as", help="Act as this user of the store (default: the user of VERIFIER_TOKEN, else your "
                 "operating-system login name); prove it with VERIFIER_TOKEN or --password-stdin.")]
PasswordStdinOpt = Annotated[bool, typer.Option(
    "--password-stdin", help="Read the acting user's password from the first line of standard "
                             "input (on a terminal: prompted for, without echo). Never give a "
                             "password as an argument.")]


def token_from_env() -> str | None:
    value = os.environ.get(TOKEN_ENV, "").strip()
    return value or None


def read_secret(prompt: str) -> str:
    """A secret from standard input: prompted for without echo on a terminal, else its next
    line (without the line end)."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def read_new_password(name: str) -> str:
    """A new password for `name`: the next line of standard input, or on a terminal prompted
    for twice without echo."""
    first = read_secret(f"new password for {name}: ")
    if not first:
        fail("standard input gave an empty password")
    if sys.stdin.isatty() and getpass.getpass(f"new password for {name}, again: ") != first:
        fail("the two passwords differ: nothing changed")
    return first


def _hint(what: str) -> str:
    return (f"{what} needs you to authenticate as a user of this store: set {TOKEN_ENV} to one "
            "of your tokens (`verifier tokens create NAME --scope ...`), or pass "
            "--password-stdin (with --as NAME)")


def authenticate(as_name: str | None, password_stdin: bool, *, what: str, db: str | None,
                 token_ok: bool = True) -> services.Principal:
    """The user the command acts as, authenticated (see the module doc); fails with exit 2."""
    token = token_from_env() if token_ok else None
    if token is not None and not password_stdin:
        try:
            principal = services.tokens.principal_for_token(token, channel="cli", db=db)
        except services.PermissionDenied as exc:
            fail(f"{TOKEN_ENV}: {exc}")
        if as_name is not None and as_name != principal.name:
            fail(f"{TOKEN_ENV} is a token of {principal.name}, not of {as_name}: to act as "
                 f"{as_name}, use a token of theirs or --password-stdin")
        return principal
    name = as_name or services.os_user()
    if not password_stdin and not sys.stdin.isatty():
        fail(_hint(what))
    password = read_secret(f"password for {name}: ")
    if not password:
        fail(f"{what}: standard input gave an empty password for {name}")
    try:
        principal_or_none = services.users.sign_in(name, password, channel="cli", db=db)
    except PermissionError as exc:  # too many failures in this process
        fail(str(exc))
    if principal_or_none is None:
        fail(f"{what}: wrong password for {name}, or no active user of that name")
    assert principal_or_none is not None
    return principal_or_none


def credentials_given(as_name: str | None, password_stdin: bool) -> bool:
    return as_name is not None or password_stdin or token_from_env() is not None


def acting(as_name: str | None, password_stdin: bool, *, what: str, db: str | None,
           owner_ok: bool) -> services.Principal:
    """The authenticated user when credentials are given or the store owner may not do `what`
    (`owner_ok`); else the store owner."""
    if credentials_given(as_name, password_stdin) or not owner_ok:
        return authenticate(as_name, password_stdin, what=what, db=db)
    return owner()


def store_has_users(db: str | None) -> bool:
    """Until the store has a user, the store owner may do what an admin may (bootstrap)."""
    return services.users.has_users(db=db)
