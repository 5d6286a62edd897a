"""CLI commands for review, users, the audit log and exports. The lead registers them with

    from verifier.cli.review import audit_app, register, users_app
    register(app)
    app.add_typer(users_app, name="users")
    app.add_typer(audit_app, name="audit")

Exit codes: 0 done; 1 `audit verify` found the log broken; 2 bad input or a refusal (unknown
verdict, unknown user, a role that may not do this, a change that would leave no active admin);
3 `review` conflict (the claim changed since the version given: read it again and retry).

`review`, user management and exports act as a user of the store, authenticated with
VERIFIER_TOKEN or --password-stdin (verifier.cli.auth); listing claims and users and reading
the audit log act as the store owner (the operating-system user), who may read the store."""
from __future__ import annotations

import json
import sys
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from verifier import services
from verifier.cli.auth import (
    AsOpt,
    PasswordStdinOpt,
    acting,
    authenticate,
    read_new_password,
    store_has_users,
    token_from_env,
)
from verifier.cli.common import DbOpt, Fmt, exit_codes, fail, owner

REFUSALS = (ValueError, services.PermissionDenied, services.SchemaError, services.BrowserMissing,
            OSError)
CONFLICT_EXIT = 3

users_app = typer.Typer(help="Manage the people who review, edit and audit, and their roles.",
                        no_args_is_help=True, add_completion=False)
audit_app = typer.Typer(help="Check and read the append-only audit log.", no_args_is_help=True,
                        add_completion=False)

# Bad input and refusals: one line on stderr, exit 2; a review conflict: exit 3.
refusals_exit_2 = exit_codes(
    REFUSALS, conflicts=(services.ReviewConflict,), conflict_code=CONFLICT_EXIT,
    conflict_hint="; nothing saved: look at the claim again (`verifier claims`) and retry")



class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    json = "json"
    jsonld = "jsonld"
    html = "html"
    pdf = "pdf"


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from None


def _owner() -> services.Principal:
    return owner()


def _as_user(as_name: str | None, password_stdin: bool, what: str,
             db: str | None) -> services.Principal:
    """A command that changes users or exports: an authenticated user, or the store owner while
    the store has no user."""
    return acting(as_name, password_stdin, what=what, db=db, owner_ok=not store_has_users(db))


def _short(text: str | None, n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


# --- review, claims, export ------------------------------------------------------------------


def review_cmd(
    claim_id: Annotated[int, typer.Argument(help="Claim id (see `verifier claims`).")],
    verdict: Annotated[str | None, typer.Option("--verdict", help="One of: " + ", ".join(services.VERDICTS) + " (case ignored).")] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note for the record (alone: a note without verdict change).")] = None,
    as_name: AsOpt = None,
    expect_version: Annotated[int | None, typer.Option("--expect-version", help="Save only if the claim is still at this version (as shown by `verifier claims`); default: its current version.")] = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Mark a claim's verdict and/or add a note as an authenticated fact-checker or admin
    (VERIFIER_TOKEN of scope review, or --password-stdin); audited. Exit 3 on a conflict."""
    reviewer = authenticate(as_name, password_stdin, what="review", db=db)
    saved = services.review.record_verdict(reviewer, claim_id, verdict=verdict, note=note,
                                           seen_version=expect_version, db=db)
    typer.echo(f"claim {saved.id}: {saved.verdict or '(no verdict)'} by {reviewer.name}, "
               f"version {saved.version}")


def claims_cmd(
    document: Annotated[int | None, typer.Option("--document", help="Only this document's claims.")] = None,
    status: Annotated[str | None, typer.Option("--status", help="unreviewed or reviewed.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="quote, temporal or factual.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="table or json (one object per line).")] = Fmt.table,
    db: DbOpt = None,
) -> None:
    """List stored claims with their version, finding and verdict."""
    claims = services.review.list_claims(_owner(), document_id=document, status=status,
                                         kind=kind, db=db)
    for c in claims:
        if fmt is Fmt.json:
            typer.echo(json.dumps(c, ensure_ascii=False, default=str))
            continue
        typer.echo(f"{c['id']:>6} v{c['version']:<3} doc {c['document_id']:<4} {c['kind']:9} "
                   f"{c['finding'] or '-':13} {c['verdict'] or '-':13} "
                   f"{c['reviewed_by'] or '-':12} {_short(c['text'], 70)}")
    if not claims and fmt is Fmt.table:
        typer.echo("no claims match")


def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv, xlsx, json, jsonld (schema.org ClaimReview), html or pdf.")],
    out: Annotated[Path | None, typer.Option("--out", help="Output file (default: standard output; required for xlsx and pdf).")] = None,
    document: Annotated[int | None, typer.Option("--document", help="Only this document's claims.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Reviewed on or after this date (YYYY-MM-DD, UTC).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Reviewed on or before this date (YYYY-MM-DD, UTC).")] = None,
    status: Annotated[str | None, typer.Option("--status", help="unreviewed or reviewed.")] = None,
    verdict: Annotated[str | None, typer.Option("--verdict", help="Only claims with this verdict.")] = None,
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="Only claims reviewed by this user.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="quote, temporal or factual.")] = None,
    base_url: Annotated[str | None, typer.Option("--base-url", help="Where the report is published, an http(s) URL (ClaimReview url = BASE#claim-ID); default: the organisation's URL (verifier setup).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the --out file if it exists (never the database itself).")] = False,
    job: Annotated[bool, typer.Option("--job", help="Export as a job for `verifier worker` (PostgreSQL; on SQLite it runs here). Automatic above 10,000 claims on PostgreSQL.")] = False,
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Export claims, verdicts and evidence as an authenticated auditor or admin (VERIFIER_TOKEN
    of scope audit, or --password-stdin); the export carries the audit head and is audited.
    With --out, an export of more than 10,000 claims on PostgreSQL (or any, with --job) is a
    job for the workers: its id is printed, and `verifier jobs show ID` gives the file."""
    fmt_name = fmt.value
    filters = services.ExportFilters(document_id=document, since=_date(since, "--since"),
                            until=_date(until, "--until"), status=status, verdict=verdict,
                            reviewer=reviewer, kind=kind)
    if out is None and fmt_name in ("xlsx", "pdf"):
        fail(f"--format {fmt_name} writes a binary file: give --out FILE")
    who = _as_user(as_name, password_stdin, "export", db)
    if out is not None and (job or services.jobs.export_runs_as_job(who, filters, db=db)):
        queued = services.jobs.enqueue(who, "export", {
            "format": fmt_name, "path": str(out), "force": force, "filters": filters.as_dict(),
            "base_url": base_url}, db=db)
        typer.echo(f"job {queued.id}: export {queued.status}"
                   + (f" ({queued.error})" if queued.error else "")
                   + (f", {queued.result['rows']} rows to {out}" if queued.result else ""),
                   err=True)
        raise typer.Exit(2 if queued.status == "failed" else 0)
    if out is None:
        result = services.exports.export(who, fmt_name, sys.stdout.buffer, filters=filters,
                                         base_url=base_url, db=db)
    else:
        result = services.exports.export_to_path(who, fmt_name, out, filters=filters,
                                                 base_url=base_url, force=force, db=db)
    typer.echo(f"exported {result.rows} rows as {fmt_name}"
               f"{f' to {out}' if out else ''}; audit head #{result.head_seq} "
               f"{result.head_hash[:16]}…; sha256 {result.sha256}", err=True)


def register(app: typer.Typer) -> None:
    """Add the top-level commands `review`, `claims` and `export` to `app`."""
    app.command("review")(refusals_exit_2(review_cmd))
    app.command("claims")(refusals_exit_2(claims_cmd))
    app.command("export")(refusals_exit_2(export_cmd))


# --- users -----------------------------------------------------------------------------------


@users_app.command("add")
@refusals_exit_2
def users_add(
    name: Annotated[str, typer.Argument(help="User name (letters, digits, . _ @ + -).")],
    role: Annotated[str, typer.Option("--role", help="fact-checker, editor, auditor or admin.")],
    email: Annotated[str | None, typer.Option("--email", help="E-mail address.")] = None,
    new_password_stdin: Annotated[bool, typer.Option("--new-password-stdin", help="Read the new user's password (for the browser and the CLI) from standard input: its next line, after yours with --password-stdin (on a terminal: prompted for twice, without echo).")] = False,
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Add a user with a role, as an authenticated admin; audited. While the store has no
    admin, no credentials are needed: that is how the first admin is added, with
    --new-password-stdin (or --email for single sign-on)."""
    if services.users.has_admin(db=db):
        who = acting(as_name, password_stdin, what="users add", db=db, owner_ok=False)
    elif password_stdin:
        fail("the store has no admin yet, so nobody can authenticate as one: add the first admin "
             "without --password-stdin (`verifier users add NAME --role admin "
             "--new-password-stdin`, its password on standard input)")
    else:
        who = acting(as_name, password_stdin, what="users add", db=db, owner_ok=True)
    if who.is_store_owner and role == "admin" and not new_password_stdin and email is None:
        fail(f"{name} would be an admin nobody can act as: give a password "
             "(--new-password-stdin) or an e-mail address for single sign-on (--email)")
    password = read_new_password(name) if new_password_stdin else None
    user = services.users.add_user(who, name, role, email=email, password=password, db=db)
    typer.echo(f"added {user.name} ({user.role})")


@users_app.command("password")
@refusals_exit_2
def users_password(
    name: Annotated[str, typer.Argument(help="An existing user.")],
    as_name: Annotated[str | None, typer.Option("--as", help="Act as this user (default: NAME, changing their own password; an admin resets someone else's).")] = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Set or reset a user's password (for the browser and the CLI); audited without the
    password. The acting user (NAME themself, or an admin with --as) authenticates first
    (VERIFIER_TOKEN of scope admin, or their password); the new password is the next line of
    standard input (on a terminal: prompted for twice, without echo)."""
    if not store_has_users(db):
        fail(f"no user named {name!r}")
    who = authenticate(as_name or (None if token_from_env() else name), password_stdin,
                       what="users password", db=db)
    services.users.set_password(who, name, read_new_password(name), db=db)
    typer.echo(f"password of {name} set")


@users_app.command("list")
@refusals_exit_2
def users_list(
    fmt: Annotated[Fmt, typer.Option("--format", help="table or json.")] = Fmt.table,
    db: DbOpt = None,
) -> None:
    """List users and their roles."""
    rows = services.users.list_users(_owner(), db=db)
    if fmt is Fmt.json:
        typer.echo(json.dumps([{"name": u.name, "role": u.role, "email": u.email,
                                "active": u.active, "password": u.password_hash is not None,
                                "created_at": u.created_at.isoformat()} for u in rows], indent=1))
        return
    if not rows:
        typer.echo("no users: add one with `verifier users add NAME --role fact-checker`")
    for u in rows:
        flags = "" if u.active else " (inactive)"
        typer.echo(f"{u.name:20} {u.role:13} {u.email or '-':30}{flags}")


@users_app.command("role")
@refusals_exit_2
def users_role(
    name: Annotated[str, typer.Argument(help="An existing user.")],
    role: Annotated[str, typer.Argument(help="fact-checker, editor, auditor or admin.")],
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Change a user's role, as an authenticated admin; audited. Refused when it would leave no
    active admin."""
    user = services.users.set_role(_as_user(as_name, password_stdin, "users role", db), name, role, db=db)
    typer.echo(f"{user.name} is now {user.role}")


@users_app.command("deactivate")
@refusals_exit_2
def users_deactivate(
    name: Annotated[str, typer.Argument(help="An existing user.")],
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Deactivate a user, as an authenticated admin: they can no longer sign in, review nor use
    their tokens; audited. Refused for the last active admin."""
    user = services.users.set_active(_as_user(as_name, password_stdin, "users deactivate", db), name, False, db=db)
    typer.echo(f"{user.name} is now inactive")


@users_app.command("activate")
@refusals_exit_2
def users_activate(
    name: Annotated[str, typer.Argument(help="An existing user.")],
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Reactivate a deactivated user, as an authenticated admin; audited."""
    user = services.users.set_active(_as_user(as_name, password_stdin, "users activate", db), name, True, db=db)
    typer.echo(f"{user.name} is active")


# --- audit -----------------------------------------------------------------------------------


@audit_app.command("verify")
@refusals_exit_2
def audit_verify(
    expect_head: Annotated[list[str] | None, typer.Option("--expect-head", help="SEQ:HASH of the audit head an export recorded; repeatable. Fails if that event is gone or changed.")] = None,
    db: DbOpt = None,
) -> None:
    """Recompute the hash chain and replay the review events against the stored verdicts;
    exit 1 naming the first broken event or each disagreement, 0 when intact."""
    heads: list[tuple[int, str]] = []
    for item in expect_head or []:
        seq, _, digest = item.partition(":")
        if not seq.strip().isdigit() or len(digest.strip()) != 64:
            raise ValueError(f"--expect-head {item!r}: expected SEQ:HASH (a number and 64 hex digits)")
        heads.append((int(seq), digest))
    checked = services.audit.verify(_owner(), expect_heads=heads, db=db)
    rep, problems = checked.report, checked.problems
    if checked.ok:
        typer.echo(f"audit log intact: {rep.events} events, head #{rep.head_seq} {rep.head_hash}")
        typer.echo("stored verdicts and notes agree with the log")
        for n, _ in heads:
            typer.echo(f"recorded head #{n}: unchanged")
        return
    for p in problems:
        typer.echo(f"audit log REWRITTEN: {p}", err=True)
    for d in checked.disagreements:
        typer.echo(f"DATA DISAGREES WITH THE LOG: {d}", err=True)
    if rep.ok:
        raise typer.Exit(1)
    typer.echo(f"audit log BROKEN at event {rep.broken_seq}: {rep.problem}", err=True)
    typer.echo(f"last good event: #{rep.head_seq} {rep.head_hash}", err=True)
    raise typer.Exit(1)


@audit_app.command("head")
@refusals_exit_2
def audit_head(db: DbOpt = None) -> None:
    """Print the head of the audit log as SEQ:HASH; keep it outside the database, then
    `verifier audit verify --expect-head SEQ:HASH` shows whether events up to it were changed
    or removed (VERIFIER_AUDIT_HEAD_FILE records it after every change: docs/audit.md)."""
    seq, digest = services.audit.head(_owner(), db=db)
    typer.echo(f"{seq}:{digest}")


@audit_app.command("log")
@refusals_exit_2
def audit_log(
    claim: Annotated[int | None, typer.Option("--claim", help="Only this claim's history.")] = None,
    document: Annotated[int | None, typer.Option("--document", help="Only this document and its claims.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="table or json (one event per line).")] = Fmt.table,
    db: DbOpt = None,
) -> None:
    """Print the history: when, who (the user, and the channel and operating-system user the
    change came through), action, old -> new."""
    events = services.audit.events(_owner(), claim_id=claim, document_id=document, db=db)
    for ev in events:
        if fmt is Fmt.json:
            typer.echo(json.dumps(ev, ensure_ascii=False, default=str))
            continue
        target = (f"claim {ev['claim_id']}" if ev["claim_id"] is not None else
                  f"doc {ev['document_id']}" if ev["document_id"] is not None else "-")
        ts = datetime.fromisoformat(ev["ts"]).strftime("%Y-%m-%d %H:%M:%S")
        via = f"{ev['channel'] or '-'}/{ev['os_user']}" if ev["os_user"] else "-"
        typer.echo(f"{ev['seq']:>6} {ts} {ev['actor']:14} {via:14} {ev['action']:8} "
                   f"{target:12} {services.audit.describe_change(ev['old'], ev['new'])}")
    if not events and fmt is Fmt.table:
        typer.echo("no events")
