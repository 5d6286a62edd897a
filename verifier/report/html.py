"""The HTML report: one self-contained file (inline CSS, inline SVG charts, no script but the
JSON-LD data block, no external resource), readable on screen and on paper.

First the counts (computed in SQL), then the claims streamed document by document, then the
ClaimReview JSON-LD, the same document `verifier export --format jsonld` writes, collected while
the claims stream by (in a spooled temporary file, so memory stays bounded). Every piece of text
from a document or a person is HTML-escaped; links are written only for http(s) URLs."""
from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from html import escape
from typing import IO, Any

from verifier.claims import SAME_CLAIM_LABEL, SIMILAR_CLAIM_LABEL, score_text
from verifier.db.models import VERDICTS
from verifier.db.records import Summary
from verifier.report.context import ExportContext
from verifier.report.jsonout import _json, claim_review
from verifier.report.tabular import attribution_cell

FINDINGS = ("consistent", "partial", "contradicted", "no_evidence", "none")
FINDING_COLORS = {"consistent": "#2e7d32", "partial": "#f9a825", "contradicted": "#c62828",
                  "no_evidence": "#90a4ae", "none": "#cfd8dc"}
VERDICT_CATS = (*VERDICTS, "none")
VERDICT_COLORS = {"True": "#1b5e20", "Mostly true": "#66bb6a", "Half true": "#fdd835",
                  "Mostly false": "#fb8c00", "False": "#c62828", "Misattributed": "#8e24aa",
                  "Altered quote": "#d81b60", "Unverifiable": "#78909c", "Not a claim": "#b0bec5",
                  "none": "#eceff1"}
CHART_ROWS = 25  # documents or reviewers per chart; the tables list them all

CSS = """
:root{--ink:#1d2327;--muted:#5f6b73;--line:#d5dbe0;--bg:#f7f9fa}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);margin:0 auto;max-width:1000px;padding:24px}
h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.3em;border-bottom:2px solid var(--ink);padding-bottom:.2em;margin-top:1.8em}
h3{font-size:1.1em;margin:1.4em 0 .3em}
.meta,.muted{color:var(--muted);font-size:.9em}
table{border-collapse:collapse;margin:.5em 0 1em;font-size:.9em}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{background:var(--bg)}td:first-child{white-space:nowrap}td.n{text-align:right;font-variant-numeric:tabular-nums}
.counts{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:1em 0}figcaption{font-weight:600;margin-bottom:.3em}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
article.claim{border:1px solid var(--line);border-left:4px solid var(--muted);border-radius:4px;padding:8px 12px;margin:10px 0;background:#fff}
article.claim header{display:flex;gap:8px;align-items:center;flex-wrap:wrap;font-size:.9em}
.badge{display:inline-block;padding:0 6px;border-radius:3px;background:var(--bg);border:1px solid var(--line)}
.badge.changed{background:#fff3e0;border-color:#fb8c00}
.f-contradicted{border-left-color:#c62828}.f-consistent{border-left-color:#2e7d32}.f-partial{border-left-color:#f9a825}
blockquote{margin:.4em 0;padding:.2em .8em;border-left:3px solid var(--line);white-space:pre-wrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:.4em 0;font-size:.92em}
dt{color:var(--muted)}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
ul.evidence{margin:.3em 0;padding-left:1.2em;font-size:.9em}
a{color:#0b57d0;overflow-wrap:anywhere}
footer{margin-top:2em;border-top:1px solid var(--line);padding-top:.5em}
code{font-size:.85em;overflow-wrap:anywhere}
@page{size:A4;margin:14mm 12mm}
@media print{
 body{max-width:none;padding:0;font-size:10.5pt}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 article.claim,figure,table{break-inside:avoid}
 h2,h3{break-after:avoid}
 a{color:inherit;text-decoration:none}
 a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;color:var(--muted)}
 nav{display:none}
}
"""


def _e(value: Any) -> str:
    return "" if value is None else escape(str(value), quote=True)


def _link(url: Any, label: Any = None) -> str:
    if not url:
        return _e(label)
    text = _e(label if label is not None else url)
    if str(url).lower().startswith(("http://", "https://")):
        return f'<a href="{_e(url)}" rel="noopener noreferrer">{text}</a>'
    return text


def _counts_table(title: str, counts: dict[str, int], order: Iterable[str]) -> str:
    keys = [k for k in order if k in counts] + sorted(k for k in counts if k not in set(order))
    rows = "".join(f"<tr><td>{_e(k)}</td><td class=n>{counts[k]}</td></tr>" for k in keys)
    return f"<table><tr><th>{_e(title)}</th><th>claims</th></tr>{rows}</table>"


def bar_chart(title: str, rows: list[tuple[str, dict[str, int]]], categories: Iterable[str],
              colors: dict[str, str], note: str = "") -> str:
    """Horizontal stacked bars, one per row, as inline SVG with a legend."""
    cats = list(categories)
    label_w, bar_w, bar_h, gap, top = 230, 420, 16, 6, 4
    biggest = max((sum(r.values()) for _, r in rows), default=0) or 1
    used = [c for c in cats if any(r.get(c) for _, r in rows)]
    legend_h = 22 * ((len(used) + 3) // 4)
    height = top + len(rows) * (bar_h + gap) + legend_h + 10
    width = label_w + bar_w + 60
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{_e(title)}" '
             f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px">']
    for i, (label, counts) in enumerate(rows):
        y = top + i * (bar_h + gap)
        short = label if len(label) <= 34 else label[:33] + "…"
        parts.append(f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end"><title>{_e(label)}</title>{_e(short)}</text>')
        x = float(label_w)
        for c in cats:
            n = counts.get(c, 0)
            if not n:
                continue
            w = bar_w * n / biggest
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{max(w, 0.5):.1f}" height="{bar_h}" '
                         f'fill="{colors.get(c, "#999")}"><title>{_e(label)}: {_e(c)} {n}</title></rect>')
            x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 12}">{sum(counts.values())}</text>')
    ly = top + len(rows) * (bar_h + gap) + 8
    for j, c in enumerate(used):
        lx, yy = 10 + (j % 4) * 170, ly + (j // 4) * 22
        parts.append(f'<rect x="{lx}" y="{yy}" width="12" height="12" fill="{colors.get(c, "#999")}" stroke="#888" stroke-width=".5"/>'
                     f'<text x="{lx + 16}" y="{yy + 10}">{_e(c if c != "none" else "(none)")}</text>')
    parts.append("</svg>")
    cap = f"<figcaption>{_e(title)}</figcaption>"
    extra = f'<p class="muted">{_e(note)}</p>' if note else ""
    return f"<figure>{cap}{''.join(parts)}{extra}</figure>"


def _summary_html(s: Summary) -> str:
    out = [f"<h2 id=summary>Summary</h2><p><strong>{s.total}</strong> claims in "
           f"<strong>{len(s.documents)}</strong> documents.</p><div class=counts>",
           _counts_table("kind", s.by_kind, ("quote", "temporal", "factual")),
           _counts_table("finding", s.by_finding, FINDINGS),
           _counts_table("verdict", s.by_verdict, VERDICT_CATS), "</div>"]
    docs = s.documents[:CHART_ROWS]
    more = (f"{len(s.documents) - CHART_ROWS} more documents are in the table below."
            if len(s.documents) > CHART_ROWS else "")
    labels = [f"{t} (#{d})" for d, t, _ in docs]
    out.append(bar_chart("Findings per document",
                         [(lab, s.finding_per_document.get(d, {})) for lab, (d, _, _) in zip(labels, docs, strict=True)],
                         FINDINGS, FINDING_COLORS, more))
    out.append(bar_chart("Verdicts per document",
                         [(lab, s.verdict_per_document.get(d, {})) for lab, (d, _, _) in zip(labels, docs, strict=True)],
                         VERDICT_CATS, VERDICT_COLORS, more))
    reviewers = sorted(s.verdict_per_reviewer.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    if reviewers:
        out.append(bar_chart("Verdicts per reviewer", reviewers[:CHART_ROWS], VERDICT_CATS,
                             VERDICT_COLORS))
        out.append(bar_chart("Findings of the claims each reviewer reviewed",
                             [(r, s.finding_per_reviewer.get(r, {})) for r, _ in reviewers[:CHART_ROWS]],
                             FINDINGS, FINDING_COLORS))
    rows = "".join(
        f'<tr><td><a href="#doc-{d}">#{d}</a></td><td>{_e(t)}</td><td class=n>{n}</td>'
        + "".join(f"<td class=n>{s.finding_per_document.get(d, {}).get(f, 0)}</td>" for f in FINDINGS)
        + f"<td class=n>{n - s.verdict_per_document.get(d, {}).get('none', 0)}</td></tr>"
        for d, t, n in s.documents)
    heads = "".join(f"<th>{_e(f)}</th>" for f in FINDINGS)
    out.append(f"<h3>Documents</h3><table><tr><th>id</th><th>title</th><th>claims</th>{heads}"
               f"<th>reviewed</th></tr>{rows}</table>")
    return "".join(out)


def _claimed(d: dict[str, Any]) -> str:
    """What the page says of itself (its canonical URL, its site name), labelled as such and
    never a link: the document's url is where it was fetched from (docs/decisions.md §22)."""
    said = " ".join(x for x in (d.get("claimed_url"), d.get("claimed_site") and
                                f"({d['claimed_site']})") if x)
    return f"<span class=claimed>the page calls itself {_e(said)}</span>" if said else ""


def _document_header(d: dict[str, Any]) -> str:
    title = d.get("title") or d.get("source_name") or f"document {d['id']}"
    meta = " · ".join(x for x in (_link(d.get("url")), _e(d.get("site")), _claimed(d),
                                  _e(d.get("author")), _e(d.get("published")),
                                  _e(d.get("language")),
                                  f"sha256 <code>{_e(d.get('sha256'))}</code>") if x)
    return (f'<section class=document id="doc-{d["id"]}" lang="{_e(d.get("language"))}">'
            f"<h3>{_e(title)} <span class=muted>#{d['id']}</span></h3><p class=meta>{meta}</p>")


def _value(value: Any) -> str:
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def claim_html(rec: dict[str, Any]) -> str:
    c = rec["claim"]
    cid = c["id"]
    finding = c.get("finding") or "none"
    rows: list[tuple[str, str]] = []
    if c.get("speaker") or c.get("reference"):
        who = _e(c.get("speaker"))
        if c.get("reference") and c.get("reference") != c.get("speaker"):
            who += f" → {_e(c['reference'])}"
        rows.append(("speaker", who))
    if flag := attribution_cell(c):
        attrs = c.get("attrs") or {}
        rows.append(("attribution", f"<strong>{_e(flag)}</strong> (confidence "
                                    f"{_e(attrs.get('confidence'))}: "
                                    f"{_e('; '.join(attrs.get('reasons') or []))})"))
    rows.append(("span", f"{c['start']}–{c['end']}"))
    if c.get("value") is not None:
        rows.append(("value", _e(_value(c["value"]))))
    if c.get("explanation"):
        rows.append(("explanation", _e(c["explanation"])))
    if c.get("verdict"):
        rows.append(("verdict", f"<strong>{_e(c['verdict'])}</strong> by {_e(c.get('reviewed_by'))} "
                                f"at {_e(c.get('reviewed_at'))}"))
    if c.get("note"):
        rows.append(("note", _e(c["note"])))
    if c.get("evidence_changed_since_verdict"):
        rows.append(("evidence changed", f"on {_e(c.get('evidence_changed_at'))}, after the "
                                         "verdict: the verdict may need a second look"))
    by = f" by {_e(c['updated_by'])}" if c.get("updated_by") else ""
    rows.append(("version", f"{c.get('version')} (last change{by} at {_e(c.get('updated_at'))})"))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    ev_items = []
    for ev in rec["evidence"]:  # in the order of claims.ordered_evidence (db/records.py)
        span = f" [{ev['start']}–{ev['end']}]" if ev.get("start") is not None else ""
        score = f" score {score_text(ev.get('score'))}" if score_text(ev.get("score")) else ""
        ev_items.append(f"<li>{_e(ev['kind'])}: {_link(ev.get('source_url'), ev.get('source_title') or ev.get('source_url') or '(untitled)')}"
                        f"{_e(span)}{_e(score)} {_e(ev.get('method'))}{_precedent(ev)}</li>")
    evidence = (f"<ul class=evidence>{''.join(ev_items)}</ul>" if ev_items
                else '<p class="muted">No evidence.</p>')
    history = ""
    if len(rec["reviews"]) > 1:
        items = "; ".join(f"{_e(r['reviewer'])}: {_e(r['verdict'] or '(note)')} at {_e(r['created_at'])}"
                          for r in rec["reviews"])
        history = f'<p class="muted">History: {items}</p>'
    badge = f'<span class=badge>{_e(c["verdict"])}</span>' if c.get("verdict") else '<span class=badge>unreviewed</span>'
    if c.get("evidence_changed_since_verdict"):
        badge += '<span class="badge changed">evidence changed since the verdict</span>'
    return (f'<article class="claim f-{_e(finding)}" id="claim-{cid}"><header>'
            f'<a href="#claim-{cid}">#{cid}</a><span class=badge>{_e(c["kind"])}</span>'
            f"<span class=badge>{_e(finding)}</span>{badge}</header>"
            f"<blockquote>{_e(c['text'])}</blockquote><dl>{dl}</dl>{evidence}{history}</article>")


def _precedent(ev: dict[str, Any]) -> str:
    """For an earlier verdict: its label ("same claim", or "similar claim, not identical" with
    the differing words) and its verdict, escaped."""
    if ev.get("kind") != "precedent":
        return ""
    detail = ev.get("detail") or {}  # stored rows: whatever an earlier version wrote
    identical = detail.get("similarity") == "identical"
    words = [str(d[1]) for d in detail.get("diff") or ()
             if isinstance(d, list | tuple) and len(d) == 2 and d[0] != "="]
    differs = f" (words differ: {' / '.join(words)})" if words and not identical else ""
    verdict = (detail.get("detail") or {}).get("verdict")
    return (f"<br><strong>{SAME_CLAIM_LABEL if identical else SIMILAR_CLAIM_LABEL}</strong>"
            f"{_e(differs)}; verdict then: {_e(verdict or 'none')}")


def _script_safe(chunk: str) -> str:
    """JSON inside <script>: no "</script>" or "<!--" can appear, whatever the claims say."""
    return chunk.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write_html(records: Iterable[dict[str, Any]], summary: Summary, out: IO[str],
               ctx: ExportContext) -> int:
    title = f"Fact-check report — {ctx.organisation}"
    filters = ", ".join(f"{k}={v}" for k, v in ctx.filters.items()) or "none"
    out.write(f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
              f'<meta name="viewport" content="width=device-width,initial-scale=1">'
              f'<meta name="generator" content="verifier">'
              f"<title>{_e(title)}</title><style>{CSS}</style></head><body>\n")
    out.write(f"<header><h1>{_e(title)}</h1><p class=meta>Generated {_e(ctx.generated_at)} · "
              f"filters: {_e(filters)} · audit head <span id=audit-head data-seq=\"{ctx.head_seq}\" "
              f"data-hash=\"{_e(ctx.head_hash)}\">#{ctx.head_seq} <code>{_e(ctx.head_hash)}</code></span></p>"
              f'<nav><a href="#summary">Summary</a> · <a href="#claims">Claims</a></nav></header>\n')
    out.write(_summary_html(summary) + "\n<h2 id=claims>Claims</h2>\n")
    rows, reviews, current_doc = 0, 0, None
    with tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8") as ld:
        for rec in records:
            doc_id = rec["document"]["id"]
            if doc_id != current_doc:
                if current_doc is not None:
                    out.write("</section>\n")
                out.write(_document_header(rec["document"]) + "\n")
                current_doc = doc_id
            out.write(claim_html(rec) + "\n")
            rows += 1
            if rec["claim"].get("verdict"):
                ld.write(("\n" if reviews == 0 else ",\n") + _json(claim_review(rec, ctx)))
                reviews += 1
        if current_doc is not None:
            out.write("</section>\n")
        if rows == 0:
            out.write('<p class="muted">No claims match.</p>\n')
        out.write(f'<footer class=meta>{rows} claims, {reviews} reviewed. Audit head #{ctx.head_seq} '
                  f"<code>{_e(ctx.head_hash)}</code>: <code>verifier audit verify</code> checks the "
                  "log this report reflects.</footer>\n")
        out.write('<script type="application/ld+json">\n{"@context":"https://schema.org",')
        out.write('"auditHead":' + _json({"seq": ctx.head_seq, "hash": ctx.head_hash}) + ',\n"@graph":[')
        ld.seek(0)
        while chunk := ld.read(1 << 16):
            out.write(_script_safe(chunk))
        out.write("\n]}\n</script>\n</body></html>\n")
    return rows
