"""Group the renderings of one original statement across documents.

quotes -> sentence/clause units -> candidate pairs (blocking) -> verified, scored pairs with the
overlapping span of each side (plus links to original sentences, when originals are given) -> one
node per distinct span of a unit -> constrained clustering -> `Group` records with deterministic
ids, and the quotes left alone with the reason.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from drift.align.anchoring import Bridge, Link, link_units
from drift.align.blocking import WINDOW_DAYS, KeyCounts, candidate_pairs
from drift.align.clustering import Member, cluster
from drift.align.edges import (
    Edge,
    copy_edges,
    full_span,
    lexical_edges,
    term_edges,
)
from drift.align.normalize import norm_key
from drift.align.singletons import Unmatched, unmatched_quotes
from drift.align.statements import statement_ids
from drift.align.units import Unit, build_units
from drift.embed import Embedder
from drift.records import Group, Original, Quote, Rendering

logger = logging.getLogger("drift.align")

MIN_WORDED = 2  # content words (or more words) from which a term is also compared as a sentence
NODE_OVERLAP = 0.5  # two matched spans of one unit sharing this much are one node


@dataclass(frozen=True)
class Alignment:
    """Groups, the quotes that joined none, and the original each anchored group renders."""

    groups: tuple[Group, ...]
    unmatched: tuple[Unmatched, ...] = ()
    originals: Mapping[str, str] = field(default_factory=dict)  # group_id -> original_id


def _anchor_edges(units: Sequence[Unit], links: Mapping[int, Link]) -> list[Edge]:
    """All sentence units linked to one original sentence, joined to the first of them (strong
    edges). A quoted term's link names its group's original but joins nothing: one word is too
    little to put it beside whole sentences."""
    by_sentence: dict[str, list[int]] = {}
    for i in sorted(i for i in links if not units[i].is_term):
        by_sentence.setdefault(links[i].sentence.key, []).append(i)
    edges = []
    for members in by_sentence.values():
        first = members[0]
        for other in members[1:]:
            score = round((links[first].score + links[other].score) / 2, 6)
            span_a, span_b = full_span(units[first]), full_span(units[other])
            edges.append(Edge(score, first, other, span_a, span_b, strong=True))
    return edges


def _specific(units: Sequence[Unit], edges: Sequence[Edge]) -> list[Edge]:
    """English evidence that says which statement two quotes share: a sentence with fewer than
    `MIN_WORDED` content words inside a longer quote ("What can I say? Let them try.") is said
    by anyone on any day, so alone it joins nothing; it joins the group of its quote's longer
    sentences (quotes that a longer sentence also links). A short quote on its own ("It sank.")
    is the statement, and links as any."""
    parts = Counter(u.rendering.quote_id for u in units)

    def bare(k: int) -> bool:
        unit = units[k]
        short = not unit.is_term and unit.content_words < MIN_WORDED
        return short and parts[unit.rendering.quote_id] > 1

    linked = {
        frozenset((units[e.i].root, units[e.j].root))
        for e in edges
        if not bare(e.i) and not bare(e.j)
    }
    return [
        e
        for e in edges
        if not (bare(e.i) or bare(e.j)) or frozenset((units[e.i].root, units[e.j].root)) in linked
    ]


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
    if span == full_span(unit):
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


def align_groups(
    quotes: Sequence[Quote],
    *,
    embedder: Embedder | None = None,
    originals: Sequence[Original] = (),
    bridge: Bridge | None = None,
    progress: bool | None = None,
    counts: KeyCounts | None = None,
) -> Alignment:
    """Group renderings of one statement across documents (groups of >= 2 quotes), list the
    quotes left alone, and name the original each anchored group renders.

    Deterministic: the same quotes give the same groups, ids ("g001"...) and order. `counts`
    (`key_counts` of a whole run) make a part of the run weigh words as the whole run does.
    """
    if progress is None:
        progress = logger.isEnabledFor(logging.INFO)
    units = build_units(quotes)
    statements = [i for i, u in enumerate(units) if not u.is_term]
    terms = [i for i, u in enumerate(units) if u.is_term]
    worded = _worded(units)
    pairs = candidate_pairs(units, eligible=worded, counts=counts)  # e5 neighbours: edges.py
    links = link_units(units, originals, embedder=embedder, bridge=bridge) if originals else {}
    tried: dict[int, float] = {}
    edges = [
        *_anchor_edges(units, links),
        *_specific(
            units,
            [
                *copy_edges(units, statements),
                *lexical_edges(units, pairs, embedder, progress, WINDOW_DAYS, tried, worded),
            ],
        ),
        *term_edges(units, terms),
    ]
    edges.sort(key=lambda e: (-e.score, e.i, e.j, e.span_i, e.span_j))
    nodes, node_pairs = _nodes(units, edges)
    members = [
        Member(
            units[u].rendering.doc_id,
            units[u].rendering.quote_id,
            units[u].root,
            units[u].days,
            units[u].speaker_key,
            links[u].sentence.key if u in links else "",
        )
        for u, _ in nodes
    ]
    clusters, accepted = cluster(members, node_pairs, WINDOW_DAYS, [e.strong for e in edges])
    score = {}
    for pair, edge in zip(node_pairs, edges, strict=True):
        score.setdefault(pair, edge.score)
    owner = {node: c for c, nodes_of in enumerate(clusters) for node in nodes_of}
    edge_scores: dict[int, list[float]] = {}
    for pair in accepted:
        edge_scores.setdefault(owner[pair[0]], []).append(score[pair])
    built = []
    for c, node_ids in enumerate(clusters):
        if len({units[nodes[n][0]].root for n in node_ids}) < 2:
            continue  # one quote's fragments alone: no second rendering (one page may hold two)
        parts = [
            (units[nodes[n][0]], _rendering(units[nodes[n][0]], nodes[n][1])) for n in node_ids
        ]
        order = {k: nodes[n][0] for k, n in enumerate(node_ids)}
        renderings = sorted(
            _mark_copies(parts, order), key=lambda r: (_quote_order(r.quote_id), r.start, r.end)
        )
        confidence = sum(edge_scores[c]) / len(edge_scores[c])
        anchor = sorted(
            {
                links[nodes[n][0]].sentence.original.original_id
                for n in node_ids
                if nodes[n][0] in links
            }
        )
        roots = frozenset(units[nodes[n][0]].root for n in node_ids)
        built.append((renderings, min(1.0, max(0.0, confidence)), anchor, roots))
    built.sort(key=lambda g: [(_quote_order(r.quote_id), r.start, r.end) for r in g[0]])
    width = max(3, len(str(len(built))))
    statements = statement_ids([b[3] for b in built])
    groups = []
    matched: dict[str, str] = {}
    for n, (renderings, confidence, anchor, _) in enumerate(built, start=1):
        speaker = _speaker(renderings)
        group_id = f"g{n:0{width}d}"
        groups.append(
            Group(
                group_id=group_id,
                renderings=tuple(replace(r, speaker=r.speaker or speaker) for r in renderings),
                confidence=round(confidence, 4),
                speaker=speaker,
                kind=renderings[0].kind,
                statement=statements[n - 1],
            )
        )
        if anchor:
            matched[group_id] = anchor[0]
    grouped = {r.quote_id for g in groups for r in g.renderings}
    linked = {k for e in edges for k in (e.i, e.j)}
    unmatched = unmatched_quotes(quotes, units, grouped, linked, tried)
    return Alignment(tuple(groups), tuple(unmatched), matched)


def _worded(units: Sequence[Unit]) -> list[int]:
    """Units compared as sentences: short phrases that still say something ("too early to
    say") are too."""
    return [
        i
        for i, u in enumerate(units)
        if not u.is_term or u.content_words >= MIN_WORDED or len(u.tokens) > MIN_WORDED
    ]


def key_counts(quotes: Sequence[Quote]) -> KeyCounts:
    """The keyword counts `align_groups` weighs candidates by; counts of parts of a run add up
    to the run's."""
    units = build_units(quotes)
    return KeyCounts.of(units, _worded(units))


def group_quotes(
    quotes: Sequence[Quote],
    *,
    embedder: Embedder | None = None,
    originals: Sequence[Original] = (),
    bridge: Bridge | None = None,
    progress: bool | None = None,
) -> list[Group]:
    """Group renderings of one original statement across documents (see `align_groups`)."""
    found = align_groups(
        quotes, embedder=embedder, originals=originals, bridge=bridge, progress=progress
    )
    return list(found.groups)


def resolved_speakers(groups: Sequence[Group]) -> dict[str, str]:
    """quote_id -> the speaker its group gives it, for quotes whose own article named nobody."""
    found: dict[str, str] = {}
    for group in groups:
        for r in group.renderings:
            if r.speaker:
                found.setdefault(r.quote_id, r.speaker)
    return found
