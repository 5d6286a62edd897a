"""The Jobs panel of the sources page (AppTest): the re-check the page starts is a job; a job
a worker is running elsewhere shows its progress; each user sees their own jobs, an admin
every one."""
from __future__ import annotations

from verifier import services
from verifier.db import jobs as db_jobs

from .test_ui_pages import PACK
from .test_ui_support import PAGE, Seeded, seeded, sign_in

__all__ = ["seeded"]


def _running_elsewhere(seeded: Seeded, who: str, role: str) -> int:
    """A job as a `verifier worker` on another machine leaves it: running, 3 of 10 done."""
    with seeded.store.write() as s:
        job = db_jobs.create(session=s, kind="ingest", args={"paths": ["/srv/in"]},
                             requested_by=who, role=role, channel="cli", scope=None)
        assert job.id is not None
        db_jobs.start(session=s, job_id=job.id, worker="other-host:4242")
        db_jobs.progress(session=s, job_id=job.id, done=3, total=10)
        return job.id


def test_the_recheck_the_sources_page_starts_is_a_job_shown_with_its_progress(
        seeded: Seeded) -> None:
    at = sign_in("adam")
    at.switch_page(PAGE["sources"]).run()
    assert not any(h.value == "Jobs" for h in at.subheader)  # no job yet: no panel
    at.file_uploader(key="sources_pack_files").set_value(("p.yaml", PACK, "application/yaml"))
    at.button(key="sources_import_btn").click().run()
    at.button(key="sources_recheck_btn").click().run()
    assert not at.exception, at.exception
    assert any(s.value.startswith("Re-checked 1 document") for s in at.success)
    [job] = services.jobs.list_jobs(services.Principal("adam", "admin", "ui"),
                                    db=seeded.store)
    assert (job.kind, job.status, job.done, job.total, job.requested_by) == (
        "recheck", "done", 1, 1, "adam")
    running = _running_elsewhere(seeded, "fatima", "fact-checker")
    at.run()
    assert any(h.value == "Jobs" for h in at.subheader)
    table = next(df.value for df in at.dataframe if "kind" in df.value.columns)
    assert list(table["id"]) == [running, job.id]  # an admin sees every job, newest first
    assert list(table["status"]) == ["running", "done"]
    assert list(table["progress"]) == ["3/10", "1/1"]
    assert "documents 1" in table["result"][1]
    bars = [p for p in at.get("progress") if "Job " in str(p.proto.text)]
    assert [p.proto.text for p in bars] == [f"Job {running} (ingest): running, 3 of 10"]


def test_a_fact_checker_sees_only_their_own_jobs(seeded: Seeded) -> None:
    mine = _running_elsewhere(seeded, "fatima", "fact-checker")
    _running_elsewhere(seeded, "adam", "admin")
    at = sign_in("fatima")
    at.switch_page(PAGE["sources"]).run()
    assert not at.exception, at.exception
    table = next(df.value for df in at.dataframe if "kind" in df.value.columns)
    assert list(table["id"]) == [mine]
