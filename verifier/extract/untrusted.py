"""What runs in the limited worker (verifier.sandbox) for input from the browser: reading the
bytes and extracting their claims. Kept apart from the services so the worker imports only
ingestion and extraction."""
from __future__ import annotations

from datetime import date

from verifier.claims import Claim
from verifier.extract.pipeline import extract_document_claims
from verifier.ingest import IngestedDocument, ingest_bytes
from verifier.reference.kb import KnowledgeBase


def read_and_extract(data: bytes, name: str, lang: str | None, published: date | None,
                     kb: KnowledgeBase | None) -> tuple[IngestedDocument, list[Claim]]:
    doc = ingest_bytes(data, name=name, lang=lang, published=published)
    return doc, extract_document_claims(doc, kb=kb)


def read_source(data: bytes, name: str) -> IngestedDocument:
    doc = ingest_bytes(data, name=name)
    _ = doc.analysis  # computed here, shipped with the document
    return doc
