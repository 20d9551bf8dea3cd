"""Align stage: group renderings of one statement across documents, then find where they differ.

groups = group_quotes(quotes)             # list[Group], ids "g001"...
divergences = find_divergences(groups)    # list[Divergence]
"""

from drift.align.divergences import find_divergences
from drift.align.grouping import group_quotes
from drift.align.segment import segment_quote
from drift.align.words import WordOp, align_words

__all__ = ["WordOp", "align_words", "find_divergences", "group_quotes", "segment_quote"]
