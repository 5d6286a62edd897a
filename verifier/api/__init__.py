"""The HTTP API (FastAPI): one more shell over the services, for a CMS's pre-publish hook and
the newsroom's tools. `create_app(db)` builds it over a store (None: VERIFIER_DATABASE_URL);
`verifier api` serves it with uvicorn. Each route parses its input, authenticates the bearer
token (auth.py), calls one service and renders its result; errors.py turns the services'
refusals into status codes with the CLI's one-line messages. docs/api.md, docs/decisions.md §32."""
from __future__ import annotations

from verifier.api.app import create_app

__all__ = ["create_app"]
