"""Feeds (issue 15): `verifier ingest --feed URL_OR_FILE` ingests the page of every item not
seen before, through the URL ingestion path (address checks, deadline, size cap, limited
worker), remembering what it stored; a page that fails is reported on its own line, the others
are stored, and it is tried again next time. The pages and the feed are served on 127.0.0.1 by
a thread of the test (VERIFIER_ALLOW_HOSTS=127.0.0.1 lets the fetch rules reach it)."""
from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import col, select

from verifier import services
from verifier.db.models import AuditEvent, Document, FeedItem
from verifier.db.store import Store, open_store

from .test_claimreview import run_cli as claimreview_cli
from .test_untrusted_input import serve

OWNER = services.store_owner("test")
HTML = "text/html; charset=utf-8"


@pytest.fixture(autouse=True)
def _private_vector_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the `semantic` extra installed, imports and checks embed texts: keep them out of
    the user's vector cache."""
    monkeypatch.setenv("VERIFIER_EMBEDDING_CACHE", str(tmp_path / "vectors.sqlite"))


def page(title: str, sentence: str) -> bytes:
    return (f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{title}</title>"
            f"</head><body><article><h1>{title}</h1><p>{sentence}</p><p>The council met on "
            "Tuesday, 4 March 2025, and voted the budget by 31 votes to 12.</p>"
            "</article></body></html>").encode()


def rss(base: str, items: list[tuple[str, str | None]], title: str = "Northtown News") -> bytes:
    """An RSS 2.0 feed of (title, link) items; the guid is the link."""
    body = "".join(
        f"<item><title>{t}</title>" + (f"<link>{link}</link><guid>{link}</guid>" if link else "")
        + "</item>" for t, link in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>{base}/</link><description>Test</description>"
            f"{body}</channel></rss>").encode()


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, dict[str, tuple[str, bytes]]]]:
    """A local news site (base URL, its routes: add one to publish a page)."""
    monkeypatch.setenv("VERIFIER_ALLOW_HOSTS", "127.0.0.1")  # the test server, on this machine
    routes = {
        "/bridge.html": (HTML, page("Bridge reopens", "The old bridge of Northtown reopened "
                                    "after eight months of works, the mayor said.")),
        "/tram.html": (HTML, page("Tram fares", "Tram fares in Sudville rose by 40 % since "
                                  "2020, according to the operator's annual report.")),
    }
    with serve(routes) as base:
        yield base, routes


def run_cli(*args: str, db: str, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
    """The real CLI in a subprocess (test_claimreview.run_cli), the test server allowed."""
    return claimreview_cli(*args, db=db, env={"VERIFIER_ALLOW_HOSTS": "127.0.0.1"} | (env or {}))


def documents(store: Store) -> list[tuple[int | None, str | None]]:
    with store.read() as s:
        return [(d.id, d.url) for d in s.exec(select(Document).order_by(col(Document.id))).all()]


def test_a_feed_file_new_items_only_failures_retried(db_url: str, tmp_path: Path,
                                                     site: tuple[str, dict]) -> None:
    base, routes = site
    feed = tmp_path / "northtown.xml"
    feed.write_bytes(rss(base, [
        ("Bridge reopens", f"{base}/bridge.html"),
        ("Council budget", f"{base}/budget.html"),  # not published yet: 404
        ("Tram fares", f"{base}/tram.html"),
        ("Local file", "file:///etc/passwd"),         # never read: not an http(s) link
        ("No link", None),
    ]))
    res = run_cli("ingest", "--feed", str(feed), db=db_url)
    assert res.returncode == 2, res.stderr  # some pages failed; the others are stored
    out = res.stdout.splitlines()
    assert out[-1] == "Northtown News: 2 new, 3 failed, 0 already seen"
    assert [line.split("\t")[1] for line in out[:-1]] == ["Bridge reopens", "Tram fares"]
    assert all(re.fullmatch(r"\d+\t[^\t]+\t\(stored, \d+ claims\)", line) for line in out[:-1])
    errors = res.stderr.splitlines()
    assert errors[0] == f"error: {base}/budget.html: HTTP 404 Not Found"
    assert errors[1].startswith("error: file:") and errors[1].endswith(
        "/etc/passwd: not an http(s) link")
    assert errors[2:] == ["error: No link: the item has no link"]
    store = open_store(db_url)
    docs = documents(store)
    assert [u for _, u in docs] == [f"{base}/bridge.html", f"{base}/tram.html"]
    with store.read() as s:
        seen = s.exec(select(FeedItem).order_by(col(FeedItem.id))).all()
    assert {i.feed for i in seen} == {"file:" + str(feed.resolve())}
    assert [(i.item, i.document_id) for i in seen] == [(f"{base}/bridge.html", docs[0][0]),
                                                       (f"{base}/tram.html", docs[1][0])]

    # Second run: nothing new; the failed page is tried again (and fails again).
    res = run_cli("ingest", "--feed", str(feed), db=db_url)
    assert res.stdout.splitlines() == ["Northtown News: 0 new, 3 failed, 2 already seen"]
    assert res.stderr.splitlines()[0] == f"error: {base}/budget.html: HTTP 404 Not Found"
    assert documents(store) == docs

    # The page is published: the next run stores it.
    routes["/budget.html"] = (HTML, page("Council budget", "The council voted a budget of "
                                         "12 million euros for the year, the mayor said."))
    res = run_cli("ingest", "--feed", str(feed), db=db_url)
    assert res.stdout.splitlines()[-1] == "Northtown News: 1 new, 2 failed, 2 already seen"
    assert [u for _, u in documents(store)][-1] == f"{base}/budget.html"
    with store.read() as s:
        polls = s.exec(select(AuditEvent).where(AuditEvent.action == "feed.poll")
                       .order_by(col(AuditEvent.seq))).all()
    assert [(e.new["new"], e.new["failed"], e.new["seen"]) for e in polls] == [
        (2, 3, 0), (0, 3, 2), (1, 2, 2)]


def test_a_feed_url_an_atom_feed_and_a_page_already_stored(store: Store,
                                                           site: tuple[str, dict]) -> None:
    """The service the API and the job runner call: a feed fetched by URL (served as
    application/atom+xml), its relative links resolved against it; a page stored before
    (by hand) is remembered, not stored twice."""
    base, routes = site
    services.ingest_document(OWNER, f"{base}/bridge.html", db=store)
    routes["/atom.xml"] = ("application/atom+xml", f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title><id>urn:test:atom</id>
<updated>2025-03-05T00:00:00Z</updated>
<entry><title>Bridge</title><id>urn:test:1</id><link href="/bridge.html"/>
<updated>2025-03-05T00:00:00Z</updated></entry>
<entry><title>Tram</title><id>urn:test:2</id><link href="{base}/tram.html"/>
<updated>2025-03-05T00:00:00Z</updated></entry></feed>""".encode())
    poll = services.feeds.poll_feed(OWNER, f"{base}/atom.xml", db=store)
    assert poll.feed == f"{base}/atom.xml" and poll.title == "Atom news"
    assert [(i.key, i.status, i.link) for i in poll.items] == [
        ("urn:test:1", "stored", f"{base}/bridge.html"), ("urn:test:2", "new", f"{base}/tram.html")]
    assert poll.summary() == "1 new, 1 already stored, 0 failed, 0 already seen"
    assert poll.to_json()["new"] == 1 and len(documents(store)) == 2
    again = services.feeds.poll_feed(OWNER, f"{base}/atom.xml", db=store)
    assert (again.items, again.seen) == ((), 2)


def test_feed_urls_follow_the_fetch_rules(store: Store, site: tuple[str, dict],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    base, routes = site
    routes["/feed.xml"] = ("application/rss+xml", rss(base, [("Tram", f"{base}/tram.html")]))
    routes["/feed.png"] = ("image/png", b"\x89PNG\r\n\x1a\n")
    with pytest.raises(services.FeedError, match="unsupported content type 'image/png'"):
        services.feeds.poll_feed(OWNER, f"{base}/feed.png", db=store)
    monkeypatch.setenv("VERIFIER_MAX_BYTES", "100")
    with pytest.raises(services.FeedError, match="exceed the limit of 100 bytes"):
        services.feeds.poll_feed(OWNER, f"{base}/feed.xml", db=store)
    monkeypatch.delenv("VERIFIER_MAX_BYTES")
    monkeypatch.delenv("VERIFIER_ALLOW_HOSTS")  # the address checks apply to the feed...
    with pytest.raises(services.FeedError, match="127.0.0.1 is an internal address"):
        services.feeds.poll_feed(OWNER, f"{base}/feed.xml", db=store)
    monkeypatch.setenv("VERIFIER_ALLOW_HOSTS", "localhost")  # ...and to each item's page
    poll = services.feeds.poll_feed(OWNER, f"http://localhost:{base.rsplit(':', 1)[1]}/feed.xml",
                                    db=store)
    assert [(i.status, "127.0.0.1 is an internal address" in (i.error or ""))
            for i in poll.items] == [("failed", True)]
    assert documents(store) == []


BAD_FEEDS = {
    "page.xml": (b"<html><body><p>Not a feed</p></body></html>", "not an RSS or Atom feed"),
    "broken.xml": (b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</ti",
                   "not an RSS or Atom feed"),
    "photo.xml": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary data (PNG image)"),
    "empty.xml": (b"  \n", "empty, not an RSS or Atom feed"),
    "huge.xml": (b"<rss>" + b"x" * 600_000 + b"</rss>", "exceed the limit"),
}


@pytest.mark.parametrize("name", sorted(BAD_FEEDS))
def test_bad_feeds_are_one_line_exit_2_and_store_nothing(name: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'claims.db'}"
    store = open_store(db)
    data, message = BAD_FEEDS[name]
    (tmp_path / name).write_bytes(data)
    res = run_cli("ingest", "--feed", str(tmp_path / name), db=db,
                  env={"VERIFIER_MAX_BYTES": "500000"})
    assert res.returncode == 2 and res.stdout == "", res.stdout
    err = res.stderr.strip()
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err, err
    assert documents(store) == []
    with store.read() as s:
        assert s.exec(select(FeedItem)).all() == [] and s.exec(select(AuditEvent)).all() == []


def test_an_auditor_may_not_follow_feeds(store: Store, site: tuple[str, dict],
                                         tmp_path: Path) -> None:
    from .conftest import bootstrap_admin

    admin = bootstrap_admin(store)
    services.users.add_user(admin, "audrey", "auditor", password="an auditor's password",
                            db=store)
    feed = tmp_path / "f.xml"
    feed.write_bytes(rss(site[0], [("Tram", f"{site[0]}/tram.html")]))
    with pytest.raises(services.PermissionDenied):
        services.feeds.poll_feed(services.Principal("audrey", "auditor", "ui"), feed, db=store)
    assert documents(store) == []


def test_an_item_is_remembered_once_even_when_two_polls_race(store: Store,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from verifier.db import feeds

    args = {"feed": "https://news.example/rss", "item": "guid-1", "link": "https://news.example/1",
            "document_id": None}
    with store.write() as s:
        assert feeds.remember(session=s, **args)
    with store.write() as s:
        assert not feeds.remember(session=s, **args)  # seen
    # The other poll inserted it between this one's check and insert: the unique index
    # refuses it inside a savepoint, and the transaction goes on.
    monkeypatch.setattr(feeds, "seen_items", lambda **_: set())
    with store.write() as s:
        assert not feeds.remember(session=s, **args)
        s.add(FeedItem(feed=args["feed"], item="guid-2"))
    with store.read() as s:
        assert sorted(i.item for i in s.exec(select(FeedItem)).all()) == ["guid-1", "guid-2"]


def test_feeds_are_polled_as_a_job(store: Store, site: tuple[str, dict]) -> None:
    """"feed.poll" is a kind of job (services/jobs.py): on SQLite it runs when asked, on
    PostgreSQL a worker runs it (run here as the worker's task does); run again, nothing new."""
    base, routes = site
    routes["/rss.xml"] = ("application/rss+xml", rss(base, [("Bridge", f"{base}/bridge.html"),
                                                          ("Tram", f"{base}/tram.html")]))
    job = services.jobs.enqueue(OWNER, "feed.poll", {"feeds": [f"{base}/rss.xml"]}, db=store)
    if store.dialect == "postgresql":
        job = services.jobs.run(job.id or 0, db=store)
    assert (job.status, job.done, job.total) == ("done", 1, 1)
    assert job.result is not None and (job.result["new"], job.result["failed"]) == (2, 0)
    assert len(documents(store)) == 2
    again = services.jobs.enqueue(OWNER, "feed.poll", {"feeds": [f"{base}/rss.xml"]}, db=store)
    if store.dialect == "postgresql":
        again = services.jobs.run(again.id or 0, db=store)
    assert again.result is not None and (again.result["new"], again.result["seen"]) == (0, 2)
    with pytest.raises(services.JobError, match="http"):
        services.jobs.enqueue(OWNER, "feed.poll", {"feeds": ["/etc/passwd"]}, db=store)
