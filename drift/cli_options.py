"""The options the `drift` commands share, each checked as it is parsed (a typo fails at once,
not after reading every input)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from drift.errors import UsageError

Paths = Annotated[
    list[Path],
    typer.Argument(
        help="Articles (.txt .md .html .htm), tables (.jsonl .csv .parquet, .jsonl.gz .jsonl.bz2 "
        ".jsonl.zst, Quotebank's .json.bz2) or directories of them (a sources.csv/sources.jsonl "
        "inside gives outlet, date and url per doc_id).",
        metavar="PATH",
        show_default=False,
    ),
]
MaxSize = Annotated[
    float,
    typer.Option(
        "--max-size",
        help="Skip input files above this size, in MB; JSON-lines and Parquet tables are "
        "streamed, so for them it bounds each row instead.",
    ),
]
Format = Annotated[
    str,
    typer.Option(
        "--format",
        help="Table format of quotes, groups and divergences: csv, or parquet "
        "(pip install 'drift\\[parquet]').",
    ),
]
Backend = Annotated[
    str,
    typer.Option(
        "--backend", "-b", help="Back-translation backend: auto, marian, nllb, ct2 or lexicon."
    ),
]
Model = Annotated[
    str | None, typer.Option("--model", "-m", help="Model id or local directory for the backend.")
]
DEVICES = "auto, cpu, cuda or cuda:N"  # as drift.translate.device (not imported: it loads torch)


def parse_device(value: str) -> str:
    """--device checked as it is parsed: a typo fails now, not after reading every input."""
    name = value.strip().lower()
    if name in {"auto", "cpu", "cuda"} or (name.startswith("cuda:") and name[5:].isdigit()):
        return name
    raise UsageError(f"unknown --device {value!r}; use {DEVICES}")


Device = Annotated[str, typer.Option("--device", help=f"{DEVICES}.", callback=parse_device)]
Quantize = Annotated[
    bool | None,
    typer.Option(
        "--quantize/--no-quantize",
        help="int8 weights and activations on CPU (the default there; about 2x faster; "
        "activations scaled per row, so batch neighbours do not change a text's rounding); "
        "--no-quantize runs fp32.",
        show_default=False,
    ),
]
Embedder = Annotated[
    str,
    typer.Option(
        "--embedder",
        help="Embedder for similarity: e5, sentence-transformers (pip install 'drift\\[st]'), "
        "or none to skip.",
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summary.")]
DEFAULT_SOURCE_LANG = "ru"  # as drift.pipeline's (not imported: `drift --help` stays fast)
SOURCE_LANGS = ("ru", "zh")  # as drift.score.batch.LANGS
Verbose = Annotated[
    bool, typer.Option("--verbose", "-v", help="Log each stage and its time on stderr.")
]
Meta = Annotated[
    list[Path] | None,
    typer.Option(
        "--meta",
        help="Sidecar table (CSV/JSONL: doc_id, outlet, date, url) for articles that do not "
        "name them; sources.csv in an input directory is read without it.",
        show_default=False,
    ),
]
ModelsDir = Annotated[
    Path | None,
    typer.Option(
        "--models-dir",
        help="Folder of model folders and registry.toml (default: $DRIFT_MODELS_DIR, else the "
        "checkout's models/, else the user data dir).",
        show_default=False,
    ),
]


def max_bytes_option(megabytes: float) -> int:
    if megabytes <= 0:
        raise typer.BadParameter("must be above 0", param_hint="--max-size")
    return int(megabytes * 1024 * 1024)


def parse_source_lang(value: str | None) -> str | None:
    """--source-lang checked as it is parsed; None (not given) lets drift assume and say so."""
    if value is None:
        return None
    lang = value.strip().lower()
    if lang not in SOURCE_LANGS:
        raise UsageError(f"unknown --source-lang {value!r}; choose {' or '.join(SOURCE_LANGS)}")
    return lang


def embedder_name(name: str) -> str | None:
    return None if name.lower() in {"none", "off", ""} else name
