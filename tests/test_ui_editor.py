"""The editor's page: a draft is checked without being stored, until "Save draft"."""
from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import select

from verifier import services as api
from verifier.db import audit
from verifier.db.models import Claim, Document
from verifier.db.store import Store
from verifier.ingest import IngestError
from verifier.ui import editor

from .test_ui_support import SEED, Seeded, has_key, html_of, seeded, sign_in, titles

__all__ = ["seeded"]


def state(store: Store) -> tuple[int, int, int]:
    with store.read() as s:
        docs = s.exec(select(func.count()).select_from(Document)).one()
        claims = s.exec(select(func.count()).select_from(Claim)).one()
        seq, _ = audit.head(s)
    return int(docs), int(claims), seq


def check(at, text: str):  # type: ignore[no-untyped-def]
    at.text_area(key="editor_text").input(text)
    at.button(key="editor_check").click().run()
    assert not at.exception, at.exception
    return at


def test_checking_the_seed_stores_nothing(seeded: Seeded) -> None:
    before = state(seeded.store)
    at = check(sign_in("eddie"), SEED.read_text(encoding="utf-8") + "\nUne phrase de plus.")
    assert titles(at) == ["Check a draft"]
    assert at.metric[0].label == "Claims"
    assert "Nasser Bourita" in html_of(at)  # the draft, highlighted and escaped
    assert has_key(at, "editor_save")
    assert state(seeded.store) == before


def test_save_draft_stores_it_as_a_draft_by_the_signed_in_user(seeded: Seeded) -> None:
    at = check(sign_in("eddie"), "Paris, le 3 mars 2025. Le ministre a parlé huit ans après.")
    at.button(key="editor_save").click().run()
    assert any("Saved as draft document" in s.value for s in at.success)
    with seeded.store.read() as s:
        doc = s.exec(select(Document).where(Document.kind == "draft")).one()
    assert doc.created_by == "eddie"
    at.run()
    assert not has_key(at, "editor_save")  # saved once; the button is gone
    assert any("Saved as draft document" in s.value for s in at.success)


@pytest.mark.parametrize("text, message", [
    ("   \n\t  ", "empty document"),
])
def test_bad_input_shows_one_line_and_no_traceback(seeded: Seeded, text: str,
                                                   message: str) -> None:
    before = state(seeded.store)
    at = check(sign_in("eddie"), text)
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and message in errors[0] and "\n" not in errors[0]
    assert not at.exception
    assert state(seeded.store) == before


def test_too_big_draft_is_refused(seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFIER_MAX_BYTES", "100")
    at = check(sign_in("eddie"), "Un texte un peu long. " * 20)
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "exceed the limit" in errors[0]


@pytest.mark.parametrize("data, name", [
    (b"\x00\x01\x02\xff\xfe binary \x00" * 50, "draft.txt"),
    (b"", "draft.txt"),
    (b"PK\x03\x04 not really a docx", "draft.docx"),
    (b"%PDF-1.4 broken", "draft.pdf"),
])
def test_check_draft_refuses_bad_files_with_ingest_error(seeded: Seeded, data: bytes,
                                                        name: str) -> None:
    with pytest.raises(IngestError) as info:
        editor.check_draft(seeded.store, data, name=name, lang=None, published=None)
    assert "\n" not in str(info.value)


def contradicted_check(text: str, **_: Any) -> dict[str, Any]:
    i = text.index("huit ans")
    return {"document": {}, "claims": [
        {"kind": "temporal", "text": "huit ans", "start": i, "end": i + 8,
         "finding": "contradicted",
         "explanation": "The partnership was signed in March 2016: nine years before, not eight.",
         "evidence": [{"kind": "fact", "subject": "Partenariat stratégique approfondi",
                       "predicate": "event", "valid_from": "2016-03-15",
                       "source_title": "MAP", "source_url": "https://www.mapexpress.ma/x",
                       "score": 1.0, "method": "fact.event"}]},
    ]}


def test_contradiction_shows_not_ready_to_publish(seeded: Seeded,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "check_text", contradicted_check, raising=False)
    before = state(seeded.store)
    at = check(sign_in("eddie"), SEED.read_text(encoding="utf-8"))
    errors = [e.value for e in at.error]
    assert any(e.startswith("NOT READY TO PUBLISH: 1 contradicted") for e in errors)
    assert any("What to fix" in e for e in errors)
    shown = "\n".join(t.value for t in at.text)
    assert "nine years before" in shown and "2016-03-15" in shown
    assert state(seeded.store) == before


def test_clean_draft_is_ready(seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "check_text", lambda text, **_: {"claims": [], "ready": True},
                        raising=False)
    at = check(sign_in("eddie"), "Rien à signaler dans ce texte, écrit en français.")
    assert any("No contradiction" in s.value for s in at.success)


def test_changed_draft_asks_for_a_new_check(seeded: Seeded) -> None:
    at = sign_in("fatima")
    at.switch_page("verifier/ui/pages/editor.py").run()
    at = check(at, "Le ministre a parlé huit ans après la signature.")
    at.text_area(key="editor_text").input("Un autre texte, tout à fait différent.").run()
    assert any("changed since it was checked" in i.value for i in at.info)
    assert not has_key(at, "editor_save")
