"""Earlier fact-checks in the store: import into a collection, search, and the collection's
sentence-embedding vectors. Parsing, query cleaning, features and ranking are pure
(verifier.reference.precedents); this module adds the full-text candidates (verifier.db.fts),
the document frequencies and the cached vectors of what the store holds."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import delete, func
from sqlmodel import Session, select

from verifier.db import audit
from verifier.db.fts import search_claims, search_precedents
from verifier.db.models import Claim, Document, Precedent
from verifier.reference import semantic
from verifier.reference.index import content_tokens, query_terms
from verifier.reference.precedents import (
    LEXICAL_FEATURES,
    Hit,
    PrecedentError,
    Stats,
    clean_query,
    features,
    parse_precedents,
    query_parts,
    rank,
    semantic_enabled,
)
from verifier.reference.precedents import precedent_evidence as precedent_evidence

# PrecedentError, semantic_enabled and precedent_evidence are importable from here too, so a
# caller that imports and searches precedents (the CLI) needs this module only.


def import_precedents(*, session: Session, path_or_bytes: str | Path | bytes, name: str | None = None,
                      collection: str | None = None, actor: str) -> int:
    """Import a precedent file into `collection` (default: the file name without extension),
    replacing what that collection held; audited as "precedents.import". Returns the count.
    A bad file raises PrecedentError before anything is written."""
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
    rows = parse_precedents(data, name=name)
    collection = collection or Path(name).stem
    old = session.exec(select(func.count()).select_from(Precedent)
                       .where(Precedent.collection == collection)).one()
    session.execute(delete(Precedent).where(Precedent.collection == collection))  # type: ignore[arg-type]
    session.add_all([Precedent(collection=collection, external_id=r.external_id, claim=r.claim,
                               title=r.title, verdict=r.verdict, url=r.url,
                               reviewed_on=r.reviewed_on, language=r.language) for r in rows])
    session.flush()
    audit.append(session, actor=actor, action="precedents.import",
                 old={"collection": collection, "count": int(old)},
                 new={"collection": collection, "count": len(rows), "file": name})
    _STATS.clear()
    _DENSE.clear()
    return len(rows)


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
