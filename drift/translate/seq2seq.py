"""Shared machinery of the neural backends: lazy local loading, token-budget batches, generate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from drift.errors import UsageError
from drift.translate.device import Placement, placement, prepare_model
from drift.translate.length import LengthLimit

PAD_BUCKET = 8


def padded_length(tokens: int, limit: int) -> int:
    """The length an input of `tokens` tokens is padded to, whatever its batch: the next multiple
    of PAD_BUCKET above it (so every input carries padding and takes the masked attention path),
    at most the model's `limit`. Padding to a neighbour's length instead would change the
    attention reductions' rounding, which int8 can carry into the output."""
    return min((tokens // PAD_BUCKET + 1) * PAD_BUCKET, limit)


@dataclass(frozen=True)
class Decoding:
    """Decoding settings; part of every cache key and of the engine's signature."""

    num_beams: int = 4
    max_new_tokens_ratio: float = 2.0  # max_new_tokens = ratio * input tokens + extra, capped
    max_new_tokens_extra: int = 10
    max_new_tokens_cap: int = 256
    no_repeat_ngram_size: int = 4  # stops runaway loops; real quotes rarely repeat a 4-gram
    min_new_tokens: int = 0  # benchmarks set min = max to generate a fixed length

    def __post_init__(self) -> None:
        if self.num_beams < 1 or self.max_new_tokens_ratio <= 0 or self.max_new_tokens_cap < 1:
            raise UsageError(
                f"bad decoding settings {self}; num_beams, max_new_tokens_ratio and "
                "max_new_tokens_cap must be positive"
            )

    def max_new_tokens(self, input_tokens: int) -> int:
        """Output length limit, EOS included, for a text of `input_tokens` tokens."""
        limit = int(self.max_new_tokens_ratio * input_tokens) + self.max_new_tokens_extra
        return min(self.max_new_tokens_cap, limit)

    def describe(self) -> str:
        """Compact form for signatures and cache keys."""
        return (
            f"beams:{self.num_beams}|max_new:{self.max_new_tokens_ratio:g}x+"
            f"{self.max_new_tokens_extra}<={self.max_new_tokens_cap}"
            f"|no_repeat:{self.no_repeat_ngram_size}|pad:{PAD_BUCKET}"
            + (f"|min_new:{self.min_new_tokens}" if self.min_new_tokens else "")
        )


@dataclass(frozen=True)
class Loaded:
    """A model ready to generate for one direction."""

    model: Any
    tokenizer: Any
    model_id: str
    prefix: str = ""  # text put before each input (opus-mt target-language token)
    forced_bos: int | None = None  # first target token (NLLB language code)
    src_code: str = ""  # tokenizer source language (NLLB)


class Seq2SeqTranslator:
    """Base of marian and nllb: loads per direction on first use and generates in batches."""

    name = "seq2seq"

    def __init__(
        self,
        model: str | None = None,
        *,
        device: str = "auto",
        quantize: bool | None = None,
        decoding: Decoding | None = None,
        batch_tokens: int = 2048,
        max_batch_size: int = 64,
        models_dir: Path | None = None,
        **unused: object,
    ) -> None:
        if batch_tokens < 1 or max_batch_size < 1:
            raise UsageError(f"batch_tokens ({batch_tokens}) and max_batch_size must be positive")
        self.model = model
        self.device = device
        self.quantize = quantize
        self.decoding = decoding or Decoding()
        self.batch_tokens = batch_tokens
        self.max_batch_size = max_batch_size
        self.models_dir = models_dir
        self._loaded: dict[tuple[str, str], Loaded] = {}
        self._placement: Placement | None = None
        self._preloaded: tuple[Any, Any, str] | None = None

    @classmethod
    def from_objects(
        cls, model: Any, tokenizer: Any, model_id: str, **kwargs: Any
    ) -> Seq2SeqTranslator:
        """A translator around an in-memory model and tokenizer (benchmarks, fine-tuned models)."""
        translator = cls(**kwargs)
        translator._preloaded = (model, tokenizer, model_id)
        return translator

    @property
    def where(self) -> Placement:
        """Device and precision, resolved once."""
        if self._placement is None:
            self._placement = placement(self.device, self.quantize)
        return self._placement

    @property
    def model_id(self) -> str:
        """The model as given (resolved per direction by `model_id_for`)."""
        return self.model or "default"

    def model_id_for(self, src: str, tgt: str) -> str:
        """`repo@revision` or folder fingerprint of the model used for src->tgt; no weights load."""
        raise NotImplementedError

    def available(self, src: str, tgt: str) -> bool:
        """True when a model for src->tgt is on disk (what `auto` checks before choosing us)."""
        raise NotImplementedError

    def _load(self, src: str, tgt: str) -> Loaded:
        raise NotImplementedError

    def loaded(self, src: str, tgt: str) -> Loaded:
        """The model for src->tgt, loaded (local files only) on first use."""
        key = (src, tgt)
        if key not in self._loaded:
            self._loaded[key] = self._load(src, tgt)
        return self._loaded[key]

    def _encode(self, loaded: Loaded, texts: Sequence[str]) -> list[list[int]]:
        if loaded.src_code:
            loaded.tokenizer.src_lang = loaded.src_code
        return loaded.tokenizer([loaded.prefix + t for t in texts], truncation=True)["input_ids"]

    def batches(self, texts: Sequence[str], src: str, tgt: str) -> list[list[int]]:
        """Indices of `texts` grouped by padded length into batches of at most `batch_tokens`.

        A batch holds one padded length only (see `padded_length`), so each text is computed
        with the same shapes as when it is translated alone. Padded source tokens times beams
        stay within budget, so memory does not grow with beams.
        """
        loaded = self.loaded(src, tgt)
        limit = loaded.tokenizer.model_max_length
        padded = [padded_length(len(ids), limit) for ids in self._encode(loaded, texts)]
        order = sorted(range(len(texts)), key=lambda i: -padded[i])
        rows_per_text = self.decoding.num_beams
        batches: list[list[int]] = []
        for i in order:
            current = batches[-1] if batches else None
            if (
                current is not None
                and padded[current[0]] == padded[i]
                and len(current) < self.max_batch_size
                and (len(current) + 1) * padded[i] * rows_per_text <= self.batch_tokens
            ):
                current.append(i)
            else:
                batches.append([i])
        return batches

    @torch.inference_mode()
    def generate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate one batch with a single `generate` call; each text keeps its own limit."""
        from transformers import LogitsProcessorList

        loaded = self.loaded(src, tgt)
        encoded = self._encode(loaded, texts)
        width = padded_length(max(map(len, encoded)), loaded.tokenizer.model_max_length)
        input_ids, attention_mask = _pad(encoded, width, loaded.tokenizer)
        settings = self.decoding
        extra = {} if loaded.forced_bos is None else {"forced_bos_token_id": loaded.forced_bos}
        limits = torch.tensor(
            [settings.max_new_tokens(len(ids)) for ids in encoded], device=self.where.device
        )
        # the decoder start token, and NLLB's forced language code, are not output text
        start = 1 if loaded.forced_bos is None else 2
        stop = LengthLimit(limits, settings.num_beams, loaded.tokenizer.eos_token_id, start=start)
        output = loaded.model.generate(
            input_ids=input_ids.to(self.where.device),
            attention_mask=attention_mask.to(self.where.device),
            num_beams=settings.num_beams,
            max_new_tokens=int(limits.max()) + start - 1,
            no_repeat_ngram_size=settings.no_repeat_ngram_size,
            min_new_tokens=settings.min_new_tokens or None,
            logits_processor=LogitsProcessorList([stop]),
            **extra,
        )
        return loaded.tokenizer.batch_decode(output, skip_special_tokens=True)

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        """One translation per input, in input order, batched by length."""
        out = [""] * len(texts)
        for batch in self.batches(texts, src, tgt):
            for i, text in zip(
                batch, self.generate([texts[i] for i in batch], src, tgt), strict=True
            ):
                out[i] = text
        return out

    def _objects(self, folder: Path | None, model_cls: Any, tokenizer_cls: Any) -> tuple[Any, Any]:
        """Model (placed on its device) and tokenizer: the preloaded ones or from `folder`."""
        if self._preloaded is not None:
            model, tokenizer, _ = self._preloaded
        elif folder is None:
            raise UsageError(f"{self.name}: no model folder and no preloaded model")
        else:
            model = model_cls.from_pretrained(folder, dtype=self.where.dtype, **load_kwargs(folder))
            tokenizer = tokenizer_cls.from_pretrained(folder, local_files_only=True)
        return prepare_model(model, self.where), tokenizer


def _pad(encoded: list[list[int]], width: int, tokenizer: Any) -> tuple[torch.Tensor, torch.Tensor]:
    """Token ids padded to `width` on the tokenizer's padding side, and their attention mask."""
    input_ids = torch.full((len(encoded), width), tokenizer.pad_token_id, dtype=torch.long)
    attention_mask = torch.zeros((len(encoded), width), dtype=torch.long)
    for row, ids in enumerate(encoded):
        span = (
            slice(width - len(ids), width) if tokenizer.padding_side == "left" else slice(len(ids))
        )
        input_ids[row, span] = torch.tensor(ids, dtype=torch.long)
        attention_mask[row, span] = 1
    return input_ids, attention_mask


def load_kwargs(folder: Path) -> dict[str, Any]:
    """from_pretrained arguments: local files only, no remote code, safetensors when present."""
    return {
        "local_files_only": True,
        "trust_remote_code": False,
        "use_safetensors": any(folder.glob("*.safetensors")),
    }
