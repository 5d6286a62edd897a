"""Calendar arithmetic and clause tense for temporal expressions (pure helpers).

Values follow TIMEX3: ``2025-10-16``, ``2025-10``, ``2025``, ``2025-W42``, ``2025-W42-WE``,
``2025-SU``, ``196X`` (decade), ``20`` or ``20XX`` (century 2000-2099, English and French
conventions), ``2025-10-16TEV``.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re

from verifier.calendar_names import month_numbers, weekday_numbers

# month_of falls back on English for "jan" and "sep" (the same months in both languages).
MONTHS_FR = month_numbers("fr", abbreviations=True)
MONTHS_EN = month_numbers("en", abbreviations=True)
WEEKDAYS_FR = weekday_numbers("fr")
WEEKDAYS_EN = weekday_numbers("en")

PARTS = {
    "matin": "MO", "matinée": "MO", "après-midi": "AF", "apres-midi": "AF", "soir": "EV",
    "soirée": "EV", "nuit": "NI", "morning": "MO", "afternoon": "AF", "evening": "EV",
    "night": "NI",
}
SEASONS = {"printemps": "SP", "été": "SU", "ete": "SU", "automne": "FA", "hiver": "WI",
           "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_RANGE = {"SP": ((3, 20), (6, 20)), "SU": ((6, 21), (9, 22)), "FA": ((9, 23), (12, 20)),
                 "WI": ((12, 21), (3, 19))}


def month_of(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return MONTHS_FR.get(w) or MONTHS_EN.get(w)


def weekday_of(word: str) -> int | None:
    w = word.lower()
    v = WEEKDAYS_FR.get(w)
    return v if v is not None else WEEKDAYS_EN.get(w)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def two_digit_year(yy: int, ref: dt.date | None) -> int:
    """'98' -> 1998, '03' -> 2003 (relative to the document date: up to 10 years ahead)."""
    limit = (ref.year if ref else 2025) + 10
    return 2000 + yy if 2000 + yy <= limit else 1900 + yy


def infer_year(month: int, day: int | None, ref: dt.date, tense: str | None,
               rel: str | None = None) -> int:
    """Year of a date written without one: 'dernier'/past -> not after the reference date,
    'prochain'/future -> not before it, otherwise the nearest (within six months)."""
    y = ref.year
    key = (month, day or 1) if day else (month, 0)
    ref_key = (ref.month, ref.day) if day else (ref.month, 0)
    if rel == "last" or (rel is None and tense == "PAST"):
        return y - 1 if key > ref_key else y
    if rel == "next" or (rel is None and tense == "FUTURE"):
        return y + 1 if key < ref_key else y
    diff = (month - ref.month)
    if diff > 6:
        return y - 1
    if diff < -6:
        return y + 1
    return y


def resolve_weekday(wd: int, ref: dt.date, rel: str | None, tense: str | None) -> dt.date:
    """'ce jeudi' (rel this): the Thursday of the reference date's ISO week; 'jeudi dernier'
    (last): the latest Thursday strictly before; 'prochain' (next): the next one strictly after;
    a bare weekday: by tense (past -> previous, future -> next), else the nearest one."""
    delta = wd - ref.weekday()
    if rel == "this":
        return ref + dt.timedelta(days=delta)
    back = ref - dt.timedelta(days=(ref.weekday() - wd) % 7 or 7)
    fwd = ref + dt.timedelta(days=(wd - ref.weekday()) % 7 or 7)
    if rel == "last" or (rel is None and tense == "PAST"):
        return back
    if rel == "next" or (rel is None and tense == "FUTURE"):
        return fwd
    if delta == 0:
        return ref
    return back if (ref - back) <= (fwd - ref) else fwd


def season_year(season: str, ref: dt.date, rel: str | None) -> int:
    (sm, sd), _ = _SEASON_RANGE[season]
    if rel == "last":
        return ref.year if (sm, sd) < (ref.month, ref.day) and season != "WI" else ref.year - 1
    if rel == "next":
        return ref.year + 1 if (sm, sd) <= (ref.month, ref.day) else ref.year
    return ref.year


def _month_range(y: int, m: int, mod: str | None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(y, m)[1]
    if mod == "START":
        return dt.date(y, m, 1), dt.date(y, m, 10)
    if mod == "MID":
        return dt.date(y, m, 11), dt.date(y, m, 20)
    if mod == "END":
        return dt.date(y, m, max(1, last - 6)), dt.date(y, m, last)
    return dt.date(y, m, 1), dt.date(y, m, last)


def _span_range(a: dt.date, b: dt.date, mod: str | None) -> tuple[dt.date, dt.date]:
    n = (b - a).days
    if mod == "START":
        return a, a + dt.timedelta(days=n // 4)
    if mod == "END":
        return b - dt.timedelta(days=n // 4), b
    if mod == "MID":
        return a + dt.timedelta(days=n // 3), b - dt.timedelta(days=n // 3)
    return a, b


_V_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_V_MONTH = re.compile(r"(\d{4})-(\d{2})$")
_V_YEAR = re.compile(r"(\d{4})$")
_V_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?$")
_V_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)$")
_V_DECADE = re.compile(r"(\d{3})X$")
_V_CENTURY = re.compile(r"(\d{2})(?:XX)?$")
_V_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12])$")  # a quarter, a half-year


def value_range(value: str | None, mod: str | None = None) -> tuple[str, str] | None:
    """Earliest and latest ISO day a DATE/TIME value covers, narrowed by mod
    (a month's START = days 1-10, MID = 11-20, END = its last 7 days; for longer periods the
    first / last quarter, or the middle third). None for durations and unresolved values."""
    if not value:
        return None
    try:
        if m := _V_DAY.match(value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d.isoformat(), d.isoformat()
        if m := _V_MONTH.match(value):
            a, b = _month_range(int(m[1]), int(m[2]), mod)
        elif m := _V_YEAR.match(value):
            y = int(m[1])
            a, b = _span_range(dt.date(y, 1, 1), dt.date(y, 12, 31), mod)
        elif m := _V_WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                a, b = monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            else:
                a, b = monday, monday + dt.timedelta(days=6)
        elif m := _V_SEASON.match(value):
            y = int(m[1])
            (sm, sd), (em, ed) = _SEASON_RANGE[m[2]]
            a, b = _span_range(dt.date(y, sm, sd), dt.date(y + (em < sm), em, ed), mod)
        elif m := _V_PART.match(value):
            y, k = int(m[1]), m[2]
            first = (int(k[1]) - 1) * (3 if k[0] == "Q" else 6) + 1
            last = first + (2 if k[0] == "Q" else 5)
            a, b = _span_range(dt.date(y, first, 1),
                               dt.date(y, last, calendar.monthrange(y, last)[1]), mod)
        elif m := _V_DECADE.match(value):
            y = int(m[1]) * 10
            a, b = _span_range(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), mod)
        elif m := _V_CENTURY.match(value):
            y = max(1, int(m[1]) * 100)
            a, b = _span_range(dt.date(y, 1, 1), dt.date(y + 99, 12, 31), mod)
        else:
            return None
    except ValueError:
        return None
    return a.isoformat(), b.isoformat()


# ---- clause tense ------------------------------------------------------------------------
_FR_FUTURE = re.compile(
    r"(?<![\w])(?:sera|seront|serai|serons|aura|auront|va|vont|ira|iront|fera|feront|pourra|"
    r"pourront|devra|devront|doit|doivent|prévue?s?|prévoit|prochaine?s?|à\s+venir|"
    r"(?:est|sont)\s+(?:(?:encore|toujours|désormais)\s+)?attendue?s?|"   # "le vote est attendu mardi"
    r"en\s+vue\s+d(?:e|u|es)|en\s+prévision\s+d(?:e|u|es)|"
    # a directive and its infinitive ("a invité le ministre à préparer ...", "a demandé au
    # gouvernement de finaliser ..."): what is asked is yet to be done
    r"(?:invit|demand|exhort|instruit|enjoint|charg)ée?s?\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:à|de|d['’])\s*\w+(?:er|ir|re)|"
    r"\w{3,}(?:era|eront|ira|iront|rons)|\w{2,}(?:erai|irai)|"
    r"\w{2,}(?:dra|dront|rra|rront))(?![\w'’])", re.I)  # tiendra, prendront, verra
_PP = (r"\w+(?:é|ée|és|ées|i|ie|is|ies|it|ite|u|ue|us|ues|ert|erte|eint|einte|ort|orte|aint|"
       r"ainte)")
_ETRE_PP = (r"(?:décédée?s?|morte?s?|rentrée?s?|arrivée?s?|partie?s?|tombée?s?|venue?s?|née?s?|"
            r"restée?s?|allée?s?|devenue?s?|revenue?s?|sortie?s?|entrée?s?|montée?s?|passée?s?|"
            r"intervenue?s?|survenue?s?|retournée?s?|descendue?s?|parvenue?s?|décédé|mort)")
_FR_PAST = re.compile(
    r"(?<![\w])(?:(?:a|ont|avait|avaient|avons|ai|eut|eurent)\s+(?:(?:été|déjà|pas|notamment|"
    r"également|aussi|bien|ainsi|encore|tous|toutes|même|finalement|enfin|d['’]abord)\s+)*"
    + _PP + r"|(?:s['’]|se\s+)(?:est|sont|était|étaient)\s+(?:\w+\s+)?" + _PP +
    r"|(?:est|sont|était|étaient|fut|furent)\s+(?:(?:déjà|aussi|également|bien)\s+)?" + _ETRE_PP +
    r"|était|étaient|avait|avaient|\w{3,}(?:aient)|"
    r"(?:faisait|devait|pouvait|allait|semblait|venait|restait|comptait|disait|voulait|"
    r"savait|tenait|affirmait|estimait|expliquait|indiquait|précisait|annonçait|"
    r"s['’]agissait)|dernière?s?|depuis)(?![\w'’])", re.I)
_EN_FUTURE = re.compile(
    r"(?<![\w'’])(?:will|won['’]t|would|shall|['’]ll|going\s+to|is\s+to|are\s+to|plans?\s+to|"
    r"scheduled|expected\s+to|next|upcoming|forthcoming|due\s+to|set\s+to|slated|"
    # "the vote is expected on Tuesday", "the report is due Friday": what is awaited
    r"(?:is|are|['’]s)\s+(?:(?:now|still|also)\s+)?(?:expected|due|set|slated)|"
    r"look(?:s|ed|ing)?\s+(?:ahead|forward)\s+to|in\s+preparation\s+for)(?![\w'’])", re.I)
_EN_PAST = re.compile(
    r"(?<![\w'’])(?:was|were|had|did|said|told|went|came|took|made|gave|met|held|left|"
    r"began|won|lost|died|last|ago|(?<!\sis\s)(?<!\sare\s)\w{2,}ed)(?![\w'’])", re.I)


def tense_markers(sentence: str, lang: str) -> list[tuple[int, str]]:
    """(offset in sentence, 'PAST' | 'FUTURE') of tense cues, in order."""
    fut, past = (_EN_FUTURE, _EN_PAST) if lang == "en" else (_FR_FUTURE, _FR_PAST)
    out = [(m.start(), "FUTURE") for m in fut.finditer(sentence)]
    out += [(m.start(), "PAST") for m in past.finditer(sentence)]
    out.sort()
    return out


def nearest_tense(markers: list[tuple[int, str]], pos: int, skip: tuple[int, int]) -> str | None:
    """The tense cue closest to pos, ignoring cues inside the expression itself (on a tie, the
    earlier one). ``markers`` is sorted by offset; a binary search and a walk past the
    expression's own cues, so that a long sentence with many expressions stays linear."""
    i = bisect.bisect_left(markers, pos, key=lambda m: m[0])
    left = i - 1
    while left >= 0 and skip[0] <= markers[left][0] < skip[1]:
        left -= 1
    while left > 0 and markers[left - 1][0] == markers[left][0]:
        left -= 1   # the first of the cues at that offset
    right = i
    while right < len(markers) and skip[0] <= markers[right][0] < skip[1]:
        right += 1
    cands = [(pos - markers[left][0], left)] if left >= 0 else []
    if right < len(markers):
        cands.append((markers[right][0] - pos, right))
    if not cands:
        return None
    return markers[min(cands)[1]][1]
