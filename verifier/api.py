"""The operations the CLI, the UI and the tests share. Each is a few calls into the pure
modules (ingest, pipeline) and one write transaction in the store."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from . import documents
from .ingest import IngestedDocument, ingest
from .models import Document
from .pipeline import extract_claims
from .store import Store
from .text import split_sentences


@dataclass(frozen=True)
class IngestResult:
    document: Document
    created: bool
    claims_added: int


def document_summary(doc: IngestedDocument | Document) -> dict[str, Any]:
    published = doc.published.isoformat() if doc.published else None
    return {"title": doc.title, "url": doc.url, "site": doc.site, "author": doc.author,
            "language": doc.language, "published": published, "sha256": doc.sha256,
            "source": doc.source_name, "format": doc.format, "chars": len(doc.text)}


def extract_document(doc: IngestedDocument) -> dict[str, Any]:
    """The `verifier extract --format json` object: the document, its sentences and claims."""
    skip = [(s.start, s.end) for s in doc.boilerplate]
    claims = extract_claims(doc.text, lang=doc.language, published=doc.published, skip=skip)
    summary = document_summary(doc)
    summary["boilerplate"] = [{"start": s.start, "end": s.end, "kind": s.kind,
                               "text": doc.text[s.start:s.end]} for s in doc.boilerplate]
    summary["sentences"] = [{"start": s.start, "end": s.end, "text": s.text}
                            for s in split_sentences(doc.text, doc.language)]
    return {"document": summary, "claims": claims}


def ingest_into(store: Store, source: str | bytes, *, name: str | None = None,
                kind: str = "article", lang: str | None = None,
                published: date | None = None, actor: str) -> IngestResult:
    """Read `source` (path, URL or bytes), then store it and its claims in one transaction.
    Reading fails before the store is touched; a document already stored is returned as is."""
    from .ingest import ingest_bytes

    if isinstance(source, bytes):
        doc = ingest_bytes(source, name=name or "input", lang=lang, published=published)
    else:
        doc = ingest(source, lang=lang, published=published)
    skip = [(s.start, s.end) for s in doc.boilerplate]
    claims = extract_claims(doc.text, lang=doc.language, published=doc.published, skip=skip)
    with store.write() as session:
        stored, created = documents.store_document(session=session, ingested=doc, kind=kind,
                                                   actor=actor)
        added = 0
        if created:
            added, _ = documents.replace_claims(session=session, document=stored,
                                                claims=claims, actor=actor)
    return IngestResult(stored, created, added)
