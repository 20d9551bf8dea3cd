"""Parquet output for the large tables (quotes, groups, divergences): typed columns, compressed,
read back by pandas, DuckDB or Spark without parsing CSV."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from drift.errors import MissingDependencyError, UsageError
from drift.io import atomic_open, printable

PARQUET_HINT = "pip install 'drift[parquet]'"
FORMATS = ("csv", "parquet")


def check_format(name: str) -> str:
    """`name` when drift can write it; UsageError naming the extra when pyarrow is missing."""
    if name not in FORMATS:
        raise UsageError(f"unknown output format {name!r}; choose csv or parquet")
    if name == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise MissingDependencyError(
                f"--format parquet needs pyarrow; {PARQUET_HINT}"
            ) from None
    return name


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as a Parquet file (no index; zstd-compressed); text kept as it is except bytes a
    file name could not decode, which become \\xNN escapes (Arrow text must be valid UTF-8)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = [printable(v) if isinstance(v, str) else v for v in out[column]]
            out[column] = out[column].astype(object)
    table = pa.Table.from_pandas(out, preserve_index=False)
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()


def write_parquet(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write `frame` as a Parquet file atomically; returns the path."""
    with atomic_open(path, "wb", encoding=None) as handle:
        handle.write(parquet_bytes(frame))
    return Path(path)
