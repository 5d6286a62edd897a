"""A checked claim in plain words: what it says, what the check found, each piece of evidence
as a sentence, and a suggested correction when the evidence gives one (docs/decisions.md §27).

    explain(checked, lang="fr", published=date(2025, 10, 16)).summary
    -> "La signature du Partenariat stratégique approfondi … a eu lieu le 15 mars 2016, soit
        9 ans et 7 mois avant le 16 octobre 2025, date de l'article — pas « huit ans »."

Sentences are in the language asked for (French or English; any other language gets English):
the review desk asks for the article's. Names of facts stay as the facts pack writes them.
Every score is on the 0-100 scale ("92/100"), an attribution confidence too. No method code,
field name or raw value reaches a sentence: those stay in the contract, for a "Details" view.

Pure: the typed contract in (claims.py), plain strings out; no store, no Streamlit. Strings
from documents and sources (quoted words, names, titles) are returned as they are: the shell
escapes them like any document text."""
from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from verifier.calendar_names import MONTHS, WEEKDAYS
from verifier.claims import (
    ATTRIBUTION_THRESHOLD,
    CalendarEvidence,
    CheckedClaim,
    Claim,
    DiffOp,
    Evidence,
    FactEvidence,
    FactualClaim,
    PassageEvidence,
    PrecedentEvidence,
    QuoteClaim,
    TemporalClaim,
    attribution_doubtful,
    iso_day,
    ordered_evidence,
)

LANGS = ("fr", "en")

FINDING_LABELS = {
    "fr": {"consistent": "Confirmé", "contradicted": "Contredit", "partial": "Partiellement confirmé",
           "no_evidence": "Pas de preuve", None: "Non vérifié"},
    "en": {"consistent": "Consistent", "contradicted": "Contradicted", "partial": "Partly supported",
           "no_evidence": "No evidence", None: "Not checked"},
}
EVIDENCE_TITLES = {
    "fr": {"passage": "Source", "fact": "Base de faits", "calendar": "Calendrier",
           "precedent": "Vérification antérieure"},
    "en": {"passage": "Source", "fact": "Knowledge base", "calendar": "Calendar",
           "precedent": "Earlier fact-check"},
}
# The longest stretch of an article's words quoted inside a sentence.
MAX_QUOTED = 90


@dataclass(frozen=True)
class EvidenceLine:
    """One piece of evidence as people read it: a title, a sentence, its score (0-100), the
    source it comes from, and an optional second sentence (what it is not)."""

    kind: str
    title: str
    sentence: str
    score: float | None = None
    source: str | None = None
    url: str | None = None
    note: str | None = None

    @property
    def score_text(self) -> str:
        """"92/100" ("" without a score)."""
        return score_100(self.score)


@dataclass(frozen=True)
class Suggestion:
    """A correction the evidence gives: the words to write, and the sentence saying so."""

    text: str
    sentence: str


@dataclass(frozen=True)
class Explanation:
    lang: str
    finding: str | None
    finding_label: str
    about: str                   # what the claim says
    summary: str                 # what the check found
    evidence: tuple[EvidenceLine, ...] = ()
    suggestion: Suggestion | None = None
    attribution: str | None = None  # "check the attribution", when the confidence is low


# --------------------------------------------------------------------------------------------
# Words, numbers, dates
# --------------------------------------------------------------------------------------------


def language(lang: str | None) -> str:
    """The language sentences are written in: `lang` when it is French or English, else
    English."""
    base = (lang or "").lower()[:2]
    return base if base in LANGS else "en"


def score_100(score: Any) -> str:
    """A score on the 0-100 scale as people read it: "92/100", "91.7/100" ("" for none)."""
    if not isinstance(score, int | float) or isinstance(score, bool):
        return ""
    return f"{round(float(score), 1):g}/100"


def confidence_100(confidence: float | None) -> str:
    """An attribution confidence (0-1 in the contract) on the 0-100 scale: "45/100"."""
    return "" if confidence is None else score_100(round(confidence * 100))


def quoted(text: str | None, lang: str, *, limit: int = MAX_QUOTED) -> str:
    """Words of the article in the language's quotation marks, cut at `limit` characters."""
    words = " ".join(str(text or "").split())
    if len(words) > limit:
        words = words[:limit - 1].rstrip() + "…"
    return f"« {words} »" if lang == "fr" else f"“{words}”"


def _in_claim_period(value: Any, fact: FactEvidence) -> bool:
    """Whether a fact's term overlaps the date (day, month or year) a claim is about."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", str(value or ""))
    if not m:
        return True
    y = int(m[1])
    lo = date(y, int(m[2] or 1), int(m[3] or 1))
    hi = lo if m[3] else date(y, int(m[2]), calendar.monthrange(y, int(m[2]))[1]) if m[2] else date(y, 12, 31)
    start, end = iso_day(fact.valid_from), iso_day(fact.valid_to)
    return (start is None or start <= hi) and (end is None or lo <= end)


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def day_text(d: date, lang: str, *, weekday: bool = False) -> str:
    """"1er octobre 2025", "16 October 2025" (with the weekday: "jeudi 16 octobre 2025")."""
    n = "1er" if lang == "fr" and d.day == 1 else str(d.day)
    out = f"{n} {MONTHS[lang][d.month - 1]} {d.year}"
    return f"{WEEKDAYS[lang][d.weekday()]} {out}" if weekday else out


def on_day(d: date, lang: str) -> str:
    """"le 16 octobre 2025", "on 16 October 2025"."""
    return f"le {day_text(d, lang)}" if lang == "fr" else f"on {day_text(d, lang)}"


def period_text(start: date | None, end: date | None, lang: str) -> str:
    """"du 1er au 31 octobre 2025", "from 1 November 2024 to 31 October 2025", "depuis le 23
    juillet 1999", "until 31 October 2025" ("" when neither end is known)."""
    fr = lang == "fr"
    if start and end:
        if start == end:
            return on_day(start, lang)
        if (start.year, start.month) == (end.year, end.month):
            first = "1er" if fr and start.day == 1 else str(start.day)
            return (f"du {first} au {day_text(end, lang)}" if fr
                    else f"from {first} to {day_text(end, lang)}")
        return (f"du {day_text(start, lang)} au {day_text(end, lang)}" if fr
                else f"from {day_text(start, lang)} to {day_text(end, lang)}")
    if start:
        return f"depuis le {day_text(start, lang)}" if fr else f"since {day_text(start, lang)}"
    if end:
        return f"jusqu'au {day_text(end, lang)}" if fr else f"until {day_text(end, lang)}"
    return ""


_UNITS = {"fr": {"Y": ("an", "ans"), "M": ("mois", "mois"), "W": ("semaine", "semaines"),
                 "D": ("jour", "jours")},
          "en": {"Y": ("year", "years"), "M": ("month", "months"), "W": ("week", "weeks"),
                 "D": ("day", "days")}}


def quantity(n: int, unit: str, lang: str) -> str:
    """"9 ans", "1 month"."""
    one, many = _UNITS[lang][unit]
    return f"{n} {one if n == 1 else many}"


def _and(parts: Sequence[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + (" et " if lang == "fr" else " and ") + parts[-1]


def elapsed_text(years: int, months: int, days: int, lang: str) -> str:
    """"9 ans et 7 mois" (days are left out once there are years), "3 months and 2 days"."""
    if years:
        parts = [quantity(years, "Y", lang)] + ([quantity(months, "M", lang)] if months else [])
    else:
        parts = ([quantity(months, "M", lang)] if months else []) + (
            [quantity(days, "D", lang)] if days or not months else [])
    return _and(parts, lang)


def _elapsed(a: date, b: date) -> tuple[int, int, int]:
    """(years, months, days) from a to b, calendar-wise (as check/knowledge.py counts)."""
    months = (b.year - a.year) * 12 + (b.month - a.month) - (1 if b.day < a.day else 0)
    y, m = divmod(months, 12)
    mark_y, mark_m = divmod(a.month - 1 + months, 12)
    mark_y += a.year
    day = min(a.day, calendar.monthrange(mark_y, mark_m + 1)[1])
    return y, m, (b - date(mark_y, mark_m + 1, day)).days


_FR_UNITS = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
             "onze", "douze", "treize", "quatorze", "quinze", "seize")
_FR_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}
_EN_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
             "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
             "seventeen", "eighteen", "nineteen")
_EN_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy",
            80: "eighty", 90: "ninety"}


def number_words(n: int, lang: str) -> str:
    """0-99 in words ("neuf", "vingt et un", "soixante-dix-sept", "quatre-vingts",
    "forty-two"); other numbers in digits."""
    if not 0 <= n <= 99:
        return str(n)
    if lang == "fr":
        if n <= 16:
            return _FR_UNITS[n]
        if n < 20:
            return "dix-" + _FR_UNITS[n - 10]
        if n < 70:
            tens, unit = divmod(n, 10)
            word = _FR_TENS[tens * 10]
            return word if unit == 0 else word + (" et un" if unit == 1 else "-" + _FR_UNITS[unit])
        if n < 80:
            rest = n - 60
            return "soixante" + (" et onze" if rest == 11 else "-" + number_words(rest, lang))
        rest = n - 80
        return "quatre-vingts" if rest == 0 else "quatre-vingt-" + number_words(rest, lang)
    if n < 20:
        return _EN_UNITS[n]
    tens, unit = divmod(n, 10)
    return _EN_TENS[tens * 10] + ("" if unit == 0 else "-" + _EN_UNITS[unit])


_NUMBER_WORDS = {lang: {number_words(n, lang): n for n in range(0, 100)} | (
    {"une": 1} if lang == "fr" else {"a": 1, "an": 1}) for lang in LANGS}
_NUMBER_RE = {lang: re.compile(r"(?<![\w-])(\d+|" + "|".join(
    re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])", re.IGNORECASE)
    for lang, words in _NUMBER_WORDS.items()}
_UNIT_WORDS = {lang: {w: u for u, pair in units.items() for w in pair}
               for lang, units in _UNITS.items()}


def _with_number(text: str, n: int, unit: str, lang: str) -> str | None:
    """`text` ("huit ans") with its number of `unit`s replaced by n ("neuf ans"), written as
    the text writes it (words or digits, capital or not); None when the text has no number."""
    m = _NUMBER_RE[lang].search(text)
    if m is None:
        return None
    old = m.group(1)
    new = str(n) if old.isdigit() else number_words(n, lang)
    if old[:1].isupper():
        new = _first_upper(new)
    rest = text[m.end():]
    unit_m = re.match(r"(\s+)(\w+)", rest)
    if unit_m and _UNIT_WORDS[lang].get(unit_m.group(2).lower()) == unit:
        one, many = _UNITS[lang][unit]
        rest = unit_m.group(1) + (one if n == 1 else many) + rest[unit_m.end():]
    return text[:m.start()] + new + rest


# --------------------------------------------------------------------------------------------
# Facts as sentences
# --------------------------------------------------------------------------------------------


def _the(name: str) -> str:
    return name if name.lower().startswith("the ") else f"the {name}"


def fact_sentence(ev: FactEvidence, lang: str | None = "en") -> str:
    """A fact of the knowledge base as a sentence: "Russia presides the UN Security Council
    from 1 to 31 October 2025.", "Mohammed VI holds the office of King of Morocco since 23 July
    1999." In French the pack's names stay as written, in constructions that need no article:
    "UN Security Council — présidence : Russia, du 1er au 31 octobre 2025."."""
    lang = language(lang)
    fr = lang == "fr"
    start, end = iso_day(ev.valid_from), iso_day(ev.valid_to)
    period = period_text(start, end, lang)
    extra = dict(ev.extra or {})
    subject, obj = ev.subject, ev.object or ""
    if ev.predicate == "presides":
        if fr:
            return f"{subject} — présidence : {obj}{', ' + period if period else ''}."
        return f"{obj} presides {_the(subject)}{' ' + period if period else ''}."
    if ev.predicate == "holds_office":
        of = extra.get("of")
        if fr:
            office = f"{obj} ({of})" if of else obj
            return f"{subject} — fonction : {office}{', ' + period if period else ''}."
        office = f"{obj} of {of}" if of else obj
        verb = "held" if end else "holds"
        return f"{subject} {verb} the office of {office}{' ' + period if period else ''}."
    if ev.predicate == "event":
        label = f"{subject} ({obj})" if obj else subject
        where = [str(extra["place"])] if extra.get("place") else []
        who = [str(p) for p in extra.get("participants") or []]
        when = day_text(start, lang) if start else ""
        if fr:
            tail = (f", à {where[0]}" if where else "") + (f", avec {_and(who, lang)}" if who else "")
            return f"{label} — date : {when or 'inconnue'}{tail}."
        tail = (f" in {where[0]}" if where else "") + (f", with {_and(who, lang)}" if who else "")
        return f"{label} took place {on_day(start, lang) if start else 'on an unknown date'}{tail}."
    if ev.predicate == "adopted":
        when = day_text(start, lang) if start else ""
        if fr:
            return f"{subject} — adoption{' par ' + obj if obj else ''} : {when or 'date inconnue'}."
        by = f" by {_the(obj)}" if obj else ""
        return f"{subject} was adopted{by}{' ' + on_day(start, lang) if start else ''}."
    if ev.predicate == "mandate":
        res = extra.get("resolution")
        if fr:
            body = f" ({obj})" if obj else ""
            return (f"{subject} — mandat{body} : {period or 'sans date'}"
                    + (f" ({res})" if res else "") + ".")
        body = f" given by {_the(obj)}" if obj else ""
        return (f"The {subject} mandate{body} runs {period or 'undated'}"
                + (f" ({res})" if res else "") + ".")
    words = ev.predicate.replace("_", " ")
    if fr:
        return f"{subject} — {words} : {obj}{', ' + period if period else ''}."
    return f"{subject} — {words}: {obj}{', ' + period if period else ''}."


def _fact_day(ev: FactEvidence) -> date | None:
    """The day a fact dates something to: a mandate's end, otherwise its start."""
    if ev.predicate == "mandate":
        return iso_day(ev.valid_to) or iso_day(ev.valid_from)
    return iso_day(ev.valid_from) or iso_day(ev.valid_to)


# --------------------------------------------------------------------------------------------
# Quotes: alignments, speakers, precedents
# --------------------------------------------------------------------------------------------

_REASONS_FR = {
    "speech verb, speaker in the incise": "verbe de parole, auteur dans l'incise",
    "speech verb, speaker is the clause subject": "verbe de parole, auteur sujet de la phrase",
    "speech participle, speaker is the sentence subject":
        "participe de parole, auteur sujet de la phrase",
    "speech verb with the quotation as its object": "verbe de parole dont la citation est l'objet",
    "according to": "« selon »",
    "viewpoint 'pour X'": "point de vue « pour X »",
    "no speech verb: quotation after a colon, speaker is the sentence subject":
        "pas de verbe de parole : citation après deux-points, auteur sujet de la phrase",
    "no speech verb: name after the quotation": "pas de verbe de parole : nom après la citation",
    "no speech verb, speaker is the clause subject":
        "pas de verbe de parole, auteur sujet de la phrase",
    "speech verb announcing the quotation": "verbe de parole qui annonce la citation",
    "attribution": "attribution",
    "no speech verb": "pas de verbe de parole",
    "continues the previous quote": "suite de la citation précédente",
    "no speaker found": "aucun auteur trouvé",
    "named": "nommé",
    "name completed from an earlier mention": "nom complété d'après une mention antérieure",
    "named in apposition": "nommé en apposition",
    "anonymous source": "source anonyme",
    "organisation as written": "organisation, telle qu'écrite",
    "organisation named earlier": "organisation nommée plus haut",
    "document of an earlier source": "document d'une source citée plus haut",
    "title of a person named earlier": "titre d'une personne nommée plus haut",
    "title taken as the previous speaker": "titre pris pour l'auteur précédent",
    "description of a person named earlier": "description d'une personne nommée plus haut",
    "description, no name": "description, sans nom",
    "pronoun resolved": "pronom résolu",
    "pronoun unresolved": "pronom non résolu",
    "office of a person named in the article": "fonction d'une personne nommée dans l'article",
}
_ACROSS = re.compile(r"^(?P<what>.+) across (?P<n>\d+) sentence\(s\)$")
_LAST_NAMED = re.compile(r"^last person named, (?P<n>\d+) sentence\(s\) before$")


def reason_text(reason: str, lang: str | None = "en") -> str:
    """One of the extractor's attribution reasons in plain words of `lang` (the English
    reasons are already plain; French ones come from a table, unknown ones stay as written)."""
    lang = language(lang)
    n_fr = lambda n: f"{n} phrase{'s' if int(n) > 1 else ''}"  # noqa: E731
    if m := _ACROSS.match(reason):
        if lang == "fr":
            return f"{_REASONS_FR.get(m['what'], m['what'])} sur {n_fr(m['n'])}"
        return f"{m['what']} across {m['n']} sentence{'s' if int(m['n']) != 1 else ''}"
    if m := _LAST_NAMED.match(reason):
        if lang == "fr":
            return f"dernière personne nommée, {n_fr(m['n'])} plus haut"
        return f"last person named, {m['n']} sentence{'s' if int(m['n']) != 1 else ''} before"
    return _REASONS_FR.get(reason, reason) if lang == "fr" else reason


def attribution_sentence(claim: QuoteClaim, lang: str | None = "en") -> str | None:
    """"Check the attribution (confidence 45/100): no speech verb; last person named, 2
    sentences before." for a quote below claims.ATTRIBUTION_THRESHOLD, else None."""
    if not attribution_doubtful(claim.confidence):
        return None
    lang = language(lang)
    why = (" ; " if lang == "fr" else "; ").join(reason_text(r, lang) for r in claim.reasons)
    floor = score_100(ATTRIBUTION_THRESHOLD * 100)
    if lang == "fr":
        return (f"Attribution à vérifier (confiance {confidence_100(claim.confidence)}, seuil "
                f"{floor})" + (f" : {why}." if why else "."))
    return (f"Check the attribution (confidence {confidence_100(claim.confidence)}, threshold "
            f"{floor})" + (f": {why}." if why else "."))


def changed_pairs(diff: Sequence[DiffOp]) -> list[tuple[str, str]]:
    """(source words, quote words) for each change of a word diff ("" when one side has
    none)."""
    pairs: list[tuple[str, str]] = []
    i = 0
    while i < len(diff):
        op = diff[i]
        if op.op == "=":
            i += 1
            continue
        src = op.text if op.op == "-" else ""
        quote = op.text if op.op == "+" else ""
        if i + 1 < len(diff) and diff[i + 1].op not in ("=", op.op):
            nxt = diff[i + 1]
            src, quote = (src or nxt.text, quote or nxt.text)
            i += 1
        pairs.append((src, quote))
        i += 1
    return pairs


def _who(claim: Claim) -> str | None:
    if isinstance(claim, QuoteClaim):
        return claim.reference or claim.speaker
    return None


def passage_sentence(ev: PassageEvidence, claim: Claim | None = None,
                     lang: str | None = "en") -> str:
    """What a source says about a quote: word for word, other words (which), not found, or
    said by someone else."""
    lang = language(lang)
    fr = lang == "fr"
    src = quoted(ev.source_title or ("la source" if fr else "the source"), lang)
    turn = f" ({'propos de' if fr else 'words of'} {ev.speaker})" \
        if ev.speaker and not ev.misattributed else ""
    where = f"Dans {src}{turn}" if fr else f"In {src}{turn}"
    cls = ev.cls
    if cls == "verbatim":
        out = (f"{where}, la citation figure mot pour mot." if fr
               else f"{where} the quote is word for word.")
    elif cls == "minor":
        out = (f"{where}, la citation figure à la ponctuation ou à un mot-outil près." if fr
               else f"{where} the quote is there, but for punctuation or a function word.")
    elif cls in ("altered", "spliced"):
        changes = []
        for source_words, quote_words in changed_pairs(ev.diff)[:4]:
            if source_words and quote_words:
                changes.append(f"{quoted(source_words, lang)} {'dans la source' if fr else 'in the source'}, "
                               f"{quoted(quote_words, lang)} {'dans l’article' if fr else 'in the article'}")
            elif source_words:
                changes.append(f"{quoted(source_words, lang)} "
                               f"{'manque à la citation' if fr else 'is left out of the quote'}")
            else:
                changes.append(f"{quoted(quote_words, lang)} "
                               f"{'n’est pas dans la source' if fr else 'is not in the source'}")
        what = "; ".join(changes)
        if cls == "spliced":
            out = (f"{where}, la citation assemble des passages qui ne se suivent pas" if fr
                   else f"{where} the quote joins parts that are not adjacent")
        else:
            out = f"{where}, les mots diffèrent" if fr else f"{where} the words differ"
        out += (f" : {what}." if fr else f": {what}.") if what else "."
    elif cls == "truncated":
        out = (f"{where}, la phrase continue et nuance la citation : lire la suite." if fr
               else f"{where} the sentence goes on to qualify the quote: read on.")
    elif cls == "translated":
        out = (f"{_first_upper(src)} est dans une autre langue : une personne doit vérifier la "
               f"traduction." if fr else f"{_first_upper(src)} is in another language: a person "
                                         f"must check the translation.")
    else:  # not_found
        close = score_100(ev.score)
        out = (f"Aucun passage de {src} ne contient ces mots"
               + (f" (la plus proche correspondance : {close})." if close else ".") if fr
               else f"No passage of {src} holds these words"
               + (f" (closest match {close})." if close else "."))
    if ev.misattributed:
        who = _who(claim) if claim is not None else None
        other = ev.speaker or ("quelqu'un d'autre" if fr else "someone else")
        if fr:
            out += f" Ces mots y sont de {other}" + (f", pas de {quoted(who, lang)}." if who else ".")
        else:
            out += f" There they are said by {other}" + (f", not by {quoted(who, lang)}." if who else ".")
    return out


def precedent_sentence(ev: PrecedentEvidence, lang: str | None = "en") -> str:
    """An earlier fact-check: same claim or only a similar one, its words and its verdict."""
    lang = language(lang)
    fr = lang == "fr"
    label = ("même affirmation" if ev.identical else "affirmation semblable, pas identique") \
        if fr else ev.label
    d = ev.detail
    when = iso_day(d.date)
    where = ", ".join(x for x in (d.collection, day_text(when, lang) if when else d.date) if x)
    verdict = f" — verdict {quoted(d.verdict, lang)}" if d.verdict else ""
    return (f"{_first_upper(label)} : {quoted(d.text, lang, limit=200)}{verdict}"
            + (f" ({where})." if where else ".")) if fr else (
        f"{_first_upper(label)}: {quoted(d.text, lang, limit=200)}{verdict}"
        + (f" ({where})." if where else "."))


# --------------------------------------------------------------------------------------------
# Temporal claims
# --------------------------------------------------------------------------------------------

_DURATION = re.compile(r"^P(?P<n>\d+)(?P<u>[YMWD])$")


def _duration(claim: TemporalClaim) -> tuple[int, str] | None:
    m = _DURATION.match(str(claim.value or ""))
    return (int(m["n"]), m["u"]) if m else None


def _range(claim: TemporalClaim) -> tuple[date, date] | None:
    r = claim.resolved
    if isinstance(r, Sequence) and not isinstance(r, str) and r:
        days = [d for d in (iso_day(x) for x in r) if d]
        if days:
            return min(days), max(days)
    day = iso_day(claim.resolved_day) or iso_day(claim.value)
    return (day, day) if day else None


def _claim_day_text(claim: TemporalClaim, lang: str) -> str | None:
    rng = _range(claim)
    if rng is None:
        return None
    a, b = rng
    if a == b:
        return day_text(a, lang, weekday=True)
    return period_text(a, b, lang)


def _vague(claim: TemporalClaim, lang: str, published: date | None) -> str | None:
    fr = lang == "fr"
    said = quoted(claim.text, lang)
    if claim.value == "PRESENT_REF":
        when = f" ({day_text(published, lang)})" if published else ""
        return (f"{said} renvoie au moment de l’article{when} : rien à vérifier." if fr
                else f"{said} refers to the time of the article{when}: nothing to check.")
    if claim.value == "FUTURE_REF":
        return (f"{said} renvoie à un avenir sans date : rien à vérifier." if fr
                else f"{said} refers to an undated future: nothing to check.")
    if claim.value == "PAST_REF":
        return (f"{said} renvoie à un passé sans date : rien à vérifier." if fr
                else f"{said} refers to an undated past: nothing to check.")
    return None


def _anchored(checked: CheckedClaim, claim: TemporalClaim, lang: str,
              published: date | None, text_lang: str) -> tuple[str, Suggestion | None] | None:
    """Summary (and correction) of a duration counted from an event: "huit ans après la
    signature …"."""
    anchor = dict(claim.anchor or {})
    facts = [ev for ev in checked.result.evidence if isinstance(ev, FactEvidence)]
    fr = lang == "fr"
    event = quoted(anchor.get("text"), lang)
    said = quoted(claim.text, lang)
    if not facts or facts[0].valid_from is None:
        return ((f"La base de faits ne date pas {event} : la durée {said} reste à vérifier." if fr
                 else f"The knowledge base has no date for {event}: {said} needs checking by hand."),
                None)
    happened = iso_day(facts[0].valid_from)
    if happened is None or published is None:
        return None
    before = str(anchor.get("relation") or "AFTER").upper() != "BEFORE"
    a, b = (happened, published) if before else (published, happened)
    label = _first_upper(" ".join(str(anchor.get("text") or "").split()))
    label = quoted(label, lang, limit=MAX_QUOTED) if len(label) > 2 * MAX_QUOTED else label
    if b < a:
        return ((f"{label} a eu lieu le {day_text(happened, lang)}, "
                 f"{'après' if before else 'avant'} la date de l’article ({day_text(published, lang)}) : "
                 f"{said} ne peut pas être juste." if fr else
                 f"{label} took place on {day_text(happened, lang)}, "
                 f"{'after' if before else 'before'} the article's date ({day_text(published, lang)}): "
                 f"{said} cannot be right."), None)
    if checked.result.elapsed is not None:
        y, m, d = (checked.result.elapsed.years, checked.result.elapsed.months,
                   checked.result.elapsed.days)
    else:
        y, m, d = _elapsed(a, b)
    span = elapsed_text(y, m, d, lang)
    if fr:
        head = (f"{label} a eu lieu le {day_text(happened, lang)}, soit {span} "
                f"{'avant' if before else 'après'} le {day_text(published, lang)}, date de l’article")
    else:
        head = (f"{label} took place on {day_text(happened, lang)}, {span} "
                f"{'before' if before else 'after'} {day_text(published, lang)}, the article's date")
    finding = checked.finding
    suggestion = None
    if finding == "consistent":
        return (head + (f" : {said} est juste." if fr else f": {said} is right."), None)
    if finding == "partial":
        summary = head + (f" — proche de {said}, sans être exact." if fr
                          else f" — close to {said}, but not exact.")
    else:
        summary = head + (f" — pas {said}." if fr else f" — not {said}.")
    stated = _duration(claim)
    if stated is not None:
        n, unit = stated
        whole = {"Y": y, "M": y * 12 + m}.get(unit)
        if whole is None:
            days = (b - a).days
            whole = days // 7 if unit == "W" else days
        written = claim.text
        signal = dict(anchor.get("signal") or {})
        tail = ""
        if signal.get("text") and isinstance(signal.get("start"), int) \
                and 0 <= int(signal["start"]) - claim.end <= 2:
            tail = " " + str(signal["text"])
        if finding == "partial" and whole < n:
            new = (f"près de {written}" if text_lang == "fr" else f"nearly {written}")
        else:
            new = (_with_number(written, whole, unit, text_lang)
                   or quantity(whole, unit, text_lang))
        if new != written:
            suggestion = Suggestion(new + tail, (
                f"Correction suggérée : {quoted(new + tail, lang)} au lieu de "
                f"{quoted(written + tail, lang)}." if fr else
                f"Suggested correction: {quoted(new + tail, lang)} instead of "
                f"{quoted(written + tail, lang)}."))
    return summary, suggestion


def _prediction(checked: CheckedClaim, claim: TemporalClaim, lang: str) -> str | None:
    facts = [ev for ev in checked.result.evidence if isinstance(ev, FactEvidence)]
    if not facts:
        return None
    fr = lang == "fr"
    rng = _range(claim)
    said = quoted(claim.text, lang)
    within = f"{said} ({period_text(rng[0], rng[1], lang)})" if rng else said
    days = sorted({d for d in (_fact_day(f) for f in facts) if d})
    when = _and([day_text(d, lang) for d in days], lang)
    if checked.finding == "consistent":
        return (f"Prévision confirmée : ce qui était annoncé pour {within} est enregistré le {when}."
                if fr else f"Prediction borne out: what was announced for {within} is on record "
                           f"on {when}.")
    if checked.finding == "contradicted":
        return (f"Prévision démentie : ce qui était annoncé pour {within} est enregistré le {when}, "
                f"plus tard." if fr else f"Prediction not borne out: what was announced for "
                                          f"{within} is on record on {when}, later.")
    return None


_WEEKDAY_RE = {lang: re.compile(r"(?<!\w)(" + "|".join(WEEKDAYS[lang]) + r")(?!\w)", re.IGNORECASE)
               for lang in LANGS}


def _calendar(checked: CheckedClaim, claim: TemporalClaim, lang: str,
              published: date | None, text_lang: str) -> tuple[str, Suggestion | None] | None:
    """The calendar's own checks: a weekday with its date, the dateline, an impossible date."""
    fr = lang == "fr"
    said = quoted(claim.text, lang)
    finding = checked.finding
    day = iso_day(claim.value) if re.match(r"^\d{4}-\d{2}-\d{2}$", str(claim.value or "")) else None
    if claim.problem == "impossible date":
        return ((f"{said} n’est pas une date du calendrier : ce mois n’a pas ce jour." if fr
                 else f"{said} is not a calendar date: that month has no such day."), None)
    if claim.role == "dateline" and day is not None:
        if finding == "contradicted" and published is not None:
            return ((f"La date en tête de l’article, {day_text(day, lang, weekday=True)}, n’est pas "
                     f"sa date de publication ({day_text(published, lang, weekday=True)})." if fr
                     else f"The dateline, {day_text(day, lang, weekday=True)}, is not the "
                          f"publication date ({day_text(published, lang, weekday=True)})."), None)
        return ((f"La date en tête de l’article, {day_text(day, lang, weekday=True)}, "
                 + ("correspond à sa date de publication." if published else "est une date valide.")
                 if fr else f"The dateline, {day_text(day, lang, weekday=True)}, "
                 + ("matches the publication date." if published else "is a valid date.")), None)
    if claim.weekday is not None and day is not None:
        written = WEEKDAYS[lang][claim.weekday]
        real = WEEKDAYS[lang][day.weekday()]
        if day.weekday() != claim.weekday:
            new = None
            m = _WEEKDAY_RE[text_lang].search(claim.text)
            if m:
                right = WEEKDAYS[text_lang][day.weekday()]
                word = right.lower() if m.group(1)[:1].islower() else _first_upper(right)
                new = claim.text[:m.start()] + word + claim.text[m.end():]
            summary = (f"Le {day_text(day, lang)} était un {real}, pas un {written} comme écrit."
                       if fr else f"{day_text(day, lang)} was a {real}, not a {written} as written.")
            sugg = Suggestion(new, (f"Correction suggérée : {quoted(new, lang)}." if fr
                                    else f"Suggested correction: {quoted(new, lang)}.")) if new else None
            return summary, sugg
        if finding == "consistent":
            return ((f"Le {day_text(day, lang)} est bien un {real}." if fr
                     else f"{day_text(day, lang)} is indeed a {real}."), None)
    return None


def _temporal(checked: CheckedClaim, claim: TemporalClaim, lang: str,
              published: date | None, text_lang: str) -> tuple[str, Suggestion | None]:
    fr = lang == "fr"
    said = quoted(claim.text, lang)
    if claim.anchor:
        done = _anchored(checked, claim, lang, published, text_lang)
        if done is not None:
            return done
    if checked.result.prediction:
        text = _prediction(checked, claim, lang)
        if text is not None:
            return text, None
    cal = _calendar(checked, claim, lang, published, text_lang)
    if cal is not None:
        return cal
    vague = _vague(claim, lang, published)
    if vague is not None:
        return vague, None
    if claim.timex_type == "DURATION":
        return ((f"Rien dans la base de faits ne permet de vérifier la durée {said}." if fr
                 else f"Nothing on record to check the duration {said} against."), None)
    when = _claim_day_text(claim, lang)
    rng = _range(claim)
    if when and rng is not None:
        verb = ("correspond au" if rng[0] == rng[1] else "couvre la période") if fr else (
            "stands for" if rng[0] == rng[1] else "covers the period")
        return ((f"{said} {verb} {when} ; rien hors du texte ne le confirme ni ne le dément." if fr
                 else f"{said} {verb} {when}; nothing outside the text confirms or contradicts it."),
                None)
    return ((f"Rien à vérifier pour {said} hors du texte." if fr
             else f"Nothing outside the text to check {said} against."), None)


# --------------------------------------------------------------------------------------------
# Factual claims
# --------------------------------------------------------------------------------------------


def claim_when(value: Any, published: date | None, lang: str) -> str:
    """The date a factual claim is about, at its precision: "en 2016" / "in 2016", "en octobre
    2025" / "in October 2025", "le 16 octobre 2025" / "on 16 October 2025"; the article's date
    when it has none."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", str(value or ""))
    fr = lang == "fr"
    if m and not m[2]:
        return f"en {m[1]}" if fr else f"in {m[1]}"
    if m and not m[3]:
        return f"en {MONTHS[lang][int(m[2]) - 1]} {m[1]}" if fr else f"in {MONTHS[lang][int(m[2]) - 1]} {m[1]}"
    day = iso_day(value) or published
    return on_day(day, lang) if day else ("à la date de l’article" if fr else "at the article's date")


_FEMININE_TITLE = re.compile(r"(?:ière|rice|esse|ente|reine|chancelière|ministre\s+déléguée)$", re.IGNORECASE)


def _office_phrase(claim: FactualClaim, fact: FactEvidence, lang: str) -> str:
    """"le président (France)" in the article's words; "the President of France" from the
    record in English."""
    of = (fact.extra or {}).get("of")
    if lang == "fr" and re.match(r"(?i)homologue|counterpart", claim.cue or ""):
        # "son homologue russe": the office is the mirrored one's, named as the pack names it
        return f"la fonction de {fact.object}" + (f" ({of})" if of else "")
    if lang == "fr":
        words = (claim.object_text or fact.object or "").strip()
        words = words[:1].lower() + words[1:]
        art = "la" if _FEMININE_TITLE.search(words) else "l’" if re.match(r"[aeiouéèêhAEIOUÉ]", words) else "le"
        return f"{art}{'' if art.endswith('’') else ' '}{words}" + (f" ({of})" if of else "")
    return f"the {fact.object}" + (f" of {of}" if of else "")


def _factual(checked: CheckedClaim, claim: FactualClaim, lang: str,
             published: date | None) -> tuple[str, Suggestion | None]:
    fr = lang == "fr"
    facts = [ev for ev in checked.result.evidence if isinstance(ev, FactEvidence)]
    at = iso_day(claim.at) or published
    at_text = claim_when(claim.at, published, lang)
    finding = checked.finding
    subject = claim.subject_text or claim.subject or ""
    obj = claim.object_text or claim.object or ""
    if not facts:
        return ((f"La base de faits n’a rien sur {quoted(subject or claim.text, lang)} {at_text} : "
                 f"à vérifier à la main." if fr else f"The knowledge base has nothing on "
                 f"{quoted(subject or claim.text, lang)} {at_text}: check it by hand."), None)
    first = facts[0]
    period = period_text(iso_day(first.valid_from), iso_day(first.valid_to), lang)
    if claim.predicate == "presides":
        if finding == "consistent":
            return ((f"Exact : {at_text}, la présidence de {quoted(subject, lang)} "
                     f"revenait bien à {quoted(obj, lang)} ({period})." if fr else
                     f"Right: {at_text}, {quoted(obj, lang)} did preside {quoted(subject, lang)} "
                     f"({period})."), None)
        return ((f"Faux : {at_text}, la présidence de {quoted(subject, lang)} revenait à "
                 f"{first.object} ({period}), pas à {quoted(obj, lang)}." if fr else
                 f"Wrong: {at_text}, {first.object} presided {_the(first.subject)} ({period}), "
                 f"not {quoted(obj, lang)}."), None)
    if claim.predicate == "holds_office":
        office = obj
        if finding == "consistent":
            if claim.former:
                last = facts[-1]
                term = period_text(iso_day(last.valid_from), iso_day(last.valid_to), lang)
                before = ((f"avant le {day_text(at, lang)}" if fr else f"before {day_text(at, lang)}")
                          if at else "")
                return ((f"Exact : {subject} a été {office} {term}"
                         + (f", {before}." if before else ".") if fr else
                         f"Right: {subject} was {quoted(office, lang)} {term}"
                         + (f", {before}." if before else ".")), None)
            of = (first.extra or {}).get("of")
            record = (f"{first.object} ({of})" if fr else f"{first.object} of {of}") if of \
                else first.object
            if claim.dated_by == "sentence" and not (
                    iso_day(first.valid_from) is None or _in_claim_period(claim.at, first)):
                return ((f"Exact à la date de l’article : {subject} est {office} ({record}, {period}) ; "
                         f"la phrase parle de {at_text[3:]}, avant ce mandat (titre d’aujourd’hui)."
                         if fr else f"Right at the article's date: {subject} is {quoted(office, lang)} "
                                    f"({record}, {period}); the sentence is about {at_text[3:]}, before "
                                    f"that term (today's title)."), None)
            return ((f"Exact : {at_text}, {subject} était bien {office} ({record}, {period})."
                     if fr else f"Right: {at_text}, {subject} was indeed {quoted(office, lang)} "
                                f"({record}, {period})."), None)
        if finding == "contradicted":
            if claim.former:
                return ((f"Faux : {at_text}, {subject} était encore {office} ({period}) : pas un "
                         f"ancien titulaire." if fr else f"Wrong: {at_text}, {subject} was still "
                                                        f"{quoted(office, lang)} ({period}), not a "
                                                        f"former holder."),
                        None)
            other = next((f for f in facts if claim.subject and f.subject != claim.subject), None)
            if other is not None:
                term = period_text(iso_day(other.valid_from), iso_day(other.valid_to), lang)
                phrase = _office_phrase(claim, other, lang)
                return ((f"Faux : {at_text}, {phrase} était {other.subject} ({term}), pas {subject}."
                         if fr else f"Wrong: {at_text} {phrase} was {other.subject} ({term}), not "
                                    f"{subject}."),
                        None)  # the name or the date: the evidence does not say which
            return ((f"Faux : {at_text}, {subject} n’était pas {office} ; la base de faits donne "
                     f"{period}." if fr else f"Wrong: {at_text}, {subject} was not "
                                             f"{quoted(office, lang)}; the knowledge base records "
                                             f"{period}."), None)
    if claim.predicate == "member_of":
        seat = (first.extra or {}).get("seat")
        if finding == "consistent":
            return ((f"Exact : {at_text}, {subject} siégeait au {first.object}"
                     + (f" (membre {'permanent' if seat == 'permanent' else 'non permanent'})" if seat else "")
                     + f", {period}." if fr else
                     f"Right: {at_text} {subject} sat on {_the(first.object or '')}"
                     + (f" ({seat} member)" if seat else "") + f", {period}."), None)
        return ((f"Faux : selon la base de faits, {checked.result.explanation}" if fr
                 else f"Wrong: {checked.result.explanation}"), None)
    if claim.predicate == "mandate":
        res = (first.extra or {}).get("resolution")
        if finding == "consistent":
            return ((f"Exact : le mandat de {first.subject} a été renouvelé {period}"
                     + (f" par la {res}" if res else "") + "." if fr else
                     f"Right: the {first.subject} mandate was renewed {period}"
                     + (f" by {res}" if res else "") + "."), None)
        return ((f"Faux : le mandat de {first.subject} a été renouvelé {period}"
                 + (f" par la {res}" if res else "") + " (base de faits)." if fr else
                 f"Wrong: the {first.subject} mandate was renewed {period}"
                 + (f" by {res}" if res else "") + " (knowledge base)."), None)
    if claim.predicate == "visit":
        recorded = iso_day(first.valid_from)
        where = (first.extra or {}).get("place") or claim.place or ""
        if recorded is None:
            return (fact_sentence(first, lang), None)
        said = (f"la base de faits date la visite de {claim.subject} à {where} du {day_text(recorded, lang)}"
                if fr else f"the knowledge base dates {claim.subject}'s visit to {where} to "
                           f"{day_text(recorded, lang)}")
        if finding == "consistent":
            return (("Exact : " if fr else "Right: ") + said + ".", None)
        return (("Faux : " if fr else "Wrong: ") + said + (f", pas {at_text}." if fr else f", not {at_text}."), None)
    if claim.predicate == "event":
        recorded = iso_day(first.valid_from)
        label = f"{first.subject} ({first.object})" if first.object else first.subject
        if recorded is None:
            return ((f"La base de faits ne date pas {label}." if fr
                     else f"The knowledge base has no date for {label}."), None)
        claimed = iso_day(claim.at)
        if finding == "consistent":
            return ((f"Exact : la base de faits situe {label} au {day_text(recorded, lang)}." if fr
                     else f"Right: the knowledge base dates {label} to {day_text(recorded, lang)}."),
                    None)
        sugg = Suggestion(day_text(recorded, lang), (
            f"Date enregistrée : {quoted(day_text(recorded, lang), lang)}." if fr
            else f"Date on record: {quoted(day_text(recorded, lang), lang)}."))
        if finding == "partial":
            return ((f"Presque : la base de faits situe {label} au {day_text(recorded, lang)}, un "
                     f"jour d’écart avec le texte." if fr else
                     f"Nearly: the knowledge base dates {label} to {day_text(recorded, lang)}, one "
                     f"day from the text."), sugg)
        if finding == "contradicted":
            written = f", pas au {day_text(claimed, lang)}" if fr and claimed else (
                f", not {day_text(claimed, lang)}" if claimed else "")
            return ((f"Faux : la base de faits situe {label} au {day_text(recorded, lang)}{written}."
                     if fr else f"Wrong: the knowledge base dates {label} to "
                                f"{day_text(recorded, lang)}{written}."), sugg)
        return ((f"La base de faits situe {label} au {day_text(recorded, lang)} ; le texte ne donne "
                 f"pas de date à comparer." if fr else f"The knowledge base dates {label} to "
                                                       f"{day_text(recorded, lang)}; the text "
                                                       f"gives no date to compare."), None)
    return (fact_sentence(first, lang), None)


# --------------------------------------------------------------------------------------------
# Quotes
# --------------------------------------------------------------------------------------------


def _quote(checked: CheckedClaim, claim: QuoteClaim, lang: str) -> tuple[str, Suggestion | None]:
    fr = lang == "fr"
    passages = [ev for ev in ordered_evidence(checked.result.evidence)
                if isinstance(ev, PassageEvidence)]
    if not passages:
        return (("Aucune source de référence ne contient ces mots : à vérifier auprès de l’auteur "
                 "ou d’un enregistrement." if fr else "No reference source holds these words: "
                                                      "check with the author or a recording."),
                None)
    best = passages[0]
    who = _who(claim)
    if best.misattributed:
        other = best.speaker or ("quelqu'un d'autre" if fr else "someone else")
        summary = (f"Citation mal attribuée : dans la source, ces mots sont de {other}"
                   + (f", pas de {quoted(who, lang)}." if who else ".") if fr else
                   f"Misattributed: in the source these words are said by {other}"
                   + (f", not by {quoted(who, lang)}." if who else "."))
        if not best.speaker:
            return summary, None
        return summary, Suggestion(best.speaker, (
            f"Correction suggérée : attribuer ces mots à {best.speaker}, comme la source." if fr
            else f"Suggested correction: attribute these words to {best.speaker}, as the source does."))
    pairs = [(s, q) for s, q in changed_pairs(best.diff) if s and q]
    if best.cls == "altered":
        summary = ("Citation modifiée : la source le dit avec d’autres mots." if fr
                   else "Altered quote: the source says it with other words.")
        if pairs:
            moves = "; ".join(f"{quoted(s, lang)} {'au lieu de' if fr else 'instead of'} "
                              f"{quoted(q, lang)}" for s, q in pairs)
            return summary, Suggestion("; ".join(s for s, _ in pairs), (
                f"Correction suggérée : les mots de la source, {moves}." if fr
                else f"Suggested correction: the source's words, {moves}."))
        return summary, None
    if best.cls == "spliced":
        return (("Citation modifiée : elle assemble des passages de la source qui ne se suivent pas."
                 if fr else "Altered quote: it joins parts of the source that are not adjacent."),
                None)
    if best.cls == "truncated":
        return (("Citation tronquée : la source continue et la nuance ; lire le contexte." if fr
                 else "Truncated quote: the source goes on to qualify it; read the context."), None)
    if best.cls == "translated":
        return (("La source est dans une autre langue : une personne doit vérifier la traduction."
                 if fr else "The source is in another language: a person must check the "
                            "translation."), None)
    if best.cls in ("verbatim", "minor"):
        exact = "exactement ces mots" if best.cls == "verbatim" else "ces mots, à la ponctuation près"
        return ((f"Exact : la source a {exact}" + (f", dits par {best.speaker}." if best.speaker else ".")
                 if fr else "Right: the source has "
                 + ("these very words" if best.cls == "verbatim" else "these words, but for punctuation")
                 + (f", said by {best.speaker}." if best.speaker else ".")), None)
    return (("Citation introuvable dans les sources de référence : à vérifier auprès de l’auteur "
             "ou d’un enregistrement." if fr else "The quote is not in the reference sources: "
                                                  "check with the author or a recording."), None)


# --------------------------------------------------------------------------------------------
# The whole claim
# --------------------------------------------------------------------------------------------


def about(claim: Claim, lang: str | None = "en", published: date | None = None) -> str:
    """What the claim says, in a sentence: who a quote is attributed to, what a date stands
    for, what a factual claim asserts."""
    lang = language(lang)
    fr = lang == "fr"
    if isinstance(claim, QuoteClaim):
        who = claim.reference or claim.speaker
        written = claim.speaker if claim.speaker and claim.reference and not \
            claim.speaker.strip().lower().endswith(claim.reference.strip().lower()) else None
        cue = f"{', ' if written else ''}{quoted(claim.cue, lang)}" if claim.cue else ""
        extra = f" ({quoted(written, lang) if written else ''}{cue})" if written or cue else ""
        if claim.anonymous:
            return (f"Citation d’une source anonyme : {quoted(claim.speaker or who, lang)}." if fr
                    else f"Quote from an anonymous source: {quoted(claim.speaker or who, lang)}.")
        if not who:
            return "Citation sans auteur trouvé." if fr else "Quote with no speaker found."
        return (f"Auteur de la citation : {who}{extra}." if fr
                else f"Quote attributed to {who}{extra}.")
    if isinstance(claim, TemporalClaim):
        if claim.value in ("PRESENT_REF", "FUTURE_REF", "PAST_REF"):
            kind = {"PRESENT_REF": ("au présent", "the present"),
                    "FUTURE_REF": ("à l’avenir", "the future"),
                    "PAST_REF": ("au passé", "the past")}[claim.value]
            return (f"Renvoie {kind[0]}, sans date." if fr
                    else f"Refers to {kind[1]}, with no date.")
        duration = _duration(claim)
        if duration is not None:
            n, unit = duration
            since = dict(claim.anchor or {}).get("text")
            before = str(dict(claim.anchor or {}).get("relation") or "AFTER").upper() == "BEFORE"
            if since:
                return (f"Durée : {quantity(n, unit, lang)} {'avant' if before else 'depuis'} "
                        f"{quoted(since, lang)}." if fr else
                        f"Duration: {quantity(n, unit, lang)} {'before' if before else 'since'} "
                        f"{quoted(since, lang)}.")
            return f"Durée : {quantity(n, unit, lang)}." if fr else \
                f"Duration: {quantity(n, unit, lang)}."
        if claim.timex_type == "DURATION":
            return "Une durée." if fr else "A duration."
        when = _claim_day_text(claim, lang)
        if claim.role == "dateline":
            return (f"Date en tête de l’article : {when}." if fr
                    else f"The article's dateline: {when}.") if when else (
                "Date en tête de l’article." if fr else "The article's dateline.")
        if claim.timex_type == "SET":
            return "Une fréquence." if fr else "A frequency."
        if when:
            rng = _range(claim)
            single = rng is not None and rng[0] == rng[1]
            return (f"{'Date' if single else 'Période'} : {when}." if fr
                    else f"{'Date' if single else 'Period'}: {when}.")
        return "Une date." if fr else "A date."
    at_text = claim_when(claim.at, published, lang) if (claim.at or published) else ""
    subject = claim.subject_text or claim.subject or ""
    obj = claim.object_text or claim.object or ""
    if claim.predicate == "presides":
        return (f"Présidence de {quoted(subject, lang)} par {quoted(obj, lang)}"
                + (f", {at_text}." if at_text else ".") if fr else
                f"{quoted(obj, lang)} presiding {quoted(subject, lang)}"
                + (f", {at_text}." if at_text else "."))
    if claim.predicate == "holds_office":
        office = ("ancien " if fr else "former ") + obj if claim.former else obj
        return (f"Fonction : {subject}, {office}" + (f", {at_text}." if at_text else ".") if fr
                else f"Office: {subject}, {office}" + (f", {at_text}." if at_text else "."))
    if claim.predicate == "member_of":
        seat = {"permanent": ("permanent", "permanent"), "non-permanent": ("non permanent", "non-permanent")}.get(
            claim.qualifier or "", ("", ""))
        return (f"Membre{' ' + seat[0] if seat[0] else ''} : {quoted(subject, lang)} au "
                f"{quoted(obj, lang)}" + (f", {at_text}." if at_text else ".") if fr else
                f"{quoted(subject, lang)} a{' ' + seat[1] if seat[1] else ''} member of "
                f"{quoted(obj, lang)}" + (f", {at_text}." if at_text else "."))
    if claim.predicate == "mandate":
        how = claim.duration or claim.qualifier or ""
        return (f"Mandat de {quoted(subject, lang)} renouvelé"
                + (f" ({how})" if how else "") + (f", {at_text}." if at_text else ".") if fr else
                f"The {quoted(subject, lang)} mandate renewed" + (f" ({how})" if how else "")
                + (f", {at_text}." if at_text else "."))
    if claim.predicate == "visit":
        subject = claim.subject if claim.resolved and claim.subject else subject  # "du roi": who
        return (f"Visite : {subject} à {quoted(claim.object_text or claim.place or '', lang)}"
                + (f", {at_text}." if at_text else ".") if fr else
                f"Visit: {subject} to {quoted(claim.object_text or claim.place or '', lang)}"
                + (f", {at_text}." if at_text else "."))
    if claim.predicate == "event":
        dated = iso_day(claim.at)
        return (f"Événement : {quoted(subject, lang)}"
                + (f", daté du {day_text(dated, lang)}." if dated else ".") if fr
                else f"Event: {quoted(subject, lang)}"
                + (f", dated {day_text(dated, lang)}." if dated else "."))
    return (f"Affirmation : {quoted(claim.text, lang)}." if fr
            else f"Statement: {quoted(claim.text, lang)}.")


def evidence_line(ev: Evidence, claim: Claim | None, lang: str | None = "en",
                  summary: str | None = None) -> EvidenceLine:
    """One piece of evidence as a titled sentence with its 0-100 score and its source.
    `summary` is what a calendar line says (the calendar has no sentence of its own)."""
    lang = language(lang)
    fr = lang == "fr"
    title = EVIDENCE_TITLES[lang][ev.kind]
    if isinstance(ev, FactEvidence):
        return EvidenceLine(ev.kind, title, fact_sentence(ev, lang), ev.score, ev.source_title,
                            ev.source_url)
    if isinstance(ev, PassageEvidence):
        return EvidenceLine(ev.kind, title, passage_sentence(ev, claim, lang), ev.score,
                            ev.source_title, ev.source_url)
    if isinstance(ev, PrecedentEvidence):
        note = ("Une vérification antérieure, pas une preuve sur cette affirmation." if fr
                else "An earlier fact-check, not evidence about this claim itself.")
        return EvidenceLine(ev.kind, title, precedent_sentence(ev, lang), ev.score,
                            ev.source_title, ev.source_url, note)
    assert isinstance(ev, CalendarEvidence)
    day = iso_day(claim.value) if isinstance(claim, TemporalClaim) and \
        re.match(r"^\d{4}-\d{2}-\d{2}$", str(claim.value or "")) else None
    if day is not None:
        sentence = (f"Le {day_text(day, lang)} est un {WEEKDAYS[lang][day.weekday()]}." if fr
                    else f"{day_text(day, lang)} is a {WEEKDAYS[lang][day.weekday()]}.")
    else:
        sentence = summary or ("Le calendrier." if fr else "The calendar.")
    return EvidenceLine(ev.kind, title, sentence)


def explain(checked: CheckedClaim, *, lang: str | None = "en", published: date | None = None,
            text_lang: str | None = None) -> Explanation:
    """The claim, its finding and its evidence in plain words of `lang` (module docstring);
    `published`: the article's date; `text_lang`: the article's language (by default `lang`),
    which a suggested correction is written in, since it replaces the article's words."""
    lang = language(lang)
    text_lang = language(text_lang or lang)
    claim = checked.claim
    suggestion: Suggestion | None = None
    if isinstance(claim, TemporalClaim):
        summary, suggestion = _temporal(checked, claim, lang, published, text_lang)
    elif isinstance(claim, FactualClaim):
        summary, suggestion = _factual(checked, claim, lang, published)
    else:
        summary, suggestion = _quote(checked, claim, lang)
    lines = tuple(evidence_line(ev, claim, lang, summary)
                  for ev in ordered_evidence(checked.result.evidence))
    return Explanation(
        lang=lang, finding=checked.finding,
        finding_label=FINDING_LABELS[lang].get(checked.finding, FINDING_LABELS[lang][None]),
        about=about(claim, lang, published), summary=summary, evidence=lines,
        suggestion=suggestion,
        attribution=attribution_sentence(claim, lang) if isinstance(claim, QuoteClaim) else None)


def unchecked(claim: Claim, *, lang: str | None = "en",
              published: date | None = None) -> Explanation:
    """The explanation of a claim no check has judged yet (stored without a finding)."""
    lang = language(lang)
    return Explanation(lang=lang, finding=None, finding_label=FINDING_LABELS[lang][None],
                       about=about(claim, lang, published),
                       summary=("Pas encore vérifié." if lang == "fr" else "Not checked yet."),
                       attribution=attribution_sentence(claim, lang)
                       if isinstance(claim, QuoteClaim) else None)


__all__ = ["EVIDENCE_TITLES", "FINDING_LABELS", "LANGS", "EvidenceLine",
           "Explanation", "Suggestion", "about", "attribution_sentence",
           "changed_pairs", "confidence_100", "day_text", "elapsed_text", "evidence_line",
           "explain", "fact_sentence", "language", "number_words", "passage_sentence",
           "period_text", "precedent_sentence", "quoted", "reason_text", "score_100",
           "unchecked"]
