"""The desk's triage (verifier/triage.py, docs/decisions.md §27): which group a claim belongs
to, routine items, and the queue's order and counts in the store (SQLite and PostgreSQL)."""
from __future__ import annotations

import pytest

from verifier import services, triage
from verifier.claims import (
    ATTRIBUTION_THRESHOLD,
    CalendarEvidence,
    FactEvidence,
    PassageEvidence,
    QuoteClaim,
    TemporalClaim,
)
from verifier.services import QueueFilters

from .test_ui_support import make_store

FATIMA = services.Principal("fatima", "fact-checker", "ui")


def date_claim(text: str = "ce jeudi", value: str = "2025-10-16", **kw: object) -> TemporalClaim:
    return TemporalClaim(text=text, start=0, end=len(text), timex_type=str(kw.pop("timex_type", "DATE")),
                         value=value, **kw)  # type: ignore[arg-type]


FACT = FactEvidence(fact_id=1, pack="demo", subject="s", predicate="event", object=None,
                    valid_from="2016-03-15", valid_to=None, source_title=None, source_url=None,
                    score=100.0, method="kb.when")


def passage(cls: str, misattributed: bool = False) -> PassageEvidence:
    return PassageEvidence(source_title="s", source_url=None, source_sha256=None, start=0, end=5,
                           score=90.0, method="align", cls=cls, misattributed=misattributed)


@pytest.mark.parametrize("claim, finding, evidence, group", [
    # Routine: nothing for a person to check.
    (date_claim("jeudi, octobre 16, 2025", role="dateline", weekday=3), "consistent",
     (CalendarEvidence(),), "routine"),
    (date_claim("actuellement", "PRESENT_REF", timex_type="TIME"), "no_evidence", (), "routine"),
    (date_claim("l’avenir", "FUTURE_REF", timex_type="TIME"), "no_evidence", (), "routine"),
    (date_claim("ce jeudi"), "no_evidence", (), "routine"),
    (date_claim("XXIe siècle", "20XX"), "no_evidence", (), "routine"),
    # ... but never a date the calendar finds wrong, one a fact speaks to, or a duration.
    (date_claim("jeudi, octobre 15, 2025", "2025-10-15", role="dateline"), "contradicted",
     (CalendarEvidence(),), "contradicted"),
    (date_claim("mardi 16 octobre 2025", weekday=1), "contradicted", (CalendarEvidence(),),
     "contradicted"),
    (date_claim("la fin du mois", "2025-10"), "consistent", (FACT,), "consistent"),
    (date_claim("huit ans", "P8Y", timex_type="DURATION",
                anchor={"text": "la signature", "relation": "AFTER"}), "no_evidence", (),
     "no_evidence"),
    (date_claim("trois ans", "P3Y", timex_type="DURATION"), "no_evidence", (), "no_evidence"),
    (date_claim("le 16 mars 2016", "2016-03-16"), "partial", (FACT,), "partial"),
])
def test_temporal_groups_and_the_routine_rule(claim: TemporalClaim, finding: str,
                                              evidence: tuple, group: str) -> None:
    assert triage.group(claim, finding, evidence) == group
    assert triage.is_routine(claim, finding, evidence) == (group == "routine")


def test_quote_groups_in_the_order_a_person_needs_them() -> None:
    quote = QuoteClaim(text="« x »", start=0, end=5, speaker="A", confidence=0.9)
    doubtful = QuoteClaim(text="« x »", start=0, end=5, speaker="A",
                          confidence=ATTRIBUTION_THRESHOLD - 0.1)
    assert triage.group(quote, "contradicted", (passage("altered"),)) == "altered"
    assert triage.group(quote, "partial", (passage("truncated"),)) == "altered"
    assert triage.group(quote, "contradicted", (passage("verbatim", True),)) == "misattributed"
    # Words and speaker both wrong: the words come first.
    assert triage.group(quote, "contradicted", (passage("altered", True),)) == "altered"
    assert triage.group(doubtful, "consistent", (passage("verbatim"),)) == "attribution"
    assert triage.group(doubtful, "contradicted", (passage("verbatim", True),)) == "misattributed"
    assert triage.group(quote, "consistent", (passage("verbatim"),)) == "consistent"
    assert triage.group(quote, "no_evidence", (passage("not_found"),)) == "no_evidence"
    assert triage.group(quote, None) == "no_evidence"
    assert triage.group(date_claim("ce jeudi"), None) == "no_evidence"  # never checked
    assert [triage.RANK[g] for g in ("contradicted", "altered", "misattributed", "attribution",
                                     "partial", "no_evidence", "consistent", "routine")] == \
        list(range(8))


@pytest.fixture
def seeded_store(db_url: str):  # type: ignore[no-untyped-def]
    return make_store(db_url)


def test_the_queue_starts_with_the_contradiction_and_hides_the_routine(seeded_store) -> None:  # type: ignore[no-untyped-def]
    store = seeded_store.store
    rows = services.load_queue(FATIMA, QueueFilters(statuses=("unreviewed",)), db=store)
    assert [(r.group, r.claim.text[:24]) for r in rows[:3]] == [
        ("contradicted", "huit ans"), ("altered", "Nous considérons la Russ"),
        ("misattributed", "Nous voulons que ce part")]
    ranks = [triage.RANK[r.group] for r in rows]
    assert ranks == sorted(ranks)
    texts = {r.claim.text for r in rows}
    routine = {"jeudi, octobre 16, 2025", "ce jeudi", "actuellement", "l’avenir", "XXIᵉ siècle"}
    assert not texts & routine
    every = services.load_queue(FATIMA, QueueFilters(statuses=("unreviewed",), show_routine=True),
                                db=store)
    assert {r.claim.text for r in every if r.group == "routine"} == routine
    assert [r.group for r in every[-len(routine):]] == ["routine"] * len(routine)
    assert services.load_queue(FATIMA, QueueFilters(groups=("routine",)), db=store) == [
        r for r in every if r.group == "routine"]
    counts = services.triage_counts(FATIMA, db=store)
    assert counts == {"contradicted": 1, "altered": 1, "misattributed": 1, "attribution": 0,
                      "partial": 0, "no_evidence": 4, "consistent": 4, "routine": 5}
    # Reviewing a claim takes it out of the counts (they count what is left to review).
    huit = rows[0].claim
    services.review.record_verdict(FATIMA, huit.id, verdict="False", note=None,
                                   seen_version=huit.version, db=store)
    assert services.triage_counts(FATIMA, db=store)["contradicted"] == 0
