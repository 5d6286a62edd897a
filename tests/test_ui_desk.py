"""The review desk: queue, filters, highlighting, the verdict form, refusals and conflicts."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from verifier import services
from verifier.claims import DiffOp, PassageEvidence, QuoteClaim
from verifier.db.models import AuditEvent, Review
from verifier.reference.precedents import semantic_enabled

from .test_ui_support import (
    SEED,
    SOURCE,
    Seeded,
    claim,
    has_key,
    html_of,
    seeded,
    sign_in,
    titles,
)

__all__ = ["seeded"]


def open_claim(at, claim_id: int):  # type: ignore[no-untyped-def]
    at.multiselect(key="desk_f_status").set_value([]).run()
    at.selectbox(key="desk_claim").select(claim_id).run()
    assert not at.exception
    return at


def test_desk_shows_queue_counts_and_highlighted_document(seeded: Seeded) -> None:
    at = sign_in("fatima")
    assert titles(at) == ["Review desk"]
    metrics = {m.label: m.value for m in at.metric}
    n = len(seeded.claims())
    assert metrics["Claims"] == str(n) and metrics["Unreviewed"] == str(n)
    assert metrics["Contradicted"] == "3"  # huit ans, Bourita's altered quote, the misattributed one
    assert metrics["Anonymous quotes"] == "1"
    body = html_of(at)
    assert f'id="claim-{seeded.temporal_id}"' in body and "k-temporal" in body
    assert "vf-selected" in body and "k-quote" in body
    assert "Nasser Bourita" in body


@pytest.mark.parametrize("widget, value, field", [
    ("desk_f_kind", ["temporal"], "kind"),
    ("desk_f_finding", ["contradicted"], "finding"),
])
def test_filters_narrow_the_queue(seeded: Seeded, widget: str, value: list[str],
                                  field: str) -> None:
    wanted = sorted(c.id for c in seeded.claims() if getattr(c, field) == value[0])
    assert 0 < len(wanted) < len(seeded.claims())
    at = sign_in("fatima")
    at.multiselect(key=widget).set_value(value).run()
    options = at.selectbox(key="desk_claim").options
    assert sorted(int(o.split("#")[1].split()[0]) for o in options) == wanted
    assert {m.label: m.value for m in at.metric}["Claims"] == str(len(wanted))


def test_anonymous_and_document_filters(seeded: Seeded) -> None:
    at = sign_in("fatima")
    at.selectbox(key="desk_f_anon").select("anonymous only").run()
    assert at.selectbox(key="desk_claim").value == seeded.anonymous_id
    n = len(seeded.claims())
    at.selectbox(key="desk_f_anon").select("named only").run()
    assert len(at.selectbox(key="desk_claim").options) == n - 1
    at.selectbox(key="desk_f_doc").select(seeded.document_id).run()
    assert len(at.selectbox(key="desk_claim").options) == n - 1


def test_date_filter_outside_the_publication_date_empties_the_queue(seeded: Seeded) -> None:
    at = sign_in("fatima")
    at.date_input(key="desk_f_dates").set_value((datetime(2020, 1, 1).date(),
                                                 datetime(2020, 12, 31).date())).run()
    assert any("No claim matches" in i.value for i in at.info)
    at.date_input(key="desk_f_dates").set_value((datetime(2025, 10, 1).date(),
                                                 datetime(2025, 10, 31).date())).run()
    assert len(at.selectbox(key="desk_claim").options) == len(seeded.claims())


def test_claim_panel_shows_context_finding_evidence_and_diff(seeded: Seeded) -> None:
    # Bourita's quote, checked against the reference source that has "fiable" where the
    # article has "digne de confiance": the stored passage evidence, with the aligner's diff.
    at = open_claim(sign_in("fatima"), seeded.quote_id)
    texts = "\n".join(t.value for t in at.text)
    assert "altered" in texts  # the explanation
    body = html_of(at)
    assert "<del>fiable" in body and "<ins>digne de confiance</ins>" in body
    assert "alignment: altered" in texts
    assert "Source: source-moscou.txt" in texts  # the reference source, as text
    assert "négociateur honnête et fiable" in body  # its passage, in context
    assert not at.get("link_button")  # the source has no web address
    fields = at.dataframe[-1].value if at.dataframe else None
    assert fields is not None


def test_marking_a_verdict_stores_it_with_the_user_and_the_time(seeded: Seeded) -> None:
    at = open_claim(sign_in("fatima"), seeded.temporal_id)
    cid = seeded.temporal_id
    assert at.selectbox(key="desk_claim").value == cid
    before = datetime.now(UTC) - timedelta(seconds=1)
    at.selectbox(key=f"verdict_{cid}").select("False")
    at.text_area(key=f"note_{cid}").input("Le partenariat date de 2016 : neuf ans, pas huit.")
    at.button(key="desk_save").click().run()
    assert not at.exception
    c = claim(seeded.store, cid)
    assert (c.verdict, c.status, c.reviewed_by) == ("False", "reviewed", "fatima")
    assert c.note == "Le partenariat date de 2016 : neuf ans, pas huit."
    assert c.reviewed_at is not None and before <= c.reviewed_at <= datetime.now(UTC)
    with seeded.store.read() as s:
        reviews = s.exec(select(Review).where(Review.claim_id == cid)).all()
        events = s.exec(select(AuditEvent).where(AuditEvent.claim_id == cid)).all()
    assert [(r.reviewer, r.verdict) for r in reviews] == [("fatima", "False")]
    assert [(e.actor, e.action) for e in events] == [("fatima", "verdict")]
    assert any("Saved claim" in s.value and "fatima" in s.value for s in at.success)
    # ... and the desk moved on to the next unreviewed claim, its form empty.
    nxt = at.selectbox(key="desk_claim").value
    assert nxt != cid
    assert at.text_area(key=f"note_{nxt}").value == ""


def test_note_alone_and_empty_save(seeded: Seeded) -> None:
    at = open_claim(sign_in("adam"), seeded.anonymous_id)
    cid = seeded.anonymous_id
    # The reviewer is told that the note is published (ClaimReview reviewBody, the reports).
    assert "published with the verdict" in (at.text_area(key=f"note_{cid}").placeholder or "")
    at.button(key="desk_save").click().run()
    assert any("nothing to save" in e.value for e in at.error)
    at.text_area(key=f"note_{cid}").input("Qui est « il » ? Lavrov, d'après le paragraphe.")
    at.button(key="desk_save").click().run()
    c = claim(seeded.store, cid)
    assert c.note and c.verdict is None and c.updated_by == "adam"


@pytest.mark.parametrize("name, role", [("ada", "auditor"), ("eddie", "editor")])
def test_auditor_and_editor_see_no_verdict_form_and_are_refused(seeded: Seeded, name: str,
                                                                role: str) -> None:
    at = sign_in(name)
    at.switch_page("verifier/ui/pages/desk.py").run()
    assert titles(at) == ["Review desk"]
    assert not has_key(at, "desk_save")
    assert not at.text_area
    assert any(role in i.value and "only fact-checkers and admins" in i.value for i in at.info)
    # The services refuse them too (the fence behind the missing form).
    c = claim(seeded.store, seeded.temporal_id)
    with pytest.raises(services.PermissionDenied):
        services.review.record_verdict(services.Principal(name, role, "ui"), c.id,
                                       verdict="True", note=None, seen_version=c.version,
                                       db=seeded.store)
    assert claim(seeded.store, seeded.temporal_id).verdict is None


def test_two_reviewers_on_the_same_claim_second_is_told_and_keeps_the_note(seeded: Seeded) -> None:
    first = sign_in("fatima")
    second = sign_in("adam")
    cid = first.selectbox(key="desk_claim").value
    assert first.selectbox(key="desk_claim").value == cid == second.selectbox(key="desk_claim").value
    # Both have the claim open; adam saves first.
    second.selectbox(key=f"verdict_{cid}").select("True")
    second.text_area(key=f"note_{cid}").input("Accord de 2016 : d'accord.")
    second.button(key="desk_save").click().run()
    assert claim(seeded.store, cid).verdict == "True"
    # fatima saves on the version she saw: refused, told who and when, her work kept.
    mine = "Neuf ans, pas huit : le partenariat date de mars 2016."
    first.selectbox(key=f"verdict_{cid}").select("False")
    first.text_area(key=f"note_{cid}").input(mine)
    first.button(key="desk_save").click().run()
    assert not first.exception
    warnings = [w.value for w in first.warning]
    assert any(f"claim {cid} was changed by adam at" in w for w in warnings), warnings
    assert first.selectbox(key="desk_claim").value == cid
    assert first.text_area(key=f"note_{cid}").value == mine
    assert first.selectbox(key=f"verdict_{cid}").value == "False"
    shown = "\n".join(t.value for t in first.text)
    assert "Current verdict: True (by adam" in shown and "Accord de 2016" in shown
    c = claim(seeded.store, cid)
    assert (c.verdict, c.reviewed_by) == ("True", "adam")
    # Having seen adam's verdict, she saves again on purpose: now it goes through.
    first.button(key="desk_save").click().run()
    c = claim(seeded.store, cid)
    assert (c.verdict, c.reviewed_by, c.note) == ("False", "fatima", mine)


def test_keyboard_shortcuts_are_bound(seeded: Seeded) -> None:
    at = sign_in("fatima")
    assert at.button(key="desk_next").proto.shortcut.lower() == "alt+n"
    assert at.button(key="desk_prev").proto.shortcut.lower() == "alt+p"
    first = at.selectbox(key="desk_claim").value
    at.button(key="desk_next").click().run()
    assert at.selectbox(key="desk_claim").value != first
    at.button(key="desk_prev").click().run()
    assert at.selectbox(key="desk_claim").value == first


HOSTILE = ("Titre\n\nLe ministre a dit <script>window.__xss=1</script> puis "
           '<img src=x onerror="window.__xss=2"> et [lien](javascript:window.__xss=3) '
           'ou <a href="javascript:window.__xss=4">ici</a>, huit ans après.\n')


def test_document_text_is_escaped_on_the_desk(seeded: Seeded) -> None:
    res = services.ingest_document(services.store_owner("test"), HOSTILE.encode(),
                                   name="hostile.txt", lang="fr", db=seeded.store)
    from .test_ui_support import add_claim_at
    add_claim_at(seeded.store, res.document.id, "huit ans")
    at = sign_in("fatima")
    at.selectbox(key="desk_f_doc").select(res.document.id).run()
    body = html_of(at)
    assert "<script>" not in body and "<img" not in body and "<a " not in body
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;" in body
    assert "[lien](javascript:window.__xss=3)" in body
    for md in at.markdown:  # no document text ever goes through markdown
        assert "__xss" not in md.value


def test_desk_evidence_is_the_typed_evidence_of_the_store(seeded: Seeded) -> None:
    # services.claim_evidence gives what db.documents.evidence_of rebuilds: the very objects
    # the check produced, which the desk renders from their attributes.
    fatima = services.Principal("fatima", "fact-checker", "ui")
    evs = services.claim_evidence(fatima, seeded.quote_id, db=seeded.store)
    passages = [e for e in evs if isinstance(e, PassageEvidence)]
    assert passages and passages[0].cls == "altered"
    assert all(isinstance(d, DiffOp) for d in passages[0].diff)
    assert DiffOp("+", "digne de confiance") in passages[0].diff
    found = services.source_text(fatima, passages[0], db=seeded.store)
    assert found is not None and "fiable" in found[0]
    scores = [getattr(e, "score", None) or 0 for e in evs]
    assert scores == sorted(scores, reverse=True)
    fields = services.claim_contract(claim(seeded.store, seeded.quote_id))
    assert isinstance(fields, QuoteClaim) and fields.speaker


def test_a_doubtful_attribution_is_flagged_in_the_queue_and_the_panel(seeded: Seeded) -> None:
    """A quote whose attribution confidence is below claims.ATTRIBUTION_THRESHOLD says "check
    the attribution" in the queue and in its panel; a confident one says nothing."""
    from verifier.claims import ATTRIBUTION_THRESHOLD
    from verifier.db.models import Claim

    with seeded.store.write() as s:
        c = s.get(Claim, seeded.anonymous_id)
        assert c is not None
        c.attrs = {**(c.attrs or {}), "confidence": ATTRIBUTION_THRESHOLD - 0.2,
                   "reasons": ["no speech verb", "last person named, 2 sentence(s) before"]}
        s.add(c)
    at = open_claim(sign_in("fatima"), seeded.anonymous_id)
    table = at.dataframe[0].value
    flags = dict(zip(table["id"], table["attribution"], strict=True))
    assert flags[seeded.anonymous_id] == "check the attribution"
    assert flags[seeded.quote_id] == ""          # Bourita's quote: a named speaker, a speech verb
    assert flags[seeded.temporal_id] == ""       # not a quote
    warnings = " ".join(w.value for w in at.warning)
    assert "Check the attribution" in warnings and "last person named" in warnings


# An earlier fact-check of Bourita's words, with "loyal" where the article has "digne de
# confiance" (the reference source has "fiable"); its title and address must stay text.
PRECEDENTS = ("id\tclaim\ttitle\tverdict\turl\tdate\n"
              "afp-1\tNous considérons la Russie comme un partenaire proche et cher, un acteur "
              "sérieux sur la scène internationale, et surtout un négociateur honnête et loyal\t"
              "Nasser Bourita : la Russie, un partenaire proche et cher, un négociateur honnête "
              "<img src=x onerror=alert(1)>\tMostly true\tjavascript:alert(2)\t2025-10-20\n")


def test_desk_shows_the_alignment_first_and_the_precedent_labelled_similar(seeded: Seeded) -> None:
    if not semantic_enabled():  # lexical ranking alone scores this one under PRECEDENT_MIN
        pytest.skip("needs the sentence-embedding model (the semantic extra)")
    admin = services.Principal("adam", "admin", "cli")  # a demo account
    services.sources.import_precedents(admin, PRECEDENTS.encode(), collection="afp",
                                       db=seeded.store)
    services.check(admin, SEED, sources=[SOURCE], db=seeded.store)  # the claims keep their ids
    fatima = services.Principal("fatima", "fact-checker", "ui")
    stored = services.claim_evidence(fatima, seeded.quote_id, db=seeded.store)
    assert [e.kind for e in stored] == ["passage", "precedent"]
    at = open_claim(sign_in("fatima"), seeded.quote_id)
    texts = [t.value for t in at.text]
    heads = [t for t in texts if t[:3] in ("1. ", "2. ")]
    assert heads[0].startswith("1. alignment with a source · score ")
    assert heads[1].startswith("2. earlier verdict · similar claim, not identical · score ")
    assert texts.index(heads[0]) < texts.index("alignment: altered") < texts.index(heads[1])
    assert "verdict then: Mostly true" in texts
    assert any(t.startswith("Source: Nasser Bourita") and "<img src=x" in t
               for t in texts)  # as plain text
    body = html_of(at)
    assert "<del>fiable" in body  # the alignment's diff, against the source
    # The precedent's: the common words before the change cut short, then the change.
    assert ("… scène internationale et surtout un négociateur honnête et <del>loyal</del> "
            "<ins>digne de confiance</ins></div>") in body
    assert "<img" not in body and "javascript:" not in body
    assert not at.get("link_button")  # neither address is a web address
    assert any("Words that differ: the earlier claim's struck out" in c.value for c in at.caption)
    for md in at.markdown:
        assert "onerror" not in md.value


NO_PARTNERSHIP = b"""pack: demo
facts:
  - subject: Tour Eiffel
    predicate: event
    valid_from: 1889-03-31
"""


def test_desk_warns_when_the_evidence_changed_since_the_verdict(seeded: Seeded) -> None:
    """Fatima rules on "huit ans"; the facts then change (the demo pack replaced by one without
    the partnership) and a re-check updates the claim: the desk says so, and filters on it."""
    fatima = services.Principal("fatima", "fact-checker", "ui")
    c = claim(seeded.store, seeded.temporal_id)
    services.review.record_verdict(fatima, c.id, verdict="False", note="neuf ans",
                                   seen_version=c.version, db=seeded.store)
    services.sources.import_pack(services.Principal("adam", "admin", "cli"), NO_PARTNERSHIP, name="demo",
                                 fmt="yaml", db=seeded.store)
    report = services.recheck(fatima, document_id=seeded.document_id, db=seeded.store)
    assert report.total("evidence_changed") == 1
    after = claim(seeded.store, seeded.temporal_id)
    assert after.finding == "no_evidence" and after.verdict == "False"
    at = sign_in("fatima")
    assert any("1 reviewed claim got new evidence or a new finding" in w.value for w in at.warning)
    at.checkbox(key="desk_f_changed").check().run()
    assert not at.exception, at.exception
    options = at.selectbox(key="desk_claim").options
    assert len(options) == 1 and options[0].startswith(f"⚠ #{seeded.temporal_id} ")
    warning = [w.value for w in at.warning if w.value.startswith("Evidence changed since")]
    assert len(warning) == 1 and "after fatima gave it “False”" in warning[0]
    # A new verdict clears the flag: the filtered queue is empty again.
    at.selectbox(key="verdict_" + str(seeded.temporal_id)).select("Unverifiable")
    at.button(key="desk_save").click().run()
    assert not at.exception, at.exception
    assert not claim(seeded.store, seeded.temporal_id).evidence_changed_since_verdict
    assert any("No claim matches these filters." in i.value for i in at.info)
