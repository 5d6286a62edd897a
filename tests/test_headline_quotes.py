"""Quotes in a headline are extracted with their speaker (extract/headline.py through the
pipeline): the speaker before the colon, right after the quotation, or in the words after
it; English single quotation marks; a surname completed from the body; a rubric before a
colon is not a speaker; nothing changes below the headline."""
from __future__ import annotations

import pytest

from verifier.claims import QuoteClaim
from verifier.extract.pipeline import extract_claims

BODY_FR = ("\n\nMoscou, 16 octobre 2025. Le ministre Nasser Bourita a rencontré Sergueï Lavrov "
           "à Moscou pour la deuxième fois cette année.\n")
BODY_EN = ("\n\nMoscow, 16 October 2025. Foreign minister Sergei Lavrov met Nasser Bourita in "
           "Moscow on Thursday, their second meeting this year.\n")


def quotes(text: str, lang: str) -> list[QuoteClaim]:
    return [c for c in extract_claims(text, lang=lang) if isinstance(c, QuoteClaim)]


@pytest.mark.parametrize("headline, lang, words, speaker, reference", [
    ("« Un partenaire digne de confiance » : Bourita salue la Russie", "fr",
     "« Un partenaire digne de confiance »", "Bourita", "Nasser Bourita"),
    ("« Un partenaire digne de confiance », salue Bourita à Moscou", "fr",
     "« Un partenaire digne de confiance »", "Bourita", "Nasser Bourita"),
    ("Nasser Bourita : « La Russie est un partenaire digne de confiance »", "fr",
     "« La Russie est un partenaire digne de confiance »", "Nasser Bourita", "Nasser Bourita"),
    ("Lavrov: 'Russia is ready to help'", "en", "'Russia is ready to help'", "Lavrov",
     "Sergei Lavrov"),
    ("'Russia is ready to help': Lavrov meets Bourita", "en", "'Russia is ready to help'",
     "Lavrov", "Sergei Lavrov"),
    ("“Ready to help” — Lavrov on Morocco", "en", "“Ready to help”", "Lavrov", "Sergei Lavrov"),
])
def test_a_headline_quote_has_its_speaker(headline: str, lang: str, words: str, speaker: str,
                                          reference: str) -> None:
    text = headline + (BODY_FR if lang == "fr" else BODY_EN)
    got = [q for q in quotes(text, lang) if q.start < len(headline)]
    assert len(got) == 1, got
    q = got[0]
    assert (q.text, q.speaker, q.reference) == (words, speaker, reference)
    assert q.speaker_start is not None and text[q.speaker_start:q.speaker_end] == speaker
    assert q.confidence is not None and q.confidence >= 0.6  # not "check the attribution"
    assert q.reasons[0].startswith(("headline:", "no speech verb", "according to"))


def test_a_rubric_before_a_colon_is_not_a_speaker() -> None:
    text = "Santé : « Nous manquons de lits »" + BODY_FR
    [q] = [q for q in quotes(text, "fr") if q.start < 40]
    assert q.speaker is None


def test_straight_single_quotes_quote_only_in_english_and_apostrophes_are_words() -> None:
    assert not [q for q in quotes("Aujourd'hui : l'Europe s'interroge" + BODY_FR, "fr")
                if q.start < 40]
    text = "Morocco's king won't visit Moscow\n\nRabat. The visit is off, an aide said today.\n"
    assert not [q for q in quotes(text, "en") if q.start < 30]


def test_only_the_heading_lines_are_read() -> None:
    # The same pattern in the body (a line of body text came before it) adds nothing.
    text = ("Visite à Moscou\n\nLe ministre Nasser Bourita a rencontré Sergueï Lavrov jeudi.\n\n"
            "« Un partenaire digne de confiance » : Bourita salue la Russie\n")
    assert all(q.speaker != "Bourita" or "headline" not in " ".join(q.reasons)
               for q in quotes(text, "fr"))
