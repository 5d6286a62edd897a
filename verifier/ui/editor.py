"""The editor's page: paste or upload a draft, see at once what is wrong or unsourced, grouped by
severity with what to fix. Nothing is stored unless the editor presses "Save draft"."""
from __future__ import annotations

import dataclasses
import hashlib
from datetime import date
from typing import Any

import streamlit as st

from verifier import services as api
from verifier.db import queue
from verifier.db.store import Store, open_store
from verifier.ingest import IngestedDocument, IngestError, ingest_bytes
from verifier.ui import auth, findings, highlight, widgets

UPLOAD_TYPES = ["txt", "md", "html", "htm", "docx", "pdf"]
LANGS = {"detect": None, "French": "fr", "English": "en"}


def _as_dict(result: Any) -> dict[str, Any]:
    if isinstance(result, dict):
        return result
    for name in ("as_dict", "to_dict", "model_dump"):
        fn = getattr(result, name, None)
        if callable(fn):
            return dict(fn())
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return dataclasses.asdict(result)
    return dict(vars(result))


def check_draft(store: Store, data: bytes, *, name: str, lang: str | None,
                published: date | None, progress: Any = None) -> tuple[dict[str, Any], IngestedDocument]:
    """Read the bytes (IngestError on bad input), then check them against the store's sources
    and facts; stores nothing. Falls back to extraction alone while `api.check_text` is not
    there."""
    doc = ingest_bytes(data, name=name, lang=lang, published=published)
    if progress is not None:
        progress.progress(35, text="Finding quotes, dates and facts, and checking them…")
    check_text = getattr(api, "check_text", None)
    if check_text is not None:
        result = _as_dict(check_text(doc.text, lang=doc.language, published=doc.published,
                                     store=store))
        result.setdefault("checked", True)
    else:
        result = api.extract_document(doc).to_json()
        result["checked"] = False
    return result, doc


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


def _show_result(store: Store, result: dict[str, Any], text: str) -> None:
    claims = result.get("claims") or []
    ready = findings.is_ready(result)
    groups = findings.group_findings(claims)
    n = {g.key: len(g.claims) for g in groups}
    if not result.get("checked"):
        st.warning("Automatic checking is not available yet on this installation: the claims "
                   "below were found but not checked against sources.")
    if ready:
        st.success(f"No contradiction and no altered quote found in {len(claims)} claims. "
                   "Read the warnings below before publishing.", icon=":material/check_circle:")
    else:
        st.error(f"NOT READY TO PUBLISH: {n['contradicted']} contradicted claims, "
                 f"{n['altered']} altered quotes.", icon=":material/block:")
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
                span = highlight.Span(c["start"], c["end"], c.get("kind"), c.get("finding"), i)
                st.html(highlight.in_context(text, span, width=160))
                st.text(f"{c.get('kind')} · {widgets.finding_label(c.get('finding'))}")
                if c.get("explanation"):
                    st.text(c["explanation"])
                widgets.show_fields(c, key=f"editor_fields_{g.key}_{i}")
                if c.get("evidence"):
                    widgets.show_evidence(c["evidence"],
                                          source_text=lambda ev: queue.source_text(store, ev))
    with st.expander("The draft with its claims highlighted"):
        spans = [highlight.Span(c["start"], c["end"], c.get("kind"), c.get("finding"), i,
                                f"{c.get('kind')} · {c.get('finding') or 'not checked'}")
                 for i, c in enumerate(claims)]
        st.html(highlight.document_html(text, spans))


def render() -> None:
    auth.require("editor", "fact-checker", "admin")
    store = open_store()
    ss = st.session_state
    st.title("Check a draft")
    st.caption("Paste or upload a draft: its quotes, dates and facts are checked against the "
               "reference sources and facts. Nothing is stored unless you save the draft.")
    given = _input()
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
        bar = st.progress(5, text="Reading the draft…")
        try:
            result, doc = check_draft(store, data, name=name, lang=LANGS[lang_label],
                                      published=published, progress=bar)
        except IngestError as exc:
            bar.empty()
            st.error(str(exc))
            return
        bar.progress(100, text="Done")
        bar.empty()
        ss["editor_result"] = {"result": result, "text": doc.text, "name": name,
                               "sha": hashlib.sha256(data).hexdigest(), "data": data,
                               "lang": LANGS[lang_label], "published": published}
    held = ss.get("editor_result")
    if not held:
        return
    if given is None or hashlib.sha256(given[0]).hexdigest() != held["sha"]:
        st.info("The draft changed since it was checked: press “Check draft” again.")
        return
    _show_result(store, held["result"], held["text"])
    st.divider()
    if ss.get("editor_saved"):
        st.success(ss["editor_saved"])
    elif st.button("Save draft", key="editor_save",
                   help="Store the draft and its claims (kind draft) so fact-checkers can review it."):
        res = api.ingest_into(store, held["data"], name=held["name"], kind="draft",
                              lang=held["lang"], published=held["published"], actor=auth.actor())
        msg = (f"Saved as draft document {res.document.id} with {res.claims_added} claims."
               if res.created else f"Already stored as document {res.document.id}; unchanged.")
        ss["editor_saved"] = msg
        st.success(msg)
