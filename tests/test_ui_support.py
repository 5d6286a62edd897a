"""Shared set-up of the UI tests (no tests here): a temporary SQLite store seeded through the
real services, as a newsroom would: the demo facts pack and accounts, the reference source
tests/data/contract/source-moscou.txt, and the seed article checked against both (so that its
claims carry real findings and real evidence: "huit ans" contradicted by the facts, Bourita's
altered quote with its passage and word diff); helpers to sign in with AppTest."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from verifier import services
from verifier.claims import claim_from_json
from verifier.db import documents
from verifier.db.models import Claim, Document
from verifier.db.store import Store, close_stores, open_store
from verifier.services import demo_password
from verifier.ui import browser

ROOT = Path(__file__).parents[1]
APP = str(ROOT / "app.py")
DATA = Path(__file__).parent / "data"
SEED = DATA / "seed-maroc-russie-fr.txt"
SOURCE = DATA / "contract" / "source-moscou.txt"
OWNER = services.store_owner("test")
ADMIN = services.Principal("adam", "admin", "cli")  # a demo account
PAGE = {name: f"verifier/ui/pages/{name}.py" for name in ("desk", "editor", "sources",
                                                            "auditor", "admin")}


@dataclass
class Seeded:
    store: Store
    url: str
    document_id: int
    source_id: int
    temporal_id: int  # "huit ans": contradicted by the demo facts
    quote_id: int     # Bourita's quote: altered in the source, with passage evidence and a diff
    anonymous_id: int  # the anonymous quote (the source gives it to Lavrov)

    def claims(self) -> list[Claim]:
        with self.store.read() as s:
            return list(s.exec(select(Claim).where(Claim.document_id == self.document_id)).all())


def make_store(url: str) -> Seeded:
    store = open_store(url)
    # A store without users yet: the store owner sets it up (the bootstrap), then the accounts.
    services.demo.import_demo_facts(OWNER, db=store)
    source = services.sources.add_source(OWNER, SOURCE, db=store)
    services.check(OWNER, SEED, sources=[SOURCE], db=store)
    services.ensure_demo_accounts(OWNER, db=store)
    with store.read() as s:
        doc = s.exec(select(Document).where(Document.source_name == SEED.name)).one()
        claims = s.exec(select(Claim).where(Claim.document_id == doc.id)).all()
    temporal = next(c for c in claims if c.text == "huit ans")
    quote = next(c for c in claims if c.text.startswith("Nous considérons"))
    anonymous = [c for c in claims if (c.attrs or {}).get("anonymous")]
    assert len(anonymous) == 1
    assert temporal.finding == "contradicted" and quote.finding == "contradicted"
    assert doc.id is not None and source.document.id is not None
    return Seeded(store, url, doc.id, source.document.id, temporal.id, quote.id,  # type: ignore[arg-type]
                  anonymous[0].id)  # type: ignore[arg-type]


@pytest.fixture
def seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Seeded]:
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    monkeypatch.setenv("VERIFIER_DATABASE_URL", url)
    yield make_store(url)
    close_stores()


@pytest.fixture
def empty_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    monkeypatch.setenv("VERIFIER_DATABASE_URL", url)
    yield url
    close_stores()


def app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60)


def sign_in(name: str, password: str | None = None) -> AppTest:
    at = app().run()
    at.text_input(key="auth_name").input(name)
    at.text_input(key="auth_password").input(password if password is not None else demo_password(name))
    at.button(key="auth_submit").click().run()
    assert not at.exception, at.exception
    return at


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def html_of(at: AppTest) -> str:
    """Every st.html body of the page, joined, except the app's own fixed scripts
    (verifier/ui/browser.py: the session cookie, the document pane's scrolling), which
    `own_scripts` returns."""
    return "\n".join(body for body in _html_bodies(at) if not browser.is_own_script(body))


def own_scripts(at: AppTest) -> list[str]:
    return [body for body in _html_bodies(at) if browser.is_own_script(body)]


def _html_bodies(at: AppTest) -> list[str]:
    return [str(h.proto.body) for h in at.get("html")]


def claim(store: Store, claim_id: int) -> Claim:
    with store.read() as s:
        c = s.get(Claim, claim_id)
    assert c is not None
    return c


def has_key(at: AppTest, key: str) -> bool:
    try:
        at.button(key=key)
    except KeyError:
        return False
    return True


def add_claim_at(store: Store, document_id: int, words: str, kind: str = "temporal") -> int:
    """One more claim on the first occurrence of `words` (kept when other claims are replaced)."""
    with store.write() as s:
        doc = s.get(Document, document_id)
        assert doc is not None
        i = doc.text.index(words)
        row = documents.claim_row(document_id, claim_from_json(
            {"kind": kind, "text": words, "start": i, "end": i + len(words),
             "timex_type": "DATE", "predicate": "event"}), actor="test")
        s.add(row)
        s.flush()
        return row.id  # type: ignore[return-value]
