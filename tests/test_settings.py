"""The organisation that publishes the fact-checks, set once: the settings file beside the store
(verifier/db/settings.py), `verifier setup`, the service's permission and audit event, the demo's
example organisation, and the admin page. Every test's settings file is tmp_path/verifier.toml
(tests/conftest.py), unless it says otherwise."""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from verifier import services
from verifier.cli.main import app
from verifier.db.models import AuditEvent, Document
from verifier.db.reviews import record_verdict
from verifier.db.settings import (
    SettingsError,
    check_organisation,
    config_path,
    read_organisation,
    write_organisation,
)
from verifier.db.store import Store, open_store

from .conftest import token_env
from .test_export import claim
from .test_review import add_people
from .test_ui_support import PAGE, Seeded, seeded, sign_in

__all__ = ["seeded"]

OWNER = services.store_owner("os-user")
runner = CliRunner()


def setup(db: str, *args: str) -> object:
    return runner.invoke(app, ["setup", "--db", db, *args], catch_exceptions=False)


def settings_events(store: Store) -> list[AuditEvent]:
    with store.read() as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == "settings")
                           .order_by(AuditEvent.seq)).all())


# --- where the settings live -----------------------------------------------------------------


def test_the_file_is_beside_a_sqlite_store_else_in_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VERIFIER_CONFIG")
    assert config_path(f"sqlite:///{tmp_path / 'news' / 'claims.db'}") == tmp_path / "news" / "verifier.toml"
    monkeypatch.chdir(tmp_path)
    assert config_path("sqlite:///claims.db") == Path("verifier.toml")
    assert config_path("postgresql+psycopg://u@h:5432/db") == tmp_path / "verifier.toml"
    assert config_path("sqlite://") == tmp_path / "verifier.toml"
    monkeypatch.setenv("VERIFIER_CONFIG", str(tmp_path / "etc" / "newsroom.toml"))
    assert config_path("sqlite:///claims.db") == tmp_path / "etc" / "newsroom.toml"


def test_nothing_set_means_no_organisation_not_a_made_up_one(tmp_path: Path) -> None:
    org = read_organisation(f"sqlite:///{tmp_path / 'claims.db'}")
    assert (org.name, org.url, org.is_set) == (None, None, False)


def test_the_environment_takes_precedence_field_by_field(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    write_organisation(config_path(url), "La Rédaction", "https://redaction.example.net/")
    org = read_organisation(url)
    assert (org.name, org.url) == ("La Rédaction", "https://redaction.example.net/")
    assert org.name_origin == org.url_origin == str(tmp_path / "verifier.toml")
    monkeypatch.setenv("VERIFIER_ORGANISATION_URL", "https://env.example.net/checks")
    org = read_organisation(url)
    assert (org.name, org.url, org.url_origin) == ("La Rédaction", "https://env.example.net/checks",
                                                   "VERIFIER_ORGANISATION_URL")
    monkeypatch.setenv("VERIFIER_ORGANISATION_URL", "javascript:alert(1)")
    with pytest.raises(SettingsError, match="VERIFIER_ORGANISATION_URL"):
        read_organisation(url)


@pytest.mark.parametrize("name", ['Les "Vérificateurs" \\ du ]] soir', "x\n[organisation]\nname = 'pwned'",
                                  "Ünïcödé 检查 ✓", "a = b # c"])
def test_any_name_is_written_as_toml_and_read_back_exactly(tmp_path: Path, name: str) -> None:
    path = tmp_path / "verifier.toml"
    write_organisation(path, name, "https://verif.example.org/")
    stored = tomllib.loads(path.read_text(encoding="utf-8"))
    assert stored == {"organisation": {"name": " ".join(name.split()), "url": "https://verif.example.org/"}}


def test_other_settings_in_the_file_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "verifier.toml"
    path.write_text('theme = "dark"\n[organisation]\nname = "Old"\nurl = "https://old.example.org/"\n'
                    'logo = "logo.png"\n[later]\nlimit = 3\n', encoding="utf-8")
    write_organisation(path, "New", "https://new.example.org/")
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {
        "theme": "dark", "later": {"limit": 3},
        "organisation": {"name": "New", "url": "https://new.example.org/", "logo": "logo.png"}}


@pytest.mark.parametrize("name, url, message", [
    ("", "https://x.example.org/", "name is empty"),
    ("   ", "https://x.example.org/", "name is empty"),
    ("a\x00b", "https://x.example.org/", "control characters"),
    ("x" * 201, "https://x.example.org/", "longer than 200"),
    ("Desk", "", "URL is empty"),
    ("Desk", "javascript:alert(1)", "http\\(s\\) URL"),
    ("Desk", "ftp://x.example.org/", "http\\(s\\) URL"),
    ("Desk", "https:///nohost", "http\\(s\\) URL"),
    ("Desk", "x.example.org", "http\\(s\\) URL"),
    ("Desk", "https://x.example.org/a b", "spaces"),
    ("Desk", "https://x.example.org/#top", "fragment"),
])
def test_bad_names_and_urls_are_refused(name: str, url: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        check_organisation(name, url)


def test_a_broken_settings_file_is_named_never_published(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    (tmp_path / "verifier.toml").write_text('[organisation]\nname = "X"\nurl = "javascript:x"\n')
    with pytest.raises(SettingsError, match="verifier.toml.*http"):
        read_organisation(url)
    (tmp_path / "verifier.toml").write_text("[organisation\n")
    with pytest.raises(SettingsError, match="verifier.toml: not valid TOML"):
        read_organisation(url)


# --- the service and the CLI -------------------------------------------------------------------


def test_setup_sets_shows_and_audits(db_url: str, tmp_path: Path) -> None:
    """`verifier setup` writes the settings file and an audit event (old and new values) in one
    go; the same values again change nothing; a bad URL exits 2 and changes nothing; the ClaimReview
    export uses what was set."""
    res = setup(db_url)
    assert res.exit_code == 0 and "(not set)" in res.output and "verifier setup --org-name" in res.output
    res = setup(db_url, "--org-name", "Les Vérificateurs", "--org-url", "https://verif.example.org/fc")
    assert res.exit_code == 0, res.output
    path = tmp_path / "verifier.toml"
    assert f"saved in {path}" in res.output and "Les Vérificateurs" in res.output
    assert tomllib.loads(path.read_text(encoding="utf-8"))["organisation"] == {
        "name": "Les Vérificateurs", "url": "https://verif.example.org/fc"}
    store = open_store(db_url)
    (ev,) = settings_events(store)
    assert ev.actor == services.store_owner().name  # os:NAME: the OS user, as the store owner
    assert (ev.channel, ev.os_user) == ("cli", services.os_user())
    assert ev.old == {"organisation": {"name": None, "url": None}}
    assert ev.new == {"organisation": {"name": "Les Vérificateurs", "url": "https://verif.example.org/fc"},
                      "file": str(path)}
    assert setup(db_url, "--org-name", "Les Vérificateurs").exit_code == 0
    assert len(settings_events(store)) == 1  # nothing changed, nothing audited
    before = path.read_bytes()
    res = runner.invoke(app, ["setup", "--db", db_url, "--org-url", "javascript:alert(1)"])
    assert res.exit_code == 2 and "http(s) URL" in res.output
    assert path.read_bytes() == before and len(settings_events(store)) == 1
    res = setup(db_url, "--org-url", "https://verif.example.org/reviews")  # the name stays
    assert res.exit_code == 0 and len(settings_events(store)) == 2
    assert settings_events(store)[1].old == {"organisation": {"name": "Les Vérificateurs",
                                                              "url": "https://verif.example.org/fc"}}
    add_people(store)
    with store.write() as s:
        d = Document(sha256="f" * 64, language="fr", text="Il y a huit ans, tout a changé.", site="Le Journal")
        s.add(d)
        s.flush()
        cid = claim(s, d, "temporal", "huit ans").id
    record_verdict(store=store, claim_id=cid, verdict="True", note=None, actor="alice", seen_version=1)  # type: ignore[arg-type]
    res = runner.invoke(app, ["export", "--db", db_url, "--format", "jsonld"],
                        env=token_env(db_url, "audrey", "audit"),  # exports: an auditor's
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    (cr,) = json.loads(res.stdout)["@graph"]
    assert cr["author"] == {"@type": "Organization", "name": "Les Vérificateurs",
                            "url": "https://verif.example.org/reviews"}
    assert cr["claimReviewed"] == "Il y a huit ans, tout a changé."


def test_setup_needs_both_values_the_first_time(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'claims.db'}"
    res = runner.invoke(app, ["setup", "--db", db, "--org-name", "Desk"])
    assert res.exit_code == 2 and "give both" in res.output
    assert not (tmp_path / "verifier.toml").exists()


def test_setup_says_when_the_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = f"sqlite:///{tmp_path / 'claims.db'}"
    monkeypatch.setenv("VERIFIER_ORGANISATION", "Env Desk")
    res = runner.invoke(app, ["setup", "--db", db, "--org-name", "File Desk", "--org-url",
                              "https://file.example.org/"])
    assert res.exit_code == 0
    assert "organisation      Env Desk  [VERIFIER_ORGANISATION]" in res.stdout
    assert "VERIFIER_ORGANISATION is set in the environment and takes precedence" in res.stderr


def test_only_admins_set_the_organisation(store: Store) -> None:
    add_people(store)
    for name, role in (("alice", "fact-checker"), ("erin", "editor"), ("audrey", "auditor")):
        who = services.Principal(name, role, "ui")
        assert services.settings.organisation(who, db=store).is_set is False  # anyone may read it
        with pytest.raises(services.PermissionDenied, match="set the organisation"):
            services.settings.set_organisation(who, "Desk", "https://desk.example.org/", db=store)
    ada = services.Principal("ada", "admin", "ui")
    org = services.settings.set_organisation(ada, "Desk", "https://desk.example.org/", db=store)
    assert org.is_set and settings_events(store)[0].actor == "ada"


def test_a_failed_transaction_puts_the_file_back(store: Store, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is written inside the transaction of its audit event: if that fails after the
    write, the previous file is restored and no event is left."""
    services.settings.set_organisation(OWNER, "Old", "https://old.example.org/", db=store)
    before = (tmp_path / "verifier.toml").read_bytes()
    real = services.settings.write_organisation

    def write_then_fail(*args: object, **kwargs: object) -> object:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise RuntimeError("disk full at commit")

    monkeypatch.setattr(services.settings, "write_organisation", write_then_fail)
    with pytest.raises(RuntimeError):
        services.settings.set_organisation(OWNER, "New", "https://new.example.org/", db=store)
    assert (tmp_path / "verifier.toml").read_bytes() == before
    assert len(settings_events(store)) == 1


# --- the demo ------------------------------------------------------------------------------------


def test_demo_sets_an_example_organisation_unless_one_is_set(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'claims.db'}"
    res = runner.invoke(app, ["demo", "--db", db], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    name, url = services.settings.EXAMPLE_ORGANISATION
    assert f"demo: organisation {name} <{url}>" in res.output and "verifier setup" in res.output
    assert tomllib.loads((tmp_path / "verifier.toml").read_text())["organisation"] == {"name": name, "url": url}
    assert ".example.org" in url  # reserved for examples: it cannot point at a real site
    res = runner.invoke(app, ["setup", "--db", db, "--org-name", "Real Desk", "--org-url",
                              "https://real.example.net/"])
    assert res.exit_code == 2 and "authenticate" in res.output  # the store has users now
    res = runner.invoke(app, ["setup", "--db", db, "--org-name", "Real Desk", "--org-url",
                              "https://real.example.net/"], env=token_env(db, "adam", "admin"))
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["demo", "--db", db], catch_exceptions=False)
    assert res.exit_code == 0 and "demo: organisation" not in res.output
    assert tomllib.loads((tmp_path / "verifier.toml").read_text())["organisation"]["name"] == "Real Desk"


# --- the admin page ------------------------------------------------------------------------------


def test_admin_page_shows_and_sets_the_organisation(seeded: Seeded, tmp_path: Path) -> None:
    at = sign_in("adam")
    at.switch_page(PAGE["admin"]).run()
    assert at.text_input(key="admin_org_name").value == ""
    at.text_input(key="admin_org_name").input("Les Vérificateurs")
    at.text_input(key="admin_org_url").input("javascript:alert(1)")
    at.button(key="admin_org_btn").click().run()
    assert any("http\\(s\\) URL" in e.value for e in at.error), [e.value for e in at.error]
    assert not (tmp_path / "verifier.toml").exists()
    at.text_input(key="admin_org_url").input("https://verif.example.org/fc")
    at.button(key="admin_org_btn").click().run()
    assert any("signed by Les Vérificateurs" in s.value for s in at.success), [e.value for e in at.error]
    org = read_organisation(seeded.url)
    assert (org.name, org.url) == ("Les Vérificateurs", "https://verif.example.org/fc")
    assert settings_events(seeded.store)[-1].actor == "adam"
    again = sign_in("adam")
    again.switch_page(PAGE["admin"]).run()
    assert again.text_input(key="admin_org_name").value == "Les Vérificateurs"
    assert not at.exception and not again.exception and not again.error
