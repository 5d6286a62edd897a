"""RSS and Atom feeds read by feedparser (pure: bytes in, items out; run in the limited worker
by verifier.services.feeds, since the feed's author chose its bytes and its links).

An item is known by its id (RSS guid, Atom id), else its link; relative links are resolved
against the URL the feed was fetched from. Nothing is fetched here: feedparser is given the
bytes as a stream, never a string it could take for a URL or a file name."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass

from verifier.ingest import binary_kind


class FeedError(ValueError):
    """A feed that cannot be read; str() is one line naming it."""


@dataclass(frozen=True)
class FeedEntry:
    key: str | None  # the item's id, else its link; None when it has neither
    link: str | None
    title: str | None


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...]


_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _one_line(value: object, limit: int = 200) -> str | None:
    """A feed's text on one line, without control characters (a title is shown in a
    terminal), at most `limit` characters."""
    if not isinstance(value, str):
        return None
    s = " ".join(_CONTROLS.sub(" ", value).split())
    return (s[:limit - 1] + "…" if len(s) > limit else s) or None


def parse_feed(data: bytes, *, name: str, url: str | None = None) -> Feed:
    """The items of an RSS or Atom document, in the feed's order (FeedError when `data` is
    not a feed)."""
    import feedparser

    what = binary_kind(data)
    if what is not None:
        raise FeedError(f"{name}: binary data ({what}), not an RSS or Atom feed")
    if not data.strip():
        raise FeedError(f"{name}: empty, not an RSS or Atom feed")
    headers = {"content-location": url} if url else {}
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers,
                                  sanitize_html=False)
    except Exception as exc:  # noqa: BLE001 - a parser's failure on hostile bytes: one line
        raise FeedError(f"{name}: cannot read the feed ({type(exc).__name__})") from None
    if not parsed.entries and (not parsed.get("version") or parsed.get("bozo")):
        # Not a feed, or a broken one that gave nothing (a feed with a few faults that
        # still gives its items is read: feedparser's loose parser).
        reason = parsed.get("bozo_exception")
        detail = f" ({_one_line(str(reason), 120)})" if reason else ""
        raise FeedError(f"{name}: not an RSS or Atom feed{detail}")
    entries = []
    for e in parsed.entries:
        link = _one_line(e.get("link"), 2000)
        key = _one_line(e.get("id"), 2000) or link
        entries.append(FeedEntry(key, link, _one_line(e.get("title"))))
    return Feed(_one_line(parsed.feed.get("title")), tuple(entries))
