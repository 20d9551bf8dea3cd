"""Grouping asks e5 for one text per wording: wire copies and same-wording retellings of a
sentence are read once (six texts here, two embedded), and the groups stay the same."""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

from drift.align import group_quotes
from drift.records import Quote

SENTENCE = (
    "Russia is ready to continue talks with Washington on strategic stability and arms control"
)
OTHER = "China firmly opposes any unilateral sanctions that lack a basis in international law"


class Words:
    """A deterministic embedder (hashed bag of words) that records what it encodes."""

    name = "words"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        rows = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in zip(rows, texts, strict=True):
            for word in text.lower().strip(".").split():
                row[zlib.crc32(word.encode()) % 64] += 1.0
        return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)


def quote(n: int, text: str, speaker: str = "Sergei Lavrov") -> Quote:
    return Quote(
        quote_id=f"d{n:02d}:1",
        doc_id=f"d{n:02d}",
        text=text,
        start=0,
        end=len(text),
        speaker=speaker,
        date="2023-05-02",
    )


def corpus() -> list[Quote]:
    """Eleven outlets print one sentence (as wire copies, some without the full stop, and three
    with a small word added), three print another official's sentence."""
    added = [
        ("Russia is", "Russia is also"),
        (" and arms", " and on arms"),
        ("on strategic", "on the strategic"),
    ]
    quotes = [quote(n, SENTENCE + ("." if n < 6 else "")) for n in range(8)]
    quotes += [quote(8 + n, SENTENCE.replace(a, b) + ".") for n, (a, b) in enumerate(added)]
    quotes += [quote(20 + n, OTHER + ".", "Wang Yi") for n in range(3)]
    return quotes


def test_copies_and_same_wording_retellings_are_embedded_once() -> None:
    embedder = Words()
    groups = group_quotes(corpus(), embedder=embedder, progress=False)
    assert sorted(len(g.renderings) for g in groups) == [3, 11]
    assert len(embedder.seen) == len(set(embedder.seen)) == 2  # one text per statement


def test_groups_are_the_same_with_and_without_the_embedder() -> None:
    """Near-verbatim renderings group on their words alone; e5 changes no membership here."""
    with_e5 = group_quotes(corpus(), embedder=Words(), progress=False)
    without = group_quotes(corpus(), progress=False)
    members = [sorted(r.quote_id for r in g.renderings) for g in with_e5]
    assert members == [sorted(r.quote_id for r in g.renderings) for g in without]
