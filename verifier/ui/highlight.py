"""Document text as HTML with claims highlighted, built only from escaped pieces.

Every character of document text that reaches the page goes through `html.escape` here; the only
markup is the <mark>/<span> tags this module writes itself, whose attributes are either constants
(CSS classes chosen from fixed tables) or escaped values. Pages render the result with `st.html`
(which sanitises again): the escaping here is what we rely on, the sanitiser is a second fence.

Overlapping claims (a date inside a quote) are drawn by cutting the text at every claim boundary
and giving each piece the innermost claim that covers it."""
from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from verifier.claims import DiffOp

if TYPE_CHECKING:
    from verifier.services import Explanation

KIND_CLASSES = {"quote": "k-quote", "temporal": "k-temporal", "factual": "k-factual"}
FINDING_CLASSES = {"consistent": "f-consistent", "contradicted": "f-contradicted",
                   "partial": "f-partial", "no_evidence": "f-none"}
KIND_COLOURS = {"quote": "#dbeafe", "temporal": "#fef3c7", "factual": "#e9d5ff"}
KIND_LABELS = {"quote": "quote", "temporal": "date", "factual": "fact"}
FINDING_BORDERS = {"consistent": "#16a34a", "contradicted": "#dc2626", "partial": "#ea580c",
                   "no_evidence": "#6b7280"}

STYLE = """<style>
.vf-doc{white-space:pre-wrap;font-family:Georgia,serif;line-height:1.55;font-size:1rem}
.vf-doc mark{padding:0 1px;border-radius:3px;color:inherit;border-bottom:3px solid transparent}
.vf-doc .k-quote{background:%(quote)s}.vf-doc .k-temporal{background:%(temporal)s}
.vf-doc .k-factual{background:%(factual)s}
.vf-doc .f-consistent{border-bottom-color:%(consistent)s}
.vf-doc .f-contradicted{border-bottom-color:%(contradicted)s}
.vf-doc .f-partial{border-bottom-color:%(partial)s}.vf-doc .f-none{border-bottom-color:%(no_evidence)s}
.vf-doc .vf-selected{outline:2px solid #111;outline-offset:1px}
.vf-doc .vf-match{background:#bbf7d0}
.vf-diff del{background:#fecaca;text-decoration:line-through}
.vf-diff ins{background:#bbf7d0;text-decoration:none}
.vf-legend span{display:inline-block;margin-right:.8em;padding:0 .3em;border-radius:3px}
.vf-expl{line-height:1.5}.vf-expl>div{margin:.25em 0}.vf-about{color:#444}
.vf-verdict{padding:.35em .6em;border-left:4px solid #6b7280;background:#f9fafb}
.vf-verdict.f-consistent{border-left-color:%(consistent)s}
.vf-verdict.f-contradicted{border-left-color:%(contradicted)s;background:#fef2f2}
.vf-verdict.f-partial{border-left-color:%(partial)s;background:#fff7ed}
.vf-suggest{padding:.35em .6em;border-left:4px solid #2563eb;background:#eff6ff}
.vf-attr{padding:.35em .6em;border-left:4px solid #ca8a04;background:#fefce8}
.vf-card-head{font-weight:600}.vf-card-note{color:#555;font-size:.9em}
</style>""" % (KIND_COLOURS | FINDING_BORDERS)


@dataclass(frozen=True)
class Span:
    """A claim (or a matched stretch of a source) to mark: offsets into the text."""

    start: int
    end: int
    kind: str | None = None
    finding: str | None = None
    claim_id: int | None = None
    label: str | None = None  # tooltip, escaped on output


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _classes(span: Span, selected: int | None) -> str:
    names = ["vf-claim"]
    if span.kind in KIND_CLASSES:
        names.append(KIND_CLASSES[span.kind])
    elif span.kind == "match":
        names.append("vf-match")
    if span.finding in FINDING_CLASSES:
        names.append(FINDING_CLASSES[span.finding])
    if selected is not None and span.claim_id == selected:
        names.append("vf-selected")
    return " ".join(names)


def _open(span: Span, selected: int | None) -> str:
    attrs = [f'class="{_classes(span, selected)}"']
    if span.claim_id is not None:
        attrs.append(f'id="claim-{int(span.claim_id)}"')
        attrs.append(f'data-claim="{int(span.claim_id)}"')
    if span.label:
        attrs.append(f'title="{esc(span.label)}"')
    return "<mark " + " ".join(attrs) + ">"


def highlight(text: str, spans: Iterable[Span], *, selected: int | None = None,
              offset: int = 0) -> str:
    """`text` (which starts at `offset` of the document the spans point into) as escaped HTML,
    the spans wrapped in <mark>. Spans outside the text are clipped; empty ones ignored."""
    end_of_text = offset + len(text)
    clipped = [s for s in spans if s.end > offset and s.start < end_of_text and s.end > s.start]
    cuts = {offset, end_of_text}
    for s in clipped:
        cuts.add(max(s.start, offset))
        cuts.add(min(s.end, end_of_text))
    bounds = sorted(cuts)
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = esc(text[a - offset:b - offset])
        covering = [s for s in clipped if s.start <= a and s.end >= b]
        if not covering:
            out.append(piece)
            continue
        # The selected claim wins, then the innermost (shortest) one.
        best = min(covering, key=lambda s: (s.claim_id != selected or selected is None,
                                            s.end - s.start, s.start))
        out.append(_open(best, selected) + piece + "</mark>")
    return "".join(out)


def document_html(text: str, spans: Sequence[Span], *, selected: int | None = None,
                  offset: int = 0) -> str:
    """A whole block, ready for st.html: the style sheet and the highlighted text."""
    return STYLE + '<div class="vf-doc">' + highlight(text, spans, selected=selected,
                                                      offset=offset) + "</div>"


def context_window(text: str, start: int, end: int, *, width: int = 220) -> tuple[int, int]:
    """Bounds of a window of about `width` characters either side of [start, end), widened to
    whole words."""
    a, b = max(0, start - width), min(len(text), end + width)
    while a > 0 and not text[a - 1].isspace() and start - a < width + 30:
        a -= 1
    while b < len(text) and not text[b].isspace() and b - end < width + 30:
        b += 1
    while a < start and text[a].isspace():  # no blank line after the opening ellipsis
        a += 1
    while b > end and text[b - 1].isspace():
        b -= 1
    return a, b


def in_context(text: str, span: Span, *, width: int = 220, extra: Sequence[Span] = ()) -> str:
    """The span marked inside its surrounding text, with ellipses where the window cuts."""
    a, b = context_window(text, span.start, span.end, width=width)
    body = highlight(text[a:b], [span, *extra], selected=span.claim_id, offset=a)
    return (STYLE + '<div class="vf-doc">' + ("… " if a > 0 else "") + body
            + (" …" if b < len(text) else "") + "</div>")


def legend_html(labels: Mapping[str, str] | None = None) -> str:
    """The colours of the kinds and the underlines of the findings; `labels` names them (in
    the interface's language), else their English names."""
    labels = labels or {}
    parts = [f'<span style="background:{KIND_COLOURS[k]}">{esc(labels.get(k, KIND_LABELS[k]))}</span>'
             for k in KIND_COLOURS]
    parts += [f'<span style="border-bottom:3px solid {FINDING_BORDERS[f]}">'
              f'{esc(labels.get(f, f.replace("_", " ")))}</span>' for f in FINDING_BORDERS]
    return STYLE + '<div class="vf-legend">' + "".join(parts) + "</div>"


# --- word diffs of altered quotes ---------------------------------------------------------

_DIFF_TAGS = {"-": "del", "+": "ins"}


def _shortened(text: str, keep: int, *, first: bool, last: bool) -> str:
    """Words both sides have, cut to `keep` words next to each change (" … " in between)."""
    words = text.split()
    head = [] if first else words[:keep]
    tail = [] if last else words[-keep:]
    if len(words) <= len(head) + len(tail) + 1:
        return text
    return " ".join([*head, "…", *tail])


def diff_html(diff: Sequence[DiffOp], *, keep: int | None = None) -> str:
    """A word diff (claims.DiffOp: "-" words of the first text struck out — the source's, or
    an earlier claim's —, "+" words of the second underlined — the quote's, or this claim's —,
    "=" words in both), escaped. With `keep`, runs of common words are cut to `keep` words
    next to each change, so that two long texts that differ by a word show that word."""
    out: list[str] = []
    for n, d in enumerate(diff):
        tag = _DIFF_TAGS.get(d.op)
        text = d.text
        if tag is None and keep is not None:
            text = _shortened(text, keep, first=n == 0, last=n == len(diff) - 1)
        out.append(f"<{tag}>{esc(text)}</{tag}> " if tag else esc(text) + " ")
    return STYLE + '<div class="vf-diff vf-doc">' + "".join(out).strip() + "</div>"


# --- plain-words explanations (verifier.explain) --------------------------------------------

FINDING_SIGNS = {"consistent": "✓", "contradicted": "✗", "partial": "~", "no_evidence": "?"}


def explanation_html(ex: Explanation) -> str:
    """What the claim says, what the check found (its label and sentence, bordered in the
    finding's colour), the suggested correction and the attribution warning; every sentence
    escaped (they quote the article's words)."""
    cls = FINDING_CLASSES.get(ex.finding or "", "f-none")
    sign = FINDING_SIGNS.get(ex.finding or "", "·")
    parts = [f'<div class="vf-about">{esc(ex.about)}</div>',
             f'<div class="vf-verdict {cls}"><b>{esc(sign)} {esc(ex.finding_label)}</b> — '
             f'{esc(ex.summary)}</div>']
    if ex.suggestion is not None:
        parts.append(f'<div class="vf-suggest">{esc(ex.suggestion.sentence)}</div>')
    if ex.attribution:
        parts.append(f'<div class="vf-attr">{esc(ex.attribution)}</div>')
    return STYLE + '<div class="vf-expl">' + "".join(parts) + "</div>"


def evidence_html(i: int, title: str, sentence: str, score: str = "", note: str | None = None
                  ) -> str:
    """One piece of evidence: "1. Knowledge base · 100/100", its sentence, a note; escaped."""
    head = f"{i + 1}. {title}" + (f" · {score}" if score else "")
    body = f'<div class="vf-card-head">{esc(head)}</div><div>{esc(sentence)}</div>'
    if note:
        body += f'<div class="vf-card-note">{esc(note)}</div>'
    return STYLE + '<div class="vf-expl vf-card">' + body + "</div>"


# --- the annotated draft: the text with its claims, a margin note beside each -----------------

NOTE_STYLE = """<style>
.vf-annotated{{display:grid;grid-template-columns:minmax(0,1fr) minmax(13rem,18rem);column-gap:1.4rem;
  row-gap:.1rem;white-space:normal;line-height:1.45;font-size:.95rem}}
.vf-annotated .vf-line{{white-space:pre-wrap}}
.vf-annotated .vf-para{{margin-top:.7rem}}
.vf-notes{{display:flex;flex-direction:column;gap:.25rem;font-family:system-ui,sans-serif}}
.vf-notes .vf-para{{margin-top:.7rem}}
.vf-note{{border-left:4px solid {no_evidence};background:#f9fafb;border-radius:3px;
  padding:.15rem .5rem;font-size:.8rem;line-height:1.35;white-space:normal}}
.vf-note.f-contradicted{{border-left-color:{contradicted};background:#fef2f2}}
.vf-note.f-partial{{border-left-color:{partial};background:#fff7ed}}
.vf-note.f-consistent{{border-left-color:{consistent};background:#f0fdf4}}
.vf-note .vf-head{{font-weight:600}}
.vf-note .vf-fix{{font-weight:600;color:#111827}}
.vf-note .vf-why{{color:#4b5563}}
.vf-n{{display:inline-block;min-width:1.25em;padding:0 .2em;margin-left:1px;border-radius:.6em;
  background:#374151;color:#fff;font:600 .62rem/1.2rem system-ui,sans-serif;text-align:center;
  vertical-align:super}}
</style>""".format(**FINDING_BORDERS)


@dataclass(frozen=True)
class Note:
    """A margin note: the claim it is about (its number, its offsets into the text), a head
    ("2 · ✗ Contradicted · temporal"), what to fix (emphasised) and a few lines of why. Every
    string is escaped on output."""

    number: int
    start: int
    end: int
    head: str
    finding: str | None = None
    fix: str | None = None
    lines: tuple[str, ...] = ()
    tip: str | None = None  # shown on hover (the title attribute)


def _note_html(note: Note) -> str:
    cls = "vf-note " + FINDING_CLASSES.get(note.finding or "", "f-none")
    tip = f' title="{esc(note.tip)}"' if note.tip else ""
    parts = [f'<div class="vf-head"><span class="vf-n">{int(note.number)}</span> '
             f"{esc(note.head)}</div>"]
    if note.fix:
        parts.append(f'<div class="vf-fix">{esc(note.fix)}</div>')
    parts += [f'<div class="vf-why">{esc(line)}</div>' for line in note.lines if line]
    return f'<div class="{cls}" id="note-{int(note.number)}"{tip}>' + "".join(parts) + "</div>"


def _line_with_numbers(text: str, start: int, end: int, spans: Sequence[Span],
                       numbers: dict[int, list[int]]) -> str:
    """Line [start, end) of `text` highlighted, a numbered badge after each claim that ends
    in it."""
    cuts = sorted({e for e in numbers if start < e <= end})
    out, a = [], start
    for cut in cuts:
        out.append(highlight(text[a:cut], spans, offset=a))
        out += [f'<span class="vf-n">{int(n)}</span>' for n in numbers[cut]]
        a = cut
    out.append(highlight(text[a:end], spans, offset=a))
    return "".join(out)


def annotated_html(text: str, spans: Sequence[Span], notes: Sequence[Note]) -> str:
    """The draft in two columns, ready for st.html: each line of the text (claims highlighted,
    each followed by its note's number) beside the notes of the claims that start in it, so
    a finding sits level with its sentence. Blank lines become a gap before the next line."""
    numbers: dict[int, list[int]] = {}
    for note in notes:
        numbers.setdefault(note.end, []).append(note.number)
    by_start = sorted(notes, key=lambda n: (n.start, n.number))
    rows: list[str] = []
    gap, k, pos = False, 0, 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if text[pos:end].strip():
            mine = []
            while k < len(by_start) and by_start[k].start < end + 1:
                mine.append(by_start[k])
                k += 1
            para = " vf-para" if gap and rows else ""
            rows.append(f'<div class="vf-line{para}">'
                        + _line_with_numbers(text, pos, end, spans, numbers) + "</div>"
                        + f'<div class="vf-notes{para}">' + "".join(_note_html(n) for n in mine)
                        + "</div>")
            gap = False
        else:
            gap = True
        if nl < 0:
            break
        pos = nl + 1
    if k < len(by_start):  # claims past the last line (none in practice): notes at the end
        rows.append('<div class="vf-line"></div><div class="vf-notes">'
                    + "".join(_note_html(n) for n in by_start[k:]) + "</div>")
    return STYLE + NOTE_STYLE + '<div class="vf-doc vf-annotated">' + "".join(rows) + "</div>"
