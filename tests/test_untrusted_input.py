"""Every untrusted input is read, and its claims extracted, in the limited worker
(verifier.sandbox; docs/decisions.md §21, §22): the Sources page's uploads, the editor's
"Save draft", and every URL the CLI ingests or checks. Past the worker's CPU-time limit (1 s
here, on inputs that need more), the shell says "document too complex" in one line (the CLI
exits 2), nothing stored is lost or changed, and the next input goes through as usual."""
from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from verifier.cli import app
from verifier.db.models import Document
from verifier.reference.passages import split_passages

from .conftest import token_env
from .test_cli import snapshot
from .test_ui_support import PAGE, SEED, Seeded, seeded, sign_in

__all__ = ["seeded"]

runner = CliRunner()
# Needs seconds of CPU to extract (4,800 claims): past a 1 s limit.
HEAVY_TEXT = ((SEED.read_text(encoding="utf-8") + "\n\n") * 300).encode()
_PARAGRAPHS = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
# A 1 MB page whose article is six paragraphs (a few claims, quick to show) under 40,000
# menu entries: about 3 s of CPU to read (trafilatura), past a 1 s limit.
HEAVY_HTML = ("<!DOCTYPE html><html lang=fr><head><meta charset=utf-8><title>Lourd</title></head>"
              "<body><div class=menu>" + "<div><span>x</span></div>" * 40_000
              + "</div><article>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS[:6])
              + "</article></body></html>").encode()
SMALL_SOURCE = ("Conférence de presse, 16 octobre 2025.\n\nM. LAVROV : Nous partageons une "
                "vision ambitieuse pour nos deux peuples.\n\nM. BOURITA : Merci.\n").encode()


class _Pages(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802
        if self.path not in self.routes:
            self.send_error(404, "Not Found")
            return
        ctype, body = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(routes: dict[str, tuple[str, bytes]]) -> Iterator[str]:
    """A local HTTP server for `routes` (path: (content type, body)); its base URL."""
    handler = type("Handler", (_Pages,), {"routes": routes})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def pages(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("VERIFIER_ALLOW_HOSTS", "127.0.0.1")  # the test server, on this machine
    with serve({"/heavy": ("text/plain; charset=utf-8", HEAVY_TEXT),
                "/heavy.html": ("text/html; charset=utf-8", HEAVY_HTML),
                "/transcript": ("text/plain; charset=utf-8", SMALL_SOURCE)}) as base:
        yield base


def cli(*args: str, db: str, env: dict[str, str] | None = None) -> object:
    return runner.invoke(app, list(args), env={"VERIFIER_DATABASE_URL": db, "VERIFIER_TOKEN": None}
                         | (env or {}), catch_exceptions=False)  # type: ignore[operator]


def too_complex_in_one_line(result: object, what: str) -> None:
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    err = result.stderr.strip()  # type: ignore[attr-defined]
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"error: {what}: document too complex"), err
    assert "Traceback" not in result.output  # type: ignore[attr-defined]


# --- the CLI: URLs ---------------------------------------------------------------------------


@pytest.mark.parametrize("route, kind", [("/heavy", "article"), ("/heavy.html", "source")])
def test_ingesting_a_url_past_the_worker_limits_exits_2_and_changes_nothing(
        db_url: str, pages: str, route: str, kind: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An article (its claims extracted) or a reference source (read and split into passages)
    from a URL: read in the worker, so the 1 s limit stops it."""
    assert cli("demo", db=db_url).exit_code == 0
    as_adam = token_env(db_url, "adam", "admin")  # sources are an admin's (docs/decisions.md §23)
    before = snapshot(db_url)
    monkeypatch.setenv("VERIFIER_EXTRACT_CPU_SECONDS", "1")
    url = f"{pages}{route}"
    too_complex_in_one_line(cli("ingest", url, "--kind", kind, db=db_url, env=as_adam), url)
    assert snapshot(db_url) == before
    # The next input goes through the same worker as usual.
    monkeypatch.setenv("VERIFIER_EXTRACT_CPU_SECONDS", "30")
    res = cli("ingest", f"{pages}/transcript", "--kind", "source", db=db_url, env=as_adam)
    assert res.exit_code == 0 and "(stored, 0 claims)" in res.stdout, res.output


def test_checking_a_url_past_the_worker_limits_exits_2_and_changes_nothing(
        db_url: str, pages: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("demo", db=db_url).exit_code == 0
    as_adam = token_env(db_url, "adam", "admin")  # sources are an admin's (docs/decisions.md §23)
    before = snapshot(db_url)
    monkeypatch.setenv("VERIFIER_EXTRACT_CPU_SECONDS", "1")
    url = f"{pages}/heavy"
    too_complex_in_one_line(cli("check", url, db=db_url), url)
    # a reference source given by URL is read in the worker too
    too_complex_in_one_line(cli("check", str(SEED), "--source", f"{pages}/heavy.html",
                                db=db_url, env=as_adam), f"{pages}/heavy.html")
    assert snapshot(db_url) == before


def test_extracting_a_url_past_the_worker_limits_exits_2(pages: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFIER_EXTRACT_CPU_SECONDS", "1")
    res = runner.invoke(app, ["extract", f"{pages}/heavy"], catch_exceptions=False)
    too_complex_in_one_line(res, f"{pages}/heavy")


def test_a_url_source_read_in_the_worker_is_stored_with_its_passages(
        db_url: str, pages: str) -> None:
    """What the worker sends back is what the store keeps: the source, its passages and
    their speaker turns, and where it came from."""
    res = cli("ingest", f"{pages}/transcript", "--kind", "source", db=db_url)
    assert res.exit_code == 0, res.output
    from verifier.db.models import Passage
    from verifier.db.store import open_store

    with open_store(db_url).read() as s:
        doc = s.exec(select(Document)).one()
        passages = s.exec(select(Passage).where(Passage.document_id == doc.id)).all()
    assert doc.kind == "source" and doc.url == f"{pages}/transcript"
    assert [(p.seq, p.start, p.end, p.text, p.speaker) for p in passages] == [
        tuple(p) for p in split_passages(doc.text, doc.language)]
    assert {p.speaker for p in passages} == {None, "M. LAVROV", "M. BOURITA"}


# --- the browser -----------------------------------------------------------------------------


def test_a_source_upload_past_the_worker_limits_is_too_complex_and_nothing_is_stored(
        seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Sources page reads its uploads in the worker: past the limit, one error line for
    that file, the store unchanged, and the next upload is stored as usual."""
    before = snapshot(seeded.url)
    monkeypatch.setenv("VERIFIER_EXTRACT_CPU_SECONDS", "1")
    at = sign_in("adam")
    at.switch_page(PAGE["sources"]).run()
    at.file_uploader(key="sources_files").set_value(("lourd.html", HEAVY_HTML, "text/html"))
    at.button(key="sources_add_btn").click().run()
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].startswith("lourd.html: document too complex"), errors
    assert "\n" not in errors[0]
    assert snapshot(seeded.url) == before
    monkeypatch.setenv("VERIFIER_EXTRACT_CPU_SECONDS", "30")
    at.file_uploader(key="sources_files").set_value(("conference.txt", SMALL_SOURCE, "text/plain"))
    at.button(key="sources_add_btn").click().run()
    assert not at.error, [e.value for e in at.error]
    assert any("conference.txt: stored as document" in t.value for t in at.text)


def test_save_draft_reads_the_draft_in_the_worker(seeded: Seeded,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """"Save draft" reads and extracts the uploaded draft again before storing it: in the
    worker, so a draft past the limit is refused with one line and nothing is stored; with the
    limit back, the same draft is saved."""
    at = sign_in("eddie")
    at.file_uploader(key="editor_file").set_value(("menu.html", HEAVY_HTML, "text/html"))
    at.button(key="editor_check").click().run()
    assert not at.exception and not [e for e in at.error if "too complex" in e.value]
    before = snapshot(seeded.url)
    monkeypatch.setenv("VERIFIER_EXTRACT_CPU_SECONDS", "1")
    at.button(key="editor_save").click().run()
    assert not at.exception, at.exception
    errors = [e.value for e in at.error if "document too complex" in e.value]
    assert len(errors) == 1 and errors[0].startswith("menu.html: document too complex")
    assert not any("Saved as draft document" in s.value for s in at.success)
    assert snapshot(seeded.url) == before
    monkeypatch.setenv("VERIFIER_EXTRACT_CPU_SECONDS", "30")
    at.button(key="editor_save").click().run()
    assert any("Saved as draft document" in s.value for s in at.success)
    with seeded.store.read() as s:
        assert s.exec(select(Document).where(Document.kind == "draft")).one().created_by == "eddie"
