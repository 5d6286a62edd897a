"""The pure part of the flow: text in, claim candidates out. No database, no Streamlit.

The document is analysed once (`verifier.analysis.DocumentAnalysis`: sentences, paragraphs)
and every extractor reads that analysis. Each extractor takes an `ExtractionInput` and returns
objects with a `to_claim()` method giving a typed claim of verifier.claims (QuoteClaim,
TemporalClaim, FactualClaim). Text in boilerplate spans (related links, category labels) is
passed as `skip`: no claim may overlap it.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from verifier.analysis import DocumentAnalysis, analyse
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
    analysis: DocumentAnalysis | None = None

    def analysed(self) -> DocumentAnalysis:
        """The document's analysis: the one given, else one built from the fields."""
        if self.analysis is not None:
            return self.analysis
        return analyse(self.text, self.lang, self.published, self.skip)


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
    from verifier.extract.facts import facts_in
    from verifier.extract.headline import headline_quotes
    from verifier.extract.quotes import quotes_in
    from verifier.extract.temporal import Timex, timexes_in

    made: dict[int, tuple[DocumentAnalysis, list[Timex]]] = {}

    def timexes(i: ExtractionInput) -> list[Timex]:
        # computed once per document: the temporal claims, and the dates of the factual ones
        analysis = i.analysed()
        kept = made.get(id(analysis))
        if kept is None or kept[0] is not analysis:
            kept = made[id(analysis)] = (analysis, timexes_in(analysis))
        return kept[1]

    return [
        lambda i: headline_quotes(i.analysed(), quotes_in(i.analysed())),
        timexes,
        lambda i: facts_in(i.analysed(), i.kb, timexes(i)),
    ]


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def extract_claims(text: str, *, lang: str, published: date | None = None,
                   skip: Sequence[tuple[int, int]] = (),
                   kb: KnowledgeBase | None = None) -> list[Claim]:
    """Every claim candidate of `text`, sorted by position; each `text == text[start:end]`.
    With a knowledge base, names in factual claims resolve to its entities."""
    return extract_analysis_claims(analyse(text, lang, published, skip), kb=kb)


def extract_analysis_claims(analysis: DocumentAnalysis, *, kb: KnowledgeBase | None = None
                            ) -> list[Claim]:
    """extract_claims over a document analysed once (sentences shared by every extractor)."""
    text = analysis.text
    inp = ExtractionInput(text=text, lang=analysis.language, published=analysis.published,
                          skip=analysis.boilerplate, kb=kb, analysis=analysis)
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
    boilerplate spans skipped (the document's own analysis, built once and reused)."""
    return extract_analysis_claims(doc.analysis, kb=kb)
