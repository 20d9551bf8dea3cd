"""CTranslate2 back-translation (opus-mt and NLLB converted by `drift models convert`), local only.

Texts are tokenized with the model's own tokenizer files (copied next to model.bin at conversion),
so the ct2 backend reads the same tokens as marian and nllb. A call holds texts of one padded
width (ct2_batch): each text is decoded with the same padding and length limit as when alone.
On CPU one single-threaded worker per core takes the calls as they come (inter_threads): small
batches keep every core busy without the per-layer synchronisation of threads within a call.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from drift.cpus import available_cpus
from drift.errors import DriftError, ModelNotFoundError, UsageError
from drift.translate.ct2_batch import (
    WIDTHS,
    padded_width,
    spread_calls,
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
        """The CTranslate2 version and padded widths: part of cache keys (kernels change between
        releases; the padded width sets a text's rounding and length limit)."""
        widths = ",".join(map(str, WIDTHS))
        return f"ctranslate2-{import_ctranslate2().__version__}/widths:{widths}"

    @property
    def workers(self) -> int:
        """Calls CTranslate2 runs at once: one single-threaded worker per CPU core, one on GPU."""
        return available_cpus() if self.where.device == "cpu" else 1

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
            # one thread per worker: a text's rounding does not depend on the machine's cores
            inter_threads=self.workers,
            intra_threads=1 if device == "cpu" else 0,
        )

    def _limit(self, loaded: Loaded) -> int:
        """The longest input the tokenizer keeps (it truncates longer ones)."""
        return int(min(loaded.tokenizer.model_max_length, 1 << 20))

    def batches(self, texts: Sequence[str], src: str, tgt: str) -> list[list[int]]:
        """Indices of `texts` in the engine's batches: calls of one padded width (ct2_batch),
        widest first, each within `max_batch_size` texts and `batch_tokens` padded source tokens
        times beams, joined a few per worker so that every worker has calls to run."""
        loaded = self.loaded(src, tgt)
        return spread_calls(self._calls(self._encode(loaded, texts), loaded), self.workers)

    def _calls(self, encoded: list[list[int]], loaded: Loaded) -> list[list[int]]:
        return width_batches(
            [len(ids) for ids in encoded],
            self._limit(loaded),
            rows_per_text=self.decoding.num_beams,
            batch_tokens=self.batch_tokens,
            max_batch_size=self.max_batch_size,
        )

    def generate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate a batch: one `translate_batch` call per padded width (and token budget)."""
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
        """(indices, CTranslate2 results with scores) per call among `texts`. Every call holds one
        padded width, with a carrier row when no text fills it (ct2_batch); all are queued at
        once, largest first, so the workers decode them in parallel."""
        loaded = self.loaded(src, tgt)
        tokenizer = loaded.tokenizer
        encoded = self._encode(loaded, texts)
        tokens = [tokenizer.convert_ids_to_tokens(ids) for ids in encoded]
        prefix = (
            None
            if loaded.forced_bos is None
            else tokenizer.convert_ids_to_tokens(loaded.forced_bos)
        )
        start = 0 if prefix is None else 1
        limit = self._limit(loaded)
        calls = [
            (padded_width(len(tokens[rows[0]]), limit), rows)
            for rows in self._calls(encoded, loaded)
        ]
        calls.sort(key=lambda call: -(len(call[1]) + 1) * call[0])
        pending = []
        for width, rows in calls:
            batch = with_carrier([tokens[i] for i in rows], width)
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
                # no Python callback (one could end a greedy carrier early): a worker thread that
                # still holds one when the interpreter exits aborts the process
                asynchronous=True,
            )
            pending.append((rows, results[: len(rows)]))
        return [(rows, [r.result() for r in results]) for rows, results in pending]


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
