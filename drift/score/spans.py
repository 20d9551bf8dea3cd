"""Drift of each divergent span: do the two renderings' words mean the same thing?

For a substitution (span_a -> span_b) three similarities in [0, 1] are combined:

    s_lex  source-language lemma agreement: the share of each span's content words whose lexicon
           candidates or back-translation lemmas meet the other span's (mean of both directions);
    s_emb  e5 similarity, word by word (BERTScore-style greedy F1 of cosines), of the English
           content words and of the back-translation lemmas, each rescaled from
           [cos_floor, cos_ceil] to [0, 1], then averaged;
    s_en   sacrebleu chrF of the English spans (mean of both directions).

    drift = m * (1 - (w_lex*s_lex + w_emb*s_emb + w_en*s_en) / (w_lex + w_emb + w_en))

where a missing similarity (no embedder, no candidates) drops out of both sums, and m is 1 when
either span holds a content word, `function_weight` otherwise. An insertion or omission scores

    drift = gap_weight * m * (1 - share of the span's content lemmas found in the other rendering)

so a dropped "multipolar" is high-ish, a dropped "the" or a moved phrase low.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from drift.embed import Embedder
from drift.records import Divergence, Original, ScoredDivergence
from drift.score.batch import BackFn, back_translate, embed, lang_of, stack
from drift.score.candidates import Candidates, GlossLexicon
from drift.score.lemmas import Lemmatizer
from drift.score.metrics import ChrF, coverage, rescale, soft_match
from drift.score.originals import faithful_side
from drift.score.settings import ScoreSettings
from drift.score.views import SpanView, view_span


def substitution_drift(
    a: SpanView,
    b: SpanView,
    vectors: Mapping[str, np.ndarray],
    chrf: ChrF,
    settings: ScoreSettings,
) -> float:
    """Drift between two spans that replace each other (formula in the module docstring)."""
    evidence: list[tuple[float, float]] = [(settings.w_en, chrf(a.text, b.text, "en"))]
    if a.units and b.units:
        lex = (coverage(a.units, b.pool) + coverage(b.units, a.pool)) / 2
        evidence.append((settings.w_lex, lex))
    emb = [
        rescale(soft_match(stack(x, vectors), stack(y, vectors)), settings)
        for x, y in ((a.en_words, b.en_words), (a.src_words, b.src_words))
        if stack(x, vectors).shape[0] and stack(y, vectors).shape[0]
    ]
    if emb:
        evidence.append((settings.w_emb, sum(emb) / len(emb)))
    similarity = sum(w * s for w, s in evidence) / sum(w for w, _ in evidence)
    mass = 1.0 if a.content or b.content else settings.function_weight
    return float(np.clip(mass * (1.0 - similarity), 0.0, 1.0))


def gap_drift(
    span: SpanView,
    other_context: str,
    lem: Lemmatizer,
    settings: ScoreSettings,
    other_units: Sequence[frozenset[str]] = (),
) -> float:
    """Drift of a span only one rendering has, discounted when its words appear elsewhere.

    Elsewhere is the other side's whole quote: its English lemmas, and its lexicon candidates
    (so "as a result of this stage" finds "phase" through этап when the other quote moved it).
    """
    if not span.content:
        return settings.gap_weight * settings.function_weight
    elsewhere = set(lem.content(other_context, "en"))
    pool = frozenset().union(*other_units) if other_units else frozenset()
    found = [w in elsewhere for w in span.en_words]
    if span.units and pool:
        found_units = [bool(unit & pool) for unit in span.units]
        share = max(sum(found) / len(found), sum(found_units) / len(found_units))
    else:
        share = sum(found) / len(found)
    return float(np.clip(settings.gap_weight * (1.0 - share), 0.0, 1.0))


def score_divergences(
    divergences: Sequence[Divergence],
    *,
    source_lang: Mapping[str, str],
    back: BackFn,
    embedder: Embedder | None,
    originals: Mapping[str, Original] = {},
    settings: ScoreSettings = ScoreSettings(),  # noqa: B008 - frozen
    lexicons: Mapping[str, GlossLexicon] | None = None,
    quotes: Mapping[str, str] = {},
) -> list[ScoredDivergence]:
    """Score and rank divergences: rank 1 is the largest drift; ties break on ids and spans.

    `quotes` (quote_id -> whole quote text) widens "elsewhere" for insertions and omissions to the
    other side's whole quote, not just the clause it was aligned on.
    """
    lem, chrf = Lemmatizer(), ChrF(settings)
    cands = Candidates(lem, lexicons)
    langs = [lang_of(source_lang, d.group_id) for d in divergences]
    backs = back_translate(
        (
            (lang, s)
            for d, lang in zip(divergences, langs, strict=True)
            for s in (d.span_a, d.span_b)
        ),
        back,
    )

    def view(span: str, context: str, lang: str) -> SpanView:
        found = backs.get((lang, span))
        return view_span(span, context, found.text if found else "", lang, lem, cands)

    views = [
        (view(d.span_a, d.context_a, lang), view(d.span_b, d.context_b, lang))
        for d, lang in zip(divergences, langs, strict=True)
    ]
    original_words = {
        gid: lem.content(o.text, lang_of(source_lang, gid)) for gid, o in originals.items()
    }
    vectors = embed(
        [w for a, b in views for v in (a, b) for w in (*v.en_words, *v.src_words)]
        + [w for words in original_words.values() for w in words],
        embedder,
    )
    scored = []
    for d, (a, b) in zip(divergences, views, strict=True):
        if d.span_a.strip() and d.span_b.strip():
            drift = substitution_drift(a, b, vectors, chrf, settings)
        elif d.span_a.strip():
            other = quotes.get(d.quote_b, d.context_b)
            drift = gap_drift(
                a, other, lem, settings, cands.units(other, other, lang_of(source_lang, d.group_id))
            )
        else:
            other = quotes.get(d.quote_a, d.context_a)
            drift = gap_drift(
                b, other, lem, settings, cands.units(other, other, lang_of(source_lang, d.group_id))
            )
        original = originals.get(d.group_id)
        faithful = (
            faithful_side(a, b, original, original_words[d.group_id], vectors, settings)
            if original is not None
            else ""
        )
        scored.append(ScoredDivergence(d, a.back, b.back, drift, faithful=faithful))
    return rank(scored)


def rank(scored: Sequence[ScoredDivergence]) -> list[ScoredDivergence]:
    """Sort by drift (largest first) with deterministic tie-breaks, numbering ranks 1..n."""
    order = sorted(
        scored,
        key=lambda s: (
            -round(s.drift, 9),
            s.divergence.group_id,
            s.divergence.quote_a,
            s.divergence.quote_b,
            s.divergence.span_a,
            s.divergence.span_b,
        ),
    )
    return [
        ScoredDivergence(s.divergence, s.back_a, s.back_b, s.drift, rank=i, faithful=s.faithful)
        for i, s in enumerate(order, start=1)
    ]
