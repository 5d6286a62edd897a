"""Documents and their claims in the store: keyword-only functions over a write session."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from verifier.claims import (
    EVIDENCE_COLUMNS,
    CheckedClaim,
    claim_from_json,
    evidence_columns,
    evidence_from_columns,
)
from verifier.claims import Claim as ClaimT
from verifier.claims import Evidence as EvidenceT
from verifier.db import audit
from verifier.db.models import DOCUMENT_KINDS, Claim, Document, Evidence, utcnow

if TYPE_CHECKING:
    from verifier.ingest import IngestedDocument

# Contract keys that have their own column; everything else of the contract goes to attrs.
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


def claim_row(document_id: int, claim: ClaimT | CheckedClaim, *, actor: str) -> Claim:
    """The Claim row of a typed claim (with its finding when checked): the columns, `value`
    (the normalised value of a temporal or factual claim) and `attrs` (the rest of the
    contract object). claim_contract() reads it back."""
    result = claim.result if isinstance(claim, CheckedClaim) else None
    data = (claim.claim if isinstance(claim, CheckedClaim) else claim).to_json()
    if result is not None:  # what the checks measured (fidelity, elapsed, prediction)
        data |= {k: v for k, v in result.to_json().items()
                 if k not in ("finding", "explanation", "evidence")}
    attrs = {k: v for k, v in data.items() if k not in _CLAIM_COLUMNS}
    value: dict[str, Any] | None = None
    if data["kind"] == "temporal":
        value = {k: data.get(k) for k in ("timex_type", "value", "mod", "resolved") if k in data}
    elif data["kind"] == "factual":
        value = {k: data.get(k) for k in ("predicate", "subject", "object", "at") if k in data}
    now = utcnow()
    return Claim(document_id=document_id, kind=data["kind"], start=data["start"],
                 end=data["end"], text=data["text"], speaker=data.get("speaker"),
                 reference=data.get("reference"), value=value, attrs=attrs,
                 finding=result.finding if result else None,
                 explanation=result.explanation if result else None,
                 created_at=now, updated_at=now, updated_by=actor)


def evidence_row(claim_id: int, ev: EvidenceT) -> Evidence:
    cols, detail = evidence_columns(ev)
    return Evidence(claim_id=claim_id, detail=detail, **cols)


def evidence_of(row: Evidence) -> EvidenceT:
    """The typed evidence of a stored row: the same object that was saved."""
    cols = {k: getattr(row, k) for k in EVIDENCE_COLUMNS}
    return evidence_from_columns(cols, row.detail)


def claim_contract(row: Claim) -> ClaimT:
    """The typed claim of a stored row (the inverse of claim_row, finding aside)."""
    data: dict[str, Any] = {"kind": row.kind, "text": row.text, "start": row.start,
                            "end": row.end, "speaker": row.speaker, "reference": row.reference}
    data.update(row.attrs or {})
    return claim_from_json(data)


def claim_dict(row: Claim) -> dict[str, Any]:
    """The contract dict of a stored claim with its review state (for listings)."""
    out: dict[str, Any] = {"id": row.id, "kind": row.kind, "text": row.text,
                           "start": row.start, "end": row.end}
    if row.kind == "quote" or row.speaker is not None:
        out["speaker"] = row.speaker
        out["reference"] = row.reference
    out.update(row.attrs or {})
    out.update({"finding": row.finding, "explanation": row.explanation, "status": row.status,
                "verdict": row.verdict, "version": row.version})
    return out


def replace_claims(*, session: Session, document: Document,
                   claims: Sequence[ClaimT | CheckedClaim], actor: str) -> tuple[int, int]:
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
           if (c.kind, _base(c).start, _base(c).end) not in kept]
    session.add_all(row for row, _ in new)
    session.flush()  # one round trip gives every new claim its id, then their evidence
    session.add_all(evidence_row(row.id, ev) for row, c in new  # type: ignore[arg-type]
                    if isinstance(c, CheckedClaim) for ev in c.result.evidence)
    session.flush()
    added = len(new)
    findings: dict[str, int] = {}
    for claim in claims:
        if isinstance(claim, CheckedClaim):
            findings[claim.finding] = findings.get(claim.finding, 0) + 1
    audit.append(session, actor=actor, action="extract", document_id=document.id,
                 old={"unreviewed_claims": len(stale)},
                 new={"claims_added": added, "reviewed_kept": len(kept), "findings": findings})
    return added, len(stale)


def _base(c: ClaimT | CheckedClaim) -> ClaimT:
    return c.claim if isinstance(c, CheckedClaim) else c


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
