"""Documents: ingest one (an upload or a URL), list them, show one."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from verifier import services
from verifier.api.auth import Caller, store
from verifier.api.bodies import Body, binary, openapi_body, read_body, string
from verifier.api.errors import ApiError, ServiceRoute

router = APIRouter(route_class=ServiceRoute, tags=["documents"])

_FIELDS = {
    "lang": string("fr or en (default: detected).", enum=["fr", "en"]),
    "published": string("Publication date YYYY-MM-DD.", format="date"),
}
_KIND = {"kind": string("article (default) or draft; reference sources: POST /v1/sources.",
                        enum=["article", "draft"])}


def summary(doc: Any, claims: int | None = None) -> dict[str, Any]:
    """A stored document as listings show it."""
    out = {"id": doc.id, "kind": doc.kind, "title": doc.title or doc.source_name,
           "language": doc.language,
           "published": doc.published.isoformat() if doc.published else None,
           "url": doc.url, "sha256": doc.sha256, "format": doc.format,
           "created_by": doc.created_by}
    return out if claims is None else out | {"claims": claims}


def source_of(body: Body) -> tuple[str | bytes, str | None]:
    """An upload's bytes and name, or a URL (fetched by the service, with the address checks
    of URL ingestion, and read in the limited worker)."""
    upload = body.document("file")
    url = body.text("url")
    if (upload is None) == (url is None):
        raise ApiError(422, "give one of file (an upload) or url")
    if upload is not None:
        return upload.data, upload.name
    assert url is not None
    if not url.lower().startswith(("http://", "https://")):
        raise ApiError(422, f"url: {url!r} is not an http(s) URL")
    return url, None


def ingested(result: services.IngestResult, response: Response) -> dict[str, Any]:
    response.status_code = 201 if result.created else 200
    return {"document": summary(result.document), "created": result.created,
            "claims_added": result.claims_added}


@router.post("/documents", summary="Ingest a document (article or draft)",
             openapi_extra=openapi_body(
                 {"required": ["url"], "properties": {"url": string("An http(s) URL."),
                                                      **_KIND, **_FIELDS}},
                 {"required": ["file"], "properties": {"file": binary("txt, md, html, docx "
                                                                      "or pdf."),
                                                       **_KIND, **_FIELDS}}),
             description="Store a document with its checked claims: 201 when stored, 200 "
                         "when it was stored already (unchanged). Scope check.")
async def ingest(request: Request, response: Response, who: Caller) -> dict[str, Any]:
    body = await read_body(request)
    source, name = source_of(body)
    kind = body.text("kind") or "article"
    if kind == "source":
        raise ApiError(422, "kind: reference sources are added with POST /v1/sources")
    result = await run_in_threadpool(
        services.ingest_document, who, source, name=name, kind=kind, lang=body.text("lang"),
        published=body.date("published"), db=store(request))
    return ingested(result, response)


@router.get("/documents", summary="List stored documents")
def list_documents(request: Request, who: Caller,
                   kind: Annotated[Literal["article", "draft", "source"] | None,
                                   Query(description="Only documents of this kind.")] = None,
                   offset: Annotated[int, Query(ge=0)] = 0,
                   limit: Annotated[int, Query(ge=1, le=500)] = 100) -> dict[str, Any]:
    rows = services.list_documents(who, kind=kind, db=store(request))
    return {"total": len(rows), "offset": offset, "limit": limit,
            "documents": [summary(d, n) for d, n in rows[offset:offset + limit]]}


@router.get("/documents/{document_id}", summary="One document: summary, text, claims")
def show_document(request: Request, who: Caller, document_id: int) -> dict[str, Any]:
    shown = services.show_document(who, document_id, db=store(request))
    return {"document": shown.summary | {"text": shown.text}, "claims": shown.claims}
