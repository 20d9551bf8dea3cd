"""Renderings prepared for comparison: tokens, speaker key, day number, statement root."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from drift.align.normalize import Token, norm_key, tokenize
from drift.align.segment import segment_quote
from drift.quotes.speakers import speaker_key
from drift.records import Quote, Rendering


@dataclass(frozen=True)
class Unit:
    """A sentence or clause of a quote, with what blocking and similarity need."""

    rendering: Rendering
    root: str  # quote_id of the statement this quote is a fragment of (itself if whole)
    speaker_key: str  # "" when unknown
    day: int | None  # proleptic ordinal of the date, None when unknown
    tokens: tuple[Token, ...]  # normalized words of rendering.text, fillers ("and") left out
    context: str = ""  # the quote's surrounding sentence (used for term quotes)
    quote_text: str = ""

    @property
    def key(self) -> str:
        """Normalized text: equal keys in different documents are copies of one wire text."""
        return " ".join(t.norm for t in self.tokens)

    @property
    def is_term(self) -> bool:
        return self.rendering.kind == "term"


def parse_day(value: str) -> int | None:
    """Day number of an ISO date ("2022-03-30"), None when empty or unparseable."""
    try:
        return date.fromisoformat(value.strip()[:10]).toordinal()
    except ValueError:
        return None


def speakers_compatible(a: str, b: str) -> bool:
    """Same person, or unknown on one side; "wang" (family name alone) matches "wang yi"."""
    if not a or not b or a == b:
        return True
    wa, wb = a.split(), b.split()
    short, long = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return long[: len(short)] == short


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
        day = parse_day(quote.date)
        for rendering in segment_quote(quote):
            tokens = tuple(t for t in tokenize(rendering.text) if not t.is_filler)
            if not tokens or not norm_key(rendering.text):
                continue
            units.append(
                Unit(
                    rendering=rendering,
                    root=quote.fragment_of or quote.quote_id,
                    speaker_key=key,
                    day=day,
                    tokens=tokens,
                    context=quote.context,
                    quote_text=quote.text,
                )
            )
    return units
