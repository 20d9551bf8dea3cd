"""Quote marks: tell openers, closers and apostrophes apart, and pair them within paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Role = Literal["open", "close", "both"]

MARK_CHARS = "\"'“”„«»‘’‚「」『』"
_MARK = re.compile(f"[{MARK_CHARS}]")
_FAMILY = {c: "double" for c in '"“”„«»'} | {c: "single" for c in "'‘’‚"}
_FAMILY |= {"「": "corner", "」": "corner", "『": "white", "』": "white"}
_FIXED: dict[str, Role] = {"„": "open", "«": "open", "»": "close", "‚": "open"}
_FIXED |= {"「": "open", "」": "close", "『": "open", "』": "close"}
_SKIP = "*_"  # markdown emphasis left around marks by some sources
_BEFORE_OPEN = set(" \t\r\n([{<—–-/:") | set(MARK_CHARS)
_AFTER_CLOSE = set(" \t\r\n.,;:!?)]}>…—–-") | set(MARK_CHARS)
_ORPHAN_CLOSERS = '”"»'
_MAX_DEPTH = 8
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*\s+")


@dataclass(frozen=True)
class Mark:
    """One quote mark with its family (double, single, corner, white) and likely role."""

    pos: int
    char: str
    family: str
    role: Role


@dataclass(frozen=True)
class RawSpan:
    """Quoted text between `start` and `end`; marks at `open_pos`/`close_pos`, -1 if missing."""

    start: int
    end: int
    open_pos: int
    close_pos: int
    continued: bool = False  # runs over paragraphs with the opener repeated at each


def _neighbour(text: str, i: int, step: int, lo: int, hi: int) -> str:
    """The nearest character before (step -1) or after (step 1) `i` that is not markdown."""
    j = i + step
    while lo <= j < hi and text[j] in _SKIP:
        j += step
    return text[j] if lo <= j < hi else " "


def classify(text: str, i: int, lo: int, hi: int) -> Mark | None:
    """The mark at `text[i]`, or None for an apostrophe ("Russia’s", "int'l", "nations' ")."""
    char = text[i]
    family = _FAMILY[char]
    if char in _FIXED:
        return Mark(i, char, family, _FIXED[char])
    prev, nxt = _neighbour(text, i, -1, lo, hi), _neighbour(text, i, 1, lo, hi)
    opens, closes = prev in _BEFORE_OPEN, nxt in _AFTER_CLOSE
    if family == "single":
        if prev.isalnum() and nxt.isalnum():
            return None
        if opens and nxt.isalpha():
            return Mark(i, char, family, "open")
        if not opens and closes and char != "‘":
            return Mark(i, char, family, "close")
        return None
    if opens and not closes:
        return Mark(i, char, family, "open")
    if closes and not opens:
        return Mark(i, char, family, "close")
    return Mark(i, char, family, "both")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph (start, end) offsets: lines, joined where a hard wrap split a sentence."""
    spans: list[tuple[int, int]] = []
    last = ""  # the last character of the paragraph so far (of its last line: no re-slicing)
    for line in re.finditer(r"[^\n]+", text):
        start, end = line.span()
        stripped = line.group().strip()
        if not stripped:
            continue
        if spans:
            p_start, p_end = spans[-1]
            gap = text[p_end:start]
            if gap.count("\n") == 1 and last not in '.!?…:;"”’»)]' and stripped[:1].islower():
                spans[-1] = (p_start, end)
                last = stripped[-1:]
                continue
        spans.append((start, end))
        last = stripped[-1:]
    return spans


def _marks(text: str, lo: int, hi: int) -> list[Mark]:
    found = (classify(text, m.start(), lo, hi) for m in _MARK.finditer(text, lo, hi))
    return [m for m in found if m is not None]


def _backward_start(text: str, lo: int, pos: int, after_mark: bool) -> int:
    """Where a quote with a missing opener starts: the paragraph start `lo`, or after a mark
    at `lo` the first sentence end past it (skipping that quote's attribution)."""
    end = _SENTENCE_END.search(text, lo, pos) if after_mark else None
    return end.end() if end else lo


def _looks_closing(text: str, mark: Mark, lo: int) -> bool:
    """A lone "opener" that follows punctuation (`world order, ”Lavrov said`) is a closer; a
    straight mark starting a capitalized sentence (`he said. "We respect`) still opens."""
    before = text[lo : mark.pos].rstrip(" \t" + _SKIP)
    if mark.char not in _ORPHAN_CLOSERS or not before or before[-1] not in ",.!?…;":
        return False  # a mark that opens its paragraph opens
    spaced = len(before) < mark.pos - lo
    capital = text[mark.pos + 1 : mark.pos + 2].isupper()
    return not (mark.char == '"' and spaced and before[-1] in ".!?…" and capital)


def _closes_left_mark(mark: Mark, stack: list[Mark], open_idx: int) -> bool:
    """A right double mark (”) that looks like an opener closes an open left one (“)."""
    return mark.char == "”" and open_idx >= 0 and stack[open_idx].char == "“"


def pair_marks(text: str) -> Iterator[RawSpan]:
    """Yield quoted spans in document order, recovering missing openers and closers."""
    paras = paragraphs(text)
    carry: Mark | None = None
    for n, (lo, hi) in enumerate(paras):
        marks = _marks(text, lo, hi)
        stack: list[Mark] = []
        if carry is not None:
            stack.append(carry)
            if marks and marks[0].family == carry.family and marks[0].role != "close":
                marks.pop(0)
            carry = None
        boundary = lo  # just after the last paired mark of this paragraph
        found: list[RawSpan] = []
        for mark in marks:
            open_idx = next(
                (k for k in range(len(stack) - 1, -1, -1) if stack[k].family == mark.family), -1
            )
            if _closes_left_mark(mark, stack, open_idx):
                pass  # `flooded, ”Putin explained`: a right mark closes its left one
            elif mark.role == "open" or (mark.role == "both" and open_idx < 0):
                if len(stack) < _MAX_DEPTH:  # runs of openers are noise; keep the scan linear
                    stack.append(mark)
                continue
            if open_idx >= 0:
                opener = stack[open_idx]
                del stack[open_idx:]
                found.append(
                    RawSpan(opener.pos + 1, mark.pos, opener.pos, mark.pos, opener.pos < lo)
                )
            elif mark.family == "double":
                start = _backward_start(text, boundary, mark.pos, boundary > lo)
                found.append(RawSpan(start, mark.pos, -1, mark.pos))
            boundary = mark.pos + 1
        unclosed = [m for m in stack if m.family != "single"]
        if unclosed:
            first = unclosed[0]
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            starts_quote = nxt is not None and text[nxt[0] : nxt[1]].lstrip()[:1] in '“"«„'
            if first.pos >= lo and _looks_closing(text, first, lo):
                after = lo < boundary < first.pos
                start = _backward_start(text, boundary if after else lo, first.pos, after)
                found.append(RawSpan(start, first.pos, -1, first.pos))
            elif starts_quote and first.family == "double":
                carry = first
            else:
                found.append(RawSpan(first.pos + 1, hi, first.pos, -1, first.pos < lo))
        yield from sorted(found, key=lambda s: s.start)
