"""Claims: the desk's queue with its filters and pages, one claim with its evidence and
history, and a verdict on the version the caller saw (If-Match: the claim's ETag)."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from verifier import services
from verifier.api.auth import Caller, store
from verifier.api.bodies import openapi_body, read_body, string
from verifier.api.errors import ApiError, ServiceRoute

router = APIRouter(route_class=ServiceRoute, tags=["claims"])


def etag(version: int | None) -> str:
    return f'"{version}"'


def seen_version(if_match: str | None) -> int:
    """The claim version an If-Match names ("3", W/"3" or 3). Missing: 428."""
    if if_match is None or not if_match.strip():
        raise ApiError(428, "If-Match is required: send the claim's version as GET "
                            "/v1/claims/{id} gave it in its ETag")
    value = if_match.strip().removeprefix("W/").strip('"').strip()
    if not value.isdigit():
        raise ApiError(422, f"If-Match: {if_match!r} is not a claim version (the ETag of "
                            "GET /v1/claims/{id}, e.g. \"3\")")
    return int(value)


def listed(row: services.QueueRow) -> dict[str, Any]:
    return services.claim_dict(row.claim) | {
        "document_id": row.claim.document_id, "document_title": row.document_title,
        "published": row.published.isoformat() if row.published else None,
        "group": row.group, "anonymous": row.anonymous}


Many = Annotated[list[str] | None, Query()]


@router.get("/claims", summary="The desk's queue of claims, with its filters, in pages")
def list_claims(
    request: Request, who: Caller,
    status: Annotated[list[Literal["unreviewed", "reviewed"]] | None, Query()] = None,
    kind: Annotated[list[Literal["quote", "temporal", "factual"]] | None, Query()] = None,
    finding: Many = None,
    group: Annotated[list[str] | None, Query(description="Triage groups.")] = None,
    document: int | None = None,
    document_kind: Annotated[list[Literal["article", "draft"]] | None, Query()] = None,
    anonymous: bool | None = None,
    published_from: date | None = None,
    published_to: date | None = None,
    evidence_changed: bool = False,
    show_routine: bool = False,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    filters = services.QueueFilters(
        statuses=tuple(status or ()), kinds=tuple(kind or ()), findings=tuple(finding or ()),
        anonymous=anonymous, document_id=document, published_from=published_from,
        published_to=published_to, evidence_changed=evidence_changed,
        document_kinds=tuple(document_kind or ()), groups=tuple(group or ()),
        show_routine=show_routine)
    page = services.desk.queue_page(who, filters, offset=offset, limit=limit, db=store(request))
    return {"total": page.total, "offset": page.offset, "limit": page.limit,
            "counts": page.counts, "claims": [listed(r) for r in page.rows]}


def _history(reviews: list[Any]) -> list[dict[str, Any]]:
    return [{"reviewer": r.reviewer, "verdict": r.verdict, "note": r.note,
             "claim_version": r.claim_version, "at": r.created_at.isoformat()} for r in reviews]


@router.get("/claims/{claim_id}", summary="One claim with its evidence and history",
            description="The ETag header is the claim's version: send it back in If-Match "
                        "with a verdict.")
def show_claim(request: Request, response: Response, who: Caller,
               claim_id: int) -> dict[str, Any]:
    shown = services.desk.claim_detail(who, claim_id, db=store(request))
    claim, doc = shown.claim, shown.document
    response.headers["ETag"] = etag(claim.version)
    return {"claim": services.claim_dict(claim) | {
                "document_id": claim.document_id, "reviewed_by": claim.reviewed_by,
                "reviewed_at": claim.reviewed_at.isoformat() if claim.reviewed_at else None},
            "document": {"id": doc.id, "kind": doc.kind, "title": doc.title or doc.source_name,
                         "language": doc.language, "url": doc.url,
                         "published": doc.published.isoformat() if doc.published else None},
            "evidence": [ev.to_json() for ev in shown.evidence],
            "history": _history(shown.reviews)}


@router.post("/claims/{claim_id}/verdict", summary="Mark a verdict and/or a note",
             openapi_extra=openapi_body({"properties": {
                 "verdict": string("One of: " + ", ".join(services.VERDICTS)),
                 "note": string("A note for the record.")}}, None)
             | {"parameters": [{"name": "If-Match", "in": "header", "required": True,
                                "schema": {"type": "string"},
                                "description": "The claim's version (its ETag)."}]},
             description="On the version named in If-Match (required: 428 without it); 409 "
                         "with who changed the claim and when if it changed since. Scope "
                         "review; fact-checkers and admins.")
async def verdict(request: Request, response: Response, who: Caller, claim_id: int,
                  if_match: Annotated[str | None, Header(include_in_schema=False)] = None,
                  ) -> dict[str, Any]:
    version = seen_version(if_match)
    body = await read_body(request, form_ok=False)
    verdict, note = body.text("verdict"), body.text("note")
    if verdict is None and note is None:
        raise ApiError(422, "give a verdict, a note, or both")
    saved = await run_in_threadpool(services.review.record_verdict, who, claim_id,
                                    verdict=verdict, note=note, seen_version=version,
                                    db=store(request))
    response.headers["ETag"] = etag(saved.version)
    return services.claim_dict(saved) | {"reviewed_by": saved.reviewed_by}
