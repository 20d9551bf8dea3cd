"""Language of a text with langdetect, seeded so the same text always gets the same code.

langdetect costs 4-15 ms a call whatever the text; plain English prose, the bulk of a news
corpus, is told at once by cheap evidence instead: no letter outside a-z, English function words
that other Latin-script languages do not use, and none of their common function words. Anything
else goes to langdetect.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory

_MAX_CHARS = 10_000
# English function words that are not common words of other Latin-script languages (so not
# "in", "to", "a", "of", "is", "was", "we", "for", "at", "will", "also", "an", "or").
_ENGLISH_ONLY_WORDS = """the and that with which would have has been were this these those they
    their them there from not she his you your our its said should could what who whom than"""
_ENGLISH_ONLY = frozenset(_ENGLISH_ONLY_WORDS.split())
# Common lower-case function words of other Latin-script languages (German, French, Spanish,
# Italian, Portuguese, Dutch, Scandinavian, Indonesian, Turkish, Polish); one sends a text to
# langdetect.
_FOREIGN_WORDS = """der das und ist nicht ein eine mit dem sich auch auf le la les du des et
    est une que qui pas pour dans sur avec cette sont el los las del y por con para una se su
    al lo como il di che
    non della gli sono os da dos em um uma com nao het een en van ik niet zijn te voor och att
    det som ett av med til ikke er jeg og yang dan ini itu dengan untuk dari tidak bir bu ile
    nie sie jest ze"""
_FOREIGN = frozenset(_FOREIGN_WORDS.split())
_MIN_WORDS = 8
_MIN_ENGLISH = 3  # English-only words, of at least two kinds
_MIN_SHARE = 0.1
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@functools.lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    """A private langdetect factory with seed 0 (langdetect's own global one stays untouched)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0
    return factory


def detect_lang(text: str) -> str:
    """The langdetect code of `text` ("en", "ru", "zh-cn", ...), or "" when it has no letters."""
    from langdetect.lang_detect_exception import LangDetectException

    if not any(char.isalpha() for char in text[:_MAX_CHARS]):
        return ""
    if _plain_english(text[:_MAX_CHARS]):
        return "en"
    detector = _factory().create()
    detector.append(text[:_MAX_CHARS])
    try:
        return detector.detect()
    except LangDetectException:
        return ""


def _plain_english(text: str) -> bool:
    """Whether `text` is plainly English: only a-z letters, English-only function words (three
    or more, of two kinds or more, a tenth of the words) and no common word of another language."""
    words = _WORD.findall(text)
    letters_ascii = all(c.isascii() for w in words for c in w if c.isalpha())
    if len(text.split()) < _MIN_WORDS or not letters_ascii:
        return False
    if any(w in _FOREIGN for w in words):
        return False
    english = [w.lower() for w in words if w.lower() in _ENGLISH_ONLY]
    return (
        len(english) >= _MIN_ENGLISH
        and len(set(english)) >= 2
        and len(english) >= _MIN_SHARE * len(words)
    )
