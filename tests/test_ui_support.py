"""Shared set-up of the UI tests (no tests here): a temporary SQLite store holding the seed
article, a few claims with evidence, and the demo accounts; helpers to sign in with AppTest."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from verifier import services as api
from verifier.claims import (
    CheckedClaim,
    Finding,
    QuoteClaim,
    TemporalClaim,
    claim_from_json,
)
from verifier.db import documents
from verifier.db.models import Claim, Document, Evidence
from verifier.db.store import Store, close_stores, open_store
from verifier.ui.demo_accounts import demo_password, ensure_demo_accounts

ROOT = Path(__file__).parents[1]
APP = str(ROOT / "app.py")
SEED = Path(__file__).parent / "data" / "seed-maroc-russie-fr.txt"
PAGE = {name: f"verifier/ui/pages/{name}.py" for name in ("desk", "editor", "sources",
                                                            "auditor", "admin")}


@dataclass
class Seeded:
    store: Store
    url: str
    document_id: int
    temporal_id: int  # "huit ans"
    quote_id: int     # Bourita's quote, with passage evidence and a word diff
    anonymous_id: int


def add_claims(store: Store, document_id: int) -> tuple[int, int, int]:
    """Claims as the extractors give them (until they are registered in the pipeline, the demo
    stores none): the temporal "huit ans", a quote with evidence, an anonymous quote."""
    with store.write() as s:
        doc = s.get(Document, document_id)
        assert doc is not None
        text = doc.text
        i = text.index("huit ans")
        j = text.index("Nous considérons")
        k = text.index(", a déclaré Nasser Bourita")
        m = text.index("Nous accordons")
        n = text.index(", a-t-il souligné")
        documents.replace_claims(session=s, document=doc, actor="test", claims=[
            TemporalClaim(text="huit ans", start=i, end=i + 8, timex_type="DURATION",
                          value="P8Y"),
            CheckedClaim(
                QuoteClaim(text=text[j:k], start=j, end=k, speaker="Nasser Bourita",
                           reference="Nasser Bourita", quote_type="unmarked", anonymous=False,
                           cue="a déclaré"),
                Finding(finding="partial", explanation="The source has 'fiable' where the "
                                                       "article has 'digne de confiance'.")),
            QuoteClaim(text=text[m:n], start=m, end=n, speaker="il", quote_type="unmarked",
                       anonymous=True, cue="a souligné"),
        ])
        claims = documents.document_claims(session=s, document_id=document_id)
        by_text = {c.text[:8]: c for c in claims}
        t, q, a = by_text["huit ans"], by_text["Nous con"], by_text["Nous acc"]
        s.add(Evidence(claim_id=q.id, kind="passage", source_title="Discours <b>officiel</b>",
                       source_url="javascript:alert(1)", start=0, end=10, score=0.82,
                       method="rapidfuzz.partial_ratio",
                       detail={"class": "altered", "diff": [
                           {"op": "equal", "text": "un négociateur honnête et"},
                           {"op": "delete", "text": "fiable"},
                           {"op": "insert", "text": "digne de confiance"}]}))
    return t.id, q.id, a.id  # type: ignore[return-value]


def make_store(url: str) -> Seeded:
    store = open_store(url)
    res = api.ingest_into(store, SEED.read_bytes(), name=SEED.name, actor="test")
    assert res.document.id is not None
    t, q, a = add_claims(store, res.document.id)
    ensure_demo_accounts(store, "test")
    return Seeded(store, url, res.document.id, t, q, a)


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
    """Every st.html body of the page, joined."""
    return "\n".join(str(h.proto.body) for h in at.get("html"))


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
