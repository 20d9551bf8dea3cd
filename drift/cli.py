"""The `drift` command: thin Typer commands over `drift.api`.

Exit codes: 0 every input processed; 1 some inputs failed (each reported on stderr as
`drift: FILE[:LINE]: problem`) and the rest were processed and written; 2 usage error or nothing
could be processed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    pass

from drift.cli_format import DriftCommand, DriftGroup
from drift.cli_models import models_app
from drift.cli_options import (
    DEFAULT_SOURCE_LANG,
    Backend,
    Device,
    Embedder,
    Format,
    MaxSize,
    Meta,
    Model,
    Paths,
    Quantize,
    Quiet,
    Verbose,
    embedder_name,
    max_bytes_option,
    parse_source_lang,
)
from drift.cli_output import setup_logging, table
from drift.corpus import DEFAULT_MAX_BYTES
from drift.engine import check_engine
from drift.errors import DriftError, UsageError
from drift.io import check_output_dir, check_output_file, report_files
from drift.records import Failure
from drift.report.html import REPORT_GROUPS

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
app.add_typer(models_app, name="models")


def _report_failures(failures: list[Failure]) -> None:
    for failure in failures:
        typer.echo(str(failure), err=True)


def _exit_code(failures: list[Failure], processed: int) -> int:
    if processed == 0:
        if not failures:
            typer.echo("drift: no input could be processed", err=True)
        return 2
    return 1 if failures else 0


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

    setup_logging(verbose)
    check_format(fmt)
    if output is not None:
        check_output_file(output)
    result = find_quotes(
        paths,
        max_bytes=max_bytes_option(max_size),
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
        typer.echo(table(frame, ["quote_id", "speaker", "kind", "text"]))
    raise typer.Exit(_exit_code(result.failures, result.processed))


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

    setup_logging(verbose)
    check_format(fmt)
    if output is not None:
        check_output_dir(output, (f"groups.{fmt}", f"divergences.{fmt}"))
    result = align_quotes(
        paths,
        embedder=embedder_name(embedder),
        max_bytes=max_bytes_option(max_size),
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
        typer.echo(table(frame, columns) if len(frame) else "no divergences found")
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
            callback=parse_source_lang,
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
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes the local engine groups and scores in (default: one per core once "
            "a run has 2,000 quotes; 1: one process). Results are the same.",
            show_default=False,
        ),
    ] = None,
    report_statements: Annotated[
        int,
        typer.Option(
            "--report-statements",
            min=0,
            help="Show at most this many statements in report.html, largest drift first "
            "(0: all); the tables always hold every statement.",
        ),
    ] = REPORT_GROUPS,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Run everything: quotes, groups, back-translation, drift scores, table + HTML reports."""
    from drift.api import run as run_api
    from drift.report.parquet import check_format

    setup_logging(verbose)
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
        embedder=embedder_name(embedder),
        cache=False if no_cache else cache,
        source_lang=source_lang,  # None: DEFAULT_SOURCE_LANG, and a note counting the groups
        max_bytes=max_bytes_option(max_size),
        progress=False if quiet else None,
        meta=meta or (),
        engine=engine,
        report_statements=report_statements or None,
        jobs=jobs,
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

    setup_logging(verbose)
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
    typer.echo(table(frame, list(frame.columns)))
    for status in found:
        if not status.installed:
            typer.echo(f"drift: {status.missing_line()}", err=True)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: a DriftError becomes one line on stderr and exit code 2."""
    try:
        app(args=argv, prog_name="drift")
    except DriftError as exc:
        typer.echo(f"drift: {exc}", err=True)
        sys.exit(2)
