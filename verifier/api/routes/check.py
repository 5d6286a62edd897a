"""POST /v1/check: the CMS's pre-publish check of a draft (services.submit_draft)."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from verifier import services
from verifier.api.auth import Caller, store
from verifier.api.bodies import binary, openapi_body, read_body, string
from verifier.api.errors import ApiError, ServiceRoute

router = APIRouter(route_class=ServiceRoute, tags=["check"])

_COMMON = {
    "published": string("Publication date YYYY-MM-DD (default: from metadata or dateline).",
                        format="date"),
    "lang": string("fr or en (default: detected).", enum=["fr", "en"]),
    "save": {"type": "boolean", "default": False,
             "description": "Store the draft with its checked claims (kind draft), as the "
                            "editor's “Save draft”; default: store nothing."},
}
_JSON = {"required": ["text"], "properties": {
    "text": string("The draft's text."),
    "name": string("A name for the draft (default: draft.txt)."),
    "sources": {"type": "array", "items": {"type": "string"},
                "description": "Texts of reference sources (transcripts, press releases) to "
                               "check quotes against; read, never stored."},
    **_COMMON}}
_FORM = {"required": ["file"], "properties": {
    "file": binary("The draft: txt, md, html, docx or pdf."),
    "sources": {"type": "array", "items": binary("A reference source file.")},
    **_COMMON}}


def check_json(submitted: services.SubmittedDraft) -> dict[str, Any]:
    """The `verifier check --format json` object (ready_to_publish included), the counts, what
    to fix claim by claim, and the stored draft when saved."""
    report = submitted.checked.report
    out = report.to_json()
    out["counts"] = {"claims": len(report.claims), "problems": len(report.problems),
                     **report.summary()}
    out["fixes"] = list(submitted.checked.fixes)
    saved = submitted.saved
    out["saved"] = None if saved is None else {
        "document_id": saved.document.id, "created": saved.created,
        "claims_added": saved.claims_added}
    return out


@router.post("/check", summary="Check a draft before publishing",
             openapi_extra=openapi_body(_JSON, _FORM),
             description="A draft as JSON text or an uploaded file, checked against the "
                         "store's facts, reference sources and earlier fact-checks. Answers "
                         "the `verifier check --format json` object with `ready_to_publish`, "
                         "`counts` and `fixes`. Stores nothing unless `save` is true. "
                         "Needs a token of scope check (or review, admin).")
async def check(request: Request, who: Caller) -> dict[str, Any]:
    body = await read_body(request, repeated=frozenset({"sources"}))
    upload = body.document("file")
    if upload is not None:
        data, name = upload.data, upload.name
        sources = [(u.data, u.name) for u in body.documents("sources")]
    else:
        text = body.text("text")
        if text is None:
            raise ApiError(422, "text: missing (send the draft's text, or upload it as file)")
        data, name = text.encode("utf-8"), body.text("name") or "draft.txt"
        sources = [(s.encode("utf-8"), f"source-{i}.txt")
                   for i, s in enumerate(body.strings("sources"), 1)]
    submitted = await run_in_threadpool(
        services.submit_draft, who, data, name=name, lang=body.text("lang"),
        published=body.date("published"), sources=sources, save=body.flag("save"),
        db=store(request))
    return check_json(submitted)
