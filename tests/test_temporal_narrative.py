"""Temporal expressions in running news narrative (issue 12, the dates part): a weekday that is
the publication's own day, clock times and parts of the day on the date in force, French
expressions the grammar used to miss, and the calendar check's "resolved" (a value the check
computed itself is not evidence). Sentences written for these tests, in the style of news
reports; PUB is a Thursday."""
from __future__ import annotations

import datetime as dt

import pytest

from verifier.extract.temporal import extract_temporal

PUB = dt.date(2025, 10, 16)  # a Thursday


def _got(text: str, lang: str = "fr", published: dt.date = PUB) -> list[tuple[str, str, str | None]]:
    out = extract_temporal(text, lang=lang, published=published)
    for t in out:
        assert text[t.start:t.end] == t.text
    return [(t.text, t.timex_type, t.value) for t in out]


# ---- a bare weekday that is the publication's weekday is that same day ---------------------
@pytest.mark.parametrize("text, expected", [
    ("Le Premier ministre a reçu jeudi les représentants des agriculteurs.",
     [("jeudi", "DATE", "2025-10-16")]),
    ("Les syndicats seront reçus jeudi à Matignon.", [("jeudi", "DATE", "2025-10-16")]),
    ("La préfète a rappelé jeudi que l'arrêté restait en vigueur.",
     [("jeudi", "DATE", "2025-10-16")]),
    # another weekday keeps its tense: the past one, the next one
    ("Le maire a démissionné lundi.", [("lundi", "DATE", "2025-10-13")]),
    ("Le conseil votera lundi.", [("lundi", "DATE", "2025-10-20")]),
    # written relative words still decide
    ("Il a été reçu jeudi dernier.", [("jeudi dernier", "DATE", "2025-10-09")]),
    ("Il sera reçu jeudi prochain.", [("jeudi prochain", "DATE", "2025-10-23")]),
])
def test_weekday_of_publication_is_that_day(text: str, expected: list) -> None:
    assert _got(text) == expected


def test_english_weekday_of_publication_unchanged() -> None:
    assert _got("The premier said Thursday the deal was done.", "en") == [
        ("Thursday", "DATE", "2025-10-16")]


# ---- a clock time takes the date in force ---------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # the date right after the time, in its sentence
    ("Le cambriolage a eu lieu vers 2 h 15, mardi, dans une bijouterie du centre.",
     [("2 h 15", "TIME", "2025-10-14T02:15"), ("mardi", "DATE", "2025-10-14")]),
    ("L'alerte a été donnée à 5 h hier par un voisin.",
     [("5 h", "TIME", "2025-10-15T05:00"), ("hier", "DATE", "2025-10-15")]),
    # a date earlier in the paragraph
    ("Le 3 octobre, la tempête a touché la côte. Les vents ont atteint 140 km/h à 22 h.",
     [("Le 3 octobre", "DATE", "2025-10-03"), ("22 h", "TIME", "2025-10-03T22:00")]),
    # a new paragraph starts from the publication date again
    ("Le 3 octobre, la tempête a touché la côte.\n\nLa préfecture fera le point à 18 h.",
     [("Le 3 octobre", "DATE", "2025-10-03"), ("18 h", "TIME", "2025-10-16T18:00")]),
    # a date far after the time, in another clause, does not claim it
    ("À 11 h, le ministre a annoncé que le scrutin se tiendra le 9 novembre.",
     [("11 h", "TIME", "2025-10-16T11:00"), ("le 9 novembre", "DATE", "2025-11-09")]),
])
def test_clock_time_on_the_date_in_force(text: str, expected: list) -> None:
    assert _got(text) == expected
