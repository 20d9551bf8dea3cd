"""Parquet tables, streamed a row group batch at a time: the same rows as JSONL and CSV tables
(articles, quotes, Quotebank quotations, originals), each bad row a Failure naming its row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from drift.corpus.tables import Record, row_record
from drift.errors import InputError
from drift.records import Failure

PARQUET_HINT = "pip install 'drift[parquet]'"
BATCH_ROWS = 512


def read_parquet(path: Path, *, originals_only: bool = False) -> Iterator[Record]:
    """Records of a Parquet file, row by row (numbered from 1); InputError when the file is not
    Parquet or pyarrow is missing. A batch that cannot be decoded ends the file with a Failure."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(str(path), f"reading Parquet needs pyarrow; {PARQUET_HINT}") from None
    try:
        table = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as error:
        raise InputError(str(path), f"not a readable Parquet file ({_short(error)})") from None
    names: dict[str, str] = {}
    number = 0
    try:
        for batch in table.iter_batches(batch_size=BATCH_ROWS):
            for row in batch.to_pylist():
                number += 1
                yield row_record(row, path, number, originals_only=originals_only, names=names)
    except (pa.ArrowException, OSError) as error:
        problem = f"cannot decode the rows from here on ({_short(error)}); the rest is skipped"
        yield Failure(str(path), problem, number + 1)


def _short(error: BaseException) -> str:
    return " ".join(str(error).split())[:200] or type(error).__name__
