"""`verifier api`: serve the HTTP API (verifier.api) with uvicorn. Registered in cli/main.py
with `cli_api.register(app)`. Tokens come from `verifier tokens create`; put a TLS proxy in
front of it for anything but 127.0.0.1 (docs/api.md)."""
from __future__ import annotations

from typing import Annotated

import typer

from verifier.cli.common import DbOpt


def api(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", help="Worker processes (uvicorn).")] = 1,
    db: DbOpt = None,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs); every call authenticates with a bearer token."""
    import uvicorn

    from verifier.api import create_app

    if workers > 1:  # each process builds its app from the environment
        import os

        if db:
            os.environ["VERIFIER_DATABASE_URL"] = db
        uvicorn.run("verifier.api:create_app", factory=True, host=host, port=port,
                    workers=workers, log_level="info")
        return
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("api")(api)
