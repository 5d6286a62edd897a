"""Factual claims in news text (French and English): who holds which office, which country
presides an institution, when an event happened. Pure: text in, `FactClaim`s out.

Three families of patterns, each generic (title lexicons, not names):

* office titles before or after a name: "le roi Mohammed VI", "le ministre des Affaires
  étrangères Nasser Bourita", "Russian Foreign Minister Sergey Lavrov", "Sergueï Lavrov, chef de
  la diplomatie russe", "Vladimir Putin, the Russian president" -> holds_office(person, office,
  of=country) at the article's date;
* presidencies: "X, actuellement présidé par la Russie", "sous la présidence de la Russie",
  "la Russie, présidente en exercice du X", "Russia holds the rotating presidency of X",
  "X, currently chaired by Russia" -> presides(institution, country) at the article's date;
* dated events: "la déclaration signée le 15 mars 2016", "signed in Moscow on 15 March 2016",
  "resolution 2797, adopted on 31 October 2025" -> event(subject) at that date.

With a KnowledgeBase, names go through its alias matching (subject/object become canonical
names, and `resolved` is true); without one they are kept as written.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from verifier.analysis import DocumentAnalysis, analyse
from verifier.calendar_names import MONTHS, WEEKDAYS, alternation, month_numbers
from verifier.claims import FactualClaim
from verifier.extract.temporal import Timex, timexes_in

if TYPE_CHECKING:
    from verifier.reference.kb import KnowledgeBase

# --------------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------------

_UP = "A-ZÀ-ÖØ-ÞŒŠŽŸА-ЯЁ"
_CAPWORD = rf"[{_UP}][\w’'\-]*\.?"
_PARTICLE = r"(?:de|da|del|della|van|von|der|bin|ben|ibn|al|el|ould|le|la|dos|du)"
_NAME = rf"{_CAPWORD}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_CAPWORD}){{0,3}}"
_NAME_RE = re.compile(_NAME)
_APOS = "['’]"

# Office titles: the per-language tables of lexicon/{fr,en}-offices.txt (pattern, canonical
# office, the country or institution the title implies). Both run on every text (articles quote
# titles in both languages); longer patterns first. A title after "ex-" is a title ("l'ex-président").
COUNTERPART = "@counterpart"


def _load_titles() -> list[tuple[str, str, str | None]]:
    rows: list[tuple[str, str, str | None]] = []
    for lang in ("fr", "en"):
        path = Path(__file__).with_name("lexicon") / f"{lang}-offices.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            rows.append((cols[0], cols[1], cols[2] if len(cols) > 2 and cols[2] else None))
    return sorted(rows, key=lambda r: -len(r[0]))


_TITLES = _load_titles()
_TITLE_RE = re.compile(
    r"(?<![\w])(?:(?<=ex-)|(?<=then-)|(?<![\-]))(?:" + "|".join(f"(?P<t{i}>{p})" for i, (p, _, _) in enumerate(_TITLES))
    + r")(?![\w\-])", re.IGNORECASE)

# Heads of institutions ("le président de la BCE Mario Draghi", "IMF Managing Director X",
# "UN Secretary-General X", "the bank's chair, X"): a head title with an institution named
# right before it, or after it with "de"/"of", from lexicon/institutions.txt or the knowledge
# base's institutions. `@institution` (third column of the title tables): a title only with
# one; `@head` (the office): the institution's head, whatever its title ("IMF chief").
INSTITUTION = "@institution"
HEAD = "@head"
HEAD_TITLES = frozenset(("President", "Chair", "Managing Director", "Secretary-General",
                         "Director General", HEAD))
INSTITUTION_WINDOW_BACK = 60  # characters before a title where an institution ("IMF") is looked for


def _load_institutions() -> dict[str, tuple[str, bool]]:
    """Folded name -> (canonical institution, whether the name is an acronym)."""
    out: dict[str, tuple[str, bool]] = {}
    path = Path(__file__).with_name("lexicon") / "institutions.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canon, names = line.split("\t")
        for name in names.split("|"):
            out[_inst_key(name)] = (canon, name.replace(".", "").isupper())
    return out


def _inst_key(written: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", written.replace("’", "'")).lower()


_INSTITUTIONS = _load_institutions()
_INSTITUTION_NAMES: dict[str, list[str]] = {}
for _key, (_canon, _acr) in _INSTITUTIONS.items():
    _INSTITUTION_NAMES.setdefault(_canon, []).append(_key)
_INST_ALT = "|".join(re.escape(k).replace(r"\ ", r"[\s\u00a0]+").replace("'", "['’]")
                     for k in sorted(_INSTITUTIONS, key=len, reverse=True))
_INST_AT = re.compile(rf"(?<![\w])(?:{_INST_ALT})(?![\w\-])", re.IGNORECASE)
_INST_ENDING = re.compile(rf"(?<![\w])(?:{_INST_ALT})$", re.IGNORECASE)
_CAP_END = re.compile(r"[A-ZÀ-ÖØ-Þ][\w.’'\-]*$")
# "Deputy Managing Director of the IMF", "directeur général adjoint du FMI": another office
_DEPUTY_BEFORE = re.compile(r"(?<![\w])(?i:deputy|vice|assistant|associate|acting|interim|sous)[ \u00a0\-]+$")
_DEPUTY_AFTER = re.compile(r"[ \u00a0\-]+(?i:adjointe?|délégué(?:e)?|par\s+intérim|intérimaire)(?![\w])")
# "Fed chair nominee X", "la présidente désignée": not (yet) the office
_NOMINEE = re.compile(r"[ \u00a0\-]+(?i:nominee|candidate|pick|hopeful|designate|élue?|désignée?|pressentie?)(?![\w])")
# Between an institution and the title after it: "IMF Managing Director", "the IMF's former chief".
_INST_GAP = re.compile(r"(?:['’]s)?[ \u00a0]+(?:(?i:former|ex|late|then|ancien(?:ne)?)[ \u00a0\-]+)?$")
# "de la BCE", "of the World Bank" after a title
_INST_OF = re.compile(r"[ \u00a0]+(?:(?i:of)[ \u00a0]+(?:(?i:the)[ \u00a0]+)?|(?:de[ \u00a0]+l|d)['’][ \u00a0]*|(?:du|des|de[ \u00a0]+la|de)[ \u00a0]+)")
# "la Banque centrale européenne (BCE)": the acronym in brackets after a name is part of it
_INST_ACRONYM = re.compile(r"[ \u00a0]*\([A-Z][A-Za-z.]{1,9}\)")
# An institution's name going on ("European Council on Foreign Relations", "the IMF's Africa
# department"): not the institution itself.
_INST_LONGER = re.compile(r"['’]s[ \u00a0]|[ \u00a0]+(?:on|of|for|and|pour|et|de|du|des|d['’])[ \u00a0]*"
                          r"(?:(?:the|la|le|les|l['’])[ \u00a0]*)?[A-ZÀ-Ö]")
# A body of an institution named after it ("the head of the UN refugee agency", "president of
# the UN General Assembly", "le chef de la mission de l'ONU"): the body's office, not the
# institution's. Looked for in the three words after the institution's name, up to a comma.
_BODY_NOUNS = frozenset((
    "agency agencies office watchdog body mission programme program envoy panel court tribunal "
    "committee council force forces operation team department division board secretariat "
    "commission assembly fund bank organization organisation system delegation representative "
    "rapporteur summit conference staff unit "
    "agence bureau organe comité conseil cour opération équipe département secrétariat assemblée "
    "fonds banque délégation représentant représentante envoyé envoyée sommet conférence unité").split())
_AFTER_WORDS = re.compile(r"[^,;:.()!?\n]{0,60}")
# A common noun for an institution named before: "the bank's chair", "le président de l'institution"
_INST_NOUNS = (r"central\s+bank|bank|fund|commission|council|organi[sz]ation|institution|"
               r"banque\s+centrale|banque|fonds|conseil|organisation")
_ANAPHOR_BEFORE = re.compile(rf"(?<![\w])(?i:the|its)[ \u00a0]+(?P<noun>(?i:{_INST_NOUNS}))['’]s[ \u00a0]+"
                             r"(?:(?i:former|ex|then)[ \u00a0\-]+)?$")
_ANAPHOR_AFTER = re.compile(rf"[ \u00a0]+(?i:of[ \u00a0]+the|de[ \u00a0]+la|du|de[ \u00a0]+l['’]|de[ \u00a0]+cette)[ \u00a0]*"
                            rf"(?P<noun>(?i:{_INST_NOUNS}))(?![\w\-])(?![ \u00a0]+[a-zà-ÿ])")
ANAPHOR_WINDOW = 400  # characters back to the institution "the bank" is

# Ministerial portfolios: written form -> canonical English.
_PORTFOLIOS: list[tuple[str, str]] = [
    (r"Affaires\s+étrangères(?:,?\s+de\s+la\s+Coopération\s+africaine\s+et\s+des\s+Marocains\s+résidant\s+à\s+l['’]étranger)?", "Foreign Affairs"),
    (r"Europe\s+et\s+des\s+Affaires\s+étrangères", "Foreign Affairs"),
    (r"Foreign\s+Affairs", "Foreign Affairs"),
    (r"Int[ée]rieur", "the Interior"),
    (r"(?:the\s+)?Interior", "the Interior"),
    (r"Home\s+Affairs", "the Interior"),
    (r"D[ée]fense|Armées", "Defence"),
    (r"Defen[cs]e", "Defence"),
    (r"[ÉE]conomie(?:\s+et\s+des\s+Finances)?|Finances", "Finance"),
    (r"Finance|(?:the\s+)?Economy|Treasury", "Finance"),
    (r"Justice", "Justice"),
    (r"Sant[ée]|Health", "Health"),
    (r"[ÉE]ducation(?:\s+nationale)?|Education", "Education"),
    (rf"[{_UP}][\w\-]+(?:\s+(?:et\s+(?:de\s+la\s+|des\s+|du\s+)?|and\s+)?[{_UP}][\w\-]+)?", ""),
]
_PORTFOLIO_RE = re.compile(  # known portfolios in any case ("ministre de justice"), others capitalised
    r"(?:des|de\s+la|de\s+l['’]|du|de|d['’]|of(?:\s+the)?|for)\s*(?:"
    + "|".join(f"(?P<p{i}>(?i:{p}))" if canon else f"(?P<p{i}>{p})"
               for i, (p, canon) in enumerate(_PORTFOLIOS)) + r")(?![\w\-])")

_PORTFOLIO_MORE = re.compile(
    rf"(?:,\s*|\s+et\s+|\s+and\s+)(?:des|de\s+la|de\s+l['’]|du|d['’]|for)\s*(?P<w>[{_UP}][\w\-’']*(?:\s+(?!et\s|and\s)[a-zà-ÿ][\w\-]+)?)")

# Demonyms known without a knowledge base (the KB's adjectives come first).
_DEMONYMS: dict[str, str] = {}
for _country_name, _words in {
    "Russia": "russe russes russian", "Morocco": "marocain marocaine marocains moroccan",
    "France": "français française french", "United States": "américain américaine american",
    "United Kingdom": "britannique british", "Germany": "allemand allemande german",
    "China": "chinois chinoise chinese", "Algeria": "algérien algérienne algerian",
    "Spain": "espagnol espagnole spanish", "Italy": "italien italienne italian",
    "Ukraine": "ukrainien ukrainienne ukrainian", "Turkey": "turc turque turkish",
    "Canada": "canadien canadienne canadian", "Tunisia": "tunisien tunisienne tunisian",
    "Egypt": "égyptien égyptienne egyptian", "Iran": "iranien iranienne iranian",
    "Israel": "israélien israélienne israeli", "Japan": "japonais japonaise japanese",
    "India": "indien indienne indian", "Senegal": "sénégalais sénégalaise senegalese",
}.items():
    for _w in _words.split():
        _DEMONYMS[_w] = _country_name

_FORMER = re.compile(r"(?<![\w])(?:ancien(?:ne)?|ex|former|late|feu)[\s\-]*$", re.IGNORECASE)
_THEN = re.compile(r"(?<![\w])(?:then|alors)[\s\-]*$", re.IGNORECASE)
_NOT_YET = re.compile(r"(?<![\w])(?:futur(?:e)?|future|prochain(?:e)?|incoming|would-be|potentiel(?:le)?|"
                      r"candidat(?:e)?|candidate)[\s\-]*$", re.IGNORECASE)
_DETERMINERS = r"(?i:le|la|les|l['’]|the|un|une|a|an|son|sa|ses|his|her|its|their|leur|cet|cette|ce|actuel(?:le)?|current)"
_NOT_NAMES = frozenset((
    "Le La Les L The A An Un Une Des De Du Et Ou Mais And Or But Il Elle Ils Elles He She They "
    "Ce Cette Ces This That Selon According Pour For Lors During "
    "Monsieur Madame Mademoiselle Mme Mlle M. Dr Docteur Me Maître Mr Mrs Ms Sir Son Sa Excellence"
).split() + [w.capitalize() for lg in ("fr", "en") for w in (*WEEKDAYS[lg], *MONTHS[lg])])

# Honorifics between a title and a name ("le Chef de l'Etat, Son Excellence Monsieur X"), and
# the copula of "le président de la France était François Hollande".
_HON = (r"(?:Son|Sa|Leurs?|His|Her)\s+(?:Excellence|Majesté|Altesse|Excellency|Majesty|Highness)|"
        r"S\.\s?E\.|Monsieur|Madame|Mademoiselle|M\.|Mme|Mlle|Dr\.?|Docteur|Pr\.?|Professeur|Me|"
        r"Maître|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame")
_COPULA = r"(?:était|est|fut|reste|demeure|was|is|remains|a\s+été|has\s+been|had\s+been)"
_GAP = re.compile(rf"(?:\s+(?P<cop>{_COPULA})\s+|,?[ \u00a0]+)(?P<hon>(?:{_HON})(?:[ ,\u00a0]+(?:{_HON}))*[ ,\u00a0]+)?")
_APPOSITION_END = re.compile(r"\s*(?:[,;:.!?)]|$)")
_NAME_THEN_TITLE = re.compile(
    rf"(?P<n>{_NAME})(?:,\s+|\s+(?P<cop>{_COPULA})\s+)(?:{_DETERMINERS}\s+|(?i:l|d)['’]\s*)*"
    rf"(?:(?P<pw>{_CAPWORD})['’]s\s+)?(?:(?P<adj>[\w\-]+)\s+)?$")
# Before a "name, title" apposition: a place ("à Moscou, l'ambassadeur") or a noun with its
# article ("le Gouvernement, le ministre", "Garde des Sceaux, ministre"), not a person's name.
_LOCATIVE = re.compile(r"(?:(?<![\w])(?i:à|en|au|aux|dans|depuis|vers|in|at|from|le|la|les|du|des|de|the|of)\s+"
                       r"|(?<![\w])(?i:l|d)['’]\s*)$")
_AND = re.compile(r"\s+(?:et|and)\s+(?:(?:le|la|l['’]|the)\s*)?")
COUNTERPART_WINDOW = 600
VISITOR_CLAIMS = 8  # office claims after a subjectless visit phrase to look at  # characters back to the office a counterpart mirrors

DATE_WINDOW = 300  # characters around a claim where the date of its sentence is looked for
# The date a claim is about: a date of its sentence (from the temporal extraction), else the
# publication date.
_DATED = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_PART_OF_YEAR = re.compile(r"^(\d{4})-(?:Q[1-4]|H[12])$")


def _day(value: str | None) -> date | None:
    """The first day of an ISO date, month or year."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def _last_day(value: str) -> date:
    """The last day of an ISO date, month or year (a valid one: see _DATED)."""
    first = _day(value)
    assert first is not None
    if len(value) == 4:
        return date(first.year, 12, 31)
    if len(value) == 7:
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return first


class _Dates:
    """The dated temporal expressions of a document (values of extract/temporal.py), for the
    date each claim is about: `at` picks the one nearest the claim in its sentence."""

    def __init__(self, timexes: Sequence[Timex], published: date | None):
        self.published = published
        # a quarter or a half-year ("2024-Q2", "2026-H2") dates a claim to its year
        dated = ((t, _PART_OF_YEAR.sub(r"\1", str(t.value or ""))) for t in timexes
                 if t.timex_type == "DATE" and t.role != "dateline")
        self.items = sorted((t.start, t.end, value, t.tense) for t, value in dated
                            if _DATED.match(value))
        self.starts = [i[0] for i in self.items]
        self.sentence = (0, 0)
        # durations and dates, for mandates: (start, end, value, type)
        self.spans = sorted((t.start, t.end, str(t.value), t.timex_type) for t in timexes
                            if t.timex_type in ("DATE", "DURATION") and t.value)
        self.span_starts = [i[0] for i in self.spans]

    def durations_within(self, a: int, b: int) -> list[tuple[int, int, str, str]]:
        lo, hi = bisect_left(self.span_starts, a), bisect_left(self.span_starts, b)
        return self.spans[lo:hi]

    def within(self, s0: int, s1: int) -> list[tuple[int, int, str, str | None]]:
        lo, hi = bisect_left(self.starts, s0), bisect_left(self.starts, s1)
        return self.items[lo:hi]

    def stated(self, s0: int, s1: int, start: int, end: int, *, past_only: bool = False,
               after: bool = False) -> str | None:
        """The value of the dated expression of [s0, s1) nearest to [start, end) (only those
        ending before the publication date with `past_only`; only those after the claim's
        start with `after`), or None."""
        best: tuple[int, str] | None = None
        # only the dates near the claim (DATE_WINDOW characters): linear on endless sentences
        for ts, te, value, _ in self.within(max(s0, start - DATE_WINDOW), min(s1, end + DATE_WINDOW)):
            if after and ts < start:
                continue
            if past_only and self.published is not None and not _last_day(value) < self.published:
                continue
            gap = start - te if te <= start else ts - end if ts >= end else 0
            if best is None or gap < best[0]:
                best = (gap, value)
        return best[1] if best else None

    @property
    def pub(self) -> str | None:
        return self.published.isoformat() if self.published else None

    def at(self, start: int, end: int, *, former: bool = False) -> tuple[str | None, str]:
        """An office title's date and how it was chosen (FactualClaim.dated_by): a past date
        of its sentence, else the publication date (a former holder is former at the
        publication date)."""
        if former:
            return self.pub, "publication"
        s0, s1 = self.sentence
        stated = self.stated(s0, s1, start, end, past_only=True)
        return (stated, "sentence") if stated else (self.pub, "publication")


# Presidency cues. Group `c` is the country, `i` the institution when the pattern names it.
_ART = r"(?:(?:la|le|les|l['’]|the)\s*)?"
_COUNTRY = rf"(?P<c>{_CAPWORD}(?:\s+(?:(?:de|du|des|of|the|de\s+la)\s+)?{_CAPWORD}){{0,3}})"
_INST = rf"(?P<i>{_CAPWORD}(?:\s+(?:[a-zà-ÿ][\w’'\-]*|{_CAPWORD}|de\s+l['’]\s*{_CAPWORD}|d['’]\s*{_CAPWORD})){{0,6}})"
_INST_EN = rf"(?P<i>{_CAPWORD}(?:\s+(?:{_CAPWORD}|(?:of|for|and|on)\s+(?:the\s+)?{_CAPWORD})){{0,6}})"
_PRESIDES_BEFORE = [  # institution named before the cue: X, actuellement présidé par Y
    re.compile(rf"(?:(?:actuellement|présentement|currently|now)\s+)?(?:présidée?s?|presided(?:\s+over)?|chaired)\s+(?:par|by)\s+{_ART}{_COUNTRY}"),
    re.compile(rf"(?:(?:actuellement|currently)\s+)?(?i:sous|under)\s+(?:la\s+|the\s+)?(?:rotating\s+)?présidence\s+(?:tournante\s+)?(?:de\s+la|du|de\s+l['’]|des|de|d['’])\s*{_COUNTRY}"),
    re.compile(rf"(?:(?:actuellement|currently)\s+)?(?i:under)\s+(?:the\s+)?(?:rotating\s+)?presidency\s+of\s+(?:the\s+)?{_COUNTRY}"),
]
_PRESIDES_BOTH = [  # both named: Y préside X, la présidence russe du X, Russia's presidency of X
    re.compile(rf"{_COUNTRY},?\s+(?:qui\s+)?(?:assure|assume|exerce|occupe|détient)\s+(?:actuellement\s+|ce\s+mois-ci\s+)?la\s+présidence\s+(?:tournante\s+)?(?:du|de\s+la|de\s+l['’])\s*{_INST}"),
    re.compile(rf"{_COUNTRY},?\s+(?:which\s+)?(?:currently\s+)?(?:holds|has|assumes|occupies)\s+(?:the\s+)?(?:rotating\s+)?presidency\s+of\s+(?:the\s+)?{_INST_EN}"),
    re.compile(rf"{_COUNTRY},?\s+(?:qui\s+est\s+|actuel(?:le)?\s+)?(?:présidente?|président)\s+en\s+exercice\s+(?:du|de\s+la|de\s+l['’])\s*{_INST}"),
    re.compile(rf"{_COUNTRY},?\s+(?:which\s+)?(?:currently\s+)?(?:presides\s+over|chairs)\s+(?:the\s+)?{_INST_EN}"),
    re.compile(rf"{_COUNTRY}['’]s\s+(?:current\s+)?(?:rotating\s+)?presidency\s+of\s+(?:the\s+)?{_INST_EN}"),
    re.compile(rf"présidence\s+(?:tournante\s+)?(?P<adj>[a-zà-ÿ][\w\-]+)\s+(?:du|de\s+la|de\s+l['’])\s*{_INST}"),
    re.compile(rf"(?P<adj>[{_UP}][a-z]+)\s+presidency\s+of\s+(?:the\s+)?{_INST_EN}"),
]

# Dated events.
_MONTHS = {**month_numbers("fr"), **month_numbers("en")}
_M = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_DATE = (rf"(?:(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_M})\s+(?P<y1>\d{{4}})"
         rf"|(?P<m2>{_M})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
         rf"|(?P<m3>{_M})\s+(?P<y3>\d{{4}})"
         rf"|(?P<y4>(?:1[89]|20)\d{{2}})(?!\d))")
_PARTICIPLE = (r"(?:signée?s?|adoptée?s?|conclue?s?|tenue?s?|lancée?s?|créée?s?|fondée?s?|"
               r"ratifiée?s?|inaugurée?s?|paraphée?s?|proclamée?s?|"
               r"signed|adopted|concluded|held|launched|created|founded|established|ratified|"
               r"inaugurated|proclaimed)")
_PLACE = rf"(?:\s+(?:à|a|in|at)\s+(?P<place>{_CAPWORD}(?:[\s\-]{_CAPWORD})?))"
_WD = alternation(w.lower() for w in (*WEEKDAYS["fr"], *WEEKDAYS["en"]))
_EVENT_RE = re.compile(
    rf"(?<![\w\-])(?P<verb>{_PARTICIPLE}){_PLACE}?,?\s+(?:le|on|en|in|du|the)\s+(?:{_WD},?\s+)?{_DATE}"
    rf"(?:\s+(?:à|in|at)\s+(?P<place2>{_CAPWORD}))?",
    re.IGNORECASE)
_AUX = re.compile(r"(?:\s+(?i:was|were|is|are|has\s+been|have\s+been|had\s+been|been|a\s+été|ont\s+été|"
                  r"avait\s+été|avaient\s+été|est|sont|fut|furent|été|officiellement|officially|"
                  r"formally|solennellement))+\s*$")
_ACTIVE = re.compile(r"(?<![\w'’])(?i:a|ont|avait|avaient|aura|auront|avons|has|have|had)\s+$")
_GENERIC_EVENT = re.compile(
    r"(?:déclaration|accord|traité|partenariat|résolution|convention|pacte|mémorandum|charte|"
    r"declaration|agreement|treaty|partnership|resolution|statement|memorandum|pact|charter)s?$",
    re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# The claim
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FactClaim:
    text: str
    start: int
    end: int
    predicate: str            # holds_office | presides | event | member_of | mandate | visit
    subject: str              # canonical when resolved by the KB, else as written
    object: str | None
    subject_span: tuple[int, int] | None
    object_span: tuple[int, int] | None
    at: str | None            # ISO date (or YYYY-MM, YYYY) the claim is about
    of: str | None = None
    of_span: tuple[int, int] | None = None
    subject_text: str | None = None
    object_text: str | None = None
    cue: str | None = None
    resolved: bool = False
    former: bool = False
    place: str | None = None
    office_key: str | None = None
    dated_by: str | None = None
    duration: str | None = None
    qualifier: str | None = None

    def to_claim(self) -> FactualClaim:
        return FactualClaim(
            text=self.text, start=self.start, end=self.end, predicate=self.predicate,
            subject=self.subject, object=self.object,
            subject_span=_pair(self.subject_span), object_span=_pair(self.object_span),
            at=self.at, subject_text=self.subject_text, object_text=self.object_text,
            cue=self.cue, resolved=self.resolved, of=self.of, of_span=_pair(self.of_span),
            former=self.former, place=self.place, office_key=self.office_key,
            dated_by=self.dated_by, duration=self.duration, qualifier=self.qualifier)


def _pair(span: Sequence[int] | None) -> tuple[int, int] | None:
    return (span[0], span[1]) if span else None


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _resolve(kb: KnowledgeBase | None, name: str, types: Sequence[str] | None) -> tuple[str, bool]:
    if kb is None:
        return name, False
    m = kb.match_entity(name, types=types)
    return (m.name, True) if m else (name, False)


def _demonym(kb: KnowledgeBase | None, word: str) -> str | None:
    if kb is not None:
        c = kb.match_adjective(word)
        if c:
            return c
    return _DEMONYMS.get(word.lower())


def _trim_name(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Drop trailing weekday / month / function words from a capitalised run."""
    words = list(re.finditer(r"\S+", text[s:e]))
    while words and words[-1].group().rstrip(".,") in _NOT_NAMES:
        words.pop()
    while words and words[0].group() in _NOT_NAMES:
        words.pop(0)
        while words and words[0].group().islower():  # "Pour le Luxembourg" -> "Luxembourg"
            words.pop(0)
    if not words:
        return None
    ns, ne = s + words[0].start(), s + words[-1].end()
    while ne > ns and text[ne - 1] in ".’'":
        ne -= 1
    if text[ns:ne].endswith(("’s", "'s")):
        ne -= 2
    return (ns, ne) if ne > ns else None


def _person_at(text: str, pos: int, kb: KnowledgeBase | None, limit: int) -> tuple[int, int, str, bool] | None:
    """A person's name starting at `pos` (spaces skipped): (start, end, name, resolved)."""
    m = re.compile(r"[ \u00a0]*").match(text, pos)
    pos = m.end() if m else pos
    if kb is not None:
        for mention in kb.find_mentions(text[pos:min(limit, pos + 80)]):
            if mention.start == 0:
                if mention.type == "person":
                    return pos, pos + mention.end, mention.name, True
                if mention.type in ("country", "institution", "office", "event", "mission"):
                    return None
            break
    m = _NAME_RE.match(text, pos, limit)
    if not m:
        return None
    span = _trim_name(text, m.start(), m.end())
    if span is None:
        return None
    name = text[span[0]:span[1]]
    if kb is not None:
        found = kb.match_entity(name)
        if found and kb.entity_type(found.name) == "person":
            return span[0], span[1], found.name, True
        if found and kb.entity_type(found.name) not in (None, "person"):
            return None
    return span[0], span[1], name, False


def _place_of(text: str, pos: int, end: int, kb: KnowledgeBase | None) -> tuple[int, int, str | None, str] | None:
    """'of X' / 'du X' / 'de la X' right after pos: (start, end, canonical, written)."""
    m = re.compile(rf"\s+(?:of|du|de\s+la|de\s+l['’]|d['’])\s*(?:the\s+)?(?P<x>{_CAPWORD}(?:\s+(?:(?:de|du|des|of|the)\s+)?{_CAPWORD}){{0,3}})").match(text, pos, end)
    if not m:
        return None
    written = m.group("x")
    first = written.split()[0]
    if len(written.split()) >= 3 and first.isupper() and len(first) >= 2:
        # "secrétaire général de l'ONU António Guterres": an acronym, then the name
        return m.start("x"), m.start("x") + len(first), (_resolve(kb, first, None)[0] if kb else None), first
    if kb is not None:
        found = kb.match_entity(written, types=("country", "institution"))
        if found:
            return m.start("x"), m.end("x"), found.name, written
        # "of the Security Council Sergey..." : accept the longest known prefix
        for mention in kb.find_mentions(written, types=("country", "institution")):
            if mention.start == 0:
                return m.start("x"), m.start("x") + mention.end, mention.name, written[:mention.end]
    else:
        words = written.split()
        if len(words) >= 3 and not re.match(rf"(?:{_PARTICLE})$", words[1]):
            # "ambassadeur de Yougoslavie Borislav Milosevic": a one-word country, then a name
            return m.start("x"), m.start("x") + len(words[0]), None, words[0]
    return m.start("x"), m.end("x"), None, written


# --------------------------------------------------------------------------------------------
# Office titles
# --------------------------------------------------------------------------------------------


def _written_ok(written: str, acronym: bool) -> bool:
    """An institution's name as a name: an acronym in capitals, one word capitalised ("Fed",
    not the verb "fed"); a name of several words in any case ("la banque mondiale")."""
    if acronym:
        return written.replace(".", "").isupper()
    return " " in written.strip() or written[:1].isupper()


def _known_institution(kb: KnowledgeBase | None, canon: str) -> tuple[str, bool]:
    """A lexicon institution: (its name, whether the knowledge base has it by that name)."""
    return canon, kb is not None and kb.entity_type(canon) == "institution"


def _institution_at(text: str, p: int, limit: int, kb: KnowledgeBase | None) -> tuple[int, int, str, bool] | None:
    """The institution whose name starts at `p` (the longest of the lexicon's and the knowledge
    base's names): (start, end, canonical, resolved by the knowledge base)."""
    found: tuple[int, int, str, bool] | None = None
    if kb is not None:
        window = text[p:min(limit, p + 80)]
        ms = kb.find_mentions(window, types=("institution",))
        if ms and ms[0].start == 0 and _written_ok(window[:ms[0].end], False):
            found = (p, p + ms[0].end, ms[0].name, True)
    m = _INST_AT.match(text, p, limit)
    if m and (found is None or m.end() > found[1]):
        canon, acronym = _INSTITUTIONS[_inst_key(m.group())]
        if _written_ok(m.group(), acronym):
            found = (p, m.end(), *_known_institution(kb, canon))
    if found is None:
        return None
    acronym_after = _INST_ACRONYM.match(text, found[1], limit)
    if acronym_after:
        found = (found[0], acronym_after.end(), found[2], found[3])
    if _INST_LONGER.match(text, found[1], limit):
        return None  # "European Council on Foreign Relations": a longer name
    after = _AFTER_WORDS.match(text, found[1], limit)
    if after and any(w.lower().removesuffix("'s").removesuffix("’s") in _BODY_NOUNS
                     for w in after.group().split()[:3]):
        return None  # "the UN refugee agency", "the UN General Assembly": one of its bodies
    return found


def _institution_ending(text: str, s0: int, end: int, kb: KnowledgeBase | None) -> tuple[int, int, str, bool] | None:
    """The institution whose name ends at `end` ("IMF" of "IMF Managing Director")."""
    ws = max(s0, end - INSTITUTION_WINDOW_BACK)
    if not _CAP_END.search(text, ws, end):
        return None  # an institution's name before a title ends with a capitalised word
    found: tuple[int, int, str, bool] | None = None
    if kb is not None:
        ms = kb.find_mentions(text[ws:end], types=("institution",))
        if ms and ws + ms[-1].end == end and _written_ok(text[ws + ms[-1].start:end], False):
            found = (ws + ms[-1].start, end, ms[-1].name, True)
    m = _INST_ENDING.search(text, ws, end)
    if m and (found is None or m.start() < found[0]):
        canon, acronym = _INSTITUTIONS[_inst_key(m.group())]
        if _written_ok(m.group(), acronym):
            found = (m.start(), end, *_known_institution(kb, canon))
    return found


def _institution_referred(text: str, noun: str, pos: int, kb: KnowledgeBase | None) -> tuple[str, bool] | None:
    """The institution "the bank" / "l'institution" at `pos` refers to: the last one named in
    the ANAPHOR_WINDOW characters before whose names hold that noun ("bank": the World Bank),
    any for "institution"; none when another name with that noun comes between ("Deutsche
    Bank")."""
    base = max(0, pos - ANAPHOR_WINDOW)
    cands: list[tuple[int, int, str, bool]] = []
    if kb is not None:
        cands += [(base + m.start, base + m.end, m.name, True)
                  for m in kb.find_mentions(text[base:pos], types=("institution",))]
    for m in _INST_AT.finditer(text, base, pos):
        canon, acronym = _INSTITUTIONS[_inst_key(m.group())]
        if _written_ok(m.group(), acronym):
            cands.append((m.start(), m.end(), *_known_institution(kb, canon)))
    words = " ".join(noun.lower().split())
    generic = words in ("institution", "organisation", "organization")
    for _start, end, name, ok in sorted(cands, key=lambda c: -c[0]):
        names = [*_INSTITUTION_NAMES.get(name, ()), name.lower()]
        if kb is not None and name in kb.entities:
            names += [a.lower() for v in kb.entities[name].aliases.values() for a in v]
        if not generic and not any(re.search(rf"(?<![\w]){re.escape(words)}(?![\w])", n) for n in names):
            continue
        if re.search(rf"(?<![\w]){re.escape(noun[:1].upper() + noun[1:])}(?![\w])", text[end:pos]):
            return None  # "Deutsche Bank" between: which bank is not for us to guess
        return name, ok
    return None


def _institution_of_title(text: str, s0: int, s1: int, t_start: int, t_end: int, kb: KnowledgeBase | None
                          ) -> tuple[tuple[int, int], str, bool, int, int] | None:
    """The institution a head title is of: named after it ("président de la BCE", "president of
    the World Bank"), before it ("IMF Managing Director", "the IMF's chief"), or a common noun
    for the last one named ("the bank's chair", "le président de l'institution"):
    (span written, canonical, resolved, start and end of the whole title)."""
    of = _INST_OF.match(text, t_end, s1)
    if of:
        inst = _institution_at(text, of.end(), s1, kb)
        if inst:
            return (inst[0], inst[1]), inst[2], inst[3], t_start, inst[1]
    gap = _INST_GAP.search(text, max(s0, t_start - 20), t_start)
    if gap and gap.start() > s0:
        inst = _institution_ending(text, s0, gap.start(), kb)
        if inst:
            return (inst[0], inst[1]), inst[2], inst[3], inst[0], t_end
    before = _ANAPHOR_BEFORE.search(text, max(s0, t_start - 40), t_start)
    after = None if before else _ANAPHOR_AFTER.match(text, t_end, s1)
    anaphor = before or after
    if anaphor:
        referred = _institution_referred(text, anaphor.group("noun"), anaphor.start("noun"), kb)
        if referred:
            span = (anaphor.start("noun"), anaphor.end("noun"))
            return span, referred[0], referred[1], (span[0] if before else t_start), (t_end if before else span[1])
    return None


def _head_office(kb: KnowledgeBase | None, institution: str, key: str, written: str) -> str | None:
    """The office a head title names at an institution: the knowledge base's office of that
    institution with that name ("président" of the Fed: its Chair), else its one recorded head
    office; else the title's own office (None for a bare "chief", "patron")."""
    offices = kb.offices_at_institution(institution) if kb is not None else []
    if key in offices:
        return key
    named = [o for o in offices if kb is not None and kb.is_name_of(o, written)]
    if len(named) == 1:
        return named[0]
    if len(offices) == 1:
        return offices[0]
    return None if key == HEAD else key


def _title_key(m: re.Match[str]) -> tuple[str, str | None]:
    """(canonical office, the country or institution the title implies) of a title match."""
    for i, (_, key, of) in enumerate(_TITLES):
        if m.group(f"t{i}") is not None:
            return key, of
    return "", None


def _office_name(key: str, portfolio: str | None) -> str:
    if key != "Minister" or not portfolio:
        return key
    return "Minister of Foreign Affairs" if portfolio == "Foreign Affairs" else f"Minister of {portfolio}"


def _country_before(text: str, s0: int, t_start: int, kb: KnowledgeBase | None
                    ) -> tuple[str | None, str, tuple[int, int]] | None:
    """The country written before a title ("Russian Foreign Minister", "Russia's foreign
    minister", "Former German chancellor"): (canonical, written, span)."""
    before = text[max(s0, t_start - 40):t_start]
    pre = re.search(rf"(?P<w>[{_UP}][\w\-]*(?:\s+[{_UP}][\w\-]*)?)(?P<poss>['’]s)?\s+$", before)
    if pre and not pre.group("poss") and " " in pre.group("w") and not _demonym(kb, pre.group("w")):
        pre = re.search(rf"(?P<w>[{_UP}][\w\-]*)(?P<poss>)\s+$", before)
    if not pre:
        return None
    w = pre.group("w")
    found = kb.match_entity(w, types=("country",)) if pre.group("poss") and kb else None
    canon = found.name if found else (None if pre.group("poss") else _demonym(kb, w))
    if not (canon or pre.group("poss")):
        return None
    b = t_start - len(before) + pre.start("w")
    return canon, w, (b, b + len(w))


def _ministry(text: str, pos: int, s1: int, kb: KnowledgeBase | None
              ) -> tuple[str, int, tuple[str | None, str, tuple[int, int]] | None] | None:
    """The portfolio after "ministre" (several, "de l'Economie, des Finances et du Plan", are
    one ministry), where it ends, and a demonym after it; None for a bare "ministre"."""
    pm = _PORTFOLIO_RE.match(text, re.compile(r"\s*").match(text, pos).end(), s1)  # type: ignore[union-attr]
    if not pm:
        return None
    portfolio = next(canon_p or pm.group(f"p{i}") for i, (_, canon_p) in enumerate(_PORTFOLIOS)
                     if pm.group(f"p{i}") is not None)
    pos = pm.end()
    for _ in range(4):
        more = _PORTFOLIO_MORE.match(text, pos, s1)
        if more is None or (kb is not None and kb.match_entity(more.group("w"), types=("country",))):
            break
        pos = more.end()
    adj = re.compile(r"\s+(?P<a>[a-zà-ÿ][\w\-]+)").match(text, pos, s1)
    if adj and _demonym(kb, adj.group("a")):
        return portfolio, adj.end(), (_demonym(kb, adj.group("a")), adj.group("a"), (adj.start("a"), adj.end("a")))
    return portfolio, pos, None


def _offices(text: str, s0: int, s1: int, dates: _Dates, kb: KnowledgeBase | None,
             prior: Sequence[FactClaim] = ()) -> list[FactClaim]:
    """Office claims of one sentence. `prior`: the office claims found before it in the
    document (a counterpart takes the office of the last one)."""
    out: list[FactClaim] = []
    for tm in _TITLE_RE.finditer(text, s0, s1):
        key, implied_of = _title_key(tm)
        counterpart = key == COUNTERPART
        t_start, pos = tm.start(), tm.end()
        if counterpart and text[t_start:pos].lower().endswith("s"):
            continue  # "leurs homologues turcs": several people, no one named
        of_canon: str | None = None
        of_written: str | None = None
        of_span: tuple[int, int] | None = None
        portfolio: str | None = None
        head_of: str | None = None  # the office at an institution a head title names
        inst = None
        word_lead = ""
        if key in HEAD_TITLES or implied_of == INSTITUTION:
            inst = _institution_of_title(text, s0, s1, t_start, pos, kb)
            if inst is None and implied_of == INSTITUTION:
                continue  # "the chair of the board", "le patron du club": no office we know
            if inst is not None:
                head_of = _head_office(kb, inst[1], key, text[t_start:pos])
                if head_of is None or _NOMINEE.match(text, pos, s1) or _DEPUTY_AFTER.match(text, pos, s1) \
                        or _DEPUTY_BEFORE.search(text, max(s0, t_start - 14), t_start):
                    continue  # "Fed chair nominee X", "Deputy Managing Director": not the office
                of_span, of_canon, of_written = inst[0], inst[1], text[inst[0][0]:inst[0][1]]
                implied_of = None
                word_lead = text[max(s0, t_start - 14):t_start]  # "the IMF's former chief"
                t_start, pos = inst[3], inst[4]
        # Country before the title: "Russian Foreign Minister", "Russia's foreign minister"
        found_before = None if inst else _country_before(text, s0, t_start, kb)
        if found_before:
            of_canon, of_written, of_span = found_before
        lead_end = of_span[0] if of_span and of_span[0] < t_start else t_start  # "Former German chancellor"
        lead = text[max(s0, lead_end - 14):lead_end]
        if _NOT_YET.search(lead) or (inst and _NOT_YET.search(word_lead)):
            continue  # "le futur président": not an office held at any date the text gives
        former = bool(_FORMER.search(lead)) or bool(inst and _FORMER.search(word_lead))
        then = bool(_THEN.search(lead)) or bool(inst and _THEN.search(word_lead))  # "the then-president", "le président d'alors"
        # Adjective after the title: "ministre russe", "président marocain", "homologue russe"
        adj = None if inst else re.compile(r"\s+(?P<a>[a-zà-ÿ][\w\-]+)").match(text, pos, s1)
        if adj and _demonym(kb, adj.group("a")):
            of_canon, of_written = _demonym(kb, adj.group("a")), adj.group("a")
            of_span = (adj.start("a"), adj.end("a"))
            pos = adj.end()
        if counterpart and of_span is None:
            continue  # "son homologue" names no country
        if key == "Minister":
            ministry = _ministry(text, pos, s1, kb)
            if ministry is None:
                continue  # a bare "ministre" names no office
            portfolio, pos, adj_of = ministry
            if adj_of:  # "ministre des Affaires étrangères russe"
                of_canon, of_written, of_span = adj_of
        title_end = pos
        office_written = text[t_start:title_end]
        office_key = head_of or _office_name(key, portfolio)
        # "du Maroc", "of Russia" after the title
        if of_span is None and implied_of is None and not counterpart:
            place = _place_of(text, pos, s1, kb)
            if place:
                of_span, of_canon, of_written = (place[0], place[1]), place[2], place[3]
                pos = place[1]
        # Title then name: "le roi Mohammed VI", "President Putin", "le Chef de l'Etat, Son
        # Excellence Monsieur X", "le président de la France était François Hollande"
        gap = _GAP.match(text, pos, s1)
        person = _person_at(text, gap.end(), kb, s1) if gap else None
        if person and gap and not gap.group("hon") and not gap.group("cop") and gap.group().startswith(",") \
                and not _APPOSITION_END.match(text, person[1], s1):
            person = None  # "Selon le président, Vladimir Poutine a ..." : the name starts a clause
        if person and gap and gap.group("cop") and not (person[3] or " " in person[2]):
            person = None  # "le président est Arrivé": a copula needs a full or known name
        claim_start, claim_end = t_start, None
        copula = bool(person and gap and gap.group("cop"))
        if person:
            claim_end = person[1]
            if of_span and of_span[0] < claim_start:
                claim_start = of_span[0]
            # "King Mohammed VI of Morocco"
            if of_span is None and implied_of is None and not counterpart:
                place = _place_of(text, person[1], s1, kb)
                if place and (place[2] or kb is None):
                    of_span, of_canon, of_written = (place[0], place[1]), place[2], place[3]
                    claim_end = place[1]
        else:
            # Name then title: "Sergueï Lavrov, chef de la diplomatie russe", "Lat Diop est l'ex
            # Directeur général"
            left = text[max(s0, t_start - 90):t_start]
            lm = _NAME_THEN_TITLE.search(left)
            if not lm:
                # "X est l'ex directeur général de la LONASE et ministre des Sports": the
                # second title of a coordination has the first one's holder
                prev = out[-1] if out else None
                if prev and prev.subject_span and _AND.fullmatch(text, prev.end, t_start):
                    out.append(_coordinated(prev, text, t_start, title_end, office_key, kb,
                                            dates, of_canon or of_written, of_span))
                continue
            named = _name_then_title(text, lm, t_start - len(left), s0, kb, of_span is None)
            if named is None:
                continue
            person, of_found, named_former, copula = named
            if of_found is not None:
                of_canon, of_written, of_span = of_found
            former = former or named_former
            claim_start, claim_end = person[0], max(title_end, of_span[1] if of_span else title_end)
        assert claim_end is not None
        at, dated_by = dates.at(claim_start, claim_end, former=former)
        if dated_by == "sentence" and (copula or then):
            dated_by = "statement"  # "en 2016, le président de la France était François Hollande"
        elif then and dated_by == "publication":
            former = True  # "the then-president X", no date given: held before the article's date
        if counterpart:
            of_name = of_canon or of_written
            # the office claims before it: this sentence's, then the last ones of the document
            source = _counterpart_of(text, s0, t_start, person[2], of_name,
                                     [*prior[-VISITOR_CLAIMS:], *out], kb, at)
            if source is None:
                continue
            office, counterpart_key, office_resolved = source
            office_key = counterpart_key or office
        elif head_of and kb is not None and head_of not in kb.offices_at_institution(of_canon or "") \
                and kb.match_entity(office_written, types=("office",)):
            # no office recorded at the institution, but one named by the whole title ("Fed
            # chair", "président de la Fed" of a pack without the Fed's own offices)
            office, office_resolved = _resolve(kb, office_written, ("office",))
        else:
            office, office_resolved = _resolve(kb, office_key, ("office",))
            if not office_resolved and kb is not None:
                alt, alt_ok = _resolve(kb, office_written, ("office",))
                if alt_ok:
                    office, office_resolved = alt, alt_ok
        of_value = of_canon if of_canon else of_written
        if of_value is None and implied_of:
            of_value = _resolve(kb, implied_of, ("country", "institution"))[0]
        out.append(FactClaim(
            text=text[claim_start:claim_end], start=claim_start, end=claim_end,
            predicate="holds_office", subject=person[2], object=office,
            subject_span=(person[0], person[1]), object_span=(t_start, title_end), at=at,
            of=of_value, of_span=of_span, subject_text=text[person[0]:person[1]],
            object_text=office_written, cue=office_written, resolved=person[3],
            former=former, office_key=office_key, dated_by=dated_by))
    return out


def _name_then_title(text: str, lm: re.Match[str], base: int, s0: int, kb: KnowledgeBase | None,
                     want_of: bool) -> tuple[tuple[int, int, str, bool],
                                             tuple[str | None, str, tuple[int, int]] | None,
                                             bool, bool] | None:
    """"Sergueï Lavrov, chef de la diplomatie russe", "Lat Diop est l'ex Directeur général":
    the person named before a title (`lm`: _NAME_THEN_TITLE matched on the text from `base`),
    the country its adjective or possessive names (when `want_of`), whether it says "former",
    whether a copula links them; None when no person is named there."""
    adj = lm.group("adj")
    if adj and not _demonym(kb, adj) and not _FORMER.search(adj):
        return None
    span = _trim_name(text, base + lm.start("n"), base + lm.end("n"))
    if span is None or _LOCATIVE.search(text, max(s0, span[0] - 12), span[0]):
        return None  # "à Moscou, l'ambassadeur", "le Gouvernement, le ministre": no person
    name = text[span[0]:span[1]]
    found = kb.match_entity(name) if kb is not None else None
    if found and kb is not None and kb.entity_type(found.name) not in (None, "person"):
        return None
    person = (span[0], span[1], found.name, True) if found else (span[0], span[1], name, False)
    of_found: tuple[str | None, str, tuple[int, int]] | None = None
    if want_of and adj and (demonym := _demonym(kb, adj)):
        of_found = (demonym, adj, (base + lm.start("adj"), base + lm.end("adj")))
    elif want_of and lm.group("pw"):
        w = lm.group("pw")
        found_c = kb.match_entity(w, types=("country",)) if kb else None
        of_found = (found_c.name if found_c else None, w, (base + lm.start("pw"), base + lm.end("pw")))
    return person, of_found, bool(adj and _FORMER.search(adj)), bool(lm.group("cop"))


def _coordinated(prev: FactClaim, text: str, t_start: int, title_end: int, office_key: str,
                 kb: KnowledgeBase | None, dates: _Dates, of: str | None,
                 of_span: tuple[int, int] | None) -> FactClaim:
    """The office claim of the second title of "X, A et B": X's, with B's office."""
    office, _ = _resolve(kb, office_key, ("office",))
    at, dated_by = dates.at(t_start, title_end, former=prev.former)
    return FactClaim(
        text=text[t_start:title_end], start=t_start, end=title_end, predicate="holds_office",
        subject=prev.subject, object=office, subject_span=prev.subject_span,
        object_span=(t_start, title_end), at=at, of=of, of_span=of_span,
        subject_text=prev.subject_text, object_text=text[t_start:title_end],
        cue=text[t_start:title_end], resolved=prev.resolved, former=prev.former,
        office_key=office_key, dated_by=dated_by)


def _counterpart_of(text: str, s0: int, cue: int, person: str, of: str | None,
                    prior: Sequence[FactClaim], kb: KnowledgeBase | None,
                    at: str | None) -> tuple[str, str | None, bool] | None:
    """(office, office key, resolved) a counterpart holds: the office of the person it is the
    counterpart of, that is the last office claim before it about someone else (within
    COUNTERPART_WINDOW characters), else, with a knowledge base, the recorded office on the
    claim's date of the last known person named before it in the sentence."""
    for c in reversed(prior):
        if c.start < cue - COUNTERPART_WINDOW:
            break
        if c.end <= cue and c.subject != person and c.object:
            return c.object, c.office_key, c.resolved
    if kb is None:
        return None
    day = _day(at)
    if day is None:
        return None
    for mention in reversed(kb.find_mentions(text[s0:cue], types=("person",))):
        if mention.name == person:
            continue
        offices = {f.object for f in kb.offices_of(mention.name, day)}
        if len(offices) == 1:
            (office,) = offices
            return office, office, True
        break
    return None


# --------------------------------------------------------------------------------------------
# Presidencies
# --------------------------------------------------------------------------------------------


def _institution_before(text: str, s0: int, cue_start: int, kb: KnowledgeBase | None) -> tuple[int, int, str, bool] | None:
    window_start = s0
    for sep in (";", ":", "—", "–", "("):
        k = text.rfind(sep, s0, cue_start)
        if k >= 0:
            window_start = max(window_start, k + 1)
    if kb is not None:
        mentions = kb.find_mentions(text[window_start:cue_start], types=("institution", "mission"))
        if mentions:
            last = mentions[-1]
            return window_start + last.start, window_start + last.end, last.name, True
    seg = text[window_start:cue_start].rstrip(" ,\u00a0")
    seg = re.sub(r"(?:,?\s*(?:qui\s+est|which\s+is|qui\s+sera|est|is))$", "", seg).rstrip(" ,")
    comma = seg.rfind(",")
    base = window_start + comma + 1 if comma >= 0 else window_start
    seg = text[base:window_start + len(seg)]
    m = re.search(rf"(?<![\w’'])(?!(?:Le|La|Les|L|The)\b)[{_UP}]", seg)
    if not m:
        return None
    s, e = base + m.start(), base + len(seg.rstrip())
    words = text[s:e].split()
    if not words or len(words) > 10:
        return None
    name = text[s:e]
    return s, e, name, False


def _institution_after(text: str, pos: int, s1: int, kb: KnowledgeBase | None) -> tuple[int, int, str, bool] | None:
    """'Sous la présidence de la Russie, le Conseil de sécurité ...': the institution after."""
    if kb is not None:
        mentions = kb.find_mentions(text[pos:s1], types=("institution", "mission"))
        if mentions and mentions[0].start <= 12:
            first = mentions[0]
            return pos + first.start, pos + first.end, first.name, True
        return None
    m = re.compile(rf",\s+(?:(?i:le|la|les|l['’]|the)\s*)(?P<i>{_CAPWORD}(?:\s+(?:de|du|des|of|the|de\s+la)?\s*[\w’'\-]+)??)(?=\s+(?:a|ont|has|have|had|va|doit|will|is|était|était|adopte|adopted|vote|votes)\b)").match(text, pos, s1)
    if not m:
        return None
    return m.start("i"), m.end("i"), m.group("i"), False


def _country(kb: KnowledgeBase | None, written: str) -> tuple[str, bool]:
    if kb is None:
        return written, False
    found = kb.match_entity(written, types=("country",))
    if found:
        return found.name, True
    return written, False


def _presidencies(text: str, s0: int, s1: int, dates: _Dates, kb: KnowledgeBase | None) -> list[FactClaim]:
    out: list[FactClaim] = []
    at = dates.pub
    for rx in _PRESIDES_BEFORE:
        for m in rx.finditer(text, s0, s1):
            cspan = _trim_name(text, m.start("c"), m.end("c"))
            if cspan is None:
                continue
            written = text[cspan[0]:cspan[1]]
            if kb is not None:
                found = kb.match_entity(written)
                if found and kb.entity_type(found.name) not in (None, "country"):
                    continue  # "présidé par le roi Mohammed VI": a person, not a presidency
            inst = _institution_before(text, s0, m.start(), kb)
            if inst is None:
                inst = _institution_after(text, m.end(), s1, kb)
            if inst is None:
                continue
            country, c_ok = _country(kb, written)
            s, e = min(inst[0], m.start()), max(inst[1], cspan[1])
            out.append(FactClaim(
                text=text[s:e], start=s, end=e, predicate="presides",
                subject=inst[2], object=country, subject_span=(inst[0], inst[1]),
                object_span=cspan, at=at, subject_text=text[inst[0]:inst[1]],
                object_text=written, cue=text[m.start():m.start("c")].strip(),
                resolved=inst[3] and c_ok))
    for rx in _PRESIDES_BOTH:
        for m in rx.finditer(text, s0, s1):
            ispan = _trim_name(text, m.start("i"), m.end("i"))
            if ispan is None:
                continue
            inst_written = text[ispan[0]:ispan[1]]
            if kb is not None:
                mentions = kb.find_mentions(inst_written, types=("institution", "mission"))
                if mentions and mentions[0].start == 0:
                    ispan = (ispan[0], ispan[0] + mentions[0].end)
                    inst_written = text[ispan[0]:ispan[1]]
            inst_name, i_ok = _resolve(kb, inst_written, ("institution", "mission"))
            if "adj" in rx.groupindex and m.group("adj"):
                cspan = (m.start("adj"), m.end("adj"))
                written = m.group("adj")
                canon = _demonym(kb, written)
                if canon is None:
                    continue
                country, c_ok = canon, kb is not None
            else:
                cs = _trim_name(text, m.start("c"), m.end("c"))
                if cs is None:
                    continue
                cspan = cs
                written = text[cspan[0]:cspan[1]]
                country, c_ok = _country(kb, written)
            s, e = (cspan[0] if "c" in rx.groupindex and m.group("c") else m.start()), ispan[1]
            out.append(FactClaim(
                text=text[s:e], start=s, end=e, predicate="presides", subject=inst_name,
                object=country, subject_span=ispan, object_span=cspan, at=at,
                subject_text=inst_written, object_text=written,
                cue=text[cspan[1]:ispan[0]].strip(" ,") or text[m.start():cspan[0]].strip(),
                resolved=i_ok and c_ok))
    return out


# --------------------------------------------------------------------------------------------
# Dated events
# --------------------------------------------------------------------------------------------


def _date_of(m: re.Match[str]) -> tuple[str, str] | None:
    """(ISO value, precision) of an _DATE match."""
    try:
        if m.group("y1"):
            d = date(int(m.group("y1")), _MONTHS[m.group("m1").lower()], int(m.group("d1")))
            return d.isoformat(), "day"
        if m.group("y2"):
            d = date(int(m.group("y2")), _MONTHS[m.group("m2").lower()], int(m.group("d2")))
            return d.isoformat(), "day"
    except ValueError:
        return None
    if m.group("y3"):
        return f"{int(m.group('y3')):04d}-{_MONTHS[m.group('m3').lower()]:02d}", "month"
    if m.group("y4"):
        return m.group("y4"), "year"
    return None


def _event_subject(text: str, s0: int, verb_start: int, kb: KnowledgeBase | None,
                   sent_end: int) -> tuple[int, int, str, bool] | None:
    window = text[s0:verb_start]
    if _ACTIVE.search(window):
        return None  # "le ministre a tenu le 5 mars ..." : the subject is the agent, not the event
    aux = _AUX.search(window)
    if aux:
        window = window[:aux.start()]
    if kb is not None:
        mentions = kb.find_mentions(window, types=("event", "resolution"))
        if mentions:
            m = mentions[-1]
            return s0 + m.start, s0 + m.end, m.name, True
    # the noun phrase before the participle, from its determiner
    np = re.search(rf"(?:(?<![\w’'])(?:{_DETERMINERS})[\s’']+|^)(?P<np>[\w’'\-]+(?:\s+[\w’'\-()]+){{0,6}}?),?\s*$", window)
    if not np or not np.group("np"):
        return None
    s, e = s0 + np.start("np"), s0 + np.end("np")
    written = text[s:e]
    if kb is not None:
        found = kb.match_entity(written, types=("event", "resolution"))
        if found:
            return s, e, found.name, True
        if _GENERIC_EVENT.search(written):
            # "la déclaration signée le ..." refers back to the last event named before it
            before = text[max(0, s0 - 600):s0]
            mentions = kb.find_mentions(before, types=("event", "resolution"))
            if mentions:
                return s, e, mentions[-1].name, True
    return s, e, written, False


def _events(text: str, s0: int, s1: int, kb: KnowledgeBase | None) -> list[FactClaim]:
    out: list[FactClaim] = []
    for m in _EVENT_RE.finditer(text, s0, s1):
        value = _date_of(m)
        if value is None:
            continue
        subj = _event_subject(text, s0, m.start("verb"), kb, s1)
        if subj is None:
            continue
        place = m.group("place") or m.group("place2")
        out.append(FactClaim(
            text=text[subj[0]:m.end()], start=subj[0], end=m.end(), predicate="event",
            subject=subj[2], object=None, subject_span=(subj[0], subj[1]), object_span=None,
            at=value[0], subject_text=text[subj[0]:subj[1]], cue=m.group("verb"),
            resolved=subj[3], place=place))
    return out


# --------------------------------------------------------------------------------------------
# Presidencies in the past, present and future tense, memberships, mandates, resolutions, visits
# --------------------------------------------------------------------------------------------

_PRES_VERB = (r"(?:prendr(?:a|ont|e)|prend|a\s+pris|prenait|assumer(?:a|ont)?|assume|a\s+assumé|"
              r"assurer(?:a|ont)?|assure|a\s+assuré|assurait|exercer(?:a|ont)?|exerce|a\s+exercé|"
              r"exerçait|occuper(?:a|ont)?|occupe|a\s+occupé|occupait|détiendra|détient|a\s+détenu|"
              r"détenait|avait|a\s+eu|aura|"
              r"holds|held|has\s+held|will\s+hold|hold|take\s+over|takes\s+over|took\s+over|"
              r"will\s+take\s+over|taking\s+over|assumes|assumed|will\s+assume|assume|had|has)")
_MODAL = (r"(?:(?:se\s+prépare|s['’]apprête|s['’]apprêtait|se\s+préparait)\s+à|doit|devait|devra|va|"
          r"allait|devrait|is\s+(?:set|due|expected|preparing|about)\s+to|was\s+(?:set|due|expected)\s+to|"
          r"will|is|was|prepares\s+to)")
_PRESIDES_TENSED = [
    re.compile(rf"{_COUNTRY},?\s+(?:qui\s+|which\s+)?(?:{_MODAL}\s+)?{_PRES_VERB}"
               rf"(?P<gap>[^.;:!?]{{0,60}}?)\s(?:la\s+)?présidence\s+(?:tournante\s+)?"
               rf"(?:(?:du|de\s+la|de\s+l['’])\s*{_INST})?"),
    re.compile(rf"{_COUNTRY},?\s+(?:which\s+)?(?:{_MODAL}\s+)?{_PRES_VERB}"
               rf"(?P<gap>[^.;:!?]{{0,60}}?)\s(?:the\s+)?(?:rotating\s+)?presidency"
               rf"(?:\s+of\s+(?:the\s+)?{_INST_EN})?"),
]
INSTITUTION_WINDOW = 600  # characters back to the institution a bare "la présidence" is of

_MEMBER = [
    re.compile(rf"{_COUNTRY},?\s+(?:(?:qui\s+)?(?:est|était|sera|fut|a\s+été|devient|deviendra|"
               rf"reste|actuellement|désormais)\s+)*(?:un\s+|une\s+)?membre\s+"
               rf"(?P<q>non[- ]permanent|permanent)?\s*(?:(?:du|de\s+la|de\s+l['’])\s*{_INST})?"),
    re.compile(rf"{_COUNTRY},?\s+(?:(?:which\s+)?(?:is|was|will\s+be|has\s+been|becomes|became|"
               rf"remains|currently|now)\s+)*(?:a\s+|an\s+)?(?P<q>non-permanent|permanent)?\s*member"
               rf"(?:\s+of\s+(?:the\s+)?{_INST_EN})?(?![\w\-])"),
]

_RENEW = (r"(?:prolong\w*|prorog\w*|renouvel\w*|reconduit\w*|reconduir\w*|étend\w*|"
          r"extend\w*|renew\w*|roll\w*\s+over)")
_MISSION = rf"(?P<m>{_CAPWORD}(?:\s+{_CAPWORD}){{0,3}})"
_MANDATE = [
    re.compile(rf"(?i:{_RENEW})\s+(?:[^.;:]{{0,30}}?\s)?(?i:le\s+mandat|the\s+mandate)\s+"
               rf"(?:de\s+la|du|de\s+l['’]|des|de|d['’]|of(?:\s+the)?)\s*{_MISSION}"),
    re.compile(rf"(?i:{_RENEW})\s+(?:the\s+)?{_MISSION}['’]s\s+mandate"),
    re.compile(rf"(?i:le\s+mandat|the\s+mandate)\s+(?:de\s+la|du|de\s+l['’]|des|de|d['’]|of(?:\s+the)?)\s*"
               rf"{_MISSION},?\s+(?i:a\s+été|sera|est|était|avait\s+été|was|will\s+be|has\s+been|is|had\s+been)"
               rf"\s+(?i:{_RENEW})"),
]
_UNTIL = re.compile(r"(?i:jusqu['’]\s*(?:au|à|en)|until|through|to)\s*$")
_RESOLUTION_YEAR = re.compile(
    r"(?<![\w])(?i:r[ée]solution)\s+(?:n°\s*|no\.\s*)?(?P<n>\d{3,4})\s*\((?P<y>(?:19|20)\d{2})\)")

_VISIT_KIND = (r"(?P<q>d['’]\s*[ÉEée]tat|officielle|de\s+travail|d['’]amitié|"
               r"state|official|working)")
_VISIT = [
    # "la visite d'Etat du roi à Moscou", "la visite officielle de Nasser Bourita en Russie"
    re.compile(rf"(?i:visites?)\s+(?:{_VISIT_KIND}\s+)?(?:officielle\s+)?(?:(?i:du|de\s+la|de\s+l['’]|de|d['’])\s*"
               rf"(?![ÉE]tat\b)(?P<who>(?:(?i:président|présidente|roi|reine|premier\s+ministre|première\s+ministre|"
               rf"chancelier|chancelière|prince\s+héritier|pape|émir)\b(?:\s+[a-zà-ÿ]+)?)|{_NAME})|"
               rf"(?P<poss>(?i:sa|son)))?\s*(?:(?:d['’]\s*[ÉEée]tat|officielle)\s+)?"
               rf"(?:à|en|au|aux)\s+(?P<place>{_CAPWORD}(?:[\s\-]+(?:populaire\s+de\s+)?{_CAPWORD}){{0,2}})"),
    # "King Mohammed VI's state visit to Moscow", "the state visit by X to Y"
    re.compile(rf"(?:(?P<who>{_NAME})['’]s\s+(?:{_VISIT_KIND}\s+)?visit|(?:{_VISIT_KIND.replace('?P<q>', '?P<q2>')}\s+)?visit\s+(?:by|of)\s+"
               rf"(?:the\s+)?(?P<who2>{_NAME}))\s+to\s+(?:the\s+)?(?P<place>{_CAPWORD}(?:\s+{_CAPWORD}){{0,2}})"),
    # "Bassirou Diomaye Faye visited Turkey", "X s'est rendu à Moscou"
    re.compile(rf"(?P<who>{_NAME})\s+(?:visited|(?:s['’]est|s['’]était)\s+rendue?|a\s+visité|avait\s+visité)\s+"
               rf"(?:(?:à|en|au|aux)\s+)?(?P<place>{_CAPWORD}(?:[\s\-]+{_CAPWORD}){{0,2}})"),
]


def _last_institution(text: str, s0: int, pos: int, kb: KnowledgeBase | None) -> tuple[int, int, str, bool] | None:
    """The last institution named before `pos` (within INSTITUTION_WINDOW characters): what a
    bare "la présidence" or "a non-permanent member" is of."""
    if kb is None:
        return None
    base = max(0, pos - INSTITUTION_WINDOW)
    mentions = kb.find_mentions(text[base:pos], types=("institution",))
    if not mentions:
        return None
    m = mentions[-1]
    return base + m.start, base + m.end, m.name, True


def _country_span(text: str, m: re.Match[str], kb: KnowledgeBase | None) -> tuple[tuple[int, int], str, bool] | None:
    cspan = _trim_name(text, m.start("c"), m.end("c"))
    if cspan is None:
        return None
    written = text[cspan[0]:cspan[1]]
    if kb is not None:
        found = kb.match_entity(written, types=("country",))
        if found is None:
            for mention in kb.find_mentions(written, types=("country",)):
                if mention.end == len(written):  # "Alors, la Russie" -> Russia
                    return (cspan[0] + mention.start, cspan[1]), mention.name, True
            return None
        return cspan, found.name, True
    return cspan, written, False


def _named_institution(text: str, m: re.Match[str], kb: KnowledgeBase | None) -> tuple[int, int, str, bool] | None:
    if "i" not in m.re.groupindex or m.group("i") is None:
        return None
    ispan = _trim_name(text, m.start("i"), m.end("i"))
    if ispan is None:
        return None
    written = text[ispan[0]:ispan[1]]
    if kb is not None:
        mentions = kb.find_mentions(written, types=("institution", "mission"))
        if not mentions or mentions[0].start != 0:
            return None
        return ispan[0], ispan[0] + mentions[0].end, mentions[0].name, True
    return ispan[0], ispan[1], written, False


def _stated_at(dates: _Dates, s0: int, s1: int, start: int, end: int) -> tuple[str | None, str]:
    stated = dates.stated(s0, s1, start, end)
    return (stated, "statement") if stated else (dates.pub, "publication")


def _overlapping(claims: Sequence[FactClaim], start: int, end: int) -> bool:
    """Whether a claim of `claims` (in document order, not overlapping each other) overlaps
    [start, end): a bisection."""
    i = bisect_left(claims, end, key=lambda c: c.start)
    return i > 0 and claims[i - 1].end > start


def _presidencies_tensed(text: str, s0: int, s1: int, dates: _Dates, kb: KnowledgeBase | None,
                         taken: Sequence[FactClaim]) -> list[FactClaim]:
    """"La Russie prendra en octobre la présidence tournante du Conseil", "Russia held the
    presidency in April": the date is the one the sentence gives (its tense resolved by the
    temporal extraction), else the publication date."""
    out: list[FactClaim] = []
    for rx in _PRESIDES_TENSED:
        for m in rx.finditer(text, s0, s1):
            if _overlapping(taken, m.start(), m.end()) or (out and out[-1].end > m.start()):
                continue
            country = _country_span(text, m, kb)
            if country is None:
                continue
            cspan, cname, c_ok = country
            inst = _named_institution(text, m, kb) or _last_institution(text, s0, m.start(), kb)
            if inst is None:
                continue
            end = inst[1] if m.group("i") else len(text[:m.end()].rstrip())
            at, dated_by = _stated_at(dates, s0, s1, cspan[0], end)
            out.append(FactClaim(
                text=text[cspan[0]:end], start=cspan[0], end=end, predicate="presides",
                subject=inst[2], object=cname, subject_span=(inst[0], inst[1]), object_span=cspan,
                at=at, subject_text=text[inst[0]:inst[1]], object_text=text[cspan[0]:cspan[1]],
                cue=" ".join(text[cspan[1]:m.end() if not m.group("i") else m.start("i")].split()).strip(" ,"),
                resolved=inst[3] and c_ok, dated_by=dated_by))
    return out


def _memberships(text: str, s0: int, s1: int, dates: _Dates, kb: KnowledgeBase | None) -> list[FactClaim]:
    """"l'Algérie, membre non permanent du Conseil de sécurité", "Sierra Leone, a
    non-permanent member": member_of(country, institution), seat in `qualifier`."""
    out: list[FactClaim] = []
    for rx in _MEMBER:
        for m in rx.finditer(text, s0, s1):
            country = _country_span(text, m, kb)
            if country is None:
                continue
            cspan, cname, c_ok = country
            inst = _named_institution(text, m, kb)
            if inst is None and m.group("i") is None:
                inst = _last_institution(text, s0, m.start(), kb)
            if inst is None:
                continue
            end = max(m.end(), cspan[1]) if m.group("i") is None else inst[1]
            qualifier = ("non-permanent" if m.group("q") and m.group("q").lower().startswith("non")
                         else "permanent" if m.group("q") else None)
            at, dated_by = _stated_at(dates, s0, s1, cspan[0], end)
            out.append(FactClaim(
                text=text[cspan[0]:end], start=cspan[0], end=end, predicate="member_of",
                subject=cname, object=inst[2], subject_span=cspan, object_span=(inst[0], inst[1]),
                at=at, subject_text=text[cspan[0]:cspan[1]], object_text=text[inst[0]:inst[1]],
                cue=" ".join(text[cspan[1]:inst[0] if m.group("i") else end].split()).strip(" ,") or None,
                resolved=inst[3] and c_ok, dated_by=dated_by, qualifier=qualifier))
    return out


def _mandates(text: str, s0: int, s1: int, dates: _Dates, kb: KnowledgeBase | None) -> list[FactClaim]:
    """"prolonger le mandat de la MINURSO pour une année supplémentaire", "renewed MINURSO's
    mandate until 31 October 2026": mandate(mission), `duration` from the temporal
    extraction, the end date in `qualifier` ("until 2026-10-31"), the resolution in `object`."""
    out: list[FactClaim] = []
    for rx in _MANDATE:
        for m in rx.finditer(text, s0, s1):
            mspan = _trim_name(text, m.start("m"), m.end("m"))
            if mspan is None:
                continue
            written = text[mspan[0]:mspan[1]]
            if kb is not None:
                mentions = kb.find_mentions(written, types=("mission",))
                if not mentions or mentions[0].start != 0:
                    continue
                mspan = (mspan[0], mspan[0] + mentions[0].end)
                name, ok = mentions[0].name, True
            else:
                name, ok = written, False
            duration = until = None
            end = m.end()
            for ts, te, value, typ in dates.durations_within(m.end(), min(s1, m.end() + DATE_WINDOW)):
                if typ == "DURATION" and duration is None and re.fullmatch(r"P\d+[YMWD]", value):
                    duration, end = value, max(end, te)
                elif typ == "DATE" and until is None and _UNTIL.search(text[max(s0, ts - 12):ts]):
                    until, end = value, max(end, te)
            if duration is None and until is None:
                continue  # "le mandat de la MINURSO" alone states nothing to check
            resolution = _RESOLUTION_NUMBER.search(text, max(s0, m.start() - DATE_WINDOW), min(s1, end + DATE_WINDOW))
            at, dated_by = _stated_at(dates, s0, s1, m.start(), m.end())
            if until and at == until:
                at, dated_by = dates.pub, "publication"
            out.append(FactClaim(
                text=text[m.start():end], start=m.start(), end=end, predicate="mandate",
                subject=name, object=(f"Resolution {resolution.group('n')}" if resolution else None),
                subject_span=mspan, object_span=resolution.span() if resolution else None, at=at,
                subject_text=text[mspan[0]:mspan[1]], cue=" ".join(text[m.start():m.start("m")].split()),
                resolved=ok, dated_by=dated_by, duration=duration,
                qualifier=f"until {until}" if until else None))
    return out


_RESOLUTION_NUMBER = re.compile(r"(?<![\w])(?i:r[ée]solution)\s+(?:n°\s*|no\.\s*)?(?P<n>\d{3,4})(?!\d)")


def _resolutions(text: str, s0: int, s1: int, kb: KnowledgeBase | None) -> list[FactClaim]:
    """"la résolution 2756 (2024)": the resolution adopted in that year (an event claim at
    year precision)."""
    out: list[FactClaim] = []
    for m in _RESOLUTION_YEAR.finditer(text, s0, s1):
        found = kb.resolution_by_number(m.group("n")) if kb is not None else None
        subject = found.subject if found else m.group()
        out.append(FactClaim(
            text=m.group(), start=m.start(), end=m.end(), predicate="event", subject=subject,
            object=None, subject_span=(m.start(), m.end()), object_span=None, at=m.group("y"),
            subject_text=m.group(), cue=f"({m.group('y')})", resolved=found is not None,
            dated_by="statement"))
    return out


def _visitor(text: str, m: re.Match[str], group: str, s0: int, dates: _Dates, kb: KnowledgeBase | None,
             prior: Sequence[FactClaim], at: str | None) -> tuple[int, int, str, bool] | None:
    """Who visits: a name, a title ("du roi": the one holder of that office on the date, or the
    last person the text gave that title), or "sa visite" (the last office claim before)."""
    if group == "poss" or m.group(group) is None:
        for c in reversed(prior):
            if c.end <= m.start() and c.start >= s0 - COUNTERPART_WINDOW and c.subject_span:
                return c.subject_span[0], c.subject_span[1], c.subject, c.resolved
        if group != "poss":  # "En visite d'État en Turquie, le président X a signé": the clause's subject
            after = None
            for c in reversed(prior[-VISITOR_CLAIMS:]):  # this sentence's last claims
                if c.start < m.end():
                    break
                if c.subject_span and c.start <= m.end() + COUNTERPART_WINDOW:
                    after = c
            if after is not None and after.subject_span:
                return after.subject_span[0], after.subject_span[1], after.subject, after.resolved
        return None
    ws, we = m.start(group), m.end(group)
    tm = _TITLE_RE.match(text, ws, we)
    if tm is None:
        span = _trim_name(text, ws, we)
        if span is None:
            return None
        name, ok = _resolve(kb, text[span[0]:span[1]], ("person",))
        if kb is not None and not ok:
            return None
        return span[0], span[1], name, ok
    office, _ = _title_key(tm)
    of = None
    rest = text[tm.end():we].strip()
    if rest:
        of = _demonym(kb, rest)
    for c in reversed(prior):
        if c.end < ws - COUNTERPART_WINDOW:
            break
        if c.object == office and (of is None or c.of == of) and c.end <= ws:
            return ws, we, c.subject, c.resolved
    day = _day(at)
    if kb is not None and day is not None:
        holders = {f.subject for f in kb.office_holders_at(office, day, of)}
        if len(holders) == 1:
            return ws, we, holders.pop(), True
    return None


def _visits(text: str, s0: int, s1: int, dates: _Dates, kb: KnowledgeBase | None,
            prior: Sequence[FactClaim]) -> list[FactClaim]:
    """"depuis 2016, lors de la visite d'Etat du roi à Moscou", "Putin visited Rabat in 2019":
    visit(person, place) at the date of the sentence (a visit without a date is left alone)."""
    out: list[FactClaim] = []
    for rx in _VISIT:
        for m in rx.finditer(text, s0, s1):
            at, dated_by = _stated_at(dates, s0, s1, m.start(), m.end())
            if dated_by != "statement":
                continue
            group = "who2" if "who2" in rx.groupindex and m.group("who2") else \
                "poss" if "poss" in rx.groupindex and m.group("poss") else "who"
            who = _visitor(text, m, group, s0, dates, kb, prior, at)
            if who is None:
                continue
            pspan = _trim_name(text, m.start("place"), m.end("place"))
            if pspan is None:
                continue
            place_written = text[pspan[0]:pspan[1]]
            place, _ = _resolve(kb, place_written, ("place", "country"))
            q = next((m.group(g) for g in ("q", "q2") if g in rx.groupindex and m.group(g)), None)
            qualifier = None
            if q:
                ql = q.lower()
                qualifier = ("state visit" if "tat" in ql or ql == "state" else
                             "official visit" if ql.startswith(("off", "official")) else "working visit")
            start, end = min(m.start(), who[0]), max(m.end(), pspan[1])
            out.append(FactClaim(
                text=text[start:end], start=start, end=end, predicate="visit", subject=who[2],
                object=place, subject_span=(who[0], who[1]), object_span=pspan, at=at,
                subject_text=text[who[0]:who[1]], object_text=place_written,
                cue=" ".join(m.group().split()[:2]), resolved=who[3], place=place,
                dated_by=dated_by, qualifier=qualifier))
    return out


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


_FAMILY_CUES = re.compile(r"(?i:présiden|presiden|membre|member|mandat|résolution|resolution|visit|rendue?)")


def extract_facts(text: str, *, lang: str, published: date | None,
                  kb: KnowledgeBase | None = None,
                  skip: Sequence[tuple[int, int]] = ()) -> list[FactClaim]:
    """Factual claims of `text`, sorted by position, none overlapping a `skip` span, each with
    `text == text[start:end]`. `lang` is accepted for the pipeline's contract: the patterns of
    both languages run on every text (articles quote titles in both)."""
    return facts_in(analyse(text, lang, published, skip), kb)


def facts_in(analysis: DocumentAnalysis, kb: KnowledgeBase | None = None,
             timexes: Sequence[Timex] | None = None) -> list[FactClaim]:
    """Factual claims of an analysed document (see `extract_facts`), its boilerplate skipped.
    `timexes`: its temporal expressions (`extract.temporal.timexes_in`), when already made;
    the date each claim is about comes from them."""
    text, published, skip = analysis.text, analysis.published, analysis.boilerplate
    dates = _Dates(timexes_in(analysis) if timexes is None else timexes, published)
    claims: list[FactClaim] = []
    offices: list[FactClaim] = []
    for sent in analysis.sentences:
        s0, s1 = sent.start, sent.end
        dates.sentence = (s0, s1)
        found = _offices(text, s0, s1, dates, kb, offices)
        offices.extend(found)
        claims.extend(found)
        # each family runs only on sentences with its key word (one scan each)
        cues = {m.group().lower()[:5] for m in _FAMILY_CUES.finditer(text, s0, s1)}
        presides = _presidencies(text, s0, s1, dates, kb)
        claims.extend(presides)
        if cues & {"prési", "presi"}:
            claims.extend(_presidencies_tensed(text, s0, s1, dates, kb, presides))
        if cues & {"membr", "membe"}:
            claims.extend(_memberships(text, s0, s1, dates, kb))
        if "manda" in cues:
            claims.extend(_mandates(text, s0, s1, dates, kb))
        if cues & {"résol", "resol"}:
            claims.extend(_resolutions(text, s0, s1, kb))
        claims.extend(_events(text, s0, s1, kb))
        if cues & {"visit", "rendu"}:
            claims.extend(_visits(text, s0, s1, dates, kb, offices))
    seen: set[tuple[int, int, str]] = set()
    out: list[FactClaim] = []
    for c in sorted(claims, key=lambda c: (c.start, c.end, c.predicate)):
        if any(c.start < e and s < c.end for s, e in skip):
            continue
        key = (c.start, c.end, c.predicate)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out
