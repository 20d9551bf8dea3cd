"""JSONL and CSV tables, streamed row by row: articles, ready quotes tables and originals tables.

A row with `original_id` is an Original, one with `quote`/`quotation` (Quotebank) a Quote, one with
`text` an article Document. Each bad row is a Failure naming its physical line.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping, MutableMapping
from pathlib import Path
from urllib.parse import urlsplit

from drift.corpus.clean import clean_text, strip_markdown
from drift.corpus.dates import find_date, normalize_date
from drift.corpus.encoding import SAMPLE_BYTES, check_plausible, sniff_encoding
from drift.corpus.langid import detect_lang
from drift.corpus.limits import check_article
from drift.corpus.quotebank import is_quotebank, keyed_name, speaker_of
from drift.corpus.streams import bounded_lines, damaged, open_table, table_stem
from drift.errors import InputError
from drift.records import Document, Failure, Original, Quote

Record = Document | Quote | Original | Failure
_KINDS = "'text', 'quote', 'quotation' or 'original_id'"
_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number"}
ORIGINAL_LANGS = ("ru", "zh")  # the languages drift back-translates into
MAX_LINE_BYTES = 50 * 1024 * 1024  # one table row; rows are streamed, so files have no limit


def read_jsonl(
    path: Path, *, originals_only: bool = False, max_line_bytes: int | None = None
) -> Iterator[Record]:
    """Records of a JSON-lines file (plain, .gz, .bz2 or .zst), one line at a time.

    InputError when the file is binary; a line above `max_line_bytes` is a Failure, skipped
    unread; damaged compressed data ends the file with a Failure after the rows read so far."""
    names: dict[str, str] = {}  # Wikidata QID -> the speaker name its rows are shown under
    limit = max_line_bytes or MAX_LINE_BYTES
    with open_table(path) as handle:
        number = 0
        try:
            if b"\x00" in handle.peek(SAMPLE_BYTES)[:SAMPLE_BYTES]:  # type: ignore[attr-defined]
                raise InputError(str(path), "binary file (contains NUL bytes), not JSON lines")
            for number, raw in bounded_lines(handle, limit):
                record = _jsonl_record(raw, path, number, limit, originals_only, names)
                if record is not None:
                    yield record
        except InputError:
            raise
        except (OSError, EOFError, ValueError, RuntimeError) as error:
            if not damaged(error):
                raise
            problem = f"compressed data is damaged ({error}); the rest of the file is skipped"
            yield Failure(str(path), problem, number + 1)


def _jsonl_record(
    raw: bytes | None,
    path: Path,
    number: int,
    limit: int,
    originals_only: bool,
    names: dict[str, str],
) -> Record | None:
    """The record of one JSON line, a Failure saying what is wrong with it, or None if blank."""
    if raw is None:
        return Failure(str(path), f"line is longer than {limit:,} bytes; skipped", number)
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError:
        return Failure(str(path), "not valid UTF-8; save JSON lines as UTF-8", number)
    line = line.strip()
    if not line:
        return None
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return Failure(str(path), f"invalid JSON: {error.msg} (column {error.colno})", number)
    if not isinstance(row, dict):
        kind = _JSON_TYPES.get(type(row), type(row).__name__)
        return Failure(str(path), f"expected a JSON object, got {kind}", number)
    return row_record(row, path, number, originals_only=originals_only, names=names)


def read_csv(path: Path, *, originals_only: bool = False) -> Iterator[Record]:
    """Records of a CSV file with a header row; InputError if binary or without a usable column."""
    with path.open("rb") as probe:
        encoding = sniff_encoding(probe.read(SAMPLE_BYTES), str(path))
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle)
        header: list[str] | None = None
        end = 0
        while True:
            start = end + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                problem = f"cannot decode as {encoding} from here on; save the file as UTF-8"
                yield Failure(str(path), problem, start)
                return
            except csv.Error as error:
                end = reader.line_num
                yield Failure(str(path), f"malformed CSV row: {error}", start)
                continue
            end = reader.line_num
            if not any(field.strip() for field in row):
                continue
            if header is None:
                header = _header(row, path)
            elif len(row) != len(header):
                problem = f"row has {len(row)} fields, the header has {len(header)}"
                yield Failure(str(path), problem, start)
            else:
                record = dict(zip(header, row, strict=True))
                yield row_record(record, path, start, originals_only=originals_only)


def row_record(
    row: Mapping[str, object],
    path: Path,
    line: int,
    *,
    originals_only: bool = False,
    names: MutableMapping[str, str] | None = None,
) -> Record:
    """The record one table row describes, or a Failure saying what the row lacks.

    `names` (Wikidata QID -> speaker name) gives every Quotebank row of one person one name."""
    fields = {str(key).strip().lower(): value for key, value in row.items()}
    if "original_id" in fields:
        return _original(fields, path, line)
    if originals_only:
        return Failure(
            str(path), "no 'original_id' field; originals need original_id, lang, text", line
        )
    doc_id = _value(fields.get("doc_id")) or f"{table_stem(path)}:{line}"
    if "quote" in fields or "quotation" in fields:
        speaker = _value(fields.get("speaker"))
        if is_quotebank(fields):
            name, qid = speaker_of(fields)
            speaker = keyed_name(name, qid, names)
        return _quote(fields, doc_id, path, line, speaker)
    if "text" in fields:
        return _document(fields, doc_id, path, line)
    return Failure(str(path), f"no {_KINDS} field; a row needs one of them", line)


def outlet_of(url: str) -> str:
    """The domain of a URL without "www." ("nytimes.com"), "" when it has none."""
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = (parts.hostname or "").lower()
    return host.removeprefix("www.") if "." in host else ""


def _document(fields: dict[str, object], doc_id: str, path: Path, line: int) -> Record:
    raw = _value(fields.get("text"))
    if not raw:
        return Failure(str(path), "empty 'text'", line)
    try:
        check_article(raw, str(path), line)
        check_plausible(raw, str(path), line)
    except InputError as error:
        return Failure(str(path), error.problem, line)
    text = clean_text(raw)
    if not text:
        return Failure(str(path), "no article text left after removing page boilerplate", line)
    url = _value(fields.get("url")) or _value(fields.get("urls"))
    return Document(
        doc_id=doc_id,
        text=text,
        path=str(path),
        line=line,
        outlet=_value(fields.get("outlet")) or outlet_of(url),
        url=url,
        date=normalize_date(_value(fields.get("date"))) or find_date(strip_markdown(raw)),
        title=_value(fields.get("title")),
        lang=_value(fields.get("lang")) or detect_lang(text),
    )


def _quote(fields: dict[str, object], doc_id: str, path: Path, line: int, speaker: str) -> Record:
    name = "quote" if "quote" in fields else "quotation"
    text = _value(fields.get(name))
    if not text:
        return Failure(str(path), f"empty '{name}'", line)
    url = _value(fields.get("url")) or _value(fields.get("urls"))
    return Quote(
        quote_id=f"{doc_id}:1",
        doc_id=doc_id,
        text=text,
        start=0,
        end=len(text),
        speaker=speaker,
        context=_value(fields.get("context")),
        outlet=_value(fields.get("outlet")) or outlet_of(url),
        date=normalize_date(_value(fields.get("date"))),
        url=url,
        lang=_value(fields.get("lang")) or detect_lang(text),
    )


def _original(fields: dict[str, object], path: Path, line: int) -> Record:
    original_id = _value(fields.get("original_id"))
    text = _value(fields.get("text"))
    if not original_id:
        return Failure(str(path), "empty 'original_id'", line)
    if not text:
        return Failure(str(path), f"original {original_id!r} has an empty 'text'", line)
    given = _value(fields.get("lang")).lower()
    lang = (given or detect_lang(text)).split("-")[0]
    if not lang:
        return Failure(str(path), f"original {original_id!r} has no 'lang' (ru or zh)", line)
    if lang not in ORIGINAL_LANGS:
        found = f"lang {given!r}" if given else f"no 'lang' and its text reads as {lang!r}"
        return Failure(
            str(path), f"original {original_id!r} has {found}; originals are ru or zh", line
        )
    return Original(
        original_id=original_id,
        text=text,
        lang=lang,
        speaker=_value(fields.get("speaker")),
        date=normalize_date(_value(fields.get("date"))),
        source=_value(fields.get("source")),
        note=_value(fields.get("note")),
    )


def _header(row: list[str], path: Path) -> list[str]:
    """Normalized column names; InputError when no column says what the rows are."""
    header = [name.strip().lstrip("\ufeff").lower() for name in row]
    if not {"text", "quote", "quotation", "original_id"} & set(header):
        columns = ", ".join(name for name in header if name) or "(none)"
        raise InputError(str(path), f"no {_KINDS} column (columns: {columns}); add one")
    return header


def _value(value: object) -> str:
    """A field as stripped text: lists give their first item (Quotebank `urls`), null gives ""."""
    if isinstance(value, list | tuple):
        return _value(value[0]) if value else ""
    if value is None or isinstance(value, dict | bool):
        return ""
    return str(value).strip()
