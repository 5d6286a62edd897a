"""The pure part of the flow: text in, claim candidates out. No database, no Streamlit.

Each extractor takes an `ExtractionInput` and returns objects with a `to_claim()` method giving
a typed claim of verifier.claims (QuoteClaim, TemporalClaim, FactualClaim). Text in
boilerplate spans (related links, category labels) is passed as `skip`: no claim may overlap it.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from verifier.claims import Claim

if TYPE_CHECKING:
    from verifier.ingest import IngestedDocument
    from verifier.reference.kb import KnowledgeBase


class ClaimLike(Protocol):
    def to_claim(self) -> Claim: ...


@dataclass(frozen=True)
class ExtractionInput:
    text: str
    lang: str
    published: date | None
    skip: Sequence[tuple[int, int]] = ()
    kb: KnowledgeBase | None = None


@dataclass(frozen=True)
class ExtractionReport:
    """A document's summary (title, language, sentences, boilerplate...) and its claims: the
    `verifier extract --format json` object."""

    document: dict[str, Any]
    claims: list[Claim]

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "claims": [c.to_json() for c in self.claims]}


Extractor = Callable[[ExtractionInput], Sequence[ClaimLike]]


def _registered() -> list[Extractor]:
    # Imported here so that `verifier --help` does not pay for the lexicons.
    from verifier.extract.facts import extract_facts
    from verifier.extract.quotes import extract_quotes
    from verifier.extract.temporal import extract_temporal

    return [
        lambda i: extract_quotes(i.text, lang=i.lang, skip=i.skip),
        lambda i: extract_temporal(i.text, lang=i.lang, published=i.published, skip=i.skip),
        lambda i: extract_facts(i.text, lang=i.lang, published=i.published, kb=i.kb, skip=i.skip),
    ]


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def extract_claims(text: str, *, lang: str, published: date | None = None,
                   skip: Sequence[tuple[int, int]] = (),
                   kb: KnowledgeBase | None = None) -> list[Claim]:
    """Every claim candidate of `text`, sorted by position; each `text == text[start:end]`.
    With a knowledge base, names in factual claims resolve to its entities."""
    inp = ExtractionInput(text=text, lang=lang, published=published, skip=tuple(skip), kb=kb)
    claims: list[Claim] = []
    for extractor in _registered():
        for item in extractor(inp):
            claim = item.to_claim()
            if _overlaps(claim.start, claim.end, inp.skip):
                continue
            if text[claim.start:claim.end] != claim.text:
                raise AssertionError(f"extractor {extractor!r} gave a span that is not its text: {claim}")
            claims.append(claim)
    claims.sort(key=lambda c: (c.start, c.end, c.kind))
    return claims


def extract_document_claims(doc: IngestedDocument, *, kb: KnowledgeBase | None = None
                            ) -> list[Claim]:
    """extract_claims over an ingested document: its language, publication date, and its
    boilerplate spans skipped."""
    return extract_claims(doc.text, lang=doc.language, published=doc.published,
                          skip=[(s.start, s.end) for s in doc.boilerplate], kb=kb)
