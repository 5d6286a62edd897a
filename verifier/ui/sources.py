"""Reference material: the source documents claims are matched against, and the fact packs.
Admins add them (many files at once, with progress); fact-checkers may look."""
from __future__ import annotations

from typing import Any

import streamlit as st

from verifier import services
from verifier.ui import auth

SOURCE_TYPES = ["txt", "md", "html", "htm", "docx", "pdf"]
PACK_TYPES = ["yaml", "yml", "csv"]
REFUSED = (services.IngestError, services.DocumentError, services.PermissionDenied, ValueError)


def _add_sources(files: list[Any], actor: services.Principal) -> None:
    bar = st.progress(0, text=f"Adding {len(files)} source documents…")
    with st.status(f"Adding {len(files)} source documents", expanded=True) as status:
        ok = failed = 0
        for i, f in enumerate(files, start=1):
            try:
                res = services.sources.add_source(actor, f.getvalue(), name=f.name)
            except REFUSED as exc:
                failed += 1
                st.error(str(exc).splitlines()[0])
            else:
                ok += 1
                st.text(f"{f.name}: " + (f"stored as document {res.document.id}" if res.created
                                         else f"already stored as document {res.document.id}"))
            bar.progress(i / len(files), text=f"{i} of {len(files)}: {f.name}")
        status.update(label=f"{ok} added, {failed} refused", state="error" if failed else "complete")


def _import_packs(files: list[Any], actor: services.Principal) -> None:
    bar = st.progress(0, text=f"Importing {len(files)} fact packs…")
    with st.status(f"Importing {len(files)} fact packs", expanded=True) as status:
        failed = 0
        for i, f in enumerate(files, start=1):
            stem, _, suffix = f.name.rpartition(".")
            fmt = "csv" if suffix.lower() == "csv" else "yaml"
            try:
                res = services.sources.import_pack(actor, f.getvalue(), name=stem or f.name,
                                                   fmt=fmt)
            except (services.PackError, services.PermissionDenied, ValueError) as exc:
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
    me = user.principal
    st.title("Sources and facts")
    st.caption("Claims are matched against these reference documents and fact packs.")
    _listing("Reference documents", services.sources.loaded_sources(me), "sources_table")
    _listing("Fact packs", services.sources.loaded_packs(me), "sources_packs")
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
        _add_sources(list(files), me)
    if imp and packs_in:
        _import_packs(list(packs_in), me)
