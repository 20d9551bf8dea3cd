"""Language of a text with langdetect, seeded so the same text always gets the same code."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory

_MAX_CHARS = 10_000


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
    detector = _factory().create()
    detector.append(text[:_MAX_CHARS])
    try:
        return detector.detect()
    except LangDetectException:
        return ""
