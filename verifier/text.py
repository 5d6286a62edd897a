"""Text normalisation, sentence segmentation with character offsets, language detection and
boilerplate marking. Pure functions over str; every offset indexes the normalised text."""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple


class Span(NamedTuple):
    start: int
    end: int
    kind: str


class Sentence(NamedTuple):
    start: int
    end: int
    text: str
    paragraph: int


def normalise_text(text: str) -> str:
    """The stored form of a document's text: NFC, '\n' line ends, no BOM or NUL."""
    text = text.replace("\ufeff", "").replace("\x00", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


_SENT_END = re.compile(r"[.!?…]+[»”\"’)]*\s+|\n\s*\n|\n")


def split_sentences(text: str, lang: str = "fr") -> list[Sentence]:
    """Provisional splitter (to be replaced): splits at end punctuation and line breaks."""
    out: list[Sentence] = []
    pos = 0
    para = 0
    for m in _SENT_END.finditer(text):
        seg = text[pos:m.start() + len(m.group().rstrip())]
        s = pos + (len(seg) - len(seg.lstrip()))
        e = pos + len(seg.rstrip())
        if e > s:
            out.append(Sentence(s, e, text[s:e], para))
        if "\n\n" in m.group():
            para += 1
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        s = pos + (len(text[pos:]) - len(text[pos:].lstrip()))
        e = len(text.rstrip())
        out.append(Sentence(s, e, text[s:e], para))
    return out


_FR = {"le", "la", "les", "des", "du", "et", "est", "une", "pour", "dans", "que", "qui", "sur", "pas", "au", "aux", "avec", "ont", "été", "sont", "ce", "cette", "il", "elle"}
_EN = {"the", "and", "of", "to", "is", "in", "that", "for", "was", "with", "on", "are", "by", "he", "she", "it", "have", "has", "this", "from", "said"}


def detect_language(text: str) -> str | None:
    """'fr', 'en', or None when the text gives too little evidence for either."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    fr = sum(w in _FR for w in words)
    en = sum(w in _EN for w in words)
    if fr + en < 3:
        return None
    return "fr" if fr > en else "en"


def find_boilerplate(text: str) -> list[Span]:
    """Lines kept in the text but skipped by extraction (related links, category labels)."""
    out: list[Span] = []
    for m in re.finditer(r"(?m)^(?:À lire aussi|A lire aussi|Lire aussi|Read more|Related)\s*:?.*$", text):
        out.append(Span(m.start(), m.end(), "related_link"))
    return out
