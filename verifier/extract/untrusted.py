"""What runs in the limited worker (verifier.sandbox) for untrusted input (the browser's drafts
and uploads, an API's, any URL): reading the bytes and extracting their claims, or splitting a
reference source into passages; reading a precedent file or a saved fact-check page (its
ClaimReview), or a feed's items. Kept apart from the services so the worker imports only
ingestion, extraction and the passage splitter.

`url`, `format` and `declared_encoding` are how the bytes came (ingest.RawDocument.how(): the
URL fetched, after the redirects, by the caller; its content type and charset)."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from verifier.claims import Claim
from verifier.extract.pipeline import extract_document_claims
from verifier.ingest import IngestedDocument, ingest_bytes
from verifier.reference.kb import KnowledgeBase
from verifier.reference.passages import PassageSpan, split_passages

if TYPE_CHECKING:
    from verifier.reference.feeds import Feed
    from verifier.reference.precedents import PrecedentFile


def _read(data: bytes, name: str, lang: str | None, published: date | None, url: str | None,
          format: str | None, declared_encoding: str | None) -> IngestedDocument:
    return ingest_bytes(data, name=name, lang=lang, published=published, url=url, format=format,
                        declared_encoding=declared_encoding)


def read_and_extract(data: bytes, name: str, lang: str | None, published: date | None,
                     kb: KnowledgeBase | None, *, url: str | None = None,
                     format: str | None = None, declared_encoding: str | None = None,
                     ) -> tuple[IngestedDocument, list[Claim]]:
    doc = _read(data, name, lang, published, url, format, declared_encoding)
    return doc, extract_document_claims(doc, kb=kb)


def read_source(data: bytes, name: str, lang: str | None = None, published: date | None = None,
                *, url: str | None = None, format: str | None = None,
                declared_encoding: str | None = None) -> IngestedDocument:
    doc = _read(data, name, lang, published, url, format, declared_encoding)
    _ = doc.analysis  # computed here, shipped with the document
    return doc


def read_library_source(data: bytes, name: str, lang: str | None = None, *,
                        url: str | None = None, format: str | None = None,
                        declared_encoding: str | None = None,
                        ) -> tuple[IngestedDocument, list[PassageSpan]]:
    """A reference source for the library, with the passages the store keeps of it."""
    doc = _read(data, name, lang, None, url, format, declared_encoding)
    return doc, split_passages(doc.text, doc.language or "fr")


def read_precedents(data: bytes, name: str, url: str | None = None) -> PrecedentFile:
    """A precedent file or saved fact-check page (HTML through extruct, JSON, TSV/CSV) as
    precedent rows (verifier.reference.precedents.read_precedent_file)."""
    from verifier.reference.precedents import read_precedent_file

    return read_precedent_file(data, name=name, url=url)


def read_feed(data: bytes, name: str, url: str | None = None) -> Feed:
    """An RSS or Atom feed's items (verifier.reference.feeds.parse_feed)."""
    from verifier.reference.feeds import parse_feed

    return parse_feed(data, name=name, url=url)
