"""The Streamlit entry point, run for real with streamlit.testing.v1.AppTest."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from verifier.cli import app as cli_app
from verifier.store import close_stores

from .test_cli import runner

APP = str(Path(__file__).parents[1] / "app.py")


@pytest.fixture
def sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    monkeypatch.setenv("VERIFIER_DATABASE_URL", url)
    yield url
    close_stores()


def test_empty_store_explains_how_to_start(sqlite_url: str) -> None:
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert any("verifier demo" in i.value for i in at.info)


def test_demo_document_is_listed_and_shown_escaped(sqlite_url: str) -> None:
    assert runner.invoke(cli_app, ["demo"]).exit_code == 0
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert at.selectbox(key="doc").value == 1
    shown = "\n".join(t.value for t in at.text)
    assert "Nasser Bourita" in shown and "jeudi, octobre 16, 2025" in shown
    assert [m.value for m in at.metric][:2] == ["fr", "2025-10-16"]
