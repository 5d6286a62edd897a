"""The job table's queries: record a job, mark it running, its progress, done or failed; read
one, list the latest. Progress and status changes are short transactions of their own, apart
from the work the job does (whose documents commit one by one), so a reader sees a running
job move and a killed worker leaves the work it finished committed."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from verifier.db import audit
from verifier.db.models import Job, utcnow

__all__ = ["ERROR_MAX", "create", "finish", "get", "latest", "progress", "set_queue_id",
           "start"]

# An error line is one line, at most this long (a traceback is never stored).
ERROR_MAX = 500


def create(*, session: Session, kind: str, args: dict[str, Any], requested_by: str, role: str,
           channel: str, scope: str | None) -> Job:
    """A queued job, with its audit event (job.enqueue)."""
    job = Job(kind=kind, args=args, requested_by=requested_by, role=role, channel=channel,
              scope=scope)
    session.add(job)
    session.flush()
    audit.append(session, actor=requested_by, action="job.enqueue",
                 new={"job": job.id, "kind": kind, "args": args})
    return job


def set_queue_id(*, session: Session, job_id: int, queue_id: int) -> None:
    job = session.get(Job, job_id)
    if job is not None:
        job.queue_id = queue_id
        session.add(job)


def start(*, session: Session, job_id: int, worker: str) -> Job | None:
    """Mark the job running on `worker` (one more attempt); None when it is done already (a
    retry of a job that finished before its worker could acknowledge it to the queue). The
    row is locked (PostgreSQL), so two workers never start it at once."""
    q = select(Job).where(Job.id == job_id)
    if session.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    job = session.exec(q).first()
    if job is None or job.status in ("done", "failed"):
        return None
    job.status, job.worker, job.attempts = "running", worker, job.attempts + 1
    job.started_at, job.error = utcnow(), None
    session.add(job)
    return job


def progress(*, session: Session, job_id: int, done: int, total: int | None) -> None:
    job = session.get(Job, job_id)
    if job is not None:
        job.done, job.total = done, total
        session.add(job)


def finish(*, session: Session, job_id: int, result: dict[str, Any] | None = None,
           error: str | None = None) -> Job:
    """Mark the job done (with its result summary) or failed (with one error line), and audit
    it (job.done, job.failed) under whoever asked for it."""
    job = session.get(Job, job_id)
    assert job is not None, job_id
    job.status = "failed" if error is not None else "done"
    job.result = result
    job.error = error.splitlines()[0][:ERROR_MAX] if error else None
    job.finished_at = utcnow()
    session.add(job)
    audit.append(session, actor=job.requested_by, action=f"job.{job.status}",
                 new={"job": job.id, "kind": job.kind, "done": job.done, "total": job.total,
                      "error": job.error})
    return job


def get(*, session: Session, job_id: int) -> Job | None:
    return session.get(Job, job_id)


def latest(*, session: Session, limit: int = 50, requested_by: str | None = None,
           kinds: Sequence[str] | None = None, statuses: Sequence[str] | None = None
           ) -> list[Job]:
    """The latest jobs, newest first (of one requester, kinds, statuses)."""
    q = select(Job).order_by(col(Job.id).desc()).limit(limit)
    if requested_by is not None:
        q = q.where(Job.requested_by == requested_by)
    if kinds:
        q = q.where(col(Job.kind).in_(list(kinds)))
    if statuses:
        q = q.where(col(Job.status).in_(list(statuses)))
    return list(session.exec(q).all())
