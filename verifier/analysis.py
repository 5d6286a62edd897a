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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from verifier.text import Sentence, Span, paragraphs, split_sentences

T = TypeVar("T")


class _once(Generic[T]):  # noqa: N801 (used as a decorator, like functools.cached_property)
    """functools.cached_property without its per-instance lock (Python < 3.12 takes one on
    every first access, a cost paid once per extractor call on short texts): the value is
    computed on first access and stored in the instance's __dict__, which later accesses read
    directly."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj: Any, owner: type | None = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


@dataclass(frozen=True)
class DocumentAnalysis:
    text: str
    language: str
    published: date | None = None
    boilerplate: tuple[tuple[int, int], ...] = ()

    @_once
    def sentences(self) -> tuple[Sentence, ...]:
        """`verifier.text.split_sentences` of the text in its language, computed once."""
        return tuple(split_sentences(self.text, self.language))

    @_once
    def sentence_starts(self) -> list[int]:
        """Start offset of each sentence, in order (for bisection)."""
        return [s.start for s in self.sentences]

    @_once
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
    spans = tuple([(int(s[0]), int(s[1])) for s in boilerplate]) if boilerplate else ()
    return DocumentAnalysis(text, lang, published, spans)
