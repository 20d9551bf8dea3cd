"""Shared by the speaker-rule tests: the speaker drift gives one quote of a written text."""

from __future__ import annotations

from drift.quotes import extract_quotes
from drift.records import Document


def speaker_of(text: str, opening: str, title: str = "") -> str:
    """The speaker of the one quote of `text` that starts with `opening`."""
    doc = Document(doc_id="d", text=text, lang="en", title=title)
    (quote,) = [q for q in extract_quotes(doc) if q.text.startswith(opening)]
    return quote.speaker
