"""Reference sources' passages in the store, and quotes aligned against the stored sources
(the store-level side of verifier.check.align; verifier.reference.passages splits them)."""
from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from verifier.check.align import Alignment, PreparedSource, align_quote, prepare_source
from verifier.check.quotes import Candidate, best_candidate, passage_evidence
from verifier.claims import PassageEvidence
from verifier.db.documents import evidence_row
from verifier.db.fts import search_passages
from verifier.db.models import Document, Evidence, Passage
from verifier.db.store import Store
from verifier.reference.index import query_pairs
from verifier.reference.passages import PassageSpan, split_passages


def store_passages(*, session: Session, document: Document,
                   spans: Sequence[PassageSpan] | None = None) -> int:
    """(Re)write the Passage rows of a stored source document (`spans`: its passages, when a
    limited worker split them already); returns how many."""
    assert document.id is not None
    session.execute(delete(Passage).where(Passage.document_id == document.id))  # type: ignore[arg-type]
    if spans is None:
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
# Quotes against stored sources: the library
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LibrarySource:
    """A stored source made ready for alignment (what evidence names of it, its passages)."""

    id: int
    title: str | None
    source_name: str | None
    url: str | None
    sha256: str
    published: str | None
    prepared: PreparedSource
    passage_ids: tuple[int, ...]

    def indices(self, passage_ids: Sequence[int]) -> list[int]:
        """Positions in `prepared.passages` of stored passage ids (of this source)."""
        where = {pid: k for k, pid in enumerate(self.passage_ids)}
        return [where[p] for p in passage_ids if p in where]

    def passage_at(self, offset: int | None) -> int | None:
        """The id of the stored passage holding `offset` of the source text."""
        if offset is None:
            return None
        spans = self.prepared.passages
        k = bisect_right([p.start for p in spans], offset) - 1
        return self.passage_ids[k] if 0 <= k < len(spans) and offset < spans[k].end else None


def library_source(*, session: Session, document_id: int) -> LibrarySource | None:
    doc = session.get(Document, document_id)
    if doc is None or doc.id is None:
        return None
    rows = session.execute(select(Passage.id, Passage.seq, Passage.start,  # type: ignore[call-overload]
                                  Passage.end, Passage.speaker)
                           .where(Passage.document_id == document_id)
                           .order_by(Passage.seq)).all()
    spans = [PassageSpan(k, a, b, doc.text[a:b], who) for k, (_, _, a, b, who) in enumerate(rows)]
    return LibrarySource(doc.id, doc.title, doc.source_name, doc.url, doc.sha256,
                         doc.published.isoformat() if doc.published else None,
                         prepare_source(doc.text, lang=doc.language, passages=spans),
                         tuple(r[0] for r in rows))


def source_documents(*, session: Session, quote: str, passages: int, documents: int,
                     pairs: bool, document_ids: list[int] | None = None
                     ) -> list[tuple[int, str, list[int]]]:
    """The source documents (id, SHA-256) of the `passages` best full-text passages for
    `quote`, best first, at most `documents` of them, each with its hit passage ids."""
    hits = search_passages(session=session, query=quote, limit=passages, pairs=pairs,
                           document_ids=document_ids)
    if not hits:
        return []
    owner = {pid: (doc, sha) for pid, doc, sha in session.exec(
        select(Passage.id, Passage.document_id, Document.sha256)
        .join(Document, col(Document.id) == col(Passage.document_id))
        .where(col(Passage.id).in_([i for i, _ in hits]))).all()}
    docs: dict[tuple[int, str], list[int]] = {}
    for pid, _ in hits:
        if pid in owner:
            docs.setdefault(owner[pid], []).append(pid)
    return [(d, sha, h) for (d, sha), h in docs.items()][:documents]


class LibraryAligner:
    """Candidate alignments of a quote from the store's reference sources: the passages sharing
    most words with it (SQLite FTS5 / PostgreSQL full text), then the quote aligned with each of
    the few source documents they belong to (verifier.check.align, over the whole source, so a
    quote spliced from two places of it is seen as such). Prepared sources are kept in a
    process-wide cache. A document is never its own source."""

    def __init__(self, store: Store, *, passages: int = 20, documents: int = 3,
                 exclude: frozenset[str] = frozenset()) -> None:
        self.store, self.passages, self.documents = store, passages, documents
        self.exclude = exclude  # SHA-256 of sources aligned by other means (given files)
        self.used: dict[int, LibrarySource] = {}

    def __call__(self, quote: str, lang: str | None, sha256: str) -> list[Candidate]:
        out: list[Candidate] = []
        with self.store.read() as session:
            first = True
            for doc_id, sha, hits in source_documents(session=session, quote=quote,
                                                      passages=self.passages,
                                                      documents=self.documents,
                                                      pairs=bool(query_pairs(quote))):
                if sha == sha256 or sha in self.exclude:
                    continue
                src = self._source(session, doc_id, sha, hits)
                if src is None:
                    continue
                # Alignments start from the passages the search found; when that is not
                # conclusive, the best document is aligned in full (a spliced quote's other
                # part may be in a passage the search ranked lower).
                where = src.indices(hits)
                if not src.prepared.shares_words(quote, where):
                    continue  # the search matched a few common words only
                al = align_quote(quote, src.prepared.within(where), quote_lang=lang)
                if first and al.cls not in ("verbatim", "minor", "truncated"):
                    al = align_quote(quote, src.prepared, quote_lang=lang)
                first = False
                out.append(Candidate(src, al, src.passage_at(al.source_start), src.id,
                                     src.published))
                if al.cls != "not_found":
                    self.used[src.id] = src
                if al.cls == "verbatim":
                    break  # nothing can rank above it
        return out

    def _source(self, session: Session, doc_id: int, sha256: str,
                hits: Sequence[int]) -> LibrarySource | None:
        key = (self.store.url, doc_id)
        src = _PREPARED.get(key)
        if src is None or src.sha256 != sha256 or not set(hits) <= set(src.passage_ids):
            src = library_source(session=session, document_id=doc_id)
            if src is None:
                return None
            _PREPARED[key] = src
            while len(_PREPARED) > PREPARED_CACHE:
                _PREPARED.popitem(last=False)
        _PREPARED.move_to_end(key)
        return src


# Sources prepared for alignment, kept across checks in this process (the UI's server checks
# draft after draft against the same library): a stored source's text never changes, and its
# passages are rewritten only with new ids, which `_source` notices.
PREPARED_CACHE = 512
_PREPARED: OrderedDict[tuple[str, int], LibrarySource] = OrderedDict()


def library_size(*, session: Session) -> tuple[int, int]:
    """(source documents with passages, passages) in the library."""
    n_docs, n_passages = session.exec(select(func.count(func.distinct(Passage.document_id)),
                                             func.count(col(Passage.id)))).one()
    return int(n_docs or 0), int(n_passages or 0)


@dataclass(frozen=True)
class QuoteMatch:
    alignment: Alignment
    document: Document
    passage_id: int | None


def match_quote(*, session: Session, quote: str, limit: int = 20,
                document_ids: list[int] | None = None) -> QuoteMatch | None:
    """The best alignment of `quote` over the stored sources whose passages share words with
    it (full-text candidates, then verifier.check.align.align_quote on each candidate document)."""
    found = []
    for doc_id, _, _ in source_documents(session=session, quote=quote, passages=limit,
                                         documents=5, pairs=False, document_ids=document_ids):
        src = library_source(session=session, document_id=doc_id)
        if src is not None:
            al = align_quote(quote, src.prepared)
            found.append(Candidate(src, al, src.passage_at(al.source_start), src.id))
    best = best_candidate(found)
    if best is None:
        return None
    doc = session.get(Document, best.document_id)
    assert doc is not None
    return QuoteMatch(best.alignment, doc, best.passage_id)


def quote_evidence(match: QuoteMatch, *, misattributed: bool = False) -> PassageEvidence:
    """The evidence (kind "passage") of a quote match: the same PassageEvidence as a check
    against an ad-hoc source gives, with the stored passage's id."""
    return passage_evidence(match.document, match.alignment, misattributed=misattributed,
                            passage_id=match.passage_id, document_id=match.document.id)


def add_quote_evidence(*, session: Session, claim_id: int, match: QuoteMatch) -> Evidence:
    ev = evidence_row(claim_id, quote_evidence(match))
    session.add(ev)
    session.flush()
    return ev
