"""Reference sources' passages in the store, and quotes aligned against the stored sources
(the store-level side of verifier.check.align; verifier.reference.passages splits them)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete
from sqlmodel import Session, select

from verifier.check.align import RANK, Alignment, align_quote
from verifier.check.quotes import passage_evidence
from verifier.claims import PassageEvidence
from verifier.db.documents import evidence_row
from verifier.db.fts import search_passages
from verifier.db.models import Document, Evidence, Passage
from verifier.reference.passages import PassageSpan, split_passages


def store_passages(*, session: Session, document: Document) -> int:
    """(Re)write the Passage rows of a stored source document; returns how many."""
    assert document.id is not None
    session.execute(delete(Passage).where(Passage.document_id == document.id))  # type: ignore[arg-type]
    spans = split_passages(document.text, document.language or "fr")
    session.add_all([Passage(document_id=document.id, seq=p.seq, start=p.start, end=p.end,
                             text=p.text, speaker=p.speaker) for p in spans])
    session.flush()
    return len(spans)


def document_passages(*, session: Session, document_id: int) -> list[PassageSpan]:
    rows = session.exec(select(Passage).where(Passage.document_id == document_id)
                        .order_by(Passage.seq)).all()  # type: ignore[arg-type]
    return [PassageSpan(p.seq, p.start, p.end, p.text, p.speaker) for p in rows]


# --------------------------------------------------------------------------------------------
# Quotes against stored sources
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class QuoteMatch:
    alignment: Alignment
    document: Document
    passage_id: int | None


def match_quote(*, session: Session, quote: str, limit: int = 20,
                document_ids: list[int] | None = None) -> QuoteMatch | None:
    """The best alignment of `quote` over the stored sources whose passages share words with
    it (full-text candidates, then verifier.check.align.align_quote on each candidate document)."""
    cands = search_passages(session=session, query=quote, limit=limit, document_ids=document_ids)
    if not cands:
        return None
    rows = session.exec(select(Passage).where(
        Passage.id.in_([i for i, _ in cands]))).all()  # type: ignore[union-attr]
    order = {pid: k for k, (pid, _) in enumerate(cands)}
    doc_ids = list(dict.fromkeys(p.document_id for p in sorted(
        rows, key=lambda p: order.get(p.id or 0, len(order)))))
    best: QuoteMatch | None = None
    for doc_id in doc_ids[:5]:
        doc = session.get(Document, doc_id)
        if doc is None:
            continue
        spans = document_passages(session=session, document_id=doc_id)
        al = align_quote(quote, doc.text, source_lang=doc.language, passages=spans)
        if best is None or (RANK[al.cls], al.score or 0) > (RANK[best.alignment.cls],
                                                             best.alignment.score or 0):
            pid = None
            if al.source_start is not None:
                p = session.exec(select(Passage).where(
                    Passage.document_id == doc_id, Passage.start <= al.source_start,
                    Passage.end > al.source_start)).first()
                pid = p.id if p else None
            best = QuoteMatch(al, doc, pid)
    return best


def quote_evidence(match: QuoteMatch, *, misattributed: bool = False) -> PassageEvidence:
    """The evidence (kind "passage") of a quote match: the same PassageEvidence as a check
    against an ad-hoc source gives, with the stored passage's id."""
    return passage_evidence(match.document, match.alignment, misattributed=misattributed,
                            passage_id=match.passage_id)


def add_quote_evidence(*, session: Session, claim_id: int, match: QuoteMatch) -> Evidence:
    ev = evidence_row(claim_id, quote_evidence(match))
    session.add(ev)
    session.flush()
    return ev
