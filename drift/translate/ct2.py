"""CTranslate2 back-translation (opus-mt and NLLB converted by `drift models convert`), local only.

Texts are tokenized with the model's own tokenizer files (copied next to model.bin at conversion),
so the ct2 backend reads the same tokens as marian and nllb. A batch holds texts of one padded
width (ct2_batch): each text is decoded with the same padding and length limit as when alone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from drift.errors import DriftError, ModelNotFoundError, UsageError
from drift.translate.ct2_batch import (
    PAD_MULTIPLE,
    padded_width,
    stop_rows_from,
    width_batches,
    with_carrier,
)
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
        """The CTranslate2 version and padding: part of cache keys (kernels change between
        releases; the padded width sets a text's rounding and length limit)."""
        return f"ctranslate2-{import_ctranslate2().__version__}/width:{PAD_MULTIPLE}"

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

    def _limit(self, loaded: Loaded) -> int:
        """The longest input the tokenizer keeps (it truncates longer ones)."""
        return int(min(loaded.tokenizer.model_max_length, 1 << 20))

    def batches(self, texts: Sequence[str], src: str, tgt: str) -> list[list[int]]:
        """Indices of `texts` grouped by padded width (see ct2_batch), widest first, at most
        `max_batch_size` texts and `batch_tokens` padded source tokens times beams per batch."""
        loaded = self.loaded(src, tgt)
        return width_batches(
            [len(ids) for ids in self._encode(loaded, texts)],
            self._limit(loaded),
            rows_per_text=self.decoding.num_beams,
            batch_tokens=self.batch_tokens,
            max_batch_size=self.max_batch_size,
        )

    def generate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate a batch: one `translate_batch` call per padded width among `texts`."""
        loaded = self.loaded(src, tgt)
        tokenizer = loaded.tokenizer
        start = 0 if loaded.forced_bos is None else 1  # NLLB's language token leads the output
        out = [""] * len(texts)
        for rows, results in self.decode(texts, src, tgt):
            for i, result in zip(rows, results, strict=True):
                ids = tokenizer.convert_tokens_to_ids(result.hypotheses[0][start:])
                out[i] = tokenizer.decode(ids, skip_special_tokens=True)
        return out

    def decode(self, texts: Sequence[str], src: str, tgt: str) -> list[tuple[list[int], list[Any]]]:
        """(indices, CTranslate2 results with scores) per padded width among `texts`; each
        call's rows are padded to its width by a carrier row when none fills it (ct2_batch)."""
        loaded = self.loaded(src, tgt)
        tokenizer = loaded.tokenizer
        tokens = [tokenizer.convert_ids_to_tokens(ids) for ids in self._encode(loaded, texts)]
        groups: dict[int, list[int]] = {}
        for i, row in enumerate(tokens):
            groups.setdefault(padded_width(len(row), self._limit(loaded)), []).append(i)
        prefix = (
            None
            if loaded.forced_bos is None
            else tokenizer.convert_ids_to_tokens(loaded.forced_bos)
        )
        start = 0 if prefix is None else 1
        decoded = []
        for width, rows in groups.items():
            batch = with_carrier([tokens[i] for i in rows], width)
            greedy_carrier = len(batch) > len(rows) and self.decoding.num_beams == 1
            # the limit counts EOS, which CTranslate2 does not return; it is the width's
            longest = max(1, self.decoding.max_new_tokens(width) - 1)
            shortest = min(max(1, self.decoding.min_new_tokens), longest)
            results = loaded.model.translate_batch(
                batch,
                target_prefix=None if prefix is None else [[prefix]] * len(batch),
                beam_size=self.decoding.num_beams,
                max_decoding_length=longest + start,
                min_decoding_length=shortest + start,
                no_repeat_ngram_size=self.decoding.no_repeat_ngram_size,
                max_input_length=0,
                return_scores=True,
                callback=stop_rows_from(len(rows)) if greedy_carrier else None,
            )
            decoded.append((rows, results[: len(rows)]))
        return decoded


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
