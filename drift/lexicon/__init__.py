"""Lexical resources read where they are installed: bilingual dictionaries (Müller en-ru, FreeDict,
CC-CEDICT), English word knowledge (WordNet 3.0, Moby), and their listing (`drift resources`).

Names are imported on first use; nothing is read at import time.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "BilingualDictionary": "drift.lexicon.base",
    "ResourceInfo": "drift.lexicon.base",
    "ResourceStatus": "drift.lexicon.base",
    "EnglishSemantics": "drift.lexicon.english",
    "Relation": "drift.lexicon.english",
    "RESOURCES": "drift.lexicon.resources",
    "list_resources": "drift.lexicon.resources",
    "missing_resources": "drift.lexicon.resources",
    "english_to": "drift.lexicon.bilingual",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'drift.lexicon' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
