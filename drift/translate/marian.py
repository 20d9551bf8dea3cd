"""Marian (opus-mt) back-translation: one MarianMTModel per direction, loaded from local files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drift.errors import DriftError, UsageError
from drift.translate.models import load_registry, resolve_model
from drift.translate.seq2seq import Loaded, Seq2SeqTranslator


class MarianTranslator(Seq2SeqTranslator):
    """opus-mt models: the registry default per direction, or `model=` (name, repo id or folder).

    `target_prefix` overrides the registry's target-language token (">>cmn_Hans<<" for en-zh).
    """

    name = "marian"

    def __init__(self, model: str | None = None, *, target_prefix: str | None = None, **kw: Any):
        super().__init__(model, **kw)
        self.target_prefix = target_prefix

    def _source(self, src: str, tgt: str) -> tuple[str, str]:
        """(registry name, repo id or folder) to load for src->tgt; raises if none is known."""
        if self.model is not None:
            return self.model, self.model
        spec = load_registry(self.models_dir).default_for("marian", src, tgt)
        if spec is None:
            raise UsageError(
                f"no marian model for {src}->{tgt} in the registry; pass model=NAME_OR_PATH "
                "or use the nllb backend"
            )
        return spec.name, spec.repo

    def _prefix(self, name: str) -> str:
        if self.target_prefix is not None:
            return self.target_prefix
        models = load_registry(self.models_dir).models
        spec = models.get(name) or next((s for s in models.values() if s.repo == name), None)
        return spec.target_prefix if spec is not None else ""

    def _resolve(self, src: str, tgt: str) -> tuple[Path, str, str]:
        name, _ = self._source(src, tgt)
        folder, model_id = resolve_model(name, self.models_dir)
        return folder, model_id, self._prefix(name)

    def model_id_for(self, src: str, tgt: str) -> str:
        """`repo@revision` (or folder@fingerprint) used for src->tgt."""
        if self._preloaded is not None:
            return self._preloaded[2]
        if (src, tgt) in self._loaded:
            return self._loaded[(src, tgt)].model_id
        return self._resolve(src, tgt)[1]

    def available(self, src: str, tgt: str) -> bool:
        """True when the model for src->tgt is on disk."""
        if self._preloaded is not None:
            return True
        try:
            self._resolve(src, tgt)
        except DriftError:
            return False
        return True

    def describe_missing(self, src: str, tgt: str) -> tuple[str, str]:
        """(registry name, repo id) of the model src->tgt would use, for the fallback warning."""
        return self._source(src, tgt)

    def _load(self, src: str, tgt: str) -> Loaded:
        from transformers import MarianMTModel, MarianTokenizer

        if self._preloaded is not None:
            model, tokenizer = self._objects(None, MarianMTModel, MarianTokenizer)
            model_id, prefix = self._preloaded[2], self.target_prefix or ""
        else:
            folder, model_id, prefix = self._resolve(src, tgt)
            model, tokenizer = self._objects(folder, MarianMTModel, MarianTokenizer)
        return Loaded(model, tokenizer, model_id, prefix=prefix + " " if prefix else "")
