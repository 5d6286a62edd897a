"""verifier/explain.py: checked claims in plain words, in French and in English (pure: typed
contract objects in, sentences out)."""
from __future__ import annotations

import re
from datetime import date

import pytest

from verifier import explain
from verifier.claims import (
    CalendarEvidence,
    CheckedClaim,
    DiffOp,
    Elapsed,
    FactEvidence,
    FactualClaim,
    Finding,
    PassageEvidence,
    PrecedentDetail,
    PrecedentEvidence,
    QuoteClaim,
    TemporalClaim,
)

PUBLISHED = date(2025, 10, 16)
ANCHOR = ("la signature du Partenariat stratégique approfondi entre le roi Mohammed VI et "
          "Vladimir Poutine")
# Strings a reader must never see in a sentence: method codes, field names, raw values, JSON.
RAW = re.compile(r"kb\.|precedent:|align:|timex_type|_REF\b|predicate=|holds_office|"
                 r"no_evidence|not_found|[{}\[\]]|\bP\d+[YMWD]\b|\b0\.\d+\b")


def fact(predicate: str, subject: str, obj: str | None, start: str | None, end: str | None = None,
         **extra: object) -> FactEvidence:
    return FactEvidence(fact_id=1, pack="demo", subject=subject, predicate=predicate, object=obj,
                        valid_from=start, valid_to=end, source_title="UN", source_url=None,
                        score=100.0, method="kb.when", extra=extra or None)


PARTNERSHIP = fact("event", "Morocco–Russia Deepened Strategic Partnership", "signing of the declaration",
                   "2016-03-15", place="Moscow", participants=["Mohammed VI", "Vladimir Putin"])


def huit_ans(text: str = "huit ans", value: str = "P8Y", anchor: str = ANCHOR,
             finding: str = "contradicted") -> CheckedClaim:
    claim = TemporalClaim(text=text, start=515, end=515 + len(text), timex_type="DURATION",
                          value=value, anchor={"text": anchor, "start": 532, "end": 627,
                                               "relation": "AFTER",
                                               "signal": {"text": "après" if "ans" in text else "after",
                                                          "start": 516 + len(text),
                                                          "end": 521 + len(text)}})
    return CheckedClaim(claim, Finding(finding=finding, explanation="The knowledge base dates …",
                                       evidence=(PARTNERSHIP,), elapsed=Elapsed(9, 7, 1)))


def test_a_duration_against_the_fact_reads_as_a_french_sentence_with_its_correction() -> None:
    ex = explain.explain(huit_ans(), lang="fr", published=PUBLISHED)
    assert ex.summary == ("La signature du Partenariat stratégique approfondi entre le roi Mohammed "
                          "VI et Vladimir Poutine a eu lieu le 15 mars 2016, soit 9 ans et 7 mois "
                          "avant le 16 octobre 2025, date de l’article — pas « huit ans ».")
    assert ex.suggestion is not None and ex.suggestion.text == "neuf ans après"
    assert ex.suggestion.sentence == ("Correction suggérée : « neuf ans après » au lieu de "
                                      "« huit ans après ».")
    assert ex.finding_label == "Contredit"
    assert [(e.title, e.score_text) for e in ex.evidence] == [("Base de faits", "100/100")]
    assert ex.evidence[0].sentence == (
        "Morocco–Russia Deepened Strategic Partnership (signing of the declaration) — date : "
        "15 mars 2016, à Moscow, avec Mohammed VI et Vladimir Putin.")


def test_the_same_in_english_and_a_correction_in_the_articles_own_style() -> None:
    ex = explain.explain(huit_ans("eight years", anchor="the signing of the partnership"),
                         lang="en", published=PUBLISHED)
    assert ex.summary == ("The signing of the partnership took place on 15 March 2016, 9 years "
                          "and 7 months before 16 October 2025, the article's date — not "
                          "“eight years”.")
    assert ex.suggestion is not None and ex.suggestion.text == "nine years after"
    digits = explain.explain(huit_ans("8 years", anchor="the signing"), lang="en",
                             published=PUBLISHED)
    assert digits.suggestion is not None and digits.suggestion.text == "9 years after"
    # The explanation in English, the correction in the article's language.
    mixed = explain.explain(huit_ans(), lang="en", published=PUBLISHED, text_lang="fr")
    assert mixed.suggestion is not None and mixed.suggestion.text == "neuf ans après"
    assert mixed.summary.endswith("— not “huit ans”.")


def test_a_right_duration_gets_no_correction() -> None:
    ex = explain.explain(huit_ans("neuf ans", "P9Y", finding="consistent"), lang="fr",
                         published=PUBLISHED)
    assert ex.suggestion is None and ex.summary.endswith(": « neuf ans » est juste.")
    assert ex.finding_label == "Confirmé"


@pytest.mark.parametrize("lang, presides, office, held, adopted, mandate", [
    ("en",
     "Russia presides the UN Security Council from 1 to 31 October 2025.",
     "Mohammed VI holds the office of King of Morocco since 23 July 1999.",
     "François Hollande held the office of President of France from 15 May 2012 to 14 May 2017.",
     "Resolution 2797 (2025) was adopted by the UN Security Council on 31 October 2025.",
     "The MINURSO mandate given by the UN Security Council runs from 1 November 2024 to 31 "
     "October 2025 (Resolution 2756 (2024))."),
    ("fr",
     "UN Security Council — présidence : Russia, du 1er au 31 octobre 2025.",
     "Mohammed VI — fonction : King (Morocco), depuis le 23 juillet 1999.",
     "François Hollande — fonction : President (France), du 15 mai 2012 au 14 mai 2017.",
     "Resolution 2797 (2025) — adoption par UN Security Council : 31 octobre 2025.",
     "MINURSO — mandat (UN Security Council) : du 1er novembre 2024 au 31 octobre 2025 "
     "(Resolution 2756 (2024))."),
])
def test_facts_read_as_sentences_the_right_way_round(lang: str, presides: str, office: str,
                                                     held: str, adopted: str, mandate: str) -> None:
    assert explain.fact_sentence(fact("presides", "UN Security Council", "Russia", "2025-10-01",
                                      "2025-10-31"), lang) == presides
    assert explain.fact_sentence(fact("holds_office", "Mohammed VI", "King", "1999-07-23",
                                      of="Morocco"), lang) == office
    assert explain.fact_sentence(fact("holds_office", "François Hollande", "President",
                                      "2012-05-15", "2017-05-14", of="France"), lang) == held
    assert explain.fact_sentence(fact("adopted", "Resolution 2797 (2025)", "UN Security Council",
                                      "2025-10-31"), lang) == adopted
    assert explain.fact_sentence(fact("mandate", "MINURSO", "UN Security Council", "2024-11-01",
                                      "2025-10-31", resolution="Resolution 2756 (2024)"),
                                 lang) == mandate


def _factual(predicate: str, subject: str, obj: str, subject_text: str, object_text: str,
             finding: str, *evidence: FactEvidence) -> CheckedClaim:
    claim = FactualClaim(text=f"{subject_text} {object_text}", start=0, end=10,
                         predicate=predicate, subject=subject, object=obj,
                         subject_text=subject_text, object_text=object_text, at="2025-10-16")
    return CheckedClaim(claim, Finding(finding=finding, explanation="x", evidence=evidence))


def test_factual_findings_in_plain_words() -> None:
    council = fact("presides", "UN Security Council", "Russia", "2025-10-01", "2025-10-31")
    right = explain.explain(_factual("presides", "UN Security Council", "Russia",
                                     "Conseil de sécurité de l’ONU", "Russie", "consistent",
                                     council), lang="fr", published=PUBLISHED)
    assert right.summary == ("Exact : le 16 octobre 2025, la présidence de « Conseil de sécurité "
                             "de l’ONU » revenait bien à « Russie » (du 1er au 31 octobre 2025).")
    wrong = explain.explain(_factual("presides", "UN Security Council", "France",
                                     "Security Council", "France", "contradicted", council),
                            lang="en", published=PUBLISHED)
    assert wrong.summary == ("Wrong: on 16 October 2025, Russia presided the UN Security Council "
                             "(from 1 to 31 October 2025), not “France”.")
    king = fact("holds_office", "Mohammed VI", "King", "1999-07-23", of="Morocco")
    roi = explain.explain(_factual("holds_office", "Mohammed VI", "King", "Mohammed VI", "roi",
                                   "consistent", king), lang="fr", published=PUBLISHED)
    assert roi.summary == ("Exact : le 16 octobre 2025, Mohammed VI était bien roi "
                           "(King (Morocco), depuis le 23 juillet 1999).")
    assert roi.about == "Fonction : Mohammed VI, roi, le 16 octobre 2025."


def test_office_holders_in_plain_words() -> None:
    hollande = fact("holds_office", "François Hollande", "President", "2012-05-15", "2017-05-14",
                    of="France")
    former = FactualClaim(text="l'ancien président François Hollande", start=0, end=35,
                          predicate="holds_office", subject="François Hollande", object="President",
                          subject_text="François Hollande", object_text="président",
                          at="2025-10-16", former=True)
    ex = explain.explain(CheckedClaim(former, Finding(finding="consistent", explanation="x",
                                                      evidence=(hollande,))), lang="fr")
    assert ex.summary == ("Exact : François Hollande a été président du 15 mai 2012 au 14 mai "
                          "2017, avant le 16 octobre 2025.")
    assert ex.about == "Fonction : François Hollande, ancien président, le 16 octobre 2025."
    macron = fact("holds_office", "Emmanuel Macron", "President", "2017-05-14", of="France")
    wrong = FactualClaim(text="le président François Hollande", start=0, end=30,
                         predicate="holds_office", subject="François Hollande", object="President",
                         subject_text="François Hollande", object_text="president",
                         at="2025-10-16")
    ex = explain.explain(CheckedClaim(wrong, Finding(finding="contradicted", explanation="x",
                                                     evidence=(hollande, macron))), lang="en")
    assert ex.summary == ("Wrong: on 16 October 2025 the President of France was Emmanuel Macron "
                          "(since 14 May 2017), not François Hollande.")
    ex = explain.explain(CheckedClaim(wrong, Finding(finding="contradicted", explanation="x",
                                                     evidence=(hollande, macron))), lang="fr")
    assert ex.summary == ("Faux : le 16 octobre 2025, le president (France) était Emmanuel Macron "
                          "(depuis le 14 mai 2017), pas François Hollande.")
    assert ex.suggestion is None  # the name or the date: the evidence does not say which


def test_an_event_on_another_day_suggests_the_recorded_date() -> None:
    claim = FactualClaim(text="signé le 16 mars 2016", start=0, end=21, predicate="event",
                         subject="Morocco–Russia Deepened Strategic Partnership",
                         subject_text="partenariat", at="2016-03-16")
    ex = explain.explain(CheckedClaim(claim, Finding(finding="partial", explanation="x",
                                                     evidence=(PARTNERSHIP,))), lang="fr")
    assert ex.summary.startswith("Presque : la base de faits situe Morocco–Russia Deepened "
                                 "Strategic Partnership (signing of the declaration) au 15 mars "
                                 "2016, un jour d’écart")
    assert ex.suggestion is not None and ex.suggestion.text == "15 mars 2016"


def test_a_wrong_weekday_is_corrected_in_the_articles_words() -> None:
    claim = TemporalClaim(text="mardi 16 octobre 2025", start=0, end=21, timex_type="DATE",
                          value="2025-10-16", weekday=1)
    checked = CheckedClaim(claim, Finding(finding="contradicted", explanation="x",
                                          evidence=(CalendarEvidence(),)))
    fr = explain.explain(checked, lang="fr", published=PUBLISHED)
    assert fr.summary == "Le 16 octobre 2025 était un jeudi, pas un mardi comme écrit."
    assert fr.suggestion is not None and fr.suggestion.text == "jeudi 16 octobre 2025"
    assert [(e.title, e.sentence) for e in fr.evidence] == [
        ("Calendrier", "Le 16 octobre 2025 est un jeudi.")]
    en = explain.explain(checked, lang="en", published=PUBLISHED, text_lang="fr")
    assert en.summary == "16 October 2025 was a Thursday, not a Tuesday as written."
    assert en.suggestion is not None and en.suggestion.text == "jeudi 16 octobre 2025"


@pytest.mark.parametrize("value, text, lang, summary", [
    ("PRESENT_REF", "actuellement", "fr",
     "« actuellement » renvoie au moment de l’article (16 octobre 2025) : rien à vérifier."),
    ("FUTURE_REF", "l’avenir", "fr", "« l’avenir » renvoie à un avenir sans date : rien à vérifier."),
    ("PAST_REF", "formerly", "en", "“formerly” refers to an undated past: nothing to check."),
])
def test_vague_references_say_there_is_nothing_to_check(value: str, text: str, lang: str,
                                                         summary: str) -> None:
    claim = TemporalClaim(text=text, start=0, end=len(text), timex_type="TIME", value=value)
    ex = explain.explain(CheckedClaim(claim, Finding(finding="no_evidence", explanation="x")),
                         lang=lang, published=PUBLISHED)
    assert ex.summary == summary and ex.suggestion is None and not ex.evidence


def test_the_dateline_and_a_resolved_weekday() -> None:
    dateline = TemporalClaim(text="jeudi, octobre 16, 2025", start=0, end=23, timex_type="DATE",
                             value="2025-10-16", resolved=("2025-10-16", "2025-10-16"),
                             role="dateline", weekday=3)
    ex = explain.explain(CheckedClaim(dateline, Finding(finding="consistent", explanation="x",
                                                        evidence=(CalendarEvidence(),))),
                         lang="fr", published=PUBLISHED)
    assert ex.summary == ("La date en tête de l’article, jeudi 16 octobre 2025, correspond à sa "
                          "date de publication.")
    assert ex.about == "Date en tête de l’article : jeudi 16 octobre 2025."
    ce_jeudi = TemporalClaim(text="ce jeudi", start=0, end=8, timex_type="DATE",
                             value="2025-10-16", resolved=("2025-10-16", "2025-10-16"))
    ex = explain.explain(CheckedClaim(ce_jeudi, Finding(finding="no_evidence", explanation="x")),
                         lang="en", published=PUBLISHED)
    assert ex.summary == ("“ce jeudi” stands for Thursday 16 October 2025; nothing outside the "
                          "text confirms or contradicts it.")


def test_a_prediction_borne_out() -> None:
    claim = TemporalClaim(text="la fin du mois", start=0, end=14, timex_type="DATE",
                          value="2025-10", mod="END", resolved=("2025-10-25", "2025-10-31"))
    adopted = fact("adopted", "Resolution 2797 (2025)", "UN Security Council", "2025-10-31")
    ex = explain.explain(CheckedClaim(claim, Finding(finding="consistent", explanation="x",
                                                     evidence=(adopted,), prediction=True)),
                         lang="fr", published=PUBLISHED)
    assert ex.summary == ("Prévision confirmée : ce qui était annoncé pour « la fin du mois » "
                          "(du 25 au 31 octobre 2025) est enregistré le 31 octobre 2025.")


SOURCE = dict(source_title="source-moscou.txt", source_url=None, source_sha256=None,
              method="align:rapidfuzz+words")


def _quote(passage: PassageEvidence, finding: str, **kw: object) -> CheckedClaim:
    claim = QuoteClaim(text="Nous considérons la Russie …", start=0, end=20,
                       speaker=str(kw.pop("speaker", "Nasser Bourita")),
                       reference=kw.pop("reference", "Nasser Bourita"),  # type: ignore[arg-type]
                       cue="a déclaré", **kw)  # type: ignore[arg-type]
    return CheckedClaim(claim, Finding(finding=finding, explanation="x", evidence=(passage,)))


def test_an_altered_quote_names_the_changed_words_and_suggests_the_sources() -> None:
    altered = PassageEvidence(**SOURCE, start=115, end=268, score=92.0, cls="altered",
                              speaker="M. BOURITA",
                              diff=(DiffOp("=", "un négociateur honnête et"),
                                    DiffOp("-", "fiable"), DiffOp("+", "digne de confiance")))
    fr = explain.explain(_quote(altered, "contradicted"), lang="fr")
    assert fr.summary == "Citation modifiée : la source le dit avec d’autres mots."
    assert fr.evidence[0].sentence == (
        "Dans « source-moscou.txt » (propos de M. BOURITA), les mots diffèrent : « fiable » dans "
        "la source, « digne de confiance » dans l’article.")
    assert fr.evidence[0].score_text == "92/100"
    assert fr.suggestion is not None and fr.suggestion.text == "fiable"
    en = explain.explain(_quote(altered, "contradicted"), lang="en")
    assert en.suggestion is not None and en.suggestion.sentence == (
        "Suggested correction: the source's words, “fiable” instead of “digne de confiance”.")
    assert en.about == "Quote attributed to Nasser Bourita (“a déclaré”)."


def test_a_misattributed_quote_says_who_said_it() -> None:
    verbatim = PassageEvidence(**SOURCE, start=463, end=599, score=100.0, cls="verbatim",
                               speaker="M. LAVROV", misattributed=True)
    ex = explain.explain(_quote(verbatim, "contradicted", speaker="un diplomate marocain",
                                reference=None, anonymous=True), lang="fr")
    assert ex.summary == ("Citation mal attribuée : dans la source, ces mots sont de M. LAVROV, "
                          "pas de « un diplomate marocain ».")
    assert ex.suggestion is not None and ex.suggestion.text == "M. LAVROV"
    assert ex.about == "Citation d’une source anonyme : « un diplomate marocain »."


def test_a_quote_not_found_gives_its_closest_match_on_the_0_100_scale() -> None:
    missing = PassageEvidence(**SOURCE, start=None, end=None, score=16.22, cls="not_found")
    ex = explain.explain(_quote(missing, "no_evidence"), lang="en")
    assert ex.evidence[0].sentence == ("No passage of “source-moscou.txt” holds these words "
                                       "(closest match 16.2/100).")


def test_a_doubtful_attribution_is_on_the_0_100_scale_with_its_reasons_in_plain_words() -> None:
    claim = QuoteClaim(text="« On y va »", start=0, end=10, speaker="Macron", reference="Macron",
                       confidence=0.45, reasons=("no speech verb",
                                                 "last person named, 2 sentence(s) before"))
    assert explain.attribution_sentence(claim, "fr") == (
        "Attribution à vérifier (confiance 45/100, seuil 60/100) : pas de verbe de parole ; "
        "dernière personne nommée, 2 phrases plus haut.")
    assert explain.attribution_sentence(claim, "en") == (
        "Check the attribution (confidence 45/100, threshold 60/100): no speech verb; last "
        "person named, 2 sentences before.")
    sure = QuoteClaim(text="x", start=0, end=1, confidence=0.9)
    assert explain.attribution_sentence(sure, "fr") is None


def test_an_earlier_fact_check_says_same_or_similar_and_its_verdict() -> None:
    detail = PrecedentDetail(precedent_id=1, external_id="afp-1", collection="afp",
                             verdict="Mostly true", date="2025-10-20", text="Nous considérons …",
                             explanation="")
    ev = PrecedentEvidence(precedent_claim_id=None, source_title="AFP", source_url=None,
                           score=83.456, method="precedent:bm25+rerank+minilm", detail=detail)
    line = explain.evidence_line(ev, None, "fr")
    assert line.sentence == ("Affirmation semblable, pas identique : « Nous considérons … » — "
                             "verdict « Mostly true » (afp, 20 octobre 2025).")
    assert line.score_text == "83.5/100" and line.title == "Vérification antérieure"
    assert explain.evidence_line(ev, None, "en").sentence.startswith(
        "Similar claim, not identical: “Nous considérons …” — verdict “Mostly true”")


@pytest.mark.parametrize("n, fr, en", [(0, "zéro", "zero"), (9, "neuf", "nine"),
                                        (17, "dix-sept", "seventeen"), (21, "vingt et un", "twenty-one"),
                                        (71, "soixante et onze", "seventy-one"),
                                        (77, "soixante-dix-sept", "seventy-seven"),
                                        (80, "quatre-vingts", "eighty"),
                                        (91, "quatre-vingt-onze", "ninety-one"), (120, "120", "120")])
def test_number_words(n: int, fr: str, en: str) -> None:
    assert (explain.number_words(n, "fr"), explain.number_words(n, "en")) == (fr, en)


def test_dates_periods_and_elapsed_time() -> None:
    assert explain.day_text(date(2025, 10, 1), "fr") == "1er octobre 2025"
    assert explain.period_text(date(2024, 11, 1), date(2025, 10, 31), "fr") == \
        "du 1er novembre 2024 au 31 octobre 2025"
    assert explain.period_text(None, date(2025, 10, 31), "en") == "until 31 October 2025"
    assert explain.elapsed_text(9, 7, 1, "fr") == "9 ans et 7 mois"
    assert explain.elapsed_text(0, 3, 2, "en") == "3 months and 2 days"
    assert explain.elapsed_text(1, 0, 0, "en") == "1 year"
    assert explain.language("de") == "en" and explain.language("fr-CA") == "fr"


def test_no_sentence_carries_a_method_code_a_field_name_or_a_raw_value() -> None:
    cases = [huit_ans(), _factual("presides", "UN Security Council", "Russia", "Conseil",
                                  "Russie", "consistent",
                                  fact("presides", "UN Security Council", "Russia", "2025-10-01",
                                       "2025-10-31")),
             _quote(PassageEvidence(**SOURCE, start=None, end=None, score=16.22,
                                    cls="not_found"), "no_evidence")]
    for checked in cases:
        for lang in ("fr", "en"):
            ex = explain.explain(checked, lang=lang, published=PUBLISHED)
            shown = [ex.about, ex.summary, ex.finding_label, ex.attribution or "",
                     ex.suggestion.sentence if ex.suggestion else ""]
            shown += [x for line in ex.evidence for x in (line.title, line.sentence,
                                                          line.score_text, line.note or "")]
            assert not [s for s in shown if RAW.search(s)], shown
