"""The editor's view of a checked draft: claims grouped by how much they need fixing, each with
what to do. Pure: takes the typed report (`services.CheckReport`, whose claims are
`claims.CheckedClaim`s)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from verifier.claims import CheckedClaim, PassageEvidence, QuoteClaim

if TYPE_CHECKING:
    from verifier.services import CheckReport

ALTERED_CLASSES = {"altered", "spliced", "truncated", "translated", "not_found"}


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    fix: str
    severity: str  # "error" | "warning" | "info"
    claims: list[CheckedClaim] = field(default_factory=list)


GROUPS = (
    ("contradicted", "Contradicted by the sources", "error",
     "Correct the claim to match the evidence, or cite the source that supports it."),
    ("altered", "Altered quotes", "error",
     "Quote the speaker's exact words from the source (see the word differences), or turn the "
     "sentence into indirect speech."),
    ("anonymous", "Anonymous quotes", "warning",
     "Name the speaker, or say why they cannot be named and how the newsroom verified them."),
    ("unsourced", "Unsourced claims", "info",
     "Add a source (a link, a document, a named person) or check the claim against one."),
)


def _alignment_classes(checked: CheckedClaim) -> set[str]:
    """The fidelity classes of the source passages the quote was aligned with."""
    return {ev.cls for ev in checked.result.evidence if isinstance(ev, PassageEvidence)}


def group_of(checked: CheckedClaim) -> str | None:
    """Which group a claim belongs to (its worst problem), or None when nothing to fix."""
    finding = checked.finding
    if isinstance(checked.claim, QuoteClaim):
        if (_alignment_classes(checked) & (ALTERED_CLASSES - {"not_found"})
                or finding in ("contradicted", "partial")):
            return "altered"
        if checked.claim.anonymous:
            return "anonymous"
    if finding == "contradicted":
        return "contradicted"
    if finding == "no_evidence":
        return "unsourced"
    return None


def group_findings(claims: Sequence[CheckedClaim]) -> list[Group]:
    groups = {key: Group(key, title, fix, sev) for key, title, sev, fix in GROUPS}
    for checked in claims:
        key = group_of(checked)
        if key is not None:
            groups[key].claims.append(checked)
    return [groups[key] for key, *_ in GROUPS]


def is_ready(report: CheckReport) -> bool:
    """Ready to publish: the checker's own verdict (nothing contradicted: `CheckReport.problems`
    is empty, the CLI's exit 0 and the JSON's `ready_to_publish`)."""
    return not report.problems
