"""Quotes in a headline, with their speaker.

Headlines quote people in their own grammar: no speech verb, the speaker before a colon
("Bourita : « Un partenaire digne de confiance »", "Lavrov: 'Russia is ready to help'") or
after the quotation ("« Un partenaire digne de confiance » : Bourita salue la Russie",
"'Ready to help': Lavrov meets Bourita", "« … », salue Bourita"), and English headlines use
single quotation marks. The sentence-level extractor (`quotes.py`) reads body text and misses
or leaves unattributed most of these, so this pass reads only the heading lines at the top of
the document (short lines without a final full stop, before the first line of body text) and

* adds the headline quotations `quotes.py` did not find, with their speaker;
* gives a speaker to those it found without one.

A surname alone ("Bourita") is completed from the article when the body names one person
with that surname ("Nasser Bourita") and kept as written otherwise. Pure: text in, quotes out."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from verifier.analysis import DocumentAnalysis
from verifier.extract.quotes import Quote

# Heading lines: at most this many non-empty lines at the top, each at most this long.
MAX_HEADING_LINES = 8
MAX_HEADING_CHARS = 200
CONFIDENCE = {"before": 0.8, "after": 0.75, "incise": 0.7}
REASONS = {"before": "headline: speaker named before the colon",
           "after": "headline: speaker named right after the quotation",
           "incise": "headline: speaker named in the words after the quotation"}

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_WORD = rf"[{_UPPER}][\w’'.-]*"
_PARTICLE = r"(?:de|du|des|d[’']|van|von|der|al|el|ben|bin|ibn|la|le|da|di|dos|del)"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]*)?{_WORD}){{0,3}}"
# Quotations: guillemets, curly and straight double quotes, curly single quotes; straight
# single quotes only around words (an apostrophe inside a word is not a quotation mark).
_QUOTE = (r"(?:«[^«»\n]{2,}?»|“[^“”\n]{2,}?”|„[^„“\n]{2,}?“|\"[^\"\n]{2,}?\"|‘[^‘’\n]{2,}?’|"
          r"(?<![\w’'])'(?=\w)[^'\n]{2,}?(?<=[\w.!?…])'(?![\w’']))")
_LOWER_WORDS = r"(?:[a-zà-ÿ’'-]+[ \t]+){0,3}"
_BEFORE = re.compile(rf"^[ \t]*(?P<name>{_NAME})[ \t]*:[ \t]*(?P<q>{_QUOTE})")
_AFTER = re.compile(rf"^[ \t]*(?P<q>{_QUOTE})[ \t]*[:—–-][ \t]*(?:(?:says|selon|pour|for|by)[ \t]+)?"
                    rf"(?P<name>{_NAME})")
_INCISE = re.compile(rf"^[ \t]*(?P<q>{_QUOTE})[ \t]*,[ \t]*{_LOWER_WORDS}(?P<name>{_NAME})")
_NOT_SPEAKERS = {"le", "la", "les", "the", "a", "un", "une", "ce", "cette", "il", "elle", "on",
                 "nous", "vous", "ils", "elles", "it", "he", "she", "they", "we", "you", "i"}


def heading_lines(analysis: DocumentAnalysis) -> list[tuple[int, int]]:
    """(start, end) of the heading lines at the top of the text: non-empty lines outside the
    boilerplate, short and without a final full stop, before the first line of body text."""
    text = analysis.text
    out: list[tuple[int, int]] = []
    pos, seen = 0, 0
    while pos <= len(text) and seen < MAX_HEADING_LINES:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip()
        if line:
            seen += 1
            if len(line) > MAX_HEADING_CHARS or line.endswith((".", "!", "?", "…", ":")):
                break
            if not any(a < end and pos < b for a, b in analysis.boilerplate):
                out.append((pos, end))
        if end >= len(text):
            break
        pos = end + 1
    return out


def _known(text: str, name: str, body_from: int) -> bool:
    """A one-word speaker must be named in the body too (a rubric such as "Santé : « … »" is
    not a speaker); longer names stand on their own."""
    return " " in name.strip() or re.search(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])",
                                            text[body_from:]) is not None


def _full_name(text: str, name: str, body_from: int) -> str:
    """`name` completed from the body when it is one word and the body names exactly one
    longer name ending with it ("Bourita" -> "Nasser Bourita"); else `name`."""
    if " " in name.strip():
        return name
    found = {m.group(0) for m in re.finditer(rf"(?:{_WORD}[ \t]+){{1,3}}{re.escape(name)}(?![\w’'-])",
                                             text[body_from:])}
    return found.pop() if len(found) == 1 else name


def _candidates(text: str, start: int, end: int, lang: str) -> list[tuple[int, int, int, int, str]]:
    """(quote start, end, name start, end, pattern) in one heading line."""
    line = text[start:end]
    out = []
    for pattern, rx in (("before", _BEFORE), ("after", _AFTER), ("incise", _INCISE)):
        m = rx.match(line)
        if m is None:
            continue
        q = m.group("q")
        if q.startswith("'") and lang != "en":
            continue  # straight single quotes quote only in English headlines
        name = m.group("name").rstrip(".")
        if name.split()[0].lower() in _NOT_SPEAKERS:
            continue
        ns = start + m.start("name")
        out.append((start + m.start("q"), start + m.end("q"), ns, ns + len(name), pattern))
        break
    return out


def headline_quotes(analysis: DocumentAnalysis, found: Sequence[Quote]) -> list[Quote]:
    """`found` (the quotes of `quotes.quotes_in`) with the headline quotations it missed added
    and those it left without a speaker attributed, in document order."""
    text = analysis.text
    lines = heading_lines(analysis)
    if not lines:
        return list(found)
    body_from = lines[-1][1]
    out = list(found)
    for start, end in lines:
        for qs, qe, ns, ne, pattern in _candidates(text, start, end, analysis.language):
            name = text[ns:ne]
            if not _known(text, name, body_from):
                continue
            reference = _full_name(text, name, body_from)
            how = "named" if reference == name else "name completed from a later mention"
            same = [i for i, q in enumerate(out) if q.start < qe and qs < q.end]
            if same:
                i = same[0]
                if out[i].speaker is None:
                    out[i] = replace(out[i], speaker=name, speaker_start=ns, speaker_end=ne,
                                     reference=reference, speaker_type="person",
                                     anonymous=False, floating=False,
                                     confidence=CONFIDENCE[pattern],
                                     reasons=(REASONS[pattern], how))
                continue
            out.append(Quote(text=text[qs:qe], start=qs, end=qe, speaker=name,
                             speaker_start=ns, speaker_end=ne, reference=reference,
                             speaker_type="person", cue=None, quote_type="marked",
                             anonymous=False, floating=False,
                             confidence=CONFIDENCE[pattern], reasons=(REASONS[pattern], how)))
    out.sort(key=lambda q: (q.start, q.end))
    return out
