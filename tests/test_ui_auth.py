"""Sign-in, roles and the pages each role gets (AppTest, the real app.py)."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from verifier import services
from verifier.ui import auth

from .test_ui_support import PAGE, ROOT, Seeded, app, empty_store, has_key, seeded, sign_in, titles

__all__ = ["empty_store", "seeded"]

LANDING = {"fatima": "Review desk", "eddie": "Check a draft", "ada": "Audit",
           "adam": "Review desk"}


def test_no_users_explains_how_to_start(empty_store: str) -> None:
    at = app().run()
    assert not at.exception
    assert any("verifier demo" in i.value for i in at.info)
    assert not has_key(at, "auth_submit")


def test_sign_in_form_first(seeded: Seeded) -> None:
    at = app().run()
    assert not at.exception
    assert titles(at) == ["verifier"]
    assert has_key(at, "auth_submit")
    assert not has_key(at, "desk_save")


@pytest.mark.parametrize("name", ["fatima", "eddie", "ada", "adam"])
def test_right_password_lands_on_the_role_page(seeded: Seeded, name: str) -> None:
    at = sign_in(name)
    assert titles(at) == [LANDING[name]]
    shown = " ".join(m.value for m in at.sidebar.markdown)
    assert name in shown
    assert at.session_state["auth_checked"]["name"] == name


@pytest.mark.parametrize("name, password", [("fatima", "demo-eddie"), ("fatima", ""),
                                            ("nobody", "demo-nobody"), ("", "x")])
def test_wrong_password_is_refused(seeded: Seeded, name: str, password: str) -> None:
    at = sign_in(name, password)
    assert titles(at) == ["verifier"]
    assert [e.value for e in at.error] == ["Wrong user name or password."]
    assert "auth_checked" not in at.session_state


def test_sign_out_forgets_the_user(seeded: Seeded) -> None:
    at = sign_in("fatima")
    at.sidebar.button(key="auth_sign_out").click().run()
    assert titles(at) == ["verifier"]
    assert has_key(at, "auth_submit")


def test_role_change_takes_effect_on_the_next_run(seeded: Seeded) -> None:
    at = sign_in("fatima")
    assert has_key(at, "desk_save")
    services.users.set_role(services.Principal("adam", "admin", "ui"), "fatima", "auditor",
                            db=seeded.store)
    at.run()  # still on the desk, which auditors may read, but without the verdict form
    assert titles(at) == ["Review desk"]
    assert not has_key(at, "desk_save")
    assert any("auditor" in i.value for i in at.info)
    at.switch_page(PAGE["auditor"]).run()
    assert titles(at) == ["Audit"]


@pytest.mark.parametrize("name, refused", [
    ("eddie", ["auditor", "admin", "sources"]),
    ("ada", ["editor", "admin", "sources"]),
    ("fatima", ["auditor", "admin"]),
])
def test_pages_outside_the_role_are_not_in_the_navigation(seeded: Seeded, name: str,
                                                          refused: list[str]) -> None:
    at = sign_in(name)
    for page in refused:
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(PAGE[page])


@pytest.mark.parametrize("page, role, title", [
    ("admin", "fact-checker", "Users and roles"), ("admin", "editor", "Users and roles"),
    ("auditor", "editor", "Audit"), ("auditor", "fact-checker", "Audit"),
    ("editor", "auditor", "Check a draft"), ("sources", "editor", "Sources and facts"),
])
def test_page_scripts_refuse_other_roles_when_run_directly(seeded: Seeded, page: str, role: str,
                                                           title: str) -> None:
    # The fence behind the navigation: each page checks the role itself.
    at = AppTest.from_file(str(ROOT / PAGE[page]), default_timeout=60)
    at.session_state["auth_checked"] = {"name": "someone", "role": role, "via": "password"}
    at.run()
    assert not at.exception
    assert title not in titles(at)
    assert any("This page is for" in e.value for e in at.error)


def test_page_scripts_refuse_anonymous_visitors(seeded: Seeded) -> None:
    at = AppTest.from_file(str(ROOT / PAGE["desk"]), default_timeout=60).run()
    assert [e.value for e in at.error] == ["Not signed in."]
    assert not has_key(at, "desk_save")


def test_oidc_configured_shows_the_provider_button(seeded: Seeded) -> None:
    at = app()
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback",
                          "cookie_secret": "x" * 32, "client_id": "id", "client_secret": "s",
                          "server_metadata_url": "https://accounts.example.org/.well-known/openid-configuration"}
    at.run()
    assert not at.exception
    assert has_key(at, "auth_login")
    assert not has_key(at, "auth_submit")


def test_actor_is_the_signed_in_user_not_a_typed_name(seeded: Seeded) -> None:
    # Nothing on any page asks for the reviewer's name: saves use the session's user.
    at = sign_in("fatima")
    labels = [t.label for t in at.text_input] + [t.label for t in at.text_area]
    assert not any("name" in label.lower() for label in labels)
    assert auth.SESSION_KEY in at.session_state


def test_oidc_email_maps_to_the_user_case_insensitively(seeded: Seeded) -> None:
    services.users.add_user(services.Principal("adam", "admin", "ui"), "sso", "auditor",
                            email="Sso.User@Example.org", db=seeded.store)
    found = services.users.user_by_email(" sso.user@example.ORG ", db=seeded.store)
    assert found is not None and found.name == "sso"
    assert services.users.user_by_email("nobody@example.org", db=seeded.store) is None


def test_demo_passwords_sign_in_only_on_a_loopback_server(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from verifier import services
    from verifier.db.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'c.db'}")
    services.ensure_demo_accounts(services.store_owner("os-user"), db=store)
    for local in ("127.0.0.1", "localhost", "::1", "[::1]"):
        assert services.users.authenticate("adam", "demo-adam", bind_address=local,
                                           db=store) is not None
    for public in ("0.0.0.0", "", None, "192.168.1.20", "::"):
        with pytest.raises(services.users.DemoPasswordRefused, match="verifier users password adam"):
            services.users.authenticate("adam", "demo-adam", bind_address=public, db=store)
    assert services.users.authenticate("adam", "wrong", bind_address="0.0.0.0", db=store) is None


def test_the_app_binds_to_this_machine_by_default() -> None:
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).parents[1] / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    assert "--server.address $${ADDRESS:-127.0.0.1}" in (Path(__file__).parents[1] / "Makefile").read_text()


def test_public_server_refuses_a_demo_password_in_the_browser(seeded: Seeded,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit import config

    before = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    try:
        at = sign_in("adam")
    finally:
        config.set_option("server.address", before)
    assert any("demo password, which is public" in e.value for e in at.error)
    assert "auth_checked" not in at.session_state and titles(at) == ["verifier"]


def test_repeated_failed_sign_ins_make_the_next_ones_wait(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from verifier.db.store import open_store
    from verifier.services import users as us

    store = open_store(f"sqlite:///{tmp_path / 'c.db'}")
    services.ensure_demo_accounts(services.store_owner("os-user"), db=store)
    now = [1000.0]
    monkeypatch.setattr(us, "_clock", lambda: now[0])
    for _ in range(3):  # three free failures
        assert us.authenticate("fatima", "guess", client="10.0.0.9", db=store) is None
    with pytest.raises(us.SignInThrottled, match=r"try again in 1 s"):
        us.authenticate("fatima", "guess", client="10.0.0.9", db=store)
    now[0] += 1.5
    assert us.authenticate("fatima", "guess", client="10.0.0.9", db=store) is None  # 4th
    with pytest.raises(us.SignInThrottled, match=r"try again in 2 s"):
        us.authenticate("fatima", "demo-fatima", client="10.0.0.9", db=store)  # even the right one
    now[0] += 2.5
    assert us.authenticate("fatima", "demo-fatima", client="10.0.0.9", db=store) is not None
    # a success clears the user's count; the address keeps its own (10 free failures)
    assert us.authenticate("fatima", "guess", db=store) is None
    for name in ("eddie", "ada", "adam") * 4:
        try:
            us.authenticate(name, "guess", client="10.0.0.66", db=store)
        except us.SignInThrottled:
            break
    else:
        raise AssertionError("an address guessing many users was never slowed down")


def test_sign_in_page_says_when_to_try_again(seeded: Seeded) -> None:
    for _ in range(4):
        at = sign_in("fatima", "wrong password")
    at = sign_in("fatima")
    assert any("too many failed sign-ins" in e.value for e in at.error)
    assert "auth_checked" not in at.session_state
