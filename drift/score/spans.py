"""Drift of each divergent span: do the two renderings' words mean the same thing?

Every divergence gets a type and its evidence (`drift/score/types.py`); the drift follows from the
type. The continuous similarity of a substitution places a sense change (and a word no resource
knows) inside its band:

    s_lex  source-language lemma agreement: the share of each span's content words whose lexicon
           candidates or back-translation lemmas meet the other span's (mean of both directions);
    s_emb  e5 similarity, word by word (BERTScore-style greedy F1 of cosines), of the English
           content words and of the back-translation lemmas, each rescaled from
           [cos_floor, cos_ceil] to [0, 1], then averaged;
    s_en   sacrebleu chrF of the English spans (mean of both directions).

    similarity = (w_lex*s_lex + w_emb*s_emb + w_en*s_en) / (w_lex + w_emb + w_en)

where a missing similarity (no embedder, no candidates) drops out of both sums. An insertion or
omission is typed by what it carries (a negation, a number, a modal, a name, content) and, for
content, scores gap_weight * (1 - share of its content found elsewhere in the other rendering).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import NoReturn

import numpy as np

from drift.embed import Embedder
from drift.records import Divergence, Original, ScoredDivergence
from drift.score.batch import BackFn, back_translate, embed, lang_of, stack
from drift.score.candidates import Candidates, GlossLexicon
from drift.score.lemmas import Lemmatizer
from drift.score.links import Semantics
from drift.score.metrics import ChrF, coverage, rescale, soft_match
from drift.score.originals import faithful_side
from drift.score.settings import ScoreSettings
from drift.score.types import Side, Verdict, gap_verdict, substitution_verdict, with_sentence
from drift.score.views import SpanView, view_span

_WORD = re.compile(r"\S*\w\S*")  # a word with what sticks to it; a lone mark is not a word
TERM_WORDS = 3  # a rendering this short is a term, judged inside its quote's sentence
SETTLED_AT = (0.0, 0.5, 1.0)  # similarities at which a verdict that reads it is tried


def default_semantics(cands: Candidates | None = None) -> Semantics | None:
    """English lexical semantics (WordNet, Moby) and, with the bundled dictionaries (`cands`),
    pivot links through Russian and Chinese words (`drift.score.pivot`)."""
    from drift.lexicon.english import EnglishSemantics

    if cands is None:
        return EnglishSemantics()
    from drift.score.pivot import PivotSemantics

    return PivotSemantics(EnglishSemantics(), cands.lexicon)


def swapped_sentences(d: Divergence, sentence: str = "") -> tuple[str, str] | None:
    """Rendering a, and rendering a with span b put in place of span a: what the substitution
    alone does to the sentence, for the sentence-level e5 evidence. A term ("ironclad.") is
    swapped inside `sentence`, the quote's sentence, when that holds it."""
    if not (d.span_a.strip() and d.span_b.strip()):
        return None
    base = d.context_a
    if len(base.split()) <= TERM_WORDS and d.span_a in sentence:
        base = sentence
    at = base.find(d.span_a)
    if at < 0:
        return None
    return base, base[:at] + d.span_b + base[at + len(d.span_a) :]


def edit_window(
    d: Divergence, contexts: Mapping[str, str] = {}, width: int = 5
) -> tuple[str, str] | None:
    """The span with `width` words either side, and the same words with the divergence's edit
    made: the other span swapped in, or, for a gap, the gap's words deleted. A window rather than
    the whole rendering, so one changed word weighs the same in a long quote as in a short one.
    `contexts` (quote_id -> sentence) puts a term back in its sentence."""
    if d.span_a.strip():
        span, base, quote, other = d.span_a, d.context_a, d.quote_a, d.span_b
    elif d.span_b.strip():
        span, base, quote, other = d.span_b, d.context_b, d.quote_b, ""
    else:
        return None
    sentence = contexts.get(quote, "")
    if len(base.split()) <= TERM_WORDS and span in sentence:
        base = sentence
    at = base.find(span)
    if at < 0:
        return None
    end = at + len(span)
    left = [m.start() for m in _WORD.finditer(base, 0, at)][-width:] if width else []
    right = [m.end() for m in _WORD.finditer(base, end)][:width] if width else []
    start, stop = (left[0] if left else at), (right[-1] if right else end)
    edited = base[start:at] + other + base[end:stop]
    return base[start:stop], " ".join(edited.split())


def substitution_similarity(
    a: SpanView,
    b: SpanView,
    vectors: Mapping[str, np.ndarray],
    chrf: ChrF,
    settings: ScoreSettings,
    swap: tuple[str, str] | None = None,
) -> float:
    """Similarity in [0, 1] of two spans that replace each other (module docstring)."""
    evidence = _word_evidence(a, b, vectors, chrf, settings)
    if swap is not None and swap[0] in vectors and swap[1] in vectors:
        cosine = float(vectors[swap[0]] @ vectors[swap[1]])
        span = 1.0 - settings.sentence_floor
        evidence.append(
            (settings.w_sentence, float(np.clip((cosine - settings.sentence_floor) / span, 0, 1)))
        )
    return _combine(evidence)


def _combine(evidence: Sequence[tuple[float, float]]) -> float:
    """The weighted mean of (weight, similarity) evidence, in [0, 1]."""
    return float(np.clip(sum(w * s for w, s in evidence) / sum(w for w, _ in evidence), 0, 1))


def _word_evidence(
    a: SpanView,
    b: SpanView,
    vectors: Mapping[str, np.ndarray],
    chrf: ChrF,
    settings: ScoreSettings,
) -> list[tuple[float, float]]:
    """(weight, similarity) of the span-level evidence: chrF, lemma agreement, e5 word by word."""
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
    return evidence


class _Read(Exception):
    """A verdict read the similarity it was given."""


class _Unknown:
    """A similarity not computed yet: any use of it raises `_Read`."""

    def _read(self, *args: object) -> NoReturn:
        raise _Read

    __float__ = __int__ = __index__ = __bool__ = __round__ = __trunc__ = _read
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _read
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __pow__ = __rpow__ = _read
    __mod__ = __rmod__ = __neg__ = __pos__ = __abs__ = __hash__ = _read  # type: ignore[assignment]
    __lt__ = __le__ = __gt__ = __ge__ = __eq__ = __ne__ = _read  # type: ignore[assignment]
    __format__ = __str__ = __repr__ = __array__ = _read  # type: ignore[assignment]


def unread_verdict(
    a: Side, b: Side, lang: str, semantics: Semantics | None, settings: ScoreSettings
) -> Verdict | None:
    """The verdict of a substitution whose type and drift do not depend on its similarity (a
    number, a negation, a name, a listed synonym), or None when they may.

    The verdict is first given a similarity that raises on any use: one it returns is exactly
    what any similarity gives. One that reads it (a synonym is weighed against looser links) is
    taken when similarity 0, 0.5 and 1 all give the same verdict: the verdict's drifts fall
    linearly with the similarity and its types change at thresholds, so its ends agreeing means
    nothing changes between them. Either way the span's vectors need not be embedded."""
    try:
        verdict = substitution_verdict(a, b, _Unknown(), lang, semantics, settings)  # type: ignore[arg-type]
    except _Read:
        ends = {substitution_verdict(a, b, s, lang, semantics, settings) for s in SETTLED_AT}
        return ends.pop() if len(ends) == 1 else None
    plain = isinstance(verdict.drift, (int, float)) and isinstance(verdict.evidence, str)
    return verdict if plain else None


def present_share(
    span: SpanView,
    other_context: str,
    lem: Lemmatizer,
    other_units: Sequence[frozenset[str]] = (),
    scattered: float = 1.0,
) -> float:
    """How much of a span only one rendering has appears elsewhere in the other rendering.

    Elsewhere is the other side's whole quote: its English lemmas, and its lexicon candidates
    (so "as a result of this stage" finds "phase" through этап when the other quote moved it).
    Words found only scattered, not as the span's own run of words, count `scattered` each:
    "in your country" is not moved to "We are a multidenominational country".
    """
    if not span.content:
        return 0.0
    elsewhere = set(lem.content(other_context, "en"))
    pool = frozenset().union(*other_units) if other_units else frozenset()
    found = [w in elsewhere for w in span.en_words]
    share = sum(found) / len(found)
    if span.units and pool:
        found_units = [bool(unit & pool) for unit in span.units]
        share = max(share, sum(found_units) / len(found_units))
    if share and not as_run(span.text, other_context, lem):
        share *= scattered
    return share


def as_run(span: str, text: str, lem: Lemmatizer) -> bool:
    """Whether `text` holds the words of `span` (lemmas, function words too) in one run."""
    mine = [w for w, _ in lem.words(span, "en")]
    theirs = [w for w, _ in lem.words(text, "en")]
    n = len(mine)
    return bool(n) and any(theirs[i : i + n] == mine for i in range(len(theirs) - n + 1))


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
    semantics: Semantics | bool | None = True,
    contexts: Mapping[str, str] = {},
) -> list[ScoredDivergence]:
    """Type, score and rank divergences: rank 1 is the largest drift; ties break on ids, spans.

    `quotes` (quote_id -> whole quote text) widens "elsewhere" for insertions and omissions to the
    other side's whole quote, not just the clause it was aligned on. `semantics` is the English
    word-relation resource (True: WordNet and Moby through `drift.lexicon`; None: none).
    `contexts` (quote_id -> the quote's sentence) puts a term back in its sentence.
    """
    lem, chrf = Lemmatizer(), ChrF(settings)
    cands = Candidates(lem, lexicons)
    words_of: Semantics | None = (
        default_semantics(None if lexicons else cands) if semantics is True else semantics or None  # type: ignore[assignment]
    )
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
    sides = [
        (Side.of(d.span_a, a.words, d.context_a), Side.of(d.span_b, b.words, d.context_b))
        for d, (a, b) in zip(divergences, views, strict=True)
    ]
    swaps = [swapped_sentences(d, contexts.get(d.quote_a, "")) for d in divergences]
    substitutions = [bool(d.span_a.strip() and d.span_b.strip()) for d in divergences]
    settled: list[Verdict | None] = [None] * len(divergences)
    if embedder is not None:  # e5 only where a verdict reads the similarity
        for k, ((side_a, side_b), lang) in enumerate(zip(sides, langs, strict=True)):
            if substitutions[k]:
                settled[k] = unread_verdict(side_a, side_b, lang, words_of, settings)
    open_ = [sub and done is None for sub, done in zip(substitutions, settled, strict=True)]
    # the edit in its window of words, for the verdicts not decided yet (open ones read it)
    windows = [
        edit_window(d, contexts, settings.open_window) if need else None
        for d, need in zip(divergences, open_, strict=True)
    ]
    wanted = [  # word vectors serve the similarity and the side an original confirms
        need or d.group_id in originals for d, need in zip(divergences, open_, strict=True)
    ]
    vectors = embed(
        [
            w
            for (a, b), want in zip(views, wanted, strict=True)
            if want
            for v in (a, b)
            for w in (*v.en_words, *v.src_words)
        ]
        + [w for words in original_words.values() for w in words]
        + [t for swap, need in zip(swaps, open_, strict=True) if swap and need for t in swap]
        + [t for window in windows if window for t in window],
        embedder,
    )
    scored = []
    for d, (a, b), (side_a, side_b), lang, swap, window, done in zip(
        divergences, views, sides, langs, swaps, windows, settled, strict=True
    ):
        verdict: Verdict
        if done is not None:
            verdict = done
        elif d.span_a.strip() and d.span_b.strip():
            similarity = substitution_similarity(a, b, vectors, chrf, settings, swap)
            verdict = substitution_verdict(side_a, side_b, similarity, lang, words_of, settings)
        else:
            gap, span, here, there = (
                (a, side_a, d.quote_a, d.quote_b)
                if d.span_a.strip()
                else (b, side_b, d.quote_b, d.quote_a)
            )
            other = quotes.get(there, d.context_b if gap is a else d.context_a)
            units = cands.units(other, other, lang)
            share = present_share(gap, other, lem, units, settings.scattered_weight)
            span = Side.of(span.span, span.words, quotes.get(here, span.rendering))
            verdict = gap_verdict(span, Side.of("", (), other), share, d.kind, settings, words_of)
        if verdict.open and window is not None and all(t in vectors for t in window):
            verdict = with_sentence(
                verdict, float(vectors[window[0]] @ vectors[window[1]]), settings
            )
        original = originals.get(d.group_id)
        faithful = (
            faithful_side(a, b, original, original_words[d.group_id], vectors, settings)
            if original is not None
            else ""
        )
        scored.append(
            ScoredDivergence(
                d,
                a.back,
                b.back,
                float(np.clip(verdict.drift, 0.0, 1.0)),
                faithful=faithful,
                type=verdict.type,
                evidence=verdict.evidence,
            )
        )
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
    return [replace(s, rank=i) for i, s in enumerate(order, start=1)]
