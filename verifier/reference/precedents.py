"""Earlier fact-checks: parsing (TSV/CSV lists here; ClaimReview in its published shapes in
verifier/reference/claimreview.py), query cleaning, and the
features and ranking of search (pure; verifier.db.precedents imports and searches the store).

Search = candidate retrieval by BM25 through the store's full-text index (precedents' claim and
title, and claims already reviewed in the store), then a re-ranking of the top candidates by a
linear model over a few lexical features and, when the optional `semantic` extra is installed,
sentence-embedding cosines (all-MiniLM-L6-v2, verifier/reference/semantic.py) with the
precedents nearest by cosine added to the candidates once the collection is embedded (see
`FEATURES`, `WEIGHTS`, verifier.db.precedents.embed_collection and docs/matching.md). The
weights were fitted on the CheckThat! 2020 train queries only; dev is held out."""
from __future__ import annotations

import csv
import io
import math
import os
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from verifier.claims import (
    SAME_CLAIM_LABEL,
    SIMILAR_CLAIM_LABEL,
    DiffOp,
    PrecedentDetail,
    PrecedentEvidence,
)
from verifier.ingest import binary_kind
from verifier.reference import index, semantic
from verifier.reference.claimreview import PrecedentError as PrecedentError
from verifier.reference.claimreview import PrecedentRow as PrecedentRow
from verifier.reference.claimreview import parse_date, parse_html, parse_json

# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------

_ID_COLS = ("id", "vclaim_id", "claim_id", "external_id", "identifier")
_CLAIM_COLS = ("claim", "claim_text", "text", "vclaim", "claimreviewed", "claim_reviewed")
_TITLE_COLS = ("title", "headline", "name")
_VERDICT_COLS = ("verdict", "rating", "label", "truth", "alternatename", "textual_rating")
_URL_COLS = ("url", "link", "source_url", "review_url")
_DATE_COLS = ("date", "reviewed_on", "datepublished", "date_published", "published")
_LANG_COLS = ("language", "lang", "inlanguage")


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
                                _pick(row, _URL_COLS), parse_date(when),
                                _pick(row, _LANG_COLS)))
    return out


@dataclass(frozen=True)
class PrecedentFile:
    """A precedent file read: `format` is "table" (a TSV/CSV list: importing it replaces its
    collection) or "claimreview" (JSON, JSON lines or an HTML page: merged by review URL)."""
    format: str
    rows: list[PrecedentRow]


_HTML_NAMES = (".html", ".htm", ".xhtml")
_JSON_NAMES = (".json", ".jsonld", ".json-ld", ".jsonl", ".ndjson")
_TABLE_NAMES = (".csv", ".tsv", ".tab", ".txt")


def looks_like_html(data: bytes, name: str) -> bool:
    """Whether a precedent file is a web page (by its name, or its first non-blank byte)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    return name.lower().endswith(_HTML_NAMES) or head[:1] == b"<"


def read_precedent_file(data: bytes | str, *, name: str,
                        url: str | None = None) -> PrecedentFile:
    """A precedent file's rows; the format comes from the name's extension, or the content.
    `url`: where a page was fetched from (its reviews' URL when they give none)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    what = binary_kind(data)
    if what is not None:
        raise PrecedentError(f"{name}: binary data ({what}), not a precedent list, ClaimReview "
                             "JSON or web page")
    if b"\0" in data:  # UTF-16 without a byte-order mark, or binary
        raise PrecedentError(f"{name}: not UTF-8 text (it holds NUL bytes)")
    if looks_like_html(data, name):
        return PrecedentFile("claimreview", parse_html(data, origin=name, base_url=url))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PrecedentError(f"{name}: not UTF-8 text") from None
    low = name.lower().split("?", 1)[0]
    head = text.lstrip()[:1]
    if low.endswith(_JSON_NAMES) or head in ("{", "["):
        return PrecedentFile("claimreview", parse_json(text, origin=name))
    if low.endswith(".csv"):
        return PrecedentFile("table", parse_table(text, delimiter=",",
                                                  quoting=csv.QUOTE_MINIMAL, origin=name))
    if low.endswith(_TABLE_NAMES) or "\t" in text.split("\n", 1)[0]:
        # Plain TSV: no quoting at all (CheckThat! fields start with '"').
        return PrecedentFile("table", parse_table(text, delimiter="\t",
                                                  quoting=csv.QUOTE_NONE, origin=name))
    raise PrecedentError(f"{name}: unknown precedent format (expected .tsv, .csv, ClaimReview "
                         "JSON-LD, a Fact Check Tools API response or an HTML page)")


def parse_precedents(data: bytes | str, *, name: str) -> list[PrecedentRow]:
    """Rows of a precedent file (read_precedent_file)."""
    return read_precedent_file(data, name=name).rows


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
class Stats:
    """Document frequencies of content tokens over the searchable texts (n of them)."""
    n: int
    df: Counter[str]

    def idf(self, tok: str) -> float:
        d = self.df.get(tok, 0)
        return math.log(1.0 + (self.n - d + 0.5) / (d + 0.5))


PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'-]+|\b[A-Z]{2,}\b")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")

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
             bm25_norm: float, st: Stats) -> list[float]:
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
    names = (len(qnames & set(index.content_tokens(" ".join(PROPER.findall(cand_all)))))
             / len(qnames)) if qnames else 0.0
    nums = (len(qnums & set(NUMBER.findall(cand_all))) / len(qnums)) if qnums else 0.0
    return [bm25_norm, cov(cs), cov(ts) if ts else cov(cs), query_cov, min(bigrams, 3) / 3,
            fuzz.partial_ratio(low_claim, query) / 100, fuzz.token_set_ratio(query, low_claim) / 100,
            names, nums]


QueryParts = tuple[str, list[str], set[str], set[tuple[str, str]], set[str], set[str]]


def query_parts(cleaned: str) -> QueryParts:
    """The arguments of `features` that depend on the (cleaned) query only: its lower-cased
    text, content tokens, their set, adjacent pairs, names and numbers."""
    qtoks = index.content_tokens(cleaned)
    return (cleaned.lower(), qtoks, set(qtoks), set(zip(qtoks, qtoks[1:], strict=False)),
            set(index.content_tokens(" ".join(PROPER.findall(cleaned)))),
            set(NUMBER.findall(cleaned)))


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


def rank(hits: list[Hit], query: str, *, use_semantic: bool, weights: Sequence[float] | None,
         top: int) -> list[Hit]:
    """The `top` hits by a linear model over their features, best first, `score` 0-100. The
    hits carry their lexical features; with `use_semantic`, the sentence-embedding features
    are added (unless the model fails). `weights`: one per feature used, default `WEIGHTS`
    with the embeddings, `LEXICAL_WEIGHTS` without."""
    sem = None
    if use_semantic:
        sem = _semantic_features(query, hits)
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


# --------------------------------------------------------------------------------------------
# Same claim, or only a similar one
# --------------------------------------------------------------------------------------------

# A word, with the apostrophes and hyphens inside it ("l’ONU", "peut-être"); quotation marks
# and other punctuation only separate words.
_WORD = re.compile(r"\w+(?:['’‘ʼ-]\w+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
# Words of each text the word diff aligns; past them, the rest of each text is one step
# ("=" when the rests have the same words, else "-" and "+"), so that the diff of two long
# texts stays cheap (difflib is quadratic in the worst case) and its size bounded.
DIFF_MAX_WORDS = 400
# Differing words quoted in the explanation; the diff has them all.
EXPLAIN_WORDS = 6


def _words(text: str) -> list[tuple[str, str]]:
    """(as written, comparison key) of each word: NFC, case-folded, apostrophes straightened;
    spaces, punctuation and quotation marks only separate words."""
    text = unicodedata.normalize("NFC", text)
    return [(m.group(), m.group().casefold().translate(_APOSTROPHES))
            for m in _WORD.finditer(text)]


def compare_claims(earlier: str, claim: str, *, limit: int = DIFF_MAX_WORDS
                   ) -> tuple[bool, tuple[DiffOp, ...]]:
    """(whether `claim` has the very words of `earlier` once case, spaces, punctuation and
    quotation marks are set aside; the word diff from the earlier claim's words to this
    claim's, empty when identical): "-" words only the earlier claim has, "+" words only this
    claim has, "=" both (as this claim writes them). Linear in the texts past `limit` words."""
    a, b = _words(earlier), _words(claim)
    if [k for _, k in a] == [k for _, k in b]:
        return True, ()
    ops: list[DiffOp] = []

    def put(op: str, words: Sequence[tuple[str, str]]) -> None:
        if not words:
            return
        text = " ".join(w for w, _ in words)
        if ops and ops[-1].op == op:
            text = ops.pop().text + " " + text
        ops.append(DiffOp(op, text))  # type: ignore[arg-type]

    head_a, head_b = a[:limit], b[:limit]
    matcher = SequenceMatcher(None, [k for _, k in head_a], [k for _, k in head_b],
                              autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            put("=", head_b[j1:j2])
        else:
            put("-", head_a[i1:i2])
            put("+", head_b[j1:j2])
    rest_a, rest_b = a[limit:], b[limit:]
    if [k for _, k in rest_a] == [k for _, k in rest_b]:
        put("=", rest_b)
    else:
        put("-", rest_a)
        put("+", rest_b)
    return False, tuple(ops)


def precedent_evidence(hit: Hit, *, query: str | None = None) -> PrecedentEvidence:
    """The evidence of a hit for the claim (or search) `query`: whether the earlier claim is
    the same claim or only a similar one (then with the differing words), its verdict, date
    and address. Without `query` nothing was compared, and the hit is only "similar"."""
    when = hit.date.isoformat() if hit.date else None
    identical, diff = compare_claims(hit.text, query) if query is not None else (False, ())
    said = ", ".join(x for x in ("checked before: " + (hit.verdict or "no verdict"), when or "",
                                 hit.url or "") if x)
    if identical:
        explanation = f"{SAME_CLAIM_LABEL}, {said}"
    else:
        changed = [d.text for d in diff if d.op != "="]
        differs = ""
        if changed:
            more = " / …" if len(changed) > EXPLAIN_WORDS else ""
            differs = " (words differ: " + " / ".join(changed[:EXPLAIN_WORDS]) + more + ")"
        explanation = f"{SIMILAR_CLAIM_LABEL}{differs}, {said}"
    return PrecedentEvidence(
        precedent_claim_id=hit.claim_id, source_title=hit.title or hit.text[:200],
        source_url=hit.url, score=hit.score,
        method="precedent:bm25+rerank" + ("+minilm" if "cosine" in hit.features else ""),
        detail=PrecedentDetail(precedent_id=hit.precedent_id, external_id=hit.external_id,
                               collection=hit.collection, verdict=hit.verdict, date=when,
                               text=hit.text, explanation=explanation),
        similarity="identical" if identical else "similar", diff=diff)
