"""Similarity measures shared by the scores: sacrebleu chrF, rescaled e5 cosines, soft matching."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sacrebleu.metrics import CHRF

from drift.score.lemmas import Lemmatizer
from drift.score.settings import ScoreSettings


class ChrF:
    """Symmetric sentence chrF in [0, 1]; Chinese is scored over characters, whitespace removed."""

    def __init__(self, settings: ScoreSettings) -> None:
        order = {"char_order": settings.char_order, "beta": settings.beta}
        self._words = CHRF(word_order=settings.word_order, **order)
        self._chars = CHRF(word_order=0, **order)
        recall = {"char_order": settings.char_order, "beta": settings.original_beta}
        self._recall_words = CHRF(word_order=settings.word_order, **recall)
        self._recall_chars = CHRF(word_order=0, **recall)

    def contained(self, back: str, original: str, lang: str) -> float:
        """Recall-heavy chrF of a back-translation (reference) inside an original (hypothesis).

        With beta 10 the score is close to the share of the back-translation's character n-grams
        that the original contains, so a faithful fragment of a long original scores high.
        """
        if not back.strip() or not original.strip():
            return 0.0
        if lang.startswith("zh"):
            back, original = "".join(back.split()), "".join(original.split())
            return self._recall_chars.sentence_score(original, [back]).score / 100.0
        return self._recall_words.sentence_score(original, [back]).score / 100.0

    def one_way(self, hyp: str, ref: str, lang: str) -> float:
        """chrF of `hyp` against the reference `ref`, scaled to [0, 1]."""
        if not hyp.strip() or not ref.strip():
            return 0.0
        metric = self._chars if lang.startswith("zh") else self._words
        if lang.startswith("zh"):
            hyp, ref = "".join(hyp.split()), "".join(ref.split())
        return metric.sentence_score(hyp, [ref]).score / 100.0

    def __call__(self, a: str, b: str, lang: str) -> float:
        """Mean of both directions, since neither text is the reference."""
        return (self.one_way(a, b, lang) + self.one_way(b, a, lang)) / 2.0


def rescale(cosine: float, settings: ScoreSettings) -> float:
    """Map an e5 cosine onto [0, 1] between the settings' floor and ceiling."""
    span = settings.cos_ceil - settings.cos_floor
    return float(np.clip((cosine - settings.cos_floor) / span, 0.0, 1.0))


def soft_match(a: np.ndarray, b: np.ndarray) -> float:
    """BERTScore-style F1 of greedy best cosines between the unit rows of `a` and `b`."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    sims = np.clip(a @ b.T, -1.0, 1.0)
    precision = float(sims.max(axis=1).mean())
    recall = float(sims.max(axis=0).mean())
    if precision + recall <= 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def coverage(units: Sequence[frozenset[str]], pool: frozenset[str]) -> float:
    """Share of `units` (candidate sets) that have a member in `pool`."""
    if not units:
        return 0.0
    return sum(1 for unit in units if unit & pool) / len(units)


def containment(back: str, original: str, lang: str, lemmatizer: Lemmatizer) -> float:
    """Share of a back-translation's content found in the original (character bigrams for zh)."""
    if lang.startswith("zh"):
        return bigram_containment(back, original)
    words = set(lemmatizer.content(back, lang))
    return len(words & set(lemmatizer.content(original, lang))) / len(words) if words else 0.0


def bigram_containment(text: str, original: str) -> float:
    """Share of the Chinese character bigrams of `text` that occur in `original`."""
    grams = {text[i : i + 2] for i in range(len(text) - 1)}
    grams = {g for g in grams if all("\u4e00" <= ch <= "\u9fff" for ch in g)}
    return sum(g in original for g in grams) / len(grams) if grams else 0.0
