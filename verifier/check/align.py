"""Quote fidelity: align a quote with its source and say how faithful it is. Pure functions.

1. Candidate windows: the passages that best contain the quote (rapidfuzz `partial_ratio`;
   an in-memory BM25 index first when the source has many passages), each widened by its
   neighbours so a quote running over two sentences still fits.
2. Inside each window, a word-level semi-global alignment (the whole quote against any stretch
   of the window; Levenshtein costs over normalised words), keeping the cheapest.
3. Classification (thresholds and the noise floor they clear: docs/matching.md):
   verbatim | minor | altered | spliced | truncated | translated | not_found.

Normalisation for comparison: NFC, typographic apostrophes to ', quotation marks dropped,
whitespace collapsed, the first letter's case ignored; words are compared case-insensitively
(a case change elsewhere makes a quote `minor`, not `verbatim`)."""
from __future__ import annotations

import copy
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from verifier.claims import AlignedPart, Alignment, DiffOp
from verifier.reference.index import PassageIndex, fold
from verifier.reference.passages import PassageSpan, split_passages

CLASSES = ("verbatim", "minor", "altered", "spliced", "truncated", "translated", "not_found")
# How much of the quote was found, for choosing between sources (higher is a better match).
RANK = {"not_found": 0, "translated": 1, "altered": 2, "spliced": 3, "truncated": 4,
        "minor": 5, "verbatim": 6}

# Word-level similarity (0-100) a quote of 5 words or more needs to count as found at all;
# below it the quote is `not_found`. An absent sentence scores 10-45 against a long source
# (bench/quote_fidelity.py prints the distribution), a quote with two content words changed
# 75-90.
FOUND_MIN = 60.0
# ... and at least this share of its content words must be in the aligned span.
CONTENT_MIN = 0.5
SHORT_QUOTE = 5          # under this many words: exact word match or nothing
SPLICE_GAP_MIN = 3       # source words skipped inside a quote that make it spliced
WINDOW_CANDIDATES = 3
INDEX_ABOVE = 400        # passages: above this, BM25 candidates before partial_ratio

FUNCTION_WORDS = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been it its this "
    "that these those he she they we i you his her their our my your me him them us do does did "
    "have has had will would can could should may might just so than then there here which who "
    "whom what when where all any some also very too into over about up out "
    "le la les l un une des du de d au aux et ou donc car ni que qu qui dont où ce cet cette ces "
    "c il ils elle elles on nous vous je j tu me m te t se s lui leur leurs en y sa son ses mon "
    "ma mes ton ta tes notre nos votre vos dans par pour sur avec sous chez est sont a ont été "
    "être avoir fait cela ça très bien aussi déjà encore tout tous toute toutes".split())
NEGATIONS = frozenset("pas not n't never jamais plus point aucun aucune nullement no non "
                      "nothing rien nobody personne ni neither nor".split())
CONTRASTS = frozenset("mais but however cependant toutefois pourtant néanmoins sauf unless "
                      "except excepté si if although though whereas alors yet only seulement "
                      "provided pourvu".split())

_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\)|\.\.\.+|…)\s*")
_TOKEN = re.compile(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?![\d,])(?:[.]\d+)?|\d+(?:[.,]\d+)*"
                    r"|\w+(?:['’-]\w+)*|n't|[^\w\s]", re.UNICODE)
_NUM_SEP = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3})")
_QUOTE_MARKS = frozenset("«»“”„‟\"‘’‹›'`´")
_APOS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'"})
_END = frozenset(".!?…")
_EDGES = re.compile(r"^[^\w$€£%]+|[^\w$€£%]+$")


@dataclass(frozen=True)
class Token:
    text: str
    key: str
    start: int
    end: int


@dataclass
class _Draft:
    """An alignment while it is being worked out (mutable); align_quote returns it typed."""

    cls: str
    score: float | None
    source_start: int | None = None
    source_end: int | None = None
    diff: list[list[str]] = field(default_factory=list)
    parts: list[dict[str, Any]] = field(default_factory=list)
    note: str = ""
    speaker: str | None = None

    def typed(self) -> Alignment:
        return Alignment(cls=self.cls, score=self.score, source_start=self.source_start,
                         source_end=self.source_end,
                         diff=tuple(DiffOp.from_json(d) for d in self.diff),
                         parts=tuple(AlignedPart.from_json(p) for p in self.parts),
                         note=self.note, speaker=self.speaker)


# --------------------------------------------------------------------------------------------
# Normalisation and tokens
# --------------------------------------------------------------------------------------------

def normalise_quote(text: str) -> str:
    """The comparison form of a quote: NFC, apostrophes straightened, quotation marks
    dropped, spaces collapsed, first letter lower-cased. Idempotent."""
    text = unicodedata.normalize("NFC", text).translate(_APOS)
    text = "".join(" " if ch in _QUOTE_MARKS and ch != "'" else ch for ch in text)
    text = re.sub(r"(?<!\w)'|'(?!\w)", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?…)\]])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    return text[:1].lower() + text[1:]


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Word and punctuation tokens with offsets; quotation marks are not tokens."""
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        if t in _QUOTE_MARKS:
            continue
        t2 = unicodedata.normalize("NFC", t).translate(_APOS)
        if t2[:1].isdigit():
            t2 = _NUM_SEP.sub("", t2)
        out.append(Token(t, t2.casefold(), offset + m.start(), offset + m.end()))
    return out


def _is_word(tok: Token) -> bool:
    return tok.key[:1].isalnum() or tok.key == "n't"


def words(text: str, offset: int = 0) -> list[Token]:
    return [t for t in tokens(text, offset) if _is_word(t)]


def split_at_ellipses(quote: str) -> list[str]:
    return [p for p in _ELLIPSIS.split(quote) if words(p)]


# --------------------------------------------------------------------------------------------
# Word alignment
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Aligned:
    ops: list[tuple[str, int, int]]  # ("=", qi, sj) | ("~", qi, sj) | ("+", qi, -1) | ("-", -1, sj)
    cost: int
    s_first: int
    s_last: int


def _semi_global(q: Sequence[str], s: Sequence[str]) -> _Aligned | None:
    """Align all of `q` with the cheapest stretch of `s` (free skips at both ends of s)."""
    n, m = len(q), len(s)
    if not n or not m:
        return None
    # prev[j]: cost of q[:i] ending at s[:j]
    prev = [0] * (m + 1)
    back: list[bytes] = []
    for i in range(1, n + 1):
        qi = q[i - 1]
        cur = [i] + [0] * m
        row = bytearray(m + 1)
        row[0] = 1
        for j in range(1, m + 1):
            diag = prev[j - 1] + (0 if s[j - 1] == qi else 1)
            up = prev[j] + 1      # quote word not in source
            left = cur[j - 1] + 1  # source word not in quote
            if diag <= up and diag <= left:
                cur[j], row[j] = diag, 0
            elif up <= left:
                cur[j], row[j] = up, 1
            else:
                cur[j], row[j] = left, 2
        back.append(bytes(row))
        prev = cur
    # Among equally cheap ends, the earliest: a quote that ends with other words than the
    # source is "-source +quote", not a substitution running into what the source says next.
    best_j = min(range(1, m + 1), key=lambda j: (prev[j], -j))
    cost = prev[best_j]
    ops: list[tuple[str, int, int]] = []
    i, j = n, best_j
    while i > 0:
        step = back[i - 1][j] if j > 0 else 1
        if step == 0:
            ops.append(("=" if s[j - 1] == q[i - 1] else "~", i - 1, j - 1))
            i, j = i - 1, j - 1
        elif step == 1:
            ops.append(("+", i - 1, -1))
            i -= 1
        else:
            ops.append(("-", -1, j - 1))
            j -= 1
    ops.reverse()
    sj = [o[2] for o in ops if o[2] >= 0]
    if not sj:
        return None
    # Leading source-only words are free skips: drop them from the span.
    while ops and ops[0][0] == "-":
        ops.pop(0)
    sj = [o[2] for o in ops if o[2] >= 0]
    if not sj:
        return None
    return _Aligned(ops, cost, sj[0], sj[-1])


@dataclass
class _Piece:
    """One quote (or quote part) aligned with one stretch of the source."""
    qw: list[Token]
    sw: list[Token]       # the source words of the window
    al: _Aligned
    score: float
    content_share: float

    @property
    def start(self) -> int:
        return self.sw[self.al.s_first].start

    @property
    def end(self) -> int:
        return self.sw[self.al.s_last].end

    def exact(self) -> bool:
        return all(op == "=" for op, _, _ in self.al.ops)

    def changed_words(self) -> list[str]:
        out = []
        for op, qi, sj in self.al.ops:
            if op == "~":
                out += [self.qw[qi].key, self.sw[sj].key]
            elif op == "+":
                out.append(self.qw[qi].key)
            elif op == "-":
                out.append(self.sw[sj].key)
        return out

    def diff(self) -> list[list[str]]:
        out: list[list[str]] = []

        def put(tag: str, text: str) -> None:
            if out and out[-1][0] == tag:
                out[-1][1] += " " + text
            else:
                out.append([tag, text])

        pending_plus: list[str] = []
        for op, qi, sj in self.al.ops:
            if op == "=":
                for w in pending_plus:
                    put("+", w)
                pending_plus = []
                put("=", self.sw[sj].text)
            elif op == "~":
                put("-", self.sw[sj].text)
                pending_plus.append(self.qw[qi].text)
            elif op == "-":
                put("-", self.sw[sj].text)
            else:
                pending_plus.append(self.qw[qi].text)
        for w in pending_plus:
            put("+", w)
        return out

    def longest_gap(self) -> tuple[int, int]:
        """(length, index in ops) of the longest run of skipped source words inside."""
        best, at, run = 0, -1, 0
        for k, (op, _, _) in enumerate(self.al.ops):
            run = run + 1 if op == "-" else 0
            if run > best:
                best, at = run, k
        return best, at


def _score(al: _Aligned, n_q: int) -> float:
    span = al.s_last - al.s_first + 1
    matched = sum(1 for op, _, _ in al.ops if op == "=")
    return round(200.0 * matched / (n_q + span), 2) if n_q + span else 0.0


def _content_share(al: _Aligned, qw: list[Token]) -> float:
    content = [i for i, t in enumerate(qw) if t.key not in FUNCTION_WORDS]
    if not content:
        return 1.0 if all(op == "=" for op, _, _ in al.ops) else 0.0
    matched = {qi for op, qi, _ in al.ops if op == "="}
    return sum(1 for i in content if i in matched) / len(content)


class _Source:
    """A source text with its passages and word tokens, for repeated alignments."""

    def __init__(self, text: str, passages: Sequence[PassageSpan] | None, lang: str | None):
        self.text = text
        self.lang = lang
        self.passages = list(passages) if passages is not None else split_passages(text, lang or "fr")
        if not self.passages and text.strip():
            self.passages = [PassageSpan(0, 0, len(text), text, None)]
        self.norm = [p.text.lower() for p in self.passages]
        self._starts = [p.start for p in self.passages]
        self._index: PassageIndex | None = None
        self.pool: Sequence[int] | None = None

    def within(self, passages: Sequence[int]) -> _Source:
        """The same source, with the passages to start alignments from already chosen (by a
        full-text search over a library, say): a copy that shares everything but the pool."""
        view = copy.copy(self)
        view.pool = sorted(i for i in set(passages) if 0 <= i < len(self.passages))
        return view

    def shares_words(self, quote: str, passages: Sequence[int]) -> bool:
        """Whether the passages given and their neighbours hold at least half of the quote's
        content words (CONTENT_MIN): a cheap test before aligning, for candidates that a
        full-text search proposed on one word in common."""
        content = {t.key for t in words(quote) if t.key not in FUNCTION_WORDS}
        if not content:
            return True
        near = {j for i in passages for j in (i - 1, i, i + 1) if 0 <= j < len(self.passages)}
        have = {t.key for j in near for t in words(self.passages[j].text)}
        return len(content & have) >= CONTENT_MIN * len(content)

    def candidates(self, quote: str, k: int = WINDOW_CANDIDATES) -> list[int]:
        q = quote.lower()
        pool: Sequence[int] = range(len(self.passages))
        if self.pool:
            pool = self.pool
        elif len(self.passages) > INDEX_ABOVE:
            if self._index is None:
                self._index = PassageIndex.build(self.norm)
            pool = [i for i, _ in self._index.bm25(q, 50)] or list(pool)[:0]
        # partial_ratio slides the shorter string over the longer one: a passage shorter than
        # the quote would score high on any fragment, so its score is scaled by its length.
        lq = len(q) or 1
        scored = sorted(((fuzz.partial_ratio(q, self.norm[i]) * min(1.0, len(self.norm[i]) / lq),
                          -i) for i in pool), reverse=True)
        return [-i for _, i in scored[:k]]

    def window(self, i: int, n_words: int) -> tuple[int, int]:
        """Character span of passage i and enough neighbours to hold about 1.5x the quote."""
        a = b = i
        lo, hi = self.passages[a].start, self.passages[b].end
        turn = self.passages[i].speaker  # a window stays within one speaker's turn
        while True:
            have = len(self.text[lo:hi].split())
            grow = have < 1.5 * n_words + 10
            if a > 0 and (grow or a == i) and self.passages[a - 1].speaker == turn:
                a -= 1
            if b < len(self.passages) - 1 and (grow or b == i) \
                    and self.passages[b + 1].speaker == turn:
                b += 1
            nlo, nhi = self.passages[a].start, self.passages[b].end
            if (nlo, nhi) == (lo, hi) or not grow:
                return nlo, nhi
            lo, hi = nlo, nhi

    def words(self, lo: int, hi: int) -> list[Token]:
        """The word tokens of the passages within [lo, hi): text between passages (a
        transcript's speaker labels, "M. LAVROV :") is not something anyone said."""
        out: list[Token] = []
        for p in self.passages[max(0, bisect_right(self._starts, lo) - 1):]:
            if p.start >= hi:
                break
            a, b = max(lo, p.start), min(hi, p.end)
            if a < b:
                out += words(self.text[a:b], a)
        return out

    def speaker_at(self, pos: int) -> str | None:
        for p in self.passages:
            if p.start <= pos < p.end or pos < p.start:
                return p.speaker
        return self.passages[-1].speaker if self.passages else None


def _align_piece(quote: str, src: _Source) -> _Piece | None:
    qw = words(quote)
    if not qw:
        return None
    keys = [t.key for t in qw]
    best: _Piece | None = None
    seen: set[tuple[int, int]] = set()
    for i in src.candidates(quote):
        lo, hi = src.window(i, len(qw))
        if (lo, hi) in seen:
            continue
        seen.add((lo, hi))
        sw = src.words(lo, hi)
        al = _semi_global(keys, [t.key for t in sw])
        if al is None:
            continue
        piece = _Piece(qw, sw, al, _score(al, len(qw)), _content_share(al, qw))
        if best is None or (piece.al.cost, -piece.score) < (best.al.cost, -best.score):
            best = piece
    return best


def _found(p: _Piece | None) -> bool:
    if p is None:
        return False
    if len(p.qw) < SHORT_QUOTE:
        return p.exact()
    return p.score >= FOUND_MIN and p.content_share >= CONTENT_MIN


def _fidelity(p: _Piece, quote: str, src: _Source) -> str:
    """verbatim | minor | altered for a found piece."""
    if p.exact():
        span = src.text[p.start:p.end]
        q = _EDGES.sub("", normalise_quote(quote))
        s = _EDGES.sub("", normalise_quote(span))
        q, s = q[:1].lower() + q[1:], s[:1].lower() + s[1:]
        return "verbatim" if q == s else "minor"
    changed = p.changed_words()
    if len(p.al.ops) and all(w in FUNCTION_WORDS for w in changed) and p.al.cost == 1:
        return "minor"
    return "altered"


def _truncation(p: _Piece, src: _Source) -> str | None:
    """The words after the quoted part when they turn its meaning (a negation, a contrast or
    a condition before the sentence ends), else None."""
    after = tokens(src.text[p.end:p.end + 200], p.end)
    seen: list[str] = []
    for t in after[:6]:
        if t.key in _END or t.text == "\n":
            break
        if not _is_word(t):
            if t.key in (";", ":"):
                break
            continue
        seen.append(t.key)
        if len(seen) == 1 and (t.key in CONTRASTS or t.key in NEGATIONS):
            return t.text
        if len(seen) <= 2 and t.key in NEGATIONS:
            return " ".join(x.text for x in after[: after.index(t) + 1] if _is_word(x))
        if len(seen) >= 2:
            break
    return None


def _gap_diff(src: _Source, a: _Piece, b: _Piece) -> list[str]:
    lo, hi = sorted(((a.end, b.start), (b.end, a.start)))[0 if a.end <= b.start else 1]
    gap = words(src.text[lo:hi]) if hi > lo else []
    text = " ".join(t.text for t in gap)
    if len(gap) > 25:
        text = " ".join(t.text for t in gap[:10]) + f" … ({len(gap)} words) …"
    return ["-", text or "…"]


def _spliced(pieces: list[_Piece], src: _Source, note: str) -> _Draft:
    diff: list[list[str]] = []
    for k, p in enumerate(pieces):
        if k:
            diff.append(_gap_diff(src, pieces[k - 1], p))
        diff += p.diff()
    parts = [{"quote": " ".join(t.text for t in p.qw), "source_start": p.start,
              "source_end": p.end, "score": p.score} for p in pieces]
    total = sum(len(p.qw) for p in pieces)
    score = round(sum(p.score * len(p.qw) for p in pieces) / total, 2)
    return _Draft("spliced", score, min(p.start for p in pieces), max(p.end for p in pieces),
                     diff, parts, note, src.speaker_at(pieces[0].start))


def _adjacent(a: _Piece, b: _Piece, src: _Source) -> bool:
    return a.end <= b.start and not words(src.text[a.end:b.start])


def _far(a: _Piece, b: _Piece, src: _Source) -> bool:
    """Pieces in the wrong order, or at least SPLICE_GAP_MIN source words apart (fewer
    missing words make an altered quote, not a spliced one)."""
    if b.start < a.end:
        return True
    return len(words(src.text[a.end:b.start])) >= SPLICE_GAP_MIN


def _split_remainder(p: _Piece, quote_words: list[Token], src: _Source) -> list[_Piece] | None:
    """A quote whose head (or tail) matches exactly here and whose rest matches exactly
    elsewhere: the two pieces, else None."""
    ops = p.al.ops
    head = 0
    for op, _, _ in ops:
        if op != "=":
            break
        head += 1
    tail = 0
    for op, _, _ in reversed(ops):
        if op != "=":
            break
        tail += 1
    n = len(quote_words)
    for k, first in ((head, True), (n - tail, False)):
        if not (3 <= k <= n - 3) if first else not (3 <= k <= n - 3):
            continue
        a_text = " ".join(t.text for t in quote_words[:k])
        b_text = " ".join(t.text for t in quote_words[k:])
        a, b = _align_piece(a_text, src), _align_piece(b_text, src)
        if a and b and a.exact() and b.exact() and _far(a, b, src):
            return [a, b]
    return None


def _classify_single(quote: str, src: _Source) -> tuple[_Draft, _Piece | None]:
    p = _align_piece(quote, src)
    if not _found(p):
        if p is not None and len(p.qw) >= 2 * SPLICE_GAP_MIN:
            pieces = _split_remainder(p, p.qw, src)
            if pieces:
                return _spliced(pieces, src, "joins two passages that are not adjacent"), None
        return _Draft("not_found", p.score if p else 0.0,
                         note="no passage of the source holds this quote"), p
    assert p is not None
    gap, _ = p.longest_gap()
    if gap >= SPLICE_GAP_MIN and len(p.qw) >= 2 * SPLICE_GAP_MIN:
        pieces = _split_remainder(p, p.qw, src) or _split_at_gap(p, src)
        if pieces:
            return _spliced(pieces, src, f"skips {gap} words of the source without an ellipsis"), p
    cls = _fidelity(p, quote, src)
    if cls == "altered" and len(p.qw) >= 2 * SPLICE_GAP_MIN:
        pieces = _split_remainder(p, p.qw, src)
        if pieces:
            return _spliced(pieces, src, "joins two passages that are not adjacent"), p
    al = _Draft(cls, p.score, p.start, p.end, p.diff(), [], "", src.speaker_at(p.start))
    if cls == "minor":
        al.note = "differs in punctuation, case or one function word"
    elif cls == "altered":
        changed = [x[1] for x in al.diff if x[0] != "="]
        al.note = "words differ from the source: " + " / ".join(changed[:6])
    if cls in ("verbatim", "minor"):
        cut = _truncation(p, src)
        if cut:
            al.cls = "truncated"
            al.note = f"the source goes on with “{cut}” right after the quoted words"
    return al, p


def _split_at_gap(p: _Piece, src: _Source) -> list[_Piece] | None:
    """Split a piece at its longest internal skip of source words; both sides must be exact."""
    _, at = p.longest_gap()
    qi_before = [qi for op, qi, _ in p.al.ops[:at] if qi >= 0]
    if not qi_before:
        return None
    k = qi_before[-1] + 1
    if k < 2 or k > len(p.qw) - 2:
        return None
    a = _align_piece(" ".join(t.text for t in p.qw[:k]), src)
    b = _align_piece(" ".join(t.text for t in p.qw[k:]), src)
    if a and b and a.exact() and b.exact() and _far(a, b, src):
        return [a, b]
    return None


def _languages_differ(quote: str, src: _Source, quote_lang: str | None,
                      source_lang: str | None) -> bool:
    from verifier.text import detect_language

    ql = quote_lang or detect_language(quote)
    sl = source_lang or detect_language(src.text)
    return bool(ql and sl and ql != sl)


PreparedSource = _Source


def prepare_source(text: str, *, lang: str | None = None,
                   passages: Sequence[PassageSpan] | None = None) -> PreparedSource:
    """A source made ready for many alignments (its passages, lower-cased, and the BM25 index
    of a long one, built once): pass it to `align_quote` in place of the text."""
    return _Source(text, passages, lang)


def align_quote(quote: str, source_text: str | PreparedSource, *, quote_lang: str | None = None,
                source_lang: str | None = None,
                passages: Sequence[PassageSpan] | None = None) -> Alignment:
    """Where and how faithfully `quote` appears in `source_text` (see the module doc)."""
    src = (source_text if isinstance(source_text, _Source)
           else _Source(source_text, passages, source_lang))
    return _align(quote, src, quote_lang, src.lang).typed()


def _align(quote: str, src: _Source, quote_lang: str | None, source_lang: str | None) -> _Draft:
    parts = split_at_ellipses(quote)
    if not parts or not src.passages:
        return _Draft("not_found", 0.0, note="empty quote or source")
    if len(parts) == 1:
        al, _ = _classify_single(parts[0], src)
    else:
        results = [_classify_single(p, src) for p in parts]
        found = [(a, p) for a, p in results if a.cls != "not_found"]
        if not found:
            al = _Draft("not_found", max(a.score or 0 for a, _ in results),
                           note="no part of the quote is in the source")
        elif len(found) < len(results) or any(a.cls in ("altered",) for a, _ in found):
            bad = [a for a, _ in results if a.cls in ("not_found", "altered")][0]
            al = _Draft("altered", min(a.score or 0 for a, _ in results),
                           min(a.source_start for a, _ in found if a.source_start is not None),
                           max(a.source_end for a, _ in found if a.source_end is not None),
                           [d for a, _ in results for d in a.diff],
                           [{"quote": t, "class": a.cls, "source_start": a.source_start,
                             "source_end": a.source_end} for t, (a, _) in zip(parts, results,
                                                                                strict=True)],
                           "a part of the quote is not in the source as quoted: " + bad.note,
                           found[0][0].speaker)
        else:
            pieces = [p for _, p in results if p is not None]
            if len(pieces) == len(results) and all(
                    _adjacent(a, b, src) for a, b in zip(pieces, pieces[1:], strict=False)):
                al = _Draft("minor", min(a.score or 0 for a, _ in results), pieces[0].start,
                               pieces[-1].end, [d for a, _ in results for d in a.diff], [],
                               "an ellipsis where the source skips nothing",
                               results[0][0].speaker)
            elif len(pieces) == len(results):
                al = _spliced(pieces, src, "the parts around the ellipsis are not adjacent in "
                                           "the source")
            else:  # a part was itself spliced
                al = _Draft("spliced", min(a.score or 0 for a, _ in results),
                               min(a.source_start for a, _ in results if a.source_start is not None),
                               max(a.source_end for a, _ in results if a.source_end is not None),
                               [d for a, _ in results for d in a.diff],
                               [pt for t, (a, _) in zip(parts, results, strict=True)
                                for pt in (a.parts or [{"quote": t, "source_start": a.source_start,
                                                        "source_end": a.source_end,
                                                        "score": a.score}])],
                               "joins passages that are not adjacent", results[0][0].speaker)
    if al.cls == "not_found" and _languages_differ(quote, src, quote_lang, source_lang):
        return _Draft("translated", None, note="the source is in another language: a person "
                                                  "must compare the translation")
    return al


# --------------------------------------------------------------------------------------------
# Speaker and findings
# --------------------------------------------------------------------------------------------

_HONORIFICS = frozenset("m mm mme mmes mlle mr mrs ms dr pr prof sen rep gen gov pres president "
                        "président présidente ministre minister monsieur madame mister sir".split())
_NOT_PEOPLE = frozenset("q r a question réponse reponse answer journaliste journalist "
                        "interviewer moderator modérateur".split())


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", fold(name)) if w not in _HONORIFICS]


def names_match(a: str, b: str) -> float:
    """0-100: how likely two ways of writing a name denote the same person ("LAVROV" and
    "Sergueï Lavrov": 100; "M. Smith" and "John Smith": 100; different surnames: low)."""
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb:
        return 0.0
    if wa[-1] == wb[-1] or set(wa) <= set(wb) or set(wb) <= set(wa):
        return 100.0
    return float(fuzz.token_set_ratio(" ".join(wa), " ".join(wb)))


def check_speaker(passage_speaker: str | None, quote_reference: str | None) -> bool:
    """False when the passage belongs to a speaker turn that is not the quote's speaker."""
    if not passage_speaker or not quote_reference:
        return True
    if fold(passage_speaker).strip(" .") in _NOT_PEOPLE:
        return False
    return names_match(passage_speaker, quote_reference) >= 85


_FINDINGS = {
    "verbatim": ("consistent", "The quote is in the source word for word."),
    "minor": ("consistent", "The quote is in the source, with a difference of punctuation or "
                            "a function word only."),
    "altered": ("contradicted", "Altered quote: the source says it with other words."),
    "spliced": ("contradicted", "Altered quote: it joins parts of the source that are not "
                                "adjacent."),
    "truncated": ("partial", "The quote stops where the source goes on to qualify it; "
                             "check the context."),
    "translated": ("partial", "The source is in another language: a person must check the "
                              "translation."),
    "not_found": ("no_evidence", "The quote is not in the reference sources."),
}


def quote_finding(alignment: Alignment, speaker_ok: bool = True) -> tuple[str, str]:
    """(finding, explanation) for a quote's alignment (findings of DESIGN.md)."""
    if not speaker_ok and alignment.cls in ("verbatim", "minor", "truncated", "altered",
                                            "spliced"):
        who = alignment.speaker or "another speaker"
        return "contradicted", f"Misattributed: in the source these words are said by {who}."
    finding, why = _FINDINGS[alignment.cls]
    if alignment.cls in ("altered", "truncated", "spliced") and alignment.note:
        why = f"{why} ({alignment.note})"
    return finding, why
