"""Quoted spans of a text, stripped and de-nested, with the sentences and paragraphs around them."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from drift.quotes.marks import MARK_CHARS, RawSpan, pair_marks, paragraphs
from drift.quotes.verbs import REPORTING_VERBS

_LEAD_IN_CHARS = 120  # a lead-in's verb sits this close to its colon
_BLOCK_ENDS = '.!?…"”’»'  # a block quote ends a sentence (a heading or a list label does not)
_TRIM = "*_"  # Markdown emphasis left around a quote; all whitespace goes too
# A sentence starts with a capital, or with a quote mark before masked (x-ed) quoted words.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)*_]*\s+(?=[\"'“‘«(*_]*[A-Z0-9]|[\"“«„‘]+x)")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "gen",
        "col",
        "lt",
        "sgt",
        "gov",
        "sen",
        "rep",
        "prof",
        "vs",
        "etc",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "corp",
        "co",
    ]
)


@dataclass(frozen=True)
class Span:
    """A quoted span: text offsets `start:end`, the marks around it (-1 where missing)."""

    start: int
    end: int
    open_pos: int
    close_pos: int
    para: int  # index of the paragraph holding the closing mark (or the end)


def _trim(text: str, raw: RawSpan) -> tuple[int, int]:
    start, end = raw.start, raw.end
    while start < end and (text[start] in _TRIM or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1].isspace()):
        end -= 1
    return start, end


def find_spans(text: str, paras: list[tuple[int, int]]) -> list[Span]:
    """Quoted spans in document order; a span inside another (nested quote) is dropped. A
    paragraph after a lead-in such as "the mayor stated:" is a block quote without marks."""
    starts = [p[0] for p in paras]
    blocks = _block_quotes(text, paras)
    spans: list[Span] = []
    for raw in sorted([*pair_marks(text), *blocks], key=lambda r: (r.start, -r.end)):
        start, end = _trim(text, raw)
        if start >= end or not any(c.isalnum() for c in text[start:end]):
            continue
        if spans and start < spans[-1].end:
            continue
        para = max(bisect.bisect_right(starts, end - 1) - 1, 0)
        spans.append(Span(start, end, raw.open_pos, raw.close_pos, para))
    return spans


def _block_quotes(text: str, paras: list[tuple[int, int]]) -> list[RawSpan]:
    """Paragraphs that a reporting lead-in ending in a colon introduces ("Poulson stated:"),
    written without quote marks: a sentence or more that opens with no mark of its own."""
    found = []
    for (lo, hi), (nlo, nhi) in itertools.pairwise(paras):
        tail = text[max(lo, hi - _LEAD_IN_CHARS) : hi].rstrip()
        if not tail.endswith(":"):
            continue
        clause = re.split(r"[.!?\"“”«»]", tail)[-1]
        if not any(w.lower() in REPORTING_VERBS for w in re.findall(r"[A-Za-z]+", clause)):
            continue
        body = text[nlo:nhi].strip()
        if body[:1] in MARK_CHARS or body[-1:] not in _BLOCK_ENDS or len(body.split()) < 4:
            continue
        found.append(RawSpan(nlo, nhi, -1, -1))
    return found


def masked_text(text: str, spans: list[Span]) -> str:
    """`text` with quoted letters blanked to "x", so reporting verbs are only found outside
    quotes while the quotes' punctuation still ends sentences."""
    parts: list[str] = []
    last = 0
    for span in spans:
        parts.append(text[last : span.start])
        parts.append(re.sub(r"\w", "x", text[span.start : span.end]))
        last = span.end
    parts.append(text[last:])
    return "".join(parts)


def sentence_ends(masked: str) -> list[int]:
    """Offsets where sentences end (after the space), skipping abbreviations like "Mr."."""
    ends: list[int] = []
    for match in _SENTENCE_END.finditer(masked):
        word = re.search(
            r"([\w.]+)[.!?…]*$", masked[max(0, match.start() - 12) : match.start() + 1]
        )
        token = word.group(1).rstrip(".").lower() if word else ""
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or "." in token:
            continue
        ends.append(match.end())
    return ends


def sentence_bounds(
    ends: list[int], para: tuple[int, int], start: int, end: int
) -> tuple[int, int]:
    """The sentence(s) covering `start:end`, kept inside paragraph `para`."""
    k = bisect.bisect_right(ends, start) - 1
    lo = max(ends[k] if k >= 0 else 0, para[0])
    k = bisect.bisect_right(ends, end)
    hi = min(ends[k] if k < len(ends) else para[1], para[1])
    return lo, max(hi, end)


__all__ = ["Span", "find_spans", "masked_text", "paragraphs", "sentence_bounds", "sentence_ends"]
