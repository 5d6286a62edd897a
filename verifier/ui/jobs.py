"""The Jobs panel: the latest jobs the signed-in user may see (their own; an admin's: every
one), with a progress bar for each queued or running job, refreshed every few seconds while
one is (a worker elsewhere moves them: `verifier worker`). Shown on the sources page, where
re-checks and imports start."""
from __future__ import annotations

from typing import Any

import streamlit as st

from verifier import services
from verifier.ui.i18n import _

ACTIVE = ("queued", "running")
REFRESH_SECONDS = 2.0


def _row(job: Any) -> dict[str, Any]:
    total = "?" if job.total is None else job.total
    result = job.result or {}
    summary = result.get("totals", result) if isinstance(result, dict) else result
    shown = {k: v for k, v in summary.items() if not isinstance(v, list | dict)}
    return {"id": job.id, "kind": job.kind, "status": job.status,
            "progress": f"{job.done}/{total}", "by": job.requested_by,
            "asked": job.created_at.strftime("%Y-%m-%d %H:%M:%S"),
            "result": job.error or ", ".join(f"{k} {v}" for k, v in shown.items())}


def _bars(jobs: list[Any]) -> None:
    for job in jobs:
        if job.status not in ACTIVE:
            continue
        share = job.done / job.total if job.total else 0.0
        total = "?" if job.total is None else job.total
        st.progress(min(share, 1.0), text=_("Job {id} ({kind}): {status}, {done} of {total}")
                    .format(id=job.id, kind=job.kind, status=job.status, done=job.done,
                            total=total))


def render(me: services.Principal, *, limit: int = 10) -> None:
    """The panel (nothing when the user has no job)."""
    jobs = services.jobs.list_jobs(me, limit=limit)
    if not jobs:
        return
    st.subheader(_("Jobs"))
    active = any(j.status in ACTIVE for j in jobs)

    @st.fragment(run_every=REFRESH_SECONDS if active else None)
    def panel() -> None:
        now = services.jobs.list_jobs(me, limit=limit)
        _bars(now)
        st.dataframe([_row(j) for j in now], hide_index=True, width="stretch", key="jobs_table")

    panel()
