"""The FastAPI application: the routes of /v1, the size cap, the error answers, OpenAPI at
/openapi.json and its pages at /docs."""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from verifier import __version__
from verifier.api import errors
from verifier.api.limits import BodyLimit
from verifier.api.routes import audit, check, claims, documents, exports, jobs, me, reference
from verifier.services._base import Db

ROUTERS = (check.router, documents.router, claims.router, exports.router, audit.router,
           reference.router, jobs.router, me.router)

DESCRIPTION = """verifier's HTTP API: check a draft before publishing (`POST /v1/check`), ingest
documents, review claims, export, verify the audit log, import facts, sources and earlier
fact-checks. Every call sends `Authorization: Bearer <token>` (`verifier tokens create NAME
--scope check|review|audit|admin`); it acts as the token's user, with the role stored now,
within the token's scope, and every change is audited under that user with channel `api`.
Errors are `{"error": "<one line>"}`. See docs/api.md."""


def create_app(db: Db = None) -> FastAPI:
    """The API over the store `db` (a URL or an open store; None: VERIFIER_DATABASE_URL)."""
    app = FastAPI(title="verifier", version=__version__, description=DESCRIPTION,
                  docs_url="/docs", redoc_url=None, openapi_url="/openapi.json")
    app.state.db = db
    for router in ROUTERS:
        app.include_router(router, prefix="/v1")
    app.add_exception_handler(RequestValidationError, errors.on_validation)
    app.add_exception_handler(StarletteHTTPException, errors.on_http)
    app.add_middleware(BodyLimit)
    return app
