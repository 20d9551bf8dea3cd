"""The records of a typed divergence: its type, the verdict, and each side's evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from drift.score.cues import Cues, cues
from drift.score.links import Word

DivergenceType = Literal[
    "spelling",
    "synonym",
    "paraphrase",
    "polarity",
    "modality",
    "degree",
    "number",
    "entity",
    "sense",
    "omission",
    "addition",
]
TYPES: tuple[str, ...] = DivergenceType.__args__  # type: ignore[attr-defined]
# Types that say the meaning moved; the rest (spelling, synonym, paraphrase) are rewordings.
MEANING_TYPES = frozenset(TYPES) - {"spelling", "synonym", "paraphrase"}


@dataclass(frozen=True)
class Verdict:
    """A divergence's type, the reason for it, and its drift in [0, 1]."""

    type: DivergenceType
    evidence: str
    drift: float
    # Set when missing evidence, not a listed relation or cue, decides a substitution's drift
    # (words no resource links, an unknown word, words on one side only; not a gap, score 3.6):
    # "reword" is typed by its drift (paraphrase below 0.5, sense from it), "kept" keeps its type.
    # `drift.score.types.with_sentence` then weighs in what the edit does to the whole sentence.
    open: Literal["", "reword", "kept"] = ""


@dataclass(frozen=True)
class Side:
    """One side of a divergence: its span, content words and cues, and the whole rendering."""

    span: str
    words: tuple[Word, ...]
    cues: Cues
    rendering: str

    @classmethod
    def of(cls, span: str, words: Sequence[Word], rendering: str) -> Side:
        """Build a side, reading the cues of `span` inside `rendering`."""
        return cls(span, tuple(words), cues(span, rendering), rendering)
