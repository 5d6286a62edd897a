"""`verifier recheck`: check the stored articles and drafts again against the facts, sources and
earlier fact-checks the store holds now, updating their claims in place. Registered by
verifier/cli/main.py (`cli_recheck.register(app)`).

A progress bar goes to stderr when it is a terminal; a final line always does. Exit codes as
`check`: 1 when a re-checked document has a contradiction or an altered quote, 2 on bad input
(an unknown document, a bad date)."""
from __future__ import annotations

import json
import time
from typing import Annotated

import typer

from verifier import services
from verifier.cli.auth import AsOpt, PasswordStdinOpt, acting
from verifier.cli.common import DbOpt, Fmt, bad_input_exits_2, parse_date, progress_bar


def _table(report: services.RecheckReport) -> None:
    if not report.documents:
        typer.echo("no documents to re-check")
        return
    typer.echo(f"{'id':>5} {'kind':8} {'claims':>6} {'added':>5} {'updated':>7} {'moved':>5} "
               f"{'removed':>7} {'evidence changed':>16} {'contradicted':>12} "
               f"{'altered quotes':>14}  title")
    for d in report.documents:
        title = d.title if len(d.title) <= 60 else d.title[:57] + "..."
        typer.echo(f"{d.document_id:>5} {d.kind:8} {d.claims:>6} {d.added:>5} {d.updated:>7} "
                   f"{d.moved:>5} {d.removed:>7} {d.evidence_changed:>16} "
                   f"{d.contradictions:>12} {d.altered_quotes:>14}  {title}")
    changed = report.total("evidence_changed")
    typer.echo("")
    if changed:
        typer.echo(f"{changed} reviewed claims have new evidence or a new finding since their "
                   "verdict: see the desk (filter \"evidence changed\").")
    typer.echo(f"{report.contradictions} contradictions, {report.altered_quotes} altered quotes."
               if report.exit_code else "No contradiction or altered quote found.")


def recheck(
    document: Annotated[int | None, typer.Option("--document", help="Only this document (id from `verifier list`).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only documents stored or changed since this day, YYYY-MM-DD (UTC).")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="json or table.")] = Fmt.table,
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Check stored articles and drafts again against the current facts, sources and earlier
    fact-checks, and update their claims in place.

    Claims keep their ids; reviewed claims keep their verdict, and one whose finding or
    evidence changed is flagged "evidence changed since the verdict". Exits 1 when a document
    has a contradiction or an altered quote, 2 on bad input."""
    day = parse_date(since)
    who = acting(as_name, password_stdin, what="recheck", db=db, owner_ok=True)
    started = time.monotonic()
    with progress_bar("re-checking") as progress:
        report = services.recheck(who, document_id=document, since=day, progress=progress,
                                  db=db)
    if fmt is Fmt.json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        _table(report)
    n = len(report.documents)
    typer.echo(f"re-checked {n} document{'' if n == 1 else 's'} in "
               f"{time.monotonic() - started:.1f} s", err=True)
    raise typer.Exit(report.exit_code)


def register(app: typer.Typer) -> None:
    """Add `recheck` to the top-level app."""
    app.command("recheck")(bad_input_exits_2(recheck))
