"""Claims that use the knowledge base (issue 16, docs/decisions.md §35): role appositions and
counterparts, titles before names, former holders, UN Security Council presidencies in every
tense, memberships, mandate renewals and resolutions, dated visits; in French and English, true
and false, checked against tests/data/packs/claims.yaml (real-world values, written by hand).
Each statement goes through the extractor and the check; some through the real CLI in a
subprocess (`verifier check --format json --dry-run --facts ...`)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from verifier.check.fixes import what_to_fix
from verifier.check.knowledge import check_claims
from verifier.claims import CheckedClaim, FactualClaim
from verifier.explain import explain
from verifier.extract.pipeline import extract_claims
from verifier.reference.kb import KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "tests/data/packs/claims.yaml"
KB = KnowledgeBase.from_pack(PACK)
PUB = date(2025, 10, 16)


def checked(text: str, lang: str, published: date = PUB, kb: KnowledgeBase = KB) -> list[CheckedClaim]:
    claims = [c for c in extract_claims(text, lang=lang, published=published, kb=kb) if isinstance(c, FactualClaim)]
    findings = check_claims(claims, text=text, published=published, kb=kb, lang=lang)
    return [CheckedClaim(c, f) for c, f in zip(claims, findings, strict=True) if f is not None]


def one(text: str, lang: str, predicate: str, published: date = PUB) -> CheckedClaim:
    found = [c for c in checked(text, lang, published) if c.claim.predicate == predicate]
    assert len(found) == 1, [(c.claim.predicate, c.claim.text) for c in checked(text, lang, published)]
    return found[0]


# (text, lang, published, finding, words the explanation must hold)
OFFICES = [
    # a quarter dates the claim to its year
    ("Au deuxième trimestre 2016, le président de la France était François Hollande.", "fr", PUB, "consistent", ["In 2016"]),
    ("In the second quarter of 2016, the president of France was Nicolas Sarkozy.", "en", PUB, "contradicted", ["François Hollande"]),
    ("En 2016, le président de la France était François Hollande.", "fr", PUB, "consistent", ["In 2016", "François Hollande"]),
    ("En 2016, le président de la France était Emmanuel Macron.", "fr", PUB, "contradicted", ["In 2016 the President of France was François Hollande"]),
    ("In 2016 France's president was François Hollande.", "en", PUB, "consistent", ["15 May 2012 to 14 May 2017"]),
    ("In 2016 France's president was Emmanuel Macron.", "en", PUB, "contradicted", ["was François Hollande", "not Emmanuel Macron"]),
    ("En 2009, le président russe était Vladimir Poutine.", "fr", PUB, "contradicted", ["Dmitry Medvedev"]),
    ("Le président Emmanuel Macron a reçu la délégation.", "fr", PUB, "consistent", ["since 14 May 2017"]),
    ("Le président Emmanuel Macron a reçu la délégation.", "fr", date(2015, 6, 1), "contradicted", ["François Hollande"]),
    ("La chancelière Angela Merkel a reçu le roi.", "fr", PUB, "contradicted", ["Friedrich Merz"]),
    ("La chancelière Angela Merkel a reçu le roi.", "fr", date(2015, 6, 1), "consistent", ["Chancellor of Germany"]),
    ("Fed chair Jerome Powell spoke on Tuesday.", "en", PUB, "consistent", ["Chair of the Federal Reserve"]),
    ("Fed chair Janet Yellen spoke on Tuesday.", "en", PUB, "contradicted", ["Jerome Powell"]),
    ("Le président de la Fed, Jerome Powell, a parlé.", "fr", PUB, "consistent", ["since 5 February 2018"]),
    ("UN Secretary-General António Guterres welcomed the vote.", "en", PUB, "consistent", ["United Nations"]),
    ("UN Secretary-General António Guterres welcomed the vote.", "en", date(2016, 6, 16), "contradicted", ["Ban Ki-moon"]),
    ("Le roi Mohammed VI a reçu la délégation.", "fr", PUB, "consistent", ["King of Morocco"]),
    ("Le ministre marocain des Affaires étrangères, Nasser Bourita, a parlé.", "fr", PUB, "consistent", ["Morocco"]),
    ("Le ministre marocain des Affaires étrangères, Nasser Bourita, a parlé.", "fr", date(2015, 5, 1), "contradicted", ["Salaheddine Mezouar"]),
    ("Russian Foreign Minister Sergey Lavrov arrived.", "en", PUB, "consistent", ["since 9 March 2004"]),
    ("In 2016 the then-president Emmanuel Macron signed the treaty.", "en", PUB, "contradicted", ["François Hollande"]),
    ("In 2016 the then-president François Hollande signed the treaty.", "en", PUB, "consistent", ["In 2016"]),
    # the knowledge base has no holder of the office then: no evidence, never contradicted
    ("Le ministre russe des Affaires étrangères Sergueï Lavrov est arrivé.", "fr", date(2001, 1, 1), "no_evidence", ["no holder"]),
    ("German Chancellor Friedrich Merz spoke.", "en", date(1990, 1, 1), "no_evidence", []),
]


@pytest.mark.parametrize("text, lang, published, finding, words", OFFICES)
def test_offices_and_titles(text: str, lang: str, published: date, finding: str, words: list[str]) -> None:
    c = one(text, lang, "holds_office", published)
    assert c.finding == finding, c.result.explanation
    for w in words:
        assert w in c.result.explanation
    assert c.claim.text == text[c.claim.start:c.claim.end]
    if finding == "no_evidence":
        assert c.result.evidence == ()
    else:
        assert c.result.evidence and all(e.source_url for e in c.result.evidence)


COUNTERPARTS = [
    # (text, lang, published, the counterpart's name, office, country, finding)
    ("Nasser Bourita, ministre marocain des Affaires étrangères, a reçu son homologue russe, Sergueï Lavrov.",
     "fr", PUB, "Sergey Lavrov", "Minister of Foreign Affairs", "Russia", "consistent"),
    ("Nasser Bourita s'est entretenu avec son homologue russe Sergueï Lavrov à Moscou.",
     "fr", PUB, "Sergey Lavrov", "Minister of Foreign Affairs", "Russia", "consistent"),
    ("Nasser Bourita a reçu son homologue russe, Dmitri Medvedev.",
     "fr", PUB, "Dmitry Medvedev", "Minister of Foreign Affairs", "Russia", "contradicted"),
    ("Moroccan Foreign Minister Nasser Bourita met his Russian counterpart Sergei Lavrov.",
     "en", PUB, "Sergey Lavrov", "Minister of Foreign Affairs", "Russia", "consistent"),
    ("Sergey Lavrov, Russia's top diplomat, welcomed his Moroccan counterpart Nasser Bourita.",
     "en", PUB, "Nasser Bourita", "Minister of Foreign Affairs", "Morocco", "consistent"),
    ("Sergey Lavrov, Russia's top diplomat, welcomed his Moroccan counterpart Salaheddine Mezouar.",
     "en", PUB, "Salaheddine Mezouar", "Minister of Foreign Affairs", "Morocco", "contradicted"),
    ("Le président Emmanuel Macron a reçu son homologue russe Vladimir Poutine.",
     "fr", PUB, "Vladimir Putin", "President", "Russia", "consistent"),
    ("Le président Emmanuel Macron a reçu son homologue russe Dmitri Medvedev.",
     "fr", PUB, "Dmitry Medvedev", "President", "Russia", "contradicted"),
]


@pytest.mark.parametrize("text, lang, published, name, office, country, finding", COUNTERPARTS)
def test_counterparts_take_the_office_of_whom_they_mirror(text: str, lang: str, published: date, name: str,
                                                          office: str, country: str, finding: str) -> None:
    found = [c for c in checked(text, lang, published) if c.claim.predicate == "holds_office" and c.claim.subject == name]
    assert len(found) == 1
    c = found[0]
    assert (c.claim.object, c.claim.of) == (office, country)
    assert c.finding == finding, c.result.explanation


def test_a_counterpart_with_no_country_or_several_people_is_no_claim() -> None:
    assert [c for c in checked("Nasser Bourita a reçu son homologue, Sergueï Lavrov.", "fr")
            if c.claim.subject == "Sergey Lavrov"] == []
    assert [c for c in checked("Des ministres marocains et leurs homologues russes ont signé.", "fr")] == []


FORMER = [
    ("L'ancien président François Hollande a parlé.", "fr", "consistent", ["before 16 October 2025"]),
    ("L'ancien président Emmanuel Macron a parlé.", "fr", "contradicted", ["still"]),
    ("L'ex-président Nicolas Sarkozy a été entendu.", "fr", "consistent", ["16 May 2007 to 15 May 2012"]),
    ("Former German chancellor Angela Merkel spoke.", "en", "consistent", ["22 November 2005 to 8 December 2021"]),
    ("Former Fed chair Jerome Powell spoke.", "en", "contradicted", ["still"]),
    ("L'ancienne chancelière Angela Merkel a parlé.", "fr", "consistent", ["Chancellor of Germany"]),
    ("Ex-UN Secretary-General Ban Ki-moon spoke.", "en", "consistent", ["Secretary-General of United Nations"]),
    ("L'ancien secrétaire général de l'ONU António Guterres a parlé.", "fr", "contradicted", ["still"]),
    ("The then-president François Hollande signed the treaty.", "en", "consistent", ["before 16 October 2025"]),
]


@pytest.mark.parametrize("text, lang, finding, words", FORMER)
def test_former_holders(text: str, lang: str, finding: str, words: list[str]) -> None:
    c = one(text, lang, "holds_office")
    assert c.claim.former is True
    assert c.finding == finding, c.result.explanation
    for w in words:
        assert w in c.result.explanation


def test_a_future_holder_is_no_claim() -> None:
    assert checked("Le futur président Jean Dupont a parlé.", "fr") == []


PRESIDENCIES = [
    # (text, lang, published, finding, the month the claim is about)
    ("La Russie se prépare à prendre, en octobre prochain, la présidence tournante du Conseil de sécurité.", "fr", date(2025, 9, 16), "consistent", "2025-10"),
    ("La France prendra en octobre la présidence tournante du Conseil de sécurité.", "fr", date(2025, 9, 16), "contradicted", "2025-10"),
    ("Le Conseil de sécurité est actuellement présidé par la Russie.", "fr", PUB, "consistent", "2025-10-16"),
    ("Le Conseil de sécurité est actuellement présidé par la Chine.", "fr", PUB, "contradicted", "2025-10-16"),
    ("Le Conseil de sécurité s'est réuni. La France a assuré la présidence en avril.", "fr", PUB, "consistent", "2025-04"),
    ("Le Conseil de sécurité s'est réuni. La Russie a assuré la présidence en avril.", "fr", PUB, "contradicted", "2025-04"),
    ("The Security Council met. France held the presidency in April.", "en", PUB, "consistent", "2025-04"),
    ("The Security Council met. Russia held the presidency in April.", "en", PUB, "contradicted", "2025-04"),
    ("The UN Security Council is currently presided by Russia.", "en", PUB, "consistent", "2025-10-16"),
    ("Russia will take over the rotating presidency of the Security Council in November.", "en", PUB, "contradicted", "2025-11"),
    ("Sierra Leone will take over the rotating presidency of the Security Council in November.", "en", PUB, "consistent", "2025-11"),
    ("La Slovénie prendra la présidence du Conseil de sécurité en décembre.", "fr", PUB, "consistent", "2025-12"),
]


@pytest.mark.parametrize("text, lang, published, finding, at", PRESIDENCIES)
def test_presidencies_in_every_tense(text: str, lang: str, published: date, finding: str, at: str) -> None:
    c = one(text, lang, "presides", published)
    assert c.claim.subject == "UN Security Council"
    assert c.claim.at == at
    assert c.finding == finding, c.result.explanation


def test_a_presidency_the_pack_does_not_cover_is_no_evidence() -> None:
    c = one("The Security Council met. France held the presidency in April 2019.", "en", "presides")
    assert c.finding == "no_evidence" and c.claim.at == "2019-04"


MEMBERSHIPS = [
    ("L'Algérie, membre non permanent du Conseil de sécurité, a voté contre.", "fr", PUB, "consistent"),
    ("Le Maroc, membre non permanent du Conseil de sécurité, a voté contre.", "fr", PUB, "contradicted"),
    ("Le Maroc, membre non permanent du Conseil de sécurité, a voté contre.", "fr", date(2012, 10, 16), "consistent"),
    ("La France, membre non permanent du Conseil de sécurité, a voté.", "fr", PUB, "contradicted"),
    ("La France, membre permanent du Conseil de sécurité, a voté.", "fr", PUB, "consistent"),
    ("Le Conseil de sécurité a voté. Le Danemark, membre non permanent, s'est abstenu.", "fr", PUB, "consistent"),
    ("Algeria, a non-permanent member of the Security Council, voted against.", "en", PUB, "consistent"),
    ("Morocco, a non-permanent member of the Security Council, voted against.", "en", PUB, "contradicted"),
    ("China, a permanent member of the Security Council, abstained.", "en", PUB, "consistent"),
    ("Pakistan, a non-permanent member of the Security Council, abstained.", "en", date(2024, 6, 1), "contradicted"),
    ("The Security Council met. Somalia, a non-permanent member, spoke.", "en", PUB, "consistent"),
    ("Algeria, a non-permanent member of the Security Council, voted.", "en", date(2010, 6, 1), "no_evidence"),
]


@pytest.mark.parametrize("text, lang, published, finding", MEMBERSHIPS)
def test_memberships(text: str, lang: str, published: date, finding: str) -> None:
    c = one(text, lang, "member_of", published)
    assert c.claim.object == "UN Security Council"
    assert c.finding == finding, c.result.explanation


MANDATES = [
    ("Le Conseil de sécurité doit prolonger le mandat de la MINURSO pour une année supplémentaire.", "fr", PUB, "consistent", "P1Y"),
    ("Le Conseil de sécurité doit prolonger le mandat de la MINURSO de six mois.", "fr", PUB, "contradicted", "P6M"),
    ("En 2024, le Conseil de sécurité a renouvelé le mandat de la MINURSO pour un an.", "fr", PUB, "consistent", "P1Y"),
    ("En 2024, le Conseil de sécurité a renouvelé le mandat de la MINURSO pour deux ans.", "fr", PUB, "contradicted", "P2Y"),
    ("La résolution 2756 (2024) a prolongé le mandat de la MINURSO jusqu'au 31 octobre 2025.", "fr", PUB, "consistent", None),
    ("La résolution 2756 (2024) a prolongé le mandat de la MINURSO jusqu'au 30 avril 2025.", "fr", PUB, "contradicted", None),
    ("The Council renewed MINURSO's mandate for one year on 31 October 2024.", "en", PUB, "consistent", "P1Y"),
    ("The Council renewed MINURSO's mandate for six months on 31 October 2024.", "en", PUB, "contradicted", "P6M"),
    ("In 2023 the Security Council extended the mandate of MINURSO for one year.", "en", PUB, "consistent", "P1Y"),
    ("The Security Council extended the mandate of MINURSO until 31 October 2026.", "en", date(2025, 11, 2), "consistent", None),
    ("The Security Council extended the mandate of MINURSO until 31 October 2027.", "en", date(2025, 11, 2), "contradicted", None),
    ("The Security Council extended the mandate of MINURSO for one year.", "en", date(2019, 11, 2), "no_evidence", "P1Y"),
]


@pytest.mark.parametrize("text, lang, published, finding, duration", MANDATES)
def test_mandate_renewals(text: str, lang: str, published: date, finding: str, duration: str | None) -> None:
    c = one(text, lang, "mandate", published)
    assert c.claim.subject == "MINURSO" and c.claim.duration == duration
    assert c.finding == finding, c.result.explanation


RESOLUTIONS = [
    ("La résolution 2756 (2024) a prolongé le mandat.", "fr", "consistent"),
    ("La résolution 2756 (2023) a prolongé le mandat.", "fr", "contradicted"),
    ("Resolution 2797 (2025) renewed the mandate.", "en", "consistent"),
    ("Resolution 2797 (2024) renewed the mandate.", "en", "contradicted"),
    ("La résolution 2703 (2023) avait prolongé le mandat.", "fr", "consistent"),
    ("Resolution 2703 (2022) had renewed the mandate.", "en", "contradicted"),
    ("La résolution 2756, adoptée le 31 octobre 2024, prolonge le mandat.", "fr", "consistent"),
    ("Resolution 2756 was adopted on 30 October 2024.", "en", "partial"),
    ("La résolution 2756 a été adoptée le 31 octobre 2023.", "fr", "contradicted"),
    ("La résolution 1234 (2019) a été adoptée.", "fr", "no_evidence"),
]


@pytest.mark.parametrize("text, lang, finding", RESOLUTIONS)
def test_resolutions_by_number(text: str, lang: str, finding: str) -> None:
    c = one(text, lang, "event")
    assert c.finding == finding, c.result.explanation


VISITS = [
    ("Depuis 2016, lors de la visite d'Etat du roi à Moscou, les liens se sont renforcés.", "fr", "consistent"),
    ("Depuis 2018, lors de la visite d'Etat du roi à Moscou, les liens se sont renforcés.", "fr", "contradicted"),
    ("King Mohammed VI's state visit to Moscow in March 2016 opened a new chapter.", "en", "consistent"),
    ("King Mohammed VI's state visit to Moscow in March 2017 opened a new chapter.", "en", "contradicted"),
    ("En visite d'État à Rabat en octobre 2024, le président Emmanuel Macron a prononcé un discours.", "fr", "consistent"),
    ("En visite d'État à Rabat en octobre 2022, le président Emmanuel Macron a prononcé un discours.", "fr", "contradicted"),
    ("Emmanuel Macron visited Rabat in October 2024.", "en", "consistent"),
    ("Emmanuel Macron visited Rabat in 2019.", "en", "contradicted"),
    ("La visite officielle de Nasser Bourita à Moscou en 2016 a été préparée.", "fr", "no_evidence"),
    ("The state visit by Emmanuel Macron to Rabat in October 2024 was a success.", "en", "consistent"),
    ("Mohammed VI s'est rendu à Moscou en mars 2016.", "fr", "consistent"),
    ("Mohammed VI s'est rendu à Moscou en mars 2019.", "fr", "contradicted"),
]


@pytest.mark.parametrize("text, lang, finding", VISITS)
def test_dated_visits(text: str, lang: str, finding: str) -> None:
    c = one(text, lang, "visit")
    assert c.finding == finding, c.result.explanation
    assert c.claim.at and c.claim.dated_by == "statement"


def test_a_visit_without_a_date_is_no_claim() -> None:
    assert [c for c in checked("La visite d'Etat du roi à Moscou a marqué les esprits.", "fr")
            if c.claim.predicate == "visit"] == []


# --- heads of institutions, against the bundled packs (verifier/data/packs/) -------------------


def _bundled() -> KnowledgeBase:
    from verifier.reference.facts import PackInfo
    from verifier.reference.packs import bundled_names, parse_bundled

    facts, infos = [], []
    for name in bundled_names(["all"]):
        p = parse_bundled(name)
        facts.extend(p.facts)
        infos.append(PackInfo(name=name, built=p.meta.built, covered_until=p.meta.covered_until,
                              licence=p.meta.licence, facts=len(p.facts)))
    return KnowledgeBase(facts, packs=infos)


BUNDLED = _bundled()

# (text, lang, published, finding, office, institution, words the explanation must hold)
INSTITUTION_HEADS = [
    ("In 2015 the Fed chair Ben Bernanke spoke.", "en", PUB, "contradicted", "Chair", "Federal Reserve", ["Janet Yellen"]),
    ("In 2015 the Fed chair Janet Yellen spoke.", "en", PUB, "consistent", "Chair", "Federal Reserve", ["3 February 2014 to 3 February 2018"]),
    ("Fed Chair Jerome Powell spoke on Tuesday.", "en", PUB, "consistent", "Chair", "Federal Reserve", ["since 5 February 2018"]),
    ("Federal Reserve Chairman Ben Bernanke spoke in 2008.", "en", PUB, "consistent", "Chair", "Federal Reserve", ["In 2008"]),
    ("Federal Reserve Chairman Alan Greenspan spoke in 2008.", "en", PUB, "contradicted", "Chair", "Federal Reserve", ["Ben Bernanke"]),
    ("IMF Managing Director Kristalina Georgieva warned on Monday.", "en", PUB, "consistent", "Managing Director", "International Monetary Fund", ["since 1 October 2019"]),
    ("IMF Managing Director Christine Lagarde warned on Monday.", "en", PUB, "contradicted", "Managing Director", "International Monetary Fund", ["Kristalina Georgieva"]),
    ("La directrice générale du FMI Kristalina Georgieva a averti lundi.", "fr", PUB, "consistent", "Managing Director", "International Monetary Fund", []),
    ("En 2016, la directrice générale du FMI, Kristalina Georgieva, a averti.", "fr", PUB, "consistent", "Managing Director", "International Monetary Fund", ["today's"]),
    ("En 2016, la directrice générale du FMI était Kristalina Georgieva.", "fr", PUB, "contradicted", "Managing Director", "International Monetary Fund", ["Christine Lagarde"]),
    ("Le président de la BCE Mario Draghi a parlé.", "fr", PUB, "contradicted", "President", "European Central Bank", ["Christine Lagarde"]),
    ("En 2015, le président de la BCE Mario Draghi a parlé.", "fr", PUB, "consistent", "President", "European Central Bank", ["1 November 2011 to 31 October 2019"]),
    ("Mario Draghi, président de la BCE, a parlé en 2012.", "fr", PUB, "consistent", "President", "European Central Bank", ["In 2012"]),
    ("European Commission President Ursula von der Leyen spoke.", "en", PUB, "consistent", "President", "European Commission", ["since 1 December 2019"]),
    ("European Commission President Jean-Claude Juncker spoke.", "en", PUB, "contradicted", "President", "European Commission", ["Ursula von der Leyen"]),
    ("La présidente de la Commission européenne, Ursula von der Leyen, a parlé.", "fr", PUB, "consistent", "President", "European Commission", []),
    ("Le secrétaire général de l'ONU António Guterres a parlé.", "fr", PUB, "consistent", "Secretary-General", "United Nations", []),
    ("En 2010, le secrétaire général de l'ONU était António Guterres.", "fr", PUB, "contradicted", "Secretary-General", "United Nations", ["Ban Ki-moon"]),
    ("UN Secretary-General Kofi Annan spoke in 2003.", "en", PUB, "consistent", "Secretary-General", "United Nations", ["In 2003"]),
    ("The president of the World Bank, Ajay Banga, spoke.", "en", PUB, "consistent", "President", "World Bank", ["since 2 June 2023"]),
    ("The president of the World Bank, David Malpass, spoke.", "en", PUB, "contradicted", "President", "World Bank", ["Ajay Banga"]),
    ("Le président de la Commission de l'Union africaine, Moussa Faki Mahamat, a parlé.", "fr", PUB, "contradicted", "Chairperson", "African Union Commission", ["Mahmoud Ali Youssouf"]),
    ("Le président de la Commission de l'Union africaine, Moussa Faki Mahamat, a parlé.", "fr", date(2020, 5, 1), "consistent", "Chairperson", "African Union Commission", []),
    ("European Council President Charles Michel spoke in 2016.", "en", PUB, "contradicted", "President", "European Council", ["Donald Tusk"]),
    ("Le président du Conseil européen, António Costa, a parlé.", "fr", PUB, "consistent", "President", "European Council", ["since 1 December 2024"]),
    ("Le patron de la Fed, Jerome Powell, a parlé.", "fr", PUB, "consistent", "Chair", "Federal Reserve", []),
    ("En 2015, le président de la Fed était Ben Bernanke.", "fr", PUB, "contradicted", "Chair", "Federal Reserve", ["Janet Yellen"]),
    ("Le président de la Banque centrale européenne (BCE), Christine Lagarde, a parlé.", "fr", PUB, "consistent", "President", "European Central Bank", []),
    ("António Guterres, secrétaire général de l'Organisation des Nations unies, a parlé.", "fr", PUB, "consistent", "Secretary-General", "United Nations", []),
    ("The head of the IMF, Kristalina Georgieva, spoke.", "en", PUB, "consistent", "Managing Director", "International Monetary Fund", []),
    ("UN chief António Guterres spoke.", "en", PUB, "consistent", "Secretary-General", "United Nations", []),
    # "the bank", "l'institution": the institution named before whose names hold that noun
    ("The World Bank approved the loan. The bank's president, David Malpass, spoke.", "en", PUB, "contradicted", "President", "World Bank", ["Ajay Banga"]),
    ("La Banque mondiale a approuvé le prêt. Le président de l'institution, Ajay Banga, a parlé.", "fr", PUB, "consistent", "President", "World Bank", []),
]


@pytest.mark.parametrize("text, lang, published, finding, office, institution, words", INSTITUTION_HEADS)
def test_heads_of_institutions_against_the_bundled_packs(text: str, lang: str, published: date, finding: str,
                                                         office: str, institution: str, words: list[str]) -> None:
    (c,) = [c for c in checked(text, lang, published, kb=BUNDLED) if c.claim.predicate == "holds_office"]
    assert (c.claim.object, c.claim.of) == (office, institution)
    assert c.finding == finding, c.result.explanation
    for w in words:
        assert w in c.result.explanation
    assert c.claim.text == text[c.claim.start:c.claim.end]
    assert c.result.evidence and all(e.source_url for e in c.result.evidence)


FORMER_HEADS = [
    ("Former IMF chief Christine Lagarde spoke.", "en", "consistent", ["5 July 2011 to 12 September 2019"]),
    ("Ex-IMF chief Kristalina Georgieva spoke.", "en", "contradicted", ["still"]),
    ("L'ancien président de la BCE Mario Draghi a parlé.", "fr", "consistent", ["before 16 October 2025"]),
    ("L'ex-président de la BCE Christine Lagarde a parlé.", "fr", "contradicted", ["still"]),
    ("Ban Ki-moon, former UN Secretary-General, spoke.", "en", "consistent", ["Secretary-General of United Nations"]),
    ("Kristalina Georgieva, the IMF's former managing director, spoke.", "en", "contradicted", ["still"]),
    ("L'ancienne présidente de la Commission européenne Ursula von der Leyen a parlé.", "fr", "contradicted", ["still"]),
    ("Former Fed Chair Janet Yellen spoke.", "en", "consistent", ["Chair of Federal Reserve"]),
]


@pytest.mark.parametrize("text, lang, finding, words", FORMER_HEADS)
def test_former_heads_of_institutions(text: str, lang: str, finding: str, words: list[str]) -> None:
    (c,) = [c for c in checked(text, lang, kb=BUNDLED) if c.claim.predicate == "holds_office"]
    assert c.claim.former is True
    assert c.finding == finding, c.result.explanation
    for w in words:
        assert w in c.result.explanation


NOT_INSTITUTION_HEADS = [
    "The chair of the board, John Smith, resigned.",
    "Board chair John Smith resigned.",
    "Le président du club, Jean Dupont, a démissionné.",
    "Barclays said the bank's chairman, Nigel Higgins, would leave.",
    "The bank's chair, Jerome Powell, spoke.",  # no bank named before
    "IMF chief economist Gita Gopinath spoke.",
    "Deputy Managing Director of the IMF Gita Gopinath spoke.",
    "Le directeur général adjoint du FMI, Kenji Okamura, a parlé.",
    "Fed chair nominee Kevin Warsh spoke.",
    "The president of the European Council on Foreign Relations, Mark Leonard, spoke.",
    "He was fed up, said the chair Jerome Powell.",
    "Le patron du club, Jean Dupont, a parlé.",
    "Filippo Grandi, the head of the UN refugee agency, spoke.",
    "The head of the UN nuclear watchdog, Rafael Grossi, spoke.",
]


@pytest.mark.parametrize("text", NOT_INSTITUTION_HEADS)
def test_other_chairs_and_presidents_are_no_claim_about_these_institutions(text: str) -> None:
    institutions = {"Federal Reserve", "International Monetary Fund", "World Bank", "European Central Bank",
                    "European Council", "European Commission", "United Nations", "African Union Commission"}
    lang = "fr" if " du " in text else "en"
    claims = [c for c in extract_claims(text, lang=lang, published=PUB, kb=BUNDLED) if isinstance(c, FactualClaim)]
    assert [(c.text, c.of) for c in claims if c.of in institutions or c.object in ("Chair", "Managing Director")] == []


def test_an_institution_head_without_a_knowledge_base_keeps_the_lexicon_names() -> None:
    from verifier.extract.facts import extract_facts

    (c,) = extract_facts("La directrice générale du FMI Kristalina Georgieva a averti.", lang="fr", published=PUB)
    assert (c.subject, c.of, c.object, c.resolved) == ("Kristalina Georgieva", "International Monetary Fund",
                                                      "Director General", False)
    # "chief" names the institution's head: which office that is, only a knowledge base says
    assert extract_facts("IMF chief Kristalina Georgieva warned.", lang="en", published=PUB) == []


# --- the right value in words, in the article's language, and the correction ------------------


def test_a_contradicted_office_in_words_and_its_fix() -> None:
    c = one("En 2016, le président de la France était Emmanuel Macron.", "fr", "holds_office")
    fr = explain(c, lang="fr", published=PUB)
    assert fr.summary.startswith("Faux : en 2016, le président (France) était François Hollande")
    en = explain(c, lang="en", published=PUB)
    assert en.summary.startswith("Wrong: in 2016 the President of France was François Hollande")
    fix = what_to_fix(c, lang="fr", published=PUB)
    assert fix and fix.startswith("Write « François Hollande » instead of « Emmanuel Macron »")
    c = one("In 2016 France's president was Emmanuel Macron.", "en", "holds_office")
    assert explain(c, lang="en", published=PUB).summary.startswith("Wrong: in 2016 the President of France was François Hollande")
    fix = what_to_fix(c, lang="en", published=PUB)
    assert fix and fix.startswith("Write “François Hollande” instead of “Emmanuel Macron”")


def test_other_corrections_name_the_record() -> None:
    c = one("L'ancien président Emmanuel Macron a parlé.", "fr", "holds_office")
    assert (what_to_fix(c, lang="fr", published=PUB) or "").startswith("Drop “former”")
    c = one("The Security Council met. Russia held the presidency in April.", "en", "presides")
    assert (what_to_fix(c, lang="en", published=PUB) or "").startswith("Write “France” instead of “Russia”")
    assert explain(c, lang="fr", published=PUB).summary.startswith("Faux : en avril 2025, la présidence")
    c = one("Depuis 2018, lors de la visite d'Etat du roi à Moscou, les liens se sont renforcés.", "fr", "visit")
    assert explain(c, lang="fr", published=PUB).summary == (
        "Faux : la base de faits date la visite de Mohammed VI à Moscow du 15 mars 2016, pas en 2018.")
    assert explain(c, lang="en", published=PUB).about == "Visit: Mohammed VI to “Moscou”, in 2018."
    c = one("Le Maroc, membre non permanent du Conseil de sécurité, a voté contre.", "fr", "member_of")
    assert "1 January 2012 to 31 December 2013" in (what_to_fix(c, lang="fr", published=PUB) or "")


def test_a_title_of_today_in_a_sentence_about_the_past() -> None:
    """"le président Macron" in a sentence about 2015: today's title, not a claim he was
    president then; a copula ("était") states it at that date."""
    text = "En 2015, le président Emmanuel Macron était ministre de l'Économie."
    c, minister = checked(text, "fr")
    assert c.claim.text == "président Emmanuel Macron" and minister.claim.object == "Minister of Finance"
    assert minister.claim.dated_by == "statement"  # "Macron était ministre": stated for 2015
    assert c.claim.dated_by == "sentence" and c.claim.at == "2015"
    assert c.finding == "consistent" and "today's" in c.result.explanation


# --- through the real CLI ----------------------------------------------------------------------


def cli_check(tmp_path: Path, text: str, lang: str, published: str) -> dict:
    doc = tmp_path / "article.txt"
    doc.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VERIFIER_DATABASE_URL": f"sqlite:///{tmp_path / 'none.db'}"}
    env.pop("VERIFIER_TOKEN", None)
    run = subprocess.run([sys.executable, "-m", "verifier.cli", "check", str(doc), "--format", "json", "--dry-run",
                          "--facts", str(PACK), "--lang", lang, "--published", published],
                         capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


def test_cli_french_article(tmp_path: Path) -> None:
    text = ("Nasser Bourita, ministre marocain des Affaires étrangères, a reçu jeudi son homologue russe, "
            "Sergueï Lavrov. La Russie se prépare à prendre, en octobre prochain, la présidence tournante du "
            "Conseil de sécurité. En 2016, le président de la France était Emmanuel Macron. L'Algérie, membre "
            "non permanent du Conseil de sécurité, a voté contre.\n")
    out = cli_check(tmp_path, text, "fr", "2025-09-18")
    facts = {c["text"]: c for c in out["claims"] if c["kind"] == "factual"}
    assert facts["homologue russe, Sergueï Lavrov"]["finding"] == "consistent"
    assert facts["homologue russe, Sergueï Lavrov"]["of"] == "Russia"
    presidency = next(c for c in facts.values() if c["predicate"] == "presides")
    assert (presidency["at"], presidency["dated_by"], presidency["finding"]) == ("2025-10", "statement", "consistent")
    macron = facts["président de la France était Emmanuel Macron"]
    assert macron["finding"] == "contradicted" and "François Hollande" in macron["explanation"]
    assert macron["evidence"][0]["subject"] == "François Hollande"
    assert next(c for c in facts.values() if c["predicate"] == "member_of")["finding"] == "consistent"
    assert out["summary"]["contradicted"] == 1


def test_cli_english_article(tmp_path: Path) -> None:
    text = ("Russia held the rotating presidency of the Security Council in April. The Council renewed "
            "MINURSO's mandate for one year on 31 October 2024. Former Fed chair Janet Yellen spoke.\n")
    out = cli_check(tmp_path, text, "en", "2025-10-16")
    facts = {c["predicate"]: c for c in out["claims"] if c["kind"] == "factual"}
    assert facts["presides"]["finding"] == "contradicted" and "France" in facts["presides"]["explanation"]
    assert (facts["mandate"]["duration"], facts["mandate"]["finding"]) == ("P1Y", "consistent")
    assert facts["holds_office"]["former"] is True and facts["holds_office"]["finding"] == "consistent"


def test_memberships_and_visits_through_the_store(db_url: str, tmp_path: Path) -> None:
    """A pack with member_of facts (their seat) and a visit's place aliases, imported into the
    store (SQLite and PostgreSQL) and read back by `check`."""
    from .test_cli import run

    assert run("facts", "import", str(PACK), db=db_url).exit_code == 0
    doc = tmp_path / "a.txt"
    doc.write_text("L'Algérie, membre non permanent du Conseil de sécurité, a voté contre. Depuis 2018, "
                   "lors de la visite d'Etat du roi à Moscou, les liens se sont renforcés.\n", encoding="utf-8")
    result = run("check", str(doc), "--format", "json", "--lang", "fr", "--published", "2025-10-16", db=db_url)
    facts = {c["predicate"]: c for c in json.loads(result.stdout)["claims"] if c["kind"] == "factual"}
    assert facts["member_of"]["finding"] == "consistent"
    assert facts["member_of"]["evidence"][0]["extra"]["seat"] == "non-permanent"
    assert facts["visit"]["finding"] == "contradicted" and "15 March 2016" in facts["visit"]["explanation"]
    assert result.exit_code == 1


# --- people named by part of their name, against the bundled packs ------------------------------

# (text, lang, published, finding, words the explanation must hold)
PARTIAL_NAMES = [
    # the surname or a later name alone, the middle names left out: confirmed
    ("Le président Erdogan a reçu son homologue.", "fr", date(2024, 10, 14), "consistent", ["Recep Tayyip Erdoğan"]),
    ("President Erdogan met the delegation on Monday.", "en", date(2024, 10, 14), "consistent", ["Recep Tayyip Erdoğan"]),
    ("Le Président Diomaye a présidé le conseil.", "fr", date(2024, 10, 14), "consistent", ["Bassirou Diomaye Diakhar Faye"]),
    ("Le chef de l'État, Bassirou Diomaye Faye, a présidé le conseil.", "fr", date(2024, 10, 14), "consistent", ["since 2 April 2024"]),
    # never contradicted on part of a name: the part may be someone else's
    ("En 2010, le président turc était Erdogan.", "fr", date(2024, 10, 14), "no_evidence", ["only in part"]),
    ("En 2010, le président de la Turquie était Recep Tayyip Erdogan.", "fr", date(2024, 10, 14), "contradicted", ["Abdullah Gül"]),
    ("Le président Bush a parlé.", "fr", date(2024, 10, 14), "no_evidence", ["only in part"]),
    # the full name still contradicts
    ("Le président George W. Bush a parlé.", "fr", date(2024, 10, 14), "contradicted", ["Joe Biden"]),
]


@pytest.mark.parametrize("text, lang, published, finding, words", PARTIAL_NAMES)
def test_people_named_in_part(text: str, lang: str, published: date, finding: str, words: list[str]) -> None:
    found = [c for c in checked(text, lang, published, kb=BUNDLED) if c.claim.predicate == "holds_office"]
    assert len(found) == 1, [(c.claim.subject, c.finding) for c in found]
    assert found[0].finding == finding, found[0].result.explanation
    for w in words:
        assert w in found[0].result.explanation


def test_part_of_a_name_that_two_people_share_or_a_first_name_matches_nobody() -> None:
    kb = KnowledgeBase.from_pack(
        b"pack: partial\nentities:\n"
        b"  - {name: Fidel Alejandro Castro, type: person}\n"
        b"  - {name: Raul Modesto Castro, type: person}\n"
        b"  - {name: Recep Tayyip Erdogan, type: person}\n"
        b"facts:\n"
        b"  - {subject: Fidel Alejandro Castro, predicate: holds_office, object: President, of: Cuba,"
        b" valid_from: 1976-12-02, valid_to: 2008-02-24}\n"
        b"  - {subject: Raul Modesto Castro, predicate: holds_office, object: President, of: Cuba,"
        b" valid_from: 2008-02-24, valid_to: 2018-04-19}\n"
        b"  - {subject: Recep Tayyip Erdogan, predicate: holds_office, object: President, of: Turkey,"
        b" valid_from: 2014-08-28}\n")
    assert kb.match_entity("Castro", types=("person",)) is None
    assert kb.match_entity("Fidel Castro", types=("person",)).name == "Fidel Alejandro Castro"  # type: ignore[union-attr]
    assert kb.match_entity("Recep", types=("person",)) is None  # a first name alone
    m = kb.match_entity("Tayyip Erdogan", types=("person",))
    assert m is None  # the first name left out but not at the start: no part of the name
    m = kb.match_entity("Erdoğan", types=("person",))
    assert m is not None and m.partial and m.name == "Recep Tayyip Erdogan"
    assert kb.match_entity("Erdogan", types=("country",)) is None
