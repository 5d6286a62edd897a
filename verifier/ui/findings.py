"""The editor's view of a checked draft: claims grouped by how much they need fixing, each with
what to do. Pure: takes the `check` JSON object (or the `extract` one, before checking exists)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

ALTERED_CLASSES = {"altered", "spliced", "truncated", "translated", "not_found"}


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    fix: str
    severity: str  # "error" | "warning" | "info"
    claims: list[dict[str, Any]] = field(default_factory=list)


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


def _alignment_classes(claim: dict[str, Any]) -> set[str]:
    classes = set()
    for ev in claim.get("evidence") or []:
        detail = ev.get("detail") or {}
        cls = detail.get("class") if isinstance(detail, dict) else None
        if cls:
            classes.add(str(cls))
    return classes


def group_of(claim: dict[str, Any]) -> str | None:
    """Which group a claim belongs to (its worst problem), or None when nothing to fix."""
    finding = claim.get("finding")
    if claim.get("kind") == "quote":
        classes = _alignment_classes(claim)
        if classes & (ALTERED_CLASSES - {"not_found"}) or finding in ("contradicted", "partial"):
            return "altered"
        if claim.get("anonymous"):
            return "anonymous"
    if finding == "contradicted":
        return "contradicted"
    if finding in (None, "no_evidence"):
        return "unsourced"
    return None


def group_findings(claims: Sequence[dict[str, Any]]) -> list[Group]:
    groups = {key: Group(key, title, fix, sev) for key, title, sev, fix in GROUPS}
    for claim in claims:
        key = group_of(claim)
        if key is not None:
            groups[key].claims.append(claim)
    return [groups[key] for key, *_ in GROUPS]


def is_ready(result: dict[str, Any]) -> bool:
    """Ready to publish: nothing contradicted and no altered quote (the CLI's exit 0). The
    checker's own flag (`ready_to_publish`, from api.CheckReport) wins when it gives one."""
    for key in ("ready_to_publish", "ready"):
        if isinstance(result.get(key), bool):
            return bool(result[key])
    return not any(group_of(c) in ("contradicted", "altered") for c in result.get("claims") or [])
