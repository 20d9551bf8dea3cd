"""Input paths to the files to read: directories walked recursively, in a deterministic order."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from drift.corpus.meta import SIDECAR_NAMES
from drift.corpus.streams import JSONL_SUFFIXES, PARQUET_SUFFIXES, compound_suffix
from drift.records import Failure

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
TABLE_SUFFIXES = (*JSONL_SUFFIXES, ".csv", *PARQUET_SUFFIXES)
SUFFIXES = ARTICLE_SUFFIXES + TABLE_SUFFIXES
_SKIPPED_PREFIXES = ("readme", "license", "licence")


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    """Each file to read, once, in order; a Failure for a missing path or an unsupported file.

    Directories are walked recursively in sorted order, skipping hidden entries, README/LICENSE
    files and unknown extensions; a file named explicitly must have a supported extension.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found: Iterable[Path | Failure] = _walk(path)
        elif path.is_file():
            suffix = compound_suffix(path.name, SUFFIXES)
            if suffix not in SUFFIXES:
                kind = repr(suffix) if suffix else "(no extension)"
                problem = f"unsupported file type {kind}; expected one of {' '.join(SUFFIXES)}"
                yield Failure(str(path), problem)
                continue
            found = [path]
        elif path.exists():
            yield Failure(str(path), "not a regular file; give a file or a directory")
            continue
        else:
            yield Failure(str(path), "no such file or directory")
            continue
        for file in found:
            if isinstance(file, Failure):
                yield file
                continue
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file


def _walk(root: Path) -> Iterator[Path | Failure]:
    """Supported, visible files under `root`, sorted; symlinked directories are not followed.
    A directory that cannot be listed, a symlink loop or a broken link to an article is a
    Failure, not silently skipped."""
    errors: list[OSError] = []
    for directory, subdirs, files in os.walk(root, onerror=errors.append):
        yield from _failures(errors)
        subdirs[:] = sorted(name for name in subdirs if not name.startswith("."))
        for name in subdirs:
            if _is_loop(Path(directory, name)):
                yield Failure(str(Path(directory, name)), _LOOP)
        for name in sorted(files):
            path = Path(directory, name)
            if name.startswith(".") or (not _wanted(name) and not path.is_symlink()):
                continue
            if path.is_symlink() and not path.exists():
                if _is_loop(path):
                    yield Failure(str(path), _LOOP)
                elif _wanted(name):
                    yield Failure(str(path), "broken symbolic link (its target is missing)")
            elif _wanted(name) and path.is_file():
                yield path
    yield from _failures(errors)


_LOOP = "symbolic link loop (it points back to itself or a folder above it); not followed"


def _is_loop(path: Path) -> bool:
    """A symlink that cannot resolve (ELOOP) or resolves to itself or a directory above it."""
    if not path.is_symlink():
        return False
    try:
        target = path.resolve(strict=True)
    except RuntimeError:  # a loop, on Python < 3.13
        return True
    except OSError as error:
        return error.errno == errno.ELOOP
    here = path.parent.resolve()
    return target == here or target in here.parents


def _failures(errors: list[OSError]) -> Iterator[Failure]:
    """Drain `errors` (from os.walk) as Failures naming the directory and the reason."""
    while errors:
        error = errors.pop(0)
        reason = (error.strerror or str(error)).lower()
        yield Failure(str(error.filename or "?"), f"cannot read this directory ({reason})")


def _wanted(name: str) -> bool:
    lowered = name.lower()
    return (
        not name.startswith(".")
        and not lowered.startswith(_SKIPPED_PREFIXES)
        and lowered not in SIDECAR_NAMES  # sources tables: metadata for the articles beside them
        and compound_suffix(lowered, SUFFIXES) in SUFFIXES
    )
