"""CTranslate2 back-translation (opus-mt and NLLB converted by `drift models convert`), local only.

Texts are tokenized with the model's own tokenizer files (copied next to model.bin at conversion),
so the ct2 backend reads the same tokens as marian and nllb. A batch holds texts of one token
length only: no padding, and one length limit per `translate_batch` call, so each text is decoded
with the same shapes and limit as when translated alone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from drift.errors import DriftError, ModelNotFoundError, UsageError
from drift.translate.ct2_convert import (
    CT2_RECORD,
    ct2_folder,
    import_ctranslate2,
    is_ct2_model,
    read_record,
)
from drift.translate.device import Placement
from drift.translate.models import load_registry, local_model_id
from drift.translate.nllb import LANG_CODES
from drift.translate.seq2seq import Loaded, Seq2SeqTranslator


def cpu_threads() -> int:
    """CPU cores this process may run on (its affinity), >= 1: CTranslate2's intra_threads."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def ct2_placement(device: str, quantize: bool | None) -> Placement:
    """Device and CTranslate2 compute type: CPU int8 (float32 if quantize=False), GPU bf16/fp16."""
    ctranslate2 = import_ctranslate2()
    gpus = ctranslate2.get_cuda_device_count()
    if device == "auto":
        device = "cuda" if gpus else "cpu"
    if device == "cpu":
        return Placement("cpu", "float32" if quantize is False else "int8")
    if device == "cuda" or (device.startswith("cuda:") and device[5:].isdigit()):
        index = int(device[5:] or 0)
        if index >= gpus:
            raise UsageError(f"device {device!r} asked for but CTranslate2 sees {gpus} CUDA GPUs")
        if quantize:
            raise UsageError("quantize=True is for CPU only; drop it or use device='cpu'")
        supported = ctranslate2.get_supported_compute_types("cuda", index)
        return Placement(f"cuda:{index}", "bfloat16" if "bfloat16" in supported else "float16")
    raise UsageError(f"unknown device {device!r}; use auto, cpu, cuda or cuda:N")


class CT2Translator(Seq2SeqTranslator):
    """A converted model folder: `model=` (folder or registry name), else `<models_dir>/NAME-ct2`
    of the direction's registry default (marian first, then nllb)."""

    name = "ct2"

    def __init__(self, model: str | None = None, *, target_prefix: str | None = None, **kw: Any):
        super().__init__(model, **kw)
        self.target_prefix = target_prefix

    @property
    def where(self) -> Placement:
        """Device and compute type ("int8", "float32", "bfloat16", "float16"), resolved once."""
        if self._placement is None:
            self._placement = ct2_placement(self.device, self.quantize)
        return self._placement

    @property
    def runtime(self) -> str:
        """The CTranslate2 version: part of cache keys (kernels change between releases)."""
        return f"ctranslate2-{import_ctranslate2().__version__}"

    def _folder(self, src: str, tgt: str) -> Path:
        """The ct2 folder for src->tgt; ModelNotFoundError with the convert command if none."""
        if self.model is not None:
            given = Path(self.model).expanduser()
            folder = given if given.is_dir() else ct2_folder(self.model, self.models_dir)
            if not is_ct2_model(folder):
                raise ModelNotFoundError(
                    f"{folder} is not a CTranslate2 model; make one with: "
                    f"drift models convert {self.model}"
                )
            return folder
        registry = load_registry(self.models_dir)
        nllb = next((s for s in registry.models.values() if s.kind == "nllb"), None)
        names = [s.name for s in (registry.default_for("marian", src, tgt), nllb) if s]
        for name in names:
            folder = ct2_folder(name, self.models_dir)
            if is_ct2_model(folder) and self._serves(folder, src, tgt):
                return folder
        hint = f"drift models convert {names[0]}" if names else "drift models convert NAME"
        raise ModelNotFoundError(f"no CTranslate2 model for {src}->{tgt}; make one with: {hint}")

    @staticmethod
    def _serves(folder: Path, src: str, tgt: str) -> bool:
        directions = read_record(folder).get("directions") or []
        return not directions or f"{src}-{tgt}" in directions

    def model_id_for(self, src: str, tgt: str) -> str:
        """The source model's `repo@commit` (from the conversion), else the folder fingerprint."""
        if (src, tgt) in self._loaded:
            return self._loaded[(src, tgt)].model_id
        return _model_id(self._folder(src, tgt))

    def available(self, src: str, tgt: str) -> bool:
        """True when CTranslate2 is installed and a converted model for src->tgt is on disk."""
        import importlib.util

        if importlib.util.find_spec("ctranslate2") is None:
            return False
        try:
            self._codes(self._folder(src, tgt), src, tgt)
        except DriftError:
            return False
        return True

    def describe_missing(self, src: str, tgt: str) -> tuple[str, str]:
        """(name, id) of the model src->tgt would use, for the fallback warning."""
        return self.model or "ct2", self.model or "ct2"

    def _codes(self, folder: Path, src: str, tgt: str) -> tuple[str, str]:
        """NLLB language codes for src and tgt ("" for a Marian model)."""
        record = read_record(folder)
        if _kind(folder) == "marian":
            return "", ""
        codes = {**LANG_CODES, **record.get("lang_codes", {})}
        for lang in (src, tgt):
            if lang not in codes:
                raise UsageError(f"ct2: no language code for {lang!r}; use one of: {list(codes)}")
        return codes[src], codes[tgt]

    def _load(self, src: str, tgt: str) -> Loaded:
        folder = self._folder(src, tgt)
        src_code, tgt_code = self._codes(folder, src, tgt)
        shared = next(
            (x for x in self._loaded.values() if x.tokenizer.name_or_path == str(folder)), None
        )
        if shared is not None:  # one NLLB model serves every direction: load it once
            model, tokenizer, model_id = shared.model, shared.tokenizer, shared.model_id
        else:
            model, tokenizer, model_id = self._open(folder), _tokenizer(folder), _model_id(folder)
        if not tgt_code:
            prefix = self.target_prefix
            if prefix is None:
                prefix = read_record(folder).get("target_prefix") or _registry_prefix(
                    folder, self.models_dir
                )
            return Loaded(model, tokenizer, model_id, prefix=prefix + " " if prefix else "")
        forced = tokenizer.convert_tokens_to_ids(tgt_code)
        if forced is None or forced == tokenizer.unk_token_id:
            raise UsageError(f"{model_id} has no language token {tgt_code!r}; is it an NLLB model?")
        return Loaded(model, tokenizer, model_id, forced_bos=forced, src_code=src_code)

    def _open(self, folder: Path) -> Any:
        ctranslate2 = import_ctranslate2()
        where = self.where
        device, _, index = where.device.partition(":")
        return ctranslate2.Translator(
            str(folder),
            device=device,
            device_index=int(index or 0),
            compute_type=where.precision,
            inter_threads=1,
            intra_threads=cpu_threads() if device == "cpu" else 0,
        )

    def batches(self, texts: Sequence[str], src: str, tgt: str) -> list[list[int]]:
        """Indices of `texts` grouped by exact token length (no padding, one length limit per
        batch), longest first, at most `batch_tokens` source tokens times beams per batch."""
        lengths = [len(ids) for ids in self._encode(self.loaded(src, tgt), texts)]
        order = sorted(range(len(texts)), key=lambda i: -lengths[i])
        batches: list[list[int]] = []
        for i in order:
            current = batches[-1] if batches else None
            if (
                current is not None
                and lengths[current[0]] == lengths[i]
                and len(current) < self.max_batch_size
                and (len(current) + 1) * lengths[i] * self.decoding.num_beams <= self.batch_tokens
            ):
                current.append(i)
            else:
                batches.append([i])
        return batches

    def generate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate a batch; texts are decoded in groups of one length limit each."""
        loaded = self.loaded(src, tgt)
        tokenizer = loaded.tokenizer
        encoded = self._encode(loaded, texts)
        groups: dict[int, list[int]] = {}
        for i, ids in enumerate(encoded):
            groups.setdefault(self.decoding.max_new_tokens(len(ids)), []).append(i)
        prefix = (
            None
            if loaded.forced_bos is None
            else tokenizer.convert_ids_to_tokens(loaded.forced_bos)
        )
        start = 0 if prefix is None else 1  # the NLLB language token is part of the hypothesis
        out = [""] * len(texts)
        for limit, rows in groups.items():
            longest = max(1, limit - 1)  # the limit counts EOS, which CTranslate2 does not return
            shortest = min(max(1, self.decoding.min_new_tokens), longest)
            results = loaded.model.translate_batch(
                [tokenizer.convert_ids_to_tokens(encoded[i]) for i in rows],
                target_prefix=None if prefix is None else [[prefix]] * len(rows),
                beam_size=self.decoding.num_beams,
                max_decoding_length=longest + start,
                min_decoding_length=shortest + start,
                no_repeat_ngram_size=self.decoding.no_repeat_ngram_size,
                max_input_length=0,
            )
            for i, result in zip(rows, results, strict=True):
                ids = tokenizer.convert_tokens_to_ids(result.hypotheses[0][start:])
                out[i] = tokenizer.decode(ids, skip_special_tokens=True)
        return out


def _kind(folder: Path) -> str:
    """ "marian" or "nllb": recorded at conversion, else guessed from the tokenizer files."""
    kind = read_record(folder).get("kind")
    if kind in ("marian", "nllb"):
        return kind
    return "marian" if (folder / "source.spm").is_file() else "nllb"


def _tokenizer(folder: Path) -> Any:
    """The model's own tokenizer, from the files copied next to model.bin."""
    from transformers import AutoTokenizer, MarianTokenizer

    cls = MarianTokenizer if _kind(folder) == "marian" else AutoTokenizer
    try:
        return cls.from_pretrained(str(folder), local_files_only=True)
    except (OSError, ValueError) as exc:
        raise ModelNotFoundError(
            f"{folder} has no usable tokenizer files ({exc}); convert again with "
            "drift models convert"
        ) from None


def _model_id(folder: Path) -> str:
    """`repo@commit` of the source model (from CT2_RECORD), else path@fingerprint of model.bin."""
    model_id = read_record(folder).get("model_id")
    if isinstance(model_id, str) and model_id:
        return model_id
    if not (folder / CT2_RECORD).is_file() and not (folder / "config.json").is_file():
        return f"{folder.resolve()}@unknown"
    return local_model_id(folder)


def _registry_prefix(folder: Path, models_dir: Path | None) -> str:
    name = folder.name.removesuffix("-ct2")
    spec = load_registry(models_dir).models.get(name)
    return spec.target_prefix if spec is not None else ""
