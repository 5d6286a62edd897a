"""Month and weekday names, one table per language: every module that reads or writes them
(temporal extraction, facts, datelines at ingestion, the calendar and knowledge checks) builds
its own look-ups and regex fragments from these tables. Pure data and small helpers."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable

MONTHS: dict[str, tuple[str, ...]] = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}
# Abbreviations as news text writes them (usually followed by a period).
MONTH_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "fr": ("janv", "févr", "fév", "avr", "juill", "juil", "sept", "oct", "nov", "déc"),
    "en": ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"),
}
# Monday first: index = datetime.date.weekday().
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
WEEKDAY_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "fr": (),
    "en": ("Mon", "Tues", "Tue", "Wed", "Thurs", "Thur", "Thu", "Fri", "Sat", "Sun"),
}
LANGUAGES = ("fr", "en")


def unaccented(word: str) -> str:
    """`word` without diacritics ("décembre" -> "decembre")."""
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def month_name(month: int, lang: str = "en") -> str:
    """The name of month 1-12 ("October"; "octobre" in French)."""
    return MONTHS[lang][month - 1]


def weekday_name(weekday: int, lang: str = "en") -> str:
    """The name of weekday 0-6, Monday first ("Thursday"; "jeudi" in French)."""
    return WEEKDAYS[lang][weekday]


def _month_of_abbreviation(abbr: str, lang: str) -> int:
    key = unaccented(abbr.lower())
    hits = [i for i, m in enumerate(MONTHS[lang], 1) if unaccented(m.lower()).startswith(key)]
    if len(hits) != 1:
        raise ValueError(f"abbreviation {abbr!r} names {len(hits)} months")
    return hits[0]


def month_numbers(lang: str, *, abbreviations: bool = False) -> dict[str, int]:
    """Lower-case spellings of the month names of `lang` -> 1-12: each name and its unaccented
    spelling ("décembre", "decembre"), with the abbreviations too when asked ("déc", "dec")."""
    out: dict[str, int] = {}
    for i, name in enumerate(MONTHS[lang], 1):
        for w in (name.lower(), unaccented(name.lower())):
            out.setdefault(w, i)
    if abbreviations:
        for abbr in MONTH_ABBREVIATIONS[lang]:
            i = _month_of_abbreviation(abbr, lang)
            for w in (abbr.lower(), unaccented(abbr.lower())):
                out.setdefault(w, i)
    return out


def weekday_numbers(lang: str) -> dict[str, int]:
    """Lower-case weekday names of `lang` -> 0-6 (Monday = 0)."""
    return {name.lower(): i for i, name in enumerate(WEEKDAYS[lang])}


_LOOSE = {"é": "[ée]", "è": "[èe]", "û": "[uû]"}


def alternation(words: Iterable[str], *, loose_accents: bool = False) -> str:
    """A regex group matching any of `words`, in order; with `loose_accents`, an accented
    letter also matches its plain form ("f[ée]vrier")."""
    if loose_accents:
        words = ("".join(_LOOSE.get(ch, ch) for ch in w) for w in words)
    return "(?:" + "|".join(words) + ")"
