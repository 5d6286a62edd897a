"""`verifier tokens create|list|revoke`: per-user tokens for VERIFIER_TOKEN and the HTTP API.
Registered in cli/main.py with `app.add_typer(tokens_app, name="tokens")`.

A token is made by its own user, who types their password (never with another token); it is
printed once, on standard output alone, and only its SHA-256 is stored. Exit codes: 0 done,
2 bad input or a refusal (one line on stderr, nothing changed)."""
from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from verifier import services
from verifier.cli.auth import AsOpt, PasswordStdinOpt, authenticate
from verifier.cli.common import DbOpt, Fmt, exit_codes, owner

tokens_app = typer.Typer(
    help="Per-user tokens (VERIFIER_TOKEN for the CLI, and the HTTP API): make one, list them, "
         "revoke one.", no_args_is_help=True, add_completion=False)

refusals_exit_2 = exit_codes((ValueError, services.PermissionDenied, services.SchemaError,
                              OSError))


class ScopeOpt(StrEnum):
    check = "check"
    review = "review"
    audit = "audit"
    admin = "admin"


@tokens_app.command("create")
@refusals_exit_2
def create(
    name: Annotated[str, typer.Argument(help="Your user name: the token acts as you.")],
    scope: Annotated[ScopeOpt, typer.Option("--scope", help="What the token may change: check (check and store documents), review (also verdicts and notes), audit (exports), admin (everything your role may). Any scope reads what your role may read.")],
    days: Annotated[int, typer.Option("--days", help=f"Days until it expires (1 to {services.tokens.MAX_DAYS}).")] = 90,
    label: Annotated[str | None, typer.Option("--label", help="What it is for (shown in `verifier tokens list`).")] = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Make a token of yours, after your password (from standard input with --password-stdin,
    else prompted for); prints it once on standard output, and what it is on stderr."""
    me = authenticate(name, password_stdin, what="tokens create", db=db, token_ok=False)
    made = services.tokens.create_token(me, name, scope.value, days=days, label=label, db=db)
    typer.echo(made.secret)
    info = made.info
    typer.echo(f"token {info.id} of {info.user}, scope {info.scope}, expires "
               f"{info.expires_at:%Y-%m-%d %H:%M} UTC: shown once, keep it now "
               "(export VERIFIER_TOKEN=...)", err=True)


@tokens_app.command("list")
@refusals_exit_2
def list_cmd(
    user: Annotated[str | None, typer.Option("--user", help="Only this user's tokens.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="table or json.")] = Fmt.table,
    db: DbOpt = None,
) -> None:
    """List tokens (never their secrets): id, user, scope, state, expiry, label."""
    rows = services.tokens.list_tokens(owner(), user=user, db=db)
    if fmt is Fmt.json:
        typer.echo(json.dumps([{"id": t.id, "user": t.user, "scope": t.scope, "state": t.state,
                                "label": t.label, "prefix": t.prefix,
                                "created_at": t.created_at.isoformat(),
                                "created_by": t.created_by,
                                "expires_at": t.expires_at.isoformat(),
                                "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
                                "revoked_by": t.revoked_by} for t in rows], indent=1))
        return
    if not rows:
        typer.echo("no tokens")
    for t in rows:
        typer.echo(f"{t.id:>5} {t.user:16} {t.scope:7} {t.state:8} {t.prefix}…  "
                   f"expires {t.expires_at:%Y-%m-%d}  {t.label or ''}".rstrip())


@tokens_app.command("revoke")
@refusals_exit_2
def revoke(
    token_id: Annotated[int, typer.Argument(help="The token's id (see `verifier tokens list`).")],
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Revoke a token at once, as its user or an admin (authenticated); audited."""
    who = authenticate(as_name, password_stdin, what="tokens revoke", db=db)
    info = services.tokens.revoke_token(who, token_id, db=db)
    typer.echo(f"token {info.id} of {info.user} is revoked")
