"""Earlier fact-checks: import (TSV/CSV lists, ClaimReview JSON-LD) and search.

Search = candidate retrieval by BM25 through the store's full-text index (precedents' claim and
title, and claims already reviewed in the store), then a re-ranking of the top candidates by a
linear model over a few lexical features and, when the optional `semantic` extra is installed,
sentence-embedding cosines (all-MiniLM-L6-v2, verifier/reference/semantic.py) with the
precedents nearest by cosine added to the candidates once the collection is embedded (see
`FEATURES`, `WEIGHTS`, `embed_collection` and docs/matching.md). The weights were fitted on the
CheckThat! 2020 train queries only; dev is held out."""
from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz
from sqlalchemy import delete, func
from sqlmodel import Session, select

from verifier.db import audit
from verifier.db.models import Claim, Precedent
from verifier.reference import index, semantic


class PrecedentError(ValueError):
    pass


# --------------------------------------------------------------------------------------------
# Import
# --------------------------------------------------------------------------------------------

_ID_COLS = ("id", "vclaim_id", "claim_id", "external_id", "identifier")
_CLAIM_COLS = ("claim", "claim_text", "text", "vclaim", "claimreviewed", "claim_reviewed")
_TITLE_COLS = ("title", "headline", "name")
_VERDICT_COLS = ("verdict", "rating", "label", "truth", "alternatename", "textual_rating")
_URL_COLS = ("url", "link", "source_url", "review_url")
_DATE_COLS = ("date", "reviewed_on", "datepublished", "date_published", "published")
_LANG_COLS = ("language", "lang", "inlanguage")


@dataclass(frozen=True)
class PrecedentRow:
    external_id: str
    claim: str
    title: str | None = None
    verdict: str | None = None
    url: str | None = None
    reviewed_on: date | None = None
    language: str | None = None


def _parse_date(value: Any) -> date | None:
    if not value:
        return None
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def _pick(row: dict[str, str], names: Sequence[str]) -> str | None:
    for n in names:
        v = row.get(n)
        if v is not None and str(v).strip():
            return str(v).strip()
    return None


def _norm_header(cells: Sequence[str]) -> list[str]:
    return [re.sub(r"[^a-z_]", "", c.strip().lower().replace(" ", "_")) for c in cells]


def parse_table(data: str, *, delimiter: str, quoting: Any, origin: str) -> list[PrecedentRow]:
    """Rows of a TSV/CSV list. A header is recognised when its cells name a claim column;
    without one, columns are id, claim, title, verdict, url, date in that order."""
    reader = csv.reader(io.StringIO(data), delimiter=delimiter, quoting=quoting)
    lines = [r for r in reader if any(c.strip() for c in r)]
    if not lines:
        raise PrecedentError(f"{origin}: no rows")
    header = _norm_header(lines[0])
    if any(h in _CLAIM_COLS for h in header):
        cols, body, first = header, lines[1:], 2
    else:
        cols, body, first = ["id", "claim", "title", "verdict", "url", "date"], lines, 1
    out: list[PrecedentRow] = []
    seen: set[str] = set()
    for n, cells in enumerate(body, start=first):
        if len(cells) > len(cols):
            raise PrecedentError(f"{origin}: line {n} has {len(cells)} fields, the header "
                                 f"{len(cols)}")
        row = dict(zip(cols, cells, strict=False))
        claim = _pick(row, _CLAIM_COLS)
        if not claim:
            raise PrecedentError(f"{origin}: line {n} has no claim text")
        ext = _pick(row, _ID_COLS) or str(n - first)
        if ext in seen:
            raise PrecedentError(f"{origin}: line {n}: id {ext!r} appears twice")
        seen.add(ext)
        when = _pick(row, _DATE_COLS)
        out.append(PrecedentRow(ext, claim, _pick(row, _TITLE_COLS), _pick(row, _VERDICT_COLS),
                                _pick(row, _URL_COLS), _parse_date(when),
                                _pick(row, _LANG_COLS)))
    return out


def _claimreview_objects(doc: Any) -> Iterable[dict[str, Any]]:
    if isinstance(doc, list):
        for d in doc:
            yield from _claimreview_objects(d)
    elif isinstance(doc, dict):
        if "@graph" in doc:
            yield from _claimreview_objects(doc["@graph"])
        t = doc.get("@type")
        types = t if isinstance(t, list) else [t]
        if "ClaimReview" in types or ("claimReviewed" in doc and "@graph" not in doc):
            yield doc


def parse_claimreview(data: str, *, origin: str) -> list[PrecedentRow]:
    try:
        doc = json.loads(data)
    except json.JSONDecodeError as exc:
        raise PrecedentError(f"{origin}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    out: list[PrecedentRow] = []
    seen: set[str] = set()
    for n, obj in enumerate(_claimreview_objects(doc)):
        claim = obj.get("claimReviewed")
        if not isinstance(claim, str) or not claim.strip():
            raise PrecedentError(f"{origin}: ClaimReview {n + 1} has no claimReviewed")
        rating = obj.get("reviewRating") or {}
        if isinstance(rating, list):
            rating = rating[0] if rating else {}
        verdict = rating.get("alternateName") or rating.get("name") if isinstance(rating, dict) else None
        url = obj.get("url")
        ext = str(obj.get("@id") or url or f"claimreview-{n + 1}")
        if ext in seen:
            ext = f"{ext}#{n + 1}"
        seen.add(ext)
        lang = obj.get("inLanguage")
        out.append(PrecedentRow(ext, claim.strip(), obj.get("headline") or obj.get("name"),
                                verdict, url, _parse_date(obj.get("datePublished")),
                                lang if isinstance(lang, str) else None))
    if not out:
        raise PrecedentError(f"{origin}: no ClaimReview object found")
    return out


def parse_precedents(data: bytes | str, *, name: str) -> list[PrecedentRow]:
    """Rows of a precedent file; the format comes from the name's extension, or the content."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PrecedentError(f"{name}: not UTF-8 text") from None
    low = name.lower()
    head = data.lstrip()[:1]
    if low.endswith((".json", ".jsonld", ".json-ld")) or head in ("{", "["):
        return parse_claimreview(data, origin=name)
    if low.endswith(".csv"):
        return parse_table(data, delimiter=",", quoting=csv.QUOTE_MINIMAL, origin=name)
    if low.endswith((".tsv", ".tab", ".txt")) or "\t" in data.split("\n", 1)[0]:
        # Plain TSV: no quoting at all (CheckThat! fields start with '"').
        return parse_table(data, delimiter="\t", quoting=csv.QUOTE_NONE, origin=name)
    raise PrecedentError(f"{name}: unknown precedent format (expected .tsv, .csv or JSON-LD)")


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


# --------------------------------------------------------------------------------------------
# Query cleaning
# --------------------------------------------------------------------------------------------

# "— Donald J. Trump (@realDonaldTrump) March 24, 2019" at the end of a tweet.
_SIGNATURE = re.compile(
    r"\s*[—–]\s*(?P<name>[^—–\n]{0,80}?)\s*\(@\w+\)\s*(?:[A-Z][a-z]+ \d{1,2}, \d{4})?\s*$")
_URL = re.compile(r"(?:https?://|www\.)\S+|pic\.twitter\.com/\S+|\bt\.co/\S+|\S+\.(?:com|org)/\S+")
_TAG = re.compile(r"([#@])(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)")


def _split_tag(m: re.Match[str]) -> str:
    return " " + _CAMEL.sub(" ", m.group(2).replace("_", " ")) + " "


def clean_query(text: str) -> str:
    """A tweet or claim as plain words: links dropped, the "— Name (@handle) date" signature
    reduced to the name, hashtags and handles split into words (#DefundTheCBC -> Defund The
    CBC)."""
    m = _SIGNATURE.search(text)
    if m:
        text = text[: m.start()] + " " + m.group("name")
    text = _URL.sub(" ", text)
    text = text.replace("pic.twitter.com", " ")
    text = _TAG.sub(_split_tag, text)
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------------------------
# Search
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Hit:
    precedent_id: int | None
    claim_id: int | None
    score: float
    verdict: str | None
    url: str | None
    date: date | None
    text: str
    title: str | None = None
    external_id: str | None = None
    collection: str | None = None
    features: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def docid(self) -> str:
        return self.external_id if self.external_id is not None else f"claim:{self.claim_id}"


@dataclass
class _Stats:
    n: int
    df: Counter[str]

    def idf(self, tok: str) -> float:
        d = self.df.get(tok, 0)
        return math.log(1.0 + (self.n - d + 0.5) / (d + 0.5))


_STATS: dict[tuple[Any, ...], _Stats] = {}


def _stats(session: Session) -> _Stats:
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
            df.update(set(index.content_tokens(f"{cl} {ti or ''}")))
        for (t,) in session.execute(select(Claim.text).where(Claim.status == "reviewed")).all():
            df.update(set(index.content_tokens(t)))
        st = _Stats(int(p[0]) + int(c[0]), df)
        _STATS.clear()
        _STATS[key] = st
    return st


_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'-]+|\b[A-Z]{2,}\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")

LEXICAL_FEATURES = ("bm25", "claim_cov", "title_cov", "query_cov", "bigrams", "partial",
                    "token_set", "names", "numbers")
# Sentence-embedding features (verifier/reference/semantic.py), when the model is installed:
# cosine of the query and the candidate's claim, of the query and its title (the claim's again
# when it has none), each clipped to 0-1, and the claim cosine over the best of the query's
# candidates.
SEMANTIC_FEATURES = ("cosine", "cosine_title", "cosine_rel")
FEATURES = LEXICAL_FEATURES + SEMANTIC_FEATURES
# Both fitted on CheckThat! 2020 train (bench/checkthat.py --fit); dev held out.
# LEXICAL_WEIGHTS: without the embedding model; WEIGHTS: with it (one per FEATURES).
LEXICAL_WEIGHTS = (1.0, 0.06, 0.58, 1.77, 0.31, 0.47, 0.47, 0.0, 0.1)
WEIGHTS = (1.0, 0.2, 0.14, 1.43, 1.33, 1.17, 1.75, 0.43, 0.46, 0.78, 2.56, 3.4)


def features(query: str, qtoks: list[str], qset: set[str], qbig: set[tuple[str, str]],
             qnames: set[str], qnums: set[str], cand_claim: str, cand_title: str | None,
             bm25_norm: float, st: _Stats) -> list[float]:
    ct = index.content_tokens(cand_claim)
    tt = index.content_tokens(cand_title or "")
    cs, ts = set(ct), set(tt)
    both = cs | ts

    def cov(toks: set[str]) -> float:
        tot = sum(st.idf(t) for t in toks)
        return sum(st.idf(t) for t in toks & qset) / tot if tot else 0.0

    qmass = sum(st.idf(t) for t in qset) or 1.0
    query_cov = sum(st.idf(t) for t in qset & both) / qmass
    bigrams = len(qbig & (set(zip(ct, ct[1:], strict=False)) | set(zip(tt, tt[1:], strict=False))))
    low_claim = cand_claim.lower()
    cand_all = f"{cand_claim} {cand_title or ''}"
    names = (len(qnames & set(index.content_tokens(" ".join(_PROPER.findall(cand_all)))))
             / len(qnames)) if qnames else 0.0
    nums = (len(qnums & set(_NUMBER.findall(cand_all))) / len(qnums)) if qnums else 0.0
    return [bm25_norm, cov(cs), cov(ts) if ts else cov(cs), query_cov, min(bigrams, 3) / 3,
            fuzz.partial_ratio(low_claim, query) / 100, fuzz.token_set_ratio(query, low_claim) / 100,
            names, nums]


def semantic_enabled() -> bool:
    """Whether search uses sentence embeddings by default: the model is installed
    (`semantic.available()`) and $VERIFIER_SEMANTIC is not "0"/"off"."""
    if os.environ.get("VERIFIER_SEMANTIC", "").strip().lower() in ("0", "off", "false", "no"):
        return False
    return semantic.available()


def _semantic_features(query: str, hits: list[Hit]) -> list[list[float]] | None:
    """[cosine, cosine_title, cosine_rel] per hit, or None (with a warning) when the model
    fails (a file that fails its SHA-256 check, a broken install)."""
    texts = [query] + [h.text for h in hits] + [h.title for h in hits if h.title]
    try:
        vecs = semantic.embed_cached(texts)
    except semantic.SemanticUnavailable as exc:
        _warn_once(str(exc))
        return None
    sims = np.clip(vecs[1:] @ vecs[0], 0.0, 1.0)
    n = len(hits)
    claim = sims[:n]
    titles = iter(sims[n:])
    best = float(claim.max()) if n else 0.0
    out = []
    for h, c in zip(hits, claim, strict=True):
        t = float(next(titles)) if h.title else float(c)
        out.append([float(c), t, float(c) / best if best > 0 else 0.0])
    return out


_WARNED: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _WARNED:
        _WARNED.add(message)
        warnings.warn(f"precedents search without sentence embeddings: {message}",
                      RuntimeWarning, stacklevel=3)


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
           use_semantic: bool | None = None, dense: int = 20) -> list[Hit]:
    """Earlier fact-checks (imported precedents and reviewed claims of the store) most likely
    to check the same claim as `query`, best first; `score` is 0-100.

    `use_semantic`: None uses the sentence-embedding features when `semantic_enabled()`; the
    features and default weights are then `FEATURES`/`WEIGHTS`, else `LEXICAL_FEATURES`/
    `LEXICAL_WEIGHTS`. Explicit `weights` must have one entry per feature used. With the
    embeddings on and the collection's vectors cached (`embed_collection`), the `dense`
    precedents nearest by cosine join the BM25 candidates (BM25 feature 0 unless BM25 found
    them too)."""
    cleaned = clean_query(query)
    if not index.query_terms(cleaned):
        return []
    use_sem = use_semantic if use_semantic is not None else semantic_enabled()
    pre = index.search_precedents(session=session, query=cleaned, limit=candidates)
    if use_sem and dense:
        seen = {i for i, _ in pre}
        pre = pre + [(i, 0.0) for i in _dense_candidates(session, cleaned, dense)
                     if i not in seen]
    cla = index.search_claims(session=session, query=cleaned, limit=candidates // 2) if include_claims else []
    if not pre and not cla:
        return []
    st = _stats(session)
    low = cleaned.lower()
    qtoks = index.content_tokens(cleaned)
    qset = set(qtoks)
    qbig = set(zip(qtoks, qtoks[1:], strict=False))
    qnames = set(index.content_tokens(" ".join(_PROPER.findall(cleaned))))
    qnums = set(_NUMBER.findall(cleaned))
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
                f = features(low, qtoks, qset, qbig, qnames, qnums, text, title, s / mx, st)
                out.append((r, dict(zip(LEXICAL_FEATURES, f, strict=True))))
        return out

    hits = [Hit(p.id, None, 0.0, p.verdict, p.url, p.reviewed_on, p.claim, p.title,
                p.external_id, p.collection, f) for p, f in lexical(pre, Precedent)]
    hits += [Hit(None, c.id, 0.0, c.verdict, None, c.reviewed_at.date() if c.reviewed_at else None,
                 c.text, None, None, None, f) for c, f in lexical(cla, Claim)]
    sem = None
    if use_sem:
        sem = _semantic_features(cleaned, hits)
    if sem is not None:
        for h, extra in zip(hits, sem, strict=True):
            h.features.update(zip(SEMANTIC_FEATURES, extra, strict=True))
    if weights is None:
        weights = WEIGHTS if sem is not None else LEXICAL_WEIGHTS
    n_feat = len(FEATURES) if sem is not None else len(LEXICAL_FEATURES)
    if len(weights) != n_feat:
        raise ValueError(f"{len(weights)} weights for {n_feat} features")
    total = sum(weights) or 1.0
    scored = [Hit(**{**h.__dict__, "score": round(100.0 * sum(
        w * x for w, x in zip(weights, h.features.values(), strict=True)) / total, 2)})
        for h in hits]
    scored.sort(key=lambda h: (-h.score, h.precedent_id or 0, h.claim_id or 0))
    return scored[:top]


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


def precedent_evidence(hit: Hit) -> dict[str, Any]:
    """The Evidence shape of a hit (kind "precedent")."""
    when = hit.date.isoformat() if hit.date else None
    said = ", ".join(x for x in ("checked before: " + (hit.verdict or "no verdict"), when or "",
                                 hit.url or "") if x)
    return {"kind": "precedent", "precedent_claim_id": hit.claim_id,
            "source_title": hit.title or hit.text[:200], "source_url": hit.url,
            "source_sha256": None, "start": None, "end": None, "score": hit.score,
            "method": "precedent:bm25+rerank" + ("+minilm" if "cosine" in hit.features else ""),
            "detail": {"precedent_id": hit.precedent_id, "external_id": hit.external_id,
                       "collection": hit.collection, "verdict": hit.verdict, "date": when,
                       "text": hit.text, "explanation": said}}
