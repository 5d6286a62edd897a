"""One finding per claim, from every check that has something to say about it.

The checks stay where they are (temporal_checks: the calendar; checks: the knowledge base;
match: reference sources; precedents: earlier verdicts); this module runs them over the claims
of one document and keeps, for each claim, the most severe finding with its explanation and all
the evidence gathered. A claim that no check could test gets `no_evidence`, never a guess.
Pure: no database, no Streamlit."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from verifier.check.calendar import check_temporal
from verifier.check.knowledge import check_claims
from verifier.extract.pipeline import extract_document_claims
from verifier.extract.temporal import Timex

if TYPE_CHECKING:
    from verifier.ingest import IngestedDocument
    from verifier.reference.facts import KnowledgeBase

SEVERITY = {"contradicted": 3, "partial": 2, "consistent": 1, "no_evidence": 0}
FINDINGS = tuple(SEVERITY)

_NOTHING_TO_CHECK = {
    "quote": "No reference source was given that could confirm or contradict this quote.",
    "temporal": "Nothing on record to check this date or duration against.",
    "factual": "The knowledge base has nothing on this subject.",
}

# A check over all claims of a document: returns, per claim index, (finding, explanation,
# evidence list, extra fields) or nothing.
Verdicts = dict[int, tuple[str, str, list[dict[str, Any]], dict[str, Any]]]
Check = Callable[[list[dict[str, Any]], "IngestedDocument"], Verdicts]


@dataclass
class CheckReport:
    document: dict[str, Any]
    claims: list[dict[str, Any]]
    sources: list[dict[str, Any]] = field(default_factory=list)

    def count(self, finding: str) -> int:
        return sum(1 for c in self.claims if c.get("finding") == finding)

    @property
    def problems(self) -> list[dict[str, Any]]:
        """Claims that stop publication: contradicted claims and altered quotes."""
        return [c for c in self.claims if c.get("finding") == "contradicted"]

    @property
    def exit_code(self) -> int:
        return 1 if self.problems else 0

    def as_dict(self) -> dict[str, Any]:
        summary = {f: self.count(f) for f in FINDINGS}
        return {"document": self.document, "claims": self.claims, "sources": self.sources,
                "summary": summary, "ready_to_publish": not self.problems}


def temporal_check(claims: list[dict[str, Any]], doc: IngestedDocument) -> Verdicts:
    idx = {(c["start"], c["end"]): i for i, c in enumerate(claims) if c["kind"] == "temporal"}
    timexes = [Timex.from_claim(claims[i]) for i in idx.values()]
    out: Verdicts = {}
    for f in check_temporal(timexes, published=doc.published):
        i = idx.get((f.start, f.end))
        if i is not None:
            out[i] = (f.finding, f.explanation, [{"kind": "calendar", "method": "calendar"}], {})
    return out


def knowledge_check(kb: KnowledgeBase) -> Check:
    def run(claims: list[dict[str, Any]], doc: IngestedDocument) -> Verdicts:
        checked = check_claims(claims, text=doc.text, published=doc.published, kb=kb,
                               lang=doc.language, analysis=doc.analysis)
        out: Verdicts = {}
        for i, (before, after) in enumerate(zip(claims, checked, strict=True)):
            if "finding" in after:
                extra = {k: v for k, v in after.items()
                         if k not in before and k not in ("finding", "explanation", "evidence")}
                out[i] = (after["finding"], after["explanation"], list(after.get("evidence") or []), extra)
        return out
    return run


def combine(claims: list[dict[str, Any]], results: Sequence[Verdicts]) -> list[dict[str, Any]]:
    """Each claim with the most severe finding any check gave, and all their evidence."""
    out = []
    for i, claim in enumerate(claims):
        got = [r[i] for r in results if i in r]
        claim = dict(claim)
        if got:
            finding, explanation, _, _ = max(got, key=lambda g: SEVERITY[g[0]])
            claim["finding"], claim["explanation"] = finding, explanation
            claim["evidence"] = [e for g in got for e in g[2]]
            for g in got:
                claim.update(g[3])
        else:
            claim["finding"] = "no_evidence"
            claim["explanation"] = _NOTHING_TO_CHECK[claim["kind"]]
            claim["evidence"] = []
        out.append(claim)
    return out


def assess(doc: IngestedDocument, *, kb: KnowledgeBase | None = None,
           checks: Sequence[Check] = ()) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(claims with findings, claims as extracted) for an ingested document."""
    claims = extract_document_claims(doc, kb=kb)
    runs: list[Check] = [temporal_check]
    if kb is not None:
        runs.append(knowledge_check(kb))
    runs.extend(checks)
    return combine(claims, [run(claims, doc) for run in runs]), claims
