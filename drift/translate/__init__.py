"""Back-translation: backends (marian, nllb, lexicon), the batching and caching engine, routing.

Names are imported on first use, so `import drift.translate` does not pull in torch.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "TranslationEngine": "drift.translate.engine",
    "translate": "drift.translate.engine",
    "Translator": "drift.translate.base",
    "TRANSLATORS": "drift.translate.base",
    "get_translator": "drift.translate.base",
    "list_models": "drift.translate.models",
    "pull_model": "drift.translate.models",
    "model_path": "drift.translate.models",
    "source_lang": "drift.translate.routing",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'drift.translate' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
