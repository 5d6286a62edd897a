"""highlight.py: document text becomes HTML only through html.escape."""
from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verifier.claims import (
    CalendarEvidence,
    CheckedClaim,
    Claim,
    DiffOp,
    Evidence,
    FactEvidence,
    FactualClaim,
    Finding,
    PassageEvidence,
    QuoteClaim,
    TemporalClaim,
)
from verifier.services import CheckReport
from verifier.ui import findings, highlight, widgets
from verifier.ui.highlight import Span

TAG = re.compile(r"<[^>]*>")
HOSTILE = ('<script>window.__xss=1</script> <img src=x onerror="window.__xss=2"> '
           '[lien](javascript:window.__xss=3) <a href="javascript:window.__xss=4">ici</a> & "q" \'s\'')


def visible(fragment: str) -> str:
    return html.unescape(TAG.sub("", fragment))


def test_hostile_text_is_escaped_and_marks_are_ours() -> None:
    out = highlight.highlight(HOSTILE, [Span(0, 8, "quote", "contradicted", 7, 'x" onmouseover="y')])
    assert "<script" not in out and "<img" not in out and "<a " not in out
    assert '<mark class="vf-claim k-quote f-contradicted" id="claim-7" data-claim="7" ' \
           'title="x&quot; onmouseover=&quot;y">&lt;script&gt;</mark>' in out
    assert visible(out) == HOSTILE
    # Only tags this module writes.
    assert set(re.findall(r"<(/?\w+)", out)) <= {"mark", "/mark"}


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60),
                           st.sampled_from(["quote", "temporal", "factual", "other"]),
                           st.sampled_from(["consistent", "contradicted", None, "<b>"])),
                 max_size=8)


@given(text=st.text(max_size=60), raw=spans, selected=st.one_of(st.none(), st.integers(0, 8)))
def test_visible_text_is_always_the_document_text(text: str, raw: list, selected: int | None) -> None:
    sp = [Span(a, b, k, f, i) for i, (a, b, k, f) in enumerate(raw)]
    out = highlight.highlight(text, sp, selected=selected)
    assert visible(out) == text
    assert set(re.findall(r"<(/?\w+)", out)) <= {"mark", "/mark"}
    assert "<b>" not in out


def test_overlapping_claims_give_the_innermost_its_mark() -> None:
    text = "Il a dit : nous sommes venus huit ans après."
    quote = Span(11, len(text) - 1, "quote", None, 1)
    date = Span(text.index("huit"), text.index("huit") + 8, "temporal", None, 2)
    out = highlight.highlight(text, [quote, date])
    assert '<mark class="vf-claim k-temporal" id="claim-2" data-claim="2">huit ans</mark>' in out
    assert out.count('id="claim-1"') == 2  # before and after the date


def test_offset_and_context_window() -> None:
    text = "a" * 500 + " huit ans " + "b" * 500
    span = Span(501, 509, "temporal", None, 3)
    out = highlight.in_context(text, span, width=50)
    assert ">huit ans</mark>" in out and out.count("…") == 2


def test_diff_is_escaped() -> None:
    diff = [DiffOp("=", "un"), DiffOp("-", "<b>fiable</b>"), DiffOp("+", "digne")]
    out = highlight.diff_html(diff)
    assert '<div class="vf-diff vf-doc">un <del>&lt;b&gt;fiable&lt;/b&gt;</del> <ins>digne</ins></div>' in out
    assert set(re.findall(r"<(/?\w+)", out.split("</style>")[1])) == {"div", "/div", "del", "/del",
                                                                       "ins", "/ins"}


def test_stored_diff_reads_back_as_diff_ops() -> None:
    # The store keeps a passage's diff as its JSON ([op, text]); DiffOp.from_json rebuilds it.
    stored = [["=", "un"], ["-", "fiable"], ["+", "<i>digne</i>"]]
    out = highlight.diff_html([DiffOp.from_json(d) for d in stored])
    assert "un <del>fiable</del> <ins>&lt;i&gt;digne&lt;/i&gt;</ins>" in out
    with pytest.raises(ValueError):
        DiffOp.from_json(["delete", "fiable"])  # the synonyms of old are gone


@pytest.mark.parametrize("url, ok", [("https://example.org/a", True), ("http://x.y", True),
                                     ("javascript:alert(1)", False), (" JavaScript:x", False),
                                     ("data:text/html,x", False), (None, False), ("", False)])
def test_only_web_links_become_links(url: object, ok: bool) -> None:
    assert (widgets.safe_url(url) is not None) is ok


def _checked(claim: Claim, finding: str, *evidence: Evidence) -> CheckedClaim:
    return CheckedClaim(claim, Finding(finding=finding, explanation="", evidence=evidence))


def test_findings_groups_and_ready() -> None:
    date = TemporalClaim(text="huit ans", start=0, end=8, timex_type="DURATION")
    quote = QuoteClaim(text="digne", start=10, end=15, speaker="Bourita")
    fact = FactualClaim(text="président", start=20, end=29, predicate="holds_office")
    altered = PassageEvidence(source_title="s", source_url=None, source_sha256=None, start=0,
                              end=6, score=80.0, method="align", cls="altered",
                              diff=(DiffOp("-", "fiable"), DiffOp("+", "digne")))
    claims = [
        _checked(date, "contradicted", CalendarEvidence()),
        _checked(quote, "partial", altered),
        _checked(QuoteClaim(text="x", start=30, end=31, anonymous=True), "consistent"),
        _checked(fact, "no_evidence"),
        _checked(fact, "consistent"),
    ]
    groups = {g.key: len(g.claims) for g in findings.group_findings(claims)}
    assert groups == {"contradicted": 1, "altered": 1, "anonymous": 1, "unsourced": 1}
    # An altered class puts a quote among the altered ones whatever its finding.
    assert findings.group_of(_checked(quote, "consistent", altered)) == "altered"
    assert not findings.is_ready(CheckReport({}, claims))
    assert findings.is_ready(CheckReport({}, claims[1:]))
    assert findings.is_ready(CheckReport({}, []))


def test_claim_fields_and_evidence_from_attributes() -> None:
    date = TemporalClaim(text="huit ans", start=0, end=8, timex_type="DURATION", value="P8Y",
                         resolved=("2016-03-15", "2016-03-15"))
    assert widgets.claim_fields(date) == [
        {"field": "timex_type", "value": "DURATION"}, {"field": "value", "value": "P8Y"},
        {"field": "resolved", "value": "['2016-03-15', '2016-03-15']"}]
    quote = QuoteClaim(text="digne", start=10, end=15, speaker="<b>Bourita</b>")
    assert {"field": "speaker", "value": "<b>Bourita</b>"} in widgets.claim_fields(quote)
    assert {"field": "anonymous", "value": "no"} in widgets.claim_fields(quote)
    fact = FactualClaim(text="président", start=20, end=29, predicate="holds_office",
                        subject="Q1", at="2016")
    assert [r["field"] for r in widgets.claim_fields(fact)] == ["predicate", "subject", "at",
                                                                "resolved"]


def test_long_common_runs_of_a_diff_are_cut_around_the_change_and_escaped() -> None:
    before = " ".join(f"w{i}" for i in range(30))
    diff = [DiffOp("=", before + " <b>"), DiffOp("-", "loyal"), DiffOp("+", "<i>digne</i>"),
            DiffOp("=", "et " + before)]
    out = highlight.diff_html(diff, keep=3)
    body = out.split("</style>")[1]
    assert body == ('<div class="vf-diff vf-doc">… w28 w29 &lt;b&gt; <del>loyal</del> '
                    "<ins>&lt;i&gt;digne&lt;/i&gt;</ins> et w0 w1 …</div>")
    assert highlight.diff_html(diff).count("w17") == 2  # without `keep`, every word


def test_evidence_headings_name_the_kind_the_label_and_the_0_100_score() -> None:
    from verifier.reference.precedents import Hit, precedent_evidence

    hit = Hit(precedent_id=1, claim_id=None, score=83.456, verdict="False", url=None, date=None,
              text="Le Conseil est présidé par la France")
    similar = precedent_evidence(hit, query="Le Conseil, présidé par la France")
    same = precedent_evidence(hit, query="« le conseil est présidé par la France. »")
    fact = FactEvidence(fact_id=None, pack="demo", subject="s", predicate="event", object=None,
                        valid_from=None, valid_to=None, source_title=None, source_url=None,
                        score=90.9, method="kb.when")
    passage = PassageEvidence(source_title="s", source_url=None, source_sha256=None, start=0,
                              end=6, score=None, method="align", cls="translated")
    assert [widgets.evidence_heading(i, e) for i, e in enumerate(
        (passage, fact, CalendarEvidence(), similar, same))] == [
        "1. alignment with a source · align",
        "2. fact · score 90.9/100 · kb.when",
        "3. calendar · calendar",
        "4. earlier verdict · similar claim, not identical · score 83.5/100 · precedent:bm25+rerank",
        "5. earlier verdict · same claim · score 83.5/100 · precedent:bm25+rerank"]
