"""The real app in a real browser: `streamlit run app.py` on a free port with a temporary
database holding the demo, driven by Playwright on Debian's Chromium.

Run: .venv/bin/python -m pytest tests/test_browser.py -q
Without Chromium the tests are skipped, except when CI=true, where they fail. Screenshots go to
test-artifacts/ (gitignored); docs/img/desk.png is written for the README."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from verifier import services as api
from verifier.db.models import Claim
from verifier.db.store import close_stores, open_store
from verifier.services import ensure_demo_accounts, store_owner

from .servers import running
from .test_ui_support import add_claim_at

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parents[1]
ARTIFACTS = ROOT / "test-artifacts"
DOCS_IMG = ROOT / "docs" / "img"
BROWSER = os.environ.get("VERIFIER_BROWSER", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 30_000
HOSTILE = ("Note hostile\n\nLe porte-parole a écrit <script>window.__xss=1</script> puis "
           '<img src=x onerror="window.__xss=2"> et [un lien](javascript:window.__xss=3) '
           'ou encore <a href="javascript:window.__xss=4">ce lien</a>, huit ans après.\n')


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _need_browser() -> None:
    missing = None
    if not (Path(BROWSER).is_file() and os.access(BROWSER, os.X_OK)):
        missing = f"Chromium not found at {BROWSER} (set VERIFIER_BROWSER)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright package is not installed"
    if missing:
        if _in_ci():
            pytest.fail(f"CI needs the browser test: {missing}")
        pytest.skip(missing)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# An earlier fact-check of Bourita's words, "loyal" where the article has "digne de confiance".
PRECEDENTS = ("id\tclaim\ttitle\tverdict\turl\tdate\n"
              "afp-1\tNous considérons la Russie comme un partenaire proche et cher, un acteur "
              "sérieux sur la scène internationale, et surtout un négociateur honnête et loyal\t"
              "Nasser Bourita : la Russie, un partenaire proche et cher, un négociateur honnête\t"
              "Mostly true\thttps://factcheck.example.org/afp-1\t2025-10-20\n")
SOURCE = ROOT / "tests" / "data" / "contract" / "source-moscou.txt"
SEED = ROOT / "verifier" / "data" / "demo" / "seed-maroc-russie-fr.txt"


def _prepare_db(url: str) -> dict[str, int]:
    """The demo (via the CLI, as a user would), its accounts, and a hostile document."""
    # PYTHONPATH: the console script imports this checkout's package, not another install's.
    env = os.environ | {"VERIFIER_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    env.pop("VERIFIER_TOKEN", None)
    verifier = Path(sys.executable).with_name("verifier")
    cmd = [str(verifier), "demo"] if verifier.exists() else [sys.executable, "-m", "verifier.cli", "demo"]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    store = open_store(url)
    ensure_demo_accounts(store_owner("test"), db=store)  # idempotent: `verifier demo` may already have done it
    with store.read() as s:
        from sqlmodel import select
        seed_id = 1
        huit = s.exec(select(Claim).where(Claim.document_id == seed_id)
                      .where(Claim.text == "huit ans")).first()
    assert huit is not None and huit.finding == "contradicted"  # stored by `verifier demo`
    hostile = api.ingest_into(store, HOSTILE.encode(), name="hostile.txt", lang="fr", actor="test")
    if not any(c.text == "huit ans" for c in _claims(store, hostile.document.id)):
        add_claim_at(store, hostile.document.id, "huit ans")
    ids = {"seed": seed_id, "hostile": int(hostile.document.id or 0)}
    close_stores()
    return ids


def _claims(store, document_id):  # type: ignore[no-untyped-def]
    from verifier.db.documents import document_claims
    with store.read() as s:
        return document_claims(session=s, document_id=document_id)


@contextmanager
def running_app(env: dict[str, str], log_path: Path, *args: str,
                port: int | None = None) -> Iterator[str]:
    """`streamlit run app.py` on `port` (else a free one) of 127.0.0.1, with `args`, waited for
    until its health check answers; its base URL; stopped on exit. Fails the test with the end
    of its log when it does not start within a minute."""
    port = port or _free_port()
    base = f"http://127.0.0.1:{port}"
    with running([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                  "--server.headless", "true", "--server.address", "127.0.0.1",
                  "--server.fileWatcherType", "none", *args],
                 env=env, cwd=ROOT, log_path=log_path, probe=f"{base}/_stcore/health",
                 what="streamlit"):
        yield base


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    _need_browser()
    tmp = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{tmp / 'claims.db'}"
    ids = _prepare_db(url)
    env = os.environ | {"VERIFIER_DATABASE_URL": url, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    try:
        with running_app(env, tmp / "streamlit.log") as base:
            yield {"base": base, "db": url, "ids": ids}
    finally:
        close_stores()


@pytest.fixture(scope="module")
def browser(server: dict[str, object]) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=BROWSER, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, server):  # type: ignore[no-untyped-def]
    # An English browser: the interface follows the browser's language (docs/decisions.md §30).
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)  # its own default is 5 s: too short on a loaded machine
    pg.goto(str(server["base"]))
    yield pg
    context.close()


def shot(pg, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    pg.wait_for_timeout(400)  # let the last rerun paint
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def idle(pg) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit has finished the current run (its "Running" widget is gone and
    the app is not marked stale)."""
    pg.wait_for_timeout(400)
    pg.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=TIMEOUT_MS)
    pg.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')",
                         timeout=TIMEOUT_MS)


def sign_in(pg, name: str) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    pg.get_by_label("User name").fill(name)
    pg.get_by_label("Password", exact=True).fill(f"demo-{name}")
    pg.get_by_role("button", name="Sign in").click()
    expect(pg.get_by_text(f"Signed in as {name}")).to_be_visible()
    idle(pg)


def sign_out(pg) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    pg.get_by_role("button", name="Sign out").click()
    expect(pg.get_by_role("button", name="Sign in")).to_be_visible()


def choose(pg, label: str, option: str | re.Pattern[str], *, exact: bool = False,  # type: ignore[no-untyped-def]
           scope=None) -> None:
    """Pick an option of a selectbox (within `scope`, a locator, when given); retried, since a
    rerun landing at the wrong moment closes the list."""
    if label == "Document":
        open_filters(pg)
    box = (scope or pg).locator('[data-testid="stSelectbox"]').filter(
        has=pg.get_by_text(label, exact=True)).first
    for attempt in range(4):
        box.click()
        opt = pg.get_by_role("option", name=option, exact=exact).first
        try:
            opt.wait_for(state="visible", timeout=5_000)
            opt.click()
            break
        except Exception:
            if attempt == 3:
                raise
            pg.keyboard.press("Escape")
            idle(pg)
    idle(pg)


def go(pg, title: str) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    pg.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    expect(pg.get_by_role("heading", name=title, exact=True)).to_be_visible()
    idle(pg)


def open_filters(pg) -> None:  # type: ignore[no-untyped-def]
    status = pg.locator('[data-testid="stMultiSelect"]').filter(
        has=pg.get_by_text("Status", exact=True))
    if not status.is_visible():
        pg.locator('[data-testid="stExpander"] summary').filter(has_text="Filters").click()
        status.wait_for(state="visible")


def clear_status_filter(pg) -> None:  # type: ignore[no-untyped-def]
    open_filters(pg)
    box = pg.locator('[data-testid="stMultiSelect"]').filter(has=pg.get_by_text("Status", exact=True))
    box.locator("input").click()
    pg.keyboard.press("Backspace")
    pg.keyboard.press("Escape")
    idle(pg)


def db_claim(server, text: str) -> Claim:  # type: ignore[no-untyped-def]
    from sqlmodel import select

    store = open_store(str(server["db"]))
    with store.read() as s:
        c = s.exec(select(Claim).where(Claim.document_id == server["ids"]["seed"])
                   .where(Claim.text == text)).first()
    assert c is not None
    return c


def test_fact_checker_marks_a_claim_and_auditor_cannot_change_it(page, server) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    pg = page
    expect(pg.get_by_role("button", name="Sign in")).to_be_visible()
    shot(pg, "sign-in")
    sign_in(pg, "fatima")
    expect(pg.get_by_role("heading", name="Review desk", exact=True)).to_be_visible()
    choose(pg, "Document", re.compile(r"^1 · "))
    choose(pg, "Claim", re.compile(r"date · huit ans"))
    expect(pg.locator("mark.vf-selected").first).to_have_text("huit ans")
    pg.locator('[data-testid="stExpander"] summary').filter(has_text="Filters").click()
    pg.locator('[data-testid="stMultiSelect"]').first.wait_for(state="hidden")  # folded
    pg.set_viewport_size({"width": 1440, "height": 1400})
    shot(pg, "desk")
    pg.set_viewport_size({"width": 1440, "height": 1000})
    DOCS_IMG.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ARTIFACTS / "desk.png", DOCS_IMG / "desk.png")

    # The verdict without the mouse after choosing it: the note, then Ctrl+Enter saves.
    choose(pg, "Verdict", "False", exact=True)
    note = "Le Partenariat stratégique approfondi date de mars 2016 : neuf ans, pas huit."
    area = pg.get_by_label("Note")
    area.fill(note)
    area.press("Control+Enter")
    expect(pg.get_by_text(re.compile(r"Saved claim #\d+: False by fatima")).first).to_be_visible()
    saved = db_claim(server, "huit ans")
    assert (saved.verdict, saved.reviewed_by, saved.note) == ("False", "fatima", note)

    # Reload: a new Streamlit session, still signed in (the session cookie); the verdict stored.
    pg.reload()
    expect(pg.get_by_text("Signed in as fatima")).to_be_visible()
    idle(pg)
    clear_status_filter(pg)
    choose(pg, "Claim", re.compile(r"date · huit ans"))
    expect(pg.get_by_text(re.compile(r"Current verdict: False \(by fatima"))).to_be_visible()
    expect(pg.get_by_text(f"Current note: {note}")).to_be_visible()

    for title, name in (("Check a draft", "editor"), ("Sources and facts", "sources")):
        go(pg, title)
        shot(pg, name)
    sign_out(pg)

    # The auditor: the audit page, then the desk without any verdict form.
    sign_in(pg, "ada")
    expect(pg.get_by_role("heading", name="Audit", exact=True)).to_be_visible()
    expect(pg.get_by_text(re.compile(r"^Intact: \d+ events"))).to_be_visible()
    shot(pg, "audit")
    go(pg, "Review desk")
    clear_status_filter(pg)
    choose(pg, "Claim", re.compile(r"date · huit ans"))
    expect(pg.get_by_text(re.compile(r"signed in as auditor"))).to_be_visible()
    assert pg.get_by_role("button", name="Save and next").count() == 0
    assert pg.get_by_label("Note").count() == 0
    pg.keyboard.press("Control+Enter")  # the shortcut does nothing for an auditor
    idle(pg)
    shot(pg, "desk-auditor")
    after = db_claim(server, "huit ans")
    assert (after.verdict, after.reviewed_by, after.version) == ("False", "fatima", saved.version)
    sign_out(pg)

    sign_in(pg, "adam")
    go(pg, "Users and roles")
    expect(pg.locator('[data-testid="stDataFrame"]').last).to_be_visible()
    shot(pg, "admin")


def test_hostile_document_is_shown_as_text_and_runs_nothing(page, server) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    pg = page
    sign_in(pg, "fatima")
    choose(pg, "Document", re.compile(rf"^{server['ids']['hostile']} · "))
    doc = pg.locator(".vf-doc").last
    expect(doc).to_contain_text("<script>window.__xss=1</script>")
    expect(doc).to_contain_text('<img src=x onerror="window.__xss=2">')
    expect(doc).to_contain_text("[un lien](javascript:window.__xss=3)")
    expect(doc).to_contain_text('<a href="javascript:window.__xss=4">ce lien</a>')
    assert doc.locator("script, img, a").count() == 0
    # Clicking where the links would be does nothing either.
    doc.get_by_text("ce lien").first.click()
    shot(pg, "xss-desk")

    # The same text pasted into the editor's page.
    go(pg, "Check a draft")
    draft = pg.get_by_label("Draft text")
    draft.fill(HOSTILE)
    # The text reaches the app first (a text box sends its value when it loses the focus):
    # pressed on a box still holding unsent text, Ctrl+Enter sends two messages at once (the
    # value, then the button); under load, once in a full run, the check then never started.
    draft.blur()
    idle(pg)
    draft.press("Control+Enter")  # the "Check draft" shortcut, straight from the text
    idle(pg)
    expect(pg.get_by_role("button", name="Save draft")).to_be_visible()
    expect(pg.locator(".vf-annotated")).to_contain_text("<script>window.__xss=1</script>")
    shot(pg, "xss-editor")
    assert pg.evaluate("() => typeof window.__xss") == "undefined"
    assert pg.locator("img[src='x']").count() == 0
    assert pg.locator("a[href^='javascript']").count() == 0


ALTERED_DRAFT = ("Moscou, 16 octobre 2025. « Nous considérons la Russie comme un partenaire proche et "
                 "cher, un acteur sérieux sur la scène internationale, et surtout un négociateur "
                 "honnête et digne de confiance », a déclaré Nasser Bourita.\n")


def test_source_in_the_library_flags_an_altered_quote_in_a_draft(page, server) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: an admin adds a transcript on the Sources page; an editor's draft that changes
    two words of a quote it holds is not ready to publish, with the changed words shown."""
    from playwright.sync_api import expect

    pg = page
    sign_in(pg, "adam")
    go(pg, "Sources and facts")
    form = pg.locator('[data-testid="stForm"]').filter(has_text="Add reference documents")
    form.locator('input[type="file"]').set_input_files(
        str(ROOT / "tests" / "data" / "contract" / "source-moscou.txt"))
    expect(form.get_by_text("source-moscou.txt")).to_be_visible()
    form.get_by_role("button", name="Add sources").click()
    expect(pg.get_by_text("1 added, 0 refused")).to_be_visible()
    idle(pg)
    shot(pg, "sources-added")
    sign_out(pg)

    sign_in(pg, "eddie")
    go(pg, "Check a draft")
    pg.get_by_label("Draft text").fill(ALTERED_DRAFT)
    pg.get_by_role("button", name="Check draft").click()
    idle(pg)
    expect(pg.get_by_text(re.compile(r"^NOT READY TO PUBLISH: 0 contradicted claims, "
                                     r"1 altered quotes"))).to_be_visible()
    # Beside the quote, the words the source has.
    expect(pg.locator(".vf-note").filter(has_text="Quote the words the source has: « Nous "
                                                  "considérons la Russie")).to_contain_text(
        "un négociateur honnête et fiable »")
    expect(pg.get_by_text("Quotes checked against: source-moscou.txt — library")).to_be_visible()
    shot(pg, "editor-altered-quote")


def test_fact_checker_sees_the_alignment_first_and_the_precedent_labelled_similar(page, server) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: an earlier fact-check of Bourita's words ("loyal" for "digne de confiance") is
    imported and the seed checked again against a transcript given for that check only (so the
    library the other tests add to stays as it was); the desk shows the alignment first and
    the earlier verdict after it, labelled as similar, with the words that differ."""
    from playwright.sync_api import expect

    from verifier.reference.precedents import semantic_enabled
    from verifier.services.documents import check_ingested, read, save_checked

    if not semantic_enabled():  # lexical ranking alone scores the precedent under PRECEDENT_MIN
        pytest.skip("needs the sentence-embedding model (the semantic extra)")
    store = open_store(str(server["db"]))
    admin = api.Principal("adam", "admin", "cli")  # a demo account
    api.sources.import_precedents(admin, PRECEDENTS.encode(), collection="afp", db=store)
    seed = read(SEED)
    report = check_ingested(seed, store, [read(SOURCE)])
    save_checked(store, seed, report, kind="article", actor=admin.name, recheck=True)
    close_stores()

    pg = page
    sign_in(pg, "fatima")
    choose(pg, "Document", re.compile(r"^1 · "))
    choose(pg, "Claim", re.compile(r"quote · Nous considérons la Russie"))
    alignment = pg.get_by_text(re.compile(r"^1\. Source · \d+(\.\d)?/100$"))
    earlier = pg.get_by_text(re.compile(r"^2\. Vérification antérieure · \d+(\.\d)?/100$"))
    expect(alignment).to_be_visible()
    expect(earlier).to_be_visible()
    first, second = alignment.bounding_box(), earlier.bounding_box()
    assert first is not None and second is not None and first["y"] < second["y"]
    expect(pg.get_by_text(re.compile(r"^Affirmation semblable, pas identique : « Nous "
                                     r"considérons .* — verdict « Mostly true »"))).to_be_visible()
    expect(pg.locator(".vf-diff del", has_text="loyal")).to_be_visible()
    expect(pg.locator(".vf-diff ins", has_text="digne de confiance").last).to_be_visible()
    earlier.scroll_into_view_if_needed()
    shot(pg, "desk-evidence")


# --- the review desk a newsroom would choose over a spreadsheet (docs/decisions.md §27) -------

ANNIVERSARY = ("jeudi, octobre 16, 2025\n\nMaroc – Russie : un anniversaire\n\n"
               "À Rabat, les deux pays ont célébré ce jeudi le partenariat, sept ans après la "
               "signature du Partenariat stratégique approfondi entre le roi Mohammed VI et "
               "Vladimir Poutine. Le Conseil de sécurité de l’ONU, actuellement présidé par la "
               "Russie, se réunira bientôt.\n")
# What a reader must not meet on the desk: method codes, field names, raw values, JSON.
RAW = ("kb.", "precedent:", "align:", "timex_type", "PRESENT_REF", "FUTURE_REF", "predicate=",
       "{", "}", "holds_office", "no_evidence", "not_found")


def claim_id_of(server, text: str, document: int | None = None) -> int:  # type: ignore[no-untyped-def]
    from sqlmodel import select

    store = open_store(str(server["db"]))
    with store.read() as s:
        q = select(Claim).where(Claim.text == text)
        if document is not None:
            q = q.where(Claim.document_id == document)
        c = s.exec(q.order_by(Claim.id)).first()  # type: ignore[arg-type]
    assert c is not None and c.id is not None
    return int(c.id)


@pytest.fixture(scope="module")
def anniversary(server) -> int:  # type: ignore[no-untyped-def]
    """A second article, unreviewed whatever the other tests did: its "sept ans" is
    contradicted by the demo facts, its dateline and "actuellement" are routine."""
    store = open_store(str(server["db"]))
    res = api.ingest_into(store, ANNIVERSARY.encode(), name="anniversaire.txt", lang="fr",
                          actor="test")
    close_stores()
    return int(res.document.id or 0)


def claim_heading(pg, claim_id: int):  # type: ignore[no-untyped-def]
    return pg.get_by_role("heading", name=re.compile(rf"^Claim #{claim_id} · "))


def test_a_claim_address_opens_it_after_sign_in_and_a_reload_keeps_it(page, server) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    pg = page
    council = claim_id_of(server, "Conseil de sécurité de l’ONU, actuellement présidé par la Russie",
                          server["ids"]["seed"])
    pg.goto(f"{server['base']}/desk?claim={council}")
    sign_in(pg, "fatima")
    expect(claim_heading(pg, council)).to_be_visible()
    assert f"claim={council}" in pg.url
    expect(pg.locator('[data-testid="stCode"]').first).to_contain_text(f"/desk?claim={council}")
    # The document pane scrolled to the open claim (far down the article) and outlines it.
    pg.wait_for_function(f"() => !!document.querySelector('[data-scrolled-to=\"{council}\"]')")
    inside = pg.evaluate("""() => {
        const box = document.querySelector('[data-scrolled-to]');
        const mark = box.querySelector('mark.vf-selected');
        const b = box.getBoundingClientRect(), m = mark.getBoundingClientRect();
        return [box.scrollTop, m.top >= b.top && m.bottom <= b.bottom];
    }""")
    assert inside[0] > 0 and inside[1], inside
    expect(pg.locator(".st-key-desk_doc_box mark.vf-selected").first).to_contain_text("Conseil")
    shot(pg, "desk-claim-address")

    pg.reload()  # a new Streamlit session: still signed in, on the same claim
    expect(pg.get_by_text("Signed in as fatima")).to_be_visible()
    expect(claim_heading(pg, council)).to_be_visible()
    assert pg.get_by_label("Password", exact=True).count() == 0

    sign_out(pg)  # ... and signing out ends it for a reload too
    pg.reload()
    expect(pg.get_by_role("button", name="Sign in")).to_be_visible()
    pg.wait_for_timeout(1000)
    assert pg.get_by_text("Signed in as fatima").count() == 0


def test_the_queue_opens_on_a_contradiction_routine_hidden_and_a_count_filters(
        page, server, anniversary) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    pg = page
    sign_in(pg, "fatima")
    expect(pg.get_by_role("combobox", name="Claim")).to_have_value(
        re.compile(r"#\d+ Contradicted · "))
    # The dateline and "actuellement" are hidden: not among the claims to choose from.
    choose(pg, "Document", re.compile(rf"^{anniversary} · "))
    box = pg.locator('[data-testid="stSelectbox"]').filter(has=pg.get_by_text("Claim", exact=True)).first
    box.click()
    options = pg.get_by_role("option")
    options.first.wait_for(state="visible")
    labels = options.all_inner_texts()
    pg.keyboard.press("Escape")
    idle(pg)
    assert labels[0].endswith("Contradicted · date · sept ans"), labels
    assert not [x for x in labels if "jeudi, octobre 16" in x or x.endswith("· actuellement")]
    # Shown when asked for, last.
    pg.get_by_text(re.compile(r"^Show \d+ routine items")).click()
    idle(pg)
    box.click()
    options.first.wait_for(state="visible")
    labels = options.all_inner_texts()
    pg.keyboard.press("Escape")
    idle(pg)
    assert any("jeudi, octobre 16, 2025" in x for x in labels[-3:]), labels
    # A count is a filter: "Contradicted" shows the contradicted claims, of every document.
    count = pg.get_by_role("button", name=re.compile(r"^Contradicted · \d+$"))
    n = int(count.inner_text().split("·")[1])
    count.click()
    idle(pg)
    box.click()
    options.first.wait_for(state="visible")
    labels = options.all_inner_texts()
    pg.keyboard.press("Escape")
    idle(pg)
    assert len(labels) == n and all(" Contradicted · " in x for x in labels), (n, labels)
    expect(pg.get_by_role("button", name=re.compile(r"^Contradicted · \d+$"))).to_have_text(
        f"Contradicted · {n}")  # the count did not change with the filter
    shot(pg, "desk-triage")


def test_save_and_next_confirms_in_view(page, server, anniversary) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    pg = page
    sept = claim_id_of(server, "sept ans", anniversary)
    pg.goto(f"{server['base']}/desk?claim={sept}")
    sign_in(pg, "fatima")
    expect(claim_heading(pg, sept)).to_be_visible()
    expect(pg.get_by_text(re.compile(r"Correction suggérée : « neuf ans après » au lieu de "
                                     r"« sept ans après »"))).to_be_visible()
    # The verdict goes on another claim of that article ("sept ans" stays unreviewed for the
    # triage test, whatever order the tests run in).
    roi = claim_id_of(server, "roi Mohammed VI", anniversary)
    pg.goto(f"{server['base']}/desk?claim={roi}")
    expect(claim_heading(pg, roi)).to_be_visible()
    idle(pg)
    choose(pg, "Verdict", "True", exact=True)
    area = pg.get_by_label("Note")
    area.scroll_into_view_if_needed()
    area.fill("Roi depuis 1999.")
    area.press("Control+Enter")
    toast = pg.locator('[data-testid="stToast"]').filter(has_text=re.compile(
        rf"Saved claim #{roi}: True by fatima"))
    expect(toast).to_be_in_viewport()
    shot(pg, "desk-saved")
    idle(pg)
    expect(pg.get_by_role("heading", name=re.compile(r"^Claim #\d+ · "))).not_to_have_text(
        re.compile(rf"^Claim #{roi} · "))


def test_no_method_code_field_name_or_json_is_visible_on_the_demo(page, server) -> None:  # type: ignore[no-untyped-def]
    pg = page
    sign_in(pg, "fatima")
    choose(pg, "Document", re.compile(r"^1 · "))
    clear_status_filter(pg)
    pg.get_by_text(re.compile(r"^Show \d+ routine items")).click()
    idle(pg)
    pg.locator('[data-testid="stExpander"] summary').filter(has_text="Filters").click()
    seen: set[str] = set()
    for _ in range(40):
        heading = pg.get_by_role("heading", name=re.compile(r"^Claim #\d+ · ")).inner_text()
        if heading in seen:
            break
        seen.add(heading)
        text = pg.evaluate("() => document.body.innerText")
        bad = [raw for raw in RAW if raw in text]
        assert not bad, (heading, bad, [line for line in text.splitlines()
                                        if any(raw in line for raw in bad)][:5])
        pg.get_by_role("button", name=re.compile(r"^Next")).click()
        idle(pg)
        try:  # on a loaded machine the rerun may start after idle() looked: wait for the change
            pg.wait_for_function(
                "(h) => { const e = [...document.querySelectorAll('h1,h2,h3,h4')].find("
                "x => x.innerText.startsWith('Claim #')); return e && e.innerText !== h; }",
                arg=heading, timeout=15_000)
        except Exception:  # noqa: BLE001 - the last claim: Next leaves it where it is
            break
        idle(pg)
    assert len(seen) >= 16, seen  # every claim of the seed, routine ones included


def test_a_french_browser_gets_the_french_interface_and_the_switch_is_remembered(
        browser, server) -> None:  # type: ignore[no-untyped-def]
    """The default language is the browser's (Accept-Language: fr-FR); the sidebar's switch
    changes it, and the choice outlives a reload (the verifier_lang cookie) whatever the
    browser asks for."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="fr-FR")
    try:
        pg = context.new_page()
        pg.set_default_timeout(TIMEOUT_MS)
        expect.set_options(timeout=TIMEOUT_MS)
        pg.goto(str(server["base"]))
        expect(pg.get_by_role("button", name="Se connecter")).to_be_visible()
        pg.get_by_label("Nom d'utilisateur").fill("fatima")
        pg.get_by_label("Mot de passe", exact=True).fill("demo-fatima")
        pg.get_by_role("button", name="Se connecter").click()
        expect(pg.get_by_text("Connecté en tant que fatima")).to_be_visible()
        idle(pg)
        expect(pg.get_by_role("heading", name="Bureau de vérification")).to_be_visible()
        nav = pg.locator('[data-testid="stSidebarNav"]')
        expect(nav.get_by_text("Vérifier un brouillon")).to_be_visible()
        shot(pg, "desk-fr")
        # English, chosen in the sidebar: kept after a reload, though the browser asks for French.
        pg.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
        idle(pg)
        expect(pg.get_by_role("heading", name="Review desk")).to_be_visible()
        pg.wait_for_function("() => document.cookie.includes('verifier_lang=en')",
                             timeout=TIMEOUT_MS)
        pg.reload()
        expect(pg.get_by_role("heading", name="Review desk")).to_be_visible()
        expect(nav.get_by_text("Check a draft")).to_be_visible()
    finally:
        context.close()
