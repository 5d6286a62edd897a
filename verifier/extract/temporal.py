"""Temporal expressions (TIMEX3-style) in French and English news, with character offsets.

A compiled-regex grammar (temporal_rules.py) proposes candidates; the longest one wins where they
overlap; boilerplate spans passed in ``skip`` drop what they touch; then values are resolved in
document order against ``published`` (or the document's own dateline), the previous date
mentioned (``le lendemain``, ``the same day``), the other dates of the sentence (a time takes
the date of its sentence) and the tense of the clause (a bare ``jeudi``).

Span conventions are FTiB's: prepositions outside (``en <1998>``, ``à <la fin du mois>``),
determiners and demonstratives inside (``<ce jeudi>``, ``<le jeudi 7 octobre>``).

``Timex.resolved`` is the (earliest, latest) ISO day a DATE/TIME value covers, narrowed by
``mod`` (a month's END = its last 7 days, START = days 1-10, MID = 11-20); ``resolved_day``
picks one day from it: the latest for END, the earliest for START, the day itself for a day
value (``à la fin du mois`` published 2025-10-16 -> ("2025-10-25", "2025-10-31"), 2025-10-31).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from verifier.analysis import DocumentAnalysis, analyse
from verifier.claims import TemporalClaim
from verifier.extract.temporal_resolve import nearest_tense, tense_markers, value_range
from verifier.extract.temporal_rules import (
    DATED_KINDS,
    Cand,
    join_day_of,
    rebase,
    resolve_candidate,
    rule_matches,
    rules_for,
)

__all__ = ["Timex", "extract_temporal", "timexes_in"]


@dataclass(frozen=True)
class Timex:
    text: str
    start: int
    end: int
    timex_type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3 value; None when the expression is not understood or impossible
    mod: str | None = None  # START | MID | END | APPROX | LESS_THAN | MORE_THAN | ...
    approximate: bool = False
    resolved: tuple[str, str] | None = None  # earliest, latest ISO day covered
    anchor: dict[str, Any] | None = field(default=None, hash=False)  # event span + relation
    signal: dict[str, Any] | None = field(default=None, hash=False)  # preposition before it
    role: str | None = None  # "dateline" for the document's dateline
    tense: str | None = None  # PAST | FUTURE | None (present or unclear) of its clause
    weekday: int | None = None  # weekday written with a calendar date (0 = Monday), for checks
    problem: str | None = None  # "impossible date"

    @property
    def resolved_day(self) -> str | None:
        if not self.resolved:
            return None
        a, b = self.resolved
        if a == b:
            return a
        if self.mod == "END":
            return b
        if self.mod == "START":
            return a
        if self.mod == "MID":
            da, db = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
            return (da + (db - da) / 2).isoformat()
        return None

    @classmethod
    def from_claim(cls, claim: TemporalClaim) -> Timex:
        """The inverse of to_claim (for checks that run on stored or serialised claims)."""
        names = {f.name for f in fields(cls)}
        kw = {f.name: getattr(claim, f.name) for f in fields(claim) if f.name in names}
        if kw.get("resolved") is not None:
            kw["resolved"] = tuple(kw["resolved"])
        else:
            kw["resolved"] = None
        return cls(**kw)

    def to_claim(self) -> TemporalClaim:
        return TemporalClaim(
            text=self.text, start=self.start, end=self.end, timex_type=self.timex_type,
            value=self.value, mod=self.mod, approximate=self.approximate, anchor=self.anchor,
            resolved=tuple(self.resolved) if self.resolved else None,
            resolved_day=self.resolved_day, signal=self.signal, role=self.role,
            tense=self.tense, weekday=self.weekday, problem=self.problem)


_SIGNALS_FR = {"à", "a", "en", "depuis", "pendant", "durant", "dès", "jusqu'à", "jusqu’à",
               "jusqu'au", "jusqu’au", "jusqu'en", "jusqu’en", "avant", "après", "vers", "pour",
               "dans", "au", "du", "de", "d'", "d’", "sur", "entre", "lors", "par", "since"}
_SIGNALS_EN = {"in", "on", "at", "since", "for", "during", "by", "until", "till", "before",
               "after", "from", "within", "over", "around", "through", "throughout", "of"}
_PREV_WORD = re.compile(r"([\w'’]+)\s*$")


def _signal(text: str, start: int, lang: str) -> dict[str, Any] | None:
    m = _PREV_WORD.search(text, max(0, start - 20), start)
    if not m:
        return None
    w = m.group(1).lower()
    if w in (_SIGNALS_EN if lang == "en" else _SIGNALS_FR):
        return {"text": m.group(1), "start": m.start(1), "end": m.end(1)}
    # "jusqu'au", "d'": the apostrophe-joined preposition is part of the token
    if lang != "en" and (w.endswith("'") or w.endswith("’")):
        return {"text": m.group(1), "start": m.start(1), "end": m.end(1)}
    return None


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest candidate first (then the earlier rule); no two kept candidates overlap."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.prio, c.start))
    kept: list[Cand] = []
    starts: list[int] = []
    for c in cands:
        i = bisect.bisect_left(starts, c.start)
        if i > 0 and kept[i - 1].end > c.start:
            continue
        if i < len(kept) and kept[i].start < c.end:
            continue
        kept.insert(i, c)
        starts.insert(i, c.start)
    return kept


def _first_line(text: str) -> tuple[int, int]:
    i = 0
    n = len(text)
    while i < n and text[i] in " \t\r\n\ufeff":
        i += 1
    j = text.find("\n", i)
    return i, (n if j < 0 else j)


_WORD = re.compile(r"\w+")
_PRIO = {id(rx): i for lg in ("fr", "en") for i, (rx, _) in enumerate(rules_for(lg))}


def _lang(lang: str) -> str:
    return "en" if (lang or "").lower().startswith("en") else "fr"


def extract_temporal(text: str, *, lang: str = "fr", published: dt.date | None = None,
                     skip: Sequence[tuple[int, int]] = ()) -> list[Timex]:
    """Temporal expressions of ``text`` in document order (see the module docstring)."""
    if not text:
        return []
    return timexes_in(analyse(text, _lang(lang), published, skip))


def timexes_in(analysis: DocumentAnalysis) -> list[Timex]:
    """Temporal expressions of an analysed document in document order: its boilerplate spans
    skipped, values resolved against its publication date (see the module docstring)."""
    text, published, skip = analysis.text, analysis.published, analysis.boilerplate
    if not text:
        return []
    if isinstance(published, dt.datetime):
        published = published.date()
    lang = _lang(analysis.language)
    if lang != analysis.language:
        analysis = analyse(text, lang, published, skip)
    cands: list[Cand] = []
    for rx, handler, matches in rule_matches(lang, text):
        prio = _PRIO[id(rx)]
        for m in matches:
            found = handler(m, text, lang)
            if found:
                for c in found:
                    if 0 <= c.start < c.end <= len(text):
                        c.prio = prio
                        cands.append(c)
    if not cands:
        return []
    kept = _select(cands)
    if skip:
        spans = [(int(s[0]), int(s[1])) for s in skip]
        kept = [c for c in kept if not any(c.start < e and s < c.end for s, e in spans)]
    kept = join_day_of(_drop_lone_ici(kept, text), text)
    if not kept:
        return []

    # dateline: a full date alone (or nearly) on the first line of the document
    ls, le = _first_line(text)
    dateline: Cand | None = None
    first = kept[0]
    if first.start >= ls and first.end <= le and first.kind == "date" and first.data.get("yraw"):
        rest = text[ls:first.start] + " " + text[first.end:le]
        if len(_WORD.findall(rest)) <= 5:
            dateline = first
            first.role = "dateline"
    ref = published
    if ref is None and dateline is not None:
        resolve_candidate(dateline, None, {})
        if dateline.value and len(dateline.value) == 10:
            ref = dt.date.fromisoformat(dateline.value)

    _resolve_all(kept, text, lang, ref, analysis)
    return [Timex(
        text=text[c.start:c.end], start=c.start, end=c.end, timex_type=c.type,
        value=c.value, mod=c.mod, approximate=c.approx,
        resolved=value_range(c.value, c.mod) if c.type in ("DATE", "TIME") else None,
        anchor=c.anchor, signal=_signal(text, c.start, lang), role=c.role,
        tense=c.tense, weekday=c.weekday, problem=c.problem) for c in kept]


_ICI_GAP = re.compile(r"\s+(?:à\s+|a\s+|au\s+)?")


def _drop_lone_ici(kept: list[Cand], text: str) -> list[Cand]:
    """'d'ici' is a DATE only before a temporal expression ('d'ici la fin de l'année', 'd'ici
    à 2030'); 'd'ici là' or 'loin d'ici' are not."""
    out = []
    for i, c in enumerate(kept):
        if c.data.get("ici"):
            nxt = kept[i + 1] if i + 1 < len(kept) else None
            if nxt is None or not _ICI_GAP.fullmatch(text, c.end, nxt.start):
                continue
        out.append(c)
    return out


_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
# between a clock time and the date right after it that it belongs to ("4 h mardi",
# "vers 15 h 30, hier", "à 8 h, samedi 29 mai"): punctuation and at most one short word
_TIME_DATE_GAP = re.compile(r"[\s,]*(?:\w{1,4}[\s,]+)?")


def _resolve_all(kept: list[Cand], text: str, lang: str, ref: dt.date | None,
                 analysis: DocumentAnalysis) -> None:
    """Values in document order. A date with a day sets the date in force for its sentence and
    the rest of its paragraph: clock times and parts of the day take it (a time right before
    the date it belongs to, "4 h mardi", takes that date once it is resolved)."""
    sentences = _sentence_bounds(analysis)
    paras = [p.start for p in analysis.paragraphs] or [0]
    markers_cache: dict[int, list[tuple[int, str]]] = {}
    ctx: dict[str, Any] = {"prev_day": None, "sent_dates": {}, "sent_last": {}, "para": -1,
                           "para_day": None}
    pending: list[Cand] = []  # times of the current sentence with no date before them
    for c in kept:
        si = bisect.bisect_right(sentences, c.start) - 1
        s_start = sentences[si] if si >= 0 else 0
        s_end = sentences[si + 1] if si + 1 < len(sentences) else len(text)
        if si not in markers_cache:
            markers_cache[si] = tense_markers(text[s_start:s_end], lang)
        pi = bisect.bisect_right(paras, c.start) - 1
        if pi != ctx["para"]:
            ctx["para"], ctx["para_day"] = pi, None
        if pending and pending[0].sentence != si:
            pending = []
        clause = nearest_tense(markers_cache[si], c.start - s_start,
                               (c.start - s_start, c.end - s_start))
        local = _local_tense(text, c.start, lang)
        if local == "UNTIL":  # "until 23 February" in a past clause: the nearest one
            local = None if clause == "PAST" else "FUTURE"
            c.tense = local
        else:
            c.tense = local or clause
        c.sentence = si
        ctx["sent_text_end"] = s_end
        resolve_candidate(c, ref, ctx)
        _follow_range(c, ctx["sent_last"].get(si), text)
        ctx["sent_last"][si] = c
        if c.value and c.type == "DATE" and c.role != "dateline" and re.match(r"\d{4}", c.value) \
                and not c.data.get("attrib"):
            ctx["prev_value"] = c.value
        if c.kind in DATED_KINDS:
            if c.data.get("undated"):
                pending.append(c)
            continue  # a time takes the date in force, it does not set it
        if c.value and _DAY_VALUE.match(c.value) and not c.data.get("ici"):   # ("d'ici": no day in force)
            if c.role != "dateline":
                ctx["prev_day"] = ctx["para_day"] = c.value[:10]
            ctx["sent_dates"].setdefault(si, []).append(c)
            for p in pending:
                if p.end <= c.start and _TIME_DATE_GAP.fullmatch(text, p.end, c.start):
                    rebase(p, c.value[:10])
            pending = []




# between the two ends of a range: "mars-avril", "de novembre à février", "entre janvier et
# mars", "from May to July"
_RANGE_GAP = re.compile(r"\s*[-–/]\s*|\s+(?:à|au|et|jusqu['’]en|to|and|through|until)\s+", re.I)


def _follow_range(c: Cand, prev: Cand | None, text: str) -> None:
    """The second month of a range written without its year comes after the first, in the
    first one's year or the next ("novembre-février" 2024 -> 2024-11, 2025-02), not where
    the tense alone would put it ("mars-avril" in a March story: not April of last year)."""
    if prev is None or c.kind != "month" or prev.kind != "month" or c.data.get("yraw") \
            or not (prev.value and c.value) or not _RANGE_GAP.fullmatch(text, prev.end, c.start):
        return
    m1 = re.fullmatch(r"(\d{4})-(\d\d)", prev.value)
    m2 = re.fullmatch(r"(\d{4})-(\d\d)", c.value)
    if not (m1 and m2):
        return
    year = int(m1.group(1)) + (int(m2.group(2)) <= int(m1.group(2)))
    c.value = f"{year:04d}-{m2.group(2)}"


_DEADLINE_BEFORE = re.compile(r"d['’]ici(?:\s+(?:le|à))?\s*$", re.I)
_UNTIL_BEFORE = re.compile(r"(?:jusqu['’](?:au|à|a)|until|by)\s*$", re.I)
_PP_BEFORE_FR = re.compile(r"(?<!\sla\s)(?<!\sle\s)(?<!\sles\s)(?<!\sune\s)(?<!\sun\s)(?<!\ssa\s)"
                           r"(?<!\sson\s)(?<![dl]['’])(?<![\w'’])(?!(?:été|était)\s)"
                           r"\w{3,}(?:é|ée|és|ées)\s+$", re.I)
_PP_BEFORE_EN = re.compile(r"(?<![\w'’])\w{3,}ed\s+$", re.I)
_AWAITED_PP = re.compile(r"(?:scheduled|planned|slated|expected|prévue?s?|programmée?s?|attendue?s?)\s", re.I)


_AUX_BEFORE = re.compile(r"(?<![\w])(?:sera|seront|serait|seraient|est|sont|être|soit|soient|will\s+be|"
                         r"is|are|be)\s+$", re.I)


def _local_tense(text: str, start: int, lang: str) -> str | None:
    """Cues right before the expression that beat the clause's verb: a deadline ('d'ici le 30
    juin' points ahead), a limit ('jusqu'au 30 juin', 'by 23 February': "UNTIL", ahead
    unless the clause is in the past: 'had fallen to 300 by 23 February' is the nearest 23
    February, maybe a few days back) or a past participle ('annoncées mercredi')."""
    before = text[max(0, start - 25):start]
    if _DEADLINE_BEFORE.search(before):
        return "FUTURE"
    if _UNTIL_BEFORE.search(before):
        return "UNTIL"
    m = (_PP_BEFORE_EN if lang == "en" else _PP_BEFORE_FR).search(before)
    if m and _AWAITED_PP.match(m.group()):
        return None   # "webinars scheduled April 25": no past participle, the clause decides
    if m and not _AUX_BEFORE.search(before, 0, m.start()):
        return "PAST"
    return None


def _sentence_bounds(analysis: DocumentAnalysis) -> list[int]:
    """Start offsets of sentences (for tense and the date of a time)."""
    try:
        starts = list(analysis.sentence_starts)
    except Exception:  # another module's bug must not break extraction
        starts = [m.end() for m in re.finditer(r"[.!?]\s+|\n", analysis.text)]
    if not starts or starts[0] != 0:
        starts = [0] + starts
    return starts
