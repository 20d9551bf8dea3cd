"""Divergences through the group's consensus: O(N) comparisons, the seeds' differences kept."""

from __future__ import annotations

import random

import pytest

from drift.align import divergences as div
from drift.align.divergences import consensus, find_divergences
from drift.records import Group, Rendering

BASE = (
    "we, together with you and with other like-minded people, will move towards a multipolar, "
    "just, democratic world order"
)
SWAPS = {
    "other like-minded people": ["sympathisers", "supporters", "allies"],
    "multipolar": ["strong"],
    "together with you": ["along with you"],
}


def renderings(n: int, seed: int = 0) -> tuple[Rendering, ...]:
    """n outlets' renderings of one statement: most keep it, some swap words."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        text = BASE
        for old, news in SWAPS.items():
            if rng.random() < 0.15:
                text = text.replace(old, rng.choice(news))
        if rng.random() < 0.2:
            text = text.split(", will move ")[1]  # a fragment
        out.append(Rendering(f"d{k:04d}:1", f"d{k:04d}", text, 0, len(text)))
    return tuple(out)


def test_the_consensus_is_the_fullest_common_rendering() -> None:
    group = renderings(30)
    base = consensus(group)
    assert base.text == BASE


@pytest.mark.parametrize("n", [50, 200])
def test_n_renderings_cost_n_minus_one_alignments(n: int, monkeypatch) -> None:
    calls = []
    real = div.align_words

    def counting(a: str, b: str, **edges):
        calls.append((a, b))
        return real(a, b, **edges)

    monkeypatch.setattr(div, "align_words", counting)
    rows = find_divergences([Group("g001", renderings(n), 1.0)])
    assert len(calls) == n - 1
    # every rendering that differs gives its own rows, plus a few reading-against-reading rows
    assert len(rows) <= 4 * (n - 1) + len(SWAPS) * 6


def test_rows_grow_linearly_and_keep_multipolar_against_strong() -> None:
    small = find_divergences([Group("g001", renderings(100), 1.0)])
    large = find_divergences([Group("g001", renderings(400), 1.0)])
    assert len(large) <= 4.5 * len(small)
    spans = {(d.span_a, d.span_b) for d in large} | {(d.span_b, d.span_a) for d in large}
    assert ("multipolar", "strong") in spans
    assert ("sympathisers", "supporters") in spans  # two variants at one place of the consensus
    assert all(d.doc_a <= d.doc_b for d in large)


def test_a_sentence_closed_early_omits_the_rest_unless_its_quote_goes_on() -> None:
    """ "We will win." against "We will win, and nobody can stop us" drops the clause; but when
    the outlet's quote goes on ("We will win. Nobody can stop us."), its next sentence holds it."""
    full = "We will win, and nobody can stop us"
    group = Group(
        "g001",
        (Rendering("a:1", "a", full, 0, len(full)), Rendering("b:1", "b", "We will win.", 0, 12)),
        1.0,
    )
    rows = find_divergences([group])
    assert [(d.kind, d.span_a, d.span_b) for d in rows] == [("omission", "nobody can stop us", "")]
    later = Rendering("b:1", "b", "Nobody can stop us.", 13, 32)  # b's quote goes on
    rest = Group("g002", (Rendering("c:1", "c", "Nobody can stop us", 0, 18), later), 1.0)
    assert find_divergences([group, rest]) == []
