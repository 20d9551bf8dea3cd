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
_MAX_DATE_LINE = 400  # characters: a date set apart from prose stands on a shorter line


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
        if len(line) > _MAX_DATE_LINE:
            continue  # prose; and each date of a long line would re-read the line
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


# Event dates in prose: when the article says the words were spoken ("in 2005", "on Monday").
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_EVENT = re.compile(
    r"\b(?:(?P<full>" + _DATE_RE.pattern + r")"
    rf"|(?:in|since|from|during)\s+(?:(?P<month>{_MONTH_NAMES})\s+)?(?P<year>(?:19|20)\d\d)\b"
    rf"|(?:in|on|of)\s+(?P<bare_month>{_MONTH_NAMES})\b(?!\s+\d)"
    r"|(?:on|last)\s+(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b"
    r"|(?P<relative>yesterday|last\s+(?:week|month|year))"
    r"|(?P<ago>\w+)\s+years?\s+ago)",
    re.IGNORECASE,
)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_NUMBERS |= {"eight": 8, "nine": 9, "ten": 10, "a": 1, "twenty": 20, "fifteen": 15}


def event_dates(context: str, published: str = "", exclude: str = "") -> tuple[str, str] | None:
    """First and last ISO day of the event the context dates, nearest the quote; else None.

    Reads "on 30 March 2022", "in 2005", "in April 2005", "in March", "on Monday", "yesterday",
    "last week/month/year", "18 years ago"; relative forms need the publication date. Words of
    `exclude` (the quote itself) are not read: a date the speaker mentions is not when he spoke.
    """
    pub = _iso_day(published)
    masked, anchor = context, len(context) // 2
    if exclude and (at := context.find(exclude)) >= 0:
        masked = context[:at] + " " * len(exclude) + context[at + len(exclude) :]
        anchor = at + len(exclude) // 2
    found = []
    for match in _EVENT.finditer(masked):
        span = _event_span(match, pub)
        if span is not None and (pub is None or span[0] <= pub):
            distance = min(abs(match.start() - anchor), abs(match.end() - anchor))
            found.append((distance, match.start(), span))
    if not found:
        return None
    first, last = min(found)[2]
    if pub is not None and last > pub:
        last = pub  # words reported on the publication day were said by then
    return first.isoformat(), last.isoformat()


def date_range(value: str) -> tuple[str, str] | None:
    """First and last ISO day of a full or partial date ("2022-03-30", "2022-03", "2022")."""
    value = value.strip()
    day = _iso_day(value)
    if day is not None:
        return day.isoformat(), day.isoformat()
    if match := re.fullmatch(r"((?:19|20)\d\d)(?:-([01]\d))?", value):
        year, month = int(match.group(1)), match.group(2)
        if month is None:
            return f"{year}-01-01", f"{year}-12-31"
        if 1 <= int(month) <= 12:
            first, last = _month_range(year, int(month))
            return first.isoformat(), last.isoformat()
    return None


def _iso_day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def _event_span(match: re.Match[str], pub: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The days one matched expression stands for, or None when it cannot be placed."""
    parts = match.groupdict()
    if parts["full"]:
        iso = _to_iso(parts["full"])
        return (dt.date.fromisoformat(iso),) * 2 if iso else None
    if parts["year"]:
        year = int(parts["year"])
        if parts["month"]:
            return _month_range(year, _MONTHS[parts["month"].lower()[:3]])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if pub is None:
        return None
    if parts["bare_month"]:
        month = _MONTHS[parts["bare_month"].lower()[:3]]
        return _month_range(pub.year if month <= pub.month else pub.year - 1, month)
    if parts["weekday"]:
        back = (pub.weekday() - _WEEKDAYS.index(parts["weekday"].lower())) % 7
        if match.group().lower().startswith("last") and back == 0:
            back = 7
        day = pub - dt.timedelta(days=back)
        return day, day
    if parts["relative"]:
        word = parts["relative"].lower().split()[-1]
        if word == "yesterday":
            day = pub - dt.timedelta(days=1)
            return day, day
        if word == "week":
            monday = pub - dt.timedelta(days=pub.weekday() + 7)
            return monday, monday + dt.timedelta(days=6)
        if word == "month":
            return _month_range(pub.year - (pub.month == 1), (pub.month - 2) % 12 + 1)
        return dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31)
    count = _NUMBERS.get(parts["ago"].lower()) or (
        int(parts["ago"]) if parts["ago"].isdigit() else 0
    )
    if not 0 < count < 100:
        return None
    return dt.date(pub.year - count, 1, 1), dt.date(pub.year - count, 12, 31)
