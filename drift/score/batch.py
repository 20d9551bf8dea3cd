"""Batched back-translation and embedding: every text is sent once, per language."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from drift.embed import Embedder
from drift.errors import DriftError, UsageError
from drift.records import Translation

BackFn = Callable[[Sequence[str], str], list[Translation]]
LANGS = ("ru", "zh")


def lang_of(source_lang: Mapping[str, str], group_id: str) -> str:
    """The source language of a group, normalized to "ru" or "zh"."""
    lang = source_lang.get(group_id, "")
    lang = "zh" if lang.startswith("zh") else lang
    if lang not in LANGS:
        raise UsageError(f"group {group_id!r} has source language {lang!r}; expected ru or zh")
    return lang


def back_translate(
    requests: Iterable[tuple[str, str]], back: BackFn
) -> dict[tuple[str, str], Translation]:
    """Back-translate (lang, english text) pairs with one `back` call per language."""
    by_lang: dict[str, list[str]] = {}
    for lang, text in requests:
        if text.strip():
            by_lang.setdefault(lang, []).append(text)
    out: dict[tuple[str, str], Translation] = {}
    for lang in sorted(by_lang):
        texts = sorted(set(by_lang[lang]))
        translations = back(texts, lang)
        if len(translations) != len(texts):
            raise DriftError(
                f"back-translation into {lang} returned {len(translations)} texts for {len(texts)}"
            )
        out.update({(lang, t): tr for t, tr in zip(texts, translations, strict=True)})
    return out


def embed(texts: Iterable[str], embedder: Embedder | None) -> dict[str, np.ndarray]:
    """Unit vectors of the distinct non-empty `texts` in one encode call; {} without embedder."""
    if embedder is None:
        return {}
    unique = sorted({t for t in texts if t.strip()})
    if not unique:
        return {}
    return dict(zip(unique, embedder.encode(unique), strict=True))


def stack(texts: Sequence[str], vectors: Mapping[str, np.ndarray]) -> np.ndarray:
    """Rows of `vectors` for `texts` (those with a vector), as one array."""
    rows = [vectors[t] for t in texts if t in vectors]
    return np.vstack(rows) if rows else np.zeros((0, 1), dtype=np.float32)
