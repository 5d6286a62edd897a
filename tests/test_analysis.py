"""DocumentAnalysis: one analysis of a document shared by the extractors and the checks."""
from __future__ import annotations

from datetime import date

import pytest

from verifier import analysis as analysis_module
from verifier import text as text_module
from verifier.analysis import analyse
from verifier.check.assess import assess
from verifier.check.knowledge import check_claims
from verifier.extract.facts import extract_facts, facts_in
from verifier.extract.pipeline import extract_claims, extract_document_claims
from verifier.extract.quotes import extract_quotes, quotes_in
from verifier.extract.temporal import extract_temporal, timexes_in
from verifier.ingest import ingest_bytes
from verifier.reference.kb import demo_knowledge_base
from verifier.text import paragraphs, split_sentences

SEED_DATE = date(2025, 10, 16)
SEED_SKIP = [(24, 45), (2851, 2930)]


def test_sentences_and_paragraphs_are_the_text_layers(seed_text: str) -> None:
    a = analyse(seed_text, "fr", SEED_DATE, SEED_SKIP)
    assert list(a.sentences) == split_sentences(seed_text, "fr")
    assert list(a.paragraphs) == paragraphs(seed_text)
    assert a.sentences is a.sentences  # computed once
    assert a.boilerplate == tuple(SEED_SKIP)


def test_sentence_at_matches_a_linear_scan(seed_text: str) -> None:
    a = analyse(seed_text, "fr")
    sents = split_sentences(seed_text, "fr")
    for offset in range(-1, len(seed_text) + 2):
        expected = next((s for s in sents if s.start <= offset < s.end), None)
        assert a.sentence_at(offset) == expected


def test_sentence_at_on_empty_text() -> None:
    assert analyse("", "fr").sentence_at(0) is None


def test_wrappers_equal_the_analysis_entry_points(seed_text: str) -> None:
    a = analyse(seed_text, "fr", SEED_DATE, SEED_SKIP)
    kb = demo_knowledge_base()
    assert extract_quotes(seed_text, lang="fr", skip=SEED_SKIP) == quotes_in(a)
    assert extract_temporal(seed_text, lang="fr", published=SEED_DATE, skip=SEED_SKIP) == timexes_in(a)
    assert extract_facts(seed_text, lang="fr", published=SEED_DATE, kb=kb, skip=SEED_SKIP) == facts_in(a, kb)


def test_ingested_document_carries_its_analysis(seed_text: str) -> None:
    doc = ingest_bytes(seed_text.encode(), name="seed.txt", lang="fr", published=SEED_DATE)
    a = doc.analysis
    assert a is doc.analysis
    assert (a.text, a.language, a.published) == (doc.text, "fr", SEED_DATE)
    assert a.boilerplate == tuple((s.start, s.end) for s in doc.boilerplate)
    kb = demo_knowledge_base()
    assert extract_document_claims(doc, kb=kb) == extract_claims(
        doc.text, lang="fr", published=SEED_DATE, skip=[(s.start, s.end) for s in doc.boilerplate], kb=kb)


def test_check_claims_same_with_and_without_analysis(seed_text: str) -> None:
    kb = demo_knowledge_base()
    claims = extract_claims(seed_text, lang="fr", published=SEED_DATE, skip=SEED_SKIP, kb=kb)
    plain = check_claims(claims, text=seed_text, published=SEED_DATE, kb=kb)
    shared = check_claims(claims, text=seed_text, published=SEED_DATE, kb=kb,
                          analysis=analyse(seed_text, "fr", SEED_DATE, SEED_SKIP))
    assert plain == shared
    assert any(f is not None and f.prediction for f in shared)


def test_full_check_splits_the_document_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction and every check share one analysis: the sentences of a document with 400
    predictions are computed once (the prediction check used to re-split it per claim)."""
    sentence = "Le Conseil de sécurité doit se prononcer à la fin du mois sur la MINURSO. "
    body = "\n\n".join(sentence * 4 for _ in range(100))
    doc = ingest_bytes(body.encode(), name="n.txt", lang="fr", published=date(2025, 10, 5))
    calls = []
    real = analysis_module.split_sentences

    def counting(text: str, lang: str = "fr"):  # type: ignore[no-untyped-def]
        calls.append(len(text))
        return real(text, lang)

    monkeypatch.setattr(analysis_module, "split_sentences", counting)
    monkeypatch.setattr(text_module, "split_sentences", counting)
    claims, _ = assess(doc, kb=demo_knowledge_base())
    assert sum(1 for c in claims if c.result.prediction) == 400
    assert calls == [len(doc.text)]
