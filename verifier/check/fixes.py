"""What to fix, claim by claim: the sentence an editor reads beside a finding, specific to
it rather than to its kind ("Correct the claim to match the evidence" said nothing).

* A duration contradicted by a dated fact: the duration to write, in the draft's own words
  and style ("Write « neuf ans » instead of « huit ans »: ..."), and the fact it follows from.
* Another claim a fact contradicts: what the record says, read as a sentence, and its source.
* An altered quote: the words the source has (the word diff's source side).
* A misattributed quote: the speaker the source names.
* An anonymous quote, an unsourced claim: what is missing, naming the claim.

Pure: a checked claim, the text its offsets index, the language and the publication date in;
one sentence (or None when nothing needs fixing) out. The editor's page shows it; the
services compute it with the check (`services.check_draft`)."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from verifier.check.knowledge import describe_elapsed, elapsed, fmt_date
from verifier.claims import (
    CheckedClaim,
    FactEvidence,
    FactualClaim,
    PassageEvidence,
    QuoteClaim,
    TemporalClaim,
    iso_day,
)
from verifier.extract.numbers import (
    EN_NUMBER_WORDS,
    FR_NUMBER_WORDS,
    parse_number,
    say_number,
)
from verifier.reference.facts import fact_sentence

ALTERED = frozenset({"altered", "spliced", "truncated"})
_DURATION = re.compile(r"^P(?P<n>\d+)(?P<u>[YMWD])$")
_NUMBER = {"fr": re.compile(rf"(?i)(?<![\w-])(\d+|{FR_NUMBER_WORDS}|une|un)(?![\w-])"),
           "en": re.compile(rf"(?i)(?<![\w-])(\d+|{EN_NUMBER_WORDS}|an|a)(?![\w-])")}
# Unit words after a number: (singular, plural, feminine in French).
_UNITS = {
    "fr": {"an": ("an", "ans", False), "ans": ("an", "ans", False),
           "année": ("année", "années", True), "années": ("année", "années", True),
           "mois": ("mois", "mois", False), "semaine": ("semaine", "semaines", True),
           "semaines": ("semaine", "semaines", True), "jour": ("jour", "jours", False),
           "jours": ("jour", "jours", False)},
    "en": {"year": ("year", "years", False), "years": ("year", "years", False),
           "month": ("month", "months", False), "months": ("month", "months", False),
           "week": ("week", "weeks", False), "weeks": ("week", "weeks", False),
           "day": ("day", "days", False), "days": ("day", "days", False)},
}


def quoted(words: str, lang: str) -> str:
    """Words quoted as the draft's language quotes them: « … » in French, “…” in English."""
    words = " ".join(words.split())
    return f"« {words} »" if lang == "fr" else f"“{words}”"


def rewrite_number(words: str, old: float, new: int, lang: str) -> str | None:
    """`words` ("huit ans", "8 years", "un an") with the number `old` written `new`, in the
    same style (digits stay digits, words stay words) and the unit after it in the right
    number ("un an" -> "deux ans"); None when `words` holds no number worth `old`."""
    lang = "fr" if lang == "fr" else "en"
    units = _UNITS[lang]
    for m in _NUMBER[lang].finditer(words):
        got = parse_number(m.group(1), lang)
        if got is None or got.value != old:
            continue
        after = words[m.end():]
        unit_m = re.match(r"(\s+)([\wé]+)", after)
        unit = units.get(unit_m.group(2).lower()) if unit_m else None
        feminine = bool(unit and unit[2])
        if m.group(1).isdigit():
            number = str(new)
        else:
            number = say_number(new, lang, feminine=feminine)
            if m.group(1)[:1].isupper():
                number = number[:1].upper() + number[1:]
        if unit and unit_m:
            word = unit[0] if new == 1 else unit[1]
            after = unit_m.group(1) + word + after[unit_m.end():]
        return words[:m.start()] + number + after
    return None


def _duration_fix(checked: CheckedClaim, lang: str, published: date | None) -> str | None:
    """A duration anchored on a dated event ("huit ans après la signature de ..."): the
    duration to write instead, and the record it follows from."""
    claim = checked.claim
    assert isinstance(claim, TemporalClaim)
    m = _DURATION.match(str(claim.value or ""))
    fact = next((ev for ev in checked.result.evidence if isinstance(ev, FactEvidence)
                 and ev.method == "kb.when"), None)
    day = iso_day(fact.valid_from) if fact else None
    if m is None or fact is None or day is None or published is None:
        return None
    event = f"{fact.subject} ({fact.object})" if fact.object else fact.subject
    before = str((claim.anchor or {}).get("relation") or "AFTER").upper() != "BEFORE"
    a, b = (day, published) if before else (published, day)
    if b < a:
        return (f"Check the date of the event: the record dates {event} to {fmt_date(day)}, "
                f"{'after' if before else 'before'} the article's date ({fmt_date(published)}).")
    y, mo, d = elapsed(a, b)
    span = describe_elapsed(y, mo, d)
    record = (f"{event} dates from {fmt_date(day)}, {span} "
              f"{'before' if before else 'after'} the article's date ({fmt_date(published)})")
    if checked.finding == "partial":
        return (f"Close, but not exact: {record}. Qualify {quoted(claim.text, lang)} "
                f"({'près de, environ' if lang == 'fr' else 'about, nearly'}) or give the exact "
                "time.")
    unit, stated = m["u"], float(m["n"])
    right = {"Y": y, "M": y * 12 + mo, "W": (b - a).days // 7, "D": (b - a).days}[unit]
    better = rewrite_number(claim.text, stated, right, lang) if right > 0 else None
    if better is None or better == claim.text:
        return f"Correct the duration: {record}."
    return f"Write {quoted(better, lang)} instead of {quoted(claim.text, lang)}: {record}."


def _claim_fix(checked: CheckedClaim, fact: FactEvidence, lang: str) -> str | None:
    """The correction of a contradicted office, presidency or seat: the words to write instead
    of the claim's, from the record (its explanation says when)."""
    claim = checked.claim
    if not isinstance(claim, FactualClaim) or checked.finding != "contradicted":
        return None
    why = checked.result.explanation.rstrip(".")
    source = f" (source: {fact.source_title or fact.source_url})" if (
        fact.source_title or fact.source_url) else ""
    if claim.predicate == "holds_office" and claim.former:
        return (f"Drop “former” before {quoted(claim.subject_text or claim.subject or '', lang)}: {why}"
                f"{source}.")
    if claim.predicate == "holds_office" and fact.subject != claim.subject and claim.subject_text:
        return (f"Write {quoted(fact.subject, lang)} instead of {quoted(claim.subject_text, lang)}, "
                f"or correct the date or the title: {why}{source}.")
    if claim.predicate == "presides" and fact.object and claim.object_text and fact.object != claim.object:
        return (f"Write {quoted(fact.object, lang)} instead of {quoted(claim.object_text, lang)}, or "
                f"correct the month: {why}{source}.")
    if claim.predicate in ("member_of", "mandate", "visit"):
        return f"Correct {quoted(claim.text, lang)}: {why}{source}."
    return None


def _fact_fix(checked: CheckedClaim, lang: str) -> str | None:
    """A claim a recorded fact contradicts: what the record says, and where it comes from."""
    fact = next((ev for ev in checked.result.evidence if isinstance(ev, FactEvidence)), None)
    if fact is None:
        return None
    fix = _claim_fix(checked, fact, lang)
    if fix:
        return fix
    says = fact_sentence(fact.subject, fact.predicate, fact.object, fact.valid_from,
                         fact.valid_to, dict(fact.extra or {}))
    if says is None:
        says = " ".join(x for x in (fact.subject, fact.predicate.replace("_", " "), fact.object)
                        if x) + "."
    source = f" (source: {fact.source_title or fact.source_url})" if (
        fact.source_title or fact.source_url) else ""
    return (f"The record says: {says[:-1]}{source}. Correct {quoted(checked.claim.text, lang)} "
            "to agree with it, or cite the source that supports what you wrote.")


# The text of the source a passage evidence points into (its offsets index it), when known.
SourceText = Callable[[PassageEvidence], str | None]


def source_words(ev: PassageEvidence, source_text: SourceText | None = None) -> str | None:
    """The words the source has where an altered quote was aligned: the source's own text at
    the aligned span when it is at hand (punctuation included), else the source side of the
    word diff."""
    text = source_text(ev) if source_text else None
    if text and ev.start is not None and ev.end is not None and 0 <= ev.start < ev.end <= len(text):
        return " ".join(text[ev.start:ev.end].split())
    if not ev.diff:
        return None
    words = " ".join(op.text for op in ev.diff if op.op in ("=", "-"))
    return " ".join(words.split()) or None


def _quote_fix(checked: CheckedClaim, lang: str, source_text: SourceText | None) -> str | None:
    claim = checked.claim
    assert isinstance(claim, QuoteClaim)
    passages = [ev for ev in checked.result.evidence if isinstance(ev, PassageEvidence)]
    named = claim.reference or claim.speaker
    wrong = next((ev for ev in passages if ev.misattributed and ev.speaker), None)
    if wrong is not None:
        not_x = f", not to {named}" if named else ""
        return (f"Attribute these words to {wrong.speaker}: the source "
                f"({wrong.source_title or 'reference source'}) gives them to {wrong.speaker}"
                f"{not_x}.")
    altered = next((ev for ev in passages if ev.cls in ALTERED), None)
    if altered is not None:
        words = source_words(altered, source_text)
        where = altered.source_title or "the source"
        if words:
            return (f"Quote the words the source has: {quoted(words, lang)} ({where}), or turn "
                    "the sentence into indirect speech.")
        return (f"Quote the speaker's exact words from {where} ({altered.note or altered.cls}), "
                "or turn the sentence into indirect speech.")
    if claim.anonymous:
        who = f" ({quoted(claim.speaker, lang)})" if claim.speaker else ""
        return (f"Name the speaker{who}, or say why they cannot be named and how the newsroom "
                "verified what they said.")
    if checked.finding == "no_evidence":
        return ("No reference source holds these words: attach the transcript, recording or "
                "press release they come from, or ask an admin to add it to the library.")
    return None


def what_to_fix(checked: CheckedClaim, *, lang: str, published: date | None,
                source_text: SourceText | None = None) -> str | None:
    """The one sentence an editor needs for this claim, or None when nothing needs fixing (a
    date nothing on record confirms is shown with its explanation: there is nothing to add)."""
    lang = "fr" if lang == "fr" else "en"
    if isinstance(checked.claim, QuoteClaim):
        return _quote_fix(checked, lang, source_text)
    if checked.finding in ("contradicted", "partial"):
        if isinstance(checked.claim, TemporalClaim):
            fix = _duration_fix(checked, lang, published)
            if fix:
                return fix
        return _fact_fix(checked, lang)
    if checked.finding == "no_evidence" and not isinstance(checked.claim, TemporalClaim):
        return (f"Nothing on record confirms {quoted(checked.claim.text, lang)}: add a source "
                "for it (a link, a document, a named person), or leave it if it needs none.")
    return None
