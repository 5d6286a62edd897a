"""Bulk ingestion: many files (folders walked for the formats ingestion reads) stored with
their checked claims, in parallel processes (extraction is CPU-bound: threads would share one
interpreter lock). Each file goes through `ingest_document` in its own process: its own read,
its own checks, its own write transaction, so a file that fails or a process that dies loses
that file only. A file already stored (same normalised text, same SHA-256: the store's unique
key) is "already known", never stored twice, even when two processes race for it
(db.documents.store_document)."""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from verifier.db.documents import DocumentError
from verifier.db.models import DOCUMENT_KINDS
from verifier.db.users import PermissionDenied
from verifier.ingest import IngestError, is_url
from verifier.sandbox import DocumentTooComplex
from verifier.services._base import Db, authorise, service, store_of
from verifier.services.documents import ingest_document, ingest_roles, ingest_scope
from verifier.services.principal import Principal

__all__ = ["INGESTIBLE", "BulkReport", "FileOutcome", "files_in", "ingest_files"]

# The file names a folder is walked for (what ingest.py reads).
INGESTIBLE = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
# What makes one file fail without stopping the others: its one line is reported.
REFUSED = (IngestError, DocumentError, DocumentTooComplex, PermissionDenied, ValueError, OSError)

Status = Literal["ingested", "known", "failed"]
# (files done, files in all, the file just done): for a progress bar.
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file: stored now, already known (stored before), or failed."""

    path: str
    status: Status
    document_id: int | None = None
    kind: str | None = None
    language: str | None = None
    published: str | None = None
    title: str | None = None
    claims: int = 0
    error: str | None = None


@dataclass(frozen=True)
class BulkReport:
    outcomes: tuple[FileOutcome, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def exit_code(self) -> int:
        """2 when a file failed (bad input: docs/decisions.md §11), else 0."""
        return 2 if self.failed else 0

    def summary(self) -> dict[str, Any]:
        """The counts and the failures with their reason (the job's result, the CLI's end)."""
        return {"files": len(self.outcomes), **self.counts,
                "failures": [{"path": o.path, "error": o.error} for o in self.failed[:100]]}


def files_in(paths: Iterable[str | Path]) -> list[str]:
    """Files to ingest: each path given, folders walked (recursively, by name, hidden files
    and folders skipped) for the formats ingestion reads; URLs kept as given."""
    out: list[str] = []
    for p in paths:
        if isinstance(p, str) and is_url(p):
            out.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            out += sorted(str(f) for f in path.rglob("*")
                          if f.is_file() and f.suffix.lower() in INGESTIBLE
                          and not any(part.startswith(".") for part in f.relative_to(path).parts))
        else:
            out.append(str(path))
    return out


def _one(principal: Principal, db: str, path: str, kind: str, lang: str | None,
         published: date | None) -> FileOutcome:
    """Ingest one file (in a pool process, or here); its failure is its outcome."""
    try:
        res = ingest_document(principal, path, kind=kind, lang=lang, published=published, db=db)
    except REFUSED as exc:
        line = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
        # the reason only: the shells name the file (some errors name it already)
        return FileOutcome(path, "failed", error=line.removeprefix(f"{path}: "))
    d = res.document
    return FileOutcome(path, "ingested" if res.created else "known", document_id=d.id,
                       kind=d.kind, language=d.language,
                       published=d.published.isoformat() if d.published else None,
                       title=d.title or d.source_name, claims=res.claims_added)


def _pool_init() -> None:
    """A pool process opens its own store (the parent's connections are not shared)."""
    from verifier.db.store import close_stores

    close_stores()


@service
def ingest_files(principal: Principal, paths: Sequence[str | Path], *, kind: str = "article",
                 lang: str | None = None, published: date | None = None, workers: int = 1,
                 progress: Progress | None = None, db: Db = None) -> BulkReport:
    """Store every file of `paths` (folders walked: files_in) with its checked claims, in
    `workers` processes; one transaction per file. A file's failure (bad input, too complex)
    is reported and the others go on. Authorised once here, and again for each file by
    ingest_document (in whichever process stores it)."""
    if kind not in DOCUMENT_KINDS:
        raise DocumentError(f"unknown document kind {kind!r} (one of {', '.join(DOCUMENT_KINDS)})")
    if workers < 1:
        raise ValueError(f"--workers must be at least 1 (got {workers})")
    store = store_of(db)  # created or migrated once, here, before any worker opens it
    what = "add reference sources" if kind == "source" else f"store {kind}s"
    authorise(store, principal, ingest_roles(kind), what, scope=ingest_scope(kind))
    files = files_in(paths)
    url = store.engine.url.render_as_string(hide_password=False)
    done: list[FileOutcome] = []

    def record(outcome: FileOutcome) -> None:
        done.append(outcome)
        if progress is not None:
            progress(len(done), len(files), outcome.path)

    if workers == 1 or len(files) <= 1:
        for path in files:
            record(_one(principal, url, path, kind, lang, published))
    else:
        # A fork server that has imported verifier once: each pool process is a fork of it
        # (quick to start, no import per process), never of this process (whose connections
        # and threads, a progress bar's say, a child must not inherit).
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["verifier.services.bulk"])
        with ProcessPoolExecutor(max_workers=min(workers, len(files)), mp_context=ctx,
                                 initializer=_pool_init) as pool:
            futures = {pool.submit(_one, principal, url, p, kind, lang, published): p
                       for p in files}
            for fut in as_completed(futures):
                record(fut.result())
    order = {p: i for i, p in enumerate(files)}
    outcomes = tuple(sorted(done, key=lambda o: order[o.path]))
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("ingested", "known", "failed")}
    return BulkReport(outcomes, counts)
