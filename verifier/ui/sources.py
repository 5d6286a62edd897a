"""Reference material: the source documents claims are matched against, and the fact packs.
Admins add them (many files at once, with progress); fact-checkers may look."""
from __future__ import annotations

from typing import Any

import streamlit as st

from verifier import services
from verifier.ui import auth
from verifier.ui import jobs as jobs_panel
from verifier.ui.i18n import _

SOURCE_TYPES = ["txt", "md", "html", "htm", "docx", "pdf"]
PACK_TYPES = ["yaml", "yml", "csv"]
# Earlier fact-checks: lists, ClaimReview JSON(-LD) and API responses, saved fact-check pages.
PRECEDENT_TYPES = ["tsv", "csv", "txt", "json", "jsonld", "jsonl", "ndjson", "html", "htm"]
REFUSED = (services.IngestError, services.DocumentError, services.PermissionDenied,
           services.DocumentTooComplex, services.QueueUnavailable, ValueError)


def _add_sources(files: list[Any], actor: services.Principal) -> list[int]:
    """Store the files as reference sources; the ids of those that were new."""
    bar = st.progress(0, text=f"Adding {len(files)} source documents…")
    created: list[int] = []
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
                if res.created and res.document.id is not None:
                    created.append(res.document.id)
            bar.progress(i / len(files), text=f"{i} of {len(files)}: {f.name}")
        status.update(label=f"{ok} added, {failed} refused", state="error" if failed else "complete")
    return created


def _import_packs(files: list[Any], actor: services.Principal) -> int:
    """Import the fact packs; how many were imported."""
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
    return len(files) - failed


def _import_precedents(items: list[tuple[bytes | str, str | None]],
                       actor: services.Principal) -> None:
    """Import earlier fact-checks: uploaded files (bytes, name) and fact-check page URLs
    (url, None); one line each, and the totals "N imported, M already known"."""
    with st.status(f"Importing {len(items)} fact-check files", expanded=True) as status:
        imported = known = updated = failed = 0
        for data, name in items:
            label = name or str(data)
            try:
                res = services.sources.import_precedents(actor, data, name=name)
            except (*REFUSED, services.PrecedentError) as exc:
                failed += 1
                st.error(str(exc).splitlines()[0])
                continue
            imported, known, updated = (imported + res.imported, known + res.known,
                                        updated + res.updated)
            st.text(f"{label}: {res.summary()} (collection {res.collection})")
        total = f"{imported} imported, {known} already known"
        total += f", {updated} updated" if updated else ""
        total += f", {failed} refused" if failed else ""
        status.update(label=total, state="error" if failed else "complete")
    if failed:
        st.error(total)
    else:
        st.success(total)


def _follow_feed(me: services.Principal) -> None:
    """Poll a feed once: the pages of its new items stored as articles (services.feeds)."""
    with st.form("sources_feed", clear_on_submit=False):
        st.markdown("**" + _("Follow a feed") + "**")
        url = st.text_input(_("RSS or Atom feed URL"), key="sources_feed_url",
                            placeholder="https://…/feed.xml")
        go = st.form_submit_button(_("Poll the feed now"), key="sources_feed_btn")
    if not go or not url.strip():
        return
    bar = st.progress(0, text=_("Reading the feed…"))

    def progress(done: int, total: int, title: str) -> None:
        bar.progress(done / total, text=f"{done} / {total}")

    try:
        poll = services.feeds.poll_feed(me, url.strip(), progress=progress)
    except (*REFUSED, services.FeedError) as exc:
        st.error(str(exc).splitlines()[0])
        return
    (st.warning if poll.count("failed") else st.success)(poll.summary())
    if poll.items:
        st.dataframe([{"status": i.status, "document": i.document_id, "claims": i.claims,
                       "title": i.title or "", "link": i.link or "", "error": i.error or ""}
                      for i in poll.items], hide_index=True, width="stretch",
                     key="sources_feed_items")


def _offer_recheck(me: services.Principal, *, sources: list[int], packs: int) -> None:
    """After new sources or facts: which stored documents they may concern (the services
    decide), kept for the offer to re-check them."""
    ids: set[int] = set()
    what = []
    if sources:
        ids.update(services.documents_concerned_by_sources(me, sources))
        what.append("the new sources")
    if packs:
        ids.update(services.documents_concerned_by_facts(me))
        what.append("the new facts")
    if what:
        st.session_state["sources_recheck"] = {"ids": sorted(ids), "what": " and ".join(what)}


def _recheck_offer(me: services.Principal) -> None:
    """The offer to re-check the stored documents new material may concern, and the re-check
    itself, with its progress."""
    ss = st.session_state
    offer = ss.get("sources_recheck")
    if not offer:
        return
    ids, what = offer["ids"], offer["what"]
    if not ids:
        st.info(f"No stored article or draft has claims {what} could concern.")
        ss.pop("sources_recheck")
        return
    n = len(ids)
    docs = f"{n} document{'s' if n > 1 else ''}"
    st.info(f"{docs} stored may be concerned by {what}: re-checking updates their claims in "
            "place (verdicts are kept; a changed finding or evidence is flagged on the desk).")
    if not st.button(f"Re-check {docs} it may concern", key="sources_recheck_btn",
                     type="primary"):
        return
    bar = st.progress(0, text=f"Re-checking {docs}…")

    def progress(done: int, total: int | None) -> None:
        bar.progress(done / total if total else 0.0, text=f"{done} of {total or '?'}")

    try:  # a job: run here on SQLite, by `verifier worker` on PostgreSQL
        job = services.jobs.enqueue(me, "recheck", {"document_ids": ids}, progress=progress)
    except REFUSED as exc:
        st.error(str(exc).splitlines()[0])
        return
    ss.pop("sources_recheck")
    if job.status == "failed":
        st.error(job.error or "the re-check failed")
        return
    if job.status != "done" or not job.result:
        st.info(_("Re-check queued as job {id}: its progress is shown under Jobs.").format(
            id=job.id))
        return
    st.success(_recheck_summary(job.result["totals"]))
    st.dataframe(job.result["documents"], hide_index=True, width="stretch",
                 key="sources_recheck_table")


def _recheck_summary(t: dict[str, Any]) -> str:
    n = t["documents"]
    text = (f"Re-checked {n} document{'s' if n != 1 else ''}: {t['added']} claims added, {t['updated']} "
            f"updated ({t['moved']} moved), {t['removed']} removed; "
            f"{t['contradictions']} contradictions, {t['altered_quotes']} altered quotes.")
    if t["evidence_changed_since_verdict"]:
        text += (f" {t['evidence_changed_since_verdict']} reviewed claims have new evidence "
                 "since their verdict: see the desk.")
    return text


def _listing(title: str, empty: str, rows: list[dict[str, Any]], key: str) -> None:
    st.subheader(f"{title} ({len(rows)})")
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch", key=key)
    else:
        st.info(empty)


def render() -> None:
    user = auth.require("admin", "fact-checker")
    me = user.principal
    st.title(_("Sources and facts"))
    st.caption(_("Claims are matched against these reference documents and fact packs."))
    _listing(_("Reference documents"), _("No reference documents yet."),
             services.sources.loaded_sources(me), "sources_table")
    _listing(_("Fact packs"), _("No fact packs yet."), services.sources.loaded_packs(me),
             "sources_packs")
    st.divider()
    _follow_feed(me)
    if user.role != "admin":
        st.caption(_("Only admins add sources and fact packs."))
        jobs_panel.render(me)
        return
    st.divider()
    left, right = st.columns(2)
    with left, st.form("sources_add", clear_on_submit=True):
        st.markdown("**" + _("Add reference documents") + "**")
        files = st.file_uploader(_("Documents (txt, md, html, docx, pdf)"), type=SOURCE_TYPES,
                                 accept_multiple_files=True, key="sources_files")
        add = st.form_submit_button(_("Add sources"), key="sources_add_btn")
    with right, st.form("sources_packs_add", clear_on_submit=True):
        st.markdown("**" + _("Import fact packs") + "**")
        packs_in = st.file_uploader(_("Packs (YAML or CSV)"), type=PACK_TYPES,
                                    accept_multiple_files=True, key="sources_pack_files")
        imp = st.form_submit_button(_("Import packs"), key="sources_import_btn")
    with st.form("sources_precedents", clear_on_submit=True):
        st.markdown("**" + _("Import earlier fact-checks") + "**")
        st.caption(_("Lists (TSV, CSV), ClaimReview (JSON-LD, DataFeed), Fact Check Tools API "
                     "responses, saved fact-check pages (HTML) or their URL. Reviews already "
                     "known by their URL are not imported twice."))
        prec_files = st.file_uploader(_("Fact-check files"), type=PRECEDENT_TYPES,
                                      accept_multiple_files=True, key="sources_precedent_files")
        prec_url = st.text_input(_("or the URL of a fact-check page"),
                                 key="sources_precedent_url")
        prec = st.form_submit_button(_("Import fact-checks"), key="sources_precedent_btn")
    items: list[tuple[bytes | str, str | None]] = [(f.getvalue(), f.name)
                                                   for f in prec_files or []]
    if prec_url and prec_url.strip():
        items.append((prec_url.strip(), None))
    if prec and items:
        _import_precedents(items, me)
    added = _add_sources(list(files), me) if add and files else []
    imported = _import_packs(list(packs_in), me) if imp and packs_in else 0
    _offer_recheck(me, sources=added, packs=imported)
    _recheck_offer(me)
    jobs_panel.render(me)
