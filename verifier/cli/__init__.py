"""The `verifier` command line (typer)."""
from verifier.cli.main import app, main

__all__ = ["app", "main"]
