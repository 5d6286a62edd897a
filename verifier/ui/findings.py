"""The editor's view of a checked draft: claims grouped by how much they need fixing, each with
what to do. Pure: takes the typed report (`services.CheckReport`, whose claims are
`claims.CheckedClaim`s)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from verifier.claims import CheckedClaim, PassageEvidence, QuoteClaim, attribution_doubtful
from verifier.ui.highlight import Note

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


# --- margin notes -------------------------------------------------------------------------------

KIND_WORDS = {"quote": "quote", "temporal": "date or duration", "factual": "fact"}
GROUP_HEADS = {"contradicted": "Contradicted", "altered": "Quote not as the source has it",
               "anonymous": "Anonymous quote", "unsourced": "No evidence found"}
WHY_LIMIT = 240


def _short(text: str, limit: int = WHY_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _misattributed(checked: CheckedClaim) -> bool:
    return any(isinstance(ev, PassageEvidence) and ev.misattributed
               for ev in checked.result.evidence)


def note_head(checked: CheckedClaim) -> str:
    """ "✗ Contradicted · date or duration", "✗ Misattributed quote", "✓ Consistent · fact"."""
    from verifier.ui.widgets import FINDING_ICONS, FINDING_LABELS

    key = group_of(checked)
    icon = FINDING_ICONS.get(checked.finding, "·")
    if key == "altered" and _misattributed(checked):
        return f"{icon} Misattributed quote"
    if key in ("altered", "anonymous"):
        return f"{icon} {GROUP_HEADS[key]}"
    if key == "unsourced" and checked.kind == "quote":
        return f"{icon} No source holds this quote"
    label = FINDING_LABELS.get(checked.finding, "Not checked")
    return f"{icon} {label} · {KIND_WORDS.get(checked.kind, checked.kind)}"


def speaker_line(claim: QuoteClaim, *, headline: bool = False) -> str:
    """Who the quote is given to, as the note says it."""
    who = claim.speaker or "nobody named"
    if claim.reference and claim.reference.casefold() not in who.casefold():
        who += f" ({claim.reference})"
    line = ("In the headline, said by " if headline else "Said by ") + who
    if attribution_doubtful(claim.confidence):
        line += " — check the attribution"
    return line


def note_for(number: int, checked: CheckedClaim, fix: str | None, *,
             headline: bool = False) -> Note:
    """The margin note of a claim, short: a problem (contradicted, altered or misattributed,
    anonymous) says what to fix (the claim's own fix, else its group's) and, for a quote, who
    said it; a claim with no evidence or a consistent one is one line (its explanation is the
    note's tooltip), plus the speaker of a quote. Everything is in the evidence below."""
    key = group_of(checked)
    explanation = _short(checked.result.explanation or "")
    lines: list[str] = []
    if isinstance(checked.claim, QuoteClaim):
        lines.append(speaker_line(checked.claim, headline=headline))
    if key in ("contradicted", "altered", "anonymous"):
        if fix is None:
            fix = next(f for k, _, _, f in GROUPS if k == key)
            lines.append(explanation)
        return Note(number, checked.claim.start, checked.claim.end, note_head(checked),
                    checked.finding, fix, tuple(lines))
    return Note(number, checked.claim.start, checked.claim.end, note_head(checked),
                checked.finding, None, tuple(lines), tip=explanation)


def headline_span(text: str, title: str | None) -> tuple[int, int] | None:
    """Where the document's title line is in its text (None when the title is not in it, as
    for an HTML page's <title>)."""
    if not title:
        return None
    at = text.find(title, 0, 2_000)
    return (at, at + len(title)) if at >= 0 else None


def headline_quotes(report: CheckReport, text: str) -> list[CheckedClaim]:
    """The quotes of the title line (with their speaker: extract/headline.py)."""
    span = headline_span(text, report.document.get("title"))
    if span is None:
        return []
    return [c for c in report.claims if isinstance(c.claim, QuoteClaim)
            and span[0] <= c.claim.start and c.claim.end <= span[1]]
