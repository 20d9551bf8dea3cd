"""Errors raised by drift: each message names the bad value and what to do about it."""

from __future__ import annotations


class DriftError(Exception):
    """Base class: anything drift reports to a user as one line."""


class InputError(DriftError):
    """An input file or row cannot be read (bad path, encoding, format, size)."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path, self.problem, self.line = path, problem, line
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {problem}")


class UsageError(DriftError):
    """Arguments that cannot work together (unknown backend, bad language pair...)."""


class ModelNotFoundError(DriftError):
    """A model is not available locally; the message names the `drift models pull` command."""


class MissingDependencyError(DriftError):
    """An optional package is needed for what was asked; the message gives the pip command."""
