"""Renderings prepared for comparison: tokens, speaker key, day number, statement root."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz.distance import Indel

from drift.align.normalize import Token, norm_key, tokenize
from drift.align.segment import segment_quote
from drift.corpus.dates import date_range, event_dates
from drift.quotes.speakers import speaker_key
from drift.records import Quote, Rendering

SPELLING_SIMILARITY = 0.8  # surnames this alike (Indel, same first letter) are one person's
SPELLING_MIN_LEN = 5


@dataclass(frozen=True)
class Unit:
    """A sentence or clause of a quote, with what blocking and similarity need."""

    rendering: Rendering
    root: str  # quote_id of the statement this quote is a fragment of (itself if whole)
    speaker_key: str  # "" when unknown
    days: tuple[int, int] | None  # first and last day (ordinals) the words were said, if known
    tokens: tuple[Token, ...]  # normalized words of rendering.text, fillers ("and") left out
    context: str = ""  # the quote's surrounding sentence (used for term quotes)
    quote_text: str = ""

    @property
    def key(self) -> str:
        """Normalized text: equal keys in different documents are copies of one wire text."""
        return " ".join(t.norm for t in self.tokens)

    @property
    def content_words(self) -> int:
        """How many content words the unit has."""
        return sum(t.is_content for t in self.tokens)

    @property
    def is_term(self) -> bool:
        return self.rendering.kind == "term"

    @property
    def day(self) -> int | None:
        """First day the words may have been said (for ordering), None when unknown."""
        return self.days[0] if self.days else None


def parse_day(value: str) -> int | None:
    """Day number of an ISO date ("2022-03-30"), None when empty or unparseable."""
    try:
        return date.fromisoformat(value.strip()[:10]).toordinal()
    except ValueError:
        return None


def event_days(quote: Quote) -> tuple[int, int] | None:
    """Days the quote's words were said: a date its context gives ("in 2005", "on Monday"),
    else the article's date; None when neither is known."""
    found = event_dates(quote.context, quote.date, " ".join(quote.text.split()))
    if found is not None:
        first, last = parse_day(found[0]), parse_day(found[1])
        if first is not None and last is not None:
            return first, last
    published = date_range(quote.date)  # a table's "2024-07" or "2011" spans its days
    if published is None:
        return None
    first, last = parse_day(published[0]), parse_day(published[1])
    return None if first is None or last is None else (first, last)


def _spelled_alike(a: str, b: str) -> bool:
    """One surname in two spellings ("khruschev"/"khrushchev", "poutine"/"putin")."""
    if " " in a or " " in b or min(len(a), len(b)) < SPELLING_MIN_LEN or a[0] != b[0]:
        return False
    return Indel.normalized_similarity(a, b) >= SPELLING_SIMILARITY


def speakers_compatible(a: str, b: str) -> bool:
    """Same person, or unknown on one side; "wang" (family name alone) matches "wang yi"."""
    if not a or not b or a == b:
        return True
    wa, wb = a.split(), b.split()
    short, long = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return long[: len(short)] == short or _spelled_alike(a, b)


def speaker_block(key: str) -> str:
    """The word of a speaker key that blocking partitions on ("wang yi" -> "wang")."""
    return key.split()[0] if key else ""


def build_units(quotes: Sequence[Quote]) -> list[Unit]:
    """Segment every quote; units keep input order, so output order follows input order."""
    units: list[Unit] = []
    keys: dict[str, str] = {}
    for quote in quotes:
        if quote.speaker not in keys:
            keys[quote.speaker] = speaker_key(quote.speaker) if quote.speaker else ""
        key = keys[quote.speaker]
        days = event_days(quote)
        for rendering in segment_quote(quote):
            tokens = tuple(t for t in tokenize(rendering.text) if not t.is_filler)
            if not tokens or not norm_key(rendering.text):
                continue
            units.append(
                Unit(
                    rendering=rendering,
                    root=quote.fragment_of or quote.quote_id,
                    speaker_key=key,
                    days=days,
                    tokens=tokens,
                    context=quote.context,
                    quote_text=quote.text,
                )
            )
    return units
