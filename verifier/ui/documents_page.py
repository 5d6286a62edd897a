"""The documents page: stored documents, then one document's text and its claims."""
from __future__ import annotations

import streamlit as st

from verifier import documents
from verifier.models import Document
from verifier.store import open_store


def render() -> None:
    st.title("verifier")
    st.caption("Quotes, dates and factual claims of news articles, checked against reference sources.")
    store = open_store()
    with store.read() as session:
        rows = documents.list_documents(session=session)
    if not rows:
        st.info("No documents stored yet. Load the demo with `verifier demo`, or ingest files "
                "with `verifier ingest PATH`.")
        return
    st.subheader(f"Documents ({len(rows)})")
    st.dataframe(
        [{"id": d.id, "kind": d.kind, "language": d.language,
          "published": d.published.isoformat() if d.published else "", "claims": n,
          "title": d.title or d.source_name or ""} for d, n in rows],
        hide_index=True, width="stretch",
    )
    labels = {d.id: f"{d.id} · {d.title or d.source_name}" for d, _ in rows}
    chosen = st.selectbox("Document", list(labels), format_func=lambda i: labels[i], key="doc")
    with store.read() as session:
        doc = session.get(Document, chosen)
        claims = documents.document_claims(session=session, document_id=chosen) if doc else []
    if doc is None:
        st.error(f"Document {chosen} is no longer stored.")
        return
    meta = st.columns(4)
    meta[0].metric("Language", doc.language)
    meta[1].metric("Published", doc.published.isoformat() if doc.published else "unknown")
    meta[2].metric("Characters", f"{len(doc.text):,}")
    meta[3].metric("Claims", len(claims))
    st.markdown("**Text**")
    st.text(doc.text)
    if claims:
        st.markdown("**Claims**")
        st.dataframe(
            [{"kind": c.kind, "start": c.start, "end": c.end, "text": c.text,
              "speaker": c.reference or c.speaker or "", "finding": c.finding or "",
              "status": c.status} for c in claims],
            hide_index=True, width="stretch",
        )
