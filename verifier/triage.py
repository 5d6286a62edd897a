"""Which claims need a person most: the review desk's order and its groups (docs/decisions.md
§27). Pure: a typed claim, its finding and its evidence in; one group out.

A claim goes to the first group it qualifies for, in this order:

    contradicted   the facts or the calendar contradict it (a quote's own problems have the
                   two groups below)
    altered        a quote whose words differ from the source's (altered, spliced, truncated,
                   translated), or a quote the alignment did not confirm in full
    misattributed  a quote the source gives to someone else
    attribution    a quote whose attribution confidence is below claims.ATTRIBUTION_THRESHOLD
                   ("check the attribution")
    partial        partly supported
    no_evidence    nothing outside the text judged it (or it was never checked)
    consistent     the evidence agrees
    routine        not a claim at all: see `is_routine`; hidden on the desk unless asked for

`is_routine`: a checked temporal expression that is neither contradicted nor partly supported
(a claim stored without any check is not routine: nothing looked at it), that no fact or source
passage speaks to, that is not a duration counted from an event ("huit ans
après la signature") nor any other duration: the dateline, "actuellement", "l'avenir"
(PRESENT_REF, FUTURE_REF, PAST_REF), a weekday the calendar agrees with or the publication
date resolved ("ce jeudi"), a century. A date alone states nothing a person can check: what
happened on it is a factual claim, which the factual extractor makes; and when the calendar
finds a date wrong (a weekday that does not fit, a dateline that is not the publication date,
"31 février") the claim is contradicted, never routine.
"""
from __future__ import annotations

from collections.abc import Iterable

from verifier.claims import (
    Claim,
    Evidence,
    FactEvidence,
    PassageEvidence,
    QuoteClaim,
    TemporalClaim,
    attribution_doubtful,
)

# The desk's order: the first groups need a person most.
GROUPS = ("contradicted", "altered", "misattributed", "attribution", "partial", "no_evidence",
          "consistent", "routine")
RANK = {g: i for i, g in enumerate(GROUPS)}
LABELS = {"contradicted": "Contradicted", "altered": "Altered quotes",
          "misattributed": "Misattributed", "attribution": "Check the attribution",
          "partial": "Partly supported", "no_evidence": "No evidence",
          "consistent": "Consistent", "routine": "Routine"}
# The groups that are a problem to fix, not only something to read.
PROBLEMS = ("contradicted", "altered", "misattributed", "attribution")

# Fidelity classes of an alignment where the words are not the source's.
ALTERED_CLASSES = frozenset(("altered", "spliced", "truncated", "translated"))
VAGUE_REFERENCES = frozenset(("PRESENT_REF", "FUTURE_REF", "PAST_REF"))


def is_routine(claim: Claim, finding: str | None, evidence: Iterable[Evidence] = ()) -> bool:
    """True for a temporal expression with nothing for a person to check (module docstring)."""
    if not isinstance(claim, TemporalClaim):
        return False
    if finding is None or finding in ("contradicted", "partial"):  # None: never checked
        return False
    if any(isinstance(ev, FactEvidence | PassageEvidence) for ev in evidence):
        return False
    if claim.anchor or claim.timex_type == "DURATION":
        return False
    return True


def group(claim: Claim, finding: str | None, evidence: Iterable[Evidence] = ()) -> str:
    """The claim's group (one of GROUPS): the first it qualifies for."""
    evidence = tuple(evidence)
    passages = [ev for ev in evidence if isinstance(ev, PassageEvidence)]
    quote = isinstance(claim, QuoteClaim)
    misattributed = quote and any(p.misattributed for p in passages)
    altered = quote and (any(p.cls in ALTERED_CLASSES for p in passages)
                         or (finding in ("contradicted", "partial") and not misattributed))
    if finding == "contradicted" and not (altered or misattributed):
        return "contradicted"
    if altered:
        return "altered"
    if misattributed:
        return "misattributed"
    if isinstance(claim, QuoteClaim) and attribution_doubtful(claim.confidence):
        return "attribution"
    if finding == "partial":
        return "partial"
    if is_routine(claim, finding, evidence):
        return "routine"
    if finding in (None, "no_evidence"):
        return "no_evidence"
    return "consistent"
