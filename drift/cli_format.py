"""Help output for the `drift` command: `PATH...` in usage lines, no type labels on flags.

Typer prints required arguments as `{paths}...` and labels every flag (`--help`, `--quiet`)
`<bool>`; these command classes print `drift run [OPTIONS] PATH...` and leave flags unlabelled.
"""

from __future__ import annotations

import click
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

_LABELS = {
    "<list[Path]>": "<path> ...",
    "<list[str]>": "<text> ...",
    "<str>": "<text>",
    "<float>": "<number>",
    "<int>": "<integer>",
}


class _Option(TyperOption):
    """An option whose value type reads as words: `<text>`, `<path> ...` (repeatable)."""

    def display_type(self, ctx: click.Context) -> str:
        label = super().display_type(ctx)
        return _LABELS.get(label, label)

    def display_type_rich(self, ctx: click.Context) -> str | None:
        return self.display_type(ctx)


class _Flag(TyperOption):
    """An on/off option: its name says it all, so no `<bool>` beside it."""

    def display_type(self, ctx: click.Context) -> str:
        return ""

    def display_type_rich(self, ctx: click.Context) -> str | None:
        return None


class _Argument(TyperArgument):
    """A positional argument shown by its metavar: `PATH...`, `[TEXT]...`."""

    def display_type(self, ctx: click.Context) -> str:
        label = super().display_type(ctx)
        return _LABELS.get(label, label)

    def display_type_rich(self, ctx: click.Context) -> str | None:
        return self.display_type(ctx)

    def _usage_display_name(self) -> str:
        name = self.metavar or (self.name or "").upper()
        name += "..." if self.nargs != 1 and not name.endswith("...") else ""
        return name if self.required else f"[{name}]"


def _clean(params: list[click.Parameter]) -> list[click.Parameter]:
    for param in params:
        if isinstance(param, TyperOption) and type(param) is TyperOption:
            param.__class__ = _Flag if param.is_flag else _Option
        elif isinstance(param, TyperArgument) and type(param) is TyperArgument:
            param.__class__ = _Argument
    return params


class DriftCommand(TyperCommand):
    """A Typer command with the help output described above."""

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return _clean(super().get_params(ctx))


class DriftGroup(TyperGroup):
    """A Typer group (`drift`, `drift models`) with the help output described above."""

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return _clean(super().get_params(ctx))
