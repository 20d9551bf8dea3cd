"""Originals: which original statement a group renders, and which side of a divergence keeps it.

A group and an original match when their speakers share a key (`speaker_key`; an original by
"Vladimir Putin and Xi Jinping" counts for either), their dates, when both are known, lie within
`date_window_days`, and the evidence reaches `match_threshold`: the e5 similarity between the
original and each rendering (its words, quote context or back-translation, whichever is closest),
averaged over the renderings and rescaled, weighted with how much of each rendering's
back-translation the original contains (lemmas for Russian, character bigrams for Chinese; chrF
stands in for e5 without an embedder). Each group gets its best original; an original may serve
several groups (a sentence and a term of it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np

from drift.embed import Embedder
from drift.quotes.speakers import speaker_key
from drift.records import Group, Original, Rendering
from drift.score.batch import BackFn, back_translate, embed, stack
from drift.score.lemmas import Lemmatizer
from drift.score.metrics import ChrF, containment, rescale
from drift.score.metrics import bigram_containment as _bigram_containment
from drift.score.settings import ScoreSettings
from drift.score.views import SpanView

_SEVERAL = re.compile(r"\s+and\s+|\s+и\s+|\s*[,&;/、和与]\s*")


def speaker_keys(name: str) -> frozenset[str]:
    """Keys of every person named in `name` ("Vladimir Putin and Xi Jinping" gives two)."""
    return frozenset(speaker_key(part) for part in _SEVERAL.split(name) if part.strip()) - {""}


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def compatible(group: Group, original: Original, window_days: int) -> bool:
    """Speakers share a key (or one is unknown) and known dates lie within the window."""
    names = [group.speaker] if group.speaker else [r.speaker for r in group.renderings]
    mine = frozenset().union(*(speaker_keys(n) for n in names)) if names else frozenset()
    theirs = speaker_keys(original.speaker)
    if mine and theirs and not mine & theirs:
        return False
    said = _day(original.date)
    days = [d for d in (_day(r.date) for r in group.renderings) if d is not None]
    return said is None or not days or min(abs((d - said).days) for d in days) <= window_days


def match_originals(
    groups: Sequence[Group],
    originals: Sequence[Original],
    *,
    embedder: Embedder | None,
    back: BackFn | None = None,
    contexts: Mapping[str, str] = {},
    settings: ScoreSettings = ScoreSettings(),  # noqa: B008 - frozen
    prematched: Mapping[str, Original] | None = None,
) -> dict[str, Original]:
    """Map group_id -> the original it renders, for groups that have one among `originals`.

    `prematched` (group_id -> original, from grouping anchored on original sentences) is kept
    as it is; only the other groups are matched here.
    """
    fixed = dict(prematched or {})
    groups = [g for g in groups if g.group_id not in fixed]
    if embedder is None and back is None:
        return fixed  # nothing can compare English renderings with a Russian or Chinese text
    pairs = {
        g.group_id: [o for o in originals if compatible(g, o, settings.date_window_days)]
        for g in groups
    }
    langs = sorted({o.lang for cands in pairs.values() for o in cands})

    def lexical_texts(g: Group, r: Rendering) -> list[str]:
        """What a rendering says in English: a term ("ironclad") stands with its sentence."""
        context = contexts.get(r.quote_id, "") if g.kind == "term" else ""
        return [t for t in (r.text, context) if t.strip()]

    backs = (
        back_translate(
            (
                (lang, t)
                for g in groups
                for r in g.renderings
                for t in lexical_texts(g, r)
                for lang in langs
            ),
            back,
        )
        if back is not None
        else {}
    )

    def texts_of(r: Rendering, lang: str) -> list[str]:
        """A rendering's own words, its sentence, and its back-translation into `lang`."""
        found = [r.text, contexts.get(r.quote_id, "")]
        if (lang, r.text) in backs:
            found.append(backs[(lang, r.text)].text)
        return [t for t in found if t.strip()]

    vectors = embed(
        [o.text for o in originals]
        + [
            t
            for g in groups
            for o in pairs[g.group_id]
            for r in g.renderings
            for t in texts_of(r, o.lang)
        ],
        embedder,
    )
    lemmatizer, chrf = Lemmatizer(), ChrF(settings)
    matched: dict[str, Original] = {}
    for g in groups:
        best: tuple[float, str, Original] | None = None
        for o in pairs[g.group_id]:
            evidence = []
            if vectors:
                per_rendering = [
                    float((stack(texts_of(r, o.lang), vectors) @ vectors[o.text]).max())
                    for r in g.renderings
                ]
                evidence.append((settings.w_emb, rescale(float(np.mean(per_rendering)), settings)))
            if backs:
                contained = [
                    max(
                        containment(backs[(o.lang, t)].text, o.text, o.lang, lemmatizer)
                        for t in lexical_texts(g, r)
                    )
                    for r in g.renderings
                ]
                evidence.append((settings.w_lex, float(np.mean(contained))))
                if not vectors:
                    chrfs = [
                        chrf(backs[(o.lang, r.text)].text, o.text, o.lang) for r in g.renderings
                    ]
                    evidence.append((settings.w_en, float(np.mean(chrfs))))
            score = sum(w * s for w, s in evidence) / sum(w for w, _ in evidence)
            if score >= settings.match_threshold and (best is None or score > best[0]):
                best = (score, o.original_id, o)
        if best is not None:
            matched[g.group_id] = best[2]
    return {**matched, **fixed}


def side_match(
    view: SpanView,
    original: Original,
    original_words: Sequence[str],
    vectors: Mapping[str, np.ndarray],
    settings: ScoreSettings,
) -> float:
    """How well one span matches the original: candidates found in it, and word similarity."""
    pool = frozenset(original_words)
    zh = original.lang.startswith("zh")
    found = [
        bool(unit & pool) or (zh and any(len(t) > 1 and t in original.text for t in unit))
        for unit in view.units
    ]
    evidence = []
    if found:
        # The span's own back-translation counts most; the lexicon's other candidates (synonyms
        # that both sides may share) only break ties.
        lexical = sum(found) / len(found)
        if view.back.strip():
            if zh:
                back = _bigram_containment(view.back, original.text)
            else:
                back = sum(w in pool for w in view.src_words) / max(len(view.src_words), 1)
            lexical = 0.75 * back + 0.25 * lexical
        evidence.append((settings.w_lex, lexical))
    words, targets = (
        stack([*view.en_words, *view.src_words], vectors),
        stack(original_words, vectors),
    )
    if words.shape[0] and targets.shape[0]:
        best = float(np.clip(words @ targets.T, -1.0, 1.0).max(axis=1).mean())
        evidence.append((settings.w_emb, rescale(best, settings)))
    if not evidence:
        return 0.0
    return sum(w * s for w, s in evidence) / sum(w for w, _ in evidence)


def faithful_side(
    a: SpanView,
    b: SpanView,
    original: Original,
    original_words: Sequence[str],
    vectors: Mapping[str, np.ndarray],
    settings: ScoreSettings,
) -> str:
    """ "a" or "b": the side whose span matches the original better; "" without a clear winner."""
    margin = settings.faithful_margin
    if a.text.strip() and b.text.strip():
        diff = side_match(a, original, original_words, vectors, settings) - side_match(
            b, original, original_words, vectors, settings
        )
        return "a" if diff >= margin else "b" if diff <= -margin else ""
    present, absent = ("a", "b") if a.text.strip() else ("b", "a")
    m = side_match(a if present == "a" else b, original, original_words, vectors, settings)
    return present if m >= 0.5 + margin else absent if m <= 0.5 - margin else ""
