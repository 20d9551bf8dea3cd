"""Byte streams of input tables, decompressed on the fly (.gz .bz2 .zst), read one line at a time
with a bound on each line, so a table of any size is never held whole in memory."""

from __future__ import annotations

import bz2
import gzip
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from drift.errors import InputError

COMPRESSED = (".gz", ".bz2", ".zst")
JSONL_SUFFIXES = (
    ".jsonl",
    *(f".jsonl{c}" for c in COMPRESSED),
    *(f".json{c}" for c in COMPRESSED),  # Quotebank publishes quotes-YYYY.json.bz2 (JSON lines)
)
PARQUET_SUFFIXES = (".parquet",)
ZSTD_HINT = "pip install 'drift[zstd]'"
_BUFFER = 256 * 1024


def compound_suffix(name: str, known: tuple[str, ...]) -> str:
    """The longest of `known` that `name` ends with ("a.jsonl.gz" -> ".jsonl.gz"), else its
    last suffix, lower-cased."""
    lowered = name.lower()
    for suffix in sorted(known, key=len, reverse=True):
        if lowered.endswith(suffix) and len(lowered) > len(suffix):
            return suffix
    return Path(lowered).suffix


def table_stem(path: Path) -> str:
    """The file name without its table suffix, compression included ("quotes-2020.json.bz2" ->
    "quotes-2020"): row ids read the same whether a table is compressed or not."""
    suffix = compound_suffix(path.name, (*JSONL_SUFFIXES, *PARQUET_SUFFIXES, ".csv"))
    return path.name[: -len(suffix)] if suffix and path.name.lower().endswith(suffix) else path.stem


@contextmanager
def open_table(path: Path) -> Iterator[IO[bytes]]:
    """A buffered binary stream of `path`'s bytes, decompressed when its name says so.

    InputError naming the file and the extra to install when .zst is met without zstandard."""
    suffix = Path(path.name.lower()).suffix
    with path.open("rb", buffering=_BUFFER) as raw:
        if suffix == ".gz":
            stream: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="rb")
        elif suffix == ".bz2":
            stream = bz2.BZ2File(raw, mode="rb")
        elif suffix == ".zst":
            try:
                import zstandard
            except ImportError:
                problem = f"reading .zst files needs the zstandard package; {ZSTD_HINT}"
                raise InputError(str(path), problem) from None
            stream = zstandard.ZstdDecompressor().stream_reader(raw, closefd=False)
        else:
            stream = raw
        buffered = stream if stream is raw else io.BufferedReader(stream, _BUFFER)  # type: ignore[arg-type]
        try:
            yield buffered
        finally:
            if buffered is not raw:
                buffered.close()


def damaged(error: BaseException) -> bool:
    """Whether `error`, raised while reading a stream, means its compressed data is corrupt."""
    if isinstance(error, EOFError | gzip.BadGzipFile | ValueError):
        return True
    if isinstance(error, OSError) and error.errno is None:  # bz2 "Invalid data stream"
        return True
    return type(error).__name__ == "ZstdError"


def bounded_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of each line; None for a line longer than `limit` bytes, which is
    skipped without being held in memory."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # drain the rest of the long line
                line = stream.readline(_BUFFER)
            yield number, None
            continue
        yield number, line
