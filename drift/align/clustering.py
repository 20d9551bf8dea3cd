"""Greedy single-link clustering under cannot-link rules (documents, dates, speakers, originals).

Edges are taken strongest first; two clusters merge only if the result still holds at most one
rendering per document (fragments of one statement excepted, and rival wordings that one page
sets side by side when strong evidence joins them), one speaker and at most one original
sentence. Dates bind weak evidence only: a weak edge joins two renderings when the dates of the
renderings weakly linked to each ("an era") still fit one window; a strong edge (a copy, a
near-verbatim retelling, one original sentence) joins renderings years apart, each keeping its
era. The result depends only on the edge order, which callers make total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from drift.align.units import speakers_compatible

Bounds = tuple[int | None, int | None]  # latest first day and earliest last day of an era


@dataclass(frozen=True)
class Member:
    """What the rules need to know about one node of the graph."""

    doc_id: str
    quote_id: str
    root: str  # statement root: quotes of one document may share a group only with one root
    days: tuple[int, int] | None
    speaker_key: str
    anchor: str = ""  # the original sentence this node renders, "" when none is known


@dataclass
class _Cluster:
    nodes: list[int]
    docs: dict[str, tuple[str, set[str]]]  # doc_id -> (root, quote_ids)
    speakers: set[str] = field(default_factory=set)
    anchors: set[str] = field(default_factory=set)


def _combine(a: Bounds, b: Bounds) -> Bounds:
    firsts = [d for d in (a[0], b[0]) if d is not None]
    lasts = [d for d in (a[1], b[1]) if d is not None]
    return (max(firsts) if firsts else None, min(lasts) if lasts else None)


def _fits(bounds: Bounds, window: int) -> bool:
    return bounds[0] is None or bounds[1] is None or bounds[0] - bounds[1] <= window


def _can_merge(a: _Cluster, b: _Cluster, rival: str = "", strong: bool = False) -> bool:
    """Whether `a` and `b` may form one cluster; `rival` names the document whose two quotes a
    strong edge joins directly (a page that compares two translations of one sentence). Two
    quotes of one page that both render one original sentence (strong evidence on each side)
    may share a cluster too."""
    if a.anchors and b.anchors and a.anchors != b.anchors:
        return False
    one_sentence = strong and bool(a.anchors) and a.anchors == b.anchors
    for doc, (root, quotes) in b.docs.items():
        other = a.docs.get(doc)
        if other is None:
            continue
        if other[1] & quotes or (other[0] != root and doc != rival and not one_sentence):
            return False
    return all(speakers_compatible(x, y) for x in a.speakers for y in b.speakers)


def _merge_into(a: _Cluster, b: _Cluster) -> None:
    a.nodes.extend(b.nodes)
    for doc, (root, quotes) in b.docs.items():
        a.docs.setdefault(doc, (root, set()))[1].update(quotes)
    a.speakers |= b.speakers
    a.anchors |= b.anchors


class _Eras:
    """Union-find over nodes: nodes linked by evidence that dates must bind share one era."""

    def __init__(self, members: Sequence[Member]) -> None:
        self.parent = list(range(len(members)))
        self.bounds: dict[int, Bounds] = {
            i: (m.days[0], m.days[1]) if m.days else (None, None) for i, m in enumerate(members)
        }

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def joined(self, i: int, j: int) -> Bounds:
        return _combine(self.bounds[self.find(i)], self.bounds[self.find(j)])

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.bounds[ri] = _combine(self.bounds[ri], self.bounds.pop(rj))
            self.parent[rj] = ri


def cluster(
    members: Sequence[Member],
    edges: Sequence[tuple[int, int]],
    window: int,
    strong: Sequence[bool] | None = None,
) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """Clusters of node indices (each sorted) and the edges that were accepted, in `edges` order."""
    owner = list(range(len(members)))
    clusters = {
        i: _Cluster(
            nodes=[i],
            docs={m.doc_id: (m.root, {m.quote_id})},
            speakers={m.speaker_key} if m.speaker_key else set(),
            anchors={m.anchor} if m.anchor else set(),
        )
        for i, m in enumerate(members)
    }
    eras = _Eras(members)
    accepted: list[tuple[int, int]] = []
    for k, (i, j) in enumerate(edges):
        ci, cj = owner[i], owner[j]
        is_strong = bool(strong and strong[k])
        same_doc = members[i].doc_id == members[j].doc_id and members[i].root != members[j].root
        rival = members[i].doc_id if same_doc and is_strong else ""
        if ci == cj or (same_doc and not is_strong):
            continue
        if not _can_merge(clusters[ci], clusters[cj], rival, is_strong):
            continue
        in_window = _fits(eras.joined(i, j), window)
        if not in_window and not is_strong:
            continue
        if in_window:
            eras.union(i, j)
        if len(clusters[ci].nodes) < len(clusters[cj].nodes):
            ci, cj = cj, ci
        _merge_into(clusters[ci], clusters[cj])
        for node in clusters.pop(cj).nodes:
            owner[node] = ci
        accepted.append((i, j))
    return [sorted(c.nodes) for c in clusters.values()], accepted
