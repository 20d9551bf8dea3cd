"""drift: catch translation drift in quotes of Russian and Chinese officials in English news.

The Python API mirrors the CLI; every function returns records or pandas DataFrames::

    import drift
    report = drift.run(["seeds/"], originals="seeds/originals.jsonl")
    report.divergences.head()
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_API = {"run", "find_quotes", "align_quotes", "back_translate", "list_models", "Report"}
_API |= {"DIVERGENCE_TYPES"}
__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    """Import the API on first use, so `import drift` stays cheap (no pandas, no torch)."""
    if name in _API:
        from drift import api

        return getattr(api, name)
    raise AttributeError(f"module 'drift' has no attribute {name!r}")
