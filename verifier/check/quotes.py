"""Quotes against reference sources: each quote aligned with every source given, the best
alignment kept as its evidence (a PassageEvidence), its speaker compared with the speaker turn
of the source passage. Pure: sources come in as ingested documents, nothing is stored."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from verifier.check.align import RANK, align_quote, check_speaker, quote_finding
from verifier.claims import Alignment, Claim, Finding, PassageEvidence, QuoteClaim
from verifier.reference.passages import split_passages

if TYPE_CHECKING:
    from verifier.check.assess import Check, Results
    from verifier.ingest import IngestedDocument

ALIGN_METHOD = "align:rapidfuzz+words"


def _rank(al: Alignment) -> tuple[int, float]:
    return RANK[al.cls], al.score or 0


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


def passage_evidence(src: SourceDocument, al: Alignment, *, misattributed: bool,
                     passage_id: int | None = None) -> PassageEvidence:
    return PassageEvidence(source_title=src.title or src.source_name, source_url=src.url,
                           source_sha256=src.sha256, start=al.source_start, end=al.source_end,
                           score=al.score, method=ALIGN_METHOD, cls=al.cls, diff=al.diff,
                           parts=al.parts, note=al.note, speaker=al.speaker,
                           misattributed=misattributed, passage_id=passage_id)


def quote_check(sources: Sequence[IngestedDocument]) -> Check:
    """The check that aligns every quote with `sources`; the best alignment is its evidence."""
    prepared = [(src, split_passages(src.text, src.language)) for src in sources]

    def run(claims: Sequence[Claim], doc: IngestedDocument) -> Results:
        out: Results = {}
        for i, claim in enumerate(claims):
            if not isinstance(claim, QuoteClaim) or not prepared:
                continue
            best: tuple[IngestedDocument, Alignment] | None = None
            for src, passages in prepared:
                al = align_quote(claim.text, src.text, quote_lang=doc.language,
                                 source_lang=src.language, passages=passages)
                if best is None or _rank(al) > _rank(best[1]):
                    best = (src, al)
            assert best is not None
            src, al = best
            speaker_ok = check_speaker(al.speaker, claim.reference or claim.speaker)
            finding, why = quote_finding(al, speaker_ok)
            out[i] = Finding(finding=finding, explanation=why, fidelity=al.cls,
                             evidence=(passage_evidence(src, al, misattributed=not speaker_ok),))
        return out

    return run
