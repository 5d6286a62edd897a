"""Reference sources as passages: sentences with their offsets and speaker turns.

`split_passages` is pure. `store_passages` writes a stored source's passages;
`match_quote` and `quote_evidence` align a quote against the stored sources (the store-level
side of verifier.check.align)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import delete
from sqlmodel import Session, select

from verifier.db.models import Document, Evidence, Passage
from verifier.text import split_sentences


class PassageSpan(NamedTuple):
    seq: int
    start: int
    end: int
    text: str
    speaker: str | None


_TITLE = r"(?:M|MM|Mme|Mmes|Mlle|Mr|Mrs|Ms|Dr|Pr|Prof|Sen|Rep|Gen|Gov|Pres)\.?"
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_TURN = re.compile(
    rf"(?P<label>(?:{_TITLE}\s+)?{_NAME}(?:[ \u00a0](?:{_NAME}|de|du|von|van|al|el|bin)){{0,3}}"
    r"|Q|R|A|Question|Réponse|Answer|Journaliste|Journalist)"
    r"[ \t\u00a0\u202f]*:[ \t\u00a0\u202f]+(?=\S)",
    re.IGNORECASE,
)
# Labels that precede a colon in ordinary articles without being a speaker turn.
_NOT_SPEAKERS = frozenset(
    "note source sources photo photos crédit credit crédits credits lire aussi voir aussi "
    "update mise à jour titre title résumé summary attention warning avertissement exemple "
    "example par by selon according to with avec contact tags mots-clés keywords".split())


def turn_label(line: str) -> re.Match[str] | None:
    """The speaker label at the start of `line` ("M. LAVROV :", "Q:", "Sergueï Lavrov :")."""
    m = _TURN.match(line)
    if not m:
        return None
    label = m.group("label")
    words = label.replace("\u00a0", " ").split()
    if len(label) > 40 or any(w.lower().strip(".") in _NOT_SPEAKERS for w in words[:1]):
        return None
    # A name is capitalised ("Lavrov") or all capitals ("LAVROV"); IGNORECASE let lower-case
    # words through for the connectors only.
    if not all(w[0].isupper() or w in ("de", "du", "von", "van", "al", "el", "bin") for w in words):
        return None
    return m


def split_passages(text: str, lang: str = "fr") -> list[PassageSpan]:
    """Sentences of a source with offsets into `text`; in a transcript (two or more speaker
    turns), each passage carries the speaker of the turn it belongs to and a sentence that
    opens a turn starts after its label. A turn lasts until the next label."""
    sentences = split_sentences(text, lang)
    labels: list[tuple[int, int, str]] = []  # (line start, text start, label)
    for line in re.finditer(r"(?m)^[ \t]*(.+)$", text):
        m = turn_label(line.group(1))
        if m:
            labels.append((line.start(1), line.start(1) + m.end(), m.group("label")
                           .replace("\u00a0", " ")))
    transcript = len(labels) >= 2
    out: list[PassageSpan] = []
    speaker: str | None = None
    k = 0
    for s in sentences:
        start = s.start
        if transcript:
            while k < len(labels) and labels[k][0] <= s.start:
                speaker = labels[k][2]
                k += 1
            if k and labels[k - 1][0] <= s.start < labels[k - 1][1]:
                start = labels[k - 1][1]  # the sentence opens the turn: drop the label
        if start >= s.end:
            continue  # a fragment of the label itself ("MR." split off "SMITH:")
        out.append(PassageSpan(len(out), start, s.end, text[start:s.end], speaker))
    return out


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
    alignment: Any          # verifier.check.align.Alignment
    document: Document
    passage_id: int | None


def match_quote(*, session: Session, quote: str, limit: int = 20,
                document_ids: list[int] | None = None) -> QuoteMatch | None:
    """The best alignment of `quote` over the stored sources whose passages share words with
    it (full-text candidates, then verifier.check.align.align_quote on each candidate document)."""
    from verifier.check.align import RANK, align_quote
    from verifier.reference import index

    cands = index.search_passages(session=session, query=quote, limit=limit,
                                  document_ids=document_ids)
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


def quote_evidence(match: QuoteMatch) -> dict[str, Any]:
    """The Evidence shape (kind "passage") of a quote match."""
    al, doc = match.alignment, match.document
    return {"kind": "passage", "passage_id": match.passage_id, "source_title": doc.title,
            "source_url": doc.url, "source_sha256": doc.sha256, "start": al.source_start,
            "end": al.source_end, "score": al.score, "method": "align:rapidfuzz+words",
            "detail": {"class": al.cls, "diff": [d.to_json() for d in al.diff],
                       "parts": [p.to_json() for p in al.parts], "note": al.note,
                       "speaker": al.speaker, "document_id": doc.id}}


def add_quote_evidence(*, session: Session, claim_id: int, match: QuoteMatch) -> Evidence:
    ev = Evidence(claim_id=claim_id, **quote_evidence(match))
    session.add(ev)
    session.flush()
    return ev
