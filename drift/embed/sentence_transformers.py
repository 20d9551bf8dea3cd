"""Any local sentence-transformers model (LaBSE, multilingual-e5), loaded without network."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from drift.embed.base import clip_texts, normalize_rows
from drift.errors import MissingDependencyError, ModelNotFoundError


class SentenceTransformerEmbedder:
    """Wraps `sentence_transformers.SentenceTransformer` for a model directory or cached id."""

    name = "sentence-transformers"

    def __init__(self, model: str, device: str = "cpu", batch_size: int = 32) -> None:
        self.model_id = model
        self.device = device
        self.batch_size = batch_size

    @cached_property
    def revision(self) -> str:
        """Names the weights for the embedding cache: a local directory's files (path, size,
        mtime), or the Hugging Face cache snapshot the id resolves to; "" when neither is known."""
        folder = Path(self.model_id).expanduser()
        if folder.is_dir():
            digest = hashlib.sha256()
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                stat = path.stat()
                digest.update(
                    f"{path.relative_to(folder)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode()
                )
            return f"dir-{digest.hexdigest()[:16]}"
        try:
            from huggingface_hub import try_to_load_from_cache
        except ImportError:
            return ""
        found = try_to_load_from_cache(self.model_id, "config.json")
        return f"hf-{Path(found).parent.name}" if isinstance(found, str) else ""

    @cached_property
    def _model(self) -> Any:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise MissingDependencyError(
                "the sentence-transformers embedder needs: pip install 'drift[st]'"
            ) from exc
        try:
            return SentenceTransformer(
                self.model_id, device=self.device, local_files_only=True, trust_remote_code=False
            )
        except OSError as exc:
            raise ModelNotFoundError(
                f"embedding model {self.model_id!r} is not available locally; "
                "pass a local directory or download it first"
            ) from exc

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed `texts`, each cut to `MAX_EMBED_CHARS`; returns unit rows."""
        vectors = self._model.encode(
            clip_texts(texts), batch_size=self.batch_size, show_progress_bar=False
        )
        return normalize_rows(np.asarray(vectors))
