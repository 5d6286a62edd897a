"""The fact-checker's desk: the queue of claims in triage order with its counts (which filter
when clicked) and filters, the document with every claim highlighted and the open one
outlined and scrolled to, the claim panel (context, what the check found in plain words of the
article's language, a suggested correction, the evidence as sentences, the raw detail behind
"Details", earlier verdicts) and the verdict form.

Every claim has an address: `?claim=ID` opens it (after sign-in), the address bar always names
the open claim and the panel shows the link to copy. Routine items (the dateline,
"actuellement": verifier/triage.py) are hidden unless asked for.

Keyboard: in the note, Ctrl+Enter (Cmd+Enter) saves and opens the next claim; Alt+N / Alt+P open
the next / previous claim. Saving sends the version of the claim this page showed; if someone
saved in between, verifier.services.review refuses with "changed by NAME at TIME", the page shows
the new value and the form keeps what this reviewer typed. A save is confirmed by a toast (in
view wherever the page is scrolled) and at the top of the claim panel."""
from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from verifier import services
from verifier.claims import attribution_doubtful
from verifier.services import (
    CLAIM_KINDS,
    CLAIM_STATUSES,
    TRIAGE_GROUPS,
    TRIAGE_LABELS,
    VERDICTS,
    Principal,
    QueueFilters,
    QueueRow,
)
from verifier.ui import auth, browser, highlight, i18n, widgets
from verifier.ui.i18n import N_, _, ngettext

ANON_CHOICES = {"any": None, "anonymous only": True, "named only": False}
ANON_LABELS = {"any": N_("any"), "anonymous only": N_("anonymous only"),
               "named only": N_("named only")}
KIND_LABELS = {"quote": N_("quote"), "temporal": N_("date"), "factual": N_("fact")}
FINDING_WORDS = {"consistent": N_("consistent"), "contradicted": N_("contradicted"),
                 "partial": N_("partly supported"), "no_evidence": N_("no evidence"),
                 services.NOT_CHECKED: N_("not checked")}
STATUS_WORDS = {"unreviewed": N_("unreviewed"), "reviewed": N_("reviewed")}
# The triage groups' names (verifier/triage.py:LABELS), for the catalogue.
GROUP_LABELS = {"contradicted": N_("Contradicted"), "altered": N_("Altered quotes"),
                "misattributed": N_("Misattributed"), "attribution": N_("Check the attribution"),
                "partial": N_("Partly supported"), "no_evidence": N_("No evidence"),
                "consistent": N_("Consistent"), "routine": N_("Routine")}
GROUP_SIGNS = {"contradicted": "✗", "altered": "✗", "misattributed": "✗", "attribution": "!",
               "partial": "~", "no_evidence": "?", "consistent": "✓", "routine": "·"}
# The counts shown above the queue (routine items have their own switch).
COUNTED = tuple(g for g in TRIAGE_GROUPS if g != "routine")
# Filter widgets a click on a count resets, so that the queue shows exactly what it counted.
_FILTER_KEYS = ("desk_f_kind", "desk_f_finding", "desk_f_anon", "desk_f_doc", "desk_f_dates",
                "desk_f_changed")


def _kind(kind: str) -> str:
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def _group(group: str) -> str:
    return _(GROUP_LABELS[group]) if group in GROUP_LABELS else TRIAGE_LABELS.get(group, group)


def _finding(finding: str | None) -> str:
    key = finding or services.NOT_CHECKED
    return _(FINDING_WORDS[key]) if key in FINDING_WORDS else key


def _show_count(group: str) -> None:
    """A click on a count: the unreviewed claims of that group (of every group for "all"),
    every other filter cleared."""
    ss = st.session_state
    for key in _FILTER_KEYS:
        ss.pop(key, None)
    ss["desk_f_status"] = ["unreviewed"]
    ss["desk_f_triage"] = [] if group == "all" else [group]
    if group == "routine":
        ss["desk_f_routine"] = True


# The desk shows published articles or saved drafts, never both mixed (docs/decisions.md §30).
DOC_KINDS = ("article", "draft")
DOC_KIND_LABELS = {"article": N_("Articles"), "draft": N_("Saved drafts")}


def _kind_changed() -> None:
    """Another kind of document: its own documents, so the document filter starts again. A
    click on the chosen kind would unselect it: it stays chosen."""
    ss = st.session_state
    if ss.get("desk_kind") not in DOC_KINDS:
        ss["desk_kind"] = ss.get("desk_kind_last", "article")
        return
    ss["desk_kind_last"] = ss["desk_kind"]
    ss.pop("desk_f_doc", None)


def _kind_switch(docs: dict[str, list[Any]], counts: dict[str, dict[str, int]]) -> str:
    """Articles or saved drafts, each with how many documents it holds and how many of their
    claims are left to review; articles by default."""
    ss = st.session_state
    if ss.get("desk_kind") not in DOC_KINDS:
        ss["desk_kind"] = "article"

    def label(kind: str) -> str:
        todo = sum(counts[kind].get(g, 0) for g in COUNTED)
        n = len(docs[kind])
        what = (ngettext("{n} article", "{n} articles", n) if kind == "article"
                else ngettext("{n} draft", "{n} drafts", n)).format(n=n)
        return _("{kind} · {documents}, {todo} to review").format(
            kind=_(DOC_KIND_LABELS[kind]), documents=what, todo=todo)

    st.segmented_control(_("Show"), DOC_KINDS, key="desk_kind", format_func=i18n.labels(DOC_KINDS, label),
                         selection_mode="single", on_change=_kind_changed,
                         help=_("Published articles and the drafts editors saved from “Check a "
                                "draft” are reviewed apart."))
    kind = ss.get("desk_kind")
    return str(kind) if kind in DOC_KINDS else "article"


def _triage_bar(me: Principal, counts: dict[str, int]) -> None:
    """How many unreviewed claims each group holds, whatever the filters; each count is a
    button that shows that group."""
    ss = st.session_state
    active = list(ss.get("desk_f_triage") or [])
    st.caption(_("To review, most urgent first (click a count to see those claims)"))
    total = sum(counts.get(g, 0) for g in COUNTED)
    with st.container(horizontal=True, gap="small", key="desk_counts"):
        st.button(_("All · {n}").format(n=total), key="desk_count_all", width="content",
                  type="primary" if not active else "secondary", on_click=_show_count,
                  args=("all",))
        for g in COUNTED:
            n = counts.get(g, 0)
            st.button(f"{_group(g)} · {n}", key=f"desk_count_{g}", width="content",
                      type="primary" if active == [g] else "secondary", disabled=n == 0,
                      on_click=_show_count, args=(g,))
    routine = counts.get("routine", 0)
    st.toggle(ngettext("Show {n} routine item (dateline, “currently”, dates with nothing to "
                       "check)", "Show {n} routine items (dateline, “currently”, dates with "
                       "nothing to check)", routine).format(n=routine), key="desk_f_routine")


def _filters(docs: list[Any], doc_kind: str) -> QueueFilters:
    # A constant label: Streamlit keeps an expander open across reruns only while its label stays.
    with st.expander(_("Filters"), expanded=False):
        row1 = st.columns(4)
        statuses = row1[0].multiselect(_("Status"), CLAIM_STATUSES, default=["unreviewed"],
                                       key="desk_f_status",
                                       format_func=i18n.labels(CLAIM_STATUSES, lambda s: _(STATUS_WORDS[s]) if s in STATUS_WORDS else s))
        groups = row1[1].multiselect(_("Needs"), TRIAGE_GROUPS, key="desk_f_triage",
                                     format_func=i18n.labels(TRIAGE_GROUPS, _group))
        kinds = row1[2].multiselect(_("Kind"), CLAIM_KINDS, key="desk_f_kind",
                                     format_func=i18n.labels(CLAIM_KINDS, _kind))
        findings = row1[3].multiselect(_("Finding"), services.FINDINGS, key="desk_f_finding",
                                       format_func=i18n.labels(services.FINDINGS, _finding))
        row2 = st.columns(3)
        anon = row2[0].selectbox(_("Quotes"), list(ANON_CHOICES), key="desk_f_anon",
                                 format_func=i18n.labels(ANON_CHOICES, lambda a: _(ANON_LABELS[a])))
        labels = {0: _("all documents")} | {d.id: f"{d.id} · {(d.title or d.source_name or '')[:60]}"
                                         for d in docs}
        doc_id = row2[1].selectbox(_("Document"), list(labels), key="desk_f_doc",
                                   format_func=lambda i: labels.get(i, str(i)))
        dates = row2[2].date_input(_("Published between"), value=[], key="desk_f_dates",
                                   format="YYYY-MM-DD")
        changed = st.checkbox(_("Evidence changed since the verdict"), key="desk_f_changed",
                              help=_("Reviewed claims whose finding or evidence a later check "
                                     "changed: their verdict may need a second look (any "
                                     "status)."))
    start: date | None = None
    end: date | None = None
    if isinstance(dates, list | tuple) and dates:
        start = dates[0]
        end = dates[1] if len(dates) > 1 else dates[0]
    return QueueFilters(statuses=() if changed else tuple(statuses), kinds=tuple(kinds),
                        document_kinds=(doc_kind,),
                        findings=tuple(findings), anonymous=ANON_CHOICES[anon],
                        document_id=doc_id or None, published_from=start,
                        published_to=end, evidence_changed=changed, groups=tuple(groups),
                        show_routine=bool(st.session_state.get("desk_f_routine")))


def _claim_label(row: QueueRow) -> str:
    c = row.claim
    text = " ".join(c.text.split())
    text = text if len(text) <= 70 else text[:67] + "…"
    mark = "⚠" if c.evidence_changed_since_verdict else "✓" if c.status == "reviewed" else \
        GROUP_SIGNS.get(row.group, "•")
    return f"{mark} #{c.id} {_group(row.group)} · {_kind(c.kind)} · {text}"


def _queue_table(rows: list[QueueRow]) -> None:
    st.dataframe(
        [{"id": r.claim.id, _("needs"): _group(r.group),
          _("document"): r.document_title[:40], _("kind"): _kind(r.claim.kind),
          _("text"): r.claim.text[:120], _("speaker"): r.claim.reference or r.claim.speaker or "",
          _("attribution"): _attribution_flag(r.claim),
          _("finding"): _finding(r.claim.finding),
          _("status"): _(STATUS_WORDS[r.claim.status]) if r.claim.status in STATUS_WORDS
          else r.claim.status, _("verdict"): r.claim.verdict or "",
          _("by"): r.claim.reviewed_by or "",
          _("evidence changed"): r.claim.evidence_changed_since_verdict} for r in rows],
        hide_index=True, width="stretch", height=min(38 + 35 * len(rows), 260), key="desk_table")


def _attribution_flag(claim: Any) -> str:
    """"check the attribution" for a quote whose attribution confidence is below the threshold
    (docs/decisions.md §20)."""
    attrs = claim.attrs or {}
    if claim.kind == "quote" and attribution_doubtful(attrs.get("confidence")):
        return _("check the attribution")
    return ""


def _move(ids: list[int], step: int) -> None:
    current = st.session_state.get("desk_claim")
    if not ids:
        return
    i = ids.index(current) if current in ids else -1
    st.session_state["desk_claim"] = ids[(i + step) % len(ids)]


def _save(claim_id: int, order: list[QueueRow]) -> None:
    """Form callback: runs before the page is drawn again, with the version the page showed."""
    ss = st.session_state
    user = auth.signed_in()
    ss.pop("desk_error", None)
    if user is None:
        ss["desk_error"] = _("Not signed in.")
        return
    seen = ss.get("desk_seen", {}).get(claim_id)
    verdict = ss.get(f"verdict_{claim_id}")
    note = ss.get(f"note_{claim_id}")
    if seen is None:
        ss["desk_error"] = _("The page did not show this claim yet; nothing saved.")
        return
    try:
        saved = services.review.record_verdict(user.principal, claim_id, verdict=verdict,
                                               note=note, seen_version=seen)
    except services.ReviewConflict as exc:
        # Keep the reviewer's verdict and note in the form (same widget keys); say who won.
        ss["desk_conflict"] = {"claim_id": claim_id, "message": str(exc)}
        return
    except (services.ReviewError, services.PermissionDenied) as exc:
        ss["desk_error"] = str(exc)
        return
    ss.pop("desk_conflict", None)
    when = saved.updated_at.strftime("%Y-%m-%d %H:%M:%S UTC") if saved.updated_at else ""
    ss["desk_flash"] = _("Saved claim #{id}: {verdict} by {who} at {when}.").format(
        id=claim_id, verdict=saved.verdict or _("note only"), who=user.name, when=when)
    for key in (f"verdict_{claim_id}", f"note_{claim_id}"):
        ss.pop(key, None)
    nxt = services.next_claim_id(order, claim_id)
    if nxt is not None:
        ss["desk_claim"] = nxt


def _document_view(me: Principal, claim: Any, doc: Any) -> None:
    claims = services.document_claims(me, doc.id)
    spans = [highlight.Span(c.start, c.end, c.kind, c.finding, c.id,
                            f"#{c.id} {_kind(c.kind)} · "
                            f"{_finding(c.finding)}"
                            + (f" · {c.verdict}" if c.verdict else "")) for c in claims]
    st.caption(_("{title} · {language} · published {published} · {n} claims").format(
        title=widgets.md(doc.title or doc.source_name), language=widgets.md(doc.language),
        published=doc.published or _("unknown"), n=len(claims)))
    widgets.document_origin(services.document_summary(doc))
    st.html(highlight.legend_html({k: _kind(k) for k in KIND_LABELS}
                                  | {f: _finding(f) for f in highlight.FINDING_BORDERS}))
    with st.container(height=620, key="desk_doc_box"):
        st.html(highlight.document_html(doc.text, spans, selected=claim.id))
        browser.scroll_to_claim(int(claim.id or 0))


def _claim_address(claim_id: int) -> str:
    """The link that opens this claim: the app's address (as the browser reached it) with the
    desk's page and ?claim=ID."""
    try:
        base = st.context.url
    except Exception:  # no browser behind this run
        base = None
    base = (base or "").rstrip("/")
    if base.endswith("/desk"):  # the address of this very page
        base = base[:-len("/desk")]
    return f"{base}/desk?claim={int(claim_id)}"


def _claim_panel(me: Principal, claim: Any, doc: Any, group: str) -> None:
    assert claim.id is not None
    ss = st.session_state
    # The confirmation of the last save, where the eyes are after "Save and next".
    for key, show in (("desk_flash", st.success), ("desk_error", st.error)):
        if ss.get(key):
            show(widgets.md(ss.pop(key)))
    st.subheader(_("Claim #{id} · {kind} · {group}").format(id=claim.id, kind=_kind(claim.kind),
                                                            group=_group(group)))
    st.code(_claim_address(claim.id), language=None, wrap_lines=True)
    st.html(highlight.in_context(doc.text, highlight.Span(claim.start, claim.end, claim.kind,
                                                          claim.finding, claim.id)))
    if claim.evidence_changed_since_verdict:
        st.warning(_("Evidence changed since the verdict: a check on {changed} changed this "
                     "claim's finding or evidence, after {who} gave it “{verdict}” on {reviewed}. "
                     "Look at it again; saving a verdict clears this.").format(
                         changed=_utc(claim.evidence_changed_at), who=widgets.md(claim.reviewed_by),
                         verdict=widgets.md(claim.verdict), reviewed=_utc(claim.reviewed_at)),
                   icon=":material/update:")
    explained = services.explain_claim(me, claim, doc)
    st.html(highlight.explanation_html(explained))
    items = services.claim_evidence(me, claim.id)
    with st.expander(_("Evidence"), expanded=True):
        widgets.show_explained_evidence(items, explained.evidence,
                                        source_text=lambda ev: services.source_text(me, ev))
    # Drawn only while open: its tables cost every desk run otherwise (docs/decisions.md §31).
    details = st.expander(_("Details"), expanded=False, key="desk_details_open", on_change="rerun")
    if details.open:
        with details:
            st.caption(_("The raw record behind the sentences above: the check's own note, the "
                         "claim's fields and each piece of evidence as stored."))
            if claim.explanation:
                st.text(f"Check: {claim.explanation}")
            widgets.show_fields(services.claim_contract(claim), key=f"desk_fields_{claim.id}")
            if items:
                st.dataframe(widgets.evidence_details(items), hide_index=True, width="stretch",
                             key=f"desk_evidence_raw_{claim.id}")
    earlier = services.earlier_verdicts(me, claim)
    if earlier:
        with st.expander(_("Earlier verdicts on the same words ({n})").format(n=len(earlier))):
            st.dataframe([{"claim": c.id, "document": c.document_id, "verdict": c.verdict,
                           "by": c.reviewed_by, "at": c.reviewed_at, "note": c.note or ""}
                          for c in earlier], hide_index=True, width="stretch",
                         key=f"desk_earlier_{claim.id}")


def _utc(when: Any) -> str:
    return when.strftime("%Y-%m-%d %H:%M UTC") if when else _("an unknown time")


def _changed_banner(me: Principal, filters: QueueFilters) -> None:
    """Say how many reviewed claims have new evidence, unless the queue shows just those."""
    if filters.evidence_changed:
        return
    n = len(services.load_queue(me, QueueFilters(evidence_changed=True)))
    if n:
        st.warning(ngettext("{n} reviewed claim got new evidence or a new finding since the "
                            "verdict: tick “Evidence changed since the verdict” in the filters.",
                            "{n} reviewed claims got new evidence or a new finding since the "
                            "verdict: tick “Evidence changed since the verdict” in the filters.",
                            n).format(n=n),
                   icon=":material/update:")


def _current_state(claim: Any) -> None:
    if claim.status == "reviewed" or claim.note:
        when = claim.updated_at.strftime("%Y-%m-%d %H:%M:%S UTC") if claim.updated_at else ""
        st.text(_("Current verdict: {verdict} (by {who} at {when}, version {version})").format(
            verdict=claim.verdict or "—", who=claim.reviewed_by or claim.updated_by, when=when,
            version=claim.version))
        if claim.note:
            st.text(_("Current note: {note}").format(note=claim.note))


def _verdict_form(claim: Any, order: list[QueueRow]) -> None:
    ss = st.session_state
    assert claim.id is not None
    ss.setdefault("desk_seen", {})[claim.id] = claim.version
    vkey, nkey = f"verdict_{claim.id}", f"note_{claim.id}"
    if vkey not in ss:
        ss[vkey] = claim.verdict
    if nkey not in ss:
        ss[nkey] = claim.note or ""
    conflict = ss.get("desk_conflict")
    if conflict and conflict.get("claim_id") == claim.id:
        st.warning(_("Not saved: {message}. The values above are theirs; your verdict and note "
                     "are still in the form: save again to replace theirs.").format(
                         message=widgets.md(conflict["message"])),
                   icon=":material/sync_problem:")
    with st.form(f"verdict_form_{claim.id}", clear_on_submit=False, border=True):
        st.selectbox(_("Verdict"), VERDICTS, key=vkey, index=None,
                     placeholder=_("Choose a rating"))
        # The placeholder, not a help icon: its button would share the "Note" label.
        st.text_area(_("Note"), key=nkey, height=90,
                     placeholder=_("Why; what you checked: published with the verdict "
                                   "(ClaimReview, reports). Ctrl+Enter saves and opens the next "
                                   "claim."))
        st.form_submit_button(_("Save and next"), type="primary", key="desk_save",
                              on_click=_save, args=(claim.id, order))


def _claim_in_address(me: Principal) -> None:
    """Open the claim the address names (?claim=ID) when it is new to this session: a link
    followed, a reload, an address typed. The address this page wrote itself is not news."""
    ss = st.session_state
    raw = st.query_params.get("claim")
    if raw is None or raw == ss.get("desk_address"):
        return
    ss["desk_address"] = raw
    try:
        claim_id = int(raw)
    except ValueError:
        st.error(_("The address names no claim (?claim= needs a claim number)."))
        return
    found = services.get_claim(me, claim_id)
    if found is None or found[1].kind == "source":
        st.error(_("Claim {id} is not stored (the link may be out of date).").format(id=claim_id))
        return
    ss["desk_claim"] = claim_id
    ss["desk_pinned"] = claim_id
    if found[1].kind in DOC_KINDS:  # a draft's claim opens among the drafts
        ss["desk_kind"] = found[1].kind


def _address(claim_id: int) -> None:
    """Keep the address bar on the open claim (a reload or a copied address reopens it)."""
    if st.query_params.get("claim") != str(claim_id):
        st.query_params["claim"] = str(claim_id)
    st.session_state["desk_address"] = str(claim_id)


def render() -> None:
    user = auth.require()
    me = user.principal
    ss = st.session_state
    st.title(_("Review desk"))
    if not services.queue_documents(me):
        st.info(_("No documents stored yet. Load the demo with `verifier demo`, or ingest "
                  "files with `verifier ingest PATH`."))
        return
    _claim_in_address(me)
    if ss.get("desk_flash"):
        st.toast(widgets.md(ss["desk_flash"]), icon=":material/check_circle:")
    by_kind = {k: services.queue_documents(me, kinds=(k,)) for k in DOC_KINDS}
    counts = {k: services.triage_counts(me, kinds=(k,)) for k in DOC_KINDS}
    kind = _kind_switch(by_kind, counts)
    if not by_kind[kind]:
        st.info(_("No saved drafts yet: editors save them from “Check a draft”.") if kind == "draft"
                else _("No articles stored yet: ingest them with `verifier ingest PATH`."))
        return
    _triage_bar(me, counts[kind])
    filters = _filters(by_kind[kind], kind)
    rows = services.load_queue(me, filters)
    conflict = ss.get("desk_conflict")
    if conflict and ss.get("desk_claim") != conflict["claim_id"]:
        ss.pop("desk_conflict")  # the reviewer moved on to another claim
        conflict = None
    if ss.get("desk_pinned") is not None and ss.get("desk_claim") != ss["desk_pinned"]:
        ss.pop("desk_pinned")  # the reviewer moved on from the claim the address opened
    # Keep open, even outside the filtered queue: a claim someone else just saved (it may be
    # reviewed now: the reviewer sees their values and keeps their note), and the claim the
    # address named.
    keep = conflict["claim_id"] if conflict else ss.get("desk_pinned")
    if keep is not None and keep not in {r.claim.id for r in rows}:
        every = services.load_queue(me, QueueFilters(show_routine=True))
        rows = [r for r in every if r.claim.id == keep] + rows
    _changed_banner(me, filters)
    if not rows:
        for key, show in (("desk_flash", st.success), ("desk_error", st.error)):
            if ss.get(key):
                show(widgets.md(ss.pop(key)))
        st.info(_("No claim matches these filters."))
        return
    # The table is drawn only while its expander is open: a data grid, even folded, cost a
    # desk run about a tenth of a second in Chromium (bench/ui_speed.py, docs/decisions.md §31).
    queue = st.expander(_("Queue ({n} claims)").format(n=len(rows)), expanded=False,
                        key="desk_queue_open", on_change="rerun")
    if queue.open:
        with queue:
            _queue_table(rows)
    ids = [r.claim.id for r in rows if r.claim.id is not None]
    labels = {r.claim.id: _claim_label(r) for r in rows}
    groups = {r.claim.id: r.group for r in rows}
    if ss.get("desk_claim") not in ids:
        ss["desk_claim"] = ids[0]
    nav = st.columns([5, 1.3, 1.3], vertical_alignment="bottom")
    nav[0].selectbox(_("Claim"), ids, key="desk_claim", format_func=lambda i: labels.get(i, str(i)))
    nav[1].button(_("◀ Previous"), key="desk_prev", shortcut="Alt+P", on_click=_move, args=(ids, -1),
                  width="stretch")
    nav[2].button(_("Next ▶"), key="desk_next", shortcut="Alt+N", on_click=_move, args=(ids, 1),
                  width="stretch")
    found = services.get_claim(me, ss["desk_claim"])
    if found is None:
        st.error(_("Claim {id} is no longer stored.").format(id=ss["desk_claim"]))
        return
    claim, doc = found
    _address(int(claim.id or 0))
    left, right = st.columns([1.25, 1], gap="large")
    with left:
        _document_view(me, claim, doc)
    with right:
        _claim_panel(me, claim, doc, groups.get(claim.id, "no_evidence"))
        st.divider()
        _current_state(claim)
        if user.can_review:
            _verdict_form(claim, rows)
        else:
            st.info(_("You are signed in as {role}: you can read findings and evidence, but "
                      "only fact-checkers and admins mark verdicts.").format(
                          role=auth.role_word(user.role)))
