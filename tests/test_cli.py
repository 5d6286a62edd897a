"""The command line: help text everywhere, the extract contract, ingestion into the store, and
bad input giving one line on stderr, exit code 2 and a store left exactly as it was."""
from __future__ import annotations

import json
import socket
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import SQLModel
from typer.main import get_command
from typer.testing import CliRunner

from verifier.cli import app
from verifier.db.store import open_store

from .conftest import SEED
from .test_ingest import article_html, make_docx, make_pdf

runner = CliRunner()


def run(*args: str, db: str | None = None, env: dict[str, str] | None = None,
        input: str | None = None) -> object:
    """The CLI in process, on store `db`, with `env` (e.g. conftest.token_env) and `input` on
    its standard input; VERIFIER_TOKEN is unset unless `env` sets it."""
    full = {"VERIFIER_TOKEN": None} | ({"VERIFIER_DATABASE_URL": db} if db else {}) | (env or {})
    return runner.invoke(app, list(args), env=full, input=input,  # type: ignore[arg-type]
                         catch_exceptions=False)


def all_commands() -> list[tuple[str, Any]]:
    """Every command and sub-command (typer ships its own copy of click: duck-typed)."""
    out: list[tuple[str, Any]] = []

    def walk(cmd: Any, path: str) -> None:
        out.append((path, cmd))
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, f"{path} {name}".strip())

    walk(get_command(app), "")
    return out


COMMANDS = all_commands()


def test_the_command_tree_is_walked() -> None:
    paths = {p for p, _ in COMMANDS}
    assert {"", "ingest", "list", "show", "extract", "check", "demo", "facts import"} <= paths


@pytest.mark.parametrize("path, command", COMMANDS, ids=[p or "verifier" for p, _ in COMMANDS])
def test_every_command_has_help_text(path: str, command: Any) -> None:
    assert (command.help or "").strip(), f"`verifier {path}` has no help text"
    result = runner.invoke(app, [*path.split(), "--help"])
    assert result.exit_code == 0 and "Usage" in result.output
    for param in command.params:
        if param.param_type_name == "option" and param.name != "help":
            assert (param.help or "").strip(), f"option {param.opts} of `verifier {path}` has no help"


def test_extract_json_contract_on_the_seed() -> None:
    result = run("extract", str(SEED), "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    doc_text = SEED.read_text(encoding="utf-8")
    assert out["document"]["language"] == "fr"
    assert out["document"]["published"] == "2025-10-16"
    assert out["document"]["chars"] == len(doc_text)
    for sentence in out["document"]["sentences"]:
        assert doc_text[sentence["start"]:sentence["end"]] == sentence["text"]
    for claim in out["claims"]:
        assert claim["kind"] in ("quote", "temporal", "factual")
        assert doc_text[claim["start"]:claim["end"]] == claim["text"]


def test_extract_table_and_overrides() -> None:
    result = run("extract", str(SEED), "--format", "table", "--published", "2025-10-17", "--lang", "fr")
    assert result.exit_code == 0
    assert "2025-10-17" in result.stdout


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, in key order: equal snapshots mean an unchanged store."""
    store = open_store(url)
    out: dict[str, list[tuple]] = {}
    with store.read() as session:
        for table in SQLModel.metadata.sorted_tables:
            order = ", ".join(c.name for c in table.primary_key.columns)
            rows = session.execute(text(f'SELECT * FROM "{table.name}" ORDER BY {order}')).all()
            out[table.name] = [tuple(r) for r in rows]
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def zip_bomb() -> bytes:
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(200):
                f.write(chunk)
    return buf.getvalue()


BAD_INPUTS = {
    "empty.txt": (lambda: b"", "empty"),
    "image.png": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "binary"),
    "huge.txt": (lambda: b"Le ministre a dit bonjour. " * (20 * 1024 * 1024 // 27 + 1), "limit"),
    "bomb.docx": (zip_bomb, "zip bomb"),
    "empty.html": (lambda: article_html(body="").encode(), "no article text"),
    "scan.pdf": (lambda: make_pdf(pages=[], drawings=2), "no text layer"),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_exits_2_and_leaves_the_store_unchanged(db_url: str, tmp_path: Path, name: str) -> None:
    assert run("demo", db=db_url).exit_code == 0
    before = snapshot(db_url)
    make, words = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(make())
    result = run("ingest", str(path), db=db_url)
    assert result.exit_code == 2
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1 and name in err and words in err.lower(), err
    assert snapshot(db_url) == before


def test_unreachable_url_exits_2_and_leaves_the_store_unchanged(db_url: str) -> None:
    assert run("demo", db=db_url).exit_code == 0
    before = snapshot(db_url)
    url = f"http://127.0.0.1:{free_port()}/article.html"
    result = run("ingest", url, db=db_url)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and url in result.stderr
    assert snapshot(db_url) == before


def test_ingesting_the_same_document_twice_gives_one_document(db_url: str, tmp_path: Path) -> None:
    first = run("ingest", str(SEED), db=db_url)
    assert first.exit_code == 0 and "stored" in first.stdout
    before = snapshot(db_url)
    # Same text under another name and with Windows line ends: same normalised text.
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED.read_bytes().replace(b"\n", b"\r\n"))
    second = run("ingest", str(copy), db=db_url)
    assert second.exit_code == 0 and "already stored, unchanged" in second.stdout
    assert snapshot(db_url) == before
    listed = run("list", db=db_url)
    assert listed.stdout.count("\n") == 1


def test_ingest_formats_and_show(db_url: str, tmp_path: Path) -> None:
    seed = SEED.read_text(encoding="utf-8")
    paragraphs = [p for p in seed.split("\n\n") if p.strip()]
    (tmp_path / "a.docx").write_bytes(make_docx(paragraphs[:6]))
    (tmp_path / "b.html").write_bytes(article_html().encode())
    result = run("ingest", str(tmp_path / "a.docx"), str(tmp_path / "b.html"), "--kind", "draft", db=db_url)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("stored") == 2
    shown = run("show", "1", "--format", "json", db=db_url)
    body = json.loads(shown.stdout)
    assert body["document"]["kind"] == "draft" and "Bourita" in body["document"]["text"]
    missing = run("show", "99", db=db_url)
    assert missing.exit_code == 2 and "no document with id 99" in missing.stderr


def test_demo_is_idempotent(db_url: str) -> None:
    assert "stored" in run("demo", db=db_url).stdout
    before = snapshot(db_url)
    assert "already stored" in run("demo", db=db_url).stdout
    assert snapshot(db_url) == before


GOLD = json.loads((SEED.parent / "seed-maroc-russie-fr.gold.json").read_text(encoding="utf-8"))
QUOTE_FIELDS = {"kind", "text", "start", "end", "speaker", "speaker_start", "speaker_end",
                "reference", "cue", "quote_type", "anonymous"}


def test_extract_lists_the_seed_quotes_with_gold_spans() -> None:
    out = json.loads(run("extract", str(SEED), "--format", "json").stdout)
    quotes = {(c["start"], c["end"]): c for c in out["claims"] if c["kind"] == "quote"}
    for gold in GOLD["quotes"]:
        if gold["borderline"]:
            continue
        got = quotes[(gold["quote_start"], gold["quote_end"])]
        assert QUOTE_FIELDS <= set(got)
        assert (got["speaker_start"], got["speaker_end"]) == (gold["speaker_start"], gold["speaker_end"])
        assert got["anonymous"] == gold["anonymous"]
        if gold["reference"]:
            assert gold["reference"].lower() in (got["reference"] or "").lower()
    core = [g for g in GOLD["quotes"] if not g["borderline"]]
    borderline = {(g["quote_start"], g["quote_end"]) for g in GOLD["quotes"] if g["borderline"]}
    assert len(core) == 6
    assert set(quotes) - borderline == {(g["quote_start"], g["quote_end"]) for g in core}


def test_ingest_stores_quotes_as_claims_with_spans(db_url: str) -> None:
    assert run("ingest", str(SEED), db=db_url).exit_code == 0
    from sqlmodel import select

    from verifier.db.models import Claim
    with open_store(db_url).read() as session:
        rows = session.exec(select(Claim).where(Claim.kind == "quote")).all()
    spans = {(c.start, c.end) for c in rows}
    assert {(g["quote_start"], g["quote_end"]) for g in GOLD["quotes"] if not g["borderline"]} <= spans
    text = SEED.read_text(encoding="utf-8")
    assert all(text[c.start:c.end] == c.text for c in rows)
    bourita = next(c for c in rows if c.reference == "Nasser Bourita")
    assert bourita.attrs["cue"] == "a déclaré" and bourita.speaker == "Nasser Bourita"


@pytest.mark.parametrize("case", ["not-a-database", "unreachable-postgres", "directory"])
def test_store_failures_are_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    """A store that cannot be used is bad input (exit 2, one line), never a traceback nor
    exit 1, which a CI gate reads as "contradiction found"."""
    if case == "not-a-database":
        bad = tmp_path / "claims.db"
        bad.write_bytes(b"these are not the bytes of a SQLite database\n" * 20)
        url, kept = f"sqlite:///{bad}", bad.read_bytes()
    elif case == "directory":
        (tmp_path / "d.db").mkdir()
        url, kept = f"sqlite:///{tmp_path / 'd.db'}", None
    else:
        url, kept = f"postgresql://postgres@127.0.0.1:{free_port()}/test", None
    for args in (["list"], ["ingest", str(SEED)], ["check", str(SEED)], ["facts", "list"],
                 ["users", "list"], ["export", "--format", "csv"]):
        res = run(*args, db=url)
        assert res.exit_code == 2, (args, res.output)
        assert res.stderr.startswith("error: ") and len(res.stderr.strip().splitlines()) == 1
        assert "Traceback" not in res.output
    if kept is not None:
        assert bad.read_bytes() == kept  # nothing written into it
