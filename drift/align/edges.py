"""Evidence that two units render one statement: wire copies, lexical overlap, term contexts.

Each edge carries its score, the matched token span of each side, and whether it is strong: a
copy or a near-verbatim retelling, which links renderings whatever their dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tqdm.auto import tqdm

from drift.align.blocking import dates_compatible, pair_allowed
from drift.align.similarity import (
    MIN_COVERAGE,
    MIN_DICE,
    ChrF,
    embedding_score,
    lexical_score,
    overlap,
)
from drift.align.terms import term_pairs, term_similarity
from drift.align.units import Unit
from drift.embed import Embedder

ACCEPT = 0.5  # pair similarity from which two renderings are taken as one statement
TERM_ACCEPT = 0.4  # the same for term quotes, judged by their sentences
NEAR_VERBATIM = 0.8  # lexical similarity of a retelling that needs no date to be believed
NEAR_VERBATIM_DICE = 0.75  # ... with this much of its words matched
# e5 cosine from which two English renderings sharing few words translate one sentence; on the
# "tune" rows of benchmarks/grouping, 112 of 114 candidate pairs above it were one statement.
PARAPHRASE_COSINE = 0.90
# ... and from which they are believed whatever their dates (a retelling years later): on the
# "tune" rows, 130 of 133 speaker-compatible rendering pairs above it were one statement.
STRONG_PARAPHRASE = 0.93


# a pair worth scoring: units i < j, the matched span of each, lexical score, near-verbatim
Kept = tuple[int, int, tuple[int, int], tuple[int, int], float, bool]


@dataclass(frozen=True)
class Edge:
    """A verified pair: units i < j, their similarity and the matched token range of each."""

    score: float
    i: int
    j: int
    span_i: tuple[int, int]  # first and last token index, inclusive
    span_j: tuple[int, int]
    strong: bool = False  # a copy, a near-verbatim retelling or one original: dates do not bind


def full_span(unit: Unit) -> tuple[int, int]:
    """The token range of the whole unit."""
    return (0, len(unit.tokens) - 1)


def span_text(unit: Unit, span: tuple[int, int]) -> str:
    """The unit's text from the first to the last token of `span`."""
    return unit.rendering.text[unit.tokens[span[0]].start : unit.tokens[span[1]].end]


def copy_edges(units: Sequence[Unit], statements: Sequence[int]) -> list[Edge]:
    """Units with the same normalized words in different documents: shared wire copy.

    Each copy links to the first earlier copy it may share a group with, so a copy credited to
    another speaker first does not cut the later ones off (and the edges of one speaker's copies
    do not depend on other speakers' quotes, which the Ray engine's partitions rely on)."""
    earlier: dict[str, list[int]] = {}
    edges = []
    for i in statements:
        seen = earlier.setdefault(units[i].key, [])
        origin = next((o for o in seen if pair_allowed(units[o], units[i], None)), None)
        seen.append(i)
        if origin is not None:
            a, b = units[origin], units[i]
            edges.append(Edge(1.0, origin, i, full_span(a), full_span(b), strong=True))
    return edges


def lexical_edges(
    units: Sequence[Unit],
    pairs: Sequence[tuple[int, int]],
    embedder: Embedder | None,
    progress: bool,
    window: int,
    tried: dict[int, float] | None = None,
) -> list[Edge]:
    """Score candidate pairs on their overlapping spans; keep those above the threshold.

    A pair outside the date window is kept only when it is near-verbatim. `tried` collects the
    best score each unit reached, kept or not (negative when it was outside the window), to
    explain the renderings left alone.
    """
    chrf = ChrF()
    kept: list[Kept] = []
    loose: list[tuple[int, int]] = []  # too few words alike: a paraphrase, if e5 says so
    tried = {} if tried is None else tried
    for i, j in tqdm(pairs, desc="align", unit="pair", disable=not progress):
        a, b = units[i], units[j]
        if a.key == b.key:
            continue  # copies are linked separately
        found = overlap(a.tokens, b.tokens)
        if found is None or found.dice < MIN_DICE or found.coverage < MIN_COVERAGE:
            loose.append((i, j))
            continue
        need = min(2, sum(t.is_content for t in min(a.tokens, b.tokens, key=len)))
        if found.matched_content < max(1, need):
            loose.append((i, j))
            continue
        span_a, span_b = (found.a_first, found.a_last), (found.b_first, found.b_last)
        lexical = lexical_score(found.dice, chrf(span_text(a, span_a), span_text(b, span_b)))
        strong = lexical >= NEAR_VERBATIM and found.dice >= NEAR_VERBATIM_DICE
        in_window = dates_compatible(a.days, b.days, window)
        for unit in (i, j):
            # a similar rendering outside the window counts as "too far", not "too different"
            seen = lexical if in_window or strong else -lexical
            tried[unit] = max(tried.get(unit, seen), seen, key=abs)
        if strong or in_window:
            kept.append((i, j, span_a, span_b, lexical, strong))
        else:
            loose.append((i, j))
    if embedder is not None and kept:
        kept = _with_embeddings(units, kept, embedder)
    edges = [
        Edge(round(s, 6), i, j, sa, sb, strong)
        for i, j, sa, sb, s, strong in kept
        if s >= ACCEPT or strong
    ]
    loose.extend((i, j) for i, j, _, _, s, strong in kept if s < ACCEPT and not strong)
    if embedder is not None:
        edges.extend(paraphrase_edges(units, sorted(loose), embedder, window, tried))
    return edges


def _side_text(unit: Unit, span: tuple[int, int]) -> str:
    """What e5 reads for one side of a pair: the whole rendering when the span covers it (the
    vector neighbour search already made; edge punctuation moves a cosine by ~0.003 on the
    1,000-article benchmark), else the span's words."""
    return unit.rendering.text if span == full_span(unit) else span_text(unit, span)


def _with_embeddings(units: Sequence[Unit], kept: list[Kept], embedder: Embedder) -> list[Kept]:
    """Kept pairs scored half on words, half on e5, and made strong when e5 finds them
    near-identical.

    A near-verbatim pair is strong already and e5 has nothing to add: its e5 score is taken as
    full (1.0), as it is for 99.3% of such pairs of the 1,000-article benchmark (span cosine
    >= 0.95, where `embedding_score` saturates). Only the other pairs are embedded: 435 new
    texts there instead of 4,878 spans."""
    todo = [k for k in kept if not k[5]]
    texts = sorted(
        {_side_text(units[i], sa) for i, _, sa, _, _, _ in todo}
        | {_side_text(units[j], sb) for _, j, _, sb, _, _ in todo}
    )
    vectors = dict(zip(texts, embedder.encode(texts), strict=True)) if texts else {}
    out = []
    for i, j, sa, sb, lexical, strong in kept:
        cosine = 1.0
        if not strong:
            a, b = vectors[_side_text(units[i], sa)], vectors[_side_text(units[j], sb)]
            cosine = float(a @ b)
        score = 0.5 * lexical + 0.5 * embedding_score(cosine)
        out.append((i, j, sa, sb, score, strong or cosine >= STRONG_PARAPHRASE))
    return out


def paraphrase_edges(
    units: Sequence[Unit],
    pairs: Sequence[tuple[int, int]],
    embedder: Embedder,
    window: int,
    tried: dict[int, float],
) -> list[Edge]:
    """Candidate pairs with few words alike that e5 still finds near-identical in meaning
    (two translations of one sentence): weak edges bound by the date window, strong ones (a
    retelling years later) above `STRONG_PARAPHRASE`."""
    texts = sorted({units[k].rendering.text for pair in pairs for k in pair})
    if not texts:
        return []
    vectors = dict(zip(texts, embedder.encode(texts), strict=True))
    edges = []
    for i, j in pairs:
        cosine = float(vectors[units[i].rendering.text] @ vectors[units[j].rendering.text])
        score = embedding_score(cosine)
        strong = cosine >= STRONG_PARAPHRASE
        in_window = dates_compatible(units[i].days, units[j].days, window)
        seen = score if in_window or strong else -score
        for unit in (i, j):
            tried[unit] = max(tried.get(unit, seen), seen, key=abs)
        if strong or (in_window and cosine >= PARAPHRASE_COSINE):
            span_i, span_j = full_span(units[i]), full_span(units[j])
            edges.append(Edge(round(score, 6), i, j, span_i, span_j, strong=strong))
    return edges


def term_edges(units: Sequence[Unit], terms: Sequence[int]) -> list[Edge]:
    """Term pairs whose sentences say the same thing."""
    edges = []
    for i, j in term_pairs(units, terms):
        score = term_similarity(units[i], units[j])
        if score >= TERM_ACCEPT:
            edges.append(Edge(round(score, 6), i, j, full_span(units[i]), full_span(units[j])))
    return edges
