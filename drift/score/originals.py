"""Originals: which original statement a group renders, and which side of a divergence keeps it.

A group and an original match when their speakers share a key (`speaker_key`; an original by
"Vladimir Putin and Xi Jinping" counts for either), their dates, when both are known, lie within
`date_window_days`, and the best e5 similarity between the original and the group's renderings,
quote contexts or back-translations, rescaled, reaches `match_threshold` (without an embedder:
chrF of the back-translations against the original; with neither, nothing matches). Each group
gets its best original; an original may serve several groups (a sentence and a term of it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np

from drift.embed import Embedder
from drift.quotes.speakers import speaker_key
from drift.records import Group, Original
from drift.score.batch import BackFn, back_translate, embed, stack
from drift.score.metrics import ChrF, rescale
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
) -> dict[str, Original]:
    """Map group_id -> the original it renders, for groups that have one among `originals`."""
    if embedder is None and back is None:
        return {}  # nothing can compare English renderings with a Russian or Chinese text
    pairs = {
        g.group_id: [o for o in originals if compatible(g, o, settings.date_window_days)]
        for g in groups
    }
    english = {
        g.group_id: sorted(
            {r.text for r in g.renderings}
            | {contexts[r.quote_id] for r in g.renderings if contexts.get(r.quote_id)}
        )
        for g in groups
    }
    langs = {o.lang for cands in pairs.values() for o in cands}
    backs = (
        back_translate(
            ((lang, t) for gid, texts in english.items() for t in texts for lang in langs), back
        )
        if back is not None
        else {}
    )

    def texts_of(gid: str, lang: str) -> list[str]:
        found = [backs[(lang, t)].text for t in english[gid] if (lang, t) in backs]
        return english[gid] + found

    chrf = ChrF(settings)
    vectors = embed(
        [o.text for o in originals]
        + [t for gid, cands in pairs.items() for o in cands for t in texts_of(gid, o.lang)],
        embedder,
    )
    matched: dict[str, Original] = {}
    for g in groups:
        best: tuple[float, str, Original] | None = None
        for o in pairs[g.group_id]:
            texts = texts_of(g.group_id, o.lang)
            if vectors:
                cosines = stack(texts, vectors) @ vectors[o.text]
                score = rescale(float(cosines.max()), settings) if len(cosines) else 0.0
            else:
                score = max((chrf(t, o.text, o.lang) for t in texts), default=0.0)
            if score >= settings.match_threshold and (best is None or score > best[0]):
                best = (score, o.original_id, o)
        if best is not None:
            matched[g.group_id] = best[2]
    return matched


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
    evidence = [(settings.w_lex, sum(found) / len(found))] if found else []
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
