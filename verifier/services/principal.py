"""Who is acting: every service call names a Principal, and the services decide what it may do.

The UI passes the signed-in user (channel "ui"). The CLI acts as the operating-system user on
the local store: whoever can open the database file can already change every row, so that user
is the *store owner* (role STORE_OWNER), trusted for the operations an admin may do (users,
sources, facts packs, precedents, exports, the demo). Verdicts and notes are attributed to a
person, so the CLI reviews as a stored user with a reviewing role (`--as NAME`, or the OS user
when it is a stored user). See docs/decisions.md, "Who the CLI acts as"."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from verifier.db.models import ROLES
from verifier.db.users import REVIEW_ROLES, PermissionDenied

Channel = Literal["cli", "ui", "api"]

# The role of the OS user running the CLI on a local store (not a stored role).
STORE_OWNER = "store-owner"

ADMIN_ROLES: tuple[str, ...] = ("admin",)
AUDIT_ROLES: tuple[str, ...] = ("auditor", "admin")
DRAFT_ROLES: tuple[str, ...] = ("editor", "fact-checker", "admin")
SOURCE_READER_ROLES: tuple[str, ...] = ("admin", "fact-checker")
RECHECK_ROLES: tuple[str, ...] = ("fact-checker", "admin")
ANY_ROLE: tuple[str, ...] = ROLES

__all__ = ["ADMIN_ROLES", "ANY_ROLE", "AUDIT_ROLES", "Channel", "DRAFT_ROLES", "PermissionDenied",
           "Principal", "RECHECK_ROLES", "REVIEW_ROLES", "SOURCE_READER_ROLES", "STORE_OWNER",
           "store_owner"]


@dataclass(frozen=True)
class Principal:
    name: str
    role: str
    channel: Channel = "ui"

    @property
    def is_store_owner(self) -> bool:
        """The OS user of the CLI on the local store (trusted like an admin)."""
        return self.channel == "cli" and self.role == STORE_OWNER

    @property
    def can_review(self) -> bool:
        return self.role in REVIEW_ROLES


def store_owner(name: str) -> Principal:
    """The CLI's principal: the operating-system user who holds the database file."""
    return Principal(name, STORE_OWNER, "cli")
