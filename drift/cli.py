"""The `drift` command: thin Typer commands over `drift.api`.

Exit codes: 0 every input processed; 1 some inputs failed (each reported on stderr as
`drift: FILE[:LINE]: problem`) and the rest were processed and written; 2 usage error or nothing
could be processed.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    import pandas as pd

from drift.cli_format import DriftCommand, DriftGroup
from drift.corpus import DEFAULT_MAX_BYTES
from drift.engine import check_engine
from drift.errors import DriftError, UsageError
from drift.io import check_output_dir, check_output_file, report_files
from drift.records import Failure

app = typer.Typer(
    name="drift",
    help=(
        "Catch translation drift: find where English renderings of the same Russian or Chinese "
        "statement differ in meaning.\n\n"
        "Typical use: drift run ARTICLES_DIR --originals originals.jsonl -o reports/\n\n"
        "drift resources lists the dictionaries, thesauri and bundled models drift reads offline."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=DriftGroup,
)
models_app = typer.Typer(
    help="List, download and locate translation and embedding models.", cls=DriftGroup
)
app.add_typer(models_app, name="models")

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


def _device(value: str) -> str:
    """--device checked as it is parsed: a typo fails now, not after reading every input."""
    name = value.strip().lower()
    if name in {"auto", "cpu", "cuda"} or (name.startswith("cuda:") and name[5:].isdigit()):
        return name
    raise UsageError(f"unknown --device {value!r}; use {DEVICES}")


Device = Annotated[str, typer.Option("--device", help=f"{DEVICES}.", callback=_device)]
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
        help="Embedder for similarity: e5, sentence-transformers (pip install 'drift[st]'), "
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


class _Stderr(logging.Handler):
    """Writes to the current sys.stderr (not the one of the first call), one line a record."""

    def emit(self, record: logging.LogRecord) -> None:
        print(self.format(record), file=sys.stderr, flush=True)


def _setup_logging(verbose: bool = False) -> None:
    logger = logging.getLogger("drift")
    if not logger.handlers:
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("drift: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


def _report_failures(failures: list[Failure]) -> None:
    for failure in failures:
        typer.echo(str(failure), err=True)


def _exit_code(failures: list[Failure], processed: int) -> int:
    if processed == 0:
        if not failures:
            typer.echo("drift: no input could be processed", err=True)
        return 2
    return 1 if failures else 0


def _max_bytes(megabytes: float) -> int:
    if megabytes <= 0:
        raise typer.BadParameter("must be above 0", param_hint="--max-size")
    return int(megabytes * 1024 * 1024)


def _source_lang(value: str | None) -> str | None:
    """--source-lang checked as it is parsed; None (not given) lets drift assume and say so."""
    if value is None:
        return None
    lang = value.strip().lower()
    if lang not in SOURCE_LANGS:
        raise UsageError(f"unknown --source-lang {value!r}; choose {' or '.join(SOURCE_LANGS)}")
    return lang


def _embedder(name: str) -> str | None:
    return None if name.lower() in {"none", "off", ""} else name


@app.command(cls=DriftCommand)
def quotes(
    paths: Paths,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the quotes table to this file.")
    ] = None,
    max_size: MaxSize = DEFAULT_MAX_BYTES / 1024 / 1024,
    meta: Meta = None,
    fmt: Format = "csv",
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Extract quotes with their speakers from articles."""
    from drift.api import find_quotes
    from drift.report import write_csv
    from drift.report.parquet import check_format, write_parquet

    _setup_logging(verbose)
    check_format(fmt)
    if output is not None:
        check_output_file(output)
    result = find_quotes(
        paths,
        max_bytes=_max_bytes(max_size),
        progress=False if quiet else None,
        meta=meta or (),
    )
    frame = result.quotes
    _report_failures(result.failures)
    if result.processed == 0:  # never replace earlier results with nothing
        raise typer.Exit(_exit_code(result.failures, 0))
    if output is not None:
        (write_parquet if fmt == "parquet" else write_csv)(frame, output)
        typer.echo(f"drift: {len(frame)} quotes written to {output}", err=True)
    elif len(frame):
        typer.echo(_table(frame, ["quote_id", "speaker", "kind", "text"]))
    raise typer.Exit(_exit_code(result.failures, result.processed))


def _table(frame: pd.DataFrame, columns: list[str]) -> str:
    """Left-aligned columns; the last one cut with an ellipsis to fit the terminal."""
    import shutil

    rows = [[str(v) for v in row] for row in frame[columns].itertuples(index=False)]
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns[:-1])]
    room = max(20, shutil.get_terminal_size((120, 24)).columns - sum(widths) - 2 * len(widths))

    def line(cells: list[str]) -> str:
        last = " ".join(cells[-1].split())
        last = last if len(last) <= room else last[: room - 1] + "…"
        return "  ".join([*(c.ljust(w) for c, w in zip(cells, widths, strict=False)), last])

    return "\n".join([line(columns), *(line(r) for r in rows)])


@app.command(cls=DriftCommand)
def align(
    paths: Paths,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the groups and divergences tables to this dir."),
    ] = None,
    embedder: Embedder = "e5",
    max_size: MaxSize = DEFAULT_MAX_BYTES / 1024 / 1024,
    meta: Meta = None,
    fmt: Format = "csv",
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Group renderings of the same statement across articles; list the words that differ."""
    from drift.api import align_quotes
    from drift.report.parquet import check_format

    _setup_logging(verbose)
    check_format(fmt)
    if output is not None:
        check_output_dir(output, (f"groups.{fmt}", f"divergences.{fmt}"))
    result = align_quotes(
        paths,
        embedder=_embedder(embedder),
        max_bytes=_max_bytes(max_size),
        progress=False if quiet else None,
        meta=meta or (),
    )
    _report_failures(result.failures)
    if result.processed == 0:  # never replace earlier results with nothing
        raise typer.Exit(_exit_code(result.failures, 0))
    if output is not None:
        result.save(output, format=fmt)
        typer.echo(
            f"drift: {result.groups.loc[result.groups['group_id'] != '', 'group_id'].nunique()} "
            "groups, "
            f"{len(result.divergences)} divergences written to {output}",
            err=True,
        )
    else:
        frame = result.divergences.assign(
            difference=result.divergences["span_a"] + "  <>  " + result.divergences["span_b"]
        )
        columns = ["group_id", "doc_a", "doc_b", "kind", "difference"]
        typer.echo(_table(frame, columns) if len(frame) else "no divergences found")
    raise typer.Exit(_exit_code(result.failures, result.processed))


@app.command(cls=DriftCommand)
def run(
    paths: Paths,
    originals: Annotated[
        list[Path] | None,
        typer.Option("--originals", help="JSONL/CSV of original-language statements."),
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Report directory.")] = Path(
        "reports"
    ),
    backend: Backend = "auto",
    model: Model = None,
    device: Device = "auto",
    quantize: Quantize = None,
    embedder: Embedder = "e5",
    source_lang: Annotated[
        str | None,
        typer.Option(
            "--source-lang",
            help="Source language (ru or zh) of groups whose speaker and original do not tell; "
            f"{DEFAULT_SOURCE_LANG} when not given (a note then counts those groups).",
            show_default=False,
            callback=_source_lang,
        ),
    ] = None,
    cache: Annotated[
        Path | None, typer.Option("--cache", help="SQLite cache of translations, embeddings.")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Keep no translations or embeddings.")
    ] = False,
    max_size: MaxSize = DEFAULT_MAX_BYTES / 1024 / 1024,
    meta: Meta = None,
    fmt: Format = "csv",
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="local (this process), or ray: Ray Data on the cluster RAY_ADDRESS names, a "
            "local Ray when unset (pip install 'drift\\[ray]'; docs/scale.md).",
        ),
    ] = "local",
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Run everything: quotes, groups, back-translation, drift scores, table + HTML reports."""
    from drift.api import run as run_api
    from drift.report.parquet import check_format

    _setup_logging(verbose)
    check_format(fmt)
    check_engine(engine)
    check_output_dir(output, report_files(fmt))
    report = run_api(
        paths,
        originals=originals or None,
        backend=backend,
        model=model,
        device=device,
        quantize=quantize,
        embedder=_embedder(embedder),
        cache=False if no_cache else cache,
        source_lang=source_lang,  # None: DEFAULT_SOURCE_LANG, and a note counting the groups
        max_bytes=_max_bytes(max_size),
        progress=False if quiet else None,
        meta=meta or (),
        engine=engine,
    )
    _report_failures(report.failures)
    processed = report.processed
    if processed == 0:
        raise typer.Exit(_exit_code(report.failures, 0))
    report.save(output, format=fmt)
    for note in report.meta.get("notes", []):  # type: ignore[union-attr]
        typer.echo(f"drift: note: {note}", err=True)
    if not quiet:
        typer.echo(report.summary())
    typer.echo(f"drift: reports written to {output}/", err=True)
    raise typer.Exit(_exit_code(report.failures, processed))


PAIRS = ("en-ru", "en-zh", "ru-en", "zh-en")  # registry models and the offline lexicon
NLLB_PAIRS = ("ru-zh", "zh-ru")  # the NLLB model's only


def _check_pair(src: str, tgt: str, model: str | None) -> None:
    """A pair drift has no model for fails here, before `auto` warns about a missing model."""
    if model is None and f"{src}-{tgt}" not in (*PAIRS, *NLLB_PAIRS):
        raise UsageError(
            f"cannot translate {src}-{tgt}; drift translates {', '.join(PAIRS)}, and "
            f"{', '.join(NLLB_PAIRS)} with an NLLB model (pass --model for another pair)"
        )


@app.command(cls=DriftCommand)
def translate(
    texts: Annotated[
        list[str], typer.Argument(help="Texts to translate.", metavar="TEXT", show_default=False)
    ],
    src: Annotated[str, typer.Option("--src", help="Source language: en, ru or zh.")] = "en",
    tgt: Annotated[
        str, typer.Option("--tgt", help="Target language: ru or zh (en from ru or zh).")
    ] = "ru",
    backend: Backend = "auto",
    model: Model = None,
    device: Device = "auto",
    quantize: Quantize = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do not cache translations.")
    ] = False,
    verbose: Verbose = False,
) -> None:
    """Translate texts (en -> ru/zh, or ru/zh -> en); prints one translation per line."""
    from drift.translate.engine import TranslationEngine

    _setup_logging(verbose)
    src, tgt = src.strip().lower(), tgt.strip().lower()
    _check_pair(src, tgt, model)
    engine = TranslationEngine(
        backend,
        model=model,
        device=device,
        quantize=quantize,
        cache=False if no_cache else None,
    )
    for translation in engine.translate(texts, src, tgt):
        typer.echo(translation.text)


@app.command(cls=DriftCommand)
def resources() -> None:
    """List the lexical resources and bundled models: source, version, licence, status, path."""
    import pandas as pd

    from drift.lexicon.resources import list_resources

    found = list_resources()
    frame = pd.DataFrame(
        {
            "name": [s.info.name for s in found],
            "status": [s.status for s in found],
            "version": [s.version or "-" for s in found],
            "licence": [s.info.licence for s in found],
            "source": [s.info.source for s in found],
            "path": [s.path or "-" for s in found],
        }
    )
    typer.echo(_table(frame, list(frame.columns)))
    for status in found:
        if not status.installed:
            typer.echo(f"drift: {status.missing_line()}", err=True)


@models_app.command("list", cls=DriftCommand)
def models_list(
    models_dir: ModelsDir = None,
) -> None:
    """Show each registered model: pinned revision (or the commit pulled), status, size."""
    from drift.api import list_models
    from drift.translate.models import is_commit

    frame = list_models(models_dir)
    if not len(frame):
        typer.echo("no models registered")
        return
    frame = frame.assign(
        revision=[r[:12] if is_commit(r) else r for r in frame["revision"]],
        path=[p or "-" for p in frame["path"]],
    )
    columns = ["name", "repo", "revision", "kind", "status", "size", "directions", "path"]
    typer.echo(_table(frame, columns))


@models_app.command("pull", cls=DriftCommand)
def models_pull(
    name: Annotated[str, typer.Argument(help="Registry name, e.g. opus-mt-en-ru.")],
    models_dir: ModelsDir = None,
    ct2: Annotated[
        bool, typer.Option("--ct2", help="Also convert it to CTranslate2 (models/NAME-ct2).")
    ] = False,
) -> None:
    """Download a model into models/NAME (the only command that uses the network)."""
    from drift.translate.models import pull_model

    _setup_logging()
    path = pull_model(name, models_dir)
    typer.echo(str(path))
    if ct2:
        from drift.translate.ct2_convert import convert_model

        typer.echo(str(convert_model(name, models_dir, force=True)))


@models_app.command("convert", cls=DriftCommand)
def models_convert(
    name: Annotated[str, typer.Argument(help="Registry name (or model folder) to convert.")],
    models_dir: ModelsDir = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Target folder (default models/NAME-ct2).")
    ] = None,
    quantization: Annotated[
        str | None,
        typer.Option("--quantization", help="Stored weight type, e.g. float16 (default: as is)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing folder.")] = False,
) -> None:
    """Convert a local model to CTranslate2 for the ct2 backend (pip install 'drift\\[ct2]')."""
    from drift.translate.ct2_convert import convert_model

    _setup_logging()
    path = convert_model(name, models_dir, output=output, quantization=quantization, force=force)
    typer.echo(str(path))


@models_app.command("path", cls=DriftCommand)
def models_path(
    name: Annotated[str, typer.Argument(help="Registry name, e.g. opus-mt-en-ru.")],
    models_dir: ModelsDir = None,
) -> None:
    """Print where a model's files are."""
    from drift.translate.models import model_path

    typer.echo(str(model_path(name, models_dir)))


def main(argv: list[str] | None = None) -> None:
    """Console entry point: a DriftError becomes one line on stderr and exit code 2."""
    try:
        app(args=argv, prog_name="drift")
    except DriftError as exc:
        typer.echo(f"drift: {exc}", err=True)
        sys.exit(2)
