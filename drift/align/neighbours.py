"""Candidate pairs by meaning, and the e5 vectors of a run's units, one per strong component.

Keyword blocking misses free translations that share few English words ("punished by life" /
"punished by history"); nearest neighbours in embedding space find them. Rows are compared in
chunks, so memory stays bounded; each unit keeps at most `k` neighbours, so edges grow as O(N).

e5 is the run's costliest step (~40 ms of CPU a sentence), and a news archive repeats itself:
wire copies and retellings with the same words but for one or two. Units so joined form one
component, which e5 reads once, through its longest unit (`Meaning`); the encoder then sees
about one text per wording of a sentence, however many outlets print it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from drift.align.blocking import pair_allowed
from drift.align.units import Unit
from drift.embed import Embedder

MAX_NEIGHBOURS = 8  # nearest renderings kept per unit
CHUNK = 1024  # rows compared at once


def neighbour_pairs(
    units: Sequence[Unit],
    members: Sequence[int],
    vectors: np.ndarray,
    floor: float,
    k: int = MAX_NEIGHBOURS,
) -> list[tuple[int, int]]:
    """Sorted (i, j), i < j: for each member, its `k` nearest members at cosine >= `floor` that it
    may share a group with (another document, a compatible speaker; dates are judged later).

    `vectors` holds one unit-normalized row per member, in `members` order.
    """
    pairs: set[tuple[int, int]] = set()
    for start in range(0, len(members), CHUNK):
        sims = vectors[start : start + CHUNK] @ vectors.T
        for row, sim in enumerate(sims):
            i = members[start + row]
            order = np.argsort(-sim, kind="stable")
            kept = 0
            for col in order:
                if sim[col] < floor or kept >= k:
                    break
                j = members[int(col)]
                if j != i and pair_allowed(units[i], units[j], None):
                    pairs.add((min(i, j), max(i, j)))
                    kept += 1
    return sorted(pairs)


def components(
    units: Sequence[Unit], members: Sequence[int], strong: Iterable[tuple[int, int]]
) -> dict[int, int]:
    """member -> its component's representative: the longest unit (fewest index on ties) of the
    members that `strong` pairs join, directly or through others."""
    parent = {i: i for i in members}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in strong:
        if i in parent and j in parent:
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    best: dict[int, int] = {}
    for i in members:  # ascending: the first of the longest wins
        root = find(i)
        if root not in best or len(units[i].tokens) > len(units[best[root]].tokens):
            best[root] = i
    return {i: best[find(i)] for i in members}


@dataclass(frozen=True)
class Meaning:
    """e5 vectors of a run's units: a unit of a strong component reads as its representative."""

    owner: Mapping[int, int]  # member -> representative (itself when alone)
    vectors: Mapping[int, np.ndarray]  # representative -> unit row
    sizes: Mapping[int, int]  # representative -> members it stands for

    @staticmethod
    def of(
        units: Sequence[Unit],
        members: Sequence[int],
        strong: Iterable[tuple[int, int]],
        embedder: Embedder,
    ) -> Meaning:
        """Embed one text per component of `members` joined by `strong` pairs."""
        owner = components(units, members, strong)
        reps = sorted(set(owner.values()))
        rows = embedder.encode([units[r].rendering.text for r in reps]) if reps else []
        sizes: dict[int, int] = {}
        for rep in owner.values():
            sizes[rep] = sizes.get(rep, 0) + 1
        return Meaning(owner, dict(zip(reps, np.asarray(rows), strict=True)), sizes)

    @property
    def representatives(self) -> list[int]:
        """One unit per component, ascending."""
        return sorted(self.vectors)

    def joined(self, i: int, j: int) -> bool:
        """Whether strong word evidence already joins `i` and `j`."""
        return self.owner.get(i, i) == self.owner.get(j, j) and i in self.owner

    def shared(self, i: int) -> np.ndarray | None:
        """The vector `i` reads as when it belongs to a component of several units, else None
        (a unit alone is read as itself, or as the span of it a pair matched)."""
        rep = self.owner.get(i)
        return self.vectors[rep] if rep is not None and self.sizes[rep] > 1 else None

    def search(self, units: Sequence[Unit], floor: float) -> list[tuple[int, int]]:
        """Nearest-neighbour pairs among the representatives."""
        reps = self.representatives
        if not reps:
            return []
        matrix = np.vstack([self.vectors[r] for r in reps])
        return neighbour_pairs(units, reps, matrix, floor)
