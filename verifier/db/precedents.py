"""Earlier fact-checks in the store: import into a collection, search, and the collection's
sentence-embedding vectors. Parsing, query cleaning, features and ranking are pure
(verifier.reference.precedents); this module adds the full-text candidates (verifier.db.fts),
the document frequencies and the cached vectors of what the store holds."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from verifier.db import audit
from verifier.db.fts import search_claims, search_precedents
from verifier.db.models import Claim, Document, Precedent
from verifier.reference import semantic
from verifier.reference.index import content_tokens, query_terms
from verifier.reference.precedents import (
    LEXICAL_FEATURES,
    Hit,
    PrecedentError,
    PrecedentFile,
    PrecedentRow,
    Stats,
    clean_query,
    features,
    query_parts,
    rank,
    read_precedent_file,
    semantic_enabled,
)
from verifier.reference.precedents import precedent_evidence as precedent_evidence

# PrecedentError, semantic_enabled and precedent_evidence are importable from here too, so a
# caller that imports and searches precedents (the CLI) needs this module only.


@dataclass(frozen=True)
class StoredPrecedents:
    """What an import did: reviews added, already known (same review URL with the same rating
    and date, or an older one), known ones updated (a new rating or review date), and, for a
    list that replaces its collection, how many rows the collection held before."""
    imported: int
    known: int = 0
    updated: int = 0
    replaced: int | None = None


_FIELDS = ("claim", "title", "verdict", "reviewed_on", "language", "publisher_name",
           "publisher_site", "claimant", "claim_date")


def import_precedents(*, session: Session, path_or_bytes: str | Path | bytes, name: str | None = None,
                      collection: str | None = None, actor: str) -> int:
    """Import a precedent file into `collection` (default: the file name without extension);
    see `store_precedents`. Returns the count of new precedents. A bad file raises
    PrecedentError before anything is written."""
    if isinstance(path_or_bytes, bytes):
        data: bytes | str = path_or_bytes
        name = name or "input"
    else:
        p = Path(path_or_bytes)
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise PrecedentError(f"{p}: {exc.strerror or exc}") from None
        name = name or p.name
    parsed = read_precedent_file(data, name=name)
    return store_precedents(session=session, parsed=parsed, name=name,
                            collection=collection or Path(name).stem, actor=actor).imported


def store_precedents(*, session: Session, parsed: PrecedentFile, name: str, collection: str,
                     actor: str) -> StoredPrecedents:
    """Store the rows of a precedent file, audited as "precedents.import".

    A list (TSV/CSV) replaces what `collection` held. ClaimReview is merged, deduplicated by
    review URL over every collection (by id within the collection for a review without a
    URL): a review already stored with the same rating and review date, or with a later
    review date, is "already known" and left as it is; one with another rating or a later
    review date replaces the stored fields (docs/decisions.md §33), the old and new rating and
    date recorded in the audit event. Nothing is deleted."""
    rows = parsed.rows
    if parsed.format == "table":
        old = session.exec(select(func.count()).select_from(Precedent)
                           .where(Precedent.collection == collection)).one()
        session.execute(delete(Precedent).where(Precedent.collection == collection))  # type: ignore[arg-type]
        session.add_all([Precedent(collection=collection, **_values(r)) for r in rows])
        result = StoredPrecedents(len(rows), replaced=int(old))
        changes: list[dict[str, Any]] = []
    else:
        result, changes = _merge(session, rows, collection)
    session.flush()
    audit.append(session, actor=actor, action="precedents.import",
                 old={"collection": collection, "count": result.replaced}
                 if result.replaced is not None else None,
                 new={"collection": collection, "file": name, "format": parsed.format,
                      "count": result.imported, "known": result.known,
                      "updated": result.updated, "changes": changes})
    _STATS.clear()
    _DENSE.clear()
    return result


def _values(r: PrecedentRow) -> dict[str, Any]:
    return {"external_id": r.external_id, "url": r.url} | {f: getattr(r, f) for f in _FIELDS}


def _merge(session: Session, rows: Sequence[PrecedentRow],
           collection: str) -> tuple[StoredPrecedents, list[dict[str, Any]]]:
    urls = [r.url for r in rows if r.url]
    by_url: dict[str, Precedent] = {}
    for k in range(0, len(urls), 500):
        for p in session.exec(select(Precedent).where(
                col(Precedent.url).in_(urls[k:k + 500])).order_by(col(Precedent.id))).all():
            by_url.setdefault(p.url or "", p)
    ids = set(session.exec(select(Precedent.external_id)
                           .where(Precedent.collection == collection)).all())
    imported = known = 0
    changes: list[dict[str, Any]] = []
    for r in rows:
        stored = by_url.get(r.url) if r.url else None
        if stored is None and (r.url is None and r.external_id in ids):
            known += 1
            continue
        if stored is None:
            ext, n = r.external_id, 1
            while ext in ids:  # an @id taken by another review of the collection
                n += 1
                ext = f"{r.external_id}#{n}"
            ids.add(ext)
            session.add(Precedent(collection=collection, **(_values(r) | {"external_id": ext})))
            imported += 1
            continue
        same = (stored.verdict, stored.reviewed_on) == (r.verdict, r.reviewed_on)
        older = (stored.reviewed_on is not None and
                 (r.reviewed_on is None or r.reviewed_on < stored.reviewed_on))
        if same or older:
            known += 1
            continue
        changes.append({"url": r.url, "collection": stored.collection,
                        "verdict": [stored.verdict, r.verdict],
                        "reviewed_on": [_iso(stored.reviewed_on), _iso(r.reviewed_on)]})
        for f in _FIELDS:
            setattr(stored, f, getattr(r, f))
        session.add(stored)
    return StoredPrecedents(imported, known, len(changes)), changes


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


_STATS: dict[tuple[Any, ...], Stats] = {}


def _stats(session: Session) -> Stats:
    """Document frequencies of content tokens over precedents and reviewed claims, cached per
    database and invalidated when either set changes (count or highest id)."""
    p = session.exec(select(func.count(), func.max(Precedent.id))).one()  # type: ignore[arg-type]
    c = session.exec(select(func.count(), func.max(Claim.id), func.max(Claim.updated_at))
                     .where(Claim.status == "reviewed")).one()  # type: ignore[arg-type]
    key = (str(getattr(session.get_bind(), "url", "")), tuple(p), tuple(map(str, c)))
    st = _STATS.get(key)
    if st is None:
        df: Counter[str] = Counter()
        for cl, ti in session.exec(select(Precedent.claim, Precedent.title)).all():
            df.update(set(content_tokens(f"{cl} {ti or ''}")))
        for (t,) in session.execute(select(Claim.text).where(Claim.status == "reviewed")).all():
            df.update(set(content_tokens(t)))
        st = Stats(int(p[0]) + int(c[0]), df)
        _STATS.clear()
        _STATS[key] = st
    return st


@dataclass
class _Dense:
    ids: np.ndarray  # precedent ids
    claims: np.ndarray  # (n, 384) claim vectors
    titles: np.ndarray  # (n, 384) title vectors (the claim's when no title)


_DENSE: dict[tuple[Any, ...], _Dense | None] = {}


def _dense(session: Session) -> _Dense | None:
    """Every precedent's vectors, when all of them are in the vector cache (after
    `embed_collection`, in this process or an earlier one); None otherwise. Cached per database
    state like `_stats` (an incomplete cache is looked up again after `embed_collection`)."""
    p = session.exec(select(func.count(), func.max(Precedent.id))).one()  # type: ignore[arg-type]
    key = (str(getattr(session.get_bind(), "url", "")), tuple(p))
    if key in _DENSE:
        return _DENSE[key]
    rows = session.exec(select(Precedent.id, Precedent.claim, Precedent.title)
                        .order_by(Precedent.id)).all()  # type: ignore[arg-type]
    d = None
    if rows:
        claims = semantic.lookup([c for _, c, _ in rows])
        titles = semantic.lookup([t or c for _, c, t in rows])
        if claims is not None and titles is not None:
            d = _Dense(np.array([i for i, _, _ in rows], dtype=np.int64), claims, titles)
    _DENSE.clear()
    _DENSE[key] = d
    return d


def _dense_candidates(session: Session, query: str, k: int) -> list[int]:
    """The `k` precedents whose claim or title is closest to the query by cosine, when the
    collection's vectors are cached (else none): they catch paraphrases that share too few
    words with the query for BM25."""
    d = _dense(session)
    if d is None or k <= 0:
        return []
    try:
        q = semantic.embed_cached([query])[0]
    except semantic.SemanticUnavailable:
        return []
    sims = np.maximum(d.claims @ q, d.titles @ q)
    k = min(k, len(sims))
    best = np.argpartition(-sims, k - 1)[:k]
    return [int(d.ids[i]) for i in best]


def search(*, session: Session, query: str, top: int = 5, candidates: int = 100,
           include_claims: bool = True, weights: Sequence[float] | None = None,
           use_semantic: bool | None = None, dense: int = 20,
           exclude_document: str | None = None) -> list[Hit]:
    """Earlier fact-checks (imported precedents and reviewed claims of the store) most likely
    to check the same claim as `query`, best first; `score` is 0-100.

    `use_semantic`: None uses the sentence-embedding features when `semantic_enabled()`; the
    features and default weights are then `FEATURES`/`WEIGHTS`, else `LEXICAL_FEATURES`/
    `LEXICAL_WEIGHTS`. Explicit `weights` must have one entry per feature used. With the
    embeddings on and the collection's vectors cached (`embed_collection`), the `dense`
    precedents nearest by cosine join the BM25 candidates (BM25 feature 0 unless BM25 found
    them too). `exclude_document` (a SHA-256): the reviewed claims of that document are no
    earlier fact-checks of its own claims (re-checking a document found each reviewed claim as
    its own precedent)."""
    cleaned = clean_query(query)
    if not query_terms(cleaned):
        return []
    use_sem = use_semantic if use_semantic is not None else semantic_enabled()
    pre = search_precedents(session=session, query=cleaned, limit=candidates)
    if use_sem and dense:
        seen = {i for i, _ in pre}
        pre = pre + [(i, 0.0) for i in _dense_candidates(session, cleaned, dense)
                     if i not in seen]
    cla = search_claims(session=session, query=cleaned, limit=candidates // 2) if include_claims else []
    if cla and exclude_document is not None:
        own = set(session.exec(select(Claim.id).join(Document, Document.id == Claim.document_id)  # type: ignore[arg-type]
                               .where(Document.sha256 == exclude_document)).all())
        cla = [(i, s) for i, s in cla if i not in own]
    if not pre and not cla:
        return []
    st = _stats(session)
    q = query_parts(cleaned)

    def lexical(found: list[tuple[int, float]], table: Any) -> list[tuple[Any, dict[str, float]]]:
        """The rows of `table` that full-text search found, with their lexical features."""
        if not found:
            return []
        mx = max(s for _, s in found) or 1.0
        rows = {r.id: r for r in session.exec(select(table).where(
            table.id.in_([i for i, _ in found]))).all()}
        out = []
        for i, s in found:
            r = rows.get(i)
            if r is not None:
                text, title = (r.claim, r.title) if table is Precedent else (r.text, None)
                f = features(*q, text, title, s / mx, st)
                out.append((r, dict(zip(LEXICAL_FEATURES, f, strict=True))))
        return out

    hits = [Hit(p.id, None, 0.0, p.verdict, p.url, p.reviewed_on, p.claim, p.title,
                p.external_id, p.collection, f) for p, f in lexical(pre, Precedent)]
    hits += [Hit(None, c.id, 0.0, c.verdict, None, c.reviewed_at.date() if c.reviewed_at else None,
                 c.text, None, None, None, f) for c, f in lexical(cla, Claim)]
    return rank(hits, cleaned, use_semantic=use_sem, weights=weights, top=top)


def embed_collection(*, session: Session, collection: str | None = None,
                     stats: semantic.CacheStats | None = None) -> int:
    """Compute (or load from the cache) the vectors of every precedent's claim and title, so
    that searches only embed their query. Returns the number of texts; 0 without the model."""
    if not semantic.available():
        return 0
    q = select(Precedent.claim, Precedent.title)
    if collection is not None:
        q = q.where(Precedent.collection == collection)
    texts: list[str] = []
    for cl, ti in session.exec(q).all():
        texts.append(cl)
        if ti:
            texts.append(ti)
    texts = list(dict.fromkeys(texts))
    for k in range(0, len(texts), 2048):
        semantic.embed_cached(texts[k:k + 2048], stats=stats)
    _DENSE.clear()
    return len(texts)
