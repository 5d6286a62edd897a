"""Documents and their claims in the store: keyword-only functions over a write session."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func
from sqlalchemy.exc import IntegrityError
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
from verifier.db.models import DOCUMENT_KINDS, Claim, Document, Evidence, Review, utcnow

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
    try:
        with session.begin_nested():  # a savepoint: losing a race undoes only this insert
            session.add(doc)
            session.flush()
    except IntegrityError:
        # Another process stored the same text between our look and our insert (PostgreSQL
        # waits for its commit, then refuses ours as a duplicate): that one is the document.
        existing = find_by_sha256(session=session, sha256=ingested.sha256)
        if existing is None:
            raise
        return existing, False
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
    """Bring the document's stored claims in line with `claims`, keeping their identities:
    a claim with the kind and span of a stored one updates that row in place (same id, so open
    desk sessions and links keep working; reviewed claims are left exactly as they are); new
    claims are added; stored claims that vanished are removed, unless someone reviewed them or
    wrote a note on them. A kept claim whose finding or evidence changed gets an audit event
    with the old and new finding. Returns (added, removed)."""
    assert document.id is not None
    rows = session.exec(select(Claim).where(Claim.document_id == document.id)).all()
    existing = {(c.kind, c.start, c.end): c for c in rows}
    open_ids = [c.id for c in rows if c.status == "unreviewed"]
    stored_ev: dict[int, list[Evidence]] = {}
    if open_ids:
        for ev in session.exec(select(Evidence).where(col(Evidence.claim_id).in_(open_ids))
                               .order_by(col(Evidence.id))).all():
            stored_ev.setdefault(ev.claim_id, []).append(ev)
    seen: set[tuple[str, int, int]] = set()
    new: list[tuple[Claim, ClaimT | CheckedClaim]] = []
    updated = 0
    for c in claims:
        key = (c.kind, _base(c).start, _base(c).end)
        row = existing.get(key)
        if row is None:
            new.append((claim_row(document.id, c, actor=actor), c))
            continue
        seen.add(key)
        if row.status == "unreviewed" and _update_in_place(session, row, c, stored_ev, actor):
            updated += 1
    removable = [c.id for k, c in existing.items()
                 if k not in seen and c.status == "unreviewed" and not c.note]
    if removable:  # a claim with a review row is kept: its history stays attached to it
        reviewed = set(session.exec(select(Review.claim_id)
                                    .where(col(Review.claim_id).in_(removable))).all())
        removable = [i for i in removable if i not in reviewed]
    if removable:
        session.execute(delete(Evidence).where(col(Evidence.claim_id).in_(removable)))
        session.execute(delete(Claim).where(col(Claim.id).in_(removable)))
    session.add_all(row for row, _ in new)
    session.flush()  # one round trip gives every new claim its id, then their evidence
    session.add_all(evidence_row(row.id, ev) for row, c in new  # type: ignore[arg-type]
                    if isinstance(c, CheckedClaim) for ev in c.result.evidence)
    session.flush()
    findings: dict[str, int] = {}
    for claim in claims:
        if isinstance(claim, CheckedClaim):
            findings[claim.finding] = findings.get(claim.finding, 0) + 1
    audit.append(session, actor=actor, action="extract", document_id=document.id,
                 old={"claims": len(rows)},
                 new={"claims_added": len(new), "claims_updated": updated,
                      "claims_removed": len(removable),
                      "reviewed_kept": sum(1 for c in rows if c.status != "unreviewed"),
                      "findings": findings})
    return len(new), len(removable)


def _update_in_place(session: Session, row: Claim, claim: ClaimT | CheckedClaim,
                     stored_ev: dict[int, list[Evidence]], actor: str) -> bool:
    """Give an unreviewed stored claim the fields, finding and evidence of its new check;
    True (and an audit event) when the finding or the evidence changed."""
    assert row.id is not None
    fresh = claim_row(row.document_id, claim, actor=actor)
    old_ev = [evidence_of(e).to_json() for e in stored_ev.get(row.id, [])]
    new_ev = claim.result.evidence if isinstance(claim, CheckedClaim) else ()
    judged = (row.finding, row.explanation) != (fresh.finding, fresh.explanation)
    if not judged and old_ev == [e.to_json() for e in new_ev] \
            and (row.attrs, row.value, row.text) == (fresh.attrs, fresh.value, fresh.text):
        return False
    old = {"finding": row.finding, "explanation": row.explanation, "evidence": len(old_ev)}
    for name in ("text", "speaker", "reference", "value", "attrs", "finding", "explanation"):
        setattr(row, name, getattr(fresh, name))
    row.updated_at, row.updated_by = fresh.updated_at, actor
    session.add(row)
    if stored_ev.get(row.id):
        session.execute(delete(Evidence).where(col(Evidence.claim_id) == row.id))
    session.add_all(evidence_row(row.id, ev) for ev in new_ev)
    session.flush()
    audit.append(session, actor=actor, action="claim.update", document_id=row.document_id,
                 claim_id=row.id, old=old,
                 new={"finding": row.finding, "explanation": row.explanation,
                      "evidence": len(new_ev)})
    return True


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
