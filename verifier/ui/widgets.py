"""Pieces several pages show: a claim's fields, its evidence, safe links.

Text that comes from documents or sources is shown with st.text / st.dataframe (plain text) or
as HTML built by highlight.py from escaped pieces; never through st.markdown, whose link syntax
would turn `[x](javascript:...)` in a document into a link."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

import streamlit as st

from verifier.claims import DiffOp
from verifier.ui import highlight

FINDING_LABELS = {"consistent": "Consistent", "contradicted": "Contradicted",
                  "partial": "Partly supported", "no_evidence": "No evidence", None: "Not checked"}
# Plain signs, not emoji: they are drawn by any font (st.text is not markdown, so no icons).
FINDING_ICONS = {"consistent": "✓", "contradicted": "✗", "partial": "~", "no_evidence": "?",
                 None: "·"}
QUOTE_FIELDS = ("speaker", "reference", "cue", "quote_type", "anonymous")
TEMPORAL_FIELDS = ("timex_type", "value", "anchor", "mod", "resolved")


def finding_label(finding: str | None) -> str:
    if finding not in FINDING_LABELS:  # only known words ever reach st.markdown
        return "· Unknown finding"
    return f"{FINDING_ICONS[finding]} {FINDING_LABELS[finding]}"


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
    label = str(title or url or "source")
    st.text(f"Source: {label}" + (f" ({url})" if url and url != title else ""))
    link = safe_url(url)
    if link:  # the button's label is constant: titles are not markdown
        st.link_button("Open source", link, icon=":material/open_in_new:")


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def claim_fields(claim: dict[str, Any]) -> list[dict[str, str]]:
    """Rows (field, value) for the claim's own attributes: speaker and reference, the
    normalised value."""
    rows: list[dict[str, str]] = []
    keys: Sequence[str] = QUOTE_FIELDS if claim.get("kind") == "quote" else ()
    for key in keys:
        if claim.get(key) not in (None, ""):
            rows.append({"field": key, "value": _fmt(claim.get(key))})
    value = claim.get("value")
    if isinstance(value, dict):
        for k, v in value.items():
            if v not in (None, ""):
                rows.append({"field": k, "value": _fmt(v)})
    elif value not in (None, ""):
        rows.append({"field": "value", "value": _fmt(value)})
    for key in TEMPORAL_FIELDS:
        if key in claim and key not in {r["field"] for r in rows} and claim[key] not in (None, ""):
            rows.append({"field": key, "value": _fmt(claim[key])})
    if claim.get("kind") != "quote" and claim.get("speaker"):
        rows.append({"field": "speaker", "value": _fmt(claim.get("speaker"))})
    return rows


def show_fields(claim: dict[str, Any], *, key: str) -> None:
    rows = claim_fields(claim)
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch", key=key)


SourceText = Callable[[dict[str, Any]], tuple[str, int] | None]


def show_evidence(items: Sequence[dict[str, Any]], *, source_text: SourceText | None = None) -> None:
    """Each piece of evidence: the source passage with the matched words marked, the word diff
    of an altered quote, the fact and its source, an earlier verdict."""
    if not items:
        st.caption("No evidence found in the reference sources or the facts.")
        return
    for i, ev in enumerate(items):
        kind = ev.get("kind") or "evidence"
        score = ev.get("score")
        method = ev.get("method")
        head = f"{i + 1}. {kind}"
        if score is not None:
            head += f" · score {float(score):.2f}"
        if method:
            head += f" · {method}"
        with st.container(border=True):
            st.text(head)
            detail = ev.get("detail") or {}
            if kind == "fact":
                fact = " ".join(str(x) for x in (ev.get("subject"), ev.get("predicate"),
                                                 ev.get("object")) if x)
                if fact:
                    st.text(fact)
                when = " to ".join(str(x) for x in (ev.get("valid_from"), ev.get("valid_to")) if x)
                if when:
                    st.text(f"valid {when}")
            elif kind == "precedent":
                for k in ("claim", "text", "verdict", "reviewed_by", "reviewed_on"):
                    val = ev.get(k) or detail.get(k)
                    if val:
                        st.text(f"{k}: {val}")
            found = source_text(ev) if source_text else None
            passage = detail.get("passage") or ev.get("passage")
            if found is not None:
                text, offset = found
                start, end = ev.get("start"), ev.get("end")
                if isinstance(start, int) and isinstance(end, int) and offset <= start <= end <= offset + len(text):
                    span = highlight.Span(start - offset, end - offset, kind="match")
                    st.html(highlight.in_context(text, span, width=240))
                else:
                    st.text(text[:600])
            elif isinstance(passage, str):
                st.text(passage[:600])
            diff = detail.get("diff") if isinstance(detail, dict) else None
            if diff:
                st.caption("Word differences: source struck out, quote underlined")
                st.html(highlight.diff_html([DiffOp.from_json(d) for d in diff]))
            if isinstance(detail, dict) and detail.get("class"):
                st.text(f"alignment: {detail['class']}")
            source_line(ev.get("source_title"), ev.get("source_url"))
