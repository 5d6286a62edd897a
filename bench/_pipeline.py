"""What the product runs on a text, for the benches: the quotes of `verifier extract` (the
boilerplate lines that ingestion marks, photo captions included, are skipped)."""
from __future__ import annotations

from verifier.extract.quotes import Quote, extract_quotes
from verifier.text import find_boilerplate


def quotes(text: str, lang: str) -> list[Quote]:
    return extract_quotes(text, lang=lang, skip=[(b.start, b.end) for b in find_boilerplate(text)])
