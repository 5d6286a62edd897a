"""Exports of claims, verdicts and evidence (csv, xlsx, json, jsonld, html, pdf); each carries
the audit head and is itself audited. Auditors and admins (and the CLI's store owner)."""
from __future__ import annotations

from pathlib import Path
from typing import IO

from verifier.report import FORMATS, BrowserMissing, ExportError, ExportFilters, ExportResult
from verifier.report import export as _export
from verifier.report import export_to_path as _export_to_path
from verifier.services._base import Db, authorise, service, store_of
from verifier.services.principal import AUDIT_ROLES, Principal

__all__ = ["FORMATS", "MEDIA_TYPES", "BrowserMissing", "ExportError", "ExportFilters",
           "ExportResult", "export", "export_to_path"]

# What each format's file is (the HTTP API's Content-Type), and its file name's extension.
MEDIA_TYPES: dict[str, tuple[str, str]] = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "json": ("application/json", "json"),
    "jsonld": ("application/ld+json", "jsonld"),
    "html": ("text/html; charset=utf-8", "html"),
    "pdf": ("application/pdf", "pdf"),
}
assert set(MEDIA_TYPES) == set(FORMATS), "a format of report/ without its media type"


@service
def export(principal: Principal, fmt: str, out: IO[bytes], *,
           filters: ExportFilters | None = None, base_url: str | None = None,
           db: Db = None) -> ExportResult:
    """Write the export to the binary stream `out`; audited under the principal."""
    store = store_of(db)
    authorise(store, principal, AUDIT_ROLES, "export", scope="audit")
    return _export(store=store, fmt=fmt, out=out, actor=principal.name, filters=filters,
                   base_url=base_url)


@service
def export_to_path(principal: Principal, fmt: str, path: str | Path, *,
                   filters: ExportFilters | None = None, base_url: str | None = None,
                   force: bool = False, db: Db = None) -> ExportResult:
    """Export into a file, atomically (an existing file only with `force`; never the
    store's own files); audited under the principal."""
    store = store_of(db)
    authorise(store, principal, AUDIT_ROLES, "export", scope="audit")
    return _export_to_path(store=store, fmt=fmt, path=path, actor=principal.name,
                           filters=filters, base_url=base_url, force=force)
