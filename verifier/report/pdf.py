"""HTML -> PDF (and PNG) with headless Chromium driven by Playwright. The report is a local,
self-contained file; every request other than that file is refused, and Chromium runs with its
background networking off."""
from __future__ import annotations

import os
from pathlib import Path

BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]


class BrowserMissing(RuntimeError):
    """No browser to render PDF with."""


def browser_path() -> str:
    return os.environ.get("VERIFIER_BROWSER", "/usr/bin/chromium")


def _launch(p):  # type: ignore[no-untyped-def]
    exe = browser_path()
    if not Path(exe).exists():
        raise BrowserMissing(f"PDF export needs Chromium, and there is none at {exe}: install it "
                             "(Debian: apt-get install chromium) or set VERIFIER_BROWSER to a "
                             "Chromium executable; `--format html` needs no browser")
    from playwright.sync_api import Error

    try:
        return p.chromium.launch(executable_path=exe, args=BROWSER_ARGS)
    except Error as exc:
        raise BrowserMissing(f"could not start the browser at {exe}: "
                             f"{str(exc).splitlines()[0]}") from exc


def _playwright():  # type: ignore[no-untyped-def]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise BrowserMissing("PDF export needs the playwright package "
                             "(pip install playwright); `--format html` needs no browser") from exc
    return sync_playwright()


def _open(browser, html_path: Path):  # type: ignore[no-untyped-def]
    """The report in a context with JavaScript off and the network offline (the report holds
    document text, which is hostile: nothing in it may run or call out), every request but the
    report's own file aborted."""
    context = browser.new_context(java_script_enabled=False, offline=True)
    page = context.new_page()
    target = html_path.resolve().as_uri()
    page.route("**/*", lambda route: route.continue_() if route.request.url == target
               else route.abort())
    page.goto(target, wait_until="load", timeout=600_000)
    return page


def html_to_pdf(html_path: Path, pdf_path: Path) -> None:
    with _playwright() as p:
        browser = _launch(p)
        try:
            page = _open(browser, html_path)
            page.emulate_media(media="print")
            page.pdf(path=str(pdf_path), format="A4", print_background=True,
                     display_header_footer=True, header_template="<span></span>",
                     footer_template='<div style="font-size:8px;width:100%;text-align:center">'
                                     '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
                     margin={"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"})
        finally:
            browser.close()


def html_to_png(html_path: Path, png_path: Path, *, width: int = 1100) -> None:
    """A full-page screenshot (for tests and previews)."""
    with _playwright() as p:
        browser = _launch(p)
        try:
            page = _open(browser, html_path)
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=str(png_path), full_page=True)
        finally:
            browser.close()
