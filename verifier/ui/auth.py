"""Who is using the app. With an `[auth]` section in .streamlit/secrets.toml, Streamlit's OIDC
sign-in (`st.login`) names the person and their verified e-mail is mapped to a User
(services.users.oidc_user); otherwise a local account signs in with its name and password
(argon2 hashes, services.users.authenticate).

The signed-in user lives in session state (`auth_user`) and is checked against the User table on
every run, so a role change or a deactivated account takes effect at once; a session idle for
longer than VERIFIER_SESSION_IDLE_MINUTES is signed out on its next run (services.sessions).
A password sign-in also leaves a signed cookie (services.sessions.issue, set by
ui/browser.py), so that a reload — a new Streamlit session — finds the same user and session
mark again, unless the session went idle, was signed out, or the cookie expired.
Every action a page takes passes `principal()` to the services: the signed-in user, never a
name typed into a form; the services check the user's role as stored now."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from verifier import services
from verifier.ui import browser, i18n, widgets
from verifier.ui.i18n import N_, _

SESSION_KEY = "auth_user"
ROLE_LABELS = {"fact-checker": N_("Fact-checker"), "editor": N_("Editor"),
               "auditor": N_("Auditor"), "admin": N_("Admin")}


# A role inside a sentence or a list of choices ("Change eddie from editor to admin?").
ROLE_WORDS = {"fact-checker": N_("fact-checker"), "editor": N_("editor"),
              "auditor": N_("auditor"), "admin": N_("admin")}


def role_label(role: str) -> str:
    return _(ROLE_LABELS[role]) if role in ROLE_LABELS else role


def role_word(role: str | None) -> str:
    return _(ROLE_WORDS[role]) if role in ROLE_WORDS else str(role)


@dataclass(frozen=True)
class SignedIn:
    name: str
    role: str
    via: str  # "password" or "oidc"

    @property
    def principal(self) -> services.Principal:
        return services.Principal(self.name, self.role, "ui")

    @property
    def can_review(self) -> bool:
        return self.principal.can_review


def _auth_secrets() -> Mapping[str, Any] | None:
    """The [auth] section of secrets.toml, or None (no secrets file at all is fine)."""
    try:
        if "auth" not in st.secrets:
            return None
        section = st.secrets["auth"]
    except Exception:  # no secrets.toml, or one that does not parse: local accounts
        return None
    return section if isinstance(section, Mapping) and section else None


def oidc_configured() -> bool:
    return _auth_secrets() is not None


def oidc_provider() -> str | None:
    """None for a single provider configured in [auth] itself, else the first [auth.NAME]."""
    section = _auth_secrets() or {}
    if "client_id" in section:
        return None
    named = [k for k, v in section.items() if isinstance(v, Mapping)]
    return named[0] if named else None


def current_user() -> SignedIn | None:
    """The signed-in user as stored now, or None (and the session forgets a user that no longer
    exists, was deactivated, or stayed idle too long). Called once per run, before the page:
    this run is activity, so it moves the session's idle clock."""
    if oidc_configured():
        return _oidc_user()
    data = st.session_state.get(SESSION_KEY) or _from_cookie()
    if not data:
        return None
    user = services.users.find_user(data["name"])
    if user is None or not user.active:
        st.session_state.pop(SESSION_KEY, None)
        return None
    if not _still_active(data):
        return None
    return SignedIn(user.name, user.role, data.get("via", "password"))


def _oidc_user() -> SignedIn | None:
    if not getattr(st.user, "is_logged_in", False):
        st.session_state.pop(SESSION_KEY, None)
        return None
    claims = st.user.to_dict()
    try:
        found = services.users.oidc_user(claims)
    except services.users.SignInRefused as exc:
        st.session_state.pop(SESSION_KEY, None)
        st.session_state["auth_refused"] = str(exc)
        return None
    st.session_state.pop("auth_refused", None)
    data = {"name": found.name, "via": "oidc", **services.sessions.oidc_mark(claims).as_dict()}
    st.session_state[SESSION_KEY] = data
    if not _still_active(data):
        return None
    return SignedIn(found.name, found.role, "oidc")


def _cookie_secret() -> str:
    """Streamlit's own cookie key (`server.cookieSecret`: random per server process unless
    configured, so set it to keep sessions across restarts and replicas)."""
    return str(st.get_option("server.cookieSecret"))


def _from_cookie() -> dict[str, Any] | None:
    """The signed-in user a reload brings back: the session cookie of a password sign-in, if
    services.sessions.resume accepts it (signature, expiry, not signed out, not idle)."""
    try:
        token = st.context.cookies.get(browser.COOKIE)
    except Exception:  # no browser connection behind this run (tests, bare mode)
        token = None
    if not token:
        return None
    resumed = services.sessions.resume(token, _cookie_secret())
    if resumed is None:
        st.session_state["auth_clear_cookie"] = True
        known = services.sessions.read(token, _cookie_secret())
        if known is not None and services.sessions.expired(known[1]) \
                and not services.sessions.ended(known[1]):
            st.session_state["auth_notice"] = services.sessions.idle_message()
        return None
    name, mark = resumed
    data = {"name": name, "via": "password", **mark.as_dict()}
    st.session_state[SESSION_KEY] = data
    st.session_state["auth_cookie"] = token
    return data


def _still_active(data: Mapping[str, Any]) -> bool:
    """Touch the session's mark; when it was idle too long, sign the session out here (the
    single sign-on cookie stays, but its mark is expired for every session that reads it) and
    leave the reason for the sign-in page."""
    mark = services.sessions.Mark.of(data)
    if mark is not None and services.sessions.touch(mark):
        return True
    services.sessions.end(mark)
    _forget_session()
    st.session_state["auth_clear_cookie"] = True
    st.session_state["auth_notice"] = services.sessions.idle_message()
    return False


def signed_in() -> SignedIn | None:
    """The user app.py validated on this run (pages call this, or `require`). A widget's
    callback runs before app.py: it gets None if the session has been idle too long."""
    data = st.session_state.get("auth_checked")
    if not data or services.sessions.expired(services.sessions.Mark.of(data)):
        return None
    return SignedIn(data["name"], data["role"], data["via"])


def actor() -> str:
    user = signed_in()
    if user is None:  # pages are only reachable signed in; this is the fence behind the door
        st.error("Not signed in.")
        st.stop()
    assert user is not None
    return user.name


def principal() -> services.Principal:
    """The signed-in user as the services' Principal (stops the page when nobody is)."""
    return require().principal


def require(*roles: str) -> SignedIn:
    """The signed-in user if their role is one of `roles`; otherwise stop the page."""
    user = signed_in()
    if user is None:
        st.error(_("Not signed in."))
        st.stop()
    assert user is not None
    if roles and user.role not in roles:
        st.error(_("This page is for {roles}; you are signed in as {role}.").format(
            roles=", ".join(role_word(r) for r in roles), role=widgets.md(role_word(user.role))))
        st.stop()
    return user


def remember(user: SignedIn | None) -> None:
    if user is None:
        st.session_state.pop("auth_checked", None)
    else:
        mark = st.session_state.get(SESSION_KEY) or {}
        st.session_state["auth_checked"] = {"name": user.name, "role": user.role, "via": user.via,
                                            "session": mark.get("session"),
                                            "since": mark.get("since")}


def _provider_label() -> str:
    provider = oidc_provider()
    return provider.replace("_", " ").title() if provider else _("single sign-on")


def sign_in_page() -> None:
    i18n.language_switch()
    st.title("verifier")
    st.caption(_("Quotes, dates and factual claims of news articles, checked against reference "
                 "sources, reviewed by people."))
    if st.session_state.pop("auth_clear_cookie", None):
        browser.clear_session_cookie()
    notice = st.session_state.pop("auth_notice", None)
    if notice:
        st.warning(notice, icon=":material/timer_off:")
    if oidc_configured():
        refused = st.session_state.get("auth_refused")
        if getattr(st.user, "is_logged_in", False) and refused:
            st.error(widgets.md(refused))
            st.button(_("Sign out"), on_click=st.logout, key="auth_logout")
            return
        if getattr(st.user, "is_logged_in", False):  # an identity whose session went idle
            st.button(_("Sign out"), on_click=st.logout, key="auth_logout")
        st.button(_("Sign in with {provider}").format(provider=_provider_label()), type="primary", key="auth_login",
                  on_click=st.login, args=(oidc_provider(),) if oidc_provider() else ())
        return
    with st.form("sign_in"):
        name = st.text_input(_("User name"), key="auth_name", autocomplete="username")
        password = st.text_input(_("Password"), type="password", key="auth_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(_("Sign in"), type="primary", key="auth_submit")
    if submitted:
        try:
            user = (services.users.authenticate(
                name.strip(), password, bind_address=st.get_option("server.address"),
                client=getattr(st.context, "ip_address", None))
                if name.strip() else None)
        except (services.users.DemoPasswordRefused, services.users.SignInThrottled,
                services.users.SignInBusy) as exc:
            st.error(str(exc))
            return
        if user is None:
            st.error(_("Wrong user name or password."))
            return
        mark = services.sessions.start()
        st.session_state[SESSION_KEY] = {"name": user.name, "via": "password", **mark.as_dict()}
        st.session_state["auth_cookie"] = services.sessions.issue(user.name, mark,
                                                                  _cookie_secret())
        st.session_state.pop("auth_password", None)
        st.rerun()
    st.caption(_("Demo accounts (after `verifier demo`) are listed in docs/ui.md."))


def _forget_session() -> None:
    """Forget the signed-in user and what they had open or typed."""
    for key in (SESSION_KEY, "auth_checked", "auth_cookie"):
        st.session_state.pop(key, None)
    for widget_key in list(st.session_state.keys()):
        if str(widget_key).startswith(("desk_", "note_", "verdict_", "editor_", "auditor_", "admin_",
                                "sources_")):
            del st.session_state[widget_key]


def sign_out() -> None:
    services.sessions.end(services.sessions.Mark.of(st.session_state.get(SESSION_KEY)))
    _forget_session()
    st.session_state["auth_clear_cookie"] = True
    if oidc_configured():
        st.logout()


def sidebar(user: SignedIn) -> None:
    with st.sidebar:
        st.markdown(_("Signed in as **{name}** · {role}").format(
            name=widgets.md(user.name), role=widgets.md(role_label(user.role))))
        st.button(_("Sign out"), key="auth_sign_out", on_click=sign_out)
        token = st.session_state.get("auth_cookie")
        if token and not oidc_configured():  # a reload finds this session again
            browser.set_session_cookie(token, services.sessions.max_age_seconds())
