"""The auditor's page: the history of any claim (who, when, what changed, from the audit log),
whether the audit chain is intact (head sequence number and hash), and the exports."""
from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

import streamlit as st

from verifier import services
from verifier.services import CLAIM_KINDS, CLAIM_STATUSES, FORMATS, VERDICTS, Principal
from verifier.ui import auth

EXPORT_MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "json": "application/json", "jsonld": "application/ld+json", "html": "text/html",
               "pdf": "application/pdf"}
EXPORT_SUFFIX = {"jsonld": "jsonld"}


def _when(ts: Any) -> str:
    return ts.strftime("%Y-%m-%d %H:%M:%S UTC") if ts is not None else "—"


def _chain(me: Principal) -> None:
    st.subheader("Audit chain")
    bar = st.progress(0, text="Verifying the audit chain…")
    report = services.audit.verify(me).report
    bar.empty()
    if report.ok:
        st.success(f"Intact: {report.events} events, every hash matches.", icon=":material/lock:")
    else:
        st.error(f"BROKEN at event {report.broken_seq}: {report.problem}", icon=":material/gpp_bad:")
    cols = st.columns([1, 4])
    cols[0].metric("Head seq", report.head_seq)
    cols[1].text(f"Head hash\n{report.head_hash}")


def _history(me: Principal) -> None:
    st.subheader("History of a claim")
    docs = services.queue_documents(me)
    if not docs:
        st.info("No documents stored yet.")
        return
    labels = {int(d.id or 0): f"{d.id} · {(d.title or d.source_name or '')[:70]}" for d in docs}
    cols = st.columns(2)
    doc_id = cols[0].selectbox("Document", list(labels), key="auditor_doc",
                               format_func=lambda i: labels.get(i, str(i)))
    claims = services.document_claims(me, doc_id)
    if not claims:
        st.info("This document has no claims.")
        return
    clabels = {int(c.id or 0): f"#{c.id} {c.kind} · {' '.join(c.text.split())[:60]} · "
                     f"{c.verdict or c.status}" for c in claims}
    claim_id = cols[1].selectbox("Claim", list(clabels), key="auditor_claim",
                                 format_func=lambda i: clabels.get(i, str(i)))
    claim = next(c for c in claims if c.id == claim_id)
    st.text(f"Claim #{claim.id} ({claim.kind}): {claim.text}")
    st.text(f"Now: verdict {claim.verdict or '—'}, status {claim.status}, version {claim.version}, "
            f"last changed by {claim.updated_by or '—'} at {_when(claim.updated_at)}")
    events = services.audit.events(me, claim_id=claim_id)
    rows = [{"seq": e["seq"], "when": datetime.fromisoformat(e["ts"]), "who": e["actor"],
             "via": f"{e['channel'] or '—'} · {e['os_user']}" if e["os_user"] else "—",
             "action": e["action"],
             "what changed": services.audit.describe_change(e["old"], e["new"]),
             "hash": e["hash"][:16]}
            for e in events]
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch", key="auditor_events")
    else:
        st.caption("No change recorded for this claim since it was extracted.")
    reviews = services.reviews_of(me, claim_id)
    if reviews:
        st.markdown("**Reviews**")
        st.dataframe([{"when": r.created_at, "reviewer": r.reviewer, "verdict": r.verdict,
                       "note": r.note or "", "claim version": r.claim_version} for r in reviews],
                     hide_index=True, width="stretch", key="auditor_reviews")


def _exports(me: Principal) -> None:
    st.subheader("Exports")
    docs = services.queue_documents(me)
    labels: dict[int, str] = {0: "all documents"} | {int(d.id or 0): f"{d.id} · {(d.title or d.source_name or '')[:50]}"
                                                    for d in docs}
    with st.form("auditor_export"):
        c = st.columns(4)
        fmt = c[0].selectbox("Format", FORMATS, key="auditor_fmt")
        doc_id = c[1].selectbox("Document", list(labels), key="auditor_exp_doc",
                                format_func=lambda i: labels.get(i, str(i)))
        status = c[2].selectbox("Status", ["any", *CLAIM_STATUSES], key="auditor_exp_status")
        kind = c[3].selectbox("Kind", ["any", *CLAIM_KINDS], key="auditor_exp_kind")
        c2 = st.columns(3)
        verdict = c2[0].selectbox("Verdict", ["any", *VERDICTS], key="auditor_exp_verdict")
        since = c2[1].date_input("Reviewed since", value=None, key="auditor_exp_since")
        until = c2[2].date_input("Reviewed until", value=None, key="auditor_exp_until")
        go = st.form_submit_button("Prepare export", key="auditor_export_btn")
    if go:
        try:
            filters = services.ExportFilters(document_id=doc_id or None,
                                    status=None if status == "any" else status,
                                    kind=None if kind == "any" else kind,
                                    verdict=None if verdict == "any" else verdict,
                                    since=since if isinstance(since, date) else None,
                                    until=until if isinstance(until, date) else None)
            buf = io.BytesIO()
            with st.spinner(f"Writing the {fmt} export…", show_time=True):
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
        st.download_button(f"Download {held['fmt'].upper()}", data=held["data"],
                           file_name=f"verifier-export.{suffix}", mime=EXPORT_MIME[held["fmt"]],
                           key="auditor_download", on_click="ignore")


def render() -> None:
    me = auth.require("auditor", "admin").principal
    st.title("Audit")
    st.caption("Every verdict, note, import and export is an event in an append-only log whose "
               "hashes chain each event to the one before: a change made behind the app's back "
               "breaks the chain at that event.")
    _chain(me)
    st.divider()
    _history(me)
    st.divider()
    _exports(me)
