"""What an export reads: claims matching the filters with their document, evidence and reviews,
streamed in batches (bounded memory), plus the counts the HTML report shows first."""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from verifier.claims import evidence_sort_key
from verifier.db.documents import CLAIMED_KEYS, claimed
from verifier.db.models import CLAIM_KINDS, CLAIM_STATUSES, Claim, Document, Evidence, Review
from verifier.db.reviews import normalise_verdict
from verifier.text import Sentence, split_sentences

BATCH = 1000
# At most this many characters of a claim's sentence are kept around it (a "sentence" of a
# document without punctuation can be a whole page); the cut is at a word boundary.
SENTENCE_MAX = 600
_C = Claim.__table__.c  # type: ignore[attr-defined]
_D = Document.__table__.c  # type: ignore[attr-defined]
_E = Evidence.__table__.c  # type: ignore[attr-defined]
_R = Review.__table__.c  # type: ignore[attr-defined]

CLAIM_FIELDS = ("id", "document_id", "kind", "start", "end", "text", "speaker", "reference",
                "value", "attrs", "finding", "explanation", "status", "verdict", "note",
                "reviewed_by", "reviewed_at", "version", "created_at", "updated_at", "updated_by",
                "evidence_changed_at")
DOCUMENT_FIELDS = ("title", "url", "site", "author", "language", "published", "sha256", "kind",
                   "source_name")
EVIDENCE_FIELDS = ("kind", "source_title", "source_url", "source_sha256", "start", "end",
                   "score", "method", "passage_id", "fact_id", "precedent_claim_id", "detail")
REVIEW_FIELDS = ("reviewer", "verdict", "note", "claim_version", "created_at")


@dataclass(frozen=True)
class ExportFilters:
    """Which claims an export (or `verifier claims`) covers. `since`/`until` are review dates
    (UTC, both inclusive): with either, claims never reviewed are left out."""

    document_id: int | None = None
    since: date | None = None
    until: date | None = None
    status: str | None = None
    verdict: str | None = None
    reviewer: str | None = None
    kind: str | None = None

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in CLAIM_STATUSES:
            raise ValueError(f"unknown status {self.status!r} (one of {', '.join(CLAIM_STATUSES)})")
        if self.kind is not None and self.kind not in CLAIM_KINDS:
            raise ValueError(f"unknown kind {self.kind!r} (one of {', '.join(CLAIM_KINDS)})")
        if self.verdict is not None:
            object.__setattr__(self, "verdict", normalise_verdict(self.verdict))
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"--since {self.since} is after --until {self.until}")

    def as_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, date) else v)
                for k, v in asdict(self).items() if v is not None}

    def where(self) -> list[ColumnElement[bool]]:
        conds: list[ColumnElement[bool]] = []
        if self.document_id is not None:
            conds.append(_C.document_id == self.document_id)
        if self.status is not None:
            conds.append(_C.status == self.status)
        if self.verdict is not None:
            conds.append(_C.verdict == self.verdict)
        if self.reviewer is not None:
            conds.append(_C.reviewed_by == self.reviewer)
        if self.kind is not None:
            conds.append(_C.kind == self.kind)
        if self.since is not None:
            conds.append(_C.reviewed_at >= datetime.combine(self.since, time(), UTC))
        if self.until is not None:
            conds.append(_C.reviewed_at < datetime.combine(self.until + timedelta(days=1), time(), UTC))
        return conds


def snapshot(session: Session) -> None:
    """Make every later query of `session` see one consistent state of the database (the one
    whose audit head the export records). SQLite: a read transaction in WAL mode already is;
    PostgreSQL needs REPEATABLE READ. Call before any other query."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def count_claims(session: Session, filters: ExportFilters) -> int:
    """How many claims an export with `filters` covers."""
    from sqlalchemy import func

    q = select(func.count()).select_from(Claim.__table__)  # type: ignore[attr-defined]
    for cond in filters.where():
        q = q.where(cond)
    return int(session.execute(q).scalar() or 0)


def _claims_query(filters: ExportFilters, reviewed_only: bool):  # type: ignore[no-untyped-def]
    cols = ([_C[f] for f in CLAIM_FIELDS] + [_D[f].label(f"doc_{f}") for f in DOCUMENT_FIELDS]
            + [_D.meta.label("doc_meta")])
    q = select(*cols).join(Document.__table__, _D.id == _C.document_id)  # type: ignore[attr-defined]
    for cond in filters.where():
        q = q.where(cond)
    if reviewed_only:
        q = q.where(_C.verdict.is_not(None))
    return q.order_by(_C.document_id, _C.start, _C.end, _C.id)


def _dump(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def claim_sentence(text: str, sentences: list[Sentence], start: int, end: int,
                   limit: int = SENTENCE_MAX, starts: list[int] | None = None) -> dict[str, Any]:
    """The sentence (or sentences) holding text[start:end]: {"start", "end", "text" ==
    text[start:end of the sentence], "cut_before", "cut_after"}. Past `limit` characters only a
    window around the claim is kept, cut at spaces, and `cut_before` / `cut_after` say so. The
    claim is always whole inside it: text[start:end] is its slice from start - sentence start.
    `starts` (the sentences' start offsets) saves recomputing them for each claim."""
    n = len(text)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    s, e = start, end
    if sentences:
        if starts is None:
            starts = [x.start for x in sentences]
        i = bisect_right(starts, start) - 1
        if i >= 0 and start < sentences[i].end:
            s = min(s, sentences[i].start)
        j = bisect_right(starts, max(start, end - 1)) - 1
        if j >= 0 and max(start, end - 1) < sentences[j].end:
            e = max(e, sentences[j].end)
    ws, we = s, e
    if e - s > limit:
        room = max(0, limit - (end - start))
        ws = max(s, start - room // 2)
        we = min(e, end + room - (start - ws))
        ws = max(s, start - (room - (we - end)))
        if ws > s:  # start after a space, never inside a word
            cut = text.find(" ", ws, start)
            ws = cut + 1 if cut >= 0 else start
        if we < e:
            cut = text.rfind(" ", end, we)
            we = cut if cut >= 0 else end
    while ws < start and text[ws].isspace():
        ws += 1
    while we > end and text[we - 1].isspace():
        we -= 1
    return {"start": ws, "end": we, "text": text[ws:we], "cut_before": ws > s,
            "cut_after": we < e}


class _Sentences:
    """The sentences of one document at a time (records come in document order), read from the
    stored text when the document changes."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.doc_id: int | None = None
        self.text = ""
        self.sentences: list[Sentence] = []
        self.starts: list[int] = []

    def of(self, doc_id: int, language: str, start: int, end: int) -> dict[str, Any]:
        if doc_id != self.doc_id:
            text = self.session.execute(select(_D.text).where(_D.id == doc_id)).scalar_one()
            self.doc_id, self.text = doc_id, text
            self.sentences = split_sentences(text, language)
            self.starts = [x.start for x in self.sentences]
        return claim_sentence(self.text, self.sentences, start, end, starts=self.starts)


def iter_records(session: Session, filters: ExportFilters, *, reviewed_only: bool = False,
                 with_evidence: bool = True, with_reviews: bool = True,
                 with_sentences: bool = False,
                 batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """One dict per claim, {"claim", "document", "evidence", "reviews"}, in document and span
    order (the document with `claimed_url` / `claimed_site`: what a page says of itself, beside
    the `url` and `site` it was fetched from), its evidence in the order of claims.ordered_evidence (alignments best first,
    facts, earlier verdicts last; scores 0-100); values JSON-ready (dates as ISO strings).
    With `with_sentences`, the claim has "sentence": the sentence of the document holding it
    (`claim_sentence`; one document's text in memory at a time).
    Reads `batch` claims at a time."""
    stmt = _claims_query(filters, reviewed_only).execution_options(yield_per=batch)
    result = session.execute(stmt)
    sentences = _Sentences(session) if with_sentences else None
    for part in result.partitions():
        rows = [r._mapping for r in part]
        ids = [r["id"] for r in rows]
        evidence: dict[int, list[dict[str, Any]]] = defaultdict(list)
        reviews: dict[int, list[dict[str, Any]]] = defaultdict(list)
        if with_evidence:
            eq = (select(_E.claim_id, *[_E[f] for f in EVIDENCE_FIELDS])
                  .where(_E.claim_id.in_(ids)).order_by(_E.claim_id, _E.id))
            for e in session.execute(eq):
                em = e._mapping
                evidence[em["claim_id"]].append({f: em[f] for f in EVIDENCE_FIELDS})
            for items in evidence.values():  # the order of claims.ordered_evidence
                items.sort(key=lambda ev: evidence_sort_key(ev["kind"], ev["score"]))
        if with_reviews:
            rq = (select(_R.claim_id, *[_R[f] for f in REVIEW_FIELDS])
                  .where(_R.claim_id.in_(ids)).order_by(_R.claim_id, _R.id))
            for rv in session.execute(rq):
                rm = rv._mapping
                reviews[rm["claim_id"]].append({f: _dump(rm[f]) for f in REVIEW_FIELDS})
        for r in rows:
            claim = {f: r[f] for f in CLAIM_FIELDS}
            changed, reviewed = claim["evidence_changed_at"], claim["reviewed_at"]
            claim["evidence_changed_since_verdict"] = bool(changed and reviewed and changed > reviewed)
            for f in ("reviewed_at", "created_at", "updated_at", "evidence_changed_at"):
                claim[f] = _dump(claim[f])  # aware UTC: the column type converts Core rows too
            doc = {"id": r["document_id"]} | {f: _dump(r[f"doc_{f}"]) for f in DOCUMENT_FIELDS}
            said = claimed(r["doc_meta"])  # what the page says of itself, apart from its url
            doc |= {k: said.get(k) for k in CLAIMED_KEYS}
            if sentences is not None:
                claim["sentence"] = sentences.of(r["document_id"], r["doc_language"],
                                                 claim["start"], claim["end"])
            yield {"document": doc, "claim": claim, "evidence": evidence.get(r["id"], []),
                   "reviews": reviews.get(r["id"], [])}


@dataclass
class Summary:
    """Counts for the HTML report, computed in SQL before the claims are streamed."""

    total: int
    by_kind: dict[str, int]
    by_finding: dict[str, int]
    by_verdict: dict[str, int]
    documents: list[tuple[int, str, int]]  # (id, title, claims), most claims first
    finding_per_document: dict[int, dict[str, int]]
    verdict_per_document: dict[int, dict[str, int]]
    verdict_per_reviewer: dict[str, dict[str, int]]
    finding_per_reviewer: dict[str, dict[str, int]]


def summarise(session: Session, filters: ExportFilters) -> Summary:
    conds = filters.where()

    def grouped(*keys: Any) -> list[Any]:
        q = select(*keys, func.count()).select_from(Claim.__table__)  # type: ignore[attr-defined]
        for c in conds:
            q = q.where(c)
        return list(session.execute(q.group_by(*keys)).all())

    def flat(col: Any) -> dict[str, int]:
        return {(k if k is not None else "none"): n for k, n in grouped(col)}

    def nested(a: Any, b: Any) -> dict[Any, dict[str, int]]:
        out: dict[Any, dict[str, int]] = defaultdict(dict)
        for ka, kb, n in grouped(a, b):
            out[ka][kb if kb is not None else "none"] = n
        return dict(out)

    per_doc = {k: n for k, n in grouped(_C.document_id)}
    titles = {}
    ids = list(per_doc)
    for i in range(0, len(ids), BATCH):
        chunk = ids[i:i + BATCH]
        q = select(_D.id, _D.title, _D.source_name).where(_D.id.in_(chunk))
        titles.update({d: t or s or f"document {d}" for d, t, s in session.execute(q)})
    docs = sorted(((d, titles.get(d, f"document {d}"), n) for d, n in per_doc.items()),
                  key=lambda t: (-t[2], t[0]))
    reviewer = nested(_C.reviewed_by, _C.verdict)
    reviewer.pop(None, None)  # type: ignore[call-overload]
    reviewer_findings = nested(_C.reviewed_by, _C.finding)
    reviewer_findings.pop(None, None)  # type: ignore[call-overload]
    return Summary(total=sum(per_doc.values()), by_kind=flat(_C.kind),
                   by_finding=flat(_C.finding), by_verdict=flat(_C.verdict), documents=docs,
                   finding_per_document=nested(_C.document_id, _C.finding),
                   verdict_per_document=nested(_C.document_id, _C.verdict),
                   verdict_per_reviewer=reviewer, finding_per_reviewer=reviewer_findings)
