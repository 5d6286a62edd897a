"""The rules live in verifier.services, whatever the shell: each is tested through the CLI
(typer CliRunner on a real SQLite file and on PostgreSQL) and through the service itself."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlmodel import select

from verifier import services
from verifier.db.models import AuditEvent, Claim, Document, User
from verifier.db.store import Store

from .conftest import SEED, TEST_PASSWORD, bootstrap_admin, token_env
from .test_cli import run, snapshot

SOURCE = SEED.parent / "contract" / "source-moscou.txt"
OWNER = services.store_owner("os-user")
ADAM = services.Principal("adam", "admin", "cli")  # after bootstrap_admin
PACK = b"""pack: p
facts:
  - subject: Partenariat strategique approfondi
    predicate: event
    valid_from: 2016-03-15
    source: {title: MAP, url: https://www.mapexpress.ma/}
"""


def ui(name: str, role: str) -> services.Principal:
    return services.Principal(name, role, "ui")


def users_of(store: Store) -> dict[str, tuple[str, bool]]:
    with store.read() as s:
        return {u.name: (u.role, u.active) for u in s.exec(select(User)).all()}


# --- the last active admin -------------------------------------------------------------------


def test_cli_cannot_demote_or_deactivate_the_last_admin(db_url: str, store: Store) -> None:
    add = run("users", "add", "adam", "--role", "admin", "--new-password-stdin", db=db_url,
              input=TEST_PASSWORD + "\n")  # the first admin: no credentials yet
    assert add.exit_code == 0, add.output
    as_adam = ("--as", "adam", "--password-stdin")
    assert run("users", "add", "fatima", "--role", "fact-checker", *as_adam, db=db_url,
               input=TEST_PASSWORD + "\n").exit_code == 0
    before = snapshot(db_url)
    for args in (("users", "role", "adam", "editor"), ("users", "deactivate", "adam")):
        res = run(*args, *as_adam, db=db_url, input=TEST_PASSWORD + "\n")
        assert res.exit_code == 2, res.output
        assert res.stderr.startswith("error: ") and len(res.stderr.strip().splitlines()) == 1
        assert "yourself" in res.stderr
        assert snapshot(db_url) == before  # nothing changed, nothing audited
    # With a second admin, the first may go (another admin acts).
    assert run("users", "role", "fatima", "admin", *as_adam, db=db_url,
               input=TEST_PASSWORD + "\n").exit_code == 0
    as_fatima = token_env(db_url, "fatima", "admin")
    res = run("users", "role", "adam", "editor", db=db_url, env=as_fatima)
    assert res.exit_code == 0 and "adam is now editor" in res.stdout
    assert run("users", "deactivate", "fatima", db=db_url, env=as_fatima).exit_code == 2
    assert run("users", "deactivate", "adam", db=db_url, env=as_fatima).exit_code == 0
    assert run("users", "activate", "adam", db=db_url, env=as_fatima).exit_code == 0
    assert users_of(store) == {"adam": ("editor", True), "fatima": ("admin", True)}


def test_service_keeps_an_active_admin(store: Store) -> None:
    bootstrap_admin(store)
    services.users.add_user(ADAM, "ada", "auditor", db=store)
    for who in (ADAM, OWNER):  # the store owner changes no user once the store has users
        with pytest.raises(services.PermissionDenied):
            services.users.set_role(who, "adam", "auditor", db=store)
        with pytest.raises(services.PermissionDenied):
            services.users.set_active(who, "adam", False, db=store)
    # An admin may not demote nor deactivate themself, even with another admin.
    services.users.set_role(ui("adam", "admin"), "ada", "admin", db=store)
    with pytest.raises(services.PermissionDenied, match="from yourself"):
        services.users.set_role(ui("adam", "admin"), "adam", "editor", db=store)
    with pytest.raises(services.PermissionDenied, match="yourself"):
        services.users.set_active(ui("adam", "admin"), "adam", False, db=store)
    services.users.set_active(ui("ada", "admin"), "adam", False, db=store)
    assert users_of(store) == {"adam": ("admin", False), "ada": ("admin", True)}
    with store.read() as s:
        actions = [e.action for e in s.exec(select(AuditEvent)).all()]
    assert actions == ["user", "user", "role", "active"]


def test_two_admins_demoting_each_other_keep_one(store: Store) -> None:
    """The last-admin rule (LastAdmin, checked in the write transaction) is what stops two
    admins taking the role from each other: here the second change comes when the first made
    its target the last admin."""
    bootstrap_admin(store)
    services.users.add_user(ADAM, "alba", "admin", db=store)
    services.users.set_role(ui("alba", "admin"), "adam", "editor", db=store)
    with pytest.raises(services.PermissionDenied):  # adam is no admin any more
        services.users.set_role(ui("adam", "admin"), "alba", "editor", db=store)
    from verifier.db import users as db_users

    with pytest.raises(services.LastAdmin):  # even a caller the database trusts
        db_users.set_role(store=store, name="alba", role="editor", actor="x", trusted=True,
                          keep_admin=True)


def test_a_deactivated_admin_does_not_count(store: Store) -> None:
    """Through the services the last active admin could only demote themself (refused first):
    the database layer's rule is what holds for any caller."""
    from verifier.db import users as db_users

    bootstrap_admin(store)
    services.users.add_user(ADAM, "alba", "admin", db=store)
    services.users.set_active(ADAM, "alba", False, db=store)
    with pytest.raises(services.LastAdmin):
        db_users.set_role(store=store, name="adam", role="editor", actor="x", trusted=True,
                          keep_admin=True)


# --- admins manage users, sources, packs, precedents; auditors and admins export -------------


def test_only_admins_manage_users_through_the_services(store: Store) -> None:
    bootstrap_admin(store)
    services.users.add_user(ADAM, "fatima", "fact-checker", db=store)
    for who in (ui("fatima", "fact-checker"), ui("fatima", "admin")):  # the stored role wins
        with pytest.raises(services.PermissionDenied):
            services.users.add_user(who, "mallory", "admin", db=store)
        with pytest.raises(services.PermissionDenied):
            services.users.set_role(who, "fatima", "admin", db=store)
        with pytest.raises(services.PermissionDenied):
            services.users.list_users(who, db=store)
    services.users.add_user(ui("adam", "admin"), "eddie", "editor", db=store)
    assert set(users_of(store)) == {"adam", "fatima", "eddie"}


@pytest.mark.parametrize("role", ["fact-checker", "editor", "auditor"])
def test_only_admins_add_sources_packs_and_precedents(store: Store, role: str,
                                                      tmp_path: Path) -> None:
    bootstrap_admin(store)
    services.users.add_user(ADAM, "x", role, db=store)
    who = ui("x", role)
    tsv = tmp_path / "p.tsv"
    tsv.write_text("id\tclaim\ttitle\tverdict\turl\tdate\n1\tLa Tour Eiffel mesure 500 mètres\t"
                   "t\tFalse\thttps://example.org/1\t2023-01-01\n", encoding="utf-8")
    with pytest.raises(services.PermissionDenied):
        services.sources.add_source(who, SOURCE, db=store)
    with pytest.raises(services.PermissionDenied):
        services.ingest_document(who, SOURCE, kind="source", db=store)
    with pytest.raises(services.PermissionDenied):
        services.sources.import_pack(who, PACK, name="p", fmt="yaml", db=store)
    with pytest.raises(services.PermissionDenied):
        services.sources.import_precedents(who, tsv, embed=False, db=store)
    with store.read() as s:
        assert s.exec(select(Document)).first() is None


def test_admins_add_sources_and_the_cli_owner_only_before_the_first_user(
        db_url: str, store: Store) -> None:
    cli = run("ingest", "--kind", "source", str(SOURCE), db=db_url)  # a store without users
    assert cli.exit_code == 0 and "\tsource\t" in cli.stdout
    bootstrap_admin(store)
    res = services.sources.add_source(ui("adam", "admin"), SEED, db=store)
    assert res.created and res.document.kind == "source" and res.document.created_by == "adam"
    other = SEED.parent / "match" / "transcript-fr.txt"
    before = snapshot(db_url)
    cli = run("ingest", "--kind", "source", str(other), db=db_url)
    assert cli.exit_code == 2 and "authenticate" in cli.stderr
    with pytest.raises(services.PermissionDenied):
        services.sources.add_source(OWNER, other, db=store)
    assert snapshot(db_url) == before
    cli = run("ingest", "--kind", "source", str(other), db=db_url,
              env=token_env(db_url, "adam", "admin"))
    assert cli.exit_code == 0 and "\tsource\t" in cli.stdout


@pytest.mark.parametrize("role, allowed", [("auditor", True), ("admin", True),
                                           ("fact-checker", False), ("editor", False)])
def test_exports_and_the_audit_log_are_for_auditors_and_admins(store: Store, role: str,
                                                               allowed: bool) -> None:
    import io

    bootstrap_admin(store, "root-admin")
    services.users.add_user(services.Principal("root-admin", "admin", "cli"), "x", role, db=store)
    who = ui("x", role)
    calls = [lambda: services.exports.export(who, "csv", io.BytesIO(), db=store),
             lambda: services.audit.verify(who, db=store),
             lambda: services.audit.events(who, db=store)]
    for call in calls:
        if allowed:
            call()
        else:
            with pytest.raises(services.PermissionDenied):
                call()


def test_reviews_need_a_stored_reviewer_even_from_the_cli(db_url: str, store: Store) -> None:
    bootstrap_admin(store)
    services.users.add_user(ADAM, "fatima", "fact-checker", password=TEST_PASSWORD, db=store)
    services.ingest_document(OWNER, SEED, db=store)
    with store.read() as s:
        cid = s.exec(select(Claim.id)).first()
    # Verdicts are signed by a person: never by the CLI's store owner.
    with pytest.raises(services.PermissionDenied):
        services.review.record_verdict(OWNER, cid, verdict="True", note=None, db=store)
    with pytest.raises(services.PermissionDenied):
        services.review.record_verdict(ui("ada", "admin"), cid, verdict="True", note=None,
                                       db=store)  # not a stored user
    saved = services.review.record_verdict(services.Principal("fatima", "fact-checker", "cli"),
                                           cid, verdict="true", note=None, db=store)
    assert (saved.verdict, saved.reviewed_by) == ("True", "fatima")
    res = run("review", str(cid), "--verdict", "False", "--as", "fatima", "--password-stdin",
              db=db_url, input=TEST_PASSWORD + "\n")
    assert res.exit_code == 0 and "by fatima, version 3" in res.stdout


# --- extract and check --dry-run open no database ---------------------------------------------


def test_extract_and_dry_run_leave_no_file_behind(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VERIFIER_DATABASE_URL", raising=False)
    assert run("extract", str(SEED)).exit_code == 0
    res = run("check", str(SEED), "--dry-run", "--format", "json", "--source", str(SOURCE))
    assert res.exit_code == 1
    out = json.loads(res.stdout)
    assert out["document"]["knowledge_base"].startswith("the bundled demo pack")
    huit = next(c for c in out["claims"] if c["text"] == "huit ans")
    assert huit["finding"] == "contradicted"
    assert any(c.get("fidelity") == "altered" for c in out["claims"])
    assert os.listdir(tmp_path) == []


def test_dry_run_reads_an_existing_store_without_changing_it(db_url: str) -> None:
    assert run("demo", db=db_url).exit_code == 0
    before = snapshot(db_url)
    res = run("check", str(SEED), "--dry-run", "--format", "json", "--source", str(SOURCE),
              db=db_url)
    assert res.exit_code == 1
    assert "facts in the store" in json.loads(res.stdout)["document"]["knowledge_base"]
    assert snapshot(db_url) == before


def test_dry_run_on_a_postgres_schema_without_tables_creates_none(db_url: str) -> None:
    res = run("check", str(SEED), "--dry-run", "--format", "json", db=db_url)
    assert res.exit_code == 1
    assert json.loads(res.stdout)["document"]["knowledge_base"].startswith("the bundled demo")
    if db_url.startswith("sqlite:///"):
        assert not Path(db_url.removeprefix("sqlite:///")).exists()
    else:
        from sqlalchemy import create_engine, inspect

        from verifier.db.store import normalise_url
        engine = create_engine(normalise_url(db_url))
        try:
            with engine.connect() as conn:
                assert not inspect(conn).get_table_names()
        finally:
            engine.dispose()


# --- the shells import only the services ------------------------------------------------------


def test_shells_import_only_the_services() -> None:
    import ast

    root = Path(__file__).parents[1] / "verifier"
    forbidden = ("verifier.db", "verifier.ingest", "verifier.extract", "verifier.check",
                 "verifier.reference", "verifier.report", "sqlmodel", "sqlalchemy")
    for path in [*(root / "cli").rglob("*.py"), *(root / "ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not name.startswith(forbidden), f"{path}: imports {name}"


def test_password_reset_through_the_cli_and_the_services(db_url: str, store: Store) -> None:
    """`verifier users password NAME` sets a password the browser accepts, by NAME themself
    (after their current password) or an admin; a fact-checker may not reset someone else's;
    the audit event holds no secret."""
    bootstrap_admin(store)
    services.users.add_user(ADAM, "fatima", "fact-checker", db=store)
    res = run("users", "password", "fatima", "--as", "adam", "--password-stdin", db=db_url,
              input=f"{TEST_PASSWORD}\na new long secret\n")
    assert res.exit_code == 0 and "password of fatima set" in res.stdout
    assert services.users.authenticate("fatima", "a new long secret", db=store) is not None
    own = run("users", "password", "fatima", "--password-stdin", db=db_url,
              input="a new long secret\nmy own new secret\n")  # default: fatima herself
    assert own.exit_code == 0, own.output
    assert services.users.authenticate("fatima", "my own new secret", db=store) is not None
    empty = run("users", "password", "fatima", "--as", "adam", "--password-stdin", db=db_url,
                input=f"{TEST_PASSWORD}\n\n")
    assert empty.exit_code == 2
    with pytest.raises(services.PermissionDenied):
        services.users.set_password(ui("fatima", "fact-checker"), "adam", "taken over completely", db=store)
    with pytest.raises(services.PermissionDenied):  # nor the store owner, once there are users
        services.users.set_password(OWNER, "adam", "taken over completely", db=store)
    services.users.set_password(ui("fatima", "fact-checker"), "fatima", "my own secret", db=store)
    assert services.users.authenticate("fatima", "my own secret", db=store) is not None
    with store.read() as s:
        events = [e for e in s.exec(select(AuditEvent)).all() if e.action == "password"]
    assert len(events) == 3 and "secret" not in json.dumps([e.new for e in events])


@pytest.mark.parametrize(("password", "why"), [
    ("short-one", "too short"), ("password1234", "most common"), ("aaaaaaaaaaaaaaa", "most common"),
    ("fatima-is-the-best", "contains the user name")])
def test_password_policy_in_every_shell(db_url: str, store: Store, password: str, why: str) -> None:
    bootstrap_admin(store)
    services.users.add_user(ADAM, "fatima", "fact-checker", db=store)
    res = run("users", "password", "fatima", db=db_url, input=password + "\n",
              env=token_env(db_url, "adam", "admin"))
    assert res.exit_code == 2 and why in res.output
    with pytest.raises(services.UserError, match=why):
        services.users.add_user(ADAM, "frida", "editor", password=password.replace("fatima", "frida"),
                                db=store)
    with pytest.raises(services.UserError, match="another user has the e-mail address"):
        services.users.add_user(ADAM, "eve", "editor", email="Shared@example.org", db=store)
        services.users.add_user(ADAM, "eva", "editor", email="shared@example.org", db=store)
