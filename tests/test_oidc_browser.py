"""Single sign-on end to end: a minimal OpenID Connect provider served on 127.0.0.1 inside the
test (discovery document, JWKS, an authorize endpoint that approves at once and redirects with
a code, a token endpoint that checks the client, the code and its PKCE verifier and issues an
RS256-signed ID token), the real app (`streamlit run app.py`, its [auth] secrets pointing at
that provider), and Chromium clicking "Sign in with single sign-on". Streamlit and Authlib do
the whole exchange; nothing of either is replaced.

Run: .venv/bin/python -m pytest tests/test_oidc_browser.py -q"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from verifier import services
from verifier.db.store import close_stores, open_store

from .test_browser import (
    BROWSER,
    CHROMIUM_ARGS,
    TIMEOUT_MS,
    _free_port,
    _need_browser,
    idle,
    running_app,
    shot,
)

pytestmark = pytest.mark.browser

CLIENT_ID = "verifier-test"
CLIENT_SECRET = secrets.token_urlsafe(24)
EMAIL = "sso.user@example.org"


class Provider:
    """The identity provider. `identity` is whoever "signs in" at it next; `log` what it was
    asked."""

    def __init__(self, redirect_uri: str) -> None:
        from joserfc.jwk import RSAKey

        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-key", "use": "sig"})
        self.redirect_uri = redirect_uri
        self.identity: dict[str, Any] = {}
        self.codes: dict[str, dict[str, Any]] = {}
        self.log: list[dict[str, Any]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def discovery(self) -> dict[str, Any]:
        return {"issuer": self.issuer,
                "authorization_endpoint": f"{self.issuer}/authorize",
                "token_endpoint": f"{self.issuer}/token",
                "jwks_uri": f"{self.issuer}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic",
                                                          "client_secret_post"],
                "scopes_supported": ["openid", "email", "profile"]}

    def authorize(self, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        assert query.get("client_id") == CLIENT_ID and query.get("response_type") == "code"
        assert query.get("redirect_uri") == self.redirect_uri
        code = secrets.token_urlsafe(16)
        self.codes[code] = {"nonce": query.get("nonce"), "identity": dict(self.identity),
                            "challenge": query.get("code_challenge"),
                            "method": query.get("code_challenge_method")}
        location = f"{self.redirect_uri}?{urlencode({'code': code, 'state': query['state']})}"
        return 302, {"Location": location}, b""

    def token(self, form: dict[str, str], authorization: str | None) -> dict[str, Any]:
        from joserfc import jwt

        if authorization and authorization.startswith("Basic "):
            cid, _, secret = base64.b64decode(authorization[6:]).decode().partition(":")
        else:
            cid, secret = form.get("client_id", ""), form.get("client_secret", "")
        assert (cid, secret) == (CLIENT_ID, CLIENT_SECRET), "client not authenticated"
        assert form.get("grant_type") == "authorization_code"
        assert form.get("redirect_uri") == self.redirect_uri
        grant = self.codes.pop(form["code"])  # a code is good once
        if grant["challenge"]:
            digest = hashlib.sha256(form["code_verifier"].encode()).digest()
            assert base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == grant["challenge"]
        now = int(time.time())
        claims = {"iss": self.issuer, "sub": "user-42", "aud": CLIENT_ID, "iat": now,
                  "exp": now + 300, "nonce": grant["nonce"], "name": "Sso User",
                  **grant["identity"]}
        id_token = jwt.encode({"alg": "RS256", "kid": "test-key"}, claims, self.key)
        return {"access_token": secrets.token_urlsafe(16), "token_type": "Bearer",
                "expires_in": 300, "id_token": id_token, "scope": "openid email profile"}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _json(self, data: dict[str, Any]) -> None:
                self._send(200, {"Content-Type": "application/json"}, json.dumps(data).encode())

            def do_GET(self) -> None:  # noqa: N802
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                provider.log.append({"path": url.path, "query": query})
                if url.path == "/.well-known/openid-configuration":
                    self._json(provider.discovery())
                elif url.path == "/jwks":
                    self._json({"keys": [provider.key.as_dict(private=False)]})
                elif url.path == "/authorize":
                    self._send(*provider.authorize(query))
                else:
                    self._send(404, {}, b"")

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                form = {k: v[0] for k, v in parse_qs(body).items()}
                provider.log.append({"path": self.path, "form": sorted(form)})
                if self.path != "/token":
                    self._send(404, {}, b"")
                    return
                try:
                    self._json(provider.token(form, self.headers.get("Authorization")))
                except (AssertionError, KeyError) as exc:
                    provider.log.append({"path": self.path, "refused": repr(exc)})
                    self._send(400, {"Content-Type": "application/json"},
                               json.dumps({"error": "invalid_grant"}).encode())

        return Handler


@pytest.fixture(scope="module")
def sso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    _need_browser()
    tmp = tmp_path_factory.mktemp("oidc")
    url = f"sqlite:///{tmp / 'claims.db'}"
    store = open_store(url)
    owner = services.store_owner("test")
    services.ensure_demo_accounts(owner, db=store)  # an empty store: its owner sets it up
    services.users.add_user(services.Principal("adam", "admin", "cli"), "sso", "fact-checker",
                            email=EMAIL, db=store)  # then its (demo) admin
    close_stores()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    provider = Provider(f"{base}/oauth2callback")
    provider.thread.start()
    secrets_toml = tmp / "secrets.toml"
    secrets_toml.write_text(
        "[auth]\n"
        f'redirect_uri = "{base}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{provider.issuer}/.well-known/openid-configuration"\n')
    env = os.environ | {"VERIFIER_DATABASE_URL": url, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    log_path = tmp / "streamlit.log"
    try:
        with running_app(env, log_path, "--secrets.files", str(secrets_toml), port=port):
            yield {"base": base, "provider": provider, "log": log_path}
    finally:
        provider.server.shutdown()
        provider.server.server_close()


@pytest.fixture
def page(sso: dict[str, Any]) -> Iterator[Any]:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BROWSER, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            pg = context.new_page()
            pg.set_default_timeout(TIMEOUT_MS)
            expect.set_options(timeout=TIMEOUT_MS)
            pg.goto(str(sso["base"]))
            yield pg
        finally:
            browser.close()


def sign_in_at_the_provider(pg: Any, sso: dict[str, Any], **identity: Any) -> None:
    from playwright.sync_api import expect

    sso["provider"].identity = {"email": EMAIL, **identity}
    button = pg.get_by_role("button", name="Sign in with single sign-on")
    expect(button).to_be_visible()
    button.click()
    # Streamlit's /auth/login -> the provider's /authorize -> /oauth2callback -> the app.
    pg.wait_for_url(f"{sso['base']}/**", timeout=TIMEOUT_MS)


def identity_cookies(pg: Any) -> list[str]:
    return sorted(c["name"] for c in pg.context.cookies() if c["name"].startswith("_streamlit_user"))


def test_sign_in_through_the_provider_lands_signed_in(page: Any, sso: dict[str, Any]) -> None:
    from playwright.sync_api import expect

    pg = page
    asked_before = len(sso["provider"].log)
    sign_in_at_the_provider(pg, sso, email_verified=True)
    expect(pg.get_by_text("Signed in as sso")).to_be_visible()
    expect(pg.get_by_role("heading", name="Review desk", exact=True)).to_be_visible()
    idle(pg)
    shot(pg, "oidc-signed-in")
    asked = [entry["path"] for entry in sso["provider"].log[asked_before:]]
    assert "/authorize" in asked and "/token" in asked and "/jwks" in asked
    authorize = next(e for e in sso["provider"].log[asked_before:] if e["path"] == "/authorize")
    assert authorize["query"]["code_challenge_method"] == "S256"  # Streamlit asked for PKCE
    assert "nonce" in authorize["query"] and "openid" in authorize["query"]["scope"].split()
    assert not [e for e in sso["provider"].log if "refused" in e]
    assert identity_cookies(pg)
    pg.get_by_role("button", name="Sign out").click()
    expect(pg.get_by_role("button", name="Sign in with single sign-on")).to_be_visible()
    assert not identity_cookies(pg)
    pg.reload()  # the identity cookie is gone: a new session is not signed in
    expect(pg.get_by_role("button", name="Sign in with single sign-on")).to_be_visible()
    assert pg.get_by_text("Signed in as").count() == 0


def test_an_unverified_address_is_refused_and_signed_out(page: Any, sso: dict[str, Any]) -> None:
    from playwright.sync_api import expect

    pg = page
    sign_in_at_the_provider(pg, sso, email_verified=False)
    expect(pg.get_by_text(f"Your identity provider has not verified the e-mail address {EMAIL}",
                          exact=False)).to_be_visible()
    shot(pg, "oidc-refused")
    assert pg.get_by_text("Signed in as").count() == 0
    assert pg.get_by_role("heading", name="Review desk").count() == 0
    pg.reload()  # a new session reading the same identity cookie is refused as well
    expect(pg.get_by_text("has not verified the e-mail address", exact=False)).to_be_visible()
    assert pg.get_by_text("Signed in as").count() == 0
    pg.get_by_role("button", name="Sign out").click()
    expect(pg.get_by_role("button", name="Sign in with single sign-on")).to_be_visible()
    assert not identity_cookies(pg)
