"""Evidence that two units render one statement: wire copies, lexical overlap, term contexts.

Each edge carries its score, the matched token span of each side, and whether it is strong: a
copy or a near-verbatim retelling, which links renderings whatever their dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from tqdm.auto import tqdm

from drift.align.blocking import dates_compatible, pair_allowed
from drift.align.neighbours import Meaning
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
# lexical similarity of two whole renderings that e5 reads as one text (`Meaning`): the
# tune figures of benchmarks/grouping are unchanged from 0.85 to 0.95 and drop at 0.8.
SAME_WORDING = 0.9
# A fragment ("It's a zero-sum game in which you die and I live") may render one clause of a
# longer sentence ("..., a zero-sum game of life and death"): at most this many tokens, against
# a rendering at least FRAGMENT_RATIO times as long, compared with each clause sharing at least
# CLAUSE_SHARED content words. On the tune rows all five clause pairs at or above
# STRONG_PARAPHRASE were one statement (the first other one sits at 0.893).
MAX_FRAGMENT = 14
FRAGMENT_RATIO = 1.5
CLAUSE_SHARED = 2
_CLAUSE = re.compile(r"[^,;:—–()]+")


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


@dataclass(frozen=True)
class Judged:
    """What the words of a candidate pair say: near-verbatim (`strong`), alike enough for e5 to
    decide (`spans` set), or too unalike (`spans` None: a paraphrase only if e5 says so)."""

    spans: tuple[tuple[int, int], tuple[int, int]] | None = None
    lexical: float = 0.0
    strong: bool = False
    in_window: bool = True


def judge(units: Sequence[Unit], i: int, j: int, chrf: ChrF, window: int) -> Judged | None:
    """The word evidence of one pair; None for copies (linked by `copy_edges`)."""
    a, b = units[i], units[j]
    if a.key == b.key:
        return None
    found = overlap(a.tokens, b.tokens)
    if found is None or found.dice < MIN_DICE or found.coverage < MIN_COVERAGE:
        return Judged()
    need = min(2, sum(t.is_content for t in min(a.tokens, b.tokens, key=len)))
    if found.matched_content < max(1, need):
        return Judged()
    span_a, span_b = (found.a_first, found.a_last), (found.b_first, found.b_last)
    lexical = lexical_score(found.dice, chrf(span_text(a, span_a), span_text(b, span_b)))
    strong = lexical >= NEAR_VERBATIM and found.dice >= NEAR_VERBATIM_DICE
    in_window = dates_compatible(a.days, b.days, window)
    return Judged((span_a, span_b), lexical, strong, in_window)


def _same_wording(units: Sequence[Unit], pair: tuple[int, int], found: Judged) -> bool:
    """Two whole renderings with the same words but for a word or two (`SAME_WORDING`): e5 may
    read one for both. A fragment and its sentence, or a looser retelling, are read apart: on
    the tune rows of benchmarks/grouping, joining every near-verbatim pair lost a paraphrase
    that only one of the two renderings was near enough to."""
    i, j = pair
    whole = found.spans == (full_span(units[i]), full_span(units[j]))
    return found.strong and whole and found.lexical >= SAME_WORDING


def lexical_edges(
    units: Sequence[Unit],
    pairs: Sequence[tuple[int, int]],
    embedder: Embedder | None,
    progress: bool,
    window: int,
    tried: dict[int, float] | None = None,
    members: Sequence[int] | None = None,
) -> list[Edge]:
    """Score candidate pairs on their overlapping spans; keep those above the threshold.

    A pair outside the date window is kept only when it is near-verbatim. `tried` collects the
    best score each unit reached, kept or not (negative when it was outside the window), to
    explain the renderings left alone. With an embedder, `members` (the units compared as
    sentences) also get e5 neighbours as candidates, and e5 reads one text per set of copies and
    same-wording renderings (`Meaning`); a weaker pair inside one such set adds nothing and is
    left out.
    """
    chrf = ChrF()
    judged = {
        (i, j): judge(units, i, j, chrf, window)
        for i, j in tqdm(pairs, desc="align", unit="pair", disable=not progress)
    }
    meaning: Meaning | None = None
    if embedder is not None and members is not None:
        statements = [i for i in members if not units[i].is_term]
        same = [p for p, found in judged.items() if found is None or _same_wording(units, p, found)]
        same += [(e.i, e.j) for e in copy_edges(units, statements)]
        meaning = Meaning.of(units, members, same, embedder)
        for i, j in meaning.search(units, PARAPHRASE_COSINE):
            if (i, j) not in judged:
                judged[(i, j)] = judge(units, i, j, chrf, window)
    kept: list[Kept] = []
    loose: list[tuple[int, int]] = []  # too few words alike: a paraphrase, if e5 says so
    tried = {} if tried is None else tried
    for (i, j), found in sorted(judged.items()):
        if found is None:
            continue  # copies are linked separately
        if found.spans is None:
            if meaning is None or not meaning.joined(i, j):
                loose.append((i, j))
            continue
        for unit in (i, j):
            # a similar rendering outside the window counts as "too far", not "too different"
            seen = found.lexical if found.in_window or found.strong else -found.lexical
            tried[unit] = max(tried.get(unit, seen), seen, key=abs)
        if meaning is not None and not found.strong and meaning.joined(i, j):
            continue
        if found.strong or found.in_window:
            kept.append((i, j, *found.spans, found.lexical, found.strong))
        else:
            loose.append((i, j))
    vectors = _Vectors(units, embedder, meaning) if embedder is not None else None
    if vectors is not None and kept:
        kept = _with_embeddings(kept, vectors)
    edges = [
        Edge(round(s, 6), i, j, sa, sb, strong)
        for i, j, sa, sb, s, strong in kept
        if s >= ACCEPT or strong
    ]
    loose.extend((i, j) for i, j, _, _, s, strong in kept if s < ACCEPT and not strong)
    if vectors is not None:
        edges.extend(paraphrase_edges(units, sorted(loose), vectors, window, tried))
    return edges


class _Vectors:
    """The e5 row a side of a pair reads as: its component's when it has one (`Meaning`), else
    the whole rendering when the span covers it (edge punctuation moves a cosine by ~0.003),
    else the span's words. Texts are embedded in one batch per `need` call."""

    def __init__(self, units: Sequence[Unit], embedder: Embedder, meaning: Meaning | None):
        self.units, self.embedder, self.meaning = units, embedder, meaning
        self.rows: dict[str, np.ndarray] = {}
        if meaning is not None:  # a unit alone was read for the neighbour search already
            self.rows.update((units[r].rendering.text, v) for r, v in meaning.vectors.items())

    def _text(self, i: int, span: tuple[int, int]) -> str | None:
        if self.meaning is not None and self.meaning.shared(i) is not None:
            return None
        unit = self.units[i]
        return unit.rendering.text if span == full_span(unit) else span_text(unit, span)

    def need(self, sides: Iterable[tuple[int, tuple[int, int]]]) -> None:
        """Embed, in one call, the texts these sides read as."""
        texts = sorted(
            {t for i, s in sides if (t := self._text(i, s)) is not None} - set(self.rows)
        )
        if texts:
            self.rows.update(zip(texts, self.embedder.encode(texts), strict=True))

    def row(self, i: int, span: tuple[int, int]) -> np.ndarray:
        text = self._text(i, span)
        if text is None:
            return self.meaning.shared(i)  # type: ignore[union-attr,return-value]
        return self.rows[text]

    def cosine(self, i: int, span_i: tuple[int, int], j: int, span_j: tuple[int, int]) -> float:
        return float(self.row(i, span_i) @ self.row(j, span_j))

    def need_texts(self, texts: Iterable[str]) -> None:
        """Embed, in one call, texts read as they are (a clause: never a component's row)."""
        todo = sorted(set(texts) - set(self.rows))
        if todo:
            self.rows.update(zip(todo, self.embedder.encode(todo), strict=True))

    def text_cosine(self, a: str, b: str) -> float:
        return float(self.rows[a] @ self.rows[b])


def _with_embeddings(kept: list[Kept], vectors: _Vectors) -> list[Kept]:
    """Kept pairs scored half on words, half on e5, and made strong when e5 finds them
    near-identical.

    A near-verbatim pair is already strong, and e5 has nothing to add: its e5 score is taken as
    full (1.0), which it is for 99.3% of such pairs of the 1,000-article benchmark (span cosine
    >= 0.95, where `embedding_score` saturates). Only the other pairs are embedded."""
    todo = [k for k in kept if not k[5]]
    vectors.need([(i, sa) for i, _, sa, _, _, _ in todo] + [(j, sb) for _, j, _, sb, _, _ in todo])
    out = []
    for i, j, sa, sb, lexical, strong in kept:
        cosine = 1.0 if strong else vectors.cosine(i, sa, j, sb)
        score = 0.5 * lexical + 0.5 * embedding_score(cosine)
        out.append((i, j, sa, sb, score, strong or cosine >= STRONG_PARAPHRASE))
    return out


def paraphrase_edges(
    units: Sequence[Unit],
    pairs: Sequence[tuple[int, int]],
    vectors: _Vectors,
    window: int,
    tried: dict[int, float],
) -> list[Edge]:
    """Candidate pairs with few words alike that e5 still finds near-identical in meaning
    (two translations of one sentence): weak edges bound by the date window, strong ones (a
    retelling years later) above `STRONG_PARAPHRASE`."""
    if not pairs:
        return []
    vectors.need((k, full_span(units[k])) for pair in pairs for k in pair)
    edges = []
    fragments = []  # in-window pairs e5 does not join whole: a fragment may render a clause
    for i, j in pairs:
        span_i, span_j = full_span(units[i]), full_span(units[j])
        cosine = vectors.cosine(i, span_i, j, span_j)
        score = embedding_score(cosine)
        strong = cosine >= STRONG_PARAPHRASE
        in_window = dates_compatible(units[i].days, units[j].days, window)
        seen = score if in_window or strong else -score
        for unit in (i, j):
            tried[unit] = max(tried.get(unit, seen), seen, key=abs)
        if strong or (in_window and cosine >= PARAPHRASE_COSINE):
            edges.append(Edge(round(score, 6), i, j, span_i, span_j, strong=strong))
        elif in_window and (found := fragment_clauses(units[i], units[j])):
            fragments.append((i, j, found))
    return edges + _clause_edges(units, fragments, vectors, tried)


def fragment_clauses(a: Unit, b: Unit) -> list[tuple[int, int]]:
    """When one unit is a fragment (`MAX_FRAGMENT` tokens) and the other `FRAGMENT_RATIO` times
    as long, the token spans of the longer one's clauses that share `CLAUSE_SHARED` content
    words with the fragment; [] otherwise. Clauses are cut at commas, semicolons, colons,
    dashes and brackets, and keep two content words or more."""
    short, long = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    if len(short.tokens) > MAX_FRAGMENT or len(long.tokens) < FRAGMENT_RATIO * len(short.tokens):
        return []
    words = {t.norm for t in short.tokens if t.is_content}
    found = []
    for clause in _CLAUSE.finditer(long.rendering.text):
        inside = [
            k
            for k, t in enumerate(long.tokens)
            if t.start >= clause.start() and t.end <= clause.end()
        ]
        content = {long.tokens[k].norm for k in inside if long.tokens[k].is_content}
        span = (inside[0], inside[-1]) if inside else full_span(long)
        if len(content) >= 2 and len(content & words) >= CLAUSE_SHARED and span != full_span(long):
            found.append(span)
    return found


def _clause_edges(
    units: Sequence[Unit],
    fragments: Sequence[tuple[int, int, list[tuple[int, int]]]],
    vectors: _Vectors,
    tried: dict[int, float],
) -> list[Edge]:
    """Weak edges (dates bind them) from a fragment to the clause of a longer rendering that e5
    finds near-identical (`STRONG_PARAPHRASE`); the edge spans that clause only."""
    texts = []
    for i, j, clauses in fragments:
        short, long = (i, j) if len(units[i].tokens) <= len(units[j].tokens) else (j, i)
        texts.append(units[short].rendering.text)
        texts.extend(span_text(units[long], c) for c in clauses)
    vectors.need_texts(texts)
    edges = []
    for i, j, clauses in fragments:
        short, long = (i, j) if len(units[i].tokens) <= len(units[j].tokens) else (j, i)
        text = units[short].rendering.text
        cosine, clause = max(
            (vectors.text_cosine(text, span_text(units[long], c)), c) for c in clauses
        )
        score = embedding_score(cosine)
        for unit in (i, j):
            tried[unit] = max(tried.get(unit, score), score, key=abs)
        if cosine >= STRONG_PARAPHRASE:
            spans = {short: full_span(units[short]), long: clause}
            edges.append(Edge(round(score, 6), i, j, spans[i], spans[j]))
    return edges


def term_edges(units: Sequence[Unit], terms: Sequence[int]) -> list[Edge]:
    """Term pairs whose sentences say the same thing."""
    edges = []
    for i, j in term_pairs(units, terms):
        score = term_similarity(units[i], units[j])
        if score >= TERM_ACCEPT:
            edges.append(Edge(round(score, 6), i, j, full_span(units[i]), full_span(units[j])))
    return edges
