"""`verifier facts ...`: import knowledge-base packs and list stored facts. The commands only
parse options and call verifier.services (registered in cli/main.py with
`app.add_typer(facts_app, name="facts")`).

Exit codes: 0 fine; 2 bad input (one line on stderr, nothing stored)."""
from __future__ import annotations

import json
from datetime import date
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
    files: Annotated[list[Path] | None, typer.Argument(
        help="Pack files (.yaml, .yml, .csv, or a Wikidata SPARQL JSON result or JSON dump); "
             "see docs/facts-packs.md.")] = None,
    bundled: Annotated[list[str] | None, typer.Option(
        "--bundled", help="A pack that comes with verifier (NAME, or 'all'); repeatable. "
                          "`verifier facts bundled` lists them.")] = None,
    retrieved: Annotated[str | None, typer.Option(
        "--retrieved", help="The day the Wikidata files were downloaded (YYYY-MM-DD), kept "
                            "with each of their facts.")] = None,
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Validate packs, then store them, each replacing the facts of the pack with the same name,
    as an authenticated admin (VERIFIER_TOKEN of scope admin, or --password-stdin) once the
    store has users. Prints one line per pack (name, facts stored, build date). If any pack is
    bad, nothing is stored."""
    if not files and not bundled:
        _fail("give pack files, or --bundled NAME (or --bundled all)")
    try:
        day = date.fromisoformat(retrieved) if retrieved else None
    except ValueError:
        _fail(f"--retrieved {retrieved!r} is not a date (YYYY-MM-DD)")
    who = acting(as_name, password_stdin, what="facts import", db=db,
                 owner_ok=not store_has_users(db))
    try:
        results = []
        if bundled:
            results += services.sources.import_bundled(who, list(bundled), db=db)
        if files:
            results += services.sources.import_packs(who, list(files), retrieved=day, db=db)
    except (services.PackError, services.PermissionDenied) as exc:
        _fail(str(exc))
    built = {p["pack"]: p for p in services.sources.loaded_packs(who, db=db)}
    for r in results:
        replaced = f" (replaced {r.replaced})" if r.replaced else ""
        info = built.get(r.pack) or {}
        when = f"\tbuilt {info['built']}" if info.get("built") else ""
        typer.echo(f"{r.pack}\t{r.facts} facts stored{replaced}{when}\t{r.source}")


@facts_app.command("bundled")
def bundled_cmd() -> None:
    """List the packs that come with verifier: name, facts, build date, last day covered,
    licence, description."""
    for p in services.sources.bundled_packs(owner()):
        typer.echo(f"{p['pack']}\t{p['facts']} facts\tbuilt {p['built']}\tcovers to "
                   f"{p['covered until']}\t{p['licence']}\t{p['description']}")


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
