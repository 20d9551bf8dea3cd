"""Group the renderings of one original statement across documents.

quotes -> sentence/clause units -> candidate pairs (blocking) -> verified, scored pairs with the
overlapping span of each side -> one node per distinct span of a unit -> constrained clustering ->
`Group` records with deterministic ids.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tqdm.auto import tqdm

from drift.align.blocking import WINDOW_DAYS, candidate_pairs, pair_allowed
from drift.align.clustering import Member, cluster
from drift.align.normalize import norm_key
from drift.align.similarity import (
    MIN_COVERAGE,
    MIN_DICE,
    ChrF,
    embedding_score,
    lexical_score,
    overlap,
)
from drift.align.terms import term_pairs, term_similarity
from drift.align.units import Unit, build_units
from drift.embed import Embedder
from drift.records import Group, Quote, Rendering

logger = logging.getLogger("drift.align")

ACCEPT = 0.5  # pair similarity from which two renderings are taken as one statement
TERM_ACCEPT = 0.4  # the same for term quotes, judged by their sentences
NODE_OVERLAP = 0.5  # two matched spans of one unit sharing this much are one node


@dataclass(frozen=True)
class Edge:
    """A verified pair: units i < j, their similarity and the matched token range of each."""

    score: float
    i: int
    j: int
    span_i: tuple[int, int]  # first and last token index, inclusive
    span_j: tuple[int, int]


def _full(unit: Unit) -> tuple[int, int]:
    return (0, len(unit.tokens) - 1)


def _copy_edges(units: Sequence[Unit], statements: Sequence[int]) -> list[Edge]:
    """Units with the same normalized words in different documents: shared wire copy."""
    first: dict[str, int] = {}
    edges = []
    for i in statements:
        origin = first.setdefault(units[i].key, i)
        if origin != i and pair_allowed(units[origin], units[i]):
            edges.append(Edge(1.0, origin, i, _full(units[origin]), _full(units[i])))
    return edges


def _lexical_edges(
    units: Sequence[Unit],
    pairs: Sequence[tuple[int, int]],
    embedder: Embedder | None,
    progress: bool,
) -> list[Edge]:
    """Score candidate pairs on their overlapping spans; keep those above the threshold."""
    chrf = ChrF()
    kept: list[tuple[int, int, tuple[int, int], tuple[int, int], float]] = []
    for i, j in tqdm(pairs, desc="align", unit="pair", disable=not progress):
        a, b = units[i], units[j]
        if a.key == b.key:
            continue  # copies are linked separately
        found = overlap(a.tokens, b.tokens)
        if found is None or found.dice < MIN_DICE or found.coverage < MIN_COVERAGE:
            continue
        need = min(2, sum(t.is_content for t in min(a.tokens, b.tokens, key=len)))
        if found.matched_content < max(1, need):
            continue
        span_a, span_b = (found.a_first, found.a_last), (found.b_first, found.b_last)
        chrf_value = chrf(_span_text(a, span_a), _span_text(b, span_b))
        kept.append((i, j, span_a, span_b, lexical_score(found.dice, chrf_value)))
    if embedder is not None and kept:
        texts = sorted(
            {_span_text(units[i], s) for i, _, s, _, _ in kept}
            | {_span_text(units[j], s) for _, j, _, s, _ in kept}
        )
        vectors = dict(zip(texts, embedder.encode(texts), strict=True))
        kept = [
            (
                i,
                j,
                sa,
                sb,
                0.5 * lex
                + 0.5
                * embedding_score(
                    float(vectors[_span_text(units[i], sa)] @ vectors[_span_text(units[j], sb)])
                ),
            )
            for i, j, sa, sb, lex in kept
        ]
    return [Edge(round(s, 6), i, j, sa, sb) for i, j, sa, sb, s in kept if s >= ACCEPT]


def _term_edges(units: Sequence[Unit], terms: Sequence[int]) -> list[Edge]:
    """Term pairs whose sentences say the same thing."""
    edges = []
    for i, j in term_pairs(units, terms):
        score = term_similarity(units[i], units[j])
        if score >= TERM_ACCEPT:
            edges.append(Edge(round(score, 6), i, j, _full(units[i]), _full(units[j])))
    return edges


def _span_text(unit: Unit, span: tuple[int, int]) -> str:
    return unit.rendering.text[unit.tokens[span[0]].start : unit.tokens[span[1]].end]


def _nodes(
    units: Sequence[Unit], edges: Sequence[Edge]
) -> tuple[list[tuple[int, tuple[int, int]]], list[tuple[int, int]]]:
    """Split each unit into nodes by its matched spans; edges rewritten as node pairs."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for e in edges:
        spans.setdefault(e.i, []).append(e.span_i)
        spans.setdefault(e.j, []).append(e.span_j)
    nodes: list[tuple[int, tuple[int, int]]] = []
    where: dict[tuple[int, tuple[int, int]], int] = {}
    for unit in sorted(spans):
        merged: list[tuple[tuple[int, int], list[tuple[int, int]]]] = []
        for first, last in sorted(set(spans[unit])):
            if merged:
                (m_first, m_last), members = merged[-1]
                shared = min(last, m_last) - first + 1
                if shared >= NODE_OVERLAP * min(last - first + 1, m_last - m_first + 1):
                    merged[-1] = ((m_first, max(m_last, last)), [*members, (first, last)])
                    continue
            merged.append(((first, last), [(first, last)]))
        for union, members in merged:
            for span in members:
                where[(unit, span)] = len(nodes)
            nodes.append((unit, union))
    pairs = [(where[(e.i, e.span_i)], where[(e.j, e.span_j)]) for e in edges]
    return nodes, pairs


def _quote_order(quote_id: str) -> tuple[str, int, str]:
    """Sort key for "{doc_id}:{n}" ids: document, then n as a number."""
    doc, _, n = quote_id.rpartition(":")
    return (doc, int(n), "") if n.isdigit() else (quote_id, -1, quote_id)


def _rendering(unit: Unit, span: tuple[int, int]) -> Rendering:
    """The unit's rendering cut to the matched token span; offsets stay inside the quote text."""
    base = unit.rendering
    start = base.start + unit.tokens[span[0]].start
    end = base.start + unit.tokens[span[1]].end
    if span == _full(unit):
        start, end = base.start, base.end  # keep the sentence whole, closing punctuation included
    return replace(base, text=unit.quote_text[start:end], start=start, end=end)


def _mark_copies(
    renderings: list[tuple[Unit, Rendering]], units_order: dict[int, int]
) -> list[Rendering]:
    """Set `copy_of` on renderings identical (after normalization) to an earlier one."""
    seen: dict[str, str] = {}
    ordered = sorted(
        range(len(renderings)),
        key=lambda k: (renderings[k][0].day is None, renderings[k][0].day or 0, units_order[k]),
    )
    marked = [r for _, r in renderings]
    for k in ordered:
        unit, rendering = renderings[k]
        # whole sentences must match: a fragment equal to part of a sentence is no reprint,
        # and one word alike is no wire copy unless the sentence around it is alike too
        key = f"{unit.key}\n{norm_key(unit.context)}" if unit.is_term else unit.key
        if norm_key(rendering.text) != norm_key(unit.rendering.text):
            continue
        origin = seen.setdefault(key, rendering.quote_id)
        if origin != rendering.quote_id:
            marked[k] = replace(rendering, copy_of=origin)
    return marked


def _speaker(renderings: Sequence[Rendering]) -> str:
    counts = Counter(r.speaker for r in renderings if r.speaker)
    return min(counts, key=lambda s: (-counts[s], s)) if counts else ""


def group_quotes(
    quotes: Sequence[Quote], *, embedder: Embedder | None = None, progress: bool | None = None
) -> list[Group]:
    """Group renderings of one original statement across documents (only groups of >= 2 docs).

    Deterministic: the same quotes give the same groups, ids ("g001"...) and order.
    """
    if progress is None:
        progress = logger.isEnabledFor(logging.INFO)
    units = build_units(quotes)
    statements = [i for i, u in enumerate(units) if not u.is_term]
    terms = [i for i, u in enumerate(units) if u.is_term]
    pairs = candidate_pairs(units, eligible=statements)
    edges = [
        *_copy_edges(units, statements),
        *_lexical_edges(units, pairs, embedder, progress),
        *_term_edges(units, terms),
    ]
    edges.sort(key=lambda e: (-e.score, e.i, e.j, e.span_i, e.span_j))
    nodes, node_pairs = _nodes(units, edges)
    members = [
        Member(
            units[u].rendering.doc_id,
            units[u].rendering.quote_id,
            units[u].root,
            units[u].day,
            units[u].speaker_key,
        )
        for u, _ in nodes
    ]
    clusters, accepted = cluster(members, node_pairs, WINDOW_DAYS)
    score = {}
    for pair, edge in zip(node_pairs, edges, strict=True):
        score.setdefault(pair, edge.score)
    owner = {node: c for c, nodes_of in enumerate(clusters) for node in nodes_of}
    edge_scores: dict[int, list[float]] = {}
    for pair in accepted:
        edge_scores.setdefault(owner[pair[0]], []).append(score[pair])
    built = []
    for c, node_ids in enumerate(clusters):
        if len({units[nodes[n][0]].rendering.doc_id for n in node_ids}) < 2:
            continue
        parts = [
            (units[nodes[n][0]], _rendering(units[nodes[n][0]], nodes[n][1])) for n in node_ids
        ]
        order = {k: nodes[n][0] for k, n in enumerate(node_ids)}
        renderings = sorted(
            _mark_copies(parts, order), key=lambda r: (_quote_order(r.quote_id), r.start, r.end)
        )
        confidence = sum(edge_scores[c]) / len(edge_scores[c])
        built.append((renderings, min(1.0, max(0.0, confidence))))
    built.sort(key=lambda g: [(_quote_order(r.quote_id), r.start, r.end) for r in g[0]])
    width = max(3, len(str(len(built))))
    return [
        Group(
            group_id=f"g{n:0{width}d}",
            renderings=tuple(renderings),
            confidence=round(confidence, 4),
            speaker=_speaker(renderings),
            kind=renderings[0].kind,
        )
        for n, (renderings, confidence) in enumerate(built, start=1)
    ]
