"""Weights and metric settings of the drift scores, with a reproducibility signature."""

from __future__ import annotations

from dataclasses import dataclass

from sacrebleu import __version__ as sacrebleu_version

SCORE_VERSION = "1.0"


@dataclass(frozen=True)
class ScoreSettings:
    """Every number the scores depend on; `signature()` writes them into run.json."""

    w_lex: float = 0.5  # source-language lemma agreement (back-translations + lexicon candidates)
    w_emb: float = 0.3  # e5 similarity, word by word, in English and in the source language
    w_en: float = 0.2  # chrF of the English texts
    cos_floor: float = 0.80  # e5 cosine mapped to similarity 0 (e5 cosines are compressed)
    cos_ceil: float = 0.95  # e5 cosine mapped to similarity 1
    function_weight: float = 0.25  # drift multiplier for spans of function words only
    gap_weight: float = 0.6  # drift of an inserted or omitted content span
    char_order: int = 6
    word_order: int = 2  # chrF++; Chinese uses 0 (no spaces between words)
    beta: int = 2
    original_beta: int = 10  # chrF vs an original: recall over the back-translation dominates
    match_threshold: float = 0.25  # rescaled e5 similarity an original must reach to match a group
    date_window_days: int = 60  # an original and a group, both dated, are at most this far apart
    faithful_margin: float = 0.1  # how much better one side must match the original

    def signature(self, embedder: str = "e5") -> str:
        """A sacrebleu-style string naming the metric settings and weights, for run.json."""
        return (
            f"score:{SCORE_VERSION}|chrF:c{self.char_order}w{self.word_order}b{self.beta}"
            f"|chrF-zh:c{self.char_order}w0b{self.beta}|chrF-orig:b{self.original_beta}"
            f"|embed:{embedder}"
            f"|w_lex:{self.w_lex:g}|w_emb:{self.w_emb:g}|w_en:{self.w_en:g}"
            f"|cos:{self.cos_floor:g}-{self.cos_ceil:g}|fn:{self.function_weight:g}"
            f"|gap:{self.gap_weight:g}|sacrebleu:{sacrebleu_version}"
        )
