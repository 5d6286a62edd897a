"""The HTTP API as a newsroom runs it: a real `verifier api` (uvicorn) process on a free port
of 127.0.0.1, over a SQLite store prepared with the CLI (`verifier demo`, `verifier tokens
create`), called over real sockets: the OpenAPI schema, a draft checked, a verdict with and
without the right version, 401/403/413/415/422, a token revoked and one expired, and the audit
events of what the API changed, with channel "api" (read back with `verifier audit log`)."""
from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from .servers import running

ROOT = Path(__file__).parents[1]
SEED = ROOT / "verifier" / "data" / "demo" / "seed-maroc-russie-fr.txt"
MAX_BYTES = 300_000  # the server's cap (VERIFIER_MAX_BYTES): small, to be passed cheaply


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    port: int
    url: str  # the store
    env: dict[str, str]
    tokens: dict[str, str]

    def call(self, method: str, path: str, *, token: str | None = None, body: Any = None,
             headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], Any]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        hdrs = dict(headers or {})
        if token is not None:
            hdrs["Authorization"] = f"Bearer {token}"
        data = body
        if body is not None and not isinstance(body, bytes):
            data = json.dumps(body).encode()
            hdrs.setdefault("Content-Type", "application/json")
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        raw = resp.read()
        conn.close()
        ctype = resp.getheader("Content-Type") or ""
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, (
            json.loads(raw) if ctype.startswith("application/json") else raw)

    def cli(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "verifier.cli", *args], cwd=ROOT,
                              env=self.env, input=stdin, capture_output=True, text=True,
                              timeout=180)


def _token(env: dict[str, str], name: str, scope: str) -> str:
    done = subprocess.run([sys.executable, "-m", "verifier.cli", "tokens", "create", name,
                           "--scope", scope, "--password-stdin"], cwd=ROOT, env=env,
                          input=f"demo-{name}\n", capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("api")
    url = f"sqlite:///{tmp / 'claims.db'}"
    # PYTHONPATH: the subprocesses import this checkout's package, not another install's.
    env = {k: v for k, v in os.environ.items() if not k.startswith("VERIFIER_")} | {
        "VERIFIER_DATABASE_URL": url, "VERIFIER_CONFIG": str(tmp / "verifier.toml"),
        "VERIFIER_MAX_BYTES": str(MAX_BYTES), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "verifier.cli", "demo"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    tokens = {"fatima": _token(env, "fatima", "review"), "eddie": _token(env, "eddie", "check"),
              "ada": _token(env, "ada", "audit")}
    port = free_port()
    log_path = tmp / "api.log"
    with running([sys.executable, "-m", "verifier.cli", "api", "--host", "127.0.0.1", "--port",
                  str(port)], env=env, cwd=ROOT, log_path=log_path,
                 probe=f"http://127.0.0.1:{port}/openapi.json", what="verifier api"):
        yield Server(port, url, env, tokens)
    assert "Traceback" not in log_path.read_text(), log_path.read_text()[-3000:]


def error_line(got: tuple[int, dict[str, str], Any], status: int, starts: str = "") -> str:
    code, _, body = got
    assert code == status, (code, body)
    line = body["error"]
    assert "\n" not in line and line.startswith(starts), line
    return str(line)


def test_the_openapi_schema_and_its_pages_are_served(server: Server) -> None:
    code, headers, schema = server.call("GET", "/openapi.json")
    assert code == 200 and headers["content-type"] == "application/json"
    assert "/v1/check" in schema["paths"] and "/v1/claims/{claim_id}/verdict" in schema["paths"]
    code, _, page = server.call("GET", "/docs")
    assert code == 200 and b"swagger-ui" in page.lower()


def test_check_the_seed_article_as_a_draft(server: Server) -> None:
    code, _, out = server.call("POST", "/v1/check", token=server.tokens["eddie"],
                               body={"text": SEED.read_text(encoding="utf-8"), "lang": "fr"})
    assert code == 200, out
    assert out["ready_to_publish"] is False
    assert any(c["text"] == "huit ans" and c["finding"] == "contradicted"
               for c in out["claims"])
    assert out["counts"]["claims"] == len(out["claims"]) and out["saved"] is None


def test_a_verdict_with_and_without_the_right_version(server: Server) -> None:
    fatima = server.tokens["fatima"]
    code, _, listing = server.call("GET", "/v1/claims?kind=temporal&finding=contradicted",
                                   token=fatima)
    assert code == 200 and listing["total"] >= 1
    claim_id = next(c["id"] for c in listing["claims"] if c["text"] == "huit ans")
    _, headers, _ = server.call("GET", f"/v1/claims/{claim_id}", token=fatima)
    etag = headers["etag"]
    path = f"/v1/claims/{claim_id}/verdict"
    error_line(server.call("POST", path, token=fatima, body={"verdict": "False"}), 428,
               "If-Match is required")
    code, headers, saved = server.call("POST", path, token=fatima, body={"verdict": "False"},
                                       headers={"If-Match": etag})
    assert code == 200 and saved["verdict"] == "False" and headers["etag"] != etag
    got = server.call("POST", path, token=fatima, body={"verdict": "True"},
                      headers={"If-Match": etag})
    error_line(got, 409, f"claim {claim_id} was changed by fatima at ")
    assert got[2]["changed_by"] == "fatima" and got[2]["changed_at"]
    # The audit log, read by the CLI: the verdict under fatima's name, through the API.
    log = server.cli("audit", "log", "--claim", str(claim_id), "--format", "json")
    assert log.returncode == 0, log.stderr
    events = [json.loads(line) for line in log.stdout.splitlines()]
    verdicts = [e for e in events if e["actor"] == "fatima"]
    assert verdicts and all(e["channel"] == "api" for e in verdicts)


def test_401_403_415_422(server: Server) -> None:
    code, headers, body = server.call("GET", "/v1/documents")
    assert code == 401 and headers["www-authenticate"].startswith("Bearer")
    error_line(server.call("GET", "/v1/documents", token="vrf_" + "A" * 43), 401,
               "unknown token")
    error_line(server.call("POST", "/v1/claims/1/verdict", token=server.tokens["eddie"],
                           body={"verdict": "False"}, headers={"If-Match": '"1"'}), 403,
               "this token's scope is check")
    error_line(server.call("GET", "/v1/exports/csv", token=server.tokens["fatima"]), 403)
    error_line(server.call("POST", "/v1/check", token=server.tokens["eddie"], body=b"texte",
                           headers={"Content-Type": "text/plain"}), 415,
               "unsupported media type 'text/plain'")
    error_line(server.call("POST", "/v1/check", token=server.tokens["eddie"], body=b"{oops",
                           headers={"Content-Type": "application/json"}), 422,
               "malformed JSON")


def _raw_request(port: int, head: bytes, chunks: Iterator[bytes]) -> tuple[bytes, int]:
    """Send `head` then `chunks` until the server answers or closes; the answer and how many
    body bytes went out."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(head)
        sock.settimeout(0.05)
        answer = b""
        for chunk in chunks:
            try:
                answer += sock.recv(65536)
                if answer:
                    break
            except (TimeoutError, BlockingIOError):
                pass
            try:
                sock.sendall(chunk)
                sent += len(chunk)
            except OSError:  # the server answered and closed
                break
        sock.settimeout(30)
        try:
            while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
                more = sock.recv(65536)
                if not more:
                    break
                answer += more
        except OSError:
            pass
    return answer, sent


def test_413_from_the_declared_length_before_the_body_is_read(server: Server) -> None:
    head = (f"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            f"{server.tokens['eddie']}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {10 ** 9}\r\n\r\n").encode()
    started = time.monotonic()
    answer, sent = _raw_request(server.port, head, iter(()))  # not one byte of the body
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent == 0 and time.monotonic() - started < 10
    assert b"exceed the limit of 300,000 bytes" in answer


def test_413_when_a_chunked_body_streams_past_the_cap(server: Server) -> None:
    head = (f"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            f"{server.tokens['eddie']}\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n").encode()
    piece = b"x" * 16384
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    total = 200  # 3.2 MB offered, ten times the cap
    answer, sent = _raw_request(server.port, head, iter([chunk] * total))
    assert answer.startswith(b"HTTP/1.1 413"), answer[:300]
    assert b"request body: " in answer
    assert sent < total * len(chunk)  # refused while streaming, never read whole


def test_a_revoked_and_an_expired_token_are_401(server: Server) -> None:
    token = _token(server.env, "eddie", "check")
    assert server.call("GET", "/v1/me", token=token)[0] == 200
    listing = server.cli("tokens", "list", "--format", "json")
    mine = next(t for t in json.loads(listing.stdout)
                if token.startswith(t["prefix"]) and t["state"] == "active")
    done = server.cli("tokens", "revoke", str(mine["id"]), "--as", "eddie", "--password-stdin",
                      stdin="demo-eddie\n")
    assert done.returncode == 0, done.stderr
    line = error_line(server.call("GET", "/v1/me", token=token), 401, f"token {mine['id']} ")
    assert "revoked" in line
    # expired: its expiry moved into the past in the store itself
    old = _token(server.env, "fatima", "review")
    from sqlmodel import select

    from verifier.db.models import ApiToken, utcnow
    from verifier.db.store import close_stores, open_store

    store = open_store(server.url)
    with store.write() as s:
        row = next(t for t in s.exec(select(ApiToken)).all() if old.startswith(t.prefix))
        row.expires_at = utcnow() - timedelta(seconds=5)
        s.add(row)
    close_stores()
    line = error_line(server.call("GET", "/v1/me", token=old), 401, "token ")
    assert "expired" in line


def hook_script() -> str:
    """The CMS pre-publish hook of docs/api.md, as printed there."""
    doc = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    section = doc.split("### A CMS pre-publish hook", 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def test_the_cms_hook_of_the_docs_blocks_a_draft_that_is_not_ready(server: Server,
                                                                   tmp_path: Path) -> None:
    hook = tmp_path / "prepublish.py"
    hook.write_text(hook_script(), encoding="utf-8")
    ready = tmp_path / "ready.txt"
    ready.write_text("Le conseil municipal se réunira jeudi pour voter le budget de la ville "
                     "et discuter des travaux de la place centrale.\n", encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", ""), "VERIFIER_API": f"http://127.0.0.1:{server.port}",
           "VERIFIER_TOKEN": server.tokens["eddie"]}

    def run(path: Path, **more: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(hook), str(path)], env=env | more,
                              capture_output=True, text=True, timeout=180)

    blocked = run(SEED)
    assert blocked.returncode == 1, blocked.stderr
    assert "CONTRADICTED: 'huit ans'" in blocked.stderr
    passed = run(ready)
    assert passed.returncode == 0, passed.stderr
    refused = run(ready, VERIFIER_TOKEN="vrf_" + "B" * 43)
    assert refused.returncode == 1
    assert refused.stderr.strip() == "verifier refused the draft: unknown token"
    unreachable = run(ready, VERIFIER_API=f"http://127.0.0.1:{free_port()}")
    assert unreachable.returncode == 1
    assert unreachable.stderr.startswith("verifier cannot be reached:")


def test_several_worker_processes_serve_the_same_store(server: Server, tmp_path: Path) -> None:
    """`verifier api --workers 2`: uvicorn's worker processes each build the app over the
    store given with --db."""
    port = free_port()
    env = {k: v for k, v in server.env.items() if k != "VERIFIER_DATABASE_URL"}
    with running([sys.executable, "-m", "verifier.cli", "api", "--port", str(port),
                  "--workers", "2", "--db", server.url], env=env, cwd=ROOT,
                 log_path=tmp_path / "api.log", probe=f"http://127.0.0.1:{port}/openapi.json",
                 what="verifier api --workers 2"):
        other = Server(port, server.url, env, server.tokens)
        for _ in range(4):
            code, _, me = other.call("GET", "/v1/me", token=server.tokens["ada"])
            assert code == 200 and me["name"] == "ada"
        code, _, verified = other.call("GET", "/v1/audit/verify", token=server.tokens["ada"])
        assert code == 200 and verified["ok"] is True
