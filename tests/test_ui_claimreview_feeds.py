"""The Sources page (AppTest): an admin imports earlier fact-checks in the ClaimReview shapes
(files and a page's URL) with the counts "N imported, M already known"; a fact-checker
follows a feed once ("Follow a feed": the pages of its new items stored)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import col, select

from verifier.db.models import Document, FeedItem, Precedent

from .conftest import DATA
from .test_feeds import page, rss
from .test_ui_support import PAGE, Seeded, has_key, seeded, sign_in
from .test_untrusted_input import serve

__all__ = ["seeded"]

CR = DATA / "claimreview"


@pytest.fixture(autouse=True)
def _private_vector_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the `semantic` extra installed, imports and checks embed texts: keep them out of
    the user's vector cache."""
    monkeypatch.setenv("VERIFIER_EMBEDDING_CACHE", str(tmp_path / "vectors.sqlite"))


def _upload(name: str) -> tuple[str, bytes, str]:
    kind = "text/html" if name.endswith(".html") else "application/json"
    return (name, (CR / name).read_bytes(), kind)


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, dict]]:
    monkeypatch.setenv("VERIFIER_ALLOW_HOSTS", "127.0.0.1")  # the test server, on this machine
    routes = {"/rdfa.html": ("text/html; charset=utf-8", (CR / "page-rdfa.html").read_bytes()),
              "/bridge.html": ("text/html; charset=utf-8",
                               page("Bridge reopens", "The old bridge of Northtown reopened "
                                    "after eight months of works, the mayor said."))}
    with serve(routes) as base:
        routes["/feed.xml"] = ("application/rss+xml", rss(base, [
            ("Bridge reopens", f"{base}/bridge.html"), ("Gone", f"{base}/gone.html")]))
        yield base, routes


def _urls(seeded: Seeded) -> list[str | None]:
    with seeded.store.read() as s:
        return [p.url for p in s.exec(select(Precedent).order_by(col(Precedent.id))).all()]


def test_admin_imports_fact_checks_in_every_shape(seeded: Seeded, site: tuple[str, dict]) -> None:
    at = sign_in("adam")
    at.switch_page(PAGE["sources"]).run()
    assert has_key(at, "sources_precedent_btn")
    at.file_uploader(key="sources_precedent_files").set_value(
        [_upload("factcheck-api.json"), _upload("datafeed-graph.jsonld"),
         _upload("page-microdata.html")])
    at.text_input(key="sources_precedent_url").input(f"{site[0]}/rdfa.html")
    at.button(key="sources_precedent_btn").click().run()
    assert not at.exception, at.exception
    # datafeed-graph and the RDFa page are the same review: the second is already known.
    assert [s.value for s in at.success] == ["5 imported, 1 already known"], \
        [e.value for e in at.error]
    texts = [t.value for t in at.text]
    assert "factcheck-api.json: 3 imported, 0 already known (collection factcheck-api)" in texts
    assert f"{site[0]}/rdfa.html: 0 imported, 1 already known (collection 127.0.0.1)" in texts
    stored = _urls(seeded)
    assert len(stored) == 5 and len(set(stored)) == 5

    # The same files again: nothing imported, nothing changed; a bad file is refused in one
    # line beside them.
    at.file_uploader(key="sources_precedent_files").set_value(
        [_upload("factcheck-api.json"), _upload("page-without-claimreview.html")])
    at.button(key="sources_precedent_btn").click().run()
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    assert errors == ["page-without-claimreview.html: no ClaimReview object found in the page "
                      "(JSON-LD, microdata or RDFa)",
                      "0 imported, 3 already known, 1 refused"]
    assert _urls(seeded) == stored


def test_a_fact_checker_follows_a_feed(seeded: Seeded, site: tuple[str, dict]) -> None:
    base, routes = site
    at = sign_in("fatima")
    at.switch_page(PAGE["sources"]).run()
    assert not has_key(at, "sources_precedent_btn")  # admins only
    at.text_input(key="sources_feed_url").input(f"{base}/feed.xml")
    at.button(key="sources_feed_btn").click().run()
    assert not at.exception, at.exception
    assert [w.value for w in at.warning] == ["1 new, 1 failed, 0 already seen"]
    table = at.dataframe[-1].value
    assert list(table["status"]) == ["new", "failed"]
    assert list(table["error"])[1] == f"{base}/gone.html: HTTP 404 Not Found"
    with seeded.store.read() as s:
        doc = s.exec(select(Document).where(Document.url == f"{base}/bridge.html")).one()
        items = s.exec(select(FeedItem)).all()
    assert [(i.feed, i.document_id) for i in items] == [(f"{base}/feed.xml", doc.id)]
    assert list(table["document"])[0] == doc.id

    routes["/gone.html"] = routes["/bridge.html"][0], page("Back", "The page is back online "
                                                           "after a fault on the server.")
    at.button(key="sources_feed_btn").click().run()
    assert [s.value for s in at.success] == ["1 new, 0 failed, 1 already seen"]
