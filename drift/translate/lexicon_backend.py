"""The `lexicon` backend: back-translation as a word-by-word gloss (drift.translate.lexicon).

Kept apart from the glossing rules so the backend (registry entry, model id, unknown-word
counts) and the dictionary reader each stay one small module.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from drift.errors import UsageError
from drift.translate.lexicon import (
    SUPPORTED_SOURCES,
    SUPPORTED_TARGETS,
    Lexicon,
    overlay_path,
    unknown_marker,
)

if TYPE_CHECKING:
    from drift.lexicon.foreign import ForeignGlosser

log = logging.getLogger("drift")


def _data_digest() -> str:
    """A digest of the overlays and the installed dictionaries (files, sizes, parser versions)."""
    from drift.lexicon.bilingual import identity

    digest = hashlib.sha256()
    for tgt in SUPPORTED_TARGETS:
        digest.update(overlay_path(tgt).read_bytes())
        digest.update(identity(tgt).encode())
    return digest.hexdigest()[:12]


class LexiconTranslator:
    """Back-translation as a word-by-word lexical gloss (offline, deterministic, model-free).

    `unknown` counts, per target language, the words this translator could not translate
    (each marked `[word?]` in its output).
    """

    name = "lexicon"

    def __init__(self, **kwargs: object) -> None:
        # model=/device= from the registry mean nothing here; accepted so all backends build alike.
        self.model_id = f"drift-lexicon/{_data_digest()}"
        self._lexicons: dict[str, Lexicon] = {}
        self._foreign: dict[str, ForeignGlosser] = {}
        self.unknown: Counter[str] = Counter()

    def lexicon(self, tgt: str) -> Lexicon:
        """The lexicon for `tgt`, loaded on first use and kept by this translator; a missing
        dictionary is reported in one line, once."""
        if tgt not in self._lexicons:
            self._lexicons[tgt] = Lexicon.load(tgt)
            for status in self._lexicons[tgt].missing:
                log.warning("%s", status.missing_line())
        return self._lexicons[tgt]

    def _into_english(self, texts: Sequence[str], src: str) -> list[str]:
        from drift.lexicon.foreign import ForeignGlosser

        if src not in self._foreign:
            self._foreign[src] = ForeignGlosser(src)
            for status in self._foreign[src].missing:
                log.warning("%s", status.missing_line())
        glosser = self._foreign[src]
        out = []
        for text in texts:
            pairs = glosser.gloss(text)
            self.unknown[f"{src}-en"] += sum(1 for _, english in pairs if not english)
            out.append(" ".join(english or unknown_marker(word) for word, english in pairs))
        return out

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        """Gloss each text: the preferred candidate per word in input order, `[word?]` for a
        word no source knows (numbers pass as they are)."""
        if src in SUPPORTED_SOURCES and tgt == "en":
            return self._into_english(texts, src)
        if src != "en" or tgt not in SUPPORTED_TARGETS:
            pairs = ", ".join(
                [*(f"en-{t}" for t in SUPPORTED_TARGETS), *(f"{s}-en" for s in SUPPORTED_SOURCES)]
            )
            raise UsageError(
                f"the lexicon backend cannot translate {src}-{tgt}; it supports {pairs} "
                "(use --backend marian or nllb for other pairs)"
            )
        lexicon = self.lexicon(tgt)
        out = []
        for text in texts:
            words = []
            for gloss in lexicon.gloss(text):
                if gloss.targets:
                    words.append(gloss.targets[0])
                elif _is_number(gloss.source):
                    words.append(gloss.source)
                else:
                    words.append(unknown_marker(gloss.source))
                    self.unknown[tgt] += 1
            out.append(_join(words, tgt))
        return out

    def unknown_words(self) -> dict[str, int]:
        """Words marked `[word?]` so far, per direction ("ru", "zh", "ru-en", "zh-en")."""
        return dict(sorted(self.unknown.items()))


def _is_number(text: str) -> bool:
    return any(c.isdigit() for c in text) and not any(c.isalpha() for c in text)


def _join(words: list[str], tgt: str) -> str:
    if tgt != "zh":
        return " ".join(words)
    out = ""
    for word in words:
        latin = out[-1:].isascii() and out[-1:].isalnum() and word[:1].isascii()
        if out and (latin or word.startswith("[") or out.endswith("]")):
            out += " "
        out += word
    return out
