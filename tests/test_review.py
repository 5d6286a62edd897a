"""Verdicts and users on SQLite and PostgreSQL: roles, the verdict scale, optimistic locking with
a conflict that names who and when, and the claim, review and audit event written together."""
from __future__ import annotations

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from verifier.db import audit, users
from verifier.db import reviews as review
from verifier.db.models import VERDICTS, AuditEvent, Claim, Document, Review, User
from verifier.db.reviews import ReviewConflict, ReviewError, record_verdict
from verifier.db.store import Store
from verifier.db.users import PermissionDenied, UserError

from .conftest import TEST_PASSWORD, bootstrap_admin, token_env


def make_claim(store: Store, text: str = "« Nous n'avons jamais dit cela »", sha: str = "c" * 64) -> int:
    with store.write() as session:
        doc = session.exec(select(Document).where(Document.sha256 == sha)).first()
        if doc is None:
            doc = Document(sha256=sha, language="fr", text=text + " a déclaré Lavrov.", title="Article")
            session.add(doc)
            session.flush()
        claim = Claim(document_id=doc.id, kind="quote", start=0, end=len(text), text=text,
                      speaker="Lavrov", reference="Sergueï Lavrov", finding="partial")
        session.add(claim)
        session.flush()
        assert claim.id is not None
        return claim.id


def add_people(store: Store) -> None:
    for name, role in (("alice", "fact-checker"), ("bob", "fact-checker"), ("erin", "editor"),
                       ("audrey", "auditor"), ("ada", "admin")):
        users.add_user(store=store, name=name, role=role, actor="setup", trusted=True)


def events(store: Store, action: str | None = None) -> list[AuditEvent]:
    with store.read() as session:
        return list(audit.list_events(session, action=action))


def test_verdict_writes_claim_review_and_audit_event_together(store: Store) -> None:
    add_people(store)
    cid = make_claim(store)
    saved = record_verdict(store=store, claim_id=cid, verdict="mostly FALSE", note="Le mot est « jamais ».",
                           actor="alice", seen_version=1)
    assert saved.verdict == "Mostly false" and saved.version == 2
    with store.read() as session:
        claim = session.get(Claim, cid)
        assert claim is not None
        assert (claim.status, claim.verdict, claim.reviewed_by, claim.updated_by) == (
            "reviewed", "Mostly false", "alice", "alice")
        assert claim.note == "Le mot est « jamais »." and claim.reviewed_at is not None
        reviews = session.exec(select(Review).where(Review.claim_id == cid)).all()
        assert [(r.reviewer, r.verdict, r.claim_version) for r in reviews] == [("alice", "Mostly false", 2)]
        assert audit.verify_chain(session).ok
    ev = events(store, "verdict")[-1]
    assert ev.claim_id == cid and ev.actor == "alice"
    assert ev.old["verdict"] is None and ev.old["version"] == 1
    assert ev.new["verdict"] == "Mostly false" and ev.new["version"] == 2
    assert ev.new["note"] == "Le mot est « jamais »."


def test_every_verdict_of_the_scale_is_accepted(store: Store) -> None:
    add_people(store)
    cid = make_claim(store)
    version = 1
    for v in VERDICTS:
        version = record_verdict(store=store, claim_id=cid, verdict=v, note=None, actor="ada",
                                 seen_version=version).version  # type: ignore[assignment]
    assert version == 1 + len(VERDICTS)
    assert len(events(store, "verdict")) == len(VERDICTS)


def test_note_without_verdict_change_is_action_note(store: Store) -> None:
    add_people(store)
    cid = make_claim(store)
    record_verdict(store=store, claim_id=cid, verdict=None, note="à vérifier avec l'AFP", actor="bob",
                   seen_version=1)
    record_verdict(store=store, claim_id=cid, verdict="False", note=None, actor="bob", seen_version=2)
    record_verdict(store=store, claim_id=cid, verdict="False", note="confirmé", actor="alice", seen_version=3)
    assert [e.action for e in events(store) if e.claim_id == cid] == ["note", "verdict", "note"]
    with store.read() as session:
        claim = session.get(Claim, cid)
        assert claim is not None
        assert (claim.verdict, claim.note, claim.version) == ("False", "confirmé", 4)


@pytest.mark.parametrize("actor", ["erin", "audrey", "nobody"])
def test_refused_actors_write_nothing(store: Store, actor: str) -> None:
    add_people(store)
    cid = make_claim(store)
    before = len(events(store))
    with pytest.raises(PermissionDenied) as err:
        record_verdict(store=store, claim_id=cid, verdict="True", note="x", actor=actor, seen_version=1)
    assert actor in str(err.value)
    if actor == "nobody":
        assert "verifier users add nobody" in str(err.value)
    else:
        assert "only fact-checkers and admins" in str(err.value)
    with store.read() as session:
        claim = session.get(Claim, cid)
        assert claim is not None and claim.verdict is None and claim.version == 1
        assert session.exec(select(Review)).all() == []
    assert len(events(store)) == before


def test_inactive_user_may_not_review(store: Store) -> None:
    add_people(store)
    cid = make_claim(store)
    with store.write() as session:
        user = users.get_user(session, "alice")
        assert user is not None
        user.active = False
        session.add(user)
    with pytest.raises(PermissionDenied):
        record_verdict(store=store, claim_id=cid, verdict="True", note=None, actor="alice", seen_version=1)


@pytest.mark.parametrize("verdict", ["Pants on fire", "", "Truee"])
def test_unknown_verdict_is_refused(store: Store, verdict: str) -> None:
    add_people(store)
    cid = make_claim(store)
    with pytest.raises(ReviewError, match="unknown verdict"):
        record_verdict(store=store, claim_id=cid, verdict=verdict, note=None, actor="alice", seen_version=1)


def test_nothing_to_save_and_unknown_claim(store: Store) -> None:
    add_people(store)
    cid = make_claim(store)
    with pytest.raises(ReviewError, match="nothing to save"):
        record_verdict(store=store, claim_id=cid, verdict=None, note="  ", actor="alice", seen_version=1)
    with pytest.raises(review.ClaimNotFound):
        record_verdict(store=store, claim_id=cid + 999, verdict="True", note=None, actor="alice", seen_version=1)


def test_conflict_names_who_changed_it_and_when(store: Store) -> None:
    add_people(store)
    cid = make_claim(store)
    record_verdict(store=store, claim_id=cid, verdict="True", note=None, actor="alice", seen_version=1)
    record_verdict(store=store, claim_id=cid, verdict="Half true", note=None, actor="alice", seen_version=2)
    with pytest.raises(ReviewConflict) as err:  # bob loaded version 2 before alice's second save
        record_verdict(store=store, claim_id=cid, verdict="False", note="from bob", actor="bob", seen_version=2)
    msg = str(err.value)
    with store.read() as session:
        claim = session.get(Claim, cid)
    assert claim is not None and claim.updated_at is not None
    assert msg == (f"claim {cid} was changed by alice at "
                   f"{claim.updated_at.strftime('%Y-%m-%d %H:%M:%S')} UTC (version 3, you saw 2)")
    assert (err.value.current_version, err.value.seen_version, err.value.changed_by) == (3, 2, "alice")
    assert claim.verdict == "Half true" and claim.note is None
    # Bob re-reads and saves on the version he now sees.
    assert record_verdict(store=store, claim_id=cid, verdict="False", note="from bob", actor="bob",
                          seen_version=3).version == 4


def test_failed_audit_append_means_no_verdict(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    add_people(store)
    cid = make_claim(store)
    before = len(events(store))

    def broken_append(*args: object, **kwargs: object) -> None:
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(review.audit, "append", broken_append)
    with pytest.raises(RuntimeError, match="audit log unavailable"):
        record_verdict(store=store, claim_id=cid, verdict="False", note="x", actor="alice", seen_version=1)
    monkeypatch.undo()
    with store.read() as session:
        claim = session.get(Claim, cid)
        assert claim is not None
        assert (claim.verdict, claim.status, claim.version, claim.note) == (None, "unreviewed", 1, None)
        assert session.exec(select(Review)).all() == []
    assert len(events(store)) == before


# --- users ---------------------------------------------------------------------------------


def test_users_roles_and_passwords(store: Store) -> None:
    users.add_user(store=store, name="ada", role="admin", actor="boot", password="s3cret pass phrase")
    users.add_user(store=store, name="alice", role="fact-checker", email="alice@example.org",
                   password="s3cret pass phrase", actor="ada")
    with store.read() as session:
        hashes = [u.password_hash for u in session.exec(select(User).order_by(User.name)).all()]
    assert all(h and h.startswith("$argon2id$") for h in hashes)
    assert hashes[0] != hashes[1]  # same password, different salts
    assert "s3cret" not in "".join(hashes)  # type: ignore[arg-type]
    assert users.authenticate(store=store, name="alice", password="s3cret pass phrase").name == "alice"  # type: ignore[union-attr]
    assert users.authenticate(store=store, name="alice", password="wrong") is None
    assert users.authenticate(store=store, name="nobody", password="s3cret pass phrase") is None
    users.set_role(store=store, name="alice", role="auditor", actor="ada")
    assert not users.can_review("auditor") and not users.can_review("editor")
    assert users.can_review("fact-checker") and users.can_review("admin")
    acts = [(e.action, e.actor, e.old, e.new) for e in events(store) if e.action in ("user", "role")]
    assert acts[-1] == ("role", "ada", {"name": "alice", "role": "fact-checker"},
                        {"name": "alice", "role": "auditor"})
    assert [a[0] for a in acts] == ["user", "user", "role"]
    assert all("s3cret" not in str(a) for a in acts)


def test_user_input_is_checked(store: Store) -> None:
    users.add_user(store=store, name="ada", role="admin", actor="boot")
    with pytest.raises(UserError, match="unknown role"):
        users.add_user(store=store, name="x", role="chief", actor="ada")
    with pytest.raises(UserError, match="already exists"):
        users.add_user(store=store, name="ada", role="admin", actor="ada")
    with pytest.raises(UserError, match="bad user name"):
        users.add_user(store=store, name="a b", role="admin", actor="ada")
    with pytest.raises(UserError, match="e-mail"):
        users.add_user(store=store, name="eve", role="editor", email="nope", actor="ada")
    with pytest.raises(UserError, match="no user named"):
        users.set_role(store=store, name="ghost", role="admin", actor="ada")


def test_only_admins_manage_users_once_there_is_one(store: Store) -> None:
    users.add_user(store=store, name="alice", role="fact-checker", actor="boot")  # no admin yet
    users.add_user(store=store, name="ada", role="admin", actor="boot")
    with pytest.raises(PermissionDenied):
        users.add_user(store=store, name="mallory", role="admin", actor="alice")
    with pytest.raises(PermissionDenied):
        users.set_role(store=store, name="alice", role="admin", actor="alice")
    users.set_role(store=store, name="alice", role="editor", actor="ada")
    users.add_user(store=store, name="cli-made", role="auditor", actor="os-user", trusted=True)


# --- CLI -----------------------------------------------------------------------------------


def cli_app():  # type: ignore[no-untyped-def]
    import typer

    from verifier.cli.review import audit_app, register, users_app

    app = typer.Typer()
    register(app)
    app.add_typer(users_app, name="users")
    app.add_typer(audit_app, name="audit")
    return app


def test_cli_review_authenticates_the_reviewer_and_conflicts(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFIER_DATABASE_URL", store.url)
    monkeypatch.delenv("VERIFIER_TOKEN", raising=False)
    runner, app = CliRunner(), cli_app()
    cid = make_claim(store)
    bootstrap_admin(store)
    as_adam = ["--as", "adam", "--password-stdin"]
    res = runner.invoke(app, ["users", "add", "deskuser", "--role", "fact-checker", *as_adam,
                              "--new-password-stdin"],
                        input=f"{TEST_PASSWORD}\ndesk user's password\n")
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["review", str(cid), "--verdict", "False", "--note", "n"])
    assert res.exit_code == 2 and "authenticate" in res.output and "VERIFIER_TOKEN" in res.output
    res = runner.invoke(app, ["review", str(cid), "--verdict", "false", "--note", "n", "--as",
                              "deskuser", "--password-stdin"], input="desk user's password\n")
    assert res.exit_code == 0, res.output
    assert "version 2" in res.output
    desk_token = token_env(store, "deskuser", "review")
    res = runner.invoke(app, ["review", str(cid), "--verdict", "True", "--expect-version", "1"],
                        env=desk_token)
    assert res.exit_code == 3 and "changed by deskuser" in res.output and "you saw 1" in res.output
    res = runner.invoke(app, ["review", str(cid), "--verdict", "True", "--as", "ghost",
                              "--password-stdin"], input="anything at all\n")
    assert res.exit_code == 2 and "ghost" in res.output
    res = runner.invoke(app, ["users", "add", "ed", "--role", "editor", "--new-password-stdin"],
                        input="a quiet harbour 42\n", env=token_env(store, "adam", "admin"))
    assert res.exit_code == 0, res.output
    as_ed = ["--as", "ed", "--password-stdin"]
    res = runner.invoke(app, ["review", str(cid), "--verdict", "True", *as_ed],
                        input="a quiet harbour 42\n")
    assert res.exit_code == 2 and "only fact-checkers and admins" in res.output
    res = runner.invoke(app, ["review", str(cid), "--verdict", "Pants on fire"], env=desk_token)
    assert res.exit_code == 2 and "unknown verdict" in res.output
    res = runner.invoke(app, ["users", "role", "ed", "fact-checker", *as_adam],
                        input=TEST_PASSWORD + "\n")
    assert res.exit_code == 0
    res = runner.invoke(app, ["review", str(cid), "--verdict", "True", *as_ed],
                        input="a quiet harbour 42\n")
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["claims", "--format", "json"])
    assert '"verdict": "True"' in res.output and '"reviewed_by": "ed"' in res.output
    res = runner.invoke(app, ["claims", "--status", "reviewed"])
    assert res.exit_code == 0 and f"{cid}" in res.output
    assert users.authenticate(store=store, name="deskuser", password="desk user's password")
    res = runner.invoke(app, ["users", "list"])
    assert "deskuser" in res.output and "fact-checker" in res.output
    res = runner.invoke(app, ["audit", "log", "--claim", str(cid)])
    assert res.exit_code == 0 and "verdict: False -> True" in res.output
    assert f"cli/{audit.os_user()}" in res.output  # the channel and the OS user of each change


def test_every_cli_command_has_help_text() -> None:
    runner, app = CliRunner(), cli_app()
    for args in (["review"], ["claims"], ["export"], ["users", "add"], ["users", "list"],
                 ["users", "role"], ["users", "password"], ["audit", "verify"], ["audit", "log"]):
        res = runner.invoke(app, [*args, "--help"])
        assert res.exit_code == 0, args
        body = res.output.split("Options")[0]
        assert len(body.split("\n")) > 3, f"{args} has no help text"
