"""A reader of dictd databases (`NAME.index` + `NAME.dict.dz`), as Debian installs them."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

_B64 = {
    c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
}


def decode_number(text: str) -> int:
    """dictd's base-64 offsets and lengths ("Glt" -> 72557)."""
    value = 0
    for char in text:
        value = value * 64 + _B64[char]
    return value


def database_files(prefix: Path) -> tuple[Path, Path]:
    """(index, data) of a dictd database named by its prefix, its .index or its .dict(.dz)."""
    text = str(prefix)
    for suffix in (".index", ".dict.dz", ".dict"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    index = Path(text + ".index")
    data = Path(text + ".dict.dz")
    return index, data if data.exists() else Path(text + ".dict")


def read_articles(prefix: Path) -> Iterator[tuple[str, str]]:
    """(index headword, article text) pairs in index order; the 00-database-* entries skipped."""
    index, data = database_files(prefix)
    raw = gzip.decompress(data.read_bytes()) if data.suffix == ".dz" else data.read_bytes()
    with index.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if (
                len(fields) != 3
                or fields[0].startswith("00database")
                or fields[0].startswith("00-")
            ):
                continue
            start, length = decode_number(fields[1]), decode_number(fields[2])
            yield fields[0], raw[start : start + length].decode("utf-8", errors="replace")
