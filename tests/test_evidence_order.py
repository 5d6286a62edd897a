"""Evidence a fact-checker can trust: the alignment first, earlier verdicts last and labelled
"similar claim, not identical" with the differing words, every score 0-100 (issue 11)."""
from __future__ import annotations

import io
import json
import time
from collections.abc import Sequence

import pytest
from sqlmodel import select

from verifier.check.assess import combine, knowledge_check, temporal_check
from verifier.claims import (
    SIMILAR_CLAIM_LABEL,
    CalendarEvidence,
    Claim,
    DiffOp,
    FactEvidence,
    FactualClaim,
    Finding,
    PassageEvidence,
    PrecedentDetail,
    PrecedentEvidence,
    QuoteClaim,
    evidence_from_json,
    ordered_evidence,
)
from verifier.db.documents import evidence_of, evidence_row
from verifier.db.models import Claim as ClaimRow
from verifier.db.models import Document
from verifier.db.models import Evidence as EvidenceRow
from verifier.db.queue import claim_evidence
from verifier.db.records import ExportFilters, iter_records
from verifier.ingest import IngestedDocument, ingest_bytes
from verifier.reference.kb import demo_knowledge_base
from verifier.reference.precedents import compare_claims
from verifier.report import export
from verifier.report.tabular import read_csv

from .conftest import SEED

QUOTE = QuoteClaim(text="« Nous considérons la Russie comme un partenaire »", start=0, end=51)


def passage(score: float | None, title: str = "transcript") -> PassageEvidence:
    return PassageEvidence(source_title=title, source_url=None, source_sha256=None, start=0,
                           end=10, score=score, method="align", cls="altered")


def fact(subject: str, score: float = 100.0) -> FactEvidence:
    return FactEvidence(fact_id=None, pack="demo", subject=subject, predicate="event", object=None,
                        valid_from="2016-03-15", valid_to=None, source_title="kb", source_url=None,
                        score=score, method="kb.when")


def precedent(score: float, text: str = "Nous considérons la Russie comme un allié",
              query: str | None = None) -> PrecedentEvidence:
    from verifier.reference.precedents import Hit, precedent_evidence

    return precedent_evidence(Hit(precedent_id=1, claim_id=None, score=score, verdict="False",
                                  url="https://factcheck.example/1", date=None, text=text),
                              query=query)


def check_giving(result: dict[int, Finding]):  # type: ignore[no-untyped-def]
    def run(claims: Sequence[Claim], doc: IngestedDocument) -> dict[int, Finding]:
        return result
    return run


# --- the order ------------------------------------------------------------------------------


def test_combine_puts_the_alignment_first_though_the_precedents_ran_first() -> None:
    earlier = Finding(finding="no_evidence", explanation="similar claim, checked before",
                      evidence=(precedent(84.0), precedent(91.0)))
    aligned = Finding(finding="contradicted", explanation="The quote is altered.",
                      evidence=(passage(60.0, "weak"), passage(88.5, "strong")), fidelity="altered")
    facts = Finding(finding="consistent", explanation="The fact holds.",
                    evidence=(fact("second"), fact("first", 90.0), CalendarEvidence()))
    got = combine([QUOTE], [{0: earlier}, {0: facts}, {0: aligned}])[0].result
    assert [type(e).__name__ for e in got.evidence] == [
        "PassageEvidence", "PassageEvidence", "FactEvidence", "FactEvidence", "CalendarEvidence",
        "PrecedentEvidence", "PrecedentEvidence"]
    assert [e.source_title for e in got.evidence[:2]] == ["strong", "weak"]  # best first
    assert [e.subject for e in got.evidence[2:4]] == ["second", "first"]  # as the check gave them
    assert [e.score for e in got.evidence[5:]] == [91.0, 84.0]
    assert (got.finding, got.explanation, got.fidelity) == ("contradicted",
                                                           "The quote is altered.", "altered")
    # Any order of the checks gives the same evidence, finding and explanation.
    again = combine([QUOTE], [{0: aligned}, {0: earlier}, {0: facts}])[0].result
    assert again == got


def test_precedents_never_set_the_finding() -> None:
    # A check that (wrongly) judges a claim on earlier verdicts alone does not decide it.
    loud = Finding(finding="contradicted", explanation="checked before: False",
                   evidence=(precedent(95.0),))
    alone = combine([QUOTE], [{0: loud}])[0].result
    assert alone.finding == "no_evidence" and alone.explanation == "checked before: False"
    quiet = Finding(finding="no_evidence", explanation="No reference source had the quote.",
                    evidence=(passage(12.0),))
    both = combine([QUOTE], [{0: loud}, {0: quiet}])[0].result
    assert (both.finding, both.explanation) == ("no_evidence", "No reference source had the quote.")
    assert [e.kind for e in both.evidence] == ["passage", "precedent"]


def test_ordered_evidence_puts_unscored_alignments_after_scored_ones() -> None:
    items = (precedent(99.0), passage(None, "translated"), fact("f"), passage(70.0, "aligned"))
    assert [getattr(e, "source_title", None) for e in ordered_evidence(items)][:2] == [
        "aligned", "translated"]
    assert ordered_evidence(items)[-1].kind == "precedent"


# --- same claim, or a similar one ------------------------------------------------------------


def test_same_words_whatever_the_case_spaces_punctuation_and_quotation_marks() -> None:
    same, diff = compare_claims("Nous considérons la Russie comme un partenaire proche.",
                                "« nous  considérons la Russie, comme un partenaire proche »")
    assert same and diff == ()
    same, diff = compare_claims("l’accord a été signé", "L'accord a été signé !")
    assert same and diff == ()
    same, _ = compare_claims("il a été élu", "il a ete elu")  # accents count
    assert not same


def test_similar_claim_carries_its_differing_words_and_label() -> None:
    ev = precedent(88.0, text="Nous considérons la Russie comme un allié fiable",
                   query="« Nous considérons la Russie comme un partenaire digne de confiance »")
    assert ev.similarity == "similar" and not ev.identical and ev.label == SIMILAR_CLAIM_LABEL
    assert [d.to_json() for d in ev.diff] == [
        ["=", "Nous considérons la Russie comme un"], ["-", "allié fiable"],
        ["+", "partenaire digne de confiance"]]
    assert ev.changed_words() == ["allié fiable", "partenaire digne de confiance"]
    assert ev.detail.explanation == (
        "similar claim, not identical (words differ: allié fiable / partenaire digne de "
        "confiance), checked before: False, https://factcheck.example/1")
    same = precedent(97.0, text="Nous considérons la Russie.", query="« nous considérons la russie »")
    assert same.identical and same.label == "same claim" and same.diff == ()
    assert same.detail.explanation == "same claim, checked before: False, https://factcheck.example/1"
    blind = precedent(90.0)  # nothing to compare with: never called identical
    assert blind.similarity == "similar" and blind.diff == ()


def test_the_word_diff_of_long_texts_is_bounded_and_rebuilds_both_texts() -> None:
    words = [f"mot{i}" for i in range(20_000)]
    earlier = " ".join(["Le"] + words)
    claim = " ".join(["La"] + words[:10_000] + ["inséré"] + words[10_000:])
    started = time.perf_counter()
    same, diff = compare_claims(earlier, claim)
    assert time.perf_counter() - started < 2.0
    assert not same and diff[0] == DiffOp("-", "Le") and diff[1] == DiffOp("+", "La")
    left = " ".join(d.text for d in diff if d.op != "+").split()
    right = " ".join(d.text for d in diff if d.op != "-").split()
    assert [w.casefold() for w in left] == earlier.casefold().split()
    assert right == claim.split()


def test_precedent_evidence_reads_old_json_and_keeps_its_key_order() -> None:
    ev = precedent(88.0, text="Nous considérons la Russie comme un allié",
                   query="Nous considérons la Russie comme un partenaire")
    data = ev.to_json()
    assert list(data) == ["kind", "precedent_claim_id", "source_title", "source_url",
                          "source_sha256", "start", "end", "score", "method", "detail",
                          "similarity", "diff"]
    assert evidence_from_json(data) == ev
    old = {k: v for k, v in data.items() if k not in ("similarity", "diff")}
    read = evidence_from_json(old)
    assert isinstance(read, PrecedentEvidence) and read.label == SIMILAR_CLAIM_LABEL
    with pytest.raises(ValueError, match="similarity"):
        PrecedentEvidence(precedent_claim_id=None, source_title=None, source_url=None, score=1,
                          method="m", detail=PrecedentDetail(precedent_id=None, external_id=None,
                                                             collection=None, verdict=None,
                                                             date=None, text="", explanation=""),
                          similarity="same")


# --- one scale: 0-100 -----------------------------------------------------------------------


def test_fact_evidence_scores_are_0_100() -> None:
    doc = ingest_bytes(SEED.read_bytes(), name=SEED.name, lang="fr")
    from verifier.extract.pipeline import extract_document_claims

    kb = demo_knowledge_base()
    claims = extract_document_claims(doc, kb=kb)
    checked = combine(claims, [temporal_check(claims, doc), knowledge_check(kb)(claims, doc)])
    facts = [e for c in checked for e in c.result.evidence if isinstance(e, FactEvidence)]
    assert len(facts) >= 4 and all(1 < e.score <= 100 for e in facts)
    # A name that matches only fuzzily keeps its match score, on the same scale.
    claim = FactualClaim(text="roi Mohammad VI", start=0, end=15, predicate="holds_office",
                         subject="Mohammad VI", object="King", at="2025-10-16",
                         subject_text="Mohammad VI", object_text="roi", office_key="King")
    fuzzy = combine([claim], [knowledge_check(kb)([claim], doc)])[0].result
    match = kb.match_entity("Mohammad VI", types=("person",))
    assert match is not None and match.name == "Mohammed VI" and 1 < match.score < 100
    assert fuzzy.finding == "consistent"
    assert [e.score for e in fuzzy.evidence] == [round(match.score, 1)] == [90.9]


# --- in the store: SQLite and PostgreSQL ----------------------------------------------------


def _claim_with_evidence_stored_out_of_order(store) -> int:  # type: ignore[no-untyped-def]
    """A claim whose evidence rows were written precedent first (as an earlier version could)."""
    with store.write() as s:
        doc = Document(kind="article", sha256="e" * 64, language="fr", text=QUOTE.text)
        s.add(doc)
        s.flush()
        row = ClaimRow(document_id=doc.id, kind="quote", start=0, end=QUOTE.end,
                       text=QUOTE.text, finding="contradicted", explanation="altered")
        s.add(row)
        s.flush()
        ev = [precedent(93.0, query=QUOTE.text), fact("a fact", 87.5), passage(70.0)]
        s.add_all(evidence_row(row.id, e) for e in ev)  # type: ignore[arg-type]
        return row.id  # type: ignore[return-value]


def test_stored_evidence_reads_back_in_order_with_its_diff(store) -> None:
    claim_id = _claim_with_evidence_stored_out_of_order(store)
    got = claim_evidence(store, claim_id)
    assert [e.kind for e in got] == ["passage", "fact", "precedent"]
    prec = got[2]
    assert isinstance(prec, PrecedentEvidence) and prec == precedent(93.0, query=QUOTE.text)
    assert prec.label == SIMILAR_CLAIM_LABEL and prec.changed_words()
    with store.read() as s:
        record = next(iter_records(s, ExportFilters()))
        rows = s.exec(select(EvidenceRow)).all()
    assert [e["kind"] for e in record["evidence"]] == ["passage", "fact", "precedent"]
    assert [e["score"] for e in record["evidence"]] == [70.0, 87.5, 93.0]
    assert record["evidence"][2]["detail"]["similarity"] == "similar"
    assert {type(evidence_of(r)) for r in rows} == {PassageEvidence, FactEvidence,
                                                      PrecedentEvidence}


def test_exports_show_the_alignment_and_0_100_scores(store) -> None:
    claim_id = _claim_with_evidence_stored_out_of_order(store)
    buf = io.BytesIO()
    export(store=store, fmt="csv", out=buf, actor="audrey")
    rows, _ = read_csv(buf.getvalue().decode("utf-8"))
    row = next(r for r in rows if int(r["claim_id"]) == claim_id)
    assert (row["evidence_source"], row["evidence_score"], row["evidence_count"]) == (
        "transcript", "70.0", "3")
    buf = io.BytesIO()
    export(store=store, fmt="html", out=buf, actor="audrey")
    page = buf.getvalue().decode("utf-8")
    items = page[page.index("<ul class=evidence>"):]
    # In sentences of the article's language (French here), in the contract's order.
    assert (items.index("<strong>Source · 70/100</strong>")
            < items.index("<strong>Base de faits · 87.5/100</strong>")
            < items.index("<strong>Vérification antérieure · 93/100</strong>"))
    assert "similar claim, not identical" in items
    buf = io.BytesIO()
    export(store=store, fmt="json", out=buf, actor="audrey")
    claim = next(c for c in json.loads(buf.getvalue())["claims"] if c["claim"]["id"] == claim_id)
    assert [(e["kind"], e["score"]) for e in claim["evidence"]] == [
        ("passage", 70.0), ("fact", 87.5), ("precedent", 93.0)]
