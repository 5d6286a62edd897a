"""Jobs: long work (re-checks, feed polls, exports, imports) asked for and followed over HTTP.
`POST /v1/jobs` asks for one (`{"kind": ..., "args": {...}}`), `GET /v1/jobs/{id}` follows its
progress, `GET /v1/jobs` lists the latest. Kinds that name files on the server are refused
here (403): the command line asks for those (docs/jobs.md)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from verifier import services
from verifier.api.auth import Caller, store
from verifier.api.bodies import openapi_body, read_body, string
from verifier.api.errors import ApiError, ServiceRoute

router = APIRouter(route_class=ServiceRoute, tags=["jobs"])


@router.post("/jobs", summary="Ask for a job", status_code=202,
             openapi_extra=openapi_body({"required": ["kind"], "properties": {
                 "kind": string("recheck, feed.poll, export, ... (docs/jobs.md)"),
                 "args": {"type": "object", "description": "The kind's arguments."}}}, None),
             description="The job's role and scope are its kind's (a re-check: check; an "
                         "export: audit). On PostgreSQL the workers run it; on SQLite it has "
                         "run when this answers.")
async def ask(request: Request, response: Response, who: Caller) -> dict[str, Any]:
    body = await read_body(request, form_ok=False)
    kind = body.text("kind")
    if not kind:
        raise ApiError(422, "kind: give the kind of job (docs/jobs.md)")
    args = body.fields.get("args") or {}
    if not isinstance(args, dict):
        raise ApiError(422, f"args: expected an object, not {type(args).__name__}")
    job = await run_in_threadpool(services.jobs.enqueue, who, kind, args, db=store(request))
    response.headers["Location"] = f"/v1/jobs/{job.id}"
    return services.jobs.job_json(job)


@router.get("/jobs/{job_id}", summary="One job and its progress")
def one(request: Request, who: Caller, job_id: int) -> dict[str, Any]:
    return services.jobs.job_json(services.jobs.get(who, job_id, db=store(request)))


@router.get("/jobs", summary="The latest jobs (the caller's own; an admin's: everyone's)")
def latest(request: Request, who: Caller,
           limit: Annotated[int, Query(ge=1, le=500)] = 50,
           kind: Annotated[list[str] | None, Query()] = None,
           status: Annotated[list[str] | None, Query()] = None) -> dict[str, Any]:
    jobs = services.jobs.list_jobs(who, limit=limit, kinds=kind, statuses=status, db=store(request))
    return {"jobs": [services.jobs.job_json(j) for j in jobs]}
