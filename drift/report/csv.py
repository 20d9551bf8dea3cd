"""CSV output: atomic, deterministic, and safe to open in a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from drift.io import atomic_open, printable

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheets skip these before reading a formula, so the guard looks past them too.
_LEADING = "".join(chr(c) for c in range(33)) + "\x7f\u00a0\u200b\ufeff"


def neutralize(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe, also
    when whitespace or control characters come first ("\r=1+1"); undecodable bytes of file names
    (surrogate escapes) become visible \\xNN escapes, so any name can be written as UTF-8."""
    if not isinstance(value, str):
        return value
    value = printable(value)
    if value.startswith(FORMULA_PREFIXES) or value.lstrip(_LEADING).startswith(FORMULA_PREFIXES):
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
    """`frame` as CSV text (no index, CRLF line ends as RFC 4180 has them, so a cell holding a
    carriage return or a newline is quoted), neutralized against formula injection."""
    return safe_frame(frame).to_csv(index=False, lineterminator="\r\n")


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write `frame` as UTF-8 CSV atomically; returns the path."""
    with atomic_open(path) as handle:
        handle.write(csv_text(frame))
    return Path(path)
