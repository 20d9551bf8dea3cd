"""Where an article appeared: outlet, date, url and title read from its text, or from a sidecar.

Plain-text articles state these in a few well-worn shapes: a headline on the first line, a byline
or source line ("By Al Mayadeen English", "Source: Xinhua"), a wire dateline ("BEIJING, 7 June
2023 —", "MOSCOW, March 30 (Reuters) -"), a copyright line, a labelled link. Files that state
none take them from a sidecar table (`sources.csv` / `sources.jsonl` in an input directory, or
`--meta FILE`): columns `doc_id, outlet, date, url` (and optionally `title`).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from drift.corpus.dates import normalize_date
from drift.records import Document, Failure, Quote

if TYPE_CHECKING:
    from drift.corpus.corpus import Corpus

SIDECAR_NAMES = ("sources.csv", "sources.jsonl")
SIDECAR_FIELDS = ("outlet", "date", "url", "title")


@dataclass(frozen=True)
class ArticleMeta:
    """What an article says about itself; "" where it says nothing."""

    outlet: str = ""
    date: str = ""
    url: str = ""
    title: str = ""


_BULLET = r"[\s•·*\-–—|>]*"
_MEDIA_WORDS = re.compile(
    r"\b(?:news|times|post|daily|agency|press|media|tv|television|radio|herald|tribune|journal"
    r"|gazette|telegraph|guardian|express|english|network|channel|observer|review|magazine"
    r"|xinhua|tass|reuters|sputnik|cgtn|afp|ap|ria|interfax|bbc|cnn|rt|kyodo|yonhap|bloomberg"
    r"|chinadaily|globaltimes)\b",
    re.IGNORECASE,
)
_GENERIC_SOURCES = {"agencies", "agency", "internet", "web", "wires", "staff", "unknown",
                    "social media", "online", "others", "various"}  # fmt: skip
_SOURCE_LINE = re.compile(
    rf"^{_BULLET}(?:source|outlet|publisher|published by|publication)\s*[:|]\s*(?P<v>.+?)\s*$",
    re.IGNORECASE,
)
_BY_LINE = re.compile(rf"^{_BULLET}by\s+(?P<v>[^\d,;:()]{{2,60}}?)\s*$", re.IGNORECASE)
_WIRE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'’/-]{2,40})(?:,\s*[A-Za-z .'’]{2,30})?,\s*"
    r"(?P<date>[^()\n—–]{3,30}?)?\s*\((?P<agency>[A-Z][\w .&'’-]{1,40})\)\s*(?:[-—–]{1,2}|:)\s"
)
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z .'’/-]{2,40})(?:,\s*[A-Za-z .'’]{2,30})?,\s*"
    r"(?P<date>[^()\n—–]{3,30}?)\s*(?:\([^)\n]{1,40}\)\s*)?(?:[-—–]{1,2}|:)\s"
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*)?,?\s*"
    r"(?P<v>[A-Z][\w&.'’ -]{1,60}?)\s*(?:[.,|]|all rights reserved|$)",
    re.IGNORECASE,
)
_URL_LINE = re.compile(
    rf"^{_BULLET}(?:source|url|link|canonical|original(?:ly published)?(?: (?:at|on|here))?"
    r"|read (?:more|the original|the full (?:article|story))(?: (?:at|on))?)\s*[:|]?\s*"
    r"(?:\[[^\]]*\]\()?(?P<v>https?://[^\s)>\]]+)",
    re.IGNORECASE,
)
_URL = re.compile(r"^https?://[^\s)>\]]+$")
_HEADLINE_END = re.compile(r"[.,;:!?]['’\"”»)]*\s*$|[.,;:]$")


def text_meta(raw: str, cleaned: str = "") -> ArticleMeta:
    """Outlet, date, url and title that a plain-text (or Markdown) article states."""
    lines = [line.strip() for line in raw.splitlines()]
    content = [line for line in lines if line]
    first = next((ln.strip() for ln in (cleaned or raw).splitlines() if ln.strip()), "")
    url = _find_url(content)
    return ArticleMeta(
        outlet=_find_outlet(content, cleaned or raw) or _host(url),
        date=find_dateline(cleaned or raw),
        url=url,
        title=_find_title(first, lines),
    )


def find_dateline(text: str) -> str:
    """The ISO date of a dateline opening one of the first paragraphs ("BEIJING, 7 June 2023 —")."""
    for line in [ln for ln in text.splitlines() if ln.strip()][:6]:
        match = _DATELINE.match(line)
        if match and match.group("place").split()[0].isupper():
            iso = normalize_date(match.group("date"))
            if iso:
                return iso
    return ""


def _find_outlet(content: list[str], text: str) -> str:
    for line in content:
        match = _SOURCE_LINE.match(line)
        if match and not match.group("v").lower().startswith("http"):
            value = _tidy(match.group("v"))
            if value and value.lower() not in _GENERIC_SOURCES:
                return value
    for line in [ln for ln in text.splitlines() if ln.strip()][:6]:
        match = _WIRE.match(line)
        if match and match.group("place").split()[0].isupper():
            return match.group("agency").strip()
    counts: dict[str, int] = {}
    for line in content:
        key = _tidy(line)
        counts[key] = counts.get(key, 0) + 1
    for line in content:
        match = _BY_LINE.match(line)
        if match:
            value = _tidy(match.group("v"))
            if counts.get(value, 0) >= 1 or _MEDIA_WORDS.search(value):
                return value
    for line in reversed(content):
        match = _COPYRIGHT.search(line)
        if match and len(line) < 160:
            value = _tidy(match.group("v"))
            if value and value.lower() not in _GENERIC_SOURCES:
                return value
    return ""


def _find_url(content: list[str]) -> str:
    for line in content:
        match = _URL_LINE.match(line)
        if match:
            return match.group("v").rstrip(".,;")
    for line in content[:1]:
        if _URL.match(line):
            return line
    return ""


def _find_title(first: str, lines: list[str]) -> str:
    """The cleaned text's first line when it reads as a headline, else the headline-like line
    just above a byline."""
    if _is_headline(first):
        return first
    for index, line in enumerate(lines):
        if _BY_LINE.match(line):
            above = [ln for ln in lines[max(0, index - 3) : index] if ln]
            if above and _is_headline(above[-1]):
                return above[-1]
    return ""


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 25
        and len(line) <= 200
        and not _HEADLINE_END.search(line)
        and not (normalize_date(line) and len(words) <= 5)
        and any(c.isalpha() for c in line)
        and (line[0].isupper() or line[0] in "\"'‘“«")
    )


def _tidy(value: str) -> str:
    return " ".join(value.strip(" \t•·*|-–—").split())


def _host(url: str) -> str:
    host = urlsplit(url).hostname or "" if url else ""
    return host.removeprefix("www.")


def read_sources(path: str | Path) -> tuple[dict[str, ArticleMeta], list[Failure]]:
    """A sidecar table (CSV or JSONL with `doc_id` and any of outlet, date, url, title), by doc id.

    A doc_id may be given with its file extension ("000_x.txt"); dates are normalized to ISO.
    """
    path = Path(path)
    rows: list[tuple[int, Mapping[str, object]]] = []
    failures: list[Failure] = []
    try:
        if path.suffix.lower() == ".jsonl":
            for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
                if line.strip():
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as error:
                        failures.append(Failure(str(path), f"invalid JSON: {error.msg}", number))
                        continue
                    if isinstance(row, dict):
                        rows.append((number, row))
        else:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                rows.extend((n, row) for n, row in enumerate(reader, start=2))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return {}, [Failure(str(path), f"cannot read the sources table: {error}")]
    table: dict[str, ArticleMeta] = {}
    for number, row in rows:
        doc_id = str(row.get("doc_id") or "").strip()
        if not doc_id:
            failures.append(Failure(str(path), "sources row without a doc_id", number))
            continue
        values = {k: str(row.get(k) or "").strip() for k in SIDECAR_FIELDS}
        values["date"] = normalize_date(values["date"]) if values["date"] else ""
        meta = ArticleMeta(**values)
        table[doc_id] = meta
        stem = Path(doc_id).stem
        if stem != doc_id:
            table.setdefault(stem, meta)
    return table, failures


def find_sidecars(paths: Iterable[str | Path]) -> list[Path]:
    """`sources.csv` / `sources.jsonl` files inside the input directories (hidden ones skipped)."""
    found: list[Path] = []
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            continue
        for name in SIDECAR_NAMES:
            found.extend(
                p
                for p in sorted(root.rglob(name))
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(root).parts)
            )
    return found


def apply_sources(
    records: Iterable[Document | Quote], table: Mapping[str, ArticleMeta]
) -> list[Document | Quote]:
    """Records with the sidecar's non-empty values in place of what their text stated."""
    out: list[Document | Quote] = []
    for record in records:
        meta = table.get(record.doc_id)
        if meta is None:
            out.append(record)
            continue
        values = {k: getattr(meta, k) for k in ("outlet", "date", "url") if getattr(meta, k)}
        if isinstance(record, Document) and meta.title:
            values["title"] = meta.title
        out.append(replace(record, **values))
    return out


def load_sources(
    paths: Iterable[str | Path], extra: Iterable[str | Path] = ()
) -> tuple[dict[str, ArticleMeta], list[Failure]]:
    """The sidecar table (doc_id -> metadata): sidecars found in the input directories, then
    the `extra` files (`--meta`), later ones winning; and the rows that could not be read."""
    table: dict[str, ArticleMeta] = {}
    failures: list[Failure] = []
    for path in [*find_sidecars(paths), *(Path(p) for p in extra)]:
        if not path.is_file():
            failures.append(Failure(str(path), "no such sources table (--meta)"))
            continue
        found, failed = read_sources(path)
        table.update(found)
        failures.extend(failed)
    return table, failures


def attach_sources(
    corpus: Corpus, paths: Iterable[str | Path], extra: Iterable[str | Path] = ()
) -> Corpus:
    """The corpus with sidecar metadata applied (see `load_sources`); unreadable rows become
    failures."""
    table, failures = load_sources(paths, extra)
    if not table and not failures:
        return corpus
    return replace(
        corpus,
        documents=tuple(apply_sources(corpus.documents, table)),
        quotes=tuple(apply_sources(corpus.quotes, table)),
        failures=(*corpus.failures, *failures),
    )
