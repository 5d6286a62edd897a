"""What to fix, claim by claim (check/fixes.py, computed by services.check_draft): the
duration to write in the draft's own words, what the record says, the words the source has,
the speaker the source names; never the generic "Correct the claim to match the evidence"."""
from __future__ import annotations

from datetime import date

import pytest

from verifier import services
from verifier.check.fixes import rewrite_number
from verifier.extract.numbers import parse_number, say_number

from .test_ui_support import SEED, Seeded, seeded

__all__ = ["seeded"]

EDDIE = services.Principal("eddie", "editor", "ui")


@pytest.mark.parametrize("words, old, new, lang, want", [
    ("huit ans", 8, 9, "fr", "neuf ans"),
    ("Huit ans", 8, 9, "fr", "Neuf ans"),
    ("8 ans", 8, 9, "fr", "9 ans"),
    ("un an", 1, 2, "fr", "deux ans"),
    ("deux ans", 2, 1, "fr", "un an"),
    ("une année", 1, 2, "fr", "deux années"),
    ("deux semaines", 2, 1, "fr", "une semaine"),
    ("vingt et un mois", 21, 80, "fr", "quatre-vingts mois"),
    ("eight years", 8, 9, "en", "nine years"),
    ("a year", 1, 3, "en", "three years"),
    ("two years", 2, 1, "en", "one year"),
    ("huit ans", 7, 9, "fr", None),  # no number worth 7 in it
])
def test_a_number_is_rewritten_in_the_style_it_was_written(words: str, old: int, new: int,
                                                           lang: str, want: str | None) -> None:
    assert rewrite_number(words, old, new, lang) == want


def test_numbers_said_in_words_read_back() -> None:
    for lang in ("fr", "en"):
        for n in range(0, 1000):
            got = parse_number(say_number(n, lang), lang)
            assert got is not None and got.value == n, (lang, n, say_number(n, lang))
    assert say_number(1, "fr", feminine=True) == "une"
    assert say_number(71, "fr") == "soixante et onze" and say_number(80, "fr") == "quatre-vingts"


def fixes_by_text(seeded: Seeded, text: str | bytes, lang: str = "fr") -> dict[str, str | None]:
    data = text.encode() if isinstance(text, str) else text
    checked = services.check_draft(EDDIE, data, name="d.txt", lang=lang,
                                   published=date(2025, 10, 16), db=seeded.store)
    assert len(checked.fixes) == len(checked.report.claims)
    return {c.claim.text: checked.fix(i) for i, c in enumerate(checked.report.claims)}


def test_the_seed_gets_a_fix_per_finding(seeded: Seeded) -> None:
    fixes = fixes_by_text(seeded, SEED.read_bytes())
    assert fixes["huit ans"] == (
        "Write « neuf ans » instead of « huit ans »: Morocco–Russia Deepened Strategic "
        "Partnership (signing of the declaration) dates from 15 March 2016, 9 years, 7 months "
        "and 1 day before the article's date (16 October 2025).")
    altered = next(v for k, v in fixes.items() if k.startswith("Nous considérons"))
    # The source's own words, punctuation included (not the quote's "digne de confiance").
    assert altered == (
        "Quote the words the source has: « Nous considérons la Russie comme un partenaire "
        "proche et cher, un acteur sérieux sur la scène internationale, et surtout un "
        "négociateur honnête et fiable » (source-moscou.txt), or turn the sentence into "
        "indirect speech.")
    misattributed = next(v for k, v in fixes.items() if k.startswith("Nous voulons"))
    assert misattributed is not None and misattributed.startswith(
        "Attribute these words to M. LAVROV: the source (source-moscou.txt) gives them to "
        "M. LAVROV, not to un diplomate marocain")
    assert fixes["roi Mohammed VI"] is None  # consistent: nothing to fix
    assert fixes["ce jeudi"] is None  # a date resolved from the paper's date: nothing to add
    assert not any(v and "Correct the claim to match the evidence" in v for v in fixes.values())


def test_an_english_duration_and_a_contradicted_presidency(seeded: Seeded) -> None:
    fixes = fixes_by_text(seeded, "Moscow, 16 October 2025. The meeting comes eight years after "
                                  "the signing of the Deepened Strategic Partnership.", "en")
    assert fixes["eight years"] is not None
    assert fixes["eight years"].startswith("Write “nine years” instead of “eight years”: ")
    fixes = fixes_by_text(seeded, "Moscou, 16 octobre 2025. Le Conseil de sécurité de l’ONU, "
                                  "actuellement présidé par la France, doit se prononcer.")
    presides = next(v for k, v in fixes.items() if k.startswith("Conseil"))
    assert presides is not None and presides.startswith(
        "Write « Russia » instead of « France », or correct the month: On 16 October 2025 the UN "
        "Security Council was presided by Russia (1 October 2025 to 31 October 2025), not France")
    assert presides.endswith("(source: Security Council Presidency (United Nations)).")
