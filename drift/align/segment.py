"""Split a quote into the sentences and clauses that other outlets may quote on their own."""

from __future__ import annotations

import re

from drift.align.normalize import tokenize
from drift.records import Quote, Rendering

# A boundary: sentence-final punctuation, closing marks, space, then something that opens a
# sentence; or a semicolon, which separates clauses that outlets often quote apart.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[A-Z0-9])|;\s+")
_ABBREVIATION_TEXT = """
    mr mrs ms dr prof gen col lt sgt capt maj adm gov sen rep st jr sr inc ltd co corp no vs etc
    e.g i.e u.s u.k u.n jan feb mar apr jun jul aug sep sept oct nov dec approx dept est
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_TEXT.split())
_LAST_WORD = re.compile(r"([A-Za-z.]+)\.[\"”’»)\]]*$")
# What a rendering should not start or end with: spaces, quote marks, dashes, ellipses, commas.
_EDGE = "\"'“”‘’«»„‚-–—…,;:*"


def _is_abbreviation(head: str) -> bool:
    """True when `head` ends in an abbreviation or an initial ("Mr.", "U.S.", "J.")."""
    match = _LAST_WORD.search(head)
    if match is None:
        return False
    word = match.group(1).lower().lstrip(".")
    return (
        word in _ABBREVIATIONS or len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))
    )


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences and semicolon clauses of `text`, edges trimmed of marks."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group().startswith(";") or not _is_abbreviation(text[start : match.start()]):
            spans.append((start, match.start()))
            start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        while begin < end and (text[begin].isspace() or text[begin] in _EDGE):
            begin += 1
        while end > begin and (text[end - 1].isspace() or text[end - 1] in _EDGE):
            end -= 1
        if tokenize(text[begin:end]):
            trimmed.append((begin, end))
    return trimmed


def segment_quote(quote: Quote) -> list[Rendering]:
    """The sentences/clauses of a quote as renderings; offsets index into `quote.text`.

    A term quote ("ironclad") stays whole: it is grouped by the sentence around it.
    """
    spans = split_sentences(quote.text)
    if quote.kind == "term" and spans:
        spans = [(spans[0][0], spans[-1][1])]
    return [
        Rendering(
            quote_id=quote.quote_id,
            doc_id=quote.doc_id,
            text=quote.text[start:end],
            start=start,
            end=end,
            speaker=quote.speaker,
            outlet=quote.outlet,
            date=quote.date,
            kind=quote.kind,
        )
        for start, end in spans
    ]
