"""The evidence of one divergent span: its content words in English and in the source language."""

from __future__ import annotations

from dataclasses import dataclass

from drift.score.candidates import Candidates
from drift.score.lemmas import Lemmatizer
from drift.score.links import Word


@dataclass(frozen=True)
class SpanView:
    """What the scores compare of one span: its words in both languages and candidate sets."""

    text: str
    back: str
    en_words: tuple[str, ...]
    src_words: tuple[str, ...]
    units: tuple[frozenset[str], ...]
    content: bool
    words: tuple[Word, ...] = ()  # content words with their first source-language candidates

    @property
    def pool(self) -> frozenset[str]:
        """Every source-language form this span may stand for."""
        return frozenset().union(*self.units) if self.units else frozenset()


def view_span(
    span: str, context: str, back_text: str, lang: str, lem: Lemmatizer, cands: Candidates
) -> SpanView:
    """Collect the evidence of one span: content words, back-translation lemmas, candidates."""
    en_words = lem.content(span, "en")
    src_words = lem.content(back_text, lang) or ((back_text,) if back_text.strip() else ())
    # Candidates come from glossing the span inside its sentence ("going" in "going through" is
    # переживать); the span's context-free back-translation ("идти") only stands in when the
    # lexicon knows none of its words.
    units = cands.units(span, context, lang) or [frozenset({w}) for w in src_words]
    return SpanView(
        text=span,
        back=back_text,
        en_words=en_words or ((span.lower().strip(),) if span.strip() else ()),
        src_words=src_words,
        units=tuple(units),
        content=bool(en_words),
        words=tuple(cands.words(span, context, lang)),
    )
