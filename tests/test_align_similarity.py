"""Pair similarity, the optional embedder, and segmentation properties."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sacrebleu.metrics import CHRF

from drift.align import group_quotes, segment_quote
from drift.align.similarity import ChrF
from drift.records import Quote

SENTENCES = st.lists(
    st.sampled_from(["We", "will", "move", "towards", "a", "just,", "Multipolar", "order.", "Mr."]),
    max_size=20,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(SENTENCES, SENTENCES)
def test_cached_chrf_equals_sacrebleu(a: str, b: str) -> None:
    expected = CHRF(beta=1, lowercase=True).sentence_score(a, [b]).score / 100
    got = ChrF(cache_size=2)(a, b)
    assert abs(got - expected) < 1e-12 or not (a.strip() and b.strip())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120) | SENTENCES, st.sampled_from(["statement", "term"]))
def test_segments_index_the_quote_text(text: str, kind: str) -> None:
    q = Quote("d:1", "d", text, 0, len(text), kind=kind)  # type: ignore[arg-type]
    for r in segment_quote(q):
        assert q.text[r.start : r.end] == r.text and r.text.strip() == r.text


class TableEmbedder:
    """A test double: vectors chosen per text, recording what it was asked to embed."""

    name = "table"

    def __init__(self, same: set[str]) -> None:
        self.same, self.seen = same, []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        rows = np.zeros((len(texts), len(texts) + 1), dtype=np.float32)
        for k, text in enumerate(texts):
            rows[k, 0 if text in self.same else k + 1] = 1.0  # others: each its own direction
        return rows


def lavrov(qid: str, text: str) -> Quote:
    return Quote(qid, qid.split(":")[0], text, 0, len(text), speaker="Sergei Lavrov")


def test_embedder_decides_borderline_pairs_and_sees_only_kept_pairs() -> None:
    a = lavrov("a:1", "We are going through a very serious stage in the history of relations.")
    b = lavrov("b:1", "We live at a very critical juncture in the history of our relations.")
    noise = lavrov("c:1", "Sanctions imposed by the United States are illegal and unilateral.")
    spans = {
        "We are going through a very serious stage in the history of relations",
        "We live at a very critical juncture in the history of our relations",
    }
    # a span that covers its whole sentence is read through the sentence's own vector
    assert len(group_quotes([a, b, noise], embedder=TableEmbedder(spans | {a.text, b.text}))) == 1
    apart = TableEmbedder(set())
    apart_groups = group_quotes([a, b, noise], embedder=apart)
    assert apart_groups == []
    # every sentence is embedded once to find its nearest neighbours; beyond that, only the
    # spans of kept pairs are, and the unrelated quote is never compared again
    assert apart.seen.count(noise.text) == 1
    assert set(apart.seen) <= spans | {a.text, b.text, noise.text}
