"""Publication dates: normalize metadata dates and find the one a text states about itself."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6,
    "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = (
    ("ymd", rf"(?<!\d){_YEAR}-(?P<m>[01]?\d)-{_DAY}(?!\d)"),
    ("ymd", rf"(?<!\d){_YEAR}/(?P<m>[01]?\d)/{_DAY}(?!\d)"),
    ("ymd", rf"{_YEAR}\s*年\s*(?P<m>[01]?\d)\s*月\s*{_DAY}\s*日"),
    ("us", rf"(?<![\d/.])(?P<a>[0-3]?\d)[/-](?P<b>[0-3]?\d)[/-]{_YEAR}(?!\d)"),
    ("dmy", rf"(?<![\d/.])(?P<day>[0-3]?\d)\.(?P<m>[01]?\d)\.{_YEAR}(?!\d)"),
    ("dmy", rf"(?<![\w]){_DAY}\s+{_MONTH},?\s+{_YEAR}(?!\d)"),
    ("mdy", rf"(?<![\w]){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)"),
)
_DATE_RE = re.compile(
    "|".join(re.sub(r"\(\?P<\w+>", "(?:", p) for _, p in _PATTERNS), re.IGNORECASE
)
_FORMS = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in _PATTERNS]

_LABEL = r"(?:date\s+created|date\s+published|published(?:\s+on)?|posted(?:\s+on)?|created|date)"
_LATE_LABEL = r"(?:last\s+)?(?:updated|modified)(?:\s+on)?"
_LABEL_RE = re.compile(rf"^\W*(?:{_LABEL}|(?P<late>{_LATE_LABEL}))\b\W*$", re.IGNORECASE)
_LABEL_BEFORE_RE = re.compile(rf"(?:{_LABEL}|(?P<late>{_LATE_LABEL}))\s*:?\s*$", re.IGNORECASE)
_FILLER_RE = re.compile(
    r"\b(?:[0-2]?\d:[0-5]\d(?::[0-5]\d)?\s*(?:am|pm)?(?:\s*(?:gmt|utc|[+-]\d\d:?\d\d))?"
    r"|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?|on|at|by)\b|(?<!\w)г\.",
    re.IGNORECASE,
)
_TOP_LINES = 15
_MAX_RESIDUE_WORDS = 6


def normalize_date(value: object) -> str:
    """ISO yyyy-mm-dd for a metadata date ("2022-03-30T10:00Z", "30 March 2022", ...), else ""."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        return ""
    for match in _DATE_RE.finditer(str(value)):
        iso = _to_iso(match.group(0))
        if iso:
            return iso
    return ""


def find_date(text: str) -> str:
    """The publication date a text states (ISO yyyy-mm-dd), or "" when it states none.

    Only dates set apart from prose count: after a "Published"/"Date Created" label, alone on
    their line, or in a short line near the top. Dates inside sentences are about other events.
    """
    best: tuple[int, int, str] | None = None
    for rank, position, iso in _candidates(text):
        if best is None or (rank, position) < best[:2]:
            best = (rank, position, iso)
    return best[2] if best else ""


def _candidates(text: str) -> Iterator[tuple[int, int, str]]:
    """(rank, line number, ISO date) for each date set apart from prose; lower rank is better."""
    previous = ""
    content_lines = 0
    for number, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        content_lines += 1
        label_above = _LABEL_RE.match(previous)
        previous = line
        for match in _DATE_RE.finditer(line):
            iso = _to_iso(match.group(0))
            if not iso:
                continue
            before = line[: match.start()]
            label_before = _LABEL_BEFORE_RE.search(before)
            if label_before:
                before = before[: label_before.start()]
            residue = _residue(before + " " + line[match.end() :])
            if residue is None:
                continue
            if label_before or label_above:
                late = (label_before or label_above).group("late")
                yield (1 if late else 0), number, iso
            elif residue == 0:
                yield 2, number, iso
            elif content_lines <= _TOP_LINES:
                yield 3, number, iso


def _residue(rest: str) -> int | None:
    """Words beside the date on its line (times, weekdays aside); None if the line is prose."""
    rest = _FILLER_RE.sub(" ", rest)
    if re.search(r"[.!?。！？]\W*$", rest.strip()) or len(rest) > 60:
        return None
    words = re.findall(r"\w+", rest)
    return len(words) if len(words) <= _MAX_RESIDUE_WORDS else None


def _to_iso(found: str) -> str:
    """ISO form of one matched date string, or "" when it names no real day."""
    for kind, form in _FORMS:
        match = form.fullmatch(found.strip())
        if match is None:
            continue
        parts = match.groupdict()
        year = int(parts["year"])
        if kind == "us":
            first, second = int(parts["a"]), int(parts["b"])
            month, day = (second, first) if first > 12 else (first, second)
        else:
            day = int(parts["day"])
            month = _MONTHS[parts["mon"].lower()[:3]] if parts.get("mon") else int(parts["m"])
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return ""
    return ""
