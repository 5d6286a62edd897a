"""Re-check (issue 11): stored articles and drafts checked again against what the store holds
now, their claims updated in place (same ids, verdicts kept, a changed finding or evidence
flagged on reviewed claims); claims moved by an edit keep their ids; the CLI's `verifier
recheck` with its exit codes. Everything on the real SQLite file and the real PostgreSQL
(the `store` and `db_url` fixtures), through the real services, pipeline and store."""
from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from verifier import services
from verifier.claims import claim_from_json
from verifier.db import audit, documents
from verifier.db.models import AuditEvent, Claim, Document, User
from verifier.db.store import Store
from verifier.report.tabular import read_csv
from verifier.services.documents import check_ingested

from .conftest import SEED, bootstrap_admin
from .test_cli import run

OWNER = services.store_owner("owner")
ADMIN = services.Principal("adam", "admin", "ui")  # after add_fact_checker
FATIMA = services.Principal("fatima", "fact-checker", "ui")
SOURCE = SEED.parent / "contract" / "source-moscou.txt"
# A pack with nothing on the Maroc-Russie partnership: with it alone, "huit ans" has no
# evidence (without any pack, the check would fall back to the bundled demo facts).
OTHER_PACK = b"""pack: other
facts:
  - subject: Tour Eiffel
    predicate: event
    valid_from: 1889-03-31
    source: {title: Paris, url: https://www.paris.fr/}
"""
CLEAN = ("Le roi Mohammed VI a reçu le ministre jeudi 16 octobre 2025 à Rabat, "
         "a indiqué le communiqué publié le même jour.")


def claims_of(store: Store, document_id: int) -> dict[str, Claim]:
    with store.read() as s:
        rows = documents.document_claims(session=s, document_id=document_id)
    return {f"{c.kind}:{c.text}": c for c in rows}


def seed_document(store: Store) -> int:
    report = services.check(OWNER, SEED, db=store)
    return int(report.document["id"])


def add_fact_checker(store: Store) -> None:
    """fatima, added by the store's first admin (adam: ADMIN)."""
    bootstrap_admin(store)
    services.users.add_user(ADMIN, "fatima", "fact-checker", db=store)


def test_recheck_keeps_ids_and_reports_counts_and_progress(store: Store) -> None:
    services.demo.import_demo_facts(OWNER, db=store)
    doc_id = seed_document(store)
    before = {k: (c.id, c.version) for k, c in claims_of(store, doc_id).items()}
    calls: list[tuple[int, int, str]] = []
    report = services.recheck(OWNER, progress=lambda *a: calls.append(a), db=store)
    (d,) = report.documents
    assert d.document_id == doc_id and d.kind == "article" and d.title.startswith("Maroc")
    assert (d.added, d.updated, d.moved, d.removed, d.evidence_changed) == (0, 0, 0, 0, 0)
    assert d.claims == len(before) == sum(d.findings.values())
    assert (d.contradictions, d.altered_quotes) == (1, 0)  # "huit ans" against the demo facts
    assert report.exit_code == 1 and report.to_json()["ready_to_publish"] is False
    assert calls == [(1, 1, d.title)]
    # Nothing changed: same ids, same versions (no row was written).
    assert {k: (c.id, c.version) for k, c in claims_of(store, doc_id).items()} == before
    with store.read() as s:
        last = s.exec(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()  # type: ignore[union-attr]
        assert (last.actor, last.action, last.document_id) == ("os:owner", "extract", doc_id)
        assert last.new["claims_updated"] == 0
        assert audit.verify_chain(s).ok


def test_new_facts_update_a_reviewed_claim_keep_its_verdict_and_flag_it(store: Store) -> None:
    services.sources.import_pack(OWNER, OTHER_PACK, name="other", fmt="yaml", db=store)
    add_fact_checker(store)
    doc_id = seed_document(store)
    huit = claims_of(store, doc_id)["temporal:huit ans"]
    assert huit.finding == "no_evidence"
    services.review.record_verdict(FATIMA, huit.id, verdict="Unverifiable", note="no source",
                                   db=store)
    reviewed = claims_of(store, doc_id)["temporal:huit ans"]
    assert not reviewed.evidence_changed_since_verdict
    # The demo facts hold the partnership's date: re-checking finds the contradiction.
    assert services.documents_concerned_by_facts(OWNER, db=store) == [doc_id]
    services.demo.import_demo_facts(ADMIN, db=store)  # once the store has users, an admin
    report = services.recheck(FATIMA, db=store)
    (d,) = report.documents
    assert d.evidence_changed == 1 and d.updated >= 1 and d.contradictions == 1
    after = claims_of(store, doc_id)["temporal:huit ans"]
    assert after.id == huit.id and after.version == reviewed.version + 1
    assert (after.verdict, after.status, after.reviewed_by, after.note) == (
        "Unverifiable", "reviewed", "fatima", "no source")
    assert after.reviewed_at == reviewed.reviewed_at
    assert after.finding == "contradicted" and "9 years, 7 months" in after.explanation
    assert after.evidence_changed_at > after.reviewed_at and after.evidence_changed_since_verdict
    assert any(e.kind == "fact" for e in services.claim_evidence(FATIMA, after.id, db=store))
    with store.read() as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.claim_id == huit.id)
                       .where(AuditEvent.action == "claim.update")).one()
        assert event.actor == "fatima"
        assert (event.old["finding"], event.new["finding"]) == ("no_evidence", "contradicted")
        assert event.new["evidence_changed_since_verdict"] is True
        assert audit.replay_reviews(s) == []  # the verdict is still the one its event recorded
    # The desk lists it under its filter.
    flagged = services.load_queue(FATIMA, services.QueueFilters(evidence_changed=True), db=store)
    assert [r.claim.id for r in flagged] == [huit.id]
    assert services.counts(flagged)["evidence_changed"] == 1
    _exports_show_the_flag(store, huit.id)
    # A new verdict clears it, with nothing else to do.
    services.review.record_verdict(FATIMA, huit.id, verdict="False", note="neuf ans", db=store)
    assert not claims_of(store, doc_id)["temporal:huit ans"].evidence_changed_since_verdict
    assert services.load_queue(FATIMA, services.QueueFilters(evidence_changed=True), db=store) == []


def _exports_show_the_flag(store: Store, claim_id: int) -> None:
    out = io.BytesIO()
    services.exports.export(ADMIN, "csv", out, db=store)
    rows, _ = read_csv(out.getvalue().decode("utf-8"))
    flags = {int(r["claim_id"]): r["evidence_changed_since_verdict"] for r in rows}
    assert flags[claim_id] == "true" and set(flags.values()) == {"true", "false"}
    out = io.BytesIO()
    services.exports.export(ADMIN, "json", out, db=store)
    claims = {c["claim"]["id"]: c["claim"] for c in json.loads(out.getvalue())["claims"]}
    assert claims[claim_id]["evidence_changed_since_verdict"] is True
    assert claims[claim_id]["evidence_changed_at"] > claims[claim_id]["reviewed_at"]
    assert not any(c["evidence_changed_since_verdict"] for i, c in claims.items() if i != claim_id)
    out = io.BytesIO()
    services.exports.export(ADMIN, "html", out, db=store)
    html = out.getvalue().decode("utf-8")
    article = html.split(f'id="claim-{claim_id}"', 1)[1].split("</article>", 1)[0]
    assert "evidence changed since the verdict" in article
    assert "<dt>evidence changed</dt>" in article and "after the verdict" in article
    assert html.count("evidence changed since the verdict") == 1
    out = io.BytesIO()
    services.exports.export(ADMIN, "xlsx", out, db=store)
    from openpyxl import load_workbook

    sheet = load_workbook(out, read_only=True)["claims"]
    rows_x = list(sheet.iter_rows(values_only=True))
    col = rows_x[0].index("evidence_changed_since_verdict")
    assert {r[0]: r[col] for r in rows_x[1:]}[claim_id] is True


def test_since_and_document_filters(store: Store, tmp_path: Path) -> None:
    source_id = services.sources.add_source(OWNER, SOURCE, db=store).document.id
    seed_id = seed_document(store)
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    clean_id = int(services.check(OWNER, clean, db=store).document["id"])
    # The seed article was stored, and its claims last changed, in 2020.
    old = datetime(2020, 1, 2, tzinfo=UTC)
    with store.write() as s:
        doc = s.get(Document, seed_id)
        doc.created_at = old
        s.add(doc)
        for c in s.exec(select(Claim).where(Claim.document_id == seed_id)).all():
            c.updated_at = old
            s.add(c)

    def ids(**kw: object) -> list[int]:
        return [d.document_id for d in services.recheck(OWNER, db=store, **kw).documents]

    assert ids(since=date(2021, 1, 1)) == [clean_id]
    assert ids(since=date(2019, 12, 31)) == [seed_id, clean_id]
    assert ids(since=datetime.now(UTC) + timedelta(days=1)) == []
    assert ids() == [seed_id, clean_id]  # never the reference source
    assert ids(document_id=seed_id) == [seed_id]
    assert ids(document_ids=[clean_id, source_id]) == [clean_id]
    with pytest.raises(services.DocumentError, match="no document with id 999"):
        services.recheck(OWNER, document_id=999, db=store)
    with pytest.raises(services.DocumentError, match="reference source"):
        services.recheck(OWNER, document_id=source_id, db=store)
    clean_only = services.recheck(OWNER, document_id=clean_id, db=store)
    assert clean_only.exit_code == 0 and clean_only.to_json()["ready_to_publish"] is True


@pytest.mark.parametrize("role, allowed", [("fact-checker", True), ("admin", True),
                                           ("editor", False), ("auditor", False)])
def test_recheck_is_for_fact_checkers_and_admins(store: Store, role: str, allowed: bool) -> None:
    doc_id = seed_document(store)
    services.users.add_user(OWNER, "someone", role, db=store)
    who = services.Principal("someone", role, "ui")
    if allowed:
        assert [d.document_id for d in services.recheck(who, db=store).documents] == [doc_id]
        return
    with pytest.raises(services.PermissionDenied, match="may re-check"):
        services.recheck(who, db=store)
    with store.read() as s:  # refused before anything was written
        assert not s.exec(select(AuditEvent).where(AuditEvent.actor == "someone")).all()


def test_a_deactivated_fact_checker_may_not_recheck(store: Store) -> None:
    seed_document(store)
    add_fact_checker(store)
    with store.write() as s:
        user = s.exec(select(User).where(User.name == "fatima")).one()
        user.active = False
        s.add(user)
    with pytest.raises(services.PermissionDenied, match="not an active user"):
        services.recheck(FATIMA, db=store)


def test_documents_new_sources_may_concern(store: Store, tmp_path: Path) -> None:
    seed_id = seed_document(store)
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")  # no quote at all
    services.check(OWNER, clean, db=store)
    moscou = services.sources.add_source(OWNER, SOURCE, db=store).document.id
    weather = tmp_path / "weather.txt"
    weather.write_text("Forecast for Thursday: light rain over the coast, strong winds inland, "
                       "temperatures between nine and fourteen degrees.", encoding="utf-8")
    unrelated = services.sources.add_source(OWNER, weather, db=store).document.id
    assert services.documents_concerned_by_sources(OWNER, [moscou], db=store) == [seed_id]
    assert services.documents_concerned_by_sources(OWNER, [unrelated], db=store) == []
    assert services.documents_concerned_by_sources(OWNER, [unrelated, moscou], db=store) == [seed_id]
    assert services.documents_concerned_by_sources(OWNER, [], db=store) == []
    with pytest.raises(services.DocumentError):
        services.documents_concerned_by_sources(OWNER, [999], db=store)
    with pytest.raises(services.PermissionDenied):
        services.documents_concerned_by_sources(services.Principal("eddie", "editor", "ui"),
                                                [moscou], db=store)


def test_recheck_after_a_new_source_checks_the_quotes_against_it(store: Store) -> None:
    doc_id = seed_document(store)
    quote = next(c for c in claims_of(store, doc_id).values() if c.text.startswith("Nous considérons"))
    assert quote.finding == "no_evidence"
    source_id = services.sources.add_source(OWNER, SOURCE, db=store).document.id
    concerned = services.documents_concerned_by_sources(OWNER, [source_id], db=store)
    report = services.recheck(OWNER, document_ids=concerned, db=store)
    assert report.altered_quotes >= 1 and report.exit_code == 1
    after = claims_of(store, doc_id)[f"quote:{quote.text}"]
    assert after.id == quote.id and after.finding == "contradicted"
    assert after.attrs["fidelity"] == "altered"


# --- claims moved by an edit keep their identity ---------------------------------------------

INSERTED = "Le ministre a parlé pendant vingt minutes.\n\n"


def _edit(text: str) -> tuple[str, int]:
    """The seed with one paragraph added before Bourita's quote: (new text, where)."""
    at = text.index("Nous considérons la Russie")
    return text[:at] + INSERTED + text[at:], at


def test_claims_moved_by_an_edit_keep_their_ids_and_verdicts(store: Store) -> None:
    """An editor's revision (here written over the stored draft, as a new version of it would
    be) shifts every claim after the insertion: each keeps its row, its span follows it."""
    services.demo.import_demo_facts(OWNER, db=store)
    add_fact_checker(store)
    first = services.read(SEED.read_bytes(), name="draft.txt")
    saved = services.save_checked(store, first, check_ingested(first, store),
                                  kind="draft", actor="owner", recheck=False)
    doc_id = saved.document.id
    before = claims_of(store, doc_id)
    quote = next(c for c in before.values() if c.text.startswith("Nous considérons"))
    services.review.record_verdict(FATIMA, quote.id, verdict="Altered quote", note="vs transcript",
                                   db=store)
    edited, at = _edit(first.text)
    second = services.read(edited.encode("utf-8"), name="draft.txt")
    with store.write() as s:  # the new version of the draft, over the stored one
        doc = s.get(Document, doc_id)
        doc.text, doc.sha256 = second.text, hashlib.sha256(second.text.encode()).hexdigest()
        doc.boilerplate = [{"start": b.start, "end": b.end, "kind": b.kind} for b in second.boilerplate]
        s.add(doc)
    res = services.save_checked(store, second, check_ingested(second, store),
                                kind="draft", actor="owner", recheck=True)
    after = claims_of(store, doc_id)
    shifted = {k for k, c in before.items() if c.start >= at}
    assert shifted and res.changes is not None
    assert res.changes.moved == len(shifted) and res.changes.removed == 0
    assert set(after) - set(before) == {"temporal:vingt minutes"} and res.changes.added == 1
    for key, old in before.items():
        new = after[key]
        assert new.id == old.id, key
        assert (new.start, new.end) == ((old.start + len(INSERTED), old.end + len(INSERTED))
                                        if key in shifted else (old.start, old.end))
        assert second.text[new.start:new.end] == new.text
    moved_quote = after[f"quote:{quote.text}"]
    assert (moved_quote.verdict, moved_quote.reviewed_by, moved_quote.note) == (
        "Altered quote", "fatima", "vs transcript")
    assert not moved_quote.evidence_changed_since_verdict  # it moved; its evidence is the same
    with store.read() as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.claim_id == quote.id)
                       .where(AuditEvent.action == "claim.update")).one()
        assert event.old["span"] == [quote.start, quote.end]
        assert event.new["span"] == [quote.start + len(INSERTED), quote.end + len(INSERTED)]
        assert audit.verify_chain(s).ok and audit.replay_reviews(s) == []


def test_the_same_words_twice_each_keep_their_own_row(store: Store) -> None:
    text_ = "Il a dit « oui » hier. Elle a dit « oui » hier."
    with store.write() as s:
        doc = Document(kind="draft", sha256="c" * 64, language="fr", text=text_)
        s.add(doc)
        s.flush()
        doc_id = doc.id
        first = [claim_from_json(
            {"kind": "temporal", "text": "hier", "start": i, "end": i + 4, "timex_type": "DATE"})
            for i in (17, 42)]
        documents.replace_claims(session=s, document=doc, claims=first, actor="t")
    ids = {c.start: c.id for c in claims_of_all(store, doc_id)}
    # An edit adds two characters before each: every "hier" keeps the row nearest to it.
    moved = [claim_from_json(
        {"kind": "temporal", "text": "hier", "start": i, "end": i + 4, "timex_type": "DATE"})
        for i in (19, 46)]
    with store.write() as s:
        doc = s.get(Document, doc_id)
        changes = documents.replace_claims(session=s, document=doc, claims=moved, actor="t")
    assert (changes.moved, changes.added, changes.removed) == (2, 0, 0)
    assert {c.start: c.id for c in claims_of_all(store, doc_id)} == {19: ids[17], 46: ids[42]}


def claims_of_all(store: Store, document_id: int) -> list[Claim]:
    with store.read() as s:
        return documents.document_claims(session=s, document_id=document_id)


# --- the command line ------------------------------------------------------------------------


@pytest.fixture
def cli_store(db_url: str, tmp_path: Path) -> tuple[str, int, int]:
    """The demo facts, the seed article (contradicted) and a clean one, stored by `check`."""
    assert run("demo", db=db_url).exit_code == 0
    assert run("check", str(SEED), db=db_url).exit_code == 1
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    assert run("check", str(clean), "--published", "2025-10-16", db=db_url).exit_code == 0
    listed = run("list", "--kind", "article", db=db_url).stdout.splitlines()
    ids = {line.split("\t")[-1]: int(line.split("\t")[0]) for line in listed}
    seed_id = next(i for t, i in ids.items() if t.startswith("Maroc"))
    clean_id = next(i for i in ids.values() if i != seed_id)
    return db_url, seed_id, clean_id


def test_cli_recheck_table_and_exit_code_1(cli_store: tuple[str, int, int]) -> None:
    db_url, seed_id, clean_id = cli_store
    result = run("recheck", db=db_url)
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["id", "kind", "claims"]
    assert [int(line.split()[0]) for line in lines[1:3]] == [seed_id, clean_id]
    assert "1 contradictions, 0 altered quotes." in result.stdout
    assert result.stderr.strip() == "re-checked 2 documents in " + result.stderr.split(" in ")[1].strip()


def test_cli_recheck_json_and_exit_code_0(cli_store: tuple[str, int, int]) -> None:
    db_url, seed_id, clean_id = cli_store
    result = run("recheck", "--document", str(clean_id), "--format", "json", db=db_url)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    (doc,) = out["documents"]
    assert doc["id"] == clean_id and doc["kind"] == "article"
    assert {k: doc[k] for k in ("added", "updated", "moved", "removed")} == dict.fromkeys(
        ("added", "updated", "moved", "removed"), 0)
    assert out["ready_to_publish"] is True and out["totals"]["documents"] == 1
    assert result.stderr.startswith("re-checked 1 document in ")
    seed = json.loads(run("recheck", "--document", str(seed_id), "--format", "json",
                          db=db_url).stdout)
    assert seed["totals"]["contradictions"] == 1 and seed["ready_to_publish"] is False
    since = run("recheck", "--since", "2099-01-01", "--format", "json", db=db_url)
    assert since.exit_code == 0 and json.loads(since.stdout)["documents"] == []


@pytest.mark.parametrize("args, message", [
    (["--document", "999"], "no document with id 999"),
    (["--since", "2025-13-01"], "is not a date"),
    (["--since", "yesterday"], "is not a date"),
])
def test_cli_recheck_bad_input_exits_2(cli_store: tuple[str, int, int], args: list[str],
                                       message: str) -> None:
    db_url, _, _ = cli_store
    result = run("recheck", *args, db=db_url)
    assert result.exit_code == 2 and message in result.output


def test_cli_recheck_of_a_source_exits_2(db_url: str) -> None:
    assert run("ingest", "--kind", "source", str(SOURCE), db=db_url).exit_code == 0
    result = run("recheck", "--document", "1", db=db_url)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: document 1 is a reference source")

