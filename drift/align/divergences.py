"""Divergences: for every pair of renderings in a group, the spans where their words differ."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations
from typing import cast

from drift.align.words import align_words
from drift.records import Divergence, DivergenceKind, Group, Rendering


def _ordered_pairs(renderings: Sequence[Rendering]) -> Iterator[tuple[Rendering, Rendering]]:
    """Pairs with doc_a < doc_b (quote order within one document), copies of each other skipped."""
    ordered = sorted(renderings, key=lambda r: (r.doc_id, r.quote_id, r.start, r.end))
    for a, b in combinations(ordered, 2):
        if a.copy_of == b.quote_id or b.copy_of == a.quote_id:
            continue
        if a.copy_of and a.copy_of == b.copy_of:
            continue  # two reprints of one wire text
        yield a, b


def pair_divergences(group_id: str, a: Rendering, b: Rendering) -> list[Divergence]:
    """The substitutions, insertions and omissions between two renderings of one group."""
    return [
        Divergence(
            group_id=group_id,
            quote_a=a.quote_id,
            quote_b=b.quote_id,
            doc_a=a.doc_id,
            doc_b=b.doc_id,
            span_a=op.span_a,
            span_b=op.span_b,
            kind=cast(DivergenceKind, op.kind),  # is_divergence leaves only these kinds
            context_a=a.text,
            context_b=b.text,
        )
        for op in align_words(a.text, b.text)
        if op.is_divergence
    ]


def find_divergences(groups: Sequence[Group]) -> list[Divergence]:
    """All divergences of all groups, in group order, then pair order, then position in a.

    Term groups compare their words (“solid” / “ironclad”) like any other rendering.
    """
    found: list[Divergence] = []
    for group in groups:
        for a, b in _ordered_pairs(group.renderings):
            found.extend(pair_divergences(group.group_id, a, b))
    return found
