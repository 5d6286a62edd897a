"""Reference material: the source documents claims are matched against, and the fact packs.
Admins add them (many files at once, with progress); fact-checkers may look."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

import streamlit as st
from sqlalchemy import func
from sqlmodel import col, select

from verifier import services as api
from verifier.db import facts as facts_mod
from verifier.db.documents import DocumentError
from verifier.db.models import Document, Fact, Passage
from verifier.db.store import Store, open_store
from verifier.ingest import IngestError
from verifier.ui import auth

SOURCE_TYPES = ["txt", "md", "html", "htm", "docx", "pdf"]
PACK_TYPES = ["yaml", "yml", "csv"]


def _loaded_sources(store: Store) -> list[dict[str, Any]]:
    with store.read() as session:
        counts: dict[int, int] = dict(session.exec(  # type: ignore[arg-type]
            select(col(Passage.document_id), func.count(col(Passage.id)))
            .group_by(col(Passage.document_id))).all())
        docs = session.exec(select(Document).where(Document.kind == "source")
                            .order_by(col(Document.id))).all()
    return [{"id": d.id, "title": d.title or d.source_name or "", "from": d.url or d.source_name or "",
             "language": d.language, "published": d.published, "passages": counts.get(int(d.id or 0), 0),
             "added by": d.created_by or "", "added": d.created_at, "sha256": d.sha256[:12]}
            for d in docs]


def _loaded_packs(store: Store) -> list[dict[str, Any]]:
    with store.read() as session:
        rows = session.exec(select(Fact.pack, Fact.source_title, Fact.source_url,
                                   Fact.created_at)).all()
    packs: dict[str, dict[str, Any]] = defaultdict(lambda: {"facts": 0, "sources": set(),
                                                            "loaded": None})
    for pack, title, url, created in rows:
        p = packs[pack]
        p["facts"] += 1
        if title or url:
            p["sources"].add(title or url)
        p["loaded"] = max(p["loaded"], created) if p["loaded"] else created
    return [{"pack": name, "facts": p["facts"], "sources cited": len(p["sources"]),
             "loaded": p["loaded"]} for name, p in sorted(packs.items())]


def _add_sources(store: Store, files: list[Any], actor: str) -> None:
    bar = st.progress(0, text=f"Adding {len(files)} source documents…")
    with st.status(f"Adding {len(files)} source documents", expanded=True) as status:
        ok = failed = 0
        for i, f in enumerate(files, start=1):
            try:
                res = api.ingest_into(store, f.getvalue(), name=f.name, kind="source", actor=actor)
            except (IngestError, DocumentError, ValueError) as exc:
                failed += 1
                st.error(str(exc).splitlines()[0])
            else:
                ok += 1
                st.text(f"{f.name}: " + (f"stored as document {res.document.id}" if res.created
                                         else f"already stored as document {res.document.id}"))
            bar.progress(i / len(files), text=f"{i} of {len(files)}: {f.name}")
        status.update(label=f"{ok} added, {failed} refused", state="error" if failed else "complete")


def _import_packs(store: Store, files: list[Any], actor: str) -> None:
    bar = st.progress(0, text=f"Importing {len(files)} fact packs…")
    with st.status(f"Importing {len(files)} fact packs", expanded=True) as status:
        failed = 0
        for i, f in enumerate(files, start=1):
            stem, _, suffix = f.name.rpartition(".")
            fmt = "csv" if suffix.lower() == "csv" else "yaml"
            try:
                with store.write() as session:
                    res = facts_mod.import_pack(session=session, path_or_bytes=f.getvalue(),
                                                actor=actor, name=stem or f.name, fmt=fmt)
            except (facts_mod.PackError, ValueError) as exc:
                failed += 1
                st.error(str(exc).splitlines()[0])
            else:
                st.text(f"{f.name}: pack {res.pack}, {res.facts} facts (replaced {res.replaced})")
            bar.progress(i / len(files), text=f"{i} of {len(files)}: {f.name}")
        status.update(label=f"{len(files) - failed} imported, {failed} refused",
                      state="error" if failed else "complete")


def _listing(title: str, rows: list[dict[str, Any]], key: str) -> None:
    st.subheader(f"{title} ({len(rows)})")
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch", key=key)
    else:
        st.info(f"No {title.lower()} yet.")


def render() -> None:
    user = auth.require("admin", "fact-checker")
    store = open_store()
    st.title("Sources and facts")
    st.caption("Claims are matched against these reference documents and fact packs.")
    _listing("Reference documents", _loaded_sources(store), "sources_table")
    _listing("Fact packs", _loaded_packs(store), "sources_packs")
    if user.role != "admin":
        st.caption("Only admins add sources and fact packs.")
        return
    st.divider()
    left, right = st.columns(2)
    with left, st.form("sources_add", clear_on_submit=True):
        st.markdown("**Add reference documents**")
        files = st.file_uploader("Documents (txt, md, html, docx, pdf)", type=SOURCE_TYPES,
                                 accept_multiple_files=True, key="sources_files")
        add = st.form_submit_button("Add sources", key="sources_add_btn")
    with right, st.form("sources_packs_add", clear_on_submit=True):
        st.markdown("**Import fact packs**")
        packs_in = st.file_uploader("Packs (YAML or CSV)", type=PACK_TYPES,
                                    accept_multiple_files=True, key="sources_pack_files")
        imp = st.form_submit_button("Import packs", key="sources_import_btn")
    if add and files:
        _add_sources(store, list(files), auth.actor())
    if imp and packs_in:
        _import_packs(store, list(packs_in), auth.actor())
