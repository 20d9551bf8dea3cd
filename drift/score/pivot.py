"""English synonyms through a pivot language: two English words that render one Russian or
Chinese word (Bannard and Callison-Burch, "Paraphrasing with Bilingual Parallel Corpora", 2005,
with dictionaries for the parallel corpus).

"demise" has 崩 among its first CC-CEDICT candidates, and CC-CEDICT glosses 崩 as "collapse":
both words can render 崩. The link reads the dictionaries in both directions (a foreign word
among both words' candidates; or one word's candidate glossed by the other, English -> ru/zh ->
English), only their first senses, and is graded by how far down the lists the foreign word sits,
as a shared WordNet synset is. Both languages are read, whatever the quote's source language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import Any

from drift.lexicon.english import Relation
from drift.score.candidates import LINK_CANDIDATES
from drift.translate.lemmatize import english_forms

PIVOT_LANGS = ("ru", "zh")
PIVOT_GLOSSES = 5  # English glosses of a foreign word that count as its renderings


class PivotSemantics:
    """English relations (`inner`, WordNet and Moby) and, where they find none or only a loose
    one (a hypernym, the thesaurus), a pivot link through the bundled dictionaries: translation
    evidence outranks a loose link, as a shared source word does. Dictionaries load on first use."""

    def __init__(
        self,
        inner: Any,
        lexicon: Callable[[str], Any],
        langs: Sequence[str] = PIVOT_LANGS,
        glossers: Mapping[str, Any] | None = None,
    ) -> None:
        self._inner = inner
        self._lexicon = lexicon  # lang -> English-to-lang lexicon with lookup(term)
        self._langs = tuple(langs)
        self._given = dict(glossers or {})  # lang -> lang-to-English with lookup(word)
        self._found: dict[tuple[str, str], Relation | None] = {}

    @cached_property
    def _glossers(self) -> dict[str, Any]:
        from drift.lexicon.foreign import ForeignGlosser

        return {lang: self._given.get(lang) or ForeignGlosser(lang) for lang in self._langs}

    def relation(self, a: str, b: str) -> Any | None:
        """The inner relation unless it is loose and a pivot link exists; None when neither."""
        found = self._inner.relation(a, b) if self._inner is not None else None
        if found is None or found.kind in ("hypernym", "thesaurus", "gloss"):
            return self.pivot(a, b) or found
        return found

    def known(self, word: str) -> bool:
        """Whether the inner resources know the word."""
        return self._inner is not None and self._inner.known(word)

    def proper_noun(self, word: str) -> bool:
        """Whether the inner resources list the word as the name of one thing."""
        return bool(getattr(self._inner, "proper_noun", lambda _: False)(word))

    def place_of(self, word: str) -> tuple[str, ...]:
        """The place an adjective pertains to, by the inner resources ("Chinese" -> ("china",))."""
        return tuple(getattr(self._inner, "place_of", lambda _: ())(word))

    def top_of_scale(self, word: str) -> bool:
        """Whether the inner resources define the word by a superlative ("maximum")."""
        return bool(getattr(self._inner, "top_of_scale", lambda _: False)(word))

    def intensifier(self, word: str) -> bool:
        """Whether the inner resources define the word as a degree word ("far", "absolute")."""
        return bool(getattr(self._inner, "intensifier", lambda _: False)(word))

    def pivot(self, a: str, b: str) -> Relation | None:
        """The best foreign word both `a` and `b` render, in either direction, or None."""
        key = (a.lower(), b.lower())
        if key not in self._found:
            self._found[key] = self._pivot(*key)
        return self._found[key]

    def _pivot(self, a: str, b: str) -> Relation | None:
        best: tuple[int, str] | None = None
        for lang in self._langs:
            for hit in (
                self._shared(a, b, lang),
                self._through(a, b, lang),
                self._through(b, a, lang),
            ):
                if hit is not None and (best is None or hit[0] < best[0]):
                    best = hit
        if best is None:
            return None
        return Relation("pivot", best[1], best[0])

    def _shared(self, x: str, y: str, lang: str) -> tuple[int, str] | None:
        """(rank, evidence) of a foreign word among the first candidates of both words."""
        lexicon = self._lexicon(lang)
        cx, cy = lexicon.lookup(x)[:LINK_CANDIDATES], lexicon.lookup(y)[:LINK_CANDIDATES]
        shared = sorted((max(i, cy.index(f)), f) for i, f in enumerate(cx) if f in cy)
        if not shared:
            return None
        rank, foreign = shared[0]
        later = x if cx.index(foreign) >= cy.index(foreign) else y
        return rank, f"{lang}: both → {foreign}" + (
            f" (candidate {rank + 1} of {later})" if rank else ""
        )

    def _through(self, x: str, y: str, lang: str) -> tuple[int, str] | None:
        """(rank, evidence) of the first candidate of `x` whose English glosses include `y`."""
        lexicon = self._lexicon(lang)
        forms = set(english_forms(y))
        glosser = self._glossers[lang]
        for i, foreign in enumerate(lexicon.lookup(x)[:LINK_CANDIDATES]):
            glosses = glosser.lookup(foreign)[:PIVOT_GLOSSES]
            for j, gloss in enumerate(glosses):
                if gloss.lower() in forms or english_forms(gloss.lower())[1] in forms:
                    where = [f"candidate {i + 1} of {x}"] if i else []
                    where += [f"gloss {j + 1} of {foreign}"] if j else []
                    ranks = f" ({', '.join(where)})" if where else ""
                    return max(i, j), f"{lang}: {x} → {foreign} → {y}{ranks}"
        return None
