"""Feeds: poll an RSS or Atom feed once, ingesting the page of every item not seen before.

The feed is fetched with the rules of URL ingestion (ingest.fetch_url: address checks,
deadline, size cap; a local file within the same size cap), read in the limited worker
(feedparser; reference/feeds.py), and each new item's link goes through the same path as
`verifier ingest URL` (documents.ingest_into: fetched here, read and extracted in the limited
worker, checked, stored in one transaction). An item is remembered (db/feeds.py, table
feeditem) only once its page is stored: an item whose page fails is reported and tried
again at the next poll. Shells (CLI, UI, the HTTP API, a job runner) call `poll_feed`."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from verifier.db import audit
from verifier.db import feeds as db_feeds
from verifier.db.documents import DocumentError
from verifier.ingest import IngestError, fetch_url, is_url, read_file
from verifier.reference.feeds import Feed, FeedError
from verifier.sandbox import DocumentTooComplex, run_limited
from verifier.services._base import Db, authorise, service, store_of
from verifier.services.documents import ingest_into, ingest_roles, ingest_scope
from verifier.services.principal import Principal

__all__ = ["FEED_CONTENT_TYPES", "FeedError", "FeedItemResult", "FeedPoll", "poll_feed"]

# What a feed URL may answer (some servers send feeds as plain XML or text).
FEED_CONTENT_TYPES = {
    "application/rss+xml": "xml", "application/atom+xml": "xml", "application/rdf+xml": "xml",
    "application/xml": "xml", "text/xml": "xml", "text/plain": "xml",
}
_PAGE_FAILURES = (IngestError, DocumentTooComplex, DocumentError)


@dataclass(frozen=True)
class FeedItemResult:
    """One item of a poll: "new" (its page stored now), "stored" (its page was stored before,
    through another feed or by hand: remembered now, unchanged) or "failed" (`error`: one
    line; tried again next time)."""
    key: str | None
    link: str | None
    title: str | None
    status: str
    document_id: int | None = None
    claims: int = 0
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class FeedPoll:
    feed: str  # the feed as the store knows it: its URL, or file: and a path
    title: str | None
    items: tuple[FeedItemResult, ...]  # the items not seen in an earlier poll
    seen: int  # items seen in an earlier poll, skipped

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    def summary(self) -> str:
        """"2 new, 1 failed, 5 already seen" (and "1 already stored" when some were)."""
        parts = [f"{self.count('new')} new"]
        if self.count("stored"):
            parts.append(f"{self.count('stored')} already stored")
        parts += [f"{self.count('failed')} failed", f"{self.seen} already seen"]
        return ", ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {"feed": self.feed, "title": self.title, "new": self.count("new"),
                "stored": self.count("stored"), "failed": self.count("failed"),
                "seen": self.seen, "items": [i.to_json() for i in self.items]}


def _feed_input(feed: str | Path | bytes, name: str | None) -> tuple[bytes, str, str | None]:
    """(bytes, the feed's key, the URL fetched): a URL fetched with the rules of URL
    ingestion, a file read within the size cap, bytes as given (`name` is then the key)."""
    try:
        if isinstance(feed, bytes):
            return feed, name or "input", None
        if is_url(feed):
            raw = fetch_url(str(feed).strip(), types=FEED_CONTENT_TYPES)
            return raw.data, str(feed).strip(), raw.url
        raw = read_file(feed)
        return raw.data, "file:" + str(Path(feed).resolve()), None
    except IngestError as exc:
        raise FeedError(str(exc)) from None


def read_feed(feed: str | Path | bytes, *, name: str | None = None) -> tuple[Feed, str]:
    """A feed's items, read in the limited worker, and the feed's key (FeedError)."""
    data, key, url = _feed_input(feed, name)
    try:
        parsed: Feed = run_limited("verifier.extract.untrusted:read_feed", data, key, url,
                                   what=key)
    except DocumentTooComplex as exc:
        raise FeedError(str(exc)) from None
    return parsed, key


@service
def poll_feed(principal: Principal, feed: str | Path | bytes, *, name: str | None = None,
              kind: str = "article", lang: str | None = None,
              published: date | None = None,
              progress: Callable[[int, int, str], None] | None = None,
              db: Db = None) -> FeedPoll:
    """Poll `feed` (a URL, a file, or bytes named `name`) once: ingest the page of each item
    the store has not seen for this feed (as `kind`, with the permissions of `verifier
    ingest`), remember the ones stored. FeedError (nothing stored) when the feed itself cannot
    be fetched or read; a page that fails is an item with status "failed". `progress(done,
    total, title)` after each new item. Audited as "feed.poll" (each page as its ingestion)."""
    store = store_of(db)
    authorise(store, principal, ingest_roles(kind),
              "add reference sources" if kind == "source" else f"store {kind}s",
              scope=ingest_scope(kind))
    parsed, key = read_feed(feed, name=name)
    with store.read() as session:
        seen = db_feeds.seen_items(session=session, feed=key,
                                   keys=[e.key for e in parsed.entries if e.key])
    todo, skipped, queued = [], 0, set()
    for e in parsed.entries:
        if e.key in seen or e.key in queued:
            skipped += 1
            continue
        if e.key:
            queued.add(e.key)
        todo.append(e)
    items = []
    for n, e in enumerate(todo, 1):
        items.append(_ingest_item(store, principal, key, e.key, e.link, e.title, kind=kind,
                                  lang=lang, published=published))
        if progress is not None:
            progress(n, len(todo), e.title or e.link or "")
    result = FeedPoll(key, parsed.title, tuple(items), skipped)
    with store.write() as session:
        audit.append(session, actor=principal.name, action="feed.poll",
                     new={"feed": key, "new": result.count("new"),
                          "stored": result.count("stored"), "failed": result.count("failed"),
                          "seen": skipped})
    return result


def _ingest_item(store: Any, principal: Principal, feed: str, key: str | None,
                 link: str | None, title: str | None, **kw: Any) -> FeedItemResult:
    """One new item: its page ingested like `verifier ingest URL`, then remembered."""
    if not key or not link:
        return FeedItemResult(key, link, title, "failed",
                              error=f"{title or 'an untitled item'}: the item has no link")
    if not is_url(link):  # never a path: the feed's author chose the link
        return FeedItemResult(key, link, title, "failed",
                              error=f"{link}: not an http(s) link")
    try:
        res = ingest_into(store, link.strip(), actor=principal.name, limited=True, **kw)
    except _PAGE_FAILURES as exc:
        return FeedItemResult(key, link, title, "failed", error=str(exc).splitlines()[0])
    with store.write() as session:
        db_feeds.remember(session=session, feed=feed, item=key, link=link,
                          document_id=res.document.id)
    return FeedItemResult(key, link, title or res.document.title,
                          "new" if res.created else "stored", res.document.id,
                          res.claims_added)
