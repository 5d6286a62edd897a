"""The README's pictures of what each role sees, taken in Chromium on the real app (the server,
the browser and the helpers of tests/test_browser.py, with a store of its own holding the demo):
docs/img/fact-checker.png, editor.png, auditor.png and admin.png, 1440 x 900. (docs/img/desk.png,
the desk at 1440 x 1400, is written by tests/test_browser.py.)

The content is the demo's: the same claims, findings and page each time. The claim's address on
the desk names the test server's port; it is shown as `make run` serves it (localhost:8501).
The audit feed's times are those of the run.

Run: .venv/bin/python -m pytest tests/test_screenshots.py -q"""
from __future__ import annotations

import re
import shutil

import pytest

from .test_browser import (
    ARTIFACTS,
    DOCS_IMG,
    SEED,
    browser,
    go,
    idle,
    server,
    shot,
    sign_in,
)

__all__ = ["browser", "server"]  # the fixtures of test_browser, for this module

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1440, "height": 900}


@pytest.fixture
def page(browser, server):  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    from .test_browser import TIMEOUT_MS

    context = browser.new_context(viewport=VIEWPORT)
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    pg.goto(str(server["base"]))
    yield pg
    context.close()


def readme_shot(pg, role: str) -> None:  # type: ignore[no-untyped-def]
    """The page as it is now, to test-artifacts/ and docs/img/<role>.png."""
    idle(pg)
    # No hover state: not on the sidebar (its collapse button), not on what the last click hit.
    pg.mouse.move(VIEWPORT["width"] - 2, VIEWPORT["height"] - 2)
    shot(pg, f"readme-{role}")
    DOCS_IMG.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ARTIFACTS / f"readme-{role}.png", DOCS_IMG / f"{role}.png")


def scroll_to_top(pg, locator, margin: int = 70) -> None:  # type: ignore[no-untyped-def]
    """Scroll the page's scrolling box so that `locator` is `margin` px below the window's top
    (under Streamlit's header)."""
    locator.first.evaluate("""(el, margin) => {
        let s = el.parentElement;
        while (s && !(s.scrollHeight > s.clientHeight + 1
                      && /(auto|scroll)/.test(getComputedStyle(s).overflowY))) s = s.parentElement;
        s = s || document.scrollingElement;
        s.scrollTop += el.getBoundingClientRect().top - margin;
    }""", margin)
    pg.wait_for_timeout(200)


def test_fact_checker_on_the_desk_with_a_contradicted_claim_open(page, server) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    pg = page
    sign_in(pg, "fatima")
    # The queue opens on the most urgent claim: the demo's contradicted "huit ans".
    expect(pg.get_by_role("heading", name=re.compile(r"^Claim #\d+ · date · Contradicted$"))
           ).to_be_visible()
    expect(pg.locator("mark.vf-selected").first).to_have_text("huit ans")
    pg.wait_for_function("() => !!document.querySelector('[data-scrolled-to]')")
    # The address as `make run` serves it, not the test server's port (drawn by a style, which
    # outlasts Streamlit redrawing the code block).
    address = pg.locator('[data-testid="stCode"]').first.inner_text().strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/desk\?claim=\d+", address), address
    shown = re.sub(r"127\.0\.0\.1:\d+", "localhost:8501", address)
    pg.add_style_tag(content=(
        '[data-testid="stCode"] code > span > span { font-size: 0; }'
        '[data-testid="stCode"] code > span > span::after { font-size: 0.875rem; '
        f'content: "{shown}"; }}'))
    # From the claim box down: the document with the claim outlined, the panel with the finding.
    scroll_to_top(pg, pg.locator('[data-testid="stSelectbox"]').filter(
        has=pg.get_by_text("Claim", exact=True)))
    readme_shot(pg, "fact-checker")


def test_editor_with_the_demo_draft_checked(page, server) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    pg = page
    sign_in(pg, "eddie")
    expect(pg.get_by_role("heading", name="Check a draft", exact=True)).to_be_visible()
    pg.get_by_label("Draft text").fill(SEED.read_text(encoding="utf-8"))
    pg.get_by_role("button", name="Check draft").click()
    idle(pg)
    expect(pg.get_by_text(re.compile(r"^NOT READY TO PUBLISH"))).to_be_visible()
    expect(pg.locator(".vf-note").filter(has_text="Write « neuf ans » instead of « huit ans »")
           ).to_be_visible()
    scroll_to_top(pg, pg.locator('[data-testid="stAlert"]').filter(
        has_text=re.compile(r"NOT READY TO PUBLISH")))
    readme_shot(pg, "editor")


def test_auditor_on_the_activity_feed(page, server) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    pg = page
    sign_in(pg, "ada")
    expect(pg.get_by_role("heading", name="Audit", exact=True)).to_be_visible()
    expect(pg.get_by_text(re.compile(r"^Intact: \d+ events"))).to_be_visible()
    expect(pg.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    scroll_to_top(pg, pg.get_by_role("heading", name="Audit chain", exact=True))
    readme_shot(pg, "auditor")


def test_admin_on_users_and_roles(page, server) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    pg = page
    sign_in(pg, "adam")
    go(pg, "Users and roles")
    expect(pg.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    scroll_to_top(pg, pg.locator('[data-testid="stForm"]').filter(has_text="Change a role"))
    readme_shot(pg, "admin")
