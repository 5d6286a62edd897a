"""Full-text search over the store: SQLite FTS5 `bm25()` or PostgreSQL `ts_rank_cd` over
the stored `search_vector` column (to_tsvector('simple', ...), db/migrations.py), with the query as an OR of its word tokens
(verifier.reference.index builds the query expressions). Scores: higher is better."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text as sql
from sqlmodel import Session

from verifier.reference.index import (
    fts5_or_query,
    fts5_pairs_query,
    query_pairs,
    query_terms,
    tsquery_or,
    tsquery_pairs,
)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _fts(session: Session, *, table: str, cols: Sequence[str], query: str, limit: int,
         where: str = "", weights: Sequence[float] | None = None,
         pairs: bool = False, pg_rank: str = "ts_rank_cd") -> list[tuple[int, float]]:
    if limit <= 0 or not (query_pairs(query) if pairs else query_terms(query)):
        return []
    if _dialect(session) == "sqlite":
        w = ", ".join(str(float(x)) for x in (weights or [1.0] * len(cols)))
        join = f" JOIN {table} t ON t.id = f.rowid" if where else ""
        rows = session.execute(sql(
            f"SELECT f.rowid, bm25({table}_fts, {w}) AS r FROM {table}_fts f{join} "
            f"WHERE {table}_fts MATCH :q {where} ORDER BY r LIMIT :n"),
            {"q": fts5_pairs_query(query) if pairs else fts5_or_query(query), "n": limit}).all()
        return [(int(r[0]), -float(r[1])) for r in rows]
    rows = session.execute(sql(
        f"SELECT t.id, {pg_rank}(t.search_vector, q) AS r "
        f"FROM {table} t, to_tsquery('simple', :q) q "
        f"WHERE t.search_vector @@ q {where} ORDER BY r DESC, t.id LIMIT :n"),
        {"q": tsquery_pairs(query) if pairs else tsquery_or(query), "n": limit}).all()
    return [(int(r[0]), float(r[1])) for r in rows]


def search_passages(*, session: Session, query: str, limit: int = 20,
                    document_ids: Sequence[int] | None = None,
                    pairs: bool = False) -> list[tuple[int, float]]:
    """(passage id, score) of the passages sharing most words with `query`, best first; with
    `pairs`, only passages holding both words of a pair of its consecutive content words
    (reference.index.query_pairs: far fewer rows to rank in a large library)."""
    where = ""
    if document_ids is not None:
        ids = ",".join(str(int(i)) for i in document_ids) or "NULL"
        where = f"AND t.document_id IN ({ids})"
    # ts_rank, not ts_rank_cd: cover density costs ~20 µs a row, and a pair query over
    # 100,000 passages matches up to a thousand (bench/library_check.py); the alignment
    # that follows decides anyway.
    return _fts(session, table="passage", cols=["text"], query=query, limit=limit,
                where=where, pairs=pairs, pg_rank="ts_rank")


def search_precedents(*, session: Session, query: str, limit: int = 100,
                      weights: Sequence[float] = (1.0, 1.0)) -> list[tuple[int, float]]:
    """(precedent id, score) over claim and title, best first."""
    return _fts(session, table="precedent", cols=["claim", "title"], query=query, limit=limit,
                weights=weights)


def search_claims(*, session: Session, query: str, limit: int = 100) -> list[tuple[int, float]]:
    """(claim id, score) of the reviewed claims, best first: the full-text index holds only
    those (db/migrations.py `_FTS`), so a search costs the same however many unreviewed
    claims the store holds."""
    return _fts(session, table="claim", cols=["text"], query=query, limit=limit,
                where="AND t.status = 'reviewed'")
