"""The CLI authenticates whoever changes users, tokens, sources, facts, precedents or verdicts, or
exports (VERIFIER_TOKEN, or the password on standard input; docs/decisions.md §23); every audit
event records the channel and the operating-system user; per-user tokens are made by their user,
shown once, stored hashed, scoped, expiring and revocable. On SQLite and PostgreSQL."""
from __future__ import annotations

import hashlib
import inspect
import json
import os
import pwd
import select as select_module
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import col, select

from verifier import services
from verifier.db import audit
from verifier.db.models import ApiToken, AuditEvent, Claim, utcnow
from verifier.db.store import Store

from .conftest import SEED, TEST_PASSWORD, bootstrap_admin, token_env
from .test_cli import run, snapshot

ROOT = Path(__file__).parents[1]
SOURCE = SEED.parent / "contract" / "source-moscou.txt"
PACK = SEED.parent / "facts" / "small.yaml"
PRECEDENTS = SEED.parent / "match" / "claimreview.jsonld"
ADAM = services.Principal("adam", "admin", "cli")
FATIMA_PASSWORD = "she checks every date"
REAL_OS_USER = pwd.getpwuid(os.geteuid()).pw_name


def people(store: Store) -> int:
    """adam (admin, TEST_PASSWORD), fatima (fact-checker, FATIMA_PASSWORD), eddie (editor),
    audrey (auditor), and the seed article stored; returns the id of its "huit ans" claim."""
    services.ingest_document(services.store_owner(), SEED, db=store)  # before any user
    bootstrap_admin(store)
    services.users.add_user(ADAM, "fatima", "fact-checker", password=FATIMA_PASSWORD, db=store)
    services.users.add_user(ADAM, "eddie", "editor", password="edits the drafts twice", db=store)
    services.users.add_user(ADAM, "audrey", "auditor", password="reads the whole log", db=store)
    with store.read() as s:
        return int(s.exec(select(Claim.id).where(Claim.text == "huit ans")).one())


def last_event(store: Store) -> AuditEvent:
    with store.read() as s:
        ev = s.exec(select(AuditEvent).order_by(col(AuditEvent.seq).desc())).first()
    assert ev is not None
    return ev


def one_line_refusal(res: object) -> str:
    assert res.exit_code == 2, res.output  # type: ignore[attr-defined]
    err = res.stderr.strip()  # type: ignore[attr-defined]
    assert err.startswith("error: ") and len(err.splitlines()) == 1, err
    return err


# --- review --as NAME needs NAME's credentials ------------------------------------------------


def test_review_as_someone_without_their_credentials_changes_nothing(db_url: str,
                                                                      store: Store) -> None:
    cid = people(store)
    expired = token_env(db_url, "fatima", "review")
    with store.write() as s:  # this token expired yesterday
        s.execute(text("UPDATE apitoken SET expires_at = :t"), {"t": utcnow() - timedelta(days=1)})
    revoked = token_env(db_url, "fatima", "review")
    services.tokens.revoke_token(ADAM, max(t.id for t in services.tokens.list_tokens(ADAM, db=store)),
                                 db=store)
    narrow = token_env(db_url, "fatima", "check")  # her token, but not for verdicts
    adams = token_env(db_url, "adam", "admin")  # a valid token, of someone else
    before = snapshot(db_url)
    attempts = {
        "no credentials": ({}, None),
        "wrong password": ({}, "not her password\n"),
        "empty password": ({}, "\n"),
        "expired token": (expired, None),
        "revoked token": (revoked, None),
        "check-scope token": (narrow, None),
        "another user's token": (adams, None),
        "not a token": ({"VERIFIER_TOKEN": "fatima"}, None),
    }
    messages = {}
    for why, (env, stdin) in attempts.items():
        args = ["review", str(cid), "--verdict", "True", "--as", "fatima"]
        if stdin is not None:
            args.append("--password-stdin")
        messages[why] = one_line_refusal(run(*args, db=db_url, env=env, input=stdin))
        assert snapshot(db_url) == before, why  # nothing changed, nothing audited
    assert "authenticate" in messages["no credentials"]
    assert "wrong password for fatima" in messages["wrong password"]
    assert "expired" in messages["expired token"] and "revoked" in messages["revoked token"]
    assert "scope is check" in messages["check-scope token"]
    assert "token of adam, not of fatima" in messages["another user's token"]
    # Her own password, or her token of scope review: the verdict is hers, and the event says
    # through which channel and under which operating-system account it came.
    res = run("review", str(cid), "--verdict", "False", "--as", "fatima", "--password-stdin",
              db=db_url, input=FATIMA_PASSWORD + "\n")
    assert res.exit_code == 0 and "by fatima, version 2" in res.stdout
    ev = last_event(store)
    assert (ev.action, ev.actor, ev.channel, ev.os_user, ev.chain_version) == (
        "verdict", "fatima", "cli", REAL_OS_USER, 2)
    res = run("review", str(cid), "--note", "neuf ans", db=db_url,
              env=token_env(db_url, "fatima", "review"))  # --as defaults to the token's user
    assert res.exit_code == 0 and "by fatima, version 3" in res.stdout


def test_a_password_is_never_a_command_line_argument() -> None:
    for args in (["review", "1", "--password", "x"], ["review", "1", "--password=x"],
                 ["users", "add", "x", "--role", "admin", "--password", "y"]):
        res = run(*args)
        assert res.exit_code == 2 and "No such option" in res.output


def test_a_token_acts_within_the_role_stored_now(db_url: str, store: Store) -> None:
    cid = people(store)
    env = token_env(db_url, "fatima", "review")
    services.users.set_role(ADAM, "fatima", "editor", db=store)  # no longer a reviewer
    err = one_line_refusal(run("review", str(cid), "--verdict", "True", db=db_url, env=env))
    assert "only fact-checkers and admins" in err
    services.users.set_active(ADAM, "fatima", False, db=store)
    assert "inactive" in one_line_refusal(run("review", str(cid), "--verdict", "True",
                                              db=db_url, env=env))


# --- the prompt on a terminal -----------------------------------------------------------------


def _read_until(fd: int, marker: bytes, timeout: float = 60.0) -> bytes:
    out, end = b"", time.monotonic() + timeout
    while marker not in out and time.monotonic() < end:
        ready, _, _ = select_module.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
    return out


def test_on_a_terminal_the_password_is_prompted_for_without_echo(tmp_path: Path) -> None:
    """In a real pseudo-terminal: `review --as fatima` asks for fatima's password, the typed
    password is not echoed, and the verdict is saved as hers."""
    import pty

    url = f"sqlite:///{tmp_path / 'claims.db'}"
    from verifier.db.store import open_store

    store = open_store(url)
    cid = people(store)
    env = {k: v for k, v in os.environ.items() if k != "VERIFIER_TOKEN"}
    env |= {"VERIFIER_DATABASE_URL": url, "PYTHONPATH": str(ROOT), "TERM": "dumb"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the CLI with the terminal as its standard input
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "verifier.cli", "review", str(cid),
                                   "--verdict", "False", "--as", "fatima"], env)
    try:
        prompt = _read_until(fd, b"password for fatima: ")
        assert b"password for fatima: " in prompt, prompt
        os.write(fd, FATIMA_PASSWORD.encode() + b"\n")
        rest = _read_until(fd, b"version 2")
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, rest
    assert b"claim %d: False by fatima, version 2" % cid in rest
    assert FATIMA_PASSWORD.encode() not in prompt + rest  # typed, never shown


# --- what needs credentials once the store has users, and what does not ----------------------

NEEDS_CREDENTIALS = {
    "review": ["review", "{cid}", "--verdict", "True"],
    "users add": ["users", "add", "mallory", "--role", "admin"],
    "users role": ["users", "role", "fatima", "admin"],
    "users deactivate": ["users", "deactivate", "adam"],
    "users activate": ["users", "activate", "fatima"],
    "users password": ["users", "password", "adam"],
    "tokens create": ["tokens", "create", "adam", "--scope", "admin"],
    "tokens revoke": ["tokens", "revoke", "1"],
    "facts import": ["facts", "import", str(PACK)],
    "precedents import": ["precedents", "import", str(PRECEDENTS), "--no-embed"],
    "ingest --kind source": ["ingest", "--kind", "source", str(SOURCE)],
    "check --source": ["check", str(SEED), "--source", str(SOURCE)],
    "export": ["export", "--format", "csv"],
    "demo": ["demo"],
}


@pytest.mark.parametrize("command", sorted(NEEDS_CREDENTIALS))
def test_changes_need_credentials_once_the_store_has_users(db_url: str, store: Store,
                                                           command: str) -> None:
    cid = people(store)
    services.tokens.create_token(ADAM, "adam", "admin", db=store)  # token 1, to revoke
    before = snapshot(db_url)
    args = [a.format(cid=cid) for a in NEEDS_CREDENTIALS[command]]
    res = run(*args, db=db_url, input="a new password, but not mine\n")
    err = one_line_refusal(res)
    assert "authenticate" in err or "password" in err, err
    assert snapshot(db_url) == before


READS = {
    "list": ["list"], "show": ["show", "1"], "claims": ["claims"], "audit verify": ["audit", "verify"],
    "audit head": ["audit", "head"], "audit log": ["audit", "log"], "facts list": ["facts", "list"],
    "users list": ["users", "list"], "tokens list": ["tokens", "list"],
    "precedents search": ["precedents", "search", "Le ministre a menti"],
    "check --dry-run": ["check", str(SEED), "--dry-run", "--source", str(SOURCE)],
}


def test_reads_and_checks_need_no_credentials(db_url: str, store: Store) -> None:
    """The operating-system user may read what the store holds (they can open the database
    anyway) and check and store articles and drafts; those checks are audited under their
    name, channel cli."""
    people(store)
    before = snapshot(db_url)
    for name, args in READS.items():
        res = run(*args, db=db_url)
        assert res.exit_code in (0, 1), (name, res.output)
    assert snapshot(db_url) == before
    res = run("check", str(SOURCE), "--kind", "draft", db=db_url)
    assert res.exit_code in (0, 1), res.output
    assert run("recheck", db=db_url).exit_code in (0, 1)
    ev = last_event(store)
    assert (ev.actor, ev.channel, ev.os_user) == (f"os:{REAL_OS_USER}", "cli", REAL_OS_USER)


def test_with_a_token_a_check_is_the_token_users_and_the_scope_holds(db_url: str,
                                                                     store: Store) -> None:
    people(store)
    res = run("check", str(SOURCE), "--kind", "draft", db=db_url,
              env=token_env(db_url, "eddie", "check"))
    assert res.exit_code in (0, 1), res.output
    assert (last_event(store).actor, last_event(store).channel) == ("eddie", "cli")
    audit_token = token_env(db_url, "audrey", "audit")
    before = snapshot(db_url)
    err = one_line_refusal(run("check", str(SEED), "--kind", "draft", db=db_url, env=audit_token))
    assert "scope is audit" in err
    assert snapshot(db_url) == before
    res = run("export", "--format", "json", db=db_url, env=audit_token)
    assert res.exit_code == 0 and last_event(store).actor == "audrey"


# --- the bootstrap: an empty store, the first admin, the demo --------------------------------


def test_the_first_admin_needs_no_credentials_and_the_second_user_does(db_url: str,
                                                                       store: Store) -> None:
    hint = one_line_refusal(run("users", "add", "adam", "--role", "admin", "--password-stdin",
                                db=db_url, input=TEST_PASSWORD + "\n"))
    assert "--new-password-stdin" in hint  # nobody can authenticate yet
    nobody = one_line_refusal(run("users", "add", "adam", "--role", "admin", db=db_url))
    assert "nobody can act as" in nobody
    res = run("users", "add", "adam", "--role", "admin", "--new-password-stdin", db=db_url,
              input=TEST_PASSWORD + "\n")
    assert res.exit_code == 0 and "added adam (admin)" in res.stdout
    ev = last_event(store)
    assert (ev.action, ev.actor, ev.channel, ev.os_user) == (
        "user", f"os:{REAL_OS_USER}", "cli", REAL_OS_USER)  # "os:": no user could be named so
    before = snapshot(db_url)
    one_line_refusal(run("users", "add", "eve", "--role", "admin", db=db_url))
    assert snapshot(db_url) == before
    res = run("users", "add", "eve", "--role", "editor", "--as", "adam", "--password-stdin",
              db=db_url, input=TEST_PASSWORD + "\n")
    assert res.exit_code == 0 and last_event(store).actor == "adam"


def test_demo_on_an_empty_store_again_and_on_a_store_with_users(db_url: str,
                                                                 tmp_path: Path) -> None:
    """`make run` runs `verifier demo` every time: the first run loads it without credentials
    (the store has no user), a second changes nothing and needs none either; on a store
    that has users and no demo, only an admin loads it."""
    first = run("demo", db=db_url)
    assert first.exit_code == 0 and "stored, 16 claims" in first.stdout
    before = snapshot(db_url)
    again = run("demo", db=db_url)
    assert again.exit_code == 0 and "already stored" in again.stdout
    assert snapshot(db_url) == before
    other = f"sqlite:///{tmp_path / 'other.db'}"
    from verifier.db.store import open_store

    bootstrap_admin(open_store(other))
    one_line_refusal(run("demo", db=other))
    assert "demo: accounts" in run("demo", db=other, env=token_env(other, "adam", "admin")).stdout


# --- tokens ------------------------------------------------------------------------------------


def test_a_token_is_shown_once_stored_hashed_and_listed_without_its_secret(db_url: str,
                                                                           store: Store) -> None:
    people(store)
    res = run("tokens", "create", "fatima", "--scope", "review", "--days", "30", "--label",
              "desk laptop", "--password-stdin", db=db_url, input=FATIMA_PASSWORD + "\n")
    assert res.exit_code == 0, res.output
    secret = res.stdout.strip()
    assert secret.startswith("vrf_") and len(secret) == 47 and "\n" not in secret
    assert "shown once" in res.stderr
    with store.read() as s:
        row = s.exec(select(ApiToken)).one()
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "token.create")).all()
    assert row.secret_sha256 == hashlib.sha256(secret.encode()).hexdigest()
    assert (row.scope, row.label, row.created_by) == ("review", "desk laptop", "fatima")
    assert timedelta(days=29) < row.expires_at - utcnow() <= timedelta(days=30)
    dump = json.dumps(snapshot(db_url), default=str)
    assert secret not in dump and secret[len(row.prefix):] not in dump
    assert row.secret_sha256 not in json.dumps([e.new for e in events])
    listed = run("tokens", "list", "--format", "json", db=db_url)
    assert secret not in listed.stdout
    (item,) = json.loads(listed.stdout)
    assert (item["user"], item["scope"], item["state"], item["prefix"]) == (
        "fatima", "review", "active", secret[:10])
    assert services.tokens.principal_for_token(secret, channel="api", db=store) == \
        services.Principal("fatima", "fact-checker", "api", scope="review")


def test_only_its_own_user_makes_a_token_with_a_password_and_a_scope_their_role_allows(
        db_url: str, store: Store) -> None:
    people(store)
    fatima = services.Principal("fatima", "fact-checker", "cli")
    with pytest.raises(services.PermissionDenied, match="only fatima"):  # not even an admin
        services.tokens.create_token(ADAM, "fatima", "review", db=store)
    with pytest.raises(services.PermissionDenied):
        services.tokens.create_token(services.store_owner(), "fatima", "review", db=store)
    with pytest.raises(services.PermissionDenied, match="admins"):
        services.tokens.create_token(fatima, "fatima", "admin", db=store)
    with pytest.raises(services.PermissionDenied, match="auditors and admins"):
        services.tokens.create_token(fatima, "fatima", "audit", db=store)
    with pytest.raises(ValueError, match="1 to 366 days"):
        services.tokens.create_token(fatima, "fatima", "review", days=400, db=store)
    env = token_env(db_url, "fatima", "review")
    token_principal = services.tokens.principal_for_token(env["VERIFIER_TOKEN"], channel="cli",
                                                          db=store)
    with pytest.raises(services.PermissionDenied, match="a token may not make another"):
        services.tokens.create_token(token_principal, "fatima", "check", db=store)
    # The CLI asks for the password even when VERIFIER_TOKEN is set.
    err = one_line_refusal(run("tokens", "create", "fatima", "--scope", "check", db=db_url,
                               env=env))
    assert "authenticate" in err
    wrong = one_line_refusal(run("tokens", "create", "fatima", "--scope", "check",
                                 "--password-stdin", db=db_url, env=env, input=TEST_PASSWORD))
    assert "wrong password" in wrong


def test_revocation_by_the_user_or_an_admin_takes_effect_at_once(db_url: str,
                                                                 store: Store) -> None:
    cid = people(store)
    fatima_env = token_env(db_url, "fatima", "review")
    adam_env = token_env(db_url, "adam", "admin")
    ids = {t.user: t.id for t in services.tokens.list_tokens(ADAM, db=store)}
    err = one_line_refusal(run("tokens", "revoke", str(ids["adam"]), db=db_url, env=fatima_env))
    assert "scope is review" in err  # her token may not touch others' tokens
    err = one_line_refusal(run("tokens", "revoke", str(ids["adam"]), "--as", "fatima",
                               "--password-stdin", db=db_url, input=FATIMA_PASSWORD + "\n"))
    assert "only adam or an admin" in err  # nor may she
    res = run("tokens", "revoke", str(ids["fatima"]), db=db_url, env=adam_env)
    assert res.exit_code == 0 and "revoked" in res.stdout
    ev = last_event(store)
    assert (ev.action, ev.actor, ev.new["user"], ev.new["id"]) == (
        "token.revoke", "adam", "fatima", ids["fatima"])
    assert "revoked" in one_line_refusal(run("review", str(cid), "--verdict", "True",
                                             db=db_url, env=fatima_env))
    listed = {t["id"]: t["state"] for t in json.loads(
        run("tokens", "list", "--format", "json", db=db_url).stdout)}
    assert listed == {ids["fatima"]: "revoked", ids["adam"]: "active"}
    # A user revokes their own token with their password; non-admins see only their own.
    res = run("tokens", "revoke", str(ids["adam"]), "--as", "adam", "--password-stdin",
              db=db_url, input=TEST_PASSWORD + "\n")
    assert res.exit_code == 0
    fatima = services.Principal("fatima", "fact-checker", "cli")
    assert [t.user for t in services.tokens.list_tokens(fatima, db=store)] == ["fatima"]
    with pytest.raises(services.PermissionDenied):
        services.tokens.list_tokens(fatima, user="adam", db=store)


@pytest.mark.parametrize(("scope", "allowed"), [
    ("check", {"check"}), ("review", {"check", "review"}), ("audit", {"export"}),
    ("admin", {"check", "review", "export", "facts", "users"})])
def test_a_tokens_scope_limits_what_it_changes(store: Store, scope: str,
                                               allowed: set[str]) -> None:
    """adam is an admin: his role allows everything; each token allows only its scope (and
    reading, which every scope may)."""
    import io

    cid = people(store)
    secret = services.tokens.create_token(ADAM, "adam", scope, db=store).secret
    me = services.tokens.principal_for_token(secret, channel="api", db=store)
    calls = {
        "check": lambda: services.check(me, SOURCE, kind="draft", db=store),
        "review": lambda: services.review.record_verdict(me, cid, verdict=None, note=scope,
                                                         db=store),
        "export": lambda: services.exports.export(me, "csv", io.BytesIO(), db=store),
        "facts": lambda: services.sources.import_packs(me, [PACK], db=store),
        "users": lambda: services.users.add_user(me, f"new-{scope}", "editor", db=store),
    }
    for name, call in calls.items():
        if name in allowed:
            call()
            assert (last_event(store).actor, last_event(store).channel) == ("adam", "api")
        else:
            with pytest.raises(services.PermissionDenied, match=f"scope is {scope}"):
                call()
    assert services.list_documents(me, db=store)  # reading: every scope


# --- every event records the channel and the operating-system user ---------------------------


def test_every_service_entry_records_its_channel() -> None:
    """Each public service function that takes the principal runs with its channel set for the
    audit events it writes (services._base.service)."""
    import importlib
    import pkgutil

    import verifier.services as package
    from verifier.services import Principal

    missing = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"verifier.services.{info.name}")
        for name, fn in vars(module).items():
            if (inspect.isfunction(fn) and not name.startswith("_")
                    and fn.__module__ == module.__name__):
                params = list(inspect.signature(fn).parameters.values())
                entry = (params[:1] and params[0].name == "principal"
                         and params[0].annotation in ("Principal", Principal))
                if entry and not getattr(fn, "records_channel", False):
                    missing.append(f"{module.__name__}.{name}")  # (helpers taking an optional
                    # principal, `Principal | None`, are not entries)
    assert missing == []


def test_ui_cli_and_api_principals_are_recorded_with_the_servers_os_user(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    cid = people(store)
    monkeypatch.setenv("USER", "mallory")  # the environment does not name the account
    monkeypatch.setenv("LOGNAME", "mallory")
    audit.os_user.cache_clear()
    try:
        for channel in ("ui", "cli", "api"):
            who = services.Principal("fatima", "fact-checker", channel)  # type: ignore[arg-type]
            services.review.record_verdict(who, cid, verdict=None, note=channel, db=store)
            ev = last_event(store)
            assert (ev.actor, ev.channel, ev.os_user) == ("fatima", channel, REAL_OS_USER)
        assert services.store_owner().name == f"os:{REAL_OS_USER}"
    finally:
        audit.os_user.cache_clear()
    # A script writing to the store directly, outside the services: no channel.
    from verifier.db import users as db_users

    db_users.set_role(store=store, name="eddie", role="auditor", actor="script", trusted=True)
    assert (last_event(store).channel, last_event(store).os_user) == (None, REAL_OS_USER)


def test_the_auditors_feed_export_carries_the_channel_the_os_user_and_the_chain_version(
        store: Store) -> None:
    import csv
    import io

    cid = people(store)
    services.review.record_verdict(services.Principal("fatima", "fact-checker", "ui"), cid,
                                   verdict="False", note=None, db=store)
    buf = io.BytesIO()
    services.audit.export_feed(services.Principal("audrey", "auditor", "ui"), "csv", buf,
                               db=store)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8").rsplit("# ", 1)[0])))
    verdict = next(r for r in rows if r["action"] == "verdict")
    assert (verdict["actor"], verdict["channel"], verdict["os_user"], verdict["chain_version"]) \
        == ("fatima", "ui", REAL_OS_USER, "2")
