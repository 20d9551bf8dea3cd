"""Bounds on what one document hands the later stages, so every run stays bounded in time and
memory: quote marks and quotes per article, characters per quote."""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass

from drift.quotes.marks import MARK_CHARS
from drift.records import Document, Failure, Quote

MAX_QUOTE_MARKS = 20_000  # quote characters (apostrophes too) an article may hold
MAX_QUOTES = 1_000  # quotes an article may hold (a news article has tens)
MAX_QUOTE_CHARS = 5_000  # a longer quote is cut to its first MAX_QUOTE_CHARS characters
MAX_CONTEXT_CHARS = MAX_QUOTE_CHARS + 1_200  # a quote and 600 characters on each side


@dataclass(frozen=True)
class Bounded:
    """The quotes of one document within the bounds, the failure when it broke one, and how
    many quotes were cut to MAX_QUOTE_CHARS."""

    quotes: list[Quote]
    failure: Failure | None = None
    cut: int = 0


def bounded_quotes(doc: Document) -> Bounded:
    """Quotes of `doc`, or none and a Failure when it holds too many marks or quotes to be an
    article; quotes over MAX_QUOTE_CHARS are cut. Counting marks first keeps this cheap."""
    from drift.quotes import iter_quotes

    marks = sum(map(doc.text.count, MARK_CHARS))
    if marks > MAX_QUOTE_MARKS:
        return Bounded([], _failure(doc, f"{marks:,} quote marks", MAX_QUOTE_MARKS))
    quotes = list(itertools.islice(iter_quotes(doc), MAX_QUOTES + 1))
    if len(quotes) > MAX_QUOTES:
        return Bounded([], _failure(doc, f"over {MAX_QUOTES:,} quotes", MAX_QUOTES))
    return cut_quotes(quotes)


def cut_quotes(quotes: list[Quote]) -> Bounded:
    """`quotes` with each one over MAX_QUOTE_CHARS cut to its first MAX_QUOTE_CHARS characters
    (`end` moved with it, so `text[start:end]` still is the quote) and its context to match."""
    out: list[Quote] = []
    cut = 0
    for quote in quotes:
        if len(quote.text) > MAX_QUOTE_CHARS:
            text = quote.text[:MAX_QUOTE_CHARS].rstrip()
            context = quote.context[:MAX_CONTEXT_CHARS]  # around a quote cut short: as long
            quote = dataclasses.replace(
                quote, text=text, end=quote.start + len(text), context=context
            )
            cut += 1
        out.append(quote)
    return Bounded(out, None, cut)


def cut_note(cut: int) -> str:
    """The run.json note for quotes cut to MAX_QUOTE_CHARS."""
    return (
        f"{cut} quote(s) longer than {MAX_QUOTE_CHARS:,} characters were cut to their first "
        f"{MAX_QUOTE_CHARS:,} (later stages see only that part)"
    )


def _failure(doc: Document, found: str, limit: int) -> Failure:
    problem = (
        f"{found} in one document, more than the {limit:,} an article may hold; "
        "skipped (is it an article? split it)"
    )
    return Failure(doc.path or doc.doc_id, problem, doc.line)
