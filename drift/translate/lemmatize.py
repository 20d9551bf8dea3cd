"""English lookup forms for lexicon keys: lemma (simplemma), British/American variants, stems."""

from __future__ import annotations

import simplemma

from drift.lexicon.spelling import spelling_variants


def lemma(word: str) -> str:
    """The English dictionary form of a lowercase word ("sympathisers" -> "sympathiser"); an
    empty word stays empty (simplemma raises on it)."""
    return simplemma.lemmatize(word, lang="en").lower() if word else word


def inflection_stems(word: str) -> list[str]:
    """Rule-based base forms for -ing/-ed/-s words the lemmatizer reads as nouns ("living")."""
    for suffix in ("ing", "ed"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            stems = [stem, stem + "e"]
            if len(stem) >= 4 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])
            return stems
    if word.endswith("ies") and len(word) > 4:
        return [word[:-3] + "y"]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return [word[:-1]]
    return []


def english_forms(word: str) -> tuple[str, ...]:
    """Forms to try for a lowercase word, most specific first: itself, its lemma (always second,
    even when equal), then spelling variants and rule-based stems."""
    head = (word, lemma(word))
    rest: list[str] = []
    for variant in (word, *spelling_variants(word)):
        rest.append(variant)
        rest.extend(inflection_stems(variant))
    return head + tuple(f for f in dict.fromkeys(rest) if f and f not in head)
