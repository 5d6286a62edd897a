"""The editor's page: paste or upload a draft, and read it back annotated: the draft first,
each claim highlighted and numbered, and beside its sentence a short note saying what is wrong
and what to write instead (check/fixes.py, through services.check_draft). The evidence behind
the notes is folded below. Nothing is stored unless the editor presses "Save draft"."""
from __future__ import annotations

import hashlib
from datetime import date

import streamlit as st

from verifier import explain, services
from verifier.claims import CheckedClaim, QuoteClaim
from verifier.ui import auth, findings, highlight, i18n, widgets
from verifier.ui.i18n import N_, _

UPLOAD_TYPES = ["txt", "md", "html", "htm", "docx", "pdf"]
LANGS = {"detect": None, "French": "fr", "English": "en"}
LANG_LABELS = {"detect": N_("detect"), "French": N_("French"), "English": N_("English")}


def _input() -> tuple[bytes, str] | None:
    paste, upload = st.tabs([_("Paste text"), _("Upload a file")])
    # Once checked, the draft is read annotated below: its box gets smaller (a keyed widget
    # keeps its text whatever its height). Set by the button's callback, so from that run on.
    height = 120 if st.session_state.get("editor_compact") else 260
    with paste:
        text = st.text_area(_("Draft text"), key="editor_text", height=height,
                            placeholder=_("Paste the article here…"))
    with upload:
        file = st.file_uploader(_("Draft (txt, md, html, docx, pdf)"), type=UPLOAD_TYPES,
                                key="editor_file")
    if file is not None:
        return file.getvalue(), file.name
    if text and text.strip():
        return text.encode("utf-8"), "pasted-draft.txt"
    if text:  # only whitespace: let ingest say so
        return text.encode("utf-8"), "pasted-draft.txt"
    return None


def _compact() -> None:
    st.session_state["editor_compact"] = True


def _fingerprint(data: bytes, sources: list[tuple[bytes, str]]) -> str:
    h = hashlib.sha256(data)
    for body, name in sources:
        h.update(hashlib.sha256(body).digest() + name.encode("utf-8", "replace"))
    return h.hexdigest()


def _sources_used(report: services.CheckReport) -> None:
    used = report.sources
    if not used:
        st.caption(_("No reference source holds any quote of this draft: add the transcript or "
                     "press release above, or ask an admin to add it to the library."))
        return
    untitled, attached, library = _("untitled"), _("attached"), _("library")
    names = [f"{s.get('title') or untitled}"
             f"{' (' + s['published'] + ')' if s.get('published') else ''}"
             f" — {attached if s.get('origin') == 'given' else library}" for s in used]
    st.text(_("Quotes checked against: {sources}").format(sources="; ".join(names)))


def _packs_used(report: services.CheckReport) -> None:
    """The fact packs the draft was checked against, with their build dates."""
    packs = report.document.get("packs") or []
    if not packs:
        return
    names = [_("{name} (built {built}, covers to {end}, {licence})").format(
                 name=p["name"], built=p["built"], end=p["covered_until"] or p["built"],
                 licence=p["licence"] or "-") if p.get("built")
             else _("{name} (no build date)").format(name=p["name"]) for p in packs]
    st.text(_("Facts checked against: {packs}").format(packs="; ".join(names)))


def _summary(checked: services.DraftCheck) -> None:
    """One line saying whether the draft is ready, one line of counts."""
    claims = checked.report.claims
    n = {g.key: len(g.claims) for g in findings.group_findings(claims)}
    if not checked.checked:
        st.warning(_("Automatic checking is not available yet on this installation: the "
                     "claims below were found but not checked against sources."))
    if findings.is_ready(checked.report):
        st.success(_("No contradiction and no altered quote found in {n} claims. Read the "
                     "notes beside the draft before publishing.").format(n=len(claims)),
                   icon=":material/check_circle:")
    else:
        st.error(_("NOT READY TO PUBLISH: {contradicted} contradicted claims, {altered} altered "
                   "quotes. What to fix is beside each sentence.").format(
                       contradicted=n["contradicted"], altered=n["altered"]),
                 icon=":material/block:")
    st.caption(_("{claims} claims · {contradicted} contradicted · {altered} altered or "
                 "misattributed quotes · {anonymous} anonymous quotes · {unsourced} without "
                 "evidence").format(claims=len(claims), contradicted=n["contradicted"],
                                    altered=n["altered"], anonymous=n["anonymous"],
                                    unsourced=n["unsourced"]))


def _headline(checked: services.DraftCheck) -> None:
    """The quotes of the title line, each with who said it."""
    quotes = findings.headline_quotes(checked.report, checked.text)
    if not quotes:
        return
    lines = []
    for c in quotes:
        assert isinstance(c.claim, QuoteClaim)
        lines.append(f"{c.claim.text} — {findings.speaker(c.claim)}"
                     f" · {widgets.finding_label(c.finding)}")
    st.text(_("Quoted in the headline:") + "\n" + "\n".join(lines))


def _annotated(checked: services.DraftCheck) -> None:
    """The draft first, each claim highlighted and numbered, its note in the margin."""
    claims = checked.report.claims
    head = findings.headline_span(checked.text, checked.report.document.get("title"))
    spans, notes = [], []
    for i, c in enumerate(claims):
        spans.append(highlight.Span(c.claim.start, c.claim.end, c.kind, c.finding, i,
                                    f"{i + 1} · {c.kind} · {c.finding}"))
        in_head = bool(head and head[0] <= c.claim.start and c.claim.end <= head[1])
        notes.append(findings.note_for(i + 1, c, checked.fix(i), headline=in_head))
    st.html(highlight.annotated_html(checked.text, spans, notes))


def _explained(checked: services.DraftCheck, claim: CheckedClaim) -> explain.Explanation:
    """The claim in plain words of the draft's language (verifier.explain), as on the desk."""
    doc = checked.report.document
    published = doc.get("published")
    day = date.fromisoformat(published[:10]) if isinstance(published, str) and published else None
    lang = doc.get("language")
    return explain.explain(claim, lang=lang, published=day, text_lang=lang)


def _evidence(me: services.Principal, checked: services.DraftCheck) -> None:
    """What each note rests on, folded under the draft: for each claim, what it says and what
    the check found in plain words, its evidence as sentences (source passages with the matched
    words, word diffs, facts and their sources); the raw record (the check's own note, the
    claim's fields, each piece of evidence as stored) behind a "Details" switch per claim."""
    claims = checked.report.claims
    with st.expander(_("Evidence behind the notes")):
        for i, c in enumerate(claims):
            if findings.group_of(c) is None and not c.result.evidence:
                continue
            with st.container(border=True):
                st.text(f"{i + 1} · {findings.note_head(c)} · {' '.join(c.claim.text.split())[:120]}")
                explained = _explained(checked, c)
                st.html(highlight.explanation_html(explained))
                if c.result.evidence:
                    widgets.show_explained_evidence(
                        c.result.evidence, explained.evidence,
                        source_text=lambda ev: services.source_text(me, ev))
                if st.toggle(_("Details"), key=f"editor_details_{i}",
                             help=_("The raw record behind the sentences: the check's own "
                                    "note, the claim's fields and each piece of evidence as "
                                    "stored.")):
                    if c.result.explanation:
                        st.text(f"Check: {c.result.explanation}")
                    widgets.show_fields(c.claim, key=f"editor_fields_{i}")
                    if c.result.evidence:
                        st.dataframe(widgets.evidence_details(c.result.evidence),
                                     hide_index=True, width="stretch",
                                     key=f"editor_evidence_raw_{i}")


def _show_result(me: services.Principal, checked: services.DraftCheck) -> None:
    _summary(checked)
    _sources_used(checked.report)
    _packs_used(checked.report)
    _headline(checked)
    _annotated(checked)


def render() -> None:
    me = auth.require("editor", "fact-checker", "admin").principal
    ss = st.session_state
    st.title(_("Check a draft"))
    st.caption(_("Paste or upload a draft: its quotes, dates and facts are checked against the "
                 "reference sources and facts. Nothing is stored unless you save the draft."))
    given = _input()
    attached = st.file_uploader(
        _("Reference sources for this draft (transcripts, press releases: checked against, "
          "not stored)"), type=UPLOAD_TYPES, accept_multiple_files=True, key="editor_sources")
    sources = [(f.getvalue(), f.name) for f in attached or []]
    opts = st.columns(3)
    lang_label = opts[0].selectbox(_("Language"), list(LANGS), key="editor_lang",
                                   format_func=i18n.labels(LANGS, lambda k: _(LANG_LABELS[k])))
    published = opts[1].date_input(_("Publication date"), value=None, key="editor_published",
                                   format="YYYY-MM-DD")
    check = opts[2].button(_("Check draft"), type="primary", key="editor_check",
                           shortcut="Ctrl+Enter", width="stretch", on_click=_compact)
    if check:
        ss.pop("editor_result", None)
        ss.pop("editor_saved", None)
        if given is None:
            st.error(_("Paste a draft or upload a file first."))
            return
        data, name = given
        bar = st.progress(5, text=_("Reading the draft, finding its quotes, dates and facts, "
                                    "and checking them…"))
        try:
            checked = services.check_draft(me, data, name=name, lang=LANGS[lang_label],
                                           published=published, sources=sources)
        except (services.IngestError, services.PermissionDenied,
                services.DocumentTooComplex) as exc:
            bar.empty()
            st.error(str(exc))
            return
        bar.progress(100, text=_("Done"))
        bar.empty()
        ss["editor_result"] = {"checked": checked, "name": name,
                               "sha": _fingerprint(data, sources), "data": data,
                               "lang": LANGS[lang_label], "published": published}
    held = ss.get("editor_result")
    if not held:
        return
    if given is None or _fingerprint(given[0], sources) != held["sha"]:
        st.info(_("The draft or its sources changed since it was checked: press “Check "
                  "draft” again."))
        return
    _show_result(me, held["checked"])
    if ss.get("editor_saved"):
        st.success(ss["editor_saved"])
    elif st.button(_("Save draft"), key="editor_save",
                   help=_("Store the draft and its claims (kind draft, apart from published "
                          "articles) so fact-checkers can review it.")):
        try:  # read and extracted again in the limited worker: its limits hold here too
            res = services.ingest_document(me, held["data"], name=held["name"], kind="draft",
                                           lang=held["lang"], published=held["published"])
        except (services.IngestError, services.PermissionDenied,
                services.DocumentTooComplex) as exc:
            st.error(str(exc).splitlines()[0])
            return
        msg = (_("Saved as draft document {id} with {n} claims.").format(
                   id=res.document.id, n=res.claims_added)
               if res.created else _("Already stored as document {id}; unchanged.").format(
                   id=res.document.id))
        ss["editor_saved"] = msg
        st.success(msg)
    _evidence(me, held["checked"])
