"""Embeddings computed once per distinct text: in memory for a run, on disk across runs.

Vectors live in one SQLite file (WAL mode) next to the translation cache, keyed on the
embedder's name, model id and revision and the text as the model reads it (clipped), so a
rerun embeds nothing twice and another model or weights version never reads stale vectors.
Each chunk of new vectors is committed as it is done: a killed run loses at most one chunk.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Mapping, Sequence
from functools import cached_property
from pathlib import Path

import numpy as np

from drift.embed.base import Embedder, clip_texts
from drift.io import open_sqlite_cache

SCHEMA = """
CREATE TABLE IF NOT EXISTS vectors (
    key TEXT PRIMARY KEY,
    vector BLOB NOT NULL,
    created REAL NOT NULL
)
"""
CHUNK = 500  # SQLite's limit on bound parameters is 999 in old builds
ENCODE_CHUNK = 512  # texts encoded (and committed) at a time


def default_cache_path() -> Path:
    """embeddings.sqlite3 in the user cache dir (platformdirs), beside translations.sqlite3."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("drift")) / "embeddings.sqlite3"


def embedding_key(name: str, model_id: str, revision: str, text: str) -> str:
    """sha256 over everything that decides a text's vector."""
    payload = json.dumps([name, model_id, revision, text], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Key -> float32 vector, stored in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()

    @cached_property
    def _conn(self) -> sqlite3.Connection:
        return open_sqlite_cache(self.path, SCHEMA, "embedding")

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """The cached vectors of those `keys` that are present."""
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), CHUNK):
            chunk = list(keys[start : start + CHUNK])
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk
            )
            found.update((key, np.frombuffer(blob, dtype=np.float32)) for key, blob in rows)
        return found

    def put_many(self, items: Mapping[str, np.ndarray]) -> None:
        """Store key -> vector pairs in one transaction (all or nothing)."""
        now = time.time()
        rows = [(k, np.asarray(v, dtype=np.float32).tobytes(), now) for k, v in items.items()]
        with self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO vectors (key, vector, created) VALUES (?, ?, ?)", rows
            )

    def __len__(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]

    def close(self) -> None:
        """Close the connection (reopened on next use)."""
        if "_conn" in self.__dict__:
            self.__dict__.pop("_conn").close()


class CachedEmbedder:
    """An embedder that encodes each distinct text once: memoised for its own life and, when the
    inner embedder names its weights (`revision`), stored in an `EmbeddingCache` across runs."""

    def __init__(self, inner: Embedder, cache: EmbeddingCache | None = None) -> None:
        self.inner = inner
        self.cache = cache
        self._seen: dict[str, np.ndarray] = {}  # clipped text -> unit row, for this object's life
        self.encoded = 0  # texts the inner embedder encoded (for tests and benchmarks)

    @property
    def name(self) -> str:
        return self.inner.name

    @cached_property
    def _key_parts(self) -> tuple[str, str, str] | None:
        """(name, model id, revision), or None when the weights cannot be named (no disk cache)."""
        revision = str(getattr(self.inner, "revision", "") or "")
        if not revision:
            return None
        return self.inner.name, str(getattr(self.inner, "model_id", "")), revision

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit rows for `texts`, in order; only texts never seen by this object or the disk
        cache reach the inner embedder, in one batched pass."""
        clipped = clip_texts(texts)
        todo = [t for t in dict.fromkeys(clipped) if t not in self._seen]
        parts = self._key_parts if self.cache is not None else None
        keys: dict[str, str] = {}
        if todo and parts is not None and self.cache is not None:
            keys = {t: embedding_key(*parts, t) for t in todo}
            found = self.cache.get_many(list(keys.values()))
            for t in todo:
                if keys[t] in found:
                    self._seen[t] = found[keys[t]]
            todo = [t for t in todo if t not in self._seen]
        for start in range(0, len(todo), ENCODE_CHUNK):
            chunk = todo[start : start + ENCODE_CHUNK]
            vectors = np.asarray(self.inner.encode(chunk), dtype=np.float32)
            self.encoded += len(chunk)
            self._seen.update(zip(chunk, vectors, strict=True))
            if keys and self.cache is not None:
                self.cache.put_many({keys[t]: v for t, v in zip(chunk, vectors, strict=True)})
        if not clipped:
            return np.asarray(self.inner.encode([]), dtype=np.float32)
        return np.vstack([self._seen[t] for t in clipped])
