"""Drift scores: per divergence, per rendering, and which original a group renders."""

from drift.score.batch import BackFn
from drift.score.originals import match_originals
from drift.score.renderings import score_renderings
from drift.score.settings import ScoreSettings
from drift.score.spans import score_divergences

__all__ = ["BackFn", "ScoreSettings", "match_originals", "score_divergences", "score_renderings"]
