"""File output: atomic writes (a temp file beside the target, renamed over it), and checks that
outputs can be written, made before any work so a run never fails on them at the end."""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from drift.errors import UsageError

REPORT_FILES = ("quotes.csv", "groups.csv", "divergences.csv", "report.html", "run.json")
TABLES = ("quotes", "groups", "divergences")  # the large tables, written as CSV or Parquet


def report_files(fmt: str = "csv", tables: tuple[str, ...] = TABLES) -> tuple[str, ...]:
    """The file names a report set has when its tables are written in `fmt` (csv or parquet)."""
    return (*(f"{t}.{fmt}" for t in tables), "report.html", "run.json")


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temp file next to `path`; it replaces `path` only if the block finishes."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    kwargs = {"encoding": encoding, "newline": ""} if "b" not in mode else {}
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600 files; outputs are shared reports
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def printable(text: str) -> str:
    """`text` with lone surrogates (bytes a file name could not decode) as \\xNN escapes, so any
    name can be shown and written as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write `text` to `path` atomically."""
    with atomic_open(path) as handle:
        handle.write(text)


class OutputError(UsageError):
    """An output path that cannot be written; the message names it and what to do."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}; choose another -o")


def _creatable(path: Path) -> None:
    """Raise unless `path` (absent) could be created as a directory: its nearest existing
    ancestor is a writable directory."""
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(path, f"cannot create it ({parent} is not a directory)")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(path, f"cannot create it ({parent}: permission denied)")


def check_output_dir(path: str | Path, names: tuple[str, ...] = ()) -> None:
    """Raise `OutputError` unless `path` is, or can become, a writable directory in which each
    of `names` can be replaced (no directory in the way)."""
    out = Path(path)
    if not out.exists():
        _creatable(out)
        return
    if not out.is_dir():
        raise OutputError(out, "is a file, not a directory")
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(out, f"not writable ({os.strerror(errno.EACCES).lower()})")
    for name in names:
        if (out / name).is_dir():
            raise OutputError(out / name, "is a directory where drift writes a file")


def check_output_file(path: str | Path) -> None:
    """Raise `OutputError` unless the file `path` can be written (created or replaced)."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(target, "is a directory, not a file")
    check_output_dir(target.parent)


SQLITE_BUSY_TIMEOUT_S = 60.0  # how long a write waits for another process's transaction


def open_sqlite_cache(path: Path, schema: str, what: str) -> sqlite3.Connection:
    """A cache database in WAL mode (readers never block the one writer) with `schema` applied;
    one line naming the file and the way out when it cannot be opened."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_S)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.executescript(schema)
        conn.commit()
    except (OSError, sqlite3.Error) as exc:
        raise UsageError(
            f"cannot open the {what} cache {path} ({exc}); pass another cache path or cache=False"
        ) from None
    return conn
