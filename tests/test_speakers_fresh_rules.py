"""Speaker rules for persons met in the fourth blind set's error classes (issue 11): one
invented text per rule; the people and events are made up."""

from __future__ import annotations

from drift.quotes import extract_quotes, speaker_key
from drift.records import Document


def speaker_of(text: str, opening: str, title: str = "") -> str:
    """The speaker of the one quote of `text` that starts with `opening`."""
    doc = Document(doc_id="d", text=text, lang="en", title=title)
    (quote,) = [q for q in extract_quotes(doc) if q.text.startswith(opening)]
    return quote.speaker


def test_a_quote_joined_to_the_next_by_but_continues_the_speaker() -> None:
    """`“...,” but “...”`: the conjunction after the closing mark is no one telling the quote;
    it follows the speaker of the sentence before."""
    text = (
        "“We reached the pass by noon,” Ola Brekke said. “Some wanted to turn back,” but “we "
        "kept going until dark.”"
    )
    assert speaker_key(speaker_of(text, "Some wanted")) == "brekke"
