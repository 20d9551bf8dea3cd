"""The translator interface and its registry: backends are chosen by name, imported lazily."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from drift.errors import UsageError


@runtime_checkable
class Translator(Protocol):
    """Translates a batch of texts from `src` to `tgt` (ISO 639-1 codes: en, ru, zh)."""

    name: str  # the backend's registry name, written into every output row
    model_id: str  # model id or path (with revision when known); "" for model-free backends

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        """Return one translation per input text, in input order."""
        ...


# name -> "module:Class", imported only when asked for (as sacrebleu does with its metrics).
TRANSLATORS: dict[str, str] = {
    "marian": "drift.translate.marian:MarianTranslator",
    "nllb": "drift.translate.nllb:NllbTranslator",
    "ct2": "drift.translate.ct2:CT2Translator",
    "lexicon": "drift.translate.lexicon_backend:LexiconTranslator",
}


def get_translator(name: str, **kwargs: object) -> Translator:
    """Build the translator registered as `name`; kwargs go to its constructor."""
    try:
        target = TRANSLATORS[name]
    except KeyError:
        valid = ", ".join(["auto", *sorted(TRANSLATORS)])
        raise UsageError(f"unknown backend {name!r}; choose one of: {valid}") from None
    module_name, class_name = target.split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls(**kwargs)
