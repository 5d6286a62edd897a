"""Writes facts.gold.json: the checkable factual claims of the `dev` and `held` halves,
annotated by reading the texts (docs.jsonl), before verifier's new fact extraction was run on
them. Plain Python: does not import verifier. Each claim is located by its exact words and
occurrence (`nth`, 0-based) in the document; `start`/`end` are computed here.

Fields: predicate (holds_office | event | visit | presides | member_of | mandate),
subject, object (the office, the event, the place of a visit), of (the country), at (the date
the claim is about: the publication date for the present tense, the stated date otherwise),
former, truth (true / false, as the world was on that date, from public record),
borderline (a claim a fact-checker might leave aside), note."""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
SN, TR = "Senegal", "Turkey"
BDF = "Bassirou Diomaye Faye"
PM = ("Ousmane Sonko", "Prime Minister", SN)
PRES = (BDF, "President", SN)

# (doc, text, nth, predicate, (subject, object, of), at, extra)
CLAIMS: list[tuple] = [
    # ---------------- dev
    ("sn-agriculture-2024-10-23", "Mabouba Diagne, le Ministre de l'Agriculture, de la Souveraineté alimentaire et de l'Elevage", 0,
     "holds_office", ("Mabouba Diagne", "Minister of Agriculture", SN), "2024-10-23", {}),
    ("sn-cm-2024-06-05", "Le Chef de l’Etat, Son Excellence Monsieur Bassirou Diomaye Diakhar FAYE", 0, "holds_office", PRES, "2024-06-05", {}),
    ("sn-cm-2024-06-05", "la loi n° 84-59 du 23 mars 1984 portant Charte du Sport", 0, "event",
     ("loi n° 84-59 portant Charte du Sport", None, SN), "1984-03-23", {"borderline": True, "note": "a law dated by its number"}),
    ("sn-cm-2024-07-10", "Le Chef de l’Etat, Son Excellence Monsieur Bassirou Diomaye Diakhar FAYE", 0, "holds_office", PRES, "2024-07-10", {}),
    ("sn-cm-2024-07-10", "sa participation, le 07 juillet 2024 à Abuja, au 65ème Sommet des Chefs d’Etat et de Gouvernement de la CEDEAO", 0,
     "event", ("65th ECOWAS Summit", "Abuja", None), "2024-07-07", {"participants": [BDF]}),
    ("sn-cm-2024-10-16", "Le Chef de l’Etat, Son Excellence, Monsieur Bassirou Diomaye Diakhar FAYE", 0, "holds_office", PRES, "2024-10-16", {}),
    ("sn-cm-2024-10-16", "il se rendra, les 18 et 19 octobre 2024 dans la région de Kédougou", 0, "visit",
     (BDF, "Kédougou", SN), "2024-10-18", {"borderline": True, "note": "announced domestic trip"}),
    ("sn-cm-2024-11-06", "Le Chef de l’Etat, Son Excellence, Monsieur Bassirou Diomaye Diakhar FAYE", 0, "holds_office", PRES, "2024-11-06", {}),
    ("sn-cm-2024-11-06", "Monsieur Mamadou Moustapha BA, ancien Ministre de l’Economie, des Finances et du Plan", 0,
     "holds_office", ("Mamadou Moustapha Ba", "Minister of Finance", SN), "2024-11-06", {"former": True}),
    ("sn-cm-2024-11-06", "rappelé à Dieu le lundi 04 octobre 2024", 0, "event",
     ("death of Mamadou Moustapha Ba", None, None), "2024-10-04",
     {"truth": False, "borderline": True, "note": "he died on Monday 4 November 2024; 4 October 2024 was a Friday"}),
    ("sn-dissolution-an-2024-09-12", "le Président Diomaye", 0, "holds_office", PRES, "2024-09-12", {}),
    ("sn-inondations-2024-05-16", "Le Premier Ministre Ousmane SONKO", 0, "holds_office", PM, "2024-05-16", {}),
    ("sn-medias-2024-08-16", "Le Ministre de la Communication, des Télécommunications et du Numérique, Monsieur Alioune Sall", 0,
     "holds_office", ("Alioune Sall", "Minister of Communication", SN), "2024-08-16", {}),
    ("sn-medias-2024-08-16", "le Ministre de la Communication, des Télécommunications et du Numérique, Monsieur Alioune SALL", 0,
     "holds_office", ("Alioune Sall", "Minister of Communication", SN), "2024-08-16", {}),
    ("sn-reddition-comptes-2024-09-30", "Lat Diop est l'ex Directeur Général de la LONASE", 0, "holds_office",
     ("Lat Diop", "Director General of LONASE", SN), "2024-09-30", {"former": True, "borderline": True, "note": "head of a state company"}),
    ("sn-reddition-comptes-2024-09-30", "Ministre des Sports en 2023-2024", 0, "holds_office",
     ("Lat Diop", "Minister of Sports", SN), "2023/2024", {"note": "Minister of Sports October 2023 - April 2024"}),
    ("sn-reddition-comptes-2024-09-30", "l'ex-président Macky Sall", 0, "holds_office", ("Macky Sall", "President", SN), "2024-09-30", {"former": True}),
    ("sn-reddition-comptes-2024-09-30", "l'ancien député Farba Ngom", 0, "holds_office", ("Farba Ngom", "Member of the National Assembly", SN), "2024-09-30",
     {"former": True, "borderline": True, "note": "the Assembly was dissolved on 12 September 2024"}),
    ("sn-reddition-comptes-2024-09-30", "l’ex Président Macky Sall", 0, "holds_office", ("Macky Sall", "President", SN), "2024-09-30", {"former": True}),
    ("sn-senegal-2050-2024-10-14", "le chef de l'État, Bassirou Diomaye Faye", 0, "holds_office", PRES, "2024-10-14", {}),
    ("sn-senegal-2050-2024-10-14", "Premier ministre Ousmane Sonko", 0, "holds_office", PM, "2024-10-14", {}),
    ("sn-senegal-2050-2024-10-14", "Premier ministre Ousmane Sonko", 1, "holds_office", PM, "2024-10-14", {}),
    ("sn-senegal-2050-2024-10-14", "premier ministre Ousmane SONKO", 0, "holds_office", PM, "2024-10-14", {"borderline": True, "note": "video caption"}),
    ("sn-senegal-2050-2024-10-14", "président Diomaye FAYE", 0, "holds_office", PRES, "2024-10-14", {"borderline": True, "note": "video caption"}),
    ("sn-turquie-2024-10-31", "Président Diomaye en visite d'État en Turquie", 0, "visit", (BDF, TR, None), "2024-10-31", {"borderline": True, "note": "headline"}),
    ("sn-turquie-2024-10-31", "En visite officielle d’État en Turquie du 31 octobre au 1e novembre 2024", 0, "visit", (BDF, TR, None), "2024-10-31", {}),
    ("sn-turquie-2024-10-31", "le Président Diomaye", 0, "holds_office", PRES, "2024-10-31", {}),
    ("sn-turquie-2024-10-31", "le Président Erdogan", 0, "holds_office", ("Recep Tayyip Erdoğan", "President", TR), "2024-10-31", {}),
    # ---------------- held
    ("sn-casamance-2024-10-08", "Le Premier Ministre Ousmane SONKO", 0, "holds_office", PM, "2024-10-08", {}),
    ("sn-casamance-2024-10-08", "la stratégie nationale du déminage humanitaire lancée en 2008", 0, "event",
     ("stratégie nationale du déminage humanitaire", None, SN), "2008", {"borderline": True}),
    ("sn-cm-2024-06-26", "Le Chef de l’Etat, Son Excellence Monsieur Bassirou Diomaye Diakhar FAYE", 0, "holds_office", PRES, "2024-06-26", {}),
    ("sn-cm-2024-09-10", "Le Chef de l’Etat, Son Excellence, Monsieur Bassirou Diomaye Diakhar FAYE", 0, "holds_office", PRES, "2024-09-10", {}),
    ("sn-cm-2024-09-10", "sa visite d’Etat en République populaire de Chine", 0, "visit", (BDF, "China", None), "2024-09", {}),
    ("sn-cm-2024-09-10", "4ème Sommet du Forum sur la Coopération sino-africaine (FOCAC) du 02 au 08 septembre 2024", 0, "event",
     ("FOCAC 2024 Summit", "Beijing", None), "2024-09-04", {"note": "the summit itself was held 4-6 September 2024"}),
    ("sn-cm-2024-09-10", "naufrage le dimanche 8 septembre 2024 d’une pirogue au large de Mbour", 0, "event",
     ("Mbour pirogue shipwreck", "Mbour", None), "2024-09-08", {"borderline": True}),
    ("sn-cm-2024-10-23", "Le Chef de l’Etat, Son Excellence, Monsieur Bassirou Diomaye Diakhar FAYE", 0, "holds_office", PRES, "2024-10-23", {}),
    ("sn-cm-2024-10-23", "sa visite à Bakel, le samedi 19 octobre 2024", 0, "visit", (BDF, "Bakel", SN), "2024-10-19", {}),
    ("sn-cm-2024-10-23", "il participera, du 27 au 30 octobre 2024 en Arabie saoudite, au « Forum Future Investment Initiative 2024 »", 0,
     "event", ("Future Investment Initiative 2024", "Riyadh", None), "2024-10-29", {"note": "future tense"}),
    ("sn-cm-2024-10-23", "du 31 octobre au 1e novembre 2024, une visite officielle en Türkiye", 0, "visit", (BDF, TR, None), "2024-10-31", {"note": "future tense"}),
    ("sn-cm-2024-11-27", "Le Chef de l’Etat, Son Excellence, Monsieur Bassirou Diomaye Diakhar FAYE", 0, "holds_office", PRES, "2024-11-27", {}),
    ("sn-fii-riyad-2024-10-28", "Le Président Diomaye Faye", 0, "holds_office", PRES, "2024-10-28", {}),
    ("sn-fii-riyad-2024-10-28", "la 8ᵉ édition du Forum Future Investment Initiative (FII) à Riyad", 0, "event",
     ("Future Investment Initiative 2024", "Riyadh", None), "2024-10-28", {"participants": [BDF]}),
    ("sn-fii-riyad-2024-10-28", "Le président Diomaye", 0, "holds_office", PRES, "2024-10-28", {}),
    ("sn-joj-2024-10-15", "Le Premier Ministre Ousmane SONKO", 0, "holds_office", PM, "2024-10-15", {}),
    ("sn-peche-ue-2024-11-28", "la ministre Dr Fatou Diouf", 0, "holds_office", ("Fatou Diouf", "Minister of Fisheries", SN), "2024-11-28", {}),
    ("sn-peche-ue-2024-11-28", "Le ministère des Pêches, des Infrastructures maritimes et portuaires, Dr Fatou DIOUF", 0, "holds_office",
     ("Fatou Diouf", "Minister of Fisheries", SN), "2024-11-28", {"note": "'ministère' written for 'ministre'"}),
    ("sn-peche-ue-2024-11-28", "dont le terme a été atteint le 17 novembre 2024", 0, "mandate",
     ("EU-Senegal fisheries protocol", None, None), "2024-11-17", {"borderline": True, "note": "end of a protocol"}),
    ("sn-point-presse-2024-09-26", "le Premier ministre Ousmane Sonko", 0, "holds_office", PM, "2024-09-26", {}),
    ("sn-point-presse-2024-09-26", "Le régime du président Macky SALL", 0, "holds_office", ("Macky Sall", "President", SN), "2024-09-26",
     {"former": True, "borderline": True, "note": "title of a former holder without 'ex'"}),
    ("sn-point-presse-2024-09-26", "le ministre de l’économie, du Plan et de la Coopération Abdourahmane Sarr", 0, "holds_office",
     ("Abdourahmane Sarr", "Minister of the Economy", SN), "2024-09-26", {}),
    ("sn-point-presse-2024-09-26", "Ousmane Diagne, le ministre de justice", 0, "holds_office", ("Ousmane Diagne", "Minister of Justice", SN), "2024-09-26", {}),
    ("sn-tabaski-2024-05-14", "Le Premier Ministre Ousmane SONKO", 0, "holds_office", PM, "2024-05-14", {}),
]


def main() -> None:
    docs = {d["id"]: d for d in map(json.loads, (HERE / "docs.jsonl").read_text(encoding="utf-8").splitlines())}
    halves = {g["id"]: g["half"] for g in map(json.loads, (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
    out = []
    for doc, words, nth, predicate, (subject, obj, of), at, extra in CLAIMS:
        text = docs[doc]["text"]
        pos = -1
        for _ in range(nth + 1):
            pos = text.find(words, pos + 1)
            if pos < 0:
                raise SystemExit(f"{doc}: {words!r} (occurrence {nth}) not in the text")
        item = {"doc": doc, "half": halves[doc], "start": pos, "end": pos + len(words), "text": words,
                "predicate": predicate, "subject": subject, "object": obj, "of": of, "at": at,
                "former": bool(extra.get("former")), "truth": extra.get("truth", True),
                "borderline": bool(extra.get("borderline"))}
        for key in ("participants", "note"):
            if key in extra:
                item[key] = extra[key]
        out.append(item)
    (HERE / "facts.gold.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for half in ("dev", "held"):
        rows = [o for o in out if o["half"] == half]
        print(f"{half}: {len(rows)} claims ({sum(not o['borderline'] for o in rows)} core)")


if __name__ == "__main__":
    main()
