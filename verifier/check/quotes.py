"""Quotes against reference sources: each quote aligned with every source that may hold it, the
best alignment kept as its evidence (a PassageEvidence), its speaker compared with the speaker
turn of the source passage.

Where candidate alignments come from is an `Aligner`: `aligner_over(sources)` aligns with the
documents given (`--source FILE`, the editor's attached transcripts); the store's source library
gives another (verifier.db.passages.LibraryAligner: full-text candidates, then the same
alignment). `quote_check` takes any number of them and keeps the best. Pure: nothing here reads
or writes the store."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

from verifier.check.align import RANK, align_quote, check_speaker, quote_finding
from verifier.claims import Alignment, Claim, Finding, PassageEvidence, QuoteClaim
from verifier.reference.passages import split_passages

if TYPE_CHECKING:
    from verifier.check.assess import Check, Results
    from verifier.ingest import IngestedDocument

ALIGN_METHOD = "align:rapidfuzz+words"


class SourceDocument(Protocol):
    """What evidence names of a source: an ingested document or a stored one."""

    @property
    def title(self) -> str | None: ...
    @property
    def source_name(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def sha256(self) -> str: ...


class Candidate(NamedTuple):
    """One source's best alignment of a quote (with the stored passage and document it falls
    in, for sources of the library)."""

    source: SourceDocument
    alignment: Alignment
    passage_id: int | None = None
    document_id: int | None = None
    published: str | None = None

    @property
    def rank(self) -> tuple[int, float]:
        return RANK[self.alignment.cls], self.alignment.score or 0


# (quote text, the quoting document's language, the quoting document's sha256) -> candidates.
# The sha256 lets a library skip the document being checked when it is also a source.
Aligner = Callable[[str, "str | None", str], Sequence[Candidate]]


def passage_evidence(src: SourceDocument, al: Alignment, *, misattributed: bool,
                     passage_id: int | None = None, document_id: int | None = None,
                     published: str | None = None) -> PassageEvidence:
    return PassageEvidence(source_title=src.title or src.source_name, source_url=src.url,
                           source_sha256=src.sha256, start=al.source_start, end=al.source_end,
                           score=al.score, method=ALIGN_METHOD, cls=al.cls, diff=al.diff,
                           parts=al.parts, note=al.note, speaker=al.speaker,
                           misattributed=misattributed, passage_id=passage_id,
                           source_document_id=document_id, source_published=published)


def aligner_over(sources: Sequence[IngestedDocument]) -> Aligner:
    """Candidates from the documents given: each one aligned with the quote."""
    prepared = [(src, split_passages(src.text, src.language)) for src in sources]

    def run(quote: str, lang: str | None, _sha256: str) -> list[Candidate]:
        return [Candidate(src, align_quote(quote, src.text, quote_lang=lang,
                                           source_lang=src.language, passages=passages),
                          published=src.published.isoformat() if src.published else None)
                for src, passages in prepared]

    return run


def best_candidate(candidates: Sequence[Candidate]) -> Candidate | None:
    """The most faithful alignment (verbatim over minor over truncated...), then the highest
    score; the first given wins a tie."""
    best: Candidate | None = None
    for c in candidates:
        if best is None or c.rank > best.rank:
            best = c
    return best


def quote_finding_of(claim: QuoteClaim, cand: Candidate) -> Finding:
    """The finding of a quote aligned with `cand`: its fidelity class, and misattributed when
    the passage belongs to another speaker's turn."""
    al = cand.alignment
    speaker_ok = check_speaker(al.speaker, claim.reference or claim.speaker)
    finding, why = quote_finding(al, speaker_ok)
    return Finding(finding=finding, explanation=why, fidelity=al.cls,
                   evidence=(passage_evidence(cand.source, al, misattributed=not speaker_ok,
                                              passage_id=cand.passage_id,
                                              document_id=cand.document_id,
                                              published=cand.published),))


def quote_check(sources: Sequence[IngestedDocument] = (), *,
                aligners: Sequence[Aligner] = (), searched: str | None = None) -> Check:
    """The check that aligns every quote with the `sources` given and with what the `aligners`
    propose; the best alignment is its evidence. A quote no aligner has a candidate for is
    "no_evidence", saying what was `searched` (say "the 12 reference sources of the library");
    without `searched` it gets no result (the combination says no source was given)."""
    runs = ([aligner_over(sources)] if sources else []) + list(aligners)

    def run(claims: Sequence[Claim], doc: IngestedDocument) -> Results:
        out: Results = {}
        for i, claim in enumerate(claims):
            if not isinstance(claim, QuoteClaim) or not runs:
                continue
            best = best_candidate([c for align in runs
                                   for c in align(claim.text, doc.language, doc.sha256)])
            if best is not None:
                out[i] = quote_finding_of(claim, best)
            elif searched:
                out[i] = Finding(finding="no_evidence",
                                 explanation=f"No passage of {searched} holds these words.")
        return out

    return run
