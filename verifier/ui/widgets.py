"""Pieces several pages show: a claim's fields, its evidence, safe links.

Text that comes from documents or sources is shown with st.text / st.dataframe (plain text) or
as HTML built by highlight.py from escaped pieces; never through st.markdown, whose link syntax
would turn `[x](javascript:...)` in a document into a link."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import streamlit as st

from verifier.claims import (
    CalendarEvidence,
    Claim,
    Evidence,
    FactEvidence,
    PassageEvidence,
    PrecedentEvidence,
    QuoteClaim,
    TemporalClaim,
    ordered_evidence,
    score_text,
)
from verifier.ui import highlight
from verifier.ui.i18n import N_, _

FINDING_LABELS = {"consistent": N_("Consistent"), "contradicted": N_("Contradicted"),
                  "partial": N_("Partly supported"), "no_evidence": N_("No evidence"),
                  None: N_("Not checked")}
# Plain signs, not emoji: they are drawn by any font (st.text is not markdown, so no icons).
FINDING_ICONS = {"consistent": "✓", "contradicted": "✗", "partial": "~", "no_evidence": "?",
                 None: "·"}


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=\"'&])")


def md(value: Any) -> str:
    """A document- or user-derived string made inert inside Markdown (st.caption, st.error...):
    every ASCII punctuation sign Markdown or Streamlit could read (links, images, emphasis,
    `:red[...]` colours, `$...$` formulas, HTML) is backslash-escaped, and line breaks become
    spaces. Prefer st.text; use this where a string must sit inside a sentence of Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def finding_label(finding: str | None) -> str:
    if finding not in FINDING_LABELS:  # only known words ever reach st.markdown
        return "· " + _("Unknown finding")
    return FINDING_ICONS[finding] + " " + _(FINDING_LABELS[finding])


def safe_url(url: Any) -> str | None:
    """The URL if it is http(s), else None (javascript:, data: and friends are shown as text)."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def source_line(title: Any, url: Any) -> None:
    """A source's title and, when it is a web address, a link to it."""
    label = str(title or url or _("source"))
    st.text(_("Source: {source}").format(source=label) + (f" ({url})" if url and url != title else ""))
    link = safe_url(url)
    if link:  # the button's label is constant: titles are not markdown
        st.link_button(_("Open source"), link, icon=":material/open_in_new:")


def document_origin(summary: Mapping[str, Any]) -> None:
    """Where a stored document came from (the URL fetched, else its file name) and, labelled
    apart, what the page says of itself (its canonical URL and site name: a claim, never a
    link; docs/decisions.md §22). `summary`: services.document_summary."""
    st.text(_("From: {origin}").format(
        origin=summary.get("url") or summary.get("source") or _("unknown")))
    site = summary.get("claimed_site")
    said = " ".join(x for x in (summary.get("claimed_url"), f"({site})" if site else None) if x)
    if said:
        st.text(_("The page calls itself {said} (not where it was fetched from; not "
                  "verified)").format(said=said))


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):  # shown as the contract's JSON list
        return str(list(value))
    return str(value)


def claim_fields(claim: Claim) -> list[dict[str, str]]:
    """Rows (field, value) for the claim's own attributes: a quote's speaker and reference,
    the normalised value of a date or a fact."""
    pairs: list[tuple[str, Any]]
    if isinstance(claim, QuoteClaim):
        pairs = [("speaker", claim.speaker), ("reference", claim.reference), ("cue", claim.cue),
                 ("quote_type", claim.quote_type), ("anonymous", claim.anonymous)]
    elif isinstance(claim, TemporalClaim):
        pairs = [("timex_type", claim.timex_type), ("value", claim.value), ("mod", claim.mod),
                 ("resolved", claim.resolved), ("anchor", claim.anchor)]
    else:
        pairs = [("predicate", claim.predicate), ("subject", claim.subject),
                 ("object", claim.object), ("at", claim.at), ("resolved", claim.resolved)]
    return [{"field": k, "value": _fmt(v)} for k, v in pairs if v is not None and v != ""]


def show_fields(claim: Claim, *, key: str) -> None:
    rows = claim_fields(claim)
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch", key=key)


SourceText = Callable[[Evidence], tuple[str, int] | None]


def _show_source_passage(ev: PassageEvidence, source_text: SourceText | None, *,
                         raw_class: bool = True) -> None:
    """The source text around the matched passage (when the store has the source), the word
    diff of an altered quote and its fidelity class."""
    found = source_text(ev) if source_text else None
    if found is not None:
        text, offset = found
        start, end = ev.start, ev.end
        if start is not None and end is not None and offset <= start <= end <= offset + len(text):
            span = highlight.Span(start - offset, end - offset, kind="match")
            st.html(highlight.in_context(text, span, width=240))
        else:
            st.text(text[:600])
    if ev.diff:
        st.caption(_("Word differences: source struck out, quote underlined"))
        st.html(highlight.diff_html(ev.diff))
    if raw_class:
        st.text(f"alignment: {ev.cls}")


# What each kind of evidence is called on the page.
EVIDENCE_TITLES = {"passage": "alignment with a source", "fact": "fact",
                   "calendar": "calendar", "precedent": "earlier verdict"}
# Words of context kept either side of a change in a precedent's word diff.
PRECEDENT_DIFF_CONTEXT = 8


def evidence_heading(i: int, ev: Evidence) -> str:
    """ "1. alignment with a source · score 92/100 · align:rapidfuzz+words"; an earlier verdict
    says at once whether it was on the same claim or a similar one."""
    head = f"{i + 1}. {EVIDENCE_TITLES.get(ev.kind, ev.kind)}"
    if isinstance(ev, PrecedentEvidence):
        head += f" · {ev.label}"
    score = score_text(getattr(ev, "score", None))
    if score:
        head += f" · score {score}"
    if ev.method:
        head += f" · {ev.method}"
    return head


def _show_precedent(ev: PrecedentEvidence) -> None:
    """An earlier verdict: its label, the earlier claim, the verdict then, and for a similar
    claim the words that differ (earlier claim's struck out, this claim's underlined)."""
    st.text(f"{ev.label[:1].upper()}{ev.label[1:]}: an earlier fact-check, not evidence about "
            "this claim itself.")
    for k, val in (("earlier claim", ev.detail.text), ("verdict then", ev.detail.verdict),
                   ("checked on", ev.detail.date)):
        if val:
            st.text(f"{k}: {val}")
    if ev.diff:
        st.caption("Words that differ: the earlier claim's struck out, this claim's underlined")
        st.html(highlight.diff_html(ev.diff, keep=PRECEDENT_DIFF_CONTEXT))


def show_evidence(items: Sequence[Evidence], *, source_text: SourceText | None = None) -> None:
    """Each piece of typed evidence, in the order of claims.ordered_evidence (the alignment
    first, earlier verdicts last, whatever order `items` came in): the source passage with the
    matched words marked, the word diff of an altered quote, the fact and its source, an
    earlier verdict with its label and differing words."""
    if not items:
        st.caption("No evidence found in the reference sources or the facts.")
        return
    for i, ev in enumerate(ordered_evidence(items)):
        with st.container(border=True):
            st.text(evidence_heading(i, ev))
            if isinstance(ev, FactEvidence):
                fact = " ".join(x for x in (ev.subject, ev.predicate, ev.object) if x)
                if fact:
                    st.text(fact)
                when = " to ".join(x for x in (ev.valid_from, ev.valid_to) if x)
                if when:
                    st.text(f"valid {when}")
            elif isinstance(ev, PrecedentEvidence):
                _show_precedent(ev)
            elif isinstance(ev, PassageEvidence):
                _show_source_passage(ev, source_text)
            if isinstance(ev, CalendarEvidence):
                source_line(None, None)
            else:
                source_line(ev.source_title, ev.source_url)


def show_explained_evidence(items: Sequence[Evidence], lines: Sequence[Any], *,
                            source_text: SourceText | None = None) -> None:
    """The evidence in plain words (verifier.explain lines, in the order of
    claims.ordered_evidence, like `items`): for each, its title, 0-100 score and sentence, the
    source passage with the matched words marked and the word diff of an altered quote, the
    words an earlier fact-check differs by, and the source with its link. No method code or
    field name: those are in the claim's Details."""
    if not items:
        st.caption(_("No evidence found in the reference sources or the facts."))
        return
    for i, (ev, line) in enumerate(zip(ordered_evidence(items), lines, strict=False)):
        with st.container(border=True):
            st.html(highlight.evidence_html(i, line.title, line.sentence, line.score_text,
                                            line.note))
            if isinstance(ev, PassageEvidence):
                _show_source_passage(ev, source_text, raw_class=False)
            elif isinstance(ev, PrecedentEvidence) and ev.diff:
                st.caption(_("Words that differ: the earlier claim's struck out, this claim's "
                             "underlined"))
                st.html(highlight.diff_html(ev.diff, keep=PRECEDENT_DIFF_CONTEXT))
            if not isinstance(ev, CalendarEvidence) and (ev.source_title or ev.source_url):
                source_line(ev.source_title, ev.source_url)


def evidence_details(items: Sequence[Evidence]) -> list[dict[str, str]]:
    """Rows for the Details view: each piece of evidence's kind, method, score and the rest of
    its contract fields, as written (for the curious and for bug reports)."""
    rows = []
    for i, ev in enumerate(ordered_evidence(items)):
        data = ev.to_json()
        rows.append({"#": str(i + 1), "kind": ev.kind, "method": str(data.pop("method", "")),
                     "score": str(data.pop("score", "")),
                     "fields": "; ".join(f"{k}={_fmt(v)}" for k, v in data.items()
                                         if k != "kind" and v not in (None, "", [], {}))})
    return rows
