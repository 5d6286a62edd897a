"""POST /v1/check of the seed article through a real `verifier api` (uvicorn) process on
127.0.0.1, against calling the service it calls (services.submit_draft) directly, in the same
run and on the same store: median latency of each, and the ratio (what HTTP, JSON and the
bearer token add to the check itself).

    .venv/bin/python bench/api_check.py            # 15 runs each
    .venv/bin/python bench/api_check.py --runs 31
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verifier import services  # noqa: E402
from verifier.db.store import open_store  # noqa: E402

SEED = ROOT / "verifier" / "data" / "demo" / "seed-maroc-russie-fr.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def post(port: int, token: str, body: bytes) -> dict:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("POST", "/v1/check", body=body,
                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    resp = conn.getresponse()
    out = json.loads(resp.read())
    conn.close()
    if resp.status != 200:
        raise SystemExit(f"POST /v1/check: {resp.status} {out}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="verifier-bench-api-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'claims.db'}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("VERIFIER_")} | {
            "VERIFIER_DATABASE_URL": url, "VERIFIER_CONFIG": str(Path(tmp) / "verifier.toml"),
            "PYTHONPATH": str(ROOT)}
        os.environ.update({k: env[k] for k in ("VERIFIER_DATABASE_URL", "VERIFIER_CONFIG")})
        store = open_store(url)
        list(services.load_demo(services.store_owner(), db=store))
        editor = services.Principal("eddie", "editor", "cli")
        token = services.tokens.create_token(editor, "eddie", "check", db=store).secret
        caller = services.Principal("eddie", "editor", "api", scope="check")
        text = SEED.read_text(encoding="utf-8")
        body = json.dumps({"text": text, "lang": "fr"}).encode()
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "verifier.cli", "api", "--port",
                                 str(port)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    post(port, token, body)  # also the warm-up
                    break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit("verifier api did not start") from None
                    time.sleep(0.3)
            services.submit_draft(caller, text.encode(), name="draft.txt", lang="fr", db=store)
            api_s, direct_s = [], []
            for _ in range(args.runs):  # interleaved: both see the same machine load
                t = time.perf_counter()
                out = post(port, token, body)
                api_s.append(time.perf_counter() - t)
                t = time.perf_counter()
                direct = services.submit_draft(caller, text.encode(), name="draft.txt",
                                               lang="fr", db=store)
                direct_s.append(time.perf_counter() - t)
            assert len(out["claims"]) == len(direct.checked.report.claims)
        finally:
            proc.terminate()
            proc.wait(timeout=15)
    a, d = statistics.median(api_s), statistics.median(direct_s)
    print(f"seed article ({len(text):,} chars, {len(out['claims'])} claims), {args.runs} runs each")
    print(f"  POST /v1/check (uvicorn, 127.0.0.1): median {a * 1000:.0f} ms")
    print(f"  services.submit_draft (same process): median {d * 1000:.0f} ms")
    print(f"  ratio API / service: {a / d:.2f}")


if __name__ == "__main__":
    main()
