"""The review desk: triage order and counts, filters, highlighting, plain-words evidence, claim
addresses, the verdict form, refusals and conflicts."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from verifier import services
from verifier.claims import DiffOp, PassageEvidence, QuoteClaim
from verifier.db.models import AuditEvent, Claim, Review
from verifier.reference.precedents import semantic_enabled

from .test_ui_support import (
    SEED,
    SOURCE,
    Seeded,
    app,
    claim,
    has_key,
    html_of,
    seeded,
    sign_in,
    titles,
)

# The seed article's claims a person has nothing to check in (verifier/triage.py): hidden
# from the queue unless asked for.
ROUTINE = {"jeudi, octobre 16, 2025", "ce jeudi", "actuellement", "l’avenir", "XXIᵉ siècle"}


def visible(seeded: Seeded) -> list:  # type: ignore[type-arg]
    return [c for c in seeded.claims() if c.text not in ROUTINE]


def option_ids(at) -> list[int]:  # type: ignore[no-untyped-def]
    return [int(o.split("#")[1].split()[0]) for o in at.selectbox(key="desk_claim").options]


def count_labels(at) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {b.key: b.label for b in at.button if str(b.key).startswith("desk_count_")}

__all__ = ["seeded"]


def open_claim(at, claim_id: int):  # type: ignore[no-untyped-def]
    at.multiselect(key="desk_f_status").set_value([]).run()
    at.selectbox(key="desk_claim").select(claim_id).run()
    assert not at.exception
    return at


def unfold(at, key: str):  # type: ignore[no-untyped-def]
    """Open the desk's expander `key` ("desk_queue_open", "desk_details_open"): their content is
    drawn only while open (docs/decisions.md §31)."""
    at.session_state[key] = True
    at.run()
    assert not at.exception
    return at


def test_desk_shows_triage_counts_and_highlighted_document(seeded: Seeded) -> None:
    at = sign_in("fatima")
    assert titles(at) == ["Review desk"]
    assert count_labels(at) == {
        "desk_count_all": "All · 11", "desk_count_contradicted": "Contradicted · 1",
        "desk_count_altered": "Altered quotes · 1", "desk_count_misattributed": "Misattributed · 1",
        "desk_count_attribution": "Check the attribution · 0",
        "desk_count_partial": "Partly supported · 0", "desk_count_no_evidence": "No evidence · 4",
        "desk_count_consistent": "Consistent · 4"}
    # Most urgent first: the contradiction, the altered quote, the misattributed one.
    assert option_ids(at)[:3] == [seeded.temporal_id, seeded.quote_id, seeded.anonymous_id]
    assert at.selectbox(key="desk_claim").value == seeded.temporal_id
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
    wanted = sorted(c.id for c in visible(seeded) if getattr(c, field) == value[0])
    assert 0 < len(wanted) < len(visible(seeded))
    at = sign_in("fatima")
    counts = count_labels(at)
    at.multiselect(key=widget).set_value(value).run()
    assert sorted(option_ids(at)) == wanted
    assert count_labels(at) == counts  # the counts do not follow the filters


def test_anonymous_and_document_filters(seeded: Seeded) -> None:
    at = sign_in("fatima")
    at.selectbox(key="desk_f_anon").select("anonymous only").run()
    assert at.selectbox(key="desk_claim").value == seeded.anonymous_id
    n = len(visible(seeded))
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
    assert len(at.selectbox(key="desk_claim").options) == len(visible(seeded))


def test_claim_panel_shows_context_finding_evidence_and_diff(seeded: Seeded) -> None:
    # Bourita's quote, checked against the reference source that has "fiable" where the
    # article has "digne de confiance": the stored passage evidence, with the aligner's diff.
    at = open_claim(sign_in("fatima"), seeded.quote_id)
    texts = "\n".join(t.value for t in at.text)
    body = html_of(at)
    assert "Citation modifiée : la source le dit avec d’autres mots." in body  # the finding
    assert ("Dans « source-moscou.txt » (propos de M. BOURITA), les mots diffèrent : « fiable » "
            "dans la source, « digne de confiance » dans l’article.") in body
    assert "<del>fiable" in body and "<ins>digne de confiance</ins>" in body
    assert "Source: source-moscou.txt" in texts  # the reference source, as text
    assert "négociateur honnête et fiable" in body  # its passage, in context
    assert not at.get("link_button")  # the source has no web address
    assert not at.dataframe  # "Details" is folded: its tables are not drawn
    unfold(at, "desk_details_open")
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
    at = unfold(open_claim(sign_in("fatima"), seeded.anonymous_id), "desk_queue_open")
    table = at.dataframe[0].value
    flags = dict(zip(table["id"], table["attribution"], strict=True))
    assert flags[seeded.anonymous_id] == "check the attribution"
    assert flags[seeded.quote_id] == ""          # Bourita's quote: a named speaker, a speech verb
    assert flags[seeded.temporal_id] == ""       # not a quote
    assert ("Attribution à vérifier (confiance 40/100, seuil 60/100) : pas de verbe de parole ; "
            "dernière personne nommée, 2 phrases plus haut.") in html_of(at)


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
    body = html_of(at)
    first = body.index('<div class="vf-card-head">1. Source · 92/100</div>')
    second = body.index('<div class="vf-card-head">2. Vérification antérieure · ')
    assert first < body.index("<del>fiable") < second
    assert ("Affirmation semblable, pas identique : « Nous considérons la Russie comme un "
            "partenaire proche et cher") in body
    assert "— verdict « Mostly true » (afp, 20 octobre 2025)." in body
    assert any(t.startswith("Source: Nasser Bourita") and "<img src=x" in t
               for t in texts)  # as plain text
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


def test_a_count_filters_the_queue_to_its_group_and_all_shows_every_group(seeded: Seeded) -> None:
    at = sign_in("fatima")
    at.multiselect(key="desk_f_kind").set_value(["quote"]).run()  # a filter the click clears
    at.button(key="desk_count_misattributed").click().run()
    assert not at.exception, at.exception
    assert option_ids(at) == [seeded.anonymous_id]
    assert at.multiselect(key="desk_f_triage").value == ["misattributed"]
    assert at.multiselect(key="desk_f_kind").value == []
    assert at.button(key="desk_count_misattributed").proto.type == "primary"
    at.button(key="desk_count_no_evidence").click().run()
    assert len(option_ids(at)) == 4
    at.button(key="desk_count_all").click().run()
    assert len(option_ids(at)) == len(visible(seeded))
    assert at.button(key="desk_count_attribution").disabled  # nothing to show


def test_routine_items_are_hidden_unless_asked_for(seeded: Seeded) -> None:
    at = sign_in("fatima")
    texts = {c.id: c.text for c in seeded.claims()}
    assert not {texts[i] for i in option_ids(at)} & ROUTINE
    assert at.toggle(key="desk_f_routine").label.startswith("Show 5 routine items")
    at.toggle(key="desk_f_routine").set_value(True).run()
    ids = option_ids(at)
    assert {texts[i] for i in ids[-5:]} == ROUTINE  # last: they need a person least
    assert len(ids) == len(seeded.claims())


def test_a_claim_address_opens_the_claim_and_follows_the_open_one(seeded: Seeded) -> None:
    dateline = next(c for c in seeded.claims() if c.text == "jeudi, octobre 16, 2025")
    at = sign_in("fatima")
    at.query_params["claim"] = str(dateline.id)  # a routine claim, outside the queue
    at.context["url"] = "https://desk.example.org/desk"
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="desk_claim").value == dateline.id
    assert [c.value for c in at.code] == [f"https://desk.example.org/desk?claim={dateline.id}"]
    assert "La date en tête de l’article, jeudi 16 octobre 2025, correspond à sa date de " \
           "publication." in html_of(at)
    # Moving on rewrites the address, and the address bar's claim is not forced back.
    at.button(key="desk_next").click().run()
    moved = at.selectbox(key="desk_claim").value
    assert moved != dateline.id and at.query_params["claim"] == str(moved)
    at.run()
    assert at.selectbox(key="desk_claim").value == moved
    # An address naming no stored claim says so and opens the queue's first claim.
    fresh = sign_in("fatima")
    fresh.query_params["claim"] = "999999"
    fresh.run()
    assert any("Claim 999999 is not stored" in e.value for e in fresh.error)
    assert fresh.selectbox(key="desk_claim").value == seeded.temporal_id


def test_the_claim_panel_explains_in_the_articles_language_with_a_correction(seeded: Seeded) -> None:
    at = sign_in("fatima")  # "huit ans" opens first
    body = html_of(at)
    assert ("La signature du Partenariat stratégique approfondi entre le roi Mohammed VI et "
            "Vladimir Poutine a eu lieu le 15 mars 2016, soit 9 ans et 7 mois avant le 16 "
            "octobre 2025, date de l’article — pas « huit ans ».") in body
    assert "Correction suggérée : « neuf ans après » au lieu de « huit ans après »." in body
    assert '<div class="vf-card-head">1. Base de faits · 100/100</div>' in body
    council = next(c for c in seeded.claims() if c.text.startswith("Conseil de sécurité"))
    body = html_of(open_claim(at, council.id))
    assert "UN Security Council — présidence : Russia, du 1er au 31 octobre 2025." in body
    # The raw record is still there, behind "Details".
    unfold(at, "desk_details_open")
    details = next(e for e in at.expander if e.label == "Details")
    assert any("kb.presiding_at" in d.value["method"].tolist() for d in details.dataframe
               if "method" in d.value)


# What a reader must not meet on the desk (docs/decisions.md §27): method codes, field names,
# raw values of the contract, JSON.
RAW = ("kb.", "precedent:", "align:", "timex_type", "PRESENT_REF", "FUTURE_REF", "predicate=",
       "{", "}", "holds_office", "no_evidence", "not_found", "P8Y")


def _shown(node, out: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Every string the page shows, walking the element tree; the "Details" expander, which
    holds the raw record on purpose, is skipped."""
    import html as html_lib
    import re

    from verifier.ui import browser

    if getattr(node, "type", None) == "expander" and getattr(node, "label", "") == "Details":
        return
    kind = getattr(node, "type", None)
    if kind == "html":
        body = str(node.proto.body)
        if not browser.is_own_script(body):
            body = re.sub(r"<style>.*?</style>", "", body, flags=re.S)
            out.append(html_lib.unescape(re.sub(r"<[^>]*>", " ", body)))
    elif kind == "arrow_data_frame":
        out.append(node.value.to_string())
    else:
        for attr in ("value", "label", "options", "placeholder"):
            val = getattr(node, attr, None)
            if isinstance(val, str | list | tuple | int | float) and val is not None:
                out.append(str(val))
    for child in getattr(node, "children", {}).values():
        _shown(child, out)


def test_no_method_code_field_name_or_json_on_the_desk_for_the_demo(seeded: Seeded) -> None:
    at = sign_in("fatima")
    at.toggle(key="desk_f_routine").set_value(True).run()
    at.multiselect(key="desk_f_status").set_value([]).run()
    at.expander  # noqa: B018  (the tree is built)
    ids = option_ids(at)
    assert len(ids) == len(seeded.claims())
    for claim_id in ids:
        at.selectbox(key="desk_claim").select(claim_id).run()
        assert not at.exception, at.exception
        shown: list[str] = []
        _shown(at._tree, shown)
        assert any(f"Claim #{claim_id} · " in s for s in shown)  # the walk reaches the panel
        assert any(" — " in s for s in shown if "Contredit" in s or "Confirmé" in s
                   or "Pas de preuve" in s)  # ... and its sentences
        bad = {raw: [s for s in shown if raw in s][:2] for raw in RAW
               if any(raw in s for s in shown)}
        assert not bad, (claim_id, bad)


def test_a_save_is_confirmed_in_a_toast_and_at_the_top_of_the_claim_panel(seeded: Seeded) -> None:
    at = sign_in("fatima")
    cid = at.selectbox(key="desk_claim").value
    at.selectbox(key=f"verdict_{cid}").select("False")
    at.button(key="desk_save").click().run()
    assert not at.exception, at.exception
    assert [t.value for t in at.toast if "Saved claim" in t.value]
    panel = at.columns[-1]  # the claim panel: the confirmation is its first element
    assert panel.children[0].type == "success" and "Saved claim" in panel.children[0].value


def test_the_desk_shows_articles_by_default_and_saved_drafts_apart(seeded: Seeded) -> None:
    # An editor saves a draft with a contradicted claim: it is not in the articles' queue or
    # counts; the switch says how many of each there are and shows the drafts apart.
    eddie = services.Principal("eddie", "editor", "ui")
    draft = services.ingest_document(
        eddie, "Rabat, le 16 octobre 2025. Le ministre a parlé huit ans après la signature du "
               "Partenariat stratégique approfondi.".encode(), name="brouillon.txt", kind="draft",
        db=seeded.store)
    draft_id = draft.document.id
    at = sign_in("fatima")
    switch = at.get("button_group")[0]
    assert at.session_state["desk_kind"] == "article"
    labels = [switch.proto.options[i].content for i in range(len(switch.proto.options))]
    assert labels[0].startswith("Articles · 1 article, ") and labels[1].startswith(
        "Saved drafts · 1 draft, "), labels
    queue = [r for r in option_ids(at)]
    with seeded.store.read() as s:
        draft_claims = {c.id for c in s.exec(select(Claim).where(Claim.document_id == draft_id))}
    assert draft_claims and not draft_claims & set(queue)
    assert at.selectbox(key="desk_claim").value == seeded.temporal_id
    articles_all = next(b.label for b in at.button if b.key == "desk_count_all")
    # Saved drafts: only the draft's claims, its own counts, its own documents.
    at.session_state["desk_kind"] = "draft"
    at.run()
    assert not at.exception, at.exception
    assert set(option_ids(at)) <= draft_claims and option_ids(at)
    drafts_all = next(b.label for b in at.button if b.key == "desk_count_all")
    assert drafts_all != articles_all
    assert list(at.selectbox(key="desk_f_doc").options)[1:] == [f"{draft_id} · brouillon.txt"]
    # Back to articles.
    at.session_state["desk_kind"] = "article"
    at.run()
    assert at.selectbox(key="desk_claim").value in queue


def test_a_drafts_claim_in_the_address_opens_among_the_drafts(seeded: Seeded) -> None:
    eddie = services.Principal("eddie", "editor", "ui")
    draft = services.ingest_document(
        eddie, "Rabat, le 16 octobre 2025. Le ministre a parlé huit ans après la signature du "
               "Partenariat stratégique approfondi.".encode(), name="brouillon.txt", kind="draft",
        db=seeded.store)
    with seeded.store.read() as s:
        cid = s.exec(select(Claim).where(Claim.document_id == draft.document.id)).first().id
    at = app()
    at.query_params["claim"] = str(cid)
    at.run()
    at.text_input(key="auth_name").input("fatima")
    at.text_input(key="auth_password").input("demo-fatima")
    at.button(key="auth_submit").click().run()
    assert not at.exception, at.exception
    assert at.session_state["desk_kind"] == "draft"
    assert at.selectbox(key="desk_claim").value == cid
