"""Regex building blocks for temporal expressions (French and English).

Everything here is a string fragment; temporal.py assembles and compiles the rules once.
"""
from __future__ import annotations

from verifier.calendar_names import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, alternation
from verifier.extract.numbers import EN_NUMBER_WORDS, FR_APPROX_WORDS, FR_NUMBER_WORDS

A = r"['’]"  # apostrophe, straight or typographic
L = r"(?<![\w])"  # left word edge that also works before accented letters
R = r"(?![\w])"

MON_FR_FULL = alternation(MONTHS["fr"], loose_accents=True)  # "f[ée]vrier", "ao[uû]t"
MON_FR_ABBR = alternation(MONTH_ABBREVIATIONS["fr"], loose_accents=True)
MON_FR = rf"(?:{MON_FR_FULL}|{MON_FR_ABBR}\.)"
MON_FR_LOOSE = rf"(?:{MON_FR_FULL}|{MON_FR_ABBR}\.?)"  # with a day number next to it
MON_EN_FULL = alternation(MONTHS["en"])
MON_EN_ABBR = alternation(MONTH_ABBREVIATIONS["en"])
MON_EN = rf"(?:{MON_EN_FULL}|{MON_EN_ABBR}\.?)"

WD_FR = alternation(WEEKDAYS["fr"])
WD_EN = alternation(WEEKDAYS["en"])

DAY_FR = r"(?:1er|1re|1ère|1e|premier|3[01]|[12]\d|0?[1-9])(?![\d,.]\d)"
DAY_EN = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:,.]\d)"
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)(?![\d])"
YEAR2 = r"(?:" + A + r"?\d\d)(?![\d])"

PART_FR = r"(?:apr[eè]s-midi|matin[ée]e|matin|soir[ée]e|soir|nuit)"
PART_EN = r"(?:morning|afternoon|evening|night)"

UNIT_FR = (r"(?:ann[ée]es|ann[ée]e|ans|an|mois|semaines|semaine|journ[ée]es|journ[ée]e|jours|jour|"
           r"heures|heure|minutes|minute|secondes|seconde|d[ée]cennies|d[ée]cennie|si[eè]cles|"
           r"si[eè]cle|trimestres|trimestre|semestres|semestre|nuits|nuit|week-ends|week-end)")
UNIT_EN = (r"(?:years|year|months|month|weeks|week|days|day|hours|hour|minutes|minute|seconds|"
           r"second|decades|decade|centuries|century|quarters|quarter|nights|night|weekends|weekend)")

NUM_FR = (rf"(?:\d+(?:[.,]\d+)?|{FR_NUMBER_WORDS}|une|un|quelques|plusieurs|"
          rf"(?:une\s+)?(?:{FR_APPROX_WORDS})\s+d(?:e\s+|{A}))")
NUM_EN = rf"(?:\d+(?:\.\d+)?|{EN_NUMBER_WORDS}|an|a|a\s+few|a\s+couple\s+of|several|a\s+dozen|dozens\s+of)"

HEDGE_FR = (r"(?:pr[eè]s\s+de|environ|plus\s+de|moins\s+de|au\s+moins|au\s+plus|quelque|presque|"
            r"pas\s+moins\s+de|pas\s+plus\s+de|un\s+peu\s+plus\s+de|un\s+peu\s+moins\s+de|"
            r"bient[oô]t|pr[eè]s\s+d['’]|plus\s+d['’]|moins\s+d['’])")
HEDGE_EN = (r"(?:nearly|almost|about|around|roughly|approximately|some|more\s+than|less\s+than|"
            r"over|under|at\s+least|at\s+most|up\s+to|just\s+over|just\s+under)")

# words after "de" that make "N ans" an age, not a duration ("une fillette de 6 ans")
AGE_NOUNS = {
    "fille", "fillette", "garçon", "garçonnet", "enfant", "enfants", "homme", "hommes", "femme",
    "femmes", "jeune", "jeunes", "adolescent", "adolescente", "adolescents", "bébé", "victime",
    "conducteur", "conductrice", "motard", "automobiliste", "piéton", "piétonne", "retraité",
    "retraitée", "octogénaire", "père", "mère", "fils", "individu", "personne", "patient",
    "patiente", "élève", "âgé", "âgée", "âgés", "âgées", "âge", "cycliste",
    "passager", "passagère", "vieillard", "quadragénaire", "quinquagénaire", "sexagénaire",
    "septuagénaire", "nonagénaire", "centenaire", "trentenaire", "mineur", "mineure", "mineurs",
}
# nouns before "de N ans" that make it a duration ("une peine de 10 ans"); others: an age
DURATION_HEADS = {"plus", "moins", "près", "bout", "terme", "cours", "espace", "durée", "période",
                  "peine", "peines", "délai", "contrat", "mandat", "absence", "retard", "attente",
                  "prison", "emprisonnement", "réclusion", "détention", "travail", "séjour",
                  "programme", "plan", "bail", "engagement", "histoire", "carrière", "exil",
                  "règne", "guerre", "moratoire", "suspension", "interdiction", "sursis",
                  "investissement", "investissements", "budget", "projet", "étude", "chantier",
                  "mission", "trêve", "accord", "partenariat", "service", "stage", "formation",
                  "occupation", "conflit", "crise", "total", "environ", "protocole", "traité",
                  "convention", "cycle", "phase", "horizon", "garantie", "concession",
                  "licence", "permis", "visa", "prêt", "emprunt", "crédit", "législature",
                  "mandature", "prolongation", "renouvellement", "prorogation"}
