"""Reference material: facts packs, reference sources, earlier fact-checks (admins)."""
from __future__ import annotations

from pathlib import PurePath
from typing import Any

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from verifier import services
from verifier.api.auth import Caller, store
from verifier.api.bodies import binary, openapi_body, read_body, string
from verifier.api.errors import ApiError, ServiceRoute
from verifier.api.routes.documents import ingested, source_of

router = APIRouter(route_class=ServiceRoute, tags=["reference"])


@router.post("/facts", summary="Import facts packs",
             openapi_extra=openapi_body(None, {"required": ["file"], "properties": {
                 "file": {"type": "array", "items": binary("A pack, YAML or CSV.")},
                 "format": string("yaml or csv (default: from the file name)."),
             }}),
             description="Every pack validated, then all stored in one transaction, each "
                         "replacing the stored pack of its name; one bad pack: nothing "
                         "stored. Scope admin.")
async def import_facts(request: Request, who: Caller) -> dict[str, Any]:
    body = await read_body(request, json_ok=False)
    files = body.uploads("file")
    if not files:
        raise ApiError(422, "file: give one or more packs")
    results = await run_in_threadpool(
        services.sources.import_packs, who, [f.data for f in files],
        names=[PurePath(f.name).stem for f in files], fmt=body.text("format") or None,
        db=store(request))
    return {"packs": [{"pack": r.pack, "facts": r.facts, "replaced": r.replaced,
                       "sha256": r.sha256} for r in results]}


@router.post("/sources", summary="Add a reference source",
             openapi_extra=openapi_body(
                 {"required": ["url"], "properties": {"url": string("An http(s) URL."),
                                                      "lang": string("fr or en.")}},
                 {"required": ["file"], "properties": {"file": binary("A transcript, "
                                                                      "communiqué..."),
                                                       "lang": string("fr or en.")}}),
             description="Stored with its passages; quotes of later checks are aligned with "
                         "it. Scope admin.")
async def add_source(request: Request, response: Response, who: Caller) -> dict[str, Any]:
    body = await read_body(request)
    source, name = source_of(body)
    result = await run_in_threadpool(services.sources.add_source, who, source, name=name,
                                     lang=body.text("lang"), db=store(request))
    return ingested(result, response)


@router.post("/precedents", summary="Import earlier fact-checks",
             openapi_extra=openapi_body(None, {"required": ["file"], "properties": {
                 "file": binary("TSV/CSV (id, claim, title, verdict, url, date), ClaimReview "
                                "JSON-LD, a schema.org DataFeed, Fact Check Tools API "
                                "responses, or a saved fact-check page (HTML)."),
                 "collection": string("Collection name (default: the file name); re-importing "
                                      "a TSV/CSV list replaces it, ClaimReview is merged by "
                                      "review URL.")}}),
             description="Scope admin.")
async def import_precedents(request: Request, who: Caller) -> dict[str, Any]:
    body = await read_body(request, json_ok=False)
    upload = body.file("file")
    if upload is None:
        raise ApiError(422, "file: give the fact-checks to import")
    collection = body.text("collection") or PurePath(upload.name).stem
    result = await run_in_threadpool(services.sources.import_precedents, who, upload.data,
                                     name=upload.name, collection=collection, db=store(request))
    return result.to_json()
