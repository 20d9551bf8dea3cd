"""One input file to records: article files (.txt .md .html .htm) and tables (.csv, .parquet,
JSON lines plain or compressed: .jsonl .jsonl.gz .jsonl.bz2 .jsonl.zst, Quotebank's .json.bz2)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

from drift.corpus.clean import clean_text, strip_markdown
from drift.corpus.dates import find_date
from drift.corpus.encoding import decode_bytes
from drift.corpus.html import html_to_article
from drift.corpus.langid import detect_lang
from drift.corpus.limits import check_article
from drift.corpus.meta import text_meta
from drift.corpus.streams import JSONL_SUFFIXES, PARQUET_SUFFIXES, compound_suffix
from drift.corpus.tables import Record, read_csv, read_jsonl
from drift.corpus.walk import SUFFIXES
from drift.errors import InputError
from drift.records import Document

_MB = 1024 * 1024


def read_file(path: Path, *, max_bytes: int, originals_only: bool = False) -> Iterator[Record]:
    """Records of one file; InputError (or OSError) when the file as a whole cannot be read.

    JSON lines and Parquet tables are streamed row by row, so `max_bytes` bounds each row of
    them rather than the file; other files above `max_bytes` are skipped."""
    suffix = compound_suffix(path.name, SUFFIXES)
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, originals_only=originals_only, max_line_bytes=max_bytes)
        return
    if suffix in PARQUET_SUFFIXES:
        from drift.corpus.parquet import read_parquet

        yield from read_parquet(path, originals_only=originals_only)
        return
    size = path.stat().st_size
    if size > max_bytes:
        problem = (
            f"file is {megabytes(size)} MB, above the {megabytes(max_bytes)} MB limit (--max-size)"
        )
        raise InputError(str(path), problem)
    if suffix == ".csv":
        yield from read_csv(path, originals_only=originals_only)
    elif originals_only:
        raise InputError(str(path), "an originals table must be a .jsonl, .csv or .parquet file")
    else:
        yield read_article(path)


def megabytes(size: int) -> str:
    """`size` bytes in MB for a message: three significant digits at most, no exponent, no
    trailing zeros (0.01 for --max-size 0.01, 1.5, 250, 1000)."""
    value = size / _MB
    if value <= 0:
        return "0"
    decimals = max(0, 2 - math.floor(math.log10(value)))
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def read_article(path: Path) -> Document:
    """A cleaned Document from a text, Markdown or HTML file; its id is the file name stem."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError(str(path), "empty file")
    raw = decode_bytes(data, str(path))
    if not raw.strip():
        raise InputError(str(path), "empty file")
    html = path.suffix.lower() in (".html", ".htm")
    check_article(raw, str(path), html=html)
    if html:
        page = html_to_article(raw)
        if not page.text:
            raise InputError(str(path), "no article text found in the HTML page")
        check_article(page.text, str(path))
        text = clean_text(page.text, markdown=False)
        stated = text_meta(page.text, text)
        date = page.date or find_date(page.text) or stated.date
        title, outlet = page.title or stated.title, page.outlet or stated.outlet
        url = page.url or stated.url
    else:
        text = clean_text(raw)
        plain = strip_markdown(raw)
        stated = text_meta(plain, text)
        date = find_date(plain) or stated.date
        title, outlet, url = stated.title, stated.outlet, stated.url
    if not text:
        raise InputError(str(path), "no article text left after removing page boilerplate")
    return Document(
        doc_id=path.stem,
        text=text,
        path=str(path),
        outlet=outlet,
        url=url,
        date=date,
        title=title,
        lang=detect_lang(text),
    )
