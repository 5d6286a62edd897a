"""The editor's page: paste or upload a draft, see at once what is wrong or unsourced, grouped by
severity with what to fix. Nothing is stored unless the editor presses "Save draft"."""
from __future__ import annotations

import hashlib

import streamlit as st

from verifier import services
from verifier.ui import auth, findings, highlight, widgets

UPLOAD_TYPES = ["txt", "md", "html", "htm", "docx", "pdf"]
LANGS = {"detect": None, "French": "fr", "English": "en"}


def _input() -> tuple[bytes, str] | None:
    paste, upload = st.tabs(["Paste text", "Upload a file"])
    with paste:
        text = st.text_area("Draft text", key="editor_text", height=260,
                            placeholder="Paste the article here…")
    with upload:
        file = st.file_uploader("Draft (txt, md, html, docx, pdf)", type=UPLOAD_TYPES,
                                key="editor_file")
    if file is not None:
        return file.getvalue(), file.name
    if text and text.strip():
        return text.encode("utf-8"), "pasted-draft.txt"
    if text:  # only whitespace: let ingest say so
        return text.encode("utf-8"), "pasted-draft.txt"
    return None


def _fingerprint(data: bytes, sources: list[tuple[bytes, str]]) -> str:
    h = hashlib.sha256(data)
    for body, name in sources:
        h.update(hashlib.sha256(body).digest() + name.encode("utf-8", "replace"))
    return h.hexdigest()


def _sources_used(report: services.CheckReport) -> None:
    used = report.sources
    if not used:
        st.caption("No reference source holds any quote of this draft: add the transcript or "
                   "press release above, or ask an admin to add it to the library.")
        return
    names = [f"{s.get('title') or 'untitled'}"
             f"{' (' + s['published'] + ')' if s.get('published') else ''}"
             f"{' — attached' if s.get('origin') == 'given' else ' — library'}" for s in used]
    st.text("Quotes checked against: " + "; ".join(names))


def _show_result(me: services.Principal, checked: services.DraftCheck) -> None:
    claims = checked.report.claims
    text = checked.text
    ready = findings.is_ready(checked.report)
    groups = findings.group_findings(claims)
    n = {g.key: len(g.claims) for g in groups}
    if not checked.checked:
        st.warning("Automatic checking is not available yet on this installation: the claims "
                   "below were found but not checked against sources.")
    if ready:
        st.success(f"No contradiction and no altered quote found in {len(claims)} claims. "
                   "Read the warnings below before publishing.", icon=":material/check_circle:")
    else:
        st.error(f"NOT READY TO PUBLISH: {n['contradicted']} contradicted claims, "
                 f"{n['altered']} altered quotes.", icon=":material/block:")
    _sources_used(checked.report)
    cols = st.columns(5)
    cols[0].metric("Claims", len(claims))
    for col, g in zip(cols[1:], groups, strict=False):
        col.metric(g.title, len(g.claims))
    for g in groups:
        if not g.claims:
            continue
        box = {"error": st.error, "warning": st.warning, "info": st.info}[g.severity]
        st.subheader(f"{g.title} ({len(g.claims)})")
        box(f"What to fix: {g.fix}")
        for i, c in enumerate(g.claims):
            with st.container(border=True):
                span = highlight.Span(c.claim.start, c.claim.end, c.kind, c.finding, i)
                st.html(highlight.in_context(text, span, width=160))
                st.text(f"{c.kind} · {widgets.finding_label(c.finding)}")
                if c.result.explanation:
                    st.text(c.result.explanation)
                widgets.show_fields(c.claim, key=f"editor_fields_{g.key}_{i}")
                if c.result.evidence:
                    widgets.show_evidence(c.result.evidence,
                                          source_text=lambda ev: services.source_text(me, ev))
    with st.expander("The draft with its claims highlighted"):
        spans = [highlight.Span(c.claim.start, c.claim.end, c.kind, c.finding, i,
                                f"{c.kind} · {c.finding}")
                 for i, c in enumerate(claims)]
        st.html(highlight.document_html(text, spans))


def render() -> None:
    me = auth.require("editor", "fact-checker", "admin").principal
    ss = st.session_state
    st.title("Check a draft")
    st.caption("Paste or upload a draft: its quotes, dates and facts are checked against the "
               "reference sources and facts. Nothing is stored unless you save the draft.")
    given = _input()
    attached = st.file_uploader(
        "Reference sources for this draft (transcripts, press releases: checked against, "
        "not stored)", type=UPLOAD_TYPES, accept_multiple_files=True, key="editor_sources")
    sources = [(f.getvalue(), f.name) for f in attached or []]
    opts = st.columns(3)
    lang_label = opts[0].selectbox("Language", list(LANGS), key="editor_lang")
    published = opts[1].date_input("Publication date", value=None, key="editor_published",
                                   format="YYYY-MM-DD")
    check = opts[2].button("Check draft", type="primary", key="editor_check",
                           shortcut="Ctrl+Enter", width="stretch")
    if check:
        ss.pop("editor_result", None)
        ss.pop("editor_saved", None)
        if given is None:
            st.error("Paste a draft or upload a file first.")
            return
        data, name = given
        bar = st.progress(5, text="Reading the draft, finding its quotes, dates and facts, "
                                  "and checking them…")
        try:
            checked = services.check_draft(me, data, name=name, lang=LANGS[lang_label],
                                           published=published, sources=sources)
        except (services.IngestError, services.PermissionDenied,
                services.DocumentTooComplex) as exc:
            bar.empty()
            st.error(str(exc))
            return
        bar.progress(100, text="Done")
        bar.empty()
        ss["editor_result"] = {"checked": checked, "name": name,
                               "sha": _fingerprint(data, sources), "data": data,
                               "lang": LANGS[lang_label], "published": published}
    held = ss.get("editor_result")
    if not held:
        return
    if given is None or _fingerprint(given[0], sources) != held["sha"]:
        st.info("The draft or its sources changed since it was checked: press “Check draft” "
                "again.")
        return
    _show_result(me, held["checked"])
    st.divider()
    if ss.get("editor_saved"):
        st.success(ss["editor_saved"])
    elif st.button("Save draft", key="editor_save",
                   help="Store the draft and its claims (kind draft) so fact-checkers can review it."):
        try:  # read and extracted again in the limited worker: its limits hold here too
            res = services.ingest_document(me, held["data"], name=held["name"], kind="draft",
                                           lang=held["lang"], published=held["published"])
        except (services.IngestError, services.PermissionDenied,
                services.DocumentTooComplex) as exc:
            st.error(str(exc).splitlines()[0])
            return
        msg = (f"Saved as draft document {res.document.id} with {res.claims_added} claims."
               if res.created else f"Already stored as document {res.document.id}; unchanged.")
        ss["editor_saved"] = msg
        st.success(msg)
