"""The typed contract: claims, evidence, findings and quote alignments.

Every layer hands these frozen dataclasses to the next: the extractors return `Claim`s
(`QuoteClaim`, `TemporalClaim`, `FactualClaim`), the checks return `Finding`s carrying
`Evidence` (`PassageEvidence`, `FactEvidence`, `PrecedentEvidence`, `CalendarEvidence`), and
`CheckedClaim` pairs the two. Every evidence score is on one scale, 0-100, and evidence is shown
in one order (`ordered_evidence`: alignments, then facts and the calendar, then earlier verdicts
on similar claims). `to_json()` gives the documented JSON contract (docs/contract.md,
docs/contract.schema.json): the `verifier extract --format json` claim objects, and with the
finding, the `verifier check --format json` ones. `from_json()` reads them back, so the store
keeps exactly what travelled in memory and exports show the same shape.

Field order is the JSON key order; fields whose metadata says `omit` are left out of the JSON
when empty (the optional keys of factual claims). Pure: no store, no Streamlit.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, ClassVar, Literal

FINDINGS = ("consistent", "contradicted", "partial", "no_evidence")
SEVERITY = {"contradicted": 3, "partial": 2, "consistent": 1, "no_evidence": 0}
CLAIM_KINDS = ("quote", "temporal", "factual")
FIDELITY_CLASSES = ("verbatim", "minor", "altered", "spliced", "truncated", "translated",
                    "not_found")
QUOTE_TYPES = ("marked", "unmarked", "indirect", "according_to")

JSON = dict[str, Any]

_OMIT_NONE = {"omit": "none"}    # left out of the JSON when None
_OMIT_FALSY = {"omit": "falsy"}  # left out when None, False or empty
_JSON_NAME = "json"              # metadata key: the JSON name when it is not the field's


def _plain(value: Any) -> Any:
    """A JSON-ready copy: tuples become lists, contract objects their to_json()."""
    if hasattr(value, "to_json"):
        return value.to_json()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _frozen(value: Any) -> Any:
    """Lists (of lists) from JSON as tuples, so that the dataclass stays immutable."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


class _Contract:
    """to_json / from_json by field order, for the dataclasses below."""

    def to_json(self) -> JSON:
        out: JSON = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            omit = f.metadata.get("omit")
            if (omit == "none" and value is None) or (omit == "falsy" and not value):
                continue
            out[f.metadata.get(_JSON_NAME, f.name)] = _plain(value)
        return out

    @classmethod
    def _kwargs(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        kw: dict[str, Any] = {}
        for f in fields(cls):  # type: ignore[arg-type]
            key = f.metadata.get(_JSON_NAME, f.name)
            if key in data:
                kw[f.name] = _frozen(data[key])
        return kw


# --------------------------------------------------------------------------------------------
# Quote alignment with a source
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DiffOp:
    """One step of a word diff from the source's words to the quote's: "=" the same words,
    "-" source words the quote lacks, "+" quote words the source lacks."""

    op: Literal["=", "-", "+"]
    text: str

    def to_json(self) -> list[str]:
        return [self.op, self.text]

    @classmethod
    def from_json(cls, item: Sequence[str]) -> DiffOp:
        op, text = item
        if op not in ("=", "-", "+"):
            raise ValueError(f"unknown diff operation {op!r}")
        return cls(op, text)  # type: ignore[arg-type]


@dataclass(frozen=True, kw_only=True)
class AlignedPart(_Contract):
    """One piece of a quote cut by an ellipsis or spliced from several places: its words,
    where the source has them, and (when the pieces were classified one by one) its class or
    (when they were aligned together) its score."""

    quote: str
    cls: str | None = field(default=None, metadata={_JSON_NAME: "class", "omit": "none"})
    source_start: int | None = None
    source_end: int | None = None
    score: float | None = field(default=None, metadata=_OMIT_NONE)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AlignedPart:
        return cls(**cls._kwargs(data))


@dataclass(frozen=True, kw_only=True)
class Alignment(_Contract):
    """Where a quote stands against a source text: its fidelity class, the word-level score
    (0-100; None when the languages differ), the source span, the word diff, the pieces of a
    spliced quote, a note a person can read and the speaker turn of the source span."""

    cls: str = field(metadata={_JSON_NAME: "class"})
    score: float | None
    source_start: int | None = None
    source_end: int | None = None
    diff: tuple[DiffOp, ...] = ()
    parts: tuple[AlignedPart, ...] = ()
    note: str = ""
    speaker: str | None = None

    def changed_words(self) -> list[str]:
        return [d.text for d in self.diff if d.op != "="]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Alignment:
        kw = cls._kwargs(data)
        kw["diff"] = tuple(DiffOp.from_json(d) for d in data.get("diff") or ())
        kw["parts"] = tuple(AlignedPart.from_json(p) for p in data.get("parts") or ())
        return cls(**kw)


# --------------------------------------------------------------------------------------------
# Evidence: one shape in memory, in the store and in exports
# --------------------------------------------------------------------------------------------

# Evidence fields that the store keeps in columns of their own; the rest goes to `detail`.
EVIDENCE_COLUMNS = ("kind", "passage_id", "fact_id", "precedent_claim_id", "source_title",
                    "source_url", "source_sha256", "start", "end", "score", "method")


@dataclass(frozen=True, kw_only=True)
class CalendarEvidence(_Contract):
    """The calendar itself (a weekday, a date that exists or not)."""

    kind: ClassVar[str] = "calendar"
    method: str = "calendar"

    def to_json(self) -> JSON:
        return {"kind": self.kind} | super().to_json()


@dataclass(frozen=True, kw_only=True)
class FactEvidence(_Contract):
    """A fact of the knowledge base (score 0-100: how well the claim's names matched the
    fact's; 100 when the fact was found by its date or event, not by a name)."""

    kind: ClassVar[str] = "fact"
    fact_id: int | None
    pack: str | None
    subject: str
    predicate: str
    object: str | None
    valid_from: str | None
    valid_to: str | None
    source_title: str | None
    source_url: str | None
    score: float
    method: str
    extra: Mapping[str, Any] | None = field(default=None, metadata=_OMIT_FALSY)

    def to_json(self) -> JSON:
        return {"kind": self.kind} | super().to_json()


@dataclass(frozen=True, kw_only=True)
class PassageEvidence(_Contract):
    """The passage of a reference source that a quote was aligned with."""

    kind: ClassVar[str] = "passage"
    source_title: str | None
    source_url: str | None
    source_sha256: str | None
    start: int | None
    end: int | None
    score: float | None
    method: str
    cls: str = field(metadata={_JSON_NAME: "class"})
    diff: tuple[DiffOp, ...] = ()
    parts: tuple[AlignedPart, ...] = ()
    note: str = ""
    speaker: str | None = None
    misattributed: bool = False
    passage_id: int | None = field(default=None, metadata=_OMIT_NONE)
    source_document_id: int | None = field(default=None, metadata=_OMIT_NONE)
    source_published: str | None = field(default=None, metadata=_OMIT_NONE)

    def to_json(self) -> JSON:
        return {"kind": self.kind} | super().to_json()

    @property
    def alignment(self) -> Alignment:
        return Alignment(cls=self.cls, score=self.score, source_start=self.start,
                         source_end=self.end, diff=self.diff, parts=self.parts, note=self.note,
                         speaker=self.speaker)


@dataclass(frozen=True, kw_only=True)
class PrecedentDetail(_Contract):
    precedent_id: int | None
    external_id: str | None
    collection: str | None
    verdict: str | None
    date: str | None
    text: str
    explanation: str


PRECEDENT_SIMILARITIES = ("identical", "similar")
SAME_CLAIM_LABEL = "same claim"
SIMILAR_CLAIM_LABEL = "similar claim, not identical"


@dataclass(frozen=True, kw_only=True)
class PrecedentEvidence(_Contract):
    """An earlier fact-check of a similar claim (imported, or reviewed here). `similarity`
    says whether the earlier claim has this claim's very words ("identical": case, spaces,
    punctuation and quotation marks aside) or only resembles it ("similar", also what
    evidence stored before the field existed reads as: identity is never assumed); `diff` is
    the word diff of a similar one, from the earlier claim's words to this claim's ("-" earlier
    claim only, "+" this claim only, "=" both)."""

    kind: ClassVar[str] = "precedent"
    precedent_claim_id: int | None
    source_title: str | None
    source_url: str | None
    source_sha256: str | None = None
    start: int | None = None
    end: int | None = None
    score: float
    method: str
    detail: PrecedentDetail
    similarity: str = "similar"
    diff: tuple[DiffOp, ...] = ()

    def __post_init__(self) -> None:
        if self.similarity not in PRECEDENT_SIMILARITIES:
            raise ValueError(f"unknown precedent similarity {self.similarity!r} "
                             f"(one of {', '.join(PRECEDENT_SIMILARITIES)})")

    def to_json(self) -> JSON:
        return {"kind": self.kind} | super().to_json()

    @property
    def identical(self) -> bool:
        return self.similarity == "identical"

    @property
    def label(self) -> str:
        """"same claim", or "similar claim, not identical"."""
        return SAME_CLAIM_LABEL if self.identical else SIMILAR_CLAIM_LABEL

    def changed_words(self) -> list[str]:
        """The words of the earlier claim or of this one that the other lacks."""
        return [d.text for d in self.diff if d.op != "="]


Evidence = CalendarEvidence | FactEvidence | PassageEvidence | PrecedentEvidence
_EVIDENCE_TYPES: dict[str, type[Any]] = {t.kind: t for t in (CalendarEvidence, FactEvidence,
                                                             PassageEvidence, PrecedentEvidence)}

# The order a claim's evidence is kept and shown in, by kind: the alignment with a source
# first, then facts and the calendar, then earlier verdicts on similar claims (which never set
# the finding, so never come before what did). Alignments and precedents best score first;
# facts in the order the check gave them (the fact its explanation names first).
EVIDENCE_ORDER = {"passage": 0, "fact": 1, "calendar": 1, "precedent": 2}
_BEST_FIRST = frozenset(("passage", "precedent"))


def iso_day(value: Any) -> date | None:
    """The day an ISO value names ("2025-10-16", "2025-10-16T09:00", or a date), or None for
    anything else (a year or a month alone, an empty or malformed value)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def score_text(score: Any) -> str:
    """An evidence score as people read it, on its scale: "91.7/100", "100/100" ("" when there
    is none)."""
    if not isinstance(score, int | float) or isinstance(score, bool):
        return ""
    return f"{round(float(score), 1):g}/100"


def evidence_sort_key(kind: Any, score: Any) -> tuple[int, float]:
    """The sort key of one piece of evidence (typed, or a stored row's kind and score)."""
    rank = EVIDENCE_ORDER.get(str(kind), len(EVIDENCE_ORDER))
    if kind in _BEST_FIRST and isinstance(score, int | float):
        return rank, -float(score)
    return rank, 0.0


def ordered_evidence(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """`items` in the order of EVIDENCE_ORDER (a stable sort: ties keep their order)."""
    return tuple(sorted(items, key=lambda ev: evidence_sort_key(ev.kind,
                                                                getattr(ev, "score", None))))


def evidence_from_json(data: Mapping[str, Any]) -> Evidence:
    """The typed evidence of a JSON object (as to_json gives it, or as the store rebuilds it
    from its columns and `detail`)."""
    kind = data.get("kind")
    cls = _EVIDENCE_TYPES.get(str(kind))
    if cls is None:
        raise ValueError(f"unknown evidence kind {kind!r}")
    kw = cls._kwargs(data)
    if cls is PassageEvidence:
        kw["diff"] = tuple(DiffOp.from_json(d) for d in data.get("diff") or ())
        kw["parts"] = tuple(AlignedPart.from_json(p) for p in data.get("parts") or ())
    elif cls is PrecedentEvidence:
        kw["detail"] = PrecedentDetail(**PrecedentDetail._kwargs(data.get("detail") or {}))
        kw["diff"] = tuple(DiffOp.from_json(d) for d in data.get("diff") or ())
    return cls(**kw)  # type: ignore[no-any-return]


def evidence_columns(ev: Evidence) -> tuple[JSON, JSON | None]:
    """(the store's column values, the rest as `detail`) of one piece of evidence."""
    data = ev.to_json()
    cols = {k: data.get(k) for k in EVIDENCE_COLUMNS}
    rest = {k: v for k, v in data.items() if k not in EVIDENCE_COLUMNS}
    return cols, rest or None


def evidence_from_columns(cols: Mapping[str, Any], detail: Mapping[str, Any] | None) -> Evidence:
    """The inverse of evidence_columns."""
    return evidence_from_json({**cols, **(detail or {})})


# --------------------------------------------------------------------------------------------
# Claims
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ClaimBase(_Contract):
    """What every claim has: its text and its span, `text == document_text[start:end]`."""

    kind: ClassVar[str]
    text: str
    start: int
    end: int

    def to_json(self) -> JSON:
        return {"kind": self.kind} | super().to_json()

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Any:
        return cls(**cls._kwargs(data))


@dataclass(frozen=True, kw_only=True)
class QuoteClaim(ClaimBase):
    """Words attributed to someone: marked (in quotation marks), unmarked, indirect speech,
    or "according to". `reference` is the full name the speaker resolves to."""

    kind: ClassVar[str] = "quote"
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    reference: str | None = None
    cue: str | None = None
    quote_type: str = "marked"
    anonymous: bool = False
    speaker_type: str | None = "none"
    floating: bool = False
    # how far to trust the attribution (0-1) and why (short reasons: the pattern, then how
    # the speaker was resolved); None in claims stored before they existed
    confidence: float | None = None
    reasons: tuple[str, ...] = ()

    @property
    def check_attribution(self) -> bool:
        """Should a person check who said it? (confidence below ATTRIBUTION_THRESHOLD)."""
        return attribution_doubtful(self.confidence)


# Below this confidence the desk and the exports say "check the attribution" (docs/decisions.md
# §20, calibrated on the development halves by bench/quotes.py and bench/quotes_fr.py).
ATTRIBUTION_THRESHOLD = 0.6


def attribution_doubtful(confidence: float | None) -> bool:
    """True when a quote's attribution confidence is known and below the threshold."""
    return confidence is not None and confidence < ATTRIBUTION_THRESHOLD


@dataclass(frozen=True, kw_only=True)
class TemporalClaim(ClaimBase):
    """A date, time, duration or set, with its TIMEX3 value, resolved against the
    publication date (`resolved`: earliest and latest day; `resolved_day`: the day)."""

    kind: ClassVar[str] = "temporal"
    timex_type: str
    value: str | None = None
    mod: str | None = None
    approximate: bool = False
    anchor: Mapping[str, Any] | None = None
    resolved: tuple[str, ...] | None = None
    resolved_day: str | None = None
    signal: Mapping[str, Any] | None = None
    role: str | None = None
    tense: str | None = None
    weekday: int | None = None
    problem: str | None = None


@dataclass(frozen=True, kw_only=True)
class FactualClaim(ClaimBase):
    """A statement about an office, a presidency, a membership, a mandate, a visit or a dated
    event: subject, predicate, object, at a date (`at`), with the words the text uses for each."""

    kind: ClassVar[str] = "factual"
    predicate: str
    subject: str | None = None
    object: str | None = None
    subject_span: tuple[int, int] | None = None
    object_span: tuple[int, int] | None = None
    at: str | None = None
    subject_text: str | None = None
    object_text: str | None = None
    cue: str | None = None
    resolved: bool = False
    of: str | None = field(default=None, metadata=_OMIT_NONE)
    of_span: tuple[int, int] | None = None  # in the JSON only with `of` (see to_json)
    former: bool = field(default=False, metadata=_OMIT_FALSY)
    place: str | None = field(default=None, metadata=_OMIT_FALSY)
    office_key: str | None = field(default=None, metadata=_OMIT_FALSY)
    # How `at` was chosen: "publication" (present tense: the article's date), "sentence" (a
    # title in a sentence that gives a past date: the title may also be today's), "statement"
    # (the sentence states the fact at that date: a copula, a presidency, a membership, a
    # mandate, a visit). Absent in claims made before it existed (read as "publication").
    dated_by: str | None = field(default=None, metadata=_OMIT_NONE)
    duration: str | None = field(default=None, metadata=_OMIT_NONE)   # a mandate's: "P1Y"
    qualifier: str | None = field(default=None, metadata=_OMIT_NONE)  # "non-permanent", "state visit"

    def to_json(self) -> JSON:
        out = super().to_json()
        if self.of is None:
            out.pop("of_span", None)
        return out


Claim = QuoteClaim | TemporalClaim | FactualClaim
_CLAIM_TYPES: dict[str, type[Any]] = {t.kind: t for t in (QuoteClaim, TemporalClaim, FactualClaim)}


def claim_from_json(data: Mapping[str, Any]) -> Claim:
    """The typed claim of a contract object (extra keys, such as a finding, are ignored)."""
    cls = _CLAIM_TYPES.get(str(data.get("kind")))
    if cls is None:
        raise ValueError(f"unknown claim kind {data.get('kind')!r} (one of {', '.join(CLAIM_KINDS)})")
    return cls.from_json(data)  # type: ignore[no-any-return]


# --------------------------------------------------------------------------------------------
# Findings
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Elapsed(_Contract):
    years: int
    months: int
    days: int


@dataclass(frozen=True, kw_only=True)
class Finding(_Contract):
    """What a check concluded about one claim: consistent | contradicted | partial |
    no_evidence, one sentence saying why, the evidence, and what the check measured on the way
    (the time elapsed for an anchored duration, whether a date is a prediction, the fidelity
    class of a quote)."""

    finding: str
    explanation: str
    evidence: tuple[Evidence, ...] = ()
    elapsed: Elapsed | None = field(default=None, metadata=_OMIT_NONE)
    prediction: bool | None = field(default=None, metadata=_OMIT_NONE)
    fidelity: str | None = field(default=None, metadata=_OMIT_NONE)

    def __post_init__(self) -> None:
        if self.finding not in SEVERITY:
            raise ValueError(f"unknown finding {self.finding!r} (one of {', '.join(FINDINGS)})")

    @property
    def severity(self) -> int:
        return SEVERITY[self.finding]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Finding:
        kw = cls._kwargs(data)
        kw["evidence"] = tuple(evidence_from_json(e) for e in data.get("evidence") or ())
        if data.get("elapsed") is not None:
            kw["elapsed"] = Elapsed(**data["elapsed"])
        return cls(**kw)


@dataclass(frozen=True)
class CheckedClaim:
    """A claim with its finding: the `check --format json` claim object."""

    claim: Claim
    result: Finding

    @property
    def finding(self) -> str:
        return self.result.finding

    @property
    def kind(self) -> str:
        return self.claim.kind

    def to_json(self) -> JSON:
        return self.claim.to_json() | self.result.to_json()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CheckedClaim:
        return cls(claim_from_json(data), Finding.from_json(data))
