"""GET /v1/exports/{fmt}: every format of the exports service, streamed with its media type;
the audit head the export recorded is in X-Verifier-Audit-Head."""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import date
from typing import IO, Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from verifier import services
from verifier.api.auth import Caller, store
from verifier.api.errors import ApiError, ServiceRoute

router = APIRouter(route_class=ServiceRoute, tags=["exports"])

CHUNK = 1 << 16


def _chunks(fh: IO[bytes]) -> Iterator[bytes]:
    while chunk := fh.read(CHUNK):
        yield chunk


@router.get("/exports/{fmt}", summary="Export claims, verdicts and evidence",
            response_class=StreamingResponse,
            description="csv, xlsx, json, jsonld (schema.org ClaimReview), html or pdf, with "
                        "the desk's filters; the file carries the audit head and the export "
                        "is audited. Scope audit; auditors and admins.")
async def export(
    request: Request, who: Caller,
    fmt: Annotated[str, Path(description=", ".join(services.FORMATS))],
    document: int | None = None, since: date | None = None, until: date | None = None,
    status: str | None = None, verdict: str | None = None, reviewer: str | None = None,
    kind: str | None = None, base_url: str | None = None,
) -> StreamingResponse:
    if fmt not in services.exports.MEDIA_TYPES:
        raise ApiError(404, f"unknown export format {fmt!r} (one of "
                            f"{', '.join(services.FORMATS)})")
    media, ext = services.exports.MEDIA_TYPES[fmt]
    filters = services.ExportFilters(document_id=document, since=since, until=until,
                                     status=status, verdict=verdict, reviewer=reviewer,
                                     kind=kind)
    # Written whole first (a file past 8 MB spills to disk): a refusal or a failure is an
    # error answer, never a truncated file with status 200.
    spool = tempfile.SpooledTemporaryFile(max_size=8 << 20)  # noqa: SIM115 - closed after sending
    try:
        result = await run_in_threadpool(services.exports.export, who, fmt, spool,
                                         filters=filters, base_url=base_url, db=store(request))
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    headers = {"Content-Disposition": f'attachment; filename="verifier-export.{ext}"',
               "Content-Length": str(result.bytes),
               "X-Verifier-Audit-Head": f"{result.head_seq}:{result.head_hash}",
               "X-Verifier-Rows": str(result.rows), "X-Verifier-SHA256": result.sha256}
    return StreamingResponse(_chunks(spool), media_type=media, headers=headers,  # type: ignore[arg-type]
                             background=BackgroundTask(spool.close))
