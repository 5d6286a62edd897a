"""One finding per claim, from every check that has something to say about it.

The checks stay where they are (calendar: the calendar; knowledge: the knowledge base;
align: reference sources; precedents: earlier verdicts); this module runs them over the claims
of one document and keeps, for each claim, the most severe finding with its explanation and all
the evidence gathered. A claim that no check could test gets `no_evidence`, never a guess.
Pure: no database, no Streamlit."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from verifier.check.calendar import check_temporal
from verifier.check.knowledge import check_claims
from verifier.claims import (
    SEVERITY,
    CalendarEvidence,
    CheckedClaim,
    Claim,
    FactEvidence,
    FactualClaim,
    Finding,
    PrecedentEvidence,
    TemporalClaim,
    iso_day,
    ordered_evidence,
)
from verifier.extract.pipeline import extract_document_claims
from verifier.extract.temporal import Timex

if TYPE_CHECKING:
    from verifier.ingest import IngestedDocument
    from verifier.reference.kb import KnowledgeBase

_NOTHING_TO_CHECK = {
    "quote": "No reference source was given that could confirm or contradict this quote.",
    "temporal": "Nothing on record to check this date or duration against.",
    "factual": "The knowledge base has nothing on this subject.",
}

# A check over all claims of a document: the Finding of each claim it has something to say
# about, by claim index.
Results = dict[int, Finding]
Check = Callable[[Sequence[Claim], "IngestedDocument"], Results]


@dataclass
class CheckReport:
    """A checked document: its summary (title, language, ...; the shells add the store's id
    when it is saved) and every claim with its finding."""

    document: dict[str, Any]
    claims: list[CheckedClaim]
    sources: list[dict[str, Any]] = field(default_factory=list)

    def count(self, finding: str) -> int:
        return sum(1 for c in self.claims if c.finding == finding)

    @property
    def problems(self) -> list[CheckedClaim]:
        """Claims that stop publication: contradicted claims and altered quotes."""
        return [c for c in self.claims if c.finding == "contradicted"]

    @property
    def exit_code(self) -> int:
        return 1 if self.problems else 0

    def summary(self) -> dict[str, int]:
        return {f: self.count(f) for f in SEVERITY}  # most severe first

    def to_json(self) -> dict[str, Any]:
        """The `verifier check --format json` object."""
        return {"document": self.document, "claims": [c.to_json() for c in self.claims],
                "sources": self.sources, "summary": self.summary(),
                "ready_to_publish": not self.problems}

    as_dict = to_json


def temporal_check(claims: Sequence[Claim], doc: IngestedDocument) -> Results:
    idx = {(c.start, c.end): i for i, c in enumerate(claims) if isinstance(c, TemporalClaim)}
    timexes = [Timex.from_claim(claims[i]) for i in idx.values()]  # type: ignore[arg-type]
    out: Results = {}
    for f in check_temporal(timexes, published=doc.published):
        i = idx.get((f.start, f.end))
        if i is None:
            continue
        if f.finding == "resolved":  # the check's own resolution: not evidence (decisions §18)
            out[i] = Finding(finding="no_evidence", explanation=f.explanation)
        else:
            out[i] = Finding(finding=f.finding, explanation=f.explanation,
                             evidence=(CalendarEvidence(),))
    return out


def knowledge_check(kb: KnowledgeBase) -> Check:
    def run(claims: Sequence[Claim], doc: IngestedDocument) -> Results:
        checked = check_claims(claims, text=doc.text, published=doc.published, kb=kb,
                               lang=doc.language, analysis=doc.analysis)
        return {i: beyond_pack(c, f, kb, doc.published) for i, (c, f)
                in enumerate(zip(claims, checked, strict=True)) if f is not None}
    return run


def beyond_pack(claim: Claim, finding: Finding, kb: KnowledgeBase,
                published: date | None) -> Finding:
    """A factual claim dated after the end of the pack its evidence comes from (or, without
    evidence, after the end of a pack holding facts of the claim's kind) cannot be settled by that
    pack: "cannot confirm: the pack NAME ends on DAY" (no_evidence, evidence kept), never
    contradicted nor consistent (docs/facts-packs.md, docs/decisions.md §29)."""
    if not isinstance(claim, FactualClaim):
        return finding
    at = iso_day(claim.at) or published
    if at is None:
        return finding
    packs = {e.pack for e in finding.evidence if isinstance(e, FactEvidence) and e.pack} \
        or {f.pack for f in kb.facts if f.predicate == claim.predicate}
    ended = kb.beyond_coverage(at, packs)
    if ended is None:
        return finding
    return replace(finding, finding="no_evidence",
                   explanation=f"cannot confirm: the pack {ended.name} ends on "
                               f"{ended.ends()}, before {at} ({finding.explanation})")


def _precedents_only(f: Finding) -> bool:
    return bool(f.evidence) and all(isinstance(e, PrecedentEvidence) for e in f.evidence)


def combine(claims: Sequence[Claim], results: Sequence[Results]) -> list[CheckedClaim]:
    """Each claim with the most severe finding any check gave, all their evidence in the
    order of `claims.ordered_evidence` (alignments, facts and the calendar, then earlier
    verdicts), and what each check measured. Earlier verdicts on similar claims never set the
    finding: a finding resting on precedents alone counts as no_evidence, and its explanation
    is used only when no other check judged the claim. None of this depends on the order the
    checks ran in (ties between checks aside: the first one's explanation is kept)."""
    out = []
    for i, claim in enumerate(claims):
        got = [r[i] for r in results if i in r]
        if not got:
            out.append(CheckedClaim(claim, Finding(finding="no_evidence",
                                                   explanation=_NOTHING_TO_CHECK[claim.kind])))
            continue
        deciding = [g for g in got if not _precedents_only(g)]
        if deciding:
            worst = max(deciding, key=lambda g: g.severity)
        else:
            worst = replace(got[0], finding="no_evidence")
        merged = replace(worst, evidence=ordered_evidence(e for g in got for e in g.evidence),
                         elapsed=next((g.elapsed for g in got if g.elapsed), None),
                         prediction=next((g.prediction for g in got if g.prediction is not None), None),
                         fidelity=next((g.fidelity for g in got if g.fidelity), None))
        out.append(CheckedClaim(claim, merged))
    return out


def assess(doc: IngestedDocument, *, kb: KnowledgeBase | None = None,
           checks: Sequence[Check] = (), claims: Sequence[Claim] | None = None
           ) -> tuple[list[CheckedClaim], list[Claim]]:
    """(claims with findings, claims as extracted) for an ingested document; `claims` when
    they were extracted already (in a limited worker: verifier.sandbox)."""
    claims = list(claims) if claims is not None else extract_document_claims(doc, kb=kb)
    runs: list[Check] = [temporal_check]
    if kb is not None:
        runs.append(knowledge_check(kb))
    runs.extend(checks)
    return combine(claims, [run(claims, doc) for run in runs]), claims
