"""The services' errors as HTTP answers: a JSON body {"error": "<one line>"} (the line the CLI
prints after "error: "), never a traceback. Mapped in one place (`answer_for`), used by every
route through `ServiceRoute` and by the app's handlers for FastAPI's own errors."""
from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from verifier import services

log = logging.getLogger("verifier.api")

# The challenge of a 401 (RFC 6750): a bearer token, made by `verifier tokens create`.
CHALLENGE = 'Bearer realm="verifier"'


class ApiError(Exception):
    """A refusal the API itself decides from the request's form (missing header, wrong media
    type, malformed JSON): its status, one line, and headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, one_line(message), headers or {}


def one_line(exc: BaseException | str) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else (
        type(exc).__name__ if isinstance(exc, BaseException) else "bad request")


def error(status: int, message: str, headers: dict[str, str] | None = None,
          **extra: Any) -> JSONResponse:
    return JSONResponse({"error": one_line(message), **extra}, status_code=status,
                        headers=headers)


# Refusals of what was sent (bad values, bad files, unknown verdicts...): 422.
UNPROCESSABLE = (services.IngestError, services.DocumentError, services.DocumentTooComplex,
                 services.ReviewError, services.PackError, services.ExportError,
                 services.SchemaError, ValueError)


def answer_for(exc: Exception) -> JSONResponse | None:
    """The answer to a service's exception, or None when it is a bug (a 500 then)."""
    if isinstance(exc, ApiError):
        return error(exc.status, exc.message, exc.headers)
    if isinstance(exc, services.tokens.TokenRefused):  # before PermissionDenied: it is one
        return error(401, str(exc), {"WWW-Authenticate": CHALLENGE + ', error="invalid_token"'})
    if isinstance(exc, services.PermissionDenied):
        return error(403, str(exc))
    if isinstance(exc, services.ReviewConflict):
        at = exc.changed_at.isoformat() if exc.changed_at else None
        return error(409, f"{one_line(exc)}; nothing saved: GET the claim again and retry",
                     claim_id=exc.claim_id, current_version=exc.current_version,
                     seen_version=exc.seen_version, changed_by=exc.changed_by, changed_at=at)
    if isinstance(exc, services.ClaimNotFound | services.documents.DocumentNotFound
                  | services.jobs.JobNotFound):
        return error(404, str(exc))
    if isinstance(exc, services.QueueUnavailable):
        return error(503, str(exc))
    if isinstance(exc, services.DocumentTooBig):
        return error(413, str(exc))
    if isinstance(exc, services.BrowserMissing):
        return error(503, str(exc))
    if isinstance(exc, UNPROCESSABLE):
        return error(422, str(exc))
    failure = services.store_failure(exc)
    if failure is not None:
        return error(503, failure)
    return None


class ServiceRoute(APIRoute):
    """A route whose exceptions are answered by `answer_for`; FastAPI's own (validation,
    HTTPException) go to the app's handlers. An unexpected one is logged with its traceback
    and answered 500 with one line."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except (HTTPException, RequestValidationError):
                raise
            except Exception as exc:  # noqa: BLE001 - every error gets one line, never a trace
                answer = answer_for(exc)
                if answer is None:
                    log.exception("internal error on %s %s", request.method, request.url.path)
                    return error(500, "internal error: see the server's log")
                return answer

        return guarded


def validation_line(exc: RequestValidationError) -> str:
    """FastAPI's validation errors as one line: where, then what (the first error)."""
    errors = exc.errors()
    if not errors:
        return "invalid request"
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body",))
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first.get('msg', 'invalid')}{more}" if where else f"{first.get('msg')}{more}"


async def on_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error(422, validation_line(exc))


async def on_http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"not found: {request.url.path} (the API is under /v1; see /docs)"
    return error(exc.status_code, detail, dict(exc.headers or {}))
