"""What the desk and the other pages read: the claims of the queue with their filters, their
triage group and its counts, one claim's evidence and earlier verdicts, the reference sources
and fact packs loaded. Reads only; verdicts are written by verifier.db.reviews.
verifier.services wraps these.

The queue is in triage order (verifier/triage.py, docs/decisions.md §27): the groups that need
a person most first (contradicted, altered quotes, misattributed, check the attribution, ...),
then document and position; routine items (the dateline, "actuellement") are left out unless
asked for."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from verifier import triage
from verifier.claims import CheckedClaim, Elapsed, Finding, PassageEvidence, ordered_evidence
from verifier.claims import Evidence as EvidenceT
from verifier.db.documents import claim_contract, claimed, evidence_of
from verifier.db.models import Claim, Document, Evidence, Fact, Passage, Review
from verifier.db.store import Store

NOT_CHECKED = "not checked"
FINDINGS = ("contradicted", "partial", "no_evidence", "consistent", NOT_CHECKED)


@dataclass(frozen=True)
class QueueFilters:
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    anonymous: bool | None = None
    document_id: int | None = None
    published_from: date | None = None
    published_to: date | None = None
    # Only reviewed claims whose finding or evidence a check changed after their verdict.
    evidence_changed: bool = False
    # Only claims of documents of these kinds ("article", "draft"); empty: both.
    document_kinds: tuple[str, ...] = ()
    # Triage groups (verifier.triage.GROUPS); none: every group but "routine".
    groups: tuple[str, ...] = ()
    # Routine items (the dateline, "actuellement"...) too. They are also shown when `groups`
    # names "routine", and with `evidence_changed` (a verdict to look at again is never routine).
    show_routine: bool = False


@dataclass(frozen=True)
class QueueRow:
    claim: Claim
    document_title: str
    published: date | None
    anonymous: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    group: str = "no_evidence"  # verifier.triage.GROUPS


# Evidence kinds the triage looks at (the calendar and earlier verdicts change no group).
_TRIAGE_EVIDENCE = ("passage", "fact")
_CHUNK = 500


def _triage_evidence(session: Any, claim_ids: Iterable[int]) -> dict[int, list[EvidenceT]]:
    """The passage and fact evidence of these claims, typed, by claim id."""
    ids = list(claim_ids)
    out: dict[int, list[EvidenceT]] = defaultdict(list)
    for i in range(0, len(ids), _CHUNK):
        rows = session.exec(select(Evidence)
                            .where(col(Evidence.claim_id).in_(ids[i:i + _CHUNK]))
                            .where(col(Evidence.kind).in_(_TRIAGE_EVIDENCE))
                            .order_by(col(Evidence.id))).all()
        for row in rows:
            out[row.claim_id].append(evidence_of(row))
    return out


def group_of(claim: Claim, evidence: Sequence[EvidenceT]) -> str:
    """The triage group of a stored claim (verifier.triage.group)."""
    try:
        typed = claim_contract(claim)
    except (TypeError, ValueError, KeyError):  # a row the contract cannot read: a person looks
        return "no_evidence"
    return triage.group(typed, claim.finding, evidence)


def is_anonymous(claim: Claim) -> bool:
    return bool((claim.attrs or {}).get("anonymous"))


def load_queue(store: Store, filters: QueueFilters) -> list[QueueRow]:
    """Claims of articles and drafts (not of reference sources) matching the filters, in triage
    order (verifier.triage.GROUPS), then document and position."""
    q = (select(Claim, Document).join(Document, Document.id == Claim.document_id)  # type: ignore[arg-type]
         .where(Document.kind != "source").order_by(col(Claim.document_id), col(Claim.start), col(Claim.end)))
    if filters.statuses:
        q = q.where(Claim.status.in_(filters.statuses))  # type: ignore[attr-defined]
    if filters.kinds:
        q = q.where(Claim.kind.in_(filters.kinds))  # type: ignore[attr-defined]
    if filters.document_id is not None:
        q = q.where(Claim.document_id == filters.document_id)
    if filters.published_from is not None:
        q = q.where(Document.published >= filters.published_from)  # type: ignore[operator]
    if filters.published_to is not None:
        q = q.where(Document.published <= filters.published_to)  # type: ignore[operator]
    if filters.document_kinds:
        q = q.where(col(Document.kind).in_(filters.document_kinds))
    if filters.evidence_changed:  # NULL on either side compares to NULL: not flagged
        q = q.where(col(Claim.evidence_changed_at) > col(Claim.reviewed_at))
    wanted = set(filters.findings)
    groups = set(filters.groups)
    routine = filters.show_routine or filters.evidence_changed or "routine" in groups
    with store.read() as session:
        pairs = [(claim, doc) for claim, doc in session.exec(q).all()
                 if (filters.anonymous is None or is_anonymous(claim) == filters.anonymous)
                 and (not wanted or (claim.finding or NOT_CHECKED) in wanted)]
        evidence = _triage_evidence(session, [int(c.id) for c, _ in pairs if c.id is not None])
    rows: list[QueueRow] = []
    for claim, doc in pairs:
        grp = group_of(claim, evidence.get(int(claim.id or 0), []))
        if (groups and grp not in groups) or (grp == "routine" and not routine):
            continue
        rows.append(QueueRow(claim, doc.title or doc.source_name or f"document {doc.id}",
                             doc.published, is_anonymous(claim), group=grp))
    rows.sort(key=lambda r: triage.RANK.get(r.group, len(triage.RANK)))  # stable: reading order
    return rows


def triage_counts(store: Store, kinds: Sequence[str] = ()) -> dict[str, int]:
    """How many unreviewed claims of articles and drafts (of `kinds` only, when given) each
    triage group holds, whatever the desk's filters (every group of verifier.triage.GROUPS is
    a key)."""
    rows = load_queue(store, QueueFilters(statuses=("unreviewed",), show_routine=True,
                                          document_kinds=tuple(kinds)))
    c = Counter(r.group for r in rows)
    return {g: c.get(g, 0) for g in triage.GROUPS}


def checked_claim(store: Store, claim: Claim) -> CheckedClaim:
    """A stored claim as the check gave it: the typed claim, its finding with the explanation,
    the evidence (in the order of claims.ordered_evidence) and what the check measured. A claim
    stored without a finding reads as no_evidence with no explanation."""
    a = claim.attrs or {}
    elapsed = a.get("elapsed")
    result = Finding(finding=claim.finding or "no_evidence", explanation=claim.explanation or "",
                     evidence=tuple(claim_evidence(store, int(claim.id or 0))),
                     elapsed=Elapsed(**elapsed) if isinstance(elapsed, dict) else None,
                     prediction=a.get("prediction"), fidelity=a.get("fidelity"))
    return CheckedClaim(claim_contract(claim), result)


def counts(rows: Sequence[QueueRow]) -> dict[str, int]:
    c: Counter[str] = Counter()
    for r in rows:
        c["claims"] += 1
        c[r.claim.status] += 1
        c[r.claim.finding or NOT_CHECKED] += 1
        c["anonymous"] += int(r.anonymous)
        c["evidence_changed"] += int(r.claim.evidence_changed_since_verdict)
    return dict(c)


def next_claim_id(order: Sequence[QueueRow], current: int) -> int | None:
    """The next unreviewed claim after `current` (wrapping round), else the next claim."""
    ids = [r.claim.id for r in order]
    if current not in ids:
        return ids[0] if ids else None
    i = ids.index(current)
    later = list(order[i + 1:]) + list(order[:i])
    for r in later:
        if r.claim.status == "unreviewed":
            return r.claim.id
    return later[0].claim.id if later else current


def get_claim(store: Store, claim_id: int) -> tuple[Claim, Document] | None:
    with store.read() as session:
        claim = session.get(Claim, claim_id)
        if claim is None:
            return None
        doc = session.get(Document, claim.document_id)
    return (claim, doc) if doc is not None else None


def document_claims(store: Store, document_id: int) -> list[Claim]:
    with store.read() as session:
        return list(session.exec(select(Claim).where(Claim.document_id == document_id)
                                 .order_by(col(Claim.start), col(Claim.end))).all())


def claim_evidence(store: Store, claim_id: int) -> list[EvidenceT]:
    """The stored evidence of a claim, as the typed evidence the check produced, in the order
    of claims.ordered_evidence (alignments best first, facts, earlier verdicts last; rows
    stored by earlier versions in another order are shown in this one too)."""
    with store.read() as session:
        rows = session.exec(select(Evidence).where(Evidence.claim_id == claim_id)
                            .order_by(col(Evidence.id))).all()
        return list(ordered_evidence(evidence_of(row) for row in rows))


def source_text(store: Store, ev: EvidenceT) -> tuple[str, int] | None:
    """The text a passage evidence points into, and the offset it starts at: the whole source
    document (passage evidence stores document offsets), found by passage id or SHA-256. None
    for other evidence."""
    if not isinstance(ev, PassageEvidence):
        return None
    with store.read() as session:
        doc = None
        if ev.passage_id is not None:
            passage = session.get(Passage, ev.passage_id)
            if passage is not None:
                doc = session.get(Document, passage.document_id)
        if doc is None and ev.source_sha256:
            doc = session.exec(select(Document).where(Document.sha256 == ev.source_sha256)).first()
    if doc is None:
        return None
    return doc.text, 0


def earlier_verdicts(store: Store, claim: Claim, *, limit: int = 5) -> list[Claim]:
    """Reviewed claims elsewhere with the same words (case and spacing ignored)."""
    wanted = " ".join(claim.text.split()).casefold()
    with store.read() as session:
        rows = session.exec(select(Claim).where(Claim.verdict.is_not(None))  # type: ignore[union-attr]
                            .where(Claim.kind == claim.kind).where(Claim.id != claim.id)
                            .order_by(Claim.reviewed_at.desc())).all()  # type: ignore[union-attr]
    return [c for c in rows if " ".join(c.text.split()).casefold() == wanted][:limit]


def reviews_of(store: Store, claim_id: int) -> list[Review]:
    with store.read() as session:
        return list(session.exec(select(Review).where(Review.claim_id == claim_id)
                                 .order_by(col(Review.id))).all())


def list_documents(store: Store, kinds: Sequence[str] = ()) -> list[Document]:
    """Articles and drafts (never reference sources), by id; with `kinds`, only those kinds
    (saved drafts apart from published articles)."""
    q = select(Document).where(Document.kind != "source")
    if kinds:
        q = q.where(col(Document.kind).in_(tuple(kinds)))
    with store.read() as session:
        return list(session.exec(q.order_by(col(Document.id))).all())


def _claimed_text(meta: dict[str, Any] | None) -> str:
    """What a page says of itself (URL, site name), "" when nothing else than where it came
    from (docs/decisions.md §22)."""
    said = claimed(meta)
    site = said.get("claimed_site")
    return " ".join(x for x in (said.get("claimed_url"), f"({site})" if site else None) if x)


def loaded_sources(store: Store) -> list[dict[str, Any]]:
    """The reference documents (kind source) with their number of passages: `from` is where
    each came from (the URL fetched, else the file name), `the page calls itself` what the
    page claims to be."""
    with store.read() as session:
        counts: dict[int, int] = dict(session.exec(  # type: ignore[arg-type]
            select(col(Passage.document_id), func.count(col(Passage.id)))
            .group_by(col(Passage.document_id))).all())
        docs = session.exec(select(Document).where(Document.kind == "source")
                            .order_by(col(Document.id))).all()
    return [{"id": d.id, "title": d.title or d.source_name or "", "from": d.url or d.source_name or "",
             "the page calls itself": _claimed_text(d.meta),
             "language": d.language, "published": d.published, "passages": counts.get(int(d.id or 0), 0),
             "added by": d.created_by or "", "added": d.created_at, "sha256": d.sha256[:12]}
            for d in docs]


def loaded_packs(store: Store) -> list[dict[str, Any]]:
    """The fact packs stored: facts, build date, last day covered, licence, sources cited, when
    last loaded (the pack rows of v7; a pack stored before has only its count)."""
    from verifier.db.facts import pack_infos
    from verifier.db.models import FactPack

    with store.read() as session:
        infos = pack_infos(session)
        loaded = {p.name: p.loaded_at for p in session.exec(select(FactPack)).all()}
        cited = dict(session.exec(  # type: ignore[call-overload]
            select(Fact.pack, func.count(func.distinct(func.coalesce(Fact.source_title, Fact.source_url))))
            .group_by(Fact.pack)).all())
    return [{"pack": p.name, "facts": p.facts,
             "built": p.built.isoformat() if p.built else "",
             "covered until": p.covered_until.isoformat() if p.covered_until else "",
             "licence": p.licence or "", "sources cited": int(cited.get(p.name, 0)),
             "loaded": loaded.get(p.name)} for p in infos]
