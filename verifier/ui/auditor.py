"""The auditor's page: whether the audit chain is intact (head sequence number and hash); the
activity feed, every event of the log newest first, filtered by user, action, dates and
document, paged, each event's changes field by field in words, and its export (CSV, JSON);
the history of any claim; the exports of claims."""
from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any

import streamlit as st

from verifier import services
from verifier.services import CLAIM_KINDS, CLAIM_STATUSES, FORMATS, VERDICTS, Principal
from verifier.services.audit import FEED_FORMATS, FeedFilters
from verifier.ui import auth, i18n
from verifier.ui.i18n import _, ngettext

EXPORT_MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "json": "application/json", "jsonld": "application/ld+json", "html": "text/html",
               "pdf": "application/pdf"}
EXPORT_SUFFIX = {"jsonld": "jsonld"}
FEED_PAGE = 50
FEED_MIME = {"csv": "text/csv", "json": "application/json"}


def _when(ts: Any) -> str:
    return ts.strftime("%Y-%m-%d %H:%M:%S UTC") if ts is not None else "—"


def _chain(me: Principal) -> None:
    """Whether the chain is intact. Verified when the page opens, again whenever the log has
    a new head and on "Verify again", not on every click of the feed (a large log takes
    seconds to verify); the page says when it was verified."""
    st.subheader(_("Audit chain"))
    ss = st.session_state
    current = services.audit.head(me)
    held = ss.get("auditor_chain")
    if held is None or held[0] != current:
        bar = st.progress(0, text=_("Verifying the audit chain…"))
        held = (current, services.audit.verify(me).report, datetime.now(UTC))
        ss["auditor_chain"] = held
        bar.empty()
    report = held[1]
    if report.ok:
        st.success(_("Intact: {n} events, every hash matches.").format(n=report.events),
                   icon=":material/lock:")
    else:
        st.error(_("BROKEN at event {seq}: {problem}").format(seq=report.broken_seq,
                                                             problem=report.problem),
                 icon=":material/gpp_bad:")
    cols = st.columns([1, 4, 1])
    cols[0].metric(_("Head seq"), report.head_seq)
    cols[1].text(_("Head hash\n{hash}\nverified at {when}").format(hash=report.head_hash,
                                                                  when=_when(held[2])))
    cols[2].button(_("Verify again"), key="auditor_verify_again",
                   on_click=lambda: ss.pop("auditor_chain", None))


def _any(value: str) -> str:
    return _("any") if value == "any" else value


def _doc_label(d: Any) -> str:
    return f"{d.kind} {d.id} · {(d.title or d.source_name or '')[:60]}"


def _feed_filters(me: Principal) -> FeedFilters:
    """The filters of the feed, as the auditor set them (nothing chosen: everything)."""
    facets = services.audit.feed_facets(me)
    docs = services.queue_documents(me)
    labels: dict[int, str] = {0: _("any document")} | {int(d.id or 0): _doc_label(d) for d in docs}
    c = st.columns([3, 3, 2, 2, 3])
    actors = c[0].multiselect(_("User"), facets.actors, key="auditor_feed_users",
                              placeholder=_("anyone"))
    actions = c[1].multiselect(_("Action"), facets.actions, key="auditor_feed_actions",
                               placeholder=_("any action"))
    since = c[2].date_input(_("From (UTC)"), value=None, key="auditor_feed_since")
    until = c[3].date_input(_("To (UTC)"), value=None, key="auditor_feed_until")
    doc_id = c[4].selectbox(_("Document"), list(labels), key="auditor_feed_doc",
                            format_func=lambda i: labels.get(i, str(i)))
    return FeedFilters(actors=tuple(actors), actions=tuple(actions),
                       since=since if isinstance(since, date) else None,
                       until=until if isinstance(until, date) else None,
                       document_id=doc_id or None)


def _feed_pager(filters: FeedFilters) -> int | None:
    """The `before` cursor of the page shown: a stack of cursors, reset when the filters
    change."""
    ss = st.session_state
    if ss.get("auditor_feed_key") != filters:
        ss["auditor_feed_key"] = filters
        ss["auditor_feed_pages"] = [None]
    pages: list[int | None] = ss["auditor_feed_pages"]
    return pages[-1]


def _older(cursor: int | None) -> None:
    st.session_state["auditor_feed_pages"].append(cursor)


def _newer() -> None:
    pages = st.session_state["auditor_feed_pages"]
    if len(pages) > 1:
        pages.pop()


def _event_detail(events: list[dict[str, Any]]) -> None:
    """One event of the page: who, when, what, and what it changed field by field."""
    by_seq = {e["seq"]: e for e in events}
    seq = st.selectbox(_("Event"), list(by_seq), index=None, key="auditor_feed_event",
                       placeholder=_("Choose an event to read what it changed"),
                       format_func=lambda n: f"{n} · {by_seq[n]['actor']} · {by_seq[n]['action']}")
    if seq is None or seq not in by_seq:
        return
    ev = by_seq[seq]
    where = " ".join(x for x in (f"document {ev['document_id']}" if ev["document_id"] else "",
                                  f"claim {ev['claim_id']}" if ev["claim_id"] else "") if x)
    st.text(f"Event {ev['seq']}: {ev['action']} by {ev['actor']} at "
            f"{_when(datetime.fromisoformat(ev['ts']))}" + (f", on {where}" if where else "")
            + f"\nhash {ev['hash']}")
    changes = services.audit.field_changes(ev["old"], ev["new"])
    if changes:
        st.dataframe([{_("field"): k, _("before"): a, _("after"): b} for k, a, b in changes],
                     hide_index=True, width="stretch", key="auditor_feed_diff")
    else:
        st.caption(_("This event records no field."))


def _feed_export(me: Principal, filters: FeedFilters) -> None:
    c = st.columns([2, 2, 6])
    fmt = c[0].selectbox(_("Feed export format"), FEED_FORMATS, key="auditor_feed_fmt")
    if c[1].button(_("Export the feed"), key="auditor_feed_export_btn",
                   help=_("Every event matching the filters, oldest first; the export is "
                          "itself recorded in the log.")):
        buf = io.BytesIO()
        try:
            res = services.audit.export_feed(me, fmt, buf, filters=filters)
        except (ValueError, services.PermissionDenied, OSError) as exc:
            st.error(str(exc).splitlines()[0])
            return
        st.session_state["auditor_feed_file"] = {"fmt": fmt, "data": buf.getvalue(),
                                                 "rows": res.rows, "sha256": res.sha256,
                                                 "head": f"{res.head_seq} · {res.head_hash}"}
    held: dict[str, Any] | None = st.session_state.get("auditor_feed_file")
    if held:
        st.text(f"{held['rows']} events · audit head {held['head']} · sha256 {held['sha256']}")
        st.download_button(_("Download the feed ({format})").format(format=held["fmt"].upper()), data=held["data"],
                           file_name=f"verifier-audit-feed.{held['fmt']}",
                           mime=FEED_MIME[held["fmt"]], key="auditor_feed_download",
                           on_click="ignore")


def _feed(me: Principal) -> None:
    """Every audit event, newest first, with its filters, pages, detail and export."""
    st.subheader(_("Activity"))
    filters = _feed_filters(me)
    before = _feed_pager(filters)
    page = services.audit.feed(me, filters, before=before, limit=FEED_PAGE)
    pages = st.session_state["auditor_feed_pages"]
    first = (len(pages) - 1) * FEED_PAGE + 1
    shown = f"{first}–{first + len(page.events) - 1}" if page.events else _("none")
    nav = st.columns([6, 1, 1])
    matches = ngettext("{n} event matches", "{n} events match", page.total).format(n=page.total)
    nav[0].caption(_("{matches} · showing {shown}, newest first").format(matches=matches,
                                                                          shown=shown))
    nav[1].button(_("Newer"), key="auditor_feed_newer", disabled=len(pages) <= 1,
                  on_click=_newer, width="stretch")
    nav[2].button(_("Older"), key="auditor_feed_older", disabled=page.next_before is None,
                  on_click=_older, args=(page.next_before,), width="stretch")
    if not page.events:
        st.info(_("No event matches these filters."))
    else:
        st.dataframe([{_("seq"): e["seq"], _("when"): datetime.fromisoformat(e["ts"]),
                       _("who"): e["actor"], _("action"): e["action"],
                       _("document"): e["document_id"], _("claim"): e["claim_id"],
                       _("what changed"): services.audit.change_text(e["old"], e["new"])}
                      for e in page.events],
                     hide_index=True, width="stretch", key="auditor_feed_table")
        _event_detail(page.events)
    _feed_export(me, filters)


def _history(me: Principal) -> None:
    st.subheader(_("History of a claim"))
    docs = services.queue_documents(me)
    if not docs:
        st.info(_("No documents stored yet."))
        return
    labels = {int(d.id or 0): _doc_label(d) for d in docs}
    cols = st.columns(2)
    doc_id = cols[0].selectbox(_("Document"), list(labels), key="auditor_doc",
                               format_func=lambda i: labels.get(i, str(i)))
    claims = services.document_claims(me, doc_id)
    if not claims:
        st.info(_("This document has no claims."))
        return
    clabels = {int(c.id or 0): f"#{c.id} {c.kind} · {' '.join(c.text.split())[:60]} · "
                     f"{c.verdict or c.status}" for c in claims}
    claim_id = cols[1].selectbox(_("Claim"), list(clabels), key="auditor_claim",
                                 format_func=lambda i: clabels.get(i, str(i)))
    claim = next(c for c in claims if c.id == claim_id)
    st.text(f"Claim #{claim.id} ({claim.kind}): {claim.text}")
    st.text(f"Now: verdict {claim.verdict or '—'}, status {claim.status}, version {claim.version}, "
            f"last changed by {claim.updated_by or '—'} at {_when(claim.updated_at)}")
    events = services.audit.events(me, claim_id=claim_id)
    rows = [{_("seq"): e["seq"], _("when"): datetime.fromisoformat(e["ts"]), _("who"): e["actor"],
             _("via"): f"{e['channel'] or '—'} · {e['os_user']}" if e["os_user"] else "—",
             _("action"): e["action"],
             _("what changed"): services.audit.change_text(e["old"], e["new"]),
             _("hash"): e["hash"][:16]}
            for e in events]
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch", key="auditor_events")
    else:
        st.caption(_("No change recorded for this claim since it was extracted."))
    reviews = services.reviews_of(me, claim_id)
    if reviews:
        st.markdown("**" + _("Reviews") + "**")
        st.dataframe([{_("when"): r.created_at, _("reviewer"): r.reviewer, _("verdict"): r.verdict,
                       _("note"): r.note or "", _("claim version"): r.claim_version}
                      for r in reviews],
                     hide_index=True, width="stretch", key="auditor_reviews")


def _exports(me: Principal) -> None:
    st.subheader(_("Exports"))
    docs = services.queue_documents(me)
    labels: dict[int, str] = {0: _("all documents")} | {int(d.id or 0): _doc_label(d) for d in docs}
    with st.form("auditor_export"):
        c = st.columns(4)
        fmt = c[0].selectbox(_("Format"), FORMATS, key="auditor_fmt")
        doc_id = c[1].selectbox(_("Document"), list(labels), key="auditor_exp_doc",
                                format_func=lambda i: labels.get(i, str(i)))
        status = c[2].selectbox(_("Status"), ["any", *CLAIM_STATUSES], key="auditor_exp_status",
                                format_func=i18n.labels(["any", *CLAIM_STATUSES], _any))
        kind = c[3].selectbox(_("Kind"), ["any", *CLAIM_KINDS], key="auditor_exp_kind",
                              format_func=i18n.labels(["any", *CLAIM_KINDS], _any))
        c2 = st.columns(3)
        verdict = c2[0].selectbox(_("Verdict"), ["any", *VERDICTS], key="auditor_exp_verdict",
                                  format_func=i18n.labels(["any", *VERDICTS], _any))
        since = c2[1].date_input(_("Reviewed since"), value=None, key="auditor_exp_since")
        until = c2[2].date_input(_("Reviewed until"), value=None, key="auditor_exp_until")
        go = st.form_submit_button(_("Prepare export"), key="auditor_export_btn")
    if go:
        try:
            filters = services.ExportFilters(document_id=doc_id or None,
                                    status=None if status == "any" else status,
                                    kind=None if kind == "any" else kind,
                                    verdict=None if verdict == "any" else verdict,
                                    since=since if isinstance(since, date) else None,
                                    until=until if isinstance(until, date) else None)
            buf = io.BytesIO()
            with st.spinner(_("Writing the {format} export…").format(format=fmt), show_time=True):
                res = services.exports.export(me, fmt, buf, filters=filters)
        except (ValueError, services.BrowserMissing, services.PermissionDenied, OSError) as exc:
            st.error(str(exc).splitlines()[0])
            return
        st.session_state["auditor_export_file"] = {
            "fmt": fmt, "data": buf.getvalue(), "rows": res.rows, "sha256": res.sha256,
            "head": f"{res.head_seq} · {res.head_hash}"}
    held: dict[str, Any] | None = st.session_state.get("auditor_export_file")
    if held:
        suffix = EXPORT_SUFFIX.get(held["fmt"], held["fmt"])
        st.text(f"{held['rows']} claims · audit head {held['head']} · sha256 {held['sha256']}")
        st.download_button(_("Download {format}").format(format=held["fmt"].upper()), data=held["data"],
                           file_name=f"verifier-export.{suffix}", mime=EXPORT_MIME[held["fmt"]],
                           key="auditor_download", on_click="ignore")


def render() -> None:
    me = auth.require("auditor", "admin").principal
    st.title(_("Audit"))
    st.caption(_("Every verdict, note, import and export is an event in an append-only log "
                 "whose hashes chain each event to the one before: a change made behind the "
                 "app's back breaks the chain at that event."))
    _chain(me)
    st.divider()
    _feed(me)
    st.divider()
    _history(me)
    st.divider()
    _exports(me)
