"""The HTML report: one self-contained file (inline CSS, charts in HTML and CSS, no script but
the JSON-LD data block, no external resource), readable on screen and on paper (A4: every
table and chart takes the page's width, long words and URLs wrap; tests/test_export.py measures
it in Chromium).

First the counts (computed in SQL), then the claims streamed document by document, each shown
in its sentence with the claim marked, then the ClaimReview JSON-LD, the same document `verifier
export --format jsonld` writes, collected while the claims stream by (in a spooled temporary
file, so memory stays bounded). Every piece of text from a document or a person is
HTML-escaped; links are written only for http(s) URLs."""
from __future__ import annotations

import tempfile
from collections.abc import Iterable
from datetime import date
from html import escape
from typing import IO, Any

from verifier import explain
from verifier.claims import (
    EVIDENCE_COLUMNS,
    SAME_CLAIM_LABEL,
    SIMILAR_CLAIM_LABEL,
    CheckedClaim,
    Elapsed,
    Finding,
    claim_from_json,
    evidence_from_columns,
    score_text,
)
from verifier.db.models import VERDICTS
from verifier.db.records import Summary
from verifier.explain import Explanation
from verifier.report.context import ExportContext
from verifier.report.jsonout import ELLIPSIS, _json, claim_review, published
from verifier.report.tabular import attribution_cell

FINDINGS = ("consistent", "partial", "contradicted", "no_evidence", "none")
FINDING_COLORS = {"consistent": "#2e7d32", "partial": "#f9a825", "contradicted": "#c62828",
                  "no_evidence": "#90a4ae", "none": "#cfd8dc"}
VERDICT_CATS = (*VERDICTS, "none")
VERDICT_COLORS = {"True": "#1b5e20", "Mostly true": "#66bb6a", "Half true": "#fdd835",
                  "Mostly false": "#fb8c00", "False": "#c62828", "Misattributed": "#8e24aa",
                  "Altered quote": "#d81b60", "Unverifiable": "#78909c", "Not a claim": "#b0bec5",
                  "none": "#eceff1"}
KIND_WORDS = {"quote": "quote", "temporal": "date or duration", "factual": "fact"}
FINDING_WORDS = {"consistent": "consistent", "partial": "partly supported",
                 "contradicted": "contradicted", "no_evidence": "no evidence",
                 "none": "not checked"}
CHART_ROWS = 25  # documents or reviewers per chart; the tables list them all
CHART_LABEL = 100  # characters of a document's title in a chart; the table below has it whole
# Column headers of the documents table, hyphenation points marked (&shy;) so that they break
# inside their fixed-width column rather than overflow it.
FINDING_HEADS = {"consistent": "consis&shy;tent", "partial": "partial",
                 "contradicted": "contra&shy;dicted", "no_evidence": "no evi&shy;dence",
                 "none": "not checked"}

CSS = """
:root{--ink:#1d2327;--muted:#5f6b73;--line:#d5dbe0;--bg:#f7f9fa}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);margin:0 auto;max-width:1000px;padding:24px;overflow-wrap:anywhere}
h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.3em;border-bottom:2px solid var(--ink);padding-bottom:.2em;margin-top:1.8em}
h3{font-size:1.1em;margin:1.4em 0 .3em}
.meta,.muted{color:var(--muted);font-size:.9em}
table{border-collapse:collapse;margin:.5em 0 1em;font-size:.9em;max-width:100%}
table.wide{width:100%;table-layout:fixed}
table.wide th{font-size:.85em;overflow-wrap:normal}
th,td{border:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:var(--bg);font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.counts{display:flex;flex-wrap:wrap;gap:0 16px;align-items:flex-start}
figure{margin:1em 0}figcaption{font-weight:600;margin-bottom:.3em}
.bars{display:grid;grid-template-columns:minmax(0,34%) minmax(0,1fr) 3em;gap:3px 8px;align-items:center}
.bars .label{text-align:right;font-size:.85em;line-height:1.2}
.bars .track{display:flex;height:14px;min-width:0}
.bars .seg{display:block;height:100%;min-width:1px}
.bars .n{font-size:.85em;font-variant-numeric:tabular-nums}
ul.legend{list-style:none;display:flex;flex-wrap:wrap;gap:2px 14px;padding:0;margin:.4em 0 0;font-size:.85em}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:4px;vertical-align:-.1em;border:1px solid #888}
article.claim{border:1px solid var(--line);border-left:4px solid var(--muted);border-radius:4px;padding:8px 12px;margin:10px 0;background:#fff}
article.claim header{display:flex;gap:8px;align-items:center;flex-wrap:wrap;font-size:.9em}
.badge{display:inline-block;padding:0 6px;border-radius:3px;background:var(--bg);border:1px solid var(--line)}
.badge.changed{background:#fff3e0;border-color:#fb8c00}
.f-contradicted{border-left-color:#c62828}.f-consistent{border-left-color:#2e7d32}.f-partial{border-left-color:#f9a825}
blockquote{margin:.4em 0;padding:.2em .8em;border-left:3px solid var(--line);white-space:pre-wrap}
mark{background:#ffe89a;color:inherit}
dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 12px;margin:.4em 0;font-size:.92em}
dt{color:var(--muted)}dd{margin:0;white-space:pre-wrap;min-width:0}
ul.evidence{margin:.3em 0;padding-left:1.2em;font-size:.9em}
a{color:#0b57d0}
footer{margin-top:2em;border-top:1px solid var(--line);padding-top:.5em}
code{font-size:.85em}
@page{size:A4;margin:14mm 12mm}
@media print{
 body{max-width:none;padding:0;font-size:10.5pt}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 article.claim,figure,table{break-inside:avoid}
 h2,h3{break-after:avoid}
 a{color:inherit;text-decoration:none}
 a[href^="http"]:not(.bare)::after{content:" (" attr(href) ")";font-size:.8em;color:var(--muted)}
 nav{display:none}
}
"""


def _e(value: Any) -> str:
    return "" if value is None else escape(str(value), quote=True)


def _link(url: Any, label: Any = None) -> str:
    """A link for an http(s) URL (its label escaped), else the label as text. A link whose text
    is the URL itself is "bare": print does not repeat the URL after it."""
    if not url:
        return _e(label)
    text = _e(label if label is not None else url)
    if str(url).lower().startswith(("http://", "https://")):
        bare = ' class="bare"' if label is None or str(label) == str(url) else ""
        return f'<a href="{_e(url)}"{bare} rel="noopener noreferrer">{text}</a>'
    return text


def _counts_table(title: str, counts: dict[str, int], order: Iterable[str],
                  words: dict[str, str] | None = None) -> str:
    keys = [k for k in order if k in counts] + sorted(k for k in counts if k not in set(order))
    words = words or {}
    rows = "".join(f"<tr><td>{_e(words.get(k, k))}</td><td class=n>{counts[k]}</td></tr>" for k in keys)
    return f"<table><tr><th>{_e(title)}</th><th>claims</th></tr>{rows}</table>"


def bar_chart(title: str, rows: list[tuple[str, dict[str, int]]], categories: Iterable[str],
              colors: dict[str, str], note: str = "", words: dict[str, str] | None = None) -> str:
    """Horizontal stacked bars, one per row, with a legend, in HTML and CSS: a grid of label,
    bar and total, so the browser lays out each label (a long one wraps, never clipped) and the
    chart takes the width of the page. Colours come from fixed tables; labels are escaped."""
    cats = list(categories)
    words = words or {}
    biggest = max((sum(r.values()) for _, r in rows), default=0) or 1
    used = [c for c in cats if any(r.get(c) for _, r in rows)]
    cells = []
    for label, counts in rows:
        segs = "".join(
            f'<span class=seg style="width:{100 * counts[c] / biggest:.2f}%;'
            f'background:{colors.get(c, "#999")}" title="{_e(label)}: {_e(words.get(c, c))} {counts[c]}"></span>'
            for c in cats if counts.get(c))
        cells.append(f"<div class=label>{_e(label)}</div><div class=track>{segs}</div>"
                     f"<div class=n>{sum(counts.values())}</div>")
    legend = "".join(f'<li><span class=swatch style="background:{colors.get(c, "#999")}"></span>'
                     f'{_e(words.get(c, c if c != "none" else "(none)"))}</li>' for c in used)
    extra = f'<p class="muted">{_e(note)}</p>' if note else ""
    return (f'<figure class=chart><figcaption>{_e(title)}</figcaption>'
            f'<div class=bars role=img aria-label="{_e(title)}">{"".join(cells)}</div>'
            f"<ul class=legend>{legend}</ul>{extra}</figure>")


def _chart_label(title: str, doc_id: int) -> str:
    """A document's label in a chart: its title (the first CHART_LABEL characters, at a word
    boundary) and its id, which is never cut."""
    if len(title) > CHART_LABEL:
        cut = title.rfind(" ", CHART_LABEL // 2, CHART_LABEL)
        title = title[: cut if cut > 0 else CHART_LABEL].rstrip() + "…"
    return f"{title} (#{doc_id})"


def _summary_html(s: Summary) -> str:
    out = [f"<h2 id=summary>Summary</h2><p><strong>{s.total}</strong> claims in "
           f"<strong>{len(s.documents)}</strong> documents.</p><div class=counts>",
           _counts_table("kind", s.by_kind, ("quote", "temporal", "factual"), KIND_WORDS),
           _counts_table("finding", s.by_finding, FINDINGS, FINDING_WORDS),
           _counts_table("verdict", s.by_verdict, VERDICT_CATS), "</div>"]
    docs = s.documents[:CHART_ROWS]
    more = (f"{len(s.documents) - CHART_ROWS} more documents are in the table below."
            if len(s.documents) > CHART_ROWS else "")
    labels = [_chart_label(t, d) for d, t, _ in docs]
    out.append(bar_chart("Findings per document",
                         [(lab, s.finding_per_document.get(d, {})) for lab, (d, _, _) in zip(labels, docs, strict=True)],
                         FINDINGS, FINDING_COLORS, more, FINDING_WORDS))
    out.append(bar_chart("Verdicts per document",
                         [(lab, s.verdict_per_document.get(d, {})) for lab, (d, _, _) in zip(labels, docs, strict=True)],
                         VERDICT_CATS, VERDICT_COLORS, more))
    reviewers = sorted(s.verdict_per_reviewer.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    if reviewers:
        out.append(bar_chart("Verdicts per reviewer", reviewers[:CHART_ROWS], VERDICT_CATS,
                             VERDICT_COLORS))
        out.append(bar_chart("Findings of the claims each reviewer reviewed",
                             [(r, s.finding_per_reviewer.get(r, {})) for r, _ in reviewers[:CHART_ROWS]],
                             FINDINGS, FINDING_COLORS, words=FINDING_WORDS))
    rows = "".join(
        f'<tr><td><a href="#doc-{d}">#{d}</a></td><td>{_e(t)}</td><td class=n>{n}</td>'
        + "".join(f"<td class=n>{s.finding_per_document.get(d, {}).get(f, 0)}</td>" for f in FINDINGS)
        + f"<td class=n>{n - s.verdict_per_document.get(d, {}).get('none', 0)}</td></tr>"
        for d, t, n in s.documents)
    heads = "".join(f"<th class=n>{FINDING_HEADS[f]}</th>" for f in FINDINGS)
    cols = ('<colgroup><col style="width:4.5em"><col>'
            + '<col style="width:5.4em">' * (len(FINDINGS) + 2) + "</colgroup>")
    out.append(f"<h3>Documents</h3><table class=wide>{cols}<tr><th>id</th><th>title</th>"
               f"<th class=n>claims</th>{heads}<th class=n>re&shy;viewed</th></tr>{rows}</table>")
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


def in_sentence(c: dict[str, Any]) -> str:
    """The claim inside its sentence, the claim marked (<mark>), every piece escaped; "…" where
    a very long sentence was cut. Without a sentence (or one that does not hold the claim's
    span), the claim's text alone, marked."""
    sentence = c.get("sentence")
    claim = f"<mark>{_e(c['text'])}</mark>"
    if not sentence:
        return claim
    text, s0 = sentence["text"], sentence["start"]
    a, b = c["start"] - s0, c["end"] - s0
    if not (0 <= a <= b <= len(text)) or text[a:b] != c["text"]:
        return claim
    before = (ELLIPSIS + " " if sentence.get("cut_before") else "") + text[:a]
    after = text[b:] + (" " + ELLIPSIS if sentence.get("cut_after") else "")
    return f"{_e(before)}{claim}{_e(after)}"


def checked_of(rec: dict[str, Any]) -> CheckedClaim | None:
    """The typed claim, finding and evidence of an export record (db/records.py), as the check
    gave them; None for a stored row the contract cannot read (an earlier version's)."""
    c = rec["claim"]
    attrs = c.get("attrs") or {}
    data: dict[str, Any] = {"kind": c["kind"], "text": c["text"], "start": c["start"],
                            "end": c["end"], "speaker": c.get("speaker"),
                            "reference": c.get("reference")}
    data.update(attrs)
    try:
        claim = claim_from_json(data)
        evidence = tuple(evidence_from_columns({k: ev.get(k) for k in EVIDENCE_COLUMNS},
                                               ev.get("detail")) for ev in rec["evidence"])
        elapsed = attrs.get("elapsed")
        result = Finding(finding=c.get("finding") or "no_evidence",
                         explanation=c.get("explanation") or "", evidence=evidence,
                         elapsed=Elapsed(**elapsed) if isinstance(elapsed, dict) else None,
                         prediction=attrs.get("prediction"), fidelity=attrs.get("fidelity"))
    except (TypeError, ValueError, KeyError, AttributeError):
        return None
    return CheckedClaim(claim, result)


def explained(rec: dict[str, Any]) -> Explanation | None:
    """The claim in plain words of its document's language (verifier.explain, as on the desk);
    None when its stored row cannot be read as the contract."""
    checked = checked_of(rec)
    if checked is None:
        return None
    d = rec["document"]
    lang = d.get("language")
    day = d.get("published")
    try:
        published_on = date.fromisoformat(str(day)[:10]) if day else None
    except ValueError:
        published_on = None
    try:
        if not rec["claim"].get("finding"):
            return explain.unchecked(checked.claim, lang=lang, published=published_on)
        return explain.explain(checked, lang=lang, published=published_on, text_lang=lang)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None


def _evidence_items(rec: dict[str, Any], ex: Explanation | None) -> list[str]:
    """Each piece of evidence as a sentence with its title, 0-100 score and source (a link
    for http(s) only); without an explanation, its kind, source and score."""
    items = []
    lines = ex.evidence if ex is not None else ()
    for i, ev in enumerate(rec["evidence"]):  # in the order of claims.ordered_evidence
        source = (_link(ev.get("source_url"), ev.get("source_title") or ev.get("source_url"))
                  if ev.get("source_title") or ev.get("source_url") else "")
        if i < len(lines):
            line = lines[i]
            head = line.title + (f" · {line.score_text}" if line.score_text else "")
            body = f"<strong>{_e(head)}</strong> — {_e(line.sentence)}"
            if line.note:
                body += f" <span class=muted>{_e(line.note)}</span>"
        else:
            score = score_text(ev.get("score"))
            head = EVIDENCE_WORDS.get(ev.get("kind"), "evidence") + (f" · {score}" if score else "")
            body = f"<strong>{_e(head)}</strong>"
        items.append(f"<li>{body}{' — ' + source if source else ''}{_precedent(ev)}</li>")
    return items


EVIDENCE_WORDS = {"passage": "Source", "fact": "Knowledge base", "calendar": "Calendar",
                  "precedent": "Earlier fact-check"}


def claim_html(rec: dict[str, Any]) -> str:
    """One claim in plain sentences (verifier.explain): what it says, what the check found, a
    suggested correction, the attribution to check, each piece of evidence as a sentence; no
    method code, field name or stored value (those are in the CSV, XLSX and JSON exports)."""
    c = rec["claim"]
    cid = c["id"]
    finding = c.get("finding") or "none"
    ex = explained(rec)
    rows: list[tuple[str, str]] = []
    if c.get("speaker") or c.get("reference"):
        who = _e(c.get("speaker"))
        if c.get("reference") and c.get("reference") != c.get("speaker"):
            who += f" → {_e(c['reference'])}"
        rows.append(("speaker", who))
    if ex is not None:
        rows.append(("claim", _e(ex.about)))
        rows.append(("finding", f"<strong>{_e(ex.finding_label)}</strong> — {_e(ex.summary)}"))
        if ex.suggestion is not None:
            rows.append(("correction", _e(ex.suggestion.sentence)))
    elif c.get("explanation"):
        rows.append(("finding", _e(c["explanation"])))
    if flag := attribution_cell(c):
        why = ex.attribution if ex is not None and ex.attribution else ""
        rows.append(("attribution", f"<strong>{_e(flag)}</strong>" + (f" — {_e(why)}" if why else "")))
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
    ev_items = _evidence_items(rec, ex)
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
            f'<a href="#claim-{cid}">#{cid}</a><span class=badge>{_e(KIND_WORDS.get(c["kind"], c["kind"]))}</span>'
            f"<span class=badge>{_e(FINDING_WORDS.get(finding, finding))}</span>{badge}</header>"
            f"<blockquote>{in_sentence(c)}</blockquote><dl>{dl}</dl>{evidence}{history}</article>")


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
    """The report. Its ClaimReview block (one per `published` claim) is written only when an
    organisation signs it (ctx.publishable); without one the footer says so."""
    title = f"Fact-check report — {ctx.organisation}" if ctx.organisation else "Fact-check report"
    byline = (f" · published by {_link(ctx.organisation_url, ctx.organisation)}"
              if ctx.organisation else "")
    filters = ", ".join(f"{k}={v}" for k, v in ctx.filters.items()) or "none"
    out.write(f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
              f'<meta name="viewport" content="width=device-width,initial-scale=1">'
              f'<meta name="generator" content="verifier">'
              f"<title>{_e(title)}</title><style>{CSS}</style></head><body>\n")
    out.write(f"<header><h1>{_e(title)}</h1><p class=meta>Generated {_e(ctx.generated_at)}{byline} · "
              f"filters: {_e(filters)} · audit head <span id=audit-head data-seq=\"{ctx.head_seq}\" "
              f"data-hash=\"{_e(ctx.head_hash)}\">#{ctx.head_seq} <code>{_e(ctx.head_hash)}</code></span></p>"
              f'<nav><a href="#summary">Summary</a> · <a href="#claims">Claims</a></nav></header>\n')
    out.write(_summary_html(summary) + "\n<h2 id=claims>Claims</h2>\n")
    rows, reviews, marked, current_doc = 0, 0, 0, None
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
                reviews += 1
            if ctx.publishable and published(rec):
                ld.write(("\n" if marked == 0 else ",\n") + _json(claim_review(rec, ctx)))
                marked += 1
        if current_doc is not None:
            out.write("</section>\n")
        if rows == 0:
            out.write('<p class="muted">No claims match.</p>\n')
        unsigned = ("" if ctx.publishable else
                    " No ClaimReview markup: no organisation is set to sign it "
                    "(<code>verifier setup --org-name NAME --org-url URL</code>).")
        out.write(f'<footer class=meta>{rows} claims, {reviews} reviewed. Audit head #{ctx.head_seq} '
                  f"<code>{_e(ctx.head_hash)}</code>: <code>verifier audit verify</code> checks the "
                  f"log this report reflects.{unsigned}</footer>\n")
        if not ctx.publishable:
            out.write("</body></html>\n")
            return rows
        out.write('<script type="application/ld+json">\n{"@context":"https://schema.org",')
        out.write('"auditHead":' + _json({"seq": ctx.head_seq, "hash": ctx.head_hash}) + ',\n"@graph":[')
        ld.seek(0)
        while chunk := ld.read(1 << 16):
            out.write(_script_safe(chunk))
        out.write("\n]}\n</script>\n</body></html>\n")
    return rows
