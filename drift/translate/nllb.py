"""NLLB-200 (or any M2M-style seq2seq model) back-translation: one model for every direction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drift.errors import DriftError, UsageError
from drift.translate.models import ModelSpec, load_registry, resolve_model
from drift.translate.seq2seq import Loaded, Seq2SeqTranslator

# FLORES-200 codes NLLB uses; a registry entry's lang_codes override these.
LANG_CODES = {"en": "eng_Latn", "ru": "rus_Cyrl", "zh": "zho_Hans"}


class NllbTranslator(Seq2SeqTranslator):
    """AutoModelForSeq2SeqLM + AutoTokenizer with `src_lang` and a forced target-language token."""

    name = "nllb"

    def __init__(self, model: str | None = None, **kw: Any) -> None:
        super().__init__(model, **kw)

    def _spec(self) -> ModelSpec | None:
        registry = load_registry(self.models_dir)
        if self.model is None:
            return next((s for s in registry.models.values() if s.kind == "nllb"), None)
        return next((s for s in registry.models.values() if self.model in (s.name, s.repo)), None)

    def _codes(self, src: str, tgt: str) -> tuple[str, str]:
        spec = self._spec()
        codes = {**LANG_CODES, **dict(spec.lang_codes if spec else ())}
        for lang in (src, tgt):
            if lang not in codes:
                raise UsageError(
                    f"nllb has no language code for {lang!r}; use one of: {', '.join(codes)}"
                )
        return codes[src], codes[tgt]

    def _resolve(self) -> tuple[Path, str]:
        spec = self._spec()
        name = self.model if self.model is not None else (spec.name if spec else "")
        if not name:
            raise UsageError("no nllb model in the registry; pass model=NAME_OR_PATH")
        return resolve_model(name, self.models_dir)

    def model_id_for(self, src: str, tgt: str) -> str:
        """`repo@revision` (or folder@fingerprint) of the model; the same for every direction."""
        if self._preloaded is not None:
            return self._preloaded[2]
        return self._resolve()[1]

    def available(self, src: str, tgt: str) -> bool:
        """True when the model is on disk and knows both languages."""
        try:
            self._codes(src, tgt)
            if self._preloaded is None:
                self._resolve()
        except DriftError:
            return False
        return True

    def _load(self, src: str, tgt: str) -> Loaded:
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        src_code, tgt_code = self._codes(src, tgt)
        shared = next(iter(self._loaded.values()), None)
        if shared is not None:  # one model serves every direction: load it once
            model, tokenizer, model_id = shared.model, shared.tokenizer, shared.model_id
        elif self._preloaded is not None:
            model, tokenizer = self._objects(None, AutoModelForSeq2SeqLM, AutoTokenizer)
            model_id = self._preloaded[2]
        else:
            folder, model_id = self._resolve()
            model, tokenizer = self._objects(folder, AutoModelForSeq2SeqLM, AutoTokenizer)
        forced = tokenizer.convert_tokens_to_ids(tgt_code)
        if forced is None or forced == tokenizer.unk_token_id:
            raise UsageError(f"{model_id} has no language token {tgt_code!r}; is it an NLLB model?")
        return Loaded(model, tokenizer, model_id, forced_bos=forced, src_code=src_code)
