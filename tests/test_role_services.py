"""Services the role pages read, on SQLite and PostgreSQL: the desk's documents with saved
drafts apart from published articles, the facts of a pack read as sentences, the ingestion
cap."""
from __future__ import annotations

from pathlib import Path

import pytest

from verifier import services
from verifier.db.store import Store
from verifier.services import QueueFilters

OWNER = services.store_owner("test")
ADAM = services.Principal("adam", "admin", "ui")  # a demo account
ADA = services.Principal("ada", "auditor", "ui")
SEED = Path(__file__).parent / "data" / "seed-maroc-russie-fr.txt"
DRAFT = b"Paris, le 3 mars 2025. Le ministre a parle huit ans apres la signature."


def _article_and_draft(store: Store) -> tuple[int, int]:
    services.ensure_demo_accounts(OWNER, db=store)
    article = services.ingest_document(OWNER, SEED, kind="article", db=store)
    draft = services.ingest_document(services.Principal("eddie", "editor", "ui"), DRAFT,
                                     name="draft.txt", kind="draft", lang="fr", db=store)
    services.sources.add_source(ADAM, b"Une source de reference, sans plus.", name="s.txt",
                                lang="fr", db=store)
    return int(article.document.id or 0), int(draft.document.id or 0)


def test_desk_lists_saved_drafts_apart_from_articles(store: Store) -> None:
    article, draft = _article_and_draft(store)
    both = [d.id for d in services.queue_documents(ADA, db=store)]
    assert both == [article, draft]  # never the reference source
    assert [d.id for d in services.queue_documents(ADA, kinds=("article",), db=store)] == [article]
    assert [d.id for d in services.queue_documents(ADA, kinds=("draft",), db=store)] == [draft]
    with pytest.raises(ValueError, match="source"):
        services.queue_documents(ADA, kinds=("source",), db=store)
    rows = services.load_queue(ADA, QueueFilters(document_kinds=("draft",)), db=store)
    assert rows and {r.claim.document_id for r in rows} == {draft}
    rows = services.load_queue(ADA, QueueFilters(document_kinds=("article",)), db=store)
    assert rows and {r.claim.document_id for r in rows} == {article}


def test_facts_of_a_pack_read_as_sentences(store: Store) -> None:
    services.demo.import_demo_facts(OWNER, db=store)  # before the first user: the store owner
    services.ensure_demo_accounts(OWNER, db=store)
    rows = services.sources.fact_table(ADA, pack="demo", db=store)
    by_subject = {(r["subject"], r["relation"], r["object"]): r for r in rows}
    event = by_subject[("Morocco–Russia Deepened Strategic Partnership", "event",
                        "signing of the declaration")]
    assert event["reads as"] == ("Morocco–Russia Deepened Strategic Partnership: signing of "
                                 "the declaration on 15 March 2016 in Moscow.")
    assert event["valid from"] == "2016-03-15" and event["source"].startswith("Meeting with King")
    office = by_subject[("Nasser Bourita", "holds office", "Minister of Foreign Affairs")]
    assert office["reads as"] == ("Nasser Bourita has been Minister of Foreign Affairs of "
                                  "Morocco since 5 April 2017.")
    assert office["of"] == "Morocco"
    presides = by_subject[("UN Security Council", "presides", "Russia")]
    assert presides["reads as"] == ("Russia presides over the UN Security Council from "
                                    "1 October 2025 to 31 October 2025.")
    assert all(r["reads as"] for r in rows)  # the demo pack uses predicates that read
    assert services.sources.fact_table(ADA, pack="nope", db=store) == []


def test_the_ingestion_cap_is_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VERIFIER_MAX_BYTES", raising=False)
    assert services.max_document_bytes() == 10 * 1024 * 1024
    monkeypatch.setenv("VERIFIER_MAX_BYTES", "2048")
    assert services.max_document_bytes() == 2048
