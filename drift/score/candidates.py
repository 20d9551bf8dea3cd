"""Lexicon candidate sets of English spans: offline synonym evidence in the source language.

Two renderings agree in the source language when some translation candidate of one span's word
is also a candidate (or the back-translation) of the other's: "sympathisers" and "supporters"
share сторонник, "multipolar" and "strong" share nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from drift.score.lemmas import Lemmatizer
from drift.score.links import Word

# Candidates per word that count as "the same source word" when two words share one: the first
# senses of a dictionary entry, not the long tail where unrelated words meet by accident.
LINK_CANDIDATES = 6


class GlossLexicon(Protocol):
    """What the scores need of `drift.translate.lexicon.Lexicon`: glosses with offsets."""

    def gloss(self, text: str) -> Sequence[Any]:
        """Glosses with `source`, `targets` (dictionary forms), `start` and `end` in `text`."""
        ...


class Candidates:
    """Candidate sets per content word of a span, lemmatized; lexicons load once per language."""

    def __init__(self, lemmatizer: Lemmatizer, lexicons: Mapping[str, GlossLexicon] | None) -> None:
        self._lemmatizer = lemmatizer
        self._lexicons: dict[str, GlossLexicon] = dict(lexicons or {})
        # the same targets and contexts recur across a run's spans: each is worked out once
        self._normalized: dict[tuple[str, str], frozenset[str]] = {}
        self._glossed: dict[tuple[str, str], list[Any]] = {}

    def lexicon(self, lang: str) -> GlossLexicon:
        """The lexicon English -> `lang`, from the caller or loaded from the bundled data."""
        if lang not in self._lexicons:
            from drift.translate.lexicon import Lexicon

            self._lexicons[lang] = Lexicon.load(lang)
        return self._lexicons[lang]

    def normalize(self, target: str, lang: str) -> frozenset[str]:
        """A target and its content lemmas, so inflected and dictionary forms meet."""
        found = self._normalized.get((target, lang))
        if found is None:
            lemmas = self._lemmatizer.content(target, lang)
            found = frozenset({target.lower().strip(), " ".join(lemmas), *lemmas} - {""})
            self._normalized[(target, lang)] = found
        return found

    def _glosses(self, span: str, context: str, lang: str) -> list[Any]:
        """Content glosses of `span`, glossed inside `context` when it is found there."""
        if not span.strip():
            return []
        start = context.find(span) if context else -1
        text, lo, hi = (context, start, start + len(span)) if start >= 0 else (span, 0, len(span))
        return [
            gloss
            for gloss in self._content_glosses(text, lang)
            if gloss.end > lo and gloss.start < hi
        ]

    def _content_glosses(self, text: str, lang: str) -> list[Any]:
        """The glosses of `text` whose English source has a content word, once per text."""
        found = self._glossed.get((text, lang))
        if found is None:
            found = [
                gloss
                for gloss in self.lexicon(lang).gloss(text)
                if self._lemmatizer.has_content(gloss.source, "en")
            ]
            self._glossed[(text, lang)] = found
        return found

    def _unit(self, targets: Sequence[str], lang: str) -> frozenset[str]:
        return frozenset().union(*(self.normalize(t, lang) for t in targets))

    def units(self, span: str, context: str, lang: str) -> list[frozenset[str]]:
        """One candidate set per content gloss of `span`, glossed inside `context` when found."""
        units = [self._unit(g.targets, lang) for g in self._glosses(span, context, lang)]
        return [unit for unit in units if unit]

    def words(self, span: str, context: str, lang: str) -> list[Word]:
        """Each content word or lexicon phrase of `span` with its first candidates (maybe none)."""
        return [
            Word(g.source, *self._ordered(g.targets[:LINK_CANDIDATES], lang))
            for g in self._glosses(span, context, lang)
        ]

    def _ordered(
        self, targets: Sequence[str], lang: str
    ) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """Each target's normalized forms, in the targets' order of preference, with the rank
        of the target each form first comes from."""
        ranks: dict[str, int] = {}
        for rank, target in enumerate(targets):
            for form in sorted(self.normalize(target, lang), key=len):
                ranks.setdefault(form, rank)
        return tuple(ranks), tuple(ranks.values())
