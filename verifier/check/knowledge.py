"""Findings: each checkable claim compared with the facts knowledge base, given a finding
(consistent | contradicted | partial | no_evidence), a one-sentence explanation and the facts
used as evidence. Pure: typed claims, text and a KnowledgeBase in; one Finding (or None) per claim out.

What is checked, and how
------------------------
A factual claim's date (``at``) is a day, a month or a year (else the publication date): the
checks compare over that range (docs/decisions.md §35). A claim is contradicted only by a fact
covering its date; with none, the finding is ``no_evidence``.

* factual ``presides``: the KB's presidencies of the institution during the claim's date.
  Another country then -> contradicted, naming it.
* factual ``holds_office``: the person's recorded terms in that office (and country, when the
  text names one, else the country of their terms). Held then -> consistent (also, for a title
  in a sentence about the past, ``dated_by == "sentence"``, held at the publication date);
  someone else recorded in that office of that country then -> contradicted, naming them;
  not held then but nobody recorded then -> no_evidence. ``former``: held before the date and
  not at it.
* factual ``member_of``: the seats recorded then; the country's seat of another kind
  (permanent / non-permanent) or no seat while seats of that kind are recorded -> contradicted.
* factual ``mandate``: the renewal the claim is about (by the resolution it names, else the
  one starting in or just after its date); another duration, end date or resolution ->
  contradicted.
* factual ``visit``: the dated events with the person among the participants at that place;
  none in the claim's period but one at another date -> contradicted, giving it.
* factual ``event`` naming a resolution by number ("résolution 2756 (2024)"): that
  resolution's adoption, compared at the precision the text gives.
* factual ``event``: the KB date of the event, compared at the precision the text gives
  (day, month or year). One day off -> partial (time zones, overnight signings).
* temporal with an ``anchor`` ("huit ans après <event>"): the time elapsed between the
  anchor event's recorded date and the publication date, against the stated duration.
  A stated N years is consistent when the whole years elapsed equal N, partial when the
  elapsed time falls short of N years by less than one month (it rounds to N), contradicted
  otherwise. Approximate durations ("près de", "environ", "about") are consistent within
  six months of N years and partial within twelve; "plus de N ans" is consistent from N to
  N+2 years (partial beyond), "moins de N ans" from N-1 to N (partial below). Months, weeks
  and days follow the same pattern at their scale.
* temporal claims in a future-tense sentence ("doit se prononcer à la fin du mois", "will
  vote at the end of the month") about an institution, mission or resolution of the KB:
  marked ``prediction: true`` (in their finding); consistent when the KB records a dated fact about it (an
  adoption, the end of a mandate) inside the claimed period, contradicted when the record
  puts it after that period instead (within 90 days).

A factual claim or anchored duration whose subject is not in the KB gets ``no_evidence``;
other temporal claims, and quotes, get no finding here (other checks own them). Nothing is
ever guessed: without a record, there is no finding beyond ``no_evidence``.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from verifier.analysis import DocumentAnalysis, analyse
from verifier.calendar_names import month_name
from verifier.claims import (
    Claim,
    Elapsed,
    FactEvidence,
    FactualClaim,
    Finding,
    TemporalClaim,
    iso_day,
)
from verifier.reference.facts import FOUND_BY_DATE, fact_evidence
from verifier.reference.facts import FactRecord as Fact
from verifier.reference.kb import EntityMatch, KnowledgeBase

FINDINGS = ("consistent", "contradicted", "partial", "no_evidence")
PREDICTION_WINDOW_DAYS = 90
MAX_PREDICTION_RANGE_DAYS = 92


def fmt_date(d: date) -> str:
    return f"{d.day} {month_name(d.month)} {d.year}"


def _period(f: Fact) -> str:
    if f.valid_from and f.valid_to:
        return f"{fmt_date(f.valid_from)} to {fmt_date(f.valid_to)}"
    if f.valid_from:
        return f"since {fmt_date(f.valid_from)}"
    if f.valid_to:
        return f"until {fmt_date(f.valid_to)}"
    return "undated"


def _covers(f: Fact, at: date) -> bool:
    return (f.valid_from is None or f.valid_from <= at) and (f.valid_to is None or at <= f.valid_to)


def _with(claim: Claim, finding: str, explanation: str, evidence: Sequence[FactEvidence] = (),
          *, elapsed: Elapsed | None = None, prediction: bool | None = None) -> Finding:
    return Finding(finding=finding, explanation=explanation, evidence=tuple(evidence),
                   elapsed=elapsed, prediction=prediction)


# --------------------------------------------------------------------------------------------
# Elapsed time
# --------------------------------------------------------------------------------------------


def elapsed(a: date, b: date) -> tuple[int, int, int]:
    """(years, months, days) from a to b (a <= b), calendar-wise: 2016-03-15 -> 2025-10-16 is
    (9, 7, 1)."""
    months = (b.year - a.year) * 12 + (b.month - a.month)
    if b.day < a.day:
        months -= 1
    y, m = divmod(months, 12)
    anchor_y, anchor_m = divmod(a.month - 1 + months, 12)
    anchor_y += a.year
    day = min(a.day, calendar.monthrange(anchor_y, anchor_m + 1)[1])
    d = (b - date(anchor_y, anchor_m + 1, day)).days
    return y, m, d


def describe_elapsed(y: int, m: int, d: int) -> str:
    parts = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in ((y, "year"), (m, "month"), (d, "day")) if n]
    if not parts:
        return "0 days"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


_DURATION = re.compile(r"^P(?P<n>\d+(?:\.\d+)?)(?P<u>[YMWD])$")
_APPROX_CUE = re.compile(r"(?i:près\s+de|presque|environ|quelque|une\s+(?:dizaine|quinzaine|vingtaine)|"
                         r"about|nearly|almost|around|roughly|some|approximately|close\s+to)\s*$")
_MORE_CUE = re.compile(r"(?i:plus\s+de|au\s+moins|more\s+than|over|at\s+least)\s*$")
_LESS_CUE = re.compile(r"(?i:moins\s+de|less\s+than|under|à\s+peine)\s*$")


def judge_duration(stated: float, unit: str, a: date, b: date, *, mod: str | None = None,
                   approximate: bool = False) -> tuple[str, str]:
    """(finding, reason) for "stated units elapsed between a and b" (see module docstring)."""
    y, m, d = elapsed(a, b)
    months = y * 12 + m + d / 31
    days = (b - a).days
    if unit in ("Y", "M"):
        target = stated * (12 if unit == "Y" else 1)
        scale = 12 if unit == "Y" else 1
        whole = (y if unit == "Y" else y * 12 + m)
        if mod in ("MORE_THAN", "EQUAL_OR_MORE"):
            if months < target:
                return "contradicted", "less than stated"
            return ("consistent", "at least as stated") if months < target + 2 * scale else ("partial", "true, but far more than stated")
        if mod in ("LESS_THAN", "EQUAL_OR_LESS"):
            if months >= target:
                return "contradicted", "more than stated"
            return ("consistent", "just under as stated") if months >= target - scale else ("partial", "true, but far less than stated")
        if approximate or mod in ("APPROX", "ABOUT"):
            off = abs(months - target)
            if off <= scale / 2:
                return "consistent", "close to the stated approximate value"
            return ("partial", "near the stated approximate value") if off <= scale else ("contradicted", "far from the stated approximate value")
        if whole == stated:
            return "consistent", "as stated"
        if 0 < target - months <= (1 if unit == "Y" else 6 / 31):
            return "partial", "just short of the stated value (it rounds to it)"
        return "contradicted", "not the stated value"
    unit_days = 7 if unit == "W" else 1
    target_days = stated * unit_days
    tolerance = 0.2 * target_days if approximate or mod in ("APPROX", "ABOUT") else 0
    if mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        return ("consistent", "at least as stated") if days >= target_days else ("contradicted", "less than stated")
    if mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        return ("consistent", "under as stated") if days < target_days else ("contradicted", "more than stated")
    whole = days // unit_days
    if whole == stated or abs(days - target_days) <= tolerance:
        return "consistent", "as stated"
    if abs(days - target_days) <= max(1, 3 if unit == "W" else 1, tolerance * 2):
        return "partial", "close to the stated value"
    return "contradicted", "not the stated value"


# --------------------------------------------------------------------------------------------
# Factual claims
# --------------------------------------------------------------------------------------------


def _match(kb: KnowledgeBase, claim: FactualClaim, keys: Sequence[str], types: Sequence[str]) -> EntityMatch | None:
    for key in keys:
        value = getattr(claim, key, None)
        if value:
            m = kb.match_entity(str(value), types=types)
            if m:
                return m
    return None


def _country_of(kb: KnowledgeBase, value: Any) -> str | None:
    if not value:
        return None
    m = kb.match_entity(str(value), types=("country", "institution"))
    return m.name if m else kb.match_adjective(str(value))


def _office_label(office: str, of: str | None) -> str:
    return f"{office} of {of}" if of else office


def _range_of(value: Any, published: date | None) -> tuple[date, date, str] | None:
    """(first day, last day, precision) a claim's `at` covers: a day, a month ("2025-10") or a
    year ("2016"); the publication date when it has none."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", str(value or ""))
    if not m:
        return (published, published, "day") if published else None
    y = int(m[1])
    try:
        if m[3]:
            d = date(y, int(m[2]), int(m[3]))
            return d, d, "day"
        if m[2]:
            mo = int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month"
    except ValueError:
        return None
    return date(y, 1, 1), date(y, 12, 31), "year"


def when_text(lo: date, hi: date, precision: str) -> str:
    """"In 2016", "In October 2025", "On 16 October 2025": a claim's date in words."""
    if precision == "year":
        return f"In {lo.year}"
    if precision == "month":
        return f"In {month_name(lo.month)} {lo.year}"
    return f"On {fmt_date(lo)}"


def _overlaps(f: Fact, lo: date, hi: date) -> bool:
    return (f.valid_from is None or f.valid_from <= hi) and (f.valid_to is None or lo <= f.valid_to)


def _of(f: Fact) -> str | None:
    return (f.extra or {}).get("of")


def _check_office(c: FactualClaim, rng: tuple[date, date, str], kb: KnowledgeBase,
                  published: date | None) -> Finding:
    """An office claim's finding; a person named by part of their name only ("le président
    Erdogan") may confirm it, never contradict it: the part may name someone the knowledge
    base does not hold."""
    found = _check_office_of(c, rng, kb, published)
    if found.finding != "contradicted":
        return found
    person = _match(kb, c, ("subject_text", "subject"), ("person",))  # as written
    if person is not None and person.partial:
        written = c.subject_text or c.subject
        return _with(c, "no_evidence",
                     f"{written!r} names {person.name} only in part, and the knowledge base does "
                     f"not confirm the claim for {person.name}: someone else may be meant.")
    return found


def _check_office_of(c: FactualClaim, rng: tuple[date, date, str], kb: KnowledgeBase,
                     published: date | None) -> Finding:
    lo, hi, precision = rng
    when = when_text(lo, hi, precision)
    person = _match(kb, c, ("subject", "subject_text"), ("person",))
    written = c.subject_text or c.subject
    if person is None:
        return _with(c, "no_evidence", f"The knowledge base has no record of {written!r}.")
    office = _match(kb, c, ("object", "office_key", "object_text"), ("office",))
    if office is None:
        return _with(c, "no_evidence",
                     f"The knowledge base has no record of the office {c.object_text or c.object!r}.")
    of = _country_of(kb, c.of)
    held = [f for f in kb.facts if f.predicate == "holds_office" and f.subject == person[0]
            and f.object == office[0] and (of is None or _of(f) == of)]
    score = min(person[1], office[1])
    label = _office_label(office[0], of or (_of(held[0]) if held else None))
    if c.former:
        now = [f for f in held if _covers(f, hi)]
        if now:  # checked first: a president re-elected after a gap is no "former" president
            return _with(c, "contradicted", f"On {fmt_date(hi)} {person[0]} was still {label} ({_period(now[0])}), not a former holder.",
                         [fact_evidence(f, score=score, method="kb.offices_of") for f in now])
        past = [f for f in held if f.valid_to and f.valid_to < hi]
        if past:
            return _with(c, "consistent", f"{person[0]} was {label} {_period(past[-1])}, before {fmt_date(hi)}.",
                         [fact_evidence(f, score=score, method="kb.offices_of") for f in past])
        return _with(c, "no_evidence", f"The knowledge base has no record of {person[0]} as {label}.")
    covering = [f for f in held if _overlaps(f, lo, hi)]
    if covering:
        f = covering[0]
        return _with(c, "consistent", f"{when} {person[0]} was {_office_label(office[0], _of(f))} ({_period(f)}).",
                     [fact_evidence(f, score=score, method="kb.office_holder_at")])
    if c.dated_by == "sentence" and published is not None:
        today = [f for f in held if _covers(f, published)]
        if today:  # "le président Macron" in a sentence about 2015: the title of today
            f = today[0]
            return _with(c, "consistent",
                         f"On the article's date ({fmt_date(published)}) {person[0]} was {_office_label(office[0], _of(f))} "
                         f"({_period(f)}): the title is today's, the sentence is about {when[3:]}.",
                         [fact_evidence(f, score=score, method="kb.office_holder_at")])
    countries = {_of(f) for f in held}
    of_eff = of or (countries.pop() if len(countries) == 1 else None)
    holders = _holders(kb, office[0], of_eff, lo, hi, exclude=person[0])
    if held and not holders:
        terms = " and ".join(_period(f) for f in held)
        return _with(c, "no_evidence",
                     f"{when} {person[0]} was not {label} by the knowledge base's record ({terms}), "
                     f"but it has no holder of that office then to compare.")
    if held:
        h = holders[0]
        terms = " and ".join(_period(f) for f in held)
        return _with(c, "contradicted",
                     f"{when} the {_office_label(office[0], _of(h))} was {h.subject} ({_period(h)}), not {person[0]}: "
                     f"the knowledge base records {person[0]} as {label} {terms}.",
                     [fact_evidence(h, score=score, method="kb.office_holder_at")]
                     + [fact_evidence(f, score=score, method="kb.offices_of") for f in held])
    others = [f for f in kb.offices_of(person[0]) if _overlaps(f, lo, hi)]
    if len(holders) == 1 and (of is not None or others):
        h = holders[0]
        extra = f" ({person[0]} was {_office_label(others[0].object, _of(others[0]))})" if others else ""
        return _with(c, "contradicted",
                     f"{when} the {_office_label(office[0], _of(h))} was {h.subject} ({_period(h)}), not {person[0]}{extra}.",
                     [fact_evidence(h, score=score, method="kb.office_holder_at")]
                     + [fact_evidence(o, score=score, method="kb.offices_of") for o in others])
    return _with(c, "no_evidence", f"The knowledge base has no record of {person[0]} as {label}.")


def _holders(kb: KnowledgeBase, office: str, of: str | None, lo: date, hi: date, *,
             exclude: str) -> list[Fact]:
    """Holders of an office (of a country) during [lo, hi] other than `exclude`: one holder
    through the whole period first."""
    found = [f for f in kb.office_holders_at(office, lo, of) if f.subject != exclude]
    if lo != hi:
        found += [f for f in kb.facts if f.predicate == "holds_office" and f.object == office
                  and (of is None or _of(f) == of) and f.subject != exclude and _overlaps(f, lo, hi)
                  and f not in found]
    return found if of is not None or len({_of(f) for f in found}) <= 1 else []


def _check_presides(c: FactualClaim, rng: tuple[date, date, str], kb: KnowledgeBase) -> Finding:
    lo, hi, precision = rng
    when = when_text(lo, hi, precision)
    inst = _match(kb, c, ("subject", "subject_text"), ("institution", "mission"))
    written = c.subject_text or c.subject
    if inst is None or not any(f.predicate == "presides" and f.subject == inst[0] for f in kb.facts):
        return _with(c, "no_evidence", f"The knowledge base has no presidency record for {written!r}.")
    facts = [f for f in kb.facts if f.predicate == "presides" and f.subject == inst[0] and _overlaps(f, lo, hi)]
    if not facts:
        return _with(c, "no_evidence", f"The knowledge base has no record of who presided the {inst[0]} "
                                       f"{when[0].lower() + when[1:]}.")
    claimed = _country_of(kb, c.object) or _country_of(kb, c.object_text)
    mine = [f for f in facts if f.object == claimed]
    if mine:
        fact = mine[0]
        return _with(c, "consistent",
                     f"{when} the {fact.subject} was presided by {fact.object} ({_period(fact)}).",
                     [fact_evidence(fact, score=inst[1], method="kb.presiding_at")])
    fact = facts[0]
    ev = [fact_evidence(f, score=inst[1], method="kb.presiding_at") for f in facts[:2]]
    named = claimed or c.object_text or c.object
    who = " then ".join(f"{f.object} ({_period(f)})" for f in facts[:2])
    also = ""
    if claimed:
        theirs = [f for f in kb.facts if f.predicate == "presides" and f.subject == fact.subject and f.object == claimed]
        if theirs:
            near = min(theirs, key=lambda f: abs(((f.valid_from or lo) - lo).days))
            ev.append(fact_evidence(near, score=inst[1], method="kb.presidency_of_claimed"))
            also = f"; {claimed} presided it {_period(near)}"
    return _with(c, "contradicted",
                 f"{when} the {fact.subject} was presided by {who}, not {named}{also}.", ev)


def _check_membership(c: FactualClaim, rng: tuple[date, date, str], kb: KnowledgeBase) -> Finding:
    lo, hi, precision = rng
    when = when_text(lo, hi, precision)
    inst = _match(kb, c, ("object", "object_text"), ("institution",))
    country = _match(kb, c, ("subject", "subject_text"), ("country",))
    if inst is None or country is None:
        return _with(c, "no_evidence", f"The knowledge base has no membership record for {c.text!r}.")
    members = [f for f in kb.facts if f.predicate == "member_of" and f.object == inst[0] and _overlaps(f, lo, hi)]
    if not members:
        return _with(c, "no_evidence", f"The knowledge base has no record of the members of the {inst[0]} "
                                       f"{when[0].lower() + when[1:]}.")
    score = min(inst[1], country[1])
    theirs = [f for f in members if f.subject == country[0]]
    if theirs:
        f = theirs[0]
        seat = (f.extra or {}).get("seat")
        ev = [fact_evidence(f, score=score, method="kb.memberships_at")]
        if c.qualifier and seat and seat != c.qualifier:
            return _with(c, "contradicted", f"{when} {country[0]} was a {seat} member of the {inst[0]} "
                                            f"({_period(f)}), not a {c.qualifier} one.", ev)
        kind = f"a {seat} member" if seat else "a member"
        return _with(c, "consistent", f"{when} {country[0]} was {kind} of the {inst[0]} ({_period(f)}).", ev)
    # a seat the record does not list is a contradiction only when the record lists seats of
    # that kind then (permanent members alone say nothing about who sat beside them)
    sample = [f for f in members if (f.extra or {}).get("seat") == (c.qualifier or "non-permanent")
              or (c.qualifier is None and not (f.extra or {}).get("seat"))]
    if not sample:
        return _with(c, "no_evidence", f"The knowledge base has no record of the {c.qualifier or 'elected'} members "
                                       f"of the {inst[0]} {when[0].lower() + when[1:]}.")
    past = kb.memberships_of(country[0], inst[0])
    ev = [fact_evidence(f, score=score, method="kb.memberships_of") for f in past[-1:]]
    seat = f"{c.qualifier} " if c.qualifier else ""
    names = ", ".join(sorted(f.subject for f in sample)[:10])
    was = f"; it sat {_period(past[-1])}" if past else ""
    return _with(c, "contradicted",
                 f"{when} {country[0]} was not a {seat}member of the {inst[0]}{was}; the {seat}members "
                 f"then were {names}.", ev + [fact_evidence(f, score=score, method="kb.memberships_at") for f in sample[:1]])


def _duration_words(duration: str) -> str:
    m = _DURATION.match(duration or "")
    if not m:
        return duration
    n = float(m["n"])
    unit = {"Y": "year", "M": "month", "W": "week", "D": "day"}[m["u"]]
    return f"{n:g} {unit}{'s' if n != 1 else ''}"


def _months(duration: str) -> float | None:
    m = _DURATION.match(duration or "")
    if not m:
        return None
    n, unit = float(m["n"]), m["u"]
    return n * {"Y": 12, "M": 1, "W": 12 / 52, "D": 12 / 365}[unit]


def _check_mandate(c: FactualClaim, rng: tuple[date, date, str], kb: KnowledgeBase) -> Finding:
    lo, hi, precision = rng
    mandates = kb.mandates_of(str(c.subject or c.subject_text or ""))
    written = c.subject_text or c.subject
    if not mandates:
        return _with(c, "no_evidence", f"The knowledge base has no mandate record for {written!r}.")
    # the renewal the claim is about: the one by the resolution it names, else the one that
    # starts in (or just after) the claim's period, else the nearest within 400 days
    number = re.search(r"\d{3,4}", str(c.object or ""))
    by_number = [f for f in mandates if number and re.search(rf"(?<!\d){number.group()}(?!\d)",
                                                              str((f.extra or {}).get("resolution") or ""))]
    starting = [f for f in mandates if f.valid_from and lo <= f.valid_from <= hi + timedelta(days=62)]
    near = [f for f in mandates if f.valid_from and abs((f.valid_from - lo).days) <= 400]
    chosen = by_number or starting or sorted(near, key=lambda x: abs(((x.valid_from or lo) - lo).days))
    if not chosen:
        return _with(c, "no_evidence", f"The knowledge base has no renewal of the {mandates[0].subject} "
                                       f"mandate near {fmt_date(lo)}.")
    f = chosen[0]
    ev = [fact_evidence(f, score=FOUND_BY_DATE, method="kb.mandates_of")]
    assert f.valid_from is not None
    res = (f.extra or {}).get("resolution")
    record = f"the {f.subject} mandate was renewed {_period(f)}" + (f" by {res}" if res else "")
    problems = []
    if c.duration and f.valid_to:
        y, m, d = elapsed(f.valid_from, f.valid_to + timedelta(days=1))
        stated = _months(c.duration)
        if stated is not None and abs((y * 12 + m + d / 31) - stated) > 0.5:
            problems.append(f"for {describe_elapsed(y, m, d)}, not {_duration_words(c.duration)}")
    until = iso_day(str(c.qualifier or "").removeprefix("until "))
    if until and f.valid_to and until != f.valid_to:
        problems.append(f"until {fmt_date(f.valid_to)}, not {fmt_date(until)}")
    if c.object and res and not re.search(rf"(?<!\d){re.escape(str(c.object).split()[-1])}(?!\d)", res):
        problems.append(f"by {res}, not {c.object}")
    if problems:
        return _with(c, "contradicted", f"The knowledge base records that {record}: " + "; ".join(problems) + ".", ev)
    return _with(c, "consistent", f"The knowledge base records that {record}.", ev)


def _check_visit(c: FactualClaim, rng: tuple[date, date, str], kb: KnowledgeBase) -> Finding:
    lo, hi, precision = rng
    when = when_text(lo, hi, precision)
    person = _match(kb, c, ("subject", "subject_text"), ("person",))
    place = c.place or c.object_text
    if person is None or not place:
        return _with(c, "no_evidence", f"The knowledge base has no record of {c.subject_text or c.subject!r}.")
    visits = kb.visits_of(person[0], place)
    if not visits:
        return _with(c, "no_evidence", f"The knowledge base has no record of a visit by {person[0]} to {place}.")
    inside = [f for f in visits if f.valid_from and lo <= f.valid_from <= hi]
    if inside:
        f = inside[0]
        return _with(c, "consistent", f"The knowledge base records {_event_label(f)} in {place} with {person[0]} "
                                      f"on {fmt_date(f.valid_from)}.", [fact_evidence(f, score=person[1], method="kb.visits_of")])  # type: ignore[arg-type]
    f = min(visits, key=lambda x: abs(((x.valid_from or lo) - lo).days))
    assert f.valid_from is not None
    return _with(c, "contradicted", f"The knowledge base records {_event_label(f)} in {place} with {person[0]} "
                                    f"on {fmt_date(f.valid_from)}, not {when[0].lower() + when[1:]}.",
                 [fact_evidence(f, score=person[1], method="kb.visits_of")])


def _claimed_date(value: str) -> tuple[date, str] | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value or "")
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        return date(y, mo, d), ("day" if m[3] else "month" if m[2] else "year")
    except ValueError:
        return None


def _event_label(f: Fact) -> str:
    return f"{f.subject} ({f.object})" if f.object and f.predicate == "event" else f.subject


def _check_event(c: FactualClaim, kb: KnowledgeBase) -> Finding:
    fact = None
    number = re.search(r"(?i:r[ée]solution)\s+(?:n°\s*|no\.\s*)?(\d{3,4})(?!\d)", str(c.subject_text or ""))
    if number:  # "résolution 2756 (2024)": the resolution with that number, whatever its year
        fact = kb.resolution_by_number(number.group(1))
    for key in ("subject", "subject_text"):
        if fact is not None:
            break
        if getattr(c, key, None):
            fact = kb.when(str(getattr(c, key)))
            if fact:
                break
    written = c.subject_text or c.subject
    if fact is None or fact.valid_from is None:
        return _with(c, "no_evidence", f"The knowledge base has no dated record of {written!r}.")
    claimed = _claimed_date(str(c.at or ""))
    ev = [fact_evidence(fact, score=FOUND_BY_DATE, method="kb.when")]
    recorded = fact.valid_from
    if claimed is None:
        return _with(c, "no_evidence", f"The text gives no date the knowledge base can compare ({_event_label(fact)} is recorded on {fmt_date(recorded)}).", ev)
    day, precision = claimed
    same = (recorded.year == day.year and (precision == "year" or recorded.month == day.month)
            and (precision != "day" or recorded.day == day.day))
    what = "adopted" if fact.predicate == "adopted" else "dated"
    if same:
        return _with(c, "consistent", f"The knowledge base records {_event_label(fact)} as {what} {fmt_date(recorded)}.", ev)
    if precision == "day" and abs((recorded - day).days) == 1:
        return _with(c, "partial", f"The knowledge base records {_event_label(fact)} on {fmt_date(recorded)}, one day from the {fmt_date(day)} the text gives.", ev)
    return _with(c, "contradicted", f"The knowledge base records {_event_label(fact)} on {fmt_date(recorded)}, not {c.at}.", ev)


# --------------------------------------------------------------------------------------------
# Temporal claims: anchored durations and predictions
# --------------------------------------------------------------------------------------------


def _check_anchored(c: TemporalClaim, text: str, ref: date, kb: KnowledgeBase) -> Finding | None:
    anchor = c.anchor or {}
    m = _DURATION.match(str(c.value or ""))
    if m is None:
        return None
    stated, unit = float(m["n"]), m["u"]
    fact = kb.when(str(anchor.get("text") or ""))
    if fact is None or fact.valid_from is None:
        return _with(c, "no_evidence", f"The knowledge base has no dated record of {anchor.get('text')!r}.")
    ev = [fact_evidence(fact, score=FOUND_BY_DATE, method="kb.when")]
    event_day = fact.valid_from
    relation = str(anchor.get("relation") or "AFTER").upper()
    a, b = (event_day, ref) if relation != "BEFORE" else (ref, event_day)
    if b < a:
        return _with(c, "contradicted",
                     f"The knowledge base dates {_event_label(fact)} to {fmt_date(event_day)}, "
                     f"{'after' if relation != 'BEFORE' else 'before'} the article's date {fmt_date(ref)}.", ev)
    before = text[max(0, c.start - 20):c.start] if text else ""
    mod = c.mod
    if mod is None:
        mod = "MORE_THAN" if _MORE_CUE.search(before) else "LESS_THAN" if _LESS_CUE.search(before) else None
    approximate = bool(c.approximate) or bool(_APPROX_CUE.search(before))
    finding, reason = judge_duration(stated, unit, a, b, mod=mod, approximate=approximate)
    y, mo, d = elapsed(a, b)
    span = describe_elapsed(y, mo, d)
    said = c.text or c.value
    sentence = (f"The knowledge base dates {_event_label(fact)} to {fmt_date(event_day)}: "
                f"{span} {'before' if relation != 'BEFORE' else 'after'} the article's date "
                f"{fmt_date(ref)}")
    if finding == "consistent":
        sentence += f", consistent with {said!r}."
    elif finding == "partial":
        sentence += f", close to {said!r} ({reason})."
    else:
        sentence += f", not {said!r}."
    return _with(c, finding, sentence, ev, elapsed=Elapsed(y, mo, d))


_FUTURE = {
    "fr": re.compile(r"(?<![\w'’])(?:doit|doivent|devra|devront|devrait|devraient|va|vont|sera|seront|"
                     r"aura|auront|prévue?s?|attendue?s?|s['’]apprête|s['’]apprêtent|"
                     r"\w{3,}(?:era|eront|ira|iront))(?![\w'’])", re.IGNORECASE),
    "en": re.compile(r"(?<![\w'’])(?:will|shall|['’]ll|is\s+due\s+to|are\s+due\s+to|is\s+expected\s+to|"
                     r"are\s+expected\s+to|is\s+set\s+to|are\s+set\s+to|is\s+scheduled\s+to|"
                     r"is\s+to|are\s+to|going\s+to|plans?\s+to)(?![\w'’])", re.IGNORECASE),
}


def claim_range(c: TemporalClaim) -> tuple[date, date] | None:
    """Earliest and latest day a temporal claim covers: its `resolved` field (a day, a pair,
    or a mapping with earliest/latest or start/end), widened by what value and mod cover."""
    days: list[date] = []
    r = c.resolved
    if isinstance(r, dict):
        days += [d for d in (iso_day(v) for v in r.values()) if d]
    elif isinstance(r, list | tuple):
        days += [d for d in (iso_day(v) for v in r) if d]
    elif r is not None:
        d = iso_day(r)
        if d:
            days.append(d)
    value, mod = str(c.value or ""), c.mod
    if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})$", value):
        days.append(date(int(m[1]), int(m[2]), int(m[3])))
    elif m := re.match(r"^(\d{4})-(\d{2})$", value):
        y, mo = int(m[1]), int(m[2])
        last = calendar.monthrange(y, mo)[1]
        lo, hi = {"START": (1, 10), "MID": (11, 20), "END": (max(1, last - 6), last)}.get(mod or "", (1, last))
        days += [date(y, mo, lo), date(y, mo, hi)]
    elif m := re.match(r"^(\d{4})$", value):
        y = int(m[1])
        first, last_day = {"START": (date(y, 1, 1), date(y, 3, 31)), "MID": (date(y, 5, 1), date(y, 8, 31)),
                           "END": (date(y, 10, 1), date(y, 12, 31))}.get(mod or "", (date(y, 1, 1), date(y, 12, 31)))
        days += [first, last_day]
    if not days:
        return None
    return min(days), max(days)


def _sentence_of(analysis: DocumentAnalysis, start: int) -> tuple[int, str]:
    s = analysis.sentence_at(start)
    return (s.start, s.text) if s is not None else (0, "")


def _check_prediction(c: TemporalClaim, text: str, published: date | None, kb: KnowledgeBase,
                      lang: str, analysis: DocumentAnalysis) -> Finding | None:
    rng = claim_range(c)
    if rng is None or not text or published is None or rng[1] < published:
        return None
    if (rng[1] - rng[0]).days > MAX_PREDICTION_RANGE_DAYS:
        return None  # "au XXIe siècle" would confirm anything
    s_start, sentence = _sentence_of(analysis, c.start)
    cue = _FUTURE["en" if lang == "en" else "fr"].search(sentence) or _FUTURE["en" if lang != "en" else "fr"].search(sentence)
    if cue is None and str(c.tense or "").upper() != "FUTURE":
        return None
    mentions = kb.find_mentions(sentence, types=("institution", "mission", "resolution", "event"))
    dated: dict[int, tuple[Fact, date, str]] = {}
    for mention in mentions:
        for f, day in kb.dated_facts_about(mention.name):
            if day >= published:  # what was already on record is no outcome of the prediction
                dated.setdefault(id(f), (f, day, mention.name))
    if not dated:
        return None
    inside = [(f, d) for f, d, _ in dated.values() if rng[0] <= d <= rng[1]]
    said = c.text
    period = fmt_date(rng[0]) if rng[0] == rng[1] else f"{fmt_date(rng[0])} to {fmt_date(rng[1])}"
    if inside:
        inside.sort(key=lambda fd: (fd[1], fd[0].predicate != "adopted"))
        parts = [_dated_phrase(f, d) for f, d in inside]
        return _with(c, "consistent",
                     f"Prediction borne out: the knowledge base records {' and '.join(parts)}, within {said!r} ({period}).",
                     [fact_evidence(f, score=FOUND_BY_DATE, method="kb.prediction") for f, _ in inside], prediction=True)
    later = sorted(((f, d) for f, d, _ in dated.values()
                    if rng[1] < d <= rng[1] + timedelta(days=PREDICTION_WINDOW_DAYS)), key=lambda fd: fd[1])
    if later:
        f, d = later[0]
        return _with(c, "contradicted",
                     f"Prediction not borne out: the knowledge base records {_dated_phrase(f, d)}, after {said!r} ({period}).",
                     [fact_evidence(f, score=FOUND_BY_DATE, method="kb.prediction")], prediction=True)
    return None  # a prediction the knowledge base has nothing on yet


def _dated_phrase(f: Fact, d: date) -> str:
    if f.predicate == "adopted":
        return f"{f.subject} adopted by the {f.object} on {fmt_date(d)}"
    if f.predicate == "mandate":
        return f"the {f.subject} mandate ending on {fmt_date(d)}"
    return f"{_event_label(f)} on {fmt_date(d)}"


_FACT_CHECKS = {"presides": _check_presides, "member_of": _check_membership,
                "mandate": _check_mandate, "visit": _check_visit}


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def check_claims(claims: Sequence[Claim], *, text: str, published: date | None,
                 kb: KnowledgeBase, lang: str = "fr",
                 analysis: DocumentAnalysis | None = None) -> list[Finding | None]:
    """One finding per claim, in the same order: None for a claim this module does not check
    (quotes, dates with nothing on record). See the module docstring for what is checked.
    `analysis`: the document's, if already built (its sentences are computed once either way)."""
    if analysis is None or analysis.text != text or analysis.language != lang:
        analysis = analyse(text, lang, published)
    out: list[Finding | None] = []
    for c in claims:
        result: Finding | None = None
        if isinstance(c, FactualClaim):
            rng = _range_of(c.at, published)
            if c.predicate == "event":
                result = _check_event(c, kb)
            elif rng is not None and c.predicate in _FACT_CHECKS:
                result = _FACT_CHECKS[c.predicate](c, rng, kb)
            elif rng is not None and c.predicate == "holds_office":
                result = _check_office(c, rng, kb, published)
        elif isinstance(c, TemporalClaim):
            if c.anchor and published is not None:
                result = _check_anchored(c, text, published, kb)
            elif not c.anchor:
                result = _check_prediction(c, text, published, kb, lang, analysis)
        out.append(result)
    return out
