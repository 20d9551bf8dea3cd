"""Sentence bounds in masked text: where a sentence starts, whether a mention opens it."""

from __future__ import annotations

import bisect
import re

# A dateline in capitals before a story's first sentence ("OSLO — ", "NEW YORK, (Reuters) - "):
# a place and the wire, not the sentence's subject.
_DATELINE = r"(?:[A-Z][A-Z.'’-]+[\s,]+){1,3}(?:\([\w ]+\)\s*)?[—–-]{1,2}\s+"
DATELINE = re.compile(r"\s*" + _DATELINE)
# A mention that opens its sentence, titles allowed before it: the sentence's subject.
SENTENCE_SUBJECT = re.compile(
    r"(?:^|[.!?][\"”’]?\s+|\n\s*)(?:" + _DATELINE + r")?(?:[A-Z][\w'’.-]*\s+){0,4}$"
)
_SENTENCE_BREAK = re.compile(r"[.!?](?=[\s\"”’»)]|$)|\n")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\.[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Prof|Gov|Lt|Col))$"
)


def sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence around `pos` starts (`lo` at the earliest): after the last full stop,
    "!", "?" or line break before it that ends a sentence; the dots of "U.S.", "a.m." or "Mr."
    do not; a dateline that opens it ("OSLO — ") is no part of it."""
    start = lo
    for end in reversed(list(_SENTENCE_BREAK.finditer(text, lo, pos))):
        if end.group() == "." and _ABBREVIATION.search(text, max(lo, end.start() - 4), end.start()):
            continue
        start = end.end()
        break
    dateline = DATELINE.match(text, start, pos)
    return dateline.end() if dateline else start


def sentence_end(text: str, pos: int, hi: int) -> int:
    """Where the sentence around `pos` ends (`hi` at the latest): its first full stop, "!",
    "?" or line break at or after `pos`, as `sentence_start` reads them."""
    for end in _SENTENCE_BREAK.finditer(text, pos, hi):
        if end.group() == "." and _ABBREVIATION.search(text, max(0, end.start() - 4), end.start()):
            continue
        return end.start()
    return hi


def opens_sentence(text: str, pos: int) -> bool:
    """Whether the mention at `pos` opens its sentence, titles allowed before it; the dot of an
    abbreviation ends no sentence ("talks with U.S. President Donald Trump" is no new subject)."""
    lo = max(0, pos - 80)
    opens = SENTENCE_SUBJECT.search(text, lo, pos)
    if opens is None:
        return False
    start = sentence_start(text, lo, pos)
    return start >= opens.start() and (start > lo or lo == 0)


def last_before(mentions: list[int], pos: int) -> int | None:
    """The last of sorted `mentions` before `pos`, or None."""
    k = bisect.bisect_left(mentions, pos)
    return mentions[k - 1] if k else None
