"""The PostgreSQL task queue under the jobs (procrastinate): its tables beside the store's,
deferring a job, and the worker loop that runs them and re-queues those of a dead worker.

One procrastinate task, `verifier.run_job(job_id)`, carries every kind of job: what to do is
in the store's job table (services/jobs.py), the queue only says "run job N" and guarantees
that one worker takes it. A worker that dies mid-job stops sending heartbeats; every live
worker looks for jobs of such workers every few seconds and puts them back in the queue, and
the job runs again (the documents it finished are committed and found by their SHA-256, so
nothing is applied twice: docs/decisions.md §34)."""
from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import text

from verifier.db.store import Store

__all__ = ["TASK_NAME", "QueueUnavailable", "defer", "ensure_schema", "run_worker",
           "worker_name"]

TASK_NAME = "verifier.run_job"
# Key of the advisory lock held while procrastinate's tables are created.
_QUEUE_SCHEMA_LOCK = 7_270_034
log = logging.getLogger("verifier.worker")


class QueueUnavailable(RuntimeError):
    """The task queue cannot be used (not PostgreSQL, or procrastinate is not installed)."""


def worker_name() -> str:
    """host:pid, recorded on the job a worker runs."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _conninfo(store: Store) -> str:
    url = store.engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _app(store: Store, runner: Callable[[int], None] | None = None) -> Any:
    """A procrastinate App over the store's database, with the one task."""
    if store.dialect != "postgresql":
        raise QueueUnavailable("the task queue needs a PostgreSQL store "
                               f"(this one is {store.dialect}): jobs run in-process there")
    try:
        import procrastinate
    except ModuleNotFoundError:
        raise QueueUnavailable("the task queue needs procrastinate: "
                               "pip install 'verifier[postgres]'") from None
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=_conninfo(store)))

    def run_job(job_id: int) -> None:
        if runner is None:
            raise QueueUnavailable("this process only defers jobs")
        runner(job_id)

    app.task(name=TASK_NAME, queue="verifier")(run_job)
    return app


def ensure_schema(store: Store) -> None:
    """procrastinate's tables, types and functions, in the store's schema, made once (under an
    advisory lock, so that two workers starting together do not both make them)."""
    _app(store)  # refuses a store that is not PostgreSQL
    from procrastinate.schema import SchemaManager

    with store.write() as session:
        conn = session.connection()
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _QUEUE_SCHEMA_LOCK})
        if conn.execute(text("SELECT to_regclass('procrastinate_jobs')")).scalar() is None:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            cur = raw.cursor()
            try:  # no parameters: its "%" are not placeholders
                cur.execute(SchemaManager.get_schema())
            finally:
                cur.close()


def defer(store: Store, job_ids: Sequence[int]) -> list[int]:
    """Put the jobs in the queue; their ids in the queue, in the same order."""
    if not job_ids:
        return []
    ensure_schema(store)
    app = _app(store)
    with app.open():
        task = app.tasks[TASK_NAME]
        return list(task.batch_defer(*({"job_id": i} for i in job_ids)))


async def _retry_stalled(app: Any, stalled_after: float) -> int:
    """Put back in the queue the jobs of workers silent for `stalled_after` seconds."""
    jobs = await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stalled_after)
    n = 0
    for job in jobs:
        log.warning("job %s of a stalled worker: queued again", job.id)
        await app.job_manager.retry_job(job)
        n += 1
    return n


async def _work(app: Any, *, name: str, concurrency: int, heartbeat: float,
                stalled_after: float, burst: bool) -> None:
    async with app.open_async():
        worker = asyncio.create_task(app.run_worker_async(
            name=name, queues=["verifier"], concurrency=concurrency, wait=not burst,
            update_heartbeat_interval=heartbeat, stalled_worker_timeout=stalled_after,
            delete_jobs="successful", install_signal_handlers=True))
        while not worker.done():
            try:
                await _retry_stalled(app, stalled_after)
            except Exception:  # noqa: BLE001 - a lost connection: try again next round
                log.exception("looking for stalled jobs failed")
            await asyncio.wait([worker], timeout=max(heartbeat, 1.0))
        await worker


def run_worker(store: Store, runner: Callable[[int], None], *, concurrency: int = 1,
               heartbeat: float = 5.0, stalled_after: float = 30.0, burst: bool = False) -> None:
    """Run jobs from the queue until stopped (SIGINT/SIGTERM: the job in hand finishes first),
    or, with `burst`, until the queue is empty. `runner(job_id)` runs one job."""
    ensure_schema(store)
    app = _app(store, runner)
    asyncio.run(_work(app, name=worker_name(), concurrency=concurrency, heartbeat=heartbeat,
                      stalled_after=stalled_after, burst=burst))
