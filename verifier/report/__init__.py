"""Exports: CSV, XLSX, JSON, schema.org ClaimReview JSON-LD, HTML and PDF.

`export()` reads the claims matching the filters in one consistent snapshot, streams them to the
chosen format (bounded memory: claims are read `query.BATCH` at a time and written as they come),
records in the file the audit head (sequence number and hash) that snapshot reflects, and then
appends an "export" AuditEvent with the filters, the row count and the SHA-256 of the bytes
written."""
from __future__ import annotations

import hashlib
import io
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy.engine import make_url

from verifier.db import audit
from verifier.db.records import ExportFilters, iter_records, snapshot, summarise
from verifier.db.settings import Organisation, SettingsError, check_http_url, read_organisation
from verifier.db.store import Store
from verifier.report.context import ExportContext
from verifier.report.pdf import BrowserMissing

FORMATS = ("csv", "xlsx", "json", "jsonld", "html", "pdf")
__all__ = ["FORMATS", "ExportFilters", "ExportResult", "ExportError", "BrowserMissing",
           "export", "export_to_path"]


class ExportError(ValueError):
    pass


@dataclass(frozen=True)
class ExportResult:
    format: str
    rows: int
    head_seq: int
    head_hash: str
    sha256: str
    bytes: int
    audit_seq: int  # the "export" event


class _HashingWriter(io.RawIOBase):
    """Passes bytes on to `sink` and keeps their SHA-256 and count."""

    def __init__(self, sink: IO[bytes]) -> None:
        self.sink, self.sha, self.size = sink, hashlib.sha256(), 0

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        data = bytes(b)
        self.sink.write(data)
        self.sha.update(data)
        self.size += len(data)
        return len(data)


def _text(raw: _HashingWriter) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BufferedWriter(raw, 1 << 16), encoding="utf-8", newline="")


NO_ORGANISATION = ("no organisation is set to sign the fact-checks: `verifier setup --org-name "
                   "NAME --org-url URL` (or the admin page) sets it once")


def _write(store: Store, fmt: str, raw: _HashingWriter, filters: ExportFilters,
           base_url: str | None, org: Organisation) -> tuple[int, ExportContext]:
    from verifier.report import html, jsonout, tabular

    with store.read() as session:
        snapshot(session)
        seq, digest = audit.head(session)
        ctx = ExportContext(head_seq=seq, head_hash=digest, filters=filters.as_dict(),
                            generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
                            organisation=org.name, organisation_url=org.url,
                            base_url=(base_url or org.url) if org.is_set else None)
        if fmt == "xlsx":
            records = iter_records(session, filters)
            with tempfile.TemporaryFile() as tmp:
                rows = tabular.write_xlsx(records, tmp, ctx)  # type: ignore[arg-type]
                tmp.seek(0)
                shutil.copyfileobj(tmp, raw)  # type: ignore[misc]
            return rows, ctx
        out = _text(raw)
        try:
            if fmt == "csv":
                rows = tabular.write_csv(iter_records(session, filters), out, ctx)
            elif fmt == "json":
                rows = jsonout.write_json(iter_records(session, filters), out, ctx)
            elif fmt == "jsonld":
                rows = jsonout.write_jsonld(
                    iter_records(session, filters, reviewed_only=True, with_reviews=False,
                                 with_sentences=True), out, ctx)
            elif fmt == "html":
                summary = summarise(session, filters)
                rows = html.write_html(iter_records(session, filters, with_sentences=True),
                                       summary, out, ctx)
            else:  # pragma: no cover - checked by export()
                raise ExportError(f"unknown format {fmt!r}")
        finally:
            out.flush()
            out.detach()
        return rows, ctx


def organisation_for(store: Store, fmt: str, base_url: str | None) -> Organisation:
    """The organisation signing the export, checked before anything is written: ClaimReview
    JSON-LD needs one (ExportError otherwise); `base_url` must be an http(s) URL."""
    try:
        org = read_organisation(store.url)
        if base_url is not None:
            check_http_url(base_url, "--base-url")
    except SettingsError as exc:
        raise ExportError(str(exc)) from None
    if fmt == "jsonld" and not org.is_set:
        raise ExportError(f"ClaimReview: {NO_ORGANISATION}")
    return org


def export(*, store: Store, fmt: str, out: IO[bytes], actor: str,
           filters: ExportFilters | None = None, base_url: str | None = None) -> ExportResult:
    """Write the export to the binary stream `out` and audit it. `base_url` is where the report
    will be published (default: the organisation URL); ClaimReview urls are base_url#claim-ID.
    The organisation is read from the store's settings (verifier/db/settings.py)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    filters = filters or ExportFilters()
    base_url = base_url.strip() if base_url and base_url.strip() else None
    org = organisation_for(store, fmt, base_url)
    raw = _HashingWriter(out)
    if fmt == "pdf":
        from verifier.report.pdf import html_to_pdf

        with tempfile.TemporaryDirectory(prefix="verifier-pdf-") as tmp:
            html_path, pdf_path = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
            with html_path.open("wb") as fh:
                rows, ctx = _write(store, "html", _HashingWriter(fh), filters, base_url, org)
            html_to_pdf(html_path, pdf_path)
            with pdf_path.open("rb") as fh:
                shutil.copyfileobj(fh, raw)  # type: ignore[misc]
    else:
        rows, ctx = _write(store, fmt, raw, filters, base_url, org)
    out.flush()
    with store.write() as session:
        ev = audit.append(session, actor=actor, action="export", old=None,
                          new={"format": fmt, "filters": ctx.filters, "rows": rows,
                               "head_seq": ctx.head_seq, "head_hash": ctx.head_hash,
                               "sha256": raw.sha.hexdigest(), "bytes": raw.size})
        audit_seq = ev.seq
    return ExportResult(fmt, rows, ctx.head_seq, ctx.head_hash, raw.sha.hexdigest(), raw.size,
                        audit_seq)


def export_to_path(*, store: Store, fmt: str, path: str | Path, actor: str,
                   filters: ExportFilters | None = None, base_url: str | None = None,
                   force: bool = False) -> ExportResult:
    """Export into a file, atomically: a failed export leaves no partial file behind. An
    existing file is replaced only with `force`, and never the store's own files (the
    database, its -wal, -shm and -journal): the audit log lives there. The temporary file is
    created exclusively, beside the target, without following a symbolic link."""
    path = Path(path)
    _refuse_store_files(store, path)
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    organisation_for(store, fmt, base_url.strip() if base_url and base_url.strip() else None)
    if (path.exists() or path.is_symlink()) and not force:
        raise ExportError(f"{path}: exists; give --force to replace it")
    if path.is_dir():
        raise ExportError(f"{path}: is a directory")
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o644)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            result = export(store=store, fmt=fmt, out=fh, actor=actor, filters=filters,
                            base_url=base_url)
        os.replace(tmp, path)  # replaces a symbolic link itself, never what it points to
    finally:
        tmp.unlink(missing_ok=True)
    return result


def _refuse_store_files(store: Store, path: Path) -> None:
    url = make_url(store.url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return
    db = Path(url.database).resolve()
    target = path.resolve()
    if target in {db, *(db.with_name(db.name + s) for s in ("-wal", "-shm", "-journal"))}:
        raise ExportError(f"{path}: is the database itself (or its journal); refusing to "
                          "overwrite it")
