"""Consistency checks on temporal expressions that need no outside data (pure).

A contradiction is only what the calendar itself disproves: a weekday written next to a date
it does not fall on ("mardi 16 octobre 2025": a Thursday), or a date that does not exist
("31 février"). Consistent is only what two independent statements agree on: a weekday and
a full date written together, a dateline and the publication date, "aujourd'hui mardi" in a
Tuesday's paper. A value the extractor computed itself is no evidence for that value:
weekday references resolved against the publication date ("ce jeudi" = the Thursday of the
publication week, even when that is tomorrow; a bare "mardi") and a weekday with a day and
month whose year was chosen so that they agree ("mardi 14 octobre") are "resolved": the
explanation says what they resolve to, and assess.py reports them as no_evidence (nothing
outside the text confirms them; docs/decisions.md §18). Expressions with nothing to check get
no finding.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from verifier.calendar_names import WEEKDAYS, month_name, weekday_name
from verifier.extract.temporal import Timex

_WD_WORD = re.compile(r"\b(" + "|".join(w.lower() for w in (*WEEKDAYS["fr"], *WEEKDAYS["en"])) + r")\b", re.I)
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# a year written in the expression ("mardi 14 octobre 2025", "le 3 mai 98"): the weekday then
# checks the date; without one the extractor chose the year where the weekday fits
_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:\d{4}|['’]\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?!\d)")
_DAY_NUMBER = re.compile(r"(?<![\w])(?:\d{1,2}|1er|1re|premier)(?![\w])", re.I)


@dataclass(frozen=True)
class TemporalFinding:
    start: int
    end: int
    text: str
    finding: str  # consistent | contradicted | resolved (no evidence: see the module docstring)
    explanation: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _day(value: str | None) -> dt.date | None:
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _fmt(d: dt.date) -> str:
    return f"{weekday_name(d.weekday())} {d.day} {month_name(d.month)} {d.year}"


def _other_year(day: dt.date, published: dt.date | None) -> str:
    """' (in 2025 it is a Tuesday)' when the weekday moved the date out of the paper's year."""
    if published is None or day.year == published.year:
        return ""
    try:
        same = day.replace(year=published.year)
    except ValueError:  # 29 February
        return ""
    return f" (in {published.year} it is a {weekday_name(same.weekday())})"


def check_temporal(timexes: Iterable[Timex], *, published: dt.date | None = None
                   ) -> list[TemporalFinding]:
    out: list[TemporalFinding] = []
    for t in timexes:
        def add(finding: str, why: str, t: Timex = t) -> None:
            out.append(TemporalFinding(t.start, t.end, t.text, finding, why))

        if t.problem == "impossible date":
            add("contradicted", f"“{t.text}” is not a calendar date (that month has no such day).")
            continue
        day = _day(t.value)
        if t.weekday is not None and day is not None:
            written = weekday_name(t.weekday)
            if day.weekday() != t.weekday:
                add("contradicted", f"{day.day} {month_name(day.month)} {day.year} was a "
                                    f"{weekday_name(day.weekday())}, not a {written} as written.")
            elif _DAY_NUMBER.search(t.text) and not _WRITTEN_YEAR.search(t.text):
                add("resolved", f"Resolved to {_fmt(day)}: the year is not written, and "
                                f"{day.year} is the one near the publication date when "
                                f"{day.day} {month_name(day.month)} is a {written}"
                                + _other_year(day, published) + ".")
            else:
                add("consistent", f"{day.day} {month_name(day.month)} {day.year} is indeed a "
                                  f"{written}.")
            continue
        if t.role == "dateline" and day is not None:
            if published is not None and day != published:
                add("contradicted", f"The dateline says {_fmt(day)} but the document is dated "
                                    f"{_fmt(published)}.")
            else:
                add("consistent", f"The dateline {_fmt(day)} is a valid date"
                                  + (" and matches the publication date." if published else "."))
            continue
        if day is not None and _WD_WORD.search(t.text) and t.timex_type in ("DATE", "TIME"):
            ref = f" from the publication date ({_fmt(published)})" if published else ""
            add("resolved", f"Resolved to {_fmt(day)}{ref}; nothing outside the text confirms "
                            f"which {weekday_name(day.weekday())} is meant.")
    return out
