"""Findings against the facts knowledge base: anchored durations, presidencies, offices, event
dates and predictions, on the seed article and on French and English sentences."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verifier.check.knowledge import FINDINGS, claim_range, elapsed, judge_duration
from verifier.check.knowledge import check_claims as typed_check_claims
from verifier.claims import claim_from_json
from verifier.extract.facts import extract_facts
from verifier.reference.kb import KnowledgeBase

KB = KnowledgeBase.demo()
SEED_DATE = date(2025, 10, 16)
SEED_SKIP = [(24, 45), (2851, 2930)]
ANCHOR = "la signature du Partenariat stratégique approfondi entre le roi Mohammed VI et Vladimir Poutine"


def huit_ans(value: str = "P8Y", **more: Any) -> dict[str, Any]:
    claim = {"kind": "temporal", "text": "huit ans", "start": 517, "end": 525,
             "timex_type": "DURATION", "value": value, "mod": None, "approximate": False,
             "resolved": None,
             "anchor": {"text": ANCHOR, "start": 532, "end": 627, "relation": "AFTER"}}
    claim.update(more)
    return claim


FIN_DU_MOIS = {"kind": "temporal", "text": "la fin du mois", "start": 3136, "end": 3150,
               "timex_type": "DATE", "value": "2025-10", "mod": "END", "approximate": False,
               "resolved": ["2025-10-25", "2025-10-31"], "anchor": None}


def check_claims(claims: list[Any], **kw: Any) -> list[dict[str, Any]]:
    """The contract JSON of each claim with its finding (if any), for compact assertions."""
    typed = [claim_from_json(c) if isinstance(c, dict) else c for c in claims]
    return [c.to_json() | (f.to_json() if f else {})
            for c, f in zip(typed, typed_check_claims(typed, **kw), strict=True)]


def check_one(claim: dict[str, Any], text: str = "", published: date | None = SEED_DATE) -> dict[str, Any]:
    (out,) = check_claims([claim], text=text, published=published, kb=KB)
    return out


def facts_in(text: str, published: date = SEED_DATE) -> list[dict[str, Any]]:
    return [c.to_claim().to_json() for c in extract_facts(text, lang="fr", published=published, kb=KB)]


# --- date arithmetic ------------------------------------------------------------------------------


@pytest.mark.parametrize("a, b, expected", [
    (date(2016, 3, 15), date(2025, 10, 16), (9, 7, 1)),
    (date(2016, 3, 15), date(2024, 3, 15), (8, 0, 0)),
    (date(2016, 3, 15), date(2024, 3, 14), (7, 11, 28)),
    (date(2020, 1, 31), date(2020, 2, 29), (0, 0, 29)),
    (date(2020, 2, 29), date(2021, 2, 28), (0, 11, 30)),
])
def test_elapsed(a: date, b: date, expected: tuple[int, int, int]) -> None:
    assert elapsed(a, b) == expected


@pytest.mark.parametrize("stated, unit, b, mod, approx, finding", [
    (8, "Y", date(2024, 3, 15), None, False, "consistent"),     # exactly 8 years
    (8, "Y", date(2025, 3, 14), None, False, "consistent"),     # 8y 11m: still "8 years"
    (8, "Y", date(2024, 3, 1), None, False, "partial"),         # 7y 11m: rounds to 8
    (8, "Y", date(2025, 10, 16), None, False, "contradicted"),  # 9y 7m
    (8, "Y", date(2023, 3, 15), None, False, "contradicted"),   # 7y
    (8, "Y", date(2024, 8, 1), None, True, "consistent"),       # about 8: 8y 4m
    (8, "Y", date(2025, 1, 15), None, True, "partial"),         # about 8: 8y 10m
    (8, "Y", date(2025, 10, 16), None, True, "contradicted"),   # about 8: 9y 7m
    (8, "Y", date(2025, 10, 16), "MORE_THAN", False, "consistent"),
    (8, "Y", date(2023, 10, 16), "MORE_THAN", False, "contradicted"),
    (10, "Y", date(2025, 10, 16), "LESS_THAN", False, "consistent"),
    (9, "Y", date(2025, 10, 16), "LESS_THAN", False, "contradicted"),
    (6, "M", date(2016, 9, 20), None, False, "consistent"),
    (6, "M", date(2016, 11, 20), None, False, "contradicted"),
    (3, "W", date(2016, 4, 5), None, False, "consistent"),
    (10, "D", date(2016, 3, 25), None, False, "consistent"),
    (10, "D", date(2016, 3, 26), None, False, "partial"),
    (10, "D", date(2016, 4, 10), None, False, "contradicted"),
])
def test_judge_duration(stated: int, unit: str, b: date, mod: str | None, approx: bool, finding: str) -> None:
    assert judge_duration(stated, unit, date(2016, 3, 15), b, mod=mod, approximate=approx)[0] == finding


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
       st.integers(min_value=0, max_value=20000))
def test_elapsed_is_consistent(a: date, n: int) -> None:
    from datetime import timedelta
    b = a + timedelta(days=n)
    y, m, d = elapsed(a, b)
    assert y >= 0 and 0 <= m < 12 and 0 <= d < 31


# --- the seed article ----------------------------------------------------------------------------


def test_seed_huit_ans_is_contradicted(seed_text: str) -> None:
    out = check_one(huit_ans(), seed_text)
    assert out["finding"] == "contradicted"
    assert "9 years, 7 months and 1 day" in out["explanation"]
    assert "15 March 2016" in out["explanation"] and "16 October 2025" in out["explanation"]
    assert out["elapsed"] == {"years": 9, "months": 7, "days": 1}
    (ev,) = out["evidence"]
    assert ev["kind"] == "fact" and ev["valid_from"] == "2016-03-15" and ev["predicate"] == "event"
    assert ev["source_url"] == "http://en.kremlin.ru/events/president/news/51516" and ev["source_title"]


@pytest.mark.parametrize("value, extra, finding", [
    ("P8Y", {}, "contradicted"),
    ("P9Y", {}, "consistent"),
    ("P10Y", {"approximate": True}, "consistent"),
    ("P9Y", {"approximate": True}, "partial"),
    ("P11Y", {"approximate": True}, "contradicted"),
    ("P10Y", {"mod": "LESS_THAN"}, "consistent"),
    ("P8Y", {"mod": "MORE_THAN"}, "consistent"),
    ("P7Y", {"anchor": {"text": ANCHOR, "relation": "BEFORE"}}, "contradicted"),
])
def test_seed_anchor_variants(seed_text: str, value: str, extra: dict[str, Any], finding: str) -> None:
    assert check_one(huit_ans(value, **extra), seed_text)["finding"] == finding


def test_approximate_cue_in_text_widens_tolerance() -> None:
    text = "Ils se sont revus environ dix ans après la signature du Partenariat stratégique approfondi."
    start = text.index("dix ans")
    claim = {"kind": "temporal", "text": "dix ans", "start": start, "end": start + 7,
             "timex_type": "DURATION", "value": "P10Y", "mod": None,
             "anchor": {"text": "la signature du Partenariat stratégique approfondi", "relation": "AFTER"}}
    out = check_one(claim, text)
    assert out["finding"] == "consistent"  # 9y 7m: within six months of "environ dix ans"
    plain = text.replace("environ ", "")
    start = plain.index("dix ans")
    exact = check_one(dict(claim, start=start, end=start + 7), plain)
    assert exact["finding"] == "contradicted"  # "dix ans" exactly: 9 whole years


def test_anchor_not_in_kb_is_no_evidence() -> None:
    claim = huit_ans(anchor={"text": "la chute du mur de Berlin", "relation": "AFTER"})
    out = check_one(claim, "")
    assert out["finding"] == "no_evidence" and out["evidence"] == []
    assert "chute du mur de Berlin" in out["explanation"]


@pytest.mark.parametrize("published, finding, named", [
    (date(2025, 10, 16), "consistent", "Russia"),
    (date(2025, 11, 5), "contradicted", "Sierra Leone"),
    (date(2025, 9, 30), "contradicted", "Republic of Korea"),
    (date(2025, 10, 1), "consistent", "Russia"),
])
def test_seed_presidency(seed_text: str, published: date, finding: str, named: str) -> None:
    claims = [c.to_claim() for c in extract_facts(seed_text, lang="fr", published=published, kb=KB, skip=SEED_SKIP)]
    (presides,) = [c for c in check_claims(claims, text=seed_text, published=published, kb=KB)
                   if c.get("predicate") == "presides"]
    assert presides["finding"] == finding
    assert named in presides["explanation"]
    assert presides["evidence"][0]["source_url"] == "https://www.un.org/securitycouncil/content/presidency"
    assert presides["evidence"][0]["object"] == named


def test_seed_office_titles_consistent(seed_text: str) -> None:
    claims = [c.to_claim() for c in extract_facts(seed_text, lang="fr", published=SEED_DATE, kb=KB, skip=SEED_SKIP)]
    (roi,) = [c for c in check_claims(claims, text=seed_text, published=SEED_DATE, kb=KB)
              if c.get("predicate") == "holds_office"]
    assert roi["text"] == "roi Mohammed VI" and roi["finding"] == "consistent"
    assert "King of Morocco" in roi["explanation"] and roi["evidence"][0]["valid_from"] == "1999-07-23"


def test_seed_fin_du_mois_is_a_confirmed_prediction(seed_text: str) -> None:
    assert seed_text[3136:3150] == "la fin du mois"
    out = check_one(FIN_DU_MOIS, seed_text)
    assert out["prediction"] is True and out["finding"] == "consistent"
    subjects = {e["subject"] for e in out["evidence"]}
    assert "Resolution 2797 (2025)" in subjects
    assert all(e["valid_from"] == "2025-10-31" or e["valid_to"] == "2025-10-31" for e in out["evidence"])
    assert "31 October 2025" in out["explanation"]


@pytest.mark.parametrize("resolved", [["2025-10-25", "2025-10-31"], "2025-10-31",
                                      {"earliest": "2025-10-25", "latest": "2025-10-31"}, None])
def test_prediction_accepts_resolved_shapes(seed_text: str, resolved: Any) -> None:
    out = check_one(dict(FIN_DU_MOIS, resolved=resolved), seed_text)
    assert out["finding"] == "consistent" and out["prediction"] is True


def test_prediction_not_borne_out() -> None:
    text = "Le Conseil de sécurité doit se prononcer sur le mandat de la MINURSO à la mi-octobre."
    start = text.index("la mi-octobre")
    claim = {"kind": "temporal", "text": "la mi-octobre", "start": start, "end": start + 13,
             "timex_type": "DATE", "value": "2025-10", "mod": "MID", "resolved": ["2025-10-11", "2025-10-20"]}
    out = check_one(claim, text, published=date(2025, 10, 5))
    assert out["prediction"] is True and out["finding"] == "contradicted"
    assert "31 October 2025" in out["explanation"]


def test_past_tense_sentence_is_no_prediction() -> None:
    text = "Le Conseil de sécurité s'est prononcé à la fin du mois sur la MINURSO."
    start = text.index("la fin du mois")
    claim = dict(FIN_DU_MOIS, start=start, end=start + 14)
    out = check_one(claim, text)
    assert "finding" not in out and "prediction" not in out


@pytest.mark.parametrize("claim", [
    {"kind": "temporal", "text": "ce jeudi", "start": 351, "end": 359, "timex_type": "DATE",
     "value": "2025-10-16", "resolved": ["2025-10-16", "2025-10-16"], "anchor": None},
    {"kind": "temporal", "text": "XXIᵉ siècle", "start": 4601, "end": 4612, "timex_type": "DATE",
     "value": "20", "resolved": ["2000-01-01", "2099-12-31"], "anchor": None},
    {"kind": "quote", "text": "x", "start": 0, "end": 1, "speaker": "il"},
])
def test_other_claims_left_to_other_checks(seed_text: str, claim: dict[str, Any]) -> None:
    out = check_one(claim, seed_text)
    assert "finding" not in out
    assert {k: out[k] for k in claim} == claim


def test_seed_end_to_end_with_temporal_extractor(seed_text: str) -> None:
    temporal = pytest.importorskip("verifier.extract.temporal")
    claims = [t.to_claim() for t in temporal.extract_temporal(seed_text, lang="fr", published=SEED_DATE, skip=SEED_SKIP)]
    claims += [c.to_claim() for c in extract_facts(seed_text, lang="fr", published=SEED_DATE, kb=KB, skip=SEED_SKIP)]
    checked = {c["text"]: c for c in check_claims(claims, text=seed_text, published=SEED_DATE, kb=KB)}
    assert checked["huit ans"]["finding"] == "contradicted"
    assert checked["la fin du mois"]["finding"] == "consistent" and checked["la fin du mois"]["prediction"]
    assert checked["roi Mohammed VI"]["finding"] == "consistent"
    assert checked["Conseil de sécurité de l’ONU, actuellement présidé par la Russie"]["finding"] == "consistent"
    for c in checked.values():
        assert c.get("finding") in (None, *FINDINGS)
        if "finding" in c:
            assert c["explanation"] and isinstance(c["evidence"], list)


# --- French and English sentences ------------------------------------------------------------------


SENTENCES = [
    # (text, published, predicate, finding, words in the explanation)
    ("Le président Vladimir Poutine a reçu le roi.", date(2025, 10, 16), "holds_office", "consistent", ["since 7 May 2012"]),
    ("Le président Vladimir Poutine a reçu le roi.", date(2010, 1, 1), "holds_office", "no_evidence", ["7 May 2000 to 7 May 2008", "no holder"]),  # no fact for the office then (§35)
    ("President Putin met the king.", date(2025, 10, 16), "holds_office", "consistent", ["President of Russia"]),
    ("Russian Foreign Minister Sergey Lavrov arrived.", date(2025, 10, 16), "holds_office", "consistent", ["Minister of Foreign Affairs of Russia"]),
    ("Sergueï Lavrov, chef de la diplomatie russe, a parlé.", date(2003, 1, 1), "holds_office", "no_evidence", ["since 9 March 2004"]),
    ("Le ministre des Affaires étrangères Nasser Bourita est arrivé.", date(2016, 1, 1), "holds_office", "no_evidence", ["since 5 April 2017"]),
    ("Le ministre marocain des Affaires étrangères Nasser Bourita est arrivé.", date(2025, 10, 16), "holds_office", "consistent", ["Morocco"]),
    ("Le ministre russe des Affaires étrangères Nasser Bourita est arrivé.", date(2025, 10, 16), "holds_office", "contradicted", ["Sergey Lavrov"]),
    ("The Russian president, Sergey Lavrov, spoke.", date(2025, 10, 16), "holds_office", "contradicted", ["Vladimir Putin"]),
    ("Le président Emmanuel Macron a reçu la délégation.", date(2025, 10, 16), "holds_office", "no_evidence", ["Emmanuel Macron"]),
    ("The UN Security Council, currently chaired by Russia, will vote.", date(2025, 10, 16), "presides", "consistent", ["Russia"]),
    ("The UN Security Council, currently chaired by Russia, will vote.", date(2025, 12, 10), "presides", "contradicted", ["Slovenia"]),
    ("Le CSNU, actuellement présidé par la France, doit voter.", date(2025, 4, 10), "presides", "consistent", ["France"]),
    ("Le CSNU, actuellement présidé par la France, doit voter.", date(2025, 5, 10), "presides", "contradicted", ["Greece", "France presided it 1 April 2025 to 30 April 2025"]),
    ("Le Conseil de l'Europe, actuellement présidé par la Suisse, se réunit.", date(2025, 10, 16), "presides", "no_evidence", ["Conseil de l'Europe"]),
    ("The UN Security Council, currently chaired by Russia, met.", date(2027, 1, 10), "presides", "no_evidence", ["10 January 2027"]),
    ("The Deepened Strategic Partnership was signed in Moscow on 15 March 2016.", date(2025, 10, 16), "event", "consistent", ["15 March 2016"]),
    ("Le Partenariat stratégique approfondi, signé à Moscou le 15 mars 2017, reste la référence.", date(2025, 10, 16), "event", "contradicted", ["15 March 2016"]),
    ("Le Partenariat stratégique approfondi, signé en mars 2016, reste la référence.", date(2025, 10, 16), "event", "consistent", ["15 March 2016"]),
    ("Le Partenariat stratégique approfondi, signé le 16 mars 2016, reste la référence.", date(2025, 10, 16), "event", "partial", ["15 March 2016"]),
    ("La résolution 2797, adoptée le 31 octobre 2025, prolonge le mandat.", date(2025, 11, 2), "event", "consistent", ["31 October 2025"]),
    ("Resolution 2797 was adopted on 30 November 2025.", date(2025, 12, 2), "event", "contradicted", ["31 October 2025"]),
    ("L'accord de Paris, signé le 12 décembre 2015, engage les États.", date(2025, 10, 16), "event", "no_evidence", ["accord de Paris"]),
]


@pytest.mark.parametrize("text, published, predicate, finding, words", SENTENCES)
def test_findings_on_sentences(text: str, published: date, predicate: str, finding: str, words: list[str]) -> None:
    claims = facts_in(text, published)
    checked = [c for c in check_claims(claims, text=text, published=published, kb=KB) if c["predicate"] == predicate]
    assert len(checked) == 1, claims
    c = checked[0]
    assert c["finding"] == finding, c["explanation"]
    for w in words:
        assert w in c["explanation"]
    assert c["explanation"].endswith(".") and "\n" not in c["explanation"]
    if finding == "no_evidence":
        assert c["evidence"] == []
    else:
        assert c["evidence"] and all(e["source_url"] and e["kind"] == "fact" for e in c["evidence"])


def test_former_holder() -> None:
    text = "L'ancien président Vladimir Poutine a parlé."
    (c,) = facts_in(text)
    assert c["former"] is True
    (out,) = check_claims([c], text=text, published=SEED_DATE, kb=KB)
    assert out["finding"] == "contradicted" and "still" in out["explanation"]


def test_check_claims_does_not_mutate_input(seed_text: str) -> None:
    claims = [huit_ans(), dict(FIN_DU_MOIS)]
    before = [dict(c) for c in claims]
    check_claims(claims, text=seed_text, published=SEED_DATE, kb=KB)
    assert claims == before


def test_claim_range() -> None:
    def t(**kw: Any) -> Any:
        return claim_from_json({"kind": "temporal", "text": "x", "start": 0, "end": 1,
                                "timex_type": "DATE", **kw})
    assert claim_range(t(value="2025-10", mod="END")) == (date(2025, 10, 25), date(2025, 10, 31))
    assert claim_range(t(value="P8Y")) is None
    assert claim_range(t(value="2025-10-16")) == (date(2025, 10, 16), date(2025, 10, 16))


def test_stored_fact_ids_reach_evidence(store: Any) -> None:
    from verifier.db.facts import import_pack, load_knowledge_base
    with store.write() as session:
        import_pack(session=session, path_or_bytes=KB_PATH, actor="tester")
    with store.read() as session:
        kb = load_knowledge_base(session)
    (out,) = check_claims([huit_ans()], text="", published=SEED_DATE, kb=kb)
    assert out["finding"] == "contradicted" and isinstance(out["evidence"][0]["fact_id"], int)


KB_PATH = __import__("pathlib").Path(__file__).parent.parent / "verifier" / "data" / "demo" / "facts.yaml"
