"""Divergences: where each rendering of a group differs from the group's consensus.

As collation tools do, each group is compared through one base text, not all pairs: the
rendering holding most of the words the others share is the consensus; every other rendering is
aligned with it once, so a statement quoted by N outlets costs N - 1 alignments. Where several
renderings put different words at one place of the consensus ("other like-minded people" against
"sympathisers" and "supporters"), the distinct readings are also paired with each other, at most
`MAX_READINGS` per place, so the rows stay O(N).

What a fragment does not quote is no difference (`drift.align.words`): a rendering is compared on
the window both quote, unless it claims a sentence boundary at that edge. A sentence split out of
a longer quote never claims one: its quote's next sentence may hold what the other has there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import cast

from drift.align.normalize import tokenize
from drift.align.words import WordOp, align_words
from drift.records import Divergence, DivergenceKind, Group, Rendering

MAX_READINGS = 4  # distinct readings of one place of the consensus paired with each other
Spans = Mapping[str, Sequence[tuple[int, int]]]  # quote_id -> offsets of its renderings in a run


def _order(r: Rendering) -> tuple[str, str, int, int]:
    return (r.doc_id, r.quote_id, r.start, r.end)


def _words(r: Rendering) -> frozenset[str]:
    return frozenset(t.norm for t in tokenize(r.text) if t.is_content)


def consensus(renderings: Sequence[Rendering]) -> Rendering:
    """The base rendering: the one holding the most words that other renderings share.

    As collation tools take the fullest witness as their base, a fragment seldom serves, so the
    base covers what the group quotes. Word counts over the group stand in for the all-pairs
    overlaps, so finding it is O(N). Copies never serve; ties go to the first by document.
    """
    candidates = [r for r in renderings if not r.copy_of] or list(renderings)
    words = {id(r): _words(r) for r in renderings}
    support = Counter(w for r in renderings for w in words[id(r)])
    return min(candidates, key=lambda r: (-sum(support[w] - 1 for w in words[id(r)]), _order(r)))


def _spans(renderings: Sequence[Rendering]) -> dict[str, list[tuple[int, int]]]:
    """Offsets of each quote's renderings."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for r in renderings:
        spans.setdefault(r.quote_id, []).append((r.start, r.end))
    return spans


def ends_quote(r: Rendering, spans: Spans) -> bool:
    """Whether r ends its quote, as far as the run's renderings of that quote tell."""
    return not any(start >= r.end for start, _ in spans.get(r.quote_id, ()))


def _row(
    group_id: str, a: Rendering, b: Rendering, span_a: str, span_b: str, kind: str
) -> Divergence:
    return Divergence(
        group_id=group_id,
        quote_a=a.quote_id,
        quote_b=b.quote_id,
        doc_a=a.doc_id,
        doc_b=b.doc_id,
        span_a=span_a,
        span_b=span_b,
        kind=cast(DivergenceKind, kind),
        context_a=a.text,
        context_b=b.text,
    )


def _align(a: Rendering, b: Rendering, spans: Spans) -> list[WordOp]:
    """Word ops of two renderings, each end read as its quote's or as a sentence split."""
    return align_words(a.text, b.text, ends_a=ends_quote(a, spans), ends_b=ends_quote(b, spans))


def pair_divergences(
    group_id: str, a: Rendering, b: Rendering, spans: Spans | None = None
) -> list[Divergence]:
    """The substitutions, insertions and omissions between two renderings of one group."""
    spans = _spans([a, b]) if spans is None else spans
    return [
        _row(group_id, a, b, op.span_a, op.span_b, op.kind)
        for op in _align(a, b, spans)
        if op.is_divergence
    ]


@dataclass(frozen=True)
class _Reading:
    """What one rendering says at one place of the consensus."""

    place: tuple[int, int]  # character range in the consensus (empty for an insertion point)
    text: str
    rendering: Rendering


def _kind(a: str, b: str) -> str:
    return "substitution" if a and b else "insertion" if b else "omission"


def group_divergences(group: Group, spans: Spans | None = None) -> list[Divergence]:
    """Rows of one group: each rendering against the consensus, then readings against readings.

    `spans` gives the run's renderings of each quote (default: the group's own).
    """
    spans = _spans(group.renderings) if spans is None else spans
    base = consensus(group.renderings)
    rows: list[Divergence] = []
    readings: dict[tuple[int, int], list[_Reading]] = {}
    for r in sorted(group.renderings, key=_order):
        if r is base or r.copy_of == base.quote_id or (base.copy_of and base.copy_of == r.copy_of):
            continue
        first, second = (base, r) if _order(base) <= _order(r) else (r, base)
        for op in _align(first, second, spans):
            if not op.is_divergence:
                continue
            rows.append(_row(group.group_id, first, second, op.span_a, op.span_b, op.kind))
            if first is base:
                place, text = (op.start_a, op.end_a), op.span_b
            else:
                place, text = (op.start_b, op.end_b), op.span_a
            readings.setdefault(place, []).append(_Reading(place, text, r))
    for place in sorted(readings):
        distinct: dict[str, _Reading] = {}
        counts = Counter(x.text.lower() for x in readings[place])
        for x in readings[place]:
            distinct.setdefault(x.text.lower(), x)
        top = sorted(distinct, key=lambda t: (-counts[t], _order(distinct[t].rendering)))
        for one, two in combinations(top[:MAX_READINGS], 2):
            x, y = distinct[one], distinct[two]
            if not x.text and not y.text:
                continue
            if _order(y.rendering) < _order(x.rendering):
                x, y = y, x
            rows.append(
                _row(
                    group.group_id, x.rendering, y.rendering, x.text, y.text, _kind(x.text, y.text)
                )
            )
    return sorted(
        rows, key=lambda d: (d.doc_a, d.quote_a, d.doc_b, d.quote_b)
    )  # stable: position order within a pair


def find_divergences(groups: Sequence[Group]) -> list[Divergence]:
    """Divergences of all groups, in group order, then pair order, then position in a.

    Term groups compare their words (“solid” / “ironclad”) like any other rendering.
    """
    spans = _spans([r for group in groups for r in group.renderings])
    return [d for group in groups for d in group_divergences(group, spans)]
