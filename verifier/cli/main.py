"""The `verifier` command line. Each command parses its options, calls one service and prints;
the work, the permissions and the audit happen in verifier.services. Commands that change
users, tokens, sources, facts, precedents or verdicts, and exports, act as an authenticated user
(VERIFIER_TOKEN or --password-stdin: verifier.cli.auth); the others as the store owner, the
operating-system user (verifier.cli.common.owner).

Exit codes: 0 fine, 1 something was found wrong (a contradicted claim, an altered quote, a
broken audit chain), 2 bad input, usage or a refused action (a one-line error on stderr;
nothing stored is changed), 3 a review conflict (the claim changed since you read it)."""
from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer

from verifier import services
from verifier.claims import (
    CheckedClaim,
    Claim,
    FactualClaim,
    PrecedentEvidence,
    QuoteClaim,
    TemporalClaim,
    score_text,
)
from verifier.cli import api as cli_api
from verifier.cli import jobs as cli_jobs
from verifier.cli import match as cli_match
from verifier.cli import recheck as cli_recheck
from verifier.cli import review as cli_review
from verifier.cli import setup as cli_setup
from verifier.cli.auth import AsOpt, PasswordStdinOpt, acting, store_has_users
from verifier.cli.common import (
    DbOpt,
    Fmt,
    bad_input_exits_2,
    fail,
    one_line,
    owner,
    parse_date,
    progress_bar,
    store_errors_exit_2,
)
from verifier.cli.facts import facts_app
from verifier.cli.tokens import tokens_app

app = typer.Typer(
    help="verifier: find the quotes, dates and factual claims of an article, check them against "
         "reference sources, review them, and export the result.",
    no_args_is_help=True,
    add_completion=False,
)

app.add_typer(facts_app, name="facts")
app.add_typer(cli_match.precedents_app, name="precedents")
cli_match.register(app)
cli_review.register(app)
cli_recheck.register(app)
cli_setup.register(app)
cli_api.register(app)
app.add_typer(cli_review.users_app, name="users")
app.add_typer(cli_review.audit_app, name="audit")
app.add_typer(tokens_app, name="tokens")
app.add_typer(cli_jobs.jobs_app, name="jobs")
cli_jobs.register(app)

class Kind(StrEnum):
    article = "article"
    draft = "draft"
    source = "source"


class Lang(StrEnum):
    fr = "fr"
    en = "en"


LangOpt = Annotated[Lang | None, typer.Option("--lang", help="Language of the text (default: detected).")]
PublishedOpt = Annotated[str | None, typer.Option("--published", help="Publication date YYYY-MM-DD (default: from metadata or dateline).")]


@app.command()
@bad_input_exits_2
def ingest(
    sources: Annotated[list[str] | None, typer.Argument(help="Files (txt, md, html, docx, pdf), folders (walked for those) or http(s) URLs.")] = None,
    feed: Annotated[str | None, typer.Option("--feed", metavar="URL_OR_FILE", help="An RSS or Atom feed: ingest the page of every item not seen in an earlier run (remembered in the store).")] = None,
    kind: Annotated[Kind, typer.Option(help="What the documents are.")] = Kind.article,
    published: PublishedOpt = None,
    lang: LangOpt = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes reading and checking files in parallel.")] = 1,
    queue: Annotated[bool, typer.Option("--queue", help="Enqueue jobs of --batch files each for `verifier worker` (PostgreSQL); on SQLite they run here, one after the other.")] = False,
    batch: Annotated[int, typer.Option("--batch", min=1, help="Files per job with --queue.")] = 50,
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Read documents, store them with their claims, and print one line per document.

    Folders are walked for the formats ingestion reads; each file is one transaction, and a
    file already stored (same text) is reported as such and left unchanged. With --workers N,
    N processes read and check files at once. A summary goes to stderr (ingested, already
    known, failed with reasons); exit 2 when a file failed. Reference sources (--kind source)
    need an authenticated admin (VERIFIER_TOKEN of scope admin, or --password-stdin) once the
    store has users. With --feed: the feed's new items, one line each, then "N new, M failed,
    K already seen"; a failed page is tried again on the next run (exit 2)."""
    if not sources and feed is None:
        fail("give files, folders or URLs to ingest, or --feed URL_OR_FILE")
    pub = parse_date(published)
    who = acting(as_name, password_stdin, what="ingest --kind source", db=db,
                 owner_ok=kind is not Kind.source or not store_has_users(db))
    lang_code = lang.value if lang else None
    failed = 0
    if feed is not None:
        failed += _ingest_feed(who, feed, kind=kind.value, lang=lang_code, published=pub, db=db)
    if not sources:
        raise typer.Exit(2 if failed else 0)
    if queue:
        cli_jobs.enqueue_files(who, sources, kind=kind.value, lang=lang_code,
                               published=published, batch=batch, db=db)
        return
    with progress_bar("ingesting") as progress:
        report = services.ingest_files(who, sources, kind=kind.value, lang=lang_code,
                                       published=pub, workers=workers, progress=progress, db=db)
    for o in report.outcomes:
        if o.status == "failed":
            typer.echo(f"error: {o.path}: {o.error}", err=True)
            continue
        state = f"stored, {o.claims} claims" if o.status == "ingested" else "already stored, unchanged"
        typer.echo(f"{o.document_id}\t{o.kind}\t{o.language}\t{o.published or '-'}\t{o.title}\t({state})")
    c = report.counts
    if len(report.outcomes) > 1:
        typer.echo(f"{c['ingested']} ingested, {c['known']} already known, {c['failed']} failed",
                   err=True)
    raise typer.Exit(max(report.exit_code, 2 if failed else 0))


def _ingest_feed(who: services.Principal, feed: str, *, kind: str, lang: str | None,
                 published: date | None, db: str | None) -> int:
    """Poll a feed once (services.feeds.poll_feed); one line per new item, failures on
    standard error; how many failed."""
    try:
        poll = services.feeds.poll_feed(who, feed, kind=kind, lang=lang, published=published,
                                        db=db)
    except services.FeedError as exc:
        typer.echo(f"error: {one_line(exc)}", err=True)
        return 1
    for item in poll.items:
        if item.status == "failed":
            typer.echo(f"error: {one_line(item.error or item.link or '')}", err=True)
            continue
        state = (f"stored, {item.claims} claims" if item.status == "new"
                 else "already stored, unchanged")
        typer.echo(f"{item.document_id}\t{one_line(item.title or item.link or '')}\t({state})")
    typer.echo(f"{one_line(poll.title or poll.feed)}: {poll.summary()}")
    return poll.count("failed")


@app.command("list")
@bad_input_exits_2
def list_cmd(
    kind: Annotated[Kind | None, typer.Option(help="Only documents of this kind.")] = None,
    db: DbOpt = None,
) -> None:
    """List stored documents: id, kind, language, publication date, claims, title."""
    rows = services.list_documents(owner(), kind=kind.value if kind else None, db=db)
    if not rows:
        typer.echo("no documents stored")
        return
    for d, n in rows:
        typer.echo(f"{d.id}\t{d.kind}\t{d.language}\t{d.published or '-'}\t{n} claims\t{d.title or d.source_name}")


@app.command()
@bad_input_exits_2
def show(
    document_id: Annotated[int, typer.Argument(help="Document id (see `verifier list`).")],
    fmt: Annotated[Fmt, typer.Option("--format", help="json or table.")] = Fmt.table,
    db: DbOpt = None,
) -> None:
    """Show one stored document: its metadata, text and claims."""
    shown = services.show_document(owner(), document_id, db=db)
    if fmt is Fmt.json:
        typer.echo(json.dumps({"document": shown.summary | {"text": shown.text},
                               "claims": shown.claims},
                              ensure_ascii=False, indent=1, default=str))
        return
    for k, v in shown.summary.items():
        typer.echo(_summary_line(k, v, 10))
    typer.echo("")
    typer.echo(shown.text)
    _print_claims_table(shown.claims)


def _print_claims_table(claims: list[dict[str, Any]]) -> None:
    typer.echo("")
    if not claims:
        typer.echo("no claims")
        return
    for c in claims:
        who = c.get("reference") or c.get("speaker") or ""
        value = c.get("value") or ""
        finding = c.get("finding") or ""
        text = c["text"] if len(c["text"]) <= 90 else c["text"][:87] + "..."
        typer.echo(f"{c['start']:>6}-{c['end']:<6} {c['kind']:9} {finding:13} {value!s:12} {who:25} {text}")


@app.command()
@bad_input_exits_2
def extract(
    source: Annotated[str, typer.Argument(help="A file or http(s) URL.")],
    fmt: Annotated[Fmt, typer.Option("--format", help="json (the contract) or table.")] = Fmt.json,
    published: PublishedOpt = None,
    lang: LangOpt = None,
) -> None:
    """Print a document's claims (quotes, dates, facts) with their character spans; stores nothing."""
    result = services.extract(source, lang=lang.value if lang else None,
                              published=parse_date(published))
    if fmt is Fmt.json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=1, default=str))
        return
    for k, v in result.document.items():
        if k not in ("sentences", "boilerplate"):
            typer.echo(_summary_line(k, v, 10))
    typer.echo(f"{'sentences':10} {len(result.document['sentences'])}")
    typer.echo("")
    if not result.claims:
        typer.echo("no claims")
    for c in result.claims:
        typer.echo(f"{c.start:>6}-{c.end:<6} {c.kind:9} {'':13} {_value(c)!s:12} "
                   f"{_who(c):25} {_short(c.text, 90)}")


@app.command()
@bad_input_exits_2
def check(
    source: Annotated[str, typer.Argument(help="The article or draft: a file or http(s) URL.")],
    sources: Annotated[list[str] | None, typer.Option("--source", help="A reference source (transcript, communiqué...) to check quotes against; repeatable.")] = None,
    facts: Annotated[list[str] | None, typer.Option("--facts", help="A facts pack (YAML/CSV) to check against, besides the facts imported in the store; repeatable.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="json or table.")] = Fmt.table,
    kind: Annotated[Kind, typer.Option(help="Store the document as this kind.")] = Kind.article,
    published: PublishedOpt = None,
    lang: LangOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check only; store nothing.")] = False,
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Check every claim of a document against facts and sources; exit 1 on a contradiction.

    A contradicted claim or an altered quote exits 1. The document, its claims, findings and
    evidence are stored (unless --dry-run, which creates no database: it reads one that exists,
    else checks against the bundled demo facts); claims already reviewed are kept as they are.
    The --source files are stored in the library too, which needs an authenticated admin once
    the store has users (with --dry-run they are only read)."""
    if dry_run:  # a read, opening no store that does not exist: the store owner
        who = owner()
    elif sources:
        who = acting(as_name, password_stdin, what="check --source (storing reference sources)",
                     db=db, owner_ok=not store_has_users(db))
    else:
        who = acting(as_name, password_stdin, what="check", db=db, owner_ok=True)
    report = services.check(who, source, sources=sources or [], facts=facts or [],
                            kind=kind.value, lang=lang.value if lang else None,
                            published=parse_date(published), dry_run=dry_run, db=db)
    if fmt is Fmt.json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1, default=str))
    else:
        for k, v in report.document.items():
            typer.echo(_summary_line(k, v, 15))
        _print_findings_table(report.claims)
        summary = report.summary()
        typer.echo("\n" + ", ".join(f"{n} {f}" for f, n in summary.items()))
        typer.echo("NOT READY TO PUBLISH: contradicted claims or altered quotes above"
                   if report.exit_code else "No contradiction found.")
    raise typer.Exit(report.exit_code)


def _summary_line(key: str, value: Any, width: int) -> str:
    """One line of a document summary; `url` is where the document was fetched from, the
    page's own claims are labelled as such (docs/decisions.md §22)."""
    shown = value if value is not None else "-"
    if key == "packs":
        shown = "; ".join(
            f"{p['name']} ({p['facts'] or 0} facts, "
            + (f"built {p['built']}, covers to {p['covered_until'] or p['built']}, "
               f"{p['licence'] or 'licence not given'}" if p["built"] else "no build date")
            + ")" for p in value) or "-"
    if key in ("claimed_url", "claimed_site"):
        shown = f"{value} (the page calls itself this; not verified)"
    return f"{key:{width}} {shown}"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 3] + "..."


def _who(c: Claim) -> str:
    return (c.reference or c.speaker or "") if isinstance(c, QuoteClaim) else ""


def _value(c: Claim) -> str:
    if isinstance(c, TemporalClaim):
        return c.value or ""
    if isinstance(c, FactualClaim):
        return c.object or ""
    return ""


def _print_findings_table(claims: list[CheckedClaim]) -> None:
    typer.echo("")
    for checked in claims:
        c, f = checked.claim, checked.result
        if isinstance(c, TemporalClaim):
            value = c.value or "?"
            if c.resolved_day and c.resolved_day != value:
                value = f"{value}→{c.resolved_day}"
        else:
            value = _who(c)
        typer.echo(f"{c.start:>6}-{c.end:<6} {c.kind:9} {f.finding:13} {value!s:21.21} {_short(c.text, 70)}")
        if f.finding != "no_evidence":
            typer.echo(f"{'':15}{f.explanation}")
        for ev in f.evidence:  # alignments, facts, then earlier verdicts (claims.ordered_evidence)
            if isinstance(ev, PrecedentEvidence):
                _print_precedent(ev)
                continue
            title, url = getattr(ev, "source_title", None), getattr(ev, "source_url", None)
            if f.finding != "no_evidence" and (title or url):
                typer.echo(f"{'':15}evidence: {title or ''} {url or ''}".rstrip())


def _print_precedent(ev: PrecedentEvidence) -> None:
    """An earlier verdict, after the evidence that set the finding: same claim or similar one,
    with the words that differ."""
    score = score_text(ev.score)
    typer.echo(f"{'':15}earlier verdict ({ev.label}, score {score}): "
               f"{ev.detail.verdict or 'no verdict'} {ev.source_url or ''}".rstrip())
    words = ev.changed_words()
    if words:
        typer.echo(f"{'':17}words differ: {_short(' / '.join(words), 100)}")


@app.command()
@bad_input_exits_2
def demo(
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Load the bundled demo (facts pack, one account per role with public passwords, the seed
    article) into the store; running it again changes nothing. Needs no credentials on a store
    without users, or when the demo is loaded already; else an admin's."""
    owner_ok = not store_has_users(db) or services.demo.demo_loaded(db=db)
    who = acting(as_name, password_stdin, what="demo", db=db, owner_ok=owner_ok)
    for line in services.load_demo(who, db=db):
        typer.echo(line)


store_errors_exit_2(app)  # last: every command above, and those of the sub-apps


def main() -> None:  # pragma: no cover - console entry
    app(prog_name="verifier")


if __name__ == "__main__":  # pragma: no cover
    main()
