"""Jobs (services/jobs.py) and bulk ingestion (services/bulk.py): on SQLite they run in the
process that asks for them; on PostgreSQL real `verifier worker` processes take them from the
task queue, and one killed (SIGKILL) mid-job loses nothing and applies nothing twice. Also
`verifier ingest DIR --workers 2` through the real CLI, on both stores."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import col, func, select

from verifier import services
from verifier.db import audit
from verifier.db.models import AuditEvent, Document, Job
from verifier.db.store import Store, open_store

from .conftest import DATA, SEED, TEST_PASSWORD, bootstrap_admin, postgres_schema_url

ROOT = Path(__file__).resolve().parents[1]
OWNER = services.store_owner("test")
FTIB = DATA / "text" / "ftib-texts.jsonl"  # French TimeBank texts (LGPL-LR: tests/data/text)


def write_documents(folder: Path, n: int, *, seed: bool = False) -> list[Path]:
    """`n` distinct documents in `folder`: French TimeBank texts, or with `seed` the seed
    article (longer: about a second to check) each with its own numbered first line."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [json.loads(line)["text"].strip() for line in FTIB.read_text("utf-8").splitlines()]
    out = []
    for i in range(n):
        body = SEED.read_text("utf-8") if seed else texts[i % len(texts)]
        path = folder / f"doc-{i:03d}.txt"
        path.write_text(f"Dépêche numéro {i}.\n\n{body}\n", encoding="utf-8")
        out.append(path)
    return out


def documents_and_ingest_events(store: Store) -> tuple[int, int, int]:
    """(documents, distinct SHA-256, audit events "ingest")."""
    with store.read() as s:
        docs = s.exec(select(func.count()).select_from(Document)).one()
        shas = s.exec(select(func.count(func.distinct(Document.sha256)))).one()
        events = s.exec(select(func.count()).select_from(AuditEvent)
                        .where(AuditEvent.action == "ingest")).one()
    return int(docs), int(shas), int(events)


def cli_env(db: str, tmp_path: Path) -> dict[str, str]:
    """The environment of a real `verifier` subprocess running this worktree's code."""
    env = {k: v for k, v in os.environ.items() if k != "VERIFIER_TOKEN"}
    env.update(PYTHONPATH=str(ROOT), VERIFIER_DATABASE_URL=db,
               VERIFIER_CONFIG=str(tmp_path / "verifier.toml"))
    return env


def verifier(*args: str, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "verifier.cli", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


# --- SQLite: the same jobs, in-process ----------------------------------------------------------


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    from verifier.db.store import close_stores

    yield open_store(f"sqlite:///{tmp_path / 'claims.db'}")
    close_stores()


def test_on_sqlite_an_ingest_job_runs_in_process_and_reports_its_progress(
        sqlite_store: Store, tmp_path: Path) -> None:
    files = write_documents(tmp_path / "in", 6)
    (tmp_path / "in" / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    job = services.jobs.enqueue(OWNER, "ingest", {"paths": [str(tmp_path / "in")]},
                                db=sqlite_store)
    assert (job.status, job.done, job.total, job.attempts, job.worker) == (
        "done", 7, 7, 1, "in-process")
    assert job.result is not None
    assert (job.result["ingested"], job.result["known"], job.result["failed"]) == (6, 0, 1)
    [failure] = job.result["failures"]
    assert failure["path"].endswith("broken.pdf") and "PDF" in failure["error"]
    assert documents_and_ingest_events(sqlite_store) == (6, 6, 6)
    # Asked again: every document is known, nothing is stored twice.
    again = services.jobs.enqueue(OWNER, "ingest", {"paths": [str(p) for p in files]},
                                  db=sqlite_store)
    assert again.result is not None and (again.result["ingested"], again.result["known"]) == (0, 6)
    assert documents_and_ingest_events(sqlite_store) == (6, 6, 6)
    with sqlite_store.read() as s:
        actions = [e.action for e in s.exec(select(AuditEvent).order_by(col(AuditEvent.seq)))
                   if e.action.startswith("job.")]
        assert actions == ["job.enqueue", "job.done"] * 2
        assert audit.verify_chain(s).ok
    assert [j.id for j in services.jobs.list_jobs(OWNER, db=sqlite_store)] == [again.id, job.id]
    assert services.jobs.job_json(services.jobs.get(OWNER, job.id or 0, db=sqlite_store))[
        "status"] == "done"


def test_a_job_interrupted_midway_runs_again_without_applying_anything_twice(
        sqlite_store: Store, tmp_path: Path) -> None:
    """What a killed worker leaves (a job "running", some of its documents committed): run
    again, the job stores the rest and finds the committed ones by their SHA-256."""
    files = write_documents(tmp_path / "in", 5)
    services.ingest_files(OWNER, files[:2], db=sqlite_store)  # committed before the "kill"
    with sqlite_store.write() as s:
        from verifier.db import jobs as db_jobs

        made = db_jobs.create(session=s, kind="ingest", args={"paths": [str(p) for p in files]},
                              requested_by=OWNER.name, role=OWNER.role, channel="cli",
                              scope=None)
        db_jobs.start(session=s, job_id=made.id or 0, worker="a-worker-that-died")
    job = services.jobs.run(made.id or 0, db=sqlite_store, worker="in-process")
    assert (job.status, job.attempts, job.done) == ("done", 2, 5)
    assert job.result is not None and (job.result["ingested"], job.result["known"]) == (3, 2)
    assert documents_and_ingest_events(sqlite_store) == (5, 5, 5)
    # A job already done is left as it is when the queue hands it over once more.
    assert services.jobs.run(made.id or 0, db=sqlite_store).attempts == 2


def test_recheck_export_and_imports_as_jobs(sqlite_store: Store, tmp_path: Path) -> None:
    services.ingest_document(OWNER, SEED, db=sqlite_store)
    pack = tmp_path / "pack.yaml"
    pack.write_bytes((ROOT / "verifier" / "data" / "demo" / "facts.yaml").read_bytes())
    facts = services.jobs.enqueue(OWNER, "facts.import", {"paths": [str(pack)]}, db=sqlite_store)
    assert facts.status == "done" and facts.result and facts.result["facts"] > 0
    recheck = services.jobs.enqueue(OWNER, "recheck", {"concerned_by_facts": True},
                                    db=sqlite_store)
    assert (recheck.status, recheck.done, recheck.total) == ("done", 1, 1)
    assert recheck.result and recheck.result["totals"]["documents"] == 1
    assert [d["title"][:5] for d in recheck.result["documents"]] == ["Maroc"]
    out = tmp_path / "claims.csv"
    export = services.jobs.enqueue(OWNER, "export", {"format": "csv", "path": str(out)},
                                   db=sqlite_store)
    assert export.status == "done" and export.result and export.result["path"] == str(out)
    assert out.is_file() and export.result["rows"] > 0
    # Failing when it runs (the file exists now): failed, with one line, nothing written.
    before = out.read_bytes()
    again = services.jobs.enqueue(OWNER, "export", {"format": "csv", "path": str(out)},
                                  db=sqlite_store)
    assert again.status == "failed" and again.error and "\n" not in again.error
    assert out.read_bytes() == before


def test_jobs_are_authorised_when_asked_for_and_seen_by_their_owner_or_an_admin(
        sqlite_store: Store, tmp_path: Path) -> None:
    adam = bootstrap_admin(sqlite_store)
    services.users.add_user(adam, "fatima", "fact-checker", password=TEST_PASSWORD,
                            db=sqlite_store)
    services.users.add_user(adam, "eddie", "editor", password=TEST_PASSWORD, db=sqlite_store)
    fatima = services.Principal("fatima", "fact-checker", "cli")
    eddie = services.Principal("eddie", "editor", "cli")
    files = write_documents(tmp_path / "in", 1)
    with pytest.raises(services.PermissionDenied, match="only admins"):
        services.jobs.enqueue(eddie, "facts.import", {"paths": [str(files[0])]}, db=sqlite_store)
    with pytest.raises(services.PermissionDenied, match="command line"):  # no server paths
        services.jobs.enqueue(services.Principal("fatima", "fact-checker", "ui"), "ingest",
                              {"paths": ["/etc/passwd"]}, db=sqlite_store)
    with pytest.raises(services.PermissionDenied, match="fact-checkers and admins"):
        services.jobs.enqueue(eddie, "recheck", {}, db=sqlite_store)
    with pytest.raises(services.JobError, match="unknown kind of job"):
        services.jobs.enqueue(fatima, "mine-bitcoin", {}, db=sqlite_store)
    with pytest.raises(services.JobError, match="document_ids"):
        services.jobs.enqueue(fatima, "recheck", {"document_ids": "all"}, db=sqlite_store)
    with sqlite_store.read() as s:
        assert s.exec(select(Job)).all() == []  # refused: nothing recorded
    mine = services.jobs.enqueue(fatima, "recheck", {}, db=sqlite_store)
    assert services.jobs.get(fatima, mine.id or 0, db=sqlite_store).requested_by == "fatima"
    assert services.jobs.list_jobs(eddie, db=sqlite_store) == []
    with pytest.raises(services.jobs.JobNotFound, match="no job"):
        services.jobs.get(eddie, mine.id or 0, db=sqlite_store)
    assert [j.id for j in services.jobs.list_jobs(adam, db=sqlite_store)] == [mine.id]


def test_worker_on_sqlite_is_refused_in_one_line(tmp_path: Path) -> None:
    env = cli_env(f"sqlite:///{tmp_path / 'claims.db'}", tmp_path)
    res = verifier("worker", "--burst", env=env, timeout=120)
    assert res.returncode == 2, res.stderr
    assert res.stderr.strip().splitlines() == [
        "error: the task queue needs a PostgreSQL store (this one is sqlite): jobs run "
        "in-process there"]


# --- ingest DIR --workers 2, through the real CLI, on both stores -----------------------------


def test_ingest_a_folder_with_two_worker_processes(db_url: str, tmp_path: Path) -> None:
    write_documents(tmp_path / "in", 8)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "notes.csv").write_text("not walked for", encoding="utf-8")
    env = cli_env(db_url, tmp_path)
    res = verifier("ingest", str(tmp_path / "in"), "--workers", "2", env=env)
    assert res.returncode == 2, res.stderr  # one file failed
    lines = res.stdout.strip().splitlines()
    assert len(lines) == 8 and all(line.endswith(" claims)") for line in lines), res.stdout
    err = res.stderr.strip().splitlines()
    assert err[-1] == "8 ingested, 0 already known, 1 failed"
    assert err[0].startswith(f"error: {tmp_path / 'in' / 'empty.txt'}: ")
    again = verifier("ingest", str(tmp_path / "in"), "--workers", "2", env=env)
    assert again.stderr.strip().splitlines()[-1] == "0 ingested, 8 already known, 1 failed"
    assert documents_and_ingest_events(open_store(db_url)) == (8, 8, 8)
    assert verifier("audit", "verify", env=env).returncode == 0


# --- PostgreSQL: two real workers, one killed mid-job --------------------------------------------


@pytest.fixture
def pg_url() -> Iterator[str]:
    yield from postgres_schema_url()


def _job_rows(store: Store) -> list[Job]:
    with store.read() as s:
        return list(s.exec(select(Job).order_by(col(Job.id))).all())


def _wait_until(what: str, ok, timeout: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not ok():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)


def test_two_workers_one_killed_mid_job_every_document_stored_once(
        pg_url: str, tmp_path: Path) -> None:
    write_documents(tmp_path / "in", 16, seed=True)
    env = cli_env(pg_url, tmp_path)
    queued = verifier("ingest", str(tmp_path / "in"), "--queue", "--batch", "4", env=env)
    assert queued.returncode == 0, queued.stderr
    store = open_store(pg_url)
    assert [j.status for j in _job_rows(store)] == ["queued"] * 4
    logs = [(tmp_path / f"worker-{i}.log").open("wb") for i in range(2)]
    workers = [subprocess.Popen(
        [sys.executable, "-m", "verifier.cli", "worker", "--heartbeat", "0.5",
         "--stalled-after", "2"], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        for log in logs]
    try:
        pids = {w.pid: w for w in workers}

        def running_midway() -> Job | None:
            for job in _job_rows(store):
                pid = int((job.worker or ":0").rsplit(":", 1)[1])
                if (job.status == "running" and pid in pids and job.total
                        and 1 <= job.done < job.total):
                    return job
            return None

        _wait_until("a job halfway through", lambda: running_midway() is not None, 180)
        victim = running_midway()
        assert victim is not None and victim.worker is not None
        killed = pids[int(victim.worker.rsplit(":", 1)[1])]
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=30)
        _wait_until("every job done",
                    lambda: all(j.status in ("done", "failed") for j in _job_rows(store)), 240)
    finally:
        for w in workers:
            if w.poll() is None:
                w.send_signal(signal.SIGTERM)
        for w in workers:
            try:
                w.wait(timeout=60)
            except subprocess.TimeoutExpired:
                w.kill()
        for log in logs:
            log.close()
    jobs = _job_rows(store)
    assert [j.status for j in jobs] == ["done"] * 4, [(j.id, j.status, j.error) for j in jobs]
    again = next(j for j in jobs if j.id == victim.id)
    assert again.attempts == 2 and again.worker != victim.worker
    assert again.result is not None and again.result["known"] >= 1  # its first attempt's work
    # Stored by the first attempt (found known by the second) or by one run of a job: 16.
    assert sum(j.result["ingested"] for j in jobs if j.result) + again.result["known"] == 16
    assert documents_and_ingest_events(store) == (16, 16, 16)
    check = verifier("audit", "verify", env=env)
    assert check.returncode == 0 and "audit log intact" in check.stdout, check.stdout
    listed = verifier("jobs", "list", "--format", "json", env=env)
    assert sorted(j["status"] for j in json.loads(listed.stdout)) == ["done"] * 4


def test_export_as_a_job_through_the_cli(db_url: str, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """`verifier export --out F --job`: on SQLite it runs at once; on PostgreSQL it is queued and
    a worker writes the file; the job reports the path. Above the threshold (10,000 claims),
    PostgreSQL exports into a file are jobs without --job."""
    store = open_store(db_url)
    services.ingest_document(OWNER, SEED, db=store)
    env = cli_env(db_url, tmp_path)
    out = tmp_path / "quotes.csv"
    res = verifier("export", "--format", "csv", "--kind", "quote", "--out", str(out), "--job",
                   env=env)
    assert res.returncode == 0, res.stderr
    [job] = services.jobs.list_jobs(OWNER, db=store)
    assert job.args and job.args["filters"] == {"kind": "quote"}
    if store.dialect == "postgresql":
        assert res.stderr.strip() == f"job {job.id}: export queued"
        assert not out.exists()
        assert verifier("worker", "--burst", env=env).returncode == 0
        job = services.jobs.get(OWNER, job.id or 0, db=store)
    else:
        assert res.stderr.strip().startswith(f"job {job.id}: export done, ")
    assert job.status == "done" and job.result and job.result["path"] == str(out)
    import csv

    with out.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("claim_id", "").isdigit()]
    assert len(rows) == job.result["rows"] > 0 and {r["kind"] for r in rows} == {"quote"}
    assert not services.jobs.export_runs_as_job(OWNER, db=store)  # 1 document, few claims
    monkeypatch.setattr(services.jobs, "EXPORT_JOB_THRESHOLD", 0)
    assert services.jobs.export_runs_as_job(OWNER, db=store) is (store.dialect == "postgresql")


def test_ingest_queue_on_sqlite_runs_the_jobs_in_the_command(tmp_path: Path) -> None:
    write_documents(tmp_path / "in", 5)
    db = f"sqlite:///{tmp_path / 'claims.db'}"
    env = cli_env(db, tmp_path)
    res = verifier("ingest", str(tmp_path / "in"), "--queue", "--batch", "2", env=env)
    assert res.returncode == 0, res.stderr
    lines = [line.split("\t") for line in res.stdout.strip().splitlines()]
    assert [(f[1], f[2], f[3]) for f in lines] == [("ingest", "done", "2/2")] * 2 + [
        ("ingest", "done", "1/1")]
    assert res.stderr.strip() == "3 jobs for 5 files"
    assert documents_and_ingest_events(open_store(db)) == (5, 5, 5)
