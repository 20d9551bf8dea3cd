"""Greedy single-link clustering under cannot-link rules (documents, dates, speakers).

Edges are taken strongest first; two clusters merge only if the result still holds at most one
rendering per document (fragments of one statement excepted), known dates within the window and
one speaker. The result depends only on the edge order, which callers make total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from drift.align.units import speakers_compatible


@dataclass(frozen=True)
class Member:
    """What the rules need to know about one node of the graph."""

    doc_id: str
    quote_id: str
    root: str  # statement root: quotes of one document may share a group only with one root
    day: int | None
    speaker_key: str


@dataclass
class _Cluster:
    nodes: list[int]
    docs: dict[str, tuple[str, set[str]]]  # doc_id -> (root, quote_ids)
    first_day: int | None
    last_day: int | None
    speakers: set[str] = field(default_factory=set)


def _can_merge(a: _Cluster, b: _Cluster, window: int) -> bool:
    for doc, (root, quotes) in b.docs.items():
        other = a.docs.get(doc)
        if other is not None and (other[0] != root or other[1] & quotes):
            return False
    days = [d for d in (a.first_day, a.last_day, b.first_day, b.last_day) if d is not None]
    if days and max(days) - min(days) > window:
        return False
    return all(speakers_compatible(x, y) for x in a.speakers for y in b.speakers)


def _merge_into(a: _Cluster, b: _Cluster) -> None:
    a.nodes.extend(b.nodes)
    for doc, (root, quotes) in b.docs.items():
        a.docs.setdefault(doc, (root, set()))[1].update(quotes)
    days = [d for d in (a.first_day, a.last_day, b.first_day, b.last_day) if d is not None]
    a.first_day, a.last_day = (min(days), max(days)) if days else (None, None)
    a.speakers |= b.speakers


def cluster(
    members: Sequence[Member], edges: Sequence[tuple[int, int]], window: int
) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """Clusters of node indices (each sorted) and the edges that were accepted, in `edges` order."""
    owner = list(range(len(members)))
    clusters = {
        i: _Cluster(
            nodes=[i],
            docs={m.doc_id: (m.root, {m.quote_id})},
            first_day=m.day,
            last_day=m.day,
            speakers={m.speaker_key} if m.speaker_key else set(),
        )
        for i, m in enumerate(members)
    }
    accepted: list[tuple[int, int]] = []
    for i, j in edges:
        ci, cj = owner[i], owner[j]
        if ci == cj or not _can_merge(clusters[ci], clusters[cj], window):
            continue
        if len(clusters[ci].nodes) < len(clusters[cj].nodes):
            ci, cj = cj, ci
        _merge_into(clusters[ci], clusters[cj])
        for node in clusters.pop(cj).nodes:
            owner[node] = ci
        accepted.append((i, j))
    return [sorted(c.nodes) for c in clusters.values()], accepted
