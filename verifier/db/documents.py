"""Documents and their claims in the store: keyword-only functions over a write session."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
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
        meta=document_meta(ingested),
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


# What a page says of itself, kept in Document.meta beside where it was fetched from
# (Document.url, .site): docs/decisions.md §22.
CLAIMED_KEYS = ("claimed_url", "claimed_site")


def document_meta(ingested: IngestedDocument) -> dict[str, Any]:
    """Document.meta of an ingested document: its dateline, and the URL and site name the page
    claims (only when it claims one other than where it was fetched from)."""
    meta: dict[str, Any] = {"dateline": list(ingested.dateline) if ingested.dateline else None}
    for key in CLAIMED_KEYS:
        if getattr(ingested, key):
            meta[key] = getattr(ingested, key)
    return meta


def claimed(meta: dict[str, Any] | None) -> dict[str, str]:
    """The page's claims about itself found in a Document.meta ({} when none)."""
    return {k: str(v) for k, v in (meta or {}).items() if k in CLAIMED_KEYS and v}


def ingested_of(row: Document) -> IngestedDocument:
    """The stored document as the pipeline reads it, without reading any file again: the
    stored text exactly (every stored offset indexes it), its language, publication date,
    boilerplate spans and dateline, so extracting again finds the claims where they were."""
    from verifier.ingest import IngestedDocument
    from verifier.text import Span

    dateline = (row.meta or {}).get("dateline")
    said = claimed(row.meta)
    return IngestedDocument(
        text=row.text, sha256=row.sha256, language=row.language, published=row.published,
        title=row.title, author=row.author, site=row.site, url=row.url,
        source_name=row.source_name or f"document {row.id}", format=row.format,
        encoding=row.encoding,
        boilerplate=[Span(int(b["start"]), int(b["end"]), str(b["kind"]))
                     for b in row.boilerplate or []],
        dateline=Span(int(dateline[0]), int(dateline[1]), str(dateline[2])) if dateline else None,
        claimed_url=said.get("claimed_url"), claimed_site=said.get("claimed_site"))


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


@dataclass(frozen=True)
class ClaimChanges:
    """What `replace_claims` did to a document's stored claims. `updated` counts the kept rows
    that changed in any way (moved ones included); `moved`, those matched by their words at
    another span; `evidence_changed`, reviewed claims whose finding or evidence changed after
    their verdict (flagged by `Claim.evidence_changed_at`)."""

    added: int = 0
    updated: int = 0
    moved: int = 0
    removed: int = 0
    evidence_changed: int = 0


def replace_claims(*, session: Session, document: Document,
                   claims: Sequence[ClaimT | CheckedClaim], actor: str) -> ClaimChanges:
    """Bring the document's stored claims in line with `claims`, keeping their identities (same
    id, so open desk sessions, links and history stay attached; docs/decisions.md §15, §19):

    1. a new claim with the kind, span and words of a stored one is that row;
    2. one with the kind and words of a stored row left over is that row moved (an edit shifted
       it): the nearest by old start, its span updated;
    3. one with the kind and span of an unreviewed row left over is that row with new words.

    A kept row takes the claim's fields, finding, explanation and evidence; a reviewed one keeps
    its verdict, status, reviewer and note, and when its finding or evidence changed, records
    when (`evidence_changed_at`). Every change is a `claim.update` audit event. Claims matching
    no row are added; rows matching no claim are removed, unless someone reviewed them or wrote
    a note on them. The stored rows are locked (FOR UPDATE on PostgreSQL) so a verdict saved
    meanwhile waits and then meets the new version."""
    assert document.id is not None
    rows = list(session.exec(select(Claim).where(Claim.document_id == document.id)
                             .order_by(col(Claim.id)).with_for_update()).all())
    stored_ev: dict[int, list[Evidence]] = {}
    for ev in session.exec(select(Evidence).join(Claim, col(Claim.id) == col(Evidence.claim_id))
                           .where(Claim.document_id == document.id)
                           .order_by(col(Evidence.id))).all():
        stored_ev.setdefault(ev.claim_id, []).append(ev)
    matched = _match_claims(rows, claims)
    now = utcnow()
    updated = moved = flagged = 0
    for i, row in matched.items():
        change = _update_in_place(session, row, claims[i], stored_ev, actor, now)
        updated += change is not None
        moved += change is not None and change.moved
        flagged += change is not None and change.flagged
    new = [(claim_row(document.id, c, actor=actor), c) for i, c in enumerate(claims)
           if i not in matched]
    kept = {r.id for r in matched.values()}
    removable = [c.id for c in rows if c.id not in kept and c.status == "unreviewed" and not c.note]
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
    changes = ClaimChanges(added=len(new), updated=updated, moved=moved, removed=len(removable),
                           evidence_changed=flagged)
    audit.append(session, actor=actor, action="extract", document_id=document.id,
                 old={"claims": len(rows)},
                 new={"claims_added": changes.added, "claims_updated": changes.updated,
                      "claims_moved": changes.moved, "claims_removed": changes.removed,
                      "reviewed_kept": sum(1 for c in rows if c.status != "unreviewed"),
                      "evidence_changed_since_verdict": changes.evidence_changed,
                      "findings": findings})
    return changes


def _match_claims(rows: Sequence[Claim], claims: Sequence[ClaimT | CheckedClaim]
                  ) -> dict[int, Claim]:
    """Claim index -> the stored row it continues (see replace_claims, steps 1-3)."""
    matched: dict[int, Claim] = {}
    used: set[int | None] = set()
    by_words: dict[tuple[str, str], list[Claim]] = {}
    for r in rows:
        by_words.setdefault((r.kind, r.text), []).append(r)

    def free(candidates: Sequence[Claim]) -> list[Claim]:
        return [r for r in candidates if r.id not in used]

    def take(row: Claim, i: int) -> None:
        matched[i] = row
        used.add(row.id)

    bases = [_base(c) for c in claims]
    for i, b in enumerate(bases):  # 1. the same span and words
        same = [r for r in free(by_words.get((b.kind, b.text), [])) if (r.start, r.end) == (b.start, b.end)]
        if same:
            take(same[0], i)
    for i, b in enumerate(bases):  # 2. the same words elsewhere: the nearest first
        same = free(by_words.get((b.kind, b.text), [])) if i not in matched else []
        if same:
            take(min(same, key=lambda r: (abs(r.start - b.start), r.start)), i)
    for i, b in enumerate(bases):  # 3. new words at the span of an unreviewed claim
        spot = [r for r in free(rows) if (r.kind, r.start, r.end) == (b.kind, b.start, b.end)
                and r.status == "unreviewed"] if i not in matched else []
        if spot:
            take(spot[0], i)
    return matched


@dataclass(frozen=True)
class _Change:
    moved: bool
    flagged: bool  # a reviewed claim's finding or evidence changed after its verdict


# Left out when comparing evidence for `evidence_changed_at`: scores move with the store (a
# precedent's BM25 statistics change whenever a claim is reviewed), and row ids with a
# re-import (a facts pack or a precedents collection is replaced by new rows, same content).
_NOT_MATERIAL = frozenset(("score", "fact_id", "passage_id", "precedent_claim_id", "precedent_id"))


def _material(evidence: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Evidence as compared for `evidence_changed_at`: what it says, not how it scored."""
    return [{k: (_material([v])[0] if isinstance(v, dict) else v) for k, v in e.items()
             if k not in _NOT_MATERIAL} for e in evidence]


def _update_in_place(session: Session, row: Claim, claim: ClaimT | CheckedClaim,
                     stored_ev: dict[int, list[Evidence]], actor: str,
                     now: datetime) -> _Change | None:
    """Give a stored claim the span, fields, finding and evidence of its new check (a reviewed
    one keeps its verdict, status, reviewer and note); None when nothing changed, else what
    changed (and a claim.update audit event)."""
    assert row.id is not None
    fresh = claim_row(row.document_id, claim, actor=actor)
    old_ev = [evidence_of(e).to_json() for e in stored_ev.get(row.id, [])]
    new_ev = claim.result.evidence if isinstance(claim, CheckedClaim) else ()
    new_ev_json = [e.to_json() for e in new_ev]
    moved = (row.start, row.end) != (fresh.start, fresh.end)
    material = row.finding != fresh.finding or _material(old_ev) != _material(new_ev_json)
    if not moved and old_ev == new_ev_json and all(
            getattr(row, name) == getattr(fresh, name) for name in _UPDATED):
        return None
    old: dict[str, Any] = {"finding": row.finding, "explanation": row.explanation,
                           "evidence": len(old_ev)}
    new: dict[str, Any] = {"finding": fresh.finding, "explanation": fresh.explanation,
                           "evidence": len(new_ev)}
    if moved:
        old["span"], new["span"] = [row.start, row.end], [fresh.start, fresh.end]
    for name in ("start", "end", *_UPDATED):
        setattr(row, name, getattr(fresh, name))
    if material:
        row.evidence_changed_at = now
    flagged = material and row.evidence_changed_since_verdict
    if flagged:
        new["evidence_changed_since_verdict"] = True
    row.updated_at, row.updated_by = now, actor
    session.add(row)
    if stored_ev.get(row.id):
        session.execute(delete(Evidence).where(col(Evidence.claim_id) == row.id))
    session.add_all(evidence_row(row.id, ev) for ev in new_ev)
    session.flush()
    audit.append(session, actor=actor, action="claim.update", document_id=row.document_id,
                 claim_id=row.id, old=old, new=new)
    return _Change(moved, flagged)


# The fields a check may change on a stored claim (its span aside).
_UPDATED = ("text", "speaker", "reference", "value", "attrs", "finding", "explanation")


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
