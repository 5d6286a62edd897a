"""`verifier align` and `verifier precedents import|search`. Registered by verifier/cli/main.py:

    from verifier.cli import match as cli_match
    cli_match.register(app)
    app.add_typer(cli_match.precedents_app, name="precedents")
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from verifier import services
from verifier.cli.auth import AsOpt, PasswordStdinOpt, acting, store_has_users
from verifier.cli.common import DbOpt, owner
from verifier.cli.common import fail as _fail


def _read(path: Path) -> str:
    try:
        return services.read_text(path)
    except OSError as exc:
        _fail(str(exc))
    return ""


def _line(ident: object, quote: str, source: str) -> str:
    al = services.align(quote, source).to_json()
    al.pop("parts")  # the `align` contract: id, class, score, source span, diff, note, speaker
    return json.dumps({"id": ident, **al}, ensure_ascii=False)


def align(
    quote: Annotated[str | None, typer.Argument(help="The quote to look for.")] = None,
    source: Annotated[Path | None, typer.Option("--source", help="Source file (text, HTML, PDF, DOCX).")] = None,
    batch: Annotated[Path | None, typer.Option("--batch", help="JSON lines {id, quote, source_path}.")] = None,
) -> None:
    """Align quotes with their source: prints JSON lines {id, class, score, source_start,
    source_end, diff}; class is verbatim, minor, altered, spliced, truncated, translated or
    not_found."""
    if batch is not None:
        cache: dict[str, str] = {}
        try:
            lines = batch.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"{batch}: cannot read ({exc})")
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                q, sp = obj["quote"], obj["source_path"]
            except (json.JSONDecodeError, KeyError, TypeError):
                _fail(f"{batch}: line {n} is not a JSON object with quote and source_path")
            path = Path(sp) if Path(sp).is_absolute() else batch.parent / sp
            if str(path) not in cache:
                cache[str(path)] = _read(path)
            typer.echo(_line(obj.get("id", n), q, cache[str(path)]))
        return
    if quote is None or source is None:
        _fail("give --source FILE and a QUOTE, or --batch PAIRS.jsonl")
    assert quote is not None and source is not None
    typer.echo(_line(1, quote, _read(source)))


precedents_app = typer.Typer(help="Earlier fact-checks: import lists and ClaimReview feeds, "
                                  "search them.", no_args_is_help=True, add_completion=False)



@precedents_app.command("import")
def precedents_import(
    file: Annotated[str, typer.Argument(metavar="FILE_OR_URL", help="TSV/CSV (id, claim, title, verdict, url, date); ClaimReview JSON-LD or a schema.org DataFeed; Fact Check Tools API responses (JSON, or pages as JSON lines); a saved fact-check page (HTML file or http(s) URL).")],
    collection: Annotated[str | None, typer.Option("--collection", help="Collection name (default: the file name, or the URL's host); re-importing a TSV/CSV list replaces it, ClaimReview is merged by review URL.")] = None,
    embed: Annotated[bool, typer.Option("--embed/--no-embed", help="Compute the sentence vectors of the imported claims now (with the semantic extra; cached), so that searches only embed their query.")] = True,
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Import earlier fact-checks into the store, as an authenticated admin (VERIFIER_TOKEN of
    scope admin, or --password-stdin) once the store has users. Prints "N imported, M already
    known"; exit 2, nothing stored, on a file that cannot be imported."""
    who = acting(as_name, password_stdin, what="precedents import", db=db,
                 owner_ok=not store_has_users(db))
    try:
        res = services.sources.import_precedents(who, file, collection=collection,
                                                 embed=embed, db=db)
    except (services.PrecedentError, services.PermissionDenied, ValueError, OSError) as exc:
        _fail(str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__)
    typer.echo(f"imported {res.imported} precedents into {res.collection} ({res.summary()})")
    if res.embedded is not None:
        typer.echo(f"sentence vectors ready for {res.embedded} texts")


@precedents_app.command("search")
def precedents_search(
    queries: Annotated[Path | None, typer.Option("--queries", help="TSV of queries: id<TAB>text.")] = None,
    text: Annotated[str | None, typer.Argument(help="One query (instead of --queries).")] = None,
    top: Annotated[int, typer.Option("--top", help="Results per query.")] = 5,
    fmt: Annotated[str, typer.Option("--format", help="trec or json.")] = "trec",
    tag: Annotated[str, typer.Option("--tag", help="Run tag of TREC lines.")] = "verifier",
    db: DbOpt = None,
) -> None:
    """Search earlier fact-checks; prints TREC run lines `qid Q0 docid rank score tag`."""
    if fmt not in ("trec", "json"):
        _fail("--format is trec or json")
    items: list[tuple[str, str]] = []
    if queries is not None:
        try:
            for n, line in enumerate(queries.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    qid, _, q = line.partition("\t")
                    if not q:
                        _fail(f"{queries}: line {n} is not id<TAB>text")
                    items.append((qid, q))
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"{queries}: cannot read ({exc})")
    elif text:
        items.append(("1", text))
    else:
        _fail("give --queries FILE.tsv or a query text")
    for qid, rank, h, evidence in services.sources.search_precedents(owner(), items, top=top,
                                                                     db=db):
        if fmt == "trec":
            typer.echo(f"{qid}\tQ0\t{h.docid}\t{rank}\t{h.score:.4f}\t{tag}")
        else:
            typer.echo(json.dumps({"qid": qid, "rank": rank, **evidence},
                                  ensure_ascii=False, default=str))


def register(app: typer.Typer) -> None:
    """Add `align` and `precedents` to the top-level app."""
    app.command("align")(align)
