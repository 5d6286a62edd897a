"""SQLModel tables. Every timestamp is an aware UTC datetime; every span is a pair of character
offsets into Document.text; normalised values and extra attributes are JSON.

The schema version these models describe is `SCHEMA_VERSION`; verifier/migrations.py brings an
older database up to it."""
from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, Integer, Text, TypeDecorator
from sqlalchemy import text as sql_text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

SCHEMA_VERSION = 10


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Stores aware datetimes as UTC and gives them back aware, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


JSONType = JSON().with_variant(JSONB(), "postgresql")


def _json_column() -> Any:
    return Field(default=None, sa_column=Column(JSONType, nullable=True))


def _created_at() -> Any:
    return Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


# --- documents and their passages ---------------------------------------------------------

DOCUMENT_KINDS = ("article", "draft", "source")


class Document(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(default="article", index=True)
    sha256: str = Field(index=True, unique=True, max_length=64)
    title: str | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    language: str = Field(max_length=8)
    published: date | None = Field(default=None, index=True)
    format: str = Field(default="txt", max_length=16)
    source_name: str | None = None
    encoding: str | None = None
    text: str = Field(sa_column=Column(Text, nullable=False))
    boilerplate: list[dict[str, Any]] | None = _json_column()
    meta: dict[str, Any] | None = _json_column()
    created_at: datetime = _created_at()
    created_by: str | None = None


class Passage(SQLModel, table=True):
    """A sentence or paragraph of a reference source, with its offsets and speaker turn."""

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    seq: int
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    speaker: str | None = None


# --- knowledge base ------------------------------------------------------------------------


class Fact(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    pack: str = Field(index=True)
    subject: str = Field(index=True)
    predicate: str = Field(index=True)
    object: str = Field(index=True)  # v7: indexed (the facts about an institution, an office)
    valid_from: date | None = None
    valid_to: date | None = None
    source_title: str | None = None
    source_url: str | None = None
    aliases: dict[str, Any] | None = _json_column()
    extra: dict[str, Any] | None = _json_column()
    created_at: datetime = _created_at()
    # v7: where the fact comes from (the dataset, the entity id or row in it, when it was
    # retrieved, its licence) and the country or institution of an office (indexed: the
    # facts of one country are read without reading the others).
    dataset: str | None = None
    source_ref: str | None = None
    retrieved: date | None = None
    licence: str | None = None
    of_name: str | None = Field(default=None, index=True)


class FactPack(SQLModel, table=True):
    """v7: one row per stored pack: when it was built, under which licence, how many facts
    it holds, and the last day its facts cover (a claim dated after it cannot be settled by the
    pack: docs/facts-packs.md)."""

    name: str = Field(primary_key=True)
    description: str | None = None
    built: date | None = None
    covered_until: date | None = None
    licence: str | None = None
    sources: list[dict[str, Any]] | None = _json_column()
    facts: int = 0
    loaded_at: datetime = _created_at()


class FactName(SQLModel, table=True):
    """v7: every name, alias and adjective of the entities a pack's facts use, normalised
    (`reference.facts.normalise_name`), so that a document's knowledge base is built from the
    facts about the names it mentions instead of the whole store."""

    __table_args__ = (Index("ix_factname_key", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    pack: str = Field(index=True)
    key: str
    entity: str
    kind: str = "name"  # name | office | adjective | token (one word of a person's name)


# --- claims, evidence, reviews ---------------------------------------------------------------

CLAIM_KINDS = ("quote", "temporal", "factual")
CLAIM_STATUSES = ("unreviewed", "reviewed")

# Declared once and handed to the mapper: SQLAlchemy bumps it on every UPDATE and refuses a
# stale write (StaleDataError), which review.py turns into a "changed by NAME at TIME" conflict.
_claim_version = Column("version", Integer, nullable=False)


class Claim(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    kind: str = Field(index=True)
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    speaker: str | None = None
    reference: str | None = None
    value: dict[str, Any] | None = _json_column()
    attrs: dict[str, Any] | None = _json_column()
    finding: str | None = Field(default=None, index=True)
    explanation: str | None = None
    status: str = Field(default="unreviewed", index=True)
    verdict: str | None = Field(default=None, index=True)
    note: str | None = None
    reviewed_by: str | None = None
    reviewed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    version: int | None = Field(default=None, sa_column=_claim_version)
    created_at: datetime = _created_at()
    updated_at: datetime = _created_at()
    updated_by: str | None = None
    # When a check last changed the claim's finding or evidence (schema v5). After `reviewed_at`
    # it means the evidence changed since the verdict; a new verdict clears that by itself.
    evidence_changed_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True))

    __mapper_args__ = {"version_id_col": _claim_version}
    __table_args__ = (Index("ix_claim_document_span", "document_id", "start", "end"),)

    @property
    def evidence_changed_since_verdict(self) -> bool:
        """A check changed the finding or the evidence after the verdict was given."""
        return (self.evidence_changed_at is not None and self.reviewed_at is not None
                and self.evidence_changed_at > self.reviewed_at)


class Evidence(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    kind: str
    passage_id: int | None = Field(default=None, foreign_key="passage.id")
    fact_id: int | None = Field(default=None, foreign_key="fact.id")
    precedent_claim_id: int | None = Field(default=None, foreign_key="claim.id")
    source_title: str | None = None
    source_url: str | None = None
    source_sha256: str | None = None
    start: int | None = None
    end: int | None = None
    score: float | None = None
    method: str | None = None
    detail: dict[str, Any] | None = _json_column()
    created_at: datetime = _created_at()


VERDICTS = (
    "True",
    "Mostly true",
    "Half true",
    "Mostly false",
    "False",
    "Misattributed",
    "Altered quote",
    "Unverifiable",
    "Not a claim",
)


class Review(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    reviewer: str = Field(index=True)
    verdict: str
    note: str | None = None
    claim_version: int
    created_at: datetime = _created_at()


class Precedent(SQLModel, table=True):
    """A claim checked elsewhere (an imported fact-check list or ClaimReview feed)."""

    id: int | None = Field(default=None, primary_key=True)
    collection: str = Field(index=True)
    external_id: str
    claim: str = Field(sa_column=Column(Text, nullable=False))
    title: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    verdict: str | None = None
    url: str | None = None
    reviewed_on: date | None = None
    language: str | None = None
    created_at: datetime = _created_at()
    # Kept from ClaimReview (schema v7; NULL for lists that do not say): who published the
    # review (name, web site), who made the claim and when.
    publisher_name: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    publisher_site: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    claimant: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    claim_date: date | None = None

    __table_args__ = (Index("ux_precedent_collection_external", "collection", "external_id",
                            unique=True),)


class FeedItem(SQLModel, table=True):
    """An item of an RSS/Atom feed that was ingested (schema v7): the feed (its URL, or
    `file:` and the absolute path of a local feed file), the item (its id, else its link), when
    it was first seen and the document its page became. Items whose page failed are not
    recorded, so the next poll tries them again."""

    id: int | None = Field(default=None, primary_key=True)
    feed: str = Field(sa_column=Column(Text, nullable=False))
    item: str = Field(sa_column=Column(Text, nullable=False))
    link: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    first_seen: datetime = _created_at()
    document_id: int | None = Field(default=None, foreign_key="document.id", index=True,
                                    ondelete="SET NULL")

    __table_args__ = (Index("ux_feeditem_feed_item", "feed", "item", unique=True),)


# --- people and the audit trail ---------------------------------------------------------------

ROLES = ("fact-checker", "editor", "auditor", "admin")


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    role: str
    email: str | None = Field(default=None, index=True)
    password_hash: str | None = None
    active: bool = True
    created_at: datetime = _created_at()


class AuditEvent(SQLModel, table=True):
    """Append-only: triggers refuse UPDATE and DELETE; `hash` chains every event to the last.
    `chain_version` says how `hash` is computed (db/audit.py; docs/audit.md): 1 for events
    written before schema v6, 2 (RFC 8785) since. `channel` (cli, ui, api) and `os_user` (the
    operating-system account of the process that wrote the event) are NULL on version 1 events."""

    seq: int = Field(primary_key=True)
    ts: datetime = _created_at()
    actor: str
    action: str = Field(index=True)
    document_id: int | None = Field(default=None, index=True)
    claim_id: int | None = Field(default=None, index=True)
    old: dict[str, Any] | None = _json_column()
    new: dict[str, Any] | None = _json_column()
    app_version: str
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64, unique=True)
    chain_version: int = Field(
        default=1, sa_column=Column(Integer, nullable=False, server_default=sql_text("1")))
    channel: str | None = None
    os_user: str | None = None


TOKEN_SCOPES = ("check", "review", "audit", "admin")


class ApiToken(SQLModel, table=True):
    """A user's token for the CLI (VERIFIER_TOKEN) and the HTTP API. Only the SHA-256 of the
    secret is stored (the secret is shown once, when it is made); it acts as its user, as the
    user's role is stored now, and only within its scope, until it expires or is revoked."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    scope: str
    label: str | None = None
    secret_sha256: str = Field(max_length=64, unique=True)
    prefix: str = Field(max_length=16)  # the secret's first characters, to tell tokens apart
    created_at: datetime = _created_at()
    created_by: str
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    revoked_at: datetime | None = Field(default=None,
                                        sa_column=Column(UTCDateTime(), nullable=True))
    revoked_by: str | None = None


JOB_STATUSES = ("queued", "running", "done", "failed")


class Job(SQLModel, table=True):
    """Long work asked of the store (re-check, imports, big exports, bulk ingestion): who asked
    (the principal, re-checked when the job runs), what (kind and JSON arguments), and how far
    it got. A worker (`verifier worker` on PostgreSQL, the asking process on SQLite) runs it
    through services/jobs.py; `queue_id` is the task queue's own id for it (procrastinate)."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True, max_length=32)
    requested_by: str
    role: str = Field(max_length=32)
    channel: str = Field(max_length=8)
    scope: str | None = Field(default=None, max_length=16)
    args: dict[str, Any] | None = _json_column()
    status: str = Field(default="queued", index=True, max_length=16)
    done: int = 0
    total: int | None = None
    result: dict[str, Any] | None = _json_column()
    error: str | None = None
    attempts: int = 0
    worker: str | None = None
    queue_id: int | None = None
    created_at: datetime = _created_at()
    started_at: datetime | None = Field(default=None,
                                        sa_column=Column(UTCDateTime(), nullable=True))
    finished_at: datetime | None = Field(default=None,
                                         sa_column=Column(UTCDateTime(), nullable=True))


class SchemaVersion(SQLModel, table=True):
    __tablename__ = "schema_version"

    version: int = Field(primary_key=True)
    applied_at: datetime = _created_at()
