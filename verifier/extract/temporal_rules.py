"""The grammar: compiled regex rules, their handlers (match -> candidates) and the resolution
of a candidate's value once its context (reference date, sentence, previous date) is known."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from verifier.calendar_names import month_numbers, weekday_numbers
from verifier.extract.numbers import FR_NUMBER_WORDS, parse_number, roman_to_int
from verifier.extract.temporal_lexicon import (
    AGE_NOUNS,
    DAY_EN,
    DAY_FR,
    DURATION_HEADS,
    HEDGE_EN,
    HEDGE_FR,
    MON_EN,
    MON_EN_FULL,
    MON_FR,
    MON_FR_FULL,
    MON_FR_LOOSE,
    NUM_EN,
    NUM_FR,
    PART_EN,
    PART_FR,
    UNIT_EN,
    UNIT_FR,
    WD_EN,
    WD_FR,
    YEAR2,
    YEAR4,
    A,
    L,
    R,
)
from verifier.extract.temporal_resolve import (
    PARTS,
    SEASONS,
    add_months,
    infer_year,
    month_of,
    resolve_weekday,
    safe_date,
    season_year,
    tense_markers,
    two_digit_year,
    week_value,
    weekday_of,
)


class Cand:
    __slots__ = ("start", "end", "type", "value", "mod", "approx", "anchor", "role", "tense",
                 "weekday", "problem", "kind", "data", "prio", "sentence")

    def __init__(self, start: int, end: int, type_: str, kind: str = "abs",
                 value: str | None = None, mod: str | None = None, approx: bool = False,
                 **data: Any) -> None:
        self.start, self.end, self.type, self.kind = start, end, type_, kind
        self.value, self.mod, self.approx = value, mod, approx
        self.anchor: dict[str, Any] | None = None
        self.role: str | None = None
        self.tense: str | None = None
        self.weekday: int | None = None
        self.problem: str | None = None
        self.data = data
        self.prio = 0
        self.sentence = -1


Handler = Callable[[re.Match[str], str, str], list[Cand] | None]
I = re.IGNORECASE  # noqa: E741

# ---- small context helpers ---------------------------------------------------------------
_PREV = re.compile(r"([\w'’-]+)[\s,]*$")
_SENT_START_CHARS = set(".!?:;«»\"“”(\n—–-•")


def prev_word(text: str, start: int) -> str:
    m = _PREV.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def prev_words(text: str, start: int, n: int = 3) -> list[str]:
    return re.findall(r"[\w'’-]+", text[max(0, start - 60):start].lower())[-n:]


def at_sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENT_START_CHARS


def titlecase_mid(text: str, start: int, word: str) -> bool:
    """A capitalised (not all-caps) word inside a sentence: a name, not a month or weekday."""
    return word[:1].isupper() and not word.isupper() and not at_sentence_start(text, start)


def hyphen_joined(text: str, start: int, end: int) -> bool:
    """'rue du 8-Mai-1945', 'place du 4-Septembre': a name, not a date."""
    before = start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha()
    return before or after


def _rel_word(w: str | None) -> str | None:
    if not w:
        return None
    w = w.lower()
    if w.startswith(("dern", "pass", "last", "préc", "prec", "previous")):
        return "last"
    if w.startswith(("proch", "next", "suiv", "following", "coming")):
        return "next"
    if w.startswith(("ce", "cet", "this")):
        return "this"
    return None


def _edge_mod(w: str | None) -> str | None:
    if not w:
        return None
    w = w.lower()
    if any(k in w for k in ("fin", "end", "late")):
        return "END"
    if any(k in w for k in ("début", "debut", "early", "beginning", "start", "turn")):
        return "START"
    if any(k in w for k in ("mi", "milieu", "middle", "mid")):
        return "MID"
    return None


def _day_num(s: str) -> int:
    s = s.lower()
    if s.startswith(("1er", "1re", "premier", "first")):
        return 1
    m = re.match(r"\d+", s)
    assert m is not None, s  # the rules only call this on a matched day number
    return int(m.group())


def _year(s: str | None, text_ref: dt.date | None = None) -> int | None:
    if not s:
        return None
    s = s.lstrip("'’")
    return int(s) if len(s) == 4 else two_digit_year(int(s), text_ref)


def _hedge(h: str | None) -> tuple[str | None, bool]:
    if not h:
        return None, False
    h = " ".join(h.lower().split())
    if h.startswith(("moins", "less", "under", "just under", "pas plus", "un peu moins")):
        return "LESS_THAN", False
    if h.startswith(("plus", "more", "over", "just over", "un peu plus")):
        return "MORE_THAN", False
    if h in ("au moins", "at least", "pas moins de"):
        return "EQUAL_OR_MORE", False
    if h in ("au plus", "at most", "up to"):
        return "EQUAL_OR_LESS", False
    return "APPROX", True


# ---- units -------------------------------------------------------------------------------
def _unit(u: str) -> tuple[str, float, bool] | None:
    """(TIMEX3 designator, multiplier, is_time_part)."""
    u = u.lower().rstrip("s")
    if u in ("an", "anné", "année", "annee", "year"):
        return "Y", 1, False
    if u in ("moi", "mois", "month"):
        return "M", 1, False
    if u in ("semaine", "week"):
        return "W", 1, False
    if u in ("jour", "journée", "journee", "day", "nuit", "night"):
        return "D", 1, False
    if u in ("heure", "hour"):
        return "H", 1, True
    if u in ("minute",):
        return "M", 1, True
    if u in ("seconde", "second"):
        return "S", 1, True
    if u in ("décennie", "decennie", "decade"):
        return "Y", 10, False
    if u in ("siècle", "siecle", "century", "centurie"):
        return "Y", 100, False
    if u in ("trimestre", "quarter"):
        return "M", 3, False
    if u in ("semestre",):
        return "M", 6, False
    if u in ("week-end", "weekend"):
        return "WE", 1, False
    return None


def _duration_value(n: float | None, u: str, half: bool = False) -> str | None:
    unit = _unit(u)
    if unit is None:
        return None
    des, mult, is_time = unit
    if n is None:  # "des décennies", "for centuries": PXDE, PXCE (TIMEX3's decade, century)
        return ("PTX" if is_time else "PX") + {10: "DE", 100: "CE"}.get(int(mult), des) \
            if des == "Y" else ("PTX" if is_time else "PX") + des
    q = n * mult + (0.5 * mult if half else 0)
    if q != int(q):  # 1.5 years -> P18M, half an hour -> PT30M
        smaller = {("Y", False): ("M", 12, False), ("D", False): ("H", 24, True),
                   ("H", True): ("M", 60, True), ("W", False): ("D", 7, False)}.get((des, is_time))
        if smaller and q * smaller[1] == int(q * smaller[1]):
            des, q, is_time = smaller[0], q * smaller[1], smaller[2]
    qs = str(int(q)) if q == int(q) else str(q)
    return ("PT" if is_time else "P") + qs + des


_DURATION_PART = re.compile(r"P(T?)(\d+)([YMWDHS])")
_PART_ORDER = {("", "Y"): 0, ("", "M"): 1, ("", "W"): 2, ("", "D"): 3, ("T", "H"): 4, ("T", "M"): 5,
               ("T", "S"): 6}


def _joined_durations(a: str, b: str | None) -> str | None:
    """One value for "one year and ten months" (P1Y + P10M -> P1Y10M), the larger unit first;
    None when the two do not join (the same unit twice, the larger second)."""
    ma, mb = _DURATION_PART.fullmatch(a), _DURATION_PART.fullmatch(b or "")
    if ma is None or mb is None:
        return None
    ka, kb = _PART_ORDER[(ma[1], ma[3])], _PART_ORDER[(mb[1], mb[3])]
    if ka >= kb:
        return None
    assert b is not None   # (mb matched it)
    if ma[1] or not mb[1]:
        return a + b[len("PT" if ma[1] else "P"):]
    return a + "T" + b[2:]   # "two days and six hours": P2DT6H


# ---- the rules ----------------------------------------------------------------------------
def _mk_date(m: re.Match[str], start: int, end: int, lang: str, *, day: str | None,
             mon: str | None, year: str | None, wd: str | None = None, rel: str | None = None,
             part: str | None = None, mod: str | None = None, kind: str = "date") -> Cand:
    c = Cand(start, end, "TIME" if part else "DATE", kind,
             m=month_of(mon) if mon else None, d=_day_num(day) if day else None,
             yraw=year, rel=_rel_word(rel), part=PARTS.get(part.lower()) if part else None)
    c.mod = mod
    if wd:
        c.weekday = weekday_of(wd)
    return c


def h_dmy(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    mon = m.group("mon")
    if lang == "en" and mon.islower():
        return None
    if hyphen_joined(text, m.start(), m.end()):
        return None
    return [_mk_date(m, m.start(), m.end(), lang, day=m.group("day"), mon=mon,
                     year=m.group("year"), wd=m.group("wd"), rel=m.groupdict().get("rel"),
                     part=m.groupdict().get("part"))]   # "jeudi soir 26 septembre"


def h_day_range_en(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'from June 15 to 17, 2025', 'March 3-5': two dates, the month written before the first
    and the year after the second applying to both (TimeML: two TIMEX3)."""
    mon = m.group("mon")
    if mon.islower() or _day_num(m.group("d2")) <= _day_num(m.group("d1")):
        return None
    year = m.group("year")
    return [_mk_date(m, m.start(), m.end("d1"), lang, day=m.group("d1"), mon=mon, year=year),
            _mk_date(m, m.start("d2"), m.end(), lang, day=m.group("d2"), mon=mon, year=year)]


def h_list(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'les 6 et 13 avril' -> 'les 6' (its month from the second date)."""
    start = m.start("det") if m.group("det") else m.start("d1")
    c = _mk_date(m, start, m.end("d1"), lang, day=m.group("d1"), mon=m.group("mon"),
                 year=m.group("year"), rel=m.group("rel"))
    return [c]


def h_numdate(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    a, b = int(m.group("a")), int(m.group("b"))
    if lang == "en" and a <= 12:
        a, b = b, a  # US order month/day when ambiguous
    y = m.group("y")
    if len(y) == 2 and m.group("sep") != "/":
        return None
    if b > 12 or a == 0 or b == 0:
        return None
    c = Cand(m.start(), m.end(), "DATE", "date", m=b, d=a, yraw=y, rel=None, part=None)
    return [c]


def h_iso(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    mo, d = int(m.group("m")), int(m.group("d"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return [Cand(m.start(), m.end(), "DATE", "date", m=mo, d=d, yraw=m.group("y"), rel=None,
                 part=None)]


def h_month_year(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    mon = m.group("mon")
    if lang == "en" and mon.islower():
        return None
    if hyphen_joined(text, m.start(), m.end()):
        return None
    start = m.start()
    c = Cand(start, m.end(), "DATE", "month", m=month_of(mon), yraw=m.group("year"), rel=None)
    c.mod = _edge_mod(m.group("edge"))
    return [c]


_MODIFIER_PRE = {"the", "a", "an", "its", "their", "his", "her"}
_MONTH_MODIFIES = re.compile(r"\s+(?!(?:of|for|on|to|in|at|and|or|by|with|from|is|was|has|had|will)\b)[a-z]{3,}\b")


_YEAR_OFFSET = {"last": -1, "next": 1, "this": 0}
_DAY_BEFORE_MONTH = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")


def h_month(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    mon = m.group("mon")
    det, edge = m.group("det"), m.group("edge")
    if hyphen_joined(text, m.start(), m.end()):
        return None
    if m.groupdict().get("yrel") and _DAY_BEFORE_MONTH.search(text, max(0, m.start() - 10), m.start("mon")):
        return None   # "31 December this year": the day's date, joined with the year after
    if lang == "en":
        if mon.islower():
            return None
        pre = (m.group("pre") or "").strip().lower()
        if not pre and not edge and not m.group("yrel"):
            return None
        if pre in _MODIFIER_PRE or pre.endswith(("year's", "year’s")):
            # "the October verdict", "a May deadline": the month modifies the noun after it
            if edge or not _MONTH_MODIFIES.match(text, m.end()):
                return None
        start = m.start("edge") if edge else m.start("mon")
    else:
        if not det and not edge and titlecase_mid(text, m.start("mon"), mon):
            return None
        if mon.lower() in ("mars", "mai") and not det and not edge and mon[0].isupper() \
                and not mon.isupper():
            # sentence-initial "Mars"/"Mai" without a date around it: the planet, a name
            nxt = text[m.end("mon"):m.end("mon") + 3]
            if not nxt.startswith((" ", ",")) or prev_word(text, m.start()) in ("vers", "sur", "de"):
                return None
        start = m.start()
    c = Cand(start, m.end(), "DATE", "month", m=month_of(mon), yraw=m.groupdict().get("year"),
             rel=_rel_word(m.group("rel")))
    if yrel := m.groupdict().get("yrel"):
        # "in October last year", "en octobre l'an dernier": that month of the year before the
        # reference's (not "last October", the latest October)
        c.data["yoff"] = _YEAR_OFFSET[_rel_word(yrel.split()[-1]) or "this"]
    c.mod = _edge_mod(edge)
    if c.mod is None and edge and edge.lower().startswith("this"):
        c.data["rel"] = "this"
    if edge and edge.strip().lower() in ("last", "next", "this"):
        c.mod = None
        c.data["rel"] = _rel_word(edge)
    return [c]


_YEAR_BAD_PREV = {"n°", "no", "nº", "p", "page", "pages", "numéro", "art", "article", "loi",
                  "tél", "tel", "route", "rn", "rd", "a", "vol", "boîte", "bp", "cedex", "code",
                  "chapter", "ch", "number", "room", "flight", "vol.", "km", "rue", "bus", "ligne",
                  "line"}
_YEAR_GOOD_PREV = {"en", "depuis", "dès", "de", "vers", "in", "since", "from", "by", "until",
                   "jusqu'en", "jusqu’en", "année", "an", "of", "et", "and", "à", "au", "during",
                   "printemps", "été", "automne", "hiver", "spring", "summer", "autumn", "winter"}
_YEAR_STRONG_PREV = {"en", "depuis", "dès", "vers", "in", "since", "jusqu'en", "jusqu’en", "année",
                     "an", "until", "during", "printemps", "été", "automne", "hiver", "spring",
                     "summer", "autumn", "winter"}
_UNIT_AFTER = re.compile(
    r"\s*(?:%|€|\$|£|euros?\b|dollars?\b|francs?\b|F\b|MF\b|km\b|kilom|m\b|mètres?\b|kg\b|"
    r"kilos?\b|tonnes?\b|t\b|ha\b|hectares?\b|habitants\b|personnes\b|voix\b|points?\b|"
    r"people\b|points\b|votes\b|fois\b|x\b|h\d|pour\s?cent|per\s?cent|percent|mw\b|kw)", I)
_YEAR_OK_CAPS = {"In", "Since", "From", "By", "Until", "During", "Of", "And", "Before", "After",
                 "Through", "Fall", "Spring", "Summer", "Winter", "Autumn", "Christmas",
                 "Easter", "En", "Depuis", "Dès", "Vers", "Année", "Printemps", "Été", "Automne",
                 "Hiver", "Fin", "Début", "Mi", "Courant", "Jusqu"}
_FUNCTION_S = {"les", "des", "ses", "ces", "mes", "tes", "nos", "vos", "leurs", "dans", "sous",
               "sans", "plus", "puis", "alors", "mais", "depuis", "après", "pas", "très", "dès",
               "lors", "jusqu'aux", "aux", "vers", "chez", "parmi", "moins", "toujours", "is",
               "was", "has", "as", "his", "its", "this", "us", "thus", "tous", "toutes",
               "deux", "trois", "ans", "mois", "jours", "semaines", "heures", "années", "fois",
               "elles", "ils", "nous", "vous", "avons", "avez", "sommes",
               "êtes", "étaient", "avaient", "étais", "avais", "sera", "seras"}


# "la loi n° 2010-15", "décret n°2024-940", "Act No. 2019-3": a number of a text, not a year
_NUMBERED_BEFORE = re.compile(r"(?:(?<![\w])n[°º]\.?|(?<![\w])no\.|(?<![\w])num[ée]ro|"
                              r"(?<![\w])number)\s*$", re.I)


def numbered(text: str, start: int) -> bool:
    """A number right after "n°", "numéro", "No." is an identifier (a law's, a decree's)."""
    return _NUMBERED_BEFORE.search(text, max(0, start - 10), start) is not None


_DECADE_BEFORE = re.compile(r"ann[ée]es\s+(?:19|20)?\d0(?:\s*,\s*|\s+(?:et|ou|à)\s+|\s*[-–]\s*)$",
                            re.I)


def h_year(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    ys = m.group("y")
    y = int(ys)
    s, e = m.start("y"), m.end("y")
    if hyphen_joined(text, s, e) or numbered(text, m.start()):
        return None
    before = text[max(0, s - 2):s]
    if re.match(r"\d[\s\u00a0\u202f.,']", before) or (before[-1:] in "$€£#+/×x*" and before):
        return None
    after = text[e:e + 14]
    if re.match(r"[.,]\d|[\s\u00a0\u202f]\d{3}(?!\d)|\s?[/:]\d|-\d{2}-|\d", after):
        return None
    if _UNIT_AFTER.match(after):
        return None
    if lang == "fr" and ys.endswith("0") and _DECADE_BEFORE.search(text, max(0, s - 30), s):
        return None  # "les années 1970 et 1980": the second decade (h_decade)
    pw = prev_word(text, m.start())
    if pw.rstrip(".") in _YEAR_BAD_PREV and not (lang == "en" and pw == "a"):
        return None
    rawm = re.search(r"([A-ZÀ-ÖØ-Þ][a-zà-ÿ]+)\s+$", text[max(0, s - 20):s])
    if rawm and not re.search(r"(?:^|[.!?:\n])[\s\u00a0]*$", text[max(0, s - len(rawm.group(0)) - 4):
                                                            s - len(rawm.group(0))]) \
            and month_of(rawm.group(1)) is None and rawm.group(1) not in _YEAR_OK_CAPS:
        return None  # "Vision 2030", "Sénégal 2050", "Windows 2000": part of a name
    capm = re.search(r"(?<![\w'’])([A-ZÀ-ÖØ-Þ]{4,})\s+$", text[max(0, s - 20):s])
    if capm and month_of(capm.group(1)) is None and capm.group(1).lower() not in _YEAR_GOOD_PREV \
            and capm.group(1).lower() not in _YEAR_STRONG_PREV \
            and capm.group(1).title() not in _YEAR_OK_CAPS \
            and not re.match(r"[\W\d_]*[A-ZÀ-ÖØ-Þ]{2,}\b", text[e:e + 15]):  # not a headline in capitals
        return None  # "SÉNÉGAL 2050", "VISION 2030" in capitals: a name too ("EN 2024" is kept)
    det = m.group("det")
    good_prev = det or pw in _YEAR_GOOD_PREV or pw.endswith(("'en", "’en"))
    strong_prev = det or pw in _YEAR_STRONG_PREV or pw.endswith(("'en", "’en"))
    if not (1900 <= y <= 2099) and not good_prev:
        return None
    if not strong_prev:
        nm = re.match(r"\s+([a-zàâçéèêëîïôûùüÿœ'’-]+)", after)
        if nm and nm.group(1)[-1:] in "sx" and nm.group(1) not in _FUNCTION_S \
                and len(nm.group(1)) > 3:
            return None  # "2000 manifestants"
    start = m.start() if det else s
    c = Cand(start, m.end(), "DATE", "abs", value=ys)
    if lang == "en" and pw.lower() in ("the", "a", "an", "its", "his", "her", "their", "our") \
            and re.match(r"\s+[A-Za-z]", after):
        c.data["attrib"] = True  # "the 2016 election": a modifier, not the sentence's year
    return [c]


def h_year2(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    return [Cand(m.start("y"), m.end("y"), "DATE", "year2", yraw=m.group("y"))]


def h_decade(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    y = m.group("y")
    if len(y) == 2:
        y = ("19" if int(y) >= 20 else "20") + y if lang == "fr" else "19" + y
    value = y[:3] + "X"
    out = [Cand(m.start(), m.end(), "DATE", "abs", value=value)]
    if m.groupdict().get("y2"):  # "les années 1970 et 1980", "les années 80-90": two decades
        y2 = m.group("y2")
        if len(y2) == 2:
            y2 = ("19" if int(y2) >= 20 else "20") + y2
        out[0].end = m.end("y")
        out.append(Cand(m.start("y2"), m.end("y2"), "DATE", "abs", value=y2[:3] + "X"))
    return out


_ORDINAL_PART = {"premier": 1, "1er": 1, "first": 1, "deuxième": 2, "deuxieme": 2, "second": 2,
                 "2e": 2, "2ème": 2, "2eme": 2, "troisième": 3, "troisieme": 3, "third": 3,
                 "3e": 3, "3ème": 3, "3eme": 3, "quatrième": 4, "quatrieme": 4, "fourth": 4,
                 "4e": 4, "4ème": 4, "4eme": 4}


def h_quarter(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'le premier trimestre 2025', 'au troisième trimestre', 'le second semestre': a quarter
    (YYYY-Qn) or a half-year (YYYY-Hn); without a year, the one the clause's tense points to."""
    half = m.group("u").lower().startswith(("semestre", "half", "h"))
    o = m.group("ord")
    # "Q3", "H1"; else an ordinal word ("quatrième" starts with a q too)
    n = int(o[1]) if re.fullmatch(r"[QHqh][1-4]", o) else _ORDINAL_PART.get(o.lower(), 0)
    if not 1 <= n <= (2 if half else 4):
        return None
    det = m.group("det")
    start = m.start() if det and det.lower() in ("le", "the") else m.start("ord")
    return [Cand(start, m.end(), "DATE", "quarter", n=n, half=half, yraw=m.group("y"))]


_NTH = {"premier": 1, "1er": 1, "first": 1, "deuxième": 2, "deuxieme": 2, "second": 2,
        "troisième": 3, "troisieme": 3, "third": 3, "quatrième": 4, "quatrieme": 4, "fourth": 4,
        "dernier": -1, "last": -1}
_SEASON_FIRST_DAY = {"SP": (3, 20), "SU": (6, 21), "FA": (9, 23), "WI": (12, 21)}


def h_nth_weekday(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'le premier dimanche de septembre', 'le dernier dimanche d'octobre 2025', 'the second
    Tuesday of May', 'le premier dimanche du printemps': one day, counted in that month or
    season (its year as written, else from the reference date and the tense)."""
    n = _NTH.get(m.group("ord").lower())
    wd = weekday_of(m.group("wd"))
    p = m.group("p").lower()
    mon = month_of(p)
    season = None if mon else season_code(p)
    if n is None or wd is None or (lang == "en" and not m.group("wd")[0].isupper()):
        return None
    if lang == "en" and mon is None and season is None:
        return None
    start = m.start("det") if m.group("det") else m.start("ord")
    return [Cand(start, m.end(), "DATE", "nth_wd", n=n, wd=wd, m=mon, season=season,
                 yraw=m.group("y"))]


def h_quarter_en(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """English quarters and halves; 'the first half of the match' is not one."""
    if m.group("ord2"):
        o = m.group("ord2")
        return [Cand(m.start(), m.end(), "DATE", "quarter", n=int(o[1]), half=o[0] == "H",
                     yraw=m.group("y2"))]
    if not m.group("y") and m.group("u") == "half":
        return None  # "the second half" alone: of a match, a speech...
    return h_quarter(m, text, lang)


_NAME_AFTER = re.compile(r"[ \t\u00a0]+[A-Z][a-z]")
# after "the"/"a" + holiday, a lower-case noun heads the phrase ("the Christmas classic", "a
# Christmas tree"): the holiday is a modifier; these nouns still name a period of it
_HOLIDAY_PERIOD = {"day", "eve", "holiday", "holidays", "season", "break", "period", "week",
                   "weekend", "vacation", "time", "morning", "afternoon", "evening", "night",
                   "recess", "rush", "long"}
_DET_BEFORE_EN = re.compile(r"(?<![\w'’])(?:the|a|an)\s+$", I)
_NEXT_LOWER = re.compile(r"\s+([a-z][a-z-]*)")
# after "the future" / "the past", what keeps it a noun ("the future of", "the future is",
# "in the future we"); another lower-case word makes it a modifier ("the future performance")
_REF_NOUN_NEXT = {
    "of", "is", "was", "will", "would", "could", "can", "may", "might", "must", "should", "and",
    "or", "but", "for", "in", "on", "at", "to", "with", "that", "which", "who", "as", "not",
    "than", "because", "so", "if", "when", "where", "while", "by", "from", "about", "ahead",
    "itself", "here", "there", "now", "then", "instead", "too", "though", "again", "has", "had",
    "looks", "looked", "holds", "held", "lies", "lay", "seems", "seemed", "remains", "remained",
    "belongs", "depends", "are", "were", "be", "we", "i", "you", "he", "she", "it", "they",
    "this", "these", "those", "rather", "alone", "either", "nor", "yet", "after",
    "before", "into", "out", "up", "over", "through", "without", "within", "like", "unless",
    "until", "once", "also", "only", "just", "still", "even", "does", "did", "do",
}


def h_century(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    n_s = m.group("n")
    n = roman_to_int(n_s) if not n_s.isdigit() else int(n_s)
    if not n or (not n_s.isdigit() and not n_s.isupper()) or n > 30:
        return None
    if lang == "en" and _NAME_AFTER.match(text, m.end()) and m.group(0)[-7:].istitle():
        return None  # "20th Century Fox", "21st Century Insurance": a name
    start = m.start("edge") if m.group("edge") else (m.start("det") if m.group("det") else m.start("n"))
    # FTiB 1.1 writes a century "18XX" (its 2013 corrections: "XIXe siècle 18 => 18XX"); the
    # English TimeBank convention is "19" for the 20th century
    c = Cand(start, m.end(), "DATE", "abs", value=f"{n - 1:02d}" + ("XX" if lang == "fr" else ""))
    c.mod = _edge_mod(m.group("edge"))
    return [c]


_REL_DAYS = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1,
             "après-demain": 2, "apres-demain": 2, "yesterday": -1, "today": 0, "tomorrow": 1,
             "tonight": 0, "the day before yesterday": -2, "the day after tomorrow": 2}


def h_relday(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    w = " ".join(m.group("w").lower().split())
    off = _REL_DAYS.get(w)
    if off is None:
        return None
    part = m.groupdict().get("part")
    pw = prev_word(text, m.start())
    if w == "demain" and pw in ("de", "d'", "d’") and not part:
        return [Cand(m.start(), m.end(), "TIME", "abs", value="FUTURE_REF")]
    if w == "today" and pw in ("of",) and not part and \
            not re.search(r"(?<![\w'’])as\s+of\s+$", text[max(0, m.start() - 8):m.start()], I):
        return [Cand(m.start(), m.end(), "TIME", "abs", value="PRESENT_REF")]
    if w == "tonight":
        part = "night"
    ptag = None
    if part:
        ptag = "T12:00" if part.lower() == "midi" else "T" + PARTS[part.lower()]
    c = Cand(m.start(), m.end(), "TIME" if ptag else "DATE", "rel", off=off, unit="D",
             part=ptag)
    c.mod = _edge_mod(m.groupdict().get("edge"))
    if m.groupdict().get("wd"):
        c.weekday = weekday_of(m.group("wd"))
    elif off == 0 and lang == "fr" and not ptag:
        c.data["nowadays"] = _nowadays(text, m.start(), m.end())
    return [c]


_NOWADAYS_AFTER = re.compile(r"\s*,?\s*(?:encore|comme\s+hier|plus\s+que\s+jamais)(?![\w'’])", I)
_NOWADAYS_BEFORE = re.compile(r"(?:encore|comme)\s*,?\s*$", I)
_CONTRAST_BEFORE = re.compile(r"(?<![\w'’])(?:(?:alors\s+qu|tandis\s+qu|lorsqu|mais|or)['’\s]|"
                              r"(?:malheureusement|heureusement|h[ée]las)\s*,?)\s*$", I)


def _nowadays(text: str, start: int, end: int) -> str | None:
    """Why "aujourd'hui" means nowadays (PRESENT_REF) rather than the day of the paper:
    "la France d'aujourd'hui", "aujourd'hui encore", "comme aujourd'hui" ("always"), or a
    contrast in the present tense ("alors qu'aujourd'hui il n'en reste qu'un")."""
    before = text[max(0, start - 30):start]
    words = prev_words(text, start, 2)
    if before.endswith(("d'", "d’")) and len(words) == 2 and words[0] not in (
            "partir", "compter", "dès", "lors", "près", "plus", "moins", "hier"):
        return "always"  # "la France d'aujourd'hui", not "à partir d'aujourd'hui"
    if _NOWADAYS_AFTER.match(text, end) or _NOWADAYS_BEFORE.search(before):
        return "always"
    if _CONTRAST_BEFORE.search(before):
        clause = _CLAUSE_END.search(text, end + 1, min(len(text), end + 80))
        after = text[end:clause.start() if clause else min(len(text), end + 80)]
        if not tense_markers(after, "fr"):
            return "always"  # "alors qu'aujourd'hui il n'en reste qu'un": present, contrasted
    return None


_THIS_UNITS = {"semaine": "W", "week": "W", "mois": "M", "month": "M", "année": "Y",
               "annee": "Y", "an": "Y", "year": "Y", "week-end": "WE", "weekend": "WE",
               "trimestre": "Q", "quarter": "Q", "semestre": "H", "siècle": "C", "siecle": "C",
               "century": "C", "décennie": "DE", "decennie": "DE", "decade": "DE"}


_LAST_OF = re.compile(r"\s+(?:of|before|that|when|in\s+which|to|for)(?![\w'’])", I)


def h_this(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    det = " ".join(m.group("det").lower().split())
    u = m.group("u").lower()
    rel = _rel_word(det.split()[-1]) if det not in ("the past", "the last", "the next",
                                                     "the coming") else None
    if det.startswith(("earlier", "later")):
        rel = "this"
    if det in ("the past", "the last", "the next", "the coming"):
        if u in PARTS:
            return None
        if det == "the last" and _LAST_OF.match(text, m.end()):
            return None  # "the last year of his term", "the last week before the vote"
        return [Cand(m.start(), m.end(), "DURATION", "abs", value=_duration_value(1, u))]
    if det in ("the previous", "the following", "the next"):
        kind = "prevunit"
    else:
        kind = "rel"
    if u in PARTS or u == "midi":
        off = {"this": 0, "last": -1, "next": 1}.get(rel or "this", 0)
        ptag = "T12:00" if u == "midi" else "T" + PARTS[u]
        if kind == "prevunit":
            return [Cand(m.start(), m.end(), "TIME", "prev", off=off, part=ptag)]
        return [Cand(m.start(), m.end(), "TIME", "rel", off=off, unit="D", part=ptag)]
    if u in SEASONS or season_code(u) and re.fullmatch(r"[ée]t[ée]", u):
        s = season_code(u)
        return [Cand(m.start(), m.end(), "DATE", "season", season=s, rel=rel)]
    unit = _THIS_UNITS.get(u)
    if unit is None:
        return None
    off = {"this": 0, "last": -1, "next": 1}.get(rel or "this", 0)
    if kind == "prevunit":
        return [Cand(m.start(), m.end(), "DATE", "prev", off=off, unit=unit)]
    c = Cand(m.start(), m.end(), "DATE", "rel", off=off, unit=unit)
    if det.startswith("earlier"):
        c.data["earlier"] = True
    return [c]


def h_lastnext_fr(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    u = m.group("u").lower()
    rw = m.group("rel").lower().replace("’", "'")
    if rw.startswith("d'apr"):
        rw = "suivant"  # "l'année d'après": the one after the date just written
    elif rw.startswith("d'av"):
        rw = "précédent"
    rel = _rel_word(rw)
    prevrel = rw.startswith(("préc", "prec", "suiv"))
    off = -1 if rel == "last" else 1
    if u in ("nuit", "soir", "soirée", "matin"):
        ptag = "T" + PARTS[u]
        if prevrel:
            return [Cand(m.start(), m.end(), "TIME", "prev", off=off, part=ptag)]
        return [Cand(m.start(), m.end(), "TIME", "rel", off=-1 if rel == "last" else 1,
                     unit="D", part=ptag)]
    if u in SEASONS or season_code(u) and re.fullmatch(r"[ée]t[ée]", u):
        if prevrel:  # "l'automne suivant": after the date just mentioned, not the paper's
            return [Cand(m.start(), m.end(), "DATE", "season_prev", season=season_code(u),
                         off=off)]
        return [Cand(m.start(), m.end(), "DATE", "season", season=season_code(u), rel=rel)]
    unit = _THIS_UNITS.get(u)
    if unit is None:
        return None
    if prevrel:
        return [Cand(m.start(), m.end(), "DATE", "prev", off=off, unit=unit)]
    return [Cand(m.start(), m.end(), "DATE", "rel", off=off, unit=unit)]


def h_ago(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    num = parse_number(re.sub(r"\s+d(?:e|['’])\s*$", "", m.group("n").strip()), lang)
    unit = _unit(m.group("u"))
    if num is None or unit is None:
        return None
    des, mult, is_time = unit
    mod, approx = _hedge(m.group("hedge"))
    approx = approx or num.approximate
    n = None if num.value is None else num.value * mult
    c = Cand(m.start(), m.end(), "DATE", "ago", n=n, des=des, is_time=is_time,
             vague_ref=lang == "en", day=bool(m.groupdict().get("today")))
    c.mod, c.approx = (mod or ("APPROX" if approx else None)), approx
    am = re.match(r"\s*,?\s*(?:lorsque|quand|lorsqu['’]|au\s+moment\s+où|when|as)\s+",
                  text[m.end():m.end() + 40], I)
    if am:
        a = anchor_span(text, m.end() + am.end())
        if a:
            c.anchor = {"text": text[a[0]:a[1]], "start": a[0], "end": a[1],
                        "relation": "SIMULTANEOUS"}
    return [c]


_CLAUSE_END = re.compile(
    r"[;:!?()\[\]«»\"“”\n]|,|\.(?!\d)|\s[—–]\s|(?<![\w'’])(?:qui|que|qu['’]|où|dont|lorsque|quand|"
    r"alors|mais|car|puis|tandis|parce|afin|which|who|when|where|while|but|because|although|"
    r"whereas)(?![\w'’])", I)


def anchor_span(text: str, pos: int, limit: int = 220) -> tuple[int, int] | None:
    """The event noun phrase (or clause) starting at pos, up to the end of its clause."""
    n = len(text)
    while pos < n and text[pos] in " \t\u00a0":
        pos += 1
    end_lim = min(n, pos + limit)
    for mm in _CLAUSE_END.finditer(text, pos, end_lim):
        if mm.group() == "." and re.search(r"(?:^|\s)(?:[A-Z]|M|Mme|Dr|St|Mr|Mrs|Ms|av|J\.-C)$",
                                           text[max(0, mm.start() - 5):mm.start()]):
            continue
        if mm.start() == pos:
            return None
        e = mm.start()
        break
    else:
        e = end_lim
    while e > pos and text[e - 1] in " \t\u00a0":
        e -= 1
    return (pos, e) if e > pos else None


_AFTER_SIGNAL = re.compile(
    r"\s+(?P<sig>après|avant|plus\s+tard|plus\s+t[oô]t|auparavant|after|before|later|earlier)"
    r"(?![\w'’])(?P<que>\s+(?:que|qu['’]|that))?", I)


def _attach_anchor(c: Cand, text: str, end: int) -> None:
    am = _AFTER_SIGNAL.match(text, end, min(len(text), end + 40))
    if not am:
        return
    sig = am.group("sig").lower()
    if sig not in ("après", "avant", "after", "before"):
        return
    pos = am.end()
    rest = text[pos:pos + 6]
    if re.match(r"\s*(?:de\s|d['’]|[,.;:!?)]|$)", rest) and not am.group("que"):
        return
    a = anchor_span(text, pos)
    if a:
        c.anchor = {"text": text[a[0]:a[1]], "start": a[0], "end": a[1],
                    "relation": "AFTER" if sig in ("après", "after") else "BEFORE",
                    "signal": {"text": am.group("sig"), "start": am.start("sig"),
                               "end": am.end("sig")}}


def _time_context(text: str, start: int, end: int) -> bool:
    pw = prev_word(text, start)
    if pw in ("à", "vers", "dès", "avant", "après", "entre", "jusqu'à", "jusqu’à", "et",
              "soir", "matin", "hier", "demain", "at", "by", "until", "around", "about"):
        return True
    if pw in ("de", "from") and re.match(r"\s+(?:à|to|-)\s", text[end:end + 5]):
        return True
    if text[max(0, start - 10):start].lower().rstrip().endswith("partir de"):
        return True
    return bool(re.match(r"\s+du\s+(?:matin|soir)", text[end:end + 12], I))


_DAY_MEASURED = re.compile(r"\s+(?:after|before|later|earlier|ago|apart|early|late)\b", re.I)


# before "a week" / "an hour" that make it a rate (a SET): a count ("twice", "three times"),
# an amount ("£20", "5%"), or a quantity and its plural noun ("1,200 claims", "a record number
# of claims", "ten hours"), with no punctuation in between
_RATE_BEFORE_EN = re.compile(
    r"(?:(?<![\w'’])(?:once|twice|thrice|times)|(?<!\S)[£$€]?\d[\d,.]*(?:%|p|bn|m|k)?(?:\s+(?:million|billion|thousand|trillion))?|"
    r"(?:(?<![\w,.])\d[\d,.]*|(?<![\w'’])(?:number|numbers|hundreds|thousands|millions|"
    r"dozens|many|more|fewer)\s+of|(?<![\w'’])(?:many|more|fewer))\s+(?:[a-z-]+\s+)?"
    r"[a-z-]{2,}s)\s+$", re.I)
_RATE_NOT_AFTER = re.compile(r"[\s-]+(?:of|ago|later|earlier|after|before|early|late|or|and)(?![\w'’])",
                             re.I)


# after "journée" / "minute": the name of an observance, not a length of time
_EVENT_AFTER_FR = re.compile(r"(?<=[ée]e)\s+(?:nationale|mondiale|internationale|portes\s+ouvertes|"
                             r"de\s+(?:solidarit[ée]|mobilisation|deuil|r[ée]flexion|l['’]|la\s))|"
                             r"(?<=minute)s?\s+de\s+silence", I)
_FROM_N_BEFORE = re.compile(r"(?<![\w'’])de\s+(?:\d+|" + FR_NUMBER_WORDS + r")\s+(?:ans?\s+)?[àa]\s+$", I)


def h_duration(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    u = m.group("u")
    nraw = m.group("n").strip()
    gd = m.groupdict()
    hedge, q = gd.get("hedge"), gd.get("q")
    pw = prev_word(text, m.start())
    words = prev_words(text, m.start(), 3)
    ul = u.lower()
    if ul.startswith(("heure", "hour")) and _time_context(text, m.start(), m.end()) and not q \
            and not hedge and re.match(r"\d|[a-z]", nraw, I):
        return None  # a clock time: the time rule owns it
    if lang == "fr":
        if ul.startswith("heure") and not hedge and not q and tv_news(text, m.start(), m.end()):
            return None  # "le 20 heures de France 2": a news programme
        if not hedge and not q and _EVENT_AFTER_FR.match(text, m.end()):
            return None  # "une journée nationale de deuil", "une minute de silence": an event
        rng = _FROM_N_BEFORE.search(text, max(0, m.start() - 30), m.start()) \
            if not hedge and not q and pw in ("à", "a") and ul.startswith("an") else None
        if rng and prev_word(text, rng.start()) in AGE_NOUNS:
            return None  # "les enfants de 6 à 12 ans": an age group
        # ("portés de 3 à 7 ans": the upper end of a range of durations, no age)
        if not rng and not hedge and not q and pw in ("à", "a") and ul.startswith("an") and not \
                re.match(r"\s+(?:de|d['’])\s*(?:prison|réclusion|détention|travaux|emprisonnement)",
                         text[m.end():m.end() + 20], I):
            return None  # "mort à 85 ans": an age ("condamné à 10 ans de prison" is kept)
        if ul.startswith("an") and not hedge and not q and re.search(r"(?:^|[,(])\s*$", text[
                max(0, m.start() - 3):m.start()]) and re.match(r"\s*[,)]", text[m.end():m.end() + 2]):
            return None  # "Jean Burget, 87 ans, ...": an age in apposition
        if ul.startswith("an") and pw in ("de", "d'", "d’") and len(words) >= 2 and \
                words[-2] not in DURATION_HEADS and not gd.get("n2"):
            return None  # "un électricien de 37 ans": an age ("d'un an et dix mois" is none)
        if hedge and words and words[-1] in ("les", "des", "aux"):
            return None  # "les moins de 17 ans": an age group
        if not hedge and not q and pw in ("de", "d'", "d’") and len(words) >= 2 \
                and words[-2] in AGE_NOUNS:
            return None
        if words and words[-1].startswith("âg"):
            return None
        if nraw.lower() in ("un", "une") and ul in ("jour", "seconde") and not hedge and not q:
            return None  # "un jour" (someday), "une seconde fois"
        if nraw.lower() in ("une", "un") and pw in ("à", "a") and ul.startswith("heure"):
            return None
    else:
        after = text[m.end():m.end() + 6].lower()
        if ul in ("quarter", "quarters") and re.match(r"\s+of\s+(?!a\s+century)", text[m.end():m.end() + 16]):
            return None  # "a quarter of the population": a fraction
        if nraw.lower() in ("a", "an") and not hedge and not q and \
                _RATE_BEFORE_EN.search(text, max(0, m.start() - 60), m.start()) and \
                not _RATE_NOT_AFTER.match(text, m.end()):
            value = _duration_value(1, u)  # "£20 a week", "10 hours a day", "twice a year"
            return [Cand(m.start(), m.end(), "SET", "abs", value=value)] if value else None
        if after.startswith(("-old", " old", "s old")) or (words and words[-1] == "aged"):
            return None
        if nraw.lower() in ("one", "a") and ul == "day" and not hedge and not q and not (
                _DAY_MEASURED.match(text, m.end()) or gd.get("adj")
                or pw in ("only", "just", "full", "whole", "entire")):
            return None   # "one day, he will return"; "only one day after" is one day
        if pw in ("once", "twice", "times", "per") or nraw.lower() in ("a", "an") and \
                pw in ("once", "twice", "thrice"):
            return None
    if m.start() >= 1 and text[m.start() - 1] in "-–/":
        return None  # "18-25 ans"
    num_text = re.sub(r"\s+d(?:e|['’])\s*$", "", nraw)
    num = parse_number(num_text, lang)
    if num is None:
        return None
    half = bool(gd.get("half"))
    value = _duration_value(num.value, u, half)
    if value is None:
        return None
    end = m.end()
    if gd.get("n2"):
        num2 = parse_number(gd["n2"], lang)
        joined = _joined_durations(value, _duration_value(num2.value, gd["u2"]) if num2 else None)
        if joined is not None:
            value = joined
        else:   # ("two days and three years": the first one alone)
            end = m.end("half") if gd.get("half") else m.end("u")
    mod, approx = _hedge(hedge)
    approx = approx or num.approximate
    start = m.start("q") if q else (m.start("hedge") if hedge else m.start("n"))
    if q and q.lower().startswith("over"):
        start += len(q) - len(q.lower().split("over", 1)[1].lstrip())  # "over <the past two years>"
    c = Cand(start, end, "DURATION", "abs", value=value)
    c.mod = mod or ("APPROX" if approx else None)
    c.approx = approx
    _attach_anchor(c, text, end)
    return [c]


def h_term(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    w = m.group(0).lower()
    return [Cand(m.start(), m.end(), "DURATION", "abs", value="P5Y" if w.startswith("quinq") else "P7Y")]


def h_half(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    value = _duration_value(0.5, m.group("u"))
    c = Cand(m.start(), m.end(), "DURATION", "abs", value=value)
    _attach_anchor(c, text, m.end())
    return [c]


_HOUR_WORDS = {"une": 1, "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
               "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
               "quatorze": 14, "quinze": 15, "seize": 16, "dix-sept": 17, "dix-huit": 18,
               "dix-neuf": 19, "vingt": 20, "vingt et une": 21, "vingt-deux": 22,
               "vingt-trois": 23, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
               "six_": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
               "twelve": 12}
_MIN_WORDS = {"quinze": 15, "trente": 30, "quarante-cinq": 45, "et demie": 30, "et quart": 15,
              "moins le quart": -15}


_NEWS_SHOWS = {"journal", "journaux", "jt", "édition", "bulletin", "flash", "télévisé",
               "infos", "informations"}


def tv_news(text: str, start: int, end: int) -> bool:
    """'le 20 heures de France 2', 'au journal de 13 heures', 'le 20h': a news programme
    named by its hour, not a time."""
    words = prev_words(text, start, 2)
    if not words:
        return False
    if words[-1] in ("le", "du", "au") and not re.match(r"\s*(?:à|au|et|-)\s", text[end:end + 5]):
        return True
    return words[-1] in ("de", "d'", "d’") and len(words) == 2 and words[0] in _NEWS_SHOWS


def h_time_h(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    h = int(m.group("h"))
    if lang == "fr" and not m.group("m") and tv_news(text, m.start(), m.end()):
        return None
    mi = int(m.group("m")) if m.group("m") else 0
    if re.match(r"\s*/\s*\d", text[m.end():m.end() + 4]):
        return None  # "24h/24"
    pw = prev_word(text, m.start())
    if pw in ("en", "pendant", "durant", "plus", "moins") and \
            not _time_context(text, m.start(), m.end()):
        return [Cand(m.start(), m.end(), "DURATION", "abs",
                     value=f"PT{h}H" + (f"{mi}M" if mi else ""))]
    c = Cand(m.start(), m.end(), "TIME", "time", h=h, mi=mi)
    if pw == "vers":
        c.mod, c.approx = "APPROX", True
    return [c]


def h_time_heures(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    if not _time_context(text, m.start(), m.end()) or tv_news(text, m.start(), m.end()):
        return None
    hs = m.group("h").lower()
    h = int(hs) if hs.isdigit() else _HOUR_WORDS.get(" ".join(hs.split()))
    if h is None or h > 24:
        return None
    ms = (m.group("m") or "").lower()
    mi = int(ms) if ms.isdigit() else _MIN_WORDS.get(" ".join(ms.split()), 0)
    if m.group("ampm"):
        if "soir" in m.group("ampm").lower() and h < 12:
            h += 12
    if mi < 0:
        h, mi = h - 1, 60 + mi
    c = Cand(m.start(), m.end(), "TIME", "time", h=h, mi=mi)
    if prev_word(text, m.start()) in ("vers", "around", "about"):
        c.mod, c.approx = "APPROX", True
    return [c]


def h_noon(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    w = m.group("w")
    if not w.islower():
        return None
    h = 12 if w in ("midi", "noon") else 24
    c = Cand(m.start("w"), m.end("w"), "TIME", "time", h=h, mi=0)
    if m.group("pre").lower() in ("vers", "around", "about"):
        c.mod, c.approx = "APPROX", True
    return [c]


def h_ampm(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    h = int(m.group("h"))
    mi = int(m.group("m")) if m.group("m") else 0
    if m.group("ap").lower() == "p" and h < 12:
        h += 12
    if m.group("ap").lower() == "a" and h == 12:
        h = 0
    return [Cand(m.start(), m.end(), "TIME", "time", h=h, mi=mi)]


def h_clock_en(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    if prev_word(text, m.start()) not in ("at", "by", "from", "until", "to", "before", "after",
                                          "around", "about", "since", "till"):
        return None
    return [Cand(m.start(), m.end(), "TIME", "time", h=int(m.group("h")), mi=int(m.group("m")))]


def h_weekday(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    wd = m.group("wd")
    det = m.group("det")
    part = m.group("part")
    rel = m.group("rel")
    detl = (det or "").lower()
    if lang == "en":
        if wd.islower():
            return None
        if detl in ("on", "by", "until", "since", "from"):
            det = None
        if text[m.end():m.end() + 1] == "-" or (m.start() and text[m.start() - 1] == "-"):
            if not part:
                return None  # "Monday-to-Friday", "Sunday-afternoon-stubble"
        nxt = re.match(r"\s+([A-Z][a-z]+)", text[m.end():m.end() + 20])
        if nxt and (nxt.group(1) in _WD_NAME_HEADS or (
                prev_word(text, m.start("wd")).lower() == "the" and month_of(nxt.group(1)) is None)):
            return None  # "the Sunday Times", "Monday Night Football", "Super Tuesday"
        if prev_word(text, m.start("wd")) in ("Super", "Black", "Cyber", "Good", "Ash", "Holy",
                                              "Bloody", "Boxing"):
            return None
    else:
        if not det and not rel and titlecase_mid(text, m.start("wd"), wd):
            return None  # "Vendredi saint", a name
        if text[m.end():m.end() + 1] == "-" or (m.start() and text[m.start() - 1] == "-"):
            return None
    start = m.start("det") if det else m.start("wd")
    wdn = weekday_of(wd)
    if wdn is not None and not det and not rel and prev_word(text, m.start("wd")) in ("un", "a"):
        # "le 1er mai 2024 tombait un mercredi", "it fell on a Sunday": which weekday, not when
        return [Cand(start, m.end(), "DATE", "abs", value=f"XXXX-WXX-{wdn + 1}")]
    r = _rel_word(rel) or (_rel_word(detl) if detl in ("ce", "cet", "this", "last", "next") else None)
    ptag = None
    if part:
        ptag = "T12:00" if part.lower() == "midi" else "T" + PARTS[part.lower()]
    c = Cand(start, m.end(), "TIME" if ptag else "DATE", "weekday", wd=weekday_of(wd), rel=r,
             part=ptag)
    return [c]


_WD_NAME_HEADS = {"Times", "Telegraph", "Herald", "Mirror", "Express", "Post", "Sun", "Night",
                  "Morning", "Afternoon", "Evening", "Football", "School", "Service", "Mail",
                  "Star", "Independent", "Observer", "Tribune", "Club", "Show", "Massacre"}
_PREV_OFF = {"lendemain": 1, "veille": -1, "surlendemain": 2, "avant-veille": -2,
             "même jour": 0, "meme jour": 0, "day before": -1, "day after": 1, "next day": 1,
             "following day": 1, "same day": 0, "previous day": -1, "that day": 0, "eve": -1,
             "night before": -1}


def h_prevrel(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    w = " ".join(m.group("w").lower().split())
    key = w.split(" ", 1)[1] if w.startswith("the ") else w
    off = _PREV_OFF.get(key)
    if off is None:
        return None
    det = m.group("det")
    part = m.groupdict().get("part")
    ptag = "T" + PARTS[part.lower()] if part else ("TNI" if key == "night before" else None)
    start = m.start("det") if det else m.start("w")
    # "au lendemain de <event>", "à la veille de <event>", "the day after <event>": anchored
    am = re.match(r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*|\s+(?=the\s|his\s|her\s|its\s|"
                  r"their\s|a\s)", text[m.end():m.end() + 12], I)
    if am and key in ("lendemain", "veille", "day before", "day after", "surlendemain",
                      "eve", "avant-veille"):
        a = anchor_span(text, m.end() + am.end())
        if key in ("day before", "day after") and not (am.group().strip() or a):
            a = None
        if a:
            c = Cand(start, m.end(), "TIME" if ptag else "DATE", "anch_day", part=ptag, off=off)
            c.anchor = {"text": text[a[0]:a[1]], "start": a[0], "end": a[1],
                        "relation": "AFTER" if off > 0 else "BEFORE"}
            return [c]
    return [Cand(start, m.end(), "TIME" if ptag else "DATE", "prev", off=off, part=ptag)]


def h_part_meme(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    p = m.group("part").lower()
    return [Cand(m.start(), m.end(), "TIME", "prev", off=0, part="T" + PARTS[p])]


def h_edge(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    gd = m.groupdict()
    u = m.group("u")
    mod = _edge_mod(m.group("edge"))
    rel = _rel_word(gd.get("rel"))
    if gd.get("rel") and gd["rel"].lower() in ("the",):
        rel = None
    start = m.start("det") if gd.get("det") else m.start("edge")
    if lang == "fr" and not gd.get("det") and prev_word(text, start) in ("de", "d'", "d’"):
        return None  # "une fête de fin d'année": a kind of party, not a date
    if lang == "fr" and u[:1].isupper() and not u.isupper() and not u[:1].isdigit():
        return None  # "au début de la Semaine de la citoyenneté": a named week, an event
    ul = u.lower()
    named = re.match(rf"\s+d(?:e\s+|{A})(?P<mon>{MON_FR_FULL})(?:\s+(?P<y>{YEAR4}))?{R}",
                     text[m.end():m.end() + 30], I) if lang == "fr" and ul == "mois" else None
    if named:
        # "la fin du mois de juin 2024", "au début du mois d'août": that month, not this one
        c = Cand(start, m.end() + named.end(), "DATE", "month", m=month_of(named.group("mon")),
                 yraw=named.group("y"), rel=None)
        c.mod = mod
        return [c]
    if lang == "en" and re.fullmatch(MON_EN_FULL, u, I):
        if u.islower():
            return None
        c = Cand(start, m.end(), "DATE", "month", m=month_of(u), yraw=gd.get("y"), rel=rel)
        c.mod = mod
        return [c]
    if re.fullmatch(r"\d{4}", u):
        c = Cand(start, m.end(), "DATE", "abs", value=u)
        c.mod = mod
        return [c]
    if gd.get("y"):
        c = Cand(start, m.end(), "DATE", "abs", value=gd["y"])
        c.mod = mod
        return [c]
    if ul in PARTS:  # "en fin d'après-midi": on the date in force
        c = Cand(start, m.end(), "TIME", "part", part="T" + PARTS[ul])
        c.mod = mod
        return [c]
    if ul in SEASONS or re.fullmatch(r"[ée]t[ée]", ul):
        c = Cand(start, m.end(), "DATE", "season", season=season_code(ul), rel=rel)
        c.mod = mod
        return [c]
    if ul in ("journée", "journee", "day"):
        # "mercredi en fin de journée", "at the end of the day": the day in force, as a part
        # of the day would be (the sentence's date, else the paragraph's, else the paper's)
        c = Cand(start, m.end(), "DATE", "part", part="")
        c.mod = mod
        return [c]
    unit = _THIS_UNITS.get(ul)
    if unit is None:
        return None
    off = {"last": -1, "next": 1}.get(rel or "", 0)
    c = Cand(start, m.end(), "DATE", "rel", off=off, unit=unit)
    c.mod = mod
    return [c]


def h_season(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    gd = m.groupdict()
    s = m.group("s")
    sl = s.lower()
    det = gd.get("det")
    if sl in ("été", "ete", "fall") and not (det or gd.get("y") or gd.get("rel")):
        return None
    if lang == "en" and not (det or gd.get("y") or gd.get("rel") or gd.get("pre")):
        return None
    if not gd.get("y") and re.match(r"\s+(?:de|du|des)\s|\s+d['’]", text[m.end():m.end() + 5]):
        return None  # "le Printemps de l'environnement", "l'hiver des ...": a name, a metaphor
    if lang == "fr" and not (det or gd.get("y") or gd.get("rel")) and \
            re.search(r"(?<![\w'’])(?:d['’]|de\s+)$", text[max(0, m.start() - 4):m.start()], I):
        return None  # "les soldes d'hiver", "des pneus de printemps": a kind, not a time
    if not det and titlecase_mid(text, m.start("s"), s):
        return None
    detl = (det or "").strip().lower()
    start = m.start("det") if det and detl not in ("en", "au", "in", "during") else m.start("s")
    if lang == "en" and gd.get("pre"):
        tm = re.search(r"(?i)\bthe\s+$", text[m.start():m.start("s")])
        if tm:
            start = m.start() + tm.start()  # "in <the summer>": determiner inside
    if gd.get("y"):
        return [Cand(start, m.end(), "DATE", "abs", value=f"{gd['y']}-{season_code(sl)}")]
    generic = detl in ("en", "in") and not gd.get("rel")
    return [Cand(start, m.end(), "DATE", "season", season=season_code(sl),
                 rel=_rel_word(gd.get("rel") or (detl if detl in ("this", "last", "next") else None)),
                 generic=generic, lang=lang)]


_REFS = {"maintenant": ("TIME", "PRESENT_REF"), "actuellement": ("TIME", "PRESENT_REF"),
         "désormais": ("DATE", "DCT"), "desormais": ("DATE", "DCT"), "dorénavant": ("DATE", "DCT"),
         "pour l'instant": ("TIME", "PRESENT_REF"), "pour le moment": ("TIME", "PRESENT_REF"),
         "à présent": ("TIME", "PRESENT_REF"), "l'avenir": ("TIME", "FUTURE_REF"),
         "auparavant": ("TIME", "PAST_REF"), "récemment": ("TIME", "PAST_REF"),
         "autrefois": ("TIME", "PAST_REF"), "jadis": ("TIME", "PAST_REF"),
         "naguère": ("TIME", "PAST_REF"), "now": ("TIME", "PRESENT_REF"),
         "currently": ("TIME", "PRESENT_REF"), "nowadays": ("TIME", "PRESENT_REF"),
         "recently": ("TIME", "PAST_REF"), "the future": ("TIME", "FUTURE_REF"),
         "the past": ("TIME", "PAST_REF"), "at present": ("TIME", "PRESENT_REF")}


_OF_NOUN = re.compile(r"\s+(?:de|des|du|d['’])(?=[\s\w])", I)
_QUESTION_AFTER = re.compile(r"\s*,?\s*(?:comment|pourquoi|que|qu['’]|quoi|où|qui|quel(?:le)?s?|"
                             r"how|why|what|where|who|which)(?![\w'’])", re.I)


_OF_NAME = re.compile(r"\s+of\s+[A-Z]")


def h_ref(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    w = " ".join(m.group("w").lower().replace("’", "'").split())
    if w.startswith("actuel"):
        return [Cand(m.start(), m.end(), "TIME", "abs", value="PRESENT_REF")]
    if w.startswith("futur"):
        return [Cand(m.start(), m.end(), "TIME", "abs", value="FUTURE_REF")]
    t = _REFS.get(w) or _REFS.get(w.replace("a présent", "à présent"))
    if t is None:
        return None
    if w == "l'avenir" and (not m.group("w")[-6].islower() and not at_sentence_start(text, m.start())
                            or _OF_NOUN.match(text, m.end())):
        return None  # "le Sommet de l'Avenir" (a name), "l'avenir des secteurs" (what becomes
        # of them, a noun phrase; "préparer l'avenir" stays FUTURE_REF)
    if w == "now" and re.match(r"\s+that\b", text[m.end():m.end() + 6]):
        return None
    if w in ("now", "maintenant") and at_sentence_start(text, m.start()) and \
            _QUESTION_AFTER.match(text, m.end()):
        return None  # "Maintenant, comment faire ?", "Now, why does it matter?": a discourse turn
    if w in ("the future", "the past") and re.search(r"(?<![\w'’])[a-z]{3,}s?\s+of\s+$",
                                                       text[max(0, m.start() - 25):m.start()]):
        return None  # "the partnerships of the future", "a relic of the past": a modifier
    if w in ("the future", "the past") and m.group("w").split()[-1][:1].isupper() and _OF_NAME.match(text, m.end()):
        return None  # "the Future of Roads Minister", "the Future of Work Institute": a name
    if w in ("the future", "the past"):
        nx = _NEXT_LOWER.match(text, m.end())
        if nx and nx.group(1) not in _REF_NOUN_NEXT and not nx.group(1).endswith("ly"):
            return None  # "the future performance", "the past president": a modifier
    if t[1] == "DCT":
        return [Cand(m.start(), m.end(), "DATE", "rel", off=0, unit="D")]
    if lang == "en":
        if w == "now" and re.match(r"\s*[-–]?\s*(?:defunct|former|retired|deceased|closed)\b|-",
                                   text[m.end():m.end() + 12]):
            return None  # "the now-defunct", "now retired"
        return [Cand(m.start(), m.end(), "DATE", "abs", value=t[1])]  # TimeBank: DATE
    return [Cand(m.start(), m.end(), t[0], "abs", value=t[1])]


_SET_UNITS = {"an": "P1Y", "ans": "P1Y", "année": "P1Y", "années": "P1Y", "annee": "P1Y",
              "mois": "P1M", "semaine": "P1W", "semaines": "P1W", "jour": "P1D", "jours": "P1D",
              "heure": "PT1H", "heures": "PT1H", "matin": "P1D", "soir": "P1D", "nuit": "P1D",
              "matins": "P1D", "soirs": "P1D", "nuits": "P1D", "week-end": "P1WE",
              "week-ends": "P1WE", "year": "P1Y", "years": "P1Y", "month": "P1M",
              "months": "P1M", "week": "P1W", "weeks": "P1W", "day": "P1D", "days": "P1D",
              "hour": "PT1H", "hours": "PT1H", "morning": "P1D", "night": "P1D",
              "evening": "P1D", "weekend": "P1WE"}


def h_to_come(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'au cours du mois à venir', 'l'année à venir': the next one, as 'le mois prochain';
    'les semaines à venir', 'des années à venir': an unspecified number of them, as 'les
    prochaines semaines' (a duration)."""
    u = m.group("u").lower()
    det = (m.group("det") or "").lower()
    if not det and re.search(r"(?:\d|" + FR_NUMBER_WORDS + r")\s+$", text[max(0, m.start() - 25):m.start()],
                             I):
        return None  # "les 30 jours à venir": the duration rule's "30 jours"
    plural = det in ("les", "ces") or (u.endswith("s") and u != "mois") or (
        not det and prev_word(text, m.start()) in ("des", "aux", "ces", "les"))
    if plural:
        return [Cand(m.start(), m.end(), "DURATION", "abs", value=_duration_value(None, u))]
    unit = _THIS_UNITS.get(u)
    if unit is None:
        return None
    return [Cand(m.start(), m.end(), "DATE", "rel", off=1, unit=unit)]


_RATE_FR_AFTER = re.compile(r"\s+(?:de|d['’]|du|des|suivant|précédent|où|qui|que)(?![\w'’])", I)


def h_rate_fr(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'10 dollars par jour', 'trois fois par an': SET ('jour par jour', 'par jour de pluie',
    'par an de prison' are not rates)."""
    u = m.group("u").lower()
    if prev_word(text, m.start()) == u or _RATE_FR_AFTER.match(text, m.end()):
        return None
    return [Cand(m.start(), m.end(), "SET", "abs", value=_SET_UNITS[u.replace("annee", "année")])]


def h_set(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    w = m.group(0).lower()
    if w.startswith(("annuel", "annuellement", "annually", "yearly")):
        return [Cand(m.start(), m.end(), "SET", "abs", value="P1Y")]
    if w.startswith(("quotidiennement", "daily")):
        return [Cand(m.start(), m.end(), "SET", "abs", value="P1D")]
    if w.startswith(("mensuel", "monthly")):
        return [Cand(m.start(), m.end(), "SET", "abs", value="P1M")]
    if w.startswith(("hebdomadairement", "weekly")):
        return [Cand(m.start(), m.end(), "SET", "abs", value="P1W")]
    u = (m.group("u") or "").lower()
    wd = weekday_of(u.rstrip("s"))
    if wd is not None:
        return [Cand(m.start(), m.end(), "SET", "abs", value=f"XXXX-WXX-{wd + 1}")]
    v = _SET_UNITS.get(u)
    if v is None:
        return None
    n = m.group("n")
    if n:
        num = parse_number(n, lang)
        if num and num.value:
            v = re.sub(r"1", str(int(num.value)), v, count=1)
    return [Cand(m.start(), m.end(), "SET", "abs", value=v)]


def _easter(y: int) -> dt.date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


_HOLIDAYS = {"noël": (12, 25), "noel": (12, 25), "toussaint": (11, 1),
             "christmas eve": (12, 24), "new year's eve": (12, 31), "remembrance day": (11, 11),
             "armistice day": (11, 11), "canada day": (7, 1), "boxing day": (12, 26),
             "good friday": ("E", -2), "halloween": (10, 31), "valentine's day": (2, 14),

             "saint-sylvestre": (12, 31), "nouvel an": (1, 1), "jour de l'an": (1, 1),
             "christmas": (12, 25), "christmas day": (12, 25), "new year's day": (1, 1),
             "pâques": ("E", 0), "paques": ("E", 0), "pentecôte": ("E", 49),
             "pentecote": ("E", 49), "ascension": ("E", 39), "easter": ("E", 0)}


# commemorations that statements are issued for: the day only with "this", "last", "next"
_OCCASIONS = {"remembrance day", "armistice day", "canada day"}
_OCCASION_BEFORE = re.compile(r"(?:(?<!\w)occasion\s+(?:du|de\s+la|de\s+l['’]|de|d['’]|of)|"
                              r"(?<![\w'’])to\s+mark|(?<![\w'’])pour\s+(?:souligner|marquer))\s*$",
                              re.I)
_STATEMENT_BEFORE = re.compile(r"(?<!\w)(?:d[ée]claration|message|allocution|discours|statement|"
                               r"remarks)s?(?!\w)", re.I)
_GREETINGS = {"merry", "happy", "joyeux", "joyeuses", "joyeuse", "bon", "bonne", "bonnes"}


def h_holiday(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    h = " ".join(m.group("h").lower().replace("’", "'").split())
    spec = _HOLIDAYS.get(h)
    if spec is None or not m.group("h")[0].isupper() and not h.startswith("jour"):
        return None
    if prev_word(text, m.start()) in _GREETINGS:
        return None  # "a Merry Christmas", "Joyeux Noël", "Happy New Year's Eve": a wish
    if _OCCASION_BEFORE.search(text, max(0, m.start() - 30), m.start()) and \
            _STATEMENT_BEFORE.search(text[max(0, m.start() - 160):m.start()].rsplit("\n", 1)[-1]):
        return None  # "déclaration à l'occasion du Nouvel An", "a statement to mark
        # Christmas": what a statement is issued for, the occasion's name (the news sets leave
        # it out; "à l'occasion de Noël, il a gracié 200 détenus" stays a date)
    if h in _OCCASIONS and not m.group("det"):
        return None  # "a statement on Remembrance Day": the occasion's name; "this
        # Remembrance Day" is the day
    if lang == "en" and re.match(r"\s+(?!Day\b|Eve\b|Monday\b|Sunday\b)[A-Z][a-z]", text[m.end():m.end() + 4]):
        return None  # "the Easter Rising", "Christmas Island"
    if lang == "en" and _DET_BEFORE_EN.search(text, max(0, m.start() - 6), m.start()):
        nx = _NEXT_LOWER.match(text, m.end())
        if nx and nx.group(1) not in _HOLIDAY_PERIOD:
            return None  # "the Christmas classic", "a Christmas tree": a modifier
    extra = 1 if m.group("det") and re.match(r"(?:le\s+)?lundi", m.group("det"), I) else 0
    start = m.start("det") if m.group("det") else m.start("h")
    det = (m.group("det") or "").strip().lower()
    return [Cand(start, m.end(), "DATE", "holiday", spec=spec, extra=extra,
                 rel=det if det in ("this", "last", "next") else None)]


def season_code(s: str) -> str:
    s = s.lower()
    if s in SEASONS:
        return SEASONS[s]
    return {"pr": "SP", "ét": "SU", "et": "SU", "au": "FA", "hi": "WI"}.get(s[:2], "SU")


def h_that_part(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'that morning', 'the same evening': a part of the day last mentioned."""
    return [Cand(m.start(), m.end(), "TIME", "prev", off=0,
                 part="T" + PARTS[m.group("part").lower()])]


def h_shift(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'two years earlier', 'three days later': a DATE counted from the date last mentioned."""
    num = parse_number(m.group("n").strip(), lang)
    if num is None or num.value is None or num.value != int(num.value):
        return None
    unit = m.group("u").lower().rstrip("s")[:1].upper()
    n = int(num.value) * (-1 if m.group("dir").lower() == "earlier" else 1)
    return [Cand(m.start(), m.end(), "DATE", "shift", n=n, unit=unit)]


# ---- parts of the day, ranges, decades with an edge, anaphora (issue 12) -------------------
_PART_TAGS = {**PARTS, "journée": "DT", "journee": "DT"}
# words right before "la nuit", "la soirée", "le matin" that make it a time of the narrative
# ("dans la soirée", "pendant la nuit", "la soirée et la nuit"); elsewhere ("la nuit tombe",
# "la soirée de gala") it is left out
_PART_BEFORE = {"dans", "pendant", "durant", "toute", "vers", "avant", "après", "apres", "dès",
                "des", "depuis", "et", "jusqu'à", "jusqu’à", "lors", "tard", "tôt"}
# "au cours de la nuit", "une partie de la nuit"
_PART_AFTER_DE = {"cours", "milieu", "fin", "début", "debut", "long", "partie", "reste"}


# "La nuit a été agitée", "La matinée s'est achevée": the part of the day is the subject of a
# past clause opening the sentence, a time of the narrative
_PART_SUBJECT = re.compile(r"\s+(?:a|avait|aura)\s+été\s|\s+s['’](?:est|était)\s|\s+fut\s", I)


def h_part(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'dans la soirée', 'pendant la nuit', 'au petit matin': a part of the day on the date in
    force (see _resolve_time)."""
    part = m.group("part").lower()
    tag = _PART_TAGS.get(part)
    if tag is None:
        return None
    if not m.group("det"):  # "au petit matin", "en soirée": the preposition holds the article
        start = m.start("part") if not m.group("petit") else m.start("petit")
    else:
        start = m.start()
        words = prev_words(text, start, 2)
        pw = words[-1] if words else ""
        ok = pw in _PART_BEFORE or (pw == "de" and len(words) == 2 and words[0] in _PART_AFTER_DE)
        coordinated = re.match(rf"\s+et\s+(?:la|le|l{A})\s*{PART_FR}{R}", text[m.end():m.end() + 24], I)
        subject = at_sentence_start(text, start) and _PART_SUBJECT.match(text, m.end())
        if not ok and not coordinated and not subject and not (
                at_sentence_start(text, start) and text[m.end():m.end() + 1] == ","):
            return None   # "La soirée et la nuit ont été agitées" is kept
        if re.match(r"\s+(?:de|d['’]|des|du)\s", text[m.end():m.end() + 5]) and \
                not re.match(rf"\s+(?:de|du)\s+(?:{WD_FR}|\d)", text[m.end():m.end() + 14], I):
            return None  # "la soirée de gala", "la nuit des musées": an event's name
    if text[m.end():m.end() + 1] == "-" or (start and text[start - 1] == "-"):
        return None
    return [Cand(start, m.end(), "TIME", "part", part="T" + tag)]


def _year_range_ok(y1: int, y2: int) -> bool:
    return 1800 <= y1 < y2 <= 2100 and y2 - y1 <= 100


def h_year_range(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'1982-1990', 'la saison 2002/2003', '1914-18': two years (TimeML marks the two ends of
    a range as two TIMEX3, the dash or slash between them a signal)."""
    y1s, y2s = m.group("y1"), m.group("y2")
    y1 = int(y1s)
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if not _year_range_ok(y1, y2) or numbered(text, m.start()):
        return None  # "la loi n° 2010-15 du 6 juillet 2010": the law's number
    if lang == "en" and len(y2s) == 2:
        return None  # "2015-16": a season written short; our English gold leaves it out
    return [Cand(m.start("y1"), m.end("y1"), "DATE", "abs", value=str(y1)),
            Cand(m.start("y2"), m.end("y2"), "DATE", "abs", value=str(y2))]


def h_month_range(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'mars-avril', 'juillet/août 2024': two months, the year written after the second one
    applying to both."""
    m1, m2 = m.group("m1"), m.group("m2")
    if lang == "en" and (m1.islower() or m2.islower()):
        return None
    year = m.group("year")
    out = []
    for g, mon in (("m1", m1), ("m2", m2)):
        out.append(Cand(m.start(g), m.end(g), "DATE", "month", m=month_of(mon), yraw=year,
                        rel=None))
    if year:  # "mars-avril 2024": the year goes with the second month's span
        out[1].end = m.end("year")
    return out


def h_decade_edge(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'au début des années 60', 'la fin des années 1990': a decade with its edge."""
    y = m.group("y")
    if len(y) == 2:
        y = ("19" if int(y) >= 20 else "20") + y
    start = m.start("det") if m.group("det") else m.start("edge")
    c = Cand(start, m.end(), "DATE", "abs", value=y[:3] + "X")
    c.mod = _edge_mod(m.group("edge"))
    return [c]


def h_ici(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'d'ici la fin de l'année', 'd'ici 2030': FTiB marks 'ici' as a DATE, the document's day
    (kept only when a temporal expression follows, see timexes_in)."""
    return [Cand(m.start("w"), m.end("w"), "DATE", "rel", off=0, unit="D", ici=True)]


def h_same_period(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'à la même époque', 'à la même période de l'année dernière': the same month a year
    before the reference date."""
    return [Cand(m.start(), m.end(), "DATE", "same_period")]


def h_anaphor_unit(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'later that month', 'that year', 'the same week': the month, year or week of the date
    just mentioned."""
    return [Cand(m.start(), m.end(), "DATE", "anaph", unit=m.group("u").lower()[0].upper())]


def h_present_phrase(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'de nos jours', 'à l'heure actuelle', 'en ce moment', 'à ce jour': PRESENT_REF
    (preposition out)."""
    g = next(k for k in ("a", "b", "c", "d") if m.group(k))
    return [Cand(m.start(g), m.end(g), "TIME", "abs", value="PRESENT_REF")]


_THAT_UNIT_FR = {"semaine": "W", "mois": "M", "année": "Y", "annee": "Y", "an": "Y"}


def h_that_fr(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'ce soir-là', 'cette nuit-là' (a part of the day last mentioned), 'ce jour-là' (that
    day), 'cette année-là', 'ce mois-là' (the year, the month of the date just written)."""
    u = m.group("u").lower()
    if u in _THAT_UNIT_FR:
        return [Cand(m.start(), m.end(), "DATE", "anaph", unit=_THAT_UNIT_FR[u])]
    if u in ("jour", "journée", "journee"):
        return [Cand(m.start(), m.end(), "DATE", "prev", off=0, unit="D")]
    return [Cand(m.start(), m.end(), "TIME", "prev", off=0, part="T" + PARTS[u])]


def h_this_day(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'cette journée', 'en ce jour de fête', 'ce jour du Souvenir': the day being told (the
    last day mentioned, else the reference day: a statement issued on the day it marks).
    'à ce jour' (up to now) and 'ce jour-là' are other rules."""
    if prev_word(text, m.start()) in ("à", "a", "jusqu'à", "jusqu’à"):
        return None
    if not m.group("j") and not m.group("of") and prev_word(text, m.start()) != "en":
        return None  # a bare "ce jour": left to the other rules
    return [Cand(m.start(), m.end(), "DATE", "prev", off=0, unit="D", or_ref=True)]


def h_another(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'for another year': one more unit, a duration."""
    return [Cand(m.start(), m.end(), "DURATION", "abs", value=_duration_value(1, m.group("u")))]


def h_vague_duration(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'for weeks', 'for months', '(in) recent months', 'pendant des années': a duration of
    an unspecified number of units (PXW, PXM, ...)."""
    return [Cand(m.start("span"), m.end("span"), "DURATION", "abs",
                 value=_duration_value(None, m.group("u")))]


def h_adj_ref(m: re.Match[str], text: str, lang: str) -> list[Cand] | None:
    """'l'actuel directeur', 'les générations futures': PRESENT_REF, FUTURE_REF (FTiB marks
    these adjectives; 'prochain', 'précédent' before a noun it marks too rarely to follow)."""
    w = m.group("w").lower()
    if lang == "fr" and titlecase_mid(text, m.start("w"), m.group("w")):
        return None  # "le Forum Future Investment Initiative": a name
    if re.search(r"[\w-]\s+$", text[max(0, m.start("w") - 3):m.start("w")]) and \
            prev_word(text, m.start("w")) not in _DETERMINERS and w.startswith("actuel"):
        return None  # after its noun ("la gouvernance actuelle", "les pressions actuelles"):
        # a property of the noun; the news sets leave it out, FTiB marks "l'actuel ministre"
    if w.startswith("actuel"):
        return [Cand(m.start("w"), m.end("w"), "TIME", "abs", value="PRESENT_REF")]
    if w in ("futur", "future") and prev_word(text, m.start("w")) in ("le", "du", "au", "l"):
        return None  # "le futur" as a noun: not a reference to a time here
    nxt = _NEXT_CONTENT.match(text, m.end())
    if nxt and nxt.group(1).lower() not in _NOT_A_HEAD and \
            prev_word(text, m.start("w")) in _DETERMINERS:
        return None  # before its noun ("de futures étapes", "le futur stade"): what is to be,
        # not a time; after it ("les générations futures") FTiB marks FUTURE_REF
    return [Cand(m.start("w"), m.end("w"), "TIME", "abs", value="FUTURE_REF")]


_DETERMINERS = {"le", "la", "les", "l", "l'", "l’", "de", "d'", "d’", "des", "du", "un", "une",
                "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos",
                "votre", "vos", "mon", "ma", "mes", "au", "aux"}
_NEXT_CONTENT = re.compile(r"[ \t\u00a0]+([a-zàâçéèêëîïôûùüÿœ][\w-]*)")
_NOT_A_HEAD = {"de", "du", "des", "d", "et", "ou", "qui", "que", "qu", "à", "a", "au", "aux",
               "en", "dans", "pour", "sur", "avec", "sans", "comme", "ne", "n", "se", "s", "y",
               "doivent", "pourront", "seront", "auront", "sont", "ont", "est"}


def _rx(p: str, flags: int = I) -> re.Pattern[str]:
    return re.compile(p, flags)


_RULES_FR: list[tuple[re.Pattern[str], Handler]] = [
    (_rx(rf"{L}(?:(?P<det>les)\s+|(?:du|entre)\s+(?:le\s+)?)(?P<d1>{DAY_FR})\s+(?:et|au|à)\s+(?:le\s+)?"
         rf"(?=(?P<d2>{DAY_FR})\s+(?P<mon>{MON_FR_LOOSE})(?:\s+(?P<year>{YEAR4}))?"
         rf"(?:\s+(?P<rel>prochains?|derniers?))?)"), h_list),
    (_rx(rf"{L}(?P<det>(?:le|ce)\s+)?(?:(?P<wd>{WD_FR})(?:\s+(?P<part>{PART_FR}))?\s*,?\s+)?"
         rf"(?P<day>{DAY_FR})\s+"
         rf"(?P<mon>{MON_FR_LOOSE})(?:\s+(?P<year>{YEAR4}|{YEAR2}(?!\s*[a-zà-ÿ%€$\d])))?"
         rf"(?:\s+(?P<rel>prochaine?s?|derni[eè]re?s?))?{R}"), h_dmy),
    (_rx(rf"{L}(?:(?P<wd>{WD_FR})\s*,?\s+)?(?P<mon>{MON_FR_LOOSE})\s+(?P<day>{DAY_FR})\s*,?\s+"
         rf"(?P<year>{YEAR4})(?P<rel>)"), h_dmy),
    (_rx(r"(?<![\w/.,-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
         r"(?![\w/]|[.,]\d)"), h_numdate),
    (_rx(r"(?<![\w/.-])(?P<y>(?:1[89]|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\w-])"), h_iso),
    (_rx(rf"{L}(?:(?P<edge>(?:la\s+)?mi-|d[ée]but|fin|courant|milieu)\s*)?(?P<mon>{MON_FR})\s+"
         rf"(?P<year>{YEAR4}|{YEAR2}(?!\s*[a-zà-ÿ%€$\d]))"), h_month_year),
    (_rx(rf"{L}(?:(?P<det>(?:le\s+)?mois\s+d(?:e\s+|{A}))|(?P<edge>(?:la\s+)?mi-|d[ée]but|fin|"
         rf"courant|milieu)\s*)?(?P<mon>{MON_FR_FULL})(?:\s+(?P<rel>prochains?|derniers?)|"
         rf"\s+(?P<year>{YEAR4})|\s+(?P<yrel>(?:de\s+)?(?:l{A}an|l{A}ann[ée]e)\s+(?:derni[eè]re?|pass[ée]e?|"
         rf"prochaine?)|(?:de\s+)?cette\s+ann[ée]e))?{R}"), h_month),
    (_rx(rf"{L}(?P<det>l{A}ann[ée]e\s+|l{A}an\s+)?(?P<y>\d{{4}})(?!\d)"), h_year),
    (_rx(rf"{L}(?:en|dès|depuis)\s+(?P<y>{A}?\d\d)(?=\s*[,.;:()!?]|\s+et\s|\s*$)"), h_year2),
    (_rx(rf"{L}(?:(?P<det>les\s+)|(?<=\bdes\s))ann[ée]es\s+(?P<y>(?:19|20)?\d0){R}"
         rf"(?:(?:\s*,\s*|\s+(?:et|ou|à)\s+|\s*[-–]\s*)(?P<y2>(?:19|20)?\d0){R})?"), h_decade),
    (_rx(rf"{L}(?:(?P<edge>(?:la\s+)?(?:fin|d[ée]but|milieu)\s+du\s+)|(?P<det>le\s+))?"
         rf"(?P<n>[IVXL]+)\s*(?:e|ème|è|ᵉ|eme)\s+si[eè]cle{R}", 0), h_century),
    (_rx(rf"{L}(?P<w>avant-hier|apr[eè]s-demain|hier|aujourd{A}hui|demain)"
         rf"(?:\s+(?P<edge>(?:en\s+)?(?:d[ée]but|fin|milieu)\s+(?:de\s+|d{A})|dans\s+la\s+)?"
         rf"(?P<part>{PART_FR}|midi)(?!-))?(?:\s+(?P<wd>{WD_FR}))?{R}"), h_relday),
    (_rx(rf"{L}(?P<det>ce|cet|cette)\s+(?P<u>{PART_FR}|midi|semaine|mois|ann[ée]e|week-end|"
         rf"weekend|trimestre|semestre|printemps|[ée]t[ée]|automne|hiver|si[eè]cle)(?:-ci)?{R}"
         rf"(?!-l)"), h_this),
    (_rx(rf"{L}(?P<det>la|le|l{A})\s*(?P<u>semaine|mois|ann[ée]e|an|week-end|weekend|trimestre|"
         rf"semestre|si[eè]cle|d[ée]cennie|[ée]t[ée]|hiver|automne|printemps|nuit|soir[ée]e)\s+"
         rf"(?P<rel>derni[eè]re?|pass[ée]e?|prochaine?|pr[ée]c[ée]dente?|suivante?|"
         rf"d{A}apr[eè]s|d{A}avant){R}(?!-)"),
     h_lastnext_fr),
    (_rx(rf"{L}(?:(?P<det>le|au)\s+)?(?P<ord>premier|1er|deuxi[eè]me|second|2e|2[eè]me|"
         rf"troisi[eè]me|3e|3[eè]me|quatri[eè]me|4e|4[eè]me)\s+(?P<u>trimestre|semestre)"
         rf"(?:\s+(?:de\s+)?(?P<y>{YEAR4}))?{R}"), h_quarter),
    (_rx(rf"{L}il\s+y\s+a\s+(?:(?P<hedge>{HEDGE_FR})\s*)?(?P<n>{NUM_FR})\s*(?P<u>{UNIT_FR})"
         rf"(?P<today>,?\s+jour\s+pour\s+jour)?{R}"), h_ago),
    (_rx(rf"{L}(?P<det>(?:la|le)\s+)?(?P<edge>fin|d[ée]but|milieu|mi-)\s*(?:du\s+|de\s+la\s+|"
         rf"de\s+l{A}|d{A}|de\s+)?(?P<u>mois|ann[ée]e|an|semaine|journ[ée]e|matin[ée]e|"
         rf"apr[eè]s-midi|soir[ée]e|nuit|matin|soir|d[ée]cennie|trimestre|semestre|week-end|"
         rf"[ée]t[ée]|hiver|automne|printemps)(?:\s+(?P<rel>prochaine?|derni[eè]re?|pass[ée]e?))?"
         rf"(?:\s+(?P<y>{YEAR4}))?{R}"), h_edge),
    (_rx(rf"{L}(?P<det>(?:la|le)\s+)?(?P<edge>fin|d[ée]but|milieu|mi-)\s*(?P<u>{YEAR4})"), h_edge),
    (_rx(rf"{L}(?P<det>l{A}|en\s+|cet\s+|au\s+)?(?P<s>printemps|[ée]t[ée]|automne|hiver)"
         rf"(?:\s+(?P<y>{YEAR4})|\s+(?P<rel>derni[eè]r|prochain|pass[ée]))?{R}"), h_season),
    (_rx(rf"{L}(?:(?P<det>ce|le)\s+)?(?P<wd>{WD_FR})(?:\s+(?P<part>{PART_FR}|midi)(?!-))?"
         rf"(?:\s+(?P<rel>dernier|prochain|pass[ée]|suivant|pr[ée]c[ée]dent))?{R}"), h_weekday),
    (_rx(rf"{L}(?:(?P<det>le)\s+)?(?P<ord>premier|1er|deuxi[eè]me|second|troisi[eè]me|"
         rf"quatri[eè]me|dernier)\s+(?P<wd>{WD_FR})\s+(?:du\s+mois\s+)?(?:de\s+l{A}|de\s+|d{A}|du\s+)"
         rf"(?P<p>{MON_FR_FULL}|printemps|[ée]t[ée]|automne|hiver)(?:\s+(?P<y>{YEAR4}))?{R}"),
     h_nth_weekday),
    (_rx(rf"{L}(?:(?P<det>le|la|l{A})\s*)(?P<w>lendemain|veille|surlendemain|avant-veille|"
         rf"m[êe]me\s+jour)(?:\s+(?:au\s+)?(?P<part>{PART_FR}))?{R}"), h_prevrel),
    (_rx(rf"(?<=\b[Aa]u\s)(?P<det>)(?P<w>lendemain)(?:\s+(?P<part>{PART_FR}))?{R}"), h_prevrel),
    (_rx(rf"{L}(?:le|la)\s+(?P<part>matin|soir|nuit)\s+m[êe]me{R}"), h_part_meme),
    (_rx(rf"{L}(?P<h>[01]?\d|2[0-3])\s?[hH](?:\s?(?P<m>[0-5]\d))?(?![\w])"), h_time_h),
    (_rx(rf"{L}(?P<h>[01]?\d|2[0-4]|dix-sept|dix-huit|dix-neuf|vingt-deux|vingt-trois|vingt\s+et\s+une|"
         rf"une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
         rf"seize|vingt)\s+heures?(?:\s+(?P<m>[0-5]\d|quinze|trente|quarante-cinq|et\s+demie|"
         rf"et\s+quart|moins\s+le\s+quart))?(?P<ampm>\s+du\s+(?:matin|soir))?{R}"), h_time_heures),
    (_rx(rf"{L}(?P<pre>vers|à|avant|après|dès|jusqu{A}à|depuis|entre|et)\s+(?P<w>midi|minuit){R}",
         0), h_noon),
    (_rx(rf"{L}(?P<q>(?:ces|les)\s+(?:derni[eè]res?|derniers|prochaine?s?|prochains)\s+)?"
         rf"(?:(?P<hedge>{HEDGE_FR})\s*)?(?P<n>{NUM_FR})(?:\s*\(\d+\))?"
         rf"(?:\s+(?:prochaine?s|prochains|derni[eè]re?s|derniers)(?=\s))?\s*(?P<u>{UNIT_FR})"
         rf"(?P<half>\s+et\s+demie?)?(?:\s+et\s+(?P<n2>{NUM_FR})\s*(?P<u2>{UNIT_FR}))?{R}"),
     h_duration),   # "trois (3) mois", "cinq prochaines années", "un an et dix mois"
    (_rx(rf"{L}(?:ces|les)\s+(?P<q>)(?:derni[eè]res|derniers|prochaines|prochains)\s+(?P<u>ann[ée]es|"
         rf"mois|semaines|jours|heures|d[ée]cennies|si[eè]cles)(?P<hedge>)(?P<n>){R}"),
     lambda m, t, lang: [Cand(m.start(), m.end(), "DURATION", "abs",
                              value=_duration_value(None, m.group("u")))]),
    (_rx(rf"{L}(?:un|une)\s+demi-(?P<u>si[eè]cle|heure|journ[ée]e|d[ée]cennie){R}"), h_half),
    (_rx(rf"{L}(?:quinquennat|septennat){R}"), h_term),
    (_rx(rf"{L}(?P<w>maintenant|actuellement|d[ée]sormais|dor[ée]navant|pour\s+l{A}instant|"
         rf"pour\s+le\s+moment|[àa]\s+pr[ée]sent|l{A}avenir|auparavant|r[ée]cemment|autrefois|"
         rf"jadis|nagu[eè]re){R}"), h_ref),
    (_rx(rf"{L}(?:(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<n>\d+|{FR_NUMBER_WORDS})\s+)?"
         rf"(?P<u>ans|ann[ée]es|ann[ée]e|an|mois|semaines|semaine|jours|jour|heures|heure|matins|"
         rf"matin|soirs|soir|nuits|nuit|week-ends|week-end|{WD_FR}s?)|annuel(?:le)?s?|"
         rf"annuellement|quotidiennement|mensuellement|hebdomadairement){R}"), h_set),
    (_rx(rf"{L}(?P<det>(?:cette|la)\s+(?:f[êe]te|semaine)\s+de\s+(?:la\s+|l{A})?|(?:le\s+)?"
         rf"(?:dimanche|lundi|week-end)\s+de\s+(?:la\s+|l{A})?|la\s+|l{A}|le\s+)?"
         rf"(?P<h>No[ëe]l|P[âa]ques|Pentec[ôo]te|Ascension|Toussaint|Saint-Sylvestre|Nouvel\s+An|"
         rf"jour\s+de\s+l{A}an){R}"), h_holiday),
    (_rx(rf"{L}(?:(?P<det>la|le|l{A})\s*|(?<=\b[Aa]u\s)(?P<petit>petit\s+)?|(?<=\b[Ee]n\s))"
         rf"(?P<part>nuit|soir[ée]e|matin[ée]e|journ[ée]e|apr[eè]s-midi|matin|soir){R}"), h_part),
    (_rx(r"(?P<y1>(?:1(?<![\w/.,-]1)[89]|2(?<![\w/.,-]2)0)\d\d)\s?[-–/]\s?(?P<y2>(?:1[89]|20)\d\d|\d\d)"
         r"(?![\w/-]|[.,]\d)"), h_year_range),
    (_rx(rf"{L}(?P<m1>{MON_FR_FULL})\s?[-–/]\s?(?P<m2>{MON_FR_FULL})(?:\s+(?P<year>{YEAR4}))?{R}"),
     h_month_range),
    (_rx(rf"{L}(?:(?P<det>la|le)\s+)?(?P<edge>fin|d[ée]but|milieu|mi-)\s*des\s+ann[ée]es\s+"
         rf"(?P<y>(?:19|20)?\d0){R}"), h_decade_edge),
    (_rx(rf"(?<![\w])d{A}(?P<w>ici){R}"), h_ici),
    (_rx(rf"{L}la\s+m[êe]me\s+(?:[ée]poque(?:\s+de\s+l{A}(?:an|ann[ée]e)\s+(?:derni[eè]re?|"
         rf"pass[ée]e?|pr[ée]c[ée]dente))?|p[ée]riode\s+de\s+l{A}(?:an|ann[ée]e)\s+"
         rf"(?:derni[eè]re?|pass[ée]e?|pr[ée]c[ée]dente)){R}"), h_same_period),
    (_rx(rf"{L}(?P<w>actuel(?:le)?s?|futur(?:e|s|es)?){R}(?!-)"), h_adj_ref),
    (_rx(rf"{L}(?:cette\s+(?P<j>journ[ée]e)|ce\s+jour(?=(?P<of>\s+(?:de|du|d{A}))?))(?![-\w])"),
     h_this_day),
    (_rx(rf"{L}(?:ce|cet|cette)\s+(?P<u>soir[ée]e|soir|matin[ée]e|matin|nuit|apr[eè]s-midi|jour|"
         rf"journ[ée]e|semaine|mois|ann[ée]e|an)-l[àa]{R}"), h_that_fr),
    (_rx(rf"{L}(?:de\s+(?P<a>nos\s+jours)|[àa]\s+(?P<b>l{A}heure\s+actuelle)|"
         rf"en\s+(?P<c>ce\s+moment)|[àa]\s+(?P<d>ce\s+jour)(?![-\w])){R}"), h_present_phrase),
    # "la dernière décennie", "ce dernier siècle": one unit up to now, a duration
    (_rx(rf"{L}(?:(?:la|cette|le|ce)\s+derni[eè]re?\s+(?P<u>d[ée]cennie|si[eè]cle)|"
         rf"(?:(?<=\bde\s)|(?<=pendant\s)|(?<=durant\s)|(?<=\bsur\s)|(?<=depuis\s))"
         rf"la\s+derni[eè]re\s+(?P<y>ann[ée]e)(?!\s+(?:de|du|d{A}|des|où|qui|que|avant|pour)(?![\w'’])))"
         rf"{R}"),
     lambda m, t, lang: [Cand(m.start(), m.end(), "DURATION", "abs",
                              value=_duration_value(1, m.group("u") or m.group("y")))]),
    (_rx(rf"{L}(?:pendant|depuis|durant)\s+(?P<span>des\s+(?P<u>ann[ée]es|mois|semaines|jours|"
         rf"heures|d[ée]cennies|si[eè]cles)){R}"), h_vague_duration),
    # "le mois à venir" (next month), "les semaines à venir" (some weeks from now)
    (_rx(rf"{L}(?:(?P<det>les|ces|le|la|l{A})\s*)?(?P<u>semaines?|mois|ann[ée]es?|jours|"
         rf"d[ée]cennies?|heures)\s+[àa]\s+venir{R}"), h_to_come),
    # "l'année écoulée", "l'année qui vient de s'écouler", "l'année qui s'achève"
    (_rx(rf"{L}l{A}(?:ann[ée]e|an)\s+(?:[ée]coul[ée]e|qui\s+vient\s+de\s+s{A}[ée]couler|"
         rf"qui\s+s{A}ach[eè]ve|qui\s+se\s+termine){R}"),
     lambda m, t, lang: [Cand(m.start(), m.end(), "DATE", "ended_year")]),
    # "10 dollars par jour", "deux réunions par an": a rate, as "£20 a week" in English
    (_rx(rf"{L}par\s+(?P<u>an|ann[ée]e|mois|semaine|jour|heure|nuit){R}(?![-'’])"), h_rate_fr),
]

_RULES_EN: list[tuple[re.Pattern[str], Handler]] = [
    # "June 15 to 17, 2025", "March 3-5": two days of one month, the year after both
    (_rx(rf"{L}(?P<mon>{MON_EN})\s+(?P<d1>{DAY_EN})\s*(?:[-–]|to|through|and)\s*"
         rf"(?P<d2>{DAY_EN})(?:,?\s+(?P<year>{YEAR4}))?{R}"), h_day_range_en),
    (_rx(rf"{L}(?:(?P<wd>{WD_EN}),?\s+)?(?:the\s+)?(?P<mon>{MON_EN})\s+(?P<day>{DAY_EN})"
         rf"(?:,?\s+(?P<year>{YEAR4}))?{R}"), h_dmy),
    (_rx(rf"{L}(?:(?P<wd>{WD_EN}),?\s+)?(?:the\s+)?(?P<day>{DAY_EN})\s+(?:of\s+)?(?P<mon>{MON_EN})"
         rf"(?:,?\s+(?P<year>{YEAR4}))?{R}"), h_dmy),
    (_rx(r"(?<![\w/.,-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
         r"(?![\w/]|[.,]\d)"), h_numdate),
    (_rx(r"(?<![\w/.-])(?P<y>(?:1[89]|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\w-])"), h_iso),
    (_rx(rf"{L}(?:(?P<edge>early|late|mid-|mid\s|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
         rf"the\s+middle\s+of|end\s+of|end-)\s*)?(?P<mon>{MON_EN}),?\s+(?P<year>{YEAR4})"),
     h_month_year),
    (_rx(rf"{L}(?P<pre>(?:in|since|until|till|from|through|during|before|after|between|and|to|"
         rf"the|an?|its|their|his|her|this\s+year['’]s|last\s+year['’]s)\s+)?"
         rf"(?:(?P<edge>last|next|this|early|late|mid-|mid|the\s+end\s+of|the\s+beginning\s+of|"
         rf"the\s+start\s+of|the\s+middle\s+of)\s*)?(?P<det>)(?P<mon>{MON_EN_FULL})"
         rf"(?:\s+(?P<yrel>last|next|this)\s+year(?!['’]))?(?P<rel>){R}"),
     h_month),
    (_rx(rf"{L}(?P<det>the\s+year\s+)?(?P<y>\d{{4}})(?!\d)"), h_year),
    (_rx(rf"{L}(?:(?P<det>the)\s+)?(?:{A}?(?P<y2>\d0)|(?P<y4>1\d\d0|20\d0))s{R}"),
     lambda m, t, lang: h_decade_en(m)),
    (_rx(rf"{L}(?:(?P<edge>(?:the\s+)?(?:end|beginning|start|middle|turn)\s+of\s+the\s+|"
         rf"(?:early|late|mid-)\s*)|(?P<det>the\s+))?(?P<n>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century{R}"),
     h_century),
    (_rx(rf"{L}(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|"
         rf"tomorrow|tonight)(?:\s+(?P<part>{PART_EN}))?{R}"), h_relday),
    (_rx(rf"{L}(?P<det>this|last|next|the\s+previous|the\s+following|the\s+next|the\s+past|"
         rf"the\s+last|the\s+coming|earlier\s+this|later\s+this)\s+(?P<u>{PART_EN}|week|month|year|weekend|"
         rf"decade|century|quarter|summer|winter|spring|autumn|fall){R}"), h_this),
    (_rx(rf"{L}(?:(?P<hedge>{HEDGE_EN})\s+)?(?P<n>{NUM_EN})\s+(?P<u>{UNIT_EN})\s+ago(?P<today>\s+today)?{R}"),
     h_ago),
    (_rx(rf"{L}(?P<edge>early|late|mid-|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
         rf"the\s+middle\s+of|the\s+turn\s+of|end\s+of|beginning\s+of|start\s+of)\s*"
         rf"(?:(?P<rel>this|next|last|the)\s+)?(?P<u>month|year|week|decade|century|summer|"
         rf"winter|spring|autumn|fall|{MON_EN_FULL}|{YEAR4})(?:\s+(?P<y>{YEAR4}))?{R}"), h_edge),
    (_rx(rf"{L}(?:(?P<det>this|last|next|the)\s+|(?P<pre>in|during)\s+(?:the\s+)?)?"
         rf"(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR4}))?(?P<rel>){R}"),
     h_season),
    (_rx(rf"{L}(?:(?P<det>this|last|next|on|by|until|since|from)\s+)?(?P<wd>{WD_EN})"
         rf"(?:\s+(?P<part>{PART_EN}))?(?P<rel>){R}"), h_weekday),
    (_rx(rf"{L}(?:(?P<det>the)\s+)(?P<ord>first|second|third|fourth|last)\s+(?P<wd>{WD_EN})\s+"
         rf"(?:of|in)\s+(?P<p>{MON_EN_FULL}|spring|summer|autumn|fall|winter)(?:\s+(?P<y>{YEAR4}))?{R}"),
     h_nth_weekday),
    (_rx(rf"{L}(?P<det>)(?P<w>the\s+day\s+before|the\s+day\s+after|the\s+next\s+day|"
         rf"the\s+following\s+day|the\s+same\s+day|the\s+previous\s+day|that\s+day|"
         rf"the\s+night\s+before|the\s+eve){R}"), h_prevrel),
    (_rx(r"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap])(?:\.\s?m\.|\s?m)(?![\w])"),
     h_ampm),
    (_rx(r"(?<![\w:.])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:])"), h_clock_en),
    (_rx(rf"{L}(?P<pre>at|by|until|before|after|around|about|from|since|till)\s+(?P<w>noon|midnight){R}",
         0), h_noon),
    (_rx(rf"{L}(?P<q>(?:the|over\s+the)\s+(?:past|last|next|coming|previous|following)\s+)?"
         rf"(?:(?P<hedge>{HEDGE_EN})\s+)?(?P<n>{NUM_EN})[\s-]+"
         rf"(?:(?P<adj>full|whole|entire|long|straight|consecutive)\s+)?(?P<u>{UNIT_EN})"
         rf"(?P<half>\s+and\s+a\s+half)?(?:\s+and\s+(?P<n2>{NUM_EN})\s+(?P<u2>{UNIT_EN}))?{R}"), h_duration),
    (_rx(rf"{L}half\s+an?\s+(?P<u>hour|day|century|decade|year){R}"), h_half),
    (_rx(rf"{L}(?P<w>now|currently|nowadays|recently|at\s+present|the\s+future|the\s+past){R}"),
     h_ref),
    (_rx(rf"{L}(?:(?:every|each)\s+(?:(?P<n>\d+|other)\s+)?(?P<u>years?|months?|weeks?|days?|"
         rf"hours?|mornings?|nights?|evenings?|weekends?|{WD_EN})|annually|yearly){R}"), h_set),
    (_rx(rf"{L}per\s+(?P<u>year|month|week|day|hour)(?P<n>){R}"), h_set),
    (_rx(rf"{L}(?P<det>(?:[Tt]his|[Ll]ast|[Nn]ext)\s+(?=[A-Z]))?(?P<h>Christmas\s+Day|Christmas\s+Eve|"
         rf"Christmas|New\s+Year{A}s\s+Day|New\s+Year{A}s\s+Eve|Easter|Remembrance\s+Day|"
         rf"Armistice\s+Day|Canada\s+Day|Boxing\s+Day|Good\s+Friday|Halloween|"
         rf"Valentine{A}s\s+Day){R}", 0),
     h_holiday),
    (_rx(rf"{L}(?:(?P<hedge>many|several|some|a\s+few|a\s+couple\s+of)\s+)?(?P<u>decades|years|"
         rf"months|weeks|days|centuries)\s+ago{R}"),
     lambda m, t, lang: [Cand(m.start(), m.end(), "DATE", "abs", value="PAST_REF")]),
    (_rx(rf"{L}(?P<det>that|the\s+same|that\s+same)\s+(?P<part>{PART_EN}){R}"), h_that_part),
    # "the next morning", "the following evening", "the previous night": a day on from the last
    (_rx(rf"{L}the\s+(?P<rel>next|following|previous)\s+(?P<part>{PART_EN}){R}"),
     lambda m, t, lang: [Cand(m.start(), m.end(), "TIME", "prev",
                              off=-1 if m.group("rel").lower() == "previous" else 1,
                              part="T" + PARTS[m.group("part").lower()])]),
    # "over the weekend", "at the weekend": the one just gone in a past clause, else this one
    (_rx(rf"(?<![\w])(?:over|during|at|on)\s+(?P<w>the\s+weekend){R}"),
     lambda m, t, lang: [Cand(m.start("w"), m.end("w"), "DATE", "rel", off=0, unit="WE")]),
    (_rx(rf"{L}(?P<n>{NUM_EN})\s+(?P<u>years|year|months|month|weeks|week|days|day)\s+"
         rf"(?P<dir>earlier|later){R}(?!\s+than)"), h_shift),
    (_rx(rf"{L}(?:(?P<for>for)|over|in)\s+(?P<span>(?:many\s+|recent\s+)?(?P<u>weeks|months|years|"
         rf"decades|days|hours)){R}(?!\s+(?:ago|earlier|later|old|of)\b)"
         rf"(?(for)|(?!\s+(?:before|after)\b))(?!-)"),
     h_vague_duration),
    (_rx(rf"{L}(?P<span>another\s+(?P<u>year|month|week|day|decade|hour)){R}(?!-)"),
     h_another),
    # "in the coming days", "over the past few weeks": an unspecified number of units, as
    # "les prochains jours", "ces dernières semaines" in French
    (_rx(rf"{L}(?P<span>the\s+(?:coming|next\s+few|past\s+few|last\s+few|few\s+)\s*"
         rf"(?P<u>days|weeks|months|years|decades)){R}(?!\s+(?:ago|earlier|later|before|after)\b)"),
     h_vague_duration),
    (_rx(rf"{L}(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(?P<u>year|month|week){R}(?!-)"),
     h_anaphor_unit),
    # "the third quarter of 2024", "the second half of 2025", "Q3 2025", "H1 2024"
    (_rx(rf"{L}(?:(?P<det>the)\s+)?(?P<ord>first|second|third|fourth)\s+(?P<u>quarter|half)"
         rf"(?:\s+(?:of\s+)?(?P<y>{YEAR4}))?{R}(?!\s+(?:of\s+)?(?:the|a|an|this|that|its|his|her|"
         rf"their|our|century|decade|[A-Z]))(?P<ord2>)", 0), h_quarter_en),
    (_rx(rf"{L}(?P<ord2>[QH][1-4])\s+(?P<y2>{YEAR4}){R}", 0), h_quarter_en),
    # "1998-2004", "the 2019/2020 season": two years, as in French ("2015-16" is left out)
    (_rx(r"(?P<y1>(?:1(?<![\w/.,-]1)[89]|2(?<![\w/.,-]2)0)\d\d)\s?[-–/]\s?(?P<y2>(?:1[89]|20)\d\d|\d\d)"
         r"(?![\w/-]|[.,]\d)"), h_year_range),
]


def h_decade_en(m: re.Match[str]) -> list[Cand] | None:
    y = m.group("y4") or ("19" + m.group("y2"))
    return [Cand(m.start(), m.end(), "DATE", "abs", value=y[:3] + "X")]


_EDGE_KEYS_EN = ("early", "late", "mid", "end of", "beginning of", "start of", "middle of",
                 "turn of")


class _Words(frozenset):
    """Anchor words of a rule (lower case, whole [a-zà-ÿ]+ tokens): the rule runs only when one
    occurs in the text, and only in a window around each occurrence (see _RuleSet)."""


# Every match of an anchored rule contains (or, for h_list, is followed within the window by) one
# of these tokens, written exactly as the rule's alternation allows (IGNORECASE: lower-cased).
_MONTHS_FR = _Words(month_numbers("fr", abbreviations=True))  # as MON_FR_FULL / MON_FR_ABBR allow
_MONTHS_EN = _Words(month_numbers("en", abbreviations=True))
_WEEKDAYS_FR = _Words(weekday_numbers("fr"))
_WEEKDAYS_EN = _Words(weekday_numbers("en"))
_UNITS_FR = _Words(
    "années annees année annee ans an mois semaines semaine journées journees journée journee "
    "jours jour heures heure minutes minute secondes seconde décennies decennies décennie "
    "decennie siècles siecles siècle siecle trimestres trimestre semestres semestre nuits nuit "
    "week".split())  # "week-end(s)": the token before the hyphen
_UNITS_EN = _Words(
    "years year months month weeks week days day hours hour minutes minute seconds second "
    "decades decade centuries century quarters quarter nights night weekends weekend".split())
# Prefilters, in rule order: (substrings one of which must occur in the lower-cased text,
# needs a digit). A rule whose prefilter fails is not run: most rules never fire in a paragraph.
_KEYS_FR: list[tuple[tuple[str, ...] | _Words, bool]] = [
    (_MONTHS_FR, True), (_MONTHS_FR, True), (_MONTHS_FR, True), (("/", "."), True),
    (("-",), True), (_MONTHS_FR, True), (_MONTHS_FR, False), ((), True), ((), True),
    (("année", "annee"), True), (("siècle", "siecle"), False), (("hier", "demain", "aujourd"), False),
    (("ce ", "cet ", "cette "), False), (("dern", "pass", "proch", "préc", "prec", "suiv", "apr", "avant"), False),
    (("trimestre", "semestre"), False),
    (("il y a",), False), (("fin", "début", "debut", "milieu", "mi-"), False),
    (("fin", "début", "debut", "milieu", "mi-"), True),
    (("printemps", "été", "ete", "automne", "hiver"), False), (_WEEKDAYS_FR, False),
    (_WEEKDAYS_FR, False),
    (("lendemain", "veille", "même jour", "meme jour"), False), (("lendemain",), False),
    (("même", "meme"), False), (("h",), True), (("heure",), False), (("midi", "minuit"), False),
    (_UNITS_FR, False), (("dern", "proch"), False), (("demi-",), False), (("quinquennat", "septennat"), False),
    (("maintenant", "actuel", "désormais", "desormais", "dorénavant", "dorenavant", "pour l",
      "pour le moment", "présent", "present", "avenir", "auparavant", "récemment", "recemment",
      "autrefois", "jadis", "naguère", "naguere"), False),
    (("chaque", "tous les", "toutes les", "annuel", "quotidiennement", "mensuellement",
      "hebdomadairement"), False),
    (("noël", "noel", "pâques", "paques", "pentec", "ascension", "toussaint", "sylvestre",
      "nouvel an", "jour de l"), False),
    (_Words({"nuit", "soir", "soirée", "soiree", "matin", "matinée", "matinee", "journée",
             "journee", "après", "apres"}), False), (("-", "/", "–"), True),
    (_MONTHS_FR, False), (("année", "annee"), True), (("ici",), False),
    (("même", "meme"), False), (("actuel", "futur"), False), (("ce jour", "cette journ"), False),
    (("-là", "-la"), False),
    (("nos jours", "actuelle", "ce moment", "ce jour"), False),
    (("dern",), False),
    (("pendant", "depuis", "durant"), False),
    (("à venir", "a venir"), False),
    (("coul", "achève", "acheve", "termine"), False),
    (("par ",), False),
]
_KEYS_EN: list[tuple[tuple[str, ...] | _Words, bool]] = [
    (_MONTHS_EN, True),
    (_MONTHS_EN, True), (_MONTHS_EN, True), (("/", "."), True), (("-",), True),
    (_MONTHS_EN, True), (_MONTHS_EN, False), ((), True), (("0s",), True),
    (("century",), True), (("yesterday", "today", "tomorrow", "tonight"), False),
    (("this", "last", "next", "previous", "following", "past", "coming"), False),
    (("ago",), False), (_EDGE_KEYS_EN, False),
    (("spring", "summer", "autumn", "fall", "winter"), False), (_WEEKDAYS_EN, False),
    (_WEEKDAYS_EN, False),
    (("the day", "the next day", "following day", "same day", "previous day", "that day",
      "night before", "the eve"), False),
    (("m",), True), ((":",), True), (("noon", "midnight"), False), (_UNITS_EN, False),
    (("half a",), False),
    (("now", "currently", "nowadays", "recently", "present", "future", "the past"), False),
    (("every", "each", "annually", "yearly"), False),
    (("per ",), False),
    (("christmas", "new year", "easter", "remembrance", "armistice", "canada day", "boxing day",
      "good friday", "halloween", "valentine"), False),
    (("ago",), False), (("morning", "afternoon", "evening", "night"), False),
    (("morning", "afternoon", "evening", "night"), False), (("weekend",), False),
    (("earlier", "later"), False),
    (_Words({"weeks", "months", "years", "decades", "days", "hours"}), False), (("another",), False),
    (("coming", "few"), False),
    (_Words({"year", "month", "week"}), False), (("quarter", "half"), False),
    (("q1", "q2", "q3", "q4", "h1", "h2"), True),
    (("-", "/", "–"), True),
]
_DIGIT = re.compile(r"\d")


_TOKEN = re.compile(r"[a-zà-ÿ]+")
# how far before its anchor word a match may start, and after the word end it may reach: more
# than any real match ("ces dernières un peu moins de quatre-vingt-dix-neuf " is 52 chars)
_WIN_BEFORE, _WIN_AFTER = 64, 48
Match = re.Match[str]


class _RuleSet:
    """Rules of one language with a cheap prefilter.

    Most rules: a single alternation of their keywords runs over the lower-cased text and a rule
    runs only when one of its keywords (or a longer keyword containing it) occurs. Anchored
    rules (month, weekday and unit words, the costly ones): the text's words are looked up in
    their word sets, and the rule's regex runs only in a window around each anchor word
    (``_windowed``, same matches as ``finditer`` over the whole text)."""

    def __init__(self, rules: list[tuple[re.Pattern[str], Handler]],
                 keys: list[tuple[tuple[str, ...] | _Words, bool]]) -> None:
        assert len(rules) == len(keys)
        self.rules = rules
        self.digit = [d for _, d in keys]
        self.anchors = {i: k for i, (k, _) in enumerate(keys) if isinstance(k, _Words)}
        self.always = [i for i, (k, _) in enumerate(keys) if not k]
        sub = [(i, k) for i, (k, _) in enumerate(keys) if k and not isinstance(k, _Words)]
        # one-character keys occur in nearly every text: a plain `in` test is cheaper for them
        self.char_keys = {k: [i for i, ks in sub if k in ks] for _, ks in sub for k in ks
                          if len(k) == 1}
        all_keys = sorted({k for _, ks in sub for k in ks if len(k) > 1}, key=len, reverse=True)
        self.trigger = re.compile("|".join(re.escape(k) for k in all_keys))
        self.by_key = {big: [i for i, ks in sub if any(k in big for k in ks)] for big in all_keys}
        self.anchor_words = frozenset().union(*self.anchors.values())

    def select(self, text: str) -> list[tuple[re.Pattern[str], Handler]]:
        return [self.rules[i] for i, _ in self._select(text, text.lower())]

    def _select(self, text: str, low: str) -> list[tuple[int, frozenset[str] | None]]:
        """(rule index, anchor words present or None for a whole-text rule), in rule order."""
        has_digit = _DIGIT.search(text) is not None
        idx = set(self.always)
        for k in set(self.trigger.findall(low)):
            idx.update(self.by_key[k])
        for k, rules in self.char_keys.items():
            if k in low:
                idx.update(rules)
        present = self.anchor_words.intersection(_TOKEN.findall(low))
        found: dict[int, frozenset[str]] = {}
        if present:
            for i, words in self.anchors.items():
                hit = words & present
                if hit:
                    found[i] = hit
                    idx.add(i)
        return [(i, found.get(i)) for i in sorted(idx) if has_digit or not self.digit[i]]

    def matches(self, text: str) -> list[tuple[re.Pattern[str], Handler, list[Match]]]:
        """The selected rules of ``text`` with their matches (as ``rx.finditer(text)``)."""
        low = text.lower()
        windows_ok = len(low) == len(text)  # lower() may change the length: no windows then
        out = []
        for i, hit in self._select(text, low):
            rx, handler = self.rules[i]
            if hit is None or not windows_ok:
                ms = list(rx.finditer(text))
            else:
                ms = _windowed(rx, text, [m.span() for m in _anchor_rx(hit).finditer(low)])
            if ms:
                out.append((rx, handler, ms))
        return out


@lru_cache(maxsize=2048)
def _anchor_rx(words: frozenset[str]) -> re.Pattern[str]:
    alt = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![a-zà-ÿ])(?:{alt})(?![a-zà-ÿ])")


def _windowed(rx: re.Pattern[str], text: str, anchors: list[tuple[int, int]]) -> list[Match]:
    """``list(rx.finditer(text))`` for a rule whose every match starts at most _WIN_BEFORE
    characters before one of the anchor words and ends at most _WIN_AFTER after it: search
    only there. A match found in the truncated window is re-matched on the whole text at its
    start (a lookahead at the window's end must see the real text)."""
    n = len(text)
    out: list[Match] = []
    pos = 0
    for k, ke in anchors:
        if k < pos:
            continue  # inside the previous match: a next match holds a later anchor
        s0 = max(pos, k - _WIN_BEFORE)
        e0 = min(n, ke + _WIN_AFTER)
        while s0 <= k:
            m = rx.search(text, s0, e0)
            if m is None or m.start() > k:
                break  # a match starting later holds a later anchor
            full = rx.match(text, m.start())
            if full is None:
                s0 = m.start() + 1
                continue
            out.append(full)
            pos = full.end() if full.end() > full.start() else full.end() + 1
            break
    return out


_RULES = {"fr": _RuleSet(_RULES_FR, _KEYS_FR), "en": _RuleSet(_RULES_EN, _KEYS_EN)}


def rules_for(lang: str, text: str | None = None) -> list[tuple[re.Pattern[str], Handler]]:
    """The rules of a language; with text, only those whose prefilter passes on it."""
    rs = _RULES["en" if lang == "en" else "fr"]
    return rs.rules if text is None else rs.select(text)


def rule_matches(lang: str, text: str) -> list[tuple[re.Pattern[str], Handler, list[Match]]]:
    """The rules whose prefilter passes on ``text``, each with its matches in text order."""
    return _RULES["en" if lang == "en" else "fr"].matches(text)


# ---- resolution ---------------------------------------------------------------------------
def _unres(unit: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "WE": "XXXX-WXX-WE",
            "Q": "XXXX-QX", "H": "XXXX-HX", "C": "XX", "DE": "XXX"}.get(unit, "XXXX-XX-XX")


def _shift(ref: dt.date, unit: str, off: int) -> str:
    if unit == "D":
        return (ref + dt.timedelta(days=off)).isoformat()
    if unit == "W":
        return week_value(ref + dt.timedelta(weeks=off))
    if unit == "WE":
        return week_value(ref + dt.timedelta(weeks=off)) + "-WE"
    if unit == "M":
        y, mo = add_months(ref.year, ref.month, off)
        return f"{y:04d}-{mo:02d}"
    if unit == "Y":
        return f"{ref.year + off:04d}"
    if unit == "Q":
        q = (ref.month - 1) // 3 + off
        return f"{ref.year + q // 4:04d}-Q{q % 4 + 1}"
    if unit == "H":
        h = (ref.month - 1) // 6 + off
        return f"{ref.year + h // 2:04d}-H{h % 2 + 1}"
    if unit == "C":
        return f"{ref.year // 100 + off:02d}"
    if unit == "DE":
        return f"{ref.year // 10 + off:03d}X"
    return ref.isoformat()


def _same_sentence_year(c: Cand, ctx: dict[str, Any]) -> int | None:
    """'en 97 (en janvier ..., en octobre ...)': a month or day without a year takes the year
    of the explicit year or month just before it in the same sentence."""
    last = ctx.get("sent_last", {}).get(c.sentence)
    if last is not None and last.data.get("attrib"):
        return None
    if last is not None and last.value and last.type == "DATE" and last.kind in (
            "abs", "year2", "month", "date") and re.fullmatch(r"\d{4}(?:-\d\d)?", last.value):
        if last.kind in ("month", "date") and not (last.data.get("yraw") or last.data.get("yinh")):
            return None
        return int(last.value[:4])
    return None


def _easter_or_fixed(spec: tuple[Any, int], y: int, extra: int) -> dt.date:
    if spec[0] == "E":
        return _easter(y) + dt.timedelta(days=spec[1] + extra)
    return dt.date(y, spec[0], spec[1]) + dt.timedelta(days=extra)


def _resolve_date(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """A day and month ('le 10 août', 'mardi 10 août 2021'): the year written, else the year of
    a date earlier in the sentence, else the one where the weekday agrees, else inferred from
    the reference date and tense."""
    d = c.data
    y = _year(d.get("yraw"), ref)
    yo = d.get("year_of")
    if yo is not None:  # "31 December this year": the year of the expression after it
        yo.sentence, yo.tense = c.sentence, c.tense
        resolve_candidate(yo, ref, ctx)
        if yo.value and re.fullmatch(r"\d{4}", yo.value):
            y = int(yo.value)
    if y is None and d.get("rel") is None:
        y = _same_sentence_year(c, ctx)
        d["yinh"] = y is not None
    if y is None and ref is not None and c.weekday is not None:
        # "mardi 10 août": the year (around the reference date) where the weekday agrees
        fits = [yy for yy in (ref.year, ref.year - 1, ref.year + 1)
                if (x := safe_date(yy, d["m"], d["d"])) and x.weekday() == c.weekday]
        guess = infer_year(d["m"], d["d"], ref, c.tense, d.get("rel"))
        if guess in fits:
            y = guess
        elif fits:
            y = min(fits, key=lambda yy: abs((dt.date(yy, d["m"], d["d"]) - ref).days))
    if y is None:
        if ref is None:
            ok = safe_date(2000, d["m"], d["d"]) is not None
            c.value = f"XXXX-{d['m']:02d}-{d['d']:02d}" if ok else None
            if not ok:
                c.problem = "impossible date"
            return
        y = infer_year(d["m"], d["d"], ref, c.tense, d.get("rel"))
    day = safe_date(y, d["m"], d["d"])
    if day is None:
        c.value, c.problem = None, "impossible date"
        return
    c.value = day.isoformat() + (("T" + d["part"]) if d.get("part") else "")
    return


def _resolve_month(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """A month ('en octobre', 'octobre 2025'): its year as for a date."""
    d = c.data
    y = _year(d.get("yraw"), ref)
    if y is None and ref is not None and d.get("yoff") is not None:
        y = ref.year + d["yoff"]
    if y is None and d.get("rel") is None:
        y = _same_sentence_year(c, ctx)
        d["yinh"] = y is not None
    if y is None:
        if ref is None:
            c.value = f"XXXX-{d['m']:02d}"
            return
        rel = d.get("rel")
        y = ref.year if rel == "this" else infer_year(d["m"], None, ref, c.tense, rel)
    c.value = f"{y:04d}-{d['m']:02d}"
    return


def _resolve_year2(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """A bare year as written ('en 97', '1998'): read by _year against the reference date."""
    d = c.data
    c.value = str(_year(d["yraw"], ref))
    return


def _resolve_weekday(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """A bare weekday ('jeudi', 'said Monday'): the day of that name nearest the reference date
    in the clause's tense; the reference day itself when it has that name, whatever the tense
    ('a annoncé mardi' in Tuesday's paper, 'said Monday' in Monday's: news tell that day's
    events; a week away would be 'mardi dernier', 'next Monday')."""
    d = c.data
    if ref is None:
        c.value = f"XXXX-WXX-{d['wd'] + 1}"
        return
    if d.get("rel") is None and ref.weekday() == d["wd"]:
        day = ref
    else:
        day = resolve_weekday(d["wd"], ref, d.get("rel"), c.tense)
    c.value = day.isoformat() + (d.get("part") or "")
    return


def _resolve_rel(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """A deictic day, week, month or year ('demain', 'la semaine prochaine', 'ce week-end'):
    shifted from the reference date."""
    d = c.data
    unit = d.get("unit", "D")
    if d.get("nowadays"):
        c.type, c.value = "TIME", "PRESENT_REF"  # FTiB: "aujourd'hui" meaning nowadays
        return
    if ref is None:
        c.value = _unres(unit) + (d.get("part") or "")
        return
    off = d.get("off", 0)
    if unit == "WE" and off == 0 and c.tense == "PAST" and ref.weekday() < 5:
        off = -1  # "ce week-end" in a past-tense clause on a weekday: the one just gone
    c.value = _shift(ref, unit, off) + (d.get("part") or "")
    return


def _resolve_shift(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """'two years earlier', 'three days later': counted from the previous date mentioned."""
    d = c.data
    base = ctx.get("prev_value")
    unit, n = d["unit"], d["n"]
    if base is None:
        c.value = _unres(unit)
        return
    if unit == "Y":
        c.value = f"{int(base[:4]) + n:04d}"
    elif unit == "M" and len(base) >= 7:
        y, mo = add_months(int(base[:4]), int(base[5:7]), n)
        c.value = f"{y:04d}-{mo:02d}"
    elif unit in ("D", "W") and len(base) >= 10:
        day = dt.date.fromisoformat(base[:10]) + dt.timedelta(days=n * (7 if unit == "W" else 1))
        c.value = day.isoformat() if unit == "D" else week_value(day)
    else:
        c.value = _unres(unit)
    return


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_V_BASE = re.compile(r"(\d{4})-(?:(\d\d)|(SP|SU|FA|WI))")


def _base_month(value: str | None) -> tuple[int, int] | None:
    """(year, month) of a value with a month or a season ('2024-03-05', '2024-03', '2024-SP')."""
    m = _V_BASE.match(value or "")
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else _SEASON_START[m.group(3)]


def _resolve_nth_weekday(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """The n-th (or last) weekday of a month or from a season's first day."""
    d = c.data
    y = _year(d.get("yraw"), ref)
    if d["m"]:
        first_month, first_day = d["m"], 1
    else:
        first_month, first_day = _SEASON_FIRST_DAY[d["season"]]
    if y is None:
        if ref is None:
            c.value = None
            return
        y = infer_year(first_month, None, ref, c.tense, None)
    if d["n"] > 0:
        day = dt.date(y, first_month, first_day)
        day += dt.timedelta(days=(d["wd"] - day.weekday()) % 7 + 7 * (d["n"] - 1))
        if d["m"] and day.month != d["m"]:
            c.value = None
            return
    else:
        if not d["m"]:
            c.value = None
            return
        y2, m2 = add_months(y, d["m"], 1)
        day = dt.date(y2, m2, 1) - dt.timedelta(days=1)
        day -= dt.timedelta(days=(day.weekday() - d["wd"]) % 7)
    c.value = day.isoformat()


def _resolve_quarter(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """A quarter or half-year: its year as written, else the year of a date earlier in the
    sentence, else from the reference date and the tense (as a month would be)."""
    d = c.data
    tag = ("H" if d["half"] else "Q") + str(d["n"])
    y = _year(d.get("yraw"), ref)
    if y is None:
        y = _same_sentence_year(c, ctx)
    if y is None:
        if ref is None:
            c.value = f"XXXX-{tag}"
            return
        first = (d["n"] - 1) * (6 if d["half"] else 3) + 1
        last = first + (5 if d["half"] else 2)
        if c.tense == "PAST":  # a quarter not over yet is last year's
            y = ref.year - 1 if last >= ref.month else ref.year
        elif c.tense == "FUTURE":
            y = ref.year + 1 if last < ref.month else ref.year
        else:
            y = ref.year
    c.value = f"{y:04d}-{tag}"


def _resolve_season_prev(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """'l'automne suivant', 'l'hiver précédent': the season after (before) the date last
    mentioned ('au printemps 2024, puis à l'automne suivant' -> 2024-FA), else the reference
    date's."""
    d = c.data
    season, off = d["season"], d["off"]
    base = _base_month(ctx.get("prev_value"))
    if base is None:
        if ref is None:
            c.value = f"XXXX-{season}"
            return
        base = (ref.year, ref.month)
    y, mo = base
    start = _SEASON_START[season]
    if off > 0:
        y = y if start > mo else y + 1
    else:
        y = y if start < mo else y - 1
    c.value = f"{y:04d}-{season}"


def _resolve_prev(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """A day relative to the previous day mentioned ('le lendemain', 'the same day'), else to
    the reference date. A month or a year ('l'année suivante', 'le mois précédent') counts
    from the last date mentioned with that precision ('en 2019. L'année suivante' -> 2020);
    ``or_ref`` ('cette journée', 'en ce jour de fête'): the reference day when no day was
    mentioned before."""
    d = c.data
    base = ctx.get("prev_day")
    unit = d.get("unit", "D")
    pv = ctx.get("prev_value")
    if unit in ("Y", "M") and pv and (unit == "Y" or re.match(r"\d{4}-\d\d(?!\d)", pv)) \
            and re.match(r"\d{4}", pv):
        y, mo = int(pv[:4]), int(pv[5:7]) if unit == "M" else 1
        c.value = _shift(dt.date(y, mo, 1), unit, d.get("off", 0))
        return
    if base is None and d.get("or_ref") and ref is not None:
        base = ref.isoformat()
    if base is None:
        if unit != "D" and ref is not None:
            c.value = _shift(ref, unit, d.get("off", 0))
        else:
            c.value = _unres(unit) + (d.get("part") or "")
        return
    c.value = _shift(dt.date.fromisoformat(base), unit, d.get("off", 0)) + (d.get("part") or "")
    return


def _resolve_anch_day(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """'au lendemain de <event>', 'the day after <event>' (anchored to an event): the last day
    mentioned in the same sentence, else an unknown day."""
    d = c.data
    of = d.get("of")
    if of is not None:  # "la veille du 14 juillet", "the day after Christmas": that date's
        of.sentence, of.tense = c.sentence, c.tense  # neighbour (see join_day_of)
        resolve_candidate(of, ref, ctx)
        day = of.value[:10] if of.value and re.fullmatch(r"\d{4}-\d\d-\d\d", of.value[:10]) \
            else None
        c.value = (_shift(dt.date.fromisoformat(day), "D", d.get("off", 0)) if day
                   else "XXXX-XX-XX") + (d.get("part") or "")
        return
    dates = ctx.get("sent_dates", {}).get(c.sentence)
    c.value = (dates[-1].value[:10] if dates else "XXXX-XX-XX") + (d.get("part") or "")
    return


def join_day_of(kept: list[Cand], text: str) -> list[Cand]:
    """'la veille du Nouvel An', 'le lendemain du 14 juillet', 'the day after Christmas Day':
    the day before (after) a date written right after it, one expression (its value from that
    date's); 'à la veille du scrutin' stays anchored on the event."""
    out: list[Cand] = []
    skip_next = False
    for i, c in enumerate(kept):
        if skip_next:
            skip_next = False
            continue
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is not None and c.kind in ("anch_day", "prev") and c.data.get("off") \
                and c.data.get("unit", "D") == "D" and nxt.type == "DATE" \
                and nxt.kind not in DATED_KINDS \
                and (_DAY_OF_GAP.fullmatch(text, c.end, nxt.start) or (
                    text[c.start:c.end].lower().endswith(("after", "before"))
                    and not text[c.end:nxt.start].strip())):
            c.end = nxt.end
            c.kind = "anch_day"
            c.data["of"] = nxt
            c.anchor = None
            skip_next = True
        elif nxt is not None and c.kind == "date" and not c.data.get("yraw") \
                and not c.data.get("rel") and nxt.kind == "rel" and nxt.data.get("unit") == "Y" \
                and _YEAR_OF_GAP.fullmatch(text, c.end, nxt.start):
            # "31 December this year", "le 15 mars de l'année prochaine": that year's day
            c.end = nxt.end
            c.data["year_of"] = nxt
            skip_next = True
        elif nxt is not None and c.kind in ("date", "weekday", "rel") and c.type == "DATE" \
                and nxt.kind == "part" and nxt.data.get("part") \
                and _PART_OF_GAP.fullmatch(text, c.end, nxt.start):
            # "mercredi 11 septembre au matin", "hier dans la soirée": a part of that day
            c.end = nxt.end
            c.type = "TIME"
            c.data["then_part"] = nxt.data["part"]
            skip_next = True
        out.append(c)
    return out


_YEAR_OF_GAP = re.compile(r"\s+(?:de\s+)?", I)
_PART_OF_GAP = re.compile(r",?\s+(?:au|en|dans)\s+", I)


# between "la veille", "the day after" and the date it counts from
_DAY_OF_GAP = re.compile(r"\s+(?:du|de\s+la|de\s+l['’]|de|of)\s+|\s+d['’]\s*|\s+de\s+l['’]\s*", I)


DATED_KINDS = frozenset({"time", "part"})  # take the date in force (see _resolve_time)


def _time_suffix(c: Cand) -> str:
    d = c.data
    return d["part"] if c.kind == "part" else f"T{d['h']:02d}:{d['mi']:02d}"


def _resolve_time(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """A clock time ('à 15 h 45') or a part of the day ('dans la soirée'): on the date in
    force, the last day mentioned before it in its sentence, else in its paragraph, else the
    last day of an earlier paragraph when the time's tense agrees with it, else the
    reference date (marked ``undated``: a date right after it in the sentence may still claim
    it, see ``rebase``)."""
    dates = ctx.get("sent_dates", {}).get(c.sentence)
    if dates:
        base = dates[-1].value[:10]
    else:
        c.data["undated"] = True
        if ctx.get("para_day"):
            base = ctx["para_day"]
        elif (day := ctx.get("prev_day")) and ref is not None and _day_still_in_force(day, c.tense, ref):
            base = day
        elif ref is not None:
            base = ref.isoformat()
        else:
            base = "XXXX-XX-XX"
    c.value = base + _time_suffix(c)


def _day_still_in_force(day: str, tense: str | None, ref: dt.date) -> bool:
    """Does the last day written in an earlier paragraph still date a clock time ("Le 29
    juillet, vers 4 h 11, ...\nVers 7 h, la police a été informée ...", "DATE : le mercredi 4
    février\nHEURE : 17 h 45")? Yes when the time's clause agrees with it: no verb, a past
    clause and a day not after the reference date, a future clause and a day not before it."""
    ref_day = ref.isoformat()
    return tense is None or tense == "PAST" and day <= ref_day or tense == "FUTURE" and day >= ref_day


def rebase(c: Cand, day: str) -> None:
    """A time or part of the day moved to the day of the date written right after it."""
    c.value = day + _time_suffix(c)


def _resolve_ago(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """'il y a trois ans', 'two weeks ago': counted back from the reference date."""
    d = c.data
    n = d.get("n")
    if d.get("is_time"):
        c.type = "TIME"
        c.value = (ref.isoformat() if ref else "XXXX-XX-XX") + "TXX:XX"
        return
    if ref is None or n is None or n != int(n):
        c.value = _unres(d["des"] if d["des"] in ("Y", "M", "W") else "D")
        if d.get("vague_ref") and (n is None or n != int(n)):
            c.value = "PAST_REF"
        return
    n = int(n)
    des = d["des"]
    if d.get("day") and des in ("Y", "M"):
        # "a year ago today": that day, so many years or months back
        y, mo = add_months(ref.year, ref.month, -n * (12 if des == "Y" else 1))
        c.value = dt.date(y, mo, min(ref.day, calendar.monthrange(y, mo)[1])).isoformat()
    elif des == "Y":
        c.value = f"{ref.year - n:04d}"
    elif des == "M":
        y, mo = add_months(ref.year, ref.month, -n)
        c.value = f"{y:04d}-{mo:02d}"
    elif des == "W":
        c.value = week_value(ref - dt.timedelta(weeks=n))
    else:
        c.value = (ref - dt.timedelta(days=n)).isoformat()
    return


def _resolve_season(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """A season ('cet été', 'last winter'): its year from the reference date and, in English,
    the tense."""
    d = c.data
    if (d.get("generic") and c.tense is None) or ref is None:
        c.value = f"XXXX-{d['season']}"
        return
    rel = d.get("rel")
    if rel is None and d.get("lang") == "en":
        rel = {"PAST": "last", "FUTURE": "next"}.get(c.tense or "")
    c.value = f"{season_year(d['season'], ref, rel):04d}-{d['season']}"
    return


def _resolve_holiday(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """A holiday ('Pâques', 'Noël', 'Pentecôte'): the occurrence nearest the reference date,
    the last one in the past tense, the next one in the future tense."""
    d = c.data
    if ref is None:
        c.value = None
        return
    cands = [_easter_or_fixed(d["spec"], y, d.get("extra", 0))
             for y in (ref.year - 1, ref.year, ref.year + 1)]
    rel = d.get("rel")
    if rel == "this":  # "this Remembrance Day": the reference year's
        pick = cands[1]
    elif c.tense == "PAST" or rel == "last":
        pick = max(x for x in cands if x <= ref)
    elif c.tense == "FUTURE" or rel == "next":
        pick = min(x for x in cands if x >= ref)
    else:
        pick = min(cands, key=lambda x: abs((x - ref).days))
    c.value = pick.isoformat()
    return


def _resolve_ended_year(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """'l'année écoulée', 'l'année qui s'achève': the year just ended, or ending when the
    paper is of December (a year-end message)."""
    if ref is None:
        c.value = "XXXX"
        return
    c.value = f"{ref.year if ref.month == 12 else ref.year - 1:04d}"


def _resolve_same_period(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """'à la même époque (de l'an dernier)': the reference date's month, a year before."""
    c.value = f"{ref.year - 1:04d}-{ref.month:02d}" if ref is not None else "XXXX-XX"


def _resolve_anaphor(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """'later that month', 'that year': the month, year or week of the last date mentioned
    (of the reference date when none was)."""
    unit = c.data["unit"]
    base = ctx.get("prev_value")
    if unit == "Y" and base:
        c.value = base[:4]
    elif unit == "M" and base and re.match(r"\d{4}-\d{2}", base):
        c.value = base[:7]
    elif unit == "W" and base and re.match(r"\d{4}-\d{2}-\d{2}", base):
        c.value = week_value(dt.date.fromisoformat(base[:10]))
    elif ref is not None:
        c.value = _shift(ref, unit, 0)
    else:
        c.value = _unres(unit)


_RESOLVERS: dict[str, Callable[[Cand, dt.date | None, dict[str, Any]], None]] = {
    "date": _resolve_date,
    "month": _resolve_month,
    "year2": _resolve_year2,
    "weekday": _resolve_weekday,
    "rel": _resolve_rel,
    "shift": _resolve_shift,
    "prev": _resolve_prev,
    "anch_day": _resolve_anch_day,
    "quarter": _resolve_quarter,
    "nth_wd": _resolve_nth_weekday,
    "season_prev": _resolve_season_prev,
    "time": _resolve_time,
    "part": _resolve_time,
    "ago": _resolve_ago,
    "season": _resolve_season,
    "holiday": _resolve_holiday,
    "same_period": _resolve_same_period,
    "ended_year": _resolve_ended_year,
    "anaph": _resolve_anaphor,
}


def resolve_candidate(c: Cand, ref: dt.date | None, ctx: dict[str, Any]) -> None:
    """Set the value of a candidate (and its problem, when it has none) from the reference
    date `ref` and the document context `ctx` (previous values, dates of each sentence); one
    resolver per kind of candidate. Absolute candidates ("abs") carry their value already."""
    resolve = _RESOLVERS.get(c.kind)
    if resolve is not None:
        resolve(c, ref, ctx)
    part = c.data.get("then_part")
    if part and c.value and re.fullmatch(r"\d{4}-\d\d-\d\d", c.value):
        c.value += part  # "mercredi 11 septembre au matin" (see join_day_of)
