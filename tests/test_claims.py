"""The typed contract (verifier/claims.py): one evidence shape in memory and in the store, on
SQLite and PostgreSQL, and refusals of values outside the contract."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from verifier.check.assess import assess
from verifier.check.quotes import quote_check
from verifier.claims import (
    AlignedPart,
    DiffOp,
    Finding,
    PassageEvidence,
    QuoteClaim,
    claim_from_json,
    evidence_from_json,
)
from verifier.db import documents
from verifier.db.models import Claim, Evidence
from verifier.db.store import Store
from verifier.ingest import ingest_path
from verifier.reference.kb import demo_knowledge_base

DATA = Path(__file__).parent / "data"


def test_stored_evidence_is_the_evidence_that_was_checked(store: Store) -> None:
    """Check the seed against a source (passage, fact and calendar evidence), store it, read
    the rows back: the same typed evidence, the same claims."""
    doc = ingest_path(DATA / "seed-maroc-russie-fr.txt")
    source = ingest_path(DATA / "contract" / "source-moscou.txt")
    checked, _ = assess(doc, kb=demo_knowledge_base(), checks=[quote_check([source])])
    kinds = {e.kind for c in checked for e in c.result.evidence}
    assert {"passage", "fact", "calendar"} <= kinds
    with store.write() as session:
        row, _ = documents.store_document(session=session, ingested=doc, actor="t")
        documents.replace_claims(session=session, document=row, claims=checked, actor="t")
    with store.read() as session:
        rows = documents.document_claims(session=session, document_id=row.id)  # type: ignore[arg-type]
        stored = {}
        for r in rows:
            ev = session.exec(select(Evidence).where(Evidence.claim_id == r.id)
                              .order_by(Evidence.id)).all()  # type: ignore[arg-type]
            stored[(r.start, r.end, r.kind)] = (documents.claim_contract(r),
                                                 [documents.evidence_of(e) for e in ev], r)
    for c in checked:
        claim, evidence, r = stored[(c.claim.start, c.claim.end, c.kind)]
        assert claim == c.claim
        assert evidence == list(c.result.evidence)
        assert r.finding == c.finding and r.explanation == c.result.explanation


def test_altered_quote_keeps_its_diff_through_the_store(store: Store) -> None:
    doc = ingest_path(DATA / "seed-maroc-russie-fr.txt")
    source = ingest_path(DATA / "contract" / "source-moscou.txt")
    checked, _ = assess(doc, kb=None, checks=[quote_check([source])])
    (altered,) = [c for c in checked if c.result.fidelity == "altered"]
    ev = altered.result.evidence[0]
    assert isinstance(ev, PassageEvidence)
    assert DiffOp("+", "digne de confiance") in ev.diff
    with store.write() as session:
        row, _ = documents.store_document(session=session, ingested=doc, actor="t")
        documents.replace_claims(session=session, document=row, claims=[altered], actor="t")
    with store.read() as session:
        claim = session.exec(select(Claim)).one()
        (stored,) = session.exec(select(Evidence).where(Evidence.claim_id == claim.id)).all()
    back = documents.evidence_of(stored)
    assert back == ev and back.to_json() == ev.to_json()
    assert claim.attrs and claim.attrs["fidelity"] == "altered"


@pytest.mark.parametrize("bad", [
    {"kind": "opinion", "text": "x", "start": 0, "end": 1},
    {"text": "x", "start": 0, "end": 1},
])
def test_unknown_claim_kind_is_refused(bad: dict) -> None:
    with pytest.raises(ValueError, match="unknown claim kind"):
        claim_from_json(bad)


def test_unknown_finding_evidence_and_diff_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown finding"):
        Finding(finding="probably", explanation="?")
    with pytest.raises(ValueError, match="unknown evidence kind"):
        evidence_from_json({"kind": "rumour"})
    with pytest.raises(ValueError, match="unknown diff operation"):
        DiffOp.from_json(["~", "x"])


def test_claims_are_immutable() -> None:
    q = QuoteClaim(text="x", start=0, end=1)
    with pytest.raises(AttributeError):
        q.text = "y"  # type: ignore[misc]
    assert AlignedPart(quote="a", source_start=0, source_end=1).to_json() == {
        "quote": "a", "source_start": 0, "source_end": 1}
