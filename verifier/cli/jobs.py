"""`verifier worker` (run jobs from the PostgreSQL task queue) and `verifier jobs list | show |
submit` (read jobs, ask for one); `ingest --queue` enqueues through here. Registered by
verifier/cli/main.py. Exit codes as everywhere: 2 on bad input (an unknown job or kind, bad
arguments, a SQLite store for `worker`)."""
from __future__ import annotations

import json
import logging
from typing import Annotated, Any

import typer

from verifier import services
from verifier.cli.auth import AsOpt, PasswordStdinOpt, acting
from verifier.cli.common import BAD_INPUT, DbOpt, Fmt, exit_codes, owner

jobs_app = typer.Typer(help="Jobs: long work run by `verifier worker` (PostgreSQL) or in-process "
                            "(SQLite). See docs/jobs.md.", no_args_is_help=True)

jobs_errors_exit_2 = exit_codes(BAD_INPUT + (services.JobError, services.QueueUnavailable))


def _line(job: Any) -> str:
    total = "?" if job.total is None else job.total
    tail = job.error or (json.dumps(job.result, ensure_ascii=False)[:120] if job.result else "")
    return (f"{job.id}\t{job.kind}\t{job.status}\t{job.done}/{total}\t{job.requested_by}\t"
            f"{job.created_at:%Y-%m-%d %H:%M:%S}\t{tail}")


@jobs_app.command("list")
@jobs_errors_exit_2
def list_cmd(
    limit: Annotated[int, typer.Option(min=1, help="How many, newest first.")] = 50,
    fmt: Annotated[Fmt, typer.Option("--format", help="json or table.")] = Fmt.table,
    db: DbOpt = None,
) -> None:
    """The latest jobs: id, kind, status, progress, who asked, when, result or error."""
    rows = services.jobs.list_jobs(owner(), limit=limit, db=db)
    if fmt is Fmt.json:
        typer.echo(json.dumps([services.jobs.job_json(j) for j in rows], ensure_ascii=False,
                              indent=1))
        return
    if not rows:
        typer.echo("no jobs")
    for job in rows:
        typer.echo(_line(job))


@jobs_app.command("show")
@jobs_errors_exit_2
def show_cmd(
    job_id: Annotated[int, typer.Argument(help="Job id (see `verifier jobs list`).")],
    db: DbOpt = None,
) -> None:
    """One job, as JSON (status, progress, result summary or error line, times)."""
    job = services.jobs.get(owner(), job_id, db=db)
    typer.echo(json.dumps(services.jobs.job_json(job), ensure_ascii=False, indent=1))


@jobs_app.command("submit")
@jobs_errors_exit_2
def submit_cmd(
    kind: Annotated[str, typer.Argument(help="recheck, ingest, facts.import, precedents.import, export.")],
    args: Annotated[str, typer.Option("--args", help="The job's arguments as a JSON object (docs/jobs.md).")] = "{}",
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Ask for a job; prints its id and status (on SQLite it has run already: its result)."""
    try:
        parsed = json.loads(args)
    except json.JSONDecodeError as exc:
        raise services.JobError(f"--args is not JSON: {exc}") from None
    if not isinstance(parsed, dict):
        raise services.JobError("--args must be a JSON object")
    who = acting(as_name, password_stdin, what=f"jobs submit {kind}", db=db, owner_ok=True)
    job = services.jobs.enqueue(who, kind, parsed, db=db)
    typer.echo(_line(job))
    if job.status == "failed":
        raise typer.Exit(2)


def enqueue_files(who: services.Principal, sources: list[str], *, kind: str, lang: str | None,
                  published: str | None, batch: int, db: str | None) -> None:
    """`ingest --queue`: one job per `batch` files (folders walked now, so that the jobs split
    the work evenly); prints one line per job."""
    files = services.bulk.files_in(sources)
    if not files:
        raise services.JobError("no file to ingest")
    many = [{"paths": files[i:i + batch], "kind": kind, "lang": lang, "published": published}
            for i in range(0, len(files), batch)]
    made = services.jobs.enqueue_many(who, "ingest", many, db=db)
    for job in made:
        typer.echo(_line(job))
    typer.echo(f"{len(made)} jobs for {len(files)} files", err=True)
    if any(j.status == "failed" for j in made):
        raise typer.Exit(2)


def worker(
    burst: Annotated[bool, typer.Option("--burst", help="Stop when the queue is empty.")] = False,
    heartbeat: Annotated[float, typer.Option("--heartbeat", min=0.1, help="Seconds between the worker's heartbeats.")] = 5.0,
    stalled_after: Annotated[float, typer.Option("--stalled-after", min=0.5, help="Seconds without a heartbeat after which a worker is taken for dead and its jobs queued again.")] = 30.0,
    db: DbOpt = None,
) -> None:
    """Run jobs from the PostgreSQL task queue until stopped (Ctrl-C or SIGTERM: the job in
    hand finishes first). Run as many as you like, on any machine that reaches the database
    (and the files the jobs name). On SQLite there is no queue: jobs run in the process that
    asks for them."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    services.jobs.work(db=db, heartbeat=heartbeat, stalled_after=stalled_after, burst=burst)


def register(app: typer.Typer) -> None:
    """Add `worker` to the top-level app."""
    app.command("worker")(jobs_errors_exit_2(worker))
