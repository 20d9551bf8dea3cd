"""Publish a set of report files all at once: a reader of DIR sees the old set or the new one,
never a mix, whenever a run is killed.

Layout (POSIX): each file name in DIR is a relative symlink into `DIR/.drift/current/`, and
`.drift/current` is itself a symlink to one complete set in `.drift/sets/<id>/`. A run writes its
whole set into a new folder, fsyncs it, then swaps `current` with one `os.replace` (an atomic
rename). Older sets and temp files left by killed runs are removed by the next run. An advisory
lock (`.drift/lock`, holding the writer's pid) makes a second run into the same DIR wait.

Where symlinks cannot be made (some Windows set-ups), each file is still replaced atomically, one
by one, and the note says so.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path

from drift.io import atomic_open, printable

STATE = ".drift"
LOCK_WAIT_NOTICE_S = 1.0


@contextlib.contextmanager
def locked(out: Path, notify=None) -> Iterator[None]:
    """Hold the advisory lock of report folder `out`; wait, saying so once, while another has it."""
    state = out / STATE
    state.mkdir(parents=True, exist_ok=True)
    path = state / "lock"
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the block
    try:
        if sys.platform != "win32":
            import fcntl

            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "?"
                if notify is not None:
                    notify(f"{out}/ is being written by another drift run (pid {holder}); waiting")
                fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        with contextlib.suppress(OSError):
            handle.truncate(0)
        handle.close()


def _write_set(folder: Path, files: Mapping[str, str | bytes]) -> None:
    folder.mkdir(parents=True)
    for name, content in files.items():
        _write_one(folder / name, content)
    _fsync_dir(folder)


def _write_one(path: Path, content: str | bytes) -> None:
    """Text as UTF-8 (undecodable file-name bytes escaped), bytes (Parquet) as they are."""
    if isinstance(content, bytes):
        with atomic_open(path, "wb", encoding=None) as handle:
            handle.write(content)
    else:
        with atomic_open(path) as handle:
            handle.write(printable(content))


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _swap_link(link: Path, target: str) -> None:
    """Point symlink `link` at `target` atomically (a new link renamed over the old one)."""
    tmp = link.with_name(f".{link.name}.{uuid.uuid4().hex[:8]}.tmp")
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _adopt_old_files(out: Path, names: list[str], sets: Path) -> None:
    """Move plain report files of an older drift into a set and make `current` point at it, so
    replacing them by symlinks never shows a mix."""
    plain = [n for n in names if (out / n).is_file() and not (out / n).is_symlink()]
    current = out / STATE / "current"
    if not plain or current.is_symlink():
        return
    old = sets / f"adopted-{uuid.uuid4().hex[:8]}"
    old.mkdir(parents=True)
    for name in plain:
        os.link(out / name, old / name)
    _swap_link(current, os.path.relpath(old, current.parent))


def _drop_stale_links(out: Path, names: list[str]) -> None:
    """Remove links to report files the new set does not have (quotes.csv after a run with
    --format parquet), which would otherwise point at nothing."""
    prefix = os.path.join(STATE, "current", "")
    for link in out.iterdir():
        if link.name in names or not link.is_symlink():
            continue
        with contextlib.suppress(OSError):
            if os.readlink(link).startswith(prefix) and not link.exists():
                link.unlink()


def _clean(out: Path, sets: Path, keep: Path) -> None:
    """Remove older sets and the temp files that killed runs left behind."""
    for folder in sets.iterdir():
        if folder != keep:
            shutil.rmtree(folder, ignore_errors=True)
    for stale in [*out.glob(".*.tmp"), *(out / STATE).glob(".*.tmp")]:
        with contextlib.suppress(OSError):
            stale.unlink()


def publish(out_dir: str | Path, files: Mapping[str, str | bytes], notify=None) -> list[Path]:
    """Write `files` (name -> text, or bytes for binary files such as Parquet) into `out_dir` as
    one set, atomically; returns the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = list(files)
    with locked(out, notify):
        sets = out / STATE / "sets"
        sets.mkdir(parents=True, exist_ok=True)
        new = sets / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        _write_set(new, files)
        current = out / STATE / "current"
        try:
            # Each step leaves a consistent folder: old files are adopted into a set that
            # `current` shows, the names become links through `current` (same content), and
            # only then does `current` move to the new set.
            _adopt_old_files(out, names, sets)
            for name in names:
                link = out / name
                target = os.path.join(STATE, "current", name)
                if not (link.is_symlink() and os.readlink(link) == target):
                    _swap_link(link, target)
            _swap_link(current, os.path.relpath(new, current.parent))
            _drop_stale_links(out, names)
        except (OSError, NotImplementedError):
            if sys.platform != "win32":
                raise
            for name, content in files.items():  # no symlinks here: file by file, each atomic
                _write_one(out / name, content)
            new = Path()
        _fsync_dir(out)
        _clean(out, sets, new)
    return [out / name for name in names]
