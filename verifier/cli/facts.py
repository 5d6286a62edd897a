"""`verifier facts ...`: import knowledge-base packs and list stored facts. The commands only
parse options and call verifier.services (registered in cli/main.py with
`app.add_typer(facts_app, name="facts")`).

Exit codes: 0 fine; 2 bad input (one line on stderr, nothing stored)."""
from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from verifier import services
from verifier.cli.auth import AsOpt, PasswordStdinOpt, acting, store_has_users
from verifier.cli.common import DbOpt, owner
from verifier.cli.common import fail as _fail

facts_app = typer.Typer(
    help="The facts knowledge base: import packs (YAML or CSV files of dated facts with their "
         "sources and aliases) and list what is stored.",
    no_args_is_help=True,
    add_completion=False,
)



class ListFormat(StrEnum):
    table = "table"
    json = "json"




@facts_app.command("import")
def import_cmd(
    files: Annotated[list[Path], typer.Argument(help="Pack files (.yaml, .yml or .csv); see docs/facts-packs.md.")],
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Validate packs, then store them, each replacing the facts of the pack with the same name,
    as an authenticated admin (VERIFIER_TOKEN of scope admin, or --password-stdin) once the
    store has users. Prints one line per pack (name, facts stored). If any pack is bad, nothing
    is stored."""
    who = acting(as_name, password_stdin, what="facts import", db=db,
                 owner_ok=not store_has_users(db))
    try:
        results = services.sources.import_packs(who, list(files), db=db)
    except (services.PackError, services.PermissionDenied) as exc:
        _fail(str(exc))
    for r in results:
        replaced = f" (replaced {r.replaced})" if r.replaced else ""
        typer.echo(f"{r.pack}\t{r.facts} facts stored{replaced}\t{r.source}")


@facts_app.command("list")
def list_cmd(
    pack: Annotated[str | None, typer.Option("--pack", help="Only the facts of this pack.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="table or json.")] = ListFormat.table,
    db: DbOpt = None,
) -> None:
    """List stored facts: pack, predicate, subject, object, validity, source."""
    facts = services.sources.facts(owner(), pack=pack, db=db)
    if fmt is ListFormat.json:
        rows = [{"id": f.id, "pack": f.pack, "subject": f.subject, "predicate": f.predicate,
                 "object": f.object or None, "valid_from": f.valid_from, "valid_to": f.valid_to,
                 "source_title": f.source_title, "source_url": f.source_url,
                 "extra": f.extra, "aliases": f.aliases} for f in facts]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        return
    if not facts:
        typer.echo("no facts stored")
        return
    for f in facts:
        of = (f.extra or {}).get("of")
        obj = f"{f.object} of {of}" if of else (f.object or "-")
        typer.echo(f"{f.id}\t{f.pack}\t{f.predicate}\t{f.subject}\t{obj}\t"
                   f"{f.valid_from or '-'}..{f.valid_to or '-'}\t{f.source_url or '-'}")
