"""Documents and their claims in the store: keyword-only functions over a write session."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from verifier.db import audit
from verifier.db.models import DOCUMENT_KINDS, Claim, Document, Evidence, utcnow

if TYPE_CHECKING:
    from verifier.ingest import IngestedDocument

# Claim-dict keys that have their own column; everything else of the contract goes to attrs.
_CLAIM_COLUMNS = ("kind", "start", "end", "text", "speaker", "reference")


class DocumentError(ValueError):
    pass


def find_by_sha256(*, session: Session, sha256: str) -> Document | None:
    return session.exec(select(Document).where(Document.sha256 == sha256)).first()


def store_document(*, session: Session, ingested: IngestedDocument, kind: str = "article",
                   actor: str) -> tuple[Document, bool]:
    """Store an ingested document, or return the one already stored with the same normalised
    text (same SHA-256): (document, created). An existing document is never changed."""
    if kind not in DOCUMENT_KINDS:
        raise DocumentError(f"unknown document kind {kind!r} (one of {', '.join(DOCUMENT_KINDS)})")
    existing = find_by_sha256(session=session, sha256=ingested.sha256)
    if existing is not None:
        return existing, False
    doc = Document(
        kind=kind, sha256=ingested.sha256, title=ingested.title, url=ingested.url,
        site=ingested.site, author=ingested.author, language=ingested.language,
        published=ingested.published, format=ingested.format, source_name=ingested.source_name,
        encoding=ingested.encoding, text=ingested.text,
        boilerplate=[{"start": s.start, "end": s.end, "kind": s.kind} for s in ingested.boilerplate],
        meta={"dateline": list(ingested.dateline) if ingested.dateline else None},
        created_by=actor,
    )
    session.add(doc)
    session.flush()
    audit.append(session, actor=actor, action="ingest", document_id=doc.id,
                 new={"sha256": doc.sha256, "kind": kind, "title": doc.title,
                      "source": doc.source_name, "language": doc.language,
                      "published": doc.published, "chars": len(doc.text)})
    return doc, True


def claim_row(document_id: int, claim: dict[str, Any], *, actor: str) -> Claim:
    attrs = {k: v for k, v in claim.items() if k not in _CLAIM_COLUMNS and k not in ("finding", "explanation", "evidence")}
    value: dict[str, Any] | None = None
    if claim["kind"] == "temporal":
        value = {k: claim.get(k) for k in ("timex_type", "value", "mod", "resolved") if k in claim}
    elif claim["kind"] == "factual":
        value = {k: claim.get(k) for k in ("predicate", "subject", "object", "at") if k in claim}
    now = utcnow()
    return Claim(document_id=document_id, kind=claim["kind"], start=claim["start"],
                 end=claim["end"], text=claim["text"], speaker=claim.get("speaker"),
                 reference=claim.get("reference"), value=value, attrs=attrs,
                 finding=claim.get("finding"), explanation=claim.get("explanation"),
                 created_at=now, updated_at=now, updated_by=actor)


_EVIDENCE_COLUMNS = ("kind", "passage_id", "fact_id", "precedent_claim_id", "source_title",
                     "source_url", "source_sha256", "start", "end", "score", "method")


def evidence_row(claim_id: int, ev: dict[str, Any]) -> Evidence:
    cols: dict[str, Any] = {k: ev.get(k) for k in _EVIDENCE_COLUMNS}
    detail = {k: v for k, v in ev.items() if k not in _EVIDENCE_COLUMNS}
    return Evidence(claim_id=claim_id, detail=detail or None, **cols)


def claim_dict(row: Claim) -> dict[str, Any]:
    """The contract dict of a stored claim (the inverse of claim_row)."""
    out: dict[str, Any] = {"id": row.id, "kind": row.kind, "text": row.text,
                           "start": row.start, "end": row.end}
    if row.kind == "quote" or row.speaker is not None:
        out["speaker"] = row.speaker
        out["reference"] = row.reference
    out.update(row.attrs or {})
    out.update({"finding": row.finding, "explanation": row.explanation, "status": row.status,
                "verdict": row.verdict, "version": row.version})
    return out


def replace_claims(*, session: Session, document: Document, claims: Sequence[dict[str, Any]],
                   actor: str) -> tuple[int, int]:
    """Replace the document's unreviewed claims by `claims`; reviewed claims stay untouched
    (a candidate with the same kind and span as a reviewed claim is not added again).
    Returns (added, removed)."""
    assert document.id is not None
    existing = session.exec(select(Claim).where(Claim.document_id == document.id)).all()
    kept = {(c.kind, c.start, c.end) for c in existing if c.status != "unreviewed"}
    stale = [c.id for c in existing if c.status == "unreviewed"]
    if stale:
        session.execute(delete(Evidence).where(col(Evidence.claim_id).in_(stale)))
        session.execute(delete(Claim).where(col(Claim.id).in_(stale)))
    new = [(claim_row(document.id, c, actor=actor), c) for c in claims
           if (c["kind"], c["start"], c["end"]) not in kept]
    session.add_all(row for row, _ in new)
    session.flush()  # one round trip gives every new claim its id, then their evidence
    session.add_all(evidence_row(row.id, ev) for row, c in new  # type: ignore[arg-type]
                    for ev in c.get("evidence") or [])
    session.flush()
    added = len(new)
    findings: dict[str, int] = {}
    for claim in claims:
        if claim.get("finding"):
            findings[claim["finding"]] = findings.get(claim["finding"], 0) + 1
    audit.append(session, actor=actor, action="extract", document_id=document.id,
                 old={"unreviewed_claims": len(stale)},
                 new={"claims_added": added, "reviewed_kept": len(kept), "findings": findings})
    return added, len(stale)


def list_documents(*, session: Session, kind: str | None = None) -> list[tuple[Document, int]]:
    counts = (select(col(Claim.document_id), func.count(col(Claim.id)).label("n"))
              .group_by(col(Claim.document_id)).subquery())
    q = select(Document, func.coalesce(counts.c.n, 0)).outerjoin(
        counts, counts.c.document_id == Document.id).order_by(col(Document.id))
    if kind:
        q = q.where(Document.kind == kind)
    return [(d, int(n)) for d, n in session.exec(q).all()]


def document_claims(*, session: Session, document_id: int) -> list[Claim]:
    return list(session.exec(select(Claim).where(Claim.document_id == document_id)
                             .order_by(col(Claim.start), col(Claim.end))).all())
