"""Candidate pairs by meaning: each unit's nearest e5 neighbours among renderings it may join.

Keyword blocking misses free translations that share few English words ("punished by life" /
"punished by history"); nearest neighbours in embedding space find them. Rows are compared in
chunks, so memory stays bounded; each unit keeps at most `k` neighbours, so edges grow as O(N).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from drift.align.blocking import pair_allowed
from drift.align.units import Unit

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
