"""Number words (French and English) for temporal expressions.

Only ever applied to a span already matched by a regex (never to a whole text, which would
shift offsets). A small table covers the frequent words; text2num handles compounds
("vingt et un", "quatre-vingt-dix", "twenty-one"). Approximate collective nouns ("une dizaine",
"a dozen") return their nominal value with ``approximate=True``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

try:  # text2num is a declared dependency; the table alone still covers the common words
    from text_to_num import text2num as _text2num
except ImportError:  # pragma: no cover
    _text2num = None


class Number(NamedTuple):
    value: float | None  # None: a quantity with no value ("plusieurs", "several")
    approximate: bool


_FR_UNITS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "soixante-dix": 70,
    "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90, "cent": 100, "mille": 1000,
}
_EN_UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}
# approximate collective nouns: "une dizaine (de)", "a dozen", "a couple of"
_FR_APPROX = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
}
_EN_APPROX = {"dozen": 12, "couple": 2, "score": 20}
_VAGUE = {"plusieurs", "quelques", "several", "few", "a few", "many", "some", "des", "de nombreuses",
          "de nombreux", "nombreuses", "nombreux", "certain", "certaines"}
_HALF = {"demi": 0.5, "half": 0.5}

# regex alternations usable inside bigger patterns (longest first)
_FR_WORDS = sorted(set(_FR_UNITS) - {"un", "une"}, key=len, reverse=True)
_EN_WORDS = sorted(set(_EN_UNITS) - {"a", "an"}, key=len, reverse=True)
_FRW = "|".join(_FR_WORDS)
_ENW = "|".join(_EN_WORDS)
FR_NUMBER_WORDS = rf"(?:(?:{_FRW})(?:(?:-et-|\s+et\s+|-|\s+)(?:{_FRW}|un|une))*)"
EN_NUMBER_WORDS = rf"(?:(?:{_ENW})(?:(?:-|\s+and\s+|\s+)(?:{_ENW}))*)"
FR_APPROX_WORDS = "|".join(sorted(_FR_APPROX, key=len, reverse=True))


@lru_cache(maxsize=4096)
def parse_number(span: str, lang: str = "fr") -> Number | None:
    """Value of a number written in digits or words ("8", "huit", "vingt et un", "1,5",
    "une dizaine", "a dozen", "plusieurs"); None when the span is not a number."""
    s = " ".join(span.lower().replace("\u2019", "'").split())
    if not s:
        return None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", s):
        return Number(float(s.replace(",", ".")), False)
    if s in _VAGUE:
        return Number(None, True)
    m = re.fullmatch(r"(?:une?|a)\s+(\w+)", s)
    if m and (m.group(1) in _FR_APPROX or m.group(1) in _EN_APPROX):
        return Number(float(_FR_APPROX.get(m.group(1)) or _EN_APPROX[m.group(1)]), True)
    if s in _HALF or s in ("un demi", "une demie", "une demi", "a half", "half a"):
        return Number(0.5, False)
    table = _FR_UNITS if lang == "fr" else _EN_UNITS
    if s in table:
        return Number(float(table[s]), False)
    if _text2num is not None:
        try:
            return Number(float(_text2num(s, "fr" if lang == "fr" else "en")), False)
        except (ValueError, TypeError, KeyError, AttributeError):
            pass
        try:  # the other language: mixed texts, English quotes in French articles
            return Number(float(_text2num(s, "en" if lang == "fr" else "fr")), False)
        except (ValueError, TypeError, KeyError, AttributeError):
            pass
    return None


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "M": 1000}


def roman_to_int(s: str) -> int | None:
    """XXI -> 21; None when not a roman numeral."""
    s = s.upper()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


# --------------------------------------------------------------------------------------------
# Numbers written out (the inverse, for suggestions: "neuf ans", "nine years")
# --------------------------------------------------------------------------------------------

_FR_SAY = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
           "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
           "dix-neuf"]
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
_EN_SAY = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
           "eighteen", "nineteen"]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _fr_below_100(n: int, feminine: bool) -> str:
    unit = "une" if feminine else "un"
    if n < 20:
        return unit if n == 1 else _FR_SAY[n]
    tens, ones = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix..., quatre-vingt-dix...
        head = "soixante" if tens == 7 else "quatre-vingt"
        rest = 10 + ones
        if tens == 7 and ones == 1:
            return "soixante et onze"
        return f"{head}-{_FR_SAY[rest]}"
    if tens == 8:
        return "quatre-vingts" if ones == 0 else f"quatre-vingt-{unit if ones == 1 else _FR_SAY[ones]}"
    if ones == 0:
        return _FR_TENS[tens]
    if ones == 1:
        return f"{_FR_TENS[tens]} et {unit}"
    return f"{_FR_TENS[tens]}-{_FR_SAY[ones]}"


def say_number(n: int, lang: str = "en", *, feminine: bool = False) -> str:
    """A whole number from 0 to 999 in words ("neuf", "vingt et un", "quatre-vingts"; "nine",
    "twenty-one"), in digits beyond; `feminine` for French nouns such as "année"."""
    if n < 0 or n > 999:
        return str(n)
    if lang == "fr":
        hundreds, rest = divmod(n, 100)
        if not hundreds:
            return _fr_below_100(rest, feminine)
        head = "cent" if hundreds == 1 else f"{_FR_SAY[hundreds]} cent{'s' if rest == 0 else ''}"
        return head if rest == 0 else f"{head} {_fr_below_100(rest, feminine)}"
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    low = (_EN_SAY[rest] if rest < 20 else
           _EN_TENS[tens] + (f"-{_EN_SAY[ones]}" if ones else ""))
    if not hundreds:
        return low
    return f"{_EN_SAY[hundreds]} hundred" + (f" and {low}" if rest else "")
