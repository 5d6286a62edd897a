"""A document's `url` and `site` are where verifier fetched it (the final URL after the checked
redirects, and its host), never what the page says of itself: a page served here whose
canonical link and og:url name a Le Monde article is stored with the local URL, the Le Monde
URL kept apart and labelled ("the page calls itself ..."), and the ClaimReview export publishes
the URL fetched (docs/decisions.md §22)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from verifier import services
from verifier.cli import app
from verifier.db.models import Claim, Document
from verifier.db.store import open_store

from .conftest import TEST_PASSWORD, token_env
from .test_ingest import article_html
from .test_ui_support import ADMIN, OWNER, PAGE, Seeded, seeded, sign_in
from .test_untrusted_input import serve

__all__ = ["seeded"]

runner = CliRunner()
LE_MONDE = "https://www.lemonde.fr/international/article/2025/10/16/maroc-russie_6000000_3210.html"
IMPERSONATING = article_html().replace(
    '<meta property="og:url" content="https://journal.example/maroc-russie">',
    f'<link rel="canonical" href="{LE_MONDE}"><meta property="og:url" content="{LE_MONDE}">',
).replace('content="Le Journal du Test"', 'content="Le Monde"').encode()


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The URL of the page that calls itself a Le Monde article, on a local server."""
    monkeypatch.setenv("VERIFIER_ALLOW_HOSTS", "127.0.0.1")
    with serve({"/maroc-russie.html": ("text/html; charset=utf-8", IMPERSONATING)}) as base:
        yield f"{base}/maroc-russie.html"


def cli(*args: str, db: str, stdin: str | None = None,
        env: dict[str, str] | None = None) -> object:
    res = runner.invoke(app, list(args), input=stdin, catch_exceptions=False,
                        env={"VERIFIER_DATABASE_URL": db, "VERIFIER_TOKEN": None}  # type: ignore[operator]
                        | (env or {}))
    assert res.exit_code in (0, 1), (args, res.output)
    return res


def stored(db: str) -> Document:
    with open_store(db).read() as s:
        return s.exec(select(Document)).one()


def test_ingested_url_is_the_url_fetched_and_the_claimed_one_is_labelled(
        db_url: str, page: str) -> None:
    cli("ingest", page, db=db_url)
    doc = stored(db_url)
    assert doc.url == page and doc.site == "127.0.0.1"
    assert doc.meta is not None
    assert doc.meta["claimed_url"] == LE_MONDE and doc.meta["claimed_site"] == "Le Monde"

    shown = cli("show", str(doc.id), db=db_url).stdout  # type: ignore[attr-defined]
    assert f"url        {page}\n" in shown and "site       127.0.0.1\n" in shown
    assert (f"claimed_url {LE_MONDE} (the page calls itself this; not verified)\n" in shown)

    # A verdict, then the exports: ClaimReview names the page fetched, never Le Monde.
    # (as authenticated users: the first admin, then alice, added by him; docs/decisions.md §23)
    cli("users", "add", "adam", "--role", "admin", "--new-password-stdin", db=db_url,
        stdin=TEST_PASSWORD + "\n")
    as_adam = token_env(db_url, "adam", "admin")
    cli("users", "add", "alice", "--role", "fact-checker", "--new-password-stdin", db=db_url,
        stdin="she reviews the claims\n", env=as_adam)
    claims = [json.loads(line) for line in cli("claims", "--format", "json", db=db_url)
              .stdout.splitlines()]  # type: ignore[attr-defined]
    cli("review", str(claims[0]["id"]), "--verdict", "True", "--as", "alice", "--password-stdin",
        db=db_url, stdin="she reviews the claims\n")
    cli("setup", "--org-name", "Test Desk", "--org-url", "https://desk.example/reviews", db=db_url,
        env=as_adam)
    ld = json.loads(cli("export", "--format", "jsonld", db=db_url, env=as_adam).stdout)  # type: ignore[attr-defined]
    (review,) = ld["@graph"]
    assert review["itemReviewed"]["appearance"]["url"] == page
    assert "lemonde" not in json.dumps(ld).lower()

    full = json.loads(cli("export", "--format", "json", db=db_url, env=as_adam).stdout)  # type: ignore[attr-defined]
    document = full["claims"][0]["document"]
    assert document["url"] == page and document["site"] == "127.0.0.1"
    assert document["claimed_url"] == LE_MONDE and document["claimed_site"] == "Le Monde"

    html = cli("export", "--format", "html", db=db_url, env=as_adam).stdout  # type: ignore[attr-defined]
    assert f'<a href="{page}"' in html
    assert f"the page calls itself {LE_MONDE} (Le Monde)" in html
    assert f'href="{LE_MONDE}"' not in html  # a claim is never a link


def test_check_json_gives_the_url_fetched_and_the_claim_apart(db_url: str, page: str) -> None:
    out = json.loads(cli("check", page, "--format", "json", db=db_url).stdout)  # type: ignore[attr-defined]
    document = out["document"]
    assert document["url"] == page and document["site"] == "127.0.0.1"
    assert document["claimed_url"] == LE_MONDE and document["claimed_site"] == "Le Monde"


def test_a_local_html_file_has_no_url_and_keeps_its_claim(db_url: str, tmp_path: Path) -> None:
    """A file was fetched from nowhere: no url nor site (ClaimReview then names no appearance
    URL); the canonical it carries is kept as its claim."""
    path = tmp_path / "maroc-russie.html"
    path.write_bytes(IMPERSONATING)
    cli("ingest", str(path), db=db_url)
    doc = stored(db_url)
    assert doc.url is None and doc.site is None
    assert doc.meta is not None and doc.meta["claimed_url"] == LE_MONDE


def test_the_desk_and_the_sources_page_show_the_claim_labelled(seeded: Seeded,
                                                               page: str) -> None:
    article = services.ingest_document(OWNER, page, db=seeded.store).document
    with seeded.store.read() as s:
        claim_id = s.exec(select(Claim.id).where(Claim.document_id == article.id)).first()
    assert claim_id is not None
    at = sign_in("fatima")
    at.multiselect(key="desk_f_status").set_value([]).run()
    at.toggle(key="desk_f_routine").set_value(True).run()   # its first claim may be routine
    at.selectbox(key="desk_claim").select(claim_id).run()
    assert not at.exception, at.exception
    texts = [t.value for t in at.text]
    assert f"From: {page}" in texts
    assert (f"The page calls itself {LE_MONDE} (Le Monde) (not where it was fetched from; "
            "not verified)") in texts

    # A reference source from such a page (another text, the same claims): the Sources page
    # lists where it came from and, apart, what it calls itself.
    source_page = IMPERSONATING.replace(b"Bourita", b"Nasser Bourita")
    with serve({"/source.html": ("text/html; charset=utf-8", source_page)}) as base:
        services.sources.add_source(ADMIN, f"{base}/source.html", db=seeded.store)
        fetched = f"{base}/source.html"
    at.switch_page(PAGE["sources"]).run()
    rows = next(df.value for df in at.dataframe if "the page calls itself" in df.value.columns)
    row = rows[rows["from"] == fetched].iloc[0]
    assert row["the page calls itself"] == f"{LE_MONDE} (Le Monde)"
