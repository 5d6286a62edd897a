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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from verifier.analysis import DocumentAnalysis, analyse
from verifier.calendar_names import MONTHS, WEEKDAYS, alternation, month_numbers
from verifier.claims import FactualClaim

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

# Office titles: (pattern, canonical office). Longest alternatives first; case-insensitive.
_TITLES: list[tuple[str, str]] = [
    (r"vice[- ]présidente?", "Vice President"),
    (r"vice[- ]president", "Vice President"),
    (r"premi(?:er|ère)\s+ministre", "Prime Minister"),
    (r"prime\s+minister", "Prime Minister"),
    (r"chef\s+du\s+gouvernement", "Head of Government"),
    (r"chef\s+de\s+la\s+diplomatie", "Minister of Foreign Affairs"),
    (r"top\s+diplomat", "Minister of Foreign Affairs"),
    (r"(?:foreign\s+affairs|foreign)\s+minister", "Minister of Foreign Affairs"),
    (r"(?:defen[cs]e)\s+minister", "Minister of Defence"),
    (r"(?:interior|home)\s+minister", "Minister of the Interior"),
    (r"(?:finance)\s+minister", "Minister of Finance"),
    (r"(?:justice)\s+minister", "Minister of Justice"),
    (r"secrétaire\s+générale?", "Secretary-General"),
    (r"secretary[- ]general", "Secretary-General"),
    (r"secretary\s+of\s+state", "Secretary of State"),
    (r"prince\s+héritier", "Crown Prince"),
    (r"crown\s+prince", "Crown Prince"),
    (r"porte-parole", "Spokesperson"),
    (r"spokes(?:person|man|woman)", "Spokesperson"),
    (r"ministre", "Minister"),
    (r"minister", "Minister"),
    (r"présidente?", "President"),
    (r"president", "President"),
    (r"chancelière?", "Chancellor"),
    (r"chancellor", "Chancellor"),
    (r"ambassad(?:eur|rice)", "Ambassador"),
    (r"ambassador", "Ambassador"),
    (r"gouverneure?", "Governor"),
    (r"governor", "Governor"),
    (r"roi", "King"),
    (r"king", "King"),
    (r"reine", "Queen"),
    (r"queen", "Queen"),
    (r"émir|emir", "Emir"),
    (r"sultan", "Sultan"),
    (r"pape|pope", "Pope"),
    (r"maire|mayor", "Mayor"),
]
_TITLE_RE = re.compile(
    r"(?<![\w\-])(?:" + "|".join(f"(?P<t{i}>{p})" for i, (p, _) in enumerate(_TITLES)) + r")(?![\w\-])",
    re.IGNORECASE)

# Ministerial portfolios: written form -> canonical English.
_PORTFOLIOS: list[tuple[str, str]] = [
    (r"Affaires\s+étrangères(?:,?\s+de\s+la\s+Coopération\s+africaine\s+et\s+des\s+Marocains\s+résidant\s+à\s+l['’]étranger)?", "Foreign Affairs"),
    (r"Europe\s+et\s+des\s+Affaires\s+étrangères", "Foreign Affairs"),
    (r"Foreign\s+Affairs", "Foreign Affairs"),
    (r"Intérieur", "the Interior"),
    (r"(?:the\s+)?Interior", "the Interior"),
    (r"Home\s+Affairs", "the Interior"),
    (r"Défense|Armées", "Defence"),
    (r"Defen[cs]e", "Defence"),
    (r"Économie(?:\s+et\s+des\s+Finances)?|Finances", "Finance"),
    (r"Finance|(?:the\s+)?Economy|Treasury", "Finance"),
    (r"Justice", "Justice"),
    (r"Santé|Health", "Health"),
    (r"Éducation(?:\s+nationale)?|Education", "Education"),
    (rf"[{_UP}][\w\-]+(?:\s+(?:et\s+(?:de\s+la\s+|des\s+|du\s+)?|and\s+)?[{_UP}][\w\-]+)?", ""),
]
_PORTFOLIO_RE = re.compile(
    r"(?:des|de\s+la|de\s+l['’]|du|de|d['’]|of(?:\s+the)?|for)\s*(?:"
    + "|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_PORTFOLIOS)) + r")(?![\w\-])")

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

_FORMER = re.compile(r"(?:ancien(?:ne)?|ex|former|late|feu|then|alors|futur(?:e)?|future|"
                     r"prochain(?:e)?|incoming|sortant(?:e)?|outgoing)[\s\-]*$", re.IGNORECASE)
_DETERMINERS = r"(?i:le|la|les|l['’]|the|un|une|a|an|son|sa|ses|his|her|its|their|leur|cet|cette|ce|actuel(?:le)?|current)"
_NOT_NAMES = frozenset((
    "Le La Les L The A An Un Une Des De Du Et Ou Mais And Or But Il Elle Ils Elles He She They "
    "Ce Cette Ces This That Selon According Pour For Lors During"
).split() + [w.capitalize() for lg in ("fr", "en") for w in (*WEEKDAYS[lg], *MONTHS[lg])])

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
    predicate: str            # holds_office | presides | event
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

    def to_claim(self) -> FactualClaim:
        return FactualClaim(
            text=self.text, start=self.start, end=self.end, predicate=self.predicate,
            subject=self.subject, object=self.object,
            subject_span=_pair(self.subject_span), object_span=_pair(self.object_span),
            at=self.at, subject_text=self.subject_text, object_text=self.object_text,
            cue=self.cue, resolved=self.resolved, of=self.of, of_span=_pair(self.of_span),
            former=self.former, place=self.place, office_key=self.office_key)


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
    return m.start("x"), m.end("x"), None, written


# --------------------------------------------------------------------------------------------
# Office titles
# --------------------------------------------------------------------------------------------


def _title_key(m: re.Match[str]) -> str:
    for i, (_, key) in enumerate(_TITLES):
        if m.group(f"t{i}") is not None:
            return key
    return ""


def _office_name(key: str, portfolio: str | None) -> str:
    if key != "Minister" or not portfolio:
        return key
    return "Minister of Foreign Affairs" if portfolio == "Foreign Affairs" else f"Minister of {portfolio}"


def _offices(text: str, s0: int, s1: int, published: date | None, kb: KnowledgeBase | None) -> list[FactClaim]:
    out: list[FactClaim] = []
    at = published.isoformat() if published else None
    for tm in _TITLE_RE.finditer(text, s0, s1):
        key = _title_key(tm)
        t_start, pos = tm.start(), tm.end()
        of_canon: str | None = None
        of_written: str | None = None
        of_span: tuple[int, int] | None = None
        portfolio: str | None = None
        before = text[max(s0, t_start - 40):t_start]
        # Country before the title: "Russian Foreign Minister", "Russia's foreign minister"
        pre = re.search(rf"(?P<w>[{_UP}][\w\-]*(?:\s+[{_UP}][\w\-]*)?)(?P<poss>['’]s)?\s+$", before)
        if pre:
            w = pre.group("w")
            canon = (kb.match_entity(w, types=("country",)).name  # type: ignore[union-attr]
                     if pre.group("poss") and kb and kb.match_entity(w, types=("country",)) else None)
            canon = canon or (_demonym(kb, w) if not pre.group("poss") else canon)
            if canon or pre.group("poss"):
                of_canon, of_written = canon, w
                b = t_start - len(before) + pre.start("w")
                of_span = (b, b + len(w))
        former = bool(_FORMER.search(text[max(s0, t_start - 12):t_start]))
        # Adjective after the title: "ministre russe", "président marocain"
        adj = re.compile(r"\s+(?P<a>[a-zà-ÿ][\w\-]+)").match(text, pos, s1)
        if adj and _demonym(kb, adj.group("a")):
            of_canon, of_written = _demonym(kb, adj.group("a")), adj.group("a")
            of_span = (adj.start("a"), adj.end("a"))
            pos = adj.end()
        if key == "Minister":
            pm = _PORTFOLIO_RE.match(text, re.compile(r"\s*").match(text, pos).end(), s1)  # type: ignore[union-attr]
            if pm:
                for i, (_, canon_p) in enumerate(_PORTFOLIOS):
                    if pm.group(f"p{i}") is not None:
                        portfolio = canon_p or pm.group(f"p{i}")
                        break
                pos = pm.end()
                adj = re.compile(r"\s+(?P<a>[a-zà-ÿ][\w\-]+)").match(text, pos, s1)
                if adj and _demonym(kb, adj.group("a")):  # "ministre des Affaires étrangères russe"
                    of_canon, of_written = _demonym(kb, adj.group("a")), adj.group("a")
                    of_span = (adj.start("a"), adj.end("a"))
                    pos = adj.end()
            else:
                continue  # a bare "ministre" names no office
        title_end = pos
        office_written = text[t_start:title_end]
        office_key = _office_name(key, portfolio)
        office, office_resolved = _resolve(kb, office_key, ("office",))
        if not office_resolved and kb is not None:
            alt, alt_ok = _resolve(kb, office_written, ("office",))
            if alt_ok:
                office, office_resolved = alt, alt_ok
        # "du Maroc", "of Russia" after the title
        if of_span is None:
            place = _place_of(text, pos, s1, kb)
            if place:
                of_span, of_canon, of_written = (place[0], place[1]), place[2], place[3]
                pos = place[1]
        # Title then name: "le roi Mohammed VI", "President Putin", "Foreign Minister Sergey Lavrov"
        gap = re.compile(r",?[ \u00a0]+").match(text, pos, s1)
        person = _person_at(text, gap.end(), kb, s1) if gap else None
        if person and gap and gap.group().startswith(",") and not re.match(r"\s*(?:,|\)|$)", text[person[1]:s1]):
            person = None  # "Selon le président, Vladimir Poutine a ..." : the name starts a clause
        claim_start, claim_end = t_start, None
        if person:
            claim_end = person[1]
            if of_span and of_span[0] < claim_start:
                claim_start = of_span[0]
            # "King Mohammed VI of Morocco"
            if of_span is None:
                place = _place_of(text, person[1], s1, kb)
                if place and (place[2] or kb is None):
                    of_span, of_canon, of_written = (place[0], place[1]), place[2], place[3]
                    claim_end = place[1]
        else:
            # Name then title: "Sergueï Lavrov, chef de la diplomatie russe"
            left = text[max(s0, t_start - 90):t_start]
            lm = re.search(rf"(?P<n>{_NAME}),\s+(?:{_DETERMINERS}\s+|{_DETERMINERS}(?=['’]))*(?:(?P<pw>{_CAPWORD})['’]s\s+)?(?:(?P<adj>[\w\-]+)\s+)?$", left)
            if not lm:
                continue
            if lm.group("adj") and not _demonym(kb, lm.group("adj")) and not _FORMER.search(lm.group("adj")):
                continue
            base = t_start - len(left)
            span = _trim_name(text, base + lm.start("n"), base + lm.end("n"))
            if span is None:
                continue
            name = text[span[0]:span[1]]
            if kb is not None:
                found = kb.match_entity(name)
                if found and kb.entity_type(found.name) not in (None, "person"):
                    continue
                person = (span[0], span[1], found.name, True) if found else (span[0], span[1], name, False)
            else:
                person = (span[0], span[1], name, False)
            if lm.group("adj") and of_span is None:
                of_canon, of_written = _demonym(kb, lm.group("adj")), lm.group("adj")
                of_span = (base + lm.start("adj"), base + lm.end("adj"))
            if lm.group("pw") and of_span is None:
                w = lm.group("pw")
                found_c = kb.match_entity(w, types=("country",)) if kb else None
                of_canon, of_written = (found_c.name if found_c else None), w
                of_span = (base + lm.start("pw"), base + lm.end("pw"))
            former = former or bool(lm.group("adj") and _FORMER.search(lm.group("adj")))
            claim_start, claim_end = person[0], max(title_end, of_span[1] if of_span else title_end)
        assert claim_end is not None
        of_value = of_canon if of_canon else of_written
        out.append(FactClaim(
            text=text[claim_start:claim_end], start=claim_start, end=claim_end,
            predicate="holds_office", subject=person[2], object=office,
            subject_span=(person[0], person[1]), object_span=(t_start, title_end), at=at,
            of=of_value, of_span=of_span, subject_text=text[person[0]:person[1]],
            object_text=office_written, cue=office_written, resolved=person[3],
            former=former, office_key=office_key))
    return out


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


def _presidencies(text: str, s0: int, s1: int, published: date | None, kb: KnowledgeBase | None) -> list[FactClaim]:
    out: list[FactClaim] = []
    at = published.isoformat() if published else None
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
# Entry point
# --------------------------------------------------------------------------------------------


def extract_facts(text: str, *, lang: str, published: date | None,
                  kb: KnowledgeBase | None = None,
                  skip: Sequence[tuple[int, int]] = ()) -> list[FactClaim]:
    """Factual claims of `text`, sorted by position, none overlapping a `skip` span, each with
    `text == text[start:end]`. `lang` is accepted for the pipeline's contract: the patterns of
    both languages run on every text (articles quote titles in both)."""
    return facts_in(analyse(text, lang, published, skip), kb)


def facts_in(analysis: DocumentAnalysis, kb: KnowledgeBase | None = None) -> list[FactClaim]:
    """Factual claims of an analysed document (see `extract_facts`), its boilerplate skipped."""
    text, published, skip = analysis.text, analysis.published, analysis.boilerplate
    claims: list[FactClaim] = []
    for sent in analysis.sentences:
        s0, s1 = sent.start, sent.end
        claims.extend(_offices(text, s0, s1, published, kb))
        claims.extend(_presidencies(text, s0, s1, published, kb))
        claims.extend(_events(text, s0, s1, kb))
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
