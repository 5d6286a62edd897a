"""Temporal expressions (verifier.extract.temporal) and their calendar checks
(verifier.check.calendar). Fixtures live in tests/data/temporal/ (see its README)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.check.calendar import check_temporal
from verifier.extract.temporal import Timex, extract_temporal

DATA = Path(__file__).parent / "data" / "temporal"
PUB = dt.date(2025, 10, 16)  # a Thursday

# (lang, sentence, expected [(span text, type, value)]) resolved against PUB; [] = nothing
CASES = [
    ("fr", "Le sommet s'est tenu le 16 octobre 2025 à Rabat.", [("le 16 octobre 2025", "DATE", "2025-10-16")]),
    ("fr", "La réunion aura lieu le 3 novembre à Paris.", [("le 3 novembre", "DATE", "2025-11-03")]),
    ("fr", "Il est arrivé en mars 2016 au ministère.", [("mars 2016", "DATE", "2016-03")]),
    ("fr", "La croissance a ralenti en 2024.", [("2024", "DATE", "2024")]),
    ("fr", "Il est né en 1999 à Casablanca.", [("1999", "DATE", "1999")]),
    ("fr", "L'école est ouverte depuis octobre 98.", [("octobre 98", "DATE", "1998-10")]),
    ("fr", "Ce matériau est utilisé depuis les années 60.", [("les années 60", "DATE", "196X")]),
    ("fr", "La lettre est datée du 16/10/2025.", [("16/10/2025", "DATE", "2025-10-16")]),
    ("fr", "Les syndicats manifesteront le 1er mai.", [("le 1er mai", "DATE", "2026-05-01")]),
    ("fr", "jeudi, octobre 16, 2025\nLe texte.", [("jeudi, octobre 16, 2025", "DATE", "2025-10-16")]),
    # a weekday and a part of the day before the date are one time; a month named after "la
    # fin du mois"; "1e"; numbers repeated in digits; a year in a programme's name
    ("fr", "Le suspect a été interpellé mardi soir 14 octobre près de la gare.",
     [("mardi soir 14 octobre", "TIME", "2025-10-14TEV")]),
    ("fr", "Les dossiers devront être déposés avant la fin du mois de novembre 2025.",
     [("la fin du mois de novembre 2025", "DATE", "2025-11")]),
    ("fr", "Des opérations seront menées au courant du mois de juin 2026.",
     [("mois de juin 2026", "DATE", "2026-06")]),
    ("fr", "La cérémonie aura lieu le 1e décembre.", [("le 1e décembre", "DATE", "2025-12-01")]),
    ("fr", "Le candidat dispose de quinze (15) jours pour répondre.",
     [("quinze (15) jours", "DURATION", "P15D")]),
    ("fr", "Le plan « Horizon 2040 » a été présenté hier.", [("hier", "DATE", "2025-10-15")]),
    ("fr", "« En 2030, nous serons prêts », a-t-il dit.", [("2030", "DATE", "2030")]),
    ("fr", "Le 3 mars, la crue a atteint le village. La soirée et la nuit ont été longues.",
     [("Le 3 mars", "DATE", "2025-03-03"), ("La soirée", "TIME", "2025-03-03TEV"),
      ("la nuit", "TIME", "2025-03-03TNI")]),
    ("fr", "Le texte a été signé ce jeudi à Moscou.", [("ce jeudi", "DATE", "2025-10-16")]),
    ("fr", "Il a rencontré le ministre jeudi dernier.", [("jeudi dernier", "DATE", "2025-10-09")]),
    ("fr", "Les deux ministres se reverront jeudi prochain.", [("jeudi prochain", "DATE", "2025-10-23")]),
    ("fr", "Le ministre a démissionné mardi.", [("mardi", "DATE", "2025-10-14")]),
    ("fr", "Le ministre s'exprimera mardi devant les députés.", [("mardi", "DATE", "2025-10-21")]),
    ("fr", "Le président a parlé hier devant la presse.", [("hier", "DATE", "2025-10-15")]),
    ("fr", "Le vote aura lieu demain.", [("demain", "DATE", "2025-10-17")]),
    ("fr", "Le gouvernement présente aujourd'hui son budget.", [("aujourd'hui", "DATE", "2025-10-16")]),
    ("fr", "Les prix ont baissé la semaine dernière.", [("la semaine dernière", "DATE", "2025-W41")]),
    ("fr", "Le texte sera examiné le mois prochain.", [("le mois prochain", "DATE", "2025-11")]),
    ("fr", "Le traité a été signé il y a huit ans.", [("il y a huit ans", "DATE", "2017")]),
    ("fr", "Les ventes ont progressé l'an dernier.", [("l'an dernier", "DATE", "2024")]),
    ("fr", "La loi entrera en vigueur l'année prochaine.", [("l'année prochaine", "DATE", "2026")]),
    ("fr", "Le Conseil doit se prononcer à la fin du mois.", [("la fin du mois", "DATE", "2025-10")]),
    ("fr", "Les travaux commenceront début 2026.", [("début 2026", "DATE", "2026")]),
    ("fr", "La récolte est attendue mi-octobre.", [("mi-octobre", "DATE", "2025-10")]),
    ("fr", "Le chantier sera terminé fin mars.", [("fin mars", "DATE", "2026-03")]),
    ("fr", "Le budget sera voté au début de l'année.", [("début de l'année", "DATE", "2025")]),
    ("fr", "Il dirige l'entreprise depuis huit ans.", [("huit ans", "DURATION", "P8Y")]),
    ("fr", "Le pays a été dirigé pendant deux décennies par le même homme.", [("deux décennies", "DURATION", "P20Y")]),
    ("fr", "Les négociations ont duré trois mois.", [("trois mois", "DURATION", "P3M")]),
    ("fr", "Il a été élu il y a une dizaine d'années.", [("il y a une dizaine d'années", "DATE", "2015")]),
    ("fr", "Il vit ici depuis près de dix-sept ans.", [("près de dix-sept ans", "DURATION", "P17Y")]),
    ("fr", "Il est mort vingt et un jours plus tard.", [("vingt et un jours", "DURATION", "P21D")]),
    ("fr", "La réunion commencera à 10 h 30.", [("10 h 30", "TIME", "2025-10-16T10:30")]),
    ("fr", "Le train part à 10h.", [("10h", "TIME", "2025-10-16T10:00")]),
    ("fr", "Le discours est prévu à 17 heures.", [("17 heures", "TIME", "2025-10-16T17:00")]),
    ("fr", "La fête aura lieu samedi 24 juillet à 15 h 45.",
     [("samedi 24 juillet", "DATE", "2026-07-24"), ("15 h 45", "TIME", "2026-07-24T15:45")]),
    ("fr", "Hier soir, la police est intervenue.", [("Hier soir", "TIME", "2025-10-15TEV")]),
    ("fr", "Le texte a été adopté le 20 décembre dernier.", [("le 20 décembre dernier", "DATE", "2024-12-20")]),
    ("fr", "La centrale a été construite à la fin du XIXe siècle.", [("la fin du XIXe siècle", "DATE", "18XX")]),
    ("fr", "Le 14 juillet, le défilé a eu lieu. Le lendemain, il a plu.",
     [("Le 14 juillet", "DATE", "2025-07-14"), ("Le lendemain", "DATE", "2025-07-15")]),
    ("fr", "Le 14 juillet, le défilé a eu lieu. La veille, il avait plu.",
     [("Le 14 juillet", "DATE", "2025-07-14"), ("La veille", "DATE", "2025-07-13")]),
    ("fr", "Le 14 juillet, le défilé a eu lieu. Le même jour, un accident s'est produit.",
     [("Le 14 juillet", "DATE", "2025-07-14"), ("Le même jour", "DATE", "2025-07-14")]),
    ("fr", "Le projet a été lancé huit ans après la signature du traité de paix.", [("huit ans", "DURATION", "P8Y")]),
    ("fr", "La réunion, qui a eu lieu mardi 16 octobre 2025, a été tendue.",
     [("mardi 16 octobre 2025", "DATE", "2025-10-16")]),
    ("fr", "La date limite était fixée au 31 février 2025.", [("31 février 2025", "DATE", None)]),
    ("fr", "Le gouvernement gère actuellement la crise.", [("actuellement", "TIME", "PRESENT_REF")]),
    ("fr", "Le marché a lieu tous les jeudis.", [("tous les jeudis", "SET", "XXXX-WXX-4")]),
    ("fr", "Les fidèles se sont réunis à Noël.", [("Noël", "DATE", "2024-12-25")]),
    # traps: nothing to extract
    ("fr", "Sept personnes ont été blessées.", []),
    ("fr", "Beaucoup d'argent est en jeu dans ce dossier.", []),
    ("fr", "Le contrat porte sur 1,5 million d'euros.", []),
    ("fr", "La mission vers Mars a été reportée.", []),
    ("fr", "Il conduit un 4 x 4 depuis le 4 x 4 rouge.", []),
    ("fr", "Le chômage a atteint 7,5 % de la population.", []),
    ("fr", "Le billet coûte 2000 euros.", []),
    ("fr", "Le match s'est terminé sur le score de 3-1.", []),
    ("fr", "Voir la page 2024 du rapport.", []),
    ("fr", "Appelez le 01 23 45 67 89 pour réserver.", []),
    ("fr", "Il habite rue du 8-Mai-1945.", []),
    ("fr", "L'accord du Vendredi Saint a été signé en Irlande.", []),
    ("fr", "Plus de 2000 manifestants ont défilé.", []),
    ("fr", "Une fillette de 6 ans a été blessée.", []),
    ("fr", "Jean Dupont, 87 ans, a été heurté par une voiture.", []),
    ("en", "The summit was held on October 16, 2025 in Rabat.", [("October 16, 2025", "DATE", "2025-10-16")]),
    ("en", "The deal was signed on 16 Oct. 2025.", [("16 Oct. 2025", "DATE", "2025-10-16")]),
    ("en", "He joined the ministry in March 2016.", [("March 2016", "DATE", "2016-03")]),
    ("en", "The minister resigned last Thursday.", [("last Thursday", "DATE", "2025-10-09")]),
    # news convention: "took place on Thursday" in Thursday's paper is that day
    ("en", "The vote took place on Thursday.", [("Thursday", "DATE", "2025-10-16")]),
    ("en", "Prices fell yesterday.", [("yesterday", "DATE", "2025-10-15")]),
    ("en", "The report will be published next month.", [("next month", "DATE", "2025-11")]),
    ("en", "The two countries broke ties two decades ago.", [("two decades ago", "DATE", "2005")]),
    ("en", "Sales will recover early next year.", [("early next year", "DATE", "2026")]),
    ("en", "Inflation peaked in late 2024.", [("late 2024", "DATE", "2024")]),
    ("en", "He has lived there for three weeks.", [("three weeks", "DURATION", "P3W")]),
    ("en", "The meeting starts at 5pm.", [("5pm", "TIME", "2025-10-16T17:00")]),
    ("en", "The plant reopened eight years after the explosion.", [("eight years", "DURATION", "P8Y")]),
    ("en", "The decision came three years ago, when the treaty collapsed.", [("three years ago", "DATE", "2022")]),
    ("en", "The new rules take effect today.", [("today", "DATE", "2025-10-16")]),
    ("en", "The law was passed in 1999.", [("1999", "DATE", "1999")]),
    ("en", "The rover landed on Mars last year.", [("last year", "DATE", "2024")]),
    ("en", "The vote is scheduled for 30 February.", [("30 February", "DATE", None)]),
    ("en", "Theresa May said the plan would work.", []),
    ("en", "They march to the capital.", []),
    ("en", "The team won 3-1 on the night.", []),
    ("en", "About 1,500 people attended.", []),
    ("en", "A 45-year-old man was arrested.", []),
    ("en", "Unemployment rose to 4.5 per cent.", []),
]

# English news (published Thursday 2025-10-16): tense, relative units, seasons, times, traps
CASES_EN = [
    ("The minister resigned on Monday.", [("Monday", "DATE", "2025-10-13")]),
    ("The talks will resume on Monday.", [("Monday", "DATE", "2025-10-20")]),
    ("Prices rose last week.", [("last week", "DATE", "2025-W41")]),
    ("Sales fell earlier this month.", [("earlier this month", "DATE", "2025-10")]),
    ("The company expects growth this year.", [("this year", "DATE", "2025")]),
    ("The plant closed in 2017.", [("2017", "DATE", "2017")]),
    ("The deal was signed Jan. 14.", [("Jan. 14", "DATE", "2025-01-14")]),
    ("The law took effect Dec. 31, 2018.", [("Dec. 31, 2018", "DATE", "2018-12-31")]),
    ("Crime peaked in the 1990s.", [("the 1990s", "DATE", "199X")]),
    ("The mine closed a decade ago.", [("a decade ago", "DATE", "2015")]),
    ("Construction starts next spring.", [("next spring", "DATE", "2026-SP")]),
    ("The election is expected this fall.", [("this fall", "DATE", "2025-FA")]),
    ("The park reopened in the summer.", [("the summer", "DATE", "2025-SU")]),
    ("Police were called Tuesday night.", [("Tuesday night", "TIME", "2025-10-14TNI")]),
    ("The polls close at 5 p.m.", [("5 p.m.", "TIME", "2025-10-16T17:00")]),
    ("The curfew starts at midnight.", [("midnight", "TIME", "2025-10-16T24:00")]),
    ("Rents have doubled over the past two years.",
     [("the past two years", "DURATION", "P2Y")]),
    ("The factory opened two years ago.", [("two years ago", "DATE", "2023")]),
    ("The family moved there decades ago.", [("decades ago", "DATE", "PAST_REF")]),
    ("He left the board last winter.", [("last winter", "DATE", "2024-WI")]),
    ("They met on New Year's Day.", [("New Year's Day", "DATE", "2025-01-01")]),
    ("The company said it would report results on Oct. 30.", [("Oct. 30", "DATE", "2025-10-30")]),
    ("The station was founded in 1971 and sold two years later.",
     [("1971", "DATE", "1971"), ("two years later", "DATE", "1973")]),
    # an attributive year ("the 2016 election") does not lend its year to a bare month
    ("The 2016 election and the poisoning in March shocked Britain.",
     [("2016", "DATE", "2016"), ("March", "DATE", "2025-03")]),
    ("He spoke at a 2015 convocation.", [("2015", "DATE", "2015")]),
    ("She now lives in Ottawa.", [("now", "DATE", "PRESENT_REF")]),
    ("He said that morning was the hardest.", [("that morning", "TIME", "XXXX-XX-XXTMO")]),
    ("Officials met in late August.", [("late August", "DATE", "2025-08")]),
    # traps
    ("Theresa May said the talks were over.", []),
    ("Protesters March on Parliament.", []),
    ("She writes for the Sunday Times.", []),
    ("The clinic is open Monday-to-Friday.", []),
    ("The Raptors won 112-104 on Sunday.", [("Sunday", "DATE", "2025-10-12")]),
    ("Saudi Arabia unveiled Vision 2030 in April.", [("April", "DATE", "2025-04")]),
    ("The 44-year-old was arrested.", []),
    ("The help line is staffed 24/7.", []),
    ("The attacks of 9/11 changed air travel.", []),
    ("He died in the 1916 Easter Rising.", [("1916", "DATE", "1916")]),
    ("The now-defunct paper closed.", []),
]


@pytest.mark.parametrize("sentence, expected", CASES_EN)
def test_english_news(sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    got = extract_temporal(sentence, lang="en", published=PUB)
    assert [(t.text, t.timex_type, t.value) for t in got] == expected
    for t in got:
        assert sentence[t.start:t.end] == t.text


def test_english_gold_file_is_consistent() -> None:
    """Our GGT annotation stores no article text: offsets must agree with the stored strings."""
    path = Path(__file__).parent / "data/temporal/en-ggt-gold.jsonl"
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    assert len(docs) >= 15 and len({d["id"] for d in docs}) == len(docs)
    for d in docs:
        dt.date.fromisoformat(d["dct"])
        assert "text" not in d and d["dct_source"]
        for g in d["timexes"]:
            assert g["type"] in ("DATE", "TIME") and g["value"]
            assert g["end"] - g["start"] == len(g["text"])


@pytest.mark.parametrize("lang, sentence, expected", CASES)
def test_expressions(lang: str, sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    got = extract_temporal(sentence, lang=lang, published=PUB)
    assert [(t.text, t.timex_type, t.value) for t in got] == expected
    for t in got:
        assert sentence[t.start:t.end] == t.text


def test_impossible_date_is_flagged_and_contradicted() -> None:
    (t,) = extract_temporal("La date limite était fixée au 31 février 2025.", lang="fr", published=PUB)
    assert t.value is None and t.problem == "impossible date"
    (f,) = check_temporal([t], published=PUB)
    assert f.finding == "contradicted" and "not a calendar date" in f.explanation


def test_weekday_date_mismatch_is_contradicted() -> None:
    ts = extract_temporal("La réunion a eu lieu mardi 16 octobre 2025.", lang="fr", published=PUB)
    (f,) = check_temporal(ts, published=PUB)
    assert (f.start, f.end, f.finding) == (ts[0].start, ts[0].end, "contradicted")
    assert "Thursday" in f.explanation and "Tuesday" in f.explanation


def test_weekday_date_agreement_is_consistent() -> None:
    ts = extract_temporal("The vote was held on Thursday, October 16, 2025.", lang="en", published=PUB)
    assert [c.finding for c in check_temporal(ts, published=PUB)] == ["consistent"]


def test_ce_jeudi_on_a_wednesday_is_the_next_day() -> None:
    wed = dt.date(2025, 10, 15)
    (t,) = extract_temporal("Les ministres se retrouveront ce jeudi.", lang="fr", published=wed)
    assert t.value == "2025-10-16"
    # the check computed that day itself: "resolved", not evidence that it is right
    assert check_temporal([t], published=wed)[0].finding == "resolved"


# ---- the seed article -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed() -> tuple[str, dict, list[Timex]]:
    text = (DATA / "seed-maroc-russie-fr.txt").read_text(encoding="utf-8")
    gold = json.loads((DATA / "seed-maroc-russie-fr.gold.json").read_text(encoding="utf-8"))
    skip = [(b["start"], b["end"]) for b in gold["boilerplate"]]
    return text, gold, extract_temporal(text, lang="fr", published=PUB, skip=skip)


def _at(timexes: list[Timex], start: int, end: int) -> Timex:
    return next(t for t in timexes if (t.start, t.end) == (start, end))


def test_seed_dateline(seed) -> None:
    text, gold, ts = seed
    t = _at(ts, 0, 23)
    assert (t.text, t.value, t.role) == ("jeudi, octobre 16, 2025", "2025-10-16", "dateline")
    assert check_temporal([t], published=PUB)[0].finding == "consistent"


def test_seed_ce_jeudi(seed) -> None:
    _, _, ts = seed
    assert _at(ts, 351, 359).value == "2025-10-16"


def test_seed_huit_ans_anchor(seed) -> None:
    _, gold, ts = seed
    g = next(x for x in gold["timexes"] if x["text"] == "huit ans")
    t = _at(ts, g["start"], g["end"])
    assert (t.timex_type, t.value) == ("DURATION", "P8Y")
    a = g["anchor_event"]
    assert (t.anchor["text"], t.anchor["start"], t.anchor["end"], t.anchor["relation"]) == (
        a["text"], a["start"], a["end"], a["relation"])
    claim = t.to_claim().to_json()
    assert claim["kind"] == "temporal" and claim["anchor"]["text"] == a["text"]


def test_seed_fin_du_mois(seed) -> None:
    _, _, ts = seed
    t = next(t for t in ts if t.text == "la fin du mois")
    assert (t.value, t.mod, t.resolved_day) == ("2025-10", "END", "2025-10-31")
    assert t.resolved == ("2025-10-25", "2025-10-31")


def test_seed_boilerplate_year_skipped(seed) -> None:
    text, _, ts = seed
    assert not any(t.text == "2024" for t in ts)
    # without skip it is found (it is a real year, only in the wrong place)
    assert any(t.text == "2024" for t in extract_temporal(text, lang="fr", published=PUB))


def test_seed_no_false_positives(seed) -> None:
    _, gold, ts = seed
    gold_spans = [(g["start"], g["end"]) for g in gold["timexes"]]
    for t in ts:
        assert any(t.start < e and s < t.end for s, e in gold_spans), t


def test_seed_with_find_boilerplate() -> None:
    from verifier.text import find_boilerplate

    text = (DATA / "seed-maroc-russie-fr.txt").read_text(encoding="utf-8")
    skip = [(b.start, b.end) for b in find_boilerplate(text)]
    assert not any(t.text == "2024" for t in extract_temporal(text, lang="fr", published=PUB, skip=skip))


def test_dateline_anchors_relatives_without_published() -> None:
    ts = extract_temporal("jeudi, octobre 16, 2025\nLe vote a eu lieu hier.", lang="fr", published=None)
    assert [(t.text, t.value) for t in ts] == [("jeudi, octobre 16, 2025", "2025-10-16"),
                                              ("hier", "2025-10-15")]


def test_unresolvable_without_reference() -> None:
    (t,) = extract_temporal("Le vote a eu lieu hier.", lang="fr", published=None)
    assert t.value == "XXXX-XX-XX"


# ---- FTiB sample (LGPL-LR, see tests/data/temporal/README.md) --------------------------------
def test_ftib_sample_recall_and_values() -> None:
    gold_n = found = value_ok = 0
    for line in (DATA / "timex-fr-sample.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        pred = extract_temporal(doc["text"], lang="fr", published=dt.date.fromisoformat(doc["dct"]))
        for g in doc["timexes"]:
            if g["type"] not in ("DATE", "TIME"):
                continue
            gold_n += 1
            hit = next((p for p in pred if p.start < g["end"] and g["start"] < p.end), None)
            if hit:
                found += 1
                value_ok += hit.value == g["value"]
    assert found / gold_n >= 0.85 and value_ok / found >= 0.85


# ---- properties -----------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 /.,-'’hHé:\n") + [
    "jeudi", "octobre", "mars", "Mai", "hier", "le ", "la fin du mois", "il y a ", "ans", "après ",
    "2025", "1er", "ce ", "dernier", "May", "last ", "ago", "at ", "pm", "heures", "mi-",
    "début ", "XIXe siècle", "les années ", "lendemain", "31 février"]), max_size=40).map("".join),
       st.sampled_from(["fr", "en"]), st.none() | st.dates())
def test_never_raises_and_spans_hold(text: str, lang: str, published: dt.date | None) -> None:
    for t in extract_temporal(text, lang=lang, published=published):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        t.to_claim().to_json()
    check_temporal(extract_temporal(text, lang=lang, published=published), published=published)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode(text: str) -> None:
    for t in extract_temporal(text, lang="fr", published=PUB):
        assert text[t.start:t.end] == t.text


# ---- English precision fixes: a modifier or a name is not a date --------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("This image released by 20th Century Fox shows the cast.", []),
    ("The 21st Century Insurance office closed.", []),
    ("Cities grew fast in the 20th century.", [("the 20th century", "DATE", "19")]),
    ("My daughters watched the Christmas classic Home Alone.", []),
    ("He put up a Christmas tree.", []),
    ("Stores were busy during the Christmas holidays.", [("Christmas", "DATE", "2024-12-25")]),
    ("Sales rose before Christmas.", [("Christmas", "DATE", "2024-12-25")]),
    ("Payment is dependent on the future performance of the fund.", []),
    ("Stocks were set for a quiet open, with the future contract for the Dow down.", []),
    ("The future of the plant is unclear.", [("The future", "DATE", "FUTURE_REF")]),
    ("We will look at it again in the future.", [("the future", "DATE", "FUTURE_REF")]),
    ("I have grown a beard over the past couple of years.", []),
    ("She does not dwell on the past.", [("the past", "DATE", "PAST_REF")]),
])
def test_en_modifiers_and_names_not_dates(sentence: str, expected: list) -> None:
    got = [(t.text, t.timex_type, t.value)
           for t in extract_temporal(sentence, lang="en", published=dt.date(2025, 1, 10))
           if t.timex_type in ("DATE", "TIME")]
    assert got == expected


# ---- speed: anchored rules run in windows, with the same matches as finditer -------------
@pytest.mark.parametrize("lang, text", [
    ("fr", "Il y a deux ans, il a passé trois semaines et demie à Rabat, du 2 au 5 mai 2024."),
    ("fr", "Les 6 et 13 avril prochains, puis lundi 3 juin, pendant plus de vingt-quatre heures."),
    ("fr", "ces dernières un peu moins de quatre-vingt-dix-neuf ans " * 3),
    ("en", "Over the past two and a half years, since Monday, March 3, 2024, and 12 May 2025."),
    ("en", "It took several weeks; the 3rd of June; the 20-year-old; May may come. " * 4),
    ("en", "İstanbul, March 3, 2024: three days later."),  # lower() changes the length
])
def test_windowed_rules_match_finditer(lang: str, text: str) -> None:
    from verifier.extract.temporal_rules import _RULES

    rs = _RULES[lang]
    for rx, _, ms in rs.matches(text):
        assert [m.span() for m in ms] == [m.span() for m in rx.finditer(text)], rx.pattern[:60]
    found = {id(rx) for rx, _, _ in rs.matches(text)}
    for rx, _ in rs.rules:  # a rule the prefilter leaves out would have found nothing
        if id(rx) not in found:
            assert not list(rx.finditer(text)), rx.pattern[:60]


# ---- ranges: the second month of a range follows the first ---------------------------------
@pytest.mark.parametrize("lang, sentence, expected", [
    ("fr", "Les réservations de mai-juin ont chuté.", ["2025-05", "2025-06"]),
    ("fr", "D'octobre à janvier, la station est restée fermée.", ["2024-10", "2025-01"]),
    ("fr", "Entre février et avril, le chômage a reculé.", ["2025-02", "2025-04"]),
    ("en", "From October to January, the plant stayed closed.", ["2024-10", "2025-01"]),
])
def test_month_ranges_follow_their_first_month(lang: str, sentence: str, expected: list) -> None:
    got = [t.value for t in extract_temporal(sentence, lang=lang, published=dt.date(2025, 5, 20))
           if t.timex_type == "DATE"]
    assert got == expected


@pytest.mark.parametrize("lang, sentence, expected", [
    # a month modifying a noun after an article is a date; "the March for Science" is a name
    ("en", "The November ruling was appealed within days.", [("November", "DATE", "2024-11")]),
    ("en", "The March for Science drew thousands.", []),
    # "à ce jour" is now; "la dernière décennie" is the ten years up to now
    ("fr", "Aucune plainte n'a été déposée à ce jour.", [("ce jour", "TIME", "PRESENT_REF")]),
    ("fr", "Les crues de la dernière décennie ont coûté cher.",
     [("la dernière décennie", "DURATION", "P10Y")]),
])
def test_month_modifiers_present_and_last_decade(lang: str, sentence: str, expected: list) -> None:
    got = [(t.text, t.timex_type, t.value)
           for t in extract_temporal(sentence, lang=lang, published=dt.date(2025, 2, 10))]
    assert got == expected


@pytest.mark.parametrize("lang, sentence, expected", [
    # "juill." is July in French datelines; "only one day after" is one day, "One day," is not
    ("fr", "OTTAWA, le 3 juill. 2025 /CNW/ - La ministre a parlé.", [("le 3 juill. 2025", "DATE", "2025-07-03")]),
    ("en", "The vote came only one day after the debate.", [("one day", "DURATION", "P1D")]),
    ("en", "One day, the bridge will be rebuilt.", []),
])
def test_abbreviated_july_and_one_day(lang: str, sentence: str, expected: list) -> None:
    got = [(t.text, t.timex_type, t.value)
           for t in extract_temporal(sentence, lang=lang, published=dt.date(2025, 7, 3))]
    assert got == expected


@pytest.mark.parametrize("lang, sentence, expected", [
    # a month of the year before or after the reference's, not the latest such month
    ("en", "The review was ordered in October last year.", [("October last year", "DATE", "2024-10")]),
    ("en", "The panel, set up in November last year, reports soon.", [("November last year", "DATE", "2024-11")]),
    ("en", "The vote is due in March next year.", [("March next year", "DATE", "2026-03")]),
    ("en", "Grants close on 31 December this year.", [("31 December this year", "DATE", "2025-12-31")]),
    # two units joined by "and": one duration
    ("en", "His term was cut by one year and ten months.", [("one year and ten months", "DURATION", "P1Y10M")]),
    ("en", "The strike lasted two days and six hours.", [("two days and six hours", "DURATION", "P2DT6H")]),
    ("en", "They waited five months and two years.", [("five months", "DURATION", "P5M")]),
    # that very day, so long ago
    ("en", "A year ago today, the party called for a review.", [("A year ago today", "DATE", "2024-11-20")]),
    # a rate: "per year"
    ("en", "Drivers save up to £500 per year.", [("per year", "SET", "P1Y")]),
    # a planned event lies ahead, whatever its participle
    ("en", "Webinars scheduled December 2 and January 11.",
     [("December 2", "DATE", "2025-12-02"), ("January 11", "DATE", "2026-01-11")]),
    # "the Future of X": a name, not the future
    ("en", "The Future of Roads Minister spoke.", []),
    ("fr", "Le rapport a été commandé en octobre l'an dernier.", [("octobre l'an dernier", "DATE", "2024-10")]),
    ("fr", "La loi a été votée en juin de l'année dernière.", [("juin de l'année dernière", "DATE", "2024-06")]),
    ("fr", "Le vote aura lieu en mars l'an prochain.", [("mars l'an prochain", "DATE", "2026-03")]),
    ("fr", "Le 31 décembre de l'année dernière, il a neigé.",
     [("Le 31 décembre de l'année dernière", "DATE", "2024-12-31")]),
    ("fr", "Sa peine a été réduite d'un an et dix mois.", [("un an et dix mois", "DURATION", "P1Y10M")]),
    ("fr", "Il a été condamné à 10 ans et 6 mois de prison.", [("10 ans et 6 mois", "DURATION", "P10Y6M")]),
    ("fr", "Il y a un an jour pour jour, le parti réclamait une enquête.",
     [("Il y a un an jour pour jour", "DATE", "2024-11-20")]),
    ("fr", "Un électricien de 37 ans a été blessé.", []),
])
def test_round_eight(lang: str, sentence: str, expected: list) -> None:
    """Decisions §44: months of the year before or after, joined durations, "ago today", "per
    year", planned events, names that hold "the Future" (reference date 2025-11-20)."""
    got = [(t.text, t.timex_type, t.value)
           for t in extract_temporal(sentence, lang=lang, published=dt.date(2025, 11, 20))]
    assert got == expected



@pytest.mark.parametrize("lang, unit", [("fr", "trimestre"), ("fr", "semestre"), ("en", "quarter"),
                                        ("en", "half")])
def test_every_ordinal_of_a_quarter_or_half_reads_without_error(lang: str, unit: str) -> None:
    """Every ordinal the quarter rule knows, and the Q/H forms, give a value or nothing, never
    an error ("quatrième" starts with the q of "Q4")."""
    from verifier.extract.temporal_rules import _ORDINAL_PART

    for word in [*_ORDINAL_PART, "Q4", "H2", "q1", "h1"]:
        for text in (f"Au {word} {unit} 2024, les ventes ont baissé.", f"In the {word} {unit} of 2024 sales fell."):
            found = extract_temporal(text, lang=lang, published=dt.date(2025, 1, 10))
            assert all(t.value for t in found)
    assert [t.value for t in extract_temporal("Au quatrième trimestre 2024, les ventes ont baissé.",
                                              lang="fr", published=dt.date(2025, 1, 10))] == ["2024-Q4"]


def test_nearest_tense_is_the_closest_cue_outside_the_expression() -> None:
    """nearest_tense (a binary search since a long sentence with many dates made it quadratic)
    gives what a scan of every cue gives: the closest cue outside the expression, the earlier
    one on a tie."""
    import random

    from verifier.extract.temporal_resolve import nearest_tense

    def scan(markers: list[tuple[int, str]], pos: int, skip: tuple[int, int]) -> str | None:
        best, best_d = None, 10**9
        for p, t in markers:
            if not skip[0] <= p < skip[1] and abs(p - pos) < best_d:
                best, best_d = t, abs(p - pos)
        return best

    rng = random.Random(12)
    for _ in range(5000):
        markers = sorted((rng.randrange(60), rng.choice(["PAST", "FUTURE"])) for _ in range(rng.randrange(12)))
        pos = rng.randrange(60)
        skip = (pos, pos + rng.randrange(10))
        assert nearest_tense(markers, pos, skip) == scan(markers, pos, skip)
