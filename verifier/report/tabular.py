"""CSV and XLSX: one row per claim.

CSV keeps every value as stored (the span text is the document's text, byte for byte), except
that a text cell a spreadsheet would run as a formula (one beginning with "=", "+", "-", "@",
a tab or a carriage return: OWASP's rule for CSV injection) gets a leading "'", which the
spreadsheet shows as text and `read_csv` removes; `evidence_changed_since_verdict` is true or
false. It ends with one comment line, `# verifier export: rows=N audit_head_seq=S audit_head_hash=H
...`: written last, it also tells a reader that the file is complete. csv.reader users skip
lines starting with "#"; pandas: `read_csv(..., comment="#")`.

XLSX (openpyxl write-only mode, rows streamed) has the claims on sheet "claims" and the export
facts (audit head, filters, row count) on sheet "export". Every value is written as text or a
number, never as a formula: a span beginning with "=" stays text. The claims sheet opens ready
to read: its header row frozen and bold, an auto-filter over the header and every row, each
column as wide as its header and the first XLSX_SAMPLE rows need, within XLSX_WIDTH (the
widths must be written before the first row, and rows are streamed: a sample, not every row)."""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO, Any

from verifier.claims import attribution_doubtful
from verifier.report.context import ExportContext

COLUMNS = (
    "claim_id", "document_id", "document_title", "document_url", "kind", "text", "start", "end",
    "speaker", "reference", "attribution", "value", "finding", "explanation", "verdict", "status", "reviewer",
    "reviewed_at", "note", "evidence_count", "evidence_source", "evidence_url",
    "evidence_score", "evidence_method", "version", "evidence_changed_since_verdict",
)


def value_text(value: Any) -> str:
    """The normalised value as one cell: the TIMEX3-like value when there is one, else JSON."""
    if value is None:
        return ""
    if isinstance(value, dict) and value.get("value") is not None and len(value) <= 4:
        return str(value["value"])
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def attribution_cell(c: dict[str, Any]) -> str:
    """"check the attribution" for a quote whose confidence is below the threshold
    (docs/decisions.md §20), else empty."""
    attrs = c.get("attrs") or {}
    if c["kind"] == "quote" and attribution_doubtful(attrs.get("confidence")):
        return "check the attribution"
    return ""


def row_values(rec: dict[str, Any]) -> list[Any]:
    c, d, ev = rec["claim"], rec["document"], rec["evidence"]
    best = ev[0] if ev else {}
    return [
        c["id"], d["id"], d["title"] or d.get("source_name"), d["url"], c["kind"], c["text"],
        c["start"], c["end"], c["speaker"], c["reference"], attribution_cell(c),
        value_text(c["value"]), c["finding"],
        c["explanation"], c["verdict"], c["status"], c["reviewed_by"], c["reviewed_at"],
        c["note"], len(ev), best.get("source_title"), best.get("source_url"), best.get("score"),
        best.get("method"), c["version"], bool(c.get("evidence_changed_since_verdict")),
    ]


def trailer(ctx: ExportContext, rows: int) -> str:
    return (f"# verifier export: rows={rows} audit_head_seq={ctx.head_seq} "
            f"audit_head_hash={ctx.head_hash} generated_at={ctx.generated_at} "
            f"filters={json.dumps(ctx.filters, sort_keys=True, separators=(',', ':'))}")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell that no spreadsheet evaluates (see the module doc); booleans
    (`evidence_changed_since_verdict`) as true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _uncell(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_START) else value


def write_csv(records: Iterable[dict[str, Any]], out: IO[str], ctx: ExportContext) -> int:
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(COLUMNS)
    rows = 0
    for rec in records:
        w.writerow([csv_cell(v) for v in row_values(rec)])
        rows += 1
    out.write(trailer(ctx, rows) + "\r\n")
    return rows


def read_csv(text: str) -> tuple[list[dict[str, str]], str | None]:
    """Rows of a CSV export and its trailing comment line (for tests and tools)."""
    lines = text.splitlines(keepends=True)
    comment = None
    if lines and lines[-1].startswith("# verifier export:"):
        comment = lines.pop().rstrip("\r\n")
    rows = [{k: _uncell(v) if isinstance(v, str) else v for k, v in row.items()}
            for row in csv.DictReader(io.StringIO("".join(lines)))]
    return rows, comment


# Characters XML 1.0 cannot carry (openpyxl refuses them): shown as U+FFFD.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XLSX_CELL_MAX = 32_767


def _text_cell(ws: Any, value: Any) -> Any:
    """The value as openpyxl should store it: numbers as numbers, every string as a string.
    openpyxl would read "=..." as a formula and "#N/A" as an error: those get a cell typed "s"."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES

    if value is None or isinstance(value, bool | int | float):
        return value
    s = _ILLEGAL_XML.sub("\ufffd", str(value))
    if len(s) > _XLSX_CELL_MAX:
        s = s[: _XLSX_CELL_MAX - 1] + "…"
    if not (s.startswith("=") or s in ERROR_CODES):
        return s
    cell = WriteOnlyCell(ws, value=s)
    cell.data_type = "s"
    return cell


XLSX_SAMPLE = 500  # rows whose content sets the column widths
XLSX_WIDTH = (6, 60)  # narrowest and widest column, in characters


def display_width(value: Any) -> int:
    """How many character widths a value takes in a cell: its longest line, East Asian wide
    and full-width characters counted twice."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return 5
    if isinstance(value, float):
        value = f"{value:.6g}"
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in str(value).splitlines()), default=0)


def column_widths(header: Iterable[str], rows: Iterable[list[Any]],
                  bounds: tuple[int, int] = XLSX_WIDTH) -> list[float]:
    """Column widths (in Excel's character units) fitted to the header and the rows, within
    `bounds`, plus room for the filter button of the header."""
    widths = [display_width(h) + 3 for h in header]
    for row in rows:
        for i, v in enumerate(row):
            widths[i] = max(widths[i], display_width(v) + 1)
    lo, hi = bounds
    return [float(min(hi, max(lo, w))) for w in widths]


def _set_widths(ws: Any, widths: list[float]) -> None:
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def write_xlsx(records: Iterable[dict[str, Any]], out: IO[bytes], ctx: ExportContext) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("claims")
    ws.freeze_panes = "A2"
    it: Iterator[dict[str, Any]] = iter(records)
    sample = [row_values(rec) for rec in islice(it, XLSX_SAMPLE)]
    _set_widths(ws, column_widths(COLUMNS, sample))  # before the first row: <cols> comes first
    bold = Font(bold=True)
    header = []
    for name in COLUMNS:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    rows = 0
    for values in _chain(sample, it):
        ws.append([_text_cell(ws, v) for v in values])
        rows += 1
    # The filter covers the header and every row (written after the rows: <autoFilter> follows
    # <sheetData>).
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{rows + 1}"
    meta = wb.create_sheet("export")
    facts = [("rows", rows), ("audit_head_seq", ctx.head_seq),
             ("audit_head_hash", ctx.head_hash), ("generated_at", ctx.generated_at),
             ("organisation", ctx.organisation or ""),
             ("organisation_url", ctx.organisation_url or ""),
             ("filters", json.dumps(ctx.filters, sort_keys=True))]
    _set_widths(meta, column_widths(("key", "value"), [list(f) for f in facts], (6, 100)))
    for key, value in facts:
        meta.append([key, _text_cell(meta, value)])
    wb.save(out)
    return rows


def _chain(sample: list[list[Any]], rest: Iterator[dict[str, Any]]) -> Iterator[list[Any]]:
    yield from sample
    for rec in rest:
        yield row_values(rec)
