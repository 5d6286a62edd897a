"""The items of RSS/Atom feeds already ingested (verifier.services.feeds polls the feeds)."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from verifier.db.models import FeedItem


def seen_items(*, session: Session, feed: str, keys: Sequence[str]) -> set[str]:
    """Which of `keys` (item ids or links) the store has recorded for `feed`."""
    out: set[str] = set()
    keys = list(dict.fromkeys(keys))
    for k in range(0, len(keys), 500):
        out.update(session.exec(select(FeedItem.item).where(
            FeedItem.feed == feed, col(FeedItem.item).in_(keys[k:k + 500]))).all())
    return out


def remember(*, session: Session, feed: str, item: str, link: str | None,
             document_id: int | None) -> bool:
    """Record an item of `feed` as ingested (into `document_id`); False when it was already
    recorded (another poll of the same feed got there first)."""
    if seen_items(session=session, feed=feed, keys=[item]):
        return False
    try:
        with session.begin_nested():  # a concurrent poll may insert it between the two
            session.add(FeedItem(feed=feed, item=item, link=link, document_id=document_id))
    except IntegrityError:
        return False
    return True
