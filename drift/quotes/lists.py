"""Quotes listed under a lead-in: each item of "Below are Blinken's other statements." or "Lavrov
made three points:" followed by "– China “...”" lines is the lead-in's speaker's."""

from __future__ import annotations

import re

from drift.quotes.verbs import SPEECH_NOUNS

_ITEM = re.compile(r"[ \t]*[-–—•·▪*]\s+")  # a list item opens with a dash or a bullet
# "Blinken's other statements", "Putin's latest remarks": whose words the list gives.
_OWNER = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})['’]s\s+"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?(?:{'|'.join(sorted(SPEECH_NOUNS))})\b"
)


def is_item(text: str, para: tuple[int, int]) -> bool:
    """Whether a paragraph is a list item: it opens with a dash or a bullet."""
    return _ITEM.match(text, para[0], para[1]) is not None


def lead_in(text: str, paras: list[tuple[int, int]], k: int) -> tuple[int, int] | None:
    """The paragraph that introduces the list paragraph `k` belongs to: the last one before
    the run of items, if it announces a list (ends with a colon) or names whose words follow."""
    j = k - 1
    while j >= 0 and is_item(text, paras[j]):
        j -= 1
    if j < 0:
        return None
    lo, hi = paras[j]
    if text[lo:hi].rstrip().endswith(":") or owner(text, paras[j])[0]:
        return paras[j]
    return None


def owner(text: str, para: tuple[int, int]) -> tuple[str, int]:
    """The name whose statements, remarks or words a paragraph announces, with its offset
    ("Below are Blinken's other statements at the press conference."), else ("", -1)."""
    match = _OWNER.search(text, para[0], para[1])
    return (match.group("name"), match.start("name")) if match else ("", -1)
