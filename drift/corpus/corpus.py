"""The corpus stage: input paths to documents, table quotes, originals and failures."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from drift.corpus.readers import read_file
from drift.corpus.tables import Record
from drift.corpus.walk import expand_paths
from drift.errors import InputError
from drift.records import Document, Failure, Original, Quote

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_PROGRESS_MIN_FILES = 5


@dataclass(frozen=True)
class Corpus:
    """Everything read from the inputs; `failures` lists what could not be read, and why."""

    documents: tuple[Document, ...]
    quotes: tuple[Quote, ...]  # rows of quotes tables (they skip extraction)
    originals: tuple[Original, ...]  # rows of originals tables
    failures: tuple[Failure, ...]


def iter_inputs(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Quote | Original | Failure]:
    """Records of files and directories, one at a time, in a deterministic order.

    A bad file or row becomes a Failure and reading goes on; tables are streamed line by line.
    """
    ids = IdCheck()
    for item in expand_paths(paths):
        if isinstance(item, Failure):
            yield item
            continue
        for record in _read(item, max_bytes=max_bytes):
            yield ids.check(record, item)


def read_corpus(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool | None = None,
) -> Corpus:
    """All inputs read into a Corpus.

    Shows a progress bar on stderr when `progress` is True, or when None, stderr is a terminal
    and there are more than a handful of files.
    """
    from tqdm import tqdm

    items = list(expand_paths(paths))
    files = sum(1 for item in items if isinstance(item, Path))
    if progress is None:
        progress = sys.stderr.isatty() and files > _PROGRESS_MIN_FILES
    found: dict[type, list] = {Document: [], Quote: [], Original: [], Failure: []}
    ids = IdCheck()
    with tqdm(total=files, disable=not progress, unit="file", desc="reading") as bar:
        for item in items:
            if isinstance(item, Failure):
                found[Failure].append(item)
                continue
            for record in _read(item, max_bytes=max_bytes):
                record = ids.check(record, item)
                found[type(record)].append(record)
            bar.update(1)
    return Corpus(
        documents=tuple(found[Document]),
        quotes=tuple(found[Quote]),
        originals=tuple(found[Original]),
        failures=tuple(found[Failure]),
    )


def read_originals(path: str | Path) -> tuple[list[Original], list[Failure]]:
    """Originals from a JSONL or CSV originals table (`--originals FILE`), and its bad rows."""
    originals: list[Original] = []
    failures: list[Failure] = []
    ids = IdCheck()
    for item in expand_paths([path]):
        if isinstance(item, Failure):
            failures.append(item)
            continue
        for record in _read(item, max_bytes=DEFAULT_MAX_BYTES, originals_only=True):
            record = ids.check(record, item)
            (originals if isinstance(record, Original) else failures).append(record)
    return originals, failures


def _read(path: Path, *, max_bytes: int, originals_only: bool = False) -> Iterator[Record]:
    """Records of one file; a whole-file problem becomes one Failure after the rows read so far."""
    try:
        yield from read_file(path, max_bytes=max_bytes, originals_only=originals_only)
    except InputError as error:
        yield Failure(error.path, error.problem, error.line)
    except OSError as error:
        yield Failure(str(path), f"cannot read: {error.strerror or error}")


class IdCheck:
    """Keeps ids unique within one read: a repeated doc_id or original_id is a Failure, and quote
    rows sharing a doc_id are numbered in order (doc:1, doc:2, ...)."""

    def __init__(self) -> None:
        self.first_seen: dict[tuple[str, str], str] = {}
        self.quotes: dict[str, int] = {}

    def check(self, record: Record, path: Path) -> Record:
        """The record itself (quotes renumbered), or a Failure when its id is already taken."""
        if isinstance(record, Quote):
            number = self.quotes.get(record.doc_id, 0) + 1
            self.quotes[record.doc_id] = number
            return dataclasses.replace(record, quote_id=f"{record.doc_id}:{number}")
        if isinstance(record, Document):
            key, hint = ("doc_id", record.doc_id), "rename the file or give the row a unique doc_id"
            where = f"{path}:{record.line}" if record.line else str(path)
        elif isinstance(record, Original):
            key, hint = ("original_id", record.original_id), "give each original its own id"
            where = str(path)
        else:
            return record
        if key in self.first_seen:
            problem = f"{key[0]} {key[1]!r} is already used by {self.first_seen[key]}; {hint}"
            return Failure(str(path), problem, getattr(record, "line", None))
        self.first_seen[key] = where
        return record
