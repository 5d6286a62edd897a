"""The editor's view of a checked draft: claims grouped by how much they need fixing, each with
what to do, in the interface's language (verifier/ui/i18n.py). Takes the typed report
(`services.CheckReport`, whose claims are `claims.CheckedClaim`s)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from verifier.claims import CheckedClaim, PassageEvidence, QuoteClaim, attribution_doubtful
from verifier.ui.highlight import Note
from verifier.ui.i18n import N_, _

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
    ("contradicted", N_("Contradicted by the sources"), "error",
     N_("Correct the claim to match the evidence, or cite the source that supports it.")),
    ("altered", N_("Altered quotes"), "error",
     N_("Quote the speaker's exact words from the source (see the word differences), or turn "
        "the sentence into indirect speech.")),
    ("anonymous", N_("Anonymous quotes"), "warning",
     N_("Name the speaker, or say why they cannot be named and how the newsroom verified "
        "them.")),
    ("unsourced", N_("Unsourced claims"), "info",
     N_("Add a source (a link, a document, a named person) or check the claim against one.")),
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
    groups = {key: Group(key, _(title), _(fix), sev) for key, title, sev, fix in GROUPS}
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

KIND_WORDS = {"quote": N_("quote"), "temporal": N_("date or duration"), "factual": N_("fact")}
GROUP_HEADS = {"contradicted": N_("Contradicted"), "altered": N_("Quote not as the source has it"),
               "anonymous": N_("Anonymous quote"), "unsourced": N_("No evidence found")}
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
        return icon + " " + _("Misattributed quote")
    if key in ("altered", "anonymous"):
        return icon + " " + _(GROUP_HEADS[key])
    if key == "unsourced" and checked.kind == "quote":
        return icon + " " + _("No source holds this quote")
    label = _(FINDING_LABELS.get(checked.finding, FINDING_LABELS[None]))
    kind = _(KIND_WORDS[checked.kind]) if checked.kind in KIND_WORDS else checked.kind
    return f"{icon} {label} · {kind}"


def speaker(claim: QuoteClaim) -> str:
    """Who the quote is given to: "Nasser Bourita", "le ministre (Nasser Bourita)"."""
    who = claim.speaker or _("nobody named")
    if claim.reference and claim.reference.casefold() not in who.casefold():
        who += f" ({claim.reference})"
    return who


def speaker_line(claim: QuoteClaim, *, headline: bool = False) -> str:
    """Who the quote is given to, as the note says it."""
    who = speaker(claim)
    line = (_("In the headline, said by {who}") if headline else _("Said by {who}")).format(who=who)
    if attribution_doubtful(claim.confidence):
        line += " — " + _("check the attribution")
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
            fix = _(next(f for k, _t, _s, f in GROUPS if k == key))
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
