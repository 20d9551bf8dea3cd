"""The embedder interface and its registry: backends are chosen by name, imported lazily."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from drift.errors import UsageError


@runtime_checkable
class Embedder(Protocol):
    """Maps texts to L2-normalized vectors, so a dot product is a cosine similarity."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return a float32 array of shape (len(texts), dim) with unit rows."""
        ...


# name -> "module:Class", imported only when asked for (as sacrebleu does with its metrics).
EMBEDDERS: dict[str, str] = {
    "e5": "drift.embed.e5:E5Embedder",
    "sentence-transformers": "drift.embed.sentence_transformers:SentenceTransformerEmbedder",
}


def get_embedder(name: str, **kwargs: object) -> Embedder:
    """Build the embedder registered as `name`; kwargs go to its constructor."""
    try:
        target = EMBEDDERS[name]
    except KeyError:
        valid = ", ".join(sorted(EMBEDDERS))
        raise UsageError(f"unknown embedder {name!r}; choose one of: {valid}, or none") from None
    module_name, class_name = target.split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls(**kwargs)


# e5 reads at most 512 tokens; longer texts only cost time and memory (attention is quadratic),
# so every embedder sees at most this many characters of a text (about 400-500 e5 tokens).
MAX_EMBED_CHARS = 2000


def clip_texts(texts: Sequence[str], limit: int = MAX_EMBED_CHARS) -> list[str]:
    """Each text cut to its first `limit` characters."""
    return [t if len(t) <= limit else t[:limit] for t in texts]


def cosine_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarities between the unit rows of `a` and `b`."""
    return np.clip(a @ b.T, -1.0, 1.0)


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    """Scale rows to unit length (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)
