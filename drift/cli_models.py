"""`drift models`: list, download, convert and locate translation and embedding models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from drift.cli_format import DriftCommand, DriftGroup
from drift.cli_options import ModelsDir
from drift.cli_output import setup_logging, table

models_app = typer.Typer(
    help="List, download and locate translation and embedding models.", cls=DriftGroup
)


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
    typer.echo(table(frame, columns))


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

    setup_logging()
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

    setup_logging()
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
