"""Russian or Chinese text glossed word by word into English through the reversed dictionaries.

Russian words are looked up by lemma (and aspect partner), longest match first over up to three
words ("прекращения огня" -> "прекращение огонь" -> ceasefire); Chinese is segmented by jieba
and looked up in CC-CEDICT, character by character when a segment is unknown.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from drift.errors import UsageError
from drift.lexicon.base import ResourceStatus

MAX_PHRASE = 3
_RU_TOKEN = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|[A-Za-z]+(?:['’-][A-Za-z]+)*|\d+(?:[.,]\d+)*")


class ForeignGlosser:
    """Glosses `src` ("ru" or "zh") into English; dictionaries load on first use."""

    def __init__(self, src: str) -> None:
        if src not in ("ru", "zh"):
            raise UsageError(f"no reversed dictionary for {src!r}; use ru or zh")
        self.src = src

    @cached_property
    def _data(self) -> tuple[dict[str, tuple[str, ...]], tuple[ResourceStatus, ...]]:
        from drift.lexicon.bilingual import chinese_to_english, russian_to_english

        table, merged = russian_to_english() if self.src == "ru" else chinese_to_english()
        return table, merged.missing

    @property
    def missing(self) -> tuple[ResourceStatus, ...]:
        """Dictionaries this direction needs that are not installed."""
        return self._data[1]

    @cached_property
    def _morph(self) -> Any:
        from drift.lexicon.russian import RussianMorphology

        return RussianMorphology()

    def lookup(self, word: str) -> tuple[str, ...]:
        """English candidates of one Russian or Chinese word (any inflection), () if unknown."""
        table = self._data[0]
        if self.src == "zh":
            return table.get(word, ())
        for form in self._morph.forms(word):
            if form in table:
                return table[form]
        return ()

    def gloss(self, text: str) -> list[tuple[str, str]]:
        """(word, its first English candidate or "" when unknown), in text order; numbers and
        Latin-script words pass as they are."""
        return self._gloss_zh(text) if self.src == "zh" else self._gloss_ru(text)

    def _gloss_ru(self, text: str) -> list[tuple[str, str]]:
        table = self._data[0]
        words = _RU_TOKEN.findall(text)
        lemmas = [self._morph.lemmas(w)[0] if w[0].isalpha() else w for w in words]
        out: list[tuple[str, str]] = []
        i = 0
        while i < len(words):
            for size in range(min(MAX_PHRASE, len(words) - i), 1, -1):
                key = " ".join(lemmas[i : i + size])
                if key in table:
                    out.append((" ".join(words[i : i + size]), table[key][0]))
                    i += size
                    break
            else:
                word = words[i]
                passes = not ("а" <= word[0].lower() <= "я" or word[0] in "ёЁ")
                found = self.lookup(word) if not passes else (word,)
                out.append((word, found[0] if found else ""))
                i += 1
        return out

    def _gloss_zh(self, text: str) -> list[tuple[str, str]]:
        import jieba

        jieba.setLogLevel(60)
        out: list[tuple[str, str]] = []
        for token in jieba.lcut(text):
            if not token.strip() or not any(c.isalnum() for c in token):
                continue
            if token.isascii():
                out.append((token, token))
                continue
            found = self.lookup(token)
            if found:
                out.append((token, found[0]))
                continue
            for char in token:
                if char.isalnum():
                    chars = self.lookup(char)
                    out.append((char, chars[0] if chars else ""))
        return out
