"""A server process for a test: started, waited for until it answers, stopped. Used by the
browser tests (`streamlit run`) and the HTTP API's (`verifier api`)."""
from __future__ import annotations

import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def answers(url: str) -> bool:
    """Whether a GET of `url` answers 200 now."""
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return bool(r.status == 200)
    except OSError:
        return False


@contextmanager
def running(cmd: list[str], *, env: dict[str, str], cwd: Path, log_path: Path, probe: str,
            what: str, wait_s: float = 60) -> Iterator[subprocess.Popen[bytes]]:
    """`cmd` running (its output in `log_path`) once a GET of `probe` answers 200; stopped on
    exit. Fails the test with the end of its log when it does not answer within `wait_s`."""
    log = log_path.open("wb")
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + wait_s
        while not answers(probe):
            if proc.poll() is not None or time.monotonic() > deadline:
                log.close()
                pytest.fail(f"{what} did not start:\n" + log_path.read_text()[-3000:])
            time.sleep(0.3)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
