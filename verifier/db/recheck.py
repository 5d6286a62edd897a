"""What a re-check reads: the stored articles and drafts to check again (all, some, or those
stored or changed since a time), and what tells which of them new reference material may
concern (their quotes; which have factual or temporal claims)."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from sqlalchemy import or_
from sqlmodel import Session, col, select

from verifier.db.models import Claim, Document

# Reference sources have passages, not claims to check.
RECHECKED_KINDS = ("article", "draft")


def documents_to_recheck(*, session: Session, document_ids: Sequence[int] | None = None,
                         since: datetime | None = None) -> list[tuple[int, str]]:
    """(id, title) of the stored articles and drafts, by id: those of `document_ids` when
    given; with `since`, only those stored then or later, or whose claims changed then or later
    (a check, a review)."""
    q = (select(Document.id, Document.title, Document.source_name)
         .where(col(Document.kind).in_(RECHECKED_KINDS)).order_by(col(Document.id)))
    if document_ids is not None:
        q = q.where(col(Document.id).in_(list(document_ids)))
    if since is not None:
        changed = select(Claim.document_id).where(col(Claim.updated_at) >= since)
        q = q.where(or_(col(Document.created_at) >= since, col(Document.id).in_(changed)))
    return [(int(i or 0), title or name or f"document {i}")
            for i, title, name in session.exec(q).all()]


def quote_texts(*, session: Session) -> Iterator[tuple[int, str]]:
    """(document id, words) of every quote of the stored articles and drafts."""
    q = (select(Claim.document_id, Claim.text).join(Document, col(Document.id) == Claim.document_id)
         .where(Claim.kind == "quote").where(col(Document.kind).in_(RECHECKED_KINDS))
         .order_by(col(Claim.document_id)))
    for document_id, text in session.exec(q):
        yield int(document_id), text


def documents_with_claims(*, session: Session, kinds: Sequence[str]) -> list[int]:
    """Ids of the stored articles and drafts that have claims of these kinds."""
    q = (select(Claim.document_id).distinct().join(Document, col(Document.id) == Claim.document_id)
         .where(col(Claim.kind).in_(list(kinds))).where(col(Document.kind).in_(RECHECKED_KINDS))
         .order_by(col(Claim.document_id)))
    return [int(i) for i in session.exec(q).all()]
