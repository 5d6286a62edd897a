"""What every export writes besides the claims: the audit head it reflects, the filters, who
publishes it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ExportContext:
    head_seq: int
    head_hash: str
    filters: dict[str, Any]
    generated_at: str
    # The organisation publishing the fact-checks (verifier/db/settings.py); None while unset.
    organisation: str | None
    organisation_url: str | None
    # Where the report is published (--base-url, else the organisation's URL); ClaimReview urls
    # are base_url#claim-ID. None while no organisation is set.
    base_url: str | None

    @property
    def publishable(self) -> bool:
        """Whether ClaimReview can be written: it must be signed by an organisation."""
        return bool(self.organisation and self.organisation_url and self.base_url)

    def claim_url(self, claim_id: int) -> str:
        return f"{self.base_url}#claim-{claim_id}"
