"""The benches split in halves (bench/quotes.py, quotes_fr.py, temporal.py, temporal_en.py) measure
a development half without touching the held-out one (issue 12): with ``--half A`` / ``--half
dev`` no output line is of the other half or of ``all``, and the extractors (and the dateparser
baseline) are called on that half's texts only, speed lines included. Without ``--half`` every
half is printed. The extractors are replaced by recorders that find nothing, so no figure is
computed and the test stays fast."""
from __future__ import annotations

import importlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
CORPUS = Path("/work/shared/corpus")
GGT = CORPUS / "quotes-en-dev.jsonl"
SEED = (ROOT / "tests/data/seed-maroc-russie-fr.txt").read_text(encoding="utf-8")


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """Imports a bench module by name; sys.path and the bench modules are restored afterwards."""
    monkeypatch.setattr(sys, "path", [str(BENCH), *sys.path])
    monkeypatch.setenv("VERIFIER_CORPUS", str(CORPUS))

    def load(name: str) -> ModuleType:
        return importlib.import_module(name)

    yield load
    for name, mod in list(sys.modules.items()):
        if str(getattr(mod, "__file__", "") or "").startswith(str(BENCH)):
            del sys.modules[name]


class Recorder:
    """Stands for an extractor: keeps the texts it is given, finds nothing."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, text: str, *args: object, **kwargs: object) -> list:
        self.texts.append(text)
        return []

    def only_from(self, allowed: list[str]) -> None:
        assert self.texts, "the extractor never ran"
        outside = [t for t in self.texts if not any(t in a for a in allowed)]
        assert not outside, f"{len(outside)} texts outside the half asked for"


def run(module: ModuleType, argv: list[str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> list[str]:
    monkeypatch.setattr(sys, "argv", [module.__file__, *argv])
    module.main()
    return capsys.readouterr().out.splitlines()


def no_line(lines: list[str], pattern: str) -> None:
    bad = [x for x in lines if re.search(pattern, x)]
    assert not bad, bad


def every_half(lines: list[str], labels: tuple[str, ...], pattern: str) -> None:
    """Without --half, a figure line for each half and for all (pattern: a format with the label)."""
    for label in labels:
        assert any(re.match(pattern.format(label), x) for x in lines), label


def ggt_sorted() -> list[dict]:
    arts = [json.loads(x) for x in GGT.read_text(encoding="utf-8").splitlines() if x.strip()]
    return sorted(arts, key=lambda a: a["id"])


@pytest.mark.skipif(not GGT.exists(), reason="needs the GGT corpus")
@pytest.mark.parametrize("half", ["A", None])
def test_quotes_half_a(half: str | None, bench, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:
    quotes = bench("quotes")
    rec = Recorder()
    monkeypatch.setattr(quotes, "product_quotes", rec)
    argv = ["--corpus", str(CORPUS)] + (["--half", half, "--errors", "1"] if half else [])
    lines = run(quotes, argv, monkeypatch, capsys)
    arts = ggt_sorted()
    assert any("speed:" in x for x in lines) and any("seed (fr)" in x for x in lines)
    if half is None:
        every_half(lines, ("half A", "half B", "all"), r"\s+{}\s+@0\.3")
        return
    assert any(re.match(r"\s+half A\s+@0\.3", x) for x in lines)
    no_line(lines, r"half B|^\s+all\s+@|\(held out\)")
    rec.only_from([a["text"] for a in arts[:len(arts) // 2]])


@pytest.mark.parametrize("half", ["dev", None])
def test_quotes_fr_half_dev(half: str | None, bench, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    quotes_fr = bench("quotes_fr")
    rec = Recorder()
    monkeypatch.setattr(quotes_fr, "product_quotes", rec)
    lines = run(quotes_fr, ["--half", half, "--errors", "1"] if half else [], monkeypatch, capsys)
    if half is None:
        every_half(lines, ("dev", "held", "all"), r"\s+{}\s+\(")
        return
    assert any(re.match(r"\s+dev\s+\(", x) for x in lines)
    no_line(lines, r"^\s+(held|all)\s")
    rec.only_from([d["text"] for d in quotes_fr.load()[0::2]])


def _patch_dateparser(temporal: ModuleType, monkeypatch: pytest.MonkeyPatch) -> Recorder:
    """The baseline's two entry points recorded as well (its predictions and its speed)."""
    rec = Recorder()
    monkeypatch.setattr(temporal, "dateparser_preds", lambda doc, *a, **k: rec(doc["text"]))

    def dp_speed(paras: list, lang: str) -> tuple[float, float]:
        rec.texts += [p for p, _ in paras]
        return 1.0, 1.0

    monkeypatch.setattr(temporal, "dateparser_speed", dp_speed)
    return rec


@pytest.mark.parametrize("half", ["A", None])
def test_temporal_half_a(half: str | None, bench, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    temporal = bench("temporal")
    rec = Recorder()
    monkeypatch.setattr(temporal, "extract_temporal", rec)
    dp = _patch_dateparser(temporal, monkeypatch)
    lines = run(temporal, ["--half", half, "-v"] if half else [], monkeypatch, capsys)
    assert any("paragraphs/s" in x for x in lines) and any("Seed article" in x for x in lines)
    if half is None:
        every_half(lines, ("A", "B", "all"), "verifier {}")
        return
    assert any(x.startswith("verifier A (dev") for x in lines)
    no_line(lines, r"^(verifier|dateparser) (B|all)|\(held out")
    a = [d["text"] for d in temporal.ftib_halves(temporal.load_ftib())["A"]]
    rec.only_from([*a, SEED])
    dp.only_from(a)


@pytest.mark.skipif(not GGT.exists(), reason="needs the GGT corpus")
@pytest.mark.parametrize("half", ["A", None])
def test_temporal_en_half_a(half: str | None, bench, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    temporal_en = bench("temporal_en")
    rec = Recorder()
    monkeypatch.setattr(temporal_en, "extract_temporal", rec)
    dp = _patch_dateparser(sys.modules["temporal"], monkeypatch)
    monkeypatch.setattr(temporal_en, "dateparser_preds", lambda doc: dp(doc["text"]))
    lines = run(temporal_en, ["--half", half, "-v"] if half else [], monkeypatch, capsys)
    assert any("verifier en:" in x for x in lines) and any("verifier fr:" in x for x in lines)
    if half is None:
        every_half(lines, ("A", "B", "all"), "verifier {}")
        return
    assert any(x.startswith("verifier A (dev") for x in lines)
    no_line(lines, r"^(verifier|dateparser) (B|all)|\(held out")
    docs, _ = temporal_en.load()
    temporal = sys.modules["temporal"]
    ftib_a = [d["text"] for d in temporal.ftib_halves(temporal.load_ftib())["A"]]
    rec.only_from([d["text"] for d in docs[:8]] + ftib_a)
    dp.only_from([d["text"] for d in docs[:8]])
