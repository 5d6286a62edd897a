"""Candidate retrieval behind one interface.

* `query_terms`, `fts5_or_query`, `tsquery_or`: a query as an OR of its word tokens (an AND
  would drop every candidate that misses one word, and a quote or a tweet almost always has
  words its source lacks), for the store's full-text search (verifier.db.fts:
  `search_passages`, `search_precedents`, `search_claims`, SQLite FTS5 `bm25()` or PostgreSQL
  `ts_rank_cd` over `to_tsvector('simple', ...)`; scores: higher is better).
* `PassageIndex`: the same job in memory, without a database (the pure API and the speed
  bench): an inverted index of word tokens in CSR arrays (numpy), BM25 scoring with binary term
  frequency (sentences rarely repeat a word), then rapidfuzz `partial_ratio` re-ranking of the
  top candidates, which is what decides the best passage.

Tokens: lower-cased word characters, accents kept, a light suffix stripping for English and
French plurals and verb endings (`stem`), function words dropped (`content_tokens`)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

STOPWORDS = frozenset(
    # English
    "a an the and or but if of to in on at for with by from as is are was were be been being "
    "it its this that these those he she they we i you his her their our my your me him them "
    "us do does did have has had will would can could should may might shall just so than "
    "then there here what who whom which when where why how all any some such only own same "
    "too very s t don now about into over after before up down out off again further once "
    "also via rt amp am im"
    # French
    " le la les l un une des du de d au aux et ou donc car ni que qu qui quoi dont où ce cet "
    "cette ces c il ils elle elles on nous vous je j tu me m te se lui leur leurs en y ne sa "
    "son ses mon ma mes ton ta tes notre nos votre vos dans par pour sur avec sans sous chez "
    "est sont été être avoir ont a été fait cela ça plus"
    .split()
)


def fold(text: str) -> str:
    """Lower case without diacritics ("Sergueï" -> "serguei")."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ements", "e"), ("ement", "e"), ("ing", ""),
             ("ées", "e"), ("és", "e"), ("ée", "e"), ("ed", ""), ("es", ""), ("s", ""),
             ("x", ""), ("ly", ""))


_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """A deliberately light stemmer: plural and common verb endings, never below 3 letters.
    Both sides of every comparison go through it, so its errors cancel out."""
    got = _STEMS.get(word)
    if got is None:
        got = _stem(word)
        if len(_STEMS) < 500_000:
            _STEMS[word] = got
    return got


def _stem(word: str) -> str:
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + repl
    return word


def word_tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_tokens(text: str) -> list[str]:
    """Stemmed, lower-cased word tokens without function words."""
    get = _STEMS.get
    return [get(w) or stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


# --------------------------------------------------------------------------------------------
# Full-text queries (run by verifier.db.fts on SQLite and PostgreSQL)
# --------------------------------------------------------------------------------------------

MAX_QUERY_TERMS = 64


def query_terms(query: str) -> list[str]:
    """Distinct word tokens of `query`, function words dropped when enough remain."""
    words = list(dict.fromkeys(word_tokens(query)))
    content = [w for w in words if w not in STOPWORDS]
    return (content if len(content) >= 2 else words)[:MAX_QUERY_TERMS]


def fts5_or_query(query: str) -> str:
    """An FTS5 MATCH expression: an OR of the query's tokens, each a quoted string (so no
    token is read as an operator or column filter)."""
    return " OR ".join(_fts5_term(t) for t in query_terms(query))


def query_pairs(query: str) -> list[tuple[str, str]]:
    """Pairs of consecutive content words of `query` (function words dropped), distinct: a
    passage that holds a quote, even with a few words changed, holds most of them; a passage
    that shares a few common words with it holds none. Empty under 3 content words."""
    words = [w for w in word_tokens(query) if w not in STOPWORDS]
    if len(words) < 3:
        return []
    return list(dict.fromkeys(zip(words, words[1:], strict=False)))[:MAX_QUERY_TERMS]


def _fts5_term(t: str) -> str:
    return '"' + t.replace('"', '""') + '"'


def _ts_term(t: str) -> str:
    return "'" + t.replace("'", "''").replace("\\", "") + "'"


def fts5_pairs_query(query: str) -> str:
    """FTS5: passages holding both words of at least one pair (query_pairs)."""
    return " OR ".join(f"({_fts5_term(a)} AND {_fts5_term(b)})" for a, b in query_pairs(query))


def tsquery_pairs(query: str) -> str:
    """to_tsquery('simple', ...): passages holding both words of at least one pair."""
    return " | ".join(f"({_ts_term(a)} & {_ts_term(b)})" for a, b in query_pairs(query))


def tsquery_or(query: str) -> str:
    """A to_tsquery('simple', ...) expression: an OR of the query's tokens, each quoted."""
    return " | ".join(_ts_term(t) for t in query_terms(query))


# --------------------------------------------------------------------------------------------
# In memory
# --------------------------------------------------------------------------------------------

def index_terms(words: Sequence[str]) -> list[str]:
    """The terms the in-memory index holds for a passage or query: its content words and its
    pairs of adjacent content words. BM25 over words alone ignores their order, so reworded
    near-duplicates of a sentence tie with the one that holds the quote word for word; the
    pairs break the tie the way a quotation does."""
    return [*words, *(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))]


@dataclass(frozen=True)
class IndexHit:
    index: int
    score: float      # rapidfuzz partial_ratio of the query against the passage, 0-100
    bm25: float


class PassageIndex:
    """An in-memory inverted index over passages: BM25 candidates, rapidfuzz re-ranking."""

    K1 = 1.2
    B = 0.75

    def __init__(self, texts: Sequence[str], vocab: dict[str, int], indptr: np.ndarray,
                 doc_ids: np.ndarray, impact: np.ndarray, n_docs: int) -> None:
        self.texts = texts
        self.vocab = vocab
        self.indptr = indptr
        self.doc_ids = doc_ids
        self.impact = impact
        self.n_docs = n_docs
        df = np.diff(indptr).astype(np.float64)
        self.idf = np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)

    @classmethod
    def build(cls, texts: Iterable[str]) -> PassageIndex:
        texts = list(texts)
        vocab: dict[str, int] = {}
        term_buf: list[int] = []
        doc_buf: list[int] = []
        lengths = np.zeros(len(texts), dtype=np.float32)
        setdefault = vocab.setdefault
        chunks_t: list[np.ndarray] = []
        chunks_d: list[np.ndarray] = []
        for i, t in enumerate(texts):
            words = content_tokens(t)
            lengths[i] = len(set(words))
            toks = dict.fromkeys(index_terms(words))
            for tok in toks:
                term_buf.append(setdefault(tok, len(vocab)))
            doc_buf.extend([i] * len(toks))
            if len(term_buf) > 2_000_000:
                chunks_t.append(np.asarray(term_buf, dtype=np.int32))
                chunks_d.append(np.asarray(doc_buf, dtype=np.int32))
                term_buf, doc_buf = [], []
        chunks_t.append(np.asarray(term_buf, dtype=np.int32))
        chunks_d.append(np.asarray(doc_buf, dtype=np.int32))
        terms = np.concatenate(chunks_t)
        docs = np.concatenate(chunks_d)
        order = np.argsort(terms, kind="stable")
        terms, docs = terms[order], docs[order]
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(np.bincount(terms, minlength=len(vocab)), out=indptr[1:])
        avg = float(lengths.mean()) if len(texts) else 1.0
        norm = cls.K1 * (1 - cls.B + cls.B * lengths / max(avg, 1e-9))
        impact = ((cls.K1 + 1) / (1 + norm[docs])).astype(np.float32)
        return cls(texts, vocab, indptr, docs, impact, len(texts))

    def __len__(self) -> int:
        return self.n_docs

    def nbytes(self) -> int:
        """Memory of the index arrays (the texts themselves not counted)."""
        vocab = sum(len(k) + 57 for k in self.vocab)  # str object + dict slot, roughly
        return int(self.indptr.nbytes + self.doc_ids.nbytes + self.impact.nbytes
                   + self.idf.nbytes + vocab)

    def save(self, path: str | Path) -> None:
        terms = np.array(list(self.vocab), dtype=object)
        np.savez(path, indptr=self.indptr, doc_ids=self.doc_ids, impact=self.impact,
                 terms=terms.astype(str), n_docs=np.array([self.n_docs]))

    @classmethod
    def load(cls, path: str | Path, texts: Sequence[str]) -> PassageIndex:
        z = np.load(path, allow_pickle=False)
        vocab = {str(t): i for i, t in enumerate(z["terms"])}
        return cls(texts, vocab, z["indptr"], z["doc_ids"], z["impact"], int(z["n_docs"][0]))

    def bm25(self, query: str, k: int = 50) -> list[tuple[int, float]]:
        """(passage index, BM25 score) of the top `k` passages."""
        ids = [self.vocab[t] for t in dict.fromkeys(index_terms(content_tokens(query)))
               if t in self.vocab]
        if not ids or not self.n_docs:
            return []
        scores = np.zeros(self.n_docs, dtype=np.float32)
        for t in ids:
            a, b = self.indptr[t], self.indptr[t + 1]
            scores[self.doc_ids[a:b]] += self.idf[t] * self.impact[a:b]
        k = min(k, self.n_docs)
        top = np.argpartition(scores, -k)[-k:]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def search(self, query: str, k: int = 5, candidates: int = 300) -> list[IndexHit]:
        """The `k` passages that best contain `query`: BM25 candidates (words and word pairs)
        re-ranked by rapidfuzz partial_ratio (ties: higher BM25, then lower index)."""
        cands = self.bm25(query, candidates)
        hits = [IndexHit(i, fuzz.partial_ratio(query, self.texts[i]), s) for i, s in cands]
        hits.sort(key=lambda h: (-h.score, -h.bm25, h.index))
        return hits[:k]


def brute_force_best(query: str, texts: Sequence[str]) -> tuple[int, float]:
    """(index, partial_ratio) of the passage with the highest partial_ratio: the reference
    the index is measured against."""
    from rapidfuzz import process

    best = process.extractOne(query, texts, scorer=fuzz.partial_ratio)
    if best is None:
        return -1, 0.0
    return int(best[2]), float(best[1])
