"""Jobs: long work (re-checks, imports, big exports, bulk ingestion) recorded in the store's job
table and run by a worker. On PostgreSQL, `enqueue` defers the job to the task queue
(services/taskqueue.py, procrastinate) and any `verifier worker` on any machine runs it; on
SQLite, the asking process runs it at once, before `enqueue` returns (docs/decisions.md §34).

A kind of job is one function registered with `@job_kind(name, roles=..., scope=...)`: it
gets a `JobContext` (the principal who asked, the store, the arguments, a progress callback)
and returns a JSON summary. The function calls the ordinary services as that principal, so a
job is authorised twice: when asked for (here, against the kind's roles and scope) and when it
runs (by the services it calls, against the role the user has then), and every change it makes
is audited under that principal. Adding a kind (say, polling a feed) is one such function.

A job must be safe to run again: a worker killed mid-job leaves it "running", the queue gives
it to another worker, and it runs from the start. The kinds here are: every document is one
transaction and a stored document is found by its SHA-256 (ingest); a re-check brings claims
to the same state twice (recheck); an import replaces the pack or collection it names, in one
transaction (facts.import, precedents.import); an export writes its file atomically
(export)."""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from verifier.db import jobs as db_jobs
from verifier.db.models import DOCUMENT_KINDS, Job
from verifier.db.records import ExportFilters, count_claims
from verifier.db.store import Store
from verifier.db.users import PermissionDenied
from verifier.services import taskqueue
from verifier.services._base import Db, authorise, service, store_of
from verifier.services.principal import (
    ADMIN_ROLES,
    ANY_ROLE,
    AUDIT_ROLES,
    DRAFT_ROLES,
    RECHECK_ROLES,
    Principal,
)

__all__ = ["EXPORT_JOB_THRESHOLD", "FILE_CHANNELS", "JOB_KINDS", "JobContext", "JobError",
           "JobKind", "JobNotFound", "enqueue", "enqueue_many", "export_runs_as_job", "get", "job_json",
           "job_kind", "list_jobs", "run", "work"]

log = logging.getLogger("verifier.jobs")

# Exports of more claims than this run as a job (issue 15).
EXPORT_JOB_THRESHOLD = 10_000
# Jobs whose arguments name files (read or written by the worker, on its machine) may be
# asked for only through these channels: the CLI's user names their own files. The browser
# and the API send bytes, never a path on the server.
FILE_CHANNELS = ("cli",)


class JobError(ValueError):
    """A job that cannot be asked for: unknown kind, bad arguments (an API's 422)."""


class JobNotFound(JobError):
    """No such job, or not one the principal may see (an API's 404)."""


@dataclass(frozen=True)
class JobContext:
    job_id: int
    principal: Principal
    store: Store
    args: dict[str, Any]
    progress: Callable[[int, int | None], None]
    attempt: int = 1  # 2 and more: a worker died during an earlier attempt

    def arg(self, name: str, default: Any = None) -> Any:
        return self.args.get(name, default)


@dataclass(frozen=True)
class JobKind:
    name: str
    roles: tuple[str, ...]
    scope: str | None
    what: str
    run: Callable[[JobContext], dict[str, Any]]
    check_args: Callable[[dict[str, Any]], dict[str, Any]]
    files: bool  # its arguments name files on the worker's machine (FILE_CHANNELS only)


JOB_KINDS: dict[str, JobKind] = {}


def job_kind(name: str, *, roles: tuple[str, ...], scope: str | None, what: str,
             check_args: Callable[[dict[str, Any]], dict[str, Any]] = dict,
             files: bool = False) -> Callable[[Callable[[JobContext], dict[str, Any]]],
                                              Callable[[JobContext], dict[str, Any]]]:
    """Register a kind of job: `fn(ctx) -> summary`; `check_args(args)` validates and
    normalises the arguments when the job is asked for (JobError on bad ones)."""
    def register(fn: Callable[[JobContext], dict[str, Any]]) -> Callable[[JobContext], dict[str, Any]]:
        JOB_KINDS[name] = JobKind(name, roles, scope, what, fn, check_args, files)
        return fn
    return register


# --- asking for jobs, reading them ------------------------------------------------------------


def _kind(name: str) -> JobKind:
    spec = JOB_KINDS.get(name)
    if spec is None:
        raise JobError(f"unknown kind of job {name!r} (one of {', '.join(sorted(JOB_KINDS))})")
    return spec


def _authorise_kind(store: Store, principal: Principal, spec: JobKind) -> None:
    if spec.files and principal.channel not in FILE_CHANNELS:
        raise PermissionDenied(f"jobs of kind {spec.name} name files on the server: only the "
                               "command line may ask for them")
    authorise(store, principal, spec.roles, spec.what, scope=spec.scope)


# (done, total or None) of the job running: a progress bar while it runs in-process (SQLite).
Progress = Callable[[int, int | None], None]


@service
def enqueue(principal: Principal, kind: str, args: dict[str, Any] | None = None, *,
            progress: Progress | None = None, db: Db = None) -> Job:
    """Ask for one job; see enqueue_many."""
    return enqueue_many(principal, kind, [args or {}], progress=progress, db=db)[0]


@service
def enqueue_many(principal: Principal, kind: str, many: Sequence[dict[str, Any]], *,
                 progress: Progress | None = None, db: Db = None) -> list[Job]:
    """Ask for jobs of one kind (one per arguments dict): recorded (audited: job.enqueue) in one
    transaction, then deferred to the task queue (PostgreSQL) or run here, one after the other
    (SQLite; `progress` is called as each runs). Returns the jobs as they are after that."""
    spec = _kind(kind)
    store = store_of(db)
    _authorise_kind(store, principal, spec)
    checked = [spec.check_args(dict(a)) for a in many]
    with store.write() as session:
        ids = [int(db_jobs.create(session=session, kind=kind, args=a,
                                  requested_by=principal.name, role=principal.role,
                                  channel=principal.channel, scope=principal.scope).id or 0)
               for a in checked]
    if store.dialect == "postgresql":
        _defer(store, ids)
    else:
        for job_id in ids:
            run(job_id, db=store, worker="in-process", progress=progress)
    with store.read() as session:
        return [j for i in ids if (j := db_jobs.get(session=session, job_id=i)) is not None]


def _defer(store: Store, ids: list[int]) -> None:
    try:
        queue_ids = taskqueue.defer(store, ids)
    except Exception as exc:  # noqa: BLE001 - the jobs must not stay "queued" for ever
        with store.write() as session:
            for job_id in ids:
                db_jobs.finish(session=session, job_id=job_id,
                               error=f"could not be queued: {exc}")
        raise
    with store.write() as session:
        for job_id, queue_id in zip(ids, queue_ids, strict=True):
            db_jobs.set_queue_id(session=session, job_id=job_id, queue_id=queue_id)


def _may_see(store: Store, principal: Principal, job: Job) -> bool:
    """One's own jobs; admins (and the store owner) see every job."""
    if job.requested_by == principal.name or principal.is_store_owner:
        return True
    try:
        authorise(store, principal, ADMIN_ROLES, "see others' jobs", scope=None)
    except PermissionDenied:
        return False
    return True


@service
def get(principal: Principal, job_id: int, *, db: Db = None) -> Job:
    """One job (JobError when there is none, or it is someone else's and the principal is
    not an admin)."""
    store = store_of(db)
    authorise(store, principal, ANY_ROLE, "see jobs", scope=None)
    with store.read() as session:
        job = db_jobs.get(session=session, job_id=job_id)
    if job is None or not _may_see(store, principal, job):
        raise JobNotFound(f"no job with id {job_id}")
    return job


@service
def list_jobs(principal: Principal, *, limit: int = 50, kinds: Sequence[str] | None = None,
              statuses: Sequence[str] | None = None, db: Db = None) -> list[Job]:
    """The latest jobs, newest first: the principal's own, or everyone's for an admin."""
    store = store_of(db)
    authorise(store, principal, ANY_ROLE, "see jobs", scope=None)
    everyone = principal.is_store_owner
    if not everyone:
        try:
            authorise(store, principal, ADMIN_ROLES, "see others' jobs", scope=None)
            everyone = True
        except PermissionDenied:
            pass
    with store.read() as session:
        return db_jobs.latest(session=session, limit=limit, kinds=kinds, statuses=statuses,
                              requested_by=None if everyone else principal.name)


def job_json(job: Job) -> dict[str, Any]:
    """A job as the shells show it (the API's body, `verifier jobs show --format json`)."""
    def when(t: Any) -> str | None:
        return t.isoformat() if t is not None else None

    return {"id": job.id, "kind": job.kind, "status": job.status, "requested_by": job.requested_by,
            "args": job.args, "done": job.done, "total": job.total, "result": job.result,
            "error": job.error, "attempts": job.attempts, "worker": job.worker,
            "created_at": when(job.created_at), "started_at": when(job.started_at),
            "finished_at": when(job.finished_at)}


# --- running jobs -----------------------------------------------------------------------------


def run(job_id: int, *, db: Db = None, worker: str | None = None,
        progress: Progress | None = None) -> Job:
    """Run one job (the worker's task; on SQLite, enqueue's): mark it running, run its kind as
    the principal who asked, record its progress and its end, done with its summary or failed
    with one error line. A job already done or failed is left as it is (a retry of a job whose
    end was recorded). An exception the kind raises fails the job (the queue does not retry
    what failed on its own terms); only a dead worker makes the queue run a job again.
    `progress(done, total)` is called besides recording it."""
    store = store_of(db)
    with store.write() as session:
        job = db_jobs.start(session=session, job_id=job_id,
                            worker=worker or taskqueue.worker_name())
        if job is None:
            got = db_jobs.get(session=session, job_id=job_id)
            if got is None:
                raise JobNotFound(f"no job with id {job_id}")
            return got
        spec_name, args, attempt = job.kind, dict(job.args or {}), job.attempts
        principal = Principal(job.requested_by, job.role, job.channel,  # type: ignore[arg-type]
                              job.scope)  # type: ignore[arg-type]

    def record(done: int, total: int | None) -> None:
        with store.write() as s:
            db_jobs.progress(session=s, job_id=job_id, done=done, total=total)
        if progress is not None:
            progress(done, total)

    try:
        spec = _kind(spec_name)
        _authorise_kind(store, principal, spec)
        result = spec.run(JobContext(job_id, principal, store, args, record, attempt))
    except Exception as exc:  # noqa: BLE001 - recorded as the job's error line
        log.warning("job %s (%s) failed: %s", job_id, spec_name, exc, exc_info=True)
        line = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
        with store.write() as session:
            return db_jobs.finish(session=session, job_id=job_id, error=line)
    with store.write() as session:
        return db_jobs.finish(session=session, job_id=job_id, result=result)


def work(*, db: Db = None, concurrency: int = 1, heartbeat: float = 5.0,
         stalled_after: float = 30.0, burst: bool = False) -> None:
    """`verifier worker`: run jobs from the PostgreSQL task queue until stopped (SIGTERM or
    SIGINT: the job in hand finishes first), or with `burst` until the queue is empty. Jobs of
    a worker silent for `stalled_after` seconds are queued again. taskqueue.QueueUnavailable on
    a SQLite store (jobs run in-process there: there is nothing to wait for)."""
    store = store_of(db)
    taskqueue.run_worker(store, lambda job_id: _run_logged(job_id, store), concurrency=concurrency,
                         heartbeat=heartbeat, stalled_after=stalled_after, burst=burst)


def _run_logged(job_id: int, store: Store) -> None:
    job = run(job_id, db=store)
    log.info("job %s (%s): %s %s/%s", job.id, job.kind, job.status, job.done, job.total)


# --- the kinds --------------------------------------------------------------------------------


def _paths(args: dict[str, Any], key: str = "paths") -> list[str]:
    value = args.get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(p, str) for p in value):
        raise JobError(f"the job needs {key!r}: a list of file paths")
    return [str(Path(p).expanduser().resolve()) for p in value]


def _date(value: Any, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise JobError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _ingest_args(args: dict[str, Any]) -> dict[str, Any]:
    kind = args.get("kind", "article")
    if kind not in DOCUMENT_KINDS:
        raise JobError(f"unknown document kind {kind!r} (one of {', '.join(DOCUMENT_KINDS)})")
    return {"paths": _paths(args), "kind": kind, "lang": args.get("lang"),
            "published": _date(args.get("published"), "published")}


@job_kind("ingest", roles=DRAFT_ROLES, scope="check", what="ingest files as a job",
          check_args=_ingest_args, files=True)
def _ingest(ctx: JobContext) -> dict[str, Any]:
    """Bulk ingestion of files (folders walked when the job runs): one transaction per file; a
    file stored already (by an earlier attempt of this job, say) is "known"."""
    from verifier.services.bulk import ingest_files

    published = ctx.arg("published")
    report = ingest_files(ctx.principal, ctx.arg("paths"), kind=ctx.arg("kind", "article"),
                          lang=ctx.arg("lang"),
                          published=date.fromisoformat(published) if published else None,
                          workers=1, progress=lambda done, total, _: ctx.progress(done, total),
                          db=ctx.store)
    return report.summary()


def _feed_args(args: dict[str, Any]) -> dict[str, Any]:
    feeds = args.get("feeds") or ([args["feed"]] if args.get("feed") else [])
    if not isinstance(feeds, list) or not feeds or not all(
            isinstance(f, str) and f.lower().startswith(("http://", "https://")) for f in feeds):
        raise JobError("feeds: give the http(s) URLs of the feeds to poll")
    kind = args.get("kind", "article")
    if kind not in DOCUMENT_KINDS:
        raise JobError(f"unknown document kind {kind!r} (one of {', '.join(DOCUMENT_KINDS)})")
    return {"feeds": feeds, "kind": kind, "lang": args.get("lang")}


@job_kind("feed.poll", roles=DRAFT_ROLES, scope="check", what="poll feeds",
          check_args=_feed_args)
def _feed_poll(ctx: JobContext) -> dict[str, Any]:
    """Poll each feed once (services.feeds.poll_feed): an item is remembered only once its page
    is stored, one transaction per page, so a retry after a dead worker ingests what is left.
    A feed that cannot be read is counted and the others still polled."""
    from verifier.services.feeds import FeedError, poll_feed

    feeds = ctx.arg("feeds")
    counts = {"new": 0, "stored": 0, "failed": 0, "seen": 0}
    errors: list[str] = []
    for i, feed in enumerate(feeds):
        ctx.progress(i, len(feeds))
        try:
            poll = poll_feed(ctx.principal, feed, kind=ctx.arg("kind", "article"),
                             lang=ctx.arg("lang"), db=ctx.store)
        except FeedError as exc:
            errors.append(f"{feed}: {exc}")
            continue
        for key in ("new", "stored", "failed"):
            counts[key] += poll.count(key)
        counts["seen"] += poll.seen
    ctx.progress(len(feeds), len(feeds))
    return {"feeds": len(feeds), **counts, "feed_errors": errors}


def _recheck_args(args: dict[str, Any]) -> dict[str, Any]:
    ids = args.get("document_ids")
    if ids is not None and (not isinstance(ids, list)
                            or not all(isinstance(i, int) for i in ids)):
        raise JobError("document_ids: a list of document ids")
    sources = args.get("concerned_by_sources")
    if sources is not None and (not isinstance(sources, list)
                                or not all(isinstance(i, int) for i in sources)):
        raise JobError("concerned_by_sources: a list of source document ids")
    return {"document_ids": ids, "since": _date(args.get("since"), "since"),
            "concerned_by_sources": sources,
            "concerned_by_facts": bool(args.get("concerned_by_facts", False))}


@job_kind("recheck", roles=RECHECK_ROLES, scope="check", what="re-check stored documents",
          check_args=_recheck_args)
def _recheck(ctx: JobContext) -> dict[str, Any]:
    """Re-check stored articles and drafts (those given, those new sources or facts may
    concern, those since a day, or all): one transaction per document."""
    from verifier.services.recheck import (
        documents_concerned_by_facts,
        documents_concerned_by_sources,
        recheck,
    )

    ids: list[int] | None = ctx.arg("document_ids")
    sources, facts = ctx.arg("concerned_by_sources"), ctx.arg("concerned_by_facts")
    if sources or facts:
        found: set[int] = set(ids or [])
        if sources:
            found.update(documents_concerned_by_sources(ctx.principal, sources, db=ctx.store))
        if facts:
            found.update(documents_concerned_by_facts(ctx.principal, db=ctx.store))
        ids = sorted(found)
    since = ctx.arg("since")
    report = recheck(ctx.principal, document_ids=ids,
                     since=date.fromisoformat(since) if since else None,
                     progress=lambda done, total, _: ctx.progress(done, total), db=ctx.store)
    out = report.to_json()
    shown = out["documents"][:RECHECK_DOCUMENTS_KEPT]
    return {"totals": out["totals"], "ready_to_publish": out["ready_to_publish"],
            "documents": shown, "documents_not_listed": len(out["documents"]) - len(shown)}


# A re-check job's result lists this many documents at most (the totals count them all).
RECHECK_DOCUMENTS_KEPT = 500


def _packs_args(args: dict[str, Any]) -> dict[str, Any]:
    fmt = args.get("format")
    if fmt not in (None, "yaml", "csv"):
        raise JobError(f"format: yaml or csv (got {fmt!r})")
    return {"paths": _paths(args), "format": fmt}


@job_kind("facts.import", roles=ADMIN_ROLES, scope="admin", what="import facts packs",
          check_args=_packs_args, files=True)
def _facts_import(ctx: JobContext) -> dict[str, Any]:
    """Facts packs: all validated, then stored in one transaction (each replacing the pack of
    the same name), so a retry imports the same packs again, not twice."""
    from verifier.services.sources import import_packs

    paths = ctx.arg("paths")
    ctx.progress(0, len(paths))
    results = import_packs(ctx.principal, paths, fmt=ctx.arg("format"), db=ctx.store)
    ctx.progress(len(paths), len(paths))
    return {"packs": [{"pack": r.pack, "facts": r.facts, "replaced": r.replaced}
                      for r in results], "facts": sum(r.facts for r in results)}


def _precedents_args(args: dict[str, Any]) -> dict[str, Any]:
    return {"path": _paths(args, "path")[0], "collection": args.get("collection"),
            "embed": bool(args.get("embed", True))}


@job_kind("precedents.import", roles=ADMIN_ROLES, scope="admin",
          what="import earlier fact-checks", check_args=_precedents_args, files=True)
def _precedents_import(ctx: JobContext) -> dict[str, Any]:
    """Earlier fact-checks (a collection, replaced as a whole: a retry does not double it)."""
    from verifier.services.sources import import_precedents

    ctx.progress(0, 1)
    res = import_precedents(ctx.principal, ctx.arg("path"), collection=ctx.arg("collection"),
                            embed=ctx.arg("embed", True), db=ctx.store)
    ctx.progress(1, 1)
    return {"imported": res.imported, "collection": res.collection, "embedded": res.embedded}


@service
def export_runs_as_job(principal: Principal, filters: ExportFilters | None = None, *,
                       db: Db = None) -> bool:
    """Whether an export into a file should be a job for the workers: on PostgreSQL, when it
    covers more than EXPORT_JOB_THRESHOLD claims (on SQLite a job would run here anyway)."""
    store = store_of(db)
    authorise(store, principal, AUDIT_ROLES, "export", scope="audit")
    if store.dialect != "postgresql":
        return False
    with store.read() as session:
        return count_claims(session, filters or ExportFilters()) > EXPORT_JOB_THRESHOLD


def _export_filters(raw: dict[str, Any]) -> ExportFilters:
    """ExportFilters from their JSON form (ExportFilters.as_dict)."""
    values: dict[str, Any] = {k: (date.fromisoformat(v) if k in ("since", "until") else v)
                              for k, v in raw.items()}
    return ExportFilters(**values)


def _export_args(args: dict[str, Any]) -> dict[str, Any]:
    from verifier.services.exports import FORMATS

    fmt = args.get("format")
    if fmt not in FORMATS:
        raise JobError(f"format: one of {', '.join(FORMATS)} (got {fmt!r})")
    filters = args.get("filters") or {}
    try:
        _export_filters(filters)
    except (TypeError, ValueError, AttributeError) as exc:
        raise JobError(f"filters: {exc}") from None
    return {"format": fmt, "path": _paths(args, "path")[0], "force": bool(args.get("force")),
            "filters": filters, "base_url": args.get("base_url")}


@job_kind("export", roles=AUDIT_ROLES, scope="audit", what="export",
          check_args=_export_args, files=True)
def _export(ctx: JobContext) -> dict[str, Any]:
    """An export into a file on the worker's machine, written atomically; the job reports its
    path. A later attempt (its worker died) replaces what an earlier one may have written."""
    from verifier.services.exports import export_to_path

    ctx.progress(0, 1)
    filters = _export_filters(ctx.arg("filters") or {})
    res = export_to_path(ctx.principal, ctx.arg("format"), ctx.arg("path"), filters=filters,
                         base_url=ctx.arg("base_url"),
                         force=ctx.arg("force", False) or ctx.attempt > 1, db=ctx.store)
    ctx.progress(1, 1)
    return {"path": ctx.arg("path"), "format": res.format, "rows": res.rows,
            "sha256": res.sha256, "bytes": res.bytes, "audit_head": res.head_seq}
