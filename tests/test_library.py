"""Stored reference sources reach every check (issue 11): `verifier ingest --kind source`, then
`check`, `ingest`, `check --dry-run`, the editor's draft check, all without `--source`, through
the real CLI and services on SQLite and PostgreSQL.

source-moscou.txt (tests/data/contract, written for the tests) holds Bourita's quote with
"fiable" where the seed says "digne de confiance", one of Lavrov's word for word, and one that
the seed gives to "un diplomate marocain" but that Lavrov says (a misattribution)."""
from __future__ import annotations

import json

import pytest
from sqlmodel import func, select

from verifier import services
from verifier.db.models import Claim, Document
from verifier.db.store import open_store
from verifier.services import Principal

from .conftest import SEED, bootstrap_admin
from .test_cli import run

SOURCE = SEED.parent / "contract" / "source-moscou.txt"
BOURITA = "Nous considérons la Russie comme un partenaire proche et cher"
LAVROV = "Nous accordons une attention toute spéciale à ce dialogue"
DIPLOMAT = "Nous voulons que ce partenariat soit un modèle de coopération Sud-Nord"


def quote(out: dict, start: str) -> dict:
    found = [c for c in out["claims"] if c["kind"] == "quote" and c["text"].startswith(start)]
    assert len(found) == 1, [c["text"][:40] for c in out["claims"] if c["kind"] == "quote"]
    return found[0]


def check_json(db_url: str, *args: str) -> tuple[dict, int]:
    result = run("check", str(SEED), "--format", "json", *args, db=db_url)
    return json.loads(result.stdout), result.exit_code


def test_stored_source_reaches_check_without_source_option(db_url: str) -> None:
    assert run("ingest", str(SOURCE), "--kind", "source", db=db_url).exit_code == 0
    out, code = check_json(db_url)
    assert code == 1 and out["ready_to_publish"] is False
    altered = quote(out, BOURITA)
    assert (altered["finding"], altered["fidelity"]) == ("contradicted", "altered")
    ev = altered["evidence"][0]
    assert ev["kind"] == "passage" and ev["class"] == "altered"
    assert ["-", "fiable"] in ev["diff"] and ["+", "digne de confiance"] in ev["diff"]
    assert ev["source_title"] == "source-moscou.txt" and ev["speaker"] == "M. BOURITA"
    assert isinstance(ev["passage_id"], int) and isinstance(ev["source_document_id"], int)
    text = SOURCE.read_text(encoding="utf-8")
    assert text[ev["start"]:ev["end"]].startswith(BOURITA)  # offsets into the stored source
    verbatim = quote(out, LAVROV)
    assert (verbatim["finding"], verbatim["evidence"][0]["class"]) == ("consistent", "verbatim")
    # The table says it too, with the changed words.
    table = run("check", str(SEED), db=db_url)
    assert table.exit_code == 1 and "fiable / digne de confiance" in table.stdout
    assert [s["origin"] for s in out["sources"]] == ["library"]
    assert out["sources"][0]["title"] == "source-moscou.txt"


def test_misattributed_quote_from_the_library(db_url: str) -> None:
    assert run("ingest", str(SOURCE), "--kind", "source", db=db_url).exit_code == 0
    out, _ = check_json(db_url)
    wrong = quote(out, DIPLOMAT)
    assert wrong["finding"] == "contradicted" and wrong["speaker"].startswith("un diplomate marocain")
    assert "Misattributed" in wrong["explanation"] and "LAVROV" in wrong["explanation"]
    assert wrong["evidence"][0]["misattributed"] is True


def test_check_again_keeps_every_claim_id(db_url: str) -> None:
    assert run("ingest", str(SOURCE), "--kind", "source", db=db_url).exit_code == 0
    check_json(db_url)
    store = open_store(db_url)
    with store.read() as s:
        before = {(c.kind, c.start, c.end): c.id for c in s.exec(select(Claim)).all()}
    check_json(db_url)
    with store.read() as s:
        after = {(c.kind, c.start, c.end): c.id for c in s.exec(select(Claim)).all()}
    assert before == after and len(before) > 10


def test_dry_run_uses_stored_sources_and_stores_nothing(db_url: str) -> None:
    assert run("ingest", str(SOURCE), "--kind", "source", db=db_url).exit_code == 0
    store = open_store(db_url)
    with store.read() as s:
        counts = (s.exec(select(func.count()).select_from(Document)).one(),
                  s.exec(select(func.count()).select_from(Claim)).one())
    out, code = check_json(db_url, "--dry-run")
    assert code == 1 and quote(out, BOURITA)["fidelity"] == "altered"
    with store.read() as s:
        assert (s.exec(select(func.count()).select_from(Document)).one(),
                s.exec(select(func.count()).select_from(Claim)).one()) == counts


def test_ingested_article_is_checked_against_the_library(db_url: str) -> None:
    assert run("ingest", str(SOURCE), "--kind", "source", db=db_url).exit_code == 0
    assert run("ingest", str(SEED), db=db_url).exit_code == 0
    store = open_store(db_url)
    with store.read() as s:
        claim = s.exec(select(Claim).where(Claim.text.startswith(BOURITA))).one()  # type: ignore[attr-defined]
    assert (claim.finding, claim.attrs and claim.attrs.get("fidelity")) == ("contradicted", "altered")


def test_given_source_on_top_of_the_library(db_url: str, tmp_path) -> None:
    """`--source FILE` adds to the library: the seed's "la fin du mois" transcript is given, the
    Moscow statements come from the library; each quote takes its best alignment."""
    assert run("ingest", str(SOURCE), "--kind", "source", db=db_url).exit_code == 0
    extra = tmp_path / "communique.txt"
    extra.write_text("Communiqué. M. LAVROV : Ces échanges prennent une dimension particulière "
                     "cette année.\n\nM. BOURITA : Merci.\n", encoding="utf-8")
    out, _ = check_json(db_url, "--source", str(extra))
    assert quote(out, BOURITA)["fidelity"] == "altered"  # from the library
    given = quote(out, "ces échanges prennent")
    assert given["finding"] == "consistent"
    assert given["evidence"][0]["source_title"] == "communique.txt"
    assert {s["origin"] for s in out["sources"]} == {"given", "library"}


def test_nothing_in_the_library_says_so(db_url: str) -> None:
    assert run("ingest", str(SOURCE), "--kind", "source", db=db_url).exit_code == 0
    out, _ = check_json(db_url)
    lost = quote(out, "ces échanges prennent")
    assert lost["finding"] == "no_evidence"
    assert "reference source" in lost["explanation"] and "library" in lost["explanation"]


def test_editor_draft_with_library_and_attached_source(store) -> None:
    services.users.add_user(bootstrap_admin(store), "eve", "editor", db=store)
    admin, editor = Principal("adam", "admin", "ui"), Principal("eve", "editor", "ui")
    draft = SEED.read_bytes()
    empty = services.check_draft(editor, draft, name="draft.txt", db=store)
    assert quote(empty.report.to_json(), BOURITA)["finding"] == "no_evidence"
    attached = services.check_draft(editor, draft, name="draft.txt", db=store,
                                    sources=[(SOURCE.read_bytes(), "moscou.txt")])
    got = quote(attached.report.to_json(), BOURITA)
    assert got["fidelity"] == "altered" and got["evidence"][0]["source_title"] == "moscou.txt"
    assert attached.report.to_json()["ready_to_publish"] is False
    with store.read() as s:  # attached, not stored
        assert s.exec(select(func.count()).select_from(Document)).one() == 0
    services.ingest_document(admin, SOURCE.read_bytes(), name="moscou.txt", kind="source",
                             db=store)
    lib = services.check_draft(editor, draft, name="draft.txt", db=store)
    got = quote(lib.report.to_json(), BOURITA)
    assert got["fidelity"] == "altered" and got["evidence"][0]["source_document_id"]
    with pytest.raises(services.PermissionDenied):  # editors do not add to the library
        services.ingest_document(editor, b"M. X : y z.", name="x.txt", kind="source", db=store)


def test_article_stored_before_the_source_is_found_altered_by_recheck(db_url: str) -> None:
    """The CLI scenario of issue 11: an article ingested when the library was empty; the
    transcript arrives; `verifier recheck` finds the altered quote (exit 1), same claim id."""
    assert run("ingest", str(SEED), db=db_url).exit_code == 0
    store = open_store(db_url)
    with store.read() as s:
        before = s.exec(select(Claim).where(Claim.text.startswith(BOURITA))).one()  # type: ignore[attr-defined]
    assert before.finding == "no_evidence"
    assert run("ingest", str(SOURCE), "--kind", "source", db=db_url).exit_code == 0
    res = run("recheck", "--format", "json", db=db_url)
    assert res.exit_code == 1, res.output
    report = json.loads(res.stdout)
    assert json.dumps(report).count("altered") >= 1
    with store.read() as s:
        after = s.get(Claim, before.id)
    assert after is not None and after.finding == "contradicted"
    assert (after.attrs or {}).get("fidelity") == "altered"
