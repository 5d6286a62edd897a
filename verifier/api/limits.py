"""The request size cap: the ingestion cap (services.max_document_bytes, VERIFIER_MAX_BYTES,
the UI's upload cap) plus room for a multipart envelope. A request whose Content-Length says
more is refused with 413 before its body is read; one that streams past the cap (chunked, or
lying about its length) is refused with 413 as soon as it does, never read whole."""
from __future__ import annotations

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from verifier import services
from verifier.api.errors import error

# Multipart boundaries, field names, the other fields of a form (language, date...).
ENVELOPE = 64 * 1024


def request_cap() -> int:
    return services.max_document_bytes() + ENVELOPE


class BodyTooLarge(HTTPException):
    """Raised inside a route (by the body's receive) past the cap: an HTTPException, so that
    FastAPI's body parsing lets it through and the app's handler answers 413."""

    def __init__(self, size: int) -> None:
        super().__init__(413, refusal(size))


def refusal(size: int) -> str:
    """The one line of a request body of `size` bytes past the cap, in ingestion's words."""
    found = services.documents.request_too_big("request body", size)
    return str(found) if found else f"request body: more than {request_cap():,} bytes"


class BodyLimit:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = request_cap()
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > cap:
            # Answered from the declared length alone: the body is never read, and the
            # server closes the connection.
            answer = error(413, refusal(int(declared)), {"Connection": "close"})
            await answer(scope, _no_body, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    raise BodyTooLarge(seen)
            return message

        await self.app(scope, counted, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}
