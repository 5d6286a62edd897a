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
    at.session_state["auth_checked"] = {"name": "someone", "role": role, "via": "password",
                                        **services.sessions.start().as_dict()}
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


def test_sign_in_page_says_when_to_try_again(seeded: Seeded,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # the throttle's clock stands still: on a loaded machine four sign-ins outlast its window
    monkeypatch.setattr(services.users, "_clock", lambda: 1000.0)
    for _ in range(4):
        at = sign_in("fatima", "wrong password")
    at = sign_in("fatima")
    assert any("too many failed sign-ins" in e.value for e in at.error)
    assert "auth_checked" not in at.session_state


# Idle expiry (services.sessions): the clock is moved, nobody sleeps.

class Clock:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import time

        self.now = time.time()
        monkeypatch.setattr(services.sessions, "_clock", lambda: self.now)

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


def warnings_of(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def test_an_idle_session_is_signed_out_on_its_next_run(seeded: Seeded,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(monkeypatch)
    at = sign_in("fatima")
    assert titles(at) == ["Review desk"]
    for _ in range(3):  # activity resets the clock: 87 minutes in all, never 30 idle
        clock.advance(29)
        at.run()
        assert titles(at) == ["Review desk"] and not warnings_of(at)
    clock.advance(30.5)
    at.run()
    assert titles(at) == ["verifier"]
    assert "Signed out after 30 minutes without activity: sign in again." in warnings_of(at)
    assert "auth_checked" not in at.session_state and auth.SESSION_KEY not in at.session_state
    assert not [k for k in at.session_state if str(k).startswith("desk_")]
    assert has_key(at, "auth_submit")
    at.run()  # the notice is said once; the sign-in form stays
    assert titles(at) == ["verifier"] and not warnings_of(at)
    at = sign_in("fatima")  # signing in again starts a new clock
    assert titles(at) == ["Review desk"]


def _cookie_token(at: AppTest) -> str:
    """The token of the session cookie the page asked the browser to keep."""
    import re

    from .test_ui_support import own_scripts

    tokens = [m.group(1) for body in own_scripts(at)
              for m in [re.search(r"verifier_session=([^;]+);", body)] if m and m.group(1)]
    assert len(tokens) == 1, own_scripts(at)
    return tokens[0]


def test_a_sign_in_leaves_a_cookie_that_a_reload_resumes_and_sign_out_revokes(
        seeded: Seeded) -> None:
    from streamlit import config

    from .test_ui_support import own_scripts

    at = sign_in("fatima")
    token = _cookie_token(at)
    secret = config.get_option("server.cookieSecret")
    mark = services.sessions.Mark.of(at.session_state[auth.SESSION_KEY])
    assert services.sessions.resume(token, secret) == ("fatima", mark)
    at.sidebar.button(key="auth_sign_out").click().run()
    assert titles(at) == ["verifier"]
    assert any("Max-Age=0" in body for body in own_scripts(at))  # the browser forgets it
    assert services.sessions.resume(token, secret) is None       # and the server too


def test_an_idle_sessions_cookie_is_revoked_with_it(seeded: Seeded,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit import config

    from .test_ui_support import own_scripts

    clock = Clock(monkeypatch)
    at = sign_in("fatima")
    token = _cookie_token(at)
    clock.advance(31)
    at.run()
    assert titles(at) == ["verifier"]
    assert any("Max-Age=0" in body for body in own_scripts(at))
    assert services.sessions.resume(token, config.get_option("server.cookieSecret")) is None


def test_the_idle_limit_comes_from_the_environment(seeded: Seeded,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFIER_SESSION_IDLE_MINUTES", "5")
    clock = Clock(monkeypatch)
    at = sign_in("eddie")
    clock.advance(4.9)
    assert titles(at.run()) == ["Check a draft"]
    clock.advance(5.1)
    at.run()
    assert titles(at) == ["verifier"]
    assert "Signed out after 5 minutes without activity: sign in again." in warnings_of(at)


def test_an_idle_sessions_first_click_saves_nothing(seeded: Seeded,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # The verdict form's callback runs before app.py checks the session: it must refuse too.
    from .test_ui_support import claim

    clock = Clock(monkeypatch)
    at = sign_in("fatima")
    at.multiselect(key="desk_f_status").set_value([]).run()
    cid = seeded.temporal_id
    at.selectbox(key="desk_claim").select(cid).run()
    at.selectbox(key=f"verdict_{cid}").select("False")
    clock.advance(31)
    at.button(key="desk_save").click().run()
    assert not at.exception
    saved = claim(seeded.store, cid)
    assert (saved.verdict, saved.reviewed_by) == (None, None)
    assert titles(at) == ["verifier"]
    assert any("without activity" in w for w in warnings_of(at))


# Single sign-on: AppTest's `user` is what Streamlit read from the identity cookie.

OIDC_SECRETS = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                "client_id": "id", "client_secret": "s",
                "server_metadata_url": "https://accounts.example.org/.well-known/openid-configuration"}


def oidc_app(claims: dict[str, object]) -> AppTest:
    import time

    at = app()
    at.secrets["auth"] = OIDC_SECRETS
    at.user = {"is_logged_in": True, "iss": "https://accounts.example.org", "sub": "s-1",
               "iat": int(time.time()), "nonce": "n-1", **claims}
    return at.run()


def add_sso(seeded: Seeded, name: str = "sso", email: str = "Sso.User@Example.org",
            role: str = "auditor") -> None:
    services.users.add_user(services.Principal("adam", "admin", "ui"), name, role, email=email,
                            db=seeded.store)


def test_oidc_verified_email_signs_in_as_its_user(seeded: Seeded) -> None:
    add_sso(seeded)
    at = oidc_app({"email": "sso.user@example.org", "email_verified": True})
    assert not at.exception
    assert titles(at) == ["Audit"]
    assert at.session_state["auth_checked"]["name"] == "sso"
    assert at.session_state["auth_checked"]["via"] == "oidc"


@pytest.mark.parametrize("verified", [False, None, "false", "yes", 1])
def test_oidc_unverified_email_is_refused(seeded: Seeded, verified: object) -> None:
    add_sso(seeded)
    claims: dict[str, object] = {"email": "sso.user@example.org"}
    if verified is not None:
        claims["email_verified"] = verified
    at = oidc_app(claims)
    assert not at.exception
    assert titles(at) == ["verifier"]
    assert "auth_checked" not in at.session_state
    assert [e.value.replace("\\", "") for e in at.error] == [
        "Your identity provider has not verified the e-mail address sso.user@example.org: "
        "sign-in refused. Verify it with the provider, then sign in again."]
    assert has_key(at, "auth_logout")  # signing out clears the provider's identity cookie
    assert not has_key(at, "auth_login")


def test_oidc_unknown_and_deactivated_addresses_are_refused(seeded: Seeded) -> None:
    add_sso(seeded)
    at = oidc_app({"email": "someone.else@example.org", "email_verified": True})
    assert titles(at) == ["verifier"] and "auth_checked" not in at.session_state
    assert any("has no role here yet" in e.value for e in at.error)
    services.users.set_active(services.Principal("adam", "admin", "ui"), "sso", False,
                              db=seeded.store)
    at = oidc_app({"email": "sso.user@example.org", "email_verified": True})
    assert titles(at) == ["verifier"] and "auth_checked" not in at.session_state
    assert any("is deactivated" in e.value for e in at.error)


def test_oidc_user_rules_in_the_service(seeded: Seeded) -> None:
    add_sso(seeded)
    claims = {"email": " SSO.user@example.org ", "email_verified": "true"}  # some providers' form
    assert services.users.oidc_user(claims, db=seeded.store).name == "sso"
    for bad in ({"email_verified": True}, {"email": "sso.user@example.org"},
                {"email": "sso.user@example.org", "email_verified": "verified"}):
        with pytest.raises(services.users.SignInRefused):
            services.users.oidc_user(bad, db=seeded.store)


def test_an_idle_oidc_identity_is_refused_in_a_new_session_too(seeded: Seeded,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # The identity cookie outlives the session: a reload must not bring the idle session back.
    add_sso(seeded)
    clock = Clock(monkeypatch)
    identity = {"email": "sso.user@example.org", "email_verified": True, "iat": int(clock.now)}
    at = oidc_app(identity)
    assert titles(at) == ["Audit"]
    clock.advance(20)
    assert titles(at.run()) == ["Audit"]
    clock.advance(20)  # 40 minutes after sign-in, 20 after the last activity
    assert titles(oidc_app(identity)) == ["Audit"]  # a reload while active is fine
    clock.advance(31)
    at.run()
    assert titles(at) == ["verifier"] and "auth_checked" not in at.session_state
    assert "Signed out after 30 minutes without activity: sign in again." in warnings_of(at)
    assert has_key(at, "auth_login") and has_key(at, "auth_logout")
    reloaded = oidc_app(identity)  # same cookie, new session
    assert titles(reloaded) == ["verifier"] and "auth_checked" not in reloaded.session_state
    assert any("without activity" in w for w in warnings_of(reloaded))
    services.sessions._LAST.clear()  # a restarted server counts from the token's issue time
    assert titles(oidc_app(identity)) == ["verifier"]
    fresh = oidc_app({**identity, "iat": int(clock.now), "nonce": "n-2"})  # signed in again
    assert titles(fresh) == ["Audit"]


def test_sign_in_page_says_busy_when_every_argon2_slot_stays_taken(
        seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from verifier import passwords

    gate = passwords.Gate(1, wait=0.2)
    monkeypatch.setattr(passwords, "_GATE", gate)
    entered, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=gate.run, args=(passwords.MEMORY_COST,
                                                     lambda: (entered.set(), release.wait(30))))
    holder.start()
    try:
        assert entered.wait(30)
        at = sign_in("fatima")
    finally:
        release.set()
        holder.join(30)
    assert [e.value for e in at.error] == [
        "The server is busy signing other people in: try again in a few seconds."]
    assert "auth_checked" not in at.session_state
    at.button(key="auth_submit").click().run()  # trying again, once the slot is free
    assert titles(at) == ["Review desk"]


def test_streamlit_auth_extra_is_declared_and_installed() -> None:
    # st.login raised "Authlib missing" while the dependency was plain `streamlit`.
    import importlib
    import tomllib

    from .test_ui_support import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert any(d.replace(" ", "").startswith("streamlit[auth]>=") for d in project["dependencies"])
    lock = (ROOT / "requirements.lock").read_text().splitlines()
    assert any(line.startswith("Authlib==") for line in lock)
    importlib.import_module("authlib.integrations.starlette_client")  # what st.login imports
