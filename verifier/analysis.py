"""One analysis of a document, shared by every extractor and check.

A `DocumentAnalysis` holds what every stage needs to know about a text (its language,
publication date and boilerplate spans) and computes its sentences and paragraphs once, on
first use, instead of each extractor and check splitting the text again. `sentence_at` finds
the sentence holding an offset by bisection, so looking up the sentence of every claim stays
linear in the number of claims.

Pure: str in, spans out; offsets index `text`.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from verifier.text import Sentence, Span, paragraphs, split_sentences


@dataclass(frozen=True)
class DocumentAnalysis:
    text: str
    language: str
    published: date | None = None
    boilerplate: tuple[tuple[int, int], ...] = ()

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """`verifier.text.split_sentences` of the text in its language, computed once."""
        return tuple(split_sentences(self.text, self.language))

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Start offset of each sentence, in order (for bisection)."""
        return [s.start for s in self.sentences]

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """`verifier.text.paragraphs` of the text, computed once."""
        return tuple(paragraphs(self.text))

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence with start <= offset < end, or None (offset between sentences)."""
        i = bisect_right(self.sentence_starts, offset) - 1
        if i < 0:
            return None
        s = self.sentences[i]
        return s if offset < s.end else None


def analyse(text: str, lang: str, published: date | None = None,
            boilerplate: Iterable[tuple[int, int]] = ()) -> DocumentAnalysis:
    """The analysis of `text` in `lang`; `boilerplate` holds (start, end) spans (or Spans) that
    no claim may overlap."""
    return DocumentAnalysis(text=text, language=lang, published=published,
                            boilerplate=tuple((int(s[0]), int(s[1])) for s in boilerplate))
