"""Earlier fact-checks: import (TSV/CSV lists, ClaimReview JSON-LD) and search.

Search = candidate retrieval by BM25 through the store's full-text index (precedents' claim and
title, and claims already reviewed in the store), then a re-ranking of the top candidates by a
linear model over a few lexical features (see `FEATURES`, `WEIGHTS` and docs/matching.md):
the weights were fitted on the CheckThat! 2020 train queries only; dev is held out."""
from __future__ import annotations

import csv
import io
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import delete, func
from sqlmodel import Session, select

from .. import audit
from ..models import Claim, Precedent
from . import index


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

FEATURES = ("bm25", "claim_cov", "title_cov", "query_cov", "bigrams", "partial", "token_set",
            "names", "numbers")
# Fitted on CheckThat! 2020 train (bench/checkthat.py --fit); dev held out.
WEIGHTS = (1.0, 0.06, 0.58, 1.77, 0.31, 0.47, 0.47, 0.0, 0.1)


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


def search(*, session: Session, query: str, top: int = 5, candidates: int = 100,
           include_claims: bool = True, weights: Sequence[float] = WEIGHTS) -> list[Hit]:
    """Earlier fact-checks (imported precedents and reviewed claims of the store) most likely
    to check the same claim as `query`, best first; `score` is 0-100."""
    cleaned = clean_query(query)
    if not index.query_terms(cleaned):
        return []
    pre = index.search_precedents(session=session, query=cleaned, limit=candidates)
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
    hits: list[Hit] = []
    if pre:
        mx = max(s for _, s in pre) or 1.0
        rows = {p.id: p for p in session.exec(select(Precedent).where(
            Precedent.id.in_([i for i, _ in pre]))).all()}  # type: ignore[union-attr]
        for pid, s in pre:
            p = rows.get(pid)
            if p is None:
                continue
            f = features(low, qtoks, qset, qbig, qnames, qnums, p.claim, p.title, s / mx, st)
            hits.append(Hit(p.id, None, 0.0, p.verdict, p.url, p.reviewed_on, p.claim, p.title,
                            p.external_id, p.collection, dict(zip(FEATURES, f, strict=True))))
    if cla:
        mx = max(s for _, s in cla) or 1.0
        rows_c = {c.id: c for c in session.exec(select(Claim).where(
            Claim.id.in_([i for i, _ in cla]))).all()}  # type: ignore[union-attr]
        for cid, s in cla:
            c = rows_c.get(cid)
            if c is None:
                continue
            f = features(low, qtoks, qset, qbig, qnames, qnums, c.text, None, s / mx, st)
            when = c.reviewed_at.date() if c.reviewed_at else None
            hits.append(Hit(None, c.id, 0.0, c.verdict, None, when, c.text, None, None, None,
                            dict(zip(FEATURES, f, strict=True))))
    total = sum(weights) or 1.0
    scored = [Hit(**{**h.__dict__, "score": round(100.0 * sum(
        w * x for w, x in zip(weights, h.features.values(), strict=True)) / total, 2)})
        for h in hits]
    scored.sort(key=lambda h: (-h.score, h.precedent_id or 0, h.claim_id or 0))
    return scored[:top]


def precedent_evidence(hit: Hit) -> dict[str, Any]:
    """The Evidence shape of a hit (kind "precedent")."""
    when = hit.date.isoformat() if hit.date else None
    said = ", ".join(x for x in ("checked before: " + (hit.verdict or "no verdict"), when or "",
                                 hit.url or "") if x)
    return {"kind": "precedent", "precedent_claim_id": hit.claim_id,
            "source_title": hit.title or hit.text[:200], "source_url": hit.url,
            "source_sha256": None, "start": None, "end": None, "score": hit.score,
            "method": "precedent:bm25+rerank",
            "detail": {"precedent_id": hit.precedent_id, "external_id": hit.external_id,
                       "collection": hit.collection, "verdict": hit.verdict, "date": when,
                       "text": hit.text, "explanation": said}}
