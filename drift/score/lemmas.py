"""Content lemmas of English, Russian and Chinese text, so comparisons ignore inflection.

Russian goes through pymorphy3 (lemma and part of speech), Chinese through jieba (words and
part of speech), English through simplemma and a closed list of function words.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from drift.errors import MissingDependencyError, UsageError

# Closed-class English words: they carry grammar, not the content a rendering can drift on.
_EN_FUNCTION = """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each either
    even ever every few for from further had has have having he her here hers herself him himself
    his how i if in into is it its itself may me might more most must my myself neither no
    nor not of off on once only or other others our ours ourselves out over own same shall she
    should so some such than that the their theirs them themselves then there these they this
    those though through to too under until up upon us very via was we were what when where
    whether which while who whom whose why will with within without would yet you your yours
    yourself yourselves along together toward towards"""
EN_FUNCTION_WORDS = frozenset(_EN_FUNCTION.split())
# pymorphy3 tags of Russian function words (and adverbs such as очень, вместе).
RU_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "PRED", "ADVB"})
RU_AUXILIARIES = frozenset({"быть"})
# jieba flags of Chinese function words: particles, prepositions, conjunctions, pronouns, adverbs.
ZH_FUNCTION_FLAGS = ("u", "p", "c", "r", "d", "x", "w", "e", "y", "o", "m", "q")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


class Lemmatizer:
    """Lemmatizes text per language; analyzers load on first use and stay with the object."""

    @cached_property
    def _morph(self) -> Any:
        from drift.lexicon.russian import load_morph_analyzer

        return load_morph_analyzer()

    @cached_property
    def _jieba(self) -> Any:
        try:
            import jieba
            import jieba.posseg
        except ImportError as exc:
            raise MissingDependencyError(
                "Chinese segmentation needs jieba: pip install 'jieba>=0.42'"
            ) from exc
        jieba.setLogLevel(60)
        return jieba.posseg

    @cached_property
    def _simplify(self) -> Any:
        """Traditional -> Simplified Chinese: jieba and the dictionaries know Simplified words,
        and originals are often Traditional (中俄關係)."""
        from drift.score.script import Simplifier

        return Simplifier().text

    def words(self, text: str, lang: str) -> list[tuple[str, bool]]:
        """(lemma, is_content) for each word of `text` in `lang` ("en", "ru" or "zh")."""
        if lang == "en":
            import simplemma

            out = []
            tokens = _WORD.findall(text)
            # a headline in capitals: its capitals are no acronyms (a lone "US" is one)
            shouting = text.isupper() and len(tokens) > 2
            for raw in tokens:
                word = raw.lower()
                lemma = simplemma.lemmatize(word, lang="en").lower()
                # an acronym is a name, not the function word it spells ("the US" is not "us")
                acronym = len(raw) >= 2 and raw.isupper() and not shouting
                content = (acronym or word not in EN_FUNCTION_WORDS) and not word.isdigit()
                out.append((word if acronym else lemma, content))
            return out
        if lang == "ru":
            out = []
            for word in _WORD.findall(text.lower().replace("ё", "е")):
                parse = self._morph.parse(word)[0]
                lemma = parse.normal_form.replace("ё", "е")
                pronoun = "Apro" in parse.tag or str(parse.tag.POS or "") in RU_FUNCTION_POS
                out.append((lemma, not pronoun and lemma not in RU_AUXILIARIES))
            return out
        if lang.startswith("zh"):
            return [
                (pair.word, not pair.flag.startswith(ZH_FUNCTION_FLAGS))
                for pair in self._jieba.cut(self._simplify(text))
                if pair.word.strip()
            ]
        raise UsageError(f"no lemmatizer for language {lang!r}; use en, ru or zh")

    def content(self, text: str, lang: str) -> tuple[str, ...]:
        """Content lemmas of `text`, in order, without repeats."""
        return tuple(dict.fromkeys(lemma for lemma, content in self.words(text, lang) if content))

    def has_content(self, text: str, lang: str) -> bool:
        """Whether `text` holds any content word (noun, verb, adjective...)."""
        return any(content for _, content in self.words(text, lang))
