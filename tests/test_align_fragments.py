"""A fragment that renders one clause of a longer rendering joins its statement (issue 11):
outlets quote "It's a zero-sum game in which you die and I live" where another prints the whole
sentence ending "..., a zero-sum game of life and death". e5 reads the fragment against each
clause of the sentence that shares its words; the whole sentence says too much more."""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

from drift.align import align_groups
from drift.align.edges import fragment_clauses
from drift.align.units import build_units
from drift.records import Quote

SENTENCE = (
    "The US claims it seeks to compete with China but does not seek conflict. But in reality, "
    "the so-called competition by the US is all-around containment and suppression, a zero-sum "
    "game of life and death."
)
FRAGMENT = "It's a zero-sum game in which you die and I live."
# words of one meaning folded together, and words that carry none, as a meaning model reads them
_SAME = {"die": "death", "live": "life", "lives": "life"}
_EMPTY = frozenset(
    [
        *("it's", "a", "an", "the", "in", "which", "you", "i", "and", "of", "is", "by", "but"),
        *("to", "it", "does", "not", "with"),
    ]
)


class Meanings:
    """A deterministic stand-in for e5: a bag of the meaning-bearing words, synonyms folded."""

    name = "meanings"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = np.zeros((len(texts), 128), dtype=np.float32)
        for row, text in zip(rows, texts, strict=True):
            for word in text.lower().replace(",", " ").replace(".", " ").split():
                if word not in _EMPTY:
                    row[zlib.crc32(_SAME.get(word, word).encode()) % 128] += 1.0
        return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)


def quote(n: int, text: str) -> Quote:
    return Quote(
        quote_id=f"d{n}:1",
        doc_id=f"d{n}",
        text=text,
        start=0,
        end=len(text),
        speaker="Qin Gang",
        date="2023-03-07",
    )


def statements(quotes: list[Quote]) -> list[set[str]]:
    found = align_groups(quotes, embedder=Meanings())
    members: dict[str, set[str]] = {}
    for group in found.groups:
        members.setdefault(group.statement, set()).update(r.quote_id for r in group.renderings)
    return sorted(members.values(), key=sorted)


def test_a_fragment_joins_the_sentence_whose_clause_it_renders() -> None:
    assert statements([quote(1, SENTENCE), quote(2, FRAGMENT)]) == [{"d1:1", "d2:1"}]


def test_a_fragment_about_something_else_stays_apart() -> None:
    other = "It's a reckless gamble with the future of two peoples."
    assert statements([quote(1, SENTENCE), quote(2, other)]) == []


def test_only_clauses_that_share_the_fragments_words_are_read() -> None:
    units = build_units([quote(1, SENTENCE), quote(2, FRAGMENT)])
    long = units[1]  # the sentence "But in reality, ..., a zero-sum game of life and death."
    (span,) = fragment_clauses(long, units[2])
    words = [t.norm for t in long.tokens[span[0] : span[1] + 1]]
    assert words[:3] == ["a", "zero", "sum"]
