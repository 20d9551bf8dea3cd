"""Convert a local transformers model (opus-mt, NLLB) to CTranslate2: `<models_dir>/NAME-ct2`.

The folder gets the model's tokenizer files and a record (CT2_RECORD) naming the source model's
repo and commit, its kind, target prefix and language codes, so the ct2 backend needs no registry.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from drift.errors import ModelNotFoundError, UsageError
from drift.io import atomic_open
from drift.translate.models import (
    ModelSpec,
    default_models_dir,
    load_registry,
    local_model_id,
    resolve_model,
)

CT2_RECORD = "drift-ct2.json"
CT2_SUFFIX = "-ct2"
INSTALL = "pip install 'drift[ct2]'  (or: pip install 'ctranslate2>=4.0')"
TOKENIZER_FILES = (
    "source.spm",
    "target.spm",
    "vocab.json",
    "sentencepiece.bpe.model",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "added_tokens.json",
)
QUANTIZATIONS = ("float32", "float16", "bfloat16", "int8", "int8_float16", "int8_bfloat16")


def import_ctranslate2() -> Any:
    """The ctranslate2 module; a one-line UsageError with the pip command when it is missing."""
    try:
        import ctranslate2
    except ImportError:
        raise UsageError(f"the ct2 backend needs CTranslate2: {INSTALL}") from None
    return ctranslate2


def is_ct2_model(folder: Path) -> bool:
    """True when `folder` is a converted CTranslate2 model (holds model.bin)."""
    return (folder / "model.bin").is_file()


def ct2_folder(name: str, models_dir: Path | None = None) -> Path:
    """Where the converted copy of registry model `name` lives: `<models_dir>/NAME-ct2`."""
    folder = models_dir if models_dir is not None else default_models_dir()
    return folder / f"{name}{CT2_SUFFIX}"


def read_record(folder: Path) -> dict[str, Any]:
    """The conversion record of a ct2 folder ({} when absent or unreadable)."""
    try:
        data = json.loads((folder / CT2_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _spec_for(name: str, models_dir: Path | None) -> ModelSpec | None:
    models = load_registry(models_dir).models
    return models.get(name) or next((s for s in models.values() if s.repo == name), None)


def convert_model(
    name: str,
    models_dir: Path | None = None,
    *,
    output: Path | None = None,
    quantization: str | None = None,
    force: bool = False,
) -> Path:
    """Convert registry model (or model folder) `name` to CTranslate2; return the new folder.

    `quantization` (None keeps the source weights' precision) is the stored type; the backend
    converts again at load time to the compute type it runs in.
    """
    ctranslate2 = import_ctranslate2()
    if quantization is not None and quantization not in QUANTIZATIONS:
        raise UsageError(f"unknown quantization {quantization!r}; use one of {QUANTIZATIONS}")
    source, model_id = resolve_model(name, models_dir)
    spec = None if Path(name).expanduser().is_dir() else _spec_for(name, models_dir)
    label = spec.name if spec is not None else source.name
    target = output if output is not None else ct2_folder(label, models_dir)
    if target.exists() and not force:
        raise UsageError(f"{target} exists; pass --force to convert again")
    config = json.loads((source / "config.json").read_text(encoding="utf-8"))
    kind = "marian" if config.get("model_type") == "marian" else "nllb"
    copy = [str(source / f) for f in TOKENIZER_FILES if (source / f).is_file()]
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=f".{target.name}.") as tmp:
        staged = Path(tmp) / "model"
        converter = ctranslate2.converters.TransformersConverter(str(source), copy_files=copy)
        try:
            converter.convert(str(staged), quantization=quantization, force=True)
        except (OSError, ValueError, NotImplementedError) as exc:
            raise ModelNotFoundError(f"cannot convert {source} to CTranslate2: {exc}") from None
        record = {
            "source": label,
            "model_id": model_id,
            "kind": kind,
            "directions": list(spec.directions) if spec else [],
            "target_prefix": spec.target_prefix if spec else "",
            "lang_codes": dict(spec.lang_codes) if spec else {},
            "quantization": quantization or "source",
            "ctranslate2": ctranslate2.__version__,
            "converted_weights": local_model_id(staged).rsplit("@", 1)[-1],
        }
        with atomic_open(staged / CT2_RECORD) as out:
            out.write(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
        if target.exists():
            shutil.rmtree(target)
        staged.rename(target)
    return target
