"""What every export writes besides the claims: the audit head it reflects, the filters, who."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ExportContext:
    head_seq: int
    head_hash: str
    filters: dict[str, Any]
    generated_at: str
    organisation: str
    organisation_url: str
    base_url: str  # where the report is published; ClaimReview urls are base_url#claim-ID

    def claim_url(self, claim_id: int) -> str:
        return f"{self.base_url}#claim-{claim_id}"
