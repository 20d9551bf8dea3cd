"""Align stage: group renderings of one statement across documents, then find where they differ.

groups = group_quotes(quotes)             # list[Group], ids "g001"...
found = align_groups(quotes, originals=...)  # .groups, .unmatched (with reasons), .originals
divergences = find_divergences(groups)    # list[Divergence]
"""

from drift.align.divergences import find_divergences
from drift.align.grouping import Alignment, align_groups, group_quotes, resolved_speakers
from drift.align.segment import segment_quote
from drift.align.singletons import Unmatched
from drift.align.words import WordOp, align_words

__all__ = [
    "Alignment",
    "Unmatched",
    "WordOp",
    "align_groups",
    "align_words",
    "find_divergences",
    "group_quotes",
    "resolved_speakers",
    "segment_quote",
]
