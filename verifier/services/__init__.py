"""The one door: every operation of the CLI, the Streamlit pages and the HTTP API goes through
these services, which open the transactions, enforce the permissions of the Principal acting
(whatever the shell) and write the audit events. The shells (verifier.cli, verifier.ui,
verifier.api) import only this package (an import-linter contract in pyproject.toml keeps it so).

    documents  read, extract, check, ingest, list and show documents (and the check pipeline's
               operations: extract_document, check_document, quote_sources, precedent_check...)
    review     verdicts and notes, the claims listing
    users      people and roles, sign-in (the last active admin is kept)
    sessions   idle expiry of signed-in browser sessions
    sources    reference sources, facts packs, precedents
    settings   the organisation that publishes the fact-checks (name, URL), set once
    exports    exports of claims, verdicts and evidence
    feeds      poll an RSS/Atom feed once: ingest the pages of its new items
    audit      the audit chain and the history
    desk       what the review desk and the auditor's page read
    recheck    check stored documents again (claims updated in place); which documents new
               sources or facts may concern
    tokens     per-user tokens (VERIFIER_TOKEN, the HTTP API): make, list, revoke, authenticate
    jobs       long work as jobs (enqueue, get, list; run by `verifier worker` on PostgreSQL,
               in-process on SQLite); the kinds of job (job_kind)
    bulk       many files ingested in parallel processes (`verifier ingest DIR --workers N`)
    demo       the bundled demo
    principal  who is acting (Principal), and the roles each operation needs
"""
from __future__ import annotations

from verifier.check.assess import Check, CheckReport
from verifier.db.documents import DocumentError
from verifier.db.migrations import SchemaError
from verifier.db.models import CLAIM_KINDS, CLAIM_STATUSES, DOCUMENT_KINDS, ROLES, VERDICTS
from verifier.db.reviews import ClaimNotFound, ReviewConflict, ReviewError
from verifier.db.users import LastAdmin, PermissionDenied, UserError
from verifier.ingest import DocumentTooBig, IngestedDocument, IngestError
from verifier.sandbox import DocumentTooComplex
from verifier.services import (
    audit,
    bulk,
    demo,
    desk,
    documents,
    exports,
    feeds,
    jobs,
    review,
    settings,
    sources,
    tokens,
    users,
)
from verifier.services import sessions as sessions  # idle expiry of browser sessions
from verifier.services._base import store_failure
from verifier.services.bulk import BulkReport, FileOutcome, ingest_files
from verifier.services.demo import DEMO_ACCOUNTS, demo_password, ensure_demo_accounts, load_demo
from verifier.services.desk import (
    FINDINGS,
    NOT_CHECKED,
    TRIAGE_GROUPS,
    TRIAGE_LABELS,
    Explanation,
    QueueFilters,
    QueueRow,
    checked_claim,
    claim_contract,
    claim_dict,
    claim_evidence,
    counts,
    document_claims,
    earlier_verdicts,
    explain_claim,
    get_claim,
    load_queue,
    next_claim_id,
    queue_documents,
    reviews_of,
    source_text,
    triage_counts,
)
from verifier.services.documents import (
    PRECEDENT_MIN,
    DraftCheck,
    IngestResult,
    ShownDocument,
    SubmittedDraft,
    align,
    check,
    check_document,
    check_draft,
    check_text,
    document_summary,
    extract,
    extract_document,
    ingest_document,
    ingest_into,
    knowledge_base,
    list_documents,
    max_document_bytes,
    precedent_check,
    quote_sources,
    read,
    read_sources,
    read_text,
    save_checked,
    show_document,
    store_source,
    submit_draft,
)
from verifier.services.exports import FORMATS, BrowserMissing, ExportError, ExportFilters
from verifier.services.feeds import FeedError, FeedPoll
from verifier.services.jobs import JobError
from verifier.services.principal import (
    ADMIN_ROLES,
    AUDIT_ROLES,
    DRAFT_ROLES,
    RECHECK_ROLES,
    REVIEW_ROLES,
    SCOPE_GRANTS,
    SCOPE_ROLES,
    SOURCE_READER_ROLES,
    STORE_OWNER,
    TOKEN_SCOPES,
    Channel,
    Principal,
    Scope,
    os_user,
    store_owner,
)
from verifier.services.recheck import (
    DocumentRecheck,
    RecheckReport,
    documents_concerned_by_facts,
    documents_concerned_by_sources,
    recheck,
)
from verifier.services.sources import PackError, PrecedentError, PrecedentImport
from verifier.services.taskqueue import QueueUnavailable
from verifier.services.users import User

__all__ = [
    "ADMIN_ROLES", "AUDIT_ROLES", "CLAIM_KINDS", "CLAIM_STATUSES", "DEMO_ACCOUNTS",
    "DOCUMENT_KINDS", "DRAFT_ROLES", "FINDINGS", "FORMATS", "NOT_CHECKED", "PRECEDENT_MIN",
    "RECHECK_ROLES", "REVIEW_ROLES", "ROLES", "SCOPE_GRANTS", "SCOPE_ROLES",
    "SOURCE_READER_ROLES", "STORE_OWNER", "TOKEN_SCOPES", "TRIAGE_GROUPS", "TRIAGE_LABELS",
    "VERDICTS", "Explanation",
    "BrowserMissing", "BulkReport", "Channel", "FileOutcome", "JobError", "QueueUnavailable",
    "bulk", "ingest_files", "jobs", "Check", "CheckReport", "ClaimNotFound", "DocumentError",
    "DocumentRecheck", "DocumentTooBig", "DocumentTooComplex", "DraftCheck", "ExportError", "ExportFilters",
    "FeedError", "FeedPoll", "IngestError",
    "IngestResult", "IngestedDocument", "LastAdmin", "PackError", "PermissionDenied",
    "PrecedentError", "PrecedentImport", "Principal", "QueueFilters", "QueueRow", "RecheckReport",
    "ReviewConflict", "ReviewError", "SchemaError", "Scope", "ShownDocument", "SubmittedDraft",
    "User", "UserError",
    "align", "audit", "check", "check_document", "check_draft", "check_text",
    "checked_claim", "claim_contract", "claim_dict", "claim_evidence", "counts", "demo", "demo_password", "desk", "document_claims",
    "document_summary", "documents", "documents_concerned_by_facts", "explain_claim",
    "documents_concerned_by_sources", "earlier_verdicts", "ensure_demo_accounts", "exports",
    "extract", "extract_document", "feeds", "get_claim", "ingest_document", "ingest_into",
    "knowledge_base", "list_documents", "load_demo", "max_document_bytes", "load_queue", "next_claim_id",
    "os_user", "precedent_check", "queue_documents", "quote_sources", "read", "read_text", "recheck",
    "review", "reviews_of", "save_checked", "settings", "show_document", "read_sources",
    "source_text", "sources", "store_failure", "store_owner", "store_source", "submit_draft",
    "tokens",
    "triage_counts", "users",
]
