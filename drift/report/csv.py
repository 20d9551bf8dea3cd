"""CSV output: atomic, deterministic, and safe to open in a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from drift.io import atomic_open

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every text cell neutralized against formula injection."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralize)
    return out


def csv_text(frame: pd.DataFrame) -> str:
    """`frame` as CSV text (no index, LF line ends), neutralized against formula injection."""
    return safe_frame(frame).to_csv(index=False, lineterminator="\n")


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write `frame` as UTF-8 CSV atomically; returns the path."""
    with atomic_open(path) as handle:
        handle.write(csv_text(frame))
    return Path(path)
